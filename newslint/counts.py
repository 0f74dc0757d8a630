"""Readability arithmetic shared by the readability rules and ``newslint stats``.

The formulas (Flesch reading ease, Flesch-Kincaid grade, Gunning fog) are computed here
from the document's own sentences (sentencex, which keeps "U.S." and "Mr." whole) and
from word tokens that keep "U.S.", "1,000" and "well-known" as one word each; textstat's
own sentence splitter and word list would break on those.

Syllables are textstat's count without its dictionary. textstat 0.7.13 looks each word
up in the CMU pronouncing dictionary through NLTK, whose data it tries to *download* on
first use: network I/O at lint time, and offline ``textstat.syllable_count`` raises
LookupError. Its fallback, used here for every word, is Pyphen's en_US hyphenation
points + 1 (``len(Pyphen(lang="en_US").positions(word)) + 1``), computed by
``hyphenation_counter`` (same counts, faster) and cached per word. So newslint depends
on Pyphen, not on textstat (which would pull in NLTK for nothing), and scores do not
depend on what else is installed. Pyphen undercounts some vowel runs ("area" and "idea"
count as one), so grades run a little low. Figures and abbreviations are counted as
read aloud, as Flesch prescribed: "1980" is four syllables, "U.S." two, "BBC" three.
"""

from __future__ import annotations

import os
import re
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newslint import patterns
from newslint.addresses import is_web_address
from newslint.parsers.model import LABEL_KINDS, Paragraph, Sentence

if TYPE_CHECKING:
    from newslint.document import Document

# A word for counting: a run of letters or digits, joined by inner apostrophes, hyphens,
# full stops, commas or slashes ("U.S", "1,000", "3.5", "well-known", "24/7").
TOKEN = patterns.compile(r"[^\W_]+(?:['’.,/\-][^\W_]+)*")
_DIGITS = patterns.compile(r"\d")
_LETTERS = patterns.compile(r"[^\W\d_]")
_VOWEL = patterns.compile(r"[aeiouy]", re.IGNORECASE)
_PARTS = patterns.compile(r"[-/.]")


@dataclass(frozen=True)
class Counts:
    """What readability formulas need from some text: sentences, words, syllables."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    polysyllables: int = 0  # words of three syllables or more ("complex words")
    longest: int = 0  # words in the longest sentence

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.sentences + other.sentences,
            self.words + other.words,
            self.syllables + other.syllables,
            self.polysyllables + other.polysyllables,
            max(self.longest, other.longest),
        )

    @property
    def words_per_sentence(self) -> float:
        """Return the mean sentence length in words."""
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        """Return the mean word length in syllables."""
        return self.syllables / self.words if self.words else 0.0

    @property
    def flesch_reading_ease(self) -> float:
        """Return Flesch reading ease (higher is easier; general news aims at 50-70)."""
        if not self.words:
            return 0.0
        return 206.835 - 1.015 * self.words_per_sentence - 84.6 * self.syllables_per_word

    @property
    def flesch_kincaid_grade(self) -> float:
        """Return the Flesch-Kincaid grade level (US school years)."""
        if not self.words:
            return 0.0
        return 0.39 * self.words_per_sentence + 11.8 * self.syllables_per_word - 15.59

    @property
    def gunning_fog(self) -> float:
        """Return the Gunning fog index: 0.4 x (words a sentence + % complex words)."""
        if not self.words:
            return 0.0
        return 0.4 * (self.words_per_sentence + 100.0 * self.polysyllables / self.words)


def _pyphen_dictionary() -> str:
    """Return the path of Pyphen's en_US dictionary, without importing Pyphen."""
    import importlib.util

    spec = importlib.util.find_spec("pyphen")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("readability needs Pyphen: pip install pyphen")
    return os.path.join(os.path.dirname(spec.origin), "dictionaries", "hyph_en_US.dic")


