"""NL206 double-space: runs of spaces between words or after a full stop."""

from __future__ import annotations

import pytest

from newslint.testing import run_rule


def found(text: str, **kwargs) -> list[tuple[int, int]]:
    """Return (offset, length) of each finding, checking code, severity and span."""
    findings = run_rule("double-space", text, **kwargs)
    assert all(f.code == "NL206" and f.severity.value == "info" for f in findings)
    assert all(set(text[f.start : f.end]) <= {" ", "\u00a0"} for f in findings)
    return [(f.start, f.end - f.start) for f in findings]


def fixed(text: str, **kwargs) -> str:
    """Apply every fix of the rule to ``text``."""
    for f in sorted(run_rule("double-space", text, **kwargs), key=lambda f: f.start, reverse=True):
        assert f.fix.safe
        text = text[: f.fix.start] + f.fix.text + text[f.fix.end :]
    return text


BAD = [
    ("The minister  said no.", [(12, 2)]),
    ("The minister   said no.", [(12, 3)]),
    ("It ended.  Then it began. Then it ended.", [(9, 2)]),
    ("Growth was 3.5%  in 2004, the U.S.  said.", [(15, 2), (34, 2)]),
    ("Headline  with a gap", [(8, 2)]),
    # hard-wrapped paragraph: the second line's gap is found, its line break is not a run
    ("The minister said\nthe plan  was sound.", [(26, 2)]),
    ("The minister said\r\nthe plan  was sound.", [(27, 2)]),
    ("🎉 Party  time.", [(7, 2)]),
    # a space beside a no-break space, in either order
    ("The council \u00a0voted.", [(11, 2)]),
    ("The mayor\u00a0 said no.", [(9, 2)]),
    ("The mayor \u00a0 said no.", [(9, 3)]),
]


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_bad(text: str, expected: list[tuple[int, int]]) -> None:
    assert found(text) == expected


GOOD = [
    "The minister said no. Then he left.",
    # leading indentation, trailing spaces, tabs
    "   Indented first line of a paragraph.",
    "A wrapped line with trailing spaces   \nand the next line.",
    "Name\t\tAge and a tab  \tbefore a tab.",
    # an article that puts two spaces between sentences throughout
    "It rained.  Then it snowed.  Then it stopped.  We went out.",
    # columns aligned with spaces on neighbouring lines
    "Team    Won  Lost\nLeeds   10   2\nYork    3    9",
    # one no-break space, or two of them alone (a layout choice), between words
    "The mayor\u00a0said no, at 10\u00a0a.m. and in the Rue\u00a0\u00a0Royale.",
]


@pytest.mark.parametrize("text", GOOD)
def test_good(text: str) -> None:
    assert found(text) == []


def test_two_space_style_still_reports_gaps_inside_sentences() -> None:
    text = "It rained.  Then it snowed.  The  wind blew."
    assert found(text) == [(32, 2)]


def test_markdown_hard_break_and_inline_code() -> None:
    text = "A line with a hard break  \nand `a  b` code, then  a gap."
    assert found(text, format="markdown") == [(48, 2)]


def test_message_and_fix() -> None:
    text = "The minister  said it.  Then he left."
    findings = run_rule("double-space", text)
    assert [f.message for f in findings] == [
        "2 spaces between 'minister' and 'said'",
        "2 spaces after 'it.'",
    ]
    assert fixed(text) == "The minister said it. Then he left."


def test_fix_keeps_crlf() -> None:
    assert fixed("One  two\r\nthree   four") == "One two\r\nthree four"
