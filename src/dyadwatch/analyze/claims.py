"""``dyadwatch_claims``: the sentences in which an article asserts something checkable.

A claim is a sentence another article could confirm or contradict: a factual statement about
what states did (it carries events or figures) or an analytical judgement about their
relationship (it uses the vocabulary of assessment: partnership, limits, distance, junior
partner, leverage …). Each sentence with at least one actor is scored on those signals;
hedged questions and background asides score lower; the best few per article are kept, in
text order.

Each claim carries a normalised form used for cross-document comparison: the actors it is
about, its polarity (negated or negative-assessment wording gives -1), its events as
(source, target, type, negated) and its figures as (value, unit), and the content lemmas.
The speaker is set when the sentence is attributed ("…, Gabuev wrote", "According to X, …").

Sets ``doc._.dw_claims``: plain dicts with keys ``start, end, speaker, polarity, actors,
normalized, score``.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from dyadwatch.analyze.docview import doc_sents, doc_text, doc_tokens
from dyadwatch.analyze.paragraphs import trim_span
from dyadwatch.analyze.stance import sentence_direction
from dyadwatch.dictionaries.words import WordLists, word_lists

for _ext in ("dw_claims", "dw_mentions", "dw_events", "dw_figures", "dw_quotes"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)

@dataclass(frozen=True)
class ClaimWords:
    """The words of one language the claim finder ranks sentences by.

    Read from ``dictionaries/data/<lang>/claims.v<N>.json`` (``dyadwatch.dictionaries.words``),
    whose ``_doc`` says what each list is for; a file that lacks one fails when the component is
    made.
    """

    assessment: frozenset[str]
    assertive: frozenset[str]
    reporting: frozenset[str]
    negative_determiners: frozenset[str]
    negative_lemmas: frozenset[str]

    @classmethod
    def of(cls, lists: WordLists) -> ClaimWords:
        """RAISES: DictionaryFormatError (DW258) naming the file and the list it lacks."""
        return lists.fill(cls)


@lru_cache(maxsize=1)
def english_words() -> ClaimWords:
    """The English lists, for callers that find claims outside the component (``claims_for_spans``)."""
    return ClaimWords.of(word_lists("claims", "en"))


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


class ClaimFinder:
    def __init__(self, nlp: Language, name: str = "dyadwatch_claims", *, max_claims: int = 12,
                 min_claims: int = 3, lang: str = "en") -> None:
        """lang (str): the language of the word lists (dictionaries/data/<lang>/claims.v<N>.json)."""
        self.name = name
        self.max_claims = max_claims
        self.min_claims = min_claims
        self.lang = lang
        self.words = ClaimWords.of(word_lists("claims", lang))

    def __call__(self, doc: Doc) -> Doc:
        doc._.dw_claims = find_claims(doc, max_claims=self.max_claims, min_claims=self.min_claims, words=self.words)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        return None


@Language.factory("dyadwatch_claims", assigns=["doc._.dw_claims"], requires=["doc._.dw_mentions"],
                  default_config={"max_claims": 12, "min_claims": 3, "lang": "en"})
def make_claim_finder(nlp: Language, name: str, max_claims: int, min_claims: int, lang: str) -> ClaimFinder:
    return ClaimFinder(nlp, name, max_claims=max_claims, min_claims=min_claims, lang=lang)


def claims_for_spans(doc: Doc, spans: Iterable[tuple[int, int]], *,
                     words: ClaimWords | None = None) -> list[dict[str, Any]]:
    """Claim dicts for the sentences holding these spans (for sentences another component found
    to carry the author's assessment), whatever their score. words: the lists to rank by; when
    not given, those the claim finder scored this Doc with (English if it has not)."""
    wanted = list(spans)
    every = find_claims(doc, max_claims=10_000, min_claims=10_000, words=words)
    return [c for c in every if any(c["start"] <= s < c["end"] or s <= c["start"] < e for s, e in wanted)]


#: each Doc's scored sentences (``_scored_sentences``), with the inputs they were scored from: the
#: claims component scores every sentence of an article, and converting its analysis then asks
#: again for the sentences carrying its stances (``claims_for_spans``), which scored them all a
#: second time (0.49 s of CPU over 400 synthetic stories, 1.3% of their ingest). Weak: an entry
#: goes with its Doc.
_SCORED: weakref.WeakKeyDictionary[Doc, tuple[tuple[Any, ...], list[tuple[float, int, dict[str, Any]]], int]] = \
    weakref.WeakKeyDictionary()


def find_claims(doc: Doc, *, max_claims: int = 12, min_claims: int = 3,
                words: ClaimWords | None = None) -> list[dict[str, Any]]:
    """The claims of ``doc``, ranked by ``words`` (when not given: the lists this Doc was last
    scored with, else the English ones)."""
    scored, n_sentences = _scored_sentences(doc, words)
    if not scored:
        return []
    keep = max(min_claims, min(max_claims, n_sentences // 3))
    best = sorted(scored, key=lambda x: (-x[0], x[1]))[:keep]
    threshold = 2.5
    chosen = [c for s, _, c in best if s >= threshold] or [c for _, _, c in best[:min_claims]]
    # a reported figure is always checkable: every sentence giving one is a claim
    have = {c["start"] for c in chosen}
    chosen += [c for _, _, c in scored if c["normalized"]["figures"] and c["start"] not in have]
    return sorted(chosen, key=lambda c: c["start"])


def _scored_sentences(doc: Doc, words: ClaimWords | None) -> tuple[list[tuple[float, int, dict[str, Any]]], int]:
    """(score, start, claim dict) of every sentence that can be a claim, and the number of
    sentences: from ``_SCORED`` when this Doc was scored from the same mention, event, figure and
    quote lists (the same objects: no component changes them in place after they are set) and
    with ``words`` (or whatever lists, when ``words`` is None: the claim finder's own)."""
    findings = (doc._.dw_mentions, doc._.dw_events, doc._.dw_figures, doc._.dw_quotes)
    kept = _SCORED.get(doc)
    if kept is not None and all(a is b for a, b in zip(kept[0], findings)) and words in (None, kept[0][4]):
        return kept[1], kept[2]
    words = words or english_words()
    scored, n_sentences = _score_sentences(doc, words)
    _SCORED[doc] = ((*findings, words), scored, n_sentences)
    return scored, n_sentences


def _score_sentences(doc: Doc, words_: ClaimWords) -> tuple[list[tuple[float, int, dict[str, Any]]], int]:
    text = doc_text(doc)
    mentions = doc._.dw_mentions or []
    events = doc._.dw_events or []
    figures = doc._.dw_figures or []
    quotes = doc._.dw_quotes or []
    scored: list[tuple[float, int, dict[str, Any]]] = []
    sentences = [s for s in doc_sents(doc) if text[s.start_char:s.end_char].strip()]
    # looked up by offset per sentence rather than scanned (long documents were quadratic)
    m_sorted = sorted(mentions, key=lambda m: m["start"])
    m_starts = [m["start"] for m in m_sorted]
    f_order = sorted(range(len(figures)), key=lambda i: figures[i]["start"])
    f_starts = [figures[i]["start"] for i in f_order]
    events_at: dict[int, list[dict[str, Any]]] = {}
    for e in events:
        events_at.setdefault(e["start"], []).append(e)
    for sent in sentences:
        start, end = trim_span(text, sent.start_char, sent.end_char)
        words = [t for t in doc_tokens(sent.doc)[sent.start:sent.end] if not t.is_punct and not t.is_space]
        if len(words) < 6 or len(words) > 80:
            continue
        actors = sorted({m["code"] for m in m_sorted[bisect.bisect_left(m_starts, start):
                                                       bisect.bisect_left(m_starts, end)]})
        if not actors:
            continue
        sent_events = events_at.get(start, [])
        sent_figures = [figures[i] for i in sorted(f_order[bisect.bisect_left(f_starts, start):
                                                            bisect.bisect_left(f_starts, end)])]
        lemmas = {t.lemma_.lower() for t in words}
        lowers = {t.lower_ for t in words}
        score = 1.0 + 0.25 * min(len(actors), 3)
        score += 1.5 * min(len({e["type"] for e in sent_events}), 2)
        score += 1.5 * min(len(sent_figures), 2)
        assessment = len((lemmas | lowers) & words_.assessment)
        score += 1.2 * min(assessment, 3)
        score += 0.6 * min(len(lowers & words_.assertive), 2)
        # a judgement of which way the relationship is going is what other articles dispute
        direction = sentence_direction(text[start:end])
        score += 3.0 * min(abs(direction), 1.0)
        if text[end - 1:end] == "?" and abs(direction) < 0.5:
            score -= 2.0
        if sent.text.strip().startswith(("“", '"')) and not sent_events:
            score -= 0.5
        speaker = _speaker(sent, quotes, mentions, start, end, words_)
        polarity = -1 if _negative(sent, words_) else 1
        claim = {
            "start": start, "end": end, "speaker": speaker, "polarity": polarity, "actors": actors,
            "normalized": {
                "actors": actors,
                "polarity": polarity,
                "events": sorted({(e["source"], e["target"], e["type"], bool(e["negated"])) for e in sent_events}),
                "figures": [(f["value"], f["unit"], f.get("measure"), f.get("period")) for f in sent_figures],
                "lemmas": sorted(t.lemma_.lower() for t in words if t.is_alpha and not t.is_stop),
            },
            "score": round(score, 2),
            "direction": round(direction, 3),
        }
        scored.append((score, start, claim))
    return scored, len(sentences)


def _negative(sent: Span, words: ClaimWords) -> bool:
    for t in sent:
        if t.dep_ == "neg" and t.head.dep_ in ("ROOT", "ccomp", "conj"):
            return True
        if t.lower_ in words.negative_determiners and t.dep_ in ("det", "amod", "neg", "advmod"):
            return True
        if t.lemma_.lower() in words.negative_lemmas:
            return True
    return False


def _speaker(sent: Span, quotes: list[dict[str, Any]], mentions: list[dict[str, Any]], start: int,
             end: int, words: ClaimWords) -> str | None:
    for q in quotes:
        if start <= q.get("start", -1) < end and q.get("speaker"):
            covered = (q["end"] - q["start"]) / max(1, end - start)
            if covered > 0.5:
                return str(q["speaker"])
    for t in sent:
        if t.lemma_.lower() in words.reporting and t.pos_ == "VERB" and t.dep_ in ("ROOT", "parataxis"):
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            if subj and subj[0].pos_ == "PROPN":
                span = sent.doc[subj[0].left_edge.i: subj[0].i + 1]
                return span.text
    m = re.match(r"\s*According to ([^,]{3,80}),", sent.text)
    if m:
        return m.group(1).strip()
    return None
