"""Near-duplicate documents: the same wire story on several sites counts as one source.

MinHash signatures of word 5-shingles with locality-sensitive hashing find candidate pairs in
about linear time; pairs whose estimated Jaccard similarity reaches the threshold are joined
(union-find), and each group is named after its first document in ingest order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 5
NUM_PERM = 128


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def near_duplicate_groups(documents: Sequence[tuple[str, str]], *, threshold: float = 0.6,
                          containment: float = 0.8) -> dict[str, tuple[str, float]]:
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
    return out
