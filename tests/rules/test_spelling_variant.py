"""NL502 spelling-variant: British and American spellings mixed in one article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.testing import run_rule
from rules.spelling_variant import variants

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def found(text: str, **kwargs) -> list[str]:
    """Return the flagged text of each finding, checking code and severity."""
    findings = run_rule("spelling-variant", text, **kwargs)
    assert all(f.code == "NL502" and f.severity.value == "warning" for f in findings)
    return [text[f.start : f.end] for f in findings]


def fixed(text: str, **kwargs) -> str:
    """Apply every (unsafe) fix of the rule to ``text``."""
    findings = run_rule("spelling-variant", text, **kwargs)
    for f in sorted(findings, key=lambda f: f.fix.start, reverse=True):
        assert f.fix.safe is False
        text = text[: f.fix.start] + f.fix.text + text[f.fix.end :]
    return text


BAD = [
    # (text, flagged, after the fix)
    (
        "The organisation's centre will defend its defense budget with colour.",
        ["defense"],
        "The organisation's centre will defend its defence budget with colour.",
    ),
    (
        "The organization traveled to the center and the programme stalled and they traveled on.",
        ["programme"],
        "The organization traveled to the center and the program stalled and they traveled on.",
    ),
    (
        "They travelled to a nine-story building in the centre, where colour was favoured.",
        ["nine-story"],
        "They travelled to a nine-storey building in the centre, where colour was favoured.",
    ),
    (
        "The 12-story tower's centre had a grey, well-organised, colourful lobby.",
        ["12-story"],
        "The 12-storey tower's centre had a grey, well-organised, colourful lobby.",
    ),
    (
        "A multi-storey car park in the center had color screens and a theater.",
        ["multi-storey"],
        "A multi-story car park in the center had color screens and a theater.",
    ),
    (
        'Its defence of the programme was "realized" late, the organisation said.',
        ["realized"],
        'Its defence of the programme was "realised" late, the organisation said.',
    ),
    # meter as the unit, after a figure, a number word or "square": American
    (
        "The colour of the sea changed in the top 2,000 metres, and the centre sank 3,000 meters.",
        ["meters"],
        "The colour of the sea changed in the top 2,000 metres, and the centre sank 3,000 metres.",
    ),
    (
        "She won the 100-meter race at the centre, in colour, for the organisation, over two hundred meters.",
        ["meter", "meters"],
        "She won the 100-metre race at the centre, in colour, for the organisation, over two hundred metres.",
    ),
    (
        "The flat's colour and its 80 square meters were favoured by the organisation.",
        ["meters"],
        "The flat's colour and its 80 square metres were favoured by the organisation.",
    ),
    # a one-to-one mix is inconsistent all the same: the later spelling is reported
    ("The centre opened, and the center closed.", ["center"], "The centre opened, and the centre closed."),
    ("The colour faded at the center.", ["center"], "The colour faded at the centre."),
    ("The color faded at the centre.", ["centre"], "The color faded at the center."),
    # one word spelt two ways, although both dialects use the first (archaeology, axe)
    (
        "The archaeological dig and the archeological team met.",
        ["archeological"],
        "The archaeological dig and the archaeological team met.",
    ),
    (
        "The archeologists color it; the archaeologists color it too.",
        ["archaeologists"],
        "The archeologists color it; the archeologists color it too.",
    ),
    # families the source list lacked: fuelled, totalled, enrolment, skilful
    (
        "It fuelled the colour row and fueled it again, the organisation said.",
        ["fueled"],
        "It fuelled the colour row and fuelled it again, the organisation said.",
    ),
    (
        "Sales totaled £5m at the centre; the enrolment of the organisation grew.",
        ["totaled"],
        "Sales totalled £5m at the centre; the enrolment of the organisation grew.",
    ),
    # a capitalised spelling that opens a sentence counts; a name does not
    (
        "The colour is grey. Color matters, the organisation said.",
        ["Color"],
        "The colour is grey. Colour matters, the organisation said.",
    ),
    (
        'The behaviour was odd. "Behavior like that," he said, "is rare in the centre."',
        ["Behavior"],
        'The behaviour was odd. "Behaviour like that," he said, "is rare in the centre."',
    ),
]


@pytest.mark.parametrize(("text", "flagged", "after"), BAD)
def test_minority_spelling_reported_with_fix(text, flagged, after):
    assert found(text) == flagged
    assert fixed(text) == after


def test_message_gives_the_count_and_the_other_spelling():
    findings = run_rule("spelling-variant", "Our colour and flavour were honoured by the color guard.")
    assert [f.message for f in findings] == [
        "American spelling 'color' in an article otherwise British (3 British spellings to 1): use 'colour'"
    ]


GOOD = [
    "The colour of the centre was grey.",  # one dialect only
    "The center was gray and its color faded.",
    # "American" forms that are British words too: never counted or reported.
    "The computer program crashed; the organisation and its programme team were in the centre.",
    "The council will license the pub; its practice was favoured by the organisation's centre.",
    "He will tire of the draft; the jail will curb it; check the meter; colour the centre.",
    "The gas meter, the parking meters and the new meters: colour, centre, organisation.",
    "It is a story about the centre and its colour, and the stories of its grey storeys.",
    # Names keep their spelling: capitalised words do not count.
    "The US Defense Department and the World Trade Center sent a colour photo of the centre.",
    "Pearl Harbor was in the Labor Party's film, said the organisation's centre.",
    # A capitalised spelling opening a sentence is a name when the article writes it
    # with a capital mid-sentence, or when a capitalised word follows.
    "Gray said the colour of the centre was fine. Mr Gray left the organisation.",
    "The colour of the centre. Labor Party members met the organisation.",
    "COLOR TV came to the colour-mad centre of the organisation.",
    # one spelling each of two words of one dialect: nothing mixed
    "The archaeology of the centre.",
    # URLs and e-mail addresses.
    "See www.example.com/color/center for the colour chart of the organisation.",
    "Write to color@example.org about the colour of the centre.",
    "",
]


@pytest.mark.parametrize("text", GOOD)
def test_not_reported(text):
    assert found(text) == []


def test_dialect_en_gb_reports_every_american_spelling():
    text = "The color of the center was gray, the organisation said."
    assert found(text, options={"dialect": "en-GB"}) == ["color", "center", "gray"]


def test_dialect_en_us_reports_every_british_spelling():
    text = "The colour of the center was grey."
    assert found(text, options={"dialect": "en-US"}) == ["colour", "grey"]


def test_dialect_en_gb_ignores_forms_british_also_uses():
    text = "The program will license the practice to check the draft."
    assert found(text, options={"dialect": "en-GB"}) == []


def test_spans_with_crlf_emoji_and_markdown():
    text = "# Colour\r\n\r\n🙂 The *centre* and its colour; the color faded.\r\n"
    findings = run_rule("spelling-variant", text, format="markdown")
    assert [text[f.start : f.end] for f in findings] == ["color"]
    assert (findings[0].line, findings[0].column) == (3, 36)


def test_quoted_speech_is_checked():
    # House spelling applies to quotations, which are transcribed.
    text = 'The colour and the centre, "the color," he said.'
    assert found(text) == ["color"]


def test_data_excludes_ambiguous_pairs():
    table = variants()
    for word in (
        "program",
        "license",
        "practice",
        "tire",
        "draft",
        "meter",
        "check",
        "curb",
        "story",
        "disk",
        "disc",
        "connection",
        "filter",
        "judgment",
        "prize",
        "ton",
        "jail",
    ):
        assert word not in table, word
    for word in ("programme", "licence", "practise", "tyre", "draught", "metre", "kerb", "cheque", "storey"):
        assert table[word].dialect == "British", word
    assert table["colour"].other == "color" and table["color"].other == "colour"


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is missing")
def test_seeds():
    seeds = SHARED / "seeds"
    british = (seeds / "002_fc1ffe9e9bacc26a.txt").read_text(encoding="utf-8")
    assert found(british) == ["nine-story"]
    american = (seeds / "000_66e5290f122a3e84.txt").read_text(encoding="utf-8")
    assert found(american) == []
