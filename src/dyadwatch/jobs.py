"""Jobs that run the stages in order: read sources → build documents → analyse → store.

This is the library function behind ``dyadwatch ingest``; a notebook calls it the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyadwatch.errors import Warnings
from dyadwatch.ingest import Failure, Notice, build_document, discover, read_path
from dyadwatch.ingest.readers import UrlList
from dyadwatch.records import Document, RawDocument
from dyadwatch.settings import Settings, load_settings
from dyadwatch.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

    from dyadwatch.ingest.urls import Fetcher


@dataclass
class IngestSummary:
    """What an ingest run did. ``messages`` are one-line warnings and errors, in order."""

    added: int = 0
    present: int = 0
    failed: int = 0
    skipped_language: int = 0
    #: stored but not analysed: longer than the spaCy pipeline takes (``nlp.max_length``)
    skipped_too_long: int = 0
    messages: list[str] = field(default_factory=list)
    #: what the cross-document comparison found, when it ran
    comparison: Any = None

    @property
    def ok(self) -> bool:
        """False only when inputs were given and none of them could be ingested."""
        return self.added + self.present > 0 or self.failed == 0


def count_inputs(sources: Sequence[str]) -> int:
    """How many files and URLs an ingest of ``sources`` will read (for a progress bar)."""
    return sum(1 for item in discover(sources) if isinstance(item, (Path, str)))


def ingest_sources(
    store: Store,
    sources: Sequence[str],
    *,
    settings: Settings | None = None,
    nlp: Language | None = None,
    analyze: bool = True,
    compare: bool = True,
    on_file_done: Callable[[str], None] | None = None,
    on_message: Callable[[str], None] | None = None,
    fetcher: Fetcher | None = None,
) -> IngestSummary:
    """Ingest files, directories, URLs and feeds into ``store``; analyse what is new.

    A document already stored (same normalised text) is not stored twice; it is re-analysed
    only when the stored analysis came from another analyzer version. Each document and its
    analysis are written in one transaction, so an interrupted run can simply be repeated.

    on_file_done: called with each input file's path (or URL) once it is processed (progress bars).
    on_message: called with each warning or error line as it happens.
    fetcher: fetches URLs, of the sources and of files that list URLs (``dyadwatch.remote``);
    by default one made from ``settings``.
    compare: afterwards, recompute duplicates, stories and cross-document relations
    (``dyadwatch.compare.compare_store``) when anything new was added, or when the last
    comparison did not cover every document (an earlier run was killed while comparing).
    """
    settings = settings or load_settings()
    summary = IngestSummary()

    def say(message: str) -> None:
        summary.messages.append(message)
        if on_message:
            on_message(message)

    urls: list[str] = []

    def items() -> Iterator[RawDocument]:
        for entry in discover(sources):
            if isinstance(entry, str):
                urls.append(entry)
                continue
            if isinstance(entry, Failure):
                summary.failed += 1
                say(entry.message)
                continue
            if isinstance(entry, Notice):
                say(entry.message)
                continue
            for item in read_path(entry, max_file_bytes=settings.max_file_bytes):
                if isinstance(item, Failure):
                    summary.failed += 1
                    say(item.message)
                elif isinstance(item, Notice):
                    say(item.message)
                elif isinstance(item, UrlList):
                    urls.extend(item.urls)
                else:
                    for warning in item.warnings:
                        say(warning)
                    yield item
            if on_file_done:
                on_file_done(str(entry))

    if analyze and nlp is None:
        from dyadwatch.analyze import load_pipeline

        nlp = load_pipeline(settings.model)
    _ingest_documents(store, (build_document(raw) for raw in items()), nlp=nlp if analyze else None,
                      settings=settings, summary=summary, say=say)
    if urls:
        from dyadwatch.ingest.urls import Fetcher
        from dyadwatch.remote import ingest_urls

        client = fetcher or Fetcher.from_settings(settings)
        direct = {s.strip() for s in sources}  # count_inputs counts these, not the URLs files list

        def url_done(url: str) -> None:
            if on_file_done and url in direct:
                on_file_done(url)

        try:
            ingest_urls(store, urls, fetcher=client, settings=settings, nlp=nlp if analyze else None,
                        summary=summary, say=say, on_url_done=url_done)
        finally:
            if fetcher is None:
                client.close()
    if compare and analyze and (summary.added or store.comparison_stale()):
        from dyadwatch.compare import compare_store

        summary.comparison = compare_store(store, full=False)
    return summary


def _ingest_documents(store: Store, documents: Iterable[Document], *, nlp: Language | None,
                      settings: Settings, summary: IngestSummary, say: Callable[[str], None]) -> None:
    from itertools import islice

    if nlp is not None:
        from dyadwatch.analyze import analyze_documents, analyzer_version

        version = analyzer_version(nlp)
    iterator = iter(documents)
    while True:
        chunk = list(islice(iterator, settings.batch_size))
        if not chunk:
            return
        # the same article twice in one chunk is analysed once
        unique: dict[str, Document] = {}
        for doc in chunk:
            unique.setdefault(doc.id, doc)
        analyses = {}
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


def write_counted(store: Store, doc: Document, analysis: Any, summary: Any, say: Callable[[str], None]) -> str:
    """Store one document with its analysis and count it in ``summary`` (``added``, ``present``,
    ``skipped_too_long``, ``skipped_language``), saying why an added one was not analysed.
    Shared by ingest and ``dyadwatch load``, so both report alike."""
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


def _actor_names(analysis: object) -> dict[str, str]:
    """Display names of the actor codes an analysis uses (the code itself when unknown)."""
    try:
        from dyadwatch.dictionaries import actor_name
    except ImportError:
        return {}
    codes: set[str] = set()
    if analysis is not None:
        codes |= {m.code for m in getattr(analysis, "mentions", ())}
        for e in getattr(analysis, "events", ()):
            codes |= {e.source, e.target}
    return {c: actor_name(c) for c in codes}
