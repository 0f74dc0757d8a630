"""Quotation-mark analysis: roles (open, close, apostrophe, prime) and pairing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.document import Document, Paragraph
from newslint.quotation import Mark, _Classifier, _opens_with, _positions, analyse

ROLE_LETTER = {"open": "O", "close": "C", "apostrophe": "A", "prime": "P"}


def roles(text: str, format: str = "text") -> str:
    """Return one letter per mark of the whole document, paragraphs joined by '|'."""
    document = Document(text, format=format)
    return "|".join("".join(ROLE_LETTER[m.role] for m in quotes.marks) for quotes in document.quote_marks)


def statuses(text: str, format: str = "text") -> list[list[str]]:
    document = Document(text, format=format)
    return [[m.status for m in q.marks if m.is_quote] for q in document.quote_marks]


@pytest.mark.parametrize(
    "text, expected",
    [
        # apostrophes
        ("Iran’s leader and the US's envoy.", "AA"),
        ("They don't and won’t.", "AA"),
        ("A hit of the ’90s and the '80s.", "AA"),
        ("Back in ‘05, a wrongly curled year.", "A"),
        ("He loves rock ’n’ roll and rock 'n' roll.", "AAAA"),
        ("We were goin’ home.", "A"),
        ("The Joneses’ car and the players' union.", "AA"),
        ("At five o’clock sharp.", "A"),
        ("Give ’em a chance, ’tis the season.", "AA"),
        ("The 1990's were long.", "A"),
        ("Zombie 'bot nets send spam.", "A"),
        # clipped words, transliterations
        ("We sang 'til dawn, 'tis true, give 'em one, it's 'orrible.", "AAAAA"),
        ("He stayed 'till dawn, 'cause it rained.", "AA"),
        ("He said 'till death' twice.", "OC"),
        ("Abd al-'Aziz and el-‘Arish.", "AA"),
        # inch and feet marks, also inside a quotation
        ('"A 20" screen," he said.', "OPC"),
        ('"He is 5\' 11" tall."', "OPPC"),
        ('He called it "Catch 22" and left.', "OC"),
        # primes are not quotation marks
        ("He is 6'2\" tall and 5'10 in socks.", "PPP"),
        # curly quotations
        ("“Yes,” she said.", "OC"),
        ("“He said ‘no’ to me,” she said.", "OOCC"),
        ("‘Goin’ home,’ she sang.", "OAC"),
        ("The ‘experts’ disagree.", "OC"),
        # straight quotations, direction from the neighbours
        ('"Yes," she said.', "OC"),
        ("'Yes,' she said.", "OC"),
        ('She called it "fake" (twice).', "OC"),
        ('A ("quoted") word - "and" more.', "OCOC"),
        ("He said \"'Oh no,' I thought.\"", "OOCC"),
        ("They chanted 'the Joneses' house' all day.", "OAC"),
        ("'The Joneses' house,' he said.", "OAC"),
        # run together: the state decides
        ('It was "over."Then it began.', "OC"),
        ('It was over."Then it began," she said.', "OC"),
        # Markdown: inline code is not prose
        ('The flag `"--quiet"` is "new".', "OC"),
        # paragraphs are analysed separately
        ("“One.\n\n“Two.”", "O|OC"),
    ],
)
def test_roles(text: str, expected: str) -> None:
    fmt = "markdown" if "`" in text else "text"
    assert roles(text, fmt) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“Yes,” she said.", [["paired", "paired"]]),
        ("I will not go,” she said.", [["unopened"]]),
        ("She said “no and left.", [["unclosed"]]),
        ("“He said ‘no to me,” she said.", [["paired", "unclosed", "paired"]]),
        ("\"Oh no,' she said.", [["mismatched", "mismatched"]]),
        # a quotation run across paragraphs, news style
        ("“First part.\n\n“Second part,” she said.", [["continued"], ["paired", "paired"]]),
        ("“First part.\n\nShe said nothing.", [["unclosed"], []]),
        # merged paragraphs: the quotation reopens at a new sentence
        ('"One. "Two," she said.', [["reopened", "paired", "paired"]]),
        ('"He asked \'why?\' "Then go," she said.', [["reopened", "paired", "paired", "paired", "paired"]]),
        ("''One. ''Two.''", [["reopened", "reopened", "paired", "paired", "paired", "paired"]]),
        # not a new sentence: a nested double, never closed
        ('"One "two," she said.', [["unclosed", "paired", "paired"]]),
        # CRLF paragraphs, and a hard-wrapped paragraph (one paragraph over two lines)
        ("“First part.\r\n\r\n“Second part,” she said.\r\n", [["continued"], ["paired", "paired"]]),
        ("“We will\nwin,” she said.", [["paired", "paired"]]),
    ],
)
def test_pairing(text: str, expected: list[list[str]]) -> None:
    assert statuses(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # blank-line paragraphs in Markdown, the second one a block quote
        ("He said: “We will win.\n\n> “We will not stop,” he said.\n", [["continued"], ["paired", "paired"]]),
        # a heading does not reopen the quotation
        ("“We will win.\n\n## Next steps\n", [["unclosed"], []]),
        # quotes inside inline code are not prose
        ("Type `\"` then “go” and `'`.\n", [["paired", "paired"]]),
    ],
)
def test_pairing_in_markdown(text: str, expected: list[list[str]]) -> None:
    assert statuses(text, "markdown") == expected


def test_partners_point_at_each_other() -> None:
    text = "“He said ‘no’ to me,” she said."
    (quotes,) = Document(text).quote_marks
    by_index = {m.index: m for m in quotes.marks}
    for mark in quotes.marks:
        assert by_index[mark.partner].partner == mark.index
    assert text[quotes.marks[0].partner] == "”"
    assert text[quotes.marks[1].partner] == "’"


def test_curly_and_straight_forms() -> None:
    (quotes,) = Document("\"It's 'the ’90s',\" he said.").quote_marks
    assert [m.curly_form for m in quotes.marks] == ["“", "’", "‘", "’", "’", "”"]
    assert [m.straight_form for m in quotes.marks] == ['"', "'", "'", "'", "'", '"']


def test_document_caches_the_analysis() -> None:
    document = Document("“Yes,” she said.")
    assert document.quote_marks is document.quote_marks
    assert analyse(document.paragraphs) == document.quote_marks


def _eager(paragraphs: tuple[Paragraph, ...]) -> list[tuple[Mark, ...]]:
    """The marks as the classifier gives them for every paragraph, its tables made up front."""
    result = []
    for number, paragraph in enumerate(paragraphs):
        text = paragraph.text
        classifier = _Classifier(text, _positions(text))
        classifier._runs()
        classifier._look_ahead()
        rows = classifier.run()
        following = paragraphs[number + 1].text if number + 1 < len(paragraphs) else ""
        for row in rows:
            if row[6] == "unclosed" and _opens_with(following, row[3]):
                row[6] = "continued"
        result.append(tuple(Mark(*row) for row in rows))
    return result


@pytest.mark.parametrize(
    "text",
    [
        "They don't know it's Iran’s turn.",  # only apostrophes between letters: no classifier
        "It's 'n' that's odd.",  # an inner apostrophe beside a quotation
        "Don't'",  # an inner apostrophe, then a stray mark after a letter
        "'Tis don't",  # a clipped word at the start, then an inner apostrophe
        "don't\u2019s wasn't",  # two marks side by side after letters
        "rock 'n' roll isn't dead",
        "He's 6'2\" and she's 5' 11''.",
        "x'y",
        "Sorry' it's late",  # a closing mark after a letter, no letter after it
        "'",
        "a'",
    ],
)
def test_screened_paragraphs_read_as_the_classifier_reads_them(text: str) -> None:
    paragraphs = tuple(Paragraph.verbatim(line, 0) for line in text.split("|"))
    marks = [quotes.marks for quotes in analyse(paragraphs)]
    assert marks == _eager(paragraphs)
    assert all(type(mark) is Mark for paragraph in marks for mark in paragraph)


@given(st.lists(st.text(alphabet="\"'“”‘’ass9 .,-(\n", max_size=12), min_size=1, max_size=3))
def test_screen_and_lazy_tables_change_no_mark(texts: list[str]) -> None:
    # Paragraphs of inner apostrophes skip the classifier, and the run and look-ahead
    # tables are made only when a mark needs them: neither may change a mark.
    paragraphs = tuple(Paragraph.verbatim(text, 0) for text in texts)
    assert [quotes.marks for quotes in analyse(paragraphs)] == _eager(paragraphs)
