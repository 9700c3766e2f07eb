"""Analysis records, PLOVER-style events and relations, as JSONL or CSV.

The analysis record layout is the contract in ../shared/eval/README.md: one JSON object per
document. Fields that no analysis has filled are present and empty, never invented.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import IO, Any, Literal

from dyadwatch.records import Analysis, Document
from dyadwatch.store import Store, schema

What = Literal["records", "events", "relations"]
Format = Literal["jsonl", "csv"]

RECORD_CSV_COLUMNS = (
    "id", "source", "url", "title", "outlet", "authors", "published", "published_basis", "language",
    "actors", "events", "quotes", "figures", "claims", "stances", "chars",
)
#: the document fields an analysis record holds at its top; the others it exports go in "meta"
RECORD_TOP = ("id", "source", "url", "text")
#: PLOVER's names for the event fields it has; the others keep dyadwatch's
PLOVER_NAMES = {"source": "actor", "target": "recipient", "type": "event", "sentence": "event_text"}
#: event offsets, which an event export keeps under "text_info"
TEXT_INFO = ("start", "end", "trigger_start", "trigger_end")
#: the fields of an event export, after its id, document and document source (``event_records``)
EVENT_FIELDS = tuple(PLOVER_NAMES.get(f, f) for f in schema.EVENTS.exported_fields() if f not in TEXT_INFO)
EVENT_COLUMNS = ("id", "document_id", "source", "url", *EVENT_FIELDS, "start", "end")
RELATION_COLUMNS = (
    "relation", "score", "why", "a_source", "a_start", "a_end", "a_sentence", "b_source", "b_start", "b_end",
    "b_sentence",
)


def _quote(q: Any) -> dict[str, Any]:
    return schema.QUOTES.exported(q)


def analysis_record(document: Document, analysis: Analysis, *, actor_names: dict[str, str] | None = None,
                    sources: list[str] | None = None) -> dict[str, Any]:
    """One analysis record (the contract of ../shared/eval/README.md)."""
    text = document.text
    names = actor_names or {}
    counts = Counter(m.code for m in analysis.mentions)
    fields = schema.DOCUMENTS.exported(document)
    record: dict[str, Any] = {
        **{f: fields[f] for f in RECORD_TOP},
        "meta": {f: v for f, v in fields.items() if f not in RECORD_TOP},
        "actors": [{"code": code, "name": names.get(code, code), "mentions": n}
                   for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))],
        # an event's, a claim's sentence is the text of its span (``store.schema``)
        "events": [schema.EVENTS.exported(e) for e in analysis.events],
        # the contract's quotes are "words inside the quote marks"; what someone is reported to
        # have said without them is kept beside, in the same shape
        "quotes": [_quote(q) for q in analysis.quotes if q.direct],
        "reported_speech": [_quote(q) for q in analysis.quotes if not q.direct],
        "figures": _figure_records(analysis),
        "claims": [schema.CLAIMS.exported(c) for c in analysis.claims],
        # a stance's evidence: each span with its sentence
        "stances": [
            {**schema.STANCES.exported(s),
             "evidence": [{"start": a, "end": b, "sentence": text[a:b]} for a, b in s.evidence]}
            for s in analysis.stances
        ],
    }
    if sources and len(sources) > 1:
        record["also_ingested_from"] = [s for s in sources if s != document.source]
    if analysis.skipped:
        record["analysis_skipped"] = analysis.skipped
    return record


def _figure_records(analysis: Analysis) -> list[dict[str, Any]]:
    """Figures as the contract lists them: a range gives one entry for each end."""
    out = []
    for f in analysis.figures:
        base = schema.FIGURES.exported(f)
        out.append(base)
        if f.value_high is not None:
            out.append({**base, "value": f.value_high, "range_end": "high"})
    return out


def analysis_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every stored document as an analysis record, in ingest order."""
    names = store.actor_names()
    for document in store.documents():
        yield analysis_record(document, store.analysis(document.id), actor_names=names,
                              sources=store.document_sources(document.id))


