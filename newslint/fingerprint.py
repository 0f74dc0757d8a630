"""A finding's identity that survives edits elsewhere in the file.

A line number changes whenever a line is added above a finding, so it cannot tell a
finding seen yesterday from a new one. The identity here is made of what the finding is
about: the rule's code, the flagged text, and up to ``CONTEXT_WORDS`` words either side
of it within its own paragraph. An occurrence count keeps two identical slips in
identical surroundings apart. Editing another paragraph, or moving the finding's whole
paragraph, leaves the identity alone; editing the flagged text or the words next to it
makes it a new finding, which is what a reviewer wants.

SARIF's ``partialFingerprints``, GitLab's ``fingerprint`` and baselines all use these.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from newslint import patterns
from newslint.finding import Finding
from newslint.parsers.model import LINE_BREAK
from newslint.parsers.plaintext import WRAP_WIDTH

# Bump when the identity changes meaning; baselines record it.
VERSION = 1
CONTEXT_WORDS = 4
# How far either side of a finding the context words are looked for, in code points:
# bounds the work per finding on a 400 KB one-line file (four words fit in far less).
_WINDOW = 100
# A flagged text longer than this (a paragraph, a whole article) is known by its first
# and last ``_EDGE`` words, so an edit in the middle of a long paragraph keeps its finding.
_LONG = 200
_EDGE = 8
_WORD = patterns.compile(r"\w+")


def paragraph_breaks(text: str) -> list[int]:
    """Return the sorted offsets of every line break that ends a paragraph.

    As the plain-text reader sees it: a blank line always ends one; inside a block of
    lines, every line break does (copy pasted out of a CMS, one paragraph a line) unless
    the block is hard-wrapped (all lines but the last at most ``WRAP_WIDTH`` code
    points). Markdown paragraphs are blocks between blank lines too.
    """
    breaks: list[int] = []
    block: list[tuple[int, int]] = []  # (line start, line end) of the current block
    start = 0

    def flush() -> None:
        if not block:
            return
        wrapped = all(end - begin <= WRAP_WIDTH for begin, end in block[:-1])
        if not wrapped:
            breaks.extend(end for _, end in block[:-1])

    for match in LINE_BREAK.finditer(text):
        line = (start, match.start())
        if text[start : match.start()].strip():
            block.append(line)
        else:
            flush()
            block.clear()
            breaks.append(match.start())
        start = match.end()
    if text[start:].strip():
        block.append((start, len(text)))
    flush()
    breaks.sort()
    return breaks


def _is_word(text: str, at: int) -> bool:
    return 0 <= at < len(text) and _WORD.match(text, at) is not None


def _words(text: str, start: int, end: int) -> list[str]:
    """Return the words of ``text[start:end]``, less any word the slice's edges cut."""
    words = _WORD.findall(text[start:end].casefold())
    if words and _is_word(text, start - 1) and _is_word(text, start):
        words = words[1:]
    if words and _is_word(text, end - 1) and _is_word(text, end):
        words = words[:-1]
    return words


def _flagged(text: str, start: int, end: int) -> str:
    if end - start <= _LONG:
        # Punctuation is what many findings are about ('riskier.”.'): keep it all.
        return " ".join(text[start:end].split())
    head = _words(text, start, min(end, start + _WINDOW))[:_EDGE]
    tail = _words(text, max(start, end - _WINDOW), end)[-_EDGE:]
    return " ".join([*head, "\u2026", *tail])


def _context(text: str, start: int, end: int, breaks: Sequence[int]) -> tuple[str, str]:
    """Return the words before ``start`` and after ``end`` within the paragraph."""
    index = bisect_right(breaks, start - 1)  # breaks before start
    left_limit = breaks[index - 1] if index > 0 else 0
    right_index = bisect_left(breaks, end)  # the first break at or after end
    right_limit = breaks[right_index] if right_index < len(breaks) else len(text)
    before = _words(text, max(left_limit, start - _WINDOW), start) if start > left_limit else []
    after = _words(text, end, min(right_limit, end + _WINDOW)) if end < right_limit else []
    return " ".join(before[-CONTEXT_WORDS:]), " ".join(after[:CONTEXT_WORDS])


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def fingerprints(findings: Sequence[Finding], text: str | None) -> list[str]:
    """Return each finding's identity (32 hex digits), in the order given.

    ``text`` is the file's text the findings were made on; without it (a formatter that
    was given none) the identity falls back on the rule, the message and the line.
    The path is not part of the identity: see ``with_path``.
    """
    keys: list[tuple[str, ...]] = []
    breaks: list[int] | None = None
    for f in findings:
        if text is None or not 0 <= f.start <= f.end <= len(text):
            keys.append((f"v{VERSION}", f.code, f.message, str(f.line)))
            continue
        if breaks is None:
            breaks = paragraph_breaks(text)
        before, after = _context(text, f.start, f.end, breaks)
        keys.append((f"v{VERSION}", f.code, _flagged(text, f.start, f.end), before, after))
    # Number identical keys in the order of their positions, not of the list given.
    order = sorted(range(len(findings)), key=lambda i: (findings[i].start, findings[i].end, i))
    seen: Counter[tuple[str, ...]] = Counter()
    occurrence = [0] * len(findings)
    for i in order:
        occurrence[i] = seen[keys[i]]
        seen[keys[i]] += 1
    return [_digest(*keys[i], str(occurrence[i])) for i in range(len(findings))]


def with_path(path: str, fingerprint: str) -> str:
    """Return an identity unique across files: the file's path folded into ``fingerprint``."""
    return _digest(path, fingerprint)
