"""The cost of comparing new articles as the store grows, and what copies add.

For each store size N (distinct synthetic PLOVER stories from ``../shared/external``, analysed
once and cached under ``bench/results/``): a copy of the store gets ``--add`` further distinct
stories, analysed and stored without comparing, then compared incrementally (what ``ingest``
runs) in a fresh process. Reported per size: the compare's seconds per added document and
the ratio to the empty store (measured in the same run), its peak memory (the child process's
max RSS) and the ratio to the smallest non-empty store. A full compare of the largest store
(``compare --all``) is timed once for reference.

Copies: the three seed articles alone, then with 27 light copies (a line added on top, as
syndication does): the relations and the independent sources must not change.

    .venv/bin/python bench/compare.py                       # sizes 0, 1000, 4000 (builds take minutes once)
    .venv/bin/python bench/compare.py --sizes 0,500 --add 10
    .venv/bin/python bench/compare.py --json out.json

There are 4,500 distinct stories; sizes above about 4,400 are refused rather than padded
with copies (copies are not new articles: they are found as copies and compared with nothing).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
STORIES = SHARED / "external" / "ahalterman-NGEC-2025" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
CACHE = ROOT / "bench" / "results"

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")


def stories() -> list[dict[str, str]]:
    with zipfile.ZipFile(STORIES) as z, z.open(z.namelist()[0]) as fh:
        rows = list(csv.DictReader(io.TextIOWrapper(fh, "utf-8")))
    seen: set[str] = set()
    out = []
    for r in rows:
        text = (r.get("text") or "").strip()
        if len(text.split()) < 40 or text in seen:
            continue
        seen.add(text)
        out.append({"text": text, "url": f"https://bench.example/story/{len(out)}"})
    return out


def write_jsonl(path: Path, items: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def build_store(n: int, items: list[dict[str, str]]) -> Path:
    """A store of the first ``n`` stories, analysed and fully compared (cached)."""
    from dyadwatch import Store, ingest_sources
    from dyadwatch.compare import compare_store
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
    with tempfile.TemporaryDirectory() as d, Store(tmp) as store:
        if n:
            corpus = write_jsonl(Path(d) / "corpus.jsonl", items[:n])
            settings = load_settings({"n_process": 2, "max_file_bytes": 10**9})
            ingest_sources(store, [str(corpus)], settings=settings, compare=False)
        compare_store(store)
    tmp.replace(db)
    return db


_CHILD = r"""
import json, resource, sys, time
from dyadwatch import Store
from dyadwatch.compare import compare_store
with Store(sys.argv[1]) as store:
    start = time.perf_counter()
    summary = compare_store(store, full=sys.argv[2] == "full")
    seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "documents": summary.documents, "relations": summary.agreements + summary.contradictions,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def compare_in_child(db: Path, mode: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(db), mode], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def add_and_compare(base: Path, n: int, add: int, items: list[dict[str, str]], work: Path) -> dict[str, Any]:
    from dyadwatch import Store, ingest_sources

    db = work / f"store-{n}.db"
    shutil.copy(base, db)
    new = write_jsonl(work / f"new-{n}.jsonl", items[4400:4400 + add])
    with Store(db) as store:
        start = time.perf_counter()
        summary = ingest_sources(store, [str(new)], compare=False)
        analysis = time.perf_counter() - start
    assert summary.added == add, summary.messages[:3]
    # warm the model files in the page cache, then measure in a fresh process
    result = compare_in_child(db, "new")
    return {"size": n, "added": add, "analysis_s": round(analysis, 2), "compare_s": round(result["seconds"], 3),
            "compare_s_per_doc": round(result["seconds"] / add, 4), "relations": result["relations"],
            "max_rss_mb": round(result["max_rss_mb"], 1)}


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
    ap.add_argument("--sizes", default="0,1000,4000")
    ap.add_argument("--add", type=int, default=10)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    if max(sizes) > 4400:
        ap.error("at most 4400: there are 4,500 distinct stories and 100 are kept for adding")
    items = stories()
    results: dict[str, Any] = {"sizes": []}
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        for n in sizes:
            t = time.perf_counter()
            base = build_store(n, items)
            print(f"store of {n}: ready ({time.perf_counter() - t:.0f} s)", file=sys.stderr)
            row = add_and_compare(base, n, args.add, items, work)
            results["sizes"].append(row)
            print(json.dumps(row), file=sys.stderr)
        base0 = next(r for r in results["sizes"] if r["size"] == min(sizes))
        smallest = min((r for r in results["sizes"] if r["size"] > 0), key=lambda r: r["size"], default=None)
        for r in results["sizes"]:
            r["cost_ratio_vs_smallest_store"] = round(r["compare_s_per_doc"] / max(base0["compare_s_per_doc"], 1e-9), 2)
            if smallest:
                r["memory_ratio_vs_smallest_nonempty"] = round(r["max_rss_mb"] / smallest["max_rss_mb"], 2)
        largest = build_store(max(sizes), items)
        full = compare_in_child(Path(shutil.copy(largest, work / "full.db")), "full")
        results["full_compare_of_largest"] = {"size": max(sizes), "seconds": round(full["seconds"], 1),
                                              "max_rss_mb": round(full["max_rss_mb"], 1)}
        results["copies"] = copies_check(work)
    print("\nsize   added  compare s/doc  ratio   max RSS MB  mem ratio  relations")
    for r in results["sizes"]:
        print(f"{r['size']:>5} {r['added']:>6} {r['compare_s_per_doc']:>14.4f} {r['cost_ratio_vs_smallest_store']:>6.2f} "
              f"{r['max_rss_mb']:>12.1f} {r.get('memory_ratio_vs_smallest_nonempty', float('nan')):>10.2f} "
              f"{r['relations']:>10}")
    f = results["full_compare_of_largest"]
    print(f"full compare of {f['size']}: {f['seconds']} s, {f['max_rss_mb']} MB")
    print(f"copies: {results['copies']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return results


if __name__ == "__main__":
    main()
