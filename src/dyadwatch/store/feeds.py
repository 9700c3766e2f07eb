"""What the store remembers of fetched URLs and polled feeds (tables of migration m004_feeds).

Functions over a :class:`~dyadwatch.store.Store`'s own write connection, each write in one
``BEGIN IMMEDIATE`` transaction like the store's. The ordering that makes a watch restartable
is the caller's (``dyadwatch.jobs.remote``): a document is committed first, then its item is marked
done; a feed's validators are saved last.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyadwatch.store.migrations import now
from dyadwatch.store.store import Store


@dataclass(frozen=True)
class FeedRecord:
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    last_polled: str | None
    last_status: str | None


@dataclass(frozen=True)
class ItemRecord:
    key: str
    link: str | None
    done: bool
    attempts: int
    document_id: str | None


def document_for_url(store: Store, url: str) -> str | None:
    """The id of the document stored under this canonical URL, or ingested from it as given."""
    row = store.conn.execute("SELECT id FROM documents WHERE url = ? ORDER BY rowid LIMIT 1", (url,)).fetchone()
    if row is None:
        row = store.conn.execute("SELECT document_id FROM document_sources WHERE source = ? LIMIT 1",
                                 (url,)).fetchone()
    return row[0] if row else None


def add_source(store: Store, document_id: str, source: str) -> None:
    """Record that a stored document was also found at ``source`` (another URL of it)."""
    _write(store, "INSERT OR IGNORE INTO document_sources (document_id, source, first_seen) VALUES (?, ?, ?)",
           (document_id, source, now()))


def feed_record(store: Store, url: str) -> FeedRecord | None:
    row = store.conn.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
    if row is None:
        return None
    return FeedRecord(row["url"], row["title"], row["etag"], row["last_modified"], row["last_polled"],
                      row["last_status"])


def save_feed(store: Store, url: str, *, title: str | None = None, status: str,
              validators: tuple[str | None, str | None] | None = None) -> None:
    """Record a poll of ``url``. ``validators`` (ETag, Last-Modified) replace the stored ones only
    when given: only once every item of that response has been handled."""
    conn = store.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (url,))
        conn.execute("UPDATE feeds SET title = coalesce(?, title), last_polled = ?, last_status = ? WHERE url = ?",
                     (title, now(), status, url))
        if validators is not None:
            conn.execute("UPDATE feeds SET etag = ?, last_modified = ? WHERE url = ?", (*validators, url))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def item_record(store: Store, feed_url: str, key: str) -> ItemRecord | None:
    row = store.conn.execute("SELECT * FROM feed_items WHERE feed_url = ? AND item_key = ?",
                             (feed_url, key)).fetchone()
    if row is None:
        return None
    return ItemRecord(row["item_key"], row["link"], row["done_at"] is not None, row["attempts"], row["document_id"])


def pending_items(store: Store, feed_url: str, *, max_attempts: int) -> list[ItemRecord]:
    """Items seen but not yet stored, with fewer than ``max_attempts`` failed attempts."""
    rows = store.conn.execute(
        "SELECT * FROM feed_items WHERE feed_url = ? AND done_at IS NULL AND attempts < ? ORDER BY first_seen, rowid",
        (feed_url, max_attempts)).fetchall()
    return [ItemRecord(r["item_key"], r["link"], False, r["attempts"], r["document_id"]) for r in rows]


def mark_item_done(store: Store, feed_url: str, key: str, *, link: str | None, document_id: str | None) -> None:
    """The item's document is stored (commit that first): it is not fetched again."""
    stamp = now()
    _write(store, "INSERT INTO feed_items (feed_url, item_key, link, first_seen, document_id, done_at) "
                  "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (feed_url, item_key) DO UPDATE SET "
                  "document_id = excluded.document_id, done_at = excluded.done_at, link = excluded.link, "
                  "last_error = NULL",
           (feed_url, key, link, stamp, document_id, stamp), ensure_feed=feed_url)


def mark_item_failed(store: Store, feed_url: str, key: str, *, link: str | None, error: str,
                     give_up_after: int | None) -> int:
    """Count a failed attempt; after ``give_up_after`` of them (None: never) the item is done.

    RETURNS (int): the attempts so far.
    """
    conn = store.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (feed_url,))
        conn.execute(
            "INSERT INTO feed_items (feed_url, item_key, link, first_seen, attempts, last_error) "
            "VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (feed_url, item_key) DO UPDATE SET "
            "attempts = attempts + 1, last_error = excluded.last_error, link = excluded.link",
            (feed_url, key, link, now(), error))
        attempts = conn.execute("SELECT attempts FROM feed_items WHERE feed_url = ? AND item_key = ?",
                                (feed_url, key)).fetchone()[0]
        if give_up_after is not None and attempts >= give_up_after:
            conn.execute("UPDATE feed_items SET done_at = ? WHERE feed_url = ? AND item_key = ?",
                         (now(), feed_url, key))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return int(attempts)


def _write(store: Store, sql: str, params: tuple[object, ...], *, ensure_feed: str | None = None) -> None:
    conn = store.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        if ensure_feed is not None:
            conn.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (ensure_feed,))
        conn.execute(sql, params)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
