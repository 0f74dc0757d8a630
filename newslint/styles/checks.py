"""The extension points: one class per ``extends:`` value, each turning a rule file into a check.

A check reads the segments of its scope (``newslint.styles.scopes``) and returns
violations with file offsets. The behaviour follows Vale's documentation and test
fixtures; where newslint differs on purpose it says so in the class docstring.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newslint.document import Document, Paragraph
from newslint.finding import Fix, Violation
from newslint.styles.regex import RegexError, sre_parser, translate
from newslint.styles.scopes import Scope

WORD_TEMPLATE = r"\b(?:{})\b"
NONWORD_TEMPLATE = r"(?:{})"
_DOLLAR_GROUP = re.compile(r"\$(\d+)")
_CAPTURE_OPEN = re.compile(r"(?<!\\)\((?!\?)|\(\?P?<(?![=!])[A-Za-z_][A-Za-z0-9_]*>")
_REGEX_META = frozenset("[](){}*+?|^$\\")
_TITLE_WORD = re.compile(r"(?:[^\W_]|\*)+\S*")
# A bare inline flag, "(?i)": in RE2 it reaches into the alternatives after it.
_INLINE_FLAG = re.compile(r"\(\?[A-Za-z]*-?[A-Za-z]*\)")


@dataclass(frozen=True)
class Action:
    """A rule's ``action``: how a finding is fixed (``replace``, ``remove``, ``edit``...)."""

    name: str = ""
    params: tuple[str, ...] = ()


@dataclass(frozen=True)
class Definition:
    """The keys every rule file has, validated."""

    style: str
    name: str
    path: str
    extends: str
    message: str
    description: str = ""
    link: str = ""
    level: str = "suggestion"
    scope: Scope = Scope()
    limit: int = 0
    action: Action = Action()

    @property
    def code(self) -> str:
        """Return the rule's code as Vale writes it: ``Style.Rule``."""
        return f"{self.style}.{self.name}"


@lru_cache(maxsize=4096)
def _message_parts(message: str) -> list[str]:
    return re.split(r"(%[sd])", message)


def format_message(message: str, *values: Any) -> str:
    """Fill ``%s`` (and ``%d``) in a Vale message with the values, in order."""
    parts = _message_parts(message)
    out, k = [], 0
    for part in parts:
        if part in ("%s", "%d"):
            out.append(str(values[k]) if k < len(values) else "")
            k += 1
        else:
            out.append(part)
    return "".join(out).replace("%%", "%")


def to_sentence(words: Sequence[str], joiner: str = "or") -> str:
    """Return ``'a'``, ``'a' or 'b'``, ``'a', 'b' or 'c'`` as Vale lists suggestions."""
    quoted = [f"'{word}'" for word in words]
    if len(quoted) <= 1:
        return "".join(quoted)
    if len(quoted) == 2:
        return f"{quoted[0]} {joiner} {quoted[1]}"
    return ", ".join(quoted[:-1]) + f", {joiner} {quoted[-1]}"


def split_options(value: str) -> list[str]:
    """Split ``a|b|c`` into options; ``\\|`` is a literal bar."""
    return [option.replace("\0", "|") for option in value.replace("\\|", "\0").split("|") if option]


def is_phrase(value: str) -> bool:
    """Return whether ``value`` is plain words (letters and spaces), compared as text."""
    return all(ch.isalpha() or ch == " " for ch in value)


def is_literal(value: str) -> bool:
    """Return whether ``value`` reads as text, not as a regex, so it can be written into a fix."""
    return not any(ch in _REGEX_META for ch in value)


def _opens_sentence(text: str, start: int) -> bool:
    """Return whether ``text[start:]`` begins a sentence (or the block)."""
    before = text[:start].rstrip(" \t\n\"'“‘(")
    return not before or before[-1] in ".!?:"


def cap_first(value: str) -> str:
    """Return ``value`` with its first character in upper case."""
    return value[:1].upper() + value[1:]


def _flags(ignorecase: bool, multiline: bool = True) -> int:
    return (re.IGNORECASE if ignorecase else 0) | (re.MULTILINE if multiline else 0)


def _compile(pattern: str, ignorecase: bool, multiline: bool = True) -> re.Pattern[str]:
    return re.compile(translate(pattern), _flags(ignorecase, multiline))


