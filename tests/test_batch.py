"""dyadwatch batch and load on a real Dask LocalCluster (2 worker processes), real Parquet and SQLite."""

from __future__ import annotations

import functools
import gzip
import json
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

import cloudpickle  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from dyadwatch import Store, ingest_sources  # noqa: E402
from dyadwatch.batch import load_results, run_batch  # noqa: E402
from dyadwatch.batch.run import MANIFEST, local_cluster  # noqa: E402
from dyadwatch.batch.worker import analyze_partition  # noqa: E402
from dyadwatch.cli import cli  # noqa: E402
from dyadwatch.errors import BatchError  # noqa: E402

# the flaky partition functions below run on the workers, which cannot import this test module
cloudpickle.register_pickle_by_value(sys.modules[__name__])

ARTICLES = {
    "talks.txt": (
        "India and China agree to resume border talks\n\n"
        "NEW DELHI, March 12 (Reuters) - India and China agreed on Monday to resume talks on their disputed "
        "border, officials said. \"We will not accept any change to the status quo,\" Indian Foreign Minister "
        "S. Jaishankar told reporters. Bilateral trade reached $118 billion last year, up 2 percent.\n"),
    "rebuff.md": (
        "# China rebuffs India\n\nBy Jo Park\n\n"
        "China rejected India's proposal for new border talks on Tuesday. Beijing accused New Delhi of "
        "provocations along the frontier. Trade between the two countries fell to $100 billion last year.\n"),
    "copy-of-talks.txt": None,  # the same text under another name: one document, two sources
}
JSONL_LINES = [
    {"text": "Russia and China signed a gas supply deal worth $400 billion, the Kremlin said on Friday. "
             "The relationship between Moscow and Beijing is stronger than ever, analysts said.",
     "title": "Russia, China sign gas deal", "outlet": "Example Wire", "published": "2024-05-17",
     "url": "https://example.org/gas-deal"},
    {"text": "Die Regierung in Berlin kritisierte am Montag die Entscheidung Chinas, neue Zölle zu erheben. "
             "Der Handel zwischen beiden Ländern ist zurückgegangen.", "title": "Berlin kritisiert Peking"},
    "not json at all",
    {"html": "<html><head><title>Japan protests</title></head><body><article><p>Japan lodged a formal "
             "protest with China on Wednesday after Chinese coast guard ships entered waters near the "
             "disputed islands, the foreign ministry in Tokyo said.</p></article></body></html>",
     "authors": ["Aiko Sato"]},
]
TABLES = ("documents", "document_sources", "sentences", "actors", "mentions", "events", "quotes", "figures",
          "claims", "stances", "document_groups", "relations")
#: per-run values, not analysis: row ids and timestamps
VOLATILE = {"id", "ingested_at", "analyzed_at", "first_seen"}


def _write_corpus(d: Path) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (d / name).write_text(text if text is not None else ARTICLES["talks.txt"], encoding="utf-8")
    (d / "README.md").write_text("A test corpus, not an article.\n")
    (d / "wire.jsonl").write_text("\n".join(line if isinstance(line, str) else json.dumps(line)
                                            for line in JSONL_LINES) + "\n\n", encoding="utf-8")
    return d


def _rows(db: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in VOLATILE]
    if table == "relations":  # relation ids are per run; compare what they say
        cols = [c for c in cols if c != "id"]
    quoted = ", ".join(f'"{c}"' for c in cols)
    rows = conn.execute(f"SELECT {quoted} FROM {table} ORDER BY {', '.join(str(i + 1) for i in range(len(cols)))}")
    out = [tuple(r) for r in rows]
    conn.close()
    return out


@pytest.fixture(scope="module")
def client():
    from distributed import Client

    cluster = local_cluster(2)  # the cluster run_batch starts without --scheduler
    c = Client(cluster, set_as_default=False)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _write_corpus(tmp_path_factory.mktemp("batch") / "corpus")


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory, corpus: Path, client) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("batch-out") / "out"
    summary = run_batch([str(corpus)], out, client=client, partition_size=2)
    return out, summary


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, batch_out) -> tuple[Path, object]:
    db = tmp_path_factory.mktemp("batch-db") / "batch.db"
    with Store(db) as store:
        summary = load_results(store, batch_out[0])
    return db, summary


