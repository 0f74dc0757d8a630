"""Output formats, one module each; this package is the built-in plugin that lists them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from newslint.hookspecs import hookimpl

if TYPE_CHECKING:
    from newslint.formatters.base import Formatter

# name -> "module:class". A run uses one format: the others are not imported.
BUILTIN_FORMATS: dict[str, str] = {
    "concise": "newslint.formatters.text:TextFormatter",
    "text": "newslint.formatters.text:TextFormatter",
    "full": "newslint.formatters.full:FullFormatter",
    "json": "newslint.formatters.json:JsonFormatter",
    "sarif": "newslint.formatters.sarif:SarifFormatter",
    "github": "newslint.formatters.github:GithubFormatter",
    "gitlab": "newslint.formatters.gitlab:GitlabFormatter",
    "junit": "newslint.formatters.junit:JunitFormatter",
    "rdjson": "newslint.formatters.rdjson:RdjsonFormatter",
}
# The forms people read: a run on a terminal ends them with a summary.
TEXT_FORMATS = frozenset({"concise", "text", "full"})


def formatter_class(name: str) -> type[Formatter]:
    """Import and return the class of a built-in format."""
    import importlib

    module, _, attribute = BUILTIN_FORMATS[name].partition(":")
    return getattr(importlib.import_module(module), attribute)


def _factory(name: str) -> Callable[..., Formatter]:
    def make(*args: Any, **kwargs: Any) -> Formatter:
        return formatter_class(name)(*args, **kwargs)

    make.__qualname__ = make.__name__ = f"{name}-formatter"
    return make


@hookimpl
def newslint_formatters() -> dict[str, Any]:
    """Return the built-in output formats, each imported when it is first built."""
    return {name: _factory(name) for name in BUILTIN_FORMATS}
