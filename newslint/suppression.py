"""Inline suppression comments, the same in Markdown and plain text.

``<!-- newslint-disable RULES -->`` ... ``<!-- newslint-enable RULES -->`` turns rules
off for a stretch of the file, and ``<!-- newslint-disable-next-line RULES -->`` for the
next line that has text. RULES is a comma- or space-separated list of codes, prefixes
or names; none means every rule. HTML comments vanish when Markdown is published.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

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


def _next_line_range(document: Document, after: int, memo: dict[int, tuple[int, int] | None]) -> tuple[int, int]:
    lines = document.lines
    first = lines.line_of(after) + 1
    # Directives that share a line share the answer: without the memo, many of them before
    # a long run of blank lines would each walk the whole run.
    if first not in memo:
        memo[first] = None
        line = first
        while line <= lines.line_count:
            start = lines.line_start(line)
            end = lines.line_start(line + 1) if line < lines.line_count else len(document.text)
            if document.text[start:end].strip():
                memo[first] = (start, end)
                break
            line += 1
    return memo[first] or (after, after)


def directives(document: Document, rules: Sequence[Rule]) -> list[Directive]:
    """Parse the document's suppression comments into directives with their ranges."""
    found: list[Directive] = []
    # Open disables, all of them and by token: an enable closes those sharing a token with
    # it (or every one, when it names none) without scanning every open one.
    open_all: list[Directive] = []
    open_by_token: dict[str, list[Directive]] = {}
    closed: set[int] = set()
    memo: dict[int, tuple[int, int] | None] = {}
    for comment in document.comments:
        match = _DIRECTIVE.match(comment.body)
        if not match:
            continue
        kind = match.group(1)
        tokens = tuple(t for t in re.split(r"[\s,]+", match.group(2).strip()) if t)
        unknown = tuple(t for t in tokens if not any(specificity(t, r) >= 0 for r in rules))
        if kind == "enable":
            closing = open_all if not tokens else [d for t in dict.fromkeys(tokens) for d in open_by_token.pop(t, [])]
            for directive in closing:
                if id(directive) not in closed:
                    closed.add(id(directive))
                    directive.range_end = comment.start
            if not tokens:
                open_all, open_by_token = [], {}
            if unknown:
                # An enable covers nothing, but a misspelt rule in it must still be reported.
                found.append(Directive(comment.start, comment.end, tokens, kind, 0, 0, True, unknown))
            continue
        if kind == "disable":
            start, end = comment.end, len(document.text)
        else:
            start, end = _next_line_range(document, comment.end, memo)
        directive = Directive(comment.start, comment.end, tokens, kind, start, end, unknown=unknown)
        found.append(directive)
        if kind == "disable":
            open_all.append(directive)
            for token in dict.fromkeys(tokens):
                open_by_token.setdefault(token, []).append(directive)
    return found


def silence(found: Sequence[Directive], hits: Sequence[tuple[Rule, int]]) -> list[bool]:
    """Return, for each ``(rule, offset)``, whether a directive silences it; mark those used.

    The same answers as ``Directive.covers`` over every pair, without the pairs: per rule,
    a sweep over the offsets in order with the directives that cover the rule sorted by
    where their range starts, so each directive is looked at a bounded number of times.
    """
    result = [False] * len(hits)
    by_rule: dict[str, list[int]] = {}
    rules: dict[str, Rule] = {}
    for index, (rule, _) in enumerate(hits):
        by_rule.setdefault(rule.code, []).append(index)
        rules[rule.code] = rule
    for code, indexes in by_rule.items():
        rule = rules[code]
        covering = sorted(
            (
                d
                for d in found
                if d.range_start < d.range_end and (not d.tokens or any(specificity(t, rule) >= 0 for t in d.tokens))
            ),
            key=lambda d: d.range_start,
        )
        if not covering:
            continue
        indexes.sort(key=lambda i: hits[i][1])
        started, widest = 0, -1
        for index in indexes:
            offset = hits[index][1]
            while started < len(covering) and covering[started].range_start <= offset:
                directive = covering[started]
                widest = max(widest, directive.range_end)
                # Each directive is looked at once, at the first offset at or after its
                # start: it covers that offset (used), or it ended before it, and so before
                # every later one.
                if directive.range_end > offset:
                    directive.used = True
                started += 1
            # A directive that started by here still runs past here: the finding is silenced.
            result[index] = widest > offset
    return result
