"""The on-disk cache: built once, read back, rebuilt when its input changes, never fatal."""

from __future__ import annotations

import os

from newslint import cache


def test_value_is_built_once_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "c"))
    calls = []

    def build():
        calls.append(1)
        return {"a": (1, 2)}

    assert cache.load_or_build("thing", "k1", build) == {"a": (1, 2)}
    assert cache.load_or_build("thing", "k1", build) == {"a": (1, 2)}
    assert len(calls) == 1
    assert cache.load_or_build("thing", "k2", build) == {"a": (1, 2)}
    assert len(calls) == 2


def test_file_key_changes_with_the_file(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("a: 1\n")
    before = cache.file_key(path)
    path.write_text("a: 12\n")
    assert cache.file_key(path) != before
    assert cache.file_key(tmp_path / "missing").endswith(":missing")


def test_damaged_or_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "c"))
    assert cache.load_or_build("thing", "k", lambda: 1) == 1
    (entry,) = (tmp_path / "c").iterdir()
    entry.write_bytes(b"not a pickle")
    assert cache.load_or_build("thing", "k", lambda: 2) == 2
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker / "below-a-file"))
    assert cache.load_or_build("thing", "k", lambda: 3) == 3
    assert not any(name.startswith(".newslint-") for name in os.listdir(tmp_path / "c"))
