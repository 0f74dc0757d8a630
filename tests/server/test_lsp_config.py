"""The language server's configuration, settings and robustness, end to end.

Configuration files are real files in a temporary directory; plugins are real modules on
the server's ``PYTHONPATH``, declared by a ``dist-info`` entry point as installed ones are.
"""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from lsp_client import SERVER, capabilities, connect, make_client
from lsprotocol import types
from pygls.exceptions import JsonRpcException

pytestmark = pytest.mark.asyncio

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / ".." / "shared" / "seeds" / "000_66e5290f122a3e84.txt"
RUN_TOGETHER = "The council met on Monday.It agreed the the plan.\n"
FAST = {"debounce": 0}


@pytest.fixture
def broken_plugin_dir(tmp_path: Path) -> Path:
    """A plugin distribution whose module raises on import, installed as any plugin is."""
    site = tmp_path / "broken-site"
    info = site / "nlbrokenplugin-0.1.dist-info"
    info.mkdir(parents=True)
    (site / "nlbrokenplugin.py").write_text("raise ImportError('this plugin is broken on purpose')\n", encoding="utf-8")
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: nlbrokenplugin\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[newslint]\nnlbrokenplugin = nlbrokenplugin\n", encoding="utf-8")
    return site


def _codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


def _watched(client: object, *paths: Path) -> None:
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(  # type: ignore[attr-defined]
            changes=[types.FileEvent(uri=p.as_uri(), type=types.FileChangeType.Changed) for p in paths]
        )
    )


async def test_a_changed_configuration_file_relints_open_documents(tmp_path: Path) -> None:
    async with connect(tmp_path, options=FAST) as (client, _):
        uri = client.open(tmp_path / "draft.txt", RUN_TOGETHER)
        assert _codes(await client.wait_diagnostics(uri, version=1)) == ["NL201", "NL204"]
        # The watchers were asked for at `initialized`, before the document was opened.
        assert {w["globPattern"] for r in client.registrations for w in r.register_options["watchers"]} == {
            "**/.newslint.yaml",
            "**/.newslint.yml",
            "**/pyproject.toml",
        }
        mark = len(client.published)
        (tmp_path / ".newslint.yaml").write_text("ignore: [repeated-word]\n", encoding="utf-8")
        _watched(client, tmp_path / ".newslint.yaml")
        assert _codes(await client.wait_diagnostics(uri, version=1, after=mark)) == ["NL201"]


async def test_a_configuration_change_is_seen_without_a_file_watcher(tmp_path: Path) -> None:
    # Neovim 0.9 announces no dynamic registration of file watchers: the server checks
    # the configuration files' times itself.
    (tmp_path / "pyproject.toml").write_text("[tool.newslint]\nignore = ['missing-space']\n", encoding="utf-8")
    async with connect(tmp_path, caps=capabilities("neovim@v0.9.1"), options=FAST) as (client, _):
        assert client.registrations == []
        uri = client.open(tmp_path / "draft.txt", RUN_TOGETHER)
        assert _codes(await client.wait_diagnostics(uri, version=1)) == ["NL204"]
        mark = len(client.published)
        (tmp_path / "pyproject.toml").write_text("[tool.newslint]\nignore = ['repeated-word']\n", encoding="utf-8")
        assert _codes(await client.wait_diagnostics(uri, version=1, after=mark)) == ["NL201"]


async def test_a_configuration_error_is_shown_once_and_on_the_file(tmp_path: Path) -> None:
    config = tmp_path / ".newslint.yaml"
    config.write_text("ignore: [repeated-word]\nrules:\n  long-sentence:\n    max-wordz: 3\n", encoding="utf-8")
    async with connect(tmp_path, options=FAST) as (client, _):
        first = client.open(tmp_path / "one.txt", RUN_TOGETHER)
        second = client.open(tmp_path / "two.md", RUN_TOGETHER, "markdown")
        on_config = await client.wait_diagnostics(config.as_uri())
        assert [(d.range.start.line, d.severity) for d in on_config] == [(3, types.DiagnosticSeverity.Error)]
        assert "unknown key 'max-wordz' in rules.long-sentence" in on_config[0].message
        assert await client.wait_diagnostics(first, version=1) == []
        assert await client.wait_diagnostics(second, version=1) == []
        client.change(first, 2, (None, RUN_TOGETHER + "More.\n"))
        await client.wait_diagnostics(first, version=2)
        shown = [m for m in client.messages if "max-wordz" in m.message]
        assert len(shown) == 1 and shown[0].type == types.MessageType.Error

        mark = len(client.published)
        config.write_text("ignore: [repeated-word]\n", encoding="utf-8")
        _watched(client, config)
        assert await client.wait_diagnostics(config.as_uri(), after=mark) == []
        assert _codes(await client.wait_diagnostics(first, version=2, after=mark)) == ["NL201"]


