"""Searchable, filterable, paginated lists of events, quotes, figures and documents.

The lists' SQL is the store's (``dyadwatch.store.queries.lists``, shared with the CLI); here one
``ListKind`` per list adds what the dashboard shows: each filter's label, the check its
query-string value passes and how a chosen value is shown, the facets' labels, which columns a
download has and the row each typed view becomes. ``run_list`` turns checked parameters into one
page of rows, a total and facet counts; ``iter_rows`` streams every matching row for downloads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from dyadwatch.dictionaries.plover import codebook
from dyadwatch.store import Store
from dyadwatch.store.queries import (
    DocumentItem, EventItem, FigureItem, ListSpec, QuoteItem, count_items, iter_items, page_items,
)
from dyadwatch.store.queries import facet_counts as store_facet_counts
from dyadwatch.store.queries.lists import DOCUMENTS as DOCUMENT_LIST
from dyadwatch.store.queries.lists import EVENTS as EVENT_LIST
from dyadwatch.store.queries.lists import FIGURES as FIGURE_LIST
from dyadwatch.store.queries.lists import QUOTES as QUOTE_LIST
from dyadwatch.web import params as P

MODALITIES = codebook().modalities
YES_NO = ("yes", "no")


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Filter:
    """One query-string filter: its label, how to check a value and how a chosen value is shown;
    its SQL is the store list's filter of the same name."""

    label: str
    check: Callable[[str], Any]
    multi: bool = False
    display: Callable[[Any], str] = str
    #: the checked value as the store's filter takes it
    value: Callable[[Any], Any] = _same


@dataclass(frozen=True)
class ListKind:
    name: str
    title: str
    singular: str
    spec: ListSpec[Any]
    filters: dict[str, Filter]
    facets: dict[str, str]  # facet parameter -> label
    columns: tuple[str, ...]  # download columns, in order
    row: Callable[[Any], dict[str, Any]]
    search_help: str = ""


def _outlet_display(value: Any) -> str:
    return "(not stated)" if value in (None, P.NO_OUTLET) else str(value)


def _month_display(value: Any) -> str:
    if value in (None, P.UNDATED):
        return "undated"
    return f"{value} (year only)" if len(str(value)) == 4 else str(value)


def _search() -> Filter:
    return Filter("Search", P.search, value=lambda s: s.fts())


def _common() -> dict[str, Filter]:
    return {
        "outlet": Filter("Outlet", P.outlet, display=_outlet_display),
        "document": Filter("Document", P.doc_id),
    }


def _fields(item: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(item, name) for name in names}


# -- events ---------------------------------------------------------------------------------

_EVENT_FIELDS = ("id", "document_id", "document_title", "outlet", "document_source", "published", "date", "source",
                 "target", "type", "mode", "negated", "modality", "intensity", "trigger", "confidence", "contexts",
                 "start", "end", "sentence")


def _event_row(item: EventItem) -> dict[str, Any]:
    return {**_fields(item, _EVENT_FIELDS), "url": f"/documents/{item.document_id}#ev-{item.id}"}


EVENTS = ListKind(
    name="events", title="Events", singular="event", spec=EVENT_LIST,
    filters={
        "q": _search(),
        "type": Filter("Type", P.plover_type, multi=True),
        "actor": Filter("Actor", P.code),
        "source": Filter("Source actor", lambda v: P.code(v, "source")),
        "target": Filter("Target actor", lambda v: P.code(v, "target")),
        "modality": Filter("Modality", lambda v: P.choice(v, "modality", MODALITIES), multi=True),
        "negated": Filter("Negated", lambda v: P.choice(v, "negated", YES_NO)),
        "month": Filter("Event month", P.month, display=_month_display),
        "since": Filter("Since", lambda v: P.date(v, "since")),
        "until": Filter("Until", lambda v: P.date(v, "until")),
        **_common(),
    },
    facets={"type": "Type", "actor": "Actor", "outlet": "Outlet", "month": "Event month", "modality": "Modality"},
    columns=("id", "document_id", "document_title", "outlet", "published", "date", "source", "target", "type",
             "mode", "negated", "modality", "intensity", "trigger", "confidence", "contexts", "start", "end",
             "sentence", "url"),
    row=_event_row,
    search_help="words in the event's sentence",
)


# -- quotes ---------------------------------------------------------------------------------

_QUOTE_FIELDS = ("id", "document_id", "document_title", "outlet", "document_source", "published", "speaker",
                 "speaker_actor", "direct", "cue", "text", "start", "end")


