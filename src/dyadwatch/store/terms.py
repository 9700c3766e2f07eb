"""The ledger terms of stored events (``event_terms``), worked out when the events are written.

The ledger of a pair (``dyadwatch.report.ledger``) files every event of the pair under an area,
a kind and a phrase. Those depend on the event alone (``dyadwatch.analyze.terms``), so they are
computed once here, by the store's single writer inside the transaction that writes the events
(``Store.write``), and by migration m009 for what is already stored; the dashboard then groups
precomputed rows in SQL instead of classifying a pair's thousands of events in Python on every
page build. An event deleted or changed in place loses its row (triggers of m009); an event
without a row makes the ledger count the pair event by event, as before.

Whether an organisation is named in the event's sentence (which files an event of no other area
under "diplomatic") is read from the actor dictionaries registered when the event is written;
``late`` marks the events whose area depended on it, which the event-by-event count takes up
after the others (the ledger reproduces that order).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from dyadwatch.analyze.terms import SENTENCE_SQL, act_terms, event_area

__all__ = ["fill_event_terms", "organisation_codes"]

_BATCH = 5000

_EVENTS_SQL = (
    'SELECT e.id, e.document_id, e.start, e."end", e.type, e.mode, e.negated, e.modality, e.trigger, '
    f"e.trigger_start, e.trigger_end, e.contexts, {SENTENCE_SQL} AS sentence "
    "FROM events e JOIN documents d ON d.id = e.document_id "
    "WHERE e.id > ? AND NOT EXISTS (SELECT 1 FROM event_terms t WHERE t.event_id = e.id){document} "
    "ORDER BY e.id LIMIT ?"
)


def organisation_codes(codes: Iterable[str]) -> frozenset[str]:
    """Those of ``codes`` that the registered actor dictionaries call organisations."""
    from dyadwatch.dictionaries import known_actor_types

    # one look-up of the registry for all the codes: each ``actor_type`` call asks the plugin
    # manager for its plugins again, and every write asks about every code in the store
    types = known_actor_types()
    return frozenset(c for c in codes if types.get(c) == "organisation")


def fill_event_terms(conn: sqlite3.Connection, document_id: str | None = None) -> int:
    """Work out and store the ledger terms of every event that has none: the events of
    ``document_id``, or of the whole store. Runs inside the caller's transaction. Returns how
    many events were filled; none in a store that predates migration m009 (``event_terms``)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_terms'").fetchone() is None:
        return 0
    organisations = sorted(organisation_codes(r[0] for r in conn.execute("SELECT code FROM actors")))
    sql = _EVENTS_SQL.format(document=" AND e.document_id = ?" if document_id is not None else "")
    last, filled = 0, 0
    while True:
        params: list[Any] = [last] + ([document_id] if document_id is not None else []) + [_BATCH]
        rows = conn.execute(sql, params).fetchall()
        if not rows:
            return filled
        last = rows[-1][0]
        placed = [(r, *event_area(r[4], r[11], r[12], r[2], r[9], r[10])) for r in rows]
        named = _organisation_spans(conn, organisations, {r[1] for r, area, _ in placed if area == "other"})
        out = []
        for r, area, before in placed:
            late = area == "other"
            if late and any(r[2] <= s < r[3] for s in named.get(r[1], ())):
                area = "diplomatic"
            kind, phrase, ongoing, act = act_terms(r[4], r[8], r[5], bool(r[6]), r[7], area, before)
            out.append((r[0], area, kind, phrase, int(ongoing), act, int(late)))
        conn.executemany("INSERT OR REPLACE INTO event_terms (event_id, area, kind, phrase, ongoing, act, late) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", out)
        filled += len(out)


def _organisation_spans(conn: sqlite3.Connection, organisations: list[str],
                        documents: set[str]) -> dict[str, list[int]]:
    """Where each of ``documents`` names an organisation (mention starts)."""
    spans: dict[str, list[int]] = {}
    if not organisations or not documents:
        return spans
    docs = sorted(documents)
    for i in range(0, len(docs), 400):
        chunk = docs[i:i + 400]
        for doc, start in conn.execute(
                f"SELECT document_id, start FROM mentions WHERE document_id IN ({','.join('?' * len(chunk))}) "
                f"AND code IN ({','.join('?' * len(organisations))})", [*chunk, *organisations]):
            spans.setdefault(doc, []).append(start)
    return spans
