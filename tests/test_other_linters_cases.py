"""Cases shaped after other linters' own tests and reported false alarms.

Each sentence is written for newslint, in news style, after the shape of a case in the test
suites, rule examples or issue threads of LanguageTool (ENGLISH_WORD_REPEAT_RULE,
SENTENCE_WHITESPACE, COMMA_PARENTHESIS_WHITESPACE, WHITESPACE_RULE, UNPAIRED_BRACKETS,
EN_UNPAIRED_QUOTES, DOUBLE_PUNCTUATION), proselint (lexical_illusions, consistency, dates,
annotations), write-good (lexical illusions), Vale (Repetition, annotations) and Harper: the
same slip, or the same tricky correct construction, in other words. Only the cases newslint
gets right are here; each slip is pinned to its exact (offset, flagged text), and each
correct sentence must draw no finding from the rule.
"""

from __future__ import annotations

import pytest

from newslint.testing import run_rule


def found(rule: str, text: str, **kwargs) -> list[tuple[int, str]]:
    """Return (offset, flagged text) of each finding of ``rule`` on ``text``."""
    return [(f.start, text[f.start : f.end]) for f in run_rule(rule, text, **kwargs)]


# Repeated words (NL204)

REPEATED_WORDS_SLIPS = [
    # LanguageTool ENGLISH_WORD_REPEAT_RULE: doubled article at sentence start
    ("repeated-word", "The the council met on Tuesday.", [(4, "the")]),
    # LanguageTool: doubled noun before the full stop
    ("repeated-word", "The mayor signed the budget budget.", [(28, "budget")]),
    # LanguageTool: three slips in one sentence
    (
        "repeated-word",
        "Police said the the suspect was was arrested in in Leeds.",
        [(16, "the"), (32, "was"), (48, "in")],
    ),
    # write-good: repeat across a line break
    ("repeated-word", "Officials confirmed that a\na second vote would follow.", [(27, "a")]),
    # write-good: repeat differing in case
    ("repeated-word", "Of of the 40 candidates, six withdrew.", [(3, "of")]),
    # proselint: doubled pronoun opening a sentence
    ("repeated-word", "He he told reporters the deal was off.", [(3, "he")]),
    # proselint lexical_illusions: a noun doubled after a name
    ("repeated-word", "The summit took place at the Lakeside hotel hotel.", [(44, "hotel")]),
    # LanguageTool: wait wait mid-sentence
    ("repeated-word", "Voters will have to wait wait until June.", [(25, "wait")]),
    # LanguageTool: will will
    ("repeated-word", "The board will will meet again on Friday.", [(15, "will")]),
    # LanguageTool: may may after a noun
    ("repeated-word", "Ministers may may delay the vote.", [(14, "may")]),
    # LanguageTool ENGLISH_WORD_REPEAT_RULE: can can with no noun before it
    ("repeated-word", "The agency can can step in if needed.", [(15, "can")]),
    # LanguageTool: in in
    ("repeated-word", "Flooding was reported in in three counties.", [(25, "in")]),
    # LanguageTool: did did
    ("repeated-word", "The minister did did not attend.", [(17, "did")]),
    # LanguageTool: year twice
    ("repeated-word", "The law took effect in 2019 2019.", [(28, "2019")]),
]

