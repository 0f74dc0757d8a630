"""Judging one title phrase against the knowledge base, at the article's date.

A phrase names a country (or none), a title and a name. The name may stand for several
known people ("George Bush"); each is judged, and the phrase is reported only when none
of them fits. For one person the questions are, in order: did they hold the stated
office (then: at the article's date?), or another office of the country named, or only
offices of other countries.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from newslint import patterns
from newslint.knowledge import Knowledge, Office, Term, name_keys, title_key

from .phrases import Phrase
from .titles import COURTESY, FAMILY_OF, GENERIC, HEADS, NATIONAL, REGNAL, role
from .wording import attributive, case_like, codes_text, country_name, possessive, rewrite

# Words before a title that set it in the past: "under President Clinton", "when Prime
# Minister Tony Blair visited".
HISTORICAL_CUES = frozenset({"under", "during", "when", "while", "until"})
# A title given to someone who left office longer ago than this reads as history.
HISTORY = _dt.timedelta(days=10 * 365)
YEAR = patterns.compile(r"\b(1[89][0-9]{2}|20[0-9]{2})(s?)\b")
SENTENCE_BREAK = patterns.compile(r"[.!?](?=[\s\"'”’)\]]|$)")
# At most this many of a name's candidates are spelt out in one message.
MAX_CANDIDATES = 3

OfficeTerm = tuple[Office, Term]


@dataclass(frozen=True)
class Verdict:
    """What is wrong with a phrase, and the modifiers, form and title rewritten (None: no fix)."""

    claim: str
    replacement: str | None = None
    current: bool = False  # the suggestion names an office held at the article's date


@dataclass(frozen=True)
class Window:
    """The article's date, the days around it that count as 'at that date', and the handover margin.

    ``lo``..``hi`` is the article's date widened by the undated margin; ``handover``
    widens it again on each side for claims about term boundaries (news copy keeps a
    title for some days around a handover, and sources date handovers differently).
    """

    day: _dt.date
    lo: _dt.date
    hi: _dt.date
    handover: _dt.timedelta = _dt.timedelta(0)

    @property
    def early(self) -> _dt.date:
        """Return the first day a term boundary may fall on without a finding."""
        return self.lo - self.handover

    @property
    def late(self) -> _dt.date:
        """Return the last day a term boundary may fall on without a finding."""
        return self.hi + self.handover

    def may_hold(self, term: Term) -> bool:
        """Return whether the term may cover the article's date (an open term runs on)."""
        return term.start <= self.late and (term.end is None or term.end >= self.early)

    def surely_holds(self, term: Term) -> bool:
        """Return whether the term certainly covers the article's date, margins included."""
        return term.start <= self.early and self.late <= term.last_certain()

    def ended_before(self, term: Term) -> bool:
        """Return whether the term certainly ended before the article's date."""
        return term.end is not None and term.end < self.early

    def starts_after(self, term: Term) -> bool:
        """Return whether the term certainly began after the article's date."""
        return term.start > self.late


def window(document, margin_days: int, handover_days: int = 0) -> Window:
    """Return the article's window: exact for the article's own date, else ``margin_days`` around it."""
    day = document.date
    margin = _dt.timedelta(days=0 if document.dated else max(0, margin_days))
    return Window(day, day - margin, day + margin, _dt.timedelta(days=max(0, handover_days)))


