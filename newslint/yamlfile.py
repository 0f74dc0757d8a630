"""YAML as newslint reads it: PyYAML's safe loader, except that an impossible date is text.

PyYAML turns ``2025-02-30`` into a date and raises ``ValueError`` (not a ``YAMLError``)
when there is no such day, which ended the run with a traceback. Here such a value
stays the string it was written as, and whoever reads the field reports it (front
matter: one line on stderr; configuration: ``path:line: date must be a date ...``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def loader() -> type:
    """Return the loader class (PyYAML is imported on first use)."""
    import yaml

    class Loader(yaml.SafeLoader):
        """``yaml.SafeLoader`` that keeps an impossible timestamp as its text."""

    def timestamp(self: Any, node: Any) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(self, node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)
    return Loader


def load(text: str) -> Any:
    """Parse one YAML document (``yaml.YAMLError`` on bad syntax, never ``ValueError``)."""
    import yaml

    return yaml.load(text, Loader=loader())  # noqa: S506 - a subclass of SafeLoader


def compose(text: str) -> Any:
    """Return the node tree of one YAML document (for line numbers)."""
    import yaml

    return yaml.compose(text, Loader=loader())


def yaml_lines(node: Any, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> None:
    """Record in ``lines`` the 1-based line of every key and item under a composed YAML node."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[path + (key.value,)] = key.start_mark.line + 1
            yaml_lines(value, path + (key.value,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 1
            yaml_lines(item, path + (index,), lines)
