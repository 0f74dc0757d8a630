"""NL503 grammar's Harper engine (``engine: harper``), with the real Harper (harper-py).

Every text here is our own. Expected spans are the slips we wrote into it, located with
``text.index`` (or counted by hand, where a comment says so), never copied from output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from newslint.rules import grammar as grammar_module
from newslint.rules.grammar import harper as engine_module

from newslint import Linter
from newslint.testing import run_rule, spans

# The engine module imports harper on first use only; these tests need the real one.
pytest.importorskip("harper", reason="the harper extra is not installed (pip install 'newslint[harper]')")

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"


@pytest.fixture(autouse=True)
def fresh_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Each test is a run of its own: its own working directory, no Harper linter left over."""
    monkeypatch.chdir(tmp_path)
    grammar_module.newslint_finish()
    yield
    grammar_module.newslint_finish()


def check(text: str, *, format: str = "text", **options: Any) -> list:
    """Run the grammar rule with the Harper engine on ``text``."""
    return run_rule("grammar", text, format=format, options={"engine": "harper", **options})


def at(text: str, part: str, after: str = "") -> tuple[int, int]:
    """Return the span of ``part`` in ``text``, at its first occurrence after ``after``."""
    start = text.index(part, text.index(after) + len(after) if after else 0)
    return start, start + len(part)


# ---------------------------------------------------------------------------------------
# An article with slips


ARTICLE = (
    "Council shuts library\n"
    "\n"
    "The council will close a underused library on Monday, its leader said. He have said the "
    "building was an historic landmark, but the the repair bill was too high.\n"
    "\n"
    'She don\'t accept the plan. "It is an honour to serve," said Ms Okafor, who called the '
    "closure a insult to readers. They was angry.\n"
)


def test_an_article_with_article_agreement_and_repeated_word_slips() -> None:
    findings = check(ARTICLE)
    expected = [
        (at(ARTICLE, "a", "close "), "[AnA] Incorrect indefinite article.", "an"),
        (
            at(ARTICLE, "have", "He "),
            "[PronounVerbAgreement] The form of the verb must agree in grammatical number with the pronoun.",
            "has",
        ),
        (at(ARTICLE, "the the"), "[RepeatedWords] Did you mean to repeat this word?", "the"),
        (
            at(ARTICLE, "don't"),
            "[PronounVerbAgreement] The form of the verb must agree in grammatical number with the pronoun.",
            "doesn't",
        ),
        (at(ARTICLE, "a", "closure "), "[AnA] Incorrect indefinite article.", "an"),
        (at(ARTICLE, "was", "They "), "[PronounInflectionBe] Make the verb agree with its subject.", "were"),
    ]
    assert [((f.start, f.end), f.message, f.fix.text) for f in findings] == expected
    assert {(f.code, f.rule, f.severity.value) for f in findings} == {("NL503", "grammar", "warning")}
    assert all(f.fix is not None and not f.fix.safe for f in findings)
    # "The council will close " is 23 characters: the article is at column 24 of line 3.
    assert (findings[0].line, findings[0].column, findings[0].end_column) == (3, 24, 25)
    # "an historic" and "an honour" are British usage; the headline is not a slip.


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("She ate a apple at noon.", ["a"]),
        ("An unusual plan and a unusual plan.", ["a"]),
        ("It was a honorary title.", ["a"]),
        ("He waited for for a bus.", ["for for"]),
        ("They was told to wait.", ["was"]),
        ("He go to work on Mondays.", ["go"]),
        ("It were a long day for the team.", ["were"]),
        ("The council should of acted sooner.", ["should of"]),
        ("He has went home, and she had became a star.", ["went", "became"]),
        ("Prices were higher then last year.", ["then"]),
    ],
)
def test_slips(text: str, flagged: list[str]) -> None:
    assert spans(check(text), text) == flagged