async def test_settings_from_initialize_and_from_did_change_configuration(tmp_path: Path) -> None:
    async with connect(tmp_path, options={"select": ["repeated-word"], "debounce": 0}) as (client, _):
        uri = client.open(tmp_path / "draft.txt", RUN_TOGETHER)
        assert _codes(await client.wait_diagnostics(uri, version=1)) == ["NL204"]

        mark = len(client.published)
        client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(
                settings={"newslint": {"select": "missing-space,repeated-word", "failOn": "error"}}
            )
        )
        found = await client.wait_diagnostics(uri, version=1, after=mark)
        # Warnings do not reach failOn "error": they are shown as hints.
        assert [(d.code, d.severity) for d in found] == [
            ("NL201", types.DiagnosticSeverity.Hint),
            ("NL204", types.DiagnosticSeverity.Hint),
        ]


async def test_settings_asked_for_when_the_client_sends_none(tmp_path: Path) -> None:
    async with connect(tmp_path, options=FAST) as (client, _):
        uri = client.open(tmp_path / "draft.txt", RUN_TOGETHER)
        assert _codes(await client.wait_diagnostics(uri, version=1)) == ["NL201", "NL204"]
        client.set_configuration({"ignore": ["missing-space"]}, section="newslint")
        mark = len(client.published)
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
        assert _codes(await client.wait_diagnostics(uri, version=1, after=mark)) == ["NL204"]


async def test_a_pulling_client_is_asked_to_refresh_after_a_configuration_change(tmp_path: Path) -> None:
    caps = capabilities(pull=True)
    caps.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    async with connect(tmp_path, caps=caps) as (client, _):
        uri = client.open(tmp_path / "draft.txt", RUN_TOGETHER)
        pull = types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
        first = await client.text_document_diagnostic_async(pull)
        assert _codes(first.items) == ["NL201", "NL204"]
        (tmp_path / ".newslint.yaml").write_text("ignore: [repeated-word]\n", encoding="utf-8")
        _watched(client, tmp_path / ".newslint.yaml")
        await asyncio.wait_for(_until(lambda: client.diagnostic_refresh_count == 1), 30)
        pull.previous_result_id = first.result_id
        again = await client.text_document_diagnostic_async(pull)
        assert isinstance(again, types.RelatedFullDocumentDiagnosticReport)
        assert _codes(again.items) == ["NL201"]


async def _until(condition: object) -> None:
    while not condition():  # type: ignore[operator]
        await asyncio.sleep(0.01)


async def test_bad_settings_are_reported_and_left_out(tmp_path: Path) -> None:
    async with connect(tmp_path, options={"select": ["no-such-rule"], "debounce": "soon"}) as (client, _):
        uri = client.open(tmp_path / "draft.txt", RUN_TOGETHER)
        assert _codes(await client.wait_diagnostics(uri, version=1)) == ["NL201", "NL204"]
        assert (await client.message("setting 'debounce' must be milliseconds")).type == types.MessageType.Warning
        assert (await client.message("unknown rule 'no-such-rule'")).type == types.MessageType.Error


