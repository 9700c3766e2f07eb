"""What the dyad report reads about a pair of actors beyond its ledger: the dyad aggregates by
month, the documents about both, stances, figures and corroborated stories with their events, as
typed views (``dyadwatch.report.dyad`` builds the report from them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dyadwatch.store.queries.checks import date_bounds
from dyadwatch.store.queries.items import Item

if TYPE_CHECKING:
    from dyadwatch.store.store import Store

__all__ = ["DyadDocument", "DyadFigure", "DyadMonthCount", "DyadStance", "StoryEvent", "StoryRow",
           "dyad_aggregate_documents", "dyad_documents", "dyad_figures", "dyad_month_counts", "dyad_stances",
           "dyad_stories", "has_rows", "has_table", "story_events"]

#: the tables ``has_rows`` may ask about
_TABLES = ("stances", "relations", "document_groups")


def has_table(store: Store, name: str) -> bool:
    """Whether the store has this table (e.g. ``dyad_months``, made by migration m007)."""
    return store.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                              (name,)).fetchone() is not None


def has_rows(store: Store, table: str) -> bool:
    """Whether a table that a later step fills (stances, relations, document_groups) has any row."""
    if table not in _TABLES:
        raise ValueError(f"has_rows asks about {', '.join(_TABLES)}, not {table!r}.")
    return store.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None


# -- the dyad aggregates (m007) -------------------------------------------------------------------

@dataclass(frozen=True)
class DyadMonthCount(Item):
    """Events of one direction, month, type, modality and negation (``dyad_months``)."""

    source: str
    target: str
    month: str
    type: str
    modality: str
    negated: int
    events: int
    intensity_micro: int
    intensity_n: int


def _month_bounds(since: str | None, until: str | None) -> tuple[str, list[Any]]:
    """``date_bounds`` on the aggregates' month key. Exact for bounds of a year or a month: a
    date is at or after ``2024-03`` exactly when its first seven characters are, and its first
    four or seven characters are those of its month key."""
    sql, params = date_bounds("month", since, until)
    return (sql + " AND month <> ''" if since or until else sql), params


_PAIR = "((source = ? AND target = ?) OR (source = ? AND target = ?))"


def dyad_month_counts(store: Store, a: str, b: str, since: str | None, until: str | None) -> list[DyadMonthCount]:
    """The pair's aggregates, both directions (bounds of a year or a month only)."""
    bounds, params = _month_bounds(since, until)
    return [DyadMonthCount.from_row(r) for r in store.conn.execute(
        "SELECT source, target, month, type, modality, negated, events, intensity_micro, intensity_n "
        f"FROM dyad_months WHERE {_PAIR}" + bounds, [a, b, b, a, *params])]


def dyad_aggregate_documents(store: Store, a: str, b: str, since: str | None, until: str | None) -> list[str]:
    """Ids of the documents with events of the pair (``dyad_documents``)."""
    bounds, params = _month_bounds(since, until)
    return [r[0] for r in store.conn.execute(
        f"SELECT DISTINCT document_id FROM dyad_documents WHERE {_PAIR}" + bounds, [a, b, b, a, *params])]


# -- documents, stances, figures --------------------------------------------------------------------

@dataclass(frozen=True)
class DyadDocument(Item):
    """A document about the pair, with the group of near-copies it belongs to (``source_group``:
    its own id when it has none)."""

    id: str
    title: str | None
    outlet: str | None
    source: str
    published: str | None
    source_group: str


_DOCUMENT_SELECT = ("SELECT d.id, d.title, d.outlet, d.source, d.published, coalesce(g.group_id, d.id) AS source_group "
                    "FROM documents d LEFT JOIN document_groups g ON g.document_id = d.id ")


def dyad_documents(store: Store, a: str, b: str, also: Iterable[str], since: str | None,
                   until: str | None) -> list[DyadDocument]:
    """The documents mentioning both actors (published within the bounds), then those of ``also``
    (the documents of the pair's events) not among them."""
    bounds, params = date_bounds("d.published", since, until)
    rows = {r["id"]: DyadDocument.from_row(r) for r in store.conn.execute(
        _DOCUMENT_SELECT + "WHERE d.id IN (SELECT document_id FROM mentions WHERE code = ? "
        "INTERSECT SELECT document_id FROM mentions WHERE code = ?)" + bounds, [a, b, *params])}
    missing = sorted(set(also) - set(rows))
    for i in range(0, len(missing), 400):
        chunk = missing[i:i + 400]
        for r in store.conn.execute(_DOCUMENT_SELECT + f"WHERE d.id IN ({','.join('?' * len(chunk))})", chunk):
            rows[r["id"]] = DyadDocument.from_row(r)
    return list(rows.values())


