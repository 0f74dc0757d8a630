"""NL204 repeated-word: the same word twice in a row (``the the``)."""

from __future__ import annotations

import operator
import re
from typing import Any, Iterator, Mapping

from newslint.document import Document
from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule

# A word, then white space (a line break inside a paragraph counts), then the same word,
# case aside. Words are letter runs with inner apostrophes and hyphens, as in
# newslint.words.WORD; numbers are not words.
_REPEAT = re.compile(
    r"(?<![^\W_])(?<![^\W\d_][\-'’])((?>[^\W\d_]+(?:['’\-][^\W\d_]+)*))(\s+)(\1)(?![^\W_]|['’\-][^\W\d_])",
    re.IGNORECASE,
)

# Repeats that are good English: past perfect (had had), a conjunction before a
# demonstrative (that that), reduplication for emphasis or in speech (very very, no no,
# bye bye, ha ha, far far away, well well, now now, there there, blah blah, tut tut).
DEFAULT_ALLOW = (
    "had",
    "that",
    "very",
    "really",
    "no",
    "so",
    "ha",
    "bye",
    "far",
    "well",
    "now",
    "there",
    "blah",
    "tut",
    "yeah",
    "knock",
    "chop",
    "bang",
    "hush",
    "ho",
    "la",
)

# A preposition left at the end of a clause may meet the one that starts the next
# phrase: 'waiting for for years', 'placed in in the past'. Allowed when the second
# one starts a time expression.
_STRANDABLE = frozenset("for in on at from with about since until by over".split())
_TIME_AFTER = re.compile(
    r"\s+(?:\d|the (?:past|future|end|meantime|first|last|next)\b|years?\b|months?\b|weeks?\b|days?\b"
    r"|decades?\b|hours?\b|minutes?\b|seconds?\b|ages\b|time\b|recent\b|a while\b|(?:Jan|Febr)uary\b|March\b"
    r"|April\b|May\b|June\b|July\b|August\b|September\b|October\b|November\b|December\b"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|spring\b|summer\b|autumn\b|winter\b)"
)
_PREPOSITION_BEFORE = re.compile(
    r"(?:^|\W)(?:to|of|in|on|at|for|with|from|by|about|into|like)\s+$", re.IGNORECASE
)


def _used_alone(document: Document, word: str) -> bool:
    """True when ``word`` also stands alone, inside a sentence, in the article."""
    text = document.text
    for other in re.finditer(rf"(?<=[a-z,] ){re.escape(word)}(?![^\W_])", text):
        doubled_after = re.match(rf"\s+{re.escape(word)}(?![^\W_])", text[other.end() : other.end() + 60])
        doubled_before = text[max(0, other.start() - 60) : other.start()].rstrip().endswith(word)
        if not doubled_after and not doubled_before:
            return True
    return False


def _legitimate(document: Document, text: str, match: re.Match[str], allowed: frozenset[str]) -> bool:
    first, second = match.group(1), match.group(3)
    word = second.lower()
    if word in allowed:
        return True
    if second[0].isupper():
        # Names and titles (Duran Duran, Bora Bora, law lord Lord Bingham) are left
        # alone, unless the article uses the word on its own inside sentences too:
        # 'British British Casino Association' in a story about British casinos.
        return not (first == second and _used_alone(document, second))
    if word in _STRANDABLE and _TIME_AFTER.match(text, match.end()):
        return True
    if word in ("this", "these", "those") and _PREPOSITION_BEFORE.search(text, 0, match.start()):
        return True  # 'Add to this this new law'
    # A run of three or more is deliberate: 'spend spend spend', 'blah blah blah'.
    following = re.match(r"\s+([^\W\d_]+)", text[match.end() : match.end() + 40])
    if following and following.group(1).lower() == word:
        return True
    before = text[max(0, match.start() - 40) : match.start()]
    preceding = re.search(r"([^\W\d_]+)\s+$", before)
    return bool(preceding and preceding.group(1).lower() == first.lower())


@rule(
    "NL204",
    "repeated-word",
    summary="The same word twice in a row, as in 'the the'.",
    severity="warning",
    options={"allow": list(DEFAULT_ALLOW)},
)
def repeated_word(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Finds a word written twice in a row, whatever its case (``the the``, ``The the``),
    also across a line break inside a paragraph, but never across paragraphs. The span
    is the second word, which the fix deletes with the white space before it.

    It leaves alone repeats that are good English (the ``allow`` list: had had, that
    that, very very, no no ...), a second word with a capital (Duran Duran, Bora Bora,
    Soldier Soldier, law lord Lord Bingham) unless the article also uses that word alone
    inside sentences (``British British Gas`` in a story about British firms), runs of three or more (spend spend spend), a preposition ending a
    clause before one starting a time phrase (waiting for for years, placed in in the
    past), a demonstrative after a preposition (add to this this law), and numbers.

    Why it matters:
    Doubled words are the typo that proofreading eyes skip most easily.

    Example:
    ``The minister said the the plan was sound.``

    Use instead:
    ``The minister said the plan was sound.``

    Options:
    ``allow``: words that may be repeated (compared in lower case). Default: had, that,
    very, really, no, so, ha, bye, far, well, now, there, blah, tut, yeah, knock, chop,
    bang, hush, ho, la.
    """
    # The exact pattern (a back-reference) is slow over a whole corpus; a split of the
    # file into white-space tokens, compared pairwise in C, rules out most articles.
    prose = document.text if document.format == "text" else "\n".join(p.text for p in document.paragraphs)
    tokens = prose.lower().split()
    if not any(map(operator.eq, tokens, tokens[1:])):
        return
    allowed = frozenset(str(word).lower() for word in options["allow"])
    for paragraph in document.paragraphs:
        text = paragraph.text
        for match in _REPEAT.finditer(text):
            if _legitimate(document, text, match, allowed):
                continue
            start, end = paragraph.span(match.start(3), match.end(3))
            cut = paragraph.span(match.end(1) - 1, match.end(1))[1]
            # Delete only where the file holds just the space and the word; markup in
            # between (the [the](url)) would be broken by the cut.
            clean = document.text[cut:end] == text[match.end(1) : match.end(3)]
            yield Violation(
                start,
                end,
                f"repeated word: '{match.group(1)} {match.group(3)}'",
                Fix(cut, end, "") if clean else None,
            )


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [repeated_word]
