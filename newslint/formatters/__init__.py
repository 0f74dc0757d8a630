"""Output formats, one module each; this package is the built-in plugin that lists them."""

from __future__ import annotations

from newslint.formatters.base import Formatter
from newslint.hookspecs import hookimpl


@hookimpl
def newslint_formatters() -> dict[str, type[Formatter]]:
    """Return the built-in output formats."""
    from newslint.formatters.json import JsonFormatter
    from newslint.formatters.text import TextFormatter

    return {"text": TextFormatter, "json": JsonFormatter}
