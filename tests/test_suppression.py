"""Inline suppressions, in Markdown and plain text, and NL001 for those that do nothing."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newslint.cli import main
from newslint.document import Document
from newslint.engine import ActiveRule, lint
from newslint.finding import Violation
from newslint.rule import rule


def _word_rule(code: str, name: str, word: str):
    @rule(code, name, summary=f"Flags {word}.")
    def check(document, options):
        at = document.text.find(word)
        while at >= 0:
            yield Violation(at, at + len(word), word)
            at = document.text.find(word, at + 1)

    return check


APPLE = _word_rule("ZZ601", "first-word", "apple")
PEAR = _word_rule("ZZ602", "second-word", "pear")
PLUM = _word_rule("ZZ711", "third-word", "plum")
RULES = [APPLE, PEAR, PLUM]


def findings(text: str, format: str = "text") -> list[tuple[int, str, str]]:
    """Lint with the three test rules; return ``(line, code, message)`` of each finding."""
    document = Document(text, format=format)
    found = lint(document, [ActiveRule(r, r.severity, {}) for r in RULES], RULES, report_unused=True)
    return [(f.line, f.code, f.message) for f in found]


BOTH = ["text", "markdown"]


@pytest.mark.parametrize("format", BOTH)
def test_disable_and_enable_a_rule(format):
    text = (
        "apple pear one.\n\n"
        "<!-- newslint-disable first-word -->\n\n"
        "apple pear two.\n\n"
        "<!-- newslint-enable first-word -->\n\n"
        "apple pear three.\n"
    )
    assert findings(text, format) == [
        (1, "ZZ601", "apple"),
        (1, "ZZ602", "pear"),
        (5, "ZZ602", "pear"),
        (9, "ZZ601", "apple"),
        (9, "ZZ602", "pear"),
    ]


@pytest.mark.parametrize("format", BOTH)
def test_disable_without_rules_silences_all_until_the_end(format):
    text = "apple one.\n\n<!-- newslint-disable -->\n\napple pear plum.\n\napple again.\n"
    assert findings(text, format) == [(1, "ZZ601", "apple")]


@pytest.mark.parametrize("format", BOTH)
@pytest.mark.parametrize("tokens", ["ZZ601", "zz601", "ZZ60", "first-word", "ZZ601, ZZ602", "first-word second-word"])
def test_tokens_by_code_prefix_and_name(format, tokens):
    text = f"<!-- newslint-disable-next-line {tokens} -->\napple plum.\napple plum.\n"
    got = findings(text, format)
    assert (2, "ZZ601", "apple") not in got
    assert (3, "ZZ601", "apple") in got and (2, "ZZ711", "plum") in got


@pytest.mark.parametrize("format", BOTH)
def test_disable_next_line_skips_blank_lines_and_covers_only_that_line(format):
    text = "<!-- newslint-disable-next-line first-word -->\n\n\napple here.\n\napple there.\n"
    assert findings(text, format) == [(6, "ZZ601", "apple")]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("format", BOTH)
def test_disable_next_line_with_any_line_ending(format, newline):
    text = newline.join(["<!-- newslint-disable-next-line first-word -->", "apple here.", "", "apple there.", ""])
    assert findings(text, format) == [(4, "ZZ601", "apple")]


@pytest.mark.parametrize("format", BOTH)
def test_enable_of_another_rule_leaves_the_disable_open(format):
    text = "<!-- newslint-disable first-word -->\n\n<!-- newslint-enable second-word -->\n\napple.\n"
    got = findings(text, format)
    assert (5, "ZZ601", "apple") not in got


@pytest.mark.parametrize("format", BOTH)
def test_unused_suppression_is_reported(format):
    text = "<!-- newslint-disable-next-line first-word -->\npear only here.\n"
    got = findings(text, format)
    assert (1, "NL001", "newslint-disable-next-line suppresses nothing here") in got
    assert (2, "ZZ602", "pear") in got


@pytest.mark.parametrize("format", BOTH)
def test_suppression_naming_an_unknown_rule_is_reported(format):
    text = "<!-- newslint-disable-next-line first-wordd -->\napple here.\n"
    got = findings(text, format)
    assert (1, "NL001", "suppression names unknown rule(s): first-wordd") in got
    assert (2, "ZZ601", "apple") in got


@pytest.mark.parametrize("format", BOTH)
def test_enable_naming_an_unknown_rule_is_reported(format):
    text = "<!-- newslint-disable first-word -->\napple here.\n<!-- newslint-enable first-wordd -->\napple there.\n"
    got = findings(text, format)
    assert (3, "NL001", "suppression names unknown rule(s): first-wordd") in got


def test_unused_suppression_is_info_and_positioned_on_the_comment():
    text = "Text.\n\n  <!-- newslint-disable third-word -->\n"
    document = Document(text, format="markdown")
    (finding,) = lint(document, [ActiveRule(r, r.severity, {}) for r in RULES], RULES, report_unused=True)
    assert (finding.code, finding.rule, finding.severity.value) == ("NL001", "unused-suppression", "info")
    assert text[finding.start : finding.end] == "<!-- newslint-disable third-word -->"
    assert (finding.line, finding.column) == (3, 3)


def test_a_suppression_of_a_known_but_inactive_rule_is_not_unknown():
    document = Document("<!-- newslint-disable-next-line second-word -->\napple.\n")
    found = lint(document, [ActiveRule(APPLE, APPLE.severity, {})], RULES, report_unused=True)
    assert [f.message for f in found if f.code == "NL001"] == ["newslint-disable-next-line suppresses nothing here"]


def test_markdown_comment_in_code_does_not_suppress():
    text = "```\n<!-- newslint-disable -->\n```\n\napple.\n"
    assert findings(text, "markdown") == [(5, "ZZ601", "apple")]


def test_plain_text_comment_mid_line_does_not_suppress():
    text = "Some words <!-- newslint-disable --> then apple.\n"
    assert findings(text) == [(1, "ZZ601", "apple")]


def test_through_the_cli_with_a_plugin(tmp_path, with_plugin, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(
        "<!-- newslint-disable-next-line ZZ101 -->\nxyzzy hidden.\n\nxyzzy shown.\n\n"
        "<!-- newslint-disable-next-line ZZ101 -->\nNothing here.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--select", "ZZ1,NL001", "a.md"])
    assert result.stdout.splitlines() == [
        "a.md:4:1: ZZ101 [flag-xyzzy] found 'xyzzy'",
        "a.md:6:1: NL001 [unused-suppression] newslint-disable-next-line suppresses nothing here",
    ]
    assert result.exit_code == 1
    # NL001 is info: with only it left, the run passes under the default fail-on
    result = CliRunner().invoke(main, ["--select", "NL001", "a.md"])
    assert result.exit_code == 0 and "NL001" in result.stdout
    result = CliRunner().invoke(main, ["--select", "NL001", "--fail-on", "info", "a.md"])
    assert result.exit_code == 1
