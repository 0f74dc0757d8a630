"""Every hook a newslint plugin can implement.

Hooks are called with keyword arguments only, and an implementation may accept fewer
arguments than its spec names, so a spec can gain arguments without breaking plugins.
A plugin is a module (or object) with functions marked ``@newslint.hookimpl``; third-
party plugins are found through the ``newslint`` entry-point group.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from newslint.formats import InputFormat
    from newslint.formatters.base import Formatter
    from newslint.rule import Rule

hookspec = pluggy.HookspecMarker("newslint")
hookimpl = pluggy.HookimplMarker("newslint")


@hookspec
def newslint_rules() -> list[Rule]:
    """Return the rules this plugin provides.

    Called once per run, when the plugin manager is built and before any file is read.
    Each item is a ``newslint.rule.Rule``, normally made with the ``@newslint.rule``
    decorator. Codes and names must be unique across all plugins.
    """


@hookspec
def newslint_formatters() -> dict[str, type[Formatter]]:
    """Return output formats this plugin provides, as ``{name: Formatter subclass}``.

    Called once per run, when ``--format`` is resolved. The name is what ``--format``
    takes; a name already provided by another plugin is an error. The life cycle is in
    ``newslint.formatters.base``: ``start(rules=...)``, ``file(path, findings, text=...)``
    for each file, ``error(path, message)`` for a file that could not be linted, then
    ``finish()``; a formatter's methods may leave out the keyword arguments they do not use.
    """


@hookspec
def newslint_formats() -> list[InputFormat]:
    """Return input formats this plugin adds, as ``newslint.formats.InputFormat`` values.

    Called once per run, when the plugin manager is built. Each format has a name, the file
    extensions it claims (``(".rst",)``) and a parser: a function, or a ``"module:function"``
    string imported on first use, that takes the decoded text and returns a
    ``newslint.parsers.model.Parsed`` whose paragraphs map every character back to the file.
    A name or extension that another format already has is an error.
    """


@hookspec
def newslint_finish() -> None:
    """Release what the plugin's rules held for the run (servers, caches).

    Called once, after the last file of a run has been linted and reported, whether the
    run succeeded or not. Return value ignored.
    """
