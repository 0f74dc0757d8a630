"""Baselines: the findings a desk has already seen, so that a run reports only new ones.

A baseline is a JSON file (``newslint/schema/baseline.schema.json``)::

    {
      "tool": "newslint",
      "version": 1,
      "findings": [
        {"path": "desk/story.md", "code": "NL201", "rule": "missing-space",
         "fingerprint": "9f2c...", "line": 3, "message": "missing space ...",
         "reason": "the headline quotes the sign as written"}
      ]
    }

Findings are known by their identity (``newslint.fingerprint``), not their line, so a
baseline survives edits elsewhere in an article and moved paragraphs. ``path`` is
relative to the baseline file's folder (``/`` separators), so the file can be used
from any working directory; ``line`` and ``message`` are only there for people
reading it. An entry with a ``reason`` is a dismissal (``newslint dismiss``): a
reviewed false alarm or a deliberate quotation of a misspelling. ``version`` changes
whenever identities are computed differently; an older baseline must be rewritten.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newslint.errors import UsageError
from newslint.finding import Finding
from newslint.fingerprint import VERSION as FINGERPRINT_VERSION
from newslint.fingerprint import fingerprints

VERSION = FINGERPRINT_VERSION
_FIELDS = {"path": str, "code": str, "rule": str, "fingerprint": str, "line": int, "message": str}


@dataclass(frozen=True)
class Entry:
    """One recorded finding."""

    path: str
    code: str
    rule: str
    fingerprint: str
    line: int
    message: str
    reason: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        """Return what identifies the finding: its path and fingerprint."""
        return (self.path, self.fingerprint)

    def as_dict(self) -> dict[str, Any]:
        """Return the entry as it is written to the file."""
        found: dict[str, Any] = {name: getattr(self, name) for name in _FIELDS}
        if self.reason is not None:
            found["reason"] = self.reason
        return found


def _entry(item: Any, where: str) -> Entry:
    if not isinstance(item, dict):
        raise UsageError(f"{where}: each finding must be an object")
    for name, kind in _FIELDS.items():
        if not isinstance(item.get(name), kind) or isinstance(item.get(name), bool):
            raise UsageError(f"{where}: a finding's {name!r} must be a {kind.__name__}")
    reason = item.get("reason")
    if reason is not None and not isinstance(reason, str):
        raise UsageError(f"{where}: a finding's 'reason' must be a string")
    return Entry(**{name: item[name] for name in _FIELDS}, reason=reason)


@dataclass(frozen=True)
class Baseline:
    """The findings recorded in one baseline file."""

    path: Path
    entries: tuple[Entry, ...] = ()

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Baseline:
        """Read a baseline file, or raise ``UsageError`` with a one-line reason."""
        where = str(path)
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UsageError(f"{where}: no such baseline file (write one with --write-baseline)") from None
        except OSError as exc:
            raise UsageError(f"{where}: cannot read the baseline: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UsageError(f"{where}: not a newslint baseline (not JSON: {exc})") from None
        if not isinstance(data, dict) or data.get("tool") != "newslint":
            raise UsageError(f'{where}: not a newslint baseline (no "tool": "newslint")')
        if data.get("version") != VERSION:
            raise UsageError(
                f"{where}: baseline version {data.get('version')!r}, this newslint reads version {VERSION}: "
                "write it again with --write-baseline"
            )
        items = data.get("findings")
        if not isinstance(items, list):
            raise UsageError(f'{where}: "findings" must be a list')
        return cls(Path(path), tuple(_entry(item, where) for item in items))

    @classmethod
    def load_or_empty(cls, path: str | os.PathLike[str]) -> Baseline:
        """Read a baseline file, or return an empty one for a file that does not exist yet."""
        if not os.path.exists(path):
            return cls(Path(path))
        return cls.load(path)

    def relative(self, path: str) -> str:
        """Return a linted file's path as the baseline records it: from the baseline's folder."""
        folder = os.path.dirname(os.path.abspath(self.path))
        try:
            relative = os.path.relpath(os.path.abspath(path), folder)
        except ValueError:  # another drive on Windows
            relative = os.path.abspath(path)
        return relative.replace(os.sep, "/")

    def entries_for(self, path: str, findings: Sequence[Finding], text: str | None) -> list[Entry]:
        """Return the entries that would record ``findings`` of the file at ``path``."""
        recorded = self.relative(path)
        return [
            Entry(recorded, f.code, f.rule, identity, f.line, f.message)
            for f, identity in zip(findings, fingerprints(findings, text))
        ]

    def split(self, path: str, findings: Sequence[Finding], text: str | None) -> tuple[list[Finding], int]:
        """Return the findings not in the baseline, and how many were in it."""
        known = {entry.key for entry in self.entries}
        if not known:
            return list(findings), 0
        new = [f for f, entry in zip(findings, self.entries_for(path, findings, text)) if entry.key not in known]
        return new, len(findings) - len(new)

    def rewritten(self, recorded: Mapping[str, Sequence[Entry]], examined: Mapping[str, Iterable[str]]) -> Baseline:
        """Return the baseline after a run: ``recorded`` entries by file, reasons carried over.

        ``examined`` maps each linted file (as recorded) to the codes of the rules that ran
        on it. An old entry is dropped when its file was linted by its rule and the finding
        is gone (it was fixed); entries of files or rules this run did not look at stay.
        """
        reasons = {entry.key: entry.reason for entry in self.entries if entry.reason is not None}
        codes = {path: set(found) for path, found in examined.items()}
        kept = [e for e in self.entries if e.path not in codes or e.code not in codes[e.path]]
        fresh = [replace(e, reason=reasons.get(e.key)) for entries in recorded.values() for e in entries]
        return replace(self, entries=tuple(sorted(kept + fresh, key=_order)))

    def with_dismissal(self, entry: Entry, reason: str) -> Baseline:
        """Return the baseline with ``entry`` recorded (or its reason replaced) as dismissed."""
        others = [e for e in self.entries if e.key != entry.key]
        return replace(self, entries=tuple(sorted([*others, replace(entry, reason=reason)], key=_order)))

    def dumps(self) -> str:
        """Return the file's text: the findings sorted by path, line and code, one per line."""
        lines = ",\n".join("    " + json.dumps(e.as_dict(), ensure_ascii=False) for e in self.entries)
        body = f"[\n{lines}\n  ]" if self.entries else "[]"
        return f'{{\n  "tool": "newslint",\n  "version": {VERSION},\n  "findings": {body}\n}}\n'

    def save(self) -> None:
        """Write the baseline file in one rename."""
        from newslint.atomic import write_atomically

        try:
            write_atomically(self.path, self.dumps().encode("utf-8"))
        except OSError as exc:
            raise UsageError(f"{self.path}: cannot write the baseline: {exc.strerror or exc}") from None


def _order(entry: Entry) -> tuple[str, int, str, str]:
    return (entry.path, entry.line, entry.code, entry.fingerprint)
