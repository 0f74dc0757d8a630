"""One run of newslint over some paths: plugins, configuration, files, report, exit status.

The CLI parses arguments into ``Options`` and hands them here, so everything a run
does can be driven (and tested) without click.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from newslint import config as config_module
from newslint import plugins
from newslint.discovery import STDIN, targets
from newslint.document import Document
from newslint.engine import ActiveRule, lint
from newslint.errors import ServiceUnavailable
from newslint.finding import Finding, Severity
from newslint.rule import Rule
from newslint.selection import unknown_tokens
from newslint.source import InputError, Source, decode, read

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class RunError(Exception):
    """A mistake that stops the run before or while it starts: exit status 2."""


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


@dataclass
class FileResult:
    """What linting one file gave: its source, its findings, and the rules that ran."""

    source: Source
    findings: list[Finding]
    active: list[ActiveRule]
    fail_on: Severity


class Runner:
    """Holds the plugin manager, rules and configuration finder for one run."""

    def __init__(self, options: Options) -> None:
        self.options = options
        # Rules whose backing service failed, by code: reported once, at the end of the run.
        self.unavailable: dict[str, str] = {}
        try:
            self.manager = plugins.plugin_manager()
            self.registry = plugins.registry(self.manager)
        except plugins.PluginError as exc:
            raise RunError(str(exc)) from None
        for tokens in (options.select or [], options.ignore):
            for token in unknown_tokens(tokens, self.registry.rules):
                raise RunError(f"unknown rule {token!r} (see newslint --list-rules)")
        def with_cli(config: config_module.Config) -> config_module.Config:
            return config_module.with_cli(config, fail_on=options.fail_on, date=options.date)

        try:
            self.configs = config_module.Finder(self.registry, options.config, with_cli)
        except config_module.ConfigError as exc:
            raise RunError(str(exc)) from None
        # Each file asks for its configuration three times (exclusion, size limit, rules).
        self._config_of_path: dict[str, config_module.Config] = {}

    # -- rules -----------------------------------------------------------------------------

    def list_rules(self, out: TextIO) -> None:
        """Write one line per rule: code, name, default severity, and summary."""
        for rule in self.registry.rules:
            state = "" if rule.default else " (opt-in)"
            out.write(f"{rule.code}  {rule.name:<22} {rule.severity.value:<8} {rule.summary}{state}\n")

    def explain(self, key: str) -> str:
        """Return the documentation of the rule with this code or name."""
        rule = self.registry.get(key)
        if rule is None:
            raise RunError(f"unknown rule {key!r} (see newslint --list-rules)")
        return explain_text(rule)

    # -- linting ---------------------------------------------------------------------------

    def config_for(self, path: str) -> config_module.Config:
        """Return the configuration for a path, with the command line's values over it."""
        config = self._config_of_path.get(path)
        if config is not None:
            return config
        try:
            config = self._config_of_path[path] = self.configs.for_path(path)
        except config_module.ConfigError as exc:
            raise RunError(str(exc)) from None
        return config

    def lint_source(self, source: Source, display: str) -> FileResult:
        """Lint one decoded article under the configuration that applies to it."""
        config = self.config_for(display if display != STDIN else ".")
        active = config.active_rules(self.registry, display, self.options.select, self.options.ignore)
        document = Document(source.text, display, format=source.format, date=config.date)
        report_unused = any(item.rule.code == "NL001" for item in active)
        findings = lint(document, [a for a in active if a.rule.code not in ("NL000", "NL001")],
                        self.registry.rules, report_unused, self._unavailable)
        return FileResult(source, findings, active, config.fail_on)

    def read(self, path: str) -> Source:
        """Read one target: a file, or standard input for ``-``."""
        if path == STDIN:
            name = self.options.stdin_filename or STDIN
            data = sys.stdin.buffer.read()
            return decode(data, name)
        return read(path, self.config_for(path).max_file_size)

    def fix(self, source: Source, display: str, path: str, out: TextIO) -> tuple[FileResult, bool]:
        """Apply the safe fixes to one article: write it back, print it (stdin) or diff it.

        Returns the findings that remain, and whether anything changed.
        """
        from newslint import fixer  # only --fix and --diff need it (and difflib)
        from newslint.atomic import write_atomically

        results: dict[str, FileResult] = {}

        def findings(text: str) -> list[Finding]:
            # Keep the last result: the final pass usually linted the fixed text already.
            results.clear()
            results[text] = self.lint_source(dataclasses.replace(source, text=text), display)
            return results[text].findings

        fixed = fixer.fix_text(source.text, findings)
        changed = fixed.text != source.text
        if self.options.diff:
            if changed:
                out.write(fixer.unified_diff(display, source.text, fixed.text))
        elif path == STDIN:
            out.write(fixed.text)
        elif changed:
            write_atomically(path, source.encode(fixed.text))
        remaining = results.get(fixed.text)
        if remaining is None:
            remaining = self.lint_source(dataclasses.replace(source, text=fixed.text), display)
        return remaining, changed

    def run(self, paths: list[str], out: TextIO, err: TextIO) -> int:
        """Lint every path, report, and return the exit status."""
        formats = plugins.formatters(self.manager)
        if self.options.output_format not in formats:
            raise RunError(f"unknown format {self.options.output_format!r} (choose from {', '.join(sorted(formats))})")
        quiet = self.options.diff or (self.options.fix and STDIN in paths)
        # --diff and `--fix -` print text on stdout: findings go to stderr, as text.
        formatter = formats["text" if quiet else self.options.output_format](
            err if quiet else out, self.options.color
        )
        status = EXIT_CLEAN
        formatter.start()
        try:
            for target in targets(paths, lambda p: self.config_for(p).is_excluded(p)):
                display = self.options.stdin_filename or STDIN if target.path == STDIN else target.path
                if target.error:
                    err.write(f"newslint: {display}: {target.error}\n")
                    status = EXIT_ERROR
                    continue
                try:
                    source = self.read(target.path)
                except InputError as exc:
                    err.write(f"newslint: {display}: {exc}\n")
                    status = EXIT_ERROR
                    continue
                if self.options.fix or self.options.diff:
                    try:
                        result, changed = self.fix(source, display, target.path, out)
                    except OSError as exc:
                        err.write(f"newslint: {display}: cannot write the fixed file: {exc.strerror or exc}\n")
                        status = EXIT_ERROR
                        continue
                    if self.options.diff:
                        status = max(status, EXIT_FINDINGS if changed else EXIT_CLEAN)
                        continue
                else:
                    result = self.lint_source(source, display)
                formatter.file(display, result.findings)
                status = max(status, file_status(result))
        finally:
            formatter.finish()
            self.manager.hook.newslint_finish()
        for message in self.unavailable.values():
            err.write(f"newslint: {message}\n")
        return EXIT_ERROR if self.unavailable else status

    def _unavailable(self, rule: Rule, exc: ServiceUnavailable) -> None:
        """Remember the first failure of each rule's backing service, to report once."""
        self.unavailable.setdefault(rule.code, f"rule {rule.name} ({rule.code}) did not run: {exc}")


def file_status(result: FileResult) -> int:
    """Return 2 when a rule crashed, 1 when a finding reaches the threshold, else 0."""
    if any(f.code == "NL000" for f in result.findings):
        return EXIT_ERROR
    if any(f.severity.rank >= result.fail_on.rank for f in result.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def explain_text(rule: Rule) -> str:
    """Return a rule's documentation as ``newslint explain`` prints it."""
    head = f"{rule.code} {rule.name} ({rule.severity.value}{'' if rule.default else ', opt-in'})"
    lines = [head, "", rule.summary, "", rule.doc]
    if rule.options:
        lines += ["", "Defaults:"] + [f"  {k}: {v!r}" for k, v in rule.options.items()]
    return "\n".join(lines)
