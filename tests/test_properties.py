"""Every default rule, on arbitrary Unicode text in both formats: no crash, spans in the text."""

from __future__ import annotations

import codecs
import json
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newslint import plugins
from newslint.document import Document
from newslint.engine import ActiveRule, lint


@lru_cache(maxsize=1)
def all_rules():
    """Every built-in rule that runs by default (opt-in rules may need a server)."""
    registry = plugins.registry(plugins.plugin_manager(entry_points=False))
    return tuple(rule for rule in registry.rules if rule.default)


_NEWS = st.sampled_from(
    [
        "The",
        "minister",
        "said",
        "Mr",
        "Mr.",
        "U.S.",
        "e.g.",
        "3.5",
        "£1.2bn",
        "10%",
        "'",
        '"',
        "“",
        "”",
        "‘",
        "’",
        "(",
        ")",
        "[",
        "]",
        " - ",
        "—",
        "…",
        ".",
        ",",
        ";",
        ":",
        "!",
        "?",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\u2028",
        "\x0c",
        "\U0001f600",
        "e\u0301",
        "http://example.com/a.b",
        "# ",
        "> ",
        "- ",
        "* ",
        "`x`",
        "```\n",
        "<!-- newslint-disable -->",
        "<!-- newslint-enable -->",
        "<!-- newslint-disable-next-line -->",
        "[a](b)",
        "![alt](i.png)",
        "&amp;",
        "\\",
        "|",
        "---\n",
        "the the",
        "its",
        "it's",
        "colour",
        "color",
        "Dr",
        "2024",
        "Monday",
        "BBC",
        "said:",
        "\ufeff",
        "<p>",
        "</p>",
        "<h1>",
        "&#8221;",
        "<!-- x -->",
    ]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(_NEWS, max_size=80).map("".join))


def check(text: str, format: str) -> None:
    rules = all_rules()
    active = [ActiveRule(rule, rule.severity, dict(rule.options)) for rule in rules]
    findings = lint(Document(text, "p", format=format), active, rules)
    crashes = [f.message for f in findings if f.code == "NL000"]
    assert not crashes, crashes
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(text), finding
        if finding.fix is not None:
            assert 0 <= finding.fix.start <= finding.fix.end <= len(text), finding


def test_there_are_rules_to_check():
    assert {"NL000", "NL001"} <= {rule.code for rule in all_rules()}


