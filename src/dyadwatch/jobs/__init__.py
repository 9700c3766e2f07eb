"""Jobs: the stages run in order (read sources → build documents → analyse → store), for files,
URLs and feeds, once (``dyadwatch ingest``) or as a watch (``dyadwatch watch``).

    >>> from dyadwatch.jobs import ingest_sources, watch_feeds
    >>> summary = ingest_sources(store, ["articles/", "https://example.org/world.rss"])
    >>> watch_feeds(store, ["https://example.org/world.rss"], once=True)

Modules, each importing only those above it: ``summary`` (``IngestSummary``, what a run stored),
``documents`` (``store_documents``: analyse and store, the step every job ends with),
``remote`` (fetched pages and feed items), ``sources`` (``ingest_sources``: files, directories,
URLs) and ``watch`` (polling feeds).
"""

from __future__ import annotations

from dyadwatch.jobs.documents import store_documents, write_counted
from dyadwatch.jobs.remote import MAX_ITEM_ATTEMPTS, FeedPoll, RemoteIngest, Stopped, ingest_urls
from dyadwatch.jobs.sources import count_inputs, ingest_sources
from dyadwatch.jobs.summary import IngestSummary
from dyadwatch.jobs.watch import PollSummary, WatchSummary, parse_interval, stop_on_signals, watch_feeds

__all__ = [
    "MAX_ITEM_ATTEMPTS",
    "FeedPoll",
    "IngestSummary",
    "PollSummary",
    "RemoteIngest",
    "Stopped",
    "WatchSummary",
    "count_inputs",
    "ingest_sources",
    "ingest_urls",
    "parse_interval",
    "stop_on_signals",
    "store_documents",
    "watch_feeds",
    "write_counted",
]
