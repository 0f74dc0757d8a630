"""NL104 punctuation-spacing: a space inside brackets or quotation marks, none after a comma or a closing quote."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from newslint import patterns
from newslint.addresses import is_web_address
from newslint.document import Document, JoinedProse, Paragraph
from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.quotation import Mark, ParagraphQuotes
from newslint.rule import Rule, rule
from newslint.words import token_after, token_around, token_before

_SPACES = " \u00a0"
_BRACKET = patterns.compile(r"[()\[\]]")
# A comma glued to the next word: after a word, a number, a full stop or a closing mark.
# The comma comes first and what stands before it is a lookbehind after it: a pattern
# that opens with a literal is searched for in C, one that opens with a lookbehind is
# tried at every character (a fifth of this rule's time on a corpus).
_GLUED_COMMA = patterns.compile(r",(?=[^\W\d_])(?<=[^\W_],|[.%)\]\"'”’],)")
# What shows that a token is code, an e-mail address or a path, not prose (a web address: is_web_address).
_CODE_LIKE = patterns.compile(r"[@/\\=_{}<>|#~^*]|(?<![.])\.[a-z]{2,4}\b|\w\(")
# A colon between two lower-case words (said:the, score:two). A capital on either side
# is left alone: names are written so (CSI:NY, CD:UK), and times and references have digits.
_GLUED_COLON = patterns.compile(r":(?=[a-z]{2})(?<=[a-z]{2}:)")
# A semicolon between two lower-case words (rose;inflation): the same test as a colon's.
# Not in a character reference left as text (&nbsp;the) or a token with other marks.
_GLUED_SEMICOLON = patterns.compile(r";(?=[a-z]{2})(?<=[a-z]{2};)")
# Addresses of schemes written without '//' (mailto:desk, tel:..., urn:isbn:...).
_SCHEME_ONLY = patterns.compile(r"(?:mailto|tel|sms|urn|sip|xmpp|irc|javascript|geo):", re.IGNORECASE)
# Commas (colons) glued to what follows: two or more in one token make a list or data (a,b,c).
_GLUED_IN_TOKEN = {
    ",": patterns.compile(r",(?=\S)"),
    ":": patterns.compile(r":(?=\S)"),
    ";": patterns.compile(r";(?=\S)"),
}
_TOKEN_WINDOW = 100
_SHOWN = 30  # the most of a neighbouring word a message shows
# The letters and digits either side of a mark glued between two words, for the message.
_LETTERS_AFTER = patterns.compile(r"[^\W_]{1,30}")
_LETTERS_BEFORE = patterns.compile(r"[^\W_]{1,30}$")


def _bracket_pairs(text: str) -> Iterator[tuple[int, int]]:
    """Yield the local indices (opening, closing) of the brackets of a paragraph that pair."""
    stack: list[int] = []
    for match in _BRACKET.finditer(text):
        i, ch = match.start(), match.group()
        if ch in "([":
            stack.append(i)
        elif stack and text[stack[-1]] == ("(" if ch == ")" else "["):
            yield stack.pop(), i
        else:
            stack.clear()  # unpaired or mismatched: unbalanced-bracket's business


def _brackets(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Yield (start, end, message, replacement) for spaces just inside a pair of brackets."""
    for opening, closing in _bracket_pairs(text):
        if opening and not (text[opening - 1].isspace() or text[opening - 1] in "\"'“‘—–-"):
            continue  # glued to a word, as in code: f( x ), or a (s) suffix
        inner = text[opening + 1 : closing]
        if not inner.strip(_SPACES):
            continue  # ( ) an empty pair, a blank to fill in
        after = _match_spaces(text, opening + 1, forward=True)
        if after and (text[opening + 1 + after].isalnum() or text[opening + 1 + after] in "\"'“‘£$€"):
            bracket, spaces = text[opening], text[opening + 1 : opening + 1 + after]
            word = token_after(text, opening + 1 + after, _SHOWN)
            yield opening, opening + 1 + after, f"space after the opening {bracket}: '{bracket}{spaces}{word}'", bracket
        before = _match_spaces(text, closing, forward=False)
        if before and (text[closing - before - 1].isalnum() or text[closing - before - 1] in ".,!?%\"'”’"):
            bracket, spaces = text[closing], text[closing - before : closing]
            word = token_before(text, closing - before, _SHOWN)
            yield (
                closing - before,
                closing + 1,
                f"space before the closing {bracket}: '{word}{spaces}{bracket}'",
                bracket,
            )


def _match_spaces(text: str, at: int, forward: bool) -> int:
    """Return how many (one or two) spaces stand after (or before) ``at``; 0 for none or more."""
    count = 0
    if forward:
        while at + count < len(text) and text[at + count] in _SPACES and count < 3:
            count += 1
    else:
        while at - count - 1 >= 0 and text[at - count - 1] in _SPACES and count < 3:
            count += 1
    return count if count <= 2 else 0  # three or more: layout, not a slip


