"""``--fix`` and ``--diff`` with the built-in rules: what is written, and what is kept."""

from __future__ import annotations

import codecs
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.cli import main
from newslint.fixer import fix_text
from newslint.linter import Linter

SLIPS = "The council met on Monday.It agreed the the plan , and members voted."
FIXED = "The council met on Monday. It agreed the plan, and members voted."


def _run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_fix_keeps_bom_crlf_and_permissions(workdir):
    article = workdir / "a.txt"
    article.write_bytes(codecs.BOM_UTF8 + f"Council backs plan\r\n\r\n{SLIPS}\r\n".encode())
    os.chmod(article, 0o640)
    result = _run("--fix", "a.txt")
    assert result.exit_code == 0, result.output
    assert result.output == ""  # nothing remains to report
    assert article.read_bytes() == codecs.BOM_UTF8 + f"Council backs plan\r\n\r\n{FIXED}\r\n".encode()
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert sorted(p.name for p in workdir.iterdir()) == ["a.txt"]  # no temporary file left


def test_fix_keeps_utf16(workdir):
    article = workdir / "a.txt"
    article.write_bytes(codecs.BOM_UTF16_LE + f"{SLIPS}\n".encode("utf-16-le"))
    assert _run("--fix", "a.txt").exit_code == 0
    assert article.read_bytes() == codecs.BOM_UTF16_LE + f"{FIXED}\n".encode("utf-16-le")


def test_fix_never_touches_a_file_with_nothing_to_fix(workdir):
    clean = workdir / "clean.txt"
    clean.write_text("The council met on Monday. It agreed the plan.\n")
    unfixable = workdir / "quote.txt"
    # A lost opening mark: no safe fix. "It will not work," is 17 code points: the mark is 18.
    unfixable.write_text("It will not work,\u201d she said.\n")
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (clean, unfixable)}
    result = _run("--fix", "clean.txt", "quote.txt")
    assert result.exit_code == 1
    assert "quote.txt:1:18: NL101 [unbalanced-quote]" in result.output
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (clean, unfixable)} == before


def test_fix_reports_what_remains_and_exits_by_it(workdir):
    article = workdir / "a.txt"
    article.write_text(f"{SLIPS}\nIt will not work,\u201d she said.\n")
    result = _run("--fix", "--format", "json", "a.txt")
    assert result.exit_code == 1
    assert '"rule": "unbalanced-quote"' in result.output
    assert '"rule": "repeated-word"' not in result.output
    assert article.read_text() == f"{FIXED}\nIt will not work,\u201d she said.\n"


def test_diff_prints_the_fix_and_writes_nothing(workdir):
    article = workdir / "a.txt"
    article.write_text(f"{SLIPS}\n")
    result = _run("--diff", "a.txt")
    assert result.exit_code == 1
    assert result.output == (f"--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-{SLIPS}\n+{FIXED}\n")
    assert article.read_text() == f"{SLIPS}\n"
    assert _run("--diff", "a.txt").exit_code == 1  # still unfixed
    article.write_text(f"{FIXED}\n")
    assert _run("--diff", "a.txt").exit_code == 0


def test_diff_applies_with_git_and_keeps_the_bom(workdir):
    # A real git apply of what --diff prints, run on the folder as '.', must give what
    # --fix writes: with a byte-order mark on the first line and paths without './'.
    subprocess.run(["git", "init", "-q", str(workdir)], check=True)
    (workdir / "a.txt").write_bytes(codecs.BOM_UTF8 + f"Council backs plan\n\n{SLIPS}\n".encode())
    (workdir / "b.txt").write_text(f"{SLIPS}\n")
    diff = subprocess.run(
        [sys.executable, "-m", "newslint", "--diff", "."], capture_output=True, cwd=workdir, timeout=60
    )
    assert diff.returncode == 1 and diff.stderr == b""
    assert b"--- a/a.txt\n" in diff.stdout and b"./" not in diff.stdout
    (workdir / "p.diff").write_bytes(diff.stdout)
    applied = subprocess.run(["git", "apply", "p.diff"], capture_output=True, cwd=workdir)
    assert applied.returncode == 0, applied.stderr
    assert (workdir / "a.txt").read_bytes() == codecs.BOM_UTF8 + f"Council backs plan\n\n{FIXED}\n".encode()
    assert (workdir / "b.txt").read_text() == f"{FIXED}\n"


def test_diff_says_a_file_with_cr_line_ends_cannot_be_shown(workdir):
    (workdir / "cr.txt").write_bytes(f"Council backs plan\r{SLIPS}\r".encode())
    (workdir / "b.txt").write_text(f"{SLIPS}\n")
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "--diff", "cr.txt", "b.txt"], capture_output=True, cwd=workdir, timeout=60
    )
    assert result.stderr.decode() == (
        "newslint: cr.txt: its lines end in CR alone, which a unified diff cannot show; "
        "not shown (newslint --fix applies the fixes)\n"
    )
    assert result.stdout.decode() == f"--- a/b.txt\n+++ b/b.txt\n@@ -1 +1 @@\n-{SLIPS}\n+{FIXED}\n"
    assert result.returncode == 2
    assert (workdir / "cr.txt").read_bytes() == f"Council backs plan\r{SLIPS}\r".encode()  # nothing written


