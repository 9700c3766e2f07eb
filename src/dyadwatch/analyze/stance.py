"""``dyadwatch_stance``: the author's own assessment of the relationship an article is about.

Runs after ``dyadwatch_actors``, ``dyadwatch_events``, ``dyadwatch_quotes`` and
``dyadwatch_claims`` (quotes, events and claims are used when present, never required).

Dyads
    The pair of states/organisations most often named in the same sentence (adjacent
    sentences count a quarter), counting more when the headline or the lead names them
    together, when they are named as coordinated parties ("Armenia and Azerbaijan signed") and
    for each act the event coder finds between them; a second pair only when it is co-mentioned
    nearly as often. The headline is the one the ingest's metadata reader found
    (``Document.title``, passed as ``doc._.dw_title``) when there is one, and the lead is the
    body after it: page menus above a headline are neither; without it, a short first line.

What the article reports (GUIDE.md, Conventions: stance is the picture of the whole article)
    Every event between the pair adds to the *closer* or *apart* mass by its PLOVER intensity
    (Goldstein / 10), weighted by where it stands (headline x2, lead x1.5), by modality
    (intended, alleged, hypothetical count less; denied nothing), by type (a request is
    mostly routine diplomacy, a meeting or talks are contact more than direction) and by how
    the event coder found its parties (an act whose parties were inherited from another clause
    or guessed from the sentence counts less than one that names them); a friendly act told as
    the continuation of what exists ("renewed the treaty", "their regular annual talks") is
    persist evidence, the tie holding; a negated act points weakly the other way, and so does
    a friendly act that a stopping word governs ("suspended all imports", "the ban on imports
    of seafood", "the suspension of aid": the event coder codes the noun as cooperation, the
    article reports its end); a joint act
    told in both directions counts once. A straight news report of a strike is therefore ``weakening``
    and of a summit with agreements ``strengthening``. When the article reports acts between
    the pair, reports and assessments (below) are weighed together (``_decide_picture``).

Evidence, sentence by sentence
    A general lexicon (``StanceWords.cues``, from ``dictionaries/data/en/stance.v1.json``) of relationship-direction cues in three directions: *closer*
    (deepen, align, rapprochement, mend ties …), *apart* (distance, rift, hedge, recalculate,
    marriage of convenience …) and *persist* (resilience, endure, bound together …), with the
    climate of talks that news reports of meetings use (cordial, constructive, a new chapter;
    barbs, impasse, acrimony; stabilise, lines of communication); unequal ties
    (junior partner, dependence) count a little both ways. A resolving word before an apart cue
    ("vowed to settle their decades-old quarrel") points closer. Scope and negation: a negator
    before a cue in its clause, a negated verb (or the negated verb it completes: "don't have to
    behave like enemies") or a "no …"/"little …" noun governing it flips it ("little
    evidence of Xi's distancing" and "unlikely to distance himself" are persist evidence; "neither
    side willing to commit" is apart evidence; "have never been closer" is not negated); a
    clause that calls a view a myth, an illusion or wishful thinking flips its cues, and so does a
    sentence "This reflects a misunderstanding." for the sentence before it. "Despite …"
    clauses and what comes before "but" count less, and a tie that holds despite them is persist
    evidence. Cues about a third party ("US-China tensions" in a China-Russia piece), background
    in the dated past ("after the clash in 2020") and hedged or questioned clauses count less.
    A word is read in its sense: words of a name the parse found ("United Nations", "the
    Persian Gulf", "World War II") are no cue, nor is a cue word as a noun of another sense
    (``StanceWords.noun_senses``: "not a single Japanese firm" is a company), and an amplifier
    whose object is a tie rather than a cue ("plans to escalate bilateral commerce") says the
    tie grows.

The author's voice
    Sentences mostly inside quotation marks are ignored and quoted words never count; what
    someone else says, insists, reports, believes or pledges ("X said", "according to",
    "officials insist", "the two sides vowed to deepen ties"), reported speech found by the
    quotes component, claims the claims component attributes to a speaker and events the event
    coder marks alleged, hypothetical or denied are down-weighted. A news report tells its news
    as what the two sides say ("the ministers said relations remained stable"), so there what
    someone says counts twice as much as in commentary (``REPORT_ATTRIBUTION_LIFT``), the
    assessment words of its headline weigh as its headline's acts do ("sign power deal, but map
    dispute resurfaces" is the two-sided picture of ``mixed``), and its headline and lead rank
    first among the evidence. The headline and the first
    and last sentences (where an author states the thesis) weigh a little more. An article most
    of whose sentences quote or report others (a news report) needs much more unattributed
    assessment to get a label.

Embeddings
    The sentences carrying the most evidence (at most ``max_embedded`` per document, one batch)
    are embedded with ``dyadwatch.analyze.embeddings`` and compared with short prototype
    sentences written for each direction and for news reporting (vectors cached per process).
    MiniLM separates an assessment of a relationship from a report of meetings well and the
    direction of an assessment poorly (negation is lost), so the embedding scales a sentence's
    lexicon evidence (x0.6 … x1.3) and the lexicon decides the direction.

Label
    From the three masses: little authorial evidence -> ``none``; persistence at least as strong
    as either direction -> ``stable``; substantial evidence both ways, in at least two strong
    sentences on the weaker side -> ``mixed``; otherwise ``strengthening`` or ``weakening``.
    With acts reported between the pair (``_decide_picture``) a headline that turns on "but",
    "despite", "amid" … (``StanceWords.headline_turns``) lowers the bar for ``mixed``.

Learned combination (opt-in: ``config={"learned": True}``)
    ``stance_features`` turns the masses above, the headline-and-lead masses, counts of actual
    and negated acts, the balance of the two directions, the pair's share of the sentences, how
    the article is built (contrast, concession, continuation) and the rules' own label into one
    vector; ``StanceModel``, a multinomial logistic regression trained by
    ``scripts/train_stance.py`` on articles written for this project
    (``scripts/data/stance_articles.v1.jsonl``; features read lexicon-only, ``embeddings=False``,
    as in the ingest pipeline), reads it and decides the label. It ties the rules on the
    held-out quarter of those articles (0.76 each) and is behind them on real coverage: on the
    wide gold set's clusters it reads long reports and analyses that weigh both directions as
    ``mixed`` or ``none`` (12 of the 15 look-cluster articles against the rules' 13, 7 of the 15
    held-out ones against 9), so the rules stay the default.

Sets ``doc._.dw_stances``: a list of plain dicts::

    {"dyad": ["CHN", "RUS"], "label": "weakening", "score": -0.56,
     "evidence": [[start, end], ...]}   # sentence offsets, whitespace-trimmed, strongest first

``score`` is in [-1, 1] (negative = weakening; 0.0 for ``none``). ``sentence_direction(text)``
is the lexicon's direction of one sentence (+1 closer or holding … -1 apart), used by
``dyadwatch.compare`` for claims. ``find_stances(doc, trace=[])`` shows the weighing.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from itertools import combinations
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from dyadwatch.analyze.docview import doc_deps, doc_heads, doc_pos, doc_sents, doc_text, doc_tokens
from dyadwatch.analyze.paragraphs import trim_span
from dyadwatch.dictionaries.errors import DictionaryErrors, DictionaryFormatError
from dyadwatch.dictionaries.words import WordLists, alternation, word_lists

__all__ = ["StanceFinder", "StanceModel", "StanceWords", "find_stances", "make_stance_finder", "sentence_direction",
           "article_features", "stance_features", "stance_model", "stance_words"]

for _ext in ("dw_stances", "dw_mentions", "dw_events", "dw_quotes", "dw_claims", "dw_figures", "dw_title"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)

CLOSER, APART, PERSIST, ASYM = "closer", "apart", "persist", "asym"
LABELS = ("strengthening", "weakening", "stable", "mixed", "none")

# ---------------------------------------------------------------------------------------------
# Lexicon: data, in dictionaries/data/<lang>/stance.v<N>.json (its "_doc" says what each list is
# for). A cue pattern is a space-separated sequence of words: "word+" matches the word and its
# regular inflections (s/es/ed/d/ing, with or without a doubled final consonant, y -> ies/ied);
# "a/b" matches either word; "*" matches any one word. Weights are relative strengths
# (1.0 = an unambiguous cue). Hyphens and possessive 's are separate tokens ("de - escalation").
# ---------------------------------------------------------------------------------------------

#: one cue: (the words accepted at each position, None = any word; kind; weight)
Cue = tuple[tuple[frozenset[str] | None, ...], str, float]
#: the prototype sentences the embedding side needs, and the cue kinds there are
_PROTOTYPE_KINDS = (CLOSER, APART, PERSIST, "report")
_CUE_KINDS = (CLOSER, APART, PERSIST, ASYM)

_BLOC_CODES = frozenset({"USA", "EU", "NATO", "G7", "GBR", "FRA", "DEU"})

_WORD = re.compile(r"[^\W\d_]+(?=n['’]t\b)|n['’]t\b|['’]s\b|[^\W\d_]+|\d+|[^\w\s]")


def _inflections(word: str) -> set[str]:
    """A word and its regular inflections (over-generating is harmless: non-words never occur)."""
    out = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        out |= {word[:-1] + "ing", word[:-1] + "ed"}
    if word.endswith("y"):
        out |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) >= 3 and word[-1] not in "aeiouwy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        out |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return out


def _alternatives(item: str) -> frozenset[str]:
    out: set[str] = set()
    for alt in item.split("/"):
        out |= _inflections(alt[:-1]) if alt.endswith("+") else {alt}
    return frozenset(out)


def _parse_cue(item: str, kind: str) -> Cue:
    *words, weight = item.split()
    pattern = tuple(None if w == "*" else _alternatives(w.lower()) for w in words)
    return pattern, kind, float(weight)


@dataclass(frozen=True)
class StanceWords:
    """The words of one language the stance component reads an assessment by.

    Read from ``dictionaries/data/<lang>/stance.v<N>.json`` (``dyadwatch.dictionaries.words``):
    the cue lexicon (indexed by each word a cue can start with), the prototype sentences of the
    embedding side, and the words that scope, flip and attribute cues; a file that lacks one
    fails when the component is made.
    """

    lang: str
    #: every cue, in the file's order (closer, apart, persist, asym)
    cues: tuple[Cue, ...]
    #: cues indexed by each word they can start with
    by_first: dict[str, list[Cue]]
    prototypes: dict[str, tuple[str, ...]]
    relational: frozenset[str]
    negators: frozenset[str]
    diminishers: frozenset[str]
    never_comparatives: frozenset[str]
    debunkers: frozenset[str]
    contrastive_openers: frozenset[str]
    concessive: frozenset[str]
    clause_breaks: frozenset[str]
    segment_breaks: frozenset[str]
    wider_scope: frozenset[str]
    continuing: frozenset[str]
    hedges: frozenset[str]
    intensifiers: frozenset[str]
    reporting: frozenset[str]
    view_nouns: frozenset[str]
    intention: frozenset[str]
    speaker_nouns: frozenset[str]
    third_party_words: frozenset[str]
    anaphors: frozenset[str]
    no_words: frozenset[str]
    resolvers: frozenset[str]
    resolver_results: frozenset[str]
    amplifiers: frozenset[str]
    amplifier_gaps: frozenset[str]
    tie_nouns: frozenset[str]
    continuity: frozenset[str]
    headline_turns: frozenset[str]
    stoppers: frozenset[str]
    undoers: frozenset[str]
    noun_senses: frozenset[str]
    concessive_phrases: frozenset[str]
    segment_phrases: frozenset[str]
    rather_phrases: frozenset[str]
    unnegating_phrases: frozenset[str]
    contrast_words: frozenset[str]
    contrast_cancellers: frozenset[str]
    past_date_words: frozenset[str]
    conditional_modals: frozenset[str]
    negative_subjects: frozenset[str]
    negative_determiners: frozenset[str]
    not_reporters: frozenset[str]

    @classmethod
    def of(cls, lists: WordLists) -> StanceWords:
        """RAISES: DictionaryFormatError (DW258) naming the file and the list it lacks, (DW259)
        when a cue or the prototypes are not as this module reads them."""
        blocks = lists.sequences("cues")
        prototypes = lists.sequences("prototypes")
        problems = [f"'cues' has kind '{k}'; expected {', '.join(_CUE_KINDS)}" for k in blocks if k not in _CUE_KINDS]
        problems += [f"'prototypes' has no '{k}' sentences" for k in _PROTOTYPE_KINDS if not prototypes.get(k)]
        cues: list[Cue] = []
        for kind, items in blocks.items():
            for item in items:
                try:
                    cues.append(_parse_cue(item, kind))
                except ValueError:
                    problems.append(f"the {kind} cue {item!r} is not words and a weight such as 'deepen+ 1.0'")
        if problems:
            raise DictionaryFormatError(DictionaryErrors.DW259.format(path=lists.path, reason=problems[0]))
        by_first: dict[str, list[Cue]] = {}
        for cue in cues:
            for word in cue[0][0] or ():
                by_first.setdefault(word, []).append(cue)
        sets = {f.name: lists.words(f.name) for f in fields(cls)
                if f.name not in ("lang", "cues", "by_first", "prototypes")}
        return cls(lang=lists.lang, cues=tuple(cues), by_first=by_first, prototypes=prototypes, **sets)


#: the words of each language, built once per file read (word_lists caches the files)
_WORDS: dict[str, tuple[WordLists, StanceWords]] = {}


def stance_words(lang: str = "en") -> StanceWords:
    """The stance words of ``lang`` (``dictionaries/data/<lang>/stance.v<N>.json``).
    RAISES: DictionaryNotFound (DW257), DictionaryFormatError (DW258, DW259)."""
    lists = word_lists("stance", lang)
    hit = _WORDS.get(lang)
    if hit is None or hit[0] is not lists:
        hit = _WORDS[lang] = (lists, StanceWords.of(lists))
    return hit[1]


#: prototype vectors per embedder and set of words (both kept so their ids are never reused)
_PROTO_CACHE: dict[tuple[int, int], tuple[Any, StanceWords, dict[str, np.ndarray]]] = {}


def _prototype_vectors(embedder: Any, lex: StanceWords) -> dict[str, np.ndarray]:
    hit = _PROTO_CACHE.get((id(embedder), id(lex)))
    if hit is not None and hit[0] is embedder and hit[1] is lex:
        return hit[2]
    names = list(lex.prototypes)
    vecs = embedder.encode([s for n in names for s in lex.prototypes[n]])
    cached, i = {}, 0
    for n in names:
        k = len(lex.prototypes[n])
        cached[n] = vecs[i:i + k]
        i += k
    _PROTO_CACHE[(id(embedder), id(lex))] = (embedder, lex, cached)
    return cached


_DEFAULT_EMBEDDER: Any = None


def _default_embedder() -> Any:
    global _DEFAULT_EMBEDDER
    if _DEFAULT_EMBEDDER is None:
        from dyadwatch.analyze.embeddings import Embedder

        _DEFAULT_EMBEDDER = Embedder()
    return _DEFAULT_EMBEDDER


# ---------------------------------------------------------------------------------------------
# Tokens and cue matching (shared by the component and by ``sentence_direction``)
# ---------------------------------------------------------------------------------------------

@dataclass
class _Tok:
    lower: str
    start: int  # char offset in the document
    end: int
    lemma: str = ""
    i: int = -1  # token index in the Doc, when there is one
    pos: str = ""  # the parse's part of speech, when there is one
    name: bool = False  # part of a name the parse found ("United Nations", "the Persian Gulf")


@dataclass
class _Cue:
    kind: str
    weight: float
    start: int  # token index of the first word
    end: int
    text: str
    negated: bool = False
    conceded: bool = False


def _tokens_from_text(text: str, offset: int = 0) -> list[_Tok]:
    """Words split as spaCy splits them where it matters here: hyphens, possessive 's, n't."""
    return [_Tok(m.group().lower().replace("’", "'"), offset + m.start(), offset + m.end())
            for m in _WORD.finditer(text)]


def _tokens_from_span(sent: Span) -> list[_Tok]:
    out = []
    tokens, pos = doc_tokens(sent.doc), doc_pos(sent.doc)
    for t in tokens[sent.start:sent.end]:
        if t.is_space:
            continue
        lower = t.lower_.replace("’", "'")
        # a proper noun inside a name of two or more words ("United Nations", "the Persian Gulf");
        # a one-word "name" is as often a capitalised word the tagger took for one ("Mistrust
        # has replaced diplomacy.")
        i = t.i
        tag = pos[i]
        name = tag == "PROPN" and bool(t.ent_type_) and (
            t.ent_iob_ == "I" or (i + 1 < len(tokens) and tokens[i + 1].ent_iob_ == "I"))
        out.append(_Tok(lower, t.idx, t.idx + len(t.text), t.lemma_.lower(), i, tag, name))
    return out


def _match_cues(toks: Sequence[_Tok], lex: StanceWords) -> list[_Cue]:
    found: list[_Cue] = []
    taken: set[int] = set()
    words = [t.lower for t in toks]
    for i, w in enumerate(words):
        if i in taken or not w[:1].isalpha():
            continue
        best: tuple[int, str, float] | None = None
        for pattern, kind, weight in lex.by_first.get(w, ()):
            n = len(pattern)
            if i + n > len(words):
                continue
            if all(p is None or words[i + k] in p for k, p in enumerate(pattern)):
                if best is None or n > best[0] or (n == best[0] and weight > best[2]):
                    best = (n, kind, weight)
        if best is None:
            continue
        n, kind, weight = best
        if any(j in taken for j in range(i, i + n)):
            continue
        taken.update(range(i, i + n))
        found.append(_Cue(kind, weight, i, i + n, " ".join(words[i:i + n])))
    return found


def _negator(words: Sequence[str], cue: _Cue, lex: StanceWords, dep_negated: set[int] | None = None) -> str:
    """The word negating the cue ("" if none): a negator up to five words before it in the same
    clause ("not only" does not count; "rather than X" does), or, with a parse, a negated verb or
    a "no …" subject governing it ("parse")."""
    for j in range(cue.start - 1, max(-1, cue.start - 6), -1):
        w = words[j]
        if w in lex.clause_breaks:
            break
        if j > 0 and f"{words[j - 1]} {w}" in lex.rather_phrases:
            return "rather"  # "a settled fact rather than a live grievance"
        if w in lex.negators:
            nxt = words[j + 1] if j + 1 < len(words) else ""
            if f"{w} {nxt}" in lex.unnegating_phrases:  # "not only"
                return ""
            return w
    return "parse" if dep_negated and cue.start in dep_negated else ""


#: the relations by which a cue is what an amplifying verb acts on: its subject or object
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def _amplified(cues: list[_Cue], words: Sequence[str], lex: StanceWords,
               heads: Sequence[tuple[int, str]] | None = None) -> tuple[set[int], set[int], set[int]]:
    """(cues that only amplify another, cues amplified, amplifiers of a tie), as indexes into
    ``cues``: a cue made of
    amplifying words ("deepened", "escalation") with a cue of another direction at most three words away
    (after or before it, in its clause: "deepened the rift", "the rift between the two deepened") says
    how much, not which way; unless a tie noun stands nearer ("deepened their cooperation despite
    tensions") or a clause starts between them ("relations deepened as tensions rose"). With a
    parse (``heads``: each token's head, as an index into ``words`` or -1, and its relation) the
    other cue must be the amplifier's subject or object, the noun it modifies, or the object of
    its "of"
    ("tensions between the two neighbours deepened", "deepening mistrust", "the escalation of
    tensions"); "deepened military drills near the disputed islands" amplifies nothing. An
    amplifier of another direction whose subject or object (or the object of its "of") is a tie
    noun and no cue says the tie grows ("escalate bilateral commerce" is more trade, not a
    conflict): it points closer (with a parse only)."""
    dropped: set[int] = set()
    boosted: set[int] = set()
    grows: set[int] = set()
    if heads is not None:
        for k, cue in enumerate(cues):
            if not all(w in lex.amplifiers for w in words[cue.start:cue.end]):
                continue
            amp = range(cue.start, cue.end)
            for m, other in enumerate(cues):
                if m == k or other.kind == cue.kind or all(w in lex.amplifiers for w in words[other.start:other.end]):
                    continue
                linked = False
                for o in range(other.start, other.end):
                    h, dep = heads[o]
                    if (h in amp and dep in _ARGUMENTS) or any(heads[a] == (o, "amod") for a in amp) or (
                            h >= 0 and dep == "pobj" and words[h] == "of" and heads[h][0] in amp):
                        linked = True
                if linked:
                    dropped.add(k)
                    boosted.add(m)
                    break
            else:
                # no cue is its argument, a tie is: "escalate bilateral commerce" says the tie grows
                if cue.kind != CLOSER and any(
                        words[o] in lex.tie_nouns and (h in amp and dep in _ARGUMENTS or
                                                       h >= 0 and dep == "pobj" and words[h] == "of" and heads[h][0] in amp)
                        for o, (h, dep) in enumerate(heads)):
                    grows.add(k)
        return dropped, boosted, grows
    ties = [i for i, w in enumerate(words) if w in lex.tie_nouns]
    for k, cue in enumerate(cues):
        if not all(w in lex.amplifiers for w in words[cue.start:cue.end]):
            continue
        best: tuple[int, int] | None = None
        for m, other in enumerate(cues):
            if m == k or other.kind == cue.kind or all(w in lex.amplifiers for w in words[other.start:other.end]):
                continue
            lo, hi = (cue.end, other.start) if other.start >= cue.end else (other.end, cue.start)
            if hi - lo > 3 or any(w in lex.clause_breaks or w in lex.concessive or w in lex.amplifier_gaps
                                  for w in words[lo:hi]):
                continue
            if best is None or hi - lo < best[0]:
                best = (hi - lo, m)
        if best is None:
            continue
        gap, m = best
        near_tie = [i for i in ties if (cue.end <= i <= cue.end + gap) or (cue.start - 1 - gap <= i < cue.start)]
        if near_tie:
            continue
        dropped.add(k)
        boosted.add(m)
    return dropped, boosted, grows


def _resolved(words: Sequence[str], cue: _Cue, lex: StanceWords) -> bool:
    """A word that ends what the cue names stands up to six words before it in its clause
    ("vowed to settle their decades-old quarrel", "ending the freeze"), with no negator between
    them ("the talks ended without acrimony" is a negated cue, not a resolved one) and no word
    making it a result ("the talks ended in acrimony")."""
    for j in range(cue.start - 1, max(-1, cue.start - 7), -1):
        if words[j] in lex.clause_breaks or words[j] in lex.negators:
            return False
        if words[j] in lex.resolvers:
            return j + 1 >= len(words) or words[j + 1] not in lex.resolver_results
    return False


def _segments(words: Sequence[str], lex: StanceWords) -> list[int]:
    """Clause segment number of each token: hedges, questions and debunking words act in theirs."""
    seg, out = 0, []
    for i, w in enumerate(words):
        if w in lex.segment_breaks or _phrase_at(words, i, lex.segment_phrases):
            seg += 1
        out.append(seg)
    return out


@lru_cache(maxsize=64)
def _phrases_by_first(phrases: frozenset[str]) -> dict[str, tuple[list[str], ...]]:
    """A list of phrases indexed by their first word, each as its words."""
    out: dict[str, list[list[str]]] = {}
    for phrase in phrases:
        words = phrase.split()
        if words:
            out.setdefault(words[0], []).append(words)
    return {first: tuple(ws) for first, ws in out.items()}


def _phrase_at(words: Sequence[str], i: int, phrases: frozenset[str]) -> bool:
    """Whether one of ``phrases`` starts at word ``i`` ("in spite of")."""
    return any(list(words[i:i + len(p)]) == p for p in _phrases_by_first(phrases).get(words[i], ()))


def _concessive_region(words: Sequence[str], lex: StanceWords) -> set[int]:
    """Token indices inside a concessive clause ("despite …," / "although …,")."""
    inside: set[int] = set()
    i = 0
    while i < len(words):
        w = words[i]
        start = None
        if w in lex.concessive or _phrase_at(words, i, lex.concessive_phrases):
            start = i
        if start is None:
            i += 1
            continue
        j = start + 1
        while j < len(words) and words[j] not in (",", ";", ":", "—", "–", "."):
            j += 1
        if j - start > 25 and start > 0:  # a trailing "despite" phrase with no comma: stop at the end
            j = min(j, start + 25)
        inside.update(range(start, j))
        i = j
    return inside


@dataclass
class _SentenceCues:
    closer: float = 0.0
    apart: float = 0.0
    persist: float = 0.0
    cues: list[_Cue] = field(default_factory=list)
    debunks_previous: bool = False  # "This is a myth." with no cue of its own

    @property
    def total(self) -> float:
        return self.closer + self.apart + self.persist

    def add(self, kind: str, w: float) -> None:
        if kind == CLOSER:
            self.closer += w
        elif kind == APART:
            self.apart += w
        elif kind == PERSIST:
            self.persist += w
        elif kind == ASYM:  # an unequal tie: some evidence each way
            self.closer += 0.5 * w
            self.apart += 0.5 * w

    def flipped(self) -> _SentenceCues:
        """The same cues as a view the author rejects."""
        out = _SentenceCues()
        for cue in self.cues:
            kind = _FLIP_DEBUNK[cue.kind]
            out.cues.append(_Cue(kind, cue.weight, cue.start, cue.end, cue.text, cue.negated, cue.conceded))
            out.add(kind, cue.weight)
        return out


_FLIP_NEGATED = {CLOSER: APART, APART: PERSIST, PERSIST: APART, ASYM: APART}
_FLIP_DEBUNK = {CLOSER: APART, APART: PERSIST, PERSIST: APART, ASYM: ASYM}


def _score_tokens(toks: Sequence[_Tok], skip: set[int], lex: StanceWords, factor: dict[int, float] | None = None,
                  dep_negated: set[int] | None = None, heads: Sequence[tuple[int, str]] | None = None
                  ) -> _SentenceCues:
    """Direction masses of one sentence. ``skip``: token indices that never count (quoted words,
    actor names, cues about a third party); ``factor``: per-token weight multipliers (attributed
    clauses); ``dep_negated``: tokens a parse shows to be under negation; ``heads``: each
    token's syntactic head (index into ``toks``, -1 if none) and relation, when there is a parse."""
    words = [t.lower for t in toks]
    out = _SentenceCues()
    segs = _segments(words, lex)
    debunk_segs = {segs[i] for i, w in enumerate(words) if w in lex.debunkers}
    hedge_segs = {segs[i] for i, w in enumerate(words) if w in lex.hedges}
    question_seg = segs[-1] if words and words[-1] == "?" else -1
    conceded = _concessive_region(words, lex)
    # "X, but Y": the author's weight is on Y; X is conceded
    buts = [i for i, w in enumerate(words) if w in lex.contrast_words and i > 2
            and not lex.contrast_cancellers.intersection(words[max(0, i - 8):i])]
    before_but = set(range(buts[-1])) - conceded if buts else set()
    main_positive = False
    conceded_apart = False
    matched = _match_cues(toks, lex)
    amplifying, amplified, tie_grows = _amplified(matched, words, lex, heads)
    for k, cue in enumerate(matched):
        if any(j in skip for j in range(cue.start, cue.end)) or k in amplifying:
            continue
        if cue.end - cue.start == 1 and words[cue.start] in lex.noun_senses and toks[cue.start].pos == "NOUN":
            continue  # "not a single Japanese firm": a company, not a firm tie
        if k in tie_grows:
            cue.kind = CLOSER
        if cue.start > 0 and words[cue.start - 1] in lex.wider_scope:  # "regional tensions"
            continue
        seg = segs[cue.start]
        w = cue.weight
        if seg in hedge_segs:
            w *= 0.6
        if seg == question_seg:
            w *= 0.5
        if factor:
            w *= min(factor.get(j, 1.0) for j in range(cue.start, cue.end))
        if (cue.start > 0 and words[cue.start - 1] in lex.intensifiers) or k in amplified:
            w *= 1.25
        kind = cue.kind
        if kind == APART and _resolved(words, cue, lex):
            kind = CLOSER  # resolving a dispute brings the two closer; failing to, below, does not
        never_comparative = words[cue.start] in lex.never_comparatives and "never" in words[max(0, cue.start - 4):cue.start]
        if never_comparative:
            w *= 1.2
        elif negator := _negator(words, cue, lex, dep_negated):
            cue.negated = True
            # "not closer" is weaker than "apart"; "less dependent" weaker still, and a plain
            # "not dependence" says nothing about direction
            w *= {CLOSER: 0.7, ASYM: 0.5}.get(kind, 0.9)
            kind = _FLIP_NEGATED[kind] if kind != ASYM or negator in lex.diminishers else ""
        if kind and seg in debunk_segs:
            kind = _FLIP_DEBUNK[kind]
        if cue.start in conceded or cue.start in before_but:
            cue.conceded = True
            w *= 0.35 if cue.start in conceded else 0.6
            if kind == APART:
                conceded_apart = True
        elif kind in (CLOSER, PERSIST):
            main_positive = True
        if not kind:
            continue
        cue.kind = kind
        cue.weight = w
        out.cues.append(cue)
        out.add(kind, w)
    if not main_positive and (conceded or before_but):
        main_positive = any(w in lex.continuing for i, w in enumerate(words) if i not in conceded | before_but)
    if conceded_apart and main_positive:  # "despite X, they remain …": the tie holds through problems
        out.persist += 0.6
    if not out.cues and debunk_segs and any(w in lex.anaphors for w in words[:3]):
        out.debunks_previous = True
    return out


def sentence_direction(sentence: str, words: StanceWords | None = None) -> float:
    """Direction of one sentence's assessment: +1 the partners are closer (or holding firm) …
    -1 they are apart; 0 when it carries no cue. Lexicon only (no parse, no embeddings).
    ``words``: the lexicon of the sentence's language (``stance_words(lang)``; English if None)."""
    lex = words or stance_words()
    toks = _tokens_from_text(sentence)
    skip: set[int] = set()
    try:
        from dyadwatch.analyze.quotes import find_quote_marks

        marks = find_quote_marks(sentence)
    except Exception:  # pragma: no cover - quotes module unavailable
        marks = []
    for o, c in marks:
        skip.update(i for i, t in enumerate(toks) if o <= t.start <= c)
    s = _score_tokens(toks, skip, lex)
    pos = s.closer + 0.8 * s.persist
    neg = s.apart
    if pos + neg == 0:
        return 0.0
    return float(np.clip((pos - neg) / (pos + neg) * min(1.0, 0.4 + (pos + neg) / 1.5), -1.0, 1.0))


def sentence_cue_stems(sentence: str, words: StanceWords | None = None) -> frozenset[str]:
    """Stems of the assessment cues a sentence uses ("distance", "distancing" -> "distan"), so two
    sentences judging the same thing in opposite ways can be recognised. ``words``: as for
    ``sentence_direction``."""
    lex = words or stance_words()
    toks = _tokens_from_text(sentence)
    stems = set()
    for cue in _score_tokens(toks, set(), lex).cues:
        for word in cue.text.split():
            if len(word) >= 4 and word.isalpha():
                stems.add(word[:6])
    return frozenset(stems)


# ---------------------------------------------------------------------------------------------
# The component
# ---------------------------------------------------------------------------------------------

class StanceFinder:
    """The ``dyadwatch_stance`` component.

    embeddings: weigh evidence with sentence embeddings (needs the offline MiniLM packages,
    see ``dyadwatch.analyze.embeddings``); False gives the lexicon-only result, about 20x
    cheaper. max_embedded: at most this many sentences per document are embedded (those
    carrying the most lexicon evidence). learned: the shipped model of the language decides the
    label from the evidence (``stance_model``; the rules when it has none). Off by default: on
    real coverage it has not beaten the rules yet (see "Learned combination" above).
    """

    def __init__(self, nlp: Language, name: str = "dyadwatch_stance", *, embeddings: bool = True,
                 max_dyads: int = 2, max_evidence: int = 5, max_embedded: int = 10, lang: str = "en",
                 learned: bool = False) -> None:
        self.name = name
        # the words an assessment is read by (dictionaries/data/<lang>/stance.v<N>.json)
        self.lang = lang
        self.words = stance_words(lang)
        self.embeddings = embeddings
        self.max_dyads = max_dyads
        self.max_evidence = max_evidence
        self.max_embedded = max_embedded
        self.learned = learned
        if learned:
            stance_model(lang)  # a broken model file fails here, when the pipeline is made
        if embeddings:
            from dyadwatch.analyze.embeddings import check_installed

            check_installed()

    def __call__(self, doc: Doc) -> Doc:
        embedder = _default_embedder() if self.embeddings else None
        doc._.dw_stances = find_stances(doc, embedder=embedder, max_dyads=self.max_dyads,
                                        max_evidence=self.max_evidence, max_embedded=self.max_embedded,
                                        words=self.words, learned=self.learned)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        return None


@Language.factory("dyadwatch_stance", assigns=["doc._.dw_stances"],
                  requires=["doc._.dw_mentions"],
                  default_config={"embeddings": True, "max_dyads": 2, "max_evidence": 5, "max_embedded": 10,
                                  "lang": "en", "learned": False})
def make_stance_finder(nlp: Language, name: str, embeddings: bool, max_dyads: int, max_evidence: int,
                       max_embedded: int, lang: str, learned: bool) -> StanceFinder:
    return StanceFinder(nlp, name, embeddings=embeddings, max_dyads=max_dyads, max_evidence=max_evidence,
                        max_embedded=max_embedded, lang=lang, learned=learned)


@dataclass
class _Sent:
    start: int
    end: int
    text: str
    codes: set[str]
    toks: list[_Tok]
    voice: float  # 0 = someone else's words … 1 = the author's
    factor: dict[int, float]
    skip: set[int]
    actor_at: list[tuple[int, str]]
    relational: bool
    heading: bool
    dep_negated: set[int]
    reported: bool = False  # quotes or reports someone else's words
    span: Any = None  # the spaCy sentence
    title: bool = False  # part of the headline the ingest found (``doc._.dw_title``)
    heads: list[tuple[int, str]] | None = None  # each token's head (index into toks, -1: none), relation
    attributed: set[int] = field(default_factory=set)  # tokens lowered as someone else's words


def find_stances(doc: Doc, *, embedder: Any = None, max_dyads: int = 2, max_evidence: int = 5,
                 max_embedded: int = 10, trace: list[dict[str, Any]] | None = None,
                 words: StanceWords | None = None, learned: bool = False) -> list[dict[str, Any]]:
    """The stances of ``doc`` (see the module docstring). ``trace``: if given, one dict per
    weighed sentence is appended to it (for inspecting why a label came out). ``words``: the
    lexicon of the document's language (``stance_words(lang)``; English if None). ``learned``:
    let the shipped model of the language (``stance_model``) decide the label; False (the
    default), or no model shipped, leaves it to the rules."""
    lex = words or stance_words()
    model = stance_model(lex.lang) if learned else None
    text = doc_text(doc)
    mentions = [m for m in (doc._.dw_mentions or []) if m.get("code")]
    quotes = doc._.dw_quotes if Doc.has_extension("dw_quotes") else None
    quotes = list(quotes or [])
    events = [e for e in (doc._.dw_events or []) if isinstance(e, dict)]
    claims = [c for c in (doc._.dw_claims or []) if isinstance(c, dict)]
    sents = _sentences(doc, mentions, quotes, lex, events, claims)
    dyads = choose_dyads(sents, mentions, max_dyads=max_dyads, events=events)
    report = is_news_report(text, sents)
    out = []
    sim_cache: dict[int, dict[str, float]] = {}
    for rank, dyad in enumerate(dyads):
        out.append(_assess(sents, dyad, embedder, lex, main=(rank == 0), report=report, max_evidence=max_evidence,
                           max_embedded=max_embedded, sim_cache=sim_cache, trace=trace, events=events,
                           model=model))
    return out


def article_features(doc: Doc, dyad: Sequence[str], *, words: StanceWords | None = None) -> dict[str, float]:
    """``stance_features`` of ``doc`` (run through the pipeline up to this component) for the pair
    ``dyad``, whichever pair the component would choose: what ``scripts/train_stance.py`` learns
    from, for the pair each training article is labelled with. RAISES: ValueError when ``dyad``
    is not two different codes."""
    pair = tuple(sorted(str(c) for c in dyad))
    if len(pair) != 2 or pair[0] == pair[1]:
        raise ValueError(f"dyad {list(dyad)!r}: give two different actor codes, e.g. ['IND', 'PAK']")
    lex = words or stance_words()
    mentions = [m for m in (doc._.dw_mentions or []) if m.get("code")]
    quotes = list((doc._.dw_quotes if Doc.has_extension("dw_quotes") else None) or [])
    events = [e for e in (doc._.dw_events or []) if isinstance(e, dict)]
    claims = [c for c in (doc._.dw_claims or []) if isinstance(c, dict)]
    sents = _sentences(doc, mentions, quotes, lex, events, claims)
    trace: list[dict[str, Any]] = []
    _assess(sents, pair, None, lex, main=True, report=is_news_report(doc_text(doc), sents), max_evidence=0,
            max_embedded=0, sim_cache={}, trace=trace, events=events)
    return dict(trace[-1]["features"])


_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40}, (?:[A-Z][a-z]{2,8}\.? \d{1,2} )?\([^)\n]{2,40}\) ?[-—–]",
                       re.M)


