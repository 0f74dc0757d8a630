"""Findings the engine itself makes: a rule that crashed, a suppression that did nothing."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule

INTERNAL_ERROR = "NL000"
UNUSED_SUPPRESSION = "NL001"


@rule(INTERNAL_ERROR, "internal-error", severity="error", summary="A rule crashed on this file.")
def internal_error(document, options) -> Iterator:
    """What it does:
    Reports, at the top of the file, a rule that raised an exception while checking it.
    The other rules still run, and newslint exits with status 2.

    Why it matters:
    A crashed rule checked nothing, so the file may hold slips that were not reported.

    Example:
    ``NL000 [internal-error] rule unbalanced-quote (NL101) crashed: IndexError: ...``

    Use instead:
    Report the message and the file to the rule's author.

    Options:
    None. The engine makes these findings; they cannot be selected away.
    """
    return iter(())


@rule(
    UNUSED_SUPPRESSION,
    "unused-suppression",
    severity="info",
    summary="A newslint-disable comment that suppresses nothing.",
)
def unused_suppression(document, options) -> Iterator:
    """What it does:
    Reports a ``<!-- newslint-disable ... -->`` or ``<!-- newslint-disable-next-line ... -->``
    comment that suppressed no finding, or names a rule newslint does not know.

    Why it matters:
    A stale suppression hides the next real slip in its range.

    Example:
    ``<!-- newslint-disable-next-line repeated-word -->`` above a line with no repeated word.

    Use instead:
    Delete the comment, or name the rule that actually fires.

    Options:
    None.
    """
    return iter(())


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return the engine's own rules."""
    return [internal_error, unused_suppression]