# Liang's algorithm over Pyphen's patterns, with every pattern found in one C-speed
# Aho-Corasick pass (pyahocorasick) instead of a dict lookup for every substring. A
# pattern's points are kept as one integer, _Scheme.width bits a position, each value v
# as v one-bits ("thermometer" code): the maximum of two values at a position is then
# their bitwise OR, so all the matches of a word are combined by OR-ing shifted integers,
# and a position's value is odd exactly when its highest one-bit is at an even place.
# Values are first renumbered in order, keeping their parity (en_US uses 0-5, 8 and 9:
# 8 becomes 6 and 9 becomes 7), so a position fits in 8 bits. Plain integers in a
# pickled automaton: it loads from newslint's cache in a few milliseconds.


@dataclass(frozen=True)
class _Scheme:
    """How the automaton's values are laid out (see above)."""

    left: int  # Pyphen's minimum letters before a break
    right: int  # ... and after one
    width: int  # bits a position
    reach: int  # positions a value is shifted by in advance (the longest pattern's length)


def _renumbered(values: Iterable[int]) -> dict[int, int]:
    """Return an order- and parity-keeping map of the values onto small numbers (0 stays 0)."""
    mapped, last = {}, -1
    for value in sorted(set(values) | {0}):
        n = last + 1
        if n % 2 != value % 2:
            n += 1
        mapped[value] = last = n
    return mapped


def _pyphen_automaton() -> tuple[object, _Scheme]:
    import ahocorasick
    import pyphen

    hyphenator = pyphen.Pyphen(lang="en_US")  # what textstat's get_pyphen("en_US") makes
    found = hyphenator.hd.patterns  # pattern -> (offset of its first point, point values)
    mapped = _renumbered(int(v) for _, values in found.values() for v in values)
    width = max(mapped.values()) + 1  # one bit to spare above the highest value
    reach = max(len(key) for key in found)
    automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
    for key, (offset, values) in found.items():
        code = 0
        for i, value in enumerate(values):
            code |= ((1 << mapped[int(value)]) - 1) << (width * (offset + i))
        if code:
            # Matches are reported by their last character: a pattern of n characters
            # ending at e starts at e - n + 1, so its code is shifted by reach - n + 1 now
            # and by e when it is found, and the sum by -reach at the end.
            automaton.add_word(key, code << width * (reach - len(key) + 1))
    automaton.make_automaton()
    return automaton, _Scheme(hyphenator.left, hyphenator.right, width, reach)


@lru_cache(maxsize=1)
def hyphenation_counter() -> Callable[[str], int]:
    """Return textstat's fallback count, Pyphen en_US hyphenation points + 1.

    This runs Liang's algorithm on Pyphen's own patterns (the tests compare the counts
    with ``Pyphen.positions``), without Pyphen's per-call overhead. Loading the
    dictionary costs more than a short file's whole lint, so the automaton is kept
    between runs in newslint's cache.
    """
    import ahocorasick

    from newslint import cache

    key = cache.file_key(_pyphen_dictionary(), ahocorasick.__file__)
    automaton, scheme = cache.load_or_build("pyphen-automaton-1", key, _pyphen_automaton)
    matches = automaton.iter
    left, right, width, reach = scheme.left, scheme.right, scheme.width, scheme.reach
    shift = width * reach
    odd_field = sum(1 << b for b in range(0, width, 2))  # a value's top bit at an even place
    masks: dict[int, int] = {}  # word length -> the odd-value bits of the positions that count

    # Not cached here: the callers keep each token's count (``syllables``, _SYLLABLES), and
    # a second table of the same words would only double the memory a long run holds.
    def count(word: str) -> int:
        if len(word) < left + right:
            return 1  # too short to hyphenate at all
        word = word.lower()
        size = len(word)  # lower() may lengthen a word ("İ" is two code points in lower case)
        points = 0
        for end, code in matches("." + word + "."):
            points |= code << width * end
        points >>= shift
        mask = masks.get(size)
        if mask is None:
            # points[i] odd means a break before dotted[i], i.e. at word position i - 1;
            # breaks count at positions left + 1 .. size - right + 1 of the points.
            mask = masks[size] = sum(odd_field << width * i for i in range(left + 1, size - right + 2))
        return 1 + (points & ~(points >> 1) & mask).bit_count()

    return count