@pytest.mark.parametrize(
    "text",
    [
        # a/an by sound, British silent h, letters and abbreviations
        "It was an honour, an hour, an honest answer and an historic win.",
        "He is an MEP, an SUV driver and an HIV researcher, and a NATO officer.",
        "She met an unidentified man at a union meeting in a unit of a university.",
        "They reached Serie A in May, and England A beat Group A rivals.",
        "She joined a one-off panel with a European and a Ukrainian.",
        # doubled words that are good English, judged by newslint's repeated-word rule
        "She had had enough, and he said that that was wrong.",
        "You can log in in the morning. What it is is a scandal.",
        "They saw Duran Duran play, and Will said he might go.",
        "A guard was hurt in a break-in in 2011, and the club fell apart in in-fighting.",
        # past tenses that look like the base form, and pronouns that are not subjects
        "He beat Henman in the final, and she split from her coach.",
        "The fines levelled against him are unjust, the rights with it are ours.",
        "You guys made this night one to remember, the band was told.",
        # British style that Harper's defaults would flag
        "Shares in Tesco, Sainsbury and Asda rose 2-1 in trading... he said.",
        "Some 2,300 trains were cancelled. However the operator said it was a one-off.",
        "Clean copy with U.S. figures of 3.5% and no slip at all.",
    ],
)
def test_good_copy(text: str) -> None:
    assert check(text) == []


# ---------------------------------------------------------------------------------------
# Spans in the original file


def test_harper_counts_code_points() -> None:
    """Harper's spans index the Python string: code points, not bytes or UTF-16 units."""
    import harper

    text = "\U0001f600\U0001f44d\U0001f3fd caf\u00e9 fans ate a apple."
    [lint] = harper.Linter(harper.Dialect.BRITISH).lint(text, language="plaintext")
    assert (lint.span.start, lint.span.end) == at(text, "a", "ate ")
    assert len(text[: lint.span.start].encode("utf-16-le")) // 2 != lint.span.start  # would differ


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("\U0001f600 She ate a apple at noon.", ["a"]),
        ("Fans \U0001f44d\U0001f3fd cheered and \U0001f389 the the result was a upset.", ["the the", "a"]),
        ("\u00c9lodie and Zo\u00eb ate a apple.", ["a"]),
        # CRLF: a hard-wrapped paragraph, a doubled word across the line break, a slip after it
        ("The mayor said the\r\nthe plan would close a\r\nunderused library.\r\n", ["the\r\nthe", "a"]),
        ("Line one of the copy is here.\r\nShe ate a apple.\r\n", ["a"]),
        ("A tab\tthen a apple.", ["a"]),
    ],
)
def test_exact_spans(text: str, flagged: list[str]) -> None:
    assert spans(check(text), text) == flagged


def test_positions_after_an_emoji_and_crlf() -> None:
    text = "Rain \U0001f327 fell all day.\r\n\r\n\U0001f600\U0001f600 She ate a apple.\r\n"
    [finding] = check(text)
    # Line 3 is two emoji, a space and "She ate " (8): the article is its 12th code point.
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 12, 3, 13)
    assert text[finding.start : finding.end] == "a"


def test_markdown_prose_only_mapped_back_to_the_file() -> None:
    text = (
        "---\ntitle: a apple in front matter\n---\n"
        "# Council ate a apple\n\n"
        "The [mayor](https://example.com/a-apple) ate **a apple** \U0001f34e at `a apple` noon.\n\n"
        "```\nthe the code\n```\n\n"
        "| a apple |\n|---|\n| cell |\n"
    )
    findings = check(text, format="markdown")
    assert spans(findings, text) == ["a", "a"]
    # "# Council ate " is 14 characters; "The [mayor](https://example.com/a-apple) ate **" is 47.
    assert [(f.line, f.column) for f in findings] == [(4, 15), (6, 48)]
    assert [f.fix.text for f in findings] == ["an", "an"]


def test_no_fix_where_the_span_crosses_markup() -> None:
    text = "He said the *the* result was close.\n"
    [finding] = check(text, format="markdown")
    assert spans([finding], text) == ["the *the"]
    assert finding.fix is None  # replacing "the *the" with "the" would delete the "*"


def test_html_entities_before_the_slip() -> None:
    text = "<p>Caf&eacute; &amp; bar owners ate a apple.</p>\n"
    [finding] = run_rule("grammar", text, path="a.html", options={"engine": "harper"})
    assert (finding.start, finding.end) == at(text, "a", "ate ")


def test_fixes_replace_remove_insert_and_keep_case() -> None:
    def fixed(text: str, **options: Any) -> str:
        [finding] = check(text, **options)
        fix = finding.fix
        return text[: fix.start] + fix.text + text[fix.end :]

    assert fixed("A apple fell on the car.") == "An apple fell on the car."  # Harper says "AN"
    assert fixed("Spain , Italy and Greece won.") == "Spain, Italy and Greece won."  # removal
    assert fixed("I want go home now.", **{"enabled-rules": ["MissingTo"]}) == "I want to go home now."


