"""The warm daemon: real daemons, real clients, real sockets and descriptors.

Every command run through a daemon must give what the same command gives in its own
process: the same output, error lines, exit status and file changes. The tests check
that the command really went through the daemon (its count of commands run), so a
client that silently ran everything itself would fail them.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix" or sys.platform == "darwin", reason="a POSIX daemon (Linux)")

BAD = "The minister said it was over.The vote is on Monday.\n\nIt it was a long night.\n"
CLEAN = "The council met on Monday and agreed the budget.\n"


def _environment(runtime: Path, **extra: str) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NEWSLINT_NO_DAEMON", "XDG_RUNTIME_DIR")}
    for name in ("NO_COLOR", "FORCE_COLOR", "CI"):
        environment.pop(name, None)
    environment["TMPDIR"] = str(runtime)  # the daemon's socket folder goes under it
    environment.update(extra)
    return environment


def newslint(
    *args: str, env: dict[str, str], cwd: Path, stdin: bytes = b"", direct: bool = False
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m newslint ARGS``: through the daemon, or (``direct``) in its own process."""
    environment = {**env, "NEWSLINT_NO_DAEMON": "1"} if direct else env
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        cwd=cwd,
        env=environment,
        input=stdin,
        capture_output=True,
        timeout=120,
    )


def served(env: dict[str, str], cwd: Path) -> int | None:
    """Return how many commands the daemon has run, or None when none is running."""
    status = newslint("daemon", "status", env=env, cwd=cwd)
    if status.returncode != 0:
        return None
    text = status.stderr.decode()
    return int(text.split(" commands run")[0].rsplit(" ", 1)[1])


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Path]:
    """A private temporary folder for the socket, with any daemon started there stopped afterwards."""
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    yield folder
    environment = _environment(folder)
    newslint("daemon", "stop", env=environment, cwd=tmp_path)


@pytest.fixture
def daemon(runtime: Path, tmp_path: Path) -> dict[str, str]:
    """Start a daemon; return the environment whose commands it runs."""
    environment = _environment(runtime)
    started = newslint("daemon", "start", env=environment, cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    assert b"daemon started" in started.stderr
    assert served(environment, tmp_path) == 0
    return environment


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "bad.txt").write_text(BAD, encoding="utf-8")
    (folder / "clean.md").write_text(CLEAN, encoding="utf-8")
    return folder


CASES = [
    ("bad.txt",),
    ("--format", "json", "bad.txt", "clean.md"),
    ("--format", "sarif", "."),
    ("--select", "NL201", "bad.txt"),
    ("nope.txt", "bad.txt"),  # a missing file: one line, the other file linted, exit 2
    ("--select", "no-such-rule", "bad.txt"),  # a usage error
    ("--no-such-option",),
    ("explain", "NL201"),
    ("--version",),
    ("--help",),
]


@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_the_same_output_and_status_as_its_own_process(daemon, articles, args):
    before = served(daemon, articles)
    through = newslint(*args, env=daemon, cwd=articles)
    alone = newslint(*args, env=daemon, cwd=articles, direct=True)
    assert (through.returncode, through.stdout, through.stderr) == (alone.returncode, alone.stdout, alone.stderr)
    assert served(daemon, articles) == before + 1  # it did go through the daemon


def test_standard_input_reaches_the_command(daemon, articles):
    through = newslint("-", env=daemon, cwd=articles, stdin=BAD.encode())
    assert through.returncode == 1
    assert (
        through.stdout.decode().splitlines()[0]
        == "-:1:26: NL201 [missing-space] missing space after the full stop: 'over.The'"
    )
    assert served(daemon, articles) == 1


def test_configuration_and_files_are_read_anew_for_each_command(daemon, articles):
    assert newslint("bad.txt", env=daemon, cwd=articles).returncode == 1
    (articles / ".newslint.yaml").write_text("ignore: [NL201, NL204]\n", encoding="utf-8")
    assert newslint("bad.txt", env=daemon, cwd=articles).stdout == b""
    (articles / "bad.txt").write_text("It rained.Then it stopped.\n", encoding="utf-8")
    (articles / ".newslint.yaml").write_text("select: [NL201]\n", encoding="utf-8")
    assert newslint("bad.txt", env=daemon, cwd=articles).stdout.startswith(b"bad.txt:1:4: NL201")
    assert served(daemon, articles) == 3


