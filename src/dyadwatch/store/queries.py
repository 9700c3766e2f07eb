"""Read queries over the store that the CLI, reports and notebooks share, returning typed views
(``EventItem``, ``QuoteItem``, ``FigureItem``, ``ClaimItem``), and the checks every value passes
before it reaches a read query, shared with the dashboard: one set, so a value the CLI takes is
one the dashboard takes.

Each check returns the value in the form the SQL wants (codes upper-cased) or raises
``InvalidInput``, which names the input, shows the value and says what was expected; the CLI
prints the message, the dashboard turns the same check into a 400 page (``dyadwatch.web.params``).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from dyadwatch.dictionaries.plover import codebook
from dyadwatch.errors import ConfigError, Errors

if TYPE_CHECKING:
    from dyadwatch.store.store import Store

__all__ = ["PLOVER_TYPES", "UNDATED", "ClaimItem", "EventItem", "FigureItem", "InvalidInput", "QuoteItem",
           "check_choice", "check_code", "check_date", "check_month", "check_type", "list_claims", "list_events",
           "list_figures", "list_quotes"]

#: the PLOVER event types, in the codebook's order
PLOVER_TYPES = codebook().type_names
#: the month value of rows without a date
UNDATED = "undated"

# \Z, not $: "CHN\n" is not a code
_CODE = re.compile(r"^[A-Za-z0-9+]{2,10}\Z")
_MONTH = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?\Z", re.ASCII)
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?\Z", re.ASCII)
_DATES = "a date as YYYY, YYYY-MM or YYYY-MM-DD"


class InvalidInput(ConfigError):
    """A value given to a query is not valid: ``name`` (the option or parameter), ``value`` and
    what was ``expected`` (a sentence)."""

    def __init__(self, name: str, value: str, expected: str) -> None:
        super().__init__(Errors.DW403.format(name=name, value=value, expected=expected))
        self.name, self.value, self.expected = name, value, expected


def check_code(value: str, name: str = "actor code") -> str:
    """An actor code (CHN, RUS, USA, NATO …), upper-cased."""
    if not _CODE.match(value):
        raise InvalidInput(name, value, "Expected a code such as CHN, RUS, USA or NATO.")
    return value.upper()


def check_date(value: str, name: str = "--since") -> str:
    """A date as YYYY, YYYY-MM or YYYY-MM-DD, of a month and day that exist."""
    if not _DATE.match(value):
        raise InvalidInput(name, value, f"Expected {_DATES}.")
    if len(value) == 10:
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            raise InvalidInput(name, value, f"That day does not exist; expected {_DATES}.") from None
    return value


def check_month(value: str, name: str = "month") -> str:
    """A month as YYYY-MM (YYYY for dates known only to the year), or ``UNDATED``."""
    if value == UNDATED or _MONTH.match(value):
        return value
    raise InvalidInput(name, value,
                       f"Expected a month as YYYY-MM (YYYY for dates known only to the year), or '{UNDATED}'.")


def check_type(value: str, name: str = "--type") -> str:
    """A PLOVER event type, upper-cased."""
    if value.upper() not in PLOVER_TYPES:
        raise InvalidInput(name, value, "Expected a PLOVER type: " + ", ".join(PLOVER_TYPES) + ".")
    return value.upper()


def check_choice(value: str, name: str, choices: Sequence[str]) -> str:
    if value not in choices:
        raise InvalidInput(name, value, "Expected one of: " + ", ".join(choices) + ".")
    return value


# -- typed views --------------------------------------------------------------------------------

class _Item:
    def as_dict(self) -> dict[str, Any]:
        """The item as a JSON-ready dict, its fields in order (the CLI's JSON and CSV)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True)
class EventItem(_Item):
    """An event with its document and evidence sentence (``list_events``)."""

    document_id: str
    document_source: str
    outlet: str | None
    source: str
    target: str
    type: str
    mode: str | None
    negated: bool
    modality: str
    date: str | None
    intensity: float | None
    trigger: str | None
    confidence: float | None
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class QuoteItem(_Item):
    """A quote with its speaker and sentence (``list_quotes``)."""

    document_id: str
    document_source: str
    published: str | None
    speaker: str | None
    speaker_actor: str | None
    direct: bool
    cue: str | None
    text: str
    start: int
    end: int
    sentence: str | None


@dataclass(frozen=True)
class FigureItem(_Item):
    """A figure with its value, unit and sentence (``list_figures``)."""

    document_id: str
    document_source: str
    published: str | None
    raw: str
    value: float
    value_high: float | None
    unit: str
    qualifier: str | None
    measure: str | None
    period: str | None
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class ClaimItem(_Item):
    """A claim (a checkable sentence) with its speaker (``list_claims``)."""

    id: str
    document_id: str
    document_source: str
    published: str | None
    outlet: str | None
    speaker: str | None
    polarity: int
    actors: list[str]
    start: int
    end: int
    sentence: str


# -- lists ----------------------------------------------------------------------------------------

def list_events(store: Store, *, dyad: tuple[str, str] | None = None, types: tuple[str, ...] = (),
                since: str | None = None, until: str | None = None, directed: bool = False,
                limit: int | None = None) -> list[EventItem]:
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
    return [EventItem(
        document_id=r["document_id"], document_source=r["document_source"], outlet=r["outlet"], source=r["source"],
        target=r["target"], type=r["type"], mode=r["mode"], negated=bool(r["negated"]), modality=r["modality"],
        date=r["date"], intensity=r["intensity"], trigger=r["trigger"], confidence=r["confidence"], start=r["start"],
        end=r["end"], sentence=r["sentence"]) for r in store.execute(sql, params)]


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
                until: str | None = None, limit: int | None = None) -> list[QuoteItem]:
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
    return [QuoteItem(document_id=r["document_id"], document_source=r["document_source"], published=r["published"],
                      speaker=r["speaker"], speaker_actor=r["speaker_actor"], direct=bool(r["direct"]), cue=r["cue"],
                      text=r["text"], start=r["start"], end=r["end"], sentence=r["sentence"])
            for r in store.execute(sql, params)]


def list_figures(store: Store, *, dyad: tuple[str, str] | None = None, unit: str | None = None,
                 measure: str | None = None, since: str | None = None, until: str | None = None,
                 limit: int | None = None) -> list[FigureItem]:
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
    return [FigureItem(document_id=r["document_id"], document_source=r["document_source"], published=r["published"],
                       raw=r["raw"], value=r["value"], value_high=r["value_high"], unit=r["unit"],
                       qualifier=r["qualifier"], measure=r["measure"], period=r["period"], start=r["start"],
                       end=r["end"], sentence=r["sentence"]) for r in store.execute(sql, params)]


def list_claims(store: Store, *, dyad: tuple[str, str] | None = None, actor: str | None = None,
                since: str | None = None, until: str | None = None, limit: int | None = None) -> list[ClaimItem]:
    """Claims (checkable sentences) with their speaker and normalised form."""
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
    return [ClaimItem(id=r["id"], document_id=r["document_id"], document_source=r["document_source"],
                      published=r["published"], outlet=r["outlet"], speaker=r["speaker"], polarity=r["polarity"],
                      actors=json.loads(r["actors"]), start=r["start"], end=r["end"], sentence=r["sentence"])
            for r in store.execute(sql, params)]
