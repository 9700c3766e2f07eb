"""Event coder on the PLOVER gold standard records: recall, type accuracy, source/target accuracy.

The gold is ``../shared/external/plover-gsr-gold/`` (relative to the repository root): 167
one-sentence records from the CAMEO manual's examples, coded by the PLOVER project and converted to
the project's gold layout (``../shared/eval/GUIDE.md``; old categories mapped to PLOVER 2.0, joint
actors written as two events, one in each direction). Nothing is copied into the repository: each
record's text is written to a temporary directory as ``<id>.txt``, ingested with the library
(``dyadwatch.ingest_sources``), and the analysis records are written to a temporary
``records.jsonl``, which ``../shared/eval/score.py`` then scores.

What it reports:

* **score.py recall**: ``events_r`` (same sentence, source, target, type, not negated),
  ``events_undirected_r`` (unordered pair), ``events_dyad_r`` (pair only) and ``events_type_r``
  (type only). Each gold record annotates *one* event per sentence, so the gold is not
  exhaustive and a correct extra event counts as a false positive: precision is not meaningful
  here and is not reported.
* **event type accuracy**: among gold events whose sentence has at least one predicted event
  with the same unordered actor pair, the share where one of those predicted events has the gold
  type (is the type right once the dyad is found?).
* **source/target accuracy**: among gold events for which some predicted event in the same
  document has the gold type, the share where one of those has the gold source and target
  exactly (direction right), and the share with the right unordered pair.
* a per-type table (gold count and recall by type), the most common (gold type -> predicted
  type) confusions among same-dyad predictions, and a breakdown of every gold event into one
  failure class (coded right, reversed, negated, wrong type, wrong dyad, nothing coded, and
  whether the gold actors were resolved in the text at all).

The per-type, accuracy and failure figures are computed here per gold event ("some predicted
event in the sentence matches"), not with score.py's one-to-one matching, so they can differ
slightly from score.py's recall. A predicted event is "in the sentence" when its span overlaps
the gold sentence by at least half of the shorter span, as in score.py.

Two pairs of gold records share an identical text; the store keeps one document for each such
text, and its analysis record is written once per gold id so that both gold records are scored.

    .venv/bin/python bench/plover_gold.py              # full run: a few seconds on 2 cores
    .venv/bin/python bench/plover_gold.py --limit 30   # quick run on 30 records, all categories
    .venv/bin/python bench/plover_gold.py --json       # one JSON object
    .venv/bin/python bench/plover_gold.py --examples 3 # also print up to 3 sentences per failure class
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD_DIR = SHARED / "external" / "plover-gsr-gold"
SCORER = SHARED / "eval" / "score.py"
SCORER_RECALLS = ("events_r", "events_undirected_r", "events_dyad_r", "events_type_r")

# failure classes, in the order a gold event is tested against them
CLASSES = {
    "correct": "coded right (source, target, type; not negated)",
    "negated": "right source/target/type, but coded as negated",
    "reversed": "right pair and type, wrong direction",
    "wrong_type": "right pair, wrong type",
    "wrong_pair_resolved": "events in the sentence, none on the gold pair; both gold actors resolved",
    "wrong_pair_unresolved": "events in the sentence, none on the gold pair; a gold actor not resolved",
    "none_resolved": "no event in the sentence; both gold actors resolved",
    "none_unresolved": "no event in the sentence; a gold actor not resolved",
}


# -- gold and predictions

def load_gold(folder: Path) -> list[dict[str, Any]]:
    docs = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(folder.glob("*.json"))
            if not f.name.endswith(".pairs.json")]
    if not docs:
        raise SystemExit(f"no gold records in {folder}")
    return docs


def category(doc: dict[str, Any]) -> str:
    """The record's original category, from its id (``gsr-agree-0001`` -> ``agree``)."""
    parts = doc["id"].split("-")
    return parts[1] if len(parts) > 2 else ""


def select(docs: list[dict[str, Any]], limit: int | None) -> list[dict[str, Any]]:
    """All records, or ``limit`` of them taken round-robin over the original categories."""
    if not limit or limit >= len(docs):
        return docs
    queues: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in docs:
        queues[category(d)].append(d)
    out: list[dict[str, Any]] = []
    while len(out) < limit:
        for q in queues.values():
            if q and len(out) < limit:
                out.append(q.pop(0))
    return sorted(out, key=lambda d: d["id"])


