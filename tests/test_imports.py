"""The import graph of newslint and its rules: no cycle, and no module imports one above it.

The graph is read from the source with ``ast``: every import of a newslint module is an
edge, those inside functions too (a lazy import is still a dependency); only imports
under ``if TYPE_CHECKING:`` are left out, since they never run. Third-party libraries
imported lazily are not newslint modules and are not in the graph.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# Where each package's source is: the rules folder is installed as newslint.rules.
SOURCES = {"newslint": REPO / "newslint", "newslint.rules": REPO / "rules"}

# From the bottom up; a module may import modules of its own layer or below. A module
# named here stands for itself and, ending in ".*", for its package's modules too.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    (
        "utilities",
        (
            "newslint",  # the package itself: only its version (everything else is loaded lazily)
            "newslint.errors",
            "newslint.dates",
            "newslint.options",
            "newslint.yamlfile",
            "newslint.spool",
            "newslint.progress",
            "newslint.atomic",
            "newslint.source",
            "newslint.cachedir",
            "newslint.marshalstore",
            "newslint.patterns",
            "newslint.classcode",
            "newslint.collector",
            "newslint.cache",
            "newslint.shipped",
            "newslint.discovery",
            "newslint.styles.errors",
        ),
    ),
    ("model", ("newslint.parsers", "newslint.parsers.*", "newslint.formats")),
    ("text", ("newslint.words", "newslint.addresses", "newslint.counts", "newslint.quotation", "newslint.sentences")),
    ("document", ("newslint.document",)),
    (
        "rule",
        (
            "newslint.finding",
            "newslint.rule",
            "newslint.selection",
            "newslint.suppression",
            "newslint.hookspecs",
            "newslint.knowledge",
            "newslint.fingerprint",
            "newslint.fixer",
            "newslint.deletion",
            "newslint.baseline",
            "newslint.result_cache",
            "newslint.summary",
            "newslint.formatters.base",
        ),
    ),
    # The built-in rules: the model and the helpers below, never the configuration, the
    # engine or what runs it. A rule may ask another (grammar asks repeated-word).
    ("rules", ("newslint.rules", "newslint.rules.*")),
    ("house styles", ("newslint.styles", "newslint.styles.*")),
    ("config", ("newslint.config", "newslint.config.*")),
    ("engine", ("newslint.engine", "newslint.plugins")),
    ("linter", ("newslint.linter", "newslint.testing", "newslint.stats")),
    ("runner", ("newslint.runner", "newslint.formatters", "newslint.formatters.*")),
    (
        "applications",
        (
            "newslint.cli",
            "newslint.entry",
            "newslint.daemon",
            "newslint.daemon.*",
            "newslint.__main__",
            "newslint.server",
            "newslint.server.*",
            "newslint.batch",
            "newslint.batch.*",
        ),
    ),
]


def _modules() -> dict[str, Path]:
    found = {}
    for package, folder in SOURCES.items():
        for path in folder.rglob("*.py"):
            parts = [package, *path.relative_to(folder).with_suffix("").parts]
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


class _Imports(ast.NodeVisitor):
    """Collects the newslint modules one module imports."""

    def __init__(self, module: str, is_package: bool) -> None:
        self.package = module.split(".") if is_package else module.split(".")[:-1]
        self.found: set[str] = set()

    def visit_If(self, node: ast.If) -> None:
        test = node.test
        if (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
            isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
        ):
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        self.found.update(alias.name for alias in node.names)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base = self.package[: len(self.package) - (node.level - 1)]
            module = ".".join([*base, node.module] if node.module else base)
        else:
            module = node.module or ""
        # ``from newslint import patterns`` imports the submodule; ``from x import name`` the module.
        submodules = {f"{module}.{alias.name}" for alias in node.names} & MODULES.keys()
        self.found.update(submodules)
        if len(submodules) < len(node.names):
            self.found.add(module)


def _graph() -> dict[str, set[str]]:
    graph = {}
    for module, path in MODULES.items():
        visitor = _Imports(module, path.name == "__init__.py")
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        graph[module] = {m for m in visitor.found if m in MODULES and m != module}
    return graph


GRAPH = _graph()


def _layer(module: str) -> int:
    for index, (_, members) in enumerate(LAYERS):
        for member in members:
            if module == member or (member.endswith(".*") and module.startswith(member[:-1])):
                return index
    raise AssertionError(f"{module} is in no layer: add it to LAYERS in {__file__}")


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_graph_is_read_from_the_whole_source():
    assert {"newslint.linter", "newslint.parsers.model", "newslint.rules.tense", "newslint.rules.grammar.harper"} <= (
        MODULES.keys()
    )
    assert "newslint.document" in GRAPH["newslint.rules.unbalanced_quote"]
    assert "newslint.words" in GRAPH["newslint.rules.grammar.harper"]  # imported inside a function


def test_no_import_cycle():
    assert _cycles(GRAPH) == []


def test_the_cycle_finder_finds_cycles():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_every_module_has_a_layer():
    for module in MODULES:
        _layer(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_one_above_it(module):
    own = _layer(module)
    above = sorted(
        f"{imported} ({LAYERS[_layer(imported)][0]})" for imported in GRAPH[module] if _layer(imported) > own
    )
    assert above == [], f"{module} ({LAYERS[own][0]}) imports a higher layer"
