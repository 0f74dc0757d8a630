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
from dataclasses import asdict
from pathlib import Path
from typing import Any

from newslint.cache import blake2b
from newslint.finding import Finding, Fix, Severity

CACHE_FOLDER = ".newslint_cache"
FORMAT_VERSION = 2
MAX_ENTRIES = 50_000
_FILE_NAME = f"results-v{FORMAT_VERSION}.sqlite"
_BATCH = 500  # rows kept in memory before they are written
_IN_CHUNK = 500  # paths looked up in one query: under the 999 variables older SQLite builds allow
_SELECT = "SELECT path, digest, key, findings FROM entries WHERE path IN ("
_TIMEOUT = 10.0  # seconds to wait for another run's lock
_README = "This folder is newslint's result cache; it is safe to delete. See newslint's README.\n"
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


def finding_to_json(finding: Finding) -> dict[str, Any]:
    """Return a finding as plain JSON data (the path is the entry's, not repeated)."""
    data = asdict(finding)
    del data["path"]
    data["severity"] = finding.severity.value
    return data


def finding_from_json(path: str, data: dict[str, Any]) -> Finding:
    """Rebuild a finding from ``finding_to_json``'s data, or raise on anything malformed."""
    fix = data.get("fix")
    position = data.get("fix_position")
    return Finding(
        path=path,
        code=str(data["code"]),
        rule=str(data["rule"]),
        severity=Severity(data["severity"]),
        message=str(data["message"]),
        start=int(data["start"]),
        end=int(data["end"]),
        line=int(data["line"]),
        column=int(data["column"]),
        end_line=int(data["end_line"]),
        end_column=int(data["end_column"]),
        fix=None if fix is None else Fix(int(fix["start"]), int(fix["end"]), str(fix["text"]), bool(fix["safe"])),
        fix_position=None
        if position is None
        else (int(position[0]), int(position[1]), int(position[2]), int(position[3])),
    )


def _findings(path: str, row: tuple[str, str, str] | None, text_digest: str, key: str) -> list[Finding] | None:
    """Return the findings a row holds for this text and key; None for no row, another text or key, or a bad row."""
    if row is None or row[0] != text_digest or row[1] != key:
        return None
    try:
        return [finding_from_json(path, item) for item in json.loads(row[2])]
    except (KeyError, TypeError, ValueError, AttributeError):
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
                readme = self.folder / "README"
                if not readme.exists():
                    readme.write_text(_README, encoding="utf-8")
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
