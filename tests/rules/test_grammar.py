"""NL503 grammar's LanguageTool engine, against a real HTTP server on loopback that answers like LanguageTool.

``FakeLanguageTool`` is an ``http.server`` in a thread (port 0) speaking LanguageTool's
``/v2/languages`` and ``/v2/check`` protocol: it finds a few slips we wrote in the text
it is sent and answers with matches shaped like LanguageTool's JSON, offsets counted in
UTF-16 code units as LanguageTool counts them. It records every request, so tests can
see what newslint sent and count round trips. ``test_real_languagetool`` runs against a
real server when ``NEWSLINT_LANGUAGETOOL_URL`` names one.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from newslint.rules import grammar as grammar_module
from newslint.rules.grammar import languagetool

from newslint.document import Document
from newslint.engine import ActiveRule, lint
from newslint.errors import ServiceUnavailable
from newslint.testing import run_rule, spans

REPO = Path(__file__).resolve().parents[2]

# What the fake server knows: (phrase, where the flagged part starts in it, its length,
# rule id, category id, message, replacements). Sentences and messages are our own.
SLIPS = (
    ("a apple", 0, 1, "EN_A_VS_AN", "MISC",
     "Use \u201can\u201d instead of \u2018a\u2019 if the following word starts with a vowel sound.", ["an"]),
    ("could of", 6, 2, "COULD_OF", "GRAMMAR", "Did you mean \u201ccould have\u201d?", ["have", "\u2019ve"]),
    ("the the", 0, 7, "ENGLISH_WORD_REPEAT_RULE", "MISC", "Possible typo: you repeated a word.", ["the"]),
    ("alot", 0, 4, "EN_COMPOUNDS_A_LOT", "TYPOS", "Did you mean \u201ca lot\u201d?", ["a lot"]),
    ("very unique", 0, 11, "VERY_UNIQUE", "STYLE", "\u2018Unique\u2019 cannot be graded.", []),
)

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]


def utf16_length(text: str) -> int:
    """Return how many UTF-16 code units ``text`` takes (what LanguageTool counts)."""
    return len(text.encode("utf-16-le")) // 2


def _split(value: str | None) -> set[str]:
    return set(filter(None, (value or "").split(",")))


def answer(form: dict[str, str]) -> dict[str, Any]:
    """Answer a /v2/check form the way LanguageTool would, for the slips we know."""
    text = form["text"]
    enabled, disabled = _split(form.get("enabledRules")), _split(form.get("disabledRules"))
    enabled_categories = _split(form.get("enabledCategories"))
    disabled_categories = _split(form.get("disabledCategories"))
    only = form.get("enabledOnly") == "true"
    matches = []
    for phrase, lead, length, rule_id, category, message, replacements in SLIPS:
        chosen = rule_id in enabled or category in enabled_categories
        if rule_id in disabled or category in disabled_categories or (only and not chosen):
            continue
        at = text.find(phrase)
        while at >= 0:
            offset = utf16_length(text[: at + lead])
            matches.append({
                "message": message,
                "shortMessage": "",
                "replacements": [{"value": value} for value in replacements],
                "offset": offset,
                "length": utf16_length(text[at + lead : at + lead + length]),
                "context": {"text": text[max(0, at - 20) : at + 40], "offset": min(at, 20), "length": length},
                "sentence": text,
                "type": {"typeName": "Other"},
                "rule": {"id": rule_id, "description": message, "issueType": "grammar",
                         "category": {"id": category, "name": category.title()}},
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 0,
            })
            at = text.find(phrase, at + 1)
    matches.sort(key=lambda m: m["offset"])
    return {
        "software": {"name": "LanguageTool", "version": "6.4", "buildDate": "2024-03-28 12:00:00 +0000",
                     "apiVersion": 1, "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {"name": "English (GB)", "code": form.get("language", "en-GB"),
                     "detectedLanguage": {"name": "English (GB)", "code": "en-GB", "confidence": 0.9}},
        "matches": matches,
    }


@dataclass
class FakeLanguageTool:
    """A LanguageTool look-alike on loopback; ``mode`` makes it misbehave on purpose."""

    mode: str = "ok"  # ok | not-json | error-500 | stall
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    url: str = ""

    def checks(self) -> list[dict[str, str]]:
        """Return the forms of the /v2/check requests received so far."""
        return [form for path, form in self.requests if path == "/v2/check"]

    def count(self, path: str) -> int:
        """Return how many requests came for ``path``."""
        return sum(1 for p, _ in self.requests if p == path)


def _handler(fake: FakeLanguageTool) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep pytest's output clean
            pass

        def _reply(self, status: int, body: bytes, kind: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _serve(self, form: dict[str, str]) -> None:
            path = urllib.parse.urlsplit(self.path).path
            fake.requests.append((path, form))
            if fake.mode == "stall":
                fake.release.wait(10)
            if fake.mode == "not-json":
                return self._reply(200, b"<html>It works!</html>", "text/html")
            if path == "/v2/languages":
                return self._reply(200, json.dumps(LANGUAGES).encode())
            if path == "/v2/check":
                if fake.mode == "error-500":
                    return self._reply(500, b"Error: internal error while checking", "text/plain")
                return self._reply(200, json.dumps(answer(form)).encode())
            self._reply(404, b"not found", "text/plain")

        def do_GET(self) -> None:
            self._serve(dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query)))

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
            self._serve(dict(urllib.parse.parse_qsl(body, keep_blank_values=True)))

    return Handler


@pytest.fixture(autouse=True)
def fresh_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test is a run of its own: its own working directory (and cache), no servers left."""
    monkeypatch.chdir(tmp_path)
    grammar_module.newslint_finish()
    yield
    grammar_module.newslint_finish()


