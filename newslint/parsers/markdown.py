"""Markdown drafts: prose paragraphs from markdown-it-py's token stream.

markdown-it-py gives block tokens their source lines but inline tokens no positions,
so each inline token is found again, in order, in its block's content, and the
content's lines are found in the source lines. Prose is the text of headings,
paragraphs, list items, block quotes, table cells and image alt text; code, HTML,
link destinations, autolinks and front matter are not.

Every prose character maps to the identical character of the file, except these
stand-ins: inline code and an autolink are one U+FFFC (at their opening mark), so that
the words around them do not run together; a decoded entity (``&amp;``) stands at its
``&``; a line break inside a paragraph is one LF, standing at the file's CR or LF.
An escaped character (a backslash before punctuation) maps to itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from newslint import patterns
from newslint.parsers.model import LINE_BREAK, STAND_IN, Comment, Paragraph, ParagraphKind, Parsed

_COMMENT = patterns.compile(r"<!--(.*?)-->", re.S)


def _comments(text: str, start: int, end: int) -> Iterator[Comment]:
    """Yield the HTML comments closed in ``text[start:end]``, as ``_COMMENT`` finds them.

    With ``str.find``: the lazy pattern would scan to the end of the block from every
    ``<!--`` that is never closed, which is quadratic in a run of them.
    """
    at = text.find("<!--", start, end)
    while at >= 0:
        close = text.find("-->", at + 4, end)
        if close < 0:
            return  # no later comment is closed either
        yield Comment(at, close + 3, text[at + 4 : close])
        at = text.find("<!--", close + 3, end)


_FRONT_MATTER_FENCE = patterns.compile(r"---[ \t]*(?:\r\n|\r|\n)")
# A closing fence is a whole line, whatever ends the lines (``$`` with re.M sees only LF).
_FRONT_MATTER_END = patterns.compile(r"(?<=[\r\n])(?:---|\.\.\.)[ \t]*(?=\r|\n|\Z)")


# markdown-it stops at 20 levels of nested blocks (block quotes, lists) and drops the
# rest of the innermost block, which for "- - - - ... x" is the rest of the file.
BLOCK_DEPTH = 20


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    # text_join would merge escapes and entities into plain text and hide their source form.
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough").disable("text_join")
    blocks = _block_parser(md)

    def block(state: Any) -> None:
        # The core "block" rule, run by the parser below; inline parsing keeps md's limit.
        blocks.block.parse(state.src, blocks, state.env, state.tokens)

    md.core.ruler.at("block", block)
    return md


def _block_parser(md: Any) -> Any:
    """Return a copy of ``md`` for the block phase that reads past the nesting limit.

    Below ``BLOCK_DEPTH`` levels it parses as ``md`` does. Deeper, block quotes and lists
    no longer open (their markers stay as text), but every line is still read as
    paragraphs, headings, code or HTML, so no prose is lost and Python's recursion stays
    bounded. Its own ``maxNesting`` is raised so that markdown-it never skips a tail.
    """
    from markdown_it import MarkdownIt
    from markdown_it.parser_block import ParserBlock

    blocks = MarkdownIt("commonmark").enable("table").enable("strikethrough").disable("text_join")
    blocks.options["maxNesting"] = 1 << 30
    flat = ParserBlock()
    flat.ruler.enableOnly([n for n in blocks.block.ruler.get_active_rules() if n not in ("blockquote", "list")])
    nested = blocks.block.tokenize

    def tokenize(state: Any, start: int, end: int) -> None:
        (nested if state.level < BLOCK_DEPTH else flat.tokenize)(state, start, end)

    # An instance attribute: nested blocks call state.md.block.tokenize, so they reach it.
    blocks.block.tokenize = tokenize  # type: ignore[method-assign,assignment]
    return blocks


def _front_matter(text: str) -> tuple[int, dict[str, Any], tuple[str, ...]]:
    """Return the length of a leading YAML front-matter block, its mapping and any problem.

    A block between ``---`` lines that is YAML but not a mapping (a line of prose between
    two rules) is Markdown, not front matter. One that is not valid YAML is still front
    matter, left out of the prose, but said so: its date is not used.
    """
    fence = _FRONT_MATTER_FENCE.match(text)
    if not fence:
        return 0, {}, ()
    close = _FRONT_MATTER_END.search(text, fence.end())
    if not close:
        return 0, {}, ()
    import yaml

    from newslint import yamlfile

    try:
        data = yamlfile.load(text[fence.end() : close.start()])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        return close.end(), {}, (f"front matter is not valid YAML{where}: {problem}; its fields are ignored",)
    if data is None:
        return close.end(), {}, ()
    if not isinstance(data, dict):
        return 0, {}, ()
    return close.end(), data, ()


class _Builder:
    """Accumulates a paragraph's text and its pieces while inline tokens are walked."""

    def __init__(self) -> None:
        self.text: list[str] = []
        self.pieces: list[tuple[int, int]] = []
        self.length = 0
        self._next_original = -1

    def add(self, chunk: str, original: int) -> None:
        if not chunk:
            return
        if original != self._next_original:
            self.pieces.append((self.length, original))
        self.text.append(chunk)
        self.length += len(chunk)
        self._next_original = original + len(chunk)

    def paragraph(self, kind: ParagraphKind) -> Paragraph | None:
        text = "".join(self.text).rstrip()
        if not text.strip():
            return None
        return Paragraph(text, tuple(self.pieces), kind)


