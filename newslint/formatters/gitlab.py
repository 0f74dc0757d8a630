"""``gitlab``: a GitLab Code Quality report, shown in merge requests.

A JSON array of issues in the subset of the Code Climate format GitLab reads:
``description``, ``check_name``, ``fingerprint``, ``severity`` and ``location`` with a
repository-relative ``path`` and ``lines.begin``. Severities map onto GitLab's scale
of info, minor, major, critical, blocker: info → info, warning → minor, error →
major; a rule that crashed (NL000) is critical. ``blocker`` is not used: no finding
about copy stops a pipeline on its own, the exit status does that. The fingerprint
is the finding's identity (``newslint.fingerprint``) with the path folded in, so it
is unique in the report and survives edits elsewhere in the file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence

from newslint.engine import INTERNAL_ERROR
from newslint.finding import Finding, Severity
from newslint.fingerprint import fingerprints, with_path
from newslint.formatters.base import Formatter, write_json_around
from newslint.formatters.location import report_path, repository_root

SEVERITIES = {Severity.INFO: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}


def severity(f: Finding) -> str:
    """Return GitLab's severity for a finding."""
    return "critical" if f.code == INTERNAL_ERROR[0] else SEVERITIES[f.severity]


class GitlabFormatter(Formatter):
    """Writes the report: each file's issues serialised as they come, kept on disk until the end."""

    def start(self) -> None:
        """Begin with no issues."""
        from newslint.spool import Spool

        self._root = repository_root(os.getcwd())
        self._issues = Spool(by_path=False)

    def file(self, path: str, findings: Sequence[Finding], text: str | None = None) -> None:
        """Serialise one issue per finding."""
        shown = report_path(path, self._root)
        issues = [
            {
                "type": "issue",
                "check_name": f.code,
                "description": f"{f.code} [{f.rule}] {f.message}",
                "categories": ["Style"],
                "fingerprint": with_path(shown, identity),
                "severity": severity(f),
                "location": {"path": shown, "lines": {"begin": f.line, "end": f.end_line}},
            }
            for f, identity in zip(findings, fingerprints(findings, text))
        ]
        if issues:
            self._issues.add(path, ", ".join(json.dumps(issue, ensure_ascii=False) for issue in issues))

    def finish(self) -> None:
        """Write the JSON array, on one line."""
        try:
            write_json_around(self.stream, "[]", "", self._issues)
        finally:
            self._issues.close()
