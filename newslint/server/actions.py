"""The edits behind the server's code actions, as ``Fix`` values in code-point offsets.

Three kinds: a finding's own fix; a ``newslint-disable-next-line`` comment that silences
one rule on the finding's line; and the smallest set of edits that turns a text into its
fully fixed version (fix all). Nothing here speaks LSP.
"""

from __future__ import annotations

import difflib
import re

from newslint.document import Document
from newslint.finding import Finding, Fix
from newslint.parsers.model import LINE_BREAK

# Lines with their own endings; str.splitlines() would also break at U+2028 and form feeds.
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
# A disable-next-line comment with its rule list, so a second rule joins the first's
# comment: two comments stacked would leave the upper one covering only the lower.
_NEXT_LINE = re.compile(r"<!--[ \t]*newslint-disable-next-line\b(?P<rules>(?:(?!-->).)*?)[ \t]*-->[ \t]*\Z")
# What a Markdown line starts with that its comment line must repeat or pad: block quote
# markers, indentation, and a list marker (replaced by spaces, to stay in the item).
_MARKDOWN_LEAD = re.compile(r"(?P<quote>(?:[ \t]*>)*[ \t]*)(?P<marker>(?:[-+*]|\d{1,9}[.)])[ \t]+)?")
_TEXT_LEAD = re.compile(r"[ \t]*")
# A Markdown hard line break at a line's end (two spaces, or a backslash) must stay last.
_HARD_BREAK = re.compile(r"(?:[ \t]*\\|[ \t]{2,})\Z")


def fix_title(text: str, fix: Fix) -> str:
    """Return a code action title saying what the fix does to ``text``."""
    old = text[fix.start : fix.end]
    if not fix.text:
        return f"Delete {old!r}"
    if not old:
        return f"Insert {fix.text!r}"
    return f"Replace {old!r} with {fix.text!r}"


def _line_ending(text: str, after: int) -> str:
    """Return the line break the text uses at or after ``after`` (else its first, else LF)."""
    match = LINE_BREAK.search(text, after) or LINE_BREAK.search(text)
    return match.group() if match else "\n"


def disable_comment(document: Document, finding: Finding) -> Fix | None:
    """Return the edit that silences ``finding``'s rule on its line, or None if none fits.

    The comment goes on a line of its own above the finding's line, indented like it (in
    Markdown, inside the same block quote or list item) and ended with the document's
    line break. When the line above already holds a disable-next-line comment, the rule
    joins it. In Markdown, when the line above is prose of the same paragraph (or list),
    a comment line would split it in the published page, so the comment goes inline at
    that line's end instead. Table cells get none: neither place is safe in a table.
    """
    text, lines = document.text, document.lines
    line = lines.line_of(finding.start)
    start = lines.line_start(line)
    end_match = LINE_BREAK.search(text, start)
    end = end_match.start() if end_match else len(text)
    paragraphs = document.paragraphs
    here = next((p for p in paragraphs if p.start <= finding.start < max(p.end, p.start + 1)), None)
    if here is not None and here.kind == "table-cell":
        return None
    markdown = document.format == "markdown"
    comment = f"<!-- newslint-disable-next-line {finding.rule} -->"
    if line > 1:
        above_start = lines.line_start(line - 1)
        above_end = LINE_BREAK.search(text, above_start).start()  # type: ignore[union-attr]
        above = text[above_start:above_end]
        existing = _NEXT_LINE.search(above)
        if existing is not None and (markdown or above.lstrip().startswith("<!--")):
            if not existing.group("rules").strip():
                return None  # it silences every rule already
            at = above_start + existing.end("rules")
            return Fix(at, at, f", {finding.rule}")
        if markdown and above.strip() and any(p.start < above_end and p.end > above_start for p in paragraphs):
            hard = _HARD_BREAK.search(above)
            at = above_start + (hard.start() if hard else len(above.rstrip(" \t")))
            return Fix(at, at, f" {comment}")
    if markdown:
        lead = _MARKDOWN_LEAD.match(text, start, end)
        assert lead is not None  # the pattern matches the empty string
        indent = lead.group("quote") + " " * len(lead.group("marker") or "")
    else:
        indent = _TEXT_LEAD.match(text, start, end).group()  # type: ignore[union-attr]
    return Fix(start, start, f"{indent}{comment}{_line_ending(text, start)}")


def text_edits(before: str, after: str) -> list[Fix]:
    """Return non-overlapping edits, in order, that turn ``before`` into ``after``.

    Lines are compared first (difflib), then each changed run of lines is trimmed to the
    characters that differ, so an editor keeps its cursor and marks everywhere else.
    """
    if before == after:
        return []
    old, new = _LINES.findall(before), _LINES.findall(after)
    starts = [0]
    for line in old:
        starts.append(starts[-1] + len(line))
    edits = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag == "equal":
            continue
        removed, added = "".join(old[i1:i2]), "".join(new[j1:j2])
        head = 0
        while head < min(len(removed), len(added)) and removed[head] == added[head]:
            head += 1
        tail = 0
        while tail < min(len(removed), len(added)) - head and removed[-1 - tail] == added[-1 - tail]:
            tail += 1
        edits.append(Fix(starts[i1] + head, starts[i2] - tail, added[head : len(added) - tail]))
    return edits
