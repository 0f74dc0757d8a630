"""Configuration: discovery, merging, selection, options, overrides, and clear errors."""

from __future__ import annotations

import datetime as dt
import json
import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint import config
from newslint.cli import main
from newslint.finding import Severity
from newslint.plugins import Registry
from newslint.rule import rule


def _rule(code, name, default=True, **options):
    @rule(
        code,
        name,
        summary=name,
        default=default,
        options=options,
        choices={"mode": ("strict", "loose")} if "mode" in options else None,
    )
    def check(document, opts):
        return iter(())

    return check


RULES = (
    _rule("ZZ101", "first-rule", limit=10, words=["a"], mode="strict", ratio=0.5, strict=True),
    _rule("ZZ102", "second-rule"),
    _rule("ZZ201", "third-rule"),
    _rule("ZZ900", "opt-in-rule", default=False),
)
REGISTRY = Registry(RULES)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def active(cfg: config.Config, path: str, **cli) -> dict[str, tuple[str, dict]]:
    return {a.rule.name: (a.severity.value, dict(a.options)) for a in cfg.active_rules(REGISTRY, path, **cli)}


def names(cfg: config.Config, path: str = "x.txt", **cli) -> list[str]:
    return sorted(active(cfg, path, **cli))


# -- selection -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "select, ignore, expected",
    [
        (None, [], ["first-rule", "second-rule", "third-rule"]),
        (["ZZ1"], [], ["first-rule", "second-rule"]),
        (["zz1"], [], ["first-rule", "second-rule"]),
        (["third-rule"], [], ["third-rule"]),
        (["ZZ"], ["ZZ102"], ["first-rule", "third-rule"]),
        # the most specific wins: a longer prefix beats a shorter one
        (["ZZ"], ["ZZ1"], ["third-rule"]),
        (["ZZ10"], ["ZZ1"], ["first-rule", "second-rule"]),
        # a code or name beats any prefix
        (["ZZ101"], ["ZZ1"], ["first-rule"]),
        (["second-rule"], ["ZZ"], ["second-rule"]),
        # on a tie, ignore wins
        (["ZZ1"], ["ZZ1"], []),
        # an opt-in rule runs only when named exactly
        (["ZZ9"], [], []),
        (["ZZ900"], [], ["opt-in-rule"]),
        (["ALL"], [], ["first-rule", "second-rule", "third-rule"]),
    ],
)
def test_select_and_ignore(select, ignore, expected):
    assert names(config.Config(), select=select, ignore=ignore) == expected


def test_configuring_an_opt_in_rule_switches_it_on(tmp_path):
    cfg = config.load_yaml(write(tmp_path / ".newslint.yaml", "rules:\n  opt-in-rule: {}\n"), REGISTRY)
    assert "opt-in-rule" in names(cfg)
    cfg = config.load_yaml(write(tmp_path / ".newslint.yaml", "rules:\n  opt-in-rule: {enabled: false}\n"), REGISTRY)
    assert "opt-in-rule" not in names(cfg)
    cfg = config.load_yaml(write(tmp_path / ".newslint.yaml", "rules:\n  ZZ102: {enabled: false}\n"), REGISTRY)
    assert names(cfg) == ["first-rule", "third-rule"]


# -- merging, options, severities -------------------------------------------------------------


def test_defaults_merge_with_the_file(tmp_path):
    cfg = config.load_yaml(
        write(
            tmp_path / ".newslint.yaml",
            """
            ignore: [third-rule]
            rules:
              first-rule: {severity: error, limit: 3}
            """,
        ),
        REGISTRY,
    )
    got = active(cfg, "x.txt")
    assert sorted(got) == ["first-rule", "second-rule"]
    severity, options = got["first-rule"]
    assert severity == "error"
    # limit changed, every other option kept its default
    assert options == {"limit": 3, "words": ["a"], "mode": "strict", "ratio": 0.5, "strict": True}
    assert got["second-rule"][0] == "warning"
    assert cfg.fail_on is Severity.WARNING and cfg.max_file_size == 10_000_000


