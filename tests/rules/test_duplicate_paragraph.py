"""NL208 duplicate-paragraph: a paragraph or a long sentence pasted twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.testing import run_rule

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seeds" / "000_66e5290f122a3e84.txt"

PARA = "The council met on Monday to discuss plans for a new bridge over the river."
LONG = "Work on the bridge is due to start next spring, and it should open two years later."
SHORT = "Residents say the traffic is bad."


def found(text: str, **kwargs) -> list[tuple[int, str]]:
    """Return (offset, flagged text) of each finding, checking code and severity."""
    findings = run_rule("duplicate-paragraph", text, **kwargs)
    assert all(f.code == "NL208" and f.severity.value == "warning" for f in findings)
    return [(f.start, text[f.start : f.end]) for f in findings]


def apply(text: str) -> str:
    """Apply every safe fix of the rule to ``text``."""
    findings = run_rule("duplicate-paragraph", text)
    for f in sorted((f for f in findings if f.fix), key=lambda f: f.fix.start, reverse=True):
        assert f.fix.safe
        text = text[: f.fix.start] + f.fix.text + text[f.fix.end :]
    return text


def test_a_paragraph_pasted_twice() -> None:
    text = f"Bridge plan\n\n{PARA}\n\n{PARA}\n\n{SHORT}\n"
    assert found(text) == [(len("Bridge plan\n\n") + len(PARA) + 2, PARA)]
    (finding,) = run_rule("duplicate-paragraph", text)
    assert finding.message == "paragraph repeated from line 3"
    assert (finding.line, finding.column) == (5, 1)
    assert apply(text) == f"Bridge plan\n\n{PARA}\n\n{SHORT}\n"


def test_a_short_paragraph_of_five_words_or_more() -> None:
    text = f"{SHORT}\n\n{SHORT}"
    assert found(text) == [(len(SHORT) + 2, SHORT)]


def test_a_paragraph_pasted_far_away_with_crlf_and_emoji() -> None:
    text = f"🎉 Intro.\r\n\r\n{PARA}\r\n\r\n{SHORT}\r\n\r\n{LONG}\r\n\r\n{PARA}"
    (finding,) = run_rule("duplicate-paragraph", text)
    assert text[finding.start : finding.end] == PARA and finding.line == 9
    assert apply(text) == f"🎉 Intro.\r\n\r\n{PARA}\r\n\r\n{SHORT}\r\n\r\n{LONG}"


def test_a_caption_pasted_as_alt_text_and_as_a_paragraph() -> None:
    text = f"![{PARA}](https://example.com/pic.jpg)\n{PARA}\n{LONG}\n"
    assert found(text) == [(text.index("\n") + 1, PARA)]
    assert run_rule("duplicate-paragraph", text)[0].fix is None  # not a verbatim copy


def test_a_long_sentence_twice_in_a_row_and_near() -> None:
    text = f"{SHORT} {LONG} {LONG} {SHORT}"
    second = len(SHORT) + 1 + len(LONG) + 1
    assert found(text) == [(second, LONG)]
    assert apply(text) == f"{SHORT} {LONG} {SHORT}"
    near = f"{LONG}\n\n{SHORT}\n\n{PARA} {LONG}"
    assert found(near) == [(near.rindex(LONG), LONG)]
    assert run_rule("duplicate-paragraph", near)[0].fix is None


def test_a_long_sentence_pasted_three_times_is_fixed_in_one_pass() -> None:
    # Each copy is deleted after the one before it: --fix needs one pass, not one a copy
    # (a paragraph of many copies took --fix's ten passes, slower than linear).
    text = f"{SHORT} {LONG} {LONG} {LONG} {SHORT}"
    findings = run_rule("duplicate-paragraph", text)
    assert [text[f.start : f.end] for f in findings] == [LONG, LONG]
    assert all(f.fix is not None and f.fix.safe for f in findings)
    assert apply(text) == f"{SHORT} {LONG} {SHORT}"


GOOD = [
    # short paragraphs repeat by design
    "Nobody came at all.\n\nNobody came at all.\n\nHe added:\n\nHe added:",
    # a sentence of eight words or fewer
    "It was a cold day in the town. It was a cold day in the town.",
    # a medium sentence echoed far away: a deliberate parallel
    "\n\n".join(
        [
            "The first tent has no porch. A padded porch and a spare groundsheet are sold separately for a fee.",
            SHORT,
            PARA,
            LONG,
            "The second has none either. A padded porch and a spare groundsheet are sold separately for a fee.",
        ]
    ),
]


@pytest.mark.parametrize("text", GOOD)
def test_good(text: str) -> None:
    assert found(text) == []


def test_markdown_headings_contents_and_pull_quotes() -> None:
    text = (
        "# Bridge plans\n\n"
        "- [Work on the new bridge over the river](#work)\n"
        "- [Costs](#costs)\n\n"
        "## Work on the new bridge over the river\n\n"
        f"{LONG}\n\n"
        f"> {LONG}\n\n"
        "## Costs\n\nThe bridge will cost a great deal of money.\n"
    )
    assert found(text, format="markdown") == []
    pasted = text + f"\n{LONG}\n"
    assert found(pasted, format="markdown") == [(pasted.rindex(LONG), LONG)]


@pytest.mark.skipif(not SEED.is_file(), reason="../shared seeds not available")
def test_seed_caption_pasted_twice() -> None:
    text = SEED.read_text(encoding="utf-8")
    findings = run_rule("duplicate-paragraph", text)
    assert [(f.line, f.column, f.message) for f in findings] == [(2, 1, "paragraph repeated from line 1")]


@pytest.mark.parametrize(
    "pattern",
    [
        # every paragraph a copy of the first; every sentence a copy of the first
        "Work on the pier starts next spring and ends two years later.\n\n",
        "The council met on Monday to discuss plans for a new bridge. ",
    ],
)
def test_linear_time(pattern: str, growth) -> None:
    assert growth("duplicate-paragraph", pattern) < 6


# The rule screens an article before it compares anything: two passages can only have
# the same words (case and spacing aside) when their first and last words match. These
# copies differ in every other way the comparison forgives.
SCREENED = [
    # other white space: a tab, a line break (Markdown keeps it in the paragraph), a
    # no-break space, a thin space, a line separator
    (LONG.replace(" ", "\t", 3), "text"),
    (LONG.replace(" ", "\n", 2), "markdown"),
    (LONG.replace(" ", "\xa0 ", 9), "text"),
    (LONG.replace(" ", " \u2009", 9), "text"),
    (LONG.replace(" ", "\u2028 ", 9), "text"),
    # in capitals, and with its spaces doubled
    (LONG.upper(), "text"),
    (LONG.replace(" ", "  "), "text"),
    # a Kelvin sign lowers to a plain k, as the comparison reads it
    (LONG.replace("k", "\u212a"), "text"),
]


@pytest.mark.parametrize(("copy", "format"), SCREENED)
def test_a_sentence_copy_with_other_spacing_or_case(copy: str, format: str) -> None:
    text = f"{SHORT} {LONG} {copy}"
    assert found(text, format=format) == [(len(SHORT) + len(LONG) + 2, copy)]


def test_a_paragraph_copy_with_other_spacing_or_case() -> None:
    copy = PARA.upper().replace(" ", " \t ", 3)
    text = f"{SHORT}\n\n{PARA}\n\n{copy}\n"
    assert found(text) == [(text.index(copy), copy)]


@pytest.mark.parametrize("end", ["", "!", ","])
def test_a_paragraph_copy_that_lost_or_changed_its_last_mark(end: str) -> None:
    # In Markdown (in plain text a paragraph with no closing mark may be a subheading).
    assert PARA.endswith(".")
    copy = PARA[:-1] + end
    text = f"{SHORT}\n\n{PARA}\n\n{copy}\n"
    assert found(text, format="markdown") == [(text.index(copy, len(SHORT) + len(PARA)), copy)]


def test_passages_with_the_same_first_and_last_words_are_compared_in_full() -> None:
    # the screen lets these through (same first and last word); only the full
    # comparison tells the copy from the sentences that merely start and end alike
    first = "The council said on Monday that the new bridge would open in the spring."
    other = "The council said on Friday that the old bridge would close in the spring."
    third = "The council argued that plans for the new road were not ready for the spring."
    text = f"{first} {other} {third} {first}"
    assert found(text) == [(text.rindex(first), first)]
    assert found(f"{first} {other} {third}") == []
    para_a = "The mayor spoke first and the crowd listened in silence."
    para_b = "The mayor spoke last and the crowd went home in silence."
    assert found(f"{para_a}\n\n{para_b}") == []
    text = f"{para_a}\n\n{para_b}\n\n{para_a}"
    assert found(text) == [(text.rindex(para_a), para_a)]
