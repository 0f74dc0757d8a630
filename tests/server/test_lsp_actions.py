"""The code actions' edits: disable-next-line comments and the minimal fix-all edits.

Each disable comment is checked twice: the edited text is exactly what we expect, and
linting it again leaves the finding silenced with no unused-suppression report (NL001).
"""

from __future__ import annotations

import random

import pytest

from newslint import Linter
from newslint.finding import Fix
from newslint.fixer import apply
from newslint.server.actions import disable_comment, fix_title, text_edits


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(entry_points=False, select=["repeated-word", "missing-space", "NL001"])


DISABLE = [
    # (format, text with the slip, the text after the edit)
    (
        "text",
        "It agreed the the plan.\n",
        "<!-- newslint-disable-next-line repeated-word -->\nIt agreed the the plan.\n",
    ),
    # Indented like the line, ended like the document's lines (CRLF).
    (
        "text",
        "Intro.\r\n\r\n\tIt agreed the the plan.\r\n",
        "Intro.\r\n\r\n\t<!-- newslint-disable-next-line repeated-word -->\r\n\tIt agreed the the plan.\r\n",
    ),
    # Plain text: comments stand on lines of their own, even inside a wrapped paragraph.
    (
        "text",
        "The council met on Monday and\nagreed the the plan.\n",
        "The council met on Monday and\n<!-- newslint-disable-next-line repeated-word -->\nagreed the the plan.\n",
    ),
    # Markdown, first line of a paragraph: a comment line above.
    (
        "markdown",
        "# Title\n\nIt agreed the the plan.\n",
        "# Title\n\n<!-- newslint-disable-next-line repeated-word -->\nIt agreed the the plan.\n",
    ),
    # Markdown, inside a paragraph: a comment line would split it, so inline at the end of
    # the line above, before its hard line break.
    (
        "markdown",
        "The council met on Monday and  \nagreed the the plan.\n",
        "The council met on Monday and <!-- newslint-disable-next-line repeated-word -->  \nagreed the the plan.\n",
    ),
    (
        "markdown",
        "The council met on Monday and\nagreed the the plan.\n",
        "The council met on Monday and <!-- newslint-disable-next-line repeated-word -->\nagreed the the plan.\n",
    ),
    # Markdown block quote and list item: the comment stays inside the quote or the item.
    (
        "markdown",
        "> Quoted.\n>\n> It agreed the the plan.\n",
        "> Quoted.\n>\n> <!-- newslint-disable-next-line repeated-word -->\n> It agreed the the plan.\n",
    ),
    (
        "markdown",
        "- First item.\n\n- It agreed the the plan.\n",
        "- First item.\n\n  <!-- newslint-disable-next-line repeated-word -->\n- It agreed the the plan.\n",
    ),
    # HTML: a comment inside a paragraph does not split it, so always a line of its own.
    (
        "html",
        "<p>It agreed the the plan.</p>\n",
        "<!-- newslint-disable-next-line repeated-word -->\n<p>It agreed the the plan.</p>\n",
    ),
    (
        "html",
        "<p>The council met on Monday and\n  agreed the the plan.</p>\n",
        "<p>The council met on Monday and\n  <!-- newslint-disable-next-line repeated-word -->\n  agreed the the plan.</p>\n",
    ),
    # A rule already disabled for the line: the new one joins that comment.
    (
        "text",
        "<!-- newslint-disable-next-line missing-space -->\nIt rained.Then it agreed the the plan.\n",
        "<!-- newslint-disable-next-line missing-space, repeated-word -->\nIt rained.Then it agreed the the plan.\n",
    ),
    (
        "markdown",
        "Intro.\n\n<!-- newslint-disable-next-line missing-space -->\nIt rained.Then it agreed the the plan.\n",
        "Intro.\n\n<!-- newslint-disable-next-line missing-space, repeated-word -->\n"
        "It rained.Then it agreed the the plan.\n",
    ),
]


@pytest.mark.parametrize(("format", "text", "expected"), DISABLE)
def test_disable_comment(linter: Linter, format: str, text: str, expected: str) -> None:
    finding = next(f for f in linter.lint_text(text, format=format) if f.rule == "repeated-word")
    edit = disable_comment(linter.document(text, None, format), finding)
    assert edit is not None
    edited, _ = apply(text, [edit])
    assert edited == expected
    assert [f.code for f in linter.lint_text(edited, format=format)] == []


def test_no_disable_comment_in_a_table_cell(linter: Linter) -> None:
    text = "| Item | Note |\n| --- | --- |\n| Bridge | the the plan |\n"
    finding = next(f for f in linter.lint_text(text, format="markdown") if f.rule == "repeated-word")
    assert disable_comment(linter.document(text, None, "markdown"), finding) is None


@pytest.mark.parametrize(
    ("text", "fix", "title"),
    [
        ("agreed the the plan", Fix(6, 10, ""), "Delete ' the'"),
        ("Monday.It", Fix(7, 7, " "), "Insert ' '"),
        ('a "quote"', Fix(2, 3, "\u201c"), "Replace '\"' with '\u201c'"),
    ],
)
def test_fix_titles(text: str, fix: Fix, title: str) -> None:
    assert fix_title(text, fix) == title


def test_text_edits_touch_only_what_changed() -> None:
    before = "One line.\r\nIt rained.Then it stopped.\r\nLast line.\r\n"
    after = "One line.\r\nIt rained. Then it stopped.\r\nLast line.\r\n"
    assert text_edits(before, after) == [Fix(21, 21, " ")]
    assert text_edits(before, before) == []


def test_text_edits_rebuild_any_change() -> None:
    rng = random.Random(3)
    pieces = ["word ", "the ", ".", "\n", "\r\n", "\U0001f389", "  ", ""]
    for _ in range(300):
        before = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        after = list(before)
        for _ in range(rng.randint(0, 4)):
            at = rng.randint(0, len(after))
            if rng.random() < 0.5 and at < len(after):
                del after[at]
            else:
                after.insert(at, rng.choice(pieces))
        target = "".join(after)
        edits = text_edits(before, target)
        assert all(a.end <= b.start for a, b in zip(edits, edits[1:]))  # in order, not overlapping
        rebuilt = before
        for edit in reversed(edits):
            rebuilt = rebuilt[: edit.start] + edit.text + rebuilt[edit.end :]
        assert rebuilt == target
