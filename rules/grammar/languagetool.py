"""The LanguageTool engine of NL503 grammar (``rules/grammar/``), imported on its first check.

How it talks to LanguageTool, and why:

- Checks go over LanguageTool's documented HTTP API (``POST /v2/check``, ``GET
  /v2/languages``) with ``urllib``. language-tool-python 3.4's request layer does not
  fit a linter: its timeout is a hard-coded 300 s with a silent retry, its ``Match``
  corrects UTF-16 offsets through class-level state, and it needs ``requests`` and
  ``psutil`` just to send one form. The protocol is small and stable, so one short
  client here gives us our own timeout, one clear error, and no proxy for loopback.
- language-tool-python is used for what it does well: ``local: true`` asks it to find
  (or download) LanguageTool and start and stop a Java server on a free loopback port;
  the checks then go to that server through the same client. It is imported only then.
- Constructing language-tool-python's client for a *remote* server downloads nothing,
  but it does call ``GET /v2/languages`` (and, for a local server, downloads the
  LanguageTool zip on first use). Neither happens here unless ``local: true``.

One server (or started process) serves the whole run: servers are kept in a
module-level table keyed by their settings and closed by ``finish``, which the rule's
``newslint_finish`` hook calls. The prose of every paragraph an article has not already had
checked goes in one request, paragraphs joined by blank lines; LanguageTool's offsets
(UTF-16 code units) are turned into code points and mapped back to the file through
``Paragraph.span``. Each paragraph's matches are cached by a hash of its text under
``.newslint-cache/`` (one JSON file per language and rule settings, written
atomically at the end of the run), so re-linting an unchanged article sends nothing.

When the server cannot be reached, times out or does not answer like LanguageTool,
the rule raises ``ServiceUnavailable``, which the runner reports once; the failure is
remembered, so the next files do not wait for the same timeout again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.atomic import write_atomically
from newslint.errors import ServiceUnavailable

from .matches import Match, checked_paragraphs, violation

if TYPE_CHECKING:
    from newslint.document import Document
    from newslint.finding import Violation

CACHE_DIR = ".newslint-cache"
CACHE_VERSION = 1
# Paragraphs go to LanguageTool joined by a blank line, which it reads as a paragraph break.
SEPARATOR = "\n\n"
# Keep each request well under the 20,000-character limit of LanguageTool's public API
# (self-hosted servers accept more, but small requests fail and time out more gracefully).
MAX_REQUEST_CHARS = 15_000
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_LOOPBACK = re.compile(r"localhost|127(?:\.\d{1,3}){3}|\[?::1\]?", re.I)


@dataclass(frozen=True)
class Settings:
    """What changes LanguageTool's answer for a given text: language and rule choices."""

    language: str
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_only: bool = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Settings:
        """Read the settings from the rule's options (rule lists are order-insensitive)."""
        return cls(
            language=options["language"],
            enabled_rules=tuple(sorted(options["enabled-rules"])),
            disabled_rules=tuple(sorted(options["disabled-rules"])),
            enabled_categories=tuple(sorted(options["enabled-categories"])),
            disabled_categories=tuple(sorted(options["disabled-categories"])),
            enabled_only=options["enabled-only"],
        )

    def form(self) -> dict[str, str]:
        """Return the ``/v2/check`` form fields for these settings (text not included)."""
        fields = {"language": self.language}
        for name, values in (
            ("enabledRules", self.enabled_rules),
            ("disabledRules", self.disabled_rules),
            ("enabledCategories", self.enabled_categories),
            ("disabledCategories", self.disabled_categories),
        ):
            if values:
                fields[name] = ",".join(values)
        if self.enabled_only:
            fields["enabledOnly"] = "true"
        return fields

    @property
    def key(self) -> str:
        """Return a short stable hash of the settings, naming their cache file."""
        data = json.dumps([CACHE_VERSION, self.form()], sort_keys=True)
        return hashlib.sha256(data.encode()).hexdigest()[:16]


# ---------------------------------------------------------------------------------------
# Offsets


def utf16_to_code_points(text: str) -> Callable[[int], int]:
    """Return a function turning a UTF-16 offset into ``text`` into a code-point offset."""
    # Each character outside the Basic Multilingual Plane (most emoji) is two UTF-16
    # units but one code point; record where each of them starts, counted in units.
    starts = [m.start() + k for k, m in enumerate(_ASTRAL.finditer(text))]
    if not starts:
        return lambda unit: unit

    def convert(unit: int) -> int:
        return unit - bisect_right(starts, unit - 2)

    return convert


def parse_matches(data: Any, text: str) -> list[Match]:
    """Read a ``/v2/check`` answer into matches in code points of ``text``."""
    to_code_points = utf16_to_code_points(text)
    matches = []
    for item in data["matches"]:
        offset, length = int(item["offset"]), int(item["length"])
        replacements = item.get("replacements") or []
        first = replacements[0].get("value") if replacements else None
        matches.append(
            Match(
                start=to_code_points(offset),
                end=to_code_points(offset + length),
                rule_id=str(item["rule"]["id"]),
                message=" ".join(str(item["message"]).split()),
                replacement=first if isinstance(first, str) else None,
            )
        )
    return matches


