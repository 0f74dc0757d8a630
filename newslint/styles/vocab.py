"""Vocabularies: ``accept.txt`` and ``reject.txt``, as Vale keeps them.

Each file holds one entry a line: a word, a phrase or a regular expression (Vale's
dialect); blank lines and lines starting with ``#`` are skipped. Entries are
case-sensitive unless they start with ``(?i)``.

- An accepted term is an exception to every style rule, and newslint's own rules never
  report a span inside it either (``drop_accepted``): a name ``joined-words`` would
  split, a spelling ``spelling-variant`` would correct. Written in another case it is
  reported by ``Vale.Terms`` (``kyiv`` for an accepted ``Kyiv``).
- A rejected term is reported by ``Vale.Avoid``, an error, wherever it appears.

A vocabulary named ``Name`` is the folder ``<StylesPath>/config/vocabularies/Name``
(Vale 3) or ``<StylesPath>/Vocab/Name`` (Vale 2).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Protocol, TypeVar

from newslint.document import Document
from newslint.styles.errors import RegexError, StyleError, is_file, is_folder
from newslint.styles.regex import translate


class _Spanned(Protocol):
    start: int
    end: int


T = TypeVar("T", bound=_Spanned)


@dataclass(frozen=True)
class Vocab:
    """One vocabulary: its accepted and rejected entries (Vale patterns)."""

    name: str
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    source: str = ""


def _entries(path: Path) -> tuple[str, ...]:
    if not is_file(path):
        return ()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise StyleError(str(path), f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        try:
            translate(entry)
        except RegexError as exc:
            raise StyleError(str(path), str(exc), line=number) from None
        entries.append(entry)
    return tuple(entries)


def vocab_folder(styles_path: Path, name: str) -> Path | None:
    """Return the folder of the vocabulary ``name`` under a StylesPath, if there is one."""
    for candidate in (styles_path / "config" / "vocabularies" / name, styles_path / "Vocab" / name):
        if is_folder(candidate):
            return candidate
    return None


def load_vocab(folder: Path, name: str | None = None) -> Vocab:
    """Read a vocabulary folder's ``accept.txt`` and ``reject.txt``."""
    if not is_folder(folder):
        raise StyleError(str(folder), "vocabulary folder not found")
    return Vocab(name or folder.name, _entries(folder / "accept.txt"), _entries(folder / "reject.txt"), str(folder))


def merged(vocabs: Iterable[Vocab]) -> Vocab:
    """Return several vocabularies as one (entries in order, without repeats)."""
    accept: dict[str, None] = {}
    reject: dict[str, None] = {}
    names = []
    for vocab in vocabs:
        names.append(vocab.name)
        accept.update(dict.fromkeys(vocab.accept))
        reject.update(dict.fromkeys(vocab.reject))
    return Vocab("+".join(names), tuple(accept), tuple(reject))


class AcceptedTerms:
    """Finds where accepted terms stand in a document, to silence findings inside them."""

    def __init__(self, entries: Sequence[str]) -> None:
        self.entries = tuple(entries)

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """Return one pattern for every entry, longest first, word-bounded, each in its own case."""
        if not self.entries:
            return None
        ordered = sorted(set(self.entries), key=lambda e: (-len(e), e))
        scoped = [e if e.startswith("(?i)") else f"(?-i:{e})" for e in ordered]
        # A look-ahead finds a term at every position, so overlapping terms are all seen.
        return re.compile(translate(r"(?=(\b(?:" + "|".join(scoped) + r")\b))"), re.MULTILINE)

    def spans_in(self, text: str) -> list[tuple[int, int]]:
        """Return the local spans of accepted terms in a text."""
        if self.pattern is None:
            return []
        return [(m.start(1), m.end(1)) for m in self.pattern.finditer(text) if m.end(1) > m.start(1)]

    def drop(self, document: Document, findings: Sequence[T]) -> list[T]:
        """Return ``findings`` without those whose span lies inside an accepted term."""
        if self.pattern is None or not findings:
            return list(findings)
        paragraphs = document.paragraphs
        starts = [p.start for p in paragraphs]
        covered: dict[int, list[tuple[int, int]]] = {}

        def terms_of(number: int) -> list[tuple[int, int]]:
            found = covered.get(number)
            if found is None:
                if number < 0:  # the raw file, for findings outside any paragraph
                    found = self.spans_in(document.text)
                else:
                    paragraph = paragraphs[number]
                    found = [paragraph.span(a, b) for a, b in self.spans_in(paragraph.text)]
                covered[number] = found
            return found

        kept = []
        for finding in findings:
            start, end = finding.start, finding.end
            if end <= start:
                kept.append(finding)
                continue
            number = bisect_right(starts, start) - 1
            inside = False
            if number >= 0 and start < paragraphs[number].end + 1:
                inside = any(a <= start and end <= b for a, b in terms_of(number))
            if not inside:
                inside = any(a <= start and end <= b for a, b in terms_of(-1))
            if not inside:
                kept.append(finding)
        return kept


def drop_accepted(document: Document, findings: Sequence[T], vocab: Vocab | AcceptedTerms | None) -> list[T]:
    """Return ``findings`` without those lying within an accepted term of ``vocab`` (exact case)."""
    if vocab is None:
        return list(findings)
    terms = vocab if isinstance(vocab, AcceptedTerms) else AcceptedTerms(vocab.accept)
    return terms.drop(document, findings)
