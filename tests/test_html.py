"""HTML drafts: what is prose, where each character came from, and bad markup."""

from __future__ import annotations

import html
import re
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.parsers.html import STAND_IN, parse
from newslint.parsers.model import Paragraph
from newslint.testing import run_rule


def prose(source: str) -> list[tuple[str, str]]:
    """Return ``(kind, text)`` of each paragraph of an HTML text."""
    return [(p.kind, p.text) for p in parse(source).paragraphs]


def find(source: str, part: str) -> tuple[Paragraph, int]:
    """Return the paragraph whose text holds ``part``, and where."""
    for paragraph in parse(source).paragraphs:
        if part in paragraph.text:
            return paragraph, paragraph.text.index(part)
    raise AssertionError(f"{part!r} is in no paragraph")


def file_text(source: str, part: str) -> str:
    """Return the file text that the paragraph text ``part`` spans."""
    paragraph, at = find(source, part)
    start, end = paragraph.span(at, at + len(part))
    return source[start:end]


def assert_maps_back(source: str) -> None:
    """Every prose character is the file's character at its offset, or a stand-in whose
    file span reads as it; markup that could not be parsed never leaks into the prose."""
    for paragraph in parse(source).paragraphs:
        previous = -1
        for index, char in enumerate(paragraph.text):
            offset = paragraph.offset(index)
            start, end = paragraph.span(index, index + 1)
            assert start == offset and 0 <= start < end <= len(source), (paragraph, index)
            assert offset >= previous, (paragraph, index)
            previous = offset
            written = source[start:end]
            if end - start == 1 and char == written:
                if char == "<" and paragraph.kind != "caption":  # alt=<b> is the text "<b"
                    assert not re.match(r"<[A-Za-z/!?]", source[start : start + 2]), (paragraph, index)
                continue
            if char == STAND_IN:
                assert re.match(r"<(code|kbd|samp)\b", written, re.IGNORECASE), written
            elif written.startswith("<"):
                assert char == "\n" and re.match(r"</?br\b", written, re.IGNORECASE), written
            else:
                assert written.startswith("&"), (char, written)
                # html.unescape refuses a number of thousands of digits; it reads as U+FFFD
                decoded = "\ufffd" if len(written) > 40 else html.unescape(written)
                assert char in decoded, (char, written)


