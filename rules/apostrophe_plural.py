"""NL105 apostrophe-plural: a greengrocer's apostrophe in decades and abbreviations (the 1990's, MP's)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from newslint import patterns
from newslint.document import Document
from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule

_APOSTROPHE = "'’"
# A decade with an apostrophe before its s: 1990's, 1800's, '90's, ’60’s, 90's.
_DECADE = patterns.compile(r"(?<![\w'’])(?:(?:1[0-9]|20)\d0|['’]?[1-9]0)(['’])s(?![\w'’])")
# What makes a four-digit decade plural: "the" (and "early", "mid", "late") before it,
# or another decade and "and", "or", "to" before that. Without them, 1990's is the
# possessive of the year 1990 (1990's World Cup), which is right.
_DECADE_ARTICLE = patterns.compile(r"\b(?:the|The|his|her|their|its|my|your|our)\s+(?:(?:early|mid|late|mid-)\s*)?$")
_DECADE_CHAIN = patterns.compile(r"(?:(?:1[0-9]|20)\d0|['’]?[1-9]0)['’]?s\s*(?:,|and|or|to|-|–)\s*$")
# The end of a clause after a four-digit decade: no noun follows for the year to possess.
_CLAUSE_END = patterns.compile(r"\s*(?:[.,;:!?)\]]|$)")
# An abbreviation in capitals (two or more, digits allowed after the first) with 's.
# The lookbehind stands after the first capital, not before it: a pattern that opens
# with a character class is searched for in C, one that opens with a lookbehind is tried
# at every character.
_ABBREVIATION = patterns.compile(r"([A-Z](?<![\w'’.].)[A-Z0-9]*[A-Z])(['’])s(?![\w'’])")
# A plural written without an apostrophe (MPs, CDs), as ``\b([A-Z][A-Z0-9]*[A-Z])s\b``
# would find it, with the word-start test after the first capital for the same reason.
_PLAIN_PLURAL = patterns.compile(r"([A-Z](?<!\w.)[A-Z0-9]*[A-Z])s\b")
# Words after which a plural, not a possessive, stands: a possessive is followed by what
# is possessed ("the MP's office"), never by a verb, a preposition, a conjunction, a
# determiner or a pronoun ("MP's were", "told MP's the", "PSP's it plans").
_AFTER_PLURAL = frozenset(
    """are were have had will would could should may might must can do did said say
    says told voted want wanted who which that and or but from in on at to of for with
    by as than all both also now still only then the a an this these those it its they
    them themselves their he she we you his her our my your there here not""".split()
)
# Singular determiners: within a few words before, they make the 's a possessive
# ("the MP's office", "a senior Labour MP's seat").
_SINGULAR = frozenset("the a an this that each every one another his her its their our my your whose".split())
# Words before a plural: numbers and quantifiers ("two MP's", "many CD's").
# (Not "all", "most", "some": they come before possessives too, as in "all EA's games".)
_QUANTIFIERS = frozenset(
    """two three four five six seven eight nine ten eleven twelve twenty thirty forty
    fifty hundred hundreds thousand thousands million millions dozens dozen many several
    few fewer various numerous""".split()
)
# Nouns of quantity before "of" and a plural: "dozens of MP's", "hundreds of GP's".
_QUANTITIES = frozenset("dozens hundreds thousands millions scores lots tens".split())
_WORD_AFTER = patterns.compile(r"\s*([A-Za-z]+|[.,;:!?)\]]|$)")
_WORD_BEFORE = patterns.compile(r"([A-Za-z]+|\d+)\s+$")
# The words before, back to the last punctuation mark.
_WORDS_BEFORE = patterns.compile(r"[A-Za-z0-9' ]*$")


def _decades(text: str) -> Iterator[tuple[int, int, int, str, bool]]:
    """Yield (start, end, apostrophe index, shown, safe) for decades written with 's as a plural."""
    if "0'" not in text and "0’" not in text:
        return  # every decade ends in 0 and an apostrophe: one search in C, not a regex scan
    for match in _DECADE.finditer(text):
        start, shown = match.start(), match.group()
        if shown[0] not in _APOSTROPHE:
            before = text[max(0, start - 24) : start]
            plural = bool(_DECADE_ARTICLE.search(before) or _DECADE_CHAIN.search(before))
            if not plural and len(shown) > 4 and _CLAUSE_END.match(text, match.end()):
                plural = True  # 'opened in 1880's.': nothing follows for a year to possess
            if not plural:
                continue  # 1990's budget: the year's, not the decade; 'aged 90's' no decade
        # Before a name the right form may be the year (the 1990 World Cup), not the
        # decade: the fix is then only a suggestion.
        safe = not re.match(r"\s+[A-Z][a-z]", text[match.end() : match.end() + 3])
        yield start, match.end(), match.start(1), shown, safe


