"""newslint batch: every input and output format, resuming, bad rows, and a real Dask cluster."""

from __future__ import annotations

import csv
import datetime as _dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import Linter
from newslint.batch import BatchOptions, run_batch
from newslint.batch.io import read_part
from newslint.batch.work import Settings
from newslint.errors import UsageError

from .articles import articles

pyarrow = pytest.importorskip("pyarrow")
parquet = pytest.importorskip("pyarrow.parquet")

SETTINGS = Settings(date=_dt.date(2005, 1, 1))


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def write_csv(path: Path, rows: list[dict[str, object]], text_column: str = "text") -> Path:
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, ["id", text_column, "date", "format"])
        writer.writeheader()
        for row in rows:
            writer.writerow({"id": row["id"], text_column: row["text"], "date": row["date"], "format": row["format"]})
    return path


def write_parquet(path: Path, rows: list[dict[str, object]]) -> Path:
    table = pyarrow.Table.from_pylist([{**r, "date": _dt.date.fromisoformat(str(r["date"]))} for r in rows])
    parquet.write_table(table, path, row_group_size=17)
    return path


def findings_of(folder: Path) -> list[dict[str, object]]:
    """Return every finding row of an output folder, in partition order."""
    parts = sorted(p for p in folder.glob("part-*") if not p.name.endswith(".errors.jsonl"))
    return [row for part in parts for row in read_part(part)]


