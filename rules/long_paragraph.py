"""NL403 long-paragraph: a paragraph with more words or sentences than news style allows."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.counts import of_document
from newslint.document import PARAGRAPH_KINDS
from newslint.finding import Violation
from newslint.hookspecs import hookimpl
from newslint.options import Option
from newslint.rule import Rule, rule


@rule(
    "NL403",
    "long-paragraph",
    severity="info",
    summary="A paragraph of more than 70 words or 4 sentences (by default).",
    options={
        "max-words": Option(70, min=1, help="the most words a paragraph may have"),
        "max-sentences": Option(4, min=1, help="the most sentences a paragraph may have"),
    },
)
def long_paragraph(document, options) -> Iterator[Violation]:
    """What it does:
    Reports a paragraph of more than ``max-words`` words or more than ``max-sentences``
    sentences, saying which limit it passes. Headings, list items and table cells are
    not checked. Sentences are the document's own (sentencex).

    Why it matters:
    News paragraphs are short: one idea, one to three sentences, because on a phone a
    70-word paragraph fills the screen. A very long paragraph is often two stories, or
    paragraphs that lost their breaks when the copy was pasted. The defaults (70 words,
    4 sentences) are a common news limit; a desk that writes longer paragraphs on
    purpose (features, analysis) can raise them per folder with ``overrides``.

    Example:
    A 120-word block holding the news, the background and two quotations.

    Use instead:
    Break it where the idea changes: the news, then the background, then each speaker.

    Options:
    ``max-words`` (integer, default 70): report paragraphs of more words than this.
    ``max-sentences`` (integer, default 4): report paragraphs of more sentences than this.
    """
    max_words = int(options["max-words"])
    max_sentences = int(options["max-sentences"])
    measured = of_document(document)
    for paragraph in document.paragraphs:
        if paragraph.kind not in PARAGRAPH_KINDS:
            continue
        counts = measured.of(paragraph)
        words = counts.paragraph_words()
        # Sentences without a letter or digit (a lone dash) are not counted.
        sentences = len(counts.sentences)
        if sentences > max_sentences:
            sentences = counts.worded
        over = []
        if words > max_words:
            over.append(f"{words} words (over {max_words})")
        if sentences > max_sentences:
            over.append(f"{sentences} sentences (over {max_sentences})")
        if over:
            start, end = paragraph.span(0, len(paragraph.text))
            yield Violation(start, end, f"paragraph of {' and '.join(over)}")


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [long_paragraph]
