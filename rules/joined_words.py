"""NL202 joined-words: two words fused where a space or a line break was lost."""

from __future__ import annotations

import re
from typing import Any, Iterator, Mapping

from newslint.document import Document, Paragraph
from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule

# A lower-case letter straight before an upper-case one: the only place to look.
_BOUNDARY = re.compile(r"[a-z][A-Z]")
_NOT_BEFORE = "-_`.@#/\\"
_NOT_AFTER = "-_`(@/\\"
_SHAPE = re.compile(r"([A-Z]?[a-z]+)([A-Z][a-z]+|I)")

# Surname and name particles written solid with a capital after them (McDonald,
# MacBook, DeSantis, DiCaprio, LeBron, LaShawn, VanDyke, FitzGerald, DuPont, StJohn).
_NAME_PREFIXES = frozenset(
    "Mc Mac De Di Da Du Le La Lo Van Von Der Den Del Della Des Dos Das St Fitz Ten Ter".split()
)

# Short lower-case words that never start a brand written solid: 'ofTexas', 'atLabour',
# 'asI' can only be a lost space.
_FUNCTION_WORDS = frozenset(
    """of in on at to as by for from with into onto upon and or but nor the an than that
    this these those is are was were be been has have had will would can could should may
    might must said says told about after before over under between against during
    without within when where while if so not""".split()
)

# Words that start sentences and no camel-case name ends with: 'nextThe', 'UkraineIt'.
_SENTENCE_STARTERS = frozenset(
    """The This That These Those It Its He His She Her They Their There We Our You Your
    But And When While After Before However Meanwhile Although Despite Since Now Then
    Yet Some Many Most Last Earlier Later""".split()
)

# Camel-case names common enough in news that an article may use them once, with both
# halves standing alone elsewhere (a 'Play' and a 'Station' in a games story).
_KNOWN_NAMES = frozenset(
    """YouTube PayPal LinkedIn JavaScript PlayStation FedEx BlackBerry WhatsApp MasterCard
    PowerPoint SharePoint WordPress DreamWorks HarperCollins SoundCloud DropBox FaceTime
    AirPods AirDrop MySpace TikTok WikiLeaks SmackDown WorldCom BitTorrent GameBoy GameCube
    EverQuest EastEnders OutKast NetRatings TimeWarner DaimlerChrysler HealthSouth GoldenEye
    YouGov ExxonMobil AstraZeneca SpongeBob SquarePants NatWest PepsiCo TalkTalk AirAsia
    SpiceJet JetBlue SeaWorld StarCraft WarCraft MineCraft SkyNews CinemaNow MovieMaker
    RealPlayer GarageBand PhotoShop NetFlix HuffPost BuzzFeed OpenAI DeepMind SpaceX
    StarLink CrowdStrike FireFox ThinkPad ThinkVantage MacBook InDesign PowerBook
    ZoneAlarm MoneyGram WestJet RyanAir EuroStar EuroDisney EuroMillions SkyTeam
    StarAlliance BlueTooth CrossFit SoulCycle LiveJournal WorldPay WebEx SalesForce
    HubSpot MailChimp GoFundMe KickStarter CitiBank BlackRock GlaxoSmithKline
    PricewaterhouseCoopers ChevronTexaco ConocoPhillips ArcelorMittal ThyssenKrupp
    DoubleClick TripAdvisor EasyJet GitHub GitLab SoftBank WeChat WeWork AirBnb
    YouGov SnapChat InstaGram FaceBook ChatGPT SkyScanner""".split()
)


# Names written solid with a lower-case first part of two letters or more.
_LOWER_FIRST_NAMES = frozenset(
    """easyJet easyGroup easyCar easyCinema easyMobile easyHotel easyInternetcafe easyBus
    openDemocracy mySociety bioMérieux ePlanet""".split()
)


def _count(text: str, word: str, before: str = "", after: str = "", mid: bool = False) -> int:
    """Count ``word`` in ``text`` where the characters around it are not letters.

    ``before="lower"`` instead asks for a lower-case letter before it, ``after="upper"``
    for a capital after it (the halves of other camel-case words). ``mid`` counts only
    uses inside a sentence (after a word or a comma), where a capital marks a proper
    noun, not a sentence start. str.find beats a regex compiled for every word.
    """
    count, at, size = 0, text.find(word), len(word)
    while at >= 0:
        prev = text[at - 1] if at else " "
        nxt = text[at + size] if at + size < len(text) else " "
        ok_before = ("a" <= prev <= "z") if before == "lower" else not prev.isalpha()
        ok_after = ("A" <= nxt <= "Z") if after == "upper" else not nxt.isalpha()
        if ok_before and ok_after and (not mid or _inside_sentence(text, at)):
            count += 1
        at = text.find(word, at + 1)
    return count


