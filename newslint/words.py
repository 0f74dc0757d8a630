"""Words in prose: the word pattern, shared by the document model and the rules."""

from __future__ import annotations

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


def bare_words(text: str) -> list[str]:
    """Return the white-space tokens of ``text`` in lower case, without clinging punctuation.

    A quick screen for repeats: two equal words in a row (``plan plan.``) are two equal
    items in a row here, whatever punctuation stands outside them.
    """
    from itertools import repeat

    return list(map(str.strip, text.lower().split(), repeat(CLINGING)))
