"""``Linter``: newslint as a library, one session of plugins, configuration and caches.

Everything that lints goes through here: the command line, ``newslint stats``, the
benchmarks, ``newslint.testing``, the language server and batch runs. A ``Linter`` is
built once (plugins loaded, rules validated, configuration finder ready) and then lints
any number of texts or files; it only reads its own state after construction, so one
instance may serve many threads.

    >>> from newslint import Linter
    >>> linter = Linter(select=["missing-space"])
    >>> [(f.code, f.line, f.column) for f in linter.lint_text("It rained.Then it stopped.")]
    [('NL201', 1, 4)]
"""

from __future__ import annotations

import datetime as _dt
import gc
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint import plugins as _plugins
from newslint.config import Config, Finder, with_cli
from newslint.discovery import STDIN, Target, targets
from newslint.document import Document
from newslint.engine import EXIT_CLEAN, EXIT_ERROR, exit_status, lint
from newslint.errors import ConfigError, InputError, NewslintError, ServiceUnavailable, UsageError
from newslint.finding import Finding, Severity
from newslint.formats import InputFormat
from newslint.rule import ActiveRule, Rule
from newslint.selection import unknown_tokens
from newslint.source import Source, read, read_stream

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from typing import BinaryIO

    from newslint.formatters.base import Formatter
    from newslint.result_cache import ResultCache

# Texts whose findings are kept, per Linter: an editor re-lints the same few drafts.
_MEMO_SIZE = 32
# Fewer files than this per worker are linted in this process: starting workers costs more.
_MIN_FILES_A_WORKER = 8
# Files a worker run looks up in the cache and hands out at a time, in order.
_WINDOW = 256
# Most files sent to a worker at once.
_MAX_CHUNK = 32


@dataclass(frozen=True)
class FileResult:
    """What linting one file gave.

    ``error`` is set (a one-line reason) when the file could not be read, linted or
    written; ``findings`` is then empty, except when ``--fix`` declined to write (the
    file changed, is a link, read-only...): they are then the file's findings as it is.
    When fixing, ``fixed`` holds the fixed text and ``findings`` what remains in it.
    ``problems`` are parts of the file that could not be read as meant (front matter that
    is not YAML, a date that does not exist): the file is linted, and the status is 2.
    ``notice`` is set, with nothing else, for a named path the configuration excludes.
    """

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    problems: tuple[str, ...] = ()
    notice: str | None = None
    status: int = EXIT_CLEAN
    source: Source | None = None
    fixed: str | None = None
    applied: int = 0
    from_stdin: bool = False
    # The error is the configuration's that applies here (files under it share the message).
    config_error: bool = False
    # Set in a worker process: the (digest, key) the parent stores the findings under.
    cache_entry: tuple[str, str] | None = field(default=None, repr=False, compare=False)
    # Set in a worker process: what it recorded of unavailable services, for the parent.
    unavailable: tuple[tuple[str, str], ...] = field(default=(), repr=False, compare=False)

    @property
    def changed(self) -> bool:
        """Return whether fixing changed the text."""
        return self.fixed is not None and self.source is not None and self.fixed != self.source.text


