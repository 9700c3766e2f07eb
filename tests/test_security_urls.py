"""Security of URL fetching (issue 8, part 5): only http(s), and by default nothing on loopback or
private networks — however the address is written, whether it is the URL, a redirect, or a link
in a feed. Every test runs against real HTTP servers on loopback addresses (127.0.0.1, 127.0.0.2)
and counts the requests they receive; private-network addresses are only ever checked, never
connected to, so no packet leaves this machine whatever the outcome.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dyadwatch.errors import FetchError, UnsafeURL
from dyadwatch.ingest.urls import Fetcher

from httpd import Site, article, no_proxies, rss  # noqa: F401 (no_proxies is an autouse fixture)
from test_reliability_crash import env

FAST = dict(timeout=3.0, retries=0, backoff=0.01, host_delay=0)


@pytest.fixture
def site():
    server = Site()
    server.page("/a", article("Talks reopen", "Ankara and Athens agreed on Tuesday to reopen talks, officials said.",
                              "The ministers will meet next month in Brussels."))
    yield server
    server.close()


@pytest.fixture
def other_loopback():
    """A second server on 127.0.0.2 (loopback too) that nothing should reach."""
    try:
        server = Site(host="127.0.0.2")
    except OSError:
        pytest.skip("cannot bind 127.0.0.2 here")
    server.page("/secret", article("Internal", "This page must never be fetched by default, said nobody.",
                                   "It lives on another loopback address."))
    yield server
    server.close()


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "FILE:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/_x", "data:text/html,hi",
    "javascript:alert(1)", "ws://127.0.0.1/", "jar:file:///x!/y", "view-source:http://127.0.0.1/", "//127.0.0.1/a",
    "http:/127.0.0.1/a", "127.0.0.1/a", "mailto:a@example.org", "dict://127.0.0.1:11211/stat",
])
def test_security_urls_only_http_and_https(url: str) -> None:
    with Fetcher(**FAST) as fetcher, pytest.raises(FetchError) as exc:
        fetcher.fetch(url)
    assert str(exc.value).startswith(("[DW110]", "[DW121]")), exc.value


LOOPBACK_FORMS = ["127.0.0.1", "127.1", "2130706433", "0x7f000001", "0177.0.0.1", "0x7f.1", "localhost",
                  "LOCALHOST", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "127.0.0.1.", "[::1]"]


@pytest.mark.parametrize("host", LOOPBACK_FORMS)
def test_security_urls_loopback_refused_by_default_however_written(site: Site, host: str) -> None:
    url = f"http://{host}:{site.port}/a"
    with Fetcher(**FAST) as fetcher, pytest.raises(FetchError) as exc:
        fetcher.fetch(url)
    assert str(exc.value).startswith(("[DW111]", "[DW112]", "[DW121]")), exc.value
    assert site.hits("/a") == 0
    # the setting lets a test server or an intranet through
    if host in ("127.0.0.1", "127.1", "localhost", "2130706433"):
        with Fetcher(**FAST, allow_private=True) as fetcher:
            assert fetcher.fetch(url).status == 200


@pytest.mark.parametrize("address", [
    "10.0.0.1", "10.255.255.53", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "0", "224.0.0.1", "255.255.255.255", "[fc00::1]", "[fd12:3456::1]", "[fe80::1]", "[::]",
    "[::ffff:10.0.0.1]", "[::ffff:169.254.169.254]", "[64:ff9b::a00:1]", "[2002:a00:1::]", "012.0.0.1",
    "0xa000001", "167772161",
])
def test_security_urls_private_networks_refused_by_default(address: str) -> None:
    """Checked only (Fetcher.check connects to nothing): whatever the answer, no packet is sent."""
    with Fetcher(**FAST) as fetcher, pytest.raises(UnsafeURL) as exc:
        fetcher.check(f"http://{address}/latest/meta-data/")
    assert str(exc.value).startswith("[DW111]"), exc.value


def test_security_urls_names_resolving_to_private_addresses_are_refused() -> None:
    """A public-looking name that resolves to a private or loopback address (DNS rebinding, an
    internal name) is refused on the address, not the name."""
    answers = {"news.example.org": ["93.184.215.14", "10.0.0.7"], "cdn.example.net": ["::1"],
               "metadata.example.com": ["169.254.169.254"]}
    with Fetcher(**FAST, resolver=lambda host, port: answers[host]) as fetcher:
        for host in answers:
            with pytest.raises(UnsafeURL):
                fetcher.check(f"https://{host}/story")


def test_security_urls_redirects_are_checked_like_urls(site: Site, other_loopback: Site) -> None:
    """The first URL is allowed (127.0.0.1 only, as an intranet would be); its redirects to
    another loopback address, to file:// and to a private address are refused, unfollowed."""
    site.redirect("/to-loopback", other_loopback.url("/secret"))
    site.redirect("/to-file", "file:///etc/passwd")
    site.redirect("/to-private", "http://10.0.0.1/")
    site.redirect("/to-mapped", f"http://[::ffff:127.0.0.2]:{other_loopback.port}/secret")
    with Fetcher(**FAST, allowed_networks=["127.0.0.1/32"]) as fetcher:
        assert fetcher.fetch(site.url("/a")).status == 200
        for path in ("/to-loopback", "/to-file", "/to-private", "/to-mapped"):
            with pytest.raises(UnsafeURL):
                fetcher.fetch(site.url(path))
            assert site.hits(path) == 1
    assert other_loopback.hits("/secret") == 0


