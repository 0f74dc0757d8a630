"""NL207 repeated-phrase: a phrase of two to four words written twice in a row (``at the at the``)."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator, Mapping
from typing import Any

from newslint import patterns
from newslint.deletion import deletion
from newslint.document import Document, Paragraph
from newslint.finding import Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule

# A word or a number, with inner apostrophes and hyphens: 'in 2004 in 2004' doubles too.
_TOKEN = patterns.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SIZES = (4, 3, 2)
# Chants, songs and calls that double a phrase on purpose: every word one of these.
_REDUPLICATED = frozenset(
    """tick tock ding dong ooh la cha bye ha ho hip hooray yeah oh no come on go so long
    knock who there""".split()
)


# 'X and X' is an idiom with a comparative, an adverb of going on, or a verb's -ing or
# -ed form: stronger and stronger, more and more, on and on, time and time again,
# burying and burying; 'competitive and competitive and' is a slip.
_AND = frozenset("and or".split())
_GOING_ON = frozenset(
    """more less better worse further on over round again time through up down out in away
    back miles years hours days weeks months bit little""".split()
)
# 'X to X', 'X by X', 'X for X' idioms: back to back, side by side, word for word,
# Measure for Measure, time after time, hand in hand.
_LINKS = frozenset("to by for after upon in on over against with".split())
_IDIOM_WORDS = frozenset(
    """back face door day head hand cheek side one step bit time year week month word like
    measure eye arm shoulder toe heart man mouth wall end coast house person point neck
    nose bumper inch piece row case peer little layer game season race match generation
    blow shot tit dollar pound""".split()
)
_MAKES = frozenset("make makes made making call calls called".split())


def _idiom(phrase: list[str], before: str) -> bool:
    """True for a doubled pair that is an idiom's shape: 'stronger and stronger and', 'to back to back'."""
    if len(phrase) != 2:
        return False
    first, second = phrase
    if first in _AND or second in _AND:
        other = second if first in _AND else first
        comparative = other.endswith("er") and len(other) > 4
        return other in _GOING_ON or comparative or other.endswith(("ing", "ed"))
    if first in _LINKS or second in _LINKS:
        return (second if first in _LINKS else first) in _IDIOM_WORDS
    # 'what makes a gadget a gadget'
    return first in ("a", "an", "the") and before in _MAKES


def _doubled_at(tokens: list[str], i: int) -> int:
    """Return the size of a phrase doubled from ``tokens[i]`` (4, 3 or 2 words), else 0."""
    for size in _SIZES:
        if i + 2 * size <= len(tokens) and tokens[i : i + size] == tokens[i + size : i + 2 * size]:
            if len(set(tokens[i : i + size])) > 1:  # 'the the the the' is repeated-word's
                return size
    return 0


def _starts(lowered: list[str]) -> list[int]:
    """Return the indices where some phrase may start doubled, found in C speed.

    A phrase of n words doubled puts n equal words n places apart in a row: a run of n
    ones in the bytes of ``lowered[i] == lowered[i + n]``.
    """
    found: set[int] = set()
    for size in _SIZES:
        equal = bytes(map(operator.eq, lowered, lowered[size:]))
        at = equal.find(b"\x01" * size)
        while at >= 0:
            found.add(at)
            at = equal.find(b"\x01" * size, at + 1)
    return sorted(found)


def _paragraph_violations(document: Document, paragraph: Paragraph) -> Iterator[Violation]:
    text = paragraph.text
    matches = list(_TOKEN.finditer(text))
    lowered = [m.group().lower() for m in matches]
    done = 0
    for i in _starts(lowered):
        if i < done:
            continue
        size = _doubled_at(lowered, i)
        if not size:
            continue
        run = matches[i : i + 2 * size]
        joined = all(text[a.end() : b.start()].isspace() and text[a.end() : b.start()] for a, b in zip(run, run[1:]))
        first, second = run[:size], run[size:]
        phrase = lowered[i : i + size]
        # A chant ('come on come on come on') or a triple ('shrunk and shrunk and shrunk').
        third = lowered[i + 2 * size : i + 3 * size] == phrase or (
            size == 2 and phrase[1] in _AND and lowered[i + 4 : i + 5] == phrase[:1]
        )
        # Inside a longer periodic run ('shrunk and shrunk and shrunk' seen from 'and').
        before = (lowered[i - size : i] == phrase and i >= size) or (
            i >= 1 and lowered[i - 1 : i - 1 + size] == lowered[i - 1 + size : i - 1 + 2 * size]
        )
        names = all(m.group()[0].isupper() for m in first) and all(m.group()[0].isupper() for m in second)
        chant = all(word in _REDUPLICATED for word in phrase) or _idiom(phrase, lowered[i - 1] if i else "")
        if joined and not (third or before or names or chant or _alt_and_caption(document, paragraph, first, second)):
            yield _violation(document, paragraph, first, second)
            done = i + 2 * size


