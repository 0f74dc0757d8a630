"""Sentence splitting: spans of sentencex's sentences, and the spaces it must not be given."""

from __future__ import annotations

import sys

import pytest

from newslint.sentences import _ODD_SPACE, ASCII_ODD_SPACES, _has_odd_space, split

# Every character str.isspace() calls space (the regex \s of a str pattern is the same set).
SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


def test_the_ascii_screen_lists_every_ascii_odd_space() -> None:
    assert ASCII_ODD_SPACES == "".join(c for c in SPACES if c.isascii() and _ODD_SPACE.match(c))


@pytest.mark.parametrize("space", SPACES)
@pytest.mark.parametrize("template", ["{}", "Our plan{}works.", "Whole{}", "caf\u00e9{}bar", "x{}\u2014y"])
def test_the_screen_agrees_with_the_pattern(space: str, template: str) -> None:
    text = template.format(space)
    assert _has_odd_space(text) == bool(_ODD_SPACE.search(text))


@pytest.mark.parametrize("text", ["Plain text. Two sentences.", "Caf\u00e9 au lait. Yes.", ""])
def test_texts_without_odd_spaces_pass_the_screen(text: str) -> None:
    assert not _has_odd_space(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We won. They lost.", ["We won.", "They lost."]),
        ("  We won.   They lost.  ", ["We won.", "They lost."]),
        ("We won.\u00a0 They lost.", ["We won.", "They lost."]),  # a no-break space between
        ("We won.\x1f They lost.", ["We won.", "They lost."]),  # an ASCII separator, as white space
        ("No full stop at all", ["No full stop at all"]),
        (" \u3000 ", []),
    ],
)
def test_spans_are_trimmed_of_every_kind_of_space(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split(text)] == expected


@pytest.mark.parametrize("space", ["\x1c", "\x1f", "\u00a0", "\u2009"])
def test_odd_spaces_before_a_full_stop_are_given_as_ascii(space: str) -> None:
    # sentencex panics on some (a no-break space), and reads the ASCII separators apart
    # from a space: given a space, it keeps an initial with its name, as it does for "J .".
    text = f"Met J{space}. Smith."
    assert split(text) == split("Met J . Smith.") == [(0, 14)]
