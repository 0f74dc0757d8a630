"""Shared patterns for words and quotation marks, compiled once."""

from __future__ import annotations

import re

# A word: letters, with inner apostrophes (Iran's, don't, rock 'n') and hyphens joining
# letter runs (well-known). Digits and underscores are not letters.
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")

OPENING_DOUBLE = "“"
CLOSING_DOUBLE = "”"
OPENING_SINGLE = "‘"
CLOSING_SINGLE = "’"  # also the typographic apostrophe
CURLY_QUOTES = OPENING_DOUBLE + CLOSING_DOUBLE + OPENING_SINGLE + CLOSING_SINGLE
STRAIGHT_QUOTES = "\"'"

# Sentence-ending punctuation, and what may close around it.
TERMINAL = ".!?…"
CLOSERS = "\"'”’)]»"
