"""Agreement and contradiction between claims of different documents.

Claims are aligned by meaning (sentence embeddings) and by what they are about (shared actors),
then a pair is decided by explicit rules, each of which says why:

- **figures**: the same unit and a matching measure for the same period — values within 2 %
  agree, values more than 5 % apart contradict. Different or unknown periods decide nothing
  (a 2023 figure does not contradict a 2024 one).
- **events**: the same action (source, target, type) reported as done by one and as not done by
  the other contradicts; reported alike by both agrees, ranked by how specific the act is to the
  two claims (an act each article tells once above the summit both tell in every sentence). An
  act its actor denies ("Ethiopia denied sending troops") is read as not done, and the reason
  says "denied by" (``extra["denied"]``, from the claims' events of modality denied).
- **assessments**: two judgements about the same pair of states that point in opposite
  directions (closer vs apart) contradict; the same direction agrees. A judgement that the acts
  its own sentence reports between the pair contradict (read as apart while reporting an
  agreement) is a misreading and decides nothing (``judged_direction``).
- **judgements of the relationship**: two sentences that judge the pair's relationship itself
  the same way ("relations may not be smooth" / "ties plunged to their lowest"; "a courteous
  atmosphere" / "a change in atmosphere") agree, compared by that direction rather than by their
  vectors, which two such wordings rarely bring close (``relationship_assessment``, from the
  relations word list).
- **opposite judgements of the ties**: two judgements of the state of the pair's relationship
  itself that point opposite ways ("ties have warmed" / "relations have soured") contradict when
  the two sentences are about one thing (``relationship_state``, ``decide_opposite_assessment``);
  the tone of one meeting ("a cordial atmosphere") is no such judgement.
- **nothing gained**: one says a state came away from its dealings with the other with nothing
  ("came away empty-handed"), the other reports the other state giving it a concession at that
  time (``gains_denied``, ``decide_no_gains``). Both rules read the articles' own words only
  (not a speaker's, not hedged: "fears it could come away empty-handed").
- **contrasts**: a characterisation one sets aside ("rather than retaliation", "instead of
  peace") and the other, on the same point, asserts contradicts.

Documents that are copies of one another are never compared (a copy agreeing with itself is
not confirmation). Each relation carries a score in [0, 1] and a short reason.
"""

from __future__ import annotations

import datetime
import json
import re

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import numpy as np

from dyadwatch.compare.stories import compatible_dates

#: cosine similarity above which two claims are about the same thing
ALIGN = 0.45
#: cosine similarity at which two claims with the same direction agree
AGREE_SIMILARITY = 0.55
#: two claims about the same pair that judge its direction are comparable from this similarity
DIRECTION_ALIGN = 0.3
#: an undated action reported done by one and not done by the other must be the same proposition:
#: this close in meaning once shared specific content is counted (``agree_strength``)
SAME_PROPOSITION = 0.7
#: an undated act both report alike needs less: the same source, target and type on both sides
#: is itself evidence that the two tell one point, which two outlets' wording ("lifted
#: restrictions on US military cooperation" / "the release of American military aid") hides from
#: sentence vectors; a denial keeps the higher bar
SAME_ACT = 0.65
#: the same report in other words: at least this similar, and this strong once the specific
#: content the two share is added (``agree_strength``)
REPORT_SIMILARITY = 0.35
#: a denial must be closer in meaning than an agreement: a "not" anywhere in a sentence on the
#: same subject is not yet a denial of the other's point
DENIAL_SIMILARITY = 0.45
REPORT_STRENGTH = 0.8
#: what an agreement's reason adds to its rank (``decide``): a figure given alike is the most
#: checkable, then a judgement of the pair's direction made alike, then the same act (more when
#: both date it alike, and as much as the act is specific to the two claims: ``act_specificity``);
#: the same words alone add nothing
AGREE_BONUS = {"give": 0.3, "see": 0.25, "judge": 0.25}
DATED_BONUS = 0.1
#: what the same act adds to an agreement's rank, for an act each document reports in that
#: claim only; an act both documents tell in sentence after sentence (the summit two summit
#: reports are about) adds little: that two of those sentences share it says little about
#: whether they tell the same point
SPECIFIC_ACT_WEIGHT = 0.15
#: what an agreement's rank gains when both claims speak of the pair itself (name both states or
#: speak of "the two": ``about_pair``): between two articles on a pair, a point both make about
#: the pair ("the two agreed, in talks China brokered, to …") comes before one on a third party's
#: affairs both touch (a war a proxy of one fights, a deal's place in a third power's standing),
#: which otherwise fills the few places two documents have (``keep_strongest``)
ABOUT_PAIR_BONUS = 0.05
#: what one unit of shared specific content (a term each document uses once) adds to similarity
SPECIFIC_WEIGHT = 0.15


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
    #: for an agreement on the same act: how specific that act is to the two claims in their
    #: documents (``act_specificity``); it ranks the agreement and is not stored
    specific_act: float = field(default=0.0, compare=False)


@lru_cache(maxsize=1)
def _lists() -> dict[str, Any]:
    data = resources.files("dyadwatch.dictionaries").joinpath("data", "dyadwatch.relations.v1.json")
    return dict(json.loads(data.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def pair_reference() -> re.Pattern[str]:
    """Phrases that speak of a pair of states without naming them ("the two neighbours")."""
    return re.compile("|".join(f"(?:{p})" for p in _lists()["pair_references"]), re.IGNORECASE)


@lru_cache(maxsize=1)
def _negation() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _lists()["negations"]), re.IGNORECASE)


#: words inside quote marks (at most 300 characters): someone's words, which the rules reading a
#: sentence's own denial, contrast or judgement leave out
_QUOTED = re.compile(r"[“\"]([^”\"]{0,300})[”\"]")


def negated(sentence: str) -> bool:
    """Whether a sentence denies something ("did not sign", "no deal", "came away empty-handed"),
    for sentences no parse has marked; words inside quote marks are someone's words, not the
    sentence's own denial, and are left out."""
    bare = _QUOTED.sub(" ", sentence)
    return bool(_negation().search(bare))


@lru_cache(maxsize=1)
def _contrast() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _lists()["contrasts"]), re.IGNORECASE)


#: how many words after a contrast ("rather than …") it sets aside, up to the next punctuation
CONTRAST_WORDS = 4


