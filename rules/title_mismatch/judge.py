"""Judging one title phrase against the knowledge base, at the article's date."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from newslint.knowledge import Knowledge, Office, Term, title_key

from .phrases import Phrase
from .wording import attributive, case_like, codes_text, possessive, preview, rewrite

# 1979"): never a date finding, only a wrong country.
REGNAL = frozenset(
    "king queen pope emperor empress emir amir sultan prince princess crown prince grand duke "
    "grand duchess reigning prince sovereign prince monarch druk gyalpo agong "
    "yang di-pertuan agong paramount ruler".split(" ")
) | {"crown prince", "grand duke", "grand duchess", "reigning prince", "sovereign prince",
     "druk gyalpo", "yang di-pertuan agong", "paramount ruler"}
# Titles too general to read as a title without a country before them ("opposition leader").
GENERIC = frozenset(
    ["leader", "head of state", "head of government", "monarch", "de facto leader", "interim leader",
     "party chief", "party leader", "communist party leader", "communist party chief", "military ruler",
     "junta leader", "junta chief", "senior general", "chief", "head", "premier", "pm", "general secretary",
     "chief executive", "chief adviser", "chief advisor", "spokesman", "spokeswoman", "spokesperson",
     "press secretary", "managing director", "director-general", "director general", "king", "queen",
     "prince", "emir", "amir", "sultan"]
)
# Words before a title that set it in the past: "under President Clinton", "when Prime
# Minister Tony Blair visited".
HISTORICAL_CUES = frozenset({"under", "during", "when", "while", "until"})
# A title given to someone who left office longer ago than this reads as history.
HISTORY = _dt.timedelta(days=10 * 365)
YEAR = re.compile(r"\b(1[89][0-9]{2}|20[0-9]{2})(s?)\b")

@dataclass(frozen=True)
class Verdict:
    """What is wrong with a phrase: the message and the rewritten modifiers, form and title."""

    message: str
    replacement: str | None


def window(document, margin_days: int) -> tuple[_dt.date, _dt.date, _dt.date]:
    """Return the article's date and the window a term must touch to count as 'at that date'."""
    day = document.date
    dated = document.front_matter.get("date") is not None
    margin = _dt.timedelta(days=0 if dated else max(0, margin_days))
    return day, day - margin, day + margin


def _overlaps(term: Term, lo: _dt.date, hi: _dt.date) -> bool:
    # An open term is assumed to run on: the data cannot say it ended after `checked`.
    return term.start <= hi and (term.end is None or term.end >= lo)


def _covers(term: Term, lo: _dt.date, hi: _dt.date) -> bool:
    return term.start <= lo and hi <= term.last_certain()



def judge(knowledge: Knowledge, phrase: Phrase, day: _dt.date, lo: _dt.date, hi: _dt.date) -> Verdict | None:
    """Return what is wrong with the phrase, or None when it is right or cannot be judged."""
    if len(phrase.people) != 1:
        return None  # unknown, or a surname shared by several people: never guess
    (person,) = phrase.people
    key = title_key(phrase.title)
    offices = knowledge.titles.get(key, [])
    if phrase.codes is not None:
        offices = [o for o in offices if o.country in phrase.codes]
    if not offices:
        return None
    if phrase.codes is None and (key in GENERIC or (
            phrase.title[:1].islower() and not (phrase.trailing or phrase.apposition))):
        return None  # "opposition leader X", "the company's president X"
    held = [(o, t) for o, t in knowledge.terms_of.get(person, []) if o in offices]
    if not held:
        return _never_held(knowledge, phrase, person, offices, day, lo, hi)
    if not all(o.single for o, _ in held):
        return None  # several holders at once: the list may be incomplete, so dates prove nothing
    if key in REGNAL:
        return None  # a king or pope keeps the style in history
    terms = [t for _, t in held]
    if _dated_by_context(phrase.context, terms):
        return None  # "In 1986 President Reagan...": the title of the time
    if modifier_is_current(phrase) and all(t.end is not None and t.end < lo - HISTORY for t in terms):
        return None  # "the attempt on Prime Minister Thatcher's life": history, not a stale title
    what = phrase.title.lower() if phrase.title[:1].isupper() else phrase.title
    modifier = phrase.modifier
    if modifier in ("acting",):
        return None
    if phrase.elect or modifier == "incoming":
        if all(t.end is not None and t.end < lo for t in terms):
            last = max(t.end for t in terms if t.end is not None)
            return Verdict(f"{phrase.name} already left office as {what} on {last.isoformat()}", None)
        return None
    if modifier in (None, "outgoing"):
        if any(_overlaps(t, lo, hi) for t in terms):
            return None
        if all(t.end is not None and t.end < lo for t in terms):
            if phrase.cue in HISTORICAL_CUES:
                return None  # "under President Clinton": the title of the time
            last = max(t.end for t in terms if t.end is not None)
            replacement = rewrite(phrase, modifier_text="former")
            now = _office_then(knowledge, person, {office.country for office, _ in held}, lo, hi)
            return Verdict(
                f"{person} left office as {what} on {last.isoformat()}, before this article's date "
                f"({day.isoformat()}){now}: {preview(phrase, replacement)}",
                replacement,
            )
        first = min(t.start for t in terms)
        return Verdict(
            f"{person} only became {what} on {first.isoformat()}, after this article's date ({day.isoformat()})",
            None,
        )
    if modifier in ("former", "late"):
        if any(_covers(t, lo, hi) for t in terms):
            replacement = rewrite(phrase, modifier_text="")
            return Verdict(
                f"{person} is still {what} at this article's date ({day.isoformat()}), not a former one: "
                f"{preview(phrase, replacement)}",
                replacement,
            )
        if all(t.start > hi for t in terms):
            first = min(t.start for t in terms)
            return Verdict(f"{person} only became {what} on {first.isoformat()}, after this article's date ({day.isoformat()})", None)
        return None
    if modifier == "then":
        if all(t.start > hi for t in terms):
            first = min(t.start for t in terms)
            return Verdict(f"{person} only became {what} on {first.isoformat()}, after this article's date ({day.isoformat()})", None)
    return None


