"""Generate rules/data/spelling_variants.txt, the word pairs of NL502 spelling-variant.

Source: the ``breame`` package (PyPI, Apache-2.0, https://github.com/cdpierse/breame),
``breame.data.spelling_constants.BRITISH_ENGLISH_SPELLINGS``: 1,730 British -> American
spelling pairs, which breame took from the "Comprehensive list of American and British
spelling differences" (tysto.com). breame is needed only to run this script:

    pip install breame==0.1.2 && python tools/make_spelling_variants.py

The list is filtered here, and the reasons are in the tables below:
- EXCLUDED pairs are dropped: different words in one dialect (connexion/connection,
  philtre/filter, groyne/groin, prise/prize), forms both dialects use (judgement/judgment,
  artefact/artifact, focussed, sulphur/sulfur in science), and entries that are wrong
  (pummelled/pummel, tranquilly/tranquility).
- BRITISH_ONLY pairs keep only the British form as a marker: the "American" form is
  also British, as another word or sense (program in computing, license the verb,
  practice the noun, tire the verb, draft the document, jail, meter the device, ton).
  Such an American form never counts and is never reported.
- AMERICAN_ONLY pairs keep only the American form as a marker: the "British" form is
  common in American English too (axe, archaeology, aesthetic: the whole family;
  cancellation, which American usage prefers to cancelation).
  NL502 still reports an article that mixes the two forms of one such word.
- EXTRA pairs are added that the source lacks (kerb, cheque, storey), and the missing
  members of families the source has in part (fuelled, totalled, enrolment, skilful).

Output: one pair a line, ``british american mark``, where mark is ``=`` (both forms
are markers), ``b`` (British form only) or ``a`` (American form only); sorted.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "rules" / "data" / "spelling_variants.txt"

EXCLUDED = set(
    """aerogramme aerogrammes almanack almanacks artefact artefacts bannister bannisters
    bevvy bevvies biassed biassing bingeing buses busing minibuses centigramme centigrammes
    connexion connexions inflexion inflexions disc discs videodisc videodiscs draughtsman
    draughtsmanship draughtsmen draughtswoman draughtswomen flautist flautists gases gauge
    gauged gauges gauging gipsies glueing gramme grammes kilogramme kilogrammes milligramme
    milligrammes groyne groynes gryphon gryphons instal instals judgement judgements
    likeable misspelt phoney philtre philtres pouffe pouffes pummelled pummelling sheikh
    snowploughs sulphate sulphates sulphide sulphides sulphur sulphurous syphon syphoned
    syphoning syphons tonne tonnes tranquilly waggon waggons worshipped worshipping
    worshipper yoghourt yoghourts yoghurt yoghurts licencing licenced analogue analogues
    dialogue dialogues encyclopaedia encyclopaedias encyclopaedic mediaeval focussed
    focussing benefitted benefitting prise prised prises prising vice vices annexe annexes
    dependant dependants doughnut doughnuts primaeval""".split()
)
BRITISH_ONLY = set(
    """programme programmes licence licences practise practises draught gaols gaoled gaoler
    gaolers gaoling gaolbird gaolbirds gaolbreak gaolbreaks tyre tyres metre metres baulk
    baulked baulking baulks""".split()
)
AMERICAN_ONLY = set(
    """axe battleaxe archaeology archaeologist archaeologists archaeological archaeologically
    aesthete aesthetes aesthetic aesthetics aesthetically amoeba amoebas cancellation
    cancellations""".split()
)
# Pairs the source lacks. kerb, cheque and storey: the American forms are other British
# words. The rest complete families the source has only in part: it has travelled,
# modelled and signalled but not fuelled or totalled; instil and fulfil but not
# enrolment or skilful; grey but not greying; the whole family is listed, so that an
# article is judged by every form it uses.
EXTRA = [
    ("kerb", "curb", "b"),
    ("kerbs", "curbs", "b"),
    ("cheque", "check", "b"),
    ("cheques", "checks", "b"),
    ("storey", "story", "b"),
    ("storeys", "stories", "b"),
    ("fuelled", "fueled", "="),
    ("fuelling", "fueling", "="),
    ("refuelled", "refueled", "="),
    ("refuelling", "refueling", "="),
    ("totalled", "totaled", "="),
    ("totalling", "totaling", "="),
    ("equalled", "equaled", "="),
    ("equalling", "equaling", "="),
    ("barrelled", "barreled", "="),
    ("barrelling", "barreling", "="),
    ("enrolment", "enrollment", "="),
    ("enrolments", "enrollments", "="),
    ("skilful", "skillful", "="),
    ("skilfully", "skillfully", "="),
    ("wilful", "willful", "="),
    ("wilfully", "willfully", "="),
    ("wilfulness", "willfulness", "="),
    ("mollusc", "mollusk", "="),
    ("molluscs", "mollusks", "="),
    ("greyer", "grayer", "="),
    ("greyest", "grayest", "="),
    ("greying", "graying", "="),
    ("greyish", "grayish", "="),
]


def main() -> None:
    """Write the filtered pairs."""
    from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

    rows = []
    for british, american in BRITISH_ENGLISH_SPELLINGS.items():
        if british in EXCLUDED or " " in british or " " in american or british == american:
            continue
        mark = "b" if british in BRITISH_ONLY else "a" if british in AMERICAN_ONLY else "="
        rows.append((british, american, mark))
    rows.extend(EXTRA)
    rows.sort()
    header = (
        "# British American mark (= both forms are markers; b: British only; a: American only)\n"
        "# Generated by tools/make_spelling_variants.py from breame 0.1.2 (Apache-2.0); do not edit.\n"
    )
    OUT.write_text(header + "".join(f"{b} {a} {m}\n" for b, a, m in rows), encoding="utf-8")
    print(f"{len(rows)} pairs -> {OUT}")


if __name__ == "__main__":
    main()
