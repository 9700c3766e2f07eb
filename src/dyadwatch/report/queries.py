"""Queries over the store that the CLI, reports and notebooks share (read-only): kept in
``dyadwatch.store.queries``, with the checks their inputs pass, the dashboard's too; named here
too, where reports and notebooks have read them."""

from dyadwatch.store.queries import (
    PLOVER_TYPES, ClaimItem, EventItem, FigureItem, QuoteItem, check_code, check_date, list_claims, list_events,
    list_figures, list_quotes,
)

__all__ = ["PLOVER_TYPES", "ClaimItem", "EventItem", "FigureItem", "QuoteItem", "check_code", "check_date",
           "list_claims", "list_events", "list_figures", "list_quotes"]
