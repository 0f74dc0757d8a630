"""One command-line run: a ``Linter`` over some paths, a formatter, the exit status.

The CLI parses arguments into ``Options`` and hands them here, so everything a run does
can be driven (and tested) without click. The linting itself is ``newslint.Linter``'s;
this module only decides where the results go.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from newslint.discovery import STDIN
from newslint.engine import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, exit_status
from newslint.errors import NewslintError, UsageError
from newslint.finding import Finding
from newslint.formatters import TEXT_FORMATS
from newslint.formatters.base import call, wants_text
from newslint.formatters.text import escape_controls
from newslint.linter import FileResult, Linter
from newslint.rule import ActiveRule, Rule
from newslint.summary import Tally, count, write_statistics

if TYPE_CHECKING:
    from newslint.baseline import Baseline, Entry
    from newslint.formatters.base import Formatter

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
    output_format: str = "concise"
    color: bool = False
    fix: bool = False
    diff: bool = False
    fix_readonly: bool = False
    # No path was named and standard input is not a terminal: it is read, but an empty
    # one (cron, CI, `< /dev/null`) is an error, not a clean pass over nothing.
    stdin_implicit: bool = False
    jobs: int = 1
    cache: bool = False
    cache_dir: Path | None = None
    # Where findings go and what else is said (newslint.summary, newslint.baseline).
    output_file: Path | None = None
    statistics: bool = False
    exit_zero: bool = False
    quiet: bool = False
    summary: bool | None = None  # True: always; False: never; None: text output on a terminal
    baseline: Path | None = None
    write_baseline: Path | None = None


@dataclass(frozen=True)
class _Streams:
    """Where a run writes: its findings, in which format, and its summary or statistics."""

    findings: TextIO
    format: str
    color: bool
    notes: TextIO
    show_findings: bool


@dataclass
class _Session:
    """One run's formatter and destinations, its baseline (to filter by or to write), its counts."""

    formatter: Formatter
    streams: _Streams
    baseline: Baseline | None
    recording: Recording | None
    tally: Tally = field(default_factory=Tally)


