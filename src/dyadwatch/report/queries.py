"""Queries over the store that the CLI, reports and notebooks share (read-only)."""

from __future__ import annotations

import re
from typing import Any

from dyadwatch.errors import ConfigError, Errors
from dyadwatch.store import Store

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CODE = re.compile(r"^[A-Za-z0-9+]{2,10}$")


def check_code(code: str, what: str = "actor code") -> str:
    if not _CODE.match(code):
        raise ConfigError(Errors.DW403.format(name=what, value=code,
                                              expected="Expected a code such as CHN, RUS, USA or NATO."))
    return code.upper()


def check_date(value: str, what: str = "--since") -> str:
    if not _DATE.match(value):
        raise ConfigError(Errors.DW403.format(name=what, value=value,
                                              expected="Expected a date as YYYY, YYYY-MM or YYYY-MM-DD."))
    return value


def list_events(store: Store, *, dyad: tuple[str, str] | None = None, types: tuple[str, ...] = (),
                since: str | None = None, until: str | None = None, directed: bool = False,
                limit: int | None = None) -> list[dict[str, Any]]:
    """Events with their evidence sentence and document, newest first.

    dyad: only events between these two actors (either direction unless ``directed``).
    types: only these PLOVER types. since/until: event date bounds (undated events are left
    out when a bound is given).
    """
    where, params = [], []
    if dyad:
        a, b = check_code(dyad[0]), check_code(dyad[1])
        if directed:
            where.append("e.source = ? AND e.target = ?")
            params += [a, b]
        else:
            where.append("((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))")
            params += [a, b, b, a]
    if types:
        bad = [t for t in types if t.upper() not in PLOVER_TYPES]
        if bad:
            raise ConfigError(Errors.DW403.format(name="--type", value=bad[0],
                                                  expected="Expected one of " + ", ".join(PLOVER_TYPES) + "."))
        where.append(f"e.type IN ({','.join('?' * len(types))})")
        params += [t.upper() for t in types]
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
