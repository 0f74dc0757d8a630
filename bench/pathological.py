"""Seconds per MB for each pathological pattern: input that once took quadratic time.

    python bench/pathological.py [NAME ...] [--sizes 100000,400000] [--runs 3] [--cap 30]

Each pattern is linted with every default rule, in process, through ``Linter.lint_with``
(a fresh document each time, no memo), at each size in code points; the fastest of
``--runs`` runs is shown as seconds per MB of UTF-8, with the ratio of the last size's time
to the first's (4x the text should take about 4x as long). A run past ``--cap`` seconds is
stopped and shown as such. Times are the process's CPU time, less disturbed by other load. ``tests/test_linear_time.py`` asserts the ratio for every
pattern here. Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import random
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass

# Sentences we wrote, with what rules look at: quotations, times and perfects, titles,
# abbreviations, numbers, brackets and dashes. Shuffled, they make one long paragraph.
_SENTENCES = [
    "The council has agreed the plan on Monday, officials said.",
    "\u201cWe will not back down,\u201d the union leader told reporters outside the hall.",
    "Mr Jones, 54, said the U.S. firm had offered \u00a31.2bn for the site last year.",
    "Prime Minister Jane Doe visited the factory in 2019 and promised new jobs.",
    "Shares in the group rose 3.5% to 210p in early trading (the highest since March).",
    "The report - published yesterday - found that 40% of homes were damp.",
    'She said: "It has been a very hard winter for everyone here."',
    "Police have arrested two men after a break-in at the depot two days ago.",
    "According to the BBC, the talks broke down late on Thursday night.",
    "The minister, who has held the post since 2021, declined to comment.",
    "Its new chief executive, Dr A. Smith, starts work in January.",
    "Residents say the road has been closed for weeks; the council disagrees.",
    "\u2018It\u2019s a disgrace,\u2019 one shopper said, pointing at the empty shelves.",
    "Tickets cost between \u00a310 and \u00a325, e.g. for the matinee.",
    "The club has won three of its last four games, including Saturday's derby.",
    "Analysts expect the Bank of England to hold rates at 4.25% next week.",
    "A spokesperson said the company \u201cregrets any inconvenience caused\u201d.",
    "Work on the bridge began in 2020 and is due to finish in 2026.",
    "The hospital has treated more than 1,200 patients since it reopened.",
    "Opposition MPs called the decision \u201creckless\u201d and demanded a vote.",
]


def prose(size: int) -> str:
    """Return ``size`` code points of our sentences, shuffled, as one paragraph."""
    rng = random.Random(20240601)
    pieces: list[str] = []
    length = 0
    while length < size:
        sentence = rng.choice(_SENTENCES)
        pieces.append(sentence)
        length += len(sentence) + 1
    return " ".join(pieces)[:size]


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _backtick_runs(size: int) -> str:
    # Runs of one to six backticks, unmatched: each opener looks for a closer of its length.
    rng = random.Random(7)
    pieces, length = [], 0
    while length < size:
        piece = "`" * rng.randint(1, 6) + rng.choice([" ", "a ", "x` ", "\n"])
        pieces.append(piece)
        length += len(piece)
    return "".join(pieces)[:size]


@dataclass(frozen=True)
class Case:
    """One hostile pattern: how to make it, its format, and whose code it exercises."""

    name: str
    make: Callable[[int], str]
    format: str = "text"
    owner: str | None = None  # another engineer's rule: xfail until that branch lands


CASES = [
    # The table.
    Case("double-quotes-one-line", _repeat('"')),
    Case("curly-quotes-alternating", _repeat("\u201c\u2018")),
    Case("tense-no-full-stop", _repeat("On Thursday he has refused ")),
    Case("prose-one-paragraph", prose),
    Case("capitals-no-space", _repeat("ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
    Case("initials-with-dots", _repeat("A.B.C.D.E.")),
    Case("placeholder-tk", _repeat("TK ")),
    Case("nested-brackets", _repeat("((((.))))")),
    Case("spaced-dots", _repeat("a  .  b ")),
    Case("backtick-runs-markdown", _backtick_runs, "markdown"),
    # Ours: sentence splitting, Markdown parsing, suppressions, the document model.
    Case("curly-openers-only", _repeat("\u201c")),
    Case("backticks-plain-text", _repeat("`")),
    Case("guillemets-open", _repeat("\u00ab ")),
    Case("quote-then-apostrophe", _repeat("\"'")),
    Case("markdown-nested-lists-and-quotes", _repeat("> - "), "markdown"),
    Case("markdown-deep-list-lines", _repeat("- - - - - - - - - - - - x\n"), "markdown"),
    Case("markdown-open-brackets", _repeat("["), "markdown"),
    Case("markdown-emphasis", _repeat("*a _b "), "markdown"),
    Case("markdown-table-rows", _repeat("| a | b . c |\n"), "markdown"),
    Case("markdown-entities", _repeat("&amp;&#169;&nbsp;x. "), "markdown"),
    Case("markdown-unclosed-comment", lambda n: "<!-- " + _repeat("a. b ")(n - 5), "markdown"),
    Case(
        "suppressions-with-findings",
        _repeat("<!-- newslint-disable-next-line repeated-word -->\nIt was the the end.It was.\n"),
        "markdown",
    ),
    Case("disable-enable-pairs", _repeat("<!-- newslint-disable -->x.y<!-- newslint-enable -->\n")),
    Case("perfects-and-times", _repeat("has said yesterday has been Monday have agreed last week ")),
    Case("carriage-returns-only", _repeat("It rained.Then \r")),
    Case("emoji-and-nbsp", _repeat("\U0001f600\u00a0said .\u00a0")),
    Case("one-long-word", _repeat("a")),
    Case("many-short-lines", _repeat("Go.\n")),
    # The red team's shapes (bench/eval_shapes.py): the new checks' patterns, and HTML.
    Case("comma-closers-stop", _repeat(',”.,"""""\'.,)')),
    Case("years-and-capitals-glued", _repeat("2005The BBCThe IAAFGreek 2004Singapore's ")),
    Case("amounts-and-initials-fused", _repeat("4.5%.The £4.5m.The U.S.The ($2.5m).Then ")),
    Case("figures-glued-to-words", _repeat("aged 44Charlie $50Oil No 1The PMTony 8Mbps ")),
    Case("letters-glued-to-quotes", _repeat('a"B a“B ')),
    Case("html-entity-quotes", _repeat("&#8220;a&#8221;.&#8217;s &quot;b&quot;.. "), "html"),
    Case("html-nested-divs", _repeat("<div><p>x. "), "html"),
    Case("html-unclosed-tags", _repeat("<a href='x' <b "), "html"),
    # A fuzzing round's finds: a web address's scheme tried from inside a long word, a link
    # target never closed, comments never closed in an HTML block.
    Case("scheme-then-one-long-word", lambda n: "http:// " + "a" * (n - 8)),
    Case("link-targets-never-closed", _repeat("](")),
    Case("markdown-comments-never-closed", _repeat("<!--"), "markdown"),
    Case("determiners-glued", _repeat("ofthe netthe saidthey rose;inflation won 2-1.Arsenal ")),
    # December 2026's checks: mixed space runs that end in a tab, stray pairs of marks,
    # numbers, times and initials before a stop, decades, and a sentence of title phrases
    # with years and relative clauses that never ends.
    Case("space-and-no-break-runs", lambda n: "a" + _repeat(" \u00a0")(n - 3) + "\tb"),
    Case("stray-mark-pairs", _repeat("appeal,. ended., rose;; said:: pay?. 36.The 10.30.Police J.K.Rowling ")),
    Case("decades-and-quantities", _repeat("the 90's and 80's in 1880's, dozens of MP's ")),
    Case(
        "titles-years-relative-clauses",
        _repeat("French President Emmanuel Macron met French President Nicolas Sarkozy, where in 2016 "),
    ),
]


