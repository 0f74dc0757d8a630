"""The server's newslint session: one ``Linter`` for the client's settings, kept fresh.

A ``Session`` builds its ``Linter`` once (plugins, rules, configuration finder) and lints
every open document with it. It is rebuilt when the client's settings change or a
configuration file that applies to an open document changes: the Linter's finder keeps
what it loaded, so a fresh one is the way to see a new ``.newslint.yaml``. Nothing here
speaks LSP: texts, paths and code-point offsets in, findings and edits out. The server
calls it from one worker thread only, so it needs no locks.
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
import queue
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newslint.config.model import CONFIG_NAMES
from newslint.dates import as_date
from newslint.errors import ConfigError, NewslintError, PluginError, UsageError
from newslint.finding import Finding, Fix, Severity
from newslint.linter import Linter
from newslint.server.documents import LANGUAGE_FORMATS

logger = logging.getLogger("newslint.server")

DEFAULT_DEBOUNCE = 0.3  # seconds between the last keystroke and the lint
MAX_DEBOUNCE = 10.0
# The files whose change can change a document's configuration.
CONFIG_FILES = (*CONFIG_NAMES, "pyproject.toml")
BOM = "\ufeff"
_SEVERITIES = tuple(s.value for s in Severity)
# Keys an editor may send in newslint's settings section that are not newslint's own.
_FOREIGN_KEYS = frozenset({"trace", "enable", "path", "args"})


@dataclass(frozen=True)
class Settings:
    """What the client asked for, put over every configuration file (like the command line)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    date: _dt.date | None = None
    fail_on: str | None = None
    debounce: float = DEFAULT_DEBOUNCE


