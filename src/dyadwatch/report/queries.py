"""Queries over the store that the CLI, reports and notebooks share (read-only); their inputs pass
the checks of ``dyadwatch.store.queries``, the dashboard's too."""

from __future__ import annotations

from typing import Any

from dyadwatch.store import Store
from dyadwatch.store.queries import PLOVER_TYPES, check_code, check_date, check_type

__all__ = ["PLOVER_TYPES", "check_code", "check_date", "list_claims", "list_events", "list_figures", "list_quotes"]

def list_events(store: Store, *, dyad: tuple[str, str] | None = None, types: tuple[str, ...] = (),
                since: str | None = None, until: str | None = None, directed: bool = False,
                limit: int | None = None) -> list[dict[str, Any]]:
    """Events with their evidence sentence and document, newest first.

    dyad: only events between these two actors (either direction unless ``directed``).
    types: only these PLOVER types. since/until: event date bounds (undated events are left
    out when a bound is given).
    """
    where: list[str] = []
    params: list[str | int] = []
    if dyad:
        a, b = check_code(dyad[0]), check_code(dyad[1])
        if directed:
            where.append("e.source = ? AND e.target = ?")
            params += [a, b]
        else:
            where.append("((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))")
            params += [a, b, b, a]
    if types:
        where.append(f"e.type IN ({','.join('?' * len(types))})")
        params += [check_type(t) for t in types]
    if since:
        where.append("e.date >= ?")
        params.append(check_date(since))
    if until:
        where.append("e.date IS NOT NULL AND substr(e.date, 1, ?) <= ?")
        params += [len(check_date(until, "--until")), until]
    sql = (
        "SELECT e.*, d.source AS document_source, d.title AS document_title, d.outlet AS outlet, "
        "substr(d.text, e.start + 1, e.\"end\" - e.start) AS sentence "
        "FROM events e JOIN documents d ON d.id = e.document_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY coalesce(e.date, d.published, '') DESC, e.document_id, e.start, e.id"
        + (" LIMIT ?" if limit else "")
    )
    if limit:
        params.append(limit)
    out = []
    for r in store.execute(sql, params):
        out.append({
            "document_id": r["document_id"], "document_source": r["document_source"], "outlet": r["outlet"],
            "source": r["source"], "target": r["target"], "type": r["type"], "mode": r["mode"],
            "negated": bool(r["negated"]), "modality": r["modality"], "date": r["date"],
            "intensity": r["intensity"], "trigger": r["trigger"], "confidence": r["confidence"],
            "start": r["start"], "end": r["end"], "sentence": r["sentence"],
        })
    return out


def _mentions_filter(alias: str, start: str, end: str, codes: tuple[str, ...]) -> tuple[str, list[str]]:
    """SQL requiring each code to be mentioned between ``start`` and ``end`` of a row."""
    parts, params = [], []
    for code in codes:
        parts.append(f"EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = {alias}.document_id "
                     f"AND m.code = ? AND m.start >= {start} AND m.start < {end})")
        params.append(check_code(code))
    return " AND ".join(parts), params


