"""Fetching URLs: the Fetcher's policy against a real HTTP server on 127.0.0.1, and URLs ingested
into a real store (the same article under two URLs stored once, failures reported per URL)."""

from __future__ import annotations

import ipaddress
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch import Store, ingest_sources, load_settings
from dyadwatch.cli import cli
from dyadwatch.errors import ConfigError, FetchError, UnsafeURL
from dyadwatch.ingest.urls import Fetcher, address_kind, canonical_url, content_kind, page_document
from dyadwatch.records import RawDocument

from httpd import Reply, Site, article, no_proxies, rss  # noqa: F401 (no_proxies is an autouse fixture)

TALKS = ("Ankara and Athens agreed on Tuesday to reopen talks on maritime borders, officials said.",
         "The foreign ministers will meet next month in Brussels to settle the agenda.")
FAST = dict(timeout=2.0, retries=0, backoff=0.01, host_delay=0, allow_private=True)


@pytest.fixture
def site():
    server = Site()
    yield server
    server.close()


@pytest.fixture
def fetcher():
    with Fetcher(**FAST) as f:
        yield f


def code(exc: pytest.ExceptionInfo[BaseException]) -> str:
    return str(exc.value)[1:6]


# -- redirects ------------------------------------------------------------------------------

def test_urls_follow_redirects_to_the_final_page(site: Site, fetcher: Fetcher) -> None:
    site.page("/story", article("Talks reopen", *TALKS))
    site.redirect("/short", "/moved", 301)
    site.redirect("/moved", site.url("/story"), 307)
    page = fetcher.fetch(site.url("/short"))
    assert page.status == 200 and page.final_url == site.url("/story")
    assert page.redirects == (site.url("/short"), site.url("/moved"))
    assert page.content_type == "text/html" and page.charset == "utf-8"


def test_urls_redirect_loop_stops_at_the_limit(site: Site) -> None:
    site.redirect("/ping", "/pong")
    site.redirect("/pong", "/ping")
    with Fetcher(**{**FAST, "max_redirects": 3}) as f, pytest.raises(FetchError) as exc:
        f.fetch(site.url("/ping"))
    assert code(exc) == "DW114" and site.url("/ping") in str(exc.value) and "more than 3 redirects" in str(exc.value)
    assert site.hits("/ping") + site.hits("/pong") == 4  # the first request and three redirects


# -- time and size ----------------------------------------------------------------------------

def test_urls_slow_response_times_out(site: Site) -> None:
    site.serve("/slow", Reply(200, "late", delay=1.0))
    started = time.monotonic()
    with Fetcher(**{**FAST, "timeout": 0.25}) as f, pytest.raises(FetchError) as exc:
        f.fetch(site.url("/slow"))
    assert code(exc) == "DW113" and "0.25 s" in str(exc.value) and "DYADWATCH_FETCH_TIMEOUT" in str(exc.value)
    assert time.monotonic() - started < 0.9


def test_urls_trickling_body_hits_the_whole_response_deadline(site: Site) -> None:
    """Each byte arrives within the read timeout, but the whole response takes too long."""

    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Slowly(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(20):
                    self.wfile.write(b"x" * 10)
                    self.wfile.flush()
                    time.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Slowly)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with Fetcher(**{**FAST, "timeout": 0.3}) as f, pytest.raises(FetchError) as exc:
            f.fetch(f"http://127.0.0.1:{server.server_address[1]}/")
        assert code(exc) == "DW113"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("length", [True, False], ids=["content-length", "streamed"])
def test_urls_oversized_body_is_refused(site: Site, length: bool) -> None:
    site.page("/big", b"x" * 50_000, content_type="text/plain", length=length)
    with Fetcher(**{**FAST, "max_bytes": 10_000}) as f, pytest.raises(FetchError) as exc:
        f.fetch(site.url("/big"))
    assert code(exc) == "DW115" and "10,000 bytes" in str(exc.value)
    assert ("50,000 bytes" in str(exc.value)) == length  # known before reading when declared


# -- retries --------------------------------------------------------------------------------

