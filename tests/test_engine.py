"""The engine: stamping, sorting, and a crashing or misbehaving rule kept from ending the run."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newslint.cli import main
from newslint.document import Document
from newslint.engine import ActiveRule, lint
from newslint.finding import Fix, Severity, Violation
from newslint.rule import rule


def _word_rule(code: str, name: str, word: str, severity: str = "warning"):
    @rule(code, name, summary=f"Flags {word}.", severity=severity)
    def check(document, options):
        at = document.text.find(word)
        while at >= 0:
            yield Violation(at, at + len(word), f"found {word}")
            at = document.text.find(word, at + 1)

    return check


FOO = _word_rule("ZZ501", "flag-foo", "foo")
BAR = _word_rule("ZZ502", "flag-bar", "bar", "error")


@rule("ZZ503", "always-crashes", summary="Raises.")
def CRASH(document, options):
    yield Violation(0, 1, "a partial result before the crash")
    raise KeyError("boom")


def make_out_of_range(span):
    @rule("ZZ504", "bad-span", summary="Bad span.")
    def check(document, options):
        yield Violation(*span, "bad")

    return check


def active(*rules, severity=None):
    return [ActiveRule(r, severity or r.severity, dict(r.options)) for r in rules]


def test_findings_are_stamped_and_sorted():
    text = "bar foo\nfoo bar"
    findings = lint(Document(text, "a.txt"), active(FOO, BAR))
    got = [(f.line, f.column, f.end_line, f.end_column, f.code, f.rule, f.severity, f.path) for f in findings]
    assert got == [
        (1, 1, 1, 4, "ZZ502", "flag-bar", Severity.ERROR, "a.txt"),
        (1, 5, 1, 8, "ZZ501", "flag-foo", Severity.WARNING, "a.txt"),
        (2, 1, 2, 4, "ZZ501", "flag-foo", Severity.WARNING, "a.txt"),
        (2, 5, 2, 8, "ZZ502", "flag-bar", Severity.ERROR, "a.txt"),
    ]


def test_a_rule_stops_after_its_limit_of_findings_in_one_file_and_says_so():
    from newslint.engine import MAX_FINDINGS_PER_RULE

    text = "foo " * (MAX_FINDINGS_PER_RULE + 5) + "bar"
    document = Document(text, "a.txt")
    findings = lint(document, active(FOO, BAR))
    assert [f.code for f in findings].count("ZZ501") == MAX_FINDINGS_PER_RULE
    assert [f.code for f in findings].count("ZZ502") == 1  # the other rules go on
    assert findings[MAX_FINDINGS_PER_RULE - 1].start == 4 * (MAX_FINDINGS_PER_RULE - 1)  # the first ones kept
    assert document.problems == (
        f"flag-foo (ZZ501) stopped after {MAX_FINDINGS_PER_RULE:,} findings; the rest of the file is not checked by it",
    )
    exactly = Document("foo " * MAX_FINDINGS_PER_RULE, "b.txt")
    assert len(lint(exactly, active(FOO))) == MAX_FINDINGS_PER_RULE and exactly.problems == ()


def test_configured_severity_replaces_the_default():
    (finding,) = lint(Document("foo"), active(FOO, severity=Severity.INFO))
    assert finding.severity is Severity.INFO


def test_a_crashing_rule_gives_nl000_and_the_others_still_run():
    findings = lint(Document("foo and bar"), active(CRASH, FOO, BAR))
    codes = [f.code for f in findings]
    assert codes.count("NL000") == 1
    assert {"ZZ501", "ZZ502"} <= set(codes)
    crash = next(f for f in findings if f.code == "NL000")
    assert crash.rule == "internal-error" and crash.severity is Severity.ERROR
    assert "always-crashes" in crash.message and "ZZ503" in crash.message and "KeyError" in crash.message
    assert (crash.line, crash.column) == (1, 1)
    # a crashed rule checked nothing: what it yielded before raising is not reported
    assert "ZZ503" not in codes


@pytest.mark.parametrize("span", [(0, 99), (-1, 2), (3, 2), (5, 6)])
def test_an_out_of_range_span_is_an_internal_error(span):
    text = "fives"
    findings = lint(Document(text), active(make_out_of_range(span), FOO))
    assert [f.code for f in findings] == ["NL000"]
    assert "bad-span" in findings[0].message and "outside the text" in findings[0].message


def test_an_empty_span_at_the_end_is_allowed():
    assert [f.code for f in lint(Document("abc"), active(make_out_of_range((3, 3))))] == ["ZZ504"]


def test_a_fix_outside_the_text_is_an_internal_error():
    @rule("ZZ505", "bad-fix", summary="Bad fix.")
    def bad_fix(document, options):
        yield Violation(0, 1, "x", Fix(0, 50, "y"))

    (finding,) = lint(Document("short"), active(bad_fix))
    assert finding.code == "NL000" and "bad-fix" in finding.message


def test_a_rule_yielding_something_else_is_an_internal_error():
    @rule("ZZ506", "yields-tuples", summary="Wrong type.")
    def wrong(document, options):
        yield (0, 1, "not a violation")

    (finding,) = lint(Document("short"), active(wrong))
    assert finding.code == "NL000" and "yields-tuples" in finding.message


def test_fix_positions_are_stamped():
    @rule("ZZ507", "with-fix", summary="Fix.")
    def with_fix(document, options):
        yield Violation(4, 7, "x", Fix(4, 7, "new"))

    (finding,) = lint(Document("ab\r\nold"), active(with_fix))
    assert finding.fix == Fix(4, 7, "new") and finding.fix_position == (2, 1, 2, 4)


def test_cli_exit_status_two_and_json_for_a_crash(tmp_path, with_plugin, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("The kaboom and xyzzy.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Another xyzzy here.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--select", "ZZ", "--format", "json", "a.txt", "b.txt"])
    assert result.exit_code == 2, result.output
    findings = json.loads(result.stdout)
    assert [(f["path"], f["code"]) for f in findings] == [
        ("a.txt", "NL000"),
        ("a.txt", "ZZ101"),
        ("b.txt", "ZZ101"),
    ]
    assert "crash-on-kaboom" in findings[0]["message"]


def test_cli_out_of_range_span_exit_two(tmp_path, with_plugin, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("A stray word.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--select", "ZZ", "a.txt"])
    assert result.exit_code == 2
    assert "NL000 [internal-error] rule stray-span (ZZ302) crashed" in result.stdout
