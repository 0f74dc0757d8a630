"""Which house styles apply to which files: from ``.newslint.yaml`` or from a ``.vale.ini``.

``.newslint.yaml`` names style folders and vocabularies for every file under it::

    styles: [styles/House]      # folders of rule files, relative to the configuration file
    vocab: [News]               # a vocabulary folder, or a name looked up beside the styles
                                # (<parent>/config/vocabularies/News or <parent>/Vocab/News)

A folder whose ``.vale.ini`` is not overruled by a newslint configuration that names
styles is linted as Vale would: ``StylesPath``, ``Vocab``, ``MinAlertLevel`` and the
``[glob]`` sections' ``BasedOnStyles`` and ``Style.Rule = NO | suggestion | warning |
error`` settings. ``Vale`` in ``BasedOnStyles`` switches on ``Vale.Terms`` and
``Vale.Avoid`` for the vocabularies; Vale's spelling and repetition rules are not
provided (newslint's ``spelling-variant`` and ``repeated-word`` do that work).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from newslint.rule import Rule
from newslint.styles.errors import StyleError, is_folder
from newslint.styles.load import LEVELS, StyleRule, ValeConfig, load_style, load_vale_ini, setting_allows, vocab_rules
from newslint.styles.rules import HouseStyle, build
from newslint.styles.vocab import Vocab, load_vocab, merged, vocab_folder


def _find_vocab(entry: str, base: Path, styles: Sequence[Path]) -> Path:
    candidate = base / entry
    if is_folder(candidate):
        return candidate
    for style in styles:
        found = vocab_folder(style.parent, entry)
        if found is not None:
            return found
    raise StyleError(
        str(candidate),
        f"vocabulary {entry!r} not found (a folder, or config/vocabularies/{entry} beside a style folder)",
    )


@dataclass
class HouseStyles:
    """The house styles of one configuration, built once per set of styles that applies."""

    base: Path
    styles: tuple[Path, ...] = ()
    vocab_folders: tuple[Path, ...] = ()
    vale: ValeConfig | None = None
    _loaded: dict[tuple[Path, tuple[str, ...]], list[StyleRule]] = field(default_factory=dict, repr=False)
    _houses: dict[tuple[object, ...], HouseStyle] = field(default_factory=dict, repr=False)

    @classmethod
    def from_newslint(cls, styles: Sequence[str], vocab: Sequence[str], base: Path) -> HouseStyles:
        """Return the styles a ``.newslint.yaml`` names (paths relative to its folder); load them now."""
        folders = tuple(base / s for s in styles)
        vocabs = tuple(_find_vocab(v, base, folders) for v in vocab)
        house = cls(base, folders, vocabs)
        _ = house.all_rules  # load now: a mistake in a rule file stops the run before any linting
        return house

    @classmethod
    def from_vale_ini(cls, path: Path) -> HouseStyles:
        """Return the styles a ``.vale.ini`` configures; load every style it names now."""
        vale = load_vale_ini(path)
        vocabs = []
        for name in vale.vocab:
            folder = vocab_folder(vale.styles_path, name)
            if folder is None:
                raise StyleError(str(path), f"Vocab {name!r} not found under {vale.styles_path}")
            vocabs.append(folder)
        house = cls(path.parent, (), tuple(vocabs), vale)
        _ = house.all_rules  # load every style it names now, as above
        return house

    def vocab(self) -> Vocab:
        """Return the configured vocabularies as one."""
        return merged(load_vocab(folder) for folder in self.vocab_folders)

    def _style(self, folder: Path, accepted: tuple[str, ...]) -> list[StyleRule]:
        key = (folder, accepted)
        if key not in self._loaded:
            self._loaded[key] = load_style(folder, accepted)
        return self._loaded[key]

    def _vale_styles(self, names: Sequence[str]) -> tuple[list[Path], bool]:
        assert self.vale is not None
        folders, builtin = [], False
        for name in names:
            if name == "Vale":
                builtin = True
                continue
            folder = self.vale.styles_path / name
            if not is_folder(folder):
                raise StyleError(
                    self.vale.path, f"BasedOnStyles names {name!r}, which is not a folder of {self.vale.styles_path}"
                )
            folders.append(folder)
        return folders, builtin

    def house(self, folders: Sequence[Path], builtin: bool, settings: dict[str, str], min_level: str) -> HouseStyle:
        """Return (cached) the house style of these style folders and rule settings."""
        key = (tuple(folders), builtin, tuple(sorted(settings.items())), min_level)
        found = self._houses.get(key)
        if found is not None:
            return found
        vocab = self.vocab()
        rules: list[StyleRule] = []
        if builtin:
            rules.extend(vocab_rules(vocab.accept, vocab.reject))
        for folder in folders:
            rules.extend(self._style(folder, vocab.accept))
        kept = []
        floor = LEVELS.index(min_level)
        for style_rule in rules:
            definition = style_rule.definition
            runs, level = setting_allows(settings.get(definition.code), definition.level)
            if settings.get(definition.style, "").upper() == "NO" and definition.code not in settings:
                runs = False
            if runs and LEVELS.index(level) >= floor:
                if level != definition.level:
                    from dataclasses import replace

                    style_rule = StyleRule(replace(definition, level=level), style_rule.check)
                kept.append(style_rule)
        found = self._houses[key] = build(kept, vocab.accept)
        return found

    def for_path(self, path: str) -> HouseStyle:
        """Return the house style that applies to a file."""
        if self.vale is None:
            builtin = bool(self.vocab_folders)
            return self.house(self.styles, builtin, {}, "suggestion")
        relative = _relative(path, self.base)
        names, settings = self.vale.for_file(relative)
        folders, builtin = self._vale_styles(names)
        return self.house(folders, builtin, settings, self.vale.min_alert_level)

    @property
    def all_rules(self) -> tuple[Rule, ...]:
        """Return every style rule any file can get (for validating names and ``explain``)."""
        if self.vale is None:
            return self.for_path(str(self.base / "x")).rules
        names: list[str] = []
        for section in self.vale.sections:
            names.extend(n for n in section.based_on if n not in names)
        folders, builtin = self._vale_styles(names)
        return self.house(folders, builtin, {}, "suggestion").rules


def _relative(path: str, base: Path) -> str:
    target = os.path.abspath(path)
    try:
        return PurePosixPath(Path(target).relative_to(os.path.abspath(base))).as_posix()
    except ValueError:
        return PurePosixPath(Path(target).name).as_posix()