@pytest.fixture
def fake() -> Iterator[FakeLanguageTool]:
    """Start a fake LanguageTool on 127.0.0.1 (a free port) for one test."""
    state = FakeLanguageTool()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    state.release.set()
    server.shutdown()
    server.server_close()


def check(fake: FakeLanguageTool, text: str, *, format: str = "text", **options: Any) -> list:
    """Run the grammar rule on ``text`` against the fake server."""
    return run_rule("grammar", text, format=format, options={"server": fake.url, **options})


def closed_port_url() -> str:
    """Return a loopback URL where nothing listens (the port was just free)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# ---------------------------------------------------------------------------------------
# Spans and messages


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("She ate a apple at noon.", ["a"]),
        ("We could of won the match.", ["of"]),
        ("He said the the result was close.", ["the the"]),
        # Astral characters (emoji, one with a skin-tone modifier) before the slip: two
        # UTF-16 units each, one code point each in the file.
        ("\U0001F600 She ate a apple at noon.", ["a"]),
        ("Fans \U0001F44D\U0001F3FD cheered alot and \U0001F389 we could of won.", ["alot", "of"]),
        # An emoji inside the flagged span.
        ("Voters liked alot \U0001F600 here.", ["alot"]),
        # CRLF in a hard-wrapped paragraph, and curly apostrophes before the slip.
        ("The mayor\u2019s aide ate\r\na apple, Mr. Smith said.\r\n", ["a"]),
        ("Clean copy, with U.S. figures of 3.5% and no slip at all.", []),
    ],
)
def test_flags_the_exact_span(fake: FakeLanguageTool, text: str, flagged: list[str]) -> None:
    findings = check(fake, text)
    assert spans(findings, text) == flagged
    assert {f.code for f in findings} <= {"NL503"}


def test_utf16_offsets_after_an_emoji_land_on_the_slip(fake: FakeLanguageTool) -> None:
    text = "\U0001F600\U0001F600 Rain: we could of won.\n"
    [finding] = check(fake, text)
    # Two emoji, a space and "Rain: we could " (15) come first: 18 code points, 20 UTF-16 units.
    assert (finding.start, finding.end) == (18, 20)
    assert (finding.line, finding.column) == (1, 19)
    assert answer({"text": text})["matches"][0]["offset"] == 20


def test_message_carries_languagetool_rule_id_and_first_replacement(fake: FakeLanguageTool) -> None:
    text = "We could of won."
    [finding] = check(fake, text)
    assert finding.code == "NL503" and finding.rule == "grammar"
    assert finding.severity.value == "warning"
    assert finding.message == "[COULD_OF] Did you mean \u201ccould have\u201d?"
    assert finding.fix is not None and not finding.fix.safe
    assert text[: finding.fix.start] + finding.fix.text + text[finding.fix.end :] == "We could have won."


def test_no_replacement_means_no_fix(fake: FakeLanguageTool) -> None:
    [finding] = check(fake, "A very unique result.")
    assert finding.message.startswith("[VERY_UNIQUE] ")
    assert finding.fix is None


# ---------------------------------------------------------------------------------------
# What is sent


def test_one_request_per_article_with_paragraphs_joined_by_blank_lines(fake: FakeLanguageTool) -> None:
    text = "Headline about apples\n\nShe ate a apple.\n\n\n\nWe could of won.\n\nAnd then alot more.\n"
    findings = check(fake, text)
    assert spans(findings, text) == ["a", "of", "alot"]
    [form] = fake.checks()
    assert form["text"] == "Headline about apples\n\nShe ate a apple.\n\nWe could of won.\n\nAnd then alot more."
    assert fake.count("/v2/languages") == 1


def test_a_long_article_is_split_into_requests_between_paragraphs(fake: FakeLanguageTool) -> None:
    filler = "Rain fell on the town again today. " * 200  # 7,000 characters
    paragraphs = [filler + "She ate a apple.", filler + "We could of won.", filler + "It rained alot."]
    text = "\n\n".join(paragraphs) + "\n"
    findings = check(fake, text)
    assert spans(findings, text) == ["a", "of", "alot"]
    assert [f.line for f in findings] == [1, 3, 5]
    assert [form["text"] for form in fake.checks()] == ["\n\n".join(paragraphs[:2]), paragraphs[2]]


def test_markdown_sends_prose_only_and_maps_back_to_the_file(fake: FakeLanguageTool) -> None:
    text = (
        "---\ntitle: a apple in front matter\n---\n"
        "# Council *could of* acted\n\n"
        "The [mayor](https://example.com/a-apple) ate **a apple** \U0001F34E at `a apple` noon.\n\n"
        "```\nthe the code\n```\n\n"
        "| a apple |\n|---|\n| cell |\n"
    )
    findings = check(fake, text, format="markdown")
    [form] = fake.checks()
    # No front matter, link targets, code or table cells; inline code is one U+FFFC.
    assert form["text"] == "Council could of acted\n\nThe mayor ate a apple \U0001F34E at \ufffc noon."
    assert spans(findings, text) == ["of", "a"]
    assert [(f.line, f.column) for f in findings] == [(4, 18), (6, 48)]


def test_no_fix_where_the_span_crosses_markup(fake: FakeLanguageTool) -> None:
    text = "He said the *the* result was close.\n"
    [finding] = check(fake, text, format="markdown")
    assert spans([finding], text) == ["the *the"]
    assert finding.fix is None  # replacing "the *the" with "the" would delete the "*"


def test_rule_and_category_options_are_sent(fake: FakeLanguageTool) -> None:
    text = "She ate a apple and we could of won alot."
    findings = check(
        fake,
        text,
        language="en-US",
        **{
            "enabled-rules": ["COULD_OF", "EN_A_VS_AN"],
            "disabled-rules": ["ENGLISH_WORD_REPEAT_RULE"],
            "enabled-categories": ["GRAMMAR"],
            "disabled-categories": ["TYPOS", "STYLE"],
        },
    )
    [form] = fake.checks()
    assert form == {
        "text": text,
        "language": "en-US",
        "enabledRules": "COULD_OF,EN_A_VS_AN",
        "disabledRules": "ENGLISH_WORD_REPEAT_RULE",
        "enabledCategories": "GRAMMAR",
        "disabledCategories": "STYLE,TYPOS",
    }
    assert spans(findings, text) == ["a", "of"]  # TYPOS (alot) disabled


def test_enabled_only_checks_just_the_enabled_rules(fake: FakeLanguageTool) -> None:
    text = "She ate a apple and we could of won alot."
    findings = check(fake, text, **{"enabled-rules": ["COULD_OF"], "enabled-only": True})
    [form] = fake.checks()
    assert form["enabledOnly"] == "true" and form["enabledRules"] == "COULD_OF"
    assert spans(findings, text) == ["of"]


def test_default_language_is_british_english(fake: FakeLanguageTool) -> None:
    check(fake, "She ate a apple.")
    [form] = fake.checks()
    assert form == {"text": "She ate a apple.", "language": "en-GB"}


@pytest.mark.parametrize("suffix", ["", "/", "/v2", "/v2/"])
def test_server_url_with_or_without_api_path(fake: FakeLanguageTool, suffix: str) -> None:
    findings = run_rule("grammar", "She ate a apple.", options={"server": fake.url + suffix})
    assert len(findings) == 1
    assert fake.count("/v2/check") == 1


def test_nothing_sent_without_prose(fake: FakeLanguageTool) -> None:
    assert check(fake, "```\nthe the\n```\n\n| a apple |\n|---|\n| b |\n", format="markdown") == []
    assert check(fake, "2024 \u2014 12.5\n") == []
    assert fake.requests == []


# ---------------------------------------------------------------------------------------
# One server per run, and the cache


def test_one_languages_call_for_a_run_of_several_files(fake: FakeLanguageTool) -> None:
    for text in ("She ate a apple.", "We could of won.", "Alot happened."):
        check(fake, text)
    assert fake.count("/v2/languages") == 1
    assert fake.count("/v2/check") == 3


def test_cache_prevents_a_second_request_for_unchanged_paragraphs(fake: FakeLanguageTool, tmp_path: Path) -> None:
    text = "She ate a apple.\n\nWe could of won.\n"
    first = check(fake, text)
    assert len(fake.checks()) == 1
    assert check(fake, text) == first  # same run: from memory
    assert len(fake.checks()) == 1

    grammar_module.newslint_finish()  # end of the run: the cache goes to disk
    [cache_file] = (tmp_path / ".newslint-cache").iterdir()
    assert cache_file.name.startswith("grammar-") and cache_file.suffix == ".json"
    assert json.loads(cache_file.read_text(encoding="utf-8"))["version"] == 1

    assert check(fake, text) == first  # a new run: from disk, no request
    assert len(fake.checks()) == 1

    edited = "She ate a apple.\n\nWe could of won alot.\n"
    assert spans(check(fake, edited), edited) == ["a", "of", "alot"]
    assert [form["text"] for form in fake.checks()] == [
        "She ate a apple.\n\nWe could of won.",
        "We could of won alot.",  # only the changed paragraph was sent
    ]


def test_cache_serves_a_paragraph_moved_elsewhere_with_correct_offsets(fake: FakeLanguageTool) -> None:
    check(fake, "She ate a apple.")
    moved = "\U0001F600 New intro line here.\n\nShe ate a apple.\n"
    findings = check(fake, moved)
    assert spans(findings, moved) == ["a"]
    assert [form["text"] for form in fake.checks()] == ["She ate a apple.", "\U0001F600 New intro line here."]


def test_cache_is_per_settings(fake: FakeLanguageTool) -> None:
    text = "She ate a apple."
    check(fake, text)
    check(fake, text, **{"disabled-rules": ["EN_A_VS_AN"]})
    check(fake, text, language="en-US")
    assert len(fake.checks()) == 3
    assert check(fake, text, **{"disabled-rules": ["EN_A_VS_AN"]}) == []
    assert len(fake.checks()) == 3


def test_cache_can_be_switched_off_or_moved(fake: FakeLanguageTool, tmp_path: Path) -> None:
    for _ in range(2):
        check(fake, "She ate a apple.", cache=False)
    assert len(fake.checks()) == 2
    check(fake, "We could of won.", **{"cache-dir": "elsewhere/cache"})
    grammar_module.newslint_finish()
    assert not (tmp_path / ".newslint-cache").exists()
    assert [p.name.startswith("grammar-") for p in (tmp_path / "elsewhere" / "cache").iterdir()] == [True]


def test_damaged_cache_file_is_ignored(fake: FakeLanguageTool, tmp_path: Path) -> None:
    check(fake, "She ate a apple.")
    grammar_module.newslint_finish()
    [cache_file] = (tmp_path / ".newslint-cache").iterdir()
    cache_file.write_text('{"version": 1, "paragraphs": [', encoding="utf-8")
    assert len(check(fake, "She ate a apple.")) == 1
    assert len(fake.checks()) == 2


# ---------------------------------------------------------------------------------------
# When the service fails


def unavailable(text: str, **options: Any) -> list[str]:
    """Lint ``text`` with the grammar rule through the engine; return what it reported."""
    rule = grammar_module.grammar
    reported: list[str] = []
    findings = lint(
        Document(text, "a.txt"),
        [ActiveRule(rule, rule.severity, {**rule.options, **options})],
        [rule],
        report_unused=False,
        on_unavailable=lambda r, exc: reported.append(f"{r.name}: {exc}"),
    )
    assert findings == []
    return reported


def test_unreachable_server_is_reported_not_crashed() -> None:
    url = closed_port_url()
    [message] = unavailable("She ate a apple.", server=url)
    assert message == (
        f"grammar: cannot reach LanguageTool at {url} (connection refused); start a LanguageTool "
        "server or set rules.grammar.server (see `newslint explain grammar`)"
    )


def test_without_a_callback_the_engine_reports_it_as_nl000() -> None:
    [finding] = run_rule("grammar", "She ate a apple.", options={"server": closed_port_url()})
    assert finding.code == "NL000"
    assert finding.message.startswith("rule grammar (NL503) did not run: cannot reach LanguageTool at ")


def test_a_server_that_is_not_languagetool_is_asked_once(fake: FakeLanguageTool) -> None:
    fake.mode = "not-json"
    assert unavailable("She ate a apple.", server=fake.url) == [
        f"grammar: {fake.url} did not answer like a LanguageTool server"
    ]
    assert unavailable("We could of won.", server=fake.url) == [
        f"grammar: {fake.url} did not answer like a LanguageTool server"
    ]
    assert len(fake.requests) == 1  # the failure was remembered for the second file


def test_timeout(fake: FakeLanguageTool) -> None:
    fake.mode = "stall"
    [message] = unavailable("She ate a apple.", server=fake.url, timeout=0.2)
    fake.release.set()
    assert message == f"grammar: LanguageTool at {fake.url} did not answer within 0.2 s"


def test_http_error_names_the_status(fake: FakeLanguageTool) -> None:
    fake.mode = "error-500"
    [message] = unavailable("She ate a apple.", server=fake.url)
    assert message == f"grammar: LanguageTool at {fake.url} answered HTTP 500: Error: internal error while checking"


def test_unknown_language(fake: FakeLanguageTool) -> None:
    [message] = unavailable("She ate a apple.", server=fake.url, language="xx-YY")
    assert message == f"grammar: LanguageTool at {fake.url} does not know language 'xx-YY'"
    assert fake.checks() == []


def test_bad_timeout_option() -> None:
    with pytest.raises(ServiceUnavailable, match="positive number of seconds"):
        languagetool.server_for({**grammar_module.grammar.options, "timeout": 0})


def test_cached_paragraphs_need_no_server(fake: FakeLanguageTool) -> None:
    check(fake, "She ate a apple.")
    grammar_module.newslint_finish()
    findings = run_rule("grammar", "She ate a apple.", options={"server": closed_port_url()})
    assert [f.code for f in findings] == ["NL503"]


# ---------------------------------------------------------------------------------------
# Through the command line, as a subprocess


def newslint(*args: str, cwd: Path, plugin: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m newslint`` with the test plugin installed (see conftest.py)."""
    environment = {**os.environ, **(env or {})}
    environment["PYTHONPATH"] = str(plugin)
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        cwd=cwd, capture_output=True, text=True, env=environment, timeout=120,
    )