def _glued(text: str, glued: re.Pattern[str], mark: str, name: str) -> Iterator[tuple[int, int, str, str]]:
    """Yield (start, end, message, replacement) for each ``mark`` (a comma, a colon) with no space after it."""
    in_token = _GLUED_IN_TOKEN[mark]
    for match in glued.finditer(text):
        at = match.start()
        token = token_around(text, at, at + 1, _TOKEN_WINDOW)
        if is_web_address(token) or _CODE_LIKE.search(token) or len(in_token.findall(token)) > 1:
            continue  # a URL, code, or a list written without spaces (tags: a,b,c)
        if mark == ";" and ("&" in token or ":" in token):
            continue  # a character reference written out (&nbsp;the), or a style (color:red;font)
        if mark == ":" and _SCHEME_ONLY.match(token_before(text, at + 1, _TOKEN_WINDOW)):
            continue
        shown = f"{token_before(text, at, _SHOWN)}{mark}{token_after(text, at + 1, _SHOWN)}"
        yield at, at + 1, f"no space after the {name}: '{shown}'", f"{mark} "


def _quotes(text: str, quotes: ParagraphQuotes) -> Iterator[tuple[int, int, str, str, bool]]:
    """Yield (start, end, message, replacement, safe) for spacing around quotation marks."""
    marks: dict[int, Mark] = {}  # by index, made on the first mark that needs its partner
    last = len(text) - 1
    for mark in quotes.marks:
        i = mark.index
        # Each finding needs a space or a letter beside its mark: tested first, as most
        # marks have neither where it counts, and the pairing is looked up only then.
        left = text[i - 1] if i else ""
        right = text[i + 1] if i < last else ""
        if mark.role == "open":
            if not (right and right in _SPACES) and not (mark.double and left.isalnum() and right.isalnum()):
                continue
        elif mark.role == "close":
            if not (left and left in _SPACES) and not (right.isalpha() and left and left not in ".!?"):
                continue
        else:
            continue
        if not marks:
            marks = {mark.index: mark for mark in quotes.marks}
        if mark.role == "open" and _clearly_paired(mark, marks, opening=True):
            end = i + 1
            while end < len(text) and end - i <= 2 and text[end] in _SPACES:
                end += 1
            if end > i + 1 and end < len(text) and (text[end].isalnum() or text[end] in "£$€"):
                word = token_after(text, end, _SHOWN)
                message = f"space after the opening {mark.char}: '{text[i:end]}{word}'"
                yield i, end, message, mark.char, True
            elif mark.double and end == i + 1 < len(text) and i > 0 and text[i - 1].isalnum() and text[end].isalnum():
                # Glued to the word before: a lost space, or a headline or subheading run
                # into its paragraph (pace“We are ...).
                yield _glued_opening(text, mark)
        elif (
            mark.role == "open"
            and mark.double
            and mark.status in ("continued", "reopened")
            and i > 0
            and text[i - 1].isalpha()
            and right.isupper()
        ):
            # A quotation the next paragraph (or sentence) reopens has no closing partner
            # to vouch for this mark; between a word and a capital it can only open one
            # (a subheading run into a quoted paragraph: 'Coach hits out"We were ...').
            yield _glued_opening(text, mark)
        elif mark.role == "close" and _clearly_paired(mark, marks, opening=False):
            start = i
            while start > 0 and i - start < 2 and text[start - 1] in _SPACES:
                start -= 1
            if start < i and start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".,!?%"):
                word = token_before(text, start, _SHOWN)
                message = f"space before the closing {mark.char}: '{word}{text[start : i + 1]}'"
                yield start, i + 1, message, mark.char, True
            elif (
                i + 1 < len(text)
                and text[i + 1].isalpha()
                and i > 0
                and text[i - 1] not in ".!?"  # a run-on sentence: missing-space says so
            ):
                word = token_after(text, i + 1, _SHOWN)
                message = f"no space after the closing {mark.char}: '{mark.char}{word}'"
                yield (
                    i,
                    i + 1,
                    message,
                    mark.char + " ",
                    mark.curly or (mark.partner is not None and marks[mark.partner].certain),
                )


def _glued_opening(text: str, mark: Mark) -> tuple[int, int, str, str, bool]:
    """Return the finding for an opening double mark glued to the word before it."""
    i = mark.index
    before = _LETTERS_BEFORE.search(text, max(0, i - 30), i)
    after = _LETTERS_AFTER.match(text, i + 1)
    glued = f"{before.group() if before else ''}{mark.char}{after.group() if after else ''}"
    return i, i + 1, f"no space before the opening {mark.char}: '{glued}'", " " + mark.char, True


def _clearly_paired(mark: Mark, marks: dict[int, Mark], opening: bool) -> bool:
    """Return True if the mark's direction is not in doubt: curly, or paired with a mark whose is."""
    if mark.partner is None or mark.status != "paired":
        return False
    if (mark.partner > mark.index) != opening:
        return False
    partner = marks[mark.partner]
    if mark.curly and mark.char in "“”":
        return True
    # A straight mark (or a single curly one, which may be an apostrophe): its partner
    # must have told its own direction from its neighbours.
    return partner.certain


