"""Words in prose: the word pattern, shared by the document model and the rules."""

from __future__ import annotations

from functools import lru_cache

from newslint import patterns

# A word: letters, with inner apostrophes (Iran's, don't, rock 'n') and hyphens joining
# letter runs (well-known). Digits and underscores are not letters.
WORD = patterns.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Punctuation that may cling to a word inside a white-space token: '(the', 'plan.',
# '“the', 'the,'. Stripped with str methods mapped in C, not a Unicode regex class,
# which is several times slower over a corpus.
CLINGING = "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”‘’'«»‹›„‟–—…·•¡¿"


@lru_cache(maxsize=1)
def irregular_verbs() -> dict[str, str]:
    """Return the irregular past participles, each with its simple past (``rules/data/irregular_verbs.txt``).

    A participle with no one simple past ("been": was or were) has an empty one.
    """
    from newslint import shipped

    return {row[0]: row[1] if len(row) > 1 else "" for row in shipped.table("irregular_verbs.txt")}


@lru_cache(maxsize=1)
def brand_names() -> frozenset[str]:
    """Return the brand names written solid that are never split (``rules/data/brand_names.txt``)."""
    from newslint import shipped

    return frozenset(name for row in shipped.table("brand_names.txt") for name in row)


# Surname and name particles written solid with a capital after them (McDonald,
# MacBook, DeSantis, DiCaprio, LeBron, LaShawn, VanDyke, FitzGerald, DuPont, StJohn).
NAME_PREFIXES = frozenset("Mc Mac De Di Da Du Le La Lo Van Von Der Den Del Della Des Dos Das St Fitz Ten Ter".split())


def bare_words(text: str) -> list[str]:
    """Return the white-space tokens of ``text`` in lower case, without clinging punctuation.

    A quick screen for repeats: two equal words in a row (``plan plan.``) are two equal
    items in a row here, whatever punctuation stands outside them.
    """
    from itertools import repeat

    return list(map(str.strip, text.lower().split(), repeat(CLINGING)))


# -- what stands next to an offset ---------------------------------------------------------
# Rules name the word or token next to a slip in their messages, and judge a mark by the
# token it stands in (a URL, a path, a list written without spaces). Every look is bounded
# by a window: a text with no spaces must not be walked from every mark (quadratic).
TOKEN_WINDOW = 200


def token_before(text: str, end: int, window: int = TOKEN_WINDOW) -> str:
    """Return the run of non-space characters that ends at ``end`` (at most ``window`` of them)."""
    head = text[max(0, end - window) : end]
    if not head or head[-1].isspace():
        return ""
    return head.rsplit(None, 1)[-1]


def token_after(text: str, start: int, window: int = TOKEN_WINDOW) -> str:
    """Return the run of non-space characters that starts at ``start`` (at most ``window`` of them)."""
    tail = text[start : start + window]
    if not tail or tail[0].isspace():
        return ""
    return tail.split(None, 1)[0]


def token_around(text: str, start: int, end: int, window: int = TOKEN_WINDOW) -> str:
    """Return the white-space delimited token holding ``text[start:end]``, ``window`` characters each side at most."""
    return token_before(text, start, window) + text[start:end] + token_after(text, end, window)


# How far the words named in a message may stand from the mark they locate.
WORDS_WINDOW = 80


def words_before(text: str, end: int, count: int = 4, window: int = WORDS_WINDOW) -> str:
    """Return the last ``count`` words (``WORD``) before ``end`` within ``window`` characters, space-separated."""
    words = [m.group() for m in WORD.finditer(text, max(0, end - window), end)]
    return " ".join(words[-count:])


def words_after(text: str, start: int, count: int = 4, window: int = WORDS_WINDOW, stop: int | None = None) -> str:
    """Return the first ``count`` words (``WORD``) from ``start`` within ``window`` characters (and before ``stop``)."""
    limit = min(len(text) if stop is None else stop, start + window)
    found = WORD.finditer(text, start, limit)
    return " ".join(m.group() for _, m in zip(range(count), found))


def letters_around(text: str, at: int) -> tuple[int, int]:
    """Return the start and end of the run of letters (digits and marks end it) that touches index ``at``."""
    start = at
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = at
    while end < len(text) and text[end].isalpha():
        end += 1
    return start, end