class Article:
    """What the article itself says about the people it names: whom it names in full, and who holds what.

    A surname alone ("Mr Blair") is taken for a known person only when the article names
    that person in full somewhere ("Tony Blair"): otherwise it may be anyone of that name,
    a US President Johnson of the 1960s as well as Boris Johnson.
    """

    def __init__(self, document, phrases: tuple[Phrase, ...] = ()) -> None:
        self.document = document
        self.phrases = phrases  # every title phrase of the article
        self._given: dict[tuple[frozenset[str], str], set[str]] | None = None
        self._named: dict[str, bool] = {}

    def gives_holder(self, phrase: Phrase, offices: list[Office], w: Window) -> bool:
        """Return whether a phrase gives the same title, of the same country, to its holder at the date.

        "French President Emmanuel Macron met French President Nicolas Sarkozy": beside
        the office's holder then, a predecessor long gone given the bare title is no
        piece of history but a stale title.
        """
        if self._given is None:
            # Once an article: who is given each title of each country, with no modifier.
            self._given = {}
            for other in self.phrases:
                if other.codes is not None and modifier_is_current(other) and not other.trailing:
                    if not other.surname_only:
                        key = (other.codes, title_key(other.title))
                        self._given.setdefault(key, set()).update(other.people)
        people = self._given.get((phrase.codes, title_key(phrase.title))) if phrase.codes is not None else None
        if not people:
            return False
        return any(t.person in people and w.surely_holds(t) for office in offices for t in office.terms)

    def names_in_full(self, knowledge: Knowledge, person: str) -> bool:
        """Return whether the article writes one of the person's spellings of two or more words."""
        if person not in self._named:
            words = self.document.words
            text = self.document.joined.text
            spellings = [s for s in (person, *knowledge.people.get(person, ())) if " " in s]
            # The first word as a whole word is a cheap filter before the substring search.
            self._named[person] = any(s.split()[0].rstrip(".") in words and s in text for s in spellings)
        return self._named[person]


def judge(knowledge: Knowledge, phrase: Phrase, w: Window, article: Article | None = None) -> Verdict | None:
    """Return what is wrong with the phrase, or None when it is right or cannot be judged."""
    if not phrase.people:
        return None  # nobody the knowledge base knows: never guess
    key = title_key(phrase.title)
    if key in COURTESY:
        return None  # "Prince Charles": a style, not an office
    stated = stated_offices(knowledge, phrase.codes, key)
    if phrase.codes is None and (
        not stated or key in GENERIC or (phrase.title[:1].islower() and not (phrase.trailing or phrase.apposition))
    ):
        return None  # "opposition leader X", "the company's president X"
    people, identified = phrase.people, not phrase.surname_only
    if not identified:
        # A one-word name is someone's whole name (Akihito, Willem-Alexander), or a
        # surname the article spells out elsewhere ("Tony Blair ... Mr Blair").
        # A one-word name the files give the person (King Felipe, King Abdullah for
        # Abdullah II) is as good as a whole name.
        confirmed = frozenset(
            p
            for p in people
            if " " not in p
            or knowledge.goes_by(p, phrase.name)
            or (article is not None and article.names_in_full(knowledge, p))
        )
        if confirmed:
            people, identified = confirmed, True
    verdicts: list[Verdict] = []
    for person in sorted(people):
        verdict = _judge_person(knowledge, phrase, person, key, stated, w, identified, article)
        if verdict is None:
            return None  # this candidate fits, or nothing certain can be said of them
        verdicts.append(verdict)
    return _combine(verdicts)


@dataclass(frozen=True)
class _Titles:
    """The offices under each title, by country: built once per knowledge base."""

    by_country: dict[str, dict[str, tuple[Office, ...]]]  # title key -> country -> offices
    ids: dict[str, frozenset[int]]  # title key -> ids of every office under it
    countries: dict[str, frozenset[str]]  # title key -> countries with an office under it


@lru_cache(maxsize=8)
def _titles(knowledge: Knowledge) -> _Titles:
    by_country: dict[str, dict[str, list[Office]]] = {}
    for key, offices in knowledge.titles.items():
        for office in offices:
            by_country.setdefault(key, {}).setdefault(office.country, []).append(office)
    return _Titles(
        {key: {c: tuple(o) for c, o in found.items()} for key, found in by_country.items()},
        {key: frozenset(id(o) for o in offices) for key, offices in knowledge.titles.items()},
        {key: frozenset(found) for key, found in by_country.items()},
    )


