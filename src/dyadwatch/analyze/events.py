"""``dyadwatch_events``: PLOVER events between actors, read off the dependency parse.

For every sentence, every trigger word (a verb or noun in the event dictionary,
``dyadwatch.events.v1``) whose parse links it to two distinct actors becomes an event:

- **roles**: a verb's subject is the source (the ``by`` agent of a passive; inherited through
  ``xcomp``/``conj``/``pcomp``/``advcl`` chains, and from the object of "urge X to …"), its
  object or prepositional object (with/to/against/on/into/at/from/for/toward) the target. A
  noun's possessor or actor adjective is its source ("Russia's invasion", "Chinese purchases"),
  its of/to/against/on object its target; a noun with no source of its own takes the subject of
  the verb it is the object of ("Beijing has avoided any condemnation of …").
- **joint actions** ("A and B met", "the Sino-Russian summit", "talks between A and B", "the two
  leaders met") are coded in both directions.
- **negation**: a ``neg`` on the trigger or on the verbs that govern it, a "no" determiner on
  it or on its subject, "without", and governing verbs such as avoid/refuse/fail.
- **modality**: denied (under deny), alleged (under allege/claim/believe/accuse … of),
  hypothetical (may/might/could/would, if, consider/contemplate, possibility), intended
  (will/shall, plan/promise/pledge/aim/seek/prepare, "be set to"), else actual.
- **date**: the nearest date expression in the clause (else the sentence), resolved against
  ``doc._.dw_ref_date`` by ``dyadwatch.analyze.dates``.
- **intensity** from ``dyadwatch.intensity.v1`` (mean Goldstein of the CAMEO codes mapped to the
  type), **contexts** from the words of the sentence, a **confidence** from how the roles were found.

Sets ``doc._.dw_events``: plain dicts with the keys of ``EVENT_KEYS``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyadwatch.analyze.dates import resolve_date

EVENT_KEYS = ("start", "end", "source", "target", "type", "mode", "negated", "modality", "date", "intensity",
              "trigger", "trigger_start", "trigger_end", "contexts", "confidence", "dictionary")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

for _ext in ("dw_events", "dw_mentions", "dw_ref_date"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)

SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
OBJ = {"dobj", "dative", "attr", "oprd"}
#: "in"/"at" name places ("met Putin in Beijing"), so they only introduce targets where the
#: dictionary says so ("arrived in Beijing")
TARGET_PREPS = {"with", "to", "against", "on", "into", "from", "for", "toward", "towards", "upon", "over", "of",
                "onto"}
NOUN_TARGET_PREPS = {"of", "to", "against", "on", "into", "with", "toward", "towards", "for", "over", "upon", "from"}
#: verbs whose object is the doer of the action in their "of"/"for" phrase ("accused X of aiding")
ATTRIBUTING_VERBS = {"accuse", "suspect", "blame", "criticise", "criticize", "condemn", "praise", "thank", "fault",
                     "commend", "charge", "punish", "sanction", "congratulate", "credit"}
ANAPHORS = {"this", "that", "it", "these", "those", "report", "reports", "claim", "claims", "allegation",
            "allegations", "accusation", "accusations", "charge", "charges"}
#: verbs that only carry the event named by their object noun ("hold talks", "impose sanctions")
LIGHT_VERBS = {"make", "take", "hold", "provide", "give", "offer", "strike", "launch", "conduct", "carry", "stage",
               "impose", "reach", "seek", "maintain", "continue", "deepen", "expand", "boost", "strengthen",
               "announce", "issue", "extend", "deliver", "sign", "have", "pursue", "step", "keep", "send", "express",
               "voice", "raise", "avoid", "receive", "win", "secure", "gain", "enter", "join", "begin", "start",
               "resume", "need", "get", "lend", "pledge", "promise", "accept"}
#: governing verbs that say the action did not happen
NEGATING_GOVERNORS = {"avoid", "refuse", "decline", "fail", "refrain", "stop", "cease", "halt", "resist", "shun",
                      "forgo", "forego", "abstain", "reject", "rule"}
NEGATING_NOUNS = {"refusal", "inability", "failure", "reluctance", "unwillingness", "absence", "lack"}
DENY = {"deny", "dismiss", "refute", "rebut"}
ALLEGE = {"allege", "claim", "believe", "suspect", "accuse", "report", "assert", "charge", "contend", "insist",
          "suggest", "conclusion", "allegation", "accusation", "report", "rumour", "rumor", "speculation"}
HYPOTHETICAL_AUX = {"may", "might", "could", "would", "should", "can", "ca"}
HYPOTHETICAL_GOVERNORS = {"consider", "contemplate", "mull", "weigh", "explore", "possibility", "potential",
                          "prospect", "risk", "scenario", "option", "idea", "chance", "likelihood", "decide",
                          "need", "count", "imagine", "fear", "worry"}
INTENDED_GOVERNORS = {"plan", "intend", "aim", "seek", "promise", "pledge", "vow", "prepare", "want", "hope",
                      "expect", "propose", "offer", "agree", "commit", "resolve", "determine", "desire", "plan",
                      "continue", "try", "attempt", "set", "schedule", "due", "poised", "ready", "willing"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "going"}
#: words that turn SUPPORT into material AID
MATERIAL = {"military", "financial", "economic", "logistical", "material", "lethal", "nonlethal", "humanitarian",
            "technical", "technological", "monetary", "weapons"}
#: subjects that stand for two parties named just before ("the two leaders met")
PAIR_WORDS = {"two", "both", "they", "each", "sides", "pair", "duo", "countries", "leaders", "nations", "partners",
              "governments", "capitals", "presidents", "autocrats", "allies", "neighbours", "neighbors"}

CONTEXT_WORDS = {
    "military": {"military", "troop", "troops", "army", "weapon", "weapons", "missile", "missiles", "arms",
                 "defence", "defense", "navy", "naval", "exercise", "exercises", "drill", "soldier", "soldiers",
                 "war", "forces", "lethal", "nuclear", "warship", "jets", "ammunition", "shells", "drones"},
    "economic": {"trade", "economic", "economy", "investment", "invest", "market", "tariff", "tariffs",
                 "export", "exports", "import", "imports", "finance", "financial", "bank", "banks", "yuan",
                 "dollar", "business", "firms", "companies", "purchases", "purchasing", "loan", "deal", "debt"},
    "diplomatic": {"diplomatic", "diplomacy", "summit", "minister", "ministers", "embassy", "ambassador",
                   "talks", "statement", "visit", "meeting", "council", "un", "envoy", "diplomat", "diplomats"},
    "natural_resource": {"energy", "oil", "gas", "pipeline", "coal", "lng", "crude", "minerals", "power",
                         "grain", "water", "hydropower"},
    "technology": {"technology", "tech", "chips", "semiconductors", "semiconductor", "ai", "apps", "app",
                   "telecom", "5g", "satellite", "space"},
    "territory": {"border", "borders", "territory", "territorial", "frontier", "island", "islands", "sea",
                  "line", "annex", "annexation", "sovereignty", "disputed"},
    "cyber": {"cyber", "cyberattack", "hacking", "hackers", "hack", "malware"},
    "humanitarian": {"humanitarian", "refugees", "aid", "food", "medical", "relief"},
    "legal": {"court", "law", "legal", "charter", "treaty", "sanctions"},
}


_TIME_EXPRESSION = re.compile(
    r"\b(?:(?:this|last|next|past|previous|coming)\s+(?:week|month|year|spring|summer|autumn|fall|winter)"
    r"|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:a|one|two|three|four|five|six|\d+)\s+(?:day|week|month|year)s?\s+ago"
    r"|yesterday|today)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    mode: str | None = None
    joint: bool = False
    particle: str | None = None
    needs_object: bool = False
    needs_modifier: tuple[str, ...] = ()
    needs_joint_subject: bool = False
    target_preps: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()


@dataclass
class Lexicon:
    name: str
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)

    def lookup(self, token: Token) -> list[Trigger]:
        table = self.verbs if token.pos_ in ("VERB", "AUX") else self.nouns if token.pos_ in ("NOUN", "PROPN") \
            else None
        if table is None:
            return []
        found = table.get(token.lemma_.lower(), []) or table.get(token.lower_, [])
        if not found:
            return []
        # a particle ("call out") binds tighter than a preposition ("call on"), which binds
        # tighter than an adverb or object ("come together", "stand side by side")
        for deps in (("prt",), ("prep",), ("advmod", "dobj", "npadvmod")):
            words = {c.lower_ for c in token.children if c.dep_ in deps}
            with_particle = [t for t in found if t.particle and t.particle in words]
            if with_particle:
                return with_particle
        return [t for t in found if not t.particle]


def read_lexicon(text: str, name: str = "") -> Lexicon:
    lex = Lexicon(name=name)
    for line in text.splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("label") == "DICTIONARY":
            lex.name = row["name"]
            continue
        lemma = row["lemma"]
        particle = None
        if "_" in lemma:
            lemma, particle = lemma.split("_", 1)
            particle = particle.split("_")[0]
        trig = Trigger(lemma=lemma, pos=row["pos"], type=row["type"], mode=row.get("mode"),
                       joint=bool(row.get("joint")), particle=particle, needs_object=bool(row.get("needs_object")),
                       needs_modifier=tuple(row.get("needs_modifier", ())),
                       needs_joint_subject=bool(row.get("needs_joint_subject")),
                       target_preps=tuple(row.get("target_preps", ())), contexts=tuple(row.get("contexts", ())))
        table = lex.verbs if trig.pos == "VERB" else lex.nouns
        table.setdefault(lemma, []).append(trig)
    return lex


@lru_cache(maxsize=8)
def load_lexicon(name: str) -> Lexicon:
    data = resources.files("dyadwatch.dictionaries").joinpath("data", f"{name}.jsonl").read_text(encoding="utf-8")
    return read_lexicon(data, name)


@lru_cache(maxsize=1)
def load_intensity() -> dict[str, Any]:
    data = resources.files("dyadwatch.dictionaries").joinpath("data", "dyadwatch.intensity.v1.json")
    return dict(json.loads(data.read_text(encoding="utf-8")))


def intensity_of(type_: str, mode: str | None) -> float:
    table = load_intensity()
    if mode and f"{type_}:{mode}" in table["modes"]:
        return float(table["modes"][f"{type_}:{mode}"])
    return float(table["types"][type_])


# ------------------------------------------------------------------------------ component


class EventCoder:
    """Codes PLOVER events; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "dyadwatch_events", *, dictionary: str = "dyadwatch.events.v1",
                 sentence_fallback: bool = True) -> None:
        self.name = name
        self.dictionary = dictionary
        self.lexicon = load_lexicon(dictionary)
        self.sentence_fallback = sentence_fallback

    def __call__(self, doc: Doc) -> Doc:
        doc._.dw_events = _DocCoder(self, doc).run()
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        return None