@pytest.mark.parametrize("format", ["text", "markdown", "html"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_rules_never_crash_and_spans_stay_inside(format, text):
    check(text, format)


# -- hostile text (issue 9) ----------------------------------------------------------------
# An alphabet heavy in what breaks parsers and rules: quotation marks, dots, brackets,
# capitals, CR, BOM, no-break and odd spaces, emoji, Markdown syntax, suppressions, and
# words rules look for. Generated text is a run of these, with or without spaces between.

_HOSTILE = [
    '"',
    "'",
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    "\u00ab",
    "\u00bb",
    "`",
    "``",
    ".",
    "..",
    "...",
    "\u2026",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "((",
    "))",
    "A",
    "B",
    "US",
    "BBC",
    "U.S.",
    "A.B.C.",
    "Mr",
    "Dr.",
    "e.g.",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\ufeff",
    "\u00a0",
    "\u2009",
    "\u3000",
    "\u2028",
    "\U0001f600",
    "\U0001f44d\U0001f3fd",
    "e\u0301",
    "# ",
    "> ",
    "- ",
    "* ",
    "1. ",
    "```",
    "**",
    "_",
    "[a](b)",
    "![x](y.png)",
    "<http://a.b>",
    "|",
    "---",
    "&amp;",
    "&#8220;",
    "&#8217;",
    "&quot;",
    "&nbsp;",
    "&#x1F600;",
    "\\",
    "<b>",
    "<p>",
    "</p>",
    "<h2>",
    "<li>",
    "<br>",
    "<img alt='the the'>",
    "<!--",
    "-->",
    "<!-- newslint-disable -->",
    "<!-- newslint-enable -->",
    "<!-- newslint-disable-next-line -->",
    " ",
    "  ",
    "\t",
    ",",
    " ,",
    ";",
    ":",
    "!",
    "?",
    " - ",
    "\u2014",
    "the",
    "The",
    "the the",
    "minister",
    "said",
    "said.The",
    "Monday",
    "has said",
    "on Thursday",
    "yesterday",
    "colour",
    "color",
    "President",
    "Zelensky",
    "Zelenskyy",
    "TK",
    "it's",
    "its",
    "3.5",
    "2019",
    "10%",
]
# Lengths drawn evenly up to 80 parts: left to itself, hypothesis keeps lists short.
HOSTILE = (
    st.integers(0, 80)
    .flatmap(
        lambda n: st.lists(st.tuples(st.sampled_from(_HOSTILE), st.sampled_from(["", " "])), min_size=n, max_size=n)
    )
    .map(lambda parts: "".join(a + b for a, b in parts))
)
# No word of this paragraph is in the alphabet: appending it must not change any verdict
# on the text before it (rules may look at the article's own usage of a word).
UNRELATED = "Rain fell overnight across northern valleys."


@lru_cache(maxsize=1)
def _linter():
    from newslint import Linter

    return Linter(entry_points=False, config=None)


def _key(finding) -> tuple:
    return (finding.code, finding.start, finding.end, finding.message)


@pytest.mark.parametrize("path", ["draft.txt", "draft.md"])
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=HOSTILE)
def test_an_unrelated_paragraph_after_the_text_changes_nothing_before_it(path, text):
    linter = _linter()
    # The separator must not join a CR at the end into a CRLF.
    after = text + ("\r\n\r\n" if text.endswith("\r") else "\n\n") + UNRELATED + "\n"
    before = linter.lint_text(text, path)
    extended = linter.lint_text(after, path)
    assert not [f for f in before + extended if f.code == "NL000"]
    # readability scores the whole article by design: its verdict is the article's.
    kept = {_key(f) for f in before if f.code != "NL401"}
    assert {_key(f) for f in extended if f.start < len(text) and f.code != "NL401"} == kept


@pytest.mark.parametrize("path", ["draft.txt", "draft.md", "draft.html"])
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=HOSTILE)
@example(text="He met J\u00a0. Smith.It rained .")  # sentencex panicked on this
def test_after_every_safe_fix_no_fixed_finding_is_left(path, text):
    linter = _linter()
    fixed, remaining = linter.fix_text(text, path)
    assert not [f for f in remaining if f.code == "NL000"]
    # What the fixes fixed is gone: nothing left has a safe fix, and fixing again is a no-op.
    assert [f for f in remaining if f.fix is not None and f.fix.safe] == []
    assert linter.fix_text(fixed, path)[0] == fixed


ENCODINGS = {
    "utf8.txt": ("utf-8", b""),
    "utf8-bom.txt": ("utf-8", codecs.BOM_UTF8),
    "utf16le.txt": ("utf-16-le", codecs.BOM_UTF16_LE),
    "utf16be.txt": ("utf-16-be", codecs.BOM_UTF16_BE),
}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(text=HOSTILE, markdown=st.booleans())
def test_the_cli_reads_every_encoding_to_the_same_findings(tmp_path_factory, text, markdown):
    from click.testing import CliRunner

    from newslint.cli import main

    # A leading U+FEFF would be read as the byte-order mark of a file without one.
    text = text.lstrip("\ufeff")
    folder = tmp_path_factory.mktemp("encodings")
    suffix = ".md" if markdown else ".txt"
    for name, (encoding, bom) in ENCODINGS.items():
        (folder / name.replace(".txt", suffix)).write_bytes(bom + text.encode(encoding))
    result = CliRunner().invoke(main, ["--format", "json", "--no-cache", str(folder)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    # Only a front-matter problem may be said on stderr (the alphabet can make bad YAML).
    problems = [line for line in result.stderr.splitlines() if "front matter" not in line]
    assert problems == [], result.stderr
    assert result.exit_code in ((0, 1, 2) if result.stderr else (0, 1))
    findings = json.loads(result.stdout)
    assert "NL000" not in {f["code"] for f in findings}
    by_file: dict[str, list[tuple]] = {}
    for f in findings:
        by_file.setdefault(Path(f["path"]).name, []).append((f["code"], f["line"], f["column"], f["message"]))
    seen = [sorted(by_file.get(name.replace(".txt", suffix), [])) for name in ENCODINGS]
    assert all(found == seen[0] for found in seen), seen
