"""Bad input: each problem file gets one clear line on stderr, the rest are still linted."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import run_newslint

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
    text = "Headline\r\n\r\nThe \U0001F600 xyzzy here.\r\n"
    write_bytes(tmp_path / "le.txt", b"\xff\xfe" + text.encode("utf-16-le"))
    write_bytes(tmp_path / "be.md", b"\xfe\xff" + text.encode("utf-16-be"))
    write_bytes(tmp_path / "u8.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
    status, findings, errors = lint(tmp_path, plugin_dir, "le.txt", "be.md", "u8.txt")
    assert errors == [] and status == 1
    # column counts code points after the BOM: "The " + emoji + " " is 6 columns
    assert [(f["path"], f["line"], f["column"], f["end_column"]) for f in findings] == [
        ("be.md", 3, 7, 12), ("le.txt", 3, 7, 12), ("u8.txt", 3, 7, 12),
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
    assert errors == [f"newslint: big.txt: {size:,} bytes is over the 10,000,000-byte limit (max-file-size); not linted"]
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
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.rglob("*")
             if p.is_file() and ".newslint_cache" not in p.relative_to(tmp_path).parts}
    assert after == before


def test_permission_error_in_process(tmp_path, with_plugin, monkeypatch, good):
    """Where chmod cannot stop reading (root), make the open fail the way it would."""
    from click.testing import CliRunner

    from newslint import source
    from newslint.cli import main

    write_bytes(tmp_path / "locked.txt", b"xyzzy\n")
    real_open = open

    def guarded_open(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(source, "open", guarded_open, raising=False)
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
    assert result.stderr == f"newslint: {os.path.join('tree', 'locked')}: cannot list this directory: permission denied\n"
    assert [f["path"] for f in json.loads(result.stdout)] == ["good.txt", os.path.join("tree", "open", "seen.txt")]
