"""Linting one partition of articles: the unit of work, in this process or on a Dask worker."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from newslint.batch.io import Row, as_date
from newslint.errors import NewslintError
from newslint.finding import Finding

_LINTERS: dict[tuple[object, ...], Any] = {}  # one Linter per process and settings


@dataclass(frozen=True)
class Settings:
    """What every partition is linted with: the command line's Linter options."""

    config: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    date: _dt.date | None = None

    def linter(self) -> Any:
        """Return this process's Linter for these settings (built once, then reused)."""
        key = (self.config, self.select, self.ignore, self.date)
        found = _LINTERS.get(key)
        if found is None:
            from newslint.linter import Linter

            found = _LINTERS[key] = Linter(config=self.config, select=self.select, ignore=self.ignore, date=self.date)
        return found


@dataclass(frozen=True)
class PartResult:
    """The findings of one partition as output rows, and its rows that could not be linted."""

    number: int
    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    articles: int = 0


def finding_row(article: str, finding: Finding) -> dict[str, Any]:
    """Return one output row: the article id and the finding's fields (positions as in the JSON output)."""
    from newslint.formatters.json import as_dict

    row = {"id": article, **as_dict(finding), "start": finding.start, "end": finding.end}
    del row["path"]  # the article is named by its id
    return row


def lint_partition(settings: Settings, number: int, rows: list[Row]) -> PartResult:
    """Lint every article of one partition; a bad row becomes an error, the others go on."""
    linter = settings.linter()
    output: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for row in rows:
        fields = row.fields
        raw_id = fields.get("id")
        article = str(raw_id) if raw_id is not None and raw_id != "" else None
        try:
            if "_error" in fields:
                raise ValueError(fields["_error"])
            if article is None:
                raise ValueError("no id")
            text = fields.get("text")
            if text is None or text == "":
                text = fields.get("body")
            if not isinstance(text, str) or not text:
                raise ValueError("no text or body")
            form = fields.get("format") or None
            if form is not None and not isinstance(form, str):
                raise ValueError(f"format must be a name (text, markdown, html), not {form!r}")
            date = as_date(fields.get("date"))  # the article's own: as exact as front matter
            findings = linter.lint_text(text, format=form or "text", date=date, own_date=True)
        except (ValueError, NewslintError) as exc:
            errors.append({"row": row.number, "id": article, "error": str(exc)})
            continue
        output.extend(finding_row(article, f) for f in findings)
    return PartResult(number, output, errors, len(rows))
