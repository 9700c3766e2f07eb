"""Named schema migrations, recorded in the database they were applied to.

Each migration is a function registered in order with ``@migration``; its name is stored in
``_dyadwatch_migrations`` when it runs, inside the same transaction as its DDL. Never edit a
migration that has shipped: add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone

Migration = Callable[[sqlite3.Connection], None]

MIGRATIONS: list[tuple[str, Migration]] = []

#: marks a database as dyadwatch's, so a foreign SQLite file is never touched
APPLICATION_ID = 0x44594144  # "DYAD"


def migration(fn: Migration) -> Migration:
    """Register ``fn`` as the next migration, named after the function."""
    MIGRATIONS.append((fn.__name__, fn))
    return fn


@migration
def m001_initial(conn: sqlite3.Connection) -> None:
    conn.executescript(
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT,
            text TEXT NOT NULL,
            title TEXT,
            outlet TEXT,
            authors TEXT NOT NULL DEFAULT '[]',          -- JSON list of names
            published TEXT,                               -- YYYY-MM-DD | YYYY-MM | YYYY
            published_basis TEXT NOT NULL DEFAULT 'unknown'
                CHECK (published_basis IN ('stated', 'inferred', 'unknown')),
            language TEXT,
            chrome TEXT NOT NULL DEFAULT '[]',            -- JSON list of [start, end] spans
            meta_evidence TEXT NOT NULL DEFAULT '{}',     -- JSON: where each metadata value came from
            warnings TEXT NOT NULL DEFAULT '[]',
            ingested_at TEXT NOT NULL,
            analyzer TEXT,                                -- analyzer version that produced the rows below
            analyzed_at TEXT,
            analysis_skipped TEXT                         -- why analysis did not run, if it did not
        );
        CREATE INDEX documents_published ON documents(published);

        -- every path or URL a document was ingested from (the same text under two names is one document)
        CREATE TABLE document_sources (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            PRIMARY KEY (document_id, source)
        );
        CREATE INDEX document_sources_source ON document_sources(source);

        CREATE TABLE sentences (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (document_id, idx)
        );

        CREATE TABLE actors (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL
        );

        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            code TEXT NOT NULL,
            entry TEXT NOT NULL,              -- the dictionary entry that matched
            dictionary TEXT NOT NULL,         -- versioned dictionary name
            person TEXT
        );
        CREATE INDEX mentions_document ON mentions(document_id);
        CREATE INDEX mentions_code ON mentions(code);

        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,           -- the evidence sentence
            "end" INTEGER NOT NULL,
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            type TEXT NOT NULL,
            mode TEXT,
            negated INTEGER NOT NULL DEFAULT 0,
            modality TEXT NOT NULL DEFAULT 'actual'
                CHECK (modality IN ('actual', 'intended', 'hypothetical', 'alleged', 'denied')),
            date TEXT,
            intensity REAL,
            trigger TEXT,
            trigger_start INTEGER,
            trigger_end INTEGER,
            contexts TEXT NOT NULL DEFAULT '[]',
            confidence REAL,
            dictionary TEXT
        );
        CREATE INDEX events_document ON events(document_id);
        CREATE INDEX events_dyad ON events(source, target);
        CREATE INDEX events_type ON events(type);
        CREATE INDEX events_date ON events(date);

        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            speaker_actor TEXT,
            direct INTEGER NOT NULL DEFAULT 1,
            cue TEXT
        );
        CREATE INDEX quotes_document ON quotes(document_id);

        CREATE TABLE figures (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,           -- the figure itself
            "end" INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            raw TEXT NOT NULL,
            value REAL NOT NULL,
            value_high REAL,
            unit TEXT NOT NULL,
            qualifier TEXT,
            measure TEXT,
            period TEXT
        );
        CREATE INDEX figures_document ON figures(document_id);

        CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            speaker TEXT,
            polarity INTEGER NOT NULL DEFAULT 1,
            actors TEXT NOT NULL DEFAULT '[]',
            normalized TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX claims_document ON claims(document_id);

        CREATE TABLE stances (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            actor_a TEXT NOT NULL,
            actor_b TEXT NOT NULL,
            label TEXT NOT NULL
                CHECK (label IN ('strengthening', 'weakening', 'stable', 'mixed', 'none')),
            score REAL NOT NULL,
            evidence TEXT NOT NULL DEFAULT '[]',          -- JSON list of [start, end] spans
            PRIMARY KEY (document_id, actor_a, actor_b)
        );

        -- cross-document relations between claims (filled by compare)
        CREATE TABLE relations (
            id INTEGER PRIMARY KEY,
            a_document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            a_start INTEGER NOT NULL,
            a_end INTEGER NOT NULL,
            b_document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            b_start INTEGER NOT NULL,
            b_end INTEGER NOT NULL,
            relation TEXT NOT NULL CHECK (relation IN ('agree', 'contradict')),
            score REAL NOT NULL,
            why TEXT NOT NULL
        );
        CREATE INDEX relations_a ON relations(a_document);
        CREATE INDEX relations_b ON relations(b_document);
        """
    )


