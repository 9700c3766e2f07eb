"""Typed views of the store's lists: one frozen dataclass per list, filled by the list queries
of ``dyadwatch.store.queries.lists`` for the CLI, the dashboard, reports and notebooks alike.

Each view carries every field either reader shows; ``columns`` names the fields of the CLI's JSON
and CSV, in order (``as_dict``), so a field the dashboard needs does not change what the CLI writes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, ClassVar

__all__ = ["ClaimItem", "DocumentItem", "EventItem", "FigureItem", "Item", "PartItem", "QuoteItem"]


class Item:
    """The base of the typed views: their JSON-ready form, and how a query row fills one."""

    #: the fields of the CLI's JSON and CSV, in order, where those are fewer than the view's
    #: (empty: every field, in the dataclass's order)
    columns: ClassVar[tuple[str, ...]] = ()

    def as_dict(self, columns: tuple[str, ...] | None = None) -> dict[str, Any]:
        """The item as a JSON-ready dict of ``columns`` (the CLI's, unless given), in order."""
        return {name: getattr(self, name) for name in (columns or self.columns or self.field_names())}

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))  # type: ignore[arg-type]

    @classmethod
    def select_list(cls) -> str:
        """The view's fields as the column list of a SELECT (quoted: "end" is a keyword), so a
        field added to a view is read without a second list to keep in step."""
        return ", ".join(f'"{name}"' for name in cls.field_names())

    @classmethod
    def from_row(cls, row: Any) -> Any:
        """The view of one query row whose columns are named as its fields."""
        return cls(**{name: row[name] for name in cls.field_names()})


@dataclass(frozen=True)
class PartItem(Item):
    """The fields every part of a document (event, quote, figure) is listed with, first: its id
    and the document it stands in."""

    id: str
    document_id: str
    document_title: str | None
    document_source: str
    outlet: str | None
    published: str | None


@dataclass(frozen=True)
class EventItem(PartItem):
    """An event with its document and evidence sentence."""

    columns: ClassVar[tuple[str, ...]] = (
        "document_id", "document_source", "outlet", "source", "target", "type", "mode", "negated", "modality",
        "date", "intensity", "trigger", "confidence", "start", "end", "sentence")

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
    contexts: list[Any]
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class QuoteItem(PartItem):
    """A quote with its speaker and document; ``sentence`` (the sentence around it) only from
    lists asked for it (the CLI's)."""

    columns: ClassVar[tuple[str, ...]] = (
        "document_id", "document_source", "published", "speaker", "speaker_actor", "direct", "cue", "text", "start",
        "end", "sentence")

    speaker: str | None
    speaker_actor: str | None
    direct: bool
    cue: str | None
    text: str
    start: int
    end: int
    sentence: str | None


@dataclass(frozen=True)
class FigureItem(PartItem):
    """A figure with its value, unit, document and sentence."""

    columns: ClassVar[tuple[str, ...]] = (
        "document_id", "document_source", "published", "raw", "value", "value_high", "unit", "qualifier", "measure",
        "period", "start", "end", "sentence")

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
class ClaimItem(Item):
    """A claim (a checkable sentence) with its speaker."""

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


@dataclass(frozen=True)
class DocumentItem(Item):
    """A document with its counts of events, quotes and figures (the dashboard's list)."""

    id: str
    title: str | None
    outlet: str | None
    authors: list[str]
    published: str | None
    published_basis: str | None
    language: str | None
    source: str
    url: str | None
    ingested_at: str
    events: int
    quotes: int
    figures: int
    length: int
    analysis_skipped: Any
