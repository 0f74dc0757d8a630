"""Seeded evaluation of slip shapes the other evaluations do not make, in .txt, .md and .html.

    python bench/eval_shapes.py [CORPUS] [--seed N] [--per-shape N] [--formats txt,md,html,html-ent]
                                [--show-misses SHAPE] [--show-alarms]

bench/eval_copy_damage.py, eval_punctuation.py and eval_titles.py inject one shape per
class (an opening mark dropped anywhere, ``riskier.".``, ``said.The``, a headline glued
to a capitalised paragraph, ``Russian President <full name>``). This script injects the
other shapes of the same classes, each into copies of corpus articles made from the
article's own text, with ``random.Random(f"{seed}:{shape}")``:

- a quotation that lost its opening mark after a colon, at the paragraph's start, after
  ``said``, after a full stop; in straight and in curly copy;
- ``.”.`` ``,”.`` ``?”.`` ``!”.`` and ``”..`` after a closing quotation mark;
- sentences fused after a closing quote, a year, an amount, an abbreviation written
  ``U.S.``, a bracket, a question mark, and before an opening quote;
- a headline glued to a paragraph that starts with a digit, a quotation mark (straight
  or curly) or a lower-case word, a headline that ends in a number, an acronym or a
  question mark; a subheading glued to a quoted paragraph;
- one straight pair or apostrophe in curly copy, and the reverse;
- TK and XX in the forms a desk leaves them (``XX%``, ``£XXm``, ``(TK)``, ``TK:``,
  ``on TK``, ``[TK TK]``, lower-case ``xx``);
- a paragraph of 500 words or more (paragraphs merged);
- title swaps in wordings of our own (not corpus text): ``the Russian president, <name>``,
  ``Russia's President <surname>``, possessives, ``the president of Russia, <name>``,
  ``Mr <surname>, the Russian president``, lower-case titles, plural titles.

Each copy is rendered as plain text, Markdown (``# headline``), HTML (``<h1>``, ``<p>``)
and HTML with every quotation mark and non-ASCII character written as a character
reference (``html-ent``). A slip is found when a finding of one of the shape's rules
overlaps its span (give or take one character). Then the untouched articles are linted
in every format with every default rule (bar the info-level readability and length
rules) and the findings are counted per rule and format: the Markdown and HTML copies
hold the same prose, so every finding they have that the plain text has not is a false
alarm of the format (``--show-alarms`` prints them). Not a test: the figures are read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "bbc"
FORMATS = ("txt", "md", "html", "html-ent")
SKIPPED = frozenset({"readability", "long-sentence", "long-paragraph", "grammar"})
GLUE_RULES = ("joined-words", "missing-space", "punctuation-spacing")
DATE = dt.date(2005, 1, 1)


@dataclass(frozen=True)
class Slip:
    """One injected slip: the article's paragraphs (headline first) and where the slip is."""

    paragraphs: tuple[str, ...]
    index: int  # the paragraph holding the slip
    start: int  # local span in that paragraph, end exclusive
    end: int
    rules: tuple[str, ...]
    date: dt.date = DATE


Injector = Callable[[list[str], random.Random], "Slip | None"]


# --- copy: straight or curly --------------------------------------------------------


def curly(paragraphs: list[str]) -> list[str]:
    """Return the article in curly quotation marks (paragraphs with an odd count keep theirs)."""
    out = []
    for p in paragraphs:
        if p.count('"') % 2 == 0:
            parts = p.split('"')
            p = "".join(part + ("“" if i % 2 == 0 else "”") for i, part in enumerate(parts[:-1])) + parts[-1]
        p = re.sub(r"(?<=\w)'|'(?=s\b)", "’", p)
        p = re.sub(r"(?:^|(?<=\s))'", "‘", p)
        out.append(p.replace("'", "’"))
    return out


def _one_pair(p: str, opening: str) -> re.Match[str] | None:
    """The paragraph's only quotation, if it has exactly one (so a lost mark is plain)."""
    marks = "“”" if opening == "“" else '"'
    if sum(p.count(m) for m in marks) != 2 or "'" in p or "‘" in p:
        return None
    close = "”" if opening == "“" else '"'
    return re.search(re.escape(opening) + r"[^\n" + re.escape(close) + r"]{3,400}" + re.escape(close), p)


