"""Load the Parquet output of a batch run into a SQLite store.

Partitions are read one at a time, in input order, and each document is written with
``Store.write``: the document, its sources and all its analysis rows in one transaction. A
document already stored with the same analysis is not written again (only a new source path is
recorded), so a killed load can simply be run again, and a document that appears in several
partitions (or was ingested before) is stored once. Afterwards the cross-document comparison
runs, as it does after ``dyadwatch ingest``.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dyadwatch.batch import require_batch_dependencies
from dyadwatch.batch.run import FAILED_DIR, FORMAT, read_manifest
from dyadwatch.batch.tables import (
    ANALYSIS_TABLES,
    SCHEMAS,
    Row,
    analysis_from_rows,
    document_from_row,
    partition_indexes,
)
from dyadwatch.errors import BatchError, Errors, Warnings
from dyadwatch.jobs import IngestSummary, write_counted
from dyadwatch.store import Store

@dataclass
class LoadSummary(IngestSummary):
    """What a load did: documents added, records whose document was already stored (counted as
    ingest counts them, by ``write_counted``), and the partitions read."""

    partitions: int = 0
    loaded: int = 0
    failed_partitions: list[int] = field(default_factory=list)
    #: whether that comparison is the one the batch computed on the cluster (``batch.cross``)
    compared_on_cluster: bool = False

    @property
    def ok(self) -> bool:
        """False only when partitions failed and none could be loaded."""
        return not self.failed_partitions or self.loaded > 0


def load_results(
    store: Store,
    out_dir: str | os.PathLike[str],
    *,
    compare: bool = True,
    on_partition: Callable[[int, int], None] | None = None,
    on_message: Callable[[str], None] | None = None,
) -> LoadSummary:
    """Bring the results of ``dyadwatch batch`` in ``out_dir`` into ``store``.

    compare: afterwards, recompute duplicates, stories and relations when documents were added.
    on_partition: called with (partition index, documents in it) as each partition is loaded.
    on_message: called with each warning or error line as it happens.
    """
    require_batch_dependencies("load")
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(out_dir)
    manifest = read_manifest(out)
    if not out.is_dir():
        raise BatchError(Errors.DW506.format(path=out, reason="no such directory"))
    if manifest is None or manifest.get("format") != FORMAT:
        raise BatchError(Errors.DW506.format(path=out, reason="it has no readable _dyadwatch_batch.json"))
    summary = LoadSummary()

    def say(message: str) -> None:
        summary.messages.append(message)
        if on_message:
            on_message(message)

    indexes = partition_indexes(out)
    summary.partitions = len(indexes)
    for index in indexes:
        name = f"part-{index:06d}.parquet"
        try:
            tables = {t: pq.read_table(out / t / name, schema=SCHEMAS[t]).to_pylist()
                      for t in ("documents", "document_sources", *ANALYSIS_TABLES)}
            claims = pq.read_table(out / "compare_claims" / name, columns=["document_id", "start", "end", "vector"]) \
                if (out / "compare_claims" / name).is_file() else None
        except (OSError, pa.ArrowException) as exc:
            summary.failed_partitions.append(index)
            say(Errors.DW510.format(path=out / "documents" / name, index=index, reason=str(exc).splitlines()[0]))
            continue
        by_doc: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
        for table in ANALYSIS_TABLES:
            for row in tables[table]:
                by_doc[row["document_id"]][table].append(row)
        docs = {r["id"]: r for r in tables["documents"]}
        done: set[str] = set()
        for src in sorted(tables["document_sources"], key=lambda r: r["position"]):
            row = docs[src["document_id"]]
            document = replace(document_from_row(row), source=src["source"])
            analysis = None
            if src["document_id"] not in done:
                done.add(src["document_id"])
                stored, analyzer = store.analyzer_of(document.id)
                if not stored or analyzer != row["analyzer"]:
                    analysis = analysis_from_rows(row, by_doc.get(document.id, {}))
            write_counted(store, document, analysis, summary, say)  # as ingest counts and warns
        if claims is not None:
            # the claims' sentence vectors the workers computed: no compare embeds them again
            store.add_claim_vectors([(r["document_id"], r["start"], r["end"], r["vector"]) for r in claims.to_pylist()])
        summary.loaded += 1
        if on_partition:
            on_partition(index, len(docs))
    failed = sorted(int(m.group(1)) for p in (out / FAILED_DIR).glob("*.json")
                    if (m := re.fullmatch(r"part-(\d+)\.json", p.name))) if (out / FAILED_DIR).is_dir() else []
    if failed or not manifest.get("complete"):
        say(Warnings.W502.format(path=out, failed=", ".join(map(str, failed)) or "none",
                                 state="finished" if "finished" in manifest else "not finished"))
    if compare and (summary.added or store.comparison_stale()):
        from dyadwatch.compare import compare_store

        summary.comparison = load_comparison(store, out)
        summary.compared_on_cluster = summary.comparison is not None
        if summary.comparison is None:
            summary.comparison = compare_store(store, full=False)
    return summary


def load_comparison(store: Store, out: Path) -> Any:
    """Bring in the copies and relations the batch's cross-document step computed on the cluster
    (``batch.cross``), with the stories linked here from the stored events, act by act: what
    ``compare_store`` would compute, without comparing. Only when the store holds exactly the
    run's documents, in the run's order (copy groups are named after their first document);
    otherwise None, and the caller compares in-process (with the claim vectors loaded, only
    the new documents' signatures and the pairing are left to compute)."""
    import pyarrow.parquet as pq

    from dyadwatch.batch.cross import CROSS_DIR, RELATION_COLUMNS, read_cross
    from dyadwatch.compare import CompareSummary
    from dyadwatch.compare.stories import link_stories
    from dyadwatch.records import Relation
    from dyadwatch.store.queries.compare import (
        act_events, count_documents, document_order, event_pairs, last_document_rowid,
    )

    manifest = read_cross(out)
    if manifest is None:
        return None
    folder = out / CROSS_DIR
    batch_order = pq.read_table(folder / "documents.parquet", columns=["id"]).column("id").to_pylist()
    if any(doc_id != batch_order[i] if i < len(batch_order) else True
           for i, doc_id in enumerate(document_order(store))) or count_documents(store) != len(batch_order):
        return None
    groups = {d: (d, 1.0) for d in batch_order}
    del batch_order
    for r in pq.read_table(folder / "groups.parquet").to_pylist():
        groups[r["document_id"]] = (r["group_id"], r["similarity"])
    group_of = {d: g for d, (g, _) in groups.items()}
    stories = []
    for source, target in event_pairs(store):
        stories += link_stories(act_events(store, source, target), group_of)
    relations = [Relation(*(r[c] for c in RELATION_COLUMNS))
                 for p in sorted((folder / "relations").glob("part-*.parquet")) for r in pq.read_table(p).to_pylist()]
    last = last_document_rowid(store)
    store.replace_comparison(groups=groups, stories=stories, relations=relations,
                             # read a partition at a time: the store only calls .items()
                             signatures=_Signatures(out, manifest["partitions"]),  # type: ignore[arg-type]
                             compared_through=last)
    members: dict[str, int] = {}
    for g in group_of.values():
        members[g] = members.get(g, 0) + 1
    return CompareSummary(
        documents=len(groups), duplicate_groups=sum(1 for n in members.values() if n > 1), stories=len(stories),
        multi_source_stories=sum(1 for s in stories if s.independent_sources > 1),
        agreements=sum(1 for r in relations if r.relation == "agree"),
        contradictions=sum(1 for r in relations if r.relation == "contradict"))


class _Signatures:
    """The run's MinHash signatures, read a partition at a time as the store inserts them."""

    def __init__(self, out: Path, partitions: list[int]) -> None:
        self.out, self.partitions = out, partitions

    def items(self) -> Any:
        import numpy as np
        import pyarrow.parquet as pq

        from dyadwatch.compare.duplicates import BANDS

        seen: set[str] = set()
        for index in self.partitions:
            for r in pq.read_table(self.out / "signatures" / f"part-{index:06d}.parquet").to_pylist():
                if r["document_id"] in seen:
                    continue
                seen.add(r["document_id"])
                yield r["document_id"], (np.frombuffer(r["signature"], dtype="<u4"), r["shingles"],
                                         list(zip(range(BANDS), r["bands"])))