class Exceptions:
    """A rule's ``exceptions`` (and the accepted vocabulary): matches they cover are not reported.

    As in Vale, an exception is searched, word-bounded, in the matched text, and a
    multi-word exception also covers a match inside it (``mea`` inside ``mea culpa``).
    An entry is case-sensitive unless it starts with ``(?i)``.
    """

    def __init__(self, terms: Iterable[str]) -> None:
        terms = sorted({t for t in terms if t.strip()}, key=lambda t: (-len(t), t))
        self.terms = tuple(terms)
        if not terms:
            self._word = self._phrase = None
            return
        scoped = [t if t.startswith("(?i)") else f"(?-i:{t})" for t in terms]
        self._word = re.compile(translate(WORD_TEMPLATE.format("|".join(scoped))), re.MULTILINE)
        phrases = [t for t in terms if " " in t or "\t" in t or "\\s" in t]
        self._phrase = (
            re.compile(translate(WORD_TEMPLATE.format("|".join(phrases))), re.IGNORECASE) if phrases else None
        )

    def covers(self, observed: str, text: str = "", start: int = 0, end: int = 0) -> bool:
        """Return whether an exception matches ``observed`` or a phrase holds ``text[start:end]``."""
        if self._word is None:
            return False
        if self._word.search(observed):
            return True
        if self._phrase is not None and text:
            for match in self._phrase.finditer(text, max(0, start - 200), min(len(text), end + 200)):
                if match.start() <= start and end <= match.end():
                    return True
        return False

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Return where exceptions occur in ``text`` (for capitalization)."""
        return [m.span() for m in self._word.finditer(text)] if self._word is not None else []


def action_fix(action: Action, observed: str, start: int, end: int) -> Fix | None:
    """Return the fix an ``action`` gives for a match, or None."""
    name, params = action.name, action.params
    if name == "replace" and params:
        return Fix(start, end, params[0], safe=len(params) == 1)
    if name == "remove":
        return Fix(start, end, "")
    if name != "edit" or not params:
        return None
    how, rest = params[0], params[1:]
    if how == "regex" and len(rest) >= 2:
        try:
            replaced = re.sub(
                translate(rest[0]), _DOLLAR_GROUP.sub(r"\\g<\1>", rest[1].replace("\\", "\\\\")), observed
            )
        except (RegexError, re.error):
            return None
        return Fix(start, end, replaced)
    chars = rest[0] if rest else " "
    if how == "trim_right":
        return Fix(start, end, observed.rstrip(chars))
    if how == "trim_left":
        return Fix(start, end, observed.lstrip(chars))
    if how == "trim":
        return Fix(start, end, observed.strip(chars))
    if how == "remove":
        return Fix(start, end, "".join(ch for ch in observed if ch not in chars))
    if how == "truncate" and rest:
        return Fix(start, end, observed.split(rest[0])[0])
    if how == "split" and len(rest) >= 2 and rest[1].isdigit():
        parts = observed.split(rest[0])
        index = int(rest[1])
        return Fix(start, end, parts[index]) if index < len(parts) else None
    return None


def may_match_empty(source: str, flags: int) -> bool:
    """Return whether a Python pattern can match the empty string somewhere."""
    try:
        return bool(sre_parser().parse(source, flags).getwidth()[0] == 0)
    except Exception:
        return True


def leftmost_first(patterns: Sequence[tuple[int, re.Pattern[str]]], text: str) -> Iterable[tuple[int, re.Match[str]]]:
    """Yield ``(index, match)`` as one alternation of ``patterns`` (in their order) matches ``text``.

    At each step the leftmost match wins, the earlier pattern on a tie, and the scan goes
    on after it, as ``(?:A|B|C)`` would; each pattern's search is kept until the scan
    passes it. This runs a few alternatives of a large rule without compiling a pattern
    for every combination of them. None of the patterns may match the empty string
    (after an empty match an alternation retries the same place for a longer one).
    """
    if len(patterns) == 1:
        index, pattern = patterns[0]
        for match in pattern.finditer(text):
            yield index, match
        return
    pending: list[re.Match[str] | None | bool] = [True] * len(patterns)  # True: not searched yet
    at, end = 0, len(text)
    while at <= end:
        best: tuple[int, re.Match[str]] | None = None
        for order, (index, pattern) in enumerate(patterns):
            found = pending[order]
            if found is True or (found is not None and found is not False and found.start() < at):
                found = pending[order] = pattern.search(text, at)
            if (
                found is not None
                and found is not True
                and found is not False
                and (best is None or found.start() < best[1].start())
            ):
                best = (index, found)
        if best is None:
            return
        yield best
        match = best[1]
        at = match.end() if match.end() > match.start() else match.end() + 1


class Check:
    """Base class: a compiled rule file."""

    #: The pattern (Python source and flags) whose literals decide, before any regex runs,
    #: whether a segment can hold a finding (see ``newslint.styles.batch``); None: always run.
    prefilter: tuple[str, int] | None = None
    #: The rule's alternatives (tokens, swap keys) as patterns of their own, when the rule
    #: may run with only some of them: those whose literals occur in the segment.
    alternatives: list[tuple[str, int]] | None = None

    def __init__(self, definition: Definition) -> None:
        self.definition = definition

    @property
    def scope(self) -> Scope:
        """Return the rule's scope."""
        return self.definition.scope

    def run(
        self, document: Document, segments: Sequence[Paragraph], subset: Sequence[int] | None = None
    ) -> list[Violation]:
        """Return the rule's violations in ``segments`` of ``document``.

        ``subset`` names the only alternatives that can match there (the others' literals
        are absent), so a pattern of just those gives the same matches, faster.
        """
        raise NotImplementedError

    def violation(
        self, segment: Paragraph, start: int, end: int, message: str, fix_text: Fix | None = None
    ) -> Violation:
        """Return a violation for a local span of a segment (a fix given in local offsets)."""
        a, b = segment.span(start, end)
        fix = None
        if fix_text is not None:
            fix = Fix(a, b, fix_text.text, fix_text.safe)
        return Violation(a, b, message, fix)

    def action(self, segment: Paragraph, observed: str, start: int, end: int) -> Fix | None:
        """Return the fix the rule's ``action`` gives for a local span (local offsets)."""
        return action_fix(self.definition.action, observed, start, end)


