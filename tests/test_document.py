"""Offsets become 1-based lines and code-point columns, end exclusive, in one place."""

from __future__ import annotations

import datetime as dt

import pytest

from newslint.document import Document, LineIndex, Paragraph, Position, as_date
from newslint.engine import ActiveRule, lint
from newslint.finding import Violation
from newslint.rule import rule
from newslint.source import decode


def at(text: str, needle: str) -> tuple[int, int]:
    """Return the offsets of the first occurrence of ``needle``."""
    start = text.index(needle)
    return start, start + len(needle)


def find(text: str, needle: str, format: str = "text") -> tuple[int, int, int, int]:
    """Lint ``text`` with a rule that flags ``needle``; return the finding's positions."""

    @rule("ZZ901", "flag-needle", summary="Flags a fixed string.")
    def flag(document, options):
        start, end = at(document.text, needle)
        yield Violation(start, end, "needle")

    document = Document(text, format=format)
    (finding,) = lint(document, [ActiveRule(flag, flag.severity, {})], [flag])
    return finding.line, finding.column, finding.end_line, finding.end_column


@pytest.mark.parametrize(
    "text, needle, expected",
    [
        ("one two", "two", (1, 5, 1, 8)),
        ("one\ntwo three", "three", (2, 5, 2, 10)),
        ("one\r\ntwo three", "three", (2, 5, 2, 10)),
        ("one\rtwo three", "three", (2, 5, 2, 10)),
        ("one\r\n\r\ntwo", "two", (3, 1, 3, 4)),
        ("mixed\r\nends\rand\nhere", "here", (4, 1, 4, 5)),
        # a tab is one code point, one column
        ("\tindented word", "word", (1, 11, 1, 15)),
        # astral characters are one column each, not two UTF-16 units
        ("\U0001f600\U0001f4f0 word", "word", (1, 4, 1, 8)),
        ("caf\u00e9 e\u0301 word", "word", (1, 9, 1, 13)),
        # U+2028, U+2029, form feed, vertical tab, NEL and FS do not end a line
        ("a\u2028b\u2029c\x0cd\x0be\x85f\x1cg word", "word", (1, 15, 1, 19)),
        # a span across a line break ends on the next line; the end is exclusive
        ("first line\nsecond", "line\nsec", (1, 7, 2, 4)),
        ("first line\r\nsecond", "line\r\nsec", (1, 7, 2, 4)),
        # a span ending at the end of the text
        ("last word", "word", (1, 6, 1, 10)),
        ("ends with break\n", "break\n", (1, 11, 2, 1)),
    ],
)
def test_positions(text, needle, expected):
    assert find(text, needle) == expected


def test_line_index_directly():
    index = LineIndex("ab\r\ncd\ref\ngh")
    assert index.line_count == 4
    assert [index.line_start(n) for n in (1, 2, 3, 4)] == [0, 4, 7, 10]
    assert index.position(0) == Position(1, 1)
    assert index.position(2) == Position(1, 3)  # the CR itself is on line 1
    assert index.position(4) == Position(2, 1)
    assert index.position(12) == Position(4, 3)  # an end offset may equal the length
    assert index.line_of(6) == 2 and index.line_of(7) == 3


def test_empty_text():
    index = LineIndex("")
    assert index.line_count == 1
    assert index.position(0) == Position(1, 1)
    assert Document("").paragraphs == ()
    assert Document("", format="markdown").paragraphs == ()


def test_bom_is_removed_so_column_one_is_the_first_character():
    source = decode("\ufeffHeadline here\nBody.".encode("utf-8"), "a.txt")
    assert source.bom and source.text.startswith("Headline")
    assert find(source.text, "Headline") == (1, 1, 1, 9)
    utf16 = decode(b"\xff\xfe" + "Second test".encode("utf-16-le"), "b.txt")
    assert utf16.text == "Second test" and utf16.encoding == "utf-16-le"


