"""The ledger terms of one event: its area, kind, phrase, whether it is ongoing, and the
distinct act its PLOVER mode names — what the ledger of terms (``dyadwatch.report.ledger``)
files it under.

An event's terms depend on the event alone (its type, mode, trigger, modality, negation and
contexts, the words of its sentence around the trigger, and whether an international
organisation is named in that sentence), never on the other events of its pair. So they are
worked out once, when the event is stored (``dyadwatch.store.terms``), and the ledger of a pair
is read from them instead of classifying every event of the pair on every page build. The
rules (areas, kinds, phrases) are described in ``dyadwatch.report.ledger``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["GROUPS", "KINDS", "MODE_PHRASE", "SENTENCE_SQL", "act_terms", "entry_phrase", "event_area",
           "event_group", "event_kind", "inflect"]

#: areas of the ledger, in the order they are shown
GROUPS: tuple[tuple[str, str], ...] = (
    ("energy", "Energy"), ("trade", "Trade and finance"), ("military", "Military"),
    ("diplomatic", "Diplomatic and UN"), ("sanctions", "Sanctions"), ("technology", "Technology"),
    ("territory", "Territory"), ("other", "Other"),
)
#: kinds of entry, in the order they are shown, with the words that introduce them
KINDS: tuple[tuple[str, str], ...] = (
    ("does", "does"), ("promises", "promises"), ("refuses", "refuses"), ("denies", "denies"),
    ("alleged", "is alleged to"), ("might", "might"),
)
#: event context -> ledger area (legal and humanitarian have no area of their own)
CONTEXT_GROUP = {"natural_resource": "energy", "economic": "trade", "military": "military",
                 "diplomatic": "diplomatic", "technology": "technology", "cyber": "technology",
                 "territory": "territory"}
#: when an event touches several areas, the most specific one wins
GROUP_PRECEDENCE = ("energy", "trade", "military", "technology", "territory", "diplomatic")
#: words that tie an area to the trigger's own clause; used only to choose among the areas the
#: event coder already found in the sentence
CLAUSE_CUES: dict[str, frozenset[str]] = {
    "energy": frozenset({"energy", "oil", "gas", "pipeline", "pipelines", "coal", "lng", "crude", "power",
                         "electricity", "fuel", "fuels", "hydrocarbons", "uranium", "minerals", "resources",
                         "grain", "hydropower"}),
    "trade": frozenset({"trade", "trading", "economic", "economy", "investment", "investments", "invest",
                        "invested", "market", "markets", "tariff", "tariffs", "export", "exports", "import",
                        "imports", "finance", "financial", "bank", "banks", "yuan", "rouble", "ruble", "dollar",
                        "business", "firms", "companies", "purchase", "purchases", "purchasing", "loan", "loans",
                        "deal", "deals", "debt", "payments", "credit", "goods"}),
    "military": frozenset({"military", "troop", "troops", "army", "weapon", "weapons", "missile", "missiles",
                           "arms", "defence", "defense", "navy", "naval", "exercise", "exercises", "drill",
                           "drills", "soldier", "soldiers", "war", "forces", "lethal", "nonlethal", "nuclear",
                           "warship", "warships", "jets", "ammunition", "shells", "drones", "campaign"}),
    "technology": frozenset({"technology", "technologies", "tech", "chips", "semiconductors", "semiconductor",
                             "ai", "telecom", "5g", "satellite", "satellites", "space", "cyber", "cyberattack",
                             "hacking", "hackers"}),
    "territory": frozenset({"border", "borders", "territory", "territorial", "frontier", "island", "islands",
                            "sea", "annex", "annexation", "sovereignty", "disputed"}),
    "diplomatic": frozenset({"diplomatic", "diplomacy", "summit", "minister", "ministers", "embassy",
                             "ambassador", "talks", "statement", "visit", "meeting", "council", "un", "envoy",
                             "diplomat", "diplomats", "nations", "vote", "veto", "resolution"}),
}
#: verbs that make an intended event an ongoing one ("will continue purchasing")
ONGOING = re.compile(r"^(continu\w*|keep|keeps|keeping|kept|maintain\w*|remain\w*)$")
#: words before the trigger that may govern it
ONGOING_WINDOW = 4
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]“”\"—–]|\s-\s")
_WORD = re.compile(r"[a-z0-9]+")

# -- labels ------------------------------------------------------------------------------------

#: a plain phrase for each PLOVER type (base form; the first word is the verb)
TYPE_PHRASE = {
    "AGREE": "reach agreement", "CONSULT": "hold talks", "SUPPORT": "give support",
    "CONCEDE": "make concessions", "COOPERATE": "cooperate", "AID": "give aid", "RETREAT": "withdraw",
    "REQUEST": "make demands", "ACCUSE": "criticise", "REJECT": "reject proposals", "THREATEN": "threaten",
    "PROTEST": "protest", "SANCTION": "impose sanctions", "MOBILIZE": "mobilise forces", "COERCE": "coerce",
    "ASSAULT": "use force",
}
#: (type, PLOVER mode) -> a phrase more exact than the type's
MODE_PHRASE: dict[tuple[str, str | None], str] = {
    ("SANCTION", "withdraw"): "cut ties", ("SANCTION", "expel"): "expel diplomats",
    ("SANCTION", "discontinue"): "suspend cooperation", ("CONSULT", "visit"): "pay a visit",
    ("CONSULT", "phone"): "hold a call", ("RETREAT", "ceasefire"): "agree a ceasefire",
    ("RETREAT", "release"): "release detainees", ("ACCUSE", "allege"): "accuse",
    ("ACCUSE", "investigate"): "investigate", ("COERCE", "seize"): "seize assets",
    ("COERCE", "arrest"): "arrest nationals", ("COERCE", "cyber"): "carry out cyberattacks",
    ("PROTEST", "boycott"): "boycott", ("MOBILIZE", "troops"): "deploy troops",
    ("MOBILIZE", "weapons"): "deploy weapons", ("ASSAULT", "aerial"): "carry out air strikes",
}
#: what an area adds to a phrase: (topic after "on"/"in", adjective before aid/support, object of buy/sell)
AREA_WORDS = {
    "energy": ("energy", "energy", "energy"),
    "trade": ("trade and finance", "financial", "goods"),
    "military": ("defence", "military", "arms"),
    "technology": ("technology", "technological", "technology"),
    "territory": ("territory", None, None),
    "diplomatic": (None, "diplomatic", None),
}
#: trigger words that name the act more exactly than its type: (pattern, base verb, takes an object)
TRIGGER_VERBS: tuple[tuple[re.Pattern[str], str, bool], ...] = (
    (re.compile(r"^(purchas|buy|bought|import)"), "buy", True),
    (re.compile(r"^(sell|sold|export)"), "sell", True),
    (re.compile(r"^suppl"), "supply", True),
    (re.compile(r"^invest"), "invest", False),
    (re.compile(r"^(underwrit|financ|fund|loan|lend|lent|bankroll)"), "finance", False),
    (re.compile(r"^arm(s|ing|ed)?$"), "arm", False),
    (re.compile(r"^trad(e|es|ed|ing)$"), "trade", False),
)


def _third_person(verb: str) -> str:
    if re.search(r"(s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


def _gerund(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", verb):  # cut -> cutting, stop -> stopping
        return verb + verb[-1] + "ing"
    return verb + "ing"


def entry_phrase(type_: str, trigger: str | None, group: str, *, mode: str | None = None,
                 before_trigger: str = "") -> str:
    """A short base-form phrase for an act: ``entry_phrase("COOPERATE", "purchasing", "energy")``
    gives ``"buy energy"``; ``entry_phrase("SANCTION", "sanctions", "sanctions",
    before_trigger="will not join any formal")`` gives ``"join sanctions"``."""
    word = (trigger or "").lower()
    topic, adjective, obj = AREA_WORDS.get(group, (None, None, None))
    for pattern, verb, takes_object in TRIGGER_VERBS:
        if pattern.search(word):
            if takes_object:
                if verb == "supply" and type_ in ("AID", "SUPPORT"):
                    return f"supply {adjective + ' ' if adjective else ''}aid"
                return f"{verb} {obj or 'goods'}"
            if verb == "finance" and group == "military":
                return "finance military operations"
            if verb == "invest" and group in ("energy", "technology", "military"):
                return f"invest in {topic}"
            return verb
    if (type_, mode) in MODE_PHRASE:
        return MODE_PHRASE[(type_, mode)]
    if type_ == "SANCTION":
        before = _WORD.findall(before_trigger.lower())[-ONGOING_WINDOW:]
        return "join sanctions" if any(w.startswith("join") for w in before) else "impose sanctions"
    phrase = TYPE_PHRASE.get(type_, type_.lower())
    if type_ in ("AID", "SUPPORT") and adjective:
        verb, noun = phrase.split(" ", 1)
        return f"{verb} {adjective} {noun}"
    if type_ in ("COOPERATE", "AGREE", "CONSULT", "CONCEDE", "REQUEST") and topic:
        return f"{phrase} on {topic}"
    return phrase


def inflect(phrase: str, kind: str, negated: bool) -> str:
    verb, _, rest = phrase.partition(" ")
    tail = f" {rest}" if rest else ""
    if kind in ("refuses", "denies"):
        return _gerund(verb) + tail
    if kind == "promises":
        return ("not " if negated else "") + f"to {verb}{tail}"
    if kind == "does":
        return _third_person(verb) + tail
    return ("not " if negated else "") + phrase  # is alleged to … / might …


# -- classification ----------------------------------------------------------------------------

def event_kind(type_: str, negated: bool, modality: str, *, ongoing: bool = False) -> str:
    """The ledger kind of an event: does, promises, refuses, denies, alleged or might.

    >>> event_kind("COOPERATE", False, "intended", ongoing=True)
    'does'
    >>> event_kind("SANCTION", True, "intended")
    'refuses'
    """
    if modality == "denied":
        return "denies"
    if modality == "alleged":
        return "alleged"
    if modality == "hypothetical":
        return "might"
    if negated or type_ == "REJECT":
        return "refuses"
    if modality == "intended" and not ongoing:
        return "promises"
    return "does"


def _clause_words(sentence: str, trigger_at: int, trigger_end: int) -> set[str]:
    """Words of the clause around the trigger (between the punctuation marks that enclose it)."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(sentence, 0, max(0, trigger_at)):
        left = m.end()
    right_match = _CLAUSE_BREAK.search(sentence, max(trigger_end, trigger_at))
    right = right_match.start() if right_match else len(sentence)
    return set(_WORD.findall(sentence[left:right].lower()))