def test_urls_429_then_success_waits_for_retry_after(site: Site) -> None:
    site.serve("/busy", [Reply(429, "slow down", headers={"Retry-After": "1"}),
                         Reply(200, "Talks resume in Brussels next month, officials said.", content_type="text/plain")])
    started = time.monotonic()
    with Fetcher(**{**FAST, "retries": 2, "max_retry_after": 5}) as f:
        page = f.fetch(site.url("/busy"))
    waited = time.monotonic() - started
    assert page.status == 200 and page.body.startswith(b"Talks resume")
    assert site.hits("/busy") == 2 and 0.95 <= waited < 3


def test_urls_retry_after_beyond_the_cap_fails_at_once(site: Site) -> None:
    site.serve("/busy", Reply(503, "", headers={"Retry-After": "3600"}))
    started = time.monotonic()
    with Fetcher(**{**FAST, "retries": 3, "max_retry_after": 10}) as f, pytest.raises(FetchError) as exc:
        f.fetch(site.url("/busy"))
    assert code(exc) == "DW117" and "3600 s" in str(exc.value) and "10 s" in str(exc.value)
    assert site.hits("/busy") == 1 and time.monotonic() - started < 1


def test_urls_500_then_success_backs_off_and_retries(site: Site) -> None:
    site.serve("/flaky", [Reply(500, "oops"), Reply(502, "oops"), Reply(200, article("Talks reopen", *TALKS))])
    slept: list[float] = []
    with Fetcher(**{**FAST, "retries": 2, "backoff": 0.01},
                 sleep=lambda s: (slept.append(s), time.sleep(s))) as f:  # type: ignore[func-returns-value]
        page = f.fetch(site.url("/flaky"))
    assert page.status == 200 and site.hits("/flaky") == 3
    assert slept == [0.01, 0.02]  # exponential backoff


def test_urls_persistent_500_fails_after_the_retries(site: Site) -> None:
    site.serve("/down", Reply(500, "oops"))
    with Fetcher(**{**FAST, "retries": 2}) as f, pytest.raises(FetchError) as exc:
        f.fetch(site.url("/down"))
    assert code(exc) == "DW116" and "HTTP 500" in str(exc.value) and "try again later" in str(exc.value)
    assert site.hits("/down") == 3


def test_urls_404_is_not_retried(site: Site) -> None:
    with Fetcher(**{**FAST, "retries": 3}) as f, pytest.raises(FetchError) as exc:
        f.fetch(site.url("/gone"))
    assert code(exc) == "DW116" and "404" in str(exc.value) and "check the URL" in str(exc.value)
    assert site.hits("/gone") == 1


def test_urls_connection_refused_names_the_url() -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with Fetcher(**FAST) as f, pytest.raises(FetchError) as exc:
        f.fetch(f"http://127.0.0.1:{port}/a")
    assert code(exc) == "DW119" and f"127.0.0.1:{port}/a" in str(exc.value)


# -- politeness, identity ---------------------------------------------------------------------

def test_urls_identify_themselves_and_wait_between_requests_to_a_host(site: Site) -> None:
    site.page("/a", "one", content_type="text/plain")
    site.page("/b", "two", content_type="text/plain")
    with Fetcher(**{**FAST, "host_delay": 0.3}) as f:
        f.fetch(site.url("/a"))
        f.fetch(site.url("/b"))
    first, second = site.requests
    assert second.at - first.at >= 0.29
    assert first.headers["User-Agent"].startswith("dyadwatch/")
    assert first.headers["Host"] == f"127.0.0.1:{site.port}"


# -- content types ------------------------------------------------------------------------

def test_urls_wrong_content_type_is_refused(site: Site, fetcher: Fetcher) -> None:
    site.page("/report.pdf", b"%PDF-1.7 ...", content_type="application/pdf")
    site.page("/data", b'{"a": 1}', content_type="application/json")
    for path, kind in (("/report.pdf", "application/pdf"), ("/data", "application/json")):
        with pytest.raises(FetchError) as exc:
            fetcher.fetch(site.url(path))
        assert code(exc) == "DW118" and kind in str(exc.value) and site.url(path) in str(exc.value)


