"""Dataclass methods compiled once per machine, not once per run.

``@dataclass`` writes the source of each class's ``__init__``, ``__repr__``, ``__eq__``,
``__setattr__``... and compiles it with ``exec`` when the class is made: for newslint's
four dozen value classes that is a quarter of a short file's run, on every run, and the
same text each time. ``install`` gives the ``dataclasses`` module an ``exec`` that keeps
the compiled code of each text in newslint's cache directory (with ``marshal``, keyed by
the Python build, as ``newslint.patterns`` keeps regular expressions) and runs that code
on later runs: the same functions, without compiling again. The text itself is the key,
so a changed class is compiled afresh; a missing, damaged or foreign file is ignored.
Only what the ``dataclasses`` module generates for newslint's own modules goes through
here. The cache directory is the user's own, like the pickled data ``newslint.cache``
keeps there.
"""

from __future__ import annotations

import builtins
import sys
from types import CodeType
from typing import Any

from newslint.marshalstore import MarshalStore

_MAX_ENTRIES = 1000  # a bound: a run of every format and rule makes about 310 methods


def install() -> None:
    """Let the ``dataclasses`` module reuse the compiled code of its generated methods."""
    import dataclasses

    if "exec" not in vars(dataclasses):  # never over another patch
        dataclasses.exec = _exec  # type: ignore[attr-defined]


def _exec(source: Any, *args: Any, **kwargs: Any) -> Any:
    """``exec``, with the compiled code of a newslint class's method taken from the cache when it is there."""
    if isinstance(source, str) and _ours(args[0] if args else kwargs.get("globals")):
        source = _code(source)
    return builtins.exec(source, *args, **kwargs)


def _ours(namespace: object) -> bool:
    """Return whether ``namespace`` (the globals the method is made in) is one of newslint's modules.

    Other libraries' classes (made in the same process, say by tests or plugins) are
    compiled as usual: the cache, loaded whole on every run, holds only newslint's.
    """
    name = namespace.get("__name__") if isinstance(namespace, dict) else None
    return isinstance(name, str) and (name == "newslint" or name.startswith("newslint."))


def _code(source: str) -> CodeType:
    code = _kept.get(source)
    if isinstance(code, CodeType):
        return code
    made = compile(source, "<string>", "exec")  # as exec would: the same name in tracebacks
    _kept.put(source, made)
    return made


def _path() -> Any:
    from newslint import cachedir as cache

    build = f"{sys.version}|{sys.implementation.cache_tag}|{sys.hexversion}"
    return cache.directory() / f"classes-v2-{cache.blake2b(build.encode(), digest_size=8).hexdigest()}.marshal"


# The compiled code of each method's source text.
_kept = MarshalStore(_path, _MAX_ENTRIES)
