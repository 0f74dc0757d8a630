"""Seeded evaluation of the copy-damage rules on copies of the BBC corpus.

    python bench/eval_copy_damage.py [CORPUS] [--seed N] [--per-class N] [--show-alarms]
                                     [--show-misses CLASS]

Each class of slip is injected into copies of corpus articles, one slip per copy, made
from the article's own text (its own words doubled, its own headline glued to its own
first paragraph, ...), with ``random.Random(seed)``. Every copy is linted in process
with the one rule that should catch the slip; a slip counts as found when a finding of
that rule overlaps the injected characters. The untouched articles are linted too, and
each rule's findings there are counted per 100 articles (``--show-alarms`` prints them,
to be read: every one should be a real slip a copy editor would fix).

CORPUS defaults to ../shared/corpus/bbc beside the repository. Not a test: it needs the
corpus, and its figures are read, not asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "bbc"
# EVAL_RULES=rule,rule narrows the run to some rules (and their classes).
RULES = tuple(
    os.environ.get(
        "EVAL_RULES", "missing-space,joined-words,repeated-word,placeholder,repeated-phrase,duplicate-paragraph"
    ).split(",")
)

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_SENTENCE_GAP = re.compile(r"(?<=[a-z]{3}[.!?]) (?=([A-Z][a-z]+)\b)")


@dataclass(frozen=True)
class Slip:
    """One injected slip: the damaged text and the span (start, end) the rule must touch."""

    text: str
    start: int
    end: int


Injector = Callable[[str, random.Random], "Slip | None"]


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each blank-line separated paragraph after the headline."""
    spans, at = [], 0
    for block in text.split("\n\n"):
        if block.strip():
            spans.append((at, at + len(block)))
        at += len(block) + 2
    return spans[1:]


def _words(text: str) -> list[re.Match[str]]:
    """Return the words of the body (after the headline)."""
    first = text.find("\n\n")
    return [m for m in _WORD.finditer(text) if m.start() > first]


# Glued headings ---------------------------------------------------------------------


def _glue_heading(capital_end: bool) -> Injector:
    """Glue the headline to the first paragraph, as a CMS that lost the line break does."""

    def inject(text: str, rng: random.Random) -> Slip | None:
        head, sep, body = text.partition("\n\n")
        head = head.rstrip()
        if not sep or not body[:1].isupper() or not head[-1:].isalpha():
            return None
        last = head.split()[-1]
        if capital_end != last[0].isupper() or not last.isalpha() or (capital_end and last.isupper()):
            return None
        return Slip(head + body, len(head) - 1, len(head) + 1)

    return inject


def _glue_subheading(text: str, rng: random.Random) -> Slip | None:
    """Make a subheading of a paragraph's first words, glued to the rest (lc then Cap)."""
    spans = _paragraph_spans(text)
    for start, end in rng.sample(spans, k=len(spans)):
        block = text[start:end]
        gap = _SENTENCE_GAP.search(block)
        if not gap or not 20 <= gap.start() <= 80:
            continue
        words = block[: gap.start() - 1].split()[: rng.randint(2, 5)]
        heading = " ".join(words).rstrip(",;:")
        # A subheading ends in a word of some length (not 'a' or 'the') and holds no
        # quotation marks.
        last = heading.split()[-1]
        if not (last.isalpha() and last.islower() and len(last) >= 3) or any(q in heading for q in "\"'"):
            continue
        if last in ("the", "and", "for", "but", "was", "with", "from", "are", "has", "had", "his", "her"):
            continue
        glued = heading + block[gap.end() :]
        return Slip(text[:start] + glued + text[end:], start + len(heading) - 1, start + len(heading) + 1)
    return None


# Placeholders -----------------------------------------------------------------------


def _insert_between_words(token: str, capital_after: bool) -> Injector:
    """Put ``token`` between two body words (the second capitalised when asked)."""

    def inject(text: str, rng: random.Random) -> Slip | None:
        words = _words(text)
        pairs = [
            (a, b)
            for a, b in zip(words, words[1:])
            if text[a.end() : b.start()] == " "
            and a.group()[0].islower()
            and (b.group()[0].isupper() if capital_after else b.group()[0].islower())
        ]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        at = b.start()
        return Slip(text[:at] + token + " " + text[at:], at, at + len(token))

    return inject


def _number_to_xxx(text: str, rng: random.Random) -> Slip | None:
    """Replace a number standing between words with XXX ('killed XXX people')."""
    # After a lower-case word: a number after a capital is part of a name (Channel 4,
    # Halo 2, Fortune 500), where XXX would read as a title.
    numbers = [
        m
        for m in re.finditer(r"(?<= )\d[\d,]*(?= [a-z])", text)
        if m.start() > text.find("\n\n") and text[: m.start()].split()[-1].islower()
    ]
    if not numbers:
        return None
    m = rng.choice(numbers)
    return Slip(text[: m.start()] + "XXX" + text[m.end() :], m.start(), m.start() + 3)


