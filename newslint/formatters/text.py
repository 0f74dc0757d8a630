"""``concise`` (alias ``text``): ``path:line:col: CODE [name] message``, one finding a line.

Coloured on a terminal. The ``full`` format (``newslint.formatters.full``) writes the
same line with the severity, followed by the source line and a caret under the span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newslint.finding import Finding, Severity
from newslint.formatters.base import Formatter

COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
BOLD, RESET = "\033[1m", "\033[0m"
# C0 and C1 controls, DEL, line and paragraph separators and the bidirectional controls:
# raw on a terminal they move the cursor, ring, clear or reorder what is shown.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape_controls(text: str) -> str:
    """Return ``text`` with control characters written as escapes (``\\x1b``, ``\\r``, ``\\u202e``)."""
    return _CONTROLS.sub(lambda m: _NAMED.get(m.group()) or _escape(ord(m.group())), text)


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class TextFormatter(Formatter):
    """The default, human-readable format."""

    uses_text = False  # one line a finding: the text is only read by ``full``

    def paint(self, text: str, style: str) -> str:
        """Return ``text`` in an ANSI ``style`` when colouring, else as it is."""
        return f"{style}{text}{RESET}" if self.color else text

    def header(self, f: Finding, severity: bool = False) -> str:
        """Return the one-line form of a finding (with its severity, for ``full``)."""
        # A file name or a quoted excerpt may hold ESC, CR or BEL: escaped, not sent raw.
        where = self.paint(escape_controls(f.path), BOLD)
        code = self.paint(f.code, COLORS[f.severity])
        level = f"{self.paint(f.severity.value, COLORS[f.severity])} " if severity else ""
        return f"{where}:{f.line}:{f.column}: {level}{code} [{f.rule}] {escape_controls(f.message)}"

    def file(self, path: str, findings: Sequence[Finding], text: str | None = None) -> None:
        """Write one line per finding."""
        for f in findings:
            self.stream.write(self.header(f) + "\n")
