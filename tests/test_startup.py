"""Start-up stays light: a run on a short file imports no heavy library it does not need.

Rules import heavy libraries inside their check functions and data loaders, never at
module top level; yaml is only for configuration files and Markdown front matter, and
markdown_it only for Markdown.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("textstat", "language_tool_python")
_LINE = re.compile(r"import time:\s+\d+ \|\s+\d+ \|( *)(\S+)")


def imports(path: Path) -> dict[str, str]:
    """Return every module the run imported, each with the chain of modules that imported it."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "newslint", path.name],
                            cwd=path.parent, capture_output=True, text=True, timeout=120)
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


def test_markdown_without_front_matter_imports_no_yaml(workdir):
    article = workdir / "short.md"
    article.write_text("# Council backs budget\n\nThe council met on Monday and agreed the plan.\n")
    loaded = imports(article)
    assert "markdown_it" in loaded
    for module in (*HEAVY, "yaml"):
        assert not top_level(module, loaded), f"imported {module}: {top_level(module, loaded)}"
