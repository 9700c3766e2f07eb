"""Watch RSS/Atom feeds: poll, store and analyse new items, log one line per poll.

The library behind ``dyadwatch watch``. Every poll fetches each feed conditionally (the ETag and
Last-Modified remembered in the store), stores the items not seen before one by one
(``dyadwatch.jobs.remote``) and, when anything was added, recomputes the cross-document comparison.

A watch can be stopped at any moment and started again without losing or duplicating anything:
see ``dyadwatch.jobs.remote`` for the order of commits. :func:`stop_on_signals` turns SIGINT and
SIGTERM into a request to stop after the item in hand (a second signal stops at once); even
SIGKILL loses nothing, since every document is one SQLite transaction and an item counts as seen
only once its document is committed.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from dyadwatch.errors import ConfigError, Errors
from dyadwatch.jobs.remote import FeedPoll, RemoteIngest, Stopped
from dyadwatch.jobs.summary import IngestSummary
from dyadwatch.settings import Settings, load_settings
from dyadwatch.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

    from dyadwatch.compare import CompareSummary
    from dyadwatch.ingest.urls import Fetcher

_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*(h|m|s)", re.IGNORECASE)
_UNIT_SECONDS = {"h": 3600.0, "m": 60.0, "s": 1.0}


def parse_interval(text: str) -> float:
    """Seconds of an interval written like ``15m``, ``30s``, ``2h`` or ``1h30m``.

    RAISES ConfigError (DW403) for anything else, a bare number included (minutes or seconds?).
    """
    compact = text.strip().replace(" ", "")
    parts = _INTERVAL.findall(compact)
    if not compact or "".join(n + u for n, u in parts).lower() != compact.lower():
        raise ConfigError(Errors.DW403.format(name="--every", value=text,
                                              expected="Give a duration with a unit: 30s, 15m, 2h or 1h30m."))
    seconds = sum(float(n) * _UNIT_SECONDS[u.lower()] for n, u in parts)
    if seconds <= 0:
        raise ConfigError(Errors.DW403.format(name="--every", value=text, expected="It must be longer than 0."))
    return seconds


@dataclass
class PollSummary:
    """One poll over every watched feed."""

    number: int
    started: datetime
    feeds: list[FeedPoll] = field(default_factory=list)
    stopped: bool = False
    #: what the cross-document comparison found, when it ran
    comparison: CompareSummary | None = None

    @property
    def new(self) -> int:
        return sum(f.new for f in self.feeds)

    @property
    def added(self) -> int:
        return sum(f.added for f in self.feeds)

    @property
    def present(self) -> int:
        return sum(f.present for f in self.feeds)

    @property
    def failed(self) -> int:
        return sum(f.failed for f in self.feeds)

    def line(self) -> str:
        """The poll's log line.

        ``2025-06-01T12:00:00Z poll 3: 2 feeds (1 not modified, 0 failed), 4 new items: 3 added,
        1 already present, 0 failed``
        """
        n = len(self.feeds)
        not_modified = sum(1 for f in self.feeds if f.status == "304")
        errors = sum(1 for f in self.feeds if f.error)
        new = self.new
        text = (f"{self.started:%Y-%m-%dT%H:%M:%SZ} poll {self.number}: {n} feed{'s' if n != 1 else ''} "
                f"({not_modified} not modified, {errors} failed), {new} new item{'s' if new != 1 else ''}: "
                f"{self.added} added, {self.present} already present, {self.failed} failed")
        if self.stopped:
            text += "; stopped before the end of the poll"
        return text


@dataclass
class WatchSummary:
    polls: list[PollSummary] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(p.added for p in self.polls)


def watch_feeds(
    store: Store,
    feeds: Sequence[str],
    *,
    every: float = 900.0,
    once: bool = False,
    max_polls: int | None = None,
    settings: Settings | None = None,
    nlp: Language | None = None,
    analyze: bool = True,
    compare: bool = True,
    fetcher: Fetcher | None = None,
    stop: threading.Event | None = None,
    on_poll: Callable[[PollSummary], None] | None = None,
    on_message: Callable[[str], None] | None = None,
) -> WatchSummary:
    """Poll ``feeds`` every ``every`` seconds until ``stop`` is set (or once, or ``max_polls`` times).

    Polls start ``every`` seconds apart (a long poll delays the next one, it never overlaps).
    on_poll: called with each poll's summary (the CLI prints its ``line()``).
    on_message: called with each warning or error line (a feed or an item that failed).
    fetcher: by default one made from ``settings`` whose waits (politeness delay, backoff,
    Retry-After) end as soon as ``stop`` is set.
    """
    settings = settings or load_settings()
    stop = stop or threading.Event()
    if analyze and nlp is None:
        from dyadwatch.analyze import load_pipeline

        nlp = load_pipeline(settings.model)
    own_fetcher = fetcher is None
    if fetcher is None:
        from dyadwatch.ingest.urls import Fetcher

        fetcher = Fetcher.from_settings(settings, sleep=_interruptible_sleep(stop))
    result = WatchSummary()
    try:
        while not stop.is_set():
            started_at = time.monotonic()
            poll = PollSummary(number=len(result.polls) + 1, started=datetime.now(timezone.utc))
            summary = IngestSummary()

            def say(message: str) -> None:
                summary.messages.append(message)
                if on_message:
                    on_message(message)

            remote = RemoteIngest(store, fetcher=fetcher, settings=settings, nlp=nlp if analyze else None,
                                  summary=summary, say=say, stop=stop)
            for url in feeds:
                if stop.is_set():
                    poll.stopped = True
                    break
                try:
                    feed_poll = remote.poll_feed(url, conditional=True)
                except Stopped:
                    feed_poll = FeedPoll(url, stopped=True)
                poll.feeds.append(feed_poll)
                if feed_poll.stopped:
                    poll.stopped = True
                    break
            if compare and analyze and (poll.added or store.comparison_stale()) and not poll.stopped:
                from dyadwatch.compare import compare_store

                poll.comparison = compare_store(store, full=False)
            result.polls.append(poll)
            if on_poll:
                on_poll(poll)
            if once or poll.stopped or (max_polls is not None and len(result.polls) >= max_polls):
                break
            stop.wait(max(0.0, started_at + every - time.monotonic()))
    finally:
        if own_fetcher:
            fetcher.close()
    return result


def _interruptible_sleep(stop: threading.Event) -> Callable[[float], None]:
    def sleep(seconds: float) -> None:
        if stop.wait(seconds):
            raise Stopped()

    return sleep


@contextmanager
def stop_on_signals(stop: threading.Event, *, on_signal: Callable[[str], None] | None = None) -> Iterator[None]:
    """While inside, SIGINT and SIGTERM set ``stop``; a second one raises KeyboardInterrupt.

    Only the main thread can install signal handlers; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    names = {signal.SIGINT: "SIGINT", signal.SIGTERM: "SIGTERM"}
    previous = {sig: signal.getsignal(sig) for sig in names}

    def handle(signum: int, _frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        if on_signal:
            on_signal(names.get(signal.Signals(signum), str(signum)))

    for sig in names:
        signal.signal(sig, handle)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