REPEATED_WORDS_CORRECT = [
    # proselint: had had
    ("repeated-word", "The club had had a difficult season."),
    # LanguageTool: had had after a noun
    ("repeated-word", "If the council had had more money, it would have acted."),
    # LanguageTool: that that + noun
    ("repeated-word", "She denied that that report was accurate."),
    # LanguageTool: that that + verb
    ("repeated-word", "Officials admitted that that was a mistake."),
    # LanguageTool: the way that that film had
    ("repeated-word", "The sequel failed to draw crowds the way that that film did."),
    # LanguageTool: her her
    ("repeated-word", "The judge handed her her passport."),
    # LanguageTool ENGLISH_WORD_REPEAT_RULE TODO list: what it is is
    ("repeated-word", "What this is is a tax rise by stealth, the MP said."),
    # LanguageTool: very very
    ("repeated-word", '"It was very very close," she said.'),
    # LanguageTool: no no
    ("repeated-word", 'The crowd shouted "no no" at the referee.'),
    # LanguageTool: Duran Duran
    ("repeated-word", "Duran Duran will headline the festival."),
    # LanguageTool issue: Bora Bora
    ("repeated-word", "The couple honeymooned in Bora Bora."),
    # LanguageTool issue: Cao Cao
    ("repeated-word", "The exhibition covers the warlord Cao Cao."),
    # LanguageTool: Pago Pago
    ("repeated-word", "The ship docked at Pago Pago on Sunday."),
    # LanguageTool: Wagga Wagga
    ("repeated-word", "Floods hit Wagga Wagga on Monday."),
    # LanguageTool: letter-spaced text
    ("repeated-word", "Survivors spelt out H E L P on the beach."),
    # LanguageTool: E.ON on
    ("repeated-word", "Customers can contact E.ON on its helpline."),
    # LanguageTool: hip hip hooray
    ("repeated-word", "Fans gave three cheers: hip hip hooray!"),
    # LanguageTool: ha ha
    ("repeated-word", '"Ha ha," the minister wrote in reply.'),
    # Vale Repetition: same word across a sentence break
    ("repeated-word", "Prices rose in Paris. Paris officials blamed tourism."),
    # Vale (Red Hat): a comma breaks up the repeat
    ("repeated-word", "The survey covered pay, pay gaps and pensions."),
    # proselint issue: 'the theory' substring
    ("repeated-word", "The theatre reopened in the thirties."),
    # proselint issue: 'an analytical' substring
    ("repeated-word", "An analyst said an annual review was due."),
    # proselint lexical_illusions: a hyphenated word, then its last part
    ("repeated-word", "Passengers queued at the drive-in in Croydon."),
    # LanguageTool: log in in (phrasal verb + preposition)
    ("repeated-word", "Passengers who checked in in Manchester were delayed."),
    # LanguageTool issue #1857: initials W W
    ("repeated-word", "The book was published by W W Norton in 1963."),
    # LanguageTool issue #1857: doubled word in a quoted song title
    ("repeated-word", 'The band\'s single "The Red Red Rose" topped the chart.'),
    # write-good: // // non-words
    ("repeated-word", "Scores marked -- -- were not counted."),
]


@pytest.mark.parametrize(("rule", "text", "expected"), REPEATED_WORDS_SLIPS)
def test_repeated_words_slips(rule: str, text: str, expected: list[tuple[int, str]]) -> None:
    assert found(rule, text) == expected


@pytest.mark.parametrize(("rule", "text"), REPEATED_WORDS_CORRECT)
def test_repeated_words_correct(rule: str, text: str) -> None:
    assert found(rule, text) == []


# Spacing: missing space after sentence punctuation (NL201), space inside brackets and
# quotation marks (NL104), space before punctuation (NL102), double spaces (NL206)

