"""Regular expressions compiled once per machine, not once per run.

Compiling the rules' patterns (alternations of hundreds of words, Unicode classes) is
pure Python in ``re`` and costs a fifth of a short file's run. ``compile`` keeps what
the compiler produced for each pattern (its code, a list of integers, and its group
names) in newslint's cache directory, and on later runs hands that to ``_sre.compile``,
the constructor ``re`` itself ends with: the same ``re.Pattern``, without parsing and
compiling again. The code is specific to the Python build, so the cache file is keyed
by the interpreter's version and the regex engine's magic number; ``_sre`` checks the
code it is given, and anything unexpected (another Python, a damaged or foreign file,
internals that moved) falls back to ``re.compile``. Only patterns of the program's own
source go through here, never article text.
"""

from __future__ import annotations

import re
import sys
import threading
from typing import Any

from newslint.marshalstore import MarshalStore

_Key = tuple[str, int]
_Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]

_MAX_ENTRIES = 1000  # a bound: a run of every format and rule compiles about 230
_re_compile = re.compile  # re's own, even while a watched library is imported
_lock = threading.Lock()  # who is importing a watched library


def _internals() -> tuple[Any, Any, Any] | None:
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]  # Python 3.11+
    except ImportError:
        return None
    if not all(
        hasattr(m, a) for m, a in ((_sre, "compile"), (_sre, "MAGIC"), (_parser, "parse"), (_compiler, "_code"))
    ):
        return None
    return _sre, _compiler, _parser


_INTERNALS = _internals()


def _path() -> Any:
    from newslint import cachedir as cache

    assert _INTERNALS is not None
    build = f"{sys.version}|{sys.implementation.cache_tag}|{_INTERNALS[0].MAGIC}|{_INTERNALS[0].CODESIZE}"
    return cache.directory() / f"regex-{cache.blake2b(build.encode(), digest_size=8).hexdigest()}.marshal"


# What re's compiler made of each (pattern, flags): _Entry, the arguments of _sre.compile.
_kept = MarshalStore(_path, _MAX_ENTRIES)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Return ``re.compile(pattern, flags)``, from the compiled code kept between runs when there is some."""
    flags = int(flags)
    if _INTERNALS is None or not isinstance(pattern, str):
        return _re_compile(pattern, flags)
    key = (pattern, flags)
    entry = _kept.get(key)
    if entry is not None:
        try:
            return _INTERNALS[0].compile(pattern, *entry)
        except Exception:  # not code this engine accepts: compile it again
            pass
    made = _compiled(pattern, flags)
    if made is None:
        return _re_compile(pattern, flags)  # re says what is wrong with the pattern
    _kept.put(key, made[0])
    return made[1]


def _compiled(pattern: str, flags: int) -> tuple[_Entry, re.Pattern[str]] | None:
    """Compile as ``re._compiler.compile`` does, keeping what ``_sre.compile`` was given (None on any error)."""
    assert _INTERNALS is not None
    _sre, _compiler, _parser = _INTERNALS
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        state = parsed.state
        indexgroup: list[Any] = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        # Plain ints: the opcodes are int subclasses, which marshal does not keep.
        entry = (
            int(flags | state.flags),
            [int(c) for c in code],
            int(state.groups - 1),
            {str(k): int(v) for k, v in state.groupdict.items()},
            tuple(indexgroup),
        )
        return entry, _sre.compile(pattern, *entry)
    except Exception:
        return None


# Libraries a run may import whose own regular expressions, compiled as they are imported,
# cost more than the rest of their import: markdown-it-py's rules (for Markdown) and
# PyYAML's resolvers (for configuration files and front matter).
LIBRARIES = ("markdown_it", "mdurl", "yaml")
_owner: int | None = None


def cache_library_patterns(names: tuple[str, ...] = LIBRARIES) -> None:
    """Compile the patterns these packages make while they are being imported through this cache.

    Only their top-level import is watched (it imports their submodules); only the
    importing thread's ``re.compile`` calls go through here, and only for that import:
    the patterns are the libraries' source, never text a run reads.
    """
    if not any(isinstance(finder, _LibraryFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _LibraryFinder(names))


class _LibraryFinder:
    """Finds the watched packages with the other finders and watches their loaders' ``exec_module``."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = frozenset(names)

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name not in self.names or _INTERNALS is None:
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if finder is self or find is None:
                continue
            spec = find(name, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _WatchedLoader(spec.loader)
                return spec
        return None


class _WatchedLoader:
    """A loader that runs the real one's ``exec_module`` with ``re.compile`` going through this cache."""

    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def __getattr__(self, name: str) -> Any:
        return getattr(self._loader, name)

    def exec_module(self, module: Any) -> None:
        global _owner
        with _lock:
            watching = _owner is None  # else a nested import, already watched
            if watching:
                _owner = threading.get_ident()
                re.compile = _library_compile
        try:
            self._loader.exec_module(module)
        finally:
            if watching:
                with _lock:
                    re.compile = _re_compile
                    _owner = None


def _library_compile(pattern: Any, flags: Any = 0) -> Any:  # re.compile's signature
    """``re.compile`` while a watched library is imported: its thread's patterns from the cache."""
    if isinstance(pattern, str) and threading.get_ident() == _owner:
        return compile(pattern, flags)
    return _re_compile(pattern, flags)
