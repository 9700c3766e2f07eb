"""Fuzz targets over every input parser, shared by the test suite and ``bench/fuzz.py``.

Each target takes one generated input, runs the real parser on it and checks the outcome: a
clean result (checked for sanity) or a clean error (a ``Failure`` or a ``DyadwatchError`` with
a coded message) — never another exception, never longer than its time bound. ``COUNTS`` counts
the inputs each target was given, so a run can say how many it tried.

    tests/test_reliability_fuzz.py   a fixed budget (hypothesis max_examples), in CI
    bench/fuzz.py --minutes 10       the same targets for a time budget

The strategies put together what real inputs get wrong: invalid UTF-8, NUL bytes, BOMs, other
encodings, huge lines, deeply nested HTML, zero-width and right-to-left characters, JSON of the
wrong types, feeds that are not XML, impossible dates, figures past a float's range.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import re
import signal
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from dyadwatch.errors import DyadwatchError, FetchError
from dyadwatch.ingest import build_document, read_path
from dyadwatch.ingest.readers import Failure, Notice, UrlList, read_html, read_jsonl
from dyadwatch.records import Document, RawDocument

#: inputs tried per target in this process
COUNTS: Counter[str] = Counter()
#: slowest input per target, in seconds
SLOWEST: dict[str, float] = {}


class Hang(BaseException):
    """An input took longer than its bound (BaseException: parsers that catch Exception
    must not swallow it)."""


@contextlib.contextmanager
def bounded(seconds: float, what: str) -> Iterator[None]:
    """Fail with ``Hang`` when the block runs longer than ``seconds`` (SIGALRM; main thread)."""

    def alarm(_signum: int, _frame: object) -> None:
        raise Hang(f"{what} ran longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.perf_counter()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        took = time.perf_counter() - started
        SLOWEST[what] = max(SLOWEST.get(what, 0.0), took)


# ---------------------------------------------------------------------------- strategies

#: characters that break naive text handling
NASTY = [
    "\x00", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202b", "\u200f", "\u2066",
    "\u2028", "\u2029", "\x0b", "\x0c", "\x1b", "\r", "\r\n", "\t", "\u0301", "\u00a0", "\u3000", "\ufffd",
    "\U0001f600", "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0635\u064a\u0646", "\u4e2d\u56fd", "\u0928\u092e",
    "“", "”", "«", "»", "‘", "’", '"', "'", "—", "…", "&amp;", "&#0;", "&#xd800;", "<", ">", "\\", "%s", "{0}",
]
#: pieces of articles, metadata and hostile markup
PIECES = [
    "China and Russia agreed to expand trade on Monday.", "Putin met Xi in Beijing on 12 March 2024.",
    "\"We will not join the sanctions,\" Wang Yi said.", "India accused Pakistan of shelling the border.",
    "By Jane Doe and John Smith", "By", "NEW DELHI, March 12 (Reuters) -", "Published: 32 February 2024",
    "Updated 2024-02-30T25:61:00Z", "This article previously appeared in the Daily Planet, on May 2, 2021.",
    "Jane Doe is a columnist for The Illustrative Review.", "IE 11 is not supported.", "Read more",
    "Trade reached $1e308 trillion.", "Aid of $9" + "9" * 400 + " billion.", "a 1e309% rise", "-0.0 percent",
    "NaN dollars", "inf billion euros", "₹5,00,000 crore", "¥1.5bn", "between $3 and $2 billion", "#1",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "]]>", "<!--",
    "0 February 0000", "31/31/2031", "the 1990s", "Q5 2023", "yesterday", "3 days ago", "on Fryday",
    "\n", "\n\n", " ", "", "." * 50, "- " * 30, "=HYPERLINK(\"x\")",
]
MONTHS = ["January", "February", "Feb", "Feb.", "march", "MAY", "Sept", "Septembre", "13", "0", "02", "Smarch"]


def hostile_text(max_pieces: int = 30) -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.sampled_from(PIECES), st.sampled_from(NASTY),
        st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
        st.builds(lambda c, n: c * n, st.sampled_from(["a", " ", "\n", "ab ", "\u200b", "é", "<b>"]),
                  st.integers(0, 5000)),
    )
    return st.lists(piece, max_size=max_pieces).map("".join)


def file_bytes() -> st.SearchStrategy[bytes]:
    """Bytes of a file: text in some encoding, corrupted, with BOMs and binary magic numbers."""
    encoded = st.builds(lambda t, enc: t.encode(enc, errors="replace"), hostile_text(),
                        st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1", "shift_jis",
                                         "koi8-r", "utf-32"]))
    prefix = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"%PDF-1.4", b"PK\x03\x04",
                              b"\x00\x00", b"SQLite format 3\x00", b"\x80\x81\xfe", b"<?xml version='1.0'?>"])

    def corrupt(data: bytes, cuts: list[tuple[int, bytes]]) -> bytes:
        out = bytearray(data)
        for pos, junk in cuts:
            pos = pos % (len(out) + 1)
            out[pos:pos] = junk
        return bytes(out)

    junk = st.sampled_from([b"\xff", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\x00", b"\xf4\x90\x80\x80",
                            b"\xc0\xaf", b"\r", b"\x1a"])
    body = st.one_of(encoded, st.binary(max_size=2000),
                     st.builds(corrupt, encoded, st.lists(st.tuples(st.integers(0, 10**6), junk), max_size=6)))
    return st.builds(lambda p, b: p + b, prefix, body)


def html_markup() -> st.SearchStrategy[str]:
    """HTML pages: random trees of real and invented tags with hostile text and attributes."""
    tags = st.sampled_from(["div", "p", "article", "span", "b", "table", "td", "script", "style", "title",
                            "meta", "a", "h1", "main", "svg", "x-y", "iframe", "noscript", "template", "br"])
    attrs = st.lists(st.tuples(st.sampled_from(["class", "id", "href", "content", "name", "property",
                                                "onerror", "style", "lang", "datetime"]),
                               st.text(max_size=30)), max_size=3)
    leaf = st.one_of(hostile_text(8), st.sampled_from(PIECES))

    def node(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.builds(
            lambda t, a, kids, close: f"<{t}" + "".join(f' {k}="{v}"' for k, v in a) + ">" + "".join(kids) +
            (f"</{t}>" if close else ""),
            tags, attrs, st.lists(children, max_size=4), st.booleans())

    tree = st.recursive(leaf, node, max_leaves=40)
    deep = st.builds(lambda n, t, text: f"<{t}>" * n + text + f"</{t}>" * (n // 2), st.integers(100, 20000),
                     st.sampled_from(["div", "b", "span", "p", "table"]), hostile_text(5))
    head = st.sampled_from([
        "", "<!DOCTYPE html><html><head><meta charset='utf-8'><title>China and Russia</title>"
            "<meta name='author' content='Jane Doe'><meta property='article:published_time' "
            "content='2024-02-31'><link rel='canonical' href='javascript:alert(1)'></head><body>",
        "<html><head><meta http-equiv='refresh' content='0;url=file:///etc/passwd'></head><body><article>",
    ])
    return st.builds(lambda h, body: h + body, head, st.one_of(tree, deep))


def json_values() -> st.SearchStrategy[Any]:
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                        st.text(max_size=30), st.sampled_from(PIECES))
    return st.recursive(scalars, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                        st.dictionaries(st.text(max_size=8), kids, max_size=4)),
                        max_leaves=10)


def jsonl_text() -> st.SearchStrategy[str]:
    """JSONL files: objects with the known fields of any type, other JSON values, and lines that
    are not JSON at all."""
    fields = ["text", "html", "url", "title", "outlet", "authors", "published", "source", "id"]
    obj = st.dictionaries(st.sampled_from(fields), st.one_of(json_values(), hostile_text(6)), max_size=6)
    good_text = st.builds(lambda t, rest: {"text": t, **rest}, hostile_text(10), obj)
    line = st.one_of(
        st.builds(lambda o: json.dumps(o, allow_nan=True), st.one_of(obj, good_text, json_values())),
        st.builds(lambda o: json.dumps(o, ensure_ascii=False), good_text),
        st.sampled_from(['{"text": "\\ud800 China"}', '{"text": "a", "text": 5}', "{", "[1,2", "NaN",
                         '{"text": "China and Russia agreed.", "url": "file:///etc/passwd"}', '"just a string"',
                         '{"html": "<div><div><div>"}', '{"text": "' + "x" * 100000 + '"}', "\x00", "\ufeff{}",
                         '{"published": "32 February 2024", "text": "India and China met on Monday."}',
                         '{"authors": [1, 2], "text": "China and Russia agreed."}', "1e999"]),
        hostile_text(5),
    )
    return st.lists(line, max_size=8).map("\n".join)


def date_strings() -> st.SearchStrategy[str]:
    parts = st.tuples(st.integers(-3, 40).map(str), st.sampled_from(MONTHS),
                      st.one_of(st.integers(-10, 100000).map(str), st.sampled_from(["2024", "24", "'24", ""])))
    forms = st.builds(lambda p, form: form.format(*p), parts, st.sampled_from([
        "{0} {1} {2}", "{1} {0}, {2}", "{2}-{1}-{0}", "{0}/{1}/{2}", "{1} {0}", "on {0} {1}", "{0}th of {1} {2}",
        "{2}-{0}-{1}T25:61:61Z", "Mon, {0} {1} {2} 99:00:00 GMT", "{1} {2}", "early {1}", "{0} {1} {2} ago"]))
    return st.one_of(forms, hostile_text(4), st.sampled_from(["32 February 2024", "29 February 2023",
                                                               "0000-00-00", "9999-12-31", "2024-13-01",
                                                               "February 30", "in the 1990s", "Q3 2023",
                                                               "last Fryday", "10000-01-01", "-0001-01-01"]))


def figure_texts() -> st.SearchStrategy[str]:
    number = st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(repr),
                       st.integers(-10**30, 10**400).map(str),
                       st.sampled_from(["1e308", "1e309", "1.7976931348623157e308", "9" * 400, "0x10", "1,2,,3",
                                        "5,00,000", "½", "twenty-five", "a hundred", "zero", "-0", ".5", "1..2"]))
    currency = st.sampled_from(["", "$", "US$", "€", "£", "¥", "₹", "RMB ", "Rs. ", "CHF ", "₿"])
    scale = st.sampled_from(["", " trillion", " billion", "bn", " million", "m", " crore", " lakh", " thousand",
                             " billion billion", "%", " percent", " per cent", " km", " troops", " tonnes",
                             " dollars", " yuan", " trillion trillion trillion"])
    figure = st.builds(lambda q, c, n, s: f"{q}{c}{n}{s}", st.sampled_from(["", "about ", "more than ",
                                                                             "between ", "up to "]),
                       currency, number, scale)
    joined = st.lists(st.one_of(figure, st.sampled_from(["and", "to", "-", "–", "of trade", "."])), min_size=1,
                      max_size=6).map(" ".join)
    return st.builds(lambda a, f, b: f"{a} {f} {b}", st.sampled_from(["Trade reached", "China pledged",
                                                                       "Exports fell by", ""]),
                     joined, st.sampled_from(["last year.", "in 2023.", "", "officials said."]))


def feed_bytes() -> st.SearchStrategy[bytes]:
    """RSS/Atom documents, broken ones, and things that are not XML at all."""
    item = st.builds(
        lambda title, link, date, body: (f"<item><title>{title}</title><link>{link}</link>"
                                         f"<pubDate>{date}</pubDate><description>{body}</description></item>"),
        hostile_text(3), st.sampled_from(["https://example.org/a", "javascript:alert(1)", "file:///etc/passwd",
                                          "", "//x", "http://[::1", "https://example.org/" + "a" * 3000]),
        date_strings(), hostile_text(4))
    rss = st.builds(lambda items, head: head + "<rss version='2.0'><channel><title>T</title>" + "".join(items) +
                    "</channel></rss>", st.lists(item, max_size=5),
                    st.sampled_from(["", "<?xml version='1.0' encoding='utf-8'?>", "\ufeff",
                                     "<!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;'>]>"]))
    atom = st.builds(lambda entries: "<feed xmlns='http://www.w3.org/2005/Atom'><title>A</title>" +
                     "".join(f"<entry><id>{e}</id><title>{e}</title><updated>{d}</updated></entry>"
                             for e, d in entries) + "</feed>",
                     st.lists(st.tuples(hostile_text(2), date_strings()), max_size=4))
    bomb = st.just(b"<?xml version='1.0'?><!DOCTYPE l [<!ENTITY l0 'lol'>" +
                   b"".join(f"<!ENTITY l{i} '{'&l%d;' % (i - 1) * 10}'>".encode() for i in range(1, 10)) +
                   b"]><rss version='2.0'><channel><title>&l9;</title></channel></rss>")
    text = st.one_of(rss, atom, html_markup(), hostile_text(6))
    return st.one_of(st.builds(lambda t: t.encode("utf-8", errors="replace"), text), file_bytes(), bomb)


def urls() -> st.SearchStrategy[str]:
    """URLs whose hosts are IP literals or numeric forms (resolved without DNS), with odd schemes,
    user names, ports and encodings."""
    scheme = st.sampled_from(["http", "https", "HTTP", "file", "ftp", "gopher", "data", "javascript", "ws",
                              "jar", "", "http+unix", "hTTps"])
    host = st.one_of(
        st.ip_addresses().map(lambda ip: f"[{ip}]" if ip.version == 6 else str(ip)),
        st.sampled_from(["127.0.0.1", "127.1", "2130706433", "0x7f000001", "0177.0.0.1", "0", "0.0.0.0",
                         "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "169.254.169.254", "10.0.0.1",
                         "192.168.1.1", "172.16.0.1", "[fe80::1]", "[fc00::1]", "100.64.0.1", "224.0.0.1",
                         "255.255.255.255", "localhost", "LOCALHOST", "93.184.215.14", "[2606:4700::1]",
                         "1.1.1.1", "[::]", "[", "]", "example.org", "intranet.local", "metadata.google.internal",
                         "xn--80ak6aa92e.com", "ex\u0430mple.org", "a" * 300, "%31%32%37.0.0.1", "[::1%25eth0]"]))
    rest = st.sampled_from(["", "/", "/a?b=c#d", ":80/", ":0/", ":99999/", ":-1/", "/../../etc/passwd",
                            "/%2e%2e/", "\\@1.1.1.1/", "@1.1.1.1/", "#@1.1.1.1", "/\x00", "/\r\nHost: x"])
    user = st.sampled_from(["", "user@", "user:pass@", "@", "1.1.1.1@"])
    return st.builds(lambda s, u, h, r: f"{s}://{u}{h}{r}" if s else f"{u}{h}{r}", scheme, user, host, rest)


def query_strings() -> st.SearchStrategy[str]:
    """Query strings for the dashboard: known and unknown names, valid and hostile values, raw
    percent-escapes (valid or not), repeats and sizes past the limits."""
    names = st.sampled_from(["q", "page", "per_page", "type", "actor", "source", "target", "outlet", "month",
                             "modality", "negated", "since", "until", "document", "unit", "direct", "language",
                             "hl", "a", "b", "x", "", "q[]", "%00", "page%00"])
    values = st.one_of(
        st.sampled_from(["1", "0", "-1", "99999999999", "1e3", "CHN", "chn", "SANCTION", "2024-02-30", "2024-13",
                         "undated", "~", "yes", "no", "10-5", "5-10", "0-999999999", '"', '"unbalanced', "a*",
                         "* OR 1=1", "NEAR(a b)", "')--", "<script>alert(1)</script>", "%", "%zz", "%c3%28",
                         "%ed%a0%80", "%00", "+" * 50, "x" * 5000, "a " * 40, "é", "\u202e", "中国"]),
        st.text(max_size=20).map(lambda t: "".join(c if c.isalnum() else f"%{ord(c) % 256:02x}" for c in t)))
    pair = st.builds(lambda n, v: f"{n}={v}", names, values)
    return st.lists(st.one_of(pair, names, st.sampled_from(["&", "=", "==", "&&", "a=b=c"])), max_size=8).map(
        "&".join)


# ---------------------------------------------------------------------------- checks

_ISO = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def check_iso(value: str | None, what: str) -> None:
    if value is None:
        return
    assert isinstance(value, str) and _ISO.match(value), (what, value)
    parts = [int(p) for p in value.split("-")]
    dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)  # a real date


def check_failure(item: Failure, what: str) -> None:
    assert isinstance(item.message, str) and re.match(r"^\[(DW|W)\d{3}\] ", item.message), (what, item.message)
    assert "Traceback" not in item.message


def check_document(doc: Document) -> None:
    assert re.fullmatch(r"[0-9a-f]{16}", doc.id)
    assert isinstance(doc.text, str) and doc.text.encode("utf-8")  # storable (no lone surrogates)
    for start, end in doc.chrome:
        assert 0 <= start <= end <= len(doc.text), (start, end, len(doc.text))
    assert len(doc.analysed_text) == len(doc.text), "analysed text must keep every offset"
    check_iso(doc.published, "published")
    for value in (doc.title, doc.outlet, *doc.authors, doc.url):
        assert value is None or (isinstance(value, str) and value.encode("utf-8") is not None)
    json.dumps(doc.meta_evidence, allow_nan=False)


def check_items(items: list[Any], what: str) -> list[Document]:
    docs = []
    for item in items:
        if isinstance(item, Failure):
            check_failure(item, what)
        elif isinstance(item, Notice):
            assert item.message
        elif isinstance(item, UrlList):
            assert item.urls
        else:
            assert isinstance(item, RawDocument), (what, item)
            assert item.text.strip()
            doc = build_document(item)
            check_document(doc)
            docs.append(doc)
    return docs


# ---------------------------------------------------------------------------- targets

def target_file(data: bytes, suffix: str) -> list[Document]:
    """A file of any bytes through ``read_path`` and ``build_document``."""
    COUNTS["file"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        with bounded(30, "file"):
            return check_items(list(read_path(path, max_file_bytes=20_000_000)), "file")


def target_html(markup: str) -> list[Document]:
    COUNTS["html"] += 1
    with bounded(30, "html"):
        return check_items([read_html(markup, source="fuzz.html")], "html")


def target_jsonl(text: str) -> list[Document]:
    COUNTS["jsonl"] += 1
    with bounded(30, "jsonl"):
        items = list(read_jsonl(text, source="fuzz.jsonl"))
        for item in items:
            if isinstance(item, Failure):
                assert item.message.startswith(("[DW105]", "[DW107]", "[DW108]")), item.message
        return check_items(items, "jsonl")


def target_dates(text: str, reference: str | None) -> None:
    from dyadwatch.analyze.dates import resolve_date
    from dyadwatch.ingest.metadata import extract_metadata, normalise_date

    COUNTS["dates"] += 1
    with bounded(10, "dates"):
        check_iso(normalise_date(text), f"normalise_date({text!r})")
        check_iso(resolve_date(text, reference), f"resolve_date({text!r}, {reference!r})")
        check_iso(resolve_date(text, reference, future=True), "resolve_date future")
        meta = extract_metadata(f"Published: {text}\n\nChina and Russia met on {text}.\n",
                                hints={"published": text})
        check_iso(meta.published, "extract_metadata published")


def target_figures(text: str) -> None:
    from dyadwatch.analyze.figures import find_quantities

    COUNTS["figures"] += 1
    with bounded(10, "figures"):
        for q in find_quantities(text):
            assert 0 <= q["start"] < q["end"] <= len(text) and q["raw"] == text[q["start"]:q["end"]], q
            assert math.isfinite(q["value"]), q
            assert q["value_high"] is None or math.isfinite(q["value_high"]), q
            json.dumps(q, allow_nan=False)


def target_metadata(text: str, url: str | None, hints: dict[str, Any]) -> None:
    from dyadwatch.ingest.chrome import find_chrome
    from dyadwatch.ingest.metadata import extract_metadata

    COUNTS["metadata"] += 1
    with bounded(20, "metadata"):
        chrome = find_chrome(text)
        meta = extract_metadata(text, url=url, chrome=chrome, hints=hints)
        check_iso(meta.published, "published")
        assert meta.published_basis in ("stated", "inferred", "unknown"), meta.published_basis
        for value in (meta.title, meta.outlet, *meta.authors):
            assert value is None or isinstance(value, str), value
        json.dumps(dict(meta.evidence), allow_nan=False)


def target_feed(body: bytes) -> None:
    from dyadwatch.errors import FeedError
    from dyadwatch.ingest.feeds import item_document, looks_like_feed, parse_feed

    COUNTS["feed"] += 1
    with bounded(30, "feed"):
        looks_like_feed(body)
        try:
            feed = parse_feed(body, url="https://example.org/feed.xml", content_type="application/rss+xml")
        except FeedError as exc:
            assert str(exc).startswith("[DW120]"), exc
            return
        for item in feed.items:
            assert isinstance(item.key, str) and item.key and len(item.key) <= 600, item.key
            check_iso(item.published, "feed item published")
            if item.link is not None:
                assert isinstance(item.link, str)
            raw = item_document(item, feed)
            if isinstance(raw, Failure):
                check_failure(raw, "feed item")
            else:
                check_document(build_document(raw))


_FETCHER: Any = None


def target_url(url: str) -> None:
    """``Fetcher.check`` decides on a URL without connecting: an http(s) target whose every
    address is public, or a FetchError (DW110 scheme, DW111 address, DW112 name, DW121 malformed)."""
    import ipaddress

    from dyadwatch.ingest.urls import Fetcher, address_kind

    COUNTS["url"] += 1
    global _FETCHER
    if _FETCHER is None:
        # one for every input (building its HTTP client takes 70 ms), with a resolver that asks
        # no name server: numeric hosts as the system reads them, names to public and private
        # addresses alike
        _FETCHER = Fetcher(resolver=offline_resolver)
    fetcher = _FETCHER
    with bounded(10, "url"):
        try:
            target = fetcher.check(url)
        except FetchError as exc:
            assert re.match(r"^\[DW1(10|11|12|21)\] ", str(exc)), exc
            return
        assert target.scheme in ("http", "https"), (url, target.scheme)
        assert target.addresses, url
        for address in target.addresses:
            assert address_kind(ipaddress.ip_address(address)) is None, (url, address)


#: where ``offline_resolver`` sends host names: public, loopback, private, link-local, mapped
RESOLVED = ["93.184.215.14", "2606:4700::1", "127.0.0.1", "::1", "10.1.2.3", "192.168.0.7", "169.254.169.254",
            "fd00::5", "::ffff:10.0.0.1", "0.0.0.0"]


def offline_resolver(host: str, port: int) -> list[str]:
    """Addresses for ``host`` without any network: numeric forms ("127.1", "2130706433") as
    inet_aton reads them (as getaddrinfo does), localhost as loopback, other names to one or two
    addresses picked by a hash of the name (so a name may hide a private address)."""
    import hashlib
    import socket

    try:
        return [socket.inet_ntoa(socket.inet_aton(host))]
    except OSError:
        pass
    if host.lower() == "localhost":
        return ["127.0.0.1", "::1"]
    h = hashlib.sha256(host.encode("utf-8", "surrogatepass")).digest()
    return list(dict.fromkeys([RESOLVED[h[0] % len(RESOLVED)], RESOLVED[h[1] % len(RESOLVED)]][: 1 + h[2] % 2]))


def finite_json(line: str) -> Any:
    """json.loads that refuses NaN and Infinity (not JSON; other tools choke on them)."""
    def refuse(name: str) -> None:
        raise AssertionError(f"{name} in exported JSON: {line[:200]}")
    return json.loads(line, parse_constant=refuse)


def check_store(path: Path, *, sentences: bool = False) -> dict[str, int]:
    """The store's own integrity and dyadwatch's: no half-written document, indexes in step.

    sentences: also require sentences of every analysed document (true of real articles; a
    fuzzed text that is all page chrome has none)."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for fts in ("documents_fts", "events_fts", "figures_fts", "quotes_fts"):
            if fts in tables:  # a run killed while migrating has not made them yet
                con.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)")
        if "documents" not in tables:
            return {}
        # every document was written with its analysis: the analyzer is recorded, and an
        # analysed English document has its sentences
        sql = "SELECT id FROM documents WHERE analyzer IS NULL"
        if sentences:
            sql += (" OR (analysis_skipped IS NULL AND NOT EXISTS "
                    "(SELECT 1 FROM sentences s WHERE s.document_id = documents.id))")
        half = con.execute(sql).fetchall()
        assert half == [], f"documents without their analysis: {half}"
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "document_sources", "sentences", "events", "figures")}
    finally:
        con.close()