def predict(docs: list[dict[str, Any]], tmp: Path) -> tuple[dict[str, dict[str, Any]], Path, dict[str, Any]]:
    """Ingest the gold texts with the library; returns records by gold id, records.jsonl, ingest info."""
    from dyadwatch import Store, analysis_records, ingest_sources

    texts = tmp / "texts"
    texts.mkdir()
    for d in docs:
        (texts / f"{d['id']}.txt").write_text(d["text"], encoding="utf-8")
    store = Store(tmp / "gold.db")
    try:
        summary = ingest_sources(store, [str(texts)])
        records = list(analysis_records(store))
    finally:
        store.close()
    wanted = {d["id"] for d in docs}
    by_id: dict[str, dict[str, Any]] = {}
    shared_text = 0
    for rec in records:
        sources = [rec["source"], *rec.get("also_ingested_from", [])]
        shared_text += len(sources) - 1
        for source in sources:
            stem = Path(source).stem
            if stem in wanted:
                by_id[stem] = dict(rec, source=source)
    out = tmp / "records.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for gid in sorted(by_id):
            fh.write(json.dumps(by_id[gid], ensure_ascii=False) + "\n")
    info = {"added": summary.added, "present": summary.present, "failed": summary.failed,
            "skipped_language": summary.skipped_language, "messages": list(summary.messages),
            "stored_documents": len(records), "gold_records_sharing_a_text": shared_text,
            "records_written": len(by_id)}
    return by_id, out, info


