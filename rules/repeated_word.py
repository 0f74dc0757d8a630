"""NL204 repeated-word: the same word twice in a row (``the the``)."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator, Mapping, Sequence
from itertools import compress, repeat
from typing import Any, NamedTuple

from newslint import patterns
from newslint.deletion import deletion
from newslint.document import Document, Paragraph
from newslint.finding import Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule
from newslint.words import MONTHS, WEEKDAYS, WORD

# Repeats that are good English: past perfect (had had), a conjunction before a
# demonstrative (that that), and reduplication for emphasis, in speech, in chants and
# in interjections (very very, no no, bye bye, hip hip, tsk tsk, yum yum, ha ha).
DEFAULT_ALLOW = (
    "had",
    "that",
    "very",
    "really",
    "no",
    "ha",
    "bye",
    "blah",
    "tut",
    "yeah",
    "knock",
    "chop",
    "bang",
    "hush",
    "ho",
    "la",
    "hip",
    "tsk",
    "yum",
    "boo",
    "oh",
    "ah",
    "ooh",
    "er",
    "erm",
    "um",
    "uh",
    "hear",
    "ta",
    "choo",
    "chin",
    "wow",
    "hey",
    "beep",
    "boom",
    "tick",
    "woof",
    "baa",
    "cha",
    "ding",
    "bling",
    "pom",
    "tom",
    "bla",
    "hubba",
    "chow",
    "mahi",
)

# Words whose doubling is a slip whatever their case: 'The The', 'the The', 'Of Of'.
_CLOSED_CLASS = frozenset(
    """the a an and or but nor of in on at to for from by with into onto as is are was were
    be been it its this these those he she they we you his their our my your not if than
    then when while which who whose""".split()
)

# A capitalised word that doubles as a name or a title (May May, Will Will, Duran
# Duran) is only judged when the article itself uses it alone, mid-sentence, and never
# as a person's name; months, weekdays and modals are names and dates too often.
_NAME_VERBS = frozenset(
    "said says told tells has had have was is added admitted argued claimed denied insisted "
    "explained warned wrote will would could can may might".split()
)
_NEVER_JUDGED = frozenset((*MONTHS, *WEEKDAYS, "Will", "Can", "May", "Must", "Shall", "Might"))

# Reduplications that are English only in their own place: 'Now now, calm down',
# 'Well well well', 'There there, don't cry' open a clause and are followed by
# punctuation; 'far far away', 'far far more'; 'it was so so' (so-so).
_CLAUSE_OPENERS = frozenset("now well there".split())
_AFTER_FAR = frozenset(
    "away from more less too better worse beyond greater bigger off behind ahead longer higher lower outside".split()
)
_BEFORE_SO_SO = frozenset("is was were are been be seemed seems looked looks felt feels only pretty just".split())

# A preposition left at the end of a clause may meet the one that starts the next
# phrase: 'waiting for for years', 'placed in in the past'. Allowed when the second
# one starts a time expression.
_STRANDABLE = frozenset("for in on at from with about since until by over".split())
_TIME_AFTER = patterns.compile(
    r"\s+(?:\d|the (?:past|future|end|meantime|first|last|next)\b|years?\b|months?\b|weeks?\b|days?\b"
    r"|decades?\b|hours?\b|minutes?\b|seconds?\b|ages\b|time\b|recent\b|a while\b|(?:Jan|Febr)uary\b|March\b"
    r"|April\b|May\b|June\b|July\b|August\b|September\b|October\b|November\b|December\b"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|spring\b|summer\b|autumn\b|winter\b)"
)
_PREPOSITIONS = frozenset("to of in on at for with from by about into like".split())
# The verbs that can strand a preposition before a time phrase are verbs: -ing, -ed,
# or a phrasal verb below ('came in in 2004'); 'expected on on 5 May' is not caught.

# A particle of a phrasal verb before a preposition: 'log in in the morning', 'carry on
# on the night', 'stepped in in May'. The verbs, as stems: inflections are undone.
_PARTICLES = frozenset("in on over through around by".split())
_PHRASAL_VERBS = frozenset(
    """log sign check come came step join move fill hand turn lock cave weigh pitch chip drop
    break broke kick sit sat stay tune zoom plug carry keep kept hold held take took pass
    hang hung set put run ran look pick show shut sell sold stand stood call catch caught cut
    grow grew let make made pay paid pull push send sent throw threw work go went get got
    give gave bring brought walk fit cash clock opt pour sink sank slip sneak wade bow buy
    bought phone ring rang dial fall fell roll blow blew boil burn calm cheer clean dress eat
    ate fight fought hurry mix own pile shake shook shoot shot speak spoke sum tidy use wrap
    write wrote finish head start play settle lie lay laid ease wear wore fade bottle close
    open cool warm slow speed sum hit beat""".split()
)

# A year written twice after a word ('in 2019 2019'): numbers are otherwise left alone
# (scores, tables, 6-4 6-4), but a year repeated inside a sentence is a slip. Not
# before a hyphen, dash, slash or another number ('2019 2019-20', '1999 1999/2000', a
# table's row of years: 'Sales 2019 2019 2020'). The pattern opens with the literal
# space before the year and looks back for the word only after the year has matched:
# a pattern that opens with a look-behind is tried at every character of the text.
_DOUBLED_YEAR = patterns.compile(
    r" ((?:1[5-9]|20)\d\d)(?<=[^\W\d_] \d{4})[ \t]+\1(?![\w\-\u2013\u2014/]|[.,]\d|[ \t]+\d)"
)

# 'the can can hold', 'his will will be read': a noun that is also a modal.
_MODAL_NOUNS = frozenset("can will must".split())
_DETERMINERS = frozenset(
    "the a an this that each every any no one his her its their our your my whose old new last empty".split()
)

# Allowed words whose pair is grammar, not reduplication: never three in a row.
_GRAMMATICAL_PAIRS = frozenset("had that".split())
# What no demonstrative 'that' can stand before: 'that that the plan', 'that that he'
# are slips, 'that that old man' and 'that that one' are English.
_NOT_AFTER_THAT = frozenset("the a an this these those his her its their our my your i he she it we they you".split())

# 'what it is is', 'all it was was': a pseudo-cleft subject ends in a copula.
_COPULAS = frozenset("is was".split())
_CLEFT_HEADS = frozenset("what all who where how why whatever".split())

# 'gave her her coat': the object pronoun, then the possessive, after a verb that takes
# two objects; 'in her her car' and 'explained her her injury' are slips.
_TWO_OBJECT_VERBS = frozenset(
    """give gave given hand show shown send sent tell told bring brought buy bought offer lend
    lent pass pay paid promise owe wish teach taught cost earn win won get got make made grant
    deny denied award allow refuse save cook read write wrote written sing sang throw threw
    ask leave left find found fetch pour serve sell sold spare""".split()
)


def _symbol_glued(text: str, words: list[str]) -> bool:
    """True when a symbol inside a token may hide two of the same word in a row.

    ``words`` is ``bare_words(text)`` (``Document.bare_words``). Pairs of whole bare
    words, equal or glued by a mark, are judged by ``_doubled_paragraphs`` for the whole
    document; this reads only the tokens that screen cannot split.
    """
    # A symbol that bare_words does not strip may cling to the word: an emoji, ©, ™, a
    # dash typed '--' ('😀the the', 'said--the the'). The few tokens that are not ASCII
    # or hold '--' are read word by word. A digit elsewhere in the token ('3😀the') does
    # not rule it out: the word scan leaves only a word glued straight to a digit.
    if text.isascii() and "--" not in text:
        return False
    odd = map(operator.or_, map(operator.not_, map(str.isascii, words)), map(operator.contains, words, repeat("--")))
    for i in compress(range(len(words)), odd):
        token = words[i]
        # A token that is one word ('it’s', 'café') was compared whole by the screen; its
        # neighbours that are not are read from their own side.
        if WORD.fullmatch(token):
            continue
        parts = WORD.findall(token)
        if not parts:
            continue
        if i + 1 < len(words) and parts[-1] == next(iter(WORD.findall(words[i + 1])), None):
            return True
        if i and parts[0] == next(reversed(WORD.findall(words[i - 1])), None):
            return True
    return False


def _glued_pair(first: str, second: str) -> bool:
    """True when two bare words in a row may end and start with the same word.

    Equal (``plan plan.``), or one is the other glued after or before a mark inside the
    token (``x(the the``, ``concerns.The the``, ``the the)x``): bare_words strips marks
    only at a token's edges, and the word scan reads the words on each side of such a mark.
    """
    if first == second:
        return True
    if not first or not second:
        return False
    # A digit elsewhere in the token ('5(the the') does not rule the pair out: the word
    # scan leaves only a word glued straight to a digit ('x2', '3rd'), and a screen that
    # dropped more would make the verdict depend on the rest of the paragraph.
    if len(first) > len(second) and first.endswith(second):
        return not first[-len(second) - 1].isalnum()
    if len(second) > len(first) and second.startswith(first):
        return not second[len(first)].isalnum()
    return False


class _Token(NamedTuple):
    """One word of a paragraph: where it is, as written, and in lower case.

    A named tuple, not a frozen dataclass: a paragraph that passes the screen makes one
    per word, and a tuple is made several times faster.
    """

    start: int
    end: int
    text: str
    lower: str


def _stem_in(word: str, stems: frozenset[str]) -> bool:
    """Return True when ``word`` is an inflection (-s, -es, -ed, -ing) of one of ``stems``."""
    if word in stems:
        return True
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            base = word[: -len(suffix)]
            if base in stems or base + "e" in stems:
                return True
            if len(base) > 2 and base[-1] == base[-2] and base[:-1] in stems:
                return True  # logged, stepped, plugging
    return False


def _tokens(text: str) -> list[_Token]:
    """Return the words of a paragraph (letters with inner apostrophes and hyphens)."""
    return [_Token(*m.span(), word := m.group(), word.lower()) for m in WORD.finditer(text)]


def _joined(text: str, left: _Token, right: _Token) -> bool:
    """True when only white space (a line break too) stands between two words."""
    gap = text[left.end : right.start]
    return bool(gap) and gap.isspace()


def _glued_to_digits(text: str, token: _Token) -> bool:
    """True for a word stuck to a digit or underscore (x2, 3rd, foo_bar): not prose."""
    before = text[token.start - 1] if token.start else " "
    after = text[token.end] if token.end < len(text) else " "
    return before.isdigit() or before == "_" or after.isdigit() or after == "_"


class _CapitalUsage:
    """How the article uses each capitalised word when it stands alone mid-sentence.

    Built once per document, on the first capitalised pair, in one pass over the words.
    """

    def __init__(self, document: Document) -> None:
        self.alone: set[str] = set()
        self.named: set[str] = set()
        for paragraph in document.paragraphs:
            text = paragraph.text
            tokens = _tokens(text)
            for i in range(1, len(tokens)):
                token, prev = tokens[i], tokens[i - 1]
                if not (token.text[0].isupper() and token.text[1:].islower()):
                    continue
                gap = text[prev.end : token.start]
                if gap not in (" ", ", ") or not prev.text[0].islower():
                    continue  # only mid-sentence uses show a word's own use
                nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                if prev.lower == token.lower or (nxt and _base(nxt.lower) == token.lower):
                    continue
                if nxt and nxt.lower in _NAME_VERBS and _joined(text, token, nxt):
                    self.named.add(token.text)
                else:
                    self.alone.add(token.text)

    def judged_a_slip(self, word: str) -> bool:
        """True when the article uses ``word`` on its own, as a word and not a name."""
        return word not in _NEVER_JUDGED and word in self.alone and word not in self.named


def _base(word: str) -> str:
    """Return a word without its possessive ending: duran's -> duran."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _previous(tokens: Sequence[_Token], text: str, i: int) -> _Token | None:
    """Return the word before ``tokens[i]`` in the same clause (white space between), if any."""
    if i == 0 or not _joined(text, tokens[i - 1], tokens[i]):
        return None
    return tokens[i - 1]


