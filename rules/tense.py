"""NL501 tense: the present perfect with a finished past time ("On Thursday, X has said")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from newslint import patterns, words
from newslint.document import PROSE_KINDS
from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.quotation import MASK, masker
from newslint.rule import Rule, rule
from newslint.words import irregular_verbs

# Words ending in -ed that are not past participles after "has".
NOT_PARTICIPLES = frozenset(
    "hundred indeed sacred naked wicked kindred rugged ragged jagged beloved bed red shed "
    "need speed seed feed breed creed deed weed greed steed bleed proceed succeed exceed "
    "wed sled".split()
) - {"shed"}
_EE_PARTICIPLES = frozenset("agreed freed decreed guaranteed disagreed refereed".split())

# Adverbs that may stand between the auxiliary and the participle.
ADVERBS = (
    "also|already|now|just|since|finally|reportedly|allegedly|apparently|recently|previously|"
    "repeatedly|publicly|formally|officially|effectively|reluctantly|quietly|initially|"
    "originally|once|all|both|each|successfully|suddenly|briefly|again|even|still|"
    "not|never|n't"
)
NEGATIONS = frozenset({"not", "never", "n't"})
WEEKDAYS = "|".join(words.WEEKDAYS)
MONTHS = "|".join(words.MONTHS)
NUMBERS = (
    "[Aa]|[Aa]n|[Oo]ne|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|few|several|many|\\d+"
)

# Words and marks after which a time phrase no longer belongs to the verb before it.
STOPS_AFTER = frozenset(
    """that what which who whom whose when where why how whether if because after before
    since until till as while whilst and but or nor so than though although will would could
    should can may might must shall is are was were be being has have had do does did he she
    they we i you said says told tell for""".split()
)
# Words between a sentence-opening time phrase and the verb that put the verb in
# another clause.
STOPS_BEFORE = frozenset(
    """that who whom which whose when where while whilst after before because since until as
    if though although and but or said says told say tell announced added claimed according
    what how why whether once""".split()
)
# Words before a time phrase that make it a period reaching now, a future, or a part of
# a noun phrase: "since Monday", "until Friday", "next Monday", "the last week".
STOP_PREVIOUS = frozenset(
    """since until till by from before after for the this next every each of between
    than""".split()
)

# Participles whose object carries its own time ("has forecast gains in 2004", "has
# planned a vote on Monday"): a time after them is not when the verb happened.
FORWARD = frozenset(
    """forecast predicted projected expected planned scheduled promised pledged vowed
    budgeted targeted set proposed called urged demanded warned threatened announced
    declared deemed named designated earmarked""".split()
)
_BARE_END = patterns.compile(r"\s*(?:[,.;]|that\b|$)")

# Words before a participle that make it attributive ("a sustained rally") rather than
# a modifier after a noun ("the level recorded in 2016").
_DETERMINERS = frozenset(
    "a an the this that these those his her its their our my your some any no each every another".split()
)
# Participles that are also everyday nouns ("a tax cut last year", "the bid on Monday",
# "the second set on Friday"): a verb only after a subject ("the record it set").
NOUN_FORMS = frozenset(
    """bet bid burst cost cut forecast hit hurt let put quit read run set shed shot shut
    split spread upset wound won left drunk come become overcome""".split()
)
# Nouns after which "set" is the participle: "the record set in 2016".
SET_OBJECTS = frozenset(
    """record records target targets standard standards benchmark benchmarks limit limits
    deadline deadlines precedent precedents goal goals""".split()
)
# Verbs of comparison, whose object is a standard ("has surpassed the turnout ..."), and
# nouns that name a measure of a period: after such an object, "in 2016" names the
# period measured ("the total turnout in 2016"), not when the comparison happened.
COMPARATIVES = frozenset(
    """surpassed exceeded passed topped outstripped overtaken eclipsed matched equalled
    equaled bettered outpaced beaten""".split()
)
MEASURES = frozenset("turnout turnouts total totals level levels figure figures tally tallies average averages".split())
_YEAR = patterns.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_ADVERB_WORDS = frozenset(ADVERBS.split("|"))

WORDS_AFTER = 4  # words allowed between the participle and a following time phrase
WORDS_BEFORE = 12  # words allowed between a sentence-opening time phrase and the verb


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # Case matters: "Saturday Night Takeaway" is a title, "Saturday night" a time.
    perfect = patterns.compile(
        rf"(?P<aux>[Hh]as|[Hh]ave|[Hh]asn['’]t|[Hh]aven['’]t|['’]ve)"
        rf"(?P<adverbs>(?:\s+(?:{ADVERBS}))*)\s+(?P<participle>[a-z]+)(?![\w'’-])"
    )
    time = patterns.compile(
        rf"""(?<![\w'’-])(?P<phrase>
            [Yy]esterday
          | [Ll]ast\s+(?:night|week|weekend|month|year|summer|winter|spring|autumn|season|{WEEKDAYS}|{MONTHS})
          | (?P<on>[Oo]n\s+)?(?:{WEEKDAYS})(?:\s+(?:morning|afternoon|evening|night))?
          | [Ii]n\s+(?:(?:{MONTHS})\s+)?(?P<year>1[89]\d\d|20\d\d)
          | (?:{NUMBERS})\s+(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centuries|century)\s+ago
        )(?![\w'’-])""",
        re.VERBOSE,
    )
    return perfect, time


_WORD = patterns.compile(r"[\w'’-]+")
_HARD_STOP = patterns.compile(rf"[;:()\[\]—–\"“”{MASK}]|\s-\s")


def _is_participle(word: str) -> bool:
    lower = word.lower()
    if lower in irregular_verbs():
        return True
    if not lower.endswith("ed") or len(lower) < 4 or lower in NOT_PARTICIPLES:
        return False
    return not lower.endswith("eed") or lower in _EE_PARTICIPLES


def _past(participle: str, aux: str, subject_word: str) -> str | None:
    lower = participle.lower()
    if lower == "been":
        return "was" if aux.lower() == "has" or subject_word.lower() == "i" else "were"
    irregular = irregular_verbs()
    if lower in irregular:
        return irregular[lower]
    return lower  # regular: the simple past is the participle


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _time_ok(text: str, match: re.Match[str], year: int) -> bool:
    """Return True when the time phrase names a finished past time, not a period or future."""
    after = text[match.end() : match.end() + 2]
    if after[:1] in "'’" and after[1:2].lower() == "s":  # "Monday's vote": a noun phrase
        return False
    before = _words(text[max(0, match.start() - 30) : match.start()])
    if before and (before[-1] in STOP_PREVIOUS or before[-1].endswith(("'s", "’s"))):
        return False  # "since Monday", "the last week", "Ant's Saturday ..."
    found = match.group("year")
    return not found or int(found) < year


# After "to", these words make it a preposition ("spoke to him"), not an infinitive
# ("refused to say what happened"), which would start another verb's clause.
_TO_OBJECTS = frozenset("him her them us me you it the a an his their its our my your this that these those".split())


def _clean_between(between: str, stops: frozenset[str], limit: int, commas: bool) -> bool:
    if _HARD_STOP.search(between) or (not commas and "," in between):
        return False
    words = _words(between)
    if len(words) > limit or any(w in stops for w in words):
        return False
    # An infinitive ("to say", or "to" as the last word before the time) starts a clause.
    return all(word != "to" or (i + 1 < len(words) and words[i + 1] in _TO_OBJECTS) for i, word in enumerate(words))


@rule(
    "NL501",
    "tense",
    severity="warning",
    summary="Present perfect with a finished past time: 'has refused on Thursday' for 'refused'.",
)
def tense(document, options) -> Iterator[Violation]:
    """What it does:
    Reports a verb in the present perfect ("has refused", "have been arrested") whose
    clause also names a finished past time: "yesterday", "last week", "on Thursday",
    "Thursday", "in 2019" (a year before the article's date), "two days ago". It
    suggests the simple past ("refused", "were arrested") as an unsafe fix when the
    past form is known (regular verbs, and a table of irregular ones; none for negated
    verbs). Text between quotation marks is skipped: quoted speech is verbatim.

    The time must belong to that verb: it opens the sentence and nothing between it
    and the verb starts another clause ("On Thursday, Mr Putin has refused"), or it
    follows the participle within a few words, with no infinitive, conjunction,
    relative or reported clause in between ("has refused on Thursday"). Not reported:
    periods that reach the present ("has been closed since Thursday", "has fallen for
    two days", "over the last week", "in the past year"); "this week", "earlier this
    week", "today", "this morning", which in British usage still take the perfect
    because the period has not ended; a time that belongs to another verb ("has refused
    to say what happened on Thursday", "has said the vote will be on Monday"); modal
    perfects ("could have happened yesterday"); possessives ("Monday's vote has shown").
    It also leaves alone a time that belongs to a verb standing after the perfect's
    object: a participle after a noun ("has passed the level recorded in 2016", "has
    doubled from the figures seen in 2019", "has beaten the target set in 2019"), or the
    verb of a clause with its own subject ("has matched the record it set two years ago",
    "has said the bill passed on Monday"); and a year after a measure that a verb of
    comparison takes as its standard ("has surpassed the total turnout in 2016", where
    "in 2016" dates the turnout: surpass, exceed, pass, top, overtake, match, beat ...
    with turnout, total, level, figure, tally, average).

    Why it matters:
    The present perfect presents an event as part of the present; a finished time
    ("on Thursday") puts it in the past. Together they read as translated English, a
    common slip in wire copy and in drafts rewritten from a "has said" lead.

    Example:
    ``On Thursday, the minister has refused to comment.``

    Use instead:
    ``On Thursday, the minister refused to comment.``

    Options:
    None.

    Known problems:
    Ownership is judged from word shapes, not a parse. A participle that is also an
    everyday noun ("a tax cut", "the bid", "the second set") counts as a verb only
    after "it" ("the record it set") or, for "set", after a record, target or the like,
    so "the record Bolt set in 2009" is still reported. A participle after an adjective
    is read as after a noun ("has returned home injured on Monday" is not reported). A
    comparison with a measure is judged by the year alone: "has exceeded the total in
    2016", meant as when it was exceeded, is missed, while "has passed the million mark
    in 2016" and "has broken records in 2004" are reported. Gerunds ("has denied
    taking bribes in 2016") are not read as owning the time.
    """
    perfect, time = _patterns()
    year = document.date.year
    mask = None
    for paragraph in document.paragraphs:
        if paragraph.kind not in PROSE_KINDS:
            continue
        text = paragraph.text
        # Cheap tests first: a word that can start a time phrase (a few literal
        # searches), then a perfect (found by literal search); most paragraphs stop here.
        if not _maybe_time(text):
            continue
        verbs = list(_verbs(perfect, text))
        if not verbs:
            continue
        plain = None
        verb_starts = [v.start() for v in verbs]
        for sentence in document.sentences_of(paragraph):
            # By bisection: a scan of every verb per sentence is quadratic in one long paragraph.
            inside = verbs[bisect_left(verb_starts, sentence.start) : bisect_left(verb_starts, sentence.end)]
            if not inside:
                continue
            raw = text[sentence.start : sentence.end]
            if not _maybe_time(raw):
                continue
            times = list(time.finditer(raw))
            if not times:
                continue
            if plain is None:
                if mask is None:
                    mask = masker(document)
                plain = mask(paragraph)
            chunk = plain[sentence.start : sentence.end]
            times = [m for m in times if chunk[m.start()] != MASK and _time_ok(chunk, m, year)]
            if not times:
                continue
            clause = _Clause(chunk, times)
            for verb in inside:
                local = perfect.match(chunk, verb.start() - sentence.start)
                if local is None:  # the verb is quoted (masked)
                    continue
                found = _belongs(clause, local)
                if found is not None:
                    yield _violation(paragraph, sentence.start, chunk, local, found)


def _maybe_time(text: str) -> bool:
    """Return False when no time phrase can be in ``text`` (a fast literal test)."""
    return "day" in text or "ast " in text or " ago" in text or "n 1" in text or "n 2" in text


def _verbs(perfect: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Yield the present perfects of ``text`` (auxiliary, adverbs, participle), in order."""
    # str.find on literal prefixes is many times faster than letting the pattern scan.
    # Every auxiliary the pattern knows opens with one of these (has, have, hasn't,
    # haven't, 've): 'ha' alone would stop at every 'that', 'what' and 'had'.
    hits = []
    for prefix in ("has", "hav", "Has", "Hav", "'ve", "’ve"):
        at = text.find(prefix)
        while at >= 0:
            if at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_'’-") or prefix[0] in "'’":
                match = perfect.match(text, at)
                if match is not None and _is_participle(match.group("participle")):
                    hits.append(match)
            at = text.find(prefix, at + 2)
    hits.sort(key=lambda m: m.start())
    yield from hits


def _modal_before(chunk: str, verb: re.Match[str]) -> bool:
    before = _words(chunk[max(0, verb.start() - 20) : verb.start()])
    return bool(before) and before[-1] in {
        "will",
        "would",
        "could",
        "should",
        "might",
        "may",
        "must",
        "shall",
        "can",
        "to",
        "cannot",
        "'d",
        "’d",
        "not",
        "never",
    }


_HARD_CHAR = patterns.compile(rf"[;:()\[\]—–\"“”{MASK}]")
_SPACED_DASH = patterns.compile(r"(?<=\s)-(?=\s)")


class _Clause:
    """One sentence's text with the positions that decide whether two spans share a clause.

    ``_clean_between`` on every (verb, time) pair would rescan the text between them: in
    a long sentence with many of both, time quadratic or worse. The positions of words,
    hard stops and commas, found once, answer the monotone questions (too many words, a
    stop in between) by bisection, and the text between is read only when they pass.
    """

    def __init__(self, chunk: str, times: list[re.Match[str]]) -> None:
        self.chunk = chunk
        self.times = times
        self.time_starts = [m.start() for m in times]
        self.words = [m.start() for m in _WORD.finditer(chunk)]
        self.hard = [m.start() for m in _HARD_CHAR.finditer(chunk)]
        self.dashes = [m.start() for m in _SPACED_DASH.finditer(chunk)]
        self.commas = [m.start() for m in re.finditer(",", chunk)]
        # A time before the verb counts only when it opens the sentence (after "![(" and
        # white space): only the first time phrase can.
        lead = len(chunk) - len(chunk.lstrip(" \t\r\n![("))
        self.opening = times[0] if times[0].start() == lead else None

    @staticmethod
    def _any(positions: list[int], start: int, end: int) -> bool:
        return start < end and bisect_left(positions, end) > bisect_left(positions, start)

    def blocked(self, start: int, end: int, commas: bool) -> bool:
        """Return whether ``chunk[start:end]`` holds a hard stop (or a comma, unless allowed)."""
        # A spaced dash needs its white space inside the span, as _HARD_STOP sees it there.
        return (
            self._any(self.hard, start, end)
            or self._any(self.dashes, start + 1, end - 1)
            or (not commas and self._any(self.commas, start, end))
        )

    def word_count(self, start: int, end: int) -> int:
        """Return how many words ``chunk[start:end]`` holds (no word runs into ``start``)."""
        return max(0, bisect_left(self.words, end) - bisect_left(self.words, start))


def _belongs(clause: _Clause, verb: re.Match[str]) -> re.Match[str] | None:
    """Return the time phrase that belongs to ``verb``'s clause, if any."""
    chunk = clause.chunk
    aux = verb.group("aux").lower()
    if aux.startswith("have") and _modal_before(chunk, verb):
        return None
    if aux in ("'ve", "’ve") and _modal_before(chunk, verb):  # would've, could've
        return None
    opening = clause.opening
    if opening is not None and opening.end() <= verb.start() and not _bare_weekday(opening):
        start, end = opening.end(), verb.start()
        if (
            not clause.blocked(start, end, commas=True)
            and clause.word_count(start, end) <= WORDS_BEFORE
            and _clean_between(chunk[start:end], STOPS_BEFORE, WORDS_BEFORE, commas=True)
        ):
            return opening
    if verb.group("participle").lower() in FORWARD:
        return None
    for found in clause.times[bisect_left(clause.time_starts, verb.end()) :]:
        start, end = verb.end(), found.start()
        # Both tests only get worse for later times: stop looking.
        if clause.blocked(start, end, commas=False) or clause.word_count(start, end) > WORDS_AFTER:
            break
        between = chunk[start:end]
        if not _clean_between(between, STOPS_AFTER, WORDS_AFTER, commas=False):
            continue
        if _bare_weekday(found) and not (between.strip() == "" and _BARE_END.match(chunk, found.end())):
            continue  # "has deemed Tuesday a day of action"; only "has said Tuesday that"
        if _taken_between(verb, between, found):
            continue
        return found
    return None


def _taken_between(verb: re.Match[str], between: str, found: re.Match[str]) -> bool:
    """Return whether the time phrase after ``between`` belongs to something in it, not to ``verb``."""
    # ``between`` is at most WORDS_AFTER words long: this is constant work per pair.
    names = _WORD.findall(between)
    if not names:
        return False
    last = names[-1]
    if verb.group("participle").lower() in COMPARATIVES and last in MEASURES:
        # "has surpassed the total turnout in 2016"; not "the 2016 total last week",
        # whose noun is dated already.
        return found.group("year") is not None and _YEAR.search(between) is None
    return _modifier(names)


def _modifier(names: list[str]) -> bool:
    """Return whether the last of ``names`` is a verb after a noun or subject, which owns the time."""
    # A participle after a noun ("the level recorded"), or a clause's verb after its
    # subject ("the record it set", "the bill passed").
    last = names[-1]
    if last != last.lower() or not _is_participle(last):  # "has met Prince Alfred"
        return False
    # Adverbs may stand before the participle ("the stake quietly sold"); what stands
    # before them decides. None left means the perfect's own participle: "has been
    # (heavily) criticised" is a passive, not a modifier.
    at = len(names) - 2
    while at >= 0 and (names[at].lower() in _ADVERB_WORDS or names[at].lower().endswith("ly")):
        at -= 1
    if at < 0:
        return False
    head = names[at].lower()
    if last in NOUN_FORMS:
        return head == "it" or (last == "set" and head in SET_OBJECTS)
    # After a determiner the participle is attributive; after another participle it is
    # a complement of the verb chain ("has been elected unopposed", "left stranded").
    return head not in _DETERMINERS and not _is_participle(head)


def _bare_weekday(found: re.Match[str]) -> bool:
    phrase = found.group("phrase")
    return phrase[:1] in "MTWFS" and found.group("on") is None


def _violation(paragraph, offset: int, chunk: str, verb: re.Match[str], found: re.Match[str]) -> Violation:
    aux = verb.group("aux")
    adverbs = verb.group("adverbs").split()
    participle = verb.group("participle")
    start, end = paragraph.span(offset + verb.start(), offset + verb.end())
    when = " ".join(found.group("phrase").split())
    negated = aux.lower().endswith(("n't", "n’t")) or any(a.lower() in NEGATIONS for a in adverbs)
    subject = _words(chunk[max(0, verb.start() - 20) : verb.start()])
    past = None if negated or aux[:1].isupper() else _past(participle, aux.rstrip("'’"), subject[-1] if subject else "")
    verb_text = " ".join(verb.group().split())
    if past is None:
        message = f"present perfect '{verb_text}' with a finished past time ('{when}'): use the simple past"
        return Violation(start, end, message)
    replacement = " ".join([*adverbs, past])
    if aux[:1] in "'’":
        replacement = " " + replacement  # "They've agreed" -> "They agreed"
    message = f"present perfect '{verb_text}' with a finished past time ('{when}'): use the simple past '{replacement.strip()}'"
    return Violation(start, end, message, Fix(start, end, replacement, safe=False))


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [tense]
