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
from dyadwatch.records import (
    ActorMention,
    Analysis,
    Claim,
    Document,
    Event,
    Figure,
    Quote,
    Sentence,
    Stance,
)

Row = dict[str, Any]
_PART = re.compile(r"part-(\d{6,})\.parquet")

_STR, _INT, _FLOAT, _BOOL = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_STRINGS = pa.list_(pa.string())
_SPANS = pa.list_(pa.list_(pa.int64()))
_INTS = pa.list_(pa.int64())

SCHEMAS: dict[str, pa.Schema] = {
    # one row per distinct document of a partition; ``position`` is the input order of the run
    "documents": pa.schema([
        ("id", _STR), ("position", _INT), ("source", _STR), ("url", _STR), ("text", _STR), ("title", _STR),
        ("outlet", _STR), ("authors", _STRINGS), ("published", _STR), ("published_basis", _STR),
        ("language", _STR), ("chrome", _SPANS), ("meta_evidence", _STR), ("warnings", _STRINGS),
        ("analyzer", _STR), ("analysis_skipped", _STR),
    ]),
    # every input record that became a document, in input order (the same text twice: two rows)
    "document_sources": pa.schema([("document_id", _STR), ("position", _INT), ("source", _STR)]),
    "sentences": pa.schema([("document_id", _STR), ("idx", _INT), ("start", _INT), ("end", _INT)]),
    "mentions": pa.schema([
        ("document_id", _STR), ("start", _INT), ("end", _INT), ("text", _STR), ("code", _STR), ("entry", _STR),
        ("dictionary", _STR), ("person", _STR),
    ]),
    "events": pa.schema([
        ("document_id", _STR), ("start", _INT), ("end", _INT), ("sentence", _STR), ("source", _STR),
        ("target", _STR), ("type", _STR), ("mode", _STR), ("negated", _BOOL), ("modality", _STR),
        ("date", _STR), ("intensity", _FLOAT), ("trigger", _STR), ("trigger_start", _INT),
        ("trigger_end", _INT), ("contexts", _STRINGS), ("confidence", _FLOAT), ("dictionary", _STR),
    ]),
    "quotes": pa.schema([
        ("document_id", _STR), ("start", _INT), ("end", _INT), ("text", _STR), ("speaker", _STR),
        ("speaker_actor", _STR), ("direct", _BOOL), ("cue", _STR),
    ]),
    "figures": pa.schema([
        ("document_id", _STR), ("start", _INT), ("end", _INT), ("sentence_start", _INT), ("sentence_end", _INT),
        ("sentence", _STR), ("raw", _STR), ("value", _FLOAT), ("value_high", _FLOAT), ("unit", _STR),
        ("qualifier", _STR), ("measure", _STR), ("period", _STR),
    ]),
    "claims": pa.schema([
        ("id", _STR), ("document_id", _STR), ("start", _INT), ("end", _INT), ("sentence", _STR),
        ("speaker", _STR), ("polarity", _INT), ("actors", _STRINGS), ("normalized", _STR),
    ]),
    "stances": pa.schema([
        ("document_id", _STR), ("actor_a", _STR), ("actor_b", _STR), ("label", _STR), ("score", _FLOAT),
        ("evidence", _SPANS),
    ]),
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
    return {
        "id": doc.id, "position": position, "source": doc.source, "url": doc.url, "text": doc.text,
        "title": doc.title, "outlet": doc.outlet, "authors": list(doc.authors), "published": doc.published,
        "published_basis": doc.published_basis, "language": doc.language,
        "chrome": [list(s) for s in doc.chrome], "meta_evidence": json.dumps(doc.meta_evidence),
        "warnings": list(doc.warnings), "analyzer": analysis.analyzer if analysis else None,
        "analysis_skipped": analysis.skipped if analysis else None,
    }


def analysis_rows(a: Analysis, text: str) -> dict[str, list[Row]]:
    """The rows of each analysis table for one document."""
    d = a.document_id
    return {
        "sentences": [{"document_id": d, "idx": i, "start": s.start, "end": s.end} for i, s in enumerate(a.sentences)],
        "mentions": [{"document_id": d, "start": m.start, "end": m.end, "text": m.text, "code": m.code,
                      "entry": m.entry, "dictionary": m.dictionary, "person": m.person} for m in a.mentions],
        "events": [{"document_id": d, "start": e.start, "end": e.end, "sentence": e.sentence, "source": e.source,
                    "target": e.target, "type": e.type, "mode": e.mode, "negated": e.negated,
                    "modality": e.modality, "date": e.date, "intensity": e.intensity, "trigger": e.trigger,
                    "trigger_start": e.trigger_start, "trigger_end": e.trigger_end, "contexts": list(e.contexts),
                    "confidence": e.confidence, "dictionary": e.dictionary} for e in a.events],
        "quotes": [{"document_id": d, "start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker,
                    "speaker_actor": q.speaker_actor, "direct": q.direct, "cue": q.cue} for q in a.quotes],
        "figures": [_figure_row(d, a, f, text) for f in a.figures],
        "claims": [{"id": c.id, "document_id": d, "start": c.start, "end": c.end, "sentence": c.sentence,
                    "speaker": c.speaker, "polarity": c.polarity, "actors": list(c.actors),
                    "normalized": json.dumps(c.normalized)} for c in a.claims],
        "stances": [{"document_id": d, "actor_a": s.dyad[0], "actor_b": s.dyad[1], "label": s.label,
                     "score": s.score, "evidence": [list(x) for x in s.evidence]} for s in a.stances],
    }


def _figure_row(doc_id: str, a: Analysis, f: Figure, text: str) -> Row:
    # the sentence holding the figure, found as the store finds it for its sentence_start/_end
    start, end = f.start, f.end
    for s in a.sentences:
        if s.start <= f.start < s.end:
            start, end = s.start, s.end
            break
    return {"document_id": doc_id, "start": f.start, "end": f.end, "sentence_start": start, "sentence_end": end,
            "sentence": f.sentence, "raw": f.raw, "value": f.value, "value_high": f.value_high, "unit": f.unit,
            "qualifier": f.qualifier, "measure": f.measure, "period": f.period}


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
                                  "terms": sorted(c.extra.get("terms") or ())}
        if c.extra.get("sentence"):
            detail["sentence"] = True
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
                             "dates": {(s, t, ty, bool(n)): d for s, t, ty, n, d in detail["dates"]}}
    if detail.get("sentence"):
        extra["sentence"] = True
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
    return Document(
        id=r["id"], source=r["source"], text=r["text"], url=r["url"], title=r["title"], outlet=r["outlet"],
        authors=tuple(r["authors"] or ()), published=r["published"], published_basis=r["published_basis"],
        language=r["language"], chrome=tuple((int(s), int(e)) for s, e in r["chrome"] or ()),
        meta_evidence=json.loads(r["meta_evidence"]), warnings=tuple(r["warnings"] or ()),
    )


