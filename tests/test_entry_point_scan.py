"""The quick scan that lets a run skip importlib.metadata when no plugin is installed."""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

import pytest

from newslint import plugins


def _dist(site: Path, name: str, entry_points: str | None) -> None:
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points)


@pytest.mark.parametrize(
    ("entry_points", "declared"),
    [
        ("[console_scripts]\nnewslint = newslint.cli:main\n", False),
        (None, False),
        ("[newslint]\nmine = myplugin\n", True),
        ("  [newslint]  \nmine = myplugin\n", True),
        ("[newslint.extra]\nmine = myplugin\n", False),
    ],
)
def test_the_scan_agrees_with_importlib_metadata(tmp_path, monkeypatch, entry_points, declared):
    _dist(tmp_path, "someplugin", entry_points)
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    # A test that imported dask brought the importlib_metadata backport, whose distribution
    # finder replaces the standard one: the scan then rightly leaves the answer to pluggy.
    from importlib.machinery import PathFinder

    foreign = any(hasattr(f, "find_distributions") and f is not PathFinder for f in sys.meta_path)
    found = [ep for dist in importlib.metadata.distributions() for ep in dist.entry_points if ep.group == "newslint"]
    assert bool(found) is declared
    assert plugins._may_declare_entry_points("newslint") is (declared or foreign)


def test_a_zip_file_on_the_path_is_left_to_importlib_metadata(tmp_path, monkeypatch):
    archive = tmp_path / "plugins.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip archive
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(archive)])
    assert plugins._may_declare_entry_points("newslint") is True
