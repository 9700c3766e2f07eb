"""What the overview, document and dyad pages show, read from the store (read-only)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from dyadwatch.dictionaries.plover import codebook
from dyadwatch.errors import StoreError
from dyadwatch.report.dyad import DyadReport, build_dyad_report
from dyadwatch.store.queries import PLOVER_TYPES
from dyadwatch.store.queries.pages import (
    count_id_prefix, document_findings, known_codes, latest_documents, latest_events, outlet_counts, store_totals,
    top_pairs,
)
from dyadwatch.store import Store
from dyadwatch.web.highlight import Mark, Point, render

#: each PLOVER type's quad class, and the four quads in the codebook's order
QUADS = codebook().quad_of
QUAD_ORDER = codebook().quads


class NotFound(Exception):
    """The page asked for something the store does not hold (shown as a 404 page)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def dyads(store: Store, limit: int) -> list[dict[str, Any]]:
    """The ``limit`` pairs of actors with most events between them (either direction), as
    ``{"a", "b", "n", "last"}`` with ``a < b``."""
    return [p.as_dict() for p in top_pairs(store, limit)]


def document_label(title: str | None, source: str | None = None, doc_id: str | None = None) -> str:
    """What to call a document in links: its title, else the name of the file or page it came
    from (``Untitled (003_2ccefc710f8704eb.txt)``), else its short id."""
    if title and title.strip():
        return title
    if source:
        name = source.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] or source
        return f"Untitled ({name})"
    return f"Untitled document {(doc_id or '')[:8]}".rstrip()


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def number_text(value: float) -> str:
    """``146870000000.0`` -> ``146.87 billion``, ``240000.0`` -> ``240,000``, ``2.5`` -> ``2.5``."""
    for scale, word in _SCALES:
        if abs(value) >= scale:
            return f"{value / scale:,.5g} {word}"
    return f"{value:,.6g}"


def figure_text(f: Any) -> str:
    """A figure as a reader would write it: ``about 146.87 billion USD``, ``29%``, ``5``; a figure
    in another unit (days, weeks, tonnes …) as it was written, since its unit is not stored."""
    if f["unit"] == "other":
        return f"{f['qualifier'] + ' ' if f['qualifier'] else ''}{f['raw']}"
    value = number_text(f["value"]) + (f"–{number_text(f['value_high'])}" if f["value_high"] is not None else "")
    unit = {"percent": "%", "count": "", "km": " km"}.get(f["unit"], f" {f['unit']}")
    return f"{f['qualifier'] + ' ' if f['qualifier'] else ''}{value}{unit}"


def quad_class(event_type: str) -> str:
    return QUADS.get(event_type, "other").replace(" ", "-")


# -- overview -------------------------------------------------------------------------------

def overview(store: Store) -> dict[str, Any]:
    counts = store_totals(store)
    names = store.actor_names()
    top = dyads(store, 15)
    for d in top:
        d["a_name"], d["b_name"] = names.get(d["a"], d["a"]), names.get(d["b"], d["b"])
    return {"counts": counts, "dyads": top, "outlets": outlet_counts(store, 12),
            "latest_documents": latest_documents(store, 8), "latest_events": latest_events(store, 8), "names": names}


# -- document -------------------------------------------------------------------------------

def resolve_document(store: Store, doc_id: str) -> str:
    try:
        return store.resolve_id(doc_id)
    except StoreError as exc:
        n = count_id_prefix(store, doc_id)
        if n > 1:
            raise NotFound(f"{n} documents have ids starting with '{doc_id}'. Give more of the id.") from exc
        raise NotFound(f"No document with id '{doc_id}' in this database.") from exc


def _event_title(n: int, e: dict[str, Any], names: dict[str, str]) -> str:
    lines = [f"E{n} · {e['source']} ({names.get(e['source'], e['source'])}) → "
             f"{e['target']} ({names.get(e['target'], e['target'])})",
             f"type {e['type']} ({QUADS.get(e['type'], 'other')})" + (f", mode {e['mode']}" if e["mode"] else "")]
    if e["negated"]:
        lines.append("NEGATED: the text says it did not / will not happen")
    lines.append(f"modality {e['modality']}")
    lines.append(f"date {e['date'] or 'unknown'}")
    if e["intensity"] is not None:
        lines.append(f"intensity {e['intensity']:+.1f}")
    if e["trigger"]:
        lines.append(f"trigger '{e['trigger']}'")
    if e["confidence"] is not None:
        lines.append(f"confidence {e['confidence']:.2f}")
    return "\n".join(lines)


