"""Read articles from files and directories into ``RawDocument`` records.

Supported: ``.txt``/``.md``/``.markdown`` (plain text), ``.html``/``.htm`` (main text and
metadata via trafilatura) and ``.jsonl`` (one article a line). A ``.txt`` file holding nothing
but URLs (one a line; blank lines and ``#`` comments allowed) is a list of URLs to fetch, and
URLs given as sources pass through ``discover`` as they are (``dyadwatch.jobs.remote`` fetches them).
Problems with one input never stop the others: each problem is yielded as a ``Failure`` naming
the input and the reason.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyadwatch.errors import Errors, Warnings
from dyadwatch.records import RawDocument

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
#: files in a directory that document the directory rather than being articles
SKIPPED_NAMES = {"readme.md", "readme.txt", "readme", "license", "license.txt", "license.md"}
#: extracted HTML text shorter than this many words is page furniture, not an article
MIN_HTML_WORDS = 5
JSONL_FIELDS = {"text", "html", "url", "title", "outlet", "authors", "published", "source", "id"}

#: magic numbers of common binary formats people point an ingest at by mistake
_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (also .docx/.xlsx)",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"SQLite format 3": "an SQLite database",
    b"\x7fELF": "an executable",
}


@dataclass(frozen=True)
class Failure:
    """An input that could not be ingested, with a message naming it and the reason."""

    source: str
    message: str


@dataclass(frozen=True)
class Notice:
    """Something worth telling the user that is not a failure (a skipped README, say)."""

    source: str
    message: str


@dataclass(frozen=True)
class UrlList:
    """A text file that lists URLs to fetch rather than being an article."""

    source: str
    urls: tuple[str, ...]


Item = RawDocument | Failure | Notice | UrlList

#: a source with a scheme ("https://…", "ftp://…") is a URL, not a path
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://\S+$")


def is_url(source: str) -> bool:
    """Whether a source names a URL (any scheme; the fetcher refuses all but http and https)."""
    return bool(_URL.match(source.strip()))


def url_list(text: str) -> tuple[str, ...] | None:
    """The URLs of a text that is nothing but URLs (one a line, ``#`` comments), else None."""
    urls = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            return None
        urls.append(line)
    return tuple(urls) or None

_LATIN_SINGLE_BYTE = {
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9",
    "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "mac_roman", "mac_latin2", "cp850",
}


def discover(sources: Iterable[str]) -> list[Path | Failure | Notice | str]:
    """Expand paths and directories (recursively, sorted) into the files to read; URLs (``str``)
    are passed through as they are."""
    out: list[Path | Failure | Notice | str] = []
    for source in sources:
        if is_url(source):
            out.append(source.strip())
            continue
        out.extend(expand_path(Path(source), lambda p: p.suffix.lower() in SUPPORTED_SUFFIXES))
    return out


def expand_path(path: Path, accept: Callable[[Path], bool]) -> list[Path | Failure | Notice]:
    """A file as it is; a directory as the files in it (recursively, sorted, hidden ones left
    out) that ``accept`` takes, documentation files skipped with a notice; a missing path as a
    failure. Shared by ingest and batch, so both read a directory alike."""
    if not path.is_dir():
        return [path] if path.exists() else [Failure(str(path), Errors.DW101.format(path=path))]
    out: list[Path | Failure | Notice] = []
    found = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            p = Path(root) / name
            if name.startswith(".") or not accept(p):
                continue
            if name.lower() in SKIPPED_NAMES:
                out.append(Notice(str(p), Warnings.W103.format(path=path, name=name)))
                continue
            found.append(p)
    if not found:
        out.append(Failure(str(path), Errors.DW109.format(path=path)))
    return out + found


def read_path(path: Path, *, max_file_bytes: int) -> Iterator[Item]:
    """Read one file into raw documents (several for a JSONL file), or failures."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield Failure(str(path), Errors.DW106.format(path=path, suffix=suffix or "(none)"))
        return
    try:
        size = path.stat().st_size
        if size > max_file_bytes:
            yield Failure(str(path), Errors.DW104.format(path=path, size=size, limit=max_file_bytes))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(str(path), Errors.DW108.format(path=path, reason=exc.strerror or exc))
        return
    if not data.strip():
        yield Failure(str(path), Errors.DW103.format(path=path))
        return
    binary = binary_reason(data)
    if binary:
        yield Failure(str(path), Errors.DW102.format(path=path, reason=binary))
        return
    text, encoding = decode(data)
    if text is None:
        yield Failure(str(path), Errors.DW102.format(path=path, reason="no text encoding fits its bytes"))
        return
    if is_blank(text):  # a byte-order mark, or nothing but spaces and invisible characters
        yield Failure(str(path), Errors.DW103.format(path=path))
        return
    warnings = () if encoding in ("utf-8", "utf-8-sig", "ascii") else (
        Warnings.W101.format(path=path, encoding=encoding),)
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(text, source=str(path), warnings=warnings)
    elif suffix in HTML_SUFFIXES:
        yield read_html(text, source=str(path), warnings=warnings)
    else:
        urls = url_list(text) if suffix == ".txt" else None
        if urls:
            yield UrlList(str(path), urls)
        else:
            yield RawDocument(source=str(path), text=text, warnings=warnings)


#: zero-width and bidi control characters (as ``documents.normalise_for_id`` drops them)
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def is_blank(text: str) -> bool:
    """Whether ``text`` holds nothing but whitespace and invisible characters: such a
    document would have an empty normalised text, and every such file the same id."""
    return not _INVISIBLE.sub("", text).strip()


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks like a binary file, or None when it looks like text."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return f"it starts like {what}"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM is text
        return None
    head = data[:8192]
    if b"\x00" in head:
        return "it contains NUL bytes"
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if control > max(8, len(head) // 20):
        return "it is mostly control characters"
    return None


def decode(data: bytes) -> tuple[str | None, str]:
    """Decode bytes as UTF-8 (BOM stripped), else the encoding charset-normalizer finds."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in _LATIN_SINGLE_BYTE:
        # Statistical detection cannot tell Latin code pages apart on short texts (French read
        # as cp1250 turns "è" into "č"); Windows-1252 is by far the commonest of them on the web.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    if best is None:
        return None, ""
    return str(best), best.encoding


def read_html(html: str, *, source: str, url: str | None = None, hints: dict[str, Any] | None = None,
              warnings: tuple[str, ...] = ()) -> RawDocument | Failure:
    """Main text and metadata of an HTML page, via trafilatura."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            # publication dates only from the page's own markup, never guessed
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura/lxml raise many types on hostile markup
        return Failure(source, Errors.DW108.format(path=source, reason=f"HTML could not be parsed: {exc}"))
    if result is None:
        return Failure(source, Errors.DW107.format(path=source))
    meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (meta.get("text") or "").strip()
    # a page with no article gives back its navigation ("Home"): not worth storing
    if len(text.split()) < MIN_HTML_WORDS:
        return Failure(source, Errors.DW107.format(path=source))
    found: dict[str, Any] = {}
    if meta.get("title"):
        found["title"] = meta["title"]
    if meta.get("author"):
        found["authors"] = [a.strip() for a in str(meta["author"]).split(";") if a.strip()]
    if meta.get("sitename"):
        found["outlet"] = meta["sitename"]
    if meta.get("date"):
        found["published"] = meta["date"]
    found.update({k: v for k, v in (hints or {}).items() if v})
    page_url = url or meta.get("url")
    return RawDocument(source=source, text=text, url=page_url, hints=found, warnings=warnings)


def read_jsonl(text: str, *, source: str, warnings: tuple[str, ...] = ()) -> Iterator[RawDocument | Failure]:
    """One article per line: ``text`` or ``html``, optional url/title/outlet/authors/published."""
    # JSON Lines are separated by "\n" only: str.splitlines() also breaks at U+2028, U+0085 …,
    # which a JSON string may hold unescaped (json.dumps(..., ensure_ascii=False) writes them so)
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}#L{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, Errors.DW105.format(path=source, line=lineno, reason=f"not valid JSON ({exc.msg})"))
            continue
        problem = check_jsonl_object(obj)
        if problem:
            yield Failure(where, Errors.DW105.format(path=source, line=lineno, reason=problem))
            continue
        hints: dict[str, Any] = {}
        for key in ("title", "outlet", "published"):
            if obj.get(key):
                hints[key] = str(obj[key]).strip()
        authors = obj.get("authors")
        if authors:
            hints["authors"] = [authors] if isinstance(authors, str) else [str(a) for a in authors]
        url = obj.get("url") or None
        if obj.get("text") is not None and not is_blank(obj["text"]):
            yield RawDocument(source=where, text=obj["text"], url=url, hints=hints, warnings=warnings)
        else:
            yield read_html(obj["html"], source=where, url=url, hints=hints, warnings=warnings)


def check_jsonl_object(obj: Any) -> str | None:
    """What is wrong with one parsed JSONL record (``text`` or ``html``, string fields, no half
    surrogate pairs, an http(s) ``url``), or None when it can be read as an article.

    The one check of a record's shape, shared by ingest's JSONL reader and ``dyadwatch batch``
    (JSONL lines and Parquet rows), so both accept and refuse the same records.
    """
    if not isinstance(obj, dict):
        return f"expected a JSON object, got {type(obj).__name__}"
    text, html = obj.get("text"), obj.get("html")
    if text is None and html is None:
        return "the object has neither 'text' nor 'html'"
    for key in ("text", "html", "url", "title", "outlet", "published"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return f"'{key}' must be a string, got {type(obj[key]).__name__}"
    if is_blank(text or "") and is_blank(html or ""):
        return "'text'/'html' is empty"
    authors = obj.get("authors")
    if authors is not None and not isinstance(authors, str) and not (
            isinstance(authors, list) and all(isinstance(a, str) for a in authors)):
        return "'authors' must be a list of strings"
    for key in ("text", "html", "url", "title", "outlet", "published", "authors"):
        values = obj.get(key)
        for value in [values] if isinstance(values, str) else values if isinstance(values, list) else []:
            bad = _lone_surrogate(value)
            if bad:
                # JSON may escape half of a UTF-16 pair ("\ud800"), which is no character: the
                # text could not be hashed or stored (UnicodeEncodeError stopped the ingest)
                return f"'{key}' holds \\u{ord(bad):04x}, half of a UTF-16 surrogate pair, which is not a character"
    url = obj.get("url")
    if url and not url.startswith(("http://", "https://")):
        return f"'url' must start with http:// or https://, got '{url[:60]}'"
    return None


def _lone_surrogate(value: str) -> str | None:
    """The first unpaired surrogate code point in ``value``, or None."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return value[exc.start]
    return None
