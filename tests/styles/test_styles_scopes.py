"""Scopes: Vale's block and inline scopes, negation, and newslint's headline, quote and caption."""

from __future__ import annotations

import pytest

from newslint.document import Document
from newslint.styles.scopes import parse_scope, segments

ARTICLE = """# Big storm hits coast

The storm said "wind" and rain. It left.

## Damage report

- roofs lost
- trees down

> a reader wrote in

| Town | Homes |
|------|-------|
| Looe | 40 |

![Waves at Looe](waves.jpg)
Waves break over the harbour wall.
"""


@pytest.mark.parametrize(
    "scope, expected",
    [
        ("heading", ["Big storm hits coast", "Damage report"]),
        ("heading.h1", ["Big storm hits coast"]),
        ("heading.h2", ["Damage report"]),
        ("headline", ["Big storm hits coast"]),
        (
            "paragraph",
            ['The storm said "wind" and rain. It left.', "Waves at Looe\nWaves break over the harbour wall."],
        ),
        ("sentence", ["Big storm hits coast", 'The storm said "wind" and rain.', "It left."]),
        ("list", ["roofs lost", "trees down"]),
        ("blockquote", ["a reader wrote in"]),
        ("table", ["Town", "Homes", "Looe", "40"]),
        ("table.header", ["Town", "Homes"]),
        ("table.cell", ["Looe", "40"]),
        ("alt", ["Waves at Looe"]),
        ("caption", ["Waves break over the harbour wall."]),
        ("quote", ['"wind"']),
        (
            ["paragraph", "~quote"],
            ["The storm said ", " and rain. It left.", "Waves at Looe\nWaves break over the harbour wall."],
        ),
        (
            ["text", "~heading", "~table", "~list", "~blockquote", "~alt"],
            ['The storm said "wind" and rain. It left.', "\nWaves break over the harbour wall."],
        ),
        ("heading.md", ["Big storm hits coast", "Damage report"]),
    ],
)
def test_scope_segments(scope: object, expected: list[str]) -> None:
    document = Document(ARTICLE, "a.md", format="markdown")
    found = segments(document, parse_scope(scope))
    texts = [s.text for s in found]
    if scope == "sentence":
        texts = texts[:3]
    assert texts == expected
    for segment in found:  # every segment maps back onto the file character for character
        for index, char in enumerate(segment.text):
            if char != "\n":
                assert ARTICLE[segment.offset(index)] == char


def test_raw_and_summary() -> None:
    document = Document(ARTICLE, "a.md", format="markdown")
    (raw,) = segments(document, parse_scope("raw"))
    assert raw.text == ARTICLE and raw.span(0, 1) == (0, 1)
    (summary,) = segments(document, parse_scope("summary"))
    assert summary.text.startswith("Big storm hits coast\n\nThe storm said")


def test_plain_text_headline_is_the_first_short_line() -> None:
    text = "Storm hits coast\n\nThe storm came in at dawn. Roofs were lost.\n\nMore to come\n"
    document = Document(text, "a.txt")
    assert [s.text for s in segments(document, parse_scope("headline"))] == ["Storm hits coast"]
    assert [s.text for s in segments(document, parse_scope("heading.h2"))] == ["More to come"]


@pytest.mark.parametrize("bad", ["code", "heading & ~blockquote", "paragraphs", ["text", 3]])
def test_bad_scopes_are_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        parse_scope(bad)
