"""Start-up stays light: a run on a short file imports no heavy library it does not need.

Rules import heavy libraries inside their check functions and data loaders, never at
module top level; yaml is only for configuration files and Markdown front matter, and
markdown_it only for Markdown.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("textstat", "language_tool_python")
_LINE = re.compile(r"import time:\s+\d+ \|\s+\d+ \|( *)(\S+)")


def warm(path: Path) -> None:
    """Run newslint on ``path`` once: a first run builds the cached data (from YAML) that later runs load."""
    subprocess.run([sys.executable, "-m", "newslint", path.name], cwd=path.parent, capture_output=True, timeout=120)


def imports(path: Path) -> dict[str, str]:
    """Return every module the run imported, each with the chain of modules that imported it."""
    warm(path)
    # No result cache: the run must parse and lint, not find the warm-up's findings.
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "newslint", "--no-cache", path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    rows = [(len(m.group(1)), m.group(2)) for m in map(_LINE.match, result.stderr.splitlines()) if m]
    chains: dict[str, str] = {}
    for index, (depth, name) in enumerate(rows):
        # importtime lists a module before the one that imported it, one level less indented
        chain, level = [name], depth
        for later_depth, later in rows[index + 1 :]:
            if later_depth < level:
                chain.append(later)
                level = later_depth
        chains.setdefault(name, " <- ".join(chain))
    return chains


def top_level(module: str, loaded: dict[str, str]) -> list[str]:
    return [chain for name, chain in loaded.items() if name == module or name.startswith(module + ".")][:1]


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    for parent in [tmp_path, *tmp_path.parents]:
        if (parent / ".newslint.yaml").exists() or (parent / ".newslint.yml").exists():
            pytest.skip(f"a configuration file above the temporary directory: {parent}")
    return tmp_path


def test_plain_text_run_imports_no_yaml_markdown_or_heavy_library(workdir):
    article = workdir / "short.txt"
    article.write_text("Council backs budget\n\nThe council met on Monday and agreed the plan.\n")
    loaded = imports(article)
    assert "newslint.cli" in loaded
    for module in (*HEAVY, "markdown_it", "yaml"):
        assert not top_level(module, loaded), f"imported {module}: {top_level(module, loaded)}"


def test_a_run_inside_a_python_project_does_not_parse_its_pyproject(workdir):
    (workdir / "pyproject.toml").write_text("[project]\nname = 'a-python-project'\n")
    article = workdir / "short.txt"
    article.write_text("Council backs budget\n\nThe council met on Monday and agreed the plan.\n")
    loaded = imports(article)
    assert "newslint.cli" in loaded
    assert not top_level("tomllib", loaded), top_level("tomllib", loaded)


def test_markdown_without_front_matter_imports_no_yaml(workdir):
    article = workdir / "short.md"
    article.write_text("# Council backs budget\n\nThe council met on Monday and agreed the plan.\n")
    loaded = imports(article)
    assert "markdown_it" in loaded
    for module in (*HEAVY, "yaml"):
        assert not top_level(module, loaded), f"imported {module}: {top_level(module, loaded)}"


# Imported only by the commands and moments that need them: the progress bar after two
# seconds on a terminal, the batch command and its optional extra, the JSON spool.
LATER = ("tqdm", "dask", "distributed", "pyarrow", "pandas", "newslint.batch", "newslint.spool", "pyphen")
_MODULES_AT_EXIT = (
    "import atexit, json, sys\n"
    "atexit.register(lambda: print('MODULES ' + json.dumps(sorted(sys.modules)), file=sys.stderr))\n"
    "sys.argv = ['newslint', *sys.argv[1:]]\n"
    "from newslint.cli import main\n"
    "main()\n"
)


def modules_at_exit(path: Path, *args: str) -> set[str]:
    """Return every module in sys.modules when a run on ``path`` ends (imports by importlib too)."""
    warm(path)
    result = subprocess.run(
        [sys.executable, "-c", _MODULES_AT_EXIT, "--no-cache", *args, path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES "))
    return set(json.loads(line[len("MODULES ") :]))


def test_a_short_run_imports_no_progress_bar_batch_extra_or_hyphenation(workdir):
    # Too short to be scored for readability: Pyphen's table is not needed either.
    article = workdir / "short.txt"
    article.write_text("Council backs budget\n\nThe council met on Monday and agreed the plan.\n")
    for args in ((), ("--format", "json")):
        loaded = modules_at_exit(article, *args)
        assert "newslint.cli" in loaded
        for module in LATER:
            found = sorted(name for name in loaded if name == module or name.startswith(module + "."))
            assert module == "newslint.spool" and args or not found, f"{args}: imported {found}"


_FACTS_LOADED = (
    "import sys\n"
    "from newslint import Linter, knowledge\n"
    "linter = Linter(entry_points=False)\n"
    "linter.lint_text(sys.argv[1], path='article.txt')\n"
    "print('loaded' if 'offices' in vars(knowledge.load()) else 'deferred')\n"
)


@pytest.mark.parametrize(
    "text, state",
    [
        # No office named: the titles are looked for, the facts about holders never read.
        ("Council backs budget\n\nThe council met on Monday and agreed the plan for the new bridge.\n", "deferred"),
        # An office and a name: the facts are read to judge them.
        ("Visit to the port\n\nPrime Minister Tony Blair opened the new terminal on Monday.\n", "loaded"),
    ],
)
def test_the_knowledge_base_facts_load_only_when_a_title_is_found(workdir, text, state):
    result = subprocess.run(
        [sys.executable, "-c", _FACTS_LOADED, text], cwd=workdir, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == state


_CLASSES = r"""
import dataclasses, sys, types
from newslint import classcode
classcode.install()
SOURCE = "@dataclasses.dataclass(frozen=True)\nclass Point:\n    x: int\n    y: int = 2\n"
def made_in(name):
    module = sys.modules[name] = types.ModuleType(name)
    module.dataclasses = dataclasses
    exec(SOURCE, vars(module))
    return module.Point
