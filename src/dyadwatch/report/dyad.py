"""The assessment of one dyad: everything the store knows about how A and B relate, as plain data.

``build_dyad_report(store, "CHN", "RUS")`` returns a ``DyadReport`` (rendered by
``dyadwatch.report.render``; ``as_dict()`` for JSON) with:

- **documents** covering the pair (mentioning both actors, or reporting an event between them)
  and how many **independent sources** they are (near-duplicate copies count once);
- **activity by month** for each direction: events reported, how many of them actual and not
  negated, their mean intensity (Goldstein-style, −10 … +10) and their PLOVER quad;
- **types and quads**: event counts by PLOVER type and quad for each direction;
- **asymmetry** between the directions: counts, mean intensity, cooperative share;
- **stance** of each source over time (publication date, outlet, label, score, evidence);
- the **ledger** of terms (``dyadwatch.report.ledger``);
- **key figures**: figures in sentences that mention both actors;
- **confirmed** stories (one real-world event reported by at least two independent sources) and
  agreements between sources, and **contradictions** side by side, each with both sentences,
  their sources and the reason.

PLOVER quads (the codebook's grouping of its 16 types)::

    verbal cooperation    AGREE CONSULT SUPPORT CONCEDE
    material cooperation  COOPERATE AID RETREAT
    verbal conflict       REQUEST ACCUSE REJECT THREATEN
    material conflict     PROTEST SANCTION MOBILIZE COERCE ASSAULT

The cooperative share of a direction is the share of its actual, non-negated events in the two
cooperation quads.

Events are dated by their own date, else by their document's publication date; events with no
date precise to the month are counted as undated. The counts by month, type and direction come
from the store's dyad aggregates (``dyad_months``, kept up to date as events are written), so
they cost a few hundred rows however many events a pair has; a mean intensity is computed from
the exact sum (the aggregates keep it in millionths). Counts are of reports: an event told by three
articles counts three times here, once in the confirmed stories. Every statement points to its
evidence: a document id and the sentence. Reads the store only, through indexed queries; lists
that could grow with the store are capped (the caps are in the result).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import types
import typing
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from dyadwatch.dictionaries.plover import codebook
from dyadwatch.errors import ConfigError, Errors
from dyadwatch.report.ledger import (
    LedgerBuilder, has_built_ledgers, has_event_terms, iter_pair_events, organisation_codes, read_ledger,
)
from dyadwatch.report.ledger import built_ledger as built_ledger_of
from dyadwatch.store.queries import PLOVER_TYPES, RelationItem, check_code, check_date, list_relations
from dyadwatch.store.queries.dyad import (
    dyad_aggregate_documents, dyad_documents, dyad_figures, dyad_month_counts, dyad_stances,
    dyad_stories, has_rows, has_table, story_events,
)
from dyadwatch.store.queries.pages import document_texts
from dyadwatch.store import Store

__all__ = ["QUADS", "QUAD_OF", "Asymmetry", "AsymmetryDifference", "AsymmetrySide", "Confirmed", "Contradictions",
           "ConfirmedStory", "DirectionSummary", "DyadDocuments", "DyadEvents", "DyadPair", "DyadReport", "DyadStances", "EvidenceSentence",
           "LedgerSummary", "ListedDocument", "MonthActivity", "SourceStance", "StoryEvidence", "build_dyad_report"]

#: PLOVER quads, in order, with their types
QUADS: tuple[tuple[str, tuple[str, ...]], ...] = codebook().quad_types
QUAD_OF = codebook().quad_of
COOPERATIVE_QUADS = frozenset({"verbal cooperation", "material cooperation"})

#: caps on lists that grow with the store (the totals are always given)
LIMITS = {"documents": 500, "stances": 300, "figures": 50, "stories": 50, "relations": 50}


@dataclass(frozen=True)
class DyadPair:
    """The two actors' codes and names (None when the store knows no name)."""

    a: str
    b: str
    a_name: str | None
    b_name: str | None


