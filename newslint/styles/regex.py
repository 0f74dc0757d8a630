"""Vale's regular expressions (Go's RE2 syntax plus look-around) translated to Python's ``re``.

Vale compiles rule patterns with RE2's syntax and a look-around extension. Most of it
means the same in Python; the differences handled here are:

- inline flags ``(?i)`` in the middle of a pattern apply to the rest of the enclosing
  group in RE2, while Python only accepts them at the very start: they become scoped
  groups ``(?i:...)``, closed and reopened around each ``|`` of that group;
- ``\\z`` (end of text) is Python's ``\\Z``; ``\\Z`` (end, or before a final newline)
  becomes a look-ahead; ``\\Q...\\E`` is quoted; ``\\x{263a}`` becomes ``\\U0000263a``;
- Unicode classes ``\\pL``, ``\\p{Lu}``, ``\\P{N}``, ``\\p{^Nd}`` become explicit ranges
  built from ``unicodedata``; POSIX classes ``[[:alpha:]]`` their ASCII ranges;
- ``(?<name>...)`` is Python's ``(?P<name>...)``;
- a ``{`` that does not start a repetition is a literal, as in RE2;
- a look-behind whose alternatives differ in length, ``(?<!\\w|-)``, is split into one
  look-behind per alternative, which Python accepts.

Refused, with a message saying why: ``(?U)`` (ungreedy by default), ``\\C``, Unicode script
classes (``\\p{Greek}``), atomic groups and possessive quantifiers (not in Vale's dialect),
unknown escapes and flags, anything Python still cannot compile (a look-behind of
variable width inside one alternative), and an unbounded repetition of a body that one
inner unbounded repetition can match alone (``(a+)+``, ``(\\w+\\s?)*``), which RE2 runs in
linear time but Python's backtracking engine may not finish on text that almost matches.

Not emulated: RE2's ``\\w``, ``\\d``, ``\\s`` and ``\\b`` are ASCII-only; here they are
Unicode-aware, as in the look-around engine Vale uses for most rules, so ``\\bcafé\\b``
does not match inside ``cafés``.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newslint.styles.errors import RegexError

_REPEAT = re.compile(r"\{(\d+)(?:(,)(\d*))?\}")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FLAGS = re.compile(r"([A-Za-z]*)(?:-([A-Za-z]*))?([:)])")
_POSIX = re.compile(r"\[:(\^?)([a-z]+):\]")
_HEX = "0123456789abcdefABCDEF"
_RE2_REPEAT_LIMIT = 1000
_CATEGORIES = frozenset(
    "Lu Ll Lt Lm Lo Mn Mc Me Nd Nl No Pc Pd Ps Pe Pi Pf Po Sm Sc Sk So Zs Zl Zp Cc Cf Cs Co Cn".split()
)
_POSIX_CLASSES: dict[str, list[tuple[int, int]]] = {
    "alnum": [(48, 57), (65, 90), (97, 122)],
    "alpha": [(65, 90), (97, 122)],
    "ascii": [(0, 127)],
    "blank": [(9, 9), (32, 32)],
    "cntrl": [(0, 31), (127, 127)],
    "digit": [(48, 57)],
    "graph": [(33, 126)],
    "lower": [(97, 122)],
    "print": [(32, 126)],
    "punct": [(33, 47), (58, 64), (91, 96), (123, 126)],
    "space": [(9, 13), (32, 32)],
    "upper": [(65, 90)],
    "word": [(48, 57), (65, 90), (95, 95), (97, 122)],
    "xdigit": [(48, 57), (65, 70), (97, 102)],
}
# Escapes that mean the same in RE2 and Python.
_SAME_ESCAPES = frozenset("AbBdDsSwWaftnrv")


@lru_cache(maxsize=1)
def _category_table() -> dict[str, list[tuple[int, int]]]:
    """Return the code-point ranges of every Unicode general category (one pass, cached)."""
    import unicodedata

    table: dict[str, list[tuple[int, int]]] = {}
    start, current = 0, unicodedata.category("\0")
    for code in range(1, 0x110000):
        category = unicodedata.category(chr(code))
        if category != current:
            table.setdefault(current, []).append((start, code - 1))
            start, current = code, category
    table.setdefault(current, []).append((start, 0x10FFFF))
    return table


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return merged


def _complement(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    result, at = [], 0
    for low, high in _merge(ranges):
        if low > at:
            result.append((at, low - 1))
        at = high + 1
    if at <= 0x10FFFF:
        result.append((at, 0x10FFFF))
    return result


def _class_body(ranges: list[tuple[int, int]]) -> str:
    """Return the inside of a Python character class holding exactly these code points."""
    parts = []
    for low, high in _merge(ranges):
        parts.append(f"\\U{low:08x}" if low == high else f"\\U{low:08x}-\\U{high:08x}")
    return "".join(parts)


def _unicode_ranges(name: str) -> list[tuple[int, int]]:
    if name == "Any":
        return [(0, 0x10FFFF)]
    table = _category_table()
    if len(name) == 1 and any(c.startswith(name) for c in _CATEGORIES):
        return [r for category, ranges in table.items() if category.startswith(name) for r in ranges]
    if name in _CATEGORIES:
        return list(table.get(name, []))
    raise RegexError(
        f"Unicode class \\p{{{name}}} is not supported: only general categories (L, Lu, N, Nd, P, ...) "
        "translate to Python"
    )


@dataclass
class _Frame:
    """One open group of the pattern being translated."""

    opener: int  # index in the output of the token that opened the group (-1 at top level)
    lookbehind: str = ""  # "=" or "!" for a look-behind
    pending: list[str] = field(default_factory=list)  # inline flags turned into scoped groups
    alternatives: list[int] = field(default_factory=list)  # output indices of this group's "|"


class _Translator:
    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0
        self.out: list[str] = []
        self.frames = [_Frame(-1)]

    def fail(self, message: str) -> RegexError:
        return RegexError(f"{message} (at character {self.i + 1} of {self.p!r})")

    def run(self) -> str:
        p = self.p
        while self.i < len(p):
            c = p[self.i]
            if c == "\\":
                self.out.append(self.escape(in_class=False))
            elif c == "[":
                self.char_class()
            elif c == "(":
                self.open_group()
            elif c == ")":
                self.close_group()
            elif c == "|":
                self.alternate()
            elif c in "*+?":
                self.i += 1
                self.out.append(c + self.lazy())
            elif c == "{":
                self.brace()
            else:
                self.out.append(c)
                self.i += 1
        if len(self.frames) > 1:
            raise RegexError(f"missing ')' in {p!r}")
        self.out.append(")" * len(self.frames[0].pending))
        return "".join(self.out)

    def lazy(self) -> str:
        """Consume what may follow a quantifier: ``?`` (lazy) is fine, ``+`` (possessive) is not."""
        if self.i < len(self.p) and self.p[self.i] == "?":
            self.i += 1
            return "?"
        if self.i < len(self.p) and self.p[self.i] == "+":
            raise self.fail("possessive quantifiers are not part of Vale's regex dialect")
        return ""

    def brace(self) -> None:
        match = _REPEAT.match(self.p, self.i)
        if not match:
            self.out.append("\\{")  # RE2 reads a brace that starts no repetition as itself
            self.i += 1
            return
        for number in (match.group(1), match.group(3)):
            if number and int(number) > _RE2_REPEAT_LIMIT:
                raise self.fail(f"repetition count {number} is over RE2's limit of {_RE2_REPEAT_LIMIT}")
        self.i = match.end()
        self.out.append(match.group() + self.lazy())

    def escape(self, in_class: bool) -> str:
        """Translate the escape at ``self.i`` and move past it."""
        p, i = self.p, self.i
        if i + 1 >= len(p):
            raise self.fail("trailing backslash")
        d = p[i + 1]
        self.i = i + 2
        if d in "pP":
            return self.unicode_class(d == "P", in_class)
        if d == "Q":
            end = p.find("\\E", self.i)
            literal = p[self.i :] if end < 0 else p[self.i : end]
            self.i = len(p) if end < 0 else end + 2
            return "".join("\\" + ch if not ch.isalnum() else ch for ch in literal)
        if d == "x":
            if self.i < len(p) and p[self.i] == "{":
                close = p.find("}", self.i)
                digits = p[self.i + 1 : close] if close > 0 else ""
                if not digits or any(ch not in _HEX for ch in digits) or int(digits, 16) > 0x10FFFF:
                    raise self.fail("bad \\x{...} escape")
                self.i = close + 1
                return f"\\U{int(digits, 16):08x}"
            if (
                p[self.i : self.i + 2]
                and len(p[self.i : self.i + 2]) == 2
                and all(ch in _HEX for ch in p[self.i : self.i + 2])
            ):
                self.i += 2
                return "\\x" + p[self.i - 2 : self.i]
            raise self.fail("bad \\x escape")
        if d == "u" and len(p) >= self.i + 4 and all(ch in _HEX for ch in p[self.i : self.i + 4]):
            self.i += 4
            return "\\u" + p[self.i - 4 : self.i]
        if d == "z" and not in_class:
            return "\\Z"
        if d == "Z" and not in_class:
            return "(?=\\n?\\Z)"
        if d == "e":
            return "\\x1b"
        if d == "k" and not in_class and self.i < len(p) and p[self.i] == "<":
            match = _NAME.match(p, self.i + 1)
            if match and p[match.end() : match.end() + 1] == ">":
                self.i = match.end() + 1
                return f"(?P={match.group()})"
            raise self.fail("bad \\k<name> back-reference")
        if d == "C":
            raise self.fail("\\C (any byte) has no Python equivalent")
        if d.isdigit():
            if in_class:
                raise self.fail("numeric escapes inside a character class are not supported")
            return "\\" + d
        if d in _SAME_ESCAPES:
            if in_class and d in "AbB":
                raise self.fail(f"\\{d} inside a character class is not supported")
            return "\\" + d
        if d.isalnum() or d == "_":
            raise self.fail(f"unknown escape \\{d}")
        return "\\" + d

    def unicode_class(self, negated: bool, in_class: bool) -> str:
        p = self.p
        if self.i >= len(p):
            raise self.fail("\\p needs a class name")
        if p[self.i] == "{":
            close = p.find("}", self.i)
            if close < 0:
                raise self.fail("missing '}' after \\p{")
            name = p[self.i + 1 : close]
            self.i = close + 1
        else:
            name = p[self.i]
            self.i += 1
        if name.startswith("^"):
            negated, name = not negated, name[1:]
        try:
            ranges = _unicode_ranges(name)
        except RegexError as exc:
            raise self.fail(str(exc)) from None
        if in_class:
            return _class_body(_complement(ranges) if negated else ranges)
        return ("[^" if negated else "[") + _class_body(ranges) + "]"

    def char_class(self) -> None:
        p = self.p
        self.i += 1
        negated = self.i < len(p) and p[self.i] == "^"
        if negated:
            self.i += 1
        items: list[str] = []
        first = True
        while True:
            if self.i >= len(p):
                raise self.fail("missing ']'")
            c = p[self.i]
            if c == "]" and not first:
                self.i += 1
                break
            first = False
            if c == "[":
                match = _POSIX.match(p, self.i)
                if match:
                    ranges = _POSIX_CLASSES.get(match.group(2))
                    if ranges is None:
                        raise self.fail(f"unknown POSIX class [:{match.group(2)}:]")
                    items.append(_class_body(_complement(ranges) if match.group(1) else ranges))
                    self.i = match.end()
                    continue
                items.append("\\[")
                self.i += 1
            elif c == "\\":
                items.append(self.escape(in_class=True))
            elif c in "&~|]":
                # Python warns about (and may one day give meaning to) "&&", "~~", "||" in sets.
                items.append("\\" + c)
                self.i += 1
            else:
                items.append(c)
                self.i += 1
        self.out.append("[" + ("^" if negated else "") + "".join(items) + "]")

    def open_group(self) -> None:
        p, i = self.p, self.i
        if not p.startswith("(?", i):
            self.frames.append(_Frame(len(self.out)))
            self.out.append("(")
            self.i += 1
            return
        rest = i + 2
        if (
            p.startswith("P<", rest)
            or (p.startswith("<", rest) and not p.startswith(("<=", "<!"), rest))
            or p.startswith("'", rest)
        ):
            start = rest + (2 if p.startswith("P<", rest) else 1)
            closer = "'" if p.startswith("'", rest) else ">"
            match = _NAME.match(p, start)
            if not match or p[match.end() : match.end() + 1] != closer:
                raise self.fail("bad group name")
            self.frames.append(_Frame(len(self.out)))
            self.out.append(f"(?P<{match.group()}>")
            self.i = match.end() + 1
            return
        if p.startswith(("<=", "<!"), rest):
            self.frames.append(_Frame(len(self.out), lookbehind=p[rest + 1]))
            self.out.append("(?<" + p[rest + 1])
            self.i = rest + 2
            return
        if p.startswith(("=", "!", ":"), rest):
            self.frames.append(_Frame(len(self.out)))
            self.out.append("(?" + p[rest])
            self.i = rest + 1
            return
        if p.startswith(">", rest):
            raise self.fail("atomic groups (?>...) are not part of Vale's regex dialect")
        if p.startswith("#", rest):
            close = p.find(")", rest)
            if close < 0:
                raise self.fail("unterminated comment")
            self.i = close + 1
            return
        match = _FLAGS.match(p, rest)
        if not match or not (match.group(1) or match.group(2)):
            raise self.fail(f"unknown group syntax {p[i : i + 4]!r}")
        on, off, terminator = match.group(1), match.group(2) or "", match.group(3)
        if "U" in on + off:
            raise self.fail("the (?U) flag (ungreedy by default) has no Python equivalent")
        bad = [flag for flag in on + off if flag not in "ims"]
        if bad:
            raise self.fail(f"unknown flag {bad[0]!r} (RE2 has i, m, s and U)")
        flags = on + ("-" + off if off else "")
        self.i = match.end()
        if terminator == ":":
            self.frames.append(_Frame(len(self.out)))
            self.out.append(f"(?{flags}:")
        else:
            # RE2 applies a bare (?i) to the rest of the enclosing group: scope it explicitly.
            self.frames[-1].pending.append(flags)
            self.out.append(f"(?{flags}:")

    def alternate(self) -> None:
        frame = self.frames[-1]
        self.out.append(")" * len(frame.pending))
        frame.alternatives.append(len(self.out))
        self.out.append("|")
        self.out.append("".join(f"(?{flags}:" for flags in frame.pending))
        self.i += 1

    def close_group(self) -> None:
        if len(self.frames) == 1:
            raise self.fail("unbalanced ')'")
        frame = self.frames.pop()
        self.out.append(")" * len(frame.pending))
        self.i += 1
        if frame.lookbehind and frame.alternatives:
            # Python wants each look-behind of one width: one look-behind per alternative.
            bounds = [frame.opener + 1, *frame.alternatives, len(self.out)]
            parts = [
                "".join(self.out[a + (0 if k == 0 else 1) : b]) for k, (a, b) in enumerate(zip(bounds, bounds[1:]))
            ]
            kind = frame.lookbehind
            if kind == "=":
                rewritten = "(?:" + "|".join(f"(?<={part})" for part in parts) + ")"
            else:
                rewritten = "".join(f"(?<!{part})" for part in parts)
            del self.out[frame.opener :]
            self.out.append(rewritten)
            return
        self.out.append(")")


@lru_cache(maxsize=1)
def sre_parser() -> Any:
    """Return Python's own regex parser module (``re._parser``; ``sre_parse`` before 3.11)."""
    import importlib

    try:
        return importlib.import_module("re._parser")
    except ImportError:  # pragma: no cover - Python 3.10
        return importlib.import_module("sre_parse")


