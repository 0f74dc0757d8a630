"""NL205 placeholder: newsroom placeholders and production notes left in the copy."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from newslint import patterns
from newslint.document import Document, Paragraph
from newslint.finding import Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule
from newslint.words import MONTHS

# A bracketed note: [TK], [CHECK], [INSERT quote], [CONFIRM], [TBC], [XX],
# [EDITOR'S NOTE: ...], [Image by ...], [Photo: ...], [Picture: ...], [Credit ...].
# Notes about pictures need a marker after the keyword (by, :, credit, courtesy, the
# closing bracket), so that an insertion such as [photos of the scene] is not one.
_BRACKETED = patterns.compile(
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
# quotation marks (a nickname: Tim 'TK' Kane) or before a hyphen or digit (TK-421).
# Before a capitalised word it is judged in Python (said TK Mr Jones, but TK Maxx).
_TK = patterns.compile(r"(?<![\w\[{\-'\"‘“])(?:TK(?:[ \t\u00a0]?TK)*|tktk)(?![\w\-\]}'\"’”])")
_CAPITALISED_AFTER = patterns.compile(r"\s+([A-Z][a-z]+)")
_CAPITALISED_BEFORE = patterns.compile(r"(?:^|\s)[A-Z][a-z]+\s+$")
# Names written with TK: shops and firms (TK Maxx, TK Elevator).
_TK_NAMES = frozenset("Maxx Elevator".split())
# Developers' and editors' markers, in capitals as a word of their own: TODO, FIXME,
# TBC (to be confirmed). Not in quotation marks ('the "TODO" app') or compounds.
_MARKER = patterns.compile(r"(?<![\w\-'\"‘“./])(?:TODO|FIXME|TBC)(?![\w\-'\"’”/])")
# XX, XXX as a number: attached to a currency sign, a unit, a percentage or digits.
_XX_NUMBER = patterns.compile(
    r"(?<![\w\[{])(?:[£$€]\s?[Xx]{2,}(?:[.,][Xx]+)*(?:m|bn|k|p)?"
    r"|X{2,}(?:[.,:]X+)*(?:%|m\b|bn\b|k\b|p\b|\s?(?:per\s?cent|percent|million|billion|thousand)\b))"
)
# xx, xxx in lower case for a number, only before what counts or measures: 'killed xx
# people', 'xx per cent', 'xx%', 'in xx years'. Not in a domain (.xxx) or a word, and
# not a sign-off's kisses ('love you xx').
_XX_LOWER = patterns.compile(
    r"(?<![\w\[{.'\"‘“/@#\-])x{2,3}(?:%|(?=\s+(?:per\s?cent|percent|people|children|men|women|million|"
    r"billion|thousand|hundred|(?!(?:was|has|does|goes|says|his|its|this|thus|yes|plus|less|unless|"
    r"across|always|perhaps|whereas)\b)[a-z]{2,}s)\b))(?![\w\]}.'\"’”/\-])"
)
# XX, XXX standalone between lower-case words: 'killed XX people', 'on XX March'.
_XX_WORD = patterns.compile(r"(?<![\w\[{])X{2,}(?![\w\]}])")
_LOREM = patterns.compile(r"\blorem\s+ipsum\b", re.IGNORECASE)
_MONTHS = frozenset(MONTHS)
# A title or name takes XXX without being a placeholder: the film XXX, Super Bowl XXX.
_TITLE_NOUNS = frozenset("film movie album song single track game show series novel book magazine band sequel".split())
# A capitalised word before XX that is only a sentence's first word, not a name:
# 'About XX people', 'In XXX it rose'.
_SENTENCE_OPENERS = frozenset(
    """about in some since after before by until of for the a an only nearly almost around
    over under more less at on from with all another just than up to some several between
    almost""".split()
)


def _word_before(text: str, start: int) -> str | None:
    """Return the white-space-delimited word just before ``start`` (within 40 characters), or None."""
    before = re.search(r"(\S+)\s+$", text[max(0, start - 40) : start])
    return before.group(1) if before else None


def _xx_is_placeholder(text: str, match: re.Match[str]) -> bool:
    """Judge a bare XX/XXX by its neighbours: a number slot, not a numeral or a title."""
    previous = _word_before(text, match.start()) or ""
    after = re.match(r"\s+(\S+)", text[match.end() : match.end() + 40])
    following = after.group(1).strip(".,;:!?\"')") if after else ""
    if following.lower().startswith("chromosome") or following in ("and", "or") and "XY" in text:
        return False
    if previous in _MONTHS or following in _MONTHS:
        return True  # in December XXX, 11 September XXX: a year to come; on XX March
    name = re.sub(r"['’]s?$", "", previous)
    if name[:1].isupper() and name.isalpha() and previous.lower() not in _SENTENCE_OPENERS:
        return False  # Super Bowl XXX, Pope Pius XX, Vin Diesel's XXX
    if previous.lower() in _TITLE_NOUNS or previous.endswith(":") or following[:1].isupper():
        return False  # the film XXX; 'They are: XXX, Casablanca'; XXX: State of the Union
    if previous.endswith(",") and after is not None and after.group(1).endswith(","):
        return False  # a list of titles: 'Hellboy, XXX, Shrek'
    # A number slot between words: 'killed XXX people', 'Burger, XXX was crowned',
    # 'eight players - XXX players out'.
    return following[:1].islower() and (previous[-1:].isalpha() or previous.endswith(",") or previous in "-–—")


def _xx_lower_is_placeholder(text: str, match: re.Match[str]) -> bool:
    """Judge a lower-case xx before a count: a lower-case word, a digit or a comma before it."""
    previous = _word_before(text, match.start())
    if previous is None:
        return match.start() == 0 or not text[: match.start()].strip()  # 'xx people were hurt'
    following = text[match.end() : match.end() + 40].split(maxsplit=1)
    if following and following[0].lower().startswith("chromosome"):
        return False
    word = previous.rstrip(",-–—(")
    # 'killed xx', 'by 2030, xx', 'About xx': not after a name ('Mum xx', a kiss).
    return word[:1].islower() or word[-1:].isdigit() or word.lower() in _SENTENCE_OPENERS


def _in_list(text: str, match: re.Match[str]) -> bool:
    """True for an item of a comma-separated list of names (a team sheet: 'Horgan, TBC, Hickie')."""
    return text[max(0, match.start() - 2) : match.start()] == ", " and text[match.end() : match.end() + 2] == ", "


def _tk_is_placeholder(text: str, match: re.Match[str]) -> bool:
    """Judge TK before a capitalised word: 'said TK Mr Jones', but not TK Maxx or Tim TK Kane."""
    after = _CAPITALISED_AFTER.match(text, match.end())
    if after is None:
        return True
    if after.group(1) in _TK_NAMES:
        return False
    # Inside a name (Tim TK Kane, a nickname between given name and surname); a
    # sentence's first word is no name ('In TK London').
    before = _CAPITALISED_BEFORE.search(text, max(0, match.start() - 40), match.start())
    return before is None or before.group().strip().lower() in _SENTENCE_OPENERS


# Every substring _paragraph_violations looks for before running a pattern.
_TRIGGERS = ("[", "{", "psum", "PSUM", "TK", "tktk", "TODO", "FIXME", "TBC", "XX", "xx")


def _paragraph_violations(paragraph: Paragraph) -> Iterator[Violation]:
    text = paragraph.text
    # Characters already inside a reported span, so that '[TK]' is not also 'TK'. A
    # flag per character keeps thousands of placeholders linear.
    taken = bytearray(len(text))

    def report(start: int, end: int, message: str) -> Iterator[Violation]:
        if taken[start]:
            return
        taken[start:end] = b"\x01" * (end - start)
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
            if _tk_is_placeholder(text, match):
                yield from report(match.start(), match.end(), f"placeholder left in the copy: '{match.group()}'")
    if "TODO" in text or "FIXME" in text or "TBC" in text:
        for match in _MARKER.finditer(text):
            if match.group() == "TBC" and _in_list(text, match):
                continue
            yield from report(match.start(), match.end(), f"placeholder left in the copy: '{match.group()}'")
    if "XX" in text or "xx" in text:
        for match in _XX_NUMBER.finditer(text):
            yield from report(match.start(), match.end(), f"placeholder left in the copy: '{match.group()}'")
        for match in _XX_WORD.finditer(text):
            if _xx_is_placeholder(text, match):
                yield from report(match.start(), match.end(), f"placeholder left in the copy: '{match.group()}'")
        if "xx" in text:
            for match in _XX_LOWER.finditer(text):
                if _xx_lower_is_placeholder(text, match):
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
    TK, TKTK and TK TK (to come), also before a capitalised word (``said TK Mr
    Jones``); the markers TODO, FIXME and TBC in capitals; XX and XXX standing for a
    number (``killed XXX people``, ``£XXm``, ``XX%``, ``on XX March``, ``in December
    XXX``), and in lower case before what counts or measures (``killed xx people``,
    ``xx per cent``, ``xx%``, ``in xx years``; not ``.xxx`` nor a sign-off's kisses);
    bracketed notes (``[TK]``, ``[CHECK]``, ``[INSERT quote]``,
    ``[CONFIRM]``, ``[TBC]``, ``[XX]``, ``[EDITOR'S NOTE: ...]``, ``[Note: ...]``);
    picture credits and production notes pasted into the body (``[Image by ...]``,
    ``[Photo: ...]``, ``[Picture: ...]``, ``[Credit ...]``); and ``lorem ipsum``.

    XXX is a placeholder only where a number or a word is missing from running text,
    judged by its neighbours: a lower-case word (or a comma or dash, or a sentence's
    first word such as In, About, Some) before it and a lower-case word after it
    (``the XXX economy``, ``About XXX staff``), or a month beside it. It is a title,
    a name or a numeral, and left alone, after a capitalised word (Super Bowl XXX,
    Vin Diesel's XXX, Channel XXX), after a title noun (the film XXX, his band XXX),
    before a capitalised word or a colon (XXX: State of the Union), in a list after a
    colon or between commas (``They are: XXX, Casablanca``), before a hyphen (XXX-rated)
    and at a sentence's end (``starred in XXX.``); and the XX chromosome.

    It also leaves alone TK inside a word or name (TKO, Atkins, TK Maxx, Tim TK Kane),
    TBC as an item of a comma-separated list (a team sheet: ``Horgan, TBC, Hickie``,
    a deliberate "to be confirmed"), the markers in quotation marks or lower case
    (``todo`` is a Spanish word), and editorial insertions in quotations (``he [Putin]
    said``, ``[the] decision``, ``[sic]``).

    Why it matters:
    A placeholder that reaches readers is an embarrassment and a correction; a
    picture credit pasted into the text reads as part of the story.

    Example:
    ``The fire killed XX people, police said [CHECK]. TODO: add the toll.``

    Use instead:
    Fill in the fact, or cut the sentence, before publication; move credits to the
    caption. There is no fix: only the writer knows the missing fact.

    Options:
    None.

    Known problems:
    XXX standing for a number inside a name (``Channel XXX``, ``Halo XXX``) reads as
    a title and is missed; so is XXX at the end of a sentence.
    """
    # The substrings _paragraph_violations tests each paragraph for, tested once in all
    # the prose (the paragraphs joined): most articles hold none of them.
    prose = document.joined.text
    if not any(trigger in prose for trigger in _TRIGGERS):
        return
    for paragraph in document.paragraphs:
        yield from _paragraph_violations(paragraph)


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [placeholder]
