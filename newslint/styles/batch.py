"""Running a whole style in few scans: literal prefilters and one Aho-Corasick pass per scope.

A style of a thousand substitution rules must not cost a thousand regex passes per
article. Each pattern's *required literals* are worked out once from its parse tree: a
set of strings one of which every match contains (``\\bper ?cent\\b`` needs ``per``...
``percent`` or ``per cent``). All the literals of a style go into one Aho-Corasick
automaton (pyahocorasick, a C extension: it reports every occurrence, overlapping ones
included, in one pass, which an alternation of Python regexes cannot). Per document and
scope the segments' folded text (``fold``: equal wherever ``re.IGNORECASE`` would match)
is scanned once; a rule's own regex then runs only
on the segments where one of its literals occurs. Rules without a usable literal (a
pattern such as ``\\d+%``, or stateful rules such as consistency) run everywhere.

Every rule still matches with its own pattern, so the findings are exactly those of
running each rule alone: the prefilter may only rule segments out.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newslint.document import Document
from newslint.finding import Violation
from newslint.styles.regex import sre_parser
from newslint.styles.scopes import Scope, segments

if TYPE_CHECKING:
    import re

    from newslint.styles.checks import Check

_MAX_SET = 64  # strings in one finite set before it is given up as too large
_MIN_LITERAL = 2  # shorter literals would hit nearly every segment


class _Info:
    """What a piece of pattern is known to match: its full finite language, or a required set."""

    __slots__ = ("exact", "required")

    def __init__(self, exact: frozenset[str] | None = None, required: frozenset[str] | None = None) -> None:
        self.exact = exact
        self.required = required

    def best(self) -> frozenset[str] | None:
        """Return a set one of whose strings every match contains, or None."""
        candidates = [c for c in (self.required, self.exact) if c and "" not in c]
        return max(candidates, key=_score) if candidates else None


def _score(strings: frozenset[str]) -> tuple[int, int]:
    return (min(len(s) for s in strings), -len(strings))


_ZERO_WIDTH = _Info(frozenset({""}))
_UNKNOWN = _Info()


def _node(op: Any, av: Any, constants: Any) -> _Info:
    name = str(op)
    if name == "LITERAL":
        return _Info(frozenset({chr(av)}))
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return _ZERO_WIDTH
    if name == "IN":
        chars: set[str] = set()
        for item_op, item_av in av:
            item = str(item_op)
            if item == "LITERAL":
                chars.add(chr(item_av))
            elif item == "RANGE" and item_av[1] - item_av[0] < 10:
                chars.update(chr(c) for c in range(item_av[0], item_av[1] + 1))
            else:
                return _UNKNOWN  # NEGATE, categories, wide ranges
        return _Info(frozenset(chars)) if 0 < len(chars) <= 10 else _UNKNOWN
    if name == "BRANCH":
        alternatives = [_sequence(items, constants) for items in av[1]]
        exact = None
        if all(a.exact is not None for a in alternatives):
            union = frozenset().union(*(a.exact for a in alternatives))  # type: ignore[arg-type]
            exact = union if len(union) <= _MAX_SET else None
        bests = [a.best() for a in alternatives]
        required = frozenset().union(*bests) if all(bests) else None  # type: ignore[arg-type]
        return _Info(exact, required)
    if name in ("SUBPATTERN", "ATOMIC_GROUP"):
        return _sequence(av[-1], constants)
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, items = av
        child = _sequence(items, constants)
        if low == 1 and high == 1:
            return child
        if low == 0:
            if high == 1 and child.exact is not None and len(child.exact) < _MAX_SET:
                return _Info(child.exact | {""})
            # Zero or more of something: nothing is required, and the exact language is unknown.
            return _ZERO_WIDTH if child.exact == frozenset({""}) else _UNKNOWN
        return _Info(None, child.best())
    return _UNKNOWN


def _sequence(items: Iterable[Any], constants: Any = None) -> _Info:
    run: frozenset[str] | None = frozenset({""})
    broken = False
    candidates: list[frozenset[str]] = []
    for op, av in items:
        info = _node(op, av, constants)
        if info.exact is not None and run is not None and len(run) * len(info.exact) <= _MAX_SET:
            run = frozenset(a + b for a in run for b in info.exact)
            continue
        broken = True
        if run and "" not in run:
            candidates.append(run)
        best = info.best()
        if best:
            candidates.append(best)
        run = info.exact if info.exact is not None and len(info.exact) <= _MAX_SET else frozenset({""})
    if run and "" not in run:
        candidates.append(run)
    required = max(candidates, key=_score) if candidates else None
    return _Info(None if broken else run, required)


@lru_cache(maxsize=1)
def _extra_cases() -> tuple[dict[int, int], re.Pattern[str] | None]:
    """Return the letters ``re.IGNORECASE`` equates beyond ``str.lower`` (ı and i, ſ and s...)."""
    import re

    try:
        from re._casefix import _EXTRA_CASES as extra  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        extra = {0x69: (0x131,), 0x73: (0x17F,), 0xB5: (0x3BC,), 0x131: (0x69,), 0x17F: (0x73,)}
    table: dict[int, int] = {}
    for code, others in extra.items():
        group = (code, *others)
        for member in group:
            table[member] = min(table.get(member, member), *group)
    table = {k: v for k, v in table.items() if k != v}
    chars = "".join(chr(k) for k in table)
    return table, (re.compile("[" + re.escape(chars) + "]") if chars else None)


def fold(text: str) -> str:
    """Return ``text`` folded so that ``re.IGNORECASE`` matches are equal strings, same length.

    ``str.lower`` gives every character one lower-case character except ``İ`` (two), which
    becomes ``i`` as the regex engine reads it; letters the engine also equates (``ı`` and
    ``i``, ``ſ`` and ``s``, ``µ`` and ``μ``) become one of each group.
    """
    if "\u0130" in text:
        text = text.replace("\u0130", "i")
    folded = text.lower()
    table, extra = _extra_cases()
    if extra is not None and extra.search(folded):
        folded = folded.translate(table)
    return folded


def required_literals(pattern: re.Pattern[str] | tuple[str, int]) -> frozenset[str] | None:
    """Return folded strings one of which every match of ``pattern`` (or source, flags) contains."""
    source, flags = pattern if isinstance(pattern, tuple) else (pattern.pattern, pattern.flags)
    try:
        tree = sre_parser().parse(source, flags)
        found = _sequence(list(tree)).best()
    except Exception:  # an unusual parse tree: no prefilter, the rule simply always runs
        return None
    if not found or min(len(s) for s in found) < _MIN_LITERAL:
        return None
    return frozenset(fold(s) for s in found)


class StyleBatch:
    """The checks of one configuration's styles, run together on each document.

    A check whose alternatives (tokens, swap keys) each have literals runs, on each
    segment, with only the alternatives whose literals occur there; a check with one
    pattern runs on the segments where its literals occur; the others run everywhere.
    """

    def __init__(self, checks: Sequence[Check]) -> None:
        self.checks = list(checks)
        # Per scope: checks run where their literals are, checks run everywhere, and one
        # automaton of the literals of that scope's checks.
        self._groups: dict[Scope, tuple[list[int], list[int], Any]] = {}
        # Per check with alternatives: those without literals, which run wherever the check runs.
        self._bare: dict[int, tuple[int, ...]] = {}
        owners: dict[Scope, dict[str, list[tuple[int, int]]]] = {}
        for index, check in enumerate(self.checks):
            filtered, always, _ = self._groups.setdefault(check.scope, ([], [], None))
            mine = owners.setdefault(check.scope, {})
            if check.alternatives is not None:
                bare = []
                for alternative, pattern in enumerate(check.alternatives):
                    literals = required_literals(pattern)
                    if literals is None:
                        bare.append(alternative)
                    for literal in literals or ():
                        mine.setdefault(literal, []).append((index, alternative))
                self._bare[index] = tuple(bare)
                (always if bare else filtered).append(index)
                continue
            literals = required_literals(check.prefilter) if check.prefilter is not None else None
            if literals:
                for literal in literals:
                    mine.setdefault(literal, []).append((index, -1))
                filtered.append(index)
            else:
                always.append(index)
        for scope, (filtered, always, _) in list(self._groups.items()):
            self._groups[scope] = (filtered, always, _automaton(owners[scope]) if owners[scope] else None)
        self._last: tuple[Document, dict[int, list[Violation]]] | None = None

    def violations(self, document: Document) -> dict[int, list[Violation]]:
        """Return every check's violations on ``document`` by check index.

        The last document's results are kept (with the document itself, so that identity
        is a safe test): the engine asks once for every rule of the style.
        """
        last = self._last
        if last is not None and last[0] is document:
            return last[1]
        results = self._run(document)
        self._last = (document, results)
        return results

    @staticmethod
    def _hits(parts: Sequence[Any], automaton: Any) -> dict[int, dict[int, set[int]]]:
        """Return, per check, the segments where its literals occur and the alternatives found."""
        texts = [p.text for p in parts]
        folded = fold("\0".join(texts))
        starts, at = [], 0
        for text in texts:
            starts.append(at)
            at += len(text) + 1
        hits: dict[int, dict[int, set[int]]] = {}
        for end, owners in automaton.iter(folded):
            segment = bisect_right(starts, end) - 1
            for index, alternative in owners:
                hits.setdefault(index, {}).setdefault(segment, set()).add(alternative)
        return hits

    def _run(self, document: Document) -> dict[int, list[Violation]]:
        results: dict[int, list[Violation]] = {}
        for scope, (_filtered, always, automaton) in self._groups.items():
            parts = segments(document, scope)
            if not parts:
                continue
            hits = self._hits(parts, automaton) if automaton is not None else {}
            for index in always:
                check = self.checks[index]
                if index not in self._bare:
                    results[index] = _unique(check.run(document, parts))
                    continue
                # Alternatives without literals run everywhere, with those whose literals are here.
                found_here = hits.pop(index, {})
                found: list[Violation] = []
                for number, part in enumerate(parts):
                    subset = sorted(set(self._bare[index]) | found_here.get(number, set()))
                    found.extend(check.run(document, [part], subset))
                results[index] = _unique(found)
            for index, where in hits.items():  # the checks whose literals occur here
                check = self.checks[index]
                if index in self._bare:
                    found = []
                    for number in sorted(where):
                        found.extend(check.run(document, [parts[number]], sorted(where[number])))
                else:
                    found = check.run(document, [parts[k] for k in sorted(where)])
                results[index] = _unique(found)
        return results


def _automaton(owners: dict[str, list[tuple[int, int]]]) -> Any:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for literal, found in owners.items():
        automaton.add_word(literal, tuple(found))
    automaton.make_automaton()
    return automaton


def _unique(found: list[Violation]) -> list[Violation]:
    """Drop repeats: overlapping scopes (``heading`` and ``headline``) may read a stretch twice."""
    if len(found) < 2:
        return found
    return sorted(set(found), key=lambda v: (v.start, v.end, v.message))