def test_all_top_level_keys(tmp_path):
    cfg = config.load_yaml(
        write(
            tmp_path / ".newslint.yaml",
            """
            select: [ZZ1, third-rule]
            ignore: [second-rule]
            fail-on: error
            exclude: ["drafts/**", "*.bak.md"]
            date: 2005-01-01
            max-file-size: 123
            rules:
              first-rule: {ratio: 2, words: [x, y], mode: loose, strict: false}
            overrides:
              - files: ["opinion/**"]
                ignore: [first-rule]
                rules:
                  third-rule: {severity: info}
            """,
        ),
        REGISTRY,
    )
    assert cfg.fail_on is Severity.ERROR and cfg.date == dt.date(2005, 1, 1) and cfg.max_file_size == 123
    assert names(cfg, str(tmp_path / "news.md")) == ["first-rule", "third-rule"]
    assert active(cfg, str(tmp_path / "news.md"))["first-rule"][1]["words"] == ["x", "y"]
    opinion = active(cfg, str(tmp_path / "opinion" / "a" / "piece.md"))
    assert sorted(opinion) == ["third-rule"] and opinion["third-rule"][0] == "info"
    assert cfg.is_excluded(str(tmp_path / "drafts" / "old" / "a.md"))
    assert cfg.is_excluded(str(tmp_path / "sub" / "x.bak.md"))
    assert not cfg.is_excluded(str(tmp_path / "news.md"))


def test_pyproject_section(tmp_path):
    path = write(
        tmp_path / "pyproject.toml",
        """
        [project]
        name = "paper"

        [tool.newslint]
        ignore = ["ZZ2"]
        fail-on = "info"

        [tool.newslint.rules.first-rule]
        limit = 4
        """,
    )
    cfg = config.load_pyproject(path, REGISTRY)
    assert cfg is not None and cfg.fail_on is Severity.INFO
    assert names(cfg) == ["first-rule", "second-rule"]
    assert active(cfg, "x.txt")["first-rule"][1]["limit"] == 4


# -- discovery ---------------------------------------------------------------------------------


def test_nearest_configuration_applies_to_each_file(tmp_path):
    write(tmp_path / ".newslint.yaml", "ignore: [ZZ102]\n")
    write(tmp_path / "desk" / "pyproject.toml", "[tool.newslint]\nignore = ['ZZ201']\n")
    write(tmp_path / "other" / "pyproject.toml", "[project]\nname = 'no-section'\n")
    finder = config.Finder(REGISTRY)
    assert names(finder.for_path(str(tmp_path / "a.txt"))) == ["first-rule", "third-rule"]
    assert names(finder.for_path(str(tmp_path / "deep" / "er" / "a.txt"))) == ["first-rule", "third-rule"]
    assert names(finder.for_path(str(tmp_path / "desk" / "x" / "a.txt"))) == ["first-rule", "second-rule"]
    # a pyproject.toml without [tool.newslint] is passed over
    assert names(finder.for_path(str(tmp_path / "other" / "a.txt"))) == ["first-rule", "third-rule"]


def test_a_pyproject_that_never_names_newslint_is_passed_over_unparsed(tmp_path):
    # A project's own pyproject.toml is none of newslint's business, even broken...
    write(tmp_path / "project" / "pyproject.toml", "[project]\nname = 'broken\n")
    assert config.load_pyproject(tmp_path / "project" / "pyproject.toml", REGISTRY) is None
    # ...but one with a [tool.newslint] table is read, and its mistakes are reported.
    write(tmp_path / "desk" / "pyproject.toml", "[project]\nname = 'broken\n[tool.newslint]\n")
    with pytest.raises(config.ConfigError, match="invalid TOML"):
        config.load_pyproject(tmp_path / "desk" / "pyproject.toml", REGISTRY)