def _inside_sentence(text: str, at: int) -> bool:
    """True when the word at ``at`` follows a word or a comma on the same line."""
    back = at
    while back > 0 and text[back - 1] == " ":
        back -= 1
    if back == at or back == 0:
        return False
    prev = text[back - 1]
    return prev.isalnum() or prev in ",;&"


def _token_bounds(text: str, at: int) -> tuple[int, int]:
    """Return the letters-only token around index ``at``."""
    start = at
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = at
    while end < len(text) and text[end].isalpha():
        end += 1
    return start, end


# In a headline glued to its paragraph: the headline's last word, in lower case,
# capitalised or an abbreviation's plural (MPs, PCs), then the body's first word, capitalised, all in capitals (US, BMW) or
# the article 'A'; the body's word may go on with a hyphen (Fly-half, Trouble-hit).
_GLUED_HEADING = re.compile(r"([A-Z]?[a-z]+|[A-Z]{2,}s)([A-Z][a-z]+|[A-Z]{2,}|A|I)(?=[\s,'’\-]|$)")


def _heading_position(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` ends what reads as a headline glued to its paragraph.

    That is: one to fifteen words before it from the paragraph's start, none of them
    ending a sentence or clause (no . ! ? ; and no line break), and a sentence going on
    after it. A colon may stand in a headline (``Hailey: King of the bestsellers``).
    """
    prefix = text[:start]
    if not prefix.strip() or any(mark in prefix for mark in ".!?;\n\r") or len(prefix.split()) > 15:
        return False
    return len(text[end:].split()) >= 3


def _split_heading(document: Document, text: str, start: int, first: bool) -> tuple[str, str, int] | None:
    """Return (left, right, end) for a headline glued to its paragraph at ``start``, else None.

    In lower case, the headline's last word is evidence enough: no name starts with a
    lower-case word of two letters or more but those listed (easyJet). A capitalised
    last word must be a proper noun the article uses inside sentences (Agassi, Madrid),
    and the body's first word a word of the article, a sentence opener, or the start
    of a name (``MadridJesper Gronkjaer``); in the article's first paragraph (``first``),
    where the headline stands, any capitalised word will do (``JapanJapanese``).
    """
    match = _GLUED_HEADING.match(text, start)
    if match is None:
        return None
    left, right = match.groups()
    token = match.group()
    article = document.text
    if len(left) < 2 or left in _NAME_PREFIXES or token in _KNOWN_NAMES or token in _LOWER_FIRST_NAMES:
        return None
    if _count(article, token) > 1 or _count(article, left, after="upper") > 1:
        return None
    if right[1:].islower() and _count(article, right, before="lower") > 1:
        return None  # a half shared with another camel-case word: a naming pattern
    if left[0].islower():
        return left, right, match.end()
    name_follows = re.match(r" [A-Z][a-z]", text[match.end() : match.end() + 3]) is not None
    right_is_word = right in _SENTENCE_STARTERS or _used(article, right) or name_follows
    if first:
        # Where the headline stands, either half used as a word will do.
        if right_is_word or right.isupper() or _used(article, left):
            return left, right, match.end()
        return None
    if right.isupper() or not _count(article, left, mid=True):
        return None
    return (left, right, match.end()) if right_is_word else None


def _used(text: str, word: str) -> bool:
    """True when the article uses ``word`` alone as written, or in lower case."""
    return bool(_count(text, word) or _count(text, word.lower()))


def _split(document: Document, token: str) -> tuple[str, str] | None:
    """Return (left, right) when ``token`` reads as two words run together."""
    shape = _SHAPE.fullmatch(token)
    if not shape:
        return None
    left, right = shape.groups()
    if len(left) < 2 or left in _NAME_PREFIXES or token in _KNOWN_NAMES or token in _LOWER_FIRST_NAMES:
        return None
    text = document.text
    # A name written that way on purpose comes back: TimeWarner, BitTorrent, iPod.
    if _count(text, token) > 1:
        return None
    if left in _FUNCTION_WORDS:
        return left, right
    if right == "I":
        return None
    if right in _SENTENCE_STARTERS:
        return left, right
    # A half shared with another camel-case word is a naming pattern: EverQuest and
    # its nickname EverCrack, PowerBook and PowerMac.
    if _count(text, left, after="upper") > 1 or _count(text, right, before="lower") > 1:
        return None
    # Otherwise the article itself must use both halves as words. A capitalised half
    # must appear inside a sentence, as a proper noun does: 'We' and 'Chat' opening
    # sentences do not make 'WeChat' two words, nor 'One World' and 'music' 'OneMusic'.
    # After a lower-case first half, the second may also appear in lower case (a
    # paragraph opening 'Voters say' glued to a heading ending 'in the north').
    if left[0].isupper():
        return (left, right) if _count(text, left, mid=True) and _count(text, right, mid=True) else None
    if _count(text, left) and (_count(text, right, mid=True) or _count(text, right.lower())):
        return left, right
    return None


@rule(
    "NL202",
    "joined-words",
    summary="Two words run together where a space or line break was lost (UkraineRussia).",
    severity="warning",
)
def joined_words(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Finds a word with a lower-case letter straight before a capital where both halves
    are words: ``civilians in UkraineRussia has maintained`` (a subheading glued to the
    next paragraph), ``University ofTexas``, ``What happens nextThe work``.

    A headline or subheading glued to its paragraph, the commonest CMS accident, is
    told by where it stands: one to fifteen words from the paragraph's start with no
    sentence or clause punctuation before it, and a sentence going on after it
    (``Broadband gathers paceOne person in the UK``, ``Minister backs the planThe
    government said``). There a lower-case last word is evidence enough (only the
    listed names, such as easyJet, start with a lower-case word), and the body's first
    word may be capitalised, in capitals (``springUS shoppers``), the article ``A`` or
    hyphenated (``finalFly-half``). A capitalised last word (``LeedsYorkshire``, an
    abbreviation's plural ``MPsLabour``) needs one half to be a word of the article,
    in the article's first paragraph (where a headline stands), and both halves
    elsewhere.

    Elsewhere in a paragraph the evidence
    that both halves are words comes from the article itself: each half is used alone
    elsewhere, a capitalised half inside a sentence (as a proper noun is, so that 'We'
    and 'Chat' opening sentences do not split 'WeChat'); or the first half is a short
    function word (of, in, at, as, the ...) that no name begins with; or the second is
    a word that opens sentences and ends no name (The, It, However, They ...).

    Names written solid are left alone: a token the article uses more than once
    (TimeWarner, BitTorrent), one whose half is shared with another camel-case word of
    the article (EverQuest and its nickname EverCrack), name particles (McDonald,
    MacBook, DeSantis, DiCaprio, LeBron), one-letter prefixes (iPhone, eBay),
    all-capital parts (SonyBMG, DeCSS), tokens with more than one inner capital
    (PricewaterhouseCoopers), hyphenated, digit-glued and code-like tokens, and a list
    of well-known camel-case names (YouTube, PayPal, LinkedIn, PlayStation, FedEx ...).

    Why it matters:
    A lost line break glues a headline or subheading to the paragraph under it and
    leaves a word no reader can parse.

    Example:
    ``Fighting in the northRebels say they hold the airport.``

    Use instead:
    Restore the break: a subheading on its own line, or a space between the words. The
    message suggests the split; the fix (a space) is offered but never applied
    automatically, because only the writer knows whether a line break was meant.

    Options:
    None.
    """
    if not _BOUNDARY.search(document.text):
        return  # one scan of the file settles most articles
    for paragraph in document.paragraphs:
        text = paragraph.text
        seen_end = -1
        for boundary in _BOUNDARY.finditer(text):
            if boundary.start() < seen_end:
                continue
            start, end = _token_bounds(text, boundary.start())
            seen_end = end
            if (start == 0 or text[start - 1] not in _NOT_BEFORE) and _heading_position(text, start, end):
                glued = _split_heading(document, text, start, paragraph is document.paragraphs[0])
                if glued is not None:
                    left, right, end = glued
                    yield _violation(paragraph, text, start, end, left, right)
                    continue
            # Hyphenated, digit-glued and code-like tokens (Israel-IranRussia, 3DMark,
            # `toString`, obj.getName(), @handles, paths) are not judged.
            if (start > 0 and (text[start - 1] in _NOT_BEFORE or text[start - 1].isdigit())) or (
                end < len(text) and (text[end] in _NOT_AFTER or text[end].isdigit())
            ):
                continue
            halves = _split(document, text[start:end])
            if halves is not None:
                yield _violation(paragraph, text, start, end, *halves)


def _violation(paragraph: Paragraph, text: str, start: int, end: int, left: str, right: str) -> Violation:
    a, b = paragraph.span(start, end)
    cut = paragraph.span(start, start + len(left))[1]
    return Violation(
        a,
        b,
        f"words run together: '{text[start:end]}' should probably be '{left} {right}' "
        "(or a lost line break between them)",
        Fix(cut, cut, " ", safe=False),
    )


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [joined_words]
