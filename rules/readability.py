"""NL401 readability: paragraphs (and articles) that read above a school grade.

Scores are computed in ``newslint.counts`` from the document's sentences and textstat's
syllable count (Pyphen hyphenation, without textstat's NLTK download); Pyphen is imported
on the first paragraph actually scored, never at start-up.
"""

from __future__ import annotations

from collections.abc import Iterator

from newslint.counts import Counts, is_name_roll, of_document
from newslint.document import PROSE_KINDS
from newslint.finding import Violation
from newslint.hookspecs import hookimpl
from newslint.options import Option
from newslint.parsers.model import LINE_BREAK
from newslint.rule import Rule, rule


def _drivers(counts: Counts) -> str:
    return f"{counts.words_per_sentence:.0f} words a sentence, {counts.syllables_per_word:.1f} syllables a word"


@rule(
    "NL401",
    "readability",
    severity="info",
    summary="A paragraph or article reads above Flesch-Kincaid grade 14 (by default).",
    options={
        "max-grade": Option(14.0, min=0, help="the highest Flesch-Kincaid grade not reported"),
        "min-words": Option(25, min=1, help="paragraphs shorter than this are not scored"),
        "article": Option(True, help="also score the article as a whole"),
    },
)
def readability(document, options) -> Iterator[Violation]:
    """What it does:
    Scores each paragraph with the Flesch-Kincaid grade (and Flesch reading ease) and
    reports a paragraph that reads above ``max-grade``, with what drives the score: long
    sentences (words a sentence) or long words (syllables a word). With ``article`` on,
    it also reports, at the article's first line, an article whose prose as a whole is
    above the grade. Headings are skipped, and so are paragraphs of fewer than
    ``min-words`` words, whose scores swing on one long word, and lists of names (team
    sheets, cast lists: more than 60% of the words capitalised), where the formulas mean
    nothing.

    Sentences are the document's own (sentencex), so "U.S." and "Mr." do not end a
    sentence; figures and abbreviations count as words, with syllables as read aloud.

    Why it matters:
    General news is written for readers at about grade 8 to 10 (Flesch reading ease 50
    to 70). A paragraph above grade 14 is hard going on a phone: usually one sentence
    carries too many clauses, or abstract nouns pile up. The default is 14, not the 12
    often quoted for whole articles, because one paragraph's score swings with one long
    sentence: a quarter of the paragraphs of well-edited BBC copy score above 12, and
    an editor does not want a quarter of the paragraphs flagged.

    Example:
    ``The committee's recommendations, notwithstanding considerable institutional
    opposition, necessitated comprehensive reconsideration of the organisation's
    longstanding administrative arrangements and its financial accountability.``

    Use instead:
    ``The committee's advice met strong resistance. It forced the organisation to rethink
    how it is run and how it accounts for its money.``

    Options:
    ``max-grade`` (number, default 14): report paragraphs above this Flesch-Kincaid grade.
    ``min-words`` (integer, default 25): skip paragraphs with fewer words.
    ``article`` (true/false, default true): also report an article above the grade.
    """
    max_grade = float(options["max-grade"])
    min_words = int(options["min-words"])
    prose = [p for p in document.paragraphs if p.kind in PROSE_KINDS]
    # Syllables (and the Pyphen import) are only counted when there is enough prose to
    # score. White-space chunks only choose the route: a short text is first counted
    # without syllables, and let go only when its words are too few; long-sentence's
    # words (a web address counts one) are never fewer than readability's, so no
    # paragraph and no article that could be scored is let go.
    chunks = 0
    for paragraph in prose:
        if chunks >= min_words:
            break  # enough: the rest of the article need not be split for this
        chunks += len(paragraph.text.split())
    if chunks < min_words:
        rough = of_document(document)  # without syllables, every sentence's words are counted
        if not rough.syllables and sum(sum(rough.of(p).sentence_words or ()) for p in prose) < min_words:
            return
    measured = of_document(document, syllables=True)
    whole = bool(options["article"])
    for paragraph in prose:
        counts = measured.of(paragraph).counts or Counts()
        if counts.words < min_words:
            continue
        grade = counts.flesch_kincaid_grade
        if grade > max_grade and not is_name_roll(paragraph.text):
            start, end = paragraph.span(0, len(paragraph.text))
            message = (
                f"Flesch-Kincaid grade {grade:.1f} (over {max_grade:g}), reading ease "
                f"{counts.flesch_reading_ease:.0f}: {_drivers(counts)}"
            )
            yield Violation(start, end, message)
    article = measured.readable(prose)
    if whole and article.words >= min_words and article.flesch_kincaid_grade > max_grade:
        first = document.paragraphs[0]
        line_end = LINE_BREAK.search(first.text)  # the first line, without its break (CRLF, CR or LF)
        start, end = first.span(0, len(first.text) if line_end is None else line_end.start())
        message = (
            f"the article reads at Flesch-Kincaid grade {article.flesch_kincaid_grade:.1f} "
            f"(over {max_grade:g}), reading ease {article.flesch_reading_ease:.0f}: {_drivers(article)}"
        )
        yield Violation(start, end, message)


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [readability]
