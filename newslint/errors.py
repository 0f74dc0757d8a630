"""Every exception newslint raises on purpose, under one base, ``NewslintError``.

Each message is one line that says what is wrong; the command line prints it after
``newslint:`` (and the file's name, where there is one) and exits with status 2. An
exception that is not one of these is a bug.
"""

from __future__ import annotations


class NewslintError(Exception):
    """Base of newslint's own errors; the message is one line for the user."""


class UsageError(NewslintError):
    """A run that cannot start as asked: an unknown rule, format or option value."""


class ConfigError(NewslintError):
    """A configuration mistake; the message reads ``path:line: what is wrong``."""


class PluginError(NewslintError):
    """A plugin failed to load or declared an invalid rule, format or formatter."""


class InputError(NewslintError):
    """A file that cannot be linted; the message is one line that names the problem."""


class KnowledgeError(NewslintError, ValueError):
    """A knowledge file (office-holders, name variants) that cannot be read or is malformed."""


class ServiceUnavailable(NewslintError):
    """A rule's backing service cannot be used; the message says which and how to fix it.

    A rule that depends on an outside service (a LanguageTool server, a program it runs)
    raises this when the service cannot be used. The engine hands it to its caller, which
    reports it once per run, exits with status 2, and reports every other rule's findings
    as usual. The rule is expected to remember the failure and raise again at once for the
    next file, rather than wait for the same timeout once per file.
    """
