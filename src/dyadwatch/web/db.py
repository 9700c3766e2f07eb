"""Read-only connections for the dashboard.

The dashboard never writes. It keeps a few ``Store(path, readonly=True)`` connections
(``mode=ro``) in a pool; each request borrows one and runs all its queries inside one read
transaction, so a page is one consistent snapshot even while ``dyadwatch ingest`` writes to
the same file (SQLite's WAL mode lets readers and one writer run at once).
"""

from __future__ import annotations

import os
import queue
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

from dyadwatch.store import Store

SEARCH_TABLES = ("documents_fts", "events_fts", "figures_fts", "quotes_fts")


class ReadPool:
    """A small pool of read-only stores over one database file.

    path: the database; it must exist (the dashboard creates nothing).
    size: most connections kept open; more are opened under load and closed after use.
    """

    def __init__(self, path: str | Path, *, size: int = 4) -> None:
        self.path = str(path)
        self.size = size
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self._lock = threading.Lock()
        self._closed = False
        self._cache: OrderedDict[Any, tuple[tuple[int, ...], Any]] = OrderedDict()
        self.cache_size = 32
        # open one now, so a missing or foreign file fails at start-up, not on the first page
        self._idle.put(Store(self.path, readonly=True))

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """A read-only store holding an open read transaction for the duration of the block."""
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            store = Store(self.path, readonly=True)
        store.conn.execute("BEGIN")
        try:
            yield store
        finally:
            try:
                store.conn.execute("ROLLBACK")
            except Exception:  # noqa: BLE001 - a broken connection is dropped, not reused
                store.close()
            else:
                with self._lock:
                    keep = not self._closed and self._idle.qsize() < self.size
                if keep:
                    self._idle.put(store)
                else:
                    store.close()

    def fingerprint(self) -> tuple[int, ...]:
        """Changes whenever a writer commits (the WAL file grows) or checkpoints (the file changes)."""
        out: list[int] = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(self.path + suffix)
            except FileNotFoundError:
                out += [0, 0]
            else:
                out += [st.st_mtime_ns, st.st_size]
        return tuple(out)

    def cached(self, key: Any, compute: Callable[[], T]) -> T:
        """``compute()``, or its result from an earlier call with the same key while the
        database has not changed since. For pages that are costly to build (the dyad report)."""
        stamp = self.fingerprint()  # taken before reading: a write during compute invalidates it
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == stamp:
                self._cache.move_to_end(key)
                return hit[1]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            self._cache[key] = (stamp, value)
            self._cache.move_to_end(key)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return value

    def has_search(self, store: Store) -> bool:
        """Whether the database has the full-text tables (migration m003_search)."""
        rows = store.execute(
            f"SELECT count(*) FROM sqlite_master WHERE name IN ({','.join('?' * len(SEARCH_TABLES))})",
            SEARCH_TABLES)
        return rows[0][0] == len(SEARCH_TABLES)

    def close(self) -> None:
        with self._lock:
            self._closed = True
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                break
