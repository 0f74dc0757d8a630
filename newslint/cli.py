"""The ``newslint`` command: lint paths (the default), ``explain`` a rule, ``stats``."""

from __future__ import annotations

import datetime as _dt
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import click

from newslint import __version__, classcode, collector, patterns

# Before any of newslint's value classes is made: their methods' compiled code is reused;
# and the regular expressions markdown-it-py and PyYAML compile on import come from the cache.
classcode.install()
patterns.cache_library_patterns()


class _DefaultGroup(click.Group):
    """Treat ``newslint ARGS`` as ``newslint check ARGS`` unless ARGS names a subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Show the lint options with the commands: ``newslint PATHS`` is what people run."""
        formatter.write_usage(ctx.command_path, "[OPTIONS] [PATHS]...  |  COMMAND [ARGS]...")
        self.format_help_text(ctx, formatter)
        lint = self.commands["check"]
        lint.format_options(click.Context(lint, info_name=ctx.command_path, parent=ctx), formatter)
        self.format_commands(ctx, formatter)


def _split(values: Sequence[str]) -> list[str]:
    return [token.strip() for value in values for token in value.split(",") if token.strip()]


def _terminal(stream: object) -> bool:
    """Return whether ``stream`` is a terminal (a closed standard input is None: not one)."""
    return stream is not None and stream.isatty()  # type: ignore[attr-defined]


def _fail(message: str) -> NoReturn:
    click.echo(f"newslint: {message}", err=True)
    sys.exit(2)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """newslint: an editorial linter for news copy.

    Run `newslint PATHS...` to lint articles; `newslint explain RULE` documents a rule;
    `newslint server` is the language server for editors.
    """
    if click.get_current_context().invoked_subcommand != "check":
        collector.resume()  # check resumes it once its linter is built
    # A file name that is not valid UTF-8 (or a locale that cannot show a character)
    # must come out escaped, not end the run with a UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


FORMAT_HELP = (
    "Output format: concise (alias text; the default), full (with the source line), json, "
    "sarif (GitHub code scanning), github (Actions annotations), gitlab (Code Quality), junit, "
    "rdjson (reviewdog), or a plugin's."
)


