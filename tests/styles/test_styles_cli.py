"""The house style through the real command line: .vale.ini folders, .newslint.yaml, suppression, explain, fix."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "house-style"


def newslint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A copy of the example desk: a .vale.ini, its styles and vocabulary, and two articles."""
    target = tmp_path / "desk"
    shutil.copytree(EXAMPLE, target)
    return target


def test_vale_ini_folder_is_linted_with_its_styles_and_vocab(desk: Path) -> None:
    result = newslint("--format", "json", "draft.md", cwd=desk)
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    findings = findings["files"][0]["findings"] if isinstance(findings, dict) else findings
    seen = {(f["code"], f["line"], f["column"]) for f in findings}
    text = (desk / "draft.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    expected = {
        ("House.Kyiv", 3, lines[2].index("Kiev") + 1),
        ("House.PerCent", 3, lines[2].index("percent") + 1),
        ("House.Ordinals", 3, lines[2].index("3rd March") + 1),
        ("House.Honorifics", 4, lines[3].index("Mr.") + 1),
        ("House.HeadlineCase", 1, 3),
        ("House.HeadingStop", 1, len(lines[0])),
        ("Vale.Avoid", 13, lines[12].index("the Ukraine") + 1),
        ("Vale.Terms", 14, lines[13].index("whatsapp") + 1),
    }
    assert expected <= seen, expected - seen
    # "dum dum" is in accept.txt: newslint's repeated-word does not report it.
    number = next(n for n, line in enumerate(lines, 1) if "dum dum" in line)
    assert not [f for f in findings if f["code"] == "NL204" and f["line"] == number]
    assert newslint("clean.md", cwd=desk).returncode == 0


def test_min_alert_level_and_rule_settings_in_vale_ini(desk: Path) -> None:
    ini = desk / ".vale.ini"
    ini.write_text(
        ini.read_text(encoding="utf-8").replace("MinAlertLevel = suggestion", "MinAlertLevel = warning")
        + "\n[*.md]\nHouse.PerCent = NO\nHouse.Kyiv = suggestion\n",
        encoding="utf-8",
    )
    codes = {line.split()[1] for line in newslint("draft.md", cwd=desk).stdout.splitlines() if line.strip()}
    assert "House.PerCent" not in codes and "House.Kyiv" not in codes  # turned off; lowered below warning
    assert "House.Cliches" not in codes  # a suggestion, below MinAlertLevel
    assert "House.Honorifics" in codes


def test_newslint_yaml_styles_vocab_select_and_suppression(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE / "styles", tmp_path / "styles")
    (tmp_path / ".newslint.yaml").write_text(
        "styles: [styles/House]\nvocab: [News]\nignore: [House.Cliches, long-paragraph]\n", encoding="utf-8"
    )
    article = tmp_path / "a.md"
    article.write_text(
        "The rate rose 5 percent in Kiev.\n\n"
        "<!-- newslint-disable-next-line PerCent -->\n"
        "It fell 4 percent at the end of the day.\n\n"
        "<!-- newslint-disable-next-line NoSuchRule -->\n"
        "Quiet here.\n",
        encoding="utf-8",
    )
    result = newslint("--select", "House,NL001", "a.md", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert [line.split()[1] for line in lines] == ["House.PerCent", "House.Kyiv", "NL001"], result.stdout
    first = "The rate rose 5 percent in Kiev."
    assert lines[0].startswith(f"a.md:1:{first.index('percent') + 1}:")
    assert lines[1].startswith(f"a.md:1:{first.index('Kiev') + 1}:")
    assert "NoSuchRule" in lines[2]
    only = newslint("--select", "House.Kyiv", "a.md", cwd=tmp_path)
    assert [line.split()[1] for line in only.stdout.splitlines()] == ["House.Kyiv"]


def test_explain_prints_link_and_description(desk: Path) -> None:
    result = newslint("explain", "House.PerCent", cwd=desk)
    assert result.returncode == 0, result.stderr
    assert "https://example.org/house-style#per-cent" in result.stdout
    assert 'Write "per cent" in copy' in result.stdout
    assert result.stdout.startswith("House.PerCent PerCent (warning)")


def test_fix_applies_single_replacements(desk: Path) -> None:
    article = desk / "fixme.md"
    article.write_text("Mr. Smith said 5 percent of voters in Kiev agreed.\n", encoding="utf-8")
    newslint("--fix", "fixme.md", cwd=desk)
    assert article.read_text(encoding="utf-8") == "Mr Smith said 5 per cent of voters in Kyiv agreed.\n"


def test_untranslatable_regex_stops_the_run_naming_file_and_key(tmp_path: Path) -> None:
    style = tmp_path / "styles" / "Desk"
    style.mkdir(parents=True)
    (style / "Lazy.yml").write_text("extends: existence\nmessage: x\ntokens:\n  - '(?U)a+b'\n", encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("styles: [styles/Desk]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Some text.\n", encoding="utf-8")
    result = newslint("a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert f"{style / 'Lazy.yml'}:4: tokens: regex item 1 cannot be used: the (?U) flag" in result.stderr


def test_missing_style_folder_points_at_the_configuration(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("fail-on: error\nstyles: [nowhere]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Some text.\n", encoding="utf-8")
    result = newslint("a.txt", cwd=tmp_path)
    assert result.returncode == 2 and ".newslint.yaml:2: styles:" in result.stderr and "not found" in result.stderr


def test_result_cache_misses_when_a_rule_file_changes(tmp_path: Path) -> None:
    style = tmp_path / "styles" / "Desk"
    style.mkdir(parents=True)
    rule = style / "Kyiv.yml"
    rule.write_text(
        "extends: substitution\nmessage: \"Write '%s', not '%s'.\"\nswap:\n  Kiev: Kyiv\n", encoding="utf-8"
    )
    (tmp_path / ".newslint.yaml").write_text("styles: [styles/Desk]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("They met in Kiev.\n", encoding="utf-8")
    assert "Write 'Kyiv', not 'Kiev'." in newslint("--select", "Desk", "a.txt", cwd=tmp_path).stdout
    rule.write_text("extends: substitution\nmessage: \"House style: '%s'.\"\nswap:\n  Kiev: Kyiv\n", encoding="utf-8")
    assert "House style: 'Kyiv'." in newslint("--select", "Desk", "a.txt", cwd=tmp_path).stdout


def test_list_rules_shows_the_style_configured_here(desk: Path) -> None:
    listed = newslint("--list-rules", cwd=desk).stdout.splitlines()
    assert any(line.startswith("House.PerCent  PerCent") for line in listed)
    assert any(line.startswith("Vale.Terms") for line in listed)
