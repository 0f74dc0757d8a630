"""NL302 name-variant: one person's name spelt two ways in the same article."""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from newslint import patterns
from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.knowledge import Knowledge, derived, load
from newslint.knowledge import option as knowledge_option
from newslint.rule import Rule, rule

# Two spellings of one word are variants when this similar (Zelensky, Zelenskyy); below
# it they are different names for the person (Mahmoud Abbas, Abu Mazen).
SIMILAR = 0.6


def _tokens(form: str) -> tuple[str, ...]:
    return tuple(t for t in form.replace(".", " ").replace("’", "'").casefold().split() if t)


@lru_cache(maxsize=65536)
def _similar(x: str, y: str) -> bool:
    """Return whether two words are spellings of one word (Zelensky, Zelenskyy)."""
    from difflib import SequenceMatcher  # only when building the index or reporting

    matcher = SequenceMatcher(None, x, y)
    return matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR


@lru_cache(maxsize=65536)
def _conflict(a: str, b: str) -> bool:
    """Return whether two written forms of one name spell some word of it differently."""
    ta, tb = set(_tokens(a)), set(_tokens(b))
    if ta <= tb or tb <= ta:
        return False  # "Zelenskyy" and "Volodymyr Zelenskyy": a shorter form, not a variant
    return any(_similar(x, y) for x in ta - tb for y in tb - ta)


# What may stand before a spelling: no word character, apostrophe or hyphen.
_NOT_BEFORE = r"[\w’'\-]"
# What may follow a spelling: not more of a word (a possessive 's is fine).
_WORD_END = r"(?![\w\-]|['’][^\Ws])"
# A spelling's head: its leading run of letters ("Al" in "Al-Assad", "Moshe" in "Moshe Ya'alon").
_HEAD = patterns.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)  # heads of the knowledge bases in use
def _spellings(head: str, forms: tuple[str, ...]) -> re.Pattern[str]:
    """Return the pattern of the spellings with this head, at a word start, longest first.

    It opens with the head itself, a literal the regex engine searches for in C; the
    lookbehind after it asks what stands before the head. The alternation is tried in
    order, longest first, and a spelling that runs into more of a word gives way to a
    shorter one, as a loop over the spellings with ``startswith`` would.
    """
    rest = "|".join(re.escape(form[len(head) :]) for form in forms)
    return patterns.compile(f"{re.escape(head)}(?<!{_NOT_BEFORE}{'.' * len(head)})(?:{rest}){_WORD_END}")