def _color(flag: bool | None, stream: object) -> bool:
    """Return whether to colour: the flag, else NO_COLOR, else FORCE_COLOR, else a terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _output_format(name: str | None, show_source: bool) -> str:
    if not show_source:
        return name or "concise"
    if name not in (None, "full", "concise", "text"):
        _fail(f"--show-source shows the full text format; it cannot be combined with --format {name}")
    return "full"


@main.command("check")
# readable=False: an unreadable file is reported when it is read, one line, and the others
# are linted; click's own check would end the run with a usage error before any.
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--output-format", "--format", "output_format", metavar="FORMAT", help=FORMAT_HELP)
@click.option(
    "-o",
    "--output-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the findings to FILE (the summary still goes to the terminal).",
)
@click.option("--show-source", is_flag=True, help="Show the source line under each finding (--format full).")
@click.option("--select", multiple=True, help="Rules to run: codes, code prefixes or names (comma-separated).")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, code prefixes or names (comma-separated).")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Use this configuration file for every path.",
)
@click.option("--stdin-filename", help="Name (and so format) of the text read from standard input.")
@click.option(
    "--fail-on",
    type=click.Choice(["info", "warning", "error"]),
    help="Lowest severity that makes the exit status 1 [default: warning].",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (2 still means an error).")
@click.option(
    "--date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Article date (YYYY-MM-DD) where front matter gives none; title checks take it as roughly the date "
    "(undated-margin-days around it).",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Report only findings not recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Record every finding in this baseline file (keeping dismissals) and report none.",
)
@click.option("--statistics", is_flag=True, help="Print a count per rule instead of the findings.")
@click.option(
    "--summary/--no-summary", default=None, help="End with a one-line summary [default: text output on a terminal]."
)
@click.option("-q", "--quiet", is_flag=True, help="Print the findings only: no summary.")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text output [default: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it].",
)
@click.option(
    "--fix", is_flag=True, help="Apply every safe fix, then report what remains (stdin: fixed text to stdout)."
)
@click.option("--diff", is_flag=True, help="Print a unified diff of the safe fixes instead of writing them.")
@click.option("--fix-readonly", is_flag=True, help="With --fix, also rewrite read-only files (keeping their mode).")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes [default: the number of CPUs; 1 lints in this process].",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep the result cache here [default: .newslint_cache beside the configuration].",
)
@click.option("--list-rules", is_flag=True, help="List every rule and exit.")
@click.version_option(__version__, "--version", prog_name="newslint", message="%(prog)s %(version)s")
def check(
    paths: tuple[str, ...],
    output_format: str | None,
    output_file: Path | None,
    show_source: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    stdin_filename: str | None,
    fail_on: str | None,
    exit_zero: bool,
    date: _dt.datetime | None,
    baseline_path: Path | None,
    write_baseline: Path | None,
    statistics: bool,
    summary: bool | None,
    quiet: bool,
    color: bool | None,
    fix: bool,
    diff: bool,
    fix_readonly: bool,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
    list_rules: bool,
) -> None:
    """Lint articles (.txt, .md, .markdown, .html, .htm, and a plugin format's) in PATHS; `-` reads standard input."""
    from newslint.linter import usable_cpus
    from newslint.runner import Options, RunError, Runner

    options = Options(
        select=_split(select) if select else None,
        ignore=_split(ignore),
        config=config_path,
        stdin_filename=stdin_filename,
        fail_on=fail_on,
        date=date.date() if date else None,
        output_format=_output_format(output_format, show_source),
        color=_color(color, sys.stdout),
        fix=fix,
        diff=diff,
        fix_readonly=fix_readonly,
        stdin_implicit=not paths and not _terminal(sys.stdin),
        jobs=jobs or usable_cpus(),
        cache=not no_cache,
        cache_dir=cache_dir,
        output_file=output_file,
        statistics=statistics,
        exit_zero=exit_zero,
        quiet=quiet,
        summary=summary,
        baseline=baseline_path,
        write_baseline=write_baseline,
    )
    try:
        runner = Runner(options)
        collector.resume()
        if list_rules:
            runner.list_rules(sys.stdout)
            sys.exit(0)
        if not paths:
            paths = ("-",) if not _terminal(sys.stdin) else (".",)
        status = runner.run(list(paths), sys.stdout, sys.stderr)
    except RunError as exc:
        _fail(str(exc))
    sys.exit(status)


_LOCATION = re.compile(r"(.+?):(\d+)(?::(\d+))?:?")


@main.command("dismiss")
@click.argument("location", metavar="FILE:LINE[:COLUMN]")
@click.argument("rule", required=False)
@click.option("--reason", required=True, help="Why the finding is not a slip (kept in the baseline).")
@click.option(
    "--baseline",
    "baseline_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The baseline file to add it to (created if missing).",
)
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Use this configuration file."
)
@click.option(
    "--date", type=click.DateTime(formats=["%Y-%m-%d"]), help="Article date (YYYY-MM-DD) where front matter gives none."
)
def dismiss(
    location: str,
    rule: str | None,
    reason: str,
    baseline_path: Path,
    config_path: Path | None,
    date: _dt.datetime | None,
) -> None:
    """Record the finding at FILE:LINE[:COLUMN] (of RULE, a code or name) as dismissed.

    The article is not edited: the finding goes into the baseline file with the reason,
    and runs with --baseline no longer report it.
    """
    from newslint.runner import Options, RunError, Runner

    match = _LOCATION.fullmatch(location)
    if match is None:
        _fail(f"{location!r} is not FILE:LINE or FILE:LINE:COLUMN")
    path, line, column = match.group(1), int(match.group(2)), match.group(3)
    if not reason.strip():
        _fail("--reason must say why the finding is dismissed")
    try:
        runner = Runner(Options(config=config_path, date=date.date() if date else None))
        message = runner.dismiss(path, line, int(column) if column else None, rule, reason.strip(), baseline_path)
    except RunError as exc:
        _fail(str(exc))
    click.echo(f"newslint: {message}", err=True)


@main.command("explain")
@click.argument("rule")
def explain(rule: str) -> None:
    """Print a rule's documentation (by name or code)."""
    from newslint.runner import Options, RunError, Runner

    try:
        runner = Runner(Options())
        text = runner.explain(rule)
    except RunError as exc:
        _fail(str(exc))
    click.echo(text)


@main.command("stats")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A table, or a JSON array with one object per file.",
)
def stats(paths: tuple[str, ...], output_format: str) -> None:
    """Print word, sentence and paragraph counts and readability scores per article."""
    from newslint import stats as stats_module

    sys.exit(stats_module.run(paths, output_format, sys.stdout, sys.stderr, sys.stdin.buffer))


