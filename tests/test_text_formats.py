"""The text forms (concise, full), the closing summary and --statistics."""

from __future__ import annotations

import io
import time

import pytest
from formatting import finding, long_line_findings, ratio, render

from newslint.formatters.full import FullFormatter, cell, excerpt
from newslint.summary import Tally, write_statistics

LINE = "The council met on Monday.It agreed.\n"


def test_concise_is_one_line_a_finding_and_text_is_its_alias():
    found = [finding(LINE, "Monday.It"), finding(LINE, "agreed", "ZZ102", "flag-plugh", "error", "found plugh")]
    expected = "story.txt:1:20: ZZ101 [flag-xyzzy] found 'Monday.It'\nstory.txt:1:30: ZZ102 [flag-plugh] found plugh\n"
    assert render("concise", [("story.txt", found, LINE)]) == expected
    assert render("text", [("story.txt", found, LINE)]) == expected


def test_full_shows_severity_source_caret_and_fix():
    found = [
        finding(LINE, "Monday.It", fix=("It", " It", True)),
        finding(LINE, "agreed", "ZZ102", "flag-plugh", "error", "found plugh", fix=("agreed", "backed", False)),
    ]
    assert render("full", [("story.txt", found, LINE)]) == (
        "story.txt:1:20: warning ZZ101 [flag-xyzzy] found 'Monday.It'\n"
        "  |\n"
        "1 | The council met on Monday.It agreed.\n"
        "  |                    ^^^^^^^^^\n"
        "  = fix (safe): replace 'It' with ' It'\n"
        "\n"
        "story.txt:1:30: error ZZ102 [flag-plugh] found plugh\n"
        "  |\n"
        "1 | The council met on Monday.It agreed.\n"
        "  |                              ^^^^^^\n"
        "  = suggestion: replace 'agreed' with 'backed'\n"
        "\n"
    )


def test_full_without_text_shows_the_line_only():
    assert render("full", [("story.txt", [finding(LINE, "Monday.It")], None)]) == (
        "story.txt:1:20: warning ZZ101 [flag-xyzzy] found 'Monday.It'\n\n"
    )


def test_full_gutter_widens_and_multiline_spans_say_where_they_end():
    text = "\n" * 11 + "A xyzzy\nand more\n"
    f = finding(text, "xyzzy\nand")
    out = render("full", [("s.txt", [f], text)]).splitlines()
    assert out[1:4] == ["   |", "12 | A xyzzy", "   |   ^^^^^ (to line 13)"]


def excerpt_of(text: str, needle: str, width: int = 100):
    start = text.index(needle)
    return excerpt(text, 0, len(text), start, start + len(needle), width)


@pytest.mark.parametrize(
    "text, source, caret_start, caret_width",
    [
        ("The council met on Monday.It agreed.", "The council met on Monday.It agreed.", 19, 9),
        ("\tA xyzzy", "    A xyzzy", 6, 5),  # a tab is four spaces
        ("日本 xyzzy", "日本 xyzzy", 5, 5),  # wide characters take two cells
        ("\U0001f600 xyzzy", "\U0001f600 xyzzy", 3, 5),  # so does an emoji
        ("e\u0301 xyzzy", "e\u0301 xyzzy", 2, 5),  # a combining accent takes none
        ("a\x1b[31m xyzzy", "a\u241b[31m xyzzy", 7, 5),  # escape shown, not sent
        ("a\u202e xyzzy", "a\ufffd xyzzy", 3, 5),  # a bidi override shown as U+FFFD
        ("wide 日本語", "wide 日本語", 5, 6),
    ],
)
def test_excerpt_caret_sits_under_the_span(text, source, caret_start, caret_width):
    needle = "日本語" if "日本語" in text else "xyzzy" if "xyzzy" in text else "Monday.It"
    shown = excerpt_of(text, needle)
    assert (shown.source, shown.caret_start, shown.caret_width) == (source, caret_start, caret_width)


