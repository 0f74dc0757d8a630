"""NL102 dangling-punctuation: repeated or stranded commas and full stops."""

from __future__ import annotations

import re
from typing import Any, Iterator, Mapping

from newslint.document import Document
from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule

# A sentence's end repeated after its closing quote or bracket: riskier.”.  ?”.  !".  .).
_REPEATED_END = re.compile(r"([.!?])([\"'”’)\]]+)(\.)(?!\.)")
# Two or more commas.
_DOUBLED_COMMA = re.compile(r",{2,}")
# Exactly two full stops after a word (three or more make an ellipsis).
_DOUBLED_STOP = re.compile(r"(?<=[^\W_])\.\.(?!\.)")
# Spaces before a comma or a full stop that follows a word, a number or a closer.
_SPACE_BEFORE = re.compile(r"(?:(?<=[^\W_])|(?<=[%\"'”’)\]]))[ \t\u00a0]+([,.])")
# The word before a full stop that may end an abbreviation: U.S. Inc. e.g.
_ABBREVIATION_END = re.compile(r"(?:\b[^\W\d_]\.[^\W\d_]|\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St|etc|al|approx|No|Nos))$", re.I)
_URL_TOKEN = re.compile(r"\S*(?:://|www\.|/)\S*$")
_CLOSERS = "\"'”’)]"
_NAMES = {".": "full stop", "!": "exclamation mark", "?": "question mark"}


def _token_before(text: str, end: int) -> str:
    """Return the run of non-space characters that ends at ``end``."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _token_after(text: str, start: int) -> str:
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


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
            or _ABBREVIATION_END.search(text, 0, match.start())  # “made in the U.S.”.
        ):
            continue
        shown = match.group()
        message = f"{_NAMES[mark]} repeated after the closing {closers[-1]}: '{shown}'"
        yield match.start(), match.end(), match.start(3), message, True


def _doubled(text: str) -> Iterator[tuple[int, int, int, str, bool]]:
    if ",," not in text and ".." not in text:
        return
    for match in _DOUBLED_COMMA.finditer(text):
        yield match.start(), match.end(), match.start() + 1, f"doubled comma: '{match.group()}'", True
    for match in _DOUBLED_STOP.finditer(text):
        token = _token_before(text, match.start()) + _token_after(text, match.start())
        if "/" in token or "://" in token or "\\" in token:
            continue  # ../parent, a path or a URL
        after = text[match.end() : match.end() + 1]
        if after.isalnum() or (after and after in "/\\"):
            continue  # 1..10, a range; a..b in code-like text
        word = _token_before(text, match.start())
        # Before a lower-case word, "word.. more" is more likely a short ellipsis.
        safe = not text[match.end() + 1 : match.end() + 2].islower()
        yield match.start(), match.end(), match.start() + 1, f"doubled full stop: '{word}..'", safe


def _spaces_before(text: str) -> Iterator[tuple[int, int, int, str, bool]]:
    if not any(space + mark in text for space in " \t\u00a0" for mark in ",."):
        return
    for match in _SPACE_BEFORE.finditer(text):
        mark = match.group(1)
        after = text[match.end() : match.end() + 1]
        if mark == ".":
            # .com, .NET, .5, an ellipsis ... : the full stop belongs to what follows.
            if after and not after.isspace() and after not in "\"'”’)]":
                continue
            # A lone full stop before a lower-case word stands for itself (press . to),
            # and . . . is a spaced ellipsis.
            following = text[match.end() + 1 : match.end() + 2]
            if after.isspace() and (following.islower() or following == "."):
                continue
        elif after.isdigit():
            continue  # ,5 a decimal comma
        word = _token_before(text, match.start())
        name = "full stop" if mark == "." else "comma"
        yield match.start(), match.end(), match.start(), f"space before the {name}: '{word} {mark}'", True


# Each finder, with the character pairs that must be in the text for it to find anything.
_FINDERS = (
    (_repeated_ends, tuple(closer + "." for closer in _CLOSERS)),
    (_doubled, (",,", "..")),
    (_spaces_before, tuple(space + mark for space in " \t\u00a0" for mark in ",.")),
)


@rule(
    "NL102",
    "dangling-punctuation",
    severity="warning",
    summary="A full stop repeated across a closing quote, doubled punctuation, or a space before it.",
)
def dangling_punctuation(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Reports terminal punctuation repeated after a closing quotation mark or bracket
    (``riskier.”.``, ``?”.``, ``!".``, ``.).``), doubled commas and full stops
    (``,,``, ``word..``), and a space before a comma or a full stop (``word ,``,
    ``word .``). An ellipsis (``...``, ``…``), ``..`` in a path or URL, ``.com``,
    ``.NET``, ``.5``, and an abbreviation's full stop before the closing mark
    (``the U.S.”.``) are left alone.

    Why it matters:
    Stray marks are copy damage, usually left by an edit that moved or rewrote the end
    of a sentence. Readers notice them.

    Example:
    ``“It is even riskier.”.``  ``the budget,, he said``  ``the deal .``

    Use instead:
    ``“It is even riskier.”``  ``the budget, he said``  ``the deal.``

    Options:
    None. The fix (drop the extra mark, or the space) is safe.
    """
    finders = [finder for finder, needles in _FINDERS if any(n in document.text for n in needles)]
    if not finders:
        return  # the whole text has none of the marks' pairs: the common case
    for paragraph in document.paragraphs:
        text = paragraph.text
        for finder in finders:
            for start, end, cut, message, safe in finder(text):
                # The fix drops one character (the extra mark) or the run of spaces.
                cut_end = end - 1 if finder is _spaces_before else cut + 1
                fix_start, fix_end = paragraph.span(cut, cut_end)
                if document.text[fix_start:fix_end] != text[cut:cut_end]:
                    fix = None  # markup in between (an escape, an entity): no safe edit
                else:
                    fix = Fix(fix_start, fix_end, "", safe=safe)
                span_start, span_end = paragraph.span(start, end)
                yield Violation(span_start, span_end, message, fix)


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [dangling_punctuation]
