"""Stories: one real-world event reported by several documents, linked with all its evidence.

Event databases count reports; analysts need events. Two reported events are the same
story when they have the same source, target, type and negation, and their dates agree: equal,
or one a coarser form of the other ("2022-09" and "2022-09-15"). Undated reports join a
dated story only when it is the only story of that kind, and otherwise stay on their own: a
wrong merge hides a second event, which is worse than counting one twice. Reports from
documents that are copies of one another (``duplicates``) count as one independent source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol


@dataclass
class Story:
    source: str
    target: str
    type: str
    negated: bool
    date: str | None
    event_ids: list[int] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)

    @property
    def reports(self) -> int:
        return len(self.documents)

    @property
    def independent_sources(self) -> int:
        return len(self.groups)


def compatible_dates(a: str | None, b: str | None) -> bool:
    """Whether two known dates can be the same time: equal, or one a coarser form of the other."""
    if a is None or b is None:
        return False
    return a.startswith(b) or b.startswith(a)


class StoryEvent(Protocol):
    """What linking reads of an event (``dyadwatch.store.queries.compare.StoryEventRow``)."""

    @property
    def id(self) -> int: ...
    @property
    def document_id(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def target(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def negated(self) -> int: ...
    @property
    def modality(self) -> str: ...
    @property
    def date(self) -> str | None: ...


def link_stories(events: Iterable[StoryEvent], groups: Mapping[str, str]) -> list[Story]:
    """Group events (id, document_id, source, target, type, negated, modality, date) into stories.

    Only events stated as having happened (modality "actual") or refused/negated are linked
    across documents; intended, hypothetical, alleged and denied events are stories of their own
    kind too, keyed by modality, so a promise never merges with the deed.
    """
    buckets: dict[tuple[object, ...], list[StoryEvent]] = defaultdict(list)
    for e in events:
        key = (e.source, e.target, e.type, bool(e.negated), e.modality)
        buckets[key].append(e)
    stories: list[Story] = []
    for (source, target, type_, negated, _modality), rows in buckets.items():
        dated = sorted((r for r in rows if r.date), key=lambda r: (-len(str(r.date)), str(r.date)))
        mine: list[Story] = []
        for r in dated:
            date = str(r.date)
            home = next((s for s in mine if compatible_dates(s.date, date)), None)
            if home is None:
                home = Story(str(source), str(target), str(type_), bool(negated), date)
                mine.append(home)
            _add(home, r, groups)
        undated = [r for r in rows if not r.date]
        if undated:
            if len(mine) == 1:
                for r in undated:
                    _add(mine[0], r, groups)
            else:
                # undated reports of one kind in one document are one report; across documents
                # they stay separate unless they are copies of one another
                by_group: dict[str, Story] = {}
                for r in undated:
                    g = groups.get(str(r.document_id), str(r.document_id))
                    if g not in by_group:
                        by_group[g] = Story(str(source), str(target), str(type_), bool(negated), None)
                    _add(by_group[g], r, groups)
                mine.extend(by_group.values())
        stories.extend(mine)
    stories.sort(key=lambda s: (s.date or "", s.source, s.target, s.type))
    return stories


def _add(story: Story, row: StoryEvent, groups: Mapping[str, str]) -> None:
    doc = str(row.document_id)
    story.event_ids.append(int(row.id))
    story.documents.add(doc)
    story.groups.add(groups.get(doc, doc))
