"""Typed rule options: kinds, ranges, choices and paths, checked when configuration loads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint import Linter
from newslint.config import ConfigError, load_yaml
from newslint.options import Option
from newslint.rule import Registry, rule


@rule(
    "ZZ901",
    "option-probe",
    summary="probe",
    options={
        "limit": Option(5, min=1, max=99),
        "files": Option([], kind="paths", must_exist=True),
        "mode": Option("a", choices=("a", "b")),
        "plain": 3,
        "ratio": Option(0.5, min=0.0, max=1.0),
    },
)
def probe(document, options):
    """What it does: nothing."""
    return iter(())


REGISTRY = Registry((probe,))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5, 5),
        (1, 1),
        (99, 99),
    ],
)
def test_values_in_range_are_kept(value, expected):
    assert probe.specs["limit"].check(value) == expected


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("rules:\n  option-probe:\n    limit: -5\n", 3, "option-probe.limit must be at least 1, not -5"),
        ("rules:\n  option-probe:\n    limit: 100\n", 3, "option-probe.limit must be at most 99, not 100"),
        ("rules:\n  option-probe:\n    limit: 2.5\n", 3, "option-probe.limit must be an integer, not 2.5"),
        ("rules:\n  option-probe:\n    mode: c\n", 3, "option-probe.mode must be one of a, b, not 'c'"),
        (
            "rules:\n\n  option-probe:\n    files: [nowhere.yaml]\n",
            4,
            "option-probe.files names 'nowhere.yaml', which is not a file",
        ),
        ("rules:\n  option-probe:\n    plain: yes\n", 3, "option-probe.plain must be an integer, not True"),
        # NaN passes every comparison with a bound; infinity is no setting either
        ("rules:\n  option-probe:\n    ratio: .nan\n", 3, "option-probe.ratio must be a number, not nan"),
        ("rules:\n  option-probe:\n    ratio: .inf\n", 3, "option-probe.ratio must be a number, not inf"),
    ],
)
def test_a_bad_value_is_one_error_naming_file_and_line(tmp_path, body, line, message):
    path = tmp_path / ".newslint.yaml"
    path.write_text(body)
    with pytest.raises(ConfigError) as caught:
        load_yaml(path, REGISTRY)
    assert str(caught.value).startswith(f"{path}:{line}: {message}")


def test_paths_are_resolved_against_the_configuration_file(tmp_path, monkeypatch):
    desk = tmp_path / "desk"
    (desk / "data").mkdir(parents=True)
    (desk / "data" / "people.yaml").write_text("{}\n")
    (desk / ".newslint.yaml").write_text("rules:\n  option-probe:\n    files: [data/people.yaml]\n")
    monkeypatch.chdir(tmp_path)  # not the configuration's folder
    loaded = load_yaml(desk / ".newslint.yaml", REGISTRY)
    assert loaded.rules["option-probe"].options["files"] == (str(desk / "data" / "people.yaml"),)


def test_a_negative_limit_of_a_built_in_rule_keeps_every_file_under_it_from_being_linted(tmp_path):
    (tmp_path / ".newslint.yaml").write_text("rules:\n  long-sentence:\n    max-words: -5\n")
    (tmp_path / "a.txt").write_text("Fine. It rained.Then it stopped.\n")
    linter = Linter(entry_points=False)
    [result] = linter.lint_paths([str(tmp_path / "a.txt")])
    assert result.config_error and result.status == 2 and result.findings == []
    assert result.error is not None
    assert re.search(r":3: long-sentence.max-words must be at least 1, not -5$", result.error)


def test_explain_lists_each_option_with_its_kind_and_range():
    from newslint.runner import explain_text

    text = explain_text(probe)
    assert "  limit: 5 (an integer, at least 1, at most 99)" in text
    assert "  mode: 'a' (one of a, b)" in text


def test_every_built_in_option_default_passes_its_own_check():
    linter = Linter(entry_points=False)
    for item in linter.rules:
        for spec in item.specs.values():
            default = list(spec.default) if isinstance(spec.default, tuple) else spec.default
            if spec.kind != "paths":
                spec.check(default, Path("."))
