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
from dyadwatch.export.records import (
    PLOVER_NAMES,
    RECORD_TOP,
    TEXT_INFO,
    analysis_records,
    event_records,
    relation_records,
)
from dyadwatch.store import Store, schema

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


def _fields(pa: Any, table: schema.Table, names: Iterable[str], rename: dict[str, str] | None = None) -> list[Any]:
    """(name, Arrow type) of record fields, typed as the store declares them."""
    return [((rename or {}).get(f, f), schema.arrow_type(pa, table.field_kind(f))) for f in names]


def parquet_schema(what: str) -> Any:
    """The Arrow schema of one export: ``records``, ``events`` or ``relations``; its fields follow
    the records' (``dyadwatch.store.schema``) as the JSONL form does."""
    pa = _pyarrow()
    s, i, f = pa.string(), pa.int64(), pa.float64()
    strings = pa.list_(s)
    span = pa.struct([("start", i), ("end", i), ("sentence", s)])
    quote = pa.struct(_fields(pa, schema.QUOTES, schema.QUOTES.exported_fields()))
    if what == "records":
        documents = schema.DOCUMENTS.exported_fields()
        stances = [(name, t) if name != "evidence" else (name, pa.list_(span))
                   for name, t in _fields(pa, schema.STANCES, schema.STANCES.exported_fields())]
        return pa.schema([
            *_fields(pa, schema.DOCUMENTS, RECORD_TOP),
            ("meta", pa.struct(_fields(pa, schema.DOCUMENTS, [d for d in documents if d not in RECORD_TOP]))),
            ("actors", pa.list_(pa.struct([("code", s), ("name", s), ("mentions", i)]))),
            ("events", pa.list_(pa.struct(_fields(pa, schema.EVENTS, schema.EVENTS.exported_fields())))),
            ("quotes", pa.list_(quote)),
            ("reported_speech", pa.list_(quote)),
            ("figures", pa.list_(pa.struct([*_fields(pa, schema.FIGURES, schema.FIGURES.exported_fields()),
                                            ("range_end", s)]))),
            ("claims", pa.list_(pa.struct(_fields(pa, schema.CLAIMS, schema.CLAIMS.exported_fields())))),
            ("stances", pa.list_(pa.struct(stances))),
            ("also_ingested_from", strings),
            ("analysis_skipped", s),
        ])
    if what == "events":
        fields = [name for name in schema.EVENTS.exported_fields() if name not in TEXT_INFO]
        return pa.schema([
            ("id", s), ("document_id", s), ("source", s), ("url", s),
            *_fields(pa, schema.EVENTS, fields, PLOVER_NAMES),
            ("text_info", pa.struct(_fields(pa, schema.EVENTS, TEXT_INFO))),
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

    arrow_schema = parquet_schema(what)
    rows = _rows(store, what)
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    n = 0
    try:
        with pq.ParquetWriter(tmp, arrow_schema, compression="zstd") as writer:
            for group in _groups(rows, max(1, row_group)):
                writer.write_table(pa.Table.from_pylist(group, schema=arrow_schema))
                n += len(group)
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n
