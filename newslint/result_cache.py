"""The result cache: each file's findings, kept so that an unchanged file is not linted again.

Like ruff's, it lives in ``.newslint_cache/`` beside the configuration that applies (or in
``--cache-dir``): one SQLite database per configuration folder (the standard library's
``sqlite3``), a row per linted path with the digest of its bytes as read (of its text,
for a text that was not read from a file), the key of everything else its findings
depend on, and the findings as JSON. The key names newslint's version,
every plugin's version, the knowledge and data files' contents and the file's effective
rules, severities, options, format and date; anything else changed is a miss. What is
kept: paths, rule codes, positions and messages (which quote a few words of the flagged
text), never the article itself.

A run reads only the rows of the files it lints (indexed look-ups, a window of files in
one query), so a run on one file costs the same with ten entries or fifty thousand, and
memory does not grow with the run: new rows are written in batches, each batch one
transaction. SQLite's locking makes two runs at once safe (a run that cannot get the
lock in time leaves the cache alone: a cache only saves time), and its transactions make
every write whole. A file that is not such a database (truncated, hand-edited, another
version) is ignored and replaced, never trusted; a row whose findings do not read back
is a miss. It keeps at most ``MAX_ENTRIES`` paths, the most recently linted.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newslint.cache import blake2b
from newslint.finding import Finding, Fix, Severity

CACHE_FOLDER = ".newslint_cache"
# The version of the table's columns. The findings' JSON is covered by the key (it names
# newslint's version and code): a row another version wrote is a miss whatever it holds.
FORMAT_VERSION = 2
MAX_ENTRIES = 50_000
_FILE_NAME = f"results-v{FORMAT_VERSION}.sqlite"
_BATCH = 500  # rows kept in memory before they are written
_IN_CHUNK = 500  # paths looked up in one query: under the 999 variables older SQLite builds allow
_SELECT = "SELECT path, digest, key, findings FROM entries WHERE path IN ("
_TIMEOUT = 10.0  # seconds to wait for another run's lock
_README = "This folder is newslint's result cache; it is safe to delete. See newslint's README.\n"
# As ruff and pytest do for theirs: git leaves the folder out of commits (the findings
# quote the copy), and a pre-commit run never sees it as a change.
_GITIGNORE = "# Automatically created by newslint.\n*\n"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS entries (path TEXT PRIMARY KEY, digest TEXT NOT NULL, "
    "key TEXT NOT NULL, findings TEXT NOT NULL, stamp INTEGER NOT NULL)"
)


def _column(path: str) -> str:
    """Return ``path`` as SQLite can store it: a name that is not UTF-8 keeps its bytes escaped."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def digest(text: str) -> str:
    """Return the digest of an article's text, as the cache compares it."""
    return blake2b(text.encode("utf-8", "surrogatepass")).hexdigest()


def finding_to_json(finding: Finding) -> list[Any]:
    """Return a finding as plain JSON data: its fields in order, without the path (the entry's).

    A list, not an object: it reads back in half the time, with no key repeated in every row.
    """
    fix = finding.fix
    return [
        finding.code,
        finding.rule,
        finding.severity.value,
        finding.message,
        finding.start,
        finding.end,
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        None if fix is None else [fix.start, fix.end, fix.text, fix.safe],
        None if finding.fix_position is None else list(finding.fix_position),
    ]


_SEVERITIES = {severity.value: severity for severity in Severity}


def finding_from_json(path: str, data: list[Any]) -> Finding:
    """Rebuild a finding from ``finding_to_json``'s data, or raise on anything malformed.

    Every field must have its own type (a number written as text, or 1.5 for a line, is
    malformed, never converted): only what newslint wrote is trusted.
    """
    code, rule, severity, message, start, end, line, column, end_line, end_column, fix, position = data
    if not (type(code) is type(rule) is type(message) is str):
        raise TypeError("a text field is not text")
    if not (type(start) is type(end) is type(line) is type(column) is type(end_line) is type(end_column) is int):
        raise TypeError("a position is not a whole number")
    if fix is not None:
        fix_start, fix_end, text, safe = fix
        if not (type(fix_start) is type(fix_end) is int and type(text) is str and type(safe) is bool):
            raise TypeError("a fix is malformed")
        fix = Fix(fix_start, fix_end, text, safe)
    if position is not None:
        position = tuple(position)
        if len(position) != 4 or not all(type(number) is int for number in position):
            raise TypeError("a fix position is malformed")
    return Finding(
        path, code, rule, _SEVERITIES[severity], message, start, end, line, column, end_line, end_column, fix, position
    )


def _findings(path: str, row: tuple[str, str, str] | None, text_digest: str, key: str) -> list[Finding] | None:
    """Return the findings a row holds for this text and key; None for no row, another text or key, or a bad row."""
    if row is None or row[0] != text_digest or row[1] != key:
        return None
    try:
        return [finding_from_json(path, item) for item in json.loads(row[2])]
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError):  # JSON nested too deep: RecursionError
        return None


