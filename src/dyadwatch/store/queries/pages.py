"""What the dashboard's overview and document pages read: the store's totals, the pairs with
most events, the latest documents and events, and one document's findings, as typed views.
The dashboard decorates them (names, titles, marks in the text) for its templates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dyadwatch.store.queries.items import Item

if TYPE_CHECKING:
    from dyadwatch.store.store import Store

__all__ = ["ClaimRow", "DocumentFindings", "DocumentHead", "DocumentRelation", "EventHead", "EventRow", "FigureRow",
           "MentionRow", "OutletCount", "PairCount", "QuoteRow", "SentenceSpan", "StanceRow", "StoreTotals",
           "count_id_prefix", "document_findings", "document_texts", "known_codes", "latest_documents", "latest_events",
           "outlet_counts", "store_totals", "top_pairs"]


# -- overview ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class PairCount(Item):
    """A pair of actors (``a < b``) with the events between them, either direction, and the latest
    event's date."""

    a: str
    b: str
    n: int
    last: str | None


#: pairs of actors by events between them, either direction: the counts from the dyad aggregates
#: (``dyad_pairs``, migration m007), each direction's latest event date from the events_pair_date
#: index (one lookup per pair)
DYADS_SQL = ("SELECT min(source, target) AS a, max(source, target) AS b, sum(events) AS n, max(last) AS last FROM "
             "(SELECT p.source, p.target, p.events, (SELECT max(e.date) FROM events e WHERE e.source = p.source "
             "AND e.target = p.target) AS last FROM dyad_pairs p) GROUP BY 1, 2 ORDER BY n DESC, a, b")
#: the same from the events themselves, for a store opened read-only before migration m007
DYADS_FROM_EVENTS_SQL = (
    "SELECT min(source, target) AS a, max(source, target) AS b, sum(n) AS n, max(last) AS last FROM "
    "(SELECT source, target, count(*) AS n, max(date) AS last FROM events WHERE source <> target "
    "GROUP BY source, target) GROUP BY 1, 2 ORDER BY n DESC, a, b")


def top_pairs(store: Store, limit: int) -> list[PairCount]:
    """The ``limit`` pairs of actors with most events between them (either direction)."""
    has = store.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dyad_pairs'")
    return [PairCount.from_row(r) for r in store.execute((DYADS_SQL if has else DYADS_FROM_EVENTS_SQL) + " LIMIT ?",
                                                       (limit,))]


@dataclass(frozen=True)
class StoreTotals(Item):
    """How many of each the store holds."""

    documents: int
    events: int
    quotes: int
    figures: int
    claims: int
    relations: int
    outlets: int
    actors: int


def store_totals(store: Store) -> StoreTotals:
    one = lambda sql: store.execute(sql)[0][0]  # noqa: E731
    counts = {t: one(f"SELECT count(*) FROM {t}") for t in
              ("documents", "events", "quotes", "figures", "claims", "relations")}
    return StoreTotals(**counts, outlets=one("SELECT count(DISTINCT outlet) FROM documents"),
                       actors=one("SELECT count(*) FROM actors"))


@dataclass(frozen=True)
class OutletCount(Item):
    """An outlet (None: not stated) with its documents and the latest publication date."""

    outlet: str | None
    n: int
    last: str | None


def outlet_counts(store: Store, limit: int) -> list[OutletCount]:
    """The ``limit`` outlets with most documents."""
    return [OutletCount.from_row(r) for r in store.execute(
        "SELECT outlet, count(*) AS n, max(published) AS last FROM documents GROUP BY outlet "
        "ORDER BY n DESC, outlet LIMIT ?", (limit,))]


