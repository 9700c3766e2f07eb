"""Markdown and HTML renderings of a dyad report (``dyadwatch.report.dyad.build_dyad_report``).

Both renderings are built from one list of blocks (headings, paragraphs, lists, tables,
charts), so they hold the same sections in the same order:

    Summary · Activity by month · Types and quads · Asymmetry · Stance by source ·
    Terms of the relationship · Key figures · Confirmed · Contradictions

Text from the articles (sentences, outlets, titles, sources) is always escaped: HTML-escaped
(``html.escape``) in HTML; in Markdown, HTML-escaped and with Markdown's own marks
backslash-escaped, so an article can neither inject markup nor break a table. The HTML page is
self-contained: charts are inline PNG (``data:`` URIs), styles are inline, and a
Content-Security-Policy forbids loading anything else. Markdown links its charts as files in a
folder next to the report (``report_files/`` for ``report.md``).

Usage::

    report = build_dyad_report(store, "CHN", "RUS")
    write_report(report, "report.md")                  # report.md + report_files/*.png
    write_report(report, "report.html", fmt="html")    # one self-contained file
    text = render_markdown(report)                      # no charts (they need files)
"""

from __future__ import annotations

import base64
import dataclasses
import html
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Union
from urllib.parse import quote

from dyadwatch.report.charts import chart_bytes, write_charts
from dyadwatch.report.dyad import QUAD_OF, QUADS, DyadReport
from dyadwatch.store.queries import PLOVER_TYPES, RelationItem

__all__ = ["SECTIONS", "render_html", "render_markdown", "write_report"]

#: (anchor, title) of each section, in order
SECTIONS: tuple[tuple[str, str], ...] = (
    ("summary", "Summary"), ("activity", "Activity by month"), ("types", "Types and quads"),
    ("asymmetry", "Asymmetry"), ("stance", "Stance by source"), ("ledger", "Terms of the relationship"),
    ("figures", "Key figures"), ("confirmed", "Confirmed"), ("contradictions", "Contradictions"),
)
CHART_TITLES = {"monthly_intensity": "Mean intensity by month", "event_types": "Events by type",
                "stance": "Stance of each source over time"}
NO_CHART_FILES = ("Charts are drawn only when the report is written to a file "
                  "(dyadwatch report A B --out report.md).")

# A tiny document model: inline text is a list of segments, each a plain string (escaped by the
# renderer) or (style, string) with style b (bold), i (italic) or code.
Segment = Union[str, tuple[str, str]]
Inline = list[Segment]
Block = tuple[Any, ...]


def _plain(value: Any) -> str:
    return " ".join(str(value).split())


def _num(value: float | None, signed: bool = True, digits: int = 2) -> str:
    if value is None:
        return "–"
    return f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n} {word}"
    return f"{n} {word[:-1]}ies" if word.endswith("y") else f"{n} {word}s"


def _evidence(ev: Mapping[str, Any], prefix: str = "") -> Inline:
    """A sentence with its document: “…” — outlet (source), date · id."""
    when = ev.get("date") or ev.get("published")
    out: Inline = []
    if prefix:
        out.append((("i", prefix)))
        out.append(" ")
    out.append(f"“{_plain(ev.get('sentence') or '')}”")
    out.append(" — ")
    out.append(("i", _plain(ev.get("outlet") or "outlet not stated")))
    if ev.get("document_source"):
        out.append(f" ({_plain(ev['document_source'])})")
    out.append(f", {when or 'undated'}" + ("" if ev.get("date") or not when else " (published)"))
    out.append(" · ")
    out.append(("code", ev["document_id"]))
    return out


def _agreement(e: Mapping[str, Any]) -> Inline:
    out: Inline = [("i", e["agreement"])]
    if e["agreement"] != "disputed" and e["agreeing_sources"] > e["independent_sources"]:
        out.append(f" ({e['agreeing_sources']} independent sources report {e['type']} in this area alike)")
    return out


def _side(rel: RelationItem, side: str) -> dict[str, Any]:
    return {"sentence": rel.side(side, "sentence"), "outlet": rel.side(side, "outlet"),
            "document_source": rel.side(side, "source"), "published": rel.side(side, "published"),
            "document_id": rel.side(side, "document")}