class _Inline:
    """Maps one inline token's content onto the source and walks its children."""

    def __init__(self, source: str, line_starts: list[int], line_ends: list[int], token: Any, after: int = -1) -> None:
        """Map ``token``'s content; ``after`` >= 0 searches a table cell from that offset on."""
        self.content: str = token.content
        self.map: list[int] = [-1] * (len(self.content) + 1)
        self.end = after
        first = token.map[0] if token.map else 0
        at = 0
        for number, content_line in enumerate(self.content.split("\n")):
            line = first + number
            if line < len(line_starts) and content_line:
                start, end = line_starts[line], line_ends[line]
                src = source[start:end].rstrip()
                if after >= 0:
                    # Cells share a source line: search left to right from the previous
                    # cell, or "| a | a |" would map both cells onto the first.
                    found = source.find(content_line, max(start, after), end)
                    if found < 0 and "|" in content_line:
                        # A cell's "|" is written "\|" (an unescaped one ends the cell).
                        escaped = source.find(content_line.replace("|", "\\|"), max(start, after), end)
                        if escaped >= 0:
                            self.end = self._map_escaped(at, content_line, escaped)
                            at += len(content_line) + 1
                            continue
                elif src.endswith(content_line):
                    found = start + len(src) - len(content_line)
                else:
                    found = source.find(content_line, start, end)
                if found >= 0:
                    for k in range(len(content_line)):
                        self.map[at + k] = found + k
                    self.end = found + len(content_line)
            if line < len(line_starts) and at + len(content_line) < len(self.content):
                # The newline joining content lines stands for the source line break.
                self.map[at + len(content_line)] = line_ends[line] if line < len(line_ends) else -1
            at += len(content_line) + 1
        self.cursor = 0

    def _map_escaped(self, at: int, content_line: str, found: int) -> int:
        """Map a table cell's line whose each "|" stands as "\\|" at ``found``; return its end."""
        position = found
        for k, char in enumerate(content_line):
            if char == "|":
                position += 1  # past the backslash
            self.map[at + k] = position
            position += 1
        return position

    def emit(self, builder: _Builder, start: int, chunk: str) -> None:
        """Add ``content[start:start + len(chunk)]`` to the paragraph, one source run at a time."""
        k = 0
        while k < len(chunk):
            first = self.map[start + k]
            j = k + 1
            while j < len(chunk) and self.map[start + j] == first + (j - k):
                j += 1
            if first >= 0:
                builder.add(chunk[k:j], first)
            k = j

    def find(self, needle: str) -> int:
        index = self.content.find(needle, self.cursor) if needle else self.cursor
        return index

    def skip_destination(self) -> None:
        """Move past ``](destination "title")`` or ``][label]`` after a link's text."""
        content, i = self.content, self.cursor
        if i >= len(content) or content[i] != "]":
            return
        i += 1
        if i < len(content) and content[i] == "(":
            i = self._skip_inline_destination(i + 1)
        elif i < len(content) and content[i] == "[":
            close = content.find("]", i)
            i = close + 1 if close >= 0 else i
        self.cursor = i

    def _skip_inline_destination(self, i: int) -> int:
        """Return the index after ``destination "title")``, starting just inside the ``(``."""
        content = self.content

        def blanks(i: int) -> int:
            while i < len(content) and content[i] in " \t\n":
                i += 1
            return i

        def until(i: int, closer: str) -> int:
            while i < len(content) and content[i] != closer:
                i += 2 if content[i] == "\\" else 1
            return i + 1

        i = blanks(i)
        if i < len(content) and content[i] == "<":
            i = until(i + 1, ">")
        else:
            depth = 0
            while i < len(content) and not content[i].isspace():
                char = content[i]
                if char == "\\":
                    i += 2
                    continue
                if char == "(":
                    depth += 1
                elif char == ")":
                    if depth == 0:
                        break
                    depth -= 1
                i += 1
        i = blanks(i)
        # A title may hold ")" itself: skip it whole, in its own quotes or parentheses.
        if i < len(content) and content[i] in "\"'(":
            i = until(i + 1, ")" if content[i] == "(" else content[i])
            i = blanks(i)
        if i < len(content) and content[i] == ")":
            i += 1
        return min(i, len(content))

    def walk(self, children: list[Any], builder: _Builder, comments: list[Comment]) -> None:
        autolink = False
        for child in children:
            kind = child.type
            if kind == "text":
                index = self.find(child.content)
                if index < 0:
                    continue
                if not autolink:
                    self.emit(builder, index, child.content)
                self.cursor = index + len(child.content)
            elif kind == "text_special":
                index = self.find(child.markup)
                if index < 0:
                    continue
                if child.content == child.markup:
                    # A backslash before a character it cannot escape ("\\w") is literal.
                    self.emit(builder, index, child.content)
                else:
                    # An escape or entity: the decoded character stands at the markup's place.
                    original = self.map[index + (1 if child.info == "escape" else 0)]
                    if original >= 0:
                        builder.add(child.content, original)
                self.cursor = index + len(child.markup)
            elif kind in ("softbreak", "hardbreak"):
                index = self.find("\n")
                if index >= 0:
                    original = self.map[index]
                    if original >= 0:
                        builder.add("\n", original)
                    self.cursor = index + 1
            elif kind == "code_inline":
                index = self.find(child.markup)
                if index < 0:
                    continue
                close = self.content.find(child.markup, index + len(child.markup))
                if self.map[index] >= 0:
                    builder.add(STAND_IN, self.map[index])
                self.cursor = close + len(child.markup) if close >= 0 else len(self.content)
            elif kind == "html_inline":
                index = self.find(child.content)
                if index < 0:
                    continue
                comment = _COMMENT.fullmatch(child.content)
                if comment and self.map[index] >= 0:
                    start = self.map[index]
                    comments.append(Comment(start, start + len(child.content), comment.group(1)))
                self.cursor = index + len(child.content)
            elif kind == "link_open":
                autolink = child.markup == "autolink"
                if autolink:
                    index = self.find("<")
                    if index >= 0 and self.map[index] >= 0:
                        builder.add(STAND_IN, self.map[index])
                else:
                    index = self.find("[")
                    self.cursor = index + 1 if index >= 0 else self.cursor
            elif kind == "link_close":
                if autolink:
                    index = self.find(">")
                    self.cursor = index + 1 if index >= 0 else self.cursor
                    autolink = False
                else:
                    self.skip_destination()
            elif kind == "image":
                index = self.find("![")
                if index >= 0:
                    self.cursor = index + 2
                self.walk(child.children or [], builder, comments)
                self.skip_destination()


