"""The ``newslint`` command's entry point: a warm daemon runs it when one is running.

``newslint daemon start`` keeps a warmed newslint resident (``newslint.daemon``); then
this hands each command to it, which skips the whole start-up. Without a daemon (or
with ``NEWSLINT_NO_DAEMON`` set) the command line runs in this process, as it always did.
Imports nothing heavy before it knows which.

A finished command leaves the process without the interpreter's tear-down (``leave``):
freeing every module, pattern and table one by one costs about an eighth of a short
file's run, and the operating system reclaims it all at once.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Run the command line: in the daemon if one is running for this installation, else here."""
    from newslint import collector

    collector.pause()  # until the command line starts a command's work
    from newslint.daemon.client import run

    status = run(sys.argv[1:])
    if status is not None:
        sys.exit(status)
    from newslint.cli import main as command_line

    try:
        command_line()
    except SystemExit as stop:
        leave(stop)
        raise
    leave(SystemExit(0))


def leave(stop: SystemExit) -> None:
    """End the process with ``stop``'s status at once, as the interpreter's own exit would end it.

    What an exit must still do is done first: the ``atexit`` functions (the caches'
    writes among them) and flushing standard output and error. Returns, leaving the
    ordinary exit to the caller, whenever that would differ: a status that is not a
    number (a message to print), other threads still running (the interpreter waits
    for them), a profiler or tracer running (``python -m cProfile -m newslint`` writes
    its figures once the command has returned), or a stream that cannot be flushed (a
    closed pipe is the interpreter's to report, as before).
    """
    import atexit
    import os
    import threading

    code = stop.code
    if code is not None and not isinstance(code, int):
        return
    if threading.active_count() > 1 or sys.getprofile() is not None or sys.gettrace() is not None:
        return
    atexit._run_exitfuncs()  # what the interpreter runs at exit
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:
        return
    os._exit((code or 0) & 0xFF)
