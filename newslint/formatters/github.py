"""``github``: GitHub Actions workflow commands, which GitHub shows as annotations on the diff.

    ::error file=desk/story.md,line=3,col=5,endLine=3,endColumn=9,title=NL101 unbalanced-quote::closing ...

GitHub reads the command from the start of each line of a step's output, so a message
with a line break, or a property with ``,`` or ``:``, would end the command early;
GitHub's own toolkit escapes them as below. ``info`` findings become notices. Paths
are relative to the repository's top (GitHub resolves them against the checkout);
columns are code points, as in newslint's own output.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from newslint.finding import Finding, Severity
from newslint.formatters.base import Formatter
from newslint.formatters.location import report_path, repository_root

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, and ``:`` and ``,`` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding, path: str) -> str:
    """Return the workflow command that annotates one finding."""
    properties = {
        "file": path,
        "line": f.line,
        "col": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "title": f"{f.code} {f.rule}",
    }
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[f.severity]} {listed}::{escape_data(f.message)}"


class GithubFormatter(Formatter):
    """One workflow command a finding."""

    def start(self) -> None:
        """Find the repository the paths are made relative to."""
        self._root = repository_root(os.getcwd())

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        """Write one command per finding."""
        shown = report_path(path, self._root)
        for f in findings:
            self.stream.write(command(f, shown) + "\n")

    def error(self, path: str, message: str) -> None:
        """Annotate a file that could not be linted."""
        shown = escape_property(report_path(path, self._root))
        self.stream.write(f"::error file={shown},title=newslint::{escape_data(message)}\n")
