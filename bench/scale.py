"""Scaling: documents per second for local ingest (1 and 2 processes) and ``dyadwatch batch`` on a
Dask LocalCluster (1 and 2 workers), all in one run over the same synthetic corpus; with
``--memory``, the peak memory of a batch (client + scheduler + workers) at two corpus sizes.

The corpus is made at run time from the 4,500 PLOVER-labelled synthetic stories in
``../shared/external/ahalterman-NGEC-2025`` (about 200 words each; read from there, never copied
into the repository), or from ``examples/`` when they are missing. Each document gets a line
of its own ("Benchmark copy N."), so every copy is a new document. The corpus is written to a
temporary JSONL file, a line at a time, so neither this script nor the batch client holds it.

    .venv/bin/python bench/scale.py                      # throughput, 1,200 documents per configuration
    .venv/bin/python bench/scale.py --docs 2000 --json
    .venv/bin/python bench/scale.py --memory             # peak RSS at 2,000 and 20,000 documents
    .venv/bin/python bench/scale.py --skip-throughput --memory --memory-docs 2000 20000

Machines here are shared and noisy: compare the ratios of one run, not figures across runs.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
STORIES = SHARED / "external" / "ahalterman-NGEC-2025" / "gpt_synthetic_events_2023-10-19_19.csv.zip"

# one thread per numerical library, in this process and in the ingest children it spawns
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")


def base_texts() -> tuple[list[dict[str, str]], str]:
    """The stories to copy from, and where they came from."""
    if STORIES.is_file():
        with zipfile.ZipFile(STORIES) as z, z.open(z.namelist()[0]) as fh:
            rows = list(csv.DictReader(io.TextIOWrapper(fh, "utf-8")))
        out = []
        for r in rows:
            text = (r.get("text") or "").strip()
            if len(text.split()) < 40:
                continue
            title = (r.get("title") or "").strip()
            out.append({"text": text, **({"title": title} if title and "{" not in title else {})})
        return out, f"{STORIES.relative_to(SHARED.parent)} ({len(out)} stories)"
    from dyadwatch.ingest import discover, read_path
    from dyadwatch.records import RawDocument

    out = []
    for entry in discover([str(ROOT / "examples")]):
        if isinstance(entry, Path):
            out.extend({"text": r.text} for r in read_path(entry, max_file_bytes=10**8) if isinstance(r, RawDocument))
    return out, "examples/"


def write_corpus(path: Path, n_docs: int, stories: list[dict[str, str]]) -> dict[str, Any]:
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n_docs):
            story = stories[i % len(stories)]
            text = story["text"] + f"\n\nBenchmark copy {i}."
            words += len(text.split())
            fh.write(json.dumps({**story, "text": text}) + "\n")
    return {"documents": n_docs, "mean_words": round(words / max(n_docs, 1), 1), "bytes": path.stat().st_size}


def ingest_rate(corpus: Path, tmp: Path, *, n_process: int, name: str) -> dict[str, Any]:
    from dyadwatch import Store, ingest_sources
    from dyadwatch.analyze import load_pipeline
    from dyadwatch.settings import load_settings

    settings = load_settings({"n_process": n_process, "max_file_bytes": 10**9})
    nlp = load_pipeline(settings.model)  # loaded (and cached) before the clock starts
    db = tmp / f"{name}.db"
    with Store(db) as store:
        start = time.perf_counter()
        summary = ingest_sources(store, [str(corpus)], settings=settings, nlp=nlp, compare=False)
        elapsed = time.perf_counter() - start
    assert summary.failed == 0, summary.messages[:3]
    return {"documents": summary.added, "seconds": round(elapsed, 2), "docs_per_s": round(summary.added / elapsed, 2)}


def batch_rate(corpus: Path, out: Path, *, workers: int, partition_size: int,
               sample_memory: bool = False) -> dict[str, Any]:
    """One batch on a fresh LocalCluster; the time includes starting it and loading the pipelines."""
    from dyadwatch.batch import run_batch

    sampler = MemorySampler() if sample_memory else None
    if sampler:
        sampler.start()
    done = [0]
    timeline: list[tuple[int, int]] = []  # (documents done, peak RSS so far in MB)

    def progress(report: Any) -> None:
        done[0] += report.items
        if sampler:
            timeline.append((done[0], round(sampler.peak_total / 2**20)))

    cpu = time.process_time()  # this process: the client, and the LocalCluster's scheduler and nannies
    start = time.perf_counter()
    try:
        summary = run_batch([str(corpus)], out, n_workers=workers, partition_size=partition_size,
                            on_partition=progress)
    finally:
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu
        if sampler:
            sampler.stop()
    output = sum(f.stat().st_size for f in out.rglob("*.parquet"))
    assert not summary.failed_partitions and summary.failed == 0, summary.messages[:3]
    result: dict[str, Any] = {
        "documents": summary.items, "partitions": summary.done, "seconds": round(elapsed, 2),
        "docs_per_s": round(summary.items / elapsed, 2),
        # without starting the cluster and loading the pipelines: the rate a long run settles at
        "analysis_seconds": round(summary.analysis_seconds, 2),
        "analysis_docs_per_s": round(summary.items / summary.analysis_seconds, 2),
        "client_cpu_seconds": round(cpu, 2),
        "client_cpu_share_of_wall": round(cpu / elapsed, 3),
        "parquet_bytes_per_doc": round(output / max(summary.items, 1)),
        # the cross-document step on the cluster (copies and relations), after the analysis
        "cross_seconds": round(summary.cross.seconds, 2) if summary.cross else None,
        "cross_relations": summary.cross.relations if summary.cross else None,
        "cross_blocks": summary.cross.blocks if summary.cross else None,
    }
    if sampler:
        result.update(sampler.report())
        # the peak so far after each tenth of the corpus: flat once the vocabulary is seen
        marks = [timeline[min(len(timeline) - 1, max(0, round(len(timeline) * k / 10) - 1))] for k in range(1, 11)]
        result["peak_rss_total_mb_by_documents_done"] = {str(n): mb for n, mb in marks}
    return result


def load_rate(out: Path, db: Path) -> dict[str, Any]:
    """Load without comparing; then the same documents compared in this process
    (``compare --all``, with the vectors the workers computed), and loaded again into a new store
    bringing in what the cluster compared (``load``'s default after a batch)."""
    from dyadwatch import Store
    from dyadwatch.batch import load_results
    from dyadwatch.compare import compare_store

    with Store(db) as store:
        start = time.perf_counter()
        summary = load_results(store, out, compare=False)
        elapsed = time.perf_counter() - start
        start = time.perf_counter()
        full = compare_store(store)
        compare_seconds = time.perf_counter() - start
    with Store(db.with_name(db.stem + "-cross.db")) as store:
        start = time.perf_counter()
        brought = load_results(store, out)
        with_cross = time.perf_counter() - start
    assert brought.compared_on_cluster and brought.comparison.agreements == full.agreements
    return {"documents": summary.added, "seconds": round(elapsed, 2), "docs_per_s": round(summary.added / elapsed, 2),
            "compare_all_in_process_seconds": round(compare_seconds, 2),
            "load_with_cluster_compare_seconds": round(with_cross, 2)}


class MemorySampler:
    """Peak resident memory of this process and all its descendants (the LocalCluster's scheduler
    and nannies live in this process, its workers are child processes), sampled every 0.2 s."""

    def __init__(self, interval: float = 0.2) -> None:
        import psutil

        self.me = psutil.Process()
        self.interval = interval
        self.peak_total = self.peak_client = self.peak_worker = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                client = self.me.memory_info().rss
                children = []
                for child in self.me.children(recursive=True):
                    try:
                        children.append(child.memory_info().rss)
                    except psutil.Error:
                        pass
            except psutil.Error:
                continue
            self.samples += 1
            self.peak_client = max(self.peak_client, client)
            self.peak_worker = max([self.peak_worker, *children])
            self.peak_total = max(self.peak_total, client + sum(children))
            self._stop.wait(self.interval)

    def report(self) -> dict[str, Any]:
        mb = 1024 * 1024
        return {"peak_rss_total_mb": round(self.peak_total / mb), "peak_rss_client_mb": round(self.peak_client / mb),
                "peak_rss_one_worker_mb": round(self.peak_worker / mb), "memory_samples": self.samples}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1200, help="documents per throughput configuration")
    ap.add_argument("--partition-size", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=1, help="rounds of the four throughput configurations")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--memory", action="store_true", help="peak memory of batch at --memory-docs sizes")
    ap.add_argument("--memory-docs", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--memory-partition-size", type=int, default=250)
    ap.add_argument("--json", action="store_true", help="print the results as JSON instead of lines")
    ap.add_argument("--save", type=Path, default=None, help="also write the results as JSON to this file")
    a = ap.parse_args(argv)
    stories, origin = base_texts()
    result: dict[str, Any] = {"corpus": origin, "cores": os.cpu_count()}

    def say(text: str) -> None:
        if not a.json:
            print(text, flush=True)

    with tempfile.TemporaryDirectory(prefix="dyadwatch-scale-") as tmpdir:
        tmp = Path(tmpdir)
        if not a.skip_throughput:
            corpus = tmp / "corpus.jsonl"
            result["throughput_corpus"] = write_corpus(corpus, a.docs, stories)
            say(f"corpus: {origin}; {a.docs} documents, mean {result['throughput_corpus']['mean_words']} words")
            # warm-up outside the timings: the pipeline in this process, the OS file cache
            warm = tmp / "warm.jsonl"
            write_corpus(warm, 16, stories)
            ingest_rate(warm, tmp, n_process=1, name="warm")
            configs = {
                "batch_1_worker": lambda r: batch_rate(corpus, tmp / f"b1-{r}", workers=1,
                                                       partition_size=a.partition_size),
                "batch_2_workers": lambda r: batch_rate(corpus, tmp / f"b2-{r}", workers=2,
                                                        partition_size=a.partition_size),
                "ingest_1_process": lambda r: ingest_rate(corpus, tmp, n_process=1, name=f"i1-{r}"),
                "ingest_2_processes": lambda r: ingest_rate(corpus, tmp, n_process=2, name=f"i2-{r}"),
            }
            # the configurations take turns, round after round, so that a change in the machine's load
            # (other people's work) hits all of them; ratios are taken within a round
            rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in configs}
            for r in range(a.rounds):
                for name, run in configs.items():
                    rounds[name].append(run(r))
                    got = rounds[name][-1]
                    extra = f" ({got['analysis_docs_per_s']:.2f} once started)" if "analysis_docs_per_s" in got else ""
                    say(f"round {r + 1}: {name.replace('_', ' '):<20} {got['docs_per_s']:8.2f} docs/s{extra}")
            runs = {name: _median_run(results) for name, results in rounds.items()}
            runs["load"] = load_rate(tmp / "b2-0", tmp / "loaded.db")
            say(f"load (Parquet -> SQLite):       {runs['load']['docs_per_s']:8.2f} docs/s")
            say(f"compare --all in one process:   {runs['load']['compare_all_in_process_seconds']:8.2f} s; load "
                f"bringing in the cluster's compare: {runs['load']['load_with_cluster_compare_seconds']:.2f} s")
            for name in ("batch_1_worker", "batch_2_workers"):
                say(f"cross-document step, {name.replace('_', ' ')}: "
                    + ", ".join(f"{t['cross_seconds']} s" for t in rounds[name]))
            result["throughput"] = runs
            result["rounds"] = a.rounds

            def ratio(top: str, bottom: str, key: str = "docs_per_s") -> float:
                return round(statistics.median(t[key] / b[key] for t, b in zip(rounds[top], rounds[bottom])), 3)

            result["batch_speedup_2_over_1_worker"] = ratio("batch_2_workers", "batch_1_worker")
            result["batch_analysis_speedup_2_over_1_worker"] = ratio("batch_2_workers", "batch_1_worker",
                                                                     "analysis_docs_per_s")
            result["ingest_speedup_2_over_1_process"] = ratio("ingest_2_processes", "ingest_1_process")
            result["batch_1_worker_over_ingest_1_process"] = ratio("batch_1_worker", "ingest_1_process")
            result["batch_2_workers_over_ingest_2_processes"] = ratio("batch_2_workers", "ingest_2_processes")
            result["cross_speedup_2_over_1_worker"] = round(statistics.median(
                x["cross_seconds"] / y["cross_seconds"] for x, y in zip(rounds["batch_1_worker"],
                                                                          rounds["batch_2_workers"])), 3)
            for name in configs:
                say(f"{name.replace('_', ' '):<20} {runs[name]['docs_per_s']:8.2f} docs/s (median of {a.rounds})")
            say(f"speedup, batch 2 workers / 1 worker:    {result['batch_speedup_2_over_1_worker']:.3f} "
                f"({result['batch_analysis_speedup_2_over_1_worker']:.3f} once started)")
            say(f"speedup, ingest 2 processes / 1:        {result['ingest_speedup_2_over_1_process']:.3f}")
            for r in range(a.rounds):
                _remove_tree(tmp / f"b1-{r}")
                _remove_tree(tmp / f"b2-{r}")
        if a.memory:
            memory = {}
            for n in a.memory_docs:
                corpus = tmp / f"memory-{n}.jsonl"
                write_corpus(corpus, n, stories)
                run = batch_rate(corpus, tmp / f"mem-{n}", workers=2, partition_size=a.memory_partition_size,
                                 sample_memory=True)
                memory[str(n)] = run
                say(f"batch of {n:>6} documents, 2 workers: peak RSS {run['peak_rss_total_mb']} MB in all "
                    f"(client+scheduler {run['peak_rss_client_mb']} MB, largest worker "
                    f"{run['peak_rss_one_worker_mb']} MB), {run['docs_per_s']:.2f} docs/s")
                _remove_tree(tmp / f"mem-{n}")
                corpus.unlink()
            result["memory"] = memory
            sizes = [str(n) for n in a.memory_docs]
            if len(sizes) >= 2:
                result["memory_growth_ratio"] = round(
                    memory[sizes[-1]]["peak_rss_total_mb"] / memory[sizes[0]]["peak_rss_total_mb"], 3)
                say(f"peak memory, {sizes[-1]} / {sizes[0]} documents: {result['memory_growth_ratio']:.3f}")
    if a.json:
        print(json.dumps(result, indent=2))
    if a.save:
        a.save.write_text(json.dumps(result, indent=2) + "\n")
    return 0


def _median_run(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median rate (all its figures together), with every round's rate."""
    ordered = sorted(results, key=lambda r: r["docs_per_s"])
    return {**ordered[(len(ordered) - 1) // 2], "docs_per_s_rounds": [r["docs_per_s"] for r in results]}


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
