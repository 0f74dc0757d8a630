"""The server half of the warm daemon: warm up once, then fork a child for each command.

``serve`` binds the socket (``newslint.daemon.socket_path``) in a folder only this user
may enter, imports and exercises everything a run uses (``warm``), then waits. For each
request from a process of the same user it checks that nothing a child would inherit
has gone stale (the code and data on disk, the interpreter's flags, the environment read
at start-up); if anything has, the client is told to run the command itself and the
daemon replaces itself with a fresh one. Otherwise a forked child takes the client's
standard streams, working folder, environment and umask, runs the command line, and
sends back the exit status. The parent only accepts connections and forks, so one slow
command never delays another.
"""

from __future__ import annotations

import gc
import io
import marshal
import os
import signal
import socket
import struct
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import click

from newslint.daemon import (
    ANSWER,
    CHILD,
    FALL_BACK,
    GO,
    PROTOCOL,
    STATUS,
    fixed_environment,
    folder_is_private,
    framed,
    install_id,
    socket_folder,
    socket_path,
)

# A request larger than this is not a command line (environments are a few kilobytes).
_MAX_REQUEST = 16 << 20
# How long the daemon waits for a connected client to send its request.
_REQUEST_TIMEOUT = 5.0
# How long a child waits for the client's go-ahead (sent as soon as the client has its pid).
_GO_TIMEOUT = 60.0


class DaemonError(Exception):
    """The daemon cannot start or be reached as asked: one line for the user."""


def private_folder() -> str:
    """Create (if needed) and return the socket folder; raise DaemonError if others could enter it."""
    folder = socket_folder()
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError as exc:
        raise DaemonError(f"cannot create the socket folder {folder}: {exc.strerror or exc}") from exc
    if not folder_is_private(folder):
        raise DaemonError(
            f"the socket folder {folder} is not a folder of yours that only you may enter (mode 700); "
            "remove it or fix its owner and mode"
        )
    return folder


def ask(control: str, timeout: float = 5.0) -> dict[str, object] | None:
    """Send a control request (``status``, ``stop``) to this installation's daemon; None when none answers."""
    if os.name != "posix" or not folder_is_private(socket_folder()):
        return None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(timeout)
        try:
            connection.connect(socket_path())
            connection.sendall(framed({"protocol": PROTOCOL, "install": install_id(), "control": control}))
            reply = b""
            while chunk := connection.recv(1 << 16):
                reply += chunk
        except OSError:
            return None
    if not reply.startswith(ANSWER):
        return None
    try:
        answer = marshal.loads(reply[1:])
    except (EOFError, ValueError, TypeError):
        return None
    return answer if isinstance(answer, dict) else None


# Invented copy, one file per input format, so that warming runs every parser and the
# data every rule loads (titles, names, spellings, quotation marks, readability).
_SAMPLES = {
    "warm.txt": (
        "Prime Minister Jane Doe said on Monday that the plan was “on track”.The council\n\n"
        "Its colour, and its color, were debated. The the vote passed (narrowly. TK\n"
    ),
    "warm.md": (
        '---\ntitle: Warm\ndate: 2005-01-01\n---\n\n# Vote\n\nThe mayor said: "It is done." '
        "It was the *first* time since 1999 that the [council](https://example.org) agreed.\n\n"
        "- one item\n- another item\n"
    ),
    "warm.html": (
        "<html><body><h1>Vote</h1><p>The mayor&rsquo;s plan &ldquo;works&rdquo;, "
        "she said.</p><p>It passed.</p></body></html>\n"
    ),
}