SPACING_SLIPS = [
    # LanguageTool SENTENCE_WHITESPACE: full stop
    ("missing-space", "The strike ended.Workers returned on Monday.", [(11, "ended.Workers")]),
    # LanguageTool SENTENCE_WHITESPACE: question mark
    ("missing-space", "Who pays?The Treasury has not said.", [(4, "pays?The")]),
    # LanguageTool lower case after the stop (nl PUNT_GEEN_HL)
    ("missing-space", "The polls closed.turnout was low.", [(10, "closed.turnout")]),
    # LanguageTool SENTENCE_WHITESPACE: etc. ending a sentence
    ("missing-space", "They sold lamps, chairs etc.The shop closed in May.", [(24, "etc.The")]),
    # LanguageTool COMMA_PARENTHESIS_WHITESPACE: no space after comma
    ("punctuation-spacing", "The minister,however, refused to resign.", [(12, ",")]),
    # LanguageTool COMMA_PARENTHESIS_WHITESPACE: space after (
    ("punctuation-spacing", "The bill ( passed in March) was repealed.", [(9, "( ")]),
    # LanguageTool COMMA_PARENTHESIS_WHITESPACE: space before )
    ("punctuation-spacing", "The bill (passed in March ) was repealed.", [(25, " )")]),
    # LanguageTool COMMA_PARENTHESIS_WHITESPACE: spaces inside [ ]
    ("punctuation-spacing", "He wrote their [ sic ] plan in the memo.", [(15, "[ "), (20, " ]")]),
    # LanguageTool QuotesWhitespace: straight quote
    ("punctuation-spacing", 'The mayor called it " a disgrace" on Monday.', [(20, '" ')]),
    # LanguageTool QuotesWhitespace: curly pair
    ("punctuation-spacing", "The mayor called it “ a disgrace ” on Monday.", [(20, "“ "), (32, " ”")]),
    # LanguageTool QuotesWhitespace: single curly
    ("punctuation-spacing", "The club described the offer as ‘ derisory’.", [(32, "‘ ")]),
    # LanguageTool issue #4145: comma after a year, capital next
    ("punctuation-spacing", "In March 2020,Britain locked down.", [(13, ",")]),
    # LanguageTool COMMA_PARENTHESIS_WHITESPACE: space before comma
    ("dangling-punctuation", "The minister , however, refused to resign.", [(12, " ,")]),
    # LanguageTool COMMA_PARENTHESIS_WHITESPACE: space before, none after
    ("dangling-punctuation", "The minister ,however, refused to resign.", [(12, " ,")]),
    # LanguageTool COMMA_PARENTHESIS_WHITESPACE: orphaned full stop
    ("dangling-punctuation", "The council rejected the plan .", [(29, " .")]),
    # LanguageTool WhitespaceBeforePunctuation: question mark
    ("dangling-punctuation", "Will the talks resume ?", [(21, " ?")]),
    # LanguageTool WhitespaceBeforePunctuation: colon
    ("dangling-punctuation", "The verdict : guilty on all counts.", [(11, " :")]),
    # LanguageTool COMMA_PARENTHESIS_WHITESPACE: '.Los Angeles'
    ("dangling-punctuation", "The summit moved to .Geneva at short notice.", [(19, " .")]),
    # LanguageTool MultipleWhitespace: two spaces
    ("double-space", "The council  voted to close the library.", [(11, "  ")]),
    # LanguageTool MultipleWhitespace: three spaces
    ("double-space", "The council voted   to close it.", [(17, "   ")]),
    # LanguageTool MultipleWhitespace: three runs
    ("double-space", "The council   voted  to close   the library.", [(11, "   "), (19, "  "), (29, "   ")]),
    # LanguageTool MultipleWhitespace: indented line, inner gap
    ("double-space", "   The  mayor spoke first.", [(6, "  ")]),
    # proselint consistency.spacing: one two-space gap among singles
    ("double-space", "This was bad.  It was not consistent. At all.", [(13, "  ")]),
]