def test_fix_on_stdin_keeps_the_bom(workdir):
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "--fix", "-"],
        input=codecs.BOM_UTF8 + f"{SLIPS}\n".encode(),
        capture_output=True,
        cwd=workdir,
        timeout=60,
    )
    assert result.stdout == codecs.BOM_UTF8 + f"{FIXED}\n".encode()
    assert result.returncode == 0


def test_fix_on_stdin_writes_the_fixed_text_to_stdout(workdir):
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "--fix", "-", "--stdin-filename", "draft.txt"],
        input=f"{SLIPS}\nIt will not work,\u201d she said.\n".encode(),
        capture_output=True,
        cwd=workdir,
        timeout=60,
    )
    assert result.stdout.decode() == f"{FIXED}\nIt will not work,\u201d she said.\n"
    assert result.stderr.decode().startswith("draft.txt:2:18: NL101 [unbalanced-quote]")
    assert result.returncode == 1


def test_fix_in_markdown_leaves_markup_alone(workdir):
    article = workdir / "a.md"
    article.write_text("# Plan\n\nThe council met on *Monday*.It agreed the the `plan`.\n")
    assert _run("--fix", "a.md").exit_code == 0
    assert article.read_text() == "# Plan\n\nThe council met on *Monday*. It agreed the `plan`.\n"


_RUNNER = None


def _lint(text: str):
    global _RUNNER
    if _RUNNER is None:
        _RUNNER = Linter()
    return _RUNNER.lint_text(text, "draft.txt")


# Fragments that trip the rules with safe fixes, joined at random.
FRAGMENTS = [
    "the the",
    "The the",
    "said.The",
    "said .",
    "plan ,",
    "again..",
    "riskier.\u201d.",
    'ok?".',
    "  ",
    " ",
    "\n",
    "\n\n",
    "\u201cQuote\u201d",
    '"Quote"',
    "Iran's",
    "Iran\u2019s",
    "word",
    "U.S.",
    "3.5",
    "bbc.co.uk",
    "\r\n",
    "\u2019",
    "'",
    '"',
    "\U0001f600",
]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25).map(" ".join))
def test_fixing_twice_changes_nothing_the_second_time(text):
    once = fix_text(text, _lint).text
    assert fix_text(once, _lint).text == once


# -- issue 9: --fix never loses a file ----------------------------------------------------

SLIPPED = b"It rained.Then it stopped.\n"
MENDED = b"It rained. Then it stopped.\n"

# Rules that change the file they lint, as an editor saving or a second newslint would
# between this run's read and its write: real code in the run, no mock of the writer.
EDITING_PLUGIN = '''
import os
from pathlib import Path

from newslint import hookimpl, rule


@rule("ZZ801", "append-behind-the-back", summary="Appends a line to the file it lints, once.")
def append(document, options):
    """Appends to the linted file when it holds APPEND-ME (a test of --fix)."""
    path = Path(document.path)
    if "APPEND-ME" in document.text and path.is_file():
        data = path.read_bytes()
        if b"appended" not in data:
            path.write_bytes(data + b"A line appended by someone else.\\n")
    return iter(())


@rule("ZZ802", "same-size-behind-the-back", summary="Changes one byte of the file it lints, keeping its mtime.")
def same_size(document, options):
    """Rewrites SAME-SIZE as SAME-SIZF in place and puts the modification time back."""
    path = Path(document.path)
    if "SAME-SIZE" in document.text and path.is_file():
        info = path.stat()
        data = path.read_bytes()
        if b"SAME-SIZE" in data:
            with open(path, "r+b") as handle:
                handle.write(data.replace(b"SAME-SIZE", b"SAME-SIZF"))
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    return iter(())


@hookimpl
def newslint_rules():
    return [append, same_size]
'''


@pytest.fixture(scope="module")
def editing_plugin(tmp_path_factory) -> Path:
    from conftest import install_plugin

    return install_plugin(tmp_path_factory.mktemp("editing"), "nleditingplugin", EDITING_PLUGIN)


def _fix(cwd: Path, *args: str, plugin: Path | None = None):
    from conftest import run_newslint

    result = run_newslint("--fix", *args, cwd=cwd, plugin=plugin)
    assert b"Traceback" not in result.stderr, result.stderr.decode()
    return result.returncode, result.stdout.decode(), result.stderr.decode().splitlines()


CHANGED = "changed after it was read; not fixed, the other change is kept (run newslint --fix again)"


