"""Where titles stand in a text: every spelling of every office's title, found in one scan."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newslint import patterns
from newslint.knowledge import Knowledge, alternation, derived

from . import titles
from .titles import NEWSROOM_TITLES

_LETTERS = patterns.compile(r"[^\W\d_]*")  # a run of letters (a title's leading word ends with one)


def _head(text: str, at: int) -> str:
    """Return the run of letters at ``at`` (empty when none)."""
    match = _LETTERS.match(text, at)
    return match.group() if match else ""


_MODIFIER_WORDS = ("former", "then", "late", "acting", "outgoing", "incoming", "interim", "caretaker", "ex")
_MODIFIERS_BEFORE = r"(?P<mods>(?:" + "|".join(_MODIFIER_WORDS) + r")[\s-]+)"
_TAIL_BLOCKERS = "_’'-"


@dataclass(frozen=True)
class _TitleFinder:
    """Every spelling of every title, by its leading run of letters, and three small finders.

    Where a title occurs, the run of letters at its start is exactly the spelling's head
    ("Prime" of "Prime Minister"): what follows the head is a space, a hyphen or the end
    of the title, which is never followed by a letter. So the finders only look for the
    heads (an alternation of ~160 short words instead of ~330 phrases, compiled several
    times faster at start-up) and the spellings with that head are compared in Python,
    longest first, as the regex trie of the whole phrases did. A space in a spelling
    matches any one white-space character, as ``knowledge.re_escape`` has it.
    """

    capital_heads: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # head -> (spelling, words)
    lower_heads: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    capitals: re.Pattern[str]  # a capitalised title's head
    after_capital: re.Pattern[str]  # a capitalised word, then a lower-case title's head
    after_the: re.Pattern[str]  # "the", then a lower-case title's head

    @staticmethod
    def title_at(heads, text: str, start: int, head: str) -> tuple[int, int, str, bool] | None:
        """Return ``(start, end, title, elect)`` of the longest spelling at ``start``, if any."""
        size = len(text)
        for _spelling, words in heads.get(head, ()):
            at = start
            for i, word in enumerate(words):
                if i:
                    if at >= size or not text[at].isspace():
                        break
                    at += 1
                if not text.startswith(word, at):
                    break
                at += len(word)
            else:
                # (?P<elect>-elect|\select)?(?![\w’'\-]), "elect" preferred when it fits
                if text.startswith("-elect", at) or (
                    at < size and text[at].isspace() and text.startswith("elect", at + 1)
                ):
                    after = at + 6
                    if after >= size or not (text[after].isalnum() or text[after] in _TAIL_BLOCKERS):
                        return start, after, text[start:at], True
                if at >= size or not (text[at].isalnum() or text[at] in _TAIL_BLOCKERS):
                    return start, at, text[start:at], False
        return None


_Heads = dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
_Parts = tuple[_Heads, _Heads, str, str, str]


@lru_cache(maxsize=8)
def _title_finder(knowledge: Knowledge) -> _TitleFinder:
    """Return the title finder: capitalised titles, and lower-case ones in context.

    Lower-case titles ("president", "chief") are common words: they are only looked for
    after a capitalised word ("Russian president", "US defence secretary") or "the"
    ("Jack Straw, the foreign secretary"). Its tables and patterns' source are kept
    between runs with the knowledge base (plain data, loaded in one go).
    """
    # Shaped by this code and by the titles module (the newsroom titles).
    parts: _Parts = derived(knowledge, "title-finder-1", lambda: _finder_parts(knowledge), titles)
    capital_heads, lower_heads, capitals, after_capital, after_the = parts
    return _TitleFinder(
        capital_heads,
        lower_heads,
        patterns.compile(capitals),
        patterns.compile(after_capital),
        patterns.compile(after_the),
    )


def _finder_parts(knowledge: Knowledge) -> _Parts:
    """Return the finder's two tables of spellings by head and its three patterns' source."""
    spellings: set[str] = set()
    for title in (*NEWSROOM_TITLES, *knowledge.office_titles):  # at hand without loading the facts
        spellings |= {title, title.lower(), title[:1].upper() + title[1:].lower()}
    capital_heads: dict[str, list[str]] = {}
    lower_heads: dict[str, list[str]] = {}
    for spelling in spellings:
        if not spelling:
            continue
        head = _head(spelling, 0)
        (capital_heads if spelling[:1].isupper() else lower_heads).setdefault(head, []).append(spelling)

    def table(heads: dict[str, list[str]]) -> _Heads:
        return {
            head: tuple((s, tuple(s.split(" "))) for s in sorted(group, key=lambda s: (-len(s), s)))
            for head, group in heads.items()
        }

    def finder(heads: dict[str, list[str]]) -> str:
        return (alternation(heads) if heads else "(?!)") + r"(?![^\W\d_])"

    lower = finder(lower_heads)
    # What follows the spaces after a capitalised word or "the" starts a modifier or a
    # lower-case title's head: one class test first turns most words away at once,
    # before the modifiers and the heads' alternation are tried one by one.
    starts = "".join(sorted({w[0] for w in _MODIFIER_WORDS} | {h[0] for h in lower_heads if h}))
    ahead = f"(?=[{re.escape(starts)}])" if starts else ""
    return (
        table(capital_heads),
        table(lower_heads),
        # The capital heads start with literal capitals, so the regex engine skips the
        # lower-case text between them.
        finder(capital_heads),
        # A plain range of capitals keeps the scan fast; a form starting with another
        # letter is rare. A modifier counts only when a title's head follows it (else
        # the optional group backtracks). The word must start where no word character
        # stands before it: tried inside a long run of capitals or initials (A.B.C.D.),
        # the word would be read to its end from every letter, quadratic time.
        r"[A-ZÀ-ÖØ-Þ](?<![\w.’'\-].)[\w.’'\-]*+\s+" + ahead + _MODIFIERS_BEFORE + "?(?=" + lower + ")",
        r"the(?<![\w’'\-]...)\s+" + ahead + _MODIFIERS_BEFORE + "?(?=" + lower + ")",
    )


def titles_in(knowledge: Knowledge, text: str) -> list[tuple[int, int, str, bool]]:
    """Return ``(start, end, title, elect)`` of every title candidate, in text order.

    Each scan moves on as ``finditer`` over the whole phrases would: past a title found,
    else one character (capitalised titles) or past the context (lower-case ones: no
    other capitalised word or "the" can start inside it).
    """
    finder = _title_finder(knowledge)
    title_at = finder.title_at
    found: dict[int, tuple[int, int, str, bool]] = {}
    heads = finder.capital_heads
    at = 0
    while match := finder.capitals.search(text, at):
        hit = title_at(heads, text, match.start(), match.group())
        if hit is None:
            at = match.start() + 1
        else:
            found[hit[0]] = hit
            at = hit[1]
    heads = finder.lower_heads
    for pattern in (finder.after_capital, finder.after_the) if "the" in text else (finder.after_capital,):
        at = 0
        while match := pattern.search(text, at):
            hit = None
            mods = match.start("mods")
            if mods >= 0:  # "US former president": the title after the modifier first
                start = match.end()
                hit = title_at(heads, text, start, _head(text, start))
            if hit is None:
                start = mods if mods >= 0 else match.end()
                hit = title_at(heads, text, start, _head(text, start))
            if hit is None:
                at = match.end()
                continue
            if hit[0] not in found:
                found[hit[0]] = hit
            at = hit[1]
    return [found[k] for k in sorted(found)]


def titles_by_paragraph(knowledge: Knowledge, document) -> list[list[tuple[int, int, str, bool]]]:
    """Return the title candidates of each paragraph, from one scan of the whole document."""
    joined = document.joined
    result: list[list[tuple[int, int, str, bool]]] = [[] for _ in joined.paragraphs]
    for start, end, title, elect in titles_in(knowledge, joined.text):
        number, local = joined.locate(start)
        result[number].append((local, local + end - start, title, elect))
    return result
