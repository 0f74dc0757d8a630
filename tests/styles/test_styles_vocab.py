"""Vocabularies: accepted terms are exceptions everywhere (built-in rules too), in their exact case;
rejected terms are errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from style_helpers import style_lint_fixture, where  # noqa: F401 - the fixture is used by name

from newslint.document import Document
from newslint.styles.errors import StyleError
from newslint.styles.vocab import AcceptedTerms, drop_accepted, load_vocab
from newslint.testing import run_rule

KIEV = """
    extends: existence
    message: "Avoid '%s'"
    ignorecase: true
    tokens: [kiev, Isis]
    """


def test_accepted_terms_are_exceptions_and_are_enforced_in_their_case(style_lint) -> None:
    text = "Dynamo Kiev won. Isis fled. kyiv and KYIV are wrong; Kyiv is right.\n"
    found = style_lint({"Old": KIEV}, text, format="text", accept=["Kyiv", "Dynamo Kiev"])
    assert where(found, text) == [
        ("Test.Old", 1, 18, "Isis"),
        ("Vale.Terms", 1, 29, "kyiv"),
        ("Vale.Terms", 1, 38, "KYIV"),
    ]
    assert found[1].message == "Use 'Kyiv' instead of 'kyiv'."
    assert found[1].fix is not None and found[1].fix.text == "Kyiv"


def test_a_lower_case_term_may_open_a_sentence(style_lint) -> None:
    text = "Al-Qaeda denied it. Officials said Al-Qaeda and al-Qaeda differ.\n"
    found = style_lint({"Old": KIEV}, text, format="text", accept=["al-Qaeda"])
    assert where(found, text) == [("Vale.Terms", 1, text.index("Al-Qaeda and") + 1, "Al-Qaeda")]


def test_case_insensitive_and_regex_entries(style_lint) -> None:
    text = "WhatsApp, WHATSAPP and Observability but OBSERVABILITY.\n"
    found = style_lint({"Old": KIEV}, text, format="text", accept=["(?i)whatsapp", "[Oo]bservability"])
    assert where(found, text) == [("Vale.Terms", 1, 42, "OBSERVABILITY")]
    assert found[0].fix is None  # the entry is a pattern, not text to write


def test_rejected_terms_are_errors(style_lint) -> None:
    text = "Troops left the Ukraine. Ukraine is the name.\n"
    found = style_lint({"Old": KIEV}, text, format="text", reject=["the Ukraine"])
    assert where(found, text) == [("Vale.Avoid", 1, 13, "the Ukraine")]
    assert found[0].severity.value == "error" and found[0].message == "Avoid using 'the Ukraine'."


@pytest.mark.parametrize(
    "rule, text, term, options",
    [
        ("repeated-word", "Police found dum dum bullets at the house.", "dum dum", {}),
        (
            "spelling-variant",
            "The organisation said its programme on color theory would run.",
            "color theory",
            {"dialect": "en-GB"},
        ),
        ("joined-words", "She reported it to theGovernment helpline at once.", "theGovernment", {}),
    ],
)
def test_built_in_findings_inside_accepted_terms_are_dropped(rule: str, text: str, term: str, options: dict) -> None:
    findings = run_rule(rule, text, options=options)
    assert findings, f"{rule} should fire on the text"
    document = Document(text, "test.txt")
    assert drop_accepted(document, findings, AcceptedTerms([term])) == []
    # Exact case: the same words in another case are not accepted.
    assert drop_accepted(document, findings, AcceptedTerms([term.upper()])) == findings


def test_load_vocab_skips_comments_and_refuses_bad_regex(tmp_path: Path) -> None:
    folder = tmp_path / "News"
    folder.mkdir()
    (folder / "accept.txt").write_text("# names\nKyiv\n\n  Volodymyr Zelensky  \n", encoding="utf-8")
    (folder / "reject.txt").write_text("the Ukraine\n", encoding="utf-8")
    vocab = load_vocab(folder)
    assert vocab.accept == ("Kyiv", "Volodymyr Zelensky") and vocab.reject == ("the Ukraine",)
    (folder / "reject.txt").write_text("fine\n(?U)lazy\n", encoding="utf-8")
    with pytest.raises(StyleError, match=r"reject\.txt:2: .*\(\?U\)"):
        load_vocab(folder)
