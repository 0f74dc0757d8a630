"""Scopes: which stretches of a document a style rule reads.

A scope resolves to segments, each a ``Paragraph`` (text plus its mapping to the file),
so a rule reports file offsets through ``segment.span`` as every newslint rule does.

Vale's scopes: ``text`` (every prose block: the default), ``paragraph``, ``heading`` and
``heading.h1`` ... ``heading.h6``, ``list``, ``blockquote``, ``table`` with
``table.header`` and ``table.cell``, ``sentence``, ``alt`` (image alt text), ``summary``
(the whole prose as one block) and ``raw`` (the file as it is). newslint adds
``headline`` (the first heading, or in plain text the first short line), ``quote``
(words inside quotation marks) and ``caption`` (the short paragraph under an image, or a
plain-text line starting ``Caption:``, ``Picture:`` or ``Photo:``).

A list of scopes is their union; a scope written ``~name`` takes blocks (``~heading``)
or stretches of text (``~quote``, ``~alt``) away from it. A format suffix
(``heading.md``) is ignored: newslint reads Markdown and plain text the same way.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newslint.document import Document, Paragraph

BLOCK_SCOPES = frozenset(
    {"text", "paragraph", "heading", "list", "blockquote", "table", "table.header", "table.cell", "headline"}
    | {f"heading.h{n}" for n in range(1, 7)}
)
INLINE_SCOPES = frozenset({"sentence", "alt", "quote", "caption"})
WHOLE_SCOPES = frozenset({"raw", "summary"})
KNOWN_SCOPES = BLOCK_SCOPES | INLINE_SCOPES | WHOLE_SCOPES
_FORMATS = ("md", "markdown", "txt", "rst", "adoc", "html", "org", "mdx")
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_DELIMITER_ROW = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_IMAGE = re.compile(r"!\[")
_CAPTION_LINE = re.compile(r"(?:caption|picture|photo|photograph|image)\s*:", re.IGNORECASE)
_CAPTION_MAX_WORDS = 50


@dataclass(frozen=True)
class Scope:
    """A parsed ``scope`` value: the scopes read and the ones taken away."""

    include: tuple[str, ...] = ("text",)
    exclude: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """Return the scope as a rule file would write it."""
        return ", ".join([*self.include, *("~" + name for name in self.exclude)])


def parse_scope(value: Any, default: str = "text") -> Scope:
    """Parse a rule's ``scope`` (a string or a list of them); raise ValueError on a bad one."""
    if value is None:
        return Scope((default,))
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValueError("scope must be a name or a list of names")
    include: list[str] = []
    exclude: list[str] = []
    for raw in items:
        name = raw.strip()
        if "&" in name:
            raise ValueError(f"multi-part scope {raw!r} (with '&') is not supported")
        negated = name.startswith("~")
        name = name.lstrip("~").strip()
        parts = name.split(".")
        if len(parts) > 1 and parts[-1] in _FORMATS:
            name = ".".join(parts[:-1])
        if name not in KNOWN_SCOPES:
            known = ", ".join(sorted(KNOWN_SCOPES))
            raise ValueError(f"unknown scope {raw!r} (known: {known})")
        (exclude if negated else include).append(name)
    return Scope(tuple(include) or (default,), tuple(exclude))


def slice_paragraph(paragraph: Paragraph, start: int, end: int) -> Paragraph:
    """Return the part ``text[start:end]`` of a paragraph as a paragraph of its own."""
    pieces = []
    keys = [index for index, _ in paragraph.pieces]
    first = max(bisect_right(keys, start) - 1, 0)
    for k in range(first, len(paragraph.pieces)):
        index, original = paragraph.pieces[k]
        following = paragraph.pieces[k + 1][0] if k + 1 < len(paragraph.pieces) else len(paragraph.text)
        low, high = max(index, start), min(following, end)
        if low >= high:
            if index >= end:
                break
            continue
        pieces.append((low - start, original + low - index))
    return Paragraph(
        paragraph.text[start:end],
        tuple(pieces) or ((0, paragraph.offset(start) if paragraph.text else 0),),
        paragraph.kind,
    )


def local_index(paragraph: Paragraph, offset: int) -> int | None:
    """Return the index of the paragraph's text that stands at file ``offset``, if any."""
    pieces = paragraph.pieces
    for k, (index, original) in enumerate(pieces):
        following = pieces[k + 1][0] if k + 1 < len(pieces) else len(paragraph.text)
        if original <= offset < original + (following - index):
            return index + offset - original
    return None


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    ends = [i for i in (text.find("\n", offset), text.find("\r", offset)) if i >= 0]
    return start, min(ends) if ends else len(text)


