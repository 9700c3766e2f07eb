"""The ledger of terms: what each of two states does to the other, by area and by kind.

For a pair A, B and each direction (A to B, B to A), every coded event becomes part of one
**entry** — a short readable label such as ``buys energy (COOPERATE, 'purchasing', ongoing)``
— filed under an **area** and a **kind**:

- areas: energy (context ``natural_resource``), trade and finance (``economic``), military,
  diplomatic and UN (``diplomatic``, or an international organisation named in the sentence),
  sanctions (type SANCTION), technology (``technology``, ``cyber``), territory, other. An
  event's contexts come from its whole sentence; when they name several areas, the area whose
  words stand in the trigger's own clause wins ("will continue purchasing Russian energy …,
  will maintain diplomatic cover at the UN" puts the purchase under energy and the cover under
  diplomatic), then the most specific (energy, trade, military, technology, territory,
  diplomatic).
- kinds: **does** (actual and not negated; also intended events governed by continue, keep,
  maintain or remain just before the trigger — "will continue purchasing" is something being
  done), **promises** (intended), **refuses** (negated events, and REJECT), **denies** (modality
  denied), **is alleged to** (alleged), **might** (hypothetical).

Each entry carries its evidence sentences (document id, outlet, source, date), its number of
independent sources (documents that are not copies of one another, from ``document_groups``),
and whether sources agree on it: **disputed** when another independent source reports the same
act (type, and the PLOVER mode where it names another act: SANCTION/withdraw, "cut ties", is
not "impose sanctions") in the same area and direction with the opposite negation (a denial
counts as "not done"; a hypothetical asserts nothing, so it neither disputes nor is disputed),
**confirmed** when at least two independent sources report the entry itself alike (same act, area, direction,
kind and negation), else **single source**.

Reads the store only. Events are read once through the ``events_dyad`` index; sentences are
fetched only for the evidence shown.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dyadwatch.report.queries import check_code, check_date
from dyadwatch.store import Store

__all__ = ["GROUPS", "KINDS", "LedgerBuilder", "build_ledger", "date_bounds", "entry_phrase", "event_group",
           "event_kind", "iter_pair_events", "ledger_entries", "organisation_codes"]

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

#: how many evidence sentences an entry shows, and how many disputing ones
MAX_EVIDENCE = 5
MAX_DISPUTING = 3

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


def _inflect(phrase: str, kind: str, negated: bool) -> str:
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
def _terms(type_: str, trigger: str | None, mode: str | None, negated: bool, modality: str, group: str,
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


# -- reading -----------------------------------------------------------------------------------

PAIR_EVENTS_SQL = """
SELECT e.id, e.document_id, e.start, e."end", e.source, e.target, e.type, e.mode, e.negated, e.modality, e.date,
       e.intensity, e.trigger, e.trigger_start, e.trigger_end, e.contexts, d.published,
       coalesce(e.date, d.published) AS effective_date,
       coalesce(g.group_id, e.document_id) AS source_group,
       CASE WHEN e.trigger_start IS NOT NULL
                 AND (e.modality = 'intended' OR e.type = 'SANCTION' OR json_array_length(e.contexts) > 1)
            THEN substr(d.text, e.start + 1, e."end" - e.start) END AS sentence
FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN document_groups g ON g.document_id = e.document_id
WHERE ((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?)){where}
ORDER BY e.id
"""


def date_bounds(column: str, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    """SQL conditions (each starting with AND) bounding a date column; undated rows are left out
    when a bound is given."""
    sql = ""
    params: list[Any] = []
    if since:
        sql += f" AND {column} IS NOT NULL AND {column} >= ?"
        params.append(check_date(since))
    if until:
        sql += f" AND {column} IS NOT NULL AND substr({column}, 1, ?) <= ?"
        params += [len(check_date(until, "--until")), until]
    return sql, params


def iter_pair_events(store: Store, a: str, b: str, *, since: str | None = None,
                     until: str | None = None) -> Iterator[dict[str, Any]]:
    """Every event between ``a`` and ``b`` (both directions), oldest id first, as rows with the
    event's columns plus ``published``, ``effective_date`` (event date, else publication date),
    ``source_group`` (the independent source) and, where classification needs it, ``sentence``."""
    a, b = check_code(a), check_code(b)
    where, params = date_bounds("coalesce(e.date, d.published)", since, until)
    # plain dicts: a pair's thousands of rows are each read a dozen times, and sqlite3.Row finds a
    # column by comparing its name with every column's before it
    cursor = store.conn.cursor()
    cursor.row_factory = None
    cursor.execute(PAIR_EVENTS_SQL.format(where=where), [a, b, b, a, *params])
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row))


def organisation_codes(store: Store) -> frozenset[str]:
    """Actor codes in the store that are organisations (the type stored with each actor)."""
    return frozenset(c for c, t in store.actor_types().items() if t == "organisation")


# -- building ----------------------------------------------------------------------------------

@dataclass
class _Entry:
    source: str
    target: str
    group: str
    kind: str
    type: str
    phrase: str
    negated: bool
    act: str | None = None  # a PLOVER mode naming a distinct act (MODE_PHRASE), else None
    triggers: Counter[str] = field(default_factory=Counter)
    modalities: Counter[str] = field(default_factory=Counter)
    ongoing: int = 0
    reports: int = 0
    documents: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None
    #: (effective date, event id, document id, sentence start) of up to two reports per independent source
    samples: dict[str, list[tuple[str, int, str, int]]] = field(default_factory=dict)


def _polarity(negated: bool, modality: str) -> int:
    return -1 if negated or modality == "denied" else 1


class LedgerBuilder:
    """Collects pair events one by one (``add``) and builds the ledger (``build``).

    The builder keeps counts and a few sample event ids per entry, never the events themselves,
    so it stays small however many events the pair has.
    """

    def __init__(self, a: str, b: str, *, organisations: frozenset[str] = frozenset()) -> None:
        self.a, self.b = a, b
        self.organisations = organisations
        self.entries: dict[tuple[str, ...], _Entry] = {}
        self.alike: dict[tuple[Any, ...], set[str]] = {}
        self.polar: dict[tuple[Any, ...], set[str]] = {}
        self.polar_samples: dict[tuple[Any, ...], dict[str, tuple[str, int, str, int]]] = {}
        self._need_orgs: list[tuple[Mapping[str, Any], str]] = []
        self._slots: dict[tuple[Any, ...], tuple[_Entry, set[str], set[str] | None, dict[str, Any] | None]] = {}

    def add(self, row: Mapping[str, Any]) -> None:
        contexts = _contexts(row["contexts"])
        sentence = row["sentence"] or ""
        if sentence:
            t_at = (row["trigger_start"] - row["start"]) if row["trigger_start"] is not None else 0
            t_end = (row["trigger_end"] - row["start"]) if row["trigger_end"] is not None else t_at
            before = sentence[max(0, t_at - 60):t_at]
            group = event_group(row["type"], contexts, sentence=sentence, trigger_at=t_at, trigger_end=t_end)
        else:  # most events: the area follows from the type and contexts alone
            before = ""
            group = _plain_group(row["type"], contexts)
        if group == "other" and self.organisations:
            self._need_orgs.append((row, before))  # decided in build(), once the mentions are read
            return
        self._add(row, group, before)

    def _add(self, row: Mapping[str, Any], group: str, before: str) -> None:
        negated, modality, type_ = bool(row["negated"]), row["modality"], row["type"]
        trigger = row["trigger"]
        kind, phrase, ongoing, act = _terms(type_, trigger, row["mode"], negated, modality, group, before)
        source, target = row["source"], row["target"]
        slot_key = (source, target, group, kind, type_, phrase, negated, act, modality)
        slot = self._slots.get(slot_key)
        if slot is None:
            slot = self._slots[slot_key] = self._slot(source, target, group, kind, type_, phrase, negated, act,
                                                      modality)
        entry, alike, polar, polar_samples = slot
        entry.reports += 1
        if trigger:
            entry.triggers[trigger] = entry.triggers.get(trigger, 0) + 1
        entry.modalities[modality] = entry.modalities.get(modality, 0) + 1
        entry.ongoing += ongoing
        doc = row["document_id"]
        entry.documents.add(doc)
        src = row["source_group"]
        entry.groups.add(src)
        when = row["effective_date"]
        if when:
            if entry.first is None or when < entry.first:
                entry.first = when
            if entry.last is None or when > entry.last:
                entry.last = when
        sample = (when or "", row["id"], doc, row["start"])
        picked = entry.samples.get(src)
        if picked is None:
            if len(entry.samples) < 4 * MAX_EVIDENCE:
                entry.samples[src] = [sample]
        elif len(picked) < 2 and all(p[2:] != sample[2:] for p in picked):
            picked.append(sample)
        alike.add(src)
        if polar is not None and polar_samples is not None:
            polar.add(src)
            if src not in polar_samples and len(polar_samples) < 4 * MAX_DISPUTING:
                polar_samples[src] = sample

    def _slot(self, source: str, target: str, group: str, kind: str, type_: str, phrase: str, negated: bool,
              act: str | None, modality: str) -> tuple[_Entry, set[str], set[str] | None, dict[str, Any] | None]:
        """Where an event of this entry, act and modality is counted: its entry, the sources
        telling it alike, and those giving the act its polarity (none for a hypothetical),
        looked up once per such combination rather than once per event."""
        key = (source, target, group, kind, type_, phrase, str(negated))
        entry = self.entries.get(key)
        if entry is None:
            entry = self.entries[key] = _Entry(source, target, group, kind, type_, phrase, negated, act)
        alike = self.alike.setdefault((source, target, type_, act, group, kind, negated), set())
        if modality == "hypothetical":
            return entry, alike, None, None
        pkey = (source, target, type_, act, group, _polarity(negated, modality))
        return entry, alike, self.polar.setdefault(pkey, set()), self.polar_samples.setdefault(pkey, {})

    def _resolve_organisations(self, store: Store) -> None:
        rows, self._need_orgs = self._need_orgs, []
        if not rows:
            return
        spans: dict[str, list[tuple[int, int]]] = {}
        docs = sorted({r["document_id"] for r, _ in rows})
        codes = sorted(self.organisations)
        for i in range(0, len(docs), 400):
            chunk = docs[i:i + 400]
            for m in store.conn.execute(
                    f"SELECT document_id, start FROM mentions WHERE document_id IN ({','.join('?' * len(chunk))}) "
                    f"AND code IN ({','.join('?' * len(codes))})", [*chunk, *codes]):
                spans.setdefault(m[0], []).append((m[1], m[1]))
        for row, before in rows:
            named = any(row["start"] <= s < row["end"] for s, _ in spans.get(row["document_id"], ()))
            self._add(row, "diplomatic" if named else "other", before)

    def build(self, store: Store) -> dict[str, Any]:
        """The ledger: ``{"pair": [a, b], "entries": [...], "areas": ..., "kinds": ...}``."""
        self._resolve_organisations(store)
        built: list[dict[str, Any]] = []
        wanted: dict[int, None] = {}
        plan: list[tuple[_Entry, list[tuple[str, int, str, int]], list[tuple[str, int, str, int]], str, str, int]] = []
        for entry in self.entries.values():
            polarity = _polarity(entry.negated, "denied" if entry.kind == "denies" else "actual")
            alike = self.alike.get((entry.source, entry.target, entry.type, entry.act, entry.group, entry.kind,
                                    entry.negated), set())
            opposite: set[str] = set()
            if entry.kind != "might":
                opposite = self.polar.get((entry.source, entry.target, entry.type, entry.act, entry.group, -polarity),
                                          set()) - entry.groups
            disputing: list[tuple[str, int, str, int]] = []
            if opposite:
                pool = self.polar_samples.get((entry.source, entry.target, entry.type, entry.act, entry.group,
                                               -polarity), {})
                disputing = sorted((s for g, s in pool.items() if g in opposite), reverse=True)[:MAX_DISPUTING]
                agreement = "disputed"
                done = "not done" if polarity > 0 else "done"
                why = (f"{len(opposite)} other independent source(s) report {entry.source}→{entry.target} "
                       f"{entry.type} ({dict(GROUPS)[entry.group].lower()}) as {done}")
            elif len(alike) >= 2 and len(entry.groups) >= 2:
                # "confirmed" means at least two independent sources tell this very entry
                agreement = "confirmed"
                why = f"{len(entry.groups)} independent sources report it alike"
            elif len(alike) >= 2:
                agreement = "single source"
                why = (f"reported by one independent source; {len(alike)} independent sources report "
                       f"{entry.type} in this area alike")
            else:
                agreement = "single source"
                why = "reported by one independent source only"
            # one sample per independent source first (newest first), then the rest
            firsts = sorted((s[0] for s in entry.samples.values()), reverse=True)
            rest = sorted((x for s in entry.samples.values() for x in s[1:]), reverse=True)
            evidence = (firsts + rest)[:MAX_EVIDENCE]
            for s in evidence + disputing:
                wanted[s[1]] = None
            plan.append((entry, evidence, disputing, agreement, why, len(alike)))
        sentences = _evidence_rows(store, list(wanted))
        for entry, evidence, disputing, agreement, why, alike_n in plan:
            triggers = [t for t, _ in entry.triggers.most_common(2)]
            notes = [entry.type]
            if entry.negated:
                notes.append("negated")
            notes += [f"'{t}'" for t in triggers]
            if entry.ongoing:
                notes.append("ongoing")
            text = _inflect(entry.phrase, entry.kind, entry.negated)
            built.append({
                "source": entry.source, "target": entry.target, "direction": f"{entry.source}→{entry.target}",
                "area": entry.group, "area_title": dict(GROUPS)[entry.group],
                "kind": entry.kind, "kind_title": dict(KINDS)[entry.kind],
                "type": entry.type, "negated": entry.negated, "phrase": text,
                "label": f"{text} ({', '.join(notes)})",
                "triggers": dict(entry.triggers.most_common()), "modalities": dict(entry.modalities),
                "ongoing": entry.ongoing, "reports": entry.reports, "documents": len(entry.documents),
                "independent_sources": len(entry.groups), "agreeing_sources": alike_n,
                "agreement": agreement, "agreement_why": why,
                "first_date": entry.first, "last_date": entry.last,
                "evidence": [sentences[s[1]] for s in evidence if s[1] in sentences],
                "disputed_by": [sentences[s[1]] for s in disputing if s[1] in sentences],
            })
        area_order = {g: i for i, (g, _) in enumerate(GROUPS)}
        kind_order = {k: i for i, (k, _) in enumerate(KINDS)}
        built.sort(key=lambda e: (e["source"] != self.a, area_order[e["area"]], kind_order[e["kind"]],
                                  -e["independent_sources"], -e["reports"], e["label"]))
        return {"pair": [self.a, self.b], "areas": [list(g) for g in GROUPS], "kinds": [list(k) for k in KINDS],
                "entries": built}


def _evidence_rows(store: Store, event_ids: list[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for i in range(0, len(event_ids), 400):
        chunk = event_ids[i:i + 400]
        for r in store.conn.execute(
                'SELECT e.id, e.document_id, e.start, e."end", e.trigger, e.modality, e.negated, e.date, '
                "d.published, d.outlet, d.title, d.source AS document_source, "
                "coalesce(g.group_id, e.document_id) AS source_group, "
                'substr(d.text, e.start + 1, e."end" - e.start) AS sentence '
                "FROM events e JOIN documents d ON d.id = e.document_id "
                "LEFT JOIN document_groups g ON g.document_id = e.document_id "
                f"WHERE e.id IN ({','.join('?' * len(chunk))})", chunk):
            out[r["id"]] = {
                "event_id": r["id"], "document_id": r["document_id"], "outlet": r["outlet"], "title": r["title"],
                "document_source": r["document_source"], "published": r["published"], "date": r["date"],
                "trigger": r["trigger"], "modality": r["modality"], "negated": bool(r["negated"]),
                "independent_source": r["source_group"], "start": r["start"], "end": r["end"],
                "sentence": r["sentence"],
            }
    return out


def build_ledger(store: Store, a: str, b: str, *, since: str | None = None,
                 until: str | None = None) -> dict[str, Any]:
    """The ledger of terms between ``a`` and ``b`` (see the module docstring).

    >>> ledger = build_ledger(store, "CHN", "RUS")
    >>> [e["label"] for e in ledger_entries(ledger, source="CHN", kind="does", area="energy")]
    ["buys energy (COOPERATE, 'purchasing', ongoing)"]
    """
    a, b = check_code(a), check_code(b)
    builder = LedgerBuilder(a, b, organisations=organisation_codes(store))
    for row in iter_pair_events(store, a, b, since=since, until=until):
        builder.add(row)
    return builder.build(store)


def ledger_entries(ledger: Mapping[str, Any], *, source: str | None = None, kind: str | None = None,
                   area: str | None = None) -> list[dict[str, Any]]:
    """The entries of a ledger, optionally only those done by ``source``, of ``kind`` or in ``area``."""
    return [e for e in ledger["entries"]
            if (source is None or e["source"] == source) and (kind is None or e["kind"] == kind)
            and (area is None or e["area"] == area)]
