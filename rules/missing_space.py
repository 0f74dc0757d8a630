"""NL201 missing-space: two sentences run together without a space (``said.The``)."""

from __future__ import annotations

import re
from typing import Any, Iterator, Mapping

from newslint.document import Document, Paragraph
from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule

# Candidates: sentence punctuation, closers, an opener, then an upper-case letter. Every
# candidate is then vetted in Python; the regex only keeps the scan fast.
_CANDIDATE = re.compile(r"[.?!]([\"'”’)\]]?)([\"'“‘(]?)(?=[^\W\d_])")
_NEXT_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_TOKEN_END = re.compile(r"\S*")
_WORD_CHARS = "'’-"

_CLOSERS = "\"'”’)]"

# Abbreviations that take a full stop and are followed by a capitalised word in
# ordinary use (``Mr.Benn`` is a missing space, but not between sentences). Matched as
# written: 'Sat.' is a day, 'sat.' ends a sentence.
_ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Mx Dr Prof St Mt Ft Gen Col Lt Sgt Capt Cmdr Adm Maj Rev Fr Sr Jr
    Sen Rep Gov Pres Supt Insp Det Cllr Hon Messrs Mme Mlle Messrs
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
    Inc Ltd Corp Co Bros Plc Llc Fig Figs Vol Vols Ch Chap Para Sec Art Ed Eds
    approx cf viz vs pp incl esp dept est fig vol ch ed eds op cit ca""".split()
)

# The last label of a domain or file name (``bbc.co.uk``, ``Halo.Bungie.Org``,
# ``report.Pdf``): short country codes that are also English words (it, in, is, at,
# to, be, no, me, us, am, as) are left out on purpose.
_NAME_SUFFIXES = frozenset(
    """com org net edu gov mil int info biz io co uk eu tv fm ly ai de fr nl ie au nz ca
    ch se dk fi es pt ru jp cn kr za tel mobi name pro asia
    htm html php asp aspx jsp pdf doc docx xls xlsx ppt pptx txt rtf csv json xml jpg jpeg
    png gif svg mp3 mp4 mov avi wav zip rar exe dmg""".split()
)


def _is_upper_word(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


# Lower-case words that start a run-on sentence ('years.perhaps the vote') and are
# no domain or file-name ending ('it', 'in', 'at', 'me', 'is' and 'so' are country
# codes, so they are not here).
_LOWER_STARTERS = frozenset(
    "the perhaps however but and then said says this there they she he we when what his her their our you".split()
)


def _next_word_ok(text: str, at: int) -> str | None:
    """Return the word starting a new sentence at ``at``, or None if it does not look like one."""
    match = _NEXT_WORD.match(text, at)
    if not match:
        return None
    word = match.group()
    if word[0].isupper() and len(word) >= 2 and word[1].islower():
        return word
    if word == "I" or word.startswith(("I'", "I’")):
        return word
    if word in _LOWER_STARTERS and text.startswith(" ", match.end()):
        return word
    return None


def _word_start(text: str, end: int) -> int:
    """Return where the word ending at ``end`` starts (letters, digits, inner ' and -)."""
    at = end
    while at > 0 and (text[at - 1].isalnum() or (text[at - 1] in _WORD_CHARS and at - 1 > 0 and text[at - 2].isalnum())):
        at -= 1
    return at


def _token(text: str, start: int, end: int) -> str:
    """Return the white-space delimited token around ``text[start:end]``, bare of outer punctuation."""
    at = start
    while at > 0 and not text[at - 1].isspace():
        at -= 1
    after = _TOKEN_END.match(text, end)
    token = text[at : after.end() if after else end]
    return token.strip("\"'“”‘’()[]{}<>,;:!?.")


def _looks_like_name(token: str) -> bool:
    """True for URLs, e-mail addresses, domains, file names and dotted abbreviations."""
    if "@" in token or "/" in token or "://" in token or token.lower().startswith("www."):
        return True
    labels = token.split(".")
    if len(labels) > 2:
        # news.BBC.co.uk, Halo.Bungie.Org, U.S.A., said.Israel.The: the last one is a
        # real (double) slip, but rarer than names with several dots.
        return True
    return len(labels) == 2 and labels[-1].lower() in _NAME_SUFFIXES


def _quote_opens(paragraph: str, at: int) -> bool | None:
    """Tell whether the straight double quote at ``at`` opens a quotation.

    By parity of the straight double quotes before it in the paragraph; None when the
    paragraph's count is odd, so that parity cannot be trusted.
    """
    if paragraph.count('"') % 2:
        return None
    return paragraph.count('"', 0, at) % 2 == 0


def _vet(text: str, match: re.Match[str]) -> tuple[int, int, int, bool] | None:
    """Return (span start, span end, insertion index, safe) for a real slip, else None."""
    mark = match.start()
    closer, opener = match.group(1), match.group(2)
    after = match.end()
    if mark == 0:
        return None
    before = text[mark - 1]

    # What precedes the punctuation: a lower-case word end, an upper-case word (the US.),
    # or a closer after some word (found".The, example).This).
    if before in _CLOSERS:
        if mark < 2 or text[mark - 2].isspace():
            return None
    elif before.isalpha():
        start_of_word = _word_start(text, mark)
        word = text[start_of_word:mark]
        if start_of_word > 0 and text[start_of_word - 1] == ".":
            return None  # a.m., e.g., Ph.D., U.S. ... the word is part of a dotted abbreviation
        if before.isupper() and not _is_upper_word(word):
            return None  # initials (J.K.) and mixed-case ends
        if word in _ABBREVIATIONS and text[mark] == ".":
            return None
        if text[mark] == "!" and word[0].isupper():
            return None  # Yahoo!Inc, Wham!Live: brand names with an exclamation mark
    elif before.isdigit():
        # Only a year ends a sentence safely: 'in 2004.The'. Other numbers run into
        # numbering and versions (1.Introduction, iOS 17.Beta, 3.5.Final).
        start_of_number = mark - 4
        if not (
            start_of_number >= 0
            and text[start_of_number:mark].isdigit()
            and text[start_of_number] in "12"
            and (start_of_number == 0 or text[start_of_number - 1] in " (")
        ):
            return None
    else:
        return None

    word = _next_word_ok(text, after)
    if word is None:
        return None
    if word[0].islower() and (opener or not before.islower()):
        return None
    if _looks_like_name(_token(text, mark, after)):
        return None
    if re.match(r"[A-Z][a-z]+[A-Z]", word) and not opener:
        return None  # React.PureComponent, Microsoft.AspNetCore: code and product names

    # Where the space goes: after the closers, before the opener. A straight double
    # quote alone is ambiguous: it closes the sentence (said "yes."The) or opens the next
    # one (the US."We); parity decides, and an unsure guess is offered as an unsafe fix.
    safe = True
    insert = mark + 1 + len(closer)
    if closer == '"' and not opener:
        opens = _quote_opens(text, mark + 1)
        if opens is None:
            safe = False
        elif opens:
            insert = mark + 1
    elif closer == "'" and not opener:
        safe = False  # a straight single quote: closing, opening or an apostrophe
    if word[0].islower():
        safe = False  # the next sentence needs its capital too: a space is half the fix
    span_start = _word_start(text, mark - 1 if before in _CLOSERS else mark)
    return span_start, after + len(word), insert, safe


def _describe(mark: str) -> str:
    return {".": "full stop", "?": "question mark", "!": "exclamation mark"}[mark]


def _paragraph_violations(paragraph: Paragraph) -> Iterator[Violation]:
    text = paragraph.text
    for match in _CANDIDATE.finditer(text):
        vetted = _vet(text, match)
        if vetted is None:
            continue
        start, end, insert, safe = vetted
        a, b = paragraph.span(start, end)
        at = paragraph.span(insert - 1, insert)[1]
        fused = text[start:end]
        yield Violation(
            a,
            b,
            f"missing space after the {_describe(text[match.start()])}: '{fused}'",
            Fix(at, at, " ", safe=safe),
        )


@rule(
    "NL201",
    "missing-space",
    summary="Two sentences run together without a space after the full stop.",
    severity="warning",
)
def missing_space(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Finds sentence punctuation (``.``, ``?``, ``!``, with any closing quotation mark or
    bracket) followed straight away by a capitalised word or an opening quotation mark:
    ``concerns.Putin said``, ``could be found".The``, ``the US."We are``; also by a few
    lower-case words that open run-on sentences and end no domain (the, perhaps, but,
    said, they ...: ``in 25 years.perhaps the vote``). The span is the fused text, from
    the start of the word before the punctuation to the end of the word after it.

    It leaves alone dotted abbreviations and initials (U.S., a.m., e.g., Ph.D., J.K.
    Rowling), titles and other abbreviations (Mr.Benn, St.Petersburg), decimals, times
    and scores (3.5, 10.30), single-digit numbering (1.Introduction), ellipses, URLs,
    e-mail addresses, domains and file names (bbc.co.uk, Halo.Bungie.Org, report.Pdf),
    code-like names (React.PureComponent), all-capital or one-letter words after the
    stop (Bagle.AT, Zafi.D) and brand names with an exclamation mark (Yahoo!Inc).

    Why it matters:
    A lost space is the commonest trace of copy pasted between systems; readers see a
    typo, and search engines and screen readers see one long word.

    Example:
    ``Ministers met on Monday.The talks failed.``

    Use instead:
    ``Ministers met on Monday. The talks failed.`` The fix inserts one space. Where a
    straight double quotation mark sits between the stop and the next word, the space
    goes after it when it closes a quotation and before it when it opens one, judged by
    counting the paragraph's quotation marks; when that count is odd (an unclosed
    quotation) the fix is only suggested (unsafe), as with a straight single quote and
    a lower-case opener (which needs its capital too).

    Options:
    None.
    """
    for paragraph in document.paragraphs:
        if "." in paragraph.text or "?" in paragraph.text or "!" in paragraph.text:
            yield from _paragraph_violations(paragraph)


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [missing_space]
