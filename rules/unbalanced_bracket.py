"""NL103 unbalanced-bracket: parentheses and square brackets that do not pair within a paragraph."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from newslint import patterns
from newslint.document import Document, Paragraph
from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule
from newslint.words import words_after, words_before

_PARTNER = {")": "(", "]": "["}
_CLOSER_OF = {"(": ")", "[": "]"}
_NAMES = {"(": "bracket (", ")": "bracket )", "[": "square bracket [", "]": "square bracket ]"}
# A list marker: a short label closed by a bracket, at the start of the paragraph or of a
# line, or after a space: 1) 2) a) b) iv) A) 10). Not a bracket that needs an opener.
_LIST_LABEL = patterns.compile(r"(?:^|(?<=\s))(?:\d{1,3}|[A-Za-z]|[ivxIVX]{2,5})$")
# What follows a list label's bracket: a space, or a comma or full stop and then one.
_LABEL_END = patterns.compile(r"[,.;:]?(?:\s|$)")
# Emoticons: a colon, semicolon or equals sign (a nose between) before or after a bracket.
# (A mouth may be written as an entity in scraped copy: :-&lt;( )
_FACE_BEFORE = patterns.compile(r"(?:^|(?<=[\s(]))[:;=][-'^o]?(?:\s?(?:[<>|]|&lt;|&gt;))?$")
_FACE_AFTER = patterns.compile(r"[-'^o]?[:;=](?=$|[\s.,!?)])")
_BRACKET = patterns.compile(r"[()\[\]]")


@dataclass(frozen=True)
class _Bracket:
    """A bracket of a paragraph: local index and character."""

    index: int
    char: str


def _not_a_bracket(text: str, i: int, open_round: bool) -> bool:
    """Return True for a list marker's bracket or an emoticon's.

    ``open_round`` says a ( is waiting to be closed: then ``(page 12)`` closes it.
    """
    ch = text[i]
    if ch == ")" and not open_round:
        if _LIST_LABEL.search(text, max(0, i - 6), i) and _LABEL_END.match(text, i + 1):
            return True  # 1) first point  a) cheap  'a), not b),'  'a) or b).'
    if ch in "()[]":
        if _FACE_BEFORE.search(text, max(0, i - 8), i):
            return True  # :) :-( ;] =)
        if ch in "()" and _FACE_AFTER.match(text, i + 1) and (i == 0 or text[i - 1].isspace()):
            return True  # (: and ):
    return False


def _pair(text: str) -> Iterator[tuple[str, _Bracket, _Bracket | None]]:
    """Yield (problem, bracket, other) for the brackets of one paragraph that do not pair.

    problem is "unclosed", "unopened" or "mismatched" (``other`` is then the opener).
    One stack for both kinds, so that ``(...]`` is one mismatch, not two slips.
    """
    stack: list[_Bracket] = []
    for match in _BRACKET.finditer(text):
        i, ch = match.start(), match.group()
        if _not_a_bracket(text, i, bool(stack) and stack[-1].char == "("):
            continue
        bracket = _Bracket(i, ch)
        if ch in "([":
            stack.append(bracket)
            continue
        if stack and stack[-1].char == _PARTNER[ch]:
            stack.pop()
        elif stack and any(b.char == _PARTNER[ch] for b in stack[-3:]):
            # ( [ ... ) : the inner [ was never closed; close the ( it belongs to.
            while stack[-1].char != _PARTNER[ch]:
                yield "unclosed", stack.pop(), None
            stack.pop()
        elif stack:
            yield "mismatched", bracket, stack.pop()
        else:
            yield "unopened", bracket, None
    for bracket in stack:
        yield "unclosed", bracket, None


def _report(
    document: Document, paragraph: Paragraph, problem: str, bracket: _Bracket, other: _Bracket | None
) -> Violation:
    text = paragraph.text
    start, end = paragraph.span(bracket.index, bracket.index + 1)
    fix = None
    if problem == "unopened":
        before = words_before(text, bracket.index)
        where = f" after '{before}'" if before else ""
        message = f"closing {_NAMES[bracket.char]}{where} has no opening {_PARTNER[bracket.char]} in this paragraph"
    elif problem == "mismatched":
        assert other is not None
        after = words_after(text, other.index + 1)
        where = f" before '{after}'" if after else ""
        wanted = _CLOSER_OF[other.char]
        message = f"closing {bracket.char} does not match the opening {other.char}{where}: use {wanted}"
        if document.as_written(paragraph, bracket.index, bracket.index + 1):
            # Which of the two is wrong is a guess: a suggestion, not a safe fix.
            fix = Fix(start, end, wanted, safe=False)
    else:
        after = words_after(text, bracket.index + 1)
        where = f" before '{after}'" if after else ""
        message = f"opening {_NAMES[bracket.char]}{where} is never closed in this paragraph"
    return Violation(start, end, message, fix)


@rule(
    "NL103",
    "unbalanced-bracket",
    severity="error",
    summary="A bracket or square bracket that does not pair up within its paragraph.",
)
def unbalanced_bracket(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Reports an opening bracket ``(`` or square bracket ``[`` that is never closed in its
    paragraph, a closing one with nothing to close, and a pair that does not match
    (``(...]``: one finding, at the closing mark, suggesting the right one). Brackets
    nest: ``(the [new] plan)`` is fine.

    List markers are not brackets: a short label closed by a bracket after a space or at
    the start (``1)``, ``a)``, ``iv)``). Nor are emoticons (``:)``, ``:-(``, ``;]``). In
    Markdown, link syntax is markup, not text: ``[the report](https://...)`` is read as
    "the report", so its brackets are never counted.

    Why it matters:
    An aside that never closes swallows the rest of the sentence; a lost opening bracket
    leaves the reader to guess where the aside began. Both are usually left by an edit
    that cut or moved part of a sentence.

    Example:
    ``The minister (who resigned in May said the plan would fail.``

    Use instead:
    ``The minister (who resigned in May) said the plan would fail.``

    Options:
    None. A mismatched pair gets a suggested fix (the closing mark that matches the
    opening one); where a lost bracket belongs is for the editor to say.

    Known problems:
    A half-open interval written as in mathematics (``[0, 1)``) is reported as a
    mismatch.
    """
    text = document.text
    if not any(c in text for c in "()[]"):
        return
    for paragraph in document.paragraphs:
        local = paragraph.text
        if not any(c in local for c in "()[]"):
            continue
        found = sorted(_pair(local), key=lambda item: item[1].index)
        for problem, bracket, other in found:
            yield _report(document, paragraph, problem, bracket, other)


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [unbalanced_bracket]