# ---------------------------------------------------------------------------------------
# Rules and categories

SLIPS = "A apple fell. She ate a apple and the the pie, with plums, pears and figs."


@pytest.mark.parametrize(
    "options, flagged",
    [
        ({}, ["A", "a", "the the"]),
        ({"disabled-categories": ["Miscellaneous"]}, ["the the"]),
        ({"disabled-rules": ["AnA"]}, ["the the"]),
        ({"disabled-rules": ["repeated-words"]}, ["A", "a"]),  # names are folded
        ({"enabled-only": True, "enabled-rules": ["RepeatedWords"]}, ["the the"]),
        ({"enabled-only": True, "enabled-categories": ["repetition"]}, ["the the"]),
        ({"enabled-categories": ["Style"]}, ["A", "a", "the the", "pears"]),  # the Oxford comma
        ({"enabled-rules": ["OxfordComma"]}, ["A", "a", "the the", "pears"]),
        ({"enabled-categories": ["Style"], "disabled-rules": ["OxfordComma"]}, ["A", "a", "the the"]),
    ],
)
def test_rules_and_categories(options: dict[str, Any], flagged: list[str]) -> None:
    assert spans(check(SLIPS, **options), SLIPS) == flagged


def test_default_off_rule_comes_back_with_its_category() -> None:
    text = "The score was 10-20 at half time."
    assert check(text) == []
    [finding] = check(text, **{"enabled-categories": ["Formatting"]})
    assert finding.message.startswith("[NumericRangeEnDash] ")
    assert spans([finding], text) == ["-"]


@pytest.mark.parametrize(
    "options, message",
    [
        ({"enabled-rules": ["EN_A_VS_AN"]}, "Harper has no rule 'EN_A_VS_AN' (rules.grammar.enabled-rules;"),
        ({"disabled-categories": ["TYPOS"]}, "Harper has no category 'TYPOS' (rules.grammar.disabled-categories;"),
        ({"language": "en-NZ"}, "Harper does not know language 'en-NZ' (it knows en-GB, en-US, en-AU, en-CA, en-IN)"),
    ],
)
def test_bad_names_are_one_clear_message(options: dict[str, Any], message: str) -> None:
    [finding] = check("She ate a apple.", **options)
    assert finding.code == "NL000"
    assert finding.message.startswith(f"rule grammar (NL503) did not run: {message}")


# ---------------------------------------------------------------------------------------
# Spelling and dialects

NAMES = "We recieve letters from Ms Okonkwo-Vantreese about the colour of the flag."


def test_spelling_is_off_by_default() -> None:
    assert check(NAMES) == []


def test_spelling_on_flags_typos_and_names_until_accepted() -> None:
    on = {"enabled-categories": ["Spelling"]}
    assert spans(check(NAMES, **on), NAMES) == ["recieve", "Okonkwo", "Vantreese"]
    accepted = check(NAMES, **on, **{"accepted-words": ["Okonkwo-Vantreese"]})
    assert spans(accepted, NAMES) == ["recieve"]
    assert accepted[0].message.startswith("[SpellCheck] ") and accepted[0].fix.text == "receive"


def test_dialect_comes_from_language() -> None:
    on = {"enabled-categories": ["Spelling"], "accepted-words": ["Okonkwo", "Vantreese"]}
    assert spans(check(NAMES, **on), NAMES) == ["recieve"]
    assert spans(check(NAMES, **on, language="en-US"), NAMES) == ["recieve", "colour"]
    assert spans(check(NAMES, **on, language="en_AU"), NAMES) == ["recieve"]


# ---------------------------------------------------------------------------------------
# One Harper linter per run, the in-memory cache, threads


def test_one_linter_per_run_released_at_finish(tmp_path: Path) -> None:
    options = {**grammar_module.grammar.options, "engine": "harper"}
    for text in ("She ate a apple.", "They was late.", "The the end."):
        check(text)
    assert len(engine_module._engines) == 1
    assert engine_module.engine_for(options) is engine_module.engine_for(dict(options))
    check("She ate a apple.", language="en-US")
    assert len(engine_module._engines) == 2
    grammar_module.newslint_finish()
    assert engine_module._engines == {}
    assert list(tmp_path.iterdir()) == []  # nothing written: no cache folder, no copy on disk


