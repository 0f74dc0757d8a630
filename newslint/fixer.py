"""Applying safe fixes: from the end of the text, never overlapping, re-linting until stable.

The runner writes the result back with ``newslint.atomic.write_atomically``, in the
file's own encoding, with its byte-order mark and its own line endings (nothing is converted;
a fix that drops a word doubled across a line break drops that break with it).
"""

from __future__ import annotations

import difflib
import os
import posixpath
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from newslint import patterns
from newslint.finding import Finding, Fix

MAX_PASSES = 10
# Lines with their own endings; str.splitlines() would also break at U+2028 and form feeds.
_LINES = patterns.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


@dataclass(frozen=True)
class FixResult:
    """The fixed text and how many fixes went into it."""

    text: str
    applied: int


def apply(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply the non-overlapping fixes to ``text``; the first of two overlapping fixes wins."""
    chosen: list[Fix] = []
    last_end = -1
    for fix in sorted(set(fixes), key=lambda f: (f.start, f.end, f.text)):
        # Two insertions at one point, or a fix starting inside the previous one, would
        # step on each other: the later is left for the next pass to reconsider.
        if fix.start < last_end or (chosen and fix.start == chosen[-1].start):
            continue
        chosen.append(fix)
        last_end = fix.end
    # One join over the pieces between the fixes: rebuilding the text once a fix would
    # copy it as many times as there are fixes (quadratic on a file full of slips).
    pieces: list[str] = []
    at = 0
    for fix in chosen:
        pieces += (text[at : fix.start], fix.text)
        at = fix.end
    pieces.append(text[at:])
    return "".join(pieces), len(chosen)


def safe_fixes(findings: Sequence[Finding]) -> list[Fix]:
    """Return the safe fixes among the findings."""
    return [f.fix for f in findings if f.fix is not None and f.fix.safe]


def fix_text(text: str, lint: Callable[[str], Sequence[Finding]], max_passes: int = MAX_PASSES) -> FixResult:
    """Lint, apply the safe fixes, and repeat until nothing changes (or ``max_passes``)."""
    applied = 0
    for _ in range(max_passes):
        fixes = safe_fixes(lint(text))
        if not fixes:
            break
        fixed, count = apply(text, fixes)
        if fixed == text:
            break
        text, applied = fixed, applied + count
    return FixResult(text, applied)


def unified_diff(path: str, before: str, after: str) -> str:
    """Return a unified diff of a fix, as ``--diff`` prints it."""
    # 'a/./story.md' (from 'newslint --diff .') is a path git apply refuses.
    name = posixpath.normpath(path.replace(os.sep, "/"))
    lines = difflib.unified_diff(
        _LINES.findall(before),
        _LINES.findall(after),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)
