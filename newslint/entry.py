"""The ``newslint`` command's entry point: a warm daemon runs it when one is running.

``newslint daemon start`` keeps a warmed newslint resident (``newslint.daemon``); then
this hands each command to it, which skips the whole start-up. Without a daemon (or
with ``NEWSLINT_NO_DAEMON`` set) the command line runs in this process, as it always did.
Imports nothing heavy before it knows which.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Run the command line: in the daemon if one is running for this installation, else here."""
    from newslint.daemon.client import run

    status = run(sys.argv[1:])
    if status is not None:
        sys.exit(status)
    from newslint.cli import main as command_line

    command_line()