def test_paragraph_answers_are_kept_in_memory_unless_cache_is_off() -> None:
    text = "She ate a apple.\n\nHe waited for for a bus.\n"
    first = check(text)
    [engine] = engine_module._engines.values()
    assert set(engine._cache) == {"She ate a apple.", "He waited for for a bus."}
    engine._cache["She ate a apple."] = ()  # a planted answer shows the cache is read
    assert spans(check(text), text) == ["for for"]
    assert check(text, cache=False) == first


def test_linter_session_serves_threads() -> None:
    texts = [f"Item {n}: she ate a apple and the the pie." for n in range(24)]
    with Linter(select=["grammar"], config=None) as linter:
        # configure the rule through lint_with, as a language server would for each text
        rule = linter.rule("grammar")
        from newslint.rule import ActiveRule

        active = [ActiveRule(rule, rule.severity, {**rule.options, "engine": "harper"})]
        results: dict[int, list[str]] = {}
        errors: list[BaseException] = []

        def work(index: int) -> None:
            try:
                results[index] = spans(linter.lint_with(texts[index], active), texts[index])
            except BaseException as exc:  # pragma: no cover - the assertion shows it
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(len(texts))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert all(found == ["a", "the the"] for found in results.values())


# ---------------------------------------------------------------------------------------
# Long input: linear time


def test_long_paragraphs_go_in_pieces_that_cover_them() -> None:
    from newslint.document import Document

    sentence = "The council met on Monday and agreed a plan for the town. "
    no_stops = "word " * 5_000
    for text in (sentence * 300, no_stops, "x" * 9_000):
        document = Document(text, "a.txt")
        [paragraph] = document.paragraphs
        pieces = list(engine_module.pieces(document, paragraph))
        assert "".join(piece for _, piece in pieces) == paragraph.text
        assert all(len(piece) <= engine_module.PIECE for _, piece in pieces)
        assert [offset for offset, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]
    document = Document(sentence * 300, "a.txt")
    [paragraph] = document.paragraphs
    assert all(piece.startswith("The council") for _, piece in engine_module.pieces(document, paragraph))


def test_a_slip_in_a_long_paragraph_is_found_at_its_place() -> None:
    filler = "The council met on Monday and agreed a plan for the town. " * 200
    text = filler + "She ate a apple. " + filler
    [finding] = check(text)
    assert (finding.start, finding.end) == at(text, "a", "She ate ")


def test_linear_time() -> None:
    import gc
    import random
    import time

    from timing import LIMIT

    def article(size: int, seed: int) -> str:
        pick = random.Random(seed)
        words = "council plan town market river school budget road vote".split()
        parts = []
        while sum(map(len, parts)) < size:
            parts.append(f"The {pick.choice(words)} met on day {pick.randrange(10**6)} and agreed a plan. ")
        return "".join(parts)

    def fastest(size: int) -> float:
        # CPU time (Harper's own threads included), the collector off, the best of three
        # texts: one run of Harper on 100 KB is a few seconds, and a single timing of it
        # on a busy machine once read 6.06x.
        best = float("inf")
        for seed in range(3):
            text = article(size, seed + size)
            gc.collect()
            gc.disable()
            try:
                start = time.process_time()
                check(text, cache=False)
                best = min(best, time.process_time() - start)
            finally:
                gc.enable()
        return best

    check("Warm up.")
    assert fastest(100_000) / fastest(25_000) < LIMIT


# ---------------------------------------------------------------------------------------
# Without the harper package, through the command line


CONFIG = "rules:\n  grammar:\n    engine: harper\n"

# Runs newslint with the harper package hidden by an import hook: the real import system
# then raises ModuleNotFoundError for it, as on a machine where it is not installed.
HIDE_HARPER = """
import runpy, sys

class HideHarper:
    def find_spec(self, name, path=None, target=None):
        if name == "harper" or name.startswith("harper."):
            raise {error}
        return None

sys.meta_path.insert(0, HideHarper())
sys.argv = ["newslint", *sys.argv[1:]]
runpy.run_module("newslint", run_name="__main__", alter_sys=True)
"""