@migration
def m002_compare(conn: sqlite3.Connection) -> None:
    conn.executescript(
        """
        -- near-duplicate documents (syndicated copies of one story); group_id is the first copy ingested
        CREATE TABLE document_groups (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            group_id TEXT NOT NULL,
            similarity REAL NOT NULL
        );
        CREATE INDEX document_groups_group ON document_groups(group_id);

        -- one real-world event reported by one or more documents
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            type TEXT NOT NULL,
            negated INTEGER NOT NULL,
            date TEXT,
            reports INTEGER NOT NULL,              -- documents reporting it
            independent_sources INTEGER NOT NULL   -- of which not copies of one another
        );
        CREATE INDEX stories_dyad ON stories(source, target);
        CREATE TABLE story_events (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            PRIMARY KEY (story_id, event_id)
        );
        CREATE INDEX story_events_event ON story_events(event_id);
        """
    )


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@migration
def m003_search(conn: sqlite3.Connection) -> None:
    """Full-text search (FTS5) and the indexes the dashboard's lists and facets need.

    The FTS tables are external-content: they hold only the index, the text stays in
    ``documents``. Triggers keep them in step inside the writer's own transaction, so a
    document and its index entries are committed (or rolled back) together. Event and figure
    sentences are not columns, so they are indexed through views (``event_sentences``,
    ``figure_sentences``) that cut them out of ``documents.text``.

    An external-content index must be told the old values of a row it removes. When a
    document is deleted, ``ON DELETE CASCADE`` removes its events after the document row is
    gone (its text no longer readable), so the document's own ``BEFORE DELETE`` trigger removes
    their index entries while the text is still there and the per-row triggers skip them.
    """
    conn.executescript(
        """
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
            INSERT INTO documents_fts (documents_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;

        CREATE VIEW event_sentences (id, sentence) AS
            SELECT e.id, substr(d.text, e.start + 1, e."end" - e.start)
            FROM events e JOIN documents d ON d.id = e.document_id;
        CREATE VIRTUAL TABLE events_fts USING fts5(
            sentence, content='event_sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
            INSERT INTO events_fts (rowid, sentence)
                SELECT new.id, substr(d.text, new.start + 1, new."end" - new.start)
                FROM documents d WHERE d.id = new.document_id;
        END;
        CREATE TRIGGER events_fts_delete AFTER DELETE ON events
        WHEN EXISTS (SELECT 1 FROM documents WHERE id = old.document_id) BEGIN
            INSERT INTO events_fts (events_fts, rowid, sentence)
                SELECT 'delete', old.id, substr(d.text, old.start + 1, old."end" - old.start)
                FROM documents d WHERE d.id = old.document_id;
        END;
        CREATE TRIGGER events_fts_update AFTER UPDATE OF document_id, start, "end" ON events BEGIN
            INSERT INTO events_fts (events_fts, rowid, sentence)
                SELECT 'delete', old.id, substr(d.text, old.start + 1, old."end" - old.start)
                FROM documents d WHERE d.id = old.document_id;
            INSERT INTO events_fts (rowid, sentence)
                SELECT new.id, substr(d.text, new.start + 1, new."end" - new.start)
                FROM documents d WHERE d.id = new.document_id;
        END;

        CREATE VIEW figure_sentences (id, sentence, measure) AS
            SELECT f.id, substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start), f.measure
            FROM figures f JOIN documents d ON d.id = f.document_id;
        CREATE VIRTUAL TABLE figures_fts USING fts5(
            sentence, measure, content='figure_sentences', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER figures_fts_insert AFTER INSERT ON figures BEGIN
            INSERT INTO figures_fts (rowid, sentence, measure)
                SELECT new.id, substr(d.text, new.sentence_start + 1, new.sentence_end - new.sentence_start),
                       new.measure
                FROM documents d WHERE d.id = new.document_id;
        END;
        CREATE TRIGGER figures_fts_delete AFTER DELETE ON figures
        WHEN EXISTS (SELECT 1 FROM documents WHERE id = old.document_id) BEGIN
            INSERT INTO figures_fts (figures_fts, rowid, sentence, measure)
                SELECT 'delete', old.id, substr(d.text, old.sentence_start + 1, old.sentence_end - old.sentence_start),
                       old.measure
                FROM documents d WHERE d.id = old.document_id;
        END;
        CREATE TRIGGER figures_fts_update AFTER UPDATE OF document_id, sentence_start, sentence_end, measure
        ON figures BEGIN
            INSERT INTO figures_fts (figures_fts, rowid, sentence, measure)
                SELECT 'delete', old.id, substr(d.text, old.sentence_start + 1, old.sentence_end - old.sentence_start),
                       old.measure
                FROM documents d WHERE d.id = old.document_id;
            INSERT INTO figures_fts (rowid, sentence, measure)
                SELECT new.id, substr(d.text, new.sentence_start + 1, new.sentence_end - new.sentence_start),
                       new.measure
                FROM documents d WHERE d.id = new.document_id;
        END;

        CREATE VIRTUAL TABLE quotes_fts USING fts5(
            text, speaker, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
        END;
        CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
        END;
        CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker ON quotes BEGIN
            INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
            INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
        END;

        -- a deleted document: drop the index entries of its events and figures while its text is
        -- still readable (the cascade deletes them after the document row is gone)
        CREATE TRIGGER documents_fts_delete BEFORE DELETE ON documents BEGIN
            INSERT INTO events_fts (events_fts, rowid, sentence)
                SELECT 'delete', e.id, substr(old.text, e.start + 1, e."end" - e.start)
                FROM events e WHERE e.document_id = old.id;
            INSERT INTO figures_fts (figures_fts, rowid, sentence, measure)
                SELECT 'delete', f.id, substr(old.text, f.sentence_start + 1, f.sentence_end - f.sentence_start),
                       f.measure
                FROM figures f WHERE f.document_id = old.id;
            INSERT INTO documents_fts (documents_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
        END;

        -- what is already stored
        INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
        INSERT INTO events_fts (events_fts) VALUES ('rebuild');
        INSERT INTO figures_fts (figures_fts) VALUES ('rebuild');
        INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');

        -- lists, facets and the overview of the dashboard
        CREATE INDEX events_target ON events(target, source);
        CREATE INDEX events_pair_date ON events(source, target, date);
        CREATE INDEX events_month ON events(substr(date, 1, 7));
        CREATE INDEX events_modality ON events(modality);
        CREATE INDEX mentions_span ON mentions(document_id, start, code);
        CREATE INDEX mentions_code_document ON mentions(code, document_id);
        CREATE INDEX documents_ingested ON documents(ingested_at);
        CREATE INDEX documents_outlet ON documents(outlet);
        CREATE INDEX quotes_speaker_actor ON quotes(speaker_actor);
        CREATE INDEX figures_unit ON figures(unit);
        """
    )


