"""Every output format is valid on real articles: ../shared/seeds and examples/.

SARIF against the official OASIS schema, GitLab and rdjson against the documented shapes
in tests/schemas/, JUnit as XML; run through the real command line.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from conftest import REPO

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
SCHEMAS = Path(__file__).resolve().parent / "schemas"
jsonschema = pytest.importorskip("jsonschema")

SOURCES = [
    pytest.param(REPO / "examples", id="examples"),
    pytest.param(
        SHARED / "seeds",
        id="seeds",
        marks=pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds is not here"),
    ),
]


def report(format: str, folder: Path) -> str:
    """Run newslint on ``folder`` in a subprocess, from the folder above it (the "repository")."""
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "--format", format, "--date", "2025-06-19", folder.name],
        cwd=folder.resolve().parent,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert result.returncode == 1, result.stderr  # both folders are full of slips
    assert result.stderr == ""
    return result.stdout


def errors_of(validator, document) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)][:5]


@pytest.mark.skipif(not SARIF_SCHEMA.is_file(), reason="../shared/schemas/sarif-schema-2.1.0.json is not here")
@pytest.mark.parametrize("folder", SOURCES)
def test_sarif_validates_against_the_official_schema(folder):
    log = json.loads(report("sarif", folder))
    validator = jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    assert not errors_of(validator, log)
    [run] = log["runs"]
    assert run["results"], "no results"
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert not result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("/")
    # every result is told apart from the others in its file
    prints = [
        (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["partialFingerprints"]["newslint/v1"])
        for r in run["results"]
    ]
    assert len(set(prints)) == len(prints)


@pytest.mark.parametrize("folder", SOURCES)
@pytest.mark.parametrize(
    "format, schema", [("gitlab", "gitlab-codequality.schema.json"), ("rdjson", "rdjson.schema.json")]
)
def test_json_formats_match_their_documented_shape(folder, format, schema):
    document = json.loads(report(format, folder))
    validator = jsonschema.Draft202012Validator(json.loads((SCHEMAS / schema).read_text(encoding="utf-8")))
    assert not errors_of(validator, document)
    if format == "gitlab":
        assert len({issue["fingerprint"] for issue in document}) == len(document)


@pytest.mark.parametrize("folder", SOURCES)
def test_junit_is_xml(folder):
    root = ET.fromstring(report("junit", folder).encode("utf-8"))
    failures = sum(len(case.findall("failure")) for case in root.iter("testcase"))
    assert failures == int(root.get("failures")) > 0


@pytest.mark.parametrize("folder", SOURCES)
def test_github_commands_are_one_a_line(folder):
    lines = report("github", folder).splitlines()
    command = re.compile(
        r"::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
        # a built-in's code and name, or a house style's (examples/house-style)
        r"title=(?:NL\d{3} [a-z-]+|[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+ [A-Za-z0-9_-]+)::[^\r\n]+"
    )
    assert lines and all(command.fullmatch(line) for line in lines), [x for x in lines if not command.fullmatch(x)][:3]
