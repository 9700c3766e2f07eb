"""The cost of comparing new articles as the store grows, and what copies add.

For each store size N (cached under ``bench/results/`` per schema version): a copy of the
store gets ``--add`` further distinct stories, analysed and stored without comparing, then
compared incrementally (what ``ingest`` runs) in a fresh process, which loads the embedding
model, the stance lexicon and the MinHash code before the timing starts (the same one-off work
at every size). The smallest store, "0", is not empty: it holds one article on each pair of
states the added stories are about (``neighbours_store``), so that there, as in every larger
store, the added stories' claims are embedded and related with earlier articles'. Reported
per size: the compare's seconds per added document and the ratio to the empty store (measured
in the same run), its peak memory (the child process's max RSS) and the ratio to the smallest non-empty
store, and the seconds and memory of the full compare (``compare --all``) that built the store.

Stores: up to 4,400 articles, distinct synthetic PLOVER stories from ``../shared/external``
(4,500 usable; the last ones are kept for adding). Past 4,400, the 4,400-article store with
replicas of its articles, analysis rows included (``replicate``): each replica's words are
changed in place except its words of judgement, so it is no copy of its original (a copy is
found as a copy and compared with nothing), and its dates move on by a year per replica.

Copies: the three seed articles alone, then with 27 light copies (a line added on top, as
syndication does): the relations and the independent sources must not change.

    .venv/bin/python bench/compare.py                       # sizes 0, 1000, 1500, 5000, 20000
    .venv/bin/python bench/compare.py --sizes 0,500 --add 10
    .venv/bin/python bench/compare.py --json out.json       # default bench/results/compare.json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import synthetic  # bench/synthetic.py: run as a script, bench/ is on the path
from synthetic import distinct_stories

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CACHE = ROOT / "bench" / "results"
#: distinct stories stored; the rest are kept for adding, and larger stores are replicas
DISTINCT = 4400

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")


def write_jsonl(path: Path, items: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def build_store(n: int, items: list[dict[str, str]]) -> Path:
    """A store of ``n`` articles, analysed and fully compared (cached per schema version).

    Up to ``DISTINCT`` the first ``n`` distinct stories, ingested (onto the largest cached
    smaller store); past it, that store with replicas of its articles (``replicate``). The full
    compare's seconds and peak memory are kept beside the store (``.json``)."""
    from dyadwatch import Store, ingest_sources
    from dyadwatch.settings import load_settings
    from dyadwatch.store.migrations import MIGRATIONS

    CACHE.mkdir(parents=True, exist_ok=True)
    # a store built by an older schema is built again (its compare records would be missing)
    db = CACHE / f"compare-store-{n}-m{len(MIGRATIONS)}.db"
    if db.exists():
        return db
    tmp = db.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    if n > DISTINCT:
        shutil.copy(build_store(DISTINCT, items), tmp)
        with Store(tmp) as store:
            replicate(store, n - DISTINCT)
    else:
        cached = [int(p.name.split("-")[2]) for p in CACHE.glob(f"compare-store-*-m{len(MIGRATIONS)}.db")]
        below = max((m for m in cached if m < n), default=None)
        if below is not None:
            shutil.copy(CACHE / f"compare-store-{below}-m{len(MIGRATIONS)}.db", tmp)
        with tempfile.TemporaryDirectory() as d, Store(tmp) as store:
            if n > (below or 0):
                corpus = write_jsonl(Path(d) / "corpus.jsonl", items[below or 0:n])
                settings = load_settings({"n_process": 2, "max_file_bytes": 10**9})
                ingest_sources(store, [str(corpus)], settings=settings, compare=False)
    full = compare_in_child(tmp, "full")
    db.with_suffix(".json").write_text(json.dumps({"size": n, "full_compare_s": round(full["seconds"], 1),
                                                   "full_compare_max_rss_mb": round(full["max_rss_mb"], 1)}))
    tmp.replace(db)
    return db


def _mutate(text: str, k: int) -> str:
    """``text`` with most of its words' letters changed in place (offsets kept): word 5-shingles of
    a replica share nothing with its original's, so it is a new article, not a copy."""
    from dyadwatch.analyze.stance import sentence_cue_stems

    keep = {w[:6].casefold() for w in sentence_cue_stems(text)}

    def swap(m: re.Match[str]) -> str:
        w = m.group(0)
        if len(w) < 4 or w[:6].casefold() in keep or not w.isalpha():
            return w
        shift = k % 25 + 1
        return "".join(chr((ord(c) - 97 + shift) % 26 + 97) if "a" <= c <= "z" else c for c in w)

    return re.sub(r"\w+", swap, text)