@migration
def m004_feeds(conn: sqlite3.Connection) -> None:
    """What ``dyadwatch watch`` remembers of the feeds it polls, and the index that finds a
    document by its canonical URL (the same article under two URLs is stored once).

    An item is marked done only after the document it produced was committed, and a feed's
    ETag/Last-Modified are saved only once every item of that response was handled, so a watch
    stopped at any moment (even by SIGKILL) loses nothing when it starts again.
    """
    conn.executescript(
        """
        CREATE TABLE feeds (
            url TEXT PRIMARY KEY,                  -- as given to ingest/watch
            title TEXT,
            etag TEXT,                             -- validators of the last response fully handled
            last_modified TEXT,
            last_polled TEXT,
            last_status TEXT                       -- '200 (12 items)', '304', or the error
        );

        CREATE TABLE feed_items (
            feed_url TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
            item_key TEXT NOT NULL,                -- guid/id, else link, else a content hash
            link TEXT,
            first_seen TEXT NOT NULL,
            document_id TEXT REFERENCES documents(id) ON DELETE SET NULL,
            done_at TEXT,                          -- stored (or given up after repeated failures)
            attempts INTEGER NOT NULL DEFAULT 0,   -- failed attempts
            last_error TEXT,
            PRIMARY KEY (feed_url, item_key)
        );
        CREATE INDEX feed_items_pending ON feed_items(feed_url) WHERE done_at IS NULL;

        CREATE INDEX documents_url ON documents(url);
        """
    )