def _legitimate(
    document: Document,
    text: str,
    tokens: Sequence[_Token],
    i: int,
    allowed: frozenset[str],
    usage: list[_CapitalUsage],
) -> bool:
    """Judge the pair ``tokens[i]``, ``tokens[i + 1]`` by its own neighbourhood."""
    first, second = tokens[i], tokens[i + 1]
    word = second.lower
    if (len(first.text) > 1 and first.text.isupper()) or (len(second.text) > 1 and second.text.isupper()):
        return True  # abbreviations and shouting: TK TK is a placeholder, US us is not a repeat
    if word == "i":
        return False  # 'I I was not consulted': the pronoun is one letter, not letter-spacing
    nxt_word = tokens[i + 2].lower if i + 2 < len(tokens) and _joined(text, second, tokens[i + 2]) else ""
    if word == "that" and nxt_word in _NOT_AFTER_THAT and "that" in allowed:
        return False  # 'sure that that this government': a demonstrative takes no determiner
    if word in allowed:
        return True
    if (
        first.text[0].isupper()
        and second.text.islower()
        and word in _MODAL_NOUNS | {"may"}
        and _previous(tokens, text, i) is None
    ):
        return True  # 'May may yet survive', 'Will will stay': a name opening the sentence, then the verb
    if second.text[0].isupper():
        if word in _CLOSED_CLASS:
            # 'The The plan', 'in the The', 'of The The Times' are slips; both capitalised
            # after a word of the same sentence, and no capital after, a name: 'fans of
            # The The queued'.
            previous = _previous(tokens, text, i)
            following = tokens[i + 2] if i + 2 < len(tokens) and _joined(text, second, tokens[i + 2]) else None
            return (
                first.text[0].isupper()
                and previous is not None
                and previous.text.islower()
                and not (following is not None and following.text[0].isupper())
            )
        if not first.text[0].isupper():
            return True
        # Names and titles (Duran Duran, Bora Bora, May May, law lord Lord Bingham) are
        # left alone unless the article uses the word alone inside sentences, as a word:
        # 'British British Casino' in a story about a British casino.
        if not usage:
            usage.append(_CapitalUsage(document))
        return not usage[0].judged_a_slip(second.text)
    previous = _previous(tokens, text, i)
    if first.text[0].isupper() and previous is not None and word not in _CLOSED_CLASS:
        return True  # a name, then the common noun, inside a sentence: 'the Old Town town hall'
    before = previous.lower if previous else ""
    nxt = tokens[i + 2] if i + 2 < len(tokens) and _joined(text, second, tokens[i + 2]) else None
    after = text[second.end : second.end + 1]
    if word in _CLAUSE_OPENERS:
        return not previous and after in ",.!?;:…"  # 'Now now, ...', 'There there.'
    if word == "far":
        return nxt is not None and (nxt.lower in _AFTER_FAR or nxt.lower.endswith("er"))
    if word == "so":
        return before in _BEFORE_SO_SO and not nxt  # 'it was so so.'
    # A verb is in lower case: 'Beijing on on Monday' has no verb before the pair. A
    # phrasal verb may open its sentence, capitalised ('Log in in the morning').
    verb_before = previous is not None and (
        (previous.text.islower() and (before.endswith(("ing", "ed")) or _stem_in(before, _PHRASAL_VERBS)))
        or (previous.text[1:].islower() and _previous(tokens, text, i - 1) is None and _stem_in(before, _PHRASAL_VERBS))
    )
    if word in _STRANDABLE and verb_before and _TIME_AFTER.match(text, second.end):
        return True
    if word in ("this", "these", "those") and before in _PREPOSITIONS and nxt:
        return True  # 'Add to this this new law'
    if word in _PARTICLES and nxt and verb_before and _stem_in(before, _PHRASAL_VERBS):
        return True  # 'log in in the morning', not 'it comes in in, with'
    if word in _MODAL_NOUNS and before in _DETERMINERS:
        return True  # 'the can can hold'
    if word in _COPULAS | {"do"} and any(t.lower in _CLEFT_HEADS for t in tokens[max(0, i - 6) : i]):
        return True  # 'what it is is', 'what ministers do do is'
    if word == "her" and before and _stem_in(before, _TWO_OBJECT_VERBS):
        return True  # 'gave her her coat'
    # Letter-spaced text (s p a c e d, b o o k) doubles single letters by design.
    if len(word) == 1 and ((previous and len(previous.text) == 1) or (nxt and len(nxt.text) == 1)):
        return True
    return False


