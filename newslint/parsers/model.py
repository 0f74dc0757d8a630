"""The document model's value types: paragraphs, sentences, comments and the line index.

Every parser (plain text, Markdown, HTML, a plugin's format) returns a ``Parsed`` of
these; ``newslint.document.Document`` holds one per article. Offsets are code points
into the decoded file (BOM removed, line endings untouched); ``LineIndex`` is the single
place where an offset becomes a 1-based line and column.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Literal

from newslint import patterns

# Only CR, LF and CRLF end a line: str.splitlines() would also break on U+2028,
# form feeds and other characters that editors show inside a line.
LINE_BREAK = patterns.compile(r"\r\n|\r|\n")

ParagraphKind = Literal["paragraph", "heading", "list-item", "quote", "table-cell", "caption"]
# Which kinds a rule looks at, named once here (a rule's own tuple of kinds drifts when a
# format adds a kind, as captions came with HTML).
# The kinds that hold running prose (headings, captions and table cells are not sentences
# of the story): what rules about sentences and paragraphs look at.
PROSE_KINDS: tuple[ParagraphKind, ...] = ("paragraph", "list-item", "quote")
# Running prose set as paragraphs: a list item is as long as its point, not a paragraph.
PARAGRAPH_KINDS: tuple[ParagraphKind, ...] = ("paragraph", "quote")
# Fragments, not sentences: a table cell has no verb or capital to check.
FRAGMENT_KINDS: tuple[ParagraphKind, ...] = ("table-cell",)
# Labels, not sentences: headings and table cells (a caption is written in sentences).
LABEL_KINDS: tuple[ParagraphKind, ...] = ("heading", *FRAGMENT_KINDS)
# Where an article's spelling is counted: prose and table cells, not headings or captions.
SPELLED_KINDS: tuple[ParagraphKind, ...] = (*PROSE_KINDS, "table-cell")

# What a parser puts in a paragraph's text where the file holds something that is not
# prose but stands in a sentence (inline code, an autolink): one character, so that
# offsets stay mapped and no rule reads it as a word, a space or punctuation.
STAND_IN = "\ufffc"


@dataclass(frozen=True)
class Position:
    """A 1-based line and a 1-based column counted in Unicode code points."""

    line: int
    column: int


class LineIndex:
    """Converts code-point offsets into positions, by bisection over line starts."""

    def __init__(self, text: str) -> None:
        starts = self._starts = [0]
        if "\r" in text:
            starts.extend(m.end() for m in LINE_BREAK.finditer(text))
            return
        # Without CR every break is a LF: str.find walks to each in C, several times
        # faster than the regex (the line index is made for every file linted).
        find, at = text.find, text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = find("\n", at + 1)

    def position(self, offset: int) -> Position:
        """Return the position of ``offset`` (an end offset may equal the text length)."""
        line = bisect_right(self._starts, offset) - 1
        return Position(line + 1, offset - self._starts[line] + 1)

    def line_column(self, offset: int) -> tuple[int, int]:
        """Return ``position(offset)`` as a ``(line, column)`` pair, without making the value."""
        starts = self._starts
        line = bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def line_of(self, offset: int) -> int:
        """Return the 1-based line holding ``offset``."""
        return bisect_right(self._starts, offset)

    def line_start(self, line: int) -> int:
        """Return the offset where 1-based ``line`` starts."""
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        """Return the number of lines (a final line break opens one more, empty, line)."""
        return len(self._starts)


@dataclass(frozen=True)
class Paragraph:
    """One block of prose: its text with markup removed, mapped back to the file.

    ``pieces`` lists, in order, ``(index, offset)`` pairs: from ``text[index]`` on,
    characters map one to one onto the file from ``offset`` on, until the next piece.
    ``ends`` lists ``(index, end)`` for each character that stands for a longer stretch
    of the file (an HTML character reference such as ``&amp;``, a ``<br>`` tag): it
    starts a piece at the stretch's start, and a span ending with it ends at ``end``.
    """

    text: str
    pieces: tuple[tuple[int, int], ...]
    kind: ParagraphKind = "paragraph"
    ends: tuple[tuple[int, int], ...] = ()
    _keys: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _ends: dict[int, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_keys", tuple(index for index, _ in self.pieces))
        object.__setattr__(self, "_ends", dict(self.ends))

    def _end_of(self, index: int) -> int:
        """Return the file offset just after what ``text[index]`` stands for."""
        end = self._ends.get(index)
        return self.offset(index) + 1 if end is None else end

    def offset(self, index: int) -> int:
        """Return the file offset of ``text[index]``."""
        piece = bisect_right(self._keys, index) - 1
        local, original = self.pieces[piece]
        return original + index - local

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the file offsets of the local span ``text[start:end]`` (end exclusive)."""
        if end <= start:
            at = self.offset(start) if start < len(self.text) else self.end
            return at, at
        return self.offset(start), self._end_of(end - 1)

    @property
    def start(self) -> int:
        """Return the file offset of the paragraph's first character."""
        return self.pieces[0][1] if self.pieces else 0

    @property
    def end(self) -> int:
        """Return the file offset just after the paragraph's last character."""
        return self._end_of(len(self.text) - 1) if self.text else self.start

    @classmethod
    def verbatim(cls, text: str, start: int, kind: ParagraphKind = "paragraph") -> Paragraph:
        """Make a paragraph whose text stands in the file unchanged from ``start``."""
        # The fields, and what __post_init__ derives from them, set in one step: the
        # frozen dataclass's __init__ sets each through object.__setattr__, and plain
        # text makes every paragraph here (tests check the result equals cls(...)'s).
        if cls is not Paragraph:  # a subclass may derive more in its own __post_init__
            return cls(text, ((0, start),), kind)
        paragraph = object.__new__(cls)
        paragraph.__dict__.update(text=text, pieces=((0, start),), kind=kind, ends=(), _keys=(0,), _ends={})
        return paragraph


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph, as a local span of the paragraph's text."""

    paragraph: Paragraph
    start: int
    end: int

    @property
    def text(self) -> str:
        """Return the sentence's text."""
        return self.paragraph.text[self.start : self.end]

    def span(self) -> tuple[int, int]:
        """Return the sentence's file offsets."""
        return self.paragraph.span(self.start, self.end)