@Language.factory(
    "dyadwatch_events",
    assigns=["doc._.dw_events"],
    requires=["doc._.dw_mentions"],
    default_config={"dictionary": "dyadwatch.events.v1", "sentence_fallback": True},
)
def make_event_coder(nlp: Language, name: str, dictionary: str, sentence_fallback: bool) -> EventCoder:
    return EventCoder(nlp, name, dictionary=dictionary, sentence_fallback=sentence_fallback)


@dataclass
class _Found:
    sources: list[str]
    targets: list[str]
    how: str
    joint: bool = False


class _DocCoder:
    def __init__(self, coder: EventCoder, doc: Doc) -> None:
        self.c = coder
        self.doc = doc
        self.ref = doc._.dw_ref_date
        self.actor_of: dict[int, str] = {}
        self.kind_of: dict[int, str] = {}
        for m in doc._.dw_mentions or []:
            span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.actor_of.setdefault(t.i, m["code"])
                self.kind_of.setdefault(t.i, m.get("kind") or "")
        # how often two actors share a sentence in this document
        self.cooccur: dict[tuple[str, str], int] = {}
        for sent in doc.sents:
            codes = {self.actor_of[t.i] for t in sent if t.i in self.actor_of}
            for a in codes:
                for b in codes:
                    if a != b:
                        self.cooccur[(a, b)] = self.cooccur.get((a, b), 0) + 1

    def run(self) -> list[dict[str, Any]]:
        events: dict[tuple[Any, ...], dict[str, Any]] = {}
        prev_actors: list[str] = []
        prev_events: list[dict[str, Any]] = []
        for sent in self.doc.sents:
            start, end = _trim(self.doc.text, sent.start_char, sent.end_char)
            if end <= start:
                continue
            sent_actors = _ordered_unique(self.actor_of[t.i] for t in sent if t.i in self.actor_of)
            found: list[dict[str, Any]] = []
            if sent_actors:
                found = list(self._sentence(sent, start, end, sent_actors, prev_actors))
                found += self._denials(sent, start, end, prev_events)
                # a past action told right after a dated one, with no date of its own, happened
                # then ("They met on May 3. Xi praised Putin.")
                prev_dates = {e["date"] for e in prev_events if e["date"] and e["modality"] == "actual"}
                if len(prev_dates) == 1:
                    for ev in found:
                        if ev["date"] is None and ev.get("_past") and ev["modality"] == "actual":
                            ev["date"] = next(iter(prev_dates))
                for ev in found:
                    key = (ev["start"], ev["source"], ev["target"], ev["type"], ev["negated"])
                    if key not in events or events[key]["confidence"] < ev["confidence"]:
                        events[key] = ev
                prev_actors = (sent_actors + [a for a in prev_actors if a not in sent_actors])[:4]
            prev_events = found
        out = sorted(events.values(), key=lambda e: (e["start"], e["trigger_start"] or 0))
        _refine_dates(out)
        for e in out:
            e.pop("_past", None)
        return out

    def _denials(self, sent: Span, start: int, end: int, prev_events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """"China has denied this": the previous sentence's actions by the denier, now denied."""
        out = []
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in DENY:
                continue
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            if not objs or objs[0].lower_ not in ANAPHORS:
                continue
            deniers, _, _ = self._subject(tok)
            for ev in prev_events:
                if ev["source"] in deniers and ev["modality"] != "denied":
                    out.append({**ev, "start": start, "end": end, "modality": "denied", "negated": False,
                                "trigger": tok.text, "trigger_start": tok.idx, "trigger_end": tok.idx + len(tok.text),
                                "confidence": 0.5, "date": None})
        return out

    # -- one sentence

    def _sentence(self, sent: Span, start: int, end: int, sent_actors: list[str],
                  prev_actors: list[str]) -> Iterator[dict[str, Any]]:
        lexicon = self.c.lexicon
        light_nouns: set[int] = set()
        candidates: list[tuple[Token, Trigger]] = []
        for tok in sent:
            if tok.i in self.actor_of and tok.pos_ in ("PROPN",):
                continue
            for trig in lexicon.lookup(tok):
                if not self._fits(tok, trig):
                    continue
                candidates.append((tok, trig))
        noun_objects = {tok.i for tok, trig in candidates if trig.pos == "NOUN"}
        for tok, trig in candidates:
            if trig.pos == "VERB" and tok.lemma_.lower() in LIGHT_VERBS and any(
                    c.i in noun_objects for c in tok.children if c.dep_ in OBJ):
                light_nouns.update(c.i for c in tok.children if c.dep_ in OBJ)
                continue  # the object noun carries the event ("hold talks", "provide support")
            if trig.pos == "NOUN" and self._object_of_trigger(tok, candidates) and not self._own_roles(tok):
                continue  # "urged a ceasefire and dialogue": the thing asked for, not a second event
            found = self._roles(tok, trig, sent, sent_actors, prev_actors)
            if found is None:
                continue
            type_ = trig.type
            if type_ == "SUPPORT" and _modified_by(tok, MATERIAL):
                type_ = "AID"
            negated = self._negated(tok, trig)
            modality = self._modality(tok)
            date = self._date(tok, sent, future=modality == "intended")
            contexts = self._contexts(sent, trig)
            base = {"syntax": 0.75, "inherited": 0.55, "sentence": 0.35}.get(found.how, 0.3)
            confidence = round(base + (0.1 if trig.pos == "VERB" else 0.0), 2)
            past = _past_tense(tok)
            pairs = _pairs(found)
            for source, target in pairs:
                yield {
                    "start": start, "end": end, "source": source, "target": target, "type": type_,
                    "mode": trig.mode, "negated": negated, "modality": modality, "date": date,
                    "intensity": 0.0 if negated else intensity_of(type_, trig.mode),
                    "trigger": tok.text, "trigger_start": tok.idx, "trigger_end": tok.idx + len(tok.text),
                    "contexts": contexts, "confidence": confidence, "dictionary": self.c.lexicon.name,
                    "_past": past,
                }

    def _object_of_trigger(self, noun: Token, candidates: list[tuple[Token, Trigger]]) -> bool:
        head = noun
        while head.dep_ == "conj":
            head = head.head
        verbs = {t.i for t, trig in candidates if trig.pos == "VERB" and t.lemma_.lower() not in LIGHT_VERBS}
        return head.dep_ in OBJ and head.head.i in verbs

    def _own_roles(self, noun: Token) -> bool:
        sources, targets, joint = self._noun_roles(noun, Trigger(noun.lemma_, "NOUN", "CONSULT"))
        return bool(sources or joint)

    def _fits(self, tok: Token, trig: Trigger) -> bool:
        if trig.needs_modifier and not _modified_by(tok, set(trig.needs_modifier)):
            return False
        if trig.needs_object and not any(c.dep_ in OBJ for c in tok.children):
            return False
        return True

    # -- roles

    def _actors(self, tok: Token, depth: int = 3, *, skip: frozenset[str] = frozenset(
            {"relcl", "acl", "advcl", "ccomp", "prep", "punct", "cc"})) -> list[str]:
        """Actors of the phrase headed by ``tok``: its own mention, else the nearest inside it,
        plus those of coordinated phrases ("the United States and NATO")."""
        out: list[str] = []
        own = self._nearest_actor(tok, depth, skip)
        if own:
            out.append(own)
            # "the Chinese and Russian presidents": every coordinated modifier names a party
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i in self.actor_of:
                    for g in c.children:
                        if g.dep_ == "conj" and g.i in self.actor_of and self.actor_of[g.i] not in out:
                            out.append(self.actor_of[g.i])
        for c in tok.children:
            if c.dep_ == "conj":
                for a in self._actors(c, depth, skip=skip):
                    if a not in out:
                        out.append(a)
        return out

    def _nearest_actor(self, tok: Token, depth: int, skip: frozenset[str]) -> str | None:
        if tok.i in self.actor_of:
            return self.actor_of[tok.i]
        frontier = [tok]
        first: str | None = None
        for _ in range(depth + 1):
            nxt = []
            for t in frontier:
                if t.i in self.actor_of:
                    # a named person in apposition outranks an organisation modifier
                    # ("the SCO summit, ..., Nikolai Patrushev, met ...")
                    if self.kind_of.get(t.i) in ("person", "title"):
                        return self.actor_of[t.i]
                    first = first or self.actor_of[t.i]
            if first and not any(c.dep_ == "appos" for t in frontier for c in t.children):
                return first
            for t in frontier:
                for c in t.children:
                    if c.dep_ in skip or c.dep_ == "conj":
                        # "of" phrases inside a noun phrase still belong to it ("officials of China")
                        if not (c.dep_ == "prep" and c.lower_ in ("of", "from") and t.pos_ in ("NOUN", "PROPN")):
                            continue
                    nxt.append(c)
            frontier = nxt
            if not frontier:
                break
        return first

    def _subject(self, verb: Token) -> tuple[list[str], Token | None, bool]:
        """Actors of the clause subject of ``verb`` (inherited when the verb has none)."""
        hop = verb
        for _ in range(4):
            subj = [c for c in hop.children if c.dep_ in SUBJ]
            agent = [c for c in hop.children if c.dep_ == "agent"]
            if agent:
                pobj = [g for g in agent[0].children if g.dep_ == "pobj"]
                if pobj:
                    return self._actors(pobj[0]), pobj[0], hop is verb
            if len(subj) > 1:
                # a misparse gives a verb two subjects ("Patrushev met Yang"): keep the one before it
                before = [c for c in subj if c.i < hop.i]
                subj = before[-1:] or subj[:1]
            if subj:
                if subj[0].dep_ == "nsubjpass" and hop is verb:
                    return [], subj[0], True
                return self._actors(subj[0]), subj[0], hop is verb
            if hop.dep_ == "acl" and hop.head.pos_ == "NOUN":
                # "his decision to increase forces": the possessor of the noun acts
                owners = [c for c in hop.head.children if c.dep_ == "poss"]
                if owners and self._actors(owners[0]):
                    return self._actors(owners[0]), owners[0], False
            if hop.dep_ == "xcomp":
                # object control: "urged Russia to withdraw"
                objs = [c for c in hop.head.children if c.dep_ in ("dobj", "dative")]
                if objs and self._actors(objs[0]):
                    return self._actors(objs[0]), objs[0], False
            if hop.dep_ in ("xcomp", "conj", "advcl", "pcomp", "ccomp") or (
                    hop.dep_ == "pobj" and hop.head.dep_ == "prep"):
                hop = hop.head if hop.dep_ != "pobj" else hop.head.head
                if hop.dep_ == "prep":
                    hop = hop.head
                continue
            if hop.dep_ == "prep" or (hop.dep_ == "pcomp"):
                hop = hop.head
                continue
            break
        return [], None, False

    def _attributed_doer(self, tok: Token) -> list[str]:
        """"blamed the US for arming Ukraine" -> the US is who arms."""
        hop, hops = tok, 0
        while hops < 5 and hop.dep_ in ("pcomp", "pobj", "prep", "conj") and hop.head is not hop:
            hop = hop.head
            hops += 1
            if hop.pos_ == "VERB" and hop.lemma_.lower() in ATTRIBUTING_VERBS:
                objs = [c for c in hop.children if c.dep_ == "dobj"]
                return self._actors(objs[0]) if objs else []
            if hop.pos_ == "VERB" and hop is not tok and hop.dep_ not in ("pcomp",):
                return []
        return []

    def _verb_targets(self, verb: Token, trig: Trigger) -> list[str]:
        out: list[str] = []
        preps = set(trig.target_preps) or TARGET_PREPS
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        for c in verb.children:
            if c.dep_ in OBJ or c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and len(subjects) > 1 and c.i > verb.i):
                out += [a for a in self._actors(c) if a not in out]
        for c in verb.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                for g in c.children:
                    if g.dep_ == "pobj":
                        out += [a for a in self._actors(g) if a not in out]
            if c.dep_ == "prt":
                for g in c.children:
                    if g.dep_ == "pobj":
                        out += [a for a in self._actors(g) if a not in out]
        return out

    def _roles(self, tok: Token, trig: Trigger, sent: Span, sent_actors: list[str],
               prev_actors: list[str]) -> _Found | None:
        if trig.pos == "VERB":
            sources, subj, own = self._subject(tok)
            targets = self._verb_targets(tok, trig)
            accused = self._attributed_doer(tok)
            if accused:
                sources, own = accused, True
            how = "syntax" if own else "inherited"
            if trig.joint:
                if len(sources) >= 2 and not targets:
                    return _Found(sources, [], how, joint=True)
                if not sources and subj is not None and subj.lower_ in PAIR_WORDS | {"two"} or (
                        subj is not None and any(w.lower_ in PAIR_WORDS for w in subj.subtree)
                        and not sources):
                    pair = self._pair(prev_actors, sent_actors)
                    if pair:
                        return _Found(pair, [], "inherited", joint=True)
                if sources and targets:
                    return _Found(sources, targets, how, joint=True)
            if trig.needs_joint_subject:
                return _Found(sources, [], how, joint=True) if len(sources) >= 2 else None
            if sources and targets:
                return _Found(sources, targets, how)
            if len(sources) >= 2 and not targets:
                # "Putin and Xi signed a statement": a shared act, coded both ways
                return _Found(sources, [], how, joint=True)
            return self._fallback(tok, trig, sources, targets, sent_actors)
        # nouns
        sources, targets, joint_actors = self._noun_roles(tok, trig)
        if trig.joint and len(joint_actors) >= 2:
            return _Found(joint_actors, [], "syntax", joint=True)
        if not sources:
            sources = self._governing_subject(tok)
            how = "inherited"
        else:
            how = "syntax"
        if trig.joint and sources and targets:
            return _Found(sources, targets, how, joint=True)
        if trig.joint and len(sources) >= 2 and not targets:
            return _Found(sources, [], how, joint=True)
        if sources and targets:
            return _Found(sources, targets, how)
        if trig.joint and not sources and not targets and _has_pair_word(tok):
            pair = self._pair(prev_actors, sent_actors)
            if pair:
                return _Found(pair, [], "inherited", joint=True)
        return self._fallback(tok, trig, sources, targets, sent_actors)

    def _noun_roles(self, noun: Token, trig: Trigger) -> tuple[list[str], list[str], list[str]]:
        sources: list[str] = []
        targets: list[str] = []
        joint: list[str] = []
        for c in noun.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod", "npadvmod") and c.i in self.actor_of or (
                    c.dep_ in ("poss", "compound", "nmod") and self._nearest_actor(c, 1, frozenset({"prep"}))):
                for a in [self.actor_of.get(c.i) or self._nearest_actor(c, 1, frozenset({"prep"}))] + \
                        [a for g in c.children if g.dep_ == "conj" for a in self._actors(g, 1)]:
                    if a and a not in sources:
                        sources.append(a)
            elif c.dep_ == "prep" and c.lower_ == "between":
                for g in c.children:
                    if g.dep_ == "pobj":
                        joint += [a for a in self._actors(g) if a not in joint]
            elif c.dep_ == "prep" and c.lower_ == "by":
                for g in c.children:
                    if g.dep_ == "pobj":
                        sources += [a for a in self._actors(g) if a not in sources]
            elif c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj":
                        targets += [a for a in self._actors(g) if a not in targets]
            elif c.dep_ == "acl":
                # "a decision to supply Russia", "purchases made from Moscow"
                for g in c.children:
                    if g.dep_ in OBJ:
                        targets += [a for a in self._actors(g) if a not in targets]
        # adjectival pairs: "Sino-Russian trade", "US-China tensions"
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
        mod_actors = _ordered_unique(self.actor_of[t.i] for m in mods for t in m.subtree if t.i in self.actor_of)
        if len(mod_actors) >= 2:
            joint = _ordered_unique(joint + mod_actors)
        if len(joint) < 2 and noun.dep_ in ("nsubj", "dobj", "pobj") and len(sources) >= 2:
            joint = sources
        targets = [t for t in targets if t not in sources]
        return sources, targets, joint

    def _governing_subject(self, noun: Token) -> list[str]:
        """The subject of the verb a noun is the object of ("Beijing has avoided any condemnation")."""
        head = noun.head
        hops = 0
        while hops < 3 and head.pos_ not in ("VERB", "AUX") and head.dep_ in ("prep", "pobj", "dobj", "conj",
                                                                               "appos", "attr"):
            head = head.head
            hops += 1
        if head.pos_ in ("VERB", "AUX") and noun.dep_ != "nsubj":
            actors, _, _ = self._subject(head)
            return actors
        return []

    def _partner(self, source: str, candidates: list[str]) -> str | None:
        """Among several actors in the sentence, the one the document pairs most with ``source``,
        when it clearly leads (articles about a dyad name it again and again)."""
        if not candidates:
            return None
        counts = sorted(((self.cooccur.get((source, c), 0), c) for c in candidates), reverse=True)
        best, second = counts[0], counts[1] if len(counts) > 1 else (0, "")
        return best[1] if best[0] >= 3 and best[0] >= 2 * max(second[0], 1) else None

    def _pair(self, prev_actors: list[str], sent_actors: list[str]) -> list[str] | None:
        pool = _ordered_unique(sent_actors + prev_actors)
        return pool[:2] if len(pool) >= 2 else None

    def _fallback(self, tok: Token, trig: Trigger, sources: list[str], targets: list[str],
                  sent_actors: list[str]) -> _Found | None:
        """One role found by syntax and exactly one other actor in the sentence: pair them."""
        if not self.c.sentence_fallback:
            return None
        if len(sources) == 1 and not targets:
            others = [a for a in sent_actors if a not in sources]
            if len(others) == 1:
                return _Found(sources, others, "sentence", joint=trig.joint)
            partner = self._partner(sources[0], others)
            if partner:
                return _Found(sources, [partner], "partner", joint=trig.joint)
        if len(targets) == 1 and not sources:
            others = [a for a in sent_actors if a not in targets]
            if len(others) == 1:
                return _Found(others, targets, "sentence", joint=trig.joint)
        return None

    # -- negation, modality, date, contexts

    def _governors(self, tok: Token, limit: int = 4) -> Iterator[Token]:
        """The trigger's chain of heads within its clause and the clauses that embed it."""
        hop = tok
        for _ in range(limit):
            if hop.head is hop:
                return
            hop = hop.head
            yield hop

    def _negated(self, tok: Token, trig: Trigger) -> bool:
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in tok.children):
            return True
        if any(c.dep_ in SUBJ and any(g.dep_ == "det" and g.lower_ in ("no", "neither") for g in c.children)
               for c in tok.children):
            return True
        prev = tok
        for gov in self._governors(tok, 4):
            if gov.pos_ == "ADP" and gov.lower_ == "without":
                return True
            if prev.dep_ in ("ccomp", "advcl", "relcl", "csubj", "parataxis") or prev.dep_ == "conj":
                break
            if gov.lemma_.lower() in NEGATING_GOVERNORS or gov.lemma_.lower() in NEGATING_NOUNS:
                return True
            if gov.pos_ in ("VERB", "AUX", "NOUN", "ADJ") and any(c.dep_ == "neg" for c in gov.children) and \
                    prev.dep_ in ("xcomp", "dobj", "pobj", "prep", "pcomp", "attr", "acomp", "oprd", "acl"):
                return True
            if any(c.dep_ == "det" and c.lower_ == "no" for c in gov.children) and gov.pos_ == "NOUN":
                return True
            prev = gov
        return False

    def _modality(self, tok: Token) -> str:
        lemmas: list[str] = []
        aux: set[str] = set()
        clause_marks: set[str] = set()
        for c in tok.children:
            if c.dep_ in ("aux", "auxpass"):
                aux.add(c.lower_)
            if c.dep_ == "mark":
                clause_marks.add(c.lower_)
        prev = tok
        crossed = False
        for gov in self._governors(tok, 5):
            lemmas.append(gov.lemma_.lower())
            if not crossed:
                for c in gov.children:
                    if c.dep_ in ("aux", "auxpass"):
                        aux.add(c.lower_)
                    if c.dep_ == "mark":
                        clause_marks.add(c.lower_)
            if prev.dep_ in ("ccomp", "relcl", "advcl", "parataxis"):
                crossed = True
            prev = gov
        if any(lemma in DENY for lemma in lemmas):
            return "denied"
        if any(lemma in ALLEGE for lemma in lemmas):
            return "alleged"
        if any(lemma in ("accuse", "suspect", "allege") for lemma in lemmas[:4]) and self._attributed_doer(tok):
            return "alleged"
        if aux & HYPOTHETICAL_AUX or clause_marks & {"if", "unless", "whether"} or \
                any(lemma in HYPOTHETICAL_GOVERNORS for lemma in lemmas):
            return "hypothetical"
        if aux & FUTURE_AUX or any(lemma in INTENDED_GOVERNORS for lemma in lemmas[:3]):
            return "intended"
        if tok.tag_ == "VBG" and tok.dep_ == "xcomp" and tok.head.lemma_ in ("continue", "keep"):
            return "intended" if any(c.lower_ in FUTURE_AUX for c in tok.head.children) else "actual"
        return "actual"

    def _date(self, tok: Token, sent: Span, *, future: bool) -> str | None:
        dates = [e for e in sent.ents if e.label_ == "DATE"]
        # time expressions the recogniser missed ("This month's meeting")
        covered = {t.i for e in dates for t in e}
        for m in _TIME_EXPRESSION.finditer(sent.text):
            span = sent.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and not covered & {t.i for t in span}:
                dates.append(span)
        if not dates:
            return None
        # prefer a date attached to the trigger's own clause, then the nearest in the sentence
        clause = {t.i for t in tok.subtree}
        for gov in self._governors(tok, 2):
            if gov.pos_ in ("VERB", "AUX"):
                clause |= {t.i for t in gov.children for t in t.subtree if t.dep_ not in ("ccomp", "relcl")}
                break
        ranked = sorted(dates, key=lambda e: (0 if e.start in clause else 1, abs(e.start - tok.i)))
        for ent in ranked:
            resolved = resolve_date(ent.text, self.ref, future=future)
            if resolved:
                return resolved
        return None

    def _contexts(self, sent: Span, trig: Trigger) -> list[str]:
        words = {t.lower_ for t in sent}
        out = [name for name, vocab in CONTEXT_WORDS.items() if words & vocab]
        for c in trig.contexts:
            if c not in out:
                out.append(c)
        return out


