"""NL201 missing-space: sentences run together without a space."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.testing import run_rule

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seeds" / "002_fc1ffe9e9bacc26a.txt"


def found(text: str, **kwargs) -> list[str]:
    """Return the flagged text of each finding, checking code and severity."""
    findings = run_rule("missing-space", text, **kwargs)
    assert all(f.code == "NL201" and f.severity.value == "warning" for f in findings)
    return [text[f.start : f.end] for f in findings]


def fixed(text: str, **kwargs) -> str:
    """Apply every fix (safe or not) of the rule to ``text``."""
    findings = run_rule("missing-space", text, **kwargs)
    for f in sorted(findings, key=lambda f: f.fix.start, reverse=True):
        text = text[: f.fix.start] + f.fix.text + text[f.fix.end :]
    return text


BAD = [
    ("The vote was close.Ministers said nothing.", ["close.Ministers"]),
    ("Was it worth it?Nobody knows.", ["it?Nobody"]),
    ("We won!Fans poured on to the pitch.", ["won!Fans"]),
    ('She called it "a farce".The minister left.', ['farce".The']),
    ('He spoke to the UK."We will go on," he said.', ['UK."We']),
    ('It was "a good day."Then it rained.', ['day."Then']),
    ("It was agreed (in the end).The deal holds.", ["end).The"]),
    ("How long will it last?)They did not say.", ["last?)They"]),
    ("The bank said so.I think not.", ["so.I"]),
    ("It rained.I'm staying in.", ["rained.I'm"]),
    ("Sales rose in 2004.The firm was pleased.", ["2004.The"]),
    # an amount or capital initials before the stop, whose own dots hide the slip
    ("Sales rose by 4.5%.The firm was pleased.", ["4.5%.The"]),
    ("It cost £4.5m.The firm paid.", ["£4.5m.The"]),
    # ... or a score
    ("United won 2-1.Arsenal had led at half-time.", ["2-1.Arsenal"]),
    ("They won 3–0.The fans cheered.", ["3–0.The"]),
    ("Profits hit $2.5bn.But shares fell.", ["$2.5bn.But"]),
    ("Sales rose in the U.S.The firm was pleased.", ["U.S.The"]),
    ("He left the U.K.In June he came back.", ["U.K.In"]),
    ("The album sold well in the U.S.Although it was late, fans came.", ["U.S.Although"]),
    ("Stores opened across the U.K.Many of them closed by May.", ["U.K.Many"]),
    ("Prices rose in the U.S.By March they had doubled.", ["U.S.By"]),
    # after a country's initials, a word the article uses on its own elsewhere
    ("Sales fell in the U.K.Brennan said trade would pick up. Brennan was calm.", ["U.K.Brennan"]),
    ("It was valued at £2.4bn.Dublin-based Corrib said no.", ["£2.4bn.Dublin"]),
    # a longer score, a number grouped with commas, any number before a sentence opener
    ("They were 362-9.Smith scored the winning run.", ["362-9.Smith"]),
    ("The crowd was 18,000.Stewards kept order.", ["18,000.Stewards"]),
    ("The crowd numbered 36.The stewards left early.", ["36.The"]),
    ("It ran iOS 17.Then it crashed.", ["17.Then"]),
    # a time before the stop, and a capitalised word before '!' when a sentence opener follows
    ("The train left at 10.30.Police arrived later.", ["10.30.Police"]),
    ("It left at 10:30.The crowd waited.", ["10:30.The"]),
    ("Gold!The rowers won again.", ["Gold!The"]),
    # a name written solid after a plain lower-case word: the next sentence's subject
    ("He gave back the money.DeWine said nothing.", ["money.DeWine"]),
    ("Sales rose in the quarter.McDonald's shares fell.", ["quarter.McDonald's"]),
    ("It topped the results.YouTube said so.", ["results.YouTube"]),
    # initials or a dotted abbreviation of single letters before any capitalised word:
    # a name that lost its space as much as a sentence that did
    ("Shares in U.S.Steel and the U.S.Army rose.", ["U.S.Steel", "U.S.Army"]),
    ("Shares in the U.S.Steel group rose.", ["U.S.Steel"]),
    ("The author J.K.Rowling and (J.R.R.Tolkien) were named.", ["J.K.Rowling", "J.R.R.Tolkien"]),
    ("The talks ended at 10 a.m.Nobody came.", ["a.m.Nobody"]),
    ("Take a capital, e.g.Paris, then leave.", ["e.g.Paris"]),
    # a bracket holding dots: nothing runs on through it
    ("Profit was £172m ($311.4m).Irene Dale said so.", ["4m).Irene"]),
    ("Read it at (news.bbc.co.uk).The site is free.", ["uk).The"]),
    # a year before a lower-case second half
    ("Sales rose in 2019.the firm was pleased.", ["2019.the"]),
    # abbreviations are matched as written: 'sat' and 'no' are words here
    ("He sat.The crowd stood.", ["sat.The"]),
    ('He replied, "No."Then he left.', ['No."Then']),
    ("The club's fans were angry.It's over.", ["angry.It's"]),
    ("She said ‘never’.They left.", ["never’.They"]),
    ("She said “never.”They left.", ["never.”They"]),
    ("He said.“We are ready.”", ["said.“We"]),
    ("Two errors here.One and.Two", ["here.One", "and.Two"]),
    ("Prices fell.Économistes were surprised.", ["fell.Économistes"]),
    # a run-on whose second half starts with a lower-case word, whatever the word
    ("The best song in years.perhaps the vote was rigged.", ["years.perhaps"]),
    ("It works.now we wait for the rest.", ["works.now"]),
    ("He read all the pages.then he left.", ["pages.then"]),
    ("The staff were tired.several of them left early.", ["tired.several"]),
    # words that are also domain endings, where a sentence goes on after them
    ("He said.it was over.", ["said.it"]),
    ("Sales fell at the branches.in 2003 they rose.", ["branches.in"]),
    ("We have to go.as a rule we leave at six.", ["go.as"]),
    # a capitalised word before the stop
    ("They lost to Arsenal.the players were tired.", ["Arsenal.the"]),
    # the word after the stop is reported whole, with its apostrophe
    ("It fell.Britain's economy grew.", ["fell.Britain's"]),
]


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_bad(text: str, expected: list[str]) -> None:
    assert found(text) == expected


GOOD = [
    "Officials in the U.S. and the U.K. agreed.",
    "The U.S.-based group said so.",
    # initials at the end, or followed by a space, a hyphen or a lower-case word
    "Shares in U.S. Steel rose, as did those of the U.S.A.",
    "Version 17.Beta and £4.5m.TheTotal are codes.",
    "See rule 2-1.A of the code and the 2004-05.Season file.",
    "The meeting starts at 10 a.m. Nobody came.",
    "Use a noun, e.g. Paris, or i.e. London.",
    "She has a Ph.D.Then she left.",  # a longer part: a known miss (see the rule's docstring)
    "J.K. Rowling wrote it at 10 a.m. on a Monday, e.g. Paris.",
    "Write to J.K.Rowling@example.com or see U.S.Steel_2 in the table.",  # code-like tokens
    "Mr.Benn and Dr.Foster and St.Petersburg.",
    "Growth was 3.5% and the score was 2-1 at 10.30.",
    "See bbc.co.uk or news.BBC.co.uk or Halo.Bungie.Org for more.",
    "Read example.com/path.Html and mail jo@example.com.",
    "Open report.PDF or report.Pdf now.",
    "Version 2.0.1 is out, also v3.Beta and iOS 17.Beta and Windows 10.Next.",
    "Read section 12.Introduction, then 3.5.The file, and the score 2.5-1.Next list.",
    "Call React.PureComponent, Console.WriteLine, dotnet.AspNetCore and McDonald.McDonald here.",
    "He waited...Then he left.",
    "He waited…Then he left.",
    "Yahoo!Inc and Yahoo!Music grew.",
    "Get iOS 14.10.Beta or 2.50.Final here.",  # a version number: a time's shape before a version word
    "The Bagle.AT and Zafi.D worms spread.",
    "Call React.PureComponent here.",
    "Chapter 1.Introduction",
    "The end. The start. A new day.",
    'She said "no." Then she left.',
    "www.Example.com is a site.",
    "Read gamesindustry.biz and Dot.life and news.it or file.the.zip today.",
    "There was, and .the end.",
    # domains whose ending is an English word, named as sites
    "Visit news.it for more, or his napster.no site, or Dot.life today.",
    "He runs napster.no now. Later napster.no closed.",
    # file names and lower-case abbreviations
    "Open setup.py and notes.txt, or style.css and data.yaml here.",
    "Bring pens, paper etc.and a map, as in Smith et al.their study.",
    "Use a list, e.g.the plan, i.e.the one we chose, at 10 a.m.then.",
]


@pytest.mark.parametrize("text", GOOD)
def test_good(text: str) -> None:
    assert found(text) == []


def test_position_after_emoji_and_crlf() -> None:
    text = "Party time 🎉\r\nWe met.Then we left.\r\n"
    findings = run_rule("missing-space", text)
    assert [(f.line, f.column, f.end_column) for f in findings] == [(2, 4, 12)]
    assert text[findings[0].start : findings[0].end] == "met.Then"


def test_emoji_on_same_line_counts_one_column() -> None:
    text = "🎉 We met.Then we left."
    (finding,) = run_rule("missing-space", text)
    assert (finding.line, finding.column) == (1, 6)


@pytest.mark.parametrize(
    ("before", "after", "safe"),
    [
        ("We met.Then we left.", "We met. Then we left.", True),
        ('It was "a farce".The end.', 'It was "a farce". The end.', True),
        # an opening straight quote: the space goes before it
        ('He left the US."We will win," he said.', 'He left the US. "We will win," he said.', True),
        # a closing straight quote: the space goes after it
        ('She said "we will win."The crowd cheered.', 'She said "we will win." The crowd cheered.', True),
        # odd count of straight quotes: the guess is offered, not applied
        ('She said "we will win."The crowd cheered. "More', 'She said "we will win." The crowd cheered. "More', False),
        ("It ended?)They left.", "It ended?) They left.", True),
        ("We met.\r\nThey met.Then left.", "We met.\r\nThey met. Then left.", True),
        # a lower-case opener needs a capital too: the space is only suggested
        ("It ended.perhaps for good.", "It ended. perhaps for good.", False),
    ],
)
def test_fix(before: str, after: str, safe: bool) -> None:
    findings = run_rule("missing-space", before)
    assert len(findings) == 1 and findings[0].fix.safe is safe
    assert fixed(before) == after


def test_message_names_the_fused_text() -> None:
    (finding,) = run_rule("missing-space", "Talks failed.Officials left.")
    assert finding.message == "missing space after the full stop: 'failed.Officials'"
    (finding,) = run_rule("missing-space", "Why?Nobody knows.")
    assert finding.message == "missing space after the question mark: 'Why?Nobody'"


def test_markdown_inline_code_and_link() -> None:
    text = "Run `os.Path` first.Then [the site](https://a.example/x.Y) said.So it goes."
    assert found(text, format="markdown") == ["first.Then", "said.So"]


def test_markdown_fix_goes_after_the_stop_not_into_markup() -> None:
    text = "It ended.**Then** they left."
    (finding,) = run_rule("missing-space", text, format="markdown")
    assert text[finding.start : finding.end] == "ended.**Then"
    assert fixed(text, format="markdown") == "It ended. **Then** they left."


@pytest.mark.skipif(not SEED.is_dir() and not SEED.is_file(), reason="../shared seeds not available")
def test_seed_run_together_sentences() -> None:
    text = SEED.read_text(encoding="utf-8")
    findings = run_rule("missing-space", text)
    # Found by reading the seed: nine sentences run together, all on line 3.
    assert [(f.line, f.column, text[f.start : f.end]) for f in findings] == [
        (3, 386, "concerns.Putin"),
        (3, 471, 'found".The'),
        (3, 560, 'US."We'),
        (3, 798, "said.Israel"),
        (3, 1061, "Iran.The"),
        (3, 1260, "Israel.Asked"),
        (3, 1417, 'possibility".Khamenei'),
        (3, 2523, "Ukraine.Asked"),
        (3, 2754, "factories.However"),
    ]


@pytest.mark.parametrize("pattern", ["it works.now we wait ", "wrong.it blamed a.b.c "])
def test_linear_time(pattern: str, growth) -> None:
    assert growth("missing-space", pattern) < 6


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_the_one_slip_of_an_article(text: str, expected: list[str]) -> None:
    # The rule screens the whole article's prose before it reads a paragraph: each slip
    # above, alone in the middle paragraph of an article, is found there all the same.
    article = f"The council met.\n\n{text}\n\nNothing was decided, they said.\n"
    findings = run_rule("missing-space", article)
    assert [article[f.start : f.end] for f in findings] == expected
    assert all(f.start >= len("The council met.\n\n") for f in findings)