@main.command("batch")
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False))
@click.option(
    "--output",
    "-o",
    "output",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for the findings: one part file per partition, and the run's manifest.",
)
@click.option(
    "--input-format",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    help="Format of INPUT [default: from its extension].",
)
@click.option(
    "--output-format",
    type=click.Choice(["jsonl", "parquet"]),
    default="jsonl",
    show_default=True,
    help="Format of the part files.",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=500,
    show_default=True,
    help="Articles a partition (a part file, a Dask task).",
)
@click.option(
    "--dask", "dask_mode", type=click.Choice(["local"]), help="Run on a local Dask cluster (one worker process a CPU)."
)
@click.option("--scheduler", help="Run on the Dask cluster whose scheduler is at this address (tcp://host:8786).")
@click.option("--workers", type=click.IntRange(min=1), help="Workers of the --dask local cluster [default: the CPUs].")
@click.option("--select", multiple=True, help="Rules to run: codes, code prefixes or names (comma-separated).")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, code prefixes or names (comma-separated).")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Configuration file [default: the one for the working directory].",
)
@click.option(
    "--date", type=click.DateTime(formats=["%Y-%m-%d"]), help="Date for articles whose row gives none (YYYY-MM-DD)."
)
def batch(
    input_path: str,
    output: str,
    input_format: str | None,
    output_format: str,
    partition_size: int,
    dask_mode: str | None,
    scheduler: str | None,
    workers: int | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: str | None,
    date: _dt.datetime | None,
) -> None:
    """Lint an archive export (JSON Lines, CSV or Parquet: id, text or body, date, format).

    Findings go to OUTPUT as part files (JSON Lines or Parquet), one per partition of the
    input; running the same command again resumes, skipping the parts already written.
    Exit status: 0 when every row was linted, 1 when some rows could not be (each is
    reported), 2 when the run could not start.
    """
    from newslint.batch import BatchOptions, run_batch
    from newslint.batch.work import Settings
    from newslint.runner import RunError

    if dask_mode and scheduler:
        _fail("give --dask local or --scheduler, not both")
    settings = Settings(
        config=config_path,
        select=tuple(_split(select)) if select else None,
        ignore=tuple(_split(ignore)),
        date=date.date() if date else None,
    )
    options = BatchOptions(
        input_path,
        output,
        input_format,
        output_format,
        partition_size,
        "local" if dask_mode else scheduler,
        workers,
        settings,
    )
    try:
        summary = run_batch(options, sys.stderr)
    except RunError as exc:
        _fail(str(exc))
    skipped = f", {summary.skipped} already done" if summary.skipped else ""
    click.echo(
        f"newslint batch: {summary.articles} articles in {summary.partitions} partitions{skipped}: "
        f"{summary.findings} findings, {summary.errors} rows not linted",
        err=True,
    )
    sys.exit(1 if summary.errors else 0)


@main.command("server")
@click.option("--stdio", is_flag=True, help="Speak LSP on standard input and output (the default).")
@click.option("--tcp", metavar="HOST:PORT", help="Listen on a TCP address instead, for debugging.")
def server(stdio: bool, tcp: str | None) -> None:
    """Run the language server for editors (needs `pip install 'newslint[lsp]'`)."""
    from newslint.server import main as serve

    sys.exit(serve(None if stdio else tcp))


@main.group("daemon")
def daemon() -> None:
    """Keep a warmed newslint running, so each command skips start-up (POSIX only).

    While the daemon runs, `newslint` hands each command to it: the same output and exit
    status, in a fraction of the time. Set NEWSLINT_NO_DAEMON=1 to run a command without it.
    """


_IDLE_HELP = "Stop after this many seconds without a command [default: 3600]."


@daemon.command("start")
@click.option("--idle-timeout", type=click.FloatRange(min=1), default=3600.0, help=_IDLE_HELP)
def daemon_start(idle_timeout: float) -> None:
    """Start the daemon in the background (nothing happens if it runs already)."""
    from newslint.daemon.control import start
    from newslint.daemon.server import DaemonError

    try:
        click.echo(f"newslint: {start(idle_timeout)}", err=True)
    except DaemonError as exc:
        _fail(str(exc))


@daemon.command("stop")
def daemon_stop() -> None:
    """Stop the daemon."""
    from newslint.daemon.control import stop

    click.echo(f"newslint: {stop()}", err=True)


@daemon.command("status")
def daemon_status() -> None:
    """Say whether the daemon runs (exit status 0) or not (1)."""
    from newslint.daemon.control import status

    described = status()
    click.echo(f"newslint: {described or 'no daemon is running'}", err=True)
    sys.exit(0 if described else 1)


@daemon.command("serve")
@click.option("--idle-timeout", type=click.FloatRange(min=1), default=3600.0, help=_IDLE_HELP)
def daemon_serve(idle_timeout: float) -> None:
    """Run the daemon in the foreground (what `start` runs; for a service manager)."""
    from newslint.daemon.server import run

    sys.exit(run(main, idle_timeout))
