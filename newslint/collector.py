"""The cyclic garbage collector is off while the command line starts, and on for its work.

Importing, registering the rules and building the linter make tens of thousands of
objects that live as long as the process; the collector walking them again and again
costs a twentieth of a short file's run. ``newslint.entry`` pauses it before anything is
imported, and the command line resumes it once a command is about to do its work: the
start-up objects are frozen then (``gc.freeze``), so later collections leave them alone
and worker processes forked later share their pages rather than copying them.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Turn the collector off until ``resume``."""
    global _paused
    gc.disable()
    _paused = True


def resume() -> None:
    """Start-up is over: freeze what it made and collect as usual from here on.

    Does nothing unless ``pause`` turned the collector off (newslint used as a library).
    """
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
