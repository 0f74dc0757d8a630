"""Seeded evaluation of title-mismatch (NL301): recall on injected slips, false alarms on clean copy.

    python bench/eval_titles.py [--corpus DIR] [--date 2005-01-01] [--seed 1] [--swaps 5] [--invented 1500]
                                [--show 10]

1. BBC copy (DIR, default ../shared/corpus/bbc; articles of 2004-05, linted as of --date):
   every "<country form> <title> <person>" phrase and apposition ("<person>, the <form>
   <title>") that the rule recognises and finds right is a target. In a copy of the
   article one target at a time gets another country's form (--swaps of them, one after
   another), of the same kind (demonym, name or possessive) and chosen with
   random.Random(seed), or another title of a
   country's head; the rule must report the phrase. The suggested fix, applied, must
   leave the phrase clean. The untouched articles must give no finding at all.
2. Invented copy: for --invented terms drawn at random from every head-of-state and
   head-of-government office in the knowledge base, an article dated inside the term (away
   from its ends) names the holder correctly in one of three forms; the same with the form
   swapped. Many countries, leaders and dates, not only the BBC's frequent names. Then
   the same leaders after their terms ("former" kept, then left out), and with a bare
   title ("President <name>", no country) inside the term, then the other head's title.

Not a test (figures depend on the knowledge base); the README quotes its output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "bbc"
HEAD_KEYS = ("president", "prime-minister", "premier", "chancellor", "monarch")
SWAP_TITLES = {
    "president": "Prime Minister",
    "prime minister": "President",
    "premier": "President",
    "chancellor": "President",
    "king": "President",
    "queen": "President",
}


@dataclass(frozen=True)
class Target:
    """A right title phrase in an article: where its form and title stand, and who it names."""

    path: str
    start: int  # the reported span, file offsets
    end: int
    form_start: int
    form_end: int
    form: str
    title_start: int
    title_end: int
    title: str
    codes: frozenset[str]
    people: frozenset[str]


def _lint(text: str, day: dt.date, fmt: str = "text"):
    from newslint.testing import run_rule

    return run_rule("title-mismatch", text, format=fmt, date=day)


def _targets(knowledge, path: str, text: str, day: dt.date) -> list[Target]:
    """Return the phrases with a country form the rule recognises and judges right."""
    from newslint.rules.title_mismatch.finder import titles_by_paragraph
    from newslint.rules.title_mismatch.judge import Article, judge, window
    from newslint.rules.title_mismatch.phrases import find_phrases

    from newslint.document import Document
    from newslint.knowledge import title_key

    document = Document(text, path, date=day)
    article = Article(document)
    w = window(document, 365, 14)
    found = []
    for paragraph, titles in zip(document.paragraphs, titles_by_paragraph(knowledge, document)):
        for phrase in find_phrases(knowledge, paragraph, titles or []):
            if not phrase.form or not phrase.people or phrase.modifier or phrase.elect:
                continue
            if any(knowledge.is_organisation(c) for c in phrase.codes):
                continue  # "EU Commission President": not a country's form
            people = phrase.people
            if phrase.surname_only:
                people = frozenset(p for p in people if article.names_in_full(knowledge, p))
            national = {
                o.country
                for p in people
                for o, _ in knowledge.terms_of.get(p, [])
                if not knowledge.is_organisation(o.country)
            }
            if not people or not national or judge(knowledge, phrase, w, article) is not None:
                continue
            if title_key(phrase.title) not in knowledge.titles:
                continue
            local = paragraph.text[phrase.fix_start : phrase.fix_end]
            at = local.find(phrase.form)
            t_at = local.rfind(phrase.written_title)
            if at < 0 or t_at < 0:
                continue
            start, end = paragraph.span(phrase.start, phrase.end)
            fs, fe = paragraph.span(phrase.fix_start + at, phrase.fix_start + at + len(phrase.form))
            ts, te = paragraph.span(phrase.fix_start + t_at, phrase.fix_start + t_at + len(phrase.written_title))
            if text[fs:fe] != phrase.form or text[ts:te] != phrase.written_title:
                continue  # markup inside the phrase: leave it out
            found.append(Target(path, start, end, fs, fe, phrase.form, ts, te, phrase.title, phrase.codes, people))
    return found


def _kind(knowledge, form: str) -> str:
    from newslint.rules.title_mismatch.phrases import APOSTROPHES, DEMONYM_END

    if form.endswith(APOSTROPHES):
        return "possessive"
    if form.isupper() or DEMONYM_END.search(form) and not any(knowledge.forms.get(form + s) for s in APOSTROPHES):
        return "demonym"
    return "name"


def _form_of(knowledge, code: str, kind: str, rng: random.Random) -> str | None:
    """Return a form of the country of the given kind, as a newsroom writes it."""
    from newslint.rules.title_mismatch.wording import attributive

    country = knowledge.countries[code]
    if kind == "possessive":
        forms = [f for f in country.forms if f.endswith("'s") and len(knowledge.forms.get(f, ())) == 1]
    elif kind == "demonym":
        forms = [attributive(knowledge, code, None)]
        forms = [f for f in forms if f != country.name]  # Lesotho has no demonym before a title
    else:
        forms = [country.name]
    forms = [f for f in forms if f and not f.endswith("'s") or kind == "possessive"]
    forms = [f for f in forms if len(knowledge.forms.get(f, ())) == 1]
    return rng.choice(forms) if forms else None


def _swap_countries(knowledge) -> list[str]:
    heads = {o.country for (c, k), o in knowledge.offices.items() if k in HEAD_KEYS and o.terms}
    return sorted(c for c in heads if not knowledge.countries[c].organisation)


def _hit(findings, start: int, end: int) -> list:
    return [f for f in findings if f.start < end and start < f.end]


def evaluate_corpus(knowledge, corpus: Path, day: dt.date, rng: random.Random, show: int, swaps: int) -> None:
    """Inject demonym and title swaps into BBC copy; print recall and false alarms."""
    countries = _swap_countries(knowledge)
    files = sorted(p for p in corpus.rglob("*.txt") if p.name != "SOURCE.md")
    alarms, targets = [], []
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        for finding in _lint(text, day):
            alarms.append(
                f"{path.relative_to(corpus)}:{finding.line}: {text[finding.start : finding.end]!r}: {finding.message}"
            )
        targets += [(text, t) for t in _targets(knowledge, str(path), text, day)]
    print(f"BBC corpus: {len(files)} articles, {len(alarms)} findings on the untouched copy (target 0)")
    for line in alarms[:show]:
        print("  false alarm:", line)
    own = lambda t: {o.country for p in t.people for o, _ in knowledge.terms_of.get(p, [])}
    demonym = {"swaps": 0, "found": 0, "fixed": 0, "misses": []}
    title = {"swaps": 0, "found": 0, "misses": []}
    for text, target in targets:
        kind = _kind(knowledge, target.form)
        choices = [c for c in countries if c not in own(target) and c not in target.codes]
        forms = set()
        for _ in range(20 * swaps):
            form = _form_of(knowledge, rng.choice(choices), kind, rng)
            if form:
                forms.add(form)
            if len(forms) == swaps:
                break
        for form in sorted(forms):
            _swap_demonym(text, target, form, day, demonym)
        _swap_title(knowledge, text, target, day, title)
    _report("  demonym swapped", demonym, show)
    if demonym["found"]:
        print(f"    suggestion applied leaves the phrase clean: {demonym['fixed']} of {demonym['found']}")
    _report("  head's title swapped", title, show)


def _swap_demonym(text: str, target: Target, form: str, day: dt.date, demonym: dict) -> None:
    """Lint the article with another country's form in the phrase; tally whether it is reported and fixed."""
    swapped = text[: target.form_start] + form + text[target.form_end :]
    shift = len(form) - len(target.form)
    demonym["swaps"] += 1
    hits = _hit(_lint(swapped, day), target.start, target.end + shift)
    if not hits:
        demonym["misses"].append(
            f"{Path(target.path).name}: {form} for {target.form!r} in {swapped[target.start : target.end + shift]!r}"
        )
        return
    demonym["found"] += 1
    fix = hits[0].fix
    if fix is not None:
        fixed = swapped[: fix.start] + fix.text + swapped[fix.end :]
        shift2 = len(fix.text) - (fix.end - fix.start)
        if not _hit(_lint(fixed, day), target.start, target.end + shift + shift2):
            demonym["fixed"] += 1


