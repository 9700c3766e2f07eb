"""The store's lists (events, quotes, figures, claims, documents), written once for every reader.

One ``ListSpec`` per list holds its SQL: the tables, the columns, the sort orders, each filter's
clause and each facet's count. The functions below run a spec for the CLI and notebooks
(``list_events`` …: a filtered list with a limit, inputs checked here) and for the dashboard (a
page, the total and the facet counts, or every row for a download, inputs checked by
``dyadwatch.web.params``), returning typed views (``EventItem`` …). Every value reaches SQLite as a
bound parameter; only fixed SQL fragments from this module are ever joined into a statement.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from dyadwatch.store.queries.checks import NO_OUTLET, UNDATED, check_code, check_date, check_type
from dyadwatch.store.queries.items import ClaimItem, DocumentItem, EventItem, FigureItem, QuoteItem

if TYPE_CHECKING:
    from dyadwatch.store.store import Store

__all__ = ["CLAIMS", "DOCUMENTS", "EVENTS", "FIGURES", "LISTS", "QUOTES", "Filters", "ListFacet", "ListFilter",
           "ListSpec", "count_items", "facet_counts", "iter_items", "list_claims", "list_events", "list_figures",
           "list_quotes", "page_items", "select_items"]

Clause = tuple[str, list[Any]]
#: checked filter values by filter name, in the order their clauses are joined
Filters = Mapping[str, Sequence[Any]]
I = TypeVar("I")


@dataclass(frozen=True)
class ListFilter:
    """The SQL clause of one filter, from its checked values."""

    sql: Callable[[Sequence[Any]], Clause]
    doc: bool = False  # needs the documents join


@dataclass(frozen=True)
class ListFacet:
    """Counts of matching rows per value of one filter (the filter's own values left out)."""

    param: str
    expr: str = ""  # value expression, for the plain GROUP BY form
    doc: bool = False
    by_value: bool = False  # order by value (months), not by count
    custom: Callable[[str, str, list[Any]], Clause] | None = None  # (from, where, params) -> SQL
    limit: int = 20


@dataclass(frozen=True)
class ListSpec(Generic[I]):
    name: str
    base: str  # FROM clause without the documents join
    doc_join: str
    select: str
    #: ORDER BY of each sort, the first the default
    sorts: Mapping[str, str]
    filters: Mapping[str, ListFilter]
    facets: tuple[ListFacet, ...]
    item: Callable[[Any], I]
    #: for lists whose default order needs no other table: the key column, so a page's keys are
    #: found on an index first and only those rows are joined (deep pages stay fast)
    key: str | None = None
    #: columns only some readers want (a quote's sentence), selected with ``full=True``
    extra: str = ""

    def order(self, sort: str | None) -> str:
        if sort is None:
            return next(iter(self.sorts.values()))
        if sort not in self.sorts:
            raise ValueError(f"List {self.name!r} has no sort {sort!r}; expected one of {', '.join(self.sorts)}.")
        return self.sorts[sort]


# -- filter clauses ---------------------------------------------------------------------------

def _eq(col: str) -> Callable[[Sequence[Any]], Clause]:
    def sql(values: Sequence[Any]) -> Clause:
        if len(values) == 1:
            return f"{col} = ?", list(values)
        return f"{col} IN ({','.join('?' * len(values))})", list(values)
    return sql


def _outlet_sql(values: Sequence[Any]) -> Clause:
    value = values[0]
    if value == NO_OUTLET:
        return "d.outlet IS NULL", []
    return "d.outlet = ?", [value]


def _month_sql(col: str) -> Callable[[Sequence[Any]], Clause]:
    def sql(values: Sequence[Any]) -> Clause:
        value = values[0]
        if value == UNDATED:
            return f"{col} IS NULL", []
        if len(value) == 4:  # dates known only to the year
            return f"{col} = ?", [value]
        # a range on the column itself, so an index on it can be used
        return f"{col} >= ? AND {col} < ?", [value, value + "-99"]
    return sql


def _yes_no(col: str) -> Callable[[Sequence[Any]], Clause]:
    return lambda values: (f"{col} = ?", [1 if values[0] == "yes" else 0])


def _fts(table: str, key: str) -> Callable[[Sequence[Any]], Clause]:
    # the value is an FTS5 query (the dashboard's ``Search.fts()``)
    return lambda values: (f"{key} IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)", [values[0]])


def _since(col: str) -> Callable[[Sequence[Any]], Clause]:
    return lambda values: (f"{col} >= ?", [values[0]])


def _until(col: str) -> Callable[[Sequence[Any]], Clause]:
    # "until 2024-03" includes every date in March 2024
    return lambda values: (f"{col} IS NOT NULL AND substr({col}, 1, ?) <= ?", [len(values[0]), values[0]])


def _like(col: str) -> Callable[[Sequence[Any]], Clause]:
    return lambda values: (f"{col} LIKE ?", [f"%{values[0]}%"])


def _mentioned(alias: str, start: str, end: str) -> Callable[[Sequence[Any]], Clause]:
    """Each code mentioned between ``start`` and ``end`` of a row."""
    def sql(codes: Sequence[Any]) -> Clause:
        return " AND ".join(
            f"EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = {alias}.document_id "
            f"AND m.code = ? AND m.start >= {start} AND m.start < {end})" for _ in codes), list(codes)
    return sql


def _published() -> dict[str, ListFilter]:
    # bounds on the document's publication date; undated documents are left out
    return {
        "published_since": ListFilter(lambda v: ("d.published IS NOT NULL AND d.published >= ?", [v[0]]), doc=True),
        "published_until": ListFilter(_until("d.published"), doc=True),
    }


def _common(*, doc_key: str) -> dict[str, ListFilter]:
    return {
        "outlet": ListFilter(_outlet_sql, doc=True),
        "document": ListFilter(lambda v: (f"{doc_key} = ?", list(v)) if len(v[0]) == 16
                               else (f"{doc_key} LIKE ?", [v[0] + "%"])),
    }


def _json_list(value: str | None) -> list[Any]:
    return list(json.loads(value or "[]"))


# -- events -----------------------------------------------------------------------------------

def _event_actor_facet(frm: str, where: str, params: list[Any]) -> Clause:
    # each side grouped on its own (an index scan each), then added up
    sql = (f"SELECT facet_value, sum(facet_n) AS facet_n FROM (SELECT e.source AS facet_value, count(*) AS facet_n "
           f"FROM {frm}{where} GROUP BY e.source "
           f"UNION ALL SELECT e.target, count(*) FROM {frm}{where}{' AND' if where else ' WHERE'} e.target <> e.source "
           "GROUP BY e.target) GROUP BY facet_value ORDER BY facet_n DESC, facet_value LIMIT 20")
    return sql, params + params


def _event_item(r: Any) -> EventItem:
    return EventItem(
        id=r["id"], document_id=r["document_id"], document_title=r["title"], document_source=r["document_source"],
        outlet=r["outlet"], published=r["published"], source=r["source"], target=r["target"], type=r["type"],
        mode=r["mode"], negated=bool(r["negated"]), modality=r["modality"], date=r["date"], intensity=r["intensity"],
        trigger=r["trigger"], confidence=r["confidence"], contexts=_json_list(r["contexts"]), start=r["start"],
        end=r["end"], sentence=r["sentence"])


EVENTS: ListSpec[EventItem] = ListSpec(
    name="events",
    base="events e", doc_join=" JOIN documents d ON d.id = e.document_id",
    select=("e.id, e.document_id, e.source, e.target, e.type, e.mode, e.negated, e.modality, e.date, "
            "e.intensity, e.trigger, e.confidence, e.contexts, e.start, e.\"end\", d.title, d.outlet, d.published, "
            "d.source AS document_source, "
            "substr(d.text, e.start + 1, e.\"end\" - e.start) AS sentence"),
    sorts={
        "date": "e.date DESC, e.id DESC",
        # newest first (by the event's date, else the document's), each document in reading order
        "reading": "coalesce(e.date, d.published, '') DESC, e.document_id, e.start, e.id",
    },
    filters={
        "q": ListFilter(_fts("events_fts", "e.id")),
        "type": ListFilter(_eq("e.type")),
        "actor": ListFilter(lambda v: ("(e.source = ? OR e.target = ?)", [v[0], v[0]])),
        "source": ListFilter(_eq("e.source")),
        "target": ListFilter(_eq("e.target")),
        "pair": ListFilter(lambda v: ("((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))",
                                      [v[0], v[1], v[1], v[0]])),
        "modality": ListFilter(_eq("e.modality")),
        "negated": ListFilter(_yes_no("e.negated")),
        "month": ListFilter(_month_sql("e.date")),
        "since": ListFilter(_since("e.date")),
        "until": ListFilter(_until("e.date")),
        **_common(doc_key="e.document_id"),
    },
    facets=(
        ListFacet("type", "e.type"),
        ListFacet("actor", custom=_event_actor_facet),
        ListFacet("outlet", custom=lambda frm, where, p: (
            # group by document first (an index scan), then by outlet over those few documents
            f"SELECT d2.outlet AS facet_value, sum(x.n) AS facet_n FROM "
            f"(SELECT e.document_id, count(*) AS n FROM {frm}{where} GROUP BY e.document_id) x "
            "JOIN documents d2 ON d2.id = x.document_id GROUP BY facet_value "
            "ORDER BY facet_n DESC, facet_value LIMIT 20", p)),
        ListFacet("month", "substr(e.date, 1, 7)", by_value=True, limit=48),
        ListFacet("modality", "e.modality"),
    ),
    item=_event_item,
    key="e.id",
)


# -- quotes -----------------------------------------------------------------------------------

# the sentence a quote starts in
_QUOTE_SENTENCE = "s.document_id = q.document_id AND s.start <= q.start AND q.start < s.\"end\""


def _quote_dyad_sql(codes: Sequence[Any]) -> Clause:
    """Quotes whose sentence mentions both actors, or whose speaker acts for one of them and
    whose sentence mentions the other."""
    a, b = codes
    mentioned = _mentioned("q", "s.start", 's."end"')
    both, p_both = mentioned([a, b])
    of_b, p_b = mentioned([b])
    of_a, p_a = mentioned([a])
    return (f"EXISTS (SELECT 1 FROM sentences s WHERE {_QUOTE_SENTENCE} AND "
            f"(({both}) OR (q.speaker_actor = ? AND {of_b}) OR (q.speaker_actor = ? AND {of_a})))",
            p_both + [a] + p_b + [b] + p_a)


def _quote_item(r: Any) -> QuoteItem:
    return QuoteItem(
        id=r["id"], document_id=r["document_id"], document_title=r["title"], document_source=r["document_source"],
        outlet=r["outlet"], published=r["published"], speaker=r["speaker"], speaker_actor=r["speaker_actor"],
        direct=bool(r["direct"]), cue=r["cue"], text=r["text"], start=r["start"], end=r["end"],
        sentence=r["sentence"] if "sentence" in r.keys() else None)


QUOTES: ListSpec[QuoteItem] = ListSpec(
    name="quotes",
    base="quotes q", doc_join=" JOIN documents d ON d.id = q.document_id",
    select="q.*, d.title, d.outlet, d.published, d.source AS document_source",
    extra=(f"(SELECT substr(d.text, s.start + 1, s.\"end\" - s.start) FROM sentences s WHERE {_QUOTE_SENTENCE}) "
           "AS sentence"),
    sorts={
        "published": "d.published IS NULL, d.published DESC, q.id DESC",
        "reading": "coalesce(d.published, '') DESC, q.document_id, q.start",
    },
    filters={
        "q": ListFilter(_fts("quotes_fts", "q.id")),
        "actor": ListFilter(_eq("q.speaker_actor")),
        "direct": ListFilter(_yes_no("q.direct")),
        "speaker": ListFilter(_like("q.speaker")),
        "dyad": ListFilter(_quote_dyad_sql),
        "month": ListFilter(_month_sql("d.published"), doc=True),
        **_published(),
        **_common(doc_key="q.document_id"),
    },
    facets=(
        ListFacet("actor", "q.speaker_actor"),
        ListFacet("direct", "CASE q.direct WHEN 1 THEN 'yes' ELSE 'no' END"),
        ListFacet("outlet", "d.outlet", doc=True),
        ListFacet("month", "substr(d.published, 1, 7)", doc=True, by_value=True, limit=48),
    ),
    item=_quote_item,
)


# -- figures ----------------------------------------------------------------------------------

def _figure_actor_facet(frm: str, where: str, params: list[Any]) -> Clause:
    return (f"SELECT m.code AS facet_value, count(DISTINCT f.id) AS facet_n FROM {frm} JOIN mentions m "
            "ON m.document_id = f.document_id AND m.start >= f.sentence_start AND m.start < f.sentence_end"
            f"{where} GROUP BY m.code ORDER BY facet_n DESC, facet_value LIMIT 20", params)


def _figure_item(r: Any) -> FigureItem:
    return FigureItem(
        id=r["id"], document_id=r["document_id"], document_title=r["title"], document_source=r["document_source"],
        outlet=r["outlet"], published=r["published"], raw=r["raw"], value=r["value"], value_high=r["value_high"],
        unit=r["unit"], qualifier=r["qualifier"], measure=r["measure"], period=r["period"], start=r["start"],
        end=r["end"], sentence=r["sentence"])


_FIGURE_MENTIONS = _mentioned("f", "f.sentence_start", "f.sentence_end")

FIGURES: ListSpec[FigureItem] = ListSpec(
    name="figures",
    base="figures f", doc_join=" JOIN documents d ON d.id = f.document_id",
    select=("f.*, d.title, d.outlet, d.published, d.source AS document_source, "
            "substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) AS sentence"),
    sorts={
        "published": "d.published IS NULL, d.published DESC, f.id DESC",
        # newest first (by the figure's period, else the document's date), each document in reading order
        "reading": "coalesce(f.period, d.published, '') DESC, f.document_id, f.start",
    },
    filters={
        "q": ListFilter(_fts("figures_fts", "f.id")),
        "unit": ListFilter(lambda v: ("lower(f.unit) = lower(?)", [v[0]])),
        "measure": ListFilter(_like("f.measure")),
        # actor: one actor named in the figure's sentence; dyad: both
        "actor": ListFilter(lambda v: _FIGURE_MENTIONS(v[:1])),
        "dyad": ListFilter(_FIGURE_MENTIONS),
        "month": ListFilter(_month_sql("d.published"), doc=True),
        **_published(),
        **_common(doc_key="f.document_id"),
    },
    facets=(
        ListFacet("unit", "f.unit"),
        ListFacet("actor", custom=_figure_actor_facet),
        ListFacet("outlet", "d.outlet", doc=True),
        ListFacet("month", "substr(d.published, 1, 7)", doc=True, by_value=True, limit=48),
    ),
    item=_figure_item,
)


# -- claims -----------------------------------------------------------------------------------

def _claim_item(r: Any) -> ClaimItem:
    return ClaimItem(
        id=r["id"], document_id=r["document_id"], document_source=r["document_source"], published=r["published"],
        outlet=r["outlet"], speaker=r["speaker"], polarity=r["polarity"], actors=json.loads(r["actors"]),
        start=r["start"], end=r["end"], sentence=r["sentence"])


_CLAIM_MENTIONS = _mentioned("c", "c.start", 'c."end"')

CLAIMS: ListSpec[ClaimItem] = ListSpec(
    name="claims",
    base="claims c", doc_join=" JOIN documents d ON d.id = c.document_id",
    select=("c.*, d.source AS document_source, d.published AS published, d.outlet AS outlet, "
            "substr(d.text, c.start + 1, c.\"end\" - c.start) AS sentence"),
    sorts={"reading": "coalesce(d.published, '') DESC, c.document_id, c.start"},
    filters={
        # actor: one actor named in the claim's sentence; dyad: both
        "actor": ListFilter(lambda v: _CLAIM_MENTIONS(v[:1])),
        "dyad": ListFilter(_CLAIM_MENTIONS),
        **_published(),
    },
    facets=(),
    item=_claim_item,
)


# -- documents --------------------------------------------------------------------------------

def _doc_actor_facet(frm: str, where: str, params: list[Any]) -> Clause:
    return (f"SELECT m.code AS facet_value, count(DISTINCT m.document_id) AS facet_n FROM mentions m "
            f"WHERE m.document_id IN (SELECT d.id FROM {frm}{where}) GROUP BY m.code "
            "ORDER BY facet_n DESC, facet_value LIMIT 20", params)


def _document_item(r: Any) -> DocumentItem:
    return DocumentItem(
        id=r["id"], title=r["title"], outlet=r["outlet"], authors=_json_list(r["authors"]), published=r["published"],
        published_basis=r["published_basis"], language=r["language"], source=r["source"], url=r["url"],
        ingested_at=r["ingested_at"], events=r["n_events"], quotes=r["n_quotes"], figures=r["n_figures"],
        length=r["length"], analysis_skipped=r["analysis_skipped"])


DOCUMENTS: ListSpec[DocumentItem] = ListSpec(
    name="documents",
    base="documents d", doc_join="",
    select=("d.id, d.title, d.outlet, d.authors, d.published, d.published_basis, d.language, d.source, d.url, "
            "d.ingested_at, d.analysis_skipped, length(d.text) AS length, "
            "(SELECT count(*) FROM events e WHERE e.document_id = d.id) AS n_events, "
            "(SELECT count(*) FROM quotes q WHERE q.document_id = d.id) AS n_quotes, "
            "(SELECT count(*) FROM figures f WHERE f.document_id = d.id) AS n_figures"),
    sorts={"published": "d.published IS NULL, d.published DESC, d.ingested_at DESC, d.id"},
    filters={
        "q": ListFilter(_fts("documents_fts", "d.rowid")),
        "actor": ListFilter(lambda v: ("EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = d.id AND m.code = ?)",
                                       [v[0]])),
        "language": ListFilter(_eq("d.language")),
        "month": ListFilter(_month_sql("d.published")),
        "outlet": ListFilter(_outlet_sql),
    },
    facets=(
        ListFacet("outlet", "d.outlet"),
        ListFacet("actor", custom=_doc_actor_facet),
        ListFacet("month", "substr(d.published, 1, 7)", by_value=True, limit=48),
        ListFacet("language", "d.language"),
    ),
    item=_document_item,
)

LISTS: dict[str, ListSpec[Any]] = {s.name: s for s in (EVENTS, QUOTES, FIGURES, CLAIMS, DOCUMENTS)}


# -- running a list ---------------------------------------------------------------------------

def _clauses(spec: ListSpec[Any], filters: Filters, without: str | None = None) -> tuple[list[str], list[Any], bool]:
    where: list[str] = []
    params: list[Any] = []
    doc = False
    for name, values in filters.items():
        if name == without:
            continue
        f = spec.filters[name]
        sql, p = f.sql(values)
        where.append(sql)
        params += p
        doc = doc or f.doc
    return where, params, doc


def _from(spec: ListSpec[Any], doc: bool) -> str:
    return spec.base + (spec.doc_join if doc else "")


def _where(where: list[str]) -> str:
    return " WHERE " + " AND ".join(f"({w})" for w in where) if where else ""


def _select(spec: ListSpec[Any], full: bool) -> str:
    return spec.select + (", " + spec.extra if full and spec.extra else "")


def count_items(store: Store, spec: ListSpec[Any], filters: Filters) -> int:
    """How many rows match."""
    where, params, doc = _clauses(spec, filters)
    return int(store.execute(f"SELECT count(*) FROM {_from(spec, doc)}{_where(where)}", params)[0][0])


def page_items(store: Store, spec: ListSpec[I], filters: Filters, *, page: int, per_page: int,
               sort: str | None = None) -> list[I]:
    """One page (from 1) of the matching rows."""
    where, params, doc = _clauses(spec, filters)
    order = spec.order(sort)
    offset = (page - 1) * per_page
    if spec.key and sort is None:
        keys = [r[0] for r in store.execute(
            f"SELECT {spec.key} FROM {_from(spec, doc)}{_where(where)} ORDER BY {order} LIMIT ? OFFSET ?",
            params + [per_page, offset])]
        rows = store.execute(
            f"SELECT {spec.select} FROM {_from(spec, True)} WHERE {spec.key} IN ({','.join('?' * len(keys))}) "
            f"ORDER BY {order}", keys) if keys else []
    else:
        rows = store.execute(
            f"SELECT {spec.select} FROM {_from(spec, True)}{_where(where)} ORDER BY {order} LIMIT ? OFFSET ?",
            params + [per_page, offset])
    return [spec.item(r) for r in rows]


def select_items(store: Store, spec: ListSpec[I], filters: Filters, *, sort: str | None = None,
                 limit: int | None = None, full: bool = False) -> list[I]:
    """Every matching row (the first ``limit``); ``full`` adds the columns only some readers want."""
    where, params, _doc = _clauses(spec, filters)
    sql = (f"SELECT {_select(spec, full)} FROM {_from(spec, True)}{_where(where)} ORDER BY {spec.order(sort)}"
           + (" LIMIT ?" if limit else ""))
    return [spec.item(r) for r in store.execute(sql, params + ([limit] if limit else []))]


def iter_items(store: Store, spec: ListSpec[I], filters: Filters, *, sort: str | None = None,
               chunk: int = 500) -> Iterator[I]:
    """Every matching row, in list order, read ``chunk`` rows at a time (downloads)."""
    where, params, _doc = _clauses(spec, filters)
    cur = store.conn.execute(
        f"SELECT {spec.select} FROM {_from(spec, True)}{_where(where)} ORDER BY {spec.order(sort)}", params)
    while True:
        batch = cur.fetchmany(chunk)
        if not batch:
            break
        for r in batch:
            yield spec.item(r)


def facet_counts(store: Store, spec: ListSpec[Any], filters: Filters) -> list[tuple[ListFacet, list[tuple[Any, int]]]]:
    """(value, count) pairs of each facet of the list, counted with every filter but the facet's own."""
    out = []
    for facet in spec.facets:
        where, params, doc = _clauses(spec, filters, without=facet.param)
        doc = doc or facet.doc
        frm, wh = _from(spec, doc), _where(where)
        if facet.custom:
            sql, p = facet.custom(frm, wh, params)
        else:
            # not "value" or "n": a table's own column of that name (figures.value) would win in GROUP BY
            order = "facet_value DESC" if facet.by_value else "facet_n DESC, facet_value"
            sql = (f"SELECT {facet.expr} AS facet_value, count(*) AS facet_n FROM {frm}{wh} GROUP BY facet_value "
                   f"ORDER BY {order} LIMIT {int(facet.limit)}")
            p = params
        out.append((facet, [(r["facet_value"], r["facet_n"]) for r in store.execute(sql, p)]))
    return out


# -- the CLI's and notebooks' lists -------------------------------------------------------------

def _published_bounds(since: str | None, until: str | None) -> dict[str, list[Any]]:
    filters: dict[str, list[Any]] = {}
    if since:
        filters["published_since"] = [check_date(since)]
    if until:
        filters["published_until"] = [check_date(until, "--until")]
    return filters


def list_events(store: Store, *, dyad: tuple[str, str] | None = None, types: tuple[str, ...] = (),
                since: str | None = None, until: str | None = None, directed: bool = False,
                limit: int | None = None) -> list[EventItem]:
    """Events with their evidence sentence and document, newest first.

    dyad: only events between these two actors (either direction unless ``directed``).
    types: only these PLOVER types. since/until: event date bounds (undated events are left
    out when a bound is given).
    """
    filters: dict[str, list[Any]] = {}
    if dyad:
        a, b = check_code(dyad[0]), check_code(dyad[1])
        if directed:
            filters["source"], filters["target"] = [a], [b]
        else:
            filters["pair"] = [a, b]
    if types:
        filters["type"] = [check_type(t) for t in types]
    if since:
        filters["since"] = [check_date(since)]
    if until:
        filters["until"] = [check_date(until, "--until")]
    return select_items(store, EVENTS, filters, sort="reading", limit=limit)


def list_quotes(store: Store, *, dyad: tuple[str, str] | None = None, actor: str | None = None,
                speaker: str | None = None, direct: bool | None = None, since: str | None = None,
                until: str | None = None, limit: int | None = None) -> list[QuoteItem]:
    """Quotes with speaker, the state the speaker acts for, cue and the sentence around them.

    dyad: quotes whose sentence mentions both actors, or whose speaker acts for one of them
    and whose sentence mentions the other. actor: quotes by someone acting for this actor.
    since/until: bounds on the document's publication date.
    """
    filters = _published_bounds(since, until)
    if actor:
        filters["actor"] = [check_code(actor)]
    if speaker:
        filters["speaker"] = [speaker]
    if direct is not None:
        filters["direct"] = ["yes" if direct else "no"]
    if dyad:
        filters["dyad"] = [check_code(dyad[0]), check_code(dyad[1])]
    return select_items(store, QUOTES, filters, sort="reading", limit=limit, full=True)


def list_figures(store: Store, *, dyad: tuple[str, str] | None = None, unit: str | None = None,
                 measure: str | None = None, since: str | None = None, until: str | None = None,
                 limit: int | None = None) -> list[FigureItem]:
    """Figures with value, unit, what they measure, their period and sentence."""
    filters = _published_bounds(since, until)
    if unit:
        filters["unit"] = [unit]
    if measure:
        filters["measure"] = [measure]
    if dyad:
        filters["dyad"] = [check_code(dyad[0]), check_code(dyad[1])]
    return select_items(store, FIGURES, filters, sort="reading", limit=limit)


def list_claims(store: Store, *, dyad: tuple[str, str] | None = None, actor: str | None = None,
                since: str | None = None, until: str | None = None, limit: int | None = None) -> list[ClaimItem]:
    """Claims (checkable sentences) with their speaker and normalised form."""
    filters = _published_bounds(since, until)
    if actor:
        filters["actor"] = [check_code(actor)]
    if dyad:
        filters["dyad"] = [check_code(dyad[0]), check_code(dyad[1])]
    return select_items(store, CLAIMS, filters, limit=limit)
