"""Baselines: --write-baseline, --baseline and `newslint dismiss`, through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, run_newslint

from newslint.baseline import Baseline
from newslint.cli import main

STORY = """# Harbour plan wins approval

The council approved the harbour plan on Tuesday after a long debate.
Councillors said the the new quay would bring back trade.

The mayor said work would start in the spring.It should take two years.

Residents will be asked for their views at a meeting next month.
"""
TEN_LINES = "".join(f"- Point {n} of the new list.\n" for n in range(1, 11)) + "\n"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def run(*args: str):
    """Run the CLI in process, returning (exit code, stdout, stderr)."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def desk(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    return tmp_path


def codes(stdout: str) -> list[str]:
    return [f"{f['line']}:{f['column']} {f['code']}" for f in json.loads(stdout)]


def test_only_the_new_slip_is_reported_after_lines_are_added_above(desk):
    assert codes(invoke("--format", "json", "story.md").stdout) == ["4:22 NL204", "6:40 NL201"]
    written = invoke("--write-baseline", "baseline.json", "story.md")
    assert written.exit_code == 0 and written.stdout == ""
    assert written.stderr == "newslint: recorded 2 findings of 1 file in baseline.json\n"
    assert codes(invoke("--baseline", "baseline.json", "--format", "json", "story.md").stdout) == []
    edited = STORY.replace("# Harbour plan wins approval\n\n", "# Harbour plan wins approval\n\n" + TEN_LINES)
    edited = edited.replace("next month.", "next month.\n\nThe meeting will be held at the the town hall.")
    (desk / "story.md").write_text(edited, encoding="utf-8")
    # the old slips moved down eleven lines; only the new one is reported, where it is
    assert codes(invoke("--format", "json", "story.md").stdout) == ["15:22 NL204", "17:40 NL201", "21:33 NL204"]
    result = invoke("--baseline", "baseline.json", "--format", "json", "story.md")
    assert codes(result.stdout) == ["21:33 NL204"]
    assert result.exit_code == 1


def test_a_baseline_hiding_everything_exits_zero_and_the_summary_says_so(desk):
    invoke("--write-baseline", "baseline.json", "story.md")
    result = invoke("--baseline", "baseline.json", "--summary", "story.md")
    assert result.exit_code == 0
    assert result.stdout == "no findings in 1 file; 2 in the baseline not shown\n"


def test_a_fixed_finding_drops_out_when_the_baseline_is_rewritten(desk):
    invoke("--write-baseline", "baseline.json", "story.md")
    (desk / "story.md").write_text(STORY.replace("spring.It", "spring. It"), encoding="utf-8")
    invoke("--write-baseline", "baseline.json", "story.md")
    entries = Baseline.load(desk / "baseline.json").entries
    assert [(e.path, e.code, e.line) for e in entries] == [("story.md", "NL204", 4)]
    # and the slip coming back is new again
    (desk / "story.md").write_text(STORY, encoding="utf-8")
    assert codes(invoke("--baseline", "baseline.json", "--format", "json", "story.md").stdout) == ["6:40 NL201"]


def test_rewriting_keeps_what_the_run_did_not_look_at(desk):
    (desk / "other.txt").write_text("It rained on Monday.Then it stopped.\n", encoding="utf-8")
    invoke("--write-baseline", "baseline.json", "story.md", "other.txt")
    assert len(Baseline.load(desk / "baseline.json").entries) == 3
    # only one rule, on only one file: the other rule's and the other file's entries stay
    (desk / "story.md").write_text(STORY.replace("the the", "the"), encoding="utf-8")
    invoke("--select", "repeated-word", "--write-baseline", "baseline.json", "story.md")
    entries = Baseline.load(desk / "baseline.json").entries
    assert sorted((e.path, e.code) for e in entries) == [("other.txt", "NL201"), ("story.md", "NL201")]


def test_paths_are_relative_to_the_baseline_so_any_working_directory_works(desk, monkeypatch):
    (desk / "ci").mkdir()
    invoke("--write-baseline", "ci/baseline.json", "story.md")
    assert {e.path for e in Baseline.load(desk / "ci" / "baseline.json").entries} == {"../story.md"}
    monkeypatch.chdir(desk / "ci")
    assert codes(invoke("--baseline", "baseline.json", "--format", "json", "../story.md").stdout) == []


