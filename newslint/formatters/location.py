"""What several output formats need besides a finding: other column units, source lines, paths.

newslint counts columns in code points. SARIF (by default) and LSP count UTF-16 code
units, reviewdog counts UTF-8 bytes: a character outside the Basic Multilingual Plane
(an emoji) is one code point, two UTF-16 units and four UTF-8 bytes, so every column
after it on the line differs. CI services want paths relative to the repository.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Literal

from newslint.parsers.model import LineIndex

Unit = Literal["utf-16", "utf-8"]


def _width(text: str, unit: Unit) -> int:
    if unit == "utf-16":
        return len(text.encode("utf-16-le", "surrogatepass")) // 2
    return len(text.encode("utf-8", "surrogatepass"))


def unit_columns(text: str, offsets: Iterable[int], unit: Unit) -> dict[int, tuple[int, int]]:
    """Map each offset into ``text`` to its 1-based line and 1-based column in ``unit``.

    The offsets are visited in order and each line is measured once, from one offset to
    the next, so a file with thousands of findings on one long line stays linear.
    """
    wanted = sorted(set(offsets))
    if not wanted:
        return {}
    index = LineIndex(text)
    plain = text.isascii() or (unit == "utf-16" and max(text) <= "\uffff")
    result: dict[int, tuple[int, int]] = {}
    line, at, count = 0, 0, 0
    for offset in wanted:
        here = index.position(offset)
        if plain:
            result[offset] = (here.line, here.column)
            continue
        if here.line != line:
            line, at, count = here.line, index.line_start(here.line), 0
        count += _width(text[at:offset], unit)
        at = offset
        result[offset] = (line, count + 1)
    return result


def line_bounds(text: str, index: LineIndex, line: int) -> tuple[int, int]:
    """Return the offsets where 1-based ``line`` starts and ends (before its line break)."""
    start = index.line_start(line)
    if line >= index.line_count:
        return start, len(text)
    end = index.line_start(line + 1)
    return start, end - (2 if text[end - 2 : end] == "\r\n" else 1)


@lru_cache(maxsize=8)
def repository_root(cwd: str) -> str:
    """Return the top of the git work tree holding ``cwd`` (a ``.git`` folder or file), else ``cwd``.

    Found by looking upwards, without running git (which may not be installed where the
    report is made); a worktree or submodule has a ``.git`` file, which counts too.
    """
    here = os.path.abspath(cwd)
    while True:
        if os.path.exists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return os.path.abspath(cwd)
        here = parent


def repository_path(path: str, root: str | None = None) -> str | None:
    """Return ``path`` relative to the repository root with ``/`` separators, or None outside it."""
    root = root or repository_root(os.getcwd())
    absolute = os.path.abspath(path)
    # A prefix test, not os.path.relpath: this runs once a file, and relpath costs ~0.2 ms.
    prefix = root if root.endswith(os.sep) else root + os.sep
    if not absolute.startswith(prefix):
        return None
    return absolute[len(prefix) :].replace(os.sep, "/")


def report_path(path: str, root: str | None = None) -> str:
    """Return the path CI services expect: repository-relative, else absolute (``/`` separators)."""
    relative = repository_path(path, root)
    return relative if relative is not None else os.path.abspath(path).replace(os.sep, "/")


def describe_change(old: str, new: str, show: Callable[[str], str] = repr) -> str:
    """Return how a fix reads to a person: ``insert ' '``, ``delete ' the'``, ``replace 'a' with 'b'``."""
    if not old:
        return f"insert {show(new)}"
    if not new:
        return f"delete {show(old)}"
    return f"replace {show(old)} with {show(new)}"
