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


def near_duplicate_groups(documents: Sequence[tuple[str, str]], *, threshold: float = 0.6) -> dict[str, tuple[str, float]]:
    """Map each document id to (group id, similarity to the group's first document).

    documents: (id, text) in ingest order. threshold: estimated Jaccard similarity of word
    5-shingles above which two documents are copies of one story (a syndicated copy with a new
    first paragraph and a trimmed sentence stays well above 0.6; two stories on the same
    meeting written separately fall far below it).
    """
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    signatures: dict[str, MinHash] = {}
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
            if m.jaccard(signatures[other]) >= threshold:
                a, b = find(doc_id), find(other)
                if a != b:
                    # the group is named after the document ingested first
                    first, second = (a, b) if order[a] < order[b] else (b, a)
                    parent[second] = first
        signatures[doc_id] = m
        lsh.insert(doc_id, m)
    out: dict[str, tuple[str, float]] = {}
    for doc_id, _ in documents:
        root = find(doc_id)
        sim = 1.0 if root == doc_id else float(signatures[doc_id].jaccard(signatures[root]))
        out[doc_id] = (root, round(sim, 3))
    return out
