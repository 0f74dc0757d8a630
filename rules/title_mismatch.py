"""NL301 title-mismatch: a person given a title they did not hold, or not at the article's date."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.knowledge import HONORIFICS, PARTICLES, Knowledge, Office, Term, alternation, load, title_key
from newslint.rule import Rule, rule

# Words that say when the title applied; they change what the date check expects.
MODIFIERS = {
    "former": "former", "ex": "former", "late": "late", "then": "then", "acting": "acting",
    "outgoing": "outgoing", "incoming": "incoming", "interim": "acting", "caretaker": "acting",
}
# Lower-case words that make a following title part of a longer one (deputy prime minister).
COMPOUNDING = frozenset(
    "shadow deputy vice assistant junior under lord first second chief honorary party club "
    "university company board college school union federation association league committee "
    "council bank foundation institute society chamber student former-".split()
)
# Regnal titles stay with their holders in history ("Pope John Paul II visited Poland in
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
CALENDAR = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December".split()
)
# How to write a country before a title when a fix names it (else the first demonym-like form).
ATTRIBUTIVE = {"US": "US", "GB": "British", "UN": "UN", "EU": "EU", "NATO": "NATO", "VA": "Vatican"}
DEMONYM_END = re.compile(r"(?:an|ese|ish|i|ch|sh|ic|ek|ss|ai|ot)$")
NAME_TOKEN = re.compile(r"[^\W\d_][\w’'\-]*\.?")
SENTENCE_END = ".!?:;"
SPACES = " \u00a0\t\r\n"  # a hard-wrapped paragraph breaks lines inside a title phrase
OPENERS = "\"'“‘(["
APOSTROPHES = ("'s", "’s")


@dataclass
class Phrase:
    """A title given to a name, as found in one paragraph (local offsets)."""

    paragraph: object
    start: int  # the reported span
    end: int
    fix_start: int  # the part a fix rewrites: modifiers, form and title (not the name)
    fix_end: int
    modifier: str | None
    form: str | None
    codes: frozenset[str] | None
    title: str
    elect: bool
    name: str
    name_start: int
    name_end: int
    people: frozenset[str]
    trailing: bool
    sentence_initial: bool
    apposition: bool = False  # "Russia's president, Vladimir Putin,"
    context: str = ""  # the paragraph, filled in by the rule
    written_title: str = ""  # the title as it stands in the text (may hold a line break)
    cue: str = ""  # the word before the phrase, lower case ("under President Clinton")

    def __post_init__(self) -> None:
        self.written_title = self.written_title or self.title
        self.title = " ".join(self.title.split())


_LETTERS = re.compile(r"[^\W\d_]*")  # a run of letters (a title's leading word ends with one)
_MODIFIERS_BEFORE = r"(?P<mods>(?:former|then|late|acting|outgoing|incoming|interim|caretaker|ex)[\s-]+)"
_TAIL_BLOCKERS = "_’'-"


@dataclass(frozen=True)
class _TitleFinder:
    """Every spelling of every title, by its leading run of letters, and three small finders.

    Where a title occurs, the run of letters at its start is exactly the spelling's head
    ("Prime" of "Prime Minister"): what follows the head is a space, a hyphen or the end
    of the title, which is never followed by a letter. So the finders only look for the
    heads (an alternation of ~160 short words instead of ~330 phrases, compiled several
    times faster at start-up) and the spellings with that head are compared in Python,
    longest first, as the regex trie of the whole phrases did. A space in a spelling
    matches any one white-space character, as ``knowledge.re_escape`` has it.
    """

    capital_heads: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # head -> (spelling, words)
    lower_heads: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    capitals: re.Pattern[str]  # a capitalised title's head
    after_capital: re.Pattern[str]  # a capitalised word, then a lower-case title's head
    after_the: re.Pattern[str]  # "the", then a lower-case title's head

    @staticmethod
    def title_at(heads, text: str, start: int, head: str) -> tuple[int, int, str, bool] | None:
        """Return ``(start, end, title, elect)`` of the longest spelling at ``start``, if any."""
        size = len(text)
        for spelling, words in heads.get(head, ()):
            at = start
            for i, word in enumerate(words):
                if i:
                    if at >= size or not text[at].isspace():
                        break
                    at += 1
                if not text.startswith(word, at):
                    break
                at += len(word)
            else:
                # (?P<elect>-elect|\select)?(?![\w’'\-]), "elect" preferred when it fits
                if text.startswith("-elect", at) or (
                    at < size and text[at].isspace() and text.startswith("elect", at + 1)
                ):
                    after = at + 6
                    if after >= size or not (text[after].isalnum() or text[after] in _TAIL_BLOCKERS):
                        return start, after, text[start:at], True
                if at >= size or not (text[at].isalnum() or text[at] in _TAIL_BLOCKERS):
                    return start, at, text[start:at], False
        return None


@lru_cache(maxsize=8)
def _title_finder(knowledge: Knowledge) -> _TitleFinder:
    """Return the title finder: capitalised titles, and lower-case ones in context.

    Lower-case titles ("president", "chief") are common words: they are only looked for
    after a capitalised word ("Russian president", "US defence secretary") or "the"
    ("Jack Straw, the foreign secretary").
    """
    spellings: set[str] = set()
    for title in knowledge.office_titles:  # at hand without loading the facts
        spellings |= {title, title.lower(), title[:1].upper() + title[1:].lower()}
    capital_heads: dict[str, list[str]] = {}
    lower_heads: dict[str, list[str]] = {}
    for spelling in spellings:
        if not spelling:
            continue
        head = _LETTERS.match(spelling).group()
        (capital_heads if spelling[:1].isupper() else lower_heads).setdefault(head, []).append(spelling)

    def table(heads: dict[str, list[str]]) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
        return {
            head: tuple((s, tuple(s.split(" "))) for s in sorted(group, key=lambda s: (-len(s), s)))
            for head, group in heads.items()
        }

    def finder(heads: dict[str, list[str]]) -> str:
        return (alternation(heads) if heads else "(?!)") + r"(?![^\W\d_])"

    lower = finder(lower_heads)
    return _TitleFinder(
        table(capital_heads),
        table(lower_heads),
        # The capital heads start with literal capitals, so the regex engine skips the
        # lower-case text between them.
        re.compile(finder(capital_heads)),
        # A plain range of capitals keeps the scan fast; a form starting with another
        # letter is rare. A modifier counts only when a title's head follows it (else
        # the optional group backtracks).
        re.compile(r"[A-ZÀ-ÖØ-Þ][\w.’'\-]*+\s+" + _MODIFIERS_BEFORE + "?(?=" + lower + ")"),
        re.compile(r"the\s+" + _MODIFIERS_BEFORE + "?(?=" + lower + ")"),
    )


def _titles_in(knowledge: Knowledge, text: str) -> list[tuple[int, int, str, bool]]:
    """Return ``(start, end, title, elect)`` of every title candidate, in text order.

    Each scan moves on as ``finditer`` over the whole phrases would: past a title found,
    else one character (capitalised titles) or past the context (lower-case ones: no
    other capitalised word or "the" can start inside it).
    """
    finder = _title_finder(knowledge)
    title_at = finder.title_at
    found: dict[int, tuple[int, int, str, bool]] = {}
    heads = finder.capital_heads
    at = 0
    while match := finder.capitals.search(text, at):
        hit = title_at(heads, text, match.start(), match.group())
        if hit is None:
            at = match.start() + 1
        else:
            found[hit[0]] = hit
            at = hit[1]
    heads = finder.lower_heads
    for pattern in (finder.after_capital, finder.after_the) if "the" in text else (finder.after_capital,):
        at = 0
        while match := pattern.search(text, at):
            hit = None
            mods = match.start("mods")
            if mods >= 0:  # "US former president": the title after the modifier first
                start = match.end()
                hit = title_at(heads, text, start, _LETTERS.match(text, start).group())
            if hit is None:
                start = mods if mods >= 0 else match.end()
                hit = title_at(heads, text, start, _LETTERS.match(text, start).group())
            if hit is None:
                at = match.end()
                continue
            if hit[0] not in found:
                found[hit[0]] = hit
            at = hit[1]
    return [found[k] for k in sorted(found)]


def _words_before(text: str, pos: int, limit: int = 6, attached: bool = False) -> list[tuple[int, int]]:
    """Return up to ``limit`` space-separated words before ``pos``, nearest first, as spans.

    With ``attached`` the first word ends at ``pos``; otherwise spaces must separate them.
    """
    words: list[tuple[int, int]] = []
    at = pos
    while len(words) < limit:
        end = at
        while end > 0 and text[end - 1] in SPACES:
            end -= 1
        if (end == at and not (attached and not words)) or end == 0:
            break
        start = end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        words.append((start, end))
        at = start
    return words


def _sentence_initial(text: str, pos: int) -> bool:
    """Return whether ``pos`` starts a sentence (or the paragraph), skipping opening quotes."""
    i = pos
    while i > 0 and text[i - 1] in OPENERS:
        i -= 1
    while i > 0 and text[i - 1].isspace():
        i -= 1
    while i > 0 and text[i - 1] in "\"'”’)]":
        i -= 1
    return i == 0 or text[i - 1] in SENTENCE_END or text[i - 1] in "\n\r"


def _is_name_word(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word in PARTICLES or word.startswith(("al-", "el-")))


def _name_after(text: str, pos: int) -> tuple[int, int, list[str]] | None:
    """Return the name that follows ``pos`` (honorifics skipped): its span and words."""
    words: list[tuple[int, int, str]] = []
    at = pos
    while True:
        match = NAME_TOKEN.match(text, at)
        if not match or not _is_name_word(match.group()):
            break
        word, end = match.group(), match.end()
        stop = False
        if word.endswith(APOSTROPHES):
            word, end, stop = word[:-2], end - 2, True
        elif word.endswith(".") and len(word) > 2 and word[:-1] not in HONORIFICS:
            word, end, stop = word[:-1], end - 1, True
        if not words and word in HONORIFICS and not stop:
            skip = end
            while skip < len(text) and text[skip] in SPACES:
                skip += 1
            if skip > end:
                at = skip
                continue
            break
        words.append((match.start(), end, word))
        if stop or end >= len(text) or text[end] not in SPACES:
            break
        at = end + 1
    while words and (words[-1][2] in PARTICLES or words[-1][2] in CALENDAR):
        words.pop()
    if not words or words[0][2] in PARTICLES:
        return None
    return words[0][0], words[-1][1], [w for _, _, w in words]


def _name_before(text: str, pos: int) -> tuple[int, int, list[str]] | None:
    """Return the name that ends at ``pos`` (its span and words), honorifics dropped."""
    words: list[tuple[int, int]] = []
    for start, end in _words_before(text, pos, limit=6, attached=True):
        word = text[start:end]
        if not NAME_TOKEN.fullmatch(word) or not _is_name_word(word) or word.endswith(APOSTROPHES):
            break
        if words and word.endswith(".") and len(word) > 2 and word[:-1] not in HONORIFICS:
            break
        words.append((start, end))
    if not words:
        return None
    words.reverse()
    texts = [text[s:e] for s, e in words]
    while texts and texts[0] in HONORIFICS:
        texts.pop(0)
        words.pop(0)
    if not texts or texts[0] in PARTICLES:
        return None
    return words[0][0], words[-1][1], texts


def _form_before(knowledge: Knowledge, text: str, words: list[tuple[int, int]]) -> tuple[int, str, frozenset[str]] | None:
    """Return how many of ``words`` (nearest first) make a country form, the form, its codes."""
    for count in range(min(5, len(words)), 0, -1):
        chosen = words[:count][::-1]
        written = " ".join(text[s:e] for s, e in chosen).lstrip(OPENERS)
        codes = knowledge.forms.get(written)
        if codes is None and written.endswith(APOSTROPHES):
            codes = knowledge.forms.get(written[:-2])
        if codes:
            return count, written, codes
    return None


def _modifier(word: str) -> str | None:
    return MODIFIERS.get(word.lower().lstrip(OPENERS).rstrip("-"))


def _titles_by_paragraph(knowledge: Knowledge, document) -> list[list[tuple[int, int, str, bool]]]:
    """Return the title candidates of each paragraph, from one scan of the whole document."""
    joined = document.joined
    result: list[list[tuple[int, int, str, bool]]] = [[] for _ in joined.paragraphs]
    for start, end, title, elect in _titles_in(knowledge, joined.text):
        number, local = joined.locate(start)
        result[number].append((local, local + end - start, title, elect))
    return result


def find_phrases(knowledge: Knowledge, paragraph, titles=None) -> Iterator[Phrase]:
    """Yield every title phrase of a paragraph whose name the knowledge base may know."""
    text = paragraph.text
    if titles is None:
        titles = _titles_in(knowledge, text)
    for begin, after, title, elect in titles:
        modifier = None
        if begin and (text[begin - 1].isalnum() or text[begin - 1] in "_’'."):
            continue
        if begin and text[begin - 1] == "-":
            prefix = text[max(0, begin - 5) : begin].lower()
            if prefix.endswith("then-") and (begin < 6 or not text[begin - 6].isalpha()):
                modifier, begin = "then", begin - 5
            elif prefix.endswith("ex-") and (begin < 4 or not text[begin - 4].isalpha()):
                modifier, begin = "former", begin - 3
            else:
                continue  # "Vice-President"
        words = _words_before(text, begin)
        used = 0
        # A modifier between the form and the title: "Russia's former president".
        if words and modifier is None and _modifier(text[slice(*words[0])]):
            modifier = _modifier(text[slice(*words[0])])
            used = 1
        form = None
        codes = None
        found = _form_before(knowledge, text, words[used:])
        if found is None and used == 0 and words:
            # "ex-US President", "then-Israeli Prime Minister"
            first = text[slice(*words[0])]
            for prefix in ("ex-", "Ex-", "then-", "Then-"):
                if first.startswith(prefix):
                    codes = knowledge.forms.get(first[len(prefix):])
                    if codes:
                        modifier = "former" if prefix.lower() == "ex-" else "then"
                        form, used, found = first[len(prefix):], 1, None
                        break
        if found is not None:
            count, form, codes = found
            used += count
        if modifier is None and len(words) > used and _modifier(text[slice(*words[used])]):
            modifier = _modifier(text[slice(*words[used])])
            used += 1
        phrase_start = words[used - 1][0] if used else begin
        if text[phrase_start] in OPENERS:
            phrase_start += len(text[phrase_start:]) - len(text[phrase_start:].lstrip(OPENERS))
        # What stands before the phrase decides whether it is a title at all.
        before = words[used] if len(words) > used else None
        the_before = False
        if before is not None:
            word = text[slice(*before)]
            bare = word.lstrip(OPENERS)
            initial = _sentence_initial(text, before[0] + len(word) - len(bare))
            if word in ("the", "The"):
                the_before = True
            elif bare[:1].isupper() and not initial and word[-1] not in ",.!?:;\"'”’)":
                continue  # "Deputy Prime Minister", "Lord Chancellor", "South Korean President"
            elif bare.lower() in COMPOUNDING or (word.endswith(APOSTROPHES) and codes is None):
                continue  # "shadow chancellor", "the company's president"
            elif form is not None and bare in ("of", "and") and len(words) > used + 1 \
                    and text[words[used + 1][0]].isupper():
                continue  # "Republic of Congo", "Bank of America": a longer name we do not know
        trailing = None
        if the_before:
            # "<name>, the Israeli prime minister"
            the_start = before[0]
            if the_start >= 2 and text[the_start - 2] == "," and text[the_start - 1] in SPACES:
                tail = text[after : after + 5]
                if (after == len(text) or tail[:1] in ",.;:)!?" or re.match(r"\s+(?!and\b|or\b|of\b|in\b)[a-z]", tail)) \
                        and not tail.startswith(APOSTROPHES):
                    trailing = _name_before(text, the_start - 2)
        cue = text[slice(*before)].lower().strip(OPENERS + ",") if before is not None else ""
        if trailing is not None and not re.match(r"\s+[A-Z]", text[after : after + 2]):
            name_start, name_end, name_words = trailing
            people = knowledge.lookup(name_words)
            if not people and len(name_words) > 2:
                for keep in (3, 2):
                    people = knowledge.lookup(name_words[-keep:])
                    if people:
                        name_words = name_words[-keep:]
                        break
            yield Phrase(
                paragraph, name_start, after, phrase_start, after, modifier, form, codes, title, elect,
                " ".join(name_words), name_start, name_end, frozenset(people), True,
                _sentence_initial(text, phrase_start), cue=cue,
            )
            continue
        comma = False
        at = after
        if text.startswith(",", at):
            comma, at = True, at + 1
        gap = at
        while at < len(text) and text[at] in SPACES:
            at += 1
        if at == gap or (at - gap > 1 and text[gap:at] != "\r\n"):
            continue
        named = _name_after(text, at)
        if named is None:
            continue
        name_start, name_end, name_words = named
        if comma:
            # "Russia's president, Vladimir Putin, said": an apposition, not a list.
            rest = text[name_end : name_end + 5]
            if not (name_end == len(text) or rest[:1] in ",.;:)") or re.match(r",?\s+(?:and|or)\b", rest):
                continue
        if re.match(r"\s+(?:and|&)\s+[A-Z]", text[name_end : name_end + 6]) and comma:
            continue
        people = knowledge.lookup(name_words)
        yield Phrase(
            paragraph, phrase_start, name_end, phrase_start, after, modifier, form, codes, title, elect,
            " ".join(name_words), name_start, name_end, frozenset(people), False,
            _sentence_initial(text, phrase_start), comma, cue=cue,
        )


# ---------------------------------------------------------------------------------------
# Judging one phrase against the knowledge base


@dataclass(frozen=True)
class Verdict:
    """What is wrong with a phrase: the message and the rewritten modifiers, form and title."""

    message: str
    replacement: str | None


def _window(document, margin_days: int) -> tuple[_dt.date, _dt.date, _dt.date]:
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


def _attributive(knowledge: Knowledge, code: str, written_form: str | None) -> str:
    """Return how to write a country before a title, in the style of the written form."""
    country = knowledge.countries.get(code)
    name = knowledge.country_name(code)
    if written_form and written_form.endswith(APOSTROPHES):
        apostrophe = written_form[-2]
        return f"{name}{apostrophe}s"
    if code in ATTRIBUTIVE:
        return ATTRIBUTIVE[code]
    if country:
        for form in country.forms:
            if form != name and not form.endswith(APOSTROPHES) and " " not in form and DEMONYM_END.search(form):
                return form
    return f"{name}'s"


_THE = re.compile(
    r"^(?:United |Netherlands|Philippines|Bahamas|Gambia|Maldives|Holy See|Comoros|Seychelles|European |World |"
    r"International |North Atlantic )|Republic|Islands|Emirates"
)


def _possessive(knowledge: Knowledge, code: str) -> str:
    """Return "Ukraine's", "the United States'" for messages."""
    name = knowledge.country_name(code)
    the = "the " if _THE.search(name) else ""
    return f"{the}{name}'" if name.endswith("s") else f"{the}{name}'s"


def _case_like(title: str, written: str) -> str:
    """Return ``title`` in the case style of the written title (capitalised or lower case)."""
    return title if written[:1].isupper() else title.lower()


def _codes_text(knowledge: Knowledge, codes: frozenset[str]) -> str:
    return " or ".join(sorted(_possessive(knowledge, c) for c in codes))


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
            replacement = _rewrite(phrase, modifier_text="former")
            now = _office_then(knowledge, person, {office.country for office, _ in held}, lo, hi)
            return Verdict(
                f"{person} left office as {what} on {last.isoformat()}, before this article's date "
                f"({day.isoformat()}){now}: {_preview(phrase, replacement)}",
                replacement,
            )
        first = min(t.start for t in terms)
        return Verdict(
            f"{person} only became {what} on {first.isoformat()}, after this article's date ({day.isoformat()})",
            None,
        )
    if modifier in ("former", "late"):
        if any(_covers(t, lo, hi) for t in terms):
            replacement = _rewrite(phrase, modifier_text="")
            return Verdict(
                f"{person} is still {what} at this article's date ({day.isoformat()}), not a former one: "
                f"{_preview(phrase, replacement)}",
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
        title = _case_like(office.titles[0], phrase.title)
        replacement = _rewrite(phrase, title=title)
        return Verdict(
            f"{person} was {office.titles[0].lower() if phrase.title[:1].isupper() else office.titles[0]} "
            f"at this article's date ({day.isoformat()}), not {what} ({holder} was): "
            f"{_preview(phrase, replacement)}",
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
        claim = f"{_possessive(knowledge, office.country)} {role}, not {_codes_text(knowledge, phrase.codes)}"
    else:
        title = _case_like(office.titles[0], phrase.title)
        role = office.titles[0].lower() if phrase.title[:1].isupper() else office.titles[0]
        written = phrase.title.lower() if phrase.title[:1].isupper() else phrase.title
        claim = f"{_possessive(knowledge, office.country)} {role}, not {_codes_text(knowledge, phrase.codes)} {written}"
    modifier = None if current else "former"
    if phrase.modifier is not None:
        modifier = None
    replacement = _rewrite(phrase, form=_attributive(knowledge, office.country, phrase.form), title=title,
                           modifier_text=modifier)
    return Verdict(f"{person} {verb} {claim}: {_preview(phrase, replacement)}", replacement)


def _rewrite(phrase: Phrase, *, form: str | None = None, title: str | None = None,
             modifier_text: str | None = None) -> str:
    """Return the phrase's modifiers, form and title rewritten (the name is left as written).

    ``modifier_text`` "" drops the written modifier, "former" adds one.
    """
    text = phrase.paragraph.text
    result = text[phrase.fix_start : phrase.fix_end]
    if modifier_text == "" and phrase.modifier is not None:
        result = _MODIFIER_WORD.sub("", result, count=1)
        if phrase.sentence_initial and result:
            result = result[0].upper() + result[1:]
    if form is not None and phrase.form is not None:
        result = result.replace(phrase.form, form, 1)
    if title is not None:
        index = result.rfind(phrase.written_title)
        if index >= 0:
            result = result[:index] + title + result[index + len(phrase.written_title) :]
    if modifier_text and phrase.modifier is None:
        word = "Former" if phrase.sentence_initial and not phrase.trailing else "former"
        result = f"{word} {result}"
    return result


_MODIFIER_WORD = re.compile(
    r"(?:(?<=^)|(?<=\s))(?:[Ff]ormer|[Ll]ate|[Tt]hen|[Oo]utgoing|[Ii]ncoming)\s+|(?:^|(?<=\s))(?:[Ee]x|[Tt]hen)-"
)


def _preview(phrase: Phrase, replacement: str) -> str:
    """Return the whole phrase as the fix would leave it."""
    text = phrase.paragraph.text
    if phrase.trailing:
        return " ".join((text[phrase.start : phrase.fix_start] + replacement).split())
    return " ".join((replacement + text[phrase.fix_end : phrase.end]).split())


# ---------------------------------------------------------------------------------------
# Consistency inside one article, for people the knowledge base does not know


def _consistency(knowledge: Knowledge, phrases: list[Phrase], verdicts: dict[int, Verdict]) -> Iterator[tuple[Phrase, str]]:
    """Yield phrases that disagree with the rest of the article about who holds what."""
    current = [p for p in phrases if p.modifier is None and not p.elect and p.codes and not p.trailing]
    by_office: dict[tuple[frozenset[str], str], list[Phrase]] = {}
    for phrase in current:
        offices = [o for o in knowledge.titles.get(title_key(phrase.title), []) if o.country in phrase.codes]
        if offices and all(o.single for o in offices):
            by_office.setdefault((phrase.codes, title_key(phrase.title)), []).append(phrase)
    for group in by_office.values():
        clusters = _clusters(group)
        if len(clusters) < 2:
            continue
        for odd in _minority(clusters):
            for phrase in odd:
                if phrase.people or id(phrase) in verdicts:
                    continue  # the knowledge base judged known people already
                others = sorted({c[0].name for c in clusters if c is not odd})
                yield phrase, (
                    f"this article also gives the title '{_title_words(phrase)}' to {', '.join(others)}; "
                    f"only one person holds it at a time"
                )
    by_person: dict[str, list[Phrase]] = {}
    for phrase in current:
        if not phrase.people:
            by_person.setdefault(_surname(phrase.name), []).append(phrase)
    for group in by_person.values():
        clusters_by_codes: dict[frozenset[str], list[Phrase]] = {}
        for phrase in group:
            clusters_by_codes.setdefault(phrase.codes, []).append(phrase)
        if len(clusters_by_codes) < 2 or len({p.name for p in group if " " in p.name}) > 1:
            continue
        clusters = list(clusters_by_codes.values())
        if any(a.codes & b.codes for a in group for b in group if a.codes != b.codes):
            continue
        for odd in _minority(clusters):
            majority = max(clusters, key=len)
            for phrase in odd:
                yield phrase, (
                    f"this article calls {phrase.name} '{_title_words(majority[0])}' elsewhere, "
                    f"not '{_title_words(phrase)}'"
                )


def _title_words(phrase: Phrase) -> str:
    return f"{phrase.form} {phrase.title}" if phrase.form else phrase.title


def _surname(name: str) -> str:
    return name.split()[-1].casefold()


def _clusters(group: list[Phrase]) -> list[list[Phrase]]:
    """Group phrases by person: full names by name, a lone surname with its only full name."""
    full: dict[str, list[Phrase]] = {}
    for phrase in group:
        if " " in phrase.name:
            full.setdefault(phrase.name.casefold(), []).append(phrase)
    lone: dict[str, list[Phrase]] = {}
    for phrase in group:
        if " " not in phrase.name:
            owners = [k for k in full if _surname(k) == phrase.name.casefold()]
            if len(owners) == 1:
                full[owners[0]].append(phrase)
            else:
                lone.setdefault(phrase.name.casefold(), []).append(phrase)
    return [*full.values(), *lone.values()]


def _minority(clusters: list[list[Phrase]]) -> list[list[Phrase]]:
    """Return every cluster but the majority one (on a tie, the earliest stays)."""
    ordered = sorted(clusters, key=lambda c: (-len(c), min(p.paragraph.offset(p.start) for p in c)))
    return ordered[1:]


# ---------------------------------------------------------------------------------------


@rule(
    "NL301",
    "title-mismatch",
    severity="error",
    summary="A person given a title they did not hold: another country's, or not at the article's date.",
    options={"knowledge": [], "undated-margin-days": 365},
)
def title_mismatch(document, options) -> Iterator[Violation]:
    """What it does:
    Finds titles given to people, "Russian President Volodymyr Zelenskyy", "US President Donald
    Trump", "Benjamin Netanyahu, the Israeli prime minister", and checks them against a knowledge
    base of heads of state and government and leading ministers since 1990. It reports a person
    given another country's title, a title the person did not hold at the article's date
    ("President X" after X left office: "former"), and "former" for someone still in office.
    `former`, `ex-`, `late`, `then-`, `acting`, `outgoing`, `incoming` and `-elect` are understood.
    Within one article it also reports, for people the knowledge base does not know, one
    single-holder office given to two people, or one person given two countries' titles.

    Why it matters:
    A wrong title is a factual error in the first words a reader takes in, and the kind a
    correction has to be published for.

    Example:
    ``When Russian President Volodymyr Zelenskyy invited talks...``

    Use instead:
    ``When Ukrainian President Volodymyr Zelenskyy invited talks...``

    Options:
    ``knowledge``: extra YAML files in the knowledge base's format (paths relative to the working
    directory), for local officials or a paper's own list; they override the shipped files office by
    office and person by person. ``undated-margin-days`` (365): when the article has no date of its
    own (front matter), its date is only the run's ``--date`` or today, so a term counts as
    current if it overlaps this many days either side. Facts after a file's ``checked`` date are
    never asserted: an open-ended term is assumed to go on.
    """
    knowledge = load(tuple(options.get("knowledge") or ()))
    if not knowledge.office_titles:
        return
    day, lo, hi = _window(document, int(options.get("undated-margin-days", 365)))
    phrases = []
    paragraphs = document.paragraphs
    for paragraph, titles in zip(paragraphs, _titles_by_paragraph(knowledge, document)):
        if not titles:
            continue
        for phrase in find_phrases(knowledge, paragraph, titles):
            phrase.context = paragraph.text
            phrases.append(phrase)
    verdicts: dict[int, Verdict] = {}
    for phrase in phrases:
        verdict = judge(knowledge, phrase, day, lo, hi)
        if verdict is not None:
            verdicts[id(phrase)] = verdict
    reports: list[tuple[Phrase, str, Fix | None]] = []
    for phrase in phrases:
        verdict = verdicts.get(id(phrase))
        if verdict is None:
            continue
        fix = None
        if verdict.replacement is not None:
            start, end = phrase.paragraph.span(phrase.fix_start, phrase.fix_end)
            fix = Fix(start, end, verdict.replacement, safe=False)
        reports.append((phrase, verdict.message, fix))
    for phrase, message in _consistency(knowledge, phrases, verdicts):
        reports.append((phrase, message, None))
    for phrase, message, fix in reports:
        start, end = phrase.paragraph.span(phrase.start, phrase.end)
        yield Violation(start, end, message, fix)


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [title_mismatch]