# ---------------------------------------------------------------------------------------
# The server


def _base_url(server: str) -> str:
    """Return the server's root URL, accepting ``http://host:port`` with or without ``/v2``."""
    url = server.strip().rstrip("/")
    if url.endswith("/v2"):
        url = url[: -len("/v2")]
    return url


class Server:
    """A LanguageTool server used for the whole run, and (with ``local``) its process."""

    def __init__(self, url: str, timeout: float, process: Any = None) -> None:
        self.url = _base_url(url)
        self.timeout = timeout
        self.process = process
        self.failure: ServiceUnavailable | None = None
        self._languages: frozenset[str] | None = None

    def _request(self, path: str, form: Mapping[str, str] | None = None) -> Any:
        """Send one request and return its decoded JSON, or raise ServiceUnavailable."""
        import http.client
        import urllib.error
        import urllib.parse
        import urllib.request

        url = f"{self.url}{path}"
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(url, data=data, headers={"Accept": "application/json"})
        host = urllib.parse.urlsplit(url).hostname or ""
        # A proxy cannot reach this machine's loopback: never send loopback requests to one.
        handlers = [urllib.request.ProxyHandler({})] if _LOOPBACK.fullmatch(host) else []
        try:
            with urllib.request.build_opener(*handlers).open(request, timeout=self.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read().decode("utf-8", "replace").split())[:200]
            # An HTTP error is about this request (say, text too long): other files may pass.
            raise ServiceUnavailable(
                f"LanguageTool at {self.url} answered HTTP {exc.code}" + (f": {detail}" if detail else "")
            ) from None
        except TimeoutError:
            raise self._fail(f"LanguageTool at {self.url} did not answer within {self.timeout:g} s") from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            reason = getattr(reason, "strerror", None) or str(reason) or type(exc).__name__
            if "timed out" in reason:
                raise self._fail(f"LanguageTool at {self.url} did not answer within {self.timeout:g} s") from None
            raise self._fail(
                f"cannot reach LanguageTool at {self.url} ({reason.lower()}); start a LanguageTool "
                "server or set rules.grammar.server (see `newslint explain grammar`)"
            ) from None
        try:
            return json.loads(body)
        except ValueError:
            raise self._fail(f"{self.url} did not answer like a LanguageTool server") from None

    def _fail(self, message: str) -> ServiceUnavailable:
        """Remember that the server is unusable for the rest of the run."""
        self.failure = ServiceUnavailable(message)
        return self.failure

    def languages(self) -> frozenset[str]:
        """Return the server's language codes (``en`` and ``en-GB`` alike), asked once."""
        if self._languages is None:
            data = self._request("/v2/languages")
            try:
                codes = {str(entry[key]) for entry in data for key in ("code", "longCode") if key in entry}
            except TypeError:
                raise self._fail(f"{self.url} did not answer like a LanguageTool server") from None
            self._languages = frozenset(code.lower() for code in codes)
        return self._languages

    def check(self, text: str, settings: Settings) -> list[Match]:
        """Check ``text`` and return LanguageTool's matches, in code points."""
        if self.failure is not None:
            raise self.failure
        if settings.language.lower() not in self.languages() | {"auto"}:
            raise ServiceUnavailable(f"LanguageTool at {self.url} does not know language {settings.language!r}")
        data = self._request("/v2/check", {"text": text, **settings.form()})
        try:
            return parse_matches(data, text)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise self._fail(f"{self.url} did not answer like a LanguageTool server") from None

    def close(self) -> None:
        """Stop the server process this run started, if any."""
        if self.process is not None:
            self.process.close()
            self.process = None


def start_local(language: str, timeout: float) -> Server:
    """Start LanguageTool on this machine through language-tool-python."""
    try:
        import language_tool_python
    except ImportError:
        raise ServiceUnavailable("local: true needs the language-tool-python package") from None
    try:
        tool = language_tool_python.LanguageTool(language)
    except Exception as exc:  # it raises a dozen types: no Java, failed download, bad port
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise ServiceUnavailable(
            f"could not start a local LanguageTool server (local: true needs Java 17 or later "
            f"and LanguageTool, which language-tool-python downloads on first use): {reason}"
        ) from None
    return Server(tool.url, timeout, process=tool)


# ---------------------------------------------------------------------------------------
# The cache


