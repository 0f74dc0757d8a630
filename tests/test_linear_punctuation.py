"""Linear time for the quotation and punctuation rules: 400 KB of a pattern takes < 6x 100 KB.

Each pattern is one that was quadratic (issue 9's table: a run of ``"``, ``“‘``
alternating, ``((((.))))``, ``a  .  b``) or one that would be for a careless scan in
these rules (marks with nothing to close them, brackets with no spaces, clipped words,
glued commas). Ratios, not absolute times: the machine is shared. A ratio is measured
again (up to three times) before a failure is believed, since one slow run is noise.
"""

from __future__ import annotations

import gc
import time

import pytest

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


def _seconds(unit: str, size: int, active: list[ActiveRule], rules: list) -> float:
    """Lint ``size`` characters of ``unit`` repeated, as one paragraph, and return the time."""
    text = unit * (size // len(unit))
    # The rest of the test session's objects are frozen out of the collector: a full
    # collection walks every live object, so a big heap made the larger run look
    # super-linear (ratios of 7 to 9 in the whole suite, 4 to 5 alone).
    gc.collect()
    gc.freeze()
    try:
        start = time.perf_counter()
        document = Document(text, "pattern.txt")
        lint(document, active, rules, report_unused=False)
        return time.perf_counter() - start
    finally:
        gc.unfreeze()


def _ratio(unit: str, active: list[ActiveRule], rules: list) -> float:
    small = _seconds(unit, 100_000, active, rules)
    large = _seconds(unit, 400_000, active, rules)
    return large / max(small, 1e-4)


@pytest.mark.parametrize("unit, names", PATTERNS, ids=[repr(unit) for unit, _ in PATTERNS])
def test_four_times_the_text_takes_less_than_six_times_as_long(registry, unit, names) -> None:
    rules = [registry.get(name) for name in names]
    assert all(rules), names
    active = [ActiveRule(r, r.severity, dict(r.options)) for r in rules]
    ratios = []
    for _ in range(3):
        ratios.append(_ratio(unit, active, rules))
        if ratios[-1] < 6:
            break
    assert min(ratios) < 6, f"{unit!r}: ratios {ratios}"


def test_every_rule_of_this_family_is_covered() -> None:
    covered = {name for _, names in PATTERNS for name in names}
    assert covered == set(RULES)
