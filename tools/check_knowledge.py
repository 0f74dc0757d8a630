"""Check the shipped knowledge base (rules/data/world) against leader datasets in the kb-reference shape.

Usage:
    python tools/check_knowledge.py [--reference DIR] [--since 1990-01-01] [--allowlist FILE]
                                    [--tolerance-days 14] [--list] [--dates]

DIR (default: ../shared/kb-reference beside the checkout) holds CSV files with the columns
source, ref_id, code, stateabb, leader, start, start_precision, end, end_precision (REIGN and
Archigos, normalised; see that folder's SOURCE.md). Both record one *effective* leader per
country, so a reference term agrees with our files when the same person holds some office
of that country in our files on those days (a president in one, a prime minister in the
other is no disagreement).

Printed: coverage (reference terms from --since whose leader our files have in office then),
how close the start and end dates are, and every disagreement: the reference's leader is in
no office of ours, or is, but not on days the reference gives (more than --tolerance-days
of them, a month more where the reference dates only to the month; title-mismatch allows as
many around a handover). Stop-gaps no longer than that of people our files do not know, and
spans our files mark ``incomplete``, are counted but are no disagreement. Each disagreement has
to be judged in the allowlist (tools/kb-reference-allowlist.yaml), with the reason it is not
an error of ours; the exit status is 1 while any is unjudged or any allowlist entry no
longer matches a disagreement. The reference files are only read, never copied.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from newslint.knowledge import PARTICLES, Knowledge, load_texts, name_keys, shipped_files

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "kb-reference"
ALLOWLIST = ROOT / "tools" / "kb-reference-allowlist.yaml"

# Correlates of War state abbreviations -> our country codes (ISO 3166-1 alpha-2), written
# for this tool. None: a state our files do not list (it ended before or soon after 1990).
COW: dict[str, str | None] = {
    "USA": "US",
    "CAN": "CA",
    "BHM": "BS",
    "CUB": "CU",
    "HAI": "HT",
    "DOM": "DO",
    "JAM": "JM",
    "TRI": "TT",
    "BAR": "BB",
    "DMA": "DM",
    "GRN": "GD",
    "SLU": "LC",
    "SVG": "VC",
    "AAB": "AG",
    "SKN": "KN",
    "MEX": "MX",
    "BLZ": "BZ",
    "GUA": "GT",
    "HON": "HN",
    "SAL": "SV",
    "NIC": "NI",
    "COS": "CR",
    "PAN": "PA",
    "COL": "CO",
    "VEN": "VE",
    "GUY": "GY",
    "SUR": "SR",
    "ECU": "EC",
    "PER": "PE",
    "BRA": "BR",
    "BOL": "BO",
    "PAR": "PY",
    "CHL": "CL",
    "ARG": "AR",
    "URU": "UY",
    "UKG": "GB",
    "IRE": "IE",
    "NTH": "NL",
    "BEL": "BE",
    "LUX": "LU",
    "FRN": "FR",
    "MNC": "MC",
    "LIE": "LI",
    "SWZ": "CH",
    "SPN": "ES",
    "AND": "AD",
    "POR": "PT",
    "GMY": "DE",
    "GFR": "DE",
    "GDR": None,
    "POL": "PL",
    "AUS": "AT",
    "HUN": "HU",
    "CZE": None,
    "CZR": "CZ",
    "SLO": "SK",
    "ITA": "IT",
    "SNM": "SM",
    "MLT": "MT",
    "ALB": "AL",
    "SER": "RS",
    "YUG": "RS",
    "MNG": "ME",
    "MAC": "MK",
    "CRO": "HR",
    "BOS": "BA",
    "KOS": None,
    "SLV": "SI",
    "GRC": "GR",
    "CYP": "CY",
    "BUL": "BG",
    "MLD": "MD",
    "ROM": "RO",
    "RUM": "RO",
    "RUS": "RU",
    "EST": "EE",
    "LAT": "LV",
    "LIT": "LT",
    "UKR": "UA",
    "BLR": "BY",
    "ARM": "AM",
    "GRG": "GE",
    "AZE": "AZ",
    "FIN": "FI",
    "SWD": "SE",
    "NOR": "NO",
    "DEN": "DK",
    "ICE": "IS",
    "CAP": "CV",
    "STP": "ST",
    "GNB": "GW",
    "EQG": "GQ",
    "GAM": "GM",
    "MLI": "ML",
    "SEN": "SN",
    "BEN": "BJ",
    "MAA": "MR",
    "NIR": "NE",
    "CDI": "CI",
    "GUI": "GN",
    "BFO": "BF",
    "LBR": "LR",
    "SIE": "SL",
    "GHA": "GH",
    "TOG": "TG",
    "CAO": "CM",
    "NIG": "NG",
    "GAB": "GA",
    "CEN": "CF",
    "CHA": "TD",
    "CON": "CG",
    "DRC": "CD",
    "UGA": "UG",
    "KEN": "KE",
    "TAZ": "TZ",
    "BUI": "BI",
    "RWA": "RW",
    "SOM": "SO",
    "DJI": "DJ",
    "ETH": "ET",
    "ERI": "ER",
    "ANG": "AO",
    "MZM": "MZ",
    "ZAM": "ZM",
    "ZIM": "ZW",
    "MAW": "MW",
    "SAF": "ZA",
    "NAM": "NA",
    "LES": "LS",
    "BOT": "BW",
    "SWA": "SZ",
    "MAG": "MG",
    "COM": "KM",
    "MAS": "MU",
    "SEY": "SC",
    "MOR": "MA",
    "ALG": "DZ",
    "TUN": "TN",
    "LIB": "LY",
    "SUD": "SD",
    "SSD": "SS",
    "IRN": "IR",
    "TUR": "TR",
    "IRQ": "IQ",
    "EGY": "EG",
    "SYR": "SY",
    "LEB": "LB",
    "JOR": "JO",
    "ISR": "IL",
    "SAU": "SA",
    # North Yemen's president led the united Yemen from 1990-05-22; South Yemen ended then.
    "YAR": "YE",
    "YEM": "YE",
    "YPR": None,
    "KUW": "KW",
    "BAH": "BH",
    "QAT": "QA",
    "UAE": "AE",
    "OMA": "OM",
    "AFG": "AF",
    "TKM": "TM",
    "TAJ": "TJ",
    "KYR": "KG",
    "UZB": "UZ",
    "KZK": "KZ",
    "CHN": "CN",
    "MON": "MN",
    "TAW": "TW",
    "PRK": "KP",
    "ROK": "KR",
    "JPN": "JP",
    "IND": "IN",
    "BHU": "BT",
    "PAK": "PK",
    "BNG": "BD",
    "MYA": "MM",
    "SRI": "LK",
    "MAD": "MV",
    "NEP": "NP",
    "THI": "TH",
    "CAM": "KH",
    "LAO": "LA",
    "DRV": "VN",
    "MAL": "MY",
    "SIN": "SG",
    "BRU": "BN",
    "PHI": "PH",
    "INS": "ID",
    "ETM": "TL",
    "AUL": "AU",
    "PNG": "PG",
    "NEW": "NZ",
    "VAN": "VU",
    "SOL": "SB",
    "KIR": "KI",
    "TUV": "TV",
    "FIJ": "FJ",
    "FJI": "FJ",
    "TON": "TO",
    "NAU": "NR",
    "MSI": "MH",
    "PAL": "PW",
    "FSM": "FM",
    "WSM": "WS",
}


@dataclass(frozen=True)
class RefTerm:
    """One term of one leader in a reference dataset."""

    source: str
    ref_id: str
    state: str  # the COW abbreviation
    code: str | None  # ours, or None for a state we do not list
    leader: str
    start: dt.date
    end: dt.date | None  # None: open at the dataset's end
    coarse: bool  # the end is dated to the month only (or open)

    @property
    def key(self) -> tuple[str, str]:
        """Return the (source, id) pair an allowlist entry names."""
        return self.source, self.ref_id


@dataclass(frozen=True)
class Person:
    """Someone in our files, as the check sees them: name words, and their terms in one country."""

    name: str
    words: frozenset[str]
    surnames: frozenset[str]  # the last word of each spelling
    spans: tuple[tuple[dt.date, dt.date], ...]  # merged terms in any of the country's offices
    starts: tuple[dt.date, ...]
    ends: tuple[dt.date, ...]  # of closed terms only


@dataclass(frozen=True)
class Disagreement:
    """A reference term our files contradict."""

    term: RefTerm
    kind: str  # "not in our files" | "not on these dates"
    detail: str


@dataclass
class Report:
    """What the check found for one reference dataset."""

    source: str
    terms: int = 0
    covered: int = 0
    short_unknown: list[RefTerm] = field(default_factory=list)  # no longer than the tolerance
    known_gaps: list[RefTerm] = field(default_factory=list)  # where our files say they are incomplete
    unlisted_states: set[str] = field(default_factory=set)
    start_diffs: list[int] = field(default_factory=list)
    end_diffs: list[int] = field(default_factory=list)
    far: list[tuple[RefTerm, str, int]] = field(default_factory=list)  # (term, "start" | "end", days) over a week
    disagreements: list[Disagreement] = field(default_factory=list)


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def read_reference(folder: Path) -> list[RefTerm]:
    """Return every term of every CSV file in ``folder`` (kb-reference shape)."""
    terms = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream):
                start = _date(row["start"])
                if start is None:
                    continue
                state = row["stateabb"].strip()
                precision = row.get("end_precision") or "day"
                # Archigos "censored": still in office at the dataset's end, which is no end.
                end = None if precision in ("censored", "open") else _date(row["end"])
                terms.append(
                    RefTerm(
                        row["source"],
                        row["ref_id"],
                        state,
                        COW.get(state),
                        row["leader"].strip(),
                        start,
                        end,
                        precision == "month",
                    )
                )
    return terms


_SKIP = frozenset({"ii", "iii", "iv", "jr", "sr", "lyonpo", "f", "1st", "2nd", "3rd", "4th", "time"})


def words_of(name: str) -> tuple[str, ...]:
    """Return a name's significant words in order, without case, accents, particles or styles."""
    found = []
    for part in name.replace("-", " ").replace(".", " ").replace("(", " ").replace(")", " ").split():
        key = name_keys(part)[0].replace("’", "'")
        if key not in PARTICLES and len(key) >= 2 and key not in _SKIP:
            found.append(key)
    return tuple(found)


