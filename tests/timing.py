"""How much longer a four times larger input takes: the ratio the linear-time tests assert.

A ratio measured side by side, never an absolute time, and in this process's CPU time
(``time.process_time``): on a shared machine the wall clock also counts the time other
work held the cores, which once put a linear rule at 6.04x. The collector stays out of
the timed runs (the suite's heap frozen out of it, collection off): a full collection
walks every live object and would be charged to whichever size ran then.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

LIMIT = 6.0  # linear work gives about 4, quadratic about 16


def _fastest(run: Callable[[], object], repeat: int, tries: int = 2) -> float:
    """Return the best of ``tries`` timings of ``repeat`` calls of ``run``, per call, in CPU seconds."""
    best = float("inf")
    for _ in range(tries):
        start = time.process_time()
        for _ in range(repeat):
            run()
        best = min(best, (time.process_time() - start) / repeat)
    return best


def _timed_ratio(small: Callable[[], object], large: Callable[[], object]) -> float:
    # A few milliseconds are all timer noise: repeat the small run until it takes 50 ms,
    # and the large one as often, best of two. A small run that takes 50 ms already is
    # timed once more and the large one once: CPU time that long is steady, and the
    # large run is the costly one.
    once = _fastest(small, 1, tries=1)
    repeat = max(1, min(50, int(0.05 / max(once, 1e-6))))
    if repeat == 1:
        return _fastest(large, 1, tries=1) / max(min(once, _fastest(small, 1, tries=1)), 1e-9)
    return _fastest(large, repeat) / max(_fastest(small, repeat), 1e-9)


def _ratio_once(small: Callable[[], object], large: Callable[[], object]) -> float:
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        return _timed_ratio(small, large)
    finally:
        gc.enable()
        gc.unfreeze()


def growth_ratio(small: Callable[[], object], large: Callable[[], object], tries: int = 3) -> float:
    """Return how many times longer ``large()`` takes than ``small()``, in CPU time.

    A ratio at or over ``LIMIT`` is measured again, ``tries`` times in all, and the lowest
    kept: a stalled run is noise, a quadratic one fails every try.
    """
    ratio = _ratio_once(small, large)
    for _ in range(tries - 1):
        if ratio < LIMIT:
            break
        ratio = min(ratio, _ratio_once(small, large))
    return ratio