@dataclass(frozen=True)
class ListedDocument:
    """A document about the pair, with the first document of its group of copies
    (``independent_source``: itself when it is no copy)."""

    document_id: str
    title: str | None
    outlet: str | None
    document_source: str
    published: str | None
    independent_source: str


@dataclass(frozen=True)
class EvidenceSentence:
    """A sentence of a document, by its offsets in the text."""

    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class SourceStance:
    """One document's stance on the pair, with its document and up to three evidence sentences."""

    document_id: str
    outlet: str | None
    title: str | None
    document_source: str
    published: str | None
    independent_source: str
    label: str
    score: float
    evidence: list[EvidenceSentence]

    def as_evidence(self, sentence: EvidenceSentence) -> dict[str, Any]:
        """One of its sentences as the report cites evidence (the stance's document fields, the
        sentence, no event date)."""
        return {**_plain(self), "sentence": sentence.sentence, "date": None}


@dataclass(frozen=True)
class DyadDocuments:
    """The documents about the pair: how many, from how many independent sources, the span of
    their publication dates, how many are undated, and the first ``limits["documents"]``."""

    count: int
    independent_sources: int
    published_from: str | None
    published_to: str | None
    undated: int
    list: list[ListedDocument]


@dataclass(frozen=True)
class DyadEvents:
    """The pair's events: how many, per direction, and per direction those without a date
    precise to the month (``undated``) or without any date (``no_date``)."""

    total: int
    by_direction: dict[str, int]
    undated: dict[str, int]
    no_date: dict[str, int]


@dataclass(frozen=True)
class DyadStances:
    """The documents' stances on the pair: how many, the most recent rows (oldest first) and
    how many of each label among them."""

    count: int
    rows: list[SourceStance]
    labels: dict[str, int]


@dataclass(frozen=True)
class LedgerSummary:
    """How many terms the ledger holds, and how many of them are confirmed by independent
    sources or disputed between sources."""

    entries: int
    confirmed: int
    disputed: int


@dataclass(frozen=True)
class StoryEvidence:
    """One report of a story: the event, its document and its sentence."""

    event_id: int
    document_id: str
    outlet: str | None
    published: str | None
    title: str | None
    document_source: str
    independent_source: str
    date: str | None
    trigger: str | None
    modality: str
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class ConfirmedStory:
    """A story told by several independent sources: its act, its commonest modality, date,
    counts, a label (``CHN→RUS AGREE``) and up to five reports."""

    story_id: int
    source: str
    target: str
    type: str
    negated: bool
    modality: str
    date: str | None
    reports: int
    independent_sources: int
    label: str
    evidence: list[StoryEvidence]


@dataclass(frozen=True)
class Confirmed:
    """Stories told by several independent sources and agreements between sources."""

    stories: list[ConfirmedStory]
    agreements: list[RelationItem]
    agreements_total: int


@dataclass(frozen=True)
class Contradictions:
    """Contradictions between sources: the strongest rows and how many in all."""

    rows: list[RelationItem]
    total: int


@dataclass(frozen=True)
class DirectionSummary:
    """The events of one direction (over the period, or in one month): how many, how many actual
    and not negated, how many negated, the mean intensity of the actual ones (None when none
    has one), actual events per PLOVER quad (every quad, in order), the share of them in the two
    cooperation quads (None when there is no actual event) and events per modality."""

    events: int
    actual: int
    negated: int
    mean_intensity: float | None
    quads: dict[str, int]
    cooperative_share: float | None
    modalities: dict[str, int]


@dataclass(frozen=True)
class MonthActivity:
    """One month (``YYYY-MM``) with each direction's summary, by direction."""

    month: str
    directions: dict[str, DirectionSummary]


@dataclass(frozen=True)
class AsymmetrySide:
    """One direction's side of the asymmetry table."""

    events: int
    actual: int
    negated: int
    mean_intensity: float | None
    cooperative_share: float | None


@dataclass(frozen=True)
class AsymmetryDifference:
    """The first direction's figure minus the second's (None when either is unknown)."""

    events: float | None
    actual: float | None
    mean_intensity: float | None
    cooperative_share: float | None


