"""What rules report (``Violation``) and what newslint prints (``Finding``)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    """How much a finding matters; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Return 0, 1 or 2 for info, warning and error."""
        return ("info", "warning", "error").index(self.value)


@dataclass(frozen=True)
class Fix:
    """Replace the file's text between two offsets; ``safe`` fixes are applied by ``--fix``."""

    start: int
    end: int
    text: str
    safe: bool = True


@dataclass(frozen=True)
class Violation:
    """A rule's report: a span of the file (code-point offsets, end exclusive) and a message."""

    start: int
    end: int
    message: str
    fix: Fix | None = None


@dataclass(frozen=True)
class Finding:
    """A violation stamped by the engine with its file, rule, severity and positions."""

    path: str
    code: str
    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    fix: Fix | None = None
    fix_position: tuple[int, int, int, int] | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        """Return the key findings are sorted by: path, line, column, code."""
        return (self.path, self.line, self.column, self.code)
