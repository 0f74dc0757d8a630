"""The one error type of house styles: a rule file, vocabulary or ``.vale.ini`` newslint cannot use."""

from __future__ import annotations

from pathlib import Path


class StyleError(Exception):
    """A style file newslint cannot use; the message reads ``path:line: key: what is wrong``."""

    def __init__(self, path: str, message: str, *, line: int | None = None, key: str | None = None) -> None:
        self.path = path
        self.line = line
        self.key = key
        self.problem = message
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {key}: {message}" if key else f"{where}: {message}")


class RegexError(ValueError):
    """A Vale (RE2) regular expression that has no faithful Python translation."""


def reason(error: OSError) -> str:
    """Return why a file could not be read, in the words the run uses for articles."""
    return "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error))


def is_folder(path: Path) -> bool:
    """Return ``path.is_dir()``; a ``StyleError`` naming the path where it cannot be looked at.

    ``Path.is_dir`` raises (rather than answers False) when a folder above may not be
    searched: that is a style the run cannot read, and it must say so in one line.
    """
    try:
        return path.is_dir()
    except OSError as exc:
        raise StyleError(str(path), f"cannot read: {reason(exc)}") from None


def is_file(path: Path) -> bool:
    """Return ``path.is_file()``; a ``StyleError`` naming the path where it cannot be looked at."""
    try:
        return path.is_file()
    except OSError as exc:
        raise StyleError(str(path), f"cannot read: {reason(exc)}") from None