def stated_offices(knowledge: Knowledge, codes: frozenset[str] | None, key: str) -> list[Office]:
    """Return the offices a title names: the country's under that title, else under a title of its family."""
    index = _titles(knowledge)
    if codes is None:
        return knowledge.titles.get(key, [])
    found = index.by_country.get(key, {})
    named = [o for c in codes for o in found.get(c, ())]
    if named or key not in FAMILY_OF:
        return named
    family: dict[int, Office] = {}
    for other in FAMILY_OF[key]:
        for code in codes:
            for office in index.by_country.get(other, {}).get(code, ()):
                family[id(office)] = office
    return list(family.values())


def _judge_person(
    knowledge: Knowledge,
    phrase: Phrase,
    person: str,
    key: str,
    stated: list[Office],
    w: Window,
    identified: bool,
    article: Article | None = None,
) -> Verdict | None:
    own = knowledge.terms_of.get(person, [])
    # By identity: comparing offices field by field is slow, and a bare title has many.
    ids = _titles(knowledge).ids.get(key, frozenset()) if phrase.codes is None else {id(o) for o in stated}
    held = [(o, t) for o, t in own if id(o) in ids]
    if held:
        return _dates(knowledge, phrase, person, key, held, w, article)
    if not identified:
        return None  # a surname alone, maybe someone else of that name who did hold the office
    return _never_held(knowledge, phrase, person, key, stated, own, w)


def _combine(verdicts: list[Verdict]) -> Verdict:
    """Return one verdict for a name none of whose candidates fits."""
    if len(verdicts) == 1:
        return verdicts[0]
    fixes = {v.replacement for v in verdicts}
    current = [v for v in verdicts if v.current and v.replacement is not None]
    if len(fixes) == 1:
        replacement = fixes.pop()
    elif len(current) == 1:
        replacement = current[0].replacement  # the one in office then is the likelier meaning
    else:
        replacement = None
    claims = [v.claim for v in verdicts[:MAX_CANDIDATES]]
    if len(verdicts) > MAX_CANDIDATES:
        claims.append(f"and {len(verdicts) - MAX_CANDIDATES} more people of that name")
    return Verdict("; ".join(claims), replacement, any(v.current for v in verdicts))


# ---------------------------------------------------------------------------------------
# A person who held the stated office: were they in it at the article's date?


def _dates(
    knowledge: Knowledge,
    phrase: Phrase,
    person: str,
    key: str,
    held: list[OfficeTerm],
    w: Window,
    article: Article | None = None,
) -> Verdict | None:
    if not all(o.single for o, _ in held):
        return None  # several holders at once: the list may be incomplete, so dates prove nothing
    if key in REGNAL:
        return None  # a king or pope keeps the style in history
    terms = sorted((t for _, t in held), key=lambda t: t.start)
    if _dated_by_context(phrase, terms):
        return None  # "In 1986 President Reagan...": the title of the time
    if (
        modifier_is_current(phrase)
        and all(t.end is not None and t.end < w.lo - HISTORY for t in terms)
        and not (article is not None and article.gives_holder(phrase, [o for o, _ in held], w))
    ):
        return None  # "the attempt on Prime Minister Thatcher's life": history, not a stale title
    # A claim that someone was out of office needs the list to be complete then.
    listed = all(o.listed_over(w.early, w.late, w.handover) for o in {id(o): o for o, _ in held}.values())
    what = role(phrase.title)
    day = w.day.isoformat()
    modifier = phrase.modifier
    if modifier == "acting":
        return None
    if phrase.elect or modifier == "incoming":
        if listed and all(w.ended_before(t) for t in terms):
            last = max(t.end for t in terms if t.end is not None)
            return Verdict(f"{phrase.name} already left office as {what} on {last.isoformat()}")
        return None
    first = terms[0].start.isoformat()
    if any(gap[0] < terms[0].start for o, _ in held for gap in o.incomplete):
        # A span the files do not list lies before the first listed term: it may have begun then.
        not_yet = Verdict(
            f"{person} was not yet {what} at this article's date ({day}); the first listed term began on {first}"
        )
    else:
        not_yet = Verdict(f"{person} only became {what} on {first}, after this article's date ({day})")
    if modifier in (None, "outgoing"):
        if any(w.may_hold(t) for t in terms) or not listed:
            return None
        before = [t for t in terms if w.ended_before(t)]
        after = [t for t in terms if w.starts_after(t)]
        if not before:
            return not_yet
        if phrase.cue in HISTORICAL_CUES:
            return None  # "under President Clinton": the title of the time
        replacement = rewrite(phrase, modifier_text="former")
        ended = max(t.end for t in before if t.end is not None).isoformat()
        if after:
            return Verdict(
                f"{person} was out of office as {what} at this article's date ({day}): one term ended on "
                f"{ended}, the next began on {min(t.start for t in after).isoformat()}",
                replacement,
            )
        now = _office_then(knowledge, person, {o.country for o, _ in held}, w)
        return Verdict(
            f"{person} left office as {what} on {ended}, before this article's date ({day}){now}", replacement
        )
    if modifier in ("former", "late"):
        if any(w.surely_holds(t) for t in terms):
            return Verdict(
                f"{person} is still {what} at this article's date ({day}), not a former one",
                rewrite(phrase, modifier_text=""),
            )
        if listed and all(w.starts_after(t) for t in terms):
            return not_yet
        return None
    if modifier == "then" and listed and all(w.starts_after(t) for t in terms):
        return not_yet
    return None