class Existence(Check):
    """``existence``: report every match of ``tokens`` (word-bounded unless ``nonword``) or ``raw``."""

    def __init__(self, definition: Definition, keys: Mapping[str, Any], accepted: Sequence[str]) -> None:
        super().__init__(definition)
        self.tokens = [t for t in keys.get("tokens", []) if t.strip()]
        self.raw = "".join(keys.get("raw", []))
        self.append = bool(keys.get("append"))
        self.template = NONWORD_TEMPLATE if keys.get("nonword") else WORD_TEMPLATE
        self.ignorecase = bool(keys.get("ignorecase"))
        self._patterns: dict[tuple[int, ...] | None, re.Pattern[str]] = {}
        flags = _flags(self.ignorecase)
        self.prefilter = (translate(self.source_for(None)), flags)
        if len(self.tokens) > 1 and not self.raw and not any(_INLINE_FLAG.search(t) for t in self.tokens):
            self.alternatives = [(translate(self.template.format(t)), flags) for t in self.tokens]
            self.empty = {i for i, (source, _) in enumerate(self.alternatives) if may_match_empty(source, flags)}
        # A vocabulary word would hide any nonword match merely containing it (Vale's #1058).
        vocab = keys.get("vocab", True) and not keys.get("nonword")
        self.exceptions = Exceptions([*keys.get("exceptions", []), *(accepted if vocab else [])])

    @property
    def pattern(self) -> re.Pattern[str]:
        """Return the rule's whole pattern, compiled."""
        return self.pattern_for(None)

    def source_for(self, subset: Sequence[int] | None) -> str:
        """Return the Vale pattern of all tokens, or of those in ``subset``."""
        tokens = self.tokens if subset is None else [self.tokens[i] for i in subset]
        core = self.template.format("|".join(tokens)) if tokens else ""
        return (core + self.raw if self.append else self.raw + core) or "(?!)"

    def pattern_for(self, subset: Sequence[int] | None) -> re.Pattern[str]:
        """Return the rule's pattern, or one of only the tokens in ``subset`` (cached)."""
        key = None if subset is None else tuple(subset)
        found = self._patterns.get(key)
        if found is None:
            found = self._patterns[key] = _compile(self.source_for(key), self.ignorecase)
        return found

    def matches(self, text: str, subset: Sequence[int] | None) -> Iterable[re.Match[str]]:
        """Return the rule's matches in ``text`` (only ``subset``'s tokens can match there)."""
        if subset is None or self.alternatives is None or any(i in self.empty for i in subset):
            return self.pattern_for(subset).finditer(text)
        return (match for _, match in leftmost_first([(i, self.pattern_for((i,))) for i in subset], text))

    def run(
        self, document: Document, segments: Sequence[Paragraph], subset: Sequence[int] | None = None
    ) -> list[Violation]:
        found = []
        for segment in segments:
            text = segment.text
            for match in self.matches(text, subset):
                start, end = match.span()
                if start == end:
                    continue
                observed = match.group()
                if self.exceptions.covers(observed.strip(), text, start, end):
                    continue
                groups = [g for g in match.groups() if g is not None]
                message = format_message(self.definition.message, observed, *groups)
                found.append(self.violation(segment, start, end, message, self.action(segment, observed, start, end)))
        return found