def _run_is_a_slip(text: str, tokens: Sequence[_Token], i: int, allowed: frozenset[str]) -> bool:
    """True when a run of three or more copies of ``tokens[i]`` cannot be meant.

    A chant (spend spend spend), the allowed words, abbreviations in capitals (TK TK TK)
    and letter-spaced text stay; the good English of a pair (log in in, had had) makes no
    good English of three.
    """
    word = tokens[i]
    if word.lower in _GRAMMATICAL_PAIRS:
        return True  # 'had had' and 'that that' are English; three of them are not
    if word.lower in allowed or (len(word.text) > 1 and word.text.isupper()):
        return False
    if len(word.text) == 1 and word.lower != "a":
        return False  # letter-spaced: s s s
    if word.lower in _CLOSED_CLASS:
        return True
    previous = _previous(tokens, text, i)
    return previous is not None and previous.text.islower() and previous.lower in _DETERMINERS


def _joined_pair(text: str) -> list[re.Match[str]] | None:
    """Return the paragraph's word matches when two in a row are the same word with only
    white space between (the start of every run the scan below reports), else None.

    Most paragraphs that pass the bare-word screen hold only a pair split by punctuation
    ('it. It'): told apart at C speed, before any token is made.
    """
    matches = list(WORD.finditer(text))
    lowered = list(map(str.lower, map(re.Match.group, matches)))
    equal = bytes(map(operator.eq, lowered, lowered[1:]))
    at = equal.find(1)
    while at >= 0:
        gap = text[matches[at].end() : matches[at + 1].start()]
        if gap and gap.isspace():
            return matches
        at = equal.find(1, at + 1)
    return None


