"""One command-line run: a ``Linter`` over some paths, a formatter, the exit status.

The CLI parses arguments into ``Options`` and hands them here, so everything a run does
can be driven (and tested) without click. The linting itself is ``newslint.Linter``'s;
this module only decides where the results go.
"""

from __future__ import annotations

import datetime as _dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from newslint.discovery import STDIN
from newslint.engine import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from newslint.errors import NewslintError
from newslint.linter import FileResult, Linter
from newslint.rule import Rule

# The CLI's name for a mistake that stops the run (exit status 2).
RunError = NewslintError

__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "Options", "RunError", "Runner", "explain_text"]


@dataclass(frozen=True)
class Options:
    """What the command line asked for."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    config: Path | None = None
    stdin_filename: str | None = None
    fail_on: str | None = None
    date: _dt.date | None = None
    output_format: str = "text"
    color: bool = False
    fix: bool = False
    diff: bool = False
    jobs: int = 1
    cache: bool = False
    cache_dir: Path | None = None


class Runner:
    """A ``Linter`` configured from the command line, and where its results go."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.linter = Linter(
            config=options.config,
            select=options.select,
            ignore=options.ignore,
            fail_on=options.fail_on,
            date=options.date,
            stdin_filename=options.stdin_filename,
            cache=options.cache,
            cache_dir=options.cache_dir,
        )

    def list_rules(self, out: TextIO) -> None:
        """Write one line per rule: code, name, default severity, and summary."""
        for rule in self.linter.rules:
            state = "" if rule.default else " (opt-in)"
            out.write(f"{rule.code}  {rule.name:<22} {rule.severity.value:<8} {rule.summary}{state}\n")

    def explain(self, key: str) -> str:
        """Return the documentation of the rule with this code or name."""
        return explain_text(self.linter.rule(key))

    def run(self, paths: list[str], out: TextIO, err: TextIO) -> int:
        """Lint every path, report, and return the exit status."""
        options = self.options
        # --diff and `--fix -` print text on stdout: findings go to stderr, as text.
        quiet = options.diff or (options.fix and STDIN in paths)
        formatter = self.linter.formatter("text" if quiet else options.output_format, err if quiet else out,
                                          options.color)
        status = EXIT_CLEAN
        fixing = options.fix or options.diff
        from newslint.progress import Progress

        progress = Progress.for_run(out, err)
        formatter.start()
        try:
            results = self.linter.lint_paths(paths, fix=fixing, write=options.fix and not options.diff,
                                             stdin=sys.stdin.buffer if STDIN in paths else None,
                                             jobs=options.jobs, on_total=progress.set_total)
            for result in results:
                progress.advance()
                if result.error is not None:
                    progress.clear()  # the message must not be written onto the bar's line
                    err.write(f"newslint: {result.path}: {result.error}\n")
                    status = EXIT_ERROR
                    continue
                if fixing and self._show_fixed(result, out):
                    status = max(status, EXIT_FINDINGS if result.changed else EXIT_CLEAN)
                    continue
                formatter.file(result.path, result.findings)
                status = max(status, result.status)
        finally:
            progress.close()
            formatter.finish()
            self.linter.close()
        for message in self.linter.unavailable.values():
            err.write(f"newslint: {message}\n")
        return EXIT_ERROR if self.linter.unavailable else status

    def _show_fixed(self, result: FileResult, out: TextIO) -> bool:
        """Print a fix as --diff or `--fix -` shows it; return True for --diff (no findings shown)."""
        assert result.source is not None and result.fixed is not None
        if self.options.diff:
            if result.changed:
                from newslint import fixer

                out.write(fixer.unified_diff(result.path, result.source.text, result.fixed))
            return True
        if result.from_stdin:
            out.write(result.fixed)
        return False


def explain_text(rule: Rule) -> str:
    """Return a rule's documentation as ``newslint explain`` prints it."""
    head = f"{rule.code} {rule.name} ({rule.severity.value}{'' if rule.default else ', opt-in'})"
    lines = [head, "", rule.summary, "", rule.doc]
    if rule.specs:
        lines += ["", "Defaults:"] + [f"  {k}: {spec.default!r} ({spec.describe()})" for k, spec in rule.specs.items()]
    return "\n".join(lines)

