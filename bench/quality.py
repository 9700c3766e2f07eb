"""Analysis quality on every visible gold set, in one table.

What it measures, per gold set and (for the wide set) per cluster of three articles about one
pair of states, with ``../shared/eval/score.py`` imported as a module and its ``score()`` called:

* events: strict precision / recall / F1 (same sentence, source, target, type, negation), and
  F1 undirected (unordered pair), dyad only (pair) and type only; event-date accuracy, over strict
  matches (score.py) and over gold events matched by sentence and pair only (``dates_by_pair``);
* quotes and figures: precision / recall / F1;
* published-date, outlet and title accuracy; stance accuracy;
* cross-document pairs: recall of the gold contradicting and agreeing claim pairs, and how many
  relations of each kind were predicted;
* error classes, computed here: every gold event falls into the first of *coded right*, *wrong
  direction*, *negation/modality wrong*, *wrong type*, *actor unresolved*, *trigger missed*
  (see ``ERROR_CLASSES``), comparing it with the predicted events whose span overlaps its
  sentence (score.py's ``overlaps`` rule); predicted events that overlap no gold event sentence
  on the same unordered pair are counted as *spurious*;
* the PLOVER gold standard records, through ``bench/plover_gold.py``'s own functions (recall,
  type accuracy, source/target accuracy, its failure classes).

Where the gold comes from: everything is read from ``../shared`` (relative to the repository
root) at run time, and nothing from there is copied into the repository:

* dev: ``../shared/eval/dev/d01.json`` … ``d03.json`` and ``chn-rus.pairs.json``; the inputs are
  the seed articles ``../shared/seeds/*.txt``, each written to a temporary folder under its gold
  name (``d01.txt`` …, found by matching the seed text to the gold ``text`` exactly), so that
  score.py matches records by source stem and relations to gold claims;
* wide: ``../shared/eval/wide/w01.json`` … ``w30.json`` (10 clusters, the ``cluster`` field) and
  ``<cluster>.pairs.json``; the input is ``../shared/eval/wide/articles.jsonl`` (one
  ``{"url", "text"}`` a line), records are matched by ``url``;
* plover: ``../shared/external/plover-gsr-gold/`` (see ``bench/plover_gold.py``).

Each set is ingested into a fresh SQLite store in a temporary directory with the library
(``dyadwatch.ingest_sources``: analysis, storage and the cross-document comparison), exported
with ``dyadwatch.export.analysis_records`` / ``relation_records`` to temporary JSONL files and
scored. The spaCy pipeline is loaded once.

The exported relation sides name their document by ``source``; for a JSONL input that is
``…/articles.jsonl#L<n>``, which score.py cannot match to a gold document (it looks at
``source`` before ``url``). The pair recall is therefore given twice: as exported ("R"), which is
what ``score.py --relations`` on the export reports, and with each side re-keyed to its
document's url ("R url"), which measures the comparison itself.

The gold sets are for measuring only: never train on them, tune thresholds to them or write
rules for their sentences. The wide set is a yardstick for generalisation; ``--clusters`` keeps
some clusters out of a run so that a change can be checked on clusters it was not looked at with.

    .venv/bin/python bench/quality.py                  # all sets: about a minute on 2 cores
    .venv/bin/python bench/quality.py --set wide       # one set
    .venv/bin/python bench/quality.py --json out.json  # also write all figures as JSON
    .venv/bin/python bench/quality.py --clusters jpn-chn,kor-jpn   # only these wide clusters
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
SCORER = EVAL / "score.py"
DEV_DIR = EVAL / "dev"
WIDE_DIR = EVAL / "wide"
WIDE_INPUT = WIDE_DIR / "articles.jsonl"
SEEDS = SHARED / "seeds"
PLOVER_BENCH = Path(__file__).resolve().parent / "plover_gold.py"

SETS = ("dev", "wide", "plover")

# every gold event is put in the first class that applies
ERROR_CLASSES = {
    "coded_right": "an overlapping predicted event has the gold source, target, type and negation",
    "wrong_direction": "same unordered pair, type and negation, source and target reversed",
    "negation_modality": "same pair and type, negation (or modality) differs",
    "wrong_type": "same unordered pair, another type",
    "actor_unresolved": "no predicted event on the pair; a gold actor has no resolved mention in the sentence",
    "trigger_missed": "both gold actors resolved in the sentence, no predicted event on the pair",
    "sentence_not_found": "the gold sentence is not in the text (a gold error)",
}
ERROR_HEADS = {"coded_right": "right", "wrong_direction": "direct", "negation_modality": "neg/mod",
               "wrong_type": "type", "actor_unresolved": "actor", "trigger_missed": "trigger",
               "sentence_not_found": "no-sent"}


# -- modules read from their paths

def load_module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def scorer() -> ModuleType:
    if not SCORER.is_file():
        raise SystemExit(f"{SCORER} not found: the shared kit must sit beside the checkout")
    return sys.modules.get("dyadwatch_eval_score") or load_module("dyadwatch_eval_score", SCORER)


def plover_bench() -> ModuleType:
    return sys.modules.get("dyadwatch_bench_plover_gold") or load_module("dyadwatch_bench_plover_gold", PLOVER_BENCH)


# -- ingest and export

def ingest_export(inputs: list[str], tmp: Path, nlp: Any) -> dict[str, Any]:
    """Ingest ``inputs`` into a fresh store; export records and relations to JSONL files."""
    from dyadwatch import Store, ingest_sources
    from dyadwatch.export import analysis_records, relation_records

    t0 = time.perf_counter()
    records_path, relations_path = tmp / "records.jsonl", tmp / "relations.jsonl"
    with Store(tmp / "quality.db") as store:
        summary = ingest_sources(store, inputs, nlp=nlp)
        records = list(analysis_records(store))
        relations = list(relation_records(store))
        mentions = {r["id"]: [(m.start, m.end, m.code) for m in store.analysis(r["id"]).mentions] for r in records}
    for path, rows in ((records_path, records), (relations_path, relations)):
        with path.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {"records": records_path, "relations": relations_path, "mentions": mentions,
            "info": {"added": summary.added, "present": summary.present, "failed": summary.failed,
                     "skipped_language": summary.skipped_language, "messages": list(summary.messages),
                     "stored_documents": len(records), "relations": len(relations),
                     "seconds": round(time.perf_counter() - t0, 1)}}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


# -- error classes

def _pair(ev: dict[str, Any]) -> frozenset:
    return frozenset((ev.get("source"), ev.get("target")))


def _pred_tuple(p: dict[str, Any]) -> list[Any]:
    return [p.get("source"), p.get("target"), p.get("type"), bool(p.get("negated")), p.get("modality"),
            p.get("trigger")]


def error_classes(gold: dict[str, Any], pred: dict[str, Any], mentions: dict[str, list[tuple[int, int, str]]],
                  sc: ModuleType) -> dict[str, Any]:
    """Every gold event in one class; predicted events on no gold event's sentence and pair."""
    counts: Counter = Counter()
    details: list[dict[str, Any]] = []
    spurious: list[dict[str, Any]] = []
    modality_differs = 0
    for key, g in gold.items():
        text = g["text"]
        rec = pred.get(key, {})
        pev = [dict(e, _span=sc.pred_span(text, e)) for e in rec.get("events", [])]
        doc_mentions = mentions.get(rec.get("id", ""), [])
        gspans = []
        for ge in g.get("events", []):
            span = sc.span_of(text, ge["sentence"])
            gspans.append((span, _pair(ge)))
            gtuple = (ge["source"], ge["target"], ge["type"], bool(ge.get("negated")))
            in_sent = [p for p in pev if sc.overlaps(span, p["_span"])]
            same_pair = [p for p in in_sent if _pair(p) == _pair(ge)]
            typed = [p for p in same_pair if p.get("type") == ge["type"]]
            unresolved: list[str] = []
            if span is not None:
                inside = {code for s, e, code in doc_mentions if s >= span[0] and e <= span[1]}
                unresolved = [c for c in dict.fromkeys((ge["source"], ge["target"])) if c not in inside]
            right = [p for p in typed if (p.get("source"), p.get("target"), p.get("type"),
                                          bool(p.get("negated"))) == gtuple]
            if span is None:
                cls = "sentence_not_found"
            elif right:
                cls = "coded_right"
                modality_differs += not any(p.get("modality") == ge.get("modality") for p in right)
            elif any(bool(p.get("negated")) == gtuple[3] and (p.get("source"), p.get("target")) ==
                     (ge["target"], ge["source"]) for p in typed):
                cls = "wrong_direction"
            elif any(bool(p.get("negated")) != gtuple[3] or p.get("modality") != ge.get("modality")
                     for p in typed):
                cls = "negation_modality"
            elif same_pair:
                cls = "wrong_type"
            elif unresolved:
                cls = "actor_unresolved"
            else:
                cls = "trigger_missed"
            counts[cls] += 1
            details.append({"doc": key, "start": span[0] if span else None, "end": span[1] if span else None,
                            "gold": [*gtuple, ge.get("modality")], "class": cls, "unresolved": unresolved,
                            "predicted_in_sentence": [_pred_tuple(p) for p in in_sent]})
        for p in pev:
            if not any(gpair == _pair(p) and sc.overlaps(span, p["_span"]) for span, gpair in gspans):
                spurious.append({"doc": key, "start": p["_span"][0] if p["_span"] else None,
                                 "end": p["_span"][1] if p["_span"] else None, "predicted": _pred_tuple(p)})
    return {"counts": {k: counts.get(k, 0) for k in ERROR_CLASSES},
            "gold_events": sum(counts.values()),
            "spurious": len(spurious),
            "coded_right_modality_differs": modality_differs,
            "details": details, "spurious_details": spurious}