@rule(
    "NL104",
    "punctuation-spacing",
    severity="warning",
    summary="A space inside brackets or quotation marks, or none after a comma or a closing quotation mark.",
)
def punctuation_spacing(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Reports a space just inside brackets (``( the plan )``, ``[ sic ]``) or quotation
    marks (``" the plan"``, ``“the plan ”``), a comma with no space before the next word
    (``plan,which``), a colon or semicolon between two lower-case words (``said:the``,
    ``rose;inflation``), a closing quotation mark glued to the next word (``”said
    Smith``), and an opening double mark glued to the word before (``of“squabbling``,
    or a headline run into its paragraph: ``pace“We are``), also when that quotation runs on
    into the next paragraph, which reopens it, so that no closing mark pairs with it.
    Otherwise a straight quotation mark is judged only when its direction is not in
    doubt: it pairs with a mark that tells its own direction from its neighbours.

    Left alone: numbers (``1,000``, ``3,5``, ``10:30``), names with a capital beside the
    colon (``CSI:NY``), URLs, e-mail addresses, paths and code-like
    tokens, lists written without spaces (``a,b,c``), brackets glued to a word as in
    code (``f( x )``), and a closing mark after a full stop glued to the next sentence
    (``said."The``), which missing-space (NL201) reports.

    Why it matters:
    Spacing slips are copy damage from editing and pasting; they look careless, and a
    space after an opening mark lets a line break strand the mark.

    Example:
    ``The plan ( agreed on Monday ) was,he said, “ a start”which few believed.``

    Use instead:
    ``The plan (agreed on Monday) was, he said, “a start” which few believed.``

    Options:
    None. The fixes (drop the space inside the marks, add one after the comma or the
    closing mark) are safe, except after a straight closing mark whose direction was
    inferred from its partner.
    """
    text_of_file = document.text
    # (A mark written as a character reference, &#8220; in HTML, is only in the prose.)
    if not any(c in text_of_file for c in "([,:;\"'“”‘’&"):
        return
    # One search of the joined prose per kind of slip finds the paragraphs that can
    # hold one; the others are not read. Each screen is a condition every finding of its
    # kind meets at its mark: a space inside a bracket, the comma or colon pattern
    # itself. A match in a paragraph is a match in the joined prose: NUL between
    # paragraphs is neither a space nor a letter, so it stands for the paragraph's edge.
    joined = document.joined
    commas = _paragraphs_matching(joined, _GLUED_COMMA)
    colons = _paragraphs_matching(joined, _GLUED_COLON)
    semicolons = _paragraphs_matching(joined, _GLUED_SEMICOLON) if ";" in joined.text else set()
    brackets = _spaced_brackets(joined)
    for number, (paragraph, quotes) in enumerate(zip(document.paragraphs, document.quote_marks)):
        if not (quotes.marks or number in brackets or number in commas or number in colons or number in semicolons):
            continue
        text = paragraph.text
        edits: list[tuple[int, int, str, str, bool]] = []
        if number in brackets:
            edits.extend((*item, True) for item in _brackets(text))
        if number in commas:
            edits.extend((*item, True) for item in _glued(text, _GLUED_COMMA, ",", "comma"))
        if number in colons:
            edits.extend((*item, True) for item in _glued(text, _GLUED_COLON, ":", "colon"))
        if number in semicolons:
            edits.extend((*item, True) for item in _glued(text, _GLUED_SEMICOLON, ";", "semicolon"))
        if quotes.marks:
            edits.extend(_quotes(text, quotes))
        for start, end, message, replacement, safe in sorted(edits):
            yield _violation(document, paragraph, start, end, message, replacement, safe)


def _spaced_brackets(joined: JoinedProse) -> set[int]:
    """Return the numbers of the paragraphs where a space stands just inside a bracket.

    Every bracket finding needs one. Brackets are rare in prose, so a ``str.find`` loop
    from bracket to bracket beats a character class, which is tried at every character.
    """
    prose, found = joined.text, set()
    for bracket in "([)]":
        opening = bracket in "(["
        at = prose.find(bracket)
        while at >= 0:
            inside = prose[at + 1 : at + 2] if opening else prose[at - 1 : at] if at else ""
            if inside and inside in _SPACES:
                found.add(joined.locate(at)[0])
            at = prose.find(bracket, at + 1)
    return found


def _paragraphs_matching(joined: JoinedProse, pattern: re.Pattern[str]) -> set[int]:
    """Return the numbers of the paragraphs where ``pattern`` matches, from one search of the joined prose."""
    return {joined.locate(match.start())[0] for match in pattern.finditer(joined.text)}


def _violation(
    document: Document, paragraph: Paragraph, start: int, end: int, message: str, replacement: str, safe: bool
) -> Violation:
    """Return the finding, with its fix when the span stands in the file as written."""
    a, b = paragraph.span(start, end)
    fix = Fix(a, b, replacement, safe=safe) if document.as_written(paragraph, start, end) else None
    return Violation(a, b, message, fix)


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [punctuation_spacing]
