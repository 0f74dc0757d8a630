"""``path:line:col: CODE [name] message``, one finding a line, coloured on a terminal."""

from __future__ import annotations

from typing import Sequence

from newslint.finding import Finding, Severity
from newslint.formatters.base import Formatter

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


class TextFormatter(Formatter):
    """The default, human-readable format."""

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        """Write one line per finding."""
        for f in findings:
            if self.color:
                code = f"{_COLORS[f.severity]}{f.code}{_RESET}"
                where = f"{_BOLD}{f.path}{_RESET}"
            else:
                code, where = f.code, f.path
            self.stream.write(f"{where}:{f.line}:{f.column}: {code} [{f.rule}] {f.message}\n")
