"""Sentence splitting with sentencex, returned as spans of the input text."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _segmenter():
    # sentencex is imported on first use: only rules that ask for sentences pay for it.
    from sentencex import segment

    return segment


def split(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences of ``text``, without outer white space."""
    spans: list[tuple[int, int]] = []
    if not text.strip():
        return spans
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
