"""The batch runner gives exactly the findings of running each rule alone, and stays linear."""

from __future__ import annotations

import gc
import random
import re
import time

import pytest

from newslint.document import Document
from newslint.styles.batch import StyleBatch, fold, required_literals
from newslint.styles.checks import Definition, Existence, Substitution
from newslint.styles.regex import translate
from newslint.styles.scopes import parse_scope, segments

WORDS = [
    "per",
    "cent",
    "percent",
    "Kiev",
    "kiev",
    "Mr",
    "Mr.",
    "e-mail",
    "email",
    "colour",
    "color",
    "the",
    "The",
    "state",
    "Islamic",
    "ISIS",
    "Isis",
    "İstanbul",
    "straße",
    "STRASSE",
    "ﬁne",
    "fine",
    "3rd",
    "March",
]
PIECES = [
    "per",
    "cent",
    "kiev",
    "mr\\.",
    "e-?mail",
    "colou?r",
    "(?:the|a) state",
    "isis",
    "[Kk]iev",
    "\\d+(?:st|rd)",
    "istanbul",
    "stra(?:ss|ß)e",
    "fine",
    "\\bMarch",
    "(?i)ISIS",
    "the\\s+\\w+",
    "\\w+cent",
    "x*",
]


def _random_pattern(rng: random.Random) -> str:
    parts = rng.sample(PIECES, rng.randint(1, 3))
    joiner = rng.choice(["|", " ", "\\s?"])
    return joiner.join(parts)


@pytest.mark.parametrize("seed", range(60))
def test_batch_equals_each_rule_alone(seed: int) -> None:
    rng = random.Random(seed)
    checks = []
    for k in range(12):
        scope = parse_scope(rng.choice(["text", "heading", ["text", "~quote"], "sentence"]))
        definition = Definition("T", f"R{k}", "-", "existence", "%s", scope=scope)
        ignorecase = rng.random() < 0.5
        if rng.random() < 0.5:
            tokens = [_random_pattern(rng) for _ in range(rng.randint(1, 4))]
            checks.append(Existence(definition, {"tokens": tokens, "ignorecase": ignorecase}, ()))
        else:
            swap = {_random_pattern(rng): "x" for _ in range(rng.randint(1, 5))}
            checks.append(Substitution(definition, {"swap": swap, "ignorecase": ignorecase}, ()))
    lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))) + "." for _ in range(6)]
    text = "# " + lines[0] + "\n\n" + "\n\n".join(lines[1:]) + "\n"
    document = Document(text, "t.md", format="markdown")
    batch = StyleBatch(checks).violations(document)
    for index, check in enumerate(checks):
        alone = sorted(
            set(check.run(document, segments(document, check.scope))), key=lambda v: (v.start, v.end, v.message)
        )
        assert batch.get(index, []) == alone, (check.pattern.pattern, text)


@pytest.mark.parametrize(
    "pattern, flags, literals",
    [
        (r"\b(?:per ?cent)\b", 0, {"percent", "per cent"}),
        (r"\b(?:colou?r|hue)\b", re.I, {"color", "colour", "hue"}),
        (r"\d+%", 0, None),
        (r"(?:x.*)?directory", 0, {"directory"}),
        (r"a|\w+", 0, None),
    ],
)
def test_required_literals(pattern: str, flags: int, literals: set[str] | None) -> None:
    found = required_literals(re.compile(translate(pattern), flags))
    assert (None if found is None else set(found)) == literals


def test_folding_equates_what_ignorecase_matches() -> None:
    # Every pair of characters re.IGNORECASE matches folds to the same character.
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        assert len(fold(char)) == 1, hex(code)
        for other in {char.lower(), char.upper(), char.title(), char.casefold()}:
            if len(other) == 1 and other != char and re.fullmatch(re.escape(char), other, re.IGNORECASE):
                assert fold(other) == fold(char), (hex(code), other)
    for group in ("iıİI", "sſS", "µμΜ"):
        assert len({fold(c) for c in group}) == 1, group


def test_linear_time() -> None:
    definition = Definition("T", "R", "-", "substitution", "%s")
    swap = {f"wordform{k}": f"other{k}" for k in range(300)}
    swap["percent"] = "per cent"
    check = Substitution(definition, {"swap": swap, "ignorecase": True}, ())
    paragraph = "The rate rose 5 percent as the wordform7 said, and then fell back again. " * 3

    def timed(repeat: int) -> float:
        document = Document("\n\n".join([paragraph] * repeat), "t.txt")
        _ = document.paragraphs  # parsing is the document's cost, not the style's
        batch = StyleBatch([check])
        gc.collect()
        gc.disable()  # the collector's passes over a growing heap are not the style's cost
        try:
            start = time.perf_counter()
            batch.violations(document)
            return time.perf_counter() - start
        finally:
            gc.enable()

    timed(20)
    # About 100 KB against 400 KB of text, the best of five runs each; on a shared machine a
    # burst of load can still land on one side, so the ratio gets three tries.
    ratios = []
    for _ in range(3):
        small, large = min(timed(400) for _ in range(5)), min(timed(1600) for _ in range(5))
        ratios.append(large / small)
        if ratios[-1] < 6:
            break
    assert min(ratios) < 6, ratios
