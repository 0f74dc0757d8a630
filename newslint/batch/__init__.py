"""``newslint batch``: lint an archive export (JSON Lines, CSV, Parquet), here or on Dask.

The export is read in partitions of ``partition_size`` rows (``newslint.batch.io``);
each partition is linted with the Linter API (``newslint.batch.work``) and its findings
written as one part file in the output folder, atomically. Serially, partitions are
linted one after another in this process; with Dask (``--dask local`` or
``--scheduler tcp://host:8786``) each partition is a ``distributed`` future, at most two
per worker thread in flight, and the parts are written here as they complete, so memory
stays bounded either way and the workers need no access to the input or output files.

Resuming: the output folder holds ``_newslint_batch.json`` (the input, partition size,
output format and settings of the run) and one part per finished partition. Run the same
command again and the partitions whose part exists are skipped; a folder made for
another input or other settings is refused rather than mixed.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

from newslint.batch.io import (
    OUTPUT_FORMATS,
    MissingExtra,
    Row,
    input_format,
    partitions,
    require,
    write_part,
)
from newslint.batch.work import PartResult, Settings, lint_partition
from newslint.errors import UsageError
from newslint.linter import usable_cpus

MANIFEST = "_newslint_batch.json"
DEFAULT_PARTITION_SIZE = 500

__all__ = ["BatchOptions", "BatchSummary", "MissingExtra", "run_batch"]


@dataclass(frozen=True)
class BatchOptions:
    """One batch run: where from, where to, how to split it and where to run it."""

    input: str
    output: str
    input_format: str | None = None
    output_format: str = "jsonl"
    partition_size: int = DEFAULT_PARTITION_SIZE
    scheduler: str | None = None  # a Dask scheduler address, or "local" for a LocalCluster
    workers: int | None = None  # LocalCluster workers (default: the CPUs)
    settings: Settings = Settings()


@dataclass(frozen=True)
class BatchSummary:
    """What a run did."""

    partitions: int = 0
    skipped: int = 0
    articles: int = 0
    findings: int = 0
    errors: int = 0


def run_batch(options: BatchOptions, err: TextIO = sys.stderr) -> BatchSummary:
    """Lint every article of the export into the output folder; return what was done.

    Raises ``UsageError`` (``MissingExtra`` for an uninstalled optional dependency) for
    a mistake that stops the run before it starts. Rows that cannot be linted are
    reported on ``err`` and in ``part-NNNNN.errors.jsonl``; the others go on.
    """
    if options.output_format not in OUTPUT_FORMATS:
        raise UsageError(f"unknown output format {options.output_format!r} (jsonl or parquet)")
    if options.partition_size < 1:
        raise UsageError("the partition size must be at least 1")
    form = input_format(options.input, options.input_format)
    if not os.path.isfile(options.input):
        raise UsageError(f"{options.input}: no such file")
    if "parquet" in (form, options.output_format):
        require("pyarrow.parquet")
    if options.scheduler is not None:
        require("distributed")
        require("dask")
    folder = Path(options.output)
    _claim(folder, _manifest(options, form))
    settings = options.settings
    settings.linter()  # a configuration mistake stops the run here, not in every partition
    done = {int(p.name[5:10]) for p in folder.glob(f"part-[0-9][0-9][0-9][0-9][0-9].{options.output_format}")}
    todo = (
        (n, rows) for n, rows in enumerate(partitions(options.input, form, options.partition_size)) if n not in done
    )
    totals = {"partitions": 0, "articles": 0, "findings": 0, "errors": 0}

    def finished(result: PartResult) -> None:
        write_part(folder, result.number, options.output_format, result.rows, result.errors)
        for error in result.errors:
            where = f"row {error['row']}" + (f" (id {error['id']})" if error.get("id") is not None else "")
            err.write(f"newslint batch: {options.input}: {where}: {error['error']}\n")
        totals["partitions"] += 1
        totals["articles"] += result.articles
        totals["findings"] += len(result.rows)
        totals["errors"] += len(result.errors)

    if options.scheduler is None:
        for number, rows in todo:
            finished(lint_partition(settings, number, rows))
    else:
        _on_dask(options, settings, todo, finished)
    return BatchSummary(totals["partitions"], len(done), totals["articles"], totals["findings"], totals["errors"])


def _on_dask(
    options: BatchOptions,
    settings: Settings,
    todo: Iterator[tuple[int, list[Row]]],
    finished: Callable[[PartResult], None],
) -> None:
    """Lint the partitions as Dask futures, a bounded number in flight, writing each as it completes."""
    distributed = require("distributed")
    cluster = None
    if options.scheduler == "local":
        cluster = distributed.LocalCluster(
            n_workers=options.workers or usable_cpus(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        client = distributed.Client(cluster)
    else:
        try:
            client = distributed.Client(options.scheduler, timeout="30s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {options.scheduler}: {exc}") from exc
    try:
        threads = max(1, sum(client.nthreads().values()))
        window = 2 * threads  # enough to keep every worker busy; no more partitions than that in memory
        pending = distributed.as_completed()
        in_flight = 0
        for number, rows in todo:
            pending.add(
                client.submit(
                    lint_partition, settings, number, rows, pure=False, key=f"newslint-part-{number}-{os.getpid()}"
                )
            )
            in_flight += 1
            if in_flight >= window:
                finished(next(pending).result())
                in_flight -= 1
        for future in pending:
            finished(future.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _manifest(options: BatchOptions, form: str) -> dict[str, Any]:
    from newslint import __version__

    source = os.stat(options.input)
    settings = asdict(options.settings)
    settings["date"] = None if options.settings.date is None else options.settings.date.isoformat()
    return {
        "input": os.path.abspath(options.input),
        "input_size": source.st_size,
        "input_mtime_ns": source.st_mtime_ns,
        "input_format": form,
        "partition_size": options.partition_size,
        "output_format": options.output_format,
        "settings": json.loads(json.dumps(settings)),
        "newslint": __version__,
    }


def _claim(folder: Path, manifest: dict[str, Any]) -> None:
    """Make ``folder`` this run's output, or check that it already is (to resume)."""
    from newslint.atomic import write_atomically

    path = folder / MANIFEST
    if folder.exists():
        if not folder.is_dir():
            raise UsageError(f"{folder}: the output must be a folder (it is a file)")
        if path.is_file():
            try:
                existing = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise UsageError(f"{path}: cannot read the run's manifest: {exc}") from exc
            if existing != manifest:
                changed = sorted(k for k in manifest if existing.get(k) != manifest[k])
                raise UsageError(
                    f"{folder} holds a run with another {', '.join(changed)}: "
                    "give a new --output folder, or delete this one to start again"
                )
            return
        if any(folder.iterdir()):
            raise UsageError(f"{folder} is not empty and holds no newslint batch run: give a new --output folder")
    folder.mkdir(parents=True, exist_ok=True)
    write_atomically(path, (json.dumps(manifest, indent=2) + "\n").encode("utf-8"))