def set_aside(sentence: str) -> frozenset[str]:
    """The content terms a sentence says are not the case: the few words after "rather than",
    "instead of", ", not" ("for reasons of safety rather than retaliation": "retal").
    Words inside quote marks are someone's words and are left out, as for ``negated``."""
    bare = _QUOTED.sub(" ", sentence)
    out: set[str] = set()
    for m in _contrast().finditer(bare):
        rest = re.split(r"[,;:.!?()“”\"—–]", bare[m.end():], maxsplit=1)[0]
        out |= content_terms(" ".join(rest.split()[:CONTRAST_WORDS]))
    return frozenset(out)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | frozenset(_lists()["generic_terms"])


_TERM = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)


def content_terms(sentence: str) -> frozenset[str]:
    """The content words and numbers of a sentence, cut to a 5-letter stem so that "agreed" and
    "agreement", "embassy" and "embassies" meet; function and generic report words left out."""
    out = set()
    skip = _function_words()
    for m in _TERM.finditer(sentence):
        w = m.group(0).lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        for part in w.split("-"):
            if part.isdigit():
                if part != "0":
                    out.add(part)
            elif len(part) >= 3 and part not in skip:
                out.add(part[:5])
    return frozenset(out)


def term_frequencies(claims: Iterable[ClaimItem]) -> dict[str, Counter[str]]:
    """Per document, in how many of its claims each content term occurs."""
    out: dict[str, Counter[str]] = {}
    for c in claims:
        out.setdefault(c.document_id, Counter()).update(c.extra.get("terms") or content_terms(c.sentence))
    return out


def act_frequencies(claims: Iterable[ClaimItem]) -> dict[str, Counter[tuple[str, str, str, bool]]]:
    """Per document, in how many of its claims each act (source, target, type, negated) is reported."""
    out: dict[str, Counter[tuple[str, str, str, bool]]] = {}
    for c in claims:
        out.setdefault(c.document_id, Counter()).update(set(c.events))
    return out


def act_specificity(act: tuple[str, str, str, bool], a: ClaimItem, b: ClaimItem,
                    acts: Mapping[str, Counter[tuple[str, str, str, bool]]] | None) -> float:
    """How specific an act two claims both report is to those two claims: 1 when each document
    reports it in that claim only, less the more of their claims report it. As for
    ``shared_specific``, it depends on the two documents only (a full, an incremental and a
    batch compare weigh it alike). Without counts every act is taken as specific."""
    if acts is None:
        return 1.0
    na, nb = acts.get(a.document_id, Counter())[act], acts.get(b.document_id, Counter())[act]
    return 2.0 / (max(1, na) + max(1, nb))


def shared_specific(a: ClaimItem, b: ClaimItem, df: dict[str, Counter[str]]) -> tuple[float, list[str]]:
    """The content terms two claims share, weighted by how specific they are to these two
    sentences: a term each document uses once weighs 1, one the documents repeat in many
    sentences (the states' names, the story's subject) weighs little. Weights depend on the two
    documents only, so a pair is decided alike by a full and by an incremental compare."""
    ta, tb = a.extra.get("terms") or content_terms(a.sentence), b.extra.get("terms") or content_terms(b.sentence)
    da, db = df.get(a.document_id, Counter()), df.get(b.document_id, Counter())
    weights = {t: 2.0 / (max(1, da[t]) + max(1, db[t])) for t in ta & tb}
    top = sorted(weights, key=lambda t: (-weights[t], t))
    return sum(weights.values()), top


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


def decide_events(a: ClaimItem, b: ClaimItem, similarity: float = 1.0,
                  pair: tuple[str, str] | None = None, specific: float = 0.0,
                  acts: Mapping[str, Counter[tuple[str, str, str, bool]]] | None = None) -> Decision | None:
    """The same act (source, target, type) reported by both: done by one and not done by the other
    contradicts, alike agrees. Acts dated to different times are different acts; when neither
    date is known the two sentences must say nearly the same thing (``SAME_PROPOSITION`` to
    contradict, ``SAME_ACT`` to agree). An agreement names the most specific act the two share
    (``act_specificity`` over ``acts``, each document's ``act_frequencies``) and carries it."""
    # only acts between the pair an article is about: two analyses of China and Russia that
    # both mention the invasion of Ukraine do not thereby confirm each other on China and Russia
    pairs = [frozenset(pair)] if pair else [frozenset(d) for d in (a.extra.get("dyad"), b.extra.get("dyad")) if d]

    def about_the_pair(s: str, t: str) -> bool:
        return all(frozenset((s, t)) == p for p in pairs)

    dates_a, dates_b = a.extra.get("dates") or {}, b.extra.get("dates") or {}
    # the same act has the same source and target: "Tokyo demanded the post deleted" and
    # "Beijing demanded retractions" are two demands, not one told twice (an act of both, a
    # meeting or a deal, is coded both ways and meets itself either way)
    ea: dict[tuple[str, str, str], tuple[bool, str | None, str, str]] = {}
    for s, t, ty, neg in a.events:
        if about_the_pair(s, t):
            ea.setdefault((s, t, ty), (neg, dates_a.get((s, t, ty, neg)), s, t))
    agreed = None
    for s, t, ty, neg in b.events:
        if not about_the_pair(s, t):
            continue
        hit = ea.get((s, t, ty))
        if hit is None:
            continue
        neg_a, date_a, sa, ta = hit
        same_time = _same_time(date_a, dates_b.get((s, t, ty, neg)))
        if same_time is False:
            continue  # another occasion ("met in March" vs "met in June")
        if same_time is None and agree_strength(similarity, specific) < (
                SAME_PROPOSITION if neg_a != neg else SAME_ACT):
            continue
        when = f" ({date_a if date_a and len(date_a) >= len(dates_b.get((s, t, ty, neg)) or '') else dates_b.get((s, t, ty, neg))})" \
            if same_time else ""
        if neg_a != neg:
            done, undone = ("one", "the other") if not neg_a else ("the other", "one")
            how = "denied by" if (s, t, ty) in (b if neg else a).extra.get("denied", ()) else "as not done by"
            return Decision("contradict", 0.85 if same_time else 0.75,
                            f"{sa}→{ta} {ty}{when}: reported as done by {done}, {how} {undone}")
        score = 0.8 if same_time else 0.7
        spec = act_specificity((s, t, ty, neg), a, b, acts)
        if agreed is None or (score, spec) > (agreed.score, agreed.specific_act):
            agreed = Decision("agree", score, f"both report {sa}→{ta} {ty}{when}{' as not done' if neg else ''}",
                              specific_act=spec)
    return agreed


