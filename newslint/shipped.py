"""Where the built-in rules' data files are (``newslint/rules/data`` once installed)."""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
    ``#`` comments and blank lines left out. The parsed rows are kept in the data cache
    (``newslint.cache``), keyed by the file's size and time, so a run reads them in one go.
    """
    source = data().joinpath(name)
    if not isinstance(source, Path):  # a zipped package: no file to key a cache entry on
        return _rows(source.read_text("utf-8"))
    from newslint import cache

    return cache.load_or_build(
        f"table-{name}", cache.file_key(source), lambda: _rows(source.read_text("utf-8")), plain=True
    )


def _rows(text: str) -> tuple[tuple[str, ...], ...]:
    rows = (line.split("#", 1)[0].split() for line in text.splitlines())
    return tuple(tuple(row) for row in rows if row)