# -- sections ----------------------------------------------------------------------------------

def _names(report: DyadReport) -> dict[str, str]:
    p = report.pair
    return {p.a: p.a_name or p.a, p.b: p.b_name or p.b}


def _summary(report: DyadReport) -> list[Block]:
    p, docs, ev = report.pair, report.documents, report.events
    d1, d2 = report.directions
    t1, t2 = report.totals[d1], report.totals[d2]
    out: list[Block] = []
    period = ""
    if report.since or report.until:
        period = f" Period: {report.since or 'the beginning'} to {report.until or 'the end'}."
    span = ""
    if docs.published_from:
        span = f", published {docs.published_from} to {docs.published_to}"
        if docs.undated:
            span += f" ({docs.undated} without a publication date)"
    out.append(("p", [("b", f"{p.a_name} ({p.a}) and {p.b_name} ({p.b})"),
                      f": {_plural(docs.count, 'document')} from "
                      f"{_plural(docs.independent_sources, 'independent source')}{span}.{period}"]))
    undated = sum(ev.undated.values())
    out.append(("p", [f"{_plural(ev.total, 'event')} reported: {d1} {t1.events} "
                      f"({t1.actual} actual and not negated), {d2} {t2.events} ({t2.actual}). "
                      + (f"{undated} have no date precise to the month." if undated else "")]))
    out.append(("p", [f"Mean intensity of actual events: {d1} {_num(t1.mean_intensity)}, "
                      f"{d2} {_num(t2.mean_intensity)} (−10 conflict … +10 cooperation); cooperative share "
                      f"{_share(t1.cooperative_share)} and {_share(t2.cooperative_share)}."]))
    st = report.stances
    if st.count:
        labels = ", ".join(f"{k} {v}" for k, v in sorted(st.labels.items(), key=lambda kv: -kv[1]))
        out.append(("p", [f"Stance: {_plural(st.count, 'document')} assess the relationship ({labels})."]))
    ls = report.ledger_summary
    out.append(("p", [f"Terms of the relationship: {_plural(ls.entries, 'entry')}, {ls.confirmed} confirmed "
                      f"by independent sources, {ls.disputed} disputed between sources. "
                      f"{_plural(len(report.confirmed.stories), 'story')} told by several independent "
                      f"sources; {report.confirmed.agreements_total} agreements and "
                      f"{report.contradictions.total} contradictions between sources."]))
    for key in ("events", "sources"):
        if report.notes.get(key):
            out.append(("note", [report.notes[key]]))
    out.extend(_disagreement(report))
    best = _best_attested(report)
    if best:
        out.append(("h", 3, "Best-attested terms"))
        items = []
        for e in best:
            head: Inline = [("b", e["direction"]), f" {e['kind_title']}: {e['label']} — "
                            f"{_plural(e['independent_sources'], 'independent source')}, ", *_agreement(e)]
            items.append((head, [_evidence(x) for x in e["evidence"][:1]]))
        out.append(("ul", items))
    return out


#: stance labels that read the relationship as going one way or the other
_TOWARDS = {"strengthening": 1, "stable": 1, "weakening": -1}


def _disagreement(report: DyadReport) -> list[Block]:
    """When the authors read the relationship opposite ways, say so first: each source's verdict
    with the sentence that carries it, and the strongest contradiction between them."""
    rows = [r for r in report.stances.rows if r.label in _TOWARDS or r.label == "mixed"]
    signs = {_TOWARDS[r.label] for r in rows if r.label in _TOWARDS}
    if len(signs) < 2:
        return []
    out: list[Block] = [("h", 3, "Where the sources disagree")]
    items = []
    for r in rows:
        who = r.outlet or r.title or r.document_source or r.document_id
        head: Inline = [("i", _plain(who)), f" reads the relationship as ", ("b", r.label),
                        f" (score {_num(r.score)})"]
        ev = [{"start": e.start, "end": e.end, "sentence": e.sentence, "outlet": r.outlet,
               "document_source": r.document_source, "published": r.published, "document_id": r.document_id}
              for e in r.evidence[:1]]
        items.append((head, [_evidence(e) for e in ev]))
    out.append(("ul", items))
    top = report.contradictions.rows[:1]
    if top:
        rel = top[0]
        out.append(("p", [("b", "Strongest contradiction:"), " ", _plain(rel.why), f" (score {rel.score:.2f})."]))
        out.append(("ul", [(_evidence(_side(rel, "a")), []), (_evidence(_side(rel, "b")), [])]))
    return out


