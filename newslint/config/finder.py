"""Finding the configuration that applies to each file: the nearest one above it."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from newslint.config.loading import load, load_pyproject, load_yaml
from newslint.config.model import CONFIG_NAMES, Config
from newslint.errors import ConfigError
from newslint.rule import ActiveRule, Registry

# Bounds on the memos: a language server or an archive run asks for ever new paths. A
# folder's configuration is kept for many folders; a file's (which spares a stat of the
# path each time one file is asked about again) for the few files in hand at a time, so
# that a run over a million files holds no entry for each.
_MEMO_SIZE = 100_000
_FILES_MEMO_SIZE = 1024


def vale_ini_in(directory: Path) -> Path | None:
    """Return the folder's ``.vale.ini``, if it has one."""
    candidate = directory / ".vale.ini"
    return candidate if _is(candidate, "file") else None


def _vale_house(path: Path) -> object:
    from newslint.styles.errors import StyleError
    from newslint.styles.house import HouseStyles

    try:
        return HouseStyles.from_vale_ini(path)
    except StyleError as exc:
        raise ConfigError(str(exc)) from None


class Applied:
    """One configuration as it applies to the files under it, with their rule selections.

    Every path the configuration governs shares this object, so what is worked out for
    one file (which rules run, with which options) is there for the next.
    """

    def __init__(self, config: Config) -> None:
        self.config = config
        # Which rules run, by what decides it: the overrides that match the path, the
        # command line, the house style. Every file of a folder usually gets one answer.
        self._active: dict[tuple[Any, ...], tuple[ActiveRule, ...]] = {}

    def active_rules(
        self, registry: Registry, path: str, select: Sequence[str] | None = None, ignore: Sequence[str] = ()
    ) -> list[ActiveRule]:
        """Return ``Config.active_rules`` for ``path``, worked out once per distinct answer."""
        return list(self.active(registry, path, select, ignore))

    def active(
        self, registry: Registry, path: str, select: Sequence[str] | None = None, ignore: Sequence[str] = ()
    ) -> tuple[ActiveRule, ...]:
        """Return ``active_rules`` as the one tuple kept for its answer: files with the same rules share it."""
        config = self.config
        matching = tuple(i for i, override in enumerate(config.overrides) if config.matches(override.files, path))
        house = config.house_for(path)
        key = (id(registry), matching, None if select is None else tuple(select), tuple(ignore), id(house))
        found = self._active.get(key)
        if found is None:
            found = self._active[key] = tuple(config.active_rules(registry, path, select, ignore))
        return found


class Finder:
    """Finds and loads the nearest configuration for each path, and remembers it.

    The one memo of configuration: every path asked for (as written) and every absolute
    folder looked at maps to the ``Applied`` configuration that governs it, so asking
    again for a file, or for a new file of a folder already seen, is a dictionary hit
    and a ``stat``. A new ``Finder`` (a language server's reload) starts afresh.
    """

    def __init__(
        self,
        registry: Registry,
        explicit: Path | None = None,
        adjust: Callable[[Config], Config] | None = None,
    ) -> None:
        self.registry = registry
        # ``adjust`` puts the command line's values over each configuration, once per
        # configuration loaded, so every file under it shares one object (and its caches).
        self._adjust = adjust or (lambda config: config)
        self._explicit = Applied(self._adjust(load(explicit, registry))) if explicit else None
        self._memo: dict[str, Applied] = {}  # folder -> its configuration
        self._files: dict[str, Applied] = {}  # a recent file or folder as asked about -> its configuration
        self._lock = threading.Lock()

    def for_path(self, path: str) -> Config:
        """Return the configuration that applies to a file (or a directory's files)."""
        return self.applied(path).config

    def applied(self, path: str) -> Applied:
        """Return the configuration that applies to ``path``, with its rule selections."""
        if self._explicit is not None:
            return self._explicit
        found = self._files.get(path)
        if found is None:
            # A new file of a folder already seen costs a stat and a lookup of the folder
            # as written; only a new folder is made absolute and searched upwards.
            directory = path if os.path.isdir(path) else os.path.dirname(path) or os.curdir
            with self._lock:
                if len(self._memo) >= _MEMO_SIZE:
                    self._memo.clear()
                if len(self._files) >= _FILES_MEMO_SIZE:
                    self._files.clear()
                found = self._memo.get(directory)
                if found is None:
                    found = self._memo[directory] = self._for_directory(os.path.abspath(directory))
                self._files[path] = found
        return found

    def _for_directory(self, directory: str) -> Applied:
        found = self._memo.get(directory)
        if found is not None:
            return found
        config = None
        for name in CONFIG_NAMES:
            candidate = Path(directory, name)
            if _is(candidate, "file"):
                config = load_yaml(candidate, self.registry)
                break
        if config is None and _is(Path(directory, "pyproject.toml"), "file"):
            config = load_pyproject(Path(directory, "pyproject.toml"), self.registry)
        vale = None if config is not None and config.house is not None else vale_ini_in(Path(directory))
        parent = os.path.dirname(directory)
        if config is not None:
            found = Applied(self._adjust(config))
        elif parent == directory:
            found = Applied(self._adjust(Config(root=Path.cwd())))
        else:
            found = self._for_directory(parent)
        if vale is not None:
            # A .vale.ini where no newslint configuration names styles: lint as Vale would.
            found = Applied(replace(found.config, house=_vale_house(vale)))
        self._memo[directory] = found
        return found


def _is(path: Path, kind: str) -> bool:
    """Return ``path.is_dir()`` or ``path.is_file()``, False where it cannot be looked at.

    A directory that may not be searched hides its files from the run too: reading them
    reports "permission denied" for each, so the search must not end the run first.
    """
    try:
        return path.is_dir() if kind == "dir" else path.is_file()
    except OSError:
        return False