def newslint(*args: str, cwd: Path, plugin: Path, hide: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run newslint in a subprocess with the test plugin installed, harper hidden if asked."""
    environment = {**os.environ, "PYTHONPATH": str(plugin)}
    environment.pop("NO_COLOR", None)
    command = (
        [sys.executable, "-m", "newslint"] if hide is None else [sys.executable, "-c", HIDE_HARPER.format(error=hide)]
    )
    return subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True, env=environment, timeout=300)


def write_articles(folder: Path) -> None:
    (folder / ".newslint.yaml").write_text(CONFIG, encoding="utf-8")
    (folder / "one.txt").write_text("The xyzzy ate a apple.\n", encoding="utf-8")
    (folder / "two.md").write_text("# Title\n\nWe saw xyzzy and and more.\n", encoding="utf-8")


def test_cli_reports_harper_findings_and_json(tmp_path: Path, plugin_dir: Path) -> None:
    write_articles(tmp_path)
    result = newslint(
        "--format", "json", "--select", "flag-xyzzy,grammar", "one.txt", "two.md", cwd=tmp_path, plugin=plugin_dir
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    found = [(f["path"], f["code"], f["line"], f["column"], f["message"]) for f in json.loads(result.stdout)]
    assert found == [
        ("one.txt", "ZZ101", 1, 5, "found 'xyzzy'"),
        ("one.txt", "NL503", 1, 15, "[AnA] Incorrect indefinite article."),
        ("two.md", "ZZ101", 3, 8, "found 'xyzzy'"),
        ("two.md", "NL503", 3, 14, "[RepeatedWords] Did you mean to repeat this word?"),
    ]


@pytest.mark.parametrize(
    "hide, reason",
    [
        ('ModuleNotFoundError("No module named \'harper\'", name="harper")', ""),
        (
            'ImportError("libharper.so: cannot open shared object file")',
            " (libharper.so: cannot open shared object file)",
        ),
    ],
)
def test_cli_without_harper_one_message_other_rules_run_exit_2(
    tmp_path: Path, plugin_dir: Path, hide: str, reason: str
) -> None:
    write_articles(tmp_path)
    result = newslint("--select", "flag-xyzzy,grammar", "one.txt", "two.md", cwd=tmp_path, plugin=plugin_dir, hide=hide)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"newslint: rule grammar (NL503) did not run: engine: harper needs the harper-py package{reason}: "
        "pip install 'newslint[harper]' (or set rules.grammar.server to use a LanguageTool server)"
    ]
    assert "one.txt:1:5: ZZ101" in result.stdout and "two.md:3:8: ZZ101" in result.stdout
    assert "NL503" not in result.stdout and "NL000" not in result.stdout


def test_auto_engine_is_harper_without_a_server(tmp_path: Path, plugin_dir: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("rules:\n  grammar: {}\n", encoding="utf-8")
    (tmp_path / "one.txt").write_text("She ate a apple.\n", encoding="utf-8")
    result = newslint("--select", "grammar", "one.txt", cwd=tmp_path, plugin=plugin_dir)
    assert result.stdout.splitlines() == ["one.txt:1:9: NL503 [grammar] [AnA] Incorrect indefinite article."]


def test_harper_is_not_imported_at_start_up() -> None:
    code = (
        "import sys, newslint.cli, newslint.plugins as p; p.registry(p.plugin_manager()); "
        "print('newslint.rules.grammar' in sys.modules, 'harper' in sys.modules, "
        "'newslint.rules.grammar.harper' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "False", "False"]


def test_nothing_to_check_needs_no_engine() -> None:
    assert check("```\nthe the\n```\n\n| a apple |\n|---|\n| b |\n", format="markdown") == []
    assert check("2024 \u2014 12.5\n") == []
    assert engine_module._engines == {}


# ---------------------------------------------------------------------------------------
# The seeds


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds is not here")
def test_seeds_give_no_crash(tmp_path: Path) -> None:
    config = tmp_path / "harper.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    with Linter(select=["grammar"], config=config, entry_points=False) as linter:
        results = list(linter.lint_paths([str(SHARED / "seeds")]))
    assert len(results) >= 2
    for result in results:
        assert result.error is None
        assert {f.code for f in result.findings} <= {"NL503"}, [f.message for f in result.findings]
    assert linter.unavailable == {}
