"""Compare: across documents — duplicate reports, stories, agreement and contradiction.

Reads the analysed documents from the store and writes back, in one transaction, the
near-duplicate groups, the stories (one real-world event with every report of it) and the
relations between claims. Run it after ingesting: ``compare_store(store)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from dyadwatch.compare.claims import (
    PAIR_SENTENCES,
    CompareSummary,
    claim_items,
    claim_vectors,
    default_direction,
    document_claims,
    document_dyads,
    document_pairs,
    judged,
    main_dyad,
    stance_pairs,
)
from dyadwatch.compare.duplicates import near_duplicate_groups
from dyadwatch.compare.relations import comparable_documents, relate_claims
from dyadwatch.compare.stories import link_stories
from dyadwatch.records import Relation

if TYPE_CHECKING:  # only annotations: batch workers use these functions and never load the store
    from dyadwatch.store import Store

__all__ = ["CANDIDATES", "PAIR_SENTENCES", "CompareSummary", "claim_items", "claim_vectors", "compare_store",
           "default_direction", "document_claims", "document_dyads", "document_pairs", "judged", "main_dyad",
           "stance_pairs"]

#: earlier documents of the same pair an incremental compare looks at, per new document
CANDIDATES = 200


def compare_store(store: Store, *, embed: Callable[[list[str]], np.ndarray] | None = None,
                  direction: Callable[[str], float] | None = None, full: bool = True,
                  candidates: int = CANDIDATES) -> CompareSummary:
    """Duplicates, stories and claim relations of the documents in ``store``.

    full: recompute everything (``dyadwatch compare --all``). Otherwise only the documents
    stored since the last compare are compared (``dyadwatch.compare.incremental``): the cost of
    adding a document then depends on its pair of states, not on the size of the store.
    embed: sentence embedder (defaults to the offline MiniLM model).
    direction: assessment direction of a claim sentence, +1 closer … -1 apart (defaults to
    the stance component's sentence scorer).
    candidates: for an incremental compare, at most this many earlier documents of the same
    pair of states are compared with each new one (the most recent).
    """
    if not full:
        from dyadwatch.compare.incremental import compare_new

        summary = compare_new(store, embed=embed, direction=direction, candidates=candidates)
        if summary is not None:
            return summary
    # the store's queries are imported here: batch workers import this package and never the store
    from dyadwatch.store.queries.compare import act_events, last_document_rowid, snapshot, stored_texts

    # every read below comes from one snapshot: another process (an ingest, a watch) committing
    # between two of them left claims of a document missing from the store's texts
    with snapshot(store):
        # the texts are read once, as they come: a document's text is read again only when its
        # claims are (claim_items), so the texts of a large store are never all held at once.
        # groups has every document, in the order they were stored
        groups, signatures = near_duplicate_groups(((t.id, t.text) for t in stored_texts(store)),
                                                   with_signatures=True)
        last_rowid = last_document_rowid(store)
        group_of = {d: g for d, (g, _) in groups.items()}
        stories = link_stories(act_events(store), group_of)
        if direction is None:
            direction = default_direction()
        dyad_of = document_pairs(store)
        # copies of one story are compared through the first of them only: a copy confirms nothing
        representatives = [d for d in groups if group_of.get(d, d) == d]
        # and only articles that share a pair of states with another are read and embedded
        comparable = comparable_documents({d: dyad_of[d] for d in representatives if d in dyad_of}, group_of)
        claims = claim_items(store, [d for d in representatives if d in comparable], group_of=group_of,
                             dyad_of=dyad_of, direction=direction)
    vectors, fresh_vectors = claim_vectors(store, claims, embed)
    decided = relate_claims(claims, lambda texts: vectors)
    relations = [Relation(a.document_id, a.start, a.end, b.document_id, b.start, b.end, d.relation, d.score, d.why)
                 for a, b, d in decided]
    store.replace_comparison(groups=groups, stories=stories, relations=relations,
                             signatures=signatures, compared_through=last_rowid, vectors=fresh_vectors)
    return CompareSummary(
        documents=len(group_of),
        duplicate_groups=sum(1 for g in set(group_of.values()) if list(group_of.values()).count(g) > 1),
        stories=len(stories),
        multi_source_stories=sum(1 for s in stories if s.independent_sources > 1),
        agreements=sum(1 for r in relations if r.relation == "agree"),
        contradictions=sum(1 for r in relations if r.relation == "contradict"),
    )
