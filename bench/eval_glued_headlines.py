"""Headlines of our own glued to corpus paragraphs they have nothing to do with.

    python bench/eval_glued_headlines.py [CORPUS] [--seed N] [--copies N]

bench/eval_copy_damage.py and eval_shapes.py glue each corpus article's own headline to
its first paragraph, so their figure- and capital-ended rows hold only the corpus's few
such headlines (20 and 40), which the rule was built on. This glues headlines we wrote,
ending in a figure or in capitals (``Veteran actor dies aged 81``, ``Jobs to go at BT``),
to the first paragraph of random corpus articles (``random.Random(seed)``): a body that
does not mention the headline's words again, the hardest case. A slip is found when a
joined-words finding on the first line covers the seam; the same headline on its own
line, then the body, must draw no finding on the first paragraph. Not a test: the
figures are read.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "bbc"

HEADLINES = [
    "Profits at the chain rise to £4.2bn",
    "Veteran actor dies aged 81",
    "Council tax to rise by 5",
    "Fans vote for Top 40",
    "Jobs to go at BT",
    "Rail strike hits UK",
    "New chief named for ITV",
    "Rates held at 3.25",
    "Storm damage bill tops $2m",
    "Shares fall after talks with EU",
    "Game review: Star Blaster 3",
    "Minister quits over NHS",
    "Firm buys rival for $110,000",
    "Singer signs deal with EMI",
    "Tennis star out of US",
    "Talks on trade with WTO",
    "Bid to host 2012",
    "Cup tie moved to 3",
    "Inflation at 1.6",
    "School results in 2004",
    "Cash boost for BBC",
    "Crash pilot was 64",
]


def main() -> None:
    """Print the share of glued headlines found and the false alarms on the unglued copies."""
    from newslint import Linter

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--copies", type=int, default=400)
    parser.add_argument("--show-misses", type=int, default=0, metavar="N")
    args = parser.parse_args()
    linter = Linter(select=["joined-words"], entry_points=False)
    paths = sorted(args.corpus.glob("*/*.txt"))
    rng = random.Random(args.seed)
    found = total = alarms = 0
    misses: list[str] = []
    for _ in range(args.copies):
        paragraphs = [p for p in rng.choice(paths).read_text(encoding="utf-8").split("\n") if p.strip()]
        if len(paragraphs) < 3 or not re.match(r"[A-Z][a-z]", paragraphs[1]):
            continue
        headline = rng.choice(HEADLINES)
        clean = "\n\n".join([headline, *paragraphs[1:]])
        glued = "\n\n".join([headline + paragraphs[1], *paragraphs[2:]])
        alarms += sum(1 for f in linter.lint_text(clean, path="copy.txt") if f.line == 1)
        seam = len(headline)
        hit = any(
            f.line == 1 and f.column - 1 <= seam <= f.end_column for f in linter.lint_text(glued, path="copy.txt")
        )
        total += 1
        found += hit
        if not hit:
            misses.append(f"{headline}|{paragraphs[1][:30]}")
    print(f"seed {args.seed}: {found} of {total} glued headlines found ({100 * found / max(total, 1):.1f}%)")
    print(f"findings on the first paragraph of the unglued copies: {alarms} (target 0)")
    for miss in misses[: args.show_misses]:
        print("  MISS", miss)


if __name__ == "__main__":
    main()