def modifier_is_current(phrase: Phrase) -> bool:
    """Return whether the phrase claims the title at the article's date."""
    return phrase.modifier in (None, "outgoing") and not phrase.elect


def _office_then(knowledge: Knowledge, person: str, countries: set[str], w: Window) -> str:
    """Return ", and was foreign secretary then" when the person held another office of those countries."""
    for office, term in knowledge.terms_of.get(person, []):
        if office.country in countries and office.single and w.surely_holds(term):
            return f", and was {role(office.titles[0])} then"
    return ""


@lru_cache(maxsize=16)
def _year_index(text: str) -> tuple[list[int], list[int], list[tuple[int, int]]]:
    """Return a paragraph's sentence breaks, and the positions and years of the years it names.

    Built once per paragraph, so that the sentence around each of many phrases is found
    by bisection rather than by scanning the paragraph again.
    """
    breaks = [m.start() for m in SENTENCE_BREAK.finditer(text)]
    positions, years = [], []
    for match in YEAR.finditer(text):
        year = int(match.group(1))
        positions.append(match.start())
        years.append((year, year + 9 if match.group(2) else year))
    return breaks, positions, years


# A relative clause after the phrase: what it dates is its own subject, not the title.
_RELATIVE = patterns.compile(r",\s+(?:where|which|who|whose|whom)\b")
_RELATIVE_WINDOW = 300  # characters after the phrase searched for one
_SENTENCE_REACH = 400  # characters either side of a phrase its sentence is read for years


def _dated_by_context(phrase: Phrase, terms: list[Term]) -> bool:
    """Return whether the phrase's sentence names a year (or decade) that falls in one of the terms.

    Years in a relative clause after the phrase ("..., where turnout in 2016 was high")
    do not count: they date the clause's own subject.
    """
    breaks, positions, years = _year_index(phrase.paragraph.text)
    before = bisect_left(breaks, phrase.start)
    start = breaks[before - 1] + 1 if before else 0
    after = bisect_left(breaks, phrase.end)
    end = breaks[after] if after < len(breaks) else len(phrase.paragraph.text)
    # No sentence of news runs longer: a text that never ends one (no full stop in 100 KB)
    # must not make every phrase read every year of it (quadratic).
    start, end = max(start, phrase.start - _SENTENCE_REACH), min(end, phrase.end + _SENTENCE_REACH)
    # "... in Florida, where turnout in 2016 was high": a year past a relative clause's
    # start dates the clause. One search, in a bounded window: linear however many phrases.
    relative = _RELATIVE.search(phrase.paragraph.text, phrase.end, min(end, phrase.end + _RELATIVE_WINDOW))
    if relative is not None:
        end = relative.start()
    for i in range(bisect_left(positions, start), bisect_right(positions, end)):
        year, last_year = years[i]
        for term in terms:
            if year <= (term.end or _dt.date.max).year and last_year >= term.start.year:
                return True
    return False


