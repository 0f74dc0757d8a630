"""A spool for output that must come out sorted by path but arrives file by file.

A formatter that writes one document for the whole run (a JSON array sorted by path)
would otherwise hold every finding until the end, growing with the run. The spool
writes each file's serialised part to an anonymous temporary file (unlinked at once on
POSIX, so nothing is left behind) and keeps only the path, offset and length of each part
in memory; ``parts`` reads them back in path order. Files usually arrive in path order
already, and then the parts are read back in one sequential pass.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator


class Spool:
    """Serialised parts keyed by path, kept on disk, read back sorted by path (stable)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._index: list[tuple[str, int, int, int]] = []  # (path, arrival, offset, length)
        self._sorted = True
        self._end = 0

    def add(self, path: str, text: str) -> None:
        """Keep ``text`` as the part of ``path``."""
        data = text.encode("utf-8", "surrogatepass")
        if self._index and path < self._index[-1][0]:
            self._sorted = False
        self._index.append((path, len(self._index), self._end, len(data)))
        self._file.write(data)
        self._end += len(data)

    def __len__(self) -> int:
        return len(self._index)

    def parts(self) -> Iterator[str]:
        """Yield every part, sorted by path; parts of one path in the order they came."""
        self._file.flush()
        index = self._index if self._sorted else sorted(self._index)
        for _, _, offset, length in index:
            self._file.seek(offset)
            yield self._file.read(length).decode("utf-8", "surrogatepass")

    def close(self) -> None:
        """Discard the temporary file."""
        self._file.close()
        self._index = []
