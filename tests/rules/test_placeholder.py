"""NL205 placeholder: placeholders and production notes left in the copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.testing import run_rule

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seeds" / "000_66e5290f122a3e84.txt"


def found(text: str, **kwargs) -> list[str]:
    """Return the flagged text of each finding, checking code and severity."""
    findings = run_rule("placeholder", text, **kwargs)
    assert all(f.code == "NL205" and f.severity.value == "error" for f in findings)
    return [text[f.start : f.end] for f in findings]


BAD = [
    ("The mayor, TK, said the plan would work.", ["TK"]),
    ("The fire began at TKTK on Monday.", ["TKTK"]),
    ("The fire began at TK TK on Monday.", ["TK TK"]),
    # TK before a capitalised word, outside a name
    ("The deal was signed, said TK Mr Jones.", ["TK"]),
    ("In TK London, the rain fell.", ["TK"]),
    # editors' markers
    ("The toll rose to TODO check figure on Monday.", ["TODO"]),
    ("FIXME: the quote needs a source.", ["FIXME"]),
    ("The match kicks off at TBC on Friday.", ["TBC"]),
    ("The TBC date was set (TODO).", ["TBC", "TODO"]),
    # XXX standing for a number or a word in running text
    ("About XXX staff lost their jobs.", ["XXX"]),
    ("The firm failed in December XXX after a loss.", ["XXX"]),
    ("Prices in the XXX economy rose.", ["XXX"]),
    ("Eight players - XXX players out of 31 - were hurt.", ["XXX"]),
    ("Police said tktk people were hurt.", ["tktk"]),
    ("The fire killed XX people.", ["XX"]),
    ("The fire killed XXX people on XX March.", ["XXX", "XX"]),
    ("Profits rose XX% to £XXm, or $XX.Xbn.", ["XX%", "£XXm", "$XX.Xbn"]),
    ("Sales rose by XX per cent.", ["XX per cent"]),
    # xx in lower case before what counts or measures
    ("The fire killed xx people, police said.", ["xx"]),
    ("Prices rose by xx per cent last year.", ["xx"]),
    ("Sales rose xx% in May.", ["xx%"]),
    ("It took xx years to build the bridge.", ["xx"]),
    ("About xx homes were flooded.", ["xx"]),
    ("Tickets cost £xx each.", ["£xx"]),
    ("The deal was signed [TK].", ["[TK]"]),
    ("The deal was signed on Monday [CHECK].", ["[CHECK]"]),
    ("The deal was signed on Monday [check date with desk].", ["[check date with desk]"]),
    ("[INSERT QUOTE FROM MAYOR] The deal was signed.", ["[INSERT QUOTE FROM MAYOR]"]),
    ("The minister [CONFIRM] resigned [TBC].", ["[CONFIRM]", "[TBC]"]),
    ("About [XX] people came.", ["[XX]"]),
    (
        "[EDITOR'S NOTE: this story has been updated] The talks resumed.",
        ["[EDITOR'S NOTE: this story has been updated]"],
    ),
    ("[Editor’s note: names changed] He left.", ["[Editor’s note: names changed]"]),
    ("[Note: check spelling] He left.", ["[Note: check spelling]"]),
    ("The mayor spoke on Monday [Image by City Hall]", ["[Image by City Hall]"]),
    ("The mayor spoke on Monday. [Photo: Jane Smith/Agency]", ["[Photo: Jane Smith/Agency]"]),
    ("The mayor spoke on Monday. [Picture: Agency]", ["[Picture: Agency]"]),
    ("The mayor spoke on Monday. [Credit Jane Smith]", ["[Credit Jane Smith]"]),
    ("The mayor spoke on Monday. [Photo]", ["[Photo]"]),
    ("Lorem ipsum dolor sit amet.", ["Lorem ipsum"]),
    # an image's alt text is prose in plain text too
    ("![The mayor [Image by City Hall]](https://example.com/a.jpg)", ["[Image by City Hall]"]),
    # an emoji and CRLF before the slip
    ("🎉 Party\r\nThe mayor, TK, spoke.", ["TK"]),
    # TKs on two lines are two placeholders, whatever ends the line
    ("I said TK\nTK again, TK TK.", ["TK", "TK", "TK TK"]),
    ("I said TK\r\nTK again.", ["TK", "TK"]),
]


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_bad(text: str, expected: list[str]) -> None:
    assert found(text) == expected


GOOD = [
    # lower-case xx that stands for no number: a domain, kisses, a band, a chromosome
    "A .xxx domain for adult sites was approved.",
    "Love you, xx",
    '"See you soon xx" she wrote.',
    "Mum xx loves cakes, the card said.",
    "She signed off xx and left.",
    "The note read: love you lots, xx was all it said.",
    "The xx chromosomes differ.",
    # TK inside words and names
    "He won by a TKO, Atkins said, at TK Maxx.",
    "Tim TK Kane scored twice.",
    "The team: Horgan, TBC, Hickie.",
    'The "TODO" app and the todo list are names; so is TODOS.',
    "The film XXX: State of the Union opened. He starred in XXX.",
    "Vin Diesel's XXX was a hit, as was Channel XXX and his band XXX and the XXX-rated cut.",
    "The TK-421 unit and the Tk toolkit.",
    "Tim 'TK' Kane and Tom \"TK\" Kerr and Ted ‘TK’ Kay scored.",
    # XX as a Roman numeral, a title or biology
    "Super Bowl XXX was held in Arizona, and Pope Pius XX did not exist.",
    "Films on the tablet. They are: XXX, Casablanca and Jaws.",
    "The film XXX was a hit.",
    "Women have an XX chromosome pair.",
    "The magazine XXL said so.",
    "She signed her text xx.",
    # editorial insertions in quotations
    'He said: "He [Putin] will not [the] decision [sic] accept."',
    '"We [the club] checked [his] photo," he said.',
    "The report [photos of the scene] was released.",
    "[Update: the company has since responded.]",
]


@pytest.mark.parametrize("text", GOOD)
def test_good(text: str) -> None:
    assert found(text) == []


def test_markdown_inline_code_is_not_prose() -> None:
    assert found("Set `TK` and `[CHECK]` in the config.", format="markdown") == []
    assert found("The mayor, TK, said [CHECK] it.", format="markdown") == ["TK", "[CHECK]"]


def test_markdown_html_comment_is_not_prose() -> None:
    assert found("The deal was signed.<!-- TK check date -->", format="markdown") == []


def test_message_position_and_no_fix() -> None:
    text = "Intro.\n\nThe fire killed XX people."
    (finding,) = run_rule("placeholder", text)
    assert finding.message == "placeholder left in the copy: 'XX'"
    assert (finding.line, finding.column) == (3, 17)
    assert finding.fix is None


@pytest.mark.skipif(not SEED.is_file(), reason="../shared seeds not available")
def test_seed_image_credit_twice() -> None:
    text = SEED.read_text(encoding="utf-8")
    findings = run_rule("placeholder", text)
    # Line 1 holds it inside an image's alt text, line 2 in the body: the same bracketed
    # credit, "[Image by " and a publication's name (six words, 34 characters with the
    # brackets), not quoted here since the seed's text stays in the seed.
    assert [(f.line, f.column, f.end - f.start) for f in findings] == [(1, 175, 34), (2, 173, 34)]
    first, second = (text[f.start : f.end] for f in findings)
    assert first == second and first.startswith("[Image by ") and first.endswith("]")


@pytest.mark.parametrize("pattern", ["the XXX economy ", "[TK] TK Mr Jones said "])
def test_linear_time(pattern: str, growth) -> None:
    assert growth("placeholder", pattern) < 6
