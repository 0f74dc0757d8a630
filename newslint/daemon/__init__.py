"""The warm daemon: a resident newslint that runs each command in a fork of itself.

A run of ``newslint`` spends most of its time starting: the interpreter, click, pluggy,
the rules' modules and data. ``newslint daemon start`` pays that once. While it runs,
the ``newslint`` command (``newslint.entry``) hands its arguments, working directory,
environment and standard streams (the descriptors themselves, over a Unix socket) to the
daemon, which forks a child that runs the command exactly as the command line would and
sends back its exit status. Nothing is kept between runs: each child is a fresh fork of
the warmed process, so configuration, the result cache and the files are read anew.

This module holds what the client and the server share, and imports nothing the
interpreter has not already loaded: the client must start in a few milliseconds.
"""

from __future__ import annotations

import marshal
import os
import sys

# Not typing.TYPE_CHECKING: the client must not import typing (see the module docstring).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Bumped when the request or reply changes shape; a daemon answers another version "fall back".
PROTOCOL = 1

# Reply tags, one byte each, from the daemon to the client.
FALL_BACK = b"F"  # nothing was done: run the command in the client's own process
CHILD = b"P"  # then 8 bytes: the pid of the child that will run the command (signals go there)
GO = b"G"  # client to child, after the pid: run the command (the client will not run it itself)
STATUS = b"X"  # then 4 bytes: the command's exit status; the end of the reply
ANSWER = b"A"  # then marshal data: the answer to a control request (status, stop)

# Commands the client never hands over: the daemon's own, and long-running services
# whose start-up does not matter (the language server, archive runs).
LOCAL_COMMANDS = frozenset({"daemon", "server", "batch"})

# Environment variables read once at start-up, by Python or by what the daemon warmed
# (the cache folders): a request whose values differ runs in the client's own process.
FIXED_ENVIRONMENT = (
    "HOME",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
    "NEWSLINT_CACHE_DIR",
    "PYTHONHASHSEED",
    "PYTHONHOME",
    "PYTHONIOENCODING",
    "PYTHONPATH",
    "PYTHONSAFEPATH",
    "PYTHONUTF8",
    "XDG_CACHE_HOME",
)


def fixed_environment() -> dict[str, str | None]:
    """Return this process's values of the ``FIXED_ENVIRONMENT`` variables (None where unset)."""
    return {name: os.environ.get(name) for name in FIXED_ENVIRONMENT}


def framed(payload: dict[str, Any]) -> bytes:
    """Return one request as it goes over the socket: an 8-byte length, then marshal data."""
    data = marshal.dumps(payload)
    return len(data).to_bytes(8, "little") + data


def install_id() -> str:
    """Return what names this installation: its environment (``sys.prefix``), newslint's folder and version.

    Not ``sys.executable``: ``python``, ``python3`` and the ``newslint`` script of one
    environment are different paths to the same interpreter and must share its daemon.
    """
    from newslint import __version__

    return f"{sys.prefix}\0{os.path.dirname(os.path.abspath(__file__))}\0{__version__}"


def socket_folder() -> str:
    """Return the private folder for this user's daemon sockets.

    ``$XDG_RUNTIME_DIR`` (per user, emptied at log-out) when set, else the system's
    temporary folder; the folder is named after the user id, so users never share one.
    """
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        return os.path.join(runtime, "newslint")
    return os.path.join(os.environ.get("TMPDIR") or "/tmp", f"newslint-{os.getuid()}")


def socket_path() -> str:
    """Return the socket of the daemon for this installation.

    The name is a checksum of ``install_id()``: another environment or version of
    newslint has its own daemon, and a Unix socket path must stay short (about 100 bytes).
    """
    from zlib import crc32

    return os.path.join(socket_folder(), f"{crc32(install_id().encode('utf-8', 'surrogateescape')):08x}.sock")


def folder_is_private(folder: str) -> bool:
    """True when ``folder`` is a real folder owned by this user that no one else may enter.

    Anyone who can write the folder could put their own socket there and be handed the
    user's files and terminal; the client uses no socket in a folder that fails this.
    """
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    from stat import S_ISDIR

    return S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and info.st_mode & 0o077 == 0
