"""A small on-disk cache for data that is slow to build and never changes between runs.

Built structures (Pyphen's pattern table, the knowledge base of office-holders) are
pickled under the user's own cache directory, as Black and Jedi keep theirs: only
newslint writes there, and only what it built itself. The key names everything the
data was built from (files with their sizes and modification times, newslint's
version), so a changed input builds a new entry. A cache that cannot be read or
written is ignored: the data is built instead.
"""

from __future__ import annotations

import marshal
import os
import sys
import types
from collections.abc import Callable
from typing import Any

from newslint import __version__
from newslint.atomic import write_atomically
from newslint.cachedir import blake2b, directory

__all__ = ["blake2b", "directory", "file_key", "load_or_build", "source_files"]


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


def source_files(*owners: object) -> list[str]:
    """Return the files of the modules ``owners`` are written in (functions, or modules themselves).

    What code builds a cached value belongs in its key: an edited builder then builds
    the value afresh. An owner without a file on disk (a zipped package) is left out.
    """
    files = []
    for owner in owners:
        module = owner if isinstance(owner, types.ModuleType) else sys.modules.get(getattr(owner, "__module__", ""))
        origin = getattr(module, "__file__", None)
        if isinstance(origin, str) and os.path.isfile(origin):
            files.append(origin)
    return files


def _unpickle(data: bytes) -> Any:
    """Load pickled data, with its regular expressions compiled through ``newslint.patterns``.

    A pickled ``re.Pattern`` is only its source and flags, compiled again on loading; the
    patterns module keeps compiled code between runs, so that costs nothing twice.
    (``pickle`` is imported here: data kept with ``marshal`` does not need it.)
    """
    import io
    import pickle

    class Unpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            if (module, name) == ("re", "_compile"):
                from newslint import patterns

                return patterns.compile
            return super().find_class(module, name)

    return Unpickler(io.BytesIO(data)).load()


def load_or_build(name: str, key: str, build: Callable[[], Any], *, plain: bool = False) -> Any:
    """Return the cached value for ``name`` and ``key``, building and storing it if needed.

    ``name`` should change whenever the shape of what ``build`` returns changes. With
    ``plain``, the value is plain data (dicts, tuples, strings, numbers) kept with
    ``marshal``, which loads such tables several times faster than pickle; its format is
    the running Python's, so the key names the Python version too.
    """
    version = f"{__version__}|{sys.version}" if plain else __version__
    digest = blake2b(f"{version}|{key}".encode(), digest_size=10).hexdigest()
    path = directory() / f"{name}-{digest}.{'marshal' if plain else 'pickle'}"
    try:
        with open(path, "rb") as stream:
            data = stream.read()
        return marshal.loads(data) if plain else _unpickle(data)
    except Exception:  # missing, truncated, or from another Python: build it again
        pass
    value = build()
    try:
        if plain:
            data = marshal.dumps(value)
        else:
            import pickle

            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
    except Exception:  # an unwritable cache (or a value it cannot keep) only costs time
        pass
    return value
