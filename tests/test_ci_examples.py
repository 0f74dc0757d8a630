"""The example CI jobs in examples/ci/: valid YAML, what the README shows, and using real options."""

from __future__ import annotations

import re
import shlex

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO

from newslint.cli import main
from newslint.formatters import BUILTIN_FORMATS

CI = REPO / "examples" / "ci"
README = (REPO / "README.md").read_text(encoding="utf-8")
FILES = sorted(CI.glob("*.yml"))


def test_there_are_examples_for_github_and_gitlab():
    assert [path.name for path in FILES] == ["github-actions.yml", "gitlab-ci.yml"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_readme_shows_each_file_as_it_is(path):
    text = path.read_text(encoding="utf-8")
    assert f"```yaml\n{text}```" in README, f"README's copy of {path.name} differs from the file"


def newslint_commands(text: str) -> list[list[str]]:
    return [
        shlex.split(line.strip().lstrip("-").strip().removeprefix("run:").strip())
        for line in text.splitlines()
        if re.match(r"\s*-?\s*(run:\s*)?newslint ", line)
    ]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_newslint_command_parses_with_the_real_options(path, tmp_path, monkeypatch):
    commands = newslint_commands(path.read_text(encoding="utf-8"))
    assert commands
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("It rained.Then it stopped.\n", encoding="utf-8")
    for command in commands:
        assert command[0] == "newslint"
        format_name = command[command.index("--format") + 1]
        assert format_name in BUILTIN_FORMATS
        result = CliRunner().invoke(main, command[1:])
        assert result.exit_code in (0, 1), (command, result.stderr)


def test_github_workflow():
    workflow = yaml.safe_load((CI / "github-actions.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["newslint"]["steps"]
    runs = [step.get("run", "") for step in steps]
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    sarif_step = next(run for run in runs if "--format sarif" in run)
    assert f"--output-file {upload['with']['sarif_file']}" in sarif_step and "--exit-zero" in sarif_step
    # the failing annotations step comes after the upload, so the upload always happens
    assert steps.index(upload) < runs.index(next(run for run in runs if "--format github" in run))


def test_gitlab_job():
    job = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))["newslint"]
    report = job["artifacts"]["reports"]["codequality"]
    assert job["artifacts"]["when"] == "always"  # uploaded when newslint fails the job
    assert any(f"--format gitlab --output-file {report}" in line for line in job["script"])
