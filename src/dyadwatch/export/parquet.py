"""Records, events and relations as Parquet files that DuckDB, pandas and Arrow read as they are.

Each export has one explicit Arrow schema with the same fields and nesting as its JSONL form
(``dyadwatch.export.records``): an analysis record keeps ``meta`` as a struct and its events,
quotes, figures, claims and stances as lists of structs, so::

    duckdb -c "SELECT meta.outlet, len(events) FROM 'records.parquet'"
    duckdb -c "SELECT e.type, count(*) FROM (SELECT unnest(events) AS e FROM 'records.parquet') GROUP BY 1"
    pandas.read_parquet("events.parquet")

Fields a JSONL record leaves out when they do not apply (``also_ingested_from``,
``analysis_skipped``, a figure's ``range_end``) are null here. Rows are written in groups, so
memory stays flat whatever the size of the store.

Needs pyarrow (``pip install 'dyadwatch[parquet]'``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dyadwatch.errors import Errors, ExportError
from dyadwatch.export.records import analysis_records, event_records, relation_records
from dyadwatch.store import Store

__all__ = ["ROW_GROUP", "parquet_schema", "write_parquet"]

#: rows per Parquet row group (and the most rows held in memory at once)
ROW_GROUP = 500


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:
        raise ExportError(Errors.DW601.format(package=exc.name or "pyarrow")) from None
    return pa


def parquet_schema(what: str) -> Any:
    """The Arrow schema of one export: ``records``, ``events`` or ``relations``."""
    pa = _pyarrow()
    s, i, f, b = pa.string(), pa.int64(), pa.float64(), pa.bool_()
    strings = pa.list_(s)
    span = pa.struct([("start", i), ("end", i), ("sentence", s)])
    quote = pa.struct([("start", i), ("end", i), ("text", s), ("speaker", s), ("speaker_actor", s),
                       ("direct", b), ("cue", s)])
    if what == "records":
        return pa.schema([
            ("id", s), ("source", s), ("url", s), ("text", s),
            ("meta", pa.struct([("title", s), ("outlet", s), ("authors", strings), ("published", s),
                                ("published_basis", s), ("language", s)])),
            ("actors", pa.list_(pa.struct([("code", s), ("name", s), ("mentions", i)]))),
            ("events", pa.list_(pa.struct([
                ("start", i), ("end", i), ("sentence", s), ("source", s), ("target", s), ("type", s),
                ("mode", s), ("negated", b), ("modality", s), ("date", s), ("intensity", f), ("trigger", s),
                ("confidence", f), ("contexts", strings)]))),
            ("quotes", pa.list_(quote)),
            ("reported_speech", pa.list_(quote)),
            ("figures", pa.list_(pa.struct([
                ("start", i), ("end", i), ("sentence", s), ("value", f), ("unit", s), ("measure", s),
                ("period", s), ("value_high", f), ("qualifier", s), ("raw", s), ("range_end", s)]))),
            ("claims", pa.list_(pa.struct([("id", s), ("start", i), ("end", i), ("sentence", s),
                                           ("speaker", s)]))),
            ("stances", pa.list_(pa.struct([("dyad", strings), ("label", s), ("score", f),
                                            ("evidence", pa.list_(span))]))),
            ("also_ingested_from", strings),
            ("analysis_skipped", s),
        ])
    if what == "events":
        return pa.schema([
            ("id", s), ("document_id", s), ("source", s), ("url", s), ("actor", s), ("recipient", s),
            ("event", s), ("mode", s), ("date", s), ("negated", b), ("modality", s), ("intensity", f),
            ("contexts", strings), ("trigger", s), ("confidence", f), ("event_text", s),
            ("text_info", pa.struct([("start", i), ("end", i), ("trigger_start", i), ("trigger_end", i)])),
        ])
    if what == "relations":
        side = pa.struct([("document_id", s), ("doc", s), ("source", s), ("url", s), ("start", i), ("end", i),
                          ("sentence", s)])
        return pa.schema([("a", side), ("b", side), ("relation", s), ("score", f), ("why", s)])
    raise ValueError(f"unknown export '{what}'; expected records, events or relations")


def _rows(store: Store, what: str) -> Iterator[dict[str, Any]]:
    if what == "records":
        return analysis_records(store)
    if what == "events":
        return event_records(store)
    if what == "relations":
        return relation_records(store)
    raise ValueError(f"unknown export '{what}'; expected records, events or relations")


def _groups(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    group: list[dict[str, Any]] = []
    for row in rows:
        group.append(row)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


def write_parquet(store: Store, path: str | os.PathLike[str], *, what: str = "records",
                  row_group: int = ROW_GROUP) -> int:
    """Write one export to the Parquet file ``path`` (zstd); returns the number of rows.

    The file is written beside ``path`` under a temporary name and moved into place when
    complete, so a failed export never leaves a truncated file where a good one was.
    """
    pa = _pyarrow()
    import pyarrow.parquet as pq

    schema = parquet_schema(what)
    rows = _rows(store, what)
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    n = 0
    try:
        with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
            for group in _groups(rows, max(1, row_group)):
                writer.write_table(pa.Table.from_pylist(group, schema=schema))
                n += len(group)
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n