def test_cli_unreachable_server_one_line_other_rules_still_run(tmp_path: Path, plugin_dir: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text(
        f'rules:\n  grammar:\n    server: "{closed_port_url()}"\n', encoding="utf-8"
    )
    (tmp_path / "one.txt").write_text("The xyzzy ate a apple.\n", encoding="utf-8")
    (tmp_path / "two.md").write_text("# Title\n\nWe could of said xyzzy.\n", encoding="utf-8")
    result = newslint("--select", "flag-xyzzy,grammar", "one.txt", "two.md", cwd=tmp_path, plugin=plugin_dir)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("newslint: rule grammar (NL503) did not run: cannot reach LanguageTool at ")
    assert "one.txt:1:5: ZZ101" in result.stdout and "two.md:3:18: ZZ101" in result.stdout
    assert "NL000" not in result.stdout


def test_cli_with_a_working_server_reports_and_caches(tmp_path: Path, plugin_dir: Path, fake: FakeLanguageTool) -> None:
    (tmp_path / ".newslint.yaml").write_text(f'rules:\n  grammar:\n    server: "{fake.url}"\n', encoding="utf-8")
    (tmp_path / "one.txt").write_text("\U0001F600 She ate a apple.\n", encoding="utf-8")
    first = newslint("--format", "json", "one.txt", cwd=tmp_path, plugin=plugin_dir)
    assert first.returncode == 1, first.stderr
    assert first.stderr == ""
    again = newslint("--format", "json", "one.txt", cwd=tmp_path, plugin=plugin_dir)
    assert again.stdout == first.stdout
    assert "NL503" in first.stdout and "[EN_A_VS_AN]" in first.stdout
    assert len(fake.checks()) == 1  # the second run came from .newslint-cache/


def test_cli_local_without_java(tmp_path: Path, plugin_dir: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("rules:\n  grammar:\n    local: true\n", encoding="utf-8")
    (tmp_path / "one.txt").write_text("The xyzzy ate a apple.\n\nWe could of won.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Another xyzzy here.\n", encoding="utf-8")
    empty = tmp_path / "no-java"
    empty.mkdir()
    result = newslint(
        "--select", "flag-xyzzy,grammar", "one.txt", "two.txt",
        cwd=tmp_path, plugin=plugin_dir, env={"PATH": str(empty), "LTP_PATH": str(tmp_path / "ltp")},
    )
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("newslint: rule grammar (NL503) did not run: could not start a local LanguageTool server")
    assert "java" in line.lower()
    assert result.stdout.count("ZZ101") == 2


def test_grammar_is_opt_in_and_explained(tmp_path: Path, plugin_dir: Path) -> None:
    (tmp_path / "one.txt").write_text("She ate a apple.\n", encoding="utf-8")
    result = newslint("one.txt", cwd=tmp_path, plugin=plugin_dir)
    assert "NL503" not in result.stdout and result.stderr == ""
    explained = newslint("explain", "grammar", cwd=tmp_path, plugin=plugin_dir).stdout
    for section in ("What it does:", "Why it matters:", "Example:", "Use instead:", "Options:"):
        assert section in explained


def test_language_tool_python_is_not_imported_at_start_up() -> None:
    code = "import sys, newslint.cli, newslint.plugins as p; p.registry(p.plugin_manager()); " \
           "print('newslint.rules.grammar' in sys.modules, 'language_tool_python' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "False"]


# ---------------------------------------------------------------------------------------
# A real LanguageTool, when one is available


@pytest.mark.skipif(not os.environ.get("NEWSLINT_LANGUAGETOOL_URL"), reason="NEWSLINT_LANGUAGETOOL_URL not set")
def test_real_languagetool() -> None:
    text = "\U0001F600 Rain fell. She ate a apple at the fair.\n\nThe council have met.\n"
    findings = run_rule(
        "grammar", text, options={"server": os.environ["NEWSLINT_LANGUAGETOOL_URL"], "cache": False}
    )
    a_vs_an = [f for f in findings if f.message.startswith("[EN_A_VS_AN]")]
    assert spans(a_vs_an, text) == ["a"]
    assert a_vs_an[0].start == text.index("a apple")
    assert a_vs_an[0].fix is not None and a_vs_an[0].fix.text == "an"
