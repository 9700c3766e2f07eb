"""RSS and Atom feeds: parsing, and `ingest FEED_URL` taking every item, served by a real HTTP
server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch import Store, ingest_sources
from dyadwatch.errors import FeedError
from dyadwatch.ingest.feeds import item_document, looks_like_feed, parse_feed
from dyadwatch.ingest.urls import Fetcher
from dyadwatch.records import RawDocument

from httpd import Reply, Site, article, no_proxies, rss  # noqa: F401 (no_proxies is an autouse fixture)

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<!-- generated -->
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Steppe Monitor</title>
  <link href="https://monitor.example/"/>
  <updated>2024-06-02T10:00:00+05:00</updated>
  <entry>
    <id>tag:monitor.example,2024:1</id>
    <title>Astana and Beijing sign a rail deal</title>
    <link rel="alternate" href="/2024/06/rail-deal"/>
    <author><name>Aigerim Sadykova</name></author>
    <published>2024-06-02T01:30:00+05:00</published>
    <summary>Kazakhstan and China signed an agreement on Sunday.</summary>
  </entry>
  <entry>
    <title>No link here</title>
    <content type="html">&lt;p&gt;Mongolia and Russia agreed on Monday to extend a gas pipeline study, officials said.&lt;/p&gt;</content>
    <updated>2024-06-03T08:00:00Z</updated>
  </entry>
</feed>"""

TALKS = ("Ankara and Athens agreed on Tuesday to reopen talks on maritime borders, officials said.",
         "The foreign ministers will meet next month in Brussels to settle the agenda.")
SECURITY = ("Seoul and Tokyo agreed on Monday to resume security talks, officials said.",
            "The defence ministers will meet again next month in Busan.")


@pytest.fixture
def site():
    server = Site()
    yield server
    server.close()


@pytest.fixture
def fetcher():
    with Fetcher(timeout=2.0, retries=0, host_delay=0, allow_private=True) as f:
        yield f


def test_feeds_atom_items_links_dates_and_authors() -> None:
    assert looks_like_feed(ATOM)
    feed = parse_feed(ATOM, url="https://monitor.example/atom.xml")
    assert feed.title == "Steppe Monitor" and feed.version == "atom10"
    first, second = feed.items
    assert first.key == "tag:monitor.example,2024:1"
    assert first.link == "https://monitor.example/2024/06/rail-deal"  # relative link resolved
    assert first.authors == ("Aigerim Sadykova",)
    assert first.published == "2024-06-01"  # converted to UTC
    assert second.link is None and second.key.startswith("sha256:")
    raw = item_document(second, feed)
    assert isinstance(raw, RawDocument) and raw.text.startswith("Mongolia and Russia agreed")
    assert raw.hints["outlet"] == "Steppe Monitor" and raw.hints["published"] == "2024-06-03"


def test_feeds_rss_keys_fall_back_to_links_and_repeat_items_count_once() -> None:
    body = rss([("", "http://example.org/a", "A"), ("g2", "http://example.org/b", "B"),
                ("g2", "http://example.org/b", "B again")]).replace("<guid></guid>", "")
    feed = parse_feed(body.encode(), url="http://example.org/rss")
    # a guid is a permalink unless it says otherwise, so feedparser resolves it against the feed URL
    assert [i.key for i in feed.items] == ["http://example.org/a", "http://example.org/g2"]
    assert feed.items[0].authors == ("Maria Kostas",) and feed.items[0].published == "2024-05-14"


@pytest.mark.parametrize("body", [b"<html><body>Not a feed</body></html>", b"<?xml version='1.0'?><catalog/>",
                                  b"\x00\x01binary"])
def test_feeds_a_document_that_is_no_feed_is_refused(body: bytes) -> None:
    assert not looks_like_feed(body)
    with pytest.raises(FeedError) as exc:
        parse_feed(body, url="http://example.org/feed")
    assert str(exc.value).startswith("[DW120] http://example.org/feed: not an RSS or Atom feed")


def test_feeds_ingest_feed_url_takes_every_item(site: Site, fetcher: Fetcher, db_path: Path) -> None:
    site.page("/a", article("Talks reopen", *TALKS))
    site.page("/b", article("Security talks resume", *SECURITY))
    site.serve("/broken", Reply(500, "oops"))
    # served as text/xml: recognised as a feed by its first bytes
    site.page("/world.rss", rss([("a", site.url("/a"), "Talks reopen"), ("b", site.url("/b"), "Security talks"),
                                 ("c", site.url("/broken"), "Broken")]), content_type="text/xml")
    with Store(db_path) as store:
        summary = ingest_sources(store, [site.url("/world.rss")], fetcher=fetcher, analyze=False)
        assert (summary.added, summary.present, summary.failed) == (2, 0, 1)
        assert "[DW116]" in summary.messages[0] and site.url("/broken") in summary.messages[0]
        rows = store.execute("SELECT url, title, outlet, authors, published FROM documents ORDER BY url")
        assert [r["url"] for r in rows] == [site.url("/a"), site.url("/b")]
        assert rows[0]["title"] == "Talks reopen" and rows[0]["outlet"] == "Aegean Ledger: World"
        assert rows[0]["authors"] == '["Maria Kostas"]' and rows[0]["published"] == "2024-05-14"
        # again: stored items are not fetched again, the broken one is tried again
        again = ingest_sources(store, [site.url("/world.rss")], fetcher=fetcher, analyze=False)
        assert (again.added, again.present, again.failed) == (0, 2, 1)
        assert (site.hits("/a"), site.hits("/b"), site.hits("/broken")) == (1, 1, 2)
