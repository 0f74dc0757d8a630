"""Bad input: each problem file gets one clear line on stderr, the rest are still linted."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_newslint
from hostile import newslint_run, public_file

ZZ = ["--select", "ZZ101", "--format", "json"]


def lint(tmp_path: Path, plugin: Path, *args: str):
    result = run_newslint(*ZZ, *args, cwd=tmp_path, plugin=plugin)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    findings = json.loads(result.stdout) if result.stdout.strip() else []
    return result.returncode, findings, stderr.splitlines()


def write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write_bytes(tmp_path / "good.txt", b"A good xyzzy.\n")


def test_binary_file(tmp_path, plugin_dir, good):
    write_bytes(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDRxyzzy")
    status, findings, errors = lint(tmp_path, plugin_dir, "photo.txt", "good.txt")
    assert status == 2
    assert errors == ["newslint: photo.txt: binary file (contains NUL bytes), not an article"]
    assert [f["path"] for f in findings] == ["good.txt"]


def test_invalid_utf8(tmp_path, plugin_dir, good):
    write_bytes(tmp_path / "latin1.txt", "First line.\nCaf\u00e9 xyzzy.\n".encode("latin-1"))
    status, findings, errors = lint(tmp_path, plugin_dir, "latin1.txt", "good.txt")
    assert status == 2
    assert errors == ["newslint: latin1.txt: not valid UTF-8: byte 0xe9 on line 2"]
    assert [f["path"] for f in findings] == ["good.txt"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path, plugin_dir, good):
    locked = write_bytes(tmp_path / "locked.txt", b"xyzzy\n")
    locked.chmod(0)
    try:
        status, findings, errors = lint(tmp_path, plugin_dir, "locked.txt", "good.txt")
    finally:
        locked.chmod(0o644)
    assert status == 2
    assert errors == ["newslint: locked.txt: permission denied"]
    assert [f["path"] for f in findings] == ["good.txt"]


def test_missing_path_and_broken_symlink(tmp_path, plugin_dir, good):
    (tmp_path / "dir").mkdir()
    os.symlink(tmp_path / "gone.md", tmp_path / "dir" / "link.md")
    write_bytes(tmp_path / "dir" / "ok.md", b"xyzzy\n")
    status, findings, errors = lint(tmp_path, plugin_dir, "missing.md", "dir", "good.txt")
    assert status == 2
    assert errors == [
        "newslint: missing.md: no such file or directory",
        f"newslint: {os.path.join('dir', 'link.md')}: no such file or directory",
    ]
    assert [f["path"] for f in findings] == [os.path.join("dir", "ok.md"), "good.txt"]


def test_empty_file_is_linted_cleanly(tmp_path, plugin_dir):
    write_bytes(tmp_path / "empty.md", b"")
    write_bytes(tmp_path / "bom-only.txt", b"\xef\xbb\xbf")
    status, findings, errors = lint(tmp_path, plugin_dir, "empty.md", "bom-only.txt")
    assert (status, findings, errors) == (0, [], [])


def test_directory_without_articles(tmp_path, plugin_dir, good):
    write_bytes(tmp_path / "assets" / "logo.png", b"\x89PNG")
    write_bytes(tmp_path / "assets" / ".hidden.md", b"xyzzy")
    status, findings, errors = lint(tmp_path, plugin_dir, "assets", "good.txt")
    assert status == 2
    assert errors == ["newslint: assets: no articles (.txt, .md, .markdown, .html, .htm) found in this directory"]
    assert [f["path"] for f in findings] == ["good.txt"]


def test_utf16_with_bom_is_read(tmp_path, plugin_dir):
    text = "Headline\r\n\r\nThe \U0001f600 xyzzy here.\r\n"
    write_bytes(tmp_path / "le.txt", b"\xff\xfe" + text.encode("utf-16-le"))
    write_bytes(tmp_path / "be.md", b"\xfe\xff" + text.encode("utf-16-be"))
    write_bytes(tmp_path / "u8.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
    status, findings, errors = lint(tmp_path, plugin_dir, "le.txt", "be.md", "u8.txt")
    assert errors == [] and status == 1
    # column counts code points after the BOM: "The " + emoji + " " is 6 columns
    assert [(f["path"], f["line"], f["column"], f["end_column"]) for f in findings] == [
        ("be.md", 3, 7, 12),
        ("le.txt", 3, 7, 12),
        ("u8.txt", 3, 7, 12),
    ]


def test_large_file_over_the_limit_then_allowed_by_config(tmp_path, plugin_dir, good):
    big = tmp_path / "big.txt"
    line = b"Words of filler copy that go on and on for a while in this file.\n"
    count = 50 * 1024 * 1024 // len(line) + 1
    with big.open("wb") as handle:
        handle.write(line * count)
        handle.write(b"The end xyzzy.\n")
    size = big.stat().st_size
    assert size > 50 * 1024 * 1024
    status, findings, errors = lint(tmp_path, plugin_dir, "big.txt", "good.txt")
    assert status == 2
    assert errors == [
        f"newslint: big.txt: {size:,} bytes is over the 10,000,000-byte limit (max-file-size); not linted"
    ]
    assert [f["path"] for f in findings] == ["good.txt"]

    (tmp_path / ".newslint.yaml").write_text("max-file-size: 100000000\n")
    status, findings, errors = lint(tmp_path, plugin_dir, "big.txt")
    assert errors == [] and status == 1
    assert [(f["line"], f["column"]) for f in findings] == [(count + 1, 9)]


def test_never_writes_to_the_files_it_lints(tmp_path, plugin_dir, good):
    write_bytes(tmp_path / "a.md", b"xyzzy with a safe fix on offer\r\n")
    write_bytes(tmp_path / "sub" / "b.txt", b"\xef\xbb\xbfxyzzy\n")
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.rglob("*") if p.is_file()}
    status, _, errors = lint(tmp_path, plugin_dir, ".")
    assert status == 1 and errors == []
    text_run = run_newslint("--select", "ZZ101", ".", cwd=tmp_path, plugin=plugin_dir)
    assert text_run.returncode == 1 and text_run.stdout.count(b"ZZ101") == 3
    # The result cache (.newslint_cache beside the configuration) is the only thing written.
    after = {
        p: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in tmp_path.rglob("*")
        if p.is_file() and ".newslint_cache" not in p.relative_to(tmp_path).parts
    }
    assert after == before


def test_permission_error_in_process(tmp_path, with_plugin, monkeypatch, good):
    """Where chmod cannot stop reading (root), make the open fail the way it would."""
    from click.testing import CliRunner

    from newslint.cli import main

    write_bytes(tmp_path / "locked.txt", b"xyzzy\n")
    real_open = os.open

    def guarded_open(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*ZZ, "locked.txt", "good.txt"])
    assert result.exit_code == 2
    assert result.stderr == "newslint: locked.txt: permission denied\n"
    assert [f["path"] for f in json.loads(result.stdout)] == ["good.txt"]


def test_file_name_that_is_not_utf8(tmp_path, plugin_dir):
    try:
        with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "wb") as handle:
            handle.write(b"A xyzzy.\n")
    except OSError:
        pytest.skip("this file system only takes UTF-8 names")
    # PYTHONIOENCODING gives strict UTF-8 output, as in an en_US.UTF-8 locale
    env = {"PYTHONIOENCODING": "utf-8"}
    text = run_newslint("--select", "ZZ101", ".", cwd=tmp_path, plugin=plugin_dir, env=env)
    assert b"Traceback" not in text.stderr
    assert text.stdout == os.path.join(".", "caf\\udce9.txt").encode() + b":1:3: ZZ101 [flag-xyzzy] found 'xyzzy'\n"
    as_json = run_newslint(*ZZ, ".", cwd=tmp_path, plugin=plugin_dir, env=env)
    (finding,) = json.loads(as_json.stdout)
    assert os.fsencode(finding["path"]) == os.path.join(b".", b"caf\xe9.txt")


def test_unlistable_directory_is_reported(tmp_path, with_plugin, monkeypatch, good):
    """A directory that cannot be listed gets a line on stderr; its siblings are linted."""
    from click.testing import CliRunner

    from newslint.cli import main

    write_bytes(tmp_path / "tree" / "locked" / "hidden.txt", b"xyzzy\n")
    write_bytes(tmp_path / "tree" / "open" / "seen.txt", b"xyzzy\n")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*ZZ, "tree", "good.txt"])
    assert result.exit_code == 2
    assert (
        result.stderr == f"newslint: {os.path.join('tree', 'locked')}: cannot list this directory: permission denied\n"
    )
    assert [f["path"] for f in json.loads(result.stdout)] == ["good.txt", os.path.join("tree", "open", "seen.txt")]


# -- issue 9: hostile input -------------------------------------------------------------

SLIP = b"It rained.Then it stopped.\n"  # missing-space (NL201) at 1:4, built in
BUILTIN = ["--select", "missing-space", "--format", "json"]


def _memory_capped() -> None:
    # On a newslint that reads a device to the end, fail with MemoryError instead of
    # taking the machine's memory with it.
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def _paths(result) -> list[str]:
    return [f["path"] for f in json.loads(result.stdout or b"[]")]


def _stderr(result) -> list[str]:
    text = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in text, text
    return text.splitlines()


def test_impossible_front_matter_date_is_reported_and_the_rest_linted(tmp_path):
    write_bytes(tmp_path / "a.md", b"---\ndate: 2025-02-30\n---\n\n" + SLIP)
    write_bytes(tmp_path / "b.txt", SLIP)
    result = newslint_run(*BUILTIN, "a.md", "b.txt", cwd=tmp_path)
    assert _stderr(result) == [
        "newslint: a.md: front matter date '2025-02-30' is not a date (YYYY-MM-DD); the run's date is used"
    ]
    assert result.returncode == 2
    # a.md is still linted (line 5, after the front matter), and so is the next file
    assert [(f["path"], f["line"], f["column"]) for f in json.loads(result.stdout)] == [
        ("a.md", 5, 4),
        ("b.txt", 1, 4),
    ]
    stats = newslint_run("stats", "--format", "json", "a.md", "b.txt", cwd=tmp_path)
    assert _stderr(stats) == [
        "newslint: a.md: front matter date '2025-02-30' is not a date (YYYY-MM-DD); the run's date is used"
    ]
    assert stats.returncode == 2
    assert [row["path"] for row in json.loads(stats.stdout)] == ["a.md", "b.txt"]


def test_a_file_of_nothing_but_marks_is_cut_off_per_rule_and_said(tmp_path):
    # 300 KB of brackets and quotation marks: every mark is a finding of three rules.
    # Each rule stops at its limit, which the run says on standard error (status 2);
    # the next file is linted in full.
    from newslint.engine import MAX_FINDINGS_PER_RULE

    write_bytes(tmp_path / "a.txt", '(["“'.encode() * 75_000)
    write_bytes(tmp_path / "b.txt", SLIP)
    result = newslint_run("--statistics", "a.txt", "b.txt", cwd=tmp_path)
    assert result.returncode == 2
    cut = [line for line in _stderr(result) if "stopped after" in line]
    assert [line.split(":")[1].strip() for line in cut] == ["a.txt"] * 3
    assert {line.split()[2] for line in cut} == {"unbalanced-quote", "unbalanced-bracket", "quote-style"}
    rows = [line.split() for line in result.stdout.decode().splitlines()]
    counts = {row[1]: int(row[0]) for row in rows if row and row[0].isdigit()}
    assert counts["NL101"] == counts["NL103"] == counts["NL203"] == MAX_FINDINGS_PER_RULE
    assert counts["NL201"] == 1  # b.txt's slip


@pytest.mark.parametrize(
    "front, problem",
    [
        (b"date: 2024-13-01\n", "front matter date '2024-13-01' is not a date (YYYY-MM-DD); the run's date is used"),
        (
            b"date: next Tuesday\n",
            "front matter date 'next Tuesday' is not a date (YYYY-MM-DD); the run's date is used",
        ),
        (
            b"title: [unclosed\n",
            "front matter is not valid YAML (line 3): expected ',' or ']', but got '<stream end>'; its fields are ignored",
        ),
    ],
)
def test_front_matter_that_cannot_be_used_is_said(tmp_path, front, problem):
    write_bytes(tmp_path / "a.md", b"---\n" + front + b"---\n\n" + SLIP)
    result = newslint_run(*BUILTIN, "a.md", cwd=tmp_path)
    assert (_stderr(result), result.returncode) == ([f"newslint: a.md: {problem}"], 2)
    assert [(f["line"], f["column"]) for f in json.loads(result.stdout)] == [(5, 4)]


def test_a_rule_between_two_rules_is_markdown_not_front_matter(tmp_path):
    # Not a mapping, so not front matter: the line between the rules is prose.
    write_bytes(tmp_path / "a.md", b"---\n" + SLIP + b"---\n")
    result = newslint_run(*BUILTIN, "a.md", cwd=tmp_path)
    assert (_stderr(result), result.returncode) == ([], 1)
    assert [(f["line"], f["column"]) for f in json.loads(result.stdout)] == [(2, 4)]


def test_impossible_date_in_the_configuration_is_a_configuration_error(tmp_path):
    write_bytes(tmp_path / ".newslint.yaml", b"select: [missing-space]\ndate: 2025-13-45\n")
    write_bytes(tmp_path / "b.txt", SLIP)
    result = newslint_run("b.txt", cwd=tmp_path)
    config = tmp_path / ".newslint.yaml"
    assert _stderr(result) == [f"newslint: {config}:2: date must be a date like 2025-06-19, not '2025-13-45'"]
    assert result.returncode == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_not_read(tmp_path):
    write_bytes(tmp_path / "folder" / "b.txt", SLIP)
    os.mkfifo(tmp_path / "folder" / "a.txt")
    result = newslint_run(*BUILTIN, "folder", cwd=tmp_path, timeout=60)
    assert _stderr(result) == [
        f"newslint: {os.path.join('folder', 'a.txt')}: not a regular file (a named pipe); not linted"
    ]
    assert result.returncode == 2
    assert _paths(result) == [os.path.join("folder", "b.txt")]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_link_to_a_device_is_not_read(tmp_path):
    write_bytes(tmp_path / "b.txt", SLIP)
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    result = newslint_run(*BUILTIN, ".", cwd=tmp_path, preexec=_memory_capped)
    assert _stderr(result) == [
        f"newslint: {os.path.join('.', 'zero.txt')}: not a regular file (a character device); not linted"
    ]
    assert result.returncode == 2
    assert _paths(result) == [os.path.join(".", "b.txt")]


def test_standard_input_is_read_only_up_to_the_limit(tmp_path):
    write_bytes(tmp_path / ".newslint.yaml", b"max-file-size: 1000\n")
    big = subprocess.run(
        [sys.executable, "-m", "newslint", *BUILTIN, "-"],
        cwd=tmp_path,
        input=SLIP * 200,
        capture_output=True,
        timeout=60,
    )
    assert _stderr(big) == [
        "newslint: -: more than 1,000 bytes on standard input is over the limit (max-file-size); not linted"
    ]
    assert big.returncode == 2
    small = subprocess.run(
        [sys.executable, "-m", "newslint", *BUILTIN, "-"],
        cwd=tmp_path,
        input=SLIP * 30,
        capture_output=True,
        timeout=60,
    )
    assert (_stderr(small), small.returncode, len(_paths(small))) == ([], 1, 30)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_an_endless_standard_input_stops_at_the_limit(tmp_path):
    with open("/dev/zero", "rb") as zero:
        result = newslint_run(*BUILTIN, "-", cwd=tmp_path, stdin=zero, preexec=_memory_capped)
    assert _stderr(result) == [
        "newslint: -: more than 10,000,000 bytes on standard input is over the limit (max-file-size); not linted"
    ]
    assert result.returncode == 2


def test_empty_standard_input_without_paths_is_not_a_pass(tmp_path):
    write_bytes(tmp_path / "b.txt", SLIP)
    implicit = newslint_run(*BUILTIN, cwd=tmp_path)  # stdin is /dev/null, as under cron
    assert _stderr(implicit) == [
        "newslint: no paths given and standard input is empty; nothing was linted "
        "(name files or directories, or - to read standard input)"
    ]
    assert implicit.returncode == 2
    explicit = newslint_run(*BUILTIN, "-", cwd=tmp_path)  # asked for: an empty article is clean
    assert (_stderr(explicit), explicit.returncode) == ([], 0)
    piped = subprocess.run(
        [sys.executable, "-m", "newslint", *BUILTIN], cwd=tmp_path, input=SLIP, capture_output=True, timeout=60
    )
    assert (_stderr(piped), piped.returncode, _paths(piped)) == ([], 1, ["-"])


# Markdown nested deeper than markdown-it's limit (20 levels): the rest is still prose.
SLIP_LINE = "It rained.Then it stopped.\n"
NESTED = {
    "list-markers": (
        "- - - - - - - - - - - x\n\n" + SLIP_LINE + "\n# A heading.With a slip\n",
        [(3, 4, "rained.Then"), (5, 5, "heading.With")],
    ),
    "quote-lines": (
        "> " * 21 + "deep\n" + "> " * 21 + SLIP_LINE + "\nAfter.Slip\n",
        [(2, 46, "rained.Then"), (4, 1, "After.Slip")],
    ),
    "lazy-continuation": (
        "> " * 20 + "deep\n" + SLIP_LINE + "\nAfter.Slip\n",
        [(2, 4, "rained.Then"), (4, 1, "After.Slip")],
    ),
    "indented-lists": ("".join("  " * i + "- item\n" for i in range(30)) + "\n" + SLIP_LINE, [(32, 4, "rained.Then")]),
}


@pytest.mark.parametrize("name", NESTED)
def test_markdown_nested_past_the_limit_loses_no_prose(name):
    from newslint import Linter

    text, expected = NESTED[name]
    findings = Linter(entry_points=False, select=["missing-space"]).lint_text(text, "a.md")
    assert [(f.line, f.column, text[f.start : f.end]) for f in findings] == expected


def test_text_nested_past_the_limit_is_read_with_its_markers():
    from newslint import Linter

    text = "> " * 25 + "It rained.Then it stopped.\n"
    [finding] = Linter(entry_points=False, select=["missing-space"]).lint_text(text, "a.md")
    assert (finding.line, finding.column, text[finding.start : finding.end]) == (1, 54, "rained.Then")


# -- as an unprivileged user ------------------------------------------------------------


def test_unreadable_files_and_directories_as_a_normal_user(unprivileged):
    root, run = unprivileged
    public_file(root / "good.txt", SLIP)
    public_file(root / "locked.txt", SLIP).chmod(0)
    public_file(root / "closed" / "inside.txt", SLIP)
    (root / "closed").chmod(0)
    public_file(root / "tree" / "ok.txt", SLIP)
    public_file(root / "tree" / "unlistable" / "hidden.txt", SLIP)
    (root / "tree" / "unlistable").chmod(0o311)  # may be entered, not listed
    public_file(root / "tree" / "unsearchable" / "seen.txt", SLIP)
    (root / "tree" / "unsearchable").chmod(0o744)  # may be listed, not entered
    result = run(*BUILTIN, "locked.txt", os.path.join("closed", "inside.txt"), "tree", "good.txt")
    unlistable = os.path.join("tree", "unlistable")
    assert sorted(_stderr(result)) == sorted(
        [
            "newslint: locked.txt: permission denied",
            f"newslint: {os.path.join('closed', 'inside.txt')}: permission denied",
            f"newslint: {unlistable}: cannot list this directory: permission denied",
            f"newslint: {os.path.join('tree', 'unsearchable', 'seen.txt')}: permission denied",
        ]
    )
    assert result.returncode == 2
    assert sorted(_paths(result)) == ["good.txt", os.path.join("tree", "ok.txt")]


# A house style the run cannot read: one line naming what could not be read, exit 2, no
# traceback. As with an unreadable .newslint.yaml, no file under it is linted: linting the
# desk without its house style would pass off a partial check as a whole one. Files
# elsewhere are still linted (see the test after this one).
_NEWS = "styles/config/vocabularies/News"
_RULE = b"extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [gizmo]\n"


@pytest.mark.parametrize(
    ("locked", "mode", "named", "problem"),
    [
        ("styles/House", 0o744, "styles/House/Gizmo.yml", "cannot read: permission denied"),  # listed, not entered
        ("styles/House", 0o311, "styles/House", "cannot read this style folder: permission denied"),  # not listed
        ("styles/House", 0o000, "styles/House", "cannot read this style folder: permission denied"),
        ("styles", 0o000, _NEWS, "cannot read: permission denied"),  # StylesPath
        (_NEWS, 0o744, f"{_NEWS}/accept.txt", "cannot read: permission denied"),
    ],
)
def test_an_unreadable_house_style_is_one_line_as_a_normal_user(unprivileged, locked, mode, named, problem):
    root, run = unprivileged
    desk = root / "desk"
    public_file(desk / ".vale.ini", b"StylesPath = styles\nVocab = News\n\n[*]\nBasedOnStyles = House\n")
    public_file(desk / "styles" / "House" / "Gizmo.yml", _RULE)
    public_file(desk / _NEWS / "accept.txt", b"Gizmo\n")
    public_file(desk / "a.txt", SLIP)
    (desk / locked).chmod(mode)
    result = run(*BUILTIN, "desk")
    lines = _stderr(result)
    assert lines[0] == f"newslint: {desk / named}: {problem}"
    # The walk of the desk may meet the locked folder too, and says so on a line of its own.
    assert all(line.startswith(f"newslint: {os.path.join('desk', locked)}: ") for line in lines[1:]), lines
    assert _paths(result) == []
    assert result.returncode == 2


def test_a_broken_configuration_stops_only_the_files_under_it(tmp_path):
    write_bytes(tmp_path / "desk" / ".newslint.yaml", b"rules:\n  long-sentence: {max-words: -5}\n")
    write_bytes(tmp_path / "desk" / "a.txt", SLIP)
    write_bytes(tmp_path / "desk" / "sub" / "b.txt", SLIP)
    write_bytes(tmp_path / "other" / "c.txt", SLIP)
    for jobs in ("1", "2"):
        result = newslint_run(*BUILTIN, "--jobs", jobs, "desk", "other", cwd=tmp_path)
        config = tmp_path / "desk" / ".newslint.yaml"
        # One line for the configuration, not one a file under it.
        assert _stderr(result) == [f"newslint: {config}:2: long-sentence.max-words must be at least 1, not -5"]
        assert _paths(result) == [os.path.join("other", "c.txt")]
        assert result.returncode == 2


@pytest.mark.parametrize("text", ["A\u00a0.", "He met J\u2009. Smith.", "U.S.A  \u2028.", '..B\x85."\u3000\x85.'])
def test_a_space_sentencex_cannot_take_is_no_crash(tmp_path, text):
    # sentencex 1.0 panics in Rust on these (found by the fuzzer): never a traceback.
    write_bytes(tmp_path / "a.txt", text.encode() + b"\n")
    result = newslint_run("--format", "json", "a.txt", cwd=tmp_path)
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr and "panicked" not in stderr, stderr
    assert result.returncode in (0, 1)
    assert "NL000" not in result.stdout.decode()
