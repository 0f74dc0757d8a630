"""The server's copy of each open document, and incremental edits applied to it exactly.

The server keeps its own copies rather than pygls' workspace, whose documents split
lines with ``str.splitlines`` (at U+2028, form feeds...) and so would apply an edit after
such a character on the wrong line. Edits are applied with ``LineMap``, which knows only
CR, LF and CRLF as line breaks, in the negotiated position encoding.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from newslint.server.positions import LineMap

# An edit as LSP sends it: ((start line, start character), (end line, end character))
# in the position encoding, or None for the whole text; and the new text.
Range = tuple[tuple[int, int], tuple[int, int]] | None

# Language ids an editor gives articles, and the input format each means; a file whose
# extension newslint knows is linted by its extension whatever its language id.
LANGUAGE_FORMATS = {"markdown": "markdown", "plaintext": "text", "text": "text", "html": "html"}


@dataclass(frozen=True)
class OpenDocument:
    """One document the client has open: its text as the client has it, and its version."""

    uri: str
    text: str
    version: int
    language_id: str = ""
    path: str | None = None  # the file system path of a ``file:`` URI

    def edited(self, changes: Iterable[tuple[Range, str]], version: int, encoding: str) -> OpenDocument:
        """Return the document after ``changes``, applied in order, at ``version``."""
        text = self.text
        for where, new in changes:
            if where is None:
                text = new
                continue
            lines = LineMap(text, encoding)
            (start_line, start_char), (end_line, end_char) = where
            start = lines.offset(start_line, start_char)
            end = max(start, lines.offset(end_line, end_char))
            text = text[:start] + new + text[end:]
        return replace(self, text=text, version=version)
