"""Inline suppression comments, the same in Markdown and plain text.

``<!-- newslint-disable RULES -->`` ... ``<!-- newslint-enable RULES -->`` turns rules
off for a stretch of the file, and ``<!-- newslint-disable-next-line RULES -->`` for the
next line that has text. RULES is a comma- or space-separated list of codes, prefixes
or names; none means every rule. HTML comments vanish when Markdown is published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from newslint import patterns
from newslint.document import Document
from newslint.rule import Rule
from newslint.selection import specificity

_DIRECTIVE = patterns.compile(r"\s*newslint-(disable-next-line|disable|enable)\b(.*)", re.S)


@dataclass
class Directive:
    """One suppression: which rules, over which offsets, and whether it did anything."""

    start: int
    end: int
    tokens: tuple[str, ...]
    kind: str
    range_start: int
    range_end: int
    used: bool = False
    unknown: tuple[str, ...] = field(default=())

    def covers(self, rule: Rule, offset: int) -> bool:
        """Return whether this directive silences ``rule`` at ``offset``."""
        if not self.range_start <= offset < self.range_end:
            return False
        return not self.tokens or any(specificity(t, rule) >= 0 for t in self.tokens)


def _next_line_range(document: Document, after: int) -> tuple[int, int]:
    lines = document.lines
    line = lines.line_of(after) + 1
    while line <= lines.line_count:
        start = lines.line_start(line)
        end = lines.line_start(line + 1) if line < lines.line_count else len(document.text)
        if document.text[start:end].strip():
            return start, end
        line += 1
    return after, after


def directives(document: Document, rules: Sequence[Rule]) -> list[Directive]:
    """Parse the document's suppression comments into directives with their ranges."""
    found: list[Directive] = []
    open_ranges: list[Directive] = []
    for comment in document.comments:
        match = _DIRECTIVE.match(comment.body)
        if not match:
            continue
        kind = match.group(1)
        tokens = tuple(t for t in re.split(r"[\s,]+", match.group(2).strip()) if t)
        unknown = tuple(t for t in tokens if not any(specificity(t, r) >= 0 for r in rules))
        if kind == "enable":
            for directive in open_ranges[:]:
                if not tokens or set(tokens) & set(directive.tokens):
                    directive.range_end = comment.start
                    open_ranges.remove(directive)
            if unknown:
                # An enable covers nothing, but a misspelt rule in it must still be reported.
                found.append(Directive(comment.start, comment.end, tokens, kind, 0, 0, True, unknown))
            continue
        if kind == "disable":
            start, end = comment.end, len(document.text)
        else:
            start, end = _next_line_range(document, comment.end)
        directive = Directive(comment.start, comment.end, tokens, kind, start, end, unknown=unknown)
        found.append(directive)
        if kind == "disable":
            open_ranges.append(directive)
    return found