def _paragraph_violations(
    document: Document, paragraph: Paragraph, allowed: frozenset[str], usage: list[_CapitalUsage]
) -> Iterator[Violation]:
    text = paragraph.text
    matches = _joined_pair(text)
    if matches is None:
        return
    tokens = [_Token(*m.span(), word := m.group(), word.lower()) for m in matches]
    i, count = 0, len(tokens)
    while i < count - 1:
        # The run of the same word from i: two is a candidate; three or more may be a
        # chant (spend spend spend, go go go), but not a function word (the the the) nor
        # a noun after a determiner (the plan plan plan): one slip, one finding for the
        # extra copies. One pass, so 'TK TK TK ...' stays linear.
        j = i
        while j + 1 < count and tokens[j + 1].lower == tokens[i].lower and _joined(text, tokens[j], tokens[j + 1]):
            j += 1
        if j > i and not any(_glued_to_digits(text, t) for t in tokens[i : j + 1]):
            if j == i + 1:
                slip = not _legitimate(document, text, tokens, i, allowed, usage)
            else:
                slip = _run_is_a_slip(text, tokens, i, allowed)
            if slip:
                # Of 'had had had' one copy goes: 'had had' is English.
                keep = 2 if j > i + 1 and tokens[i].lower in _GRAMMATICAL_PAIRS else 1
                yield _violation(document, paragraph, tokens[i : j + 1], keep)
        i = j + 1 if j > i else i + 1


