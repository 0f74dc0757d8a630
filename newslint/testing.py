"""Helpers for testing rules without the CLI: run one rule on a string, get findings."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from newslint.document import Format
from newslint.finding import Finding
from newslint.rule import Rule


@lru_cache(maxsize=1)
def _linter() -> Any:
    from newslint.linter import Linter

    # Built-ins only: a test's result must not depend on what else is installed.
    return Linter(entry_points=False)


def _resolve(rule: Rule | str) -> Rule:
    if isinstance(rule, Rule):
        return rule
    found = _linter().registry.get(rule)
    if found is None:
        raise KeyError(f"no rule {rule!r}")
    return found


def run_rule(
    rule: Rule | str,
    text: str,
    *,
    format: Format = "text",
    options: Mapping[str, Any] | None = None,
    date: _dt.date | None = None,
    path: str = "test.txt",
) -> list[Finding]:
    """Lint ``text`` with one rule (a ``Rule`` or a built-in's name or code) and its options."""
    from newslint.rule import ActiveRule

    found = _resolve(rule)
    active = ActiveRule(found, found.severity, {**found.options, **(options or {})})
    return _linter().lint_with(text, [active], path=path, format=format, date=date)


def spans(findings: list[Finding], text: str) -> list[str]:
    """Return the text each finding points at (handy in assertions)."""
    return [text[f.start : f.end] for f in findings]