def test_batch_writes_partitioned_parquet(batch_out) -> None:
    out, summary = batch_out
    # 7 records: 3 files (2 distinct texts) and 4 JSONL lines, one of them not JSON; README skipped
    assert (summary.partitions, summary.done, summary.items, summary.failed) == (4, 4, 7, 1)
    assert summary.workers == 2 and not summary.failed_partitions
    assert any("[DW105]" in m and "line 3" in m for m in summary.messages)
    assert any("[W103]" in m for m in summary.messages)
    for table in ("documents", "document_sources", "sentences", "mentions", "events", "quotes", "figures",
                  "claims", "stances", "messages"):
        assert sorted(p.name for p in (out / table).iterdir()) == [f"part-{i:06d}.parquet" for i in range(4)], table
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["complete"] and manifest["partition_size"] == 2 and manifest["partitions"] == 4


def test_batch_load_is_the_same_as_ingest(tmp_path: Path, corpus: Path, loaded, nlp) -> None:
    batch_db, load_summary = loaded
    ingest_db = tmp_path / "ingest.db"
    with Store(ingest_db) as store:
        ingest_summary = ingest_sources(store, [str(corpus)], nlp=nlp)
    assert (load_summary.added, load_summary.present) == (ingest_summary.added, ingest_summary.present) == (5, 1)
    assert load_summary.skipped_language == ingest_summary.skipped_language == 1
    assert load_summary.comparison is not None
    for table in TABLES:
        expected = _rows(ingest_db, table)
        assert _rows(batch_db, table) == expected, table
        if table in ("documents", "events", "quotes", "figures", "claims"):
            assert expected, f"the test corpus should give {table}"


def test_batch_parquet_is_queryable_with_duckdb(batch_out, loaded) -> None:
    duckdb = pytest.importorskip("duckdb")
    out, _ = batch_out
    con = duckdb.connect()
    # talks.txt and its copy fell in two partitions: each has the document's rows, the store has them once
    assert con.sql(f"SELECT count(DISTINCT filename) FROM read_parquet('{out}/documents/*.parquet', filename=true) "
                   f"WHERE title LIKE 'India and China%'").fetchall() == [(2,)]
    by_type = con.sql(f"""
        WITH e AS (SELECT * FROM read_parquet('{out}/events/*.parquet', filename=true)),
             first AS (SELECT document_id, min(filename) AS filename FROM e GROUP BY document_id)
        SELECT type, count(*) FROM e JOIN first USING (document_id, filename) GROUP BY type ORDER BY type
    """).fetchall()
    conn = sqlite3.connect(loaded[0])
    assert by_type == conn.execute("SELECT type, count(*) FROM events GROUP BY type ORDER BY type").fetchall()
    titles = con.sql(f"SELECT DISTINCT d.title FROM '{out}/events/*.parquet' e "
                     f"JOIN '{out}/documents/*.parquet' d ON d.id = e.document_id ORDER BY 1").fetchall()
    assert ("Russia, China sign gas deal",) in titles
    money = con.sql(f"SELECT value, unit FROM '{out}/figures/*.parquet' WHERE unit = 'USD' ORDER BY value").fetchall()
    assert (1.18e11, "USD") in money


def test_batch_workers_never_open_the_store(batch_out, client) -> None:
    # the declaration of the tables (dyadwatch.store.schema) is what the workers' Parquet follows;
    # nothing that opens, migrates or writes a database may be loaded
    schema_only = {"dyadwatch.store", "dyadwatch.store.schema"}
    loaded_modules = client.run(lambda: sorted(m for m in sys.modules if m.startswith(("dyadwatch.store",
                                                                                        "dyadwatch.jobs"))
                                               and m not in schema_only))
    assert loaded_modules and all(v == [] for v in loaded_modules.values())


def _worker_state(dask_worker) -> dict[str, object]:
    import os

    import dask

    return {"profiler": dask.config.get("distributed.worker.profile.enabled"),
            "profiles": len(dask_worker.profile_history),
            "message_log": dask_worker.batched_stream.recent_message_log.maxlen,
            "threads": os.environ.get("OMP_NUM_THREADS")}


def test_batch_workers_run_one_thread_each_without_dasks_profiler(batch_out, client) -> None:
    # the profiler's history and the comms' message logs grew memory with the run (docs/scaling.md)
    states = client.run(_worker_state)
    assert len(states) == 2
    assert all(s == {"profiler": False, "profiles": 0, "message_log": 20, "threads": "1"}
               for s in states.values()), states
    assert client.run_on_scheduler(lambda dask_scheduler: sorted(
        c.recent_message_log.maxlen for c in dask_scheduler.stream_comms.values())) == [20, 20]
    assert not any(m.startswith("[W503]") for m in batch_out[1].messages)


