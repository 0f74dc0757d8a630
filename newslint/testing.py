"""Helpers for testing rules without the CLI: run one rule on a string, get findings."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Mapping

from newslint.document import Document, Format
from newslint.engine import ActiveRule, lint
from newslint.finding import Finding
from newslint.rule import Rule


def _resolve(rule: Rule | str) -> Rule:
    if isinstance(rule, Rule):
        return rule
    from newslint import plugins

    found = plugins.registry(plugins.plugin_manager(entry_points=False)).get(rule)
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
    """Lint ``text`` with one rule (a ``Rule`` or a built-in's name or code)."""
    found = _resolve(rule)
    document = Document(text, path, format=format, date=date)
    active = ActiveRule(found, found.severity, {**found.options, **(options or {})})
    return [f for f in lint(document, [active], [found], report_unused=False)]


def spans(findings: list[Finding], text: str) -> list[str]:
    """Return the text each finding points at (handy in assertions)."""
    return [text[f.start : f.end] for f in findings]
