"""A finding's identity: stable under edits elsewhere, new when the flagged text changes."""

from __future__ import annotations

import pytest
from formatting import finding

from newslint.fingerprint import fingerprints, paragraph_breaks, with_path

STORY = (
    "Council backs harbour plan\n"
    "\n"
    "The council met on Monday.It agreed the plan after a long debate.\n"
    "\n"
    "Residents said the the new quay would bring trade back to the town.\n"
    "\n"
    "The vote was close, and the mayor said she would write to every household.\n"
)


def identity(text: str, needle: str, code: str = "NL201", nth: int = 0) -> str:
    """The fingerprint of a finding on the ``nth`` ``needle`` in ``text``."""
    return fingerprints([finding(text, needle, code, nth=nth)], text)[0]


@pytest.mark.parametrize(
    "edited",
    [
        # ten lines added above
        "Ten new lines\n" * 10 + "\n" + STORY,
        # another paragraph edited
        STORY.replace("The vote was close", "The vote, held late on Tuesday, was close"),
        # paragraphs moved: the last one first
        STORY.replace("\nThe vote was close, and the mayor said she would write to every household.\n", "").replace(
            "Council backs harbour plan\n\n",
            "Council backs harbour plan\n\nThe vote was close, and the mayor said she would write to every household.\n\n",
        ),
        # CRLF line endings
        STORY.replace("\n", "\r\n"),
        # words far along the same paragraph changed
        STORY.replace("after a long debate", "after a debate that ran past midnight"),
    ],
    ids=["lines-above", "other-paragraph", "moved-paragraph", "crlf", "far-in-paragraph"],
)
def test_identity_survives_edits_elsewhere(edited):
    assert identity(edited, "Monday.It") == identity(STORY, "Monday.It")
    assert identity(edited, "the the") == identity(STORY, "the the")


@pytest.mark.parametrize(
    "edited, needle",
    [
        (STORY.replace("Monday.It", "Monday.The"), "Monday.The"),  # the flagged text
        (STORY.replace("met on Monday", "sat on Monday"), "Monday.It"),  # a word just before
        (STORY.replace("It agreed the plan", "It backed the plan"), "Monday.It"),  # a word just after
    ],
)
def test_identity_changes_with_the_flagged_text_or_its_neighbours(edited, needle):
    assert identity(edited, needle) != identity(STORY, "Monday.It")


def test_the_rule_is_part_of_the_identity():
    assert identity(STORY, "Monday.It", "NL201") != identity(STORY, "Monday.It", "NL202")


def test_identical_slips_in_identical_words_are_told_apart_by_their_order():
    text = "It rained.Then it stopped.\n\nIt rained.Then it stopped.\n"
    first, second = (finding(text, "rained.Then", nth=n) for n in (0, 1))
    prints = fingerprints([first, second], text)
    assert prints[0] != prints[1]
    # numbered by position, whatever order the findings come in
    assert fingerprints([second, first], text) == prints[::-1]
    # and a third copy added at the end leaves the first two alone
    longer = text + "\nIt rained.Then it stopped.\n"
    assert fingerprints([finding(longer, "rained.Then", nth=n) for n in (0, 1)], longer) == prints


def test_context_stops_at_the_paragraph():
    # One paragraph a line (long lines, as pasted out of a CMS): the line before is
    # another paragraph, so replacing it does not change a finding at the start of this one.
    filler = " and so the report went on for many more words than any wrapped line would" * 2
    before = f"First paragraph{filler}.\nMonday.It was late{filler}.\n"
    after = f"A wholly different paragraph{filler}.\nMonday.It was late{filler}.\n"
    assert identity(before, "Monday.It") == identity(after, "Monday.It")


def test_rewrapping_a_hard_wrapped_paragraph_keeps_the_identity():
    wrapped = "The council met on\nMonday.It agreed the\nplan after a debate.\n"
    rewrapped = "The council met on Monday.It\nagreed the plan after a\ndebate.\n"
    assert identity(wrapped, "Monday.It") == identity(rewrapped, "Monday.It")


def test_a_long_span_is_known_by_its_ends():
    paragraph = " ".join(f"word{n}" for n in range(80)) + "."
    text = f"{paragraph}\n"
    edited = text.replace("word40", "changed")
    whole = (paragraph, paragraph.replace("word40", "changed"))
    assert identity(text, whole[0], "NL403") == identity(edited, whole[1], "NL403")
    assert identity(text, whole[0], "NL403") != identity(
        text.replace("word79", "last"), whole[0].replace("word79", "last"), "NL403"
    )


def test_without_text_the_identity_falls_back_on_the_message():
    f = finding(STORY, "Monday.It")
    assert fingerprints([f], None) == fingerprints([f], None)
    assert fingerprints([f], None) != fingerprints([f], STORY)


def test_with_path_tells_files_apart():
    [print_] = fingerprints([finding(STORY, "Monday.It")], STORY)
    assert with_path("a.txt", print_) != with_path("b.txt", print_)
    assert len(with_path("a.txt", print_)) == 32


@pytest.mark.parametrize(
    "text, expected",
    [
        ("one\n\ntwo\n", [4]),  # the blank line, which starts at offset 4
        ("short\nwrapped\nlines\n", []),  # a hard-wrapped block
        ("x" * 120 + "\n" + "y\n", [120]),  # a long line: one paragraph a line
        ("x" * 120 + "\r\n" + "y\r\n\r\nz", [120, 125]),
        ("", []),
    ],
)
def test_paragraph_breaks(text, expected):
    assert paragraph_breaks(text) == expected
