"""Searchable, filterable, paginated lists of events, quotes, figures and documents.

One ``ListKind`` per list says which filters it takes, how each becomes SQL, which facets it
counts and which columns a download has. ``run_list`` turns checked parameters into one page
of rows, a total and facet counts; ``iter_rows`` streams every matching row for downloads.
Every value reaches SQLite as a bound parameter; only fixed SQL fragments from this module
are ever joined into a statement.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from dyadwatch.dictionaries.plover import codebook
from dyadwatch.store import Store
from dyadwatch.web import params as P

Clause = tuple[str, list[Any]]

MODALITIES = codebook().modalities
YES_NO = ("yes", "no")


@dataclass(frozen=True)
class Filter:
    """One query-string filter: how to check a value and the SQL it becomes."""

    label: str
    check: Callable[[str], Any]
    sql: Callable[[list[Any]], Clause]
    multi: bool = False
    doc: bool = False  # needs the documents join
    display: Callable[[Any], str] = str


@dataclass(frozen=True)
class Facet:
    """Counts of matching rows per value of one filter (the filter's own choice left out)."""

    param: str
    label: str
    expr: str = ""  # value expression, for the plain GROUP BY form
    doc: bool = False
    by_value: bool = False  # order by value (months), not by count
    custom: Callable[[str, str, list[Any]], Clause] | None = None  # (from, where, params) -> SQL
    limit: int = 20


@dataclass(frozen=True)
class ListKind:
    name: str
    title: str
    singular: str
    base: str  # FROM clause without the documents join
    doc_join: str
    select: str
    order: str
    filters: dict[str, Filter]
    facets: tuple[Facet, ...]
    columns: tuple[str, ...]  # download columns, in order
    row: Callable[[Any], dict[str, Any]]
    search_help: str = ""
    #: for kinds whose order needs no other table: the key column, so a page's keys are found on
    #: an index first and only those rows are joined (deep pages stay fast)
    key: str | None = None


def _eq(col: str) -> Callable[[list[Any]], Clause]:
    def sql(values: list[Any]) -> Clause:
        if len(values) == 1:
            return f"{col} = ?", values
        return f"{col} IN ({','.join('?' * len(values))})", values
    return sql


def _outlet_sql(values: list[Any]) -> Clause:
    value = values[0]
    if value == P.NO_OUTLET:
        return "d.outlet IS NULL", []
    return "d.outlet = ?", [value]


def _month_sql(col: str) -> Callable[[list[Any]], Clause]:
    def sql(values: list[Any]) -> Clause:
        value = values[0]
        if value == P.UNDATED:
            return f"{col} IS NULL", []
        if len(value) == 4:  # dates known only to the year
            return f"{col} = ?", [value]
        # a range on the column itself, so an index on it can be used
        return f"{col} >= ? AND {col} < ?", [value, value + "-99"]
    return sql


def _yes_no(col: str) -> Callable[[list[Any]], Clause]:
    return lambda values: (f"{col} = ?", [1 if values[0] == "yes" else 0])


def _fts(table: str, key: str) -> Callable[[list[Any]], Clause]:
    return lambda values: (f"{key} IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)", [values[0].fts()])


def _since(col: str) -> Callable[[list[Any]], Clause]:
    return lambda values: (f"{col} >= ?", [values[0]])


def _until(col: str) -> Callable[[list[Any]], Clause]:
    # "until 2024-03" includes every date in March 2024
    return lambda values: (f"{col} IS NOT NULL AND substr({col}, 1, ?) <= ?", [len(values[0]), values[0]])


def _outlet_display(value: Any) -> str:
    return "(not stated)" if value in (None, P.NO_OUTLET) else str(value)


def _month_display(value: Any) -> str:
    if value in (None, P.UNDATED):
        return "undated"
    return f"{value} (year only)" if len(str(value)) == 4 else str(value)


def _common(*, doc_key: str) -> dict[str, Filter]:
    return {
        "outlet": Filter("Outlet", P.outlet, _outlet_sql, doc=True, display=_outlet_display),
        "document": Filter("Document", P.doc_id, lambda v: (f"{doc_key} = ?", v) if len(v[0]) == 16
                           else (f"{doc_key} LIKE ?", [v[0] + "%"])),
    }


# -- events ---------------------------------------------------------------------------------

def _event_actor_facet(frm: str, where: str, params: list[Any]) -> Clause:
    # each side grouped on its own (an index scan each), then added up
    sql = (f"SELECT facet_value, sum(facet_n) AS facet_n FROM (SELECT e.source AS facet_value, count(*) AS facet_n "
           f"FROM {frm}{where} GROUP BY e.source "
           f"UNION ALL SELECT e.target, count(*) FROM {frm}{where}{' AND' if where else ' WHERE'} e.target <> e.source "
           "GROUP BY e.target) GROUP BY facet_value ORDER BY facet_n DESC, facet_value LIMIT 20")
    return sql, params + params


def _event_row(r: Any) -> dict[str, Any]:
    return {
        "id": r["id"], "document_id": r["document_id"], "document_title": r["title"], "outlet": r["outlet"],
        "document_source": r["document_source"],
        "published": r["published"], "date": r["date"], "source": r["source"], "target": r["target"],
        "type": r["type"], "mode": r["mode"], "negated": bool(r["negated"]), "modality": r["modality"],
        "intensity": r["intensity"], "trigger": r["trigger"], "confidence": r["confidence"],
        "contexts": json.loads(r["contexts"] or "[]"), "start": r["start"], "end": r["end"],
        "sentence": r["sentence"], "url": f"/documents/{r['document_id']}#ev-{r['id']}",
    }


EVENTS = ListKind(
    name="events", title="Events", singular="event",
    base="events e", doc_join=" JOIN documents d ON d.id = e.document_id",
    select=("e.id, e.document_id, e.source, e.target, e.type, e.mode, e.negated, e.modality, e.date, "
            "e.intensity, e.trigger, e.confidence, e.contexts, e.start, e.\"end\", d.title, d.outlet, d.published, "
            "d.source AS document_source, "
            "substr(d.text, e.start + 1, e.\"end\" - e.start) AS sentence"),
    order="e.date DESC, e.id DESC",
    filters={
        "q": Filter("Search", P.search, _fts("events_fts", "e.id")),
        "type": Filter("Type", P.plover_type, _eq("e.type"), multi=True),
        "actor": Filter("Actor", P.code, lambda v: ("(e.source = ? OR e.target = ?)", [v[0], v[0]])),
        "source": Filter("Source actor", lambda v: P.code(v, "source"), _eq("e.source")),
        "target": Filter("Target actor", lambda v: P.code(v, "target"), _eq("e.target")),
        "modality": Filter("Modality", lambda v: P.choice(v, "modality", MODALITIES), _eq("e.modality"), multi=True),
        "negated": Filter("Negated", lambda v: P.choice(v, "negated", YES_NO), _yes_no("e.negated")),
        "month": Filter("Event month", P.month, _month_sql("e.date"), display=_month_display),
        "since": Filter("Since", lambda v: P.date(v, "since"), _since("e.date")),
        "until": Filter("Until", lambda v: P.date(v, "until"), _until("e.date")),
        **_common(doc_key="e.document_id"),
    },
    facets=(
        Facet("type", "Type", "e.type"),
        Facet("actor", "Actor", custom=_event_actor_facet),
        Facet("outlet", "Outlet", custom=lambda frm, where, p: (
            # group by document first (an index scan), then by outlet over those few documents
            f"SELECT d2.outlet AS facet_value, sum(x.n) AS facet_n FROM "
            f"(SELECT e.document_id, count(*) AS n FROM {frm}{where} GROUP BY e.document_id) x "
            "JOIN documents d2 ON d2.id = x.document_id GROUP BY facet_value ORDER BY facet_n DESC, facet_value LIMIT 20", p)),
        Facet("month", "Event month", "substr(e.date, 1, 7)", by_value=True, limit=48),
        Facet("modality", "Modality", "e.modality"),
    ),
    columns=("id", "document_id", "document_title", "outlet", "published", "date", "source", "target", "type",
             "mode", "negated", "modality", "intensity", "trigger", "confidence", "contexts", "start", "end",
             "sentence", "url"),
    row=_event_row,
    search_help="words in the event's sentence",
    key="e.id",
)


# -- quotes ---------------------------------------------------------------------------------

def _quote_row(r: Any) -> dict[str, Any]:
    return {
        "id": r["id"], "document_id": r["document_id"], "document_title": r["title"], "outlet": r["outlet"],
        "document_source": r["document_source"],
        "published": r["published"], "speaker": r["speaker"], "speaker_actor": r["speaker_actor"],
        "direct": bool(r["direct"]), "cue": r["cue"], "text": r["text"], "start": r["start"], "end": r["end"],
        "url": f"/documents/{r['document_id']}#qu-{r['id']}",
    }


QUOTES = ListKind(
    name="quotes", title="Quotes", singular="quote",
    base="quotes q", doc_join=" JOIN documents d ON d.id = q.document_id",
    select="q.*, d.title, d.outlet, d.published, d.source AS document_source",
    order="d.published IS NULL, d.published DESC, q.id DESC",
    filters={
        "q": Filter("Search", P.search, _fts("quotes_fts", "q.id")),
        "actor": Filter("Speaker acts for", P.code, _eq("q.speaker_actor")),
        "direct": Filter("Direct quote", lambda v: P.choice(v, "direct", YES_NO), _yes_no("q.direct")),
        "month": Filter("Published", P.month, _month_sql("d.published"), doc=True, display=_month_display),
        **_common(doc_key="q.document_id"),
    },
    facets=(
        Facet("actor", "Speaker acts for", "q.speaker_actor"),
        Facet("direct", "Direct", "CASE q.direct WHEN 1 THEN 'yes' ELSE 'no' END"),
        Facet("outlet", "Outlet", "d.outlet", doc=True),
        Facet("month", "Published", "substr(d.published, 1, 7)", doc=True, by_value=True, limit=48),
    ),
    columns=("id", "document_id", "document_title", "outlet", "published", "speaker", "speaker_actor", "direct",
             "cue", "text", "start", "end", "url"),
    row=_quote_row,
    search_help="words in the quote or the speaker's name",
)


# -- figures --------------------------------------------------------------------------------

def _figure_actor_sql(values: list[Any]) -> Clause:
    return ("EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = f.document_id AND m.code = ? "
            "AND m.start >= f.sentence_start AND m.start < f.sentence_end)", [values[0]])


def _figure_actor_facet(frm: str, where: str, params: list[Any]) -> Clause:
    return (f"SELECT m.code AS facet_value, count(DISTINCT f.id) AS facet_n FROM {frm} JOIN mentions m "
            "ON m.document_id = f.document_id AND m.start >= f.sentence_start AND m.start < f.sentence_end"
            f"{where} GROUP BY m.code ORDER BY facet_n DESC, facet_value LIMIT 20", params)


def _figure_row(r: Any) -> dict[str, Any]:
    return {
        "id": r["id"], "document_id": r["document_id"], "document_title": r["title"], "outlet": r["outlet"],
        "document_source": r["document_source"],
        "published": r["published"], "raw": r["raw"], "value": r["value"], "value_high": r["value_high"],
        "unit": r["unit"], "qualifier": r["qualifier"], "measure": r["measure"], "period": r["period"],
        "start": r["start"], "end": r["end"], "sentence": r["sentence"],
        "url": f"/documents/{r['document_id']}#fi-{r['id']}",
    }


FIGURES = ListKind(
    name="figures", title="Figures", singular="figure",
    base="figures f", doc_join=" JOIN documents d ON d.id = f.document_id",
    select=("f.*, d.title, d.outlet, d.published, d.source AS document_source, "
            "substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) AS sentence"),
    order="d.published IS NULL, d.published DESC, f.id DESC",
    filters={
        "q": Filter("Search", P.search, _fts("figures_fts", "f.id")),
        "unit": Filter("Unit", lambda v: P.word(v, "unit"), lambda v: ("lower(f.unit) = lower(?)", v)),
        "actor": Filter("Actor in sentence", P.code, _figure_actor_sql),
        "month": Filter("Published", P.month, _month_sql("d.published"), doc=True, display=_month_display),
        **_common(doc_key="f.document_id"),
    },
    facets=(
        Facet("unit", "Unit", "f.unit"),
        Facet("actor", "Actor in sentence", custom=_figure_actor_facet),
        Facet("outlet", "Outlet", "d.outlet", doc=True),
        Facet("month", "Published", "substr(d.published, 1, 7)", doc=True, by_value=True, limit=48),
    ),
    columns=("id", "document_id", "document_title", "outlet", "published", "raw", "value", "value_high", "unit",
             "qualifier", "measure", "period", "start", "end", "sentence", "url"),
    row=_figure_row,
    search_help="words in the figure's sentence or what it measures",
)


# -- documents ------------------------------------------------------------------------------

def _doc_actor_sql(values: list[Any]) -> Clause:
    return "EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = d.id AND m.code = ?)", [values[0]]


def _doc_actor_facet(frm: str, where: str, params: list[Any]) -> Clause:
    return (f"SELECT m.code AS facet_value, count(DISTINCT m.document_id) AS facet_n FROM mentions m "
            f"WHERE m.document_id IN (SELECT d.id FROM {frm}{where}) GROUP BY m.code "
            "ORDER BY facet_n DESC, facet_value LIMIT 20", params)


def _document_row(r: Any) -> dict[str, Any]:
    return {
        "id": r["id"], "title": r["title"], "outlet": r["outlet"], "authors": json.loads(r["authors"] or "[]"),
        "published": r["published"], "published_basis": r["published_basis"], "language": r["language"],
        "source": r["source"], "url": r["url"], "ingested_at": r["ingested_at"], "events": r["n_events"],
        "quotes": r["n_quotes"], "figures": r["n_figures"], "length": r["length"],
        "analysis_skipped": r["analysis_skipped"], "href": f"/documents/{r['id']}",
    }


DOCUMENTS = ListKind(
    name="documents", title="Documents", singular="document",
    base="documents d", doc_join="",
    select=("d.id, d.title, d.outlet, d.authors, d.published, d.published_basis, d.language, d.source, d.url, "
            "d.ingested_at, d.analysis_skipped, length(d.text) AS length, "
            "(SELECT count(*) FROM events e WHERE e.document_id = d.id) AS n_events, "
            "(SELECT count(*) FROM quotes q WHERE q.document_id = d.id) AS n_quotes, "
            "(SELECT count(*) FROM figures f WHERE f.document_id = d.id) AS n_figures"),
    order="d.published IS NULL, d.published DESC, d.ingested_at DESC, d.id",
    filters={
        "q": Filter("Search", P.search, _fts("documents_fts", "d.rowid")),
        "actor": Filter("Mentions actor", P.code, _doc_actor_sql),
        "language": Filter("Language", lambda v: P.word(v, "language"), _eq("d.language")),
        "month": Filter("Published", P.month, _month_sql("d.published"), display=_month_display),
        "outlet": Filter("Outlet", P.outlet, _outlet_sql, display=_outlet_display),
    },
    facets=(
        Facet("outlet", "Outlet", "d.outlet"),
        Facet("actor", "Mentions actor", custom=_doc_actor_facet),
        Facet("month", "Published", "substr(d.published, 1, 7)", by_value=True, limit=48),
        Facet("language", "Language", "d.language"),
    ),
    columns=("id", "title", "outlet", "authors", "published", "published_basis", "language", "source", "url",
             "ingested_at", "events", "quotes", "figures", "length", "analysis_skipped", "href"),
    row=_document_row,
    search_help="words in the title or text",
)

KINDS: dict[str, ListKind] = {k.name: k for k in (EVENTS, QUOTES, FIGURES, DOCUMENTS)}


@dataclass
class Query:
    """Checked filters of one list request."""

    kind: ListKind
    values: dict[str, list[Any]] = field(default_factory=dict)  # checked values per filter
    raw: dict[str, list[str]] = field(default_factory=dict)  # as given, for links
    page: int = 1
    per_page: int = P.PER_PAGE_DEFAULT

    @property
    def search(self) -> P.Search | None:
        v = self.values.get("q")
        return v[0] if v else None

    def clauses(self, *, without: str | None = None) -> tuple[list[str], list[Any], bool]:
        where: list[str] = []
        params: list[Any] = []
        doc = False
        for name, values in self.values.items():
            if name == without:
                continue
            f = self.kind.filters[name]
            sql, p = f.sql(values)
            where.append(sql)
            params += p
            doc = doc or f.doc
        return where, params, doc

    def link(self, **changes: Any) -> str:
        """This list's URL with some parameters changed (None removes one)."""
        from urllib.parse import urlencode

        raw = {k: list(v) for k, v in self.raw.items()}
        raw.pop("page", None)
        for key, value in changes.items():
            if value is None:
                raw.pop(key, None)
            elif isinstance(value, list):
                raw[key] = value
            else:
                raw[key] = [str(value)]
        if "page" in changes and changes["page"] not in (None, 1):
            raw["page"] = [str(changes["page"])]
        else:
            raw.pop("page", None)
        items = [(k, v) for k, vs in raw.items() for v in vs]
        return f"/{self.kind.name}" + ("?" + urlencode(items) if items else "")

    def download(self, fmt: str) -> str:
        from urllib.parse import urlencode

        items = [(k, v) for k, vs in self.raw.items() if k not in ("page", "per_page") for v in vs]
        return f"/{self.kind.name}.{fmt}" + ("?" + urlencode(items) if items else "")

    def chosen(self) -> list[tuple[str, str, str, str]]:
        """(parameter, label, shown value, link without it) for every filter in force."""
        out = []
        for name, values in self.raw.items():
            if name in ("page", "per_page"):
                continue
            f = self.kind.filters[name]
            for value in values:
                rest = [v for v in values if v != value]
                out.append((name, f.label, f.display(value), self.link(**{name: rest or None})))
        return out


def parse_query(kind: ListKind, items: Sequence[tuple[str, str]], *, paged: bool = True) -> Query:
    allowed = set(kind.filters) | ({"page", "per_page"} if paged else set())
    p = P.Params(items, allowed=allowed, multi=[n for n, f in kind.filters.items() if f.multi])
    query = Query(kind)
    for name, values in p.values.items():
        if name in ("page", "per_page"):
            continue
        query.raw[name] = list(values)
        checked = [kind.filters[name].check(v) for v in values]
        query.values[name] = [c for c in checked if c is not None]
        if not query.values[name]:
            del query.values[name]
    if paged:
        if (v := p.get("page")) is not None:
            query.page = P.positive_int(v, "page", maximum=P.MAX_PAGE)
            query.raw["page"] = [v]
        if (v := p.get("per_page")) is not None:
            query.per_page = int(P.choice(v, "per_page", [str(c) for c in P.PER_PAGE_CHOICES]))
            query.raw["per_page"] = [v]
    return query


def _from(kind: ListKind, doc: bool) -> str:
    return kind.base + (kind.doc_join if doc else "")


def _where(where: list[str]) -> str:
    return " WHERE " + " AND ".join(f"({w})" for w in where) if where else ""


@dataclass
class Page:
    rows: list[dict[str, Any]]
    total: int
    pages: int
    facets: list[dict[str, Any]]


def run_list(store: Store, query: Query, *, with_facets: bool = True) -> Page:
    kind = query.kind
    where, params, doc = query.clauses()
    total = store.execute(f"SELECT count(*) FROM {_from(kind, doc)}{_where(where)}", params)[0][0]
    pages = max(1, -(-total // query.per_page))
    offset = (query.page - 1) * query.per_page
    if kind.key:
        keys = [r[0] for r in store.execute(
            f"SELECT {kind.key} FROM {_from(kind, doc)}{_where(where)} ORDER BY {kind.order} LIMIT ? OFFSET ?",
            params + [query.per_page, offset])]
        rows = store.execute(
            f"SELECT {kind.select} FROM {_from(kind, True)} WHERE {kind.key} IN ({','.join('?' * len(keys))}) "
            f"ORDER BY {kind.order}", keys) if keys else []
    else:
        rows = store.execute(
            f"SELECT {kind.select} FROM {_from(kind, True)}{_where(where)} ORDER BY {kind.order} LIMIT ? OFFSET ?",
            params + [query.per_page, offset])
    out_rows = [kind.row(r) for r in rows]
    facets = facet_counts(store, query) if with_facets else []
    return Page(out_rows, total, pages, facets)


def facet_counts(store: Store, query: Query) -> list[dict[str, Any]]:
    kind = query.kind
    out = []
    for facet in kind.facets:
        where, params, doc = query.clauses(without=facet.param)
        doc = doc or facet.doc
        frm, wh = _from(kind, doc), _where(where)
        if facet.custom:
            sql, p = facet.custom(frm, wh, params)
        else:
            # not "value" or "n": a table's own column of that name (figures.value) would win in GROUP BY
            order = "facet_value DESC" if facet.by_value else "facet_n DESC, facet_value"
            sql = (f"SELECT {facet.expr} AS facet_value, count(*) AS facet_n FROM {frm}{wh} GROUP BY facet_value "
                   f"ORDER BY {order} LIMIT {int(facet.limit)}")
            p = params
        chosen = set(query.raw.get(facet.param, []))
        f = kind.filters[facet.param]
        values = []
        for r in store.execute(sql, p):
            value = r["facet_value"]
            if facet.param == "outlet" and value is None:
                key = P.NO_OUTLET
            elif facet.param == "month" and value is None:
                key = P.UNDATED
            elif value is None:
                continue  # e.g. quotes by nobody in particular
            else:
                key = str(value)
            selected = key in chosen
            if f.multi:
                current = query.raw.get(facet.param, [])
                new = [v for v in current if v != key] if selected else current + [key]
                href = query.link(**{facet.param: new or None})
            else:
                href = query.link(**{facet.param: None if selected else key})
            values.append({"value": key, "label": f.display(key), "count": r["facet_n"], "selected": selected,
                           "href": href})
        out.append({"param": facet.param, "label": facet.label, "options": values})
    return out


def iter_rows(store: Store, query: Query, *, chunk: int = 500) -> Iterator[dict[str, Any]]:
    """Every row matching the query (all pages), in list order."""
    kind = query.kind
    where, params, _doc = query.clauses()
    cur = store.conn.execute(f"SELECT {kind.select} FROM {_from(kind, True)}{_where(where)} ORDER BY {kind.order}",
                             params)
    while True:
        batch = cur.fetchmany(chunk)
        if not batch:
            break
        for r in batch:
            yield kind.row(r)
