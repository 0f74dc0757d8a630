"""NL202 joined-words: two words fused where a space or a line break was lost."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from newslint import patterns
from newslint.document import Document, JoinedProse, Paragraph
from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule
from newslint.words import MONTHS, NAME_PREFIXES, WEEKDAYS, brand_names, letters_around

# A lower-case letter straight before an upper-case one: the only place to look.
# A capital after a lower-case letter, matched at the capital: a pattern that opens with
# the rare class (capitals) is skipped through in C; one that opens with lower-case
# letters is tried, and fails, at nearly every character. ``match.start() - 1`` is the
# lower-case letter.
_BOUNDARY = patterns.compile(r"[A-Z](?<=[a-z][A-Z])")
_NOT_BEFORE = "-_`.@#/\\"
_NOT_AFTER = "-_`(@/\\"
_SHAPE = patterns.compile(r"([A-Z]?[a-z]+)([A-Z][a-z]+|I)")


# Short lower-case words that never start a brand written solid: 'ofTexas', 'atLabour',
# 'asI' can only be a lost space.
_FUNCTION_WORDS = frozenset(
    """of in on at to as by for from with into onto upon and or but nor the an than that
    this these those is are was were be been has have had will would can could should may
    might must said says told about after before over under between against during
    without within when where while if so not""".split()
)

# Words that start sentences and no camel-case name ends with: 'nextThe', 'UkraineIt'.
_SENTENCE_STARTERS = frozenset(
    """The This That These Those It Its He His She Her They Their There We Our You Your
    But And When While After Before However Meanwhile Although Despite Since Now Then
    Yet Some Many Most Last Earlier Later An""".split()
)


_LETTERS = patterns.compile(r"[^\W\d_]+")
# Each byte's class: ASCII lower-case letters "a", capitals "A", digits "0", the rest a
# space. ``str.encode("ascii", "replace")`` writes one byte for every character (a "?"
# for any other), so offsets in the classes are the text's: plain substring searches
# of them find, in C, the places the patterns over ASCII letters look for.
_CLASSES = bytes(
    ord("a") if 97 <= c <= 122 else ord("A") if 65 <= c <= 90 else ord("0") if 48 <= c <= 57 else 32 for c in range(256)
)
_LONGEST_NAME = 64  # no name written solid is longer; longer letter runs are not split
# A letter run inside a sentence: after spaces that follow a letter, digit, comma, ; or &.
# It opens with its first space, so that the regex engine skips to the spaces in C (a
# pattern that opens with a lookbehind is tried at every character); the lookbehind
# after that space then asks what stands before it.
_MID_SENTENCE = patterns.compile(r" (?<=[^\W_] |[,;&] ) *([^\W\d_]+)(?![^\W\d_])")


class _Usage:
    """How the article uses each letter run, counted in one pass over its prose.

    ``count(word)`` is how often ``word`` stands alone (no letter either side);
    ``after="upper"`` counts it followed by a capital with no letter before (the first
    half of other camel-case words), ``before="lower"`` preceded by a lower-case letter
    with no letter after (a second half), ``mid=True`` alone inside a sentence (after a
    word or a comma), where a capital marks a proper noun, not a sentence start.
    """

    def __init__(self, text: str) -> None:
        # Each table is one C-speed findall over the file, built on first need.
        self.text = text
        self._whole: Counter[str] | None = None
        self._mid: Counter[str] | None = None
        self._halves: tuple[Counter[str], Counter[str]] | None = None

    @property
    def whole(self) -> Counter[str]:
        """Letter runs standing alone."""
        if self._whole is None:
            self._whole = Counter(_LETTERS.findall(self.text))
        return self._whole

    @property
    def mid(self) -> Counter[str]:
        """Letter runs after spaces that follow a word, a comma, ; or &, on one line."""
        if self._mid is None:
            self._mid = Counter(_MID_SENTENCE.findall(self.text))
        return self._mid

    @property
    def halves(self) -> tuple[Counter[str], Counter[str]]:
        """First halves (before a capital) and second halves (after a lower-case letter)."""
        if self._halves is None:
            first: Counter[str] = Counter()
            second: Counter[str] = Counter()
            # The camel-case words are the letter runs with a lower-case letter before a
            # capital: read from the runs already counted (``whole``), each distinct run
            # once, weighted by its count, instead of another scan of the text.
            for run, times in self.whole.items():
                if len(run) > _LONGEST_NAME or not _BOUNDARY.search(run):
                    continue
                for at in range(1, len(run)):
                    if "A" <= run[at] <= "Z":
                        first[run[:at]] += times
                        if "a" <= run[at - 1] <= "z":
                            second[run[at:]] += times
            self._halves = (first, second)
        return self._halves

    def count(self, word: str, before: str = "", after: str = "", mid: bool = False) -> int:
        """Count the uses of ``word`` of the kind asked for (see the class)."""
        if after == "upper":
            return self.halves[0][word]
        if before == "lower":
            return self.halves[1][word]
        return self.mid[word] if mid else self.whole[word]

    def used(self, word: str) -> bool:
        """True when the article uses ``word`` alone as written, or in lower case."""
        return bool(self.whole[word] or self.whole[word.lower()])


# In a headline glued to its paragraph: the headline's last word, in lower case,
# capitalised or an abbreviation's plural (MPs, PCs), then the body's first word, capitalised, all in capitals (US, BMW) or
# the article 'A'; the body's word may go on with a hyphen (Fly-half, Trouble-hit).
_GLUED_HEADING = patterns.compile(r"([A-Z]?[a-z]+|[A-Z]{2,}s)([A-Z][a-z]+|[A-Z]{2,}|A|I)(?=[\s,'’\-]|$)")


_HEADLINE_CHARS = 300
_SENTENCE_STOP = patterns.compile(r"\.(?!\d)")
# What follows a figure in a headline's last word: '14m', '$1.3bn', '1990s', '5th'.
_FIGURE_SUFFIXES = frozenset("m bn tn k p pc s th st nd rd".split())


def _heading_position(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` ends what reads as a headline glued to its paragraph.

    That is: one to fifteen words before it from the paragraph's start, none of them
    ending a sentence or clause (no . ! ? ; and no line break), and a sentence going on
    after it. A colon may stand in a headline (``Hailey: King of the bestsellers``).
    """
    if start > _HEADLINE_CHARS:
        return False  # fifteen words do not run this long: no need to look (and stay linear)
    prefix = text[:start]
    if not prefix.strip() or any(mark in prefix for mark in "!?;\n\r") or len(prefix.split()) > 15:
        return False
    if "." in prefix and _SENTENCE_STOP.search(prefix):  # not a decimal point ($1.3bn)
        return False
    return len(text[end : end + 200].split()) >= 3


