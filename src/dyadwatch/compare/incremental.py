"""Incremental compare: only the documents stored since the last compare, against candidates.

A full compare (``compare_store(store)``, ``dyadwatch compare --all``) reads every document.
Ingest, load and watch instead compare what they added, and every step finds what it needs
through indexes kept in the store, so adding a document costs the same whatever the store holds:

- **copies**: each document's MinHash signature and its LSH band buckets are stored
  (``minhash_signatures``, ``minhash_bands``); a new document's copies are the documents sharing
  a bucket with it (one indexed lookup per band), checked exactly by shingle containment. A
  copy joins the group of the document it copies (groups are named after their first document);
- **stories**: only the stories of the acts the new documents report (same source, target,
  type, negation) are linked again, from the events of those acts (``stories_key``, ``events_dyad``);
- **relations**: a new document that is the first of its group is compared with at most
  ``candidates`` earlier documents of each pair of states it is about (its stances' dyads,
  through ``stances_dyad``), the most recent first, each through the first document of its group; a
  copy adds no relation. Relations between two earlier documents are kept as they are.

Documents are "new" when their rowid is above the one compare last recorded
(``compare_state``). A store compared before this existed has no record and gets a full compare.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from dyadwatch.compare.claims import (
    CompareSummary,
    default_direction,
    claim_items,
    claim_vectors,
    document_pairs,
    judged,
)
from dyadwatch.compare.duplicates import contained, jaccard, signature
from dyadwatch.compare.relations import DIRECTION_ALIGN, comparable_documents, relate_claims
from dyadwatch.compare.stories import link_stories
from dyadwatch.records import Relation
from dyadwatch.store import Store
from dyadwatch.store.queries.compare import (
    StoryEventRow, act_events, band_documents, document_acts, document_group, document_rowid, document_text,
    pair_candidates, stored_signature, stored_texts,
)

__all__ = ["compare_new"]


def compare_new(store: Store, *, embed: Callable[[list[str]], np.ndarray] | None = None,
                direction: Callable[[str], float] | None = None, candidates: int = 200) -> CompareSummary | None:
    """Compare the documents stored since the last compare; None when the store has no record
    of a previous compare (the caller then runs a full one)."""
    through = store.compared_through()
    if through is None:
        return None
    new = list(stored_texts(store, after=through))
    if not new:
        return CompareSummary(0, 0, 0, 0, 0, 0)
    last = new[-1][0]

    # -- copies --------------------------------------------------------------------------------
    groups: dict[str, tuple[str, float]] = {}
    regroup: dict[str, str] = {}
    signatures: dict[str, Any] = {}
    new_ids = {doc_id for _, doc_id, _ in new}
    texts = {doc_id: text for _, doc_id, text in new}
    order = {doc_id: rowid for rowid, doc_id, _ in new}

    def group_of_doc(doc_id: str) -> str:
        """The group a document is in: this run's, else the stored one, as this run regroups it."""
        if doc_id in groups:
            g = groups[doc_id][0]
        else:
            stored = document_group(store, doc_id)
            g = stored if stored is not None else doc_id
        return regroup.get(g, g)

    for rowid, doc_id, text in new:
        sig = signature(text)
        if sig is None:
            groups[doc_id] = (doc_id, 1.0)
            continue
        values, _, doc_bands = sig
        found: set[str] = set()
        for band, bucket in doc_bands:
            found.update(band_documents(store, band, bucket))
        found |= {d for d, s in signatures.items() if any(b in s[2] for b in doc_bands)}
        found.discard(doc_id)
        copies_of: list[tuple[int, str, np.ndarray]] = []
        for other in found:
            other_text = texts.get(other)
            if other_text is None:
                other_text = document_text(store, other)
            if other_text is None or not contained(text, other_text):
                continue
            group = group_of_doc(other)
            if group not in order:
                stored_rowid = document_rowid(store, group)
                order[group] = stored_rowid if stored_rowid is not None else rowid
            copies_of.append((order[group], group, values))
        if copies_of:
            copies_of.sort()
            first = copies_of[0][1]
            for _, g, _ in copies_of[1:]:
                if g != first:
                    regroup[g] = first  # a new copy bridges two groups: the later joins the earlier
            # the first document of the group may be new too: its signature is then this run's
            root_sig = signatures[first][0] if first in signatures else _stored_signature(store, first)
            sim = jaccard(values, root_sig) if root_sig is not None else 1.0
            groups[doc_id] = (first, round(sim, 3))
        else:
            groups[doc_id] = (doc_id, 1.0)
        signatures[doc_id] = sig
    for doc_id, (g, sim) in list(groups.items()):
        if g in regroup:
            groups[doc_id] = (regroup[g], sim)

    # -- stories of the acts the new documents report ------------------------------------------
    keys: set[tuple[str, str, str, bool]] = set()
    for doc_id in new_ids:
        keys |= document_acts(store, doc_id)
    events: list[StoryEventRow] = []
    for source, target, type_, negated in sorted(keys):
        events += act_events(store, source, target, type_, negated)
    event_groups = {str(e.document_id): group_of_doc(str(e.document_id)) for e in events}
    stories = link_stories(events, event_groups)

    # -- relations of the new representatives with candidates of their pair ---------------------
    if direction is None:
        direction = default_direction()
    dyad_of = document_pairs(store, new_ids)
    fresh = [doc_id for _, doc_id, _ in new if group_of_doc(doc_id) == doc_id]
    pool: dict[str, None] = {}
    for doc_id in fresh:
        # the candidates of each pair of states the new document is about (as a full compare
        # relates two documents on every pair they share)
        for dyad in dyad_of.get(doc_id, []):
            for other in pair_candidates(store, dyad[0], dyad[1], through=through, limit=candidates):
                candidate = group_of_doc(other)
                if candidate not in new_ids:
                    pool[candidate] = None
    dyad_of.update(document_pairs(store, list(pool)))
    group_map = {d: group_of_doc(d) for d in list(pool) + fresh}
    # a new article about no pair another is about is neither read nor embedded (yet: when one
    # comes, it is a candidate, and its claims are embedded then, once)
    comparable = comparable_documents({d: dyad_of[d] for d in [*fresh, *pool] if d in dyad_of}, group_map,
                                      involving=set(fresh))
    new_claims = claim_items(store, [d for d in fresh if d in comparable], texts=texts, group_of=group_map,
                             dyad_of=dyad_of, direction=direction)
    # the candidates' judgements (direction, cues: the costliest part of reading a claim) are
    # worked out only for claims aligned closely enough with a new one to be weighed by them
    old_claims = claim_items(store, [d for d in pool if d in comparable], group_of=group_map, dyad_of=dyad_of,
                             direction=direction, judge=False)
    relations: list[Relation] = []
    fresh_vectors: list[tuple[str, int, int, bytes]] = []
    if new_claims and (old_claims or len(fresh) > 1):
        claims = new_claims + old_claims
        vectors, fresh_vectors = claim_vectors(store, claims, embed)  # candidates' come from the store
        if old_claims:
            k = len(new_claims)
            near = (vectors[k:] @ vectors[:k].T).max(axis=1) >= DIRECTION_ALIGN - 1e-3
            claims = new_claims + [judged(c, direction) if near[i] else c for i, c in enumerate(old_claims)]
        decided = relate_claims(claims, lambda texts: vectors, involving=set(fresh))
        relations = [Relation(a.document_id, a.start, a.end, b.document_id, b.start, b.end, d.relation, d.score,
                              d.why) for a, b, d in decided]
    store.add_comparison(groups=groups, regroup=regroup, story_keys=sorted(keys), stories=stories,
                         relations=relations, signatures=signatures, compared_through=last, vectors=fresh_vectors)
    return CompareSummary(
        documents=len(new),
        duplicate_groups=len({g for d, (g, _) in groups.items() if g != d}),
        stories=len(stories),
        multi_source_stories=sum(1 for s in stories if s.independent_sources > 1),
        agreements=sum(1 for r in relations if r.relation == "agree"),
        contradictions=sum(1 for r in relations if r.relation == "contradict"),
    )


def _stored_signature(store: Store, doc_id: str) -> np.ndarray | None:
    stored = stored_signature(store, doc_id)
    return np.frombuffer(stored, dtype="<u4") if stored is not None else None
