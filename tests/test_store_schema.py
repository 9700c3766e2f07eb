"""The stored tables as ``dyadwatch.store.schema`` declares them: every field of every stored record
has its column in a migrated database, and a record comes back identical from the store, from the
Parquet tables of a batch run and in the analysis-record export."""

from __future__ import annotations

import dataclasses
import io
import json
import sqlite3
from pathlib import Path

import pytest

from dyadwatch.export.records import analysis_record, event_records
from dyadwatch.records import (
    ActorMention,
    Analysis,
    Claim,
    Document,
    Event,
    Figure,
    Quote,
    Relation,
    Sentence,
    Stance,
)
from dyadwatch.store import Store, schema

TEXT = ("Japan protested to China on Monday.  China said it would send 2,000 troops. "
        "Tokyo's envoy called the move 'a grave threat', officials said.")


#: a value of each kind of field (``schema.Table.field_kind``) for ``filled``
_VALUE_OF_KIND = {"text": "set", "integer": 7, "real": 0.25, "list": ("x", "y"), "spans": ((0, 5),),
                  "mapping": {"k": "v"}}


def filled(record: object, table: schema.Table) -> object:
    """``record`` with every field still at its default given a value of its kind, as the table
    declares it: a field added to a record is then carried through every round trip below
    without touching this file."""
    values: dict[str, object] = {}
    for f in dataclasses.fields(record):  # type: ignore[arg-type]
        if f.name in _non_default_fields(record):
            continue
        kind = table.field_kind(f.name)
        values[f.name] = (not f.default) if kind == "bool" else _VALUE_OF_KIND[kind]
    return dataclasses.replace(record, **values) if values else record  # type: ignore[type-var]


def full_analysis() -> tuple[Document, Analysis]:
    """A document and an analysis in which every field of every record holds a value other than
    its default (so a field a backend drops or mangles shows): the fields written out below, and
    any other (a field added since) filled by its declared kind (``filled``)."""
    doc = Document(id="0123456789abcdef", source="a.txt", text=TEXT, url="https://example.org/a",
                   title="Japan protests", outlet="Example News", authors=("A. Writer", "B. Writer"),
                   published="2024-03-04", published_basis="stated", language="en", chrome=((36, 37),),
                   meta_evidence={"published": "dateline"}, warnings=("odd markup",))
    s1, s2, s3 = Sentence(0, 35), Sentence(37, 77), Sentence(78, len(TEXT))
    analysis = Analysis(
        document_id=doc.id, analyzer="test-1", sentences=(s1, s2, s3),
        mentions=(ActorMention(0, 5, "Japan", "JPN", "Japan -> JPN", "actors.v1", person="Kishida",
                               actor_type="state"),
                  ActorMention(78, 83, "Tokyo", "JPN", "Tokyo -> JPN (capitals)", "actors.v1", person="Envoy",
                               actor_type="state")),
        events=(Event(0, 35, TEXT[0:35], "JPN", "CHN", "PROTEST", mode="verbal", negated=True, modality="alleged",
                      date="2024-03-04", intensity=-2.5, trigger="protested", trigger_start=6, trigger_end=15,
                      contexts=("territory", "diplomacy"), confidence=0.75, dictionary="events.v2",
                      source_type="state", target_type="organisation"),),
        quotes=(Quote(109, 125, "a grave threat", speaker="Tokyo's envoy", speaker_actor="JPN", direct=False,
                      cue="called"),),
        figures=(Figure(61, 66, TEXT[37:77], 2000.0, "count", raw="2,000", value_high=3000.0, qualifier="about",
                        measure="troops", period="2024"),),
        claims=(Claim("0123456789abcdef-c1", 37, 77, TEXT[37:77], speaker="China", polarity=-1,
                      actors=("CHN", "JPN"), normalized={"type": "MOBILIZE", "n": 2000}),),
        stances=(Stance(("CHN", "JPN"), "weakening", -0.5, evidence=((0, 35), (37, 77))),),
        skipped="not really",
    )
    doc = filled(doc, schema.DOCUMENTS)  # type: ignore[assignment]
    analysis = dataclasses.replace(analysis, **{name: tuple(filled(r, table) for r in getattr(analysis, name))
                                                for name, table in schema.ANALYSIS.items()})
    return doc, analysis


