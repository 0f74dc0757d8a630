"""The Harper engine of NL503 grammar (``engine: harper``), imported on its first check.

Harper (Automattic's grammar checker, written in Rust) runs in this process through the
``harper-py`` bindings, the ``harper`` extra: no Java, no server, no network. How it is
used, and why:

- One ``harper.Linter`` per dialect and rule choice serves the whole run. Building the
  first one loads Harper's dictionary (one to three seconds); later ones reuse it. They are kept
  in a module-level table that ``finish`` (the rule's ``newslint_finish``) empties. A
  Harper linter must not be called from two threads at once, so each has a lock.
- Each paragraph's prose is checked as plain text on its own, so a finding maps back to
  the file through ``Paragraph.span``; Harper counts offsets in code points, as Python
  does, so an emoji before a slip does not shift it. A line break inside a paragraph
  becomes a newline Harper reads as a space (it does not read ``\\r\\n`` as one).
- The answers for each paragraph are kept in memory for the run, never on disk: Harper
  takes milliseconds, and writing copy (its messages quote the text) to a cache folder
  would leave embargoed words lying about.
- Harper's rule names (``AnA``, ``RepeatedWords``) go in the message and in the
  ``enabled-rules`` and ``disabled-rules`` options; its lint kinds (``Agreement``,
  ``Spelling``...) are the categories of ``enabled-categories`` and
  ``disabled-categories``. What is on by default was chosen by reading Harper's findings
  on 2,096 edited BBC articles (see ``OFF_CATEGORIES`` and ``OFF_RULES``).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from newslint.errors import ServiceUnavailable

from .matches import Match, checked_paragraphs, violation

if TYPE_CHECKING:
    from newslint.document import Document, Paragraph
    from newslint.finding import Violation

INSTALL_HINT = "pip install 'newslint[harper]'"
# Harper's dialects, by the language codes newslint's ``language`` option takes.
DIALECTS = {
    "en-gb": "BRITISH",
    "en-us": "AMERICAN",
    "en-au": "AUSTRALIAN",
    "en-ca": "CANADIAN",
    "en-in": "INDIAN",
}
# Harper's lint kinds (harper-core's LintKind in Harper 2.13, the version harper-py 0.2
# ships): the categories a user can turn on and off.
KINDS = (
    "Agreement", "BoundaryError", "Capitalization", "Eggcorn", "Enhancement", "Formatting",
    "Grammar", "Malapropism", "Miscellaneous", "Nonstandard", "Punctuation", "Readability",
    "Redundancy", "Regionalism", "Repetition", "Spelling", "Style", "Typo", "Usage", "WordChoice",
)  # fmt: skip
# Categories off by default: on edited news copy they are house style or advice, not slips.
OFF_CATEGORIES = frozenset(
    {
        "Spelling",  # every foreign name, brand and place in the news is "misspelt"
        "Capitalization",  # brands' own casing (Mac mini), initials, names read as acronyms
        "Formatting",  # en dashes in scores, the ellipsis character: typography is house style
        "Style",  # the Oxford comma, which British style leaves out
        "Readability",  # long sentences: newslint's long-sentence rule measures those
        "Enhancement",  # "use excellent instead of very good"
        "Redundancy",  # "and also", "all of the": advice, and often in quoted speech
        "Regionalism",  # American words in American stories and titles (Pro Evolution Soccer)
    }
)
# Rules off by default in the categories that are on, with their kind. Each fired at
# least twice on 2,096 edited BBC articles and was wrong more often than right there
# (or flags a form British style prefers: "in so far as", "nerve-wracking").
OFF_RULES: Mapping[str, str] = {
    "AdjectiveDoubleDegree": "WordChoice",  # "a more modest rise"
    "AvoidCurses": "WordChoice",  # a man called Dick
    "CompoundNouns": "WordChoice",  # "wine maker", "touch screen": house style
    "Confident": "WordChoice",  # "a confidant of the minister"
    "DiscourseMarkers": "Punctuation",  # "However the council said": no comma is British style
    "Damages": "Usage",  # damages awarded by a court
    "DoToDueTo": "Usage",  # "what they can do to help"
    "Everyone": "Miscellaneous",  # "every one of the players"
    "ExpandMemoryShorthands": "WordChoice",  # "a 40GB drive"
    "ExpandTimeShorthands": "WordChoice",  # "in 9.95secs"
    "FindOut": "WordChoice",
    "HelloGreeting": "WordChoice",  # Halo, the video game
    "HopHope": "WordChoice",  # hip hop
    "HowTo": "WordChoice",  # "it changes how people vote"
    "InDemandInDepth": "Punctuation",  # "a fall in demand"
    "InflectedVerbAfterTo": "WordChoice",  # "it led to improved sales"
    "Insofar": "Miscellaneous",  # "in so far as" is British
    "ItsContraction": "Punctuation",  # "so its support matters"
    "ItsPossessive": "Agreement",  # song titles with "It's" in them
    "LetsConfusion": "WordChoice",
    "MassNouns": "Agreement",  # "a ruling", "multiple sclerosis"
    "MergeWords": "WordChoice",  # "the over 65s own"
    "MissingDeterminer": "Grammar",
    "MissingPreposition": "Miscellaneous",
    "MissingTo": "WordChoice",  # "she wanted help to pay"
    "ModalBeAdjective": "Miscellaneous",  # "Brian May said"
    "NerveRacking": "Eggcorn",  # "nerve-wracking" is the usual British spelling
    "NoMatchFor": "WordChoice",  # "it was no match at all"
    "NounVerbConfusion": "WordChoice",  # "Many believe the plan"
    "Nonetheless": "Miscellaneous",  # "none the less" is British
    "NotTo": "Typo",  # "say no to the plan"
    "ObsessPreposition": "Usage",
    "OneOfTheSingular": "Usage",  # "one of the best in years"
    "Overall": "Miscellaneous",  # "control over all the deals"
    "PayForPrice": "Usage",  # "pay for the cost of"
    "PhrasalVerbAsCompoundNoun": "WordChoice",  # "a comeback win", "turnout"
    "PluralDecades": "Usage",  # "Maroon 5's album"
    "PronounContraction": "WordChoice",
    "PronounKnew": "WordChoice",  # New Labour
    "QuantifierNumeralConflict": "Grammar",  # "some 300 jobs" is good news English
    "QuiteQuiet": "Typo",
    "RedundantThat": "Repetition",  # "she said that that was wrong"
    "RegularIrregulars": "Grammar",  # "frescos", and people called Childs
    "RoadMap": "WordChoice",
    "SingleBe": "Grammar",
    "SplitWords": "Typo",  # "frontrunner", "fivefold"
    "ThatThan": "Typo",
    "TheHowWhy": "Miscellaneous",  # The Who
    "TheirToThere": "Grammar",  # "their right to"
    "ThatWhich": "Repetition",  # "to ensure that that rule works"
    "ThereToTheir": "Grammar",  # "for it to work there needs to be"
    "TheirToTheyre": "Grammar",
    "There": "Miscellaneous",  # "the re-election"
    "ThereIsAgreement": "Agreement",
    "TheyToThem": "Grammar",  # "the help they are giving"
    "ToTwoToo": "WordChoice",
    "TransposedSpace": "Typo",  # initials in team lists: "J Smith"
    "UpdatePlaceNames": "WordChoice",  # Kiev and Bombay were the names in use
    "VeryLess": "Usage",
    "WayTooAdjective": "Miscellaneous",
    "WereWhere": "Typo",  # "Also arrested were two men"
    "WhomSubjectOfVerb": "Grammar",  # "two of whom were"
    "Worldwide": "Miscellaneous",  # the World Wide Web
    "WrongNegative": "WordChoice",  # Defra, INSEE
}
# Harper is not linear in a paragraph's length: longer ones go in pieces, cut between
# sentences (or, in a sentence this long, at a space).
PIECE = 4_000
# Paragraphs whose answers are kept in memory for the run, most recently used first.
CACHE_SIZE = 20_000
# Harper's ``SuggestionKind``: replace the span, remove it, or insert after it.
_REPLACE, _REMOVE, _INSERT_AFTER = 0, 1, 2
_WORD_AFTER = re.compile(r"\s+([^\W_][\w'\u2019-]*)")
_WORDS = re.compile(r"[^\W_][\w'\u2019]*")
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9]*")
_VOWEL = re.compile(r"[aeiouyAEIOUY]")
_PARTS = re.compile(r"[\s\-\u2010\u2011]+")
# Letters whose names start with a vowel sound (eff, aitch, ell, em, en, ar, ess, ex).
_AN_LETTERS = frozenset("AEFHILMNORSX")
_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# The last two words before a flagged verb, and the character before them.
_TAIL = re.compile(r"(?:(?P<before>[^\W\d_][\w'\u2019]*)\s+|(?P<edge>[^\w\s/]\s*|^\s*))(?P<pronoun>[^\W\d_]+)\s+$")
_SUBJECTS = frozenset({"i", "you", "he", "she", "it", "we", "they"})
# Words after which a pronoun starts a clause, so is the subject of the verb after it.
_CLAUSE_OPENERS = frozenset(
    """and but or nor so yet because that when whenever if unless while whilst as though although
    since after before until till where wherever whether said says say added told than once""".split()
)


def _key(name: str) -> str:
    """Return a category or rule name folded for lookup: ``Word Choice`` = ``word-choice``."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