def dates_by_pair(gold: dict[str, Any], pred: dict[str, Any], sc: ModuleType) -> dict[str, Any]:
    """Event-date accuracy over gold events matched by sentence and unordered pair only.

    score.py's event-date accuracy counts only strict matches (type, direction and negation
    right too), so it moves whenever the event coding gains or loses a match. Here every gold
    event with a date is paired, one to one, with a predicted event on its sentence (score.py's
    ``overlaps``) and its pair, one of the same type and then the same direction preferred; the
    share of those whose date is the gold's measures the dating alone."""
    dated = right = 0
    for key, g in gold.items():
        text = g["text"]
        pev = [dict(e, _span=sc.pred_span(text, e)) for e in pred.get(key, {}).get("events", [])]
        used: set[int] = set()
        for ge in g.get("events", []):
            span = sc.span_of(text, ge["sentence"])
            found = [j for j, p in enumerate(pev) if j not in used and _pair(p) == _pair(ge)
                     and sc.overlaps(span, p["_span"])]
            if not found:
                continue
            j = min(found, key=lambda j: (pev[j].get("type") != ge["type"], pev[j].get("source") != ge["source"]))
            used.add(j)
            if ge.get("date"):
                dated += 1
                right += pev[j].get("date") == ge["date"]
    return {"dated": dated, "right": right, "acc": right / dated if dated else None}


