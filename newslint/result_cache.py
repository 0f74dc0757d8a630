"""The result cache: each file's findings, kept so that an unchanged file is not linted again.

Like ruff's, it lives in ``.newslint_cache/`` beside the configuration that applies (or in
``--cache-dir``), one JSON file per configuration folder, mapping each linted path to
the digest of its text, the key of everything else its findings depend on, and the
findings. The key names newslint's version, every plugin's version, the knowledge and
data files' contents and the file's effective rules, severities, options, format and
date; anything else changed is a miss. What is kept: paths, rule codes, positions and
messages (which quote a few words of the flagged text), never the article itself.

It is JSON, not pickle: a cache file that someone commits or swaps is only data, and one
that cannot be read (truncated, another version, hand-edited) is ignored and rebuilt.
It is written once at the end of a run, atomically; two runs at once never leave a
half-written file (the later one's entries win). It keeps at most ``MAX_ENTRIES`` paths.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any

from newslint.finding import Finding, Fix, Severity

CACHE_FOLDER = ".newslint_cache"
FORMAT_VERSION = 1
MAX_ENTRIES = 50_000
_FILE_NAME = "results-v1.json"
_README = "This folder is newslint's result cache; it is safe to delete. See newslint's README.\n"


def digest(text: str) -> str:
    """Return the digest of an article's text, as the cache compares it."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


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
        fix_position=None if position is None else (int(position[0]), int(position[1]), int(position[2]),
                                                    int(position[3])),
    )


class ResultCache:
    """The cached findings of one cache folder, loaded on first use and saved by ``save``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._entries: dict[str, dict[str, Any]] | None = None
        self._changed = False
        self._lock = threading.Lock()

    @property
    def path(self) -> Path:
        """Return the cache file's path."""
        return self.folder / _FILE_NAME

    def _load(self) -> dict[str, dict[str, Any]]:
        if self._entries is None:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                entries = data["entries"] if data.get("version") == FORMAT_VERSION else {}
                self._entries = entries if isinstance(entries, dict) else {}
            except (OSError, ValueError, TypeError, KeyError, AttributeError):
                self._entries = {}  # missing or unreadable: start afresh, never trust it
        return self._entries

    def get(self, path: str, text_digest: str, key: str) -> list[Finding] | None:
        """Return the cached findings of ``path`` if its text and key are unchanged, else None."""
        with self._lock:
            entry = self._load().get(path)
        if not isinstance(entry, dict) or entry.get("digest") != text_digest or entry.get("key") != key:
            return None
        try:
            return [finding_from_json(path, item) for item in entry["findings"]]
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, path: str, text_digest: str, key: str, findings: list[Finding]) -> None:
        """Record the findings of ``path`` for its text and key."""
        entry = {"digest": text_digest, "key": key, "findings": [finding_to_json(f) for f in findings]}
        with self._lock:
            entries = self._load()
            entries.pop(path, None)  # re-inserted last: the newest entries are kept when pruning
            entries[path] = entry
            self._changed = True

    def save(self) -> None:
        """Write the cache file atomically if anything changed; a cache that cannot be written costs only time."""
        from newslint.atomic import write_atomically

        with self._lock:
            if not self._changed or self._entries is None:
                return
            entries = self._entries
            if len(entries) > MAX_ENTRIES:
                for stale in list(entries)[: len(entries) - MAX_ENTRIES]:
                    del entries[stale]
            # ASCII: a file name that is not UTF-8 (a lone surrogate) stays a \u escape.
            data = json.dumps({"version": FORMAT_VERSION, "entries": entries}, ensure_ascii=True,
                              separators=(",", ":"))
            self._changed = False
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            readme = self.folder / "README"
            if not readme.exists():
                readme.write_text(_README, encoding="utf-8")
            write_atomically(self.path, data.encode("utf-8"))
        except OSError:
            pass


def data_digest(paths: list[str | os.PathLike[str]]) -> str:
    """Return one digest of the contents of data files (knowledge bases, word lists)."""
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(map(os.fspath, paths)):
        h.update(path.encode("utf-8", "surrogateescape"))
        try:
            with open(path, "rb") as stream:
                h.update(stream.read())
        except OSError:
            h.update(b"\0missing")
    return h.hexdigest()
