"""The command line, in process (click's CliRunner) and as a real subprocess."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import run_newslint, run_on_terminal

from newslint import __version__
from newslint.cli import main

ZZ = ["--select", "ZZ1,ZZ2"]


@pytest.fixture
def articles(tmp_path: Path, with_plugin, monkeypatch) -> Path:
    """A small tree of articles: some with trigger words, some hidden or not articles."""
    monkeypatch.chdir(tmp_path)
    files = {
        "clean.md": "# A clean headline\n\nNothing to see.\n",
        "bad.txt": "A xyzzy in plain text.\n",
        "desk/story.md": "Intro.\n\nA xyzzy and a plugh.\n",
        "desk/notes.markdown": "A frobnicate note.\n",
        "desk/image.png": "xyzzy",
        "desk/readme.rst": "xyzzy",
        ".hidden/secret.md": "xyzzy\n",
        "desk/.dotfile.md": "xyzzy\n",
        "desk/deep/more.TXT": "plugh\n",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def invoke(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_directory_recursion_skips_hidden_and_non_articles(articles):
    result = invoke(*ZZ, "--format", "json", ".")
    paths = sorted({f["path"] for f in json.loads(result.stdout)})
    assert paths == [
        os.path.join(".", "bad.txt"),
        os.path.join(".", "desk", "deep", "more.TXT"),
        os.path.join(".", "desk", "notes.markdown"),
        os.path.join(".", "desk", "story.md"),
    ]
    assert result.exit_code == 1


def test_text_output_and_exit_codes(articles):
    result = invoke(*ZZ, "bad.txt", "clean.md")
    assert result.stdout == "bad.txt:1:3: ZZ101 [flag-xyzzy] found 'xyzzy'\n"
    assert result.exit_code == 1
    assert invoke(*ZZ, "clean.md").exit_code == 0
    # info findings do not fail the run by default
    result = invoke(*ZZ, "desk/notes.markdown")
    assert result.exit_code == 0 and "ZZ201" in result.stdout
    assert invoke(*ZZ, "--fail-on", "info", "desk/notes.markdown").exit_code == 1
    assert invoke(*ZZ, "--fail-on", "error", "bad.txt").exit_code == 0
    assert invoke(*ZZ, "--fail-on", "error", "desk/story.md").exit_code == 1


def test_json_output_shape(articles):
    result = invoke(*ZZ, "--format", "json", "desk/story.md")
    assert json.loads(result.stdout) == [
        {
            "path": "desk/story.md",
            "line": 3,
            "column": 3,
            "end_line": 3,
            "end_column": 8,
            "code": "ZZ101",
            "rule": "flag-xyzzy",
            "severity": "warning",
            "message": "found 'xyzzy'",
            "fix": {"text": "magic", "line": 3, "column": 3, "end_line": 3, "end_column": 8, "safe": True},
        },
        {
            "path": "desk/story.md",
            "line": 3,
            "column": 15,
            "end_line": 3,
            "end_column": 20,
            "code": "ZZ102",
            "rule": "flag-plugh",
            "severity": "error",
            "message": "found plugh",
            "fix": None,
        },
    ]


def test_json_with_no_findings_is_an_empty_array(articles):
    result = invoke(*ZZ, "--format", "json", "clean.md")
    assert json.loads(result.stdout) == [] and result.exit_code == 0


def test_select_and_ignore_options(articles):
    def codes(*args):
        return [f["code"] for f in json.loads(invoke("--format", "json", *args, "desk/story.md").stdout)]

    assert codes("--select", "ZZ101") == ["ZZ101"]
    assert codes("--select", "flag-plugh") == ["ZZ102"]
    assert codes("--select", "ZZ1", "--ignore", "ZZ102") == ["ZZ101"]
    assert codes("--select", "ZZ101,ZZ102") == ["ZZ101", "ZZ102"]
    assert codes("--select", "ZZ101", "--select", "ZZ102") == ["ZZ101", "ZZ102"]


def test_unknown_rule_in_select_is_an_error(articles):
    result = CliRunner().invoke(main, ["--select", "flag-xyzy", "bad.txt"])
    assert result.exit_code == 2
    assert "unknown rule 'flag-xyzy'" in result.stderr and not result.stdout


def test_stdin_with_filename_picks_the_format(articles):
    text = "```\nxyzzy in code\n```\n\nplugh outside.\n"
    as_markdown = invoke(*ZZ, "--format", "json", "--stdin-filename", "piece.md", "-", input=text)
    assert [(f["path"], f["code"], f["line"]) for f in json.loads(as_markdown.stdout)] == [
        ("piece.md", "ZZ101", 2),
        ("piece.md", "ZZ102", 5),
    ]
    as_text = invoke(*ZZ, "--format", "json", "--stdin-filename", "piece.txt", "-", input=text)
    # flag-plugh looks at prose paragraphs: in plain text the fence is prose too
    assert [f["code"] for f in json.loads(as_text.stdout)] == ["ZZ101", "ZZ102"]
    plain = invoke(*ZZ, "-", input="xyzzy\n")
    assert plain.stdout == "-:1:1: ZZ101 [flag-xyzzy] found 'xyzzy'\n"


def test_no_paths_reads_piped_stdin(articles):
    assert invoke(*ZZ, input="a xyzzy\n").stdout == "-:1:3: ZZ101 [flag-xyzzy] found 'xyzzy'\n"


def test_config_option(articles):
    (articles / "strict.yaml").write_text("select: [ZZ1]\nrules:\n  flag-xyzzy: {severity: error}\n")
    result = invoke("--config", "strict.yaml", "--format", "json", "bad.txt")
    assert [(f["code"], f["severity"]) for f in json.loads(result.stdout)] == [("ZZ101", "error")]


def test_list_rules_version_and_explain(articles):
    listing = invoke("--list-rules").stdout
    assert "ZZ101  flag-xyzzy             warning  Flags a trigger word." in listing
    assert "ZZ900  opt-in-sample" in listing and "(opt-in)" in listing
    assert invoke("--version").stdout == f"newslint {__version__}\n"
    for key in ("flag-xyzzy", "ZZ101", "zz101"):
        text = invoke("explain", key).stdout
        assert text.startswith("ZZ101 flag-xyzzy (warning)") and "What it does:" in text
        assert "word: 'xyzzy'" in text
    result = CliRunner().invoke(main, ["explain", "flag-xyzy"])
    assert result.exit_code == 2 and "unknown rule 'flag-xyzy'" in result.stderr


def test_errors_go_to_stderr_never_into_json(articles):
    result = CliRunner().invoke(main, [*ZZ, "--format", "json", "bad.txt", "missing.md"])
    assert result.exit_code == 2
    assert [f["path"] for f in json.loads(result.stdout)] == ["bad.txt"]
    assert result.stderr == "newslint: missing.md: no such file or directory\n"


def test_unknown_format(articles):
    result = CliRunner().invoke(main, ["--format", "xml", "bad.txt"])
    assert result.exit_code == 2 and "unknown format 'xml'" in result.stderr


def test_color_only_when_asked_in_process(articles):
    assert "\033[" not in invoke(*ZZ, "bad.txt").stdout  # CliRunner's output is not a terminal
    coloured = invoke(*ZZ, "--color", "bad.txt").stdout
    assert "\033[33mZZ101\033[0m" in coloured


# -- real subprocesses ------------------------------------------------------------------------


def test_subprocess_exit_codes_and_streams(articles, plugin_dir):
    bad = run_newslint(*ZZ, "bad.txt", cwd=articles, plugin=plugin_dir)
    assert bad.returncode == 1 and bad.stdout == b"bad.txt:1:3: ZZ101 [flag-xyzzy] found 'xyzzy'\n"
    assert bad.stderr == b""
    clean = run_newslint(*ZZ, "clean.md", cwd=articles, plugin=plugin_dir)
    assert clean.returncode == 0 and clean.stdout == b""
    missing = run_newslint(*ZZ, "--format", "json", "nope.md", "bad.txt", cwd=articles, plugin=plugin_dir)
    assert missing.returncode == 2
    assert [f["path"] for f in json.loads(missing.stdout)] == ["bad.txt"]
    assert missing.stderr.decode().strip() == "newslint: nope.md: no such file or directory"


def test_subprocess_piped_stdin(articles, plugin_dir):
    result = run_newslint(
        *ZZ, "--stdin-filename", "x.md", "-", cwd=articles, plugin=plugin_dir, stdin=b"`xyzzy` plugh\n"
    )
    # flag-xyzzy reads the raw text (inside the code span); flag-plugh only prose
    assert result.stdout.decode().splitlines() == [
        "x.md:1:2: ZZ101 [flag-xyzzy] found 'xyzzy'",
        "x.md:1:9: ZZ102 [flag-plugh] found plugh",
    ]
    assert result.returncode == 1


def test_subprocess_version_and_help(tmp_path):
    assert run_newslint("--version", cwd=tmp_path).stdout.decode().strip() == f"newslint {__version__}"
    help_text = run_newslint("--help", cwd=tmp_path)
    assert help_text.returncode == 0 and b"explain" in help_text.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_subprocess_colour_on_a_terminal_only(articles, plugin_dir):
    def on_tty(*args: str) -> bytes:
        return run_on_terminal(*args, cwd=articles, plugin=plugin_dir)

    assert b"\x1b[33mZZ101\x1b[0m" in on_tty(*ZZ, "bad.txt")
    plain = on_tty(*ZZ, "--no-color", "bad.txt")
    assert b"ZZ101" in plain and b"\x1b[" not in plain
    piped = run_newslint(*ZZ, "bad.txt", cwd=articles, plugin=plugin_dir)
    assert b"\x1b[" not in piped.stdout
