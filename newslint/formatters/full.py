"""``full``: each finding with its severity, the line of source, and a caret under the span.

    story.txt:3:20: warning NL201 [missing-space] missing space after the full stop: 'Monday.It'
      |
    3 | The council met on Monday.It agreed the plan.
      |                    ^^^^^^^^^
      = fix (safe): replace '.' with '. '

A long line (a CMS paragraph of 3,000 characters on one line) is cut to ``WIDTH``
terminal cells around the span, with ``…`` where text was left out. Tabs are shown as
``TAB`` spaces, wide characters (CJK, most emoji) take two cells and combining marks
none, so the caret stays under the span; control characters are shown as visible
symbols rather than sent to the terminal.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from newslint.finding import Finding
from newslint.formatters.location import describe_change, line_bounds
from newslint.formatters.text import BOLD, COLORS, TextFormatter
from newslint.parsers.model import LineIndex

WIDTH = 100
TAB = 4
_FIX_WIDTH = 60
_GUTTER = "\033[34m"
# Characters that reorder the text around them when a terminal shows them
# ("Trojan source"): shown as U+FFFD instead.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@lru_cache(maxsize=4096)
def cell(ch: str) -> tuple[str, int]:
    """Return how one character is shown and how many terminal cells it takes."""
    if ch == "\t":
        return " " * TAB, TAB
    point = ord(ch)
    if point < 0x20:
        return chr(0x2400 + point), 1  # the Control Pictures block: ␀ ␉ ␊ ...
    if point == 0x7F:
        return "\u2421", 1
    if 0x80 <= point < 0xA0 or ch in _BIDI or 0xD800 <= point < 0xE000:
        return "\ufffd", 1
    category = unicodedata.category(ch)
    if category in ("Mn", "Me", "Cf"):
        return ch, 0  # combining marks, zero-width joiners, variation selectors
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return ch, 2
    return ch, 1


def shown(text: str, limit: int = _FIX_WIDTH) -> str:
    """Return ``text`` safe for a terminal, cut to about ``limit`` cells with ``…``."""
    out, used = [], 0
    for ch in text:
        glyph, width = cell(ch)
        if used + width > limit:
            out.append("\u2026")
            break
        out.append(glyph)
        used += width
    return "".join(out)


@dataclass(frozen=True)
class Excerpt:
    """One line of source as shown, and where the caret goes under it (in cells)."""

    source: str
    caret_start: int
    caret_width: int


def excerpt(text: str, line_start: int, line_end: int, start: int, end: int, width: int = WIDTH) -> Excerpt:
    """Show ``text[line_start:line_end]`` around the span ``start..end``, at most ``width`` cells.

    Only about ``3 * width`` characters around the span are measured, so a finding on a
    400 KB line costs no more than one on a short line.
    """
    start = min(max(start, line_start), line_end)
    end = min(max(end, start), line_end)
    first = max(line_start, start - width)
    last = min(line_end, start + 2 * width)
    glyphs = [cell(ch) for ch in text[first:last]]
    ends = list(accumulate(w for _, w in glyphs))  # cells up to the end of each character
    starts = [0, *ends[:-1]]  # cells before each character
    total = ends[-1] if ends else 0

    def cells_before(offset: int) -> int:
        return starts[offset - first] if offset < last else total

    span_from, span_to = cells_before(start), cells_before(end)
    if first == line_start and last == line_end and total <= width:
        window_from, window_to = 0, total
    else:
        room = width - 2  # an ellipsis either side
        span_width = max(1, span_to - span_from)
        if span_width >= room:
            window_from = max(0, span_from - 8)
        else:
            window_from = min(max(0, span_from - (room - span_width) // 2), max(0, total - room))
        window_to = window_from + room
    # the characters wholly inside the window: a wide one across its edge is left out
    keep_from, keep_to = bisect_left(starts, window_from), bisect_right(ends, window_to)
    keep_to = max(keep_to, keep_from)
    cut_left = first > line_start or keep_from > 0
    cut_right = last < line_end or keep_to < len(glyphs)
    origin = starts[keep_from] if keep_from < len(glyphs) else window_from
    shown_to = ends[keep_to - 1] if keep_to > keep_from else origin
    caret_from = max(span_from, origin)
    caret_to = min(max(span_to, span_from), max(shown_to, caret_from))
    body = "".join(glyph for glyph, _ in glyphs[keep_from:keep_to])
    source = ("\u2026" if cut_left else "") + body + ("\u2026" if cut_right else "")
    return Excerpt(source.rstrip(), (1 if cut_left else 0) + caret_from - origin, max(1, caret_to - caret_from))


class FullFormatter(TextFormatter):
    """Findings with their severity and the source line under each, for people reading."""

    uses_text = True

    def file(self, path: str, findings: Sequence[Finding], text: str | None = None) -> None:
        """Write each finding's line, then its source excerpt and fix."""
        index = LineIndex(text) if text is not None and findings else None
        for f in findings:
            self.stream.write(self.header(f, severity=True) + "\n")
            if index is not None and text is not None and f.line <= index.line_count:
                self._excerpt(f, text, index)
            self.stream.write("\n")

    def _excerpt(self, f: Finding, text: str, index: LineIndex) -> None:
        line_start, line_end = line_bounds(text, index, f.line)
        shown_line = excerpt(text, line_start, line_end, f.start, f.end)
        number = str(f.line)
        pad = " " * len(number)
        bar = self.paint("|", _GUTTER)
        carets = "^" * shown_line.caret_width
        more = f" (to line {f.end_line})" if f.end_line > f.line else ""
        self.stream.write(f"{pad} {bar}\n")
        self.stream.write(f"{self.paint(number, _GUTTER)} {bar} {shown_line.source}\n")
        self.stream.write(f"{pad} {bar} {' ' * shown_line.caret_start}{self.paint(carets, COLORS[f.severity])}{more}\n")
        if f.fix is not None:
            kind = "fix (safe)" if f.fix.safe else "suggestion"
            change = describe_change(text[f.fix.start : f.fix.end], f.fix.text, lambda s: f"'{shown(s)}'")
            self.stream.write(f"{pad} {self.paint('=', BOLD)} {kind}: {change}\n")
