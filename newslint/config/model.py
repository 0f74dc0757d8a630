"""The configuration as a value: what one ``.newslint.yaml`` or ``[tool.newslint]`` says."""

from __future__ import annotations

import datetime as _dt
import fnmatch
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from newslint.finding import Severity
from newslint.rule import ActiveRule, Registry, Rule
from newslint.selection import is_selected
from newslint.source import DEFAULT_MAX_BYTES

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")
TOP_KEYS = (
    "select",
    "ignore",
    "fail-on",
    "exclude",
    "date",
    "max-file-size",
    "cache",
    "rules",
    "overrides",
    "styles",
    "vocab",
)  # house styles (newslint/styles)
OVERRIDE_KEYS = ("files", "select", "ignore", "rules")
RULE_KEYS = ("severity", "enabled")
SEVERITIES = tuple(s.value for s in Severity)


@dataclass(frozen=True)
class RuleSettings:
    """What a configuration says about one rule."""

    severity: Severity | None = None
    enabled: bool | None = None
    options: Mapping[str, Any] = field(default_factory=dict)

    def over(self, base: RuleSettings) -> RuleSettings:
        """Return these settings merged over ``base``, option by option."""
        return RuleSettings(
            self.severity or base.severity,
            base.enabled if self.enabled is None else self.enabled,
            {**base.options, **self.options},
        )


@dataclass(frozen=True)
class Override:
    """Settings that apply to the files matching some globs."""

    files: tuple[str, ...]
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    """One configuration, already validated; ``root`` anchors its globs."""

    root: Path = field(default_factory=Path.cwd)
    source: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    exclude: tuple[str, ...] = ()
    date: _dt.date | None = None
    max_file_size: int = DEFAULT_MAX_BYTES
    cache: bool = True
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    # House styles (newslint.styles.house.HouseStyles): Vale rule files and vocabularies.
    house: Any = field(default=None, compare=False)

    def _relative(self, path: str) -> str | None:
        # Compare like with like: both as written (a symlinked directory stays as named),
        # then both resolved; mixing them missed every glob under a symlinked path.
        target = Path(os.path.abspath(path))
        for root, candidate in ((Path(os.path.abspath(self.root)), target), (self.root.resolve(), target.resolve())):
            try:
                return PurePosixPath(candidate.relative_to(root)).as_posix()
            except ValueError:
                continue
        return None

    def matches(self, globs: Sequence[str], path: str) -> bool:
        """Return whether ``path`` matches any of ``globs`` (relative to the root)."""
        relative = self._relative(path)
        if relative is None:
            return False
        parts = relative.split("/")
        for glob in globs:
            pattern = glob.rstrip("/")
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(relative, pattern + "/*"):
                return True
            if "/" not in pattern and any(fnmatch.fnmatch(part, pattern) for part in parts):
                return True
            if pattern.endswith("/**") and relative.startswith(pattern[:-3] + "/"):
                return True
            if pattern.startswith("**/") and self.matches([pattern[3:]], path):
                return True
        return False

    def is_excluded(self, path: str) -> bool:
        """Return whether the ``exclude`` globs leave ``path`` out."""
        return bool(self.exclude) and self.matches(self.exclude, path)

    def house_for(self, path: str) -> Any:
        """Return the house style (``newslint.styles.rules.HouseStyle``) for ``path``, or None."""
        return None if self.house is None else self.house.for_path(path)

    def active_rules(
        self, registry: Registry, path: str, select: Sequence[str] | None = None, ignore: Sequence[str] = ()
    ) -> list[ActiveRule]:
        """Return the rules that run on ``path``, with severities and merged options.

        ``select`` and ``ignore`` from the command line replace the configuration's
        ``select`` and extend its ``ignore``. House-style rules come after the registry's.
        Worked out afresh on each call: ``newslint.config.finder.Applied`` remembers it.
        """
        matching = tuple(i for i, override in enumerate(self.overrides) if self.matches(override.files, path))
        house = self.house_for(path)
        extra = house.rules if house is not None else ()
        chosen = self._active_rules(registry, matching, select, ignore, extra)
        if house is not None:  # a thousand style rules run as one batch, not one call each
            chosen = house.grouped(chosen)
        return chosen

    def _active_rules(
        self,
        registry: Registry,
        matching: tuple[int, ...],
        select: Sequence[str] | None,
        ignore: Sequence[str],
        extra: Sequence[Rule] = (),
    ) -> list[ActiveRule]:
        chosen_select = self.select
        chosen_ignore = [*self.ignore]
        rules = dict(self.rules)
        for override in (self.overrides[i] for i in matching):
            if override.select is not None:
                chosen_select = override.select
            chosen_ignore.extend(override.ignore)
            for name, settings in override.rules.items():
                rules[name] = settings.over(rules.get(name, RuleSettings()))
        if select is not None:
            chosen_select = tuple(select)
        chosen_ignore.extend(ignore)

        active = []
        for rule in (*registry.rules, *extra):
            settings = rules.get(rule.name, RuleSettings())
            # `enabled: false` turns a rule off; any other entry counts as configuring it,
            # which is what switches on an opt-in rule such as grammar.
            configured = rule.name in rules and settings.enabled is not False
            selected = settings.enabled is not False and is_selected(rule, chosen_select, chosen_ignore, configured)
            if selected:
                severity = settings.severity or rule.severity
                active.append(ActiveRule(rule, severity, {**rule.options, **settings.options}))
        return active


def with_cli(config: Config, *, fail_on: str | None, date: _dt.date | None) -> Config:
    """Return ``config`` with command-line values that replace its own."""
    changes: dict[str, Any] = {}
    if fail_on is not None:
        changes["fail_on"] = Severity(fail_on)
    if date is not None:
        changes["date"] = date
    return replace(config, **changes) if changes else config