def test_batch_warns_once_when_the_scheduler_s_workers_profile_themselves(tmp_path: Path, corpus: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, processes=False, dashboard_address=None) as profiling:  # Dask's defaults
        summary = run_batch([str(corpus)], tmp_path / "out", scheduler=profiling.scheduler_address)
    warnings = [m for m in summary.messages if m.startswith("[W503]")]
    assert warnings == [f"[W503] The Dask cluster at {profiling.scheduler_address} grows its memory with the length "
                        "of the run: Dask's profiler runs on 1 of its 1 workers (about 0.2 MB a second of analysis "
                        "each, for 17 minutes); its scheduler keeps the last 1000 messages to each worker, and with "
                        "them the partitions they carried. Start its scheduler and workers with "
                        "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False and "
                        "DASK_DISTRIBUTED__ADMIN__LOW_LEVEL_LOG_LENGTH=20 to keep it flat (docs/scaling.md)."]
    assert summary.done == summary.partitions == 1 and summary.documents == 5


def test_batch_reads_jsonl_gz_and_parquet_as_jsonl(tmp_path: Path, client) -> None:
    good = [JSONL_LINES[0], JSONL_LINES[3]]
    d = tmp_path / "in"
    d.mkdir()
    with gzip.open(d / "wire.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(o) for o in good) + "\n")
    rows = [{"text": o.get("text"), "html": o.get("html"), "title": o.get("title"), "url": o.get("url"),
             "authors": o.get("authors")} for o in good]
    pq.write_table(pa.Table.from_pylist(rows), d / "wire.parquet")
    (d / "plain.jsonl").write_text("\n".join(json.dumps(o) for o in good) + "\n")
    summary = run_batch([str(d)], tmp_path / "out", client=client, partition_size=10)
    assert summary.failed == 0 and summary.items == 6, summary.messages
    docs = pq.read_table(tmp_path / "out" / "documents").to_pylist()
    sources = pq.read_table(tmp_path / "out" / "document_sources").to_pylist()
    assert len(docs) == 2  # the same two articles from three containers
    assert sorted(Path(s["source"]).name for s in sources) == [
        "plain.jsonl#L1", "plain.jsonl#L2", "wire.jsonl.gz#L1", "wire.jsonl.gz#L2", "wire.parquet#R1",
        "wire.parquet#R2"]
    assert {d["title"] for d in docs} == {"Russia, China sign gas deal", "Japan protests"}


def flaky_partition(items, *, marker: str, **kwargs):
    """Fails every time on a poisoned record, and once on a partition holding 'talks.txt'."""
    sources = [i["raw"]["source"] if "raw" in i else i.get("path", "") for i in items]
    if any("rebuff" in s for s in sources):
        raise RuntimeError("poisoned partition")
    if any(s.endswith("copy-of-talks.txt") for s in sources) and not Path(marker).exists():
        Path(marker).write_text("failed once")
        raise RuntimeError("worker hiccup")
    return analyze_partition(items, **kwargs)


def test_batch_retries_and_reports_a_failed_partition_then_a_rerun_completes(tmp_path: Path, corpus: Path,
                                                                            client, loaded) -> None:
    out = tmp_path / "out"
    flaky = functools.partial(flaky_partition, marker=str(tmp_path / "marker"))
    reports = []
    summary = run_batch([str(corpus)], out, client=client, partition_size=1, retries=1, partition_function=flaky,
                        on_partition=reports.append)
    # partitions: 0 copy-of-talks.txt (fails once), 1 rebuff.md (always fails), 2 talks.txt, 3-6 wire.jsonl
    assert summary.failed_partitions == [1] and summary.done == 6
    assert any(m.startswith("[W501] partition 0 (") and "attempt 1 of 2 failed (RuntimeError: worker hiccup)" in m
               for m in summary.messages)
    assert any(m.startswith("[DW505] partition 1 (") and "failed 2 times (RuntimeError: poisoned partition)" in m
               for m in summary.messages)
    assert {(r.index, r.status, r.attempts) for r in reports if r.index < 2} == {(0, "done", 2), (1, "failed", 2)}
    assert json.loads((out / "_failed" / "part-000001.json").read_text())["error"] == "RuntimeError: poisoned partition"
    assert not json.loads((out / MANIFEST).read_text())["complete"]

    # a load of the incomplete run stores what is there and says what is missing
    with Store(tmp_path / "partial.db") as store:
        partial = load_results(store, out, compare=False)
    assert partial.added == 4 and any(m.startswith("[W502]") for m in partial.messages)

    # the same batch again: only the missing partition runs
    again = run_batch([str(corpus)], out, client=client, partition_size=1)
    assert (again.done, again.skipped, again.failed_partitions) == (1, 6, [])
    assert not (out / "_failed" / "part-000001.json").exists()
    # loading into the partly loaded database completes it: the same as one whole load
    with Store(tmp_path / "partial.db") as store:
        rest = load_results(store, out)
    assert (rest.added, rest.present) == (1, 5) and not rest.messages
    for table in ("documents", "events", "quotes", "figures", "claims", "mentions", "stances"):
        assert _rows(tmp_path / "partial.db", table) == _rows(loaded[0], table), table


def test_load_twice_stores_each_document_once(tmp_path: Path, batch_out, loaded) -> None:
    db = tmp_path / "twice.db"
    shutil.copy(loaded[0], db)
    with Store(db) as store:
        again = load_results(store, batch_out[0])
    assert (again.added, again.present, again.comparison) == (0, 6, None)
    for table in ("documents", "document_sources", "events", "claims"):
        assert _rows(db, table) == _rows(loaded[0], table)


def test_batch_refuses_an_output_directory_it_did_not_write(tmp_path: Path, corpus: Path, client, batch_out) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    with pytest.raises(BatchError, match=r"^\[DW504\] .*other: .*already holds other files"):
        run_batch([str(corpus)], other, client=client)
    with pytest.raises(BatchError, match=r"^\[DW504\] .*another batch run with other inputs|other inputs"):
        run_batch([str(corpus / "talks.txt")], batch_out[0], client=client, partition_size=2)
    with pytest.raises(BatchError, match=r"^\[DW506\] "):
        load_results(Store(tmp_path / "x.db"), other)


def test_batch_unreachable_scheduler_is_one_clear_error(tmp_path: Path, corpus: Path) -> None:
    with pytest.raises(BatchError, match=r"^\[DW502\] Could not connect to the Dask scheduler at tcp://127.0.0.1:9 "):
        run_batch([str(corpus)], tmp_path / "out", scheduler="tcp://127.0.0.1:9", connect_timeout=1)


def test_cli_batch_and_load_on_a_running_scheduler(tmp_path: Path, client) -> None:
    corpus = _write_corpus(tmp_path / "in")
    out, db = tmp_path / "out", tmp_path / "cli.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["batch", str(corpus), "--out", str(out), "--scheduler",
                                 client.scheduler.address, "--partition-size", "3"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}: 3 partitions written (7 records, 5 documents), 0 already written, 0 failed, " \
                            f"1 records failed; " + result.stdout.split("; ", 1)[1]
    assert "on 2 worker(s)" in result.stdout
    assert "error: [DW105]" in result.stderr and "dyadwatch load --db" in result.stderr
    result = runner.invoke(cli, ["load", "--db", str(db), str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{db}: 5 added, 1 already present, 3 of 3 partitions loaded, "
                                    "1 not analysed (not English)\ncompared 5 documents")


def test_cli_batch_without_the_extra_says_how_to_install_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    result = CliRunner().invoke(cli, ["batch", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output == ("Error: [DW501] dyadwatch batch needs the optional 'batch' dependencies (distributed "
                             "is missing). Install them with: pip install 'dyadwatch[batch]'\n")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    result = CliRunner().invoke(cli, ["load", str(tmp_path)])
    assert result.exit_code == 1 and result.output.startswith("Error: [DW501] dyadwatch load needs")


def test_batch_on_a_scheduler_without_workers_is_one_clear_error(tmp_path: Path, corpus: Path, monkeypatch) -> None:
    from distributed import LocalCluster

    import dyadwatch.batch.run as run_module

    monkeypatch.setattr(run_module, "WORKER_WAIT", 0.5)
    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as empty:
        with pytest.raises(BatchError, match=r"^\[DW503\] The Dask workers at \S+ cannot run this batch "
                                             r"\(no worker joined the scheduler within 0.5 s\)"):
            run_batch([str(corpus)], tmp_path / "out", scheduler=empty.scheduler_address)