# -- scoring one group of gold documents

def rekey_by_url(relations: list[dict[str, Any]], urls: dict[str, str | None]) -> list[dict[str, Any]]:
    """Relations whose sides name their document by url (when it has one) instead of source."""
    out = []
    for r in relations:
        sides = {}
        for k in ("a", "b"):
            side = dict(r.get(k) or {})
            url = urls.get(side.get("document_id", ""))
            if url:
                side["source"] = url
            sides[k] = side
        out.append({**r, **sides})
    return out


def pair_precision(gold: dict[str, Any], pairs: list[dict[str, Any]], relations: list[dict[str, Any]],
                   sc: ModuleType) -> dict[str, float | None]:
    """Of the relations predicted of each kind, the share that match a gold pair of that kind
    (both sides overlapping the two gold claim sentences, either order), as score.py matches a
    gold pair for recall. The gold pairs are not exhaustive (annotators pair a few central
    claims), so this is a floor: a relation matching no gold pair may still be right."""
    claims = {c["id"]: (k, sc.span_of(g["text"], c["sentence"])) for k, g in gold.items()
              for c in g.get("claims", [])}
    by_url = {d["url"]: k for k, d in gold.items() if d.get("url")}

    def side(s: dict[str, Any]) -> tuple[str | None, tuple[int, int] | None]:
        where = str(s.get("doc") or s.get("source") or s.get("url") or "")
        key = Path(where).stem if Path(where).stem in gold else by_url.get(where)
        return (key, sc.pred_span(gold[key]["text"], s)) if key else (None, None)

    out: dict[str, float | None] = {}
    for wanted in ("contradict", "agree"):
        gp = [(claims[p["a"]], claims[p["b"]]) for p in pairs
              if p.get("relation") == wanted and p.get("a") in claims and p.get("b") in claims]
        rels = [(side(r.get("a") or {}), side(r.get("b") or {})) for r in relations if r.get("relation") == wanted]
        right = sum(1 for (ra, rsa), (rb, rsb) in rels if any(
            (ra == ka and rb == kb and sc.overlaps(rsa, sa) and sc.overlaps(rsb, sb))
            or (ra == kb and rb == ka and sc.overlaps(rsa, sb) and sc.overlaps(rsb, sa))
            for (ka, sa), (kb, sb) in gp))
        out[wanted] = right / len(rels) if rels else None
    return out