class ParagraphCache:
    """Matches per paragraph text for one set of settings, kept in one JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.changed = False
        self._entries: dict[str, list[list[Any]]] | None = None

    @staticmethod
    def key(text: str) -> str:
        """Return the cache key of a paragraph's text."""
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    @property
    def entries(self) -> dict[str, list[list[Any]]]:
        """Return the cached entries, read from disk on first use."""
        if self._entries is None:
            self._entries = {}
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                if data.get("version") == CACHE_VERSION and isinstance(data.get("paragraphs"), dict):
                    self._entries = data["paragraphs"]
            except (OSError, ValueError, AttributeError):
                pass  # no cache yet, or a damaged one: start afresh
        return self._entries

    def get(self, text: str) -> list[Match] | None:
        """Return the cached matches of a paragraph, or None when it was never checked."""
        found = self.entries.get(self.key(text))
        if found is None:
            return None
        try:
            return [Match(*item) for item in found]
        except TypeError:
            return None

    def put(self, text: str, matches: Sequence[Match]) -> None:
        """Remember a paragraph's matches."""
        self.entries[self.key(text)] = [[m.start, m.end, m.rule_id, m.message, m.replacement] for m in matches]
        self.changed = True

    def save(self, settings: Settings) -> None:
        """Write the file atomically (a temporary file renamed over it), if anything changed."""
        if not self.changed or self._entries is None:
            return
        data = {"version": CACHE_VERSION, "settings": settings.form(), "paragraphs": self._entries}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            write_atomically(self.path, text.encode("utf-8"))
        except OSError:
            pass  # the cache only saves time: a read-only directory must not fail the run
        self.changed = False


# ---------------------------------------------------------------------------------------
# Run-wide state: one server per configuration, one cache file per settings.

_servers: dict[tuple[str, float], Server] = {}
_caches: dict[tuple[Path, Settings], ParagraphCache] = {}


def server_for(options: Mapping[str, Any]) -> Server:
    """Return the run's server for these options, connecting (or starting it) once."""
    timeout = float(options["timeout"])
    if timeout <= 0:
        raise ServiceUnavailable("rules.grammar.timeout must be a positive number of seconds")
    key = ("local" if options["local"] else _base_url(options["server"]), timeout)
    server = _servers.get(key)
    if server is None:
        if options["local"]:
            try:
                server = start_local(options["language"], timeout)
            except ServiceUnavailable as exc:
                # Remember the failure too, so the next file does not try to start Java again.
                server = Server("local", timeout)
                server.failure = exc
        else:
            if not options["server"].strip():
                raise ServiceUnavailable("rules.grammar.server is empty: give the URL of a LanguageTool server")
            server = Server(options["server"], timeout)
        _servers[key] = server
    if server.failure is not None:
        raise server.failure
    return server


def cache_for(options: Mapping[str, Any], settings: Settings) -> ParagraphCache:
    """Return the run's paragraph cache for these settings."""
    directory = Path(os.path.abspath(options["cache-dir"] or CACHE_DIR))
    key = (directory, settings)
    if key not in _caches:
        _caches[key] = ParagraphCache(directory / f"grammar-{settings.key}.json")
    return _caches[key]


def _batches(texts: Sequence[str]) -> Iterator[list[int]]:
    """Group paragraph indexes into requests of at most about ``MAX_REQUEST_CHARS``."""
    batch: list[int] = []
    size = 0
    for index, text in enumerate(texts):
        if batch and size + len(SEPARATOR) + len(text) > MAX_REQUEST_CHARS:
            yield batch
            batch, size = [], 0
        size += len(text) + (len(SEPARATOR) if batch else 0)
        batch.append(index)
    if batch:
        yield batch


def check_texts(server: Server, texts: Sequence[str], settings: Settings) -> list[list[Match]]:
    """Check paragraphs in as few requests as possible; return each one's matches."""
    results: list[list[Match]] = [[] for _ in texts]
    for batch in _batches(texts):
        starts, at = [], 0
        for index in batch:
            starts.append(at)
            at += len(texts[index]) + len(SEPARATOR)
        for match in server.check(SEPARATOR.join(texts[i] for i in batch), settings):
            slot = bisect_right(starts, match.start) - 1
            local = match.shifted(starts[slot])
            # A match reaching across the blank line between two paragraphs belongs to neither.
            if 0 <= local.start <= local.end <= len(texts[batch[slot]]):
                results[batch[slot]].append(local)
    return results


def check(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Yield the grammar rule's violations for one document, checked by LanguageTool."""
    paragraphs = checked_paragraphs(document)
    if not paragraphs:
        return
    settings = Settings.from_options(options)
    cache = cache_for(options, settings) if options["cache"] else None
    found: list[list[Match] | None] = [cache.get(p.text) if cache else None for p in paragraphs]
    missing = [i for i, cached in enumerate(found) if cached is None]
    if missing:
        server = server_for(options)
        texts = [paragraphs[i].text for i in missing]
        for index, text, matches in zip(missing, texts, check_texts(server, texts, settings)):
            found[index] = matches
            if cache is not None:
                cache.put(text, matches)
    for paragraph, answer in zip(paragraphs, found):
        for match in answer or ():
            finding = violation(document, paragraph, match)
            if finding is not None:
                yield finding


def finish() -> None:
    """Save the paragraph caches and stop the servers this run started."""
    for (_, settings), cache in list(_caches.items()):
        cache.save(settings)
    for server in list(_servers.values()):
        server.close()
    _caches.clear()
    _servers.clear()