# ---------------------------------------------------------------------------------------
# A person who never held the stated office


def _never_held(
    knowledge: Knowledge, phrase: Phrase, person: str, key: str, stated: list[Office], own: list[OfficeTerm], w: Window
) -> Verdict | None:
    """Judge a person the knowledge base knows, but never as holder of the stated office."""
    if phrase.elect or phrase.modifier in ("acting", "incoming"):
        return None  # a future or stop-gap holder the files may not list yet
    codes = phrase.codes
    if codes is None:
        # A bare title ("Foreign Secretary X") names a country only when one country has
        # it, or, for a head's title, the country the person leads ("President Rishi Sunak").
        codes = _titles(knowledge).countries.get(key, frozenset())
        if len(codes) != 1:
            codes = _led_country(knowledge, phrase, own, key, w)
            if codes is None:
                return None
            stated = stated_offices(knowledge, codes, key)
    if any(knowledge.is_organisation(c) for c in codes):
        return None  # organisations elect people from anywhere; the lists may be out of date
    national = [(o, t) for o, t in own if not knowledge.is_organisation(o.country)]
    countries = {o.country for o, _ in national}
    if countries & codes:
        if phrase.modifier is not None:
            return None
        if stated:
            return _other_office(knowledge, phrase, person, stated, national, codes, w)
        if key in HEADS:
            return _no_such_office(knowledge, phrase, person, national, codes, w)
        return None  # "Israeli Finance Minister X" for an Israeli: an office the files do not list
    if phrase.codes is None:
        return None  # "Foreign Secretary X" for a foreigner: maybe another country's, unlisted
    if not stated and key not in NATIONAL:
        return None  # "Ukrainian mayor X": a mayor in Ukraine, not an office of the country
    # A person of other countries is proof enough; one the files know only from
    # organisations may hold a national office they do not list.
    if not countries and not contradicted(knowledge, phrase, stated, codes, key, w):
        return None
    return _other_country(knowledge, phrase, person, national or own, key, w)


# Bare titles judged by the country the person leads at the article's date: titles of
# heads that no party, club, company or international body gives before a sitting
# leader's name without its own name first ("UMP President Nicolas Sarkozy").
_LEADERS_TITLES = frozenset({"president", "prime minister"})
# Capitalised words that stand before a bare title only because a sentence starts there.
_OPENERS = frozenset(
    """The A But And Then When While After Before Since As Once If Although Though Because
    Under With Without For From To By At In On Of During Until Later Earlier Yesterday
    Today Tonight Tomorrow Now Meanwhile However Also So Yet Still Even Only Both Here
    There This That These Those Why How What Where Who""".split()
)


def _led_country(
    knowledge: Knowledge, phrase: Phrase, own: list[OfficeTerm], key: str, w: Window
) -> frozenset[str] | None:
    """Return the one country whose head the person surely is at the article's date, for a bare title.

    Only for "President" or "Prime Minister" written capitalised before the name, with no
    capitalised word before the title but one that opens sentences (``EU President``,
    ``Fidesz President``: another body's office), and only when the person heads one
    country and holds no office of an organisation then (a European Commission president
    who led a country before).
    """
    if key not in _LEADERS_TITLES or not phrase.written_title[:1].isupper():
        return None
    if phrase.trailing or phrase.apposition or phrase.of_country or phrase.modifier is not None:
        return None
    before = phrase.paragraph.text[max(0, phrase.start - 40) : phrase.start].split()
    if before and before[-1][:1].isupper() and before[-1][-1:].isalnum() and before[-1] not in _OPENERS:
        return None  # a capitalised word before the title, and no comma or colon between
    led = set()
    for office, term in own:
        if knowledge.is_organisation(office.country):
            if w.may_hold(term):
                return None
        elif w.surely_holds(term) and any(title_key(t) in HEADS for t in office.titles):
            led.add(office.country)
    if len(led) != 1 or not _has_heads(knowledge, next(iter(led))):
        return None
    return frozenset(led)