# -- what is prose ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source, expected",
    [
        ("<h1>Rates rise</h1><p>The bank acted.</p>", [("heading", "Rates rise"), ("paragraph", "The bank acted.")]),
        (
            (
                "<html><head><title>Rates rise again</title><meta charset='utf-8'></head>"
                "<body><p>Text.</p></body></html>"
            ),
            [("heading", "Rates rise again"), ("paragraph", "Text.")],
        ),
        (
            "<ul>\n  <li>First point</li>\n  <li>Second <b>bold</b> point\n</ul>",
            [("list-item", "First point"), ("list-item", "Second bold point")],
        ),
        ("<ol><li>one<li>two</ol>", [("list-item", "one"), ("list-item", "two")]),
        (
            "<li>Lead <ul><li>nested</li></ul> tail</li>",
            [("list-item", "Lead"), ("list-item", "nested"), ("list-item", "tail")],
        ),
        ("<dl><dt>Term</dt><dd>Meaning here</dd></dl>", [("list-item", "Term"), ("list-item", "Meaning here")]),
        (
            "<blockquote><p>We will win.</p><p>Soon.</p></blockquote>",
            [("quote", "We will win."), ("quote", "Soon.")],
        ),
        ("<blockquote><h2>Sub</h2>Said.</blockquote>", [("heading", "Sub"), ("quote", "Said.")]),
        (
            (
                "<table><caption>Results</caption><tr><th>Team</th><th>Score</th></tr>"
                "<tr><td>Rovers &amp; United</td><td>3&ndash;1</td></tr></table>"
            ),
            [
                ("caption", "Results"),
                ("table-cell", "Team"),
                ("table-cell", "Score"),
                ("table-cell", "Rovers & United"),
                ("table-cell", "3\u20131"),
            ],
        ),
        (
            (
                '<figure><img src="p.jpg" alt="Fans outside the ground"><figcaption>Fans queued from dawn'
                "</figcaption></figure>"
            ),
            [("caption", "Fans outside the ground"), ("caption", "Fans queued from dawn")],
        ),
        (
            "<body>Loose text here<div>In a div</div>After the div</body>",
            [("paragraph", "Loose text here"), ("paragraph", "In a div"), ("paragraph", "After the div")],
        ),
        (
            '<p>The <a href="/x">minister&#8217;s</a> <em>strong <strong>nested</strong></em> view</p>',
            [("paragraph", "The minister\u2019s strong nested view")],
        ),
        ('<p title="A  title" data-note="Not prose.">Text</p>', [("paragraph", "Text")]),
        ("<p>First line<br>\nsecond line<br/>third</p>", [("paragraph", "First line\nsecond line\nthird")]),
        # Runs of whitespace stay as they are; a block's own leading and trailing space goes.
        ("<p>\n   Two  spaces kept\n   across\tlines.  </p>", [("paragraph", "Two  spaces kept\n   across\tlines.")]),
        # ...but whitespace that markup separates from the whitespace before it is collapsed.
        ("<p>One <b> two</b> three <!-- c --> four</p>", [("paragraph", "One two three four")]),
        ("<p>CMS&nbsp;spacer next:</p><p>&nbsp;</p><p> </p><p></p>", [("paragraph", "CMS\xa0spacer next:")]),
        ("<p>Run <code>make  all</code> now.</p>", [("paragraph", f"Run {STAND_IN} now.")]),
        ("<p>Press <kbd>Ctrl</kbd>+<samp>C</samp>.</p>", [("paragraph", f"Press {STAND_IN}+{STAND_IN}.")]),
        (
            '<p>An <img src="x.png" alt="inline icon"> image</p>',
            [("paragraph", "An image"), ("caption", "inline icon")],
        ),
        ('<p><img alt="" src="spacer.gif"><img src="no-alt.gif">Text</p>', [("paragraph", "Text")]),
    ],
)
def test_what_is_prose(source, expected):
    assert prose(source) == expected
    assert_maps_back(source)


NOT_PROSE = [
    "<script>var said = \"He said  'no'.It was\";</script>",
    "<script type='module'>if (a < b && c > d) { s = '</p>'; }</script>",
    '<style>p::after { content: "x  y"; }</style>',
    "<pre>  pre  formatted.Text </pre>",
    "<pre><code>code.In a block</code></pre>",
    "<template><p>Hidden until cloned.</p></template>",
    "<noscript><p>Please enable scripts.</p><img alt='tracking pixel'></noscript>",
    "<textarea>Type  here.Now</textarea>",
    "<select><option>First choice</option></select>",
    "<svg><title>Chart title</title><text>Label</text></svg>",
    "<video controls>Your browser cannot play this.</video>",
    "<!-- An editor's note.It is not prose. -->",
    "<!DOCTYPE html><?xml version='1.0'?>",
    "<nav><a href='/'>Home</a><a href='/news'>News</a></nav>",
    "<button>Share</button><button>Subscribe</button>",
]


@pytest.mark.parametrize("hidden", NOT_PROSE)
def test_what_is_not_prose(hidden):
    source = f"<body><p>Before it.</p>{hidden}<p>After it.</p></body>"
    assert prose(source) == [("paragraph", "Before it."), ("paragraph", "After it.")]


def test_hidden_inline_elements_leave_the_sentence_whole():
    source = "<p>The mayor<script>track()</script> said<!-- note --> no<style>b{}</style>.</p>"
    assert prose(source) == [("paragraph", "The mayor said no.")]


def test_a_tracked_deletion_is_not_the_copy():
    assert prose("<p>The council <del>approved</del><ins>rejected</ins> the plan.</p>") == [
        ("paragraph", "The council rejected the plan.")
    ]


