"""NL301 title-mismatch: a person given a title they did not hold, or not at the article's date.

The rule answers three questions, one module each: where the title phrases are
(``finder`` and ``phrases``), whether one phrase is right against the knowledge base
(``judge``, worded by ``wording``), and whether the article agrees with itself about people
the base does not know (``consistency``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.finding import Fix, Violation
from newslint.hookspecs import hookimpl
from newslint.knowledge import load
from newslint.knowledge import option as knowledge_option
from newslint.options import Option
from newslint.rule import Rule, rule

from .finder import titles_by_paragraph

if TYPE_CHECKING:
    from .judge import Verdict
    from .phrases import Phrase


@rule(
    "NL301",
    "title-mismatch",
    severity="error",
    summary="A person given a title they did not hold: another country's, or not at the article's date.",
    options={
        "knowledge": knowledge_option(),
        "undated-margin-days": Option(365, min=0, help="days around --date a term counts as current, undated"),
        "handover-days": Option(14, min=0, help="days around a handover with no former or not-yet finding"),
    },
)
def title_mismatch(document, options) -> Iterator[Violation]:
    """What it does:
    Finds titles given to people, "Russian President Volodymyr Zelenskyy", "US President Donald
    Trump", "Benjamin Netanyahu, the Israeli prime minister", "Mr Blair, the French prime
    minister", "the president of Russia, Volodymyr Zelenskyy", "King Mohammed VI of Jordan", and checks them against a knowledge base of heads of state and government and
    leading ministers since 1990. It reports a person given another country's title (whatever
    offices that country has: "German Prime Minister Tony Blair"), a head's title their own
    country does not have ("German Prime Minister Gerhard Schroeder"), a title not held at the
    article's date ("President X" after X left office: "former"; "only became" when the term
    came later), and "former" for someone still in office. A bare "President" or "Prime
    Minister" before the name of a country's sitting leader is judged by that country
    ("President Boris Johnson": the United Kingdom has no president), unless a capitalised
    word stands before it ("Fidesz President", another body's office) or the leader also
    holds an international body's office then. A name that fits several known
    people ("George Bush") is reported only when none of them fits. `former`, `ex-`, `late`,
    `then-`, `acting`, `outgoing`, `incoming` and `-elect` are understood. Within one article it
    also reports, for people the knowledge base does not know, one single-holder office given
    to two people, or one person given two countries' titles.

    Why it matters:
    A wrong title is a factual error in the first words a reader takes in, and the kind a
    correction has to be published for.

    Example:
    ``After Russian President Volodymyr Zelenskyy visited Paris...``

    Use instead:
    ``After Ukrainian President Volodymyr Zelenskyy visited Paris...``

    Options:
    ``knowledge``: extra YAML files in the knowledge base's format (paths relative to the working
    directory), for local officials or a paper's own list; they override the shipped files office by
    office and person by person. ``undated-margin-days`` (365): when the article has no date of its
    own (front matter), its date is only the run's ``--date`` or today, so a term counts as
    current if it overlaps this many days either side. ``handover-days`` (14): within this many
    days of a term's start or end no "former" or "not yet" finding is made (copy keeps a title
    for some days, and sources date handovers differently). Facts after a file's ``checked``
    date are never asserted: an open-ended term is assumed to go on.

    Known problems:
    A surname alone ("President Bush") is judged only when the article names that person in
    full, or the title says something about dates; a monarch's name without the regnal
    number ("King Felipe", "King Abdullah": Abdullah II of Jordan, and the Saudi king the
    files also call so) counts as a whole name; people the knowledge base does not know,
    and spans its files mark incomplete, are never judged. Regnal titles (king, pope) are not
    checked against dates; courtesy titles (prince, sheikh) not at all.
    """
    knowledge = load(tuple(options.get("knowledge") or ()))
    if not knowledge.office_titles:  # at hand without loading the facts
        return
    phrases: list[Phrase] = []
    for paragraph, titles in zip(document.paragraphs, titles_by_paragraph(knowledge, document)):
        if titles:
            from .phrases import find_phrases  # reading phrases, judging them: only where a title stands

            phrases.extend(find_phrases(knowledge, paragraph, titles))
    if not phrases:
        return  # most articles: nothing more to do
    from .consistency import consistency
    from .judge import Article, judge, window
    from .wording import message

    w = window(document, int(options.get("undated-margin-days", 365)), int(options.get("handover-days", 14)))
    verdicts: dict[int, Verdict] = {}
    article = Article(document, tuple(phrases))
    for phrase in phrases:
        verdict = judge(knowledge, phrase, w, article)
        if verdict is not None:
            verdicts[id(phrase)] = verdict
    reports: list[tuple[Phrase, str, Fix | None]] = []
    for phrase in phrases:
        verdict = verdicts.get(id(phrase))
        if verdict is None:
            continue
        fix = None
        if verdict.replacement is not None:
            start, end = phrase.paragraph.span(phrase.fix_start, phrase.fix_end)
            fix = Fix(start, end, verdict.replacement, safe=False)
        reports.append((phrase, message(phrase, verdict.claim, verdict.replacement), fix))
    for phrase, text in consistency(knowledge, phrases, set(verdicts)):
        reports.append((phrase, text, None))
    for phrase, text, fix in reports:
        start, end = phrase.paragraph.span(phrase.start, phrase.end)
        yield Violation(start, end, text, fix)


@hookimpl
def newslint_rules() -> list[Rule]:
    """Return this module's rules."""
    return [title_mismatch]
