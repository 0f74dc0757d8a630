"""``path:line:col: CODE [name] message``, one finding a line, coloured on a terminal."""

from __future__ import annotations

import re
from typing import Sequence

from newslint.finding import Finding, Severity
from newslint.formatters.base import Formatter

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"
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

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        """Write one line per finding."""
        for f in findings:
            name, message = escape_controls(f.path), escape_controls(f.message)
            if self.color:
                code = f"{_COLORS[f.severity]}{f.code}{_RESET}"
                where = f"{_BOLD}{name}{_RESET}"
            else:
                code, where = f.code, name
            self.stream.write(f"{where}:{f.line}:{f.column}: {code} [{f.rule}] {message}\n")