def measure(gold: dict[str, Any], pred: dict[str, Any], pairs: list[dict[str, Any]],
            relations: list[dict[str, Any]], mentions: dict[str, Any], sc: ModuleType) -> dict[str, Any]:
    """score.py's figures and the error classes for one group of gold documents."""
    urls = {rec["id"]: rec.get("url") for rec in pred.values()}
    scored = sc.score(gold, pred, pairs, relations)
    rekeyed = rekey_by_url(relations, urls)
    by_url = sc.score(gold, pred, pairs, rekeyed)
    claims = {c["id"] for g in gold.values() for c in g.get("claims", [])}
    gold_pairs = Counter(p.get("relation") for p in pairs if p.get("a") in claims and p.get("b") in claims)
    return {
        "docs": len(gold),
        "gold_events": sum(len(g.get("events", [])) for g in gold.values()),
        "pred_events": sum(len(p.get("events", [])) for p in pred.values()),
        "gold_pairs": {k: gold_pairs.get(k, 0) for k in ("contradict", "agree")},
        "score": scored,
        "pairs_by_url": {k: v for k, v in by_url.items() if k.startswith("pairs_")},
        # precision of the relations re-keyed to the document url, as "R url" is measured
        "pairs_precision_by_url": pair_precision(gold, pairs, rekeyed, sc),
        "errors": error_classes(gold, pred, mentions, sc),
        "event_dates_by_pair": dates_by_pair(gold, pred, sc),
    }


def measure_set(gold_dir: Path, run: dict[str, Any], sc: ModuleType, *, keep: set[str] | None = None,
                by_cluster: bool = False) -> dict[str, Any]:
    """Score a set (optionally only the gold documents in ``keep``), and each cluster of it."""
    gold, pairs = sc.load_gold(gold_dir)
    if keep is not None:
        gold = {k: g for k, g in gold.items() if k in keep}
    pred = sc.load_pred(run["records"], gold)
    relations = read_jsonl(run["relations"])
    doc_of = {rec["id"]: key for key, rec in pred.items()}
    claim_doc = {c["id"]: key for key, g in gold.items() for c in g.get("claims", [])}

    def rel_docs(r: dict[str, Any]) -> set[str | None]:
        return {doc_of.get((r.get(k) or {}).get("document_id", "")) for k in ("a", "b")}

    out: dict[str, Any] = {"all": measure(gold, pred, pairs, relations, run["mentions"], sc), "clusters": {}}
    cluster_of = {k: g.get("cluster") or "" for k, g in gold.items()}
    out["all"]["relations_across_clusters"] = sum(
        1 for r in relations if len({cluster_of.get(d) for d in rel_docs(r) if d}) > 1)
    out["all"]["relations_unmatched_documents"] = sum(1 for r in relations if None in rel_docs(r))
    if by_cluster:
        for cluster in sorted(set(cluster_of.values())):
            keys = {k for k, c in cluster_of.items() if c == cluster}
            c_pairs = [p for p in pairs if claim_doc.get(p.get("a")) in keys and claim_doc.get(p.get("b")) in keys]
            # a relation belongs to every cluster one of its sides is in
            c_rels = [r for r in relations if rel_docs(r) & keys]
            out["clusters"][cluster] = measure({k: gold[k] for k in sorted(keys)},
                                               {k: pred[k] for k in sorted(keys) if k in pred},
                                               c_pairs, c_rels, run["mentions"], sc)
    return out