def test_security_urls_feed_links_are_checked(site: Site, other_loopback: Site, tmp_path: Path, nlp) -> None:
    """A feed on an allowed server whose items link to file://, another loopback address and a
    private address: those items fail one by one with the reason; the allowed one is stored."""
    from dyadwatch import Store, ingest_sources

    site.page("/feed.xml", rss([("1", site.url("/a"), "Talks"), ("2", "file:///etc/passwd", "Passwords"),
                                ("3", other_loopback.url("/secret"), "Internal"),
                                ("4", "http://169.254.169.254/latest/meta-data/", "Metadata")]),
              content_type="application/rss+xml")
    with Fetcher(**FAST, allowed_networks=["127.0.0.1/32"]) as fetcher, Store(tmp_path / "f.db") as store:
        summary = ingest_sources(store, [site.url("/feed.xml")], fetcher=fetcher, nlp=nlp, compare=False)
        sources = [r[0] for r in store.execute("SELECT source FROM document_sources")]
    assert summary.added == 1, summary.messages
    refused = [m for m in summary.messages if m.startswith(("[DW110]", "[DW111]"))]
    assert len(refused) == 3, summary.messages
    assert sources == [site.url("/a")]
    assert other_loopback.hits("/secret") == 0


def test_security_urls_cli_refuses_loopback_unless_told(site: Site, tmp_path: Path) -> None:
    site.page("/feed.xml", rss([("1", site.url("/a"), "Talks")]), content_type="application/rss+xml")
    db = tmp_path / "cli.db"
    for args in (["ingest", "--db", str(db), site.url("/a")],
                 ["watch", "--db", str(db), "--once", site.url("/feed.xml")]):
        result = subprocess.run([sys.executable, "-m", "dyadwatch", *args], capture_output=True, text=True,
                                env=env(DYADWATCH_FETCH_HOST_DELAY="0"), timeout=120)
        assert "[DW111]" in result.stderr + result.stdout, (args, result.stdout, result.stderr)
        assert result.returncode == 1 and "Traceback" not in result.stderr, (args, result.stderr)
    assert site.hits("/a") == 0 and site.hits("/feed.xml") == 0
    result = subprocess.run([sys.executable, "-m", "dyadwatch", "ingest", "--db", str(db), "--allow-private-addresses",
                             site.url("/a")], capture_output=True, text=True, env=env(DYADWATCH_FETCH_HOST_DELAY="0"),
                            timeout=120)
    assert result.returncode == 0 and "1 added" in result.stdout, result.stdout + result.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 1