class ResultCache:
    """The cached findings of one cache folder: looked up row by row, written in batches."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._db: Any = None
        self._broken = False  # the database could not be opened or used: do without it
        self._pending: dict[str, tuple[str, str, str]] = {}
        self._lock = threading.Lock()

    @property
    def path(self) -> Path:
        """Return the cache file's path."""
        return self.folder / _FILE_NAME

    def _connect(self, create: bool) -> Any:
        """Return the open database (None when there is none to read, or it is unusable)."""
        if self._db is not None or self._broken:
            return self._db
        import sqlite3

        if not create and not self.path.is_file():
            return None
        try:
            if create:
                self.folder.mkdir(parents=True, exist_ok=True)
                for name, text in ((".gitignore", _GITIGNORE), ("README", _README)):
                    marker = self.folder / name
                    if not marker.exists():
                        marker.write_text(text, encoding="utf-8")
            self._db = self._open(sqlite3)
        except (OSError, sqlite3.Error):
            self._broken = True
        return self._db

    def _open(self, sqlite3: Any) -> Any:
        for attempt in (1, 2):
            db = sqlite3.connect(self.path, timeout=_TIMEOUT, check_same_thread=False, isolation_level=None)
            try:
                db.execute(_SCHEMA)
                columns = [row[1] for row in db.execute("PRAGMA table_info(entries)")]
                if columns != ["path", "digest", "key", "findings", "stamp"]:
                    raise sqlite3.DatabaseError("not newslint's result cache")
                return db
            except sqlite3.OperationalError:
                db.close()  # locked by another run, or unreadable: leave it be
                raise
            except sqlite3.DatabaseError:
                db.close()
                # Not a database, or not this one: replace it, once.
                if attempt == 2 or not _discard(self.path):
                    raise
        raise sqlite3.DatabaseError("cannot open the result cache")

    def get(self, path: str, text_digest: str, key: str) -> list[Finding] | None:
        """Return the cached findings of ``path`` if its text and key are unchanged, else None."""
        return self.get_many([(path, text_digest, key)])[0]

    def get_many(self, wanted: Sequence[tuple[str, str, str]]) -> list[list[Finding] | None]:
        """Return ``get`` of each (path, digest, key), looked up in a query per ``_IN_CHUNK`` paths.

        One query for a window of files costs a fraction of one query each (the statement,
        the call into SQLite and the cursor are most of a one-row look-up).
        """
        import sqlite3

        rows: dict[str, tuple[str, str, str]] = {}
        with self._lock:
            asked = []
            for path, _, _ in wanted:
                row = self._pending.get(path)
                if row is not None:
                    rows[_column(path)] = row
                else:
                    asked.append(_column(path))
            db = self._connect(create=False) if asked else None
            if db is not None:
                try:
                    for start in range(0, len(asked), _IN_CHUNK):
                        chunk = asked[start : start + _IN_CHUNK]
                        query = _SELECT + ",".join("?" * len(chunk)) + ")"
                        rows.update(
                            (path, (digest, key, findings)) for path, digest, key, findings in db.execute(query, chunk)
                        )
                except sqlite3.Error:
                    pass  # what was read before the error is good; the rest are misses
        return [_findings(path, rows.get(_column(path)), text_digest, key) for path, text_digest, key in wanted]

    def put(self, path: str, text_digest: str, key: str, findings: list[Finding]) -> None:
        """Record the findings of ``path`` for its text and key (written with the next batch)."""
        data = json.dumps([finding_to_json(f) for f in findings], ensure_ascii=True, separators=(",", ":"))
        with self._lock:
            self._pending[path] = (text_digest, key, data)
            if len(self._pending) >= _BATCH:
                self._flush()

    def _flush(self) -> None:
        import sqlite3
        import time

        rows, self._pending = self._pending, {}
        db = self._connect(create=True)
        if db is None or not rows:
            return
        stamp = time.time_ns()
        try:
            with _transaction(db):
                db.executemany(
                    "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)",
                    [(_column(path), *row, stamp) for path, row in rows.items()],
                )
        except sqlite3.Error:
            pass  # locked by another run for too long, or the disk is full: only time is lost

    def save(self) -> None:
        """Write what is pending, keep the newest ``MAX_ENTRIES`` rows, and close the database."""
        import sqlite3

        with self._lock:
            self._flush()
            db, self._db = self._db, None
            if db is None:
                return
            try:
                (count,) = db.execute("SELECT count(*) FROM entries").fetchone()
                if count > MAX_ENTRIES:
                    with _transaction(db):
                        db.execute(
                            "DELETE FROM entries WHERE path IN (SELECT path FROM entries ORDER BY stamp, path LIMIT ?)",
                            (count - MAX_ENTRIES,),
                        )
            except sqlite3.Error:
                pass
            finally:
                db.close()


class _transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (or ``ROLLBACK`` on an error) on an autocommit connection."""

    def __init__(self, db: Any) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *_: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def _discard(path: Path) -> bool:
    """Remove a cache file that is not a usable database; return whether it is gone."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        return False
    return True


def data_digest(paths: Sequence[str]) -> str:
    """Return one digest of the contents of data files (knowledge bases, word lists)."""
    h = blake2b()
    for path in sorted(paths):
        h.update(path.encode("utf-8", "surrogateescape"))
        try:
            with open(path, "rb") as stream:
                h.update(stream.read())
        except OSError:
            h.update(b"\0missing")
    return h.hexdigest()
