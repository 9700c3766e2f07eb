"""Plain typed records passed between pipeline stages.

Every stage (ingest → analyze → store → compare → report/web/export) exchanges these
frozen dataclasses and nothing else. Offsets are Python string indices into
``Document.text``, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

PublishedBasis = Literal["stated", "inferred", "unknown"]
Modality = Literal["actual", "intended", "hypothetical", "alleged", "denied"]
StanceLabel = Literal["strengthening", "weakening", "stable", "mixed", "none"]
Span = tuple[int, int]


@dataclass(frozen=True)
class RawDocument:
    """One article as read from its source, before metadata and ids.

    source: the path (``dir/a.txt``, ``feed.jsonl#3`` for a JSONL line) or URL it came from.
    text: the text to analyse, exactly as retrieved (page chrome included).
    hints: metadata the container already supplied (HTML meta tags, JSONL fields).
    """

    source: str
    text: str
    url: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class TextMetadata:
    """Metadata read from the text itself (see ``dyadwatch.ingest.metadata``)."""

    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    published_basis: PublishedBasis = "unknown"
    #: where each value came from, e.g. {"outlet": "republication line", "published": "dateline"}
    evidence: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Document:
    """An ingested article with its stable id and metadata."""

    id: str
    source: str
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    published_basis: PublishedBasis = "unknown"
    language: str | None = None
    #: page-chrome spans ("IE 11 is not supported…") excluded from analysis; offsets stay stable
    chrome: tuple[Span, ...] = ()
    #: provenance of each metadata value and anything else worth keeping
    meta_evidence: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def analysed_text(self) -> str:
        """The text with chrome blanked out by spaces, so offsets are identical to ``text``."""
        if not self.chrome:
            return self.text
        chars = list(self.text)
        for start, end in self.chrome:
            for i in range(start, end):
                if chars[i] not in "\n\r":
                    chars[i] = " "
        return "".join(chars)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class ActorMention:
    """A span of text resolved to an actor code, with the dictionary entry that matched."""

    start: int
    end: int
    text: str
    code: str
    #: the dictionary entry that matched, e.g. "the Kremlin -> RUS (capitals/metonyms)"
    entry: str
    dictionary: str
    #: person the mention names, when it names one ("Xi Jinping")
    person: str | None = None
    #: what the actor is, as the dictionary that describes its code says ("state",
    #: "organisation"); None when no dictionary describes the code
    actor_type: str | None = None


@dataclass(frozen=True)
class Actor:
    code: str
    name: str
    mentions: int


@dataclass(frozen=True)
class Event:
    start: int
    end: int
    sentence: str
    source: str
    target: str
    type: str
    mode: str | None = None
    negated: bool = False
    modality: Modality = "actual"
    date: str | None = None
    intensity: float | None = None
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    contexts: tuple[str, ...] = ()
    confidence: float = 0.5
    dictionary: str | None = None
    #: what the source and the target are, as their mentions in the document say
    #: (``ActorMention.actor_type``); None when unknown
    source_type: str | None = None
    target_type: str | None = None


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_actor: str | None = None
    direct: bool = True
    cue: str | None = None


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    sentence: str
    value: float
    unit: str
    raw: str = ""
    value_high: float | None = None
    qualifier: str | None = None
    measure: str | None = None
    period: str | None = None


@dataclass(frozen=True)
class Claim:
    id: str
    start: int
    end: int
    sentence: str
    speaker: str | None = None
    polarity: int = 1
    actors: tuple[str, ...] = ()
    normalized: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Stance:
    dyad: tuple[str, str]
    label: StanceLabel
    score: float
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """Everything the analysis stage found in one document."""

    document_id: str
    analyzer: str
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[ActorMention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()
    stances: tuple[Stance, ...] = ()
    #: why analysis was skipped ("language: de"), or None when it ran
    skipped: str | None = None


@dataclass(frozen=True)
class Relation:
    """A cross-document relation between two claims."""

    a_document: str
    a_start: int
    a_end: int
    b_document: str
    b_start: int
    b_end: int
    relation: Literal["agree", "contradict"]
    score: float
    why: str