def parse(text: str) -> Parsed:
    """Parse Markdown into prose paragraphs, HTML comments and front matter."""
    front_length, front_matter, problems = _front_matter(text)
    # Blank the front matter out, keeping its line breaks, so that line numbers hold.
    source = LINE_BREAK.sub("\n", text[:front_length])
    source = re.sub(r"[^\n]", " ", source) + text[front_length:]
    source_for_parser = source.replace("\r\n", "\n").replace("\r", "\n")

    line_starts, line_ends = [0], []
    for match in LINE_BREAK.finditer(text):
        line_ends.append(match.start())
        line_starts.append(match.end())
    line_ends.append(len(text))

    paragraphs: list[Paragraph] = []
    comments: list[Comment] = []
    kinds: list[ParagraphKind] = []
    row_cursor = 0  # where the next table cell's text is searched from
    tokens = _parser().parse(source_for_parser)
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            kinds.append("heading")
        elif kind in ("blockquote_open", "list_item_open", "td_open", "th_open"):
            opened: ParagraphKind = {"blockquote_open": "quote", "list_item_open": "list-item"}.get(kind, "table-cell")  # type: ignore[assignment]
            kinds.append(opened)
        elif kind in ("heading_close", "blockquote_close", "list_item_close", "td_close", "th_close"):
            if kinds:
                kinds.pop()
        elif kind == "html_block" and token.map:
            start = line_starts[token.map[0]]
            end = line_ends[min(token.map[1], len(line_ends)) - 1]
            comments.extend(_comments(text, start, end))
        elif kind == "tr_open":
            row_cursor = 0
        elif kind == "inline":
            in_cell = bool(kinds) and kinds[-1] == "table-cell"
            inline = _Inline(text, line_starts, line_ends, token, row_cursor if in_cell else -1)
            if in_cell:
                row_cursor = inline.end
            builder = _Builder()
            inline.walk(token.children or [], builder, comments)
            paragraph = builder.paragraph(kinds[-1] if kinds else "paragraph")
            if paragraph is not None:
                paragraphs.append(paragraph)
    return Parsed(tuple(paragraphs), tuple(comments), front_matter, problems)
