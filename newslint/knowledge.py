"""The knowledge base of office-holders: who held which country's office, and when.

The facts live in YAML files (``rules/data/world/*.yaml``, format described in that
folder's README.md), loaded lazily and once per set of extra files. Every file may name
any country: their offices are merged, and a country's ``name`` and ``forms`` must agree
wherever they are given more than once. Extra files (a paper's own list of local
officials) are loaded after the shipped ones and override them office by office and
person by person.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint import shipped
from newslint.document import as_date
from newslint.errors import KnowledgeError

# Honorifics and styles that stand between a title and a name and are not part of the name.
HONORIFICS = frozenset(
    "Ayatollah Grand Sheikh Shaikh Sheik Dr Dr. Sir Dame Mr Mr. Mrs Mrs. Ms Ms. Prof Prof. "
    "Professor General Gen Gen. Rabbi Cardinal Archbishop Emir Prince Crown Princess King Queen "
    "Sultan Marshal Field Rev Rev. Reverend Hon Hon. Imam Mullah Lady Lord Baroness Baron "
    "Madam Madame Mme Mme. M. Herr Senor Señor Signor Signora Comrade".split()
)

# Name particles that may stand lower-case inside a name (Ursula von der Leyen).
PARTICLES = frozenset("al el bin bint ibn abu de da di du do dos das van von der den la le ter ten zu y e wa".split())


@dataclass(frozen=True)
class Term:
    """One holder's time in one office; ``end`` is None while in office at ``checked``."""

    person: str
    start: _dt.date
    end: _dt.date | None
    checked: _dt.date
    source: str = ""

    def last_certain(self) -> _dt.date:
        """Return the last day the data vouches for: the end, or ``checked`` if open."""
        return self.end if self.end is not None else self.checked


@dataclass(frozen=True)
class Office:
    """A country's office: its titles, whether one person holds it at a time, its terms."""

    country: str
    key: str
    titles: tuple[str, ...]
    single: bool
    terms: tuple[Term, ...]
    # Spans where the files know the holder list to be incomplete (a coup period, acting
    # heads not listed): no date is asserted inside them. ``None`` ends at ``checked``.
    incomplete: tuple[tuple[_dt.date, _dt.date | None], ...] = ()

    def holder_on(self, day: _dt.date) -> list[Term]:
        """Return the terms that cover ``day`` (open terms only up to their ``checked``)."""
        return [t for t in self.terms if t.start <= day <= t.last_certain()]

    def listed_over(self, lo: _dt.date, hi: _dt.date, slack: _dt.timedelta = _dt.timedelta(0)) -> bool:
        """Return whether the holder list is complete from ``lo`` to ``hi``.

        Before the first listed term the files say nothing (earlier holders were left
        out), inside a span marked ``incomplete`` a holder may be missing, and so may
        one in a gap between two listed terms longer than ``slack`` (a vacancy, or an
        acting holder nobody wrote down). After ``checked`` the list is taken to go on as
        it stands (an open term runs on); who held the office then is not known.
        """
        first = self.covered_from
        if first is None or lo < first:
            return False
        if any(start <= hi and (end is None or end >= lo) for start, end in self.incomplete):
            return False
        reached: _dt.date | None = None  # the latest end so far, in start order
        for term in self.terms:
            if reached is not None and term.start - reached > slack and term.start >= lo and reached <= hi:
                return False
            if term.end is None:
                return True  # runs on: no gap after it
            reached = term.end if reached is None else max(reached, term.end)
        return True

    @property
    def covered_from(self) -> _dt.date | None:
        """Return the first day the holder list covers, or None if it is empty."""
        return min((t.start for t in self.terms), default=None)

    @property
    def checked(self) -> _dt.date | None:
        """Return the earliest ``checked`` date of the office's files."""
        return min((t.checked for t in self.terms), default=None)


@dataclass(frozen=True)
class Country:
    """A country or organisation: its name and the forms a newsroom writes before a title."""

    code: str
    name: str
    forms: tuple[str, ...]
    organisation: bool = False


