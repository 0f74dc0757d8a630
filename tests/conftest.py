"""Shared fixtures: a real third-party plugin, installed as a distribution on a path.

The built-in rules are being written elsewhere; tests of the core use this plugin's
rules instead, so they pass or fail on the core alone. The plugin is found the way
any installed plugin is: an ``entry_points.txt`` in a ``*.dist-info`` directory on
``sys.path`` (or ``PYTHONPATH`` for a subprocess), which importlib.metadata discovers.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parents[1]

# The property tests draw the same examples on every run ("default"), so that the suite,
# and CI, pass or fail on the code alone. `HYPOTHESIS_PROFILE=explore pytest ...` draws
# new ones (and more of them) to look for failures; a failure it finds is kept in
# .hypothesis/ and replayed, and belongs in a test table once understood.
settings.register_profile("default", derandomize=True)
settings.register_profile("explore", max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# A warm daemon the developer started must not run the suite's commands: every test
# runs newslint in its own process, except tests/test_daemon.py, which starts its own.
os.environ["NEWSLINT_NO_DAEMON"] = "1"

PLUGIN_SOURCE = '''
"""A test-only newslint plugin: rules that fire on made-up trigger words."""

import re

from newslint import Fix, Violation, hookimpl, rule


def _words(document, word):
    for match in re.finditer(rf"\\b{re.escape(word)}\\b", document.text):
        yield match.start(), match.end()


@rule("ZZ101", "flag-xyzzy", summary="Flags a trigger word.", options={"word": "xyzzy", "limit": 100})
def flag_xyzzy(document, options):
    """What it does:
    Flags the trigger word.

    Why it matters:
    Tests need a rule that fires.

    Example:
    xyzzy

    Use instead:
    Anything else.

    Options:
    word, limit.
    """
    for count, (start, end) in enumerate(_words(document, options["word"])):
        if count >= options["limit"]:
            break
        yield Violation(start, end, f"found {document.text[start:end]!r}", Fix(start, end, "magic"))


@rule("ZZ102", "flag-plugh", severity="error", summary="Flags another trigger word.")
def flag_plugh(document, options):
    """Flags 'plugh' in prose paragraphs, through paragraph spans."""
    for paragraph in document.paragraphs:
        for match in re.finditer(r"\\bplugh\\b", paragraph.text):
            start, end = paragraph.span(match.start(), match.end())
            yield Violation(start, end, "found plugh")


@rule("ZZ201", "note-frobnicate", severity="info", summary="Notes a third trigger word.")
def note_frobnicate(document, options):
    """Notes 'frobnicate'."""
    for start, end in _words(document, "frobnicate"):
        yield Violation(start, end, "found frobnicate")


@rule("ZZ301", "crash-on-kaboom", summary="Raises on a trigger word.")
def crash_on_kaboom(document, options):
    """Raises when the text holds 'kaboom'."""
    if "kaboom" in document.text:
        raise RuntimeError("deliberate test crash")
    return iter(())


@rule("ZZ302", "stray-span", summary="Reports a span past the end on a trigger word.")
def stray_span(document, options):
    """Reports a span beyond the text when it holds 'stray'."""
    if "stray" in document.text:
        yield Violation(0, len(document.text) + 5, "beyond the end")


@rule("ZZ900", "opt-in-sample", default=False, summary="An opt-in rule flagging 'optin'.")
def opt_in_sample(document, options):
    """Flags 'optin' when switched on."""
    for start, end in _words(document, "optin"):
        yield Violation(start, end, "found optin")


@hookimpl
def newslint_rules():
    return [flag_xyzzy, flag_plugh, note_frobnicate, crash_on_kaboom, stray_span, opt_in_sample]
'''


def install_plugin(directory: Path, module: str, source: str, dist: str | None = None) -> Path:
    """Write ``module.py`` and a ``dist-info`` declaring it in the ``newslint`` group."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    dist = dist or module
    info = directory / f"{dist}-0.1.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[newslint]\n{module} = {module}\n", encoding="utf-8")
    return directory


@pytest.fixture(scope="session")
def plugin_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding the test plugin as an installed distribution."""
    return install_plugin(tmp_path_factory.mktemp("site"), "nltestplugin", PLUGIN_SOURCE)


@pytest.fixture
def with_plugin(plugin_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the test plugin visible to in-process runs (CliRunner, Runner)."""
    monkeypatch.syspath_prepend(str(plugin_dir))
    return plugin_dir


def run_newslint(
    *args: str,
    cwd: Path | None = None,
    stdin: bytes | None = None,
    plugin: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m newslint`` in a subprocess, optionally with a plugin directory on the path."""
    environment = {**os.environ, **(env or {})}
    environment.pop("NO_COLOR", None)
    if plugin is not None:
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(plugin), environment.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        cwd=cwd,
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=environment,
        timeout=120,
    )


def run_on_terminal(*args: str, cwd: Path, plugin: Path | None = None, env: dict[str, str] | None = None) -> bytes:
    """Run ``python -m newslint`` with standard output on a pseudo-terminal; return what it showed.

    NO_COLOR and FORCE_COLOR are cleared unless ``env`` sets them. POSIX only.
    """
    import pty

    leader, follower = pty.openpty()
    environment = {**os.environ}
    for name in ("NO_COLOR", "FORCE_COLOR"):
        environment.pop(name, None)
    if plugin is not None:
        environment["PYTHONPATH"] = str(plugin)
    environment.update(env or {})
    process = subprocess.Popen(
        [sys.executable, "-m", "newslint", *args],
        cwd=cwd,
        stdout=follower,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=environment,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed when the process ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks)


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory):
    """Keep newslint's on-disk cache (knowledge base, Pyphen table) out of the user's home."""
    previous = os.environ.get("NEWSLINT_CACHE_DIR")
    os.environ["NEWSLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("newslint-cache"))
    yield
    if previous is None:
        os.environ.pop("NEWSLINT_CACHE_DIR", None)
    else:
        os.environ["NEWSLINT_CACHE_DIR"] = previous


# Linear time: a ratio measured side by side (see the rule tests' test_linear_time).


@pytest.fixture
def growth():
    """Return growth(rule, pattern): how much longer 400 KB of ``pattern`` takes than 100 KB.

    A ratio measured side by side in CPU time, never an absolute time (tests/timing.py):
    linear rules stay well under 6 (the ratio the tests allow), quadratic ones go towards 16.
    """
    from timing import growth_ratio

    from newslint.testing import run_rule

    def measure(rule: str, pattern: str) -> float:
        small = pattern * (100_000 // len(pattern))
        large = pattern * (400_000 // len(pattern))
        run_rule(rule, pattern)  # warm up: compiled patterns and loaded data are not growth
        return growth_ratio(lambda: run_rule(rule, small), lambda: run_rule(rule, large))

    return measure


# A tree any user may read, and newslint run in it as an unprivileged user (tests/hostile.py).
from hostile import unprivileged  # noqa: E402, F401 - a fixture