def test_paragraphs_come_in_file_order():
    source = '<p>Text before <img alt="Second"> and after.</p><p><img alt="Third">Fourth</p>'
    paragraphs = parse(source).paragraphs
    assert [p.text for p in paragraphs] == ["Text before and after.", "Second", "Third", "Fourth"]
    assert [p.start for p in paragraphs] == sorted(p.start for p in paragraphs)


# -- character references --------------------------------------------------------------------


@pytest.mark.parametrize(
    "source, part, written",
    [
        ("<p>Smith &amp; Jones</p>", "&", "&amp;"),
        ("<p>Smith &amp; Jones</p>", "Smith & Jones", "Smith &amp; Jones"),
        ("<p>Smith &amp; Jones</p>", "h &", "h &amp;"),
        ("<p>Smith &amp; Jones</p>", "& J", "&amp; J"),
        ("<p>The mayor&#8217;s car</p>", "\u2019", "&#8217;"),
        ("<p>The mayor&#8217;s car</p>", "mayor\u2019s", "mayor&#8217;s"),
        ("<p>It&#x2019;s here</p>", "It\u2019s", "It&#x2019;s"),
        ("<p>It&#X2019s here</p>", "\u2019", "&#X2019"),
        ("<p>It&rsquo;s here</p>", "\u2019s", "&rsquo;s"),
        ("<p>10&nbsp;km</p>", "10\xa0km", "10&nbsp;km"),
        # HTML5 reads some legacy names without their semicolon.
        ("<p>&copy 2024 Smith &amp Sons</p>", "\xa9 2024", "&copy 2024"),
        ("<p>&copy 2024 Smith &amp Sons</p>", "& Sons", "&amp Sons"),
        ("<p>Notes &notit; here</p>", "\xacit;", "&notit;"),
        ("<p>A &fjlig; ligature</p>", "fj", "&fjlig;"),
        ("<p>A &fjlig; ligature</p>", "j", "&fjlig;"),
        ("<p>Price &pound;5&euro;</p>", "\xa35\u20ac", "&pound;5&euro;"),
        ("<td>Rovers &amp; United</td>", "Rovers & United", "Rovers &amp; United"),
        ('<img alt="Smith &amp; Jones at the &quot;Rovers&quot;">', '"Rovers"', "&quot;Rovers&quot;"),
    ],
)
def test_a_reference_is_its_character_and_spans_its_whole_text(source, part, written):
    assert file_text(source, part) == written


@pytest.mark.parametrize(
    "source, expected",
    [
        ("<p>a &#0; b</p>", "a \ufffd b"),
        ("<p>a &#x80; b</p>", "a \u20ac b"),  # the Windows-1252 reading HTML5 prescribes
        ("<p>a &#xD800; b</p>", "a \ufffd b"),
        ("<p>a &#99999999999999999999999999999999999999; b</p>", "a \ufffd b"),
        ("<p>a &#" + "9" * 5000 + "; b</p>", "a \ufffd b"),
        ("<p>AT&T &foo; &#; &#x; & b</p>", "AT&T &foo; &#; &#x; & b"),
        ("<p>Fish &amp chips</p>", "Fish & chips"),
        ("<p>&ampfoo</p>", "&foo"),
    ],
)
def test_references_read_as_html5_reads_them(source, expected):
    assert prose(source) == [("paragraph", expected)]
    assert_maps_back(source)


def test_in_an_attribute_a_legacy_name_before_equals_or_a_letter_is_as_written():
    source = '<img alt="a&copy=b &copyd &copy; c&amp;d">'
    assert prose(source) == [("caption", "a&copy=b &copyd \xa9 c&d")]