def _capital_before_s(text: str) -> bool:
    """Return True if a capital stands straight before an apostrophe and an s (MP's).

    Every match of ``_ABBREVIATION`` holds one, so a paragraph without one is not
    scanned capital by capital; ``str.find`` goes from one 's to the next in C.
    """
    for mark in ("'s", "’s"):
        at = text.find(mark)
        while at >= 0:
            if at and "A" <= text[at - 1] <= "Z":
                return True
            at = text.find(mark, at + 2)
    return False


def _counted(text: str, start: int) -> bool:
    """Return True if a number or a plural quantifier stands just before ``start`` (two MP's, dozens of GP's)."""
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if before is not None and before.group(1).lower() == "of":
        before = _WORD_BEFORE.search(text, max(0, before.start() - 20), before.start())  # dozens of
        return before is not None and before.group(1).lower() in _QUANTITIES
    return before is not None and (before.group(1).lower() in _QUANTIFIERS or before.group(1).isdigit())


def _plural_use(text: str, start: int, end: int) -> bool:
    """Return True if ``text[start:end]`` (an abbreviation with 's) reads as a plural."""
    after = _WORD_AFTER.match(text, end)
    word = after.group(1) if after else ""
    if word == "" or not word.isalpha() or word.lower() in _AFTER_PLURAL or word.endswith("ed"):
        return True  # MP's., MP's voted, told MP's the, after MEP's failed
    # Another word follows: a possessive if a singular determiner stands a few words
    # before (the MP's office); otherwise a plural (pledges MP's make, PVR's record).
    before = _WORDS_BEFORE.search(text, max(0, start - 40), start)
    words = before.group().lower().split() if before else []
    return not any(w in _SINGULAR for w in words[-3:])


@rule(
    "NL105",
    "apostrophe-plural",
    severity="warning",
    summary="An apostrophe in a plural: the 1990's, the '90's, MP's for MPs.",
)
def apostrophe_plural(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Reports a greengrocer's apostrophe in a decade (``the 1990's``, ``the '90's``) and
    in the plural of an abbreviation in capitals (``MP's`` for ``MPs``). A decade counts
    when "the" or a possessive (early, mid, late: ``the mid-80's``, ``in her 90's``) or
    another decade comes before it, or when it ends its clause (``opened in 1880's.``):
    otherwise ``1990's`` is the possessive of the year. An abbreviation counts when the article
    itself writes the plural without an apostrophe (``MPs``) and this one reads as a
    plural: a verb, a preposition, a conjunction, a determiner, a pronoun or the end of
    the clause after it (``MP's voted``, ``told MP's the``, ``MP's.``), or another word
    with no singular determiner (the, a, this, his ...) in the three words before (``MP's
    make``); a possessive is ``the MP's office``, ``a Labour MP's seat``. With a number
    or a plural quantifier before it (``two MP's said``, ``dozens of MP's``), it counts even when the
    article has no plain plural.

    Single letters keep their apostrophe (``mind your p's and q's``, ``A's`` and
    ``B's``), as most style books allow.

    Why it matters:
    The apostrophe marks a possessive or a contraction; in a plural it is a spelling
    mistake that readers notice and that house styles forbid.

    Example:
    ``In the 1990's, MP's voted for the plan.``

    Use instead:
    ``In the 1990s, MPs voted for the plan.``

    Options:
    None. The fix drops the apostrophe: safe for a decade, suggested for an
    abbreviation (the reading as a plural rests on the words around it).

    Known problems:
    A plural after a singular determiner and before a noun (``the MP's expenses``, for
    ``MPs' expenses``) reads as a possessive and is not reported.
    """
    text = document.text
    # (An apostrophe written as a character reference, &#8217;s in HTML, is only in the prose.)
    if not any(a + "s" in text for a in _APOSTROPHE) and "&" not in text:
        return
    plain_plurals: set[str] | None = None
    for paragraph in document.paragraphs:
        local = paragraph.text
        if "'s" not in local and "’s" not in local:
            continue
        found: list[tuple[int, int, int, str, bool]] = []
        for start, end, cut, shown, safe in _decades(local):
            right = shown[: cut - start] + shown[cut - start + 1 :]
            found.append((start, end, cut, f"apostrophe in the decade '{shown}': write '{right}'", safe))
        for match in _ABBREVIATION.finditer(local) if _capital_before_s(local) else ():
            abbreviation = match.group(1)
            if not _plural_use(local, match.start(), match.end()):
                continue
            if plain_plurals is None:
                plain_plurals = set(_PLAIN_PLURAL.findall(text))
            if abbreviation not in plain_plurals and not _counted(local, match.start()):
                continue
            usage = f" (the article writes '{abbreviation}s')" if abbreviation in plain_plurals else ""
            message = f"apostrophe in the plural '{match.group()}': write '{abbreviation}s'{usage}"
            found.append((match.start(), match.end(), match.start(2), message, False))
        for start, end, cut, message, safe in sorted(found):
            a, b = paragraph.span(start, end)
            cut_at, cut_end = paragraph.span(cut, cut + 1)
            fix = Fix(cut_at, cut_end, "", safe=safe) if document.as_written(paragraph, cut, cut + 1) else None
            yield Violation(a, b, message, fix)


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [apostrophe_plural]