class Linter:
    """One newslint session: plugins, rules, configuration and caches, reused across texts."""

    def __init__(
        self,
        *,
        config: str | os.PathLike[str] | None = None,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] = (),
        fail_on: str | None = None,
        date: _dt.date | None = None,
        stdin_filename: str | None = None,
        entry_points: bool = True,
        plugins: Sequence[object] = (),
        cache: bool = False,
        cache_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        """Load the plugins and prepare the configuration finder.

        ``config`` names one configuration file for every path (else the nearest one
        above each file applies); ``select``, ``ignore``, ``fail_on`` and ``date`` are
        the command line's values, put over every configuration. ``plugins`` are extra
        plugin objects (modules or instances with hook implementations) to register.
        With ``cache``, ``lint_paths`` keeps each file's findings in ``.newslint_cache/``
        beside its configuration (or in ``cache_dir``) and does not lint an unchanged
        file again; a configuration's ``cache: false`` turns that off for its files.
        Raises a ``NewslintError`` subclass with a one-line message on any mistake.
        """
        self._options = dict(
            config=config,
            select=select,
            ignore=ignore,
            fail_on=fail_on,
            date=date,
            stdin_filename=stdin_filename,
            entry_points=entry_points,
            plugins=plugins,
            cache=cache,
            cache_dir=cache_dir,
        )
        self.cache = cache
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._caches: dict[Path, ResultCache] = {}
        self._cache_keys: dict[tuple[object, ...], tuple[str, Config, Sequence[ActiveRule]]] = {}
        self.select = None if select is None else list(select)
        self.ignore = list(ignore)
        self.stdin_filename = stdin_filename
        self.manager = _plugins.plugin_manager(entry_points=entry_points, extra=plugins)
        self.registry = _plugins.registry(self.manager)
        self.formats = _plugins.input_formats(self.manager)
        from newslint.styles import looks_like_style_token  # house styles: known per configuration

        for tokens in (self.select or [], self.ignore):
            for token in unknown_tokens(tokens, self.registry.rules):
                if looks_like_style_token(token):
                    continue
                raise UsageError(f"unknown rule {token!r} (see newslint --list-rules)")
        if fail_on is not None and fail_on not in {s.value for s in Severity}:
            raise UsageError(f"unknown severity {fail_on!r} for fail-on (info, warning or error)")

        def adjust(found: Config) -> Config:
            return with_cli(found, fail_on=fail_on, date=date)

        # The one memo of which configuration (and which rules) apply to each path.
        self.configs = Finder(self.registry, Path(config) if config is not None else None, adjust)
        # Rules whose backing service failed, by code: reported once per session.
        self.unavailable: dict[str, str] = {}
        self._lock = threading.Lock()
        self._memo: OrderedDict[tuple[object, ...], tuple[list[Finding], tuple[str, ...]]] = OrderedDict()

    # -- rules and configuration -----------------------------------------------------------

    @property
    def rules(self) -> tuple[Rule, ...]:
        """Return every rule this session knows, sorted by code."""
        return self.registry.rules

    def rule(self, key: str) -> Rule:
        """Return the rule with this code or name, or raise ``UsageError``."""
        found = self.registry.get(key)
        if found is None:  # a house-style rule of the configuration here (House.PerCent)
            house = self.config_for(".").house
            found = next((r for r in house.all_rules if key in (r.code, r.name)), None) if house else None
        if found is None:
            raise UsageError(f"unknown rule {key!r} (see newslint --list-rules)")
        return found

    def config_for(self, path: str) -> Config:
        """Return the configuration that applies to ``path``, with the session's values over it."""
        return self.configs.for_path("." if path == STDIN else path)

    def active_rules(self, path: str, config: Config | None = None) -> list[ActiveRule]:
        """Return the rules that run on ``path``, with their severities and options."""
        applied = self.configs.applied("." if path == STDIN else path)
        if config is not None and config is not applied.config:
            return config.active_rules(self.registry, path, self.select, self.ignore)
        return applied.active_rules(self.registry, path, self.select, self.ignore)

    def input_format(self, path: str | None, format: str | None = None) -> InputFormat:
        """Return the input format named ``format``, else the one ``path``'s extension implies."""
        if format is not None:
            return self.formats.get(format)
        return self.formats.for_path(path or "")

    def formatter(self, name: str, stream: object, color: bool = False) -> Formatter:
        """Return an output formatter by name, writing to ``stream``."""
        found = _plugins.formatters(self.manager)
        if name not in found:
            raise UsageError(f"unknown format {name!r} (choose from {', '.join(sorted(found))})")
        return found[name](stream, color)  # type: ignore[arg-type]

    # -- texts ---------------------------------------------------------------------------

    def document(
        self,
        text: str,
        path: str | None = None,
        format: str | None = None,
        date: _dt.date | None = None,
        config: Config | None = None,
        own_date: bool = False,
    ) -> Document:
        """Return the ``Document`` newslint would lint for this text (parsed lazily)."""
        display = path or STDIN
        config = config or self.config_for(display)
        return Document(
            text,
            display,
            date=date or config.date,
            own_date=own_date and date is not None,
            input_format=self.input_format(path, format),
        )

    def lint_text(
        self,
        text: str,
        path: str | None = None,
        format: str | None = None,
        date: _dt.date | None = None,
        *,
        own_date: bool = False,
    ) -> list[Finding]:
        """Return the sorted findings for ``text``, as if it were the file at ``path``.

        ``path`` chooses the configuration and (without ``format``) the input format;
        ``date`` is the article date where its front matter gives none. By default it is
        the run's date, which title checks take as only roughly the article's (they allow
        ``undated-margin-days`` around it); with ``own_date`` it is the article's own (an
        archive row's publication date), as exact as a front-matter date. The findings of
        recent texts are kept, so linting an unchanged text again costs a lookup.
        """
        return list(self._lint(text, path, format, date, own_date)[0])

    def _lint(
        self, text: str, path: str | None, format: str | None, date: _dt.date | None, own_date: bool = False
    ) -> tuple[list[Finding], tuple[str, ...]]:
        """Return the findings and the document's problems (kept for recent texts)."""
        display = path or STDIN
        config = self.config_for(display)
        active = self.active_rules(display, config)
        input_format = self.input_format(path, format)
        key = (text, display, input_format.name, date, own_date, id(config))
        with self._lock:
            cached = self._memo.get(key)
            if cached is not None:
                self._memo.move_to_end(key)
                return cached
        document = self.document(text, path, format, date, config, own_date)
        house = config.house_for(display)
        known = self.registry.rules if house is None else (*self.registry.rules, *house.rules)
        findings = lint(document, active, known, on_unavailable=self._unavailable)
        if house is not None:  # an accepted vocabulary term is never reported, by any rule
            findings = house.drop_accepted(document, findings)
        result = (findings, document.problems)
        with self._lock:
            self._memo[key] = result
            if len(self._memo) > _MEMO_SIZE:
                self._memo.popitem(last=False)
        return result

    def lint_with(
        self,
        text: str,
        active: Sequence[ActiveRule],
        *,
        path: str | None = None,
        format: str | None = None,
        date: _dt.date | None = None,
        report_unused: bool = False,
    ) -> list[Finding]:
        """Lint ``text`` with exactly these rules, consulting no configuration file.

        For tests and tools that choose the rules and options themselves; ``format``
        defaults to the one ``path`` implies. A rule whose service is unavailable is
        reported as an internal-error finding on the text, not kept for the session.
        """
        document = Document(text, path or STDIN, date=date, input_format=self.input_format(path, format))
        return lint(document, active, self.registry.rules, report_unused)

    def fix_text(
        self,
        text: str,
        path: str | None = None,
        format: str | None = None,
        date: _dt.date | None = None,
    ) -> tuple[str, list[Finding]]:
        """Apply every safe fix until none is left; return the fixed text and what remains."""
        fixed, remaining, _ = self._fix(text, path, format, date)
        return fixed, remaining

    def _fix(
        self, text: str, path: str | None, format: str | None, date: _dt.date | None
    ) -> tuple[str, list[Finding], int]:
        from newslint import fixer  # only fixing needs it

        last: dict[str, list[Finding]] = {}

        def findings(current: str) -> list[Finding]:
            last.clear()
            last[current] = self.lint_text(current, path, format, date)
            return last[current]

        result = fixer.fix_text(text, findings)
        remaining = last.get(result.text)
        if remaining is None:
            remaining = self.lint_text(result.text, path, format, date)
        return result.text, remaining, result.applied

    # -- files ---------------------------------------------------------------------------

    def lint_paths(
        self,
        paths: Iterable[str],
        *,
        fix: bool = False,
        write: bool = True,
        stdin: BinaryIO | None = None,
        jobs: int = 1,
        fix_readonly: bool = False,
        on_total: Callable[[int], None] | None = None,
        keep_source: bool = True,
    ) -> Iterator[FileResult]:
        """Lint every article under ``paths`` (``-`` is standard input), yielding one result a file.

        Directories are walked for files of the known formats; a path that cannot be
        read or listed yields a result with ``error`` set and the others go on. With
        ``fix``, safe fixes are applied and, with ``write``, written back to the file
        (never to standard input, whose fixed text is in ``fixed``) when it is still the
        file that was read, is no symbolic link, has one link and is writable; a
        read-only file only with ``fix_readonly`` (see ``newslint.atomic.rewrite``).
        With ``jobs`` above 1, files are linted in that many worker processes; results
        still come in order. With ``keep_source`` False the caller says it needs no
        result's ``source`` (its formatter does not show the text): results a worker
        linted then come without it, which spares sending every file's text back.
        Fixing always keeps it.
        ``on_total`` is called with the number of files once they are found (for progress).
        """
        paths = list(paths)
        try:
            found = targets(paths, self._excluded, self.formats.suffixes)
            # Only the first few files are looked for before deciding on workers: they then
            # start, and lint, while the rest of the tree is still being walked.
            # Never more workers than CPUs: more would only compete for them.
            jobs = min(jobs, usable_cpus())
            parallel = jobs > 1 and STDIN not in paths
            head = list(islice(found, _MIN_FILES_A_WORKER * 2)) if parallel else []
            if parallel and len(head) == _MIN_FILES_A_WORKER * 2:
                yield from self._in_workers(
                    chain(head, found), fix, write, jobs, fix_readonly, on_total, keep_source or fix
                )
            else:
                pending = [*head, *found]
                if on_total is not None:
                    on_total(len(pending))
                for target in pending:
                    yield self._lint_target(target, fix, write, stdin, fix_readonly)
        finally:
            self.save_cache()

    def read_paths(self, paths: Iterable[str], *, stdin: BinaryIO | None = None) -> Iterator[FileResult]:
        """Read every article under ``paths`` without linting: results with ``source`` or ``error``."""
        for target in targets(list(paths), self._excluded, self.formats.suffixes):
            yield self._read_target(target, stdin)

    def _read_target(self, target: Target, stdin: BinaryIO | None) -> FileResult:
        from_stdin = target.path == STDIN
        display = (self.stdin_filename or STDIN) if from_stdin else target.path
        if target.error:
            return FileResult(display, error=target.error, status=EXIT_ERROR)
        if target.notice:
            return FileResult(display, notice=target.notice)
        try:
            source = self._read(target.path, display, stdin)
        except NewslintError as exc:
            return FileResult(
                display,
                error=str(exc),
                status=EXIT_ERROR,
                from_stdin=from_stdin,
                config_error=isinstance(exc, ConfigError),
            )
        return FileResult(display, source=source, from_stdin=from_stdin)

    def _lint_target(
        self, target: Target, fix: bool, write: bool, stdin: BinaryIO | None, fix_readonly: bool = False
    ) -> FileResult:
        read = self._read_target(target, stdin)
        if read.source is None:
            return read
        result = self._lint_source(read.source, read.path, target.path, fix=fix, write=write, fix_readonly=fix_readonly)
        return replace(result, from_stdin=read.from_stdin)

    def _in_workers(
        self,
        pending: Iterator[Target],
        fix: bool,
        write: bool,
        jobs: int,
        fix_readonly: bool = False,
        on_total: Callable[[int], None] | None = None,
        keep_source: bool = True,
    ) -> Iterator[FileResult]:
        from collections import deque

        pool: ProcessPoolExecutor | None = None
        # Windows looked up and sent out, oldest first: each is its results in order, a result
        # where the cache answered and None where a worker's (from its chunks, in order) goes.
        windows: deque[tuple[list[FileResult | None], Iterator[tuple[FileResult, tuple[str, str] | None]]]] = deque()
        try:
            # A window at a time, in order: memory holds two windows' results, however long the run.
            total = 0
            while window := list(islice(pending, _WINDOW)):
                total += len(window)
                # Unchanged files are answered from the result cache here: sending them to a
                # worker to look up costs more than the look-up. Only the others are linted there.
                ready: list[FileResult | None] = [None] * len(window) if fix else self._from_cache(window)
                todo = [target for target, result in zip(window, ready) if result is None]
                done: Iterator[tuple[FileResult, tuple[str, str] | None]]
                if pool is None and len(todo) < _MIN_FILES_A_WORKER * 2:
                    done = ((self._lint_target(target, fix, write, None, fix_readonly), None) for target in todo)
                else:
                    if pool is None:
                        # The first file is linted here, before the workers fork: what it loads
                        # (knowledge base, hyphenation automaton, word lists, patterns, parsers)
                        # is then shared by them copy-on-write, not loaded again by each.
                        first = ready.index(None)
                        ready[first] = self._lint_target(todo.pop(0), fix, write, None, fix_readonly)
                        jobs = min(jobs, max(2, len(todo) // _MIN_FILES_A_WORKER))  # no idle workers
                        pool = _pool(self, jobs)
                    # Chunks of a sixteenth of a window for two workers (fewer round trips than one
                    # file each), smaller in the last, short, window: no worker waits long for the
                    # last chunk to finish.
                    size = max(1, min(_MAX_CHUNK, len(todo) // (jobs * 8)))
                    futures = [
                        pool.submit(_work_chunk, todo[i : i + size], fix, write, fix_readonly, keep_source)
                        for i in range(0, len(todo), size)
                    ]
                    done = (item for future in futures for item in future.result())
                windows.append((ready, done))
                # The next window is sent out before this one's results are waited for: the
                # workers never stand idle while the last chunk of a window is linted.
                if len(windows) > 1:
                    yield from self._collect(*windows.popleft())
            if on_total is not None:
                on_total(total)
            while windows:
                yield from self._collect(*windows.popleft())
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)

    def _collect(
        self, ready: list[FileResult | None], done: Iterator[tuple[FileResult, tuple[str, str] | None]]
    ) -> Iterator[FileResult]:
        """Yield one window's results in order, storing what workers linted in the result cache."""
        for result in ready:
            if result is None:
                result, entry = next(done)
                if entry is not None:
                    self._cache_for(result.path).put(result.path, *entry, result.findings)
                for code, message in result.unavailable:
                    self.unavailable.setdefault(code, message)
            yield result

    def _from_cache(self, window: Sequence[Target]) -> list[FileResult | None]:
        """Return, for each target, its result when it is unchanged (or cannot be read), else None.

        The window's files are looked up together: one query per cache folder, not one a file.
        """
        ready: list[FileResult | None] = [None] * len(window)
        if not self.cache:
            return ready
        # Per cache folder: (index in the window, the file as read, its configuration, digest, key).
        asked: dict[ResultCache, list[tuple[int, FileResult, Config, str, str]]] = {}
        for index, target in enumerate(window):
            if target.path == STDIN:
                continue
            read = self._read_target(target, None)
            if read.source is None:
                ready[index] = read  # an error: nothing for a worker to do
                continue
            config = self.config_for(read.path)
            entry = self._cache_entry(read.source, read.path, config)
            if entry is not None:
                asked.setdefault(self._cache_for(read.path), []).append((index, read, config, *entry))
        for cache, items in asked.items():
            found = cache.get_many([(read.path, digest, key) for _, read, _, digest, key in items])
            for (index, read, config, _, _), cached in zip(items, found):
                if cached is not None:
                    status = exit_status(cached, config.fail_on)
                    ready[index] = FileResult(read.path, cached, status=status, source=read.source)
        return ready

    def _excluded(self, path: str) -> bool:
        try:
            return self.config_for(path).is_excluded(path)
        except ConfigError:
            # A folder's broken configuration excludes nothing: reading each file under it
            # asks for the configuration again and reports it, and the other files go on.
            return False

    def _read(self, path: str, display: str, stdin: BinaryIO | None) -> Source:
        if path == STDIN:
            if stdin is None:
                raise InputError("standard input is not available")
            # Bounded like a file: 50 MB piped in must not be read whole before it is refused.
            return read_stream(stdin, display, self.config_for(STDIN).max_file_size)
        return read(path, self.config_for(path).max_file_size)

    def _lint_source(
        self, source: Source, display: str, path: str, *, fix: bool, write: bool, fix_readonly: bool = False
    ) -> FileResult:
        config = self.config_for(display)
        date = config.date
        if not fix:
            if _IN_WORKER:
                # The parent asked the cache before sending the file here, and the cache's
                # database connection is the parent's: SQLite connections must not cross a fork.
                cached, entry = None, self._cache_entry(source, display, config)
            else:
                cached, entry = self._cached(source, display, config)
            if cached is not None:
                # Only results without problems are cached (their status is not 2).
                return FileResult(display, cached, status=exit_status(cached, config.fail_on), source=source)
            before = len(self.unavailable)
            findings, problems = self._lint(source.text, display, None, date)
            status = max(EXIT_ERROR if problems else EXIT_CLEAN, exit_status(findings, config.fail_on))
            result = FileResult(display, list(findings), status=status, source=source, problems=problems)
            if entry is not None and len(self.unavailable) == before and result.status != EXIT_ERROR:
                if _IN_WORKER:
                    return replace(result, cache_entry=entry)
                self._cache_for(display).put(display, *entry, findings)
            return result
        findings, problems = self._lint(source.text, display, None, date)
        # A part of the file that could not be read as meant is said, and fails the run.
        fixed, remaining, applied = self._fix(source.text, display, None, date)
        status = max(EXIT_ERROR if problems else EXIT_CLEAN, exit_status(remaining, config.fail_on))
        if write and path != STDIN and fixed != source.text:
            from newslint.atomic import WriteRefused, rewrite

            try:
                if source.state is None:
                    raise WriteRefused("was not read from a file; not fixed")
                rewrite(path, source.encode(fixed), source.state, allow_readonly=fix_readonly)
            except WriteRefused as exc:
                # Nothing was written: what the file holds is what was read.
                return FileResult(
                    display, list(findings), error=str(exc), status=EXIT_ERROR, source=source, problems=problems
                )
            except OSError as exc:
                return FileResult(
                    display,
                    error=f"cannot write the fixed file: {exc.strerror or exc}",
                    status=EXIT_ERROR,
                    source=source,
                    problems=problems,
                )
        return FileResult(
            display, remaining, status=status, source=source, fixed=fixed, applied=applied, problems=problems
        )

    # -- the result cache ----------------------------------------------------------------

    def _cached(
        self, source: Source, display: str, config: Config
    ) -> tuple[list[Finding] | None, tuple[str, str] | None]:
        """Return the cached findings (or None) and the cache entry's (digest, key) to store, if caching."""
        entry = self._cache_entry(source, display, config)
        if entry is None:
            return None, None
        return self._cache_for(display).get(display, *entry), entry

    def _cache_entry(self, source: Source, display: str, config: Config) -> tuple[str, str] | None:
        """Return the (digest, key) the file's findings are cached under, or None when they are not cached."""
        if not self.cache or not config.cache or display == STDIN:
            return None
        from newslint.result_cache import digest

        # A file's bytes were hashed as it was read (for --fix): the same bytes are the same text,
        # so that digest serves, and the text is not hashed again (a twentieth of a cached run).
        text_digest = source.state.digest if source.state is not None else digest(source.text)
        return text_digest, self._cache_key(display, config)

    def _cache_key(self, path: str, config: Config) -> str:
        applied = self.configs.applied(path)
        active: Sequence[ActiveRule]
        if config is applied.config:
            # Files with the same rules share one tuple of them: its identity stands for them all.
            active = applied.active(self.registry, path, self.select, self.ignore)
            rules: object = id(active)
        else:
            active = self.active_rules(path, config)
            rules = tuple(id(item) for item in active)
        memo = (id(config), rules, self.input_format(path).name)
        found = self._cache_keys.get(memo)
        if found is not None:
            return found[0]
        from newslint import __version__
        from newslint.cache import blake2b
        from newslint.result_cache import data_digest

        data_files = [
            *_shipped_data_files(),
            *(p for item in active for spec, value in _path_options(item) for p in value),
        ]
        parts = [__version__, repr(self.plugin_versions()), data_digest(data_files), memo[2], repr(config.date)]
        parts.append(_code_stamp(item.rule for item in active))
        parts += [
            f"{item.rule.code}|{item.rule.plugin}|{item.severity.value}|{sorted(item.options.items())!r}"
            for item in active
        ]
        key = blake2b("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
        # The configuration and rules are kept with the key: while it is here, no other object takes their ids.
        self._cache_keys[memo] = (key, config, active)
        return key

    def plugin_versions(self) -> list[tuple[str, str]]:
        """Return (distribution, version) of every plugin loaded from an installed distribution."""
        return sorted({(dist.project_name, dist.version) for _, dist in self.manager.list_plugin_distinfo()})

    def _cache_for(self, path: str) -> ResultCache:
        from newslint.result_cache import CACHE_FOLDER, ResultCache

        folder = self.cache_dir or self.config_for(path).root / CACHE_FOLDER
        with self._lock:
            found = self._caches.get(folder)
            if found is None:
                found = self._caches[folder] = ResultCache(folder)
        return found

    def save_cache(self) -> None:
        """Write every result cache this session changed."""
        for found in list(self._caches.values()):
            found.save()

    # -- the session ---------------------------------------------------------------------

    def _unavailable(self, rule: Rule, exc: ServiceUnavailable) -> None:
        """Remember the first failure of each rule's backing service, to report once."""
        with self._lock:
            self.unavailable.setdefault(rule.code, f"rule {rule.name} ({rule.code}) did not run: {exc}")

    def close(self) -> None:
        """Let every plugin release what it held for the session (servers, caches)."""
        self.manager.hook.newslint_finish()

    def __enter__(self) -> Linter:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


# -- worker processes ------------------------------------------------------------------

_WORKER: Linter | None = None
_IN_WORKER = False
_INHERITED: list[object] = []  # a forked worker's copies of the parent's open caches


def _start_worker(linter_or_options: Linter | dict[str, object]) -> None:
    """Set up a worker process: the forked parent's Linter, or a new one from its options."""
    global _WORKER, _IN_WORKER
    _IN_WORKER = True
    if isinstance(linter_or_options, Linter):
        _WORKER = linter_or_options
        # A forked copy of the parent's: its open result-cache connections are the parent's
        # and must not be used here, nor closed (SQLite would tidy up the parent's files):
        # they are kept, unused, until the worker exits without finalising anything.
        _INHERITED.append(_WORKER._caches)
        _WORKER._caches = {}
    else:
        _WORKER = Linter(**linter_or_options)  # type: ignore[arg-type]
    _WORKER.unavailable.clear()
    # What the worker starts with (the parent's, after a fork) lives as long as it does: a
    # full collection would walk, and write to, every one of those objects, copying pages
    # the fork shares. Frozen, the collector only looks at what linting creates.
    gc.freeze()


def usable_cpus() -> int:
    """Return how many CPUs this process may run on (its affinity mask where there is one)."""
    try:
        count = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on every platform
        count = os.cpu_count() or 1
    # Windows' process pools take at most 61 workers.
    return max(1, min(count, 61) if os.name == "nt" else count)


def _pool(linter: Linter, jobs: int) -> ProcessPoolExecutor:
    """Start ``jobs`` worker processes for ``linter``.

    Imported only here: a run the result cache answers whole never starts one, and
    multiprocessing with concurrent.futures is a tenth of its CPU time to import.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Fork where there is fork: the workers start with this Linter already built.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    initial: Any = linter if context.get_start_method() == "fork" else linter._options
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(initial,))


def _work(
    target: Target, fix: bool, write: bool, fix_readonly: bool = False, keep_source: bool = True
) -> tuple[FileResult, tuple[str, str] | None]:
    """Lint one target in a worker; return the result and the cache entry for the parent."""
    assert _WORKER is not None
    before = dict(_WORKER.unavailable)
    result = _WORKER._lint_target(target, fix, write, None, fix_readonly)
    new = tuple((code, message) for code, message in _WORKER.unavailable.items() if code not in before)
    source = result.source if keep_source else None
    return replace(result, source=source, cache_entry=None, unavailable=new), result.cache_entry


def _work_chunk(
    chunk: list[Target], fix: bool, write: bool, fix_readonly: bool, keep_source: bool = True
) -> list[tuple[FileResult, tuple[str, str] | None]]:
    """Lint a chunk of targets in a worker, in order (one round trip to the parent for all)."""
    return [_work(target, fix, write, fix_readonly, keep_source) for target in chunk]


def _code_stamp(rules: Iterable[Rule]) -> str:
    """Return the size and modification time of newslint's own modules and the rules' modules.

    An editable install (a checkout being worked on) keeps its version number while its
    code changes; a finding cached by yesterday's rule must not be served by today's.
    """
    import sys

    package = Path(__file__).parent
    files = {str(p) for p in package.rglob("*.py")}
    for item in rules:
        origin = getattr(sys.modules.get(item.check.__module__), "__file__", None)
        if origin:
            files.add(origin)
    stamps = []
    for name in sorted(files):
        try:
            info = os.stat(name)
        except OSError:
            continue
        stamps.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    return "|".join(stamps)


def _shipped_data_files() -> list[str]:
    from newslint import shipped

    root = Path(str(shipped.data()))
    return [str(p) for p in sorted(root.rglob("*")) if p.is_file()]


def _path_options(item: ActiveRule) -> list[tuple[object, tuple[str, ...]]]:
    return [
        (spec, tuple(item.options.get(name) or ())) for name, spec in item.rule.specs.items() if spec.kind == "paths"
    ]