_KIND_BY_KEY = {_key(kind): kind for kind in KINDS}


@dataclass(frozen=True)
class Settings:
    """What changes Harper's answer for a text: dialect, rule and category choices, words."""

    dialect: str
    enabled_rules: frozenset[str] = frozenset()
    disabled_rules: frozenset[str] = frozenset()
    enabled_categories: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()
    enabled_only: bool = False
    accepted_words: tuple[str, ...] = ()

    @classmethod
    def from_options(cls, options: Mapping[str, Any], rule_names: Iterable[str]) -> Settings:
        """Read the rule's options, checking names against Harper's rules and kinds."""
        language = str(options["language"])
        dialect = DIALECTS.get(language.lower().replace("_", "-"))
        if dialect is None:
            known = ", ".join(code[:3] + code[3:].upper() for code in DIALECTS)
            raise ServiceUnavailable(f"Harper does not know language {language!r} (it knows {known})")
        rules = {_key(name): name for name in rule_names}
        return cls(
            dialect=dialect,
            enabled_rules=_names(options["enabled-rules"], rules, "rule", "enabled-rules"),
            disabled_rules=_names(options["disabled-rules"], rules, "rule", "disabled-rules"),
            enabled_categories=_names(options["enabled-categories"], _KIND_BY_KEY, "category", "enabled-categories"),
            disabled_categories=_names(options["disabled-categories"], _KIND_BY_KEY, "category", "disabled-categories"),
            enabled_only=bool(options["enabled-only"]),
            # Harper checks the parts of "Okonkwo-Vantreese" one by one: accept each part.
            accepted_words=tuple(
                sorted({part for word in options["accepted-words"] for part in _PARTS.split(str(word)) if part})
            ),
        )

    def reports(self, rule: str, kind: str) -> bool:
        """Return whether a finding of this Harper rule and lint kind is reported."""
        if rule in self.disabled_rules:
            return False
        if rule in self.enabled_rules:
            return True
        if kind in self.disabled_categories:
            return False
        if kind in self.enabled_categories:
            return True
        return not self.enabled_only and kind not in OFF_CATEGORIES and rule not in OFF_RULES

    def lint_config(self, defaults: Mapping[str, bool]) -> dict[str, bool | None]:
        """Return Harper's rule configuration: its defaults, less what would only be thrown away."""
        config: dict[str, bool | None] = {name: None for name in defaults}
        spelling = "Spelling" in self.enabled_categories and "SpellCheck" not in self.disabled_rules
        if not spelling:
            config["SpellCheck"] = False  # the slowest rule, and its findings are not reported
        for name, kind in OFF_RULES.items():
            if name in config and kind not in self.enabled_categories:
                config[name] = False
        if self.enabled_only and not self.enabled_categories:
            config = {name: False for name in config}
        for name in self.enabled_rules:
            config[name] = True
        for name in self.disabled_rules:
            config[name] = False
        return config


