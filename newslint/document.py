"""The document model: one article's text, its prose paragraphs and sentences.

Everything inside newslint counts in code-point offsets into ``Document.text``, which
is the decoded file with any byte-order mark removed and line endings left exactly as
they are. The value types (``Paragraph``, ``Sentence``, ``LineIndex``...) live in
``newslint.parsers.model`` and are re-exported here for rules and plugins.
"""

from __future__ import annotations

import datetime as _dt
from functools import cached_property
from typing import TYPE_CHECKING, Any

from newslint.dates import as_date
from newslint.parsers.model import (
    FRAGMENT_KINDS,
    LABEL_KINDS,
    LINE_BREAK,
    PARAGRAPH_KINDS,
    PROSE_KINDS,
    SPELLED_KINDS,
    STAND_IN,
    Comment,
    JoinedProse,
    LineIndex,
    Paragraph,
    ParagraphKind,
    Parsed,
    Position,
    Sentence,
)

if TYPE_CHECKING:
    from newslint.formats import InputFormat
    from newslint.quotation import ParagraphQuotes

# A format is named by a string: "text", "markdown", "html", or a plugin's.
Format = str

__all__ = [
    "FRAGMENT_KINDS",
    "LABEL_KINDS",
    "LINE_BREAK",
    "PARAGRAPH_KINDS",
    "PROSE_KINDS",
    "SPELLED_KINDS",
    "STAND_IN",
    "Comment",
    "Document",
    "Format",
    "JoinedProse",
    "LineIndex",
    "Paragraph",
    "ParagraphKind",
    "Parsed",
    "Position",
    "Sentence",
    "as_date",
]


