"""Typed rule options: each rule declares its options' types, ranges and defaults.

A rule's ``@rule(options={...})`` maps each option name to a default value, or to an
``Option`` that says more (a range, the allowed values, that the value names files). The
configuration checks every value against its ``Option`` when it is loaded, so a bad value
is one error naming the configuration file and line, never a crash on every file.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# How a kind is named in messages ("must be an integer, not 'x'").
_KIND_NAMES = {
    "bool": "true or false",
    "int": "an integer",
    "float": "a number",
    "str": "a string",
    "list": "a list",
    "paths": "a list of file paths",
}


@dataclass(frozen=True)
class Option:
    """One rule option: its default, kind, and the values it admits.

    ``kind`` is inferred from the default when not given: ``bool``, ``int``, ``float``,
    ``str``, ``list`` (a list or tuple default), or ``any`` (a ``None`` default, not
    checked). ``paths`` is a list of file names, resolved against the folder of the
    configuration file that names them; with ``must_exist`` each must be a file. ``loader``
    (``"module:function"``) is called with the resolved paths when the configuration is
    loaded, so that a file that cannot be used is one configuration error at start-up,
    not a crash of the rule on every file; the ``ValueError`` it raises says why.
    """

    default: Any
    kind: str = ""
    min: float | None = None
    max: float | None = None
    choices: tuple[Any, ...] = ()
    must_exist: bool = False
    help: str = ""
    loader: str = ""

    def __post_init__(self) -> None:
        if not self.kind:
            object.__setattr__(self, "kind", infer_kind(self.default))

    def check(self, value: Any, root: Path | None = None) -> Any:
        """Return ``value`` in the form the rule reads, or raise ``ValueError`` saying what is wrong."""
        kind = self.kind
        if kind == "any":
            return value
        if not _is_kind(value, kind):
            raise ValueError(f"must be {_KIND_NAMES.get(kind, kind)}, not {value!r}")
        if self.choices and value not in self.choices:
            raise ValueError(f"must be one of {', '.join(map(str, self.choices))}, not {value!r}")
        if self.min is not None and value < self.min:
            raise ValueError(f"must be at least {self.min:g}, not {value!r}")
        if self.max is not None and value > self.max:
            raise ValueError(f"must be at most {self.max:g}, not {value!r}")
        if kind == "paths":
            paths = tuple(self._path(item, root) for item in value)
            if self.loader and paths:
                import importlib

                module, _, name = self.loader.partition(":")
                try:
                    getattr(importlib.import_module(module), name)(paths)
                except OSError as exc:
                    raise ValueError(f"cannot be read: {exc}") from None
            return paths
        if kind == "float":
            return float(value)
        if kind == "list" and isinstance(self.default, tuple):
            return tuple(value)
        return value

    def _path(self, item: str, root: Path | None) -> str:
        path = Path(item).expanduser()
        if not path.is_absolute() and root is not None:
            path = root / path
        if self.must_exist and not path.is_file():
            raise ValueError(f"names {item!r}, which is not a file ({path})")
        return str(path)

    def describe(self) -> str:
        """Return the option's kind, range and choices in words, for ``newslint explain``."""
        words = _KIND_NAMES.get(self.kind, self.kind)
        if self.choices:
            words = "one of " + ", ".join(map(str, self.choices))
        if self.min is not None:
            words += f", at least {self.min:g}"
        if self.max is not None:
            words += f", at most {self.max:g}"
        return words


def infer_kind(default: Any) -> str:
    """Return the kind an option with this default has."""
    if default is None:
        return "any"
    if isinstance(default, bool):
        return "bool"
    if isinstance(default, int):
        return "int"
    if isinstance(default, float):
        return "float"
    if isinstance(default, (list, tuple)):
        return "list"
    return "str" if isinstance(default, str) else "any"


def _is_kind(value: Any, kind: str) -> bool:
    if kind == "bool":
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False  # YAML's true is not the number 1
    if kind == "int":
        return isinstance(value, int)
    if kind == "float":
        # NaN compares false with every bound, so it would pass them all: no number at all.
        return isinstance(value, (int, float)) and math.isfinite(value)
    if kind == "str":
        return isinstance(value, str)
    if kind == "list":
        return isinstance(value, list)
    if kind == "paths":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    return True


def specs_of(options: dict[str, Any], choices: dict[str, tuple[Any, ...]]) -> dict[str, Option]:
    """Return an ``Option`` for each declared option (plain defaults get an inferred one)."""
    specs: dict[str, Option] = {}
    for name, value in options.items():
        spec = value if isinstance(value, Option) else Option(value)
        if name in choices and not spec.choices:
            spec = Option(
                spec.default,
                spec.kind,
                spec.min,
                spec.max,
                tuple(choices[name]),
                spec.must_exist,
                spec.help,
                spec.loader,
            )
        specs[name] = spec
    return specs