def _choose(rng: random.Random, items: list):
    return items[rng.randrange(len(items))] if items else None


# --- quotations that lost their opening mark -----------------------------------------


def lost_opening(where: str, style: str) -> Injector:
    """Drop the opening mark of a paragraph's only quotation, where it follows ``where``."""
    before = {
        "after a colon": r": $",
        "at the paragraph's start": r"^$",
        "after said": r"\b(?:said|says|told \w+|added|warned)[:,]? $",
        "after a full stop": r"[a-z]\. $",
    }[where]

    def inject(paragraphs: list[str], rng: random.Random) -> Slip | None:
        copy = curly(paragraphs) if style == "curly" else list(paragraphs)
        opening = "“" if style == "curly" else '"'
        sites = []
        for i, p in enumerate(copy[1:], 1):
            m = _one_pair(p, opening)
            if m and re.search(before, p[: m.start()]):
                sites.append((i, m))
        site = _choose(rng, sites)
        if site is None:
            return None
        i, m = site
        copy[i] = copy[i][: m.start()] + copy[i][m.start() + 1 :]
        return Slip(tuple(copy), i, m.end() - 2, m.end() - 1, ("unbalanced-quote",))

    return inject


# --- a full stop after the closing mark --------------------------------------------


def after_closing(shape: str) -> Injector:
    """Turn ``word."`` (or ``word".``) into one of ``.”.`` ``,”.`` ``?”.`` ``!”.`` ``”..``."""

    def inject(paragraphs: list[str], rng: random.Random) -> Slip | None:
        copy = curly(paragraphs) if "”" in shape else list(paragraphs)
        q = "”" if "”" in shape else '"'
        pattern = r"[a-z]" + (re.escape(q) + r"\." if shape.startswith(q) else r"\." + re.escape(q)) + r"(?= [A-Z]|$)"
        sites = [(i, m) for i, p in enumerate(copy[1:], 1) for m in re.finditer(pattern, p)]
        site = _choose(rng, sites)
        if site is None:
            return None
        i, m = site
        p = copy[i]
        a = m.start() + 1
        copy[i] = p[:a] + shape + p[m.end() :]
        return Slip(tuple(copy), i, a, a + len(shape), ("dangling-punctuation",))

    return inject


# --- sentences fused ----------------------------------------------------------------


def fused(pattern: str, replace: Callable[[re.Match[str]], str] | None = None) -> Injector:
    """Drop the space in group 1 of ``pattern`` (or rewrite the match with ``replace``)."""

    def inject(paragraphs: list[str], rng: random.Random) -> Slip | None:
        copy = list(paragraphs)
        sites = [(i, m) for i, p in enumerate(copy[1:], 1) for m in re.finditer(pattern, p)]
        site = _choose(rng, sites)
        if site is None:
            return None
        i, m = site
        p = copy[i]
        new = replace(m) if replace else m.group().replace(" ", "", 1)
        copy[i] = p[: m.start()] + new + p[m.end() :]
        return Slip(tuple(copy), i, m.start(), m.start() + len(new), ("missing-space",))

    return inject


# --- glued headings -----------------------------------------------------------------


def glued_headline(head_end: str, body_start: str) -> Injector:
    """Glue the headline (ending as asked) to the first paragraph (starting as asked)."""
    ends = {"lower": r"[a-z]$", "digit": r"\d$", "acronym": r"\b[A-Z]{2,5}$", "question": r"[a-z]\?$"}[head_end]

    def inject(paragraphs: list[str], rng: random.Random) -> Slip | None:
        if len(paragraphs) < 3:
            return None
        copy = curly(paragraphs) if body_start == "curly quote" else list(paragraphs)
        head = copy[0].rstrip()
        if not re.search(ends, head):
            return None
        body = copy[1]
        first = {
            "capital": r"[A-Z][a-z]",
            "digit": r"\d",
            "quote": r"\"[A-Z]",
            "curly quote": r"“[A-Z]",
            "lower": r"[A-Z][a-z]+ ",
        }[body_start]
        if not re.match(first, body):
            return None
        if body_start == "lower":
            word = body.split()[0]
            vocabulary = set(re.findall(r"\b[a-z]+\b", " ".join(copy)))
            if word.lower() not in vocabulary or word.lower() in ("i",):
                return None
            body = body[0].lower() + body[1:]
        glued = head + body
        return Slip(tuple([glued] + copy[2:]), 0, len(head) - 1, len(head) + 1, GLUE_RULES)

    return inject