Point = made_in("newslint.probe")
p = Point(1)
try:
    p.x = 5
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
ours = len(classcode._kept.new)
made_in("another_library")  # not newslint's: compiled as usual, never kept
print(repr(p), p == Point(1, 2), p != Point(1, 3), hash(p) == hash(Point(1)), frozen, ours, len(classcode._kept.new) - ours)
"""


def test_dataclass_methods_compiled_once_then_reused(tmp_path):
    # A first run compiles newslint's generated methods and keeps them (another library's
    # are not kept); a second compiles none and its classes behave the same; a damaged
    # cache file only means compiling again.
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}

    def run() -> list[str]:
        result = subprocess.run(
            [sys.executable, "-c", _CLASSES], capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path
        )
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout.split()

    first = run()
    assert first[:6] == ["Point(x=1,", "y=2)", "True", "True", "True", "True"]
    assert int(first[6]) > 0 and first[7] == "0"
    [kept] = tmp_path.glob("classes-*.marshal")
    assert run() == [*first[:6], "0", "0"]
    kept.write_bytes(b"\x00not marshal data")
    assert run() == first


def test_the_command_line_module_imports_no_runner_before_a_command_runs():
    # `newslint --version` and `--help` need click, not the linter.
    code = "import sys, newslint.cli; print(sorted(m for m in sys.modules if m.startswith('newslint')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.replace("'", '"')) == [
        "newslint",
        "newslint.classcode",
        "newslint.cli",
        "newslint.collector",
        "newslint.marshalstore",
        "newslint.patterns",
    ]


_LIBRARY_PATTERNS = r"""
import re
from newslint import patterns
patterns.cache_library_patterns()
import markdown_it, yaml
kept = len(patterns._kept.new)
re.compile(r"made after the import \d+")
assert re.compile is patterns._re_compile
data = yaml.safe_load("when: 2005-01-02\nshown: yes\nratio: 1.5e+3\n")
html = markdown_it.MarkdownIt("commonmark").render("# Title\n\n*one* [link](http://example.com)\n")
print(kept, len(patterns._kept.new) - kept, sorted(data.items()) == [("ratio", 1500.0), ("shown", True), ("when", __import__("datetime").date(2005, 1, 2))], html.count("<"))
"""


def test_markdown_and_yaml_patterns_compiled_once_then_reused(tmp_path):
    # Their import-time regular expressions are kept and reused; a pattern compiled after
    # the import is never kept; the libraries parse as they always do.
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}

    def run() -> list[str]:
        result = subprocess.run(
            [sys.executable, "-c", _LIBRARY_PATTERNS], capture_output=True, text=True, timeout=60, env=env
        )
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout.split()

    first = run()
    assert int(first[0]) > 20 and first[1:] == ["0", "True", "8"]
    assert run() == ["0", "0", "True", "8"]
