"""Quotation marks: what each “ ” ‘ ’ " ' in the prose is, and which marks pair up.

Every mark in a paragraph's text is classified once per document
(``Document.quote_marks``) and shared by the quotation rules:

- its *role*: an opening quote, a closing quote, an apostrophe (Iran’s, don't, ’90s,
  rock ’n’ roll, goin’, the Joneses’, o’clock), or a prime (6'2", 45");
- its *kind*: double or single; and whether it is curly or straight.

Curly marks carry their direction (“ opens, ” closes; ’ closes or is an apostrophe).
Straight marks get it from their neighbours: after the start, a space, an opening
bracket, a dash or another opening mark, and before a letter, a mark opens; after a
letter or punctuation, and before a space, punctuation or the end, it closes. When the
neighbours do not tell (``."We``, ``word"word``, a mark between spaces), the pairing
state decides: a mark closes a quotation that is open and opens one otherwise; such
marks are not ``certain``.

Pairing keeps one stack per kind, so a ‘single’ quotation nests inside a “double” one.
News style lets a quotation run across paragraphs: the paragraph that does not close
it is followed by one that opens again with a quotation mark. Such an unclosed mark is
``continued``. The same shape inside one paragraph (a quotation left open, then a new
sentence that opens with a mark of the same kind: ``"One. "Two," she said.``) is what
merged paragraphs look like, and is ``reopened``.

Where quoted speech is follows from the pairing (``quoted_spans``, ``masker``):
language rules skip quoted speech, which is verbatim. A paired opening mark quotes up
to its partner; an opening mark left open (unclosed, continued into the next paragraph,
or reopened) quotes to the end of the paragraph; a closing mark that nothing opened (a
quotation carried over from the previous paragraph) quotes from the paragraph's start.
When in doubt, more text counts as quoted: a missed finding is cheaper than a false one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from newslint import patterns

if TYPE_CHECKING:
    from newslint.document import Document, Paragraph

Role = Literal["open", "close", "apostrophe", "prime"]
Status = Literal["paired", "mismatched", "unclosed", "unopened", "continued", "reopened", "none"]

CURLY = "“”‘’"
_ALL_MARKS = frozenset("\"'“”‘’")
DOUBLE = '"“”'
MASK = "\u2063"  # INVISIBLE SEPARATOR: stands in for quoted characters in masked text

# Characters after which a straight mark opens a quotation.
_OPEN_BEFORE = frozenset(" \t\r\n\u00a0\u2009\u202f([{<—–-/“‘\"'«")
# Characters before which a straight mark closes one.
_CLOSE_AFTER = frozenset(" \t\r\n\u00a0\u2009\u202f.,;:!?)]}>…—–-/\"'”’»")
# Punctuation that ends a sentence, so that a mark after it may open the next one.
_TERMINAL = frozenset(".!?…")
# What may stand between that punctuation and the mark: spaces, brackets and marks.
_BEFORE_SENTENCE = " \t\r\n\u00a0)]\"'“”‘’"  # a string: str.rstrip takes it
# Words cut at the front, written with an apostrophe that is not a quotation mark.
# Whether a word lost its first letters cannot be told from its shape: ’orrible and
# ‘urban (a scare quote) look alike. So these are the clipped forms of English (aphetic
# and h-dropped words, and 't for "it"), in two classes:
# - forms that are not words on their own, read as apostrophes wherever they stand
#   ('em, 'tis, 'til, 'orrible, 'ello); a lone possessive 's; the n of rock 'n' roll;
_CLIPPED = patterns.compile(
    r"(?:em|t(?:is|was|were|would|will)|til|cos|coz|nuff|fraid|scuse|cept|twixt|tween|gainst|"
    r"mongst|neath|kay|sup|burbs|gator|copter|orrible|orribly|orrid|ello|ullo|appy|appen\w*|"
    r"ospital|usband|oliday|ungry|undred|istory|ouse|ome|ave|avin|alf|elp|ere|eaven|imself|"
    r"erself|im|n|s)\b",
    re.I,
)
# - forms that are also words ('till, 'cause, 'round, 'bout, 'phone, 'plane, 'flu, 'bot
#   nets), read as apostrophes only when no later mark in the paragraph could close a
#   quotation opened there: a quotation may well open with "cause" or "round".
_CLIPPED_WORDS = patterns.compile(
    r"(?:till|cause|round|bout|fore|bye|bots?|phones?|planes?|flu|net|roos?|possums?|coons?|cellos?)\b",
    re.I,
)
# Short words clipped at the end: o' (of), an' (and), n' (Guns N' Roses), th' (the),
# ol' (old), ma', pa'.
_CLIPPED_END = patterns.compile(r"(?:^|(?<![^\W\d_]))(?:o|an|n|th|ol|lil|ma|pa|ya)$", re.I)
# Words that cannot follow a possessive: after "rights'" they show a closing mark.
_NOT_POSSESSED = frozenset(
    """have has had are were is was will would can could should may might must do does
    did said say says told that which who whom the a an to of in on at for with from by
    as than it its they them their he she we you not be been being""".split()
)
_NEXT_WORD = patterns.compile(r"\s+([^\W\d_]+)")
# A decade or a year cut short: '90s, ’05, the '90's.
_SHORT_YEAR = patterns.compile(r"\d\d(?:'?s\b|(?!\w))")
# The inches after a feet mark: 6'2", 5' 11", 5'10.5", 5' 11''. Both marks are primes.
_INCHES = patterns.compile(r"[ \u00a0\u2009\u202f]?\d{1,2}(?:\.\d+)?(?:\"|'')")
# What a single mark that a later one might close looks like, to look ahead in O(1).
_OPEN, _CLOSE, _SKIP = 1, 2, 0


class Mark(NamedTuple):
    """One quotation mark or apostrophe of a paragraph, at local ``index``.

    ``partner`` is the local index of the mark it pairs with (on the same paragraph),
    or None. ``status`` says how pairing went: "paired"; "mismatched" (a double mark
    closed by a single one, or the other way round); "unclosed" (an opening mark
    never closed); "unopened" (a closing mark with nothing to close); "continued" (left
    open at the end of the paragraph, and the next one reopens); "reopened" (left open,
    then a new sentence in the same paragraph opens with the same kind of mark); "none"
    for apostrophes and primes. ``certain`` is False when the neighbours of a straight
    mark did not tell its direction. (A named tuple rather than a frozen dataclass: a
    corpus holds tens of thousands of marks, and tuples are several times faster to make.)
    """

    index: int  # type: ignore[assignment]  # a field of the same name as tuple.index
    char: str
    role: Role
    double: bool
    curly: bool
    certain: bool = True
    status: Status = "none"
    partner: int | None = None

    @property
    def is_quote(self) -> bool:
        """Return True for opening and closing quotation marks."""
        return self.role in ("open", "close")

    @property
    def curly_form(self) -> str:
        """Return the curly character this mark should be: “ ” ‘ or ’."""
        if self.double:
            return "“" if self.role == "open" else "”"
        return "‘" if self.role == "open" else "’"

    @property
    def straight_form(self) -> str:
        """Return the straight character this mark should be: " or '."""
        return '"' if self.double else "'"


