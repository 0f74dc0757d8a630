"""Finding the configuration that applies to each file: the nearest one above it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from newslint.config.loading import load, load_pyproject, load_yaml
from newslint.config.model import CONFIG_NAMES, Config
from newslint.rule import Registry


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
        directory = start if start.is_dir() else start.parent
        return self._for_directory(directory)

    def _for_directory(self, directory: Path) -> Config:
        if directory in self._cache:
            return self._cache[directory]
        config = None
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                config = load_yaml(candidate, self.registry)
                break
        if config is None and (directory / "pyproject.toml").is_file():
            config = load_pyproject(directory / "pyproject.toml", self.registry)
        if config is not None:
            config = self._adjust(config)
        elif directory.parent == directory:
            config = self._adjust(Config(root=Path.cwd()))
        else:
            config = self._for_directory(directory.parent)
        self._cache[directory] = config
        return config
