"""The JSON contract for editors and CI: one array of findings, sorted by path, line, column.

The findings of one file come from the engine sorted by line, column and code; the
files are put in path order here.

The shape is documented in the README and in ``newslint/schema/findings.schema.json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

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
    """Writes one JSON array of every finding, sorted by path, line and column.

    Each file's findings are serialised as they come and kept on disk (``Spool``), not
    in memory, so a run over any number of files holds only an index of the paths.
    """

    def start(self) -> None:
        """Begin with no findings."""
        from newslint.spool import Spool

        self._spool = Spool()

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        """Serialise the file's findings (already sorted by line and column) for the array."""
        if findings:
            # Each element as json.dump(..., indent=2) writes it one level into the array.
            items = (json.dumps(as_dict(f), ensure_ascii=False, indent=2) for f in findings)
            self._spool.add(path, ",\n".join("  " + item.replace("\n", "\n  ") for item in items))

    def finish(self) -> None:
        """Write the array: the files' parts in path order."""
        spool = self._spool
        try:
            if not len(spool):
                self.stream.write("[]\n")
                return
            self.stream.write("[\n")
            spool.write_joined(self.stream, ",\n")
            self.stream.write("\n]\n")
        finally:
            spool.close()