@dataclass(eq=False)
class Knowledge:
    """Everything the files say, indexed for the rules."""

    countries: dict[str, Country] = field(default_factory=dict)
    offices: dict[tuple[str, str], Office] = field(default_factory=dict)
    people: dict[str, tuple[str, ...]] = field(default_factory=dict)
    shared_forms: frozenset[str] = frozenset()
    cache_key: str | None = None  # what the files were, when loaded through the on-disk cache

    def __post_init__(self) -> None:
        self.forms: dict[str, frozenset[str]] = {}
        for code, country in self.countries.items():
            for form in country.forms:
                for spelling in _apostrophe_spellings(form):
                    self.forms[spelling] = self.forms.get(spelling, frozenset()) | {code}
        self.titles: dict[str, list[Office]] = {}
        for office in self.offices.values():
            for title in office.titles:
                self.titles.setdefault(title_key(title), []).append(office)
        self.terms_of: dict[str, list[tuple[Office, Term]]] = {}
        for office in self.offices.values():
            for term in office.terms:
                self.terms_of.setdefault(term.person, []).append((office, term))
        # Every office's titles, for finding titles in a text before any fact is needed.
        self.office_titles: tuple[str, ...] = tuple(sorted({t for o in self.offices.values() for t in o.titles}))
        self.names: dict[str, set[str]] = {}  # name key -> canonical names
        self.surnames: dict[str, set[str]] = {}
        self.single_names: dict[str, frozenset[str]] = {}  # person -> keys of their one-word names
        for person in self.all_people():
            spellings = self.spellings(person)
            self.single_names[person] = frozenset(k for s in spellings if " " not in s for k in name_keys(s))
            for spelling in spellings:
                for key in name_keys(spelling):
                    self.names.setdefault(key, set()).add(person)
                words = spelling.split()
                if len(words) > 1:
                    for key in name_keys(words[-1]):
                        self.surnames.setdefault(key, set()).add(person)

    def spellings(self, person: str) -> tuple[str, ...]:
        """Return every way the files write a person: the canonical name, its variants, and a
        monarch's or pope's name without the regnal number (Abdullah II as Abdullah)."""
        written = (person, *self.people.get(person, ()))
        regnal = tuple(
            bare for s in written if (bare := " ".join(w for w in s.split() if not _REGNAL.fullmatch(w))) not in ("", s)
        )
        return tuple(dict.fromkeys((*written, *regnal)))

    def goes_by(self, person: str, written: str) -> bool:
        """Return whether ``written``, one word, is one of the person's own names (Akihito, Felipe)."""
        keys = self.single_names.get(person, frozenset())
        return any(key in keys for key in name_keys(written))

    def all_people(self) -> set[str]:
        """Return every canonical name: holders and people with variants."""
        return set(self.terms_of) | set(self.people)

    def lookup(self, words: list[str]) -> set[str]:
        """Return the people a written name (its words) may stand for, empty if unknown.

        A name of several words must be a known name or variant as a whole; a single
        word may also be the surname of known people ("King Abdullah": Jordan's Abdullah
        II, and the Saudi king the files also call King Abdullah).
        """
        written = " ".join(words)
        found: set[str] = set()
        for key in name_keys(written):
            found |= self.names.get(key, set())
            if len(words) == 1:
                found |= self.surnames.get(key, set())
        return found

    def country_name(self, code: str) -> str:
        """Return a country's name, or its code when no file gives one."""
        country = self.countries.get(code)
        return country.name if country and country.name else code

    def is_organisation(self, code: str) -> bool:
        """Return whether ``code`` names an organisation rather than a country."""
        country = self.countries.get(code)
        return bool(country and country.organisation)


# A regnal number written after a name: Abdullah II, Juan Carlos I, Carl XVI Gustaf.
_REGNAL = re.compile(r"[IVXL]+")


def title_key(title: str) -> str:
    """Return the key titles are compared by: lower case, one kind of hyphen and space."""
    return " ".join(title.replace("‐", "-").replace("–", "-").casefold().split())


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_keys(name: str) -> tuple[str, ...]:
    """Return the keys a name is indexed by: without case, accents, full stops or apostrophe styles.

    German umlauts give two keys (Schröder matches both Schroeder and Schroder).
    """
    base = name.replace("’", "'").replace("‘", "'").replace(".", " ").replace("‐", "-")
    base = " ".join(base.split())
    keys = {_plain(base).casefold(), _plain(base.translate(_UMLAUTS)).casefold()}
    return tuple(sorted(keys))