def _swap_title(knowledge, text: str, target: Target, day: dt.date, title: dict) -> None:
    """Lint the article with a head's title the person did not hold; tally whether it is reported."""
    key = target.title.lower()
    if key not in SWAP_TITLES:
        return
    new_title = SWAP_TITLES[key]
    new_title = new_title if target.title[:1].isupper() else new_title.lower()
    held = {
        t.lower()
        for p in target.people
        for o, _ in knowledge.terms_of.get(p, [])
        if o.country in target.codes
        for t in o.titles
    }
    if new_title.lower() in held:
        return  # the person held that title too
    swapped = text[: target.title_start] + new_title + text[target.title_end :]
    shift = len(new_title) - len(target.title)
    title["swaps"] += 1
    if _hit(_lint(swapped, day), target.start, target.end + shift):
        title["found"] += 1
    else:
        title["misses"].append(
            f"{Path(target.path).name}: {new_title} for {target.title!r} in "
            f"{swapped[target.start : target.end + shift]!r}"
        )


def _report(label: str, tally: dict, show: int) -> None:
    rate = 100 * tally["found"] / tally["swaps"] if tally["swaps"] else 0.0
    print(f"{label}: {tally['found']} of {tally['swaps']} reported ({rate:.1f}%)")
    for line in tally["misses"][:show]:
        print("    missed:", line)


