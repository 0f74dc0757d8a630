"""The knowledge base: every shipped file follows the format, and the loader merges as documented."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from newslint import knowledge
from newslint.knowledge import KnowledgeError, load_texts, parse_file, shipped_files

WORLD = Path(__file__).resolve().parents[1] / "rules" / "data" / "world"
FILES = sorted(WORLD.glob("*.yaml"))
CODE = re.compile(r"[A-Z]{2}|[A-Z]{2,6}")
OFFICE_KEY = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def _ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


@pytest.fixture(scope="module")
def merged() -> knowledge.Knowledge:
    return load_texts(shipped_files())


def test_there_are_files():
    assert FILES, "rules/data/world holds no YAML file"
    assert {p.name for p in FILES} >= {"international.yaml", "ministers.yaml"}


@pytest.mark.parametrize("path", FILES, ids=_ids(FILES))
def test_file_loads_with_safe_load_and_follows_the_format(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    parsed = parse_file(data, path.name)  # raises on a bad date, a term ending before it starts...
    assert isinstance(parsed["checked"], dt.date)
    for code, country in parsed["countries"].items():
        assert CODE.fullmatch(code), f"{path.name}: {code!r} is not a country or organisation code"
        for key, office in country["offices"].items():
            assert OFFICE_KEY.fullmatch(key), f"{path.name}: office key {key!r} is not kebab-case"
            assert office["titles"], f"{path.name}: {code}.{key} has no titles"
            for term in office["terms"]:
                where = f"{path.name}: {code}.{key}: {term.person}"
                assert term.start <= parsed["checked"], f"{where} starts after `checked`"
                assert term.end is None or term.end <= parsed["checked"], f"{where} ends after `checked`"
                assert term.person == term.person.strip() and "  " not in term.person, where


def test_single_offices_have_no_overlapping_terms(merged):
    problems = []
    for (code, key), office in merged.offices.items():
        if not office.single:
            continue
        terms = sorted(office.terms, key=lambda t: t.start)
        for before, after in zip(terms, terms[1:]):
            # a successor starts on the day the predecessor's term ends
            if before.end is None or after.start < before.end:
                problems.append(
                    f"{code}.{key}: {before.person} {before.start}..{before.end} "
                    f"overlaps {after.person} {after.start}..{after.end}"
                )
    assert not problems, "\n".join(problems)


def test_every_person_with_variants_holds_an_office(merged):
    missing = sorted(set(merged.people) - set(merged.terms_of))
    assert not missing, f"people entries for names that hold no office: {missing}"


def test_every_country_has_a_name_and_forms(merged):
    missing = sorted(code for code, country in merged.countries.items() if not country.name or not country.forms)
    assert not missing, f"countries without a name or forms: {missing}"


def test_every_form_names_one_country_unless_shared(merged):
    shared = {form for form in merged.forms if len(merged.forms[form]) > 1}
    undeclared = sorted(
        f"{form}: {sorted(merged.forms[form])}" for form in shared if form.replace("’", "'") not in merged.shared_forms
    )
    assert not undeclared, "forms given to several countries (list them in shared-forms):\n" + "\n".join(undeclared)


def test_no_holder_is_listed_twice_for_the_same_term(merged):
    duplicates = []
    for (code, key), office in merged.offices.items():
        seen = set()
        for term in office.terms:
            if (term.person, term.start) in seen:
                duplicates.append(f"{code}.{key}: {term.person} {term.start}")
            seen.add((term.person, term.start))
    assert not duplicates, duplicates


def test_the_commissioned_facts_are_there(merged):
    """The offices the seed and the corpus need, from the files of three helpers."""
    ukraine = merged.offices[("UA", "president")]
    assert [t.person for t in ukraine.holder_on(dt.date(2025, 6, 1))] == ["Volodymyr Zelenskyy"]
    assert [t.person for t in merged.offices[("RU", "president")].holder_on(dt.date(2025, 6, 1))] == ["Vladimir Putin"]
    assert [t.person for t in merged.offices[("GB", "chancellor")].holder_on(dt.date(2005, 1, 1))] == ["Gordon Brown"]
    assert [t.person for t in merged.offices[("GB", "home-secretary")].holder_on(dt.date(2005, 1, 1))] == [
        "Charles Clarke"
    ]
    assert [t.person for t in merged.offices[("US", "secretary-of-state")].holder_on(dt.date(2005, 6, 1))] == [
        "Condoleezza Rice"
    ]
    assert merged.offices[("RU", "spokesperson")].single is False
    assert "Kremlin" in merged.countries["RU"].forms


# ---------------------------------------------------------------------------------------
# The loader on small texts

BASE = """\
checked: 2025-06-30
countries:
  XA:
    name: Alphaland
    forms: [Alphaland, Alphan, "Alphaland's"]
    offices:
      president:
        titles: [President]
        holders:
          - [Ann Able, 2000-01-01, 2010-01-01]
          - [Bea Best, 2010-01-01, null]
