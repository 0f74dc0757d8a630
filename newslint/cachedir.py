"""Where newslint keeps what it caches, and the hash that names the entries.

Below both caches that use it: the data cache (``newslint.cache``) and the compiled
regular expressions (``newslint.patterns``), which the data cache itself compiles through.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def blake2b(data: bytes = b"", *, digest_size: int = 16) -> Any:
    """Return a BLAKE2b hash object (for cache keys and digests).

    ``hashlib`` loads OpenSSL when it is imported, a fiftieth of a short run; its
    ``blake2b`` is the built-in ``_blake2`` module's, taken from there when it exists.
    """
    try:
        from _blake2 import blake2b as make
    except ImportError:  # another Python implementation
        from hashlib import blake2b as make
    return make(data, digest_size=digest_size)


def directory() -> Path:
    """Return the cache directory: $NEWSLINT_CACHE_DIR, else $XDG_CACHE_HOME/newslint, else ~/.cache/newslint."""
    explicit = os.environ.get("NEWSLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"
