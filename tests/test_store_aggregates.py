"""The dyad aggregates (migration m007_dyad_aggregates) on real stores: after an ingest with the
real pipeline, a replaced analysis, a deleted document and a migration of a store that predates
them, ``dyad_months``, ``dyad_documents`` and ``dyad_pairs`` hold exactly what counting the
events gives, and the dyad report's counts from them equal its counts event by event."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from dyadwatch.store import Store

#: the aggregates, recomputed from the events and their documents
RECOUNT = {
    "dyad_months": (
        "SELECT e.source, e.target, coalesce(substr(coalesce(e.date, d.published), 1, 7), ''), e.type, e.modality, "
        "(e.negated <> 0), count(*), coalesce(sum(CAST(round(e.intensity * 1000000) AS INTEGER)), 0), "
        "count(e.intensity) FROM events e JOIN documents d ON d.id = e.document_id WHERE e.source <> e.target "
        "GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6"),
    "dyad_documents": (
        "SELECT e.source, e.target, coalesce(substr(coalesce(e.date, d.published), 1, 7), ''), e.document_id, "
        "count(*) FROM events e JOIN documents d ON d.id = e.document_id WHERE e.source <> e.target "
        "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"),
    "dyad_pairs": ("SELECT source, target, count(*) FROM events WHERE source <> target GROUP BY 1, 2 "
                   "ORDER BY 1, 2"),
}
KEYS = {"dyad_months": "1, 2, 3, 4, 5, 6", "dyad_documents": "1, 2, 3, 4", "dyad_pairs": "1, 2"}


def assert_aggregates_match(store: Store) -> int:
    """Every aggregate table equals its recount; returns the number of events counted."""
    for table, sql in RECOUNT.items():
        stored = [tuple(r) for r in store.execute(f"SELECT * FROM {table} ORDER BY {KEYS[table]}")]
        assert stored == [tuple(r) for r in store.execute(sql)], table
    return store.execute("SELECT coalesce(sum(events), 0) FROM dyad_pairs")[0][0]


def assert_report_counts_match(store: Store) -> None:
    """For every pair, the report's counts from the aggregates equal its counts event by event,
    over all dates and within year and month bounds."""
    from dyadwatch.report.dyad import _Activity
    from dyadwatch.report.ledger import iter_pair_events

    pairs = {tuple(sorted((r[0], r[1]))) for r in store.execute("SELECT source, target FROM dyad_pairs")}
    months = sorted({r[0] for r in store.execute("SELECT month FROM dyad_months WHERE length(month) = 7")})
    bounds = [(None, None)] + ([(months[0][:4], None), (None, months[0]), (months[-1], months[-1])] if months else [])
    assert pairs
    for a, b in sorted(pairs):
        for since, until in bounds:
            from_aggregates, by_event = _Activity(a, b), _Activity(a, b)
            from_aggregates.read(store, a, b, since, until)
            for row in iter_pair_events(store, a, b, since=since, until=until):
                by_event.add(row)
            assert from_aggregates.documents == by_event.documents
            assert from_aggregates.undated == by_event.undated and from_aggregates.no_date == by_event.no_date
            assert from_aggregates.types == by_event.types
            assert sorted(from_aggregates.months) == sorted(by_event.months)
            buckets = [(from_aggregates.totals, by_event.totals)] + [
                (from_aggregates.months[m], by_event.months[m]) for m in by_event.months]
            for mine, theirs in buckets:
                for d in by_event.dirs:
                    x, y = dict(mine[d]), dict(theirs[d])
                    assert x.pop("intensity_sum") == pytest.approx(y.pop("intensity_sum"), abs=1e-9)
                    assert x == y, (a, b, since, until, d)


def test_aggregates_after_ingest_replace_and_delete(examples_db: Path, tmp_path: Path, nlp) -> None:
    from dyadwatch.analyze import analyze_documents

    path = tmp_path / "examples.db"
    shutil.copy(examples_db, path)
    store = Store(path)
    ingested = assert_aggregates_match(store)
    assert ingested == store.execute("SELECT count(*) FROM events WHERE source <> target")[0][0] > 10
    assert_report_counts_match(store)

    # replace: a document analysed anew, keeping every other event (so counts go down but not
    # to nothing), and its undated events dated instead
    doc_id = store.execute("SELECT document_id FROM events GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")[0][0]
    document = store.document(doc_id)
    analysis = next(iter(analyze_documents(nlp, [document])))
    events = tuple(replace(e, date=e.date or "2019-07-04") for e in analysis.events[::2])
    assert store.write(document, replace(analysis, events=events)) == "present"
    assert store.execute("SELECT count(*) FROM events WHERE document_id = ?", (doc_id,))[0][0] == len(events)
    replaced = assert_aggregates_match(store)
    assert replaced < ingested
    assert store.execute("SELECT count(*) FROM dyad_months WHERE month = '2019-07'")[0][0] > 0
    assert_report_counts_match(store)

    # delete: the document and, by cascade, its events
    others = store.execute("SELECT count(*) FROM events WHERE document_id <> ? AND source <> target", (doc_id,))[0][0]
    store.conn.execute("BEGIN IMMEDIATE")
    store.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    store.conn.execute("COMMIT")
    assert assert_aggregates_match(store) == others
    assert not store.execute("SELECT 1 FROM dyad_documents WHERE document_id = ?", (doc_id,))
    assert not store.execute("SELECT 1 FROM dyad_months WHERE month = '2019-07'")
    assert_report_counts_match(store)

    # a publication date changed by hand moves the document's undated events to another month
    undated = store.execute("SELECT document_id FROM events WHERE date IS NULL AND source <> target LIMIT 1")
    if undated:
        store.conn.execute("BEGIN IMMEDIATE")
        store.conn.execute("UPDATE documents SET published = '2001-02-03' WHERE id = ?", (undated[0][0],))
        store.conn.execute("COMMIT")
        assert assert_aggregates_match(store) == others
        assert store.execute("SELECT count(*) FROM dyad_months WHERE month = '2001-02'")[0][0] > 0

    # every document deleted: nothing left
    store.conn.execute("BEGIN IMMEDIATE")
    store.conn.execute("DELETE FROM documents")
    store.conn.execute("COMMIT")
    assert assert_aggregates_match(store) == 0
    assert all(store.execute(f"SELECT count(*) FROM {t}")[0][0] == 0 for t in RECOUNT)
    store.close()


def test_migration_fills_the_aggregates_of_an_older_store(tmp_path: Path, nlp,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A store written before m007 (its schema made by every other migration but m009, which builds
    on m007's tables: the writer of today needs the columns of m008) gets the aggregates of
    everything already stored when it is opened for writing."""
    import dyadwatch.store.store as store_module
    from dyadwatch import ingest_sources
    from dyadwatch.store.migrations import MIGRATIONS

    from conftest import ROOT

    older = [m for m in MIGRATIONS if not m[0].startswith(("m007", "m009"))]
    path = tmp_path / "older.db"
    monkeypatch.setattr(store_module, "MIGRATIONS", older)
    with Store(path) as store:
        summary = ingest_sources(store, [str(ROOT / "examples")], nlp=nlp)
        assert summary.failed == 0
        tables = {r[0] for r in store.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "dyad_months" not in tables
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS)
    with Store(path, readonly=True) as store:  # read-only: not migrated, the report counts event by event
        from dyadwatch.report.dyad import build_dyad_report

        pair = store.execute("SELECT min(source, target), max(source, target) FROM events WHERE source <> target "
                             "GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1")[0]
        before = build_dyad_report(store, pair[0], pair[1])
    with Store(path) as store:
        assert "m007_dyad_aggregates" in store.applied_migrations()
        assert assert_aggregates_match(store) > 0
        assert_report_counts_match(store)
        after = build_dyad_report(store, pair[0], pair[1])
    for key in ("events", "by_type", "documents"):
        assert getattr(after, key) == getattr(before, key), key
    assert [m.month for m in after.monthly] == [m.month for m in before.monthly]
