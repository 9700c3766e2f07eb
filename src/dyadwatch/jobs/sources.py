"""Ingest files, directories, URLs and feeds: read sources → build documents → analyse → store.

This is the library function behind ``dyadwatch ingest``; a notebook calls it the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dyadwatch.ingest import Failure, Notice, build_document, discover, read_path
from dyadwatch.ingest.readers import UrlList
from dyadwatch.jobs.documents import store_documents
from dyadwatch.jobs.remote import ingest_urls
from dyadwatch.jobs.summary import IngestSummary
from dyadwatch.records import RawDocument
from dyadwatch.settings import Settings, load_settings
from dyadwatch.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

    from dyadwatch.ingest.urls import Fetcher


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
    fetcher: fetches URLs, of the sources and of files that list URLs (``dyadwatch.jobs.remote``);
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
    store_documents(store, (build_document(raw) for raw in items()), nlp=nlp if analyze else None,
                    settings=settings, summary=summary, say=say)
    if urls:
        from dyadwatch.ingest.urls import Fetcher

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