def test_the_memo_keeps_one_configuration_per_folder_and_still_tells_folders_from_files(tmp_path, monkeypatch):
    write(tmp_path / ".newslint.yaml", "ignore: [ZZ102]\n")
    write(tmp_path / "sub" / ".newslint.yaml", "ignore: [ZZ201]\n")
    write(tmp_path / "a.txt", "text\n")
    loaded = []
    real = config.finder.load_yaml
    monkeypatch.setattr(config.finder, "load_yaml", lambda *a: loaded.append(a[0]) or real(*a))
    finder = config.Finder(REGISTRY)
    first = finder.for_path(str(tmp_path / "a.txt"))
    assert finder.for_path(str(tmp_path / "b.txt")) is first  # a new file of a known folder
    assert finder.for_path(str(tmp_path)) is first
    # A folder beside the files is a folder, with its own configuration, not a file.
    assert names(finder.for_path(str(tmp_path / "sub"))) == ["first-rule", "second-rule"]
    assert names(finder.for_path(str(tmp_path / "sub" / "c.txt"))) == ["first-rule", "second-rule"]
    assert loaded == [tmp_path / ".newslint.yaml", tmp_path / "sub" / ".newslint.yaml"]  # each read once
    # The rules chosen for a file are worked out once for every file they apply to.
    applied = finder.applied(str(tmp_path / "a.txt"))
    assert applied.active_rules(REGISTRY, str(tmp_path / "a.txt")) == applied.active_rules(
        REGISTRY, str(tmp_path / "b.txt")
    )
    assert len(applied._active) == 1


def test_relative_paths_find_the_same_configuration(tmp_path, monkeypatch):
    write(tmp_path / "desk" / ".newslint.yaml", "ignore: [ZZ102]\n")
    monkeypatch.chdir(tmp_path / "desk")
    finder = config.Finder(REGISTRY)
    assert finder.for_path("a.txt") is finder.for_path(str(tmp_path / "desk" / "b.txt"))
    assert finder.for_path("") is finder.for_path(".")
    assert names(finder.for_path("a.txt")) == ["first-rule", "third-rule"]


def test_yaml_wins_over_pyproject_in_the_same_directory(tmp_path):
    write(tmp_path / ".newslint.yaml", "ignore: [ZZ102]\n")
    write(tmp_path / "pyproject.toml", "[tool.newslint]\nignore = ['ZZ201']\n")
    assert names(config.Finder(REGISTRY).for_path(str(tmp_path / "a.txt"))) == ["first-rule", "third-rule"]


def test_explicit_config_applies_everywhere(tmp_path):
    write(tmp_path / "sub" / ".newslint.yaml", "ignore: [ZZ102]\n")
    explicit = write(tmp_path / "custom.yaml", "ignore: [ZZ201]\n")
    finder = config.Finder(REGISTRY, explicit)
    assert names(finder.for_path(str(tmp_path / "sub" / "a.txt"))) == ["first-rule", "second-rule"]


# -- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, line, expected",
    [
        ("selct: [ZZ1]\n", 1, "unknown key 'selct' (did you mean 'select'?)"),
        ("ignore: [ZZ1]\nfail_on: error\n", 2, "unknown key 'fail_on' (did you mean 'fail-on'?)"),
        ("fail-on: fatal\n", 1, "fail-on must be one of info, warning, error, not 'fatal'"),
        ("select: [ZZ1, frist-rule]\n", 1, "select: unknown rule 'frist-rule' (did you mean 'first-rule'?)"),
        (
            "rules:\n  first-rule:\n    limmit: 3\n",
            3,
            "unknown key 'limmit' in rules.first-rule (did you mean 'limit'?)",
        ),
        ("rules:\n  first-rule:\n    limit: many\n", 3, "first-rule.limit must be an integer, not 'many'"),
        ("rules:\n  first-rule:\n    limit: true\n", 3, "first-rule.limit must be an integer, not True"),
        ("rules:\n  first-rule:\n    strict: 1\n", 3, "first-rule.strict must be true or false, not 1"),
        ("rules:\n  first-rule:\n    mode: lax\n", 3, "first-rule.mode must be one of strict, loose, not 'lax'"),
        ("rules:\n  first-rule:\n    severity: loud\n", 3, "severity must be one of info, warning, error, not 'loud'"),
        ("rules:\n  secnd-rule: {}\n", 2, "unknown rule 'secnd-rule' (did you mean 'second-rule'?)"),
        ("max-file-size: -1\n", 1, "max-file-size must be a positive number of bytes"),
        ("date: yesterday\n", 1, "date must be a date like 2025-06-19, not 'yesterday'"),
        ("overrides:\n  - ignore: [ZZ1]\n", 2, "each override needs 'files': a list of globs"),
        (
            "overrides:\n  - files: [a]\n    ignroe: [ZZ1]\n",
            3,
            "unknown key 'ignroe' in overrides.0 (did you mean 'ignore'?)",
        ),
        ("- just\n- a list\n", 1, "the configuration must be a mapping of keys to values"),
        ("select: [ZZ1\n", 2, "invalid YAML"),
    ],
)
def test_mistakes_name_file_line_and_key(tmp_path, body, line, expected):
    path = write(tmp_path / ".newslint.yaml", body)
    with pytest.raises(config.ConfigError) as caught:
        config.load_yaml(path, REGISTRY)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert expected in message