class Substitution(Check):
    """``substitution``: a ``swap`` of ``observed: expected`` pairs; messages get expected, observed.

    Keys are tried longest first, as in Vale. ``$1`` in an expected value is the key's
    first capture group. A fix is offered where the expected value is text: safe when it
    is the one replacement and keeps the match's initial capital, a suggestion otherwise.
    """

    def __init__(self, definition: Definition, keys: Mapping[str, Any], accepted: Sequence[str]) -> None:
        super().__init__(definition)
        swap: Mapping[str, str] = keys.get("swap", {})
        self.ignorecase = bool(keys.get("ignorecase"))
        self.capitalize = bool(keys.get("capitalize"))
        # Vale.Terms only: "al-Qaeda" may open a sentence as "Al-Qaeda" (not a rule-file key).
        self.sentence_capital = bool(keys.get("sentence-capital"))
        self.terms = sorted(swap, key=lambda k: (-len(k), k))
        self.expected = [swap[k] for k in self.terms]
        self._originals: dict[int, re.Pattern[str]] = {}
        self.template = NONWORD_TEMPLATE if keys.get("nonword") else WORD_TEMPLATE
        self._patterns: dict[tuple[int, ...] | None, tuple[re.Pattern[str], list[int]]] = {}
        flags = _flags(self.ignorecase)
        self.prefilter = (translate(self.source_for(range(len(self.terms)))), flags)
        if len(self.terms) > 1 and not any(_INLINE_FLAG.search(k) for k in self.terms):
            self.alternatives = [(translate(self.source_for([i])), flags) for i in range(len(self.terms))]
            self.empty = {i for i, (source, _) in enumerate(self.alternatives) if may_match_empty(source, flags)}
        self.exceptions = Exceptions([*keys.get("exceptions", []), *(accepted if keys.get("vocab", True) else [])])

    @property
    def pattern(self) -> re.Pattern[str]:
        """Return the rule's whole pattern, compiled."""
        return self.pattern_for(None)[0]

    def source_for(self, indices: Iterable[int]) -> str:
        """Return the Vale pattern of the keys at ``indices``, each key one capture group."""
        body = "|".join("(" + _CAPTURE_OPEN.sub("(?:", self.terms[i]) + ")" for i in indices)
        return self.template.format(body or "(?!)")

    def original(self, index: int) -> re.Pattern[str]:
        """Return the key at ``index`` compiled with its own capture groups (for ``$1``)."""
        found = self._originals.get(index)
        if found is None:
            found = self._originals[index] = _compile(self.terms[index], self.ignorecase, multiline=False)
        return found

    def expected_for(self, index: int, text: str, start: int, end: int) -> str:
        """Return the expected text for the key at ``index`` matched at ``text[start:end]``.

        ``$1`` is filled from the key's own match at that place, so a key with
        look-arounds (``(Mr|Dr)\\.(?= [A-Z])``) sees the text around the match.
        """
        observed = text[start:end]
        expected = self.expected[index]
        if self.capitalize and observed == cap_first(observed):
            expected = cap_first(expected)
        if _DOLLAR_GROUP.search(expected):
            template = _DOLLAR_GROUP.sub(r"\\g<\1>", expected.replace("\\", "\\\\"))
            match = self.original(index).match(text, start)
            if match is not None and match.end() == end:
                try:
                    expected = match.expand(template)
                except (re.error, IndexError):
                    pass
        return expected

    def pattern_for(self, subset: Sequence[int] | None) -> tuple[re.Pattern[str], list[int]]:
        """Return the pattern of all keys (or those in ``subset``) and each group's key (cached)."""
        key = None if subset is None else tuple(subset)
        found = self._patterns.get(key)
        if found is None:
            indices = list(range(len(self.terms))) if key is None else list(key)
            found = self._patterns[key] = (_compile(self.source_for(indices), self.ignorecase), indices)
        return found

    def matches(self, text: str, subset: Sequence[int] | None) -> Iterable[tuple[int, int, re.Match[str]]]:
        """Return ``(key index, group, match)`` for each match (only ``subset``'s keys can match)."""
        if subset is None or self.alternatives is None or any(i in self.empty for i in subset):
            pattern, indices = self.pattern_for(subset)
            for match in pattern.finditer(text):
                group = match.lastindex or 0
                if group >= 1:
                    yield indices[group - 1], group, match
            return
        for index, match in leftmost_first([(i, self.pattern_for((i,))[0]) for i in subset], text):
            yield index, 1, match

    def run(
        self, document: Document, segments: Sequence[Paragraph], subset: Sequence[int] | None = None
    ) -> list[Violation]:
        found = []
        replace = self.definition.action.name == "replace"
        message = self.definition.message
        for segment in segments:
            text = segment.text
            for index, group, match in self.matches(text, subset):
                if match.start() == match.end():
                    continue
                start, end = match.span(group)
                observed = match.group(group)
                expected = self.expected_for(index, text, start, end)
                options = split_options(expected)
                if replace:
                    same = observed in options
                elif is_phrase(expected):
                    same = expected == observed
                else:
                    try:
                        same = re.fullmatch(translate(expected), observed) is not None
                    except (RegexError, re.error):
                        same = expected == observed
                if not same and self.sentence_capital and observed == cap_first(expected) != expected:
                    same = _opens_sentence(text, start)
                if same or self.exceptions.covers(observed, text, start, end):
                    continue
                shown, text_message = expected, message
                if replace and not self.definition.action.params:
                    shown = to_sentence(options)
                    # Vale drops the quotes around the first %s: the options carry their own.
                    for spec in ("'%s'", '"%s"'):
                        if text_message.count(spec) == 2:
                            text_message = text_message.replace(spec, "%s", 1)
                fix = self.fix(observed, options, start, end)
                found.append(self.violation(segment, start, end, format_message(text_message, shown, observed), fix))
        return found

    def fix(self, observed: str, options: list[str], start: int, end: int) -> Fix | None:
        """Return the fix for a match: the one literal option (safe) or the first of several."""
        action = self.definition.action
        if action.name and not (action.name == "replace" and not action.params):
            return action_fix(action, observed, start, end)
        literal = [option for option in options if is_literal(option)]
        if not literal or len(literal) != len(options):
            return None
        first = literal[0]
        # Writing "per cent" over "Percent" at the start of a sentence would lose its capital.
        loses_capital = observed[:1].isupper() and first[:1].islower()
        return Fix(start, end, first, safe=len(literal) == 1 and not loses_capital)


