"""The rules' word tables in rules/data: read as reviewers write them, kept in the data cache."""

from __future__ import annotations

from newslint import shipped
from newslint.words import brand_names, irregular_verbs


def test_irregular_verbs_map_participles_to_simple_pasts():
    verbs = irregular_verbs()
    assert verbs["begun"] == "began"
    assert verbs["bent"] == "bent"
    assert verbs["been"] == ""  # was or were, by its subject
    assert "walked" not in verbs  # regular verbs are not listed
    assert all(participle.islower() and " " not in participle for participle in verbs)


def test_brand_names_hold_both_shapes_and_nothing_from_the_comments():
    names = brand_names()
    assert {"PlayStation", "easyJet", "bioMérieux"} <= names
    assert not any(name.startswith("#") for name in names)
    assert "Brand" not in names and "Play" not in names


def test_a_table_keeps_its_rows_and_drops_comments_and_blank_lines(tmp_path, monkeypatch):
    (tmp_path / "t.txt").write_text("# a comment\n\nwalk walked  # trailing note\n run  ran \n", "utf-8")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(shipped, "data", lambda: tmp_path)
    assert shipped.table("t.txt") == (("walk", "walked"), ("run", "ran"))
    assert list((tmp_path / "cache").glob("table-t.txt-*"))  # kept for the next run
    assert shipped.table("t.txt") == (("walk", "walked"), ("run", "ran"))  # read back from the cache
    (tmp_path / "t.txt").write_text("go went\n", "utf-8")
    assert shipped.table("t.txt") == (("go", "went"),)  # a changed file is read again