def contradicted(
    knowledge: Knowledge, phrase: Phrase, stated: list[Office], codes: frozenset[str], key: str, w: Window
) -> bool:
    """Return whether the stated office is known not to be held by anyone of the written name.

    True when the named country has no such office at all (a head of state or government
    title, and the files list the country's heads), or when every stated office is a
    single one whose holders the files list completely at the article's date and none of
    them bears the name.
    """
    if not stated:
        return key in HEADS and all(_has_heads(knowledge, c) for c in codes)
    for office in stated:
        if not office.single or not office.listed_over(w.early, w.late, w.handover):
            return False
        if office.checked is None or w.late > office.checked or not office.holder_on(w.day):
            return False  # after `checked` the holder is not known
        for term in office.terms:
            if w.may_hold(term) and _bears(knowledge, term.person, phrase):
                return False
    return True


def _bears(knowledge: Knowledge, person: str, phrase: Phrase) -> bool:
    """Return whether the written name may be this person's: a known spelling, or words of one."""
    if person in phrase.people:
        return True
    written = set(name_keys(phrase.name))
    for spelling in (person, *knowledge.people.get(person, ())):
        words = {key for word in spelling.split() for key in name_keys(word)}
        if all(any(k in words for k in name_keys(word)) for word in phrase.name.split()):
            return True
        if written & set(name_keys(spelling)):
            return True
    return False


@lru_cache(maxsize=8)
def _head_countries(knowledge: Knowledge) -> frozenset[str]:
    return frozenset(o.country for o in knowledge.offices.values() if any(title_key(t) in HEADS for t in o.titles))


def _has_heads(knowledge: Knowledge, code: str) -> bool:
    """Return whether the files list offices of this country's head of state or government."""
    return not knowledge.is_organisation(code) and code in _head_countries(knowledge)


def _other_office(
    knowledge: Knowledge,
    phrase: Phrase,
    person: str,
    stated: list[Office],
    national: list[OfficeTerm],
    codes: frozenset[str],
    w: Window,
) -> Verdict | None:
    """The person's own country, but an office they never held ("Foreign Secretary David Blunkett")."""
    if not contradicted(knowledge, phrase, stated, codes, title_key(phrase.title), w):
        return None  # only certain when the files say who held the stated office then
    current = [(o, t) for o, t in national if o.country in codes and w.surely_holds(t)]
    holder = stated[0].holder_on(w.day)[0].person
    what = role(phrase.title)
    day = w.day.isoformat()
    if len(current) == 1:
        office = current[0][0]
        return Verdict(
            f"{person} was {role(office.titles[0])} at this article's date ({day}), not {what} ({holder} was)",
            rewrite(phrase, title=case_like(office.titles[0], phrase.title)),
            True,
        )
    return Verdict(f"{person} was never {what} ({holder} was, at this article's date, {day})")


def _no_such_office(
    knowledge: Knowledge, phrase: Phrase, person: str, national: list[OfficeTerm], codes: frozenset[str], w: Window
) -> Verdict | None:
    """The person's own country, which has no office of that title ("German Prime Minister")."""
    mine = [(o, t) for o, t in national if o.country in codes]
    if not mine:
        return None
    office, term, tense = _pick(knowledge, mine, w)
    country = country_name(knowledge, office.country)
    missing = f"{country[:1].upper()}{country[1:]} has no {role(phrase.title)}"
    if tense == "future":
        return Verdict(
            f"{missing}; {person} only became its {role(office.titles[0])} on {term.start.isoformat()}, "
            f"after this article's date ({w.day.isoformat()})"
        )
    title = case_like(office.titles[0], phrase.title)
    if tense == "present":
        return Verdict(f"{missing}; {person} is its {role(office.titles[0])}", rewrite(phrase, title=title), True)
    return Verdict(
        f"{missing}; {person} was its {role(office.titles[0])}",
        rewrite(phrase, title=title, modifier_text="former" if phrase.modifier is None else None),
    )


