"""NL103 unbalanced-bracket: brackets that do not pair within a paragraph."""

from __future__ import annotations

import pytest

from newslint.testing import run_rule


def found(text: str, **kwargs) -> list[tuple[int, str]]:
    """Return (offset, flagged text) of each finding, checking code and severity."""
    findings = run_rule("unbalanced-bracket", text, **kwargs)
    assert all(f.code == "NL103" and f.severity.value == "error" for f in findings)
    return [(f.start, text[f.start : f.end]) for f in findings]


BAD = [
    # an aside never closed, and one never opened
    ("The minister (who resigned in May said the plan would fail.", [(13, "(")]),
    ("The minister who resigned in May) said the plan would fail.", [(32, ")")]),
    ("He said [the plan would fail.", [(8, "[")]),
    ("He said the plan] would fail.", [(16, "]")]),
    # a mismatched pair: one finding, at the closing mark
    ("The minister (who resigned in May] said no.", [(33, "]")]),
    ("The note [in brackets) was cut.", [(21, ")")]),
    # nested: the inner one is left open
    ("He (Putin [the president) said no.", [(10, "[")]),
    # two paragraphs: brackets do not pair across them
    ("It rose (by 5%.\n\nIt fell) again.", [(8, "("), (24, ")")]),
    # a number before the closing bracket closes what is open, and is not a list marker
    ("Kent (3), Essex (7, Surrey.", [(16, "(")]),
    # an emoji before the slip, and CRLF
    ("🎉 It rose (by 5%.\r\n", [(10, "(")]),
    # Markdown: offsets map back into the file through the markup
    ("Some **bold** text (and more.\n", [(19, "(")]),
]


@pytest.mark.parametrize("text, expected", BAD)
def test_reports_unpaired_brackets(text: str, expected: list[tuple[int, str]]) -> None:
    fmt = "markdown" if "**" in text else "text"
    assert found(text, format=fmt) == expected


GOOD = [
    "The minister (who resigned in May) said the plan would fail.",
    "He said [the plan] would (in his view [and hers]) fail.",
    "It is on page 12 (see page 12) and (a) is first.",
    # list markers
    "The options are a) cheap, b) fast and 1) good.",
    "The answer is a), not b), the examiners said. Choose a) or b).",  # labels before a comma or stop
    "1) First point. 2) Second point. iv) Fourth point.",
    "A) Yes B) No",
    # emoticons
    "Great news :) and sad :-( and (wink ;) ok).",
    "She was happy =) and then :] and :-&lt;( sad.",
    # Markdown link syntax is markup
    "See [the report](https://example.com/a_(b)) now.\n",
    "A [reference link][1] and an image ![chart](c.png).\n\n[1]: https://example.com\n",
    # brackets in inline code are code
    "Call `f(x` to start.\n",
    # a colon before an aside is not a face
    "He said: (laughs) and left.",
]


@pytest.mark.parametrize("text", GOOD)
def test_accepts_paired_brackets(text: str) -> None:
    fmt = "markdown" if text.endswith("\n") else "text"
    assert found(text, format=fmt) == []


def test_messages_and_the_mismatch_suggestion() -> None:
    text = "The minister (who resigned in May] said no."
    (finding,) = run_rule("unbalanced-bracket", text)
    assert finding.message == "closing ] does not match the opening ( before 'who resigned in May': use )"
    assert finding.fix is not None and not finding.fix.safe
    assert text[: finding.fix.start] + finding.fix.text + text[finding.fix.end :] == (
        "The minister (who resigned in May) said no."
    )
    (opening,) = run_rule("unbalanced-bracket", "He said (the plan would fail.")
    assert opening.message == "opening bracket ( before 'the plan would fail' is never closed in this paragraph"
    assert opening.fix is None
    (closing,) = run_rule("unbalanced-bracket", "He said the plan) would fail.")
    assert closing.message == "closing bracket ) after 'He said the plan' has no opening ( in this paragraph"


def test_line_and_column() -> None:
    (finding,) = run_rule("unbalanced-bracket", "One line.\n\nIt rose (by 5%.")
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 9, 3, 10)