class Runner:
    """A ``Linter`` configured from the command line, and where its results go."""

    def __init__(self, options: Options) -> None:
        self.options = options
        if options.select is not None and not options.select:
            raise UsageError('--select names no rule (--select "" would check nothing)')
        if options.fix and options.diff:
            raise UsageError("--fix and --diff cannot be used together: --diff shows the fixes without writing them")
        if options.diff and options.output_file is None and options.output_format not in TEXT_FORMATS:
            raise UsageError(
                f"--diff prints a unified diff; --format {options.output_format} does not apply to it "
                "(add --output-file to keep the findings in that format)"
            )
        if options.fix_readonly and not options.fix:
            raise UsageError("--fix-readonly only applies with --fix")
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
        house = self.linter.config_for(".").house  # house-style rules configured here
        for rule in (*self.linter.rules, *(house.all_rules if house is not None else ())):
            state = "" if rule.default else " (opt-in)"
            out.write(f"{rule.code}  {rule.name:<22} {rule.severity.value:<8} {rule.summary}{state}\n")

    def explain(self, key: str) -> str:
        """Return the documentation of the rule with this code or name."""
        return explain_text(self.linter.rule(key))

    def run(self, paths: list[str], out: TextIO, err: TextIO) -> int:
        """Lint every path, report, and return the exit status."""
        options = self.options
        fixing = options.fix or options.diff
        baseline = recording = None
        if options.baseline is not None or options.write_baseline is not None:
            from newslint.baseline import Baseline  # hashing and JSON only when asked

            baseline = Baseline.load(options.baseline) if options.baseline is not None else None
            recording = Recording(Baseline.load_or_empty(options.write_baseline)) if options.write_baseline else None
        output = open_output(options.output_file) if options.output_file is not None else None
        streams = self._streams(paths, out, err, output, recording is not None)
        formatter = self.linter.formatter(streams.format, streams.findings, streams.color)
        session = _Session(formatter, streams, baseline, recording)
        status = EXIT_CLEAN
        if streams.show_findings:
            call(formatter.start, rules=self.linter.rules)
        from newslint.progress import Progress

        progress = Progress.for_run(
            streams.findings if streams.show_findings else streams.notes, err, quiet=options.quiet
        )
        try:
            results = self.linter.lint_paths(
                paths,
                fix=fixing,
                write=options.fix and not options.diff,
                stdin=getattr(sys.stdin, "buffer", None) if STDIN in paths else None,
                jobs=options.jobs,
                fix_readonly=options.fix_readonly,
                on_total=progress.set_total,
                # Each file's text is sent back from worker processes only when used.
                keep_source=(
                    fixing
                    or baseline is not None
                    or recording is not None
                    or options.stdin_implicit
                    or (streams.show_findings and wants_text(formatter))
                ),
            )
            config_errors: set[str] = set()
            for result in results:
                progress.advance()
                # Names and reasons may hold ESC, CR or BEL: escaped, they cannot rewrite the terminal.
                where = escape_controls(result.path)
                if result.notice is not None or result.problems or result.error is not None:
                    progress.clear()  # a message must not be written onto the bar's line
                if result.notice is not None:
                    err.write(f"newslint: {where}: {result.notice}\n")
                    continue
                if (
                    options.stdin_implicit
                    and result.from_stdin
                    and result.source is not None
                    and not (result.source.text or result.source.bom)
                ):
                    err.write(
                        "newslint: no paths given and standard input is empty; nothing was linted "
                        "(name files or directories, or - to read standard input)\n"
                    )
                    status = EXIT_ERROR
                    continue
                for problem in result.problems:
                    err.write(f"newslint: {where}: {escape_controls(problem)}\n")
                if result.config_error and result.error is not None:
                    # One line for a broken configuration, however many files it was to apply to.
                    if result.error not in config_errors:
                        config_errors.add(result.error)
                        err.write(f"newslint: {escape_controls(result.error)}\n")
                    if streams.show_findings:
                        call(getattr(formatter, "error", None), result.path, result.error)
                    status = EXIT_ERROR
                    continue
                if result.error is not None:
                    err.write(f"newslint: {where}: {escape_controls(result.error)}\n")
                    if streams.show_findings:
                        call(getattr(formatter, "error", None), result.path, result.error)
                    if result.findings:  # --fix declined to write: the file's findings as it is
                        self._report(result, session)
                    status = EXIT_ERROR
                    continue
                if fixing and self._show_fixed(result, out, err, where):
                    status = max(
                        status,
                        EXIT_FINDINGS if result.changed else EXIT_CLEAN,
                        EXIT_ERROR if result.problems or (result.changed and not _diffable(result)) else EXIT_CLEAN,
                    )
                    continue
                status = max(status, self._report(result, session))
        finally:
            progress.close()
            if streams.show_findings:
                formatter.finish()
            if output is not None:
                output.close()
            self.linter.close()
        for message in self.linter.unavailable.values():
            err.write(f"newslint: {message}\n")
        if recording is not None:
            recording.save()
            if not options.quiet:
                tally = session.tally
                err.write(
                    f"newslint: recorded {count(tally.findings, 'finding')} of {count(tally.files, 'file')} "
                    f"in {options.write_baseline}\n"
                )
        else:
            self._closing_notes(streams, session.tally, fixing)
        if self.linter.unavailable:
            return EXIT_ERROR
        # Recording findings is what --write-baseline asked for: they do not fail the run.
        if status == EXIT_FINDINGS and (options.exit_zero or recording is not None):
            return EXIT_CLEAN
        return status

    def _report(self, result: FileResult, session: _Session) -> int:
        """Record, filter by the baseline, count and format one linted file; return its status."""
        text = result.fixed if result.fixed is not None else (result.source.text if result.source else None)
        findings, hidden = result.findings, 0
        if session.recording is not None:
            session.recording.add(result.path, findings, text, self.linter.active_rules(result.path))
        elif session.baseline is not None:
            findings, hidden = session.baseline.split(result.path, findings, text)
        session.tally.add(findings, result.applied, hidden)
        if session.streams.show_findings:
            call(session.formatter.file, result.path, findings, text=text)
        if not hidden:
            return result.status
        return exit_status(findings, self.linter.config_for(result.path).fail_on)

    def dismiss(
        self, path: str, line: int, column: int | None, rule: str | None, reason: str, baseline_path: Path
    ) -> str:
        """Record the finding at ``path:line[:column]`` (of ``rule``) as dismissed; return what was done.

        Raises ``UsageError`` when no finding, or more than one, is there.
        """
        from newslint.baseline import Baseline

        baseline = Baseline.load_or_empty(baseline_path)
        wanted = self.linter.rule(rule).code if rule else None
        results = list(self.linter.lint_paths([path]))
        if len(results) != 1:
            raise UsageError(f"{path}: name one article, not a directory")
        result = results[0]
        if result.error is not None:
            raise UsageError(f"{result.path}: {result.error}")
        text = result.source.text if result.source else None
        entries = baseline.entries_for(result.path, result.findings, text)
        matches = [
            (f, entry)
            for f, entry in zip(result.findings, entries)
            if f.line == line and (column is None or f.column == column) and (wanted is None or f.code == wanted)
        ]
        where = f"{path}:{line}" + (f":{column}" if column is not None else "")
        if not matches:
            raise UsageError(f"no finding at {where}" + (f" from {rule}" if rule else ""))
        if len(matches) > 1:
            listed = ", ".join(f"{f.line}:{f.column} {f.code}" for f, _ in matches)
            raise UsageError(f"{len(matches)} findings at {where} ({listed}): name the column or the rule")
        finding, entry = matches[0]
        baseline.with_dismissal(entry, reason).save()
        return f"dismissed {finding.code} [{finding.rule}] at {path}:{finding.line}:{finding.column} in {baseline_path}"

    def _streams(self, paths: list[str], out: TextIO, err: TextIO, output: TextIO | None, recording: bool) -> _Streams:
        """Decide where findings, the summary and statistics go."""
        options = self.options
        # --diff and `--fix -` print text on stdout: findings go to stderr, as text.
        stdout_taken = options.diff or (options.fix and STDIN in paths)
        if output is not None:
            findings, name, color = output, options.output_format, False
        elif stdout_taken:
            findings, name, color = err, "concise", options.color
        else:
            findings, name, color = out, options.output_format, options.color
        readable = name in TEXT_FORMATS
        if options.statistics and output is None and not readable and name != "json":
            raise UsageError(
                f"--statistics replaces the findings on standard output; "
                f"add --output-file to keep the {name} report too"
            )
        # Notes (summary, statistics) go to the terminal side, never into a report on stdout.
        if stdout_taken:
            notes = err
        elif output is not None or readable or (options.statistics and name == "json"):
            notes = out
        else:
            notes = err
        shown = not recording and not (options.statistics and output is None)
        return _Streams(findings, name, color, notes, show_findings=shown)

    def _closing_notes(self, streams: _Streams, tally: Tally, fixing: bool) -> None:
        """Write ``--statistics`` and the summary line, where and when they are wanted."""
        options = self.options
        if options.statistics:
            as_json = streams.format == "json" and options.output_file is None
            write_statistics(tally.statistics(), streams.notes, as_json=as_json)
            if as_json:
                return
        on_terminal = _isatty(streams.notes) and (streams.format in TEXT_FORMATS or options.output_file is not None)
        if options.summary or (options.summary is None and on_terminal and not options.quiet and not options.diff):
            streams.notes.write(tally.line(fixing=fixing) + "\n")

    def _show_fixed(self, result: FileResult, out: TextIO, err: TextIO, where: str) -> bool:
        """Print a fix as --diff or `--fix -` shows it; return True for --diff (no findings shown).

        Both keep a UTF-8 byte-order mark, as ``--fix`` keeps it in the file: a patch whose
        first line lacks it does not apply.
        """
        assert result.source is not None and result.fixed is not None
        mark = "\ufeff" if result.source.bom == codecs.BOM_UTF8 else ""
        if self.options.diff:
            if result.changed and not _diffable(result):
                err.write(
                    f"newslint: {where}: its lines end in CR alone, which a unified diff cannot show; "
                    "not shown (newslint --fix applies the fixes)\n"
                )
            elif result.changed:
                from newslint import fixer

                out.write(fixer.unified_diff(result.path, mark + result.source.text, mark + result.fixed))
            return True
        if result.from_stdin:
            out.write(mark + result.fixed)
        return False