def event_records(store: Store) -> Iterator[dict[str, Any]]:
    """Events in PLOVER's JSON style, plus dyadwatch's negation, modality and evidence offsets."""
    for document in store.documents():
        analysis = store.analysis(document.id)
        for i, e in enumerate(analysis.events):
            fields = schema.EVENTS.exported(e, omit=TEXT_INFO)
            yield {
                "id": f"{document.id}-e{i + 1}",
                "document_id": document.id,
                "source": document.source,
                "url": document.url,
                **{PLOVER_NAMES.get(f, f): v for f, v in fields.items()},
                "text_info": {f: getattr(e, f) for f in TEXT_INFO},
            }


def relation_records(store: Store) -> Iterator[dict[str, Any]]:
    """Cross-document relations in the layout of ../shared/eval/README.md."""
    cache: dict[str, Document] = {}

    def side(doc_id: str, start: int, end: int) -> dict[str, Any]:
        if doc_id not in cache:
            cache[doc_id] = store.document(doc_id)
        doc = cache[doc_id]
        # "doc": how a reader (or a scorer) refers to the document: its page address when it
        # has one (a JSONL line's source is "file.jsonl#L3"), else the path it was read from
        return {"document_id": doc.id, "doc": doc.url or doc.source, "source": doc.source, "url": doc.url,
                "start": start, "end": end, "sentence": doc.text[start:end]}

    for r in store.relations():
        yield {"a": side(r.a_document, r.a_start, r.a_end), "b": side(r.b_document, r.b_start, r.b_end),
               "relation": r.relation, "score": r.score, "why": r.why}


def write_export(store: Store, out: IO[str], *, what: What = "records", fmt: Format = "jsonl") -> int:
    """Write an export to ``out``; returns the number of rows written."""
    rows: Iterable[dict[str, Any]]
    if what == "records":
        rows = analysis_records(store)
        columns, flatten = RECORD_CSV_COLUMNS, _record_row
    elif what == "events":
        rows = event_records(store)
        columns, flatten = EVENT_COLUMNS, _event_row
    elif what == "relations":
        rows = relation_records(store)
        columns, flatten = RELATION_COLUMNS, _relation_row
    else:
        raise ValueError(f"unknown export '{what}'; expected records, events or relations")
    n = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(_json_line(row))
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(flatten(row))
            n += 1
    else:
        raise ValueError(f"unknown format '{fmt}'; expected jsonl or csv")
    return n


def _record_row(r: dict[str, Any]) -> dict[str, Any]:
    meta = r["meta"]
    return {
        "id": r["id"], "source": r["source"], "url": r["url"], "title": meta["title"], "outlet": meta["outlet"],
        "authors": "; ".join(meta["authors"]), "published": meta["published"],
        "published_basis": meta["published_basis"], "language": meta["language"],
        "actors": " ".join(a["code"] for a in r["actors"]), "events": len(r["events"]), "quotes": len(r["quotes"]),
        "figures": len(r["figures"]), "claims": len(r["claims"]),
        "stances": "; ".join(f"{'-'.join(s['dyad'])}:{s['label']}" for s in r["stances"]), "chars": len(r["text"]),
    }


def _event_row(r: dict[str, Any]) -> dict[str, Any]:
    # a list (contexts) as one cell of space-separated words
    return {**{k: " ".join(v) if isinstance(v, list) else v for k, v in r.items()},
            "start": r["text_info"]["start"], "end": r["text_info"]["end"]}


def _relation_row(r: dict[str, Any]) -> dict[str, Any]:
    out = {"relation": r["relation"], "score": r["score"], "why": r["why"]}
    for key in ("a", "b"):
        for field in ("source", "start", "end", "sentence"):
            out[f"{key}_{field}"] = r[key][field]
    return out


def _json_line(row: dict[str, Any]) -> str:
    """One JSON Lines record. U+2028, U+2029 and U+0085 are escaped although JSON allows them
    raw: readers that split lines with str.splitlines() (or JavaScript) would break the record."""
    text = json.dumps(row, ensure_ascii=False)
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")
    return text + "\n"
