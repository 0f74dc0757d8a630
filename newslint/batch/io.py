"""Reading article exports and writing findings, one partition at a time.

An export is JSON Lines (``.jsonl``, ``.ndjson``), CSV (``.csv``) or Parquet
(``.parquet``) with one article a row: ``id``, ``text`` (or ``body``), and optionally
``date`` (YYYY-MM-DD, or a date column in Parquet) and ``format`` (``text``, ``markdown``,
``html``). It is read as a stream of partitions of ``size`` rows, so memory holds one
partition whatever the size of the export; partition ``k`` is always rows
``k*size .. (k+1)*size - 1``, which is what lets an interrupted run resume.

Findings are written as one part file per partition (``part-00042.jsonl`` or
``.parquet``), each row an article id plus the finding's fields.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.errors import UsageError

INPUT_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet"}
OUTPUT_FORMATS = ("jsonl", "parquet")
_COLUMNS = ("id", "text", "body", "date", "format")


@dataclass(frozen=True)
class Row:
    """One input row as read: its 1-based number in the export and its fields."""

    number: int
    fields: dict[str, Any]


def input_format(path: str, given: str | None = None) -> str:
    """Return the input format named by ``given`` or implied by ``path``'s extension."""
    if given is not None:
        if given not in ("jsonl", "csv", "parquet"):
            raise UsageError(f"unknown input format {given!r} (jsonl, csv or parquet)")
        return given
    suffix = Path(path).suffix.lower()
    if suffix not in INPUT_FORMATS:
        raise UsageError(
            f"cannot tell the format of {path} from its extension: give --input-format (jsonl, csv or parquet)"
        )
    return INPUT_FORMATS[suffix]


def partitions(path: str, form: str, size: int) -> Iterator[list[Row]]:
    """Yield the export's rows in partitions of ``size`` (the last may be shorter)."""
    rows = {"jsonl": _jsonl_rows, "csv": _csv_rows, "parquet": _parquet_rows}[form](path, size)
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _jsonl_rows(path: str, size: int) -> Iterator[Row]:
    with open(path, encoding="utf-8", errors="surrogateescape") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except ValueError as exc:
                yield Row(number, {"_error": f"not valid JSON: {exc}"})
                continue
            yield Row(number, data if isinstance(data, dict) else {"_error": "not a JSON object"})


def _csv_rows(path: str, size: int) -> Iterator[Row]:
    import csv

    # An article is longer than the csv module's default field limit (128 KiB).
    csv.field_size_limit(2**31 - 1)
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as stream:
        reader = csv.DictReader(stream)
        for number, record in enumerate(reader, 1):
            if None in record:  # more cells than the header names
                yield Row(number, {"id": record.get("id"), "_error": "more cells than the header has columns"})
                continue
            yield Row(number, {k: v for k, v in record.items() if v is not None})


def _parquet_rows(path: str, size: int) -> Iterator[Row]:
    parquet = require("pyarrow.parquet")
    source = parquet.ParquetFile(path)
    columns = [name for name in source.schema_arrow.names if name in _COLUMNS]
    number = 0
    for batch in source.iter_batches(batch_size=size, columns=columns):
        for record in batch.to_pylist():
            number += 1
            yield Row(number, record)


def require(module: str) -> Any:
    """Import an optional module of the ``batch`` extra, or stop with how to install it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtra(
            f"newslint batch needs {module.split('.')[0]} for this ({exc.name or module} is not installed): "
            "pip install 'newslint[batch]'"
        ) from exc


class MissingExtra(UsageError):
    """An optional dependency of ``newslint batch`` is not installed."""


def part_name(number: int, form: str) -> str:
    """Return the file name of partition ``number``'s findings."""
    return f"part-{number:05d}.{form}"


def write_part(folder: Path, number: int, form: str, rows: list[dict[str, Any]], errors: list[dict[str, Any]]) -> None:
    """Write one partition's findings (and its row errors) atomically: a part is whole or absent."""
    from newslint.atomic import write_atomically

    if errors:
        text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors)
        write_atomically(folder / f"part-{number:05d}.errors.jsonl", text.encode("utf-8", "surrogatepass"))
    target = folder / part_name(number, form)
    if form == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        write_atomically(target, text.encode("utf-8", "surrogatepass"))
        return
    pyarrow = require("pyarrow")
    parquet = require("pyarrow.parquet")
    table = pyarrow.Table.from_pylist(rows, schema=_schema(pyarrow))
    temporary = folder / f".{target.name}.tmp{os.getpid()}"
    parquet.write_table(table, temporary)
    os.replace(temporary, target)


def _schema(pyarrow: Any) -> Any:
    fix = pyarrow.struct(
        [
            ("text", pyarrow.string()),
            ("line", pyarrow.int64()),
            ("column", pyarrow.int64()),
            ("end_line", pyarrow.int64()),
            ("end_column", pyarrow.int64()),
            ("safe", pyarrow.bool_()),
        ]
    )
    fields = [("id", pyarrow.string())]
    fields += [(name, pyarrow.int64()) for name in ("line", "column", "end_line", "end_column", "start", "end")]
    fields += [(name, pyarrow.string()) for name in ("code", "rule", "severity", "message")]
    return pyarrow.schema([*fields, ("fix", fix)])


def read_part(path: Path) -> list[dict[str, Any]]:
    """Return the finding rows of one part file (for tests and tools)."""
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    parquet = require("pyarrow.parquet")
    return parquet.read_table(path).to_pylist()


def as_date(value: Any) -> _dt.date | None:
    """Return a row's date (None when it has none), or raise ValueError for one that cannot be."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return (
                _dt.date.fromisoformat(text[:10])
                if len(text) >= 10 and text[10:11] in ("", "T", " ")
                else _dt.date.fromisoformat(text)
            )
        except ValueError:
            raise ValueError(f"impossible date {value!r} (YYYY-MM-DD)") from None
    raise ValueError(f"a date must be YYYY-MM-DD, not {type(value).__name__} {value!r}")