def _best_attested(report: DyadReport, per_direction: int = 3) -> list[dict[str, Any]]:
    out = []
    for d in report.directions:
        entries = [e for e in report.ledger["entries"] if e["direction"] == d and e["agreement"] != "disputed"
                   and e["kind"] != "might"]
        entries.sort(key=lambda e: (e["agreement"] != "confirmed", -e["independent_sources"], -e["reports"]))
        out += entries[:per_direction]
    return out


def _activity(report: DyadReport) -> list[Block]:
    d1, d2 = report.directions
    out: list[Block] = [("img", "monthly_intensity")]
    if not report.monthly:
        out.append(("note", ["No events dated to the month."]))
    else:
        rows = []
        for m in report.monthly:
            x, y = m.directions[d1], m.directions[d2]
            rows.append([[m.month], [str(x.events)], [str(x.actual)], [_num(x.mean_intensity)],
                         [str(y.events)], [str(y.actual)], [_num(y.mean_intensity)]])
        out.append(("table", ["Month", f"{d1} events", f"{d1} actual", f"{d1} mean intensity",
                              f"{d2} events", f"{d2} actual", f"{d2} mean intensity"], rows))
    ev = report.events
    if sum(ev.undated.values()):
        parts = [f"{d}: {ev.undated.get(d, 0)} ({ev.no_date.get(d, 0)} with no date at all)" for d in (d1, d2)]
        out.append(("p", ["Events without a date precise to the month (not in the table): " + "; ".join(parts) + "."]))
    out.append(("p", ["Events are dated by their own date, else by their document's publication date. Counts are "
                      "of reports; mean intensity is over actual, non-negated events."]))
    return out


def _types(report: DyadReport) -> list[Block]:
    d1, d2 = report.directions
    out: list[Block] = [("img", "event_types")]
    by = report.by_type
    types = [t for t in PLOVER_TYPES if t in by[d1] or t in by[d2]]
    if types:
        rows = [[[t], [QUAD_OF[t]], [str(by[d1].get(t, {}).get("events", 0))],
                 [str(by[d1].get(t, {}).get("actual", 0))], [str(by[d2].get(t, {}).get("events", 0))],
                 [str(by[d2].get(t, {}).get("actual", 0))]] for t in types]
        out.append(("table", ["Type", "Quad", f"{d1} reported", f"{d1} actual", f"{d2} reported", f"{d2} actual"],
                    rows))
    rows = [[[q], [" ".join(ts)], [str(report.totals[d1].quads[q])], [str(report.totals[d2].quads[q])]]
            for q, ts in QUADS]
    out.append(("table", ["PLOVER quad", "types", f"{d1} actual", f"{d2} actual"], rows))
    return out


def _asymmetry(report: DyadReport) -> list[Block]:
    d1, d2 = report.directions
    a = report.asymmetry
    x, y, diff = a.directions[d1], a.directions[d2], a.difference
    rows = [
        [["events reported"], [str(x.events)], [str(y.events)], [_num(diff.events, digits=0)]],
        [["actual, not negated"], [str(x.actual)], [str(y.actual)], [_num(diff.actual, digits=0)]],
        [["negated"], [str(x.negated)], [str(y.negated)], ["–"]],
        [["mean intensity"], [_num(x.mean_intensity)], [_num(y.mean_intensity)], [_num(diff.mean_intensity)]],
        [["cooperative share"], [_share(x.cooperative_share)], [_share(y.cooperative_share)],
         [_num(None if diff.cooperative_share is None else diff.cooperative_share * 100, digits=0)
          + (" points" if diff.cooperative_share is not None else "")]],
    ]
    out: list[Block] = [("table", ["", d1, d2, "difference"], rows)]
    names = _names(report)
    src, tgt = report.pair.a, report.pair.b
    if x.actual or y.actual:
        more = (src, tgt) if x.actual >= y.actual else (tgt, src)
        sentence = (f"{names[more[0]]} acts toward {names[more[1]]} more often "
                    f"({max(x.actual, y.actual)} actual events against {min(x.actual, y.actual)})")
        if x.mean_intensity is not None and y.mean_intensity is not None:
            warmer = (src, tgt) if x.mean_intensity >= y.mean_intensity else (tgt, src)
            sentence += (f"; {names[warmer[0]]}'s acts toward {names[warmer[1]]} are the more cooperative "
                         f"(mean intensity {_num(max(x.mean_intensity, y.mean_intensity))} against "
                         f"{_num(min(x.mean_intensity, y.mean_intensity))})")
        out.append(("p", [sentence + ". Each event behind these numbers is in the terms below, with its sentence."]))
    return out


