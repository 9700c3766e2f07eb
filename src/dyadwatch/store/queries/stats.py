"""Counts over the whole store (``dyadwatch stats``); the per-table counts are ``Store.counts``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dyadwatch.store.store import Store

__all__ = ["language_counts"]


def language_counts(store: Store) -> dict[str, int]:
    """Documents per language, most first ("unknown" for documents without one)."""
    return {r[0] or "unknown": r[1] for r in store.execute(
        "SELECT language, count(*) FROM documents GROUP BY language ORDER BY count(*) DESC")}
