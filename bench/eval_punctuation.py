"""Seeded evaluation of the quotation and punctuation rules on copies of edited articles.

    python bench/eval_punctuation.py [CORPUS] [--seed N] [--per-class N] [--show-misses]

CORPUS defaults to ../shared/corpus/bbc next to the repository. Each injected copy is one
article with one slip made from its own text (a quotation mark dropped, a space moved, a
bracket changed ...), linted in process by the rules of this family. A slip is found
when the expected rule reports a finding at the slip; for the NL102 and NL104 classes,
the safe fix must also give back the article's own text. Then the untouched articles are
linted, and each rule's findings per 100 articles are printed: every one of them is a
false alarm unless the corpus itself has the slip (read them: ``--show-untouched``).

Classes whose slip the rules cannot see by design are not injected: a quotation left
open where the next paragraph (or sentence) reopens one is news style (see
unbalanced-quote's ``strict`` option), so a closing mark is dropped only where nothing
reopens after it. Not a test: the figures are for the README and the report.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "bbc"
RULES = (
    "unbalanced-quote",
    "dangling-punctuation",
    "unbalanced-bracket",
    "punctuation-spacing",
    "apostrophe-plural",
    "spelling-variant",
    "quote-style",
    "double-space",
)


@dataclass(frozen=True)
class Slip:
    """One injected slip: the changed text, where the finding must be, and by which rule."""

    text: str
    rule: str
    at: int  # the offset the finding must cover (or start within two characters of)
    restores: bool = False  # the rule's safe fix must give back the original text


Injector = Callable[[str, "Analysis", random.Random], Iterator[Slip]]


class Analysis:
    """What the injectors need to know about one untouched article."""

    def __init__(self, text: str) -> None:
        from newslint.document import Document

        self.text = text
        self.document = Document(text, "article.txt")

    def paired_quotes(self, double: bool) -> list[tuple[int, int, bool]]:
        """Return (opening, closing, last in paragraph) file offsets of paired straight quotations."""
        found = []
        paragraphs = self.document.paragraphs
        for number, quotes in enumerate(self.document.quote_marks):
            marks = [m for m in quotes.marks if m.is_quote]
            if any(m.status != "paired" for m in marks):
                continue  # keep to paragraphs whose quotations all pair
            following = paragraphs[number + 1].text.lstrip()[:1] if number + 1 < len(paragraphs) else ""
            for k, mark in enumerate(marks):
                if mark.role != "open" or mark.double != double or mark.curly or not mark.certain:
                    continue
                partner = next(m for m in marks if m.index == mark.partner)
                if not partner.certain:
                    continue
                # Nothing may reopen after a dropped closing mark: no later opening mark
                # in the paragraph, and the next paragraph does not open with a quote.
                last = all(m.role != "open" for m in marks[k + 1 :]) and following not in "\"'“‘"
                a = quotes.paragraph.offset(mark.index)
                b = quotes.paragraph.offset(mark.partner)
                found.append((a, b, last))
        return found


def _sites(pattern: str, text: str, flags: int = 0) -> list[re.Match[str]]:
    return list(re.finditer(pattern, text, flags))


def _pick(rng: random.Random, items: list):
    return items[rng.randrange(len(items))] if items else None


# --- the injectors: each yields at most one slip for an article -----------------------


def drop_opening(double: bool) -> Injector:
    def inject(text: str, analysis: Analysis, rng: random.Random) -> Iterator[Slip]:
        pair = _pick(rng, analysis.paired_quotes(double))
        if pair:
            a, b, _ = pair
            yield Slip(text[:a] + text[a + 1 :], "unbalanced-quote", b - 1)

    return inject


def drop_closing(double: bool) -> Injector:
    def inject(text: str, analysis: Analysis, rng: random.Random) -> Iterator[Slip]:
        pair = _pick(rng, [p for p in analysis.paired_quotes(double) if p[2]])
        if pair:
            a, b, _ = pair
            yield Slip(text[:b] + text[b + 1 :], "unbalanced-quote", a)

    return inject


def repeated_stop(text: str, analysis: Analysis, rng: random.Random) -> Iterator[Slip]:
    site = _pick(rng, _sites(r"[a-z]\.\"(?= [A-Z]|\n|$)", text))
    if site:
        at = site.end()
        yield Slip(text[:at] + "." + text[at:], "dangling-punctuation", site.start() + 1, restores=True)


def space_before(mark: str, space: str) -> Injector:
    """``word, next`` -> ``word{space}, next``."""

    def inject(text: str, analysis: Analysis, rng: random.Random) -> Iterator[Slip]:
        site = _pick(rng, _sites(r"(?<=[a-z])" + re.escape(mark) + r"(?= [a-zA-Z])", text))
        if site:
            at = site.start()
            yield Slip(text[:at] + space + text[at:], "dangling-punctuation", at, restores=True)

    return inject


def glued_after_space(mark: str, capital: bool) -> Injector:
    """``here, then`` -> ``here ,then``; ``ended. London`` -> ``ended .London``."""

    def inject(text: str, analysis: Analysis, rng: random.Random) -> Iterator[Slip]:
        nxt = "[A-Z][a-z]" if capital else "[a-z]"
        site = _pick(rng, _sites(r"(?<=[a-z])" + re.escape(mark) + r" (?=" + nxt + ")", text))
        if site:
            at = site.start()
            changed = text[:at] + " " + mark + text[at + 2 :]
            yield Slip(changed, "dangling-punctuation", at, restores=True)

    return inject


def bracket(kind: str) -> Injector:
    def inject(text: str, analysis: Analysis, rng: random.Random) -> Iterator[Slip]:
        # An aside in brackets on one line, with nothing else bracketed in its paragraph.
        pairs = []
        for paragraph in analysis.document.paragraphs:
            local = paragraph.text
            if local.count("(") == 1 and local.count(")") == 1 and "[" not in local and "]" not in local:
                i, j = local.index("("), local.index(")")
                if i < j and j - i > 2:
                    pairs.append((paragraph.offset(i), paragraph.offset(j)))
        pair = _pick(rng, pairs)
        if not pair:
            return
        a, b = pair
        if kind == "unclosed":
            yield Slip(text[:b] + text[b + 1 :], "unbalanced-bracket", a)
        elif kind == "unopened":
            yield Slip(text[:a] + text[a + 1 :], "unbalanced-bracket", b - 1)
        else:
            yield Slip(text[:b] + "]" + text[b + 1 :], "unbalanced-bracket", b)

    return inject


def bracket_space(side: str) -> Injector:
    def inject(text: str, analysis: Analysis, rng: random.Random) -> Iterator[Slip]:
        if side == "open":
            site = _pick(rng, _sites(r"(?<= )\((?=[A-Za-z0-9£$][^()\n]*\))", text))
            if site:
                at = site.start()
                yield Slip(text[: at + 1] + " " + text[at + 1 :], "punctuation-spacing", at, restores=True)
        else:
            site = _pick(rng, _sites(r"(?<=\()[^()\n]*[A-Za-z0-9](?=\))", text))
            if site:
                at = site.end()
                yield Slip(text[:at] + " " + text[at:], "punctuation-spacing", at, restores=True)

    return inject


def quote_space(text: str, analysis: Analysis, rng: random.Random) -> Iterator[Slip]:
    pair = _pick(rng, analysis.paired_quotes(True))
    if pair and text[pair[0] + 1 : pair[0] + 2].isalnum():
        a = pair[0]
        yield Slip(text[: a + 1] + " " + text[a + 1 :], "punctuation-spacing", a, restores=True)


def comma_glued(text: str, analysis: Analysis, rng: random.Random) -> Iterator[Slip]:
    site = _pick(rng, _sites(r"(?<=[a-z]), (?=[a-z])", text))
    if site:
        at = site.start()
        yield Slip(text[: at + 1] + text[at + 2 :], "punctuation-spacing", at, restores=True)


def closing_quote_glued(text: str, analysis: Analysis, rng: random.Random) -> Iterator[Slip]:
    closings = {b for _, b, _ in analysis.paired_quotes(True)}
    sites = [m for m in _sites(r'(?<=,)" (?=[a-z])', text) if m.start() in closings]
    site = _pick(rng, sites)
    if site:
        at = site.start()
        yield Slip(text[: at + 1] + text[at + 2 :], "punctuation-spacing", at, restores=True)


def decade(text: str, analysis: Analysis, rng: random.Random) -> Iterator[Slip]:
    site = _pick(rng, _sites(r"\b(?:the|The) (?:early |mid-|late )?(?:1[89]|20)\d0(?=s\b)", text))
    if site:
        at = site.end()
        yield Slip(text[:at] + "'" + text[at:], "apostrophe-plural", at - 4)


def abbreviation_plural(text: str, analysis: Analysis, rng: random.Random) -> Iterator[Slip]:
    plurals = _sites(r"\b([A-Z][A-Z0-9]*[A-Z])s\b", text)
    counts: dict[str, int] = {}
    for m in plurals:
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    site = _pick(rng, [m for m in plurals if counts[m.group(1)] >= 2])
    if site:
        at = site.end() - 1
        yield Slip(text[:at] + "'" + text[at:], "apostrophe-plural", site.start())


def spelling_mix(kind: str) -> Injector:
    """Turn one British spelling American: the later of exactly two, or a minority."""

    def inject(text: str, analysis: Analysis, rng: random.Random) -> Iterator[Slip]:
        from rules.spelling_variant import BRITISH, _candidates, _hits, variants

        hits = list(_hits(analysis.document, _candidates(text)))
        markers = [h for h in hits if h.marker]
        if not markers or any(h.variant.dialect != BRITISH for h in markers) or len(hits) != len(markers):
            return
        if kind == "one-to-one":
            if len(markers) != 2:
                return
            hit = markers[1]
        else:
            if len(markers) < 3:
                return
            hit = _pick(rng, markers)
        if not hit.written.islower() or "-" in hit.written:
            return
        if hit.variant.other not in variants():
            return  # programme -> program: the American form is British too, never a marker
        a, b = hit.paragraph.span(hit.start, hit.end)
        yield Slip(text[:a] + hit.variant.other + text[b:], "spelling-variant", a)

    return inject


CLASSES: dict[str, Injector] = {
    "dropped opening double quote": drop_opening(True),
    "dropped closing double quote": drop_closing(True),
    "dropped opening single quote": drop_opening(False),
    "dropped closing single quote": drop_closing(False),
    "full stop repeated after the closing quote": repeated_stop,
    "space before a comma": space_before(",", " "),
    "space before a full stop": space_before(".", " "),
    "no-break space before a comma": space_before(",", "\u00a0"),
    "thin space before a full stop": space_before(".", "\u202f"),
    "space and no-break space before a comma": space_before(",", " \u00a0"),
    "space before a semicolon or colon": space_before(";", " "),
    "space before a question mark": space_before("?", " "),
    "comma moved before the space (here ,then)": glued_after_space(",", False),
    "full stop moved before the space (in .London)": glued_after_space(".", True),
    "unclosed bracket": bracket("unclosed"),
    "unopened bracket": bracket("unopened"),
    "mismatched bracket": bracket("mismatched"),
    "space after an opening bracket": bracket_space("open"),
    "space before a closing bracket": bracket_space("close"),
    "space after an opening quote": quote_space,
    "no space after a comma": comma_glued,
    "no space after a closing quote": closing_quote_glued,
    "decade with an apostrophe": decade,
    "abbreviation plural with an apostrophe": abbreviation_plural,
    "one-to-one spelling mix": spelling_mix("one-to-one"),
    "minority spelling": spelling_mix("minority"),
}


def _lint(text: str, registry, rules: list[str]):
    from newslint.document import Document
    from newslint.engine import ActiveRule, lint

    found = [registry.get(name) for name in rules]
    active = [ActiveRule(r, r.severity, dict(r.options)) for r in found]
    return lint(Document(text, "article.txt"), active, found, report_unused=False)


def _applied(text: str, finding) -> str:
    fix = finding.fix
    return text[: fix.start] + fix.text + text[fix.end :]


def main() -> None:
    """Inject, lint, and print recall per class and findings on untouched articles per rule."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--per-class", type=int, default=200)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--show-untouched", action="store_true")
    args = parser.parse_args()

    sys.path.insert(0, str(REPO))
    from newslint import plugins

    registry = plugins.registry(plugins.plugin_manager(entry_points=False))
    paths = sorted(p for p in Path(args.corpus).glob("*/*.txt"))
    if not paths:
        sys.exit(f"no articles under {args.corpus}")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    rng = random.Random(args.seed)

    print(f"{len(texts)} articles, seed {args.seed}, up to {args.per_class} copies a class\n")
    print(f"{'class':48} {'found':>7} {'of':>5} {'recall':>7} {'fix ok':>7}")
    order = list(range(len(texts)))
    for name, inject in CLASSES.items():
        rng.shuffle(order)
        tried = found = fixed = needs_fix = 0
        misses = []
        for index in order:
            if tried >= args.per_class:
                break
            text = texts[index]
            for slip in inject(text, Analysis(text), rng):
                tried += 1
                hits = [
                    f
                    for f in _lint(slip.text, registry, [slip.rule])
                    if f.start - 2 <= slip.at <= max(f.end, f.start + 2)
                ]
                if hits:
                    found += 1
                    if slip.restores:
                        needs_fix += 1
                        if any(f.fix and f.fix.safe and _applied(slip.text, f) == text for f in hits):
                            fixed += 1
                else:
                    misses.append((paths[index], slip))
        recall = f"{100 * found / tried:.1f}%" if tried else "-"
        fix_rate = f"{100 * fixed / needs_fix:.0f}%" if needs_fix else ""
        print(f"{name:48} {found:>7} {tried:>5} {recall:>7} {fix_rate:>7}")
        if args.show_misses:
            for path, slip in misses[:10]:
                line = slip.text.count("\n", 0, slip.at) + 1
                excerpt = slip.text[max(0, slip.at - 50) : slip.at + 30].replace("\n", " / ")
                print(f"    miss {path.parent.name}/{path.name}:{line}: ...{excerpt}...")

    print(f"\nFindings on the {len(texts)} untouched articles (per 100 articles):")
    counts = {name: 0 for name in RULES}
    shown = []
    for path, text in zip(paths, texts):
        for finding in _lint(text, registry, list(RULES)):
            counts[finding.rule] += 1
            shown.append((path, finding))
    for name in RULES:
        print(f"  {name:24} {counts[name]:>5}  {100 * counts[name] / len(texts):.2f}")
    if args.show_untouched:
        for path, finding in shown:
            print(f"  {path.parent.name}/{path.name}:{finding.line}:{finding.column} {finding.rule}: {finding.message}")


if __name__ == "__main__":
    main()