def warm(main: click.Command) -> None:
    """Import and exercise what a run uses, so that a forked child starts with it all in memory.

    Runs the command line ``main`` itself on the samples, in every output format, with no
    result cache, from an empty temporary folder (no configuration of the user's is read).
    """
    import tempfile

    from newslint.formatters import BUILTIN_FORMATS

    with tempfile.TemporaryDirectory(prefix="newslint-warm-") as scratch:
        for name, text in _SAMPLES.items():
            with open(os.path.join(scratch, name), "w", encoding="utf-8") as file:
                file.write(text)
        saved = sys.stdout, sys.stderr
        try:
            for output in sorted(set(BUILTIN_FORMATS) - {"text"}):
                sys.stdout = sys.stderr = io.StringIO()
                try:
                    main.main(
                        ["--no-cache", "--jobs", "1", "--format", output, scratch],
                        prog_name="newslint",
                        standalone_mode=False,
                    )
                except SystemExit:
                    pass
        finally:
            sys.stdout, sys.stderr = saved


def _watched() -> list[str]:
    """Return every file and folder whose change makes a forked child stale.

    The files of every loaded module (newslint, its rules, plugins, libraries), every
    file of newslint's and its rules' packages (their data tables), and the folders on
    the import path (installing or removing a package, a plugin among them, changes them).
    """
    paths = {module.__file__ for module in list(sys.modules.values()) if getattr(module, "__file__", None)}
    import newslint
    import newslint.rules

    for top in {os.path.dirname(newslint.__file__), *newslint.rules.__path__}:
        for folder, folders, files in os.walk(top):
            folders[:] = [name for name in folders if name != "__pycache__"]
            paths.update(os.path.join(folder, name) for name in files)
    paths.update(entry for entry in sys.path if entry and os.path.isdir(entry))
    return sorted(path for path in paths if isinstance(path, str))


def _stamp(paths: list[str]) -> tuple[tuple[int, int] | None, ...]:
    """Return each path's (modification time, size), or None where it is gone."""
    stamps: list[tuple[int, int] | None] = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            stamps.append(None)
        else:
            stamps.append((info.st_mtime_ns, info.st_size))
    return tuple(stamps)


class Daemon:
    """The listening socket and what the requests are checked against."""

    def __init__(self, main: click.Command, idle_timeout: float) -> None:
        self.main = main
        self.idle_timeout = idle_timeout
        self.path = socket_path()
        self.started = time.time()
        self.served = 0
        self.listener: socket.socket | None = None
        self.inode: int | None = None
        self.watched: list[str] = []
        self.stamp: tuple[tuple[int, int] | None, ...] = ()
        self.fixed = fixed_environment()

    def bind(self) -> None:
        """Bind the socket; raise DaemonError when another daemon answers on it already."""
        private_folder()
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(self.path)
        except OSError:
            if ask("status") is not None:
                listener.close()
                raise DaemonError(f"a daemon is already running on {self.path}") from None
            # A dead daemon's socket file: nothing answers on it, so it may go.
            try:
                os.unlink(self.path)
                listener.bind(self.path)
            except OSError as exc:
                listener.close()
                raise DaemonError(f"cannot listen on {self.path}: {exc.strerror or exc}") from exc
        os.chmod(self.path, 0o600)
        listener.listen(64)
        self.listener = listener
        self.inode = os.stat(self.path).st_ino

    def close(self) -> None:
        """Stop listening and remove the socket file, if it is still this daemon's."""
        if self.listener is not None:
            self.listener.close()
            self.listener = None
        try:
            if os.stat(self.path).st_ino == self.inode:
                os.unlink(self.path)
        except OSError:
            pass

    def serve(self) -> str:
        """Answer requests until stopped, idle too long or stale; return why it ended."""
        assert self.listener is not None
        self.watched = _watched()
        self.stamp = _stamp(self.watched)
        gc.collect()
        gc.freeze()  # the warmed objects are never collected: their pages stay shared with children
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
        last_command = time.monotonic()
        while True:
            # Idle means no command: status questions (an editor's polling) do not keep it alive.
            left = last_command + self.idle_timeout - time.monotonic()
            if left <= 0:
                return "idle"
            self.listener.settimeout(left)
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            served = self.served
            with connection:
                outcome = self.handle(connection)
            if self.served != served:
                last_command = time.monotonic()
            if outcome is not None:
                return outcome

    def handle(self, connection: socket.socket) -> str | None:
        """Answer one connection; return a reason to stop, or None to go on."""
        if not _same_user(connection):
            return None
        connection.settimeout(_REQUEST_TIMEOUT)
        try:
            request, descriptors = _receive(connection)
        except (OSError, ValueError, EOFError, TypeError):
            return None
        try:
            if not isinstance(request, dict) or request.get("protocol") != PROTOCOL:
                _send(connection, FALL_BACK)
                return None
            control = request.get("control")
            if control is not None:
                return self.control(connection, str(control))
            if _stamp(self.watched) != self.stamp:
                _send(connection, FALL_BACK)
                return "stale"
            command = Command.of(request)
            if command is None or not self.matches(request) or len(descriptors) != 3:
                _send(connection, FALL_BACK)
                return None
            self.served += 1
            pid = os.fork()
            if pid == 0:  # the child: never returns
                _child(connection, self.listener, self.main, command, descriptors)
            return None
        finally:
            for descriptor in descriptors:
                os.close(descriptor)

    def matches(self, request: dict[str, object]) -> bool:
        """True when a child of this daemon would run ``request`` as the client's own process would."""
        return (
            request.get("install") == install_id()
            and request.get("flags") == tuple(sys.flags)
            and request.get("path") == sys.path[1:]
            and request.get("fixed") == self.fixed
        )

    def control(self, connection: socket.socket, control: str) -> str | None:
        """Answer ``status`` or ``stop``."""
        status = {
            "pid": os.getpid(),
            "started": self.started,
            "served": self.served,
            "socket": self.path,
            "idle_timeout": self.idle_timeout,
            "install": install_id(),
        }
        _send(connection, ANSWER + marshal.dumps(status))
        return "stopped" if control == "stop" else None


