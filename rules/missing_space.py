"""NL201 missing-space: two sentences run together without a space (``said.The``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint import patterns
from newslint.addresses import DOMAIN_SUFFIXES, is_web_address
from newslint.document import Document, Paragraph
from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule
from newslint.words import NAME_PREFIXES, brand_names, token_around

if TYPE_CHECKING:
    from newslint.quotation import Mark

# Candidates: sentence punctuation, closers, an opener, then an upper-case letter. Every
# candidate is then vetted in Python; the regex only keeps the scan fast.
_CANDIDATE = patterns.compile(r"[.?!]([\"'”’)\]]?)([\"'“‘(]?)(?=[^\W\d_])")
# The same shape, one pattern a mark, each opening with its literal mark: searched for
# in C over the joined prose, where a class is tried at every character. A match of
# _CANDIDATE in a paragraph is a match of its mark's pattern there in the joined prose
# (NUL between paragraphs is no letter, closer or opener), so the paragraphs these miss
# hold no candidate.
_CANDIDATE_AFTER = {mark: patterns.compile(rf"\{mark}[\"'”’)\]]?[\"'“‘(]?(?=[^\W\d_])") for mark in ".?!"}
_NEXT_WORD = patterns.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
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

_CALL = patterns.compile(r"\w\(")
# Domain endings that are English words too (country codes and newer endings): after
# one of them a lower-case word is a run-on sentence only when the word before the
# stop is one the article also writes on its own ('said.it was', not 'napster.no').
_AMBIGUOUS_SUFFIXES = frozenset(
    """it in is at me us am as be no so to do go my by tv fm me ai an la im pe re mu ms
    life live news online site shop app blog media club world today tech store space zone
    fun one best top win link click city page art bio biz now""".split()
)
_BARE = "\"'“”‘’()[]{}<>,;:!?."


# Lower-case abbreviations that take a full stop inside a sentence ('etc.and', 'et al.').
_LOWER_ABBREVIATIONS = frozenset("etc al approx cf viz vs pp incl esp dept est fig vol ch ed eds op cit ca".split())


def _is_upper_word(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


# After the stop, a lower-case word opens a run-on sentence ('it works.now we wait')
# when it is a whole word followed by a space or a comma; what could instead be a
# domain, file name or code (below) is ruled out by the token around the stop.
_LOWER_NEXT_END = frozenset(" ,;")


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
    if word.islower() and match.end() < len(text) and text[match.end()] in _LOWER_NEXT_END:
        return word
    return None


def _word_start(text: str, end: int) -> int:
    """Return where the word ending at ``end`` starts (letters, digits, inner ' and -)."""
    at = end
    while at > 0 and (
        text[at - 1].isalnum() or (text[at - 1] in _WORD_CHARS and at - 1 > 0 and text[at - 2].isalnum())
    ):
        at -= 1
    return at


def _token(text: str, start: int, end: int) -> str:
    """Return the white-space delimited token around ``text[start:end]``, bare of outer punctuation."""
    return token_around(text, start, end).strip("\"'“”‘’()[]{}<>,;:!?.")


def _looks_like_name(token: str) -> bool:
    """True for URLs, e-mail addresses, domains, file names and dotted abbreviations."""
    if any(mark in token for mark in "@/\\_=<>#") or is_web_address(token):
        return True  # addresses, paths and code (os.path_join)
    if _CALL.search(token):
        return True  # code: console.log(x)
    labels = token.split(".")
    if len(labels) > 2:
        # news.BBC.co.uk, Halo.Bungie.Org, U.S.A., said.Israel.The: the last one is a
        # real (double) slip, but rarer than names with several dots.
        return True
    return len(labels) == 2 and re.sub(r"['’]s$", "", labels[-1]).lower() in DOMAIN_SUFFIXES


def _quote_opens(marks: Callable[[], Mapping[int, Mark]], at: int) -> bool | None:
    """Tell whether the straight double quote at ``at`` opens a quotation.

    By the document's quotation analysis (``Document.quote_marks``): None when a double
    quotation mark of the paragraph did not pair up, so that the direction of this one
    cannot be trusted either.
    """
    found = marks()
    mark = found.get(at)
    if mark is None or not mark.is_quote:
        return None
    if any(other.double and other.is_quote and other.status != "paired" for other in found.values()):
        return None
    return mark.role == "open"


# An amount or a score that ends a sentence: 4.5%, £4.5m, $2bn, 30bn, won 2-1 (a bare
# number may be numbering or a version: 1.Introduction, iOS 17.Beta).
_AMOUNT_END = patterns.compile(
    r"(?<![^\s(])(?:[£$€]\d[\d,]*(?:\.\d+)?(?:m|bn|k|p)?|\d[\d,]*(?:\.\d+)?(?:%|m|bn)|\d{1,3}[-–]\d{1,2}"
    r"|\d{1,3}(?:,\d{3})+|(?P<time>\d{1,2}[.:][0-5]\d))$"
)
# Words that follow a version number, which a time's shape may also have (iOS 14.10.Beta).
_VERSION_WORDS = frozenset("Alpha Beta Final Release Build Update Patch Preview Pro Plus Max Next Edition".split())
# Any other whole number ends a sentence when a word that opens sentences follows
# ('numbered 36.The stewards'); before other words it may be numbering or a version.
_NUMBER_END = patterns.compile(r"(?<![^\s(])\d+$")
# The articles, pronouns, conjunctions, prepositions and adverbs that open sentences
# and start no heading or product name after a number.
_SENTENCE_OPENERS = frozenset(
    """The A An But And He She It They We In On At This That These Those There Its His Her
    Their Our However Meanwhile Yet So If When While After Before Last Mr Mrs Ms
    Although Though Because By Of For With From Under Overall Many Both All Any Several
    Some Most Such Since Despite As Then Now Only Not Each Every Even Still Also Instead
    Until During Among According Earlier Later Others Why What How Where Who Which
    Whether Once Nor Or Unlike I You""".split()
)
# Initials and dotted abbreviations of single letters (U.S., J.K., a.m., e.g.): a
# capitalised word straight after the last stop lost its space, whether a sentence
# begins there (``the U.S.The``, ``at 10 a.m.Nobody``) or a name goes on (``U.S.Steel``,
# ``J.K.Rowling``). No word or name is written solid after such letters.
_INITIALS = patterns.compile(r"(?<![^\s(\"'“‘])(?:[^\W\d_]\.){1,3}[^\W\d_]$")


_AUXILIARIES = frozenset("is was has had will would could can may might were are the a an also".split())
# What follows a domain named in a sentence: a web noun, or a word that goes on from a
# noun ('visit news.it for more', 'napster.no site', 'Dot.life and').
_AFTER_A_DOMAIN = frozenset(
    """site website domain page address portal service blog and or for to on in at with from
    which where whose""".split()
)


def _ordinary_word_before(text: str, after: int, word: str, left: str, words_alone: Callable[[], Counter[str]]) -> bool:
    """Tell 'wrong.it blamed' (a run-on) from 'napster.no site' or 'news.it or' (a domain).

    After a capitalised word (Dot.life, Web.de) only an auxiliary or an article going on
    makes a run-on; a site's name is used twice ('his napster.no site ... napster.no'), or followed by
    a web noun or by a word that goes on from a noun (and, or, for, to ...); a run-on
    sentence goes on with any other word or a number. With nothing after it, the word
    before the stop must be one the article writes on its own.
    """
    if words_alone()[f"{left}.{word}"] > 1:
        return False
    following = re.match(r"\s+([^\W_]+)", text[after + len(word) : after + len(word) + 30])
    if left[0].isupper():
        # Names (Dot.life tries, Last.fm, Web.de) unless a verb or article follows at
        # once, as in a sentence: 'said Ms Reid.it was busy'.
        return following is not None and following.group(1) in _AUXILIARIES
    if following is None:
        return words_alone()[left] + words_alone()[left.lower()] > 0
    return following.group(1).lower() not in _AFTER_A_DOMAIN


def _vet(
    text: str,
    match: re.Match[str],
    words_alone: Callable[[], Counter[str]],
    marks: Callable[[], Mapping[int, Mark]],
) -> tuple[int, int, int, bool] | None:
    """Return (span start, span end, insertion index, safe) for a real slip, else None."""
    found = _vet_word_end(text, match, words_alone, marks)
    if found is None and text[match.start()] == "." and not match.group(1) and not match.group(2):
        return _ended_by_amount_or_initials(text, match.start(), match.end())
    return found


def _opener_at(text: str, at: int) -> bool:
    """True when a word that opens sentences (The, It, But ...) starts at ``at``."""
    match = _NEXT_WORD.match(text, at)
    return match is not None and match.group() in _SENTENCE_OPENERS


def _vet_word_end(
    text: str,
    match: re.Match[str],
    words_alone: Callable[[], Counter[str]],
    marks: Callable[[], Mapping[int, Mark]],
) -> tuple[int, int, int, bool] | None:
    """Vet a stop after a word, a year or a closing mark, as ``_vet`` does."""
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
        if text[mark] == "!" and word[0].isupper() and not _opener_at(text, after):
            return None  # Yahoo!Inc, Wham!Live: brand names with an exclamation mark (not Gold!The)
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

    next_word = _next_word_ok(text, after)
    if next_word is None:
        return None
    if next_word[0].islower():
        # Between two lower-case words only: 'works.now', not 'BBC.co' or 'found".the'.
        left = text[_word_start(text, mark) : mark]
        # (A number left here is a year: 'in 2019.the firm'.)
        if opener or closer or not (left[1:].islower() or left.isdigit()) or left in _LOWER_ABBREVIATIONS:
            return None
        if next_word in _AMBIGUOUS_SUFFIXES and not _ordinary_word_before(text, after, next_word, left, words_alone):
            return None
    token = _token(text, mark, after)
    if before in ")]":
        # No name runs on through a bracket: judge only what follows it, so that
        # '(£4.5m).The' is a run-on whatever dots the bracket holds.
        token = token[max(token.rfind(")"), token.rfind("]")) + 1 :]
    if _looks_like_name(token):
        return None
    if re.match(r"[A-Z][a-z]+[A-Z]", next_word) and not opener and not _name_after_word(text, mark, next_word):
        return None  # React.PureComponent, Microsoft.AspNetCore: code and product names

    # Where the space goes: after the closers, before the opener. A straight double
    # quote alone is ambiguous: it closes the sentence (said "yes."The) or opens the next
    # one (the US."We); the quotation analysis decides, and an unsure guess is offered as an unsafe fix.
    safe = True
    insert = mark + 1 + len(closer)
    if closer == '"' and not opener:
        opens = _quote_opens(marks, mark + 1)
        if opens is None:
            safe = False
        elif opens:
            insert = mark + 1
    elif closer == "'" and not opener:
        safe = False  # a straight single quote: closing, opening or an apostrophe
    if next_word[0].islower():
        safe = False  # the next sentence needs its capital too: a space is half the fix
    span_start = _word_start(text, mark - 1 if before in _CLOSERS else mark)
    return span_start, after + len(next_word), insert, safe


# What may follow the word after the stop, for it to be a word of prose.
_WORD_ENDS = ",;:-.!?\"'”’)]"


def _name_after_word(text: str, mark: int, word: str) -> bool:
    """True for a name written solid (McDonald, DeWine, YouTube) after a plain lower-case word.

    Code joins names to names (React.PureComponent); after a word of prose ('the
    money.DeWine said') such a name is the next sentence's subject.
    """
    left = text[_word_start(text, mark) : mark]
    if len(left) < 2 or not (left.isalpha() and left.islower()):
        return False
    name = word.removesuffix("'s").removesuffix("’s")
    if name in brand_names():
        return True
    return any(name.startswith(prefix) and name[len(prefix) : len(prefix) + 1].isupper() for prefix in NAME_PREFIXES)


def _ended_by_amount_or_initials(text: str, mark: int, after: int) -> tuple[int, int, int, bool] | None:
    """Vet 'by 4.5%.The', 'to £4.5m.The', 'in the U.S.The', 'J.K.Rowling' and 'numbered 36.The'.

    The cases the dots inside hide, and numbers other than years: an amount, a score or
    a number grouped with commas before any capitalised word, a plain number only before
    a word that opens sentences (1.Introduction and iOS 17.Beta are numbering and versions).
    """
    window = max(0, mark - 30)
    amount = _AMOUNT_END.search(text, window, mark)
    initials = None if amount else _INITIALS.search(text, window, mark)
    number = None if amount or initials else _NUMBER_END.search(text, window, mark)
    if amount is None and initials is None and number is None:
        return None
    next_word = _NEXT_WORD.match(text, after)
    if next_word is None or not (next_word.group()[0].isupper() and next_word.group()[1:].islower()):
        return None
    word = next_word.group()
    if number is not None:
        if word not in _SENTENCE_OPENERS:
            return None
        amount = number
    if amount is not None and (len(word) < 2 or (amount.groupdict().get("time") and word in _VERSION_WORDS)):
        return None
    if after + len(word) < len(text) and not (
        text[after + len(word)].isspace() or text[after + len(word)] in _WORD_ENDS
    ):
        return None  # a code-like token ($4.5m.Total_2, U.S.Steel@example)
    ending = amount or initials
    assert ending is not None  # one of the two matched, above
    return ending.start(), after + len(word), mark + 1, True


def _describe(mark: str) -> str:
    return {".": "full stop", "?": "question mark", "!": "exclamation mark"}[mark]


def _paragraph_violations(
    paragraph: Paragraph, words_alone: Callable[[], Counter[str]], marks: Callable[[], Mapping[int, Mark]]
) -> Iterator[Violation]:
    text = paragraph.text
    for match in _CANDIDATE.finditer(text):
        vetted = _vet(text, match, words_alone, marks)
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
    ``talks.Smith said``, ``could be done".The``, ``the EU."We are``; also a run-on
    sentence whose second half starts with a lower-case word, any word followed by a
    space or comma, between two words (``it works.now we wait``, ``the pages.then he``,
    ``in 30 days.perhaps the board``, ``in 2019.the firm``). After an amount (``by
    4.5%.The``, ``£4.5m.The``), a score (``won 2-1.Arsenal``, ``362-9.England``) or a number
    grouped with commas (``18,000.Stewards``) or a time (``at 10.30.Police``, but not a
    version: ``14.10.Beta``), after any other number before a word that
    opens sentences (``numbered 36.The``), and after initials or a
    dotted abbreviation of single letters followed by a capitalised word, whether a
    sentence begins there or a name goes on (``the U.S.The``, ``at 10 a.m.Nobody``,
    ``U.S.Steel``, ``J.K.Rowling``): no word is written solid after such letters. The
    span is the fused text, from the start of the word before the punctuation to the
    end of the word after it.

    A lower-case word after the stop could be the end of a domain or a file name
    instead: those endings (com, uk, pdf, html, py ...) are never read as words. Endings
    that are English words too (it, in, at, as, no, so, me, life, news ...) are a run-on
    only after a lower-case word, when the dotted token is not used twice (a site's
    name) and is followed by a word that goes on a sentence, not by a web noun or a word
    that goes on from a noun (``his napster.no site``, ``visit news.it for more``).
    Lower-case abbreviations (etc., et al., e.g., i.e., a.m.) before a lower-case word
    are left alone.

    It leaves alone dotted abbreviations and initials followed by a space or by anything
    but a capitalised word (U.S. Steel, J.K. Rowling, U.S.-based, the U.S.A.), titles and
    other abbreviations (Mr.Benn, St.Petersburg), decimals, times
    and scores (3.5, 10.30), numbering and versions before a word that opens no sentence
    (1.Introduction, iOS 17.Beta), ellipses, URLs,
    e-mail addresses, domains and file names (bbc.co.uk, Halo.Bungie.Org, report.Pdf),
    code-like names (React.PureComponent; but after a lower-case word a name written
    solid with a particle or a listed brand name is a sentence's subject: ``the
    money.DeWine said``, ``results.YouTube``), all-capital or one-letter words after the
    stop (Bagle.AT, Zafi.D) and brand names with an exclamation mark (Yahoo!Inc; but a
    word that opens sentences after it is one: ``Gold!The rowers``).

    Why it matters:
    A lost space is the commonest trace of copy pasted between systems; readers see a
    typo, and search engines and screen readers see one long word.

    Example:
    ``Ministers met on Monday.The talks failed.``

    Use instead:
    ``Ministers met on Monday. The talks failed.`` The fix inserts one space. Where a
    straight double quotation mark sits between the stop and the next word, the space
    goes after it when it closes a quotation and before it when it opens one, as the
    document's quotation analysis pairs the marks; when the mark does not pair up
    cleanly (an unclosed quotation) the fix is only suggested (unsafe), as with a
    straight single quote and a lower-case opener (which needs its capital too).

    Options:
    None.

    Known problems:
    An abbreviation with a longer part before a capitalised word (``a Ph.D.Then``) is
    missed. Code written in prose without code formatting (``os.path``) reads as a run-on; a
    domain with an English-word ending used once in a sentence (``told gazzetta.it
    he``) too.
    """
    alone: list[Counter[str]] = []

    def words_alone() -> Counter[str]:
        # The words the article writes between spaces, counted, built on first need.
        if not alone:
            prose = document.joined.text.replace("\0", " ")
            alone.append(Counter(token.strip(_BARE) for token in prose.split()))
        return alone[0]

    joined = document.joined
    prose = joined.text
    candidates = {
        joined.locate(match.start())[0]
        for mark, pattern in _CANDIDATE_AFTER.items()
        if mark in prose
        for match in pattern.finditer(prose)
    }
    paragraphs = document.paragraphs
    for number in sorted(candidates):

        def marks(number: int = number) -> Mapping[int, Mark]:
            # The paragraph's quotation marks by index, from the shared analysis.
            return {mark.index: mark for mark in document.quote_marks[number].marks}

        yield from _paragraph_violations(paragraphs[number], words_alone, marks)


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [missing_space]
