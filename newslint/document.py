"""The document model: one article's text, its prose paragraphs and sentences.

Everything inside newslint counts in code-point offsets into ``Document.text``, which
is the decoded file with any byte-order mark removed and line endings left exactly as
they are. ``LineIndex`` is the single place where an offset becomes a 1-based line
and column.
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from newslint.quotation import ParagraphQuotes

# Only CR, LF and CRLF end a line: str.splitlines() would also break on U+2028,
# form feeds and other characters that editors show inside a line.
LINE_BREAK = re.compile(r"\r\n|\r|\n")

Format = Literal["text", "markdown"]
ParagraphKind = Literal["paragraph", "heading", "list-item", "quote", "table-cell"]


def as_date(value: Any) -> _dt.date | None:
    """Return ``value`` as a date (a date, a datetime, or an ISO 8601 string), else None."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        for parse in (_dt.date.fromisoformat, lambda text: _dt.datetime.fromisoformat(text).date()):
            try:
                return parse(value.strip())
            except ValueError:
                continue
    return None


@dataclass(frozen=True)
class Position:
    """A 1-based line and a 1-based column counted in Unicode code points."""

    line: int
    column: int


class LineIndex:
    """Converts code-point offsets into positions, by bisection over line starts."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(m.end() for m in LINE_BREAK.finditer(text))

    def position(self, offset: int) -> Position:
        """Return the position of ``offset`` (an end offset may equal the text length)."""
        line = bisect_right(self._starts, offset) - 1
        return Position(line + 1, offset - self._starts[line] + 1)

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
    """

    text: str
    pieces: tuple[tuple[int, int], ...]
    kind: ParagraphKind = "paragraph"
    _keys: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_keys", tuple(index for index, _ in self.pieces))

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
        return self.offset(start), self.offset(end - 1) + 1

    @property
    def start(self) -> int:
        """Return the file offset of the paragraph's first character."""
        return self.pieces[0][1] if self.pieces else 0

    @property
    def end(self) -> int:
        """Return the file offset just after the paragraph's last character."""
        return self.offset(len(self.text) - 1) + 1 if self.text else self.start

    @classmethod
    def verbatim(cls, text: str, start: int, kind: ParagraphKind = "paragraph") -> Paragraph:
        """Make a paragraph whose text stands in the file unchanged from ``start``."""
        return cls(text, ((0, start),), kind)


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


class Document:
    """One article: the text as decoded, with its analysis computed once, on demand."""

    def __init__(
        self,
        text: str,
        path: str = "-",
        *,
        format: Format = "text",
        date: _dt.date | None = None,
    ) -> None:
        self.text = text
        self.path = path
        self.format = format
        self._date = date

    @cached_property
    def lines(self) -> LineIndex:
        """Return the line index of the text."""
        return LineIndex(self.text)

    @cached_property
    def parsed(self) -> Parsed:
        """Return the format parser's view of the text."""
        if self.format == "markdown":
            from newslint import markdown

            return markdown.parse(self.text)
        from newslint import plaintext

        return plaintext.parse(self.text)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Return the prose paragraphs, headings and list items in file order."""
        return self.parsed.paragraphs

    @property
    def comments(self) -> tuple[Comment, ...]:
        """Return the HTML comments of the file."""
        return self.parsed.comments

    @property
    def front_matter(self) -> dict[str, Any]:
        """Return the Markdown front matter as a mapping (empty when there is none)."""
        return self.parsed.front_matter

    @cached_property
    def date(self) -> _dt.date:
        """Return the article's date: front matter ``date``, else the run's date, else today."""
        return as_date(self.front_matter.get("date")) or self._date or _dt.date.today()

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """Return every sentence of every paragraph, in order."""
        from newslint.sentences import split

        return tuple(
            Sentence(paragraph, start, end)
            for paragraph in self.paragraphs
            for start, end in split(paragraph.text)
        )

    @cached_property
    def joined(self) -> JoinedProse:
        """Return the paragraphs' texts joined for one scan per document."""
        return JoinedProse(self.paragraphs)

    @cached_property
    def _sentences_by_paragraph(self) -> dict[int, list[Sentence]]:
        grouped: dict[int, list[Sentence]] = {}
        for sentence in self.sentences:
            grouped.setdefault(id(sentence.paragraph), []).append(sentence)
        return grouped

    def sentences_of(self, paragraph: Paragraph) -> list[Sentence]:
        """Return the sentences of one paragraph."""
        return self._sentences_by_paragraph.get(id(paragraph), [])

    @cached_property
    def words(self) -> frozenset[str]:
        """Return the set of words (as written) that occur in the prose."""
        from newslint.text import WORD

        return frozenset(m.group() for p in self.paragraphs for m in WORD.finditer(p.text))

    @cached_property
    def quote_marks(self) -> tuple[ParagraphQuotes, ...]:
        """Return the classified, paired quotation marks of each paragraph, in order."""
        from newslint.quotation import analyse

        return analyse(self.paragraphs)

    def position(self, offset: int) -> Position:
        """Return the position of a file offset."""
        return self.lines.position(offset)
