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
from dataclasses import dataclass
from functools import lru_cache

from dyadwatch.dictionaries.words import WordLists, word_lists

__all__ = ["GROUPS", "KINDS", "MODE_PHRASE", "SENTENCE_SQL", "TermWords", "term_words", "act_terms", "entry_phrase", "event_area",
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
#: verbs that make an intended event an ongoing one ("will continue purchasing")
ONGOING = re.compile(r"^(continu\w*|keep|keeps|keeping|kept|maintain\w*|remain\w*)$")
#: words before the trigger that may govern it
ONGOING_WINDOW = 4
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]“”\"—–]|\s-\s")
_WORD = re.compile(r"[a-z0-9]+")

# -- labels ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TermWords:
    """The words and phrases of one language the ledger files and words an event by, read from
    ``dictionaries/data/<lang>/terms.v<N>.json`` (its ``_doc`` says what each is for)."""

    #: area -> words that tie it to the trigger's own clause
    clause_cues: dict[str, frozenset[str]]
    #: a plain phrase for each PLOVER type (base form; the first word is the verb)
    type_phrase: dict[str, str]
    #: (type, PLOVER mode) -> a phrase more exact than the type's
    mode_phrase: dict[tuple[str, str | None], str]
    #: what an area adds to a phrase: (topic after "on"/"in", adjective before aid/support, object of buy/sell)
    area_words: dict[str, tuple[str | None, str | None, str | None]]
    #: trigger words that name the act more exactly than its type: (pattern, base verb, takes an object)
    trigger_verbs: tuple[tuple[re.Pattern[str], str, bool], ...]

    @classmethod
    def of(cls, lists: WordLists) -> TermWords:
        """RAISES: DictionaryFormatError (DW258) naming the file and the list it lacks."""
        topics, adjectives, objects = (lists.mapping(k) for k in ("area_topics", "area_adjectives", "area_objects"))
        object_verbs = lists.words("object_verbs")
        modes: dict[tuple[str, str | None], str] = {}
        for key, phrase in lists.mapping("mode_phrases").items():
            type_, _, mode = key.partition(":")
            modes[(type_, mode or None)] = phrase
        return cls(
            clause_cues=lists.groups("clause_cues"),
            type_phrase=lists.mapping("type_phrases"),
            mode_phrase=modes,
            area_words={a: (topics.get(a), adjectives.get(a), objects.get(a))
                        for a in dict.fromkeys([*topics, *adjectives, *objects])},
            trigger_verbs=tuple((re.compile(pattern), verb, verb in object_verbs)
                                for verb, pattern in lists.mapping("trigger_verbs").items()),
        )


@lru_cache(maxsize=8)
def term_words(lang: str = "en") -> TermWords:
    """The ledger's words in ``lang`` (English by default), read once."""
    return TermWords.of(word_lists("terms", lang))


_EN = term_words()
CLAUSE_CUES = _EN.clause_cues
TYPE_PHRASE = _EN.type_phrase
MODE_PHRASE = _EN.mode_phrase
AREA_WORDS = _EN.area_words
TRIGGER_VERBS = _EN.trigger_verbs


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
