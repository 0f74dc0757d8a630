"""Markdown prose extraction: what is prose, what is not, and where each character came from."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.document import Document
from newslint.parsers.model import STAND_IN


def prose(text: str) -> list[tuple[str, str]]:
    """Return ``(kind, text)`` of each prose paragraph of a Markdown text."""
    return [(p.kind, p.text) for p in Document(text, format="markdown").paragraphs]


def assert_maps_back(source: str) -> None:
    """Every prose character is the file's character at its offset (stand-ins aside),
    and offsets only ever increase, within and across paragraphs."""
    previous = -1
    for paragraph in Document(source, format="markdown").paragraphs:
        for index, char in enumerate(paragraph.text):
            offset = paragraph.offset(index)
            assert 0 <= offset < len(source), (index, char, offset)
            original = source[offset]
            if char == STAND_IN:
                assert original in "`<", (index, original)
            elif char == "\n":
                # A line break inside a paragraph stands at the file's CR, LF or CRLF.
                assert original in "\r\n", (index, original)
            elif original == "&":
                pass  # a decoded entity stands at its ampersand
            else:
                assert char == original, (paragraph.text, index, char, offset, original)
            assert offset > previous, (paragraph.text, index, offset, previous)
            previous = offset


# -- what is prose ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source, expected",
    [
        ("# A headline\n", [("heading", "A headline")]),
        ("Closing hashes\n## Sub head ##\n", [("paragraph", "Closing hashes"), ("heading", "Sub head")]),
        ("Setext head\n===\n", [("heading", "Setext head")]),
        ("One paragraph\nwrapped.\n\nTwo.\n", [("paragraph", "One paragraph\nwrapped."), ("paragraph", "Two.")]),
        ("- first item\n- second item\n", [("list-item", "first item"), ("list-item", "second item")]),
        ("1. one\n2. two\n", [("list-item", "one"), ("list-item", "two")]),
        ("> A quoted line\n> goes on.\n", [("quote", "A quoted line\ngoes on.")]),
        (
            "| Left | Right |\n|---|---|\n| cell one | cell two |\n",
            [("table-cell", "Left"), ("table-cell", "Right"), ("table-cell", "cell one"), ("table-cell", "cell two")],
        ),
        ('Before ![the alt text](pic.png "title") after.\n', [("paragraph", "Before the alt text after.")]),
        ('See [the report](http://example.com/a "A title") now.\n', [("paragraph", "See the report now.")]),
        ("See [the report][ref] now.\n\n[ref]: http://example.com/r\n", [("paragraph", "See the report now.")]),
        (
            "Some *stressed* and __strong__ and ~~struck~~ words.\n",
            [("paragraph", "Some stressed and strong and struck words.")],
        ),
    ],
)
def test_prose_blocks(source, expected):
    assert prose(source) == expected
    assert_maps_back(source)


@pytest.mark.parametrize(
    "source, expected",
    [
        # front matter, code, HTML, comments, link targets, reference definitions: not prose
        ("---\ntitle: Not prose\ndate: 2024-03-01\n---\nBody text.\n", ["Body text."]),
        ("Text.\n\n```\nfenced code is not prose\n```\n", ["Text."]),
        ("~~~python\nprint('x')\n~~~\nText.\n", ["Text."]),
        ("Text.\n\n    indented code line\n", ["Text."]),
        ("Call `do_it()` now.\n", [f"Call {STAND_IN} now."]),
        ("Mail <http://example.com/x> today.\n", [f"Mail {STAND_IN} today."]),
        ("A <!-- a comment --> B.\n", ["A  B."]),
        ("<div>\nA block of html is not prose.\n</div>\n\nText.\n", ["Text."]),
        ("<!--\nA comment block.\n-->\nText.\n", ["Text."]),
        ("Text.\n\n[ref]: http://example.com/unused\n", ["Text."]),
        ('A <span class="x">marked</span> word.\n', ["A marked word."]),
        ("Use \\*stars\\* and &amp; too.\n", ["Use *stars* and & too."]),
    ],
)
def test_not_prose(source, expected):
    assert [text for _, text in prose(source)] == expected
    assert_maps_back(source)


def test_front_matter_is_read_and_keeps_line_numbers():
    source = "---\ntitle: A title\ndate: 2024-03-01\n---\nBody text.\n"
    document = Document(source, format="markdown")
    assert document.front_matter == {"title": "A title", "date": __import__("datetime").date(2024, 3, 1)}
    assert document.date.isoformat() == "2024-03-01"
    paragraph = document.paragraphs[0]
    assert document.position(paragraph.start) == document.position(source.index("Body"))
    assert document.position(paragraph.start).line == 5


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_front_matter_with_any_line_ending(newline):
    source = newline.join(["---", "title: A title", "---", "Body text.", ""])
    document = Document(source, format="markdown")
    assert document.front_matter == {"title": "A title"}
    assert [p.text for p in document.paragraphs] == ["Body text."]
    assert document.position(document.paragraphs[0].start).line == 4


def test_a_thematic_break_without_closing_fence_is_not_front_matter():
    assert prose("---\nJust text after a rule.\n") == [("paragraph", "Just text after a rule.")]


@pytest.mark.parametrize(
    "source, needle",
    [
        ("| a | a |\n|---|---|\n| x | y |\n", None),
        ("| bar | ar |\n|---|---|\n| x | y |\n", None),
        ("a | a\n--|--\nb | b\n", None),
    ],
)
def test_table_cells_with_repeated_text_map_to_their_own_cells(source, needle):
    paragraphs = Document(source, format="markdown").paragraphs
    starts = [p.start for p in paragraphs]
    assert starts == sorted(set(starts)), starts
    for p in paragraphs:
        assert source[p.start : p.end] == p.text
    assert_maps_back(source)


def test_a_table_cell_with_an_escaped_pipe_is_read_and_maps_back():
    # Its text holds "|" where the source writes "\\|": each character still maps to its own.
    source = "| a | b |\n| --- | --- |\n| x \\| y said the the | z |\n"
    cells = Document(source, format="markdown").paragraphs
    assert [c.text for c in cells] == ["a", "b", "x | y said the the", "z"]
    cell = cells[2]
    assert [source[cell.offset(i)] for i in range(len(cell.text))] == list(cell.text)
    assert source[cell.offset(len("x | y said the "))] == "t" and cell.offset(2) == source.index("\\|") + 1
    assert_maps_back(source)


def test_link_title_with_parenthesis_does_not_swallow_following_text():
    source = '[a](u "x) b") b\n'
    paragraph = Document(source, format="markdown").paragraphs[0]
    assert paragraph.text == "a b"
    assert paragraph.offset(2) == len(source) - 2
    assert_maps_back(source)


def test_spans_map_back_to_the_file():
    source = "Intro line.\n\n> He said *very* loudly, `x` and [more](http://e.com).\n"
    paragraph = Document(source, format="markdown").paragraphs[1]
    assert paragraph.text == f"He said very loudly, {STAND_IN} and more."
    local = paragraph.text.index("very loudly")
    start, end = paragraph.span(local, local + len("very loudly"))
    # the span runs from the first to the last character, markup between included
    assert source[start:end] == "very* loudly"
    start, end = paragraph.span(paragraph.text.index("more"), paragraph.text.index("more") + 4)
    assert source[start:end] == "more"


def test_crlf_and_emoji_positions():
    source = "First line.\r\n\r\n\U0001f600 Second *para* here.\r\n"
    document = Document(source, format="markdown")
    paragraph = document.paragraphs[1]
    local = paragraph.text.index("para")
    start, end = paragraph.span(local, local + 4)
    assert source[start:end] == "para"
    assert document.position(start) == type(document.position(0))(3, 11)


def test_comments_are_collected_with_offsets():
    source = "Text <!-- inline one --> more.\n\n<!-- block one -->\n\nEnd.\n"
    comments = Document(source, format="markdown").comments
    assert [c.body.strip() for c in comments] == ["inline one", "block one"]
    for comment in comments:
        assert source[comment.start : comment.end].startswith("<!--")
        assert source[comment.start : comment.end].endswith("-->")


def test_comment_inside_code_is_not_a_directive():
    source = "```\n<!-- newslint-disable -->\n```\n\nText.\n"
    assert Document(source, format="markdown").comments == ()


# -- the mapping property ----------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "word",
        "Other",
        "news",
        " ",
        " ",
        "  ",
        "\t",
        "\n",
        "\n",
        "\n\n",
        "\r\n",
        "\r\n\r\n",
        "\r",
        "*",
        "**",
        "_",
        "__",
        "~~",
        "`",
        "``",
        "# ",
        "## ",
        "> ",
        "- ",
        "* ",
        "1. ",
        "   ",
        "    ",
        "|",
        "| a |",
        "---",
        "\n---\n",
        "```",
        "~~~",
        "[",
        "]",
        "(",
        ")",
        "![",
        "](http://x.y/z)",
        '](u "t)")',
        "][r]",
        "\n[r]: http://r.s\n",
        "<",
        ">",
        "<http://a.b/c>",
        "<b>",
        "</b>",
        "<!-- c -->",
        "<div>\n",
        "&amp;",
        "&#x1F600;",
        "&copy;",
        "\\*",
        "\\`",
        "\\",
        '"',
        "'",
        ".",
        "\U0001f600",
        "é",
        "\u2028",
        "\x0c",
        "\u00a0",
        "Mr.",
        "U.S.",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_every_prose_character_maps_back(source):
    assert_maps_back(source)


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_front_matter_keeps_the_mapping(body):
    assert_maps_back("---\ntitle: x\n---\n" + body)