def test_dismiss_records_a_reason_and_survives_rewriting(desk):
    code, out, err = run(
        "dismiss", "story.md:6:40", "NL201", "--reason", "the sign reads that way", "--baseline", "baseline.json"
    )
    assert (code, out) == (0, "")
    assert err == "newslint: dismissed NL201 [missing-space] at story.md:6:40 in baseline.json\n"
    [entry] = Baseline.load(desk / "baseline.json").entries
    assert (entry.code, entry.reason) == ("NL201", "the sign reads that way")
    assert codes(invoke("--baseline", "baseline.json", "--format", "json", "story.md").stdout) == ["4:22 NL204"]
    # a baseline written over it keeps the reason; the other finding joins without one
    invoke("--write-baseline", "baseline.json", "story.md")
    reasons = {e.code: e.reason for e in Baseline.load(desk / "baseline.json").entries}
    assert reasons == {"NL201": "the sign reads that way", "NL204": None}
    # a line and the rule's name is enough; dismissing again replaces the reason
    assert run("dismiss", "story.md:4", "repeated-word", "--reason", "quoted", "--baseline", "baseline.json")[0] == 0
    reasons = {e.code: e.reason for e in Baseline.load(desk / "baseline.json").entries}
    assert reasons == {"NL201": "the sign reads that way", "NL204": "quoted"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["story.md:5"], "no finding at story.md:5"),
        (["story.md:6:41"], "no finding at story.md:6:41"),
        (["story.md:4", "NL201"], "no finding at story.md:4 from NL201"),
        (["story.md:4", "no-such-rule"], "unknown rule 'no-such-rule'"),
        (["story.md"], "'story.md' is not FILE:LINE or FILE:LINE:COLUMN"),
        (["gone.md:1"], "gone.md: no such file or directory"),
    ],
)
def test_dismiss_refuses_what_it_cannot_find(desk, args, message):
    code, out, err = run("dismiss", *args, "--reason", "x", "--baseline", "baseline.json")
    assert code == 2 and message in err
    assert not (desk / "baseline.json").exists()


def test_dismiss_asks_to_choose_between_findings_on_one_line(desk):
    (desk / "two.txt").write_text("It rained.Then the the sun came out.\n", encoding="utf-8")
    code, _, err = run("dismiss", "two.txt:1", "--reason", "x", "--baseline", "baseline.json")
    assert code == 2 and "2 findings at two.txt:1 (1:4 NL201, 1:20 NL204): name the column or the rule" in err


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json", "not a newslint baseline (not JSON"),
        ('{"tool": "other", "version": 1, "findings": []}', 'no "tool": "newslint"'),
        ('{"tool": "newslint", "version": 99, "findings": []}', "baseline version 99, this newslint reads version 1"),
        ('{"tool": "newslint", "version": 1, "findings": [{"path": "a"}]}', "a finding's 'code' must be a str"),
    ],
)
def test_a_bad_baseline_stops_the_run(desk, content, message):
    (desk / "baseline.json").write_text(content, encoding="utf-8")
    code, out, err = run("--baseline", "baseline.json", "story.md")
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


def test_a_missing_baseline_is_an_error(desk):
    code, _, err = run("--baseline", "nope.json", "story.md")
    assert code == 2 and "nope.json: no such baseline file" in err


def test_the_written_baseline_matches_its_schema(desk):
    jsonschema = pytest.importorskip("jsonschema")
    invoke("--write-baseline", "baseline.json", "story.md")
    run("dismiss", "story.md:4", "--reason", "quoted as said", "--baseline", "baseline.json")
    schema = json.loads((REPO / "newslint" / "schema" / "baseline.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads((desk / "baseline.json").read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert [e.get("reason") for e in data["findings"]] == ["quoted as said", None]


def test_subprocess_baseline_round_trip(desk):
    assert run_newslint("--write-baseline", "b.json", "story.md", cwd=desk).returncode == 0
    result = run_newslint("--baseline", "b.json", "story.md", cwd=desk)
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
