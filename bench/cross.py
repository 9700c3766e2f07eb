"""The cross-document step of ``dyadwatch batch`` on a Dask LocalCluster of 1 and 2 workers.

The same corpus as ``bench/scale.py`` (synthetic PLOVER stories from ``../shared/external``,
a line of its own in each) is batched on a fresh cluster of 1 worker, then of 2, taking turns
round after round (ratios within a round, then the median): the analysis rate (which now
includes the workers' claim vectors and signatures) and the seconds of the cross-document step
(copies and relations on the cluster). For reference, the output is then loaded and compared
in one process (``compare --all``), and loaded again bringing in the cluster's comparison.

    .venv/bin/python bench/cross.py                   # 300 documents, 2 rounds
    .venv/bin/python bench/cross.py --docs 1000 --rounds 3 --json out.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale  # noqa: E402  (the corpus of bench/scale.py)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    from dyadwatch import Store
    from dyadwatch.batch import load_results, run_batch
    from dyadwatch.compare import compare_store

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--partition-size", type=int, default=25)
    ap.add_argument("--json", type=Path, default=scale.ROOT / "bench" / "results" / "cross.json")
    args = ap.parse_args(argv)
    stories, origin = scale.base_texts()
    out: dict[str, Any] = {"corpus": origin, "documents": args.docs, "runs": []}
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        corpus = work / "corpus.jsonl"
        scale.write_corpus(corpus, args.docs, stories)
        for r in range(args.rounds):
            for workers in (1, 2):
                start = time.perf_counter()
                s = run_batch([str(corpus)], work / f"out-{r}-{workers}", n_workers=workers,
                              partition_size=args.partition_size)
                assert s.cross is not None and not s.failed_partitions, s.messages[:3]
                run = {"round": r + 1, "workers": workers, "seconds": round(time.perf_counter() - start, 1),
                       "analysis_docs_per_s": round(s.items / s.analysis_seconds, 2),
                       "cross_seconds": round(s.cross.seconds, 2), "relations": s.cross.relations,
                       "pairs": s.cross.pairs, "blocks": s.cross.blocks, "copies": s.cross.copies}
                out["runs"].append(run)
                print(json.dumps(run), file=sys.stderr, flush=True)
        last = work / f"out-{args.rounds - 1}-2"
        with Store(work / "in-process.db") as store:
            load_results(store, last, compare=False)
            start = time.perf_counter()
            full = compare_store(store)
            out["compare_all_in_process_seconds"] = round(time.perf_counter() - start, 2)
            out["compare_all_relations"] = full.agreements + full.contradictions
        with Store(work / "from-cluster.db") as store:
            start = time.perf_counter()
            got = load_results(store, last)
            out["load_with_cluster_compare_seconds"] = round(time.perf_counter() - start, 2)
            assert got.compared_on_cluster and got.comparison.agreements == full.agreements
    one, two = out["runs"][0::2], out["runs"][1::2]
    out["analysis_speedup_2_over_1_worker"] = round(statistics.median(
        b["analysis_docs_per_s"] / a["analysis_docs_per_s"] for a, b in zip(one, two)), 3)
    out["cross_speedup_2_over_1_worker"] = round(statistics.median(
        a["cross_seconds"] / b["cross_seconds"] for a, b in zip(one, two)), 3)
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=2) + "\n")
    return out


if __name__ == "__main__":
    main()
