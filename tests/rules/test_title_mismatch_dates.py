"""NL301 title-mismatch at the article's date: former, not yet, gaps between terms, handovers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newslint.testing import run_rule, spans

HERE = Path(__file__).resolve()
FIXTURE = str(HERE.parents[1] / "fixtures" / "world.yaml")
D = dt.date


def dated(body: str, day: dt.date, **options):
    """Lint ``body`` as a Markdown article whose front matter gives its date (taken exactly)."""
    text = f"---\ndate: {day.isoformat()}\n---\n\n{body}\n"
    findings = run_rule(
        "title-mismatch", text, format="markdown", date=day, options={"knowledge": [FIXTURE], **options}
    )
    return text, findings


BAD = [
    # (body, date, flagged span, message, fix text)
    (
        "The school was opened by Prime Minister Tony Blair.",
        D(2007, 7, 20),
        "Prime Minister Tony Blair",
        "Tony Blair left office as prime minister on 2007-06-27, before this article's date (2007-07-20): "
        "former Prime Minister Tony Blair",
        "former Prime Minister",
    ),
    # Terms before and after the date: out of office then, so "former" is right
    (
        "Talks with Israeli Prime Minister Benjamin Netanyahu resumed.",
        D(2022, 9, 1),
        "Israeli Prime Minister Benjamin Netanyahu",
        "Benjamin Netanyahu was out of office as prime minister at this article's date (2022-09-01): one term "
        "ended on 2021-06-13, the next began on 2022-12-29: former Israeli Prime Minister Benjamin Netanyahu",
        "former Israeli Prime Minister",
    ),
    (
        "Israeli Prime Minister Benjamin Netanyahu spoke.",
        D(2003, 5, 1),
        "Israeli Prime Minister Benjamin Netanyahu",
        "Benjamin Netanyahu was out of office as prime minister at this article's date (2003-05-01): one term "
        "ended on 1999-07-06, the next began on 2009-03-31: Former Israeli Prime Minister Benjamin Netanyahu",
        "Former Israeli Prime Minister",
    ),
    # Not yet: never "former"
    (
        "It was opened by former Prime Minister Gordon Brown.",
        D(2003, 3, 1),
        "former Prime Minister Gordon Brown",
        "Gordon Brown only became prime minister on 2007-06-27, after this article's date (2003-03-01)",
        None,
    ),
    (
        "Talks with Prime Minister Gordon Brown stalled.",
        D(2007, 5, 1),
        "Prime Minister Gordon Brown",
        "Gordon Brown only became prime minister on 2007-06-27, after this article's date (2007-05-01)",
        None,
    ),
    (
        "Home Secretary David Blunkett resigned.",
        D(2005, 1, 10),
        "Home Secretary David Blunkett",
        "David Blunkett left office as home secretary on 2004-12-15, before this article's date (2005-01-10): "
        "Former Home Secretary David Blunkett",
        "Former Home Secretary",
    ),
    (
        "The former US President Donald Trump spoke.",
        D(2025, 3, 1),
        "former US President Donald Trump",
        "Donald Trump is still president at this article's date (2025-03-01), not a former one: "
        "US President Donald Trump",
        "US President",
    ),
    # a year in a relative clause after the phrase dates the clause, not the title
    (
        "President Barack Obama campaigned in Florida, where turnout in 2016 was high.",
        D(2020, 11, 2),
        "President Barack Obama",
        "Barack Obama left office as president on 2017-01-20, before this article's date (2020-11-02): "
        "Former President Barack Obama",
        "Former President",
    ),
    # More than ten years gone is history, unless the article gives the same title of the
    # same country to the holder at its date: then the predecessor's title is stale
    (
        "Russian President Vladimir Putin met Russian President Dmitry Medvedev in Moscow.",
        D(2023, 6, 1),
        "Russian President Dmitry Medvedev",
        "Dmitry Medvedev left office as president on 2012-05-07, before this article's date (2023-06-01): "
        "former Russian President Dmitry Medvedev",
        "former Russian President",
    ),
]


@pytest.mark.parametrize("body, day, span, message, fix", BAD, ids=lambda v: str(v)[:30])
def test_reports_a_title_wrong_at_the_date(body, day, span, message, fix):
    text, findings = dated(body, day)
    assert spans(findings, text) == [span]
    (finding,) = findings
    assert finding.code == "NL301"
    assert finding.message == message
    if fix is None:
        assert finding.fix is None
    else:
        assert finding.fix.text == fix and finding.fix.safe is False


GOOD = [
    ("Talks with former Israeli Prime Minister Benjamin Netanyahu resumed.", D(2022, 9, 1)),
    ("Talks with Israeli Prime Minister Benjamin Netanyahu resumed.", D(2023, 9, 1)),
    # Within 14 days of a handover a title may still be used, and "former" may not yet be
    ("The school was opened by Prime Minister Tony Blair.", D(2007, 7, 5)),
    ("Talks with Prime Minister Gordon Brown stalled.", D(2007, 6, 20)),
    ("It was opened by former Prime Minister Gordon Brown.", D(2007, 7, 1)),
    ("Home Secretary David Blunkett resigned.", D(2004, 12, 20)),
    # History: a title of the time
    ("The agency grew under Russian President Boris Yeltsin.", D(2005, 3, 1)),
    ("Spending grew in 1998 when Prime Minister Tony Blair won.", D(2010, 3, 1)),
    ("Former Prime Minister Tony Blair spoke.", D(2010, 3, 1)),
    ("He is the son of Prime Minister John Major.", D(2010, 3, 1)),  # more than ten years gone
    ("Russian President Dmitry Medvedev's reforms were praised.", D(2023, 6, 1)),  # and no holder named
    ("President Barack Obama signed the law in 2010, officials recalled.", D(2020, 11, 2)),  # the title then
    # the holder named with another title, or another country's: no claim about the office
    ("Former Russian President Dmitry Medvedev met US President Joe Biden.", D(2023, 6, 1)),
    ("Russian President Dmitry Medvedev's era ended; Putin's began.", D(2023, 6, 1)),
]


@pytest.mark.parametrize("body, day", GOOD, ids=lambda v: str(v)[:30])
def test_leaves_a_title_right_at_the_date_alone(body, day):
    text, findings = dated(body, day)
    assert findings == []


def test_handover_days_is_an_option():
    body = "The school was opened by Prime Minister Tony Blair."
    assert dated(body, D(2007, 7, 5))[1] == []
    text, findings = dated(body, D(2007, 7, 5), **{"handover-days": 0})
    assert spans(findings, text) == ["Prime Minister Tony Blair"]
    text, findings = dated(body, D(2007, 8, 20), **{"handover-days": 60})
    assert findings == []


def test_front_matter_date_is_exact_but_the_run_date_has_a_margin():
    body = "Home Secretary David Blunkett resigned.\n"
    text, findings = dated(body, D(2005, 1, 20))
    assert spans(findings, text) == ["Home Secretary David Blunkett"]
    undated = run_rule("title-mismatch", body, date=D(2005, 1, 20), options={"knowledge": [FIXTURE]})
    assert undated == []  # the run's --date is only roughly the article's
    strict = run_rule(
        "title-mismatch", body, date=D(2005, 1, 20), options={"knowledge": [FIXTURE], "undated-margin-days": 0}
    )
    assert spans(strict, body) == ["Home Secretary David Blunkett"]


BORDURIA = """\
checked: 2025-06-30
countries:
  XB:
    name: Borduria
    forms: [Borduria, Bordurian]
    offices:
      president:
        titles: [President]
        incomplete:
          - [2004-01-01, 2008-01-01, "the junta years are not listed"]
        holders:
          - [Ana Kova, 2000-01-01, 2004-01-01]
          - [Ben Rado, 2008-01-01, 2012-01-01]