class Occurrence(Check):
    """``occurrence``: more than ``max`` or fewer than ``min`` matches of ``token`` in a scope block.

    The finding sits on the first match (or, for too few, at the block's start); the
    message's ``%s`` or ``%d`` is the count.
    """

    def __init__(self, definition: Definition, keys: Mapping[str, Any]) -> None:
        super().__init__(definition)
        self.pattern = _compile(NONWORD_TEMPLATE.format(keys["token"]), bool(keys.get("ignorecase")), multiline=False)
        self.max = int(keys.get("max", 0) or 0)
        self.min = int(keys.get("min", 0) or 0)
        if not self.min:
            # Only too many matches can break it: no match, no finding.
            self.prefilter = (self.pattern.pattern, self.pattern.flags)

    def run(
        self, document: Document, segments: Sequence[Paragraph], subset: Sequence[int] | None = None
    ) -> list[Violation]:
        found = []
        for segment in segments:
            matches = [m for m in self.pattern.finditer(segment.text) if m.group().strip()]
            count = len(matches)
            if (self.max and count > self.max) or (self.min and count < self.min):
                start, end = matches[0].span() if matches else (0, 0)
                found.append(self.violation(segment, start, end, format_message(self.definition.message, count)))
        return found


class Repetition(Check):
    """``repetition``: the same match of ``tokens`` twice in a row within one sentence.

    More than ``max`` repeats in a row are reported (a run of other words resets the
    count; Vale's count runs on across the block).
    """

    def __init__(self, definition: Definition, keys: Mapping[str, Any], accepted: Sequence[str]) -> None:
        super().__init__(definition)
        self.ignorecase = bool(keys.get("ignorecase"))
        self.pattern = _compile("(" + "|".join(keys.get("tokens", [])) + ")", self.ignorecase, multiline=False)
        self.max = int(keys.get("max", 0) or 0)
        self.alpha = bool(keys.get("alpha"))
        self.exceptions = Exceptions([*keys.get("exceptions", []), *(accepted if keys.get("vocab", True) else [])])

    def run(
        self, document: Document, segments: Sequence[Paragraph], subset: Sequence[int] | None = None
    ) -> list[Violation]:
        from newslint.sentences import split

        found = []
        for segment in segments:
            text = segment.text
            previous, previous_start, count = "", 0, 0
            for match in self.pattern.finditer(text):
                current = match.group().strip()
                if self.ignorecase:
                    hit = current != "" and current.casefold() == previous.casefold()
                else:
                    hit = current != "" and current == previous
                hit = hit and (not self.alpha or current.isalpha())
                count = count + 1 if hit else 0
                if hit and count > self.max:
                    start, end = previous_start, match.end()
                    span_text = text[start:end]
                    if len(split(span_text)) == 1 and not self.exceptions.covers(span_text, text, start, end):
                        message = format_message(self.definition.message, current)
                        found.append(
                            self.violation(segment, start, end, message, self.action(segment, span_text, start, end))
                        )
                        count = 0
                previous, previous_start = current, match.start()
        return found


