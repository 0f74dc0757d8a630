"""Style rules as newslint rules: one ``Rule`` per rule file, all run through one batch.

Each rule's code is ``Style.Rule`` as Vale writes it (``House.PerCent``), its name the
file's stem (``PerCent``), its severity from ``level`` (``suggestion`` is info). Its
documentation, printed by ``newslint explain House.PerCent``, is the rule's
``description`` and ``link`` with its file, extension point and scope.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.document import Document
from newslint.finding import Severity, Violation
from newslint.rule import ActiveRule, Rule
from newslint.styles.batch import StyleBatch
from newslint.styles.checks import Definition
from newslint.styles.load import StyleRule
from newslint.styles.vocab import AcceptedTerms

SEVERITY = {"suggestion": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}
PLUGIN_PREFIX = "style:"


def _documentation(definition: Definition) -> str:
    lines = [definition.description.strip() or format_summary(definition)]
    if definition.link:
        lines += ["", f"Link: {definition.link}"]
    lines += [
        "",
        f"Rule file: {definition.path}",
        f"Extends: {definition.extends}; scope: {definition.scope.label}; level: {definition.level}",
    ]
    return "\n".join(lines)


def format_summary(definition: Definition) -> str:
    """Return a one-line summary of a style rule: its message with the blanks shown."""
    return re.sub(r"%[sd]", "…", definition.message).strip()


@dataclass(frozen=True)
class StyleViolation(Violation):
    """A violation the house-style batch reports for one of its rules, at that rule's severity."""

    rule: Rule | None = None
    severity: Severity | None = None


@dataclass
class HouseStyle:
    """The style rules and accepted vocabulary that apply to some files."""

    rules: tuple[Rule, ...] = ()
    accepted: AcceptedTerms = field(default_factory=lambda: AcceptedTerms(()))
    definitions: Mapping[str, Definition] = field(default_factory=dict)
    batch: StyleBatch | None = None
    limits: Mapping[str, int] = field(default_factory=dict)
    # A digest of the rule files and vocabulary: the result cache must miss when they change.
    fingerprint: str = ""

    def drop_accepted(self, document: Document, findings: Sequence[Any]) -> list[Any]:
        """Return ``findings`` without those inside an accepted vocabulary term."""
        return self.accepted.drop(document, findings)

    def grouped(self, active: Sequence[ActiveRule]) -> list[ActiveRule]:
        """Return ``active`` with this style's rules replaced by one rule that runs them all.

        The engine calls each rule once per document; for a style of a thousand rules
        that call alone would cost more than the batch's scans. The batch rule reports
        each finding for its own rule, at the severity the configuration gave it.
        """
        index = {id(rule): number for number, rule in enumerate(self.rules)}
        members = {index[id(item.rule)]: item for item in active if id(item.rule) in index}
        if not members:
            return list(active)
        rest = [item for item in active if id(item.rule) not in index]
        batch, limits = self.batch, self.limits
        assert batch is not None

        def check(document: Document, options: Mapping[str, Any]) -> list[Violation]:
            found: list[Violation] = []
            for number, violations in batch.violations(document).items():
                item = members.get(number)
                if item is None or not violations:
                    continue
                limit = limits.get(item.rule.code, 0)
                for v in violations[:limit] if limit else violations:
                    found.append(StyleViolation(v.start, v.end, v.message, v.fix, item.rule, item.severity))
            return found

        check.__doc__ = "Runs the house style's rules together (see newslint.styles.batch)."
        selection = "|".join(f"{item.rule.code}={item.severity.value}" for _, item in sorted(members.items()))
        plugin = f"{PLUGIN_PREFIX}batch:{self.fingerprint}:{_digest([selection])}"
        rule = Rule(
            code="Styles",
            name="house-style",
            severity=Severity.INFO,
            summary=f"{len(members)} house-style rules",
            check=check,
            plugin=plugin,
        )
        return [*rest, ActiveRule(rule, Severity.INFO, {})]


def build(style_rules: Iterable[StyleRule], accepted: Sequence[str] = ()) -> HouseStyle:
    """Turn loaded style rules into newslint rules sharing one batch run per document."""
    style_rules = list(style_rules)
    batch = StyleBatch([r.check for r in style_rules])
    rules = []
    for index, style_rule in enumerate(style_rules):
        definition = style_rule.definition
        rules.append(_rule(definition, batch, index))
    definitions = {r.definition.code: r.definition for r in style_rules}
    limits = {code: d.limit for code, d in definitions.items() if d.limit}
    parts = [*accepted]
    for style_rule in style_rules:
        definition, check = style_rule.definition, style_rule.check
        parts.append(repr(definition))
        try:
            parts.append(Path(definition.path).read_text(encoding="utf-8", errors="replace"))
        except OSError:  # Vale.Terms and Vale.Avoid: their entries are their content
            parts.append(repr((getattr(check, "tokens", None), getattr(check, "terms", None))))
    return HouseStyle(tuple(rules), AcceptedTerms(accepted), definitions, batch, limits, _digest(parts))


def _digest(parts: Iterable[str]) -> str:
    import hashlib

    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()


def _rule(definition: Definition, batch: StyleBatch, index: int) -> Rule:
    limit = definition.limit

    def check(document: Document, options: Mapping[str, Any]) -> Sequence[Violation]:
        found = batch.violations(document).get(index, ())
        return found[:limit] if limit else found

    check.__doc__ = _documentation(definition)
    check.__name__ = check.__qualname__ = definition.code
    return Rule(
        code=definition.code,
        name=definition.name,
        severity=SEVERITY[definition.level],
        summary=format_summary(definition),
        check=check,
        plugin=PLUGIN_PREFIX + definition.path,
    )
