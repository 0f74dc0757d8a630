"""title-mismatch and name-variant take linear time on hostile input: 4x the text, < 6x the time.

A ratio, not an absolute time, in this process's CPU time (tests/timing.py).
"""

from __future__ import annotations

import datetime as dt
import random
import string

import pytest
from timing import growth_ratio

from newslint.testing import run_rule

SMALL, LARGE = 100_000, 400_000


def _repeat(unit: str):
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _capitals(size: int) -> str:
    rng = random.Random(9)
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(size))


def _invented_names(size: int) -> str:
    rng = random.Random(3)
    parts, total = [], 0
    while total < size:
        first = "".join(rng.choice(string.ascii_lowercase) for _ in range(5)).title()
        last = "".join(rng.choice(string.ascii_lowercase) for _ in range(6)).title()
        part = f"Russian President {first} {last} spoke. {last} left. "
        parts.append(part)
        total += len(part)
    return "".join(parts)[:size]


PATTERNS = {
    "capital letters, no space": _capitals,  # issue 9: 14 s for 100 KB
    "A.B.C.D.E.": _repeat("A.B.C.D.E."),  # issue 9: 4.6 s for 100 KB
    "titles with no name": _repeat("President "),
    "a run of capitalised words": _repeat("Russian President Vladimir Putin Ivan Petrov Oleg Sidorov Anna Bell "),
    "one known phrase, no year": _repeat("Russian President Vladimir Putin said no. "),
    "stale titles": _repeat("Prime Minister John Major said so in the end. "),
    "one person, two countries": _repeat("Russian President Ivan Petrov spoke. Ukrainian President Petrov agreed. "),
    "many people, one office": _invented_names,
    "apposition": _repeat("Mr Blair, the French prime minister, said. Tony Blair, German chancellor, left. "),
    "quotes before titles": _repeat('"""" President Bush '),
    "honorifics": _repeat("President Mr Mr Mr Dr Sir "),
}


@pytest.mark.parametrize("rule", ["title-mismatch", "name-variant"])
@pytest.mark.parametrize("pattern", list(PATTERNS), ids=list(PATTERNS))
def test_four_times_the_text_takes_less_than_six_times_as_long(rule, pattern):
    make = PATTERNS[pattern]
    small, large = make(SMALL), make(LARGE)
    assert len(small) == SMALL and len(large) == LARGE
    run_rule(rule, "warm up the knowledge base and compiled patterns")
    date = dt.date(2005, 1, 1)
    ratio = growth_ratio(lambda: run_rule(rule, small, date=date), lambda: run_rule(rule, large, date=date))
    assert ratio < 6, f"{rule} on {pattern!r}: 400 KB took {ratio:.1f} times as long as 100 KB"
