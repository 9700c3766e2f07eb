"""Compare: across documents — duplicate reports, stories, agreement and contradiction.

Reads the analysed documents from the store and writes back, in one transaction, the
near-duplicate groups, the stories (one real-world event with every report of it) and the
relations between claims. Run it after ingesting: ``compare_store(store)``.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from dyadwatch.compare.duplicates import near_duplicate_groups
from dyadwatch.compare.relations import ClaimItem, relate_claims
from dyadwatch.compare.stories import link_stories
from dyadwatch.records import Relation

if TYPE_CHECKING:  # only annotations: batch workers use these functions and never load the store
    from dyadwatch.store import Store

__all__ = ["CANDIDATES", "CompareSummary", "claim_items", "claim_vectors", "compare_store", "document_claims",
           "document_dyads", "judged", "main_dyad"]


@dataclass
class CompareSummary:
    documents: int
    duplicate_groups: int
    stories: int
    multi_source_stories: int
    agreements: int
    contradictions: int


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
    # every read below comes from one snapshot: another process (an ingest, a watch) committing
    # between two of them left claims of a document missing from `texts` (KeyError)
    store.conn.execute("BEGIN")
    try:
        docs = [(r["id"], r["text"]) for r in store.execute("SELECT id, text FROM documents ORDER BY rowid")]
        last_rowid = max((r[0] for r in store.execute("SELECT max(rowid) FROM documents")), default=None) or 0
        groups, signatures = near_duplicate_groups(docs, with_signatures=True)
        group_of = {d: g for d, (g, _) in groups.items()}
        events = [dict(r) for r in store.execute(
            "SELECT id, document_id, source, target, type, negated, modality, date FROM events")]
        stories = link_stories(events, group_of)
        if direction is None:
            direction = default_direction()
        dyad_of = document_dyads(store)
        # copies of one story are compared through the first of them only: a copy confirms nothing
        representatives = [d for d, _ in docs if group_of.get(d, d) == d]
        claims = claim_items(store, representatives, texts=dict(docs), group_of=group_of, dyad_of=dyad_of,
                             direction=direction)
        del docs
    finally:
        store.conn.execute("COMMIT")
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


def claim_vectors(store: Store, claims: list[ClaimItem], embed: Callable[[list[str]], np.ndarray] | None
                  ) -> tuple[np.ndarray, list[tuple[str, int, int, bytes]]]:
    """The sentence vectors of ``claims`` (in order): those stored, and the rest embedded now
    (returned as rows to store, so each claim sentence is embedded once in the store's life)."""
    if not claims:
        return np.zeros((0, 384), dtype=np.float32), []
    stored = store.claim_vectors([(c.document_id, c.start, c.end) for c in claims])
    missing = [i for i, c in enumerate(claims) if (c.document_id, c.start, c.end) not in stored]
    computed: dict[int, np.ndarray] = {}
    if missing:
        if embed is None:
            embed = _default_embed()
        got = embed([claims[i].sentence for i in missing])
        computed = {i: np.asarray(got[k], dtype=np.float32) for k, i in enumerate(missing)}
    dim = next(iter(computed.values())).shape[0] if computed else len(next(iter(stored.values()))) // 4
    out = np.zeros((len(claims), dim), dtype=np.float32)
    for i, c in enumerate(claims):
        key = (c.document_id, c.start, c.end)
        out[i] = computed[i] if i in computed else np.frombuffer(stored[key], dtype="<f4")
    rows = [(claims[i].document_id, claims[i].start, claims[i].end, computed[i].astype("<f4").tobytes())
            for i in missing]
    return out, rows


def document_dyads(store: Store, doc_ids: Iterable[str] | None = None) -> dict[str, tuple[str, str]]:
    """Each article's main pair: the dyad of its strongest stance."""
    out: dict[str, tuple[str, str]] = {}
    if doc_ids is None:
        rows = store.execute("SELECT document_id, actor_a, actor_b FROM stances ORDER BY document_id, abs(score) DESC")
    else:
        ids = list(doc_ids)
        rows = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows += store.execute(
                f"SELECT document_id, actor_a, actor_b FROM stances WHERE document_id IN ({','.join('?' * len(chunk))}) "
                "ORDER BY document_id, abs(score) DESC", chunk)
    for r in rows:
        out.setdefault(r["document_id"], (r["actor_a"], r["actor_b"]))
    return out


def claim_items(store: Store, doc_ids: Iterable[str], *, texts: dict[str, str] | None = None,
                group_of: dict[str, str], dyad_of: dict[str, tuple[str, str]],
                direction: Callable[[str], float] | None, judge: bool = True) -> list[ClaimItem]:
    """The claims compare weighs for the given documents, read document by document (each
    through the indexes on ``document_id``): the claims component's claims, and every other
    sentence that reports an act between the article's own pair. judge=False leaves the
    judgements (direction, cues) to ``judged``, for claims that may never need them."""
    out: list[ClaimItem] = []
    for doc_id in doc_ids:
        text = texts[doc_id] if texts is not None else next(
            (r["text"] for r in store.execute("SELECT text FROM documents WHERE id = ?", (doc_id,))), None)
        if text is None:
            continue
        out += _document_claims(store, doc_id, text, group_of.get(doc_id, doc_id), dyad_of.get(doc_id), direction,
                                judge)
    return out


def _document_claims(store: Store, doc_id: str, text: str, group: str, dyad: tuple[str, str] | None,
                     direction: Callable[[str], float] | None, judge: bool = True) -> list[ClaimItem]:
    event_rows = store.execute(
        "SELECT start, \"end\", source, target, type, negated, modality, date FROM events WHERE document_id = ? "
        "ORDER BY start", (doc_id,))
    claim_rows = [{"start": r["start"], "end": r["end"], "speaker": r["speaker"], "polarity": r["polarity"],
                   "actors": json.loads(r["actors"]), "normalized": json.loads(r["normalized"])}
                  for r in store.execute("SELECT * FROM claims WHERE document_id = ? ORDER BY start", (doc_id,))]
    return document_claims(doc_id, text, event_rows, claim_rows, group=group, dyad=dyad, direction=direction,
                           judge=judge)


def main_dyad(stances: Iterable[Mapping[str, Any]]) -> tuple[str, str] | None:
    """An article's main pair: the dyad of its strongest stance (the first of equals), from
    rows with actor_a, actor_b and score, in the order the analysis gave them."""
    best = max(stances, key=lambda r: abs(r["score"]), default=None)
    return (best["actor_a"], best["actor_b"]) if best is not None else None


def document_claims(doc_id: str, text: str, event_rows: Sequence[Any],
                    claim_rows: Sequence[Mapping[str, Any]], *, group: str, dyad: tuple[str, str] | None,
                    direction: Callable[[str], float] | None, judge: bool = True) -> list[ClaimItem]:
    """The claims compare weighs in one document, from its rows alone: ``event_rows`` (start,
    end, source, target, type, negated, modality, date) and ``claim_rows`` (start, end, speaker,
    polarity, actors, normalized as a mapping), each ordered by start. Pure, so ``dyadwatch
    batch`` runs it on Dask workers on the rows of its Parquet tables."""
    # the dates of the events each sentence reports, for telling the same act from another one
    dates: dict[int, dict[tuple[str, str, str, bool], str | None]] = {}
    # what might happen ("could", "if") is neither confirmed nor contradicted by what did
    hypothetical: set[tuple[int, str, str, str, bool]] = set()
    reported: set[tuple[int, str, str, str, bool]] = set()
    for r in event_rows:
        dates.setdefault(r["start"], {})[(r["source"], r["target"], r["type"], bool(r["negated"]))] = r["date"]
        key = (r["start"], r["source"], r["target"], r["type"], bool(r["negated"]))
        (hypothetical if r["modality"] == "hypothetical" else reported).add(key)
    out: list[ClaimItem] = []
    claim_starts: set[int] = set()
    for r in claim_rows:
        claim_starts.add(r["start"])
        norm = dict(r["normalized"])
        norm["events"] = [e for e in norm.get("events", [])
                          if (r["start"], e[0], e[1], e[2], bool(e[3])) not in hypothetical
                          or (r["start"], e[0], e[1], e[2], bool(e[3])) in reported]
        sentence = text[r["start"]:r["end"]]
        # someone else's judgement, reported, is not the article's own
        own = not r["speaker"] and not _reports_others(sentence)
        extra: dict[str, Any] = {"dyad": dyad, "cues": _cues(sentence) if judge else frozenset(),
                                 "dates": dates.get(r["start"], {})}
        if not judge:
            extra["unjudged"] = own  # for ``judged``
        out.append(ClaimItem(
            document_id=doc_id, start=r["start"], end=r["end"], sentence=sentence,
            actors=tuple(r["actors"]), polarity=r["polarity"],
            events=tuple((s, t, ty, bool(n)) for s, t, ty, n in norm.get("events", [])),
            figures=tuple((float(v), u, m, p) for v, u, m, p in norm.get("figures", [])),
            direction=direction(sentence) if judge and direction and own else 0.0,
            group=group, extra=extra,
        ))
    # every other sentence that reports an act between the article's own pair is a claim too:
    # two sources telling the same act (or one telling it undone) are what confirmation and
    # contradiction are made of
    by_sentence: dict[tuple[int, int], list[Any]] = {}
    for r in event_rows:
        if not dyad or {r["source"], r["target"]} != set(dyad) or r["modality"] == "hypothetical":
            continue
        if r["start"] in claim_starts:
            continue
        by_sentence.setdefault((r["start"], r["end"]), []).append(r)
    for (start, end), rows in by_sentence.items():
        out.append(ClaimItem(
            document_id=doc_id, start=start, end=end, sentence=text[start:end],
            actors=tuple(sorted({x for r in rows for x in (r["source"], r["target"])})),
            polarity=-1 if all(r["negated"] for r in rows) else 1,
            events=tuple(sorted({(r["source"], r["target"], r["type"], bool(r["negated"])) for r in rows})),
            direction=0.0, group=group,
            extra={"dyad": dyad, "cues": frozenset(), "event_sentence": True, "dates": dates.get(start, {})},
        ))
    return out


def judged(claim: ClaimItem, direction: Callable[[str], float] | None) -> ClaimItem:
    """A claim read with ``judge=False``, with its direction and cues worked out (as read with
    judge=True); any other claim as it is."""
    if "unjudged" not in claim.extra:
        return claim
    extra = {k: v for k, v in claim.extra.items() if k != "unjudged"}
    extra["cues"] = _cues(claim.sentence)
    return dataclasses.replace(claim, extra=extra,
                               direction=direction(claim.sentence) if direction and claim.extra["unjudged"] else 0.0)


_OTHERS = re.compile(
    r"\b(?:many|some|most|several|other)?\s*(?:observers|analysts|commentators|critics|experts|officials|pundits|"
    r"scholars|skeptics|sceptics)\b[^.]{0,40}\b(?:say|said|argue|argued|believe|believed|claim|claimed|"
    r"concluded?|conclusion|feared?|think|thought|suggest|suggested|assume|assumed)\b", re.IGNORECASE)


def _cues(sentence: str) -> frozenset[str]:
    try:
        from dyadwatch.analyze.stance import sentence_cue_stems
    except ImportError:
        return frozenset()
    return sentence_cue_stems(sentence)


def _reports_others(sentence: str) -> bool:
    """"Many observers jumped to the conclusion that …": a view the author reports, not holds."""
    return bool(_OTHERS.search(sentence))


def _default_embed() -> Callable[[list[str]], np.ndarray]:
    from dyadwatch.analyze.embeddings import Embedder

    embedder = Embedder()
    return lambda texts: embedder.encode(texts)


def default_direction() -> Callable[[str], float] | None:
    """The function that reads a claim's direction (closer / apart) from its sentence, as the
    stance component does; None when the analysis package cannot be imported (compare then
    relates claims without directions)."""
    try:
        from dyadwatch.analyze.stance import sentence_direction
    except ImportError:
        return None
    fn: Callable[[str], float] = sentence_direction
    return fn


