"""``concise`` (alias ``text``): ``path:line:col: CODE [name] message``, one finding a line.

Coloured on a terminal. The ``full`` format (``newslint.formatters.full``) writes the
same line with the severity, followed by the source line and a caret under the span.
"""

from __future__ import annotations

from typing import Sequence

from newslint.finding import Finding, Severity
from newslint.formatters.base import Formatter

COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
BOLD, RESET = "\033[1m", "\033[0m"


class TextFormatter(Formatter):
    """The default, human-readable format."""

    def paint(self, text: str, style: str) -> str:
        """Return ``text`` in an ANSI ``style`` when colouring, else as it is."""
        return f"{style}{text}{RESET}" if self.color else text

    def header(self, f: Finding, severity: bool = False) -> str:
        """Return the one-line form of a finding (with its severity, for ``full``)."""
        where = self.paint(f.path, BOLD)
        code = self.paint(f.code, COLORS[f.severity])
        level = f"{self.paint(f.severity.value, COLORS[f.severity])} " if severity else ""
        return f"{where}:{f.line}:{f.column}: {level}{code} [{f.rule}] {f.message}"

    def file(self, path: str, findings: Sequence[Finding], text: str | None = None) -> None:
        """Write one line per finding."""
        for f in findings:
            self.stream.write(self.header(f) + "\n")