def code_state() -> dict[str, Any]:
    """The commit measured, and whether the coder's sources differ from it (uncommitted edits)."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True,
                                  check=False).stdout
        except OSError:
            return ""
    changed = git("status", "--porcelain", "--", "src").splitlines()
    return {"commit": git("rev-parse", "--short", "HEAD").strip() or None,
            "uncommitted_src_files": sorted(line[3:] for line in changed if line.strip())}


def run_scorer(gold_dir: Path, records: Path) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold_dir), "--pred", str(records), "--json"],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"score.py failed ({proc.returncode}):\n{proc.stderr}")
    return json.loads(proc.stdout)


# -- measures computed here

def overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """True when the two spans share at least half of the shorter one (score.py's rule)."""
    if not a or not b:
        return False
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter >= 0.5 * max(1, min(a[1] - a[0], b[1] - b[0]))


def pred_span(text: str, ev: dict[str, Any]) -> tuple[int, int] | None:
    if isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
        return ev["start"], ev["end"]
    i = text.find(ev.get("sentence") or "\0")
    return (i, i + len(ev["sentence"])) if i >= 0 else None


def pair(ev: dict[str, Any]) -> frozenset:
    return frozenset((ev.get("source"), ev.get("target")))


def ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def judge(docs: list[dict[str, Any]], preds: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per gold event: what the coder predicted around it."""
    rows = []
    for d in docs:
        text = d["text"]
        rec = preds.get(d["id"], {})
        pev = [dict(e, _span=pred_span(text, e)) for e in rec.get("events", [])]
        resolved = {a["code"] for a in rec.get("actors", [])}
        for g in d.get("events", []):
            i = text.find(g["sentence"])
            span = (i, i + len(g["sentence"])) if i >= 0 else None
            in_sent = [p for p in pev if overlaps(span, p["_span"])]
            same_pair = [p for p in in_sent if pair(p) == pair(g)]
            exact = [p for p in same_pair if (p.get("source"), p.get("target")) == (g["source"], g["target"])]
            typed_doc = [p for p in pev if p.get("type") == g["type"]]
            unresolved = [c for c in (g["source"], g["target"]) if c not in resolved]
            if any(p.get("type") == g["type"] and not p.get("negated") for p in exact):
                cls = "correct"
            elif any(p.get("type") == g["type"] for p in exact):
                cls = "negated"
            elif any(p.get("type") == g["type"] for p in same_pair):
                cls = "reversed"
            elif same_pair:
                cls = "wrong_type"
            elif in_sent:
                cls = "wrong_pair_unresolved" if unresolved else "wrong_pair_resolved"
            else:
                cls = "none_unresolved" if unresolved else "none_resolved"
            rows.append({
                "id": d["id"], "gold": g, "sentence": g["sentence"], "class": cls, "unresolved": unresolved,
                "in_sentence": [(p.get("source"), p.get("target"), p.get("type"), p.get("trigger"),
                                 bool(p.get("negated")), p.get("modality")) for p in in_sent],
                "strict": cls == "correct",
                "undirected": any(p.get("type") == g["type"] and not p.get("negated") for p in same_pair),
                "dyad": bool(same_pair),
                "type": any(p.get("type") == g["type"] for p in in_sent),
                "pair_found": bool(same_pair),
                "pair_type_right": any(p.get("type") == g["type"] for p in same_pair),
                "pair_types": sorted({str(p.get("type")) + (" (negated)" if p.get("negated") else "")
                                      for p in same_pair}),
                "type_in_doc": bool(typed_doc),
                "typed_exact": any((p.get("source"), p.get("target")) == (g["source"], g["target"])
                                   for p in typed_doc),
                "typed_pair": any(pair(p) == pair(g) for p in typed_doc),
            })
    return rows


def summarise(rows: list[dict[str, Any]], top: int) -> dict[str, Any]:
    n = len(rows)
    with_pair = [r for r in rows if r["pair_found"]]
    with_type = [r for r in rows if r["type_in_doc"]]
    per_type: dict[str, dict[str, Any]] = {}
    for t in sorted({r["gold"]["type"] for r in rows}):
        rs = [r for r in rows if r["gold"]["type"] == t]
        tp = [r for r in rs if r["pair_found"]]
        per_type[t] = {
            "gold": len(rs),
            "recall": ratio(sum(r["strict"] for r in rs), len(rs)),
            "recall_undirected": ratio(sum(r["undirected"] for r in rs), len(rs)),
            "dyad_found": ratio(sum(r["dyad"] for r in rs), len(rs)),
            "type_found": ratio(sum(r["type"] for r in rs), len(rs)),
            "type_acc": ratio(sum(r["pair_type_right"] for r in tp), len(tp)),
        }
    confusion: Counter = Counter()
    for r in with_pair:
        if not r["pair_type_right"]:
            for t in r["pair_types"]:
                confusion[(r["gold"]["type"], t)] += 1
    classes = Counter(r["class"] for r in rows)
    unresolved = Counter(c for r in rows if r["class"].endswith("unresolved") for c in r["unresolved"])
    return {
        "gold_events": n,
        "gold_records": len({r["id"] for r in rows}),
        "recall": ratio(sum(r["strict"] for r in rows), n),
        "recall_undirected": ratio(sum(r["undirected"] for r in rows), n),
        "type_accuracy": ratio(sum(r["pair_type_right"] for r in with_pair), len(with_pair)),
        "type_accuracy_support": len(with_pair),
        "source_target_accuracy": ratio(sum(r["typed_exact"] for r in with_type), len(with_type)),
        "pair_accuracy_given_type": ratio(sum(r["typed_pair"] for r in with_type), len(with_type)),
        "source_target_support": len(with_type),
        "per_type": per_type,
        "confusions": [{"gold": g, "predicted": p, "count": c} for (g, p), c in confusion.most_common(top)],
        "failure_classes": {k: classes.get(k, 0) for k in CLASSES},
        "unresolved_actors": dict(unresolved.most_common(top)),
    }


# -- report

def pct(v: float | None) -> str:
    return "   n/a" if v is None else f"{100 * v:5.1f}%"


def render(res: dict[str, Any], rows: list[dict[str, Any]], examples: int) -> str:
    m, sc, ing = res["measures"], res["score_py"], res["ingest"]
    out = [
        f"PLOVER gold standard records: {m['gold_records']} records, {m['gold_events']} gold events"
        f" ({res['gold_dir']})",
        f"ingest: {ing['added']} added, {ing['present']} already present, {ing['failed']} failed,"
        f" {ing['skipped_language']} skipped (language); {ing['stored_documents']} stored documents,"
        f" {ing['records_written']} records written ({ing['gold_records_sharing_a_text']} gold record(s) share"
        " a text with another)",
        f"code: {res['code']['commit']}"
        + (f" + uncommitted changes in {', '.join(res['code']['uncommitted_src_files'])}"
           if res["code"]["uncommitted_src_files"] else " (clean)"),
        f"time: {res['seconds']['ingest']:.1f}s ingest + analysis, {res['seconds']['score']:.1f}s scoring,"
        f" {res['seconds']['total']:.1f}s total",
        "",
        "score.py recall (precision is not meaningful: each gold record annotates one event per",
        "sentence, so correct extra events count as false positives)",
    ]
    labels = {"events_r": "strict (source, target, type)", "events_undirected_r": "undirected (pair, type)",
              "events_dyad_r": "dyad only (pair)", "events_type_r": "type only"}
    for k in SCORER_RECALLS:
        out.append(f"  {k:22s} {pct(sc.get(k))}   {labels[k]}")
    out += [
        "",
        "accuracy (computed here, per gold event)",
        f"  event type accuracy       {pct(m['type_accuracy'])}   of {m['type_accuracy_support']} gold events whose"
        " sentence has a predicted event on the same unordered pair",
        f"  source/target accuracy    {pct(m['source_target_accuracy'])}   of {m['source_target_support']} gold events"
        " whose document has a predicted event of the gold type: exact source and target",
        f"  pair accuracy given type  {pct(m['pair_accuracy_given_type'])}   same events: right unordered pair",
        "",
        "per type (recall per gold event: strict, undirected, dyad only, type only; type acc = type right",
        "when a predicted event on the same pair is in the sentence)",
        f"  {'type':10s} {'gold':>5s} {'strict':>7s} {'undir':>7s} {'dyad':>7s} {'t-only':>7s} {'type acc':>9s}",
    ]
    for t, v in sorted(m["per_type"].items(), key=lambda kv: (-kv[1]["gold"], kv[0])):
        out.append(f"  {t:10s} {v['gold']:5d} {pct(v['recall']):>7s} {pct(v['recall_undirected']):>7s}"
                   f" {pct(v['dyad_found']):>7s} {pct(v['type_found']):>7s} {pct(v['type_acc']):>9s}")
    out += ["", "most common confusions on the right pair (gold type -> predicted type; \"negated\": coded as"
            " the act not done)"]
    out += [f"  {c['count']:3d}  {c['gold']} -> {c['predicted']}" for c in m["confusions"]] or ["  none"]
    out += ["", "failure classes (every gold event in exactly one)"]
    for k, label in CLASSES.items():
        n = m["failure_classes"][k]
        out.append(f"  {n:4d} {pct(n / m['gold_events'] if m['gold_events'] else None)}  {label}")
    if m["unresolved_actors"]:
        out.append("  gold actors not resolved, most often: "
                   + ", ".join(f"{c} ({n})" for c, n in m["unresolved_actors"].items()))
    if examples:
        for k, label in CLASSES.items():
            if k == "correct":
                continue
            picked = [r for r in rows if r["class"] == k][:examples]
            if not picked:
                continue
            out += ["", f"examples: {label}"]
            for r in picked:
                g = r["gold"]
                out.append(f"  {r['id']}: gold {g['source']}->{g['target']} {g['type']}"
                           + (f"; unresolved {', '.join(r['unresolved'])}" if r["unresolved"] else ""))
                out.append(f"    {r['sentence']}")
                for s, t, typ, trig, neg, mod in r["in_sentence"]:
                    out.append(f"    predicted {s}->{t} {typ} ({trig!r}{', negated' if neg else ''}, {mod})")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD_DIR, help="gold folder (default: %(default)s)")
    ap.add_argument("--limit", type=int, help="only this many records (round-robin over categories)")
    ap.add_argument("--top", type=int, default=15, help="confusions and unresolved actors to list")
    ap.add_argument("--examples", type=int, default=0, help="sentences to print per failure class")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead")
    a = ap.parse_args(argv)
    start = time.perf_counter()
    all_docs = load_gold(a.gold)
    docs = select(all_docs, a.limit)
    with tempfile.TemporaryDirectory(prefix="plover-gold-") as tmp_name:
        tmp = Path(tmp_name)
        preds, records, info = predict(docs, tmp)
        t_ingest = time.perf_counter() - start
        gold_dir = a.gold
        if len(docs) < len(all_docs):
            # score.py scores every gold file in its folder: give it only the selected ones
            gold_dir = tmp / "gold"
            gold_dir.mkdir()
            for d in docs:
                (gold_dir / f"{d['id']}.json").write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
        t0 = time.perf_counter()
        scored = run_scorer(gold_dir, records)
        t_score = time.perf_counter() - t0
    rows = judge(docs, preds)
    res = {
        "gold_dir": str(a.gold),
        "limit": a.limit,
        "code": code_state(),
        "ingest": info,
        "score_py": {"docs_matched": scored.get("docs_matched"), **{k: round(scored[k], 3) for k in SCORER_RECALLS}},
        "precision_note": "each gold record annotates one event per sentence; precision is not meaningful",
        "measures": summarise(rows, a.top),
        "seconds": {"ingest": round(t_ingest, 1), "score": round(t_score, 1),
                    "total": round(time.perf_counter() - start, 1)},
    }
    if a.json:
        if a.examples:
            res["examples"] = {k: [{"id": r["id"], "gold": [r["gold"][f] for f in ("source", "target", "type")],
                                    "sentence": r["sentence"], "predicted": r["in_sentence"]}
                                   for r in rows if r["class"] == k][:a.examples]
                               for k in CLASSES if k != "correct"}
        print(json.dumps(res, indent=2))
    else:
        print(render(res, rows, a.examples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
