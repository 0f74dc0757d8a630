"""``sarif``: SARIF 2.1.0, the static-analysis exchange format GitHub code scanning reads.

One run with newslint as the tool and every rule it knows (id = code, documentation
from the rule's docstring), one result per finding. Columns are UTF-16 code units,
SARIF's default, declared as ``columnKind`` (GitHub and SARIF viewers count that way);
newslint converts from its code-point columns, so an emoji before a finding does not
shift it. Paths are relative to the top of the git work tree holding the current
directory (else to the current directory), under ``uriBaseId`` ``%SRCROOT%``.
Only safe fixes become SARIF ``fixes``: consumers may apply them without asking.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from newslint import __version__
from newslint.finding import Finding, Severity
from newslint.fingerprint import VERSION as FINGERPRINT_VERSION
from newslint.fingerprint import fingerprints
from newslint.formatters.base import Formatter, write_json_around
from newslint.formatters.location import describe_change, repository_path, repository_root, unit_columns

if TYPE_CHECKING:
    from newslint.rule import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
# Where the tool's documentation lives: the project has no public site yet.
INFORMATION_URI = "https://newslint.invalid/"
ROOT_ID = "%SRCROOT%"
FINGERPRINT_KEY = f"newslint/v{FINGERPRINT_VERSION}"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SNIPPET_LIMIT = 200
_SECTION = re.compile(r"^([A-Z][a-z]+(?: [a-z]+)*):\s*$", re.MULTILINE)


def sections(doc: str) -> dict[str, str]:
    """Return a rule docstring's sections (``What it does`` ...) by title, text unwrapped."""
    found: dict[str, str] = {}
    matches = list(_SECTION.finditer(doc))
    for number, match in enumerate(matches):
        end = matches[number + 1].start() if number + 1 < len(matches) else len(doc)
        paragraphs = re.split(r"\n\s*\n", doc[match.end() : end].strip())
        found[match.group(1)] = "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
    return found


def _markdown(doc: str) -> str:
    """Return a rule docstring as Markdown: sections as bold titles, ``code`` as `code`."""
    parts = sections(doc)
    if not parts:
        return doc
    return "\n\n".join(f"**{title}**\n\n{body.replace('``', '`')}" for title, body in parts.items())


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """Return the SARIF ``reportingDescriptor`` for one rule."""
    parts = sections(rule.doc)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": parts.get("What it does", rule.summary)},
        "help": {"text": rule.doc, "markdown": _markdown(rule.doc)},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.default},
    }


class SarifFormatter(Formatter):
    """Writes one SARIF log: each file's results serialised as they come, kept on disk until the end.

    The rules and notifications (a few per run) are held; the results are not.
    """

    def start(self, rules: Sequence[Rule] = ()) -> None:
        """Begin a run that knows ``rules``."""
        self._root = repository_root(os.getcwd())
        self._rules: list[dict[str, Any]] = [rule_descriptor(rule) for rule in rules]
        self._index = {rule.code: number for number, rule in enumerate(rules)}
        from newslint.spool import Spool

        self._results = Spool(by_path=False)
        self._notifications: list[dict[str, Any]] = []

    def _rule_index(self, f: Finding) -> int:
        if f.code not in self._index:  # a finding from a rule the run was not told of
            self._index[f.code] = len(self._rules)
            self._rules.append({"id": f.code, "name": f.rule, "shortDescription": {"text": f.rule}})
        return self._index[f.code]

    def _artifact(self, path: str) -> dict[str, Any]:
        relative = repository_path(path, self._root)
        if relative is None:
            return {"uri": Path(os.path.abspath(path)).as_uri()}
        return {"uri": quote(relative, safe="/"), "uriBaseId": ROOT_ID}

    def file(self, path: str, findings: Sequence[Finding], text: str | None = None) -> None:
        """Serialise one result per finding."""
        if not findings:
            return
        artifact = self._artifact(path)
        offsets = [o for f in findings for o in (f.start, f.end, *((f.fix.start, f.fix.end) if f.fix else ()))]
        columns = unit_columns(text, offsets, "utf-16") if text is not None else {}

        def region(start: int, end: int, fallback: tuple[int, int, int, int]) -> dict[str, Any]:
            if start in columns and end in columns:
                (line, column), (end_line, end_column) = columns[start], columns[end]
            else:  # no text to measure: code points stand in
                line, column, end_line, end_column = fallback
            return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}

        results = []
        for f, print_ in zip(findings, fingerprints(findings, text)):
            where = region(f.start, f.end, (f.line, f.column, f.end_line, f.end_column))
            if text is not None and f.end - f.start <= _SNIPPET_LIMIT:
                where["snippet"] = {"text": text[f.start : f.end]}
            result: dict[str, Any] = {
                "ruleId": f.code,
                "ruleIndex": self._rule_index(f),
                "level": LEVELS[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": where}}],
                "partialFingerprints": {FINGERPRINT_KEY: print_},
            }
            if f.fix is not None and f.fix.safe and f.fix_position is not None:
                deleted = region(f.fix.start, f.fix.end, f.fix_position)
                old = text[f.fix.start : f.fix.end] if text is not None else None
                change = describe_change(old, f.fix.text) if old is not None else f"replace with {f.fix.text!r}"
                result["fixes"] = [
                    {
                        "description": {"text": change},
                        "artifactChanges": [
                            {
                                "artifactLocation": artifact,
                                "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": f.fix.text}}],
                            }
                        ],
                    }
                ]
            results.append(json.dumps(result, ensure_ascii=False))
        self._results.add(path, ", ".join(results))

    def error(self, path: str, message: str) -> None:
        """Record a file that could not be linted as a tool execution notification."""
        self._notifications.append(
            {
                "level": "error",
                "message": {"text": f"{path}: {message}"},
                "locations": [{"physicalLocation": {"artifactLocation": self._artifact(path)}}],
            }
        )

    def finish(self) -> None:
        """Write the SARIF log."""
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "newslint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "informationUri": INFORMATION_URI,
                    "rules": self._rules,
                }
            },
            "columnKind": "utf16CodeUnits",
            "originalUriBaseIds": {ROOT_ID: {"uri": Path(self._root).as_uri().rstrip("/") + "/"}},
            "invocations": [
                {
                    "executionSuccessful": not self._notifications,
                    "toolExecutionNotifications": self._notifications,
                }
            ],
            "results": [],  # filled from the spool as it is written
        }
        log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        try:
            write_json_around(self.stream, json.dumps(log, ensure_ascii=False), "}]}", self._results)
        finally:
            self._results.close()