def event_group(type_: str, contexts: Sequence[str], *, sentence: str | None = None, trigger_at: int = 0,
                trigger_end: int = 0, organisation_named: bool = False) -> str:
    """The ledger area of an event.

    >>> event_group("COOPERATE", ["economic", "diplomatic", "natural_resource"],
    ...             sentence="China will continue purchasing Russian energy, will maintain diplomatic cover",
    ...             trigger_at=20, trigger_end=30)
    'energy'
    """
    if type_ == "SANCTION":
        return "sanctions"
    areas = [CONTEXT_GROUP[c] for c in contexts if c in CONTEXT_GROUP]
    if len(set(areas)) > 1 and sentence:
        words = _clause_words(sentence, trigger_at, trigger_end)
        local = [a for a in areas if CLAUSE_CUES.get(a, frozenset()) & words]
        if local:
            areas = local
    for area in GROUP_PRECEDENCE:
        if area in areas:
            return area
    return "diplomatic" if organisation_named else "other"


@lru_cache(maxsize=4096)
def _contexts(value: str | None) -> tuple[str, ...]:
    return tuple(json.loads(value or "[]"))


def _ongoing(before_trigger: str) -> bool:
    words = _WORD.findall(before_trigger.lower())[-ONGOING_WINDOW:]
    return any(ONGOING.match(w) for w in words)