def _stance(report: DyadReport) -> list[Block]:
    st = report.stances
    if not st.count:
        return [("note", [report.notes.get("stance") or "No stance."])]
    out: list[Block] = [("img", "stance")]
    items = []
    for r in st.rows:
        head: Inline = [f"{r.published or 'undated'} · ", ("i", _plain(r.outlet or r.document_source or "")),
                        f" · {r.label} ({_num(r.score)}) · ", ("code", r.document_id)]
        subs = [_evidence(r.as_evidence(e)) for e in r.evidence]
        items.append((head, subs))
    out.append(("ul", items))
    if st.count > len(st.rows):
        out.append(("note", [f"{len(st.rows)} most recent of {st.count} shown."]))
    return out


def _ledger(report: DyadReport) -> list[Block]:
    names = _names(report)
    ledger = report.ledger
    areas = dict(tuple(x) for x in ledger["areas"])
    out: list[Block] = [("p", [
        "What each side does to the other, by area: ", ("b", "does"), " (actual, or ongoing: \"will continue …\"), ",
        ("b", "promises"), ", ", ("b", "refuses"), " (negated, or rejects), ", ("b", "denies"), ", ",
        ("b", "is alleged to"), ", ", ("b", "might"), ". Sources agree on an entry (", ("i", "confirmed"),
        ": two or more independent sources alike) or dispute it (", ("i", "disputed"),
        ": another independent source reports the opposite)."])]
    for d in report.directions:
        src, tgt = d.split("→")
        out.append(("h", 3, f"What {names.get(src, src)} does to {names.get(tgt, tgt)} ({d})"))
        entries = [e for e in ledger["entries"] if e["direction"] == d]
        if not entries:
            out.append(("note", ["No events in this direction."]))
            continue
        for area, title in areas.items():
            mine = [e for e in entries if e["area"] == area]
            if not mine:
                continue
            out.append(("h", 4, title))
            items = []
            for e in mine:
                head: Inline = [("b", f"{e['kind_title']}:"), f" {e['label']} — "
                                f"{_plural(e['independent_sources'], 'independent source')}"
                                + (f", {e['reports']} reports" if e["reports"] > 1 else "") + ", ",
                                *_agreement(e)]
                subs = [_evidence(x) for x in e["evidence"]]
                subs += [_evidence(x, "disputed by:") for x in e["disputed_by"]]
                items.append((head, subs))
            out.append(("ul", items))
    return out


def _figures(report: DyadReport) -> list[Block]:
    if not report.figures:
        return [("note", ["No figures in sentences that mention both actors."])]
    items = []
    for f in report.figures:
        value = f"{f['value']:,.6g}" + (f"–{f['value_high']:,.6g}" if f["value_high"] is not None else "")
        what = "; ".join(_plain(x) for x in (f["measure"], f["period"]) if x)
        head: Inline = [("b", _plain(f["raw"])), f" = {(f['qualifier'] + ' ') if f['qualifier'] else ''}{value} "
                        f"{f['unit']}" + (f" ({what})" if what else "")]
        items.append((head, [_evidence(f)]))
    return [("p", ["Figures reported in sentences that name both actors, newest period first."]), ("ul", items)]