def evaluate_invented(knowledge, count: int, rng: random.Random, show: int) -> None:
    """Invent dated articles naming many leaders rightly, then with the country swapped."""
    from newslint.rules.title_mismatch.wording import attributive

    countries = _swap_countries(knowledge)
    pool = []
    for (code, key), office in sorted(knowledge.offices.items()):
        if key not in HEAD_KEYS or knowledge.countries[code].organisation or not office.single:
            continue
        title = next(
            (t for t in office.titles if t[:1].isupper() and " " not in t.strip() or t in ("Prime Minister",)), None
        )
        for term in office.terms:
            if (term.last_certain() - term.start).days > 120 and term.start.year >= 1990:
                pool.append((code, office, title, term))
    patterns = [
        "{form} {title} {name} said on Tuesday that the talks would go on.",
        "Talks began after {name}, the {form} {ltitle}, arrived.",
        "The {form} {title}, {name}, said on Tuesday that the talks would go on.",
    ]
    tally = {"clean": 0, "alarms": [], "swaps": 0, "found": 0, "misses": []}
    for _ in range(count):
        code, office, title, term = rng.choice(pool)
        if title is None:
            continue
        day = term.start + dt.timedelta(days=rng.randrange(30, (term.last_certain() - term.start).days - 30))
        pattern = rng.choice(patterns)
        form = attributive(knowledge, code, None, after_the="the {form}" in pattern.lower())
        if len(knowledge.forms.get(form, ())) != 1:
            continue
        body = pattern.format(form=form, title=title, ltitle=title.lower(), name=term.person)
        text = f"---\ndate: {day.isoformat()}\n---\n\n{body}\n"
        findings = _lint(text, day, "markdown")
        tally["clean"] += 1
        if findings:
            tally["alarms"].append(f"{day}: {body!r}: {findings[0].message}")
        own = {o.country for o, _ in knowledge.terms_of.get(term.person, [])}
        other = rng.choice([c for c in countries if c not in own])
        new_form = attributive(knowledge, other, None, after_the="the {form}" in pattern.lower())
        if len(knowledge.forms.get(new_form, ())) != 1:
            continue
        swapped = text.replace(f"{form} ", f"{new_form} ", 1)
        tally["swaps"] += 1
        if _lint(swapped, day, "markdown"):
            tally["found"] += 1
        else:
            tally["misses"].append(f"{day}: {swapped.split(chr(10))[-2]!r}")
    print(
        f"Invented copy: {tally['clean']} articles from {len(pool)} terms of "
        f"{len({p[0] for p in pool})} countries, {len(tally['alarms'])} findings on the right titles (target 0)"
    )
    for line in tally["alarms"][:show]:
        print("  false alarm:", line)
    _report("  demonym swapped", tally, show)
    _former(knowledge, pool, count, rng, show)
    _bare(knowledge, pool, count, rng, show)


