"""Watching feeds: polls across a changing feed, conditional GET, retries of failed items, and
stops at any moment (a stop request, SIGTERM, SIGKILL) followed by a restart that loses and
duplicates nothing. A real HTTP server on 127.0.0.1, real SQLite files, the real CLI."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch import Store
from dyadwatch.cli import cli
from dyadwatch.errors import ConfigError
from dyadwatch.ingest.urls import Fetcher
from dyadwatch.jobs import PollSummary, parse_interval, watch_feeds

from httpd import PROXY_VARIABLES, Reply, Request, Site, article, no_proxies, rss  # noqa: F401

ARTICLES = {
    "a": ("Talks reopen", "Ankara and Athens agreed on Tuesday to reopen talks on maritime borders, officials said.",
          "The foreign ministers will meet next month in Brussels."),
    "b": ("Security talks resume", "Seoul and Tokyo agreed on Monday to resume security talks, officials said.",
          "The defence ministers will meet again next month in Busan."),
    "c": ("Fertiliser row", "India criticised China on Friday over new restrictions on fertiliser exports.",
          "Officials in New Delhi said the curbs hurt farmers before the sowing season."),
    "d": ("Pipeline study", "Mongolia and Russia agreed on Monday to extend a study of a gas pipeline, officials said.",
          "Construction could start within three years, the ministry said."),
}
ENV = {"DYADWATCH_FETCH_HOST_DELAY": "0", "DYADWATCH_FETCH_RETRIES": "0", "DYADWATCH_FETCH_TIMEOUT": "5"}


class ChangingFeed:
    """An RSS feed whose items a test changes, with ETag and Last-Modified validators."""

    def __init__(self, site: Site, keys: list[str], *, delay: float = 0.0) -> None:
        self.site, self.keys = site, keys
        for key, (title, *paragraphs) in ARTICLES.items():
            site.serve(f"/{key}", Reply(200, article(title, *paragraphs), delay=delay))
        site.serve("/feed", self.reply)
        self.url = site.url("/feed")

    def reply(self, request: Request) -> Reply:
        body = rss([(f"item-{k}", self.site.url(f"/{k}"), ARTICLES[k][0]) for k in self.keys])
        etag = '"' + hashlib.sha256(body.encode()).hexdigest()[:12] + '"'
        if request.headers.get("If-None-Match") == etag:
            return Reply(304, content_type=None, headers={"ETag": etag})
        return Reply(200, body, content_type="application/rss+xml; charset=utf-8",
                     headers={"ETag": etag, "Last-Modified": "Tue, 14 May 2024 09:00:00 GMT"})

    def feed_requests(self) -> list[Request]:
        return [r for r in self.site.requests if r.path == "/feed"]


@pytest.fixture
def site():
    server = Site()
    yield server
    server.close()


@pytest.fixture
def fetcher():
    with Fetcher(timeout=5.0, retries=0, host_delay=0, allow_private=True) as f:
        yield f


def stored(db_path: Path) -> list[str]:
    with Store(db_path, readonly=True) as store:
        return [r[0] for r in store.execute("SELECT url FROM documents ORDER BY url")]


def watch_cli(db_path: Path, *urls: str, extra: tuple[str, ...] = ()):
    return CliRunner().invoke(cli, ["watch", "--db", str(db_path), "--once", "--no-analyze",
                                    "--allow-private-addresses", *extra, *urls], env=ENV, catch_exceptions=False)


def test_watch_once_twice_across_a_changing_feed(site: Site, db_path: Path) -> None:
    feed = ChangingFeed(site, ["b", "a"])
    first = watch_cli(db_path, feed.url)
    assert first.exit_code == 0, first.output
    assert first.output.endswith("poll 1: 1 feed (0 not modified, 0 failed), 2 new items: 2 added, "
                                 "0 already present, 0 failed\n")
    feed.keys = ["c", "b"]  # a new item on top, the oldest gone
    second = watch_cli(db_path, feed.url)
    assert second.exit_code == 0, second.output
    assert "1 new item: 1 added, 0 already present, 0 failed" in second.output
    assert stored(db_path) == [site.url("/a"), site.url("/b"), site.url("/c")]
    assert (site.hits("/a"), site.hits("/b"), site.hits("/c")) == (1, 1, 1)  # nothing fetched twice
    # the second poll was conditional, on the validators of the first
    assert feed.feed_requests()[1].headers.get("If-None-Match")
    assert feed.feed_requests()[1].headers.get("If-Modified-Since") == "Tue, 14 May 2024 09:00:00 GMT"


def test_watch_conditional_get_answered_304_fetches_nothing_else(site: Site, fetcher: Fetcher,
                                                                  db_path: Path) -> None:
    feed = ChangingFeed(site, ["a", "b"])
    lines: list[str] = []
    with Store(db_path) as store:
        result = watch_feeds(store, [feed.url], every=0.01, max_polls=2, fetcher=fetcher, analyze=False,
                             on_poll=lambda p: lines.append(p.line()))
    assert [p.added for p in result.polls] == [2, 0]
    assert result.polls[1].feeds[0].status == "304"
    assert "poll 2: 1 feed (1 not modified, 0 failed), 0 new items" in lines[1]
    assert len(site.requests) == 4  # feed, a, b, feed (304)


def test_watch_library_analyses_new_items_with_the_real_pipeline(site: Site, fetcher: Fetcher, db_path: Path,
                                                                 nlp) -> None:
    feed = ChangingFeed(site, ["a"])
    with Store(db_path) as store:
        watch_feeds(store, [feed.url], once=True, fetcher=fetcher, nlp=nlp, compare=False)
        feed.keys = ["c", "a"]
        result = watch_feeds(store, [feed.url], once=True, fetcher=fetcher, nlp=nlp, compare=False)
        assert result.added == 1
        counts = store.counts()
        assert counts["documents"] == counts["analysed"] == 2
        pairs = {(r["source"], r["target"]) for r in store.execute("SELECT source, target FROM events")}
        assert ("IND", "CHN") in pairs


def test_watch_failed_item_is_tried_again_then_given_up(site: Site, fetcher: Fetcher, db_path: Path) -> None:
    feed = ChangingFeed(site, ["a", "b"])
    site.serve("/b", [Reply(503, "busy"), Reply(200, article(*ARTICLES["b"]))])
    site.serve("/gone", Reply(404, "gone"))
    messages: list[str] = []
    with Store(db_path) as store:
        first = watch_feeds(store, [feed.url], once=True, fetcher=fetcher, analyze=False, on_message=messages.append)
        assert (first.polls[0].added, first.polls[0].failed) == (1, 1) and "[DW116]" in messages[0]
        second = watch_feeds(store, [feed.url], once=True, fetcher=fetcher, analyze=False)
        assert (second.polls[0].new, second.polls[0].added) == (0, 1)  # not new, but stored now
        feed.keys = ["a"]
        site.routes["/feed"] = Reply(200, rss([("item-gone", site.url("/gone"), "Gone")]),
                                     content_type="application/rss+xml")
        for _ in range(4):
            watch_feeds(store, [feed.url], once=True, fetcher=fetcher, analyze=False, on_message=messages.append)
    assert site.hits("/gone") == 3 and "given up after 3 attempts" in messages[-1]
    assert stored(db_path) == [site.url("/a"), site.url("/b")]


def test_watch_stopped_mid_poll_keeps_what_it_stored_and_restarts_cleanly(site: Site, fetcher: Fetcher,
                                                                          db_path: Path) -> None:
    feed = ChangingFeed(site, ["a", "b", "c"])
    stop = threading.Event()

    def b_then_stop(request: Request) -> Reply:
        stop.set()  # asked to stop while item b is being fetched
        return Reply(200, article(*ARTICLES["b"]))

    site.serve("/b", b_then_stop)
    with Store(db_path) as store:
        result = watch_feeds(store, [feed.url], every=0.01, fetcher=fetcher, analyze=False, stop=stop)
        assert len(result.polls) == 1 and result.polls[0].stopped and result.polls[0].added == 2
        assert "stopped before the end of the poll" in result.polls[0].line()
        [row] = store.execute("SELECT etag, last_status FROM feeds")
        assert row["etag"] is None and row["last_status"].endswith("stopped")  # validators not saved
        again = watch_feeds(store, [feed.url], once=True, fetcher=fetcher, analyze=False)
    assert again.polls[0].added == 1
    assert "If-None-Match" not in feed.feed_requests()[1].headers  # the feed is read again in full
    assert stored(db_path) == [site.url(f"/{k}") for k in "abc"]
    assert (site.hits("/a"), site.hits("/b"), site.hits("/c")) == (1, 1, 1)


def _watch_process(db_path: Path, feed_url: str, *extra: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARIABLES}
    env.update(ENV, DYADWATCH_ALLOW_PRIVATE_ADDRESSES="1", PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, "-m", "dyadwatch", "watch", "--db", str(db_path), "--no-analyze",
                             *extra, feed_url], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
def test_watch_process_killed_mid_poll_loses_and_duplicates_nothing(site: Site, fetcher: Fetcher, db_path: Path,
                                                                    how: str) -> None:
    feed = ChangingFeed(site, ["a", "b", "c", "d"], delay=0.3)
    process = _watch_process(db_path, feed.url, "--every", "1h")
    try:
        _wait_for(lambda: site.hits("/b") == 1)  # a is stored (or being stored), b is on its way
        process.send_signal(getattr(signal, how))
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    if how == "SIGTERM":
        # the item in hand is finished, then the watch says so and exits cleanly
        assert process.returncode == 0, err
        assert "stopped by SIGTERM after 1 poll(s)" in err and "stopped before the end of the poll" in out
        assert stored(db_path) == [site.url("/a"), site.url("/b")]
    else:
        assert process.returncode == -signal.SIGKILL
        # killed while b was on its way: a was committed, b not, and b is not marked seen
        assert stored(db_path) == [site.url("/a")]
        with Store(db_path, readonly=True) as store:
            assert [r[0] for r in store.execute("SELECT item_key FROM feed_items")] == [site.url("/item-a")]
    with Store(db_path) as store:
        result = watch_feeds(store, [feed.url], once=True, fetcher=fetcher, analyze=False)
        [items] = store.execute("SELECT count(*), count(DISTINCT document_id) FROM feed_items WHERE done_at IS NOT NULL")
        assert tuple(items) == (4, 4)
    assert stored(db_path) == [site.url(f"/{k}") for k in "abcd"]  # each once, none lost
    assert result.polls[0].failed == 0
    assert site.hits("/a") == 1 and site.hits("/c") == site.hits("/d") == 1
    assert site.hits("/b") == (1 if how == "SIGTERM" else 2)  # the killed fetch is made again


@pytest.mark.parametrize("text,seconds", [("15m", 900), ("30s", 30), ("2h", 7200), ("1h30m", 5400),
                                          ("0.5s", 0.5), ("1H 5M", 3900)])
def test_watch_interval_parsing(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["15", "", "m", "0s", "15 minutes", "-5m", "5m3"])
def test_watch_interval_needs_a_unit(text: str) -> None:
    with pytest.raises(ConfigError) as exc:
        parse_interval(text)
    assert str(exc.value).startswith("[DW403] Option '--every'")


def test_watch_cli_reports_bad_input_in_one_line(site: Site, db_path: Path) -> None:
    bad_every = CliRunner().invoke(cli, ["watch", "--db", str(db_path), "--every", "15", "http://example.org/rss"])
    assert bad_every.exit_code != 0 and "[DW403]" in bad_every.output and "Traceback" not in bad_every.output
    site.page("/page", article(*ARTICLES["a"]))
    not_a_feed = watch_cli(db_path, site.url("/page"))
    assert not_a_feed.exit_code == 1 and "[DW120]" in not_a_feed.output
    assert "poll 1: 1 feed (0 not modified, 1 failed), 0 new items" in not_a_feed.output


def test_watch_poll_line_format() -> None:
    from datetime import datetime, timezone

    from dyadwatch.jobs import FeedPoll

    poll = PollSummary(3, datetime(2025, 6, 1, 12, 0, tzinfo=timezone.utc),
                       [FeedPoll("u1", "200", items=10, new=4, added=3, present=1), FeedPoll("u2", "304")])
    assert poll.line() == ("2025-06-01T12:00:00Z poll 3: 2 feeds (1 not modified, 0 failed), 4 new items: "
                           "3 added, 1 already present, 0 failed")


def test_watch_stop_ends_a_politeness_wait_at_once(site: Site, db_path: Path) -> None:
    """A stop asked for while waiting out the per-host delay (here before the first item, after
    the feed itself) ends the watch without waiting."""
    from dyadwatch import load_settings

    feed = ChangingFeed(site, ["a", "b"])
    settings = load_settings({"fetch_host_delay": 30, "allow_private_addresses": True, "fetch_retries": 0})
    stop = threading.Event()
    timer = threading.Timer(0.3, stop.set)
    started = time.monotonic()
    timer.start()
    with Store(db_path) as store:
        result = watch_feeds(store, [feed.url], settings=settings, analyze=False, stop=stop)
    assert time.monotonic() - started < 3
    assert result.polls[0].stopped and site.hits("/feed") == 1 and site.hits("/a") == 0
