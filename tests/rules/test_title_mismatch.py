"""NL301 title-mismatch: titles checked against the knowledge base, with the article's date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from newslint.rules.title_mismatch import title_mismatch
from newslint.rules.title_mismatch.finder import titles_in

from newslint.knowledge import load
from newslint.testing import run_rule, spans

HERE = Path(__file__).resolve()
FIXTURE = str(HERE.parents[1] / "fixtures" / "world.yaml")
OPTIONS = {"knowledge": [FIXTURE]}
SHARED = HERE.parents[3] / "shared"
SEED = SHARED / "seeds" / "000_66e5290f122a3e84.txt"
CORPUS = SHARED / "corpus" / "bbc"

D = dt.date


def check(text: str, day: dt.date, fmt: str = "text"):
    return run_rule("title-mismatch", text, format=fmt, date=day, options=OPTIONS)


BAD = [
    # (text, date, flagged span, message, fix text)
    (
        "After Russian President Volodymyr Zelenskyy visited Paris, crowds lined the streets.",
        D(2025, 6, 19),
        "Russian President Volodymyr Zelenskyy",
        "Volodymyr Zelenskyy is Ukraine's president, not Russia's: Ukrainian President Volodymyr Zelenskyy",
        "Ukrainian President",
    ),
    (
        "Russia's president, Volodymyr Zelenskyy, said no.",
        D(2024, 3, 1),
        "Russia's president, Volodymyr Zelenskyy",
        "Volodymyr Zelenskyy is Ukraine's president, not Russia's: Ukraine's president, Volodymyr Zelenskyy",
        "Ukraine's president",
    ),
    ("It was Russia’s President Zelenskyy’s turn.", D(2024, 3, 1), None, None, None),  # surname alone: no claim
    (
        "Later, Russia’s President Volodymyr Zelenskyy’s aides spoke.",
        D(2024, 3, 1),
        "Russia’s President Volodymyr Zelenskyy",
        "Volodymyr Zelenskyy is Ukraine's president, not Russia's: Ukraine’s President Volodymyr Zelenskyy",
        "Ukraine’s President",
    ),
    (
        "Benjamin Netanyahu, the Russian prime minister, said no.",
        D(2024, 3, 1),
        "Benjamin Netanyahu, the Russian prime minister",
        "Benjamin Netanyahu is Israel's prime minister, not Russia's: Benjamin Netanyahu, the Israeli prime minister",
        "Israeli prime minister",
    ),
    (
        "The talks with U.S. President Vladimir Putin ended.",
        D(2024, 3, 1),
        "U.S. President Vladimir Putin",
        "Vladimir Putin is Russia's president, not the United States': Russian President Vladimir Putin",
        "Russian President",
    ),
    (
        "German Chancellor Gordon Brown spoke.",
        D(2004, 3, 1),
        "German Chancellor Gordon Brown",
        "Gordon Brown is the United Kingdom's chancellor, not Germany's: British Chancellor Gordon Brown",
        "British Chancellor",
    ),
    (
        "Prime Minister Tony Blair opened the school.",
        D(2010, 3, 1),
        "Prime Minister Tony Blair",
        "Tony Blair left office as prime minister on 2007-06-27, before this article's date (2010-03-01): "
        "Former Prime Minister Tony Blair",
        "Former Prime Minister",
    ),
    (
        "The school was opened by former Prime Minister Tony Blair.",
        D(2005, 3, 1),
        "former Prime Minister Tony Blair",
        "Tony Blair is still prime minister at this article's date (2005-03-01), not a former one: "
        "Prime Minister Tony Blair",
        "Prime Minister",
    ),
    (
        "It was ex-Prime Minister Tony Blair who spoke.",
        D(2005, 3, 1),
        "ex-Prime Minister Tony Blair",
        "Tony Blair is still prime minister at this article's date (2005-03-01), not a former one: "
        "Prime Minister Tony Blair",
        "Prime Minister",
    ),
    (
        "Talks with then-Prime Minister Gordon Brown stalled.",
        D(2003, 3, 1),
        "then-Prime Minister Gordon Brown",
        "Gordon Brown only became prime minister on 2007-06-27, after this article's date (2003-03-01)",
        None,
    ),
    (
        "The letter went to Home Secretary Jack Straw.",
        D(2004, 3, 1),
        "Home Secretary Jack Straw",
        "Jack Straw left office as home secretary on 2001-06-08, before this article's date (2004-03-01), "
        "and was foreign secretary then: "
        "former Home Secretary Jack Straw",
        "former Home Secretary",
    ),
    (
        "Foreign Secretary David Blunkett flew out.",
        D(2003, 3, 1),
        "Foreign Secretary David Blunkett",
        "David Blunkett was home secretary at this article's date (2003-03-01), not foreign secretary "
        "(Jack Straw was): Home Secretary David Blunkett",
        "Home Secretary",
    ),
    (
        "Russian President Volodymyr Zelensky 🇺🇦 spoke.",
        D(2024, 3, 1),
        "Russian President Volodymyr Zelensky",
        "Volodymyr Zelenskyy is Ukraine's president, not Russia's: Ukrainian President Volodymyr Zelensky",
        "Ukrainian President",
    ),
    # A country that has no office of that title at all
    (
        "German Prime Minister Tony Blair opened the summit.",
        D(2005, 3, 1),
        "German Prime Minister Tony Blair",
        "Tony Blair is the United Kingdom's prime minister, not Germany's: British Prime Minister Tony Blair",
        "British Prime Minister",
    ),
    (
        "Japanese President George W Bush flew in.",
        D(2004, 3, 1),
        "Japanese President George W Bush",
        "George W. Bush is the United States' president, not Japan's: US President George W Bush",
        "US President",
    ),
    (
        "Japanese Chancellor Gerhard Schroeder spoke.",
        D(2004, 3, 1),
        "Japanese Chancellor Gerhard Schroeder",
        "Gerhard Schröder is Germany's chancellor, not Japan's: German Chancellor Gerhard Schroeder",
        "German Chancellor",
    ),
    (
        "Israeli Finance Minister Tony Blair visited.",
        D(2004, 3, 1),
        "Israeli Finance Minister Tony Blair",
        "Tony Blair is the United Kingdom's prime minister, not Israel's finance minister: "
        "British Prime Minister Tony Blair",
        "British Prime Minister",
    ),
    # China's premier is also called its prime minister; Israel's is not China's
    (
        "Chinese Prime Minister Ariel Sharon met them.",
        D(2003, 6, 1),
        "Chinese Prime Minister Ariel Sharon",
        "Ariel Sharon is Israel's prime minister, not China's: Israeli Prime Minister Ariel Sharon",
        "Israeli Prime Minister",
    ),
    # Two known George Bushes, both US presidents: wrong whichever is meant; the one in
    # office at the date gives the suggestion
    (
        "Israeli President George Bush arrived.",
        D(2004, 3, 1),
        "Israeli President George Bush",
        "George H. W. Bush was the United States' president, not Israel's; "
        "George W. Bush is the United States' president, not Israel's: US President George Bush",
        "US President",
    ),
    # Not yet in office at the article's date: never "former"
    (
        "Russian President Volodymyr Zelenskyy spoke.",
        D(2005, 1, 1),
        "Russian President Volodymyr Zelenskyy",
        "Volodymyr Zelenskyy was never Russia's president, and only became Ukraine's president on 2019-05-20, "
        "after this article's date (2005-01-01)",
        None,
    ),
    # Reverse order and apposition
    (
        "Tony Blair, the German chancellor, spoke.",
        D(2005, 3, 1),
        "Tony Blair, the German chancellor",
        "Tony Blair is the United Kingdom's prime minister, not Germany's chancellor: "
        "Tony Blair, the British prime minister",
        "British prime minister",
    ),
    (
        "Tony Blair arrived first. Later Mr Blair, the French prime minister, spoke.",
        D(2005, 3, 1),
        "Blair, the French prime minister",
        "Tony Blair is the United Kingdom's prime minister, not France's: Blair, the British prime minister",
        "British prime minister",
    ),
    (
        "Tony Blair, Germany's chancellor, spoke.",
        D(2005, 3, 1),
        "Tony Blair, Germany's chancellor",
        "Tony Blair is the United Kingdom's prime minister, not Germany's chancellor: "
        "Tony Blair, Britain's prime minister",
        "Britain's prime minister",
    ),
    # The person's own country, under a title it does not have
    (
        "German Prime Minister Gerhard Schroeder spoke.",
        D(2004, 3, 1),
        "German Prime Minister Gerhard Schroeder",
        "Germany has no prime minister; Gerhard Schröder is its chancellor: German Chancellor Gerhard Schroeder",
        "German Chancellor",
    ),
    (
        "Moroccan President Mohammed VI opened the port.",
        D(2005, 3, 1),
        "Moroccan President Mohammed VI",
        "Morocco has no president; Mohammed VI is its king: Moroccan King Mohammed VI",
        "Moroccan King",
    ),
    # The UK's foreign minister is its foreign secretary, and in 2004 that was Jack Straw
    (
        "British Foreign Minister Tony Blair flew out.",
        D(2004, 3, 1),
        "British Foreign Minister Tony Blair",
        "Tony Blair was prime minister at this article's date (2004-03-01), not foreign minister (Jack Straw was): "
        "British Prime Minister Tony Blair",
        "British Prime Minister",
    ),
    # Known only from an organisation's office, while Ghana's president is known
    (
        "Ghanaian President Kofi Annan spoke.",
        D(2004, 3, 1),
        "Ghanaian President Kofi Annan",
        "Kofi Annan is the United Nations' secretary-general, not Ghana's president: UN Secretary-General Kofi Annan",
        "UN Secretary-General",
    ),
    # Names that hold a month's name, an honorific or a lower-case particle, and one-word names
    (
        "German Prime Minister Theresa May spoke.",
        D(2017, 3, 1),
        "German Prime Minister Theresa May",
        "Theresa May is the United Kingdom's prime minister, not Germany's: British Prime Minister Theresa May",
        "British Prime Minister",
    ),
    (
        "Talks began after Sultan Mizan Zainal Abidin, the Moroccan king, arrived.",
        D(2008, 1, 1),
        "Sultan Mizan Zainal Abidin, the Moroccan king",
        "Sultan Mizan Zainal Abidin is Malaysia's king, not Morocco's: Sultan Mizan Zainal Abidin, the Malaysian king",
        "Malaysian king",
    ),
    (
        "The Ghanaian president, Bingu wa Mutharika, spoke.",
        D(2006, 3, 1),
        "Ghanaian president, Bingu wa Mutharika",
        "Bingu wa Mutharika is Malawi's president, not Ghana's: Malawian president, Bingu wa Mutharika",
        "Malawian president",
    ),
    (
        "The Moroccan king, Willem-Alexander, spoke.",
        D(2015, 3, 1),
        "Moroccan king, Willem-Alexander",
        "Willem-Alexander is the Netherlands' king, not Morocco's: Dutch king, Willem-Alexander",
        "Dutch king",
    ),
    (
        "Talks began after D. M. Jayaratne, the Moroccan prime minister, arrived.",
        D(2012, 3, 1),
        "D. M. Jayaratne, the Moroccan prime minister",  # initials, not "M." for Monsieur
        "D. M. Jayaratne is Sri Lanka's prime minister, not Morocco's: D. M. Jayaratne, the Sri Lankan prime minister",
        "Sri Lankan prime minister",
    ),
    (
        "The Japanese Prime Minister, Ulisses Correia e Silva, spoke.",
        D(2018, 5, 1),
        "Japanese Prime Minister, Ulisses Correia e Silva",
        "Ulisses Correia e Silva is Cabo Verde's prime minister, not Japan's: "
        "Cape Verdean Prime Minister, Ulisses Correia e Silva",
        "Cape Verdean Prime Minister",
    ),
    # Titles of one country only, and "leader" with a country
    (
        "Japanese Taoiseach Bertie Ahern spoke.",
        D(2004, 3, 1),
        "Japanese Taoiseach Bertie Ahern",
        "Bertie Ahern is Ireland's Taoiseach, not Japan's: Irish Taoiseach Bertie Ahern",
        "Irish Taoiseach",
    ),
    (
        "German leader Ariel Sharon met them.",
        D(2004, 3, 1),
        "German leader Ariel Sharon",
        "Ariel Sharon is Israel's prime minister, not Germany's leader: Israeli prime minister Ariel Sharon",
        "Israeli prime minister",
    ),
    # A list of people, not a longer country name
    (
        "Tony Blair and Israeli President George W Bush met.",
        D(2004, 3, 1),
        "Israeli President George W Bush",
        "George W. Bush is the United States' president, not Israel's: US President George W Bush",
        "US President",
    ),
    # the country after the title, with "of": before the name and after it
    (
        "The president of Russia, Volodymyr Zelenskyy, said no.",
        D(2024, 3, 1),
        "president of Russia, Volodymyr Zelenskyy",
        "Volodymyr Zelenskyy is Ukraine's president, not Russia's: president of Ukraine, Volodymyr Zelenskyy",
        "president of Ukraine",
    ),
    (
        "Benjamin Netanyahu, the prime minister of the United States, said no.",
        D(2024, 3, 1),
        "Benjamin Netanyahu, the prime minister of the United States",
        "Benjamin Netanyahu is Israel's prime minister, not the United States': "
        "Benjamin Netanyahu, the prime minister of Israel",
        "prime minister of Israel",
    ),
    (
        "Talks began after Vladimir Putin, the president of Bosnia and Herzegovina, arrived.",
        D(2024, 3, 1),
        "Vladimir Putin, the president of Bosnia and Herzegovina",
        "Vladimir Putin is Russia's president, not Bosnia and Herzegovina's: Vladimir Putin, the president of Russia",
        "president of Russia",
    ),
    # a bare head's title, judged by the country the person leads at the date
    (
        "Later President Boris Johnson spoke.",
        D(2020, 12, 1),
        "President Boris Johnson",
        "The United Kingdom has no president; Boris Johnson is its prime minister: Prime Minister Boris Johnson",
        "Prime Minister",
    ),
    (
        "On Monday, Prime Minister Joe Biden spoke.",
        D(2023, 6, 1),
        "Prime Minister Joe Biden",
        "The United States has no prime minister; Joe Biden is its president: President Joe Biden",
        "President",
    ),
    (
        "Talks began after President Narendra Modi arrived.",
        D(2019, 6, 1),
        "President Narendra Modi",
        "Narendra Modi was prime minister at this article's date (2019-06-01), not president "
        "(Ram Nath Kovind was): Prime Minister Narendra Modi",
        "Prime Minister",
    ),
    # "former" dropped when the right office is held at the date
    (
        "Former Russian President Tony Blair spoke.",
        D(2005, 3, 1),
        "Former Russian President Tony Blair",
        "Tony Blair is the United Kingdom's prime minister, not Russia's president: British Prime Minister Tony Blair",
        "British Prime Minister",
    ),
]


@pytest.mark.parametrize("text, day, span, message, fix", [b for b in BAD if b[2]], ids=lambda v: str(v)[:30])
def test_reports_a_wrong_title(text, day, span, message, fix):
    findings = check(text, day)
    assert spans(findings, text) == [span]
    (finding,) = findings
    assert finding.code == "NL301" and finding.severity.value == "error"
    assert finding.message == message
    if fix is None:
        assert finding.fix is None
    else:
        assert finding.fix.safe is False
        assert text[finding.fix.start : finding.fix.end] + text[finding.fix.end : finding.end] in span
        assert finding.fix.text == fix


GOOD = [
    ("Russian President Vladimir Putin refused.", D(2025, 6, 19)),
    ("The president of Russia, Vladimir Putin, and the president of France Emmanuel Macron met.", D(2024, 3, 1)),
    # a list, not an apposition; a possessive ("of Russia's ally"); an organisation
    ("They wrote to Jacques Chirac, the king of Spain, and others.", D(2004, 3, 1)),
    ("They wrote to Jacques Chirac, the king of Spain as well as others.", D(2004, 3, 1)),
    ("The president of Russia's ally, Alexander Lukashenko, spoke.", D(2024, 3, 1)),
    ("Iran’s Supreme Leader Ayatollah Ali Khamenei spoke.", D(2025, 6, 19)),
    ("Iran's Supreme Leader Ali Khamenei spoke.", D(2005, 6, 19)),
    ("U.S. President Donald Trump said so. US President Donald Trump agreed.", D(2025, 6, 19)),
    ("Israeli Prime Minister Benjamin Netanyahu spoke.", D(2025, 6, 19)),
    ("Israeli Prime Minister Benjamin Netanyahu spoke.", D(1997, 6, 19)),
    ("Benjamin Netanyahu, the Israeli prime minister, spoke.", D(2025, 6, 19)),
    ("Kremlin spokesman Dmitry Peskov warned them.", D(2025, 6, 19)),
    ("Kremlin spokesman Dmitry Peskov warned them.", D(2005, 6, 19)),  # several spokesmen at once: no dates
    ("Prime Minister Tony Blair opened the school.", D(2005, 3, 1)),
    ("Former Prime Minister Tony Blair opened the school.", D(2010, 3, 1)),
    ("It was opened by then-Prime Minister Tony Blair.", D(2010, 3, 1)),
    ("In 1999 Prime Minister Tony Blair opened the school.", D(2010, 3, 1)),  # the title of the time
    ("The agency grew under Prime Minister Tony Blair.", D(2010, 3, 1)),
    ("The attempt on Prime Minister John Major's life failed.", D(2010, 3, 1)),  # long ago: history
    ("Deputy Prime Minister Tony Blair is not a thing.", D(2010, 3, 1)),
    ("Shadow Chancellor Gordon Brown attacked the budget.", D(1995, 3, 1)),
    ("The company's president Tony Blair resigned.", D(2010, 3, 1)),
    ("President Bush met them in the Oval Office.", D(2004, 3, 1)),  # two Presidents Bush: no guess
    ("President George W. Bush and US President George W Bush.", D(2004, 3, 1)),
    ("Russian President Boris Yeltsin spoke.", D(1995, 3, 1)),
    ("Prime Minister John Smith spoke.", D(1993, 3, 1)),  # not in the knowledge base: no guess
    ("US President Carter said so.", D(2005, 3, 1)),  # a surname alone: maybe Jimmy Carter
    ("He met the Russian president, Volodymyr Zelenskyy and Tony Blair.", D(2024, 3, 1)),  # a list
    ("He met Condoleezza Rice, the British prime minister and the Pope.", D(2005, 3, 1)),  # a list
    ("Pope John Paul II visited Poland.", D(2010, 3, 1)),  # regnal styles stay
    ("Russian President Vladimir Putin spoke.", D(2026, 11, 22)),  # after `checked`: no assertion
    ("Former Russian President Vladimir Putin spoke.", D(2026, 11, 22)),
    ("US President-elect Joe Biden met aides.", D(2020, 12, 1)),
    ("German Chancellor Gerhard Schroeder spoke.", D(2004, 3, 1)),
    ("Home Secretary David Blunkett resigned.", D(2004, 12, 20)),  # undated: within the margin
    ('"Russian President Vladimir Putin is right," he said.', D(2024, 3, 1)),
    ("British Foreign Minister Jack Straw flew out.", D(2004, 3, 1)),  # the UK's is its foreign secretary
    ("Chinese Prime Minister Wen Jiabao visited. Chinese Premier Wen Jiabao left.", D(2005, 3, 1)),
    ("US President George Bush spoke.", D(1991, 3, 1)),  # one of the two George Bushes fits
    ("Israeli President Shimon Peres spoke.", D(2008, 3, 1)),
    ("US President Johnson signed the act.", D(2005, 3, 1)),  # a surname alone: Lyndon, not Boris
    ("Mr Blair, the French prime minister, spoke.", D(2005, 3, 1)),  # no Blair named in full: maybe another
    ("In Iraq President Bush met the troops.", D(2005, 3, 1)),  # a place, then a title
    ("Prince Charles visited Morocco. British Prince Charles left.", D(2005, 3, 1)),  # a style, not an office
    ("Jacques Chirac, French president, arrived. The German chancellor, Gerhard Schroeder, spoke.", D(2004, 3, 1)),
    ("Russian President Ivan Petrov spoke.", D(2005, 3, 1)),  # not in the knowledge base
    ("Japanese Emperor Akihito and Japanese Prime Minister Junichiro Koizumi met.", D(2005, 3, 1)),
    ("Dutch King Willem-Alexander and Malaysian King Sultan Mizan Zainal Abidin met.", D(2014, 3, 1)),
    ("British Prime Minister Theresa May spoke on Monday.", D(2017, 3, 1)),
    ("British Prime Minister Tony Blair spoke. Irish Taoiseach Bertie Ahern spoke.", D(2005, 3, 1)),
    ("The Malawian president, Bingu wa Mutharika, spoke.", D(2006, 3, 1)),
    ("Ukrainian mayor Anna Bell spoke.", D(2006, 3, 1)),  # unknown; and a mayor in Ukraine, maybe
    ("Kurdish leader Ariel Sharon met them.", D(2004, 3, 1)),  # not a country the files know
    # a bare title judged by the person's own country only when it cannot be another body's
    ("Fidesz President Viktor Orbán spoke.", D(2023, 6, 1)),  # a capitalised body before it
    ("President José Manuel Barroso spoke.", D(2006, 3, 1)),  # no country led then: the Commission
    ("President Boris Johnson spoke.", D(2019, 8, 1)),  # days after the handover: not surely his
    ("Former President Boris Johnson spoke.", D(2020, 12, 1)),  # a modifier: not this reading
]


@pytest.mark.parametrize("text, day", GOOD, ids=lambda v: str(v)[:30])
def test_leaves_a_right_title_alone(text, day):
    assert check(text, day) == []


def test_a_surname_alone_makes_no_claim_about_another_country():
    assert check("It was Russia’s President Zelenskyy’s turn.", D(2024, 3, 1)) == []


def test_line_and_column_with_crlf_and_an_emoji_before():
    text = "Headline here\r\n\r\n🇺🇦 Talks began. Russian President Volodymyr Zelenskyy spoke.\r\n"
    (finding,) = check(text, D(2024, 3, 1))
    # the flag is two code points (regional indicators U+1F1FA U+1F1E6)
    assert (finding.line, finding.column) == (3, 2 + 1 + len("Talks began. ") + 1)
    assert text[finding.start : finding.end] == "Russian President Volodymyr Zelenskyy"


def test_markdown_spans_map_back_to_the_file():
    text = "# Talks\n\nWhen *Russian President* Volodymyr Zelenskyy arrived, [talks](http://x.test) began.\n"
    (finding,) = check(text, D(2024, 3, 1), fmt="markdown")
    assert text[finding.start : finding.end] == "Russian President* Volodymyr Zelenskyy"


@pytest.mark.parametrize(
    "text, span, message",
    [
        (
            "Russian President Ivan Petrov spoke. Russian President Ivan Petrov again. "
            "Russian President Oleg Sidorov too.",
            "Russian President Oleg Sidorov",
            "this article also gives the title 'Russian President' to Ivan Petrov; only one person holds it at a time",
        ),
        (
            "Russian President Ivan Petrov spoke. Russian President Oleg Sidorov too.",  # a tie: the later one
            "Russian President Oleg Sidorov",
            "this article also gives the title 'Russian President' to Ivan Petrov; only one person holds it at a time",
        ),
        (
            "Russian President Ivan Petrov spoke. Ukrainian President Ivan Petrov again. Ukrainian President Petrov too.",
            "Russian President Ivan Petrov",
            "this article calls Ivan Petrov 'Ukrainian President' elsewhere, not 'Russian President'",
        ),
    ],
)
def test_unknown_people_are_checked_for_consistency_within_the_article(text, span, message):
    findings = check(text, D(2024, 3, 1))
    assert spans(findings, text) == [span]
    assert findings[0].message == message


@pytest.mark.parametrize(
    "text",
    [
        "Russian President Ivan Petrov spoke. Later, Petrov met Oleg Sidorov.",
        "Russian President Ivan Petrov spoke. Former Russian President Oleg Sidorov listened.",
        "Kremlin spokesman Ivan Petrov spoke. Kremlin spokesman Oleg Sidorov agreed.",  # several at once
    ],
)
def test_consistency_leaves_different_roles_alone(text):
    assert check(text, D(2024, 3, 1)) == []


def test_extra_knowledge_file_adds_local_officials(tmp_path):
    local = tmp_path / "council.yaml"
    local.write_text(
        "checked: 2025-06-30\ncountries:\n  XC:\n    name: Casterbridge\n    forms: [Casterbridge]\n"
        "    offices:\n      mayor:\n        titles: [Mayor]\n        holders:\n"
        "          - [Anna Bell, 2019-05-01, 2023-05-01]\n          - [Cara Dane, 2023-05-01, null]\n",
        encoding="utf-8",
    )
    options = {"knowledge": [FIXTURE, str(local)]}
    text = "Casterbridge Mayor Anna Bell opened the fair. Ukrainian Mayor Anna Bell? No."
    findings = run_rule("title-mismatch", text, date=D(2025, 6, 1), options=options)
    assert spans(findings, text) == ["Casterbridge Mayor Anna Bell"]
    assert "left office as mayor on 2023-05-01" in findings[0].message


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seeds is not available")
def test_seed_000_gives_exactly_the_zelenskyy_finding():
    text = SEED.read_text(encoding="utf-8")
    findings = run_rule("title-mismatch", text, date=D(2025, 6, 19))
    assert [(f.line, f.column, text[f.start : f.end]) for f in findings] == [
        (17, 135, "Russian President Volodymyr Zelenskyy")
    ]
    assert findings[0].message.startswith("Volodymyr Zelenskyy is Ukraine's president, not Russia's")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")
def test_no_finding_on_the_bbc_corpus():
    found = []
    for path in sorted(CORPUS.glob("*/*.txt")):
        findings = run_rule(title_mismatch, path.read_text(encoding="utf-8"), date=D(2005, 1, 1))
        found.extend(f"{path.name}:{f.line}: {f.message}" for f in findings)
    assert found == []


def test_every_country_has_a_form_to_suggest_that_names_it():
    from newslint.rules.title_mismatch.wording import attributive

    from newslint.knowledge import load

    knowledge = load()
    wrong = []
    for code in knowledge.countries:
        for after_the in (False, True):
            form = attributive(knowledge, code, None, after_the)
            if code not in knowledge.forms.get(form, ()) and not form.endswith("'s"):
                wrong.append(f"{code}: {form}")
            if after_the and form.endswith("'s"):
                wrong.append(f"{code}: {form} after 'the'")
    assert not wrong, wrong


# Lower-case titles are looked for after a capitalised word or "the" and white space;
# the scan first asks whether the next letter can start a modifier or a title's head.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Irish taoiseach Bertie Ahern", [(6, 15, "taoiseach", False)]),
        ("Japanese emperor Akihito", [(9, 16, "emperor", False)]),
        ("Bhutan's druk gyalpo spoke", [(9, 20, "druk gyalpo", False)]),
        ("the yang di-pertuan agong", [(4, 25, "yang di-pertuan agong", False)]),
        ("Russian former president Boris Yeltsin", [(15, 24, "president", False)]),
        ("US\tex-president Bill Clinton", [(6, 15, "president", False)]),
        ("Mr Blair, the foreign secretary,", [(14, 31, "foreign secretary", False)]),
        ("Rome\n  chief executive Jo", [(7, 22, "chief executive", False)]),
        ("the  late  king", [(11, 15, "king", False)]),
        ("French zebra president", []),
    ],
)
def test_lower_case_titles_in_context(text, expected):
    assert titles_in(load(()), text) == expected


@pytest.mark.parametrize(
    "text, day, message",
    [
        (
            "French King Charles III met the president.",
            D(2023, 6, 1),
            "Charles III is the United Kingdom's king, not France's: British King Charles III",
        ),
        # the realm made a realm last (Jamaica, 1962) is not the one suggested either
        (
            "German Queen Elizabeth II toured the city.",
            D(1965, 5, 20),
            "Elizabeth II is the United Kingdom's queen, not Germany's: British Queen Elizabeth II",
        ),
    ],
)
def test_a_monarch_of_several_realms_is_suggested_as_the_principal_realms(text, day, message):
    # The shipped files list Charles III and Elizabeth II as monarch of every realm: the
    # suggestion is the country the files know best, not the realm listed last.
    (finding,) = run_rule("title-mismatch", text, date=day)
    assert finding.message == message
    assert (
        run_rule("title-mismatch", text.replace("French", "Canadian").replace("German", "Australian"), date=day) == []
    )


@pytest.mark.parametrize(
    "text, day, message, fix",
    [
        # the country after the name ("King Harald of Norway"): the fix rewrites the
        # title and the country, and leaves the name between them as written
        (
            "Prime Minister Narendra Modi of Pakistan spoke.",
            D(2023, 6, 1),
            "Narendra Modi is India's prime minister, not Pakistan's: Prime Minister Narendra Modi of India",
            "Prime Minister Narendra Modi of India",
        ),
        (
            "King Mohammed VI of Jordan spoke.",
            D(2015, 6, 1),
            "Mohammed VI is Morocco's king, not Jordan's: King Mohammed VI of Morocco",
            "King Mohammed VI of Morocco",
        ),
        # a monarch named without the regnal number, as copy names them
        (
            "Belgian King Felipe spoke.",
            D(2020, 6, 1),
            "Felipe VI is Spain's king, not Belgium's: Spanish King Felipe",
            "Spanish King",
        ),
        (
            "Danish King Harald spoke.",
            D(2010, 6, 1),
            "Harald V is Norway's king, not Denmark's: Norwegian King Harald",
            "Norwegian King",
        ),
    ],
)
def test_shipped_knowledge_shapes(text, day, message, fix):
    (finding,) = run_rule("title-mismatch", text, date=day)
    assert finding.message == message
    assert finding.fix is not None and finding.fix.text == fix
    fixed = text[: finding.fix.start] + finding.fix.text + text[finding.fix.end :]
    assert run_rule("title-mismatch", fixed, date=day) == []


@pytest.mark.parametrize(
    "text, day",
    [
        # two kings the files call King Abdullah: either country is right
        ("Jordan's King Abdullah met Saudi King Abdullah.", D(2010, 6, 1)),
        ("King Abdullah of Jordan and King Abdullah of Saudi Arabia met.", D(2010, 6, 1)),
        # 'of' after the name that is no country, or a possessive
        ("Prime Minister Tony Blair of the Labour Party spoke.", D(2005, 6, 1)),
        ("President Vladimir Putin of Russia's ruling party spoke.", D(2015, 6, 1)),
        ("President Emmanuel Macron of France met Chancellor Olaf Scholz of Germany.", D(2023, 6, 1)),
    ],
)
def test_shipped_knowledge_right_titles(text, day):
    assert run_rule("title-mismatch", text, date=day) == []
