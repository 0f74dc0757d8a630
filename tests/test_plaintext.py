"""Plain-text drafts: blank-line paragraphs, the hard-wrap rule, headings, directive lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document import Document
from newslint.parsers.plaintext import WRAP_WIDTH


def blocks(text: str) -> list[tuple[str, str]]:
    """Return ``(kind, text)`` of each paragraph."""
    return [(p.kind, p.text) for p in Document(text).paragraphs]


def test_blank_lines_separate_paragraphs():
    text = "The first paragraph ends.\n\nThe second one too.\n   \n\tThe third.\n"
    assert blocks(text) == [
        ("paragraph", "The first paragraph ends."),
        ("paragraph", "The second one too."),
        ("paragraph", "The third."),
    ]


def test_hard_wrapped_lines_make_one_paragraph():
    text = "A reporter wrote this paragraph\nand wrapped it by hand at a short\nwidth, as many do.\n"
    assert blocks(text) == [("paragraph", text.rstrip("\n"))]


def test_long_lines_are_one_paragraph_each():
    long_line = "A pasted paragraph that runs on " + "and on " * 20 + "to the end."
    assert len(long_line) > WRAP_WIDTH
    text = f"{long_line}\nShort second line.\n{long_line}\n"
    assert blocks(text) == [
        ("paragraph", long_line),
        ("paragraph", "Short second line."),
        ("paragraph", long_line),
    ]


def test_wrap_width_boundary():
    exactly = "x" * (WRAP_WIDTH - 1) + "."
    assert len(exactly) == WRAP_WIDTH
    # every line but the last at most WRAP_WIDTH long: one paragraph
    assert len(blocks(f"{exactly}\n{exactly}{exactly}")) == 1
    # one line over: each line is its own paragraph
    assert len(blocks(f"{exactly}x\n{exactly}")) == 2


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Minister resigns over leaked memo", "heading"),
        ("Minister resigns over leaked memo.", "paragraph"),
        ("Why did the minister go?", "paragraph"),
        ("He said: 'I am going'", "paragraph"),
        ("Reaction", "heading"),
        (" ".join(["word"] * 21), "paragraph"),
    ],
)
def test_heading_detection(line, kind):
    assert blocks(f"{line}\n\nBody text follows here.\n")[0] == (kind, line)


def test_wrapped_block_is_never_a_heading():
    assert blocks("Short line one\nshort line two\n")[0][0] == "paragraph"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings(newline):
    text = newline.join(["Headline here", "", "First para.", "", "Second para.", ""])
    document = Document(text)
    assert [p.text for p in document.paragraphs] == ["Headline here", "First para.", "Second para."]
    for paragraph in document.paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text
    assert document.position(document.paragraphs[2].start).line == 5


def test_verbatim_text_keeps_crlf_inside_a_wrapped_paragraph():
    text = "Wrapped line one\r\nand two.\r\n"
    (paragraph,) = Document(text).paragraphs
    assert paragraph.text == "Wrapped line one\r\nand two."
    assert paragraph.span(0, len(paragraph.text)) == (0, len(paragraph.text))


def test_u2028_and_form_feed_do_not_split_paragraphs():
    text = "One line\u2028with a separator\x0cand a feed.\n"
    assert blocks(text) == [("paragraph", "One line\u2028with a separator\x0cand a feed.")]


@pytest.mark.parametrize("blank", ["", "  \t", "\x0c", "\x1c", "\x85", "\u3000 \u00a0"])
def test_a_line_of_any_white_space_separates_paragraphs(blank):
    text = f"First we met.\n{blank}\nThen we left.\n"
    assert blocks(text) == [("paragraph", "First we met."), ("paragraph", "Then we left.")]


def test_directive_comment_lines_are_not_prose():
    text = (
        "First para.\n"
        "<!-- newslint-disable-next-line repeated-word -->\n"
        "Second para.\n"
        "  <!-- newslint-enable -->  \n"
        "Third para.\n"
    )
    document = Document(text)
    assert [p.text for p in document.paragraphs] == ["First para.", "Second para.", "Third para."]
    bodies = [c.body.strip() for c in document.comments]
    assert bodies == ["newslint-disable-next-line repeated-word", "newslint-enable"]
    for comment in document.comments:
        assert text[comment.start : comment.end].startswith("<!--")
        assert text[comment.start : comment.end].endswith("-->")


def test_a_comment_inside_a_prose_line_is_not_a_directive():
    text = "Some prose <!-- newslint-disable --> more prose.\n"
    assert Document(text).comments == ()
    assert blocks(text) == [("paragraph", text.strip())]


def test_a_line_with_two_comments_and_prose_between_is_prose():
    text = "<!-- one --> Words in between. <!-- two -->\n"
    assert Document(text).comments == ()
    assert [p.text for p in Document(text).paragraphs] == [text.strip()]


def test_paragraph_offsets_skip_leading_white_space():
    text = "\n\n   Indented paragraph.\n"
    (paragraph,) = Document(text).paragraphs
    assert paragraph.start == text.index("Indented")
    assert text[paragraph.start : paragraph.end] == "Indented paragraph."


_LINES = st.lists(
    st.sampled_from(
        [
            "",
            " ",
            "Short line",
            "A sentence ends here.",
            "x" * 120,
            "\t",
            "<!-- c -->",
            "  <!-- newslint-disable -->",
            "\u2028",
            "\x0c",
            "\U0001f600 emoji",
            "a <!-- b --> c",
        ]
    ),
    max_size=20,
)


@settings(max_examples=200, deadline=None)
@given(_LINES, st.sampled_from(["\n", "\r\n", "\r"]))
def test_paragraphs_are_verbatim_slices_in_order(lines, newline):
    text = newline.join(lines)
    document = Document(text)
    previous_end = 0
    for paragraph in document.paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text
        assert paragraph.text == paragraph.text.strip() and paragraph.text
        assert paragraph.start >= previous_end
        previous_end = paragraph.end
    for comment in document.comments:
        assert text[comment.start : comment.end] == f"<!--{comment.body}-->"
