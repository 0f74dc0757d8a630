"""The language server end to end: a real server subprocess and pytest-lsp's client.

The drafts are ours; every expected range below was worked out by hand from the text
(code points, UTF-16 code units or UTF-8 bytes before the mark) and is not copied from
the server's output.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from lsp_client import Client, apply_edits, capabilities, connect, edits_of
from lsprotocol import types

# One event loop for the module, so that one server can serve the tests that share it.
pytestmark = pytest.mark.asyncio(loop_scope="module")

# A closing quotation mark with no opening one (NL101) after a tab and an emoji, on the
# third line of a CRLF draft. Before the mark on its line: a tab, "Crowds ", the emoji,
# " gathered. " and "I will not go,": 34 code points, 35 UTF-16 units (the emoji is a
# surrogate pair), 37 UTF-8 bytes (the emoji takes 4); the mark is 1, 1 and 3 units long.
QUOTE_DRAFT = "Headline here\r\n\r\n\tCrowds \U0001f389 gathered. I will not go,\u201d she said.\r\n"
QUOTE_RANGES = {"utf-32": (34, 35), "utf-16": (35, 36), "utf-8": (37, 40)}
RUN_TOGETHER = "The council met on Monday.It agreed the the plan.\n"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[tuple[Client, Path]]:
    """One server (VS Code's capabilities, no debounce) for the tests that need nothing else.

    Each test opens its own documents, so they do not see each other's.
    """
    root = tmp_path_factory.mktemp("shared")
    async with connect(root, options={"debounce": 0}) as (client, _):
        yield client, root


def _range(diagnostic: types.Diagnostic) -> tuple[int, int, int, int]:
    r = diagnostic.range
    return r.start.line, r.start.character, r.end.line, r.end.character


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
async def test_each_position_encoding_gives_the_exact_range(tmp_path: Path, encoding: str) -> None:
    async with connect(tmp_path, caps=capabilities(encodings=[encoding])) as (client, result):
        assert result.capabilities.position_encoding == encoding
        uri = client.open(tmp_path / "draft.txt", QUOTE_DRAFT)
        found = await client.wait_diagnostics(uri, version=1)
    quotes = [d for d in found if d.code == "NL101"]
    assert len(quotes) == 1
    start, end = QUOTE_RANGES[encoding]
    assert _range(quotes[0]) == (2, start, 2, end)
    assert quotes[0].source == "newslint"
    assert quotes[0].severity == types.DiagnosticSeverity.Error


async def test_utf16_is_the_default_when_the_client_names_no_encoding(tmp_path: Path) -> None:
    caps = capabilities()
    caps.general = None
    async with connect(tmp_path, caps=caps) as (client, result):
        assert result.capabilities.position_encoding in (None, "utf-16")
        uri = client.open(tmp_path / "draft.txt", QUOTE_DRAFT)
        found = await client.wait_diagnostics(uri, version=1)
    assert [_range(d) for d in found if d.code == "NL101"] == [(2, 35, 2, 36)]


async def test_a_byte_order_mark_counts_as_one_character_of_the_first_line(shared: tuple[Client, Path]) -> None:
    # The client's text keeps the BOM: "It rained.Then" starts after it, at character 4.
    client, root = shared
    uri = client.open(root / "bom.txt", "\ufeffIt rained.Then it stopped.\n")
    found = await client.wait_diagnostics(uri, version=1)
    assert [(d.code, _range(d)) for d in found] == [("NL201", (0, 4, 0, 15))]


async def test_diagnostics_carry_code_severity_message_and_the_fix(shared: tuple[Client, Path]) -> None:
    client, root = shared
    uri = client.open(root / "data.txt", RUN_TOGETHER)
    found = await client.wait_diagnostics(uri, version=1)
    by_code = {d.code: d for d in found}
    assert set(by_code) == {"NL201", "NL204"}
    repeated = by_code["NL204"]
    assert _range(repeated) == (0, 40, 0, 43)
    assert repeated.severity == types.DiagnosticSeverity.Warning
    assert repeated.message == "repeated word: 'the the'"
    # The fix deletes " the" (offsets 39..43): enough in `data` to build the edit.
    assert repeated.data == {
        "rule": "repeated-word",
        "fix": {
            "range": {"start": {"line": 0, "character": 39}, "end": {"line": 0, "character": 43}},
            "newText": "",
            "safe": True,
        },
    }


async def test_incremental_changes_are_applied_exactly(shared: tuple[Client, Path]) -> None:
    client, root = shared
    uri = client.open(root / "incremental.txt", QUOTE_DRAFT)
    await client.wait_diagnostics(uri, version=1)
    # Insert an emoji at the start of the quoted words (2 UTF-16 units before the mark)...
    client.change(uri, 2, ((2, 21, 2, 21), "\U0001f600 "))
    found = await client.wait_diagnostics(uri, version=2)
    assert [_range(d) for d in found if d.code == "NL101"] == [(2, 38, 2, 39)]
    # ...then delete the headline and its CRLF, and the blank line: the mark moves up two lines.
    client.change(uri, 3, ((0, 0, 2, 0), ""))
    found = await client.wait_diagnostics(uri, version=3)
    assert [_range(d) for d in found if d.code == "NL101"] == [(0, 38, 0, 39)]
    # Two changes in one notification, the second counted in the first's result.
    client.change(uri, 4, ((0, 0, 0, 1), ""), ((0, 0, 0, 0), "  "))
    found = await client.wait_diagnostics(uri, version=4)
    assert [_range(d) for d in found if d.code == "NL101"] == [(0, 39, 0, 40)]
    # A whole-document change replaces everything.
    client.change(uri, 5, (None, "Clean copy, nothing to see.\n"))
    assert await client.wait_diagnostics(uri, version=5) == []


async def test_a_line_separator_inside_a_line_does_not_shift_later_edits(shared: tuple[Client, Path]) -> None:
    # U+2028 is not a line break in LSP: "rained.Then" stays on line 0, after "A caption"
    # (9), the separator (1), "still the first line. " (22) and "It " (3): at 35.
    text = "A caption\u2028still the first line. It rained.Then it stopped.\n"
    client, root = shared
    uri = client.open(root / "separator.txt", text)
    found = await client.wait_diagnostics(uri, version=1)
    assert [(d.code, _range(d)) for d in found] == [("NL201", (0, 35, 0, 46))]
    client.change(uri, 2, ((0, 32, 0, 32), "Then "))
    found = await client.wait_diagnostics(uri, version=2)
    assert [(d.code, _range(d)) for d in found] == [("NL201", (0, 40, 0, 51))]


async def test_quick_fix_and_disable_comment_and_fix_all(shared: tuple[Client, Path]) -> None:
    client, root = shared
    uri = client.open(root / "fixes.txt", RUN_TOGETHER)
    found = await client.wait_diagnostics(uri, version=1)
    repeated = next(d for d in found if d.code == "NL204")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=repeated.range,
            context=types.CodeActionContext(diagnostics=[repeated]),
        )
    )
    assert actions is not None
    titles = {a.title: a for a in actions if isinstance(a, types.CodeAction)}
    fix = titles["Delete ' the' (repeated-word)"]
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    assert apply_edits(RUN_TOGETHER, edits_of(fix.edit, uri)) == "The council met on Monday.It agreed the plan.\n"

    disable = titles["Disable repeated-word for this line"]
    silenced = apply_edits(RUN_TOGETHER, edits_of(disable.edit, uri))
    assert silenced == "<!-- newslint-disable-next-line repeated-word -->\n" + RUN_TOGETHER
    client.change(uri, 2, (None, silenced))
    assert [d.code for d in await client.wait_diagnostics(uri, version=2)] == ["NL201"]  # and no NL001

    fix_all = next(a for a in actions if a.kind == "source.fixAll.newslint")
    assert apply_edits(RUN_TOGETHER, edits_of(fix_all.edit, uri)) == "The council met on Monday. It agreed the plan.\n"


async def test_fix_all_alone_and_on_a_crlf_draft_with_emoji(tmp_path: Path) -> None:
    text = "Fans \U0001f389 cheered.Then the the band played.\r\nIt rained.Then it stopped.\r\n"
    async with connect(tmp_path, caps=capabilities(encodings=["utf-8"])) as (client, _):
        uri = client.open(tmp_path / "draft.txt", text)
        await client.wait_diagnostics(uri, version=1)
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.Source]),
            )
        )
        assert actions is not None and [a.kind for a in actions] == ["source.fixAll.newslint"]
        fixed = apply_edits(text, edits_of(actions[0].edit, uri), "utf-8")
    assert fixed == "Fans \U0001f389 cheered. Then the band played.\r\nIt rained. Then it stopped.\r\n"


async def test_pull_diagnostics_when_the_client_supports_them(tmp_path: Path) -> None:
    async with connect(tmp_path, caps=capabilities(pull=True)) as (client, result):
        assert result.capabilities.diagnostic_provider is not None
        uri = client.open(tmp_path / "draft.txt", RUN_TOGETHER)
        report = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
        assert sorted(d.code for d in report.items) == ["NL201", "NL204"]
        again = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(
                text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=report.result_id
            )
        )
        assert isinstance(again, types.RelatedUnchangedDocumentDiagnosticReport)
        client.change(uri, 2, ((0, 36, 0, 40), ""))  # delete the second "the "
        changed = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(
                text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=report.result_id
            )
        )
        assert isinstance(changed, types.RelatedFullDocumentDiagnosticReport)
        assert [d.code for d in changed.items] == ["NL201"]
        # A client that pulls is not pushed the same diagnostics as well.
        assert client.publishes(uri) == []


async def test_hover_explains_the_rule_under_the_cursor(shared: tuple[Client, Path]) -> None:
    explained = subprocess.run(
        [sys.executable, "-m", "newslint", "explain", "NL204"], capture_output=True, text=True, check=True
    ).stdout.rstrip("\n")
    client, root = shared
    uri = client.open(root / "hover.txt", RUN_TOGETHER)
    await client.wait_diagnostics(uri, version=1)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 41))
    )
    nothing = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 2))
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value == explained
    assert (hover.range.start.character, hover.range.end.character) == (40, 43)
    assert nothing is None


async def test_shutdown_then_exit_ends_the_process_cleanly(tmp_path: Path) -> None:
    async with connect(tmp_path) as (client, _):
        pass
    assert client._server is not None and client._server.returncode == 0


async def test_exit_without_shutdown_is_status_1(tmp_path: Path) -> None:
    import asyncio

    async with connect(tmp_path) as (client, _):
        client.exit(None)
        assert client._server is not None
        assert await asyncio.wait_for(client._server.wait(), 30) == 1
        client.capabilities = None  # nothing left to shut down