# Repeats ----------------------------------------------------------------------------


def _double_word(position: str) -> Injector:
    """Double a word at a sentence start, mid-sentence, before a full stop or comma, or after ( or "."""

    def inject(text: str, rng: random.Random) -> Slip | None:
        from newslint.rules.repeated_word import DEFAULT_ALLOW

        lower_words = {m.group() for m in _WORD.finditer(text) if m.group().islower()}
        candidates = []
        for m in _words(text):
            before, after = text[m.start() - 2 : m.start()], text[m.end() : m.end() + 1]
            word = m.group()
            # Words doubled by design (very very, had had, that that) are no slip; at a
            # sentence start only a word the article writes in lower case is lowered.
            if word.lower() in DEFAULT_ALLOW or (
                position == "start" and (word.lower() not in lower_words or word.isupper())
            ):
                continue
            if position == "start" and before[-2:] in (". ", "\n\n"[:2]) and word[0].isupper():
                candidates.append(m)
            elif position == "middle" and before[-1:] == " " and after == " " and word.islower():
                candidates.append(m)
            elif (
                position == "before-stop"
                and text[m.end() : m.end() + 2] in (".", ". ", ".\n")
                and word.islower()
                and before[-1:] == " "
            ):
                candidates.append(m)
            elif position == "before-comma" and after == "," and word.islower() and before[-1:] == " ":
                candidates.append(m)
            elif position == "after-opener" and before[-1:] in '("' and word.islower() and after == " ":
                candidates.append(m)
        if not candidates:
            return None
        m = rng.choice(candidates)
        word = m.group().lower() if position == "start" else m.group()
        doubled = text[: m.end()] + " " + word + text[m.end() :]
        return Slip(doubled, m.end() + 1, m.end() + 1 + len(word))

    return inject


def _double_phrase(text: str, rng: random.Random) -> Slip | None:
    """Double a run of two to four lower-case words inside a sentence."""
    words = _words(text)
    size = rng.randint(2, 4)
    runs = []
    for i in range(len(words) - size):
        run = words[i : i + size]
        # Whole white-space words only: not part of 'state-owned', 'a.m.' or 'no-one'.
        if (
            all(w.group().islower() for w in run)
            and all(text[a.end() : b.start()] == " " for a, b in zip(run, run[1:]))
            and text[run[-1].end()] == " "
            and text[run[0].start() - 1] in " \n"
        ):
            runs.append(run)
    if not runs:
        return None
    run = rng.choice(runs)
    phrase = text[run[0].start() : run[-1].end()]
    at = run[-1].end()
    return Slip(text[:at] + " " + phrase + text[at:], at + 1, at + 1 + len(phrase))


def _duplicate_paragraph(text: str, rng: random.Random) -> Slip | None:
    """Paste a paragraph a second time, straight after itself or at the end."""
    spans = [s for s in _paragraph_spans(text) if len(text[s[0] : s[1]].split()) > 8]
    if not spans:
        return None
    start, end = rng.choice(spans)
    block = text[start:end]
    if rng.random() < 0.5:
        return Slip(text[:end] + "\n\n" + block + text[end:], end + 2, end + 2 + len(block))
    body = text.rstrip("\n")
    return Slip(body + "\n\n" + block + "\n", len(body) + 2, len(body) + 2 + len(block))


def _duplicate_sentence(text: str, rng: random.Random) -> Slip | None:
    """Paste a sentence of more than eight words again, straight after itself."""
    candidates = []
    for start, end in _paragraph_spans(text):
        block = text[start:end]
        bounds = [0] + [g.end() for g in _SENTENCE_GAP.finditer(block)] + [len(block) + 1]
        for a, b in zip(bounds, bounds[1:]):
            sentence = block[a : b - 1]
            if len(sentence.split()) > 8 and sentence.endswith(".") and '"' not in sentence:
                candidates.append(start + a + len(sentence))
                candidates[-1] = (start + a, start + a + len(sentence))
    if not candidates:
        return None
    a, b = rng.choice(candidates)
    sentence = text[a:b]
    return Slip(text[:b] + " " + sentence + text[b:], b + 1, b + 1 + len(sentence))


# Run-on sentences -------------------------------------------------------------------


def _run_on(lower: bool) -> Injector:
    """Drop the space after a full stop (and, with ``lower``, the next word's capital)."""

    def inject(text: str, rng: random.Random) -> Slip | None:
        gaps = [g for g in _SENTENCE_GAP.finditer(text) if g.start() > text.find("\n\n")]
        if lower:
            # The next word lower-cased must be a word the article itself writes in
            # lower case, so that no name loses its capital.
            words = {m.group() for m in _WORD.finditer(text)}
            gaps = [g for g in gaps if g.group(1).lower() in words]
        if not gaps:
            return None
        g = rng.choice(gaps)
        word = g.group(1)
        new = word.lower() if lower else word
        damaged = text[: g.start()] + new + text[g.start() + 1 + len(word) :]
        return Slip(damaged, g.start() - 1, g.start() + len(new))

    return inject


