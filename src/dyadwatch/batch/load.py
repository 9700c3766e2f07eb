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

from dyadwatch.batch import require_batch_dependencies
from dyadwatch.batch.run import FAILED_DIR, FORMAT, read_manifest
from dyadwatch.batch.tables import ANALYSIS_TABLES, SCHEMAS, Row, analysis_from_rows, document_from_row
from dyadwatch.errors import BatchError, Errors, Warnings
from dyadwatch.jobs import IngestSummary, write_counted
from dyadwatch.store import Store

_PART = re.compile(r"part-(\d{6,})\.parquet")


@dataclass
class LoadSummary(IngestSummary):
    """What a load did: documents added, records whose document was already stored (counted as
    ingest counts them, by ``write_counted``), and the partitions read."""

    partitions: int = 0
    loaded: int = 0
    failed_partitions: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """False only when partitions failed and none could be loaded."""
        return not self.failed_partitions or self.loaded > 0


def partition_indexes(out_dir: str | os.PathLike[str]) -> list[int]:
    """The complete partitions of a batch output directory, in order."""
    folder = Path(out_dir) / "documents"
    found = (_PART.fullmatch(p.name) for p in folder.iterdir()) if folder.is_dir() else iter(())
    return sorted(int(m.group(1)) for m in found if m)


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

        summary.comparison = compare_store(store, full=False)
    return summary