class Document:
    """One article: the text as decoded, with its analysis computed once, on demand."""

    def __init__(
        self,
        text: str,
        path: str = "-",
        *,
        format: Format = "text",
        date: _dt.date | None = None,
        own_date: bool = False,
        input_format: InputFormat | None = None,
    ) -> None:
        self.text = text
        self.path = path
        self.format = input_format.name if input_format is not None else format
        self._date = date
        self._own_date = own_date and date is not None
        self.notes: list[str] = []  # what the engine left unchecked (a rule's findings cut off)
        self._input_format = input_format

    @cached_property
    def lines(self) -> LineIndex:
        """Return the line index of the text."""
        return LineIndex(self.text)

    @cached_property
    def parsed(self) -> Parsed:
        """Return the format parser's view of the text."""
        input_format = self._input_format
        if input_format is None:
            from newslint.formats import builtin

            input_format = builtin(self.format)
        return input_format.parse(self.text)

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Return the prose paragraphs, headings and list items in file order."""
        # Cached, not a property: rules read it tens of thousands of times over a corpus.
        return self.parsed.paragraphs

    @property
    def comments(self) -> tuple[Comment, ...]:
        """Return the HTML comments of the file."""
        return self.parsed.comments

    @property
    def front_matter(self) -> dict[str, Any]:
        """Return the Markdown front matter as a mapping (empty when there is none)."""
        return self.parsed.front_matter

    @property
    def problems(self) -> tuple[str, ...]:
        """Return what could not be read or checked as meant (one line each); the run reports them."""
        return self._read_problems + tuple(self.notes)

    @cached_property
    def _read_problems(self) -> tuple[str, ...]:
        problems = list(self.parsed.problems)
        value = self.front_matter.get("date")
        if value is not None and as_date(value) is None:
            problems.append(f"front matter date {str(value)!r} is not a date (YYYY-MM-DD); the run's date is used")
        return tuple(problems)

    @cached_property
    def date(self) -> _dt.date:
        """Return the article's date: front matter ``date``, else the run's date, else today."""
        return as_date(self.front_matter.get("date")) or self._date or _dt.date.today()

    @property
    def dated(self) -> bool:
        """Return whether ``date`` is the article's own: its front matter's, or one given as its own.

        Otherwise it is the run's date (``--date``) or today, which title checks take as
        only roughly the article's.
        """
        return self._own_date or as_date(self.front_matter.get("date")) is not None

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """Return every sentence of every paragraph, in order."""
        return self._sentences[0]

    @cached_property
    def joined(self) -> JoinedProse:
        """Return the paragraphs' texts joined for one scan per document."""
        return JoinedProse(self.paragraphs)

    @cached_property
    def _sentences(self) -> tuple[tuple[Sentence, ...], dict[int, list[Sentence]]]:
        # The sentences in order and grouped by paragraph, made in one pass.
        from newslint.sentences import split

        everything: list[Sentence] = []
        grouped: dict[int, list[Sentence]] = {}
        for paragraph in self.parsed.paragraphs:
            found = [Sentence(paragraph, start, end) for start, end in split(paragraph.text)]
            if found:
                everything.extend(found)
                grouped.setdefault(id(paragraph), []).extend(found)
        return tuple(everything), grouped

    def sentences_of(self, paragraph: Paragraph) -> list[Sentence]:
        """Return the sentences of one paragraph."""
        return self._sentences[1].get(id(paragraph), [])

    @cached_property
    def words(self) -> frozenset[str]:
        """Return the set of words (as written) that occur in the prose."""
        from newslint.words import WORD

        return frozenset(m.group() for p in self.paragraphs for m in WORD.finditer(p.text))

    @cached_property
    def quote_marks(self) -> tuple[ParagraphQuotes, ...]:
        """Return the classified, paired quotation marks of each paragraph, in order."""
        from newslint.quotation import analyse

        return analyse(self.paragraphs)

    @cached_property
    def bare_words(self) -> tuple[list[str], ...]:
        """Return ``newslint.words.bare_words`` of each paragraph's text, in order.

        Computed once for the rules that screen every paragraph with it (repeated words,
        repeated phrases): the pieces of ``bare_word_stream`` between its separators.
        """
        stream, separator = self.bare_word_stream
        lists: list[list[str]] = []
        start = 0
        for _ in range(len(self.paragraphs) - 1):
            end = stream.index(separator, start)
            lists.append(stream[start:end])
            start = end + 1
        if self.paragraphs:
            lists.append(stream[start:])
        return tuple(lists)

    @cached_property
    def bare_word_stream(self) -> tuple[list[str], str]:
        """Return every paragraph's ``bare_words`` in one list, with a separator item between paragraphs.

        The separator (returned with the list) equals no word. The screens that read every
        word of a document (repeated words, repeated phrases) take this list, made by one
        split of the joined prose, rather than a split and a list a paragraph joined again.
        """
        from newslint.words import bare_words

        separator = JoinedProse.SEPARATOR
        joined = self.joined.text
        if joined.count(separator) == max(len(self.paragraphs) - 1, 0):
            # Only the paragraphs' separators are NUL: spaced out, each is an item of its
            # own, and no word holds one (lower case and the stripped marks keep NUL out).
            return bare_words(joined.replace(separator, f" {separator} ")), separator
        # A paragraph holds NUL (not copy, but possible): its words are listed paragraph by
        # paragraph, between separators longer than any word.
        lists = [bare_words(paragraph.text) for paragraph in self.paragraphs]
        separator *= 1 + max((len(word) for words in lists for word in words), default=0)
        stream: list[str] = []
        for number, words in enumerate(lists):
            if number:
                stream.append(separator)
            stream.extend(words)
        return stream, separator

    def as_written(self, paragraph: Paragraph, start: int, end: int) -> bool:
        """True when ``paragraph.text[start:end]`` stands in the file exactly as written.

        Not where markup (``*``, a link's brackets) or a character reference (``&amp;``)
        lies inside the span: a fix that replaces the file's text there would break it.
        """
        a, b = paragraph.span(start, end)
        return self.text[a:b] == paragraph.text[start:end]

    def position(self, offset: int) -> Position:
        """Return the position of a file offset."""
        return self.lines.position(offset)
