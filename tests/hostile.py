"""Running the real command on hostile input: with a time limit, and as an unprivileged user."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest


def newslint_run(
    *args: str,
    cwd: Path,
    stdin=subprocess.DEVNULL,
    timeout: float = 60,
    preexec=None,
    env=None,
    prefix: tuple[str, ...] = (),
):
    """Run the real command (after ``prefix``, such as setpriv); fail (not hang) past ``timeout``."""
    environment = {**os.environ, **(env or {})}
    try:
        return subprocess.run(
            [*prefix, sys.executable, "-m", "newslint", *args],
            cwd=cwd,
            stdin=stdin,
            capture_output=True,
            timeout=timeout,
            preexec_fn=preexec,
            env=environment,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"newslint {' '.join(args)} still running after {timeout} s")


NOBODY = 65534
# setpriv (util-linux) drops root to nobody; a preexec setuid() cannot run this venv's
# Python when it links to an interpreter under /root.
AS_NOBODY = (shutil.which("setpriv") or "setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups")


@pytest.fixture
def unprivileged(tmp_path_factory):
    """A tree any user may read and a way to run newslint in it as an unprivileged user.

    Root reads every file whatever its mode; when the suite runs as root (the CI does),
    newslint runs as ``nobody``. Skips when that user cannot run this Python.
    """
    if not hasattr(os, "geteuid"):
        pytest.skip("no POSIX users here")
    root = Path(tempfile.mkdtemp(prefix="newslint-unprivileged-"))
    root.chmod(0o777)
    cache = root / ".cache"
    cache.mkdir(mode=0o777)
    cache.chmod(0o777)
    env = {"NEWSLINT_CACHE_DIR": str(cache), "HOME": str(root)}
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        prefix = AS_NOBODY
        try:
            probe = subprocess.run(
                [*prefix, sys.executable, "-c", "import os, newslint.cli; print(os.geteuid())"],
                cwd=root,
                capture_output=True,
                timeout=60,
                env={**os.environ, **env},
            )
        except OSError as exc:
            probe = subprocess.CompletedProcess([], 1, b"", str(exc).encode())
        if probe.returncode != 0 or probe.stdout.strip() != str(NOBODY).encode():
            shutil.rmtree(root, ignore_errors=True)
            pytest.skip(f"cannot run this Python as user {NOBODY}: {probe.stderr.decode()[-200:]}")

    def run(*args: str):
        return newslint_run(*args, cwd=root, env=env, prefix=prefix)

    yield root, run
    for path in [root, *root.rglob("*")]:
        try:
            path.chmod(0o777 if path.is_dir() else 0o666)
        except OSError:
            pass
    shutil.rmtree(root, ignore_errors=True)


def public_file(path: Path, data: bytes) -> Path:
    """Write a file every user may read, in folders every user may enter."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.chmod(0o644)
    for parent in path.parents:
        if parent == Path(tempfile.gettempdir()):
            break
        parent.chmod(parent.stat().st_mode & 0o7777 | 0o755)
    return path
