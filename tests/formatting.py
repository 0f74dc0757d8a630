"""Helpers for the output-format tests: findings made on a text, and a formatter's output."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from newslint.finding import Finding, Fix, Severity
from newslint.formatters import formatter_class
from newslint.formatters.base import call
from newslint.parsers.model import LineIndex


def finding(
    text: str,
    needle: str,
    code: str = "ZZ101",
    rule: str = "flag-xyzzy",
    severity: str = "warning",
    message: str | None = None,
    fix: tuple[str, str, bool] | None = None,
    path: str = "story.txt",
    nth: int = 0,
) -> Finding:
    """A finding on the ``nth`` ``needle`` in ``text``; ``fix`` is (old part of needle, new, safe)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    end = start + len(needle)
    index = LineIndex(text)
    a, b = index.position(start), index.position(end)
    made_fix = position = None
    if fix is not None:
        old, new, safe = fix
        fix_start = text.index(old, start)
        made_fix = Fix(fix_start, fix_start + len(old), new, safe)
        p, q = index.position(made_fix.start), index.position(made_fix.end)
        position = (p.line, p.column, q.line, q.column)
    return Finding(
        path,
        code,
        rule,
        Severity(severity),
        message or f"found {needle!r}",
        start,
        end,
        a.line,
        a.column,
        b.line,
        b.column,
        made_fix,
        position,
    )


def render(name: str, files: Sequence[tuple[str, Sequence[Finding], str | None]], rules=(), errors=()) -> str:
    """Run a built-in formatter over ``(path, findings, text)`` files and return what it wrote."""
    stream = io.StringIO()
    formatter = formatter_class(name)(stream, False)
    call(formatter.start, rules=rules)
    for path, findings, text in files:
        call(formatter.file, path, findings, text=text)
    for path, message in errors:
        call(formatter.error, path, message)
    formatter.finish()
    return stream.getvalue()


def long_line_findings(size: int) -> tuple[str, list[Finding]]:
    """A one-line text of about ``size`` characters with a finding (and a fix) every 32 characters."""
    text = "a xyzzy " * (size // 8)
    found = [
        Finding(
            "s.txt",
            "ZZ101",
            "flag-xyzzy",
            Severity.WARNING,
            "found 'xyzzy'",
            start,
            start + 5,
            1,
            start + 1,
            1,
            start + 6,
            Fix(start, start + 5, "magic"),
            (1, start + 1, 1, start + 6),
        )
        for start in range(2, len(text), 32)
    ]
    return text, found


def ratio(cost: Callable[[int], float], small: int = 25_000, large: int = 100_000) -> tuple[float, float]:
    """Return the best timings of ``cost(small)`` and ``cost(large)``, measured side by side.

    Four times the input: linear work takes about four times as long, quadratic sixteen.
    As the rule tests' ``growth`` fixture does: the collector off while timing, the sizes
    interleaved, the best of three, and once more before a ratio over 6 is believed.
    """
    import gc

    def timed(size: int) -> float:
        gc.collect()
        gc.disable()
        try:
            return cost(size)
        finally:
            gc.enable()

    def best() -> tuple[float, float]:
        pairs = [(timed(small), timed(large)) for _ in range(3)]
        return min(a for a, _ in pairs), min(b for _, b in pairs)

    found = best()
    return found if found[1] < 6 * found[0] else min(found, best(), key=lambda p: p[1] / p[0])
