"""The options CI and people expect: formats, --output-file, --statistics, --exit-zero,
-q, --summary, colour from NO_COLOR / FORCE_COLOR, --show-source, and `newslint --help`.
Run through the real command line, in process (CliRunner) and as subprocesses.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner
from conftest import install_plugin, run_newslint, run_on_terminal

from newslint.cli import main
from newslint.formatters import BUILTIN_FORMATS

ZZ = ["--select", "ZZ1,ZZ2"]
SUMMARY = "3 findings in 2 files (1 error, 1 warning, 1 info); 1 fixable with --fix\n"


@pytest.fixture
def articles(tmp_path: Path, with_plugin, monkeypatch) -> Path:
    """Two articles with findings and a clean one, in a git work tree, as cwd."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.txt").write_text("A xyzzy and a plugh.\n", encoding="utf-8")
    (tmp_path / "desk" / "b.md").write_text("# Notes\n\nOne frobnicate.\n", encoding="utf-8")
    (tmp_path / "desk" / "clean.txt").write_text("Nothing here.\n", encoding="utf-8")
    return tmp_path


def invoke(*args: str, env: dict[str, str] | None = None, input: str | None = None):
    return CliRunner().invoke(main, list(args), env=env, input=input, catch_exceptions=False)


def test_every_builtin_format_runs_and_format_is_output_format(articles):
    for name in BUILTIN_FORMATS:
        short = invoke(*ZZ, "--format", name, "desk")
        long = invoke(*ZZ, "--output-format", name, "desk")
        assert short.exit_code == long.exit_code == 1, (name, short.stderr)
        assert short.stdout == long.stdout and short.stdout, name
    assert invoke(*ZZ, "--format", "text", "desk").stdout == invoke(*ZZ, "desk").stdout


def test_unknown_format_names_every_format(articles):
    result = CliRunner().invoke(main, ["--format", "xml", "desk"])
    assert result.exit_code == 2
    assert result.stderr.startswith("newslint: unknown format 'xml' (choose from concise, full, github, gitlab, json,")


def test_help_lists_the_lint_options_version_and_commands(articles):
    text = invoke("--help").stdout
    for option in (
        "--output-format, --format",
        "--output-file",
        "--statistics",
        "--exit-zero",
        "--quiet",
        "--show-source",
        "--baseline",
        "--write-baseline",
        "--select",
        "--fix",
        "--version",
    ):
        assert option in text, option
    for name in ("concise", "full", "json", "sarif", "github", "gitlab", "junit", "rdjson"):
        assert name in text, name
    assert "Commands:" in text and "dismiss" in text and "explain" in text
    assert "--output-file" in invoke("check", "--help").stdout


def test_output_file_takes_the_findings_and_stdout_the_summary(articles):
    result = invoke(*ZZ, "--format", "json", "--output-file", "out.json", "--summary", "desk")
    assert result.exit_code == 1
    assert result.stdout == SUMMARY
    assert [f["code"] for f in json.loads((articles / "out.json").read_text(encoding="utf-8"))] == [
        "ZZ101",
        "ZZ102",
        "ZZ201",
    ]
    quiet = invoke(*ZZ, "--format", "json", "--output-file", "out.json", "desk")
    assert quiet.stdout == "" and quiet.exit_code == 1  # not a terminal: no summary unless asked


def test_output_file_that_cannot_be_written(articles):
    result = CliRunner().invoke(main, [*ZZ, "--output-file", "missing/dir/out.txt", "desk"])
    assert result.exit_code == 2 and "cannot write the output file" in result.stderr


def test_summary_goes_to_stderr_when_stdout_carries_a_report(articles):
    result = invoke(*ZZ, "--format", "json", "--summary", "desk")
    assert len(json.loads(result.stdout)) == 3
    assert result.stderr == SUMMARY


def test_text_output_ends_with_the_summary_when_asked(articles):
    result = invoke(*ZZ, "--summary", "desk")
    assert result.stdout.splitlines()[-1] == SUMMARY.strip()
    assert invoke(*ZZ, "--summary", "-q", "desk").stdout.endswith(SUMMARY)  # --summary is explicit
    assert invoke(*ZZ, "desk/clean.txt", "--summary").stdout == "no findings in 1 file\n"


def test_summary_after_fix(articles):
    result = invoke(*ZZ, "--fix", "--summary", "desk")
    assert result.stdout.splitlines()[-1] == "fixed 1 finding; 2 remaining in 2 files (1 error, 1 info)"
    assert (articles / "desk" / "a.txt").read_text(encoding="utf-8") == "A magic and a plugh.\n"