"""


@pytest.mark.parametrize(
    "body, day, span",
    [
        ("It was Bordurian President Ana Kova who spoke.", D(2006, 6, 1), None),  # maybe back in office
        ("It was Bordurian President Ben Rado who spoke.", D(2006, 6, 1), None),  # maybe already
        ("It was Bordurian President Ana Kova who spoke.", D(2010, 6, 1), "Bordurian President Ana Kova"),
        ("It was Bordurian President Ben Rado who spoke.", D(2003, 6, 1), "Bordurian President Ben Rado"),
        ("It was Bordurian President Ben Rado who spoke.", D(2014, 6, 1), "Bordurian President Ben Rado"),
    ],
)
def test_no_date_finding_where_the_list_is_marked_incomplete(tmp_path, body, day, span):
    extra = tmp_path / "borduria.yaml"
    extra.write_text(BORDURIA, encoding="utf-8")
    text = f"---\ndate: {day.isoformat()}\n---\n\n{body}\n"
    findings = run_rule("title-mismatch", text, format="markdown", date=day, options={"knowledge": [str(extra)]})
    assert spans(findings, text) == ([span] if span else [])
    if span and day.year == 2003:
        # Ana Kova held it then, but Ben Rado may have begun in the unlisted years
        assert findings[0].message == (
            "Ben Rado was not yet president at this article's date (2003-06-01); the first listed term began "
            "on 2008-01-01"
        )
    if span == "Bordurian President Ana Kova":
        assert findings[0].message == (
            "Ana Kova left office as president on 2004-01-01, before this article's date (2010-06-01): "
            "former Bordurian President Ana Kova"
        )
