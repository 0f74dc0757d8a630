"""NL204 repeated-word: the same word twice in a row."""

from __future__ import annotations

import pytest

from newslint.testing import run_rule


def found(text: str, **kwargs) -> list[tuple[int, str]]:
    """Return (offset, flagged text) of each finding, checking code and severity."""
    findings = run_rule("repeated-word", text, **kwargs)
    assert all(f.code == "NL204" and f.severity.value == "warning" for f in findings)
    return [(f.start, text[f.start : f.end]) for f in findings]


def fixed(text: str, **kwargs) -> str:
    """Apply every fix of the rule to ``text``."""
    findings = run_rule("repeated-word", text, **kwargs)
    for f in sorted(findings, key=lambda f: f.fix.start, reverse=True):
        assert f.fix.safe
        text = text[: f.fix.start] + f.fix.text + text[f.fix.end :]
    return text


BAD = [
    ("He said the the plan was sound.", [(12, "the")]),
    ("The the plan was sound.", [(4, "the")]),
    ("It rose to to 5%.", [(11, "to")]),
    ("She was talking about about it.", [(22, "about")]),
    # across a line break inside a paragraph
    ("He said that the\nthe plan was sound.", [(17, "the")]),
    ("He said that the\r\nthe plan was sound.", [(18, "the")]),
    # words with apostrophes and hyphens are whole words
    ("It is the club's club's plan and a well-known well-known fact.", [(17, "club's"), (46, "well-known")]),
    # a word glued to the one before by a mark inside the token, with no other equal pair
    # in the paragraph to let it through the screen (the verdict is the pair's own)
    ("He saw x(the the end.", [(13, "the")]),
    ("The talks ended.The the minister left.", [(20, "the")]),
    ("He said,the the plan.", [(12, "the")]),
    ("It was the the)x end.", [(11, "the")]),
    # an emoji before the slip (one code point)
    ("🎉 a a win", [(4, "a")]),
    ("The minister is is wrong, and of of course.", [(16, "is"), (33, "of")]),
    ("He waited for for a bus.", [(14, "for")]),
    # before a full stop or a comma, after an opening quotation mark or bracket
    ("They backed the plan plan.", [(21, "plan")]),
    ("Not the the, but a.", [(8, "the")]),
    ('He said "the the plan" was his.', [(13, "the")]),
    ("It grew (the the figures show) fast.", [(13, "the")]),
    ("“The the plan” was his.", [(5, "the")]),
    # lookalikes of the good English below, in the wrong neighbourhood
    ("She sat in her her car.", [(15, "her")]),
    ("He explained her her injury.", [(17, "her")]),
    ("The band shot up up the charts.", [(17, "up")]),
    ("The ban comes in in, they said.", [(17, "in")]),
    ("He met them in Beijing on on Monday.", [(26, "on")]),
    ("The score at at 90 minutes was 1-1.", [(13, "at")]),
    ("Even so so, he left.", [(8, "so")]),
    ("It has been so far far.", [(19, "far")]),
    ("There there are doubts.", [(6, "there")]),
    ("It is is pretty low.", [(6, "is")]),
    ("It was in those those, he said.", [(16, "those")]),
    # a capitalised function word doubles by mistake
    ("The The plan was sound.", [(4, "The")]),
    ("Read it in the The report.", [(15, "The")]),
    ("It was in The The Times.", [(14, "The")]),
    # a capitalised word opening the sentence is no verb unless it is a phrasal verb's
    ("Reading on on Monday, fans queued.", [(11, "on")]),
    ("Moscow in in the spring was cold.", [(10, "in")]),
    # a capitalised double, when the article uses the word alone inside sentences
    ("Shares in British firms fell. But British British Gas rose.", [(42, "British")]),
    # glued to an emoji or another symbol that is not punctuation (offsets in code points)
    ("He said 😀the the plan.", [(13, "the")]),
    ("It was 👍🏽the the end.", [(13, "the")]),
    ("Fans cheered ©the the club.", [(18, "the")]),
    ("Fans cheered the the😀 club.", [(17, "the")]),
    ("He said --the the plan.", [(14, "the")]),
    # a digit elsewhere in the token, a mark or symbol between it and the word
    ("It cost 3😀the the most.", [(14, "the")]),
    ("See page 5(the the list).", [(15, "the")]),
    ("See page 5'the the list.", [(15, "the")]),
    # a function word three times or more, or a word so after a determiner: one finding
    # spanning the extra copies
    ("He said the the the plan.", [(12, "the the")]),
    ("He said the the the the plan.", [(12, "the the the")]),
    ("The The The plan was sound.", [(4, "The The")]),
    ("We saw the plan plan plan today.", [(16, "plan plan")]),
    ("We waited for for for years.", [(14, "for for")]),
    ("Fans 😀of of of the club.", [(9, "of of")]),
    # the good English of a pair ('log in in the morning') is none for three
    ("Gains were made in in in areas such as rail.", [(19, "in in")]),
    ("It is a a a plan.", [(8, "a a")]),
    # 'had had' and 'that that' are English; a third copy is the slip
    ("Voters can be sure that that that pledge will hold.", [(29, "that")]),
    ("She had had had enough.", [(12, "had")]),
    # 'that that' before a determiner or a subject: the demonstrative takes neither
    ("Voters can be sure that that this government will act.", [(24, "that")]),
    ("He saw that that the plan failed.", [(12, "that")]),
    # the pronoun I is one letter, but not letter-spacing
    ("I I was not consulted, the minister said.", [(2, "I")]),
    ("Then I I was not consulted.", [(7, "I")]),
]


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_bad(text: str, expected: list[tuple[int, str]]) -> None:
    assert found(text) == expected