@dataclass(frozen=True)
class DyadStance(Item):
    """A document's stance on the pair (``evidence``: JSON text of spans) with its document."""

    document_id: str
    actor_a: str
    actor_b: str
    label: str
    score: float
    evidence: str | None
    published: str | None
    outlet: str | None
    title: str | None
    source: str
    source_group: str


def dyad_stances(store: Store, a: str, b: str, since: str | None, until: str | None) -> list[DyadStance]:
    """The stances on the pair, newest document first."""
    bounds, params = date_bounds("d.published", since, until)
    return [DyadStance.from_row(r) for r in store.execute(
        "SELECT s.document_id, s.actor_a, s.actor_b, s.label, s.score, s.evidence, d.published, d.outlet, "
        "d.title, d.source, coalesce(g.group_id, s.document_id) AS source_group "
        "FROM stances s JOIN documents d ON d.id = s.document_id "
        "LEFT JOIN document_groups g ON g.document_id = s.document_id "
        "WHERE ((s.actor_a = ? AND s.actor_b = ?) OR (s.actor_a = ? AND s.actor_b = ?))" + bounds
        + " ORDER BY coalesce(d.published, '') DESC, s.document_id", [a, b, b, a, *params])]


@dataclass(frozen=True)
class DyadFigure(Item):
    """A figure in a sentence naming both actors, with its document."""

    document_id: str
    outlet: str | None
    published: str | None
    document_source: str
    title: str | None
    raw: str
    value: float
    value_high: float | None
    unit: str
    qualifier: str | None
    measure: str | None
    period: str | None
    start: int
    end: int
    sentence: str


def dyad_figures(store: Store, a: str, b: str, since: str | None, until: str | None, limit: int) -> list[DyadFigure]:
    """The first ``limit`` figures whose sentence names both actors, newest first."""
    bounds, params = date_bounds("d.published", since, until)
    # "+m.code": look the mentions up by document (mentions_document), not by code, which would
    # scan every mention of the actor in the store for each figure
    mention = ("EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = f.document_id AND +m.code = ? "
               "AND m.start >= f.sentence_start AND m.start < f.sentence_end)")
    return [DyadFigure.from_row(r) for r in store.execute(
        "SELECT f.*, d.outlet, d.published, d.source AS document_source, d.title, "
        "substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) AS sentence "
        "FROM figures f JOIN documents d ON d.id = f.document_id "
        "WHERE f.document_id IN (SELECT document_id FROM mentions WHERE code = ? "
        "INTERSECT SELECT document_id FROM mentions WHERE code = ?) "
        f"AND {mention} AND {mention}" + bounds
        + " ORDER BY coalesce(f.period, d.published, '') DESC, f.document_id, f.start LIMIT ?",
        [a, b, a, b, *params, limit])]


# -- stories ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class StoryRow(Item):
    """A story: one event reported by several documents (``dyadwatch.compare.stories``)."""

    id: int
    source: str
    target: str
    type: str
    negated: int
    date: str | None
    reports: int
    independent_sources: int


def dyad_stories(store: Store, a: str, b: str, since: str | None, until: str | None, limit: int) -> list[StoryRow]:
    """The pair's stories told by at least two independent sources, most sources first."""
    bounds, params = date_bounds("st.date", since, until)
    return [StoryRow.from_row(r) for r in store.execute(
        "SELECT st.* FROM stories st WHERE ((st.source = ? AND st.target = ?) OR (st.source = ? AND st.target = ?)) "
        "AND st.independent_sources >= 2" + bounds
        + " ORDER BY st.independent_sources DESC, st.reports DESC, coalesce(st.date, '') DESC, st.id LIMIT ?",
        [a, b, b, a, *params, limit])]


@dataclass(frozen=True)
class StoryEvent(Item):
    """An event of a story with its sentence and document."""

    id: int
    document_id: str
    start: int
    end: int
    trigger: str | None
    modality: str
    date: str | None
    outlet: str | None
    published: str | None
    title: str | None
    document_source: str
    source_group: str
    sentence: str


def story_events(store: Store, story_id: int, limit: int = 20) -> list[StoryEvent]:
    """The first ``limit`` events of a story, by document and position."""
    return [StoryEvent.from_row(r) for r in store.execute(
        'SELECT e.id, e.document_id, e.start, e."end", e.trigger, e.modality, e.date, d.outlet, d.published, '
        "d.title, d.source AS document_source, coalesce(g.group_id, e.document_id) AS source_group, "
        'substr(d.text, e.start + 1, e."end" - e.start) AS sentence '
        "FROM story_events se JOIN events e ON e.id = se.event_id JOIN documents d ON d.id = e.document_id "
        "LEFT JOIN document_groups g ON g.document_id = e.document_id "
        "WHERE se.story_id = ? ORDER BY e.document_id, e.start LIMIT ?", (story_id, limit))]
