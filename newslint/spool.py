"""A spool for output that must come out as one document but arrives file by file.

A formatter that writes one document for the whole run (a JSON array sorted by path, a
SARIF log, a JUnit report whose header counts the failures) would otherwise hold every
finding until the end, growing with the run. The spool writes each file's serialised
part to an anonymous temporary file (unlinked at once on POSIX, so nothing is left
behind). In memory it keeps each part's length (eight bytes, in an ``array``), and, to
sort by path, its path; ``parts`` reads them back in path order, or in the order they
came (``by_path=False``, which keeps no paths: memory stays flat however many files).
Files usually arrive in path order already, and then the parts are read back in one
sequential pass.
"""

from __future__ import annotations

import tempfile
from array import array
from collections.abc import Iterator
from itertools import accumulate
from typing import IO


class Spool:
    """Serialised parts keyed by path, kept on disk, read back sorted by path (stable) or as they came."""

    def __init__(self, by_path: bool = True) -> None:
        self._file = tempfile.TemporaryFile()
        self._lengths = array("q")  # each part's length in bytes, in the order they came
        self._paths: list[str] = []  # each part's path (by_path only)
        self._by_path = by_path
        self._sorted = True

    def add(self, path: str, text: str) -> None:
        """Keep ``text`` as the part of ``path``."""
        data = text.encode("utf-8", "surrogatepass")
        if self._by_path:
            if self._paths and path < self._paths[-1]:
                self._sorted = False
            self._paths.append(path)
        self._lengths.append(len(data))
        self._file.write(data)

    def __len__(self) -> int:
        return len(self._lengths)

    def parts(self) -> Iterator[str]:
        """Yield every part, sorted by path (parts of one path in the order they came), or as they came."""
        self._file.flush()
        if self._sorted:
            self._file.seek(0)
            for length in self._lengths:
                yield self._file.read(length).decode("utf-8", "surrogatepass")
            return
        offsets = [0, *accumulate(self._lengths)]
        for number in sorted(range(len(self._lengths)), key=self._paths.__getitem__):  # stable: ties as they came
            self._file.seek(offsets[number])
            yield self._file.read(self._lengths[number]).decode("utf-8", "surrogatepass")

    def close(self) -> None:
        """Discard the temporary file."""
        self._file.close()
        self._lengths = array("q")
        self._paths = []

    def write_joined(self, stream: IO[str], separator: str) -> None:
        """Write every part (in ``parts`` order) to ``stream``, with ``separator`` between two."""
        for number, part in enumerate(self.parts()):
            if number:
                stream.write(separator)
            stream.write(part)
