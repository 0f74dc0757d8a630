"""JSON output streams file by file and still comes out sorted by path, line and column."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from newslint.finding import Finding, Severity
from newslint.formatters.json import JsonFormatter, as_dict


def finding(path: str, line: int, column: int, code: str = "NL201", message: str = "m") -> Finding:
    return Finding(
        path=path,
        code=code,
        rule="missing-space",
        severity=Severity.WARNING,
        message=message,
        start=0,
        end=1,
        line=line,
        column=column,
        end_line=line,
        end_column=column + 1,
    )


def formatted(files: list[tuple[str, list[Finding]]]) -> str:
    stream = io.StringIO()
    formatter = JsonFormatter(stream)
    formatter.start()
    for path, findings in files:
        formatter.file(path, findings)
    formatter.finish()
    return stream.getvalue()


def test_files_out_of_order_come_out_sorted_by_path():
    files = [
        ("b.txt", [finding("b.txt", 1, 1), finding("b.txt", 2, 5)]),
        ("a/z.txt", []),
        ("a/b/c.txt", [finding("a/b/c.txt", 3, 1)]),
        ("a.txt", [finding("a.txt", 1, 9, message="dash \udcff and “quotes”")]),
    ]
    out = json.loads(formatted(files))
    assert [(f["path"], f["line"], f["column"]) for f in out] == [
        ("a.txt", 1, 9),
        ("a/b/c.txt", 3, 1),
        ("b.txt", 1, 1),
        ("b.txt", 2, 5),
    ]
    assert out[0]["message"] == "dash \udcff and “quotes”"


def test_the_text_is_what_json_dump_of_the_whole_array_writes():
    files = [("a.txt", [finding("a.txt", 1, 1), finding("a.txt", 4, 2)]), ("b.txt", [finding("b.txt", 2, 3)])]
    whole = json.dumps([as_dict(f) for _, found in files for f in found], ensure_ascii=False, indent=2) + "\n"
    assert formatted(files) == whole
    assert formatted([("a.txt", []), ("b.txt", [])]) == "[]\n"
    assert formatted([]) == "[]\n"


def test_a_run_over_nested_folders_is_sorted_by_path(tmp_path):
    # The walk lists a folder's files before its subfolders ("d/z.txt" before "d/b/c.txt");
    # the array is still in path order.
    (tmp_path / "d" / "b").mkdir(parents=True)
    for name in ("d/z.txt", "d/b/c.txt", "d/a.txt"):
        (tmp_path / name).write_text("It rained.Then it stopped.\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newslint",
            "--format",
            "json",
            "--no-cache",
            "-j",
            "1",
            "--select",
            "missing-space",
            "d",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    paths = [f["path"] for f in json.loads(result.stdout)]
    assert paths == sorted(paths) and len(paths) == 3
