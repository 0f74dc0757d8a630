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
