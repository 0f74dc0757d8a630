"""NL205 placeholder: newsroom placeholders and production notes left in the copy."""

from __future__ import annotations

import re
from typing import Any, Iterator, Mapping

from newslint.document import Document, Paragraph
from newslint.finding import Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule

# A bracketed note: [TK], [CHECK], [INSERT quote], [CONFIRM], [TBC], [XX],
# [EDITOR'S NOTE: ...], [Image by ...], [Photo: ...], [Picture: ...], [Credit ...].
# Notes about pictures need a marker after the keyword (by, :, credit, courtesy, the
# closing bracket), so that an insertion such as [photos of the scene] is not one.
_BRACKETED = re.compile(
    r"[\[{]\s*(?:"
    r"(?:TK|TKTK|TBC|TBD|TBA|XX+|FIXME|TODO|HED|DEK|NB)\b"
    r"|(?:check|confirm|insert|fill|verify|add\s+(?:quote|link|name|figure|details?))\b"
    r"|(?:editor['’]?s?|ed\.?)\s*note\b|note\s*(?::|-|to\s)|credits?\b"
    r"|(?:image|photo|photograph|picture|pic|caption|graphic|chart|video|embed|link)s?"
    r"(?=\s*(?::|-|–|—|\||\]|}|by\b|credit|courtesy|via\b|from\b|©|here\b))"
    r")[^\[\]{}\n]*[\]}]",
    re.IGNORECASE,
)
# TK (to come), TKTK, TK TK: capitals only, never inside a word (TKO, Atkins), in
# quotation marks (a nickname: Tim 'TK' Kane), before a capitalised word (TK Maxx) or
# a hyphen or digit (TK-421).
_TK = re.compile(r"(?<![\w\[{\-'\"‘“])(?:TK(?:\s?TK)*|tktk)(?![\w\-\]}'\"’”])(?!\s+[A-Z][a-z])")
# XX, XXX as a number: attached to a currency sign, a unit, a percentage or digits.
_XX_NUMBER = re.compile(
    r"(?<![\w\[{])(?:[£$€]\s?[Xx]{2,}(?:[.,][Xx]+)*(?:m|bn|k|p)?"
    r"|X{2,}(?:[.,:]X+)*(?:%|m\b|bn\b|k\b|p\b|\s?(?:per\s?cent|percent|million|billion|thousand)\b))"
)
# XX, XXX standalone between lower-case words: 'killed XX people', 'on XX March'.
_XX_WORD = re.compile(r"(?<![\w\[{])X{2,}(?![\w\]}])")
_LOREM = re.compile(r"\blorem\s+ipsum\b", re.IGNORECASE)
_MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)
# A title or name takes XXX without being a placeholder: the film XXX, Super Bowl XXX.
_TITLE_NOUNS = frozenset("film movie album song single track game show series novel book magazine band the".split())


def _xx_is_placeholder(text: str, match: re.Match[str]) -> bool:
    """Judge a bare XX/XXX by its neighbours: a number slot, not a numeral or a title."""
    before = re.search(r"(\S+)\s+$", text[max(0, match.start() - 40) : match.start()])
    after = re.match(r"\s+(\S+)", text[match.end() : match.end() + 40])
    previous = before.group(1) if before else ""
    following = after.group(1).strip(".,;:!?\"')") if after else ""
    if following.lower().startswith("chromosome") or following in ("and", "or") and "XY" in text:
        return False
    if previous[:1].isupper() and previous.isalpha():
        return False  # Super Bowl XXX, Pope Pius XX, Vin Diesel's XXX
    if previous.lower() in _TITLE_NOUNS or previous.endswith((":", ",")):
        return False  # the film XXX; 'They are: XXX, Hellboy'
    if following in _MONTHS:
        return True  # on XX March
    return bool(following) and following[0].islower() and bool(previous) and previous[-1:].isalpha()


def _paragraph_violations(paragraph: Paragraph) -> Iterator[Violation]:
    text = paragraph.text
    taken: list[tuple[int, int]] = []

    def report(start: int, end: int, message: str) -> Iterator[Violation]:
        if any(a <= start < b for a, b in taken):
            return
        taken.append((start, end))
        a, b = paragraph.span(start, end)
        yield Violation(a, b, message)

    # Cheap substring tests first: most paragraphs hold no bracket and no filler.
    if "[" in text or "{" in text:
        for match in _BRACKETED.finditer(text):
            yield from report(match.start(), match.end(), f"production note left in the copy: '{match.group()}'")
    if "psum" in text or "PSUM" in text:
        for match in _LOREM.finditer(text):
            yield from report(match.start(), match.end(), f"filler text left in the copy: '{match.group()}'")
    if "TK" in text or "tktk" in text:
        for match in _TK.finditer(text):
            yield from report(match.start(), match.end(), f"placeholder left in the copy: '{match.group()}'")
    if "XX" in text or "xx" in text:
        for match in _XX_NUMBER.finditer(text):
            yield from report(match.start(), match.end(), f"placeholder left in the copy: '{match.group()}'")
        for match in _XX_WORD.finditer(text):
            if _xx_is_placeholder(text, match):
                yield from report(match.start(), match.end(), f"placeholder left in the copy: '{match.group()}'")


@rule(
    "NL205",
    "placeholder",
    summary="A placeholder (TK, XX, [CHECK], lorem ipsum) or production note left in the copy.",
    severity="error",
)
def placeholder(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Finds what a newsroom leaves in a draft to fill in later, in the prose:
    TK, TKTK and TK TK (to come); XX and XXX standing for a number (``killed XX
    people``, ``£XXm``, ``XX%``, ``on XX March``); bracketed notes (``[TK]``,
    ``[CHECK]``, ``[INSERT quote]``, ``[CONFIRM]``, ``[TBC]``, ``[XX]``,
    ``[EDITOR'S NOTE: ...]``, ``[Note: ...]``); picture credits and production notes
    pasted into the body (``[Image by ...]``, ``[Photo: ...]``, ``[Picture: ...]``,
    ``[Credit ...]``); and ``lorem ipsum``.

    It leaves alone TK inside a word or name (TKO, Atkins, TK Maxx), XX as a Roman
    numeral or a title (Super Bowl XXX, the film XXX, ``They are: XXX, Hellboy``), the
    XX chromosome, and editorial insertions in quotations (``he [Putin] said``,
    ``[the] decision``, ``[sic]``).

    Why it matters:
    A placeholder that reaches readers is an embarrassment and a correction; a
    picture credit pasted into the text reads as part of the story.

    Example:
    ``The fire killed XX people, police said [CHECK].``

    Use instead:
    Fill in the fact, or cut the sentence, before publication; move credits to the
    caption.

    Options:
    None.
    """
    for paragraph in document.paragraphs:
        yield from _paragraph_violations(paragraph)


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [placeholder]