def _apostrophe_spellings(form: str) -> tuple[str, ...]:
    if "'" in form or "’" in form:
        return (form.replace("’", "'"), form.replace("'", "’"))
    return (form,)


# ---------------------------------------------------------------------------------------
# Loading


def _date(value: Any, where: str) -> _dt.date | None:
    if value is None:
        return None
    found = as_date(value)
    if found is None:
        raise KnowledgeError(f"{where}: not a date (YYYY-MM-DD): {value!r}")
    return found


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeError(f"{where}: must be a list of strings")
    return tuple(value)


@dataclass
class _Draft:
    """Raw facts gathered from the files before indexing."""

    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (name, source)
    forms: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)
    organisations: set[str] = field(default_factory=set)
    offices: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    people: dict[str, tuple[str, ...]] = field(default_factory=dict)
    shared: set[str] = field(default_factory=set)


def parse_file(data: Any, source: str) -> dict[str, Any]:
    """Validate one file's parsed YAML and return it as plain values (raises KnowledgeError)."""
    if not isinstance(data, dict):
        raise KnowledgeError(f"{source}: the file must be a mapping with 'checked' and 'countries'")
    unknown = set(data) - {"checked", "countries", "people", "shared-forms"}
    if unknown:
        raise KnowledgeError(f"{source}: unknown top-level key(s): {', '.join(sorted(map(str, unknown)))}")
    checked = _date(data.get("checked"), f"{source}: checked")
    if checked is None:
        raise KnowledgeError(f"{source}: 'checked' (the date the facts were checked up to) is required")
    countries = data.get("countries") or {}
    if not isinstance(countries, dict):
        raise KnowledgeError(f"{source}: 'countries' must be a mapping of codes")
    parsed: dict[str, Any] = {"checked": checked, "countries": {}, "people": {}, "shared": ()}
    for code, entry in countries.items():
        where = f"{source}: countries.{code}"
        if not isinstance(entry, dict):
            raise KnowledgeError(f"{where}: must be a mapping")
        extra = set(entry) - {"name", "forms", "offices", "organisation"}
        if extra:
            raise KnowledgeError(f"{where}: unknown key(s): {', '.join(sorted(map(str, extra)))}")
        country: dict[str, Any] = {
            "name": entry.get("name"),
            "forms": _strings(entry["forms"], f"{where}.forms") if "forms" in entry else None,
            "organisation": bool(entry.get("organisation", False)),
            "offices": {},
        }
        for key, office in (entry.get("offices") or {}).items():
            owhere = f"{where}.offices.{key}"
            if not isinstance(office, dict):
                raise KnowledgeError(f"{owhere}: must be a mapping")
            titles = _strings(office.get("titles"), f"{owhere}.titles")
            single = office.get("single", True)
            if not isinstance(single, bool):
                raise KnowledgeError(f"{owhere}.single: must be true or false")
            extra = set(office) - {"titles", "single", "holders", "incomplete"}
            if extra:
                raise KnowledgeError(f"{owhere}: unknown key(s): {', '.join(sorted(map(str, extra)))}")
            gaps = []
            for i, gap in enumerate(office.get("incomplete") or []):
                gwhere = f"{owhere}.incomplete[{i}]"
                if not (isinstance(gap, list) and len(gap) in (2, 3)):
                    raise KnowledgeError(f"{gwhere}: must be [from, to] or [from, to, note]")
                start, end = _date(gap[0], gwhere), _date(gap[1], gwhere)
                if start is None:
                    raise KnowledgeError(f"{gwhere}: the start date is required")
                if end is not None and end < start:
                    raise KnowledgeError(f"{gwhere}: ends before it starts")
                gaps.append((start, end))
            terms = []
            for i, holder in enumerate(office.get("holders") or []):
                hwhere = f"{owhere}.holders[{i}]"
                if not (isinstance(holder, list) and len(holder) == 3 and isinstance(holder[0], str)):
                    raise KnowledgeError(f"{hwhere}: must be [name, from, to]")
                start = _date(holder[1], hwhere)
                end = _date(holder[2], hwhere)
                if start is None:
                    raise KnowledgeError(f"{hwhere}: the start date is required")
                if end is not None and end < start:
                    raise KnowledgeError(f"{hwhere}: ends before it starts")
                terms.append(Term(holder[0], start, end, checked, source))
            country["offices"][key] = {"titles": titles, "single": single, "terms": terms, "incomplete": gaps}
        parsed["countries"][str(code)] = country
    for person, variants in (data.get("people") or {}).items():
        parsed["people"][str(person)] = _strings(variants or [], f"{source}: people.{person}")
    parsed["shared"] = _strings(data.get("shared-forms") or [], f"{source}: shared-forms")
    return parsed