def test_excerpt_of_a_long_line_is_cut_around_the_span():
    text = "word " * 600  # 3,000 characters on one line
    shown = excerpt(text, 0, len(text), 1500, 1504)
    assert shown.source.startswith("\u2026") and shown.source.endswith("\u2026")
    assert len(shown.source) == 100
    # every character here is one cell wide, so the caret's cells index the source
    assert shown.source[shown.caret_start : shown.caret_start + shown.caret_width] == "word"
    assert shown.caret_start == 48  # the span roughly centred: 47 cells of context to its left
    assert shown.source[1:] in text or shown.source[1:-1] in text


def test_excerpt_of_a_span_longer_than_the_window_starts_at_the_span():
    text = "x" * 1000 + "y" * 2000
    shown = excerpt(text, 0, len(text), 1000, 2500)
    assert shown.source == "\u2026" + "x" * 8 + "y" * 90 + "\u2026"
    assert (shown.caret_start, shown.caret_width) == (9, 90)


def test_excerpt_at_line_end_and_short_lines():
    shown = excerpt("abc", 0, 3, 3, 3)
    assert (shown.source, shown.caret_start, shown.caret_width) == ("abc", 3, 1)
    shown = excerpt("", 0, 0, 0, 0)
    assert (shown.source, shown.caret_start, shown.caret_width) == ("", 0, 1)


@pytest.mark.parametrize(
    "ch, expected",
    [
        ("a", ("a", 1)),
        ("\t", ("    ", 4)),
        ("\x00", ("\u2400", 1)),
        ("\x7f", ("\u2421", 1)),
        ("\x85", ("\ufffd", 1)),
        ("\u200d", ("\u200d", 0)),
        ("界", ("界", 2)),
    ],
)
def test_cell(ch, expected):
    assert cell(ch) == expected


def test_full_on_a_long_line_stays_linear():
    def cost(size: int) -> float:
        text, found = long_line_findings(size)
        started = time.perf_counter()
        FullFormatter(io.StringIO()).file("s.txt", found, text)
        return time.perf_counter() - started

    small, large = ratio(cost)
    assert large < 6 * small, (small, large)


# -- the summary and statistics ---------------------------------------------------------------


def _findings(severity: str, count: int, fixable: int = 0, code: str = "ZZ101", rule: str = "flag-xyzzy"):
    text = "xyzzy " * count
    return [
        finding(text, "xyzzy", code, rule, severity, nth=n, fix=("xyzzy", "magic", True) if n < fixable else None)
        for n in range(count)
    ]


def test_summary_line():
    tally = Tally()
    tally.add(_findings("error", 9, fixable=4))
    tally.add(_findings("warning", 5, code="ZZ102", rule="flag-plugh"))
    tally.add([])
    assert tally.line() == "14 findings in 2 files (9 errors, 5 warnings); 4 fixable with --fix"


@pytest.mark.parametrize(
    "files, fixing, expected",
    [
        ([[]] * 3, False, "no findings in 3 files"),
        ([_findings("info", 1)], False, "1 finding in 1 file (1 info)"),
        ([_findings("warning", 1), _findings("info", 2)], False, "3 findings in 2 files (1 warning, 2 info)"),
        ([_findings("warning", 2)], True, "fixed 3 findings; 2 remaining in 1 file (2 warnings)"),
        ([[]], True, "fixed 3 findings; no findings remaining in 1 file"),
    ],
)
def test_summary_variants(files, fixing, expected):
    tally = Tally()
    for found in files:
        tally.add(found, fixed=3 if fixing and found is files[0] else 0)
    assert tally.line(fixing=fixing) == expected


def test_summary_counts_what_the_baseline_hid():
    tally = Tally()
    tally.add(_findings("error", 1), in_baseline=12)
    assert tally.line() == "1 finding in 1 file (1 error); 12 in the baseline not shown"


def test_statistics_most_frequent_first():
    tally = Tally()
    tally.add(_findings("warning", 2, code="ZZ102", rule="flag-plugh"))
    tally.add(_findings("warning", 10, fixable=7))
    tally.add(_findings("warning", 2, code="ZZ101", rule="flag-xyzzy"))
    tally.add(_findings("info", 2, code="ZZ201", rule="note-frobnicate"))
    stream = io.StringIO()
    write_statistics(tally.statistics(), stream)
    assert stream.getvalue() == (
        "12  ZZ101  flag-xyzzy       7 fixable\n 2  ZZ102  flag-plugh\n 2  ZZ201  note-frobnicate\n"
    )
