"""NL503 grammar: grammar slips found by LanguageTool or Harper (opt-in).

The engines live beside the rule: ``languagetool`` (a LanguageTool server over HTTP, the
paragraph cache on disk) and ``harper`` (Harper in process, through the ``harper`` extra).
Each is imported on the rule's first check: most runs never turn the rule on, and a run
should not load an engine only to learn the rule's name and options.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.finding import Violation
from newslint.hookspecs import hookimpl
from newslint.options import Option
from newslint.rule import Rule, rule

if TYPE_CHECKING:
    from newslint.document import Document

DEFAULT_SERVER = "http://localhost:8081"
ENGINES = ("auto", "languagetool", "harper")


def engine_of(options: Mapping[str, Any]) -> str:
    """Return the engine these options choose: ``auto`` is LanguageTool when a server is set."""
    engine = str(options["engine"])
    if engine == "auto":
        return "languagetool" if options["local"] or str(options["server"]).strip() else "harper"
    return engine


@rule(
    "NL503",
    "grammar",
    summary="Grammar slips found by Harper (built in, with the harper extra) or a LanguageTool server.",
    severity="warning",
    options={
        "engine": Option("auto", choices=ENGINES),
        "server": "",
        "local": False,
        "language": "en-GB",
        "enabled-rules": (),
        "disabled-rules": (),
        "enabled-categories": (),
        "disabled-categories": (),
        "enabled-only": False,
        "accepted-words": (),
        "timeout": 30.0,
        "cache": True,
        "cache-dir": "",
    },
    default=False,
)
def grammar(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Checks the article's prose (Markdown markup, code, link targets and table cells
    removed) with a grammar engine and reports each of its findings with the engine's
    rule name, e.g. ``[AnA] Incorrect indefinite article.`` (Harper) or
    ``[EN_A_VS_AN] Use "an" instead of "a"...`` (LanguageTool). The first suggested
    replacement is offered as an unsafe fix (shown, never applied by ``--fix``). Off
    unless configured.

    Why it matters:
    Agreement slips, a/an, its/it's and doubled words survive a fast edit; a grammar
    engine knows hundreds of such patterns that simpler rules cannot.

    Example:
    ``The council will close a underused library and and two pools.``

    Use instead:
    ``The council will close an underused library and two pools.``

    Options:
    ``engine``: ``harper``, ``languagetool``, or ``auto`` (the default): LanguageTool when
    ``server`` or ``local`` is set, else Harper. Harper runs in this process, offline, and
    needs the harper extra (``pip install 'newslint[harper]'``); LanguageTool needs a server.
    ``server``: URL of a LanguageTool server (``http://localhost:8081`` when ``engine`` is
    ``languagetool`` and no URL is given). Run one with ``docker run -p 8081:8010
    erikvl87/languagetool`` or, from LanguageTool's zip, ``java -cp
    languagetool-server.jar org.languagetool.server.HTTPServer --port 8081``. ``local``:
    true lets language-tool-python download and start its own Java server instead (needs
    Java 17+; first use downloads about 250 MB).
    ``language``: ``en-GB`` (British house style) by default; ``en-US`` for American;
    Harper also knows ``en-AU``, ``en-CA`` and ``en-IN``.
    ``enabled-rules``, ``disabled-rules``: the engine's rule names (Harper's ``AnA``,
    ``RepeatedWords``, ``SpellCheck``...; LanguageTool's ``EN_A_VS_AN``...).
    ``enabled-categories``, ``disabled-categories``: Harper's lint kinds (``Agreement``,
    ``Grammar``, ``Spelling``, ``Style``...) or LanguageTool's category ids (``TYPOS``,
    ``STYLE``). ``enabled-only``: true reports only the enabled rules and categories.
    Harper leaves some kinds off by default, which on edited news copy flag house style
    rather than slips (Spelling, Capitalization, Formatting, Style, Readability,
    Enhancement, Redundancy, Regionalism), and some rules that misfire on it; enable a
    category or rule by name to have it back. Its spelling check flags every foreign
    name, so it is off until ``enabled-categories: [Spelling]``; ``accepted-words`` lists
    words it then accepts (names, brands).
    ``cache``: false re-checks every paragraph. By default each paragraph's answer is
    kept: Harper keeps it in memory for the run; LanguageTool's are kept, by a hash of
    the text and the settings, in ``cache-dir`` (default ``.newslint-cache`` in the
    working directory), so an unchanged article is not sent again. ``timeout``: seconds
    to wait for LanguageTool (default 30). If the engine cannot be used (Harper not
    installed, the server unreachable), newslint says so once on standard error, reports
    the other rules' findings, and exits with status 2.

    Known problems: LanguageTool checks a paragraph alongside the other changed
    paragraphs of its article, so its few cross-paragraph rules may see less context
    once part of an article is cached. Harper checks one paragraph at a time and knows
    less than LanguageTool; on 2,096 edited BBC articles it reported 6 findings per 100
    articles, of which a copy editor would accept about three in four.
    """
    if engine_of(options) == "harper":
        from . import harper

        yield from harper.check(document, options)
        return
    from . import languagetool

    if not str(options["server"]).strip():
        options = {**options, "server": DEFAULT_SERVER}
    yield from languagetool.check(document, options)


@hookimpl
def newslint_finish() -> None:
    """Save the paragraph caches, stop the servers and release the Harper linters of this run."""
    for name in ("languagetool", "harper"):
        engine = sys.modules.get(f"{__name__}.{name}")
        if engine is not None:  # not imported: the rule never checked anything with it
            engine.finish()


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [grammar]
