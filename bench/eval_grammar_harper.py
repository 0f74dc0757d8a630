"""Harper (``grammar: {engine: harper}``) on the BBC corpus: speed, findings, injected slips.

    python bench/eval_grammar_harper.py [CORPUS] [--every N] [--seed N] [--all-categories]
                                        [--show-alarms] [--show-misses CLASS]

Three figures, from one in-process run over every Nth article (default: all of them):

- speed: the grammar rule's milliseconds per article with Harper, and, timed side by side on
  the same documents, every other default rule together (medians, and their ratio); the
  first Harper linter's construction is timed apart;
- findings on the untouched, edited articles, per 100 articles (``--show-alarms`` prints
  each, to be read: the README says how many a copy editor would accept);
- recall on seeded slips: each class of slip is injected into a copy of an article, made
  from its own text with ``random.Random(seed)``; it counts as found when a grammar finding
  overlaps the injected characters.

``--all-categories`` turns every Harper lint kind on (Harper's own defaults, spelling
included) to show what the news defaults leave out. CORPUS defaults to
../shared/corpus/bbc beside the repository. Not a test: its figures are read, not asserted.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "bbc"


@dataclass(frozen=True)
class Slip:
    """One injected slip: the damaged text and the span (start, end) a finding must touch."""

    text: str
    start: int
    end: int


def _body(text: str) -> int:
    """Return where the first paragraph after the headline starts."""
    at = text.find("\n\n")
    return 0 if at < 0 else at + 2


def _pick(text: str, pattern: re.Pattern[str], pick: random.Random) -> re.Match[str] | None:
    found = list(pattern.finditer(text, _body(text)))
    return pick.choice(found) if found else None


_ARTICLE = re.compile(r"\b(a|an) (?=([a-z]{3,})\b)")
_DOUBLE = re.compile(r"(?<= )(the|of|to|in|and|for|on|was|is|with|at|by|a) (?=[a-z])")
_AGREEMENT = re.compile(r"(?:(?<=[.] )|(?<=\" ))(He|She|It|They|We) (is|was|has|does|are|were|have|do)\b")
_SWAP = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "are": "is",
    "were": "was",
    "have": "has",
    "do": "does",
}
_THAN = re.compile(r"\b(more|less|higher|lower|rather|better|worse) than\b")
_MODAL_HAVE = re.compile(r"\b(could|would|should|might|must) have\b")


def swap_article(text: str, pick: random.Random) -> Slip | None:
    """'a plan' -> 'an plan', 'an offer' -> 'a offer'."""
    match = _pick(text, _ARTICLE, pick)
    if match is None:
        return None
    new = "an" if match.group(1) == "a" else "a"
    return Slip(text[: match.start()] + new + text[match.end(1) :], match.start(), match.start() + len(new))


def double_word(text: str, pick: random.Random) -> Slip | None:
    """'the plan' -> 'the the plan'."""
    match = _pick(text, _DOUBLE, pick)
    if match is None:
        return None
    word = match.group(1)
    at = match.end()
    return Slip(text[:at] + word + " " + text[at:], match.start(), at + len(word))


def break_agreement(text: str, pick: random.Random) -> Slip | None:
    """'He was' -> 'He were', 'They have' -> 'They has', at the start of a sentence."""
    match = _pick(text, _AGREEMENT, pick)
    if match is None:
        return None
    new = _SWAP[match.group(2)]
    return Slip(text[: match.start(2)] + new + text[match.end(2) :], match.start(2), match.start(2) + len(new))


def than_then(text: str, pick: random.Random) -> Slip | None:
    """'more than' -> 'more then'."""
    match = _pick(text, _THAN, pick)
    if match is None:
        return None
    at = match.end() - len("than")
    return Slip(text[:at] + "then" + text[match.end() :], at, at + 4)


def modal_of(text: str, pick: random.Random) -> Slip | None:
    """'could have' -> 'could of'."""
    match = _pick(text, _MODAL_HAVE, pick)
    if match is None:
        return None
    at = match.end() - len("have")
    return Slip(text[:at] + "of" + text[match.end() :], match.start(), at + 2)


CLASSES: dict[str, Callable[[str, random.Random], Slip | None]] = {
    "a/an": swap_article,
    "doubled word": double_word,
    "agreement": break_agreement,
    "than/then": than_then,
    "could of": modal_of,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--every", type=int, default=1, help="use every Nth article")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--all-categories", action="store_true")
    parser.add_argument("--show-alarms", action="store_true")
    parser.add_argument("--show-misses", metavar="CLASS")
    args = parser.parse_args()

    from newslint.rules.grammar import harper

    from newslint import Linter
    from newslint.document import Document
    from newslint.finding import Violation
    from newslint.rule import ActiveRule

    linter = Linter(entry_points=False)
    grammar = linter.rule("grammar")
    options = {**grammar.options, "engine": "harper", "cache": False}
    if args.all_categories:
        options["enabled-categories"] = list(harper.KINDS)
    others = [ActiveRule(r, r.severity, r.options) for r in linter.rules if r.default and r.name != "grammar"]
    active = [ActiveRule(grammar, grammar.severity, options)]

    paths = sorted(args.corpus.rglob("*.txt"))[:: args.every]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if not texts:
        sys.exit(f"no articles under {args.corpus}")

    start = time.perf_counter()
    linter.lint_with("Warm up: the first Harper linter loads its dictionary.", active)
    construction = time.perf_counter() - start

    grammar_ms: list[float] = []
    others_ms: list[float] = []
    alarms: list[tuple[Path, str, Violation]] = []
    for path, text in zip(paths, texts):
        start = time.perf_counter()
        found = grammar(Document(text, str(path)), options)
        grammar_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        document = Document(text, str(path))
        for item in others:
            item.rule(document, item.options)
        others_ms.append((time.perf_counter() - start) * 1000)
        alarms.extend((path, text, v) for v in found)

    print(f"{len(texts)} articles; first Harper linter built in {construction:.2f} s")
    print(
        f"grammar (Harper): median {statistics.median(grammar_ms):.1f} ms per article, "
        f"mean {statistics.mean(grammar_ms):.1f}"
    )
    print(
        f"all other default rules, same documents: median {statistics.median(others_ms):.1f} ms per article, "
        f"mean {statistics.mean(others_ms):.1f}"
    )
    print(f"ratio of medians: {statistics.median(grammar_ms) / statistics.median(others_ms):.1f}")
    per_rule = Counter(v.message.split("]")[0][1:] for _, _, v in alarms)
    print(f"findings on the edited copy: {len(alarms)}, {100 * len(alarms) / len(texts):.1f} per 100 articles")
    print("  " + ", ".join(f"{name} {count}" for name, count in per_rule.most_common()))
    if args.show_alarms:
        for path, text, v in alarms:
            context = (
                text[max(0, v.start - 60) : v.start] + "[" + text[v.start : v.end] + "]" + text[v.end : v.end + 40]
            ).replace("\n", " ")
            print(f"  {path.relative_to(args.corpus)}: {v.message} | {context}")

    pick = random.Random(args.seed)
    for name, inject in CLASSES.items():
        found = tried = 0
        misses = []
        for text in texts:
            slip = inject(text, pick)
            if slip is None:
                continue
            tried += 1
            hits = [
                v
                for v in grammar(Document(slip.text, "slip.txt"), options)
                if v.start < slip.end and slip.start < v.end
            ]
            found += bool(hits)
            if not hits:
                misses.append(slip)
        share = 100 * found / tried if tried else 0.0
        print(f"{name}: {found} of {tried} injected slips found ({share:.0f}%)")
        if args.show_misses == name:
            for slip in misses[:40]:
                print("  missed: " + slip.text[max(0, slip.start - 60) : slip.end + 40].replace("\n", " "))


if __name__ == "__main__":
    main()
