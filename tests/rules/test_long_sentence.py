"""NL402 long-sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.testing import run_rule

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

# 41 words: The(1) council ... spring(41), counted by hand.
LONG = (
    "The council, which had been warned by its own auditors two years ago that the "
    "scheme was late and over budget, said on Tuesday that it would ask the "
    "government for more money because its contractor had collapsed in the spring."
)
# 40 words: the limit itself is allowed.
AT_LIMIT = LONG.replace("in the spring", "in spring")


def found(text: str, **kwargs) -> list[str]:
    """Return the flagged text of each finding, checking code and severity."""
    findings = run_rule("long-sentence", text, **kwargs)
    assert all(f.code == "NL402" and f.severity.value == "info" for f in findings)
    return [text[f.start : f.end] for f in findings]


def test_long_sentence_reported_with_its_length():
    text = "It rained. " + LONG + " Nobody was hurt."
    findings = run_rule("long-sentence", text)
    assert [text[f.start : f.end] for f in findings] == [LONG]
    assert findings[0].message == "sentence of 41 words (over 40)"


def test_at_the_limit_is_fine():
    assert found(AT_LIMIT) == []


def test_max_words_option():
    assert found("One two three four five six.", options={"max-words": 5}) == ["One two three four five six."]
    assert found(LONG, options={"max-words": 50}) == []


def test_abbreviations_do_not_end_the_sentence():
    # Split naively at "U.S." and "Mr." this would be three short sentences.
    text = LONG.replace("The council,", "The U.S. council, led by Mr. Jones,")
    assert found(text) == [text]


def test_figures_count_as_words():
    text = (
        "It cost 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 "
        "27 28 29 30 31 32 33 34 35 36 37 38 39."
    )
    assert found(text) == [text]  # It, cost and 39 figures: 41 words


def test_heading_skipped():
    words = " ".join(["word"] * 19)
    assert found(words + "\n", options={"max-words": 5}) == []


def test_crlf_and_emoji():
    text = "🙂 Short one.\r\n\r\n" + LONG + "\r\n"
    assert found(text) == [LONG]


def test_markdown_list_item():
    text = "- " + LONG + "\n"
    assert found(text, format="markdown") == [LONG]


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is missing")
def test_seed_run_together_sentences_are_long():
    seed = SHARED / "seeds" / "002_fc1ffe9e9bacc26a.txt"
    text = seed.read_text(encoding="utf-8")
    assert found(text)


def test_list_of_names_is_not_a_long_sentence():
    roll = (
        "Replacements: "
        + ", ".join(
            f"{name} (Cardiff Blues)"
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
    assert found(roll) == []


# Captions are judged: a figure's caption, a table's caption and an image's alt text are
# read (or spoken by a screen reader) as sentences, and house styles want them short;
# headings and table cells are labels, not sentences, and are skipped.
@pytest.mark.parametrize(
    "html",
    [
        "<figure><img src='a.jpg' alt='A flood'><figcaption>{}</figcaption></figure>",
        "<table><caption>{}</caption><tr><td>1</td></tr></table>",
        "<p>Before.</p><img src='a.jpg' alt='{}'>",
    ],
)
def test_a_long_caption_is_reported(html: str) -> None:
    text = html.format(LONG)
    assert found(text, format="html") == [LONG]


@pytest.mark.parametrize(
    "html",
    ["<h2>{}</h2>", "<table><tr><td>{}</td></tr></table>"],
)
def test_headings_and_table_cells_are_not_judged(html: str) -> None:
    assert found(html.format(LONG), format="html") == []


def test_a_caption_naming_the_people_in_a_photograph_is_a_name_roll() -> None:
    names = ", ".join(
        f"{first} {last}"
        for first, last in zip(
            "Ann Bob Cat Dan Eve Fay Gus Hal Ida Jo".split(),
            "Reid Shaw Kerr Bell Hart Wood Lamb Cole Ross Dunn".split(),
        )
    )
    caption = f"From left: {names}, Kim Lowe, Lee Park, Max Hill, Sam Fry, Tom Gale and Ned Ford, at the Eastfield Awards in Leeds."
    assert len(caption.split()) > 40
    assert found(f"<figure><figcaption>{caption}</figcaption></figure>", format="html") == []


def test_words_joined_by_dashes_are_counted_each():
    # 22 white-space chunks but 41 words (1 + 19 x 2 + 2): a count of chunks alone lets it pass.
    sentence = "The " + " ".join(["road—rail"] * 19) + " plan failed."
    findings = run_rule("long-sentence", "It rained. " + sentence)
    assert [f.message for f in findings] == ["sentence of 41 words (over 40)"]


def test_line_breaks_in_a_wrapped_sentence_do_not_hide_its_words():
    # Words separated by line breaks and tabs as well as spaces.
    words = [f"word{i}" for i in range(42)]
    sentence = "\r\n".join(" ".join(words[i : i + 7]) for i in range(0, 42, 7)).replace("word3 ", "word3\t") + "."
    findings = run_rule("long-sentence", sentence)
    assert [f.message for f in findings] == ["sentence of 42 words (over 40)"]