def _tokens(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return tuple(t.strip() for v in value for t in v.split(",") if t.strip())


def parse_settings(raw: Any, base: Settings = Settings()) -> tuple[Settings, list[str]]:
    """Read client settings over ``base``; return them and a message for each value refused.

    ``raw`` is ``initializationOptions`` or a ``workspace/didChangeConfiguration``
    payload: an object with ``select``, ``ignore``, ``date``, ``failOn`` and
    ``debounce`` (milliseconds), either bare or under a ``newslint`` key.
    """
    if isinstance(raw, dict) and isinstance(raw.get("newslint"), dict):
        raw = raw["newslint"]
    if raw is None:
        return base, []
    if not isinstance(raw, dict):
        return base, [f"settings must be an object, not {raw!r}"]
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in raw.items():
        name = {"failOn": "fail_on", "fail-on": "fail_on", "fail_on": "fail_on"}.get(key, key)
        if name in ("select", "ignore"):
            tokens = _tokens(value) if value is not None else ()
            if tokens is None:
                problems.append(f"setting {key!r} must be a list of rule codes or names, not {value!r}")
            else:
                values[name] = (tokens or None) if name == "select" else tokens
        elif name == "date":
            day = as_date(value) if value not in (None, "") else None
            if day is None and value not in (None, ""):
                problems.append(f"setting 'date' must be a date like 2025-06-19, not {value!r}")
            else:
                values["date"] = day
        elif name == "fail_on":
            if value is not None and value not in _SEVERITIES:
                problems.append(f"setting {key!r} must be one of {', '.join(_SEVERITIES)}, not {value!r}")
            else:
                values["fail_on"] = value
        elif name == "debounce":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= MAX_DEBOUNCE * 1000:
                problems.append(
                    f"setting 'debounce' must be milliseconds from 0 to {MAX_DEBOUNCE * 1000:.0f}, not {value!r}"
                )
            else:
                values["debounce"] = value / 1000
        elif key not in _FOREIGN_KEYS:
            problems.append(f"unknown setting {key!r} (newslint reads select, ignore, date, failOn, debounce)")
    return replace(base, **values), problems


@dataclass(frozen=True)
class ConfigProblem:
    """A configuration file newslint cannot use: which file, which line (1-based), and why."""

    path: str
    line: int
    message: str


@dataclass(frozen=True)
class Notice:
    """Something the user should be told once: ``level`` is error, warning or info."""

    level: str
    message: str


@dataclass(frozen=True)
class Outcome:
    """What linting one document gave: findings, or why there are none."""

    findings: tuple[Finding, ...] = ()
    config_error: ConfigProblem | None = None
    skipped: str | None = None


def strip_bom(text: str) -> tuple[str, int]:
    """Return the text newslint lints (no byte-order mark) and how far that shifts offsets."""
    return (text[1:], 1) if text.startswith(BOM) else (text, 0)


def shifted(finding: Finding, shift: int) -> Finding:
    """Return ``finding`` with its offsets (and its fix's) moved by ``shift`` code points."""
    if not shift:
        return finding
    fix = finding.fix
    if fix is not None:
        fix = replace(fix, start=fix.start + shift, end=fix.end + shift)
    return replace(finding, start=finding.start + shift, end=finding.end + shift, fix=fix)


def config_candidates(path: str | None) -> Iterator[Path]:
    """Yield every file that could configure ``path``, nearest first, as the finder looks."""
    directory = Path(os.path.abspath(path)).parent if path else Path(os.path.abspath("."))
    while True:
        for name in CONFIG_FILES:
            yield directory / name
        if directory.parent == directory:
            return
        directory = directory.parent


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


def _problem(exc: ConfigError, path: str | None) -> ConfigProblem | None:
    """Find the file and line a ``ConfigError`` names (its message reads ``path:line: ...``)."""
    message = str(exc)
    for candidate in config_candidates(path):
        prefix = f"{candidate}:"
        if message.startswith(prefix):
            rest = message[len(prefix) :]
            line = re.match(r"(\d+): ", rest) or re.search(r"\bline (\d+)", rest)
            return ConfigProblem(str(candidate), int(line.group(1)) if line else 1, message)
    return None


class Session:
    """One ``Linter`` for the client's settings, rebuilt when they or a configuration change."""

    def __init__(self, settings: Settings = Settings(), *, entry_points: bool = True) -> None:
        self.settings = settings
        self._entry_points = entry_points
        self._linter: Linter | None = None
        self._watched: dict[Path, tuple[int, int, int] | None] = {}
        # Filled on the worker thread, emptied on the event loop's: a queue, not a list.
        self._notices: queue.SimpleQueue[Notice] = queue.SimpleQueue()
        self._told: set[str] = set()

    # -- the Linter ------------------------------------------------------------------------

    @property
    def linter(self) -> Linter:
        """Return the session's Linter, building it on first use."""
        if self._linter is None:
            self._linter = self._build()
        return self._linter

    def _build(self) -> Linter:
        """Build the Linter; a broken plugin or setting is reported and left out, not fatal."""
        settings = self.settings
        options: dict[str, Any] = dict(
            select=settings.select, ignore=settings.ignore, fail_on=settings.fail_on, date=settings.date
        )
        entry_points = self._entry_points
        while True:
            try:
                return Linter(entry_points=entry_points, **options)
            except PluginError as exc:
                if not entry_points:
                    raise  # a built-in plugin is broken: nothing to fall back on
                self.tell("error", f"{exc}; newslint runs its built-in rules only")
                entry_points = False
            except UsageError as exc:
                if options["select"] is None and not options["ignore"] and options["fail_on"] is None:
                    raise
                self.tell("error", f"settings: {exc}; select, ignore and failOn are not applied")
                options.update(select=None, ignore=(), fail_on=None)

    def configure(self, settings: Settings) -> bool:
        """Use new client settings; return whether that took a fresh Linter (not just a debounce)."""
        old, self.settings = self.settings, settings
        if replace(old, debounce=0) == replace(settings, debounce=0):
            return False
        self.reload()
        return True

    def reload(self) -> None:
        """Start a fresh Linter, so that configuration files are read again."""
        old, self._linter = self._linter, None
        self._watched.clear()
        if old is not None:
            old.close()

    def close(self) -> None:
        """Let the plugins release what they hold."""
        self.reload()

    # -- configuration files -----------------------------------------------------------------

    def _watch(self, path: str | None) -> None:
        # Record before linting: a file changed while the finder reads it is still seen later.
        for candidate in config_candidates(path):
            if candidate in self._watched:
                break  # this directory and every one above it are recorded
            self._watched[candidate] = _signature(candidate)

    def stale(self) -> bool:
        """Return whether a configuration file seen so far was created, changed or removed."""
        return any(_signature(path) != seen for path, seen in self._watched.items())

    # -- messages --------------------------------------------------------------------------

    def tell(self, level: str, message: str) -> None:
        """Queue a message for the user, once per session whatever the number of calls."""
        if message not in self._told:
            self._told.add(message)
            self._notices.put(Notice(level, message))
            logger.log(logging.ERROR if level == "error" else logging.WARNING, "%s", message)

    def take_notices(self) -> tuple[Notice, ...]:
        """Return and forget the messages queued since the last call (from any thread)."""
        notices = []
        while not self._notices.empty():
            notices.append(self._notices.get_nowait())
        return tuple(notices)

    # -- linting ---------------------------------------------------------------------------

    def lint(self, text: str, path: str | None, format: str | None) -> Outcome:
        """Lint a document's text as the file at ``path`` (its nearest configuration applies)."""
        body, shift = strip_bom(text)
        self._watch(path)
        name = path or "untitled"
        try:
            linter = self.linter
            config = linter.config_for(path or "-")
            if path is not None and config.is_excluded(path):
                return Outcome(skipped=f"{name} is excluded by {config.source}")
            limit = config.max_file_size
            if len(body) * 4 > limit and len(body.encode("utf-8", "surrogatepass")) > limit:
                size = len(body.encode("utf-8", "surrogatepass"))
                reason = f"{name}: {size:,} bytes is over the {limit:,}-byte limit (max-file-size); not linted"
                self.tell("warning", reason)
                return Outcome(skipped=reason)
            findings = linter.lint_text(body, path=path, format=format)
        except ConfigError as exc:
            problem = _problem(exc, path)
            self.tell("error", f"newslint: {exc}")
            return Outcome(config_error=problem or ConfigProblem("", 1, str(exc)))
        except NewslintError as exc:
            self.tell("error", f"newslint: {name}: {exc}")
            return Outcome(skipped=str(exc))
        except Exception as exc:  # a bug in newslint itself, not in one rule (the engine catches those)
            logger.exception("linting %s failed", name)
            self.tell("error", f"newslint: {name}: internal error: {type(exc).__name__}: {exc}")
            return Outcome(skipped=f"internal error: {exc}")
        for message in linter.unavailable.values():
            self.tell("warning", f"newslint: {message}")
        for finding in findings:
            if finding.code == "NL000":
                self.tell("error", f"newslint: {name}: {finding.message} (reported as NL000 on line 1)")
        return Outcome(tuple(shifted(f, shift) for f in findings))

    def input_format(self, path: str | None, language_id: str) -> tuple[bool, str | None]:
        """Return whether a document is an article newslint lints, and its format if not by path."""
        if path is not None and os.path.basename(path) in CONFIG_FILES:
            return False, None
        formats = self.linter.formats
        if path is not None and path.lower().endswith(formats.suffixes):
            return True, None
        name = LANGUAGE_FORMATS.get(language_id)
        if name is not None and name in formats.by_name:
            return True, name
        return False, None

    def fix_all(self, text: str, path: str | None, format: str | None) -> str:
        """Return the text with every safe fix applied (the same text when there is none)."""
        body, shift = strip_bom(text)
        fixed, _ = self.linter.fix_text(body, path=path, format=format)
        return text[:shift] + fixed

    def disable_edit(self, text: str, path: str | None, format: str | None, finding: Finding) -> Fix | None:
        """Return the edit that adds a disable-next-line comment for ``finding``, if one fits."""
        from newslint.server.actions import disable_comment

        body, shift = strip_bom(text)
        document = self.linter.document(body, path, format)
        edit = disable_comment(document, shifted(finding, -shift))
        return None if edit is None else replace(edit, start=edit.start + shift, end=edit.end + shift)

    def explain(self, key: str) -> str | None:
        """Return ``newslint explain``'s text for a rule code or name, or None if unknown."""
        from newslint.runner import explain_text

        found = self.linter.registry.get(key)
        return None if found is None else explain_text(found)

    def warm_up(self) -> None:
        """Lint a short text once, so that the first document does not pay for loading rules."""
        try:
            self.linter.lint_text(
                'A short text, "to load the rules." It  rained.Then the the sun.\n', path=None, format="text"
            )
        except NewslintError:
            pass  # reported when a real document is linted