def _merge(draft: _Draft, parsed: Mapping[str, Any], source: str, override: bool) -> None:
    for code, country in parsed["countries"].items():
        for attribute, store in (("name", draft.names), ("forms", draft.forms)):
            value = country[attribute]
            if value is None:
                continue
            if code in store and not override and store[code][0] != value:
                raise KnowledgeError(
                    f"{source}: countries.{code}.{attribute} disagrees with {store[code][1]}; give it in one file only"
                )
            store[code] = (value, source)
        if country["organisation"]:
            draft.organisations.add(code)
        for key, office in country["offices"].items():
            existing = draft.offices.get((code, key))
            if existing is None or override:
                draft.offices[(code, key)] = {
                    **office,
                    "titles": list(office["titles"]),
                    "terms": list(office["terms"]),
                    "incomplete": list(office["incomplete"]),
                }
            else:
                existing["titles"] += [t for t in office["titles"] if t not in existing["titles"]]
                existing["terms"] += office["terms"]
                existing["incomplete"] += office["incomplete"]
                existing["single"] = existing["single"] and office["single"]
    for person, variants in parsed["people"].items():
        if override or person not in draft.people:
            draft.people[person] = variants
        else:
            draft.people[person] += tuple(v for v in variants if v not in draft.people[person])
    draft.shared.update(parsed["shared"])


def _build(draft: _Draft) -> Knowledge:
    codes = set(draft.names) | set(draft.forms) | {code for code, _ in draft.offices}
    countries = {
        code: Country(
            code,
            draft.names.get(code, ("", ""))[0] or "",
            tuple(draft.forms.get(code, ((), ""))[0]),
            code in draft.organisations,
        )
        for code in codes
    }
    offices = {
        (code, key): Office(
            code,
            key,
            tuple(office["titles"]),
            office["single"],
            tuple(sorted(office["terms"], key=lambda t: t.start)),
            tuple(sorted(office["incomplete"], key=lambda gap: gap[0])),
        )
        for (code, key), office in draft.offices.items()
    }
    return Knowledge(countries, offices, dict(draft.people), frozenset(draft.shared))


def shipped_files() -> list[tuple[str, str]]:
    """Return ``(name, text)`` of every shipped knowledge file, in name order."""
    folder = shipped.data().joinpath("world")
    if not folder.is_dir():
        return []
    return [
        (f"world/{entry.name}", entry.read_text(encoding="utf-8"))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith((".yaml", ".yml"))
    ]


