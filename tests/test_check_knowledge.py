"""tools/check_knowledge.py: the knowledge base against leader datasets in the kb-reference shape."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import sys
from pathlib import Path

import pytest

from newslint.knowledge import load_texts, shipped_files

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "kb-reference"
_spec = importlib.util.spec_from_file_location("check_knowledge", ROOT / "tools" / "check_knowledge.py")
ck = importlib.util.module_from_spec(_spec)
sys.modules["check_knowledge"] = ck  # dataclasses look their module up there
_spec.loader.exec_module(ck)

D = dt.date


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/kb-reference is not available")
def test_every_disagreement_with_the_reference_is_judged_in_the_allowlist():
    out = io.StringIO()
    status = ck.main(["--reference", str(REFERENCE)], out=out)
    report = out.getvalue()
    assert "UNJUDGED" not in report and "no longer matches" not in report, report
    assert status == 0
    assert "covered" in report and "start and end date differences" in report


def test_every_correlates_of_war_state_maps_to_one_of_our_countries():
    countries = set(load_texts(shipped_files()).countries)
    assert {code for code in ck.COW.values() if code} <= countries
    assert all(len(abbreviation) == 3 and abbreviation.isupper() for abbreviation in ck.COW)


# ---------------------------------------------------------------------------------------
# The check on a small knowledge file of our own and reference terms we write

OURS = """\
checked: 2025-06-30
countries:
  XA:
    name: Alphaland
    forms: [Alphaland]
    offices:
      president:
        titles: [President]
        incomplete:
          - [2010-01-01, 2011-01-01]
        holders:
          - [Felipe González, 1990-01-01, 2000-01-01]
          - [Jigme Wangchuck, 2000-01-01, 2010-01-01]
          - [Boris Yeltsin, 2011-01-01, 2015-01-01]
          - [Ann Able, 2015-01-01, null]
"""


def _term(leader: str, start: dt.date, end: dt.date | None, ref_id: str = "t") -> object:
    return ck.RefTerm("REF", ref_id, "XAA", "XA", leader, start, end, False)


def _check(*terms):
    (report,) = ck.check(load_texts([("ours.yaml", OURS)]), list(terms), D(1990, 1, 1), 14)
    return report


@pytest.mark.parametrize(
    "leader, start, end",
    [
        ("Gonzalez Marquez", D(1990, 1, 1), D(2000, 1, 1)),  # our surname, then the mother's
        ("Wangchuck", D(2000, 1, 3), D(2010, 1, 1)),  # two days: within the handover tolerance
        ("Eltsin", D(2011, 1, 1), D(2015, 1, 1)),  # another transliteration
        ("Ann Able", D(2015, 1, 10), D(2020, 1, 1)),  # ours still open
    ],
)
def test_a_term_our_files_hold_is_covered(leader, start, end):
    report = _check(_term(leader, start, end))
    assert (report.covered, report.disagreements, report.known_gaps) == (1, [], [])


@pytest.mark.parametrize(
    "leader, start, end, kind",
    [
        ("Zed Nobody", D(2001, 1, 1), D(2002, 1, 1), "not in our files"),
        ("Jigme Thinley", D(2001, 1, 1), D(2002, 1, 1), "not in our files"),  # a shared first name is no match
        ("Wangchuck", D(1999, 11, 1), D(2010, 1, 1), "not on these dates"),  # two months before ours
        ("Gonzalez", D(2003, 5, 1), D(2003, 5, 6), "not on these dates"),  # a short term ours lack altogether
    ],
)
def test_a_term_our_files_deny_is_a_disagreement(leader, start, end, kind):
    report = _check(_term(leader, start, end))
    assert [d.kind for d in report.disagreements] == [kind]


def test_a_short_stop_gap_and_a_span_marked_incomplete_are_no_disagreement():
    report = _check(
        _term("Zed Nobody", D(2003, 5, 1), D(2003, 5, 9), "short"),
        _term("Cy Cole", D(2010, 2, 1), D(2010, 12, 1), "marked"),
    )
    assert report.disagreements == []
    assert [t.ref_id for t in report.short_unknown] == ["short"]
    assert [t.ref_id for t in report.known_gaps] == ["marked"]


CSV_HEADER = "source,ref_id,code,stateabb,country,leader,start,start_precision,end,end_precision,entry,exit\n"


def test_the_tool_fails_on_an_unjudged_disagreement_and_on_a_stale_allowlist_entry(tmp_path):
    reference = tmp_path / "reference"
    reference.mkdir()
    (reference / "test.csv").write_text(
        CSV_HEADER
        + "TEST,a1,200,UKG,,Blair,1997-05-02,day,2007-06-27,day,,\n"
        + "TEST,a2,200,UKG,,Zed Nobody,2003-01-01,day,2003-06-01,day,,\n",
        encoding="utf-8",
    )
    allowlist = tmp_path / "allow.yaml"
    run = lambda: (
        ck.main(["--reference", str(reference), "--allowlist", str(allowlist)], out=(out := io.StringIO())),
        out.getvalue(),
    )
    status, report = run()
    assert status == 1 and "TEST a2 GB Zed Nobody 2003-01-01..2003-06-01: not in our files" in report
    assert "UNJUDGED" in report and "TEST a1" not in report
    allowlist.write_text("- country: GB\n  leader: Zed Nobody\n  why: an invented leader, judged\n", encoding="utf-8")
    assert run()[0] == 0
    allowlist.write_text(
        "- country: GB\n  leader: Zed Nobody\n  why: judged\n- source: TEST\n  id: a1\n  why: no disagreement at all\n",
        encoding="utf-8",
    )
    status, report = run()
    assert status == 1 and "allowlist entry TEST a1 no longer matches a disagreement" in report


@pytest.mark.parametrize(
    "text, message",
    [
        ("- country: GB\n  leader: X\n", "needs a reason"),
        ("- country: GB\n  why: no leader\n", "'country' and 'leader'"),
        ("- id: a1\n  why: no source\n", "'id' needs 'source'"),
        ("- country: GB\n  leader: X\n  why: y\n  colour: red\n", "unknown key"),
    ],
)
def test_allowlist_entries_must_say_what_they_judge_and_why(tmp_path, text, message):
    path = tmp_path / "allow.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        ck.read_allowlist(path)


def test_the_shipped_allowlist_reads_and_gives_every_entry_a_reason():
    entries = ck.read_allowlist(ck.ALLOWLIST)
    assert entries and all(len(entry.why) > 10 for entry in entries)
