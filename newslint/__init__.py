"""newslint: an editorial linter for news copy.

Programs lint through ``Linter``; plugin authors import what they need from here:
``rule``, ``hookimpl``, ``Violation``, ``Fix``, ``Document``, ``InputFormat``. They are
loaded on first access, so ``import newslint`` stays cheap.
"""

from __future__ import annotations

# Not typing.TYPE_CHECKING: importing typing (with re) would be most of the cost of a run
# handed to the daemon (newslint.entry). Type checkers treat this name the same way.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "rule": "newslint.rule",
    "Rule": "newslint.rule",
    "hookimpl": "newslint.hookspecs",
    "Violation": "newslint.finding",
    "Fix": "newslint.finding",
    "Severity": "newslint.finding",
    "Document": "newslint.document",
    "Linter": "newslint.linter",
    "FileResult": "newslint.linter",
    "Finding": "newslint.finding",
    "InputFormat": "newslint.formats",
    "NewslintError": "newslint.errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    """Import an exported name from its module on first access."""
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'newslint' has no attribute {name!r}")
