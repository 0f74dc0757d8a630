"""A finding whose fix deletes a repeated copy: what repeated-word and repeated-phrase report."""

from __future__ import annotations

from newslint.document import Document, Paragraph
from newslint.finding import Fix, Violation


def deletion(document: Document, paragraph: Paragraph, kept_end: int, start: int, end: int, message: str) -> Violation:
    """Return a finding over the copy ``paragraph.text[start:end]`` that deletes it after ``kept_end``.

    Offsets are the paragraph's; the finding's are the file's. The fix removes the file's
    text from the end of the copy kept (``kept_end``) to the end of the span: the white
    space and the repeated copies. It is offered only where the file holds just that text;
    markup in between (``the [the](url)``, ``at *the* at the``) would be broken by the cut.
    """
    span_start, span_end = paragraph.span(start, end)
    # The kept copy's last character, mapped: the file offset just after it.
    cut = paragraph.span(kept_end - 1, kept_end)[1]
    clean = document.as_written(paragraph, kept_end - 1, end)
    return Violation(span_start, span_end, message, Fix(cut, span_end, "") if clean else None)
