"""A readable plain-text view of one stored document and everything found in it.

Reads the store only. Every finding is printed with the sentence it came from.
"""

from __future__ import annotations

import textwrap
from collections import Counter, defaultdict

from dyadwatch.records import Analysis, Document
from dyadwatch.store import Store


def _wrap(text: str, width: int, indent: str = "    ", hanging: str | None = None) -> str:
    return textwrap.fill(" ".join(text.split()), width=width, initial_indent=indent,
                         subsequent_indent=indent if hanging is None else hanging)


def _sentence_of(analysis: Analysis, start: int, end: int) -> tuple[int, int]:
    for s in analysis.sentences:
        if s.start <= start < s.end:
            return s.start, max(s.end, min(end, s.end))
    return start, end


def render_document(store: Store, doc_id: str, *, with_text: bool = False, width: int = 100) -> str:
    """The ``dyadwatch show`` view of one document."""
    doc = store.document(doc_id)
    analysis = store.analysis(doc_id)
    names = store.actor_names()
    out: list[str] = []
    add = out.append
    add(f"Document {doc.id}")
    add("=" * min(width, 60))
    add(f"  title      {doc.title or '(none in the text)'}")
    add(f"  outlet     {doc.outlet or '(not stated)'}")
    add(f"  authors    {', '.join(doc.authors) or '(not stated)'}")
    add(f"  published  {doc.published or 'unknown'} ({doc.published_basis})")
    add(f"  language   {doc.language or 'undetermined'}")
    sources = store.document_sources(doc.id)
    add(f"  source     {sources[0] if sources else doc.source}")
    for extra in sources[1:]:
        add(f"             {extra} (same text)")
    if doc.url:
        add(f"  url        {doc.url}")
    add(f"  length     {len(doc.text):,} characters, {len(analysis.sentences)} sentences")
    if doc.chrome:
        add(f"  chrome     {len(doc.chrome)} page-chrome line(s) left out of analysis:")
        for s, e in doc.chrome:
            add(_wrap(repr(doc.text[s:e]), width, "               "))
    if doc.meta_evidence:
        add("  metadata from:")
        for key, why in doc.meta_evidence.items():
            add(_wrap(f"{key}: {why}", width, "    - ", "      "))
    if analysis.skipped:
        add("")
        add(f"Not analysed: {analysis.skipped}")
    elif not doc.language and not analysis.analyzer:
        add("")
        add("Not analysed yet (ingested with --no-analyze).")
    _render_findings(out, doc, analysis, names, width)
    if with_text:
        add("")
        add("Text (⟦event trigger⟧ₙ refers to event n above; «actor mention»)")
        add("----")
        add(marked_text(doc.text, analysis))
    return "\n".join(out)


def marked_text(text: str, analysis: Analysis) -> str:
    """The text with event triggers and actor mentions marked in place."""
    marks: list[tuple[int, int, str]] = []  # (offset, order, inserted text)
    seen_triggers: dict[tuple[int, int], list[int]] = {}
    for n, e in enumerate(analysis.events, start=1):
        if e.trigger_start is not None and e.trigger_end is not None:
            seen_triggers.setdefault((e.trigger_start, e.trigger_end), []).append(n)
    taken: list[tuple[int, int]] = []
    for (s, e), numbers in seen_triggers.items():
        marks.append((s, 1, "⟦"))
        marks.append((e, 0, "⟧" + ",".join(str(n) for n in numbers)))
        taken.append((s, e))
    for m in analysis.mentions:
        if any(s < m.end and m.start < e for s, e in taken):
            continue
        marks.append((m.start, 1, "«"))
        marks.append((m.end, 0, f"»{m.code}"))
    out, last = [], 0
    for offset, _order, insert in sorted(marks):
        out.append(text[last:offset])
        out.append(insert)
        last = offset
    out.append(text[last:])
    return "".join(out)


def _render_findings(out: list[str], doc: Document, a: Analysis, names: dict[str, str], width: int) -> None:
    add = out.append
    text = doc.text

    add("")
    add(f"Actors ({len({m.code for m in a.mentions})})")
    if not a.mentions:
        add("    (none found)")
    by_code: dict[str, Counter[str]] = defaultdict(Counter)
    for m in a.mentions:
        by_code[m.code][f"'{m.text}' via {m.entry} [{m.dictionary}]"] += 1
    for code, why in sorted(by_code.items(), key=lambda kv: -sum(kv[1].values())):
        add(f"  {code:<6} {names.get(code, code)} — {sum(why.values())} mention(s)")
        for line, n in why.most_common(4):
            add(_wrap(f"{line}" + (f" ×{n}" if n > 1 else ""), width, "           "))

    add("")
    add(f"Events ({len(a.events)})")
    if not a.events:
        add("    (none found)")
    for n, e in enumerate(a.events, start=1):
        flags: list[str] = [e.modality]
        if e.negated:
            flags.insert(0, "NEGATED")
        if e.mode:
            flags.append(f"mode {e.mode}")
        intensity = f" intensity {e.intensity:+.1f}" if e.intensity is not None else ""
        add(f"  {n:>2}. {e.source} → {e.target}  {e.type}  [{', '.join(flags)}]  date {e.date or 'unknown'}"
            f"{intensity}  trigger '{e.trigger or ''}'")
        add(_wrap(f"“{text[e.start:e.end]}”", width))

    add("")
    add(f"Quotes ({len(a.quotes)})")
    if not a.quotes:
        add("    (none found)")
    for q in a.quotes:
        who = q.speaker or "unattributed"
        if q.speaker_actor:
            who += f" ({q.speaker_actor})"
        kind = "" if q.direct else " [reported]"
        add(f"  {who}{kind}, cue '{q.cue or ''}':")
        add(_wrap(f"“{q.text}”", width))

    add("")
    add(f"Figures ({len(a.figures)})")
    if not a.figures:
        add("    (none found)")
    for f in a.figures:
        value = f"{f.value:,.6g}" + (f"–{f.value_high:,.6g}" if f.value_high is not None else "")
        parts = [f"{f.qualifier + ' ' if f.qualifier else ''}{value} {f.unit}"]
        if f.measure:
            parts.append(f"measure: {f.measure}")
        if f.period:
            parts.append(f"period: {f.period}")
        add(f"  '{f.raw}' = " + "; ".join(parts))
        s, e = _sentence_of(a, f.start, f.end)
        add(_wrap(f"“{text[s:e]}”", width))

    add("")
    add(f"Claims ({len(a.claims)})")
    if not a.claims:
        add("    (none found)")
    for c in a.claims:
        add(f"  {c.id}" + (f" (attributed to {c.speaker})" if c.speaker else ""))
        add(_wrap(f"“{text[c.start:c.end]}”", width))

    add("")
    add(f"Stance ({len(a.stances)})")
    if not a.stances:
        add("    (none found)")
    for st in a.stances:
        add(f"  {st.dyad[0]}–{st.dyad[1]}: {st.label} (score {st.score:+.2f})")
        for s, e in st.evidence:
            add(_wrap(f"“{text[s:e]}”", width))
