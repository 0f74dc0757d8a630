"""Where quoted speech is: spans of each paragraph between quotation marks.

Language rules skip quoted speech, which is verbatim. The spans come from the shared
mark analysis (``Document.quote_marks``): a paired opening mark quotes up to its
partner; an opening mark left open (unclosed, continued into the next paragraph, or
reopened) quotes to the end of the paragraph; a closing mark that nothing opened (a
quotation carried over from the previous paragraph) quotes from the paragraph's start.
When in doubt, more text counts as quoted: a missed finding is cheaper than a false one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from newslint.document import Document, Paragraph
    from newslint.quotation import ParagraphQuotes

MASK = "\u2063"  # INVISIBLE SEPARATOR: stands in for quoted characters in masked text


def quoted_spans(quotes: ParagraphQuotes) -> list[tuple[int, int]]:
    """Return the local ``(start, end)`` spans of quoted text in one paragraph, marks included."""
    spans: list[tuple[int, int]] = []
    end_of_text = len(quotes.paragraph.text)
    for mark in quotes.marks:
        if mark.role == "open":
            if mark.partner is not None and mark.partner > mark.index:
                spans.append((mark.index, mark.partner + 1))
            elif mark.status in ("unclosed", "continued", "reopened", "mismatched"):
                spans.append((mark.index, end_of_text))
        elif mark.role == "close" and mark.partner is None:
            spans.append((0, mark.index + 1))  # unopened: carried over from before
    return spans


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the spans sorted, with overlapping and touching ones joined."""
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if result and start <= result[-1][1]:
            if end > result[-1][1]:
                result[-1] = (result[-1][0], end)
        elif start < end:
            result.append((start, end))
    return result


def masker(document: Document) -> Callable[[Paragraph], str]:
    """Return a function giving a paragraph's text with quoted characters replaced by ``MASK``.

    Each masked text has the same length as the paragraph's, so local offsets still hold.
    Rules call it only on paragraphs that might hold a finding, so most are never masked.
    """
    by_paragraph = {id(quotes.paragraph): quotes for quotes in document.quote_marks}

    def mask(paragraph: Paragraph) -> str:
        text = paragraph.text
        quotes = by_paragraph.get(id(paragraph))
        spans = quoted_spans(quotes) if quotes is not None and quotes.marks else []
        if not spans:
            return text
        # Merged first: many unclosed marks each quote to the end of the paragraph, and
        # masking every span in turn would take time quadratic in the paragraph.
        pieces: list[str] = []
        at = 0
        for start, end in merged(spans):
            pieces += [text[at:start], MASK * (end - start)]
            at = end
        pieces.append(text[at:])
        return "".join(pieces)

    return mask