def glued_subheading(paragraphs: list[str], rng: random.Random) -> Slip | None:
    """A subheading (the headline's first words) glued to a paragraph that opens a quotation."""
    words = paragraphs[0].split()
    if len(words) < 3 or not words[2][-1:].isalpha():
        return None
    heading = " ".join(words[: rng.randint(2, min(4, len(words)))]).rstrip(",:;")
    if not heading[-1:].isalpha():
        return None
    sites = [i for i, p in enumerate(paragraphs[2:], 2) if re.match(r"[\"“][A-Z]", p)]
    i = _choose(rng, sites)
    if i is None:
        return None
    copy = list(paragraphs)
    copy.insert(i, heading + copy.pop(i))
    return Slip(tuple(copy), i, len(heading) - 1, len(heading) + 1, GLUE_RULES)


# --- mixed quotation styles ---------------------------------------------------------


def mixed(kind: str) -> Injector:
    """One straight pair or apostrophe in curly copy, or one curly one in straight copy."""

    def inject(paragraphs: list[str], rng: random.Random) -> Slip | None:
        if kind.startswith("straight in curly"):
            copy = curly(paragraphs)
            if any(c in "\"'" for c in "".join(copy)):
                return None
            pattern, old, new = (r"“[^”]{3,200}”", "“”", '""') if "pair" in kind else (r"\w’\w", "’", "'")
        else:
            copy = list(paragraphs)
            if any(c in "“”‘’" for c in "".join(copy)):
                return None
            pattern, old, new = (r'"[^"]{3,200}"', '""', "“”") if "pair" in kind else (r"\w'\w", "'", "’")
        sites = [(i, m) for i, p in enumerate(copy[1:], 1) for m in re.finditer(pattern, p)]
        site = _choose(rng, sites)
        if site is None:
            return None
        i, m = site
        text = m.group()
        if len(old) == 2:
            text = new[0] + text[1:-1] + new[1]
        else:
            text = text.replace(old, new)
        copy[i] = copy[i][: m.start()] + text + copy[i][m.end() :]
        return Slip(tuple(copy), i, m.start(), m.end(), ("quote-style",))

    return inject


# --- placeholders -------------------------------------------------------------------


def placeholder(pattern: str, make: Callable[[re.Match[str]], str]) -> Injector:
    """Rewrite one match of ``pattern`` with a placeholder; the span is the new text."""

    def inject(paragraphs: list[str], rng: random.Random) -> Slip | None:
        copy = list(paragraphs)
        sites = [(i, m) for i, p in enumerate(copy[1:], 1) for m in re.finditer(pattern, p)]
        site = _choose(rng, sites)
        if site is None:
            return None
        i, m = site
        new = make(m)
        copy[i] = copy[i][: m.start()] + new + copy[i][m.end() :]
        token = re.search(r"\[?\(?(?:TK(?: TK)?|XX|xx)[^ ]*", new)
        assert token is not None
        return Slip(tuple(copy), i, m.start() + token.start(), m.start() + token.end(), ("placeholder",))

    return inject


# --- a 500-word paragraph -----------------------------------------------------------


def long_paragraph(paragraphs: list[str], rng: random.Random) -> Slip | None:
    """Merge paragraphs from a random one on until the merged one has 500 words."""
    if len(paragraphs) < 4:
        return None
    start = rng.randrange(1, max(2, len(paragraphs) - 3))
    merged, end = paragraphs[start], start + 1
    while len(merged.split()) < 500 and end < len(paragraphs):
        merged += " " + paragraphs[end]
        end += 1
    if len(merged.split()) < 500:
        return None
    copy = paragraphs[:start] + [merged] + paragraphs[end:]
    return Slip(tuple(copy), start, 0, len(merged), ("long-paragraph",))


# --- titles, in our own wording -----------------------------------------------------

