"""A real HTTP server on 127.0.0.1, in a thread, serving what a test sets (no mocks).

    site = Site()
    site.page("/a", "<html>…</html>")
    site.serve("/flaky", [Reply(500), Reply(200, b"ok")])    # one reply per request, the last repeated
    site.serve("/feed", lambda request: Reply(304) if request.headers.get("If-None-Match") else …)
    fetcher.fetch(site.url("/a"))
    site.hits("/a")   # how many requests it answered

Paths are matched without their query string.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "all_proxy",
                   "no_proxy")


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy in the environment would take requests meant for 127.0.0.1 elsewhere (httpx honours it)."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = "text/html; charset=utf-8"
    #: seconds to wait before answering
    delay: float = 0.0
    #: send Content-Length (else the body ends when the connection closes)
    length: bool = True


@dataclass(frozen=True)
class Request:
    path: str
    query: str
    headers: dict[str, str]
    at: float


Handler = Reply | Sequence[Reply] | Callable[[Request], Reply]


class Site:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: list[Request] = []
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()
        site = self

        class _Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                parts = urlsplit(self.path)
                request = Request(parts.path, parts.query, {k: v for k, v in self.headers.items()}, time.monotonic())
                with site._lock:
                    site.requests.append(request)
                    n = site._counts.get(parts.path, 0)
                    site._counts[parts.path] = n + 1
                handler = site.routes.get(parts.path)
                if handler is None:
                    reply = Reply(404, b"not found", content_type="text/plain")
                elif isinstance(handler, Reply):
                    reply = handler
                elif callable(handler):
                    reply = handler(request)
                else:
                    reply = handler[min(n, len(handler) - 1)]
                if reply.delay:
                    time.sleep(reply.delay)
                body = reply.body.encode("utf-8") if isinstance(reply.body, str) else reply.body
                try:
                    self.send_response(reply.status)
                    if reply.content_type:
                        self.send_header("Content-Type", reply.content_type)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if reply.length:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if body and reply.status != 304:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout or size test)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer((host, port), _Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.host, self.port = self.server.server_address[:2]
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def serve(self, path: str, handler: Handler) -> str:
        self.routes[path] = handler
        return self.url(path)

    def page(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8",
             **options: object) -> str:
        return self.serve(path, Reply(200, body, content_type=content_type, **options))  # type: ignore[arg-type]

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        return self.serve(path, Reply(status, b"", headers={"Location": to}, content_type=None))

    def hits(self, path: str) -> int:
        with self._lock:
            return self._counts.get(path, 0)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def rss(items: Sequence[tuple[str, str, str]], *, title: str = "Aegean Ledger: World") -> str:
    """An RSS 2.0 document with (guid, link, title) items."""
    entries = "".join(
        f"<item><guid>{guid}</guid><link>{link}</link><title>{item_title}</title>"
        f"<author>desk@example.org (Maria Kostas)</author><pubDate>Tue, 14 May 2024 09:00:00 GMT</pubDate></item>"
        for guid, link, item_title in items)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.org/</link><description>news</description>{entries}</channel></rss>")


def article(title: str, *paragraphs: str, canonical: str | None = None) -> str:
    """An HTML article page."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title>{link}</head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>(c) Aegean Ledger</footer></body></html>")