def _number_syllables(token: str) -> int:
    # A figure read aloud: roughly one syllable a digit ("1980" nineteen-eighty, "585"
    # five-hundred-eighty-five is more, "2.5" two-point-five), capped for long figures.
    return min(max(len(_DIGITS.findall(token)), 1), 6)


_SYLLABLES: dict[str, int] = {}  # a cache: words repeat, within and across articles


def syllables(token: str) -> int:
    """Return the syllables of one word token as read aloud (cached: words repeat)."""
    found = _SYLLABLES.get(token)
    if found is None:
        if len(_SYLLABLES) > 200_000:  # bound the cache on very long runs
            _SYLLABLES.clear()
        found = _SYLLABLES[token] = _syllables(token)
    return found


def _letters_syllables(token: str) -> int:
    # Most tokens: letters only, so no figures, no full stops, one part. The same answer
    # as _syllables' general case without three regex calls (a letter is never a digit).
    if token.isupper() and (len(token) <= 3 or not _VOWEL.search(token)):
        return len(token)
    return max(hyphenation_counter()(token.lower()), 1)


def _syllables(token: str) -> int:
    if token.isalpha():
        return _letters_syllables(token)
    if _DIGITS.search(token):
        if not _LETTERS.search(token):
            return _number_syllables(token)
        # "$1.13bn", "9/11", "4G": digits plus a unit; a rough reading is enough.
        return _number_syllables(token) + 1
    letters = _LETTERS.findall(token)
    if "." in token and all(len(part) <= 2 for part in token.split(".")):
        return len(letters)  # U.S, e.g, p.m: spelt out letter by letter
    if token.isupper() and (len(letters) <= 3 or not _VOWEL.search(token)):
        return len(letters)  # BBC, UN, FBI (NATO and UNESCO are said as words)
    count_word = hyphenation_counter()
    count = 0
    for part in _PARTS.split(token.lower().replace("’", "'")):
        if part:
            count += count_word(part)
    return max(count, 1)


# Text is split on white space (fast, in C) and each chunk ("Google,", "(U.S.)") is
# looked up in a cache of its counts (a URL counts as no word): chunks repeat so often
# that a corpus is counted in a fraction of a regex pass. Four counts are packed into one
# integer, a field of _BITS bits each, so that ``sum(map(...))`` adds a whole text's
# chunks in C (and in a machine word: the top field stays under 2 ** 15):
#   field 0: words, field 1: syllables, field 2: words of three syllables or more,
#   field 3: the chunk's words past its first as long-sentence counts them (a web
#            address is one word there): what lets a count of spaces bound its words.
# A text short enough that no field can overflow (every chunk's counts are at most 7
# times its length) takes that path, a longer one is unpacked chunk by chunk.
_BITS = 16
_MASK = (1 << _BITS) - 1
_PACKED_LIMIT = 9000  # characters of text whose packed sum cannot overflow (7 x 9000 < 2 ** 16)
_EDGE_PUNCTUATION = ".,;:!?\"'()[]“”‘’"


def _chunk_counts(chunk: str) -> int:
    if is_web_address(chunk):
        return 0  # not read as words; not part of the prose (one word, no more, to long-sentence)
    bare = chunk.strip(_EDGE_PUNCTUATION)
    if bare.isalpha():  # most chunks: one plain word
        found = _SYLLABLES.get(bare)
        if found is None:
            if len(_SYLLABLES) > 200_000:  # bound the cache on very long runs
                _SYLLABLES.clear()
            found = _SYLLABLES[bare] = _letters_syllables(bare)
        return 1 | found << _BITS | (found >= 3) << 2 * _BITS
    words = TOKEN.findall(chunk)
    counts = [syllables(word) for word in words]
    return (
        len(words)
        | sum(counts) << _BITS
        | sum(1 for n in counts if n >= 3) << 2 * _BITS
        | max(len(words) - 1, 0) << 3 * _BITS
    )


