"""The read side of the store: every read query the CLI, reports, the dashboard and notebooks
share, returning typed views, and the checks every value passes before it reaches one.

- ``checks``: one set of input checks (``check_code`` …, raising ``InvalidInput``), so a value
  the CLI takes is one the dashboard takes;
- ``items``: the typed views of the lists (``EventItem``, ``QuoteItem``, ``FigureItem``,
  ``ClaimItem``, ``DocumentItem``);
- ``relations``: agreements and contradictions between sources (``RelationItem``);
- ``stats``: counts over the whole store;
- ``compare``: what compare reads (the texts as a stream, the copies' indexes, the events stories
  are linked from, one document's claim rows), imported by compare on use;
- ``lists``: the lists' SQL, written once (``ListSpec``), run for the CLI (``list_events`` …)
  and for the dashboard's pages, facets and downloads.
"""

from __future__ import annotations

from dyadwatch.store.queries.checks import (
    NO_OUTLET, PLOVER_TYPES, UNDATED, InvalidInput, check_choice, check_code, check_date, check_month, check_type,
    date_bounds,
)
from dyadwatch.store.queries.items import ClaimItem, DocumentItem, EventItem, FigureItem, QuoteItem
from dyadwatch.store.queries.relations import RELATIONS, RelationItem, list_relations
from dyadwatch.store.queries.stats import SEARCH_TABLES, has_search_tables, language_counts
from dyadwatch.store.queries.lists import (
    LISTS, ListSpec, count_items, facet_counts, iter_items, list_claims, list_events, list_figures, list_quotes,
    page_items, select_items,
)

__all__ = ["LISTS", "NO_OUTLET", "PLOVER_TYPES", "RELATIONS", "UNDATED", "ClaimItem", "DocumentItem", "EventItem",
           "FigureItem", "InvalidInput", "ListSpec", "QuoteItem", "RelationItem", "check_choice", "check_code",
           "check_date", "check_month", "check_type", "count_items", "date_bounds", "facet_counts", "iter_items",
           "SEARCH_TABLES", "has_search_tables", "language_counts", "list_claims", "list_events", "list_figures", "list_quotes", "list_relations",
           "page_items", "select_items"]