class Consistency(Check):
    """``consistency``: of each ``either`` pair, the form used first in the article is the house form.

    Every later use of the other form is reported. (Vale reports once per block, at the
    block's last match, once both forms have been seen; newslint points at each stray use.)
    """

    def __init__(self, definition: Definition, keys: Mapping[str, Any]) -> None:
        super().__init__(definition)
        template = NONWORD_TEMPLATE if keys.get("nonword") else WORD_TEMPLATE
        self.pairs = [
            _compile(template.format(f"(?P<first>{a})|(?P<second>{b})"), bool(keys.get("ignorecase")))
            for a, b in keys.get("either", {}).items()
        ]

    def run(
        self, document: Document, segments: Sequence[Paragraph], subset: Sequence[int] | None = None
    ) -> list[Violation]:
        found = []
        for pattern in self.pairs:
            established = None
            for segment in segments:
                for match in pattern.finditer(segment.text):
                    form = match.lastgroup
                    if established is None:
                        established = form
                    elif form != established and match.start() < match.end():
                        message = format_message(self.definition.message, match.group())
                        found.append(self.violation(segment, match.start(), match.end(), message))
        return found


class Conditional(Check):
    """``conditional``: a match of ``first`` needs a match of ``second`` (a definition) before it.

    When ``second`` has a capture group (``... \\(([A-Z]{2,5})\\)``), a ``first`` match is
    fine once that text has been captured in the same block or an earlier one; without a
    group, ``second`` must appear in the same block.
    """

    def __init__(self, definition: Definition, keys: Mapping[str, Any], accepted: Sequence[str]) -> None:
        super().__init__(definition)
        ignorecase = bool(keys.get("ignorecase"))
        self.first = _compile(keys["first"], ignorecase, multiline=False)
        self.second = _compile(keys["second"], ignorecase, multiline=False)
        self.grouped = self.second.groups > 0
        self.exceptions = Exceptions([*keys.get("exceptions", []), *(accepted if keys.get("vocab", True) else [])])

    def run(
        self, document: Document, segments: Sequence[Paragraph], subset: Sequence[int] | None = None
    ) -> list[Violation]:
        found = []
        defined: set[str] = set()
        for segment in segments:
            text = segment.text
            if self.grouped:
                for match in self.second.finditer(text):
                    defined.update(g for g in match.groups() if g)
            elif self.second.search(text):
                continue
            for match in self.first.finditer(text):
                observed = match.group()
                if not observed or (self.grouped and observed in defined):
                    continue
                if self.exceptions.covers(observed, text, match.start(), match.end()):
                    continue
                message = format_message(self.definition.message, observed)
                found.append(self.violation(segment, match.start(), match.end(), message))
        return found


# Words title case leaves in lower case (never first or last): AP lowers articles,
# conjunctions and prepositions of three letters or fewer; Chicago lowers every
# preposition, and "to" and "as".
_AP_SMALL = frozenset("a an the and but for nor or so yet as at by in of off on out per to up via vs v".split())
_CHICAGO_SMALL = _AP_SMALL | frozenset(
    "about above across after against along amid among around before behind below beneath beside "
    "besides between beyond despite down during except from inside into like near onto opposite outside "
    "over past since than through throughout till toward towards under underneath unlike until unto "
    "upon versus with within without".split()
)


def title_case(text: str, style: str = "AP", keep: Sequence[tuple[int, int]] = ()) -> str:
    """Return ``text`` in title case (AP or Chicago); spans in ``keep`` are left as written."""
    small = _CHICAGO_SMALL if style == "Chicago" else _AP_SMALL
    words = list(_TITLE_WORD.finditer(text))
    out, at = [], 0
    for k, match in enumerate(words):
        out.append(text[at : match.start()])
        word = match.group()
        kept = any(a <= match.start() and match.end() <= b for a, b in keep)
        after_colon = k > 0 and text[words[k - 1].end() - 1 : words[k - 1].end()] == ":"
        if kept:
            out.append(word)
        else:
            parts = word.split("-")
            edge = k == 0 or k == len(words) - 1 or after_colon
            cased = []
            for n, part in enumerate(parts):
                bare = part.strip(".,;:!?\"'()[]“”‘’").lower()
                if (n > 0 or not edge) and bare in small:
                    cased.append(part.lower())
                else:
                    cased.append(cap_first(part))
            out.append("-".join(cased))
        at = match.end()
    out.append(text[at:])
    return "".join(out)


def sentence_case(text: str, keep: Sequence[tuple[int, int]] = ()) -> str:
    """Return ``text`` in sentence case: a capital first word, the rest lower unless all capitals."""
    words = list(_TITLE_WORD.finditer(text))
    out, at = [], 0
    for k, match in enumerate(words):
        out.append(text[at : match.start()])
        word = match.group()
        kept = any(a <= match.start() and match.end() <= b for a, b in keep)
        if kept or word == word.upper():
            out.append(word)
        else:
            out.append(cap_first(word.lower()) if k == 0 else word.lower())
        at = match.end()
    out.append(text[at:])
    return "".join(out)


