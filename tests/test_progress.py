"""The progress bar: on a real terminal (a pseudo-terminal) only, never in CI, pipes or quiet runs."""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import struct
import subprocess
import sys
import termios

import pytest

from newslint.progress import Progress, wanted


@pytest.fixture
def terminal():
    """Return a real terminal (the child end of a pseudo-terminal) and a reader of what it shows."""
    parent, child = pty.openpty()
    # A terminal window of 100 columns: a new pseudo-terminal has none, and tqdm draws to the width.
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    stream = os.fdopen(child, "w", encoding="utf-8", buffering=1)

    def shown() -> str:
        stream.flush()
        chunks = []
        os.set_blocking(parent, False)
        while True:
            try:
                chunk = os.read(parent, 65536)
            except (BlockingIOError, OSError):
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks).decode("utf-8", "replace")

    yield stream, shown
    stream.close()
    os.close(parent)


def test_wanted_only_with_stderr_on_a_terminal_and_findings_elsewhere(terminal, monkeypatch):
    tty, _ = terminal
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    pipe = io.StringIO()
    assert wanted(pipe, tty)
    assert not wanted(pipe, pipe)  # stderr not a terminal
    assert not wanted(tty, tty)  # the findings scroll on the same terminal
    assert not wanted(pipe, tty, quiet=True)
    monkeypatch.setenv("CI", "true")
    assert not wanted(pipe, tty)
    monkeypatch.setenv("CI", "false")
    assert wanted(pipe, tty)
    monkeypatch.setenv("TERM", "dumb")
    assert not wanted(pipe, tty)


def test_the_bar_appears_after_the_delay_only(terminal):
    tty, shown = terminal
    quick = Progress(tty, enabled=True, delay=3600)
    quick.set_total(5)
    for _ in range(5):
        quick.advance()
    quick.close()
    assert shown() == ""
    slow = Progress(tty, enabled=True, delay=0)
    slow.set_total(4)
    for _ in range(4):
        slow.advance()
    screen = shown()
    assert "1/4" in screen and "file/s" in screen  # drawn at once, with the files done so far
    slow.close()


def test_a_disabled_bar_draws_nothing(terminal):
    tty, shown = terminal
    progress = Progress(tty, enabled=False, delay=0)
    for _ in range(3):
        progress.advance()
    progress.close()
    assert shown() == ""
    assert progress.done == 3


def test_a_ci_run_writes_nothing_but_findings(tmp_path):
    # CI=true as CI services set it: standard error stays free of any bar, stdout is plain JSON.
    for number in range(3):
        (tmp_path / f"a{number}.txt").write_text("Council meets\n\nIt rained.Then it stopped.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "--format", "json", "--no-cache", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "CI": "true"},
    )
    assert result.returncode == 1
    assert result.stderr == ""
    assert [f["code"] for f in json.loads(result.stdout)] == ["NL201"] * 3
