"""The plugin manager: built-in plugins by module name, third-party ones by entry point.

Loading goes in three steps, each a small value: register the built-ins, load the
``newslint`` entry points, then collect and validate every rule into a ``Registry``.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pluggy

from newslint import hookspecs
from newslint.errors import PluginError
from newslint.rule import CODE_PATTERN, NAME_PATTERN, Registry, Rule

if TYPE_CHECKING:
    from newslint.formats import FormatTable
    from newslint.formatters.base import Formatter

ENTRY_POINT_GROUP = "newslint"

# The built-ins are registered from this tuple, so a checkout that is not installed
# still has them; only third-party plugins come from entry points.
BUILTIN_PLUGINS: tuple[str, ...] = (
    "newslint.rules.core",
    "newslint.rules.unbalanced_quote",
    "newslint.rules.dangling_punctuation",
    "newslint.rules.unbalanced_bracket",
    "newslint.rules.punctuation_spacing",
    "newslint.rules.apostrophe_plural",
    "newslint.rules.missing_space",
    "newslint.rules.joined_words",
    "newslint.rules.quote_style",
    "newslint.rules.repeated_word",
    "newslint.rules.placeholder",
    "newslint.rules.repeated_phrase",
    "newslint.rules.duplicate_paragraph",
    "newslint.rules.double_space",
    "newslint.rules.title_mismatch",
    "newslint.rules.name_variant",
    "newslint.rules.readability",
    "newslint.rules.long_sentence",
    "newslint.rules.long_paragraph",
    "newslint.rules.tense",
    "newslint.rules.spelling_variant",
    "newslint.rules.grammar",
    "newslint.formatters",
)


def _register_builtins(manager: pluggy.PluginManager) -> None:
    for name in BUILTIN_PLUGINS:
        try:
            module = importlib.import_module(name)
        except Exception as exc:  # a broken rule module: one line naming it, not a traceback
            raise PluginError(f"built-in plugin {name} failed to load: {type(exc).__name__}: {exc}") from exc
        manager.register(_hooks_of(module), name=name)


def _hooks_of(module: types.ModuleType) -> types.ModuleType:
    """Return a module holding only ``module``'s hook implementations, for pluggy to register.

    pluggy inspects every attribute of what it registers for hook markers; a rule module's
    attributes are mostly its imports and patterns (dozens each, ~900 for the built-ins),
    and only the marked functions matter. The functions are the module's own: a rule's
    ``plugin`` name and every error still name the module.
    """
    marker = f"{ENTRY_POINT_GROUP}_impl"  # what HookimplMarker("newslint") sets on a function
    hooks = types.ModuleType(module.__name__, module.__doc__)
    for attribute, value in vars(module).items():
        if callable(value) and getattr(value, marker, None) is not None:
            setattr(hooks, attribute, value)
    return hooks


def _may_declare_entry_points(group: str) -> bool:
    """Return False only when no distribution importlib.metadata would find declares ``group``.

    This walks what ``importlib.metadata.distributions()`` walks (each ``sys.path`` folder's
    ``*.dist-info`` and ``*.egg-info``, and an ``.egg``'s ``EGG-INFO``) and reads each
    ``entry_points.txt`` for a ``[group]`` header, as importlib.metadata parses it.
    Importing importlib.metadata (email, zipfile, csv...) and reading every distribution's
    metadata costs a fifth of a short file's run; when this finds the header, or meets
    anything it does not read the same way (a zip file on the path, another distribution
    finder, an unreadable file), pluggy loads the entry points as usual.
    """
    from importlib.machinery import PathFinder

    if any(hasattr(finder, "find_distributions") and finder is not PathFinder for finder in sys.meta_path):
        return True
    for root in sys.path:
        if not isinstance(root, str):
            return True
        base = root or "."
        try:
            names = os.listdir(base)
        except OSError:
            if os.path.isfile(base):
                return True  # a zip file: importlib.metadata reads its members
            continue
        is_egg = os.path.basename(root).lower().endswith(".egg")
        for name in names:
            low = name.lower()
            if not (low.endswith((".dist-info", ".egg-info")) or (is_egg and low == "egg-info")):
                continue
            try:
                with open(os.path.join(base, name, "entry_points.txt"), encoding="utf-8") as stream:
                    text = stream.read()
            except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
                continue  # importlib.metadata reads these as no entry points
            except Exception:
                return True
            for line in text.splitlines():
                value = line.strip()
                if value.startswith("[") and value.endswith("]") and value.strip("[]").strip() == group:
                    return True
    return False


def _load_entry_points(manager: pluggy.PluginManager) -> None:
    if not _may_declare_entry_points(ENTRY_POINT_GROUP):
        return
    try:
        manager.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    except Exception as exc:  # a third-party plugin's import error is its own bug
        raise PluginError(
            f"a plugin in entry-point group {ENTRY_POINT_GROUP!r} failed to load: {type(exc).__name__}: {exc}"
        ) from exc


def _validate(rules: list[Rule]) -> tuple[Rule, ...]:
    seen: dict[str, Rule] = {}
    for rule in rules:
        if not CODE_PATTERN.fullmatch(rule.code):
            raise PluginError(f"rule {rule.name!r} from {rule.plugin}: code {rule.code!r} is not like NL123")
        if not NAME_PATTERN.fullmatch(rule.name):
            raise PluginError(f"rule {rule.code} from {rule.plugin}: name {rule.name!r} is not kebab-case")
        for key in (rule.code, rule.name):
            if key in seen:
                raise PluginError(f"{key!r} is declared by both {seen[key].plugin} and {rule.plugin}")
            seen[key] = rule
    return tuple(sorted(rules, key=lambda r: r.code))


def plugin_manager(*, entry_points: bool = True, extra: Sequence[object] = ()) -> pluggy.PluginManager:
    """Build the plugin manager: the built-ins, ``extra`` plugin objects, then entry points."""
    manager = pluggy.PluginManager("newslint")
    manager.add_hookspecs(hookspecs)
    _register_builtins(manager)
    for plugin in extra:
        manager.register(plugin)
    if entry_points:
        _load_entry_points(manager)
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(str(exc)) from exc
    return manager


def registry(manager: pluggy.PluginManager) -> Registry:
    """Collect and validate the rules of every registered plugin."""
    rules = [rule for batch in manager.hook.newslint_rules() for rule in batch]
    return Registry(_validate(rules))


def formatters(manager: pluggy.PluginManager) -> dict[str, type[Formatter]]:
    """Collect the output formats of every registered plugin."""
    found: dict[str, type[Formatter]] = {}
    for batch in manager.hook.newslint_formatters():
        for name, formatter in batch.items():
            if name in found:
                raise PluginError(f"output format {name!r} is declared twice")
            found[name] = formatter
    return found


def input_formats(manager: pluggy.PluginManager) -> FormatTable:
    """Return the built-in input formats plus every plugin's."""
    from newslint.formats import FormatTable

    return FormatTable.build(item for batch in manager.hook.newslint_formats() for item in batch)