@dataclass(frozen=True)
class ParagraphQuotes:
    """The marks of one paragraph, in text order."""

    paragraph: Paragraph
    marks: tuple[Mark, ...]


def _positions(text: str) -> list[int]:
    """Return the indices of every mark, in order.

    One ``str.find`` loop per character beats a character-class regex several times
    over, since marks are rare in prose.
    """
    found: list[int] = []
    for ch in _ALL_MARKS:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


class _Classifier:
    """Walks one paragraph's marks left to right, keeping the pairing stacks.

    Everything a decision looks at is either next to the mark or precomputed in one
    pass over the marks (runs of adjacent marks, what the next single or double mark
    looks like), so that a paragraph of nothing but quotation marks is still linear.
    """

    def __init__(self, text: str, positions: list[int]) -> None:
        self.text = text
        self.positions = positions
        # Later marks already known to be apostrophes or primes: the second mark of
        # rock 'n' roll, the inch mark of 6'2".
        self.rock_n_roll: set[int] = set()
        self.primes: set[int] = set()
        # [index, char, role, double, curly, certain, status, partner] per mark.
        self.rows: list[list] = []
        self.stacks: dict[bool, list[int]] = {True: [], False: []}
        self.reopeners: set[int] = set()  # rows of marks that reopened a quotation
        # The runs of adjacent marks and the look-ahead tables are made on first need:
        # most paragraphs have no two marks side by side and no mark whose reading
        # depends on a later one.
        self._run_bounds: tuple[list[int], list[int]] | None = None
        self._ahead: tuple[list[int], list[int]] | None = None
        # _reopens walks back over spaces and marks; it is asked in text order, so the
        # last index before the scan point that is not one of those is kept as it goes.
        self._scanned = 0
        self._last_word = -1

    def _runs(self) -> tuple[list[int], list[int]]:
        """Return, per mark, where its run of adjacent marks starts and where it ends."""
        if self._run_bounds is None:
            positions = self.positions
            first = [0] * len(positions)
            last = [0] * len(positions)
            begin = 0
            for order in range(1, len(positions) + 1):
                if order == len(positions) or positions[order] != positions[order - 1] + 1:
                    for k in range(begin, order):
                        first[k], last[k] = positions[begin], positions[order - 1]
                    begin = order
            self._run_bounds = first, last
        return self._run_bounds

    def _look_ahead(self) -> tuple[list[int], list[int]]:
        """Return, per mark, what the next single and the next double mark after it look like."""
        if self._ahead is not None:
            return self._ahead
        text, positions = self.text, self.positions
        run_first, run_last = self._runs()
        n = len(positions)
        next_single = [_SKIP] * (n + 1)
        next_double = [_SKIP] * (n + 1)
        for order in range(n - 1, -1, -1):
            i = positions[order]
            ch = text[i]
            single, double = next_single[order + 1], next_double[order + 1]
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if ch in DOUBLE:
                if ch == "“":
                    double = _OPEN
                elif ch == "”":
                    double = _CLOSE
                else:
                    run_before = text[run_first[order] - 1] if run_first[order] else " "
                    run_after = text[run_last[order] + 1] if run_last[order] + 1 < len(text) else " "
                    if run_before not in _OPEN_BEFORE and run_after in _CLOSE_AFTER:
                        double = _CLOSE
                    elif run_before in _OPEN_BEFORE and run_after not in _CLOSE_AFTER:
                        double = _OPEN
                    else:
                        double = _SKIP
            elif ch == "‘":
                # A curly opening mark before a word opens a new quotation, unless it
                # stands for letters cut off ('til): ‘yes’ and ‘maybe’ pair as two.
                if before in _OPEN_BEFORE and after.isalnum() and not _CLIPPED.match(text, i + 1):
                    single = _OPEN
            else:
                if before in _OPEN_BEFORE:
                    if after not in _CLOSE_AFTER:
                        single = _OPEN  # a new single quotation opens first
                elif not after.isalnum():
                    single = _CLOSE  # not an inner apostrophe
            next_single[order], next_double[order] = single, double
        self._ahead = next_single, next_double
        return self._ahead

    def run(self) -> list[list]:
        text, rows, last = self.text, self.rows, len(self.text) - 1
        for order, i in enumerate(self.positions):
            # Fast path for the commonest mark: an apostrophe between letters (don't).
            if 0 < i < last and text[i] in "'’" and text[i - 1].isalpha() and text[i + 1].isalpha():
                rows.append([i, text[i], "apostrophe", False, text[i] == "’", True, "none", None])
            else:
                self._one(order, i)
        return rows

    def _later_single_closer(self, order: int) -> bool:
        """Return True if a later mark could close an open single quotation before another opens."""
        return self._look_ahead()[0][order + 1] == _CLOSE

    def _neighbours(self, order: int, i: int, curly: bool) -> tuple[str, str]:
        """Return the characters around the mark at ``i`` (a space at either end).

        For a straight mark, other marks next to it are looked past: in ``"'Oh`` both
        open, in ``now?'"`` both close.
        """
        text = self.text
        j, k = i - 1, i + 1
        # A mark with no mark beside it is a run of its own: no need of the run table.
        if not curly and ((j >= 0 and text[j] in _ALL_MARKS) or (k < len(text) and text[k] in _ALL_MARKS)):
            run_first, run_last = self._runs()
            j, k = run_first[order] - 1, run_last[order] + 1
        return (text[j] if j >= 0 else " "), (text[k] if k < len(text) else " ")

    def _one(self, order: int, i: int) -> None:
        text = self.text
        ch = text[i]
        double = ch in DOUBLE
        curly = ch in CURLY
        before, after = self._neighbours(order, i, curly)
        role: Role
        certain = True
        if i in self.primes:
            role = "prime"
        elif ch == "“":
            role = "open"
        elif ch == "”":
            role = "close"
        elif double:
            if after in _CLOSE_AFTER and before not in _OPEN_BEFORE:
                # A mark straight after a number is an inch or seconds mark (a 20" screen)
                # unless it closes an open quotation that no later mark closes instead.
                if before.isdigit() and (not self.stacks[True] or self._look_ahead()[1][order + 1] == _CLOSE):
                    role = "prime"
                else:
                    role = "close"
            elif before in _OPEN_BEFORE and after not in _CLOSE_AFTER:
                role = "open"
            else:  # ."We  word"word  or a mark between spaces
                role = "close" if self.stacks[True] else "open"
                certain = False
        else:
            role, certain = self._single(order, i, ch, before, after)
        self._push(i, ch, role, double, curly, certain)

    def _clipped(self, order: int, i: int, ch: str) -> bool:
        """Return True if the mark at ``i`` stands for letters cut from the word after it."""
        text = self.text
        year = _SHORT_YEAR.match(text, i + 1)
        if year:
            # ’90s; but '15s' (a quoted word that is a decade's shape) opens a quotation.
            quoted = text[year.end() : year.end() + 1] in ("'", "’") and not self.stacks[False]
            return not quoted
        if _CLIPPED.match(text, i + 1):
            return True  # 'em, 'tis
        if self._later_single_closer(order):
            return False  # a quotation that opens here can be closed
        # Nothing could close a quotation opened here: a clipped word that is also a word
        # ('till, 'cause), a number cut short or marked off (a drug code '771), or, in
        # typeset copy, any word after a right single mark (’orrible).
        following = text[i + 1 : i + 2]
        return bool(_CLIPPED_WORDS.match(text, i + 1)) or following.isdigit() or (ch == "’" and following.isalpha())

    def _single(self, order: int, i: int, ch: str, before: str, after: str) -> tuple[Role, bool]:
        text = self.text
        pending = bool(self.stacks[False])
        if i in self.rock_n_roll:
            return "apostrophe", True
        if (
            text[i + 1 : i + 2] in ("n", "N")
            and text[i + 2 : i + 3] in ("'", "’")
            and text[i + 3 : i + 4].isspace()
            and not before.isalpha()
        ):
            self.rock_n_roll.add(i + 2)
            return "apostrophe", True  # rock 'n' roll
        if ch == "'" and before.isdigit():
            inches = _INCHES.match(text, i + 1)
            if inches:
                end = inches.end()
                self.primes.add(end - 1)
                if text[end - 2 : end] == "''":
                    self.primes.add(end - 2)
                return "prime", True  # 6'2", 5' 11"
        if text[i + 1 : i + 2] in ("s", "S") and not text[i + 2 : i + 3].isalpha() and ch != "‘":
            return "apostrophe", True  # OutRage!'s, or a possessive whose noun was cut
        if before.isalnum() and after.isalnum():
            if before.isdigit() and after.isdigit():
                return "prime", True  # 5'10
            return "apostrophe", True  # Iran’s, don't, o’clock, 1990's, word‘s
        if after.isalpha() and i > 1 and text[i - 1] in "-\u2010" and text[i - 2].isalpha():
            return "apostrophe", True  # inside a hyphenated word: al-'Aziz, el-‘Arish
        if ch == "‘":
            if self._clipped(order, i, ch):
                return "apostrophe", True
            return "open", True
        if before in _OPEN_BEFORE:
            if after.isalnum() and self._clipped(order, i, ch):
                return "apostrophe", True
            if after not in _CLOSE_AFTER:
                return "open", True  # 'word   and a wrongly curled ’word
            # A mark between spaces: close an open quotation, or it is a stray.
            return ("close" if pending else "open"), False
        if before.isalpha():
            # goin’, the Joneses’ house: an apostrophe, unless it closes a quotation.
            if pending and not (after == " " and self._later_single_closer(order)):
                return "close", True
            if self._word_final_apostrophe(i, after):
                return "apostrophe", True
            return "close", True  # 'sorry' that lost its opening mark: sorry'
        if before.isdigit():
            # 5' tall: a feet mark, unless it closes a quotation no later mark closes.
            if pending and not self._later_single_closer(order):
                return "close", True
            if i >= 4 and text[i - 4 : i].isdigit():
                return "close", True  # by 2010': a year, not a height in feet
            return "prime", True
        if after in _CLOSE_AFTER:
            return "close", True  # ,' he said
        return ("close" if pending else "open"), False  # .'We

    def _word_final_apostrophe(self, i: int, after: str) -> bool:
        """Return True if a mark that ends a word, with no quotation open, is an apostrophe.

        Only some words end in an apostrophe: a plural's possessive (the players' union,
        the Joneses' car: after s, x or z, before a space), a dropped g (goin', nothin')
        and a few short clipped words (o', an', N', th', ol', Lil'). After any other word, or
        after s before punctuation, the mark closes a quotation: sorry', the end'.
        """
        text = self.text
        last = text[i - 1].lower()
        if text[max(0, i - 4) : i].lower().endswith(("ous", "less")):
            return False  # useless', courageous': adjectives take no possessive
        if last in "sxz":
            if after in ")]":
                return True  # '(seven constructors' and nine drivers')': no quotation is open
            # the Greens' £404,000, the Voters' "passion"; not at the paragraph's end,
            # where a possessive would have nothing to possess.
            if not (after.isspace() and text[i + 1 : i + 2].isspace() and text[i + 2 : i + 12].strip()):
                return False
            # A possessive is followed by what is possessed, never by a verb, a
            # preposition or a determiner: human rights' have, one nation politics' that.
            following = _NEXT_WORD.match(text, i + 1)
            return following is None or following.group(1).lower() not in _NOT_POSSESSED
        if text[i - 2 : i].lower() == "in":
            return True
        return bool(_CLIPPED_END.search(text, max(0, i - 4), i))

    def _push(self, i: int, ch: str, role: Role, double: bool, curly: bool, certain: bool) -> None:
        row = [i, ch, role, double, curly, certain, "none", None]
        stack = self.stacks[double]
        if role == "open":
            if stack and self._reopens(i):
                # ''Two marks'' written for one double mark: the second reopens what
                # the first did, below it; it does not reopen the first.
                adjacent = self.rows[stack[-1]][0] == i - 1
                if not adjacent:
                    self.rows[stack.pop()][6] = "reopened"
                    self.reopeners.add(len(self.rows))
                elif stack[-1] in self.reopeners and len(stack) > 1:
                    self.rows[stack.pop(-2)][6] = "reopened"
                    self.reopeners.add(len(self.rows))
            row[6] = "unclosed"
            stack.append(len(self.rows))
        elif role == "close":
            if stack:
                top = self.rows[stack.pop()]
                top[6], top[7] = "paired", i
                row[6], row[7] = "paired", top[0]
            elif self.stacks[not double] and not self._other_closer_follows(i, double):
                # "Oh no.' : closed with the other kind of mark. Pair them as a mismatch,
                # so that one slip makes one finding, not two. (Not in went'": there the
                # other kind's own closing mark follows, and this one is a stray.)
                top = self.rows[self.stacks[not double].pop()]
                top[6], top[7] = "mismatched", i
                row[6], row[7] = "mismatched", top[0]
            else:
                row[6] = "unopened"
        self.rows.append(row)

    def _other_closer_follows(self, i: int, double: bool) -> bool:
        """Return True if a closing mark of the other kind follows the mark at ``i`` (went'")."""
        others = "'’" if double else '"”'
        for ch in self.text[i + 1 : i + 3]:
            if ch in others:
                return True
            if ch not in ".,;:!?":
                return False
        return False

    def _reopens(self, i: int) -> bool:
        """Return True if the mark at ``i`` starts a sentence: after . ! ? (and closers)."""
        # The last index in [scanned, i) whose character is not one of _BEFORE_SENTENCE,
        # found by str.rstrip in C rather than a loop a character.
        scanned = self._scanned
        if scanned < i:
            kept = len(self.text[scanned:i].rstrip(_BEFORE_SENTENCE))
            if kept:
                self._last_word = scanned + kept - 1
            self._scanned = i
        j = self._last_word
        return j >= 0 and self.text[j] in _TERMINAL