SPACING_CORRECT = [
    # LanguageTool SENTENCE_WHITESPACE: decimal number
    ("missing-space", "Inflation rose to 3.4% in March."),
    # LanguageTool SENTENCE_WHITESPACE: time 10.30
    ("missing-space", "The train left at 10.30 on Friday."),
    # LanguageTool: e.g. mid-sentence
    ("missing-space", "Some councils, e.g. Leeds, objected."),
    # LanguageTool: i.e. mid-sentence
    ("missing-space", "The smaller parties, i.e. the Greens, abstained."),
    # LanguageTool: U.S. before a noun
    ("missing-space", "The U.S. embassy issued a warning."),
    # LanguageTool: ellipsis run into a capital
    ("missing-space", "It was over…Or so they thought."),
    # LanguageTool issue: URL with a capital after a dot
    ("missing-space", "Read the report at https://example.org/Report.html today."),
    # LanguageTool issue: file name with capitals
    ("missing-space", "The leaked file, Budget.Final.pdf, was shared widely."),
    # LanguageTool unpaired-quotes test: No.3
    ("missing-space", "The orchestra played Symphony No.5 in the second half."),
    # LanguageTool: a.m. then a new sentence
    ("missing-space", "It opened at 9 a.m. Queues formed at once."),
    # LanguageTool EnglishWordRepeat: E.ON (capital after a dot)
    ("missing-space", "Customers of E.ON complained about bills."),
    # LanguageTool: money with a decimal
    ("missing-space", "The deal was worth £1.5bn to the firm."),
    # LanguageTool: number with thousands commas
    ("punctuation-spacing", "The fine was $1,000,000, the court said."),
    # LanguageTool QuotesWhitespace: correct quotes of every kind
    ("punctuation-spacing", 'Ministers called it a "reset" and ‘a fresh start’ at the summit.'),
    # LanguageTool: time with a colon
    ("punctuation-spacing", "Polls close at 22:00 tonight."),
    # LanguageTool COMMA_PARENTHESIS_WHITESPACE: figure .5
    ("dangling-punctuation", "Growth was .5 per cent, officials said."),
    # LanguageTool COMMA_PARENTHESIS_WHITESPACE: a .mp3 / .DOC file
    ("dangling-punctuation", "Files were sent as .pdf attachments."),
    # LanguageTool COMMA_PARENTHESIS_WHITESPACE: the .org domain
    ("dangling-punctuation", "Bidding for the .london domain opened."),
    # LanguageTool issue #11295: .NET
    ("dangling-punctuation", "The bank's software runs on .NET and Java."),
    # LanguageTool COMMA_PARENTHESIS_WHITESPACE: .45 calibre
    ("dangling-punctuation", "Police recovered a .45 calibre pistol."),
    # LanguageTool COMMA_PARENTHESIS_WHITESPACE: spaced ellipsis at the end
    ("dangling-punctuation", 'Asked about the deal, he said: "Well ..."'),
    # LanguageTool COMMA_PARENTHESIS_WHITESPACE: Chicago spaced ellipsis
    ("dangling-punctuation", "He said the deal was . . . unusual."),
    # LanguageTool MultipleWhitespace: tabs are fine
    ("double-space", "Results\t\twere delayed."),
    # proselint consistency.spacing: two spaces throughout
    ("double-space", "It rained.  Then it snowed.  Then it stopped."),
]


@pytest.mark.parametrize(("rule", "text", "expected"), SPACING_SLIPS)
def test_spacing_slips(rule: str, text: str, expected: list[tuple[int, str]]) -> None:
    assert found(rule, text) == expected


@pytest.mark.parametrize(("rule", "text"), SPACING_CORRECT)
def test_spacing_correct(rule: str, text: str) -> None:
    assert found(rule, text) == []


# Unpaired brackets (NL103) and quotation marks (NL101), doubled punctuation (NL102)

PAIRS_AND_DOUBLED_SLIPS = [
    # LanguageTool EN_UNPAIRED_BRACKETS: ( never closed
    ("unbalanced-bracket", "(The vote was delayed again.", [(0, "(")]),
    # LanguageTool EN_UNPAIRED_BRACKETS: ) never opened
    ("unbalanced-bracket", "The bill failed to pass either house).", [(36, ")")]),
    # LanguageTool EN_UNPAIRED_BRACKETS: mismatched pair
    ("unbalanced-bracket", "The (disputed] figures were withdrawn.", [(13, "]")]),
    # LanguageTool multi-sentence: [ open to the paragraph end
    (
        "unbalanced-bracket",
        "The report said: [Ministers were warned. They did nothing.\n\nThe inquiry continues.",
        [(17, "[")],
    ),
    # LanguageTool EN_UNPAIRED_QUOTES: closing mark with no opener
    ("unbalanced-quote", 'The coach said his side had been unlucky all season."', [(52, '"')]),
    # LanguageTool EN_UNPAIRED_QUOTES: opening mark never closed
    ("unbalanced-quote", '"The club will appeal against the ban, the chairman said.', [(0, '"')]),
    # LanguageTool: second quotation never closed
    ("unbalanced-quote", "The minister called the report “flawed” and “partisan, aides said.", [(44, "“")]),
    # LanguageTool issue #2356: Click the "Check text button
    ("unbalanced-quote", 'Voters were told to press the "Submit button by noon.', [(30, '"')]),
    # LanguageTool: curly closing mark with no opener
    ("unbalanced-quote", "We have been let down,” said the union leader.", [(22, "”")]),
    # LanguageTool GenericUnpairedBrackets: opened in the last paragraph
    ("unbalanced-quote", "The vote passed.\n\n“But this is not over, the leader said.", [(18, "“")]),
    # LanguageTool DOUBLE_PUNCTUATION: ,,
    ("dangling-punctuation", "Turnout,, officials said, was low.", [(7, ",,")]),
    # LanguageTool DOUBLE_PUNCTUATION: ..
    ("dangling-punctuation", "The match was abandoned.. Fans went home.", [(23, "..")]),
    # LanguageTool: full stop repeated after a closing quote
    ("dangling-punctuation", "“We have won.”.", [(12, ".”.")]),
    # LanguageTool DOUBLE_PUNCTUATION: abbreviation then a second full stop
    ("dangling-punctuation", "Shares fell at Acme Inc..", [(23, "..")]),
]

