"""Near-duplicate documents: the same wire story on several sites counts as one source.

MinHash signatures of word 5-shingles with locality-sensitive hashing find candidate pairs in
about linear time; pairs whose estimated Jaccard similarity reaches the threshold are joined
(union-find), and each group is named after its first document in ingest order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
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


def near_duplicate_groups(documents: Sequence[tuple[str, str]], *, threshold: float = 0.6,
                          containment: float = 0.8, with_signatures: bool = False) -> Any:
    """Map each document id to (group id, similarity to the group's first document).

    documents: (id, text) in ingest order. threshold: the Jaccard similarity of word 5-shingles
    around which LSH proposes candidates. containment: the share of the shorter document's
    shingles the longer one must hold for the two to be copies of one story (a syndicated copy
    with a new first line and a trimmed sentence keeps well above 0.8; two stories on the same
    meeting written separately share almost no 5-word sequences).
    """
    from datasketch import MinHash, MinHashLSH

    # LSH finds candidates generously; each candidate is then checked exactly, by how much of the
    # shorter text's shingles the other holds (a trimmed copy is contained in its original)
    lsh = MinHashLSH(threshold=max(0.2, threshold - 0.3), num_perm=NUM_PERM)
    signatures: dict[str, MinHash] = {}
    shingle_sets: dict[str, set[bytes]] = {}
    order = {doc_id: i for i, (doc_id, _) in enumerate(documents)}
    parent = {doc_id: doc_id for doc_id, _ in documents}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc_id, text in documents:
        m = MinHash(num_perm=NUM_PERM)
        shingles = _shingles(text)
        if not shingles:
            continue
        m.update_batch(list(shingles))
        for other in lsh.query(m):
            theirs = shingle_sets[other]
            if len(shingles & theirs) / min(len(shingles), len(theirs)) >= containment:
                a, b = find(doc_id), find(other)
                if a != b:
                    # the group is named after the document ingested first
                    first, second = (a, b) if order[a] < order[b] else (b, a)
                    parent[second] = first
        signatures[doc_id] = m
        shingle_sets[doc_id] = shingles
        lsh.insert(doc_id, m)
    out: dict[str, tuple[str, float]] = {}
    for doc_id, _ in documents:
        root = find(doc_id)
        sim = 1.0 if root == doc_id else float(signatures[doc_id].jaccard(signatures[root]))
        out[doc_id] = (root, round(sim, 3))
    if with_signatures:
        sigs = {d: (m.hashvalues.astype("uint32"), len(shingle_sets[d]), bands(m.hashvalues))
                for d, m in signatures.items()}
        return out, sigs
    return out
