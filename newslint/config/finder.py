"""Finding the configuration that applies to each file: the nearest one above it."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from newslint.config.loading import load, load_pyproject, load_yaml
from newslint.config.model import CONFIG_NAMES, Config
from newslint.errors import ConfigError
from newslint.rule import Registry


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


class Finder:
    """Finds, loads and caches the nearest configuration for each directory."""

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
        self._explicit = self._adjust(load(explicit, registry)) if explicit else None
        self._cache: dict[Path, Config] = {}

    def for_path(self, path: str) -> Config:
        """Return the configuration that applies to a file (or a directory's files)."""
        if self._explicit is not None:
            return self._explicit
        start = Path(os.path.abspath(path))
        directory = start if _is(start, "dir") else start.parent
        return self._for_directory(directory)

    def _for_directory(self, directory: Path) -> Config:
        if directory in self._cache:
            return self._cache[directory]
        config = None
        for name in CONFIG_NAMES:
            candidate = directory / name
            if _is(candidate, "file"):
                config = load_yaml(candidate, self.registry)
                break
        if config is None and _is(directory / "pyproject.toml", "file"):
            config = load_pyproject(directory / "pyproject.toml", self.registry)
        vale = None if config is not None and config.house is not None else vale_ini_in(directory)
        if config is not None:
            config = self._adjust(config)
        elif directory.parent == directory:
            config = self._adjust(Config(root=Path.cwd()))
        else:
            config = self._for_directory(directory.parent)
        if vale is not None:
            # A .vale.ini where no newslint configuration names styles: lint as Vale would.
            config = replace(config, house=_vale_house(vale))
        self._cache[directory] = config
        return config


def _is(path: Path, kind: str) -> bool:
    """Return ``path.is_dir()`` or ``path.is_file()``, False where it cannot be looked at.

    A directory that may not be searched hides its files from the run too: reading them
    reports "permission denied" for each, so the search must not end the run first.
    """
    try:
        return path.is_dir() if kind == "dir" else path.is_file()
    except OSError:
        return False
