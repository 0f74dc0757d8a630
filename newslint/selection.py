"""Which rules run: ``select`` and ``ignore`` by code, code prefix or name.

As in flake8, the most specific match wins: a name or a full code beats a prefix, and
a longer prefix beats a shorter one; on a tie, ``ignore`` wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newslint.rule import Rule

_EXACT = 100


def specificity(token: str, rule: Rule) -> int:
    """Return how specifically ``token`` names ``rule``, or -1 when it does not."""
    code = rule.code.upper()  # style codes (House.PerCent) are mixed case
    if token == rule.name or token.upper() == code:
        return _EXACT
    if token.upper() == "ALL":
        return 0
    if code.startswith(token.upper()) and token[:1].isalpha():
        return len(token)
    return -1


def best(tokens: Iterable[str], rule: Rule) -> int:
    """Return the highest specificity of any token for ``rule``."""
    return max((specificity(token, rule) for token in tokens), default=-1)


def is_selected(
    rule: Rule,
    select: Sequence[str] | None,
    ignore: Sequence[str],
    configured: bool = False,
) -> bool:
    """Decide whether ``rule`` runs.

    Without ``select``, default rules run, and opt-in rules run when they are configured.
    An opt-in rule is selected only by its exact code or name, never by a prefix.
    """
    if select is None:
        chosen = 0 if (rule.default or configured) else -1
    else:
        chosen = best(select, rule)
        if not rule.default and chosen != _EXACT and not configured:
            chosen = -1
    return chosen >= 0 and chosen > best(ignore, rule)


def unknown_tokens(tokens: Iterable[str], rules: Sequence[Rule]) -> list[str]:
    """Return the tokens that name no rule at all."""
    return [t for t in tokens if not any(specificity(t, r) >= 0 for r in rules)]
