"""newslint.spool: parts kept on disk and read back in path order or as they came."""

from __future__ import annotations

import io
import tracemalloc

from newslint.spool import Spool


def test_parts_come_back_sorted_by_path_ties_in_arrival_order():
    spool = Spool()
    for path, text in [("b.txt", "b1"), ("a.txt", "a1"), ("c.txt", "c1"), ("a.txt", "a2 ünïcode \ud800")]:
        spool.add(path, text)
    assert list(spool.parts()) == ["a1", "a2 ünïcode \ud800", "b1", "c1"]
    out = io.StringIO()
    spool.write_joined(out, ", ")
    assert out.getvalue() == "a1, a2 ünïcode \ud800, b1, c1"
    assert len(spool) == 4


def test_parts_in_arrival_order_when_not_by_path():
    spool = Spool(by_path=False)
    for path, text in [("b.txt", "b1"), ("a.txt", ""), ("c.txt", "c1")]:
        spool.add(path, text)
    assert list(spool.parts()) == ["b1", "", "c1"]
    spool.close()


def test_in_arrival_order_a_part_costs_a_few_bytes_of_memory():
    # A SARIF, GitLab, JUnit or rdjson run over an archive: one part a file, no path kept.
    spool = Spool(by_path=False)
    tracemalloc.start()
    try:
        for number in range(20_000):
            spool.add(f"archive/desk/article-with-a-long-name-{number:06d}.txt", "{}")
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert held < 20_000 * 24, held  # a path and a tuple a part would be ~150 bytes
    assert sum(1 for _ in spool.parts()) == 20_000
    spool.close()
