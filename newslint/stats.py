"""``newslint stats``: per-article counts and readability scores, as a table or JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import BinaryIO, TextIO

from newslint.counts import counts_of
from newslint.document import PROSE_KINDS, Document
from newslint.engine import EXIT_CLEAN, EXIT_ERROR


@dataclass(frozen=True)
class ArticleStats:
    """What ``newslint stats`` reports for one article (headings not counted)."""

    path: str
    words: int
    sentences: int
    paragraphs: int
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    longest_sentence: int
    words_per_sentence: float


def article_stats(document: Document) -> ArticleStats:
    """Return the counts and scores of one document's prose."""
    prose = [p for p in document.paragraphs if p.kind in PROSE_KINDS]
    counts = counts_of(s.text for p in prose for s in document.sentences_of(p))
    return ArticleStats(
        path=document.path,
        words=counts.words,
        sentences=counts.sentences,
        paragraphs=len(prose),
        flesch_reading_ease=round(counts.flesch_reading_ease, 1),
        flesch_kincaid_grade=round(counts.flesch_kincaid_grade, 1),
        gunning_fog=round(counts.gunning_fog, 1),
        longest_sentence=counts.longest,
        words_per_sentence=round(counts.words_per_sentence, 1),
    )


COLUMNS = (
    ("words", "words", "{}"),
    ("sentences", "sentences", "{}"),
    ("paragraphs", "paragraphs", "{}"),
    ("flesch_reading_ease", "ease", "{:.1f}"),
    ("flesch_kincaid_grade", "grade", "{:.1f}"),
    ("gunning_fog", "fog", "{:.1f}"),
    ("longest_sentence", "longest", "{}"),
)


def table(rows: list[ArticleStats]) -> str:
    """Return the rows as an aligned text table: path left, numbers right."""
    header = ["path", *(title for _, title, _ in COLUMNS)]
    cells = [[r.path, *(fmt.format(getattr(r, key)) for key, _, fmt in COLUMNS)] for r in rows]
    widths = [max(len(line[i]) for line in [header, *cells]) for i in range(len(header))]

    def line(values: list[str]) -> str:
        first = values[0].ljust(widths[0])
        rest = (value.rjust(width) for value, width in zip(values[1:], widths[1:]))
        return "  ".join([first, *rest]).rstrip()

    return "\n".join(line(values) for values in [header, *cells]) + "\n"


def run(paths: Iterable[str], output_format: str, out: TextIO, err: TextIO, stdin: BinaryIO | None = None) -> int:
    """Write the stats of every article under ``paths``; return 2 if a path failed, else 0."""
    from newslint.errors import NewslintError
    from newslint.linter import Linter

    status = EXIT_CLEAN
    rows: list[ArticleStats] = []
    try:
        linter = Linter()
    except NewslintError as exc:
        err.write(f"newslint: {exc}\n")
        return EXIT_ERROR
    for result in linter.read_paths(paths, stdin=stdin):
        if result.notice is not None:
            err.write(f"newslint: {result.path}: {result.notice}\n")
            continue
        if result.error is not None or result.source is None:
            err.write(f"newslint: {result.path}: {result.error}\n")
            status = EXIT_ERROR
            continue
        document = linter.document(result.source.text, result.path)
        for problem in document.problems:
            err.write(f"newslint: {result.path}: {problem}\n")
            status = EXIT_ERROR
        rows.append(article_stats(document))
    if output_format == "json":
        out.write(json.dumps([asdict(r) for r in rows], indent=2) + "\n")
    elif rows:
        out.write(table(rows))
    return status
