"""HTML drafts (CMS exports, previews): prose paragraphs from the markup, mapped to the file.

Tokenised with the standard library's ``html.parser.HTMLParser``: it is maintained with
CPython, needs no new dependency, survives malformed markup, and reports where each
token starts (``getpos``). The HTML5 parsers considered (html5lib, lxml, selectolax)
build a tree without character offsets for its text (lxml keeps a line number at most).
``HTMLParser``'s own character-reference handling and a few of its error paths are not
used, though:

- It is handed a same-length copy of the text in which every ``&`` and the ``[`` of
  ``<![`` are replaced by U+0001. References are then decoded here, from the file's own
  characters, as HTML5 reads them (``html.entities.html5``, and ``html.unescape`` for one
  numeric reference at a time), so that each decoded character knows the file span of
  its whole reference. (Python 3.11's parser also hands on the rest of the file as text
  after a second ``&#`` without digits, and ``<![foo`` can raise.)
- Markup that can never close is cut off before parsing, because the parser rescans the
  rest of the file for a closer at every such ``<`` (on Python 3.11, ``</`` repeated over
  400 KB took 13 s against 1.3 s for 100 KB):
  from the first ``<`` that opens a tag, comment or declaration after the file's last
  ``>`` to the end nothing is prose (an HTML5 browser drops an unfinished tag and makes
  an unfinished comment run to the end), and a ``<!--`` after the last ``-->`` is read as
  a bogus comment ending at the next ``>``.

Prose text is taken from the file by position, never from the parser's strings, so the
replacements above never reach it.

What is prose: the text of headings and ``<title>`` (kind "heading"), paragraphs and
text standing directly in ``body``, ``div`` and the like ("paragraph"), list items and
definition terms ("list-item"), block quotes ("quote"), table cells ("table-cell"),
``figcaption`` and table captions ("caption"), and each non-empty ``alt`` attribute of an
image (a "caption" of its own). Not prose: ``script``, ``style``, ``template``,
``noscript``, ``pre``, ``code``, ``kbd``, ``samp``, ``nav``, ``del``, buttons and other
form controls, embedded media and SVG/MathML, comments, and attribute values other than
``alt``. Inline markup (``a``,
``em``, ``span``...) is transparent: the text on both sides joins into one paragraph.

Every prose character maps to the identical character of the file, except these stand-ins
(``Paragraph.ends`` gives their whole extent, so a finding on one covers all of it): a
decoded character reference stands for the whole reference; ``<br>`` is an LF standing
for the tag; inline ``code``, ``kbd`` and ``samp`` are one U+FFFC standing for the whole
element, as in Markdown. Whitespace inside a paragraph is kept as it is in the file, but a
run that markup separates from the whitespace before it (``a <b> c</b>``) is left out, as
a browser collapses it; a paragraph's leading and trailing whitespace is not part of it.
"""

from __future__ import annotations

import html
import re
from html.entities import html5
from html.parser import HTMLParser

from newslint import patterns
from newslint.parsers.model import STAND_IN, Comment, Paragraph, ParagraphKind, Parsed

_NEUTRAL = "\x01"