def _split_heading(usage: _Usage, text: str, start: int, first: bool) -> tuple[str, str, int] | None:
    """Return (left, right, end) for a headline glued to its paragraph at ``start``, else None.

    In lower case, the headline's last word is evidence enough: no name starts with a
    lower-case word of two letters or more but those listed (easyJet). A capitalised
    last word must be a proper noun the article uses inside sentences (Agassi, Madrid),
    and the body's first word a word of the article, a sentence opener, or the start
    of a name (``MadridJesper Gronkjaer``); in the article's first paragraph (``first``),
    where the headline stands, any capitalised word will do (``JapanJapanese``).
    """
    match = _GLUED_HEADING.match(text, start)
    if match is None:
        return None
    left, right = match.groups()
    token = match.group()
    after_figure = start > 0 and text[start - 1].isdigit() and left in _FIGURE_SUFFIXES  # 'by 14mMore'
    if (len(left) < 2 and not after_figure) or left in NAME_PREFIXES or token in brand_names():
        return None
    if usage.count(token) > 1 or usage.count(left, after="upper") > 1 and not after_figure:
        return None
    if right[1:].islower() and usage.count(right, before="lower") > 1:
        return None  # a half shared with another camel-case word: a naming pattern
    if left[0].islower():
        return left, right, match.end()
    name_follows = re.match(r" [A-Z][a-z]", text[match.end() : match.end() + 3]) is not None
    right_is_word = right in _SENTENCE_STARTERS or usage.used(right) or name_follows
    if first:
        # Where the headline stands, either half used as a word will do.
        if right_is_word or right.isupper() or usage.used(left):
            return left, right, match.end()
        return None
    if right.isupper() or not usage.count(left, mid=True):
        return None
    return (left, right, match.end()) if right_is_word else None


