"""Generated articles for the batch tests: our own sentences, with slips put in by a seeded RNG."""

from __future__ import annotations

import datetime as _dt
import random

_SUBJECTS = [
    "The council",
    "A spokeswoman for the trust",
    "The harbour board",
    "Local traders",
    "The school's head teacher",
    "Residents of the estate",
    "The county's planning officer",
]
_VERBS = [
    "said the plan would go ahead",
    "asked for more time to study the figures",
    "welcomed the decision on Tuesday",
    "warned that the repairs would cost more than expected",
    "agreed to meet again next month",
    "published a report on the state of the roads",
]
_ENDINGS = [
    "after a long debate.",
    "despite objections from the opposition.",
    "in a statement.",
    "at a packed meeting in the town hall.",
    "before the summer recess.",
]
_SLIPS = [
    lambda s: s.replace(" the ", " the the ", 1),  # repeated word
    lambda s: s.replace(". ", ".", 1) if ". " in s else s + " TK",  # missing space, or a TK
    lambda s: s + " [CHECK FIGURES]",  # placeholder
    lambda s: s.replace("said", "said  ", 1),  # double space
]


def sentence(rng: random.Random) -> str:
    """Return one sentence of our own."""
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_ENDINGS)}"


def article(rng: random.Random, number: int) -> dict[str, object]:
    """Return one article row: id, text, date and format, with a slip in about half of them."""
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(2, 5))]
    if rng.random() < 0.5:
        at = rng.randrange(len(paragraphs))
        paragraphs[at] = rng.choice(_SLIPS)(paragraphs[at])
    form = rng.choice(["text", "markdown"])
    head = "Council decides on repairs"
    text = ("# " + head if form == "markdown" else head) + "\n\n" + "\n\n".join(paragraphs) + "\n"
    day = _dt.date(2004, 1, 1) + _dt.timedelta(days=rng.randrange(700))
    return {"id": f"a{number:04d}", "text": text, "date": day.isoformat(), "format": form}


def articles(count: int, seed: int = 7) -> list[dict[str, object]]:
    """Return ``count`` generated articles (the same ones for the same seed)."""
    rng = random.Random(seed)
    return [article(rng, number) for number in range(count)]