@lru_cache(maxsize=1)
def _act_signs() -> dict[str, int]:
    """Each PLOVER type's direction: +1 an act that brings two states closer (its mean Goldstein
    intensity is positive), -1 one that sets them apart."""
    from dyadwatch.dictionaries.plover import codebook

    return {t: (1 if v > 0 else -1) for t, v in codebook().intensity_of.items()}


def acts_direction(claim: ClaimItem, pair: tuple[str, str] | None = None) -> int:
    """The direction of the acts a claim reports between its pair of states (``pair``, else its
    article's main pair): +1 when those acts bring the two closer on balance (each type once;
    an act reported as not done counts the other way), -1 apart, 0 when none or balanced."""
    dyads = [frozenset(pair)] if pair else [frozenset(claim.extra["dyad"])] if claim.extra.get("dyad") else []
    signs = _act_signs()
    seen = {(ty, neg) for s, t, ty, neg in claim.events if frozenset((s, t)) in dyads and ty in signs}
    total = sum(signs[ty] * (-1 if neg else 1) for ty, neg in seen)
    return (total > 0) - (total < 0)


def judged_direction(claim: ClaimItem, pair: tuple[str, str] | None = None) -> float:
    """A claim's assessment direction, unless the acts the same sentence reports between the
    pair point the other way: "agreed to renew relations after a seven-year rupture" read as
    apart, "the spat deepens" read as closer are misreadings of a sentence whose own news says
    otherwise, and a judgement that cannot be trusted neither contradicts nor confirms one."""
    if claim.direction * acts_direction(claim, pair) < 0:
        return 0.0
    return claim.direction


@lru_cache(maxsize=1)
def _assessments() -> dict[str, re.Pattern[str]]:
    return {k: re.compile("|".join(f"(?:{p})" for p in v), re.IGNORECASE)
            for k, v in _lists()["assessments"].items()}


_FLIP = re.compile(r"\b(?:not|never|no longer|hardly|(?:failed|fail|fails|unable|refused|declined) to)\b|n[’']t\b",
                   re.IGNORECASE)
#: how far before an assessment phrase a denial still turns it ("failed to ease tensions")
FLIP_BEFORE = 20
_NOT_SMOOTH = re.compile(r"\bnot (?:be )?(?:smooth|easy)\b", re.IGNORECASE)


#: a quoted fragment of at most this many words, set in the sentence's own syntax ('addressed the
#: issues "openly and sincerely"', 'talks in a "constructive" atmosphere'), is how the article
#: reports the talks, not a statement of someone else's: it is read with the sentence
QUOTED_FRAGMENT = 3
#: what makes a short quotation a label all the same: a colon, or a word of naming right before
#: it ("so-called", "called", "dubbed")
_LABEL_BEFORE = re.compile(r"(?::|\b(?:so[- ]called|called|calls|calling|dubbed|termed|labell?ed|branded))\s*,?\s*$",
                           re.IGNORECASE)
#: a quotation that starts with a capital and ends with sentence punctuation ("Ties are warm.")
#: is a sentence of its own, someone's statement, however short
_QUOTED_SENTENCE = re.compile(r"^\s*[A-Z].*[.!?]\s*$", re.DOTALL)


def _own_fragment(sentence: str, m: re.Match[str]) -> bool:
    """Whether a quotation (a ``_QUOTED`` match in ``sentence``) is a fragment the sentence
    reads as its own ('addressed the issues "openly and sincerely"'): a few words
    (``QUOTED_FRAGMENT``), not a sentence of their own, not given after a colon or a verb of
    saying ('The envoy said: "Ties are warm."', 'told reporters "ties are warm"' are someone's
    statement) and not a label ('the so-called "new era" of ties')."""
    inner = m.group(1)
    if len(inner.split()) > QUOTED_FRAGMENT or _QUOTED_SENTENCE.match(inner):
        return False
    before = sentence[:m.start()]
    if _LABEL_BEFORE.search(before):
        return False
    # a verb of saying and at most a couple of words (whom it was told) right before the quotation
    said = [w for w in _reported_speech().finditer(before)]
    return not (said and len(before[said[-1].end():].split()) <= 2)


@lru_cache(maxsize=1)
def _hedges() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _lists()["hedges"]), re.IGNORECASE)


@lru_cache(maxsize=1)
def _reported_speech() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _lists()["reported_speech"]), re.IGNORECASE)


#: how far before a judgement of the ties or a "came away empty-handed" a hedge still makes it a
#: possibility ("hopes ties will improve", "fears it could come away empty-handed")
HEDGE_BEFORE = 40


def _clause_before(text: str, start: int, chars: int) -> str:
    """The words of ``text`` just before ``start`` (at most ``chars``), from the punctuation
    that ends the clause before them."""
    return re.split(r"[,;:.!?()—–]", text[max(0, start - chars):start])[-1]


def relationship_assessment(sentence: str) -> int:
    """How a sentence judges the relationship of two states itself, from the relations word list
    (``assessments``): +1 closer ("ties have warmed", "a courteous atmosphere", "reduces the
    risk of war between them"), -1 apart ("ties plunged to their lowest", "relations
    may not be smooth", "tensions deepened"), 0 for none or both. A denial inside the phrase or
    just before it turns it ("ties have not improved", "failed to ease tensions"). Words inside
    quote marks are someone's words and are left out, as for ``negated``, but for a fragment of a
    few words set in the sentence's own syntax (``_own_fragment``: 'discussed the disputes
    "openly and sincerely"'), which is how the report itself tells the talks went.

    The stance lexicon reads the direction of acts and cues anywhere in a sentence; this reads
    only a judgement of the relationship, which two sources make in words that share nothing
    ("may not be smooth" / "ties plunged"), so two such judgements are compared by direction
    rather than by their sentence vectors (``decide_assessment``)."""
    seen = {sign for sign, _, _ in _assessment_phrases(sentence)}
    return next(iter(seen)) if len(seen) == 1 else 0


