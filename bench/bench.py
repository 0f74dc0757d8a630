"""Benchmark newslint against proselint: one short file with start-up, and a corpus.

    python bench/bench.py [CORPUS] [--runs N] [--repeat N] [--skip-proselint] [--in-process]

Prints, in one run and measured side by side (interleaved, so load on a shared machine
falls on both alike), the median wall-clock time and the median CPU time (user + system,
less disturbed by other processes) of:

* one short plain-text article (``bench/short-article.txt``) and one short Markdown file
  with front matter (``examples/clean.md``), whole process, every default rule, for
  newslint and ``proselint check``;
* the corpus (default ../shared/corpus/bbc), every default rule (all but grammar), with
  ``--jobs 1``, with ``--jobs 2``, and re-linted from a warm result cache, for newslint,
  and ``proselint check`` on the same directory.

Ratios are given against the same run's figures. Python modules are compiled to bytecode
first (``compileall``): an environment with PYTHONDONTWRITEBYTECODE would otherwise
recompile newslint on every start. ``--in-process`` adds the old in-process throughput
(fresh documents, no start-up, no disk). Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "bbc"
SHORT_FILES = (REPO / "bench" / "short-article.txt", REPO / "examples" / "clean.md")
NEWSLINT = [sys.executable, "-m", "newslint"]


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run ``command`` (output discarded); return its wall-clock and CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=REPO)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def side_by_side(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Time each command ``runs`` times, interleaved; return the median (wall, cpu) of each."""
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            wall, cpu = timed(command, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    return {name: (statistics.median(walls[name]), statistics.median(cpus[name])) for name in commands}


def show(title: str, figures: dict[str, tuple[float, float]], against: str | None, unit: str) -> None:
    """Print one table: each command's medians and its ratio to ``against``."""
    scale = 1000 if unit == "ms" else 1
    print(f"\n{title}")
    print(f"  {'':34} {'wall (median)':>14} {'cpu (median)':>13}   ratio to {against or '-'} (wall, cpu)")
    base = figures.get(against) if against else None
    for name, (wall, cpu) in figures.items():
        ratio = f"{wall / base[0]:.2f}x, {cpu / base[1]:.2f}x" if base and name != against else ""
        print(
            f"  {name:34} {wall * scale:11.{0 if unit == 'ms' else 2}f} {unit} {cpu * scale:10.{0 if unit == 'ms' else 2}f} {unit}   {ratio}"
        )


def in_process(directory: Path) -> None:
    """Lint every article three times in this process (fresh documents, no disk) and print the best."""
    from newslint import Linter
    from newslint.engine import ENGINE_CODES

    linter = Linter()
    sources = [r.source for r in linter.read_paths([str(directory)]) if r.source is not None]
    active = [a for a in linter.active_rules(str(directory / "x.txt")) if a.rule.code not in ENGINE_CODES]
    times = []
    for _ in range(3):
        start = time.perf_counter()
        for source in sources:
            linter.lint_with(source.text, active, path=source.path)
        times.append(time.perf_counter() - start)
    print(
        f"\nin process, {len(sources)} files, {len(active)} rules: best {min(times):.2f} s, "
        f"median {statistics.median(times):.2f} s"
    )


def main() -> None:
    """Parse arguments and print the benchmark tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=15, help="runs of each short-file command")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each corpus command")
    parser.add_argument("--skip-proselint", action="store_true")
    parser.add_argument("--in-process", action="store_true")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        sys.exit(f"no such directory: {corpus}")
    import newslint

    compileall.compile_dir(str(Path(newslint.__file__).parent), quiet=2)
    import newslint.rules

    compileall.compile_dir(str(Path(newslint.rules.__file__).parent), quiet=2)
    beside = Path(sys.executable).parent / "proselint"  # the same environment, when not on PATH
    proselint = None if args.skip_proselint else shutil.which("proselint") or (str(beside) if beside.exists() else None)
    if proselint is None and not args.skip_proselint:
        print("proselint is not installed (pip install proselint): newslint only")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    files = sum(1 for p in corpus.rglob("*") if p.suffix.lower() in (".txt", ".md", ".markdown"))
    print(
        f"{sys.implementation.name} {sys.version.split()[0]}, {os.cpu_count()} CPUs, load "
        f"{os.getloadavg()[0]:.1f}; corpus {corpus.name}: {files} files"
    )

    for short in SHORT_FILES:
        commands = {f"newslint {short.name}": [*NEWSLINT, "--no-cache", str(short)]}
        if proselint:
            commands[f"proselint check {short.name}"] = [proselint, "check", str(short)]
        figures = side_by_side(commands, args.runs, env)
        show(
            f"One short file, whole process ({args.runs} runs each)",
            figures,
            f"proselint check {short.name}" if proselint else None,
            "ms",
        )

    with tempfile.TemporaryDirectory() as cache:
        lint = [*NEWSLINT, "--date", "2005-01-01", "--cache-dir", cache]
        subprocess.run([*lint, str(corpus)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        commands = {
            "newslint --jobs 1": [*lint, "--no-cache", "--jobs", "1", str(corpus)],
            "newslint --jobs 2": [*lint, "--no-cache", "--jobs", "2", str(corpus)],
            "newslint, cached (unchanged files)": [*lint, str(corpus)],
        }
        if proselint:
            commands["proselint check"] = [proselint, "check", str(corpus)]
        figures = side_by_side(commands, args.repeat, env)
    show(f"The corpus, whole process ({args.repeat} runs each)", figures, "proselint check" if proselint else None, "s")
    serial = figures["newslint --jobs 1"]
    print(
        f"  --jobs 2 / --jobs 1: {figures['newslint --jobs 2'][0] / serial[0]:.2f}x wall; "
        f"cached / --jobs 1: {figures['newslint, cached (unchanged files)'][0] / serial[0]:.2f}x wall"
    )
    if proselint:
        pro = figures["proselint check"]
        print(f"  --jobs 1 is {pro[0] / serial[0]:.1f}x faster than proselint (wall), {pro[1] / serial[1]:.1f}x (cpu)")
    if args.in_process:
        in_process(corpus)


if __name__ == "__main__":
    main()
