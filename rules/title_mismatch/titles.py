"""What the rule knows about titles themselves, whatever country they are given to."""

from __future__ import annotations

from newslint.knowledge import title_key

# Titles newsrooms write before a name that no office in the knowledge base may carry
# (the base lists heads of state and government and a few ministers). They are looked
# for too, so that "Israeli Finance Minister Tony Blair" is read as a claim; with no
# office behind them they are only ever judged by the person's own country. Every head
# word is looked for wherever it stands capitalised, so common ones ("Labour Minister":
# every "Labour") are left out.
NEWSROOM_TITLES = (
    "Finance Minister",
    "Interior Minister",
    "Justice Minister",
    "Trade Minister",
    "Health Minister",
    "Education Minister",
    "Home Minister",
    "Foreign Affairs Minister",
    "Defence Minister",
    "Defense Minister",
    "Foreign Minister",
    "Foreign Secretary",
    "Defence Secretary",
    "Defense Secretary",
    "Home Secretary",
    "Prime Minister",
    "President",
    "Premier",
    "Chancellor",
    "King",
    "Queen",
    "Emir",
    "Supreme Leader",
    "Emperor",
)

# Titles that name one job in different countries' usage. When the country named has no
# office under the title written, its office under another title of the family is meant
# ("British Foreign Minister Jack Straw" is the UK's foreign secretary). "Secretary of
# State" is left out: in the UK every cabinet minister is one.
FAMILIES = tuple(
    frozenset(title_key(t) for t in family)
    for family in (
        (
            "Foreign Minister",
            "Foreign Secretary",
            "Foreign Affairs Minister",
            "Minister of Foreign Affairs",
            "External Affairs Minister",
        ),
        (
            "Defence Minister",
            "Defense Minister",
            "Defence Secretary",
            "Defense Secretary",
            "Secretary of Defense",
            "Secretary of State for Defence",
        ),
        ("Finance Minister", "Treasury Secretary", "Secretary of the Treasury", "Chancellor of the Exchequer"),
        ("Interior Minister", "Home Secretary", "Home Minister"),
    )
)
FAMILY_OF = {key: family for family in FAMILIES for key in family}

# Heads of state and government: a country either has such an office or it has not, and
# the knowledge base lists every country's (an office it knows to exist but does not list
# stands there with no holders). So "German Prime Minister X" is wrong whoever X is.
# Emir, Sultan and Prince are left out: they are also courtesy titles of whole families.
HEADS = frozenset(
    title_key(t)
    for t in (
        "President",
        "Prime Minister",
        "PM",
        "Premier",
        "Chancellor",
        "King",
        "Queen",
        "Emperor",
        "Supreme Leader",
        "Taoiseach",
    )
)

# Titles of a country's national offices: given to a foreigner they are wrong even where
# the files list no such office ("Israeli Finance Minister Tony Blair"). Other titles
# ("Ukrainian mayor") may name an office in the country rather than of it. "German leader X"
# names Germany's leader; "Kazakh Sultan X" a Kazakh sultan.
NATIONAL = (
    HEADS
    | frozenset(FAMILY_OF)
    | frozenset(title_key(t) for t in (*NEWSROOM_TITLES, "Secretary of State", "Leader", "Emir", "Amir", "Sultan"))
)

# Courtesy titles that are offices only in a few countries (Monaco's prince): given to
# anyone else they say nothing about an office, so they are never judged.
COURTESY = frozenset({"prince", "princess", "sheikh", "sheikha", "lord", "lady", "sir", "dame"})

# Regnal titles stay with their holders in history ("Pope John Paul II visited Poland in
# 1979"): never a date finding, only a wrong country.
REGNAL = frozenset(
    {
        "king",
        "queen",
        "pope",
        "emperor",
        "empress",
        "emir",
        "amir",
        "sultan",
        "prince",
        "princess",
        "crown prince",
        "grand duke",
        "grand duchess",
        "reigning prince",
        "sovereign prince",
        "monarch",
        "druk gyalpo",
        "agong",
        "yang di-pertuan agong",
        "paramount ruler",
    }
)

# Titles too general to read as a title without a country before them ("opposition leader").
GENERIC = frozenset(
    [
        "leader",
        "head of state",
        "head of government",
        "monarch",
        "de facto leader",
        "interim leader",
        "party chief",
        "party leader",
        "communist party leader",
        "communist party chief",
        "military ruler",
        "junta leader",
        "junta chief",
        "senior general",
        "chief",
        "head",
        "premier",
        "pm",
        "general secretary",
        "chief executive",
        "chief adviser",
        "chief advisor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "press secretary",
        "managing director",
        "director-general",
        "director general",
        "king",
        "queen",
        "prince",
        "emir",
        "amir",
        "sultan",
    ]
)

# Words of a title kept in capitals when a message writes the title in lower case.
_PROPER = frozenset({"Exchequer", "Taoiseach", "European", "Two", "Holy", "Mosques", "Refugees", "Beretitenti"})


def role(title: str) -> str:
    """Return a title as a message writes it: lower case but for acronyms and proper nouns."""
    return " ".join(w if w.isupper() or w in _PROPER else w.lower() for w in title.split())