def _assessment_phrases(sentence: str) -> list[tuple[int, str, bool]]:
    """Each judgement of a relationship in a sentence (``relationship_assessment``), as (+1 closer
    or -1 apart, once a denial before or inside it has turned it; the words that judge; whether
    a hedge in or just before them makes it a possibility, a hope or a condition: "ties could
    improve if", "hopes ties will improve")."""
    bare = _QUOTED.sub(lambda m: m.group(0) if _own_fragment(sentence, m) else " ", sentence)
    out = []
    for kind, pattern in _assessments().items():
        sign = 1 if kind == "closer" else -1
        for m in pattern.finditer(bare):
            before = _clause_before(bare, m.start(), FLIP_BEFORE)
            flipped = bool(_FLIP.search(_NOT_SMOOTH.sub(" ", before + m.group(0))))
            hedged = bool(_hedges().search(_clause_before(bare, m.start(), HEDGE_BEFORE) + " " + m.group(0)))
            out.append((-sign if flipped else sign, m.group(0), hedged))
    return out


@lru_cache(maxsize=1)
def _state_nouns() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _lists()["relationship_states"]), re.IGNORECASE)


def relationship_state(sentence: str) -> int:
    """How a sentence judges the state of the relationship itself, its ties or tensions (+1
    closer, -1 apart, 0 none or both): the judgements of ``relationship_assessment`` whose words
    name the relationship (``relationship_states`` in the relations word list), told as a fact:
    a hedged one ("ties could improve if …", "hopes ties will improve": ``hedges``) says nothing
    of how the ties are. The tone of one meeting ("talks in a cordial atmosphere", "a frank
    exchange") is no judgement of the ties: talks held cordially between states whose ties have
    soured are both true."""
    seen = {sign for sign, words, hedged in _assessment_phrases(sentence)
            if not hedged and _state_nouns().search(words)}
    return next(iter(seen)) if len(seen) == 1 else 0


def own_judgement(claim: ClaimItem) -> bool:
    """Whether a claim's judgement is the article's own: not a speaker's (``extra["own"]``, which
    ``document_claims`` sets false for a claim with a speaker, one mostly inside quote marks or
    one telling what observers think; a claim built without it counts as the article's) and not
    a view the sentence tells with a verb of saying ("Erdogan said ties had soured",
    ``reported_speech``)."""
    return bool(claim.extra.get("own", True)) and not _reported_speech().search(_QUOTED.sub(" ", claim.sentence))


def _assessment(claim: ClaimItem) -> int:
    if "assessment" not in claim.extra:
        claim.extra["assessment"] = relationship_assessment(claim.sentence)
    return int(claim.extra["assessment"])


def about_pair(claim: ClaimItem, pair: tuple[str, str] | None) -> bool:
    """Whether a claim speaks of the pair itself: it names both states, or speaks of the two
    ("the Mideast rivals", "bilateral") while naming no other pair."""
    if pair is None:
        return False
    return set(pair) <= set(claim.actors) or bool(pair_reference().search(claim.sentence))


def decide_assessment(a: ClaimItem, b: ClaimItem, similarity: float,
                      pair: tuple[str, str] | None) -> Decision | None:
    """Two judgements of the relationship of the pair itself (``relationship_assessment``): the
    same direction agrees. Sentences judging one relationship in other words are often far apart
    as vectors ("may not be smooth" / "ties plunged to their lowest"), so only the loosest
    alignment is asked (``DIRECTION_ALIGN``)."""
    if similarity < DIRECTION_ALIGN or pair is None:
        return None
    da, db = _assessment(a), _assessment(b)
    if not da or da != db or not about_pair(a, pair) or not about_pair(b, pair):
        return None
    return Decision("agree", 0.6, f"both judge {'–'.join(sorted(pair))} ties {'closer' if da > 0 else 'apart'}")


def decide_opposite_assessment(a: ClaimItem, b: ClaimItem, similarity: float,
                               pair: tuple[str, str] | None) -> Decision | None:
    """Two judgements of the state of the pair's relationship itself (``relationship_state``) that
    point opposite ways ("ties have warmed" / "relations have soured"): both cannot describe the
    same relationship at one time. The phrases share no word and read far apart as vectors, as
    for ``decide_assessment``; but two opposite judgements on one subject are also what two
    articles written years apart say truly, so the sentences must be about one thing by
    meaning (``ALIGN``), not merely loosely (``DIRECTION_ALIGN``). As for ``decide_direction``,
    only the articles' own judgements count (``own_judgement``): a leader's view that ties have
    soured, reported, and another article's finding that they have warmed can both be true."""
    if similarity < ALIGN or pair is None or not own_judgement(a) or not own_judgement(b):
        return None
    da, db = relationship_state(a.sentence), relationship_state(b.sentence)
    if not da or not db or da == db or not about_pair(a, pair) or not about_pair(b, pair):
        return None
    return Decision("contradict", round(min(0.9, 0.45 + 0.4 * similarity), 3),
                    f"opposite judgements of {'–'.join(sorted(pair))} ties: "
                    f"one sees them {'closer' if da > 0 else 'apart'}, the other {'closer' if db > 0 else 'apart'}")


@lru_cache(maxsize=1)
def _no_gains() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _lists()["no_gains"]), re.IGNORECASE)


#: how far after "a lack of tangible gains for" / "without concessions from" the state that lacks
#: them / gives them is named
GAINS_FOR_CHARS = 12
#: a phrase that names the state lacking the gains after it ("no concessions to Athens")
_GAINS_FOR = re.compile(r"\b(?:gains?|concessions?|benefits?) (?:at all )?(?:for|to)$", re.IGNORECASE)
#: a state named as the object of these words ("talks with Erdogan", "a snub by Ankara") is the
#: other party, not the one that came away with nothing
_OTHER_PARTY = re.compile(r"\b(?:with|from|by|to|against)\s+(?:the\s+)?$", re.IGNORECASE)


