"""The smaller edges of the command line (issue 9): each has one defined, documented behaviour."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hostile import newslint_run

SLIP = b"It rained.Then it stopped.\n"
JSON = ["--select", "missing-space", "--format", "json"]


def _errors(result) -> list[str]:
    text = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in text, text
    return text.splitlines()


def _findings(result) -> list[tuple[str, int, int]]:
    return [(f["path"], f["line"], f["column"]) for f in json.loads(result.stdout or b"[]")]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_bytes(SLIP)
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "b.md").write_bytes(SLIP)
    return tmp_path


def test_a_file_named_twice_is_linted_once(tree):
    result = newslint_run(*JSON, "a.txt", "./a.txt", "a.txt", "desk", os.path.join("desk", "b.md"), cwd=tree)
    assert (_errors(result), result.returncode) == ([], 1)
    assert _findings(result) == [("a.txt", 1, 4), (os.path.join("desk", "b.md"), 1, 4)]


def test_select_naming_no_rule_is_a_usage_error(tree):
    for value in ("", ",", " "):
        result = newslint_run("--select", value, "a.txt", cwd=tree)
        assert _errors(result) == ['newslint: --select names no rule (--select "" would check nothing)']
        assert (result.returncode, result.stdout) == (2, b"")


def test_fix_with_diff_and_diff_with_json_are_usage_errors(tree):
    both = newslint_run("--fix", "--diff", "a.txt", cwd=tree)
    assert _errors(both) == [
        "newslint: --fix and --diff cannot be used together: --diff shows the fixes without writing them"
    ]
    assert both.returncode == 2 and (tree / "a.txt").read_bytes() == SLIP
    as_json = newslint_run("--diff", "--format", "json", "a.txt", cwd=tree)
    assert _errors(as_json) == [
        "newslint: --diff prints a unified diff; --format json does not apply to it "
        "(add --output-file to keep the findings in that format)"
    ]
    assert as_json.returncode == 2 and as_json.stdout == b""


def test_an_excluded_file_named_on_the_command_line_is_said_and_skipped(tree):
    (tree / ".newslint.yaml").write_text('select: [missing-space]\nexclude: ["desk/**", "a.txt"]\n')
    (tree / "c.txt").write_bytes(SLIP)
    result = newslint_run("--format", "json", "a.txt", "c.txt", os.path.join("desk", "b.md"), "desk", cwd=tree)
    assert _errors(result) == [
        "newslint: a.txt: excluded by the configuration (exclude); not linted",
        f"newslint: {os.path.join('desk', 'b.md')}: excluded by the configuration (exclude); not linted",
        "newslint: desk: every article in it is excluded by the configuration (exclude); none linted",
    ]
    # A notice, not an error: the exit status is the linted files'.
    assert (result.returncode, _findings(result)) == (1, [("c.txt", 1, 4)])
    only_excluded = newslint_run("a.txt", cwd=tree)
    assert (only_excluded.returncode, only_excluded.stdout) == (0, b"")


def test_a_folder_whose_articles_are_all_excluded_says_so(tree):
    (tree / ".newslint.yaml").write_text('exclude: ["*.md"]\n')
    result = newslint_run("desk", cwd=tree)
    assert _errors(result) == [
        "newslint: desk: every article in it is excluded by the configuration (exclude); none linted"
    ]
    assert result.returncode == 0


CONTROL_NAME = "a\x1b[2Jb\x07\r.txt"


@pytest.mark.skipif(os.name != "posix", reason="file names with control characters")
def test_control_characters_are_escaped_in_text_output(tmp_path):
    try:
        (tmp_path / CONTROL_NAME).write_bytes(b"It rained.Then it stopped. The  \x07\x1b[2J end.\n")
    except OSError:
        pytest.skip("this file system refuses such names")
    (tmp_path / "bin\x1b.txt").write_bytes(b"\x00\x01")
    text = newslint_run("--select", "missing-space,double-space", ".", cwd=tmp_path)
    assert text.stdout.decode() == (
        "./a\\x1b[2Jb\\x07\\r.txt:1:4: NL201 [missing-space] missing space after the full stop: 'rained.Then'\n"
        "./a\\x1b[2Jb\\x07\\r.txt:1:31: NL206 [double-space] 2 spaces between 'The' and '\\x07\\x1b[2J'\n"
    )
    assert _errors(text) == ["newslint: ./bin\\x1b.txt: binary file (contains NUL bytes), not an article"]
    # JSON escapes them its own way, and keeps the name exact.
    as_json = newslint_run("--select", "missing-space", "--format", "json", ".", cwd=tmp_path)
    assert json.loads(as_json.stdout)[0]["path"] == os.path.join(".", CONTROL_NAME)


def test_a_toml_configuration_is_read_as_toml(tree):
    (tree / "newslint.toml").write_text('select = ["missing-space"]\n\n[rules.missing-space]\nseverity = "info"\n')
    result = newslint_run("--config", "newslint.toml", "--format", "json", "a.txt", cwd=tree)
    assert (_errors(result), result.returncode) == ([], 0)  # info is below the default fail-on
    assert [f["severity"] for f in json.loads(result.stdout)] == ["info"]
    (tree / "bad.toml").write_text("[rules.long-sentence]\nmax-words = -5\n")
    bad = newslint_run("--config", "bad.toml", "a.txt", cwd=tree)
    assert _errors(bad) == ["newslint: bad.toml:2: long-sentence.max-words must be at least 1, not -5"]
    assert bad.returncode == 2


def test_a_missing_knowledge_file_is_one_configuration_error_at_start_up(tree):
    (tree / ".newslint.yaml").write_text("rules:\n  name-variant:\n    knowledge: [people.yaml]\n")
    result = newslint_run("a.txt", os.path.join("desk", "b.md"), cwd=tree)
    config = tree / ".newslint.yaml"
    assert _errors(result) == [
        f"newslint: {config}:3: name-variant.knowledge names 'people.yaml', which is not a file "
        f"({tree / 'people.yaml'})"
    ]
    assert result.returncode == 2 and b"NL000" not in result.stdout


def test_a_malformed_knowledge_file_is_one_configuration_error(tree):
    (tree / "people.yaml").write_text("checked: 2020-01-01\ncountries: [\n")
    (tree / ".newslint.yaml").write_text("rules:\n  title-mismatch:\n    knowledge: [people.yaml]\n")
    result = newslint_run("a.txt", os.path.join("desk", "b.md"), cwd=tree)
    config = tree / ".newslint.yaml"
    assert _errors(result) == [
        f"newslint: {config}:3: title-mismatch.knowledge {tree / 'people.yaml'}:3: not valid YAML: "
        "did not find expected node content"
    ]
    assert result.returncode == 2 and b"NL000" not in result.stdout
