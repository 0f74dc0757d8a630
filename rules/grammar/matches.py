"""What both grammar engines share: a match, the paragraphs they check, and the finding it becomes.

An engine (LanguageTool over HTTP, Harper in process) checks the prose text of a
paragraph and answers with ``Match`` values in code points of that text; ``violation``
maps one back to the file through ``Paragraph.span``, so positions are exact whatever
markup, character references or line endings stood in between.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.finding import Fix, Violation
from newslint.parsers.model import FRAGMENT_KINDS, STAND_IN

if TYPE_CHECKING:
    from newslint.document import Document, Paragraph

_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Match:
    """One engine finding, in code points local to the text that was checked."""

    start: int
    end: int
    rule_id: str
    message: str
    replacement: str | None = None

    def shifted(self, by: int) -> Match:
        """Return the match moved ``by`` code points to the left."""
        return Match(self.start - by, self.end - by, self.rule_id, self.message, self.replacement)


def checked_paragraphs(document: Document) -> list[Paragraph]:
    """Return the paragraphs an engine checks: prose with a letter in it, no table cells.

    An engine would flag a table cell's missing capitals and verbs.
    """
    return [p for p in document.paragraphs if p.kind not in FRAGMENT_KINDS and _LETTER.search(p.text)]


def violation(document: Document, paragraph: Paragraph, match: Match) -> Violation | None:
    """Return the finding for one match on ``paragraph``, or None where it covers a stand-in."""
    # Inline code or an autolink stood there: nothing to correct.
    if STAND_IN in paragraph.text[match.start : match.end]:
        return None
    start, end = paragraph.span(match.start, match.end)
    fix = None
    # Offer the replacement only where the span is the prose itself: across Markdown
    # markup (`*`, `[`...) replacing the file's text would delete the markup too.
    if match.replacement is not None and document.as_written(paragraph, match.start, match.end):
        fix = Fix(start, end, match.replacement, safe=False)
    return Violation(start, end, f"[{match.rule_id}] {match.message}", fix)