def gains_denied(sentence: str, mentions: Iterable[tuple[int, int, str]]) -> frozenset[str]:
    """The states a sentence says came away from their dealings with nothing ("Yoon came away
    empty-handed from the summit", "a lack of tangible gains for Armenia": the ``no_gains``
    phrases of the relations word list), from ``mentions`` (start, end, state code, offsets in
    the sentence): the state named right after a phrase ending in gains "for"/"to"; else the
    one named last before the phrase that is not the other party (the object of "with", "from",
    "by": "Yoon's talks with Kishida left him empty-handed"; the giver "without concessions
    from Ankara"). Words inside quote marks are someone's words and are left out, as for
    ``negated``; a phrase denied just before it ("did not come away empty-handed") or hedged
    ("fears it could come away empty-handed", "far from empty-handed": ``hedges``) says no
    state came away with nothing."""
    bare = _QUOTED.sub(lambda m: " " * len(m.group(0)), sentence)
    ms = sorted(mentions)
    out: set[str] = set()
    for m in _no_gains().finditer(bare):
        if (_FLIP.search(_clause_before(bare, m.start(), FLIP_BEFORE))
                or _hedges().search(_clause_before(bare, m.start(), HEDGE_BEFORE) + " " + m.group(0))):
            continue
        after = [c for s, _, c in ms if m.end() <= s <= m.end() + GAINS_FOR_CHARS]
        if _GAINS_FOR.search(m.group(0)):
            out.update(after[:1])
            continue
        giver = set(after[:1]) if re.search(r"\bfrom$", m.group(0), re.IGNORECASE) else set()
        before = [c for s, e, c in ms if e <= m.start() and c not in giver and not _OTHER_PARTY.search(bare[:s])]
        out.update(before[-1:])
    return frozenset(out)


@lru_cache(maxsize=1)
def _gain_types() -> frozenset[str]:
    return frozenset(_lists()["gain_types"])


#: how far apart in days the times of "came away with nothing" and of a gain may be when one of
#: them is known only by its article's publication date (``decide_no_gains``)
NO_GAINS_DAYS = 31


def _near_in_time(a: str | None, bs: Sequence[str | None]) -> bool:
    """Whether date ``a`` can be within ``NO_GAINS_DAYS`` of one of ``bs`` (dates as
    YYYY[-MM[-DD]]; a coarse date spans its month or year). Unknown on either side: nothing
    tells the two apart, so they may be."""
    known = [b for b in bs if b]
    if not a or not known:
        return True
    sa = _date_span(a)
    for b in known:
        sb = _date_span(b)
        if sa is None or sb is None:
            return True  # a date we cannot read: as unknown
        if max(sa[0] - sb[1], sb[0] - sa[1]).days <= NO_GAINS_DAYS:
            return True
    return False