def test_fix_rewrites_the_files_as_its_own_process_does(daemon, articles, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "bad.txt").write_text(BAD, encoding="utf-8")
    through = newslint("--fix", "bad.txt", env=daemon, cwd=articles)
    alone = newslint("--fix", "bad.txt", env=daemon, cwd=other, direct=True)
    assert (through.returncode, through.stdout, through.stderr) == (alone.returncode, alone.stdout, alone.stderr)
    fixed = (articles / "bad.txt").read_text(encoding="utf-8")
    assert fixed == (other / "bad.txt").read_text(encoding="utf-8") != BAD
    assert "over. The" in fixed


def test_the_client_environment_and_umask_apply(daemon, articles):
    coloured = newslint("bad.txt", env={**daemon, "FORCE_COLOR": "1"}, cwd=articles)
    assert b"\x1b[" in coloured.stdout
    assert newslint("bad.txt", env={**daemon, "FORCE_COLOR": "1", "NO_COLOR": "1"}, cwd=articles).stdout == (
        newslint("bad.txt", env=daemon, cwd=articles).stdout
    )
    result = subprocess.run(
        ["sh", "-c", f"umask 077 && {sys.executable} -m newslint --format json -o out.json bad.txt"],
        cwd=articles,
        env=daemon,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert (articles / "out.json").stat().st_mode & 0o777 == 0o600
    assert served(daemon, articles) == 4


def test_a_terminal_gets_colour_and_the_summary(daemon, articles):
    from tests.conftest import run_on_terminal

    environment = {**daemon, "NEWSLINT_NO_DAEMON": ""}  # an empty value is unset
    through = run_on_terminal("bad.txt", cwd=articles, env=environment)
    alone = run_on_terminal("bad.txt", cwd=articles, env={**environment, "NEWSLINT_NO_DAEMON": "1"})
    assert b"\x1b[" in through and b"2 findings in 1 file" in through
    assert through == alone
    assert served(daemon, articles) == 1


def test_changed_code_on_disk_restarts_the_daemon(runtime, articles, tmp_path):
    packages = tmp_path / "packages"
    packages.mkdir()
    environment = _environment(runtime, PYTHONPATH=str(packages))
    assert newslint("daemon", "start", env=environment, cwd=articles).returncode == 0
    assert newslint("bad.txt", env=environment, cwd=articles).returncode == 1
    assert served(environment, articles) == 1
    time.sleep(0.01)
    (packages / "newly_installed.py").write_text("", encoding="utf-8")  # the folder on the path changes
    after = newslint("bad.txt", env=environment, cwd=articles)
    assert (
        after.returncode == 1 and after.stdout == newslint("bad.txt", env=environment, cwd=articles, direct=True).stdout
    )
    # That command ran in the client (the daemon was stale); a fresh daemon runs the next.
    deadline = time.monotonic() + 60
    while served(environment, articles) is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert served(environment, articles) == 0
    newslint("bad.txt", env=environment, cwd=articles)
    assert served(environment, articles) == 1


def test_another_start_up_environment_runs_in_its_own_process(daemon, articles, tmp_path):
    other_cache = {**daemon, "NEWSLINT_CACHE_DIR": str(tmp_path / "elsewhere")}
    result = newslint("bad.txt", env=other_cache, cwd=articles)
    assert result.returncode == 1 and result.stdout.startswith(b"bad.txt:1:26: NL201")
    assert served(daemon, articles) == 0
    flagged = subprocess.run(
        [sys.executable, "-X", "utf8", "-m", "newslint", "bad.txt"], cwd=articles, env=daemon, capture_output=True
    )
    assert flagged.returncode == 1
    assert served(daemon, articles) == 0


def test_a_socket_folder_others_may_enter_is_not_used(runtime, articles):
    environment = _environment(runtime)
    folder = runtime / f"newslint-{os.getuid()}"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    refused = newslint("daemon", "start", env=environment, cwd=articles)
    assert refused.returncode == 2
    assert refused.stderr.decode().startswith(f"newslint: the socket folder {folder} is not a folder of yours")
    assert newslint("bad.txt", env=environment, cwd=articles).returncode == 1


# The number of the read system call, to see a process waiting on its standard input.
_READ = {"x86_64": 0, "aarch64": 63}.get(os.uname().machine)


def _reading_input(pid: int) -> bool:
    """True when process ``pid`` is blocked reading descriptor 0 (Linux's /proc/PID/syscall)."""
    try:
        call = Path(f"/proc/{pid}/syscall").read_text().split()
    except OSError:
        return False
    return len(call) > 1 and call[0] == str(_READ) and int(call[1], 16) == 0


def _children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def _daemon_pid(env: dict[str, str], cwd: Path) -> int:
    status = newslint("daemon", "status", env=env, cwd=cwd).stderr.decode()
    return int(status.split("pid ")[1].split(",")[0])


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _waiting_command(env: dict[str, str], cwd: Path, daemon_pid: int | None) -> tuple[subprocess.Popen[bytes], int]:
    """Start ``newslint -`` with standard input left open; return it and the pid of the process reading it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "newslint", "-"],
        cwd=cwd,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # As a shell's foreground command starts: a suite run as a background job (`&` in
        # a script) inherits SIGINT ignored, and Python then never raises KeyboardInterrupt.
        preexec_fn=_interruptible,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        readers = _children(daemon_pid) if daemon_pid is not None else [process.pid]
        if readers and _reading_input(readers[0]):
            return process, readers[0]
        time.sleep(0.05)
    process.kill()
    raise AssertionError("the command never waited on its input")


@pytest.mark.skipif(_READ is None, reason="needs the read system call's number for this machine")
def test_ctrl_c_reaches_the_command(daemon, articles):
    def interrupted(environment: dict[str, str], daemon_pid: int | None) -> tuple[int | None, bytes]:
        process, _ = _waiting_command(environment, articles, daemon_pid)
        process.send_signal(signal.SIGINT)  # to the client: the daemon's child is not in its group
        process.wait(timeout=60)  # input still open: only the interrupt can end the command
        _, err = process.communicate(timeout=60)
        return process.returncode, err

    assert interrupted(daemon, _daemon_pid(daemon, articles)) == (1, b"\nAborted!\n")
    assert interrupted({**daemon, "NEWSLINT_NO_DAEMON": "1"}, None) == (1, b"\nAborted!\n")


@pytest.mark.skipif(_READ is None, reason="needs the read system call's number for this machine")
def test_a_command_whose_child_is_killed_ends_with_one_line(daemon, articles):
    process, child = _waiting_command(daemon, articles, _daemon_pid(daemon, articles))
    os.kill(child, signal.SIGKILL)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert err.decode().strip().startswith("newslint: the daemon's run of this command ended without an exit status")
    assert served(daemon, articles) == 1  # the daemon itself carries on


def test_stop_and_idle_timeout(runtime, articles):
    environment = _environment(runtime)
    assert newslint("daemon", "start", "--idle-timeout", "1", env=environment, cwd=articles).returncode == 0
    deadline = time.monotonic() + 30
    while served(environment, articles) is not None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert served(environment, articles) is None
    assert not list(runtime.glob("newslint-*/*.sock"))  # it removed its socket
    assert newslint("daemon", "start", env=environment, cwd=articles).returncode == 0
    again = newslint("daemon", "start", env=environment, cwd=articles)
    assert again.returncode == 0 and b"already running" in again.stderr
    stopped = newslint("daemon", "stop", env=environment, cwd=articles)
    assert stopped.returncode == 0 and b"daemon stopped" in stopped.stderr
    assert newslint("daemon", "status", env=environment, cwd=articles).returncode == 1
    assert newslint("bad.txt", env=environment, cwd=articles).returncode == 1


def test_a_command_through_the_daemon_skips_start_up(daemon, articles):
    def median(environment: dict[str, str]) -> float:
        times = []
        for _ in range(7):
            start = time.perf_counter()
            newslint("bad.txt", env=environment, cwd=articles)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    through, alone = median(daemon), median({**daemon, "NEWSLINT_NO_DAEMON": "1"})
    assert through < 0.75 * alone, (through, alone)


def test_a_stopped_daemon_does_not_hang_the_command_or_run_it_twice(daemon, articles):
    pid = _daemon_pid(daemon, articles)
    os.kill(pid, signal.SIGSTOP)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "newslint", "bad.txt"],
            cwd=articles,
            env=daemon,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        start = time.monotonic()
        # The client waits five seconds for the daemon to take the command on, then runs it itself.
        assert process.wait(timeout=60) == 1
        assert time.monotonic() - start < 30
    finally:
        os.kill(pid, signal.SIGCONT)
    # The daemon now reads the abandoned request; its child must not run the command again
    # (the output would appear twice: the pipe stays open while the daemon holds its copy).
    out, err = process.communicate(timeout=60)
    alone = newslint("bad.txt", env=daemon, cwd=articles, direct=True)
    assert (out, err) == (alone.stdout, alone.stderr)
    assert served(daemon, articles) == 1  # it forked a child for the request, which ran nothing
