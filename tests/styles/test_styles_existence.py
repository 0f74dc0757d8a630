"""existence rules: tokens word-bounded (or not), raw patterns, exceptions, case, actions."""

from __future__ import annotations

from style_helpers import style_lint_fixture, where  # noqa: F401 - the fixture is used by name

CLICHES = """
    extends: existence
    message: "Consider removing '%s'"
    level: warning
    ignorecase: true
    tokens:
      - appears to be
      - arguably
    """


def test_vale_documentation_example(style_lint) -> None:
    # The tokens become (?i)(?m)\b(?:appears to be|arguably)\b, as Vale's documentation says.
    text = "It appears to be fine.\nArguably, it is not; ARGUABLY even worse.\n"
    found = style_lint({"Weasel": CLICHES}, text, format="text")
    assert where(found, text) == [
        ("Test.Weasel", 1, 4, "appears to be"),
        ("Test.Weasel", 2, 1, "Arguably"),
        ("Test.Weasel", 2, 22, "ARGUABLY"),
    ]
    assert found[0].message == "Consider removing 'appears to be'"
    assert found[0].rule == "Weasel" and found[0].severity.value == "warning"


def test_word_boundaries_unless_nonword(style_lint) -> None:
    text = "The Isisford mayor. Isis claimed it.\n"
    bounded = style_lint({"IS": "extends: existence\nmessage: x\ntokens: [Isis]\n"}, text, format="text")
    assert where(bounded, text) == [("Test.IS", 1, 21, "Isis")]
    loose = style_lint({"IS": "extends: existence\nmessage: x\nnonword: true\ntokens: [Isis]\n"}, text, format="text")
    assert [text[f.start : f.end] for f in loose] == ["Isis", "Isis"]


def test_case_sensitive_by_default_and_exceptions_as_phrases(style_lint) -> None:
    rule = """
        extends: existence
        message: "Call it Islamic State, not '%s'"
        level: error
        exceptions: [River Isis]
        tokens: [Isis, ISIS]
        """
    text = "Isis fighters fled. The River Isis rose. isis is lower case. ISIS again.\n"
    found = style_lint({"IS": rule}, text, format="text")
    assert where(found, text) == [("Test.IS", 1, 1, "Isis"), ("Test.IS", 1, 62, "ISIS")]
    assert found[0].severity.value == "error"


def test_ignorecase_with_exceptions(style_lint) -> None:
    rule = """
        extends: existence
        message: "'%s'"
        ignorecase: true
        exceptions: [Slam Dunk]
        tokens: ['slams?']
        """
    text = "Minister slams plan. The Slam Dunk contest. SLAM.\n"
    found = style_lint({"Tabloid": rule}, text, format="text")
    assert [text[f.start : f.end] for f in found] == ["slams", "SLAM"]


def test_raw_is_concatenated_and_append_puts_it_after_the_tokens(style_lint) -> None:
    raw = """
        extends: existence
        message: "'%s' needs a space"
        raw:
          - '\\d+'
          - '(?:km|kg)\\b'
        """
    text = "A 12km walk and a 5 kg bag.\n"
    assert where(style_lint({"Units": raw}, text, format="text"), text) == [("Test.Units", 1, 3, "12km")]
    appended = """
        extends: existence
        message: "'%s'"
        append: true
        tokens: [about]
        raw: ['\\s\\d+']
        """
    text = "about 40 people, about forty\n"
    assert where(style_lint({"About": appended}, text, format="text"), text) == [("Test.About", 1, 1, "about 40")]


def test_message_gets_the_token_groups_after_the_match(style_lint) -> None:
    rule = """
        extends: existence
        message: "'%s': write '%s' without the stop"
        nonword: true
        tokens: ['\\b(Mr|Dr)\\.']
        """
    text = "Dr. Who\n"
    assert style_lint({"Stops": rule}, text, format="text")[0].message == "'Dr.': write 'Dr' without the stop"


def test_remove_action_gives_a_safe_fix(style_lint) -> None:
    rule = """
        extends: existence
        message: "Headings take no full stop"
        nonword: true
        scope: heading
        action: {name: remove}
        tokens: ['\\.$']
        """
    text = "# Floods hit the north.\n\nThe rain fell.\n"
    found = style_lint({"Stop": rule}, text)
    assert where(found, text) == [("Test.Stop", 1, 23, ".")]
    assert found[0].fix is not None and found[0].fix.text == "" and found[0].fix.safe


def test_matches_in_markdown_map_back_to_the_file(style_lint) -> None:
    rule = "extends: existence\nmessage: x\ntokens: [arguably]\n"
    text = "Some *emphasis* and `code arguably` then [a link](http://x.org/arguably) arguably.\n"
    # Inline code and link destinations are not prose; the last one is.
    assert where(style_lint({"W": rule}, text), text) == [("Test.W", 1, 74, "arguably")]