def _split(usage: _Usage, token: str) -> tuple[str, str] | None:
    """Return (left, right) when ``token`` reads as two words run together."""
    shape = _SHAPE.fullmatch(token)
    if not shape:
        return None
    left, right = shape.groups()
    if len(left) < 2 or left in NAME_PREFIXES or token in brand_names():
        return None
    # A name written that way on purpose comes back: TimeWarner, BitTorrent, iPod.
    if usage.count(token) > 1:
        return None
    if left in _FUNCTION_WORDS:
        return left, right
    if right == "I":
        return None
    if right in _SENTENCE_STARTERS:
        return left, right
    # A half shared with another camel-case word is a naming pattern: EverQuest and
    # its nickname EverCrack, PowerBook and PowerMac.
    if usage.count(left, after="upper") > 1 or usage.count(right, before="lower") > 1:
        return None
    # Otherwise the article itself must use both halves as words. A capitalised half
    # must appear inside a sentence, as a proper noun does: 'We' and 'Chat' opening
    # sentences do not make 'WeChat' two words, nor 'One World' and 'music' 'OneMusic'.
    # After a lower-case first half, the second may also appear in lower case (a
    # paragraph opening 'Voters say' glued to a heading ending 'in the north').
    if left[0].isupper():
        return (left, right) if usage.count(left, mid=True) and usage.count(right, mid=True) else None
    if usage.count(left) and (usage.count(right, mid=True) or usage.count(right.lower())):
        return left, right
    return None