@migration
def m005_incremental_compare(conn: sqlite3.Connection) -> None:
    """What an incremental compare needs to look up instead of re-reading the store: each
    document's MinHash signature and its LSH band buckets (copies of a new document are found by
    indexed lookups), a pair-of-states index on stances (the documents a new one is compared
    with), and how far compare has got (documents up to this rowid are compared).
    """
    conn.executescript(
        """
        CREATE TABLE minhash_signatures (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            signature BLOB NOT NULL,                -- NUM_PERM unsigned 32-bit hash values
            shingles INTEGER NOT NULL               -- how many word 5-shingles the text has
        );
        CREATE TABLE minhash_bands (
            band INTEGER NOT NULL,
            bucket INTEGER NOT NULL,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
        );
        CREATE INDEX minhash_bands_bucket ON minhash_bands(band, bucket);
        CREATE INDEX minhash_bands_document ON minhash_bands(document_id);
        CREATE INDEX stances_dyad ON stances(actor_a, actor_b);
        CREATE INDEX story_events_story ON story_events(story_id);
        CREATE INDEX stories_key ON stories(source, target, type, negated);
        CREATE TABLE compare_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


@migration
def m006_claim_vectors(conn: sqlite3.Connection) -> None:
    """Each claim sentence's MiniLM vector (384 float32), computed once: an incremental compare
    embeds only the new documents' claims, not its candidates' again."""
    conn.executescript(
        """
        CREATE TABLE claim_vectors (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (document_id, start, "end")
        );
        """
    )


#: an event's month as the dyad aggregates key it, from its effective date (its own date, else
#: its document's publication date): 'YYYY-MM'; the date itself when it is known only to the
#: year ('2024'); '' when it has none
_MONTH = "coalesce(substr(coalesce({date}, {published}), 1, 7), '')"
#: the key of ``dyad_months`` for one event ({e}: the event's alias, new or old in a trigger)
_CELL = ("{e}.source, {e}.target, " + _MONTH + ", {e}.type, {e}.modality, ({e}.negated <> 0)")


def _dyad_sql(e: str, published: str) -> dict[str, str]:
    return {"cell": _CELL.format(e=e, date=f"{e}.date", published=published),
            "month": _MONTH.format(date=f"{e}.date", published=published)}


@migration
def m007_dyad_aggregates(conn: sqlite3.Connection) -> None:
    """Counts the dyad page and the overview show, kept up to date as events are written, so a
    page reads a few hundred aggregate rows instead of every event of a pair.

    ``dyad_months``: events per ordered pair (source ≠ target), month of their effective date,
    PLOVER type, modality and negation, with the sum of their intensities (in millionths, an
    integer, so that adding and removing a document leaves exactly what was there) and how many
    had one. ``dyad_documents``: the documents reporting events of a pair, per month.
    ``dyad_pairs``: events per ordered pair (the overview's and ``/dyads``' ranking).

    Triggers keep both in step inside the writer's own transaction, whoever writes events
    (``Store.write``, a replaced analysis, a deleted document, a benchmark's direct inserts).
    As for the full-text index (m003), a deleted document's events are taken out by the
    document's ``BEFORE DELETE`` trigger while its publication date is still readable; the
    per-event trigger skips events whose document is already gone.
    """
    ins = _dyad_sql("new", "d.published")
    old = _dyad_sql("old", "d.published")
    script = """
        CREATE TABLE dyad_months (
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            month TEXT NOT NULL,                 -- 'YYYY-MM'; 'YYYY' (year only); '' (no date)
            type TEXT NOT NULL,
            modality TEXT NOT NULL,
            negated INTEGER NOT NULL,            -- 0 or 1
            events INTEGER NOT NULL,
            intensity_micro INTEGER NOT NULL,    -- sum of intensity × 1,000,000 (rounded)
            intensity_n INTEGER NOT NULL,        -- events with an intensity
            PRIMARY KEY (source, target, month, type, modality, negated)
        ) WITHOUT ROWID;
        CREATE TABLE dyad_documents (
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            month TEXT NOT NULL,
            document_id TEXT NOT NULL,
            events INTEGER NOT NULL,
            PRIMARY KEY (source, target, month, document_id)
        ) WITHOUT ROWID;
        CREATE INDEX dyad_documents_document ON dyad_documents(document_id);
        -- the overview's sources: documents per outlet and the latest publication date, from the index
        CREATE INDEX documents_outlet_published ON documents(outlet, published);
        CREATE TABLE dyad_pairs (
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            events INTEGER NOT NULL,
            PRIMARY KEY (source, target)
        ) WITHOUT ROWID;

        CREATE TRIGGER dyad_events_insert AFTER INSERT ON events WHEN new.source <> new.target BEGIN
            INSERT INTO dyad_months (source, target, month, type, modality, negated, events, intensity_micro,
                                     intensity_n)
                SELECT {ins_cell}, 1, coalesce(CAST(round(new.intensity * 1000000) AS INTEGER), 0),
                       new.intensity IS NOT NULL
                FROM documents d WHERE d.id = new.document_id
                ON CONFLICT DO UPDATE SET events = events + 1,
                    intensity_micro = intensity_micro + excluded.intensity_micro,
                    intensity_n = intensity_n + excluded.intensity_n;
            INSERT INTO dyad_documents (source, target, month, document_id, events)
                SELECT new.source, new.target, {ins_month}, new.document_id, 1
                FROM documents d WHERE d.id = new.document_id
                ON CONFLICT DO UPDATE SET events = events + 1;
            INSERT INTO dyad_pairs (source, target, events) VALUES (new.source, new.target, 1)
                ON CONFLICT DO UPDATE SET events = events + 1;
        END;

        CREATE TRIGGER dyad_events_delete AFTER DELETE ON events
        WHEN old.source <> old.target AND EXISTS (SELECT 1 FROM documents WHERE id = old.document_id) BEGIN
            UPDATE dyad_months SET events = events - 1,
                    intensity_micro = intensity_micro - coalesce(CAST(round(old.intensity * 1000000) AS INTEGER), 0),
                    intensity_n = intensity_n - (old.intensity IS NOT NULL)
                WHERE (source, target, month, type, modality, negated)
                    = (SELECT {old_cell} FROM documents d WHERE d.id = old.document_id);
            UPDATE dyad_documents SET events = events - 1
                WHERE (source, target, month, document_id)
                    = (SELECT old.source, old.target, {old_month}, old.document_id
                       FROM documents d WHERE d.id = old.document_id);
            DELETE FROM dyad_months WHERE events = 0
                AND (source, target, month, type, modality, negated)
                    = (SELECT {old_cell} FROM documents d WHERE d.id = old.document_id);
            DELETE FROM dyad_documents WHERE events = 0
                AND (source, target, month, document_id)
                    = (SELECT old.source, old.target, {old_month}, old.document_id
                       FROM documents d WHERE d.id = old.document_id);
            UPDATE dyad_pairs SET events = events - 1 WHERE source = old.source AND target = old.target;
            DELETE FROM dyad_pairs WHERE source = old.source AND target = old.target AND events = 0;
        END;

        -- an event changed in place (nothing in dyadwatch does it; a hand edit might): out, then in
        CREATE TRIGGER dyad_events_update
        AFTER UPDATE OF document_id, source, target, type, modality, negated, date, intensity ON events BEGIN
            UPDATE dyad_months SET events = events - 1,
                    intensity_micro = intensity_micro - coalesce(CAST(round(old.intensity * 1000000) AS INTEGER), 0),
                    intensity_n = intensity_n - (old.intensity IS NOT NULL)
                WHERE old.source <> old.target AND (source, target, month, type, modality, negated)
                    = (SELECT {old_cell} FROM documents d WHERE d.id = old.document_id);
            UPDATE dyad_documents SET events = events - 1
                WHERE old.source <> old.target AND (source, target, month, document_id)
                    = (SELECT old.source, old.target, {old_month}, old.document_id
                       FROM documents d WHERE d.id = old.document_id);
            UPDATE dyad_pairs SET events = events - 1
                WHERE old.source <> old.target AND source = old.source AND target = old.target;
            DELETE FROM dyad_months WHERE events = 0;
            DELETE FROM dyad_documents WHERE events = 0;
            DELETE FROM dyad_pairs WHERE events = 0;
            INSERT INTO dyad_months (source, target, month, type, modality, negated, events, intensity_micro,
                                     intensity_n)
                SELECT {ins_cell}, 1, coalesce(CAST(round(new.intensity * 1000000) AS INTEGER), 0),
                       new.intensity IS NOT NULL
                FROM documents d WHERE d.id = new.document_id AND new.source <> new.target
                ON CONFLICT DO UPDATE SET events = events + 1,
                    intensity_micro = intensity_micro + excluded.intensity_micro,
                    intensity_n = intensity_n + excluded.intensity_n;
            INSERT INTO dyad_documents (source, target, month, document_id, events)
                SELECT new.source, new.target, {ins_month}, new.document_id, 1
                FROM documents d WHERE d.id = new.document_id AND new.source <> new.target
                ON CONFLICT DO UPDATE SET events = events + 1;
            INSERT INTO dyad_pairs (source, target, events) SELECT new.source, new.target, 1
                WHERE new.source <> new.target
                ON CONFLICT DO UPDATE SET events = events + 1;
        END;

        -- a deleted document: take its events out while its publication date is still readable
        CREATE TRIGGER dyad_documents_delete BEFORE DELETE ON documents BEGIN
            {subtract_old}
        END;

        -- a document's publication date changed: its undated events move to another month
        CREATE TRIGGER dyad_documents_published AFTER UPDATE OF published ON documents
        WHEN old.published IS NOT new.published BEGIN
            {subtract_old}
            {add_new}
        END;

        -- what is already stored
        {backfill}
    """
    conn.executescript(script.format(
        ins_cell=ins["cell"], ins_month=ins["month"], old_cell=old["cell"], old_month=old["month"],
        subtract_old=_subtract_document(), add_new=_add_document("new.id", "new.published"),
        backfill=_add_all()))


def _month_rows(where: str, published: str) -> str:
    """The events ``where`` selects (between two different actors), grouped by dyad_months' key."""
    month = _MONTH.format(date="e.date", published=published)
    return (f"SELECT e.source AS s, e.target AS t, {month} AS m, e.type AS ty, e.modality AS mo, "
            "(e.negated <> 0) AS ng, count(*) AS n, "
            "coalesce(sum(CAST(round(e.intensity * 1000000) AS INTEGER)), 0) AS micro, count(e.intensity) AS n_int "
            f"FROM events e {where} AND e.source <> e.target GROUP BY 1, 2, 3, 4, 5, 6")


def _document_rows(where: str, published: str) -> str:
    """The same events grouped by dyad_documents' key."""
    month = _MONTH.format(date="e.date", published=published)
    return (f"SELECT e.source, e.target, {month}, e.document_id, count(*) FROM events e {where} "
            "AND e.source <> e.target GROUP BY 1, 2, 3, 4")


def _subtract_document() -> str:
    """Take every event of the document ``old`` out of both tables (trigger body)."""
    return f"""
            UPDATE dyad_months SET events = events - x.n, intensity_micro = intensity_micro - x.micro,
                    intensity_n = intensity_n - x.n_int
                FROM ({_month_rows("WHERE e.document_id = old.id", "old.published")}) AS x
                WHERE dyad_months.source = x.s AND dyad_months.target = x.t AND dyad_months.month = x.m
                    AND dyad_months.type = x.ty AND dyad_months.modality = x.mo AND dyad_months.negated = x.ng;
            UPDATE dyad_pairs SET events = events - x.n
                FROM (SELECT source AS s, target AS t, count(*) AS n FROM events
                      WHERE document_id = old.id AND source <> target GROUP BY 1, 2) AS x
                WHERE dyad_pairs.source = x.s AND dyad_pairs.target = x.t;
            DELETE FROM dyad_months WHERE events = 0
                AND (source, target) IN (SELECT source, target FROM events WHERE document_id = old.id);
            DELETE FROM dyad_pairs WHERE events = 0
                AND (source, target) IN (SELECT source, target FROM events WHERE document_id = old.id);
            DELETE FROM dyad_documents WHERE document_id = old.id;"""


def _add_document(doc_id: str, published: str) -> str:
    return _insert_rows(f"WHERE e.document_id = {doc_id}", published)


def _add_all() -> str:
    return _insert_rows("JOIN documents d ON d.id = e.document_id WHERE 1", "d.published")


def _insert_rows(where: str, published: str) -> str:
    """Add the events ``where`` selects to both tables."""
    return f"""
            INSERT INTO dyad_months (source, target, month, type, modality, negated, events, intensity_micro,
                                     intensity_n)
                SELECT * FROM ({_month_rows(where, published)}) WHERE 1
                ON CONFLICT DO UPDATE SET events = events + excluded.events,
                    intensity_micro = intensity_micro + excluded.intensity_micro,
                    intensity_n = intensity_n + excluded.intensity_n;
            INSERT INTO dyad_documents (source, target, month, document_id, events)
                SELECT * FROM ({_document_rows(where, published)}) WHERE 1
                ON CONFLICT DO UPDATE SET events = events + excluded.events;
            INSERT INTO dyad_pairs (source, target, events)
                SELECT e.source, e.target, count(*) FROM events e {where} AND e.source <> e.target GROUP BY 1, 2
                ON CONFLICT DO UPDATE SET events = events + excluded.events;"""


@migration
def m008_actor_type(conn: sqlite3.Connection) -> None:
    """What each actor is (state, organisation …), stored with its mentions, its events' sides and
    its row of ``actors``, so that reports and the dashboard read it instead of asking the
    dictionaries at report time. New analyses fill it from the dictionary entry that resolved the
    mention.

    What is already stored is backfilled from the dictionaries registered now (what reports used to
    ask); a code no registered dictionary describes stays NULL (unknown), never a guess.
    """
    conn.executescript(
        """
        ALTER TABLE mentions ADD COLUMN actor_type TEXT;
        ALTER TABLE events ADD COLUMN source_type TEXT;
        ALTER TABLE events ADD COLUMN target_type TEXT;
        ALTER TABLE actors ADD COLUMN type TEXT;
        """
    )
    codes = [r[0] for r in conn.execute("SELECT code FROM actors")]
    if not codes:
        return
    from dyadwatch.dictionaries import known_actor_types

    known = known_actor_types()
    pairs = [(known[c], c) for c in codes if c in known]
    conn.executemany("UPDATE actors SET type = ? WHERE code = ?", pairs)
    conn.executemany("UPDATE mentions SET actor_type = ? WHERE code = ?", pairs)
    conn.executemany("UPDATE events SET source_type = ? WHERE source = ?", pairs)
    conn.executemany("UPDATE events SET target_type = ? WHERE target = ?", pairs)


@migration
def m009_event_terms(conn: sqlite3.Connection) -> None:
    """The ledger terms of each event (``dyadwatch.store.terms``): its area, kind, phrase,
    whether it is ongoing, the distinct act its mode names, and whether its area depended on an
    organisation named in its sentence (``late``). Written with the events by ``Store.write``;
    filled here for what is already stored. An event deleted, or changed in place (nothing in
    dyadwatch does it; a hand edit might), loses its row, and the ledger then counts its pair
    event by event.

    ``dyad_ledgers``: the built ledger of each pair with many events, so that the dyad page
    reads it instead of counting the pair's events; built when a comparison is written (which
    also fixes the independent sources) and dropped by triggers when an event of the pair, a
    document of it or its duplicate group changes."""
    from dyadwatch.store.terms import fill_event_terms

    conn.executescript("""
        CREATE TABLE event_terms (
            event_id INTEGER PRIMARY KEY,        -- events.id
            area TEXT NOT NULL,
            kind TEXT NOT NULL,
            phrase TEXT NOT NULL,                -- base form, e.g. 'buy energy'
            ongoing INTEGER NOT NULL,            -- 0 or 1
            act TEXT,                            -- a PLOVER mode that names a distinct act, else NULL
            late INTEGER NOT NULL                -- 1: the area was 'other' before organisations were looked at
        );
        CREATE TRIGGER event_terms_delete AFTER DELETE ON events BEGIN
            DELETE FROM event_terms WHERE event_id = old.id;
        END;
        CREATE TRIGGER event_terms_update
        AFTER UPDATE OF id, document_id, start, "end", type, mode, negated, modality, trigger, trigger_start,
                        trigger_end, contexts ON events BEGIN
            DELETE FROM event_terms WHERE event_id = old.id;
        END;

        -- the built ledgers of the largest pairs (dyadwatch.store.ledger.refresh_ledgers), each
        -- dropped as soon as anything it was built from changes, and built again when a
        -- comparison is written
        CREATE TABLE dyad_ledgers (
            a TEXT NOT NULL,                     -- the ledger lists a's entries first
            b TEXT NOT NULL,
            ledger TEXT NOT NULL,                -- JSON, as build_ledger returns it
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID;
        CREATE TRIGGER dyad_ledgers_event_insert AFTER INSERT ON events BEGIN
            DELETE FROM dyad_ledgers WHERE (a = new.source AND b = new.target) OR (a = new.target AND b = new.source);
        END;
        CREATE TRIGGER dyad_ledgers_event_delete AFTER DELETE ON events BEGIN
            DELETE FROM dyad_ledgers WHERE (a = old.source AND b = old.target) OR (a = old.target AND b = old.source);
        END;
        CREATE TRIGGER dyad_ledgers_event_update AFTER UPDATE ON events BEGIN
            DELETE FROM dyad_ledgers WHERE (a = old.source AND b = old.target) OR (a = old.target AND b = old.source)
                OR (a = new.source AND b = new.target) OR (a = new.target AND b = new.source);
        END;
        CREATE TRIGGER dyad_ledgers_group_insert AFTER INSERT ON document_groups BEGIN
            {drop_new}
        END;
        CREATE TRIGGER dyad_ledgers_group_update AFTER UPDATE ON document_groups BEGIN
            {drop_old}
            {drop_new}
        END;
        CREATE TRIGGER dyad_ledgers_group_delete AFTER DELETE ON document_groups BEGIN
            {drop_old}
        END;
        CREATE TRIGGER dyad_ledgers_document_update
        AFTER UPDATE OF source, text, title, outlet, published ON documents BEGIN
            DELETE FROM dyad_ledgers WHERE (a, b) IN (SELECT source, target FROM events WHERE document_id = old.id)
                OR (b, a) IN (SELECT source, target FROM events WHERE document_id = old.id);
        END;
        -- a new actor may be an organisation, which orders the ledgers' events
        CREATE TRIGGER dyad_ledgers_actor_insert AFTER INSERT ON actors BEGIN
            DELETE FROM dyad_ledgers;
        END;
    """.replace("{drop_new}", _drop_ledgers("new")).replace("{drop_old}", _drop_ledgers("old")))
    fill_event_terms(conn)


def _drop_ledgers(row: str) -> str:
    """Drop the built ledgers of the pairs with events in the document of ``row`` (trigger body)."""
    return (f"DELETE FROM dyad_ledgers WHERE (a, b) IN (SELECT source, target FROM events "
            f"WHERE document_id = {row}.document_id) "
            f"OR (b, a) IN (SELECT source, target FROM events WHERE document_id = {row}.document_id);")
