"""NL206 double-space: runs of spaces between words or after a full stop."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from newslint import patterns
from newslint.document import Document
from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule
from newslint.words import token_after, token_before

# Spaces (not tabs, not line breaks) with visible text on both sides: leading
# indentation and trailing spaces (Markdown hard breaks, editor debris) never match.
# A run of spaces and no-break spaces between two non-spaces (one greedy class: linear);
# a run of no-break spaces alone is a layout choice, left to the rule's loop.
_RUN = patterns.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
_CLOSERS = "\"'”’)]"
# Sentence gaps: one space or several after sentence punctuation, before a capital.
_GAP = patterns.compile(r"[.?!][\"'”’)\]]*( +)(?=[\"'“‘(]?[A-Z])")


def _spaces(run: str) -> str:
    """Name a run of spaces for the message: '2 spaces', 'a space and a no-break space'."""
    if "\u00a0" not in run:
        return f"{len(run)} spaces"
    if len(run) == 2:
        return "a space and a no-break space"
    return f"{len(run)} spaces (some no-break)"


def _after_stop(text: str, start: int) -> bool:
    """True when sentence punctuation (and closing marks) stands just before ``start``.

    A walk back over closing marks only: it stops within the text since the previous run
    of spaces, so the scan stays linear (a search from the paragraph's start did not).
    """
    j = start - 1
    while j >= 0 and text[j] in _CLOSERS:
        j -= 1
    return j >= 0 and text[j] in ".?!"


def _two_space_style(document: Document) -> bool:
    """True when the article mostly puts two spaces between sentences."""
    single = double = 0
    for paragraph in document.paragraphs:
        for match in _GAP.finditer(paragraph.text):
            if len(match.group(1)) == 1:
                single += 1
            else:
                double += 1
    return double >= 2 and double > single


def _aligned(document: Document, end: int) -> bool:
    """True when a neighbouring line has a run of spaces ending in the same column.

    Columns of text lined up with spaces (a pasted table, a results box) are layout,
    not a slip.
    """
    lines, text = document.lines, document.text
    line = lines.line_of(end)
    column = end - lines.line_start(line)
    for other in (line - 1, line + 1):
        if not 1 <= other <= lines.line_count:
            continue
        at = lines.line_start(other) + column
        limit = lines.line_start(other + 1) if other < lines.line_count else len(text)
        if at < limit and text[at - 2 : at] == "  " and not text[at].isspace():
            return True
    return False


@rule(
    "NL206",
    "double-space",
    summary="Two or more spaces where one belongs, between words or after a full stop.",
    severity="info",
)
def double_space(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Finds a run of two or more spaces between two words, or between a full stop (or
    other punctuation) and the next word, also a space beside a no-break space (U+00A0).
    The span is the run of spaces.

    It leaves alone no-break spaces alone or together (a layout choice), leading indentation, trailing spaces (Markdown hard line breaks),
    tabs, and columns lined up with spaces on neighbouring lines. When an article
    consistently puts two spaces between sentences (most of its sentence gaps), that
    house style is respected: two spaces after sentence punctuation are not reported,
    while doubled spaces inside a sentence still are.

    Why it matters:
    Doubled spaces are debris of editing (a word deleted, text pasted); browsers hide
    them, but feeds, apps and print do not.

    Example:
    ``The minister  said the plan was sound.``

    Use instead:
    ``The minister said the plan was sound.`` The fix replaces the run with one space.

    Options:
    None.
    """
    two_space_style: bool | None = None
    for paragraph in document.paragraphs:
        text = paragraph.text
        if "  " not in text and " \u00a0" not in text and "\u00a0 " not in text:
            continue
        for match in _RUN.finditer(text):
            start, end = match.start(), match.end()
            if " " not in match.group():
                continue  # no-break spaces only
            after_stop = _after_stop(text, start)
            if after_stop and end - start == 2:
                if two_space_style is None:
                    two_space_style = _two_space_style(document)
                if two_space_style:
                    continue
            a, b = paragraph.span(start, end)
            if not document.as_written(paragraph, start, end) or _aligned(document, b):
                continue  # markup between the spaces, or layout
            left = token_before(text, start, 30)
            right = token_after(text, end, 30)
            where = f"after '{left}'" if after_stop else f"between '{left}' and '{right}'"
            yield Violation(a, b, f"{_spaces(text[start:end])} {where}", Fix(a, b, " "))


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [double_space]
