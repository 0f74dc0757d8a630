"""metric: formulas of the document's own counts, with a condition."""

from __future__ import annotations

import pytest
from style_helpers import style_lint_fixture, where  # noqa: F401 - the fixture is used by name

from newslint.counts import counts_of
from newslint.sentences import split

GRADE = """
    extends: metric
    message: "Try to keep the Flesch-Kincaid grade level (%s) below 8."
    link: https://en.wikipedia.org/wiki/Flesch%E2%80%93Kincaid_readability_tests
    formula: |
      (0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59
    condition: "> 8.0"
    """

HARD = (
    "Notwithstanding considerable institutional reluctance, parliamentary representatives "
    "unanimously authorised extraordinary expenditure, acknowledging unprecedented "
    "infrastructural deterioration throughout metropolitan municipalities.\n"
)


def test_metric_reports_the_value_at_the_document_start(style_lint) -> None:
    found = style_lint({"Grade": GRADE}, HARD, format="text")
    counts = counts_of(HARD[a:b] for a, b in split(HARD.strip()))
    grade = 0.39 * counts.words / counts.sentences + 11.8 * counts.syllables / counts.words - 15.59
    assert grade > 8
    assert where(found, HARD) == [("Test.Grade", 1, 1, "")]
    assert found[0].message == f"Try to keep the Flesch-Kincaid grade level ({grade:.2f}) below 8."
    assert style_lint({"Grade": GRADE}, "The cat sat. It was fun.\n", format="text") == []


def test_metric_structure_variables(style_lint) -> None:
    rule = """
        extends: metric
        message: "This topic has %s H2s in it."
        formula: heading.h2
        condition: "> 0.0"
        """
    text = "# Title\n\nText here.\n\n## One\n\nMore.\n\n## Two\n\nEnd.\n"
    found = style_lint({"H2": rule}, text)
    assert [(f.line, f.column, f.message) for f in found] == [(1, 1, "This topic has 2.00 H2s in it.")]


def test_metric_per_paragraph_scope(style_lint) -> None:
    rule = """
        extends: metric
        message: "Paragraph of %s words"
        scope: paragraph
        formula: words
        condition: ">= 5 && words < 100"
        """
    text = "Four words are here.\n\nThis one has got six words.\n"
    found = style_lint({"Words": rule}, text, format="text")
    assert [(f.line, f.column, f.message) for f in found] == [(3, 1, "Paragraph of 6.00 words")]


@pytest.mark.parametrize(
    "formula, problem",
    [("words +", "not an expression"), ("__import__('os')", "only math functions"), ("wordz / 2", "unknown variable")],
)
def test_bad_formulas_are_refused_with_file_and_key(style_lint, formula: str, problem: str) -> None:
    from newslint.styles.errors import StyleError

    rule = f'extends: metric\nmessage: x\nformula: "{formula}"\ncondition: "> 1.0"\n'
    with pytest.raises(StyleError, match=rf"Bad\.yml:3: formula: .*{problem}"):
        style_lint({"Bad": rule}, "Text.\n")