people:
  Ann Able: [Anne Able]
"""


def test_offices_of_one_country_in_two_files_are_merged():
    other = (
        "checked: 2024-01-01\ncountries:\n  XA:\n    offices:\n      foreign-minister:\n"
        "        titles: [Foreign Minister]\n        holders:\n          - [Cy Cole, 2001-01-01, null]\n"
    )
    kb = load_texts([("a.yaml", BASE), ("b.yaml", other)])
    assert set(kb.offices) == {("XA", "president"), ("XA", "foreign-minister")}
    assert kb.countries["XA"].name == "Alphaland"
    # each term keeps its own file's `checked`
    assert kb.offices[("XA", "foreign-minister")].terms[0].checked == dt.date(2024, 1, 1)


def test_forms_given_differently_in_two_files_fail_naming_both():
    other = "checked: 2025-06-30\ncountries:\n  XA:\n    forms: [Alphaland]\n"
    with pytest.raises(KnowledgeError, match=r"b\.yaml: countries\.XA\.forms disagrees with a\.yaml"):
        load_texts([("a.yaml", BASE), ("b.yaml", other)])


def test_an_extra_file_overrides_an_office_and_adds_people():
    extra = (
        "checked: 2025-06-30\ncountries:\n  XA:\n    offices:\n      president:\n        titles: [President]\n"
        "        holders:\n          - [Dee Dunn, 2000-01-01, null]\npeople:\n  Dee Dunn: [D. Dunn]\n"
    )
    kb = load_texts([("a.yaml", BASE)], [("local.yaml", extra)])
    assert [t.person for t in kb.offices[("XA", "president")].terms] == ["Dee Dunn"]
    assert kb.lookup(["D.", "Dunn"]) == {"Dee Dunn"}


@pytest.mark.parametrize(
    "text, message",
    [
        ("countries: {}\n", "'checked'"),
        (
            "checked: 2025-06-30\ncountries:\n  XA:\n    offices:\n      p:\n        titles: [P]\n"
            "        holders:\n          - [Ann, 2005-01-01, 2004-01-01]\n",
            "ends before it starts",
        ),
        (
            "checked: 2025-06-30\ncountries:\n  XA:\n    offices:\n      p:\n        titles: [P]\n"
            "        holders:\n          - [Ann, 2005-13-01, null]\n",
            "not a date",
        ),
        ("checked: 2025-06-30\ncountries:\n  XA:\n    colour: red\n", "unknown key"),
        (
            "checked: 2025-06-30\ncountries:\n  XA:\n    offices:\n      p:\n        titles: [P]\n"
            "        holders:\n          - [Ann, 2005-01-01]\n",
            r"\[name, from, to\]",
        ),
    ],
)
def test_mistakes_are_reported_with_the_file(text, message):
    with pytest.raises(KnowledgeError, match=message):
        load_texts([("bad.yaml", text)])


def test_names_are_looked_up_without_case_accents_full_stops_or_apostrophe_style():
    text = BASE.replace("Ann Able, 2000", "Gerhard Schröder, 2000").replace(
        "Ann Able: [Anne Able]", "Gerhard Schröder: [G. O'Neill]"
    )
    kb = load_texts([("a.yaml", text)])
    assert kb.lookup(["Gerhard", "Schroeder"]) == {"Gerhard Schröder"}
    assert kb.lookup(["GERHARD", "SCHRODER"]) == {"Gerhard Schröder"}
    assert kb.lookup(["G", "O’Neill"]) == {"Gerhard Schröder"}
    assert kb.lookup(["Schröder"]) == {"Gerhard Schröder"}  # a surname alone
    assert kb.lookup(["Hans", "Schröder"]) == set()  # another first name: someone else


def test_a_monarch_is_found_by_the_name_without_the_regnal_number():
    text = BASE.replace("Ann Able, 2000", "Abdullah II, 2000").replace(
        "Ann Able: [Anne Able]", "Bea Best: [King Abdullah]"
    )
    kb = load_texts([("a.yaml", text)])
    assert kb.lookup(["Abdullah", "II"]) == {"Abdullah II"}
    # one word: the name without its number, and the surname of a variant, both
    assert kb.lookup(["Abdullah"]) == {"Abdullah II", "Bea Best"}
    assert kb.goes_by("Abdullah II", "Abdullah") and kb.goes_by("Abdullah II", "ABDULLAH")
    assert not kb.goes_by("Bea Best", "Abdullah")  # only a surname of "King Abdullah"
    assert not kb.goes_by("Bea Best", "Best")
    assert kb.spellings("Abdullah II") == ("Abdullah II", "Abdullah")


INCOMPLETE = """\
checked: 2025-06-30
countries:
  XA:
    name: Alphaland
    forms: [Alphaland]
    offices:
      president:
        titles: [President]
        incomplete:
          - [2004-01-01, 2006-01-01]
          - [2020-01-01, null, "acting heads since 2020 are not listed"]
        holders:
          - [Ann Able, 2000-01-01, 2004-01-01]
          - [Bea Best, 2006-01-01, null]