def replicate(store: Any, count: int) -> None:
    """Add ``count`` replicas of the stored articles, analysis rows included (``_mutate``, a new
    id; dates moved on by k years for the k-th replica of an article): past the 4,500 distinct
    stories, a store as large as a feed's. A replica's claim sentences keep their words of
    judgement (the same direction, the same cues), and their stored vectors are the original's:
    to compare, a replica is an article reporting the same kind of news at another time."""
    import hashlib

    conn = store.conn
    docs = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY rowid")]
    conn.execute("CREATE TEMP TABLE replica (old TEXT, new TEXT, k INTEGER)")
    rows = []
    for i in range(count):
        old, k = docs[i % len(docs)], i // len(docs) + 1
        rows.append((old, hashlib.sha256(f"{old}/{k}".encode()).hexdigest()[:16], k))
    conn.executemany("INSERT INTO replica VALUES (?, ?, ?)", rows)
    conn.create_function("mutate", 2, _mutate, deterministic=True)
    conn.create_function("later", 2, lambda d, k: None if d is None else f"{int(d[:4]) + k:04d}{d[4:]}"
                         if d[:4].isdigit() else d, deterministic=True)
    cols = lambda table: [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]  # noqa: E731
    conn.execute("BEGIN")
    doc_cols = [c for c in cols("documents")]
    picked = {"id": "r.new", "text": "mutate(d.text, r.k)", "published": "later(d.published, r.k)",
              "source": "d.source || '#' || r.k", "url": "d.url || '#' || r.k"}
    conn.execute(f"INSERT INTO documents ({', '.join(chr(34) + c + chr(34) for c in doc_cols)}) "
                 f"SELECT {', '.join(picked.get(c, 'd.' + chr(34) + c + chr(34)) for c in doc_cols)} "
                 "FROM replica r JOIN documents d ON d.id = r.old ORDER BY r.rowid")
    conn.execute("INSERT INTO document_sources (document_id, source, first_seen) "
                 "SELECT r.new, s.source || '#' || r.k, s.first_seen FROM replica r "
                 "JOIN document_sources s ON s.document_id = r.old")
    for table in ("sentences", "mentions", "events", "quotes", "figures", "claims", "stances", "claim_vectors"):
        names = [c for c in cols(table) if c not in ("document_id", "id") or (table == "claims" and c == "id")]
        select = ["r.new"] + [("later(t.date, r.k)" if c == "date" else
                               "t.id || '/' || r.k" if c == "id" else "t." + chr(34) + c + chr(34)) for c in names]
        conn.execute(f"INSERT INTO {table} (document_id, {', '.join(chr(34) + c + chr(34) for c in names)}) "
                     f"SELECT {', '.join(select)} FROM replica r JOIN {table} t ON t.document_id = r.old "
                     "ORDER BY r.rowid, t.rowid")
    conn.execute("COMMIT")


# What every compare may load once per process -- the embedding model, the stance lexicon
# (claim directions) and the MinHash library -- is loaded before the timing starts, on every
# size alike: otherwise a store where the new articles meet no article of their pairs (the
# empty one) skips the model and reads as the cheaper per document, and a larger store pays
# the loading in its per-document cost and its memory.
_CHILD = r"""
import gc, json, resource, sys, time
from dyadwatch import Store
from dyadwatch.analyze.embeddings import Embedder
from dyadwatch.compare import compare_store, default_direction
from dyadwatch.compare.duplicates import signature
Embedder().encode(["The two governments agreed to reopen talks."])
direction = default_direction()
if direction is not None:
    direction("The two governments agreed to reopen talks.")
signature("The two governments agreed to reopen talks on Monday.")
# and the collector starts from the same state at every size: loading the model leaves its
# counters close to a full pass, which the compare of the larger store, allocating a little more,
# then ran inside the clock (about 50 ms of CPU over the model's objects, nothing to do with the
# store), and the smaller one's did not
gc.collect()
# the collector's passes inside the timed compare, by generation, and their CPU seconds
passes, gc_cpu, began = [0, 0, 0], [0.0], [0.0]
def watch_gc(phase, info):
    if phase == "start":
        began[0] = time.process_time()
    else:
        passes[info["generation"]] += 1
        gc_cpu[0] += time.process_time() - began[0]
with Store(sys.argv[1]) as store:
    gc.callbacks.append(watch_gc)
    start, cpu = time.perf_counter(), time.process_time()
    summary = compare_store(store, full=sys.argv[2] == "full")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    gc.callbacks.remove(watch_gc)
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "documents": summary.documents, "relations": summary.agreements + summary.contradictions,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "gc_passes": passes, "gc_cpu_seconds": gc_cpu[0]}))
"""