def test_pyproject_mistake_names_the_line(tmp_path):
    path = write(
        tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.newslint]\nignore = ["ZZ1"]\nselcet = ["ZZ2"]\n'
    )
    with pytest.raises(config.ConfigError) as caught:
        config.load_pyproject(path, REGISTRY)
    assert str(caught.value) == f"{path}:6: unknown key 'selcet' (did you mean 'select'?)"


def test_yaml_tags_that_build_python_objects_are_refused(tmp_path):
    marker = tmp_path / "pwned"
    path = write(
        tmp_path / ".newslint.yaml",
        f"select: !!python/object/apply:os.system ['touch {marker}']\n",
    )
    with pytest.raises(config.ConfigError) as caught:
        config.load_yaml(path, REGISTRY)
    assert f"{path}:1: invalid YAML" in str(caught.value)
    assert not marker.exists()


def test_cli_config_error_exit_two_on_stderr(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".newslint.yaml", "ignore: []\nfail-onn: error\n")
    write(tmp_path / "a.txt", "Text.\n")
    result = CliRunner().invoke(main, ["--format", "json", "a.txt"])
    assert result.exit_code == 2
    assert f"{tmp_path / '.newslint.yaml'}:2: unknown key 'fail-onn' (did you mean 'fail-on'?)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not result.stdout.strip() or json.loads(result.stdout) == []


def test_cli_explicit_config_missing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--config", "nope.yaml", "a.txt"])
    assert result.exit_code == 2 and "nope.yaml: configuration file not found" in result.stderr


def test_cli_uses_config_with_a_plugin(tmp_path, with_plugin, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path / ".newslint.yaml",
        """
        select: [ZZ1, ZZ2]
        fail-on: error
        exclude: [skipped]
        rules:
          flag-xyzzy: {severity: info, word: magic}
          note-frobnicate: {severity: error}
        overrides:
          - files: ["opinion/*"]
            ignore: [note-frobnicate]
        """,
    )
    write(tmp_path / "news" / "a.txt", "Some magic and xyzzy.\n")
    write(tmp_path / "news" / "b.txt", "Time to frobnicate.\n")
    write(tmp_path / "opinion" / "c.txt", "Time to frobnicate.\n")
    write(tmp_path / "skipped" / "d.txt", "More magic.\n")
    result = CliRunner().invoke(main, ["--format", "json", "."])
    found = [(f["path"], f["code"], f["severity"]) for f in json.loads(result.stdout)]
    assert found == [
        (os.path.join(".", "news", "a.txt"), "ZZ101", "info"),
        (os.path.join(".", "news", "b.txt"), "ZZ201", "error"),
    ], result.stderr
    assert result.exit_code == 1
    # fail-on from the command line replaces the file's
    result = CliRunner().invoke(main, ["--fail-on", "error", "news/a.txt"])
    assert result.exit_code == 0 and "ZZ101" in result.stdout


def test_globs_apply_through_a_symlinked_directory(tmp_path):
    real = tmp_path / "real"
    write(real / ".newslint.yaml", 'exclude: ["drafts/**"]\noverrides:\n  - files: ["opinion/*"]\n    ignore: [ZZ1]\n')
    try:
        (tmp_path / "link").symlink_to(real, target_is_directory=True)
    except OSError:
        pytest.skip("cannot make symbolic links here")
    finder = config.Finder(REGISTRY)
    for base in ("real", "link"):
        draft = str(tmp_path / base / "drafts" / "a.txt")
        assert finder.for_path(draft).is_excluded(draft), base
        kept = str(tmp_path / base / "news" / "a.txt")
        assert not finder.for_path(kept).is_excluded(kept), base
        opinion = str(tmp_path / base / "opinion" / "a.txt")
        assert names(finder.for_path(opinion), opinion) == ["third-rule"], base
