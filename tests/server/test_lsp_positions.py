"""Offsets to LSP positions and back in UTF-8, UTF-16 and UTF-32, and exact incremental edits.

Expected positions are counted by hand in the comments: code points before the offset
on its line (UTF-32), plus one per astral character (UTF-16), or bytes (UTF-8).
"""

from __future__ import annotations

import random
import time

import pytest

from newslint.parsers.model import LineIndex
from newslint.server.documents import OpenDocument
from newslint.server.positions import LineMap

EMOJI = "\U0001f389"  # 🎉: 1 code point, 2 UTF-16 units, 4 UTF-8 bytes
E_ACUTE = "\u00e9"  # é: 1, 1, 2
EURO = "\u20ac"  # €: 1, 1, 3

POSITIONS = [
    # text, offset, {encoding: (line, character)}
    ("plain text", 6, {"utf-32": (0, 6), "utf-16": (0, 6), "utf-8": (0, 6)}),
    (f"a{EMOJI}b", 2, {"utf-32": (0, 2), "utf-16": (0, 3), "utf-8": (0, 5)}),
    (f"a{EMOJI}b", 3, {"utf-32": (0, 3), "utf-16": (0, 4), "utf-8": (0, 6)}),
    (f"{E_ACUTE}{EURO}x", 2, {"utf-32": (0, 2), "utf-16": (0, 2), "utf-8": (0, 5)}),
    # CRLF, CR and LF each end a line; the character after the break is column 0.
    ("one\r\ntwo", 5, {"utf-32": (1, 0), "utf-16": (1, 0), "utf-8": (1, 0)}),
    ("one\rtwo\nthree", 9, {"utf-32": (2, 1), "utf-16": (2, 1), "utf-8": (2, 1)}),
    # The offset of the CR of a CRLF is the end of the first line.
    ("one\r\ntwo", 3, {"utf-32": (0, 3), "utf-16": (0, 3), "utf-8": (0, 3)}),
    # U+2028, a form feed and U+0085 are characters inside a line, not breaks.
    (f"a\u2028b\x0cc\x85{EMOJI}d", 7, {"utf-32": (0, 7), "utf-16": (0, 8), "utf-8": (0, 13)}),
    # A tab is one unit; a BOM is one character (3 UTF-8 bytes) of the first line.
    ("\ufeff\tx", 2, {"utf-32": (0, 2), "utf-16": (0, 2), "utf-8": (0, 4)}),
    # The end of a text that ends with a line break is on the empty last line.
    ("one\n", 4, {"utf-32": (1, 0), "utf-16": (1, 0), "utf-8": (1, 0)}),
    # A lone surrogate (as JSON may carry) is one UTF-16 unit.
    ("a\ud800b", 2, {"utf-32": (0, 2), "utf-16": (0, 2), "utf-8": (0, 4)}),
]


@pytest.mark.parametrize(("text", "offset", "expected"), POSITIONS)
def test_position_in_each_encoding(text: str, offset: int, expected: dict[str, tuple[int, int]]) -> None:
    for encoding, position in expected.items():
        lines = LineMap(text, encoding)
        assert lines.position(offset) == position, encoding
        assert lines.positions([offset]) == {offset: position}, encoding
        assert lines.offset(*position) == offset, encoding


@pytest.mark.parametrize(
    ("encoding", "character", "offset"),
    [
        ("utf-16", 1, 1),  # before the emoji
        ("utf-16", 2, 1),  # inside its surrogate pair: the emoji's start
        ("utf-16", 3, 2),  # after it
        ("utf-8", 3, 1),  # inside its four bytes
        ("utf-8", 5, 2),
        ("utf-16", 99, 3),  # past the end of the line: the line's end, not the next line
        ("utf-8", 99, 3),
    ],
)
def test_a_character_inside_a_character_or_past_the_line_end(encoding: str, character: int, offset: int) -> None:
    lines = LineMap(f"a{EMOJI}b\nnext", encoding)
    assert lines.offset(0, character) == offset


def test_lines_past_the_end_and_negative_positions_are_clamped() -> None:
    lines = LineMap("one\r\ntwo")
    assert lines.offset(7, 0) == 8
    assert lines.offset(-1, 5) == 0
    assert lines.offset(1, -3) == 5
    assert lines.position(99) == (1, 3)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_every_offset_survives_the_round_trip(encoding: str) -> None:
    rng = random.Random(7)
    pieces = ["word", " ", "\r\n", "\n", "\r", "\t", EMOJI, E_ACUTE, EURO, "\u2028", "\ufeff", "\U0001d11e"]
    for _ in range(30):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        lines = LineMap(text, encoding)
        every = lines.positions(range(len(text) + 1))
        for offset in range(len(text) + 1):
            assert every[offset] == lines.position(offset)
            # The middle of a CRLF has no position of its own: it maps to the line's end.
            if text[offset - 1 : offset + 1] != "\r\n":
                assert lines.offset(*every[offset]) == offset


def test_lines_are_the_lines_of_newslint_line_index() -> None:
    rng = random.Random(11)
    for _ in range(500):
        text = "".join(
            rng.choice(["a", " ", "\n", "\r", "\r\n", "\u2028", "\x0c", EMOJI]) for _ in range(rng.randint(0, 30))
        )
        ours, theirs = LineMap(text), LineIndex(text)
        assert ours.line_count == theirs.line_count
        assert [ours.line_start(i) for i in range(ours.line_count)] == [
            theirs.line_start(i + 1) for i in range(theirs.line_count)
        ]


def test_many_positions_on_one_long_line_take_linear_time() -> None:
    def timed(size: int) -> float:
        text = (f"{EMOJI} word " * (size // 7))[:size]
        offsets = range(0, len(text), 3)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            LineMap(text, "utf-16").positions(offsets)
            best = min(best, time.perf_counter() - start)
        return best

    small, large = timed(100_000), timed(400_000)
    assert large < 6 * small


@pytest.mark.parametrize(
    ("encoding", "start", "end", "new", "expected"),
    [
        # Replace the emoji (2 UTF-16 units) with a word.
        ("utf-16", (0, 1), (0, 3), "party", "apartyb\r\nline two"),
        ("utf-8", (0, 1), (0, 5), "party", "apartyb\r\nline two"),
        ("utf-32", (0, 1), (0, 2), "party", "apartyb\r\nline two"),
        # Join the lines: from the end of line 0 (before the CRLF) to the start of line 1.
        ("utf-16", (0, 4), (1, 0), " ", f"a{EMOJI}b line two"),
        # Insert at the very end.
        ("utf-16", (1, 8), (1, 8), "!", f"a{EMOJI}b\r\nline two!"),
    ],
)
def test_incremental_edits_are_applied_exactly(
    encoding: str, start: tuple[int, int], end: tuple[int, int], new: str, expected: str
) -> None:
    document = OpenDocument("file:///draft.txt", f"a{EMOJI}b\r\nline two", 1)
    edited = document.edited([((start, end), new)], 2, encoding)
    assert (edited.text, edited.version) == (expected, 2)


def test_several_edits_in_one_change_apply_in_order() -> None:
    document = OpenDocument("file:///draft.txt", "one\ntwo\n", 1)
    edited = document.edited(
        [(((0, 0), (0, 3)), "ONE"), (((1, 0), (1, 0)), ">"), (None, "all new"), (((0, 3), (0, 3)), "!")], 5, "utf-16"
    )
    assert edited.text == "all! new"