def parquet_tables() -> st.SearchStrategy[Any]:
    """Parquet files of articles: the JSONL fields (and others) as columns of any Arrow type,
    with nulls, hostile text and empty tables."""
    import datetime as _d

    import pyarrow as pa

    column_types = {
        "string": (pa.string(), st.one_of(st.none(), hostile_text(6))),
        "int": (pa.int64(), st.one_of(st.none(), st.integers(-(2**63), 2**63 - 1))),
        "float": (pa.float64(), st.one_of(st.none(), st.floats(allow_nan=True))),
        "bool": (pa.bool_(), st.one_of(st.none(), st.booleans())),
        "list": (pa.list_(pa.string()), st.one_of(st.none(), st.lists(st.one_of(st.none(), hostile_text(3)),
                                                                       max_size=3))),
        "timestamp": (pa.timestamp("s"), st.one_of(st.none(), st.datetimes(min_value=_d.datetime(1, 1, 2),
                                                                           max_value=_d.datetime(9999, 12, 30)))),
        "date": (pa.date32(), st.one_of(st.none(), st.dates())),
        "binary": (pa.binary(), st.one_of(st.none(), st.binary(max_size=20))),
    }
    names = st.lists(st.sampled_from(["text", "html", "url", "title", "outlet", "authors", "published", "id",
                                      "extra"]), min_size=1, max_size=5, unique=True)

    @st.composite
    def table(draw: Any) -> Any:
        cols = draw(names)
        kinds = [draw(st.sampled_from(sorted(column_types))) for _ in cols]
        n = draw(st.integers(0, 4))
        arrays = []
        for kind in kinds:
            arrow_type, values = column_types[kind]
            arrays.append(pa.array([draw(values) for _ in range(n)], type=arrow_type))
        return pa.table(arrays, names=cols)

    return table()


def target_batch(kind: str, payload: Any) -> list[Document]:
    """A ``dyadwatch batch`` input (.jsonl, .jsonl.gz, .parquet) read as the client streams it
    and parsed as a worker does (``iter_items`` then ``raw_from_item``), then ``build_document``."""
    import gzip

    from dyadwatch.batch.inputs import iter_items, raw_from_item

    COUNTS[f"batch {kind}"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input.{kind}"
        if kind == "parquet":
            import pyarrow.parquet as pq

            pq.write_table(payload, path)
        elif kind == "jsonl.gz":
            data = payload.encode("utf-8", errors="replace")
            path.write_bytes(gzip.compress(data) if not data.startswith(b"!") else data[1:])  # sometimes not gzip
        else:
            path.write_bytes(payload.encode("utf-8", errors="replace"))
        with bounded(30, f"batch {kind}"):
            docs = []
            for item in iter_items([str(path)], max_file_bytes=20_000_000):
                if isinstance(item, (Failure, Notice)):
                    check_failure(item, "batch") if isinstance(item, Failure) else None
                    continue
                raw = raw_from_item(item)
                if isinstance(raw, Failure):
                    check_failure(raw, "batch item")
                    continue
                docs += check_items([raw], "batch item")
            return docs
