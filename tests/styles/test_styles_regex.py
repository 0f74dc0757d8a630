"""Vale's regex dialect (RE2 with look-around) translated to Python's re, or refused with a reason."""

from __future__ import annotations

import re

import pytest

from newslint.styles.errors import RegexError
from newslint.styles.regex import translate


@pytest.mark.parametrize(
    "pattern, text, expected",
    [
        # A bare (?i) in the middle applies to the rest of its group, across "|".
        (r"a(?i)b|c", "ab aB Ab C", ["ab", "aB", "C"]),
        (r"(?:x(?i)y)z", "xYz xyZ", ["xYz"]),
        (r"(?i)per cent", "PER CENT", ["PER CENT"]),
        (r"(?-i)Kyiv", "Kyiv kyiv", ["Kyiv"]),
        # \z is the end of the text; \Z also allows a final newline (as in Vale's engine).
        (r"end\z", "the end", ["end"]),
        (r"end\Z", "the end\n", ["end"]),
        # Unicode and POSIX classes.
        (r"\p{Lu}\p{Ll}+", "Zürich and Łódź", ["Zürich", "Łódź"]),
        (r"\pN+", "in 1990, ½", ["1990", "½"]),
        (r"[^\P{L}]+", "día 3", ["día"]),
        (r"\p{^L}+", "ab12cd", ["12"]),
        (r"[[:digit:]]+", "ab12cd", ["12"]),
        (r"[[:^alpha:]]+", "ab12cd", ["12"]),
        # Named groups in RE2's and .NET's spellings; a named back-reference.
        (r"(?<w>\w+) \k<w>", "the the end", ["the the"]),
        (r"(?P<w>\w+)-(?P<v>\w+)", "well-known", ["well-known"]),
        (r"\Qa.b\E", "a.b axb", ["a.b"]),
        (r"\x{263a}", "smile ☺", ["☺"]),
        # A brace that starts no repetition is a literal, as in RE2.
        (r"x{,2}", "x{,2}", ["x{,2}"]),
        (r"\d{2,3}", "1 22 4444", ["22", "444"]),
        # Look-behinds whose alternatives differ in width are split.
        (r"(?<!\w|--)x", "ax --x x", ["x"]),
        (r"(?<=Mr|Mrs) X", "Mr X Mrs X Ms X", [" X", " X"]),
        # Characters Python reads specially in a set are literals in RE2.
        (r"[&~|]+", "a&~|b", ["&~|"]),
    ],
)
def test_translation_matches_as_vale_does(pattern: str, text: str, expected: list[str]) -> None:
    assert [m.group() for m in re.finditer(translate(pattern), text)] == expected


@pytest.mark.parametrize(
    "pattern",
    [r"(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)", r"(?:\w+, )*\w+", r"(?:ab)+", r"\d+(?:,\d+)*"],
)
def test_delimited_repetitions_are_kept(pattern: str) -> None:
    assert re.compile(translate(pattern))


@pytest.mark.parametrize(
    "pattern, reason",
    [
        (r"(?U)a+", "(?U)"),
        (r"a*+", "possessive"),
        (r"(?>ab)", "atomic"),
        (r"\p{Greek}", "Unicode class"),
        (r"\C", "\\C"),
        (r"(?<=a+)b", "variable width"),
        (r"(?x)a b", "unknown flag"),
        (r"a{1001}", "over RE2's limit"),
        (r"(ab", "missing ')'"),
        (r"ab)", "unbalanced"),
        (r"[ab", "missing ']'"),
        (r"\q", "unknown escape"),
        ("trailing\\", "trailing backslash"),
        (r"(a+)+b", "exponential"),
        (r"(?:\w+\s?)*$", "exponential"),
        (r"x(?:(?:ab)*)+", "exponential"),
    ],
)
def test_untranslatable_patterns_are_refused_with_a_reason(pattern: str, reason: str) -> None:
    with pytest.raises(RegexError, match=re.escape(reason)):
        translate(pattern)
