"""substitution rules: swaps, longest key first, captures, case, exceptions, fixes."""

from __future__ import annotations

from style_helpers import style_lint_fixture, where  # noqa: F401 - the fixture is used by name

PER_CENT = """
    extends: substitution
    message: "Use '%s' instead of '%s'."
    level: warning
    ignorecase: true
    swap:
      percent: per cent
      per-cent: per cent
    """


def test_swap_reports_expected_and_observed(style_lint) -> None:
    text = "Prices rose 5 percent, or five per-cent, or 5 per cent.\n"
    found = style_lint({"PerCent": PER_CENT}, text, format="text")
    assert where(found, text) == [("Test.PerCent", 1, 15, "percent"), ("Test.PerCent", 1, 32, "per-cent")]
    assert found[0].message == "Use 'per cent' instead of 'percent'."
    assert found[0].fix is not None and (found[0].fix.text, found[0].fix.safe) == ("per cent", True)


def test_a_fix_that_would_lose_a_capital_is_only_suggested(style_lint) -> None:
    text = "Percent is the word.\n"
    fix = style_lint({"PerCent": PER_CENT}, text, format="text")[0].fix
    assert fix is not None and (fix.text, fix.safe) == ("per cent", False)


def test_capitalize_keeps_the_capital_in_the_suggestion(style_lint) -> None:
    rule = PER_CENT.rstrip() + "\n    capitalize: true\n"
    found = style_lint({"PerCent": rule}, "Percent is the word.\n", format="text")
    assert found[0].message == "Use 'Per cent' instead of 'Percent'."
    assert found[0].fix is not None and (found[0].fix.text, found[0].fix.safe) == ("Per cent", True)


def test_vale_capture_group_example(style_lint) -> None:
    # Vale 3.7's example: "within the (.*)?directory" -> "in the $1 directory".
    rule = """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        ignorecase: true
        swap:
          "within the (.*)?directory": in the $1 directory
        """
    text = "Save it within the home directory.\n"
    found = style_lint({"Dir": rule}, text, format="text")
    assert where(found, text) == [("Test.Dir", 1, 9, "within the home directory")]
    # (.*)? takes "home " with its space, so the space is doubled, as Vale does it.
    assert found[0].message == "Use 'in the home  directory' instead of 'within the home directory'."


def test_swaps_with_captures_see_the_text_around_the_match(style_lint) -> None:
    rule = """
        extends: substitution
        message: "Write '%s', not '%s'."
        nonword: true
        swap:
          '\\b(Mr|Mrs|Dr)\\.(?= \\p{Lu})': '$1'
          '(\\d{1,2})(?:st|nd|rd|th) (March|May)': '$1 $2'
        """
    text = "Mr. Smith met Dr. Jones on the 3rd March. Mr. and Mrs. left.\n"
    found = style_lint({"Stops": rule}, text, format="text")
    assert where(found, text) == [
        ("Test.Stops", 1, 1, "Mr."),
        ("Test.Stops", 1, 15, "Dr."),
        ("Test.Stops", 1, 32, "3rd March"),
    ]
    assert [f.message for f in found] == [
        "Write 'Mr', not 'Mr.'.",
        "Write 'Dr', not 'Dr.'.",
        "Write '3 March', not '3rd March'.",
    ]
    assert [f.fix.text for f in found if f.fix] == ["Mr", "Dr", "3 March"]


def test_longest_key_wins_and_the_right_form_is_left_alone(style_lint) -> None:
    rule = """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        swap:
          Kiev: Kyiv
          Kiev Oblast: Kyiv Oblast
          Kyiv: Kyiv
        """
    text = "Kiev Oblast and Kiev, but Kyiv is right.\n"
    found = style_lint({"Kyiv": rule}, text, format="text")
    assert where(found, text) == [("Test.Kyiv", 1, 1, "Kiev Oblast"), ("Test.Kyiv", 1, 17, "Kiev")]


def test_exceptions_and_case_insensitive_match(style_lint) -> None:
    rule = """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        ignorecase: true
        exceptions: [Chicken Kiev, Dynamo Kiev]
        swap:
          kiev: Kyiv
        """
    text = "KIEV fell. Dynamo Kiev won. We ate chicken Kiev in kiev.\n"
    found = style_lint({"Kyiv": rule}, text, format="text")
    # The phrase exception is compared without case, as Vale does.
    assert [text[f.start : f.end] for f in found] == ["KIEV", "kiev"]


def test_several_options_make_an_unsafe_fix_and_a_listed_message(style_lint) -> None:
    rule = """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        action: {name: replace}
        swap:
          utilise: use|employ
        """
    found = style_lint({"Plain": rule}, "We utilise it.\n", format="text")
    assert found[0].message == "Use 'use' or 'employ' instead of 'utilise'."
    assert found[0].fix is not None and (found[0].fix.text, found[0].fix.safe) == ("use", False)


def test_regex_value_is_a_pattern_not_a_fix(style_lint) -> None:
    rule = """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        swap:
          'e-?mails?': '[Ee]mails?'
        """
    text = "Send emails and e-mail.\n"
    found = style_lint({"Email": rule}, text, format="text")
    assert [text[f.start : f.end] for f in found] == ["e-mail"]
    assert found[0].fix is None
