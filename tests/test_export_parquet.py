"""dyadwatch export --format parquet: records, events and relations, read back by Arrow, DuckDB and pandas."""

from __future__ import annotations

import copy
import json
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch import Store
from dyadwatch.cli import cli
from dyadwatch.errors import ExportError
from dyadwatch.export import analysis_records, relation_records, write_parquet
from dyadwatch.export.records import event_records

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

WHATS = ("records", "events", "relations")


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _as_parquet_row(what: str, row: dict) -> dict:
    """A JSONL row with the fields it leaves out when they do not apply set to null, as Parquet has them."""
    row = copy.deepcopy(row)
    if what == "records":
        row.setdefault("also_ingested_from", None)
        row.setdefault("analysis_skipped", None)
        for f in row["figures"]:
            f.setdefault("range_end", None)
    return row


def _jsonl_rows(store: Store, what: str) -> list[dict]:
    rows = {"records": analysis_records, "events": event_records, "relations": relation_records}[what](store)
    # through JSON, as the JSONL export writes them
    return [json.loads(json.dumps(r)) for r in rows]


@pytest.fixture(scope="module")
def exported(examples_db: Path, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("parquet")
    paths = {}
    with Store(examples_db, readonly=True) as store:
        for what in WHATS:
            paths[what] = out / f"{what}.parquet"
            n = write_parquet(store, paths[what], what=what)
            assert n == len(_jsonl_rows(store, what)) > 0
    return paths


@pytest.mark.parametrize("what", WHATS)
def test_parquet_holds_exactly_what_jsonl_holds(examples_db: Path, exported: dict[str, Path], what: str) -> None:
    with Store(examples_db, readonly=True) as store:
        want = [_as_parquet_row(what, r) for r in _jsonl_rows(store, what)]
    got = pq.read_table(exported[what]).to_pylist()
    assert len(got) == len(want)
    assert got == want


def test_duckdb_reads_nested_records_events_and_relations(examples_db: Path, exported: dict[str, Path]) -> None:
    duckdb = pytest.importorskip("duckdb")
    with Store(examples_db, readonly=True) as store:
        records = _jsonl_rows(store, "records")
        relations = _jsonl_rows(store, "relations")
    con = duckdb.connect()
    rec, ev, rel = (str(exported[w]) for w in WHATS)

    rows = con.execute(f"SELECT id, meta.outlet, meta.published, len(events) FROM '{rec}' ORDER BY id").fetchall()
    assert rows == sorted((r["id"], r["meta"]["outlet"], r["meta"]["published"], len(r["events"])) for r in records)

    by_type = dict(con.execute(
        f"SELECT e.type, count(*) FROM (SELECT unnest(events) AS e FROM '{rec}') GROUP BY 1").fetchall())
    assert by_type == dict(Counter(e["type"] for r in records for e in r["events"]))
    # the flat event export and the events nested in records agree
    flat = dict(con.execute(f"SELECT event, count(*) FROM '{ev}' GROUP BY 1").fetchall())
    assert flat == by_type
    negated = con.execute(f"SELECT count(*) FROM '{ev}' WHERE negated AND text_info.start >= 0").fetchone()[0]
    assert negated == sum(e["negated"] for r in records for e in r["events"])

    kinds = dict(con.execute(f"SELECT relation, count(*) FROM '{rel}' GROUP BY 1").fetchall())
    assert kinds == dict(Counter(r["relation"] for r in relations))
    joined = con.execute(
        f"SELECT count(*) FROM '{rel}' rel JOIN '{rec}' a ON rel.a.document_id = a.id "
        f"JOIN '{rec}' b ON rel.b.document_id = b.id "
        f"WHERE substr(a.text, rel.a.start + 1, rel.a.\"end\" - rel.a.start) = rel.a.sentence").fetchone()[0]
    assert joined == len(relations)


def test_pandas_reads_the_files_as_they_are(exported: dict[str, Path], examples_db: Path) -> None:
    pd = pytest.importorskip("pandas")
    with Store(examples_db, readonly=True) as store:
        events = _jsonl_rows(store, "events")
    frame = pd.read_parquet(exported["events"])
    assert list(frame.columns) == list(events[0])
    assert len(frame) == len(events)
    assert frame["event"].value_counts().to_dict() == dict(Counter(e["event"] for e in events))
    records = pd.read_parquet(exported["records"])
    assert records["meta"].iloc[0]["title"] is not None or records["meta"].iloc[0]["outlet"] is not None


def test_small_row_groups_give_the_same_rows(examples_db: Path, exported: dict[str, Path], tmp_path: Path) -> None:
    with Store(examples_db, readonly=True) as store:
        n = write_parquet(store, tmp_path / "ev.parquet", what="events", row_group=7)
    meta = pq.ParquetFile(tmp_path / "ev.parquet").metadata
    assert meta.num_rows == n and meta.num_row_groups == -(-n // 7) > 1
    assert pq.read_table(tmp_path / "ev.parquet").to_pylist() == pq.read_table(exported["events"]).to_pylist()


def test_an_empty_store_gives_files_with_the_schema_and_no_rows(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.db") as store:
        for what in WHATS:
            assert write_parquet(store, tmp_path / f"{what}.parquet", what=what) == 0
            table = pq.read_table(tmp_path / f"{what}.parquet")
            assert table.num_rows == 0 and len(table.schema) >= 5


def test_cli_export_parquet(examples_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "relations.parquet"
    result = run("export", "--db", str(examples_db), "--what", "relations", "--format", "parquet", "--out", str(out))
    assert result.exit_code == 0, result.output
    n = pq.read_metadata(out).num_rows
    assert result.stderr == f"{out}: {n} relations\n" and n > 0
    assert not out.with_name(out.name + ".part").exists()


def test_cli_parquet_to_stdout_is_refused_with_what_to_do(examples_db: Path) -> None:
    result = run("export", "--db", str(examples_db), "--format", "parquet", "--what", "events")
    assert result.exit_code == 2
    assert "[DW602]" in result.stderr and "--out events.parquet" in result.stderr


def test_without_pyarrow_the_error_names_the_extra_and_nothing_is_written(
        examples_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    out = tmp_path / "records.parquet"
    out.write_text("an earlier export")
    with Store(examples_db, readonly=True) as store, pytest.raises(ExportError, match=r"\[DW601\].*dyadwatch\[parquet\]"):
        write_parquet(store, out)
    result = run("export", "--db", str(examples_db), "--format", "parquet", "--out", str(out))
    assert result.exit_code == 1 and "[DW601]" in result.stderr and "pip install 'dyadwatch[parquet]'" in result.stderr
    assert out.read_text() == "an earlier export"
