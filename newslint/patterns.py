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

import atexit
import re
import sys
import threading
from typing import Any

_Key = tuple[str, int]
_Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]

_MAX_ENTRIES = 4000  # a bound: far more than newslint and its plugins compile
_lock = threading.Lock()
_store: dict[_Key, _Entry] | None = None
_new: dict[_Key, _Entry] = {}


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


def _load() -> dict[_Key, _Entry]:
    global _store
    if _store is None:
        import marshal

        try:
            with open(_path(), "rb") as stream:
                data = marshal.loads(stream.read())
            _store = data if isinstance(data, dict) else {}
        except Exception:  # missing, damaged or foreign: compile afresh
            _store = {}
        atexit.register(_save)
    return _store


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Return ``re.compile(pattern, flags)``, from the compiled code kept between runs when there is some."""
    flags = int(flags)
    if _INTERNALS is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    key = (pattern, flags)
    with _lock:
        entry = _load().get(key) or _new.get(key)
    if entry is not None:
        try:
            return _INTERNALS[0].compile(pattern, *entry)
        except Exception:  # not code this engine accepts: compile it again
            pass
    made = _compiled(pattern, flags)
    if made is None:
        return re.compile(pattern, flags)  # re says what is wrong with the pattern
    with _lock:
        _new[key] = made[0]
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


def _save() -> None:
    """Write the newly compiled patterns into the cache file (atomically; an unwritable cache costs only time)."""
    import marshal

    from newslint.atomic import write_atomically

    with _lock:
        if not _new:
            return
        merged = dict(_store or {})
        merged.update(_new)
        _new.clear()
        if len(merged) > _MAX_ENTRIES:
            merged = {}
    try:
        path = _path()
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, marshal.dumps(merged))
    except (OSError, ValueError):
        pass
