"""SQLite store.

One ``Store`` object owns the only write connection of a process. A document and everything
analysed from it are written in one ``BEGIN IMMEDIATE`` transaction, so an interrupted ingest
leaves either the whole document or nothing, and can simply be run again.

The file is a plain SQLite database in WAL mode, readable as it is by Datasette, DuckDB or
``sqlite3``. It is marked with an application id, so dyadwatch refuses to migrate a database
it did not create, and it records every migration it applied, so an older dyadwatch refuses
a database written by a newer one instead of corrupting it.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from dyadwatch.errors import Errors, NotADyadwatchDatabase, SchemaTooNew, StoreError
from dyadwatch.records import Analysis, Document, Relation
from dyadwatch.store import schema
from dyadwatch.store.migrations import APPLICATION_ID, MIGRATIONS, now
from dyadwatch.store.ledger import LEDGER_FROM, refresh_ledgers
from dyadwatch.store.terms import fill_event_terms

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS_TABLE = "_dyadwatch_migrations"
#: seconds a writer or reader waits for a lock before giving up
BUSY_TIMEOUT = 30.0

ANALYSIS_TABLES = tuple(t.name for t in schema.ANALYSIS.values())


def open_store(path: str | os.PathLike[str], *, readonly: bool = False) -> Store:
    """Open (creating and migrating if needed) the dyadwatch database at ``path``."""
    return Store(path, readonly=readonly)


class Store:
    """A dyadwatch SQLite database.

    path: the database file; created with the current schema if it does not exist.
    readonly: open with ``mode=ro``; never creates or migrates.
    memory: an in-memory database, for tests and notebooks.
    """

    def __init__(self, path: str | os.PathLike[str] = ":memory:", *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        self._column_cache: dict[str, frozenset[str]] = {}
        memory = self.path == ":memory:"
        if not memory:
            self._check_file()
        try:
            if readonly:
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT,
                                            isolation_level=None, check_same_thread=False)
            else:
                if not memory:
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None,
                                            check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(Errors.DW304.format(path=self.path, reason=exc)) from exc
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._check_identity()
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self.migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise NotADyadwatchDatabase(Errors.DW301.format(path=self.path, reason=exc)) from exc

    # -- opening -------------------------------------------------------------------------

    def _check_file(self) -> None:
        p = Path(self.path)
        if p.is_dir():
            raise NotADyadwatchDatabase(Errors.DW301.format(path=self.path, reason="it is a directory"))
        if not p.exists():
            if self.readonly:
                raise StoreError(Errors.DW304.format(
                    path=self.path, reason="no such file; ingest something first"))
            return
        if p.stat().st_size == 0:
            return
        with p.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
        if head != SQLITE_HEADER:
            raise NotADyadwatchDatabase(Errors.DW301.format(path=self.path, reason="not an SQLite file"))

    def _check_identity(self) -> None:
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id == APPLICATION_ID:
            if MIGRATIONS_TABLE in tables:
                known = {name for name, _ in MIGRATIONS}
                applied = [r[0] for r in self.conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE}")]
                unknown = [n for n in applied if n not in known]
                if unknown:
                    raise SchemaTooNew(Errors.DW302.format(path=self.path, names=", ".join(unknown)))
            return
        if app_id != 0:
            raise NotADyadwatchDatabase(Errors.DW301.format(
                path=self.path, reason=f"SQLite application id {app_id:#x} belongs to another program"))
        user_tables = {t for t in tables if not t.startswith("sqlite_")}
        if user_tables:
            shown = ", ".join(sorted(user_tables)[:5])
            raise NotADyadwatchDatabase(Errors.DW301.format(
                path=self.path, reason=f"it already holds other tables: {shown}"))

    @contextmanager
    def _immediate(self) -> Iterator[None]:
        """One write transaction (``BEGIN IMMEDIATE``): committed when the block ends, rolled back
        (and the error raised again) when it raises, interrupts included."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def migrate(self) -> list[str]:
        """Apply pending migrations, each in its own transaction. Returns the names applied."""
        conn = self.conn
        with self._immediate():
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(
                f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
        applied_now = []
        for name, fn in MIGRATIONS:
            conn.execute("BEGIN IMMEDIATE")
            try:
                done = conn.execute(f"SELECT 1 FROM {MIGRATIONS_TABLE} WHERE name = ?", (name,)).fetchone()
                if done:
                    conn.execute("COMMIT")
                    continue
                # executescript would COMMIT our transaction first; run statement by statement
                _run_script(conn, fn)
                conn.execute(f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)", (name, now()))
                conn.execute("COMMIT")
                applied_now.append(name)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return applied_now

    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self.conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY rowid")]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def write(self, document: Document, analysis: Analysis | None = None,
              *, actor_names: dict[str, str] | None = None) -> str:
        """Store a document and (optionally) its analysis in one transaction.

        Returns "added" when the document is new, "present" when a document with the same id
        was already stored (its analysis is replaced when ``analysis`` is given; its text and
        metadata are kept), so re-running an ingest is idempotent.
        """
        if self.readonly:
            raise StoreError(Errors.DW304.format(path=self.path, reason="opened read-only"))
        conn = self.conn
        with self._immediate():
            exists = conn.execute("SELECT 1 FROM documents WHERE id = ?", (document.id,)).fetchone()
            stamp = now()
            if not exists:
                conn.execute(schema.DOCUMENTS.insert_sql(("ingested_at",)),
                             schema.DOCUMENTS.insert_values(document, {"ingested_at": stamp}))
            conn.execute(
                "INSERT OR IGNORE INTO document_sources (document_id, source, first_seen) VALUES (?, ?, ?)",
                (document.id, document.source, stamp),
            )
            if analysis is not None:
                assert analysis.document_id == document.id, "analysis belongs to another document"
                self._write_analysis(analysis, actor_names or {})
                if exists:
                    # a stored document analysed anew: its stories and relations are no longer
                    # what an incremental compare can patch; the next compare is a full one
                    conn.execute("INSERT OR REPLACE INTO compare_state (key, value) VALUES ('stale', '1')")
        return "present" if exists else "added"

    def _write_analysis(self, a: Analysis, actor_names: dict[str, str]) -> None:
        conn = self.conn
        doc_id = a.document_id
        for table in ANALYSIS_TABLES:
            conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
        codes = {m.code for m in a.mentions} | {e.source for e in a.events} | {e.target for e in a.events}
        types = {m.code: m.actor_type for m in a.mentions if m.actor_type}
        for e in a.events:
            types.update({c: t for c, t in ((e.source, e.source_type), (e.target, e.target_type)) if t})
        # a type once known is kept when a later analysis does not know it
        conn.executemany(
            "INSERT INTO actors (code, name, type) VALUES (?, ?, ?) ON CONFLICT(code) DO UPDATE SET "
            "name = excluded.name, type = coalesce(excluded.type, actors.type)",
            [(c, actor_names.get(c, c), types.get(c)) for c in sorted(codes)],
        )
        for field, table in schema.ANALYSIS.items():
            items = getattr(a, field)
            rows = [schema.analysis_extras(table, doc_id, i, item, a.sentences) for i, item in enumerate(items)]
            conn.executemany(table.insert_sql(tuple(rows[0]) if rows else ()),
                             [table.insert_values(item, extras) for item, extras in zip(items, rows)])
        conn.execute(
            "UPDATE documents SET analyzer = ?, analyzed_at = ?, analysis_skipped = ? WHERE id = ?",
            (a.analyzer, now(), a.skipped, doc_id),
        )
        # the ledger terms of the events just written (the old ones went with their events)
        fill_event_terms(conn, doc_id)

    def replace_comparison(self, *, groups: dict[str, tuple[str, float]], stories: Sequence[Any],
                           relations: Sequence[Relation], signatures: dict[str, Any] | None = None,
                           compared_through: int | None = None,
                           vectors: Sequence[tuple[str, int, int, bytes]] = ()) -> None:
        """Replace duplicate groups, stories and relations together, in one transaction (and,
        when given, the MinHash signatures and how far compare has got, for later incremental
        compares)."""
        conn = self.conn
        with self._immediate():
            conn.execute("DELETE FROM document_groups")
            conn.executemany("INSERT INTO document_groups (document_id, group_id, similarity) VALUES (?, ?, ?)",
                             [(d, g, sim) for d, (g, sim) in groups.items()])
            conn.execute("DELETE FROM story_events")
            conn.execute("DELETE FROM stories")
            self._insert_stories(stories)
            self._insert_relations(relations)
            if signatures is not None:
                conn.execute("DELETE FROM minhash_bands")
                conn.execute("DELETE FROM minhash_signatures")
                self._insert_signatures(signatures)
            if compared_through is not None:
                self._set_compared_through(compared_through)
            self._insert_vectors(vectors)
            refresh_ledgers(self)  # the independent sources are known: build the largest pairs' ledgers

    def add_comparison(self, *, groups: dict[str, tuple[str, float]], regroup: dict[str, str],
                       story_keys: Sequence[tuple[str, str, str, bool]], stories: Sequence[Any],
                       relations: Sequence[Relation], signatures: dict[str, Any], compared_through: int,
                       vectors: Sequence[tuple[str, int, int, bytes]] = ()) -> None:
        """An incremental compare's results, in one transaction: new documents' groups (and
        ``regroup``: old group id -> the group it joins, when a new copy bridges two groups),
        the stories of ``story_keys`` replaced by ``stories``, relations added, signatures added."""
        conn = self.conn
        with self._immediate():
            for old, new in regroup.items():
                conn.execute("UPDATE document_groups SET group_id = ? WHERE group_id = ?", (new, old))
            conn.executemany("INSERT OR REPLACE INTO document_groups (document_id, group_id, similarity) "
                             "VALUES (?, ?, ?)", [(d, g, sim) for d, (g, sim) in groups.items()])
            for source, target, type_, negated in story_keys:
                ids = [r[0] for r in conn.execute(
                    "SELECT id FROM stories WHERE source = ? AND target = ? AND type = ? AND negated = ?",
                    (source, target, type_, int(negated)))]
                for i in range(0, len(ids), 500):
                    chunk = ids[i:i + 500]
                    marks = ",".join("?" * len(chunk))
                    conn.execute(f"DELETE FROM story_events WHERE story_id IN ({marks})", chunk)
                    conn.execute(f"DELETE FROM stories WHERE id IN ({marks})", chunk)
            self._insert_stories(stories)
            self._add_relations(relations)
            self._insert_signatures(signatures)
            self._set_compared_through(compared_through)
            self._insert_vectors(vectors)
            refresh_ledgers(self)

    def refresh_ledgers(self, *, min_events: int = LEDGER_FROM) -> int:
        """Build the ledgers of the pairs with at least ``min_events`` events that have none kept
        (``dyadwatch.store.ledger.refresh_ledgers``); writing a comparison does it too."""
        with self._immediate():
            return refresh_ledgers(self, min_events=min_events)

    def compared_through(self) -> int | None:
        """The rowid of the last document compare has seen; None before any compare, or when a
        stored document was analysed anew since (then only a full compare is right)."""
        rows = dict(self.conn.execute("SELECT key, value FROM compare_state").fetchall())
        if "compared_through" not in rows or rows.get("stale"):
            return None
        return int(rows["compared_through"])

    def _set_compared_through(self, rowid: int) -> None:
        self.conn.execute("INSERT OR REPLACE INTO compare_state (key, value) VALUES ('compared_through', ?)",
                          (str(rowid),))
        self.conn.execute("DELETE FROM compare_state WHERE key = 'stale'")

    def _insert_stories(self, stories: Sequence[Any]) -> None:
        for st in stories:
            cur = self.conn.execute(
                "INSERT INTO stories (source, target, type, negated, date, reports, independent_sources) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (st.source, st.target, st.type, int(st.negated), st.date, st.reports, st.independent_sources))
            self.conn.executemany("INSERT INTO story_events (story_id, event_id) VALUES (?, ?)",
                                  [(cur.lastrowid, e) for e in st.event_ids])

    def claim_vectors(self, keys: Sequence[tuple[str, int, int]]) -> dict[tuple[str, int, int], bytes]:
        """Stored claim-sentence vectors by (document id, start, end); missing keys are absent."""
        out: dict[tuple[str, int, int], bytes] = {}
        by_doc: dict[str, set[tuple[int, int]]] = {}
        for d, a, b in keys:
            by_doc.setdefault(d, set()).add((a, b))
        for d, spans in by_doc.items():
            for r in self.conn.execute('SELECT start, "end", vector FROM claim_vectors WHERE document_id = ?', (d,)):
                if (r[0], r[1]) in spans:
                    out[(d, r[0], r[1])] = r[2]
        return out

    def add_claim_vectors(self, vectors: Sequence[tuple[str, int, int, bytes]]) -> None:
        """Store claim-sentence vectors computed elsewhere (by ``dyadwatch batch`` workers), in one
        transaction: (document id, start, end, 384 little-endian float32)."""
        with self._immediate():
            self._insert_vectors(vectors)

    def _insert_vectors(self, vectors: Sequence[tuple[str, int, int, bytes]]) -> None:
        self.conn.executemany('INSERT OR REPLACE INTO claim_vectors (document_id, start, "end", vector) '
                              "VALUES (?, ?, ?, ?)", list(vectors))

    def _insert_signatures(self, signatures: dict[str, Any]) -> None:
        """signatures: document id -> (MinHash hash values, shingle count, [(band, bucket), …])."""
        for doc_id, (values, shingles, bands) in signatures.items():
            self.conn.execute("INSERT OR REPLACE INTO minhash_signatures (document_id, signature, shingles) "
                              "VALUES (?, ?, ?)", (doc_id, values.astype("<u4").tobytes(), shingles))
            self.conn.execute("DELETE FROM minhash_bands WHERE document_id = ?", (doc_id,))
            self.conn.executemany("INSERT INTO minhash_bands (band, bucket, document_id) VALUES (?, ?, ?)",
                                  [(band, bucket, doc_id) for band, bucket in bands])

    def _insert_relations(self, relations: Sequence[Relation]) -> None:
        self.conn.execute("DELETE FROM relations")
        self._add_relations(relations)

    def _add_relations(self, relations: Sequence[Relation]) -> None:
        table = schema.RELATIONS
        self.conn.executemany(table.insert_sql(), [table.insert_values(r) for r in relations])

    def replace_relations(self, relations: Sequence[Relation]) -> None:
        """Replace every cross-document relation in one transaction."""
        with self._immediate():
            self._insert_relations(relations)

    # -- reading -------------------------------------------------------------------------

    def comparison_stale(self) -> bool:
        """Whether a document was stored after the last cross-document comparison (or none
        has run): the comparison puts every document in ``document_groups``. An ingest, watch
        or load killed while comparing, then run again, adds nothing but must still compare."""
        if self.conn.execute("SELECT 1 FROM compare_state WHERE key = 'stale'").fetchone():
            return True
        through = self.compared_through()
        if through is not None:  # O(1): the highest rowid against what compare last saw
            newest = self.conn.execute("SELECT max(rowid) FROM documents").fetchone()[0]
            return newest is not None and newest > through
        row = self.conn.execute("SELECT EXISTS (SELECT 1 FROM documents d WHERE NOT EXISTS "
                                "(SELECT 1 FROM document_groups g WHERE g.document_id = d.id))").fetchone()
        return bool(row[0])

    def analyzer_of(self, doc_id: str) -> tuple[bool, str | None]:
        """(is the document stored, the analyzer version its analysis came from)."""
        row = self.conn.execute("SELECT analyzer FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return (row is not None, row["analyzer"] if row else None)

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY rowid")]

    def resolve_id(self, doc_id: str) -> str:
        """The full id of the one document whose id is or starts with ``doc_id``."""
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE id = ? OR id LIKE ? ESCAPE '\\' LIMIT 3",
            (doc_id, doc_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"),
        ).fetchall()
        ids = sorted({r[0] for r in rows})
        if doc_id in ids:
            return doc_id
        if not ids or not doc_id:
            raise StoreError(Errors.DW303.format(path=self.path, doc_id=doc_id))
        if len(ids) > 1:
            raise StoreError(Errors.DW305.format(path=self.path, doc_id=doc_id, count=len(ids)))
        return ids[0]

    def document(self, doc_id: str) -> Document:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise StoreError(Errors.DW303.format(path=self.path, doc_id=doc_id))
        return _document_from_row(row)

    def documents(self) -> Iterator[Document]:
        for row in self.conn.execute("SELECT * FROM documents ORDER BY rowid"):
            yield _document_from_row(row)

    def document_sources(self, doc_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT source FROM document_sources WHERE document_id = ? ORDER BY first_seen, source", (doc_id,))]

    def analysis(self, doc_id: str) -> Analysis:
        """Everything stored about one document, as an ``Analysis`` record."""
        conn = self.conn
        doc = conn.execute("SELECT text, analyzer, analysis_skipped FROM documents WHERE id = ?",
                           (doc_id,)).fetchone()
        if doc is None:
            raise StoreError(Errors.DW303.format(path=self.path, doc_id=doc_id))
        text = doc["text"]
        found = {field: tuple(table.record_from(r, "sqlite", text)
                              for r in conn.execute(table.select_sql(have=self._columns(table.name)), (doc_id,)))
                 for field, table in schema.ANALYSIS.items()}
        return Analysis(doc_id, doc["analyzer"] or "", skipped=doc["analysis_skipped"], **found)

    def _columns(self, table: str) -> frozenset[str]:
        """The columns ``table`` has in this database (cached: a store is migrated when opened)."""
        if table not in self._column_cache:
            self._column_cache[table] = frozenset(r[1] for r in self.conn.execute(f"PRAGMA table_info({table})"))
        return self._column_cache[table]

    def actor_names(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT code, name FROM actors")}

    def data_version(self) -> int:
        """SQLite's ``data_version`` as this connection sees it: it changes when another
        connection commits (a reader's cheap way to know its cached answers are stale)."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def actor_types(self) -> dict[str, str]:
        """What each stored actor is ("state", "organisation"), as its analysis found it; codes of
        unknown type are absent. Empty for a database opened read-only before migration
        m008_actor_type, which stored no types (it is migrated on the next write)."""
        if "type" not in self._columns("actors"):
            return {}
        return {r[0]: r[1] for r in self.conn.execute("SELECT code, type FROM actors WHERE type IS NOT NULL")}

    def relations(self) -> list[Relation]:
        table = schema.RELATIONS
        return [table.record_from(r, "sqlite")
                for r in self.conn.execute(table.select_sql("1", have=self._columns(table.name)))]

    def counts(self) -> dict[str, int]:
        """Rows per table, plus documents by analysis state."""
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        out: dict[str, int] = {"documents": one("SELECT count(*) FROM documents")}
        out["analysed"] = one("SELECT count(*) FROM documents WHERE analyzer IS NOT NULL AND analysis_skipped IS NULL")
        out["not_analysed"] = out["documents"] - out["analysed"]
        out["sentences"] = one("SELECT count(*) FROM sentences")
        out["actors"] = one("SELECT count(DISTINCT code) FROM mentions")
        for table in ("mentions", "events", "quotes", "figures", "claims", "stances", "relations"):
            out[table] = one(f"SELECT count(*) FROM {table}")
        return out

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Run a read query (for reports, notebooks and the web layer)."""
        return self.conn.execute(sql, params).fetchall()


def _run_script(conn: sqlite3.Connection, fn: Any) -> None:
    """Run a migration inside the caller's open transaction: its scripts statement by statement
    (``executescript`` would commit first) and its queries in the order it makes them."""

    class _InTransaction:
        """The connection, with ``executescript`` run statement by statement (it would COMMIT
        first), so that a migration may also read what its DDL made (a backfill in Python)."""

        def executescript(self, script: str) -> None:
            for statement in _split_sql(script):
                conn.execute(statement)

        def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
            return conn.execute(sql, params)

        def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> sqlite3.Cursor:
            return conn.executemany(sql, rows)

    fn(_InTransaction())


def _split_sql(script: str) -> list[str]:
    """Split a DDL script into complete statements (sqlite3.complete_statement knows the grammar)."""
    statements, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip().strip(";").strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements


def _document_from_row(row: sqlite3.Row) -> Document:
    document: Document = schema.DOCUMENTS.record_from(row, "sqlite")
    return document
