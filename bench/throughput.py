"""Throughput: articles per second for ingest + analysis + store, against bare ``nlp.pipe``.

Both rates are measured in the same run over the same texts (the seeds and the bundled
examples, repeated with a distinguishing line so every copy is a new document), and the
result is reported as a ratio, because these machines are noisy.

With ``--cli``: ``dyadwatch ingest`` as users run it (a fresh process: start-up, reading,
analysis, store and the cross-document compare) into a new store, over distinct articles (the
PLOVER-labelled synthetic stories in ``../shared/external``, read at run time), against bare
``nlp.pipe`` of the same texts in this process with the model already loaded. Besides the wall
clock, the ratio of CPU seconds is reported: other people's work on a shared machine slows the
wall clock of both sides, but changes their CPU seconds least.

    .venv/bin/python bench/throughput.py [--docs 300] [--json]
    .venv/bin/python bench/throughput.py --cli [--docs 400] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import synthetic  # bench/synthetic.py: run as a script, bench/ is on the path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# one thread per numerical library, here and in the ingest process: both sides alike
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")


def corpus(n_docs: int) -> list[tuple[str, str]]:
    """(source, text) pairs: seeds and examples repeated until there are ``n_docs``."""
    from dyadwatch.ingest import Failure, discover, read_path
    from dyadwatch.records import RawDocument

    base: list[RawDocument] = []
    sources = [str(ROOT / "examples")] + ([str(SHARED / "seeds")] if (SHARED / "seeds").is_dir() else [])
    for entry in discover(sources):
        if isinstance(entry, Path):
            base.extend(r for r in read_path(entry, max_file_bytes=10**8) if isinstance(r, RawDocument))
    if not base:
        raise SystemExit("no input texts found")
    out = []
    for i in range(n_docs):
        raw = base[i % len(base)]
        out.append((f"{raw.source}#copy{i}", raw.text + f"\n\nBenchmark copy {i}."))
    return out


def distinct_stories(n_docs: int) -> list[dict[str, str]]:
    """The first ``n_docs`` distinct synthetic stories (``bench/synthetic.py``, as bench/compare.py)."""
    out = synthetic.distinct_stories(n_docs)
    if len(out) < n_docs:
        raise SystemExit(f"{synthetic.STORIES} has only {len(out)} usable stories, {n_docs} were asked for")
    return out


def bare_rate(texts: list[str], batch_size: int) -> float:
    return bare_run(texts, batch_size)[0]


def bare_run(texts: list[str], batch_size: int) -> tuple[float, float]:
    """Docs per second of bare ``nlp.pipe`` (model loaded before timing), and its CPU seconds."""
    import spacy

    from dyadwatch.analyze.pipeline import model_name

    nlp = spacy.load(model_name())
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return len(texts) / (time.perf_counter() - start), time.process_time() - cpu


def cli_run(corpus: Path, work: Path) -> tuple[float, float]:
    """Docs per second of ``dyadwatch ingest`` (this checkout, a fresh process, a new store,
    compare included), and the CPU seconds of that process."""
    db = work / "cli.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])}
    n_docs = sum(1 for _ in corpus.open(encoding="utf-8"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "dyadwatch", "ingest", "--quiet", "--db", str(db), str(corpus)],
                         capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0 or f"{n_docs} added" not in out.stdout:
        raise SystemExit(f"dyadwatch ingest failed ({out.returncode}): {out.stdout}{out.stderr}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return n_docs / elapsed, cpu


def full_rate(pairs: list[tuple[str, str]], batch_size: int) -> float:
    from dyadwatch.analyze import load_pipeline
    from dyadwatch.ingest import build_document
    from dyadwatch.jobs import IngestSummary, store_documents
    from dyadwatch.records import RawDocument
    from dyadwatch.settings import load_settings
    from dyadwatch.store import Store

    nlp = load_pipeline()
    settings = load_settings({"batch_size": batch_size})
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        summary = IngestSummary()
        start = time.perf_counter()
        docs = (build_document(RawDocument(source=s, text=t)) for s, t in pairs)
        store_documents(store, docs, nlp=nlp, settings=settings, summary=summary, say=lambda m: None)
        elapsed = time.perf_counter() - start
        store.close()
    assert summary.added == len(pairs), summary
    return len(pairs) / elapsed


def cli_main(a: argparse.Namespace) -> dict[str, object]:
    """``dyadwatch ingest`` against bare ``nlp.pipe``, rounds alternating (bare, cli, bare, ...);
    each round's ratio compares the cli run with the mean of the bare runs either side."""
    items = distinct_stories(a.docs)
    texts = [i["text"] for i in items]
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        corpus = work / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
        bare_run(texts[:8], a.batch_size)  # warm up: model files in the page cache, first allocations
        bares, clis, ratios, cpu_ratios = [], [], [], []
        previous = bare_run(texts, a.batch_size)
        bares.append(previous)
        for _ in range(a.rounds):
            cli = cli_run(corpus, work)
            after = bare_run(texts, a.batch_size)
            clis.append(cli)
            bares.append(after)
            ratios.append(cli[0] / ((previous[0] + after[0]) / 2))
            cpu_ratios.append(((previous[1] + after[1]) / 2) / cli[1])
            previous = after
    return {
        "documents": len(items),
        "characters": sum(len(t) for t in texts),
        "bare_nlp_pipe_docs_per_s": round(statistics.median(b[0] for b in bares), 2),
        "dyadwatch_ingest_cli_docs_per_s": round(statistics.median(c[0] for c in clis), 2),
        "bare_cpu_s": round(statistics.median(b[1] for b in bares), 1),
        "cli_cpu_s": round(statistics.median(c[1] for c in clis), 1),
        "ratio": round(statistics.median(ratios), 3),
        "ratios": [round(r, 3) for r in ratios],
        "cpu_ratio": round(statistics.median(cpu_ratios), 3),
        "cpu_ratios": [round(r, 3) for r in cpu_ratios],
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=None, help="300 by default; 400 with --cli")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=3, help="alternating bare/full rounds")
    ap.add_argument("--cli", action="store_true",
                    help="time `dyadwatch ingest` (start-up and compare included) of distinct articles")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    if a.cli:
        a.docs = a.docs or 400
        result = cli_main(a)
        if a.json:
            print(json.dumps(result, indent=2))
        else:
            print(f"documents: {result['documents']} distinct ({result['characters']:,} characters), "
                  f"{a.rounds} rounds, load average {result['load_average']}")
            print(f"bare nlp.pipe:          {result['bare_nlp_pipe_docs_per_s']:8.2f} docs/s (median), "
                  f"{result['bare_cpu_s']} CPU s")
            print(f"dyadwatch ingest (CLI): {result['dyadwatch_ingest_cli_docs_per_s']:8.2f} docs/s (median), "
                  f"{result['cli_cpu_s']} CPU s")
            print(f"ratio (wall):           {result['ratio']:8.3f}  (median of {result['ratios']})")
            print(f"ratio (CPU):            {result['cpu_ratio']:8.3f}  (median of {result['cpu_ratios']})")
        return 0
    a.docs = a.docs or 300
    pairs = corpus(a.docs)
    texts = [t for _, t in pairs]
    # warm up both paths (model loading, first-batch allocation) outside the timings
    bare_rate(texts[:8], a.batch_size)
    full_rate(pairs[:8], a.batch_size)
    # alternate the two so drift in machine load hits both; each ratio compares neighbours
    bares, fulls, ratios = [], [], []
    previous = bare_rate(texts, a.batch_size)
    bares.append(previous)
    for _ in range(a.rounds):
        full = full_rate(pairs, a.batch_size)
        after = bare_rate(texts, a.batch_size)
        fulls.append(full)
        bares.append(after)
        ratios.append(full / ((previous + after) / 2))
        previous = after
    result = {
        "documents": len(pairs),
        "characters": sum(len(t) for t in texts),
        "bare_nlp_pipe_docs_per_s": round(statistics.median(bares), 2),
        "dyadwatch_ingest_docs_per_s": round(statistics.median(fulls), 2),
        "ratio": round(statistics.median(ratios), 3),
        "ratios": [round(r, 3) for r in ratios],
    }
    if a.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"documents: {result['documents']} ({result['characters']:,} characters), {a.rounds} rounds")
        print(f"bare nlp.pipe:          {result['bare_nlp_pipe_docs_per_s']:8.2f} docs/s (median)")
        print(f"ingest+analyse+store:   {result['dyadwatch_ingest_docs_per_s']:8.2f} docs/s (median)")
        print(f"ratio:                  {result['ratio']:8.3f}  (median of {result['ratios']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
