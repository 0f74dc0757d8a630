"""The result cache and worker processes of ``Linter.lint_paths``."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from newslint import Linter, Violation, hookimpl, result_cache, rule

CALLS: list[str] = []


@rule("ZZ801", "counted-rule", summary="Flags 'xyzzy' and counts its own runs.")
def counted(document, options):
    """What it does: flags xyzzy."""
    CALLS.append(document.path)
    at = document.text.find("xyzzy")
    if at >= 0:
        yield Violation(at, at + 5, f"xyzzy seen (pid {os.getpid()})")


class Counted:
    @hookimpl
    def newslint_rules(self):
        return [counted]


def _linter(tmp_path: Path, **kwargs) -> Linter:
    config = tmp_path / ".newslint.yaml"
    if not config.exists():
        config.write_text("select: [counted-rule]\n")
    return Linter(entry_points=False, plugins=[Counted()], **kwargs)


def _tree(tmp_path: Path, count: int = 3) -> list[Path]:
    files = []
    for i in range(count):
        path = tmp_path / f"a{i:03}.txt"
        path.write_text(f"Story {i} has xyzzy in it.\n" if i % 2 == 0 else f"Story {i} is clean.\n")
        files.append(path)
    return files


def _run(linter: Linter, tmp_path: Path, **kwargs) -> list[tuple[str, list[tuple[int, int, str]]]]:
    return [
        (Path(r.path).name, [(f.line, f.column, f.code) for f in r.findings])
        for r in linter.lint_paths([str(tmp_path)], **kwargs)
    ]


def test_an_unchanged_file_is_not_linted_again(tmp_path):
    _tree(tmp_path)
    CALLS.clear()
    first = _run(_linter(tmp_path, cache=True), tmp_path)
    assert len(CALLS) == 3 and (tmp_path / ".newslint_cache" / "results-v2.sqlite").is_file()
    CALLS.clear()
    assert _run(_linter(tmp_path, cache=True), tmp_path) == first
    assert CALLS == []


def test_git_leaves_the_cache_folder_out(tmp_path):
    # A pre-commit run in a repository must not leave a change for 'git add -A' to pick
    # up, nor commit the findings, which quote the copy: the folder ignores itself.
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _tree(tmp_path)
    _run(_linter(tmp_path, cache=True), tmp_path)
    assert (tmp_path / ".newslint_cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=tmp_path, capture_output=True, text=True
    )
    listed = [line[3:] for line in status.stdout.splitlines()]
    assert ".newslint.yaml" in listed and not any(name.startswith(".newslint_cache") for name in listed)


def test_a_changed_file_or_configuration_is_linted_again(tmp_path):
    files = _tree(tmp_path)
    _run(_linter(tmp_path, cache=True), tmp_path)
    files[1].write_text("Story 1 now has xyzzy.\n")
    CALLS.clear()
    result = _run(_linter(tmp_path, cache=True), tmp_path)
    assert [Path(p).name for p in CALLS] == ["a001.txt"]
    assert result[1] == ("a001.txt", [(1, 17, "ZZ801")])
    (tmp_path / ".newslint.yaml").write_text("select: [counted-rule]\nrules:\n  counted-rule: {severity: error}\n")
    CALLS.clear()
    _run(_linter(tmp_path, cache=True), tmp_path)
    assert len(CALLS) == 3


def _rows(tmp_path: Path) -> dict[str, tuple[str, str, str]]:
    """Return the cache database's rows: path -> (digest, key, findings JSON)."""
    with sqlite3.connect(tmp_path / ".newslint_cache" / "results-v2.sqlite") as db:
        return {path: rest for path, *rest in db.execute("SELECT path, digest, key, findings FROM entries")}


