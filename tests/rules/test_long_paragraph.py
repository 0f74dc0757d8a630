"""NL403 long-paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.testing import run_rule

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

SENTENCE = "The mayor said the bridge would open in May."  # 9 words


def found(text: str, **kwargs) -> list[str]:
    """Return the flagged text of each finding, checking code and severity."""
    findings = run_rule("long-paragraph", text, **kwargs)
    assert all(f.code == "NL403" and f.severity.value == "info" for f in findings)
    return [text[f.start : f.end] for f in findings]


def test_too_many_sentences():
    paragraph = " ".join([SENTENCE] * 5)  # 5 sentences, 45 words
    text = "Bridge news\n\n" + paragraph + "\n\nShort one.\n"
    findings = run_rule("long-paragraph", text)
    assert [text[f.start : f.end] for f in findings] == [paragraph]
    assert findings[0].message == "paragraph of 5 sentences (over 4)"


def test_too_many_words():
    # 3 + 23 x 2 + 22 "and" + 2 = 73 words in one sentence.
    long_sentence = "The mayor said " + " and ".join(["the bridge"] * 23) + " would open."
    findings = run_rule("long-paragraph", long_sentence)
    assert [f.message for f in findings] == ["paragraph of 73 words (over 70)"]


def test_both_limits_in_one_message():
    paragraph = " ".join([SENTENCE] * 9)  # 9 sentences, 81 words
    findings = run_rule("long-paragraph", paragraph)
    assert findings[0].message == "paragraph of 81 words (over 70) and 9 sentences (over 4)"


def test_at_the_limits_is_fine():
    assert found(" ".join([SENTENCE] * 4)) == []  # 4 sentences, 36 words
    # 3 + 22 x 2 + 21 "and" + 2 = 70 words.
    words = "The mayor said " + " and ".join(["the bridge"] * 22) + " would open."
    assert found(words) == []


def test_options():
    paragraph = " ".join([SENTENCE] * 5)  # 5 sentences, 45 words
    assert found(paragraph, options={"max-sentences": 4}) == [paragraph]
    assert found(paragraph, options={"max-words": 44}) == [paragraph]
    assert found(paragraph, options={"max-words": 45, "max-sentences": 5}) == []


def test_abbreviations_do_not_add_sentences():
    # Four sentences; a naive split at "U.S." and "Mr." would make it six.
    paragraph = " ".join(["The U.S. envoy met Mr. Smith."] + [SENTENCE] * 3)
    assert found(paragraph) == []


def test_headings_and_list_items_excluded():
    long_heading = "# " + " ".join([SENTENCE] * 20) + "\n"
    assert found(long_heading, format="markdown") == []
    item = "- " + " ".join([SENTENCE] * 20) + "\n"
    assert found(item, format="markdown") == []


def test_crlf_hard_wrapped_paragraph():
    lines = [SENTENCE + " " + SENTENCE] * 5  # 10 sentences on 5 short lines
    text = "\r\n".join(lines) + "\r\n"
    assert found(text) == ["\r\n".join(lines)]


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is missing")
def test_seed_550_word_paragraph_reported():
    text = (SHARED / "seeds" / "002_fc1ffe9e9bacc26a.txt").read_text(encoding="utf-8")
    findings = run_rule("long-paragraph", text)
    lines = [f.line for f in findings]
    assert 3 in lines
    third = next(f for f in findings if f.line == 3)
    assert int(third.message.split()[2]) > 500


def test_words_joined_by_dashes_are_counted_each():
    # 40 white-space chunks but 74 words (24 + 24 + 26) in three sentences.
    paragraph = (
        "The "
        + " ".join(["road—rail"] * 11)
        + " plan. It "
        + " ".join(["bus—tram"] * 11)
        + " lost. Then "
        + " ".join(["ship—plane"] * 12)
        + " won."
    )
    findings = run_rule("long-paragraph", paragraph)
    assert [f.message for f in findings] == ["paragraph of 74 words (over 70)"]
