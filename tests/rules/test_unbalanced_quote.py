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
    ("\"We will win.' The crowd cheered.", [(13, "'")]),
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
    ('Run `say "hi"` now,” he said.\n', [(19, "”")]),
    # a straight mark between spaces, with nothing open
    ('The score was 3 " 2 at half time.', [(16, '"')]),
    # a scare quote that lost its closing mark: lower case, not a clipped word
    ("Ministers were 'furious about the leak.", [(15, "'")]),
    ("The so-called 'urban myth was false.", [(14, "'")]),
    # a clipped word that is also a word opens a quotation when a later mark could close
    # it; here that later mark opens a quotation of its own, which is never closed
    ("He said 'round the clock and 'not now.", [(29, "'")]),
    # a mark after a number that closes the quotation: no later mark closes it
    ('He called it "Catch 22" and left, "sadly.', [(34, '"')]),
    ('"It was 1-0" he said, "and we won.', [(22, '"')]),
    # a single quotation that lost its opening mark: the closing mark ends a word that
    # takes no apostrophe, or a plural before a verb, or a year
    ("Minister sorry' over the row", [(14, "'")]),
    ("So-called human rights' have left us weak.", [(22, "'")]),
    ("Quangos are useless' says report", [(19, "'")]),
    ("Sales to double by 2010'", [(23, "'")]),
    ("The rules tackle sham weddings'", [(30, "'")]),
    # a stray closing mark before the closing mark of the quotation: one finding
    ("\"He said 'go' and so he went'\", she said.", [(28, "'")]),
    # an inch mark does not close the quotation around it
    ('"We bought a 20" screen," he said, "and', [(35, '"')]),
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
    "He is 6'2\" tall and weighs 80kg.",
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
    '"He asked \'why?\' "Then go," she said.',
    "“He asked, ‘Why not?’” she said.",
    # Markdown: quotes inside inline code are not prose
    "Type `\"` or `'` to open a quotation.\n",
    'The option `--quote="` is "new", she said.\n',
    # ellipses and dashes
    "“We will… we must,” she said. “Now—” she began, “go.”",
    '"We will ... we must," she said.',
    # clipped words (aphetic, h-dropped, 't for it): apostrophes, not opening marks
    "\"We will fight 'til the end,\" he said. They stayed 'till dawn.",
    "'Tis the season, and 'twas ever thus, she said.",
    "\"Give 'em hell,\" he said. He left 'cause he was tired.",
    "\"It was 'orrible,\" she said. It was 'orrible, she said.",
    "‘Ello, they sang ’til dawn, ’cause it was ’orrible.",
    "Pick 'n' mix, fish ’n’ chips, rock 'n' roll.",
    "The '90s, the ’80s, back in '05, a drug known as '771 in trials.",
    "'I loved the '90s,' she said.",
    # apostrophes in transliterations
    "He met Abd al-'Aziz in Ma'ale Adumim, and Shi'ite and Shi‘ite leaders.",
    "\"He met al-'Aziz,\" she said. 'They met el-‘Arish,' he said.",
    # inch, feet and seconds marks after a number, also inside a quotation
    "He bought a 20\" screen and a 14\" one. He is 5' 11\" tall, or 5' 11'' tall.",
    '"We bought a 20" screen," he said.',
    "\"He is 5' 11\" tall,\" she said. 'He is 6' 2\" now,' he said.",
    'He said: "The 12" single sold well." The pitch was 100\' long.',
    'He ran 100m in 9.58" flat.',
    # possessives of plurals, dropped g's, clipped words at the end
    "The players' union, the Greens' £4m, the Joneses' \"new\" car, Lil' Kim.",
    "We were goin' home, a cup o' tea, rock an' roll.",
    "Guns N' Roses played, then Rock N' Roll Night, and a pick n' mix stall.",
    "They won 16 titles (seven constructors' and nine drivers') in that period.",  # before a bracket
    # a decade in quotation marks
    "She captains the county '16s' now, and loved the '80s.",
    # a clipped word that is also a word, when a later mark closes it: a quotation
    "He said 'round the clock' was the plan.",
    # single-quoted words in a row, the first ending in s: it closes its own quotation,
    # as the next opening mark shows; a plural's possessive inside a quotation still reads so
    "The words ‘yes’ and ‘no’ were used, and ‘yes’ and ‘maybe’ too.",
    "He called it ‘the players’ union’ in jest.",
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
        "opening “ before 'a disgrace and left' is never closed, and the next paragraph does not reopen the quotation"
    )
    (mismatch,) = run_rule("unbalanced-quote", "\"We will win.' The crowd cheered.")
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
