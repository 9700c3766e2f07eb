"""The cross-document step of dyadwatch batch, on a real Dask LocalCluster (2 worker processes):
after ``load``, the store's copies, stories and relations are what ``compare --all`` gives."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from dyadwatch import Store  # noqa: E402
from dyadwatch.batch import load_results, run_batch  # noqa: E402
from dyadwatch.batch.cross import CROSS_DIR, run_cross  # noqa: E402
from dyadwatch.batch.run import local_cluster  # noqa: E402
from dyadwatch.compare import compare_store  # noqa: E402

from conftest import EXAMPLES, SEEDS, SHARED, need_shared  # noqa: E402

STORIES = SHARED / "external" / "ahalterman-NGEC-2025" / "gpt_synthetic_events_2023-10-19_19.csv.zip"


def _corpus(d: Path) -> Path:
    """The examples, the seed articles, light copies of the seeds (a line on top, as syndication
    does) and 60 synthetic PLOVER stories, as one JSONL file in that order."""
    need_shared()
    lines = [{"text": p.read_text("utf-8"), "url": f"https://example.org/{p.stem}"}
             for p in sorted(EXAMPLES.glob("0[1-3]*"))]
    lines += [json.loads(x) for x in (EXAMPLES / "05_wire.jsonl").read_text("utf-8").splitlines() if x.strip()]
    seeds = sorted(SEEDS.glob("*.txt"))
    lines += [{"text": p.read_text("utf-8"), "url": f"https://seeds.example/{p.stem}"} for p in seeds]
    with zipfile.ZipFile(STORIES) as z, z.open(z.namelist()[0]) as fh:
        texts = [r["text"].strip() for r in csv.DictReader(io.TextIOWrapper(fh, "utf-8"))
                 if len((r.get("text") or "").split()) >= 40]
    for i, text in enumerate(dict.fromkeys(texts[:80])):
        if i % 10 == 3:  # copies arrive among the other articles, not after them
            s = seeds[(i // 10) % len(seeds)]
            lines.append({"text": f"Republished with permission ({i}).\n\n" + s.read_text("utf-8"),
                          "url": f"https://copies.example/{i}"})
        lines.append({"text": text, "url": f"https://stories.example/{i}"})
    d.mkdir(parents=True, exist_ok=True)
    path = d / "corpus.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def _state(store: Store) -> tuple[list, list, list]:
    """Groups, stories (with their events) and relations, each as sorted rows."""
    groups = sorted(tuple(r) for r in store.execute("SELECT document_id, group_id, similarity FROM document_groups"))
    stories = sorted(
        (r["source"], r["target"], r["type"], r["negated"], r["date"] or "", r["reports"], r["independent_sources"],
         tuple(sorted(x[0] for x in store.execute("SELECT event_id FROM story_events WHERE story_id = ?", (r["id"],)))))
        for r in store.execute("SELECT * FROM stories"))
    relations = sorted((r.a_document, r.a_start, r.a_end, r.b_document, r.b_start, r.b_end, r.relation, r.score, r.why)
                       for r in store.relations())
    return groups, stories, relations


@pytest.fixture(scope="module")
def client():
    from distributed import Client

    cluster = local_cluster(2)
    c = Client(cluster, set_as_default=False)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def batch(tmp_path_factory, client) -> tuple[Path, object]:
    d = tmp_path_factory.mktemp("cross")
    out = d / "out"
    summary = run_batch([str(_corpus(d))], out, client=client, partition_size=9)
    return out, summary


def _load_and_compare_all(db: Path, out: Path) -> tuple[object, tuple, tuple]:
    with Store(db) as store:
        loaded = load_results(store, out)
        from_cluster = _state(store)
        compare_store(store)  # dyadwatch compare --all, in this process
        in_process = _state(store)
    return loaded, from_cluster, in_process


def test_batch_compares_on_the_cluster_and_load_gives_what_compare_all_gives(tmp_path: Path, batch) -> None:
    out, summary = batch
    cross = summary.cross
    assert cross is not None and not summary.failed_partitions, summary.messages
    loaded, from_cluster, in_process = _load_and_compare_all(tmp_path / "a.db", out)
    assert loaded.compared_on_cluster and loaded.comparison is not None
    groups, stories, relations = from_cluster
    assert cross.documents == len(groups) == loaded.added
    assert from_cluster == in_process
    # the corpus holds copies, multi-source stories, agreements and contradictions
    assert cross.copies == sum(1 for d, g, _ in groups if d != g) >= 6
    assert any(s[6] > 1 for s in stories)
    assert {r[6] for r in relations} == {"agree", "contradict"} and cross.relations == len(relations)


def test_many_windows_and_shards_give_the_same_relations(tmp_path: Path, batch, client) -> None:
    out, _ = batch
    small = tmp_path / "out"
    shutil.copytree(out, small)
    # windows of 4 claims and shards of 15 documents: every pair of states in several windows,
    # the copy keys and the claims in several shards
    cross = run_cross(client, small, window_claims=4, shard_documents=15)
    assert cross is not None and cross.windows > cross.pairs and cross.blocks > cross.windows
    assert len(list((small / CROSS_DIR / "relations").glob("part-*.parquet"))) > 1
    loaded, from_cluster, in_process = _load_and_compare_all(tmp_path / "b.db", small)
    assert loaded.compared_on_cluster
    assert from_cluster == in_process and cross.relations == len(in_process[2]) > 0


def test_load_into_a_store_with_other_documents_compares_in_process(tmp_path: Path, batch) -> None:
    out, _ = batch
    db = tmp_path / "c.db"
    with Store(db) as store:
        from dyadwatch import ingest_sources

        ingest_sources(store, [str(EXAMPLES / "04_trade_figures.html")])
        loaded = load_results(store, out)
        assert not loaded.compared_on_cluster and loaded.comparison is not None
        assert loaded.comparison.documents == loaded.added
        groups, stories, relations = _state(store)
        assert relations
        compare_store(store)
        # an incremental compare relates the new documents with the earlier ones without
        # re-deciding the earlier pairs: the relations may differ from a full compare's, the
        # copies and the stories may not
        assert _state(store)[:2] == (groups, stories)