def test_span_ends_at_piece_boundaries():
    source = "<p>x&amp;y <b>z</b></p>"
    paragraph = parse(source).paragraphs[0]
    assert paragraph.text == "x&y z"
    amp = source.index("&amp;")
    assert paragraph.span(0, 1) == (3, 4)  # "x" ends where the reference begins
    assert paragraph.span(1, 2) == (amp, amp + 5)
    assert paragraph.span(0, 2) == (3, amp + 5)
    assert paragraph.span(2, 3) == (amp + 5, amp + 6)
    assert paragraph.span(1, 1) == (amp, amp)  # empty spans sit at their character
    assert paragraph.span(4, 5) == (source.index("z"), source.index("z") + 1)
    assert paragraph.end == source.index("z") + 1


# -- exact positions ---------------------------------------------------------------------------


def test_crlf_is_kept_and_offsets_hold():
    source = "<p>Line one\r\nline two</p>\r\n<p>Next\r\n</p>\r\n"
    assert prose(source) == [("paragraph", "Line one\r\nline two"), ("paragraph", "Next")]
    assert file_text(source, "two") == "two"
    assert file_text(source, "Next") == "Next"
    paragraph, _ = find(source, "Next")
    assert paragraph.start == source.index("Next")


def test_lone_cr_and_tabs_do_not_shift_offsets():
    # Python's parser counts lines by LF only; a CR or tab must not move an offset.
    source = "<div>\r<p>\tOne\rtwo</p>\r\r<p>Three &amp;\tfour</p></div>"
    assert prose(source) == [("paragraph", "One\rtwo"), ("paragraph", "Three &\tfour")]
    assert file_text(source, "two") == "two"
    assert file_text(source, "&\tfour") == "&amp;\tfour"


def test_emoji_before_a_slip():
    source = "<p>Fans \U0001f389\U0001f389 cheered &#8212; loudly.Then they left.</p>"
    assert file_text(source, "loudly.Then") == "loudly.Then"
    findings = run_rule("missing-space", source, format="html")
    assert [(f.code, source[f.start : f.end]) for f in findings] == [("NL201", "loudly.Then")]
    # one code point per emoji, seven for the reference: "<p>Fans " is 8, the emoji 2,
    # " cheered " 9, "&#8212;" 7 and " " 1, so "loudly" starts at column 28
    assert (findings[0].line, findings[0].column, findings[0].end_column) == (1, 28, 39)


def test_nested_inline_markup_joins_with_exact_offsets():
    source = '<p>The <span class="x"><a href="#"><em>council\'s</em></a> <b>vote</b></span> passed.</p>'
    assert prose(source) == [("paragraph", "The council's vote passed.")]
    assert file_text(source, "council's") == "council's"
    # a span across markup covers the markup between its first and last characters
    assert file_text(source, "council's vote") == "council's</em></a> <b>vote"


def test_stand_ins_span_their_markup():
    source = "<p>Run <code>make  all</code> now<br />please<BR>.</p>"
    assert prose(source) == [("paragraph", f"Run {STAND_IN} now\nplease\n.")]
    assert file_text(source, STAND_IN) == "<code>make  all</code>"
    assert file_text(source, "now\nplease") == "now<br />please"
    assert file_text(source, "please\n") == "please<BR>"


def test_a_script_holding_quotes_leaves_the_quote_rules_alone():
    source = (
        "<p>She said \u201cit is done\u201d and left.</p>\n"
        "<script>var q = \"it's 'a \u201cmess\";</script>\n"
        "<p>He agreed.</p>\n"
    )
    assert prose(source) == [("paragraph", "She said \u201cit is done\u201d and left."), ("paragraph", "He agreed.")]
    assert run_rule("unbalanced-quote", source, format="html") == []


# -- comments and suppression ------------------------------------------------------------------


def test_comments_are_kept_with_their_positions():
    source = "<p>One.</p>\n<!-- newslint-disable-next-line missing-space -->\n<p>Two <!--x--> three</p>"
    comments = parse(source).comments
    assert [(source[c.start : c.end], c.body) for c in comments] == [
        ("<!-- newslint-disable-next-line missing-space -->", " newslint-disable-next-line missing-space "),
        ("<!--x-->", "x"),
    ]


