"""NL203 quote-style: straight and curly marks mixed in one article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import Linter
from newslint.testing import run_rule

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seeds" / "002_fc1ffe9e9bacc26a.txt"


def apply_fixes(text: str, findings, safe_only: bool = True) -> str:
    for finding in sorted(findings, key=lambda f: f.fix.start, reverse=True):
        if finding.fix.safe or not safe_only:
            text = text[: finding.fix.start] + finding.fix.text + text[finding.fix.end :]
    return text


BAD = [
    # (text, options, flagged offsets, fixed text)
    # the majority is curly: the lone straight pair is reported, and curled the right way
    (
        '“We will win,” she said. “We must.” He said "no".',
        {},
        [44, 47],
        "“We will win,” she said. “We must.” He said “no”.",
    ),
    # the majority is straight: the curly apostrophe is reported
    ('"We will," she said. "Iran’s leaders must."', {}, [26], '"We will," she said. "Iran\'s leaders must."'),
    # apostrophes count too, ’90s included
    ('“It’s the ’90s,” she said of "the \'90s".', {}, [29, 34, 38], "“It’s the ’90s,” she said of “the ’90s”."),
    # a tie: the straight marks are reported
    ('“Yes” and "no".', {}, [10, 13], "“Yes” and “no”."),
    # a house style overrides the majority
    ('Don\'t say "no" to ‘them’.', {"house": "straight"}, [18, 23], "Don't say \"no\" to 'them'."),
    ('Don\'t say "no".', {"house": "curly"}, [3, 10, 13], "Don’t say “no”."),
    # nested quotes, rock 'n' roll and a trailing possessive get their direction right
    (
        "“Rock ’n’ roll,” he said. “I’m ‘done’ with it.” \"The Joneses' 'rock 'n' roll' days.\"",
        {},
        [48, 60, 62, 68, 70, 76, 83],
        "“Rock ’n’ roll,” he said. “I’m ‘done’ with it.” “The Joneses’ ‘rock ’n’ roll’ days.”",
    ),
    # an emoji before the slip, and CRLF paragraphs
    (
        "🎉 “Yes,” she said.\r\n\r\n“No,” he said. Don't.\r\n",
        {},
        [40],
        "🎉 “Yes,” she said.\r\n\r\n“No,” he said. Don’t.\r\n",
    ),
    # Markdown: quotes in inline code are not prose, and are not touched
    (
        '“Type `"` to quote,” she said. "Then go."\n',
        {},
        [31, 40],
        '“Type `"` to quote,” she said. “Then go.”\n',
    ),
]


@pytest.mark.parametrize("text, options, offsets, fixed", BAD)
def test_reports_minority_style(text: str, options: dict, offsets: list[int], fixed: str) -> None:
    fmt = "markdown" if "`" in text else "text"
    findings = run_rule("quote-style", text, format=fmt, options=options)
    assert [f.code for f in findings] == ["NL203"] * len(offsets)
    assert [f.start for f in findings] == offsets
    assert all(f.end == f.start + 1 for f in findings)
    assert apply_fixes(text, findings) == fixed


GOOD = [
    '"We will," she said. "It\'s the \'90s."',
    "“We will,” she said. “It’s the ’90s.”",
    # primes are not quotation marks
    "“He is 6'2\",” she said.",
    # quotes in Markdown code do not count
    '“Type `"` to quote,” she said.\n',
    "No quotation marks at all.",
]


@pytest.mark.parametrize("text", GOOD)
def test_accepts_one_style(text: str) -> None:
    fmt = "markdown" if "`" in text else "text"
    assert run_rule("quote-style", text, format=fmt) == []


def test_house_style_reports_even_a_consistent_article() -> None:
    text = '"We will," she said.'
    findings = run_rule("quote-style", text, options={"house": "curly"})
    assert [text[f.start : f.end] for f in findings] == ['"', '"']
    assert apply_fixes(text, findings) == "“We will,” she said."


def test_undecidable_direction_gets_an_unsafe_fix() -> None:
    text = '“One,” she said. “Two,” he said. It was over."Then'
    (finding,) = run_rule("quote-style", text)
    assert text[finding.start] == '"'
    assert finding.fix.text == "“" and not finding.fix.safe


def test_markdown_escaped_straight_mark_loses_its_backslash() -> None:
    text = '“We will,” she said. “We must.” He said \\"no\\".\n'
    findings = run_rule("quote-style", text, format="markdown")
    assert [text[f.start : f.end] for f in findings] == ['"', '"']
    assert apply_fixes(text, findings) == "“We will,” she said. “We must.” He said “no”.\n"


def test_markdown_literal_backslash_before_a_curly_mark_is_kept() -> None:
    # CommonMark escapes only ASCII punctuation: \‘ shows its backslash. A straight mark
    # after it would be an escape, and the backslash would vanish, so no fix is offered.
    text = 'He said \\‘no’ and "yes" and "maybe".\n'
    findings = run_rule("quote-style", text, format="markdown")
    assert [text[f.start : f.end] for f in findings] == ["‘", "’"]
    assert findings[0].fix is None
    fixed, _ = Linter(entry_points=False).fix_text(text, "story.md")
    assert fixed == 'He said \\‘no\' and "yes" and "maybe".\n'


def test_message() -> None:
    (finding,) = run_rule("quote-style", '"We will," she said. "Iran’s leaders must."')
    assert finding.message == ("curly apostrophe ’ in an article that uses straight marks (1 curly, 4 straight): use '")


@pytest.mark.skipif(not SEED.is_file(), reason="the shared seeds are not available")
def test_seed_with_one_curly_apostrophe() -> None:
    # Read by hand: this article uses straight marks but for one curly apostrophe
    # (line 3, column 2609, in "Israel’s strikes").
    text = SEED.read_text(encoding="utf-8")
    findings = run_rule("quote-style", text)
    assert [(f.line, f.column, text[f.start : f.end]) for f in findings] == [(3, 2609, "’")]
