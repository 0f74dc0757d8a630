"""``newslint stats``: the table, the JSON shape and bad paths."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newslint.cli import main

ARTICLE = (
    "Bridge to reopen\n\n"
    "The U.S. firm said the bridge would reopen on Monday. Work ran late.\n\n"
    "Mr. Jones, the mayor, said he was pleased.\n"
)
KEYS = {
    "path",
    "words",
    "sentences",
    "paragraphs",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "longest_sentence",
    "words_per_sentence",
}


def _write(tmp_path, name="a.txt", text=ARTICLE):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_json_shape_and_counts(tmp_path):
    path = _write(tmp_path)
    result = CliRunner().invoke(main, ["stats", "--format", "json", path])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert isinstance(data, list) and len(data) == 1
    row = data[0]
    assert set(row) == KEYS
    # Headline not counted; "U.S." and "Mr." do not end sentences: 3 sentences of
    # 10, 3 and 8 words, in 2 paragraphs.
    assert (row["path"], row["words"], row["sentences"], row["paragraphs"]) == (path, 21, 3, 2)
    assert row["longest_sentence"] == 10
    assert row["words_per_sentence"] == 7.0
    assert isinstance(row["flesch_reading_ease"], float) and isinstance(row["flesch_kincaid_grade"], float)


def test_table_is_aligned(tmp_path):
    first = _write(tmp_path, "a.txt")
    second = _write(tmp_path, "much-longer-name.md", "# Title\n\nOne short sentence here.\n")
    result = CliRunner().invoke(main, ["stats", first, second])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["path", "words", "sentences", "paragraphs", "ease", "grade", "fog", "longest"]
    assert len(lines) == 3
    # Numbers are right-aligned: every row ends at the same column.
    assert len({len(line) for line in lines}) == 1
    assert lines[2].startswith(second) and lines[2].split()[1:4] == ["4", "1", "1"]


def test_directory_expands_to_articles(tmp_path):
    _write(tmp_path, "a.txt")
    _write(tmp_path, "b.md")
    result = CliRunner().invoke(main, ["stats", "--format", "json", str(tmp_path)])
    assert [row["path"].rsplit("/", 1)[-1] for row in json.loads(result.output)] == ["a.txt", "b.md"]


def test_bad_path_reported_others_processed(tmp_path):
    good = _write(tmp_path)
    missing = str(tmp_path / "missing.txt")
    result = CliRunner().invoke(main, ["stats", "--format", "json", missing, good])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"newslint: {missing}: no such file or directory"
    assert [row["path"] for row in json.loads(result.stdout)] == [good]


def test_empty_article_scores_zero(tmp_path):
    path = _write(tmp_path, "empty.txt", "")
    row = json.loads(CliRunner().invoke(main, ["stats", "--format", "json", path]).stdout)[0]
    assert (row["words"], row["sentences"], row["flesch_kincaid_grade"]) == (0, 0, 0.0)
