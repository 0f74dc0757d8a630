"""The engine: runs the active rules on one document and stamps their findings.

Rules only yield violations; the engine adds code, name and severity, turns offsets
into positions, applies suppressions, reports unused ones, keeps a crashing rule from
ending the run, and sorts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import islice

from newslint.document import Document
from newslint.errors import ServiceUnavailable
from newslint.finding import Finding, Fix, Severity, Violation
from newslint.rule import ActiveRule, Rule
from newslint.suppression import directives, silence

INTERNAL_ERROR = ("NL000", "internal-error")
UNUSED_SUPPRESSION = ("NL001", "unused-suppression")
# The engine's own codes: it makes these findings itself; they are never run as checks.
ENGINE_CODES = frozenset((INTERNAL_ERROR[0], UNUSED_SUPPRESSION[0]))
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# No article holds this many findings of one rule: past it the text is not prose (a
# file of nothing but brackets and quotation marks), and the rule's further findings,
# each costing its positions, would only make the run and its output huge.
MAX_FINDINGS_PER_RULE = 10_000


def _stamp(document: Document, code: str, name: str, severity: Severity, violation: Violation) -> Finding:
    # document.position's line and column, without a Position value for each offset.
    line_column = document.lines.line_column
    line, column = line_column(violation.start)
    end_line, end_column = line_column(violation.end)
    fix_position = None
    if violation.fix is not None:
        fix_position = line_column(violation.fix.start) + line_column(violation.fix.end)
    return Finding(
        path=document.path,
        code=code,
        rule=name,
        severity=severity,
        message=violation.message,
        start=violation.start,
        end=violation.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        fix=violation.fix,
        fix_position=fix_position,
    )


def _checked(violation: Violation, length: int) -> Violation:
    """Raise if a rule reported a span outside the text: that is the rule's bug."""
    if not 0 <= violation.start <= violation.end <= length:
        raise ValueError(f"span {violation.start}..{violation.end} outside the text (0..{length})")
    fix = violation.fix
    if fix is not None and not (isinstance(fix, Fix) and 0 <= fix.start <= fix.end <= length):
        raise ValueError(f"fix span outside the text: {fix!r}")
    return violation


def lint(
    document: Document,
    active: Sequence[ActiveRule],
    known: Sequence[Rule] = (),
    report_unused: bool | None = None,
    on_unavailable: Callable[[Rule, ServiceUnavailable], None] | None = None,
) -> list[Finding]:
    """Run ``active`` rules on ``document`` and return its sorted findings.

    ``known`` is every rule of the run, used to tell suppressions of rules that exist
    but are not active from suppressions naming no rule at all. Unused suppressions are
    reported when ``report_unused`` says so, or (None) when NL001 is among ``active``.
    A rule that raises ``ServiceUnavailable`` is passed to ``on_unavailable`` (the
    caller reports it once per run); without that callback it becomes an NL000 finding.
    """
    if report_unused is None:
        report_unused = any(item.rule.code == UNUSED_SUPPRESSION[0] for item in active)
    active = [item for item in active if item.rule.code not in ENGINE_CODES]
    length = len(document.text)
    raw: list[tuple[ActiveRule, Violation]] = []
    crashes: list[Finding] = []
    for item in active:
        try:
            # All or nothing: a rule that crashes part-way checked nothing it can vouch for.
            found = [
                (item, _checked(v, length))
                for v in islice(item.rule.check(document, item.options), MAX_FINDINGS_PER_RULE + 1)
            ]
            if len(found) > MAX_FINDINGS_PER_RULE:
                del found[MAX_FINDINGS_PER_RULE:]
                document.notes.append(
                    f"{item.rule.name} ({item.rule.code}) stopped after {MAX_FINDINGS_PER_RULE:,} findings; "
                    "the rest of the file is not checked by it"
                )
        except ServiceUnavailable as exc:
            if on_unavailable is not None:
                on_unavailable(item.rule, exc)
                continue
            message = f"rule {item.rule.name} ({item.rule.code}) did not run: {exc}"
            crashes.append(_stamp(document, *INTERNAL_ERROR, Severity.ERROR, Violation(0, 0, message)))
        except Exception as exc:  # one rule's bug must not end the run
            message = f"rule {item.rule.name} ({item.rule.code}) crashed: {type(exc).__name__}: {exc}"
            crashes.append(_stamp(document, *INTERNAL_ERROR, Severity.ERROR, Violation(0, 0, message)))
        else:
            raw.extend(found)

    suppressions = directives(document, list(known) or [item.rule for item in active])
    findings = list(crashes)
    # House styles run their rules as one batch, whose violations name their own rule
    # and severity (newslint.styles.rules.StyleViolation).
    stamped = [
        (
            getattr(violation, "rule", None) or item.rule,
            getattr(violation, "severity", None) or item.severity,
            violation,
        )
        for item, violation in raw
    ]
    # One sweep, not every finding against every directive (quadratic with many of both).
    silenced = silence(suppressions, [(rule, violation.start) for rule, _, violation in stamped])
    for (rule, severity, violation), quiet in zip(stamped, silenced):
        if not quiet:
            findings.append(_stamp(document, rule.code, rule.name, severity, violation))

    if report_unused:
        for directive in suppressions:
            if directive.unknown:
                message = f"suppression names unknown rule(s): {', '.join(directive.unknown)}"
            elif not directive.used:
                message = f"newslint-{directive.kind} suppresses nothing here"
            else:
                continue
            violation = Violation(directive.start, directive.end, message)
            findings.append(_stamp(document, *UNUSED_SUPPRESSION, Severity.INFO, violation))

    findings.sort(key=lambda f: (f.line, f.column, f.code, f.end_line, f.end_column))
    return findings


def exit_status(findings: Sequence[Finding], fail_on: Severity) -> int:
    """Return 2 when a rule crashed, 1 when a finding reaches ``fail_on``, else 0."""
    if any(f.code == INTERNAL_ERROR[0] for f in findings):
        return EXIT_ERROR
    if any(f.severity.rank >= fail_on.rank for f in findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN
