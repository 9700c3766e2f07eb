"""The claims compare reads: each document's claim sentences (and its sentences about its pairs
of states), their vectors and judgements, and the pairs of states a document is about.

Pure functions over stored rows, shared by the in-process compare (``dyadwatch.compare``), the
incremental compare (``dyadwatch.compare.incremental``) and the batch workers
(``dyadwatch.batch``); kept apart from ``compare_store`` so that those modules import them
without importing each other.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from dyadwatch.analyze.paragraphs import trim_span
from dyadwatch.compare.relations import ClaimItem, content_terms, gains_denied, negated

if TYPE_CHECKING:  # only annotations: batch workers use these functions and never load the store
    from dyadwatch.store import Store

__all__ = ["CompareSummary", "claim_items", "claim_vectors", "default_direction", "document_claims",
           "document_dyads", "document_pairs", "judged", "main_dyad", "stance_pairs"]


@dataclass
class CompareSummary:
    documents: int
    duplicate_groups: int
    stories: int
    multi_source_stories: int
    agreements: int
    contradictions: int


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
    return {d: pairs[0] for d, pairs in document_pairs(store, doc_ids).items() if pairs}


def document_pairs(store: Store, doc_ids: Iterable[str] | None = None) -> dict[str, list[tuple[str, str]]]:
    """Each article's pairs of states, the strongest stance first (``stance_pairs``).

    An article is compared with every article that shares one of its pairs, not only its
    strongest: the strongest stance is often on a third state's pair (a peace deal signed at the
    White House is strongest on the broker), and two reports of one event then never met.
    """
    from dyadwatch.store.queries.compare import stance_rows  # here: batch workers never load the store

    # in the order the analysis gave the stances (rowid), as batch workers read them
    by_doc: dict[str, list[Any]] = {}
    for r in stance_rows(store, doc_ids):
        by_doc.setdefault(r["document_id"], []).append(r)
    return {d: stance_pairs(stances) for d, stances in by_doc.items()}


def stance_pairs(stances: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """An article's pairs of states from its stance rows (actor_a, actor_b, score, in the order
    the analysis gave them): the strongest first, equals in that order, each pair once."""
    ordered = sorted(stances, key=lambda r: -abs(r["score"]))
    return list(dict.fromkeys((r["actor_a"], r["actor_b"]) for r in ordered))


def main_dyad(stances: Iterable[Mapping[str, Any]]) -> tuple[str, str] | None:
    """An article's main pair: the dyad of its strongest stance (the first of equals), from
    rows with actor_a, actor_b and score, in the order the analysis gave them."""
    pairs = stance_pairs(stances)
    return pairs[0] if pairs else None


def claim_items(store: Store, doc_ids: Iterable[str], *, texts: dict[str, str] | None = None,
                group_of: dict[str, str], dyad_of: Mapping[str, Sequence[tuple[str, str]]],
                direction: Callable[[str], float] | None, judge: bool = True) -> list[ClaimItem]:
    """The claims compare weighs for the given documents, read document by document (each
    through the indexes on ``document_id``): the claims component's claims, and every other
    sentence about one of the article's pairs of states (``dyad_of``: document -> its pairs,
    the main one first, as ``document_pairs`` gives them). judge=False leaves the judgements
    (direction, cues) to ``judged``, for claims that may never need them."""
    from dyadwatch.store.queries.compare import document_published, document_text

    out: list[ClaimItem] = []
    for doc_id in doc_ids:
        text = texts[doc_id] if texts is not None else document_text(store, doc_id)
        if text is None:
            continue
        pairs = [(p[0], p[1]) for p in dyad_of.get(doc_id) or []]
        out += _document_claims(store, doc_id, text, group_of.get(doc_id, doc_id), pairs, direction, judge,
                                document_published(store, doc_id))
    return out


#: a sentence of this many words at least (and at most MAX_WORDS) can carry a checkable claim
MIN_WORDS, MAX_WORDS = 6, 80
#: a sentence naming both states of a pair may be as short as this (a headline)
HEADLINE_WORDS = 4
#: an article's sentences about its pairs taken as claims besides the claims component's, the
#: most telling first (``document_claims``): what an article adds to compare is bounded
PAIR_SENTENCES = 12
#: the headline and lead (the first sentences) tell the news; what ranks a sentence among them,
#: and one naming both states of a pair or speaking of the two
LEAD_SENTENCES, LEAD_WEIGHT, PAIR_WEIGHT = 3, 2.0, 1.5


def _document_claims(store: Store, doc_id: str, text: str, group: str, pairs: list[tuple[str, str]],
                     direction: Callable[[str], float] | None, judge: bool = True,
                     published: str | None = None) -> list[ClaimItem]:
    from dyadwatch.store.queries.compare import claim_rows

    tables = claim_rows(store, doc_id, pair_sentences=bool(pairs))
    return document_claims(doc_id, text, tables, group=group, pairs=pairs, direction=direction, judge=judge,
                           published=published)


def document_claims(doc_id: str, text: str, rows: Mapping[str, Sequence[Mapping[str, Any]]], *, group: str,
                    pairs: Sequence[tuple[str, str]], direction: Callable[[str], float] | None,
                    judge: bool = True, published: str | None = None) -> list[ClaimItem]:
    """The claims compare weighs in one document, from its rows alone, as the store holds them:
    ``rows["events"]`` (start, end, source, target, type, negated, modality, date) and
    ``rows["claims"]`` (start, end, speaker, polarity, actors, normalized as a mapping), each
    ordered by start; ``rows["mentions"]`` (start, end, code, entry) ordered by start; and, for
    an article about a pair, ``rows["sentences"]`` (start, end, by index), ``rows["figures"]``
    (sentence_start, value, unit, measure, period) and ``rows["quotes"]`` (start, end).
    ``pairs``: the article's pairs of states, the main one first (``stance_pairs``);
    ``published``: its publication date, which dates a claim whose acts have none
    (``extra["published"]``, for ``relations.decide_no_gains``). Pure, so
    ``dyadwatch batch`` runs it on Dask workers on the rows of its Parquet tables."""
    pairs = [(p[0], p[1]) for p in pairs]
    dyad = pairs[0] if pairs else None
    # the dates of the events each sentence reports, for telling the same act from another one
    dates: dict[int, dict[tuple[str, str, str, bool], str | None]] = {}
    # what might happen ("could", "if") is neither confirmed nor contradicted by what did
    hypothetical: set[tuple[int, str, str, str, bool]] = set()
    reported: set[tuple[int, str, str, str, bool]] = set()
    events_at: dict[int, set[tuple[str, str, str, bool]]] = {}
    # an act its actor denies ("Ethiopia denied sending troops") is, for compare, reported as not
    # done: the coder marks it negated=False, modality denied (it is not the sentence's own
    # "not"), and read as done it would confirm the report that the troops were sent
    # (per row: a sentence that also reports the same act plainly, "Ethiopia denied sending
    # troops, but Somali officials said Ethiopian troops were sent", keeps that report as done)
    denials: dict[int, set[tuple[str, str, str]]] = {}
    plain: dict[int, set[tuple[str, str, str]]] = {}
    for r in rows["events"]:
        key3 = (r["source"], r["target"], r["type"])
        if r["modality"] == "denied" and not r["negated"]:
            denials.setdefault(r["start"], set()).add(key3)
        elif not r["negated"] and r["modality"] != "hypothetical":
            plain.setdefault(r["start"], set()).add(key3)
    for start in denials:
        denials[start] -= plain.get(start, set())

    def not_done(start: int, s: str, t: str, ty: str, neg: Any) -> bool:
        """Whether compare reads an act of a claim as not done: negated, or denied by its actor
        in every row of the sentence that reports it (a claim's events name no row)."""
        return bool(neg) or (s, t, ty) in denials.get(start, ())

    for r in rows["events"]:
        neg = bool(r["negated"]) or r["modality"] == "denied"
        dates.setdefault(r["start"], {})[(r["source"], r["target"], r["type"], neg)] = r["date"]
        key = (r["start"], r["source"], r["target"], r["type"], neg)
        (hypothetical if r["modality"] == "hypothetical" else reported).add(key)
        if r["modality"] != "hypothetical":
            events_at.setdefault(r["start"], set()).add(key[1:])
    mention_rows = rows["mentions"]
    m_starts = [m["start"] for m in mention_rows]

    def terms(start: int, end: int) -> frozenset[str]:
        """The sentence's content terms, the names of its actors left out: that two sentences
        both name Erdogan or Japan says nothing about whether they tell the same thing. The role
        in a title stays ("Saudi Ambassador": "ambassador")."""
        chars = list(text[start:end])
        for m in mention_rows[bisect.bisect_left(m_starts, start):bisect.bisect_left(m_starts, end)]:
            role = _ROLE.search(m["entry"] or "")
            keep = set(role.group(1).lower().split()) if role else set()
            if role:
                # "Saudi Ambassador" (title 'official'): the office the words name is content too;
                # only the state's name before it is the actor
                keep |= set(text[m["start"]:m["end"]].lower().split()[-1:])
            for w in re.finditer(r"\S+", text[m["start"]:m["end"]]):
                if w.group(0).lower() in keep:
                    continue
                for k in range(max(m["start"] + w.start(), start), min(m["start"] + w.end(), end)):
                    chars[k - start] = " "
        return content_terms("".join(chars))

    def no_gains(start: int, end: int) -> frozenset[str]:
        """The states the sentence says came away with nothing (``gains_denied``)."""
        inside = mention_rows[bisect.bisect_left(m_starts, start):bisect.bisect_left(m_starts, end)]
        return gains_denied(text[start:end], [(m["start"] - start, m["end"] - start, m["code"])
                                              for m in inside if m["code"] and m["end"] <= end])

    def judgement(sentence: str, own: bool) -> tuple[float, dict[str, Any]]:
        """(direction, the extra keys of the judgement): worked out now, or left to ``judged``.
        ``own``: whether the judgement is the article's, kept for the rules that read the
        sentence's words rather than its direction (``relations.own_judgement``)."""
        if not judge:
            return 0.0, {"cues": frozenset(), "unjudged": own, "own": own}
        return (direction(sentence) if direction and own else 0.0), {"cues": _cues(sentence), "own": own}

    out: list[ClaimItem] = []
    taken: list[tuple[int, int]] = []
    for r in rows["claims"]:
        taken.append((r["start"], r["end"]))
        norm = dict(r["normalized"])
        norm["events"] = [(e[0], e[1], e[2], not_done(r["start"], *e)) for e in norm.get("events", [])]
        norm["events"] = [e for e in norm["events"]
                          if (r["start"], e[0], e[1], e[2], e[3]) not in hypothetical
                          or (r["start"], e[0], e[1], e[2], e[3]) in reported]
        sentence = text[r["start"]:r["end"]]
        # someone else's judgement, reported, is not the article's own
        leaning, judged_extra = judgement(sentence, not r["speaker"] and not _reports_others(sentence))
        out.append(ClaimItem(
            document_id=doc_id, start=r["start"], end=r["end"], sentence=sentence,
            actors=tuple(r["actors"]), polarity=r["polarity"],
            events=tuple((s, t, ty, bool(n)) for s, t, ty, n in norm.get("events", [])),
            figures=tuple((float(v), u, m, p) for v, u, m, p in norm.get("figures", [])),
            direction=leaning, group=group,
            extra={"dyad": dyad, "pairs": pairs, **judged_extra, "dates": dates.get(r["start"], {}),
                   "terms": terms(r["start"], r["end"]), "denied": frozenset(denials.get(r["start"], ())),
                   "no_gains": no_gains(r["start"], r["end"]), "published": published},
        ))
    if not pairs:
        return out
    # every other sentence about one of the article's pairs is a claim too: what another source
    # confirms or denies is as often told in a plain sentence of the report ("the two sides
    # agreed to reopen embassies") as in the few sentences the claims component ranks highest
    on_pair = {a for p in pairs for a in p}
    figures_at: dict[int, list[tuple[float, str, str | None, str | None]]] = {}
    for f in rows["figures"]:
        figures_at.setdefault(f["sentence_start"], []).append((float(f["value"]), f["unit"], f["measure"], f["period"]))
    quoted = [(q["start"], q["end"]) for q in rows["quotes"]]
    taken.sort()
    found: list[tuple[float, int, int, int, str, list[str], set[tuple[str, str, str, bool]], Any]] = []
    for position, row in enumerate(rows["sentences"]):
        start, end = trim_span(text, row["start"], row["end"])
        if end <= start or _overlaps_any(start, end, taken):
            continue
        sentence = text[start:end]
        actors = sorted({m["code"] for m in mention_rows[bisect.bisect_left(m_starts, start):
                                                         bisect.bisect_left(m_starts, end)]})
        n_words = len(sentence.split())
        # a headline naming both states is short ("Japan, China trade barbs") and says the most
        both = any(set(p) <= set(actors) for p in pairs)
        if n_words > MAX_WORDS or n_words < (HEADLINE_WORDS if both else MIN_WORDS):
            continue
        # about the pair: naming one of its states or speaking of the two
        named = bool(set(actors) & on_pair)
        if not named and not _refers_to_pair(sentence):
            continue
        events = events_at.get(row["start"], set()) | events_at.get(start, set())
        figs = figures_at.get(row["start"], []) or figures_at.get(start, [])
        # how much the sentence says about the pair, on the claims component's signals that need
        # no judgement (acts, figures, actors) plus where it stands: the headline and lead tell
        # the news, a sentence naming both states or speaking of the two is about the pair itself
        rank = (LEAD_WEIGHT * (position < LEAD_SENTENCES) + PAIR_WEIGHT * (both or not named)
                + 1.5 * min(len({e[2] for e in events}), 2) + 1.5 * min(len(figs), 2) + 0.25 * min(len(actors), 3))
        found.append((rank, start, end, row["start"], sentence, actors, events, figs))
    # the most telling sentences only: an article's cost to compare (each sentence is embedded
    # and weighed against the candidates') stays bounded however long it is
    kept = sorted(found, key=lambda f: (-f[0], f[1]))[:PAIR_SENTENCES]
    for _, start, end, row_start, sentence, actors, events, figs in sorted(kept, key=lambda f: f[1]):
        # a sentence mostly inside quote marks is a speaker's view, not the article's
        spoken = sum(max(0, min(end, qe) - max(start, qs)) for qs, qe in quoted) > 0.5 * (end - start)
        leaning, judged_extra = judgement(sentence, not spoken and not _reports_others(sentence))
        out.append(ClaimItem(
            document_id=doc_id, start=start, end=end, sentence=sentence,
            actors=tuple(actors) or tuple(sorted(pairs[0])),
            polarity=-1 if (events and all(e[3] for e in events)) or negated(sentence) else 1,
            events=tuple(sorted(events)), figures=tuple(figs), direction=leaning, group=group,
            extra={"dyad": dyad, "pairs": pairs, **judged_extra, "sentence": True, "terms": terms(start, end),
                   "dates": {**dates.get(row_start, {}), **dates.get(start, {})},
                   "denied": frozenset(denials.get(row_start, set()) | denials.get(start, set())),
                   "no_gains": no_gains(start, end), "published": published},
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


def _overlaps_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (end, end))
    return any(s < end and start < e for s, e in spans[max(0, i - 3):i])


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


_ROLE = re.compile(r"\(title '([^']+)'")


def _refers_to_pair(sentence: str) -> bool:
    """"The two countries", "both sides", "bilateral": the sentence is about a pair without naming it."""
    from dyadwatch.compare.relations import pair_reference

    return bool(pair_reference().search(sentence))


def _reports_others(sentence: str) -> bool:
    """"Some commentators were quick to conclude that …": a view the author reports, not holds."""
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
