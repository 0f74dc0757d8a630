"""Measure how well baselines keep old findings and catch new ones, on copies of corpus articles.

For each sampled article (``random.Random(seed)``): lint it, record its findings as a
baseline, make one edit that leaves the existing findings and their neighbouring words
alone (a paragraph from another article inserted, a paragraph moved, ten lines added at
the top, a paragraph without findings deleted, or a word over 100 characters from every
finding replaced in a paragraph that has findings), and inject one new slip (a doubled
word) into a paragraph of its own. Then lint the edited copy against the baseline and count:

- kept: old findings, outside the edited paragraphs, that the baseline still hides;
- identity lost: findings outside the edit reported as new although the original had
  the same finding (same code and message);
- made by the edit: findings outside the edit reported as new that the original did not
  have (a paragraph moved gives a quotation new neighbours);
- caught: injected slips reported as new.

Findings about the whole article (readability of the article, the counts behind
quote-style or spelling-variant) legitimately change with any edit; they are counted
apart. Nothing is written to the corpus; the edited copies live in memory.

    python tools/eval_baseline.py ../shared/corpus/bbc --articles 300 --seed 13
"""

from __future__ import annotations

import argparse
import datetime
import random
import re
from pathlib import Path

from newslint import Linter
from newslint.baseline import Baseline

# Findings whose verdict depends on the whole article, not on their neighbourhood.
ARTICLE_WIDE = {"NL203", "NL302", "NL502"}


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def reword(rng: random.Random, part: str, spans: list[tuple[int, int]]) -> str | None:
    """Replace one word of ``part`` far (over 100 characters) from every span and from its ends."""
    far = [
        m
        for m in re.finditer(r"\b[a-z]{4,}\b", part)
        if 100 < m.start()
        and m.end() < len(part) - 100
        and all(m.end() + 100 < a or m.start() > b + 100 for a, b in spans)
    ]
    if not far:
        return None
    word = rng.choice(far)
    return part[: word.start()] + "changed" + part[word.end() :]


def edit(
    rng: random.Random, parts: list[str], donor: list[str], keep: dict[int, list[tuple[int, int]]]
) -> tuple[list[str], str]:
    """Return the edited paragraphs and the kind of edit."""
    kind = rng.choice(["insert", "move", "top", "delete", "reword"])
    edited: list[str | None] = list(parts)
    if kind == "reword":
        for index in rng.sample(sorted(keep), len(keep)):
            changed = reword(rng, parts[index], keep[index])
            if changed is not None:
                edited[index] = changed
                return [p for p in edited if p is not None], kind
        kind = "delete"
    if kind == "insert":
        edited.insert(rng.randrange(1, len(edited) + 1), None)
    elif kind == "top":
        edited.insert(1, None)
    elif kind == "move" and len(parts) > 3:
        moved = edited.pop(rng.randrange(1, len(edited)))
        edited.insert(rng.randrange(1, len(edited) + 1), moved)
    else:
        free = [i for i in range(1, len(parts)) if i not in keep]
        if free:
            edited.pop(rng.choice(free))
        kind = "delete"
    fill = rng.choice(donor) if kind == "insert" else "\n".join(f"Line {n} added at the top." for n in range(10))
    return [fill if p is None else p for p in edited], kind


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    files = sorted(p for p in args.corpus.rglob("*.txt"))
    linter = Linter(date=datetime.date(2005, 1, 1))
    baseline = Baseline(Path("eval-baseline.json"))
    allowed = set(linter.rule("repeated-word").options["allow"])  # repeats the rule accepts
    totals = {
        "kept": 0,
        "identity lost": 0,
        "made by the edit": 0,
        "article-wide changed": 0,
        "injected": 0,
        "caught": 0,
        "other new": 0,
    }
    by_kind: dict[str, list[int]] = {}
    for path in rng.sample(files, min(args.articles, len(files))):
        text = path.read_text(encoding="utf-8")
        parts = paragraphs(text)
        if len(parts) < 3:
            continue
        before = linter.lint_text(text, str(path))
        starts, at = [], 0
        for part in parts:
            at = text.index(part, at)
            starts.append(at)
            at += len(part)
        keep: dict[int, list[tuple[int, int]]] = {}
        for f in before:
            index = max(i for i, s in enumerate(starts) if s <= f.start)
            a, b = f.start - starts[index], f.end - starts[index]
            # a span over 200 characters is known by its first and last words: reword keeps clear of those
            spans = [(a, b)] if b - a <= 200 else [(a, a + 100), (b - 100, b)]
            keep.setdefault(index, []).extend(spans)
        donor = paragraphs(rng.choice(files).read_text(encoding="utf-8"))[1:] or ["A new paragraph."]
        edited, kind = edit(rng, parts, donor, keep)
        words = [w for w in re.findall(r"[a-z]{4,}", " ".join(edited[1:])) if w not in allowed]
        slip_word = rng.choice(words) if words else "harbour"
        edited.append(f"Officials confirmed the {slip_word} {slip_word} on Monday.")
        new_text = "\n\n".join(edited) + "\n"
        recorded = Baseline(baseline.path, tuple(baseline.entries_for(str(path), before, text)))
        after = linter.lint_text(new_text, str(path))
        new, _ = recorded.split(str(path), after, new_text)
        # the edited paragraphs: inserted ones and the slip's (a reworded one is judged as kept)
        inserted = [
            (new_text.index(p), new_text.index(p) + len(p))
            for p in edited
            if p not in parts and not (kind == "reword" and p != edited[-1] and "changed" in p)
        ]
        touched = {f for f in new if any(a <= f.start < b for a, b in inserted)}
        totals["injected"] += 1
        totals["caught"] += any(f.code == "NL204" and f in touched for f in new)
        old_outside = [f for f in after if f not in touched]
        for f in old_outside:
            wide = f.code in ARTICLE_WIDE or (f.code == "NL401" and "the article" in f.message)
            if f in new and wide:
                totals["article-wide changed"] += 1
            elif f in new:
                had = any((g.code, g.message) == (f.code, f.message) for g in before)
                totals["identity lost" if had else "made by the edit"] += 1
            elif not wide:
                totals["kept"] += 1
        totals["other new"] += sum(1 for f in touched if f.code != "NL204")
        tally = by_kind.setdefault(kind, [0, 0])
        tally[0] += sum(1 for f in old_outside if f not in new)
        tally[1] += sum(1 for f in old_outside if f in new)
    for key, value in totals.items():
        print(f"{key:>22}: {value}")
    for kind, (kept, lost) in sorted(by_kind.items()):
        print(f"{kind:>22}: {kept} kept, {lost} reported again")


if __name__ == "__main__":
    main()
