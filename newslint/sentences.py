"""Sentence splitting with sentencex, returned as spans of the input text.

sentencex takes time quadratic in the length of its input when quotation marks or
backticks are left open (each one looks for its partner to the end), so a long
paragraph is split a window at a time: the sentences that end well before the
window's end are kept, and the next window starts where the first one not kept
began. Paragraphs up to ``WINDOW`` code points (all of real copy) are split in one call.
"""

from __future__ import annotations

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


def _segment(text: str) -> list[tuple[int, int]]:
    """Return sentencex's spans of ``text``, with the white space between them trimmed."""
    spans: list[tuple[int, int]] = []
    pieces = list(_segmenter()("en", text))
    if "".join(pieces) != text:
        # sentencex keeps every character; if that ever changes, one sentence is safe.
        pieces = [text]
    at = 0
    for piece in pieces:
        start, end = at, at + len(piece)
        at = end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
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
