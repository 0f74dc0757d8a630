"""Every rule's verdict on a spot depends on its neighbourhood, not on unrelated text.

For each registered rule and each sample article, a clean paragraph we wrote is
appended; the findings that lie in the original part of the file must stay exactly
the same (code, span, message). Samples: the example drafts, the seeds and a seeded
sample of the corpus (both skipped cleanly when ../shared is missing), and drafts of
our own with slips of every copy-damage kind.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newslint import Linter
from newslint.rule import ActiveRule, Rule

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
CORPUS = SHARED / "corpus" / "bbc"

# Clean, unrelated paragraphs of our own: plain words, short sentences, no quotations.
CLEAN = (
    "The museum opened a new gallery on Saturday. Visitors queued along the street to see it.",
    "Rain is expected in the west later in the week, with lighter winds by the weekend.",
    # a legitimate doubled word: a rule that pre-screens the whole file for doubles
    # must not change its verdicts elsewhere because of it
    "By noon she had had enough of the rain, and went home.",
)

# Drafts of our own with slips of every kind the copy-damage rules look for, so that
# each rule has findings whose stability is tested, not only silence.
OWN = {
    "own-damage.txt": (
        "Ferry fares climb againThe cost of a crossing rose on Monday.\n\n"
        "The council said the the plan plan was sound.It would start at the at the end of May.\n\n"
        "Work on the pier is due to start next spring, and it should open two years later.\n\n"
        "Work on the pier is due to start next spring, and it should open two years later.\n\n"
        "The harbour master, TK, said TK Mr Reid would speak. About XXX boats moor here. TODO\n\n"
        'She said "it works.now we wait" and left.\n'
    ),
    # a slip whose only trace is 'plan plan.' (white-space tokens 'plan' and 'plan.')
    "own-plan.txt": "Shops reopened on Monday. The council backed the plan plan.\n",
    "own-quotes.md": (
        "# Harbour plans\n\n"
        "“We will win,” she said. 'It is time.\n\n"
        'He said "no" ,and left .The end came  soon.\n\n'
        "> Work on the pier is due to start next spring, and it should open two years later.\n"
    ),
}


LINTER = Linter(entry_points=False)  # built-ins only


def _rules() -> list[Rule]:
    return list(LINTER.rules)


def _samples() -> dict[str, str]:
    samples = dict(OWN)
    for path in sorted((REPO / "examples").iterdir()):
        if path.suffix in (".txt", ".md", ".html"):
            samples[f"examples/{path.name}"] = path.read_text(encoding="utf-8")
    seeds = SHARED / "seeds"
    if seeds.is_dir():
        for path in sorted(seeds.glob("*.txt")):
            samples[f"seeds/{path.name}"] = path.read_text(encoding="utf-8")
    if CORPUS.is_dir():
        files = sorted(CORPUS.rglob("*.txt"))
        for path in random.Random(11).sample(files, k=min(40, len(files))):
            samples[f"corpus/{path.relative_to(CORPUS)}"] = path.read_text(encoding="utf-8")
    return samples


SAMPLES = _samples()

# Rules owned by other engineers that fail this test today, with the reason; the lead
# is told. (None at the time of writing: the list is kept so a failure is explained.)
KNOWN_NONLOCAL: dict[str, str] = {}

# Findings that measure the whole article by design, so that any paragraph added moves
# them: readability's article-level grade (reported at the top of the file). The rule's
# paragraph-level findings are still held to the test.
ARTICLE_WIDE = {"readability": "the article reads at"}


def _findings(rule: Rule, text: str, name: str) -> list[tuple[str, int, int, str]]:
    import datetime

    active = [ActiveRule(rule, rule.severity, dict(rule.options))]
    found = LINTER.lint_with(text, active, path=name, date=datetime.date(2005, 1, 1))
    whole = ARTICLE_WIDE.get(rule.name)
    return [(f.code, f.start, f.end, f.message) for f in found if not (whole and f.message.startswith(whole))]


def _extended(text: str, paragraph: str) -> str:
    """Append ``paragraph`` after a blank line, keeping the file's own line endings."""
    newline = "\r\n" if "\r\n" in text else "\n"
    return text.rstrip("\r\n") + newline * 2 + paragraph + newline


@pytest.mark.parametrize("rule", _rules(), ids=lambda rule: rule.name)
def test_appending_a_clean_paragraph_keeps_the_findings(rule: Rule) -> None:
    if rule.name == "grammar":
        # Its default engine with no server set is Harper, in process (the test extra).
        pytest.importorskip("harper", reason="the harper extra is not installed (pip install 'newslint[harper]')")
    if rule.name in KNOWN_NONLOCAL:
        pytest.xfail(KNOWN_NONLOCAL[rule.name])
    changed = []
    for name, text in SAMPLES.items():
        before = _findings(rule, text, name)
        original = len(text.rstrip("\r\n"))
        for paragraph in CLEAN:
            after = [f for f in _findings(rule, _extended(text, paragraph), name) if f[1] < original]
            if after != [f for f in before if f[1] < original]:
                changed.append((name, paragraph[:20], sorted(set(before) ^ set(after))[:3]))
    assert not changed, f"{rule.name}: findings changed when a clean paragraph was appended: {changed[:5]}"


def test_the_samples_exercise_the_copy_damage_rules() -> None:
    # A locality test on silence proves nothing: each copy-damage rule must fire.
    by_name = {rule.name: rule for rule in _rules()}
    for name in (
        "missing-space",
        "joined-words",
        "repeated-word",
        "placeholder",
        "repeated-phrase",
        "duplicate-paragraph",
    ):
        assert _findings(by_name[name], OWN["own-damage.txt"], "own-damage.txt"), name


# The same article as plain text, Markdown and HTML, with words of the prose also in the
# markup (a link's target and title, attributes): markup is not the article's usage, so
# each format must give the plain text's findings. Our own sentences.
_PROSE = (
    "Students at the University ofTexas protested on Monday.",
    "The firm GreenLeaf said profits rose, and the colour of the new centre was grey.",
    "Shares in firms fell. But British British Gas rose, and the the theater opened.",
    "Read more on the site.",
)
FORMATS = {
    "article.txt": "\n\n".join(_PROSE) + "\n",
    "article.md": (
        "---\ntitle: ofTexas GreenLeaf British theater\n---\n\n"
        + "\n\n".join(_PROSE[:3])
        + '\n\nRead more on [the site](https://example.com/ofTexas/theater-color "a British Green and Leaf").\n'
    ),
    "article.html": (
        '<article data-slug="ofTexas GreenLeaf">\n'
        + "".join(f'<p title="in Green and Leaf, a British color">{p}</p>\n' for p in _PROSE[:3])
        + '<p>Read more on <a href="https://example.com/ofTexas/theater" title="a British center">the site</a>.</p>\n'
        + "</article>\n"
    ),
}


@pytest.mark.parametrize("name", ["joined-words", "spelling-variant", "repeated-word"])
def test_markup_is_not_the_articles_usage(name: str) -> None:
    (rule,) = [r for r in _rules() if r.name == name]
    seen = {}
    for path, text in FORMATS.items():
        found = _findings(rule, text, path)
        seen[path] = [(code, text[start:end], message) for code, start, end, message in found]
    assert seen["article.txt"], f"{name}: the plain text must have findings to compare"
    assert seen["article.md"] == seen["article.txt"]
    assert seen["article.html"] == seen["article.txt"]
