"""Read RSS and Atom feeds (feedparser) into items: what each links to, and what it says of it.

Parsing only: the bytes come from :class:`dyadwatch.ingest.urls.Fetcher` and feedparser is
handed a stream, so it never fetches or opens anything by itself. Dates are converted to UTC by
feedparser; an item without a parseable date has none.
"""

from __future__ import annotations

import hashlib
import io
import re
import time
from dataclasses import dataclass
from typing import Any

from dyadwatch.errors import Errors, FeedError
from dyadwatch.ingest.readers import Failure, read_html
from dyadwatch.records import RawDocument

#: an XML prolog (declaration, comments, processing instructions, doctype) then a feed's root
_FEED_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,200}\?>\s*)?"
    rb"(?:(?:<!--.{0,2000}?-->|<\?[^>]{0,500}\?>|<!DOCTYPE[^>]{0,500}>)\s*){0,20}"
    rb"<(?:rss|feed|(?:[A-Za-z][\w.-]{0,20}:)?RDF)\b",
    re.DOTALL | re.IGNORECASE,
)
#: a numeric character reference, decimal or hexadecimal
_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
#: item keys longer than this are hashed
_MAX_KEY = 500


def _charref(match: re.Match[bytes]) -> bytes:
    """A reference to no character (a UTF-16 surrogate, past U+10FFFF) becomes U+FFFD:
    feedparser's loose parser raised UnicodeEncodeError on "&#xd800;"."""
    value = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
        return b"&#xfffd;"
    return match.group(0)


def looks_like_feed(body: bytes) -> bool:
    """Whether ``body`` starts like an RSS (0.9x, 1.0/RDF, 2.0) or Atom document."""
    return bool(_FEED_ROOT.match(body[:8192]))


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed.

    key: what identifies the item across polls: its guid/id, else its link, else a hash of its
    title and summary.
    content: the item's own HTML (full text or summary), used when it links to nothing.
    """

    key: str
    link: str | None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    content: str | None = None

    def hints(self, feed: Feed) -> dict[str, Any]:
        """Metadata the feed gives for the linked article (the page's own metadata wins)."""
        found: dict[str, Any] = {}
        if self.title:
            found["title"] = self.title
        if self.authors:
            found["authors"] = list(self.authors)
        if self.published:
            found["published"] = self.published
        if feed.title:
            found["outlet"] = feed.title
        return found


@dataclass(frozen=True)
class Feed:
    url: str
    title: str | None
    items: tuple[FeedItem, ...]
    #: "rss20", "atom10" … as feedparser names the format
    version: str = ""


def parse_feed(body: bytes, *, url: str, content_type: str = "") -> Feed:
    """Parse an RSS or Atom document; relative links are resolved against ``url``.

    RAISES FeedError (DW120) when the document is not a feed.
    """
    import feedparser

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    body = _CHARREF.sub(_charref, body)
    try:
        result = feedparser.parse(io.BytesIO(body), response_headers=headers)
    except Exception as exc:  # noqa: BLE001 - feedparser's loose parser raises on some hostile input
        raise FeedError(Errors.DW120.format(
            url=url, reason=f"it does not parse as one: {type(exc).__name__}: {exc}"[:200])) from None
    if not result.get("version"):
        problem = result.get("bozo_exception")
        reason = f"it does not parse as one: {problem}" if problem else "no RSS or Atom root element"
        raise FeedError(Errors.DW120.format(url=url, reason=str(reason)[:200]))
    channel = result.get("feed", {})
    items: list[FeedItem] = []
    seen: set[str] = set()
    for entry in result.get("entries", []):
        item = _item(entry)
        if item is None or item.key in seen:
            continue
        seen.add(item.key)
        items.append(item)
    return Feed(url=url, title=_clean(channel.get("title")), items=tuple(items), version=result.get("version", ""))


def item_document(item: FeedItem, feed: Feed) -> RawDocument | Failure:
    """An item that links to no article, read from its own content."""
    source = f"{feed.url}#{item.key}"
    if not item.content or not item.content.strip():
        return Failure(source, Errors.DW107.format(path=source))
    raw = read_html(f"<html><body><article>{item.content}</article></body></html>", source=source)
    if isinstance(raw, Failure):
        return raw
    found = dict(raw.hints)
    for key, value in item.hints(feed).items():
        found.setdefault(key, value)
    return RawDocument(source=source, text=raw.text, url=None, hints=found, warnings=raw.warnings)


def _item(entry: Any) -> FeedItem | None:
    link = _clean(entry.get("link"))
    title = _clean(entry.get("title"))
    content = None
    for part in entry.get("content") or ():
        if part.get("value"):
            content = part["value"]
            break
    content = content or entry.get("summary") or None
    key = _clean(entry.get("id")) or link
    if not key:
        if not (title or content):
            return None
        key = "sha256:" + hashlib.sha256(f"{title}\n{content}".encode("utf-8")).hexdigest()[:32]
    if len(key) > _MAX_KEY:
        key = "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    names = [a.get("name") for a in entry.get("authors") or () if isinstance(a, dict)]
    authors = tuple(n.strip() for n in names if n and n.strip()) or (
        (entry["author"].strip(),) if isinstance(entry.get("author"), str) and entry["author"].strip() else ())
    # dict.get, not FeedParserDict.get: that maps a missing updated_parsed to published_parsed
    # with a DeprecationWarning (feedparser issue 310)
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    published = _day(parsed)
    return FeedItem(key=key, link=link, title=title, authors=authors, published=published, content=content)


def _day(parsed: Any) -> str | None:
    """``YYYY-MM-DD`` of feedparser's time tuple; None for a year outside 1000-9999 (feedparser
    turns "0000-00-00" into year -1, which no date field takes) or a tuple strftime refuses."""
    if not parsed:
        return None
    try:
        if not 1000 <= parsed.tm_year <= 9999:
            return None
        return time.strftime("%Y-%m-%d", parsed)
    except (AttributeError, TypeError, ValueError, OverflowError):
        return None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