def _similar(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= 0.8)


def name_score(reference: Sequence[str], person: Person) -> int:
    """Return how many of the reference name's words one of our names has (transliterations allowed).

    A surname must be among them: the reference's last word (REIGN often gives the surname
    alone) or the last word of one of our spellings (the reference may add a mother's
    surname or a tribe, "Gonzalez Marquez", "Saleh al-Hashidi"). A shared first name
    (Jigme, Amadou) says nothing.
    """
    if not reference:
        return 0
    matched = sum(1 for word in reference if any(_similar(word, other) for other in person.words))
    if any(_similar(reference[-1], other) for other in person.words) or any(
        _similar(word, last) for word in reference for last in person.surnames
    ):
        return matched
    return 0


def _merge(spans: Iterable[tuple[dt.date, dt.date]], gap: int = 3) -> tuple[tuple[dt.date, dt.date], ...]:
    merged: list[list[dt.date]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + dt.timedelta(days=gap):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((a, b) for a, b in merged)


def people_by_country(knowledge: Knowledge) -> dict[str, list[Person]]:
    """Return, for each country, everyone holding any of its offices, with their merged terms."""
    spans: dict[tuple[str, str], list[tuple[dt.date, dt.date, bool]]] = {}
    for (code, _), office in knowledge.offices.items():
        if knowledge.is_organisation(code):
            continue
        for term in office.terms:
            spans.setdefault((code, term.person), []).append((term.start, term.last_certain(), term.end is not None))
    found: dict[str, list[Person]] = {}
    for (code, person), own in spans.items():
        spellings = [words_of(x) for x in (person, *knowledge.people.get(person, ()))]
        words = frozenset(w for spelling in spellings for w in spelling)
        surnames = frozenset(spelling[-1] for spelling in spellings if len(spelling) > 1)
        found.setdefault(code, []).append(
            Person(
                person,
                words,
                surnames,
                _merge((s, e) for s, e, _ in own),
                tuple(sorted(s for s, _, _ in own)),
                tuple(sorted(e for _, e, closed in own if closed)),
            )
        )
    return found


def _overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    return max(0, (min(a[1], b[1]) - max(a[0], b[0])).days)


def _uncovered(
    span: tuple[dt.date, dt.date], covered: Sequence[tuple[dt.date, dt.date]]
) -> list[tuple[dt.date, dt.date]]:
    """Return the parts of ``span`` no interval of ``covered`` (sorted, merged) holds."""
    holes, at = [], span[0]
    for start, end in covered:
        if end < at:
            continue
        if start > span[1]:
            break
        if start > at:
            holes.append((at, min(start, span[1])))
        at = max(at, end)
    if at < span[1]:
        holes.append((at, span[1]))
    return holes


def incomplete_by_country(knowledge: Knowledge, checked: dt.date) -> dict[str, tuple[tuple[dt.date, dt.date], ...]]:
    """Return, for each country, the spans its offices are marked incomplete in (merged)."""
    spans: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for (code, _), office in knowledge.offices.items():
        for start, end in office.incomplete:
            spans.setdefault(code, []).append((start, end or checked))
    return {code: _merge(found, gap=0) for code, found in spans.items()}


def check(knowledge: Knowledge, reference: list[RefTerm], since: dt.date, tolerance: int) -> list[Report]:
    """Compare each reference term from ``since`` with our files; one report per source."""
    ours = people_by_country(knowledge)
    checked = min((t.checked for o in knowledge.offices.values() for t in o.terms), default=dt.date.today())
    gaps = incomplete_by_country(knowledge, checked)

    def days(spans: Iterable[tuple[dt.date, dt.date]]) -> int:
        return sum((b - a).days for a, b in spans)

    def marked(holes: list[tuple[dt.date, dt.date]], code: str, slack: int | None = None) -> bool:
        """Return whether what ours lack falls where our files say they are incomplete."""
        if not holes or code not in gaps:
            return False
        outside = [hole for span in holes for hole in _uncovered(span, gaps[code])]
        return days(outside) <= (tolerance if slack is None else slack)

    ends = {}
    for term in reference:
        last = max(term.start, term.end or term.start)
        ends[term.source] = max(ends.get(term.source, last), last)
    reports: dict[str, Report] = {}
    for term in reference:
        report = reports.setdefault(term.source, Report(term.source))
        # An open term runs to the dataset's last date (or to `checked`, if that says nothing).
        last = min(term.end or (ends[term.source] if ends[term.source] >= term.start else checked), checked)
        if last < since or term.start > checked:
            continue
        if term.code is None:
            report.unlisted_states.add(term.state)
            continue
        report.terms += 1
        span = (max(term.start, since), last)
        leader = words_of(term.leader)
        candidates = [(p, name_score(leader, p)) for p in ours.get(term.code, [])]
        candidates = [(p, s) for p, s in candidates if s]
        allowed = tolerance + (31 if term.coarse else 0)
        if not candidates:
            if days([span]) <= tolerance:
                report.short_unknown.append(term)  # a stop-gap too short to matter to the rule
            elif marked([span], term.code):
                report.known_gaps.append(term)
            else:
                report.disagreements.append(
                    Disagreement(term, "not in our files", "no one of that name holds an office")
                )
            continue
        person, _ = max(candidates, key=lambda ps: (ps[1], sum(_overlap(span, x) for x in ps[0].spans)))
        holes = _uncovered(span, person.spans)
        # A hole that touches none of the person's listed terms is a term our files lack
        # altogether: whatever its length, title-mismatch would call them out of office then.
        detached = [h for h in holes if not _touches(h, person.spans, tolerance)]
        attached = [h for h in holes if h not in detached]
        if any(_overlap(span, x) for x in person.spans):
            report.covered += 1
            _differences(report, term, person, since, checked)
        if detached or days(attached) > allowed:
            if marked(detached, term.code, slack=1) if detached else marked(attached, term.code):
                report.known_gaps.append(term)
            elif not any(_overlap(span, x) for x in person.spans):
                report.disagreements.append(
                    Disagreement(
                        term, "not on these dates", f"{person.name} holds office only {_spans_text(person.spans)}"
                    )
                )
            else:
                report.disagreements.append(
                    Disagreement(
                        term,
                        "not on these dates",
                        f"{person.name}: {days(holes)} days not in our files ({_spans_text(holes)})",
                    )
                )
    return list(reports.values())


def _touches(hole: tuple[dt.date, dt.date], spans: Sequence[tuple[dt.date, dt.date]], tolerance: int) -> bool:
    """Return whether a hole begins where one of the spans ends, or ends where one begins."""
    near = dt.timedelta(days=tolerance)
    return any(abs(hole[0] - end) <= near or abs(hole[1] - start) <= near for start, end in spans)


def _differences(report: Report, term: RefTerm, person: Person, since: dt.date, checked: dt.date) -> None:
    """Record how far the reference's start and end are from the nearest of ours."""
    if term.start >= since:
        report.start_diffs.append(min(abs((s - term.start).days) for s in person.starts))
        if report.start_diffs[-1] > 7:
            report.far.append((term, "start", report.start_diffs[-1]))
    if term.end is not None and term.end <= checked and not term.coarse:
        # An end ours leave open (still in office at `checked`) is a difference as long as the wait.
        report.end_diffs.append(min((abs((e - term.end).days) for e in person.ends), default=(checked - term.end).days))
        if report.end_diffs[-1] > 7:
            report.far.append((term, "end", report.end_diffs[-1]))


def _spans_text(spans: Iterable[tuple[dt.date, dt.date]]) -> str:
    return ", ".join(f"{a.isoformat()}..{b.isoformat()}" for a, b in spans)


@dataclass(frozen=True)
class Judgement:
    """An allowlist entry: which disagreements it covers, and why they are not errors of ours."""

    why: str
    source: str | None = None
    ref_id: str | None = None
    country: str | None = None
    leaders: tuple[str, ...] = ()  # as the reference writes them; "*": anyone
    since: dt.date | None = None
    until: dt.date | None = None

    def covers(self, term: RefTerm) -> bool:
        """Return whether this entry judges the disagreement about ``term``."""
        if self.ref_id is not None:
            return (term.source, term.ref_id) == (self.source, self.ref_id)
        if self.source is not None and term.source != self.source:
            return False
        if self.country != term.code:
            return False
        if "*" not in self.leaders and words_of(term.leader) not in {words_of(x) for x in self.leaders}:
            return False
        return (self.since is None or term.start >= self.since) and (self.until is None or term.start <= self.until)


def read_allowlist(path: Path) -> list[Judgement]:
    """Return the judged disagreements; every entry must give its reason ('why')."""
    import yaml

    if not path.is_file():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    judged = []
    for i, entry in enumerate(entries):
        where = f"{path}: entry {i + 1}"
        if not isinstance(entry, dict) or not isinstance(entry.get("why"), str) or not entry["why"].strip():
            raise ValueError(f"{where} needs a reason ('why')")
        unknown = set(entry) - {"why", "source", "id", "country", "leader", "from", "to"}
        if unknown:
            raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        leaders = entry.get("leader", ())
        leaders = (leaders,) if isinstance(leaders, str) else tuple(leaders)
        if "id" in entry:
            if "source" not in entry:
                raise ValueError(f"{where}: 'id' needs 'source'")
        elif "country" not in entry or not leaders:
            raise ValueError(f"{where} needs 'source' and 'id', or 'country' and 'leader'")
        judged.append(
            Judgement(
                entry["why"],
                entry.get("source"),
                entry.get("id"),
                entry.get("country"),
                leaders,
                entry.get("from"),
                entry.get("to"),
            )
        )
    return judged


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def main(argv: Sequence[str] | None = None, out=None) -> int:
    """Run the check and print its report; return 0 when every disagreement is judged."""
    out = out or sys.stdout
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument("--since", type=dt.date.fromisoformat, default=dt.date(1990, 1, 1))
    parser.add_argument("--allowlist", type=Path, default=ALLOWLIST)
    parser.add_argument(
        "--tolerance-days", type=int, default=14, help="days a handover may differ by (title-mismatch's handover-days)"
    )
    parser.add_argument("--list", action="store_true", help="also list the judged disagreements")
    parser.add_argument("--dates", action="store_true", help="also list start and end dates more than a week apart")
    args = parser.parse_args(argv)
    if not args.reference.is_dir():
        print(f"no reference folder at {args.reference}", file=out)
        return 2
    knowledge = load_texts(shipped_files())
    reports = check(knowledge, read_reference(args.reference), args.since, args.tolerance_days)
    judged = read_allowlist(args.allowlist)
    used: set[Judgement] = set()
    unjudged = 0
    for report in reports:
        within = sum(1 for d in report.start_diffs + report.end_diffs if d <= 7)
        dates = len(report.start_diffs) + len(report.end_diffs)
        print(
            f"{report.source}: {report.terms} terms from {args.since.isoformat()}, "
            f"{report.covered} covered ({_percent(report.covered, report.terms)}); "
            f"{within} of {dates} start and end dates within 7 days ({_percent(within, dates)}), "
            f"{sum(1 for d in report.start_diffs + report.end_diffs if d <= 31)} within 31 days; "
            f"{len(report.short_unknown)} stop-gaps of at most {args.tolerance_days} days not listed, "
            f"{len(report.known_gaps)} in spans our files mark incomplete",
            file=out,
        )
        diffs = report.start_diffs + report.end_diffs
        bands = [("same day", 0, 0), ("1-7 days", 1, 7), ("8-14", 8, 14), ("15-31", 15, 31), ("more", 32, 10**6)]
        print(
            "  start and end date differences: "
            + ", ".join(f"{name} {sum(1 for d in diffs if lo <= d <= hi)}" for name, lo, hi in bands),
            file=out,
        )
        if args.dates:
            for term, which, diff in sorted(report.far, key=lambda f: (f[0].code or "", f[0].start)):
                print(f"  {_term_text(term)}: {which} {diff} days from ours", file=out)
        if report.unlisted_states:
            print(f"  states our files do not list: {', '.join(sorted(report.unlisted_states))}", file=out)
        if args.list:
            for term in report.short_unknown + report.known_gaps:
                print(f"  {_term_text(term)}: not listed", file=out)
        for item in sorted(report.disagreements, key=lambda d: (d.term.code or "", d.term.start)):
            entry = next((j for j in judged if j.covers(item.term)), None)
            if entry is None:
                unjudged += 1
            else:
                used.add(entry)
                if not args.list:
                    continue
            mark = f"judged: {entry.why}" if entry else "UNJUDGED"
            print(f"  {_term_text(item.term)}: {item.kind}; {item.detail} [{mark}]", file=out)
    stale = [j for j in judged if j not in used]
    for entry in stale:
        what = f"{entry.source} {entry.ref_id}" if entry.ref_id else f"{entry.country} {' / '.join(entry.leaders)}"
        print(f"  allowlist entry {what} no longer matches a disagreement: remove it", file=out)
    print(
        f"{sum(len(r.disagreements) for r in reports)} disagreements, {unjudged} unjudged, "
        f"{len(stale)} stale allowlist entries",
        file=out,
    )
    return 1 if unjudged or stale else 0


def _term_text(term: RefTerm) -> str:
    end = term.end.isoformat() if term.end else "open"
    return f"{term.source} {term.ref_id} {term.code} {term.leader} {term.start.isoformat()}..{end}"


if __name__ == "__main__":
    sys.exit(main())