# -- the sets

def run_dev(nlp: Any, sc: ModuleType, tmp: Path) -> dict[str, Any]:
    seeds = {p.read_text(encoding="utf-8"): p for p in sorted(SEEDS.glob("*.txt"))}
    corpus = tmp / "corpus"
    corpus.mkdir()
    for gold_file in sorted(DEV_DIR.glob("d*.json")):
        g = json.loads(gold_file.read_text(encoding="utf-8"))
        if g["text"] not in seeds:
            raise SystemExit(f"{gold_file}: no seed in {SEEDS} has its text")
        (corpus / f"{g['id']}.txt").write_text(seeds[g["text"]].read_text(encoding="utf-8"), encoding="utf-8")
    run = ingest_export([str(corpus)], tmp, nlp)
    return {"ingest": run["info"], **measure_set(DEV_DIR, run, sc)}


def wide_clusters() -> dict[str, str]:
    """Gold id -> cluster, for the wide set."""
    out = {}
    for f in sorted(WIDE_DIR.glob("w*.json")):
        if not f.name.endswith(".pairs.json"):
            g = json.loads(f.read_text(encoding="utf-8"))
            out[g["id"]] = g.get("cluster") or ""
    return out


def run_wide(nlp: Any, sc: ModuleType, tmp: Path, clusters: list[str] | None = None) -> dict[str, Any]:
    keep = None
    source = WIDE_INPUT
    if clusters:
        of = wide_clusters()
        unknown = sorted(set(clusters) - set(of.values()))
        if unknown:
            raise SystemExit(f"unknown wide cluster(s): {', '.join(unknown)}; "
                             f"expected some of {', '.join(sorted(set(of.values())))}")
        keep = {k for k, c in of.items() if c in clusters}
        gold, _ = sc.load_gold(WIDE_DIR)
        urls = {gold[k]["url"] for k in keep}
        # only the selected clusters' articles are ingested: the others are held out entirely
        source = tmp / "articles.jsonl"
        lines = WIDE_INPUT.read_text(encoding="utf-8").split("\n")
        source.write_text("\n".join(x for x in lines if x.strip() and json.loads(x).get("url") in urls) + "\n",
                          encoding="utf-8")
    run = ingest_export([str(source)], tmp, nlp)
    return {"ingest": run["info"], "clusters_selected": sorted(clusters) if clusters else None,
            **measure_set(WIDE_DIR, run, sc, keep=keep, by_cluster=True)}


def run_plover(nlp: Any, sc: ModuleType, tmp: Path) -> dict[str, Any]:
    """The PLOVER gold records, with bench/plover_gold.py's functions."""
    pg = plover_bench()
    docs = pg.load_gold(pg.GOLD_DIR)
    # plover_gold.predict lets ingest_sources load the pipeline: nlp was loaded with the settings'
    # model name, so that is the cached one
    preds, records, info = pg.predict(docs, tmp)
    gold, pairs = sc.load_gold(pg.GOLD_DIR)
    scored = sc.score(gold, sc.load_pred(records, gold), pairs, [])
    measures = pg.summarise(pg.judge(docs, preds), 10)
    return {"ingest": info, "score": {"docs_matched": scored["docs_matched"],
                                      **{k: scored[k] for k in pg.SCORER_RECALLS}},
            "measures": measures, "failure_class_labels": pg.CLASSES}


