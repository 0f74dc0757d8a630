"""The JSON output matches newslint/schema/findings.schema.json and is sorted."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import REPO

from newslint.cli import main

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads((REPO / "newslint" / "schema" / "findings.schema.json").read_text(encoding="utf-8"))


def validator():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


def test_cli_json_validates_and_is_sorted(tmp_path, with_plugin, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("plugh xyzzy\n\nfrobnicate and xyzzy\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("xyzzy\r\nkaboom \U0001f600 plugh xyzzy\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("<!-- newslint-disable-next-line ZZ102 -->\nNothing.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--select", "ZZ,NL001", "--format", "json", "c.md", "b", "a.txt"])
    findings = json.loads(result.stdout)
    errors = [e.message for e in validator().iter_errors(findings)]
    assert not errors, errors
    assert len(findings) == 9
    assert {f["code"] for f in findings} == {"NL000", "NL001", "ZZ101", "ZZ102", "ZZ201"}
    assert any(f["fix"] is not None for f in findings) and any(f["fix"] is None for f in findings)
    keys = [(f["path"], f["line"], f["column"]) for f in findings]
    assert keys == sorted(keys)
    assert result.exit_code == 2


@pytest.mark.parametrize(
    "change",
    [
        {"extra": 1},
        {"severity": "fatal"},
        {"line": 0},
        {"fix": {"text": "x", "line": 1, "column": 1, "end_line": 1, "end_column": 2}},
    ],
)
def test_schema_rejects_wrong_findings(change):
    good = {
        "path": "a.md",
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 2,
        "code": "NL101",
        "rule": "unbalanced-quote",
        "severity": "error",
        "message": "m",
        "fix": None,
    }
    assert validator().is_valid([good])
    assert not validator().is_valid([{**good, **change}])
    missing = dict(good)
    del missing["fix"]
    assert not validator().is_valid([missing])