def _other_table(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE entries (path TEXT, findings TEXT)")
        db.execute("INSERT INTO entries VALUES ('x', '[]')")


@pytest.mark.parametrize(
    "garbage", [b"", b"{not json", b"SQLite format 3\x00" + b"\x07" * 200, b"\xff\xfe\x00", _other_table]
)
def test_a_corrupt_cache_file_is_ignored_never_trusted(tmp_path, garbage):
    files = _tree(tmp_path)
    expected = _run(_linter(tmp_path), tmp_path)
    cache_file = tmp_path / ".newslint_cache" / "results-v2.sqlite"
    cache_file.parent.mkdir()
    if callable(garbage):
        garbage(cache_file)
    else:
        cache_file.write_bytes(garbage)
    CALLS.clear()
    assert _run(_linter(tmp_path, cache=True), tmp_path) == expected
    assert len(CALLS) == 3  # nothing was taken from it
    assert len(_rows(tmp_path)) == 3  # rebuilt
    # A well-formed row with findings that do not fit the file is not trusted either.
    path = str(files[0])
    findings = json.loads(_rows(tmp_path)[path][2])
    assert len(findings) == 1 and findings[0][:3] == ["ZZ801", "counted-rule", "warning"]
    for broken in _malformed(findings[0]):
        with sqlite3.connect(cache_file) as db:
            db.execute("UPDATE entries SET findings = ? WHERE path = ?", (broken, path))
        CALLS.clear()
        assert _run(_linter(tmp_path, cache=True), tmp_path) == expected, broken
        assert [Path(p).name for p in CALLS] == ["a000.txt"], broken


def _malformed(finding: list) -> list[str]:
    """Return findings columns that must not be trusted, made from one good finding."""
    variants = []
    for index, value in [(0, None), (2, "fatal"), (2, []), (4, "12"), (6, 1.5), (6, True), (3, 7), (11, [1, 2, 3])]:
        changed = list(finding)
        changed[index] = value
        variants.append(changed)
    variants += [finding[:-1], [*finding, None], {"code": "ZZ801"}, "x" * 12]
    variants += [[*finding[:10], [0, 1, "x", "yes"], None], [*finding[:10], [0, 1, "x"], None]]
    return [json.dumps([item]) for item in variants] + ["[" * 100_000, "7", "{", '"text"']


def test_cache_false_in_the_configuration_keeps_nothing_on_disk(tmp_path):
    _tree(tmp_path)
    (tmp_path / ".newslint.yaml").write_text("select: [counted-rule]\ncache: false\n")
    _run(_linter(tmp_path, cache=True), tmp_path)
    assert not (tmp_path / ".newslint_cache").exists()


def test_the_cache_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(result_cache, "MAX_ENTRIES", 2)
    _tree(tmp_path, 5)
    _run(_linter(tmp_path, cache=True), tmp_path)
    assert sorted(Path(p).name for p in _rows(tmp_path)) == ["a003.txt", "a004.txt"]


def test_a_run_on_one_file_reads_one_row_and_holds_no_more(tmp_path, monkeypatch):
    # Rows are written in batches while the run goes on, not held until the end.
    monkeypatch.setattr(result_cache, "_BATCH", 4)
    _tree(tmp_path, 10)
    linter = _linter(tmp_path, cache=True)
    for _result in linter.lint_paths([str(tmp_path)]):
        held = [len(cache._pending) for cache in linter._caches.values()]
        assert all(size < 4 for size in held)
    assert len(_rows(tmp_path)) == 10
    CALLS.clear()
    one = _run(_linter(tmp_path, cache=True), tmp_path / "a004.txt")
    assert one == [("a004.txt", [(1, 13, "ZZ801")])] and CALLS == []  # "Story 4 has " is 12 characters


def test_two_runs_at_once_leave_a_valid_cache(tmp_path):
    _tree(tmp_path, 40)
    (tmp_path / ".newslint.yaml").write_text("select: [missing-space]\n")
    command = [sys.executable, "-m", "newslint", "-j", "1", str(tmp_path)]
    runs = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(4)]
    for run in runs:
        assert run.wait(timeout=120) == 0, run.stderr.read()
    rows = _rows(tmp_path)
    assert len(rows) == 40 and all(json.loads(findings) == [] for _, _, findings in rows.values())


def test_workers_give_the_serial_results_in_the_serial_order(tmp_path):
    _tree(tmp_path, 40)
    serial = _run(_linter(tmp_path), tmp_path)
    CALLS.clear()
    linter = _linter(tmp_path)
    results = list(linter.lint_paths([str(tmp_path)], jobs=2))
    assert [(Path(r.path).name, [(f.line, f.column, f.code) for f in r.findings]) for r in results] == serial
    # The first file is linted here, before the workers fork (what it loads is then shared
    # by them, not loaded again by each); every other file in a worker.
    assert CALLS == [results[0].path]
    pids = {f.message for r in results[1:] for f in r.findings}
    assert f"xyzzy seen (pid {os.getpid()})" not in pids


def test_a_handful_of_files_is_linted_without_starting_workers(tmp_path):
    _tree(tmp_path, 5)
    results = list(_linter(tmp_path).lint_paths([str(tmp_path)], jobs=2))
    assert {f.message for r in results for f in r.findings} == {f"xyzzy seen (pid {os.getpid()})"}


