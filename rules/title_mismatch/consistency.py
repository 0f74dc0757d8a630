"""Consistency within one article, for people the knowledge base does not know."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.knowledge import Knowledge, title_key

from .phrases import Phrase

# At most this many other people are named in one message.
MAX_NAMED = 3


def consistency(knowledge: Knowledge, phrases: list[Phrase], judged: set[int]) -> Iterator[tuple[Phrase, str]]:
    """Yield phrases that disagree with the rest of the article about who holds what.

    ``judged`` holds the ids of phrases the knowledge base already found wrong.
    """
    current = [p for p in phrases if p.modifier is None and not p.elect and p.codes and not p.trailing]
    if len(current) < 2:
        return  # nothing to disagree with
    by_office: dict[tuple[frozenset[str], str], list[Phrase]] = {}
    for phrase in current:
        key = title_key(phrase.title)
        codes = phrase.codes or frozenset()
        offices = [o for o in knowledge.titles.get(key, []) if o.country in codes]
        if offices and all(o.single for o in offices):
            by_office.setdefault((codes, key), []).append(phrase)
    for group in by_office.values():
        clusters = _clusters(group)
        if len(clusters) < 2:
            continue
        ordered = _ordered(clusters)
        names = [c[0].name for c in ordered]
        for odd in ordered[1:]:
            others = _others(names, odd[0].name)
            for phrase in odd:
                if phrase.people or id(phrase) in judged:
                    continue  # the knowledge base judged known people already
                yield (
                    phrase,
                    (
                        f"this article also gives the title '{_title_words(phrase)}' to {others}; "
                        f"only one person holds it at a time"
                    ),
                )
    by_person: dict[str, list[Phrase]] = {}
    for phrase in current:
        if not phrase.people:
            by_person.setdefault(_surname(phrase.name), []).append(phrase)
    for group in by_person.values():
        by_codes: dict[frozenset[str], list[Phrase]] = {}
        for phrase in group:
            by_codes.setdefault(phrase.codes or frozenset(), []).append(phrase)
        if len(by_codes) < 2 or len({p.name for p in group if " " in p.name}) > 1:
            continue
        # Forms that overlap (Korean, South Korean) may name one country: no claim.
        distinct = list(by_codes)
        if any(a & b for i, a in enumerate(distinct) for b in distinct[i + 1 :]):
            continue
        ordered = _ordered(list(by_codes.values()))
        majority = ordered[0]
        for odd in ordered[1:]:
            for phrase in odd:
                yield (
                    phrase,
                    (
                        f"this article calls {phrase.name} '{_title_words(majority[0])}' elsewhere, "
                        f"not '{_title_words(phrase)}'"
                    ),
                )


def _others(names: list[str], own: str) -> str:
    """Return the first few names other than ``own``, and how many more there are."""
    shown: list[str] = []
    for name in names:
        if name != own:
            shown.append(name)
            if len(shown) > MAX_NAMED:
                break
    total = len(names) - 1
    if total > MAX_NAMED:
        return ", ".join(shown[:MAX_NAMED]) + f" and {total - MAX_NAMED} others"
    return ", ".join(sorted(shown))


def _title_words(phrase: Phrase) -> str:
    if phrase.form and phrase.of_country:
        return f"{phrase.title} of {phrase.form}"
    return f"{phrase.form} {phrase.title}" if phrase.form else phrase.title


def _surname(name: str) -> str:
    return name.split()[-1].casefold()


def _clusters(group: list[Phrase]) -> list[list[Phrase]]:
    """Group phrases by person: full names by name, a lone surname with its only full name."""
    full: dict[str, list[Phrase]] = {}
    by_surname: dict[str, list[str]] = {}
    for phrase in group:
        if " " in phrase.name:
            key = phrase.name.casefold()
            if key not in full:
                full[key] = []
                by_surname.setdefault(_surname(key), []).append(key)
            full[key].append(phrase)
    lone: dict[str, list[Phrase]] = {}
    for phrase in group:
        if " " not in phrase.name:
            owners = by_surname.get(phrase.name.casefold(), [])
            if len(owners) == 1:
                full[owners[0]].append(phrase)
            else:
                lone.setdefault(phrase.name.casefold(), []).append(phrase)
    return [*full.values(), *lone.values()]


def _ordered(clusters: list[list[Phrase]]) -> list[list[Phrase]]:
    """Return the clusters, the majority first (on a tie, the earliest)."""
    return sorted(clusters, key=lambda c: (-len(c), min(p.paragraph.offset(p.start) for p in c)))