def _document_date_filter(since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append("d.published IS NOT NULL AND d.published >= ?")
        params.append(check_date(since))
    if until:
        where.append("d.published IS NOT NULL AND substr(d.published, 1, ?) <= ?")
        params += [len(check_date(until, "--until")), until]
    return where, params


def list_quotes(store: Store, *, dyad: tuple[str, str] | None = None, actor: str | None = None,
                speaker: str | None = None, direct: bool | None = None, since: str | None = None,
                until: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Quotes with speaker, the state the speaker acts for, cue and the sentence around them.

    dyad: quotes whose sentence mentions both actors, or whose speaker acts for one of them
    and whose sentence mentions the other. actor: quotes by someone acting for this actor.
    since/until: bounds on the document's publication date.
    """
    where, params = _document_date_filter(since, until)
    if actor:
        where.append("q.speaker_actor = ?")
        params.append(check_code(actor))
    if speaker:
        where.append("q.speaker LIKE ?")
        params.append(f"%{speaker}%")
    if direct is not None:
        where.append("q.direct = ?")
        params.append(int(direct))
    if dyad:
        a, b = check_code(dyad[0]), check_code(dyad[1])
        both, p_both = _mentions_filter("q", "s.start", 's."end"', (a, b))
        one_a, p_a = _mentions_filter("q", "s.start", 's."end"', (b,))
        one_b, p_b = _mentions_filter("q", "s.start", 's."end"', (a,))
        where.append(f"(({both}) OR (q.speaker_actor = ? AND {one_a}) OR (q.speaker_actor = ? AND {one_b}))")
        params += p_both + [a] + p_a + [b] + p_b
    sql = (
        "SELECT q.*, d.source AS document_source, d.published AS published, "
        "substr(d.text, s.start + 1, s.\"end\" - s.start) AS sentence "
        "FROM quotes q JOIN documents d ON d.id = q.document_id "
        "LEFT JOIN sentences s ON s.document_id = q.document_id AND s.start <= q.start AND q.start < s.\"end\""
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY coalesce(d.published, '') DESC, q.document_id, q.start" + (" LIMIT ?" if limit else ""))
    if limit:
        params.append(limit)
    return [{"document_id": r["document_id"], "document_source": r["document_source"], "published": r["published"],
             "speaker": r["speaker"], "speaker_actor": r["speaker_actor"], "direct": bool(r["direct"]),
             "cue": r["cue"], "text": r["text"], "start": r["start"], "end": r["end"], "sentence": r["sentence"]}
            for r in store.execute(sql, params)]


def list_figures(store: Store, *, dyad: tuple[str, str] | None = None, unit: str | None = None,
                 measure: str | None = None, since: str | None = None, until: str | None = None,
                 limit: int | None = None) -> list[dict[str, Any]]:
    """Figures with value, unit, what they measure, their period and sentence."""
    where, params = _document_date_filter(since, until)
    if unit:
        where.append("lower(f.unit) = lower(?)")
        params.append(unit)
    if measure:
        where.append("f.measure LIKE ?")
        params.append(f"%{measure}%")
    if dyad:
        cond, p = _mentions_filter("f", "f.sentence_start", "f.sentence_end", (dyad[0], dyad[1]))
        where.append(cond)
        params += p
    sql = (
        "SELECT f.*, d.source AS document_source, d.published AS published, "
        "substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) AS sentence "
        "FROM figures f JOIN documents d ON d.id = f.document_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY coalesce(f.period, d.published, '') DESC, f.document_id, f.start" + (" LIMIT ?" if limit else ""))
    if limit:
        params.append(limit)
    return [{"document_id": r["document_id"], "document_source": r["document_source"], "published": r["published"],
             "raw": r["raw"], "value": r["value"], "value_high": r["value_high"], "unit": r["unit"],
             "qualifier": r["qualifier"], "measure": r["measure"], "period": r["period"], "start": r["start"],
             "end": r["end"], "sentence": r["sentence"]} for r in store.execute(sql, params)]


def list_claims(store: Store, *, dyad: tuple[str, str] | None = None, actor: str | None = None,
                since: str | None = None, until: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Claims (checkable sentences) with their speaker and normalised form."""
    import json

    where, params = _document_date_filter(since, until)
    if actor:
        cond, p = _mentions_filter("c", "c.start", 'c."end"', (actor,))
        where.append(cond)
        params += p
    if dyad:
        cond, p = _mentions_filter("c", "c.start", 'c."end"', (dyad[0], dyad[1]))
        where.append(cond)
        params += p
    sql = (
        "SELECT c.*, d.source AS document_source, d.published AS published, d.outlet AS outlet, "
        "substr(d.text, c.start + 1, c.\"end\" - c.start) AS sentence "
        "FROM claims c JOIN documents d ON d.id = c.document_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY coalesce(d.published, '') DESC, c.document_id, c.start" + (" LIMIT ?" if limit else ""))
    if limit:
        params.append(limit)
    return [{"id": r["id"], "document_id": r["document_id"], "document_source": r["document_source"],
             "published": r["published"], "outlet": r["outlet"], "speaker": r["speaker"], "polarity": r["polarity"],
             "actors": json.loads(r["actors"]), "start": r["start"], "end": r["end"], "sentence": r["sentence"]}
            for r in store.execute(sql, params)]