@dataclass(frozen=True)
class Asymmetry:
    """Both directions side by side, by direction, and their difference."""

    directions: dict[str, AsymmetrySide]
    difference: AsymmetryDifference


@dataclass(frozen=True)
class DyadReport:
    """What ``build_dyad_report`` finds (see the module docstring); each part is JSON-ready
    (``as_dict`` gives the whole, ``from_dict`` takes it back), and read by attribute:
    ``report.documents.count``."""

    pair: DyadPair
    since: str | None
    until: str | None
    #: ``["A→B", "B→A"]``, the keys of the per-direction parts
    directions: list[str]
    #: the caps on listed items (``LIMITS`` and the caller's)
    limits: dict[str, int]
    documents: DyadDocuments
    events: DyadEvents
    #: the months with events dated to the month, oldest first
    monthly: list[MonthActivity]
    #: direction -> PLOVER type -> ``{"events", "actual"}``
    by_type: dict[str, dict[str, dict[str, int]]]
    #: direction -> its summary over the period
    totals: dict[str, DirectionSummary]
    asymmetry: Asymmetry
    stances: DyadStances
    #: the ledger of terms (``dyadwatch.store.ledger``)
    ledger: dict[str, Any]
    ledger_summary: LedgerSummary
    figures: list[dict[str, Any]]
    confirmed: Confirmed
    contradictions: Contradictions
    #: why a part is empty, by part
    notes: dict[str, str]

    def as_dict(self) -> dict[str, Any]:
        """The whole report as one JSON-ready dict: each part a dict of its fields, in order."""
        return _plain(self)

    @classmethod
    def from_dict(cls, whole: Mapping[str, Any]) -> DyadReport:
        """The report ``as_dict`` gave."""
        return _from_plain(cls, whole)