def _opens_with(text: str, double: bool) -> bool:
    """Return True if a paragraph's text starts with an opening mark of this kind."""
    for ch in text.lstrip()[:3]:
        if ch in '“"' and double:
            return True
        if ch in "‘'" and not double:
            return True
        if ch not in "“\"‘'":
            return False
    return False


def _inner_apostrophes(text: str, positions: list[int]) -> tuple[Mark, ...] | None:
    """Return the marks when every one is an apostrophe between letters (don't), else None.

    Such a mark is read the same whatever stands around it (``_Classifier.run``'s fast
    path), opens and closes nothing, and changes no other mark's reading: the letters on
    both sides keep it out of every other mark's run, and the look-ahead passes over it.
    So a paragraph of only such marks needs no classifier.
    """
    last = len(text) - 1
    for i in positions:
        if not (0 < i < last and text[i] in "'’" and text[i - 1].isalpha() and text[i + 1].isalpha()):
            return None
    return tuple([Mark(i, text[i], "apostrophe", False, text[i] == "’") for i in positions])


def analyse(paragraphs: Sequence[Paragraph]) -> tuple[ParagraphQuotes, ...]:
    """Classify and pair the quotation marks of every paragraph."""
    results = []
    make = tuple.__new__  # Mark(*row) without the named tuple's Python-level __new__
    for number, paragraph in enumerate(paragraphs):
        text = paragraph.text
        positions = _positions(text)
        if not positions:
            results.append(ParagraphQuotes(paragraph, ()))
            continue
        marks = _inner_apostrophes(text, positions)
        if marks is None:
            rows = _Classifier(text, positions).run()
            following = paragraphs[number + 1].text if number + 1 < len(paragraphs) else ""
            for row in rows:
                if row[6] == "unclosed" and _opens_with(following, row[3]):
                    row[6] = "continued"
            marks = tuple([make(Mark, row) for row in rows])
        results.append(ParagraphQuotes(paragraph, marks))
    return tuple(results)


