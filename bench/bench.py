"""Benchmark newslint against proselint: one short file with start-up, and a corpus.

    python bench/bench.py [CORPUS] [--runs N] [--repeat N] [--skip-proselint] [--in-process]
                          [--editable-only] [--short-only]

Prints, in one run and measured side by side (interleaved, so load on a shared machine
falls on both alike), the median wall-clock time and the median CPU time (user + system,
less disturbed by other processes) of:

* one short plain-text article (``bench/short-article.txt``) and one short Markdown file
  with front matter (``examples/clean.md``), whole process, every default rule, for
  newslint and ``proselint check``, with the floor under newslint's figure (the bare
  interpreter, and importing click and pluggy, in the same environment);
* the same short files handed to a warm daemon (``newslint daemon start``; the row
  "daemon"), whose CPU column counts the client only;
* the corpus (default ../shared/corpus/bbc), every default rule (all but grammar), with
  ``--jobs 1``, with ``--jobs 2``, and re-linted from a warm result cache, for newslint,
  and ``proselint check`` on the same directory.

Ratios are given against the same run's figures. Python modules are compiled to bytecode
first (``compileall``): an environment with PYTHONDONTWRITEBYTECODE would otherwise
recompile newslint on every start.

"newslint (wheel)" is what a user runs: the checkout built as a wheel and installed in a
temporary environment whose dependencies are this environment's (a ``.pth`` file points
at its site-packages), run from a temporary working directory. "newslint (editable)" is
this checkout as ``pip install -e .`` installed it: every start of that interpreter also
imports setuptools' editable finder (pathlib, fnmatch, urllib.parse), some 10-15 ms a
user does not pay. The corpus is linted by the wheel. ``--editable-only`` skips the wheel
(it needs setuptools to build it). ``--in-process`` adds the old in-process throughput
(fresh documents, no start-up, no disk). Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import site
import statistics
import subprocess
import sys
import tempfile
import time
import venv
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "bbc"
SHORT_FILES = (REPO / "bench" / "short-article.txt", REPO / "examples" / "clean.md")
NEWSLINT = [sys.executable, "-m", "newslint"]


def install_wheel(root: Path) -> str | None:
    """Build the checkout as a wheel and install it in a new environment under ``root``; return its Python.

    The environment has no pip; its dependencies are this environment's, reached through a
    ``.pth`` file (whose folders' own ``.pth`` files, the editable finder's, are not run).
    Returns None, saying why, when the wheel cannot be built.
    """
    wheels = root / "wheel"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(REPO)],
        capture_output=True,
        text=True,
    )
    shutil.rmtree(REPO / "build", ignore_errors=True)
    found = sorted(wheels.glob("newslint-*.whl"))
    if built.returncode != 0 or not found:
        print(f"the wheel could not be built (newslint (editable) only): {built.stderr.strip()[-300:]}")
        return None
    environment = root / "venv"
    venv.EnvBuilder(with_pip=False).create(environment)
    python = environment / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    with zipfile.ZipFile(found[0]) as wheel:  # a pure wheel: installing it is unpacking it
        wheel.extractall(purelib)
    Path(purelib, "bench-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    compileall.compile_dir(purelib, quiet=2)
    return str(python)


def timed(command: list[str], env: dict[str, str] | None = None, cwd: Path = REPO) -> tuple[float, float]:
    """Run ``command`` (output discarded); return its wall-clock and CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def side_by_side(
    commands: dict[str, list[str]],
    runs: int,
    env: dict[str, str],
    cwd: Path = REPO,
    envs: dict[str, dict[str, str]] | None = None,
) -> dict[str, tuple[float, float]]:
    """Time each command ``runs`` times, interleaved; return the median (wall, cpu) of each.

    ``envs`` gives some commands their own environment instead of ``env``.
    """
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            wall, cpu = timed(command, (envs or {}).get(name, env), cwd)
            walls[name].append(wall)
            cpus[name].append(cpu)
    return {name: (statistics.median(walls[name]), statistics.median(cpus[name])) for name in commands}


