"""NL102 dangling-punctuation: repeated punctuation, and spaces stranded before it."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from newslint import patterns
from newslint.addresses import is_web_address
from newslint.document import Document, JoinedProse
from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule
from newslint.words import token_after, token_before

# A sentence's end repeated after its closing quote or bracket: riskier.”.  ?”.  !".  .).
_REPEATED_END = patterns.compile(r"([.!?])([\"'”’)\]]+)(\.)(?!\.)")
# A comma kept before the closing mark where the sentence ends after it: win this,”.
_COMMA_THEN_STOP = patterns.compile(r",([\"'”’)\]]+)\.(?!\.)")
# Two or more commas.
_DOUBLED_COMMA = patterns.compile(r",{2,}")
# Exactly two full stops after a word or a closing mark (three or more make an ellipsis).
_DOUBLED_STOP = patterns.compile(r"(?:(?<=[^\W_])|(?<=[\"'”’)\]]))\.\.(?!\.)")
# Spaces (ordinary, no-break U+00A0, thin U+2009 and narrow no-break U+202F) that stand
# before punctuation which follows a word, a number or a closing mark.
# Spaces after a word (or a closing mark), then the mark. The first space opens the
# pattern and what stands before it is a lookbehind after it: a pattern that opens with
# a lookbehind is tried at every character, one that opens with a class only at spaces.
_SPACE_BEFORE = patterns.compile(
    r"[ \t\u00a0\u2009\u202f](?<=[^\W_][ \t\u00a0\u2009\u202f]|[%\"'”’)\]][ \t\u00a0\u2009\u202f])"
    r"[ \t\u00a0\u2009\u202f]*([,.;:?!])"
)
# Screens of the whole prose, one a shape, each a condition that every finding of its
# kind meets. Each opens with a literal mark, which is searched for in C, and looks
# back only there (a class or a look-behind that opens a pattern is tried at every
# character): a full stop after a closing mark that follows a mark or another closer
# (every repeated end, '.”.' '?”).' ',”.', holds one; a plain '(BBC).' does not), two
# commas or full stops, and a space just before a mark (one pattern a mark).
_STOP_AFTER_CLOSER = patterns.compile(r"\.(?<=[.!?,\"'”’)\]][\"'”’)\]]\.)")
_DOUBLED_MARKS = (patterns.compile(",,"), patterns.compile(r"\.\."))
# Two marks of which one is stray, after a word or a closing mark and before a space or
# the end: 'appeal,.', 'ended., and', 'rose;; wages', 'said:: the', 'pay?. The'. Not in
# code (std::vector, fe80::1), not an ellipsis (?...), not '!.' (Yahoo!. is a name's).
_MIXED_PAIR = patterns.compile(r"(?:(?<=[^\W_])|(?<=[\"'”’)\]]))(,\.|\.,|;;|::|\?\.)(?=\s|$)")
_MIXED_MARKS = tuple(patterns.compile(re.escape(pair)) for pair in (",.", ".,", ";;", "::", "?."))
# Words that take a full stop as abbreviations, before which '.,' is no slip.
_SHORT_FORMS = frozenset(
    """Mr Mrs Ms Dr Prof Rev Gen Col Capt Lt Sgt Gov Sen Rep Bros Plc Llc Dept Univ Assn
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat
    Sun vs viz cf ca esp incl""".split()
)
_PAIR_NAMES = {
    ",.": "comma before the full stop",
    ".,": "full stop before the comma",
    ";;": "doubled semicolon",
    "::": "doubled colon",
    "?.": "full stop after the question mark",
}
_SPACED_MARKS = {mark: patterns.compile(rf"\{mark}(?<=[ \t\u00a0\u2009\u202f]\{mark})") for mark in ",.;:?!"}
# The word before a full stop that may end an abbreviation: U.S. Inc. e.g.
_ABBREVIATION_END = patterns.compile(
    r"(?:\b[^\W\d_]\.[^\W\d_]|\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St|etc|al|approx|No|Nos))$", re.I
)
# Names that are written with a leading full stop and a capital: Microsoft's .Net.
_DOTTED_NAMES = frozenset({"Net", "Mac", "Me", "Onion", "Xxx"})
_CLOSERS = "\"'”’)]"
_NAMES = {
    ".": "full stop",
    "!": "exclamation mark",
    "?": "question mark",
    ",": "comma",
    ";": "semicolon",
    ":": "colon",
}


def _repeated_ends(text: str) -> Iterator[tuple[int, int, int, str, bool]]:
    """Yield (start, end, cut, message, safe) for a full stop after a closed sentence."""
    if not any(closer + "." in text for closer in _CLOSERS):
        return  # substring tests are much faster than the regex on clean paragraphs
    for match in _REPEATED_END.finditer(text):
        mark, closers = match.group(1), match.group(2)
        if mark != "." and closers[-1] in ")]":
            continue  # the innocent (defined by whom?). : the sentence still needs its stop
        if mark == "." and (
            text[max(0, match.start() - 1) : match.start()] == "."  # an ellipsis...”.
            # “made in the U.S.”. (searched in a short window: from the start, every
            # match would rescan the paragraph)
            or _ABBREVIATION_END.search(text, max(0, match.start() - 12), match.start())
        ):
            continue
        shown = match.group()
        message = f"{_NAMES[mark]} repeated after the closing {closers[-1]}: '{shown}'"
        yield match.start(), match.end(), match.start(3), message, True
    for match in _COMMA_THEN_STOP.finditer(text):
        closer = match.group(1)[-1]
        message = f"comma before the closing {closer} where the sentence ends: '{match.group()}'"
        # Unsafe: dropping the comma gives 'this”.', but the writer may have meant 'this.”'.
        yield match.start(), match.end(), match.start(), message, False


def _mixed(text: str) -> Iterator[tuple[int, int, int, str, bool]]:
    """Yield (start, end, cut, message, safe) for a stray mark beside another (``appeal,.``).

    The cut is the stray mark: the comma of ``,.`` and the full stop of ``.,`` (which
    of the two the writer meant is theirs to say: an unsafe fix), the full stop of
    ``?.`` and one of a doubled semicolon or colon (safe).
    """
    for match in _MIXED_PAIR.finditer(text):
        pair, at = match.group(1), match.start(1)
        word = token_before(text, at)
        if pair == ".," and (
            _ABBREVIATION_END.search(text, max(0, at - 12), at) or word.isupper() or word in _SHORT_FORMS
        ):
            continue  # U.S., etc., e.g., Inc., LLC., Mr., Jan.: the full stop is the abbreviation's
        if is_web_address(word) or "/" in word or "\\" in word:
            continue
        cut = at + 1 if pair in ("?.", ";;", "::") else at
        yield at, at + 2, cut, f"{_PAIR_NAMES[pair]}: '{word}{pair}'", pair in ("?.", ";;", "::")


def _doubled(text: str) -> Iterator[tuple[int, int, int, str, bool]]:
    if ",," not in text and ".." not in text:
        return
    for match in _DOUBLED_COMMA.finditer(text):
        yield match.start(), match.end(), match.start() + 1, f"doubled comma: '{match.group()}'", True
    for match in _DOUBLED_STOP.finditer(text):
        token = token_before(text, match.start()) + token_after(text, match.start())
        if "/" in token or "://" in token or "\\" in token:
            continue  # ../parent, a path or a URL
        at = match.start()
        if text[at - 1] in _CLOSERS and not (at >= 2 and (text[at - 2].isalnum() or text[at - 2] in ".!?%")):
            continue  # the mark opens what follows: "..", (..)
        after = text[match.end() : match.end() + 1]
        if after.isalnum() or (after and after in "/\\"):
            continue  # 1..10, a range; a..b in code-like text
        word = token_before(text, match.start())
        # Before a lower-case word, "word.. more" is more likely a short ellipsis.
        safe = not text[match.end() + 1 : match.end() + 2].islower()
        yield match.start(), match.end(), match.start() + 1, f"doubled full stop: '{word}..'", safe


def _space_name(spaces: str) -> str:
    """Return what a run of spaces is, for the message."""
    kinds = []
    if " " in spaces or "\t" in spaces:
        kinds.append("space")
    if "\u00a0" in spaces:
        kinds.append("no-break space")
    if "\u2009" in spaces or "\u202f" in spaces:
        kinds.append("thin space")
    return " and ".join(kinds) if len(kinds) < 3 else "spaces"


def _spaces_before(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Yield (start, end, message, replacement) for spaces stranded before punctuation.

    The span is the spaces and the mark. The replacement drops the spaces; when the mark
    is glued to the next word (``here ,then``, ``in .London``), it moves the space after
    the mark instead (``here, then``): dropping it would leave ``here,then``.
    """
    for match in _SPACE_BEFORE.finditer(text):
        mark = match.group(1)
        end = match.end()
        after = text[end : end + 1]
        # Glued to the next word: a letter or digit, or an opening quote or bracket.
        glued = bool(after) and (
            after.isalnum() or after in "“‘([" or (after in "\"'" and text[end + 1 : end + 2].isalnum())
        )
        word = token_before(text, match.start())
        if mark == ".":
            if glued:
                # .com, .NET, .5: the full stop belongs to what follows. Only a
                # capitalised word, not a name written with a dot, shows that the full
                # stop was meant to end the sentence before it: in .London.
                following = token_after(text, end)
                name = re.match(r"[^\W\d_]+", following)
                if not (
                    name
                    and len(name.group()) > 1
                    and name.group()[0].isupper()
                    and name.group()[1:].islower()
                    and name.group() not in _DOTTED_NAMES
                    and "." not in following[name.end() :].rstrip(".,;:!?\"'”’)")
                ):
                    continue
            elif after and not after.isspace() and after not in _CLOSERS:
                continue  # an ellipsis ..., a path ../
            elif after.isspace():
                # A lone full stop before a lower-case word stands for itself (press .
                # to), and . . . is a spaced ellipsis.
                following = text[end + 1 : end + 2]
                if following.islower() or following == ".":
                    continue
        elif mark == ",":
            if after.isdigit():
                continue  # ,5 a decimal comma
        elif mark in ":;":
            # A word, then the mark, then a space or a quotation: not a score (2 : 1),
            # a time, an emoticon ( :-) ;) ) or code.
            if not word[-1:].isalpha() or not (not after or after.isspace() or after in "\"'“‘"):
                continue
        else:  # ? !
            if after and not after.isspace() and after not in _CLOSERS + "?!":
                continue  # ?q=1 in a URL-like token, !important
        if is_web_address(word):  # a URL or a web address before a mark (9/4 . is fine)
            continue
        spaces = text[match.start() : match.start(1)]
        mark_name = _NAMES[mark]
        replacement = mark + " " if glued else mark
        shown = f"{word} {mark}" + (token_after(text, end)[:30] if glued else "")
        message = f"{_space_name(spaces)} before the {mark_name}: '{shown}'"
        yield match.start(), end, message, replacement


