"""The ledger terms stored with each event (migration m009_event_terms) on real stores: after an
ingest with the real pipeline, a replaced analysis, a deleted document, an event changed by hand
and a migration of a store that predates them, every event has exactly one row of terms, each row
equals the terms worked out anew from the event, and the ledger read from them equals the ledger
counted event by event, for every pair, over all dates and within date bounds."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from dyadwatch.report.ledger import build_ledger, count_ledger, read_ledger
from dyadwatch.store import Store
from dyadwatch.store.terms import fill_event_terms


def assert_terms_match(store: Store) -> int:
    """Stored terms cover exactly the stored events and equal a fresh computation; returns the
    number of events."""
    ids = [r[0] for r in store.execute("SELECT id FROM events ORDER BY id")]
    stored = [tuple(r) for r in store.execute("SELECT * FROM event_terms ORDER BY event_id")]
    assert [r[0] for r in stored] == ids
    # work the terms out anew, in a rolled-back transaction
    store.conn.execute("BEGIN IMMEDIATE")
    try:
        store.conn.execute("DELETE FROM event_terms")
        assert fill_event_terms(store.conn) == len(ids)
        fresh = [tuple(r) for r in store.execute("SELECT * FROM event_terms ORDER BY event_id")]
    finally:
        store.conn.execute("ROLLBACK")
    assert stored == fresh
    return len(ids)


def assert_ledgers_match(store: Store) -> None:
    """For every pair with events, the ledger from the stored terms equals the recount."""
    pairs = {tuple(sorted((r[0], r[1]))) for r in store.execute("SELECT source, target FROM events "
                                                                "WHERE source <> target")}
    dates = sorted(r[0] for r in store.execute("SELECT DISTINCT substr(coalesce(e.date, d.published), 1, 10) "
                                               "FROM events e JOIN documents d ON d.id = e.document_id "
                                               "WHERE coalesce(e.date, d.published) IS NOT NULL"))
    bounds = [(None, None)] + ([(dates[0][:4], None), (None, dates[-1][:7]), (dates[len(dates) // 2], None)]
                               if dates else [])
    assert pairs
    entries = 0
    for a, b in sorted(pairs):
        for since, until in bounds:
            from_terms = read_ledger(store, a, b, since=since, until=until)
            assert from_terms is not None, (a, b)
            assert from_terms == count_ledger(store, a, b, since=since, until=until), (a, b, since, until)
            entries += len(from_terms["entries"])
    assert entries > 0


def test_terms_after_ingest_replace_and_delete(examples_db: Path, tmp_path: Path, nlp) -> None:
    from dyadwatch.analyze import analyze_documents

    path = tmp_path / "examples.db"
    shutil.copy(examples_db, path)
    store = Store(path)
    ingested = assert_terms_match(store)
    assert ingested > 10
    areas = {r[0] for r in store.execute("SELECT DISTINCT area FROM event_terms")}
    assert len(areas) > 1
    assert_ledgers_match(store)

    # replace: a document analysed anew with half of its events, the others kept
    doc_id = store.execute("SELECT document_id FROM events GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")[0][0]
    document = store.document(doc_id)
    analysis = next(iter(analyze_documents(nlp, [document])))
    events = tuple(analysis.events[::2])
    assert store.write(document, replace(analysis, events=events)) == "present"
    assert store.execute("SELECT count(*) FROM event_terms t JOIN events e ON e.id = t.event_id "
                         "WHERE e.document_id = ?", (doc_id,))[0][0] == len(events)
    assert assert_terms_match(store) < ingested
    assert_ledgers_match(store)

    # an event changed by hand loses its terms: its pair's ledger is counted event by event
    changed = store.execute("SELECT id, source, target FROM events WHERE source <> target AND modality = 'actual' "
                            "ORDER BY id LIMIT 1")[0]
    store.conn.execute("BEGIN IMMEDIATE")
    store.conn.execute("UPDATE events SET modality = 'alleged' WHERE id = ?", (changed[0],))
    store.conn.execute("COMMIT")
    assert not store.execute("SELECT 1 FROM event_terms WHERE event_id = ?", (changed[0],))
    assert read_ledger(store, changed[1], changed[2]) is None
    recount = count_ledger(store, changed[1], changed[2])
    assert build_ledger(store, changed[1], changed[2]) == recount
    assert any(e["kind"] == "alleged" for e in recount["entries"])
    store.conn.execute("BEGIN IMMEDIATE")
    fill_event_terms(store.conn)
    store.conn.execute("COMMIT")
    assert read_ledger(store, changed[1], changed[2]) == recount

    # delete: the document and, by cascade, its events and their terms
    others = store.execute("SELECT count(*) FROM events WHERE document_id <> ?", (doc_id,))[0][0]
    store.conn.execute("BEGIN IMMEDIATE")
    store.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    store.conn.execute("COMMIT")
    assert assert_terms_match(store) == others
    assert_ledgers_match(store)

    store.conn.execute("BEGIN IMMEDIATE")
    store.conn.execute("DELETE FROM documents")
    store.conn.execute("COMMIT")
    assert store.execute("SELECT count(*) FROM event_terms")[0][0] == 0
    store.close()


def test_migration_fills_the_terms_of_an_older_store(tmp_path: Path, nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store written before m009 gets the terms of every stored event when it is opened for
    writing; opened read-only before that, its ledger is counted event by event, the same."""
    import dyadwatch.store.store as store_module
    from dyadwatch import ingest_sources
    from dyadwatch.report.dyad import build_dyad_report
    from dyadwatch.store.migrations import MIGRATIONS

    from conftest import ROOT

    path = tmp_path / "older.db"
    monkeypatch.setattr(store_module, "MIGRATIONS", [m for m in MIGRATIONS if m[0] < "m009"])
    with Store(path) as store:
        assert ingest_sources(store, [str(ROOT / "examples")], nlp=nlp).failed == 0
        assert "event_terms" not in {r[0] for r in store.execute("SELECT name FROM sqlite_master")}
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS)
    with Store(path, readonly=True) as store:
        pair = store.execute("SELECT min(source, target), max(source, target) FROM events WHERE source <> target "
                             "GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1")[0]
        before = build_dyad_report(store, pair[0], pair[1])
    with Store(path) as store:
        assert "m009_event_terms" in store.applied_migrations()
        assert assert_terms_match(store) > 0
        assert_ledgers_match(store)
        after = build_dyad_report(store, pair[0], pair[1])
    assert after.ledger == before.ledger and after.ledger["entries"]
    assert after == before