GOOD = [
    "She had had enough.",
    "He said that that was wrong.",
    "It was very very cold, and she said no no.",
    "Bye bye, said the ha ha man from far far away.",
    # a name, then the common noun it ends with, inside a sentence
    "They met in the Old Town town hall, then went to a Bath bath shop.",
    # grammatical repeats
    "The can can hold two litres, and his will will be read today.",
    "She gave her her coat and told her her fortune.",
    "You can log in in the morning, or carry on on the day.",
    "Log in in the morning. Carry on on the day, they said.",  # a phrasal verb opening its sentence
    "Fans of The The queued for hours.",  # a band: both capitalised after a word of the sentence
    "May may yet survive, aides believe. Will will stay.",  # a name opening the sentence, then the modal
    "What ministers do do is consult widely.",  # a pseudo-cleft, as 'what it is is'
    "He said that that old man lied, and that that one was broken.",  # 'that' then a demonstrative
    "A chow chow won best in show, and mahi mahi was served.",
    "What it is is a scandal, and all it was was a rumour.",
    "He said that that was wrong, and she had had enough.",
    # reduplications and interjections
    "Hip hip hooray, said the fans. Bye bye, tsk tsk, yum yum.",
    "Now now, calm down. Well well, look at that. There there.",
    "It was so so, they said, in a land far far away.",
    # letter-spaced text
    "The sign read s p a c e d and b o o k s.",
    # names that double, even where the word also stands alone
    "In May May Win, a singer, said it was fine. May is warm there.",
    "Will Will Smith come? Will said he might.",
    # names and titles
    "They saw Duran Duran on Bora Bora, and watched Soldier Soldier.",
    "Fans of Duran Duran said Duran Duran's tour was long.",
    "On Monday, the retired law lord Lord Penhallow said so.",
    # other runs of three or more are a chant
    "The crowd chanted spend spend spend and blah blah blah.",
    "Spend spend spend, they said, and then go go go.",
    "No no no, she said. Ha ha ha.",
    "The sign read TK TK TK, and s s s was letter-spaced.",
    # a word glued straight to a digit is not prose
    "It cost 3the the most, and x2 x2 was the code.",
    # a stranded preposition before a time phrase
    "It is the moment I have been waiting for for years.",
    "He has been snowed in in the past.",
    "Whatever it came in in 2004 was fine.",
    "Add to this this new law.",
    # not the same word: hyphen or apostrophe compounds, numbers, sentence breaks
    "A shop was damaged in a break-in in 2011.",
    "The score was 10 10 at half time.",
    "It was over. Over the hill they went.",
    "He said so. So it goes.",
    "It's its own fault.",
    # across paragraphs
    "The report ends with the\n\nthe appendix follows.",
]


@pytest.mark.parametrize("text", GOOD)
def test_good(text: str) -> None:
    assert found(text) == []


def test_verdict_does_not_depend_on_the_rest_of_the_file() -> None:
    # 'plan.' and 'plan' are different white-space tokens: the slip must not hinge on
    # whether some other paragraph happens to hold a doubled word.
    slip = "They backed the plan plan."
    assert found(slip) == [(21, "plan")]
    assert found(slip + "\n\nHe said the the end came.") == [(21, "plan"), (40, "the")]
    assert found("Many firms are small.\n\n" + slip) == [(44, "plan")]
    # at a paragraph's end and start, with paragraphs around it
    assert found("Many firms are small.\n\n" + slip + "\n\nThe end.") == [(44, "plan")]
    assert found("Many firms are small.\n\nThe the end.\n\nNo more.") == [(27, "the")]


def test_a_long_run_of_one_word_is_one_run() -> None:
    # The 'TK ' input of issue 9: a run, not thousands of pairs (and linear time).
    assert found("TK " * 30_000) == []
    (finding,) = run_rule("repeated-word", "the " * 30_000)
    assert (finding.start, finding.end) == (4, 4 * 30_000 - 1)


