"""Near-duplicate documents: the same wire story on several sites counts as one source.

MinHash signatures of word 5-shingles with locality-sensitive hashing find candidate pairs in
about linear time; pairs whose estimated Jaccard similarity reaches the threshold are joined
(union-find), and each group is named after its first document in ingest order.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 5
NUM_PERM = 128


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


#: LSH bands of the stored signatures (BANDS x ROWS = NUM_PERM): two texts whose MinHash
#: agrees on a whole band are candidates; with 32 bands of 4 rows a Jaccard similarity of 0.3
#: is found about half the time and one of 0.5 almost always
BANDS, ROWS = 32, 4
#: a signature as stored: its hash values, how many shingles the text has, its LSH bands
Signature = tuple["np.ndarray", int, list[tuple[int, int]]]


def signature(text: str) -> Signature | None:
    """The MinHash signature of a text's word 5-shingles (None for a text without words)."""
    from datasketch import MinHash

    shingles = _shingles(text)
    if not shingles:
        return None
    m = MinHash(num_perm=NUM_PERM)
    m.update_batch(list(shingles))
    return m.hashvalues.astype("uint32"), len(shingles), bands(m.hashvalues)


def bands(hashvalues: "np.ndarray") -> list[tuple[int, int]]:
    """(band, bucket) of each LSH band of a signature, as stored in ``minhash_bands``."""
    import hashlib

    out = []
    values = hashvalues.astype("<u4")
    for band in range(BANDS):
        digest = hashlib.blake2b(values[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "little", signed=True)))
    return out


def jaccard(a: "np.ndarray", b: "np.ndarray") -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float((a == b).mean())


def contained(a: str, b: str, containment: float = 0.8) -> bool:
    """Whether the shorter text's shingles are (mostly) held by the other: a copy, trimmed or not."""
    sa, sb = _shingles(a), _shingles(b)
    if not sa or not sb:
        return False
    return len(sa & sb) / min(len(sa), len(sb)) >= containment


#: the Jaccard similarity around which the full compare's LSH proposes candidate copies
COPY_THRESHOLD = 0.6


@functools.lru_cache(maxsize=None)
def _lsh_shape(threshold: float) -> tuple[int, int]:
    """(bands, rows) of datasketch's LSH for ``threshold``: its optimal split of NUM_PERM."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=max(0.2, threshold - 0.3), num_perm=NUM_PERM)
    return lsh.b, lsh.r


def copy_keys(hashvalues: "np.ndarray", threshold: float = COPY_THRESHOLD) -> list[int]:
    """The LSH keys under which the full compare looks for a document's copies: one per band of
    datasketch's split for ``threshold`` (two documents are candidates when they share a key).
    Keys are 63-bit integers (band number and band hash), so candidates can be found by
    partitioning the keys (``dyadwatch batch``) as well as in one dictionary."""
    import hashlib

    b, r = _lsh_shape(threshold)
    values = hashvalues.astype("<u4")
    out = []
    for band in range(b):
        digest = hashlib.blake2b(values[band * r:(band + 1) * r].tobytes(), digest_size=7).digest()
        out.append((band << 56) | int.from_bytes(digest, "little"))
    return out


def copy_groups(order: Sequence[str], pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The group of each document joined by a copy pair: the connected documents, named after the
    first of them in ``order`` (ingest order). Documents in no pair are left out."""
    rank = {d: i for i, d in enumerate(order)}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            # the group is named after the document ingested first
            first, second = (ra, rb) if rank[ra] < rank[rb] else (rb, ra)
            parent[second] = first
    return {d: find(d) for d in parent}


def near_duplicate_groups(documents: Sequence[tuple[str, str]], *, threshold: float = COPY_THRESHOLD,
                          containment: float = 0.8, with_signatures: bool = False) -> Any:
    """Map each document id to (group id, similarity to the group's first document).

    documents: (id, text) in ingest order. threshold: the Jaccard similarity of word 5-shingles
    around which LSH proposes candidates. containment: the share of the shorter document's
    shingles the longer one must hold for the two to be copies of one story (a syndicated copy
    with a new first line and a trimmed sentence keeps well above 0.8; two stories on the same
    meeting written separately share almost no 5-word sequences).
    """
    from datasketch import MinHash

    # LSH finds candidates generously (``copy_keys``); each candidate is then checked exactly, by
    # how much of the shorter text's shingles the other holds (a trimmed copy is contained in its
    # original)
    signatures: dict[str, MinHash] = {}
    shingle_sets: dict[str, set[bytes]] = {}
    buckets: dict[int, list[str]] = {}
    pairs: list[tuple[str, str]] = []
    for doc_id, text in documents:
        m = MinHash(num_perm=NUM_PERM)
        shingles = _shingles(text)
        if not shingles:
            continue
        m.update_batch(list(shingles))
        keys = copy_keys(m.hashvalues, threshold)
        for other in dict.fromkeys(o for k in keys for o in buckets.get(k, ())):
            theirs = shingle_sets[other]
            if len(shingles & theirs) / min(len(shingles), len(theirs)) >= containment:
                pairs.append((other, doc_id))
        for k in keys:
            buckets.setdefault(k, []).append(doc_id)
        signatures[doc_id] = m
        shingle_sets[doc_id] = shingles
    group = copy_groups([d for d, _ in documents], pairs)
    out: dict[str, tuple[str, float]] = {}
    for doc_id, _ in documents:
        root = group.get(doc_id, doc_id)
        sim = 1.0 if root == doc_id else float(signatures[doc_id].jaccard(signatures[root]))
        out[doc_id] = (root, round(sim, 3))
    if with_signatures:
        sigs = {d: (m.hashvalues.astype("uint32"), len(shingle_sets[d]), bands(m.hashvalues))
                for d, m in signatures.items()}
        return out, sigs
    return out
