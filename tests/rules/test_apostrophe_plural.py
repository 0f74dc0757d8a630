"""NL105 apostrophe-plural: greengrocer's apostrophes in decades and abbreviations."""

from __future__ import annotations

import pytest

from newslint.testing import run_rule


def apply_fixes(text: str, findings, unsafe: bool = False) -> str:
    """Apply the fixes (safe ones, or all with ``unsafe``), from the end backwards."""
    for finding in sorted(findings, key=lambda f: f.fix.start, reverse=True):
        if finding.fix.safe or unsafe:
            text = text[: finding.fix.start] + finding.fix.text + text[finding.fix.end :]
    return text


BAD = [
    # (text, flagged, text with every fix applied)
    ("Prices fell in the 1990's.", ["1990's"], "Prices fell in the 1990s."),
    ("It was big in the early 1980's and 1990's.", ["1980's", "1990's"], "It was big in the early 1980s and 1990s."),
    ("It was big in the mid 1800’s.", ["1800’s"], "It was big in the mid 1800s."),
    ("A hit of the '90's and the ’60’s.", ["'90's", "’60’s"], "A hit of the '90s and the ’60s."),
    # a two-digit decade after "the" or a possessive, or chained; a four-digit one ending its clause
    ("Crime fell in the 90's and the mid-80's.", ["90's", "80's"], "Crime fell in the 90s and the mid-80s."),
    (
        "She is in her 90's, and in the 70's and 80's she sang.",
        ["90's", "70's", "80's"],
        "She is in her 90s, and in the 70s and 80s she sang.",
    ),
    ("The railway opened in 1880's.", ["1880's"], "The railway opened in 1880s."),
    # abbreviations, by the article's own plural
    ("MP's voted for it. Other MPs did not.", ["MP's"], "MPs voted for it. Other MPs did not."),
    (
        "The MPs met. Later the MP's said no, and the CEOs left.",
        ["MP's"],
        "The MPs met. Later the MPs said no, and the CEOs left.",
    ),
    ("The MPs met the MP’s.", ["MP’s"], "The MPs met the MPs."),
    # a number or a plural quantifier before it: a plural even without the plain form
    ("Two MP's said no and several CD's were sold.", ["MP's", "CD's"], "Two MPs said no and several CDs were sold."),
    ("We sold 200 DVD's in May.", ["DVD's"], "We sold 200 DVDs in May."),
    (
        "Dozens of MP's signed, and hundreds of GP's quit.",
        ["MP's", "GP's"],
        "Dozens of MPs signed, and hundreds of GPs quit.",
    ),
    # read as a plural: a determiner, a pronoun or a past tense after it, or no singular
    # determiner before another word
    (
        "Mr Davis told MP's the plan had failed. MPs agreed.",
        ["MP's"],
        "Mr Davis told MPs the plan had failed. MPs agreed.",
    ),
    ("It will ship PSP's it has made. PSPs sell.", ["PSP's"], "It will ship PSPs it has made. PSPs sell."),
    ("It came after MEP's voted to delay it. MEPs met.", ["MEP's"], "It came after MEPs voted to delay it. MEPs met."),
    ("These are pledges MP's make. MPs agree.", ["MP's"], "These are pledges MPs make. MPs agree."),
]


@pytest.mark.parametrize("text, flagged, fixed", BAD)
def test_reports(text: str, flagged: list[str], fixed: str) -> None:
    findings = run_rule("apostrophe-plural", text)
    assert [f.code for f in findings] == ["NL105"] * len(flagged)
    assert [text[f.start : f.end] for f in findings] == flagged
    assert apply_fixes(text, findings, unsafe=True) == fixed


# Paragraphs are only scanned for abbreviations where a capital stands before 's, and
# the plain plural must stand as a word of its own.
SCREENED = [
    ("The boss's aides and two MP's met.", ["MP's"]),  # past a first 's after a lower-case letter
    ("The boss’s aides and the MP’s were told. MPs agreed.", ["MP’s"]),
    ("Rain.\n\nMP's voted for it. Other MPs did not.", ["MP's"]),  # at a paragraph's start
    ("MP's voted for it. Other 2MPs did not.", []),  # not the plain plural: part of a token
    ("MP's voted for it. Other MPs_ did not.", []),
]


@pytest.mark.parametrize("text, flagged", SCREENED)
def test_screened(text: str, flagged: list[str]) -> None:
    assert [text[f.start : f.end] for f in run_rule("apostrophe-plural", text)] == flagged


def test_decade_fix_is_safe_abbreviation_fix_is_not() -> None:
    text = "In the 1990's, MP's voted for it. Other MPs did not."
    findings = run_rule("apostrophe-plural", text)
    assert [f.fix.safe for f in findings] == [True, False]
    assert apply_fixes(text, findings) == "In the 1990s, MP's voted for it. Other MPs did not."
    assert [f.message for f in findings] == [
        "apostrophe in the decade '1990's': write '1990s'",
        "apostrophe in the plural 'MP's': write 'MPs' (the article writes 'MPs')",
    ]


GOOD = [
    # the possessive of a year, or of a decade used as a name
    "1990's budget was the biggest. In 1980's elections it fell.",
    "The record stands at 1997's. Fifty 90's were scored, and the 1990 team won.",  # no decade
    "In the 1990s and the '80s it rose.",
    # possessives of abbreviations
    "The MP's office said MPs were away.",
    "The BBC's chief and NATO's view. The US's role, the CEO's pay and the CEOs.",
    "Nearly a third of all IBM's staff were moved.",
    "A senior Labour MP's seat was lost, and the MP's office said MPs were away.",
    # without the article's plain plural or a number, MP's is left alone
    "The MP's were away.",
    # letters keep their apostrophe
    "Mind your p's and q's; she got A's and B's.",
]


@pytest.mark.parametrize("text", GOOD)
def test_accepts(text: str) -> None:
    assert run_rule("apostrophe-plural", text) == []


def test_decade_before_a_name_gets_a_suggestion() -> None:
    # "The 1990's World Cup" wants "the 1990 World Cup" or "the 1990s": not a safe edit.
    text = "The 1990's World Cup was in Italy."
    (finding,) = run_rule("apostrophe-plural", text)
    assert text[finding.start : finding.end] == "1990's" and not finding.fix.safe


def test_positions_after_emoji_and_crlf() -> None:
    text = "🎉 One line.\r\n\r\nIn the 1990's it rose.\r\n"
    (finding,) = run_rule("apostrophe-plural", text)
    assert (finding.line, finding.column, text[finding.start : finding.end]) == (3, 8, "1990's")


def test_an_apostrophe_written_as_a_character_reference_in_html() -> None:
    # Every apostrophe of the file is a reference: the slip is only in the prose.
    text = "<p>Sales of the 1990&#8217;s rose.</p>\n"
    (finding,) = run_rule("apostrophe-plural", text, format="html", path="test.html")
    assert text[finding.start : finding.end] == "1990&#8217;s"
    assert finding.fix is None  # the reference is markup: no safe edit of one character
