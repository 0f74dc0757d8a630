"""End-to-end helpers: the real ``newslint server`` in a subprocess, driven by pytest-lsp.

A helper module, not a ``conftest.py``: a second conftest would shadow tests/conftest.py
for the tests that import from it by name.

``connect`` starts the server as an editor would (``python -m newslint server``), with
pytest-lsp's ``LanguageClient`` on the other end, initializes the session with the
capabilities asked for, and shuts it down afterwards. Every ``publishDiagnostics``,
``showMessage`` and response is real protocol traffic over the server's stdio.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytest_lsp", reason="the language server tests need the test extra (pytest-lsp)")

from lsprotocol import types  # noqa: E402
from pygls.protocol import default_converter  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES  # noqa: E402

SERVER = [sys.executable, "-m", "newslint", "server"]
TIMEOUT = 30.0


class Client(LanguageClient):
    """pytest-lsp's client, also keeping every diagnostics notification in order."""

    published: list[types.PublishDiagnosticsParams]
    registrations: list[types.Registration]

    def publishes(self, uri: str) -> list[types.PublishDiagnosticsParams]:
        """Return every diagnostics notification received for ``uri``."""
        return [p for p in self.published if p.uri == uri]

    async def wait_diagnostics(self, uri: str, version: int | None = None, after: int = 0) -> list[types.Diagnostic]:
        """Wait for diagnostics for ``uri`` (at ``version``), among those received after ``after``."""

        async def wait() -> list[types.Diagnostic]:
            while True:
                for params in self.published[after:]:
                    if params.uri == uri and (version is None or params.version == version):
                        return list(params.diagnostics)
                await asyncio.sleep(0.01)

        return await asyncio.wait_for(wait(), TIMEOUT)

    async def message(self, contains: str, after: int = 0) -> types.ShowMessageParams:
        """Wait for a ``window/showMessage`` whose text contains ``contains``."""

        async def wait() -> types.ShowMessageParams:
            while True:
                for params in self.messages[after:]:
                    if contains in params.message:
                        return params
                await asyncio.sleep(0.01)

        return await asyncio.wait_for(wait(), TIMEOUT)

    def open(self, path: Path, text: str, language_id: str = "plaintext", version: int = 1) -> str:
        """Send ``didOpen`` for ``path`` with ``text``; return its URI."""
        uri = path.as_uri()
        self.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id=language_id, version=version, text=text)
            )
        )
        return uri

    def change(self, uri: str, version: int, *changes: tuple[tuple[int, int, int, int] | None, str]) -> None:
        """Send ``didChange``: each change is ``((line, char, end line, end char), text)`` or ``(None, text)``."""
        events: list[types.TextDocumentContentChangeEvent] = []
        for where, text in changes:
            if where is None:
                events.append(types.TextDocumentContentChangeWholeDocument(text=text))
            else:
                a, b, c, d = where
                events.append(
                    types.TextDocumentContentChangePartial(
                        range=types.Range(types.Position(a, b), types.Position(c, d)), text=text
                    )
                )
        self.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=events
            )
        )


def make_client() -> Client:
    """Return a pytest-lsp client that also records diagnostics and capability registrations."""
    client = Client(converter_factory=default_converter)
    client.published = []
    client.registrations = []
    for method, handler in DEFAULT_CLIENT_FEATURES.items():
        if method != types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS:
            client.feature(method)(handler)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def publish(params: types.PublishDiagnosticsParams) -> None:
        client.published.append(params)
        client.diagnostics[params.uri] = params.diagnostics

    return client


def capabilities(
    name: str = "visual-studio-code", *, encodings: list[str] | None = None, pull: bool = False
) -> types.ClientCapabilities:
    """Return a real client's capabilities (pytest-lsp's records), adjusted."""
    found = client_capabilities(name)
    if encodings is not None:
        found.general = types.GeneralClientCapabilities(position_encodings=encodings)
    if pull:
        found.text_document.diagnostic = types.DiagnosticClientCapabilities(dynamic_registration=False)
    elif found.text_document is not None:
        found.text_document.diagnostic = None
    return found


@contextlib.asynccontextmanager
async def connect(
    root: Path,
    *,
    caps: types.ClientCapabilities | None = None,
    options: Any = None,
    env: dict[str, str] | None = None,
    pythonpath: Path | None = None,
) -> AsyncIterator[tuple[Client, types.InitializeResult]]:
    """Start the server, initialize a session rooted at ``root``, and shut it down after."""
    environment = {**os.environ, **(env or {})}
    if pythonpath is not None:
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(pythonpath), environment.get("PYTHONPATH")]))
    config = ClientServerConfig(server_command=SERVER, client_factory=make_client, server_env=environment)
    client = await config.start()
    assert isinstance(client, Client)
    try:
        result = await asyncio.wait_for(
            client.initialize_session(
                types.InitializeParams(
                    capabilities=caps or capabilities(),
                    initialization_options=options,
                    root_uri=root.as_uri(),
                    workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
                )
            ),
            TIMEOUT,
        )
        yield client, result
        await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
    finally:
        if client._server is not None and client._server.returncode is None:
            client._server.kill()  # a test failed half-way: never leave the server behind
        await client.stop()


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str = "utf-16") -> str:
    """Apply LSP text edits to ``text`` as an editor would (written here, not the server's code)."""
    lines = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)
    codec = {"utf-8": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}[encoding]
    width = {"utf-8": 1, "utf-16": 2, "utf-32": 4}[encoding]

    def offset(position: types.Position) -> int:
        start = sum(len(line) for line in lines[: position.line])
        line = lines[position.line].rstrip("\r\n") if position.line < len(lines) else ""
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return start + index
            units += len(char.encode(codec, "surrogatepass")) // width
        return start + len(line)

    spans = sorted(((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def edits_of(edit: types.WorkspaceEdit, uri: str) -> list[types.TextEdit]:
    """Return the text edits a workspace edit makes to ``uri`` (either of LSP's two shapes)."""
    if edit.document_changes:
        return [
            e
            for change in edit.document_changes
            if isinstance(change, types.TextDocumentEdit) and change.text_document.uri == uri
            for e in change.edits
        ]  # type: ignore[misc]
    return list((edit.changes or {}).get(uri, []))
