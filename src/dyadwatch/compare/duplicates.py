"""Near-duplicate documents: the same wire story on several sites counts as one source.

MinHash signatures of word 5-shingles with locality-sensitive hashing find candidate pairs in
about linear time; pairs whose estimated Jaccard similarity reaches the threshold are joined
(union-find), and each group is named after its first document in ingest order.

The signatures are datasketch's ``MinHash`` (SHA-1 of each shingle, ``NUM_PERM`` permutations
drawn with seed 1), computed here in numpy: the values are the same to the bit (stores and batch
outputs written before keep working; tests/test_compare.py checks against datasketch), but
importing datasketch pulls in scipy.integrate (0.6 s of CPU at every ``dyadwatch ingest``) and
each ``MinHash`` drew its 128 permutations again (about 1 ms a document).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 5
NUM_PERM = 128
#: datasketch's constants: hash values are taken modulo a Mersenne prime, then cut to 32 bits
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)


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


@functools.lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) of each of the ``NUM_PERM`` hash permutations, drawn as datasketch draws them."""
    gen = np.random.RandomState(1)
    ab = np.array([(gen.randint(1, _MERSENNE, dtype=np.uint64), gen.randint(0, _MERSENNE, dtype=np.uint64))
                   for _ in range(NUM_PERM)], dtype=np.uint64).T
    return ab[0], ab[1]


def minhash(shingles: Iterable[bytes]) -> np.ndarray:
    """The MinHash values (uint64, ``NUM_PERM`` of them) of a set of shingles, bit for bit those
    of ``datasketch.MinHash(num_perm=NUM_PERM)`` updated with them (all 2**32 - 1 for none)."""
    hv = np.array([int.from_bytes(hashlib.sha1(s).digest()[:4], "little") for s in shingles],
                  dtype=np.uint64, ndmin=2).T
    if hv.size == 0:
        return np.full(NUM_PERM, _MAX_HASH, dtype=np.uint64)
    a, b = _permutations()
    # uint64 arithmetic wraps on overflow exactly as datasketch's does
    return np.bitwise_and((hv * a + b) % _MERSENNE, _MAX_HASH).min(axis=0)


def signature(text: str) -> Signature | None:
    """The MinHash signature of a text's word 5-shingles (None for a text without words)."""
    shingles = _shingles(text)
    if not shingles:
        return None
    values = minhash(shingles)
    return values.astype("uint32"), len(shingles), bands(values)


def bands(hashvalues: np.ndarray) -> list[tuple[int, int]]:
    """(band, bucket) of each LSH band of a signature, as stored in ``minhash_bands``."""
    out = []
    values = hashvalues.astype("<u4")
    for band in range(BANDS):
        digest = hashlib.blake2b(values[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "little", signed=True)))
    return out


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
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
    """(bands, rows) of datasketch's LSH for ``threshold`` (``MinHashLSH(max(0.2, threshold - 0.3))``):
    the split of NUM_PERM that minimises the sum of the false-positive and false-negative areas
    under the LSH S-curve (datasketch's ``_optimal_param`` with equal weights). The areas are
    integrated by Simpson's rule on a fine grid rather than with scipy (whose import costs more
    than the whole compare of a few articles); tests/test_compare.py checks the split against
    datasketch's."""
    t = max(0.2, threshold - 0.3)
    below, above = np.linspace(0.0, t, 4001), np.linspace(t, 1.0, 4001)

    def area(y: np.ndarray, x: np.ndarray) -> float:
        h = (x[-1] - x[0]) / (len(x) - 1)
        return float(h / 3 * (y[0] + y[-1] + 4 * y[1:-1:2].sum() + 2 * y[2:-1:2].sum()))

    best, shape = float("inf"), (0, 0)
    for b in range(1, NUM_PERM + 1):
        for r in range(1, NUM_PERM // b + 1):
            fp = area(1 - (1 - below ** r) ** b, below)
            fn = area((1 - above ** r) ** b, above)
            if fp + fn < best:
                best, shape = fp + fn, (b, r)
    return shape


def copy_keys(hashvalues: np.ndarray, threshold: float = COPY_THRESHOLD) -> list[int]:
    """The LSH keys under which the full compare looks for a document's copies: one per band of
    datasketch's split for ``threshold`` (two documents are candidates when they share a key).
    Keys are 63-bit integers (band number and band hash), so candidates can be found by
    partitioning the keys (``dyadwatch batch``) as well as in one dictionary."""
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


def near_duplicate_groups(documents: Iterable[tuple[str, str]], *, threshold: float = COPY_THRESHOLD,
                          containment: float = 0.8, with_signatures: bool = False) -> Any:
    """Map each document id, in the order given, to (group id, similarity to the group's first document).

    documents: (id, text) in ingest order, read once (an iterator over the store's texts keeps no
    text once its shingles are taken). threshold: the Jaccard similarity of word 5-shingles
    around which LSH proposes candidates. containment: the share of the shorter document's
    shingles the longer one must hold for the two to be copies of one story (a syndicated copy
    with a new first line and a trimmed sentence keeps well above 0.8; two stories on the same
    meeting written separately share almost no 5-word sequences).
    """
    # LSH finds candidates generously (``copy_keys``); each candidate is then checked exactly, by
    # how much of the shorter text's shingles the other holds (a trimmed copy is contained in its
    # original)
    signatures: dict[str, np.ndarray] = {}
    shingle_sets: dict[str, set[bytes]] = {}
    buckets: dict[int, list[str]] = {}
    pairs: list[tuple[str, str]] = []
    ids: list[str] = []
    for doc_id, text in documents:
        ids.append(doc_id)
        shingles = _shingles(text)
        if not shingles:
            continue
        m = minhash(shingles)
        keys = copy_keys(m, threshold)
        for other in dict.fromkeys(o for k in keys for o in buckets.get(k, ())):
            theirs = shingle_sets[other]
            if len(shingles & theirs) / min(len(shingles), len(theirs)) >= containment:
                pairs.append((other, doc_id))
        for k in keys:
            buckets.setdefault(k, []).append(doc_id)
        signatures[doc_id] = m
        shingle_sets[doc_id] = shingles
    group = copy_groups(ids, pairs)
    out: dict[str, tuple[str, float]] = {}
    for doc_id in ids:
        root = group.get(doc_id, doc_id)
        sim = 1.0 if root == doc_id else jaccard(signatures[doc_id], signatures[root])
        out[doc_id] = (root, round(sim, 3))
    if with_signatures:
        sigs = {d: (m.astype("uint32"), len(shingle_sets[d]), bands(m)) for d, m in signatures.items()}
        return out, sigs
    return out
