"""The one step every job ends with: analyse what is new, store each document with its analysis.

Files (``ingest_sources``), fetched pages and feed items (``RemoteIngest``) and the results of a
batch run (``dyadwatch.batch.load_results``) all store through here, so they deduplicate, count
and warn alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice
from typing import TYPE_CHECKING

from dyadwatch.errors import Warnings
from dyadwatch.jobs.summary import IngestSummary
from dyadwatch.records import Analysis, Document
from dyadwatch.settings import Settings, load_settings
from dyadwatch.store import Store

if TYPE_CHECKING:
    from spacy.language import Language


def store_documents(store: Store, documents: Iterable[Document], *, nlp: Language | None,
                    settings: Settings | None = None, summary: IngestSummary | None = None,
                    say: Callable[[str], None] | None = None) -> IngestSummary:
    """Analyse (with ``nlp``; None stores without analysing) and store ``documents``.

    Documents are taken ``settings.batch_size`` at a time, so a stream of any length never sits
    in memory. A document already stored is analysed again only when its stored analysis came
    from another analyzer version; the same document twice in one chunk is analysed once. Each
    document and its analysis are one transaction (``Store.write``).

    summary: counts into this one (a new one by default), which is returned.
    say: called with each warning line; by default they are added to ``summary.messages``.
    """
    settings = settings or load_settings()
    summary = summary if summary is not None else IngestSummary()
    say = say or summary.messages.append
    version = None
    if nlp is not None:
        from dyadwatch.analyze import analyze_documents, analyzer_version

        version = analyzer_version(nlp)
    iterator = iter(documents)
    while True:
        chunk = list(islice(iterator, settings.batch_size))
        if not chunk:
            return summary
        # the same article twice in one chunk is analysed once
        unique: dict[str, Document] = {}
        for doc in chunk:
            unique.setdefault(doc.id, doc)
        analyses: dict[str, Analysis] = {}
        if nlp is not None:
            todo = []
            for doc in unique.values():
                stored, analyzer = store.analyzer_of(doc.id)
                if not stored or analyzer != version:
                    todo.append(doc)
            for analysis in analyze_documents(nlp, todo, batch_size=settings.batch_size,
                                              n_process=settings.n_process):
                analyses[analysis.document_id] = analysis
        for doc in chunk:
            write_counted(store, doc, analyses.pop(doc.id, None), summary, say)


def write_counted(store: Store, doc: Document, analysis: Analysis | None, summary: IngestSummary,
                  say: Callable[[str], None]) -> str:
    """Store one document with its analysis and count it in ``summary`` (``added``, ``present``,
    ``skipped_too_long``, ``skipped_language``), saying why an added one was not analysed.
    Shared by ingest and ``dyadwatch load``, so both report alike.

    RETURNS (str): "added" or "present", as ``Store.write``.
    """
    status = store.write(doc, analysis, actor_names=_actor_names(analysis))
    if status == "added":
        summary.added += 1
        for warning in doc.warnings:
            if warning.startswith("[W105]"):  # found while building the document, not reading it
                say(warning)
        if analysis is not None and analysis.skipped:
            if analysis.skipped.startswith("too long"):
                summary.skipped_too_long += 1
                say(Warnings.W104.format(source=doc.source, reason=analysis.skipped))
            else:
                summary.skipped_language += 1
                say(Warnings.W102.format(source=doc.source, language=doc.language))
    else:
        summary.present += 1
    return status


def _actor_names(analysis: Analysis | None) -> dict[str, str]:
    """Display names of the actor codes an analysis uses (the code itself when unknown)."""
    try:
        from dyadwatch.dictionaries import actor_name
    except ImportError:
        return {}
    codes: set[str] = set()
    if analysis is not None:
        codes |= {m.code for m in analysis.mentions}
        for e in analysis.events:
            codes |= {e.source, e.target}
    return {c: actor_name(c) for c in codes}
