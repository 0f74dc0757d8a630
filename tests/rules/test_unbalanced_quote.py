"""NL101 unbalanced-quote: quotation marks that do not pair up within a paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.testing import run_rule

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seeds" / "000_66e5290f122a3e84.txt"


def found(text: str, **kwargs) -> list[tuple[int, str]]:
    """Return (offset, flagged text) of each finding."""
    findings = run_rule("unbalanced-quote", text, **kwargs)
    assert all(f.code == "NL101" and f.severity.value == "error" for f in findings)
    return [(f.start, text[f.start : f.end]) for f in findings]


BAD = [
    # a quoted paragraph that lost its opening mark
    ("I will not go,” she said.", [(14, "”")]),
    ('I will not go," she said.', [(14, '"')]),
    ("We won’t stop,’ she said.", [(14, "’")]),
    # an opening mark never closed
    ("She called it “a disgrace and left.", [(14, "“")]),
    ('She called it "a disgrace and left.', [(14, '"')]),
    ("She called it ‘a disgrace and left.", [(14, "‘")]),
    # a nested single never closed inside a closed double
    ("“He said ‘no to me,” she said.", [(9, "‘")]),
    # a double quotation closed by a single mark: one finding, at the closing mark
    ('"We will win.\' The crowd cheered.', [(13, "'")]),
    # opened, but the next paragraph does not reopen it
    ("“We will win.\n\nThe crowd cheered.", [(0, "“")]),
    # the last paragraph cannot be continued
    ("The crowd cheered.\n\n“We will win.", [(20, "“")]),
    # an emoji (one code point) before the slip: offsets stay exact
    ("🎉 Great news,” she said.", [(13, "”")]),
    # CRLF line endings
    ("The crowd cheered.\r\n\r\nGreat news,” she said.\r\n", [(33, "”")]),
    # hard-wrapped paragraph: the slip is on its second line
    ("She said that she would\nnot go,” and left.", [(31, "”")]),
    # Markdown: the closing mark after inline code still counts, the code's quotes do not
    ("Run `say \"hi\"` now,” he said.\n", [(19, "”")]),
    # a straight mark between spaces, with nothing open
    ('The score was 3 " 2 at half time.', [(16, '"')]),
]


@pytest.mark.parametrize("text, expected", BAD)
def test_reports_unbalanced_marks(text: str, expected: list[tuple[int, str]]) -> None:
    fmt = "markdown" if "`" in text else "text"
    assert found(text, format=fmt) == expected


GOOD = [
    "“Yes,” she said.",
    '"Yes," she said.',
    "'Yes,' she said.",
    "“He said ‘no’ to me,” she said.",
    "Iran’s leader, the ’90s, rock ’n’ roll, goin’ home, the Joneses’ car, o’clock.",
    "They don't know the players' union's view of the '80s.",
    "‘Goin’ home,’ she sang.",
    "'The Joneses' house,' he said.",
    'He is 6\'2" tall and weighs 80kg.',
    "The U.S. envoy, Mr. Smith, said “it is 3.5% of 1.2bn.”",
    "“See www.example.com/a.html,” she said.",
    "“We went to the U.S.” she said.",
    # a quotation run on into the next paragraph, news style
    "“We will win.\n\n“We will not stop,” she said.",
    "“We will win.\r\n\r\n“We will not stop,” she said.\r\n",
    "He said: “We will win.\n\n“We will not stop.\n\n“Never,” he added.",
    # the same in Markdown, with blank lines between paragraphs
    "He said: “We will win.\n\n“We will not stop,” she said.\n",
    # merged paragraphs: the quotation reopens at a new sentence
    '"We will win. "We will not stop," she said.',
    "\"He asked 'why?' \"Then go,\" she said.",
    "“He asked, ‘Why not?’” she said.",
    # Markdown: quotes inside inline code are not prose
    "Type `\"` or `'` to open a quotation.\n",
    "The option `--quote=\"` is \"new\", she said.\n",
    # ellipses and dashes
    "“We will… we must,” she said. “Now—” she began, “go.”",
    "\"We will ... we must,\" she said.",
]


@pytest.mark.parametrize("text", GOOD)
def test_accepts_balanced_marks(text: str) -> None:
    fmt = "markdown" if "`" in text or text.endswith("\n") else "text"
    assert found(text, format=fmt) == []


STRICT = [
    ("“We will win.\n\n“We will not stop,” she said.", [(0, "“")]),
    ('"We will win. "We will not stop," she said.', [(0, '"')]),
]


@pytest.mark.parametrize("text, expected", STRICT)
def test_strict_reports_continued_quotations(text: str, expected: list[tuple[int, str]]) -> None:
    assert found(text) == []
    assert found(text, options={"strict": True}) == expected


def test_messages_say_what_is_wrong_and_where() -> None:
    (closing,) = run_rule("unbalanced-quote", "I will not go,” she said.")
    assert closing.message == "closing ” after 'I will not go' has no opening “ in this paragraph"
    (opening,) = run_rule("unbalanced-quote", "She called it “a disgrace and left.\n\nNo more.")
    assert opening.message == (
        "opening “ before 'a disgrace and left' is never closed, and the next paragraph"
        " does not reopen the quotation"
    )
    (mismatch,) = run_rule("unbalanced-quote", '"We will win.\' The crowd cheered.')
    assert mismatch.message == "closing ' does not match the opening \" before 'We will win'"


@pytest.mark.skipif(not SEED.is_file(), reason="the shared seeds are not available")
def test_seed_quoted_paragraphs_that_lost_their_opening_mark() -> None:
    # Read by hand: lines 3, 9, 13 and 18 are quoted paragraphs without their opening “;
    # every other quotation in the file is balanced (line 13 then opens and closes one).
    text = SEED.read_text(encoding="utf-8")
    findings = run_rule("unbalanced-quote", text, path=str(SEED))
    assert [(f.line, f.column, text[f.start : f.end]) for f in findings] == [
        (3, 147, "”"),
        (9, 118, "”"),
        (13, 100, "”"),
        (18, 174, "”"),
    ]
    assert all("has no opening “" in f.message for f in findings)