def _parse_tree(translated: str) -> Any:
    return sre_parser().parse(translated)


def _nested_repetition(items: object) -> bool:
    """Return whether a parse tree repeats, without bound, a body that one inner unbounded
    repetition can match alone (``(a+)+``, ``(\\w+\\s?)*``): backtracking then takes
    exponential time on a long run that fails at its end."""
    for op, av in items:  # type: ignore[attr-defined]
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT") and av[1] > 1000:
            body = list(av[2])
            inner = [(o, a) for o, a in _flatten(body)]
            for k, (o, a) in enumerate(inner):
                if str(o) in ("MAX_REPEAT", "MIN_REPEAT") and a[1] > 1000:
                    others = inner[:k] + inner[k + 1 :]
                    if all(_min_width(x) == 0 for x in others):
                        return True
            if _nested_repetition(body):
                return True
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            if _nested_repetition(av[-1]):
                return True
        elif name == "BRANCH":
            if any(_nested_repetition(alternative) for alternative in av[1]):
                return True
        elif name in ("ASSERT", "ASSERT_NOT"):
            if _nested_repetition(av[1]):
                return True
    return False


def _flatten(items: list) -> list:
    """Return the items of a sequence with plain groups opened up."""
    flat = []
    for op, av in items:
        if str(op) == "SUBPATTERN" and len(list(av[-1])) >= 1:
            flat.extend(_flatten(list(av[-1])))
        else:
            flat.append((op, av))
    return flat


def _min_width(item: tuple) -> int:
    op, av = item
    name = str(op)
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return 0
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        return 0 if av[0] == 0 else 1
    return 1


@lru_cache(maxsize=4096)
def translate(pattern: str) -> str:
    """Return the Python pattern for a Vale pattern, or raise ``RegexError`` saying why not."""
    translated = _Translator(pattern).run()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            re.compile(translated)
    except re.error as exc:
        message = exc.msg
        if "look-behind" in message:
            message = "a look-behind of variable width cannot be translated to Python"
        raise RegexError(f"{message} in {pattern!r}") from None
    except (OverflowError, RecursionError):
        raise RegexError(f"pattern too large: {pattern[:60]!r}") from None
    if _nested_repetition(_parse_tree(translated)):
        # RE2 runs these in linear time; Python's backtracking engine may not end on a
        # long run of text that almost matches. Refused rather than risk a hang.
        raise RegexError(f"nested unbounded repetition such as (a+)+ can take exponential time in Python: {pattern!r}")
    return translated
