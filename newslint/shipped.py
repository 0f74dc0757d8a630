"""Where the built-in rules' data files are (``newslint/rules/data`` once installed)."""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable
    from importlib.resources.abc import Traversable


def data() -> Traversable:
    """Return the shipped data folder.

    An installed or editable package is a folder on disk: its path is found from the
    package's ``__file__``, because importing ``importlib.resources`` (and with it
    tempfile and shutil) costs more than the rest of a short file's data loading. Only a
    package loaded some other way (a zip file) goes through ``importlib.resources``.
    """
    origin = getattr(importlib.import_module("newslint.rules"), "__file__", None)
    if origin and os.path.isfile(origin):
        return Path(origin).parent / "data"
    from importlib import resources

    return resources.files("newslint.rules").joinpath("data")


def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Return the rows of a shipped word table (``rules/data/NAME``), through the data cache.

    A table is text for reviewers: one row a line, fields separated by white space,
    ``#`` comments and blank lines left out.
    """
    return built(name, "table", _rows)


def built(name: str, kind: str, build: Callable[[str], Any]) -> Any:
    """Return what ``build`` makes of the text of shipped data file ``name``, through the data cache.

    What ``build`` returns must be plain data (dicts, tuples, sets, strings, numbers):
    it is kept in the data cache (``newslint.cache``, with ``marshal``) under ``kind``,
    keyed by the size and time of the file and of the module ``build`` is written in, so
    a run loads it in one go instead of parsing the text, and an edited file or builder
    builds it afresh.
    """
    source = data().joinpath(name)
    if not isinstance(source, Path):  # a zipped package: no file to key a cache entry on
        return build(source.read_text("utf-8"))
    from newslint import cache

    builder = cache.source_files(build)
    if not builder:
        return build(source.read_text("utf-8"))
    return cache.load_or_build(
        f"{kind}-{name}", cache.file_key(source, *builder), lambda: build(source.read_text("utf-8")), plain=True
    )


def _rows(text: str) -> tuple[tuple[str, ...], ...]:
    rows = (line.split("#", 1)[0].split() for line in text.splitlines())
    return tuple(tuple(row) for row in rows if row)