def _non_default_fields(record: object) -> set[str]:
    out = set()
    for f in dataclasses.fields(record):  # type: ignore[arg-type]
        default = f.default if f.default is not dataclasses.MISSING else (
            f.default_factory() if f.default_factory is not dataclasses.MISSING else object())
        if getattr(record, f.name) != default:
            out.add(f.name)
    return out


def test_filled_gives_each_field_left_at_its_default_a_value_of_its_kind() -> None:
    bare = Event(0, 35, TEXT[0:35], "JPN", "CHN", "PROTEST")
    full = filled(bare, schema.EVENTS)
    assert _non_default_fields(full) == set(schema.EVENTS.fields)
    assert (full.start, full.source, full.type) == (0, "JPN", "PROTEST")  # type: ignore[attr-defined]
    assert full.negated is True and full.contexts == ("x", "y")  # type: ignore[attr-defined]


def test_every_record_field_reaches_every_backend_by_derivation() -> None:
    """A field added to a stored record needs a migration for its column and nothing else: its
    SQLite column, its Parquet column in the batch tables and its place in the exports all come
    from the table ``schema`` derives from the record (the migration is checked by
    ``test_every_field_of_every_stored_record_has_its_column``)."""
    pytest.importorskip("pyarrow")
    from dyadwatch.batch.tables import SCHEMAS
    from dyadwatch.export.parquet import parquet_schema
    from dyadwatch.export.records import EVENT_FIELDS, PLOVER_NAMES, TEXT_INFO

    for name, table in {"documents": schema.DOCUMENTS, **schema.ANALYSIS}.items():
        parquet = set(SCHEMAS[name].names)
        for f in table.fields:
            columns = [c for c in table.columns if c.field == f]
            assert columns, (name, f)
            assert all(c.name in parquet for c in columns), (name, f, "batch Parquet")
            assert any("sqlite" in c.backends or c.span for c in columns), (name, f, "SQLite")
    record_events = parquet_schema("records").field("events").type.value_type
    in_records = {record_events.field(i).name for i in range(record_events.num_fields)}
    event_export = set(parquet_schema("events").names)
    for f in schema.EVENTS.exported_fields():
        assert f in in_records, (f, "records export")
        assert f in TEXT_INFO or PLOVER_NAMES.get(f, f) in set(EVENT_FIELDS) & event_export, (f, "events export")


def test_the_hand_built_analysis_fills_every_field() -> None:
    doc, analysis = full_analysis()
    assert _non_default_fields(doc) == {f.name for f in dataclasses.fields(Document)}
    assert _non_default_fields(analysis) == {f.name for f in dataclasses.fields(Analysis)}
    for name, table in schema.ANALYSIS.items():
        for item in getattr(analysis, name):
            assert _non_default_fields(item) == set(table.fields), (name, item)


