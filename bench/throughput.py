"""Throughput: articles per second for ingest + analysis + store, against bare ``nlp.pipe``.

Both rates are measured in the same run over the same texts (the seeds and the bundled
examples, repeated with a distinguishing line so every copy is a new document), and the
result is reported as a ratio, because these machines are noisy.

    .venv/bin/python bench/throughput.py [--docs 300] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


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


def bare_rate(texts: list[str], batch_size: int) -> float:
    import spacy

    from dyadwatch.analyze.pipeline import model_name

    nlp = spacy.load(model_name())
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return len(texts) / (time.perf_counter() - start)


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=3, help="alternating bare/full rounds")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
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