PAIRS_AND_DOUBLED_CORRECT = [
    # LanguageTool: brackets closed before the full stop
    ("unbalanced-bracket", "(The vote was delayed)."),
    # LanguageTool: smiley :)
    ("unbalanced-bracket", "The minister posted a smiley :) after the vote."),
    # LanguageTool: smiley :-(
    ("unbalanced-bracket", "Fans posted :-( after the defeat."),
    # LanguageTool: smiley ;-)
    ("unbalanced-bracket", "The post ended with ;-) and a link."),
    # LanguageTool: list markers a) b) c)
    ("unbalanced-bracket", "The options were a) raise taxes, b) cut spending or c) borrow."),
    # LanguageTool: list markers on their own lines
    ("unbalanced-bracket", "a) Leeds\nb) York\nc) Hull"),
    # LanguageTool: numbered (1) (2)
    ("unbalanced-bracket", "The panel recommended that: (1) two wards close and (2) staff be retrained."),
    # LanguageTool: footnote [12]
    ("unbalanced-bracket", "Support surged across the region.[12]"),
    # LanguageTool: nested brackets
    ("unbalanced-bracket", "The figures (see tables [3] and [4] (annex)) were revised."),
    # LanguageTool: bracket over two sentences
    ("unbalanced-bracket", "(The vote was delayed. Ministers blamed the weather.) Talks resume today."),
    # LanguageTool issue #1691: URL with brackets
    ("unbalanced-bracket", "See https://en.wikipedia.org/wiki/Mercury_(planet) for background."),
    # LanguageTool issue #7058: a) b) c) ...
    ("unbalanced-bracket", "These were not right: a) the costs, b) the timing, c) …"),
    # LanguageTool: inch mark
    ("unbalanced-quote", 'The new tablet has a 13" screen.'),
    # LanguageTool: plural possessive
    ("unbalanced-quote", "The players' union rejected the offer."),
    # LanguageTool issue #2356: goin' inside a quotation
    ("unbalanced-quote", "Fans sang \"we're goin' home\" after the final whistle."),
    # LanguageTool: 'em
    ("unbalanced-quote", "The slogan Love 'em or hate 'em ran for years."),
    # LanguageTool: Dunkin'
    ("unbalanced-quote", "Shares in Dunkin' Brands rose."),
    # LanguageTool: Texas'
    ("unbalanced-quote", "Texas' governor signed the bill."),
    # LanguageTool: the '49 team
    ("unbalanced-quote", "The '66 squad still holds the record."),
    # LanguageTool: 1920s and '30s
    ("unbalanced-quote", "Sales peaked in the 1920s and '30s."),
    # LanguageTool: the '60 election
    ("unbalanced-quote", "Kennedy won the '60 election narrowly."),
    # LanguageTool: 31-33" seat pitch
    ("unbalanced-quote", 'Seats have a pitch of 31-33", the airline said.'),
    # LanguageTool: quoted numbers "02" "10"
    ("unbalanced-quote", 'Ballot papers numbered "07" and "12" were spoiled.'),
    # LanguageTool: quoted title with No.
    ("unbalanced-quote", 'Critics praised Mahler\'s "Symphony No. 2" at the Proms.'),
    # LanguageTool: quoted letter plural "I"s
    ("unbalanced-quote", 'The sign was missing two "E"s.'),
    # LanguageTool: inch mark inside brackets (30.5")
    ("unbalanced-quote", 'The firm launched a compact (27") monitor last year.'),
    # LanguageTool GenericUnpairedBrackets: quotation running on into the next paragraph
    ("unbalanced-quote", 'He said: "We will fight on.\n\n"We will not give up," he added.'),
    # LanguageTool FIXME: 'host societies'.
    ("unbalanced-quote", "Migrants were urged to respect their 'host communities'."),
    # LanguageTool #6195: 'til
    ("unbalanced-quote", "The shop is open 'til midnight."),
    # LanguageTool #6195: Fritz' revisions
    ("unbalanced-quote", "The board accepted Mr Fritz' revisions."),
    # LanguageTool #6195: mid-'80s after a quoted nickname
    ("unbalanced-quote", "Fans nicknamed the defence 'The Wall' in the mid-'80s."),
    # LanguageTool #10409: comma inside the closing quote
    ("unbalanced-quote", 'After the so-called "bonfire of quangos," ministers relaxed.'),
    # LanguageTool #1295: quoted web address
    ("unbalanced-quote", "Readers can visit 'www.example.org/appeal' to donate."),
    # LanguageTool DOUBLE_PUNCTUATION: ellipsis
    ("dangling-punctuation", "The minister said the plan was... ambitious."),
    # LanguageTool DOUBLE_PUNCTUATION: four dots after a sentence
    ("dangling-punctuation", "The list went on and on.... Nobody listened."),
    # LanguageTool: e.g., (full stop then comma)
    ("dangling-punctuation", "Some foods, e.g., bread, rose in price."),
    # LanguageTool: etc., (full stop then comma)
    ("dangling-punctuation", "Fuel, food, etc., rose in price."),
    # LanguageTool: abbreviation ending a sentence
    ("dangling-punctuation", "The firm moved to the U.S."),
    # LanguageTool: time at the end
    ("dangling-punctuation", "The train left at 10.30."),
    # LanguageTool: web address at the end
    ("dangling-punctuation", "Visit bbc.co.uk."),
    # LanguageTool: page reference in brackets
    ("dangling-punctuation", "The rule is on page 12 (p. 12)."),
]