def test_statistics(articles):
    table = invoke(*ZZ, "--statistics", "desk")
    assert table.stdout == "1  ZZ101  flag-xyzzy       1 fixable\n1  ZZ102  flag-plugh\n1  ZZ201  note-frobnicate\n"
    assert table.exit_code == 1
    as_json = json.loads(invoke(*ZZ, "--statistics", "--format", "json", "desk").stdout)
    assert as_json[0] == {"code": "ZZ101", "rule": "flag-xyzzy", "count": 1, "fixable": 1}
    refused = CliRunner().invoke(main, [*ZZ, "--statistics", "--format", "sarif", "desk"])
    assert refused.exit_code == 2 and "--output-file" in refused.stderr
    both = invoke(*ZZ, "--statistics", "--format", "sarif", "--output-file", "out.sarif", "desk")
    assert both.stdout == table.stdout
    assert json.loads((articles / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_exit_zero(articles):
    assert invoke(*ZZ, "--exit-zero", "desk").exit_code == 0
    missing = CliRunner().invoke(main, [*ZZ, "--exit-zero", "desk", "nope.md"])
    assert missing.exit_code == 2  # an error is still an error


def test_show_source_is_full(articles):
    assert invoke(*ZZ, "--show-source", "desk").stdout == invoke(*ZZ, "--format", "full", "desk").stdout
    assert "  |" in invoke(*ZZ, "--show-source", "desk").stdout
    clash = CliRunner().invoke(main, [*ZZ, "--show-source", "--format", "json", "desk"])
    assert clash.exit_code == 2 and "--show-source" in clash.stderr


@pytest.mark.parametrize(
    "env, flag, coloured",
    [
        ({"FORCE_COLOR": "1"}, [], True),
        ({"FORCE_COLOR": "1"}, ["--no-color"], False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, [], False),
        ({"NO_COLOR": "1"}, ["--color"], True),
        ({"NO_COLOR": ""}, [], False),  # empty: not set; and CliRunner's output is not a terminal
    ],
)
def test_no_color_and_force_color(articles, env, flag, coloured):
    result = invoke(*ZZ, *flag, "desk/a.txt", env=env)
    assert ("\033[" in result.stdout) is coloured


def test_junit_reports_unreadable_files_as_errors(articles):
    result = CliRunner().invoke(main, [*ZZ, "--format", "junit", "desk", "gone.md"])
    root = ET.fromstring(result.stdout.encode("utf-8"))
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert cases["gone.md"].find("error") is not None
    assert len(cases[os.path.join("desk", "a.txt")].findall("failure")) == 2
    assert result.exit_code == 2


def test_github_paths_are_repository_relative_from_a_subfolder(articles, monkeypatch):
    monkeypatch.chdir(articles / "desk")
    lines = invoke(*ZZ, "--format", "github", "a.txt").stdout.splitlines()
    assert (
        lines[0] == "::warning file=desk/a.txt,line=1,col=3,endLine=1,endColumn=8,title=ZZ101 flag-xyzzy::found 'xyzzy'"
    )


OLD_STYLE_FORMATTER = '''
from newslint import hookimpl


class Counting:
    """A formatter written for the old life cycle: no rules, no text, no error step."""

    def __init__(self, stream, color=False):
        self.stream = stream

    def start(self):
        self.files = []

    def file(self, path, findings):
        self.files.append((path, len(findings)))

    def finish(self):
        self.stream.write(repr(sorted(self.files)) + "\\n")


class Everything:
    """A formatter that takes whatever it is given."""

    def __init__(self, stream, color=False):
        self.stream = stream

    def start(self, **extra):
        self.stream.write(f"start {sorted(extra)} {len(extra['rules']) > 0}\\n")

    def file(self, path, findings, **extra):
        self.stream.write(f"file {path} {sorted(extra)} {extra['text']!r}\\n")

    def finish(self):
        self.stream.write("finish\\n")


@hookimpl
def newslint_formatters():
    return {"counting": Counting, "everything": Everything}
'''


def test_plugin_formatters_with_the_old_signature_keep_working(articles, monkeypatch, tmp_path_factory):
    site = install_plugin(tmp_path_factory.mktemp("formatter-site"), "nlcounting", OLD_STYLE_FORMATTER)
    monkeypatch.syspath_prepend(str(site))
    result = invoke(*ZZ, "--format", "counting", "desk", "gone.md")
    assert result.stdout == (
        f"[({os.path.join('desk', 'a.txt')!r}, 2), ({os.path.join('desk', 'b.md')!r}, 1), "
        f"({os.path.join('desk', 'clean.txt')!r}, 0)]\n"
    )
    assert result.exit_code == 2
    every = invoke(*ZZ, "--format", "everything", "desk/a.txt").stdout.splitlines()
    assert every == ["start ['rules'] True", "file desk/a.txt ['text'] 'A xyzzy and a plugh.\\n'", "finish"]


# -- real subprocesses and a terminal ---------------------------------------------------------


def on_terminal(args: list[str], cwd: Path, plugin: Path, env: dict[str, str] | None = None) -> bytes:
    return run_on_terminal(*args, cwd=cwd, plugin=plugin, env=env).replace(b"\r\n", b"\n")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_on_a_terminal_text_ends_with_the_summary_and_quiet_drops_it(articles, plugin_dir):
    shown = on_terminal([*ZZ, "--no-color", "desk"], articles, plugin_dir)
    assert shown.decode().endswith(SUMMARY)
    assert shown.decode().count("\n") == 4
    quiet = on_terminal([*ZZ, "-q", "--no-color", "desk"], articles, plugin_dir)
    assert quiet.decode().count("\n") == 3 and "findings in" not in quiet.decode()
    plain = on_terminal([*ZZ, "desk/a.txt"], articles, plugin_dir, env={"NO_COLOR": "1"})
    assert b"\x1b[" not in plain and b"ZZ101" in plain
    # a report on the terminal gets no summary mixed in; with --output-file the summary shows
    assert b"findings in" not in on_terminal([*ZZ, "--format", "json", "desk"], articles, plugin_dir)
    written = on_terminal([*ZZ, "--format", "sarif", "-o", "out.sarif", "desk"], articles, plugin_dir)
    assert written.decode() == SUMMARY


def test_subprocess_force_color_through_a_pipe(articles, plugin_dir):
    result = run_newslint(*ZZ, "desk/a.txt", cwd=articles, plugin=plugin_dir, env={"FORCE_COLOR": "1"})
    assert b"\x1b[33mZZ101\x1b[0m" in result.stdout
    result = run_newslint(
        *ZZ, "--format", "sarif", "--output-file", "x.sarif", "--exit-zero", "desk", cwd=articles, plugin=plugin_dir
    )
    assert result.returncode == 0 and result.stdout == b""
    log = json.loads((articles / "x.sarif").read_text(encoding="utf-8"))
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]} == {
        "desk/a.txt",
        "desk/b.md",
    }
