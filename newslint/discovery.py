"""Which files a run lints: articles under the given paths, minus hidden and excluded ones."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from newslint.source import ARTICLE_SUFFIXES

STDIN = "-"


EXCLUDED = "excluded by the configuration (exclude); not linted"


@dataclass(frozen=True)
class Target:
    """A file to lint, a path that could not be expanded (``error``), or one left out (``notice``).

    An error makes the run exit 2; a notice is only said (on stderr), as when a file the
    command line names is excluded by the configuration.
    """

    path: str
    error: str | None = None
    notice: str | None = None


def _walk(
    directory: str, excluded: Callable[[str], bool], suffixes: tuple[str, ...], left_out: list[str]
) -> Iterator[Target]:
    # A directory that cannot be listed is reported, not silently left out of the run.
    errors: list[OSError] = []
    for root, dirs, files in os.walk(directory, onerror=errors.append):
        yield from _errors(errors)
        # Hidden directories (.git, .venv, .cache ...) never hold articles to lint.
        visible = sorted(d for d in dirs if not d.startswith("."))
        dirs[:] = [d for d in visible if not excluded(os.path.join(root, d))]
        left_out.extend(os.path.join(root, d) for d in visible if d not in dirs)
        for name in sorted(files):
            if name.lower().endswith(suffixes) and not name.startswith("."):
                path = os.path.join(root, name)
                if not excluded(path):
                    yield Target(path)
                else:
                    left_out.append(path)
    yield from _errors(errors)


def _errors(errors: list[OSError]) -> Iterator[Target]:
    for error in errors:
        reason = "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error))
        yield Target(str(error.filename), f"cannot list this directory: {reason}")
    errors.clear()


def targets(
    paths: list[str], excluded: Callable[[str], bool], suffixes: tuple[str, ...] = ARTICLE_SUFFIXES
) -> Iterator[Target]:
    """Expand command-line paths into files with one of ``suffixes``, in order, with errors for bad paths.

    Each file comes once, at its first mention, however often it is named or found
    (``a.txt``, ``./a.txt``, and again inside a directory named after it). One path
    cannot name a file twice (a directory's walk finds each of its files once): then no
    set of the files seen is kept, which would grow with every file of an archive.
    """
    seen: set[str] = set()
    single = len(paths) == 1

    def first(target: Target) -> bool:
        if single or target.error or target.notice:
            return True
        key = target.path if target.path == STDIN else os.path.normpath(os.path.abspath(target.path))
        if key in seen:
            return False
        seen.add(key)
        return True

    for path in paths:
        found: list[Target] = []
        if path == STDIN:
            found = [Target(STDIN)]
        elif excluded(path):
            found = [Target(path, notice=EXCLUDED)]
        elif os.path.isdir(path):
            left_out: list[str] = []
            empty = True
            for target in _walk(path, excluded, suffixes, left_out):
                empty = False
                if first(target):
                    yield target
            if empty and left_out:
                yield Target(path, notice="every article in it is excluded by the configuration (exclude); none linted")
            elif empty:
                yield Target(path, f"no articles ({', '.join(suffixes)}) found in this directory")
        else:
            # Missing and unreadable files are reported when read, with the reason.
            found = [Target(path)]
        yield from (target for target in found if first(target))