def run(sets: list[str], *, clusters: list[str] | None = None, nlp: Any = None) -> dict[str, Any]:
    """Measure the given sets; returns every figure (what --json writes)."""
    import dyadwatch

    sc = scorer()
    start = time.perf_counter()
    t0 = time.perf_counter()
    if nlp is None:
        nlp = dyadwatch.load_pipeline(dyadwatch.load_settings().model)
    res: dict[str, Any] = {"code": plover_bench().code_state(), "gold": str(EVAL),
                           "seconds": {"pipeline": round(time.perf_counter() - t0, 1)}, "sets": {}}
    runners = {"dev": lambda tmp: run_dev(nlp, sc, tmp),
               "wide": lambda tmp: run_wide(nlp, sc, tmp, clusters),
               "plover": lambda tmp: run_plover(nlp, sc, tmp)}
    for name in sets:
        t0 = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix=f"quality-{name}-") as tmp:
            res["sets"][name] = runners[name](Path(tmp))
        res["seconds"][name] = round(time.perf_counter() - t0, 1)
    res["seconds"]["total"] = round(time.perf_counter() - start, 1)
    return res


# -- report

def num(v: Any, width: int = 5) -> str:
    if v is None:
        return "n/a".rjust(width)
    return f"{v:.2f}".rjust(width) if isinstance(v, float) else str(v).rjust(width)


def table(title: str, heads: list[tuple[str, int]], rows: list[tuple[str, list[Any]]]) -> list[str]:
    label = max([len(title), *(len(r[0]) for r in rows)]) + 1
    out = [title.ljust(label) + " ".join(h.rjust(w) for h, w in heads)]
    out.append("-" * len(out[0]))
    for name, values in rows:
        out.append(name.ljust(label) + " ".join(num(v, w) for v, (_, w) in zip(values, heads)))
    return out