def _refine_dates(events: list[dict[str, Any]]) -> None:
    """An action told twice in one article is one action: where the same type and pair has a
    day-precise date in the same month, a month-precise mention takes it."""
    precise: dict[tuple[Any, ...], set[str]] = {}
    for e in events:
        if e["date"] and len(e["date"]) == 10 and not e["negated"]:
            precise.setdefault((frozenset((e["source"], e["target"])), e["type"]), set()).add(e["date"])
    for e in events:
        if e["date"] and len(e["date"]) == 7:
            days = {d for d in precise.get((frozenset((e["source"], e["target"])), e["type"]), ()) if
                    d.startswith(e["date"])}
            if len(days) == 1:
                e["date"] = days.pop()


def _pairs(found: _Found) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    if found.joint and not found.targets:
        for a in found.sources:
            for b in found.sources:
                if a != b:
                    pairs.append((a, b))
        return pairs
    for s in found.sources:
        for t in found.targets:
            if s != t:
                pairs.append((s, t))
                if found.joint:
                    pairs.append((t, s))
    return _ordered_unique(pairs)


def _past_tense(tok: Token) -> bool:
    """The trigger, or the verb governing a noun trigger, is in a past tense."""
    verb = tok
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.lower_ in ("had", "has", "have", "was", "were") for c in verb.children
                                      if c.dep_ in ("aux", "auxpass"))


def _modified_by(tok: Token, words: set[str]) -> bool:
    return any(c.lower_ in words or c.lemma_.lower() in words for c in tok.children
               if c.dep_ in ("amod", "compound", "nmod", "advmod", "npadvmod"))


def _has_pair_word(tok: Token) -> bool:
    return any(c.lower_ in PAIR_WORDS for c in tok.subtree) or any(
        c.lower_ in PAIR_WORDS for c in tok.head.children if c.dep_ in SUBJ)


def _ordered_unique(items: Iterable[Any]) -> list[Any]:
    seen: set[Any] = set()
    out = []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

