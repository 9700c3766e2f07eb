"""The ledger of terms: what each of two states does to the other, by area and by kind.

For a pair A, B and each direction (A to B, B to A), every coded event becomes part of one
**entry** — a short readable label such as ``buys energy (COOPERATE, 'purchasing', ongoing)``
— filed under an **area** and a **kind**:

- areas: energy (context ``natural_resource``), trade and finance (``economic``), military,
  diplomatic and UN (``diplomatic``, or an international organisation named in the sentence),
  sanctions (type SANCTION), technology (``technology``, ``cyber``), territory, other. An
  event's contexts come from its whole sentence; when they name several areas, the area whose
  words stand in the trigger's own clause wins ("will keep purchasing Russian oil …, will
  offer diplomatic cover at the UN" puts the purchase under energy and the cover under
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
import sqlite3
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from dyadwatch.analyze.terms import (
    GROUPS, KINDS, SENTENCE_SQL, act_terms, entry_phrase, event_area, event_group, event_kind, inflect,
)
from dyadwatch.store.queries.checks import check_code, date_bounds


class Store(Protocol):
    """What the ledger reads of a store (``dyadwatch.store.Store`` is one): the store writes the
    ledgers after each write, so this module names the store by its shape, not by import."""

    conn: sqlite3.Connection

    def actor_types(self) -> dict[str, str]: ...


#: how many evidence sentences an entry shows, and how many disputing ones
MAX_EVIDENCE = 5
MAX_DISPUTING = 3

__all__ = ["GROUPS", "KINDS", "LEDGER_FROM", "LedgerBuilder", "build_ledger", "built_ledger", "count_ledger",
           "date_bounds", "entry_phrase", "event_group", "event_kind", "has_built_ledgers", "has_event_terms",
           "iter_pair_events", "ledger_entries", "organisation_codes", "read_ledger", "refresh_ledgers"]


# -- reading -----------------------------------------------------------------------------------

PAIR_EVENTS_SQL = """
SELECT e.id, e.document_id, e.start, e."end", e.source, e.target, e.type, e.mode, e.negated, e.modality, e.date,
       e.intensity, e.trigger, e.trigger_start, e.trigger_end, e.contexts, d.published,
       coalesce(e.date, d.published) AS effective_date,
       coalesce(g.group_id, e.document_id) AS source_group,
       {sentence} AS sentence
FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN document_groups g ON g.document_id = e.document_id
WHERE ((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?)){where}
ORDER BY e.id
""".replace("{sentence}", SENTENCE_SQL)


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
        group, before = event_area(row["type"], row["contexts"], row["sentence"], row["start"],
                                   row["trigger_start"], row["trigger_end"])
        if group == "other" and self.organisations:
            self._need_orgs.append((row, before))  # decided in build(), once the mentions are read
            return
        self._add(row, group, before)

    def _add(self, row: Mapping[str, Any], group: str, before: str) -> None:
        negated, modality, type_ = bool(row["negated"]), row["modality"], row["type"]
        kind, phrase, ongoing, act = act_terms(type_, row["trigger"], row["mode"], negated, modality, group, before)
        self.count(row["id"], row["document_id"], row["start"], row["source"], row["target"], type_, negated,
                   modality, row["trigger"], row["effective_date"], row["source_group"], group, kind, phrase,
                   ongoing, act)

    def count(self, event_id: int, doc: str, start: int, source: str, target: str, type_: str, negated: bool,
              modality: str, trigger: str | None, when: str | None, src: str, group: str, kind: str, phrase: str,
              ongoing: bool, act: str | None) -> None:
        """Count one event whose terms are known (its area, kind, phrase, ongoing, act), in the
        order ``add`` would have counted it; ``src`` is its independent source."""
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
        entry.documents.add(doc)
        entry.groups.add(src)
        if when:
            if entry.first is None or when < entry.first:
                entry.first = when
            if entry.last is None or when > entry.last:
                entry.last = when
        sample = (when or "", event_id, doc, start)
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
            text = inflect(entry.phrase, entry.kind, entry.negated)
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
        return _ledger(self.a, self.b, built)


def _ledger(a: str, b: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
    """The ledger of ``a`` and ``b`` from its entries, sorted: a's first, then by area, kind,
    sources and reports."""
    area_order = {g: i for i, (g, _) in enumerate(GROUPS)}
    kind_order = {k: i for i, (k, _) in enumerate(KINDS)}
    entries = sorted(entries, key=lambda e: (e["source"] != a, area_order[e["area"]], kind_order[e["kind"]],
                                             -e["independent_sources"], -e["reports"], e["label"]))
    return {"pair": [a, b], "areas": [list(g) for g in GROUPS], "kinds": [list(k) for k in KINDS],
            "entries": entries}


# -- the built ledgers of the largest pairs ------------------------------------------------------

#: pairs with at least this many events (both directions) keep their ledger built
#: (``dyad_ledgers``); a smaller pair's ledger is counted faster than it is kept
LEDGER_FROM = 1000


def has_built_ledgers(store: Store) -> bool:
    """Whether the store keeps built ledgers (migration m009)."""
    return store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dyad_ledgers'").fetchone() is not None


def built_ledger(store: Store, a: str, b: str) -> dict[str, Any] | None:
    """The kept ledger of ``a`` and ``b`` (over all dates), or None when the pair keeps none or
    something it was built from has changed since."""
    row = store.conn.execute("SELECT ledger FROM dyad_ledgers WHERE a = ? AND b = ?",
                             (check_code(a), check_code(b))).fetchone()
    return json.loads(row[0]) if row else None


def refresh_ledgers(store: Store, *, min_events: int = LEDGER_FROM) -> int:
    """Build and keep the ledger of every pair with at least ``min_events`` events that has none
    kept (both ways round: A's entries first, and B's). Runs inside the caller's write
    transaction (``Store.replace_comparison``, ``Store.add_comparison``,
    ``Store.refresh_ledgers``). Returns how many pairs were built; none in a store that predates
    migration m009."""
    if not has_built_ledgers(store):
        return 0
    conn = store.conn
    pairs = conn.execute(
        "SELECT x, y FROM (SELECT min(source, target) AS x, max(source, target) AS y, sum(events) AS n "
        "FROM dyad_pairs GROUP BY 1, 2) WHERE n >= ? "
        "AND (SELECT count(*) FROM dyad_ledgers WHERE (a = x AND b = y) OR (a = y AND b = x)) < 2 ORDER BY x, y",
        (min_events,)).fetchall()
    for x, y in pairs:
        built = build_ledger(store, x, y)
        conn.executemany("INSERT OR REPLACE INTO dyad_ledgers (a, b, ledger) VALUES (?, ?, ?)",
                         [(x, y, json.dumps(built)), (y, x, json.dumps(_ledger(y, x, built["entries"])))])
    return len(pairs)


# -- reading the precomputed terms ---------------------------------------------------------------

_PAIR_TERMS_SQL = """
SELECT e.id + t.late * ? AS o, e.id, e.document_id, e.start, e.source, e.target, e.type, e.negated, e.modality,
       e.trigger, coalesce(e.date, d.published), coalesce(g.group_id, e.document_id), t.area, t.kind, t.phrase,
       t.ongoing, t.act
FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN event_terms t ON t.event_id = e.id
LEFT JOIN document_groups g ON g.document_id = e.document_id
WHERE ((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?)){where}
ORDER BY o
"""
#: events whose area waited for the organisations named in their sentence (``late``) are counted
#: after all the others, as ``LedgerBuilder`` does
_LATE = 1 << 40


def has_event_terms(store: Store) -> bool:
    """Whether the store keeps the ledger terms of its events (migration m009)."""
    return store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_terms'").fetchone() is not None


def read_ledger(store: Store, a: str, b: str, *, since: str | None = None,
                until: str | None = None) -> dict[str, Any] | None:
    """The ledger of ``a`` and ``b`` from the terms stored with each event (``event_terms``):
    the same ledger as ``count_ledger``, without classifying any event (no sentence is read,
    no rule run), so the pair's events are only counted. None when an event of the pair has no
    stored terms (a store written before migration m009 and opened read-only, or an event
    changed by hand): count event by event then."""
    a, b = check_code(a), check_code(b)
    bounds, params = date_bounds("coalesce(e.date, d.published)", since, until)
    organisations = organisation_codes(store)
    builder = LedgerBuilder(a, b, organisations=organisations)
    cursor = store.conn.cursor()
    cursor.row_factory = None  # plain tuples: thousands of rows
    cursor.execute(_PAIR_TERMS_SQL.format(where=bounds), [_LATE if organisations else 0, a, b, b, a, *params])
    count = builder.count
    for (_, event_id, doc, start, source, target, type_, negated, modality, trigger, when, src, area, kind,
         phrase, ongoing, act) in cursor:
        if area is None:
            return None
        count(event_id, doc, start, source, target, type_, bool(negated), modality, trigger, when, src, area, kind,
              phrase, bool(ongoing), act)
    return builder.build(store)


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
    built = read_ledger(store, a, b, since=since, until=until) if has_event_terms(store) else None
    return built if built is not None else count_ledger(store, a, b, since=since, until=until)


def count_ledger(store: Store, a: str, b: str, *, since: str | None = None,
                 until: str | None = None) -> dict[str, Any]:
    """The ledger of terms between ``a`` and ``b``, classifying every event of the pair one by
    one (``LedgerBuilder``): for stores without stored terms, and the recount that
    ``read_ledger`` must equal."""
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