def show(title: str, figures: dict[str, tuple[float, float]], against: str | None, unit: str) -> None:
    """Print one table: each command's medians and its ratio to ``against``."""
    scale = 1000 if unit == "ms" else 1
    print(f"\n{title}")
    print(f"  {'':52} {'wall (median)':>14} {'cpu (median)':>13}   ratio to {against or '-'} (wall, cpu)")
    base = figures.get(against) if against else None
    for name, (wall, cpu) in figures.items():
        ratio = f"{wall / base[0]:.2f}x, {cpu / base[1]:.2f}x" if base and name != against else ""
        print(
            f"  {name:52} {wall * scale:11.{0 if unit == 'ms' else 2}f} {unit} {cpu * scale:10.{0 if unit == 'ms' else 2}f} {unit}   {ratio}"
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
    parser.add_argument("--editable-only", action="store_true", help="do not build and install a wheel")
    parser.add_argument("--short-only", action="store_true", help="only the short files, not the corpus")
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
    # No command may go through a daemon the user started, except the one row that should.
    env = {**{k: v for k, v in os.environ.items() if k != "CI"}, "NEWSLINT_NO_DAEMON": "1"}
    files = sum(1 for p in corpus.rglob("*") if p.suffix.lower() in (".txt", ".md", ".markdown"))
    print(
        f"{sys.implementation.name} {sys.version.split()[0]}, {os.cpu_count()} CPUs, load "
        f"{os.getloadavg()[0]:.1f}; corpus {corpus.name}: {files} files"
    )
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        # newslint's data cache of its own (filled by the warm-up runs): the figures do not
        # depend on what a developer's cache has gathered from other versions and tests.
        env["NEWSLINT_CACHE_DIR"] = str(work / "data-cache")
        wheel = None if args.editable_only else install_wheel(work)
        run_in = work / "cwd"  # not the checkout: -m newslint must find the installed package
        run_in.mkdir()
        installed = [wheel, "-m", "newslint"] if wheel else NEWSLINT
        name = "newslint (wheel)" if wheel else "newslint (editable)"
        daemon_env = {k: v for k, v in env.items() if k not in ("NEWSLINT_NO_DAEMON", "XDG_RUNTIME_DIR")}
        daemon_env["TMPDIR"] = str(work / "run")  # a daemon of its own, in a private folder
        (work / "run").mkdir(mode=0o700)
        started = subprocess.run([*installed, "daemon", "start"], env=daemon_env, cwd=run_in, capture_output=True)
        if started.returncode != 0:
            print(f"the daemon did not start: {started.stderr.decode().strip()}")
        for short in SHORT_FILES:
            commands = {f"{name} {short.name}": [*installed, "--no-cache", str(short)]}
            envs = {}
            if started.returncode == 0:
                commands[f"{name}, daemon {short.name}"] = [*installed, "--no-cache", str(short)]
                envs[f"{name}, daemon {short.name}"] = daemon_env
            if wheel:
                commands[f"newslint (editable) {short.name}"] = [*NEWSLINT, "--no-cache", str(short)]
            if proselint:
                commands[f"proselint check {short.name}"] = [proselint, "check", str(short)]
            if short == SHORT_FILES[0]:  # the floor, measured in the same environment
                python = installed[0]
                commands["floor: python -c pass"] = [python, "-c", "pass"]
                commands["floor: import click, pluggy"] = [python, "-c", "import click, pluggy"]
            for label, command in commands.items():  # warm the caches (compiled patterns, data)
                subprocess.run(
                    command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=envs.get(label, env), cwd=run_in
                )
            figures = side_by_side(commands, args.runs, env, run_in, envs)
            show(
                f"One short file, whole process ({args.runs} runs each)",
                figures,
                f"proselint check {short.name}" if proselint else None,
                "ms",
            )

        if started.returncode == 0:
            print("  (via the daemon: the cpu column is the client's alone; the daemon's child is not ours to count)")
            subprocess.run([*installed, "daemon", "stop"], env=daemon_env, cwd=run_in, capture_output=True)
        if args.short_only:
            return
        cache = work / "result-cache"
        lint = [*installed, "--date", "2005-01-01", "--cache-dir", str(cache)]
        subprocess.run([*lint, str(corpus)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=run_in)
        commands = {
            f"{name} --jobs 1": [*lint, "--no-cache", "--jobs", "1", str(corpus)],
            f"{name} --jobs 2": [*lint, "--no-cache", "--jobs", "2", str(corpus)],
            f"{name}, cached (unchanged)": [*lint, str(corpus)],
        }
        if proselint:
            commands["proselint check"] = [proselint, "check", str(corpus)]
        figures = side_by_side(commands, args.repeat, env, run_in)
    show(f"The corpus, whole process ({args.repeat} runs each)", figures, "proselint check" if proselint else None, "s")
    serial = figures[f"{name} --jobs 1"]
    print(
        f"  --jobs 2 / --jobs 1: {figures[f'{name} --jobs 2'][0] / serial[0]:.2f}x wall; "
        f"cached / --jobs 1: {figures[f'{name}, cached (unchanged)'][0] / serial[0]:.2f}x wall"
    )
    if proselint:
        pro = figures["proselint check"]
        print(f"  --jobs 1 is {pro[0] / serial[0]:.1f}x faster than proselint (wall), {pro[1] / serial[1]:.1f}x (cpu)")
    if args.in_process:
        in_process(corpus)


if __name__ == "__main__":
    main()