def rows_of(res: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    rows = []
    for name in ("dev", "wide"):
        if name in res["sets"]:
            rows.append((name, res["sets"][name]["all"]))
            rows += [(f"  {c}", m) for c, m in res["sets"][name]["clusters"].items()]
    return rows


def render(res: dict[str, Any]) -> str:
    code = res["code"]
    out = [f"analysis quality on the gold sets in {res['gold']}", f"code: {code['commit']}"
           + (f" + uncommitted changes in {', '.join(code['uncommitted_src_files'])}"
              if code["uncommitted_src_files"] else " (clean)")]
    rows = rows_of(res)
    if rows:
        wide = res["sets"].get("wide", {})
        if wide.get("clusters_selected"):
            out.append(f"wide: only clusters {', '.join(wide['clusters_selected'])} (the others held out)")
        ev = []
        for name, m in rows:
            s = m["score"]
            date = s["event_date_acc"] if s["events_r"] > 0 else None  # no strict match: undefined
            ev.append((name, [s["docs_matched"], m["gold_events"], m["pred_events"], s["events_p"], s["events_r"],
                              s["events_f1"], s["events_undirected_f1"], s["events_dyad_f1"], s["events_type_f1"],
                              date, m["event_dates_by_pair"]["acc"]]))
        out += [""] + table("events", [("docs", 5), ("gold", 5), ("pred", 5), ("P", 5), ("R", 5), ("F1", 5),
                                       ("undir", 5), ("dyad", 5), ("type", 5), ("date", 5), ("dpair", 5)], ev)
        out.append("  P/R/F1 strict: same sentence, source, target, type, negation; undir/dyad/type: F1")
        out.append("  date: event-date accuracy over strict matches with a gold date (n/a: no strict match);")
        out.append("  dpair: the same over gold events matched by sentence and pair only (the dating alone)")
        content = []
        for name, m in rows:
            s = m["score"]
            content.append((name, [s["quotes_p"], s["quotes_r"], s["quotes_f1"], s["figures_p"], s["figures_r"],
                                   s["figures_f1"], s["date_acc"], s["outlet_acc"], s["title_acc"],
                                   s["stance_acc"]]))
        out += [""] + table("content", [("qP", 5), ("qR", 5), ("qF1", 5), ("figP", 5), ("figR", 5), ("figF1", 5),
                                        ("publ", 5), ("outl", 5), ("title", 5), ("stance", 6)], content)
        out.append("  q: quotes (text and speaker); fig: figures; publ/outl/title: published date, outlet,")
        out.append("  title accuracy; stance: accuracy of the label on the gold dyad")
        pairs = []
        for name, m in rows:
            s, u, g = m["score"], m["pairs_by_url"], m["gold_pairs"]
            prec = m.get("pairs_precision_by_url") or {}
            pairs.append((name, [g["contradict"], s["pairs_contradict_recall"] if g["contradict"] else None,
                                 u["pairs_contradict_recall"] if g["contradict"] else None,
                                 s["pairs_contradict_predicted"], prec.get("contradict"), g["agree"],
                                 s["pairs_agree_recall"] if g["agree"] else None,
                                 u["pairs_agree_recall"] if g["agree"] else None, s["pairs_agree_predicted"],
                                 prec.get("agree")]))
        out += [""] + table("pairs", [("ctr", 4), ("R", 5), ("R url", 5), ("pred", 5), ("P url", 5), ("agr", 4),
                                      ("R", 5), ("R url", 5), ("pred", 5), ("P url", 5)], pairs)
        out.append("  ctr/agr: gold contradicting/agreeing pairs; pred: relations predicted (per cluster: those")
        out.append("  with a side in it); R: recall as exported; R url: relation sides re-keyed to the document")
        out.append("  url (score.py cannot match an exported side named …/articles.jsonl#L<n>); P url: share of")
        out.append("  the predicted relations (re-keyed by url) that match a gold pair of their kind (a floor:")
        out.append("  the gold pairs are not exhaustive)")
        for name in ("dev", "wide"):
            if name in res["sets"]:
                a = res["sets"][name]["all"]
                out.append(f"  {name}: {a['relations_across_clusters']} relation(s) across clusters,"
                           f" {a['relations_unmatched_documents']} with a side on no gold document")
        errs = []
        for name, m in rows:
            e = m["errors"]
            errs.append((name, [e["gold_events"], *(e["counts"][k] for k in ERROR_CLASSES), e["spurious"]]))
        out += [""] + table("error classes", [("gold", 5)] + [(ERROR_HEADS[k], max(5, len(ERROR_HEADS[k])))
                                                               for k in ERROR_CLASSES] + [("spur", 5)], errs)
        out += [f"  {ERROR_HEADS[k]}: {v}" for k, v in ERROR_CLASSES.items()]
        out.append("  spur: predicted events overlapping no gold event sentence with the same unordered pair")
        for name in ("dev", "wide"):
            if name in res["sets"]:
                e = res["sets"][name]["all"]["errors"]
                out.append(f"  {name}: {e['coded_right_modality_differs']} of the {e['counts']['coded_right']}"
                           " coded right have another modality than the gold")
    pl = res["sets"].get("plover")
    if pl:
        s, m = pl["score"], pl["measures"]
        out += ["", f"plover ({m['gold_records']} records, {m['gold_events']} gold events;"
                    " recall only: the gold is not exhaustive)"]
        out.append(f"  recall strict {num(s['events_r'])}  undirected {num(s['events_undirected_r'])}"
                   f"  pair {num(s['events_dyad_r'])}  type {num(s['events_type_r'])}"
                   f"  (score.py, docs {s['docs_matched']})")
        out.append(f"  type accuracy {num(m['type_accuracy'])} (of {m['type_accuracy_support']} gold events with"
                   " a predicted event on the pair in the sentence)")
        out.append(f"  source/target accuracy {num(m['source_target_accuracy'])}, pair accuracy"
                   f" {num(m['pair_accuracy_given_type'])} (of {m['source_target_support']} with a predicted"
                   " event of the gold type in the document)")
        out.append("  failure classes: " + ", ".join(f"{k} {v}" for k, v in m["failure_classes"].items()))
    secs = res["seconds"]
    out += ["", "time: " + ", ".join(f"{k} {v:.1f}s" for k, v in secs.items())]
    return "\n".join(out)


def main(argv: list[str] | None = None, *, nlp: Any = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=SETS, help="only this set (default: all)")
    ap.add_argument("--clusters", help="comma-separated wide clusters to measure; the others are held out")
    ap.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    a = ap.parse_args(argv)
    if not EVAL.is_dir():
        raise SystemExit(f"{EVAL} not found: the shared kit must sit beside the checkout")
    clusters = [c.strip() for c in a.clusters.split(",") if c.strip()] if a.clusters else None
    res = run([a.set] if a.set else list(SETS), clusters=clusters, nlp=nlp)
    print(render(res))
    if a.json:
        a.json.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
