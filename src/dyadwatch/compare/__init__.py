"""Compare: across documents — duplicate reports, stories, agreement and contradiction.

Reads the analysed documents from the store and writes back, in one transaction, the
near-duplicate groups, the stories (one real-world event with every report of it) and the
relations between claims. Run it after ingesting: ``compare_store(store)``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from dyadwatch.compare.duplicates import near_duplicate_groups
from dyadwatch.compare.relations import ClaimItem, relate_claims
from dyadwatch.compare.stories import link_stories
from dyadwatch.records import Relation
from dyadwatch.store import Store

__all__ = ["CompareSummary", "compare_store"]


@dataclass
class CompareSummary:
    documents: int
    duplicate_groups: int
    stories: int
    multi_source_stories: int
    agreements: int
    contradictions: int


def compare_store(store: Store, *, embed: Callable[[list[str]], np.ndarray] | None = None,
                  direction: Callable[[str], float] | None = None) -> CompareSummary:
    """Recompute duplicates, stories and claim relations for everything in ``store``.

    embed: sentence embedder (defaults to the offline MiniLM model).
    direction: assessment direction of a claim sentence, +1 closer … -1 apart (defaults to
    the stance component's sentence scorer).
    """
    # every read below comes from one snapshot: another process (an ingest, a watch) committing
    # between two of them left claims of a document missing from `texts` (KeyError)
    store.conn.execute("BEGIN")
    try:
        docs = [(r["id"], r["text"]) for r in store.execute("SELECT id, text FROM documents ORDER BY rowid")]
        groups = near_duplicate_groups(docs)
        group_of = {d: g for d, (g, _) in groups.items()}
        events = [dict(r) for r in store.execute(
            "SELECT id, document_id, source, target, type, negated, modality, date FROM events")]
        stories = link_stories(events, group_of)
        claims = []
        texts = {d: t for d, t in docs}
        if direction is None:
            direction = _default_direction()
        # each article's main pair: the dyad of its stance, else its two most-mentioned actors
        dyad_of: dict[str, tuple[str, str]] = {}
        for r in store.execute("SELECT document_id, actor_a, actor_b FROM stances ORDER BY document_id, abs(score) DESC"):
            dyad_of.setdefault(r["document_id"], (r["actor_a"], r["actor_b"]))
        # what might happen ("could", "if") is neither confirmed nor contradicted by what did
        hypothetical: set[tuple[str, int, str, str, str, bool]] = set()
        reported: set[tuple[str, int, str, str, str, bool]] = set()
        for r in store.execute("SELECT document_id, start, source, target, type, negated, modality FROM events"):
            key = (r["document_id"], r["start"], r["source"], r["target"], r["type"], bool(r["negated"]))
            (hypothetical if r["modality"] == "hypothetical" else reported).add(key)
        # the dates of the events each sentence reports, for telling the same act from another one
        dates: dict[tuple[str, int], dict[tuple[str, str, str, bool], str | None]] = {}
        event_rows = list(store.execute(
            "SELECT document_id, start, \"end\", source, target, type, negated, modality, date FROM events "
            "ORDER BY document_id, start"))
        for r in event_rows:
            dates.setdefault((r["document_id"], r["start"]), {})[
                (r["source"], r["target"], r["type"], bool(r["negated"]))] = r["date"]
        claim_starts: set[tuple[str, int]] = set()
        for r in store.execute("SELECT * FROM claims ORDER BY document_id, start"):
            claim_starts.add((r["document_id"], r["start"]))
            norm = json.loads(r["normalized"])
            norm["events"] = [e for e in norm.get("events", [])
                              if (r["document_id"], r["start"], e[0], e[1], e[2], bool(e[3])) not in hypothetical
                              or (r["document_id"], r["start"], e[0], e[1], e[2], bool(e[3])) in reported]
            sentence = texts[r["document_id"]][r["start"]:r["end"]]
            claims.append(ClaimItem(
                document_id=r["document_id"], start=r["start"], end=r["end"], sentence=sentence,
                actors=tuple(json.loads(r["actors"])), polarity=r["polarity"],
                events=tuple((s, t, ty, bool(n)) for s, t, ty, n in norm.get("events", [])),
                figures=tuple((float(v), u, m, p) for v, u, m, p in norm.get("figures", [])),
                # someone else's judgement, reported, is not the article's own
                direction=direction(sentence) if direction and not r["speaker"] and not _reports_others(sentence) else 0.0,
                group=group_of.get(r["document_id"], r["document_id"]),
                extra={"dyad": dyad_of.get(r["document_id"]), "cues": _cues(sentence),
                       "dates": dates.get((r["document_id"], r["start"]), {})},
            ))
        # every other sentence that reports an act between the article's own pair is a claim
        # too: two sources telling the same act (or one telling it undone) are what
        # confirmation and contradiction are made of
        by_sentence: dict[tuple[str, int, int], list[Any]] = {}
        for r in event_rows:
            dyad = dyad_of.get(r["document_id"])
            if not dyad or {r["source"], r["target"]} != set(dyad) or r["modality"] == "hypothetical":
                continue
            if (r["document_id"], r["start"]) in claim_starts:
                continue
            by_sentence.setdefault((r["document_id"], r["start"], r["end"]), []).append(r)
        for (doc_id, start, end), rows in by_sentence.items():
            sentence = texts[doc_id][start:end]
            claims.append(ClaimItem(
                document_id=doc_id, start=start, end=end, sentence=sentence,
                actors=tuple(sorted({x for r in rows for x in (r["source"], r["target"])})),
                polarity=-1 if all(r["negated"] for r in rows) else 1,
                events=tuple(sorted({(r["source"], r["target"], r["type"], bool(r["negated"])) for r in rows})),
                direction=0.0, group=group_of.get(doc_id, doc_id),
                extra={"dyad": dyad_of.get(doc_id), "cues": frozenset(), "event_sentence": True,
                       "dates": dates.get((doc_id, start), {})},
            ))
    finally:
        store.conn.execute("COMMIT")
    if embed is None:
        embed = _default_embed()
    decided = relate_claims(claims, embed)
    relations = [Relation(a.document_id, a.start, a.end, b.document_id, b.start, b.end, d.relation, d.score, d.why)
                 for a, b, d in decided]
    store.replace_comparison(groups=groups, stories=stories, relations=relations)
    return CompareSummary(
        documents=len(docs),
        duplicate_groups=sum(1 for g in set(group_of.values()) if list(group_of.values()).count(g) > 1),
        stories=len(stories),
        multi_source_stories=sum(1 for s in stories if s.independent_sources > 1),
        agreements=sum(1 for r in relations if r.relation == "agree"),
        contradictions=sum(1 for r in relations if r.relation == "contradict"),
    )


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
    from dyadwatch.compare.embeddings import Embedder

    embedder = Embedder()
    return lambda texts: embedder.encode(texts)


def _default_direction() -> Callable[[str], float] | None:
    try:
        from dyadwatch.analyze.stance import sentence_direction  # type: ignore[attr-defined]
    except ImportError:
        return None
    fn: Callable[[str], float] = sentence_direction
    return fn


