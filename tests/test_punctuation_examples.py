"""examples/punctuation.md shows each new punctuation rule firing, at the slip it was written with."""

from __future__ import annotations

from pathlib import Path

from newslint.testing import run_rule

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "punctuation.md"


def test_each_rule_fires_where_the_example_has_its_slip() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    expected = {
        "unbalanced-bracket": ["(", ")"],
        "punctuation-spacing": ['"', "( ", " )", ","],
        "apostrophe-plural": ["1980's", "LP's"],
        "spelling-variant": ["center"],
        "dangling-punctuation": [" ."],
    }
    for name, flagged in expected.items():
        findings = run_rule(name, text, format="markdown")
        assert [text[f.start : f.end] for f in findings] == flagged, name


def test_the_marks_that_are_not_slips_stay_quiet() -> None:
    # The 20" screens and the 'wet room' are an inch mark and a quotation, not slips.
    text = EXAMPLE.read_text(encoding="utf-8")
    assert run_rule("unbalanced-quote", text, format="markdown") == []