def _quote_row(item: QuoteItem) -> dict[str, Any]:
    return {**_fields(item, _QUOTE_FIELDS), "url": f"/documents/{item.document_id}#qu-{item.id}"}


QUOTES = ListKind(
    name="quotes", title="Quotes", singular="quote", spec=QUOTE_LIST,
    filters={
        "q": _search(),
        "actor": Filter("Speaker acts for", P.code),
        "direct": Filter("Direct quote", lambda v: P.choice(v, "direct", YES_NO)),
        "month": Filter("Published", P.month, display=_month_display),
        **_common(),
    },
    facets={"actor": "Speaker acts for", "direct": "Direct", "outlet": "Outlet", "month": "Published"},
    columns=("id", "document_id", "document_title", "outlet", "published", "speaker", "speaker_actor", "direct",
             "cue", "text", "start", "end", "url"),
    row=_quote_row,
    search_help="words in the quote or the speaker's name",
)


# -- figures --------------------------------------------------------------------------------

_FIGURE_FIELDS = ("id", "document_id", "document_title", "outlet", "document_source", "published", "raw", "value",
                  "value_high", "unit", "qualifier", "measure", "period", "start", "end", "sentence")


def _figure_row(item: FigureItem) -> dict[str, Any]:
    return {**_fields(item, _FIGURE_FIELDS), "url": f"/documents/{item.document_id}#fi-{item.id}"}


FIGURES = ListKind(
    name="figures", title="Figures", singular="figure", spec=FIGURE_LIST,
    filters={
        "q": _search(),
        "unit": Filter("Unit", lambda v: P.word(v, "unit")),
        "actor": Filter("Actor in sentence", P.code),
        "month": Filter("Published", P.month, display=_month_display),
        **_common(),
    },
    facets={"unit": "Unit", "actor": "Actor in sentence", "outlet": "Outlet", "month": "Published"},
    columns=("id", "document_id", "document_title", "outlet", "published", "raw", "value", "value_high", "unit",
             "qualifier", "measure", "period", "start", "end", "sentence", "url"),
    row=_figure_row,
    search_help="words in the figure's sentence or what it measures",
)


# -- documents ------------------------------------------------------------------------------

def _document_row(item: DocumentItem) -> dict[str, Any]:
    return {**item.as_dict(), "href": f"/documents/{item.id}"}


DOCUMENTS = ListKind(
    name="documents", title="Documents", singular="document", spec=DOCUMENT_LIST,
    filters={
        "q": _search(),
        "actor": Filter("Mentions actor", P.code),
        "language": Filter("Language", lambda v: P.word(v, "language")),
        "month": Filter("Published", P.month, display=_month_display),
        "outlet": Filter("Outlet", P.outlet, display=_outlet_display),
    },
    facets={"outlet": "Outlet", "actor": "Mentions actor", "month": "Published", "language": "Language"},
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

    def filters(self) -> dict[str, list[Any]]:
        """The checked values as the store's list filters take them."""
        return {name: [self.kind.filters[name].value(v) for v in values] for name, values in self.values.items()}

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


@dataclass
class Page:
    rows: list[dict[str, Any]]
    total: int
    pages: int
    facets: list[dict[str, Any]]


def run_list(store: Store, query: Query, *, with_facets: bool = True) -> Page:
    kind = query.kind
    filters = query.filters()
    total = count_items(store, kind.spec, filters)
    pages = max(1, -(-total // query.per_page))
    items = page_items(store, kind.spec, filters, page=query.page, per_page=query.per_page)
    facets = facet_counts(store, query) if with_facets else []
    return Page([kind.row(item) for item in items], total, pages, facets)


def facet_counts(store: Store, query: Query) -> list[dict[str, Any]]:
    kind = query.kind
    out = []
    for facet, counts in store_facet_counts(store, kind.spec, query.filters()):
        chosen = set(query.raw.get(facet.param, []))
        f = kind.filters[facet.param]
        values = []
        for value, n in counts:
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
            values.append({"value": key, "label": f.display(key), "count": n, "selected": selected, "href": href})
        out.append({"param": facet.param, "label": kind.facets[facet.param], "options": values})
    return out


def iter_rows(store: Store, query: Query, *, chunk: int = 500) -> Iterator[dict[str, Any]]:
    """Every row matching the query (all pages), in list order."""
    for item in iter_items(store, query.kind.spec, query.filters(), chunk=chunk):
        yield query.kind.row(item)