def _names(values: Iterable[Any], known: Mapping[str, str], what: str, option: str) -> frozenset[str]:
    """Return Harper's spelling of each name in ``values``, or raise naming one it lacks."""
    found = set()
    for value in values:
        name = known.get(_key(str(value)))
        if name is None:
            hint = ", ".join(KINDS) if what == "category" else "`newslint explain grammar` says where they are listed"
            raise ServiceUnavailable(f"Harper has no {what} {str(value)!r} (rules.grammar.{option}; {hint})")
        found.add(name)
    return frozenset(found)


# ---------------------------------------------------------------------------------------
# Harper's findings, and the few it is known to get wrong in news copy


def _plain(text: str) -> str:
    """Return ``text`` with every line break one newline per character, as Harper reads them."""
    return _BREAKS.sub(lambda m: " \n" if m.group() == "\r\n" else "\n", text)


def _match_case(original: str, replacement: str) -> str:
    """Return the replacement cased like the original: Harper suggests ``AN`` for a capital ``A``."""
    if len(replacement) > 1 and replacement.isupper() and original[:1].isupper():
        if len(original) == 1 or not original.isupper():
            return replacement[0] + replacement[1:].lower()
    return replacement


def _replacement(text: str, start: int, end: int, lint: Any) -> str | None:
    """Return the text that Harper's first suggestion puts in place of ``text[start:end]``."""
    suggestions = lint.suggestions
    if not suggestions:
        return None
    first = suggestions[0]
    kind = int(first.kind)
    if kind == _REMOVE:
        return ""
    if kind == _INSERT_AFTER:
        return text[start:end] + first.replacement_text
    return _match_case(text[start:end], first.replacement_text)


