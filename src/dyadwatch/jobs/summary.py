"""What a run that stores documents did: one type for ``ingest``, a watch's polls and ``load``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dyadwatch.compare import CompareSummary


@dataclass
class IngestSummary:
    """What an ingest run did. ``messages`` are one-line warnings and errors, in order.

    Every way of storing documents (``ingest_sources``, ``RemoteIngest``, ``watch_feeds`` and
    ``dyadwatch.batch.load_results``, whose ``LoadSummary`` extends this) counts into it through
    ``write_counted``, so the command line reports them alike.
    """

    added: int = 0
    present: int = 0
    failed: int = 0
    skipped_language: int = 0
    #: stored but not analysed: longer than the spaCy pipeline takes (``nlp.max_length``)
    skipped_too_long: int = 0
    messages: list[str] = field(default_factory=list)
    #: what the cross-document comparison found, when it ran
    comparison: CompareSummary | None = None

    @property
    def ok(self) -> bool:
        """False only when inputs were given and none of them could be ingested."""
        return self.added + self.present > 0 or self.failed == 0
