"""Counts over the whole store (``dyadwatch stats``); the per-table counts are ``Store.counts``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dyadwatch.store.store import Store

__all__ = ["SEARCH_TABLES", "has_search_tables", "language_counts"]

#: the full-text tables of migration m003_search
SEARCH_TABLES = ("documents_fts", "events_fts", "figures_fts", "quotes_fts")


def language_counts(store: Store) -> dict[str, int]:
    """Documents per language, most first ("unknown" for documents without one)."""
    return {r[0] or "unknown": r[1] for r in store.execute(
        "SELECT language, count(*) FROM documents GROUP BY language ORDER BY count(*) DESC")}


def has_search_tables(store: Store) -> bool:
    """Whether the database has the full-text tables (migration m003_search)."""
    rows = store.execute(
        f"SELECT count(*) FROM sqlite_master WHERE name IN ({','.join('?' * len(SEARCH_TABLES))})", SEARCH_TABLES)
    return bool(rows[0][0] == len(SEARCH_TABLES))
