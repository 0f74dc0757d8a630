"""The one-document formats (SARIF, GitLab, rdjson, JUnit, JSON) stream: memory stays flat.

Each file's part is serialised as it comes and kept on disk (``newslint.spool``); the
document is written at the end. The text must be what building the whole document in
memory would have written, and the peak memory of a run must not grow with its findings.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from xml.etree import ElementTree as ET

import pytest

ONE_LINE_JSON = ("sarif", "gitlab", "rdjson")
STREAMED = (*ONE_LINE_JSON, "junit", "json")

_WORDS = "council budget river school road police minister report water market village".split()


def _article(rng: random.Random) -> str:
    # Three paragraphs, each with slips several rules report: a doubled word, a sentence
    # fused to the next, and one sentence of 40 words.
    paragraphs = []
    for _ in range(3):
        words = [rng.choice(_WORDS) for _ in range(40)]
        paragraphs.append(
            f"The {words[0]} the {words[0]} said it would act.It would not wait. "
            + "The "
            + " ".join(words)
            + " was long."
        )
    return "\n\n".join(paragraphs) + "\n"


def _corpus(root, files: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for number in range(files):
        folder = root / f"desk{number % 8}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"story{number:05}.txt").write_text(_article(rng), encoding="utf-8")


# Run in a small interpreter that starts newslint and reports its peak: ru_maxrss of a
# child forked straight from pytest would count pages of pytest's own (large) image.
_MEASURED = (
    "import os, subprocess, sys\n"
    "p = subprocess.Popen([sys.executable, '-m', 'newslint', *sys.argv[1:]])\n"
    "_, status, usage = os.wait4(p.pid, 0)\n"
    "print(usage.ru_maxrss, file=sys.stderr)\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def _peak(args: list[str], cwd) -> tuple[str, int]:
    """Run newslint and return its output and the peak RSS (KB) of it and its workers."""
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, "--no-cache", "--date", "2005-01-01", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr[-500:]
    return result.stdout, int(result.stderr.split()[-1])


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    """One corpus of 250 articles and one of 1,000, the same kind of copy."""
    small, large = tmp_path_factory.mktemp("small"), tmp_path_factory.mktemp("large")
    _corpus(small, 250)
    _corpus(large, 1000)
    return small, large


@pytest.mark.skipif(not hasattr(os, "wait4"), reason="needs os.wait4 to read a run's peak memory")
@pytest.mark.parametrize(
    "args",
    [[f"--format={name}", "--jobs=1"] for name in STREAMED] + [["--jobs=2"]],
    ids=[*STREAMED, "concise-jobs-2"],
)
def test_peak_memory_does_not_grow_with_the_findings(corpora, args):
    small, large = corpora
    few, few_peak = _peak([*args, "."], small)
    many, many_peak = _peak([*args, "."], large)
    # The run must have found something in every file, or there was nothing to hold.
    assert many.count("NL204") >= 1000 or many.count("repeated-word") >= 1000
    # Four times the files and findings (each finding held would be kilobytes: a SARIF
    # result with its snippet and fingerprint), within a tenth of the peak.
    assert many_peak <= few_peak * 1.10, (few_peak, many_peak)


def _output(name: str, cwd) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "--no-cache", "--jobs", "1", "--format", name, ".", "missing.txt"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2, result.stderr  # the missing file is an error
    return result.stdout


@pytest.fixture(scope="module")
def few_files(tmp_path_factory):
    """A few articles with findings, one without, and (named on the command line) one missing file."""
    root = tmp_path_factory.mktemp("few")
    _corpus(root, 5)
    (root / "clean.txt").write_text("The council met on Monday.\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("name", ONE_LINE_JSON)
def test_one_line_json_is_what_dumping_the_whole_document_writes(name, few_files):
    out = _output(name, few_files)
    whole = json.loads(out)
    assert out == json.dumps(whole, ensure_ascii=False) + "\n"
    items = {"sarif": lambda d: d["runs"][0]["results"], "gitlab": lambda d: d, "rdjson": lambda d: d["diagnostics"]}
    found = items[name](whole)
    assert len(found) >= 5 * 3  # every article's slips, across files
    if name == "sarif":
        run = whole["runs"][0]
        assert run["invocations"][0]["executionSuccessful"] is False  # the missing file
        assert {r["ruleId"] for r in found} <= {rule["id"] for rule in run["tool"]["driver"]["rules"]}


def test_junit_is_what_indenting_the_whole_document_writes(few_files):
    out = _output("junit", few_files)
    declaration = '<?xml version="1.0" encoding="UTF-8"?>\n'
    assert out.startswith(declaration)
    root = ET.fromstring(out[len(declaration) :])
    ET.indent(root)
    assert out == declaration + ET.tostring(root, encoding="unicode") + "\n"
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert len(cases) == int(suite.get("tests", "0")) == 7  # five articles, the clean one, the missing one
    assert int(suite.get("failures", "0")) == sum(len(c.findall("failure")) for c in cases) > 0
    assert int(suite.get("errors", "0")) == 1


def test_junit_with_no_file_at_all_is_an_empty_suite():
    import io

    from newslint.formatters.junit import JunitFormatter

    stream = io.StringIO()
    formatter = JunitFormatter(stream)
    formatter.start()
    formatter.finish()
    root = ET.fromstring(stream.getvalue().split("\n", 1)[1])
    assert root.get("tests") == "0" and root.find("testsuite") is not None
    assert list(root.find("testsuite") or []) == []