@lru_cache(maxsize=4096)
def _plain_group(type_: str, contexts: tuple[str, ...]) -> str:
    """``event_group`` of an event whose sentence plays no part (one area or none, no trigger)."""
    return event_group(type_, contexts)


@lru_cache(maxsize=65536)
def act_terms(type_: str, trigger: str | None, mode: str | None, negated: bool, modality: str, group: str,
           before: str) -> tuple[str, str, bool, str | None]:
    """An event's ledger kind, phrase, whether it is ongoing, and the distinct act its PLOVER mode
    names (``MODE_PHRASE``), if any. Computed once per distinct input: a pair's thousands of
    events repeat a few hundred of them."""
    ongoing = modality == "intended" and not negated and _ongoing(before)
    kind = event_kind(type_, negated, modality, ongoing=ongoing)
    phrase = entry_phrase(type_, trigger, group, mode=mode, before_trigger=before)
    # a mode that names a distinct act ("cut ties" is not "impose sanctions") keeps reports apart
    act = mode if (type_, mode) in MODE_PHRASE else None
    return kind, phrase, ongoing, act


#: the event's sentence where its area or kind may depend on the words around the trigger (an
#: intended act may be ongoing, a sanction may be joined, several contexts may name several
#: areas), else NULL; over ``events e JOIN documents d``
SENTENCE_SQL = ("CASE WHEN e.trigger_start IS NOT NULL "
                "AND (e.modality = 'intended' OR e.type = 'SANCTION' OR json_array_length(e.contexts) > 1) "
                'THEN substr(d.text, e.start + 1, e."end" - e.start) END')


def event_area(type_: str, contexts: str | None, sentence: str | None, start: int, trigger_start: int | None,
               trigger_end: int | None) -> tuple[str, str]:
    """The area of an event before organisations are looked at ("other" may still become
    "diplomatic" when an organisation is named in the sentence), and the words of its sentence
    just before the trigger (``act_terms`` reads them). ``contexts`` is the stored JSON list;
    ``sentence`` is given where ``SENTENCE_SQL`` gives it."""
    found = _contexts(contexts)
    if sentence:
        t_at = (trigger_start - start) if trigger_start is not None else 0
        t_end = (trigger_end - start) if trigger_end is not None else t_at
        before = sentence[max(0, t_at - 60):t_at]
        return event_group(type_, found, sentence=sentence, trigger_at=t_at, trigger_end=t_end), before
    # most events: the area follows from the type and contexts alone
    return _plain_group(type_, found), ""
