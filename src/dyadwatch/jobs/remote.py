"""Ingest from the web: pages and RSS/Atom feeds, each document stored as soon as it is fetched.

The library behind ``dyadwatch ingest URL`` and ``dyadwatch watch``. Fetching follows the
policy of :class:`dyadwatch.ingest.urls.Fetcher`; every document goes through the same
build → analyse → store step as a file (``store_documents``), one document per transaction.

Stored once:
    a URL already ingested (as given, or in its canonical form) is not fetched again; a fetched
    page whose canonical URL (``<link rel="canonical">``, else the URL after redirects, tracking
    parameters dropped) is already stored is the same article, recorded as one more source of it;
    and a text already stored is the same document whatever its URL (the id is a text hash).
Restartable:
    a feed item is marked done only after its document was committed, and a feed's
    ETag/Last-Modified are saved only once every item of that response was handled. Stopped
    anywhere, a later poll fetches the feed again unconditionally and skips the items done.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dyadwatch.errors import DyadwatchError
from dyadwatch.ingest import build_document
from dyadwatch.ingest.feeds import Feed, FeedItem, item_document, parse_feed
from dyadwatch.ingest.readers import Failure
from dyadwatch.ingest.urls import Fetched, Fetcher, canonical_url, content_kind, page_document
from dyadwatch.jobs.documents import store_documents
from dyadwatch.jobs.summary import IngestSummary
from dyadwatch.records import RawDocument
from dyadwatch.settings import Settings
from dyadwatch.store import Store
from dyadwatch.store import feeds as state

if TYPE_CHECKING:
    from spacy.language import Language

#: failed attempts after which a watch stops retrying a feed item
MAX_ITEM_ATTEMPTS = 3


class Stopped(Exception):
    """A stop was asked for while waiting (between retries, or for a host's politeness delay)."""


@dataclass
class FeedPoll:
    """What one poll of one feed did."""

    url: str
    #: "200" (or another 2xx), "304" when not modified, "error"
    status: str = ""
    items: int = 0
    new: int = 0
    added: int = 0
    present: int = 0
    failed: int = 0
    #: the feed itself could not be fetched or read
    error: str | None = None
    #: a stop was asked for before every item was handled
    stopped: bool = False


class RemoteIngest:
    """Fetches URLs and feeds into one store with one fetcher, analyser and summary.

    nlp: the spaCy pipeline, or None to store documents without analysing them.
    say: called with each warning or error line; by default they are added to ``summary.messages``.
    stop: when set, feed polls end after the item in hand (nothing half-done is recorded).
    """

    def __init__(self, store: Store, *, fetcher: Fetcher, settings: Settings, nlp: Language | None,
                 summary: IngestSummary | None = None, say: Callable[[str], None] | None = None,
                 stop: threading.Event | None = None) -> None:
        self.store = store
        self.fetcher = fetcher
        # one document at a time: a process pool per fetched page would cost more than it saves
        self.settings = replace(settings, n_process=1)
        self.nlp = nlp
        self.summary = summary if summary is not None else IngestSummary()
        self.say: Callable[[str], None] = say or self.summary.messages.append
        self.stop = stop

    # -- pages -----------------------------------------------------------------------

    def ingest_url(self, url: str) -> None:
        """Fetch one URL: a page is stored, a feed has every item stored (``dyadwatch ingest``)."""
        known = self._known(url)
        if known:
            self.summary.present += 1
            return
        try:
            fetched = self.fetcher.fetch(url)
            kind = content_kind(fetched)
        except DyadwatchError as exc:
            self._fail(str(exc))
            return
        if kind == "feed":
            self.poll_feed(url, fetched=fetched, give_up_after=None, count_done=True)
            return
        try:
            raw = page_document(fetched, source=url)
        except DyadwatchError as exc:
            raw = Failure(url, str(exc))
        if isinstance(raw, Failure):
            self._fail(raw.message)
            return
        self.store_raw(raw)

    def store_raw(self, raw: RawDocument) -> tuple[str, str]:
        """Build, deduplicate, analyse and store one fetched document.

        RETURNS (tuple): ("added" or "present", the id of the stored document).
        """
        for warning in raw.warnings:
            self.say(warning)
        doc = build_document(raw)
        if doc.url:
            existing = state.document_for_url(self.store, doc.url)
            if existing and existing != doc.id:
                state.add_source(self.store, existing, raw.source)
                self.summary.present += 1
                return "present", existing
        before = self.summary.added
        store_documents(self.store, [doc], nlp=self.nlp, settings=self.settings, summary=self.summary,
                        say=self.say)
        return ("added" if self.summary.added > before else "present"), doc.id

    def _known(self, url: str) -> str | None:
        return state.document_for_url(self.store, url) or state.document_for_url(self.store, canonical_url(url))

    def _fail(self, message: str) -> None:
        self.summary.failed += 1
        self.say(message)

    # -- feeds -----------------------------------------------------------------------

    def poll_feed(self, url: str, *, conditional: bool = False, fetched: Fetched | None = None,
                  give_up_after: int | None = MAX_ITEM_ATTEMPTS, count_done: bool = False) -> FeedPoll:
        """Fetch a feed (conditionally: with the stored ETag/Last-Modified) and store its new items.

        Items already done are skipped without a request (and counted as already present when
        ``count_done``, as ``dyadwatch ingest FEED`` does); items that failed before are tried
        again until they have failed ``give_up_after`` times (None: always tried again).
        """
        poll = FeedPoll(url)
        record = state.feed_record(self.store, url)
        if fetched is None:
            try:
                use = conditional and record is not None
                fetched = self.fetcher.fetch(url, etag=record.etag if use and record else None,
                                             last_modified=record.last_modified if use and record else None)
            except Stopped:
                poll.stopped = True
                return poll
            except DyadwatchError as exc:
                return self._feed_failed(poll, str(exc))
        if fetched.not_modified:
            poll.status = "304"
            self._retry_pending(poll, feed=Feed(url=url, title=record.title if record else None, items=()),
                                skip=set(), give_up_after=give_up_after)
            state.save_feed(self.store, url, status="304 not modified")
            return poll
        try:
            feed = parse_feed(fetched.body, url=fetched.final_url, content_type=fetched.content_type)
        except DyadwatchError as exc:
            return self._feed_failed(poll, str(exc).replace(fetched.final_url, url, 1))
        poll.status = str(fetched.status)
        poll.items = len(feed.items)
        for item in feed.items:
            if self._stopping(poll):
                break
            record_item = state.item_record(self.store, url, item.key)
            if record_item is not None and record_item.done:
                if count_done:
                    poll.present += 1
                    self.summary.present += 1
                continue
            if record_item is None:
                poll.new += 1
            if not self._ingest_item(url, feed, item, poll, give_up_after=give_up_after):
                break
        else:
            self._retry_pending(poll, feed=feed, skip={i.key for i in feed.items}, give_up_after=give_up_after)
        status = f"{fetched.status} ({len(feed.items)} items)"
        if poll.stopped:
            # the validators are kept as they were, so the next poll sees these items again
            state.save_feed(self.store, url, title=feed.title, status=status + ", stopped")
        else:
            state.save_feed(self.store, url, title=feed.title, status=status,
                            validators=(fetched.etag, fetched.last_modified))
        return poll

    def _retry_pending(self, poll: FeedPoll, *, feed: Feed, skip: set[str], give_up_after: int | None) -> None:
        """Items that failed on an earlier poll (and may have left the feed since)."""
        limit = give_up_after if give_up_after is not None else 1 << 30
        for pending in state.pending_items(self.store, feed.url, max_attempts=limit):
            if pending.key in skip or (not pending.link):
                continue
            if self._stopping(poll):
                return
            if not self._ingest_item(feed.url, feed, FeedItem(key=pending.key, link=pending.link), poll,
                                     give_up_after=give_up_after):
                return

    def _ingest_item(self, feed_url: str, feed: Feed, item: FeedItem, poll: FeedPoll, *,
                     give_up_after: int | None) -> bool:
        """Store one item's article and then mark the item done. False when stopped meanwhile."""
        link = item.link
        raw: RawDocument | Failure
        if link:
            known = self._known(link)
            if known:
                state.add_source(self.store, known, link)
                state.mark_item_done(self.store, feed_url, item.key, link=link, document_id=known)
                poll.present += 1
                self.summary.present += 1
                return True
            try:
                fetched = self.fetcher.fetch(link)
                raw = page_document(fetched, source=link, hints=item.hints(feed))
            except Stopped:
                poll.stopped = True
                return False
            except DyadwatchError as exc:
                raw = Failure(link, str(exc))
        else:
            raw = item_document(item, feed)
        if isinstance(raw, Failure):
            attempts = state.mark_item_failed(self.store, feed_url, item.key, link=link, error=raw.message,
                                              give_up_after=give_up_after)
            poll.failed += 1
            given_up = give_up_after is not None and attempts >= give_up_after
            self._fail(raw.message + (f" (feed {feed_url}: given up after {attempts} attempts)" if given_up else ""))
            return True
        status, doc_id = self.store_raw(raw)
        # only now, after the document's own commit: a stop in between re-fetches, never loses
        state.mark_item_done(self.store, feed_url, item.key, link=link, document_id=doc_id)
        if status == "added":
            poll.added += 1
        else:
            poll.present += 1
        return True

    def _feed_failed(self, poll: FeedPoll, message: str) -> FeedPoll:
        poll.status = "error"
        poll.error = message
        self.say(message)
        state.save_feed(self.store, poll.url, status="error: " + message[:300])
        return poll

    def _stopping(self, poll: FeedPoll) -> bool:
        if self.stop is not None and self.stop.is_set():
            poll.stopped = True
        return poll.stopped


def ingest_urls(store: Store, urls: Sequence[str], *, fetcher: Fetcher, settings: Settings,
                nlp: Language | None, summary: IngestSummary, say: Callable[[str], None],
                on_url_done: Callable[[str], None] | None = None) -> None:
    """Fetch and store each URL (page or feed); a failure is reported and the rest go on."""
    remote = RemoteIngest(store, fetcher=fetcher, settings=settings, nlp=nlp, summary=summary, say=say)
    for url in urls:
        remote.ingest_url(url)
        if on_url_done:
            on_url_done(url)
