"""Input formats in one table: a name, the file extensions it claims, its parser.

The built-in formats are listed here; a plugin adds its own with the ``newslint_formats``
hook. A parser is named as ``"module:function"`` and imported on first use, so a run on
plain text never imports markdown-it-py or the HTML parser.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslint.errors import PluginError, UsageError

if TYPE_CHECKING:
    from newslint.parsers.model import Parsed

Parser = Callable[[str], "Parsed"]


@dataclass(frozen=True)
class InputFormat:
    """One input format: its name, the extensions it claims and how it is parsed."""

    name: str
    extensions: tuple[str, ...]
    parser: str | Parser
    prose: str = ""
    _loaded: list[Parser] = field(default_factory=list, init=False, repr=False, compare=False)

    def parse(self, text: str) -> Parsed:
        """Parse ``text`` with this format's parser, importing it on first use."""
        if not self._loaded:
            self._loaded.append(resolve(self.parser))
        return self._loaded[0](text)


def resolve(parser: str | Parser) -> Parser:
    """Return the parser function a ``"module:function"`` string names (or the function)."""
    if not isinstance(parser, str):
        return parser
    module, _, name = parser.partition(":")
    return getattr(importlib.import_module(module), name or "parse")


BUILTIN_FORMATS: tuple[InputFormat, ...] = (
    InputFormat(
        "text",
        (".txt",),
        "newslint.parsers.plaintext:parse",
        "blank-line separated blocks; a block of short lines is one hard-wrapped paragraph, "
        "otherwise each line is a paragraph; a short line without closing punctuation is a heading",
    ),
    InputFormat(
        "markdown",
        (".md", ".markdown"),
        "newslint.parsers.markdown:parse",
        "headings, paragraphs, list items, block quotes, table cells and image alt text; "
        "not code, HTML blocks, link destinations or front matter",
    ),
    InputFormat(
        "html",
        (".html", ".htm"),
        "newslint.parsers.html:parse",
        "headings and the title, paragraphs and loose text, list items, block quotes, table cells, "
        "figure captions and image alt text; not script, style, pre, code, nav, del, form controls, "
        "comments or other attributes",
    ),
)

_BUILTIN_BY_NAME = {f.name: f for f in BUILTIN_FORMATS}


class FormatError(PluginError, ValueError):
    """A format table that cannot be used: a duplicate name or extension, an unknown name."""


@dataclass(frozen=True)
class FormatTable:
    """The formats of one run, by name and by extension."""

    formats: tuple[InputFormat, ...] = BUILTIN_FORMATS

    @classmethod
    def build(cls, extra: Iterable[InputFormat] = ()) -> FormatTable:
        """Return the built-in formats plus ``extra``, refusing clashing names or extensions."""
        formats = list(BUILTIN_FORMATS)
        names = {f.name for f in formats}
        extensions = {e for f in formats for e in f.extensions}
        for item in extra:
            if item.name in names:
                raise FormatError(f"input format {item.name!r} is declared twice")
            clash = extensions.intersection(e.lower() for e in item.extensions)
            if clash:
                raise FormatError(f"input format {item.name!r} claims {', '.join(sorted(clash))}, already claimed")
            names.add(item.name)
            extensions.update(e.lower() for e in item.extensions)
            formats.append(item)
        return cls(tuple(formats))

    @property
    def by_name(self) -> Mapping[str, InputFormat]:
        """Return the formats keyed by name."""
        return {f.name: f for f in self.formats}

    @property
    def suffixes(self) -> tuple[str, ...]:
        """Return every extension the formats claim, lower case with the dot."""
        return tuple(e.lower() for f in self.formats for e in f.extensions)

    def for_path(self, path: str) -> InputFormat:
        """Return the format a file name implies; plain text when no extension matches."""
        low = path.lower()
        for item in self.formats:
            if low.endswith(item.extensions):
                return item
        return _BUILTIN_BY_NAME["text"]

    def get(self, name: str) -> InputFormat:
        """Return the format called ``name``, or raise ``FormatError``."""
        for item in self.formats:
            if item.name == name:
                return item
        raise UsageError(f"unknown input format {name!r} (choose from {', '.join(f.name for f in self.formats)})")


def builtin(name: str) -> InputFormat:
    """Return a built-in format by name (plain text for an unknown name)."""
    return _BUILTIN_BY_NAME.get(name) or _BUILTIN_BY_NAME["text"]
