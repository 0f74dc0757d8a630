"""NL501 tense: the present perfect with a finished past time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newslint.testing import run_rule

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DATE = dt.date(2024, 6, 1)


def found(text: str, **kwargs) -> list[str]:
    """Return the flagged text of each finding, checking code and severity."""
    kwargs.setdefault("date", DATE)
    findings = run_rule("tense", text, **kwargs)
    assert all(f.code == "NL501" and f.severity.value == "warning" for f in findings)
    return [text[f.start : f.end] for f in findings]


def fixed(text: str, **kwargs) -> str:
    """Apply every (unsafe) fix of the rule to ``text``."""
    findings = run_rule("tense", text, date=DATE, **kwargs)
    for f in sorted(findings, key=lambda f: f.fix.start, reverse=True):
        assert f.fix.safe is False
        text = text[: f.fix.start] + f.fix.text + text[f.fix.end :]
    return text


BAD = [
    (
        "On Thursday, the minister has refused to comment.",
        "has refused",
        "On Thursday, the minister refused to comment.",
    ),
    (
        "The council has voted yesterday to close the library.",
        "has voted",
        "The council voted yesterday to close the library.",
    ),
    (
        "Yesterday the council has voted to close the library.",
        "has voted",
        "Yesterday the council voted to close the library.",
    ),
    ("Shares have fallen sharply last week.", "have fallen", "Shares fell sharply last week."),
    (
        "The firm has sold 3% more cars in 2019 than before.",
        "has sold",
        "The firm sold 3% more cars in 2019 than before.",
    ),
    ("The plant has closed two days ago.", "has closed", "The plant closed two days ago."),
    ("Two men have been arrested on Monday night.", "have been", "Two men were arrested on Monday night."),
    ("The suspect has been charged on Friday.", "has been", "The suspect was charged on Friday."),
    ("The bank has also raised rates last month.", "has also raised", "The bank also raised rates last month."),
    ("The prime minister has spoken to him last night.", "has spoken", "The prime minister spoke to him last night."),
    ("Last year the U.S. firm has made a loss.", "has made", "Last year the U.S. firm made a loss."),
    ("Mr. Jones has taken over on Tuesday.", "has taken", "Mr. Jones took over on Tuesday."),
    (
        "The company has said Tuesday that it would cut jobs.",
        "has said",
        "The company said Tuesday that it would cut jobs.",
    ),
    ("They've agreed a deal on Sunday.", "'ve agreed", "They agreed a deal on Sunday."),
    ("A year ago, the club has won the cup.", "has won", "A year ago, the club won the cup."),
    # Near misses of a time owned by a later verb: the time follows the perfect (or
    # its object) and nothing in between takes it.
    (
        "The minister has resigned in 2016 after the vote was recorded.",
        "has resigned",
        "The minister resigned in 2016 after the vote was recorded.",
    ),
    ("The minister has visited Paris in 2016.", "has visited", "The minister visited Paris in 2016."),
    ("The mayor has been heavily criticised on Monday.", "has been", "The mayor was heavily criticised on Monday."),
    ("The MP has been elected unopposed in 2016.", "has been", "The MP was elected unopposed in 2016."),
    ("The actor has been left stranded on Monday.", "has been", "The actor was left stranded on Monday."),
    ("The council has approved a tax cut last week.", "has approved", "The council approved a tax cut last week."),
    ("The player has won the second set on Friday.", "has won", "The player won the second set on Friday."),
    ("The Queen has met Prince Alfred on Monday.", "has met", "The Queen met Prince Alfred on Monday."),
    ("Gold prices have broken records in 2019.", "have broken", "Gold prices broke records in 2019."),
    ("The bill has passed the Senate in 2016.", "has passed", "The bill passed the Senate in 2016."),
    ("Sales have passed the million mark in 2016.", "have passed", "Sales passed the million mark in 2016."),
    (
        "Early voting has surpassed the 2016 total last week.",
        "has surpassed",
        "Early voting surpassed the 2016 total last week.",
    ),
    ("Exports have exceeded the 2016 total in 2019.", "have exceeded", "Exports exceeded the 2016 total in 2019."),
]


@pytest.mark.parametrize(("text", "span", "after"), BAD)
def test_reported_with_simple_past_fix(text, span, after):
    assert found(text) == [span]
    assert fixed(text) == after


def test_message_names_the_verb_the_time_and_the_fix():
    findings = run_rule("tense", "On Thursday, the minister has refused to comment.", date=DATE)
    assert findings[0].message == (
        "present perfect 'has refused' with a finished past time ('On Thursday'): use the simple past 'refused'"
    )


@pytest.mark.parametrize(
    "text",
    ["The minister has not commented on Thursday.", "The minister hasn’t commented on Thursday."],
)
def test_negated_perfect_reported_without_a_fix(text):
    findings = run_rule("tense", text, date=DATE)
    assert [f.fix for f in findings] == [None]
    assert findings[0].message.endswith("use the simple past")


GOOD = [
    "The minister refused to comment on Thursday.",
    "The road has been closed since Thursday.",
    "The road has been closed since last Friday.",
    "Prices have risen for two days.",
    "Prices have risen over the last week.",
    "Prices have risen in the last year.",
    "The firm has grown this week.",
    "The firm has grown earlier this week.",
    "The firm has grown earlier today.",
    "The minister has refused to say what happened on Thursday.",
    # Ambiguous: the time may belong to "comment"; not reported (a known miss).
    "The minister has refused to comment on Thursday.",
    "The minister has agreed to meet on Thursday.",
    "The minister has said the vote will be held on Monday.",
    "Police said on Monday that the man has been charged.",
    "The man, who was arrested on Monday, has been charged.",
    "Monday's vote has shown how divided the party is.",
    "It could have happened yesterday.",
    "They would have left on Friday.",
    "The team has been training for Saturday.",
    "The council has forecast growth in 2025.",
    "The union has called a strike for Monday.",
    "The firm has been in talks until Friday.",
    "Viewers have loved Saturday Night Live for years.",
    "The group has named Tuesday a day of action.",
    "The firm has grown in 2024.",  # the article's own year is not finished
    "The firm has grown in 2030.",
    "Sales have fallen, as they did last year.",
    "He has a meeting on Monday.",
    "It has red paint on Monday.",
    "She has indeed resigned.",
    # The time belongs to a verb after the perfect's object, not to the perfect.
    "Postal votes have already exceeded the county's entire turnout in 2019.",
    "Inflation has already passed the level reached in 2011.",
    "Profits have tripled from the figures reported in 2020.",
    "The club has now matched the record it set four years ago.",
    "The airline has beaten the target set in 2019.",
    "The minister has said the bill passed on Monday.",
    "Police have recovered the car stolen on Friday.",
    "The council has returned the money it borrowed in 2015.",
    "The fund has sold the stake quietly acquired in 2018.",
    "The court has upheld the fine imposed last year.",
]


@pytest.mark.parametrize("text", GOOD)
def test_not_reported(text):
    assert found(text) == []


QUOTED = [
    '"On Thursday, I have refused to comment," the minister said.',
    "“On Thursday, I have refused to comment,” the minister said.",
    "He said: “We have agreed a deal yesterday.”",
    "We have agreed a deal yesterday,” he said.",  # a quotation carried over from above
    "'We have agreed a deal yesterday,' he said.",
]


@pytest.mark.parametrize("text", QUOTED)
def test_quoted_speech_is_skipped(text):
    assert found(text) == []


def test_outside_a_quotation_still_reported():
    text = 'On Thursday, the minister has said it was "a good day".'
    assert found(text) == ["has said"]


def test_heading_skipped_and_spans_with_crlf_and_emoji():
    text = "Minister has quit on Monday\r\n\r\n🙂 Ministers have met on Monday, aides said.\r\n"
    assert found(text) == ["have met"]
    findings = run_rule("tense", text, date=DATE)
    assert (findings[0].line, findings[0].column) == (3, 13)


def test_markdown_spans():
    text = "# Title\n\nOn *Thursday*, the minister has refused to comment.\n"
    findings = run_rule("tense", text, format="markdown", date=DATE)
    assert [text[f.start : f.end] for f in findings] == ["has refused"]


def test_year_judged_against_the_article_date():
    text = "The firm has grown in 2023."
    assert found(text) == ["has grown"]
    assert found(text, date=dt.date(2023, 6, 1)) == []


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is missing")
def test_seed_putin_has_refused_twice():
    text = (SHARED / "seeds" / "000_66e5290f122a3e84.txt").read_text(encoding="utf-8")
    findings = run_rule("tense", text)
    assert [(f.line, text[f.start : f.end]) for f in findings] == [(1, "has refused"), (2, "has refused")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # every auxiliary the literal search starts from, after words holding 'ha'
        ("The chairman has resigned on Monday.", "has resigned"),
        ("What has happened on Monday was bad.", "has happened"),
        ("We’ve signed the deal on Sunday.", "’ve signed"),
        ("They haven’t paid on Friday.", "haven’t paid"),
        ("They haven't paid on Friday.", "haven't paid"),
        ("Has resigned on Monday, the chairman said.", "Has resigned"),
        ("Have fled on Monday, the rebels said.", "Have fled"),
    ],
)
def test_each_auxiliary_is_found(text: str, span: str) -> None:
    assert found(text) == [span]
