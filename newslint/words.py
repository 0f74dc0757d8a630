"""Words in prose: the word pattern, shared by the document model and the rules."""

from __future__ import annotations

import re

# A word: letters, with inner apostrophes (Iran's, don't, rock 'n') and hyphens joining
# letter runs (well-known). Digits and underscores are not letters.
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