def _violation(document: Document, paragraph: Paragraph, run: Sequence[_Token], keep: int = 1) -> Violation:
    """Report a run of one word, deleting all but its first ``keep`` copies."""
    message = f"repeated word: '{' '.join(t.text for t in run)}'"
    return deletion(document, paragraph, run[keep - 1].end, run[keep].start, run[-1].end, message)


@rule(
    "NL204",
    "repeated-word",
    summary="The same word twice in a row, as in 'the the'.",
    severity="warning",
    options={"allow": list(DEFAULT_ALLOW)},
)
def repeated_word(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Finds a word written twice in a row with only white space between, whatever its
    case (``the the``, ``The the``), wherever it stands: at a sentence start, before a
    full stop or comma (``the plan plan.``), after an opening quotation mark or bracket
    (``"the the``, ``(the the``), across a line break inside a paragraph, but never
    across paragraphs, and after an emoji or a symbol (``😀the the``). The span is the
    second word, which the fix deletes with the white space before it. A function word
    written three times or more (``the the the``), or a word so written after a
    determiner (``the plan plan plan``), is one finding spanning the extra copies, which
    the fix deletes, leaving one (two of ``had had had`` and ``that that that``, whose
    pair is English). ``I I`` is reported, and ``that that`` before a determiner or a
    subject (``sure that that this plan``, ``that that he``). Each pair is judged by its
    own neighbourhood (the words around it), never by what else the file holds, except
    for capitalised pairs below.

    It leaves alone:
    - repeats that are good English: the ``allow`` list (had had, that that, very
      very, no no, and reduplicated words and interjections: bye bye, hip hip, tsk tsk,
      yum yum, ha ha, chow chow ...);
    - a noun that is also a modal after a determiner (``the can can hold``, ``his will
      will be read``), and a name opening the sentence before the modal (``May may yet
      survive``); an object pronoun before the possessive (``gave her her coat``, but
      not ``in her her car``); a pseudo-cleft (``what it is is``, ``all it was was``,
      ``what they do do is``); a phrasal verb's particle before a preposition (``log in
      in the morning``, also opening a sentence: ``Carry on on the day``); a preposition
      ending a clause before one starting a time phrase (``waiting for for years``); a
      demonstrative after a preposition (``add to this this law``);
    - other runs of three or more (a chant: spend spend spend, go go go), letter-spaced
      text (``s p a c e d``),
      abbreviations in capitals (TK TK is a placeholder's business), numbers (scores,
      tables), except a year written twice after a word (``in 2019 2019``), which is
      reported like a word;
    - a capitalised pair (Duran Duran, Bora Bora, May May, Will Will, law lord Lord
      Bingham) unless the word is a function word opening a sentence (``The The plan``,
      ``Of Of``, ``of The The Times``; after a word of its sentence and before no
      capital, ``fans of The The queued`` is a band) or the
      article uses it alone inside sentences as a word and never as a person's name
      (``British British Casino`` in a story that writes ``a British casino``); months,
      weekdays and modals are never judged so; a capitalised word inside a sentence
      before the same word in lower case, a name and its common noun (``the Old Town
      town hall``), unless the word is a function word.

    Why it matters:
    Doubled words are the typo that proofreading eyes skip most easily.

    Example:
    ``The minister said the the plan was sound.``

    Use instead:
    ``The minister said the plan was sound.``

    Options:
    ``allow``: words that may be repeated (compared in lower case). Default: had, that,
    very, really, no, so, ha, bye, far, well, now, there, blah, tut, yeah, knock, chop,
    bang, hush, ho, la, and the interjections and reduplicated words listed in
    ``DEFAULT_ALLOW`` (hip, tsk, yum, boo, oh, chow, mahi ...).

    Known problems:
    A slip that makes a grammatical repeat (``what it is is`` typed for ``what it is``)
    is missed. A modal noun after a modifier (``a tin can can cost``) is reported: the
    shape is the same as ``the agency can can act``'s.
    """
    # A doubled year needs ' ' and a digit: one C-speed search of the joined prose finds
    # the paragraphs that can hold one (NUL between paragraphs is neither a space nor
    # part of a word or number, so no match crosses it, and a match in a paragraph is
    # one in the joined prose).
    joined = document.joined
    years = {joined.locate(match.start())[0] for match in _DOUBLED_YEAR.finditer(joined.text)}
    doubled = _doubled_paragraphs(document)
    allowed: frozenset[str] | None = None
    usage: list[_CapitalUsage] = []  # built on the first capitalised pair, if any
    paragraphs = document.paragraphs
    for number in sorted(doubled | years):
        paragraph = paragraphs[number]
        if number in doubled:
            if allowed is None:
                allowed = frozenset(str(word).lower() for word in options["allow"])
            yield from _paragraph_violations(document, paragraph, allowed, usage)
        for match in _DOUBLED_YEAR.finditer(paragraph.text) if number in years else ():
            year = match.group(1)
            second = match.end() - len(year)
            yield deletion(document, paragraph, match.end(1), second, match.end(), f"repeated year: '{year} {year}'")


def _doubled_paragraphs(document: Document) -> set[int]:
    """Return the numbers of the paragraphs that may hold a word written twice in a row.

    Most paragraphs hold no two equal words in a row: a C-speed screen of their bare
    words (made once a document, shared with repeated-phrase) rules them out before any
    is looked at word by word. It passes every pair the word scan would find ('plan
    plan.', '(the the'). It is done for the whole document at once: its paragraphs'
    bare words in one list hold every pair of neighbours of each paragraph's list, and
    only the few equal pairs found are placed in their paragraphs (a pair across a
    paragraph break is none). Only paragraphs that are not ASCII or hold '--' are then
    read on their own, for a symbol clinging to a word.
    """
    flat, separator = document.bare_word_stream
    following = flat[1:]
    # Equal neighbours, and neighbours one of which ends or starts with the other (a word
    # glued to another by a mark inside the token: 'x(the the'); _glued_pair decides the few.
    maybe = bytes(map(operator.or_, map(str.endswith, flat, following), map(str.startswith, following, flat)))
    found: set[int] = set()
    number, counted = 0, 0  # the paragraph of flat[counted]: the separators before it
    at = maybe.find(1)
    while at >= 0:
        number += flat[counted:at].count(separator)
        counted = at
        # A pair across a paragraph break holds the separator: it is none.
        if flat[at] != separator and flat[at + 1] != separator and _glued_pair(flat[at], flat[at + 1]):
            found.add(number)
        at = maybe.find(1, at + 1)
    prose = document.joined.text
    if not prose.isascii() or "--" in prose:
        for number, (paragraph, words) in enumerate(zip(document.paragraphs, document.bare_words)):
            text = paragraph.text
            if number not in found and not (text.isascii() and "--" not in text) and _symbol_glued(text, words):
                found.add(number)
    return found


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [repeated_word]
