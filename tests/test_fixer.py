"""Applying fixes: order, overlaps, convergence, idempotence and atomic writes."""

from __future__ import annotations

import os
import re
import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.atomic import write_atomically
from newslint.document import Document
from newslint.engine import ActiveRule, lint
from newslint.finding import Fix, Violation
from newslint.fixer import apply, fix_text, unified_diff
from newslint.rule import rule


@rule("ZZ901", "doubled-letter", summary="Test rule: 'aa' should be 'a'.")
def doubled_letter(document, options):
    """Flags every 'aa' and offers to replace it with 'a'."""
    for match in re.finditer("aa", document.text):
        yield Violation(match.start(), match.end(), "doubled", Fix(match.start(), match.end(), "a"))


@rule("ZZ902", "unsafe-only", summary="Test rule: an unsafe fix is never applied.")
def unsafe_only(document, options):
    """Flags every 'b' with an unsafe fix."""
    for match in re.finditer("b", document.text):
        yield Violation(match.start(), match.end(), "b", Fix(match.start(), match.end(), "c", safe=False))


def _linter(*rules):
    def run(text):
        document = Document(text, "t.txt")
        return lint(document, [ActiveRule(r, r.severity, r.options) for r in rules], rules, False)

    return run


def test_apply_from_the_end_keeps_offsets_right():
    text = "0123456789"
    fixed, count = apply(text, [Fix(1, 2, "one"), Fix(5, 7, ""), Fix(9, 9, "!")])
    assert (fixed, count) == ("0one23478!9", 3)


def test_overlapping_fixes_first_wins_and_the_rest_wait():
    fixed, count = apply("abcdef", [Fix(1, 4, "X"), Fix(2, 5, "Y"), Fix(4, 4, "+"), Fix(4, 4, "-")])
    # (2, 5) starts inside (1, 4) and is dropped; of the two insertions at 4 one is kept.
    assert count == 2
    assert fixed in ("aX+ef", "aX-ef")


def test_identical_fixes_are_applied_once():
    assert apply("a  b", [Fix(1, 3, " "), Fix(1, 3, " ")]) == ("a b", 1)


def test_fix_text_relints_until_stable():
    result = fix_text("aaaa aaaaaaaa", _linter(doubled_letter))
    assert result.text == "a a"
    # Pass 1: aaaa -> aa (2 fixes), aaaaaaaa -> aaaa (4); pass 2: 1 + 2; pass 3: 1.
    assert result.applied == 10


def test_unsafe_fixes_are_not_applied():
    assert fix_text("abba", _linter(unsafe_only)).text == "abba"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n\r😀", max_size=40))
def test_fixing_twice_changes_nothing_the_second_time(text):
    linter = _linter(doubled_letter, unsafe_only)
    once = fix_text(text, linter).text
    assert "aa" not in once
    assert fix_text(once, linter).text == once


def test_unified_diff_names_both_sides_and_keeps_crlf():
    diff = unified_diff("x.txt", "one\r\ntwo  words\r\n", "one\r\ntwo words\r\n")
    assert diff.startswith("--- a/x.txt\n+++ b/x.txt\n")
    assert "-two  words\r\n" in diff and "+two words\r\n" in diff


def test_write_atomically_keeps_mode_and_follows_symlinks(tmp_path):
    target = tmp_path / "article.txt"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomically(str(link), b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "link.txt"]


def test_write_atomically_creates_a_new_file_and_leaves_nothing_on_failure(tmp_path):
    target = tmp_path / "new.txt"
    write_atomically(target, b"fresh")
    assert target.read_bytes() == b"fresh"
    with pytest.raises(OSError):
        write_atomically(tmp_path / "no-such-dir" / "x.txt", b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.txt"]


@pytest.mark.parametrize("unit", ["a\u201cb\u201dc ", "\u201ca\u201d "])
def test_fixing_a_file_full_of_slips_takes_linear_time(unit):
    # Thousands of fixes in one text (a“b”c: two each), or one sentence pasted over
    # and over (duplicate-paragraph): applying them must not copy the text once a fix,
    # nor take a pass of --fix a copy.
    from timing import LIMIT, growth_ratio

    from newslint import Linter

    linter = Linter(entry_points=False)
    calls = iter(range(10**6))

    def fix(size: int) -> object:
        # A fresh text each call: the Linter keeps a memo of recent texts.
        return linter.fix_text(unit * (size // len(unit)) + str(next(calls)), "a.txt")

    assert growth_ratio(lambda: fix(25_000), lambda: fix(100_000)) < LIMIT
