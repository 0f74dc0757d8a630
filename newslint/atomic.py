"""Writing files in one rename, so that a reader never sees one half written.

``write_atomically`` is for newslint's own files (caches). ``rewrite`` is for ``--fix``:
it replaces an article only when the file is still exactly what was read, is a regular
file reached without a symbolic link, has one link and may be written, and it keeps the
file's mode, owner and group.
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.source import FileState


class WriteRefused(Exception):
    """``--fix`` left a file as it was; the message is one line saying why."""


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace (or create) the file at ``path`` with ``data`` in one rename.

    The data goes to a temporary file in the same directory, is flushed to disk and then
    renamed over the target, which keeps its permissions; a symlink is written through,
    not replaced. On any failure the temporary file is removed and the target is as it was.
    """
    import tempfile  # only when something is written

    target = os.path.realpath(path)
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None  # a new file: the temporary file's private mode is kept
    handle, temporary = tempfile.mkstemp(prefix=".newslint-", dir=os.path.dirname(target) or ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_READ = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


def _refusal(info: os.stat_result, expected: FileState, allow_readonly: bool, name: str, directory: int) -> str | None:
    """Return why the file as it is now must not be replaced, or None."""
    if stat.S_ISLNK(info.st_mode):
        return "is a symbolic link; --fix does not write through links (name the file it points to)"
    if not stat.S_ISREG(info.st_mode):
        return "is no longer a regular file; not fixed"
    if (info.st_dev, info.st_ino) != (expected.device, expected.inode):
        return "was replaced by another file after it was read; not fixed (run newslint --fix again)"
    if (info.st_size, info.st_mtime_ns) != (expected.size, expected.mtime_ns):
        return "changed after it was read; not fixed, the other change is kept (run newslint --fix again)"
    if info.st_nlink > 1:
        return f"has {info.st_nlink} hard links, which a rewrite would break; not fixed"
    if not info.st_mode & 0o222:
        if not allow_readonly:
            return "is read-only; not fixed (--fix-readonly rewrites read-only files, keeping their mode)"
    elif os.access in os.supports_dir_fd and not os.access(name, os.W_OK, dir_fd=directory):
        return "is not writable by you; not fixed"
    return None


def _unchanged(name: str, directory: int, expected: FileState) -> bool:
    """Return whether the file's bytes still hash to what was read."""
    from newslint.source import digest, read_limited

    descriptor = os.open(name, _READ, dir_fd=directory)
    try:
        info = os.fstat(descriptor)
        if (info.st_dev, info.st_ino, info.st_size) != (expected.device, expected.inode, expected.size):
            return False
        return digest(read_limited(descriptor, expected.size + 1)) == expected.digest
    finally:
        os.close(descriptor)


def rewrite(path: str, data: bytes, expected: FileState, *, allow_readonly: bool = False) -> None:
    """Replace the article at ``path`` with ``data``, if it is still the file that was read.

    Raises ``WriteRefused`` (the file untouched) when the file changed since ``expected``
    was taken (size, modification time or content hash), is a symbolic link or no
    longer a regular file, has several hard links, is read-only (unless
    ``allow_readonly``) or is not writable, or when its owner or group could not be
    kept. The last check of size, time and hash is made after the new content is safely
    on disk, just before the rename. ``OSError`` for any other failure to write.
    """
    import secrets  # only --fix writes articles

    folder, name = os.path.split(path)
    if not name:
        raise WriteRefused("is not a file name; not fixed")
    # Everything below goes through this descriptor, so the directory cannot be swapped
    # for a symbolic link somewhere else between the checks and the rename.
    directory = os.open(folder or ".", os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    temporary: str | None = None
    try:
        info = os.stat(name, dir_fd=directory, follow_symlinks=False)
        reason = _refusal(info, expected, allow_readonly, name, directory)
        if reason:
            raise WriteRefused(reason)
        for _ in range(100):
            candidate = f".{name}.newslint-{secrets.token_hex(4)}.tmp"
            try:
                handle = os.open(candidate, _CREATE, 0o600, dir_fd=directory)
            except FileExistsError:
                continue
            temporary = candidate
            break
        else:
            raise WriteRefused("no free temporary file name beside it; not fixed")
        try:
            _write_all(handle, data)
            written = os.fstat(handle)
            if (written.st_uid, written.st_gid) != (info.st_uid, info.st_gid):
                try:
                    os.fchown(handle, info.st_uid, info.st_gid)
                except PermissionError:
                    raise WriteRefused(
                        "belongs to another user or group, which a rewrite by you would change; not fixed"
                    ) from None
            # After fchown, which may clear set-id bits.
            os.fchmod(handle, stat.S_IMODE(info.st_mode))
            os.fsync(handle)
        finally:
            os.close(handle)
        now = os.stat(name, dir_fd=directory, follow_symlinks=False)
        reason = _refusal(now, expected, allow_readonly, name, directory)
        if reason is None and not _unchanged(name, directory, expected):
            reason = "changed after it was read; not fixed, the other change is kept (run newslint --fix again)"
        if reason:
            raise WriteRefused(reason)
        os.rename(temporary, name, src_dir_fd=directory, dst_dir_fd=directory)
        temporary = None
        try:
            os.fsync(directory)  # the rename itself reaches the disk
        except OSError:
            pass
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary, dir_fd=directory)
            except OSError:
                pass
        os.close(directory)


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]
