"""The pre-commit hook, run for real with ``pre-commit run`` in a scratch repository.

The scratch repository's config names this checkout at its HEAD commit (the committed
tree, as ``try-repo --ref HEAD`` would, so that other work in progress in the checkout
cannot break the install). pre-commit installs newslint from it into its own environment,
its dependencies from the package index, once: both runs share one ``PRE_COMMIT_HOME``
(``try-repo`` would build a new environment for each). So this test is slow and needs the
index. It skips when pre-commit or git is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

# The bad article fails on a real slip found by a built-in rule: an opening quotation
# mark that is never closed (NL101 unbalanced-quote, severity error). The clean article
# must stay free of warnings and errors under every default rule.
CLEAN = (
    "# Council backs new budget\n\n"
    'The council approved its budget on Monday. "We will spend more on roads," the leader said.\n'
)
BAD = (
    "# Council backs new budget\n\n"
    'The council approved its budget on Monday. "We will spend more on roads, the leader said.\n'
)


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_hook_fails_on_a_bad_article_and_passes_on_a_clean_one(tmp_path):
    pytest.importorskip("pre_commit")
    repo = tmp_path / "paper"
    repo.mkdir()
    (repo / "bad.md").write_text(BAD, encoding="utf-8")
    (repo / "clean.md").write_text(CLEAN, encoding="utf-8")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, check=True, capture_output=True, text=True)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {REPO}\n  rev: {head.stdout.strip()}\n  hooks:\n  - id: newslint\n", encoding="utf-8"
    )
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    env.pop("PYTHONPATH", None)

    def run_hook(name: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "newslint", "--files", name],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    bad = run_hook("bad.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "NL101" in bad.stdout and "bad.md:3:" in bad.stdout
    clean = run_hook("clean.md")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