@dataclass(frozen=True)
class _Index:
    """Every spelling of the people known by more than one, by their leading run of letters.

    Where a spelling occurs, the run of letters at that word start is exactly the
    spelling's head, so only spellings with that head can match there. ``capitals``
    (runs of letters from a capital some head starts with) lists a document's candidate
    heads in one C-speed scan, a superset of those present; the few heads that start
    with another letter (al-, el-, von) are looked for by the strings that open their
    spellings (``probes``). Only the heads present are searched for, each by one pattern
    of its spellings. Compiling all the spellings into one regex alternation took longer
    than the whole scan of a corpus.
    """

    owner: dict[str, str]  # written form -> the one person it names
    by_head: dict[str, tuple[str, ...]]  # leading run of letters -> spellings, longest first
    capitals: re.Pattern[str]  # a run of letters starting with some head's first capital
    probes: tuple[tuple[str, tuple[str, ...]], ...]  # other heads, each with its spellings' openings

    def present(self, text: str) -> set[str]:
        """Return the heads whose spellings may occur in ``text`` (every one that does, and maybe more).

        A spelling that occurs at a word start begins a run of capitals' scan there (no
        run of letters can cover a word start from before it), and holds its own opening.
        """
        found = self.by_head.keys() & set(self.capitals.findall(text))
        for head, openings in self.probes:
            if any(opening in text for opening in openings):
                found.add(head)
        return found

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Yield ``(start, end, spelling)`` of each known spelling in ``text``, left to right.

        Each present head's pattern gives its next spelling; the earliest is taken and
        the next search starts after it, so spellings never overlap. (At one start only
        one head's spellings can match: the run of letters there.)
        """
        searches = []
        for head in self.present(text):
            pattern = _spellings(head, self.by_head[head])
            match = pattern.search(text)
            if match is not None:
                searches.append((match.start(), head, match, pattern))
        heapq.heapify(searches)
        after = 0
        while searches:
            start, head, match, pattern = searches[0]
            if start >= after:
                yield start, match.end(), match.group()
                after = match.end()
            match = pattern.search(text, after)
            if match is None:
                heapq.heappop(searches)
            else:
                heapq.heapreplace(searches, (match.start(), head, match, pattern))


_IndexParts = tuple[dict[str, str], dict[str, tuple[str, ...]], str, tuple[tuple[str, tuple[str, ...]], ...]]


@lru_cache(maxsize=8)
def _index(knowledge: Knowledge) -> _Index:
    """Return the index of conflicting spellings (kept between runs with the knowledge base)."""
    parts: _IndexParts = derived(knowledge, "name-variant-index-3", lambda: _index_parts(knowledge))
    owner, by_head, scan, probes = parts
    return _Index(owner, by_head, patterns.compile(scan), probes)


def _index_parts(knowledge: Knowledge) -> _IndexParts:
    """Return the index's fields, its scan as the pattern's source."""
    owners: dict[str, set[str]] = {}
    for person, variants in knowledge.people.items():
        forms = {person, *variants}
        forms |= {f.split()[-1] for f in forms if len(f.split()) > 1}
        for form in forms:
            owners.setdefault(form, set()).add(person)
    # A spelling shared by two people (Bush) says nothing about either.
    owner = {form: next(iter(people)) for form, people in owners.items() if len(people) == 1}
    # Only people with two conflicting spellings can be misspelt; the others are not looked for.
    forms_of: dict[str, list[str]] = {}
    for form, person in owner.items():
        forms_of.setdefault(person, []).append(form)
    wanted = {
        person
        for person, forms in forms_of.items()
        if any(_conflict(a, b) for i, a in enumerate(forms) for b in forms[i + 1 :])
    }
    owner = {form: person for form, person in owner.items() if person in wanted}
    by_head: dict[str, list[str]] = {}
    for form in owner:
        head = _HEAD.match(form)
        if head:  # a spelling that starts with no letter ('Akilisi) never starts at a letter
            by_head.setdefault(head.group(), []).append(form)
    capitals = "".join(sorted({head[0] for head in by_head if head[0].isupper()}))
    # A class of no letters would be a syntax error: with no spellings, match nothing.
    # No lookbehind: one placed first would stop the regex engine from skipping ahead
    # to the next capital, and the runs it would drop are only more candidates.
    scan = f"[{re.escape(capitals)}][^\\W\\d_]*" if capitals else "(?!)"
    # A head's spelling holds the head and the character after it, if any.
    probes = tuple(
        (head, tuple(sorted({form[: len(head) + 1] for form in forms})))
        for head, forms in sorted(by_head.items())
        if not head[0].isupper()
    )
    return owner, {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_head.items()}, scan, probes


@lru_cache(maxsize=4096)
def _classes(forms: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Group forms (most used first) into classes of mutually compatible spellings."""
    classes: list[list[str]] = []
    for form in forms:
        for group in classes:
            if not any(_conflict(form, other) for other in group):
                group.append(form)
                break
        else:
            classes.append([form])
    return tuple(tuple(group) for group in classes)


def _closest(suggestion: str, majority: tuple[str, ...]) -> str:
    """Return the majority form most like the suggestion (the form itself if used)."""
    from difflib import SequenceMatcher

    return max(
        majority,
        key=lambda f: (
            f == suggestion,
            len(f.split()) == len(suggestion.split()),
            SequenceMatcher(None, f, suggestion).ratio(),
        ),
    )


def _suggestion(written: str, majority: list[str]) -> str:
    """Return ``written`` with each word respelt as in the majority's forms (Volodymyr Zelensky)."""
    from difflib import SequenceMatcher

    words = [w for form in majority for w in form.split()]
    result = []
    for word in written.split():
        if word in words:
            result.append(word)
            continue
        best = max(words, key=lambda w: SequenceMatcher(None, word.casefold(), w.casefold()).ratio())
        close = SequenceMatcher(None, word.casefold(), best.casefold()).ratio() >= SIMILAR
        result.append(best if close else word)
    return " ".join(result)


@rule(
    "NL302",
    "name-variant",
    summary="One person's name spelt two ways in the same article (Zelensky and Zelenskyy).",
    options={"knowledge": knowledge_option()},
)
def name_variant(document, options) -> Iterator[Violation]:
    """What it does:
    Finds a person the knowledge base knows by several spellings (Zelenskyy, Zelensky,
    Zelenskiy) written two ways in one article, and reports the spelling used less often
    (on a tie, the later one), suggesting the article's majority spelling.

    Why it matters:
    Two spellings read as two people, and show the copy was not checked.

    Example:
    ``Volodymyr Zelenskyy spoke first. Later Zelensky said...``

    Use instead:
    ``Volodymyr Zelenskyy spoke first. Later Zelenskyy said...``

    Options:
    ``knowledge``: extra YAML files in the knowledge base's format (paths relative to the working
    directory), whose ``people`` entries add spellings. A different name for the person (Abu Mazen
    for Mahmoud Abbas) is not a variant; only spellings of the same word are.
    """
    knowledge = load(tuple(options.get("knowledge") or ()))
    index = _index(knowledge)
    if not index.owner:
        return
    joined = document.joined  # one scan per document; no name crosses a paragraph break
    seen: dict[str, list[tuple[str, int, int]]] = {}
    for start, end, form in index.find(joined.text):
        number, local = joined.locate(start)
        span = joined.paragraphs[number].span(local, local + end - start)
        seen.setdefault(index.owner[form], []).append((form, *span))
    for occurrences in seen.values():
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for form, start, _ in occurrences:
            counts[form] = counts.get(form, 0) + 1
            first.setdefault(form, start)
        if len(counts) < 2:
            continue
        order = tuple(sorted(counts, key=lambda f: (-counts[f], first[f])))
        classes = sorted(_classes(order), key=lambda g: (-sum(counts[f] for f in g), min(first[f] for f in g)))
        if len(classes) < 2:
            continue
        majority = classes[0]
        total = sum(counts[f] for f in majority)
        minority = {f for group in classes[1:] for f in group}
        for form, start, end in occurrences:
            if form in minority:
                better = _suggestion(form, list(majority))
                times = "once" if total == 1 else f"{total} times"
                yield Violation(
                    start,
                    end,
                    f"'{form}' is spelt '{_closest(better, majority)}' elsewhere in this article ({times}): '{better}'",
                    Fix(start, end, better, safe=False),
                )


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [name_variant]
