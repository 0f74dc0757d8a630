"""Benchmark house styles: the corpus with and without a generated 1,000-rule style.

    python bench/styles.py [DIRECTORY] [--rules N] [--repeat N] [--seed N] [--real-share F]

A style of ``--rules`` substitution rules is generated (``random.Random(seed)``) from the
corpus's own vocabulary, as a newsroom's list of preferred forms would be: most keys are
misspelt or variant forms of words the corpus uses (letters swapped, doubled or dropped,
a hyphen, -or for -our), one in ten a form the corpus does use (as "Kiev" or "percent"
are for a house style that wants "Kyiv" and "per cent"), one in seven a phrase, and
three in ten with a regex feature (an optional letter, a character class, an
alternation); half the rules ``ignorecase``. Both configurations lint every article in
process through ``Linter.lint_text`` (configuration, house style, vocabulary filter and
all), alternately, ``--repeat`` times; the medians and their ratio are printed.
The target: the style costs at most 1.5 times the run without it. Not a test.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "bbc"


def vocabulary(texts: list[str]) -> list[str]:
    """Return the corpus's words of four letters or more, most frequent first."""
    counts = Counter(w for text in texts for w in re.findall(r"[^\W\d_]{4,}", text))
    return [word for word, _ in counts.most_common()]


def _key(rng: random.Random, word: str) -> str:
    """Return a swap key for a word: the word itself or a small regex around it."""
    shape = rng.random()
    if shape < 0.70:
        return word
    if shape < 0.80:
        return f"[{word[0].upper()}{word[0].lower()}]{re.escape(word[1:])}"
    if shape < 0.88:
        k = rng.randrange(1, len(word))
        return f"{re.escape(word[:k])}{re.escape(word[k])}?{re.escape(word[k + 1 :])}"
    if shape < 0.95:
        return f"{re.escape(word)}(?:s|es)?"
    return f"(?:{re.escape(word)}|{re.escape(word)}-like)"


def _variant(rng: random.Random, word: str) -> str:
    """Return a misspelt or variant form of a word, as a style's "wrong" side usually is."""
    how = rng.randrange(5)
    k = rng.randrange(1, len(word) - 1)
    if how == 0:
        return word[:k] + word[k + 1] + word[k] + word[k + 2 :]  # two letters swapped
    if how == 1:
        return word[:k] + word[k] + word[k:]  # a letter doubled
    if how == 2:
        return word[:k] + word[k + 1 :]  # a letter dropped
    if how == 3:
        return word[:k] + "-" + word[k:]  # hyphenated
    return word.replace("our", "or").replace("ise", "ize") if ("our" in word or "ise" in word) else word + "e"


def generate_style(folder: Path, words: list[str], count: int, seed: int, real_share: float = 0.10) -> None:
    """Write ``count`` substitution rules into ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    pool = [w for w in words[500:] if len(w) >= 5]
    for number in range(count):
        swaps = []
        for _ in range(rng.choice((1, 1, 2, 3))):
            right = rng.choice(pool)
            # Most keys are misspellings or variants, which edited copy seldom has; one in
            # ten is a form the corpus does use (Kiev, percent), so the style finds things.
            wrong = right if rng.random() < real_share else _variant(rng, right)
            if rng.random() < 0.15:
                extra = rng.choice(pool)
                wrong, right = f"{wrong} {extra}", f"{right} {extra}"  # a phrase
            swaps.append((wrong, right))
        lines = [
            "extends: substitution",
            "message: \"Use '%s' rather than '%s'.\"",
            f"level: {rng.choice(['suggestion', 'warning', 'error'])}",
            f"ignorecase: {'true' if rng.random() < 0.5 else 'false'}",
            "swap:",
        ]
        for wrong, right in swaps:
            key = _key(rng, wrong).replace("'", "''")
            lines.append(f"  '{key}': '{right.upper() if wrong == right else right}'")
        (folder / f"Rule{number:04d}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rules", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--real-share",
        type=float,
        default=0.10,
        help="share of keys that are forms the corpus uses (more findings); default 0.1",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from newslint import Linter

    reader = Linter()
    sources = [r.source for r in reader.read_paths([str(args.directory)]) if r.source is not None]
    if not sources:
        sys.exit(f"no articles under {args.directory}")
    words = vocabulary([s.text for s in sources])
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        plain, styled = root / "plain", root / "styled"
        plain.mkdir()
        (plain / ".newslint.yaml").write_text("date: 2005-01-01\n", encoding="utf-8")
        generate_style(styled / "styles" / "Generated", words, args.rules, args.seed, args.real_share)
        (styled / ".newslint.yaml").write_text("date: 2005-01-01\nstyles: [styles/Generated]\n", encoding="utf-8")
        started = time.perf_counter()
        linters = {"without style": Linter(), "with style": Linter()}
        linters["with style"].config_for(str(styled / "x.txt"))
        print(f"{len(sources)} files; style of {args.rules} rules loaded in {time.perf_counter() - started:.2f} s")
        times: dict[str, list[float]] = {name: [] for name in linters}
        cpu: dict[str, list[float]] = {name: [] for name in linters}
        counts: dict[str, int] = {}
        for _ in range(args.repeat):
            for name, linter in linters.items():
                folder = styled if name == "with style" else plain
                start, start_cpu = time.perf_counter(), time.process_time()
                found = 0
                for source in sources:
                    # A path per article: the memo of recent texts never answers.
                    path = str(folder / Path(source.path).name)
                    found += len(linter.lint_text(source.text, path))
                times[name].append(time.perf_counter() - start)
                cpu[name].append(time.process_time() - start_cpu)
                counts[name] = found
        for name, values in times.items():
            print(
                f"{name:>14}: median {statistics.median(values):.2f} s wall, {statistics.median(cpu[name]):.2f} s CPU "
                f"over {args.repeat} runs (min {min(values):.2f} s wall), {counts[name]} findings "
                f"({counts[name] / len(sources):.1f} an article)"
            )
        for label, table in (("wall", times), ("CPU", cpu)):
            ratio = statistics.median(table["with style"]) / statistics.median(table["without style"])
            print(f"ratio with/without ({label} medians): {ratio:.2f} (target: at most 1.5)")


if __name__ == "__main__":
    main()
