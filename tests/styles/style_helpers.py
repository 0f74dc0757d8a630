"""Helpers for house-style tests (not a conftest: its name would clash with tests/conftest.py)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest

from newslint.document import Document
from newslint.engine import lint
from newslint.finding import Finding
from newslint.rule import ActiveRule
from newslint.styles.load import load_style, vocab_rules
from newslint.styles.rules import build

Lint = Callable[..., list[Finding]]


def write_style(folder: Path, rules: Mapping[str, str]) -> Path:
    """Write each rule (file stem -> YAML) into ``folder`` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in rules.items():
        (folder / f"{name}.yml").write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
    return folder


@pytest.fixture(name="style_lint")
def style_lint_fixture(tmp_path: Path) -> Lint:
    """Return ``run(rules, text, format=..., accept=..., reject=...)`` giving sorted findings."""

    def run(
        rules: Mapping[str, str],
        text: str,
        *,
        format: str = "markdown",
        accept: Sequence[str] = (),
        reject: Sequence[str] = (),
    ) -> list[Finding]:
        folder = write_style(tmp_path / "Test", rules)
        style_rules = [*vocab_rules(accept, reject), *load_style(folder, accept)]
        house = build(style_rules, accept)
        path = "test.md" if format == "markdown" else "test.txt"
        document = Document(text, path, format=format)
        active = [ActiveRule(r, r.severity, {}) for r in house.rules]
        return house.drop_accepted(document, lint(document, active, house.rules, report_unused=False))

    return run


def where(findings: Sequence[Finding], text: str) -> list[tuple[str, int, int, str]]:
    """Return (code, line, column, flagged text) for each finding."""
    return [(f.code, f.line, f.column, text[f.start : f.end]) for f in findings]
