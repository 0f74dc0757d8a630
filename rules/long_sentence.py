"""NL402 long-sentence: a sentence of more words than a reader holds in one breath."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.counts import is_name_roll, of_document
from newslint.finding import Violation
from newslint.hookspecs import hookimpl
from newslint.options import Option
from newslint.rule import Rule, rule


@rule(
    "NL402",
    "long-sentence",
    severity="info",
    summary="A sentence longer than the word limit (40 by default).",
    options={"max-words": Option(40, min=1, help="the longest sentence, in words, not reported")},
)
def long_sentence(document, options) -> Iterator[Violation]:
    """What it does:
    Reports a sentence of more than ``max-words`` words, with its length. Sentences are
    the document's own (sentencex), so "U.S." or "Mr." does not end one; figures count as
    words. Headings and table cells are skipped, and so are lists of names (team sheets,
    cast lists: more than 60% of the words capitalised). Captions (an HTML figure's or
    table's caption, an image's alt text) are judged: they are read, or spoken by a
    screen reader, as sentences, and house styles want them short.

    Why it matters:
    News sentences average 15 to 20 words. Past 40, readers lose the subject before the
    verb, and a sentence that long usually holds two stories. It is also how two
    sentences run together by a missing space ("said.The") show up.

    Example:
    ``The council, which had been warned by its own auditors two years ago that the
    scheme was running late and over budget, said on Tuesday that it would ask the
    government for more money because the contractor had gone into administration in
    the spring.`` (44 words)

    Use instead:
    ``The council said on Tuesday it would ask the government for more money. Its
    contractor went into administration in the spring, and its own auditors had warned
    two years ago that the scheme was late and over budget.``

    Options:
    ``max-words`` (integer, default 40): report sentences of more words than this.
    """
    limit = int(options["max-words"])
    for paragraph in of_document(document).paragraphs.values():  # headings and table cells left out
        for sentence, words in paragraph.long_sentences(limit):
            if not is_name_roll(sentence.text):
                start, end = sentence.span()
                yield Violation(start, end, f"sentence of {words} words (over {limit})")


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [long_sentence]