def _confirmed(report: DyadReport) -> list[Block]:
    c = report.confirmed
    out: list[Block] = [("h", 3, "Stories told by several independent sources")]
    if c.stories:
        items = []
        for s in c.stories:
            head: Inline = [("b", s.label), f", {s.date or 'undated'} — {_plural(s.reports, 'report')}, "
                            f"{_plural(s.independent_sources, 'independent source')}"]
            items.append((head, [_evidence(dataclasses.asdict(e)) for e in s.evidence]))
        out.append(("ul", items))
    else:
        out.append(("note", ["No story between them is told by two or more independent sources"
                             + ("" if report.notes.get("sources") is None else
                                " (comparison has not been run)") + "."]))
    out.append(("h", 3, "Sources that agree"))
    if c.agreements:
        items = []
        for r in c.agreements:
            items.append(([("b", _plain(r.why)), f" (score {r.score:.2f})"],
                          [_evidence(_side(r, "a")), _evidence(_side(r, "b"))]))
        out.append(("ul", items))
        if c.agreements_total > len(c.agreements):
            out.append(("note", [f"{len(c.agreements)} strongest of {c.agreements_total} shown."]))
    else:
        out.append(("note", [report.notes.get("relations") or "No agreement between sources about this pair."]))
    return out


def _contradictions(report: DyadReport) -> list[Block]:
    cr = report.contradictions
    if not cr.rows:
        return [("note", [report.notes.get("relations") or "No contradiction between sources about this pair."])]
    rows = [[[_plain(r.why), f" (score {r.score:.2f})"], _evidence(_side(r, "a")), _evidence(_side(r, "b"))]
            for r in cr.rows]
    out: list[Block] = [("table", ["Reason", "One source", "The other source"], rows)]
    if cr.total > len(cr.rows):
        out.append(("note", [f"{len(cr.rows)} strongest of {cr.total} shown."]))
    return out


BUILDERS = {"summary": _summary, "activity": _activity, "types": _types, "asymmetry": _asymmetry,
            "stance": _stance, "ledger": _ledger, "figures": _figures, "confirmed": _confirmed,
            "contradictions": _contradictions}


def _blocks(report: DyadReport) -> list[Block]:
    out: list[Block] = []
    for anchor, title in SECTIONS:
        out.append(("section", anchor, title))
        out += BUILDERS[anchor](report)
    return out


def _title(report: DyadReport) -> str:
    p = report.pair
    return f"{p.a_name} – {p.b_name} ({p.a}–{p.b})"


# -- Markdown ----------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")


def _md_text(text: str) -> str:
    # whitespace (newlines included) collapses but is kept at the ends: segments are joined as they are
    return _MD_SPECIAL.sub(r"\\\1", html.escape(re.sub(r"\s+", " ", text), quote=False))


def _md_inline(parts: Sequence[Segment]) -> str:
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(_md_text(part))
            continue
        style, text = part
        if style == "code":
            out.append("`" + _plain(text).replace("`", "'") + "`")
        else:
            mark = "**" if style == "b" else "*"
            out.append(mark + _md_text(text) + mark)
    return "".join(out)


def render_markdown(report: DyadReport, *, charts: Mapping[str, str] | None = None) -> str:
    """The report as Markdown. charts: chart name -> relative link of a written chart file;
    without it, a note says where charts would be."""
    lines = [f"# {_md_text(_title(report))}", ""]
    if charts is None:
        lines += [f"*{_md_text(NO_CHART_FILES)}*", ""]
    for block in _blocks(report):
        kind = block[0]
        if kind == "section":
            lines += [f"## {block[2]}", ""]
        elif kind == "h":
            lines += ["#" * block[1] + " " + _md_text(block[2]), ""]
        elif kind == "p":
            lines += [_md_inline(block[1]), ""]
        elif kind == "note":
            lines += ["*" + _md_inline(block[1]) + "*", ""]
        elif kind == "img":
            if charts is not None and block[1] in charts:
                lines += [f"![{CHART_TITLES[block[1]]}]({quote(charts[block[1]])})", ""]
        elif kind == "ul":
            for head, subs in block[1]:
                lines.append("- " + _md_inline(head))
                lines += ["  - " + _md_inline(s) for s in subs]
            lines.append("")
        elif kind == "table":
            headers, rows = block[1], block[2]
            lines.append("| " + " | ".join(_md_text(h) for h in headers) + " |")
            lines.append("|" + "|".join("---" for _ in headers) + "|")
            lines += ["| " + " | ".join(_md_inline(c) for c in row) + " |" for row in rows]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# -- HTML --------------------------------------------------------------------------------------