CLASSES: dict[str, tuple[str, Injector]] = {
    "glued headline, lc->Cap": ("joined-words", _glue_heading(capital_end=False)),
    "glued headline, Cap->Cap": ("joined-words", _glue_heading(capital_end=True)),
    "glued subheading, lc->Cap": ("joined-words", _glue_subheading),
    "placeholder TODO": ("placeholder", _insert_between_words("TODO", False)),
    "placeholder FIXME": ("placeholder", _insert_between_words("FIXME", False)),
    "placeholder TBC": ("placeholder", _insert_between_words("TBC", False)),
    "placeholder TKTK": ("placeholder", _insert_between_words("TKTK", False)),
    "placeholder TK before Capital": ("placeholder", _insert_between_words("TK", True)),
    "placeholder XXX between words": ("placeholder", _insert_between_words("XXX", False)),
    "placeholder XXX for a number": ("placeholder", _number_to_xxx),
    "doubled word, sentence start": ("repeated-word", _double_word("start")),
    "doubled word, mid-sentence": ("repeated-word", _double_word("middle")),
    "doubled word, before full stop": ("repeated-word", _double_word("before-stop")),
    "doubled word, before comma": ("repeated-word", _double_word("before-comma")),
    "doubled word, after ( or quote": ("repeated-word", _double_word("after-opener")),
    "doubled phrase (2-4 words)": ("repeated-phrase", _double_phrase),
    "duplicated paragraph": ("duplicate-paragraph", _duplicate_paragraph),
    "duplicated sentence": ("duplicate-paragraph", _duplicate_sentence),
    "run-on, lower-case second half": ("missing-space", _run_on(lower=True)),
    "run-on, capital second half": ("missing-space", _run_on(lower=False)),
}


def _load(corpus: Path) -> list[tuple[str, str]]:
    return [(str(p.relative_to(corpus)), p.read_text(encoding="utf-8")) for p in sorted(corpus.rglob("*.txt"))]


def _linter(names: tuple[str, ...]) -> Callable[..., list]:
    """Return lint(text, path, only=None) running the named rules through newslint.Linter."""
    import datetime

    from newslint import Linter
    from newslint.rule import ActiveRule

    linter = Linter(entry_points=False)
    missing = [name for name in names if linter.registry.get(name) is None]
    if missing:
        sys.exit(f"rules not registered: {', '.join(missing)}")
    active = {
        name: ActiveRule(rule, rule.severity, dict(rule.options)) for name in names for rule in [linter.rule(name)]
    }
    date = datetime.date(2005, 1, 1)

    def run(text: str, path: str, only: str | None = None) -> list:
        chosen = [active[only]] if only else list(active.values())
        return linter.lint_with(text, chosen, path=path, date=date)

    return run


def _copies(
    articles: list[tuple[str, str]], inject: Injector, rng: random.Random, wanted: int
) -> Iterator[tuple[str, Slip]]:
    order = list(range(len(articles)))
    rng.shuffle(order)
    made = 0
    for i in order:
        if made >= wanted:
            return
        path, text = articles[i]
        slip = inject(text, rng)
        if slip is not None:
            made += 1
            yield path, slip


def main() -> None:
    """Run the evaluation and print recall per class and alarms per 100 articles."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--per-class", type=int, default=300)
    parser.add_argument("--show-alarms", action="store_true")
    parser.add_argument("--show-misses", metavar="CLASS", default="")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    articles = _load(args.corpus)
    lint = _linter(RULES)

    print(f"recall on injected copies (seed {args.seed}, up to {args.per_class} copies a class)")
    for name, (rule_name, inject) in CLASSES.items():
        if rule_name not in RULES:
            continue
        rng = random.Random(f"{args.seed}:{name}")
        hits = total = 0
        for path, slip in _copies(articles, inject, rng, args.per_class):
            total += 1
            found = [f for f in lint(slip.text, path, rule_name) if f.start < slip.end and slip.start < f.end]
            hits += bool(found)
            if not found and args.show_misses and args.show_misses in name:
                print(f"  MISS {path}: {slip.text[max(0, slip.start - 60) : slip.end + 40]!r}")
        rate = 100 * hits / total if total else float("nan")
        print(f"  {name:34} {rule_name:20} {hits:4}/{total:<4} {rate:5.1f}%")

    counts: Counter[str] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    for path, text in articles:
        for f in lint(text, path):
            counts[f.rule] += 1
            shown[f.rule].append(f"  {path}:{f.line}:{f.column}: {f.message}")
    print(f"findings on the {len(articles)} untouched articles, per 100 articles")
    for rule_name in RULES:
        print(f"  {rule_name:20} {counts[rule_name]:4}  {100 * counts[rule_name] / len(articles):5.2f}")
        if args.show_alarms:
            print("\n".join(shown[rule_name]))


if __name__ == "__main__":
    main()
