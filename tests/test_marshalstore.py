"""newslint.marshalstore: what runs keep between them, bounded by what they still use."""

from __future__ import annotations

import marshal
from pathlib import Path

from newslint.marshalstore import MarshalStore


def store(path: Path, max_entries: int) -> MarshalStore:
    return MarshalStore(lambda: path, max_entries)


def test_entries_of_earlier_runs_are_kept_under_the_bound(tmp_path):
    path = tmp_path / "kept.marshal"
    first = store(path, 10)
    first.put("a", 1)
    first.put("b", 2)
    first.save()
    second = store(path, 10)
    assert second.get("a") == 1 and second.get("z") is None
    second.put("c", 3)
    second.save()
    assert marshal.loads(path.read_bytes()) == {"a": 1, "b": 2, "c": 3}


def test_past_the_bound_only_what_this_run_used_is_kept(tmp_path):
    # A file full of entries no run reads any more (code since changed) must not be read
    # whole by every run: past the bound, the entries this run read and added remain.
    path = tmp_path / "kept.marshal"
    path.write_bytes(marshal.dumps({"old1": 1, "old2": 2, "read": 3}))
    run = store(path, 3)
    assert run.get("read") == 3
    run.put("added", 4)
    run.save()
    assert marshal.loads(path.read_bytes()) == {"read": 3, "added": 4}
    again = store(path, 3)
    assert again.get("read") == 3 and again.get("added") == 4


def test_a_run_that_adds_nothing_writes_nothing(tmp_path):
    path = tmp_path / "kept.marshal"
    path.write_bytes(marshal.dumps({"a": 1}))
    before = path.stat().st_mtime_ns
    run = store(path, 1)
    assert run.get("a") == 1
    run.save()
    assert path.stat().st_mtime_ns == before
