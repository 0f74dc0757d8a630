"""NL503 grammar: grammar and style slips found by LanguageTool (opt-in).

The client (HTTP, the local server, the paragraph cache) is ``newslint.languagetool``,
imported on the rule's first check: most runs never turn the rule on, and a run should
not compile and load that module only to learn the rule's name and options.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Iterator, Mapping

from newslint.finding import Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule

if TYPE_CHECKING:
    from newslint.document import Document

DEFAULT_SERVER = "http://localhost:8081"


@rule(
    "NL503",
    "grammar",
    summary="Grammar and style slips found by LanguageTool (needs a LanguageTool server).",
    severity="warning",
    options={
        "server": DEFAULT_SERVER,
        "local": False,
        "language": "en-GB",
        "enabled-rules": (),
        "disabled-rules": (),
        "enabled-categories": (),
        "disabled-categories": (),
        "enabled-only": False,
        "timeout": 30.0,
        "cache": True,
        "cache-dir": "",
    },
    default=False,
)
def grammar(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Sends the article's prose (Markdown markup, code, link targets and table cells
    removed), one request per article, to a LanguageTool server and reports each of its matches with
    LanguageTool's rule id, e.g. ``[EN_A_VS_AN] Use "an" instead of "a"...``. The first
    suggested replacement is offered as an unsafe fix (shown, never applied by
    ``--fix``). Off unless configured: it needs a running LanguageTool server.

    Why it matters:
    Agreement slips, a/an, its/it's and doubled words survive a fast edit; LanguageTool
    knows thousands of such patterns that simpler rules cannot.

    Example:
    ``The council will close a underused library and and two pools.``

    Use instead:
    ``The council will close an underused library and two pools.``

    Options:
    ``server``: URL of a LanguageTool server (default ``http://localhost:8081``). Run one
    with ``docker run -p 8081:8010 erikvl87/languagetool`` or, from LanguageTool's
    zip, ``java -cp languagetool-server.jar org.languagetool.server.HTTPServer --port
    8081``. ``local``: true lets language-tool-python download and start its own Java
    server instead (needs Java 17+; first use downloads about 250 MB).
    ``language``: ``en-GB`` (British house style) by default; ``en-US`` for American.
    ``enabled-rules``, ``disabled-rules``, ``enabled-categories``,
    ``disabled-categories``: lists of LanguageTool rule or category ids (e.g.
    ``[MORFOLOGIK_RULE_EN_GB]``, ``[TYPOS, STYLE]``); ``enabled-only``: true checks only
    the enabled ones. ``timeout``: seconds to wait for an answer (default 30).
    ``cache``: false re-checks every paragraph; by default each paragraph's answer is
    kept, by a hash of its text and these settings, in ``cache-dir`` (default
    ``.newslint-cache`` in the working directory), so an unchanged article is not sent
    again. If the server cannot be reached, newslint says so once on standard error,
    reports the other rules' findings, and exits with status 2.

    Known problems: a paragraph is checked alongside the other changed paragraphs of its
    article, so LanguageTool's few cross-paragraph rules may see less context once part
    of an article is cached.
    """
    from newslint import languagetool

    yield from languagetool.check(document, options)


@hookimpl
def newslint_finish() -> None:
    """Save the paragraph caches and stop the servers this run started."""
    languagetool = sys.modules.get("newslint.languagetool")
    if languagetool is not None:  # not imported: the rule never checked anything
        languagetool.finish()


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [grammar]
