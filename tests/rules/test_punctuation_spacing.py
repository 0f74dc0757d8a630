"""NL104 punctuation-spacing: spaces inside brackets and quotes, none after commas and closing quotes."""

from __future__ import annotations

import pytest

from newslint.testing import run_rule


def apply_fixes(text: str, findings) -> str:
    """Apply every safe fix, from the end of the text backwards."""
    for finding in sorted(findings, key=lambda f: f.fix.start, reverse=True):
        if finding.fix.safe:
            text = text[: finding.fix.start] + finding.fix.text + text[finding.fix.end :]
    return text


BAD = [
    # (text, flagged substrings, fixed text)
    ("The plan ( agreed on Monday ) was new.", ["( ", " )"], "The plan (agreed on Monday) was new."),
    ("The word [ sic] was his.", ["[ "], "The word [sic] was his."),
    ("The plan (agreed on Monday ) was new.", [" )"], "The plan (agreed on Monday) was new."),
    # quotation marks whose direction is clear
    ("He called it “ a start” and left.", ["“ "], "He called it “a start” and left."),
    ("He called it “a start ” and left.", [" ”"], "He called it “a start” and left."),
    ('He called it " a start" and left.', ['" '], 'He called it "a start" and left.'),
    ('He called it "a start " and left.', [' "'], 'He called it "a start" and left.'),
    ("He called it ‘ a start’ and left.", ["‘ "], "He called it ‘a start’ and left."),
    # a comma glued to the next word
    ("The plan,which he backed, failed.", [","], "The plan, which he backed, failed."),
    # a colon between two lower-case words
    ("The final score:two goals to one.", [":"], "The final score: two goals to one."),
    ("He said:the plan, she said: no.", [":"], "He said: the plan, she said: no."),
    ("Note:the road is shut.", [":"], "Note: the road is shut."),
    # ... and a semicolon
    ("Prices rose;inflation followed; wages did not.", [";"], "Prices rose; inflation followed; wages did not."),
    (
        "The U.S.,which agreed, and Acme (the firm),which did not.",
        [",", ","],
        "The U.S., which agreed, and Acme (the firm), which did not.",
    ),
    ("In 2004,sales rose.", [","], "In 2004, sales rose."),
    # a closing quotation mark glued to the next word
    ("“We will win,”said Smith.", ["”"], "“We will win,” said Smith."),
    ('"We will win,"said Smith.', ['"'], '"We will win," said Smith.'),
    ("He called it “a start”which few believed.", ["”"], "He called it “a start” which few believed."),
    # an opening double mark glued to the word before: a lost space, or a headline run
    # into the paragraph after it
    ("He accused them of“squabbling” again.", ["“"], "He accused them of “squabbling” again."),
    ('He accused them of"squabbling" again.', ['"'], 'He accused them of "squabbling" again.'),
    ("Talks gather pace“We are hopeful,” she said.", ["“"], "Talks gather pace “We are hopeful,” she said."),
    ("In 2004“it was over”, he said.", ["“"], "In 2004 “it was over”, he said."),
    # ... also when the quotation runs on into the next paragraph (no closing partner)
    (
        'Talks went on.\n\nCoach hits out"We were robbed. The referee got it wrong.\n\n"We will appeal," he said.',
        ['"'],
        'Talks went on.\n\nCoach hits out "We were robbed. The referee got it wrong.\n\n"We will appeal," he said.',
    ),
    (
        "Talks went on.\n\nCoach hits out“We were robbed.\n\n“We will appeal,” he said.",
        ["“"],
        "Talks went on.\n\nCoach hits out “We were robbed.\n\n“We will appeal,” he said.",
    ),
    # a no-break space inside the marks
    ("The plan (\u00a0agreed) was new.", ["(\u00a0"], "The plan (agreed) was new."),
    # an emoji before the slip, CRLF
    ("🎉 The plan,which failed.\r\n", [","], "🎉 The plan, which failed.\r\n"),
]


@pytest.mark.parametrize("text, flagged, fixed", BAD)
def test_reports_and_fixes(text: str, flagged: list[str], fixed: str) -> None:
    findings = run_rule("punctuation-spacing", text)
    assert [f.code for f in findings] == ["NL104"] * len(flagged)
    assert [text[f.start : f.end] for f in findings] == flagged
    assert apply_fixes(text, findings) == fixed