def _same_user(connection: socket.socket) -> bool:
    """True when the process at the other end runs as this user (Linux tells; elsewhere the folder guards)."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True
    credentials = connection.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", credentials)
    return uid == os.getuid()


def _receive(connection: socket.socket) -> tuple[object, list[int]]:
    """Read one request: an 8-byte length, marshal data, and any descriptors sent with it."""
    data, descriptors, _flags, _address = socket.recv_fds(connection, 1 << 16, 3)
    try:
        if len(data) < 8:
            raise ValueError("short request")
        length = int.from_bytes(data[:8], "little")
        if length > _MAX_REQUEST:
            raise ValueError("request too large")
        chunks = [data[8:]]
        received = len(data) - 8
        while received < length:
            chunk = connection.recv(min(1 << 16, length - received))
            if not chunk:
                raise ValueError("truncated request")
            chunks.append(chunk)
            received += len(chunk)
        return marshal.loads(b"".join(chunks)), descriptors
    except BaseException:
        for descriptor in descriptors:
            os.close(descriptor)
        raise


def _send(connection: socket.socket, data: bytes) -> None:
    try:
        connection.sendall(data)
    except OSError:  # the client went away: nothing to tell it
        pass


@dataclass(frozen=True)
class Command:
    """What a child needs from a request to become the client's process."""

    argv: list[str]
    argv0: str
    program: str
    cwd: str
    environ: dict[str, str]
    umask: int
    streams: tuple[tuple[str, str, bool], ...]

    @classmethod
    def of(cls, request: dict[str, object]) -> Command | None:
        """Return the command a request describes, or None when a field is missing or of the wrong type."""
        argv, environ, streams = request.get("argv"), request.get("environ"), request.get("streams")
        cwd, argv0, program, umask = (
            request.get("cwd"),
            request.get("argv0"),
            request.get("program"),
            request.get("umask"),
        )
        if not (
            isinstance(argv, list)
            and all(isinstance(arg, str) for arg in argv)
            and isinstance(environ, dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in environ.items())
            and isinstance(streams, tuple)
            and len(streams) == 3
            and all(
                isinstance(s, tuple) and len(s) == 3 and isinstance(s[0], str) and isinstance(s[1], str)
                for s in streams
            )
            and isinstance(cwd, str)
            and isinstance(argv0, str)
            and isinstance(program, str)
            and isinstance(umask, int)
        ):
            return None
        return cls(argv, argv0, program, cwd, environ, umask, tuple((e, r, bool(t)) for e, r, t in streams))