def _tally_pair(tally: dict, day: dt.date, body: str, slipped: str) -> None:
    """Lint ``body`` (no finding wanted) and ``slipped`` (one wanted) as articles dated ``day``."""
    tally["clean"] += 1
    findings = _lint(f"---\ndate: {day.isoformat()}\n---\n\n{body}\n", day, "markdown")
    if findings:
        tally["alarms"].append(f"{day}: {body!r}: {findings[0].message}")
    tally["swaps"] += 1
    if _lint(f"---\ndate: {day.isoformat()}\n---\n\n{slipped}\n", day, "markdown"):
        tally["found"] += 1
    else:
        tally["misses"].append(f"{day}: {slipped!r}")


# A bare head's title and the other one, for the same leader at a date inside the term.
_OTHER_HEAD = {"President": "Prime Minister", "Prime Minister": "President"}


def _bare(knowledge, pool: list, count: int, rng: random.Random, show: int) -> None:
    """Invent articles with a bare "President" or "Prime Minister" before a sitting leader, then the other one."""
    tally = {"clean": 0, "alarms": [], "swaps": 0, "found": 0, "misses": []}
    heads = [entry for entry in pool if entry[2] in _OTHER_HEAD]
    for _ in range(count):
        code, office, title, term = rng.choice(heads)
        day = term.start + dt.timedelta(days=rng.randrange(30, (term.last_certain() - term.start).days - 30))
        body = f"Talks began after {title} {term.person} arrived."
        _tally_pair(tally, day, body, body.replace(title, _OTHER_HEAD[title], 1))
    print(f"Invented copy, bare titles: {tally['clean']} articles, {len(tally['alarms'])} findings (target 0)")
    for line in tally["alarms"][:show]:
        print("  false alarm:", line)
    _report("  the other head's title", tally, show)


def _former(knowledge, pool: list, count: int, rng: random.Random, show: int) -> None:
    """Invent articles dated after a term: "former" must pass, the bare title be reported."""
    from newslint.rules.title_mismatch.wording import attributive

    tally = {"clean": 0, "alarms": [], "swaps": 0, "found": 0, "misses": []}
    for _ in range(count):
        code, office, title, term = rng.choice(pool)
        if title is None or term.end is None:
            continue
        day = term.end + dt.timedelta(days=rng.randrange(60, 2000))
        held = [t for t in office.terms if t.person == term.person]
        if day > term.checked or any(
            t.start <= day + dt.timedelta(days=60) and (t.end is None or t.end >= day - dt.timedelta(days=60))
            for t in held
        ):
            continue  # back in office then, or too near a term
        form = attributive(knowledge, code, None)
        if len(knowledge.forms.get(form, ())) != 1:
            continue
        body = f"Talks began after former {form} {title} {term.person} arrived."
        _tally_pair(tally, day, body, body.replace("former ", "", 1))
    print(
        f"Invented copy after the term: {tally['clean']} articles, {len(tally['alarms'])} findings on "
        f"'former' (target 0)"
    )
    for line in tally["alarms"][:show]:
        print("  false alarm:", line)
    _report("  'former' left out", tally, show)


def main(argv: list[str] | None = None) -> int:
    """Run both evaluations and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date(2005, 1, 1))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--invented", type=int, default=1500)
    parser.add_argument("--swaps", type=int, default=5, help="countries swapped into each BBC phrase, one at a time")
    parser.add_argument("--show", type=int, default=10, help="how many misses and false alarms to print")
    args = parser.parse_args(argv)
    from newslint.knowledge import load

    knowledge = load()
    rng = random.Random(args.seed)
    if args.corpus.is_dir():
        evaluate_corpus(knowledge, args.corpus, args.date, rng, args.show, args.swaps)
    else:
        print(f"no corpus at {args.corpus}: BBC part skipped")
    evaluate_invented(knowledge, args.invented, rng, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
