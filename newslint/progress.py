"""A progress bar on standard error for long runs on a terminal (tqdm).

The bar appears only when a run has gone on for ``DELAY`` seconds, standard error is a
terminal, the findings go elsewhere (a file or a pipe: findings scrolling past on the
terminal show progress themselves, and a bar drawn between them would garble them), and
the run is neither in CI (``CI`` set, as CI services set it) nor quiet. tqdm is imported
only then, so short runs, pipes and CI logs never pay for it or see it.
"""

from __future__ import annotations

import os
import time
from typing import Any, TextIO

DELAY = 2.0  # seconds before a bar is worth showing


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def wanted(out: TextIO, err: TextIO, quiet: bool = False) -> bool:
    """Return whether a run writing findings to ``out`` and diagnostics to ``err`` may show a bar."""
    if quiet or os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    return _is_tty(err) and not _is_tty(out)


class Progress:
    """Counts linted files and shows a bar once the run is slow enough to need one."""

    def __init__(self, err: TextIO, enabled: bool, delay: float = DELAY) -> None:
        self.err = err
        self.enabled = enabled
        self.total: int | None = None
        self.done = 0
        self._delay = delay
        self._start = time.monotonic()
        self._bar: Any = None

    @classmethod
    def for_run(cls, out: TextIO, err: TextIO, quiet: bool = False) -> Progress:
        """Return the progress of a run, enabled only where ``wanted`` allows."""
        return cls(err, wanted(out, err, quiet))

    @property
    def shown(self) -> bool:
        """Return whether the bar is on the screen."""
        return self._bar is not None

    def set_total(self, total: int) -> None:
        """Record how many files the run will lint (known once the paths are walked: the bar may be up)."""
        self.total = total
        if self._bar is not None:
            self._bar.total = total
            self._bar.refresh()

    def advance(self) -> None:
        """Count one more file done; show the bar once ``delay`` seconds have passed."""
        self.done += 1
        if self._bar is not None:
            self._bar.update(1)
        elif self.enabled and time.monotonic() - self._start >= self._delay:
            from tqdm import tqdm

            self._bar = tqdm(
                total=self.total,
                initial=self.done,
                file=self.err,
                unit="file",
                leave=False,
                dynamic_ncols=True,
                mininterval=0.2,
            )

    def clear(self) -> None:
        """Clear the bar's line before a message is written to standard error (it is redrawn on the next file)."""
        if self._bar is not None:
            self._bar.clear()

    def close(self) -> None:
        """Remove the bar (it leaves no line behind)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
