"""NL207 repeated-phrase: a phrase of two to four words written twice in a row."""

from __future__ import annotations

import pytest

from newslint.testing import run_rule


def found(text: str, **kwargs) -> list[tuple[int, str]]:
    """Return (offset, flagged text) of each finding, checking code and severity."""
    findings = run_rule("repeated-phrase", text, **kwargs)
    assert all(f.code == "NL207" and f.severity.value == "warning" for f in findings)
    return [(f.start, text[f.start : f.end]) for f in findings]


def fixed(text: str, **kwargs) -> str:
    """Apply every (safe) fix of the rule to ``text``."""
    findings = run_rule("repeated-phrase", text, **kwargs)
    for f in sorted(findings, key=lambda f: f.fix.start, reverse=True):
        assert f.fix.safe
        text = text[: f.fix.start] + f.fix.text + text[f.fix.end :]
    return text


BAD = [
    ("Talks resume at the at the end of May.", [(20, "at the")]),
    ("They met in the in the morning.", [(16, "in the")]),
    # three and four words, numbers, sentence start, case
    ("He said it was in the end in the end a draw.", [(26, "in the end")]),
    ("She will be back at the start at the start of June.", [(30, "at the start")]),
    ("It opened on 5 May on 5 May last year.", [(19, "on 5 May")]),
    ("The plan the plan was sound.", [(9, "the plan")]),
    # before a full stop, across a line break inside a paragraph, after an emoji
    ("Nobody knew what to do what to do.", [(23, "what to do")]),
    ("He said of the\nof the party that it was over.", [(15, "of the")]),
    ("🎉 We met at the at the club.", [(16, "at the")]),
    # at a paragraph's end, with paragraphs around it
    ("It rained.\n\nNobody knew what to do what to do.\n\nThe end.", [(35, "what to do")]),
    # an 'and' pair that is no idiom
    ("The market is competitive and competitive and we will fight.", [(30, "competitive and")]),
]


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_bad(text: str, expected: list[tuple[int, str]]) -> None:
    assert found(text) == expected


GOOD = [
    # chants, calls and songs
    "The fans sang come on come on come on all night.",
    "The clock went tick tock tick tock, and ooh la la ooh la la.",
    # idioms of a doubled shape
    "Prices got higher and higher and we paid.",
    "It went on and on and on, and more and more people came.",
    "They won back to back titles, side by side, and Measure for Measure opened.",
    "It was shrunk and shrunk and shrunk.",
    "What makes a gadget a gadget is hard to say.",
    # names and titles
    "The song New York New York played.",
    # punctuation between the copies
    "Come on, come on, he said. At the time, at the time of writing.",
    # a single word doubled is repeated-word's, not this rule's
    "He said the the plan and the the the the end.",
    # across paragraphs
    "It ended at the\n\nat the end of the day.",
]


@pytest.mark.parametrize("text", GOOD)
def test_good(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Talks resume at the at the end.", "Talks resume at the end."),
        ("He said of the\r\nof the party.", "He said of the party."),
    ],
)
def test_fix(before: str, after: str) -> None:
    assert fixed(before) == after


def test_message_position_and_markup_blocks_the_fix() -> None:
    text = "Intro.\n\nTalks resume at the at the end."
    (finding,) = run_rule("repeated-phrase", text)
    assert finding.message == "repeated phrase: 'at the' twice in a row"
    assert (finding.line, finding.column, finding.end_column) == (3, 21, 27)
    md = "Talks resume *at the* at the end."
    (finding,) = run_rule("repeated-phrase", md, format="markdown")
    assert md[finding.start : finding.end] == "at the" and finding.fix is None


# A Markdown image's alt text is in its paragraph's prose: a caption beside it in the
# same words is no doubling. A doubled phrase inside the alt text, inside the caption, or
# a link's text doubled (the link is read) still is.
IMAGE_GOOD = [
    "![A flooded road](road.jpg) A flooded road near the river on Monday.\n",
    "![A flooded road](road.jpg)\nA flooded road near the river on Monday.\n",
    "Water rose.\n\n![A flooded road](road.jpg)\n*A flooded road near the river.*\n",
    "A flooded road ![A flooded road](road.jpg)\n",
    '![Photo: a flooded road](road.jpg "Flood") A flooded road, on Monday.\n',
    "![A flooded road][photo] A flooded road.\n\n[photo]: road.jpg\n",
    "😀 ![A flooded road](road.jpg) A flooded road.\n",
]


@pytest.mark.parametrize("text", IMAGE_GOOD)
def test_an_images_alt_text_and_its_caption_are_not_a_doubling(text: str) -> None:
    assert found(text, format="markdown") == []


IMAGE_BAD = [
    ("![The road at the at the weir](road.jpg) Water rose.\n", [(18, "at the")]),
    ("![A road](road.jpg) It rose at the at the weekend.\n", [(35, "at the")]),
    ("😀 ![A road](road.jpg) It rose at the at the weekend.\n", [(37, "at the")]),
    ("[A flooded road](road.html) A flooded road was shut.\n", [(28, "A flooded road")]),
]


@pytest.mark.parametrize(("text", "expected"), IMAGE_BAD)
def test_doubled_phrases_beside_an_image_are_still_found(text: str, expected: list[tuple[int, str]]) -> None:
    assert found(text, format="markdown") == expected


@pytest.mark.parametrize("pattern", ["at the ", "a b c a b c d "])
def test_linear_time(pattern: str, growth) -> None:
    assert growth("repeated-phrase", pattern) < 6