@pytest.mark.parametrize("format", ["text", "markdown"])
def test_markdown_and_text_agree_on_positions(format):
    text = "Para one.\r\n\r\nThe \U0001f600 target sits here.\r\n"
    assert find(text, "target", format) == (3, 7, 3, 13)


def test_paragraph_offsets_and_spans():
    paragraph = Paragraph("Hello world", ((0, 10), (6, 30)))
    assert paragraph.offset(0) == 10 and paragraph.offset(5) == 15
    assert paragraph.offset(6) == 30 and paragraph.offset(10) == 34
    assert paragraph.span(0, 5) == (10, 15)
    assert paragraph.span(6, 11) == (30, 35)
    assert paragraph.span(3, 3) == (13, 13)  # empty span stays empty
    assert paragraph.span(11, 11) == (35, 35)  # empty span at the end
    assert paragraph.start == 10 and paragraph.end == 35


def test_date_from_front_matter_then_run_then_today():
    assert Document("---\ndate: 2021-02-03\n---\nx\n", format="markdown").date == dt.date(2021, 2, 3)
    assert Document("---\ndate: '2021-02-03T10:00'\n---\nx\n", format="markdown").date == dt.date(2021, 2, 3)
    assert Document("x", date=dt.date(2000, 1, 1)).date == dt.date(2000, 1, 1)
    assert Document("x").date == dt.date.today()


def test_a_date_is_the_articles_own_from_front_matter_or_when_given_as_its_own():
    assert Document("---\ndate: 2021-02-03\n---\nx\n", format="markdown").dated
    assert not Document("x", date=dt.date(2000, 1, 1)).dated  # the run's date: only roughly the article's
    assert Document("x", date=dt.date(2000, 1, 1), own_date=True).dated  # an archive row's
    assert not Document("x", own_date=True).dated  # no date given: today's, not the article's
    # a front-matter date that is no date gives way to the run's, which is not the article's
    assert not Document("---\ndate: 2021-02-30\n---\nx\n", format="markdown", date=dt.date(2000, 1, 1)).dated


def test_sentences_and_words():
    document = Document("The first claim. The second one follows!\n\nA new paragraph.")
    texts = [s.text for s in document.sentences]
    assert texts == ["The first claim.", "The second one follows!", "A new paragraph."]
    second = document.sentences[1]
    start, end = second.span()
    assert document.text[start:end] == "The second one follows!"
    assert document.sentences_of(document.paragraphs[1]) == [document.sentences[2]]
    assert {"claim", "follows", "paragraph"} <= document.words


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-06-19", dt.date(2025, 6, 19)),
        (" 2025-06-19T10:30:00 ", dt.date(2025, 6, 19)),
        (dt.datetime(2025, 6, 19, 23, 59), dt.date(2025, 6, 19)),
        (dt.date(2004, 2, 29), dt.date(2004, 2, 29)),
        ("2025-13-01", None),
        ("2005-01-01x", None),
        ("June 2025", None),
        (20250619, None),
        (None, None),
    ],
)
def test_as_date_reads_dates_and_refuses_the_rest(value, expected):
    assert as_date(value) == expected


def test_front_matter_date_wins_over_the_run_date():
    text = "---\ndate: '2005-03-01T09:00:00'\n---\n\nBody.\n"
    assert Document(text, "a.md", format="markdown", date=dt.date(2020, 1, 1)).date == dt.date(2005, 3, 1)
    assert Document("Body.\n", "a.txt", date=dt.date(2020, 1, 1)).date == dt.date(2020, 1, 1)


def test_joined_prose_locates_offsets_in_their_paragraph():
    document = Document("First one.\n\nSecond 😀 here.\n\nThird.\n")
    joined = document.joined
    assert joined.text == "First one.\0Second 😀 here.\0Third."
    at = joined.text.index("here")
    number, local = joined.locate(at)
    assert number == 1 and document.paragraphs[1].text[local : local + 4] == "here"
    assert joined.locate(joined.text.index("Third")) == (2, 0)