def is_news_report(text: str, sents: list[_Sent]) -> bool:
    """A news report rather than commentary: most of its sentences quote or report what someone
    said (a wire-style dateline lowers the bar). Its background lines are not the author's view."""
    body = [s for s in sents if len(s.toks) >= 6 and not s.heading]
    if len(body) < 4:
        return False
    reported = sum(1 for s in body if s.reported) / len(body)
    return reported >= 0.6 or (reported >= 0.45 and bool(_DATELINE.search(text[:2000])))


def _quote_regions(text: str, quotes: list[dict[str, Any]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(direct quotation regions incl. scare quotes, reported-speech regions)."""
    direct: list[tuple[int, int]] = []
    try:
        from dyadwatch.analyze.quotes import find_quote_marks

        direct = [(o, c + 1) for o, c in find_quote_marks(text)]
    except Exception:  # pragma: no cover - quotes module unavailable
        direct = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"\n]*\"", text)]
    reported = []
    for q in quotes:
        s, e = q.get("start"), q.get("end")
        if not isinstance(s, int) or not isinstance(e, int):
            continue
        if q.get("direct", True):
            direct.append((s, e))
        else:
            reported.append((s, e))
    return direct, reported


def _merge(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(regions):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _sentences(doc: Doc, mentions: list[dict[str, Any]], quotes: list[dict[str, Any]], lex: StanceWords,
               events: list[dict[str, Any]] | None = None, claims: list[dict[str, Any]] | None = None) -> list[_Sent]:
    text = doc_text(doc)
    events = events or []
    attributed_claims = {c["start"] for c in claims or [] if c.get("speaker") and isinstance(c.get("start"), int)}
    direct, reported = _quote_regions(text, quotes)
    direct = _merge(direct)
    direct_starts = [s for s, _ in direct]
    direct_ends = [e for _, e in direct]
    reported = _merge(reported)  # (a token in two reported regions is weighed the same as in one)
    reported_starts = [s for s, _ in reported]
    reported_ends = [e for _, e in reported]
    title_span = _title_span(text, doc._.dw_title)
    # each sentence looks up its own mentions and events by offset instead of scanning the whole
    # document's lists (which made long documents quadratic); picked in their original order
    by_start = sorted(range(len(mentions)), key=lambda i: mentions[i]["start"])
    m_starts = [mentions[i]["start"] for i in by_start]
    longest = max((m["end"] - m["start"] for m in mentions), default=0)
    ev_order = sorted(range(len(events)), key=lambda i: events[i].get("trigger_start", -1))
    ev_starts = [events[i].get("trigger_start", -1) for i in ev_order]

    def window(order: list[int], keys: list[int], lo: int, hi: int) -> list[int]:
        return sorted(order[bisect.bisect_left(keys, lo):bisect.bisect_left(keys, hi)])

    out = []
    for sent in doc_sents(doc):
        start, end = trim_span(text, sent.start_char, sent.end_char)
        if end <= start:
            continue
        local_mentions = [mentions[i] for i in window(by_start, m_starts, start, end)]
        # mentions that may cover a character of the sentence (for the speaker test)
        near_mentions = [mentions[i] for i in window(by_start, m_starts, sent.start_char - longest,
                                                     sent.end_char)]
        toks = _tokens_from_span(sent)
        if not toks:
            continue
        n_chars = max(1, end - start)
        # the quoted regions that reach into this sentence (sorted and merged: found by bisection,
        # not by scanning every region of the document for every sentence)
        first = max(0, bisect.bisect_right(direct_ends, sent.start_char) - 1)
        here = [(s, e) for s, e in direct[first:bisect.bisect_left(direct_starts, end)] if e > start]
        quoted = sum(max(0, min(e, end) - max(s, start)) for s, e in here)
        local_names = [(m["start"], m["end"]) for m in local_mentions]
        # quoted words, actors' names, and words of other names ("United Nations", "the Persian
        # Gulf", "World War II"): a name is no assessment
        skip = {i for i, t in enumerate(toks) if t.name}
        # (the tokens starting inside each region, found by bisection over the tokens' starts,
        # which rise: not every region tried for every token)
        tok_starts = [t.start for t in toks]
        for s, e in (*here, *local_names):
            skip.update(range(bisect.bisect_left(tok_starts, s), bisect.bisect_left(tok_starts, e)))
        voice = 1.0
        if quoted / n_chars > 0.5:
            voice = 0.0
        factor: dict[int, float] = {}
        for s, e in reported[max(0, bisect.bisect_right(reported_ends, sent.start_char) - 1):
                             bisect.bisect_left(reported_starts, end)]:
            for i, t in enumerate(toks):
                if s <= t.start < e:
                    factor[i] = 0.25
        _attribution(sent, toks, factor, near_mentions, lex)
        # what someone says (reported speech, "X said …": 0.25), not what they intend (0.35) or a
        # view under discussion (0.5)
        attributed = {i for i, v in factor.items() if v <= 0.25}
        words = [t.lower for t in toks]
        if "according" in words and "to" in words:
            voice = min(voice, 0.3)
        is_reported = voice < 1 or bool(factor) or any(
            s < end and e > start and (e - s) > 12 for s, e in here)
        codes = {m["code"] for m in local_mentions}
        actor_at = [(m["start"], m["code"]) for m in local_mentions]
        relational = any(w in lex.relational or w.startswith("sino") for w in words)
        heading = toks[-1].lower not in (".", "!", "?", "”", '"', "’", "'", ")") and len(toks) < 16
        in_title = title_span is not None and start < title_span[1] and end > title_span[0]
        negated, past = _clause_flags(sent, toks, lex)
        for i in past:
            factor[i] = factor.get(i, 1.0) * 0.5
        _event_modality(doc, toks, [events[i] for i in window(ev_order, ev_starts, start, end)], factor, negated)
        if start in attributed_claims:  # the claims component found someone else's claim here
            for i in range(len(toks)):
                factor[i] = min(factor.get(i, 1.0), 0.5)
        out.append(_Sent(start, end, text[start:end], codes, toks, voice, factor, skip, actor_at, relational,
                         heading or in_title, negated, is_reported, sent, in_title, _heads(toks, sent), attributed))
    return out


def _heads(toks: list[_Tok], sent: Span) -> list[tuple[int, str]]:
    """Each token's syntactic head as an index into ``toks`` (-1 for the root or a space) and
    its relation to it."""
    index = {t.i: k for k, t in enumerate(toks)}
    doc = sent.doc
    heads, deps = doc_heads(doc), doc_deps(doc)
    return [(index.get(heads[t.i], -1) if heads[t.i] != t.i else -1, deps[t.i]) for t in toks]


def _title_span(text: str, title: Any) -> tuple[int, int] | None:
    """Where the headline the ingest found (``Document.title``, passed as ``doc._.dw_title``)
    stands in the text: its first occurrence, or None. Pages put menus, logos and section names
    above the headline and sometimes the lead above it, or write a headline too long for the
    short-line test; the metadata reader has already told the headline from that furniture."""
    if not isinstance(title, str) or len(title.split()) < 3:
        return None
    at = text.find(title)
    return (at, at + len(title)) if at >= 0 else None


#: weight of words in the clause of an event the event coder marks as not (yet) real
_MODALITY_FACTOR = {"alleged": 0.5, "hypothetical": 0.7, "denied": 0.4}


def _event_modality(doc: Doc, toks: list[_Tok], events: list[dict[str, Any]], factor: dict[int, float],
                    negated: set[int]) -> None:
    """Use the event coder's reading: an alleged, hypothetical or denied event ("observers
    concluded that X has broken with Y") lowers the cues in its clause; a negated event
    negates its trigger."""
    by_i = {t.i: k for k, t in enumerate(toks)}
    for e in events:
        span = doc.char_span(e.get("trigger_start", 0), e.get("trigger_end", 0), alignment_mode="expand")
        if span is None or not len(span):
            continue
        trigger = span.root
        if e.get("negated") and trigger.i in by_i:
            negated.add(by_i[trigger.i])
        weight = _MODALITY_FACTOR.get(str(e.get("modality")))
        if weight is None:
            continue
        for t in trigger.subtree:
            k = by_i.get(t.i)
            if k is not None:
                factor[k] = min(factor.get(k, 1.0), weight)


@lru_cache(maxsize=8)
def _past_date(words: frozenset[str]) -> re.Pattern[str]:
    """A year in digits, or one of the words that date a sentence in the past (``past_date_words``)."""
    return re.compile(rf"\b(?:1[89]\d\d|20\d\d)\b|\b(?:{alternation(words)})\b", re.I)


def _clause_flags(sent: Span, toks: list[_Tok], lex: StanceWords) -> tuple[set[int], set[int]]:
    """(tokens governed by a negated verb or a "no …" subject -- "No company will take on the
    commitments" negates "commitments"; tokens of a past-tense clause in a sentence that dates
    it -- "after the clash in 2020" is background, not the author's view of the present)."""
    index = {t.i: k for k, t in enumerate(toks)}
    # the sentence's text cut from the Doc's, joined once (``Span.text`` joins its tokens anew)
    dated = bool(_past_date(lex.past_date_words).search(doc_text(sent.doc)[sent.start_char:sent.end_char]))
    verdict: dict[int, tuple[bool, bool]] = {}
    negated_out: set[int] = set()
    past_out: set[int] = set()
    # the walk up the heads goes by token index over the Doc's shared Tokens and heads: reading
    # ``token.head`` makes a new Token object each time
    tokens, heads, pos, deps = doc_tokens(sent.doc), doc_heads(sent.doc), doc_pos(sent.doc), doc_deps(sent.doc)
    for i in range(sent.start, sent.end):
        if i not in index:
            continue
        cur, seen, flags = i, 0, (False, False)
        while seen < 8:
            if cur in verdict:
                flags = verdict[cur]
                break
            if pos[cur] in ("VERB", "AUX") or deps[cur] == "ROOT":
                verb = tokens[cur]
                flags = (_verb_negated(verb, lex) or _clause_of_negated_noun(verb, lex),
                         dated and _past_clause(verb, lex))
                verdict[cur] = flags
                break
            if heads[cur] == cur:
                break
            cur, seen = heads[cur], seen + 1
        if flags[0]:
            negated_out.add(index[i])
        if flags[1]:
            past_out.add(index[i])
    return negated_out, past_out


def _past_clause(verb: Any, lex: StanceWords) -> bool:
    """Simple past or pluperfect ("fell", "was frozen", "had pulled back"), not present perfect."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxes and verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl"):
        return True  # "investment, frozen since 2020, …"
    if auxes:
        return auxes[0].tag_ == "VBD" and auxes[0].lower_ not in lex.conditional_modals
    return verb.tag_ == "VBD"


def _clause_of_negated_noun(verb: Any, lex: StanceWords) -> bool:
    """ "little sign that either side is distancing itself": the clause of a negated noun."""
    if verb.dep_ not in ("acl", "ccomp", "pcomp", "advcl") or verb.head is verb:
        return False
    noun = verb.head
    if noun.pos_ == "ADP" and noun.head is not noun:  # "evidence of X doing"
        noun = noun.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ in ("det", "amod", "neg") and c.lower_ in lex.no_words for c in noun.children):
        return True
    return noun.head is not noun and noun.head.pos_ in ("VERB", "AUX") and _verb_negated(noun.head, lex)


def _verb_negated(verb: Any, lex: StanceWords) -> bool:
    """A verb under negation: its own "not"/"never", a "no …"/"nobody" subject, or the negated
    verb it completes ("we don't have to behave like enemies", "did not want to deepen ties")."""
    if verb.dep_ == "xcomp" and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX") \
            and _verb_negated(verb.head, lex):
        return True
    for c in verb.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.lower_ in lex.negative_subjects:
                return True
            if any(d.dep_ == "det" and d.lower_ in lex.negative_determiners for d in c.children):
                return True
    return False


def _attribution(sent: Span, toks: list[_Tok], factor: dict[int, float], mentions: list[dict[str, Any]],
                 lex: StanceWords) -> None:
    """Lower the weight of words that are someone else's view: the complement of a reporting verb
    whose subject is not the author, and the plan an actor announces ("vowed to deepen ties")."""
    by_char = {t.start: i for i, t in enumerate(toks)}
    mention_chars = [(m["start"], m["end"]) for m in mentions]
    pos = doc_pos(sent.doc)
    for t in doc_tokens(sent.doc)[sent.start:sent.end]:
        tag = pos[t.i]
        if tag not in ("NOUN", "VERB", "AUX"):
            continue  # (only a view noun or a reporting or intention verb lowers anything)
        lemma = t.lemma_.lower()
        if tag == "NOUN" and lemma in lex.view_nouns:
            # "the conclusion that …", "hopes for …": a view under discussion, not yet the author's
            for c in t.children:
                if c.dep_ in ("acl", "ccomp", "relcl", "prep") and c.i > t.i:
                    for d in c.subtree:
                        i = by_char.get(d.idx)
                        if i is not None:
                            factor[i] = min(factor.get(i, 1.0), 0.5)
            continue
        if tag not in ("VERB", "AUX"):
            continue
        reporting = lemma in lex.reporting
        intention = lemma in lex.intention
        if not (reporting or intention):
            continue
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj and t.dep_ in ("xcomp", "conj", "advcl") and t.head.pos_ in ("VERB", "AUX"):
            subj = [c for c in t.head.children if c.dep_ == "nsubj"]
        if not subj:
            # participial reporting clause ("…, saying that …") attaches to its head's subject
            continue
        s = subj[0]
        if s.lower_ in lex.not_reporters:
            continue
        in_mention = any(a <= s.idx < b for a, b in mention_chars)
        speakerish = s.pos_ == "PROPN" or s.lemma_.lower() in lex.speaker_nouns or in_mention
        if not speakerish:
            continue
        weight = 0.25 if reporting else 0.35
        comps = [c for c in t.children if c.dep_ in ("ccomp", "xcomp", "dobj", "attr", "oprd", "advcl", "prep",
                                                      "acomp") and c.i > t.i]
        if reporting and t.dep_ == "ROOT" and not comps:
            comps = [c for c in t.children if c.dep_ in ("ccomp",)]
        # a parenthetical "…, officials said." makes the main clause theirs
        if reporting and t.dep_ in ("ROOT", "parataxis") and any(c.dep_ == "ccomp" and c.i < t.i for c in t.children):
            comps += [c for c in t.children if c.dep_ == "ccomp" and c.i < t.i]
        for c in comps:
            for d in c.subtree:
                i = by_char.get(d.idx)
                if i is not None:
                    factor[i] = min(factor.get(i, 1.0), weight)


#: extra weight of a pair named together in the headline, in the lead, and per act between them
DYAD_HEADLINE_BONUS, DYAD_LEAD_BONUS, DYAD_EVENT_BONUS = 2.0, 1.0, 0.5
#: extra weight of two actors named as coordinated parties ("Armenia and Azerbaijan signed …")
DYAD_CONJ_BONUS = 1.0


def _headline_and_lead(sents: list[_Sent]) -> tuple[set[int], set[int]]:
    """Indexes of the headline and of the lead (the first LEAD_SENTENCES sentences of the body).
    With the headline the ingest found (``_Sent.title``): those sentences, and the lead is the
    body after them (what stands above a headline is page furniture); without it, a heading
    among the first two sentences, and the body from the start."""
    titled = [i for i, s in enumerate(sents) if s.title]
    if titled:
        body = [i for i, s in enumerate(sents) if i > titled[-1] and not s.heading]
        return set(titled), set(body[:LEAD_SENTENCES])
    body = [i for i, s in enumerate(sents) if not s.heading]
    return {i for i, s in enumerate(sents[:2]) if s.heading}, set(body[:LEAD_SENTENCES])


def _coordinated_pairs(s: _Sent) -> set[tuple[str, str]]:
    """Pairs of actors named as conjuncts of one phrase in the sentence ("Armenia and Azerbaijan",
    "Armenia's Pashinyan and Azerbaijan's Aliyev"): the parties of a shared act."""
    if s.span is None or len(s.actor_at) < 2:
        return set()
    out: set[tuple[str, str]] = set()
    for tok in s.span:
        if tok.dep_ != "conj":
            continue
        right_lo, right_hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
        left_lo = tok.head.left_edge.idx
        left = {code for c, code in s.actor_at if left_lo <= c < right_lo}
        right = {code for c, code in s.actor_at if right_lo <= c < right_hi}
        for a in left:
            for b in right:
                if a != b:
                    out.add(tuple(sorted((a, b))))  # type: ignore[arg-type]
    return out


def choose_dyads(sents: list[_Sent], mentions: list[dict[str, Any]], *, max_dyads: int = 2,
                 events: list[dict[str, Any]] | None = None) -> list[tuple[str, str]]:
    """The pair(s) of actors the article is mainly about: most co-mentioned in a sentence (or in
    adjacent sentences), more when the headline or the lead names them together and for every act
    the article reports between them; ties broken by how often each is mentioned. A second pair
    only when it is co-mentioned nearly as often as the first."""
    counts = Counter(m["code"] for m in mentions)
    pair_score: defaultdict[tuple[str, str], float] = defaultdict(float)  # float scores (a Counter is typed int)
    prev: set[str] = set()
    headline, lead = _headline_and_lead(sents)
    seen: set[tuple[int, str]] = set()
    for e in events or ():
        a, b = e.get("source"), e.get("target")
        if a and b and a != b and e.get("modality") != "denied" and (int(e["start"]), str(e.get("type"))) not in seen:
            seen.add((int(e["start"]), str(e.get("type"))))
            pair_score[tuple(sorted((a, b)))] += DYAD_EVENT_BONUS
    for i, s in enumerate(sents):
        bonus = DYAD_HEADLINE_BONUS if i in headline else DYAD_LEAD_BONUS if i in lead else 0.0
        for a, b in combinations(sorted(s.codes), 2):
            pair_score[(a, b)] += 1.0 + bonus
        for pair in _coordinated_pairs(s):
            pair_score[pair] += DYAD_CONJ_BONUS
        for a in s.codes:
            for b in prev:
                if a != b:
                    pair_score[tuple(sorted((a, b)))] += 0.25  # type: ignore[index]
        prev = s.codes
    if not pair_score:
        top = [c for c, n in counts.most_common(2) if n >= 3]
        return [tuple(sorted(top))] if len(top) == 2 else []
    ranked = sorted(pair_score, key=lambda p: (-(pair_score[p] + 0.05 * min(counts[p[0]], counts[p[1]])), p))
    first = ranked[0]
    if pair_score[first] < 1.5:
        return []
    chosen = [first]
    for p in ranked[1:max(1, max_dyads) * 3]:
        if len(chosen) >= max_dyads:
            break
        if pair_score[p] >= max(3.0, 0.7 * pair_score[first]) \
                and min(counts[p[0]], counts[p[1]]) >= 0.5 * min(counts[first[0]], counts[first[1]]):
            chosen.append(p)
    return chosen


#: in a news report, the weight of words attributed to someone (reported speech, "X said …")
#: is multiplied by this (0.25 -> 0.5): the report's news is what the two sides say and do
REPORT_ATTRIBUTION_LIFT = 2.0
#: weight of what an article reports (its events) against how it assesses (its cue words)
EVENT_WEIGHT = 0.6
#: position weights of reported events: the headline and the lead carry the picture
HEADLINE_WEIGHT, LEAD_WEIGHT, LEAD_SENTENCES = 2.0, 1.5, 3
#: in a news report, the weight of the headline's assessment words (as of its reported acts)
REPORT_HEADLINE_WEIGHT = HEADLINE_WEIGHT
#: how much an event of each modality counts; denied acts count nothing
MODALITY_WEIGHT = {"actual": 1.0, "intended": 0.5, "hypothetical": 0.25, "alleged": 0.5, "denied": 0.0}
#: a negated act points the other way, weakly ("no deal was signed", "will not join sanctions")
NEGATED_WEIGHT = 0.4
#: a request between the two is mostly routine diplomacy ("urged Beijing to explain"), not a rift;
#: a meeting or talks are contact, not a direction: with agreements the AGREE events carry the
#: picture, without them the guide calls it "mixed" or "stable" (GUIDE.md, Conventions)
TYPE_WEIGHT = {"REQUEST": 0.3, "CONSULT": 0.5}
#: how far an act's parties are the event coder's own reading of the sentence (its confidence:
#: 0.75-0.85 roles by syntax, 0.55-0.65 inherited from a clause, 0.3-0.45 the sentence's actors
#: only): an act whose parties were inherited or guessed ("the talks" with no party named) is
#: weaker evidence of the pair's direction than one that names them
ROLE_FULL_CONFIDENCE, ROLE_MIN_WEIGHT = 0.75, 0.4
#: an act told in a sentence that quotes or reports someone's words: a news report tells its news that way, so it counts fully
REPORTED_EVENT_WEIGHT = 1.0
#: the weaker direction must be at least this share of the stronger for `mixed`
MIXED_RATIO = 0.6
#: a headline that turns ("sign power deal, but map dispute resurfaces": StanceWords.headline_turns)
#: with at least this much of each direction of its own states the two-sided picture, and then
#: the weaker direction of the whole article need only be this share of the stronger for `mixed`
HEADLINE_SIDE_MIN, HEADLINE_MIXED_RATIO = 0.2, 0.3
#: below this much evidence an article that reports acts between the pair still takes no view
PICTURE_MIN = 0.25


def _role_weight(event: dict[str, Any]) -> float:
    """How much an act counts by how its parties were found (``ROLE_FULL_CONFIDENCE``)."""
    try:
        confidence = float(event.get("confidence", 0.5))
    except (TypeError, ValueError):
        confidence = 0.5
    return min(1.0, max(ROLE_MIN_WEIGHT, confidence / ROLE_FULL_CONFIDENCE))


def _trigger(s: _Sent, event: dict[str, Any]) -> Any:
    """The event's trigger token in the sentence's parse (None without a parse)."""
    if s.span is None:
        return None
    span = s.span.doc.char_span(event.get("trigger_start", 0), event.get("trigger_end", 0), alignment_mode="expand")
    return span.root if span is not None and len(span) else None


#: the relations climbed from a friendly act to the word that stops it
_STOP_PATH = frozenset({"dobj", "pobj", "prep", "compound", "amod", "nmod", "conj", "nsubjpass", "appos", "xcomp"})


def _stopped(s: _Sent, event: dict[str, Any], lex: StanceWords) -> bool:
    """A friendly act that a stopping word governs (``StanceWords.stoppers``): "halted all
    shipments to and from Qatar", "restored the ban on Australian wine imports",
    "the suspension of American aid", "stopped cooperating". The event coder codes the act's
    noun as cooperation; the article reports its end. Not when the stopper is itself undone
    ("lifted the ban on imports") or when a verb that is not a stopper stands between them."""
    cur = _trigger(s, event)
    for _ in range(6):
        if cur is None or cur.head is cur or cur.dep_ not in _STOP_PATH:
            return False
        head = cur.head
        if head.lemma_.lower() in lex.stoppers or head.lower_ in lex.stoppers:
            undo = head.head
            return not (undo is not head and head.dep_ in ("dobj", "nsubjpass", "pobj", "xcomp")
                        and undo.lemma_.lower() in lex.undoers)
        if head.pos_ in ("VERB", "AUX"):
            return False
        cur = head
    return False


def _continues(s: _Sent, event: dict[str, Any], continuity: frozenset[str]) -> bool:
    """A friendly act told as the continuation of what exists: a continuity word
    (``StanceWords.continuity``) modifies it or is its object, or is (or modifies) the verb it
    is the object of ("renewed a treaty", "their regular annual talks", "reaffirmed ties",
    "confirmed existing arrangements", "signed the renewal"). The act's own word does not
    count: "agreed to renew relations" after a rupture is a step closer."""
    trigger = _trigger(s, event)
    if trigger is None:
        return False
    near = [c for c in trigger.children if c.dep_ in _MODIFIERS or c.dep_ == "dobj"]
    if trigger.dep_ in ("dobj", "nsubjpass") and trigger.head is not trigger:
        near += [trigger.head, *(c for c in trigger.head.children if c.dep_ in _MODIFIERS)]
    return any(t.lemma_.lower() in continuity or t.lower_ in continuity for t in near)


#: the relations by which a word modifies an act or its verb ("regular talks", "renewed … unchanged")
_MODIFIERS = frozenset({"amod", "advmod", "compound", "nmod", "acomp", "oprd"})


def _event_picture(sents: list[_Sent], dyad: tuple[str, str], events: list[dict[str, Any]],
                   counts: dict[str, float] | None = None, lex: StanceWords | None = None
                   ) -> tuple[dict[str, float], dict[int, tuple[float, str]]]:
    """What the article reports between the pair: the closer, apart and persist masses of its
    events on the dyad (PLOVER intensity / 10, by position, modality, type and how the parties
    were found; a friendly act that continues what exists is persist; a joint act told in both
    directions counts once), and each sentence's strongest contribution (for the evidence).
    ``counts``, if given, receives what the learned combination reads besides the masses: the
    masses of the headline and lead alone, and the numbers of actual non-negated acts each way
    and of negated acts."""
    from dyadwatch.analyze.events import MAIN_PAIR_CONFIDENCE, intensity_of

    pair = set(dyad)
    starts = [s.start for s in sents]
    headline, lead = _headline_and_lead(sents)
    masses = {CLOSER: 0.0, APART: 0.0, PERSIST: 0.0}
    per_sentence: dict[int, tuple[float, str]] = {}
    seen: set[tuple[int, str, frozenset[str]]] = set()
    for e in events:
        if {e.get("source"), e.get("target")} != pair:
            continue
        if float(e.get("confidence", 1.0)) <= MAIN_PAIR_CONFIDENCE:
            # a shared act whose parties its sentence does not name ("the deal, struck in Beijing
            # over the weekend, …"): the coder took them from the article's main pair; it tells again an
            # act the article names elsewhere, and counting it would weigh that act twice
            continue
        key = (int(e["start"]), str(e.get("type")), frozenset(pair))
        if key in seen:
            continue
        seen.add(key)
        i = max(0, bisect.bisect_right(starts, int(e["start"])) - 1)
        if not sents or sents[i].voice <= 0 and i not in headline:
            continue  # inside someone's quoted words
        intensity = float(e.get("intensity") or 0.0)
        stopped = lex is not None and intensity > 0 and not e.get("negated") and _stopped(sents[i], e, lex)
        if e.get("negated") or stopped:
            try:
                intensity = -NEGATED_WEIGHT * intensity_of(str(e["type"]), e.get("mode"))
            except KeyError:
                continue
        weight = min(abs(intensity) / 10.0, 1.0) * MODALITY_WEIGHT.get(str(e.get("modality")), 0.5)
        weight *= TYPE_WEIGHT.get(str(e.get("type")), 1.0)
        weight *= _role_weight(e)
        weight *= HEADLINE_WEIGHT if i in headline else LEAD_WEIGHT if i in lead else 1.0
        if sents[i].reported and i not in headline:
            weight *= REPORTED_EVENT_WEIGHT  # acts someone says happened, or their own words about them
        if weight <= 0:
            continue
        kind = CLOSER if intensity > 0 else APART
        if kind == CLOSER and lex is not None and _continues(sents[i], e, lex.continuity):
            kind = PERSIST  # "renewed the treaty", "their regular annual talks": the tie holds
        masses[kind] += weight
        if counts is not None:
            if i in headline or i in lead:
                counts[f"lead_{kind}"] = counts.get(f"lead_{kind}", 0.0) + weight
            if i in headline:
                counts[f"head_{kind}"] = counts.get(f"head_{kind}", 0.0) + weight
            if e.get("negated") or stopped:
                counts["negated"] = counts.get("negated", 0.0) + 1
            elif e.get("modality") in ("actual", None):
                counts[f"acts_{kind}"] = counts.get(f"acts_{kind}", 0.0) + 1
        quoting = any(mark in sents[i].text for mark in ('"', "“", "”"))
        if not quoting and weight > per_sentence.get(i, (0.0, ""))[0]:
            per_sentence[i] = (weight, kind)  # evidence: the author's sentences, not quoted words
    return masses, per_sentence


def _assess(sents: list[_Sent], dyad: tuple[str, str], embedder: Any, lex: StanceWords, *, main: bool, report: bool,
            max_evidence: int, max_embedded: int, sim_cache: dict[int, dict[str, float]],
            trace: list[dict[str, Any]] | None = None, events: list[dict[str, Any]] | None = None,
            model: StanceModel | None = None) -> dict[str, Any]:
    a, b = dyad
    scored: list[tuple[_Sent, _SentenceCues, float]] = []
    previous: _Sent | None = None
    if report:
        # a news report's headline is its picture, assessment words included ("sign power deal,
        # but map dispute resurfaces"): they weigh as its reported acts do
        thesis = {sents[i].start: REPORT_HEADLINE_WEIGHT for i in _headline_and_lead(sents)[0]}
    else:
        thesis = _thesis_positions(sents)
    for s in sents:
        if s.voice <= 0:
            previous = None
            continue
        in_dyad = s.codes & {a, b}
        others = s.codes - {a, b}
        if len(in_dyad) == 2:
            relevance = 1.0
        elif in_dyad:
            relevance = 0.85
        elif s.relational and not others:
            relevance = 0.7 if main else 0.3
        elif not s.codes:
            relevance = 0.45 if main else 0.2
        else:
            relevance = 0.15
        skip = set(s.skip) | _cues_about_others(s, dyad, lex)
        factor = s.factor
        if report and s.attributed:
            # a news report tells its news as what the two sides say ("the ministers said relations
            # remained stable"): their words about the relationship count more than in commentary
            factor = {k: min(1.0, v * REPORT_ATTRIBUTION_LIFT) if k in s.attributed else v for k, v in factor.items()}
        cues = _score_tokens(s.toks, skip, lex, factor, s.dep_negated, s.heads)
        if s.heading:
            relevance *= 0.85
        relevance *= thesis.get(s.start, 1.0)
        if scored and scored[-1][0] is previous and s.toks[0].lower in lex.contrastive_openers:
            # "… Both are real. But …": the sentence before a rebuttal is a concession
            p_s, p_c, p_r = scored[-1]
            scored[-1] = (p_s, p_c, p_r * 0.7)
        if cues.debunks_previous and scored and scored[-1][0] is previous:
            # "Many think they have split. This is a misunderstanding.": the view is rejected
            p_s, p_c, p_r = scored[-1]
            scored[-1] = (p_s, p_c.flipped(), p_r)
        scored.append((s, cues, relevance * s.voice))
        previous = s
    # embeddings: only the sentences that carry the most lexicon evidence, one batch per document
    lexical = [min(c.total, 3.0) * r for _, c, r in scored]
    candidates = sorted((i for i, x in enumerate(lexical) if x >= 0.1), key=lambda i: -lexical[i])[:max_embedded]
    sims: dict[int, dict[str, float]] = {}
    if embedder is not None and candidates:
        missing = [i for i in candidates if scored[i][0].start not in sim_cache]
        if missing:
            protos = _prototype_vectors(embedder, lex)
            vecs = embedder.encode([_embedding_text(scored[i][0]) for i in missing])
            for i, v in zip(missing, vecs):
                sim_cache[scored[i][0].start] = {name: float(np.sort(pv @ v)[-2:].mean())
                                                 for name, pv in protos.items()}
        sims = {i: sim_cache[scored[i][0].start] for i in candidates}
    masses = {CLOSER: 0.0, APART: 0.0, PERSIST: 0.0}
    head = {CLOSER: 0.0, APART: 0.0}  # the headline's own picture
    headline_at = {sents[i].start for i in _headline_and_lead(sents)[0]}
    per_sentence: list[tuple[float, str, _Sent]] = []
    assessed = 0
    for i, (s, c, r) in enumerate(scored):
        contrib = {CLOSER: c.closer, APART: c.apart, PERSIST: c.persist}
        sim = sims.get(i)
        if sim is not None:
            # MiniLM tells an assessment of a relationship from a report of meetings and
            # statements well, and the direction of an assessment only weakly (negation and
            # scope are lost): the lexicon gives the direction, the embedding scales its weight
            assess = max(sim[CLOSER], sim[APART], sim[PERSIST])
            scale = float(np.clip(1.0 + 2.0 * (assess - sim["report"]), 0.6, 1.3))
            for kind in contrib:
                contrib[kind] *= scale
        # one sentence cannot carry more than ~1.6 of any direction
        for k in contrib:
            contrib[k] = min(contrib[k], 1.6) * r
            masses[k] += contrib[k]
        if s.start in headline_at:
            head[CLOSER] += contrib[CLOSER]
            head[APART] += contrib[APART]
        strength = sum(contrib.values())
        if trace is not None and (c.cues or sim is not None):
            trace.append({"dyad": [a, b], "start": s.start, "text": s.text, "relevance": round(r, 2),
                          "cues": [(q.text, q.kind, round(q.weight, 2), q.negated) for q in c.cues],
                          "sims": {k: round(v, 3) for k, v in (sim or {}).items()},
                          "contrib": {k: round(v, 2) for k, v in contrib.items()}})
        if strength >= 0.3:
            assessed += 1
            dominant = max(contrib, key=lambda k: contrib[k])
            per_sentence.append((strength, dominant, s))
    # what the article reports between the pair, beside how it assesses it
    event_counts: dict[str, float] = {}
    reported, event_sentences = _event_picture(sents, dyad, events or [], event_counts, lex)
    lexical_masses = dict(masses)
    for kind, mass in reported.items():
        masses[kind] += EVENT_WEIGHT * mass
    by_start = {s.start: (st, d) for st, d, s in per_sentence}
    for i, (weight, kind) in event_sentences.items():
        s = sents[i]
        st, d = by_start.get(s.start, (0.0, kind))
        if s.start not in by_start:
            per_sentence.append((EVENT_WEIGHT * weight, kind, s))
        elif d == kind:
            per_sentence = [(x + EVENT_WEIGHT * weight, y, z) if z is s else (x, y, z) for x, y, z in per_sentence]
    strong = Counter(d for st, d, _ in per_sentence if st >= 0.5)
    for kind in head:
        head[kind] += EVENT_WEIGHT * event_counts.get(f"head_{kind}", 0.0)
    turns = any(t.lower in lex.headline_turns for s in sents if s.start in headline_at for t in s.toks)
    two_sided = turns and max(head.values()) >= HEADLINE_SIDE_MIN
    if sum(reported.values()) > 0:
        label, score = _decide_picture(masses, strong, two_sided=two_sided)
    else:
        label, score = _decide(masses, assessed, strong, report=report)
    features = stance_features(lexical_masses, reported, event_counts, strong, assessed=assessed, report=report,
                               pair_share=_pair_share(sents, dyad), style=_style(sents, lex), rules=label)
    if model is not None:
        label = model.label(features)
        score = _score(masses) if label != "none" else 0.0
    if trace is not None:
        trace.append({"dyad": [a, b], "report": report, "strong": dict(strong), "assessed": assessed,
                      "headline": {k: round(v, 2) for k, v in head.items()}, "two_sided": two_sided,
                      "features": features,
                      "lexical": {k: round(v, 2) for k, v in lexical_masses.items()},
                      "events": {k: round(v, 2) for k, v in reported.items()},
                      "masses": {k: round(v, 2) for k, v in masses.items()}, "label": label})
    headline, lead = _headline_and_lead(sents)
    front = {sents[i].start for i in headline | lead} if report else set()
    evidence = _evidence(per_sentence, label, max_evidence, front)
    return {"dyad": [a, b], "label": label, "score": round(score, 3),
            "evidence": [[s.start, s.end] for s in evidence]}


def _score(m: dict[str, float]) -> float:
    """The direction score of the masses, in [-1, 1] (negative = weakening)."""
    c, a, p = m[CLOSER], m[APART], m[PERSIST]
    total = c + a + p
    return float(np.clip((c + 0.3 * p - a) / (total + 0.75), -1.0, 1.0)) if total else 0.0


def _pair_share(sents: list[_Sent], dyad: tuple[str, str]) -> float:
    """Share of the sentences naming any actor that name both members of the pair: an article
    about the pair names them together; one that only passes by them does not."""
    named = [s for s in sents if s.codes]
    return sum(1 for s in named if set(dyad) <= s.codes) / len(named) if named else 0.0


def _style(sents: list[_Sent], lex: StanceWords) -> dict[str, float]:
    """How the article is built, as shares of its author's sentences: ``contrast`` (opening with
    or turning on "but", "however" …: the two-sided picture of ``mixed``), ``concession``
    ("despite", "although" …) and ``continuing`` ("remain", "continue" …: what holds)."""
    body = [s for s in sents if s.voice > 0 and not s.heading and len(s.toks) >= 5]
    if not body:
        return {"contrast": 0.0, "concession": 0.0, "continuing": 0.0}
    contrast = concession = continuing = 0
    for s in body:
        words = [t.lower for t in s.toks]
        contrast += words[0] in lex.contrastive_openers or any(
            w in lex.contrastive_openers and words[i - 1] in (",", ";") for i, w in enumerate(words) if i)
        concession += any(w in lex.concessive for w in words)
        continuing += any(w in lex.continuing for w in words)
    n = len(body)
    return {"contrast": contrast / n, "concession": concession / n, "continuing": continuing / n}


def _ratio(x: float, y: float) -> float:
    """The weaker of two masses against the stronger (0 = one-sided … 1 = even)."""
    return min(x, y) / (max(x, y) + 0.3)


def stance_features(lexical: dict[str, float], reported: dict[str, float], counts: dict[str, float],
                    strong: Counter[str], *, assessed: int, report: bool, pair_share: float,
                    style: dict[str, float], rules: str) -> dict[str, float]:
    """What the learned combination (``StanceModel``) reads of one article and pair.

    lexical: the assessment masses (closer, apart, persist) of the cue lexicon after scope,
    negation and attribution; reported: the closer and apart masses of the acts reported
    between the pair (``_event_picture``); counts: the headline-and-lead masses and the numbers
    of actual non-negated acts each way and of negated acts; strong: strong sentences per
    direction; assessed: sentences carrying any assessment; report: a news report; pair_share:
    ``_pair_share``; style: ``_style``; rules: the hand-written rules' label, which the model
    may trust or not.
    Masses and counts enter as log(1 + x) (a long article is not ten times as sure), and the
    balance of the two directions enters as ratios, which is what tells ``mixed`` apart."""
    lc, la, lp = lexical.get(CLOSER, 0.0), lexical.get(APART, 0.0), lexical.get(PERSIST, 0.0)
    ec, ea = reported.get(CLOSER, 0.0), reported.get(APART, 0.0)
    c, a = lc + EVENT_WEIGHT * ec, la + EVENT_WEIGHT * ea
    out = {
        "lex_closer": np.log1p(lc), "lex_apart": np.log1p(la), "lex_persist": np.log1p(lp),
        "event_closer": np.log1p(ec), "event_apart": np.log1p(ea),
        "event_persist": np.log1p(reported.get(PERSIST, 0.0)),
        "lead_closer": np.log1p(counts.get(f"lead_{CLOSER}", 0.0)),
        "lead_apart": np.log1p(counts.get(f"lead_{APART}", 0.0)),
        "acts_closer": np.log1p(counts.get(f"acts_{CLOSER}", 0.0)),
        "acts_apart": np.log1p(counts.get(f"acts_{APART}", 0.0)),
        "acts_negated": np.log1p(counts.get("negated", 0.0)),
        "strong_closer": np.log1p(strong.get(CLOSER, 0)), "strong_apart": np.log1p(strong.get(APART, 0)),
        "strong_persist": np.log1p(strong.get(PERSIST, 0)),
        "assessed": np.log1p(assessed),
        "balance": (c - a) / (c + a + 0.5),
        "even": _ratio(c, a), "lex_even": _ratio(lc, la), "event_even": _ratio(ec, ea),
        "persist_share": lp / (c + a + lp + 0.3),
        "total": np.log1p(c + a + lp),
        "report": float(report),
        "pair_share": pair_share,
        "contrast": style["contrast"], "concession": style["concession"], "continuing": style["continuing"],
    }
    for label in LABELS:
        out[f"rules_{label}"] = float(rules == label)
    return {k: float(v) for k, v in out.items()}


@dataclass(frozen=True)
class StanceModel:
    """A multinomial logistic regression over ``stance_features``: the learned combination of
    reports, assessments and the rules' label (``scripts/train_stance.py`` trains it on articles
    written for this project, ``scripts/data/stance_articles.v<N>.jsonl``; never on the gold
    sets). Read from ``dictionaries/data/<lang>/stance_model.v<N>.json``."""

    path: str
    features: tuple[str, ...]
    labels: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # labels x features
    bias: np.ndarray

    @classmethod
    def from_json(cls, data: dict[str, Any], path: str) -> StanceModel:
        """RAISES: DictionaryFormatError (DW259) naming the file when a field is missing or its
        shape does not match the features and labels."""
        try:
            features = tuple(str(f) for f in data["features"])
            labels = tuple(str(x) for x in data["labels"])
            model = cls(path, features, labels, np.asarray(data["mean"], float), np.asarray(data["scale"], float),
                        np.asarray(data["weights"], float), np.asarray(data["bias"], float))
        except (KeyError, TypeError, ValueError) as exc:
            raise DictionaryFormatError(DictionaryErrors.DW259.format(
                path=path, reason=f"the stance model lacks or garbles {exc}; rebuild it with scripts/train_stance.py"))
        n, k = len(features), len(labels)
        if model.mean.shape != (n,) or model.scale.shape != (n,) or model.weights.shape != (k, n) \
                or model.bias.shape != (k,) or not set(labels) <= set(LABELS):
            raise DictionaryFormatError(DictionaryErrors.DW259.format(
                path=path, reason=f"the stance model's arrays do not fit its {n} features and {k} labels "
                                  f"{labels}; rebuild it with scripts/train_stance.py"))
        return model

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        """RAISES: KeyError naming a feature the model needs and ``features`` lacks."""
        x = (np.array([features[f] for f in self.features]) - self.mean) / self.scale
        z = self.weights @ x + self.bias
        p = np.exp(z - z.max())
        p /= p.sum()
        return dict(zip(self.labels, p.tolist()))

    def label(self, features: dict[str, float]) -> str:
        probs = self.probabilities(features)
        return max(probs, key=lambda k: probs[k])


#: the learned model of each language, read once (None: no weights shipped, the rules decide)
_MODELS: dict[str, StanceModel | None] = {}


def stance_model(lang: str = "en") -> StanceModel | None:
    """The shipped stance model of ``lang`` (the highest ``stance_model.v<N>.json`` under
    ``dictionaries/data/<lang>/``), or None when there is none: the rules then decide.
    RAISES: DictionaryFormatError (DW259) when the file is not a model."""
    if lang not in _MODELS:
        import json

        from dyadwatch.dictionaries.words import DATA_DIR

        found = sorted((DATA_DIR / lang).glob("stance_model.v*.json"),
                       key=lambda q: int(re.sub(r"\D", "", q.name.rsplit(".v", 1)[1]) or 0))
        if not found:
            _MODELS[lang] = None
        else:
            try:
                data = json.loads(found[-1].read_text(encoding="utf-8"))
            except ValueError as exc:
                raise DictionaryFormatError(DictionaryErrors.DW259.format(
                    path=found[-1], reason=f"it is not JSON ({exc}); rebuild it with scripts/train_stance.py"))
            _MODELS[lang] = StanceModel.from_json(data, str(found[-1]))
    return _MODELS[lang]


def _thesis_positions(sents: list[_Sent]) -> dict[int, float]:
    """Where an author states the thesis: the headline, the first two and the last three
    sentences of the body weigh more (keyed by sentence start)."""
    out: dict[int, float] = {}
    titled = [i for i, s in enumerate(sents) if s.title]
    if titled:  # the headline the ingest found; the body is what follows it
        for i in titled:
            out[sents[i].start] = 1.4
        body = [s for s in sents[titled[-1] + 1:] if not s.heading]
    else:
        body = [s for s in sents if not s.heading]
        for s in sents[:3]:
            if s.heading and len(s.toks) >= 4:
                out[s.start] = 1.4
                break
    for s in body[:2] + body[-3:]:
        out[s.start] = 1.3
    return out


def _cues_about_others(s: _Sent, dyad: tuple[str, str], lex: StanceWords) -> set[int]:
    """Token indices about another relationship: a third party ("US-China tensions", "ties to
    Europe") within five words in the same clause, and not both members of the dyad (or the third
    party right next to the word and the dyad further away)."""
    out: set[int] = set()
    if not s.toks:
        return out
    segs, seg = [], 0
    for t in s.toks:  # clauses: a third party's cue rarely crosses a comma
        seg += t.lower in lex.clause_breaks
        segs.append(seg)
    at_char = {t.start: i for i, t in enumerate(s.toks)}
    actors: list[tuple[int, str | None]] = [(i, None) for i, t in enumerate(s.toks)
                                            if t.lower in lex.third_party_words and not set(dyad) & _BLOC_CODES]
    for start, code in s.actor_at:
        i = at_char.get(start)
        if i is not None:
            actors.append((i, code))
    if not any(code not in dyad for _, code in actors):
        return out
    if s.span is not None:
        # a noun's own phrase naming a third party and not both partners: "pressure on Iranian
        # trade links with Asia", "US-China trade tensions"
        by_i = {t.i: k for k, t in enumerate(s.toks)}
        third_chars = [s.toks[j].start for j, code in actors if code not in dyad]
        doc = s.span.doc
        pos = doc_pos(doc)
        for tok in doc_tokens(doc)[s.span.start:s.span.end]:
            if pos[tok.i] not in ("NOUN", "ADJ") or tok.i not in by_i:
                continue
            sub = list(tok.subtree)
            lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            if any(lo <= c < hi for c in third_chars) and \
                    len({code for c, code in s.actor_at if lo <= c < hi and code in dyad}) < 2:
                out.add(by_i[tok.i])
    for i in range(len(s.toks)):
        near = [(abs(i - j), code) for j, code in actors if 0 < abs(i - j) <= 5 and segs[j] == segs[i]]
        if not near:
            continue
        third = [d for d, code in near if code not in dyad]
        ours = {code for _, code in near if code in dyad}
        if third and (len(ours) < 2 or min(third) <= 2 < min(d for d, code in near if code in dyad)):
            out.add(i)
    return out


def _embedding_text(s: _Sent, max_words: int = 40) -> str:
    """The sentence as embedded: its first ``max_words`` words (the cost grows with length)."""
    words = s.text.split()
    return " ".join(words[:max_words])


def _decide(m: dict[str, float], assessed: int, strong: Counter[str], *, report: bool = False) -> tuple[str, float]:
    """Label and score from the direction masses, the number of sentences carrying any evidence
    and the number of strong sentences (evidence >= 0.5) per dominant direction. A news report
    needs much more unattributed assessment before it is said to take a view."""
    c, a, p = m[CLOSER], m[APART], m[PERSIST]
    total = c + a + p
    score = float(np.clip((c + 0.3 * p - a) / (total + 0.75), -1.0, 1.0)) if total else 0.0
    if total < 1.5 or assessed < 2:
        return "none", 0.0
    if report and (total < 4.0 or sum(strong.values()) < 3):
        return "none", 0.0
    hi, lo = max(c, a), min(c, a)
    if p >= hi or (p >= 0.6 * hi and c + p >= 1.2 * a and a >= 0.5 * c):
        return "stable", score
    n_hi, n_lo = (strong[CLOSER], strong[APART]) if c >= a else (strong[APART], strong[CLOSER])
    if lo >= 0.45 * hi and lo >= 1.0 and n_lo >= 2 and n_lo >= 0.34 * n_hi:
        return "mixed", score
    return ("strengthening" if c > a else "weakening"), score


def _decide_picture(m: dict[str, float], strong: Counter[str], *, two_sided: bool = False) -> tuple[str, float]:
    """Label and score when the article reports acts between the pair: reports and assessments
    together. Little of either -> ``none``; persistence at least as strong as either direction
    (and either substantial or twice the stronger direction: a short piece that says the tie
    holds and reports one meeting is not about a step closer) -> ``stable``; both directions
    with real weight (the weaker at least ``MIXED_RATIO`` of the stronger; ``HEADLINE_MIXED_RATIO``
    when the headline turns from one side to the other, ``two_sided``: "sign power deal, but map
    dispute resurfaces") -> ``mixed``; else the stronger direction."""
    c, a, p = m[CLOSER], m[APART], m[PERSIST]
    total = c + a + p
    if total < PICTURE_MIN:
        return "none", 0.0
    score = float(np.clip((c + 0.3 * p - a) / (total + 0.75), -1.0, 1.0))
    hi, lo = max(c, a), min(c, a)
    if p >= hi and (p >= 1.0 or p >= 2.0 * hi):
        return "stable", score
    if lo >= (HEADLINE_MIXED_RATIO if two_sided else MIXED_RATIO) * hi and lo >= 0.6:
        return "mixed", score
    return ("strengthening" if c > a else "weakening"), score


#: in a news report, the headline's and the lead's evidence ranks as if this much stronger: they
#: tell the news, the officials' words further down comment on it
FRONT_EVIDENCE_RANK = 1.5


def _evidence(per_sentence: list[tuple[float, str, _Sent]], label: str, k: int,
              front: set[int] | None = None) -> list[_Sent]:
    """The strongest sentences for the label (for ``mixed``, alternately from each side);
    ``front``: starts of sentences ranked ``FRONT_EVIDENCE_RANK`` times stronger."""
    if label == "none":
        return []
    want = {"strengthening": (CLOSER,), "weakening": (APART,), "stable": (PERSIST, CLOSER),
            "mixed": (CLOSER, APART)}[label]
    ranked = sorted((x for x in per_sentence if x[1] in want),
                    key=lambda x: (want.index(x[1]) if label == "stable" else 0,
                                   -x[0] * (FRONT_EVIDENCE_RANK if front and x[2].start in front else 1.0),
                                   x[2].start))
    if label == "mixed":
        pos = [x for x in ranked if x[1] == CLOSER]
        neg = [x for x in ranked if x[1] == APART]
        mixed: list[tuple[float, str, _Sent]] = []
        for pair in zip(neg, pos):
            mixed.extend(pair)
        n = len(mixed) // 2
        ranked = mixed + neg[n:] + pos[n:]
    return [x[2] for x in ranked[:k]]