class _ChunkCache(dict):
    """Chunk -> packed counts; a miss is counted and stored (bounded on very long runs).

    The packed counts are large integers, a new object each, but only a few hundred
    values occur (one word of two syllables, ...): each is stored once (``_VALUES``), so
    the cache holds a pointer a chunk, not 32 bytes more.
    """

    def __missing__(self, chunk: str) -> int:
        if len(self) > 200_000:
            self.clear()
            _VALUES.clear()
        packed = _chunk_counts(chunk)
        found = self[chunk] = _VALUES.setdefault(packed, packed)
        return found


_VALUES: dict[int, int] = {}


_CHUNKS = _ChunkCache()


def _fields(text: str, chunks: list[str]) -> tuple[int, int, int, int]:
    """Return the four counts (see above) of a text's white-space chunks, summed."""
    lookup = _CHUNKS.__getitem__
    if len(text) < _PACKED_LIMIT:
        packed = sum(map(lookup, chunks))
        return packed & _MASK, packed >> _BITS & _MASK, packed >> 2 * _BITS & _MASK, packed >> 3 * _BITS
    words = syllables_ = poly = extra = 0
    for chunk in chunks:
        packed = lookup(chunk)
        words += packed & _MASK
        syllables_ += packed >> _BITS & _MASK
        poly += packed >> 2 * _BITS & _MASK
        extra += packed >> 3 * _BITS
    return words, syllables_, poly, extra


def counts_of(sentences: Iterable[str]) -> Counts:
    """Return the counts of several sentences' texts (sentences without words are dropped)."""
    n_sentences = n_words = n_syllables = n_poly = longest = 0
    for text in sentences:
        words, syllables_, poly, _ = _fields(text, text.split())
        if words:
            n_sentences += 1
            n_words += words
            n_syllables += syllables_
            n_poly += poly
            if words > longest:
                longest = words
    return Counts(n_sentences, n_words, n_syllables, n_poly, longest)


class _WordCache(dict):
    """Chunk -> its word tokens (a URL is one item to read past, not a dozen words)."""

    def __missing__(self, chunk: str) -> int:
        if len(self) > 200_000:  # bound the cache on very long runs
            self.clear()
        found = self[chunk] = 1 if is_web_address(chunk) else len(TOKEN.findall(chunk))
        return found


_WORDS = _WordCache()


def word_count(text: str) -> int:
    """Return the number of word tokens in ``text`` (figures and "U.S." count as words)."""
    return chunk_word_count(text.split())


def chunk_word_count(chunks: list[str]) -> int:
    """Return the number of word tokens in white-space chunks (``text.split()``)."""
    # Chunk by chunk through a dict with __missing__, summed in C: about twice as fast
    # as one regex pass, and faster than an lru_cache wrapper.
    return sum(map(_WORDS.__getitem__, chunks))


# -- one pass over each paragraph, shared by the counting rules -------------------------
#
# readability, long-sentence and long-paragraph each need the words of every sentence or
# paragraph, and looking chunks up is most of what they cost: one pass per document
# serves all three. Each rule keeps its own definition:
# - readability sums its sentences' chunks and leaves web addresses out (field 0);
# - long-paragraph splits the paragraph's own text and counts a web address as one word;
# - long-sentence splits each sentence and counts a web address as one word.
# Where the sentences tile the paragraph (white space, and only that, between them) the
# paragraph's chunks are its sentences' chunks, so one split of the paragraph and one
# lookup of each chunk give readability's sums; without a web address, a sentence has
# readability words exactly when it holds a letter or digit, and long-paragraph's words
# are readability's. long-sentence only needs a sentence's words when they could pass
# its limit: a sentence's chunks are at most one more than its white space, and its
# words at most its chunks plus the paragraph's words past the first of each chunk
# (field 3), so ``spaces + slack`` bounds them (see ``ParagraphCounts.long_sentences``).
# Other paragraphs (sentencex ends a sentence inside a chunk: 'said. "The' is split
# after the quotation mark), those with a web address, and all of them when syllables
# are not wanted, are counted sentence by sentence.
_HAS_WORD = patterns.compile(r"[^\W_]")


