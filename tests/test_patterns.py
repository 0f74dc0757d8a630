"""newslint.patterns: a pattern compiled from the kept code is the pattern re.compile makes."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from newslint.marshalstore import MarshalStore

# Patterns of the shapes the rules use: groups by name, lookbehinds, classes, flags.
CASES = [
    (
        r"(?P<aux>[Hh]as|[Hh]ave)(?P<adverbs>(?:\s+(?:just|now))*)\s+(?P<participle>[a-z]+)(?![\w'’-])",
        0,
        "She has just resigned, and they have now left; he has gone.",
    ),
    (r"(?<![^\W\d_])(?:\d+|one|two|multi)-$", re.IGNORECASE, "a Multi-"),
    (r"[ABCÁÇÉŠŽ](?<![\w’'\-].)[^\W\d_]*", 0, "Ádám met Šefčovič and Bill in Zagreb; xAb"),
    (
        r"""(?P<phrase>
            [Yy]esterday
          | [Ll]ast\s+(?:night|week)
         )""",
        re.VERBOSE,
        "Yesterday it rained; last  week too.",
    ),
    (r"(?s)<!--(.*?)-->", 0, "a <!-- one\ntwo --> b <!--x-->"),
    (r"\bcolour\b", re.IGNORECASE | re.ASCII, "Colour, colours, COLOUR"),
]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """Return newslint.patterns with an empty store in a private cache directory."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    from newslint import patterns

    monkeypatch.setattr(patterns, "_kept", MarshalStore(patterns._path, patterns._MAX_ENTRIES))
    return patterns


def same(compiled: re.Pattern[str], pattern: str, flags: int, sample: str) -> None:
    expected = re.compile(pattern, flags)
    assert (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex) == (
        expected.pattern,
        expected.flags,
        expected.groups,
        expected.groupindex,
    )
    assert [m.span() for m in compiled.finditer(sample)] == [m.span() for m in expected.finditer(sample)]
    assert [m.groupdict() for m in compiled.finditer(sample)] == [m.groupdict() for m in expected.finditer(sample)]
    assert any(True for _ in expected.finditer(sample)), "a sample that matches nothing proves nothing"


@pytest.mark.parametrize("pattern, flags, sample", CASES)
def test_a_pattern_from_the_kept_code_matches_as_re_compile(fresh, tmp_path, pattern, flags, sample):
    same(fresh.compile(pattern, flags), pattern, flags, sample)  # compiled, and its code kept
    fresh._kept.save()
    assert list(tmp_path.glob("regex-*.marshal"))
    fresh._kept.stored = None  # as a new run: the code is read back from the file
    same(fresh.compile(pattern, flags), pattern, flags, sample)
    assert (pattern, int(flags)) in fresh._kept.stored


def test_a_damaged_store_is_ignored(fresh, tmp_path):
    pattern, flags, sample = CASES[0]
    fresh.compile(pattern, flags)
    fresh._kept.save()
    (path,) = tmp_path.glob("regex-*.marshal")
    path.write_bytes(b"\x00not marshal at all")
    fresh._kept.stored = None
    same(fresh.compile(pattern, flags), pattern, flags, sample)


def test_code_the_engine_rejects_falls_back_to_re(fresh):
    pattern, flags, sample = CASES[1]
    fresh._kept.stored = {(pattern, int(flags)): (int(flags), [1, 2, 3], 0, {}, (None,))}
    same(fresh.compile(pattern, flags), pattern, flags, sample)


def test_a_bad_pattern_raises_as_re_does(fresh):
    with pytest.raises(re.error):
        fresh.compile(r"(unclosed")


def test_a_second_run_compiles_from_the_store(tmp_path):
    # Two real processes: the first keeps the code at exit, the second finds it.
    script = (
        "import sys\nfrom newslint import patterns\npatterns.compile(r'(?P<w>\\w+)-(?P=w)')\n"
        "print(len(patterns._kept.stored), len(patterns._kept.new))\n"
    )
    env = {"NEWSLINT_CACHE_DIR": str(tmp_path), "PATH": ""}
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert first.stdout.split() == ["0", "1"], first.stderr
    assert second.stdout.split() == ["1", "0"], second.stderr
