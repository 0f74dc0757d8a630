"""Reading articles: bytes to text, with the encoding and BOM kept for writing back."""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass

from newslint.document import Format
from newslint.errors import InputError

MARKDOWN_SUFFIXES = (".md", ".markdown")
ARTICLE_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES)
DEFAULT_MAX_BYTES = 10_000_000
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Source:
    """One article as read: its text (BOM removed), encoding and BOM bytes."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""

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
    for bom, encoding in _BOMS:
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


def read(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode one file, raising ``InputError`` with a one-line reason."""
    try:
        size = os.stat(path).st_size
        if os.path.isdir(path):
            raise InputError("is a directory")
        if size > max_bytes:
            raise InputError(f"{size:,} bytes is over the {max_bytes:,}-byte limit (max-file-size); not linted")
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError("no such file or directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    return decode(data, path)