class JoinedProse:
    """Every paragraph's text joined with NUL, for one scan per document.

    NUL is neither a space nor part of a word, so no pattern matches across it; ``locate``
    maps an offset of the joined text back to its paragraph and local index.
    """

    SEPARATOR = "\0"

    def __init__(self, paragraphs: tuple[Paragraph, ...]) -> None:
        self.paragraphs = paragraphs
        self.starts: list[int] = []
        at = 0
        for paragraph in paragraphs:
            self.starts.append(at)
            at += len(paragraph.text) + 1
        self.text = self.SEPARATOR.join(p.text for p in paragraphs)

    def locate(self, offset: int) -> tuple[int, int]:
        """Return ``(paragraph number, local index)`` of an offset in the joined text."""
        number = bisect_right(self.starts, offset) - 1
        return number, offset - self.starts[number]


@dataclass(frozen=True)
class Comment:
    """An HTML comment (``<!-- ... -->``) in the file: where suppressions live."""

    start: int
    end: int
    body: str


@dataclass(frozen=True)
class Parsed:
    """What a format parser finds in a text."""

    paragraphs: tuple[Paragraph, ...]
    comments: tuple[Comment, ...] = ()
    front_matter: dict[str, Any] = field(default_factory=dict)
    # What the parser could not read as the author meant it, one line each ("front matter
    # is not valid YAML ..."): reported on stderr, and the run exits 2.
    problems: tuple[str, ...] = ()
