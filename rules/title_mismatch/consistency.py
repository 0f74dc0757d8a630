"""Consistency within one article, for people the knowledge base does not know."""

from __future__ import annotations

from typing import Iterator

from newslint.knowledge import Knowledge, title_key

from .judge import Verdict
from .phrases import Phrase

def consistency(knowledge: Knowledge, phrases: list[Phrase], verdicts: dict[int, Verdict]) -> Iterator[tuple[Phrase, str]]:
    """Yield phrases that disagree with the rest of the article about who holds what."""
    current = [p for p in phrases if p.modifier is None and not p.elect and p.codes and not p.trailing]
    by_office: dict[tuple[frozenset[str], str], list[Phrase]] = {}
    for phrase in current:
        offices = [o for o in knowledge.titles.get(title_key(phrase.title), []) if o.country in phrase.codes]
        if offices and all(o.single for o in offices):
            by_office.setdefault((phrase.codes, title_key(phrase.title)), []).append(phrase)
    for group in by_office.values():
        clusters = _clusters(group)
        if len(clusters) < 2:
            continue
        for odd in _minority(clusters):
            for phrase in odd:
                if phrase.people or id(phrase) in verdicts:
                    continue  # the knowledge base judged known people already
                others = sorted({c[0].name for c in clusters if c is not odd})
                yield phrase, (
                    f"this article also gives the title '{_title_words(phrase)}' to {', '.join(others)}; "
                    f"only one person holds it at a time"
                )
    by_person: dict[str, list[Phrase]] = {}
    for phrase in current:
        if not phrase.people:
            by_person.setdefault(_surname(phrase.name), []).append(phrase)
    for group in by_person.values():
        clusters_by_codes: dict[frozenset[str], list[Phrase]] = {}
        for phrase in group:
            clusters_by_codes.setdefault(phrase.codes, []).append(phrase)
        if len(clusters_by_codes) < 2 or len({p.name for p in group if " " in p.name}) > 1:
            continue
        clusters = list(clusters_by_codes.values())
        if any(a.codes & b.codes for a in group for b in group if a.codes != b.codes):
            continue
        for odd in _minority(clusters):
            majority = max(clusters, key=len)
            for phrase in odd:
                yield phrase, (
                    f"this article calls {phrase.name} '{_title_words(majority[0])}' elsewhere, "
                    f"not '{_title_words(phrase)}'"
                )


def _title_words(phrase: Phrase) -> str:
    return f"{phrase.form} {phrase.title}" if phrase.form else phrase.title


def _surname(name: str) -> str:
    return name.split()[-1].casefold()


def _clusters(group: list[Phrase]) -> list[list[Phrase]]:
    """Group phrases by person: full names by name, a lone surname with its only full name."""
    full: dict[str, list[Phrase]] = {}
    for phrase in group:
        if " " in phrase.name:
            full.setdefault(phrase.name.casefold(), []).append(phrase)
    lone: dict[str, list[Phrase]] = {}
    for phrase in group:
        if " " not in phrase.name:
            owners = [k for k in full if _surname(k) == phrase.name.casefold()]
            if len(owners) == 1:
                full[owners[0]].append(phrase)
            else:
                lone.setdefault(phrase.name.casefold(), []).append(phrase)
    return [*full.values(), *lone.values()]


def _minority(clusters: list[list[Phrase]]) -> list[list[Phrase]]:
    """Return every cluster but the majority one (on a tie, the earliest stays)."""
    ordered = sorted(clusters, key=lambda c: (-len(c), min(p.paragraph.offset(p.start) for p in c)))
    return ordered[1:]


