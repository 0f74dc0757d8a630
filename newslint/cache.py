"""A small on-disk cache for data that is slow to build and never changes between runs.

Built structures (Pyphen's pattern table, the knowledge base of office-holders) are
pickled under the user's own cache directory, as Black and Jedi keep theirs: only
newslint writes there, and only what it built itself. The key names everything the
data was built from (files with their sizes and modification times, newslint's
version), so a changed input builds a new entry. A cache that cannot be read or
written is ignored: the data is built instead.
"""

from __future__ import annotations

import hashlib
import pickle
import os
from pathlib import Path
from typing import Any, Callable

from newslint import __version__
from newslint.atomic import write_atomically


def directory() -> Path:
    """Return the cache directory: $NEWSLINT_CACHE_DIR, else $XDG_CACHE_HOME/newslint, else ~/.cache/newslint."""
    explicit = os.environ.get("NEWSLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def file_key(*paths: str | os.PathLike[str]) -> str:
    """Return a key that changes when any of the files changes (path, size, mtime)."""
    parts = []
    for path in paths:
        try:
            info = os.stat(path)
            parts.append(f"{os.fspath(path)}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            parts.append(f"{os.fspath(path)}:missing")
    return "|".join(parts)


def load_or_build(name: str, key: str, build: Callable[[], Any]) -> Any:
    """Return the cached value for ``name`` and ``key``, building and storing it if needed.

    ``name`` should change whenever the shape of what ``build`` returns changes.
    """
    digest = hashlib.sha256(f"{__version__}|{key}".encode()).hexdigest()[:20]
    path = directory() / f"{name}-{digest}.pickle"
    try:
        with open(path, "rb") as stream:
            return pickle.loads(stream.read())
    except Exception:  # missing, truncated, or from another Python: build it again
        pass
    value = build()
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
    except (OSError, pickle.PicklingError):
        pass  # an unwritable cache only costs time
    return value