def _paragraphs_matching(joined: JoinedProse, screens: tuple[re.Pattern[str], ...]) -> set[int]:
    """Return the numbers of the paragraphs where one of ``screens`` matches.

    Each screen is searched once first: most articles hold no match, and the search
    stops at the first one.
    """
    prose = joined.text
    return {
        joined.locate(match.start())[0]
        for screen in screens
        if screen.search(prose) is not None
        for match in screen.finditer(prose)
    }


@rule(
    "NL102",
    "dangling-punctuation",
    severity="warning",
    summary="A full stop repeated across a closing quote, doubled punctuation, or a space before it.",
)
def dangling_punctuation(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Reports terminal punctuation repeated after a closing quotation mark or bracket
    (``riskier.”.``, ``?”.``, ``!".``, ``.).``), a comma before the closing mark where
    the sentence ends after it (``win this,”.``, an unsafe fix drops the comma), doubled
    commas and full stops (``,,``, ``word..``, ``"a farce"..``), a stray mark beside
    another before a space or the end (``appeal,.`` and ``ended.,``, whose fix is only
    suggested; ``rose;;``, ``said::``, ``pay?.``), and a space before a comma, full stop, semicolon, colon,
    question or exclamation mark (``word ,``, ``word .``, ``said :``): an ordinary
    space, a no-break space (U+00A0) or a thin space (U+2009, U+202F), or several. A
    full stop separated from the word it ends and glued to the next sentence
    (``in .London``) is reported too. An ellipsis (``...``, ``…``), ``..`` in a path or
    URL, ``.com``, ``.NET``, ``.Net``, ``.5``, a score or time (``2 : 1``), an emoticon,
    an abbreviation's full stop before a comma (``U.S.,``, ``etc.,``, ``LLC.,``, ``Jan.,``),
    code (``std::vector``), ``!.`` after a name written with its mark (``Yahoo!.``),
    and an abbreviation's full stop before the closing mark (``the U.S.”.``) are left
    alone. In HTML and Markdown the prose is read, entities decoded (``riskier.&rdquo;.``
    is found), never the markup (``href="?q=a,,b"``).

    Why it matters:
    Stray marks are copy damage, usually left by an edit that moved or rewrote the end
    of a sentence. Readers notice them. A no-break space before punctuation is French
    typography (or a paste from a French source), not English.

    Example:
    ``“It is even riskier.”.``  ``the budget,, he said``  ``the deal .``  ``here ,then``
    ``moved in .London``

    Use instead:
    ``“It is even riskier.”``  ``the budget, he said``  ``the deal.``  ``here, then``
    ``moved in. London``

    Options:
    None. The fix is safe: it drops the extra mark or the spaces, and when the mark was
    glued to the next word it moves the space after the mark (``here ,then`` becomes
    ``here, then``, never ``here,then``).

    Known problems:
    A name written with a leading full stop and a capital that the rule does not know
    (it knows ``.Net`` and ``.Mac``) after a space reads as a full stop glued to the next
    sentence.
    """
    text_of_file = document.text
    # Screened in the prose, not the file: an entity (riskier.&rdquo;.) hides the pair
    # from the file's text, and markup (href="a,,b") is not prose.
    # The paragraphs where a screen matches are the only ones that can hold a finding of
    # its kind (a match in a paragraph is one in the joined prose, and NUL between
    # paragraphs is no mark, closer or space); the others are not read.
    joined = document.joined
    repeated = _paragraphs_matching(joined, (_STOP_AFTER_CLOSER,))
    doubled = _paragraphs_matching(joined, _DOUBLED_MARKS)
    mixed = _paragraphs_matching(joined, tuple(p for p in _MIXED_MARKS if p.pattern.replace("\\", "") in joined.text))
    # (A mark the prose does not hold, found by a test at memchr speed, needs no search.)
    spaced = _paragraphs_matching(joined, tuple(p for mark, p in _SPACED_MARKS.items() if mark in joined.text))
    if not (repeated or doubled or mixed or spaced):
        return  # the common case: none of the marks' pairs anywhere in the prose
    paragraphs = document.paragraphs
    for number in sorted(repeated | doubled | mixed | spaced):
        paragraph = paragraphs[number]
        text = paragraph.text
        edits: list[tuple[int, int, int, int, str, str, bool]] = []
        if number in repeated:
            for start, end, cut, message, safe in _repeated_ends(text):
                edits.append((start, end, cut, cut + 1, "", message, safe))
        if number in doubled:
            for start, end, cut, message, safe in _doubled(text):
                edits.append((start, end, cut, cut + 1, "", message, safe))
        if number in mixed:
            for start, end, cut, message, safe in _mixed(text):
                edits.append((start, end, cut, cut + 1, "", message, safe))
        if number in spaced:
            for start, end, message, replacement in _spaces_before(text):
                edits.append((start, end, start, end, replacement, message, True))
        edits.sort()
        for start, end, cut, cut_end, replacement, message, safe in edits:
            fix_start, fix_end = paragraph.span(cut, cut_end)
            if text_of_file[fix_start:fix_end] != text[cut:cut_end]:
                fix = None  # markup in between (an escape, an entity): no safe edit
            else:
                fix = Fix(fix_start, fix_end, replacement, safe=safe)
            span_start, span_end = paragraph.span(start, end)
            yield Violation(span_start, span_end, message, fix)


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [dangling_punctuation]