def modifier_is_current(phrase: Phrase) -> bool:
    """Return whether the phrase claims the title at the article's date."""
    return phrase.modifier in (None, "outgoing") and not phrase.elect


def _office_then(knowledge: Knowledge, person: str, countries: set[str], lo: _dt.date, hi: _dt.date) -> str:
    """Return ", and was foreign secretary then" when the person held another office of those countries."""
    for office, term in knowledge.terms_of.get(person, []):
        if office.country in countries and office.single and _covers(term, lo, hi):
            return f", and was {office.titles[0].lower()} then"
    return ""


def _dated_by_context(context: str, terms: list[Term]) -> bool:
    """Return whether the sentence names a year (or decade) that falls in one of the terms."""
    for match in YEAR.finditer(context):
        year = int(match.group(1))
        last_year = year + 9 if match.group(2) else year
        for term in terms:
            end = (term.end or _dt.date.max).year
            if year <= end and last_year >= term.start.year:
                return True
    return False


def _never_held(knowledge: Knowledge, phrase: Phrase, person: str, offices: list[Office],
                day: _dt.date, lo: _dt.date, hi: _dt.date) -> Verdict | None:
    """Judge a person the knowledge base knows but never as holder of the stated office."""
    if phrase.elect or phrase.modifier in ("acting", "incoming"):
        return None  # a future or stop-gap holder the files may not list yet
    codes = phrase.codes
    if codes is None:
        # A bare title ("Foreign Secretary X") names a country only when one country has it.
        codes = frozenset(o.country for o in offices)
        if len(codes) != 1:
            return None
    if " " not in phrase.name:
        return None  # "US President Carter": a surname alone may be someone the files do not know
    own = knowledge.terms_of.get(person, [])
    if any(knowledge.is_organisation(c) for c in codes):
        return None  # organisations elect people from anywhere; the lists may be out of date
    countries = {o.country for o, _ in own if not knowledge.is_organisation(o.country)}
    if countries and not countries & codes:
        if phrase.codes is None:
            return None  # "Foreign Secretary X" for a foreigner: maybe another country's, unlisted
        return _other_country(knowledge, phrase, person, own, day, lo, hi)
    if not countries & codes or phrase.modifier is not None:
        return None
    # Same country, another office: only certain when one person holds the stated office
    # and the files say who it was for the whole window.
    for office in offices:
        if not office.single or office.covered_from is None or office.checked is None:
            return None
        if lo < office.covered_from or hi > office.checked:
            return None
        if not office.holder_on(day):
            return None
    current = [(o, t) for o, t in own if o.country in codes and _covers(t, lo, hi)]
    holder = offices[0].holder_on(day)[0].person
    what = phrase.title.lower() if phrase.title[:1].isupper() else phrase.title
    if len(current) == 1:
        office = current[0][0]
        title = case_like(office.titles[0], phrase.title)
        replacement = rewrite(phrase, title=title)
        return Verdict(
            f"{person} was {office.titles[0].lower() if phrase.title[:1].isupper() else office.titles[0]} "
            f"at this article's date ({day.isoformat()}), not {what} ({holder} was): "
            f"{preview(phrase, replacement)}",
            replacement,
        )
    return Verdict(f"{person} was never {what} ({holder} was, at this article's date, {day.isoformat()})", None)


def _other_country(knowledge: Knowledge, phrase: Phrase, person: str, own: list[tuple[Office, Term]],
                   day: _dt.date, lo: _dt.date, hi: _dt.date) -> Verdict:
    """A person given a title of a country they never held office in."""
    key = title_key(phrase.title)
    candidates = [(o, t) for o, t in own if not knowledge.is_organisation(o.country)]
    same_title = [(o, t) for o, t in candidates if key in {title_key(x) for x in o.titles}]
    pool = same_title or candidates
    current = [(o, t) for o, t in pool if _overlaps(t, lo, hi)]
    office, term = (current or sorted(pool, key=lambda ot: ot[1].start))[-1]
    verb = "is" if current and (term.end is None or term.end >= hi) else "was"
    if same_title:
        title = phrase.title
        role = title.lower() if title[:1].isupper() else title
        claim = f"{possessive(knowledge, office.country)} {role}, not {codes_text(knowledge, phrase.codes)}"
    else:
        title = case_like(office.titles[0], phrase.title)
        role = office.titles[0].lower() if phrase.title[:1].isupper() else office.titles[0]
        written = phrase.title.lower() if phrase.title[:1].isupper() else phrase.title
        claim = f"{possessive(knowledge, office.country)} {role}, not {codes_text(knowledge, phrase.codes)} {written}"
    modifier = None if current else "former"
    if phrase.modifier is not None:
        modifier = None
    replacement = rewrite(phrase, form=attributive(knowledge, office.country, phrase.form), title=title,
                           modifier_text=modifier)
    return Verdict(f"{person} {verb} {claim}: {preview(phrase, replacement)}", replacement)

