"""The ``newslint`` entry point ends a finished command at once, without losing what an exit does.

Skipping the interpreter's tear-down must still run the ``atexit`` functions (the caches'
writes), flush every byte written to standard output, keep the exit status, and leave
the ordinary exit to the interpreter whenever another thread is still running.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from newslint import Linter, __version__

_ENTRY = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('atexit ran'))  # into stdout's buffer, after the run\n"
    "sys.argv = ['newslint', *sys.argv[1:]]\n"
    "from newslint.entry import main\n"
    "main()\n"
)


def run(tmp_path: Path, program: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # stdout buffered, as for users
    env.update(NEWSLINT_CACHE_DIR=str(tmp_path / "cache"), NEWSLINT_NO_DAEMON="1")
    return subprocess.run(
        [sys.executable, *program, *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )


def test_a_run_writes_its_caches_and_every_finding_before_it_exits(tmp_path):
    # Far more output than a pipe holds: every line must still arrive.
    paragraphs = [f"Para {n} holds a TK here and the the word twice." for n in range(1500)]
    article = tmp_path / "long.txt"
    article.write_text("Council backs budget\n\n" + "\n\n".join(paragraphs) + "\n")
    expected = Linter(entry_points=False).lint_text(article.read_text(), path=str(article))
    assert len(expected) > 2000
    result = run(tmp_path, ["-m", "newslint"], "--no-cache", article.name)
    assert result.returncode == 1, result.stderr[-2000:]
    assert len(result.stdout.splitlines()) == len(expected)
    assert result.stdout.splitlines()[-1].startswith(f"{article.name}:")
    kept = sorted(path.name.split("-")[0] for path in (tmp_path / "cache").glob("*.marshal"))
    assert "regex" in kept and "classes" in kept  # written by atexit functions


def test_atexit_functions_run_and_the_status_is_kept(tmp_path):
    (tmp_path / "clean.txt").write_text("Council backs budget\n\nThe council met on Monday.\n")
    (tmp_path / "slip.txt").write_text("Council backs budget\n\nThe council met on TK Monday.\n")
    for name, status in (("clean.txt", 0), ("slip.txt", 1), ("missing.txt", 2)):
        result = run(tmp_path, ["-c", _ENTRY], "--no-cache", name)
        assert result.returncode == status, (name, result.stderr)
        assert result.stdout.splitlines()[-1] == "atexit ran", (name, result.stdout)
    result = run(tmp_path, ["-c", _ENTRY], "--version")
    assert result.returncode == 0 and result.stdout.splitlines()[-2:] == [f"newslint {__version__}", "atexit ran"]


def test_a_thread_still_running_is_waited_for(tmp_path):
    # The interpreter joins non-daemon threads before exiting; the quick exit must not cut one short.
    done = tmp_path / "done"
    program = (
        "import threading, time\n"
        f"threading.Thread(target=lambda: (time.sleep(0.5), open({str(done)!r}, 'w').close())).start()\n" + _ENTRY
    )
    (tmp_path / "clean.txt").write_text("Council backs budget\n\nThe council met on Monday.\n")
    result = run(tmp_path, ["-c", program], "--no-cache", "clean.txt")
    assert result.returncode == 0, result.stderr
    assert done.exists()


def test_the_interpreter_tear_down_is_skipped(tmp_path):
    # What the quick exit is for: a module-level object is not freed one by one at the end.
    program = "class Noisy:\n    def __del__(self):\n        print('torn down')\nnoisy = Noisy()\n" + _ENTRY
    (tmp_path / "clean.txt").write_text("Council backs budget\n\nThe council met on Monday.\n")
    result = run(tmp_path, ["-c", program], "--no-cache", "clean.txt")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["atexit ran"]


_COLLECTOR = (
    "import atexit, gc, sys\n"
    "atexit.register(lambda: print('collector', gc.isenabled(), gc.get_freeze_count() > 0))\n"
    "sys.argv = ['newslint', *sys.argv[1:]]\n"
    "from newslint.entry import main\n"
    "main()\n"
)


def test_the_collector_is_back_on_once_a_command_has_started(tmp_path):
    # Start-up runs without the cyclic garbage collector; every command does its work with
    # it on (a long run must not accumulate cycles), start-up's objects frozen.
    (tmp_path / "clean.txt").write_text("Council backs budget\n\nThe council met on Monday.\n")
    for args in (("--no-cache", "clean.txt"), ("--jobs", "1", "clean.txt"), ("explain", "NL201"), ("--list-rules",)):
        result = run(tmp_path, ["-c", _COLLECTOR], *args)
        assert result.returncode == 0, (args, result.stderr)
        assert result.stdout.splitlines()[-1] == "collector True True", (args, result.stdout[-300:])


def test_used_as_a_library_the_collector_is_left_alone():
    import gc

    from newslint import collector

    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    collector.resume()  # never paused: nothing to do
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_a_profiler_still_writes_its_figures(tmp_path):
    # cProfile (and tracers: coverage, trace) finish their work after the command returns.
    (tmp_path / "clean.txt").write_text("Council backs budget\n\nThe council met on Monday.\n")
    result = run(tmp_path, ["-m", "cProfile", "-o", "run.prof", "-m", "newslint"], "--no-cache", "clean.txt")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "run.prof").stat().st_size > 0
