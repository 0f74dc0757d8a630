"""occurrence (limits per scope block) and repetition (the same token twice in a row)."""

from __future__ import annotations

from style_helpers import style_lint_fixture, where  # noqa: F401 - the fixture is used by name

HEADLINE_LENGTH = """
    extends: occurrence
    message: "Headline of %d words"
    scope: headline
    max: 6
    token: '[^\\s]+'
    """


def test_occurrence_max_reports_the_first_match_with_the_count(style_lint) -> None:
    text = "# One two three four five six seven\n\nBody text here with many many words in it.\n"
    found = style_lint({"Long": HEADLINE_LENGTH}, text)
    assert where(found, text) == [("Test.Long", 1, 3, "One")]
    assert found[0].message == "Headline of 7 words"
    assert style_lint({"Long": HEADLINE_LENGTH}, "# One two three four five six\n\nBody.\n") == []


def test_occurrence_max_per_sentence(style_lint) -> None:
    # Vale's documented sentence-length rule, with a smaller limit.
    rule = """
        extends: occurrence
        message: "Try to keep sentences short (< 5 words)."
        scope: sentence
        level: suggestion
        max: 5
        token: '\\b(\\w+)\\b'
        """
    text = "Short one here. This sentence has rather more than five words. Fine.\n"
    found = style_lint({"Length": rule}, text, format="text")
    assert where(found, text) == [("Test.Length", 1, 17, "This")]
    assert found[0].severity.value == "info"


def test_occurrence_min_with_none_reports_at_the_block_start(style_lint) -> None:
    rule = """
        extends: occurrence
        message: "Each paragraph needs a source (%d found)"
        scope: paragraph
        min: 1
        ignorecase: true
        token: '\\bsaid\\b'
        """
    text = "The minister said so.\n\nNo source here.\n"
    found = style_lint({"Source": rule}, text, format="text")
    assert [(f.line, f.column, f.start == f.end, f.message) for f in found] == [
        (3, 1, True, "Each paragraph needs a source (0 found)")
    ]


STUTTER = """
    extends: repetition
    message: "'%s' is repeated!"
    level: error
    alpha: true
    ignorecase: true
    tokens:
      - '[^\\s.!?]+'
    """


def test_repetition_reports_both_words(style_lint) -> None:
    text = "This is is a test. The The end. He said no. No more.\n"
    found = style_lint({"Rep": STUTTER}, text, format="text")
    # "no. No" spans two sentences, so it is not a repetition.
    assert where(found, text) == [("Test.Rep", 1, 6, "is is"), ("Test.Rep", 1, 20, "The The")]
    assert found[0].message == "'is' is repeated!"


def test_repetition_alpha_skips_numbers_and_max_allows_some(style_lint) -> None:
    text = "It cost 10 10 pounds. Very very very good.\n"
    found = style_lint({"Rep": STUTTER}, text, format="text")
    # Each repeat is reported (two in "very very very"), as Vale does.
    assert [text[f.start : f.end] for f in found] == ["Very very", "very very"]
    assert found[1].start == text.index("very very")
    allow_one = STUTTER.rstrip() + "\n    max: 1\n"
    found = style_lint({"Rep": allow_one}, text, format="text")
    assert [text[f.start : f.end] for f in found] == ["very very"]


def test_repetition_exceptions(style_lint) -> None:
    rule = STUTTER.rstrip() + "\n    exceptions: [cha cha]\n"
    text = "They danced the cha cha and and left.\n"
    assert [text[f.start : f.end] for f in style_lint({"Rep": rule}, text, format="text")] == ["and and"]
