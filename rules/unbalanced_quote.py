"""NL101 unbalanced-quote: quotation marks that do not pair up within a paragraph."""

from __future__ import annotations

from typing import Any, Iterator, Mapping

from newslint.document import Document
from newslint.finding import Violation
from newslint.hookspecs import hookimpl
from newslint.quotation import Mark
from newslint.rule import Rule, rule
from newslint.words import WORD


def _opening_of(mark: Mark) -> str:
    if mark.curly:
        return "“" if mark.double else "‘"
    return mark.char


def _closing_of(mark: Mark) -> str:
    if mark.curly:
        return "”" if mark.double else "’"
    return mark.char


def _words_after(text: str, index: int, stop: int | None = None, count: int = 4) -> str:
    found = WORD.finditer(text, index + 1, len(text) if stop is None else stop)
    words = [m.group() for _, m in zip(range(count), found)]
    return " ".join(words)


def _words_before(text: str, index: int, count: int = 4) -> str:
    words = [m.group() for m in WORD.finditer(text, max(0, index - 80), index)]
    return " ".join(words[-count:])


@rule(
    "NL101",
    "unbalanced-quote",
    severity="error",
    summary="A quotation mark that does not pair up within its paragraph.",
    options={"strict": False},
)
def unbalanced_quote(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Reports a closing quotation mark with no opening mark before it in the paragraph
    (typically a quoted paragraph that lost its opening mark), and an opening mark that
    is never closed. Curly and straight, double and single marks are checked; the
    direction of a straight mark comes from its neighbours, and apostrophes (Iran's,
    ’90s, rock ’n’ roll, the Joneses’) are not quotation marks.

    News style lets a quotation run on into the next paragraph: the first paragraph is
    left open and the next opens again with a quotation mark. That is not reported,
    nor is the same shape inside one paragraph (a quotation left open, then a new
    sentence opening with a mark of the same kind), which is what paragraphs merged by
    a content system look like.

    Why it matters:
    A reader cannot tell where the quoted words start or stop, and a misattributed
    quotation is a correction waiting to happen.

    Example:
    ``I will not go,” she said.``

    Use instead:
    ``“I will not go,” she said.``

    Options:
    ``strict`` (default false): also report a quotation left open at the end of a
    paragraph that the next paragraph reopens, and one left open before a new sentence
    reopens it in the same paragraph.
    """
    strict = bool(options["strict"])
    for quotes in document.quote_marks:
        paragraph = quotes.paragraph
        text = paragraph.text
        for mark in quotes.marks:
            status = mark.status
            if status == "unopened":
                before = _words_before(text, mark.index)
                where = f" after '{before}'" if before else ""
                message = (
                    f"closing {mark.char}{where} has no opening {_opening_of(mark)} in this paragraph"
                )
            elif status == "mismatched" and mark.role == "close":
                after = _words_after(text, mark.partner, mark.index)
                where = f" before '{after}'" if after else ""
                message = f"closing {mark.char} does not match the opening {text[mark.partner]}{where}"
            elif status == "unclosed":
                after = _words_after(text, mark.index)
                where = f" before '{after}'" if after else ""
                message = (
                    f"opening {mark.char}{where} is never closed, and the next paragraph"
                    f" does not reopen the quotation"
                )
            elif status == "continued" and strict:
                after = _words_after(text, mark.index)
                message = (
                    f"quotation opened with {mark.char} before '{after}' is not closed by"
                    f" {_closing_of(mark)} at the end of the paragraph"
                )
            elif status == "reopened" and strict:
                after = _words_after(text, mark.index)
                message = (
                    f"quotation opened with {mark.char} before '{after}' is not closed by"
                    f" {_closing_of(mark)} before the next quotation mark opens"
                )
            else:
                continue
            start, end = paragraph.span(mark.index, mark.index + 1)
            yield Violation(start, end, message)


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [unbalanced_quote]
