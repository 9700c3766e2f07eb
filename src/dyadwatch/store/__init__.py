"""The SQLite store: one writer, named migrations, every document written in one transaction."""

from dyadwatch.store.store import Store, open_store

__all__ = ["Store", "open_store"]
