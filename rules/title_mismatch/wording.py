"""How findings word a country, a title and the rewritten phrase."""

from __future__ import annotations

from newslint import patterns
from newslint.knowledge import Knowledge

from .phrases import APOSTROPHES, ATTRIBUTIVE, DEMONYM_END, Phrase


def attributive(knowledge: Knowledge, code: str, written_form: str | None, after_the: bool = False) -> str:
    """Return how to write a country before a title, in the style of the written form.

    After "the" ("Tony Blair, the British prime minister") a possessive cannot stand: a
    country without a demonym is then written by its name.
    """
    country = knowledge.countries.get(code)
    name = knowledge.country_name(code)
    if written_form and written_form.endswith(APOSTROPHES):
        apostrophe = written_form[-2]
        for form in country.forms if country else ():
            if form.endswith("'s") and " " not in form and form[:1].isupper():
                return form.replace("'", apostrophe)  # "Britain's", "America's"
        return possessive(knowledge, code).replace("'", apostrophe)
    if code in ATTRIBUTIVE and code in knowledge.forms.get(ATTRIBUTIVE[code], ()):
        return ATTRIBUTIVE[code]
    if country:
        for form in country.forms:
            if form != name and not form.endswith(APOSTROPHES) and " " not in form and DEMONYM_END.search(form):
                return form
    return name if after_the else f"{name}'s"


_THE = patterns.compile(
    r"^(?:United |Netherlands|Philippines|Bahamas|Gambia|Maldives|Holy See|Comoros|Seychelles|European |World |"
    r"International |North Atlantic )|Republic|Islands|Emirates"
)


def country_name(knowledge: Knowledge, code: str) -> str:
    """Return "Ukraine", "the United States" for messages."""
    name = knowledge.country_name(code)
    return f"the {name}" if _THE.search(name) else name


def possessive(knowledge: Knowledge, code: str) -> str:
    """Return "Ukraine's", "the United States'" for messages."""
    name = country_name(knowledge, code)
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def case_like(title: str, written: str) -> str:
    """Return ``title`` in the case style of the written title (capitalised or lower case)."""
    return title if written[:1].isupper() else title.lower()


def codes_text(knowledge: Knowledge, codes: frozenset[str]) -> str:
    """Return the countries a form names, as possessives ("Congo's or the DR Congo's")."""
    return " or ".join(sorted(possessive(knowledge, c) for c in codes))


def rewrite(
    phrase: Phrase, *, form: str | None = None, title: str | None = None, modifier_text: str | None = None
) -> str:
    """Return the phrase's modifiers, form and title rewritten (the name is left as written).

    ``modifier_text`` "" drops the written modifier, "former" adds one.
    """
    text = phrase.paragraph.text
    result = text[phrase.fix_start : phrase.fix_end]
    if modifier_text == "" and phrase.modifier is not None:
        result = _MODIFIER_WORD.sub("", result, count=1)
        if phrase.sentence_initial and result:
            result = result[0].upper() + result[1:]
    if form is not None and phrase.form is not None:
        result = result.replace(phrase.form, form, 1)
    if title is not None:
        index = result.rfind(phrase.written_title)
        if index >= 0:
            result = result[:index] + title + result[index + len(phrase.written_title) :]
    if modifier_text and phrase.modifier is None:
        word = "Former" if phrase.sentence_initial and not phrase.trailing else "former"
        result = f"{word} {result}"
    return result


_MODIFIER_WORD = patterns.compile(
    r"(?:(?<=^)|(?<=\s))(?:[Ff]ormer|[Ll]ate|[Tt]hen|[Oo]utgoing|[Ii]ncoming)\s+|(?:^|(?<=\s))(?:[Ee]x|[Tt]hen)-"
)


def preview(phrase: Phrase, replacement: str) -> str:
    """Return the whole phrase as the fix would leave it."""
    text = phrase.paragraph.text
    if phrase.trailing:
        return " ".join((text[phrase.start : phrase.fix_start] + replacement).split())
    return " ".join((replacement + text[phrase.fix_end : phrase.end]).split())


def message(phrase: Phrase, claim: str, replacement: str | None) -> str:
    """Return a finding's message: what is wrong, then the phrase as the fix would leave it."""
    return claim if replacement is None else f"{claim}: {preview(phrase, replacement)}"
