"""newslint.counts.of_document: one pass whose counts equal each counting rule's own definition.

readability counts its sentences' chunks without web addresses, long-paragraph counts the
paragraph's own chunks and long-sentence each sentence's, both with a web address as one
word. The shared pass must give each of them exactly that, on texts where the
definitions part: web addresses, chunks of several words, sentences that sentencex ends
inside a chunk, line breaks, tabs and no-break spaces, and paragraphs long enough to be
counted chunk by chunk.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.counts import _HAS_WORD, counts_of, of_document, word_count
from newslint.document import LABEL_KINDS, Document

TEXTS = [
    "The council met on Monday. It agreed the plan. Work starts in May.",
    # web addresses: none of readability's words, one of long-sentence's
    "See https://example.org/a-long/path-with-parts.html for details. Or www.example.com today.",
    "A scheme alone :// is no word. Nor is WWW. in capitals, said the clerk.",
    # chunks of several words: an em dash, brackets, an ampersand
    "The plan—costly—slow—late—was dropped. Red&blue(green)yellow were the colours.",
    # sentencex ends a sentence inside a chunk: 'said. "The' and a lost space
    'He had the money, she said. "The rest will follow," he added. It ended.The end.',
    # a hard-wrapped paragraph with CRLF, a tab and a no-break space
    "The first line of a wrapped\r\nparagraph goes on here.\tA tab\u00a0and a\r\nno-break space.",
    # figures, abbreviations, emoji, a lone dash for a sentence
    "The U.S. paid $1.5bn in 2019 😀 to 3,000 firms. — . It was 24/7 work, e.g. at night.",
    "Üntil the İstanbul office opened, the 1990s team worked from 9/11 onwards.",
]


def _documents() -> list[Document]:
    docs = [Document(text) for text in TEXTS]
    docs.append(Document("\n\n".join(TEXTS)))
    # Longer than the packed sums allow (9,000 characters): counted chunk by chunk.
    docs.append(Document(" ".join(["The long paragraph—goes on, and on www.example.org again."] * 200)))
    docs.append(Document(" ".join(["The long paragraph—goes on, and on, again and again."] * 200)))
    docs.append(Document(" ".join(["word—word"] * 30) + "."))
    return docs


def _check(document: Document, syllables: bool) -> None:
    measured = of_document(document, syllables=syllables)
    for paragraph in document.paragraphs:
        if paragraph.kind in LABEL_KINDS:
            continue
        sentences = document.sentences_of(paragraph)
        found = measured.of(paragraph)
        assert found.paragraph_words() == word_count(paragraph.text)
        assert found.worded == sum(1 for s in sentences if _HAS_WORD.search(s.text))
        assert list(found.sentences) == sentences
        for limit in range(0, 80, 3):
            expected = [(s, word_count(s.text)) for s in sentences if word_count(s.text) > limit]
            assert list(found.long_sentences(limit)) == expected, limit
        if syllables:
            direct = counts_of(s.text for s in sentences)
            counts = found.counts
            assert counts is not None
            shared = (counts.sentences, counts.words, counts.syllables, counts.polysyllables)
            assert shared == (direct.sentences, direct.words, direct.syllables, direct.polysyllables)


@pytest.mark.parametrize("syllables", [True, False])
@pytest.mark.parametrize("document", _documents(), ids=lambda d: d.text[:30])
def test_shared_counts_equal_each_rules_definition(document, syllables):
    _check(document, syllables)


def test_counts_are_kept_per_document_and_gain_syllables_when_asked():
    document = Document(TEXTS[0])
    rough = of_document(document)
    assert not rough.syllables and of_document(document) is rough
    full = of_document(document, syllables=True)
    assert full.syllables and of_document(document) is full


def test_the_sentences_tile_or_the_paragraph_is_counted_itself():
    # 'said. "The' is cut after the quotation mark: the chunk '"The' is split in two, and
    # "ended.The" at the full stop; the paragraph's words are its own all the same.
    document = Document('It ended.The end came. She said. "The rest," he said.')
    _check(document, True)


_PIECES = st.sampled_from(
    [
        "The",
        "minister",
        "said",
        "U.S.",
        "3.5",
        "£1.2bn",
        "a—b",
        "—",
        '"',
        "“",
        ".",
        ". ",
        '. "',
        "said.The",
        "https://x.org/a-b",
        "www.x.org",
        "://",
        "WWW.",
        "(a)b",
        "well-known",
        "😀",
        "\u00a0",
        "\t",
        "\n",
        "\r\n",
        " ",
        "  ",
    ]
)


@given(st.lists(_PIECES, max_size=60).map(" ".join))
def test_shared_counts_on_any_mix(text):
    _check(Document(text), True)
    _check(Document(text), False)