def _next_line(text: str, end: int) -> str:
    _, line_end = _line_bounds(text, max(end - 1, 0))
    if line_end >= len(text):
        return ""
    after = line_end + (2 if text.startswith("\r\n", line_end) else 1)
    _, next_end = _line_bounds(text, after)
    return text[after:next_end]


class _Analysis:
    """Structural facts about one document that scopes need, computed once."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.paragraphs = document.paragraphs
        self._levels: dict[int, int] | None = None
        self._quoted: dict[int, list[tuple[int, int]]] | None = None
        self._captions: dict[int, list[tuple[int, int]]] | None = None

    def heading_level(self, paragraph: Paragraph) -> int:
        """Return the heading level (1-6) of a heading paragraph."""
        if self._levels is None:
            self._levels = {}
            text = self.document.text
            first_heading = True
            for number, p in enumerate(self.paragraphs):
                if p.kind != "heading":
                    continue
                if self.document.format != "markdown":
                    # Plain text has no levels: the headline is h1, every other heading h2.
                    self._levels[id(p)] = 1 if number == 0 and first_heading else 2
                    first_heading = False
                    continue
                start, end = _line_bounds(text, p.start)
                atx = _ATX.match(text, start, end)
                if atx:
                    self._levels[id(p)] = len(atx.group(1))
                else:
                    underline = _SETEXT.match(_next_line(text, p.end))
                    self._levels[id(p)] = 1 if underline and underline.group(1)[0] == "=" else 2
        return self._levels.get(id(paragraph), 0)

    def is_header_cell(self, paragraph: Paragraph) -> bool:
        """Return whether a table cell sits in the table's header row."""
        return bool(_DELIMITER_ROW.match(_next_line(self.document.text, paragraph.start + 1)))

    def headline(self) -> Paragraph | None:
        """Return the headline: the first paragraph when it is a heading, else the first h1."""
        if self.paragraphs and self.paragraphs[0].kind == "heading":
            return self.paragraphs[0]
        return next((p for p in self.paragraphs if p.kind == "heading" and self.heading_level(p) == 1), None)

    def _image_line(self, paragraph: Paragraph) -> bool:
        """Return whether the paragraph's first source line is one image alone."""
        text = self.document.text
        start, end = _line_bounds(text, paragraph.start)
        line = text[start:end].strip()
        return line.startswith("![") and line.endswith(")")

    def captions(self) -> list[tuple[Paragraph, tuple[int, int]]]:
        """Return caption stretches: a short paragraph (or line) under an image, or ``Caption:``."""
        found = []
        markdown = self.document.format == "markdown"
        for number, p in enumerate(self.paragraphs):
            if _CAPTION_LINE.match(p.text):
                found.append((p, (0, len(p.text))))
            elif markdown and self._image_line(p) and "\n" in p.text:
                # "![alt](src)" with the caption on the next line: one Markdown paragraph.
                cut = p.text.index("\n") + 1
                found.append((p, (cut, len(p.text))))
            elif (
                markdown
                and number
                and p.kind == "paragraph"
                and self._image_line(self.paragraphs[number - 1])
                and "\n" not in self.paragraphs[number - 1].text
                and len(p.text.split()) <= _CAPTION_MAX_WORDS
            ):
                found.append((p, (0, len(p.text))))
        return found

    def alt_spans(self, paragraph: Paragraph) -> list[tuple[int, int]]:
        """Return the local spans of image alt text in a paragraph."""
        text = self.document.text
        spans = []
        for match in _IMAGE.finditer(text, paragraph.start - 2 if paragraph.start >= 2 else 0, paragraph.end):
            depth, at = 1, match.end()
            while at < len(text) and depth:
                if text[at] == "\\":
                    at += 2
                    continue
                depth += {"[": 1, "]": -1}.get(text[at], 0)
                at += 1
            if depth:
                continue
            first, last = local_index(paragraph, match.end()), local_index(paragraph, at - 2)
            if first is not None and last is not None and last >= first:
                spans.append((first, last + 1))
        return spans

    def quoted_spans(self, paragraph: Paragraph) -> list[tuple[int, int]]:
        """Return the local spans of quoted words (marks included) in a paragraph."""
        if self._quoted is None:
            from newslint.quotation import quoted_spans

            self._quoted = {id(q.paragraph): _merged(quoted_spans(q)) for q in self.document.quote_marks}
        return self._quoted.get(id(paragraph), [])

    def blocks(self, name: str) -> list[Paragraph]:
        """Return the paragraphs a block scope selects."""
        ps = self.paragraphs
        if name == "text":
            return list(ps)
        if name == "paragraph":
            return [p for p in ps if p.kind == "paragraph"]
        if name == "heading":
            return [p for p in ps if p.kind == "heading"]
        if name.startswith("heading.h"):
            level = int(name[-1])
            return [p for p in ps if p.kind == "heading" and self.heading_level(p) == level]
        if name == "list":
            return [p for p in ps if p.kind == "list-item"]
        if name == "blockquote":
            return [p for p in ps if p.kind == "quote"]
        if name == "table":
            return [p for p in ps if p.kind == "table-cell"]
        if name == "table.header":
            return [p for p in ps if p.kind == "table-cell" and self.is_header_cell(p)]
        if name == "table.cell":
            return [p for p in ps if p.kind == "table-cell" and not self.is_header_cell(p)]
        if name == "headline":
            headline = self.headline()
            return [headline] if headline is not None else []
        raise KeyError(name)

    def inline(self, name: str, paragraph: Paragraph) -> list[tuple[int, int]]:
        """Return the local spans an inline scope selects in one paragraph."""
        if name == "sentence":
            return [(s.start, s.end) for s in self.document.sentences_of(paragraph)]
        if name == "alt":
            return self.alt_spans(paragraph)
        if name == "quote":
            return self.quoted_spans(paragraph)
        if name == "caption":
            if self._captions is None:
                self._captions = {}
                for p, span in self.captions():
                    self._captions.setdefault(id(p), []).append(span)
            return self._captions.get(id(paragraph), [])
        raise KeyError(name)


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(end, result[-1][1]))
        elif end > start:
            result.append((start, end))
    return result


