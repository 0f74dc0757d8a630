"""consistency (one spelling per article, across paragraphs) and conditional (defined on first use)."""

from __future__ import annotations

from style_helpers import style_lint_fixture, where  # noqa: F401 - the fixture is used by name

SPELLINGS = """
    extends: consistency
    message: "Inconsistent spelling of '%s'"
    level: error
    ignorecase: true
    either:
      adviser: advisor
      judgement: judgment
    """


def test_consistency_flags_the_other_form_across_paragraphs(style_lint) -> None:
    text = (
        "# Advisor quits\n\n"
        "The adviser said the judgment was wrong.\n\n"
        "Another advisor agreed. A second adviser did not. The judgement stood.\n"
    )
    found = style_lint({"Spelling": SPELLINGS}, text)
    # The headline's "Advisor" is the first use, so "adviser" is the stray form.
    assert where(found, text) == [
        ("Test.Spelling", 3, 5, "adviser"),
        ("Test.Spelling", 5, 34, "adviser"),
        ("Test.Spelling", 5, 55, "judgement"),
    ]
    assert found[0].message == "Inconsistent spelling of 'adviser'"


def test_consistency_is_quiet_when_one_form_is_used(style_lint) -> None:
    assert style_lint({"Spelling": SPELLINGS}, "An adviser. Two advisers? No: the adviser.\n") == []


ABBREVIATIONS = """
    extends: conditional
    message: "'%s' has no definition"
    level: error
    scope: paragraph
    first: '\\b([A-Z]{3,5})\\b'
    second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
    exceptions: [BBC]
    """


def test_conditional_abbreviation_defined_on_first_use(style_lint) -> None:
    text = (
        "The World Health Organization (WHO) met the BBC.\n\n"
        "The WHO said the UNHCR would help.\n\n"
        "Later the International Monetary Fund (IMF) and the IMF agreed.\n"
    )
    found = style_lint({"Defined": ABBREVIATIONS}, text)
    assert where(found, text) == [("Test.Defined", 3, 18, "UNHCR")]
    assert found[0].message == "'UNHCR' has no definition"


def test_conditional_definition_must_come_first(style_lint) -> None:
    text = "The UNDP pays.\n\nThe United Nations Development (UNDP) was set up in 1965.\n"
    found = style_lint({"Defined": ABBREVIATIONS}, text)
    assert where(found, text) == [("Test.Defined", 1, 5, "UNDP")]


def test_conditional_without_a_group_needs_second_in_the_same_block(style_lint) -> None:
    rule = """
        extends: conditional
        message: "'%s' needs a time zone"
        first: '\\b\\d{1,2}:\\d{2}\\b'
        second: '\\b(?:GMT|BST|UTC)\\b'
        """
    text = "It starts at 10:30 GMT.\n\nIt ends at 12:15.\n"
    assert where(style_lint({"Zone": rule}, text), text) == [("Test.Zone", 3, 12, "12:15")]
