"""What runs on a Dask worker: one partition of records in, Parquet tables out.

``analyze_partition`` is pure: it reads nothing but its arguments, never opens the SQLite store
and touches no network. It builds documents as ingest does and analyses them with
``dyadwatch.analyze.analyze_documents``, the same function local ingest calls, with the
pipeline loaded once per worker process (``load_pipeline`` is cached).
"""

from __future__ import annotations

import functools
import json
import os
import socket
import time
from collections.abc import Callable
from typing import Any

from dyadwatch.batch.inputs import Item, raw_from_item, unpack_items
from dyadwatch.batch.tables import SCHEMAS, Row, analysis_rows, compare_rows, document_row, to_parquet
from dyadwatch.ingest import Failure, build_document
from dyadwatch.records import Document


def analyze_partition(items: list[Item], *, first: int = 0, model: str = "", batch_size: int = 32) -> dict[str, Any]:
    """Analyse one partition.

    items (list[Item]): records as ``dyadwatch.batch.inputs`` streams them.
    first (int): run-wide position of the first item (keeps input order across partitions).
    RETURNS (dict): ``tables`` (table name -> Parquet file bytes), ``items``, ``documents``
        (distinct documents), ``failed`` (records that could not be ingested), ``messages``
        (warnings and errors, one line each), ``analyzer``, ``seconds`` and ``worker``.
    """
    from dyadwatch.analyze import analyze_documents, analyzer_version, load_pipeline

    started = time.perf_counter()
    nlp = load_pipeline(model)
    messages: list[tuple[str, str]] = []
    sources: list[Row] = []
    unique: dict[str, tuple[Document, int]] = {}
    failed = 0
    for offset, item in enumerate(items):
        got = raw_from_item(item)
        if isinstance(got, Failure):
            failed += 1
            messages.append((got.source, got.message))
            continue
        messages.extend((got.source, w) for w in got.warnings)
        doc = build_document(got)
        unique.setdefault(doc.id, (doc, first + offset))
        sources.append({"document_id": doc.id, "position": first + offset, "source": doc.source})
    rows: dict[str, list[Row]] = {name: [] for name in SCHEMAS}
    pending: list[tuple[Document, list[Any]]] = []
    # No nlp.memory_zone() here: dyadwatch's components build their matchers lazily on the first
    # Doc, and strings added inside a zone are freed after it (E018 on the next partition). A
    # worker's vocabulary grows only with strings it has never seen; see docs/scaling.md.
    for analysis in analyze_documents(nlp, [d for d, _ in unique.values()], batch_size=batch_size):
        doc, position = unique[analysis.document_id]
        rows["documents"].append(document_row(doc, analysis, position=position))
        doc_rows = analysis_rows(analysis, doc.text)
        for name, table_rows in doc_rows.items():
            rows[name].extend(table_rows)
        pending.append((doc, _document_claims(doc, analysis, doc_rows)))
    for name, table_rows in _compare_rows(pending).items():
        rows[name].extend(table_rows)
    rows["document_sources"] = sources
    rows["messages"] = [{"source": s, "message": m} for s, m in messages]
    return {
        "tables": {name: to_parquet(name, table_rows) for name, table_rows in rows.items()},
        "items": len(items),
        "documents": len(unique),
        "failed": failed,
        "messages": [m for _, m in messages],
        "analyzer": analyzer_version(nlp),
        "seconds": time.perf_counter() - started,
        "worker": f"{socket.gethostname()}:{os.getpid()}",
    }


def _document_claims(doc: Document, analysis: Any, rows: dict[str, list[Row]]) -> list[Any]:
    """The claims compare weighs in one analysed document, through the function the in-process
    compare calls on stored rows (``compare.document_claims``): the rows the store is given
    (``analysis_rows``), in the order compare reads them back."""
    from dyadwatch.compare import default_direction, document_claims, stance_pairs

    pairs = stance_pairs(rows["stances"]) if analysis is not None else []
    if not pairs:
        return []  # an article about no pair of states is related to none: nothing to embed

    def by_start(table: str) -> list[Row]:
        return sorted(rows[table], key=lambda r: r["start"])  # stable: equals in the analysis' order

    tables = {
        "events": by_start("events"),
        "claims": [{**r, "normalized": json.loads(r["normalized"])} for r in by_start("claims")],
        "mentions": by_start("mentions"),
        "sentences": sorted(rows["sentences"], key=lambda r: r["idx"]),
        "figures": rows["figures"], "quotes": rows["quotes"],
    }
    return document_claims(doc.id, doc.text, tables, group=doc.id, pairs=pairs, direction=default_direction(),
                           published=doc.published)


def _compare_rows(docs: list[tuple[Document, list[Any]]]) -> dict[str, list[Row]]:
    """What the cross-document step needs of a partition's documents, computed here so that it is
    computed in parallel: each one's MinHash signature and copy keys, and its claims with their
    sentence vectors (embedded in one call for the partition)."""
    import numpy as np

    from dyadwatch.compare.duplicates import copy_keys, signature

    sentences = [c.sentence for _, claims in docs for c in claims]
    vectors = (np.asarray(_embedder().encode(sentences), dtype=np.float32) if sentences
               else np.zeros((0, 384), dtype=np.float32))
    out: dict[str, list[Row]] = {"signatures": [], "compare_claims": []}
    at = 0
    for doc, claims in docs:
        sig = signature(doc.text)
        rows = compare_rows(doc.id, claims, vectors[at:at + len(claims)], sig,
                            copy_keys(sig[0]) if sig is not None else [])
        at += len(claims)
        for name, table_rows in rows.items():
            out[name].extend(table_rows)
    return out


@functools.lru_cache(maxsize=1)
def _embedder() -> Any:
    """The sentence embedder, loaded once per worker process (as the pipeline is)."""
    from dyadwatch.analyze.embeddings import Embedder

    return Embedder()


def run_packed(partition_function: Callable[..., dict[str, Any]], packed: bytes, **kwargs: Any) -> dict[str, Any]:
    """``partition_function`` over the items of a partition packed by ``inputs.pack_items``."""
    return partition_function(unpack_items(packed), **kwargs)


def worker_info(model: str = "", dask_worker: Any = None) -> dict[str, Any]:
    """What a worker runs (checked before a batch starts), with its pipeline loaded; ``profiling``
    says whether Dask's statistical profiler runs in it (its history grows the worker's memory).
    ``dask_worker`` is given by ``Client.run``."""
    from dyadwatch import __version__
    from dyadwatch.analyze import analyzer_version, load_pipeline

    return {"dyadwatch": __version__, "analyzer": analyzer_version(load_pipeline(model)),
            "profiling": "profile" in getattr(dask_worker, "periodic_callbacks", {})}