def test_a_change_made_after_the_read_is_kept_not_overwritten(tmp_path, editing_plugin):
    article = tmp_path / "a.txt"
    article.write_bytes(b"It rained.Then it stopped. APPEND-ME\n")
    status, out, errors = _fix(tmp_path, "--select", "missing-space,ZZ801", "a.txt", plugin=editing_plugin)
    assert (status, errors) == (2, [f"newslint: a.txt: {CHANGED}"])
    assert out == "a.txt:1:4: NL201 [missing-space] missing space after the full stop: 'rained.Then'\n"
    assert article.read_bytes() == b"It rained.Then it stopped. APPEND-ME\nA line appended by someone else.\n"
    # Run again: now the fix goes in, on top of the other change.
    status, out, errors = _fix(tmp_path, "--select", "missing-space,ZZ801", "a.txt", plugin=editing_plugin)
    assert (status, out, errors) == (0, "", [])
    assert article.read_bytes() == b"It rained. Then it stopped. APPEND-ME\nA line appended by someone else.\n"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".newslint_cache")) == ["a.txt"]


def test_a_change_of_the_same_size_and_time_is_caught_by_the_hash(tmp_path, editing_plugin):
    article = tmp_path / "a.txt"
    article.write_bytes(b"It rained.Then it stopped. SAME-SIZE\n")
    status, _, errors = _fix(tmp_path, "--select", "missing-space,ZZ802", "a.txt", plugin=editing_plugin)
    assert (status, errors) == (2, [f"newslint: a.txt: {CHANGED}"])
    assert article.read_bytes() == b"It rained.Then it stopped. SAME-SIZF\n"


def test_fix_never_writes_through_a_symbolic_link(tmp_path):
    outside = tmp_path / "outside" / "real.txt"
    outside.parent.mkdir()
    outside.write_bytes(SLIPPED)
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "own.txt").write_bytes(SLIPPED)
    (tree / "link.txt").symlink_to(os.path.join("..", "outside", "real.txt"))
    (tree / "alias.txt").symlink_to("own.txt")
    status, out, errors = _fix(tmp_path, "--select", "missing-space", "tree")
    link_refused = "is a symbolic link; --fix does not write through links (name the file it points to)"
    assert status == 2
    assert errors == [
        f"newslint: {os.path.join('tree', 'alias.txt')}: {link_refused}",
        f"newslint: {os.path.join('tree', 'link.txt')}: {link_refused}",
    ]
    assert outside.read_bytes() == SLIPPED  # outside the named tree: untouched
    assert (tree / "own.txt").read_bytes() == MENDED  # fixed by its own name
    assert (tree / "link.txt").is_symlink() and (tree / "alias.txt").is_symlink()
    # Named on the command line, a link is still not written through.
    status, _, errors = _fix(tmp_path, "--select", "missing-space", os.path.join("tree", "link.txt"))
    assert (status, errors) == (2, [f"newslint: {os.path.join('tree', 'link.txt')}: {link_refused}"])
    assert outside.read_bytes() == SLIPPED


def test_fix_leaves_files_with_several_hard_links(tmp_path):
    first = tmp_path / "a.txt"
    first.write_bytes(SLIPPED)
    os.link(first, tmp_path / "b.txt")
    status, out, errors = _fix(tmp_path, "--select", "missing-space", "a.txt")
    assert (status, errors) == (2, ["newslint: a.txt: has 2 hard links, which a rewrite would break; not fixed"])
    assert "a.txt:1:4: NL201" in out
    assert first.read_bytes() == SLIPPED and os.path.samefile(first, tmp_path / "b.txt")


def test_fix_leaves_read_only_files_unless_asked(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(SLIPPED)
    article.chmod(0o444)
    status, _, errors = _fix(tmp_path, "--select", "missing-space", "a.txt")
    assert (status, errors) == (
        2,
        ["newslint: a.txt: is read-only; not fixed (--fix-readonly rewrites read-only files, keeping their mode)"],
    )
    assert article.read_bytes() == SLIPPED
    status, _, errors = _fix(tmp_path, "--fix-readonly", "--select", "missing-space", "a.txt")
    assert (status, errors) == (0, [])
    assert article.read_bytes() == MENDED and stat.S_IMODE(article.stat().st_mode) == 0o444


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file to another user")
def test_fix_keeps_the_owner_and_group(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(SLIPPED)
    os.chown(article, 65534, 65534)
    article.chmod(0o664)
    status, _, errors = _fix(tmp_path, "--select", "missing-space", "a.txt")
    assert (status, errors) == (0, [])
    info = article.stat()
    assert article.read_bytes() == MENDED
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o664)


def test_fix_refuses_a_file_it_would_take_from_its_owner(unprivileged):
    from hostile import public_file

    root, run = unprivileged
    if os.geteuid() != 0:
        pytest.skip("needs a file owned by another user: run as root")
    article = public_file(root / "shared" / "a.txt", SLIPPED)
    article.chmod(0o666)  # anyone may write it, but only root may give it back to root
    (root / "shared").chmod(0o777)
    result = run("--fix", "--select", "missing-space", os.path.join("shared", "a.txt"))
    assert result.stderr.decode().splitlines() == [
        f"newslint: {os.path.join('shared', 'a.txt')}: belongs to another user or group, "
        "which a rewrite by you would change; not fixed"
    ]
    assert result.returncode == 2
    assert article.read_bytes() == SLIPPED and article.stat().st_uid == 0
    assert sorted(p.name for p in (root / "shared").iterdir()) == ["a.txt"]  # no temporary file left