@pytest.mark.parametrize(("rule", "text", "expected"), PAIRS_AND_DOUBLED_SLIPS)
def test_pairs_and_doubled_slips(rule: str, text: str, expected: list[tuple[int, str]]) -> None:
    assert found(rule, text) == expected


@pytest.mark.parametrize(("rule", "text"), PAIRS_AND_DOUBLED_CORRECT)
def test_pairs_and_doubled_correct(rule: str, text: str) -> None:
    assert found(rule, text) == []


# Apostrophes in plurals and decades (NL105), mixed British and American spelling (NL502),
# placeholders (NL205)

APOSTROPHES_SPELLING_PLACEHOLDERS_SLIPS = [
    # proselint dates: 1980's
    ("apostrophe-plural", "Unemployment soared in the 1980's.", [(27, "1980's")]),
    # LanguageTool apostrophe plurals: CD's after a number
    ("apostrophe-plural", "The shop sold 300 CD's last week.", [(18, "CD's")]),
    # LanguageTool: curly 1960’s
    ("apostrophe-plural", "Rents doubled in the 1960’s.", [(21, "1960’s")]),
    # proselint consistency.spelling: centre then center
    ("spelling-variant", "The new sports centre will replace the old leisure center.", [(51, "center")]),
    # LanguageTool BritishReplaceRule: color among British forms
    (
        "spelling-variant",
        "The organisation said its color scheme was chosen by the programme's designers.",
        [(26, "color")],
    ),
    # LanguageTool: traveled among British forms
    (
        "spelling-variant",
        "Officials travelled to Rome. Fans traveled by train, and the favourite won.",
        [(34, "traveled")],
    ),
    # Vale/proselint annotations: TODO
    ("placeholder", "The council will publish the figures TODO.", [(37, "TODO")]),
    # proselint/Vale annotations: TK left for a missing age
    ("placeholder", "The victim, aged TK, was named by police.", [(17, "TK")]),
    # Vale annotations: FIXME
    ("placeholder", "The FIXME minister resigned on Monday.", [(4, "FIXME")]),
    # Vale annotations (XXX): a price left as XX
    ("placeholder", "Tickets will cost £XX each.", [(18, "£XX")]),
    # Vale annotations: filler text
    ("placeholder", "Lorem ipsum dolor sit amet, the mayor said.", [(0, "Lorem ipsum")]),
]