def _without(span: tuple[int, int], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces, at = [], span[0]
    for start, end in holes:
        if end <= at or start >= span[1]:
            continue
        if start > at:
            pieces.append((at, start))
        at = max(at, end)
    if at < span[1]:
        pieces.append((at, span[1]))
    return pieces


def _summary(paragraphs: tuple[Paragraph, ...]) -> Paragraph:
    texts: list[str] = []
    pieces: list[tuple[int, int]] = []
    at = 0
    for p in paragraphs:
        if texts:
            texts.append("\n\n")
            at += 2
        texts.append(p.text)
        pieces.extend((index + at, original) for index, original in p.pieces)
        at += len(p.text)
    return Paragraph("".join(texts), tuple(pieces) or ((0, 0),))


_ANALYSES: weakref.WeakKeyDictionary[Document, _Analysis] = weakref.WeakKeyDictionary()
_SEGMENTS: weakref.WeakKeyDictionary[Document, dict[Scope, tuple[Paragraph, ...]]] = weakref.WeakKeyDictionary()


def segments(document: Document, scope: Scope) -> tuple[Paragraph, ...]:
    """Return the stretches of ``document`` that ``scope`` reads, in file order (cached)."""
    cache = _SEGMENTS.get(document)
    if cache is None:
        cache = _SEGMENTS[document] = {}
    found = cache.get(scope)
    if found is None:
        found = cache[scope] = tuple(_resolve(document, scope))
    return found


def _resolve(document: Document, scope: Scope) -> list[Paragraph]:
    if scope.include == ("text",) and not scope.exclude:
        return list(document.paragraphs)  # the default scope, and the most common
    analysis = _ANALYSES.get(document)
    if analysis is None:
        analysis = _ANALYSES[document] = _Analysis(document)
    excluded_blocks = {id(p) for name in scope.exclude if name in BLOCK_SCOPES for p in analysis.blocks(name)}
    inline_holes = [name for name in scope.exclude if name in INLINE_SCOPES]
    wanted: dict[int, list[tuple[int, int]]] = {}  # paragraph number -> local spans
    result: list[Paragraph] = []
    numbers = {id(p): n for n, p in enumerate(analysis.paragraphs)}
    for name in scope.include:
        if name == "raw":
            result.append(Paragraph.verbatim(document.text, 0))
            continue
        if name == "summary":
            kept = tuple(p for p in analysis.paragraphs if id(p) not in excluded_blocks)
            result.append(_summary(kept))
            continue
        if name in BLOCK_SCOPES:
            for p in analysis.blocks(name):
                wanted.setdefault(numbers[id(p)], []).append((0, len(p.text)))
        else:
            for p in analysis.paragraphs:
                for span in analysis.inline(name, p):
                    wanted.setdefault(numbers[id(p)], []).append(span)
    for number in sorted(wanted):
        paragraph = analysis.paragraphs[number]
        if id(paragraph) in excluded_blocks:
            continue
        holes = _merged(h for name in inline_holes for h in analysis.inline(name, paragraph))
        # Overlapping selections (heading and headline) read each stretch once.
        for span in sorted(set(wanted[number])):
            for start, end in _without(span, holes) if holes else [span]:
                if (start, end) == (0, len(paragraph.text)):
                    result.append(paragraph)
                elif end > start:
                    result.append(slice_paragraph(paragraph, start, end))
    return result