def _date_span(d: str) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day a date of YYYY[-MM[-DD]] can be (None if it is no such date)."""
    try:
        parts = [int(x) for x in d[:10].split("-")]
        if len(parts) == 3:
            return datetime.date(*parts), datetime.date(*parts)
        if len(parts) == 2:
            first = datetime.date(parts[0], parts[1], 1)
            after = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
            return first, after - datetime.timedelta(days=1)
        return (datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)) if len(parts) == 1 else None
    except ValueError:
        return None


def decide_no_gains(a: ClaimItem, b: ClaimItem, similarity: float,
                    pair: tuple[str, str] | None) -> Decision | None:
    """One says a state of the pair came away from its dealings with the other with nothing
    (``gains_denied``, in ``extra["no_gains"]``), the other reports the other state giving it
    something (a concession, ``gain_types``), not denied: they cannot both be true. The two
    sentences need only be loosely about one thing (``DIRECTION_ALIGN``): "came away
    empty-handed from the summit" and "Tokyo will lift its export controls" share no word. The
    first must deal with the giver (name it among its actors, or speak of the pair itself:
    ``about_pair``): "came away empty-handed from the talks in Brussels" says nothing of what
    Japan gave. An act dated to a time none of the first sentence's acts can be is another
    occasion; when a side has no dated act, its article's publication date stands for it
    (``extra["published"]``), and the two must fall within ``NO_GAINS_DAYS`` of each other: a
    summit one article says ended empty-handed and a concession another reports a year later
    are both true."""
    if similarity < DIRECTION_ALIGN or pair is None:
        return None
    for x, y in ((a, b), (b, a)):
        losers = x.extra.get("no_gains") or ()
        if not losers:
            continue
        dates_x = [d for d in (x.extra.get("dates") or {}).values() if d]
        for s, t, ty, neg in y.events:
            if neg or ty not in _gain_types() or t not in losers or s == t or {s, t} != set(pair):
                continue
            if s not in x.actors and not about_pair(x, pair):
                continue
            date = (y.extra.get("dates") or {}).get((s, t, ty, neg))
            if date and dates_x:
                if not any(compatible_dates(date, d) for d in dates_x):
                    continue
            elif not _near_in_time(date or y.extra.get("published"), dates_x or [x.extra.get("published")]):
                continue
            return Decision("contradict", round(min(0.85, 0.5 + 0.4 * similarity), 3),
                            f"one says {t} came away with nothing from {s}, the other reports {s}→{t} {ty}"
                            f"{f' ({date})' if date else ''}")
    return None


def decide_direction(a: ClaimItem, b: ClaimItem, similarity: float,
                     pair: tuple[str, str] | None = None) -> Decision | None:
    dir_a, dir_b = judged_direction(a, pair), judged_direction(b, pair)
    if abs(dir_a) < 0.5 or abs(dir_b) < 0.5:
        return None
    shared = set(a.actors) & set(b.actors)
    if len(shared) < 2:
        return None
    dyads = [pair] if pair else [d for d in (a.extra.get("dyad"), b.extra.get("dyad")) if d]
    if dyads and not all(set(d) <= shared for d in dyads):
        return None  # a judgement about another pair in the same sentence decides nothing here
    names = "–".join(sorted(pair) if pair else sorted(shared)[:2])
    if dir_a * dir_b < 0:
        score = min(0.9, 0.45 + 0.25 * (abs(dir_a) + abs(dir_b)) / 2 + 0.3 * similarity)
        shared_cues = set(a.extra.get("cues", ())) & set(b.extra.get("cues", ()))
        if shared_cues:
            # the same judgement asserted by one and denied by the other: the clearest contradiction
            words = ", ".join(f"“{w}”" for w in _cue_words(a.sentence, b.sentence, shared_cues))
            return Decision("contradict", round(min(0.97, score + 0.15), 3),
                            f"{names}: one asserts what the other denies ({words}); "
                            f"one sees them {'closer' if dir_a > 0 else 'apart'}, "
                            f"the other {'closer' if dir_b > 0 else 'apart'}")
        return Decision("contradict", round(score, 3),
                        f"opposite assessments of {names}: one sees them {'closer' if dir_a > 0 else 'apart'}, "
                        f"the other {'closer' if dir_b > 0 else 'apart'}")
    if similarity >= AGREE_SIMILARITY:
        return Decision("agree", round(min(0.9, 0.4 + 0.5 * similarity), 3),
                        f"both see {names} {'closer' if dir_a > 0 else 'apart'}")
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


def decide_report(a: ClaimItem, b: ClaimItem, similarity: float, specific: float,
                  terms: Sequence[str]) -> Decision | None:
    """The same fact or judgement in other words: sentences close in meaning that share content
    specific to them (the same rare words, names or numbers), both asserted alike.

    Similarity alone pairs any two sentences on one subject ("Japan and China traded barbs");
    shared specific content alone pairs background mentions. Both together (``agree_strength``)
    mark two tellings of one point.
    """
    strength = agree_strength(similarity, specific)
    if similarity < REPORT_SIMILARITY or specific < 1.0 or strength < REPORT_STRENGTH:
        return None
    if a.polarity != b.polarity:
        return None  # one says it and the other says it did not: not an agreement
    words = ", ".join(f"“{w}”" for w in _cue_words(a.sentence, b.sentence, set(terms[:3]), limit=3))
    return Decision("agree", _agree_score(strength, 0.0),
                    f"both report it in other words (similarity {similarity:.2f}; shared: {words})")


def decide_contrast(a: ClaimItem, b: ClaimItem, similarity: float, terms: Sequence[str]) -> Decision | None:
    """One sets a characterisation aside ("acting for reasons of safety rather than
    retaliation", "instead of peace") and the other, on the same point, asserts it ("the trade
    retaliation it imposed"): they cannot both be true. ``terms``: the specific content the two
    share (``shared_specific``); the sentences must be as close in meaning as for a denial."""
    if similarity < DENIAL_SIMILARITY or not terms:
        return None
    for x, y, which in ((a, b, "the first"), (b, a, "the second")):
        aside = set_aside(x.sentence)
        asserted = [t for t in terms if t in aside and t not in set_aside(y.sentence)] if aside else []
        if asserted:
            word = ", ".join(f"“{w}”" for w in _cue_words(x.sentence, y.sentence, set(asserted[:2])))
            return Decision("contradict", round(min(0.9, 0.4 + 0.5 * similarity), 3),
                            f"{which} says {word} is not the case, the other asserts it")
    return None


def denied(sentence: str) -> frozenset[str]:
    """The content terms a sentence denies: those of the clause a negation stands in ("did not
    allow the signing of a peace agreement", "the talks collapsed", "came away empty-handed from
    the summit"), from the punctuation before it to the punctuation after it. Words inside quote
    marks are left out, as for ``negated``."""
    bare = _QUOTED.sub(" ", sentence)
    out: set[str] = set()
    for m in _negation().finditer(bare):
        before = re.split(r"[,;:.!?()“”\"—–]", bare[:m.start()])[-1]
        after = re.split(r"[,;:.!?()“”\"—–]", bare[m.end():], maxsplit=1)[0]
        out |= content_terms(before + " " + m.group(0) + " " + after)
    return frozenset(out)


def decide_denial(a: ClaimItem, b: ClaimItem, similarity: float, specific: float,
                  terms: Sequence[str]) -> Decision | None:
    """One says a thing and the other says it did not happen ("signed" vs "did not sign", "came
    away with a deal" vs "empty-handed"): the two sentences tell the same point, as for
    ``decide_report``, with opposite polarity, and what the denying one denies is part of what
    they share: a "not" in a clause about something else ("…, which is not planned for the
    border, goes unmentioned") does not deny the other's point."""
    if a.polarity == b.polarity or similarity < DENIAL_SIMILARITY or specific < 1.0:
        return None
    strength = agree_strength(similarity, specific)
    if strength < REPORT_STRENGTH:
        return None
    denying = (b if b.polarity < 0 else a).sentence
    if negated(denying) and not denied(denying) & set(terms):
        return None  # (a denial no word of the list marks, one the parse found, is taken as it is)
    words = ", ".join(f"“{w}”" for w in _cue_words(a.sentence, b.sentence, set(terms[:3]), limit=3))
    denies = "the second" if b.polarity < 0 else "the first"
    return Decision("contradict", round(min(0.9, 0.25 + 0.5 * strength), 3),
                    f"one reports what the other denies ({denies} says it did not happen; shared: {words})")


def agree_strength(similarity: float, specific: float) -> float:
    """How surely two sentences tell the same thing: their similarity plus a bonus for the
    specific content they share (saturating at three terms' worth)."""
    return similarity + SPECIFIC_WEIGHT * min(specific, 3.0)


def _agree_score(strength: float, bonus: float) -> float:
    return round(max(0.05, min(0.99, 0.5 * strength + bonus)), 3)


def decide(a: ClaimItem, b: ClaimItem, similarity: float, pair: tuple[str, str] | None,
           specific: float = 0.0, terms: Sequence[str] = (),
           acts: Mapping[str, Counter[tuple[str, str, str, bool]]] | None = None) -> Decision | None:
    """Every reason in turn: figures, acts, assessments, then the same report in other words.
    An agreement's score ranks it by how surely the two say the same thing (similarity and
    shared specific content) plus what its reason adds (a figure or a dated act is checkable,
    an act the two documents tell in these claims only more than one they tell throughout:
    ``acts``, each document's ``act_frequencies``; two claims about the pair itself more than
    two on a third party's affairs: ``ABOUT_PAIR_BONUS``)."""
    decision = decide_figures(a, b)
    if decision is None and similarity >= ALIGN:
        decision = decide_events(a, b, similarity, pair, specific, acts)
    if decision is None:
        decision = decide_assessment(a, b, similarity, pair)
    if decision is None:
        decision = decide_opposite_assessment(a, b, similarity, pair)
    if decision is None:
        decision = decide_no_gains(a, b, similarity, pair)
    if decision is None and similarity >= DIRECTION_ALIGN:
        decision = decide_direction(a, b, similarity, pair)
        if decision is not None and decision.relation == "agree" and similarity < ALIGN:
            decision = None
    if decision is None:
        decision = decide_contrast(a, b, similarity, terms)
    if decision is None:
        decision = decide_denial(a, b, similarity, specific, terms)
    if decision is None:
        decision = decide_report(a, b, similarity, specific, terms)
    if decision is None:
        return None
    # whether a side is one of the claims component's central claims adds nothing: on the wide
    # set's look clusters the pairs annotators match are central as often as those they do not
    if decision.relation == "agree":
        dated = re.search(r"\(\d{4}", decision.why) is not None
        bonus = (AGREE_BONUS.get(decision.why.split(" ", 2)[1], 0.0) + (DATED_BONUS if dated else 0.0)
                 + SPECIFIC_ACT_WEIGHT * decision.specific_act)
        if decision.why.startswith("both report it in other words"):
            bonus = 0.0
        if about_pair(a, pair) and about_pair(b, pair):
            bonus += ABOUT_PAIR_BONUS  # a point about the pair itself, whatever the reason
        return Decision("agree", _agree_score(agree_strength(similarity, specific), bonus), decision.why)
    # a contradiction keeps the score its reason gave: how clearly the two cannot both be true
    return decision


def relate_claims(claims: Sequence[ClaimItem], embed: Callable[[list[str]], np.ndarray], *,
                  max_contradictions_per_pair: int = 3, max_per_claim: int = 2,
                  involving: set[str] | None = None,
                  ) -> list[tuple[ClaimItem, ClaimItem, Decision]]:
    """Decide every aligned pair of claims from different, non-duplicate documents (with
    ``involving``, only pairs with at least one side in those documents).

    Two documents are compared on every pair of states both are about (``extra["pairs"]``, else
    ``extra["dyad"]``); at most ``max_contradictions_per_pair`` relations of each kind are kept
    between two documents, the strongest first, and each claim at most ``max_per_claim`` times
    per other document and kind. Everything that decides a pair of claims depends on those two
    documents only, so an incremental compare keeps what a full one finds.

    This is ``decide_pairs`` per pair of states, then ``keep_strongest``: ``dyadwatch batch``
    runs the same two steps on blocks of each pair's claims on Dask (``batch.cross``).
    """
    if len(claims) < 2:
        return []
    vectors = np.asarray(embed([c.sentence for c in claims]))
    # articles are compared with articles about the same pair of states: one block of
    # similarities per pair, never the whole square (memory and time grow with a pair's size)
    buckets: dict[tuple[str, str], list[int]] = {}
    for i, c in enumerate(claims):
        for pair in claim_pairs(c):
            buckets.setdefault(pair, []).append(i)
    out: list[tuple[ClaimItem, ClaimItem, Decision]] = []
    for pair in sorted(buckets):
        idx = buckets[pair]
        if len(idx) < 2:
            continue
        out += decide_pairs([claims[i] for i in idx], vectors[idx], pair=pair, involving=involving)
    return keep_strongest(out, max_contradictions_per_pair=max_contradictions_per_pair, max_per_claim=max_per_claim)


def claim_pairs(claim: ClaimItem) -> list[tuple[str, str]]:
    """The pairs of states a claim's document is about, each as a sorted tuple (the blocks
    ``relate_claims`` compares in)."""
    pairs = claim.extra.get("pairs") or ([claim.extra["dyad"]] if claim.extra.get("dyad") else [])
    return list(dict.fromkeys((min(p[0], p[1]), max(p[0], p[1])) for p in pairs))


def comparable_documents(pairs_of: Mapping[str, Sequence[Sequence[str]]], group_of: Mapping[str, str],
                         involving: set[str] | None = None) -> set[str]:
    """The documents ``relate_claims`` can relate: those sharing a pair of states with a document
    of another group (with ``involving``, a pair one of those documents is about too).

    ``pairs_of``: each document's pairs of states, as its claims carry them; ``group_of``: its
    group of copies (itself when absent). The claims of any other document meet no claim in
    any block, so they need neither a vector nor a judgement: compare builds and embeds the
    claims of these documents only, and an article about a pair no other article is about costs
    nothing more than its signature.
    """
    groups: dict[tuple[str, str], set[str]] = {}
    wanted: set[tuple[str, str]] = set()
    for doc, pairs in pairs_of.items():
        for p in pairs:
            key = (min(p[0], p[1]), max(p[0], p[1]))
            groups.setdefault(key, set()).add(group_of.get(doc, doc))
            if involving is None or doc in involving:
                wanted.add(key)
    useful = {p for p in wanted if len(groups[p]) > 1}
    return {doc for doc, pairs in pairs_of.items()
            if any((min(p[0], p[1]), max(p[0], p[1])) in useful for p in pairs)}


def decide_pairs(claims: Sequence[ClaimItem], vectors: np.ndarray, others: Sequence[ClaimItem] | None = None,
                 other_vectors: np.ndarray | None = None, *, pair: tuple[str, str] | None = None,
                 involving: set[str] | None = None) -> list[tuple[ClaimItem, ClaimItem, Decision]]:
    """The decided pairs among ``claims`` of one pair of states (each claim with every later
    one), or, given ``others`` (later claims of the same pair), between ``claims`` and
    ``others``. Run on blocks of a pair's claims and then given to ``keep_strongest``, this is
    ``relate_claims`` (``dyadwatch batch`` does so on Dask).

    The blocks hold whole documents (every claim of each: how specific a shared term is counts
    its uses in the two documents, ``shared_specific``). With ``pair`` (the sorted pair of the
    block), two claims whose documents share several pairs are decided only in the block of the
    first of them, so that no pair of claims is decided twice across blocks; the decision
    itself weighs every pair the two share, in that order.
    """
    out: list[tuple[ClaimItem, ClaimItem, Decision]] = []
    cross = others is not None
    right = others if others is not None else claims
    if not claims or not right:
        return out
    for c in (*claims, *(others or ())):
        if "terms" not in c.extra:
            c.extra["terms"] = content_terms(c.sentence)
    df = term_frequencies([*claims, *(others or ())])
    acts = act_frequencies([*claims, *(others or ())])
    pairs_left = [claim_pairs(c) for c in claims]
    pairs_right = [claim_pairs(c) for c in right] if cross else pairs_left
    xs, ys, similarities = _near_pairs(claims, right, np.asarray(vectors),
                                       np.asarray(other_vectors) if cross else None, involving)
    # (pairs within one document or one group of copies, or with no side in ``involving``, are
    # left out by ``_near_pairs``: ``_may_meet``)
    for x, y, sim in zip(xs.tolist(), ys.tolist(), similarities.tolist()):
        a, b = claims[x], right[y]
        # the pairs of states both documents are about, in a fixed order: the same decision
        # whichever block met the two claims
        shared: list[tuple[str, str] | None] = [*sorted(set(pairs_left[x]) & set(pairs_right[y]))]
        if pair is not None and shared and shared[0] != pair:
            continue  # decided in the block of the first pair the two share
        # claims naming no actor in common are compared only as judgements of the pair itself
        # ("lowers the danger of fighting between the two neighbours", a claim whose only actor
        # is the mediator, and "the new ties helped both keep their border disputes in check"), and only
        # for agreement: neither opposite judgements of the ties (``decide_opposite_assessment``)
        # nor "came away with nothing" against a gain (``decide_no_gains``, which needs the giver
        # named) is weighed between two sentences that share no state
        judgements_only = not set(a.actors).intersection(b.actors)
        if judgements_only and not (_assessment(a) and _assessment(a) == _assessment(b)):
            continue
        specific, terms = shared_specific(a, b, df)
        decision = None
        for p in shared or [None]:
            decision = (decide_assessment(a, b, sim, p) if judgements_only
                        else decide(a, b, sim, p, specific, terms, acts))
            if decision is not None:
                break
        if decision is not None and judgements_only:
            # (a judgement of the pair itself is about the pair on both sides: decide_assessment)
            decision = Decision("agree", _agree_score(agree_strength(sim, specific),
                                                      AGREE_BONUS["judge"] + ABOUT_PAIR_BONUS), decision.why)
        if decision is None:
            continue
        out.append((a, b, decision))
    return out


def _near_pairs(left: Sequence[ClaimItem], right: Sequence[ClaimItem], vectors: np.ndarray,
                other_vectors: np.ndarray | None, involving: set[str] | None
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs of claims ``decide_pairs`` weighs, as (row in ``left``, column in ``right``,
    similarity), in row-major order: those some reason can decide (close enough in meaning, or
    both giving figures) that the loop there does not pass over (``_may_meet``). Within one
    block (``other_vectors`` None: ``right`` is ``left``), each pair once, the row first.

    With ``involving`` within one block (an incremental compare: a few new claims among the
    hundreds of their candidates', whose pairs among themselves are never decided), only the
    rows of the involved claims are scored: a product of k x n similarities instead of n x n.
    That product rounds a few similarities differently in the last bit from the whole square's
    (a float32 sum in another order), as the whole square of a smaller block does."""
    cross = other_vectors is not None
    figures_left = np.array([bool(c.figures) for c in left])
    figures_right = np.array([bool(c.figures) for c in right]) if cross else figures_left
    threshold = min(DIRECTION_ALIGN, REPORT_SIMILARITY)
    if cross or involving is None:
        sims = vectors @ (vectors if other_vectors is None else other_vectors).T
        near = (sims >= threshold) | np.outer(figures_left, figures_right)
        near &= _may_meet(left, right, involving)
        xs, ys = np.nonzero(near if cross else np.triu(near, 1))
        return xs, ys, sims[xs, ys]
    rows = np.array([i for i, c in enumerate(left) if c.document_id in involving], dtype=np.intp)
    if not len(rows):  # a block of candidates alone: nothing in it is decided
        return rows, rows, np.zeros(0, dtype=vectors.dtype)
    sims = vectors[rows] @ vectors.T
    near = (sims >= threshold) | np.outer(figures_left[rows], figures_left)
    near &= _may_meet([left[i] for i in rows], left, involving)
    # a pair with both claims involved is met in both their rows: kept in the row of the first
    involved = np.zeros(len(left), dtype=bool)
    involved[rows] = True
    near &= (np.arange(len(left))[None, :] > rows[:, None]) | ~involved[None, :]
    r, cols = np.nonzero(near)
    values = sims[r, cols]
    xs, ys = np.minimum(rows[r], cols), np.maximum(rows[r], cols)
    order = np.lexsort((ys, xs))
    return xs[order], ys[order], values[order]


def _may_meet(left: Sequence[ClaimItem], right: Sequence[ClaimItem], involving: set[str] | None) -> np.ndarray:
    """Which pairs of claims (a row of ``left``, a column of ``right``) ``decide_pairs`` may
    decide: of different documents, not of one group of copies and, with ``involving``, one of
    them in those documents, as one mask."""
    codes: dict[str, int] = {}
    docs_l = np.array([codes.setdefault(c.document_id, len(codes)) for c in left], dtype=np.intp)
    docs_r = np.array([codes.setdefault(c.document_id, len(codes)) for c in right], dtype=np.intp)
    mask = docs_l[:, None] != docs_r[None, :]
    # a claim without a group is in none: its code is its own (negative, unique)
    groups: dict[str, int] = {}
    groups_l = np.array([groups.setdefault(c.group, len(groups)) if c.group else -1 - i for i, c in enumerate(left)],
                        dtype=np.intp)
    groups_r = np.array([groups.setdefault(c.group, len(groups)) if c.group else -1 - len(left) - i
                         for i, c in enumerate(right)], dtype=np.intp)
    mask &= groups_l[:, None] != groups_r[None, :]
    if involving is not None:
        mask &= (np.array([c.document_id in involving for c in left], dtype=bool)[:, None]
                 | np.array([c.document_id in involving for c in right], dtype=bool)[None, :])
    return mask


def keep_strongest(decided: Sequence[tuple[ClaimItem, ClaimItem, Decision]], *, max_contradictions_per_pair: int = 3,
                   max_per_claim: int = 2) -> list[tuple[ClaimItem, ClaimItem, Decision]]:
    """The relations kept of the decided pairs, whatever order they come in (ties are broken by
    the claims' documents and offsets). Every limit is per two documents, so the decided pairs
    may be kept block by block as long as a block holds all of two documents' pairs."""
    # keep the strongest relations between any two documents: an article rarely contradicts
    # another on more than a few points, and weak ones drown the real ones;
    # and each claim is paired once per other document and relation, with its best match, so the
    # few kept are different points rather than one sentence against everything
    out = sorted(decided, key=lambda x: (-x[2].score, x[0].document_id, x[0].start, x[1].document_id, x[1].start))
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