def test_workers_fill_the_cache_of_the_parent(tmp_path):
    _tree(tmp_path, 40)
    list(_linter(tmp_path, cache=True).lint_paths([str(tmp_path)], jobs=2))
    CALLS.clear()
    _run(_linter(tmp_path, cache=True), tmp_path)
    assert CALLS == []


def test_the_command_line_caches_beside_the_configuration_unless_told_not_to(tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / ".newslint.yaml").write_text("select: [missing-space]\n")
    (tmp_path / "desk" / "a.txt").write_text("It rained.Then it stopped.\n")
    base = [sys.executable, "-m", "newslint"]
    subprocess.run([*base, "--no-cache", "desk"], cwd=tmp_path, capture_output=True, check=False)
    assert not (tmp_path / "desk" / ".newslint_cache").exists()
    first = subprocess.run([*base, "desk"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert (tmp_path / "desk" / ".newslint_cache" / "results-v2.sqlite").is_file()
    again = subprocess.run([*base, "desk"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert first.stdout == again.stdout and "NL201" in again.stdout and again.returncode == 1


def test_a_changed_rule_module_is_a_miss(tmp_path):
    # An editable install keeps its version while its code changes: the rule's own file counts.
    _tree(tmp_path)
    _run(_linter(tmp_path, cache=True), tmp_path)
    module = Path(__file__)
    before = module.stat()
    try:
        os.utime(module, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
        CALLS.clear()
        _run(_linter(tmp_path, cache=True), tmp_path)
        assert len(CALLS) == 3
    finally:
        os.utime(module, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_a_window_looked_up_at_once_still_treats_each_bad_row_as_a_miss(tmp_path, monkeypatch):
    # Workers' runs look a window of files up in few queries (here two paths a query).
    monkeypatch.setattr(result_cache, "_IN_CHUNK", 2)
    files = _tree(tmp_path, 40)
    expected = _run(_linter(tmp_path), tmp_path)
    list(_linter(tmp_path, cache=True).lint_paths([str(tmp_path)], jobs=2))
    files[3].write_text("Story 3 now has xyzzy.\n")
    expected[3] = ("a003.txt", [(1, 17, "ZZ801")])
    cache_file = tmp_path / ".newslint_cache" / "results-v2.sqlite"
    with sqlite3.connect(cache_file) as db:
        db.execute("DELETE FROM entries WHERE path = ?", (str(files[10]),))
        db.execute("UPDATE entries SET findings = '[{' WHERE path = ?", (str(files[20]),))
        db.execute("UPDATE entries SET findings = '[{\"code\": 1}]' WHERE path = ?", (str(files[30]),))
    CALLS.clear()
    # Four misses are fewer than workers are started for: they are linted here, and counted.
    assert _run(_linter(tmp_path, cache=True), tmp_path, jobs=2) == expected
    assert sorted(Path(p).name for p in CALLS) == ["a003.txt", "a010.txt", "a020.txt", "a030.txt"]
    CALLS.clear()
    assert _run(_linter(tmp_path, cache=True), tmp_path, jobs=2) == expected
    assert CALLS == []  # the misses were stored again


def test_get_many_answers_each_path_as_get_does(tmp_path, monkeypatch):
    monkeypatch.setattr(result_cache, "_IN_CHUNK", 2)
    linter = _linter(tmp_path)
    finding = linter.lint_text("It has xyzzy.", "a.txt")[0]
    cache = result_cache.ResultCache(tmp_path / "cache")
    cache.put("a.txt", "d1", "k", [replace(finding, path="a.txt")])
    cache.put("b.txt", "d2", "k", [])
    cache.put("c.txt", "d3", "k", [])
    cache.put("e.txt", "d5", "k", [])
    cache.save()
    wanted = [("a.txt", "d1", "k"), ("b.txt", "d2", "other key"), ("c.txt", "changed", "k"), ("d.txt", "d4", "k")]
    wanted += [("a.txt", "d1", "k"), ("e.txt", "d5", "k")]  # the last alone in its query
    again = result_cache.ResultCache(tmp_path / "cache")
    assert again.get_many(wanted) == [[finding], None, None, None, [finding], []]
    assert [again.get(*item) for item in wanted] == again.get_many(wanted)
    again.put("d.txt", "d4", "k", [])  # pending, not yet written: answered all the same
    assert again.get_many([("d.txt", "d4", "k")]) == [[]]
    assert result_cache.ResultCache(tmp_path / "none").get_many(wanted[:2]) == [None, None]