class Capitalization(Check):
    """``capitalization``: the whole scope block must match ``$title``, ``$sentence``, ``$lower``, ``$upper`` or a regex.

    As in Vale, ``$title`` and ``$sentence`` pass when more than ``threshold`` (0.8) of
    the words are as expected; words covered by ``exceptions`` or the vocabulary count as
    right. Multi-word exceptions (``Islamic State``) are honoured as phrases.
    """

    def __init__(self, definition: Definition, keys: Mapping[str, Any], accepted: Sequence[str]) -> None:
        super().__init__(definition)
        self.match = keys["match"]
        self.style = keys.get("style", "AP")
        self.threshold = float(keys.get("threshold", 0) or 0.8)
        self.indicators = tuple(keys.get("indicators", []))
        self.prefix = _compile(keys["prefix"], False, multiline=False) if keys.get("prefix") else None
        self.exceptions = Exceptions([*keys.get("exceptions", []), *(accepted if keys.get("vocab", True) else [])])
        self.regex = None
        if self.match not in ("$title", "$sentence", "$lower", "$upper"):
            self.regex = _compile(self.match, False, multiline=False)

    def verdict(self, text: str) -> tuple[str, bool]:
        """Return the expected form of ``text`` and whether ``text`` passes."""
        if self.prefix is not None:
            text = self.prefix.sub("", text, count=1)
        keep = self.exceptions.spans(text)
        if self.match == "$lower":
            return text.lower(), text == text.lower() or bool(keep)
        if self.match == "$upper":
            return text.upper(), text == text.upper() or bool(keep)
        if self.regex is not None:
            return self.match, bool(self.regex.search(text)) or bool(keep)
        if self.match == "$title":
            expected = title_case(text, self.style, keep)
            return expected, self._title_ok(text, expected, keep)
        return sentence_case(text, keep), self._sentence_ok(text, keep)

    def _title_ok(self, text: str, expected: str, keep: list[tuple[int, int]]) -> bool:
        observed = list(_TITLE_WORD.finditer(text))
        wanted = [m.group() for m in _TITLE_WORD.finditer(expected)]
        if not observed:
            return True
        count = 0
        for k, match in enumerate(observed):
            word = match.group()
            kept = any(a <= match.start() and match.end() <= b for a, b in keep)
            if kept or k >= len(wanted) or word == wanted[k] or word == word.upper():
                count += 1
        return count / len(observed) > self.threshold

    def _sentence_ok(self, text: str, keep: list[tuple[int, int]]) -> bool:
        stripped = text.rstrip("?!.:")
        tokens = list(_TITLE_WORD.finditer(stripped))
        if not tokens:
            return True
        count = 0
        for k, match in enumerate(tokens):
            word = re.split(r"[-'’]", match.group())[0]
            previous = tokens[k - 1].group() if k else ""
            kept = any(a <= match.start() and match.end() <= b for a, b in keep)
            if word == word.upper() or kept or (previous and previous.endswith(self.indicators) and self.indicators):
                count += 1
            elif k == 0 and not word[:1].isupper():
                # Vale wants the first word exactly "Word"; names such as McClaren,
                # DaimlerChrysler or MPs open headlines too, so a capital is enough here.
                return False
            elif k == 0 or word == word.lower():
                count += 1
        return count / len(tokens) > self.threshold

    def run(
        self, document: Document, segments: Sequence[Paragraph], subset: Sequence[int] | None = None
    ) -> list[Violation]:
        found = []
        for segment in segments:
            text = segment.text
            if not text.strip():
                continue
            expected, ok = self.verdict(text)
            if ok:
                continue
            message = format_message(self.definition.message, text, expected)
            fix = None
            action = self.definition.action
            if action.name == "replace" and not action.params and self.regex is None:
                # A case converter does not know every proper noun: offered, never applied.
                fix = Fix(0, len(text), expected, safe=False)
            elif action.name:
                fix = self.action(segment, text, 0, len(text))
            found.append(self.violation(segment, 0, len(text), message, fix))
        return found


METRIC_NAMES = (
    "words",
    "sentences",
    "characters",
    "syllables",
    "polysyllabic_words",
    "complex_words",
    "long_words",
    "paragraphs",
    "pre",
    "list",
    "blockquote",
    "heading_h1",
    "heading_h2",
    "heading_h3",
    "heading_h4",
    "heading_h5",
    "heading_h6",
)
_MATH = {
    "sqrt": __import__("math").sqrt,
    "log": __import__("math").log,
    "log10": __import__("math").log10,
    "log2": __import__("math").log2,
    "pow": pow,
    "abs": abs,
    "floor": __import__("math").floor,
    "ceil": __import__("math").ceil,
    "round": round,
    "exp": __import__("math").exp,
    "max": max,
    "min": min,
}


