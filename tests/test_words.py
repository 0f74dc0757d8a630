"""The shared look at what stands next to an offset (newslint.words) and at web addresses."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.addresses import URL, is_web_address, mentions_web_address
from newslint.words import letters_around, token_after, token_around, token_before, words_after, words_before

TEXT = "He said (in Rome) that\tthe plan,a start, was “bold”. 🎉 Done"


@pytest.mark.parametrize(
    ("end", "window", "expected"),
    [
        (TEXT.index(" that"), 200, "Rome)"),  # the whole token, marks and all
        (TEXT.index("in Rome"), 200, "("),  # the token may be a lone mark
        (TEXT.index(" (in"), 200, "said"),
        (TEXT.index("\tthe"), 200, "that"),  # a tab ends a token too
        (TEXT.index(",a"), 200, "plan"),
        (TEXT.index(",a"), 3, "lan"),  # at most the window
        (TEXT.index(" Done"), 200, "🎉"),
        (0, 200, ""),
        (TEXT.index(" said"), 200, "He"),
        (TEXT.index(" said") + 1, 200, ""),  # straight after a space: nothing
    ],
)
def test_token_before(end, window, expected):
    assert token_before(TEXT, end, window) == expected


@pytest.mark.parametrize(
    ("start", "window", "expected"),
    [
        (TEXT.index("(in"), 200, "(in"),
        (TEXT.index("the plan"), 200, "the"),
        (TEXT.index("plan"), 200, "plan,a"),
        (TEXT.index("plan"), 2, "pl"),
        (TEXT.index("“bold"), 200, "“bold”."),
        (TEXT.index(" Done"), 200, ""),
        (len(TEXT), 200, ""),
    ],
)
def test_token_after(start, window, expected):
    assert token_after(TEXT, start, window) == expected


def test_token_around_holds_the_span_and_both_sides():
    at = TEXT.index(",a")
    assert token_around(TEXT, at, at + 1) == "plan,a"
    assert token_around(TEXT, at, at + 1, 2) == "an,a"  # two each side at most


@given(st.text(alphabet="ab .\t\n\u00a0\u2009,", max_size=40), st.integers(0, 45), st.integers(1, 12))
def test_tokens_are_the_non_space_runs_a_regex_finds(text, at, window):
    at = min(at, len(text))
    head = re.search(rf"\S{{0,{window}}}\Z", text[max(0, at - window) : at])
    tail = re.match(rf"\S{{0,{window}}}", text[at:])
    assert token_before(text, at, window) == (head.group() if head else "")
    assert token_after(text, at, window) == (tail.group() if tail else "")


PROSE = "Ministers (who met in Rome on Friday) said that it was over"


def test_words_before_and_after_name_up_to_four_words():
    mark = PROSE.index(")")
    assert words_before(PROSE, mark) == "met in Rome on Friday"[len("met ") :]
    assert words_after(PROSE, mark + 1) == "said that it was"
    assert words_after(PROSE, mark + 1, count=2) == "said that"
    assert words_after(PROSE, mark + 1, stop=PROSE.index(" it")) == "said that"
    assert words_before(PROSE, 0) == "" and words_after(PROSE, len(PROSE)) == ""


def test_words_are_looked_for_within_a_window_only():
    text = "alpha " + "." * 100 + ")"
    assert words_before(text, len(text) - 1) == ""  # the word is 100 characters away
    assert words_before(text, len(text) - 1, window=120) == "alpha"


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("the plainWord here", 9, "plainWord"),
        ("the plainWord here", 4, "plainWord"),
        ("x9abc-def", 4, "abc"),  # digits and hyphens end a run of letters
        ("café au", 2, "café"),
        ("  ", 1, ""),
    ],
)
def test_letters_around(text, at, expected):
    start, end = letters_around(text, at)
    assert text[start:end] == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("http://example.com/a", True),
        ("(https://example.com),", True),
        ("ftp://files.example.org", True),
        ("www.example.co.uk.", True),
        ("(www.example.org)", True),
        ("WWW.EXAMPLE.ORG", True),
        ("see:www.example.org", True),
        ("awww.", False),  # an exclamation, not a host
        ("Awww.That", False),
        ("plan,a", False),
        ("9/4", False),
        ("U.S.", False),
        ("", False),
    ],
)
def test_is_web_address(token, expected):
    assert is_web_address(token) is expected
    assert (URL.search(token) is not None) is expected  # the pattern and the test agree
    if expected:
        assert mentions_web_address(token)


def test_url_runs_from_its_scheme_to_the_next_space():
    text = "Read it at https://example.com/a?b=1, or www.example.org today"
    assert [m.group() for m in URL.finditer(text)] == ["https://example.com/a?b=1,", "www.example.org"]
