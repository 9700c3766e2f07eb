"""The SQLite store: one writer, named migrations, every document written in one transaction.

``Store`` is imported on first use, so that ``dyadwatch.store.schema`` (the declaration of the
stored tables, which the Parquet tables of ``dyadwatch batch`` follow) can be read on a batch
worker without loading the code that opens and migrates a database there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dyadwatch.store.store import Store, open_store

__all__ = ["Store", "open_store"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from dyadwatch.store import store

        return getattr(store, name)
    raise AttributeError(f"module 'dyadwatch.store' has no attribute '{name}'")
