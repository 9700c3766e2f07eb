"""What every dyadwatch component reads from a parsed Doc, built once per Doc and shared.

spaCy builds these anew on every access: ``Doc.text`` joins every token's text (the components
and ``analysis_from_doc`` read it ten times per Doc), ``Doc.sents`` makes a new Span per
sentence (ten times), and ``doc[i]`` or ``token.head`` makes a new ``Token`` object every time
(the stance component's clause walks made half a million of them over the 400 articles of
``bench/throughput.py --cli``), and ``token.pos_`` or ``token.dep_`` looks its string up anew
(the clause walk reads them again for every token below the same head). None of them changes once the parser has run, since no
dyadwatch component retokenises or moves a sentence boundary, so they are worked out once and
kept for the few Docs in flight: the components run one Doc at a time through the whole
pipeline, then ``analysis_from_doc`` reads it. ``Token`` objects are views of the Doc, so those
made before the parser (``dyadwatch_paragraphs``) read its later annotations.

The cache holds the Docs themselves (their Tokens and Spans refer to them, so a weak mapping
would never let them go), at most ``KEEP`` of them, by identity, one cache per thread (a Dask
worker or a web server may run the pipeline in several threads at once). Call these only after the
parser: the sentence boundaries before it are not final (``dyadwatch_paragraphs`` runs first
and reads ``Doc.text`` directly).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from spacy.tokens import Doc, Span, Token

__all__ = ["doc_deps", "doc_heads", "doc_pos", "doc_sents", "doc_text", "doc_tokens"]

#: Docs whose views are kept; more only costs a recomputation, never a wrong answer
KEEP = 4

_LOCAL = threading.local()


def _views(doc: Doc) -> dict[str, Any]:
    cache: OrderedDict[int, tuple[Doc, int, dict[str, Any]]] | None = getattr(_LOCAL, "views", None)
    if cache is None:
        cache = _LOCAL.views = OrderedDict()
    hit = cache.get(id(doc))
    # a retokeniser added to the pipeline (merging entities, say) changes the number of tokens:
    # then everything is worked out again
    if hit is not None and hit[0] is doc and hit[1] == len(doc):
        cache.move_to_end(id(doc))
        return hit[2]
    views: dict[str, Any] = {}
    cache[id(doc)] = (doc, len(doc), views)
    cache.move_to_end(id(doc))
    while len(cache) > KEEP:
        cache.popitem(last=False)
    return views


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once."""
    views = _views(doc)
    text = views.get("text")
    if text is None:
        text = views["text"] = doc.text
    return text


def doc_sents(doc: Doc) -> tuple[Span, ...]:
    """``tuple(doc.sents)``, made once (after the parser)."""
    views = _views(doc)
    sents = views.get("sents")
    if sents is None:
        sents = views["sents"] = tuple(doc.sents)
    return sents


def doc_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``: index it instead of the Doc to reuse one ``Token`` object per token."""
    views = _views(doc)
    tokens = views.get("tokens")
    if tokens is None:
        tokens = views["tokens"] = list(doc)
    return tokens


def doc_heads(doc: Doc) -> list[int]:
    """Each token's head as a token index (the root's is its own)."""
    views = _views(doc)
    heads = views.get("heads")
    if heads is None:
        heads = views["heads"] = [t.head.i for t in doc_tokens(doc)]
    return heads


def doc_pos(doc: Doc) -> list[str]:
    """Each token's ``pos_``, read once."""
    views = _views(doc)
    pos = views.get("pos")
    if pos is None:
        pos = views["pos"] = [t.pos_ for t in doc_tokens(doc)]
    return pos


def doc_deps(doc: Doc) -> list[str]:
    """Each token's ``dep_``, read once."""
    views = _views(doc)
    deps = views.get("deps")
    if deps is None:
        deps = views["deps"] = [t.dep_ for t in doc_tokens(doc)]
    return deps
