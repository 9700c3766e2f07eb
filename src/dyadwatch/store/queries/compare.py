"""What compare reads: the documents' texts in the order they were stored, their copies' indexes
(MinHash bands and signatures, duplicate groups), the events stories are linked from, the stance
rows that name an article's pairs of states, and one document's rows its claims are read from.

A full compare reads every document of a large store: the texts come as an iterator over one
cursor (``stored_texts``), never as a list of them all, so compare's memory does not grow with
the texts it has read. Everything else is read by key, through the indexes on ``document_id``
and the events' act (``stories_key``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from dyadwatch.store.queries.items import Item

if TYPE_CHECKING:
    from dyadwatch.store.store import Store

__all__ = ["StoredText", "StoryEventRow", "act_events", "band_documents", "claim_rows", "count_documents",
           "document_acts", "document_group", "document_order", "document_rowid", "document_text", "event_pairs",
           "last_document_rowid", "pair_candidates", "snapshot", "stance_rows", "stored_signature", "stored_texts"]


class StoredText(NamedTuple):
    """A document's text with its id and its place in the store (``rowid``: the order of storing)."""

    rowid: int
    id: str
    text: str


@dataclass(frozen=True)
class StoryEventRow(Item):
    """An event as stories are linked from it (``dyadwatch.compare.stories.link_stories``)."""

    id: int
    document_id: str
    source: str
    target: str
    type: str
    negated: int
    modality: str
    date: str | None


_STORY_EVENT = f"SELECT {StoryEventRow.select_list()} FROM events"


@contextmanager
def snapshot(store: Store) -> Iterator[None]:
    """Read inside one transaction: every read sees the store as it was when the first ran,
    whatever another process (an ingest, a watch) commits meanwhile."""
    store.conn.execute("BEGIN")
    try:
        yield
    finally:
        store.conn.execute("COMMIT")


# -- documents --------------------------------------------------------------------------------

def stored_texts(store: Store, *, after: int | None = None) -> Iterator[StoredText]:
    """Every document's text in the order they were stored (those stored after rowid ``after``,
    when given), one row at a time from a cursor."""
    if after is None:
        cursor = store.conn.execute("SELECT rowid, id, text FROM documents ORDER BY rowid")
    else:
        cursor = store.conn.execute("SELECT rowid, id, text FROM documents WHERE rowid > ? ORDER BY rowid", (after,))
    for r in cursor:
        yield StoredText(r[0], r[1], r[2])


def document_order(store: Store) -> Iterator[str]:
    """The documents' ids in the order they were stored, one row at a time."""
    for r in store.conn.execute("SELECT id FROM documents ORDER BY rowid"):
        yield r[0]