def quoted_spans(quotes: ParagraphQuotes) -> list[tuple[int, int]]:
    """Return the local ``(start, end)`` spans of quoted text in one paragraph, marks included."""
    spans: list[tuple[int, int]] = []
    end_of_text = len(quotes.paragraph.text)
    for mark in quotes.marks:
        if mark.role == "open":
            if mark.partner is not None and mark.partner > mark.index:
                spans.append((mark.index, mark.partner + 1))
            elif mark.status in ("unclosed", "continued", "reopened", "mismatched"):
                spans.append((mark.index, end_of_text))
        elif mark.role == "close" and mark.partner is None:
            spans.append((0, mark.index + 1))  # unopened: carried over from before
    return spans


def masker(document: Document) -> Callable[[Paragraph], str]:
    """Return a function giving a paragraph's text with quoted characters replaced by ``MASK``.

    Each masked text has the same length as the paragraph's, so local offsets still hold.
    Rules call it only on paragraphs that might hold a finding, so most are never masked.
    """
    by_paragraph = {id(quotes.paragraph): quotes for quotes in document.quote_marks}

    def mask(paragraph: Paragraph) -> str:
        text = paragraph.text
        quotes = by_paragraph.get(id(paragraph))
        spans = quoted_spans(quotes) if quotes is not None and quotes.marks else []
        if not spans:
            return text
        # Spans nest and overlap (every unclosed mark quotes to the end): merge them
        # first, so that each character is masked once and the work stays linear.
        pieces, at = [], 0
        for start, end in sorted(spans):
            if end <= at:
                continue
            start = max(start, at)
            pieces.append(text[at:start])
            pieces.append(MASK * (end - start))
            at = end
        pieces.append(text[at:])
        return "".join(pieces)

    return mask