@pytest.mark.parametrize(
    ("text", "format", "local", "expected"),
    [
        ("The plan was sound.\n", "markdown", "plan was", True),
        ("The *plan* was sound.\n", "markdown", "plan was", False),  # markup inside the span
        ("The *plan* was sound.\n", "markdown", "plan", True),  # markup only around it
        ("<p>Salt &amp; pepper here.</p>\n", "html", "Salt & pepper", False),  # a reference
        ("<p>Salt &amp; pepper here.</p>\n", "html", "pepper here", True),
        ("Salt & pepper here.\r\n", "text", "Salt & pepper", True),
    ],
)
def test_as_written_tells_verbatim_spans_from_rewritten_ones(text, format, local, expected):
    document = Document(text, format=format)
    paragraph = document.paragraphs[0]
    start = paragraph.text.index(local)
    assert document.as_written(paragraph, start, start + len(local)) is expected


@pytest.mark.parametrize(
    "text, start, kind", [("Our plan works.", 0, "paragraph"), ("A headline", 12, "heading"), ("", 3, "quote")]
)
def test_a_verbatim_paragraph_is_the_one_the_constructor_makes(text, start, kind):
    # verbatim sets the fields without the dataclass __init__: it must make the same value.
    made = Paragraph(text, ((0, start),), kind)
    fast = Paragraph.verbatim(text, start, kind)
    assert vars(fast) == vars(made) and fast == made and hash(fast) == hash(made) and repr(fast) == repr(made)
    assert [fast.offset(i) for i in range(len(text))] == [start + i for i in range(len(text))]
    assert fast.span(0, len(text)) == (start, start + len(text)) and fast.end == made.end


def test_a_subclass_of_paragraph_is_made_by_its_constructor():
    class Noted(Paragraph):
        def __post_init__(self) -> None:
            super().__post_init__()
            object.__setattr__(self, "note", len(self.text))

    assert Noted.verbatim("Four", 2).note == 4


def test_line_column_is_position_as_a_pair():
    text = "ab\r\ncd\ref\ngh\n"
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        position = index.position(offset)
        assert index.line_column(offset) == (position.line, position.column)


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("", [0]),
        ("\n", [0, 1]),
        ("a\nb", [0, 2]),
        ("a\n\nb\n", [0, 2, 3, 5]),
        ("\n\n\n", [0, 1, 2, 3]),
        ("a\r\nb\nc\rd", [0, 3, 5, 7]),
        ("x\u2028y\x0cz\nw", [0, 6]),  # U+2028 and a form feed end no line
    ],
)
def test_line_starts(text, starts):
    # Text without CR is indexed by str.find, text with CR by the regex: both start a line
    # after each CR, LF or CRLF only.
    index = LineIndex(text)
    assert [index.line_start(n) for n in range(1, index.line_count + 1)] == starts


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["The (plan plan.", "“Yes” ... said"], [["the", "plan", "plan"], ["yes", "", "said"]]),
        (["ΟΔΟΣ ΟΔΟΣ", "", "   ", "İstanbul x"], [["οδος", "οδος"], [], [], ["i̇stanbul", "x"]]),
        (["a \0 b", "a\0b c", "\0\0"], [["a", "\0", "b"], ["a\0b", "c"], ["\0\0"]]),  # NUL in a paragraph
        ([], []),
    ],
)
def test_bare_words_by_paragraph_and_as_one_stream(texts, expected):
    # Made from the joined prose in one split, each paragraph's words are still its own
    # bare_words; the stream lists them all with a separator, equal to no word, between.
    document = Document("")
    document.__dict__["paragraphs"] = tuple(Paragraph.verbatim(text, 0) for text in texts)
    assert [list(words) for words in document.bare_words] == expected
    stream, separator = document.bare_word_stream
    assert separator not in {word for words in expected for word in words}
    between = [separator]
    assert stream == [w for number, words in enumerate(expected) for w in (between if number else []) + words]