async def test_changes_wait_for_the_pause_and_a_save_lints_at_once(tmp_path: Path) -> None:
    async with connect(tmp_path, options={"debounce": 60000}) as (client, _):
        uri = client.open(tmp_path / "draft.txt", "Nothing wrong here.\n")
        assert await client.wait_diagnostics(uri, version=1) == []
        client.change(uri, 2, ((0, 0, 0, 0), "It rained.Then "))
        client.change(uri, 3, ((0, 0, 0, 0), "It agreed the the plan. "))
        client.text_document_did_save(
            types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        assert _codes(await client.wait_diagnostics(uri, version=3)) == ["NL201", "NL204"]
        assert [p.version for p in client.publishes(uri)] == [1, 3]


async def test_a_crashing_rule_is_reported_and_the_others_still_run(tmp_path: Path, plugin_dir: Path) -> None:
    async with connect(tmp_path, options=FAST, pythonpath=plugin_dir) as (client, _):
        uri = client.open(tmp_path / "draft.txt", "A kaboom and a xyzzy here.\n")
        found = await client.wait_diagnostics(uri, version=1)
        shown = await client.message("crash-on-kaboom")
    crash = next(d for d in found if d.code == "NL000")
    assert crash.message == "rule crash-on-kaboom (ZZ301) crashed: RuntimeError: deliberate test crash"
    assert (crash.range.start.line, crash.range.start.character, crash.severity) == (
        0,
        0,
        types.DiagnosticSeverity.Error,
    )
    assert [(d.range.start.character, d.range.end.character) for d in found if d.code == "ZZ101"] == [(15, 20)]
    assert shown.type == types.MessageType.Error


async def test_a_plugin_that_fails_to_load_leaves_the_built_in_rules(tmp_path: Path, broken_plugin_dir: Path) -> None:
    async with connect(tmp_path, options=FAST, pythonpath=broken_plugin_dir) as (client, _):
        uri = client.open(tmp_path / "draft.txt", RUN_TOGETHER)
        assert _codes(await client.wait_diagnostics(uri, version=1)) == ["NL201", "NL204"]
        shown = await client.message("this plugin is broken on purpose")
    assert shown.type == types.MessageType.Error
    assert "built-in rules only" in shown.message


async def test_an_unreachable_languagetool_is_reported_once(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text('rules:\n  grammar:\n    server: "http://127.0.0.1:1"\n', encoding="utf-8")
    async with connect(tmp_path, options=FAST) as (client, _):
        uri = client.open(tmp_path / "draft.txt", RUN_TOGETHER)
        assert _codes(await client.wait_diagnostics(uri, version=1)) == ["NL201", "NL204"]
        client.change(uri, 2, (None, RUN_TOGETHER + "It rained.Then it stopped.\n"))
        assert _codes(await client.wait_diagnostics(uri, version=2)) == ["NL201", "NL201", "NL204"]
        shown = [m for m in client.messages if "grammar (NL503) did not run" in m.message]
    assert len(shown) == 1 and shown[0].type == types.MessageType.Warning


async def test_malformed_messages_get_answers_and_the_server_stays_up(tmp_path: Path) -> None:
    async with connect(tmp_path, options=FAST) as (client, _):
        uri = client.open(tmp_path / "draft.txt", RUN_TOGETHER)
        await client.wait_diagnostics(uri, version=1)
        # A hover at line -1: LSP's lines are unsigned.
        bad = types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 41))
        object.__setattr__(bad.position, "line", -1)  # past attrs' validation, as a buggy client would
        with pytest.raises(JsonRpcException, match="invalid parameters for textDocument/hover"):
            await asyncio.wait_for(client.text_document_hover_async(bad), 30)
        # A body that is not JSON at all.
        assert client._server is not None and client._server.stdin is not None
        client._server.stdin.write(b"Content-Length: 9\r\n\r\n{not json")
        assert (await client.message("Error in server")).type == types.MessageType.Error
        unknown = asyncio.wait_for(client.protocol.send_request_async("newslint/noSuchMethod", {}), 30)
        with pytest.raises(JsonRpcException, match="noSuchMethod"):
            await unknown
        hover = await client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 41))
        )
        assert hover is not None


async def test_a_ten_megabyte_document_is_refused_with_a_message(tmp_path: Path) -> None:
    big = ("The council met on Monday and agreed the plan for the river bridge. " * 20 + "\n\n") * 7800
    assert len(big.encode("utf-8")) > 10_000_000
    async with connect(tmp_path, options=FAST) as (client, _):
        huge = client.open(tmp_path / "huge.txt", big)
        assert await client.wait_diagnostics(huge, version=1) == []
        shown = await client.message("over the 10,000,000-byte limit")
        small = client.open(tmp_path / "small.txt", RUN_TOGETHER)
        assert _codes(await client.wait_diagnostics(small, version=1)) == ["NL201", "NL204"]
    assert shown.type == types.MessageType.Warning


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seeds is not here")
async def test_a_seed_gets_the_same_findings_as_the_cli_in_utf16_columns(tmp_path: Path) -> None:
    seed = SEED.resolve()
    text = seed.read_bytes().decode("utf-8-sig")
    cli = json.loads(
        subprocess.run(
            [sys.executable, "-m", "newslint", "--format", "json", str(seed)],
            capture_output=True,
            check=False,
            cwd=REPO,
        ).stdout
    )
    lines = text.split("\n")

    def utf16(line: int, column: int) -> tuple[int, int]:
        before = lines[line - 1][: column - 1]
        return line - 1, len(before.encode("utf-16-le")) // 2

    expected = sorted(
        (f["code"], *utf16(f["line"], f["column"]), *utf16(f["end_line"], f["end_column"]), f["message"]) for f in cli
    )
    assert len(expected) > 5
    async with connect(tmp_path, caps=capabilities(encodings=["utf-16"])) as (client, _):
        uri = client.open(seed, text)
        found = await client.wait_diagnostics(uri, version=1)
    got = sorted(
        (d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message)
        for d in found
    )
    assert got == expected


async def test_the_tcp_transport_for_debugging(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = await asyncio.create_subprocess_exec(*SERVER, "--tcp", f"127.0.0.1:{port}")
    client = make_client()
    try:
        for _ in range(300):
            try:
                await client.start_tcp("127.0.0.1", port)
                break
            except OSError:
                await asyncio.sleep(0.1)  # the server is still starting
        await asyncio.wait_for(
            client.initialize_session(
                types.InitializeParams(capabilities=types.ClientCapabilities(), initialization_options=FAST)
            ),
            30,
        )
        uri = client.open(tmp_path / "draft.txt", RUN_TOGETHER)
        assert _codes(await client.wait_diagnostics(uri, version=1)) == ["NL201", "NL204"]
        await asyncio.wait_for(client.shutdown_async(None), 30)
        client.exit(None)
        assert await asyncio.wait_for(server.wait(), 30) == 0
    finally:
        if server.returncode is None:
            server.kill()
        await client.stop()
