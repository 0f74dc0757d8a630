"""The machine formats (sarif, github, gitlab, junit, rdjson), field by field.

The findings are made by hand on texts written here, so every expected column below was
counted by hand: in ``TEXT`` the emoji before ``xyzzy`` is one code point, two UTF-16
code units and four UTF-8 bytes; the ``é`` before ``frobnicate`` is one code point, one
UTF-16 unit and two UTF-8 bytes.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from formatting import finding, long_line_findings, ratio, render

from newslint import __version__
from newslint.rule import rule

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
SCHEMAS = Path(__file__).resolve().parent / "schemas"

TEXT = "Intro \U0001f600 then xyzzy.\r\nA plugh, é frobnicate\n"


def findings(text: str = TEXT, path: str = "story.txt"):
    return [
        finding(text, "xyzzy", fix=("xyzzy", "magic", True), path=path),
        finding(text, "plugh", "ZZ102", "flag-plugh", "error", "found plugh", path=path),
        finding(
            text,
            "frobnicate",
            "ZZ201",
            "note-frobnicate",
            "info",
            "found frobnicate",
            fix=("frobnicate", "tweak", False),
            path=path,
        ),
    ]


@rule("ZZ101", "flag-xyzzy", summary="Flags a trigger word.")
def _xyzzy(document, options):
    """What it does:
    Flags the trigger
    word xyzzy.

    Why it matters:
    Tests need it.

    Example:
    ``xyzzy``

    Use instead:
    ``magic``

    Options:
    None.
    """
    return iter(())


@rule("ZZ102", "flag-plugh", severity="error", summary="Flags plugh.")
def _plugh(document, options):
    """Flags plugh (no sections)."""
    return iter(())


@rule("ZZ201", "note-frobnicate", severity="info", summary="Notes frobnicate.", default=False)
def _frobnicate(document, options):
    """Notes frobnicate."""
    return iter(())


RULES = (_xyzzy, _plugh, _frobnicate)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git work tree (a .git folder is all it takes) with the articles in desk/, as cwd."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "desk").mkdir()
    monkeypatch.chdir(tmp_path / "desk")
    return tmp_path


# -- SARIF ------------------------------------------------------------------------------------


def sarif(files, errors=()):
    return json.loads(render("sarif", files, RULES, errors))


def validate_sarif(log):
    if not SARIF_SCHEMA.is_file():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json is not here")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    errors = [f"{list(e.path)}: {e.message}" for e in jsonschema.Draft7Validator(schema).iter_errors(log)]
    assert not errors, errors[:5]


def test_sarif_tool_and_rules(repo):
    log = sarif([("story.txt", findings(), TEXT)])
    validate_sarif(log)
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("newslint", __version__)
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == ["ZZ101", "ZZ102", "ZZ201"]
    first = driver["rules"][0]
    assert first["name"] == "flag-xyzzy"
    assert first["shortDescription"] == {"text": "Flags a trigger word."}
    assert first["fullDescription"] == {"text": "Flags the trigger word xyzzy."}  # unwrapped
    assert first["help"]["text"].startswith("What it does:\nFlags the trigger")
    assert "**Use instead**\n\n`magic`" in first["help"]["markdown"]
    assert first["defaultConfiguration"] == {"level": "warning", "enabled": True}
    assert driver["rules"][1]["fullDescription"] == {"text": "Flags plugh."}  # no sections: the summary
    assert driver["rules"][2]["defaultConfiguration"] == {"level": "note", "enabled": False}
    assert run["columnKind"] == "utf16CodeUnits"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.as_uri() + "/"


def test_sarif_results_field_by_field(repo):
    log = sarif([("story.txt", findings(), TEXT)])
    xyzzy, plugh, frob = log["runs"][0]["results"]
    assert (xyzzy["ruleId"], xyzzy["ruleIndex"], xyzzy["level"]) == ("ZZ101", 0, "warning")
    assert (plugh["ruleId"], plugh["ruleIndex"], plugh["level"]) == ("ZZ102", 1, "error")
    assert (frob["ruleId"], frob["ruleIndex"], frob["level"]) == ("ZZ201", 2, "note")
    assert xyzzy["message"] == {"text": "found 'xyzzy'"}
    location = xyzzy["locations"][0]["physicalLocation"]
    # repository-relative: cwd is desk/ below the work tree's top
    assert location["artifactLocation"] == {"uri": "desk/story.txt", "uriBaseId": "%SRCROOT%"}
    # the emoji is two UTF-16 code units: code-point column 14 is UTF-16 column 15
    assert location["region"] == {
        "startLine": 1,
        "startColumn": 15,
        "endLine": 1,
        "endColumn": 20,
        "snippet": {"text": "xyzzy"},
    }
    # é is one UTF-16 unit: no shift on line 2
    assert frob["locations"][0]["physicalLocation"]["region"]["startColumn"] == 12
    assert xyzzy["fixes"] == [
        {
            "description": {"text": "replace 'xyzzy' with 'magic'"},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": "desk/story.txt", "uriBaseId": "%SRCROOT%"},
                    "replacements": [
                        {
                            "deletedRegion": {"startLine": 1, "startColumn": 15, "endLine": 1, "endColumn": 20},
                            "insertedContent": {"text": "magic"},
                        }
                    ],
                }
            ],
        }
    ]
    assert "fixes" not in plugh and "fixes" not in frob  # no fix; an unsafe suggestion is left out
    assert re.fullmatch(r"[0-9a-f]{32}", xyzzy["partialFingerprints"]["newslint/v1"])
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]


def test_sarif_fingerprints_survive_lines_added_above(repo):
    edited = "New first line.\n\nAnd another.\n\n" + TEXT
    before = sarif([("story.txt", findings(), TEXT)])["runs"][0]["results"]
    after = sarif([("story.txt", findings(edited), edited)])["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == [5, 6, 6]
    assert [r["partialFingerprints"] for r in after] == [r["partialFingerprints"] for r in before]
    assert len({r["partialFingerprints"]["newslint/v1"] for r in after}) == 3


def test_sarif_paths_outside_the_repository_and_odd_names(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "other story.txt"
    log = sarif([("my story#1.txt", findings(), TEXT), (str(outside), findings(), TEXT)])
    validate_sarif(log)
    first, *_, last = log["runs"][0]["results"]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "desk/my%20story%231.txt",
        "uriBaseId": "%SRCROOT%",
    }
    assert last["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": outside.as_uri()}


def test_sarif_reports_unreadable_files(repo):
    log = sarif([], errors=[("gone.md", "no such file or directory")])
    validate_sarif(log)
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"] == "gone.md: no such file or directory"


# -- GitHub -----------------------------------------------------------------------------------


def test_github_commands(repo):
    lines = render("github", [("story.txt", findings(), TEXT)]).splitlines()
    assert lines == [
        "::warning file=desk/story.txt,line=1,col=14,endLine=1,endColumn=19,title=ZZ101 flag-xyzzy::found 'xyzzy'",
        "::error file=desk/story.txt,line=2,col=3,endLine=2,endColumn=8,title=ZZ102 flag-plugh::found plugh",
        "::notice file=desk/story.txt,line=2,col=12,endLine=2,endColumn=22,title=ZZ201 note-frobnicate::found frobnicate",
    ]


def test_github_escaping(repo):
    text = "a xyzzy b\n"
    odd = finding(text, "xyzzy", message="100% sure: it broke,\r\nthen stopped", path="a,b:c%.txt")
    [line] = render("github", [("a,b:c%.txt", [odd], text)]).splitlines()
    assert line == (
        "::warning file=desk/a%2Cb%3Ac%25.txt,line=1,col=3,endLine=1,endColumn=8,"
        "title=ZZ101 flag-xyzzy::100%25 sure: it broke,%0D%0Athen stopped"
    )


def test_github_unreadable_file(repo):
    assert (
        render("github", [], errors=[("x,y.md", "binary file")])
        == "::error file=desk/x%2Cy.md,title=newslint::binary file\n"
    )


# -- GitLab -----------------------------------------------------------------------------------


def validate(document, schema_name):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMAS / schema_name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = [f"{list(e.path)}: {e.message}" for e in jsonschema.Draft202012Validator(schema).iter_errors(document)]
    assert not errors, errors[:5]


def test_gitlab_issues_field_by_field(repo):
    crash = finding(TEXT, "Intro", "NL000", "internal-error", "error", "rule crashed")
    issues = json.loads(render("gitlab", [("story.txt", [*findings(), crash], TEXT)]))
    validate(issues, "gitlab-codequality.schema.json")
    xyzzy, plugh, frob, crashed = issues
    assert xyzzy["description"] == "ZZ101 [flag-xyzzy] found 'xyzzy'"
    assert xyzzy["check_name"] == "ZZ101"
    assert [i["severity"] for i in issues] == ["minor", "major", "info", "critical"]
    assert xyzzy["location"] == {"path": "desk/story.txt", "lines": {"begin": 1, "end": 1}}
    assert plugh["location"]["lines"] == {"begin": 2, "end": 2}
    assert len({i["fingerprint"] for i in issues}) == 4


def test_gitlab_fingerprints_unique_across_files_and_stable(repo):
    both = json.loads(
        render("gitlab", [("a.txt", findings(path="a.txt"), TEXT), ("b.txt", findings(path="b.txt"), TEXT)])
    )
    assert len({i["fingerprint"] for i in both}) == 6  # the same findings in two files
    edited = "A new first paragraph.\n\n" + TEXT
    again = json.loads(render("gitlab", [("a.txt", findings(edited, "a.txt"), edited)]))
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in both[:3]]


# -- JUnit ------------------------------------------------------------------------------------


def test_junit_one_case_per_file_one_failure_per_finding():
    text = "A xyzzy\n"
    bell = finding(text, "xyzzy", message='bell \x07 & <tag> "q"', path="b.txt")
    xml = render(
        "junit",
        [("story.txt", findings(), TEXT), ("clean.txt", [], "fine\n"), ("b.txt", [bell], text)],
        errors=[("gone.md", "no such file or directory")],
    )
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "4", "1")
    [suite] = root
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["story.txt", "clean.txt", "b.txt", "gone.md"]
    story, clean, b, gone = cases
    assert [f.get("type") for f in story.findall("failure")] == ["ZZ101", "ZZ102", "ZZ201"]
    first = story.find("failure")
    assert first.get("message") == "1:14: found 'xyzzy'"
    assert first.text == "story.txt:1:14: ZZ101 [flag-xyzzy] found 'xyzzy'"
    assert list(clean) == []
    assert b.find("failure").get("message") == '1:3: bell \\x07 & <tag> "q"'
    error = gone.find("error")
    assert error.get("message") == "no such file or directory"


# -- rdjson -----------------------------------------------------------------------------------


def test_rdjson_field_by_field():
    result = json.loads(render("rdjson", [("desk/story.txt", findings(), TEXT)]))
    validate(result, "rdjson.schema.json")
    assert result["source"]["name"] == "newslint"
    xyzzy, plugh, frob = result["diagnostics"]
    assert xyzzy["message"] == "found 'xyzzy'"
    assert xyzzy["severity"] == "WARNING" and plugh["severity"] == "ERROR" and frob["severity"] == "INFO"
    assert xyzzy["code"] == {"value": "ZZ101"}
    # UTF-8 bytes: "Intro " (6) + the emoji (4) + " then " (6) = 16 bytes before xyzzy
    assert xyzzy["location"] == {
        "path": "desk/story.txt",
        "range": {"start": {"line": 1, "column": 17}, "end": {"line": 1, "column": 22}},
    }
    assert xyzzy["suggestions"] == [
        {"range": {"start": {"line": 1, "column": 17}, "end": {"line": 1, "column": 22}}, "text": "magic"}
    ]
    # "A plugh, " (9) + é (2) + " " (1) = 12 bytes before frobnicate
    assert frob["location"]["range"] == {"start": {"line": 2, "column": 13}, "end": {"line": 2, "column": 23}}
    assert frob["suggestions"][0]["text"] == "tweak"  # an unsafe fix is still a suggestion for a person
    assert "suggestions" not in plugh


@pytest.mark.parametrize("name", ["sarif", "rdjson", "gitlab"])
def test_thousands_of_findings_on_one_long_line_stay_linear(name, repo):
    def cost(size: int) -> float:
        text, found = long_line_findings(size)
        started = time.perf_counter()
        render(name, [("s.txt", found, "\U0001f600" + text[1:])])  # an emoji: columns are converted
        return time.perf_counter() - started

    small, large = ratio(cost)
    assert large < 6 * small, (small, large)
