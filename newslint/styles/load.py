"""Reading styles: a folder of Vale rule files (``*.yml``), validated key by key, and ``.vale.ini``.

A rule file's mistakes stop the run with ``path:line: key: what is wrong``: an unknown
key (with the closest known one), a value of the wrong type, a missing required key, a
regex that has no faithful Python translation. ``spelling``, ``sequence``, ``script`` and
``readability`` rules are refused with a message saying so.
"""

from __future__ import annotations

import configparser
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from newslint.rule import STYLE_CODE_PATTERN
from newslint.styles import checks
from newslint.styles.checks import Action, Check, Definition
from newslint.styles.errors import RegexError, StyleError, is_file, is_folder, reason
from newslint.styles.regex import translate
from newslint.styles.scopes import parse_scope
from newslint.yamlfile import yaml_lines

LEVELS = ("suggestion", "warning", "error")
REFUSED = {
    "spelling": "spelling rules are not supported (newslint has no Hunspell dictionaries); use accept.txt "
    "for names and newslint's spelling-variant rule",
    "sequence": "sequence rules (part-of-speech patterns) are not supported",
    "script": "script rules (Tengo programs) are not supported",
    "readability": "readability rules are not supported; write the formula as a metric rule",
}
_COMMON: dict[str, str] = {
    "extends": "str",
    "message": "str",
    "description": "str",
    "level": "str",
    "scope": "scope",
    "link": "str",
    "limit": "int",
    "action": "action",
    "code": "bool",
    "tests": "any",
    "name": "str",
    "matchcase": "bool",
}
_KEYS: dict[str, dict[str, str]] = {
    "existence": {
        "tokens": "strings",
        "raw": "strings",
        "append": "bool",
        "ignorecase": "bool",
        "nonword": "bool",
        "exceptions": "strings",
        "vocab": "bool",
    },
    "substitution": {
        "swap": "mapping",
        "ignorecase": "bool",
        "nonword": "bool",
        "exceptions": "strings",
        "vocab": "bool",
        "capitalize": "bool",
        "pos": "str",
    },
    "occurrence": {"token": "str", "max": "int", "min": "int", "ignorecase": "bool"},
    "repetition": {
        "tokens": "strings",
        "max": "int",
        "ignorecase": "bool",
        "alpha": "bool",
        "exceptions": "strings",
        "vocab": "bool",
    },
    "consistency": {"either": "mapping", "nonword": "bool", "ignorecase": "bool"},
    "conditional": {"first": "str", "second": "str", "exceptions": "strings", "ignorecase": "bool", "vocab": "bool"},
    "capitalization": {
        "match": "str",
        "style": "str",
        "exceptions": "strings",
        "indicators": "strings",
        "threshold": "float",
        "vocab": "bool",
        "prefix": "str",
    },
    "metric": {"formula": "str", "condition": "str"},
}
_REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "existence": (("tokens", "raw"),),
    "substitution": (("swap",),),
    "occurrence": (("token",), ("max", "min")),
    "repetition": (("tokens",),),
    "consistency": (("either",),),
    "conditional": (("first",), ("second",)),
    "capitalization": (("match",),),
    "metric": (("formula",), ("condition",)),
}