def _article_is_plausible(text: str, start: int, end: int) -> bool:
    """Return False where Harper's a/an finding is about a letter or an abbreviation."""
    article = text[start:end]
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return False  # "Group A.", "an 'A' certificate": a letter, not an article
    word = after.group(1)
    before = text[:start].rstrip()
    if article == "A" and before and (before[-1].isalnum() or before[-1] in ",;"):
        return False  # "Serie A appearances", "England A against France": a name
    if article.lower() == "an" and word[:1] in "hH":
        return False  # "an honour" (Harper's dictionary misses British silent h), "an historic"
    if word[:3].lower() in ("uni", "una"):
        return False  # "an unidentified man", "a unit": un- or "you", which Harper cannot tell
    if len(word) > 1 and (_ABBREVIATION.fullmatch(word) or not _VOWEL.search(word)):
        # How an abbreviation is said decides: "an MEP" letter by letter, "a Nato" as a word
        # (a word without vowels, such as "ntl", is said letter by letter).
        # Trust Harper only where even the letter-by-letter reading says it is wrong.
        said = "an" if word[0].upper() in _AN_LETTERS else "a"
        return article.lower() != said
    return True


@lru_cache(maxsize=1)
def _simple_pasts() -> frozenset[str]:
    """Return the simple pasts of newslint's table of irregular verbs (beat, split, fed)."""
    from newslint.words import irregular_verbs

    return frozenset(past for past in irregular_verbs().values() if past)


def _subject_before(text: str, start: int) -> str | None:
    """Return the subject pronoun straight before ``start`` when it opens a clause, else None."""
    # A clause is a few words long: 60 characters before the verb are enough to look at.
    words = _TAIL.search(text[max(0, start - 60) : start])
    if words is None:
        return None  # "she/he kill", or no word before the verb
    pronoun, before = words.group("pronoun").lower(), words.group("before")
    if pronoun not in _SUBJECTS:
        return None
    if before is not None and before.lower() not in _CLAUSE_OPENERS:
        return None  # "against him are", "with it are": not the subject
    return pronoun


def _verb_agreement_is_plausible(text: str, start: int, end: int, replacement: str | None) -> bool:
    """Return False where "he beat", "you guys", "he off-loaded" were read as agreement slips."""
    word = text[start:end]
    pronoun = _subject_before(text, start)
    if pronoun is None or replacement is None or text[end : end + 1] == "-":
        return False
    if word.lower() in _simple_pasts():
        return False  # "he beat Henman", "she split from": past tenses that look like the base
    return not (pronoun in ("you", "we", "they") and replacement == word[:-1])  # "you guys"


def _be_agreement_is_plausible(text: str, start: int, end: int, replacement: str | None) -> bool:
    """Return False where the pronoun before a form of "be" is not its subject."""
    return _subject_before(text, start) is not None


_PLAUSIBLE: Mapping[str, Callable[[str, int, int, str | None], bool]] = {
    "AnA": lambda text, start, end, _: _article_is_plausible(text, start, end),
    "PronounVerbAgreement": _verb_agreement_is_plausible,
    "PronounInflectionBe": _be_agreement_is_plausible,
    # "Will said he might": a capital Will before a past tense is a name
    "WillNonLemma": lambda text, start, end, _: not text[start : start + 1].isupper(),
}