def test_allow_option_replaces_the_default_list() -> None:
    assert found("She had had enough.", options={"allow": []}) == [(8, "had")]
    assert found("He said the the plan.", options={"allow": ["the"]}) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("He said the the plan was sound.", "He said the plan was sound."),
        ("The the plan.", "The plan."),
        ("He said the\r\nthe plan.", "He said the plan."),
        ("Two of of them and the the rest.", "Two of them and the rest."),
        ("He said the the the plan.", "He said the plan."),
        ("We are sure that that that pledge holds.", "We are sure that that pledge holds."),
        ("We saw the plan\nplan plan today.", "We saw the plan today."),
        ("He said 😀the the plan.", "He said 😀the plan."),
    ],
)
def test_fix(before: str, after: str) -> None:
    assert fixed(before) == after


def test_message_and_position() -> None:
    text = "Intro line.\nHe said the  the plan."
    (finding,) = run_rule("repeated-word", text)
    assert finding.message == "repeated word: 'the the'"
    assert (finding.line, finding.column, finding.end_column) == (2, 14, 17)


def test_message_and_position_after_an_emoji() -> None:
    text = "Intro line.\r\n😀the the the plan."
    (finding,) = run_rule("repeated-word", text)
    assert finding.message == "repeated word: 'the the the'"
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (2, 6, 2, 13)
    assert text[finding.start : finding.end] == "the the"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened in 2019 2019 and later.", [(20, "2019")]),
        ("He won in 1998 1998.", [(15, "1998")]),
        ("They met in 2004  2004, then left.", [(18, "2004")]),
        ("It was 😀in 2019 2019 again.", [(16, "2019")]),
    ],
)
def test_a_year_written_twice_after_a_word(text: str, expected: list[tuple[int, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He won 6-4 6-4 in the final.",  # a score
        "Table: 10 10 0 30",  # numbers that are not years
        "The 2019 2019-20 season.",  # before a hyphen
        "In 1999 1999/2000 budgets.",  # before a slash
        "Sales 2019 2019 2020 by region",  # a row of years
        "It cost 2019 2019.5 units.",  # a decimal
        "2019 2019 was a heading of numbers.",  # no word before it
    ],
)
def test_numbers_that_are_not_a_doubled_year(text: str) -> None:
    assert found(text) == []


def test_a_doubled_year_fix_and_message() -> None:
    text = "Intro.\nIt happened in 2019 2019 and later."
    (finding,) = run_rule("repeated-word", text)
    assert finding.message == "repeated year: '2019 2019'"
    assert (finding.line, finding.column, finding.end_column) == (2, 21, 25)
    assert fixed(text) == "Intro.\nIt happened in 2019 and later."


def test_markdown_inline_code_breaks_the_pair_and_markup_blocks_the_fix() -> None:
    assert found("Call `the` the function.", format="markdown") == []
    text = "It was the *the* plan."
    (finding,) = run_rule("repeated-word", text, format="markdown")
    assert text[finding.start : finding.end] == "the"
    assert finding.start == 12 and finding.fix is None


@pytest.mark.parametrize("pattern", ["TK ", "the the. ", "Duran Duran said "])
def test_linear_time(pattern: str, growth) -> None:
    assert growth("repeated-word", pattern) < 6


# The rule screens the whole article before it reads any paragraph word by word: these
# slips are the only one in their article, among paragraphs that hold none, so a screen
# that missed their shape would miss them.
SCREENED = [
    ("The talks went well.\n\nIt was 😀the the end.\n\nNo more was said.", [(34, "the")]),
    ("The talks went well.\n\nHe said--the the end.\n\nNo more was said.", [(35, "the")]),
    ("The talks went well.\n\nIt was («the the» end).", [(35, "the")]),
    ("The talks went well.\n\nIt was the\u00a0the end.", [(33, "the")]),
    ("The talks went well.\n\nThey met in 2019 2019", [(39, "2019")]),
    ("They met in 2019 2019\n\nThe talks went well.", [(17, "2019")]),
    ("The talks went well.\n\nThey met in 2019\t2019.\n\nNo more.", [(39, "2019")]),
    # after blank-ish and one-word paragraphs, which the screen counts past
    ("Talks.\n\n...\n\nWell.\n\nIt was the the end.", [(31, "the")]),
    # after a paragraph holding NUL, which the joined prose also puts between paragraphs
    ("It was \0 over.\n\nIt was the the end.", [(27, "the")]),
]


@pytest.mark.parametrize(("text", "expected"), SCREENED)
def test_the_one_slip_of_an_article(text: str, expected: list[tuple[int, str]]) -> None:
    assert found(text) == expected


def test_the_screen_lets_no_pair_across_paragraphs_through() -> None:
    # the last word of one paragraph and the first of the next are no repeat, and a
    # year's look back for a word stops at the paragraph's start
    assert found("The talks went well\n\nwell, they did.") == []
    assert found("They met in Paris\n\n2019 2019 was the year.") == []
    assert found("It was \0 over\n\nover, it was.") == []
