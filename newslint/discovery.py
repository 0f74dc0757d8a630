"""Which files a run lints: articles under the given paths, minus hidden and excluded ones."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable, Iterator

from newslint.source import ARTICLE_SUFFIXES

STDIN = "-"


@dataclass(frozen=True)
class Target:
    """A file to lint, or a path that could not be expanded (``error`` set)."""

    path: str
    error: str | None = None


def _walk(directory: str, excluded: Callable[[str], bool], suffixes: tuple[str, ...]) -> Iterator[Target]:
    # A directory that cannot be listed is reported, not silently left out of the run.
    errors: list[OSError] = []
    for root, dirs, files in os.walk(directory, onerror=errors.append):
        yield from _errors(errors)
        # Hidden directories (.git, .venv, .cache ...) never hold articles to lint.
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(os.path.join(root, d)))
        for name in sorted(files):
            if name.lower().endswith(suffixes) and not name.startswith("."):
                path = os.path.join(root, name)
                if not excluded(path):
                    yield Target(path)
    yield from _errors(errors)


def _errors(errors: list[OSError]) -> Iterator[Target]:
    for error in errors:
        reason = "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error))
        yield Target(str(error.filename), f"cannot list this directory: {reason}")
    errors.clear()


def targets(
    paths: list[str], excluded: Callable[[str], bool], suffixes: tuple[str, ...] = ARTICLE_SUFFIXES
) -> Iterator[Target]:
    """Expand command-line paths into files with one of ``suffixes``, in order, with errors for bad paths."""
    for path in paths:
        if path == STDIN:
            yield Target(STDIN)
        elif os.path.isdir(path):
            found = False
            for target in _walk(path, excluded, suffixes):
                found = True
                yield target
            if not found:
                yield Target(path, f"no articles ({', '.join(suffixes)}) found in this directory")
        elif not excluded(path):
            # Missing and unreadable files are reported when read, with the reason.
            yield Target(path)
