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
from collections.abc import Callable
from typing import Any, TypeVar, cast

from spacy.tokens import Doc, Span, Token

__all__ = ["doc_deps", "doc_heads", "doc_pos", "doc_sents", "doc_text", "doc_tokens"]

#: Docs whose views are kept; more only costs a recomputation, never a wrong answer
KEEP = 4

_LOCAL = threading.local()
_V = TypeVar("_V")


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


def _view(doc: Doc, key: str, build: Callable[[Doc], _V]) -> _V:
    """The Doc's view ``key``, built by ``build`` the first time it is asked for."""
    views = _views(doc)
    value = views.get(key)
    if value is None:
        value = views[key] = build(doc)
    return cast(_V, value)


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once."""
    return _view(doc, "text", lambda d: d.text)


def doc_sents(doc: Doc) -> tuple[Span, ...]:
    """``tuple(doc.sents)``, made once (after the parser)."""
    return _view(doc, "sents", lambda d: tuple(d.sents))


def doc_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``: index it instead of the Doc to reuse one ``Token`` object per token."""
    return _view(doc, "tokens", list)


def doc_heads(doc: Doc) -> list[int]:
    """Each token's head as a token index (the root's is its own)."""
    return _view(doc, "heads", lambda d: [t.head.i for t in doc_tokens(d)])


def doc_pos(doc: Doc) -> list[str]:
    """Each token's ``pos_``, read once."""
    return _view(doc, "pos", lambda d: [t.pos_ for t in doc_tokens(d)])


def doc_deps(doc: Doc) -> list[str]:
    """Each token's ``dep_``, read once."""
    return _view(doc, "deps", lambda d: [t.dep_ for t in doc_tokens(d)])
