"""Code-point offsets to LSP positions and back, in the negotiated position encoding.

newslint counts code points; an LSP position is a 0-based line and a character offset
counted in UTF-16 code units (the default), UTF-8 bytes or UTF-32 code points, as the
client and server agreed at ``initialize``. Lines end only at CR, LF and CRLF (LSP's
rule, and newslint's ``LINE_BREAK`` and ``LineIndex``), never at U+2028 or a form feed as
``str.splitlines`` would have it. Nothing here imports pygls: positions are plain tuples.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from newslint.parsers.model import LINE_BREAK

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
ENCODINGS = (UTF8, UTF16, UTF32)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _line_starts(text: str) -> list[int]:
    """Return the offset where each line starts (the same lines as ``LineIndex``).

    The server works this out on every incremental edit, on the event loop: without a
    CR in the text, ``str.find`` jumps from LF to LF several times faster than the
    regular expression steps through a long document.
    """
    starts = [0]
    if "\r" in text:
        starts.extend(m.end() for m in LINE_BREAK.finditer(text))
        return starts
    find, at = text.find, text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = find("\n", at + 1)
    return starts


def _utf8_units(char: str) -> int:
    code = ord(char)
    return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4


class LineMap:
    """One text's lines, converting offsets and LSP positions in one encoding."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        if encoding not in ENCODINGS:
            raise ValueError(f"unknown position encoding {encoding!r}")
        self.text = text
        self.encoding = encoding
        self._starts = _line_starts(text)
        # Where every character is one unit in every encoding, a column is a code-point count.
        self._simple = encoding == UTF32 or text.isascii()

    @property
    def line_count(self) -> int:
        """Return the number of lines (a final line break opens one more, empty, line)."""
        return len(self._starts)

    def line_start(self, line: int) -> int:
        """Return the offset where 0-based ``line`` starts."""
        return self._starts[line]

    def line_end(self, line: int) -> int:
        """Return the offset where 0-based ``line``'s text ends, before its line break."""
        if line + 1 >= len(self._starts):
            return len(self.text)
        end = self._starts[line + 1]
        return end - 2 if self.text.startswith("\r\n", end - 2) else end - 1

    def _line_of(self, offset: int) -> int:
        return bisect_right(self._starts, offset) - 1

    def _units(self, start: int, end: int) -> int:
        """Return how many code units ``text[start:end]`` takes in this encoding."""
        if self._simple:
            return end - start
        if self.encoding == UTF16:
            # One unit a character, plus one for each astral character (a surrogate pair).
            return end - start + len(_ASTRAL.findall(self.text, start, end))
        return len(self.text[start:end].encode("utf-8", "surrogatepass"))

    def position(self, offset: int) -> tuple[int, int]:
        """Return the LSP ``(line, character)`` of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = self._line_of(offset)
        start = self.line_start(line)
        return line, self._units(start, offset)

    def positions(self, offsets: Iterable[int]) -> dict[int, tuple[int, int]]:
        """Return the positions of many offsets, counting each line's units only once.

        Sorted, each offset's column is the previous one's plus the units between them,
        so many findings on one very long line cost one pass over it, not one each.
        """
        found: dict[int, tuple[int, int]] = {}
        last_line, last_offset, last_units = -1, 0, 0
        for offset in sorted(set(offsets)):
            clamped = max(0, min(offset, len(self.text)))
            line = self._line_of(clamped)
            if line != last_line:
                last_line, last_offset, last_units = line, self.line_start(line), 0
            last_units += self._units(last_offset, clamped)
            last_offset = clamped
            found[offset] = (line, last_units)
        return found

    def offset(self, line: int, character: int) -> int:
        """Return the code-point offset of an LSP position.

        A line past the end means the end of the text; a character past the end of its
        line means the line's end (LSP's rule); a character inside a UTF-16 surrogate
        pair or a UTF-8 sequence means the start of that character.
        """
        if line < 0:
            return 0
        if line >= self.line_count:
            return len(self.text)
        start, end = self.line_start(line), self.line_end(line)
        character = max(0, character)
        if self._simple or self.text[start:end].isascii():
            return min(start + character, end)
        if self.encoding == UTF16:
            return self._from_utf16(start, end, character)
        return self._from_utf8(start, end, character)

    def _from_utf16(self, start: int, end: int, units: int) -> int:
        extra = 0  # surrogate units seen so far: units beyond one per code point
        for match in _ASTRAL.finditer(self.text, start, end):
            at = match.start() - start + extra  # the pair's first unit
            if at >= units:
                break
            if at + 1 == units:
                return match.start()  # inside the pair: the character's start
            extra += 1
        return min(start + units - extra, end)

    def _from_utf8(self, start: int, end: int, units: int) -> int:
        extra = 0  # bytes beyond one per code point so far
        for match in _NON_ASCII.finditer(self.text, start, end):
            at = match.start() - start + extra  # the character's first byte
            if at >= units:
                break
            width = _utf8_units(match.group())
            if at + width > units:
                return match.start()  # inside the sequence: the character's start
            extra += width - 1
        return min(start + units - extra, end)
