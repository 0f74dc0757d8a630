"""Every default rule, on arbitrary Unicode text in both formats: no crash, spans in the text."""

from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import plugins
from newslint.document import Document
from newslint.engine import ActiveRule, lint


@lru_cache(maxsize=1)
def all_rules():
    """Every built-in rule that runs by default (opt-in rules may need a server)."""
    registry = plugins.registry(plugins.plugin_manager(entry_points=False))
    return tuple(rule for rule in registry.rules if rule.default)


_NEWS = st.sampled_from(
    [
        "The", "minister", "said", "Mr", "Mr.", "U.S.", "e.g.", "3.5", "£1.2bn", "10%", "'", '"', "“", "”",
        "‘", "’", "(", ")", "[", "]", " - ", "—", "…", ".", ",", ";", ":", "!", "?", " ", "  ", "\t", "\n",
        "\n\n", "\r\n", "\r", "\u2028", "\x0c", "\U0001F600", "e\u0301", "http://example.com/a.b",
        "# ", "> ", "- ", "* ", "`x`", "```\n", "<!-- newslint-disable -->", "<!-- newslint-enable -->",
        "<!-- newslint-disable-next-line -->", "[a](b)", "![alt](i.png)", "&amp;", "\\", "|", "---\n",
        "the the", "its", "it's", "colour", "color", "Dr", "2024", "Monday", "BBC", "said:", "\ufeff",
    ]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(_NEWS, max_size=80).map("".join))


def check(text: str, format: str) -> None:
    rules = all_rules()
    active = [ActiveRule(rule, rule.severity, dict(rule.options)) for rule in rules]
    findings = lint(Document(text, "p", format=format), active, rules)
    crashes = [f.message for f in findings if f.code == "NL000"]
    assert not crashes, crashes
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(text), finding
        if finding.fix is not None:
            assert 0 <= finding.fix.start <= finding.fix.end <= len(text), finding


def test_there_are_rules_to_check():
    assert {"NL000", "NL001"} <= {rule.code for rule in all_rules()}


@pytest.mark.parametrize("format", ["text", "markdown"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_rules_never_crash_and_spans_stay_inside(format, text):
    check(text, format)
