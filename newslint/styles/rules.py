"""Style rules as newslint rules: one ``Rule`` per rule file, all run through one batch.

Each rule's code is ``Style.Rule`` as Vale writes it (``House.PerCent``), its name the
file's stem (``PerCent``), its severity from ``level`` (``suggestion`` is info). Its
documentation, printed by ``newslint explain House.PerCent``, is the rule's
``description`` and ``link`` with its file, extension point and scope.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from newslint.document import Document
from newslint.finding import Severity, Violation
from newslint.rule import Rule
from newslint.styles.batch import StyleBatch
from newslint.styles.checks import Definition
from newslint.styles.load import StyleRule
from newslint.styles.vocab import AcceptedTerms

SEVERITY = {"suggestion": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}
PLUGIN_PREFIX = "style:"


def is_style_rule(rule: Rule) -> bool:
    """Return whether a rule came from a style's rule file (not from a plugin)."""
    return rule.plugin.startswith(PLUGIN_PREFIX)


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


@dataclass
class HouseStyle:
    """The style rules and accepted vocabulary that apply to some files."""

    rules: tuple[Rule, ...] = ()
    accepted: AcceptedTerms = field(default_factory=lambda: AcceptedTerms(()))
    definitions: Mapping[str, Definition] = field(default_factory=dict)

    def drop_accepted(self, document: Document, findings: Sequence[Any]) -> list[Any]:
        """Return ``findings`` without those inside an accepted vocabulary term."""
        return self.accepted.drop(document, findings)


def build(style_rules: Iterable[StyleRule], accepted: Sequence[str] = ()) -> HouseStyle:
    """Turn loaded style rules into newslint rules sharing one batch run per document."""
    style_rules = list(style_rules)
    batch = StyleBatch([r.check for r in style_rules])
    rules = []
    for index, style_rule in enumerate(style_rules):
        definition = style_rule.definition
        rules.append(_rule(definition, batch, index))
    return HouseStyle(tuple(rules), AcceptedTerms(accepted), {r.definition.code: r.definition for r in style_rules})


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
