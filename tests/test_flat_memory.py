"""What a run keeps per file it has walked: nothing that grows with the number of files.

A desk linting an archive folder of a million articles must not hold an entry for each:
the files found (``newslint.discovery``) and the configuration asked for each
(``newslint.config.finder``) are measured with tracemalloc over many generated files,
and what is still held after the last one must not grow with their number.
"""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

import pytest

from newslint import Linter
from newslint.discovery import targets


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("archive")
    for folder in range(6):
        (root / f"desk{folder}").mkdir()
        for n in range(1000):
            (root / f"desk{folder}" / f"article-with-a-long-name-{n:05d}.txt").write_text("")
    return root


def held_after(walk, count: int) -> int:
    """Return the bytes held (traced) by ``walk``'s iterator once it has given ``count`` items, kept by none."""
    gc.collect()
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        items = iter(walk())
        for _ in range(count):
            next(items)
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - start  # the iterator still running
    finally:
        tracemalloc.stop()


def test_walking_one_folder_keeps_nothing_per_file(archive):
    def walk():
        return targets([str(archive)], lambda path: False)

    few, many = held_after(walk, 1000), held_after(walk, 6000)
    # A set of the files seen would hold ~150 bytes for each of the 5,000 more.
    assert many - few < 100_000, (few, many)


def test_several_paths_still_give_each_file_once(archive):
    one = str(archive / "desk0" / "article-with-a-long-name-00003.txt")
    found = [t.path for t in targets([one, str(archive / "desk0"), one], lambda path: False)]
    assert found[0] == one and len(found) == 1000 and len(set(found)) == 1000


def test_asking_each_files_configuration_keeps_nothing_per_file(archive):
    linter = Linter(entry_points=False)
    paths = [str(p) for p in sorted(archive.rglob("*.txt"))]

    def ask():
        for path in paths:
            yield linter.config_for(path)

    few, many = held_after(ask, 1000), held_after(ask, 6000)
    assert many - few < 150_000, (few, many)
