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
from newslint.formatters.base import Formatter, write_json_around
from newslint.formatters.location import unit_columns
from newslint.formatters.sarif import INFORMATION_URI

SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def _position(line: int, column: int) -> dict[str, int]:
    return {"line": line, "column": column}


class RdjsonFormatter(Formatter):
    """Writes one rdjson object: each file's diagnostics serialised as they come, kept on disk until the end."""

    def start(self) -> None:
        """Begin with no diagnostics."""
        from newslint.spool import Spool

        self._diagnostics = Spool(by_path=False)

    def file(self, path: str, findings: Sequence[Finding], text: str | None = None) -> None:
        """Serialise one diagnostic per finding."""
        offsets = [o for f in findings for o in (f.start, f.end, *((f.fix.start, f.fix.end) if f.fix else ()))]
        columns = unit_columns(text, offsets, "utf-8") if text is not None else {}

        def span(start: int, end: int, fallback: tuple[int, int, int, int]) -> dict[str, Any]:
            if start in columns and end in columns:
                first, last = columns[start], columns[end]
            else:  # no text to measure: code points stand in
                first, last = fallback[:2], fallback[2:]
            return {"start": _position(*first), "end": _position(*last)}

        diagnostics = []
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
            diagnostics.append(json.dumps(diagnostic, ensure_ascii=False))
        if diagnostics:
            self._diagnostics.add(path, ", ".join(diagnostics))

    def finish(self) -> None:
        """Write the rdjson object, on one line."""
        result = {"source": {"name": "newslint", "url": INFORMATION_URI}, "diagnostics": []}
        try:
            write_json_around(self.stream, json.dumps(result, ensure_ascii=False), "}", self._diagnostics)
        finally:
            self._diagnostics.close()
