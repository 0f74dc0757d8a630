"""Configuration: ``.newslint.yaml`` or ``[tool.newslint]``, merged over the defaults.

The nearest configuration file above each linted file applies to it. Every key and
value is checked against the known keys and the rules' own options; a mistake stops
the run with ``path:line: message``, suggesting the closest valid key.

    select: [NL1, missing-space]   # codes, code prefixes or names; default: all default rules
    ignore: [double-space]
    fail-on: warning               # lowest severity that makes the exit status 1
    exclude: ["drafts/old/**"]     # globs, relative to the configuration file
    date: 2005-01-01               # article date when front matter has none
    max-file-size: 10000000        # bytes; larger files are not linted
    rules:
      long-sentence: {severity: info, max-words: 35}
    overrides:
      - files: ["opinion/**"]
        ignore: [long-paragraph]
"""

from __future__ import annotations

import datetime as _dt
import fnmatch
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Mapping, Sequence

from newslint.document import as_date
from newslint.engine import ActiveRule
from newslint.finding import Severity
from newslint.plugins import Registry
from newslint.rule import Rule
from newslint.selection import is_selected, unknown_tokens
from newslint.source import DEFAULT_MAX_BYTES

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")
TOP_KEYS = ("select", "ignore", "fail-on", "exclude", "date", "max-file-size", "rules", "overrides")
OVERRIDE_KEYS = ("files", "select", "ignore", "rules")
RULE_KEYS = ("severity", "enabled")
SEVERITIES = tuple(s.value for s in Severity)


class ConfigError(Exception):
    """A configuration mistake; the message reads ``path:line: what is wrong``."""


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
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    # The active rules by (registry, overrides that match, command line): every file of a
    # directory usually gets the same answer, and working it out costs more than the globs.
    _active: dict[tuple[Any, ...], tuple[Registry, tuple[ActiveRule, ...]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

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

    def active_rules(self, registry: Registry, path: str, select: Sequence[str] | None = None,
                     ignore: Sequence[str] = ()) -> list[ActiveRule]:
        """Return the rules that run on ``path``, with severities and merged options.

        ``select`` and ``ignore`` from the command line replace the configuration's
        ``select`` and extend its ``ignore``.
        """
        matching = tuple(i for i, override in enumerate(self.overrides) if self.matches(override.files, path))
        key = (id(registry), matching, None if select is None else tuple(select), tuple(ignore))
        cached = self._active.get(key)
        if cached is None or cached[0] is not registry:
            cached = (registry, tuple(self._active_rules(registry, matching, select, ignore)))
            self._active[key] = cached
        return list(cached[1])

    def _active_rules(self, registry: Registry, matching: tuple[int, ...], select: Sequence[str] | None,
                      ignore: Sequence[str]) -> list[ActiveRule]:
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
        for rule in registry.rules:
            settings = rules.get(rule.name, RuleSettings())
            # `enabled: false` turns a rule off; any other entry counts as configuring it,
            # which is what switches on an opt-in rule such as grammar.
            configured = rule.name in rules and settings.enabled is not False
            selected = settings.enabled is not False and is_selected(
                rule, chosen_select, chosen_ignore, configured
            )
            if selected:
                severity = settings.severity or rule.severity
                active.append(ActiveRule(rule, severity, {**rule.options, **settings.options}))
        return active


# ---------------------------------------------------------------------------------------
# Loading and validation


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
        for token in unknown_tokens(tokens, self.registry.rules):
            names = [r.name for r in self.registry.rules] + [r.code for r in self.registry.rules]
            raise self.fail(path, f"{path[-1]}: unknown rule {token!r}{_suggest(token, names)}")
        return tokens

    def severity(self, value: Any, path: tuple[Any, ...]) -> Severity:
        if value not in SEVERITIES:
            raise self.fail(path, f"{path[-1]} must be one of {', '.join(SEVERITIES)}, not {value!r}")
        return Severity(value)

    def option(self, rule: Rule, key: str, value: Any, path: tuple[Any, ...]) -> Any:
        default = rule.options[key]
        expected: tuple[type, ...]
        if default is None:
            return value
        if isinstance(default, bool):
            expected = (bool,)
        elif isinstance(default, int):
            expected = (int,)
        elif isinstance(default, float):
            expected = (int, float)
        elif isinstance(default, (list, tuple)):
            expected = (list,)
        else:
            expected = (type(default),)
        if not isinstance(value, expected) or (isinstance(value, bool) and bool not in expected):
            kind = " or ".join(t.__name__ for t in expected).replace("str", "string")
            article = "an" if kind[:1] in "aeiou" else "a"
            raise self.fail(path, f"{rule.name}.{key} must be {article} {kind}, not {value!r}")
        choices = rule.choices.get(key)
        if choices is not None and value not in choices:
            raise self.fail(path, f"{rule.name}.{key} must be one of {', '.join(map(str, choices))}, not {value!r}")
        return tuple(value) if isinstance(default, tuple) else value

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
            options = {
                k: self.option(rule, k, v, (*path, key, k)) for k, v in body.items() if k not in RULE_KEYS
            }
            result[rule.name] = RuleSettings(severity, enabled, options)
        return result

    def config(self, data: Any, root: Path) -> Config:
        data = self.mapping({} if data is None else data, ())
        self.keys(data, TOP_KEYS, ())
        values: dict[str, Any] = {}
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
        if "rules" in data:
            values["rules"] = self.rules(data["rules"], ("rules",))
        if "overrides" in data:
            values["overrides"] = self.overrides(data["overrides"], ("overrides",))
        return Config(root=root, source=self.source, **values)

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


def _yaml_lines(node: Any, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> None:
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[(*path, key.value)] = key.start_mark.line + 1
            _yaml_lines(value, (*path, key.value), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1
            _yaml_lines(item, (*path, index), lines)


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

    source = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
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
        _yaml_lines(node, (), lines)
    return _Checker(source, _line_finder(lines, 1), registry).config(data, path.parent)


def _toml_module() -> Any:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    return tomllib


def _pyproject_section(path: Path) -> tuple[str, Any] | None:
    tomllib = _toml_module()
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    section = data.get("tool", {}).get("newslint")
    return None if section is None else (text, section)


def load_pyproject(path: Path, registry: Registry) -> Config | None:
    """Load ``[tool.newslint]`` from a ``pyproject.toml``, or None when it has none."""
    found = _pyproject_section(path)
    if found is None:
        return None
    text, section = found
    lines = text.splitlines()
    header = next((i for i, l in enumerate(lines) if l.strip().startswith("[tool.newslint")), 0)

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
    """Load a configuration file named on the command line (YAML or pyproject.toml)."""
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    if path.name == "pyproject.toml":
        return load_pyproject(path, registry) or Config(root=path.parent, source=str(path))
    return load_yaml(path, registry)


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


def with_cli(config: Config, *, fail_on: str | None, date: _dt.date | None) -> Config:
    """Return ``config`` with command-line values that replace its own."""
    changes: dict[str, Any] = {}
    if fail_on is not None:
        changes["fail_on"] = Severity(fail_on)
    if date is not None:
        changes["date"] = date
    return replace(config, **changes) if changes else config
