"""capitalization: $title (AP, Chicago), $sentence, $lower, $upper and patterns, with exceptions."""

from __future__ import annotations

import pytest
from style_helpers import style_lint_fixture, where  # noqa: F401 - the fixture is used by name

from newslint.styles.checks import sentence_case, title_case


def test_vale_ap_example(style_lint) -> None:
    # The example Vale's rule explorer gives for its AP heading rule.
    rule = """
        extends: capitalization
        message: "'%s' should be in title case"
        level: warning
        scope: heading
        match: $title
        style: AP
        """
    text = "# follow step-by-step instructions\nHere is a paragraph.\n# Follow Step-by-Step Instructions\nAnother paragraph.\n"
    found = style_lint({"AP": rule}, text)
    assert where(found, text) == [("Test.AP", 1, 3, "follow step-by-step instructions")]
    assert found[0].message == "'follow step-by-step instructions' should be in title case"


@pytest.mark.parametrize(
    "style, text, expected",
    [
        ("AP", "the war in the east", "The War in the East"),
        ("AP", "a vote for change: what next", "A Vote for Change: What Next"),
        ("AP", "talks over the border", "Talks Over the Border"),
        ("Chicago", "talks over the border", "Talks over the Border"),
        ("AP", "what it is about", "What It Is About"),
    ],
)
def test_title_case_conversion(style: str, text: str, expected: str) -> None:
    assert title_case(text, style) == expected


def test_sentence_case_conversion() -> None:
    assert sentence_case("Floods Hit The North Of England", keep=[(24, 31)]) == "Floods hit the north of England"


SENTENCE = """
    extends: capitalization
    message: "'%s' should be in sentence case"
    scope: headline
    match: $sentence
    indicators: [':']
    exceptions: [Islamic State, Kyiv]
    """


@pytest.mark.parametrize(
    "headline, flagged",
    [
        ("Floods hit the north", False),
        ("Floods Hit The North Of The Country", True),
        ("floods hit the north", True),
        ("Islamic State fighters leave Kyiv area", False),
        ("Kyiv: Talks resume after the summer", False),
        ("UN and EU agree deal on grain", False),
    ],
)
def test_sentence_case_headlines(style_lint, headline: str, flagged: bool) -> None:
    text = f"# {headline}\n\nThe story.\n"
    found = style_lint({"Case": SENTENCE}, text)
    assert [(f.line, f.column, text[f.start : f.end]) for f in found] == ([(1, 3, headline)] if flagged else [])


def test_lower_upper_and_pattern(style_lint) -> None:
    rules = {
        "Lower": "extends: capitalization\nmessage: x\nscope: list\nmatch: $lower\n",
        "Upper": "extends: capitalization\nmessage: x\nscope: table.header\nmatch: $upper\n",
        "Pattern": "extends: capitalization\nmessage: x\nscope: blockquote\nmatch: '^[A-Z]'\n",
    }
    text = "- fine item\n- Bad item\n\n| NAME | Age |\n|---|---|\n| Ann | 3 |\n\n> lower start\n"
    found = style_lint(rules, text)
    assert where(found, text) == [
        ("Test.Lower", 2, 3, "Bad item"),
        ("Test.Upper", 4, 10, "Age"),
        ("Test.Pattern", 8, 3, "lower start"),
    ]
