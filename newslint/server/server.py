"""``newslint server``: the language server, on pygls 2 and lsprotocol.

The event loop only keeps documents and talks to the client; every lint, fix and
explanation runs on one worker thread (``Server.run``), in order, so the ``Session``
behind it needs no locks and the editor is never blocked. A change is linted after a
pause in typing (the ``debounce`` setting); a newer change cancels the wait, and a lint
already queued or running for an older version is dropped or its result discarded.
Diagnostics are pushed (``textDocument/publishDiagnostics``) unless the client announces
pull diagnostics, which it then asks for (``textDocument/diagnostic``).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import from_fs_path, to_fs_path

from newslint import __version__
from newslint.finding import Finding, Fix, Severity
from newslint.server.actions import fix_title, text_edits
from newslint.server.documents import OpenDocument, Range
from newslint.server.positions import UTF16, LineMap
from newslint.server.session import CONFIG_FILES, ConfigProblem, Notice, Outcome, Session, Settings, parse_settings

logger = logging.getLogger("newslint.server")
T = TypeVar("T")

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.newslint"
POLL_SECONDS = 2.0  # how often configuration files are checked when no watcher tells us
CLIENT_TIMEOUT = 10.0  # seconds to wait for the client to answer one of the server's requests
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_MESSAGE_TYPE = {"error": types.MessageType.Error, "warning": types.MessageType.Warning, "info": types.MessageType.Info}
_ANSWERED = object()  # a malformed request already answered with an error


class NewslintProtocol(LanguageServerProtocol):
    """pygls' protocol, with documents kept by the server and malformed requests answered.

    pygls' own workspace copy of each document is not kept: the server holds its own
    (``newslint.server.documents``), with LSP's line breaks and without a second copy
    of a large document updated on every keystroke.
    """

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams) -> Any:
        """Hand the opened document to the server (not to pygls' workspace)."""
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> Any:
        """Hand the changes to the server (not to pygls' workspace)."""
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams) -> Any:
        """Tell the server the document closed (pygls' workspace never had it)."""
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None

    @lsp_method(types.EXIT)
    def lsp_exit(self, *args: Any) -> Any:
        """End the session: over stdio the process exits (pygls); over TCP the server stops.

        pygls calls ``sys.exit`` inside the TCP connection's callback, which asyncio
        reports as an unhandled exception with a traceback.
        """
        if not isinstance(self.writer, asyncio.StreamWriter):
            yield from super().lsp_exit(*args)
            return
        if (handler := self.fm.features.get(types.EXIT)) is not None:
            yield handler, args, None
        self.writer.close()
        self._server.shutdown()

    def structure_message(self, data: dict[str, Any]) -> Any:
        """Read a message; a request whose parameters do not fit gets an error response.

        pygls logs such a request and drops it, so the client would wait for an answer
        for ever.
        """
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if "id" in data and "method" in data:
                error = JsonRpcInvalidParams(f"invalid parameters for {data['method']}: {exc.__cause__ or exc}")
                self._send_response(data["id"], error=error.to_response_error())
                logger.warning("malformed %s request answered with an error", data["method"])
                return _ANSWERED
            raise

    def handle_message(self, message: Any) -> None:
        """Dispatch a message, unless it was a malformed request already answered."""
        if message is not _ANSWERED:
            super().handle_message(message)


@dataclass(frozen=True)
class Linted:
    """One lint of one version of a document, with its diagnostics in the client's units."""

    document: OpenDocument
    generation: int
    outcome: Outcome
    diagnostics: tuple[types.Diagnostic, ...]
    format: str | None
    serial: int  # one per lint in the session: the pull-diagnostics result id

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Return the findings, in code-point offsets into the document's text."""
        return self.outcome.findings

    @property
    def result_id(self) -> str:
        """Return the pull-diagnostics result id (the same until the document is linted again)."""
        return str(self.serial)