APOSTROPHES_SPELLING_PLACEHOLDERS_CORRECT = [
    # proselint: 50's manager (a name's possessive)
    ("apostrophe-plural", "The rapper 50's manager declined to comment."),
    # Harper #673: a year's possessive
    ("apostrophe-plural", "1997's landslide gave Labour a big majority."),
    # Harper #673 / proselint dates: a decade's plural possessive
    ("apostrophe-plural", "It was one of the 1960s' biggest hits."),
    # LanguageTool apostrophe rules: an abbreviation's singular possessive
    ("apostrophe-plural", "The MP's office was closed."),
    # LanguageTool apostrophe rules: letters take 's
    ("apostrophe-plural", "The scoreboard showed three X's."),
    # proselint dates: '80s
    ("apostrophe-plural", "It was a hit of the '80s."),
    # proselint dates: 1990s
    ("apostrophe-plural", "It happened in the 1990s."),
    # LanguageTool: CD's cover (possessive)
    ("apostrophe-plural", "The CD's cover art was banned."),
    # LanguageTool: CEO's pay (possessive)
    ("apostrophe-plural", "The CEO's pay rose by 20%."),
    # proselint consistency.spelling: British throughout
    ("spelling-variant", "The arts centre moved to a bigger centre in Leeds."),
    # proselint consistency.spelling: American throughout
    ("spelling-variant", "The medical center opened a second center."),
    # LanguageTool: American proper name in British copy
    ("spelling-variant", "The defence secretary laid a wreath at the World Trade Center."),
    # LanguageTool: Pearl Harbor in British copy
    ("spelling-variant", "The defence minister visited Pearl Harbor on Monday."),
    # LanguageTool: Australia's Labor Party in British copy
    ("spelling-variant", "Australia's Labor Party won, the organisation said."),
    # LanguageTool: British 'program' for software
    ("spelling-variant", "The council's programme includes a computer program for schools."),
    # LanguageTool: licence (noun) and license (verb), both British
    ("spelling-variant", "Pubs need a licence, and the council will license two more."),
    # LanguageTool: practice (noun) and practise (verb), both British
    ("spelling-variant", "Doctors at the practice practise what the centre teaches."),
    # proselint annotations: to-do list
    ("placeholder", "The minister's to-do list grew longer."),
    # proselint annotations: a shop name, not a note
    ("placeholder", "The TK Maxx store closed in June."),
    # proselint annotations: an abbreviation that contains the marker
    ("placeholder", "He won by TKO in round six."),
    # Vale annotations (XXX): a clothing size, not a marker
    ("placeholder", "Size XXL shirts sold out within hours."),
    # Vale annotations (XXX): a band's name
    ("placeholder", "The xx played Glastonbury in 2010."),
    # Vale annotations: an editorial bracket that belongs in print
    ("placeholder", 'He wrote "their [sic] going" in the post.'),
]


@pytest.mark.parametrize(("rule", "text", "expected"), APOSTROPHES_SPELLING_PLACEHOLDERS_SLIPS)
def test_apostrophes_spelling_placeholders_slips(rule: str, text: str, expected: list[tuple[int, str]]) -> None:
    assert found(rule, text) == expected


@pytest.mark.parametrize(("rule", "text"), APOSTROPHES_SPELLING_PLACEHOLDERS_CORRECT)
def test_apostrophes_spelling_placeholders_correct(rule: str, text: str) -> None:
    assert found(rule, text) == []


def test_markdown_hard_line_break_is_not_a_double_space() -> None:
    # LanguageTool issue #1475: Markdown hard line break
    assert found("double-space", "The council met.  \nThen it voted.\n", format="markdown") == []
