"""NL102 dangling-punctuation: repeated ends, doubled marks, spaces before them."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.testing import run_rule

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seeds" / "000_66e5290f122a3e84.txt"


def apply_fixes(text: str, findings) -> str:
    """Apply every safe fix, from the end of the text backwards."""
    for finding in sorted(findings, key=lambda f: f.fix.start, reverse=True):
        if finding.fix.safe:
            text = text[: finding.fix.start] + finding.fix.text + text[finding.fix.end :]
    return text


BAD = [
    # (text, flagged substrings, fixed text)
    ("“It is even riskier.”.", [".”."], "“It is even riskier.”"),
    ("Was it over?”. She left.", ["?”."], "Was it over?” She left."),
    ('We won!". She left.', ['!".'], 'We won!" She left.'),
    ("He asked 'why?'.", ["?'."], "He asked 'why?'"),
    ("It ended (as ever.).", [".)."], "It ended (as ever.)"),
    ("The budget,, he said, grew.", [",,"], "The budget, he said, grew."),
    ("The budget,,, he said.", [",,,"], "The budget,, he said."),
    ("The deal is done..", [".."], "The deal is done."),
    ("The deal is done.. Then what?", [".."], "The deal is done. Then what?"),
    # two full stops after a closing quotation mark or bracket
    ('He called it "a farce".. Then he left.', [".."], 'He called it "a farce". Then he left.'),
    ("He called it “a farce”..", [".."], "He called it “a farce”."),
    ("It ended (for now).. Then it began.", [".."], "It ended (for now). Then it began."),
    # a stray mark beside another: the comma of ',.' and the stop of '.,' only suggested
    ("The club said it would appeal,.", [",."], "The club said it would appeal,."),
    ("The talks ended., and both sides left.", [".,"], "The talks ended., and both sides left."),
    ("Prices rose;; wages did not.", [";;"], "Prices rose; wages did not."),
    ("The verdict:: guilty.", ["::"], "The verdict: guilty."),
    ("Who will pay?. The Treasury did not say.", ["?."], "Who will pay? The Treasury did not say."),
    ('He asked "who pays?"?. Nobody knew.', ["?."], 'He asked "who pays?"? Nobody knew.'),
    ("The deal ended , he said.", [" ,"], "The deal ended, he said."),
    ("The deal ended .", [" ."], "The deal ended."),
    ("The deal ended . Then it began.", [" ."], "The deal ended. Then it began."),
    ("It cost 3.5% .", [" ."], "It cost 3.5%."),
    ('"It is over ." she said.', [" ."], '"It is over." she said.'),
    # a mark glued to the next word: the space moves after it (issue 9, item 9)
    ("It was here ,then there.", [" ,"], "It was here, then there."),
    ('She said ,"No."', [" ,"], 'She said, "No."'),
    ("The talks ended .London said no.", [" ."], "The talks ended. London said no."),
    # no-break and thin spaces, alone or after an ordinary space
    ("The deal ended\u00a0, he said.", ["\u00a0,"], "The deal ended, he said."),
    ("The deal ended\u202f.", ["\u202f."], "The deal ended."),
    ("The deal ended\u2009; we left.", ["\u2009;"], "The deal ended; we left."),
    ("The deal ended \u00a0, he said.", [" \u00a0,"], "The deal ended, he said."),
    # semicolons, colons, question and exclamation marks
    ("It rained ; we left.", [" ;"], "It rained; we left."),
    ('She said : "No."', [" :"], 'She said: "No."'),
    ('She said :"No."', [" :"], 'She said: "No."'),
    ("Is it over ?", [" ?"], "Is it over?"),
    ("What a game ! We won.", [" !"], "What a game! We won."),
    ("The odds were 9/4 .", [" ."], "The odds were 9/4."),
    # an emoji before the slip: offsets stay exact
    ("🎉 We won ,", [" ,"], "🎉 We won,"),
    # CRLF
    ("One line.\r\n\r\nThe deal ended .\r\n", [" ."], "One line.\r\n\r\nThe deal ended.\r\n"),
]


@pytest.mark.parametrize("text, flagged, fixed", BAD)
def test_reports_and_fixes(text: str, flagged: list[str], fixed: str) -> None:
    findings = run_rule("dangling-punctuation", text)
    assert [f.code for f in findings] == ["NL102"] * len(flagged)
    assert [text[f.start : f.end] for f in findings] == flagged
    assert apply_fixes(text, findings) == fixed


def test_exact_offsets_after_an_emoji() -> None:
    (finding,) = run_rule("dangling-punctuation", "🎉 We won ,")
    assert (finding.start, finding.end, finding.column) == (8, 10, 9)


def test_markdown_offsets_map_back_to_the_file() -> None:
    text = "Some **bold** text ended , then `code` went on.\n"
    (finding,) = run_rule("dangling-punctuation", text, format="markdown")
    assert text[finding.start : finding.end] == " ,"
    assert apply_fixes(text, [finding]) == "Some **bold** text ended, then `code` went on.\n"


ENTITY_WRITTEN = [
    # (format, text, flagged file substrings, fixed text): the slip is in the prose,
    # written with entities; the span points into the file, the fix cuts the literal mark
    (
        "html",
        "<p>He called it &ldquo;even riskier.&rdquo;. Then he left.</p>\n",
        [".&rdquo;."],
        "<p>He called it &ldquo;even riskier.&rdquo; Then he left.</p>\n",
    ),
    ("html", "<p>😀 It was riskier.&#8221;. Then.</p>", [".&#8221;."], "<p>😀 It was riskier.&#8221; Then.</p>"),
    ("html", "<p>Was it over?&#x201D;. She left.</p>", ["?&#x201D;."], "<p>Was it over?&#x201D; She left.</p>"),
    ("html", "<p>The budget&#44;, he said.</p>", ["&#44;,"], "<p>The budget&#44; he said.</p>"),
    (
        "markdown",
        "He called it &ldquo;even riskier.&rdquo;. Then he left.\n",
        [".&rdquo;."],
        "He called it &ldquo;even riskier.&rdquo; Then he left.\n",
    ),
]


@pytest.mark.parametrize("format, text, flagged, fixed", ENTITY_WRITTEN)
def test_slips_written_with_entities(format: str, text: str, flagged: list[str], fixed: str) -> None:
    findings = run_rule("dangling-punctuation", text, format=format)
    assert [f.code for f in findings] == ["NL102"] * len(flagged)
    assert [text[f.start : f.end] for f in findings] == flagged
    assert apply_fixes(text, findings) == fixed


@pytest.mark.parametrize(
    "text",
    [
        '<p>See <a href="/search?q=a,,b&amp;t=1">the results</a> here.</p>',
        '<p>It was over.<span data-quote="done.”."></span></p>',
        '<p data-note="a ,b">A clean paragraph.</p>',
    ],
)
def test_markup_is_not_prose(text: str) -> None:
    assert run_rule("dangling-punctuation", text, format="html") == []


def test_two_dot_ellipsis_fix_is_not_safe() -> None:
    (finding,) = run_rule("dangling-punctuation", "An apple.. a triumph of fashion.")
    assert finding.fix is not None and not finding.fix.safe


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("He said: “We will win this,”. Then he left.", ",”."),
        ('She called it "a start,". Few agreed.', ',".'),
        ("It was, he said, 'over,'.", ",'."),
        ("They met (on Monday,).", ",)."),
        ("The word was “no,”).", ",”)."),
    ],
)
def test_comma_before_the_closing_mark_where_the_sentence_ends(text: str, flagged: str) -> None:
    (finding,) = run_rule("dangling-punctuation", text)
    assert text[finding.start : finding.end] == flagged
    assert finding.message == f"comma before the closing {flagged[-2]} where the sentence ends: '{flagged}'"
    # The comma goes, as an unsafe fix: the writer may have meant a full stop inside.
    assert (finding.fix.start, finding.fix.end, finding.fix.text, finding.fix.safe) == (
        finding.start,
        finding.start + 1,
        "",
        False,
    )


@pytest.mark.parametrize("text", ["“We will win,” he said.", '"Yes," she said. "No."', "They met (on Monday, at ten)."])
def test_a_comma_before_a_closing_mark_that_goes_on_is_fine(text: str) -> None:
    assert run_rule("dangling-punctuation", text) == []


def test_message() -> None:
    (finding,) = run_rule("dangling-punctuation", "“It is even riskier.”.")
    assert finding.message == "full stop repeated after the closing ”: '.”.'"


GOOD = [
    # abbreviations before a comma; code and addresses; '!.' after a name; an ellipsis
    "In the U.S., e.g., and etc., Inc., LLC., Mr., and Jan., it held.",
    "Use std::vector or fe80::1 here, and see a?.b in the code.",
    "Shares in Yahoo!. Then why?... and so on?.. no.",
    "We will wait... and see.",
    "We will wait… and see.",
    "It was a long night . . . tempers frayed.",
    "She trailed off...",
    "Go to ../parent or http://example.com/a..b for it.",
    "Count from 1..10 in the loop.",
    "The U.S. envoy met Mr. Smith at 10 a.m. on Monday.",
    "It grew 3.5% to 1,200.5 units, or .5 of a point.",
    "Visit example.com or the .com domain, with .NET tools.",
    "Press the . key to stop the clock.",
    "“It was made in the U.S.”.",
    # two full stops after an opening mark: quoted or bracketed as themselves
    'Type ".." or (..) to go up.',
    "The fair price (set by whom?).",
    "“Yes,” she said. “No.”",
    "He asked “why?” and left.",
    "Its name is Acme Inc.).",
    "In Markdown `a ,b` and `x..` are code.\n",
    "Nine Inch Nails... and others.",
    # a full stop glued to a name written with it, or to a lower-case word or a domain
    "Microsoft's .Net platform, the .NET tools, the .com boom and the .london domain.",
    # scores, times, emoticons, code
    "Arsenal won 2 : 1 at home, at 10 : 30 on Sunday.",
    "Nice ;) and :-) and :( all round.",
    "See http://example.com/a ? or www.example.com ! for it.",
    # the full stop after a decimal comma, and a no-break space between words
    "It grew 3 ,5 per cent.",
    "It cost 5\u00a0pounds, he said.",
]


@pytest.mark.parametrize("text", GOOD)
def test_accepts(text: str) -> None:
    fmt = "markdown" if text.endswith("\n") else "text"
    assert run_rule("dangling-punctuation", text, format=fmt) == []


@pytest.mark.skipif(not SEED.is_file(), reason="the shared seeds are not available")
def test_seed_full_stop_after_closing_quote() -> None:
    # Read by hand: line 13 ends "...even riskier.”." (column 235 is the first full stop).
    text = SEED.read_text(encoding="utf-8")
    findings = run_rule("dangling-punctuation", text)
    assert [(f.line, f.column, text[f.start : f.end]) for f in findings] == [(13, 235, ".”.")]


# The rule screens the whole article's prose for each kind of slip before it reads a
# paragraph: each slip above, alone in the middle paragraph of an article, is found
# there all the same, and so are the longest runs of closers.
AMONG_CLEAN = [(text, flagged) for text, flagged, _ in BAD] + [
    ("It was (risky.”).", [".”)."]),
    ("He said “win this,”).", [",”)."]),
]


@pytest.mark.parametrize("text, flagged", AMONG_CLEAN)
def test_the_one_slip_of_an_article(text: str, flagged: list[str]) -> None:
    article = f"The council met.\n\n{text}\n\nNothing was decided, they said.\n"
    findings = run_rule("dangling-punctuation", article)
    assert [article[f.start : f.end] for f in findings] == flagged
    assert all(f.start >= len("The council met.\n\n") for f in findings)
