"""Migration m003_search: FTS5 indexes kept in step with the store by triggers, in the writer's
own transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dyadwatch import Store, ingest_sources
from dyadwatch.store.migrations import MIGRATIONS

FTS = ("documents_fts", "events_fts", "figures_fts", "quotes_fts")

TEXTS = {
    "a.txt": ("China and Russia signed an energy agreement in Beijing on March 10, 2024.\n\n"
              "\"The partnership has no limits,\" Vladimir Putin said.\n\n"
              "Trade between China and Russia rose to $240 billion last year.\n"),
    "b.txt": ("India accused Pakistan of shelling villages on June 18, 2023.\n\n"
              "\"We reject these charges,\" a Pakistani spokesman said.\n"),
}


def _check(store: Store) -> None:
    for table in FTS:  # rank=1: compare the index with the content it was built from
        store.conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")


def _match(store: Store, table: str, query: str) -> int:
    return store.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (query,))[0][0]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_store_search_is_a_named_migration() -> None:
    names = [n for n, _ in MIGRATIONS]
    assert names.index("m003_search") == names.index("m002_compare") + 1


def test_store_search_indexes_follow_writes(folder: Path, nlp) -> None:
    store = Store(folder / "s.db")
    ingest_sources(store, [str(folder / "a.txt"), str(folder / "b.txt")], nlp=nlp)
    _check(store)
    assert _match(store, "documents_fts", "pakistan") == 1
    assert _match(store, "events_fts", "energy") >= 1
    assert _match(store, "quotes_fts", "limits") == 1
    assert _match(store, "figures_fts", "trade") == 1
    events = store.execute("SELECT count(*) FROM events")[0][0]
    assert store.execute("SELECT count(*) FROM events_fts")[0][0] == events

    # re-analysis replaces the rows (delete + insert): the index follows
    store.conn.execute("UPDATE documents SET analyzer = 'old'")
    ingest_sources(store, [str(folder)], nlp=nlp)
    _check(store)
    assert store.execute("SELECT count(*) FROM events")[0][0] == events
    assert _match(store, "events_fts", "energy") >= 1

    # deleting a document cascades to its rows, and to their index entries
    doc = store.execute("SELECT id FROM documents WHERE text LIKE 'China%'")[0][0]
    store.conn.execute("DELETE FROM documents WHERE id = ?", (doc,))
    _check(store)
    assert _match(store, "documents_fts", "beijing") == 0
    assert _match(store, "events_fts", "energy") == 0
    assert _match(store, "quotes_fts", "limits") == 0
    assert _match(store, "figures_fts", "trade") == 0
    assert _match(store, "quotes_fts", "charges") == 1
    store.close()


def test_store_search_rolls_back_with_the_document(folder: Path, nlp) -> None:
    """A write that fails leaves no index entry behind (the triggers run in its transaction)."""
    from dyadwatch.analyze import analyze_documents
    from dyadwatch.ingest import build_document
    from dyadwatch.ingest import read_path

    store = Store(folder / "r.db")
    raw = next(iter(read_path(folder / "a.txt", max_file_bytes=1_000_000)))
    document = build_document(raw)
    analysis = next(iter(analyze_documents(nlp, [document])))
    bad = analysis.__class__(**{**analysis.__dict__, "claims": analysis.claims + analysis.claims[:1]})
    if not analysis.claims:
        pytest.skip("no claim to duplicate")
    with pytest.raises(sqlite3.IntegrityError):
        store.write(document, bad)  # duplicate claim id: the transaction fails at the end
    assert store.execute("SELECT count(*) FROM documents")[0][0] == 0
    _check(store)
    assert _match(store, "documents_fts", "beijing") == 0
    assert _match(store, "events_fts", "energy") == 0
    store.close()


def test_store_search_migration_indexes_what_is_there(folder: Path, nlp) -> None:
    """A database made before m003_search gets its existing rows indexed when it is opened."""
    path = folder / "old.db"
    store = Store(path)
    ingest_sources(store, [str(folder)], nlp=nlp)
    store.close()
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP TABLE documents_fts; DROP TABLE events_fts; DROP TABLE figures_fts; DROP TABLE quotes_fts; "
        "DROP VIEW event_sentences; DROP VIEW figure_sentences; "
        + "".join(f"DROP TRIGGER {t}; " for t in (
            "documents_fts_insert", "documents_fts_update", "documents_fts_delete", "events_fts_insert",
            "events_fts_delete", "events_fts_update", "figures_fts_insert", "figures_fts_delete",
            "figures_fts_update", "quotes_fts_insert", "quotes_fts_delete", "quotes_fts_update"))
        + "DROP INDEX events_target; DROP INDEX documents_ingested; DROP INDEX documents_outlet; "
        "DROP INDEX events_pair_date; DROP INDEX events_month; DROP INDEX events_modality; "
        "DROP INDEX mentions_span; DROP INDEX mentions_code_document; "
        "DROP INDEX quotes_speaker_actor; DROP INDEX figures_unit; "
        "DELETE FROM _dyadwatch_migrations WHERE name = 'm003_search';")
    conn.close()
    store = Store(path)
    assert "m003_search" in store.applied_migrations()
    _check(store)
    assert _match(store, "documents_fts", "pakistan") == 1
    assert _match(store, "quotes_fts", "limits") == 1
    store.close()