def analysis_from_rows(doc: Row, rows: Mapping[str, Iterable[Row]]) -> Analysis | None:
    """The ``Analysis`` of one document from its rows (None when it was not analysed)."""
    if doc["analyzer"] is None:
        return None
    text = doc["text"]
    get = lambda name: list(rows.get(name, ()))  # noqa: E731
    return Analysis(
        document_id=doc["id"],
        analyzer=doc["analyzer"],
        sentences=tuple(Sentence(r["start"], r["end"]) for r in sorted(get("sentences"), key=lambda r: r["idx"])),
        mentions=tuple(ActorMention(r["start"], r["end"], r["text"], r["code"], r["entry"], r["dictionary"],
                                    r["person"]) for r in get("mentions")),
        events=tuple(Event(r["start"], r["end"], text[r["start"]:r["end"]], r["source"], r["target"], r["type"],
                           r["mode"], r["negated"], r["modality"], r["date"], r["intensity"], r["trigger"],
                           r["trigger_start"], r["trigger_end"], tuple(r["contexts"] or ()), r["confidence"],
                           r["dictionary"]) for r in get("events")),
        quotes=tuple(Quote(r["start"], r["end"], r["text"], r["speaker"], r["speaker_actor"], r["direct"], r["cue"])
                     for r in get("quotes")),
        figures=tuple(Figure(r["start"], r["end"], r["sentence"], r["value"], r["unit"], r["raw"], r["value_high"],
                             r["qualifier"], r["measure"], r["period"]) for r in get("figures")),
        claims=tuple(Claim(r["id"], r["start"], r["end"], r["sentence"], r["speaker"], r["polarity"],
                           tuple(r["actors"] or ()), json.loads(r["normalized"])) for r in get("claims")),
        stances=tuple(Stance((r["actor_a"], r["actor_b"]), r["label"], r["score"],
                             tuple((int(s), int(e)) for s, e in r["evidence"] or ())) for r in get("stances")),
        skipped=doc["analysis_skipped"],
    )