def test_urls_content_is_sniffed_when_the_type_says_nothing(site: Site, fetcher: Fetcher) -> None:
    site.page("/feed-as-html", rss([("1", "http://example.org/a", "A")]), content_type="text/html")
    site.page("/page-untyped", article("Talks reopen", *TALKS), content_type=None)
    site.page("/binary", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="application/octet-stream")
    site.page("/xml", b"<?xml version='1.0'?><catalog><book/></catalog>", content_type="application/xml")
    assert content_kind(fetcher.fetch(site.url("/feed-as-html"))) == "feed"
    assert content_kind(fetcher.fetch(site.url("/page-untyped"))) == "html"
    for path in ("/binary", "/xml"):
        with pytest.raises(FetchError) as exc:
            content_kind(fetcher.fetch(site.url(path)))
        assert code(exc) == "DW118"


def test_urls_page_document_keeps_the_canonical_url(site: Site, fetcher: Fetcher) -> None:
    site.page("/amp/talks", article("Talks reopen", *TALKS, canonical="/2024/05/14/talks?utm_source=x#top"))
    site.page("/home-canonical", article("Talks reopen", *TALKS, canonical="/"))
    raw = page_document(fetcher.fetch(site.url("/amp/talks")), hints={"title": "ignored", "outlet": "Ledger"})
    assert isinstance(raw, RawDocument) and raw.text.startswith("Talks reopen")
    assert raw.url == site.url("/2024/05/14/talks")
    assert raw.hints["title"] == "Talks reopen" and raw.hints["outlet"] == "Ledger"  # the page wins, hints fill in
    raw = page_document(fetcher.fetch(site.url("/home-canonical")))
    assert isinstance(raw, RawDocument) and raw.url == site.url("/home-canonical")  # a home page names no article


# -- safety -----------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["ftp://example.org/a.txt", "file:///etc/passwd", "gopher://example.org/",
                                 "javascript://alert(1)"])
def test_urls_non_http_schemes_are_refused(url: str) -> None:
    with Fetcher() as f, pytest.raises(UnsafeURL) as exc:
        f.fetch(url)
    assert code(exc) == "DW110" and url in str(exc.value) and "http:// and https://" in str(exc.value)


def test_urls_private_addresses_are_refused_by_default(site: Site) -> None:
    site.page("/a", article("Talks reopen", *TALKS))
    with Fetcher(host_delay=0) as f:
        for url in (site.url("/a"), f"http://localhost:{site.port}/a"):
            with pytest.raises(UnsafeURL) as exc:
                f.fetch(url)
            message = str(exc.value)
            assert code(exc) == "DW111" and url in message and "loopback" in message
            assert "DYADWATCH_ALLOW_PRIVATE_ADDRESSES=1" in message
    assert "'localhost' resolves to" in message
    assert site.hits("/a") == 0  # refused before any request


def test_urls_redirect_to_a_private_address_is_refused(site: Site) -> None:
    """The address is checked again after a redirect: 127.0.0.1 is allowed here, 127.0.0.2 is not."""
    inner = Site(host="127.0.0.2")
    try:
        inner.page("/secret", "internal", content_type="text/plain")
        site.redirect("/out", inner.url("/secret"))
        with Fetcher(host_delay=0, retries=0, allowed_networks=["127.0.0.1/32"]) as f, \
                pytest.raises(UnsafeURL) as exc:
            f.fetch(site.url("/out"))
        assert code(exc) == "DW111" and inner.url("/secret") in str(exc.value)
        assert f"redirected from {site.url('/out')}" in str(exc.value)
        assert site.hits("/out") == 1 and inner.hits("/secret") == 0
    finally:
        inner.close()


def test_urls_credentials_in_urls_are_refused() -> None:
    with Fetcher() as f, pytest.raises(FetchError) as exc:
        f.fetch("https://user:secret@example.org/a")
    assert code(exc) == "DW121"


