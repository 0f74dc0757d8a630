"""The one error type of house styles: a rule file, vocabulary or ``.vale.ini`` newslint cannot use."""

from __future__ import annotations


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
