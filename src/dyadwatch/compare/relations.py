"""Agreement and contradiction between claims of different documents.

Claims are aligned by meaning (sentence embeddings) and by what they are about (shared actors),
then a pair is decided by explicit rules, each of which says why:

- **figures**: the same unit and a matching measure for the same period — values within 2 %
  agree, values more than 5 % apart contradict. Different or unknown periods decide nothing
  (a 2023 figure does not contradict a 2024 one).
- **events**: the same action (source, target, type) reported as done by one and as not done by
  the other contradicts; reported alike by both agrees.
- **assessments**: two judgements about the same pair of states that point in opposite
  directions (closer vs apart) contradict; the same direction agrees.

Documents that are copies of one another are never compared (a copy agreeing with itself is
not confirmation). Each relation carries a score in [0, 1] and a short reason.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from dyadwatch.compare.stories import compatible_dates

#: cosine similarity above which two claims are about the same thing
ALIGN = 0.45
#: cosine similarity at which two claims with the same direction agree
AGREE_SIMILARITY = 0.55
#: two claims about the same pair that judge its direction are comparable from this similarity
DIRECTION_ALIGN = 0.3
#: an action reported done by one and not done by the other must be the same proposition
SAME_PROPOSITION = 0.6


@dataclass
class ClaimItem:
    """A claim as compare sees it."""

    document_id: str
    start: int
    end: int
    sentence: str
    actors: tuple[str, ...]
    polarity: int
    events: tuple[tuple[str, str, str, bool], ...] = ()
    figures: tuple[tuple[float, str, str | None, str | None], ...] = ()
    direction: float = 0.0
    group: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Decision:
    relation: Literal["agree", "contradict"]
    score: float
    why: str


def _words(s: str | None) -> set[str]:
    return {w for w in (s or "").lower().replace("-", " ").split() if len(w) > 2}


def decide_figures(a: ClaimItem, b: ClaimItem) -> Decision | None:
    """Figures for the same measure, unit and period: alike agree, far apart contradict.

    A claim may give several figures of one measure ("20 Indian and four Chinese soldiers"):
    a figure contradicts only when the other claim gives exactly one figure for that measure and
    neither claim has a second one to match it.
    """
    def comparable(fa: tuple[float, str, str | None, str | None],
                   fb: tuple[float, str, str | None, str | None]) -> bool:
        return (fa[1] == fb[1] and fa[1] != "other" and bool(fa[3]) and fa[3] == fb[3]
                and bool(_words(fa[2]) & _words(fb[2])) and bool(fa[0]) and bool(fb[0]))

    agreement = None
    for fa in a.figures:
        matches = [fb for fb in b.figures if comparable(fa, fb)]
        if not matches:
            continue
        close = [fb for fb in matches if abs(fa[0] - fb[0]) / max(abs(fa[0]), abs(fb[0])) <= 0.02]
        what = " ".join(sorted(_words(fa[2]) & _words(matches[0][2])))
        if close:
            agreement = agreement or Decision("agree", 0.9, f"both give {_fmt(fa[0], fa[1])} for {what} in {fa[3]}")
            continue
        siblings = [fx for fx in a.figures if comparable(fx, matches[0])]
        if len(matches) == 1 and len(siblings) == 1:
            fb = matches[0]
            diff = abs(fa[0] - fb[0]) / max(abs(fa[0]), abs(fb[0]))
            if diff > 0.05:
                return Decision("contradict", min(0.95, 0.7 + diff),
                                f"{what} in {fa[3]}: {_fmt(fa[0], fa[1])} in one, {_fmt(fb[0], fb[1])} in the other")
    return agreement


def _same_time(a: str | None, b: str | None) -> bool | None:
    """True when two event dates can be the same time (one at coarser precision contains the
    other), False when they cannot, None when either is unknown."""
    if not a or not b:
        return None
    return compatible_dates(a, b)


def decide_events(a: ClaimItem, b: ClaimItem, similarity: float = 1.0) -> Decision | None:
    """The same act (pair, type) reported by both: done by one and not done by the other
    contradicts, alike agrees. Acts dated to different times are different acts; when neither
    date is known the two sentences must say nearly the same thing (``SAME_PROPOSITION``)."""
    # only acts between the pair an article is about: two analyses of China and Russia that
    # both mention the invasion of Ukraine do not thereby confirm each other on China and Russia
    pairs = [frozenset(d) for d in (a.extra.get("dyad"), b.extra.get("dyad")) if d]

    def about_the_pair(s: str, t: str) -> bool:
        return all(frozenset((s, t)) == p for p in pairs)

    dates_a, dates_b = a.extra.get("dates") or {}, b.extra.get("dates") or {}
    ea: dict[tuple[frozenset[str], str], tuple[bool, str | None, str, str]] = {}
    for s, t, ty, neg in a.events:
        if about_the_pair(s, t):
            ea.setdefault((frozenset((s, t)), ty), (neg, dates_a.get((s, t, ty, neg)), s, t))
    agreed = None
    for s, t, ty, neg in b.events:
        if not about_the_pair(s, t):
            continue
        hit = ea.get((frozenset((s, t)), ty))
        if hit is None:
            continue
        neg_a, date_a, sa, ta = hit
        same_time = _same_time(date_a, dates_b.get((s, t, ty, neg)))
        if same_time is False:
            continue  # another occasion ("met in March" vs "met in June")
        if same_time is None and similarity < SAME_PROPOSITION:
            continue
        when = f" ({date_a if date_a and len(date_a) >= len(dates_b.get((s, t, ty, neg)) or '') else dates_b.get((s, t, ty, neg))})" \
            if same_time else ""
        if neg_a != neg:
            done, undone = ("one", "the other") if not neg_a else ("the other", "one")
            return Decision("contradict", 0.85 if same_time else 0.75,
                            f"{sa}→{ta} {ty}{when}: reported as done by {done}, as not done by {undone}")
        score = 0.8 if same_time else 0.7
        if agreed is None or score > agreed.score:
            agreed = Decision("agree", score, f"both report {sa}→{ta} {ty}{when}{' as not done' if neg else ''}")
    return agreed


def decide_direction(a: ClaimItem, b: ClaimItem, similarity: float) -> Decision | None:
    if abs(a.direction) < 0.5 or abs(b.direction) < 0.5:
        return None
    shared = set(a.actors) & set(b.actors)
    if len(shared) < 2:
        return None
    dyads = [d for d in (a.extra.get("dyad"), b.extra.get("dyad")) if d]
    if dyads and not all(set(d) <= shared for d in dyads):
        return None  # a judgement about another pair in the same sentence decides nothing here
    pair = "–".join(sorted(shared)[:2])
    if a.direction * b.direction < 0:
        score = min(0.9, 0.45 + 0.25 * (abs(a.direction) + abs(b.direction)) / 2 + 0.3 * similarity)
        shared_cues = set(a.extra.get("cues", ())) & set(b.extra.get("cues", ()))
        if shared_cues:
            # the same judgement asserted by one and denied by the other: the clearest contradiction
            words = ", ".join(f"“{w}”" for w in _cue_words(a.sentence, b.sentence, shared_cues))
            return Decision("contradict", round(min(0.97, score + 0.15), 3),
                            f"{pair}: one asserts what the other denies ({words}); "
                            f"one sees them {'closer' if a.direction > 0 else 'apart'}, "
                            f"the other {'closer' if b.direction > 0 else 'apart'}")
        return Decision("contradict", round(score, 3),
                        f"opposite assessments of {pair}: one sees them {'closer' if a.direction > 0 else 'apart'}, "
                        f"the other {'closer' if b.direction > 0 else 'apart'}")
    if similarity >= AGREE_SIMILARITY:
        return Decision("agree", round(min(0.9, 0.4 + 0.5 * similarity), 3),
                        f"both see {pair} {'closer' if a.direction > 0 else 'apart'}")
    return None


def _cue_words(a: str, b: str, stems: set[str], limit: int = 2) -> list[str]:
    """The words behind shared cue stems, as the sentence that asserts them spells them
    ("distan" -> "distance"), for a reason a reader understands."""
    out = []
    for stem in sorted(stems):
        for sentence in (a, b):
            m = re.search(rf"\b{re.escape(stem)}\w*", sentence, re.IGNORECASE)
            if m:
                out.append(m.group(0).lower())
                break
        else:
            out.append(stem)
    return out[:limit]


def relate_claims(claims: Sequence[ClaimItem], embed: Callable[[list[str]], np.ndarray], *,
                  max_contradictions_per_pair: int = 3, max_per_claim: int = 2,
                  involving: set[str] | None = None,
                  ) -> list[tuple[ClaimItem, ClaimItem, Decision]]:
    """Decide every aligned pair of claims from different, non-duplicate documents (with
    ``involving``, only pairs with at least one side in those documents)."""
    if len(claims) < 2:
        return []
    vectors = embed([c.sentence for c in claims])
    # articles are compared with articles about the same pair of states: one block of
    # similarities per pair, never the whole square (memory and time grow with a pair's size)
    buckets: dict[frozenset[str], list[int]] = {}
    for i, c in enumerate(claims):
        dyad = c.extra.get("dyad")
        if dyad:
            buckets.setdefault(frozenset(dyad), []).append(i)
    out: list[tuple[ClaimItem, ClaimItem, Decision]] = []
    for idx in buckets.values():
        if len(idx) < 2:
            continue
        out += decide_pairs([claims[i] for i in idx], np.asarray(vectors)[idx], involving=involving)
    return keep_strongest(out, max_contradictions_per_pair=max_contradictions_per_pair, max_per_claim=max_per_claim)


def decide_pairs(claims: Sequence[ClaimItem], vectors: np.ndarray, others: Sequence[ClaimItem] | None = None,
                 other_vectors: np.ndarray | None = None, *, involving: set[str] | None = None,
                 ) -> list[tuple[ClaimItem, ClaimItem, Decision]]:
    """The decided pairs among ``claims`` of one pair of states (each claim with every later
    one), or, given ``others`` (later claims of the same pair), between ``claims`` and
    ``others``. Run on blocks of a pair's claims and then given to ``keep_strongest`` in the
    order of its claims, this is ``relate_claims`` (``dyadwatch batch`` does so on Dask)."""
    out: list[tuple[ClaimItem, ClaimItem, Decision]] = []
    cross = others is not None
    right = others if others is not None else claims
    sims = np.asarray(vectors) @ np.asarray(other_vectors if cross else vectors).T
    for x, a in enumerate(claims):
        actors_a = set(a.actors)
        for y in range(0 if cross else x + 1, len(right)):
            b = right[y]
            if a.document_id == b.document_id or (a.group and a.group == b.group):
                continue
            if involving is not None and a.document_id not in involving and b.document_id not in involving:
                continue
            if not actors_a.intersection(b.actors):
                continue
            sim = float(sims[x, y])
            decision = decide_figures(a, b)
            if decision is None and sim >= ALIGN:
                decision = decide_events(a, b, sim)
            if decision is None and sim >= DIRECTION_ALIGN:
                decision = decide_direction(a, b, sim)
            if decision is None:
                continue
            if decision.relation == "agree" and sim < ALIGN:
                continue
            out.append((a, b, decision))
    return out


def keep_strongest(decided: Sequence[tuple[ClaimItem, ClaimItem, Decision]], *, max_contradictions_per_pair: int = 3,
                   max_per_claim: int = 2) -> list[tuple[ClaimItem, ClaimItem, Decision]]:
    """The relations kept of the decided pairs (given in claim order: among equal scores the
    first is kept)."""
    # keep the strongest contradictions between any two documents: an article rarely
    # contradicts another on more than a few points, and weak ones drown the real ones
    # and each claim is paired once per other document and relation, with its best match, so the
    # few kept are different points rather than one sentence against everything
    out = sorted(decided, key=lambda x: -x[2].score)
    per_pair: dict[tuple[str, str, str], int] = {}
    used: dict[tuple[str, int, str, str], int] = {}
    kept = []
    for a, b, d in out:
        key = (min(a.document_id, b.document_id), max(a.document_id, b.document_id), d.relation)
        ua, ub = (a.document_id, a.start, b.document_id, d.relation), (b.document_id, b.start, a.document_id, d.relation)
        if (per_pair.get(key, 0) >= max_contradictions_per_pair or used.get(ua, 0) >= max_per_claim
                or used.get(ub, 0) >= max_per_claim):
            continue
        per_pair[key] = per_pair.get(key, 0) + 1
        used[ua] = used.get(ua, 0) + 1
        used[ub] = used.get(ub, 0) + 1
        kept.append((a, b, d))
    return kept


def _fmt(value: float, unit: str) -> str:
    if unit == "percent":
        return f"{value:g}%"
    if abs(value) >= 1e9:
        return f"{value / 1e9:,.2f} billion {unit}"
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.2f} million {unit}"
    return f"{value:,.6g} {unit}"