class Engine:
    """One Harper linter with its settings, its lock and its paragraph cache."""

    def __init__(self, harper: ModuleType, settings: Settings) -> None:
        self.settings = settings
        self._linter = harper.Linter(getattr(harper.Dialect, settings.dialect))
        self._linter.set_lint_config(settings.lint_config(harper.get_default_lint_config()))
        if settings.accepted_words:
            self._linter.import_words(list(settings.accepted_words))
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, tuple[Match, ...]] = OrderedDict()

    def matches(self, text: str, cache: bool = True) -> tuple[Match, ...]:
        """Return Harper's reported findings on ``text``, in its code points."""
        with self._lock:
            if cache:
                found = self._cache.get(text)
                if found is not None:
                    self._cache.move_to_end(text)
                    return found
            found = self._check(text)
            if cache:
                self._cache[text] = found
                if len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
            return found

    def _check(self, text: str) -> tuple[Match, ...]:
        found: set[Match] = set()
        for rule, lints in self._linter.organized_lints(_plain(text), language="plaintext").items():
            for lint in lints:
                if not self.settings.reports(rule, lint.lint_kind):
                    continue
                start, end = lint.span.start, lint.span.end
                if not 0 <= start <= end <= len(text):
                    continue
                replacement = _replacement(text, start, end, lint)
                plausible = _PLAUSIBLE.get(rule)
                if plausible is not None and not plausible(text, start, end, replacement):
                    continue
                message = " ".join(lint.message.split())
                found.add(Match(start, end, rule, message, replacement))
        return tuple(sorted(found, key=lambda m: (m.start, m.end, m.rule_id)))


# ---------------------------------------------------------------------------------------
# Run-wide state: the harper module (or why it cannot be used), one engine per settings.

_lock = threading.Lock()
_harper: ModuleType | None = None
_failure: ServiceUnavailable | None = None
_engines: dict[Settings, Engine] = {}


def _module() -> ModuleType:
    """Return the harper module, imported once; raise ServiceUnavailable if it cannot be."""
    global _harper, _failure
    if _harper is not None:
        return _harper
    if _failure is None:
        try:
            import harper
        except ImportError as exc:  # not installed, or a wheel for another platform
            missing = isinstance(exc, ModuleNotFoundError) and exc.name == "harper"
            reason = "" if missing else f" ({' '.join(str(exc).split())})"
            _failure = ServiceUnavailable(
                f"engine: harper needs the harper-py package{reason}: {INSTALL_HINT} "
                "(or set rules.grammar.server to use a LanguageTool server)"
            )
        else:
            _harper = harper
            return harper
    raise _failure


def engine_for(options: Mapping[str, Any]) -> Engine:
    """Return the run's Harper engine for these options, building it on first use."""
    with _lock:
        harper = _module()
        settings = Settings.from_options(options, harper.get_default_lint_config())
        engine = _engines.get(settings)
        if engine is None:
            engine = _engines[settings] = Engine(harper, settings)
        return engine


def pieces(document: Document, paragraph: Paragraph) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, text)`` pieces of a paragraph of at most ``PIECE`` characters."""
    text = paragraph.text
    if len(text) <= PIECE:
        yield 0, text
        return
    starts = [sentence.start for sentence in document.sentences_of(paragraph)]
    at = 0
    while at < len(text):
        limit = at + PIECE
        if limit >= len(text):
            cut = len(text)
        else:
            index = bisect_right(starts, limit) - 1
            cut = starts[index] if index >= 0 and starts[index] > at else 0
            if not cut:
                space = text.rfind(" ", at + PIECE // 2, limit)
                cut = space + 1 if space >= 0 else limit
        yield at, text[at:cut]
        at = cut


def _is_doubled(text: str) -> bool:
    """Return whether ``text`` is one word written twice ("the the", "will will")."""
    words = _WORDS.findall(text)
    return len(words) == 2 and words[0].lower() == words[1].lower()


class _Doubles:
    """Where newslint's repeated-word rule finds a doubled word, asked once per document.

    Harper flags every doubled word; repeated-word knows which are good English ("had
    had", "log in in the morning", "What it is is", "Will Will Smith"), so it decides.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self._starts: list[int] | None = None

    def within(self, start: int, end: int) -> bool:
        """Return whether repeated-word reports a doubled word inside the file span."""
        if self._starts is None:
            from newslint.rules.repeated_word import repeated_word

            self._starts = sorted(v.start for v in repeated_word(self.document))
        index = bisect_right(self._starts, start)
        return index < len(self._starts) and self._starts[index] < end


def check(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Yield the grammar rule's violations for one document, checked by Harper."""
    paragraphs = checked_paragraphs(document)
    if not paragraphs:
        return
    engine = engine_for(options)
    doubles = _Doubles(document)
    for paragraph in paragraphs:
        for offset, text in pieces(document, paragraph):
            for match in engine.matches(text, cache=bool(options["cache"])):
                finding = violation(document, paragraph, match.shifted(-offset))
                if finding is None:
                    continue
                if _is_doubled(text[match.start : match.end]) and not doubles.within(finding.start, finding.end):
                    continue
                yield finding


def finish() -> None:
    """Release the run's Harper linters and their caches."""
    global _failure
    with _lock:
        _engines.clear()
        _failure = None
