"""The Parquet tables a batch run writes: schemas, and records ⇄ rows.

Each table mirrors the SQLite table of the same name (``docs/store.md``) with native Arrow types
(lists for authors, contexts, actors and spans; JSON text only where the value is an open-ended
mapping), so the files are queryable as they are::

    duckdb -c "SELECT type, count(*) FROM 'out/events/*.parquet' GROUP BY type"

Rows of one document keep the order the analysis produced them in, so loading them rebuilds
exactly the ``Document`` and ``Analysis`` records local ingest would have written.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dyadwatch.compare.relations import ClaimItem
from dyadwatch.records import Analysis, Document
from dyadwatch.store import schema

Row = dict[str, Any]
_PART = re.compile(r"part-(\d{6,})\.parquet")

_STR, _INT, _FLOAT = pa.string(), pa.int64(), pa.float64()
_STRINGS = pa.list_(pa.string())
_INTS = pa.list_(pa.int64())


def _arrow_schema(table: schema.Table) -> pa.Schema:
    return pa.schema([(c.name, schema.arrow_type(pa, c.kind)) for c in table.columns_in("parquet")])


SCHEMAS: dict[str, pa.Schema] = {
    # one row per distinct document of a partition; ``position`` is the input order of the run;
    # the analysis tables, one row per record: all as the store declares them
    "documents": _arrow_schema(schema.DOCUMENTS),
    # every input record that became a document, in input order (the same text twice: two rows)
    "document_sources": pa.schema([("document_id", _STR), ("position", _INT), ("source", _STR)]),
    **{t.name: _arrow_schema(t) for t in schema.ANALYSIS.values()},
    # warnings and errors about the partition's inputs, as ingest would print them
    "messages": pa.schema([("source", _STR), ("message", _STR)]),
    # what the cross-document step needs (``dyadwatch.batch.cross``), computed by the workers:
    # each document's MinHash signature, its stored LSH bands (``minhash_bands``) and the keys
    # under which the full compare looks for its copies (``compare.duplicates.copy_keys``) …
    "signatures": pa.schema([
        ("document_id", _STR), ("signature", pa.binary()), ("shingles", _INT), ("bands", _INTS),
        ("copy_keys", _INTS),
    ]),
    # … and the claims compare weighs (``compare.document_claims``), in the document's order,
    # with the document's pairs of states (the main one, ``dyad``, first) and their sentence
    # vectors (384 little-endian float32; the store's ``claim_vectors``)
    "compare_claims": pa.schema([
        ("document_id", _STR), ("idx", _INT), ("start", _INT), ("end", _INT), ("sentence", _STR),
        ("actors", _STRINGS), ("polarity", _INT), ("direction", _FLOAT), ("dyad", _STRINGS),
        ("pairs", pa.list_(_STRINGS)), ("detail", _STR), ("vector", pa.binary()),
    ]),
}
#: written last: a partition is complete when its documents file exists
TABLES = tuple(name for name in SCHEMAS if name != "documents") + ("documents",)
ANALYSIS_TABLES = ("sentences", "mentions", "events", "quotes", "figures", "claims", "stances")
#: what the cross-document step reads (absent from the output of earlier versions)
COMPARE_TABLES = ("signatures", "compare_claims")


def document_row(doc: Document, analysis: Analysis | None, *, position: int) -> Row:
    return schema.DOCUMENTS.row(doc, "parquet", {
        "position": position, "analyzer": analysis.analyzer if analysis else None,
        "analysis_skipped": analysis.skipped if analysis else None})


def analysis_rows(a: Analysis, text: str) -> dict[str, list[Row]]:
    """The rows of each analysis table for one document (``text``: kept for callers; the rows
    carry the records' own sentences)."""
    return {table.name: [table.row(item, "parquet", schema.analysis_extras(table, a.document_id, i, item,
                                                                         a.sentences))
                         for i, item in enumerate(getattr(a, field))]
            for field, table in schema.ANALYSIS.items()}


def compare_rows(doc_id: str, claims: Sequence[ClaimItem], vectors: Any, sig: Any, keys: Sequence[int]
                 ) -> dict[str, list[Row]]:
    """The rows of the compare tables for one document: its claims as compare sees them (group
    left out: copies are known only across the run) with their vectors, and its signature."""
    out: dict[str, list[Row]] = {"signatures": [], "compare_claims": []}
    if sig is not None:
        values, shingles, doc_bands = sig
        out["signatures"].append({"document_id": doc_id, "signature": values.astype("<u4").tobytes(),
                                  "shingles": shingles, "bands": [bucket for _, bucket in doc_bands],
                                  "copy_keys": list(keys)})
    for i, c in enumerate(claims):
        detail: dict[str, Any] = {"events": c.events, "figures": c.figures, "cues": sorted(c.extra.get("cues", ())),
                                  "dates": [[*k, v] for k, v in (c.extra.get("dates") or {}).items()],
                                  "terms": sorted(c.extra.get("terms") or ()),
                                  "denied": sorted(list(a) for a in c.extra.get("denied") or ()),
                                  "no_gains": sorted(c.extra.get("no_gains") or ()),
                                  "published": c.extra.get("published")}
        if c.extra.get("sentence"):
            detail["sentence"] = True
        if not c.extra.get("own", True):
            detail["own"] = False  # a speaker's judgement, not the article's (relations.own_judgement)
        out["compare_claims"].append({
            "document_id": doc_id, "idx": i, "start": c.start, "end": c.end, "sentence": c.sentence,
            "actors": list(c.actors), "polarity": c.polarity, "direction": c.direction,
            "dyad": list(c.extra["dyad"]) if c.extra.get("dyad") else None,
            "pairs": [list(p) for p in c.extra.get("pairs") or ()], "detail": json.dumps(detail),
            "vector": vectors[i].astype("<f4").tobytes()})
    return out


def claim_from_row(r: Row) -> ClaimItem:
    """A claim as compare sees it, from its ``compare_claims`` row (its group is its document:
    only the first document of each group of copies is compared)."""
    detail = json.loads(r["detail"])
    extra: dict[str, Any] = {"dyad": tuple(r["dyad"]) if r["dyad"] else None,
                             "pairs": [(p[0], p[1]) for p in r.get("pairs") or ()],
                             "cues": frozenset(detail["cues"]), "terms": frozenset(detail.get("terms", ())),
                             "dates": {(s, t, ty, bool(n)): d for s, t, ty, n, d in detail["dates"]},
                             # (absent from the tables of an older run: nothing denied, nothing lacked)
                             "denied": frozenset((s, t, ty) for s, t, ty in detail.get("denied", ())),
                             "no_gains": frozenset(detail.get("no_gains", ())),
                             "published": detail.get("published")}
    if detail.get("sentence"):
        extra["sentence"] = True
    extra["own"] = bool(detail.get("own", True))
    return ClaimItem(
        document_id=r["document_id"], start=r["start"], end=r["end"], sentence=r["sentence"],
        actors=tuple(r["actors"] or ()), polarity=r["polarity"],
        events=tuple((s, t, ty, bool(n)) for s, t, ty, n in detail["events"]),
        figures=tuple((float(v), u, m, p) for v, u, m, p in detail["figures"]),
        direction=r["direction"], group=r["document_id"], extra=extra)


def partition_indexes(out_dir: str | os.PathLike[str]) -> list[int]:
    """The complete partitions of a batch output directory, in order."""
    folder = Path(out_dir) / "documents"
    found = (_PART.fullmatch(p.name) for p in folder.iterdir()) if folder.is_dir() else iter(())
    return sorted(int(m.group(1)) for m in found if m)


def to_parquet(name: str, rows: Sequence[Row]) -> bytes:
    """One table as the bytes of a Parquet file (zstd), with its schema even when empty."""
    table = pa.Table.from_pylist(list(rows), schema=SCHEMAS[name])
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def document_from_row(r: Row) -> Document:
    document: Document = schema.DOCUMENTS.record_from(r, "parquet")
    return document


def analysis_from_rows(doc: Row, rows: Mapping[str, Iterable[Row]]) -> Analysis | None:
    """The ``Analysis`` of one document from its rows (None when it was not analysed)."""
    if doc["analyzer"] is None:
        return None
    text = doc["text"]
    found: dict[str, tuple[Any, ...]] = {}
    for field, table in schema.ANALYSIS.items():
        rows_of = list(rows.get(table.name, ()))
        if table is schema.SENTENCES:
            rows_of.sort(key=lambda r: r["idx"])
        found[field] = tuple(table.record_from(r, "parquet", text) for r in rows_of)
    return Analysis(document_id=doc["id"], analyzer=doc["analyzer"], skipped=doc["analysis_skipped"], **found)
