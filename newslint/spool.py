"""A spool for output that must come out as one document but arrives file by file.

A formatter that writes one document for the whole run (a JSON array sorted by path, a
SARIF log, a JUnit report whose header counts the failures) would otherwise hold every
finding until the end, growing with the run. The spool writes each file's serialised
part to an anonymous temporary file (unlinked at once on POSIX, so nothing is left
behind) and keeps only the path, offset and length of each part in memory; ``parts``
reads them back in path order, or in the order they came (``by_path=False``). Files
usually arrive in path order already, and then the parts are read back in one
sequential pass.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO


class Spool:
    """Serialised parts keyed by path, kept on disk, read back sorted by path (stable) or as they came."""

    def __init__(self, by_path: bool = True) -> None:
        self._file = tempfile.TemporaryFile()
        self._index: list[tuple[str, int, int, int]] = []  # (path, arrival, offset, length)
        self._by_path = by_path
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
        """Yield every part, sorted by path (parts of one path in the order they came), or as they came."""
        self._file.flush()
        index = self._index if self._sorted or not self._by_path else sorted(self._index)
        for _, _, offset, length in index:
            self._file.seek(offset)
            yield self._file.read(length).decode("utf-8", "surrogatepass")

    def close(self) -> None:
        """Discard the temporary file."""
        self._file.close()
        self._index = []

    def write_joined(self, stream: IO[str], separator: str) -> None:
        """Write every part (in ``parts`` order) to ``stream``, with ``separator`` between two."""
        for number, part in enumerate(self.parts()):
            if number:
                stream.write(separator)
            stream.write(part)
