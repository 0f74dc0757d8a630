"""NL203 quote-style: not written yet (this module is registered so the rule has its home)."""

from __future__ import annotations

from newslint.hookspecs import hookimpl


@hookimpl
def newslint_rules() -> list:
    """Return this module's rules."""
    return []
