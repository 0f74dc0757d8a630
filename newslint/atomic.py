"""Writing a file in one rename, so that a reader never sees it half written."""

from __future__ import annotations

import os
import stat


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
