"""The SQLite store: migrations, identity checks, one transaction per document."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dyadwatch.errors import NotADyadwatchDatabase, SchemaTooNew, StoreError
from dyadwatch.records import Analysis, Document, Event, Sentence
from dyadwatch.store import Store
from dyadwatch.store.migrations import MIGRATIONS

TABLES = {"documents", "document_sources", "sentences", "actors", "mentions", "events", "quotes", "figures",
          "claims", "stances", "relations"}


def doc(text: str = "Germany criticised Russia on Monday.", **kw) -> Document:
    from dyadwatch.ingest import document_id

    return Document(id=document_id(text), source="a.txt", text=text, **kw)


def test_store_creates_schema_by_named_migrations(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert TABLES <= tables
    applied = [r[0] for r in conn.execute("SELECT name FROM _dyadwatch_migrations ORDER BY rowid")]
    assert applied == [name for name, _ in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_reopen_applies_nothing_twice(db_path: Path) -> None:
    Store(db_path).close()
    store = Store(db_path)
    assert store.migrate() == []
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_store_refuses_a_file_that_is_not_sqlite(db_path: Path) -> None:
    db_path.write_text("name,value\na,1\n")
    with pytest.raises(NotADyadwatchDatabase, match=r"\[DW301\].*not an SQLite file"):
        Store(db_path)
    assert db_path.read_text() == "name,value\na,1\n"


def test_store_refuses_another_programs_database_and_leaves_it_alone(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (9.5)")
    conn.commit()
    conn.close()
    with pytest.raises(NotADyadwatchDatabase, match="invoices"):
        Store(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT total FROM invoices").fetchall() == [(9.5,)]
    assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master")} == {"invoices"}


def test_store_refuses_a_newer_schema(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO _dyadwatch_migrations VALUES ('m999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaTooNew, match=r"\[DW302\].*m999_from_the_future"):
        Store(db_path)


def test_store_write_is_idempotent_and_records_every_source(db_path: Path) -> None:
    store = Store(db_path)
    d = doc()
    assert store.write(d) == "added"
    again = Document(id=d.id, source="copy/b.txt", text=d.text)
    assert store.write(again) == "present"
    assert store.counts()["documents"] == 1
    assert store.document_sources(d.id) == ["a.txt", "copy/b.txt"]


def test_store_rolls_back_a_document_whose_analysis_fails(db_path: Path) -> None:
    store = Store(db_path)
    d = doc()
    bad = Analysis(d.id, "test", sentences=(Sentence(0, 36),),
                   events=(Event(0, 36, "", "DEU", "RUS", "ACCUSE", modality="rumoured"),))  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        store.write(d, bad)
    store.close()
    conn = sqlite3.connect(db_path)
    for table in ("documents", "document_sources", "sentences", "events"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table


def test_store_replaces_analysis_on_rewrite(db_path: Path) -> None:
    store = Store(db_path)
    d = doc()
    ev = Event(0, 36, "", "DEU", "RUS", "ACCUSE")
    store.write(d, Analysis(d.id, "v1", sentences=(Sentence(0, 36),), events=(ev, ev)))
    store.write(d, Analysis(d.id, "v2", sentences=(Sentence(0, 36),), events=(ev,)))
    a = store.analysis(d.id)
    assert a.analyzer == "v2" and len(a.events) == 1
    assert a.events[0].sentence == d.text


def test_store_readonly_cannot_write_and_needs_the_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such file"):
        Store(tmp_path / "missing.db", readonly=True)
    Store(tmp_path / "x.db").close()
    ro = Store(tmp_path / "x.db", readonly=True)
    with pytest.raises(StoreError, match="read-only"):
        ro.write(doc())


def test_store_resolves_id_prefixes(db_path: Path) -> None:
    store = Store(db_path)
    d = doc()
    store.write(d)
    assert store.resolve_id(d.id[:6]) == d.id
    with pytest.raises(StoreError, match="DW303"):
        store.resolve_id("zzzz")
    with pytest.raises(StoreError, match="DW303"):
        store.resolve_id("%")


def test_store_opens_in_datasette_as_it_is(examples_db: Path) -> None:
    import asyncio

    from datasette.app import Datasette

    async def fetch() -> tuple[list, int]:
        ds = Datasette([str(examples_db)])
        name = examples_db.stem
        docs = await ds.client.get(f"/{name}/documents.json?_shape=array&_size=100")
        sentences = await ds.client.get(f"/{name}/sentences.json?_shape=array&_size=1")
        return docs.json(), sentences.status_code

    docs, status = asyncio.run(fetch())
    assert status == 200
    assert len(docs) == 7 and all(d["text"] for d in docs)
