"""Fetch web pages and feeds over HTTP(S), politely and safely.

A :class:`Fetcher` holds the fetch policy: a timeout for the whole response, redirects followed
one by one up to a limit, a maximum body size, an identifying User-Agent, http and https only,
content types checked before the body is read, retries with exponential backoff on timeouts,
network errors, HTTP 429 and 5xx (honouring ``Retry-After`` up to a cap) and a delay between two
requests to the same host.

Addresses are checked before every request, redirects included: the host is resolved, and when
any of its addresses is loopback, private, link-local, multicast or otherwise not globally
routable the URL is refused (unless ``allow_private``). The request then goes to the very
address that was checked (the ``Host`` header and TLS server name stay those of the URL), so a
name that resolves to a public address when checked and to a private one when connecting
cannot slip through (DNS rebinding).

Every problem raises a :class:`~dyadwatch.errors.FetchError` whose message names the URL, the
reason and what to do.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urljoin, urlsplit, urlunsplit

from dyadwatch.errors import Errors, FetchError, UnsafeURL
from dyadwatch.ingest.feeds import looks_like_feed
from dyadwatch.ingest.readers import Failure, binary_reason, decode, read_html
from dyadwatch.records import RawDocument

if TYPE_CHECKING:
    import httpx

    from dyadwatch.settings import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
ContentKind = Literal["feed", "html", "text"]

ALLOWED_SCHEMES = ("http", "https")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/x-rss+xml", "application/x-atom+xml"})
XML_TYPES = frozenset({"application/xml", "text/xml"})
TEXT_TYPES = frozenset({"text/plain"})
#: types servers send when they do not know: the body decides
SNIFFED_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})
#: what a Fetcher accepts by default; anything else is refused before its body is read
ACCEPTED_TYPES = HTML_TYPES | FEED_TYPES | XML_TYPES | TEXT_TYPES | SNIFFED_TYPES
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
#: 501 Not Implemented will not change by asking again
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 507, 508, 509, 520, 521, 522, 523, 524})


def default_user_agent() -> str:
    from dyadwatch import __version__

    return f"dyadwatch/{__version__} (news article fetcher)"


@dataclass(frozen=True)
class Fetched:
    """One HTTP response that passed the fetch policy.

    url: the URL as asked for; final_url: after redirects.
    content_type: the media type in lower case ("text/html"), "" when the server sent none.
    status: 200 (or another 2xx), or 304 when a conditional request found nothing new
    (``body`` is then empty).
    """

    url: str
    final_url: str
    status: int
    content_type: str = ""
    charset: str | None = None
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    redirects: tuple[str, ...] = ()

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        """The body as text: the declared charset, else UTF-8, else a detected encoding."""
        if self.charset:
            try:
                return self.body.decode(self.charset)
            except (LookupError, UnicodeDecodeError):
                pass
        text, _encoding = decode(self.body)
        return text if text is not None else self.body.decode("utf-8", errors="replace")


@dataclass
class CheckedURL:
    """A URL that passed the checks: the addresses a request may connect to, and its Host."""

    url: str
    scheme: str
    host: str
    netloc: str
    port: int
    addresses: list[str] = field(default_factory=list)


class Fetcher:
    """Fetches URLs under one policy. Use as a context manager, or call :meth:`close`.

    timeout: seconds for one response, from connecting to the last byte of the body.
    max_redirects: redirects followed before failing with DW114.
    max_bytes: largest body accepted (also checked against ``Content-Length`` first).
    user_agent: the ``User-Agent`` header; None means :func:`default_user_agent`.
    retries: further attempts after a timeout, a network error, HTTP 429 or a 5xx status.
    backoff: seconds before the first retry, doubled for each further retry.
    max_retry_after: the longest ``Retry-After`` waited for; a longer one fails with DW117.
    host_delay: seconds between the end of one request and the start of the next to the same host.
    allow_private: also fetch from loopback, private, link-local … addresses.
    allowed_networks: networks allowed even when ``allow_private`` is off ("10.2.0.0/16").
    content_types: media types accepted; others fail with DW118 before their body is read.
    client: an ``httpx.Client`` to use (its redirects are not followed; the Fetcher does that).
    resolver: host name and port -> addresses; by default the system's (``socket.getaddrinfo``).
    sleep, clock: how to wait and tell time (a watch loop passes a sleep that wakes on a signal).

    >>> with Fetcher(timeout=10) as fetcher:                       # doctest: +SKIP
    ...     page = fetcher.fetch("https://example.org/news/1")
    >>> page.content_type, page.final_url                          # doctest: +SKIP
    ('text/html', 'https://example.org/news/1')
    """

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        max_redirects: int = 5,
        max_bytes: int = 10_000_000,
        user_agent: str | None = None,
        retries: int = 2,
        backoff: float = 1.0,
        max_retry_after: float = 120.0,
        host_delay: float = 1.0,
        allow_private: bool = False,
        allowed_networks: Iterable[str] = (),
        content_types: Iterable[str] = ACCEPTED_TYPES,
        client: httpx.Client | None = None,
        resolver: Callable[[str, int], Sequence[str]] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        import httpx

        self.timeout = timeout
        self.max_redirects = max_redirects
        self.max_bytes = max_bytes
        self.user_agent = user_agent or default_user_agent()
        self.retries = retries
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.host_delay = host_delay
        self.allow_private = allow_private
        self.allowed_networks = tuple(ipaddress.ip_network(n, strict=False) for n in allowed_networks)
        self.content_types = frozenset(t.lower() for t in content_types)
        self._own_client = client is None
        self._client = client or httpx.Client(follow_redirects=False, timeout=timeout)
        self._resolver = resolver or _system_resolver
        self._sleep = sleep
        self._clock = clock
        #: host:port -> when the last request to it ended
        self._last_request: dict[str, float] = {}

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> Fetcher:
        """A Fetcher with the ``fetch_*``, ``user_agent`` and ``allow_private_addresses`` settings."""
        options: dict[str, Any] = dict(
            timeout=settings.fetch_timeout, max_redirects=settings.fetch_max_redirects,
            max_bytes=settings.fetch_max_bytes, user_agent=settings.user_agent or None,
            retries=settings.fetch_retries, backoff=settings.fetch_backoff,
            max_retry_after=settings.fetch_max_retry_after, host_delay=settings.fetch_host_delay,
            allow_private=settings.allow_private_addresses,
        )
        options.update(overrides)
        return cls(**options)

    def close(self) -> None:
        if self._own_client:
            self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the policy ------------------------------------------------------------------

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url`` under the policy, following redirects; conditional when given a validator.

        RETURNS (Fetched): the response, with status 304 and no body when ``etag`` or
        ``last_modified`` show the resource has not changed.
        RAISES FetchError (UnsafeURL for a refused scheme or address), with a coded message.
        """
        headers = {"User-Agent": self.user_agent, "Accept": _ACCEPT}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        redirects: list[str] = []
        while True:
            shown = current if not redirects else f"{current} (redirected from {url})"
            target = self.check(current, shown=shown)
            response, started = self._send(target, headers, shown)
            try:
                status = response.status_code
                if status in REDIRECT_STATUSES:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(Errors.DW116.format(
                            url=shown, status=status, advice="The server redirects without saying where to."))
                    following = urljoin(current, location.strip())
                    if len(redirects) >= self.max_redirects:
                        raise FetchError(Errors.DW114.format(url=url, limit=self.max_redirects, location=following))
                    redirects.append(current)
                    current = following
                    continue
                if status == 304:
                    return Fetched(url=url, final_url=current, status=304, etag=response.headers.get("etag") or etag,
                                   last_modified=response.headers.get("last-modified") or last_modified,
                                   redirects=tuple(redirects))
                if status >= 300 or status == 204:
                    raise FetchError(Errors.DW116.format(url=shown, status=_status_text(response),
                                                         advice=_advice(status)))
                media_type, charset = _content_type(response.headers.get("content-type", ""))
                if media_type not in self.content_types:
                    raise FetchError(Errors.DW118.format(url=shown, content_type=media_type))
                body = self._read_body(response, shown, started)
                return Fetched(url=url, final_url=current, status=status, content_type=media_type, charset=charset,
                               body=body, etag=response.headers.get("etag"),
                               last_modified=response.headers.get("last-modified"), redirects=tuple(redirects))
            finally:
                response.close()
                self._last_request[target.netloc] = self._clock()

    def check(self, url: str, *, shown: str | None = None) -> CheckedURL:
        """Refuse a URL that is malformed, not http(s), or whose host has a refused address.

        RETURNS the checked target with the addresses the request may connect to.
        """
        shown = shown or url
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as exc:
            raise FetchError(Errors.DW121.format(url=shown, reason=exc)) from None
        scheme = parts.scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            raise UnsafeURL(Errors.DW110.format(url=shown, scheme=scheme or "(none)"))
        if not parts.hostname:
            raise FetchError(Errors.DW121.format(url=shown, reason="it has no host name"))
        if parts.username is not None or parts.password is not None:
            raise FetchError(Errors.DW121.format(url=shown, reason="it holds a user name or password; "
                                                                    "dyadwatch does not send credentials"))
        host = parts.hostname
        port = port or (443 if scheme == "https" else 80)
        netloc = parts.netloc.lower()
        target = CheckedURL(url=url, scheme=scheme, host=host, netloc=netloc, port=port)
        try:
            literal: IPAddress | None = ipaddress.ip_address(host)
        except ValueError:
            literal = None
        if literal is not None:
            addresses = [str(literal)]
        else:
            try:
                addresses = list(dict.fromkeys(self._resolver(host, port)))
            except (OSError, UnicodeError) as exc:
                reason = exc.args[1] if isinstance(exc, socket.gaierror) and len(exc.args) > 1 else str(exc)
                raise FetchError(Errors.DW112.format(url=shown, host=host, reason=reason)) from None
            if not addresses:
                raise FetchError(Errors.DW112.format(url=shown, host=host, reason="no address"))
        for address in addresses:
            problem = self.address_problem(ipaddress.ip_address(address))
            if problem:
                where = address if literal is not None else f"'{host}' resolves to {address}, which"
                raise UnsafeURL(Errors.DW111.format(url=shown, where=where, kind=problem))
        target.addresses = addresses
        return target

    def address_problem(self, ip: IPAddress) -> str | None:
        """Why ``ip`` is refused under this policy ("loopback", "private" …), or None."""
        if self.allow_private or any(ip in net for net in self.allowed_networks if net.version == ip.version):
            return None
        return address_kind(ip)

    # -- one request, with retries ---------------------------------------------------

    def _send(self, target: CheckedURL, headers: dict[str, str], shown: str) -> tuple[httpx.Response, float]:
        """The first response that is not worth retrying, and when its request started."""
        import httpx

        attempt = 0
        while True:
            self._wait_for_host(target.netloc)
            wait: float | None = None
            started = self._clock()
            try:
                response = self._open(target, headers)
            except httpx.TimeoutException:
                error = FetchError(Errors.DW113.format(url=shown, timeout=self.timeout))
            except httpx.TransportError as exc:
                error = FetchError(Errors.DW119.format(url=shown, reason=_transport_reason(exc)))
            else:
                if response.status_code not in RETRY_STATUSES:
                    return response, started
                retry_after = _retry_after(response.headers.get("retry-after"))
                error = FetchError(Errors.DW116.format(url=shown, status=_status_text(response),
                                                       advice=_advice(response.status_code)))
                response.close()
                if retry_after is not None:
                    if retry_after > self.max_retry_after:
                        self._last_request[target.netloc] = self._clock()
                        raise FetchError(Errors.DW117.format(url=shown, wait=retry_after, cap=self.max_retry_after))
                    wait = retry_after
            self._last_request[target.netloc] = self._clock()
            if attempt >= self.retries:
                raise error
            self._sleep(wait if wait is not None else self.backoff * 2 ** attempt)
            attempt += 1

    def _open(self, target: CheckedURL, headers: dict[str, str]) -> httpx.Response:
        """Send the request to the checked addresses in turn (the first that connects answers)."""
        import httpx

        last: Exception | None = None
        for address in target.addresses:
            request = self._client.build_request(
                "GET", _pinned_url(target, address), headers={**headers, "Host": target.netloc},
                timeout=httpx.Timeout(self.timeout),
                extensions={"sni_hostname": target.host} if target.scheme == "https" else {},
            )
            try:
                return self._client.send(request, stream=True, follow_redirects=False)
            except httpx.ConnectError as exc:
                last = exc
        assert last is not None
        raise last

    def _read_body(self, response: httpx.Response, shown: str, started: float) -> bytes:
        import httpx

        length = response.headers.get("content-length")
        if length and length.strip().isdigit() and int(length) > self.max_bytes:
            raise FetchError(Errors.DW115.format(url=shown, limit=self.max_bytes, size=f" ({int(length):,} bytes)"))
        chunks: list[bytes] = []
        size = 0
        try:
            # decoded bytes are counted, so a compressed bomb stops at the limit too
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(Errors.DW115.format(url=shown, limit=self.max_bytes, size=""))
                if self._clock() - started > self.timeout:
                    raise FetchError(Errors.DW113.format(url=shown, timeout=self.timeout))
                chunks.append(chunk)
        except httpx.TimeoutException:
            raise FetchError(Errors.DW113.format(url=shown, timeout=self.timeout)) from None
        except httpx.DecodingError as exc:
            raise FetchError(Errors.DW119.format(url=shown, reason=f"the body could not be decoded: {exc}")) from None
        except httpx.TransportError as exc:
            raise FetchError(Errors.DW119.format(url=shown, reason=_transport_reason(exc))) from None
        return b"".join(chunks)

    def _wait_for_host(self, netloc: str) -> None:
        last = self._last_request.get(netloc)
        if last is None or self.host_delay <= 0:
            return
        remaining = last + self.host_delay - self._clock()
        if remaining > 0:
            self._sleep(remaining)