# Elements that start and end a paragraph, and the kind their text has ("p" and
# most containers keep the kind of what holds them: a <p> in an <li> is a list item).
_KINDS: dict[str, ParagraphKind] = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    "title": "heading",
    "li": "list-item",
    "dt": "list-item",
    "dd": "list-item",
    "blockquote": "quote",
    "td": "table-cell",
    "th": "table-cell",
    "figcaption": "caption",
    "caption": "caption",
}
_BLOCKS = frozenset(_KINDS) | frozenset(
    (
        "address",
        "article",
        "aside",
        "body",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "fieldset",
        "figure",
        "footer",
        "form",
        "head",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "listing",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "plaintext",
        "pre",
        "search",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
        "xmp",
    )
)
# Blocks whose content is not prose: preformatted text, and the site's navigation.
_HIDDEN_BLOCKS = frozenset(("listing", "nav", "plaintext", "pre", "xmp"))
# Inline elements whose content is not prose and leaves nothing in the text: scripts,
# media, form controls and button labels, and text a tracked change deletes (<del>).
_HIDDEN = frozenset(
    (
        "audio",
        "button",
        "canvas",
        "del",
        "iframe",
        "math",
        "noembed",
        "noframes",
        "noscript",
        "object",
        "script",
        "select",
        "style",
        "svg",
        "template",
        "textarea",
        "video",
    )
)
# Inline code: not prose, but a word of the sentence, so one stand-in keeps its place.
_CODE = frozenset(("code", "kbd", "samp"))
# Elements whose content HTML5 reads as raw text: only their own end tag closes them
# (Python's parser treats only script and style so, and reports tags inside the others).
_RAW = frozenset(("iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "xmp"))
_VOID = frozenset(
    (
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    )
)

# A character reference as HTML5 reads it: numeric (any number of digits), or a name of
# at most 32 characters (the longest in the table), whose longest known prefix is used.
_REFERENCE = patterns.compile(r"&(?:#[0-9]+;?|#[xX][0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]{0,31};?)")
# One attribute of a start tag, after the tag name (HTML5's attribute syntax).
_ATTRIBUTE = patterns.compile(r"""[\s/]*([^\s/>][^\s/=>]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")
_TAG_NAME = patterns.compile(r"<[^\s/>]*")
# What opens markup after "<" (anything else is a literal "<").
_MARKUP_OPEN = patterns.compile(r"<[A-Za-z/!?]")
_NEUTRALISED = patterns.compile(r"&|(?<=<!)\[")


def _decode(text: str, match: re.Match[str], in_attribute: bool) -> tuple[str, int] | None:
    """Return a reference's characters and its length in the file, or None if it is none."""
    ref = match.group()
    if ref[1] == "#":
        hexadecimal = ref[2] in "xX"
        digits = ref[3 if hexadecimal else 2 :].rstrip(";")
        # A number past U+10FFFF reads as U+FFFD however long it is; int() refuses
        # very long digit strings, so they never reach it.
        value = int(digits, 16 if hexadecimal else 10) if len(digits.lstrip("0")) <= 8 else 0x110000
        return html.unescape(f"&#{value};"), len(ref)
    name = ref[1:]
    if name not in html5:
        # Legacy names ("&amp", "&copy") may stand without their semicolon.
        name = next((name[:n] for n in range(len(name) - 1, 1, -1) if name[:n] in html5), "")
        if not name:
            return None
    if in_attribute and not name.endswith(";"):
        # In an attribute, "&copy=" or "&copyx" is left as written (query strings).
        following = text[match.start() + 1 + len(name) : match.start() + 2 + len(name)]
        if following == "=" or following.isalnum():
            return None
    return html5[name], 1 + len(name)


class _Builder:
    """Accumulates one paragraph's text, its pieces and its stand-ins' extents."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.pieces: list[tuple[int, int]] = []
        self.ends: list[tuple[int, int]] = []
        self.length = 0
        self.file_end = -1  # where the last thing added ends in the file
        self.continues = -1  # the file offset that continues the current piece one to one
        self.space = True  # nothing yet, or the text ends in whitespace

    def _skips_space(self, offset: int) -> bool:
        # Leading whitespace, and whitespace that markup separates from the whitespace
        # before it, are left out: neither is a run of spaces in the file.
        return self.length == 0 or (self.space and offset != self.file_end)

    def add(self, chunk: str, offset: int) -> None:
        """Add file text ``chunk``, which stands in the file from ``offset``."""
        if self._skips_space(offset):
            stripped = chunk.lstrip()
            offset += len(chunk) - len(stripped)
            chunk = stripped
        if not chunk:
            return
        if offset != self.continues:
            self.pieces.append((self.length, offset))
        self.chunks.append(chunk)
        self.length += len(chunk)
        self.file_end = self.continues = offset + len(chunk)
        self.space = chunk[-1].isspace()

    def stand_in(self, chars: str, start: int, end: int, line_break: bool = False) -> int:
        """Add ``chars`` standing for ``file[start:end]``; return the index of the last one."""
        if not chars or (chars.isspace() and self._skips_space(start)):
            return -1
        for char in chars:
            self.pieces.append((self.length, start))
            self.ends.append((self.length, end))
            self.chunks.append(char)
            self.length += 1
        # Whitespace after a <br> starts the next line: a browser collapses it away.
        self.file_end, self.continues = (-1 if line_break else end), -1
        self.space = chars[-1].isspace()
        return len(self.ends) - 1

    def paragraph(self, kind: ParagraphKind) -> Paragraph | None:
        """Return the paragraph built (trailing whitespace dropped), or None if it is empty."""
        text = "".join(self.chunks).rstrip()
        if not text:
            return None
        size = len(text)
        pieces = tuple(piece for piece in self.pieces if piece[0] < size)
        ends = tuple(end for end in self.ends if end[0] < size)
        return Paragraph(text, pieces, kind, ends)


class _Walker:
    """Turns the tokeniser's events into paragraphs: a stack of the open blocks and
    hidden elements (inline markup is not kept, it changes nothing), with a count per tag
    name so that an end tag without an opener costs nothing at any depth."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs: list[Paragraph] = []
        self.comments: list[Comment] = []
        self.builder = _Builder()
        # (tag, kind, hidden): hidden is inherited, so the top says whether text is prose.
        self.stack: list[tuple[str, ParagraphKind, bool]] = []
        self.open: dict[str, int] = {}
        self.code: int | None = None  # stack depth of an open inline code element
        self.code_stand_in = -1  # its stand-in's index in the builder's ends
        self.raw: int | None = None  # stack depth of an open raw-text element

    @property
    def kind(self) -> ParagraphKind:
        """Return the kind the text being read has."""
        return self.stack[-1][1] if self.stack else "paragraph"

    @property
    def hidden(self) -> bool:
        """Return whether the text being read is not prose."""
        return bool(self.stack) and self.stack[-1][2]

    def push(self, tag: str, kind: ParagraphKind, hidden: bool) -> None:
        """Open an element (hidden inside a hidden one)."""
        self.stack.append((tag, kind, hidden or self.hidden))
        self.open[tag] = self.open.get(tag, 0) + 1

    def pop_to(self, depth: int) -> None:
        """Close every element from stack depth ``depth`` up."""
        while len(self.stack) > depth:
            tag = self.stack.pop()[0]
            self.open[tag] -= 1
        if self.code is not None and self.code >= depth:
            self.code, self.code_stand_in = None, -1
        if self.raw is not None and self.raw >= depth:
            self.raw = None

    def flush(self) -> None:
        """End the paragraph being built."""
        if not self.builder.length:
            return
        paragraph = self.builder.paragraph(self.kind)
        if paragraph is not None:
            self.paragraphs.append(paragraph)
        self.builder = _Builder()

    def boundary(self) -> None:
        """End the paragraph at a block's edge; inline code cannot hold a block, so it ends too."""
        self.flush()
        if self.code is not None:
            self.pop_to(self.code)

    def start_tag(self, tag: str, start: int, end: int) -> None:
        """Handle the start tag ``file[start:end]``."""
        if self.raw is not None:
            return
        if self.code is not None and tag in _BLOCKS:
            self.boundary()
        if self.hidden:
            if tag not in _VOID:
                self.push(tag, self.kind, True)
            return
        if tag in _BLOCKS:
            self.boundary()
            if tag not in _VOID:
                self.push(tag, _KINDS.get(tag, self.kind), tag in _HIDDEN_BLOCKS)
        elif tag == "br":
            self.builder.stand_in("\n", start, end, line_break=True)
        elif tag in ("img", "area"):
            self.alt(start, end)
        elif tag in _CODE:
            self.code_stand_in = self.builder.stand_in(STAND_IN, start, end)
            self.code = len(self.stack)
            self.push(tag, self.kind, True)
        elif tag in _HIDDEN:
            self.push(tag, self.kind, True)
        else:
            return
        if tag in _RAW and self.stack and self.stack[-1][0] == tag:
            self.raw = len(self.stack) - 1

    def end_tag(self, tag: str, start: int) -> None:
        """Handle an end tag starting at ``start``: close the element it names, if open."""
        if self.raw is not None:
            if tag != self.stack[self.raw][0]:
                return
        elif tag == "br" and not self.hidden:  # HTML5 reads </br> as <br>
            self.builder.stand_in("\n", start, self.text.find(">", start) + 1, line_break=True)
            return
        if self.code is not None and tag in _BLOCKS:
            self.boundary()
        if not self.open.get(tag):
            if tag in _BLOCKS and not self.hidden:
                self.flush()  # a stray </p> still ends a paragraph
            return
        if tag in _BLOCKS and not self.hidden:
            self.flush()
        depth = len(self.stack) - 1
        while self.stack[depth][0] != tag:
            depth -= 1
        if depth == self.code and self.code_stand_in >= 0:
            index, _ = self.builder.ends[self.code_stand_in]
            self.builder.ends[self.code_stand_in] = (index, self.text.find(">", start) + 1)
        self.pop_to(depth)

    def data(self, start: int, length: int) -> None:
        """Handle the text ``file[start:start + length]``."""
        if self.hidden or _MARKUP_OPEN.match(self.text, start):
            # Python's parser hands on a tag it could not read ('<a title="x>') as text;
            # it is broken markup, which HTML5 drops, not prose.
            return
        self.add_text(self.builder, start, start + length, in_attribute=False)

    def add_text(self, builder: _Builder, start: int, end: int, in_attribute: bool) -> None:
        """Add ``file[start:end]`` to ``builder``, with its character references decoded."""
        text = self.text
        at = start
        while True:
            amp = text.find("&", at, end)
            if amp < 0:
                break
            match = _REFERENCE.match(text, amp, end)
            decoded = _decode(text, match, in_attribute) if match else None
            if decoded is None:
                builder.add(text[at : amp + 1], at)
                at = amp + 1
                continue
            chars, length = decoded
            builder.add(text[at:amp], at)
            builder.stand_in(chars, amp, amp + length)
            at = amp + length
        builder.add(text[at:end], at)

    def alt(self, start: int, end: int) -> None:
        """Make an image's ``alt`` text a caption paragraph of its own."""
        tag = self.text[start:end]
        at = _TAG_NAME.match(tag).end()  # type: ignore[union-attr]
        while at < len(tag):
            match = _ATTRIBUTE.match(tag, at)
            if match is None or match.end() == at:
                return
            at = match.end()
            value = match.group(2)
            if match.group(1).lower() != "alt":
                continue
            if not value:
                return
            first = start + match.start(2)
            if value[0] in "\"'" and len(value) > 1 and value[-1] == value[0]:
                value, first = value[1:-1], first + 1
            builder = _Builder()
            self.add_text(builder, first, first + len(value), in_attribute=True)
            paragraph = builder.paragraph("caption")
            if paragraph is not None:
                self.paragraphs.append(paragraph)
            return  # HTML5 keeps the first of repeated attributes

    def comment(self, start: int, body_length: int) -> None:
        """Keep the comment at ``start`` whose body is ``body_length`` long."""
        body_end = start + 4 + body_length
        end = self.text.find(">", body_end) + 1
        self.comments.append(Comment(start, end, self.text[start + 4 : body_end]))


class _Tokeniser(HTMLParser):
    """An ``HTMLParser`` that reports its tokens, with file offsets, to a ``_Walker``."""

    def __init__(self, walker: _Walker, view: str) -> None:
        super().__init__(convert_charrefs=False)
        self.walker = walker
        self.view = view
        # getpos() counts lines by LF alone and its column from the last LF, so an offset
        # is that line's start plus the column, whatever CRs the line holds.
        self.line_starts = [0]
        self.line_starts.extend(match.end() for match in re.finditer("\n", view))

    def file_offset(self) -> int:
        """Return the file offset of the token being reported."""
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: object) -> None:
        start = self.file_offset()
        self.walker.start_tag(tag, start, start + len(self.get_starttag_text() or "<"))

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        # HTML5 ignores the "/" of "<div/>": a non-void element stays open.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.walker.end_tag(tag, self.file_offset())

    def handle_data(self, data: str) -> None:
        self.walker.data(self.file_offset(), len(data))

    def handle_comment(self, data: str) -> None:
        start = self.file_offset()
        # Bogus comments ("<!x>", "</ x>", and the neutralised "<!--" above) are not
        # where suppressions live.
        if self.view.startswith("<!--", start):
            self.walker.comment(start, len(data))


def _parser_view(text: str) -> tuple[str, int]:
    """Return the text the tokeniser reads (same length) and where it stops reading."""
    view = _NEUTRALISED.sub(_NEUTRAL, text)
    last_gt = view.rfind(">")
    unclosed = _MARKUP_OPEN.search(view, last_gt + 1)
    cut = unclosed.start() if unclosed else len(view)
    last_close = view.rfind("-->")
    first_unclosed_comment = view.find("<!--", max(0, last_close - 3) if last_close >= 0 else 0, cut)
    if first_unclosed_comment >= 0:
        # Every "<!--" after the last "-->" would be searched to the end for a closer.
        tail = view[first_unclosed_comment:cut].replace("<!--", "<!" + _NEUTRAL + "-")
        view = view[:first_unclosed_comment] + tail + view[cut:]
    return view, cut


def parse(text: str) -> Parsed:
    """Parse an HTML document into prose paragraphs and comments."""
    view, cut = _parser_view(text)
    walker = _Walker(text)
    tokeniser = _Tokeniser(walker, view)
    tokeniser.feed(view[:cut])
    tokeniser.close()
    walker.flush()
    if text.startswith("<!--", cut):
        walker.comments.append(Comment(cut, len(text), text[cut + 4 :]))
    paragraphs = sorted(walker.paragraphs, key=lambda p: p.start)
    return Parsed(tuple(paragraphs), tuple(walker.comments))
