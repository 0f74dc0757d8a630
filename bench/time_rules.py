"""Time rules on a corpus, with shared analysis (paragraphs, sentences) done beforehand.

Usage: python bench/time_rules.py CORPUS_DIR RULE [RULE ...]
Prints, per rule, the seconds spent in its check (first run, cold caches, and a second
run) and its findings per 100 articles.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from newslint.document import Document
from newslint.testing import _resolve


def main(argv: list[str]) -> None:
    """Time each named rule on every .txt/.md file under the corpus directory."""
    root, names = Path(argv[0]), argv[1:]
    files = sorted(p for p in root.rglob("*") if p.suffix in (".txt", ".md"))
    docs = []
    for path in files:
        fmt = "markdown" if path.suffix == ".md" else "text"
        doc = Document(path.read_text(encoding="utf-8-sig"), str(path), format=fmt)
        doc.sentences  # shared analysis, paid once for every rule
        doc.quote_marks
        docs.append(doc)
    for name in names:
        rule = _resolve(name)
        for run in ("cold", "warm"):
            start = time.perf_counter()
            found = sum(len(rule(doc)) for doc in docs)
            took = time.perf_counter() - start
            print(f"{rule.code} {rule.name:<18} {run}: {took:.3f} s, "
                  f"{found} findings, {100 * found / len(docs):.1f} per 100 articles")


if __name__ == "__main__":
    main(sys.argv[1:])
