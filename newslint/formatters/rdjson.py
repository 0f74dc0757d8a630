"""``rdjson``: reviewdog's diagnostic format (``reviewdog -f=rdjson``), for review comments.

One JSON object, ``{"source": ..., "diagnostics": [...]}``, with each finding's
message, location, severity, code and its fix as a ``suggestion`` (safe or not:
reviewdog shows suggestions for a person to accept). reviewdog's ``Position.column``
counts UTF-8 bytes from 1 (its proto: the column of ``b`` in ``a𐐀b`` is 6), so
newslint converts its code-point columns (of the text without its byte-order mark);
ranges are end exclusive, as newslint's.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newslint.finding import Finding, Severity
from newslint.formatters.base import Formatter
from newslint.formatters.location import unit_columns
from newslint.formatters.sarif import INFORMATION_URI

SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def _position(line: int, column: int) -> dict[str, int]:
    return {"line": line, "column": column}


class RdjsonFormatter(Formatter):
    """Collects every diagnostic and writes one rdjson object at the end."""

    def start(self) -> None:
        """Begin with no diagnostics."""
        self._diagnostics: list[dict[str, Any]] = []

    def file(self, path: str, findings: Sequence[Finding], text: str | None = None) -> None:
        """Add one diagnostic per finding."""
        offsets = [o for f in findings for o in (f.start, f.end, *((f.fix.start, f.fix.end) if f.fix else ()))]
        columns = unit_columns(text, offsets, "utf-8") if text is not None else {}

        def span(start: int, end: int, fallback: tuple[int, int, int, int]) -> dict[str, Any]:
            if start in columns and end in columns:
                first, last = columns[start], columns[end]
            else:  # no text to measure: code points stand in
                first, last = fallback[:2], fallback[2:]
            return {"start": _position(*first), "end": _position(*last)}

        for f in findings:
            diagnostic: dict[str, Any] = {
                "message": f.message,
                "location": {"path": path, "range": span(f.start, f.end, (f.line, f.column, f.end_line, f.end_column))},
                "severity": SEVERITIES[f.severity],
                "code": {"value": f.code},
                "original_output": f"{f.path}:{f.line}:{f.column}: {f.code} [{f.rule}] {f.message}",
            }
            if f.fix is not None and f.fix_position is not None:
                diagnostic["suggestions"] = [
                    {"range": span(f.fix.start, f.fix.end, f.fix_position), "text": f.fix.text}
                ]
            self._diagnostics.append(diagnostic)

    def finish(self) -> None:
        """Write the rdjson object."""
        result = {"source": {"name": "newslint", "url": INFORMATION_URI}, "diagnostics": self._diagnostics}
        # One line: json.dumps without indent runs in C, several times faster on a big run.
        self.stream.write(json.dumps(result, ensure_ascii=False) + "\n")