@dataclass(frozen=True)
class DocumentHead(Item):
    """A document's id, title, outlet, dates and source (links to it)."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    ingested_at: str
    source: str


def latest_documents(store: Store, limit: int) -> list[DocumentHead]:
    """The ``limit`` documents stored last."""
    return [DocumentHead.from_row(r) for r in store.execute(
        "SELECT id, title, outlet, published, ingested_at, source FROM documents "
        "ORDER BY ingested_at DESC, rowid DESC LIMIT ?", (limit,))]


@dataclass(frozen=True)
class EventHead(Item):
    """An event with its sentence, for a short list."""

    id: str
    document_id: str
    source: str
    target: str
    type: str
    negated: int
    modality: str
    date: str | None
    trigger: str | None
    sentence: str


def latest_events(store: Store, limit: int) -> list[EventHead]:
    """The ``limit`` dated events with the latest dates."""
    return [EventHead.from_row(r) for r in store.execute(
        "SELECT e.id, e.document_id, e.source, e.target, e.type, e.negated, e.modality, e.date, e.trigger, "
        "substr(d.text, e.start + 1, e.\"end\" - e.start) AS sentence "
        "FROM events e JOIN documents d ON d.id = e.document_id "
        "WHERE e.date IS NOT NULL ORDER BY e.date DESC, e.id DESC LIMIT ?", (limit,))]


def count_id_prefix(store: Store, prefix: str) -> int:
    """How many documents have ids starting with ``prefix``."""
    return int(store.execute("SELECT count(*) FROM documents WHERE id LIKE ?", (prefix + "%",))[0][0])


def document_texts(store: Store, ids: Iterable[str]) -> dict[str, str]:
    """The text of each document, by id."""
    texts: dict[str, str] = {}
    ids = sorted(set(ids))
    for i in range(0, len(ids), 200):
        chunk = ids[i:i + 200]
        texts.update({r[0]: r[1] for r in store.conn.execute(
            f"SELECT id, text FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk)})
    return texts


def known_codes(store: Store, codes: tuple[str, ...]) -> set[str]:
    """Those of ``codes`` that the actors table or a mention knows."""
    marks = ",".join("?" * len(codes))
    return {r[0] for r in store.execute(
        f"SELECT code FROM actors WHERE code IN ({marks}) UNION SELECT code FROM mentions WHERE code IN ({marks})",
        (*codes, *codes))}


# -- one document -------------------------------------------------------------------------------

@dataclass(frozen=True)
class SentenceSpan(Item):
    idx: int
    start: int
    end: int


@dataclass(frozen=True)
class MentionRow(Item):
    id: str
    start: int
    end: int
    text: str
    code: str
    entry: str | None
    dictionary: str | None
    person: str | None


@dataclass(frozen=True)
class EventRow(Item):
    """An event as stored (``negated`` 0/1, ``contexts`` JSON text)."""

    id: str
    start: int
    end: int
    source: str
    target: str
    type: str
    mode: str | None
    negated: int
    modality: str
    date: str | None
    intensity: float | None
    trigger: str | None
    trigger_start: int | None
    trigger_end: int | None
    contexts: str | None
    confidence: float | None
    dictionary: str | None


@dataclass(frozen=True)
class QuoteRow(Item):
    id: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_actor: str | None
    direct: int
    cue: str | None


@dataclass(frozen=True)
class FigureRow(Item):
    id: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    raw: str
    value: float
    value_high: float | None
    unit: str
    qualifier: str | None
    measure: str | None
    period: str | None


@dataclass(frozen=True)
class ClaimRow(Item):
    """A claim as stored (``actors`` JSON text)."""

    id: str
    start: int
    end: int
    speaker: str | None
    polarity: int
    actors: str | None
    normalized: str | None


@dataclass(frozen=True)
class StanceRow(Item):
    """A stance as stored (``evidence``: JSON text of spans)."""

    actor_a: str
    actor_b: str
    label: str
    score: float
    evidence: str | None


@dataclass(frozen=True)
class DocumentRelation(Item):
    """A relation of one document's claim with another document's: both sides' spans, titles,
    outlets, sources and texts."""

    id: int
    a_document: str
    a_start: int
    a_end: int
    b_document: str
    b_start: int
    b_end: int
    relation: str
    score: float
    why: str
    a_title: str | None
    a_outlet: str | None
    a_source: str
    b_title: str | None
    b_outlet: str | None
    b_source: str
    a_text: str | None
    b_text: str | None


@dataclass(frozen=True)
class DocumentFindings:
    """A document's stored row (column by column, as stored) and what analysis found in it, each
    in text order (stances by pair, relations agreements last, strongest first)."""

    document: dict[str, Any]
    sentences: list[SentenceSpan]
    mentions: list[MentionRow]
    events: list[EventRow]
    quotes: list[QuoteRow]
    figures: list[FigureRow]
    claims: list[ClaimRow]
    stances: list[StanceRow]
    relations: list[DocumentRelation]


def document_findings(store: Store, doc_id: str) -> DocumentFindings:
    """The findings of the document with this (full) id."""
    def rows(cls: Any, table: str, order: str = "start, id") -> list[Any]:
        return [cls.from_row(r) for r in store.execute(
            f"SELECT {cls.select_list()} FROM {table} WHERE document_id = ? ORDER BY {order}", (doc_id,))]

    return DocumentFindings(
        document=dict(store.execute("SELECT * FROM documents WHERE id = ?", (doc_id,))[0]),
        sentences=rows(SentenceSpan, "sentences", "idx"),
        mentions=rows(MentionRow, "mentions"),
        events=rows(EventRow, "events"),
        quotes=rows(QuoteRow, "quotes"),
        figures=rows(FigureRow, "figures"),
        claims=rows(ClaimRow, "claims"),
        stances=rows(StanceRow, "stances", "actor_a, actor_b"),
        relations=[DocumentRelation.from_row(r) for r in store.execute(
            "SELECT r.*, da.title AS a_title, da.outlet AS a_outlet, da.source AS a_source, db.title AS b_title, "
            "db.outlet AS b_outlet, db.source AS b_source, "
            "substr(da.text, r.a_start + 1, r.a_end - r.a_start) AS a_text, "
            "substr(db.text, r.b_start + 1, r.b_end - r.b_start) AS b_text "
            "FROM relations r JOIN documents da ON da.id = r.a_document JOIN documents db ON db.id = r.b_document "
            "WHERE r.a_document = ? OR r.b_document = ? ORDER BY r.relation DESC, r.score DESC", (doc_id, doc_id))],
    )
