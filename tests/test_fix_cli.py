"""``--fix`` and ``--diff`` with the built-in rules: what is written, and what is kept."""

from __future__ import annotations

import codecs
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.cli import main
from newslint.fixer import fix_text
from newslint.linter import Linter

SLIPS = "The council met on Monday.It agreed the the plan , and members voted."
FIXED = "The council met on Monday. It agreed the plan, and members voted."


def _run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_fix_keeps_bom_crlf_and_permissions(workdir):
    article = workdir / "a.txt"
    article.write_bytes(codecs.BOM_UTF8 + f"Council backs plan\r\n\r\n{SLIPS}\r\n".encode())
    os.chmod(article, 0o640)
    result = _run("--fix", "a.txt")
    assert result.exit_code == 0, result.output
    assert result.output == ""  # nothing remains to report
    assert article.read_bytes() == codecs.BOM_UTF8 + f"Council backs plan\r\n\r\n{FIXED}\r\n".encode()
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert sorted(p.name for p in workdir.iterdir()) == ["a.txt"]  # no temporary file left


def test_fix_keeps_utf16(workdir):
    article = workdir / "a.txt"
    article.write_bytes(codecs.BOM_UTF16_LE + f"{SLIPS}\n".encode("utf-16-le"))
    assert _run("--fix", "a.txt").exit_code == 0
    assert article.read_bytes() == codecs.BOM_UTF16_LE + f"{FIXED}\n".encode("utf-16-le")


def test_fix_never_touches_a_file_with_nothing_to_fix(workdir):
    clean = workdir / "clean.txt"
    clean.write_text("The council met on Monday. It agreed the plan.\n")
    unfixable = workdir / "quote.txt"
    # A lost opening mark: no safe fix. "It will not work," is 17 code points: the mark is 18.
    unfixable.write_text("It will not work,\u201d she said.\n")
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (clean, unfixable)}
    result = _run("--fix", "clean.txt", "quote.txt")
    assert result.exit_code == 1
    assert "quote.txt:1:18: NL101 [unbalanced-quote]" in result.output
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (clean, unfixable)} == before


def test_fix_reports_what_remains_and_exits_by_it(workdir):
    article = workdir / "a.txt"
    article.write_text(f"{SLIPS}\nIt will not work,\u201d she said.\n")
    result = _run("--fix", "--format", "json", "a.txt")
    assert result.exit_code == 1
    assert '"rule": "unbalanced-quote"' in result.output
    assert '"rule": "repeated-word"' not in result.output
    assert article.read_text() == f"{FIXED}\nIt will not work,\u201d she said.\n"


def test_diff_prints_the_fix_and_writes_nothing(workdir):
    article = workdir / "a.txt"
    article.write_text(f"{SLIPS}\n")
    result = _run("--diff", "a.txt")
    assert result.exit_code == 1
    assert result.output == (
        "--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n"
        f"-{SLIPS}\n+{FIXED}\n"
    )
    assert article.read_text() == f"{SLIPS}\n"
    assert _run("--diff", "a.txt").exit_code == 1  # still unfixed
    article.write_text(f"{FIXED}\n")
    assert _run("--diff", "a.txt").exit_code == 0


def test_fix_on_stdin_writes_the_fixed_text_to_stdout(workdir):
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "--fix", "-", "--stdin-filename", "draft.txt"],
        input=f"{SLIPS}\nIt will not work,\u201d she said.\n".encode(),
        capture_output=True,
        cwd=workdir,
        timeout=60,
    )
    assert result.stdout.decode() == f"{FIXED}\nIt will not work,\u201d she said.\n"
    assert result.stderr.decode().startswith("draft.txt:2:18: NL101 [unbalanced-quote]")
    assert result.returncode == 1


def test_fix_in_markdown_leaves_markup_alone(workdir):
    article = workdir / "a.md"
    article.write_text("# Plan\n\nThe council met on *Monday*.It agreed the the `plan`.\n")
    assert _run("--fix", "a.md").exit_code == 0
    assert article.read_text() == "# Plan\n\nThe council met on *Monday*. It agreed the `plan`.\n"


_RUNNER = None


def _lint(text: str):
    global _RUNNER
    if _RUNNER is None:
        _RUNNER = Linter()
    return _RUNNER.lint_text(text, "draft.txt")


# Fragments that trip the rules with safe fixes, joined at random.
FRAGMENTS = [
    "the the", "The the", "said.The", "said .", "plan ,", "again..", "riskier.\u201d.", "ok?\".",
    "  ", " ", "\n", "\n\n", "\u201cQuote\u201d", "\"Quote\"", "Iran's", "Iran\u2019s", "word",
    "U.S.", "3.5", "bbc.co.uk", "\r\n", "\u2019", "'", "\"", "\U0001F600",
]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25).map(" ".join))
def test_fixing_twice_changes_nothing_the_second_time(text):
    once = fix_text(text, _lint).text
    assert fix_text(once, _lint).text == once