def _diffable(result: FileResult) -> bool:
    """Return whether a file's fix can be shown as a unified diff: not with lines ended by CR alone."""
    text = result.source.text if result.source is not None else ""
    return "\r" not in text.replace("\r\n", "")


class Recording:
    """A ``--write-baseline`` run: every file's findings, to replace its entries in the baseline."""

    def __init__(self, baseline: Baseline) -> None:
        self.baseline = baseline
        self.recorded: dict[str, list[Entry]] = {}
        self.examined: dict[str, list[str]] = {}

    def add(self, path: str, findings: list[Finding], text: str | None, active: list[ActiveRule]) -> None:
        """Record one linted file's findings and which rules looked at it."""
        key = self.baseline.relative(path)
        self.recorded[key] = self.baseline.entries_for(path, findings, text)
        self.examined[key] = [item.rule.code for item in active]

    def save(self) -> None:
        """Write the baseline: these findings, and the old entries this run did not look at."""
        self.baseline.rewritten(self.recorded, self.examined).save()


def open_output(path: Path) -> TextIO:
    """Open ``--output-file`` for writing, or raise ``UsageError`` with a one-line reason."""
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the output file: {exc.strerror or exc}") from None


def _isatty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def explain_text(rule: Rule) -> str:
    """Return a rule's documentation as ``newslint explain`` prints it."""
    head = f"{rule.code} {rule.name} ({rule.severity.value}{'' if rule.default else ', opt-in'})"
    lines = [head, "", rule.summary, "", rule.doc]
    if rule.specs:
        lines += ["", "Defaults:"] + [f"  {k}: {spec.default!r} ({spec.describe()})" for k, spec in rule.specs.items()]
    return "\n".join(lines)