def compare_in_child(db: Path, mode: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(db), mode], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def add(base: Path, n: int, count: int, items: list[dict[str, str]], work: Path) -> tuple[Path, float]:
    """A copy of the store of ``n`` with ``count`` new stories analysed and stored, not compared."""
    from dyadwatch import Store, ingest_sources

    db = work / f"store-{n}.db"
    shutil.copy(base, db)
    new = write_jsonl(work / f"new-{n}.jsonl", items[DISTINCT:DISTINCT + count])
    with Store(db) as store:
        start = time.perf_counter()
        summary = ingest_sources(store, [str(new)], compare=False)
        analysis = time.perf_counter() - start
    assert summary.added == count, summary.messages[:3]
    return db, analysis


def neighbours_store(source: Path, added: Path, work: Path) -> tuple[Path, int]:
    """The baseline in place of the empty store: for each pair of states the added stories are
    about (read from ``added``, where they are analysed), the most recent article on that pair
    in ``source``, ingested and compared. In a truly empty store the added stories meet no
    article of their pairs, so their compare embeds and relates nothing and the ratio to it
    measures that difference, not the growth with the store; here they meet one article per pair,
    and in every larger store up to ``CANDIDATES`` per pair."""
    from dyadwatch import Store, ingest_sources
    from dyadwatch.compare import document_pairs

    with Store(added) as store:
        new = [r[0] for r in store.execute("SELECT id FROM documents WHERE rowid > ?",
                                            (store.compared_through() or 0,))]
        pairs = sorted({tuple(sorted(p)) for ps in document_pairs(store, new).values() for p in ps})
    picked: dict[str, dict[str, str]] = {}
    with Store(source, readonly=True) as store:
        for a, b in pairs:
            for r in store.execute(
                    "SELECT d.id, d.text, d.url FROM stances s JOIN documents d ON d.id = s.document_id "
                    "WHERE (s.actor_a = ? AND s.actor_b = ?) OR (s.actor_a = ? AND s.actor_b = ?) "
                    "ORDER BY d.rowid DESC LIMIT 1", (a, b, b, a)):
                picked[r["id"]] = {"text": r["text"], "url": r["url"]}
    db = work / "store-neighbours.db"
    with Store(db) as store:
        # left as the product leaves them: ingested and compared. The neighbours, one per pair,
        # met no other article, so their claims are not embedded yet; the added stories' compare
        # embeds them, as it embeds, in every larger store, the earlier articles that meet a
        # partner for the first time (the full compare that built those stores embedded only the
        # articles that shared a pair with another, ``comparable_documents``)
        ingest_sources(store, [str(write_jsonl(work / "neighbours.jsonl", list(picked.values())))])
    return db, len(picked)


def compare_added(db: Path, work: Path) -> dict[str, Any]:
    """The incremental compare of what ``add`` stored, in a fresh process, on a fresh copy."""
    fresh = work / "measured.db"
    shutil.copy(db, fresh)
    try:
        return compare_in_child(fresh, "new")
    finally:
        fresh.unlink()