GOOD = [
    "The plan (agreed on Monday) was new, he said.",
    "“We will win,” said Smith. 'Yes,' she said.",
    # numbers, times, URLs, e-mail addresses, code and tag lists
    "It cost £1,000, or 3,5 euros, at 10:30 on 1,2-dichloroethane.",
    "See http://example.com/a,b or www.example.com/x,y or mail a,b@example.com.",
    "Call f( x ) or g(a,b) in the code, and tag it red,white,blue.",
    # colons: names with a capital, times, scheme addresses, code and lists of pairs
    "He starred in CSI:NY and on CD:UK and SM:tv before 10:30.",
    "Write to mailto:desk or tel:now, use std::vector, tag it a:b:c.",
    "See http://example.com:8080/path or the ratio 3:1.",
    # semicolons: a capital beside it, character references written out, code, styles, lists
    "He rose; she fell;They left; CSI;NY and &nbsp;the and x=1;y=2 and STYLE:red;font and a;b;c.",
    "In Markdown `plan,which` is code.\n",
    # an empty pair, and a run of spaces used for layout
    "Fill in ( ) the blank, or (     ) that one.",
    # apostrophes are not closing quotation marks
    "The players'union, rock 'n'roll and the '90s.",
    # a full stop glued to the next sentence after a closing mark: missing-space's
    'It was found".The next one came.',
    # a straight mark whose direction is in doubt
    'The score was 3 " 2 at half time.',
    # an opening mark after a bracket, a dash or a slash, before a mark; a single curly
    # mark after a word (an apostrophe in typeset copy: rock‘n’roll)
    "He said (“no”), then—“yes”—and/“maybe”.",
    "It was rock‘n’roll, he said.",
    # a quotation that opens after a space and a dash
    'It was - " he paused - over.',
]


@pytest.mark.parametrize("text", GOOD)
def test_accepts(text: str) -> None:
    fmt = "markdown" if text.endswith("\n") else "text"
    assert run_rule("punctuation-spacing", text, format=fmt) == []


def test_messages() -> None:
    text = "The plan ( agreed ) was,he said, “ a start”which few believed."
    messages = [f.message for f in run_rule("punctuation-spacing", text)]
    assert messages == [
        "space after the opening (: '( agreed'",
        "space before the closing ): 'agreed )'",
        "no space after the comma: 'was,he'",
        "space after the opening “: '“ a'",
        "no space after the closing ”: '”which'",
    ]
    (finding,) = run_rule("punctuation-spacing", "The score:two goals.")
    assert finding.message == "no space after the colon: 'score:two'"
    assert (finding.column, finding.end_column) == (10, 11)
    (finding,) = run_rule("punctuation-spacing", "He accused them of“squabbling” again.")
    assert finding.message == "no space before the opening “: 'of“squabbling'"


def test_markdown_offsets() -> None:
    text = "Some **bold** plan,which failed.\n"
    (finding,) = run_rule("punctuation-spacing", text, format="markdown")
    assert (finding.start, finding.column) == (18, 19)
    assert apply_fixes(text, [finding]) == "Some **bold** plan, which failed.\n"


def test_quotation_marks_written_as_character_references_in_html() -> None:
    # No quotation mark, comma or bracket stands in the file as a character.
    text = "<p>He called it &#8220; a start&#8221; and left.</p>\n"
    (finding,) = run_rule("punctuation-spacing", text, format="html", path="test.html")
    assert text[finding.start : finding.end] == "&#8220; "
    assert finding.message == "space after the opening “: '“ a'"


# The rule screens the whole article's prose for each kind of slip before it reads a
# paragraph: each slip above, alone in the middle paragraph of an article, is found
# there all the same, and so are brackets at a paragraph's edges.
AMONG_CLEAN = [(text, flagged) for text, flagged, _ in BAD] + [
    ("( The plan ) was new.", ["( ", " )"]),
    ("The plan was new ( agreed)", ["( "]),
    ("The word [sic ] was his.", [" ]"]),
]


@pytest.mark.parametrize("text, flagged", AMONG_CLEAN)
def test_the_one_slip_of_an_article(text: str, flagged: list[str]) -> None:
    article = f"The council met.\n\n{text}\n\nNothing was decided, they said.\n"
    findings = run_rule("punctuation-spacing", article)
    assert [article[f.start : f.end] for f in findings] == flagged
    assert all(f.start >= len("The council met.\n\n") for f in findings)
