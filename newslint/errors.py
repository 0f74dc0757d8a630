"""Exceptions a rule may raise on purpose, as opposed to crashing.

A rule that depends on an outside service (a LanguageTool server, a program it runs)
raises ``ServiceUnavailable`` when that service cannot be used. The engine does not
turn it into an internal-error finding: it hands it to the caller (the runner), which
prints one line per rule on standard error at the end of the run and exits with
status 2, while every other rule's findings are reported as usual.
"""

from __future__ import annotations


class ServiceUnavailable(Exception):
    """A rule's backing service cannot be used; the message says which and how to fix it.

    The rule is expected to remember the failure and raise again at once for the next
    file, rather than wait for the same timeout once per file.
    """