def test_a_suppression_comment_works_as_in_markdown():
    slip = "<p>The vote was on Tuesday.It passed.</p>\n"
    assert [f.code for f in run_rule("missing-space", slip, format="html")] == ["NL201"]
    quiet = "<!-- newslint-disable-next-line missing-space -->\n" + slip
    assert run_rule("missing-space", quiet, format="html") == []


def test_an_unfinished_comment_runs_to_the_end():
    source = "<p>Text</p><!-- newslint-disable\nHidden words"
    parsed = parse(source)
    assert [p.text for p in parsed.paragraphs] == ["Text"]
    assert [(c.start, c.end) for c in parsed.comments] == [(11, len(source))]


def test_an_unclosed_comment_before_markup_ends_at_the_next_tag():
    # A lenient reading (HTML5 would hide the rest): it keeps the parser linear.
    assert prose("<p>One</p><!-- open <p>Two</p>") == [("paragraph", "One"), ("paragraph", "Two")]


# -- malformed input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source, expected",
    [
        ("<p>Unclosed <b>bold <i>italic</p><p>Next", ["Unclosed bold italic", "Next"]),
        ("<p>If a < b and c > d then</p>", ["If a < b and c > d then"]),
        ("<p>Ends with <", ["Ends with <"]),
        ("Text one</p>Text two", ["Text one", "Text two"]),
        ("<p>Text</p><a href='x", ["Text"]),
        ("<p>Text <a href='x", ["Text"]),
        ('<p>One <a title="x>Two</a> three</p><p>Four</p>', ["One Two three", "Four"]),
        ("<p>Use <code>x</p><p>More</p>", [f"Use {STAND_IN}", "More"]),
        ("<p>Text</p><script>var a = '<p>not prose</p>'", ["Text"]),
        ("<![CDATA[x]]><p>A</p><![if !IE]><p>B</p><![endif]><![foo", ["A", "B"]),
        ("<textarea><p>no</p></div></textarea><p>yes</p>", ["yes"]),
        ("<div><pre>x<div>y</div>z</pre>after</div>", ["after"]),
        ("<p>A\x00B</p>", ["A\x00B"]),
        ("</</</<!<!<?<a <b", []),
        ("<p/>A<br/>B<div/>C", ["A\nB", "C"]),
        ("&#;&#x;&#;&#x;<script>x</script><p>After</p>", ["&#;&#x;&#;&#x;", "After"]),
    ],
)
def test_malformed_markup_never_raises(source, expected):
    assert [p.text for p in parse(source).paragraphs] == expected
    assert_maps_back(source)


def test_ten_thousand_nested_divs():
    source = "<div>" * 10_000 + "Deep text." + "</span>" * 10_000 + "</div>" * 10_000 + "<p>After</p>"
    assert prose(source) == [("paragraph", "Deep text."), ("paragraph", "After")]


FRAGMENTS = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<li>",
    "<td>",
    "<h2>",
    "</h2>",
    "<b>",
    "</b>",
    "<br>",
    "<code>",
    "</code>",
    "<script>",
    "</script>",
    "<pre>",
    "</pre>",
    "<!--",
    "-->",
    "<![",
    "]]>",
    "<!x",
    "<?",
    "</",
    "<",
    ">",
    "&",
    "&amp;",
    "&#8217;",
    "&#x2019",
    "&copy",
    "&fjlig;",
    "&#",
    "<img alt='a &amp; b'>",
    '<a href="x">',
    "</a>",
    '"',
    "'",
    "=",
    "Word",
    " ",
    "  ",
    "\r\n",
    "\n",
    "\r",
    "\t",
    ".",
    "\U0001f389",
    "\x00",
    "\xa0",
    "&nbsp;",
    "<textarea>",
    "</textarea>",
    "<title>",
    "</title>",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_any_mix_of_markup_parses_and_maps_back(source):
    assert_maps_back(source)


