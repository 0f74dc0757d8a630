"""NL302 name-variant: one person's name spelt two ways in one article."""

from __future__ import annotations

from pathlib import Path

import pytest
from newslint.rules.name_variant import name_variant

from newslint.testing import run_rule, spans

HERE = Path(__file__).resolve()
FIXTURE = str(HERE.parents[1] / "fixtures" / "world.yaml")
OPTIONS = {"knowledge": [FIXTURE]}
CORPUS = HERE.parents[3] / "shared" / "corpus" / "bbc"


def check(text: str, fmt: str = "text"):
    return run_rule("name-variant", text, format=fmt, options=OPTIONS)


BAD = [
    # (text, flagged spans, first message, first fix)
    (
        "Volodymyr Zelenskyy spoke. Later Zelensky said no. Zelenskyy's aides agreed.",
        ["Zelensky"],
        "'Zelensky' is spelt 'Zelenskyy' elsewhere in this article (2 times): 'Zelenskyy'",
        "Zelenskyy",
    ),
    # a tie: the later spelling is reported, respelt word by word
    (
        "Zelensky spoke first. Then Volodymyr Zelenskyy said no.",
        ["Volodymyr Zelenskyy"],
        "'Volodymyr Zelenskyy' is spelt 'Zelensky' elsewhere in this article (once): 'Volodymyr Zelensky'",
        "Volodymyr Zelensky",
    ),
    (
        "Zelenskiy met aides. Zelensky, Zelensky and Zelensky again.",
        ["Zelenskiy"],
        "'Zelenskiy' is spelt 'Zelensky' elsewhere in this article (3 times): 'Zelensky'",
        "Zelensky",
    ),
    (
        "Gerhard Schroeder met Gerhard Schröder’s aides. Schröder left.",
        ["Gerhard Schroeder"],
        "'Gerhard Schroeder' is spelt 'Gerhard Schröder' elsewhere in this article (2 times): 'Gerhard Schröder'",
        "Gerhard Schröder",
    ),
    (
        'Volodymyr Zelenskyy arrived.\r\n\r\n"We will win," Zelensky said. 🇺🇦 Zelenskyy left.',
        ["Zelensky"],
        "'Zelensky' is spelt 'Zelenskyy' elsewhere in this article (2 times): 'Zelenskyy'",
        "Zelenskyy",
    ),
]


@pytest.mark.parametrize("text, flagged, message, fix", BAD, ids=lambda v: str(v)[:30])
def test_reports_the_minority_spelling(text, flagged, message, fix):
    findings = check(text)
    assert spans(findings, text) == flagged
    assert findings[0].code == "NL302" and findings[0].severity.value == "warning"
    assert findings[0].message == message
    assert findings[0].fix.text == fix and findings[0].fix.safe is False
    assert (findings[0].fix.start, findings[0].fix.end) == (findings[0].start, findings[0].end)


GOOD = [
    "Volodymyr Zelenskyy spoke. Zelenskyy's aides agreed. Zelenskyy left.",
    "Xi Jinping met Xi.",  # a shorter form is not a variant
    "George W. Bush met George W Bush.",  # full stops are not spelling
    "Zelenskyyville is a made-up town; Zelensky spoke.",  # part of a longer word
    "President Bush met Bush.",  # two Presidents Bush: shared spellings count for neither
    "Abu Mazen, as many call Mahmoud Abbas, spoke.",  # another name, not another spelling
]


@pytest.mark.parametrize("text", GOOD, ids=lambda v: v[:30])
def test_leaves_consistent_spelling_alone(text):
    assert check(text) == []


def test_markdown_offsets_map_back_to_the_file():
    text = "# Zelenskyy visits\n\n*Zelensky* met Volodymyr Zelenskyy in `code` and [Zelenskyy](http://x.test).\n"
    findings = check(text, fmt="markdown")
    assert spans(findings, text) == ["Zelensky"]
    assert findings[0].line == 3 and findings[0].column == 2


def test_an_extra_file_adds_spellings(tmp_path):
    extra = tmp_path / "people.yaml"
    extra.write_text(
        "checked: 2025-06-30\ncountries:\n  XC:\n    name: Casterbridge\n    forms: [Casterbridge]\n"
        "    offices:\n      mayor:\n        titles: [Mayor]\n        holders:\n"
        "          - [Anna Kowalska, 2019-05-01, null]\npeople:\n  Anna Kowalska: [Anna Kovalska]\n",
        encoding="utf-8",
    )
    text = "Anna Kowalska spoke. Kowalska agreed. Later Anna Kovalska left."
    findings = run_rule("name-variant", text, options={"knowledge": [str(extra)]})
    assert spans(findings, text) == ["Anna Kovalska"]
    assert findings[0].fix.text == "Anna Kowalska"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")
def test_no_finding_on_the_bbc_corpus():
    found = []
    for path in sorted(CORPUS.glob("*/*.txt")):
        findings = run_rule(name_variant, path.read_text(encoding="utf-8"))
        found.extend(f"{path.name}:{f.line}: {f.message}" for f in findings)
    assert found == []


# Heads that start with a lower-case letter (al-, el-, von) are looked for by the
# strings that open their spellings, the others by a scan of capitals; every spelling
# must stand at a word start and end with its word.
LOWER_HEADS = (
    "checked: 2025-06-30\ncountries:\n  XC:\n    name: Casterbridge\n    forms: [Casterbridge]\n"
    "    offices:\n      mayor:\n        titles: [Mayor]\n        holders:\n"
    "          - [Karim al-Rashid, 2019-05-01, null]\npeople:\n  Karim al-Rashid: [Karim el-Rashid, el-Rashid]\n"
    "  Hans von Aldorf: [Hans von Aldorff, von Aldorf, von Aldorff]\n"
)


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Karim al-Rashid spoke. Later al-Rashid said no. Then el-Rashid left.", ["el-Rashid"]),
        ("Karim al-Rashid spoke. xel-Rashid, O'el-Rashid, 2el-Rashid, -el-Rashid and el-Rashidi left.", []),
        ("Hans von Aldorf spoke. Aldorf agreed.\n\nvon Aldorff replied.", ["von Aldorff"]),
        ("Hans von Aldorf spoke. Aldorf agreed. Hans von Aldorff's aide left.", ["Hans von Aldorff"]),
    ],
)
def test_spellings_found_at_word_starts_whatever_their_first_letter(tmp_path, text, flagged):
    extra = tmp_path / "people.yaml"
    extra.write_text(LOWER_HEADS, encoding="utf-8")
    assert spans(run_rule("name-variant", text, options={"knowledge": [str(extra)]}), text) == flagged
