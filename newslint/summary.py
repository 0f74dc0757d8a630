"""What a run found, counted: the closing summary line and ``--statistics``.

14 findings in 2 files (9 errors, 5 warnings); 4 fixable with --fix
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TextIO

from newslint.finding import Finding, Severity


def count(number: int, noun: str, plural: str | None = None) -> str:
    """Return ``1 file``, ``2 files``: a number and its noun, plural when it is not one."""
    return f"{number} {noun if number == 1 else (plural or noun + 's')}"


@dataclass(frozen=True)
class RuleCount:
    """How often one rule fired in a run, and how many of those ``--fix`` can fix."""

    code: str
    rule: str
    count: int
    fixable: int


@dataclass
class Tally:
    """Counts gathered file by file during a run."""

    files: int = 0
    files_with_findings: int = 0
    severities: Counter[Severity] = field(default_factory=Counter)
    rules: Counter[tuple[str, str]] = field(default_factory=Counter)
    fixable_rules: Counter[tuple[str, str]] = field(default_factory=Counter)
    fixed: int = 0
    in_baseline: int = 0

    def add(self, findings: Sequence[Finding], fixed: int = 0, in_baseline: int = 0) -> None:
        """Count one linted file's reported findings, the fixes applied to it, and those hidden."""
        self.files += 1
        self.files_with_findings += bool(findings)
        self.fixed += fixed
        self.in_baseline += in_baseline
        for f in findings:
            self.severities[f.severity] += 1
            self.rules[(f.code, f.rule)] += 1
            if f.fix is not None and f.fix.safe:
                self.fixable_rules[(f.code, f.rule)] += 1

    @property
    def findings(self) -> int:
        """Return the number of findings reported."""
        return sum(self.severities.values())

    @property
    def fixable(self) -> int:
        """Return how many reported findings have a safe fix."""
        return sum(self.fixable_rules.values())

    def line(self, fixing: bool = False) -> str:
        """Return the one-line summary of the run."""
        parts = []
        if fixing:
            parts.append(f"fixed {count(self.fixed, 'finding')}")
        if self.findings:
            kinds = [
                count(self.severities[Severity.ERROR], "error"),
                count(self.severities[Severity.WARNING], "warning"),
                count(self.severities[Severity.INFO], "info", "info"),
            ]
            shown = ", ".join(
                k for k, s in zip(kinds, (Severity.ERROR, Severity.WARNING, Severity.INFO)) if self.severities[s]
            )
            where = count(self.files_with_findings, "file")
            found = count(self.findings, "finding")
            parts.append(
                f"{self.findings} remaining in {where} ({shown})" if fixing else f"{found} in {where} ({shown})"
            )
            if self.fixable and not fixing:
                parts.append(f"{self.fixable} fixable with --fix")
        else:
            parts.append(f"no findings {'remaining ' if fixing else ''}in {count(self.files, 'file')}")
        if self.in_baseline:
            parts.append(f"{self.in_baseline} in the baseline not shown")
        return "; ".join(parts)

    def statistics(self) -> list[RuleCount]:
        """Return a count per rule, most frequent first (then by code)."""
        rows = [
            RuleCount(code, rule, count, self.fixable_rules[(code, rule)]) for (code, rule), count in self.rules.items()
        ]
        return sorted(rows, key=lambda row: (-row.count, row.code))


def write_statistics(rows: Sequence[RuleCount], stream: TextIO, as_json: bool = False) -> None:
    """Write ``--statistics``: a table, or a JSON array of ``{code, rule, count, fixable}``."""
    if as_json:
        import json  # only --statistics with --format json needs it

        json.dump([asdict(row) for row in rows], stream, indent=2)
        stream.write("\n")
        return
    width = max((len(str(row.count)) for row in rows), default=1)
    names = max((len(row.rule) for row in rows), default=0)
    for row in rows:
        fixable = f"  {row.fixable} fixable" if row.fixable else ""
        stream.write(f"{row.count:>{width}}  {row.code}  {row.rule:<{names}}{fixable}".rstrip() + "\n")
