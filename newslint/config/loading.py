"""Loading and validating configuration files, naming the file and line of each mistake."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from newslint.config.model import (
    OVERRIDE_KEYS,
    RULE_KEYS,
    SEVERITIES,
    TOP_KEYS,
    Config,
    Override,
    RuleSettings,
)
from newslint.dates import as_date
from newslint.errors import ConfigError
from newslint.finding import Severity
from newslint.rule import Registry, Rule
from newslint.selection import unknown_tokens
from newslint.yamlfile import yaml_lines


def _suggest(key: str, valid: Sequence[str]) -> str:
    import difflib  # only a mistake in a configuration file needs it

    close = difflib.get_close_matches(key, list(valid), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _Checker:
    """Validates raw configuration data, naming the file and line of each mistake."""

    def __init__(self, source: str, line_of: Callable[[tuple[Any, ...]], int], registry: Registry) -> None:
        self.source = source
        self.line_of = line_of
        self.registry = registry
        self.root: Path | None = None
        self.style_rules: tuple[Rule, ...] = ()  # house-style rules, which select/ignore may name

    def fail(self, path: tuple[Any, ...], message: str) -> ConfigError:
        return ConfigError(f"{self.source}:{self.line_of(path)}: {message}")

    def mapping(self, value: Any, path: tuple[Any, ...]) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            where = ".".join(map(str, path)) or "the configuration"
            raise self.fail(path, f"{where} must be a mapping of keys to values")
        return value

    def keys(self, value: Mapping[str, Any], valid: Sequence[str], path: tuple[Any, ...]) -> None:
        for key in value:
            if key not in valid:
                where = f" in {'.'.join(map(str, path))}" if path else ""
                raise self.fail((*path, key), f"unknown key {key!r}{where}{_suggest(str(key), valid)}")

    def strings(self, value: Any, path: tuple[Any, ...]) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(path, f"{path[-1]} must be a list of strings")
        return tuple(value)

    def rule_tokens(self, value: Any, path: tuple[Any, ...]) -> tuple[str, ...]:
        tokens = self.strings(value, path)
        known = (*self.registry.rules, *self.style_rules)
        for token in unknown_tokens(tokens, known):
            names = [r.name for r in known] + [r.code for r in known]
            raise self.fail(path, f"{path[-1]}: unknown rule {token!r}{_suggest(token, names)}")
        return tokens

    def severity(self, value: Any, path: tuple[Any, ...]) -> Severity:
        if value not in SEVERITIES:
            raise self.fail(path, f"{path[-1]} must be one of {', '.join(SEVERITIES)}, not {value!r}")
        return Severity(value)

    def option(self, rule: Rule, key: str, value: Any, path: tuple[Any, ...]) -> Any:
        try:
            return rule.specs[key].check(value, self.root)
        except ValueError as exc:
            raise self.fail(path, f"{rule.name}.{key} {exc}") from None

    def rules(self, value: Any, path: tuple[Any, ...]) -> dict[str, RuleSettings]:
        result: dict[str, RuleSettings] = {}
        for key, body in self.mapping(value, path).items():
            rule = self.registry.get(str(key))
            if rule is None:
                names = [r.name for r in self.registry.rules]
                raise self.fail((*path, key), f"unknown rule {key!r}{_suggest(str(key), names)}")
            body = {} if body is None else self.mapping(body, (*path, key))
            self.keys(body, (*RULE_KEYS, *rule.options), (*path, key))
            severity = self.severity(body["severity"], (*path, key, "severity")) if "severity" in body else None
            enabled = body.get("enabled")
            if enabled is not None and not isinstance(enabled, bool):
                raise self.fail((*path, key, "enabled"), f"{rule.name}.enabled must be true or false")
            options = {k: self.option(rule, k, v, (*path, key, k)) for k, v in body.items() if k not in RULE_KEYS}
            result[rule.name] = RuleSettings(severity, enabled, options)
        return result

    def config(self, data: Any, root: Path) -> Config:
        self.root = root  # paths in rule options are relative to the configuration file
        data = self.mapping({} if data is None else data, ())
        self.keys(data, TOP_KEYS, ())
        values: dict[str, Any] = {}
        if "styles" in data or "vocab" in data:
            values["house"] = self.house(data, root)
        if "select" in data:
            values["select"] = self.rule_tokens(data["select"], ("select",))
        if "ignore" in data:
            values["ignore"] = self.rule_tokens(data["ignore"], ("ignore",))
        if "fail-on" in data:
            values["fail_on"] = self.severity(data["fail-on"], ("fail-on",))
        if "exclude" in data:
            values["exclude"] = self.strings(data["exclude"], ("exclude",))
        if "date" in data:
            values["date"] = self.date(data["date"], ("date",))
        if "max-file-size" in data:
            size = data["max-file-size"]
            if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
                raise self.fail(("max-file-size",), "max-file-size must be a positive number of bytes")
            values["max_file_size"] = size
        if "cache" in data:
            if not isinstance(data["cache"], bool):
                raise self.fail(("cache",), f"cache must be true or false, not {data['cache']!r}")
            values["cache"] = data["cache"]
        if "rules" in data:
            values["rules"] = self.rules(data["rules"], ("rules",))
        if "overrides" in data:
            values["overrides"] = self.overrides(data["overrides"], ("overrides",))
        return Config(root=root, source=self.source, **values)

    def house(self, data: Mapping[str, Any], root: Path) -> Any:
        """Load the house styles and vocabularies (``styles:``, ``vocab:``) relative to ``root``."""
        from newslint.styles.errors import StyleError
        from newslint.styles.house import HouseStyles

        styles = self.strings(data.get("styles", []), ("styles",))
        vocab = self.strings(data.get("vocab", []), ("vocab",))
        try:
            house = HouseStyles.from_newslint(styles, vocab, root)
        except StyleError as exc:
            if exc.line is None:  # a folder that is not there: point at the configuration's line
                key = "vocab" if "vocabulary" in exc.problem else "styles"
                raise self.fail((key,), f"{key}: {exc}") from None
            raise ConfigError(str(exc)) from None
        self.style_rules = house.all_rules
        return house

    def date(self, value: Any, path: tuple[Any, ...]) -> _dt.date:
        found = as_date(value)
        if found is None:
            raise self.fail(path, f"date must be a date like 2025-06-19, not {value!r}")
        return found

    def overrides(self, value: Any, path: tuple[Any, ...]) -> tuple[Override, ...]:
        if not isinstance(value, list):
            raise self.fail(path, "overrides must be a list of mappings with 'files'")
        result = []
        for index, item in enumerate(value):
            where = (*path, index)
            item = self.mapping(item, where)
            self.keys(item, OVERRIDE_KEYS, where)
            if "files" not in item:
                raise self.fail(where, "each override needs 'files': a list of globs")
            result.append(
                Override(
                    files=self.strings(item["files"], (*where, "files")),
                    select=self.rule_tokens(item["select"], (*where, "select")) if "select" in item else None,
                    ignore=self.rule_tokens(item.get("ignore", []), (*where, "ignore")),
                    rules=self.rules(item.get("rules", {}), (*where, "rules")),
                )
            )
        return tuple(result)


def _line_finder(lines: Mapping[tuple[Any, ...], int], default: int) -> Callable[[tuple[Any, ...]], int]:
    def line_of(path: tuple[Any, ...]) -> int:
        while path:
            if path in lines:
                return lines[path]
            path = path[:-1]
        return default

    return line_of


def load_yaml(path: Path, registry: Registry) -> Config:
    """Load and validate a ``.newslint.yaml`` file."""
    import yaml

    from newslint import yamlfile

    source = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
        # An impossible date (2025-13-45) stays text, for the date check to report.
        node = yamlfile.compose(text)
        data = yamlfile.load(text)
    except OSError as exc:
        raise ConfigError(f"{source}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{source}: not valid UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{source}:{line}: invalid YAML: {problem}") from None
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        yaml_lines(node, (), lines)
    return _Checker(source, _line_finder(lines, 1), registry).config(data, path.parent)


def _toml_module() -> Any:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    return tomllib


def _pyproject_section(path: Path, whole: bool = False) -> tuple[str, Any] | None:
    """Return the text and the ``[tool.newslint]`` table (the whole document with ``whole``)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if not whole and "newslint" not in text:
        # A [tool.newslint] table names newslint in the text: a project's own pyproject.toml
        # that never does is none of newslint's business, and is not parsed (which would
        # cost an import of tomllib on every run inside a Python project).
        return None
    tomllib = _toml_module()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    section = data.get("tool", {}).get("newslint")
    if section is None and whole:
        section = data
    return None if section is None else (text, section)


def load_pyproject(path: Path, registry: Registry, whole: bool = False) -> Config | None:
    """Load ``[tool.newslint]`` from a ``pyproject.toml``, or None when it has none.

    With ``whole`` (a ``newslint.toml`` named by ``--config``), the file's top level is the
    configuration when it has no ``[tool.newslint]`` table.
    """
    found = _pyproject_section(path, whole)
    if found is None:
        return None
    text, section = found
    lines = text.splitlines()
    header = next((i for i, line in enumerate(lines) if line.strip().startswith("[tool.newslint")), 0)

    def line_of(keypath: tuple[Any, ...]) -> int:
        # tomllib keeps no positions: find the last key of the path after the section header.
        for key in reversed(keypath):
            if isinstance(key, str):
                pattern = re.compile(rf'^\s*(?:\[[^\]]*)?["\']?{re.escape(key)}["\']?\s*[=\].]')
                for number in range(header, len(lines)):
                    if pattern.search(lines[number]):
                        return number + 1
        return header + 1

    return _Checker(str(path), line_of, registry).config(section, path.parent)


def load(path: Path, registry: Registry) -> Config:
    """Load a configuration file named on the command line, by its extension.

    ``pyproject.toml``: its ``[tool.newslint]`` table; any other ``.toml`` file: that table
    or else the whole file; anything else (``.yaml``, ``.yml``) is YAML.
    """
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    if path.suffix.lower() == ".toml":
        whole = path.name != "pyproject.toml"
        return load_pyproject(path, registry, whole) or Config(root=path.parent, source=str(path))
    return load_yaml(path, registry)
