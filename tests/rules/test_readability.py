"""NL401 readability, and the counting in newslint.counts it is built on."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newslint.counts import Counts, counts_of, hyphenation_counter, syllables, word_count
from newslint.testing import run_rule

DENSE = (
    "The committee's recommendations, notwithstanding considerable institutional opposition "
    "from administrative departments, necessitated comprehensive reconsideration of the "
    "organisation's longstanding governmental arrangements and its international financial "
    "accountability mechanisms."
)
PLAIN = (
    "The river burst its banks on Sunday. Water ran into twenty homes in the old part of "
    "the town. Nobody was hurt, the police said. The road to the bridge is shut."
)


def found(text: str, **kwargs) -> list:
    """Return the findings, checking code and severity."""
    findings = run_rule("readability", text, **kwargs)
    assert all(f.code == "NL401" and f.severity.value == "info" for f in findings)
    return findings


# -- counting ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("cat", 1),
        ("U.S", 2),  # letters read aloud: you-ess
        ("e.g", 2),
        ("BBC", 3),
        ("UN", 2),
        ("1980", 4),  # nineteen-eighty
        ("7", 1),
        ("government", 3),
        ("well-known", 2),
    ],
)
def test_syllables_as_read_aloud(token, expected):
    assert syllables(token) == expected


def test_fast_counter_matches_pyphen():
    import pyphen

    reference = pyphen.Pyphen(lang="en_US")
    count = hyphenation_counter()
    words = (
        "accountability administrative comprehensive considerable necessitated organisation "
        "recommendations institutional reconsideration notwithstanding hyphenation syllable "
        "extraordinary unbelievably parliamentary telecommunications a an the rhythm strengths"
    ).split()
    assert [count(w) for w in words] == [len(reference.positions(w)) + 1 for w in words]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The U.S. economy grew.", 4),
        ("It cost $1,000 or 3.5% more.", 6),
        ("A well-known, long-running show.", 4),
        ("Mr Smith's dog — a spaniel — barked.", 6),
        ("", 0),
        ("— …", 0),
    ],
)
def test_word_count(text, words):
    assert word_count(text) == words


def test_formulas_by_hand():
    # 2 sentences, 30 words, 45 syllables: 15 words a sentence, 1.5 syllables a word.
    counts = Counts(sentences=2, words=30, syllables=45, polysyllables=3, longest=20)
    assert counts.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 15 - 84.6 * 1.5)
    assert counts.flesch_kincaid_grade == pytest.approx(0.39 * 15 + 11.8 * 1.5 - 15.59)
    assert counts.gunning_fog == pytest.approx(0.4 * (15 + 10))


def test_empty_text_scores_zero_without_dividing_by_zero():
    counts = counts_of([])
    assert (counts.words, counts.flesch_kincaid_grade, counts.flesch_reading_ease) == (0, 0.0, 0.0)


def test_sentences_without_words_are_not_counted():
    counts = counts_of(["One two three.", "—", "Four five."])
    assert (counts.sentences, counts.words, counts.longest) == (2, 5, 3)


# -- the rule ------------------------------------------------------------------------------


def test_dense_paragraph_reported_with_its_drivers():
    text = "Council reform\n\n" + DENSE + "\n\n" + PLAIN + "\n"
    findings = found(text, options={"article": False})
    assert [text[f.start : f.end] for f in findings] == [DENSE]
    message = findings[0].message
    assert message.startswith("Flesch-Kincaid grade ")
    assert "(over 14)" in message
    # One sentence of 25 words: the message says what drives the score.
    assert ": 25 words a sentence, " in message and " syllables a word" in message


def test_plain_paragraph_is_not_reported():
    assert found(PLAIN + "\n") == []


def test_max_grade_option():
    assert found(PLAIN + "\n", options={"max-grade": 0, "min-words": 5, "article": False})


def test_short_paragraph_skipped_and_min_words_option():
    short = "Notwithstanding institutional considerations, reconsideration necessitated."
    assert found(short, options={"article": False}) == []
    assert found(short, options={"min-words": 3, "article": False})


def test_one_word_paragraph_and_empty_text():
    assert found("Incomprehensibility.") == []
    assert found("") == []
    assert found("\n\n\n") == []


def test_headline_is_skipped():
    # A plain-text line without closing punctuation is a heading, however long its words.
    headline = "Governmental accountability organisations necessitate comprehensive institutional reconsideration"
    assert found(headline + "\n", options={"min-words": 1, "article": False}) == []


def test_markdown_heading_skipped_and_list_items_scored():
    text = "# " + DENSE + "\n\n- " + DENSE + "\n"
    findings = found(text, format="markdown", options={"article": False})
    assert [text[f.start : f.end] for f in findings] == [DENSE]
    assert findings[0].line == 3


def test_abbreviations_do_not_split_sentences():
    # Naive splitting on full stops would cut this at "U.S." and "Mr." and halve the
    # sentence length; the document's sentences keep it one sentence of 26 words.
    text = (
        "The U.S. ambassador, Mr. Jones, told reporters in Washington on Monday that the "
        "embassy would stay open and that staff would keep working through the holiday."
    )
    findings = found(text, options={"max-grade": 0, "min-words": 5, "article": False})
    assert len(findings) == 1
    assert ": 26 words a sentence, " in findings[0].message


def test_numbers_do_not_break_scores():
    text = "Sales rose 12% to $1.5bn in 2019, from $1.2bn in 2018, the firm said on 3 May."
    findings = found(text, options={"max-grade": -100, "min-words": 5, "article": False})
    assert len(findings) == 1 and ": 17 words a sentence, " in findings[0].message


def test_article_level_finding_on_the_first_line():
    text = "Council reform\n\n" + DENSE + "\n\n" + DENSE + "\n"
    findings = found(text)
    articles = [f for f in findings if f.message.startswith("the article reads at")]
    assert len(articles) == 1
    assert text[articles[0].start : articles[0].end] == "Council reform"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_article_level_finding_on_a_hard_wrapped_first_line(newline):
    # The first paragraph wraps: the finding covers its first line, without the break.
    text = "Council reform" + newline + DENSE + newline + newline + DENSE + newline
    articles = [f for f in found(text) if f.message.startswith("the article reads at")]
    assert [(text[f.start : f.end], f.line, f.end_line, f.end_column) for f in articles] == [
        ("Council reform", 1, 1, 15)
    ]


def test_crlf_spans():
    text = "Council reform\r\n\r\n" + DENSE + "\r\n"
    findings = found(text, options={"article": False})
    assert [text[f.start : f.end] for f in findings] == [DENSE]


def test_start_up_does_not_import_pyphen_or_textstat():
    code = "import sys, newslint.cli, newslint.rules.readability; print(sorted(m for m in sys.modules if m.split('.')[0] in ('textstat', 'pyphen', 'nltk')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_list_of_names_is_not_scored():
    # A team sheet: one "sentence" of names, where grades mean nothing.
    roll = (
        ", ".join(
            f"{name} (Newport Gwent Dragons)"
            for name in [
                "A Jones",
                "B Evans",
                "C Williams",
                "D Thomas",
                "E Davies",
                "F Roberts",
                "G Hughes",
                "H Lewis",
                "I Morgan",
                "J Griffiths",
            ]
        )
        + "."
    )
    assert found(roll, options={"max-grade": 0, "article": False}) == []


def test_urls_are_not_scored_as_words():
    plain = "The council said the plan would go ahead. See https://example.org/council-plans-2025/harbour-redevelopment-consultation.html for details."
    counts = counts_of(["See https://example.org/long-path/with-many-parts.html for details."])
    assert counts.words == 3  # See, for, details
    assert word_count("See https://example.org/long-path/with-many-parts.html now.") == 3
    assert found(plain, options={"min-words": 5, "article": False}) == []


def test_words_joined_by_dashes_count_towards_min_words():
    # 13 white-space chunks, 26 words: enough to be scored, though the chunks are fewer.
    text = " ".join(["institutional—accountability"] * 13) + "."
    findings = found(text, options={"article": False})
    assert [text[f.start : f.end] for f in findings] == [text]
    assert ": 26 words a sentence, " in findings[0].message