def _ref(kind: str, anchor: str, card: str, label: str, title: str) -> Markup:
    return Markup('<a class="ref ref-{}" id="{}" href="#{}" title="{}">{}</a>').format(
        kind, anchor, card, title, label)


def document_page(store: Store, doc_id: str, *, hl: tuple[int, int] | None = None) -> dict[str, Any]:
    full = resolve_document(store, doc_id)
    found = document_findings(store, full)
    doc = dict(found.document)
    text = doc["text"]
    if hl is not None and hl[1] > len(text):
        from dyadwatch.web.params import BadRequest

        raise BadRequest(f"Parameter 'hl' has value '{hl[0]}-{hl[1]}'. The document is {len(text):,} characters "
                         "long; expected offsets inside it.")
    names = store.actor_names()
    # the template's rows: the typed views as dicts, decorated below
    sentences = [r.as_dict() for r in found.sentences]
    mentions = [r.as_dict() for r in found.mentions]
    events = [r.as_dict() for r in found.events]
    quotes = [r.as_dict() for r in found.quotes]
    figures = [r.as_dict() for r in found.figures]
    claims = [r.as_dict() for r in found.claims]
    stances = [r.as_dict() for r in found.stances]
    relations = [r.as_dict() for r in found.relations]
    sources = store.document_sources(full)

    marks: list[Mark] = []
    points: list[Point] = []
    event_sentences = {(e["start"], e["end"]) for e in events}
    for s in sentences:
        classes = ["s"]
        if any(a <= s["start"] < b or s["start"] <= a < s["end"] for a, b in event_sentences):
            classes.append("has-ev")
        marks.append(Mark(s["start"], s["end"], classes=" ".join(classes), anchor=f"c{s['start']}", layer=0))
    for start, end in json.loads(doc["chrome"] or "[]"):
        marks.append(Mark(int(start), int(end), classes="chrome",
                          attrs={"title": "page chrome: kept in the text, left out of analysis"}, layer=1))
    if hl is not None:
        marks.append(Mark(hl[0], hl[1], tag="mark", classes="hl", anchor="hl", layer=2))

    triggers: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for n, e in enumerate(events, start=1):
        e["n"] = n
        e["negated"] = bool(e["negated"])
        e["contexts"] = json.loads(e["contexts"] or "[]")
        e["quad"] = QUADS.get(e["type"], "other")
        e["source_name"], e["target_name"] = names.get(e["source"], e["source"]), names.get(e["target"], e["target"])
        e["title"] = _event_title(n, e, names)
        e["sentence"] = text[e["start"]:e["end"]]
        card = f"card-ev-{e['id']}"
        at = e["trigger_end"] if e["trigger_end"] is not None else e["end"]
        if e["trigger_start"] is not None and e["trigger_end"] is not None:
            triggers.setdefault((e["trigger_start"], e["trigger_end"]), []).append(e)
        points.append(Point(at, _ref("ev", f"ev-{e['id']}", card, ("¬" if e["negated"] else "") + f"E{n}",
                                     e["title"]), order=1))
    for (start, end), evs in triggers.items():  # one mark per trigger, however many events share it
        marks.append(Mark(start, end, tag="mark",
                          classes=f"trigger q-{quad_class(evs[0]['type'])}"
                          + (" negated" if any(e["negated"] for e in evs) else ""),
                          attrs={"title": "\n\n".join(e["title"] for e in evs), "data-card": f"card-ev-{evs[0]['id']}"},
                          layer=4))
    for n, qu in enumerate(quotes, start=1):
        qu["n"] = n
        qu["direct"] = bool(qu["direct"])
        who = qu["speaker"] or "unattributed"
        if qu["speaker_actor"]:
            who += f" (acts for {qu['speaker_actor']}, {names.get(qu['speaker_actor'], qu['speaker_actor'])})"
        qu["title"] = (f"Q{n} · {'direct quote' if qu['direct'] else 'reported speech'}\nspeaker: {who}"
                       + (f"\ncue '{qu['cue']}'" if qu["cue"] else ""))
        card = f"card-qu-{qu['id']}"
        marks.append(Mark(qu["start"], qu["end"], classes="quote", attrs={"title": qu["title"], "data-card": card},
                          layer=3))
        points.append(Point(qu["end"], _ref("qu", f"qu-{qu['id']}", card, f"Q{n}", qu["title"]), order=2))
    for n, f in enumerate(figures, start=1):
        f["n"] = n
        f["shown"] = figure_text(f)
        value = (f"{number_text(f['value'])}, unit not recorded" if f["unit"] == "other"
                 else f"{f['shown']} (unit {f['unit']})")
        f["title"] = (f"F{n} · '{f['raw']}' = {value}" + (f"\nmeasure: {f['measure']}" if f["measure"] else "")
                      + (f"\nperiod: {f['period']}" if f["period"] else ""))
        f["sentence"] = text[f["sentence_start"]:f["sentence_end"]]
        card = f"card-fi-{f['id']}"
        marks.append(Mark(f["start"], f["end"], tag="mark", classes="figure",
                          attrs={"title": f["title"], "data-card": card}, layer=5))
        points.append(Point(f["end"], _ref("fi", f"fi-{f['id']}", card, f"F{n}", f["title"]), order=3))
    for n, c in enumerate(claims, start=1):
        c["n"] = n
        c["actors"] = json.loads(c["actors"] or "[]")
        c["sentence"] = text[c["start"]:c["end"]]
        c["title"] = (f"C{n} · claim{' (negative)' if c['polarity'] < 0 else ''}"
                      + (f"\nattributed to {c['speaker']}" if c["speaker"] else "")
                      + (f"\nactors: {' '.join(c['actors'])}" if c["actors"] else ""))
        c["relations"] = [r for r in relations if (r["a_document"] == full and r["a_start"] == c["start"])
                          or (r["b_document"] == full and r["b_start"] == c["start"])]
        agree = sum(r["relation"] == "agree" for r in c["relations"])
        contradict = len(c["relations"]) - agree
        if agree or contradict:
            c["title"] += "\n" + ", ".join(x for x in (
                f"agrees with {agree} other source(s)" if agree else "",
                f"contradicted by {contradict}" if contradict else "") if x)
        classes = "claim" + (" claim-negative" if c["polarity"] < 0 else "") + (" contradicted" if contradict else "")
        marks.append(Mark(c["start"], c["end"], classes=classes,
                          attrs={"title": c["title"], "data-card": f"card-cl-{n}"}, layer=1))
        points.append(Point(c["end"], _ref("cl", f"cl-{n}", f"card-cl-{n}", f"C{n}", c["title"]), order=4))
    by_actor: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in mentions:
        name = names.get(m["code"], m["code"])
        why = f"{m['code']} ({name})\n'{m['text']}' resolved by {m['entry']}\n[{m['dictionary']}]"
        marks.append(Mark(m["start"], m["end"], classes="actor",
                          attrs={"title": why, "data-card": f"card-actor-{m['code']}"}, layer=6))
        by_actor[m["code"]].append(m)
    actors = []
    for code, ms in sorted(by_actor.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        entries: dict[tuple[str, str, str], int] = defaultdict(int)
        for m in ms:
            entries[(m["text"], m["entry"], m["dictionary"])] += 1
        actors.append({"code": code, "name": names.get(code, code), "count": len(ms),
                       "entries": [{"text": t, "entry": e, "dictionary": d, "count": k}
                                   for (t, e, d), k in sorted(entries.items(), key=lambda kv: -kv[1])]})
    for st in stances:
        st["evidence"] = [text[int(a):int(b)] for a, b in json.loads(st["evidence"] or "[]")]
    for r in relations:
        mine = "a" if r["a_document"] == full else "b"
        other = "b" if mine == "a" else "a"
        r["mine_text"] = r[f"{mine}_text"]
        r["mine_span"] = (r[f"{mine}_start"], r[f"{mine}_end"])
        r["other_document"] = r[f"{other}_document"]
        r["other_title"] = r[f"{other}_title"]
        r["other_outlet"] = r[f"{other}_outlet"]
        r["other_source"] = r[f"{other}_source"]
        r["other_text"] = r[f"{other}_text"]
        r["other_href"] = (f"/documents/{r[f'{other}_document']}?hl={r[f'{other}_start']}-{r[f'{other}_end']}#hl")

    doc["authors"] = json.loads(doc["authors"] or "[]")
    doc["meta_evidence"] = json.loads(doc["meta_evidence"] or "{}")
    doc["warnings"] = json.loads(doc["warnings"] or "[]")
    return {
        "doc": doc, "sources": sources, "html": render(text, marks, points), "events": events, "quotes": quotes,
        "figures": figures, "claims": claims, "stances": stances, "relations": relations, "actors": actors,
        "sentences": len(sentences), "hl": hl, "names": names,
    }


# -- dyad -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class DyadPage:
    """The dyad page's data: the report (``dyadwatch.report.dyad.build_dyad_report``), its
    charts (Vega-Lite specs by name) and the tables the page shows."""

    report: DyadReport
    charts: dict[str, Any]
    ledger_view: list[dict[str, Any]]
    type_table: list[dict[str, Any]]
    quad_table: list[dict[str, Any]]


def dyad_page(store: Store, a: str, b: str, *, since: str | None = None, until: str | None = None) -> DyadPage:
    """The dyad report (``dyadwatch.report.dyad.build_dyad_report``) plus its charts and tables.

    Raises NotFound when neither the actors table nor any mention knows one of the codes.
    """
    known = known_codes(store, (a, b))
    missing = [c for c in (a, b) if c not in known]
    if missing:
        raise NotFound(f"No actor {' or '.join(missing)} in this database: no document mentions "
                       f"{'it' if len(missing) == 1 else 'them'}. Codes are like CHN, RUS, USA.")
    report = build_dyad_report(store, a, b, since=since, until=until)
    return DyadPage(report=report, charts=dyad_charts(report), ledger_view=_ledger_view(report),
                    type_table=_type_table(report), quad_table=_quad_table(report))


#: ledger entries shown per direction and area (the strongest first; the rest are counted)
LEDGER_SHOWN = 8


def _ledger_view(report: DyadReport) -> list[dict[str, Any]]:
    """The ledger by direction, then area, at most LEDGER_SHOWN entries each (the report orders
    them by independent sources and reports)."""
    pair = report.pair
    out = []
    for direction, src, tgt in ((report.directions[0], pair.a, pair.b),
                                (report.directions[1], pair.b, pair.a)):
        areas: dict[str, list[dict[str, Any]]] = {}
        for e in report.ledger.get("entries", []):
            if e["direction"] == direction:
                areas.setdefault(e["area_title"], []).append(e)
        out.append({"direction": direction, "source": src, "target": tgt,
                    "areas": [{"title": t, "entries": es[:LEDGER_SHOWN], "more": len(es) - LEDGER_SHOWN}
                              for t, es in areas.items()]})
    return out


def _type_table(report: DyadReport) -> list[dict[str, Any]]:
    d1, d2 = report.directions
    rows = []
    for t in PLOVER_TYPES:
        x = report.by_type.get(d1, {}).get(t, {})
        y = report.by_type.get(d2, {}).get(t, {})
        if x or y:
            rows.append({"type": t, "quad": QUADS[t], "first": x.get("events", 0), "first_actual": x.get("actual", 0),
                         "second": y.get("events", 0), "second_actual": y.get("actual", 0)})
    return rows


def _quad_table(report: DyadReport) -> list[dict[str, Any]]:
    d1, d2 = report.directions
    t1, t2 = report.totals[d1].quads, report.totals[d2].quads
    return [{"quad": q, "first": t1.get(q, 0), "second": t2.get(q, 0)} for q in QUAD_ORDER]


def dyad_charts(report: DyadReport) -> dict[str, Any]:
    """Vega-Lite specs for the dyad page, with their data inline (the page fetches nothing)."""
    d1, d2 = report.directions
    a, b = report.pair.a, report.pair.b
    shown = {d1: f"{a} → {b}", d2: f"{b} → {a}"}
    color = {"field": "direction", "type": "nominal", "title": "direction",
             "scale": {"domain": [shown[d1], shown[d2]], "range": ["#1f5fa8", "#b03a2e"]}}
    monthly = []
    for m in report.monthly:
        for d in (d1, d2):
            s = m.directions.get(d)
            if s and s.events:
                monthly.append({"month": m.month + "-01", "direction": shown[d], "events": s.events,
                                "actual": s.actual, "negated": s.negated, "mean": s.mean_intensity})
    month_x = {"field": "month", "type": "temporal", "timeUnit": "yearmonth", "title": "month",
               "axis": {"format": "%b %Y", "labelOverlap": "greedy", "labelSeparation": 6}}
    tip_month = {"field": "month", "type": "temporal", "timeUnit": "yearmonth", "title": "month"}
    schema = "https://vega.github.io/schema/vega-lite/v6.json"  # a name only; never fetched
    intensity = {
        "$schema": schema, "width": "container", "height": 200, "data": {"values": monthly},
        "description": f"Mean intensity per month of actual events, {a} to {b} and {b} to {a}",
        "transform": [{"filter": "datum.mean != null"}],
        "layer": [
            {"mark": {"type": "rule", "color": "#777", "strokeDash": [4, 3]}, "encoding": {"y": {"datum": 0}}},
            {"mark": {"type": "line", "point": {"size": 50}, "strokeWidth": 2},
             "encoding": {"x": month_x,
                          "y": {"field": "mean", "type": "quantitative",
                                "title": "mean intensity"},
                          "color": color,
                          "tooltip": [tip_month, {"field": "direction"}, {"field": "mean", "title": "mean intensity"},
                                      {"field": "actual", "title": "actual events"},
                                      {"field": "events", "title": "all reports"}]}},
        ],
    }
    volume = {
        "$schema": schema, "width": "container", "height": 130, "data": {"values": monthly},
        "description": f"Events reported per month, {a} to {b} and {b} to {a}",
        "mark": {"type": "bar"},
        "encoding": {"x": month_x, "xOffset": {"field": "direction"},
                     "y": {"field": "events", "type": "quantitative", "title": "events reported", "stack": None,
                           "axis": {"format": "d", "tickMinStep": 1}},
                     "color": color,
                     "tooltip": [tip_month, {"field": "direction"}, {"field": "events"},
                                 {"field": "negated", "title": "negated"}]},
    }
    type_values = []
    for d in (d1, d2):
        for t, counts in report.by_type.get(d, {}).items():
            type_values.append({"type": t, "quad": QUADS.get(t, "other"), "direction": shown[d],
                                "events": counts.get("events", 0), "actual": counts.get("actual", 0)})
    types = {
        "$schema": schema, "width": "container", "data": {"values": type_values},
        "description": f"Events by PLOVER type, {a} to {b} and {b} to {a}",
        "height": {"step": 10}, "autosize": {"type": "fit-x", "contains": "padding"}, "mark": "bar",
        "encoding": {"y": {"field": "type", "type": "nominal", "sort": list(PLOVER_TYPES), "title": None},
                     "yOffset": {"field": "direction"},
                     "x": {"field": "events", "type": "quantitative", "title": "events reported",
                           "axis": {"format": "d", "tickMinStep": 1}},
                     "color": color,
                     "tooltip": [{"field": "type"}, {"field": "quad"}, {"field": "direction"}, {"field": "events"},
                                 {"field": "actual"}]},
    }
    stance_values = [{"date": _date10(s.published), "outlet": s.outlet or "(not stated)",
                      "score": s.score, "label": s.label, "title": s.title or s.document_id}
                     for s in report.stances.rows if s.published]
    stance = {
        "$schema": schema, "width": "container", "height": 180, "data": {"values": stance_values},
        "description": f"Each source's stance on {a}–{b} relations by publication date",
        "mark": {"type": "line", "point": {"size": 60}},
        "encoding": {"x": {"field": "date", "type": "temporal", "title": "published",
                           "axis": {"format": "%Y-%m-%d", "labelOverlap": True}},
                     "y": {"field": "score", "type": "quantitative", "title": "stance score"},
                     "color": {"field": "outlet", "type": "nominal", "title": "source"},
                     "tooltip": [{"field": "outlet", "title": "source"}, {"field": "date", "type": "temporal"},
                                 {"field": "label"}, {"field": "score"}, {"field": "title"}]},
    }
    for spec in (intensity, volume, types, stance):  # legends below: the charts keep their width on a phone
        spec["config"] = {"legend": {"orient": "bottom", "direction": "horizontal"}}
    return {"intensity": intensity if any(v["mean"] is not None for v in monthly) else None,
            "volume": volume if monthly else None, "types": types if type_values else None,
            "stance": stance if stance_values else None}


def _date10(value: str | None) -> str | None:
    if not value:
        return None
    return {4: value + "-01-01", 7: value + "-01"}.get(len(value), value[:10])