"""


def test_incomplete_spans_are_read_and_say_where_the_list_is_not_complete():
    office = load_texts([("a.yaml", INCOMPLETE)]).offices[("XA", "president")]
    assert office.incomplete == ((dt.date(2004, 1, 1), dt.date(2006, 1, 1)), (dt.date(2020, 1, 1), None))
    assert office.listed_over(dt.date(2001, 1, 1), dt.date(2003, 12, 31))
    assert office.listed_over(dt.date(2007, 1, 1), dt.date(2019, 12, 31))
    assert not office.listed_over(dt.date(1999, 1, 1), dt.date(2001, 1, 1))  # before the first listed term
    assert not office.listed_over(dt.date(2003, 6, 1), dt.date(2004, 6, 1))
    assert not office.listed_over(dt.date(2024, 6, 1), dt.date(2024, 6, 2))  # open-ended span
    assert office.listed_over(dt.date(2019, 1, 1), dt.date(2019, 12, 31))


def test_an_office_listed_with_no_holders_is_kept_and_never_complete():
    text = (
        "checked: 2025-06-30\ncountries:\n  XA:\n    name: Alphaland\n    forms: [Alphaland]\n"
        "    offices:\n      prime-minister:\n        titles: [Prime Minister]\n        holders: []\n"
        "        incomplete:\n          - [1990-01-01, null]\n"
    )
    office = load_texts([("a.yaml", text)]).offices[("XA", "prime-minister")]
    assert office.terms == () and not office.listed_over(dt.date(2005, 1, 1), dt.date(2005, 1, 2))


@pytest.mark.parametrize(
    "entry, message",
    [
        ("[2004-01-01]", r"\[from, to\]"),
        ("[2006-01-01, 2004-01-01]", "ends before it starts"),
        ("[null, 2004-01-01]", "start date is required"),
        ("[2004-02-30, null]", "not a date"),
    ],
)
def test_bad_incomplete_spans_are_reported_with_the_file(entry, message):
    text = (
        "checked: 2025-06-30\ncountries:\n  XA:\n    offices:\n      p:\n        titles: [P]\n"
        f"        incomplete:\n          - {entry}\n"
    )
    with pytest.raises(KnowledgeError, match=message):
        load_texts([("bad.yaml", text)])


def test_an_unknown_office_key_is_reported():
    text = "checked: 2025-06-30\ncountries:\n  XA:\n    offices:\n      p:\n        titles: [P]\n        holder: []\n"
    with pytest.raises(KnowledgeError, match=r"bad\.yaml: countries\.XA\.offices\.p: unknown key\(s\): holder"):
        load_texts([("bad.yaml", text)])


def test_a_gap_between_listed_terms_is_not_complete_beyond_the_slack():
    text = BASE.replace(
        "          - [Bea Best, 2010-01-01, null]\n",
        "          - [Bea Best, 2010-03-01, 2012-01-01]\n          - [Cy Cole, 2012-01-05, null]\n",
    )
    office = load_texts([("a.yaml", text)]).offices[("XA", "president")]
    week = dt.timedelta(days=7)
    assert not office.listed_over(dt.date(2010, 1, 15), dt.date(2010, 1, 20), week)  # two months: unknown
    assert office.listed_over(dt.date(2012, 1, 2), dt.date(2012, 1, 3), week)  # four days: a handover
    assert not office.listed_over(dt.date(2012, 1, 2), dt.date(2012, 1, 3))  # ... unless no slack
    assert office.listed_over(dt.date(2005, 1, 1), dt.date(2009, 12, 31), week)
    assert office.listed_over(dt.date(2030, 1, 1), dt.date(2030, 1, 2), week)  # an open term runs on


def test_derived_data_is_built_once_and_kept_with_the_knowledge_base(tmp_path, monkeypatch):
    import types

    from newslint import cache
    from newslint.knowledge import Knowledge, derived

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    built: list[int] = []

    def build() -> dict[str, tuple[str, ...]]:
        built.append(1)
        return {"head": ("a", "b")}

    kept = Knowledge(cache_key="files-as-they-were")
    assert derived(kept, "probe-1", build) == {"head": ("a", "b")}
    assert derived(kept, "probe-1", build) == {"head": ("a", "b")} and len(built) == 1
    assert list(tmp_path.glob("probe-1-*.marshal"))
    assert derived(Knowledge(cache_key="other-files"), "probe-1", build) and len(built) == 2
    unkept = Knowledge()  # not loaded through the cache: built every time
    derived(unkept, "probe-1", build)
    derived(unkept, "probe-1", build)
    assert len(built) == 4
    # The key names the builder's module file (this test file) and modules passed as code.
    assert cache.source_files(build, cache) == [__file__, cache.__file__]
    assert cache.source_files(types.ModuleType("no_file")) == []