def serial_expectation(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Lint each article with the Linter directly, as a batch run should, in input order."""
    from newslint.batch.work import finding_row

    linter = Linter(date=_dt.date(2005, 1, 1))
    expected = []
    for row in rows:
        date = _dt.date.fromisoformat(str(row["date"]))
        for finding in linter.lint_text(str(row["text"]), format=str(row["format"]), date=date, own_date=True):
            expected.append(finding_row(str(row["id"]), finding))
    return expected


ROWS = articles(60)


def test_the_generated_articles_have_findings_to_compare():
    # Guards the other tests: equal empty lists would prove nothing.
    expected = serial_expectation(ROWS)
    assert len(expected) >= 20
    assert {"NL204", "NL205"} <= {row["code"] for row in expected}


@pytest.mark.parametrize(
    "writer, name", [(write_jsonl, "in.jsonl"), (write_csv, "in.csv"), (write_parquet, "in.parquet")]
)
@pytest.mark.parametrize("output_format", ["jsonl", "parquet"])
def test_each_input_and_output_format_gives_the_linter_findings(tmp_path, writer, name, output_format):
    source = writer(tmp_path / name, ROWS)
    out = tmp_path / "out"
    summary = run_batch(
        BatchOptions(str(source), str(out), output_format=output_format, partition_size=7, settings=SETTINGS)
    )
    assert summary.articles == 60 and summary.partitions == 9 and summary.errors == 0
    assert len(list(out.glob(f"part-*.{output_format}"))) == 9
    assert findings_of(out) == serial_expectation(ROWS)


def test_a_csv_export_with_a_body_column(tmp_path):
    source = write_csv(tmp_path / "in.csv", ROWS[:10], text_column="body")
    run_batch(BatchOptions(str(source), str(tmp_path / "out"), settings=SETTINGS))
    assert findings_of(tmp_path / "out") == serial_expectation(ROWS[:10])


def test_each_article_is_checked_at_its_own_date(tmp_path):
    # Tony Blair was UK prime minister from 1997 to 2007: "Prime Minister Tony Blair" is right
    # in 2004 and wrong (he had left office) in 2015.
    text = "Visit to the port\n\nPrime Minister Tony Blair opened the new terminal on Monday.\n"
    rows = [{"id": "then", "text": text, "date": "2004-05-01"}, {"id": "later", "text": text, "date": "2015-05-01"}]
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    run_batch(BatchOptions(str(source), str(tmp_path / "out"), settings=Settings(select=("title-mismatch",))))
    assert [row["id"] for row in findings_of(tmp_path / "out")] == ["later"]


def test_a_rows_date_is_exact_not_rough(tmp_path):
    # Boris Johnson left office as UK prime minister on 2022-09-06. A row's date is the
    # article's own, as exact as front matter: nine months later the title is stale,
    # although a run-wide --date, taken as roughly the date (365 days either side),
    # would let it pass; a month before the handover it is right.
    text = "Prime Minister Boris Johnson opened the new terminal on Monday.\n"
    rows = [{"id": "before", "text": text, "date": "2022-08-01"}, {"id": "after", "text": text, "date": "2023-06-01"}]
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    run_batch(BatchOptions(str(source), str(tmp_path / "out"), settings=Settings(select=("title-mismatch",))))
    assert [row["id"] for row in findings_of(tmp_path / "out")] == ["after"]
    rough = Linter(select=["title-mismatch"]).lint_text(text, date=_dt.date(2023, 6, 1))
    assert rough == []


def test_bad_rows_are_reported_one_by_one_and_the_others_are_linted(tmp_path):
    good = ROWS[:4]
    lines = [
        json.dumps(good[0]),
        json.dumps({"id": "no-text", "date": "2004-01-02"}),
        json.dumps({**good[1], "id": "bad-date", "date": "2005-02-30"}),
        "{not json",
        json.dumps({**good[2], "id": "bad-format", "format": "docx"}),
        json.dumps({"text": "A text without an id."}),
        json.dumps(good[3]),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = tmp_path / "err.txt"
    with open(err, "w", encoding="utf-8") as stream:
        summary = run_batch(
            BatchOptions(str(source), str(tmp_path / "out"), partition_size=3, settings=SETTINGS), stream
        )
    assert summary.errors == 5 and summary.articles == 7
    messages = err.read_text(encoding="utf-8").splitlines()
    assert len(messages) == 5
    assert "row 2 (id no-text): no text or body" in messages[0]
    assert "row 3 (id bad-date): impossible date '2005-02-30'" in messages[1]
    assert "row 4: not valid JSON" in messages[2]
    assert "row 5 (id bad-format): unknown input format 'docx'" in messages[3]
    assert "row 6: no id" in messages[4]
    recorded = [
        json.loads(line)
        for p in sorted((tmp_path / "out").glob("*.errors.jsonl"))
        for line in p.read_text(encoding="utf-8").splitlines()
    ]
    assert [(e["row"], e["id"]) for e in recorded] == [
        (2, "no-text"),
        (3, "bad-date"),
        (4, None),
        (5, "bad-format"),
        (6, None),
    ]
    assert findings_of(tmp_path / "out") == serial_expectation([good[0], good[3]])


def test_an_interrupted_run_resumes_where_it_stopped(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", ROWS)
    out = tmp_path / "out"
    run_batch(BatchOptions(str(source), str(out), partition_size=10, settings=SETTINGS))
    complete = findings_of(out)
    # An interruption: two parts never written, and a half-written temporary file left behind.
    (out / "part-00002.jsonl").unlink()
    (out / "part-00005.jsonl").unlink()
    (out / ".part-00005.jsonl.tmp123").write_text('{"id": "a00', encoding="utf-8")
    summary = run_batch(BatchOptions(str(source), str(out), partition_size=10, settings=SETTINGS))
    assert (summary.partitions, summary.skipped, summary.articles) == (2, 4, 20)
    assert findings_of(out) == complete


def test_a_folder_of_another_run_is_refused(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", ROWS[:5])
    out = tmp_path / "out"
    run_batch(BatchOptions(str(source), str(out), partition_size=2, settings=SETTINGS))
    with pytest.raises(UsageError, match="another partition_size"):
        run_batch(BatchOptions(str(source), str(out), partition_size=3, settings=SETTINGS))
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UsageError, match="not empty"):
        run_batch(BatchOptions(str(source), str(tmp_path / "other"), settings=SETTINGS))


def test_the_command_line(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", ROWS[:12])
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newslint",
            "batch",
            str(source),
            "--output",
            str(tmp_path / "out"),
            "--partition-size",
            "5",
            "--date",
            "2005-01-01",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "12 articles in 3 partitions" in result.stderr
    assert findings_of(tmp_path / "out") == serial_expectation(ROWS[:12])
    missing = subprocess.run(
        [sys.executable, "-m", "newslint", "batch", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "o2")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_without_the_extra_the_command_says_how_to_install_it(tmp_path):
    # A real interpreter in which pyarrow and distributed cannot be imported (a path entry
    # that shadows them with modules raising ImportError, as an uninstalled package would).
    blocker = tmp_path / "blocked"
    blocker.mkdir()
    for name in ("pyarrow", "distributed", "dask"):
        (blocker / f"{name}.py").write_text("raise ImportError('not installed', name=__name__)\n")
    source = write_jsonl(tmp_path / "in.jsonl", ROWS[:3])
    env = {"PYTHONPATH": str(blocker)}
    for extra in (["--output-format", "parquet"], ["--dask", "local"]):
        result = subprocess.run(
            [sys.executable, "-m", "newslint", "batch", str(source), "-o", str(tmp_path / "o"), *extra],
            capture_output=True,
            text=True,
            timeout=120,
            env={**__import__("os").environ, **env},
        )
        assert result.returncode == 2, result.stderr
        assert "pip install 'newslint[batch]'" in result.stderr
        assert "Traceback" not in result.stderr


# Run in a child process: importing dask and distributed installs importlib_metadata's
# finder on sys.meta_path, which would change what other tests of this session see.
_ON_A_CLUSTER = """
import datetime, json, sys
import distributed
from newslint.batch import BatchOptions, run_batch
from newslint.batch.work import Settings

source, out = sys.argv[1], sys.argv[2]
with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
    options = BatchOptions(source, out, output_format="parquet", partition_size=25,
                           scheduler=cluster.scheduler_address, settings=Settings(date=datetime.date(2005, 1, 1)))
    summary = run_batch(options)
    with distributed.Client(cluster) as client:
        # Each worker process built its own Linter: the partitions were linted there.
        workers = client.run(lambda: "newslint.batch.work" in sys.modules and bool(sys.modules["newslint.batch.work"]._LINTERS))
print(json.dumps({"partitions": summary.partitions, "articles": summary.articles, "workers": list(workers.values())}))
"""


def test_a_local_dask_cluster_gives_the_serial_findings(tmp_path):
    if importlib.util.find_spec("distributed") is None:  # not imported here: see _ON_A_CLUSTER
        pytest.skip("distributed is not installed")
    rows = articles(300, seed=11)
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    serial = tmp_path / "serial"
    run_batch(BatchOptions(str(source), str(serial), partition_size=25, settings=SETTINGS))
    # A real LocalCluster of two worker processes, as a cluster has.
    result = subprocess.run(
        [sys.executable, "-c", _ON_A_CLUSTER, str(source), str(tmp_path / "dask")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"partitions": 12, "articles": 300, "workers": [True, True]}
    assert findings_of(tmp_path / "dask") == findings_of(serial)
    assert len(findings_of(serial)) > 100


def test_the_command_line_on_a_local_cluster(tmp_path):
    if importlib.util.find_spec("distributed") is None:  # not imported here: see _ON_A_CLUSTER
        pytest.skip("distributed is not installed")
    rows = articles(80, seed=5)
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    command = [sys.executable, "-m", "newslint", "batch", str(source), "--date", "2005-01-01", "--partition-size", "20"]
    subprocess.run([*command, "-o", str(tmp_path / "serial")], capture_output=True, timeout=300, check=True)
    result = subprocess.run(
        [*command, "-o", str(tmp_path / "dask"), "--dask", "local", "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "80 articles in 4 partitions" in result.stderr
    assert findings_of(tmp_path / "dask") == findings_of(tmp_path / "serial") != []