def _seconds(source: str, repeat: int) -> float:
    """Return the best of three timings of ``repeat`` parses of ``source``."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for _ in range(repeat):
            parse(source)
        best = min(best, time.perf_counter() - started)
    return best


ARTICLE = (
    '<div class="story"><h2>Head &amp; shoulders</h2><p>The council&#8217;s <a href="/a?b=1&amp;c=2">'
    "plan</a> <em>passed</em>.<br>\n<!-- note --> Next <code>x</code> line.</p><ul><li>Item</ul>"
    "<img alt='A photo'><script>var s = '</p>';</script></div>\n"
)


@pytest.mark.parametrize(
    "unit",
    ["</", "<!", "<a ", "<!-- >", "<![ >", "&#", "<div>", "<a b='>", "x</ ", ARTICLE],
    ids=[
        "end-tag-opens",
        "bangs",
        "open-tags",
        "open-comments",
        "marked-sections",
        "hash-refs",
        "deep-divs",
        "quoted",
        "slashes",
        "article",
    ],
)
def test_parse_time_is_linear(unit):
    # Each of these once made Python's parser rescan the rest of the file at every step.
    small, large = (unit * (size // len(unit)) for size in (100_000, 400_000))
    # Inputs cut off before parsing take a millisecond: repeat them until the small one
    # takes 20 ms, or noise decides.
    repeat, small_time = 1, _seconds(small, 1)
    while small_time < 0.02:
        repeat *= 4
        small_time = _seconds(small, repeat)
    # The machine is shared: a quadratic parse fails every try, a burst of load only one.
    ratios = []
    for _ in range(3):
        ratios.append(_seconds(large, repeat) / small_time)
        if ratios[-1] < 6:
            return
        small_time = _seconds(small, repeat)
    pytest.fail(f"400 KB took {min(ratios):.1f} times as long as 100 KB (tries: {ratios})")


# -- through the engine and the command line ------------------------------------------------------


def test_the_command_line_lints_html_files(tmp_path):
    page = (
        "<!DOCTYPE html>\r\n<html><head><title>Bins to be emptied fortnightly</title></head>\r\n"
        "<body>\r\n<h1>Bins to be emptied fortnightly</h1>\r\n"
        "<p>The council&#8217;s plan \U0001f5d1 was approved on Tuesday.It will save &pound;2m.</p>\r\n"
        '<script>var q = "it was  \'quoted";</script>\r\n</body></html>\r\n'
    )
    (tmp_path / "story.html").write_text(page, encoding="utf-8", newline="")
    (tmp_path / "brief.htm").write_text("<p>One word word repeated.</p>\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "--select", "missing-space,repeated-word", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    # line 5: "<p>The council" (14) "&#8217;" (7) "s plan " (7) the emoji (1) " was approved
    # on " (17): "Tuesday" starts at column 47; the .htm file is found as well.
    # The second "word" of brief.htm starts at column 13.
    assert result.stdout.splitlines() == [
        "./brief.htm:1:13: NL204 [repeated-word] repeated word: 'word word'",
        "./story.html:5:47: NL201 [missing-space] missing space after the full stop: 'Tuesday.It'",
    ], result.stdout + result.stderr


def test_paragraph_ends_give_a_stand_in_its_whole_extent():
    # "a&amp;b": "&" stands for file[1:6]; the other characters map one to one.
    paragraph = Paragraph("a&b", ((0, 0), (1, 1), (2, 6)), "paragraph", ((1, 6),))
    assert [paragraph.span(i, i + 1) for i in range(3)] == [(0, 1), (1, 6), (6, 7)]
    assert paragraph.span(0, 3) == (0, 7) and paragraph.end == 7
    assert Paragraph("a&", ((0, 0), (1, 1)), "paragraph", ((1, 6),)).end == 6
    # without ends, a character is one character of the file, as before
    assert Paragraph("a&b", ((0, 0), (1, 1), (2, 6))).span(1, 2) == (1, 2)
