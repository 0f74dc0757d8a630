"""newslint's language server: ``newslint server`` (``pip install 'newslint[lsp]'``).

``positions`` converts offsets to LSP positions in each encoding, ``documents`` keeps the
open documents, ``session`` owns the ``Linter``, ``actions`` builds the code actions'
edits, and ``server`` speaks the protocol with pygls. Only ``server`` imports pygls and
lsprotocol, and only this package imports ``server``, so newslint runs without them.
"""

from __future__ import annotations

import logging
import os
import sys


def main(tcp: str | None = None) -> int:
    """Run the language server on standard input and output, or on ``tcp`` (``HOST:PORT``)."""
    address = None
    if tcp is not None:
        host, _, port = tcp.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            print(f"newslint: --tcp takes HOST:PORT (such as 127.0.0.1:2087), not {tcp!r}", file=sys.stderr)
            return 2
        address = (host, int(port))
    try:
        from newslint.server.server import serve
    except ImportError as exc:
        print(
            f"newslint: the language server needs pygls and lsprotocol ({exc}); "
            "install them with: pip install 'newslint[lsp]'",
            file=sys.stderr,
        )
        return 2
    # Standard output carries the protocol: every log line goes to standard error, at the
    # level NEWSLINT_SERVER_LOG names (DEBUG shows every message pygls sends and receives).
    level = os.environ.get("NEWSLINT_SERVER_LOG", "WARNING").upper()
    logging.basicConfig(
        stream=sys.stderr,
        level=getattr(logging, level, logging.WARNING),
        format="newslint server: %(levelname)s: %(name)s: %(message)s",
    )
    return serve(address)
