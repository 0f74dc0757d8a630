"""The formatter life cycle: ``start``, then ``file`` once per linted file, then ``finish``.

Each step may take keyword arguments that older formatters do not know: ``start`` is
given the run's ``rules``, ``file`` the file's ``text``, and ``error`` is called for a
file that could not be linted. As with hooks, a formatter's method may accept fewer
arguments than the runner offers; ``call`` passes each method only those it names, so
a plugin formatter written as ``def file(self, path, findings)`` keeps working.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar, TextIO

from newslint.finding import Finding

if TYPE_CHECKING:
    from newslint.rule import Rule
    from newslint.spool import Spool


class Formatter:
    """Writes findings to a stream; subclasses override the steps they need."""

    # False when ``file`` takes ``text`` but never reads it: the runner may then pass None,
    # and worker processes need not send each file's text back (see ``wants_text``).
    uses_text: ClassVar[bool] = True

    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream
        self.color = color

    def start(self, rules: Sequence[Rule] = ()) -> None:
        """Called once before the first file, with every rule the run knows (sorted by code)."""

    def file(self, path: str, findings: Sequence[Finding], text: str | None = None) -> None:
        """Called once per linted file with its sorted findings and the text they were found in.

        ``text`` is the file's text as linted (after ``--fix``, the fixed text); it is
        None when the caller has none to give.
        """

    def error(self, path: str, message: str) -> None:
        """Called for a file that could not be read or linted, with a one-line reason."""

    def finish(self) -> None:
        """Called once after the last file."""


_VAR_KEYWORDS = 0x08  # inspect.CO_VARKEYWORDS


@cache
def _accepted(function: Callable[..., Any]) -> tuple[frozenset[str], bool]:
    """Return the keyword names ``function`` takes, and whether it takes ``**kwargs``."""
    code = getattr(function, "__code__", None)
    if code is not None:  # a plain function: read its code object (importing inspect costs ~5 ms)
        count = code.co_argcount + code.co_kwonlyargcount
        return frozenset(code.co_varnames[code.co_posonlyargcount : count]), bool(code.co_flags & _VAR_KEYWORDS)
    import inspect

    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):  # no signature to read: offer it nothing extra
        return frozenset(), False
    names = frozenset(p.name for p in parameters if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY))
    return names, any(p.kind is p.VAR_KEYWORD for p in parameters)


def wants_text(formatter: object) -> bool:
    """Return whether ``formatter``'s ``file`` step takes each file's text and reads it."""
    method = getattr(formatter, "file", None)
    if method is None or not getattr(formatter, "uses_text", True):
        return False
    names, everything = _accepted(getattr(method, "__func__", method))
    return everything or "text" in names


def call(method: Callable[..., Any] | None, *args: Any, **optional: Any) -> Any:
    """Call a formatter's ``method`` with ``args`` and those ``optional`` keywords it accepts.

    A missing method (a formatter that is not a ``Formatter`` subclass and lacks a step)
    is skipped.
    """
    if method is None:
        return None
    function = getattr(method, "__func__", method)
    names, everything = _accepted(function)
    return method(*args, **(optional if everything else {k: v for k, v in optional.items() if k in names}))


def write_json_around(stream: TextIO, document: str, closing: str, items: Spool) -> None:
    """Write a JSON ``document`` whose last array is filled from ``items``, then a line break.

    ``document`` is ``json.dumps`` of the whole with that array empty, and ``closing``
    what it ends with after the array (``"}]}"`` for a SARIF log's results); each part
    of ``items`` is one or more of the array's elements as ``json.dumps`` writes them,
    joined with ``", "``. The output is what ``json.dumps`` of the whole would be, without
    holding the array in memory.
    """
    if not document.endswith("[]" + closing):
        raise ValueError(f"the document does not end with an empty array and {closing!r}")
    stream.write(document[: len(document) - len(closing) - 1])
    items.write_joined(stream, ", ")
    stream.write("]" + closing + "\n")