def count_documents(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM documents").fetchone()[0])


def last_document_rowid(store: Store) -> int:
    """The rowid of the last document stored (0 in an empty store)."""
    return store.conn.execute("SELECT max(rowid) FROM documents").fetchone()[0] or 0


def document_text(store: Store, doc_id: str) -> str | None:
    row = store.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row[0] if row is not None else None


def document_published(store: Store, doc_id: str) -> str | None:
    """A document's publication date (None when unknown or no such document)."""
    row = store.conn.execute("SELECT published FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row[0] if row is not None else None


def document_rowid(store: Store, doc_id: str) -> int | None:
    row = store.conn.execute("SELECT rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row[0] if row is not None else None


# -- copies -----------------------------------------------------------------------------------

def document_group(store: Store, doc_id: str) -> str | None:
    """The stored duplicate group of a document (None when it has none yet)."""
    row = store.conn.execute("SELECT group_id FROM document_groups WHERE document_id = ?", (doc_id,)).fetchone()
    return row[0] if row is not None else None


def band_documents(store: Store, band: int, bucket: int) -> list[str]:
    """The documents whose MinHash signature falls in ``bucket`` of ``band`` (``minhash_bands``)."""
    return [r[0] for r in store.conn.execute(
        "SELECT document_id FROM minhash_bands WHERE band = ? AND bucket = ?", (band, bucket))]


def stored_signature(store: Store, doc_id: str) -> bytes | None:
    """A document's stored MinHash signature (little-endian uint32 values), if any."""
    row = store.conn.execute("SELECT signature FROM minhash_signatures WHERE document_id = ?", (doc_id,)).fetchone()
    return row[0] if row is not None else None


# -- stories ----------------------------------------------------------------------------------

def document_acts(store: Store, doc_id: str) -> set[tuple[str, str, str, bool]]:
    """The acts (source, target, type, negated) a document's events report."""
    return {(r[0], r[1], r[2], bool(r[3])) for r in store.conn.execute(
        "SELECT source, target, type, negated FROM events WHERE document_id = ?", (doc_id,))}


def act_events(store: Store, source: str | None = None, target: str | None = None, type: str | None = None,
               negated: bool | None = None) -> list[StoryEventRow]:
    """The events stories are linked from: every one, or those of one pair (``source`` and
    ``target``), or of one act (and ``type`` and ``negated``)."""
    if source is None or target is None:
        return [StoryEventRow.from_row(r) for r in store.conn.execute(_STORY_EVENT)]
    if type is None or negated is None:
        return [StoryEventRow.from_row(r) for r in store.conn.execute(
            _STORY_EVENT + " WHERE source = ? AND target = ?", (source, target))]
    return [StoryEventRow.from_row(r) for r in store.conn.execute(
        _STORY_EVENT + " WHERE source = ? AND target = ? AND type = ? AND negated = ?",
        (source, target, type, int(negated)))]


def event_pairs(store: Store) -> list[tuple[str, str]]:
    """Every (source, target) with an event."""
    return [(r[0], r[1]) for r in store.conn.execute("SELECT DISTINCT source, target FROM events")]


# -- claims -----------------------------------------------------------------------------------

def stance_rows(store: Store, doc_ids: Iterable[str] | None = None) -> list[Mapping[str, Any]]:
    """The stance rows (document_id, actor_a, actor_b, score) of the given documents (of all,
    when None), by document and then in the order the analysis gave them (as batch workers read
    them), for ``dyadwatch.compare.document_pairs``."""
    if doc_ids is None:
        return store.conn.execute(
            "SELECT document_id, actor_a, actor_b, score FROM stances ORDER BY document_id, rowid").fetchall()
    ids = list(doc_ids)
    rows: list[Mapping[str, Any]] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        rows += store.conn.execute(
            "SELECT document_id, actor_a, actor_b, score FROM stances "
            f"WHERE document_id IN ({','.join('?' * len(chunk))}) ORDER BY document_id, rowid", chunk)
    return rows


def pair_candidates(store: Store, a: str, b: str, *, through: int, limit: int) -> list[str]:
    """The documents stored at or before rowid ``through`` with a stance on the pair (a, b), the
    latest first, at most ``limit`` (through ``stances_dyad``)."""
    return [r[0] for r in store.conn.execute(
        "SELECT s.document_id FROM stances s JOIN documents d ON d.id = s.document_id "
        "WHERE s.actor_a = ? AND s.actor_b = ? AND d.rowid <= ? ORDER BY d.rowid DESC LIMIT ?",
        (a, b, through, limit))]


def claim_rows(store: Store, doc_id: str, *, pair_sentences: bool) -> dict[str, Sequence[Mapping[str, Any]]]:
    """One document's rows as ``dyadwatch.compare.document_claims`` reads them: its events,
    claims (actors and normalized decoded) and mentions, each by start; with ``pair_sentences``
    (an article about a pair of states), its sentences, figures and quotes too."""
    def rows(sql: str) -> list[Any]:
        return store.conn.execute(sql, (doc_id,)).fetchall()

    tables: dict[str, Sequence[Mapping[str, Any]]] = {
        "events": rows('SELECT start, "end", source, target, type, negated, modality, date FROM events '
                       "WHERE document_id = ? ORDER BY start"),
        "claims": [{"start": r["start"], "end": r["end"], "speaker": r["speaker"], "polarity": r["polarity"],
                    "actors": json.loads(r["actors"]), "normalized": json.loads(r["normalized"])}
                   for r in rows("SELECT * FROM claims WHERE document_id = ? ORDER BY start")],
        "mentions": rows('SELECT start, "end", code, entry FROM mentions WHERE document_id = ? ORDER BY start'),
    }
    if pair_sentences:  # the other sentences are read only for an article about a pair
        tables["sentences"] = rows('SELECT start, "end" FROM sentences WHERE document_id = ? ORDER BY idx')
        tables["figures"] = rows("SELECT sentence_start, value, unit, measure, period FROM figures "
                                 "WHERE document_id = ?")
        tables["quotes"] = rows('SELECT start, "end" FROM quotes WHERE document_id = ?')
    return tables
