"""The JSON contract for editors and CI: one array of findings, sorted by path, line, column.

The shape is documented in the README and in ``newslint/schema/findings.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any, Sequence

from newslint.finding import Finding
from newslint.formatters.base import Formatter


def as_dict(f: Finding) -> dict[str, Any]:
    """Return the JSON object for one finding."""
    fix = None
    if f.fix is not None and f.fix_position is not None:
        line, column, end_line, end_column = f.fix_position
        fix = {
            "text": f.fix.text,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "safe": f.fix.safe,
        }
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "code": f.code,
        "rule": f.rule,
        "severity": f.severity.value,
        "message": f.message,
        "fix": fix,
    }


class JsonFormatter(Formatter):
    """Collects every finding and writes one JSON array at the end."""

    def start(self) -> None:
        """Begin with no findings."""
        self._findings: list[Finding] = []

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        """Keep the file's findings for the final array."""
        self._findings.extend(findings)

    def finish(self) -> None:
        """Write the sorted array."""
        self._findings.sort(key=lambda f: (f.path, f.line, f.column, f.code))
        json.dump([as_dict(f) for f in self._findings], self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