PATHS = {"markdown": "pattern.md", "html": "pattern.html"}


class _Stopped(BaseException):
    """The cap was reached (a BaseException: the engine's crash guard lets it through)."""


def _time(linter, active, text: str, format: str, cap: float) -> float | None:
    def stop(signum: int, frame: object) -> None:
        raise _Stopped()

    previous = signal.signal(signal.SIGVTALRM, stop)
    signal.setitimer(signal.ITIMER_VIRTUAL, cap)
    start = time.process_time()
    try:
        linter.lint_with(text, list(active), path=PATHS.get(format, "pattern.txt"))
    except _Stopped:
        return None
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
    return time.process_time() - start


def main() -> None:
    """Print seconds per MB for each pattern (or the named ones) at each size."""
    from newslint import Linter
    from newslint.rule import ActiveRule

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="patterns to run (default: all)")
    parser.add_argument("--sizes", default="100000,400000", help="sizes in code points, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the fastest is shown")
    parser.add_argument("--cap", type=float, default=30.0, help="seconds after which a run is stopped")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    linter = Linter(entry_points=False)
    active = [ActiveRule(r, r.severity, dict(r.options)) for r in linter.rules if r.default]
    for warm in ("warm-up.txt", "warm-up.md"):  # data files, sentencex: loaded once, not timed
        linter.lint_with(prose(2000), active, path=warm)
    known = {case.name for case in CASES}
    for name in args.names:
        if name not in known:
            parser.error(f"no pattern {name!r} (choose from {', '.join(sorted(known))})")
    print(f"{'pattern':<34}" + "".join(f"{size:>12,}" for size in sizes) + "   ratio  (seconds per MB)")
    for case in CASES:
        if args.names and case.name not in args.names:
            continue
        cells, seconds = [], []
        for size in sizes:
            text = case.make(size)
            megabytes = len(text.encode("utf-8")) / 1e6
            times = []
            for _ in range(args.runs):
                took = _time(linter, active, text, case.format, args.cap)
                if took is None:
                    break
                times.append(took)
            if len(times) < args.runs:
                cells.append(f"{'>' + format(args.cap, 'g') + ' s':>12}")
                break
            seconds.append(min(times))
            cells.append(f"{min(times) / megabytes:12.2f}")
        ratio = f"{seconds[-1] / seconds[0]:8.1f}" if len(seconds) == len(sizes) and seconds[0] > 0 else " " * 8
        owner = f"  ({case.owner})" if case.owner else ""
        print(f"{case.name:<34}" + "".join(cells) + " " * (12 * (len(sizes) - len(cells))) + ratio + owner, flush=True)


if __name__ == "__main__":
    main()