@pytest.mark.parametrize("address,kind", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"), ("172.16.0.1", "private"),
    ("192.168.1.1", "private"), ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("fc00::1", "private"), ("100.64.0.1", "shared (carrier-grade NAT)"), ("0.0.0.0", "unspecified"),
    ("224.0.0.1", "multicast"), ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"),
    ("2002:a00:1::1", "private"), ("192.0.2.1", "private"), ("240.0.0.1", "reserved"),
    ("8.8.8.8", None), ("2606:4700:4700::1111", None), ("93.184.216.34", None),
])
def test_urls_address_kinds(address: str, kind: str | None) -> None:
    assert address_kind(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize("url,expected", [
    ("HTTPS://Example.ORG:443/a?utm_source=rss&b=2&a=1#top", "https://example.org/a?a=1&b=2"),
    ("http://example.org/news/1?fbclid=abc", "http://example.org/news/1"),
    ("http://example.org", "http://example.org/"),
])
def test_urls_canonical_form(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_urls_settings_make_the_fetcher() -> None:
    settings = load_settings(environ={"DYADWATCH_FETCH_TIMEOUT": "0.5", "DYADWATCH_FETCH_RETRIES": "0",
                                      "DYADWATCH_ALLOW_PRIVATE_ADDRESSES": "yes", "DYADWATCH_USER_AGENT": "me/1"})
    with Fetcher.from_settings(settings) as f:
        assert (f.timeout, f.retries, f.allow_private, f.user_agent) == (0.5, 0, True, "me/1")
    for env, value in (("DYADWATCH_FETCH_TIMEOUT", "soon"), ("DYADWATCH_FETCH_TIMEOUT", "0"),
                       ("DYADWATCH_ALLOW_PRIVATE_ADDRESSES", "maybe"), ("DYADWATCH_FETCH_RETRIES", "-1")):
        with pytest.raises(ConfigError) as exc:
            load_settings(environ={env: value})
        assert "[DW401]" in str(exc.value)


# -- into the store ---------------------------------------------------------------------------

def test_urls_same_article_under_two_urls_is_stored_once(site: Site, fetcher: Fetcher, db_path: Path) -> None:
    canonical = site.url("/2024/05/14/talks")
    site.page("/2024/05/14/talks", article("Talks reopen", *TALKS, canonical=canonical))
    # the same article on its AMP page: another teaser line, so another text, same canonical link
    site.page("/amp/talks", article("Talks reopen", *TALKS, "Read more: the Aegean dispute explained.",
                                    canonical=canonical))
    site.redirect("/s/abc", "/2024/05/14/talks")
    with Store(db_path) as store:
        summary = ingest_sources(store, [site.url("/2024/05/14/talks?utm_source=rss"), site.url("/amp/talks"),
                                         site.url("/s/abc")], fetcher=fetcher, analyze=False)
        assert (summary.added, summary.present, summary.failed) == (1, 2, 0), summary.messages
        [row] = store.execute("SELECT id, url FROM documents")
        assert row["url"] == canonical
        assert set(store.document_sources(row["id"])) == {
            site.url("/2024/05/14/talks?utm_source=rss"), site.url("/amp/talks"), site.url("/s/abc")}
        # asked again, nothing is fetched: the URLs are known
        before = len(site.requests)
        again = ingest_sources(store, [site.url("/amp/talks"), site.url("/2024/05/14/talks")], fetcher=fetcher,
                               analyze=False)
        assert (again.added, again.present) == (0, 2) and len(site.requests) == before


def test_urls_failures_are_reported_per_url_and_the_rest_go_on(site: Site, db_path: Path,
                                                               tmp_path: Path) -> None:
    site.page("/good", article("Talks reopen", *TALKS))
    site.page("/also-good", "Seoul and Tokyo agreed on Monday to resume security talks, officials said.",
              content_type="text/plain; charset=utf-8")
    site.page("/image", b"\x89PNG\r\n", content_type="image/png")
    listing = tmp_path / "reading-list.txt"
    listing.write_text(f"# to read\n{site.url('/also-good')}\n\n{site.url('/image')}\n")
    messages: list[str] = []
    with Store(db_path) as store, Fetcher(**FAST) as fetcher:
        summary = ingest_sources(store, [site.url("/missing"), "ftp://example.org/x", site.url("/good"), str(listing)],
                                 fetcher=fetcher, analyze=False, on_message=messages.append)
        assert (summary.added, summary.failed) == (2, 3)
        assert [m[1:6] for m in messages] == ["DW116", "DW110", "DW118"]
        assert store.counts()["documents"] == 2


def test_urls_cli_ingests_a_url_and_refuses_private_addresses_by_default(site: Site, db_path: Path) -> None:
    site.page("/good", article("Talks reopen", *TALKS))
    env = {"DYADWATCH_FETCH_HOST_DELAY": "0", "DYADWATCH_FETCH_RETRIES": "0"}
    refused = CliRunner().invoke(cli, ["ingest", "--db", str(db_path), "--no-analyze", site.url("/good")], env=env)
    assert refused.exit_code == 1 and "[DW111]" in refused.output and "Traceback" not in refused.output
    ok = CliRunner().invoke(cli, ["ingest", "--db", str(db_path), "--no-analyze", "--allow-private-addresses",
                                  site.url("/good")], env=env)
    assert ok.exit_code == 0, ok.output
    assert f"{db_path}: 1 added, 0 already present, 0 failed" in ok.output
    assert site.hits("/good") == 1


def test_urls_every_address_of_a_host_is_checked(site: Site) -> None:
    site.page("/a", "internal", content_type="text/plain")
    resolver = lambda host, port: ["127.0.0.1", "10.0.0.5"]  # noqa: E731 (a name with two addresses)
    with Fetcher(host_delay=0, retries=0, allowed_networks=["127.0.0.0/8"], resolver=resolver) as f, \
            pytest.raises(UnsafeURL) as exc:
        f.fetch(f"http://news.test:{site.port}/a")
    assert "'news.test' resolves to 10.0.0.5, which is a private address" in str(exc.value)
    assert site.hits("/a") == 0


def test_urls_connect_to_the_address_that_was_checked(site: Site) -> None:
    """DNS rebinding: the name resolves to an allowed address when checked and to a refused one
    afterwards; the request goes to the address that was checked."""
    allowed = Site(host="127.0.0.2", port=site.port)  # the same port on another address
    try:
        allowed.page("/a", "public", content_type="text/plain")
        site.page("/a", "internal", content_type="text/plain")
        answers = iter([["127.0.0.2"], ["127.0.0.1"], ["127.0.0.1"]])
        with Fetcher(host_delay=0, retries=0, allowed_networks=["127.0.0.2/32"],
                     resolver=lambda host, port: next(answers)) as f:
            page = f.fetch(f"http://news.test:{site.port}/a")
        assert page.body == b"public" and allowed.hits("/a") == 1 and site.hits("/a") == 0
        assert allowed.requests[0].headers["Host"] == f"news.test:{site.port}"
    finally:
        allowed.close()


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to make a certificate")
def test_urls_https_keeps_the_host_name_for_tls_while_pinned_to_the_address(tmp_path: Path) -> None:
    import ssl
    import subprocess
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    import httpx

    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(tmp_path / "key.pem"),
                    "-out", str(tmp_path / "cert.pem"), "-days", "2", "-subj", "/CN=news.test",
                    "-addext", "subjectAltName=DNS:news.test"], check=True, capture_output=True)

    class Echo(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = f"Host {self.headers['Host']}, path {self.path}".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    trust = ssl.create_default_context(cafile=str(tmp_path / "cert.pem"))
    try:
        with httpx.Client(verify=trust) as client, Fetcher(client=client, host_delay=0, retries=0, allow_private=True,
                                                           resolver=lambda host, port: ["127.0.0.1"]) as f:
            page = f.fetch(f"https://news.test:{port}/a?b=1")
            assert page.body == f"Host news.test:{port}, path /a?b=1".encode()
            with pytest.raises(FetchError) as exc:  # the certificate is still checked against the name
                f.fetch(f"https://other.test:{port}/a")
            assert code(exc) == "DW119" and "other.test" in str(exc.value)
    finally:
        server.shutdown()
        server.server_close()
