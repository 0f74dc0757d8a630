"""Reading dates: front matter, configuration and the knowledge base share one reader."""

from __future__ import annotations

import datetime as _dt
from typing import Any


def as_date(value: Any) -> _dt.date | None:
    """Return ``value`` as a date (a date, a datetime, or an ISO 8601 string), else None."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        for parse in (_dt.date.fromisoformat, lambda text: _dt.datetime.fromisoformat(text).date()):
            try:
                return parse(value.strip())
            except ValueError:
                continue
    return None
