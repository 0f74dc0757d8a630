"""``newslint daemon start | stop | status``: start the warm daemon in the background, ask it, stop it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

from newslint.daemon import socket_path
from newslint.daemon.server import DaemonError, ask, private_folder

# How long ``start`` waits for the new daemon to answer (it warms up first, under a second).
_START_TIMEOUT = 60.0


def log_path() -> str:
    """Return the file the background daemon writes its errors to."""
    return os.path.splitext(socket_path())[0] + ".log"


def start(idle_timeout: float) -> str:
    """Start this installation's daemon in the background unless one runs; return what happened."""
    if os.name != "posix" or not hasattr(socket, "AF_UNIX"):
        raise DaemonError("the daemon needs a POSIX system (Unix sockets and fork)")
    running = ask("status")
    if running is not None:
        return f"a daemon is already running (pid {running['pid']})"
    private_folder()
    with open(log_path(), "ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "newslint", "daemon", "serve", "--idle-timeout", str(idle_timeout)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            cwd="/",
            start_new_session=True,  # not stopped by the terminal's Ctrl-C or hang-up
            close_fds=True,
        )
    deadline = time.monotonic() + _START_TIMEOUT
    while time.monotonic() < deadline:
        answer = ask("status")
        if answer is not None:
            return f"daemon started (pid {answer['pid']}); newslint commands now run in it"
        if process.poll() is not None:
            # Another start won the race: its daemon answers soon, and that is success too.
            answer = _wait_for_answer(deadline)
            if answer is not None:
                return f"a daemon is already running (pid {answer['pid']})"
            raise DaemonError(f"the daemon did not start: {_last_line(log_path())}")
        time.sleep(0.02)
    process.terminate()
    raise DaemonError(f"the daemon did not answer within {_START_TIMEOUT:.0f} s (log: {log_path()})")


def _wait_for_answer(deadline: float) -> dict[str, object] | None:
    while time.monotonic() < deadline:
        answer = ask("status")
        if answer is not None or not os.path.exists(socket_path()):
            return answer
        time.sleep(0.02)
    return None


def _last_line(path: str) -> str:
    try:
        with open(path, "rb") as file:
            lines = file.read()[-4000:].decode("utf-8", "replace").strip().splitlines()
    except OSError:
        lines = []
    return lines[-1] if lines else f"see {path}"


def stop() -> str:
    """Stop this installation's daemon; return what happened."""
    answer = ask("stop")
    if answer is None:
        return "no daemon was running"
    deadline = time.monotonic() + 10
    while ask("status") is not None and time.monotonic() < deadline:
        time.sleep(0.02)
    return f"daemon stopped (pid {answer['pid']}, {answer['served']} commands run)"


def status() -> str | None:
    """Describe the running daemon, or return None when none runs."""
    answer = ask("status")
    if answer is None:
        return None
    uptime = time.time() - float(answer["started"])  # type: ignore[arg-type]
    return (
        f"daemon running: pid {answer['pid']}, up {uptime:.0f} s, {answer['served']} commands run, "
        f"stops after {float(answer['idle_timeout']):.0f} s idle; socket {answer['socket']}"  # type: ignore[arg-type]
    )
