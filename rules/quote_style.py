"""NL203 quote-style: an article that mixes straight and curly quotation marks."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from newslint.document import Document
from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule

HOUSE_STYLES = ("consistent", "curly", "straight")


@rule(
    "NL203",
    "quote-style",
    severity="warning",
    summary="Straight and curly quotation marks or apostrophes mixed in one article.",
    options={"house": "consistent"},
    choices={"house": HOUSE_STYLES},
)
def quote_style(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Reports every quotation mark and apostrophe whose style (straight ``"`` ``'`` or
    curly “ ” ‘ ’) differs from the article's. By default the style most of the
    article's marks use wins (on a tie, the straight marks are reported); a house style
    can be imposed instead. Primes (6'2") are not quotation marks and are left alone;
    so is Markdown code.

    Why it matters:
    Mixed marks are a sign of text pasted from several sources, and look careless in
    print. A content system that curls quotes on publication may curl a stray straight
    mark the wrong way.

    Example:
    ``“We will win,” she said. "We must."``

    Use instead:
    ``“We will win,” she said. “We must.”``

    Options:
    ``house``: ``consistent`` (default; the majority style of the article), ``curly``
    or ``straight``. The fix turns each mark into the house style; a straight mark
    becomes “ ” ‘ or ’ by its direction (an apostrophe, including ’90s, becomes ’). A
    straight mark whose direction its neighbours do not tell gets an unsafe fix.
    """
    marks = [
        (quotes.paragraph, mark) for quotes in document.quote_marks for mark in quotes.marks if mark.role != "prime"
    ]
    curly = sum(1 for _, mark in marks if mark.curly)
    straight = len(marks) - curly
    house = options["house"]
    if house == "consistent":
        if not curly or not straight:
            return
        house = "straight" if straight > curly else "curly"  # a tie reports the straight marks
    want_curly = house == "curly"
    counts = f"{curly} curly, {straight} straight"
    for paragraph, mark in marks:
        if mark.curly == want_curly:
            continue
        start, end = paragraph.span(mark.index, mark.index + 1)
        target = mark.curly_form if want_curly else mark.straight_form
        what = "apostrophe" if mark.role == "apostrophe" else "quotation mark"
        style = "curly" if mark.curly else "straight"
        message = f"{style} {what} {mark.char} in an article that uses {house} marks ({counts}): use {target}"
        fix = None
        if document.as_written(paragraph, mark.index, mark.index + 1):  # not an entity
            fix_start = start
            escaped = document.format == "markdown" and start and document.text[start - 1] == "\\"
            if escaped and mark.index and paragraph.text[mark.index - 1] == "\\":
                # A backslash the text shows (\‘: no escape before a curly mark): after it a
                # straight mark would be an escape, and the backslash would vanish. No fix.
                fix_start = -1
            elif escaped:
                fix_start -= 1  # \" : a curly mark needs no escape, and \“ would show the backslash
            if fix_start >= 0:
                fix = Fix(fix_start, end, target, safe=mark.certain)
        yield Violation(start, end, message, fix)


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [quote_style]
