"""The formatter life cycle: ``start``, then ``file`` once per linted file, then ``finish``."""

from __future__ import annotations

from typing import Sequence, TextIO

from newslint.finding import Finding


class Formatter:
    """Writes findings to a stream; subclasses override the steps they need."""

    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream
        self.color = color

    def start(self) -> None:
        """Called once before the first file."""

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        """Called once per linted file with its sorted findings."""

    def finish(self) -> None:
        """Called once after the last file."""
