"""Fixtures shared by the rule tests."""

from __future__ import annotations

import time
from typing import Callable

import pytest

from newslint.testing import run_rule


def _best_of_three(rule: str, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        run_rule(rule, text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.fixture
def growth() -> Callable[[str, str], float]:
    """Return growth(rule, pattern): how much longer 400 KB of ``pattern`` takes than 100 KB.

    A ratio measured side by side, never an absolute time: linear rules stay well
    under 6 (the ratio the tests allow), quadratic ones go towards 16.
    """

    def measure(rule: str, pattern: str) -> float:
        small = pattern * (100_000 // len(pattern))
        large = pattern * (400_000 // len(pattern))
        return _best_of_three(rule, large) / _best_of_three(rule, small)

    return measure
