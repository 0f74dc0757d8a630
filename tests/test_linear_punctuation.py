"""Linear time for the quotation and punctuation rules: 400 KB of a pattern takes < 6x 100 KB.

Each pattern is one that was quadratic (issue 9's table: a run of ``"``, ``“‘``
alternating, ``((((.))))``, ``a  .  b``) or one that would be for a careless scan in
these rules (marks with nothing to close them, brackets with no spaces, clipped words,
glued commas). Ratios, not absolute times: the machine is shared. A ratio is measured
again (up to three times) before a failure is believed, since one slow run is noise.
"""

from __future__ import annotations

import pytest
from timing import growth_ratio

from newslint import plugins
from newslint.document import Document
from newslint.engine import ActiveRule, lint

RULES = (
    "unbalanced-quote",
    "quote-style",
    "dangling-punctuation",
    "double-space",
    "unbalanced-bracket",
    "punctuation-spacing",
    "apostrophe-plural",
    "spelling-variant",
)

PATTERNS = [
    # (unit repeated, rules that scan it)
    ('"', ("unbalanced-quote", "quote-style", "punctuation-spacing")),
    ("“‘", ("unbalanced-quote", "quote-style", "punctuation-spacing")),
    ("''x ", ("unbalanced-quote", "quote-style")),
    ("'a b' ", ("unbalanced-quote", "punctuation-spacing")),
    ("We sang 'til dawn, 5' 11\" tall, al-'Aziz. ", ("unbalanced-quote", "quote-style")),
    ("“a ‘b ", ("unbalanced-quote", "quote-style", "punctuation-spacing")),
    ("((((.))))", ("dangling-punctuation", "unbalanced-bracket", "punctuation-spacing")),
    ("((((.)))).", ("dangling-punctuation", "unbalanced-bracket", "punctuation-spacing")),
    ("a  .  b ", ("double-space", "dangling-punctuation")),
    ("x ,y", ("dangling-punctuation", "punctuation-spacing")),
    ("a,b", ("punctuation-spacing",)),
    ("ab;cd ", ("punctuation-spacing",)),
    ("word\u00a0, ", ("dangling-punctuation",)),
    ("( a ) ", ("punctuation-spacing", "unbalanced-bracket")),
    ("[(", ("unbalanced-bracket",)),
    (":)", ("unbalanced-bracket",)),
    ("the 1990's MP's MPs ", ("apostrophe-plural",)),
    ("Colour. Color. centre center ", ("spelling-variant",)),
]


@pytest.fixture(scope="module")
def registry():
    return plugins.registry(plugins.plugin_manager(entry_points=False))


def _lint(unit: str, size: int, active: list[ActiveRule], rules: list):
    """Return a call that lints ``size`` characters of ``unit`` repeated, as one paragraph."""
    text = unit * (size // len(unit))
    return lambda: lint(Document(text, "pattern.txt"), active, rules, report_unused=False)


@pytest.mark.parametrize("unit, names", PATTERNS, ids=[repr(unit) for unit, _ in PATTERNS])
def test_four_times_the_text_takes_less_than_six_times_as_long(registry, unit, names) -> None:
    rules = [registry.get(name) for name in names]
    assert all(rules), names
    active = [ActiveRule(r, r.severity, dict(r.options)) for r in rules]
    # In CPU time with the collector frozen out, up to three tries (tests/timing.py).
    ratio = growth_ratio(_lint(unit, 100_000, active, rules), _lint(unit, 400_000, active, rules))
    assert ratio < 6, f"{unit!r}: 400 KB took {ratio:.1f} times as long as 100 KB"


def test_every_rule_of_this_family_is_covered() -> None:
    covered = {name for _, names in PATTERNS for name in names}
    assert covered == set(RULES)