@dataclass(frozen=True)
class ParagraphCounts:
    """The counts of one paragraph and of its sentences (those of ``Document.sentences_of``)."""

    text: str  # the paragraph's text
    sentences: tuple[Sentence, ...]
    counts: Counts | None  # readability's; None without syllables; ``longest`` is not counted (0)
    worded: int  # how many sentences hold a letter or digit
    words: int | None  # word_count(text) when it is known
    sentence_words: tuple[int, ...] | None  # word_count of each sentence, when counted one by one
    slack: int  # with sentence_words None: a sentence's words are at most its spaces + slack

    def paragraph_words(self) -> int:
        """Return ``word_count`` of the paragraph's text."""
        return word_count(self.text) if self.words is None else self.words

    def long_sentences(self, limit: int) -> Iterator[tuple[Sentence, int]]:
        """Yield each sentence of more than ``limit`` words (as ``word_count``) with its words."""
        if self.sentence_words is not None:
            for sentence, words in zip(self.sentences, self.sentence_words):
                if words > limit:
                    yield sentence, words
            return
        # Counted as a whole: the sentences tile the paragraph, so none has more words.
        if self.words is not None and self.words <= limit:
            return
        text, slack = self.text, self.slack
        for sentence in self.sentences:
            if text.count(" ", sentence.start, sentence.end) + slack > limit:
                words = word_count(text[sentence.start : sentence.end])
                if words > limit:
                    yield sentence, words


@dataclass(frozen=True)
class DocumentCounts:
    """Every paragraph's counts, computed in one pass (``of_document``)."""

    paragraphs: dict[int, ParagraphCounts]  # by id(paragraph), as Document.sentences_of groups
    syllables: bool  # whether syllables (and readability's counts) were counted

    def of(self, paragraph: Paragraph) -> ParagraphCounts:
        """Return the counts of one of the document's paragraphs."""
        found = self.paragraphs.get(id(paragraph))
        if found is None:  # no sentence: no words either, but count its text to be sure
            return ParagraphCounts(paragraph.text, (), Counts(), 0, None, (), 0)
        return found

    def readable(self, paragraphs: Iterable[Paragraph]) -> Counts:
        """Return readability's counts of these paragraphs together (needs syllables; no ``longest``)."""
        n_sentences = n_words = n_syllables = n_poly = 0
        for paragraph in paragraphs:
            counts = self.of(paragraph).counts or Counts()
            n_sentences += counts.sentences
            n_words += counts.words
            n_syllables += counts.syllables
            n_poly += counts.polysyllables
        return Counts(n_sentences, n_words, n_syllables, n_poly)


_MEASURED: weakref.WeakKeyDictionary[Document, DocumentCounts] = weakref.WeakKeyDictionary()


def of_document(document: Document, syllables: bool = False) -> DocumentCounts:
    """Return the document's counts, computed once (with syllables when asked, or known)."""
    found = _MEASURED.get(document)
    if found is None or (syllables and not found.syllables):
        # Syllables cost Pyphen's table (tens of milliseconds to load): a document that
        # only long-sentence or long-paragraph reads, or too short to score, never pays.
        found = _MEASURED[document] = _measure(document.sentences, syllables)
    return found


