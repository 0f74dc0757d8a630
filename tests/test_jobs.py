"""--jobs: files linted in worker processes give the serial results, in the serial order."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import Linter
from newslint import linter as linter_module


@pytest.fixture(autouse=True)
def _cpus(monkeypatch):
    """Four usable CPUs, whatever this machine has: workers are capped at the CPUs."""
    monkeypatch.setattr(linter_module, "usable_cpus", lambda: 4)


_SENTENCES = (
    "The council met on Monday to discuss the budget.",
    "It rained.Then the match was called off.",  # missing space: NL201
    "Residents said the new bus lane had cut journey times.",
    "The  station will close for two weeks in March.",  # double space
    "A spokesman said the plans were still being drawn up.",
)


def _tree(root: Path, count: int, seed: int = 7) -> None:
    """Write ``count`` short articles of our own sentences, some with slips, in two folders."""
    rng = random.Random(seed)
    for index in range(count):
        folder = root / ("a" if index % 3 else "b")
        folder.mkdir(exist_ok=True)
        body = " ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(1, 4)))
        (folder / f"story{index:04d}.txt").write_text(f"Story {index}\n\n{body}\n")


def _shape(results) -> list[tuple[str, list[tuple[int, int, str]]]]:
    return [(r.path, [(f.line, f.column, f.code) for f in r.findings]) for r in results]


def test_many_windows_in_workers_give_the_serial_results_in_order(tmp_path):
    # 600 files: more than two windows of 256, so the next window is sent out while the
    # one before is collected; half of them answered from a warm result cache.
    _tree(tmp_path, 600)
    select = ["missing-space", "double-space"]
    serial = _shape(Linter(select=select, entry_points=False).lint_paths([str(tmp_path)]))
    assert len(serial) == 600 and sum(bool(f) for _, f in serial) > 100
    cache = tmp_path / "cache"
    warm = Linter(select=select, entry_points=False, cache=True, cache_dir=cache)
    list(warm.lint_paths([str(tmp_path / "b")]))  # a third of the files cached
    for cached in (False, True):
        linter = Linter(select=select, entry_points=False, cache=cached, cache_dir=cache)
        assert _shape(linter.lint_paths([str(tmp_path)], jobs=2)) == serial


_STARTS_WORKERS = (
    "import sys\n"
    "from newslint import Linter\n"
    "results = list(Linter(entry_points=False).lint_paths([sys.argv[1]], jobs=2))\n"
    "print(len(results), 'concurrent.futures.process' in sys.modules)\n"
)


def test_a_handful_of_files_starts_no_worker(tmp_path):
    _tree(tmp_path, 6)
    result = subprocess.run(
        [sys.executable, "-c", _STARTS_WORKERS, str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["6", "False"]


def test_a_worker_never_touches_the_parents_result_cache(tmp_path, monkeypatch):
    # A forked worker holds copies of the parent's open SQLite connections, which must not
    # cross a fork: it lints what the parent could not answer and hands the entry back.
    from newslint import linter as module
    from newslint.result_cache import ResultCache

    _tree(tmp_path, 3)
    parent = Linter(select=["missing-space"], entry_points=False, cache=True, cache_dir=tmp_path / "cache")
    list(parent.lint_paths([str(tmp_path / "a")]))  # opens the cache in the "parent"
    assert parent._caches

    def refuse(*_args, **_kwargs):
        raise AssertionError("a worker used the result cache")

    for name in ("get", "get_many", "put", "save"):
        monkeypatch.setattr(ResultCache, name, refuse)
    for name, value in (("_IN_WORKER", False), ("_WORKER", None), ("_INHERITED", [])):
        monkeypatch.setattr(module, name, value)  # put back when the test ends
    module._start_worker(parent)  # as a forked worker starts, in this process
    assert parent._caches == {}
    target = next(module.targets([str(tmp_path / "b")], parent._excluded, parent.formats.suffixes))
    result, entry = module._work(target, False, True)
    assert result.error is None and entry is not None  # linted, and the entry is for the parent


def test_worker_results_leave_out_the_source_only_when_asked(tmp_path):
    _tree(tmp_path, 60)
    select = ["missing-space", "double-space"]
    serial = list(Linter(select=select, entry_points=False).lint_paths([str(tmp_path)]))
    linter = Linter(select=select, entry_points=False)
    kept = list(linter.lint_paths([str(tmp_path)], jobs=2))
    lean = list(linter.lint_paths([str(tmp_path)], jobs=2, keep_source=False))
    assert _shape(kept) == _shape(lean) == _shape(serial)
    assert all(r.source is not None and r.source.text == Path(r.path).read_text() for r in kept)
    assert sum(r.source is None for r in lean) > 50  # the workers' results; the first is the parent's
    # Fixing needs the text it started from (``changed``, --diff): it is always kept.
    fixing = list(linter.lint_paths([str(tmp_path)], jobs=2, fix=True, write=False, keep_source=False))
    assert all(r.source is not None for r in fixing) and sum(r.changed for r in fixing) > 10


def test_every_format_shows_the_same_with_workers(tmp_path, monkeypatch):
    # Formats that read each file's text (full's excerpts, sarif's UTF-16 columns and
    # fingerprints) get it from workers too; the others are given none and print the same.
    from click.testing import CliRunner

    from newslint.cli import main

    _tree(tmp_path, 40)
    for index, story in enumerate(sorted(tmp_path.rglob("*.txt"))):
        if index % 4 == 0:  # a character outside the BMP before a slip: UTF-16 columns differ
            story.write_text(story.read_text() + "\nThe caf\u00e9 \U0001f389 shut.Then  it rained.\n")
    monkeypatch.chdir(tmp_path)
    for name in ("concise", "full", "json", "sarif"):
        args = ["--select", "missing-space,double-space", "--format", name, "--no-cache", "."]
        serial = CliRunner().invoke(main, [*args, "--jobs", "1"], catch_exceptions=False)
        parallel = CliRunner().invoke(main, [*args, "--jobs", "2"], catch_exceptions=False)
        assert serial.exit_code == parallel.exit_code == 1, (name, parallel.stderr)
        assert parallel.stdout == serial.stdout, name
        if name == "full":  # the excerpt under a finding: the text was there
            assert "caf\u00e9 \U0001f389 shut.Then" in parallel.stdout


def test_which_formatters_want_the_text():
    import io

    from newslint.formatters import formatter_class
    from newslint.formatters.base import Formatter, wants_text

    wanted = {name: wants_text(formatter_class(name)(io.StringIO())) for name in ("concise", "full", "json", "sarif")}
    assert wanted == {"concise": False, "full": True, "json": False, "sarif": True}

    class Plain:  # a plugin formatter that is no Formatter subclass and takes no text
        def file(self, path, findings):
            pass

    class Texty(Formatter):
        def file(self, path, findings, text=None):
            pass

    class Anything(Formatter):
        def file(self, path, findings, **extra):
            pass

    assert [wants_text(f) for f in (Plain(), Texty(io.StringIO()), Anything(io.StringIO()), object())] == [
        False,
        True,
        True,
        False,
    ]


def _pool_sizes(monkeypatch) -> list[int]:
    """Record the number of workers each pool the Linter starts is given."""
    sizes: list[int] = []
    real = linter_module._pool

    def recording(linter, jobs):
        sizes.append(jobs)
        return real(linter, jobs)

    monkeypatch.setattr(linter_module, "_pool", recording)
    return sizes


def test_no_more_workers_than_cpus(tmp_path, monkeypatch):
    # --jobs 100 on a two-CPU machine: 100 processes would only compete for two CPUs.
    _tree(tmp_path, 400)
    sizes = _pool_sizes(monkeypatch)
    select = ["missing-space"]
    serial = _shape(Linter(select=select, entry_points=False).lint_paths([str(tmp_path)]))
    assert _shape(Linter(select=select, entry_points=False).lint_paths([str(tmp_path)], jobs=100)) == serial
    assert sizes == [4]
    # One usable CPU: no worker at all, the files are linted in this process.
    monkeypatch.setattr(linter_module, "usable_cpus", lambda: 1)
    assert _shape(Linter(select=select, entry_points=False).lint_paths([str(tmp_path)], jobs=8)) == serial
    assert sizes == [4]


def test_no_more_workers_than_the_files_keep_busy(tmp_path, monkeypatch):
    # 25 files: one linted here, 24 left, eight a worker at least, so three workers of four.
    _tree(tmp_path, 25)
    sizes = _pool_sizes(monkeypatch)
    results = list(Linter(select=["missing-space"], entry_points=False).lint_paths([str(tmp_path)], jobs=4))
    assert len(results) == 25 and sizes == [3]


_ON_ONE_CPU = (
    "import sys\n"
    "from newslint import Linter\n"
    "from newslint.linter import usable_cpus\n"
    "results = list(Linter(entry_points=False).lint_paths([sys.argv[1]], jobs=8))\n"
    "print(usable_cpus(), len(results), 'concurrent.futures.process' in sys.modules)\n"
)


@pytest.mark.skipif(shutil.which("taskset") is None, reason="needs taskset (util-linux)")
def test_a_process_held_to_one_cpu_lints_in_itself(tmp_path):
    # The CPUs a process may use, not the machine's: a container or `taskset` may allow one.
    _tree(tmp_path, 40)
    result = subprocess.run(
        ["taskset", "-c", "0", sys.executable, "-c", _ON_ONE_CPU, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["1", "40", "False"]
