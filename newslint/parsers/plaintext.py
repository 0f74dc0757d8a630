"""Plain-text drafts: paragraphs from blank lines and line breaks.

Drafts come in two shapes: paragraphs separated by blank lines (often hard-wrapped),
and one paragraph per line, as pasted out of a CMS. A block of lines is read as one
hard-wrapped paragraph when every line but its last is at most ``WRAP_WIDTH`` code
points long; otherwise each line is a paragraph of its own. A line holding only an
HTML comment (``<!-- newslint-disable ... -->``) is a directive, not prose.
"""

from __future__ import annotations

from newslint import patterns
from newslint.parsers.model import LINE_BREAK, Comment, Paragraph, ParagraphKind, Parsed

WRAP_WIDTH = 100
# One comment alone on its line: its body may not hold "-->", or "<!-- a --> prose <!-- b -->"
# would be read as a single comment and the prose between lost.
_COMMENT_LINE = patterns.compile(r"[ \t]*<!--((?:(?!-->).)*)-->[ \t]*")
# What closes a sentence or a clause, as the last character before trailing white space.
_TERMINAL = frozenset(".!?…:;,\"'”’)]»")
_HEADING_MAX_WORDS = 20


def _lines(text: str) -> list[tuple[int, str]]:
    """Return ``(start, line)`` of each line, without its line break."""
    lines, at = [], 0
    if "\r" not in text:  # LF only (nearly every file): split in C, not a match a line
        for line in text.split("\n"):
            lines.append((at, line))
            at += len(line) + 1
        return lines
    for match in LINE_BREAK.finditer(text):
        lines.append((at, text[at : match.start()]))
        at = match.end()
    lines.append((at, text[at:]))
    return lines


def _kind(text: str) -> ParagraphKind:
    # A short single line without closing punctuation reads as a headline or subheading.
    last = text.rstrip()[-1:]  # str.rstrip strips what the regex \s matches
    if "\n" not in text and "\r" not in text and last not in _TERMINAL:
        if len(text.split()) <= _HEADING_MAX_WORDS:
            return "heading"
    return "paragraph"


def _paragraph(chunk: str, start: int) -> Paragraph | None:
    stripped = chunk.strip()
    if not stripped:
        return None
    lead = len(chunk) - len(chunk.lstrip())
    return Paragraph.verbatim(stripped, start + lead, _kind(stripped))


def parse(text: str) -> Parsed:
    """Split plain text into paragraphs and directive comments."""
    paragraphs: list[Paragraph] = []
    comments: list[Comment] = []
    block: list[tuple[int, str]] = []
    # No line can hold a comment when the text holds none: one scan instead of one a line.
    commented = "<!--" in text

    def flush() -> None:
        if not block:
            return
        if len(block) == 1:
            groups = block
        elif all(len(line) <= WRAP_WIDTH for _, line in block[:-1]):
            (start, _), (last, line) = block[0], block[-1]
            groups = [(start, text[start : last + len(line)])]
        else:
            groups = block
        for start, chunk in groups:
            paragraph = _paragraph(chunk, start)
            if paragraph is not None:
                paragraphs.append(paragraph)
        block.clear()

    for start, line in _lines(text):
        comment = _COMMENT_LINE.fullmatch(line) if commented and "<!--" in line else None
        if comment:
            flush()
            comments.append(Comment(start + line.index("<!--"), start + line.rindex("-->") + 3, comment.group(1)))
        elif line and not line.isspace():  # what str.strip leaves something of
            block.append((start, line))
        else:
            flush()
    flush()
    return Parsed(tuple(paragraphs), tuple(comments))
