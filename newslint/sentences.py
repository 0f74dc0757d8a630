"""Sentence splitting with sentencex, returned as spans of the input text.

sentencex takes time quadratic in the length of its input when quotation marks or
backticks are left open (each one looks for its partner to the end), so a long
paragraph is split a window at a time: the sentences that end well before the
window's end are kept, and the next window starts where the first one not kept
began. Paragraphs up to ``WINDOW`` code points (all of real copy) are split in one call.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def _segmenter():
    # sentencex is imported on first use: only rules that ask for sentences pay for it.
    from sentencex import segment

    return segment


WINDOW = 6000
# Sentences that end within this many code points of a window's end are split again in
# the next window, which sees what follows them.
MARGIN = 2000


# sentencex 1.0 panics (a Rust panic, raised as a BaseException, its message printed on
# stderr) when a space that is not ASCII (no-break, thin, ideographic, U+2028...) stands
# just before a full stop after a capital: "A\u00a0.". Such spaces before a full stop are
# given to it as ASCII ones, the same length, so its spans still hold; elsewhere they are
# left alone, for sentencex reads them its own way.
_ODD_SPACE = re.compile(r"[^\S \t\n\r\f\v]")
# The only ASCII characters _ODD_SPACE matches (the information separators, which
# str.isspace counts as white space): an ASCII text is screened for them with four
# scans in C, several times faster than the negated class (tests check the list).
ASCII_ODD_SPACES = "\x1c\x1d\x1e\x1f"


def _has_odd_space(text: str) -> bool:
    """Return True if ``text`` holds white space that ``_ODD_SPACE`` matches."""
    if text.isascii():  # a flag of the string: no scan
        return "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text
    return _ODD_SPACE.search(text) is not None


def _without_panics(text: str) -> str:
    if not _has_odd_space(text):
        return text
    # Each full stop's run of white space before it, walked back from the stop: every run
    # is walked once (a pattern ending in a lookahead for the stop retried each start of a
    # long run of spaces with no stop after it: quadratic).
    parts: list[str] = []
    done = 0
    stop = text.find(".")
    while stop >= 0:
        start = stop
        while start > done and text[start - 1].isspace():
            start -= 1
        if start < stop:
            parts.append(text[done:start])
            parts.append(_ODD_SPACE.sub(" ", text[start:stop]))
            done = stop
        stop = text.find(".", stop + 1)
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def _pieces(text: str) -> list[str] | None:
    """Return sentencex's pieces of ``text`` (None if it still panics): they join to ``text``."""
    given = _without_panics(text)
    try:
        pieces = list(_segmenter()("en", given))
    except BaseException as exc:  # noqa: B036 - pyo3's PanicException is a BaseException
        if type(exc).__name__ != "PanicException":
            raise
        return None
    if given is text:
        return pieces
    result, at = [], 0
    for piece in pieces:
        result.append(text[at : at + len(piece)])
        at += len(piece)
    return result if at == len(text) else None


def _segment(text: str) -> list[tuple[int, int]]:
    """Return sentencex's spans of ``text``, with the white space between them trimmed."""
    spans: list[tuple[int, int]] = []
    pieces = _pieces(text)
    if pieces is None or "".join(pieces) != text:
        # sentencex keeps every character; if that ever changes, one sentence is safe.
        pieces = [text]
    at = 0
    for piece in pieces:
        # str.lstrip and str.rstrip strip what str.isspace calls space, in C.
        size, kept = len(piece), len(piece.rstrip())
        if kept:
            spans.append((at + size - len(piece.lstrip()), at + kept))
        at += size
    return spans


def split(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences of ``text``, without outer white space."""
    if not text.strip():
        return []
    if len(text) <= WINDOW:
        return _segment(text)
    spans: list[tuple[int, int]] = []
    at = 0
    while at < len(text):
        window = text[at : at + WINDOW]
        found = _segment(window)
        if at + WINDOW >= len(text):
            spans.extend((at + s, at + e) for s, e in found)
            break
        kept = [(s, e) for s, e in found if e <= len(window) - MARGIN] or found[:1]
        spans.extend((at + s, at + e) for s, e in kept)
        # The next window starts at the first sentence not kept (or after the last kept one
        # when sentencex saw one long sentence: a sentence over WINDOW - MARGIN is cut).
        rest = found[len(kept)] if len(found) > len(kept) else None
        nxt = at + (rest[0] if rest is not None else kept[-1][1] if kept else len(window))
        at = max(nxt, at + 1)
    return spans