def test_every_field_of_every_stored_record_has_its_column(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    assert schema.missing_columns(conn) == []
    records = {Document, Sentence, ActorMention, Event, Quote, Figure, Claim, Stance, Relation}
    assert {t.record for t in schema.TABLES.values()} == records
    for table in schema.TABLES.values():
        have = {r[1]: r[2] for r in conn.execute(f"PRAGMA table_info({table.name})")}
        for field in dataclasses.fields(table.record):
            columns = [c for c in table.columns if c.field == field.name]
            assert columns, f"{table.record.__name__}.{field.name} has no column in {table.name}"
            for c in columns:
                if c.span is not None:  # cut out of the document text: its span's columns are stored
                    assert set(c.span) <= set(have)
                else:
                    assert have.get(c.name) == c.sql_type, (table.name, c.name, have.get(c.name))
        for key in table.key:
            assert key in have


def test_a_database_that_lacks_a_column_is_named() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE events (id INTEGER, document_id TEXT, start INTEGER)")
    missing = schema.missing_columns(conn)
    assert "events.source TEXT (database: absent)" in missing
    assert "events.start INTEGER (database: absent)" not in missing


def test_a_record_round_trips_through_the_store() -> None:
    doc, analysis = full_analysis()
    relation = Relation(doc.id, 0, 35, doc.id, 37, 77, "contradict", 0.8, "one says yes, one says no")
    with Store() as store:
        store.write(doc, analysis)
        store.replace_relations([relation])
        assert store.document(doc.id) == doc
        assert store.analysis(doc.id) == analysis
        assert store.relations() == [relation]


def test_a_record_round_trips_through_the_batch_parquet_tables() -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from dyadwatch.batch.tables import analysis_from_rows, analysis_rows, document_from_row, document_row, to_parquet

    doc, analysis = full_analysis()
    rows = {"documents": [document_row(doc, analysis, position=7)], **analysis_rows(analysis, doc.text)}
    back = {name: pq.read_table(io.BytesIO(to_parquet(name, table_rows))).to_pylist()
            for name, table_rows in rows.items()}
    assert back["documents"][0]["position"] == 7
    assert document_from_row(back["documents"][0]) == doc
    assert analysis_from_rows(back["documents"][0], back) == analysis


def test_a_record_round_trips_through_the_export() -> None:
    doc, analysis = full_analysis()
    record = analysis_record(doc, analysis, actor_names={"JPN": "Japan"})
    for f in ("id", "source", "url", "text"):
        assert record[f] == getattr(doc, f)
    assert record["meta"] == {f: schema.jsonable(getattr(doc, f)) for f in schema.DOCUMENTS.exported_fields()
                              if f not in ("id", "source", "url", "text")}
    # every field the contract lists, as the record holds it (tuples as JSON lists)
    for name in ("events", "claims"):
        table = schema.ANALYSIS[name]
        assert [{f: schema.jsonable(getattr(r, f)) for f in table.exported_fields()}
                for r in getattr(analysis, name)] == record[name]
    assert record["reported_speech"] == [dataclasses.asdict(q) for q in analysis.quotes]
    figure = analysis.figures[0]
    assert record["figures"][0] == {**dataclasses.asdict(figure)}
    assert record["figures"][1] == {**dataclasses.asdict(figure), "value": figure.value_high, "range_end": "high"}
    assert record["stances"] == [{"dyad": ["CHN", "JPN"], "label": "weakening", "score": -0.5,
                                  "evidence": [{"start": 0, "end": 35, "sentence": TEXT[0:35]},
                                               {"start": 37, "end": 77, "sentence": TEXT[37:77]}]}]
    assert record["analysis_skipped"] == "not really"


def test_event_export_carries_every_event_field(tmp_path: Path) -> None:
    doc, analysis = full_analysis()
    with Store(tmp_path / "x.db") as store:
        store.write(doc, analysis)
        (row,) = list(event_records(store))
    event = analysis.events[0]
    assert row["actor"] == event.source and row["recipient"] == event.target and row["event"] == event.type
    assert row["event_text"] == event.sentence
    assert row["text_info"] == {"start": 0, "end": 35, "trigger_start": 6, "trigger_end": 15}
    for f in schema.EVENTS.exported_fields():
        if f not in ("source", "target", "type", "sentence", "start", "end"):
            assert row[f] == schema.jsonable(getattr(event, f)), f


def test_m008_backfills_the_types_the_dictionaries_know_and_leaves_the_rest_null(db_path: Path) -> None:
    from dyadwatch.store.migrations import APPLICATION_ID, MIGRATIONS
    from dyadwatch.store.store import MIGRATIONS_TABLE, _run_script

    # a database as dyadwatch wrote it before m008
    names = [name for name, _ in MIGRATIONS]
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"CREATE TABLE {MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, fn in MIGRATIONS[:names.index("m008_actor_type")]:
        conn.execute("BEGIN")
        _run_script(conn, fn)
        conn.execute(f"INSERT INTO {MIGRATIONS_TABLE} VALUES (?, '2026-01-01')", (name,))
        conn.execute("COMMIT")
    conn.execute("INSERT INTO documents (id, source, text, ingested_at) VALUES ('d1', 'a.txt', ?, 'x')", (TEXT,))
    for code in ("CHN", "NATO", "XYZ"):
        conn.execute("INSERT INTO actors (code, name) VALUES (?, ?)", (code, code))
        conn.execute("INSERT INTO mentions (document_id, start, \"end\", text, code, entry, dictionary) "
                     "VALUES ('d1', 0, 5, 'x', ?, 'e', 'd')", (code,))
    for source, target in (("CHN", "NATO"), ("XYZ", "CHN")):
        conn.execute("INSERT INTO events (document_id, start, \"end\", source, target, type) "
                     "VALUES ('d1', 0, 35, ?, ?, 'ACCUSE')", (source, target))
    conn.close()

    # read-only (never migrated): read as it is, the types unknown
    with Store(db_path, readonly=True) as old:
        assert {m.actor_type for m in old.analysis("d1").mentions} == {None}
        assert {(e.source_type, e.target_type) for e in old.analysis("d1").events} == {(None, None)}
        assert old.actor_types() == {}
    with Store(db_path) as store:
        assert "m008_actor_type" in store.applied_migrations()
        assert store.actor_types() == {"CHN": "state", "NATO": "organisation"}
        assert dict(store.execute("SELECT code, actor_type FROM mentions")) == {
            "CHN": "state", "NATO": "organisation", "XYZ": None}
        assert [tuple(r) for r in store.execute("SELECT source_type, target_type FROM events ORDER BY id")] == [
            ("state", "organisation"), (None, "state")]
        assert schema.missing_columns(store.conn) == []


def test_the_report_reads_organisations_from_the_store_not_the_dictionaries() -> None:
    from dyadwatch.report.ledger import organisation_codes

    doc, analysis = full_analysis()
    with Store() as store:
        store.write(doc, analysis)
        # CHN is an organisation here only because the analysis said so
        assert store.actor_types() == {"JPN": "state", "CHN": "organisation"}
        assert organisation_codes(store) == frozenset({"CHN"})
        # a later analysis that does not know a type keeps the one stored
        unknown = dataclasses.replace(analysis, events=tuple(dataclasses.replace(e, target_type=None)
                                                             for e in analysis.events))
        store.write(doc, unknown)
        assert organisation_codes(store) == frozenset({"CHN"})


def test_real_analyses_round_trip_through_store_and_parquet(examples_db: Path, nlp) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from dyadwatch.analyze import analyze_documents
    from dyadwatch.batch.tables import analysis_from_rows, analysis_rows, document_row, to_parquet

    with Store(examples_db, readonly=True) as stored:
        documents = list(stored.documents())
    # a claim's ``normalized`` is an open-ended mapping, stored as JSON: its tuples come back as lists
    analyses = [dataclasses.replace(a, claims=tuple(dataclasses.replace(c, normalized=json.loads(json.dumps(
        c.normalized))) for c in a.claims)) for a in analyze_documents(nlp, documents)]
    assert sum(len(a.events) for a in analyses) > 10 and sum(len(a.claims) for a in analyses) > 5
    # the actor resolver types each mention, the event coder each side
    mentions = [m for a in analyses for m in a.mentions]
    assert {m.actor_type for m in mentions} >= {"state"} and all(m.actor_type for m in mentions if m.code == "CHN")
    assert all(e.source_type == "state" for a in analyses for e in a.events if e.source == "CHN")
    with Store() as store:
        for doc, analysis in zip(documents, analyses):
            store.write(doc, analysis)
            assert store.analysis(doc.id) == analysis
            rows = {"documents": [document_row(doc, analysis, position=0)], **analysis_rows(analysis, doc.text)}
            back = {name: pq.read_table(io.BytesIO(to_parquet(name, r))).to_pylist() for name, r in rows.items()}
            assert analysis_from_rows(back["documents"][0], back) == analysis