@rule(
    "NL202",
    "joined-words",
    summary="Two words run together where a space or line break was lost (UkraineRussia).",
    severity="warning",
)
def joined_words(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Finds a word with a lower-case letter straight before a capital where both halves
    are words: ``UkraineRussia`` (a subheading glued to the
    next paragraph), ``University ofTexas``, ``What happens nextThe work``.

    A headline or subheading glued to its paragraph, the commonest CMS accident, is
    told by where it stands: one to fifteen words from the paragraph's start with no
    sentence or clause punctuation before it, and a sentence going on after it
    (``Flood defences hold firmOne resident in the town``, ``Minister backs the planThe
    government said``). There a lower-case last word is evidence enough (only the
    listed names, such as easyJet, start with a lower-case word), and the body's first
    word may be capitalised, in capitals (``springUS shoppers``), the article ``A`` or
    hyphenated (``finalFly-half``). A capitalised last word (``LeedsYorkshire``, an
    abbreviation's plural ``MPsLabour``) needs one half to be a word of the article,
    in the article's first paragraph (where a headline stands), and both halves
    elsewhere. A year glued to a capitalised word (``agreed in 2005The firm``) and a
    word in capitals glued to a word that opens sentences (``backs BBCThe corporation``)
    are reported wherever they stand; where the headline stands, capitals glued to any
    word the article uses, when it uses the capitals alone too (``IAAFGreek sprinters``),
    or to a word opening a sentence about someone it names again (``says PMTony Blair``,
    ``the UKMinister Ruth Kerr``), but not an abbreviation's plural (``DVDs``) nor
    a listed name (JPMorgan). In the
    article's first paragraph, where the headline stands, any other figure glued to the
    body's first word is reported too (``wheat above $300Wheat traders``, ``dies aged
    92Former``), but not a unit (``8Mbps``), a name written with a figure (1Xtra,
    4Children) or a token the article repeats.

    Elsewhere in a paragraph the evidence
    that both halves are words comes from the article itself: each half is used alone
    elsewhere, a capitalised half inside a sentence (as a proper noun is, so that 'We'
    and 'Chat' opening sentences do not split 'WeChat'); or the first half is a short
    function word (of, in, at, as, the ...) that no name begins with; or the second is
    a word that opens sentences and ends no name (The, It, However, They ...).

    Names written solid are left alone: a token the article uses more than once
    (TimeWarner, BitTorrent), one whose half is shared with another camel-case word of
    the article (EverQuest and its nickname EverCrack), name particles (McDonald,
    MacBook, DeSantis, DiCaprio, LeBron), one-letter prefixes (iPhone, eBay),
    all-capital parts (SonyBMG, DeCSS), tokens with more than one inner capital
    (PricewaterhouseCoopers), hyphenated, digit-glued and code-like tokens, and a list
    of well-known camel-case names (YouTube, PayPal, LinkedIn, PlayStation, FedEx ...).

    Why it matters:
    A lost line break glues a headline or subheading to the paragraph under it and
    leaves a word no reader can parse.

    Example:
    ``Fighting in the northRebels say they hold the airport.``

    Use instead:
    Restore the break: a subheading on its own line, or a space between the words. The
    message suggests the split; the fix (a space) is offered but never applied
    automatically, because only the writer knows whether a line break was meant.

    Options:
    None.
    """
    # The article's usage is its prose: a link's target, an attribute or front matter
    # (/news/ofTexas, title="Green and Leaf") is not a use of a word.
    joined = document.joined
    prose = joined.text
    paragraphs = joined.paragraphs
    # Each pattern runs once over the joined prose: it matches nothing across the NUL
    # between paragraphs, and NUL stands where a paragraph's start or end would (see
    # the patterns), so its matches are exactly those of one scan per paragraph.
    # Every ASCII letter and digit by its class, one byte per character of the prose.
    classes = prose.encode("ascii", "replace").translate(_CLASSES)
    usage: _Usage | None = None  # counted on the first candidate, once per document
    # A year or capitals glued to a word ends with a digit or three capitals before a
    # capital and a lower-case letter: without either the pattern cannot match.
    figures = b"0Aa" in classes or b"AAAa" in classes
    for match in _GLUED_TO_FIGURE.finditer(prose) if figures else ():
        number, start = joined.locate(match.start())
        end = start + match.end() - match.start()
        left, right = match.groups()
        if usage is None:
            usage = _Usage(prose)
        paragraph = paragraphs[number]
        if _figure_glued(paragraph.text, start, end, left, right, usage, paragraph is paragraphs[0]):
            yield _violation(paragraph, paragraph.text, start, end, left, right)
    first = paragraphs[0] if paragraphs else None
    if first is not None and b"0A" in classes[: _HEADLINE_CHARS + 40]:
        for match in _GLUED_TO_NUMBER.finditer(first.text, 0, _HEADLINE_CHARS + 40):
            if _GLUED_TO_FIGURE.match(first.text, match.start()):
                continue  # a year: found above
            if usage is None:
                usage = _Usage(prose)
            if _number_glued(first.text, match, usage):
                cut = match.start(1)
                yield _violation(
                    first, first.text, match.start(), match.end(), first.text[match.start() : cut], match.group(1)
                )
    number = -1
    text = ""
    seen_end = -1
    # Each lower-case letter straight before a capital (what ``_BOUNDARY`` finds), found
    # in C by a search of the classes.
    lower = classes.find(b"aA")
    while lower >= 0:
        found, at = joined.locate(lower)
        lower = classes.find(b"aA", lower + 1)
        if found != number:
            number, text, seen_end = found, paragraphs[found].text, -1
        paragraph = paragraphs[number]
        if at < seen_end:
            continue
        start, end = letters_around(text, at)
        seen_end = end
        # Where a headline stands, a lower-case word after a hyphen may end it too
        # ('a shake-upFarmers said'): only a capitalised half is a hyphenated name's.
        before = text[start - 1] if start else ""
        if (before not in _NOT_BEFORE or (before == "-" and text[start].islower())) and _heading_position(
            text, start, end
        ):
            if usage is None:
                usage = _Usage(prose)
            glued = _split_heading(usage, text, start, paragraph is paragraphs[0])
            if glued is not None:
                left, right, end = glued
                yield _violation(paragraph, text, start, end, left, right)
                continue
        # Hyphenated, digit-glued and code-like tokens (Israel-IranRussia, 3DMark,
        # `toString`, obj.getName(), @handles, paths) are not judged.
        if (start > 0 and (text[start - 1] in _NOT_BEFORE or text[start - 1].isdigit())) or (
            end < len(text) and (text[end] in _NOT_AFTER or text[end].isdigit())
        ):
            continue
        if usage is None:
            usage = _Usage(prose)
        halves = _split(usage, text[start:end])
        if halves is not None:
            yield _violation(paragraph, text, start, end, *halves)
    if usage is None:
        usage = _Usage(prose)
    yield from _glued_determiners(joined, usage)


# A word run into a determiner or pronoun that no English word ends with: 'ofthe',
# 'saidthey', and, where the headline stands, a headline run into a paragraph that
# opens in lower case ('wireless netthe world's'). Matched at the determiner's "th" (a
# literal, found in C), with a lower-case letter before it and no letter after.
_GLUED_DETERMINER = patterns.compile(r"th(?<=[a-z]th)(?:e|is|ese|ose|eir|ey|ere)(?![^\W\d_])")
# The words that do end so (and are not two words): 'breathe', 'seethe', 'Blythe'.
_ENDING_IN_THE = frozenset(
    """bathe breathe clothe lathe lithe loathe scathe scythe seethe sheathe soothe swathe
    teethe tithe writhe blithe absinthe wreathe unclothe spathe hythe sunbathe unsheathe
    rathe withe""".split()
)


def _glued_determiners(joined: JoinedProse, usage: _Usage) -> Iterator[Violation]:
    """Report a word run into a following 'the', 'this', 'they', ... (see ``_GLUED_DETERMINER``).

    After a short function word (``ofthe``, ``inthese``) the token is a slip wherever it
    stands. After another word it is one when the article uses that word alone
    (``saidthey``, where 'said' is a word of the article), and, where the headline stands
    in the first paragraph, when the token stands once in the article (``wireless
    netthe world's``): the headline's last word need not come back in the body. A name
    (Goethe, Blythe) has a first part the article never uses alone.
    """
    prose = joined.text
    if "th" not in prose:
        return
    paragraphs = joined.paragraphs
    seen_end = -1
    for match in _GLUED_DETERMINER.finditer(prose):
        if match.start() < seen_end:
            continue
        number, at = joined.locate(match.start())
        paragraph = paragraphs[number]
        text = paragraph.text
        start, end = letters_around(text, at)
        seen_end = match.start() + end - at
        left, right = text[start:at], text[at:end]
        if len(left) < 2 or not (left.islower() or left[1:].islower()) or end != at + len(match.group()):
            continue
        token = text[start:end]
        if token.lower() in _ENDING_IN_THE or not left.isascii():
            continue
        before = text[start - 1] if start else ""
        after = text[end : end + 2]
        if (
            before in _NOT_BEFORE
            or before.isdigit()
            or before in "'’"
            or (after[:1] in _NOT_AFTER or after[:1].isdigit())
        ):
            continue
        if after[:1] == "." and after[1:].isalnum():
            continue  # a web address or a file name: 'inthe.com'
        if left.lower() in _FUNCTION_WORDS:
            yield _violation(paragraph, text, start, end, left, right)
        elif (
            len(left) >= 3
            and usage.count(token) == 1
            and (
                usage.used(left)
                or (left.islower() and paragraph is paragraphs[0] and _heading_position(text, start, end))
            )
        ):
            yield _violation(paragraph, text, start, end, left, right)


# A year or a word in capitals run into the next sentence, where no lower-case letter
# marks the seam: a headline glued to its paragraph ('deal agreed in 2005The firm',
# 'Blair backs BBCThe corporation'). A year takes any capitalised word (no name
# starts with one: 1Xtra and 4Cast have one digit); capitals only a word that opens
# sentences and ends no name (BBCThe, not SonyBMG or NHSDirect).
# (The separator of the joined prose, NUL, ends a paragraph as the end of the text does,
# and starts one as the start of the text does: it is neither a word character nor one
# of the marks the lookbehind excludes.) The pattern opens with its first character, a
# class, so that the regex engine skips in C to the next digit 1 or 2 or capital (a
# pattern that opens with a lookbehind is tried at every character); the lookbehind
# after it asks what stands before that character, and the lookbehinds in the
# alternation which character it was: ``(?:19|20)\d\d|[A-Z]{2,5}`` exactly.
_GLUED_TO_FIGURE = patterns.compile(
    r"([12A-Z](?<![\w.\-/@#].)(?:(?<=1)9\d\d|(?<=2)0\d\d|(?<=[A-Z])[A-Z]{1,4}))([A-Z][a-z]+)(?=[\s,;:'’\-\0]|$)"
)
# Any other figure run into the next word where a headline stands ('wheat above
# $300Wheat traders', 'dies aged 92Former', 'Castle Quest 2It's'): a figure ending the headline, the
# body's first word, capitalised. Only in the article's first paragraph, in heading
# position: elsewhere a figure glued to a word is a name or a unit (4Children, 8Mbps).
_GLUED_TO_NUMBER = patterns.compile(r"\d(?<![\w.,\-/@#]\d)(?:[\d,.]*\d)?([A-Z][a-z]+|A|I)(?=[\s,;:'’\-\0]|$)")
_NAME_AFTER = patterns.compile(r" ([A-Z][a-z]+)")
# Units written with a capital after a figure: not a word of the body.
_UNITS = frozenset("Mb Mbps Kb Kbps Gb Gbps Tb Mhz Ghz Khz Hz Km Kg Kw Mw Gw Kwh Mph Ft Lb Lbs Oz Bn Mn Pm Am".split())


def _figure_glued(text: str, start: int, end: int, left: str, right: str, usage: _Usage, first: bool) -> bool:
    """True when a year or capitals glued to the next word (``text[start:end]``) is a slip.

    Where the headline stands (the first paragraph, in heading position) capitals take
    any word that reads as the body's first (``IAAFGreek sprinters``, ``NHSTony Blair``),
    but not an abbreviation's plural (``AAAs``, ``SMSes``: the pattern reads ``AA As``)
    nor a name of the brand list (JPMorgan, PCWorld).
    """
    if left.isdigit() or right in _SENTENCE_STARTERS:
        return True
    if not first or _PLURAL_ENDING.fullmatch(right) or text[start:end] in brand_names():
        return False
    if not _heading_position(text, start, end):
        return False
    # The body's first word opens a sentence about someone or something the article
    # names again: a capitalised word among the next few (``MPTony Blair``,
    # ``UKMinister Ruth Kerr``, ``BBCFolk singer Ann Hale``) stands elsewhere too.
    if _named_again(text, end, usage):
        return True
    # Failing that, capitals the article also uses alone (IAAF) before a word it uses
    # (Greek), unless a name it does not use again goes on straight after (``AOLTime
    # Warner`` may be a name written so).
    return usage.count(left) > 0 and _NAME_AFTER.match(text, end) is None and usage.used(right)


# What the pattern takes for a word after capitals when the capitals are an abbreviation
# made plural: the last capital and 's' or 'es' (DVDs, CEOs, SMSes).
_PLURAL_ENDING = patterns.compile(r"[A-Z]e?s")


# The words after a token up to the end of its clause, and in them a capitalised word.
_CLAUSE = patterns.compile(r"[^.,;:!?()\n\0]{0,80}")
_CAPITALISED = patterns.compile(r"(?<![^\W\d_])[A-Z][a-z]+(?![^\W\d_])")
_NAMES_LOOKED_AT = 4  # words after the token: a descriptor and a name ('Folk singer Ann Hale')


def _named_again(text: str, end: int, usage: _Usage) -> bool:
    """True when a capitalised word among the few after ``end`` stands elsewhere in the article too."""
    clause = _CLAUSE.match(text, end)
    words = " ".join(clause.group().split()[:_NAMES_LOOKED_AT]) if clause else ""
    return any(usage.count(name) > 1 for name in _CAPITALISED.findall(words) if name not in _NOT_NAMES)


# Capitalised words that recur in any article without naming its subject.
_NOT_NAMES = frozenset((*WEEKDAYS, *MONTHS, *"Mr Mrs Ms Miss Dr Sir Lord Lady".split()))


def _number_glued(text: str, match: re.Match[str], usage: _Usage) -> bool:
    """True when a figure run into a capitalised word in the first paragraph is a glued headline.

    The figure ends a headline (heading position, a sentence going on after it), the
    token stands once in the article, and the word is the body's: a word that opens
    sentences, a word the article uses again, or the start of a sentence about someone
    it names again (``aged 44Tom Reid``, ``at 1.6Actor Ben Cole``). Units
    (``8Mbps``) and names written solid with a figure (1Xtra, 4Children: the brand list)
    are not.
    """
    right = match.group(1)
    token = match.group()
    if right in _UNITS or token in brand_names() or not _heading_position(text, match.start(), match.end()):
        return False
    if usage.text.count(token) > 1:
        return False
    if right in _SENTENCE_STARTERS or right in ("A", "I"):
        return True
    # The token's own letters count once in the article's letter runs: used again is more.
    if usage.count(right) > 1 or usage.count(right.lower()) > 0:
        return True
    return _named_again(text, match.end(), usage)


def _violation(paragraph: Paragraph, text: str, start: int, end: int, left: str, right: str) -> Violation:
    a, b = paragraph.span(start, end)
    cut = paragraph.span(start, start + len(left))[1]
    return Violation(
        a,
        b,
        f"words run together: '{text[start:end]}' should probably be '{left} {right}' "
        "(or a lost line break between them)",
        Fix(cut, cut, " ", safe=False),
    )


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [joined_words]