def _plain(value: Any) -> Any:
    """A report part as JSON-ready data: a dataclass as a dict of its fields, in order, and the
    lists and dicts that hold them likewise; anything else as it is."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _from_plain(hint: Any, value: Any) -> Any:
    """``value`` (as ``_plain`` gave it) as the type ``hint`` declares: dataclasses built field by
    field, lists and dicts item by item."""
    if value is None:
        return None
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return hint(**{k: _from_plain(hints[k], v) for k, v in value.items()})
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _from_plain(next(a for a in args if a is not type(None)), value)
    if origin is list:
        return [_from_plain(args[0], v) for v in value]
    if origin is dict:
        return {k: _from_plain(args[1], v) for k, v in value.items()}
    return value


def _direction(source: str, target: str) -> str:
    return f"{source}→{target}"


class _Activity:
    """Counts per month, type and direction: from the store's dyad aggregates (``dyad_months``,
    kept up to date as events are written), or from the pair's events one by one when a date
    bound is finer than a month."""

    def __init__(self, a: str, b: str) -> None:
        self.dirs = (_direction(a, b), _direction(b, a))
        self.months: dict[str, dict[str, dict[str, Any]]] = {}
        self.types: dict[str, dict[str, Counter[str]]] = {d: defaultdict(Counter) for d in self.dirs}
        self.totals: dict[str, dict[str, Any]] = {d: self._blank() for d in self.dirs}
        self.undated: Counter[str] = Counter()
        self.no_date: Counter[str] = Counter()
        self.documents: set[str] = set()

    @staticmethod
    def _blank() -> dict[str, Any]:
        return {"events": 0, "actual": 0, "negated": 0, "intensity_sum": 0.0, "intensity_n": 0,
                "quads": Counter(), "modalities": Counter()}

    @staticmethod
    def _count(bucket: dict[str, Any], n: int, type_: str, modality: str, negated: bool, actual: bool,
               intensity_sum: float, intensity_n: int) -> None:
        bucket["events"] += n
        bucket["negated"] += n * int(negated)
        bucket["modalities"][modality] += n
        if actual:
            bucket["actual"] += n
            bucket["quads"][QUAD_OF.get(type_, "other")] += n
            if intensity_n:
                bucket["intensity_sum"] += intensity_sum
                bucket["intensity_n"] += intensity_n

    def add_events(self, source: str, target: str, when: str | None, type_: str, modality: str, negated: bool,
                   n: int, intensity_sum: float, intensity_n: int) -> None:
        """``n`` events of one direction, month (``when``: a date or month; empty when undated),
        type, modality and negation, with the sum of their intensities and how many had one."""
        d = _direction(source, target)
        actual = modality == "actual" and not negated
        self._count(self.totals[d], n, type_, modality, negated, actual, intensity_sum, intensity_n)
        counts = self.types[d][type_]
        counts["events"] += n
        counts["actual"] += n * int(actual)
        if not when or len(when) < 7:
            self.undated[d] += n
            if not when:
                self.no_date[d] += n
            return
        month = self.months.get(when[:7])
        if month is None:
            month = self.months[when[:7]] = {x: self._blank() for x in self.dirs}
        self._count(month[d], n, type_, modality, negated, actual, intensity_sum, intensity_n)

    def add(self, row: Mapping[str, Any]) -> None:
        """One event (a row of ``iter_pair_events``)."""
        self.documents.add(row["document_id"])
        intensity = row["intensity"]
        self.add_events(row["source"], row["target"], row["effective_date"], row["type"], row["modality"],
                        bool(row["negated"]), 1, intensity or 0.0, int(intensity is not None))

    def read(self, store: Store, a: str, b: str, since: str | None, until: str | None) -> None:
        """Everything from the dyad aggregates (bounds of a year or a month only)."""
        for r in dyad_month_counts(store, a, b, since, until):
            self.add_events(r.source, r.target, r.month, r.type, r.modality, bool(r.negated), r.events,
                            r.intensity_micro / 1_000_000, r.intensity_n)
        self.documents.update(dyad_aggregate_documents(store, a, b, since, until))


def _has_aggregates(store: Store) -> bool:
    return has_table(store, "dyad_months")


def _by_month(bound: str | None) -> bool:
    return bound is None or len(bound) <= 7


def _summarise(bucket: Mapping[str, Any]) -> DirectionSummary:
    n = bucket["intensity_n"]
    actual = bucket["actual"]
    cooperative = sum(v for q, v in bucket["quads"].items() if q in COOPERATIVE_QUADS)
    return DirectionSummary(
        events=bucket["events"], actual=actual, negated=bucket["negated"],
        mean_intensity=round(bucket["intensity_sum"] / n, 2) if n else None,
        quads={q: bucket["quads"].get(q, 0) for q, _ in QUADS},
        cooperative_share=round(cooperative / actual, 3) if actual else None,
        modalities=dict(bucket["modalities"]),
    )


def _documents(store: Store, a: str, b: str, event_docs: Iterable[str], since: str | None,
               until: str | None) -> list[ListedDocument]:
    out = [ListedDocument(document_id=r.id, title=r.title, outlet=r.outlet, document_source=r.source,
                          published=r.published, independent_source=r.source_group)
           for r in dyad_documents(store, a, b, event_docs, since, until)]
    out.sort(key=lambda d: (d.published or "", d.document_id), reverse=True)
    return out


def _stances(store: Store, a: str, b: str, since: str | None, until: str | None,
             limit: int) -> tuple[list[SourceStance], int]:
    rows = dyad_stances(store, a, b, since, until)
    total = len(rows)
    rows = rows[:limit]
    texts = document_texts(store, (r.document_id for r in rows))
    out = []
    for r in rows:
        text = texts.get(r.document_id, "")
        spans = [(int(s), int(e)) for s, e in json.loads(r.evidence or "[]")][:3]
        out.append(SourceStance(
            document_id=r.document_id, outlet=r.outlet, title=r.title,
            document_source=r.source, published=r.published, independent_source=r.source_group,
            label=r.label, score=r.score,
            evidence=[EvidenceSentence(start=s, end=e, sentence=text[s:e]) for s, e in spans],
        ))
    out.reverse()  # oldest first, as a timeline reads
    return out, total


def _figures(store: Store, a: str, b: str, since: str | None, until: str | None, limit: int) -> list[dict[str, Any]]:
    return [f.as_dict() for f in dyad_figures(store, a, b, since, until, limit)]


def _stories(store: Store, a: str, b: str, since: str | None, until: str | None, limit: int) -> list[ConfirmedStory]:
    stories = dyad_stories(store, a, b, since, until, limit)
    out = []
    for st in stories:
        evidence: list[StoryEvidence] = []
        seen: set[tuple[str, int]] = set()
        modalities: Counter[str] = Counter()
        for r in story_events(store, st.id):
            modalities[r.modality] += 1
            if (r.document_id, r.start) in seen or len(evidence) >= 5:
                continue
            seen.add((r.document_id, r.start))
            evidence.append(StoryEvidence(event_id=r.id, document_id=r.document_id, outlet=r.outlet,
                                          published=r.published, title=r.title, document_source=r.document_source,
                                          independent_source=r.source_group, date=r.date, trigger=r.trigger,
                                          modality=r.modality, start=r.start, end=r.end, sentence=r.sentence))
        modality = modalities.most_common(1)[0][0] if modalities else "actual"
        label = f"{st.source}→{st.target} {'not ' if st.negated else ''}{st.type}"
        if modality != "actual":
            label += f" ({modality})"
        out.append(ConfirmedStory(story_id=st.id, source=st.source, target=st.target, type=st.type,
                                  negated=bool(st.negated), modality=modality, date=st.date, reports=st.reports,
                                  independent_sources=st.independent_sources, label=label, evidence=evidence))
    return out


def _relations(store: Store, a: str, b: str, relation: str, since: str | None, until: str | None,
               limit: int) -> tuple[list[RelationItem], int]:
    rows = list_relations(store, relation=relation, dyad=(a, b))
    if since or until:
        def inside(published: str | None) -> bool:
            if not published:
                return False
            return (not since or published >= since) and (not until or published[:len(until)] <= until)
        rows = [r for r in rows if inside(r.a_published) or inside(r.b_published)]
    return rows[:limit], len(rows)


def build_dyad_report(store: Store, a: str, b: str, since: str | None = None, until: str | None = None, *,
                      limits: Mapping[str, int] | None = None) -> DyadReport:
    """Everything the store says about how ``a`` and ``b`` relate (see the module docstring).

    since/until: YYYY, YYYY-MM or YYYY-MM-DD bounds on event dates (else publication dates) and
    on documents' publication dates; undated items are left out when a bound is given.
    limits: caps on the listed documents, stances, figures, stories and relations
    (``LIMITS`` by default).

    >>> report = build_dyad_report(store, "CHN", "RUS")
    >>> report.documents.count, report.documents.independent_sources
    (3, 3)
    """
    a, b = check_code(a, "A"), check_code(b, "B")
    if a == b:
        raise ConfigError(Errors.DW403.format(name="B", value=b, expected="Expected two different actor codes."))
    if since:
        check_date(since)
    if until:
        check_date(until, "--until")
    caps = {**LIMITS, **(limits or {})}
    from dyadwatch.dictionaries import actor_name

    names = store.actor_names()
    name = {c: names.get(c) if names.get(c) not in (None, c) else actor_name(c) for c in (a, b)}

    activity = _Activity(a, b)
    # a store opened read-only before migration m007 has no aggregates: count event by event
    by_month = _by_month(since) and _by_month(until) and _has_aggregates(store)
    if by_month:
        activity.read(store, a, b, since, until)
    # the ledger as the store keeps it built (a large pair, over all dates), else from the terms
    # stored with each event, else classified event by event
    built_ledger = None
    if since is None and until is None and has_built_ledgers(store):
        built_ledger = built_ledger_of(store, a, b)
    if built_ledger is None and has_event_terms(store):
        built_ledger = read_ledger(store, a, b, since=since, until=until)
    ledger = LedgerBuilder(a, b, organisations=organisation_codes(store)) if built_ledger is None else None
    if ledger is not None or not by_month:
        for row in iter_pair_events(store, a, b, since=since, until=until):
            if not by_month:  # a bound inside a month: the aggregates cannot split it
                activity.add(row)
            if ledger is not None:
                ledger.add(row)
    dirs = activity.dirs

    documents = _documents(store, a, b, activity.documents, since, until)
    stances, stance_total = _stances(store, a, b, since, until, caps["stances"])
    agreements, agreement_total = _relations(store, a, b, "agree", since, until, caps["relations"])
    contradictions, contradiction_total = _relations(store, a, b, "contradict", since, until, caps["relations"])
    stories = _stories(store, a, b, since, until, caps["stories"])
    if built_ledger is None:
        assert ledger is not None
        built_ledger = ledger.build(store)

    totals = {d: _summarise(activity.totals[d]) for d in dirs}
    monthly = [MonthActivity(month=m, directions={d: _summarise(v[d]) for d in dirs})
               for m, v in sorted(activity.months.items())]
    by_type = {d: {t: dict(activity.types[d][t]) for t in PLOVER_TYPES if t in activity.types[d]} for d in dirs}
    first, second = totals[dirs[0]], totals[dirs[1]]

    def diff(key: str) -> float | None:
        x, y = getattr(first, key), getattr(second, key)
        return None if x is None or y is None else round(x - y, 3)

    notes: dict[str, str] = {}
    if not first.events and not second.events:
        notes["events"] = f"No events between {a} and {b}" + (" in this period." if since or until else ".")
    if not stance_total:
        notes["stance"] = ("The stances table is empty: no document has a stance yet (the stance component "
                           "has not run on these documents)." if not has_rows(store, "stances")
                           else f"No document states a stance on {a}–{b}.")
    if not agreement_total and not contradiction_total:
        notes["relations"] = ("The relations table is empty: cross-document comparison "
                              "(dyadwatch.compare.compare_store) has not been run."
                              if not has_rows(store, "relations")
                              else f"No agreement or contradiction between sources about {a}–{b}.")
    if not has_rows(store, "document_groups"):
        notes["sources"] = ("Near-duplicate groups have not been computed (comparison not run): every document "
                            "counts as an independent source.")

    entries = built_ledger["entries"]
    return DyadReport(
        pair=DyadPair(a=a, b=b, a_name=name[a], b_name=name[b]),
        since=since, until=until, directions=list(dirs),
        limits=caps,
        documents=DyadDocuments(
            count=len(documents), independent_sources=len({d.independent_source for d in documents}),
            published_from=min((d.published for d in documents if d.published), default=None),
            published_to=max((d.published for d in documents if d.published), default=None),
            undated=sum(1 for d in documents if not d.published),
            list=documents[:caps["documents"]],
        ),
        events=DyadEvents(
            total=first.events + second.events,
            by_direction={d: totals[d].events for d in dirs},
            undated=dict(activity.undated), no_date=dict(activity.no_date),
        ),
        monthly=monthly,
        by_type=by_type,
        totals=totals,
        asymmetry=Asymmetry(
            directions={d: AsymmetrySide(events=totals[d].events, actual=totals[d].actual, negated=totals[d].negated,
                                         mean_intensity=totals[d].mean_intensity,
                                         cooperative_share=totals[d].cooperative_share) for d in dirs},
            difference=AsymmetryDifference(**{k: diff(k) for k in ("events", "actual", "mean_intensity",
                                                                  "cooperative_share")}),
        ),
        stances=DyadStances(count=stance_total, rows=stances, labels=dict(Counter(s.label for s in stances))),
        ledger=built_ledger,
        ledger_summary=LedgerSummary(
            entries=len(entries),
            confirmed=sum(1 for e in entries if e["agreement"] == "confirmed"),
            disputed=sum(1 for e in entries if e["agreement"] == "disputed"),
        ),
        figures=_figures(store, a, b, since, until, caps["figures"]),
        confirmed=Confirmed(stories=stories, agreements=agreements, agreements_total=agreement_total),
        contradictions=Contradictions(rows=contradictions, total=contradiction_total),
        notes=notes,
    )
