"""The client half of the warm daemon: hand one command to a running daemon.

Imports only what the interpreter has loaded already and two C modules (``_socket``,
``_signal``): the point is to skip start-up, so the client must cost almost nothing.
Any doubt (no daemon, a socket in a folder others could write, a closed standard
stream, an interpreter started with other flags) means "run it here" (None), which is
always correct; only a daemon that started the command and then vanished is an error.
"""

from __future__ import annotations

import os
import sys

try:
    import _socket  # the C module: ``socket`` itself would import enum, selectors and more
except ImportError:  # another Python implementation: no daemon
    _socket = None  # type: ignore[assignment]

from newslint.daemon import (
    CHILD,
    GO,
    LOCAL_COMMANDS,
    PROTOCOL,
    STATUS,
    fixed_environment,
    folder_is_private,
    framed,
    install_id,
    socket_folder,
    socket_path,
)

# How long to wait for the daemon to take the command on; then the command runs here. A
# daemon that is stopped (SIGSTOP) or swamped must not hang every command.
_ANSWER_TIMEOUT = 5.0
_LOST = "newslint: the daemon's run of this command ended without an exit status (see `newslint daemon status`)"


def request(argv: list[str]) -> dict[str, object] | None:
    """Return the request describing this process's command, or None if it cannot be handed over."""
    streams = (sys.stdin, sys.stdout, sys.stderr)
    if any(stream is None for stream in streams):
        return None
    try:
        for fd in (0, 1, 2):
            os.fstat(fd)
    except OSError:  # a closed descriptor: the child's would be the daemon's /dev/null
        return None
    return {
        "protocol": PROTOCOL,
        "install": install_id(),
        "flags": tuple(sys.flags),
        "path": sys.path[1:],  # the first is the script's folder (or, with -m, the working folder)
        "argv": argv,
        "argv0": sys.argv[0],
        "program": _program(),
        "cwd": os.getcwd(),
        "environ": dict(os.environ),
        "fixed": fixed_environment(),
        "umask": _umask(),
        "streams": tuple((s.encoding, s.errors, s.isatty()) for s in streams if s is not None),
    }


def _program() -> str:
    """Return the program name click would show in messages (``newslint``, ``python -m newslint``)."""
    package = getattr(sys.modules.get("__main__"), "__package__", None)
    if not package:
        return os.path.basename(sys.argv[0])
    name = os.path.splitext(os.path.basename(sys.argv[0]))[0]
    return f"python -m {package if name == '__main__' else f'{package}.{name}'}"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def run(argv: list[str]) -> int | None:
    """Run ``argv`` (without the program name) in the daemon; return its exit status, or None to run it here."""
    if os.name != "posix" or os.environ.get("NEWSLINT_NO_DAEMON"):
        return None
    if argv and argv[0] in LOCAL_COMMANDS:
        return None
    if _socket is None:
        return None
    if not folder_is_private(socket_folder()):
        return None
    connection = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        try:
            connection.connect(socket_path())
        except OSError:  # no daemon, or a dead one's socket file
            return None
        # Only now, with a daemon there to take it (a cold run pays nothing for it); a
        # request given up here is a connection closed before any byte, which it ignores.
        try:
            payload = request(argv)
        except OSError:  # the working folder was removed, for one
            return None
        if payload is None:
            return None
        message = framed(payload)
        descriptors = b"".join(fd.to_bytes(4, sys.byteorder, signed=True) for fd in (0, 1, 2))
        try:
            sent = connection.sendmsg([message], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, descriptors)])
            connection.sendall(message[sent:])
        except OSError:
            return None  # the daemon went away before it read anything: nothing was done
        return _await(connection)
    finally:
        connection.close()


def _await(connection: _socket.socket) -> int | None:
    """Read the daemon's reply: fall back (None), or the child's pid and then its exit status."""
    import _signal

    reply = _Reader(connection)
    connection.settimeout(_ANSWER_TIMEOUT)
    tag = reply.take(1)
    pid = reply.take(8) if tag == CHILD else b""
    if len(pid) != 8:
        # No answer in time, a fall-back answer, or a daemon that went away: the child (if
        # any) waits for GO and ends without running the command when the connection closes.
        return None
    child = int.from_bytes(pid, "little")

    def forward(signal_number: int, _frame: object) -> None:
        # The child is not in this terminal's process group: Ctrl-C must reach it through us.
        try:
            os.kill(child, signal_number)
        except OSError:
            pass

    for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"):
        _signal.signal(getattr(_signal, name), forward)
    connection.settimeout(None)  # a command may take any time
    try:
        connection.sendall(GO)
    except OSError:
        return None  # the child is gone before it started: nothing was done
    tag = reply.take(1)
    status = reply.take(4)
    if tag != STATUS or len(status) != 4:
        print(_LOST, file=sys.stderr)
        return 2
    return int.from_bytes(status, "little", signed=True)


class _Reader:
    """Exact-length reads from a stream socket, retried when a signal interrupts them."""

    def __init__(self, connection: _socket.socket) -> None:
        self.connection = connection

    def take(self, size: int) -> bytes:
        """Return the next ``size`` bytes, or fewer when the daemon closed the connection."""
        chunks: list[bytes] = []
        wanted = size
        while wanted:
            try:
                chunk = self.connection.recv(wanted)
            except InterruptedError:
                continue
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
        return b"".join(chunks)