def _pick(knowledge: Knowledge, pool: list[OfficeTerm], w: Window) -> tuple[Office, Term, str]:
    """Return the office to suggest: one held at the date, else the last before, else the first after."""
    current = [ot for ot in pool if w.may_hold(ot[1])]
    if current:
        # A head of state's or government's office before a minister's.
        heads = [ot for ot in current if any(title_key(t) in HEADS for t in ot[0].titles)]
        office, term = _latest(knowledge, heads or current)
        return office, term, "present"
    past = [ot for ot in pool if ot[1].start <= w.late]
    if past:
        office, term = _latest(knowledge, past)
        return office, term, "past"
    future = min(pool, key=lambda ot: ot[1].start)
    return future[0], future[1], "future"


def _latest(knowledge: Knowledge, pool: list[OfficeTerm]) -> OfficeTerm:
    """Return the office begun last, in the principal country where several countries share it."""
    last = max(pool, key=lambda ot: ot[1].start)
    return _principal(knowledge, [ot for ot in pool if ot[0].key == last[0].key])


def _principal(knowledge: Knowledge, tied: list[OfficeTerm]) -> OfficeTerm:
    """Return, of one person's terms in one kind of office, the one in the country the files know best.

    A monarch of several realms (Charles III: the United Kingdom, Canada, Tuvalu ...) is
    suggested as the king of the country with the most offices listed, not of the realm
    listed last or made a realm last. In that country, the term begun last.
    """
    if len(tied) == 1:
        return tied[0]
    offices: dict[str, int] = {}
    for country, _ in knowledge.offices:
        offices[country] = offices.get(country, 0) + 1
    return max(tied, key=lambda ot: (offices.get(ot[0].country, 0), ot[1].start))


def _other_country(
    knowledge: Knowledge, phrase: Phrase, person: str, pool: list[OfficeTerm], key: str, w: Window
) -> Verdict:
    """A person given a title of a country they never held office in."""
    family = FAMILY_OF.get(key, frozenset({key}))
    same_title = [(o, t) for o, t in pool if family & {title_key(x) for x in o.titles}]
    office, term, tense = _pick(knowledge, same_title or pool, w)
    if same_title and not any(w.may_hold(t) for _, t in same_title) and any(w.may_hold(t) for _, t in pool):
        office, term, tense = _pick(knowledge, pool, w)  # the office held at the date, not the one held before
        same_title = []
    whose = possessive(knowledge, office.country)
    written = codes_text(knowledge, phrase.codes or frozenset())
    if same_title:
        title = phrase.title
        claim = f"{whose} {role(title)}, not {written}"
    else:
        title = case_like(office.titles[0], phrase.title)
        claim = f"{whose} {role(office.titles[0])}, not {written} {role(phrase.title)}"
    if tense == "future":
        return Verdict(
            f"{person} was never {written} {role(phrase.title)}, and only became {whose} "
            f"{role(office.titles[0] if not same_title else phrase.title)} on {term.start.isoformat()}, "
            f"after this article's date ({w.day.isoformat()})"
        )
    present = tense == "present"
    verb = "is" if present and (term.end is None or term.end >= w.hi) else "was"
    if present:
        modifier = "" if phrase.modifier in ("former", "late") else None
    else:
        modifier = "former" if phrase.modifier is None else None
    replacement = rewrite(
        phrase,
        form=(
            country_name(knowledge, office.country)
            if phrase.of_country
            else attributive(knowledge, office.country, phrase.form, phrase.cue == "the")
        ),
        title=title,
        modifier_text=modifier,
    )
    return Verdict(f"{person} {verb} {claim}", replacement, present)