# (full name, surname, the right country's demonym and name, another's), as of 2023-06-01.
LEADERS = (
    ("Volodymyr Zelenskyy", "Zelenskyy", "Ukrainian", "Ukraine", "Russian", "Russia", "president"),
    ("Vladimir Putin", "Putin", "Russian", "Russia", "Ukrainian", "Ukraine", "president"),
    ("Emmanuel Macron", "Macron", "French", "France", "German", "Germany", "president"),
    ("Recep Tayyip Erdogan", "Erdogan", "Turkish", "Turkey", "Greek", "Greece", "president"),
    ("Olaf Scholz", "Scholz", "German", "Germany", "Austrian", "Austria", "chancellor"),
    ("Rishi Sunak", "Sunak", "British", "Britain", "Irish", "Ireland", "prime minister"),
    ("Narendra Modi", "Modi", "Indian", "India", "Pakistani", "Pakistan", "prime minister"),
    ("Joe Biden", "Biden", "US", "the US", "Mexican", "Mexico", "president"),
)
TITLE_DATE = dt.date(2023, 6, 1)
TITLE_SHAPES: dict[str, str] = {
    "the <Dem> president, <Full>,": "The {dem} {title}, {full}, said the talks would go on.",
    "<Country>'s President <Surname> (named in full before)": (
        "{full} arrived on Monday. Later {country}'s {Title} {surname} said the talks would go on."
    ),
    "<Dem> President <Full>'s (possessive)": "{dem} {Title} {full}'s visit was put off.",
    "<Dem> president <Full> (lower case)": "{dem} {title} {full} said the talks would go on.",
    "the president of <Country>, <Full>,": "The {title} of {country}, {full}, said the talks would go on.",
    "<Full>, the president of <Country>,": "{full}, the {title} of {country}, said the talks would go on.",
    "<Full>, <Country>'s president,": "{full}, {country}'s {title}, said the talks would go on.",
    "Mr <Surname>, the <Dem> president (named before)": (
        "{full} arrived on Monday. Mr {surname}, the {dem} {title}, said the talks would go on."
    ),
    "<Dem> President <Surname> (named before)": (
        "{full} arrived on Monday. Later {dem} {Title} {surname} said the talks would go on."
    ),
    "<Dem> leader <Full>": "{dem} leader {full} said the talks would go on.",
}


def title_sentences(wrong: bool) -> dict[str, list[str]]:
    """Every title shape for every leader, with the right country or another."""
    out: dict[str, list[str]] = defaultdict(list)
    for full, surname, dem, country, other_dem, other, title in LEADERS:
        for shape, template in TITLE_SHAPES.items():
            d, c = (other_dem, other) if wrong else (dem, country)
            c = c if c.startswith("the ") else c[0].upper() + c[1:]
            out[shape].append(
                template.format(full=full, surname=surname, dem=d, country=c, title=title, Title=title.title())
            )
    return out


# --- the shapes ---------------------------------------------------------------------

SHAPES: dict[str, Injector] = {}
for _where in ("after a colon", "at the paragraph's start", "after said", "after a full stop"):
    for _style in ("straight", "curly"):
        SHAPES[f"lost opening mark {_where} ({_style})"] = lost_opening(_where, _style)
for _shape in ('.".', ',".', '?".', '!".', '"..', ".”.", ",”.", "?”.", "”.."):
    SHAPES[f"{_shape} after the closing mark"] = after_closing(_shape)
