"""Benchmark newslint: lint a directory in process, and time one short file with start-up.

    python bench/bench.py [DIRECTORY] [--select RULES] [--repeat N] [--startup-runs N]
                          [--compare-proselint]

DIRECTORY defaults to ../shared/corpus/bbc next to the repository. The in-process part
reads every article once, then lints fresh documents ``--repeat`` times with the default
rules (or ``--select``), so parsing and every rule are timed but disk reads are not.
Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "bbc"
SHORT_FILE = REPO / "examples" / "clean.md"


def lint_in_process(directory: Path, select: list[str] | None, repeat: int) -> None:
    """Lint every article under ``directory`` ``repeat`` times and print the rates."""
    from newslint import Linter
    from newslint.engine import ENGINE_CODES

    linter = Linter(select=select)
    sources = []
    for result in linter.read_paths([str(directory)]):
        if result.source is None:
            print(f"skipped {result.path}: {result.error}", file=sys.stderr)
        else:
            sources.append(result.source)
    if not sources:
        sys.exit(f"no articles under {directory}")
    size = sum(len(source.text.encode("utf-8")) for source in sources)
    active = linter.active_rules(str(directory / "x.txt"))
    runnable = [item for item in active if item.rule.code not in ENGINE_CODES]
    print(f"{len(sources)} files, {size / 1e6:.2f} MB, {len(runnable)} rules: "
          + ", ".join(item.rule.name for item in runnable))

    times, findings = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        findings = 0
        for source in sources:
            # lint_with: fresh documents every time, no memo of earlier runs.
            findings += len(linter.lint_with(source.text, runnable, path=source.path))
        times.append(time.perf_counter() - start)
    linter.close()
    best, median = min(times), statistics.median(times)
    print(f"lint x{repeat}: best {best:.3f} s, median {median:.3f} s, total {sum(times):.3f} s")
    print(f"  {len(sources) / best:,.0f} files/s, {size / 1e6 / best:.2f} MB/s (best run); {findings} findings")


def startup(runs: int) -> None:
    """Time ``python -m newslint`` on one short file, start-up included."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "newslint", str(SHORT_FILE)], cwd=REPO,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    print(f"one short file ({SHORT_FILE.name}) with start-up: median {statistics.median(times) * 1000:.0f} ms "
          f"over {runs} runs (min {min(times) * 1000:.0f} ms)")


def compare_proselint(directory: Path) -> None:
    """Time proselint on the same files, when it is installed."""
    command = shutil.which("proselint")
    if command is None:
        print("proselint is not installed (pip install proselint); comparison skipped")
        return
    files = [str(p) for p in sorted(directory.rglob("*")) if p.suffix.lower() in (".txt", ".md", ".markdown")]
    start = time.perf_counter()
    for chunk in range(0, len(files), 200):
        subprocess.run([command, *files[chunk : chunk + 200]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    print(f"proselint: {len(files)} files in {elapsed:.3f} s ({len(files) / elapsed:,.0f} files/s, start-up included)")


def main() -> None:
    """Parse arguments and run the benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--select", help="comma-separated rules (default: every default rule)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--startup-runs", type=int, default=7)
    parser.add_argument("--compare-proselint", action="store_true")
    args = parser.parse_args()
    directory = args.directory.resolve()
    if not directory.is_dir():
        sys.exit(f"no such directory: {directory}")
    select = [s.strip() for s in args.select.split(",") if s.strip()] if args.select else None
    lint_in_process(directory, select, args.repeat)
    if args.startup_runs > 0:
        startup(args.startup_runs)
    if args.compare_proselint:
        compare_proselint(directory)


if __name__ == "__main__":
    main()
