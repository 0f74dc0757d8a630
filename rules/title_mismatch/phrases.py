"""The title phrases of a paragraph: a title, the country form and modifiers before it, the name it is given."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from newslint import patterns
from newslint.knowledge import HONORIFICS, PARTICLES, Knowledge
from newslint.words import MONTHS, WEEKDAYS, token_before

from .finder import titles_in

# Words that say when the title applied; they change what the date check expects.
MODIFIERS = {
    "former": "former",
    "ex": "former",
    "late": "late",
    "then": "then",
    "acting": "acting",
    "outgoing": "outgoing",
    "incoming": "incoming",
    "interim": "acting",
    "caretaker": "acting",
}
# Lower-case words that make a following title part of a longer one (deputy prime minister).
COMPOUNDING = frozenset(
    "shadow deputy vice assistant junior under lord first second chief honorary party club "
    "university company board college school union federation association league committee "
    "council bank foundation institute society chamber student former-".split()
)
CALENDAR = frozenset((*WEEKDAYS, *MONTHS))
NAME_TOKEN = patterns.compile(r"[^\W\d_][\w’'\-]*\.?")
SENTENCE_END = ".!?:;"
SPACES = " \u00a0\t\r\n"  # a hard-wrapped paragraph breaks lines inside a title phrase
OPENERS = "\"'“‘(["
APOSTROPHES = ("'s", "’s")
# Endings of demonyms ("Ukrainian", "Chinese", "Iraqi"): a country form written so is attributive.
DEMONYM_END = patterns.compile(r"(?:an|ese|ish|i|ch|sh|ic|ek|ss|ai|ot|sy)$")
# How a country is written before a title, where the first demonym-like form is not it
# ("Bishkek" is Kyrgyzstan's capital, "Kiwi" not for a prime minister).
ATTRIBUTIVE = {
    "US": "US",
    "GB": "British",
    "UN": "UN",
    "EU": "EU",
    "NATO": "NATO",
    "VA": "Vatican",
    "IMF": "IMF",
    "WHO": "WHO",
    "WTO": "WTO",
    "ECB": "ECB",
    "KG": "Kyrgyz",
    "CF": "Central African",
    "CD": "DR Congo",
    "CG": "Congo-Brazzaville",
    "NZ": "New Zealand",
    "KP": "North Korean",
    "KR": "South Korean",
    "ZA": "South African",
    "SS": "South Sudanese",
    "LK": "Sri Lankan",
    "PG": "Papua New Guinean",
    "SL": "Sierra Leonean",
    "SB": "Solomon Islands",
    "PH": "Philippine",
    "TJ": "Tajik",
    "TM": "Turkmen",
    "NE": "Nigerien",
    "LS": "Lesotho",
    "ME": "Montenegrin",
    "VU": "Vanuatu",
    "CR": "Costa Rican",
    "CV": "Cape Verdean",
    "DM": "Dominica",
    "LC": "St Lucian",
    "BF": "Burkinabe",
    "BW": "Botswana",
    "LI": "Liechtenstein",
    "MC": "Monegasque",
    "SC": "Seychellois",
    "KZ": "Kazakh",
    "SK": "Slovak",
    "AR": "Argentine",
    "LU": "Luxembourg",
}


# A name longer than this many words is not one the knowledge base holds; stopping there
# keeps a long run of capitalised words from being read again after every title in it.
NAME_WORDS = 8
# Words before a country's name that make it a place, not a title's country: "in Iraq
# President Bush met troops" (a demonym or possessive after them is still a form).
PLACE_WORDS = frozenset(
    "in into to from at across throughout inside outside near around over with against between "
    "and or beat beating v vs visiting visited leave leaving left".split()
)


@dataclass(frozen=True)
class Phrase:
    """A title given to a name, as found in one paragraph (local offsets)."""

    paragraph: Any
    start: int  # the reported span
    end: int
    fix_start: int  # the part a fix rewrites: modifiers, form and title (not the name)
    fix_end: int
    modifier: str | None
    form: str | None
    codes: frozenset[str] | None
    written_title: str  # the title as it stands in the text (may hold a line break)
    elect: bool
    name: str
    name_start: int
    name_end: int
    people: frozenset[str]  # everyone the written name may stand for
    trailing: bool  # "<name>, the Israeli prime minister"
    sentence_initial: bool
    apposition: bool = False  # "Russia's president, Vladimir Putin,"
    cue: str = ""  # the word before the phrase, lower case ("under President Clinton")
    of_country: bool = False  # the country after the title: "the president of Russia"

    @cached_property
    def title(self) -> str:
        """Return the title with its spaces normalised."""
        return " ".join(self.written_title.split())

    @property
    def surname_only(self) -> bool:
        """Return whether the name is one word ("President Bush"): maybe someone the files do not know."""
        return " " not in self.name


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
        start = end - len(token_before(text, end))
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


Name = tuple[int, int, list[str]]  # span and words


def _name_after(text: str, pos: int) -> list[Name]:
    """Return the ways to read the name that follows ``pos``, the likeliest last.

    The last reading skips honorifics before it and month and day names after it
    ("President Putin Monday"); the others keep them, for names that hold such words
    ("Sultan Qaboos", "Theresa May"). Empty when no name follows.
    """
    words: list[tuple[int, int, str]] = []
    honorifics: list[tuple[int, int, str]] = []
    at = pos
    for _ in range(NAME_WORDS + 3):  # a few honorifics may come first
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
                honorifics.append((match.start(), end, word))
                at = skip
                continue
            break
        words.append((match.start(), end, word))
        if len(words) > NAME_WORDS:
            return []
        if stop or end >= len(text) or text[end] not in SPACES:
            break
        at = end + 1
    while words and words[-1][2] in PARTICLES:
        words.pop()
    core = list(words)
    while core and core[-1][2] in (PARTICLES | CALENDAR):
        core.pop()
    if not core or core[0][2] in PARTICLES:
        return []

    def reading(part: list[tuple[int, int, str]]) -> Name:
        return part[0][0], part[-1][1], [w for _, _, w in part]

    likeliest = reading(core)
    if not honorifics and len(core) == len(words):
        return [likeliest]  # the usual case: one way to read it
    readings = []
    for part in ([*honorifics, *words], words, [*honorifics, *core]):
        if part and reading(part) != likeliest and reading(part) not in readings:
            readings.append(reading(part))
    return [*readings, likeliest]


def _name_before(text: str, pos: int) -> list[Name]:
    """Return the ways to read the name that ends at ``pos``, the likeliest (no honorifics) last."""
    words: list[tuple[int, int]] = []
    for start, end in _words_before(text, pos, limit=6, attached=True):
        word = text[start:end]
        if not NAME_TOKEN.fullmatch(word) or not _is_name_word(word) or word.endswith(APOSTROPHES):
            break
        if words and word.endswith(".") and len(word) > 2 and word[:-1] not in HONORIFICS:
            break
        words.append((start, end))
    if not words:
        return []
    words.reverse()
    texts = [text[s:e] for s, e in words]
    # The name starts after the last honorific ("Later Mr Blair": "Blair").
    last = max((i for i, t in enumerate(texts) if t in HONORIFICS), default=-1)
    readings = []
    if last >= 0:
        readings.append((words[0][0], words[-1][1], list(texts)))  # "D. M. Jayaratne": initials, not "M."
    if last >= 0 and last + 1 < len(texts):
        first = last  # "Later Sheikh Hasina": from the honorifics on, for names that hold them
        while first > 0 and texts[first - 1] in HONORIFICS:
            first -= 1
        readings.append((words[first][0], words[-1][1], texts[first:]))
    del texts[: last + 1], words[: last + 1]
    if not texts or texts[0] in PARTICLES:
        return []
    likeliest = (words[0][0], words[-1][1], texts)
    return [*(r for r in readings if r != likeliest), likeliest]


def _lookup(knowledge: Knowledge, readings: list[Name]) -> tuple[Name, frozenset[str]]:
    """Return the first reading the knowledge base knows (else the likeliest) and whom it names."""
    for reading in readings:
        people = knowledge.lookup(reading[2])
        if people:
            return reading, frozenset(people)
    return readings[-1], frozenset()


@lru_cache(maxsize=8)
def _form_ends(knowledge: Knowledge) -> dict[str, int]:
    """Return, for the last word of every form, the most words a form ending with it has."""
    ends: dict[str, int] = {}
    for form in knowledge.forms:
        parts = form.split()
        for last in (parts[-1], parts[-1][:-2] if parts[-1].endswith(APOSTROPHES) else None):
            if last:
                ends[last] = max(ends.get(last, 0), len(parts))
    return ends


def _form_before(
    knowledge: Knowledge, text: str, words: list[tuple[int, int]]
) -> tuple[int, str, frozenset[str]] | None:
    """Return how many of ``words`` (nearest first) make a country form, the form, its codes."""
    if not words:
        return None
    nearest = text[slice(*words[0])]
    # Only a word that ends some form can end one here, and only as long a form as that.
    longest = _form_ends(knowledge).get(nearest.lstrip(OPENERS)) or _form_ends(knowledge).get(
        nearest.lstrip(OPENERS)[:-2] if nearest.endswith(APOSTROPHES) else ""
    )
    if not longest:
        return None
    for count in range(min(longest, len(words)), 0, -1):
        chosen = words[:count][::-1]
        written = " ".join(text[s:e] for s, e in chosen).lstrip(OPENERS)
        codes = knowledge.forms.get(written)
        if codes is None and written.endswith(APOSTROPHES):
            codes = knowledge.forms.get(written[:-2])
        if codes:
            return count, written, codes
    return None


def _is_place(knowledge: Knowledge, form: str) -> bool:
    """Return whether a country form is a name ("Iraq", "Britain") rather than a demonym or possessive."""
    if form.endswith(APOSTROPHES) or form.isupper():
        return False
    if any(knowledge.forms.get(form + s) for s in APOSTROPHES):
        return True  # a name has a possessive
    # Otherwise a demonym ("Kyrgyz", "Slovak") or a capital ("Bishkek", a place)
    return not DEMONYM_END.search(form) and not any(ATTRIBUTIVE.get(c) == form for c in knowledge.forms.get(form, ()))


# Up to seven words: "of Bosnia and Herzegovina", "of the Democratic Republic of the Congo".
_OF_COUNTRY = patterns.compile(r" of ((?:the )?[A-Z][\w\-]*(?: (?:and|of|the|[A-Z][\w\-]*)){0,6})")


def _of_country(knowledge: Knowledge, text: str, after: int) -> tuple[str, frozenset[str], int] | None:
    """Return (written form, its codes, its end) for a country named after a title with 'of'.

    Only a country's name (Russia, the United States), never a demonym or a possessive, and
    the longest that is one: "of France Emmanuel Macron" names France.
    """
    match = _OF_COUNTRY.match(text, after)
    if match is None:
        return None
    words = match.group(1).split(" ")
    for count in range(len(words), 0, -1):
        written = " ".join(words[:count])
        bare = written[4:] if written.startswith("the ") else written
        codes = knowledge.forms.get(bare)
        if (
            codes
            and _is_place(knowledge, bare)
            and text[match.start(1) + len(written) : match.start(1) + len(written) + 1] not in "'’"
        ):
            return written, codes, match.start(1) + len(written)
    return None


def _modifier(word: str) -> str | None:
    return MODIFIERS.get(word.lower().lstrip(OPENERS).rstrip("-"))


def find_phrases(knowledge: Knowledge, paragraph, titles=None) -> Iterator[Phrase]:
    """Yield every title phrase of a paragraph that names a known person or a country."""
    text = paragraph.text
    if titles is None:
        titles = titles_in(knowledge, text)
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
                    codes = knowledge.forms.get(first[len(prefix) :])
                    if codes:
                        modifier = "former" if prefix.lower() == "ex-" else "then"
                        form, used, found = first[len(prefix) :], 1, None
                        break
        if found is not None:
            count, form, codes = found
            used += count
        of_country = False
        if form is None and codes is None:
            # "the president of Russia, Vladimir Putin", "Vladimir Putin, the president of Russia"
            of_form = _of_country(knowledge, text, after)
            if of_form is not None:
                form, codes, after = of_form
                of_country = True
        if modifier is None and len(words) > used and _modifier(text[slice(*words[used])]):
            modifier = _modifier(text[slice(*words[used])])
            used += 1
        phrase_start = words[used - 1][0] if used else begin
        if text[phrase_start] in OPENERS:
            phrase_start += len(text[phrase_start:]) - len(text[phrase_start:].lstrip(OPENERS))
        # What stands before the phrase decides whether it is a title at all.
        before = words[used] if len(words) > used else None
        the_before = comma_before = False
        if before is not None:
            word = text[slice(*before)]
            bare = word.lstrip(OPENERS)
            initial = _sentence_initial(text, before[0] + len(word) - len(bare))
            if form is not None and bare.lower() in PLACE_WORDS and _is_place(knowledge, form):
                continue  # "in Iraq President Bush met troops": a place, then a title
            if word in ("the", "The"):
                the_before = True
            elif bare[:1].isupper() and not initial and word[-1] not in ",.!?:;\"'”’)":
                continue  # "Deputy Prime Minister", "Lord Chancellor", "South Korean President"
            elif bare.lower() in COMPOUNDING or (word.endswith(APOSTROPHES) and codes is None):
                continue  # "shadow chancellor", "the company's president"
            elif (
                form is not None
                and bare in ("of", "and")
                and len(words) > used + 1
                and text[words[used + 1][0]].isupper()
                and (bare == "of" or knowledge.forms.get(text[slice(*words[used + 1])].rstrip(",").lstrip(OPENERS)))
            ):
                # "Republic of Congo", "Bank of America": a longer name we do not know;
                # "Antigua and Barbuda". ("Keir Starmer and Israeli President X" is a list.)
                continue
            comma_before = form is not None and len(bare) > 1 and bare.endswith(",")
        trailing: list[Name] = []
        name_end_at = -1
        if the_before and before is not None:
            # "<name>, the Israeli prime minister"
            the_start = before[0]
            if the_start >= 2 and text[the_start - 2] == "," and text[the_start - 1] in SPACES:
                name_end_at = the_start - 2
        elif comma_before and before is not None:
            name_end_at = before[1] - 1  # "<name>, Britain's prime minister, said"
        if (
            name_end_at >= 0
            and of_country
            and not re.match(r"(?:[.;:)!?]|,(?!\s+(?:and|or|as)\b)|$)", text[after : after + 8])
        ):
            name_end_at = -1  # "Jacques Chirac, the King of Spain as well as ...": a list, not a title
        if name_end_at >= 0:
            tail = text[after : after + 5]
            if (
                after == len(text) or tail[:1] in ",.;:)!?" or re.match(r"\s+(?!and\b|or\b|of\b|in\b)[a-z]", tail)
            ) and not tail.startswith(APOSTROPHES):
                trailing = _name_before(text, name_end_at)
        cue = text[slice(*before)].lower().strip(OPENERS + ",") if before is not None else ""
        if trailing and not re.match(r"\s+[A-Z]", text[after : after + 2]):
            (name_start, name_end, name_words), people = _lookup(knowledge, trailing)
            if not people and codes is None:
                continue  # nobody known and no country: nothing to judge or compare
            if not people and len(name_words) > 2:
                # "Later Tony Blair, the ...": a capitalised word before the name
                for keep in (3, 2):
                    people = frozenset(knowledge.lookup(name_words[-keep:]))
                    if people:
                        name_words = name_words[-keep:]
                        break
            yield Phrase(
                paragraph,
                name_start,
                after,
                phrase_start,
                after,
                modifier,
                form,
                codes,
                title,
                elect,
                " ".join(name_words),
                name_start,
                name_end,
                people,
                True,
                _sentence_initial(text, phrase_start),
                cue=cue,
                of_country=of_country,
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
        readings = _name_after(text, at)
        if not readings:
            continue
        (name_start, name_end, name_words), people = _lookup(knowledge, readings)
        end, fix_end = name_end, after
        # "King Harald of Norway", "Prime Minister Narendra Modi of India": the country
        # after the name; a fix rewrites the title and the country, the name between
        # them left as written.
        of_form = _of_country(knowledge, text, name_end) if codes is None and people and not comma else None
        if of_form is not None:
            form, codes, end = of_form
            of_country, fix_end = True, end
        if not people and codes is None:
            continue  # "Chief Executive Jo Bloggs": nobody known and no country
        if comma:
            # "Russia's president, Vladimir Putin, said": an apposition, not a list.
            rest = text[name_end : name_end + 5]
            if not (name_end == len(text) or rest[:1] in ",.;:)") or re.match(r",?\s+(?:and|or)\b", rest):
                continue
        if re.match(r"\s+(?:and|&)\s+[A-Z]", text[name_end : name_end + 6]) and comma:
            continue
        yield Phrase(
            paragraph,
            phrase_start,
            end,
            phrase_start,
            fix_end,
            modifier,
            form,
            codes,
            title,
            elect,
            " ".join(name_words),
            name_start,
            name_end,
            people,
            False,
            _sentence_initial(text, phrase_start),
            comma,
            cue=cue,
            of_country=of_country,
        )