def copies_check(work: Path) -> dict[str, Any]:
    from dyadwatch import Store, ingest_sources

    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    alone, with_copies = work / "seeds", work / "seeds-copies"
    alone.mkdir()
    with_copies.mkdir()
    for s in seeds:
        shutil.copy(s, alone / s.name)
        shutil.copy(s, with_copies / s.name)
    out: dict[str, Any] = {}
    with Store(work / "alone.db") as store:
        ingest_sources(store, [str(alone)])
        out["seeds_relations"] = len(store.relations())
    with Store(work / "copies.db") as store:
        ingest_sources(store, [str(with_copies)])
        extra = work / "extra"
        extra.mkdir()
        for i in range(27):
            s = seeds[i % len(seeds)]
            (extra / f"copy{i:02d}.txt").write_text(f"Republished with permission ({i}).\n\n" + s.read_text("utf-8"),
                                                      encoding="utf-8")
        ingest_sources(store, [str(extra)])
        out["seeds_plus_27_copies_relations"] = len(store.relations())
        out["max_independent_sources"] = max(
            (r[0] for r in store.execute("SELECT max(independent_sources) FROM stories")), default=0)
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0,1000,1500,5000,20000")
    ap.add_argument("--add", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=3, help="measurements of each size, taking turns")
    ap.add_argument("--json", type=Path, default=CACHE / "compare.json")
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    items = distinct_stories()
    if len(items) < DISTINCT + args.add:
        ap.error(f"{synthetic.STORIES} has {len(items)} usable stories, {DISTINCT + args.add} are needed")
    results: dict[str, Any] = {"sizes": [], "rounds": args.rounds}
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        prepared = {}
        for n in sizes:
            t = time.perf_counter()
            base = build_store(n, items)
            print(f"store of {n}: ready ({time.perf_counter() - t:.0f} s)", file=sys.stderr)
            prepared[n] = (base, *add(base, n, args.add, items, work))
        neighbours = 0
        nonempty = [n for n in sizes if n > 0]
        if 0 in sizes and nonempty:
            # the "empty" store holds one article on each pair of the added stories (neighbours_store)
            source, added, _ = prepared[min(nonempty)]
            base, neighbours = neighbours_store(source, added, work)
            print(f"store of 0: {neighbours} neighbours on the added stories' pairs", file=sys.stderr)
            prepared[0] = (base, *add(base, 0, args.add, items, work))
        # the sizes take turns, round after round, so that a change in the machine's load (other
        # people's work) hits all of them; ratios are taken within a round, then the median
        runs: dict[int, list[dict[str, Any]]] = {n: [] for n in sizes}
        for r in range(args.rounds):
            for n in sizes:
                runs[n].append(compare_added(prepared[n][1], work))
                print(f"round {r + 1}, size {n}: {runs[n][-1]}", file=sys.stderr)
        first, smallest = min(sizes), min((n for n in sizes if n > 0), default=None)
        for n in sizes:
            base, _, analysis = prepared[n]
            got = runs[n]
            row: dict[str, Any] = {
                "size": n, "replicas": max(0, n - DISTINCT), "added": args.add, "analysis_s": round(analysis, 2),
                **({"neighbours": neighbours} if n == 0 and neighbours else {}),
                "compare_s_per_doc": round(statistics.median(g["seconds"] for g in got) / args.add, 4),
                "compare_s_per_doc_rounds": [round(g["seconds"] / args.add, 4) for g in got],
                "cost_ratio_vs_smallest_store": round(statistics.median(
                    g["seconds"] / b["seconds"] for g, b in zip(got, runs[first])), 2),
                # CPU seconds: what other people's work on the machine changes least
                "compare_cpu_s_per_doc": round(statistics.median(g["cpu_seconds"] for g in got) / args.add, 4),
                "cpu_ratio_vs_smallest_store": round(statistics.median(
                    g["cpu_seconds"] / b["cpu_seconds"] for g, b in zip(got, runs[first])), 2),
                "max_rss_mb": round(statistics.median(g["max_rss_mb"] for g in got), 1),
                # the collector's full passes (generation 2) in each round's compare, and their CPU
                "gc_full_passes_rounds": [g["gc_passes"][2] for g in got],
                "gc_cpu_s_rounds": [round(g["gc_cpu_seconds"], 4) for g in got],
                "relations": got[0]["relations"]}
            if smallest:
                row["memory_ratio_vs_smallest_nonempty"] = round(statistics.median(
                    g["max_rss_mb"] / b["max_rss_mb"] for g, b in zip(got, runs[smallest])), 2)
            if base.with_suffix(".json").exists():
                row.update(json.loads(base.with_suffix(".json").read_text()))
            results["sizes"].append(row)
        results["copies"] = copies_check(work)
    print("\n size  replicas  added  compare s/doc  ratio  CPU s/doc  ratio   max RSS MB  mem ratio  relations  "
          "full compare s")
    for r in results["sizes"]:
        print(f"{r['size']:>5} {r['replicas']:>9} {r['added']:>6} {r['compare_s_per_doc']:>14.4f} "
              f"{r['cost_ratio_vs_smallest_store']:>6.2f} {r['compare_cpu_s_per_doc']:>10.4f} "
              f"{r['cpu_ratio_vs_smallest_store']:>6.2f} {r['max_rss_mb']:>12.1f} "
              f"{r.get('memory_ratio_vs_smallest_nonempty', float('nan')):>10.2f} {r['relations']:>10} "
              f"{r.get('full_compare_s', float('nan')):>15}")
    if neighbours:
        print(f"(store 0 holds {neighbours} neighbours: one article on each pair the added stories are about)")
    print(f"copies: {results['copies']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return results


if __name__ == "__main__":
    main()
