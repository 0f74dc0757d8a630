"""The rule type and the ``@rule`` decorator that built-in and plugin rules use."""

from __future__ import annotations

import inspect
import sys
import types
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from newslint import patterns
from newslint.finding import Severity, Violation
from newslint.options import Option, specs_of

if TYPE_CHECKING:
    from newslint.document import Document

CODE_PATTERN = patterns.compile(r"[A-Z]{1,4}[0-9]{3}")
NAME_PATTERN = patterns.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
# House-style rules (newslint/styles) keep Vale's names: code Style.Rule from the style's
# folder and the rule file, name the file's stem. Plugin rules must still match CODE_PATTERN.
STYLE_CODE_PATTERN = patterns.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*\.[A-Za-z0-9_][A-Za-z0-9_-]*")
DOC_SECTIONS = ("What it does", "Why it matters", "Example", "Use instead", "Options")

Check = Callable[["Document", Mapping[str, Any]], Iterable[Violation]]


@dataclass(frozen=True)
class Rule:
    """A check with its identity: code, kebab-case name, default severity and options."""

    code: str
    name: str
    severity: Severity
    summary: str
    check: Check = field(compare=False)
    options: Mapping[str, Any] = field(default_factory=dict, compare=False)
    choices: Mapping[str, tuple[Any, ...]] = field(default_factory=dict, compare=False)
    default: bool = True
    plugin: str = ""
    specs: Mapping[str, Option] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        # ``options`` may hold ``Option`` values: the rule reads defaults, the configuration specs.
        specs = specs_of(dict(self.options), dict(self.choices))
        object.__setattr__(self, "specs", specs)
        object.__setattr__(self, "options", {name: spec.default for name, spec in specs.items()})

    @property
    def doc(self) -> str:
        """Return the rule's documentation: its check function's docstring."""
        return inspect.getdoc(self.check) or self.summary

    def __call__(self, document: Document, options: Mapping[str, Any] | None = None) -> list[Violation]:
        """Run the check on a document with the given options over the defaults."""
        merged = {**self.options, **(options or {})}
        return list(self.check(document, merged))


@dataclass(frozen=True)
class ActiveRule:
    """A rule as configured for one file: its severity and merged options."""

    rule: Rule
    severity: Severity
    options: Mapping[str, Any]


@dataclass(frozen=True)
class Registry:
    """Every rule known to a run, by code and by name."""

    rules: tuple[Rule, ...]

    @cached_property
    def by_key(self) -> dict[str, Rule]:
        """Return a map from code and from name to each rule."""
        keys: dict[str, Rule] = {}
        for item in self.rules:
            keys[item.code] = item
            keys[item.name] = item
        return keys

    def get(self, key: str) -> Rule | None:
        """Return the rule with this code or name (codes are case-insensitive)."""
        return self.by_key.get(key) or self.by_key.get(key.upper())


def rule(
    code: str,
    name: str,
    *,
    summary: str,
    severity: str = "warning",
    options: Mapping[str, Any] | None = None,
    choices: Mapping[str, tuple[Any, ...]] | None = None,
    default: bool = True,
) -> Callable[[Check], Rule]:
    """Declare a check function as a rule.

    ``options`` maps each option name to its default, or to an ``Option`` with its kind,
    range and allowed values; ``choices`` (older form) gives allowed values by name.
    """

    def decorate(check: Check) -> Rule:
        return Rule(
            code=code,
            name=name,
            severity=Severity(severity),
            summary=summary,
            check=check,
            options=dict(options or {}),
            choices=dict(choices or {}),
            default=default,
            plugin=check.__module__,
        )

    return decorate


class _CallableModule(types.ModuleType):
    """This module, callable as the ``rule`` decorator.

    ``from newslint import rule`` is the plugin API, but once ``newslint.rule`` has been
    imported (always, in a run) the package attribute ``rule`` is this submodule, not the
    decorator: the import system sets it. Calling the module calls the decorator.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Callable[[Check], Rule]:
        return rule(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