SHAPES.update(
    {
        'fused after a closing quote (said."The)': fused(r'[a-z][.?!]" ([A-Z][a-z])'),
        'fused after a quote, stop outside (".The)': fused(r'[a-z]"\. ([A-Z][a-z])'),
        "fused after a year (in 2004.The)": fused(r"\b(?:19|20)\d\d\. [A-Z][a-z]"),
        "fused after an amount (5%.The, £4m.The)": fused(r"\d(?:%|m|bn)\. [A-Z][a-z]"),
        "fused after U.S. (US. -> U.S.The)": fused(
            r"\b(US|UK)\. ([A-Z][a-z]+)", lambda m: ".".join(m.group(1)) + "." + m.group(2)
        ),
        "fused after a bracket (now).The": fused(r"[a-z]\)\. [A-Z][a-z]"),
        "fused after a question mark (why?The)": fused(r"[a-z]\? [A-Z][a-z]"),
        'fused before an opening quote (said."We)': fused(r'[a-z]\. "[A-Z]'),
        "glued headline, lc -> digit": glued_headline("lower", "digit"),
        'glued headline, lc -> "Quote': glued_headline("lower", "quote"),
        "glued headline, lc -> “Quote": glued_headline("lower", "curly quote"),
        "glued headline, lc -> lower-case word": glued_headline("lower", "lower"),
        "glued headline, digit -> Capital": glued_headline("digit", "capital"),
        "glued headline, ACRONYM -> Capital": glued_headline("acronym", "capital"),
        "glued headline, ? -> Capital": glued_headline("question", "capital"),
        "glued subheading -> quoted paragraph": glued_subheading,
        "one straight pair in curly copy": mixed("straight in curly, pair"),
        "one straight apostrophe in curly copy": mixed("straight in curly, apostrophe"),
        "one curly pair in straight copy": mixed("curly in straight, pair"),
        "one curly apostrophe in straight copy": mixed("curly in straight, apostrophe"),
        "XX% for a percentage": placeholder(r"\b\d+(?:\.\d+)?%", lambda m: "XX%"),
        "£XXm for an amount": placeholder(r"£\d+(?:\.\d+)?m\b", lambda m: "£XXm"),
        "TK before a full stop": placeholder(r"(?<=[a-z])\.(?= [A-Z])", lambda m: " TK."),
        "(TK) after a word": placeholder(r"(?<=[a-z]) (?=[a-z])", lambda m: " (TK) "),
        "TK: at a paragraph's start": placeholder(r"^(?=[A-Z])", lambda m: "TK: "),
        "on TK for a day": placeholder(r"\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday)\b", lambda m: "on TK"),
        "[TK TK] after a word": placeholder(r"(?<=[a-z]) (?=[a-z])", lambda m: " [TK TK] "),
        "xx (lower case) for a number": placeholder(r"(?<=[a-z] )\d+(?= people| years| per cent)", lambda m: "xx"),
        "500-word paragraph (merged)": long_paragraph,
    }
)


# --- rendering ----------------------------------------------------------------------


def _shifted(base: int) -> Callable[[int], int]:
    return lambda k: base + k


def _escaped(base: int, paragraph: str, escape: Callable[[str], str]) -> Callable[[int], int]:
    return lambda k: base + len(escape(paragraph[:k]))


def render(paragraphs: tuple[str, ...], fmt: str) -> tuple[str, list[Callable[[int], int]]]:
    """Return the file's text and, per paragraph, a map from local offsets to file offsets."""
    parts: list[str] = []
    maps: list[Callable[[int], int]] = []
    at = 0

    def emit(chunk: str) -> None:
        nonlocal at
        parts.append(chunk)
        at += len(chunk)

    if fmt in ("html", "html-ent"):
        emit("<!DOCTYPE html>\n<html><body>\n")
    for i, p in enumerate(paragraphs):
        if fmt == "txt":
            base = at
            maps.append(_shifted(base))
            emit(p + "\n\n")
        elif fmt == "md":
            prefix = "# " if i == 0 else ""
            base = at + len(prefix)
            maps.append(_shifted(base))
            emit(prefix + p + "\n\n")
        else:
            tag = "h1" if i == 0 else "p"
            emit(f"<{tag}>")
            base = at
            escape = _escape_all if fmt == "html-ent" else _escape
            maps.append(_escaped(base, p, escape))
            emit(escape(p) + f"</{tag}>\n")
    if fmt in ("html", "html-ent"):
        emit("</body></html>\n")
    return "".join(parts), maps


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _escape_all(text: str) -> str:
    # Quotation marks as named or numeric references, every other non-ASCII as a number.
    out = html.escape(text, quote=True)
    return "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in out)


PATHS = {"txt": "article.txt", "md": "article.md", "html": "article.html", "html-ent": "article.html"}


def _linter() -> Callable[..., list]:
    from newslint import Linter
    from newslint.rule import ActiveRule

    linter = Linter(entry_points=False)
    active = {r.name: ActiveRule(r, r.severity, dict(r.options)) for r in linter.rules}

    def run(text: str, fmt: str, rules: tuple[str, ...] | None, date: dt.date = DATE) -> list:
        chosen = [active[n] for n in rules] if rules else [a for n, a in active.items() if n not in SKIPPED]
        if not rules:
            chosen = [a for a in chosen if a.rule.default]
        return linter.lint_with(text, chosen, path=PATHS[fmt], date=date)

    return run