def _measure(sentences: Sequence[Sentence], syllables: bool) -> DocumentCounts:
    groups: dict[int, list[Sentence]] = {}
    for sentence in sentences:  # grouped as Document.sentences_of groups them
        groups.setdefault(id(sentence.paragraph), []).append(sentence)
    measured = {}
    for key, group in groups.items():
        paragraph = group[0].paragraph
        if paragraph.kind in LABEL_KINDS:
            continue  # no counting rule reads headings or table cells
        text = paragraph.text
        web = "://" in text or "www." in text or "WWW." in text  # is_web_address needs one
        if syllables and not web and _tiled(text, group):
            measured[key] = _whole_counts(text, group)
        else:
            measured[key] = _sentence_counts(text, group, syllables)
    return DocumentCounts(measured, syllables)


def _tiled(text: str, group: list[Sentence]) -> bool:
    """True when the sentences cover ``text`` in order with white space, and only that, between."""
    first = group[0].start
    if (first and not text[:first].isspace()) or group[0].end < first:
        return False
    at = group[0].end
    for sentence in group[1:]:
        # Non-empty white space: two sentences in one chunk ('said. "The') are no tiling.
        if sentence.start <= at or sentence.end < sentence.start or not text[at : sentence.start].isspace():
            return False
        at = sentence.end
    return at >= len(text) or text[at:].isspace()


def _whole_counts(text: str, group: list[Sentence]) -> ParagraphCounts:
    """Count a paragraph without a web address that its sentences tile, in one lookup a chunk."""
    chunks = text.split()
    words, syllables_, poly, extra = _fields(text, chunks)
    # A sentence holds a letter or digit ([^\W_] is str.isalnum) most often at its start.
    search = _HAS_WORD.search
    worded = sum(1 for s in group if text[s.start].isalnum() or search(text, s.start, s.end) is not None)
    # White space other than ASCII spaces (line breaks of a hard-wrapped paragraph) is
    # counted for every sentence, wherever it stands.
    other_space = len(text) - len("".join(chunks)) - text.count(" ")
    counts = Counts(worded, words, syllables_, poly)
    return ParagraphCounts(text, tuple(group), counts, worded, words, None, 1 + other_space + extra)


def _sentence_counts(text: str, group: list[Sentence], syllables: bool) -> ParagraphCounts:
    """Count a paragraph sentence by sentence (see above for when)."""
    owns = [text[s.start : s.end] for s in group]
    chunk_lists = [own.split() for own in owns]
    counts = None
    if syllables:
        fields = [_fields(own, chunks) for own, chunks in zip(owns, chunk_lists)]
        words = [f[0] for f in fields]
        counts = Counts(
            len(words) - words.count(0), sum(words), sum(f[1] for f in fields), sum(f[2] for f in fields), max(words)
        )
        # long-sentence's words add the web addresses; is_web_address needs "://" or "www.".
        urls = [
            sum(map(is_web_address, chunks)) if "://" in own or "www." in own or "WWW." in own else 0
            for own, chunks in zip(owns, chunk_lists)
        ]
        totals = [w + u for w, u in zip(words, urls)]
    else:
        tokens = _WORDS.__getitem__
        totals = [sum(map(tokens, chunks)) for chunks in chunk_lists]
    # A web address counts one word without a letter or digit ("://"): look when it may.
    search = _HAS_WORD.search
    worded = sum(1 for n, own in zip(totals, owns) if n > 0 and search(own) is not None)
    words_here = sum(totals) if _tiled(text, group) else None
    return ParagraphCounts(text, tuple(group), counts, worded, words_here, tuple(totals), 0)


# A word that starts with a letter, captured by that letter (findall gives the letters).
_FIRST_LETTER = patterns.compile(r"(?<![^\W_])([^\W\d_])[^\W_]*")
NAME_ROLL_SHARE = 0.6


def is_name_roll(text: str) -> bool:
    """Return True for a list of names (a team sheet, a cast list, a roll of seats).

    More than 60% of its words are capitalised: readability formulas and sentence
    lengths mean nothing there, and no editor would split it into sentences.
    """
    firsts = _FIRST_LETTER.findall(text)
    if not firsts:
        return False
    return sum(map(str.isupper, firsts)) > NAME_ROLL_SHARE * len(firsts)
