"""NL101 unbalanced-quote: quotation marks that do not pair up within a paragraph."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from newslint.document import Document
from newslint.finding import Violation
from newslint.hookspecs import hookimpl
from newslint.quotation import Mark
from newslint.rule import Rule, rule
from newslint.words import words_after, words_before


def _opening_of(mark: Mark) -> str:
    if mark.curly:
        return "“" if mark.double else "‘"
    return mark.char


def _closing_of(mark: Mark) -> str:
    if mark.curly:
        return "”" if mark.double else "’"
    return mark.char


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
    direction of a straight mark comes from its neighbours.

    Not quotation marks: apostrophes inside words (Iran's, Ma'ale, Shi'ite), inside
    hyphenated transliterations (al-'Aziz), after a plural before a space (the players'
    union), for a dropped g (goin'), in ’90s and rock ’n’ roll; clipped words ('til,
    'tis, 'twas, 'em, 'orrible, 'ello, and 'till, 'cause, 'round when no later mark could
    close a quotation opened there), a right single mark before a word in typeset copy
    when nothing closes it (’orrible); and marks after a number: inches or seconds
    (a 20" screen, 5' 11", even inside a quotation that a later mark closes) and feet.
    A mark after a word that takes no apostrophe (sorry', useless', 2010') closes a
    quotation, so a quotation that lost its opening mark is found.

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

    Known problems:
    Whether a word lost its first letters cannot be told from its shape: an elision the
    rule does not know ('appen'd) opening an unclosed "quotation" is reported, and a
    quotation left open whose first word is a clipped form ('cause for alarm) is not. A
    single quotation that lost its opening mark after a plural (cuts' German growth)
    reads as a possessive. A nested single quotation inside a double one that lost its
    closing mark is reported only when its first word is not a clipped form.
    """
    strict = bool(options["strict"])
    for quotes in document.quote_marks:
        paragraph = quotes.paragraph
        text = paragraph.text
        for mark in quotes.marks:
            status = mark.status
            if status == "unopened":
                before = words_before(text, mark.index)
                where = f" after '{before}'" if before else ""
                message = f"closing {mark.char}{where} has no opening {_opening_of(mark)} in this paragraph"
            elif status == "mismatched" and mark.role == "close":
                assert mark.partner is not None  # a mismatched closing mark has the opening it met
                after = words_after(text, mark.partner + 1, stop=mark.index)
                where = f" before '{after}'" if after else ""
                message = f"closing {mark.char} does not match the opening {text[mark.partner]}{where}"
            elif status == "unclosed":
                after = words_after(text, mark.index + 1)
                where = f" before '{after}'" if after else ""
                message = (
                    f"opening {mark.char}{where} is never closed, and the next paragraph does not reopen the quotation"
                )
            elif status == "continued" and strict:
                after = words_after(text, mark.index + 1)
                message = (
                    f"quotation opened with {mark.char} before '{after}' is not closed by"
                    f" {_closing_of(mark)} at the end of the paragraph"
                )
            elif status == "reopened" and strict:
                after = words_after(text, mark.index + 1)
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
