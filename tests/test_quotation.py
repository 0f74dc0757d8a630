"""Quotation-mark analysis: roles (open, close, apostrophe, prime) and pairing."""

from __future__ import annotations

import pytest

from newslint.document import Document
from newslint.quotation import analyse

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