def parse_formula(formula: str) -> Any:
    """Parse a metric formula or condition (arithmetic on the metric names); raise ValueError."""
    import ast

    source = re.sub(r"heading\.(h[1-6])", r"heading_\1", formula.strip()).replace("&&", " and ").replace("||", " or ")
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"not an expression: {formula.strip()!r} ({exc.msg})") from None
    allowed = (
        ast.Expression,
        ast.BinOp,
        ast.UnaryOp,
        ast.Constant,
        ast.Name,
        ast.Load,
        ast.Compare,
        ast.BoolOp,
        ast.Call,
        ast.Attribute,
        ast.operator,
        ast.unaryop,
        ast.cmpop,
        ast.boolop,
    )
    for node in ast.walk(tree):
        if not isinstance(node, allowed):
            raise ValueError(f"{type(node).__name__} is not allowed in a formula: {formula.strip()!r}")
        if isinstance(node, ast.Name) and node.id not in METRIC_NAMES and node.id != "math":
            raise ValueError(f"unknown variable {node.id!r} (known: {', '.join(METRIC_NAMES)})")
        if isinstance(node, ast.Attribute) and not (
            isinstance(node.value, ast.Name) and node.value.id == "math" and node.attr in _MATH
        ):
            raise ValueError(f"unknown function in {formula.strip()!r}")
        if isinstance(node, ast.Call) and not isinstance(node.func, ast.Attribute):
            raise ValueError(f"only math functions may be called: {formula.strip()!r}")
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float)):
            raise ValueError(f"only numbers may appear in a formula: {formula.strip()!r}")
    return compile(tree, "<formula>", "eval")


def evaluate(code: Any, values: Mapping[str, float]) -> Any:
    """Evaluate a parsed formula with the metric values (no builtins, only ``math``)."""
    import types

    math = types.SimpleNamespace(**_MATH)
    return eval(code, {"__builtins__": {}}, {**values, "math": math})  # noqa: S307 - checked by parse_formula


class Metric(Check):
    """``metric``: a ``formula`` of the document's counts, reported when ``condition`` holds.

    Counts come from newslint's own analysis (sentences from sentencex, syllables as in
    ``newslint stats``); the finding sits at the start of the block it measured (the
    document, for the default ``summary`` scope) and its message's ``%s`` is the value.
    """

    def __init__(self, definition: Definition, keys: Mapping[str, Any]) -> None:
        super().__init__(definition)
        self.formula = parse_formula(keys["formula"])
        self.condition_text = keys["condition"]
        parse_formula("0.0 " + self.condition_text)

    def run(
        self, document: Document, segments: Sequence[Paragraph], subset: Sequence[int] | None = None
    ) -> list[Violation]:
        found = []
        structure = _structure(document)
        for segment in segments:
            values = {**structure, **_counts(segment.text)}
            if not values["words"]:
                continue
            try:
                result = float(evaluate(self.formula, values))
                hit = evaluate(parse_formula(f"{result!r} {self.condition_text}"), values)
            except (ZeroDivisionError, ValueError, OverflowError, TypeError):
                continue
            if hit:
                message = format_message(self.definition.message, f"{result:.2f}")
                # A measure of the whole document sits at its first line, as in Vale.
                whole = any(name in ("summary", "raw") for name in self.scope.include)
                at = 0 if whole else segment.span(0, 0)[0]
                found.append(Violation(at, at, message))
        return found


def _counts(text: str) -> dict[str, float]:
    from newslint.counts import TOKEN, counts_of, syllables
    from newslint.sentences import split

    sentences = [text[a:b] for a, b in split(text)]
    counts = counts_of(sentences)
    tokens = TOKEN.findall(text)
    complex_words = 0
    for token in tokens:
        if token[:1].isupper() or token.endswith(("es", "ed", "ing")):
            continue
        if syllables(token) >= 3:
            complex_words += 1
    return {
        "words": float(counts.words),
        "sentences": float(counts.sentences),
        "characters": float(sum(len(t) for t in tokens)),
        "syllables": float(counts.syllables),
        "polysyllabic_words": float(counts.polysyllables),
        "complex_words": float(complex_words),
        "long_words": float(sum(1 for t in tokens if len(t) > 6)),
    }


def _structure(document: Document) -> dict[str, float]:
    from newslint.styles.scopes import parse_scope, segments

    values = {name: 0.0 for name in METRIC_NAMES}
    previous = None
    for paragraph in document.paragraphs:
        kind = paragraph.kind
        if kind == "paragraph":
            values["paragraphs"] += 1
        elif kind == "list-item" and previous != "list-item":
            values["list"] += 1
        elif kind == "quote" and previous != "quote":
            values["blockquote"] += 1
        previous = kind
    for level in range(1, 7):
        values[f"heading_h{level}"] = float(len(segments(document, parse_scope(f"heading.h{level}"))))
    if document.format == "markdown":
        fences = re.findall(r"(?m)^ {0,3}(?:```|~~~)", document.text)
        values["pre"] = float(len(fences) // 2)
    return values