def _matches(kind: str, only: Sequence[str] | None) -> bool:
    """Return whether a code action kind is asked for (LSP kinds are dot-separated prefixes)."""
    return only is None or any(kind == item or kind.startswith(f"{item}.") for item in only)


class Server(LanguageServer):
    """newslint's language server: documents, settings, and the worker that lints."""

    def __init__(self) -> None:
        super().__init__(
            "newslint",
            __version__,
            protocol_cls=NewslintProtocol,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
        )
        self.documents: dict[str, OpenDocument] = {}
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lint")
        self.initial_settings = Settings()
        self.session = Session()
        self.generation = 0
        self.encoding = UTF16
        self.pull = False
        self.document_changes = False
        self.shut_down = False
        self._config_problems: dict[str, ConfigProblem] = {}  # by document URI
        self._config_published: dict[str, tuple[ConfigProblem, ...]] = {}  # by configuration URI
        self._fix_all: dict[str, tuple[int, int, list[Fix]]] = {}  # by URI: (version, generation, edits)
        self._poll: asyncio.Task[None] | None = None
        self._serials = itertools.count(1)
        self._register()

    # -- plumbing ------------------------------------------------------------------------

    def _register(self) -> None:
        def feature(method: str, options: Any = None) -> Callable[[Callable[..., Any]], Any]:
            # pygls marks each handler with attributes, which a bound method cannot take.
            def register(bound: Callable[..., Any]) -> Any:
                async def handle_async(params: Any) -> Any:
                    return await bound(params)

                def handle(params: Any) -> Any:
                    return bound(params)

                return self.feature(method, options)(handle_async if asyncio.iscoroutinefunction(bound) else handle)

            return register

        feature(types.INITIALIZE)(self.on_initialize)
        feature(types.INITIALIZED)(self.on_initialized)
        feature(types.SHUTDOWN)(self.on_shutdown)
        feature(types.TEXT_DOCUMENT_DID_OPEN)(self.on_open)
        feature(types.TEXT_DOCUMENT_DID_CHANGE)(self.on_change)
        feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))(self.on_save)
        feature(types.TEXT_DOCUMENT_DID_CLOSE)(self.on_close)
        feature(
            types.TEXT_DOCUMENT_DIAGNOSTIC,
            types.DiagnosticOptions(identifier="newslint", inter_file_dependencies=False, workspace_diagnostics=False),
        )(self.on_diagnostic)
        feature(
            types.TEXT_DOCUMENT_CODE_ACTION,
            types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=False),
        )(self.on_code_action)
        feature(types.TEXT_DOCUMENT_HOVER)(self.on_hover)
        feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)(self.on_configuration)
        feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)(self.on_watched_files)

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """Run ``function`` on the worker thread, then show what the session wants said."""
        try:
            return await asyncio.get_running_loop().run_in_executor(self.pool, function, *args)
        finally:
            # Also when the caller was cancelled (a newer change): what is queued by now is
            # said now, the rest after the next call.
            for notice in self.session.take_notices():
                self.tell(notice)

    def tell(self, notice: Notice) -> None:
        """Show a message in the editor and write it to the client's log."""
        kind = _MESSAGE_TYPE.get(notice.level, types.MessageType.Info)
        self.window_show_message(types.ShowMessageParams(type=kind, message=notice.message))
        self.window_log_message(types.LogMessageParams(type=kind, message=notice.message))

    def capability(self, field: str, default: Any = None) -> Any:
        """Return a client capability by dotted name (``workspace.configuration``)."""
        return get_capability(self.client_capabilities, field, default)

    # -- life cycle ----------------------------------------------------------------------

    def on_initialize(self, params: types.InitializeParams) -> None:
        """Read the client's settings, position encoding and capabilities."""
        encoding = self.workspace.position_encoding or UTF16
        self.encoding = getattr(encoding, "value", encoding)
        self.pull = self.capability("text_document.diagnostic") is not None
        self.document_changes = bool(self.capability("workspace.workspace_edit.document_changes", False))
        settings, problems = parse_settings(params.initialization_options)
        self.initial_settings = settings
        self.session = Session(settings)
        for problem in problems:
            self.session.tell("warning", f"newslint: {problem}")

    async def on_initialized(self, params: types.InitializedParams) -> None:
        """Watch configuration files, fetch settings, and load the rules before the first document."""
        if self.capability("workspace.did_change_watched_files.dynamic_registration", False):
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]
            registration = types.Registration(
                id="newslint-configuration-files",
                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
            )
            try:
                await asyncio.wait_for(
                    self.client_register_capability_async(types.RegistrationParams(registrations=[registration])),
                    CLIENT_TIMEOUT,
                )
            except Exception as exc:  # the client may refuse, or not answer; the mtime check still works
                logger.warning("could not register file watchers: %r", exc)
        for notice in self.session.take_notices():  # what initialize found wrong
            self.tell(notice)
        if self.capability("workspace.configuration", False):
            await self.fetch_settings()
        await self.run(self.session.warm_up)
        self._poll = asyncio.ensure_future(self.poll())

    async def on_shutdown(self, params: None) -> None:
        """Stop every pending lint and let the plugins go."""
        self.shut_down = True
        for task in self.pending.values():
            task.cancel()
        if self._poll is not None:
            self._poll.cancel()
        await self.run(self.session.close)
        self.pool.shutdown(wait=False)

    # -- documents -----------------------------------------------------------------------

    def on_open(self, params: types.DidOpenTextDocumentParams) -> None:
        """Keep the document and lint it now."""
        item = params.text_document
        self.documents[item.uri] = OpenDocument(
            item.uri,
            item.text,
            item.version,
            item.language_id,
            to_fs_path(item.uri) if item.uri.startswith("file:") else None,
        )
        if self._is_config(item.uri):
            return
        self.schedule(item.uri, 0)

    def on_change(self, params: types.DidChangeTextDocumentParams) -> None:
        """Apply the edits exactly and lint after the pause in typing."""
        uri = params.text_document.uri
        document = self.documents.get(uri)
        if document is None:
            logger.warning("change to a document that is not open: %s", uri)
            return
        changes: list[tuple[Range, str]] = []
        for change in params.content_changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                where = change.range
                changes.append(
                    (((where.start.line, where.start.character), (where.end.line, where.end.character)), change.text)
                )
            else:
                changes.append((None, change.text))
        self.documents[uri] = document.edited(changes, params.text_document.version, self.encoding)
        if not self._is_config(uri):
            self.schedule(uri, self.session.settings.debounce)

    async def on_save(self, params: types.DidSaveTextDocumentParams) -> None:
        """Lint now; a saved configuration file re-lints everything under the new one."""
        uri = params.text_document.uri
        if self._is_config(uri):
            await self.reload()
        elif uri in self.documents:
            self.schedule(uri, 0)

    def on_close(self, params: types.DidCloseTextDocumentParams) -> None:
        """Forget the document and clear its diagnostics."""
        uri = params.text_document.uri
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.documents.pop(uri, None)
        self.linted.pop(uri, None)
        self._fix_all.pop(uri, None)
        if self._config_problems.pop(uri, None) is not None:
            self.publish_config_problems()
        if not self.pull:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @staticmethod
    def _is_config(uri: str) -> bool:
        return uri.startswith("file:") and uri.rstrip("/").rsplit("/", 1)[-1] in CONFIG_FILES

    # -- linting -------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing any lint still waiting for it."""
        if self.pull:
            return  # the client asks when it wants them
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.pending[uri] = asyncio.ensure_future(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        try:
            linted = await self.lint(uri, stale_ok=False)
        except Exception as exc:  # a bug: say so, and keep serving the other documents
            logger.exception("linting %s failed", uri)
            self.tell(Notice("error", f"newslint failed on {uri}: {type(exc).__name__}: {exc}"))
            return
        if linted is None or self.documents.get(uri) is not linted.document:
            return  # closed, or changed again: a newer lint is on its way
        if self.pending.get(uri) is asyncio.current_task():
            del self.pending[uri]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, diagnostics=list(linted.diagnostics), version=linted.document.version
            )
        )

    async def lint(self, uri: str, *, stale_ok: bool = True) -> Linted | None:
        """Return the lint of the document's current version, linting it if need be."""
        document = self.documents.get(uri)
        if document is None:
            return None
        done = self.linted.get(uri)
        if done is not None and done.document is document and done.generation == self.generation:
            return done
        linted = await self.run(self._lint_job, document, self.generation, stale_ok)
        if linted is None:
            return None
        if self.documents.get(uri) is linted.document and linted.generation == self.generation:
            self.linted[uri] = linted
            self._note_config_problem(uri, linted.outcome.config_error)
        return linted

    def _lint_job(self, document: OpenDocument, generation: int, stale_ok: bool) -> Linted | None:
        """Lint one document version (on the worker thread)."""
        if not stale_ok and self.documents.get(document.uri) is not document:
            return None  # a newer version has arrived since this was queued
        article, format = self.session.input_format(document.path, document.language_id)
        outcome = self.session.lint(document.text, document.path, format) if article else Outcome(skipped="")
        lines = LineMap(document.text, self.encoding)
        return Linted(
            document, generation, outcome, self._diagnostics(outcome.findings, lines), format, next(self._serials)
        )

    def _diagnostics(self, findings: Sequence[Finding], lines: LineMap) -> tuple[types.Diagnostic, ...]:
        offsets = [o for f in findings for o in (f.start, f.end, *((f.fix.start, f.fix.end) if f.fix else ()))]
        positions = lines.positions(offsets)
        fail_on = self.session.settings.fail_on
        floor = Severity(fail_on).rank if fail_on else 0

        def lsp_range(start: int, end: int) -> types.Range:
            return types.Range(types.Position(*positions[start]), types.Position(*positions[end]))

        found = []
        for finding in findings:
            data: dict[str, Any] = {"rule": finding.rule}
            if finding.fix is not None:
                fix_range = lsp_range(finding.fix.start, finding.fix.end)
                data["fix"] = {
                    "range": {
                        "start": {"line": fix_range.start.line, "character": fix_range.start.character},
                        "end": {"line": fix_range.end.line, "character": fix_range.end.character},
                    },
                    "newText": finding.fix.text,
                    "safe": finding.fix.safe,
                }
            # Below the fail threshold a finding would not fail `newslint`: shown as a hint.
            severity = _SEVERITY[finding.severity] if finding.severity.rank >= floor else types.DiagnosticSeverity.Hint
            found.append(
                types.Diagnostic(
                    range=lsp_range(finding.start, finding.end),
                    message=finding.message,
                    severity=severity,
                    code=finding.code,
                    source="newslint",
                    data=data,
                )
            )
        return tuple(found)

    async def on_diagnostic(self, params: types.DocumentDiagnosticParams) -> types.DocumentDiagnosticReport:
        """Answer a pull for one document's diagnostics."""
        linted = await self.lint(params.text_document.uri)
        if linted is None:
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        if params.previous_result_id == linted.result_id:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=linted.result_id)
        return types.RelatedFullDocumentDiagnosticReport(items=list(linted.diagnostics), result_id=linted.result_id)

    def relint_all(self) -> None:
        """Lint every open document again (the configuration or the settings changed)."""
        if self.pull:
            if self.capability("workspace.diagnostics.refresh_support", False):
                self.workspace_diagnostic_refresh(None)
            return
        for uri in list(self.documents):
            if not self._is_config(uri):
                self.schedule(uri, 0)

    # -- configuration -------------------------------------------------------------------

    async def reload(self) -> None:
        """Start a fresh Linter (configuration files read again) and re-lint."""
        await self.run(self.session.reload)
        self.generation += 1
        self.relint_all()

    async def poll(self) -> None:
        """Check configuration files' times now and then: not every client watches files."""
        while True:
            await asyncio.sleep(POLL_SECONDS)
            try:
                stale = bool(self.documents) and await self.run(self.session.stale)
                if stale:
                    await self.reload()
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("checking the configuration files failed")

    async def on_watched_files(self, params: types.DidChangeWatchedFilesParams) -> None:
        """Re-lint when a configuration file is created, changed or deleted."""
        if any(self._is_config(change.uri) for change in params.changes):
            await self.reload()

    async def on_configuration(self, params: types.DidChangeConfigurationParams) -> None:
        """Take new client settings (sent, or fetched when the client sends none)."""
        settings = params.settings
        if isinstance(settings, dict) and settings:
            await self.apply_settings(settings)
        elif self.capability("workspace.configuration", False):
            await self.fetch_settings()

    async def fetch_settings(self) -> None:
        """Ask the client for the ``newslint`` settings section."""
        try:
            found = await asyncio.wait_for(
                self.workspace_configuration_async(
                    types.ConfigurationParams(items=[types.ConfigurationItem(section="newslint")])
                ),
                CLIENT_TIMEOUT,
            )
        except Exception as exc:
            logger.warning("workspace/configuration failed: %r", exc)
            return
        if found and isinstance(found[0], dict) and found[0]:
            await self.apply_settings(found[0])

    async def apply_settings(self, raw: Any) -> None:
        """Use settings from the client over those it gave at initialize."""
        settings, problems = parse_settings(raw, self.initial_settings)
        for problem in problems:
            self.tell(Notice("warning", f"newslint: {problem}"))
        if await self.run(self.session.configure, settings):
            self.generation += 1
            self.relint_all()

    def _note_config_problem(self, uri: str, problem: ConfigProblem | None) -> None:
        if self._config_problems.get(uri) == problem:
            return
        if problem is None:
            self._config_problems.pop(uri, None)
        else:
            self._config_problems[uri] = problem
        self.publish_config_problems()

    def publish_config_problems(self) -> None:
        """Show each broken configuration file's problem on that file (and clear mended ones)."""
        by_file: dict[str, tuple[ConfigProblem, ...]] = {}
        for problem in sorted(set(self._config_problems.values()), key=lambda p: (p.path, p.line, p.message)):
            if problem.path:
                uri = from_fs_path(problem.path) or problem.path
                by_file[uri] = (*by_file.get(uri, ()), problem)
        for uri in set(self._config_published) | set(by_file):
            problems = by_file.get(uri, ())
            if self._config_published.get(uri, ()) == problems:
                continue
            diagnostics = [
                types.Diagnostic(
                    range=types.Range(types.Position(p.line - 1, 0), types.Position(p.line, 0)),
                    message=p.message,
                    severity=types.DiagnosticSeverity.Error,
                    source="newslint",
                )
                for p in problems
            ]
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))
            if problems:
                self._config_published[uri] = problems
            else:
                self._config_published.pop(uri, None)

    # -- code actions and hover ----------------------------------------------------------

    async def on_code_action(self, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        """Offer each finding's fix, a comment to disable its rule on the line, and fix-all."""
        linted = await self.lint(params.text_document.uri)
        if linted is None or not linted.findings:
            return None
        return await self.run(self._actions_job, linted, params.range, params.context.only)

    def _actions_job(self, linted: Linted, where: types.Range, only: Sequence[str] | None) -> list[types.CodeAction]:
        document = linted.document
        lines = LineMap(document.text, self.encoding)
        start = lines.offset(where.start.line, where.start.character)
        end = lines.offset(where.end.line, where.end.character)
        diagnostics = dict(zip(linted.findings, linted.diagnostics))
        actions: list[types.CodeAction] = []
        if _matches(types.CodeActionKind.QuickFix.value, only):
            disabled: set[tuple[str, int]] = set()
            for finding in linted.findings:
                if finding.start > end or finding.end < start:
                    continue
                diagnostic = diagnostics[finding]
                if finding.fix is not None:
                    actions.append(
                        types.CodeAction(
                            title=f"{fix_title(document.text, finding.fix)} ({finding.rule})",
                            kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diagnostic],
                            is_preferred=finding.fix.safe,
                            edit=self._edit(document, lines, [finding.fix]),
                        )
                    )
                if finding.code in ("NL000", "NL001") or (finding.rule, finding.line) in disabled:
                    continue
                disabled.add((finding.rule, finding.line))
                edit = self.session.disable_edit(document.text, document.path, linted.format, finding)
                if edit is not None:
                    actions.append(
                        types.CodeAction(
                            title=f"Disable {finding.rule} for this line",
                            kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diagnostic],
                            edit=self._edit(document, lines, [edit]),
                        )
                    )
        if _matches(FIX_ALL, only) and any(f.fix is not None and f.fix.safe for f in linted.findings):
            edits = self._fix_all_edits(linted)
            if edits:
                actions.append(
                    types.CodeAction(
                        title="Fix all safe newslint problems", kind=FIX_ALL, edit=self._edit(document, lines, edits)
                    )
                )
        return actions

    def _fix_all_edits(self, linted: Linted) -> list[Fix]:
        # Editors ask for code actions at every cursor move: fix the text once per version.
        document = linted.document
        cached = self._fix_all.get(document.uri)
        if cached is not None and cached[:2] == (document.version, linted.generation):
            return cached[2]
        fixed = self.session.fix_all(document.text, document.path, linted.format)
        edits = text_edits(document.text, fixed)
        self._fix_all[document.uri] = (document.version, linted.generation, edits)
        return edits

    def _edit(self, document: OpenDocument, lines: LineMap, fixes: Sequence[Fix]) -> types.WorkspaceEdit:
        positions = lines.positions(o for fix in fixes for o in (fix.start, fix.end))
        edits = [
            types.TextEdit(
                range=types.Range(types.Position(*positions[fix.start]), types.Position(*positions[fix.end])),
                new_text=fix.text,
            )
            for fix in fixes
        ]
        if self.document_changes:
            identifier = types.OptionalVersionedTextDocumentIdentifier(uri=document.uri, version=document.version)
            return types.WorkspaceEdit(
                document_changes=[types.TextDocumentEdit(text_document=identifier, edits=list(edits))]
            )
        return types.WorkspaceEdit(changes={document.uri: edits})

    async def on_hover(self, params: types.HoverParams) -> types.Hover | None:
        """Explain the rule of each finding under the cursor, as ``newslint explain`` does."""
        linted = await self.lint(params.text_document.uri)
        if linted is None or not linted.findings:
            return None
        return await self.run(self._hover_job, linted, params.position)

    def _hover_job(self, linted: Linted, position: types.Position) -> types.Hover | None:
        lines = LineMap(linted.document.text, self.encoding)
        offset = lines.offset(position.line, position.character)
        under = [
            (f, d)
            for f, d in zip(linted.findings, linted.diagnostics)
            if f.start <= offset < f.end or f.start == f.end == offset
        ]
        if not under:
            return None
        texts = []
        for code in dict.fromkeys(f.code for f, _ in under):
            text = self.session.explain(code)
            if text is not None:
                texts.append(text)
        if not texts:
            return None
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.PlainText, value="\n\n----\n\n".join(texts)),
            range=under[0][1].range,
        )


def serve(tcp: tuple[str, int] | None = None) -> int:
    """Run the server over standard input and output (or TCP); return the exit status."""
    server = Server()
    if tcp is not None:
        server.start_tcp(*tcp)
    else:
        server.start_io()
    return 0 if server.shut_down else 1