@lru_cache(maxsize=1)
def _yaml_loader() -> Any:
    import yaml

    # libyaml's parser when it is there: a style of a thousand rules loads several times faster.
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc,valid-type]
        """YAML 1.2 booleans, as Vale's parser reads them: ``on: upon`` is a string key."""

    Loader.yaml_implicit_resolvers = {
        key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    return Loader


def _an(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


def _suggest(key: str, valid: Sequence[str]) -> str:
    import difflib

    close = difflib.get_close_matches(key, list(valid), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _RuleFile:
    """One rule file being validated, with the line of every key for messages."""

    def __init__(self, path: Path) -> None:
        import yaml

        self.path = str(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
            loader = _yaml_loader()(text)
            try:
                node = loader.get_single_node()
                data = loader.construct_document(node) if node is not None else None
            finally:
                loader.dispose()
        except OSError as exc:
            raise StyleError(self.path, f"cannot read: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise StyleError(self.path, "not valid UTF-8") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise StyleError(
                self.path, f"invalid YAML: {getattr(exc, 'problem', None) or exc}", line=mark.line + 1 if mark else 1
            ) from None
        self.lines: dict[tuple[Any, ...], int] = {}
        if node is not None:
            yaml_lines(node, (), self.lines)
        if not isinstance(data, dict):
            raise StyleError(self.path, "a rule file must be a mapping of keys to values", line=1)
        self.data: dict[str, Any] = {str(k): v for k, v in data.items()}

    def line(self, *path: Any) -> int:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1

    def fail(self, key: str, message: str, *subpath: Any) -> StyleError:
        return StyleError(self.path, message, line=self.line(key, *subpath), key=key)

    def value(self, key: str, kind: str) -> Any:
        value = self.data[key]
        if kind == "any":
            return value
        if kind == "str":
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return str(value)
            if not isinstance(value, str):
                raise self.fail(key, f"must be a string, not {value!r}")
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                raise self.fail(key, f"must be true or false, not {value!r}")
            return value
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise self.fail(key, f"must be a whole number of 0 or more, not {value!r}")
            return value
        if kind == "float":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise self.fail(key, f"must be a number, not {value!r}")
            return float(value)
        if kind == "strings":
            items = [value] if isinstance(value, str) else value
            if items is None:
                return []
            if not isinstance(items, list):
                raise self.fail(key, "must be a list of strings")
            result = []
            for index, item in enumerate(items):
                if isinstance(item, bool) or item is None or not isinstance(item, (str, int, float)):
                    raise self.fail(key, f"item {index + 1} must be a string, not {item!r}", index)
                result.append(str(item))
            return result
        if kind == "mapping":
            if not isinstance(value, dict):
                raise self.fail(key, "must be a mapping of patterns to values")
            result_map = {}
            for k, v in value.items():
                if v is None or isinstance(v, (list, dict)):
                    raise self.fail(key, f"the value for {k!r} must be a string, not {v!r}", k)
                result_map[str(k) if not isinstance(k, bool) else str(k).lower()] = (
                    str(v).lower() if isinstance(v, bool) else str(v)
                )
            return result_map
        if kind == "scope":
            try:
                return parse_scope(value, "summary" if self.data.get("extends") == "metric" else "text")
            except ValueError as exc:
                raise self.fail(key, str(exc)) from None
        if kind == "action":
            if not isinstance(value, dict):
                raise self.fail(key, "must be a mapping with 'name' and 'params'")
            unknown = [k for k in value if k not in ("name", "params")]
            if unknown:
                raise self.fail(key, f"unknown key {unknown[0]!r} in action (known: name, params)", unknown[0])
            name = value.get("name", "")
            params = value.get("params") or []
            if not isinstance(name, str) or not isinstance(params, list):
                raise self.fail(key, "name must be a string and params a list")
            return Action(name, tuple(str(p) for p in params))
        raise AssertionError(kind)

    def regex(self, key: str, pattern: str, *subpath: Any) -> None:
        """Check that one pattern translates, naming the key (and item) it came from."""
        try:
            translate(pattern)
        except RegexError as exc:
            where = (
                f" item {subpath[0] + 1}"
                if subpath and isinstance(subpath[0], int)
                else f" {subpath[0]!r}"
                if subpath
                else ""
            )
            raise self.fail(key, f"regex{where} cannot be used: {exc}", *subpath) from None


@dataclass(frozen=True)
class StyleRule:
    """One rule of a style: its definition and its compiled check."""

    definition: Definition
    check: Check


def load_rule(path: Path, style: str, accepted: Sequence[str] = ()) -> StyleRule:
    """Read, validate and compile one rule file of a style."""
    if not STYLE_CODE_PATTERN.fullmatch(f"{style}.{path.stem}"):
        raise StyleError(str(path), "style folder and rule file names may hold only letters, digits, '-' and '_'")
    rule = _RuleFile(path)
    data = rule.data
    if "extends" not in data:
        raise StyleError(rule.path, "missing the required 'extends' key", line=1)
    extends = rule.value("extends", "str")
    if extends in REFUSED:
        raise rule.fail("extends", REFUSED[extends])
    if extends not in _KEYS:
        raise rule.fail("extends", f"must be one of {', '.join(sorted(_KEYS))}, not {extends!r}")
    valid = {**_COMMON, **_KEYS[extends]}
    for key in data:
        if key not in valid:
            raise rule.fail(key, f"unknown key for {_an(extends)} rule{_suggest(key, list(valid))}")
    values = {key: rule.value(key, kind) for key, kind in valid.items() if key in data}
    if values.get("code"):
        raise rule.fail("code", "'code' is deprecated; use 'scope: raw' instead")
    if "message" not in values:
        raise StyleError(rule.path, "missing the required 'message' key", line=1)
    for group in _REQUIRED[extends]:
        if not any(key in values for key in group):
            raise StyleError(rule.path, f"{_an(extends)} rule needs {' or '.join(repr(k) for k in group)}", line=1)
    level = values.get("level", "suggestion")
    if level not in LEVELS:
        raise rule.fail("level", f"must be one of {', '.join(LEVELS)}, not {level!r}")
    _check_patterns(rule, extends, values)
    definition = Definition(
        style=style,
        name=path.stem,
        path=rule.path,
        extends=extends,
        message=values["message"],
        description=values.get("description", ""),
        link=values.get("link", "").strip(),
        level=level,
        scope=values.get("scope") or parse_scope(None, "summary" if extends == "metric" else "text"),
        limit=values.get("limit", 0),
        action=values.get("action", Action()),
    )
    try:
        check = _build(extends, definition, values, accepted)
    except (RegexError, re.error) as exc:
        main = {
            "existence": "tokens",
            "substitution": "swap",
            "occurrence": "token",
            "repetition": "tokens",
            "consistency": "either",
            "conditional": "first",
            "capitalization": "match",
        }.get(extends, "extends")
        raise rule.fail(main, f"regex cannot be used: {exc}") from None
    except ValueError as exc:
        raise rule.fail("formula" if "condition" not in str(exc) else "condition", str(exc)) from None
    return StyleRule(definition, check)


def _check_patterns(rule: _RuleFile, extends: str, values: Mapping[str, Any]) -> None:
    for key in ("tokens", "exceptions"):
        for index, pattern in enumerate(values.get(key, [])):
            rule.regex(key, pattern, index)
    if values.get("raw"):
        rule.regex("raw", "".join(values["raw"]))
    for key in ("token", "first", "second", "prefix"):
        if key in values:
            rule.regex(key, values[key])
    if extends == "capitalization" and not values["match"].startswith("$"):
        rule.regex("match", values["match"])
    if (
        extends == "capitalization"
        and values["match"].startswith("$")
        and values["match"] not in ("$title", "$sentence", "$lower", "$upper")
    ):
        raise rule.fail("match", f"must be $title, $sentence, $lower, $upper or a regex, not {values['match']!r}")
    if values.get("style", "AP") not in ("AP", "Chicago"):
        raise rule.fail("style", f"must be AP or Chicago, not {values['style']!r}")
    for key in ("swap", "either"):
        for pattern, other in values.get(key, {}).items():
            rule.regex(key, pattern, pattern)
            if key == "either":
                rule.regex(key, other, pattern)
    action = values.get("action")
    if action is not None and action.name == "edit" and action.params[:1] == ("regex",) and len(action.params) > 1:
        rule.regex("action", action.params[1])


def _build(extends: str, definition: Definition, values: Mapping[str, Any], accepted: Sequence[str]) -> Check:
    if extends == "existence":
        return checks.Existence(definition, values, accepted)
    if extends == "substitution":
        return checks.Substitution(definition, values, accepted)
    if extends == "occurrence":
        return checks.Occurrence(definition, values)
    if extends == "repetition":
        return checks.Repetition(definition, values, accepted)
    if extends == "consistency":
        return checks.Consistency(definition, values)
    if extends == "conditional":
        return checks.Conditional(definition, values, accepted)
    if extends == "capitalization":
        return checks.Capitalization(definition, values, accepted)
    try:
        return checks.Metric(definition, values)
    except ValueError as exc:
        key = "formula"
        try:
            checks.parse_formula(values["formula"])
        except ValueError:
            pass
        else:
            key = "condition"
        raise ValueError(f"{key}: {exc}") from None


def load_style(folder: Path, accepted: Sequence[str] = ()) -> list[StyleRule]:
    """Read every rule file (``*.yml``) of a style folder; the style is named by the folder."""
    if not is_folder(folder):
        raise StyleError(str(folder), "style folder not found")
    # Listed with scandir, not glob: glob answers an unlistable folder with no files, a
    # style silently lost. A folder that may be listed but not entered fails at is_file.
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(".yml") and not e.name.startswith("."))
    except OSError as exc:
        raise StyleError(str(folder), f"cannot read this style folder: {reason(exc)}") from None
    return [load_rule(folder / name, folder.name, accepted) for name in names if is_file(folder / name)]


def vocab_rules(accept: Sequence[str], reject: Sequence[str]) -> list[StyleRule]:
    """Return Vale's built-in ``Vale.Terms`` and ``Vale.Avoid`` rules for a vocabulary."""
    made = []
    if accept:
        definition = Definition(
            "Vale",
            "Terms",
            "(vocabulary)",
            "substitution",
            "Use '%s' instead of '%s'.",
            description="Accepted terms are written exactly as the vocabulary has them.",
            level="error",
        )
        # A regex entry ("[Oo]bservability") stays a pattern; a plain one also says how to write it.
        swap = {entry: entry for entry in accept}
        keys = {"swap": swap, "ignorecase": True, "vocab": False, "sentence-capital": True}
        made.append(StyleRule(definition, checks.Substitution(definition, keys, ())))
    if reject:
        definition = Definition(
            "Vale",
            "Avoid",
            "(vocabulary)",
            "existence",
            "Avoid using '%s'.",
            description="Rejected terms are errors wherever they appear.",
            level="error",
        )
        made.append(StyleRule(definition, checks.Existence(definition, {"tokens": list(reject)}, ())))
    return made


# ---------------------------------------------------------------------------------------
# .vale.ini


@dataclass(frozen=True)
class ValeSection:
    """One ``[glob]`` section of a ``.vale.ini``: its styles and per-rule settings."""

    glob: str
    based_on: tuple[str, ...] = ()
    settings: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ValeConfig:
    """What a ``.vale.ini`` says: where styles are, which vocabularies, which sections."""

    path: str
    styles_path: Path
    vocab: tuple[str, ...] = ()
    min_alert_level: str = "suggestion"
    sections: tuple[ValeSection, ...] = ()

    def for_file(self, relative: str) -> tuple[tuple[str, ...], dict[str, str]]:
        """Return the styles and rule settings (``Style.Rule = NO``...) for a file path."""
        styles: list[str] = []
        settings: dict[str, str] = {}
        for section in self.sections:
            if not glob_matches(section.glob, relative):
                continue
            for style in section.based_on:
                if style not in styles:
                    styles.append(style)
            settings.update(section.settings)
        return tuple(styles), settings


def glob_regex(glob: str) -> re.Pattern[str]:
    """Translate a Vale section glob (``*``, ``**``, ``?``, ``[...]``, ``{a,b}``) to a regex."""
    out, i, depth = [], 0, 0
    while i < len(glob):
        c = glob[i]
        if glob.startswith("**", i):
            out.append(".*")
            i += 2
            if glob.startswith("/", i):
                out[-1] = "(?:.*/)?"
                i += 1
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            close = glob.find("]", i + 1)
            if close < 0:
                out.append("\\[")
            else:
                body = glob[i + 1 : close].replace("\\", "\\\\")
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                i = close
        elif c == "{":
            out.append("(?:")
            depth += 1
        elif c == "}" and depth:
            out.append(")")
            depth -= 1
        elif c == "," and depth:
            out.append("|")
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out) + ")" * depth)


def glob_matches(glob: str, relative: str) -> bool:
    """Return whether a section glob covers a file (a glob without ``/`` matches the file name)."""
    pattern = glob_regex(glob)
    target = relative if "/" in glob else PurePosixPath(relative).name
    return pattern.fullmatch(target) is not None or pattern.fullmatch(relative) is not None


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def load_vale_ini(path: Path) -> ValeConfig:
    """Read a ``.vale.ini``: core settings at the top, then ``[glob]`` sections."""
    parser = configparser.ConfigParser(
        interpolation=None,
        strict=False,
        allow_no_value=True,
        comment_prefixes=("#", ";"),
        inline_comment_prefixes=(" #", " ;", "\t#"),
        default_section="\0none",
    )
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    try:
        text = path.read_text(encoding="utf-8-sig")
        parser.read_string("[\0core]\n" + text, source=str(path))
    except OSError as exc:
        raise StyleError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except (configparser.Error, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise StyleError(
            str(path), f"invalid .vale.ini: {exc}".splitlines()[0], line=line - 1 if isinstance(line, int) else None
        ) from None

    def unquote(value: str | None) -> str:
        value = (value or "").strip()
        return value[1:-1] if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" else value

    core = {k.lower(): unquote(v) for k, v in parser.items("\0core")}
    root = path.parent
    styles_path = Path(core["stylespath"]) if core.get("stylespath") else root / "styles"
    if not styles_path.is_absolute():
        styles_path = root / styles_path
    level = core.get("minalertlevel", "suggestion") or "suggestion"
    if level not in LEVELS:
        raise StyleError(str(path), f"MinAlertLevel must be one of {', '.join(LEVELS)}, not {level!r}")
    sections = []
    for name in parser.sections():
        if name in ("\0core", "formats"):
            continue
        based_on: tuple[str, ...] = ()
        settings: dict[str, str] = {}
        for key, value in parser.items(name):
            if key.lower() == "basedonstyles":
                based_on = _split_list(unquote(value))
            elif "." in key or key[:1].isupper():
                settings[key] = unquote(value)
        sections.append(ValeSection(name, based_on, settings))
    return ValeConfig(str(path), styles_path, _split_list(core.get("vocab", "")), level, tuple(sections))


def setting_allows(setting: str | None, level: str) -> tuple[bool, str]:
    """Interpret a ``Style.Rule = VALUE`` setting: whether the rule runs, and at which level."""
    if setting is None:
        return True, level
    value = setting.strip()
    if value.upper() == "NO":
        return False, level
    if value.lower() in LEVELS:
        return True, value.lower()
    return True, level
