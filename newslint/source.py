"""Reading articles: bytes to text, with the encoding and BOM kept for writing back."""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from newslint.errors import InputError

if TYPE_CHECKING:
    from newslint.document import Format

MARKDOWN_SUFFIXES = (".md", ".markdown")
ARTICLE_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES)
DEFAULT_MAX_BYTES = 10_000_000
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class FileState:
    """What a file was when it was read: identity, size, times, owner and a content hash.

    ``--fix`` compares the file with this just before it replaces it, so that a change
    made by someone else after the read is never overwritten.
    """

    device: int
    inode: int
    size: int
    mtime_ns: int
    mode: int
    uid: int
    gid: int
    links: int
    digest: str

    @classmethod
    def of(cls, info: os.stat_result, data: bytes) -> FileState:
        """Return the state of a file from its ``stat`` result and its bytes."""
        return cls(
            info.st_dev,
            info.st_ino,
            info.st_size,
            info.st_mtime_ns,
            info.st_mode,
            info.st_uid,
            info.st_gid,
            info.st_nlink,
            digest(data),
        )


def digest(data: bytes) -> str:
    """Return the content hash ``FileState`` keeps (BLAKE2b, 256 bits, hex).

    It is compared within one run (the file as read, and as it is before ``--fix``
    replaces it) and by the result cache (the file as read now and when its findings were
    kept: the same bytes are the same text); BLAKE2b comes with Python, where SHA-256 means importing ``hashlib``
    and OpenSSL, an eighth of a short file's linting.
    """
    from newslint.cachedir import blake2b

    return blake2b(data, digest_size=32).hexdigest()


@dataclass(frozen=True)
class Source:
    """One article as read: its text (BOM removed), encoding and BOM bytes."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""
    # The file as read (None for standard input and for text that did not come from a file).
    state: FileState | None = None

    @property
    def format(self) -> Format:
        """Return ``markdown`` for .md and .markdown files, ``text`` otherwise."""
        return format_for(self.path)

    def encode(self, text: str) -> bytes:
        """Return ``text`` as bytes in this source's encoding, with its BOM."""
        return self.bom + text.encode(self.encoding)


def format_for(path: str) -> Format:
    """Return the document format a file name implies."""
    return "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"


def decode(data: bytes, path: str) -> Source:
    """Decode an article's bytes, or raise ``InputError`` for binary or mis-encoded data."""
    for bom, encoding in _BOMS:  # noqa: B007 (the for-else reads the encoding found)
        if data.startswith(bom):
            body = data[len(bom) :]
            break
    else:
        bom, encoding, body = b"", "utf-8", data
    if encoding == "utf-8" and b"\0" in body[:8192]:
        raise InputError("binary file (contains NUL bytes), not an article")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        bad = body[exc.start : exc.start + 1].hex()
        raise InputError(f"not valid {encoding.upper()}: byte 0x{bad} on line {line}") from None
    return Source(path, text, encoding, bom)


_KINDS = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "not a regular file (a named pipe); not linted"),
    (stat.S_ISCHR, "not a regular file (a character device); not linted"),
    (stat.S_ISBLK, "not a regular file (a block device); not linted"),
    (stat.S_ISSOCK, "not a regular file (a socket); not linted"),
)
# O_NONBLOCK: should a FIFO take the place of the file between the stat and the open,
# opening it must not wait for a writer; the fstat after the open then refuses it.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def _not_regular(mode: int) -> str | None:
    for test, reason in _KINDS:
        if test(mode):
            return reason
    return None if stat.S_ISREG(mode) else "not a regular file; not linted"


def _over(size: int | None, max_bytes: int) -> InputError:
    amount = f"{size:,} bytes is" if size is not None else f"more than {max_bytes:,} bytes is"
    return InputError(f"{amount} over the {max_bytes:,}-byte limit (max-file-size); not linted")


def read_limited(stream: BinaryIO | int, limit: int) -> bytes:
    """Read at most ``limit`` bytes from a binary stream or a file descriptor."""
    chunks: list[bytes] = []
    left = limit
    while left > 0:
        chunk = os.read(stream, min(left, 1 << 20)) if isinstance(stream, int) else stream.read(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode one regular file, raising ``InputError`` with a one-line reason.

    Only regular files are read (a FIFO would block for ever, ``/dev/zero`` never ends),
    and never more than ``max_bytes`` plus the one byte that shows the file is too big,
    whatever ``stat`` said its size was.
    """
    try:
        reason = _not_regular(os.stat(path).st_mode)
        if reason:
            raise InputError(reason)
        descriptor = os.open(path, _OPEN_FLAGS)
        try:
            info = os.fstat(descriptor)
            reason = _not_regular(info.st_mode)
            if reason:
                raise InputError(reason)
            if info.st_size > max_bytes:
                raise _over(info.st_size, max_bytes)
            data = read_limited(descriptor, max_bytes + 1)
        finally:
            os.close(descriptor)
    except FileNotFoundError:
        raise InputError("no such file or directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    if len(data) > max_bytes:
        raise _over(None, max_bytes)  # it grew after the stat
    source = decode(data, path)
    return Source(source.path, source.text, source.encoding, source.bom, FileState.of(info, data))


def read_stream(stream: BinaryIO, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode standard input (or any stream), at most ``max_bytes``."""
    try:
        data = read_limited(stream, max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputError(
            f"more than {max_bytes:,} bytes on standard input is over the limit (max-file-size); not linted"
        )
    return decode(data, name)
