"""A table kept between runs in one ``marshal`` file of newslint's cache directory.

``newslint.patterns`` (the rules' compiled regular expressions) and ``newslint.classcode``
(the compiled methods of newslint's dataclasses) each keep one: what the file held, plus
what this run added, written back atomically when the process ends. A missing, damaged
or foreign file reads as empty; an unwritable cache directory costs only time.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


class MarshalStore:
    """The entries of one cache file, and those this run added; thread-safe."""

    def __init__(self, path: Callable[[], Path], max_entries: int) -> None:
        self._path = path  # called late: the cache directory may be set after import
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self.stored: dict[Any, Any] | None = None  # None until the file is read
        self.new: dict[Any, Any] = {}
        self.used: set[Any] = set()  # keys of the file's entries this run read

    def get(self, key: Any) -> Any:
        """Return the value kept for ``key`` (in the file or added by this run), or None."""
        with self._lock:
            found = self._load().get(key)
            if found:
                self.used.add(key)
                return found
            return self.new.get(key)

    def put(self, key: Any, value: Any) -> None:
        """Add ``key``'s value, to be written when the process ends."""
        with self._lock:
            self.new[key] = value

    def _load(self) -> dict[Any, Any]:
        if self.stored is None:
            import atexit
            import marshal

            try:
                with open(self._path(), "rb") as stream:
                    data = marshal.loads(stream.read())
                self.stored = data if isinstance(data, dict) else {}
            except Exception:  # missing, damaged or foreign: start empty
                self.stored = {}
            atexit.register(self.save)
        return self.stored

    def save(self) -> None:
        """Write the file's entries and this run's (atomically).

        Past ``max_entries``, only what this run used: the entries it read from the file
        and those it added. The file is read whole by every run, so it must not keep
        growing with entries no run uses any more (patterns and classes of code since
        changed, options since dropped).
        """
        import marshal

        from newslint.atomic import write_atomically

        with self._lock:
            if not self.new:
                return
            merged = {**(self.stored or {}), **self.new}
            if len(merged) > self.max_entries:  # start again from what this run used
                stored = self.stored or {}
                merged = {**{key: stored[key] for key in self.used if key in stored}, **self.new}
            self.stored = merged
            self.new = {}
        try:
            path = self._path()
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, marshal.dumps(merged))
        except (OSError, ValueError):
            pass