# The rest of a Markdown image's alt text after a word: up to the ']' that opens its
# target ('](x.jpg)') or reference ('][photo]'); bounded, so that each check is short.
_ALT_REST = patterns.compile(r"[^\[\]]{0,300}\][(\[]")
_ALT_WINDOW = 300


def _in_image_alt(text: str, start: int, end: int) -> bool:
    """True when the file's ``text[start:end]`` stands inside a Markdown image's alt text."""
    opening = text.rfind("![", max(0, start - _ALT_WINDOW), start)
    if opening < 0 or "]" in text[opening + 2 : start] or "[" in text[opening + 2 : start]:
        return False
    return _ALT_REST.match(text, end) is not None


def _alt_and_caption(
    document: Document, paragraph: Paragraph, first: list[re.Match[str]], second: list[re.Match[str]]
) -> bool:
    """True when one copy is an image's alt text and the other the caption beside it.

    Markdown puts an image's alt text in its paragraph's prose, and a caption that
    describes the photograph in the same words is no doubling: the reader sees one.
    """
    if document.format != "markdown":
        return False
    inside = [
        _in_image_alt(document.text, *paragraph.span(copy[0].start(), copy[-1].end())) for copy in (first, second)
    ]
    return inside[0] != inside[1]


def _violation(
    document: Document, paragraph: Paragraph, first: list[re.Match[str]], second: list[re.Match[str]]
) -> Violation:
    shown = paragraph.text[first[0].start() : first[-1].end()]
    message = f"repeated phrase: '{shown}' twice in a row"
    return deletion(document, paragraph, first[-1].end(), second[0].start(), second[-1].end(), message)


@rule(
    "NL207",
    "repeated-phrase",
    summary="A phrase of two to four words written twice in a row, as in 'at the at the'.",
    severity="warning",
)
def repeated_phrase(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Finds a phrase of two to four words (or numbers) written twice in a row with only
    white space between, whatever its case: ``at the at the``, ``in the in the``, ``The
    plan the plan``, ``on 5 May on 5 May``, also across a line break inside a paragraph,
    never across paragraphs. The longest doubled phrase is reported; the span is its
    second copy, which the fix deletes with the white space before it.

    It leaves alone a phrase said three times or more (a chant: ``come on come on come
    on``), one made only of reduplicated calls (``tick tock tick tock``, ``ooh la la``),
    the shapes of idioms (``stronger and stronger and``, ``more and more``, ``on and on
    and on``, ``time and time again`` with any content word; ``back to back``, ``side
    by side``, ``Measure for Measure`` with the listed words; ``what makes a gadget a
    gadget``),
    capitalised names and titles (``New York New York``), a word doubled on its own
    (``the the``: that is repeated-word), repeats with punctuation between
    (``come on, come on``), and a Markdown image's alt text beside a caption in the same
    words (``![A flooded road](road.jpg) A flooded road near the river``).

    Why it matters:
    A doubled phrase is what an edit leaves when text is moved and the old copy is not
    deleted; eyes skip it as easily as a doubled word.

    Example:
    ``The talks will resume at the at the end of May.``

    Use instead:
    ``The talks will resume at the end of May.``

    Options:
    None.
    """
    # One C-speed screen of the whole prose rules out most articles, then paragraphs.
    # The paragraphs' bare words are the document's, shared with repeated-word.
    if not _starts(document.bare_word_stream[0]):
        return  # a phrase doubled in a paragraph is doubled in the stream (no separator inside)
    for paragraph, words in zip(document.paragraphs, document.bare_words):
        if _starts(words):
            yield from _paragraph_violations(document, paragraph)


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [repeated_phrase]