def _child(
    connection: socket.socket, listener: socket.socket | None, main: click.Command, command: Command, fds: list[int]
) -> None:
    """Become the client's process, run its command line, report the status and exit."""
    status = 70  # EX_SOFTWARE: reported only if the set-up itself fails
    if listener is not None:
        listener.close()
    try:
        # The handshake comes first, on the daemon's own streams: a client that gave up
        # waiting (and runs the command itself) must not get this child's output too.
        connection.sendall(CHILD + os.getpid().to_bytes(8, "little"))
        connection.settimeout(_GO_TIMEOUT)
        go = connection.recv(1) == GO
    except BaseException:
        go = False
    if not go:
        os._exit(0)
    try:
        connection.settimeout(None)
        for number in (signal.SIGTERM, signal.SIGCHLD, signal.SIGHUP, signal.SIGQUIT):
            signal.signal(number, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for target, descriptor in enumerate(fds):
            os.dup2(descriptor, target)
        os.chdir(command.cwd)
        os.environ.clear()
        os.environ.update(command.environ)
        time.tzset()
        os.umask(command.umask)
        _standard_streams(command.streams)
        sys.argv = [command.argv0, *command.argv]
        status = _run(main, command.argv, command.program)
    except BaseException:  # the set-up failed: say so on the client's error stream
        import traceback

        traceback.print_exc()
    finally:
        # Whatever happens now (an interrupt arriving late, a closed pipe), this process
        # must end here: it must never return into the daemon's loop.
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except Exception:  # a closed pipe: the status still matters
                    pass
            connection.sendall(STATUS + status.to_bytes(4, "little", signed=True))
        except BaseException:
            pass
        finally:
            os._exit(status & 0xFF)


def _standard_streams(streams: tuple[tuple[str, str, bool], ...]) -> None:
    """Open descriptors 0-2 as Python opens its standard streams, with the client's encodings."""
    made = []
    for fd, (encoding, errors, tty) in enumerate(streams):
        buffer = open(fd, "rb" if fd == 0 else "wb", closefd=False)  # noqa: SIM115  (lives as long as the process)
        made.append(
            io.TextIOWrapper(
                buffer,
                encoding=encoding,
                errors=errors,
                newline="\n",
                line_buffering=fd != 0 and (tty or fd == 2),
            )
        )
    sys.stdin, sys.stdout, sys.stderr = made
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = made  # type: ignore[misc]


def _run(main: click.Command, argv: list[str], program: str) -> int:
    """Run the command line ``main`` as the ``newslint`` command would; return its exit status."""
    try:
        main.main(argv, prog_name=program)
    except SystemExit as exc:
        return _exit_status(exc.code)
    except BaseException:
        import traceback

        traceback.print_exc()
        return 1
    return 0


def _exit_status(code: object) -> int:
    """Return the process status ``sys.exit(code)`` gives (a message is printed, and is 1)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def run(main: click.Command, idle_timeout: float) -> int:
    """Warm up, serve the command line ``main`` until stopped, and return the exit status."""
    if os.name != "posix" or not hasattr(socket, "AF_UNIX"):
        print("newslint: the daemon needs a POSIX system (Unix sockets and fork)", file=sys.stderr)
        return 2
    daemon = Daemon(main, idle_timeout)
    try:
        daemon.bind()
    except DaemonError as exc:
        print(f"newslint: {exc}", file=sys.stderr)
        return 2

    def stop(_number: int, _frame: object) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        os.chdir("/")  # the warm-up reads no configuration of the folder it was started in
        warm(main)
        reason = daemon.serve()
    finally:
        daemon.close()
    if reason == "stale":
        # Code, data or packages changed on disk: a fresh daemon loads the new ones.
        os.execv(
            sys.executable, [sys.executable, "-m", "newslint", "daemon", "serve", "--idle-timeout", str(idle_timeout)]
        )
    return 0