STYLE = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 70rem; margin: 2rem auto;
       padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 1px solid #ddd; margin-top: 2.2rem; } h4 { margin-bottom: .3rem; }
table { border-collapse: collapse; margin: .8rem 0; } td, th { border: 1px solid #ddd; padding: .3rem .5rem;
        vertical-align: top; text-align: left; }
th { background: #f5f5f5; } img { max-width: 100%; } code { font-size: .85em; color: #555; }
ul ul { color: #333; font-size: .93em; } .note { color: #666; font-style: italic; }
nav a { margin-right: .8rem; }
"""
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def _html_inline(parts: Sequence[Segment]) -> str:
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(html.escape(part))
            continue
        style, text = part
        tag = {"b": "strong", "i": "em", "code": "code"}[style]
        out.append(f"<{tag}>{html.escape(text)}</{tag}>")
    return "".join(out)


def render_html(report: DyadReport, *, charts: Mapping[str, bytes] | None = None) -> str:
    """The report as one self-contained HTML page. charts: chart name -> PNG bytes (drawn here
    when not given)."""
    if charts is None:
        charts = {name: data for name in CHART_TITLES if (data := chart_bytes(report, name, "png")) is not None}
    title = html.escape(_title(report))
    body = [f"<h1>{title}</h1>",
            "<nav>" + "".join(f'<a href="#{a}">{html.escape(t)}</a>' for a, t in SECTIONS) + "</nav>"]
    open_section = False
    for block in _blocks(report):
        kind = block[0]
        if kind == "section":
            if open_section:
                body.append("</section>")
            body.append(f'<section id="{block[1]}"><h2>{html.escape(block[2])}</h2>')
            open_section = True
        elif kind == "h":
            body.append(f"<h{block[1]}>{html.escape(block[2])}</h{block[1]}>")
        elif kind == "p":
            body.append(f"<p>{_html_inline(block[1])}</p>")
        elif kind == "note":
            body.append(f'<p class="note">{_html_inline(block[1])}</p>')
        elif kind == "img":
            data = charts.get(block[1])
            if data is not None:
                encoded = base64.b64encode(data).decode("ascii")
                body.append(f'<figure><img alt="{html.escape(CHART_TITLES[block[1]])}" '
                            f'src="data:image/png;base64,{encoded}"></figure>')
        elif kind == "ul":
            items = []
            for head, subs in block[1]:
                inner = "".join(f"<li>{_html_inline(s)}</li>" for s in subs)
                items.append(f"<li>{_html_inline(head)}" + (f"<ul>{inner}</ul>" if inner else "") + "</li>")
            body.append("<ul>" + "".join(items) + "</ul>")
        elif kind == "table":
            headers, rows = block[1], block[2]
            head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
            cells = "".join("<tr>" + "".join(f"<td>{_html_inline(c)}</td>" for c in row) + "</tr>" for row in rows)
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table>")
    if open_section:
        body.append("</section>")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


# -- files -------------------------------------------------------------------------------------

def charts_folder(out: str | Path) -> Path:
    """Where the charts of a Markdown report go: ``report_files/`` beside ``report.md``."""
    out = Path(out)
    return out.with_name(f"{out.stem}_files")


def write_report(report: DyadReport, out: str | Path, *, fmt: str = "md",
                 image_format: str = "png") -> list[Path]:
    """Write the report to ``out`` (and, for Markdown, its charts beside it); returns every file written.

    fmt: ``md`` or ``html``. image_format: ``png`` or ``svg`` (Markdown charts; HTML always
    inlines PNG). The report file is written under a temporary name and renamed when complete.
    """
    assert fmt in ("md", "html"), "fmt must be md or html"
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if fmt == "md":
        folder = charts_folder(out)
        files = write_charts(report, folder, image_format)
        written += files.values()
        for stale in folder.iterdir():  # a chart of an earlier run that has nothing to show now
            if stale.stem in CHART_TITLES and stale not in written:
                stale.unlink()
        text = render_markdown(report, charts={name: f"{folder.name}/{p.name}" for name, p in files.items()})
    else:
        text = render_html(report)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    return [out, *written]