def assert_kept_ledgers_match(store: Store) -> int:
    """Every kept ledger (``dyad_ledgers``) equals the ledger counted event by event now; returns
    how many are kept."""
    from dyadwatch.report.ledger import built_ledger

    kept = [tuple(r) for r in store.execute("SELECT a, b FROM dyad_ledgers ORDER BY a, b")]
    for a, b in kept:
        assert built_ledger(store, a, b) == count_ledger(store, a, b), (a, b)
    return len(kept)


def test_kept_ledgers_are_dropped_when_their_pair_changes(examples_db: Path, tmp_path: Path, nlp) -> None:
    """Ledgers kept built (every pair here: ``min_events=1``) equal the recount; writing an
    event of a pair, regrouping one of its documents, deleting one or adding an actor drops
    them, and building them again gives the recount again; the dyad report reads them."""
    from dyadwatch.analyze import analyze_documents
    from dyadwatch.report.dyad import build_dyad_report

    path = tmp_path / "examples.db"
    shutil.copy(examples_db, path)
    store = Store(path)
    pairs = store.execute("SELECT count(*) FROM (SELECT DISTINCT min(source, target), max(source, target) "
                          "FROM events WHERE source <> target)")[0][0]
    assert store.refresh_ledgers(min_events=1) == pairs > 1
    assert assert_kept_ledgers_match(store) == 2 * pairs
    a, b = store.execute("SELECT min(source, target), max(source, target) FROM events WHERE source <> target "
                         "GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1")[0]
    report = build_dyad_report(store, b, a)
    assert report.ledger == count_ledger(store, b, a) and report.ledger["pair"] == [b, a]

    def kept(x: str, y: str) -> bool:
        return bool(store.execute("SELECT 1 FROM dyad_ledgers WHERE a = ? AND b = ?", (x, y)))

    # a document analysed anew: the ledgers of its pairs go, the others stay and still match
    doc_id = store.execute("SELECT document_id FROM events WHERE (source, target) IN ((?, ?), (?, ?)) "
                           "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", (a, b, b, a))[0][0]
    document = store.document(doc_id)
    analysis = next(iter(analyze_documents(nlp, [document])))
    store.write(document, replace(analysis, events=tuple(analysis.events[::2])))
    assert not kept(a, b) and not kept(b, a)
    assert assert_kept_ledgers_match(store) < 2 * pairs
    store.refresh_ledgers(min_events=1)
    assert assert_kept_ledgers_match(store) > 0 and kept(a, b)

    # the document joins another's duplicate group: its independent source changes
    other = store.execute("SELECT id FROM documents WHERE id <> ? ORDER BY id LIMIT 1", (doc_id,))[0][0]
    store.conn.execute("BEGIN IMMEDIATE")
    store.conn.execute("INSERT OR REPLACE INTO document_groups (document_id, group_id, similarity) VALUES (?, ?, 0.9)",
                       (doc_id, other))
    store.conn.execute("COMMIT")
    assert not kept(a, b)
    store.refresh_ledgers(min_events=1)
    assert assert_kept_ledgers_match(store) > 0 and kept(a, b)

    # a new actor code (it might be an organisation) drops them all
    store.conn.execute("BEGIN IMMEDIATE")
    store.conn.execute("INSERT INTO actors (code, name) VALUES ('ZZZ', 'Nowhere')")
    store.conn.execute("COMMIT")
    assert store.execute("SELECT count(*) FROM dyad_ledgers")[0][0] == 0
    store.refresh_ledgers(min_events=1)

    # the document deleted
    store.conn.execute("BEGIN IMMEDIATE")
    store.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    store.conn.execute("COMMIT")
    assert not kept(a, b)
    assert_kept_ledgers_match(store)
    store.refresh_ledgers(min_events=1)
    assert assert_kept_ledgers_match(store) > 0
    store.close()
