"""newslint.deletion: the finding repeated-word and repeated-phrase share, over a copy to delete."""

from __future__ import annotations

import pytest

from newslint.deletion import deletion
from newslint.document import Document
from newslint.finding import Fix, Violation


@pytest.mark.parametrize(
    ("text", "format", "kept_end", "start", "end", "expected"),
    [
        # (paragraph offsets of the kept copy's end and of the repeat) -> file offsets
        ("He said the the plan.", "text", 11, 12, 15, Violation(12, 15, "m", Fix(11, 15, ""))),
        ("He said the\r\nthe plan.", "text", 11, 13, 16, Violation(13, 16, "m", Fix(11, 16, ""))),
        # markup before the pair moves the offsets; an emoji is one code point
        ("😀 **Bold** said the the plan.", "markdown", 15, 16, 19, Violation(20, 23, "m", Fix(19, 23, ""))),
        # markup between the copies: the cut would break it, so no fix
        ("It was the *the* plan.", "markdown", 10, 11, 14, Violation(12, 15, "m", None)),
        # several copies: one span, one cut from the end of the copy kept
        ("We saw the the the plan.", "text", 10, 11, 18, Violation(11, 18, "m", Fix(10, 18, ""))),
    ],
)
def test_deletion(text: str, format: str, kept_end: int, start: int, end: int, expected: Violation) -> None:
    document = Document(text, f"a.{'md' if format == 'markdown' else 'txt'}", format=format)
    (paragraph,) = document.paragraphs
    assert deletion(document, paragraph, kept_end, start, end, "m") == expected