def _split(text: str) -> list[str]:
    return [block.strip() for block in text.split("\n\n") if block.strip()]


def main() -> None:
    """Inject every shape, lint in every format, print recall; then the untouched articles."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=101)
    parser.add_argument("--per-shape", type=int, default=60)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--show-misses", metavar="SHAPE", default="")
    parser.add_argument("--show-alarms", action="store_true")
    parser.add_argument("--skip-untouched", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    formats = tuple(args.formats.split(","))
    paths = sorted(args.corpus.rglob("*.txt"))
    articles = [_split(p.read_text(encoding="utf-8")) for p in paths]
    lint = _linter()

    print(f"{len(articles)} articles, seed {args.seed}, up to {args.per_shape} copies a shape")
    print(f"{'shape':58} {'copies':>6} " + " ".join(f"{f:>8}" for f in formats))
    for shape, inject in SHAPES.items():
        rng = random.Random(f"{args.seed}:{shape}")
        order = list(range(len(articles)))
        rng.shuffle(order)
        hits: Counter[str] = Counter()
        total = 0
        for k in order:
            if total >= args.per_shape:
                break
            slip = inject(list(articles[k]), rng)
            if slip is None:
                continue
            total += 1
            for fmt in formats:
                text, maps = render(slip.paragraphs, fmt)
                a, b = maps[slip.index](slip.start), maps[slip.index](slip.end)
                found = [f for f in lint(text, fmt, slip.rules, slip.date) if f.start <= b and a <= f.end]
                hits[fmt] += bool(found)
                if not found and fmt == formats[0] and args.show_misses and args.show_misses in shape:
                    print(f"    MISS {paths[k].parent.name}/{paths[k].name}: {text[max(0, a - 50) : b + 30]!r}")
        cells = " ".join(f"{100 * hits[f] / total:7.1f}%" if total else "       -" for f in formats)
        print(f"{shape:58} {total:>6} {cells}")

    print("\ntitle shapes (our own sentences, 8 leaders, dated 2023-06-01), right / wrong country")
    for wrong in (False, True):
        for shape, sentences in title_sentences(wrong).items():
            flagged: Counter[str] = Counter()
            for sentence in sentences:
                for fmt in formats:
                    text, _ = render(("Talks go on", sentence), fmt)
                    flagged[fmt] += bool(lint(text, fmt, ("title-mismatch",), TITLE_DATE))
            label = ("wrong: " if wrong else "right: ") + shape
            cells = " ".join(f"{flagged[f]:>4}/{len(sentences):<3}" for f in formats)
            print(f"  {label:70} {cells}")

    if args.skip_untouched:
        return
    print(f"\nfindings on the {len(articles)} untouched articles (all default rules bar {', '.join(sorted(SKIPPED))})")
    counts: dict[str, Counter[str]] = {f: Counter() for f in formats}
    extra: list[str] = []
    for path, paragraphs in zip(paths, articles):
        seen: dict[str, Counter[tuple[str, str]]] = {}
        for fmt in formats:
            text, _ = render(tuple(paragraphs), fmt)
            found = lint(text, fmt, None)
            counts[fmt].update(f.rule for f in found)
            seen[fmt] = Counter((f.rule, html.unescape(text[f.start : f.end])) for f in found)
            if fmt != formats[0]:
                for rule, excerpt in (seen[fmt] - seen[formats[0]]).elements():
                    extra.append(f"  {fmt:8} {path.parent.name}/{path.name} {rule}: {excerpt[:80]!r}")
    names = sorted(set().union(*counts.values()))
    print(f"  {'rule':24} " + " ".join(f"{f:>8}" for f in formats))
    for name in names:
        print(f"  {name:24} " + " ".join(f"{counts[f][name]:>8}" for f in formats))
    print(f"  findings in a Markdown or HTML copy that the plain text has not: {len(extra)}")
    if args.show_alarms:
        print("\n".join(extra))


if __name__ == "__main__":
    main()