def read_yaml(text: str, source: str) -> Any:
    """Return a knowledge file's data, read with PyYAML's safe loader (libyaml's when built)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        # One line: PyYAML's own message spans several, with the snippet and a caret.
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise KnowledgeError(f"{source}{where}: not valid YAML: {problem}") from exc
    except ValueError as exc:  # a date such as 2005-13-01
        raise KnowledgeError(f"{source}: not a date (YYYY-MM-DD): {exc}") from exc


def load_texts(texts: Iterable[tuple[str, str]], extras: Iterable[tuple[str, str]] = ()) -> Knowledge:
    """Build a knowledge base from file texts (the shipped ones, then overriding extras)."""
    draft = _Draft()
    for group, override in ((texts, False), (extras, True)):
        for source, text in group:
            _merge(draft, parse_file(read_yaml(text, source), source), source, override)
    return _build(draft)


def _shipped_paths() -> list[Path]:
    folder = shipped.data().joinpath("world")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith((".yaml", ".yml")))


def option() -> Any:
    """Return the ``knowledge`` rule option: extra knowledge files, checked when the configuration loads.

    A file that is missing or malformed is then one configuration error (file and line)
    at start-up, not an internal error of the rule on every article.
    """
    from newslint.options import Option

    return Option(
        [],
        kind="paths",
        must_exist=True,
        loader="newslint.knowledge:load",
        help="extra knowledge files (YAML, the shipped files' format)",
    )


@lru_cache(maxsize=8)
def _load(extra_paths: tuple[str, ...]) -> Knowledge:
    from newslint import cache

    def build() -> Knowledge:
        extras = []
        for path in extra_paths:
            try:
                extras.append((path, Path(path).read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                raise KnowledgeError(f"{path}: cannot read the knowledge file: {exc}") from exc
        return load_texts(shipped_files(), extras)

    # Reading and indexing the files costs more than linting a short article: the built
    # knowledge base is kept between runs, keyed by every file's size and mtime.
    key = cache.file_key(*_shipped_paths(), *extra_paths)

    loaded: list[Knowledge] = []

    def built() -> Knowledge:
        if not loaded:
            # The name changes with the shape of the built value (v4: offices' incomplete
            # spans and office_titles; v5: single_names, regnal names indexed).
            knowledge = cache.load_or_build("knowledge-v5", key, build)
            knowledge.cache_key = key  # lets rules cache what they derive from it the same way
            loaded.append(knowledge)
        return loaded[0]

    # Even unpickled, the facts cost more than most articles' linting, and most articles
    # name no office: only the titles (to look for) are read now, the rest on first use.
    # A tuple of strings: kept with marshal, which needs no pickle.
    titles = cache.load_or_build("knowledge-titles", key, lambda: tuple(built().office_titles), plain=True)
    return _Deferred(key, tuple(titles), built)


class _Deferred(Knowledge):
    """A knowledge base whose facts are loaded on first use; its titles and key are at hand.

    It is a ``Knowledge``: any attribute but ``cache_key`` and ``office_titles`` loads the
    real one (from newslint's cache, or the files) and takes over its attributes.
    """

    def __init__(self, key: str, titles: tuple[str, ...], loader: Callable[[], Knowledge]) -> None:
        self.__dict__.update(cache_key=key, office_titles=titles, _loader=loader)

    def __getattr__(self, name: str) -> Any:
        # Only called for attributes not yet set: the first use of any fact.
        if name.startswith("__"):
            raise AttributeError(name)
        with _LOADING:  # one thread loads; the others wait for the facts, not fail
            loader = self.__dict__.get("_loader")
            if loader is not None:
                real = loader()
                self.__dict__.update({k: v for k, v in vars(real).items() if k not in ("cache_key", "office_titles")})
                del self.__dict__["_loader"]
        try:
            return self.__dict__[name]
        except KeyError:
            raise AttributeError(name) from None


_LOADING = threading.RLock()


def derived(knowledge: Knowledge, name: str, build: Callable[[], Any], *code: object) -> Any:
    """Return ``build()``, plain data a rule derives from ``knowledge``, kept between runs with it.

    Kept in the data cache (``marshal``) under ``name`` (change it with the data's shape),
    keyed by the knowledge files and by the code that shapes the data: ``build``'s module
    and the modules in ``code``, so an edited file or rule builds it afresh. A knowledge
    base not loaded through the cache (no ``cache_key``) builds it each time.
    """
    if knowledge.cache_key is None:
        return build()
    from newslint import cache

    key = f"{knowledge.cache_key}|{cache.file_key(*cache.source_files(build, *code))}"
    return cache.load_or_build(name, key, build, plain=True)


def load(extra_paths: Iterable[str] = ()) -> Knowledge:
    """Return the knowledge base: shipped files plus extra files (relative to the working directory)."""
    return _load(tuple(os.path.abspath(p) for p in extra_paths))


def alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of literal ``words`` as a trie, longest match first.

    A flat alternation of hundreds of literals is tried one by one at every position;
    a trie branches on each character once.
    """
    trie: dict[str, Any] = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [re_escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return "(?:" + emit(trie) + ")"


def re_escape(char: str) -> str:
    """Escape one character for a regex (a space matches any one space, tab or line break)."""
    if char == " ":
        return r"\s"
    return re.escape(char)