# -- addresses, URLs, content ----------------------------------------------------------

def _system_resolver(host: str, port: int) -> list[str]:
    ascii_host = host.encode("idna").decode("ascii")
    infos = socket.getaddrinfo(ascii_host, port, type=socket.SOCK_STREAM)
    # a scope id ("fe80::1%eth0") is not part of the address
    return [str(info[4][0]).split("%")[0] for info in infos]


_SPECIAL_V4 = ((ipaddress.ip_network("100.64.0.0/10"), "shared (carrier-grade NAT)"),)


def address_kind(ip: IPAddress) -> str | None:
    """What kind of non-public address ``ip`` is ("loopback", "private" …), or None when public.

    An IPv6 address that embeds an IPv4 one (IPv4-mapped, 6to4, Teredo) is judged by it.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            kind = address_kind(embedded)
            if kind:
                return kind
    if ip.is_loopback:
        return "loopback"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    for net, kind in _SPECIAL_V4:
        if ip.version == net.version and ip in net:
            return kind
    if ip.is_reserved:
        return "reserved"
    if ip.is_private:
        return "private"
    if not ip.is_global:
        return "non-public"
    return None


def canonical_url(url: str) -> str:
    """The form a URL is stored and compared in: scheme and host in lower case, default port,
    fragment and tracking parameters (utm_*, fbclid …) dropped, query sorted (courlan).

    >>> canonical_url("HTTPS://Example.org:443/a?utm_source=rss&b=2&a=1#top")
    'https://example.org/a?a=1&b=2'
    """
    try:
        from courlan import normalize_url

        normal = normalize_url(url)
    except Exception:  # courlan raises on hostile input; the URL as given is still an identity
        normal = url
    parts = urlsplit(normal)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def content_kind(fetched: Fetched) -> ContentKind:
    """Whether a response is a feed, an HTML page or plain text (content type, then the body).

    RAISES FetchError (DW118) when it is none of them, e.g. XML that is no feed or a binary body.
    """
    media_type, body = fetched.content_type, fetched.body
    if looks_like_feed(body):
        return "feed"
    if media_type in FEED_TYPES:
        return "feed"  # the parser will say what is wrong with it
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    looks_html = head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]
    if media_type in HTML_TYPES or (media_type in XML_TYPES | TEXT_TYPES | SNIFFED_TYPES and looks_html):
        return "html"
    if media_type in TEXT_TYPES | SNIFFED_TYPES and not binary_reason(body):
        return "text"
    shown = media_type or "(none)"
    if media_type in XML_TYPES:
        shown += ", not an RSS or Atom feed"
    elif binary_reason(body):
        shown += f", and the body {binary_reason(body)}"
    raise FetchError(Errors.DW118.format(url=fetched.url, content_type=shown))


def page_document(fetched: Fetched, *, source: str | None = None,
                  hints: dict[str, Any] | None = None) -> RawDocument | Failure:
    """A fetched HTML or text page as a raw document whose ``url`` is its canonical URL.

    RAISES FetchError (DW118) when the response is neither HTML nor text.

    The canonical URL is the page's own ``<link rel="canonical">`` (or ``og:url``) when it names
    a page of an http(s) site rather than its home page, else the URL after redirects, in the
    form of :func:`canonical_url`. ``hints`` (from a feed item) fill in what the page lacks.
    """
    source = source or fetched.url
    kind = content_kind(fetched)
    text = fetched.text()
    if kind == "feed":
        return Failure(source, Errors.DW108.format(path=source, reason="it is a feed, not an article"))
    if kind == "html":
        raw = read_html(text, source=source)
        if isinstance(raw, Failure):
            return raw
        url = _page_canonical(declared_canonical(text) or raw.url, fetched.final_url)
        found = dict(raw.hints)
        for key, value in (hints or {}).items():
            if value and not found.get(key):
                found[key] = value
        return RawDocument(source=source, text=raw.text, url=url, hints=found, warnings=raw.warnings)
    if not text.strip():
        return Failure(source, Errors.DW103.format(path=source))
    return RawDocument(source=source, text=text, url=canonical_url(fetched.final_url),
                       hints={k: v for k, v in (hints or {}).items() if v})


_LINK_TAG = re.compile(r"<(?:link|meta)\b[^>]{0,2000}>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def declared_canonical(html: str) -> str | None:
    """The URL a page declares as its own: ``<link rel="canonical">``, else ``og:url`` (may be relative).

    trafilatura keeps only absolute canonical links; relative ones are common.
    """
    head = html[:300_000]
    end = head.lower().find("</head>")
    if end >= 0:
        head = head[:end]
    og = None
    for tag in _LINK_TAG.finditer(head):
        attributes = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
                      for m in _ATTRIBUTE.finditer(tag.group(0))}
        if tag.group(0)[1:5].lower() == "link" and "canonical" in attributes.get("rel", "").lower().split():
            if attributes.get("href", "").strip():
                return attributes["href"].strip()
        elif attributes.get("property", "").lower() == "og:url" and attributes.get("content", "").strip():
            og = og or attributes["content"].strip()
    return og


def _page_canonical(declared: str | None, final_url: str) -> str:
    if declared:
        candidate = urljoin(final_url, declared.strip())
        parts = urlsplit(candidate)
        # a canonical link to the site's home page (a common template mistake) names no article
        if parts.scheme in ALLOWED_SCHEMES and parts.hostname and parts.path.strip("/"):
            return canonical_url(candidate)
    return canonical_url(final_url)


def _pinned_url(target: CheckedURL, address: str) -> str:
    """The URL with its host replaced by the checked address (brackets for IPv6)."""
    parts = urlsplit(target.url)
    host = f"[{address}]" if ":" in address else address
    default = 443 if target.scheme == "https" else 80
    netloc = host if target.port == default else f"{host}:{target.port}"
    return urlunsplit((target.scheme, netloc, parts.path or "/", parts.query, ""))


def _content_type(header: str) -> tuple[str, str | None]:
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"').strip("'")
    return media_type.strip().lower(), charset


def _retry_after(value: str | None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (a number or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    from datetime import datetime, timezone

    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _status_text(response: httpx.Response) -> str:
    phrase = response.reason_phrase
    return f"{response.status_code} {phrase}" if phrase else str(response.status_code)


def _advice(status: int) -> str:
    if status in (404, 410):
        return "The page does not exist (any more); check the URL."
    if status in (401, 403, 451):
        return "The site refuses access: it may need a login, or block automated fetching."
    if status == 429:
        return "The site limits how often it may be fetched; try again later, or raise DYADWATCH_FETCH_HOST_DELAY."
    if status >= 500:
        return "The server failed; try again later."
    if 300 <= status < 400:
        return "The server answered with a redirect dyadwatch cannot follow."
    if status == 204:
        return "The server sent no content."
    return "The server refused the request; check the URL."


def _transport_reason(exc: Exception) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__


_ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
           "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1")

__all__: Sequence[str] = ["ACCEPTED_TYPES", "Fetched", "Fetcher", "address_kind", "canonical_url", "content_kind",
                          "default_user_agent", "page_document"]
