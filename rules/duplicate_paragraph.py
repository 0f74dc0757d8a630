"""NL208 duplicate-paragraph: a paragraph or a long sentence pasted twice into one article."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from newslint import patterns
from newslint.addresses import URL, mentions_web_address
from newslint.document import Document, Paragraph, Sentence
from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.rule import Rule, rule

# A link or image target pasted with its text (``![caption](https://...)`` in a plain
# text file) is not part of what is said; neither is a bare address.
# (A target stops at the next ']': '](' repeated with no ')' is scanned once, not from each.)
_TARGET = patterns.compile(rf"\]\([^)\s\]]*\)|{URL.pattern}")

MIN_PARAGRAPH_WORDS = 5
MIN_SENTENCE_WORDS = 9  # 'a sentence of more than eight words'
# A sentence pasted twice lands near its twin; one repeated far away is more often a
# deliberate echo (two products reviewed in parallel: 'X is sold separately for a fee').
# Far apart, only a long sentence counts.
NEAR_PARAGRAPHS = 3
MIN_FAR_SENTENCE_WORDS = 20


# Punctuation to blank out (str.translate is several times faster than a Unicode
# regex class over every sentence of a corpus). Inner apostrophes and hyphens stay.
_PUNCTUATION = str.maketrans({ch: " " for ch in '!"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”‘«»–—…·•¡¿'})


def _key(text: str) -> str:
    """Return what a passage says: its words in lower case, one space apart, without
    punctuation or link targets."""
    if "](" in text or mentions_web_address(text):
        text = _TARGET.sub(" ", text)
    return " ".join(text.lower().translate(_PUNCTUATION).split())


# A copy that lost or changed only its last mark ('week.' pasted as 'week') is a copy.
_END_MARKS = ".!?,;:"


def _plain_key(text: str) -> str:
    """Return a passage in lower case with its spacing made single, without its final marks."""
    return " ".join(text.lower().split()).rstrip(_END_MARKS)


def _all_different(texts: list[str]) -> bool:
    """True when no two of ``texts`` have the same ``_plain_key`` (a screen at C speed).

    Two texts with the same key have the same first and the same last white-space
    token in lower case (the last without its final marks): the key is those tokens of the lower-case text, joined by
    single spaces. Those two tokens cost two splits that stop at the first space from
    each end; only texts that share both are keyed in full. A blank text is left out:
    its key is empty, never reported nor the first of a reported pair.
    """
    lowered = [text.lower() for text in texts if text and not text.isspace()]
    ends = [(text.split(None, 1)[0], text.rsplit(None, 1)[-1].rstrip(_END_MARKS)) for text in lowered]
    if len(set(ends)) == len(ends):
        return True
    shared = {end for end, count in Counter(ends).items() if count > 1}
    keys = [" ".join(text.split()).rstrip(_END_MARKS) for text, end in zip(lowered, ends) if end in shared]
    return len(set(keys)) == len(keys)


def _words(key: str) -> int:
    return key.count(" ") + 1 if key else 0


def _sides_differ(a: Paragraph, b: Paragraph) -> bool:
    """True when one passage is in a block quote and the other is not: a pull quote."""
    return (a.kind == "quote") != (b.kind == "quote")


def _paragraph_fix(document: Document, paragraphs: tuple[Paragraph, ...], number: int) -> Fix | None:
    """Delete a verbatim copy of a paragraph with the blank lines before it, where that is clean."""
    paragraph = paragraphs[number]
    if number == 0 or not document.as_written(paragraph, 0, len(paragraph.text)):
        return None
    previous_end = paragraphs[number - 1].end
    if not document.text[previous_end : paragraph.start].isspace():
        return None  # a comment, a list marker or other markup in between
    return Fix(previous_end, paragraph.end, "")


def _sentence_fix(document: Document, previous: Sentence, sentence: Sentence) -> Fix | None:
    """Delete a sentence pasted straight after its twin, with the space between."""
    paragraph = sentence.paragraph
    if previous.paragraph is not paragraph or previous.text.strip() != sentence.text.strip():
        return None
    gap = paragraph.text[previous.end : sentence.start]
    if previous.text.endswith((" ", "\n")):
        gap = " "  # sentencex keeps the space after a sentence inside it
    if gap.strip():
        return None
    start, end = paragraph.span(
        previous.start + len(previous.text.rstrip()), sentence.start + len(sentence.text.rstrip())
    )
    if not document.as_written(
        paragraph, previous.start + len(previous.text.rstrip()), sentence.start + len(sentence.text.rstrip())
    ):
        return None
    return Fix(start, end, "")


def _line(document: Document, offset: int) -> int:
    return document.position(offset).line


@rule(
    "NL208",
    "duplicate-paragraph",
    summary="The same paragraph, or the same long sentence, twice in one article: a paste accident.",
    severity="warning",
)
def duplicate_paragraph(document: Document, options: Mapping[str, Any]) -> Iterator[Violation]:
    """What it does:
    Finds a paragraph of five words or more that says word for word what an earlier
    paragraph of the article says, and a sentence of more than eight words that
    repeats an earlier sentence (the same words, case and spacing aside) within three paragraphs (or anywhere in the article,
    when it has twenty words or more): the traces of copy pasted twice. A short
    sentence echoed far away is more often deliberate (two products reviewed in
    parallel, each ``sold separately for a fee``). Words are compared in lower case, without punctuation and without link or
    image targets, so that a caption pasted once as an image's alt text and once as a
    paragraph is found. The later copy is reported, with the line of the first. The
    fix deletes a paragraph that is an exact copy (with the blank lines before it), and
    a sentence pasted straight after its twin.

    It tells deliberate repeats apart by the document's structure: headings are never
    compared (a table of contents repeats them), nor is a paragraph or list item that
    says what a heading says (a contents entry); a Markdown block quote that repeats a
    body sentence is a pull quote, so a passage inside a block quote and one outside
    are never compared with each other. Plain text has no block quotes: a pull quote
    there is reported.

    Why it matters:
    A paragraph pasted twice is the commonest trace of a hurried edit in a CMS, and
    readers notice it at once.

    Example:
    ``The council met on Monday to discuss the plans for the new bridge.`` twice.

    Use instead:
    Delete the second copy.

    Options:
    None.
    """
    paragraphs = document.paragraphs
    # Copies are the same text, case and spacing aside. Only where the file holds link
    # or image targets in its prose (a Markdown image pasted into plain text) is every
    # paragraph compared by its words alone, which costs more. The paragraphs' texts
    # joined by NUL hold '](' or an address's mark exactly when one of them does: the
    # marks hold no NUL, so none is made across a join.
    prose = document.joined.text
    targets = "](" in prose or mentions_web_address(prose)
    reported: set[int] = set()
    # A paragraph is reported only when its key is an earlier paragraph's: where every
    # paragraph's text differs from the others' (white space and case aside), none is.
    if targets or not _all_different([p.text for p in paragraphs if p.kind != "heading"]):
        yield from _repeated_paragraphs(document, _key if targets else _plain_key, reported)

    # A sentence is reported only when its key is an earlier long sentence's: the same
    # screen rules out most articles.
    sentences = document.sentences
    texts = [sentence.text for sentence in sentences]
    if not _all_different([text for text in texts if text.count(" ") >= MIN_SENTENCE_WORDS - 1]):
        yield from _repeated_sentences(document, texts, reported)


def _repeated_paragraphs(document: Document, key_of: Callable[[str], str], reported: set[int]) -> Iterator[Violation]:
    """Yield the paragraphs that repeat an earlier one, compared by ``key_of``; note them in ``reported``."""
    paragraphs = document.paragraphs
    headings = {key_of(p.text) for p in paragraphs if p.kind == "heading"}
    first_paragraph: dict[str, int] = {}
    for number, paragraph in enumerate(paragraphs):
        if paragraph.kind == "heading":
            continue
        key = key_of(paragraph.text)
        if _words(key) < MIN_PARAGRAPH_WORDS or key in headings:
            continue
        earlier = first_paragraph.setdefault(key, number)
        if earlier != number and not _sides_differ(paragraphs[earlier], paragraph):
            reported.add(id(paragraph))
            yield Violation(
                paragraph.start,
                paragraph.end,
                f"paragraph repeated from line {_line(document, paragraphs[earlier].start)}",
                _paragraph_fix(document, paragraphs, number) if paragraphs[earlier].text == paragraph.text else None,
            )


def _repeated_sentences(document: Document, texts: list[str], reported: set[int]) -> Iterator[Violation]:
    """Yield the long sentences that repeat an earlier one, outside the ``reported`` paragraphs."""
    paragraphs, sentences = document.paragraphs, document.sentences
    first_sentence: dict[str, int] = {}
    order: dict[int, int] | None = None  # paragraph numbers, on the first repeat
    for number, sentence in enumerate(sentences):
        text = texts[number]
        # Most sentences are too short to judge: a count of spaces says so cheaply. A
        # sentence pasted twice is the same text: its words in lower case are key
        # enough (what paragraphs get, punctuation and link targets aside, costs more).
        if text.count(" ") < MIN_SENTENCE_WORDS - 1:
            continue
        key = _plain_key(text)
        earlier_number = first_sentence.setdefault(key, number)
        if earlier_number == number:
            continue
        earlier_sentence, paragraph = sentences[earlier_number], sentence.paragraph
        if order is None:
            order = {id(p): n for n, p in enumerate(paragraphs)}
        words = _words(key)
        near = order[id(paragraph)] - order[id(earlier_sentence.paragraph)] <= NEAR_PARAGRAPHS
        if (
            words < MIN_SENTENCE_WORDS
            or not (near or words >= MIN_FAR_SENTENCE_WORDS)
            or "heading" in (paragraph.kind, earlier_sentence.paragraph.kind)
            or id(paragraph) in reported
            or _sides_differ(earlier_sentence.paragraph, paragraph)
        ):
            continue
        stripped = text.rstrip()
        start, end = paragraph.span(sentence.start, sentence.start + len(stripped))
        shown = " ".join(stripped.split()[:6])
        yield Violation(
            start,
            end,
            f"sentence repeated from line {_line(document, earlier_sentence.span()[0])}: '{shown} ...'",
            # Against the sentence just before, when it is a copy too: in a run of copies
            # each is deleted after its predecessor, all in one pass of --fix.
            _sentence_fix(document, sentences[number - 1], sentence),
        )


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [duplicate_paragraph]
