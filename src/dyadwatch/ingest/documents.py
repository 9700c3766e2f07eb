"""Turn a ``RawDocument`` into a ``Document``: stable id, chrome spans, metadata, language."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace

from dyadwatch.ingest.chrome import find_chrome
from dyadwatch.errors import Warnings
from dyadwatch.ingest.language import detect_language_with_doubt
from dyadwatch.ingest.metadata import extract_metadata
from dyadwatch.records import Document, RawDocument

_WS = re.compile(r"\s+", re.UNICODE)
#: zero-width and bidi control characters do not change what an article says
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def normalise_for_id(text: str) -> str:
    """The form of the text the id is computed from: NFKC, invisible characters dropped,
    whitespace collapsed, case folded. Two copies of an article that differ only in line
    endings, spacing or a BOM get the same id."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    return _WS.sub(" ", text).strip().casefold()


def document_id(text: str) -> str:
    """Stable 16-hex-digit id of a document, from its normalised text."""
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


def build_document(raw: RawDocument) -> Document:
    """Id, chrome, metadata and language for one raw document (pure; no I/O)."""
    text = raw.text
    chrome = tuple(find_chrome(text))
    meta = extract_metadata(text, url=raw.url, chrome=chrome, hints=raw.hints)
    doc = Document(
        id=document_id(text),
        source=raw.source,
        text=text,
        url=raw.url,
        title=meta.title,
        outlet=meta.outlet,
        authors=tuple(meta.authors),
        published=meta.published,
        published_basis=meta.published_basis,
        chrome=chrome,
        meta_evidence=dict(meta.evidence),
        warnings=raw.warnings,
    )
    language, doubt = detect_language_with_doubt(doc.analysed_text)
    if doubt is not None:
        warning = Warnings.W105.format(source=raw.source, doubt=doubt)
        return replace(doc, language=language, warnings=(*doc.warnings, warning))
    return replace(doc, language=language)
