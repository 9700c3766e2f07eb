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
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from dyadwatch.store import Store

T = TypeVar("T")


#: entries kept per cache: dyad reports are large (a few MB for a pair with 10,000 events),
#: facet counts small, rendered pages (``page``) and downloads (``download``) bounded by their
#: bytes as well
CACHE_SIZES = {"dyad": 16, "facets": 128, "page": 1024, "download": 64}
#: bytes of rendered pages and of downloads kept per worker process (a page is 10 kB to about
#: 1 MB; a download is kept only up to ``DOWNLOAD_KEEP_BYTES``)
CACHE_BYTES = {"page": 32 * 1024 * 1024, "download": 32 * 1024 * 1024}
#: a CSV/JSON download at most this large is kept in memory once streamed whole; larger ones are
#: streamed from the database on every request (a filtered download of a few thousand rows is
#: about 0.4 MB and takes the server 100 ms of CPU to write, 150 times a kept page)
DOWNLOAD_KEEP_BYTES = 4 * 1024 * 1024


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
        self._caches: dict[str, OrderedDict[tuple[Any, ...], tuple[tuple[int, ...], Any]]] = {}
        # open one now, so a missing or foreign file fails at start-up, not on the first page
        self._idle.put(Store(self.path, readonly=True))
        #: a connection of its own for ``PRAGMA data_version``, which changes whenever another
        #: connection commits (this process never writes)
        self._watch = Store(self.path, readonly=True)
        self._watch_lock = threading.Lock()

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
        """Changes whenever a writer commits: SQLite's ``data_version`` as one connection sees it,
        and the size and modification time of the file and its WAL (which alone can miss a
        commit: a WAL rewritten from its start after a checkpoint keeps its size, and two
        commits may fall within one tick of the file system's clock)."""
        with self._watch_lock:
            out: list[int] = [self._watch.data_version()]
        for suffix in ("", "-wal"):
            try:
                st = os.stat(self.path + suffix)
            except FileNotFoundError:
                out += [0, 0]
            else:
                out += [st.st_mtime_ns, st.st_size]
        return tuple(out)

    def cached(self, key: tuple[Any, ...], compute: Callable[[], T], *, stamp: tuple[int, ...] | None = None) -> T:
        """``compute()``, or its result from an earlier call with the same key while the
        database has not changed since. For pages that are costly to build (the dyad report,
        a list's facet counts).

        key: its first item names the cache (``"dyad"``, ``"facets"``, ``"page"``), which has its own
        size (``CACHE_SIZES``; for ``"page"``, whose values are bytes, ``CACHE_BYTES`` too).
        stamp: the fingerprint taken before the snapshot ``compute`` reads was opened, when that
        happened before this call; by default it is taken now. A write that commits while
        ``compute`` runs makes the stored result stale, never a stale result look current.
        """
        stamp = self.fingerprint() if stamp is None else stamp
        hit = self.lookup(key, stamp)
        if hit is not None:
            return hit[0]
        value = compute()
        self.keep(key, value, stamp)
        return value

    def lookup(self, key: tuple[Any, ...], stamp: tuple[int, ...]) -> tuple[Any] | None:
        """``(value,)`` kept under ``key`` for the database as ``stamp`` saw it, else None."""
        with self._lock:
            cache = self._caches.get(key[0])
            hit = cache.get(key) if cache is not None else None
            if cache is not None and hit is not None and hit[0] == stamp:
                cache.move_to_end(key)
                return (hit[1],)
        return None

    def keep(self, key: tuple[Any, ...], value: Any, stamp: tuple[int, ...]) -> None:
        """Keep ``value`` under ``key`` for the database as ``stamp`` (taken before the snapshot
        ``value`` was read from was opened) saw it; the cache's oldest entries make room."""
        with self._lock:
            cache = self._caches.setdefault(key[0], OrderedDict())
            cache[key] = (stamp, value)
            cache.move_to_end(key)
            while len(cache) > CACHE_SIZES.get(key[0], 32):
                cache.popitem(last=False)
            limit = CACHE_BYTES.get(key[0])
            if limit is not None:
                held = sum(len(v) for _, v in cache.values())
                while held > limit and len(cache) > 1:
                    held -= len(cache.popitem(last=False)[1][1])

    def cached_keys(self, name: str) -> list[tuple[Any, ...]]:
        """Keys held in one cache, most recently used last (fresh or stale)."""
        with self._lock:
            return list(self._caches.get(name, {}))

    def is_fresh(self, key: tuple[Any, ...], stamp: tuple[int, ...]) -> bool:
        with self._lock:
            hit = self._caches.get(key[0], OrderedDict()).get(key)
            return hit is not None and hit[0] == stamp

    def clear_cache(self) -> None:
        with self._lock:
            self._caches.clear()

    def close(self) -> None:
        with self._lock:
            self._closed = True
        with self._watch_lock:
            self._watch.close()
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                break


class Warmer:
    """Rebuilds the costliest pages in a background thread, so visitors get them from memory.

    The dyad report reads every event of a pair: about 0.3 s for a pair with 10,000 events, too
    slow to build on each visit. Once when the app starts, and again whenever the database has
    changed and then stayed unchanged for ``quiet`` seconds (an ingest has finished, or pauses),
    the warmer calls every job ``jobs()`` returns (each fills a cache entry through
    ``ReadPool.cached``). While writes keep coming, nothing is rebuilt in the background: a page
    asked for then is built on the request, from the database as it is.

    pool: the app's read pool. jobs: returns the callables to run, costliest first.
    """

    def __init__(self, pool: ReadPool, jobs: Callable[[], list[Callable[[], Any]]], *, quiet: float = 2.0,
                 poll: float = 0.5) -> None:
        self.pool = pool
        self.jobs = jobs
        self.quiet = quiet
        self.poll = poll
        self.rounds = 0  # completed rounds, for tests and the benchmark
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._thread: threading.Thread | None = None
        self.log: Callable[[str], None] = lambda message: None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="dyadwatch-warmer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Block until the warmer has finished a round for the database as it is now."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._idle.wait(min(self.poll, max(0.0, deadline - time.monotonic()))):
                return True
        return False

    def _run(self) -> None:
        done: tuple[int, ...] | None = None  # the fingerprint the last complete round was built for
        seen, seen_at = self.pool.fingerprint(), 0.0  # first round: no need to wait for quiet
        while not self._stop.is_set():
            stamp = self.pool.fingerprint()
            if stamp == done:
                self._idle.set()
            else:
                self._idle.clear()
                if stamp != seen:
                    seen, seen_at = stamp, time.monotonic()
                elif time.monotonic() - seen_at >= self.quiet:
                    if self._round(stamp):
                        done = stamp
                        self.rounds += 1
                        continue  # check at once whether the database changed meanwhile
            self._stop.wait(self.poll)

    def _round(self, stamp: tuple[int, ...]) -> bool:
        """Run every job for the database as it is; False when it changed (or the app stops)
        before the round was done. A job that fails only means a slower first visit to its
        page: it is logged, and not retried until the database changes again."""
        try:
            jobs = self.jobs()
        except Exception as exc:  # noqa: BLE001
            self.log(f"dyadwatch dashboard: could not list the pages to build in the background: {exc!r}")
            return True
        for job in jobs:
            if self._stop.is_set() or self.pool.fingerprint() != stamp:
                return False
            try:
                job()
            except Exception as exc:  # noqa: BLE001
                self.log(f"dyadwatch dashboard: building a page in the background failed: {exc!r}")
        return True
