"""Time rules on a corpus, with shared analysis (paragraphs, sentences) done beforehand.

Usage: python bench/time_rules.py CORPUS_DIR [RULE ...]
Prints, per rule, the seconds spent in its check (first run, cold caches, and a second
run) and its findings per 100 articles.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newslint import Linter


def main(argv: list[str] | None = None) -> None:
    """Time each named rule (every default rule when none is named) on a corpus directory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("rules", nargs="*", help="rule names or codes (default: every default rule)")
    args = parser.parse_args(argv)
    root = args.corpus
    linter = Linter(entry_points=False)
    docs = []
    for result in linter.read_paths([str(root)]):
        if result.source is None:
            continue
        doc = linter.document(result.source.text, result.path)
        _ = doc.sentences, doc.quote_marks  # shared analysis, paid once for every rule
        docs.append(doc)
    names = args.rules or [rule.name for rule in linter.rules if rule.default]
    for name in names:
        rule = linter.rule(name)
        for run in ("cold", "warm"):
            start = time.perf_counter()
            found = sum(len(rule(doc)) for doc in docs)
            took = time.perf_counter() - start
            print(
                f"{rule.code} {rule.name:<18} {run}: {took:.3f} s, "
                f"{found} findings, {100 * found / len(docs):.1f} per 100 articles"
            )


if __name__ == "__main__":
    main()
