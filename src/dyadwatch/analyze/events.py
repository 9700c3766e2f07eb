"""``dyadwatch_events``: PLOVER events between actors, read off the dependency parse.

For every sentence, every trigger word (a verb or noun in the event dictionary,
``dyadwatch.events.v2``: v1 and about 650 more triggers) whose parse links it to two distinct actors becomes an event:

- **roles**: a verb's subject is the source (the ``by`` agent of a passive; inherited through
  ``xcomp``/``conj``/``pcomp``/``advcl``/``ccomp`` chains, from the object of "urge X to …" and
  "warn X against …-ing", from the possessor of a noun the clause hangs on ("Beijing's reason for
  supporting Moscow"), and for an infinitive on a bare noun from that noun's clause ("with
  refusals to send aid, Beijing …")), its object or prepositional object
  (with/to/against/on/into/at/from/for/toward) the target. A noun's possessor or actor adjective is
  its source ("Russia's invasion", "Chinese purchases"), its of/to/against/on object its target,
  a ``from`` phrase its giver for AID/SUPPORT ("support from China"); a noun with no source of its
  own takes the subject of the verb it is the object of ("Beijing has avoided any condemnation of
  …"), a light verb's prepositional object as its target ("sent aid to Russia"), and after a
  receiving verb the receiver is the target ("Russia received aid from China").
- **mediators**: the agent of a mediating participle on a trigger noun ("talks mediated by
  Qatar", "a US-brokered deal", ``mediating_verbs``) is no party to the act: it consults each
  party (CONSULT, third-party).
- **not events**: what is asked for or threatened ("demand for talks", "threatened X with
  sanctions"), a noun modifying another trigger noun ("export controls"), a refusal whose
  complement is itself a trigger ("refused to send troops": only the sending, negated), and
  commerce that a restriction bears on or a grievance names ("barriers to U.S. exports", "unfair
  trade practices": ``restricting_nouns``, ``hostile_modifiers``).
- **acts about acts**: a cooperative act promised ("agreed to lift embargoes on Iran", "is
  willing to withdraw from Lebanon", ``promising_governors``) is also the promiser's AGREE with
  its target, and one refused ("refused to meet Jordan's king", ``refusing_governors``) the
  refuser's REJECT of it, both told as done (PLOVER: agree to, promise; all refusals); a verb of
  saying whose clause says another actor must or should act ("said that Sudan must return the
  helicopter", ``demanding_verbs``, ``obligation_aux``) is a REQUEST to it; a verb of calling
  or saying that judges an act as wrong ("labelled the blockade provocative", "said the envoy's
  speech was outrageous", ``calling_verbs``, ``disapproving_words``) is an ACCUSE (criticise) of the
  judged thing's doer, one that judges an act or relationship as good or needed ("said Kenyan-Ethiopian
  cooperation was vital", ``approving_words``) a SUPPORT of its parties; a crowd's
  criticism or defiance ("demonstrators ... showed their disapproval", ``crowd_nouns``) is a PROTEST.
- **targets told elsewhere**: a threat with no target of its own threatens the target of the act
  it announces ("threatened to break off relations with Costa Rica", ``intent_target_types``); a
  stance told with a participle and "to" is its passive subject's ("Israel is opposed to French
  mediation", ``stative_participles``).
- **joint actions** ("A and B met", "A and B signed an agreement", "the Sino-Russian summit",
  "talks between A and B", "the two leaders met", "their meeting") are coded in both directions,
  as is any act whose noun names its two parties in a "between" phrase ("a peace agreement
  between A and B") and an agreement, meeting or cooperation with two doers ("the deal inked by
  A and B"); a pair word stands for the people just named, else the pair of recent actors the document
  names together most (a capital named as a place is not a party). A shared act named with no
  party at all ("the meeting proved useful"; "raised during negotiations" right after a sentence
  naming one side; "issues were discussed", "a treaty cannot be signed, Aliyev said") is the act
  of the pair the article is about.
- **negation**: a ``neg`` on the trigger or on the verbs that govern it, a "no" determiner on
  it or on its subject (not "no limits to"), "without", and governing verbs such as
  avoid/refuse/fail — but a noun with its own doer is not negated by what someone else refuses,
  and a third party's verb ("the EU will not join the US boycott") changes neither the negation
  nor the modality of an act with its own doer (the joiner gets the act too).
- **modality**: denied (under deny), alleged (under allege/claim/believe/accuse … of),
  hypothetical (may/might/could/would, if, consider/contemplate, possibility, "against …-ing"),
  intended (will/shall, plan/promise/pledge/aim/seek/prepare, "be set to"), else actual.
- **date**: a date expression of the trigger's own clause or noun phrase; for an actual event
  also one of a clause governing it or completing it; never one of an unrelated clause, nor the
  page's own date line ("date 2023-12-20", "Published On …"). An actual past event with no date
  takes the single date of the previous sentence's events (after those are refined), unless its
  clause is background or told as of now ("has now escalated"), or that date moved by the days
  its own expression counts from it ("the next day", "two days later"); a day counted from another
  event ("20 days before Russia invaded") leaves it undated; an event told again by a
  definite noun ("the diplomatic engagement") takes the date of the event of its type and pair
  just before (a shared act naming no party: told anywhere before); the article's news takes the
  lead's news day or the publication date (GUIDE.md, Conventions; ``_news_of_the_day``), but not an
  act named as the start of a span ("since the reconciliation"); so does a plan told by an undated
  statement in the past ("'We will build the bridge together,' the minister said": the
  statement is the news). Resolved against ``doc._.dw_ref_date`` by
  ``dyadwatch.analyze.dates``.
- **intensity** from ``dyadwatch.intensity.v1`` (mean Goldstein of the CAMEO codes mapped to the
  type; 0 when negated), **contexts** from the words of the sentence, a **confidence** from how
  the roles were found.

Sets ``doc._.dw_events``: plain dicts with the keys of ``EVENT_KEYS`` (an empty list when the
pipeline has no dependency parse).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator, Set
from datetime import timedelta
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyadwatch.analyze.actors import ActorResolver
from dyadwatch.analyze.dates import narrative_offset, parse_iso, resolve_date
from dyadwatch.analyze.docview import doc_sents, doc_text, doc_tokens
from dyadwatch.analyze.modes import event_mode
from dyadwatch.analyze.paragraphs import trim_span
from dyadwatch.dictionaries.events import load_event_dictionaries
from dyadwatch.dictionaries.plover import codebook
from dyadwatch.dictionaries.words import WordLists, word_lists
from dyadwatch.records import Event

#: the keys of an event dict: every field of ``Event`` but the sentence (cut from the text), so a
#: field added to the record is carried as soon as the coder fills its key
EVENT_KEYS = tuple(f.name for f in fields(Event) if f.name != "sentence")
PLOVER_TYPES = codebook().type_names

for _ext in ("dw_events", "dw_mentions", "dw_ref_date"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)

SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
OBJ = {"dobj", "dative", "attr", "oprd"}
#: types that move forces: a passive subject ("Russian troops were deployed") names the mover
FORCE_TYPES = {"MOBILIZE", "RETREAT"}
#: uses of force whose place is their target: "the campaign in Ukraine", "troops on alert in Lebanon"
PLACE_TARGET_TYPES = {"ASSAULT", "MOBILIZE", "COERCE"}
#: types whose noun names the giver in a "from" phrase ("support from China")
GIVING_TYPES = {"AID", "SUPPORT"}
#: types whose noun names its doer in a "from" phrase: the givers, and acts of words aimed at
#: someone ("sharp criticism from Beijing", "threats from the US"); not acts of commerce or of
#: moving away ("imports from Russia", "a withdrawal from Syria"), nor a demand, whose "from" names
#: who is asked ("seek reimbursement from Japan")
FROM_DOER_TYPES = frozenset(GIVING_TYPES | {"ACCUSE", "THREATEN"})
#: acts of words said to someone: with their sayer named and no target, the one who answers,
#: heeds or turns them down is whom they were said to (``_answerers``); a request names its sayer
#: in a "from" phrase only right after its noun and not after a verb of receiving (``_asker``)
SAID_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN"})
#: types whose act, named by a noun with two doers and no target, the doers share ("the deal inked
#: by A and B"); not one-sided acts such as "US and EU sanctions", which both aim at a third party
SHARED_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
#: types of a relationship between parties that a judgement as good or needed supports ("Kenyan-
#: Ethiopian cooperation is vital"); not an act of commerce or money alone judged ("Chinese loans")
PARTNER_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "AID", "SUPPORT"})
#: shared acts of words whose "on"/"over" phrase is their topic ("talks with Russia on Ukraine",
#: "the spat with Japan over Taiwan"), unlike a sanction or an attack "on" its target
TOPIC_TYPES = frozenset({"AGREE", "CONSULT", "ACCUSE"})
#: acts of commerce that a restricting act's noun may name as the thing it restricts ("barriers to
#: exports"), and the types of those restricting acts
RESTRICTED_TYPES = frozenset({"COOPERATE"})
#: acts whose promise is an agreement with their target (PLOVER AGREE: agree to, promise or offer
#: help, talks, concessions); a promise of force or penalties is a threat, not coded here
PROMISED_TYPES = frozenset({"CONSULT", "COOPERATE", "AID", "SUPPORT", "CONCEDE", "RETREAT"})
#: acts whose refusal is a rejection of their target (PLOVER REJECT: refuse to meet, yield, change
#: or agree); refusing to use force, or to send troops or aid, is only the act negated (as before)
REFUSED_TYPES = frozenset({"CONSULT", "COOPERATE", "SUPPORT", "CONCEDE", "RETREAT", "AGREE"})
RESTRICTING_TYPES = frozenset({"SANCTION", "COERCE"})
#: sentences an actor and its counterpart share before a one-sided act is read as towards it
COUNTERPART_MIN = 3
#: confidence of a shared act whose parties no word of its sentence names ("In the end, the meeting
#: went well"): the article's main pair, the weakest reading of who acted; the stance reads the
#: picture from the acts whose parties are named (``dyadwatch.analyze.stance``)
MAIN_PAIR_CONFIDENCE = 0.2
#: sentences the pair of a story's lead must share to be its pair when a third party is named often too
LEAD_PAIR_MIN = 2
#: how many sentences back "the agreement" may look for the agreement whose parties were named
ANAPHOR_SENTENCES = 4
#: acts that, with no other party in the sentence, are towards the other side of the article's
#: pair; force (ASSAULT, MOBILIZE) is left out: it often aims at a third party the sentence omits
COUNTERPART_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "AID", "SUPPORT", "CONCEDE", "SANCTION",
                               "REJECT", "RETREAT", "REQUEST", "ACCUSE", "THREATEN", "PROTEST", "COERCE"})
#: acts of words and meetings, done at a place, not to it: a state named only as where one was told,
#: signed or held ("Norway signed the agreement in Berlin", "Speaking in Washington, the minister
#: rejected the plan") is no party to it (``_named_as_scene``); material acts are often aimed at the
#: place they happen in: force, sanctions, aid, trade, withdrawals ("attacked positions in Syria",
#: "invested in a plant in China"), concessions ("eased restrictions in Gaza", "released prisoners
#: in Syria") and protests ("blockaded a port in Turkey")
SCENE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "REJECT", "REQUEST", "ACCUSE", "THREATEN"})


@dataclass(frozen=True)
class EventWords:
    """The words of one language the coder reads roles, negation, modality, tense and contexts by.

    Read from ``dictionaries/data/<lang>/events.v<N>.json`` (``dyadwatch.dictionaries.words``),
    whose ``_doc`` says what each list is for; a field per list, so a file that lacks one fails
    when the component is made, not on the first sentence that needs it.
    """

    pair_words: frozenset[str]
    pair_nouns: frozenset[str]
    definite_pair_nouns: frozenset[str]
    reciprocal_words: frozenset[str]
    reciprocal_nouns: frozenset[str]
    context_words: dict[str, frozenset[str]]
    speech_verbs: frozenset[str]
    background_adverbs: frozenset[str]
    background_spans: frozenset[str]
    target_preps: frozenset[str]
    noun_target_preps: frozenset[str]
    topic_preps: frozenset[str]
    object_control_preps: frozenset[str]
    place_preps: frozenset[str]
    relative_pronouns: frozenset[str]
    anaphors: frozenset[str]
    definite_determiners: frozenset[str]
    now_words: frozenset[str]
    result_preps: frozenset[str]
    planned_modifiers: frozenset[str]
    ahead_words: frozenset[str]
    attributing_verbs: frozenset[str]
    light_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    addressee_preps: frozenset[str]
    answering_verbs: frozenset[str]
    relaying_verbs: frozenset[str]
    unagentive_verbs: frozenset[str]
    expecting_verbs: frozenset[str]
    quantity_request_nouns: frozenset[str]
    deferring_adverbs: frozenset[str]
    purpose_preps: dict[str, frozenset[str]]
    purpose_act_types: dict[str, frozenset[str]]
    undergoing_verbs: frozenset[str]
    evaluating_verbs: frozenset[str]
    joining_verbs: frozenset[str]
    mediating_verbs: frozenset[str]
    negating_governors: frozenset[str]
    negating_adverbs: frozenset[str]
    negating_nouns: frozenset[str]
    limit_nouns: frozenset[str]
    restricting_nouns: frozenset[str]
    hostile_modifiers: frozenset[str]
    promising_governors: frozenset[str]
    refusing_governors: frozenset[str]
    demanding_verbs: frozenset[str]
    demanding_nouns: frozenset[str]
    self_reference_words: frozenset[str]
    crowd_nouns: frozenset[str]
    obligation_aux: frozenset[str]
    disapproving_words: frozenset[str]
    calling_verbs: frozenset[str]
    membership_nouns: frozenset[str]
    forum_nouns: frozenset[str]
    occasion_nouns: frozenset[str]
    spoken_from_verbs: frozenset[str]
    visit_verbs: frozenset[str]
    occasion_preps: frozenset[str]
    party_nouns: frozenset[str]
    deny: frozenset[str]
    allege: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_governors: frozenset[str]
    intended_governors: frozenset[str]
    future_aux: frozenset[str]
    intent_target_types: frozenset[str]
    clause_target_types: frozenset[str]
    stative_participles: frozenset[str]
    participating_participles: frozenset[str]
    exchanging_verbs: frozenset[str]
    material: frozenset[str]
    kept_hyphen_prefixes: frozenset[str]
    repeating_prefixes: frozenset[str]
    generic_modifiers: frozenset[str]
    presence_preps: frozenset[str]
    depicting_verbs: frozenset[str]
    approving_words: frozenset[str]
    disapproval_topic_preps: frozenset[str]
    several_party_modifiers: frozenset[str]
    company_preps: frozenset[str]
    doer_preps: frozenset[str]
    partner_preps: frozenset[str]
    part_preps: frozenset[str]
    absence_words: frozenset[str]
    judged_act_nouns: frozenset[str]
    official_nouns: frozenset[str]
    relationship_nouns: frozenset[str]
    aid_infinitives: frozenset[str]

    @classmethod
    def of(cls, lists: WordLists) -> EventWords:
        """RAISES: DictionaryFormatError (DW258) naming the file and the list it lacks."""
        return lists.fill(cls)


_TIME_EXPRESSION = re.compile(
    r"\b(?:(?:this|last|next|past|previous|coming)\s+(?:week|month|year|spring|summer|autumn|fall|winter)"
    r"|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:a|one|two|three|four|five|six|\d+)\s+(?:day|week|month|year)s?\s+ago"
    r"|this\s+(?:morning|afternoon|evening)|tonight|last\s+night|yesterday|today|tomorrow"
    r"|(?:(?:this|last|past|previous|next|coming|the)\s+)weekend)\b", re.IGNORECASE)
#: a page's own date label opening a line ("date 2023-12-20", "Published On 22 Nov 2025"): the
#: date after it is when the page appeared, no time expression of the sentence it runs into
_DATE_LABEL = re.compile(
    r"(?:^|\n)[ \t]*(?:(?:first|originally|last)\s+)?(?:published|posted|updated|modified|date)(?:\s+on)?"
    r"[ \t]*[:\-–—|]?[ \t]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    mode: str | None = None
    joint: bool = False
    particle: str | None = None
    #: the object the particle preposition must have ("war_of_words": "a war of words", not "a
    #: war of aggression")
    particle_object: str | None = None
    needs_object: bool = False
    #: the particle may hang on the verb's direct object, where the parser often puts it ("seek
    #: compensation from Japan" is "seek_from")
    particle_on_object: bool = False
    needs_modifier: tuple[str, ...] = ()
    needs_joint_subject: bool = False
    needs_prep: tuple[str, ...] = ()
    not_objects: tuple[str, ...] = ()
    needs_head: tuple[str, ...] = ()
    #: only with a bare or "to" infinitive completing the verb: "help Iran build a reactor" is
    #: help with an act (cooperation), where "help Ukraine (with weapons)" gives aid; a restricted
    #: sense, it takes the word from its unrestricted ones when it fits
    needs_clause: bool = False
    target_preps: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    #: the event dictionary the trigger comes from (the built-in one or a plugin's)
    dictionary: str = ""


@dataclass
class Lexicon:
    name: str
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)

    def lookup(self, token: Token, prefixes: Set[str] = frozenset(), repeating: Set[str] = frozenset()) -> list[Trigger]:
        table = self.verbs if token.pos_ in ("VERB", "AUX") or _verb_in_function(token) \
            else self.nouns if token.pos_ in ("NOUN", "PROPN") else None
        if table is None:
            return []
        found = table.get(token.lemma_.lower(), []) or table.get(token.lower_, [])
        if found:
            return self._senses(token, found)
        prefix, _, stem = token.lemma_.lower().partition("-")
        if not stem or prefix not in prefixes:
            return []
        # a word the tokenizer keeps whole ("re-establish", "de-escalate"; kept_hyphen_prefixes)
        # is the lexicon's word without its hyphen ("reestablish"), else, for a prefix that repeats
        # the act, the word after it ("re-establish their embassies" is "establish_embassies",
        # "re-deploy" is "deploy"); "de-" undoes the act, so "de-escalate" is never "escalate"
        senses = self._senses(token, table.get(prefix + stem, []))
        if not senses and prefix in repeating:
            senses = self._senses(token, table.get(stem, []))
        return senses

    @staticmethod
    def _senses(token: Token, found: list[Trigger]) -> list[Trigger]:
        """The entries of ``found`` that ``token``'s particle, object or preposition select."""
        if not found:
            return []
        # a particle ("call out") binds tighter than an adverb or object ("come together", "stand
        # side by side", "cut ties"), which binds tighter than a preposition ("call on", "stand by")
        # (a passive subject is the verb's object: "relations were restored")
        for deps in (("prt",), ("advmod", "dobj", "npadvmod", "nsubjpass"), ("prep",)):
            # a preposition whose object is a time is no particle: "called his counterpart on
            # Tuesday" is a call, not "call on"
            words = {c.lower_ for c in token.children if c.dep_ in deps and not (
                c.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children))}
            if "dobj" in deps and token.dep_ == "acl" and token.tag_ in ("VBN", "VBD"):
                # "the deal, struck in Beijing": a participle's noun is its object
                words.add(token.head.lower_)
            if "dobj" in deps and token.tag_ in ("VBN", "VBD") and not any(
                    c.dep_ in ("dobj", "aux", "auxpass") for c in token.children) and _in_headline(token):
                # "Chilean-Peruvian ties resumed" (a headline's passive, no auxiliary): the
                # subject of a participle with no object of its own is what was acted on. Only in
                # the headline, whose participle the tagger reads as a past tense (VBD) too; in
                # the text a past tense with no object is no passive ("Chile retaliated")
                words |= {c.lower_ for c in token.children if c.dep_ == "nsubj"}
            if "prep" in deps:
                # "calls for both to calm tensions": the parser makes "for" the marker of the
                # clause it introduces, not a preposition of the noun
                words |= {m.lower_ for c in token.children if c.dep_ in ("advcl", "acl")
                          for m in c.children if m.dep_ == "mark" and m.i == c.left_edge.i}
            with_particle = [t for t in found if t.particle and t.particle in words and (
                t.particle_object is None or any(
                    c.lower_ == t.particle and g.dep_ == "pobj" and t.particle_object in (g.lower_, g.lemma_.lower())
                    for c in token.children if c.dep_ == "prep" for g in c.children))]
            if with_particle:
                return with_particle
        if token.pos_ in ("VERB", "AUX"):
            # "seek compensation from Japan": the parser hangs the verb's preposition on its
            # object; the verb takes a preposition of its object that it has not itself
            words = {p.lower_ for p in _object_preps(token)} - {c.lower_ for c in token.children if c.dep_ == "prep"}
            with_particle = [t for t in found if t.particle_on_object and t.particle in words]
            if with_particle:
                return with_particle
        return [t for t in found if not t.particle]


def _misread_finite(verb: Token) -> bool:
    """A participle the parser hangs on the root noun of a sentence that has no verb of its own
    and ends with a full stop: the sentence's finite verb, misread ("Turkish and Greek leadership
    called Wednesday for dialogue.") — not a headline's participle ("Deal signed Wednesday")
    nor a passive one ("the deal signed by Aliyev")."""
    root = verb.head
    return verb.tag_ in ("VBN", "VBD") and root.dep_ == "ROOT" and root.pos_ in ("NOUN", "PROPN") \
        and not any(c.dep_ == "agent" for c in verb.children) \
        and not any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "conj") and t.head.i == root.i
                    and t.i != verb.i for t in root.children) \
        and _ends_sentence(verb.sent)


def _object_preps(verb: Token) -> list[Token]:
    """The prepositions hung on a verb's direct object ("sought compensation from Japan")."""
    return [p for c in verb.children if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep"]


def _verb_in_function(token: Token) -> bool:
    """A word tagged as a noun that heads a clause with a subject and an object: a verb the
    tagger misread, most often in a headline ("Japan and China exchange barbs")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    deps = {c.dep_ for c in token.children}
    return "nsubj" in deps and "dobj" in deps


def read_lexicon(text: str, name: str = "") -> Lexicon:
    lex = Lexicon(name=name)

    def flag(row: dict[str, Any], key: str) -> bool:
        # a flag written as a string ("false") would read as set: refuse it
        value = row.get(key, False)
        if not isinstance(value, bool):
            raise ValueError(f"event dictionary {lex.name or '(unnamed)'}: trigger {row.get('lemma')!r} has "
                             f"'{key}': {value!r}; write true or false (JSON booleans)")
        return value

    for line in text.splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("label") == "DICTIONARY":
            lex.name = row["name"]
            continue
        lemma = row["lemma"]
        particle = particle_object = None
        if "_" in lemma:
            lemma, particle = lemma.split("_", 1)
            particle, _, particle_object = particle.partition("_")
        trig = Trigger(lemma=lemma, pos=row["pos"], type=row["type"], mode=row.get("mode"),
                       joint=flag(row, "joint"), particle=particle, particle_object=particle_object or None,
                       needs_object=flag(row, "needs_object"),
                       particle_on_object=flag(row, "particle_on_object"),
                       needs_modifier=tuple(row.get("needs_modifier", ())),
                       needs_joint_subject=flag(row, "needs_joint_subject"),
                       needs_prep=tuple(row.get("needs_prep", ())),
                       not_objects=tuple(row.get("not_objects", ())),
                       needs_head=tuple(row.get("needs_head", ())),
                       needs_clause=flag(row, "needs_clause"),
                       target_preps=tuple(row.get("target_preps", ())), contexts=tuple(row.get("contexts", ())),
                       dictionary=lex.name)
        table = lex.verbs if trig.pos == "VERB" else lex.nouns
        table.setdefault(lemma, []).append(trig)
    return lex


def with_triggers(base: Lexicon, extra: Lexicon) -> Lexicon:
    """``base`` with the triggers of ``extra`` (a plugin's event dictionary): the triggers ``extra``
    gives for a lemma (with its particle, "call_off") and part of speech replace those ``base``
    gives for it; the lemma's other triggers stay. ``base`` is left as it was (it is shared by
    every coder that loaded it)."""

    def merged(ours: dict[str, list[Trigger]], theirs: dict[str, list[Trigger]]) -> dict[str, list[Trigger]]:
        out = dict(ours)
        for lemma, triggers in theirs.items():
            particles = {t.particle for t in triggers}
            out[lemma] = [t for t in ours.get(lemma, ()) if t.particle not in particles] + triggers
        return out

    return Lexicon(name=base.name, verbs=merged(base.verbs, extra.verbs), nouns=merged(base.nouns, extra.nouns))


@lru_cache(maxsize=8)
def load_lexicon(name: str) -> Lexicon:
    data = resources.files("dyadwatch.dictionaries").joinpath("data", f"{name}.jsonl").read_text(encoding="utf-8")
    return read_lexicon(data, name)


@lru_cache(maxsize=1)
def load_intensity() -> dict[str, Any]:
    data = resources.files("dyadwatch.dictionaries").joinpath("data", "dyadwatch.intensity.v1.json")
    return dict(json.loads(data.read_text(encoding="utf-8")))


def intensity_of(type_: str, mode: str | None) -> float:
    """The mode's own intensity when it has one, else the type's default (the PLOVER codebook)."""
    table = load_intensity()
    if mode and f"{type_}:{mode}" in table["modes"]:
        return float(table["modes"][f"{type_}:{mode}"])
    return codebook().intensity_of[type_]


# ------------------------------------------------------------------------------ component


#: acts of disapproval: their target may be named as the doer of the act disapproved of
DISAPPROVAL_TYPES = frozenset({"ACCUSE", "PROTEST", "REJECT"})
#: share of a headline's longer words (not actors) written capitalised that makes it title case
TITLE_CASE_SHARE = 0.75
#: kinds of actor mention that are people: one named, or an official named by a title
PEOPLE_KINDS = frozenset({"person", "title"})
#: the actor dictionary of people named by a title (their names come from the entity recogniser)
TITLES_DICTIONARY = "dyadwatch.titles"


class EventCoder:
    """Codes PLOVER events; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "dyadwatch_events", *, dictionary: str = "dyadwatch.events.v2",
                 sentence_fallback: bool = True, lang: str = "en") -> None:
        self.name = name
        self.dictionary = dictionary
        self.lexicon = load_lexicon(dictionary)
        # triggers that plugins add (``register_event_dictionaries``), in registration order
        for extra in load_event_dictionaries():
            self.lexicon = with_triggers(self.lexicon, read_lexicon(extra.text, extra.name))
        self.sentence_fallback = sentence_fallback
        # the closed-class words of the text's language (dictionaries/data/<lang>/events.v<N>.json)
        self.lang = lang
        self.words = EventWords.of(word_lists("events", lang))
        self.nlp = nlp
        #: title-case headlines parsed a second time (``_recased_headline``), for the cost bench
        self.reparsed_headlines = 0

    def __call__(self, doc: Doc) -> Doc:
        self._prefixed_lemmas(doc)
        # roles are read off the dependency parse: without one there is nothing to code
        events: list[dict[str, Any]] = []
        if doc.has_annotation("DEP"):
            coder = _DocCoder(self, doc)
            events = coder.run()
            added = self._recased_headline(doc, coder, events)
            if added:
                events = sorted(events + added, key=lambda e: (e["start"], e["trigger_start"] or 0))
        # each side's type as the actor resolver found it (so no later stage asks the dictionaries)
        types = {m["code"]: m.get("actor_type") for m in doc._.dw_mentions or () if m.get("actor_type")}
        for e in events:
            e["source_type"], e["target_type"] = types.get(e["source"]), types.get(e["target"])
        doc._.dw_events = events
        return doc

    def _recased_headline(self, doc: Doc, coder: _DocCoder, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Events of a headline written in title case, read again in sentence case.

        The tagger reads a capitalised word as a name: in "Chilean-Peruvian Diplomatic Ties Resumed
        Following Border Dispute" or "Norway Commends Sweden for Its Handling of the Crisis" the
        verb becomes a proper noun and the parse has no act in it. The headline is parsed again (by the pipeline up to this
        component, so its actors are found the same way) with every capitalised word lower-cased
        but the first, the actors' own words and acronyms; the events found there on a pair the
        headline has none for are added, at the headline's place in the text, dated as this
        document's coder dates the headline's news (the headline alone has no lead to date it by).

        A second parse costs as much as the headline's first: it is made only for a headline in
        title case that names an actor, in a document that names two, counting the names found
        standing alone (one actor makes no pair, no event)."""
        first = coder._headline_start()
        head = next((s for s in doc_sents(doc) if s.start == first), None)
        if head is None or not any(i in coder.actor_of for i in range(head.start, head.end)):
            return []
        words = [t for t in head if t.is_alpha and len(t) > 3 and t.i not in coder.actor_of]
        if len(words) < 2 or sum(t.text[0].isupper() for t in words) < TITLE_CASE_SHARE * len(words):
            return []
        text = doc_text(doc)
        chars = list(text[head.start_char:head.end_char])
        # the words of a state, body or leader the dictionaries name keep their capital; so do
        # those of a person the entity recogniser found beside a title, unless they are verbs
        # ("France Leader Criticizes Germany" is no person named "Criticizes Germany")
        named: dict[int, bool] = {}
        for m in doc._.dw_mentions or ():
            by_title = str(m.get("dictionary") or "").startswith(TITLES_DICTIONARY)
            span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            for t in span or ():
                named[t.i] = named.get(t.i, False) or not by_title
        lowered = [t for t in head if not (
            t.i == head.start or named.get(t.i) or t.is_upper and len(t) <= 5 or not t.text[:1].isupper()
            or t.i in named and not self._verb_word(t)) and len(t.text.lower()) == len(t.text)]
        if not lowered:
            return []
        # (a name the title case hid from the dictionaries, or inside a person the recogniser
        # made of a title and the words after it, is found when it stands alone: "Kenya and
        # Uganda Begin Joint Naval Exercises", "Norway Leader Criticizes Sweden")
        capitalised = [t for t in head if t.is_alpha and t.text[:1].isupper()]
        alone = self._actors_alone("\n\n".join(t.text for t in capitalised), doc)
        starts: dict[int, int] = {}
        at = 0
        for t in capitalised:
            starts[t.i] = at
            at += len(t.text) + 2
        found = [m for m in alone._.dw_mentions or ()
                 if not str(m.get("dictionary") or "").startswith(TITLES_DICTIONARY)]
        if len(set(coder.actor_of.values()) | {m["code"] for m in found}) < 2:
            return []  # one actor makes no pair
        names = {m["start"] for m in found}
        for t in lowered:
            if starts.get(t.i) not in names:
                rel = t.idx - head.start_char
                chars[rel:rel + len(t.text)] = t.text.lower()
        recased = self._up_to_here("".join(chars), doc)
        coded = {frozenset((e["source"], e["target"])) for e in events
                 if e["start"] < head.end_char and e["end"] > head.start_char}
        out = []
        self.reparsed_headlines += 1
        recoder = _DocCoder(self, recased)
        for e in recoder.run():
            if frozenset((e["source"], e["target"])) in coded:
                continue
            e = {**e, "start": e["start"] + head.start_char, "end": e["end"] + head.start_char}
            if e["date"] is not None and e["date"] == recoder.news_date:
                e["date"] = coder.news_date  # the news of the document, not of the headline alone
            if e.get("trigger_start") is not None:
                e["trigger_start"] += head.start_char
                e["trigger_end"] += head.start_char
                e["trigger"] = text[e["trigger_start"]:e["trigger_end"]]
            out.append(e)
        return out

    def _up_to_here(self, text: str, doc: Doc, only: type | None = None) -> Doc:
        """``text`` through the pipeline up to this component (or only its components of type
        ``only``), with ``doc``'s document fields."""
        out = self.nlp.make_doc(text)
        for ext in ("dw_ref_date", "dw_url", "dw_title"):
            setattr(out._, ext, getattr(doc._, ext))
        for name, component in self.nlp.pipeline:
            if name == self.name:
                break
            if only is None or isinstance(component, only):
                out = component(out)
        return out

    def _actors_alone(self, text: str, doc: Doc) -> Doc:
        """``text``, words standing alone, through the actor dictionaries only: a name is looked up,
        no tagger, parser or entity recogniser is needed to find it."""
        return self._up_to_here(text, doc, only=ActorResolver)

    def _verb_word(self, tok: Token) -> bool:
        """Whether the word, read as a verb, is one of the lemmatizer's known verbs."""
        if "lemmatizer" not in self.nlp.pipe_names:
            return False
        lemmatizer: Any = self.nlp.get_pipe("lemmatizer")  # spaCy's Lemmatizer (a compiled class)
        if not hasattr(lemmatizer, "rule_lemmatize") or "lemma_index" not in lemmatizer.lookups.tables:
            return False
        verbs = lemmatizer.lookups.get_table("lemma_index").get("verb", ())
        word = Doc(tok.doc.vocab, words=[tok.lower_])
        word[0].pos_ = "VERB"
        return any(lemma in verbs for lemma in lemmatizer.rule_lemmatize(word[0]))

    def _prefixed_lemmas(self, doc: Doc) -> None:
        """The lemma of a word kept whole after a prefix ("re-opened", see ``kept_hyphen_prefixes``)
        is the prefix and the lemma of the word after it ("re-open"): the rule lemmatizer, which
        does not know the word, cuts its ending wrong ("re-opene")."""
        if "lemmatizer" not in self.nlp.pipe_names:
            return
        lemmatizer = self.nlp.get_pipe("lemmatizer")
        for tok in doc_tokens(doc):
            prefix, _, stem = tok.lower_.partition("-")
            if stem and prefix in self.words.kept_hyphen_prefixes and stem.isalpha() and \
                    tok.pos_ in ("VERB", "NOUN", "ADJ", "AUX"):
                word = Doc(doc.vocab, words=[stem])
                word[0].pos_, word[0].tag_ = tok.pos_, tok.tag_
                lemmas = lemmatizer.rule_lemmatize(word[0]) if hasattr(lemmatizer, "rule_lemmatize") else []
                if lemmas:
                    tok.lemma_ = f"{prefix}-{lemmas[0]}"

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        return None


@Language.factory(
    "dyadwatch_events",
    assigns=["doc._.dw_events"],
    requires=["doc._.dw_mentions"],
    default_config={"dictionary": "dyadwatch.events.v2", "sentence_fallback": True, "lang": "en"},
)
def make_event_coder(nlp: Language, name: str, dictionary: str, sentence_fallback: bool, lang: str) -> EventCoder:
    return EventCoder(nlp, name, dictionary=dictionary, sentence_fallback=sentence_fallback, lang=lang)


@dataclass
class _Found:
    sources: list[str]
    targets: list[str]
    how: str
    joint: bool = False


class _DocCoder:
    def __init__(self, coder: EventCoder, doc: Doc) -> None:
        self.c = coder
        self.w = coder.words
        self.doc = doc
        # Doc.text joins every token each time it is read: read once here, never per sentence
        self.text = doc_text(doc)
        self.ref = doc._.dw_ref_date
        self.actor_of: dict[int, str] = {}
        self.kind_of: dict[int, str] = {}
        self.form_of: dict[int, str] = {}
        # codes of the people named in this sentence and in the last sentence that named any
        self.sent_people: list[str] = []
        self.prev_people: list[str] = []
        # codes of the actors of the sentence before this one (none when it named no one)
        self.prev_sent_actors: list[str] = []
        #: the events of the sentence before (the act a definite "the move" judged refers to)
        self._prev_events: list[dict[str, Any]] = []
        self._dates_cache: dict[int, list[tuple[Span, int]]] = {}
        #: the day the article's news happened (``_news_of_the_day``), once ``run`` has dated it
        self.news_date: str | None = None
        #: triggers whose own time is counted from another day than the publication: the days from
        #: the story's day ("the next day": 1), or None when counted from another event ("20 days
        #: before Russia invaded"); ``_date`` fills it
        self._counted: dict[int, int | None] = {}
        #: things judged as wrong that name no doer and so are the act told just before
        #: (``_judged_doers``): the judgement is today's news, not dated as that act
        self._judged_before: set[int] = set()
        self._headline: int | None = None
        self._date_ents: list[Span] | None = None
        self._date_starts: list[int] = []
        for m in doc._.dw_mentions or []:
            span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.actor_of.setdefault(t.i, m["code"])
                self.kind_of.setdefault(t.i, m.get("kind") or "")
                self.form_of.setdefault(t.i, m.get("form") or "")
        self.venue_nouns: set[int] = set()
        self._drop_venues(doc)
        # how often two actors share a sentence in this document
        self.cooccur: dict[tuple[str, str], int] = {}
        self._main: tuple[str, str] | None | Literal[False] = False  # the document's main pair, once known
        #: shared acts named by a noun with both parties ("a peace agreement between A and B"):
        #: noun lemma -> (sentence number, the parties), for "the agreement" later on
        self._shared_nouns: dict[str, tuple[int, list[str]]] = {}
        self._sent_no = 0
        #: the two actors of the first sentence of the headline and lead (LEAD_SENTENCES from the
        #: headline) that names exactly two, and that sentence: the pair a story leads with
        self._lead: tuple[str, str] | None = None
        self._lead_sent: Span | None = None
        lead_left = LEAD_SENTENCES
        for sent in doc_sents(doc):
            codes = {self.actor_of[i] for i in range(sent.start, sent.end) if i in self.actor_of}
            if lead_left > 0 and sent.start >= self._headline_start():
                lead_left -= 1
                if self._lead is None and len(codes) == 2:
                    a, b = sorted(codes)
                    self._lead, self._lead_sent = (a, b), sent
            for a in codes:
                for b in codes:
                    if a != b:
                        self.cooccur[(a, b)] = self.cooccur.get((a, b), 0) + 1
        # how often two actors are named as the two parties of one phrase: coordinated ("Iran
        # and Saudi Arabia", "between Greece and Turkey") or hyphenated ("Japan-China")
        self.joined: dict[tuple[str, str], int] = {}
        for t in doc_tokens(doc):
            a = self.actor_of.get(t.i)
            if a is None:
                continue
            others = [c for c in t.children if c.dep_ == "conj"]
            if t.i + 2 < len(doc) and doc[t.i + 1].text in ("-", "–"):
                others.append(doc[t.i + 2])
            for o in others:
                b = self.actor_of.get(o.i)
                if b is not None and b != a:
                    key = (min(a, b), max(a, b))
                    self.joined[key] = self.joined.get(key, 0) + 1

    def _drop_venues(self, doc: Doc) -> None:
        """Organisations named only as the forum of a gathering are no parties to it ("after the
        APEC summit", "on the sidelines of the G20 meeting"), nor is the state named as its host
        beside them ("the South Korea APEC summit"): their mentions are no actors for events.
        Two actors joined by a hyphen name the two sides of a bilateral gathering ("the
        EU-China summit") and stay."""
        for tok in doc_tokens(doc):
            if tok.lemma_.lower() not in self.w.forum_nouns or tok.pos_ not in ("NOUN", "PROPN") or \
                    tok.i in self.actor_of:
                continue
            left = [t for t in tok.subtree if t.i < tok.i and t.i in self.actor_of]
            if not any(self.kind_of.get(t.i) == "organisation" for t in left):
                continue
            if any(t.i + 2 < tok.i and doc[t.i + 1].text in ("-", "–") and doc[t.i + 2].i in self.actor_of and
                   self.actor_of[doc[t.i + 2].i] != self.actor_of[t.i] for t in left):
                continue
            for t in left:
                if self.kind_of.get(t.i) in ("organisation", "state"):
                    del self.actor_of[t.i]
            # the gathering itself has no parties named: it is no event of the article's pair
            self.venue_nouns.add(tok.i)

    def run(self) -> list[dict[str, Any]]:
        events: dict[tuple[Any, ...], dict[str, Any]] = {}
        prev_actors: list[str] = []
        prev_events: list[dict[str, Any]] = []
        text = self.text
        for sent in doc_sents(self.doc):
            self._sent_no += 1
            start, end = trim_span(text, sent.start_char, sent.end_char)
            if end <= start:
                continue
            # by token index: iterating the Span makes a new Token object per token
            sent_actors = _ordered_unique(self.actor_of[i] for i in range(sent.start, sent.end) if i in self.actor_of)
            self.sent_people = _ordered_unique(self.actor_of[i] for i in range(sent.start, sent.end) if i in self.actor_of
                                               and self.kind_of.get(i) in ("person", "title", "pronoun"))
            found: list[dict[str, Any]] = []
            # a sentence without actors can still code a shared act of the pair named just
            # before ("The two leaders met for three hours.")
            if sent_actors or ((len(prev_actors) >= 2 or self._main_pair()) and any(t.lower_ in self.w.pair_words for t in sent)) \
                    or (self._main_pair() and any(t.lower_ == "the" and t.dep_ == "det" or t.tag_ == "NNS"
                                                  or t.dep_ == "auxpass" for t in sent)) \
                    or any(t.lemma_.lower() in self._shared_nouns and _definite(t, demonstrative=True) for t in sent):
                self._prev_events = prev_events
                found = list(self._sentence(sent, start, end, sent_actors, prev_actors))
                found += self._denials(sent, start, end, prev_events)
                # a past action told right after a dated one, with no date of its own, happened
                # then ("They met on May 3. Xi praised Putin.")
                # (the story's own actions: not a background one told beside them, "which had
                # stalled since 2011")
                prev_dated = [e for e in prev_events if e["date"] and e["modality"] == "actual"
                              and e.get("_tense") not in ("pluperfect", "background") and not _told_of_main_pair(e)]
                days = [e for e in prev_dated if len(e["date"]) == 10]
                if len({e["date"] for e in days}) == 1:
                    prev_dated = days  # the day the story is at, not a year recalled beside it
                if len({e["date"] for e in prev_dated}) == 1:
                    for ev in found:
                        # not to a clause told as of now ("the spat has now escalated") or as
                        # background ("which Seoul had earlier threatened to scrap")
                        if ev["date"] is None and ev.get("_past") and ev["modality"] == "actual" \
                                and not ev.get("_now") and ev.get("_tense") != "background" \
                                and not ev.get("_judging_before"):
                            # (nor to a judgement of the act told before: "Bolivia called the
                            # seizure outrageous" is today's news, not the seizure's day)
                            if "_offset" not in ev:
                                ev["date"] = prev_dated[0]["date"]
                                ev["_carried"] = prev_dated
                            else:
                                # "The next day, Seoul retaliated": counted from the day told before
                                ev["date"] = _shifted(prev_dated[0]["date"], ev["_offset"])
                    # a plan announced by a statement that took the carried day dates from
                    # then, as when the day is written ("They also agreed to resume talks")
                    said = [ev for ev in found if ev.get("_carried") and ev.get("_speech")]
                    for ev in found:
                        if ev["date"] is None and ev["modality"] == "intended" and any(
                                s["trigger_start"] is not None and ev["trigger_start"] is not None
                                and s["trigger_start"] < ev["trigger_start"] for s in said):
                            ev["date"] = prev_dated[0]["date"]
                            ev["_carried"] = prev_dated
                for ev in found:
                    key = (ev["start"], ev["source"], ev["target"], ev["type"], ev["negated"])
                    if key not in events or events[key]["confidence"] < ev["confidence"]:
                        events[key] = ev
                if sent_actors:
                    prev_actors = (sent_actors + [a for a in prev_actors if a not in sent_actors])[:4]
            prev_events = found
            self.prev_sent_actors = sent_actors
            if self.sent_people:
                self.prev_people = self.sent_people
        out = sorted(_resolve_wars(list(events.values())), key=lambda e: (e["start"], e["trigger_start"] or 0))
        _refine_dates(out, text)
        for e in out:
            # a carried date follows its source's refinement ("This month's meeting" -> "on September 15")
            carried = {c["date"] for c in e.get("_carried", ())}
            if len(carried) == 1:
                e["date"] = carried.pop()
        _dates_by_name(out, self.text)
        _dates_by_reference(out, [s.start for s in doc_sents(self.doc)])
        first = self._headline_start()
        # the headline, then the sentences of the lead: lines of page furniture between them (a
        # subhead, a photo credit, a "Published On …" line: no sentence end) do not use it up
        sents = [s for s in doc_sents(self.doc) if s.start >= first and (s.start == first or _ends_sentence(s))]
        self.news_date = _news_of_the_day(out, self.ref, [s.start for s in sents],
                                          self._told_days(sents[:LEAD_SENTENCES]))
        # and once more for the events told again after news dated by the convention
        _dates_by_reference(out, [s.start for s in doc_sents(self.doc)])
        for e in out:
            e.pop("_tense", None)
            e.pop("_sent", None)
            e.pop("_past", None)
            e.pop("_speech", None)
            e.pop("_carried", None)
            e.pop("_name", None)
            e.pop("_how", None)
            e.pop("_noun", None)
            e.pop("_told_before", None)
            e.pop("_since", None)
            e.pop("_stated", None)
            e.pop("_now", None)
            e.pop("_offset", None)
            e.pop("_judging_before", None)
        return out

    def _told_days(self, lead: list[Span]) -> list[str]:
        """Days the lead tells its news on, from any verb in the past tense, coded or not
        ("Turkish and Greek leaders called Wednesday for dialogue"), or from an act the lead
        names by its day ("In the wake of the May 3 summit, …": ``_names_act``)."""
        days = []
        for sent in lead:
            for span, head in self._sentence_dates(sent):
                verb = self.doc[head] if head >= 0 else None
                # a past verb or a participle ("the deal signed Wednesday", and a finite past the
                # parser misread as one: "leaders called Wednesday for …"); not a day ahead
                # ("scheduled for Friday")
                before = self.doc[span.start - 1].lower_ if span.start > 0 else ""
                told = verb is not None and verb.dep_ != "relcl" and verb.tag_ in ("VBD", "VBN")
                if not (told or self._names_act(span)) \
                        or before in ("for", "until", "by", "next", "before") \
                        or any(t.lower_ in ("next", "coming") for t in span):
                    continue
                day = resolve_date(span.text, self.ref, future=False) if self.ref else None
                if day is not None and len(day) == 10:
                    days.append(day)
        return days

    def _names_act(self, span: Span) -> bool:
        """A day written before the noun of an act, as its modifier ("Wednesday's talks", "the
        May 3 treaty signing"): the day that act was done on, told as a past verb's day would be
        (a comment piece days later opens on the summit it is about); not an act still ahead
        ("Friday's planned summit", ``planned_modifiers``; "ahead of Friday's summit",
        ``ahead_words``). Coded or not: the act's parties may be
        named nowhere in its sentence."""
        root = span.root
        act = root.head
        if root.dep_ not in ("compound", "poss", "nmod", "npadvmod") or act.pos_ != "NOUN" or act.i < span.end:
            return False
        if any(c.lower_ in self.w.planned_modifiers for c in act.children):
            return False
        if act.dep_ == "pobj" and (act.head.lower_ in self.w.ahead_words or act.head.head.lower_ in self.w.ahead_words):
            return False  # "ahead of Friday's summit", "before Wednesday's vote"
        return bool(self._triggers(act))

    def _denials(self, sent: Span, start: int, end: int, prev_events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """"China has denied this": the previous sentence's actions by the denier, now denied."""
        out = []
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.w.deny:
                continue
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            if not objs or objs[0].lower_ not in self.w.anaphors:
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
        told_demands: dict[int, list[str]] = {}  # a verb of saying -> those its clause obliges
        # a verb judging a thing, and the type of the judgement -> critics, those judged
        told_judged: dict[tuple[int, str], tuple[list[str], list[str]]] = {}
        judged_before: set[int] = set()  # verbs judging the act told before (``_judged_doers``)
        for tok in sent:
            if tok.i in self.actor_of and tok.pos_ in ("PROPN",) or tok.i in self.venue_nouns and \
                    not self._present_parties(tok):
                continue
            fitting = [trig for trig in self._triggers(tok) if self._fits(tok, trig)
                       and (trig.type != "REQUEST" or self._is_request(tok))]
            if any(_restricted(t) for t in fitting):
                # a sense restricted by its modifier, head verb or preposition, when that word is
                # there, is the word's sense here: a "trade war" is a contest of tariffs, not a use
                # of force; "had an exchange" is a conversation, not an exchange of goods
                fitting = [t for t in fitting if _restricted(t)]
            obliged = self._obliged(tok) if not any(t.type == "REQUEST" for t in fitting) else []
            if obliged:
                # "Russia said Sudan must return the helicopter": a demand on the clause's subject
                fitting.append(Trigger(lemma=tok.lemma_.lower(), pos="NOUN" if tok.pos_ == "NOUN" else "VERB",
                                       type="REQUEST", mode="change", dictionary=lexicon.name))
                told_demands[tok.i] = obliged
            for type_, words in (("ACCUSE", self.w.disapproving_words), ("SUPPORT", self.w.approving_words)):
                judged = self._judged(tok, words) if not any(t.type == type_ for t in fitting) else None
                critics = self._critics(tok) if judged is not None else []
                doers = self._judged_doers(judged, critics, type_) if judged is not None and critics else []
                if doers:
                    # "labelled the Peruvian blockade provocative", "said Peru's speech was outrageous": a
                    # criticism of whoever did the thing judged; "said Kenyan-Ethiopian friendship was
                    # vital": a support of the parties to it
                    fitting.append(Trigger(lemma=tok.lemma_.lower(), pos="VERB", type=type_, dictionary=lexicon.name))
                    told_judged[tok.i, type_] = (critics, doers)
                    if judged is not None and judged.i in self._judged_before:
                        judged_before.add(tok.i)
            candidates.extend((tok, trig) for trig in fitting)
            if tok.lower_ in self.w.company_preps and len(self._shown_together(tok)) >= 2:
                # "state TV showed the Ghanaian president with his Togolese peer": those shown meet
                candidates.append((tok, Trigger(lemma=tok.lower_, pos="NOUN", type="CONSULT", joint=True,
                                                dictionary=lexicon.name)))
        noun_objects = {tok.i for tok, trig in candidates if trig.pos == "NOUN"}
        headline_pair = self._headline_pair(sent) if candidates else None
        trigger_tokens = {tok.i for tok, _ in candidates}
        for tok, trig in candidates:
            if trig.pos == "VERB" and tok.lemma_.lower() in self.w.light_verbs and any(
                    c.i in noun_objects for c in tok.children if c.dep_ in OBJ):
                light_nouns.update(c.i for c in tok.children if c.dep_ in OBJ)
                continue  # the object noun carries the event ("hold talks", "provide support")
            own_call = self._own_call(tok, candidates) if trig.pos == "NOUN" and trig.joint \
                and trig.type in SHARED_TYPES else None
            if trig.pos == "NOUN" and self._object_of_trigger(tok, candidates) and not self._own_roles(tok, trig) \
                    and not self._told_parties(tok, trig, sent_actors) and not own_call:
                continue  # "urged a ceasefire and dialogue": the thing asked for, not a second event
            if trig.pos == "NOUN" and tok.dep_ in ("compound", "nmod") and tok.head.i in noun_objects:
                continue  # "export controls", "trade sanctions": the head noun names the act
            if trig.type in RESTRICTED_TYPES and trig.pos == "NOUN" and self._restricted_thing(tok, candidates):
                continue  # "barriers to exports", "a ban on trade": the commerce restricted, no cooperation
            if trig.pos == "NOUN" and tok.dep_ == "pobj" and tok.head.head.pos_ == "ADJ" \
                    and tok.head.head.lemma_.lower() in self.w.absence_words:
                continue  # "leaders absent at the summit", "missing from the talks": they took no part
            if trig.type == "REJECT" and not any(c.dep_ == "dobj" for c in tok.children) and any(
                    c.i in trigger_tokens and (c.dep_ in ("xcomp", "acl") or _purpose_clause(c)) for c in tok.children):
                # "refused to send troops": the refusal negates the sending, it is not a REJECT (but
                # "refused US demands to release the crew" refuses the demands)
                continue
            found = self._roles(tok, trig, sent, sent_actors, prev_actors)
            if tok.i in told_demands and trig.type == "REQUEST":
                # a demand told by a verb of saying is on those its clause says must act, not on the
                # speaker ("Erdogan said Turkey must defend its rights", "Yoon said Japan and South
                # Korea should collaborate": no demand on anyone)
                speakers = self._governing_subject(tok)[0] if tok.pos_ == "NOUN" else self._subject(tok)[0]
                obliged = told_demands[tok.i]
                found = _Found(speakers, obliged, "syntax") if speakers and not set(speakers) & set(obliged) else None
            if (tok.i, trig.type) in told_judged:
                found = _Found(*told_judged[tok.i, trig.type], "syntax")
            if trig.needs_clause:
                # "helped Iran build a reactor": the helped party is the target, or there is none
                helpers, helped = self._subject(tok)[0], self._helped(tok)
                found = _Found(helpers, [a for a in helped if a not in helpers], "syntax") \
                    if helpers and set(helped) - set(helpers) else None
            pair = headline_pair
            if pair and tok.idx > pair[2] and (found is None or (set(found.sources) | set(found.targets)) <= set(pair[:2])):
                # "Putin, Xi pledge to deepen ties": a headline's comma pair is its joint subject
                found = _Found(list(pair[:2]), [], "syntax", joint=True)
            if found is None and trig.type in WAR_TYPES and trig.pos == "NOUN":
                # "Putin's war", "Moscow's offensive": the doer is named, the target is the one
                # the article names for that doer's war elsewhere (resolved in ``run``)
                own, targets, _ = self._noun_roles(tok, trig)
                if len(own) == 1 and not targets:
                    found = _Found(own, [WAR_TARGET], "war")
            if found is None:
                continue
            if trig.type == "REQUEST" and trig.pos == "VERB" and found.joint and not found.targets \
                    and len(found.sources) >= 2 and found.how == "syntax":
                # "Turkey and Greece called for dialogue": two who ask together ask no one of each
                # other (what they ask for of themselves is their own act, ``_own_call``)
                continue
            parties = _ordered_unique(found.sources + found.targets)
            if trig.pos == "NOUN" and trig.type in SHARED_TYPES and found.joint and len(parties) == 2 \
                    and found.how != "anaphor":
                self._shared_nouns[tok.lemma_.lower()] = (self._sent_no, parties)
            type_ = trig.type
            if type_ == "SUPPORT" and _modified_by(tok, self.w.material):
                type_ = "AID"
            if type_ == "PROTEST" and self._protest_by_government(tok, trig):
                type_ = "ACCUSE"  # a government's protest is a formal complaint, not a demonstration
            elif type_ in ("ACCUSE", "REJECT") and self._by_crowd(tok, trig):
                type_ = "PROTEST"  # a crowd's disapproval or defiance is a demonstration
            own_source = trig.pos == "NOUN" and found.how != "inherited" and bool(self._noun_roles(tok, trig)[0])
            # a third party's verb does not change an act with its own doer: in "the EU will not
            # join the American boycott" the boycott is neither negated nor future
            stop = self._third_party_verb(tok, set(found.sources) | set(found.targets)) if own_source else None
            neg_stop = stop
            if own_source and stop is None and type_ in SAID_TYPES and not any(
                    c.dep_ == "det" and c.lower_ in ("any", "no") for c in tok.children):
                # "Chile would not heed Peru's demands": the demand was made; the answerer's
                # negation is not its sayer's (its modality is kept); not a demand only expected
                # or feared ("Chile does not expect demands from Peru") or any at all ("would
                # reject any demand")
                answer = self._third_party_verb(tok, set(found.sources))
                if answer is not None and answer.lemma_.lower() not in self.w.expecting_verbs:
                    neg_stop = answer
            negated = self._negated(tok, trig, own_source=own_source, stop=neg_stop)
            carrier = tok.head if trig.needs_head and tok.dep_ in OBJ else None
            modality = self._modality(tok, stop=stop, carrier=carrier)
            if own_call and modality == "actual" and set(parties) <= set(own_call):
                modality = "intended"  # the act its own parties call for is yet to come
            date = self._date(tok, sent, future=modality == "intended", actual=modality == "actual")
            contexts = self._contexts(sent, trig)
            mode = trig.mode or event_mode(type_, tok.lemma_, {t.lower_ for t in sent})
            base = {"syntax": 0.75, "inherited": 0.55, "sentence": 0.35,
                    "main pair": MAIN_PAIR_CONFIDENCE}.get(found.how, 0.3)
            confidence = round(base + (0.1 if trig.pos == "VERB" else 0.0), 2)
            past = _past_tense(tok)
            tense = _tense(tok, self.w)
            if tense is None and modality == "actual" and not any(t.pos_ in ("VERB", "AUX") for t in sent):
                # a verbless caption ("A with B at the summit in Accra") tells what the picture
                # shows, as "State TV showed A with B" does: the news of the day
                tense = "past"
            own_verb = _own_verb(tok)
            # told as of the time of writing: "has now escalated", or the state a change has led
            # to by now ("the row has escalated into a trade war": the war is today's, whatever
            # day the lead tells the row's latest step on; "has said that the talks have failed"
            # is that day's news)
            now = own_verb is not None and any(c.dep_ == "advmod" and c.lower_ in self.w.now_words
                                               for c in own_verb.children) \
                or tense == "perfect" and tok.dep_ == "pobj" and tok.head.lower_ in self.w.result_preps
            name = _event_name(tok) if trig.pos == "NOUN" and date is None else None
            told_before = trig.pos == "NOUN" and date is None and any(
                c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in self.w.definite_determiners for c in tok.children)
            pairs = [(s, t, negated, modality, type_, mode) for s, t in _pairs(found)]
            if found.joint and self._several_parties(tok):
                # "three-way ratification of a treaty with Sweden and Finland": the partners
                # named together are parties to each other too, not only to the subject
                parties = _ordered_unique(found.sources + found.targets)
                pairs += [(a, b, negated, modality, type_, mode) for a in parties for b in parties
                          if a != b and (a, b) not in _pairs(found)]
            if trig.pos == "NOUN":
                # "talks mediated by Qatar": the mediator consults each party (PLOVER third-party)
                parties = _ordered_unique(found.sources + found.targets)
                pairs += [(m, p, negated, modality, "CONSULT", "third-party") for m in self._mediators(tok)
                          if m not in parties for p in parties]
            if stop is not None and stop.lemma_.lower() in self.w.joining_verbs and tok.dep_ == "dobj" and \
                    tok.head.i == stop.i and found.targets:
                # ... and the joiner would do the same to the same target
                joined_neg = self._negated(tok, trig)
                joined_mod = self._modality(tok)
                pairs += [(s, t, joined_neg, joined_mod, type_, mode) for s in self._subject(stop)[0]
                          for t in found.targets if s != t and s not in found.sources]
            promiser = self._governing_word(tok, self.w.promising_governors) if type_ in PROMISED_TYPES else None
            refuser = self._governing_word(tok, self.w.refusing_governors) if type_ in REFUSED_TYPES else None
            said = [(gov, kind) for gov, kind in ((promiser, "AGREE"), (refuser, "REJECT")) if gov is not None]
            for source, target, negated, modality, type_, mode in pairs:
                ev = {
                    "start": start, "end": end, "source": source, "target": target, "type": type_,
                    "mode": mode, "negated": negated, "modality": modality, "date": date,
                    "intensity": 0.0 if negated else intensity_of(type_, mode),
                    "trigger": tok.text, "trigger_start": tok.idx, "trigger_end": tok.idx + len(tok.text),
                    "contexts": contexts, "confidence": confidence,
                    "dictionary": trig.dictionary or self.c.lexicon.name,
                    "_past": past, "_speech": tok.lemma_.lower() in self.w.speech_verbs, "_name": name, "_how": found.how, "_noun": trig.pos == "NOUN",
                    "_tense": tense, "_sent": sent.start, "_told_before": told_before, "_now": now,
                    "_judging_before": tok.i in judged_before,
                    "_since": trig.pos == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "since",
                    "_stated": self._statement_tense(tok) if modality == "intended" and date is None else None,
                    **({"_offset": self._counted[tok.i]} if date is None and tok.i in self._counted else {}),
                }
                yield ev
                if type_ == "CONCEDE" and negated and refuser is None and trig.pos == "VERB" \
                        and self._turns_down_request(tok):
                    # "Chile would not meet Peru's demands", "did not comply with the request": a
                    # demand not granted is turned down (PLOVER REJECT: reject a request or demand,
                    # decline to yield), beside the concession negated ("refused to meet them" is
                    # a REJECT already)
                    yield {**ev, "type": "REJECT", "mode": None, "negated": False,
                           "intensity": intensity_of("REJECT", None), "confidence": round(confidence - 0.1, 2)}
                for gov, kind in said:
                    promisers = self._promisers(gov)
                    if kind == type_ or mode == "third-party" or source not in found.sources or \
                            promisers and source not in promisers:
                        continue  # (an unresolved "it" promises for the doer the act inherited)
                    # "agreed to lift embargoes on Iran", "is willing to withdraw from Lebanon": the
                    # promise is an agreement with the act's target; "refused to meet Jordan's king":
                    # the refusal is a rejection of it; either told as done, by the act's doers
                    # ("pledging to work with him" is one side's promise)
                    g_neg = self._negated(gov, trig)
                    g_mod = self._modality(gov)
                    yield {**ev, "type": kind, "mode": None, "negated": g_neg, "modality": g_mod,
                           "date": self._date(gov, sent, future=g_mod == "intended", actual=g_mod == "actual"),
                           "intensity": 0.0 if g_neg else intensity_of(kind, None),
                           "trigger": gov.text, "trigger_start": gov.idx,
                           "trigger_end": gov.idx + len(gov.text), "confidence": round(confidence - 0.1, 2),
                           "_past": _past_tense(gov), "_tense": _tense(gov, self.w), "_noun": False}

    def _triggers(self, tok: Token) -> list[Trigger]:
        """The lexicon's senses of a word (its lemma and part of speech, with the hyphen prefixes
        of this language's word lists), before any check of how the sentence uses it (``_fits``)."""
        return self.c.lexicon.lookup(tok, self.w.kept_hyphen_prefixes, self.w.repeating_prefixes)

    def _headline_start(self) -> int:
        """Where the headline starts: the first sentence of at least three words (page furniture
        such as "ADVERTISEMENT" or a bare date line above it is not the headline)."""
        if self._headline is None:
            self._headline = 0
            for sent in doc_sents(self.doc):
                if sum(t.is_alpha for t in sent) >= 3:
                    self._headline = sent.start
                    break
        return self._headline

    def _headline_pair(self, sent: Span) -> tuple[str, str, int] | None:
        """(A, B, end) when a headline opens with two actors joined by a comma ("Putin, Xi pledge
        …", "Iran, Saudi Arabia sign accord"): the first sentence, with no closing full stop."""
        if sent.start != self._headline_start() or sent.text.rstrip().endswith((".", "!", "?")):
            return None  # not the document's first line of words
        spans: list[tuple[int, int, str]] = []
        for t in sent:
            code = self.actor_of.get(t.i)
            if code is None:
                if spans and t.text == ",":
                    continue
                break
            if spans and spans[-1][2] == code and t.idx <= spans[-1][1] + 1:
                spans[-1] = (spans[-1][0], t.idx + len(t.text), code)
            else:
                spans.append((t.idx, t.idx + len(t.text), code))
            if len(spans) > 2:
                return None
        if len(spans) != 2 or spans[0][2] == spans[1][2]:
            return None
        gap = self.text[spans[0][1]:spans[1][0]]
        if gap.strip() != "," or spans[0][0] != sent.start_char:
            return None
        return spans[0][2], spans[1][2], spans[1][1]

    def _protest_by_government(self, tok: Token, trig: Trigger) -> bool:
        """The protester is named as a state, capital, body or person ("Seoul protested"), not as a
        crowd ("thousands of Greeks demonstrated")."""
        if trig.pos == "VERB":
            subj = self._subject(tok)[1]
        else:
            owners = [c for c in tok.children if c.dep_ in ("poss", "amod", "compound") and c.i in self.actor_of]
            subj = owners[0] if owners else self._governing_subject(tok)[1]
        if subj is None:
            return False
        forms = {self.form_of[t.i] for t in subj.subtree if t.i in self.form_of}
        return bool(forms) and "demonym" not in forms

    def _by_crowd(self, tok: Token, trig: Trigger) -> bool:
        """The doer is named as a crowd ("demonstrators in Baghdad", "hundreds of thousands of
        people"; ``crowd_nouns``), not as a state, body or person."""
        if trig.pos == "VERB":
            subj = self._subject(tok)[1]
        else:
            owners = [c for c in tok.children if c.dep_ in ("poss", "amod", "compound") and c.i in self.actor_of]
            subj = owners[0] if owners else self._governing_subject(tok)[1]
        if subj is None or subj.i in self.actor_of and self.form_of.get(subj.i) != "demonym":
            return False
        head = subj
        # "hundreds of thousands of people": the crowd is the last "of" object
        while True:
            of = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            if not of or head.lemma_.lower() not in self.w.crowd_nouns:
                break
            head = of[0]
        return head.lemma_.lower() in self.w.crowd_nouns

    def _object_of_trigger(self, noun: Token, candidates: list[tuple[Token, Trigger]]) -> bool:
        head = noun
        while head.dep_ == "conj":
            head = head.head
        verbs = {t.i for t, trig in candidates if trig.pos == "VERB" and t.lemma_.lower() not in self.w.light_verbs}
        if head.dep_ in OBJ and head.head.i in verbs:
            return True
        # "demand for talks", "called for a ceasefire", "warned against any strike", "threatened
        # Russia with sanctions": what is asked for or threatened has not happened
        if head.dep_ != "pobj":
            return False
        asked = {t.i: trig.type for t, trig in candidates if trig.type in ("REQUEST", "THREATEN")}.get(head.head.head.i)
        return head.head.lower_ in (("for", "against") if asked == "REQUEST" else ("for", "against", "with", "of")
                                    if asked == "THREATEN" else ())

    def _own_call(self, noun: Token, candidates: list[tuple[Token, Trigger]]) -> list[str] | None:
        """The two or more who call for a shared act of theirs ("Turkey and Greece called for
        dialogue and cooperation": the act of the callers, intended), when the noun is the
        "for" object of a request verb (or, misparsed, coordinated with that verb) whose subject
        names them."""
        head = noun
        while head.dep_ == "conj" and head.head.pos_ not in ("VERB", "AUX"):
            head = head.head
        requests = {t.i for t, trig in candidates if trig.type == "REQUEST" and trig.pos == "VERB"}
        if head.dep_ == "conj" and head.head.i in requests:
            verb = head.head
        elif head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.i in requests:
            verb = head.head.head
        else:
            return None
        callers = _ordered_unique(self._subject(verb)[0])
        return callers if len(callers) >= 2 else None

    def _restricted_thing(self, noun: Token, candidates: list[tuple[Token, Trigger]]) -> bool:
        """The noun is the object of a restricting act's noun ("barriers to U.S. exports", "curbs
        on trade", "a ban on imports from Japan") or modifies a grievance ("unfair trade
        practices"): what is restricted or complained of, not an act of its own."""
        if noun.dep_ in ("compound", "nmod") and _modified_by(noun.head, self.w.hostile_modifiers):
            return True  # "unfair trade practices": a grievance about the trade
        head = noun
        while head.dep_ == "conj":
            head = head.head
        if head.dep_ != "pobj" or head.head.dep_ != "prep" or head.head.lower_ not in ("on", "to", "of", "against"):
            return False
        restricting = {t.i for t, trig in candidates if trig.type in RESTRICTING_TYPES}
        owner = head.head.head
        if any(c.dep_ == "det" and c.lower_ == "no" for c in owner.children):
            return False  # "no barriers to trade": the trade goes on
        def restricts(t: Token) -> bool:
            return t.i in restricting or t.pos_ == "NOUN" and t.lemma_.lower() in self.w.restricting_nouns

        # the parser often hangs the phrase on the verb that imposes the restriction ("imposed
        # curbs on trade")
        return restricts(owner) or owner.pos_ == "VERB" and any(c.dep_ in OBJ and restricts(c) for c in owner.children)

    def _obliged(self, tok: Token) -> list[str]:
        """The actors a verb or noun of saying says must or should act ("declared that China must
        drop barriers", "sent a note to Peru that Lima should withdraw its envoy"; ``demanding_verbs``,
        ``demanding_nouns``, ``obligation_aux``): its clause's subject. A noun's pronoun subject,
        told to one addressee, is that addressee ("sent Peru a warning that it must pull back":
        Peru), unless the clause speaks of its subject's own interest ("that it must guard its own
        borders", ``self_reference_words``), which is left to coreference."""
        told: list[Token] = []
        if tok.pos_ == "VERB" and tok.lemma_.lower() in self.w.demanding_verbs:
            clauses = [c for c in tok.children if c.dep_ == "ccomp"]
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in self.w.demanding_nouns:
            # the noun's that-clause, not a relative clause ("a message that said ...")
            clauses = [c for c in tok.children if c.dep_ in ("acl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
            told = [g for c in [*tok.children, *(tok.head.children if tok.dep_ in OBJ else ())]
                    if c.dep_ in ("prep", "dative") and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        else:
            return []
        out: list[str] = []
        for c in clauses:
            if not any(x.dep_ == "aux" and x.lower_ in self.w.obligation_aux for x in c.children):
                continue
            own = any(t.lower_ in self.w.self_reference_words for t in c.subtree)
            for g in (g for g in c.children if g.dep_ == "nsubj"):
                named = self._actors(told[0]) if g.pos_ == "PRON" and len(told) == 1 and not own else []
                out += [a for a in named or self._actors(g) if a not in out]
        return out

    def _judged(self, tok: Token, words: Set[str]) -> Token | None:
        """The thing a verb judges as wrong (PLOVER ACCUSE: criticise; ``disapproving_words``), or as
        good or needed (SUPPORT; ``approving_words``, read the same way): the
        object a verb of calling names so ("labelled the blockade 'provocative'", "described the decision
        as unacceptable", "deemed the request unjustified", ``calling_verbs``), or the noun subject
        of the clause a verb of saying tells so ("said the envoy's speech was outrageous", also through
        "seemed to be"). Not a judgement denied ("was not unacceptable"), a possibility ("could
        be unacceptable", "would be unacceptable if …"), a dummy subject ("it was absurd to think
        …": no thing judged) or another speaker's clause ("said Peru claimed the move was …":
        the claim is Peru's). Whose act was judged is told by that thing (``_judged_doers``)."""
        if tok.pos_ != "VERB":
            return None

        def wrong(adj: Token) -> bool:
            return adj.lemma_.lower() in words and not any(c.dep_ == "neg" for c in adj.children)

        def thing(noun: Token | None) -> Token | None:
            return noun if noun is not None and noun.pos_ in ("NOUN", "PROPN") else None

        lemma = tok.lemma_.lower()
        if lemma in self.w.calling_verbs:
            for c in tok.children:
                # (the parser may hang a quoted complement on the object: "the blockade \"deeply provocative\"")
                if c.dep_ == "dobj" and (any(g.dep_ == "amod" and g.i > c.i and wrong(g) for g in c.children) or any(
                        d.dep_ in ("oprd", "acomp") and wrong(d) or d.dep_ == "prep" and d.lower_ == "as" and any(
                            g.dep_ in ("pobj", "acomp", "amod") and wrong(g) for g in d.children)
                        for d in tok.children)):
                    return thing(c)
                if c.dep_ == "ccomp" and c.pos_ == "ADJ" and wrong(c):
                    # a small clause: "branded the claim absurd" (its noun parsed as the subject)
                    return thing(next((g for g in c.children if g.dep_ == "nsubj"), None))
            return None
        if lemma not in self.w.speech_verbs:
            return None
        for clause in (c for c in tok.children if c.dep_ == "ccomp"):
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            # down a chain of infinitives ("seemed to be"), never into a clause with a subject of its own
            while clause is not None:
                if clause.lemma_.lower() == "be" and any(c.dep_ == "acomp" and wrong(c) for c in clause.children):
                    if any(c.dep_ == "neg" for c in clause.children) or self._modality(clause, stop=tok) != "actual" \
                            or any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                                             for m in c.children) for c in clause.children):
                        return None
                    return thing(subject)
                clause = next((c for c in clause.children if c.dep_ == "xcomp"), None)
        return None

    def _critics(self, tok: Token) -> list[str]:
        """Who judges by ``tok``: its subject, or for a first person told by another verb of
        saying ("'We must say the speech was outrageous,' the minister said") that verb's
        subject, whose side "we" is."""
        critics, subject, _ = self._subject(tok)
        if critics or subject is None or subject.lower_ not in ("we", "i"):
            return critics
        teller = next((self.doc[i] for i in _governing_clauses(tok)
                       if self.doc[i].lemma_.lower() in self.w.speech_verbs), None)
        return self._subject(teller)[0] if teller is not None else []

    def _judged_doers(self, thing: Token, critics: list[str], type_: str = "ACCUSE") -> list[str]:
        """Who did the thing judged as wrong (the criticised): the party it is ("said Peru was
        irresponsible") or those it names as its doers ("Peru's decision", "the Peruvian move",
        "the remark by Peru's envoy", ``_noun_roles``)
        other than the critic ("its decision" is the critic's own); a definite thing naming
        none ("the move") is the act told just before, when one other party did it. A thing
        judged good (SUPPORT) names its parties as partners too ("Kenyan-Ethiopian friendship");
        never a place in a phrase after it ("the loss of life in Gaza", "water from Ethiopia")."""
        lemma = thing.lemma_.lower()
        act = bool(self._triggers(thing)) or lemma in self.w.judged_act_nouns
        if thing.i in self.actor_of:
            sources = [self.actor_of[thing.i]]
        elif type_ == "ACCUSE" and act:
            sources = self._noun_roles(thing, Trigger(lemma, "NOUN", type_))[0]
        elif type_ == "ACCUSE":
            # no act ("the Chinese border", "the Japanese player's tackle"): only a state, leader or
            # official that owns or did it names whose conduct is judged, never a bare nationality
            sources = self._official_doers(thing)
        elif not (any(t.type in PARTNER_TYPES for t in self._triggers(thing)) or lemma in self.w.relationship_nouns):
            # a thing that is no relationship ("Kenyan water", "Chinese demand", "Chinese loans are
            # essential") is no one's support
            return []
        else:
            # the two partners the relationship names: an adjectival pair or a "between" phrase
            # ("Kenyan-Ethiopian friendship", "ties between Chile and Peru"); not a phrase of the
            # thing's origin or place ("water from Ethiopia", "investment in Africa")
            sources, _, joint = self._noun_roles(thing, Trigger(lemma, "NOUN", type_))
            named = self.w.doer_preps | self.w.partner_preps
            phrased = {self.actor_of[t.i] for c in thing.children if c.dep_ == "prep" and c.lower_ not in named
                       for t in c.subtree if t.i in self.actor_of}
            sources = [a for a in _ordered_unique(sources + joint) if a not in phrased]
            if len(sources) < 2:
                return []
        if sources:
            return [a for a in sources if a not in critics]
        if not _definite(thing) or not act:
            return []  # "Japan said the price was outrageous": no act, so not the act told before
        doers = _ordered_unique(e["source"] for e in self._prev_events if e["modality"] == "actual"
                                and not e["negated"] and e["source"] not in critics)
        if len(doers) != 1:
            return []
        self._judged_before.add(thing.i)
        return doers

    def _official_doers(self, thing: Token) -> list[str]:
        """The state, leader or official that owns a thing or did it by a "by" phrase ("Peru's
        border", "the Peruvian government's tone", "the remark by Peru's envoy"): a name, or a
        noun of ``official_nouns``; not a bare nationality ("the Japanese player's tackle")."""
        heads = [c for c in thing.children if c.dep_ == "poss"] + [
            g for c in thing.children if c.dep_ == "prep" and c.lower_ in self.w.doer_preps
            for g in c.children if g.dep_ == "pobj"]
        return _ordered_unique(a for h in heads if h.pos_ == "PROPN" and h.i in self.actor_of
                               or h.lemma_.lower() in self.w.official_nouns or h.lower_ in self.w.official_nouns
                               for a in self._actors(h, 1))

    def _promisers(self, gov: Token) -> list[str]:
        """Who promises or refuses by ``gov``: a verb's subject ("it is willing": the subject of
        the verb an adjective completes), a noun's possessor or its verb's subject."""
        if gov.pos_ == "NOUN":
            owners = [c for c in gov.children if c.dep_ == "poss"]
            return self._actors(owners[0]) if owners else self._governing_subject(gov)[0]
        return self._subject(gov.head if gov.pos_ == "ADJ" and gov.dep_ == "acomp" else gov)[0]

    @staticmethod
    def _governing_word(tok: Token, words: Set[str]) -> Token | None:
        """The word of ``words`` that governs the act ``tok`` names through its infinitive or a
        "to" gerund ("agreed to lift", "willing to withdraw", "pledged to boost and expand", "its
        pledge to send aid", "committed to supporting", "refused to meet", "a refusal to meet";
        ``promising_governors``, ``refusing_governors``)."""
        head = tok
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if head.dep_ in ("xcomp", "acl") and head.tag_ == "VB":
            gov = head.head
        elif head.dep_ == "pcomp" and head.tag_ == "VBG" and head.head.lower_ == "to":
            gov = head.head.head
        else:
            return None
        return gov if gov.lemma_.lower() in words else None

    def _own_roles(self, noun: Token, trig: Trigger) -> bool:
        # a shared talk names its parties; an act of words also its sayer ("rejected the demand
        # from Lima": the demand is an act of its own beside the rejection)
        sense = trig.type if trig.type in SAID_TYPES else "CONSULT"
        sources, targets, joint = self._noun_roles(noun, Trigger(noun.lemma_, "NOUN", sense))
        return bool(sources or joint)

    def _material_help(self, tok: Token) -> bool:
        """Help with an act that is material aid all the same (the guide's AID): given with goods
        ("helped Indonesia recover with emergency loans", ``material``), the purpose of a
        giving ("sent aid to help Indonesia rebuild"), or help to an act that aid is for
        (PLOVER AID: humanitarian, economic, military; ``aid_infinitives``: "will help Ukraine
        rebuild", "helped Israel intercept the missiles")."""
        inf = _infinitive(tok)
        if inf is not None and inf.lemma_.lower() in self.w.aid_infinitives:
            return True
        preps = [c for v in (tok, inf) if v is not None for c in v.children if c.dep_ == "prep" and c.lower_ == "with"]

        def giving(t: Token) -> bool:
            return t.lemma_.lower() in self.w.material or any(x.type == "AID" for x in self._triggers(t))

        if any(giving(g) or _modified_by(g, self.w.material) for p in preps for g in p.children if g.dep_ == "pobj"):
            return True
        head = tok.head
        return tok.dep_ in ("advcl", "xcomp", "acl") and _purpose_clause(tok) and head.i != tok.i and (
            giving(head) or any(c.dep_ in OBJ and giving(c) for c in head.children))

    def _helped(self, tok: Token) -> list[str]:
        """Who is helped to act by "help" with an infinitive: its object ("helped Iran to build")
        or the infinitive's subject ("helped Iran build"); none when no party is named ("helped to
        end the war with Ukraine": Ukraine is the war's, not helped)."""
        inf = _infinitive(tok)
        for c in [*tok.children, *(inf.children if inf is not None else ())]:
            if c.dep_ == "dobj" and c.head.i == tok.i or c.dep_ == "nsubj" and inf is not None and c.head.i == inf.i:
                return self._actors(c)
        return []

    def _fits(self, tok: Token, trig: Trigger) -> bool:
        if trig.needs_modifier and not _modified_by(tok, set(trig.needs_modifier)):
            return False
        # a past participle modifying a noun has that noun as its object ("the deal, struck in
        # Beijing" is a deal struck, not a strike; the small tagger often reads it as VBD)
        objects = [c for c in tok.children if c.dep_ in OBJ] + (
            [tok.head] if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and tok.head.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ in SUBJ for c in tok.children) else [])
        if trig.needs_object and not objects:
            return False
        if trig.not_objects and any(c.lemma_.lower() in trig.not_objects for c in objects):
            return False
        if trig.needs_prep and not any(c.dep_ == "prep" and c.lower_ in trig.needs_prep for c in tok.children):
            return False
        if trig.needs_head and not (tok.dep_ in OBJ or tok.dep_ == "conj" and tok.head.dep_ in OBJ) or \
                trig.needs_head and (tok.head if tok.dep_ in OBJ else tok.head.head).lemma_.lower() not in trig.needs_head:
            return False
        if trig.needs_clause and (_infinitive(tok) is None or self._material_help(tok)):
            return False
        if trig.type == "AGREE" and any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() == "disagree"
                                        for c in tok.children):
            return False  # "agree to disagree": no agreement at all
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
            # (and the modifier itself when both are people: in "talks between Peru's president
            # Ramos and Chile's foreign minister Soto" the parser makes "Ramos (and Chile)" a
            # modifier of "Soto")
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i in self.actor_of:
                    conjuncts = [g for g in c.children if g.dep_ == "conj" and g.i in self.actor_of]
                    # (a person named as a modifier of another person is a misparsed list; so are
                    # coordinated adjectives on a noun the actors resolve to the last of them:
                    # "Turkish and Greek leadership")
                    listed = bool(conjuncts) and (c.dep_ == "amod" or all(
                        self.kind_of.get(t.i) in ("person", "title") for t in (tok, c)))
                    for g in [c] * listed + conjuncts:
                        if self.actor_of[g.i] not in out:
                            out.append(self.actor_of[g.i])
        for c in tok.children:
            if c.dep_ == "conj" or c.dep_ == "appos" and self._listed_state(tok) and self._listed_state(c):
                # "India, Pakistan agree": two states in apposition are a list, not one party renamed
                for a in self._actors(c, depth, skip=skip):
                    if a not in out:
                        out.append(a)
        return out

    def _listed_state(self, tok: Token) -> bool:
        return self.kind_of.get(tok.i) in ("state", "organisation") and self.form_of.get(tok.i) in (
            "name", "short_name", "capital", "acronym", "seat_of_power")

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
        came_from = -1
        for _ in range(4):
            # climbing from a clausal subject ("that sending aid is the only way"), that clause
            # is not the subject we look for
            subj = [c for c in hop.children if c.dep_ in SUBJ and c.i != came_from]
            if not subj and hop.pos_ == "VERB":
                # a misparse hangs the subject on the verb as a compound ("If Turkey attacks Greece")
                subj = [c for c in hop.children if c.dep_ == "compound" and c.i < hop.i and c.i in self.actor_of]
            agent = [c for c in hop.children if c.dep_ == "agent"]
            if agent:
                pobj = [g for g in agent[0].children if g.dep_ == "pobj"]
                if pobj:
                    return self._actors(pobj[0]), pobj[0], hop.i == verb.i
            if len(subj) > 1:
                # a misparse gives a verb two subjects ("Patrushev met Yang"): keep the one before it
                before = [c for c in subj if c.i < hop.i]
                subj = before[-1:] or subj[:1]
            if subj and subj[0].lower_ in self.w.relative_pronouns and hop.dep_ == "relcl" and \
                    self._actors(hop.head, 1):
                # "Biden, who met Xi in November, ...": the relative pronoun stands for its noun
                return self._actors(hop.head, 1), hop.head, hop.i == verb.i
            if subj:
                if subj[0].dep_ == "nsubjpass" and hop.i == verb.i and not (
                        verb.lemma_.lower() in self.w.stative_participles and any(
                            c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)):
                    # (a state told with a participle is its subject's: "Israel is opposed to
                    # French mediation" is Israel opposing it, no one opposing Israel)
                    return [], subj[0], True
                return self._actors(subj[0]), subj[0], hop.i == verb.i
            if hop.dep_ == "acl" and _misread_finite(hop):
                # "Turkish and Greek leadership called Wednesday for dialogue": the sentence's
                # verb, read as a participle on its subject
                return self._actors(hop.head), hop.head, hop.i == verb.i
            infinitive = hop.dep_ in ("acl", "relcl") and _purpose_clause(hop)
            noun = hop.head if hop.dep_ == "acl" or infinitive else hop.head.head if hop.dep_ == "pcomp" and \
                hop.head.dep_ == "prep" else None
            if noun is not None and noun.pos_ == "NOUN":
                # "his decision to increase forces", "Beijing's reason for supporting Russia": the
                # possessor of the noun acts
                owners = [c for c in noun.children if c.dep_ == "poss"]
                if owners and self._actors(owners[0]):
                    return self._actors(owners[0]), owners[0], False
                if infinitive and not owners and not (noun.dep_ in OBJ and
                                                      noun.head.lemma_.lower() in self.w.evaluating_verbs):
                    # "with public refusals to send aid, Beijing ...": the noun's clause subject acts
                    # (not when it judges the noun: "welcomed efforts to end the war" are others')
                    actors, subj_tok = self._governing_subject(noun)
                    if actors:
                        return actors, subj_tok, False
            if hop.dep_ == "pcomp" and hop.head.dep_ == "prep" and hop.head.lower_ in self.w.object_control_preps:
                # object control: "warned Russia against attacking", "stopped India from buying"
                objs = [c for c in hop.head.head.children if c.dep_ in ("dobj", "dative")]
                if objs and self._actors(objs[0]):
                    return self._actors(objs[0]), objs[0], False
            if hop.dep_ == "xcomp":
                # object control: "urged Russia to withdraw"
                objs = [c for c in hop.head.children if c.dep_ in ("dobj", "dative")]
                if objs and self._actors(objs[0]):
                    return self._actors(objs[0]), objs[0], False
            if hop.dep_ in ("xcomp", "conj", "advcl", "pcomp", "ccomp", "csubj") or (
                    hop.dep_ == "pobj" and hop.head.dep_ == "prep") or (
                    hop.dep_ == "acomp" and hop.pos_ == "ADJ" and hop.i != verb.i):
                # (a predicate adjective passes on its copula's subject: in "Norway is willing to
                # send aid" Norway sends)
                came_from = hop.i
                hop = hop.head if hop.dep_ != "pobj" else hop.head.head
                if hop.dep_ == "prep":
                    hop = hop.head
                continue
            if hop.dep_ == "prep" or (hop.dep_ == "pcomp"):
                hop = hop.head
                continue
            break
        return [], None, False

    def _intended_targets(self, verb: Token, trig: Trigger, sources: list[str], depth: int = 2) -> list[str]:
        """The target of the act an intent announces: "threatened to break off relations with
        Congo and Costa Rica" threatens Congo and Costa Rica. The announced verb's own objects and
        target prepositions count, and so do those of its object noun ("relations with Congo",
        "tariffs on Australian wine"), as the light verb's noun carries its target."""
        out: list[str] = []
        # (the parser sometimes hangs the infinitive on as an adverbial clause: "threatened on
        # Monday to impose tariffs")
        for act in (c for c in verb.children if c.pos_ == "VERB" and (
                c.dep_ == "xcomp" or c.dep_ == "advcl" and _purpose_clause(c))):
            found = self._verb_targets(act, Trigger(act.lemma_.lower(), "VERB", trig.type))
            for obj in (c for c in act.children if c.dep_ == "dobj"):
                found += [a for p in obj.children if p.dep_ == "prep" and p.lower_ in self.w.noun_target_preps
                          for g in p.children if g.dep_ == "pobj" for a in self._actors(g)]
            found = [a for a in found if a not in sources]
            if not found and depth:
                # "ready to ship equipment to help protect Jordan": the act offered is
                # told through the infinitives it is done for
                found = self._intended_targets(act, trig, sources, depth - 1)
            out += [a for a in found if a not in out]
        return out

    def _clause_subjects(self, verb: Token) -> list[str]:
        """The actors a demand or a charge is made of, named as the subject of its that-clause
        ("demanded that the United States withdraw", "charged that Iran had armed the rebels";
        ``clause_target_types``): with a third actor in the sentence (the thing demanded names
        another party) no fallback can pair the speaker with them. Only when the clause is the
        verb's complement: with an object of its own ("criticised remarks that ...") the clause
        tells about that object; nor a clause opened by a wh-word ("demand what it views as its
        place"), which names the thing demanded, not who is to act."""
        if any(c.dep_ in OBJ for c in verb.children):
            return []
        return _ordered_unique(a for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")
                               and c.doc[c.left_edge.i].tag_ not in ("WP", "WDT", "WRB", "WP$")
                               # (a misparse hangs a subjunctive's subject on it as a compound:
                               # "demanded that Turkey honour the truce")
                               for g in c.children if g.dep_ == "nsubj" or g.dep_ == "compound" and g.i < c.i
                               and g.i in self.actor_of for a in self._actors(g))

    def _attributed_doer(self, tok: Token) -> list[str]:
        """"blamed the US for arming Ukraine" -> the US is who arms."""
        hop, hops = tok, 0
        while hops < 5 and hop.dep_ in ("pcomp", "pobj", "prep", "conj") and hop.head.i != hop.i:
            hop = hop.head
            hops += 1
            if hop.pos_ == "VERB" and hop.lemma_.lower() in self.w.attributing_verbs:
                objs = [c for c in hop.children if c.dep_ == "dobj"]
                return self._actors(objs[0]) if objs else []
            if hop.pos_ == "VERB" and hop.i != tok.i and hop.dep_ not in ("pcomp",):
                return []
        return []

    def _verb_targets(self, verb: Token, trig: Trigger) -> list[str]:
        if trig.particle:
            # a sense chosen by its preposition bears on that preposition's object, not on the
            # verb's object ("extradited a Russian dealer to the United States": cooperation with
            # the United States)
            own = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == trig.particle]
            named = [a for c in own or [p for p in _object_preps(verb) if p.lower_ == trig.particle
                                        and trig.particle_on_object]
                     for g in c.children if g.dep_ == "pobj" for a in self._actors(g)]
            if named:
                return _ordered_unique(named)
        out: list[str] = []
        preps = set(trig.target_preps) or (self.w.target_preps | self.w.place_preps if trig.type in PLACE_TARGET_TYPES
                                           else self.w.target_preps - self.w.topic_preps
                                           if trig.joint and trig.type in TOPIC_TYPES else self.w.target_preps)
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        for c in verb.children:
            if c.dep_ in OBJ or c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and len(subjects) > 1 and c.i > verb.i):
                out += [a for a in self._actors(c) if a not in out]
            if c.dep_ == "dobj" and any(t.joint for t in self._triggers(c)):
                # "the UN welcomed the Saudi-Iranian rapprochement": what is done to a shared act
                # is done to each of its parties, not only to the one named nearest
                parties = self._noun_roles(c, Trigger(c.lemma_, "NOUN", "CONSULT"))[2]
                if len(parties) >= 2:
                    out += [a for a in parties if a not in out]
        for c in verb.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                for g in c.children:
                    if g.dep_ == "pobj":
                        out += [a for a in self._disapproved(g, trig) if a not in out]
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
            if not targets and trig.type in self.w.intent_target_types:
                targets = self._intended_targets(tok, trig, sources)
            if not targets and trig.type in self.w.clause_target_types:
                targets = [a for a in self._clause_subjects(tok) if a not in sources]
            if not targets and trig.type == "REJECT":
                targets = [a for a in self._refused_requests(tok) if a not in sources]
            if not targets and trig.type in self.w.purpose_preps:
                targets = [a for a in self._purposed_act_targets(tok, trig) if a not in sources]
            accused = self._attributed_doer(tok)
            if accused:
                sources, own = accused, True
            how = "syntax" if own else "inherited"
            if trig.joint and not sources and not targets:
                # "relations between Iran and Saudi Arabia were restored": the pair is named in
                # the passive subject
                patients = [a for c in tok.children if c.dep_ == "nsubjpass"
                            for a in _ordered_unique(self.actor_of[t.i] for t in c.subtree if t.i in self.actor_of)]
                if len(set(patients)) >= 2:
                    return _Found(_ordered_unique(patients), [], "syntax", joint=True)
            if trig.joint and trig.type in SHARED_TYPES and not sources and not targets \
                    and self._unnamed_shared_act(tok):
                return _Found(list(self._main_pair() or ()), [], "main pair", joint=True)
            if not sources and (trig.joint or not targets) and _names_pair(subj, self.w.pair_words):
                # "The two leaders met", "the two sides declared": the pair named just before
                pair = self._pair(prev_actors, sent_actors)
                if pair:
                    return _Found(pair, [], "inherited", joint=True)
            if sources and not targets:
                pair = self._pair_target(tok, trig, sources, sent_actors, prev_actors)
                if pair:
                    return _Found(sources, pair, how, joint=trig.joint)
            if trig.joint:
                if len(sources) >= 2 and not targets:
                    return _Found(sources, [], how, joint=True)
                if sources and targets:
                    return _Found(sources, targets, how, joint=True)
            if trig.joint and trig.type == "CONSULT" and not sources and not targets and not sent_actors \
                    and _agentless_passive(tok):
                # "issues such as fishing rights were discussed": talks told in the passive with no
                # party named in the sentence are those of the pair the article is about
                main = self._main_pair()
                if main:
                    return _Found(list(main), [], "main pair", joint=True)
            if trig.needs_joint_subject:
                return _Found(sources, [], how, joint=True) if len(sources) >= 2 else None
            if sources and targets:
                return _Found(sources, targets, how)
            if len(sources) >= 2 and not targets:
                # "Putin and Xi signed a statement": a shared act, coded both ways
                return _Found(sources, [], how, joint=True)
            if trig.type in FORCE_TYPES and not sources and subj is not None and subj.dep_ == "nsubjpass":
                # "Russian troops were withdrawn from Ukraine": the forces' state moves them
                movers = self._actors(subj)
                rest = [a for a in targets if a not in movers]
                if movers and rest:
                    return _Found(movers, rest, "syntax")
                if movers:
                    return self._fallback(tok, trig, movers, [], sent_actors)
            return self._fallback(tok, trig, sources, targets, sent_actors)
        # nouns
        if tok.lower_ in self.w.company_preps and tok.pos_ == "ADP":
            together = self._shown_together(tok)
            return _Found(together, [], "syntax", joint=True) if len(together) >= 2 else None
        sources, targets, joint_actors = self._noun_roles(tok, trig)
        if trig.type in GIVING_TYPES and tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.w.receiving_verbs:
            # "Russia would need military support from China": the subject receives, "from" gives
            receivers = self._subject(tok.head)[0]
            givers = sources or [a for a in self._light_verb_targets(tok.head, trig, ("from",))
                                 if a not in receivers]
            if receivers and givers:
                return _Found(givers, [a for a in receivers if a not in givers], "syntax")
            if receivers and not sources:
                return self._fallback(tok, trig, [], receivers, sent_actors)
        if not trig.joint and tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.w.undergoing_verbs:
            # "Seoul and Tokyo face threats from the North": the subject undergoes the act and the
            # "from"/"by" phrase does it; with no doer named, those who share a predicament are
            # no parties to it with each other
            undergoers = self._subject(tok.head)[0]
            doers = _ordered_unique(
                [*sources, *(a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                             for g in c.children if g.dep_ == "pobj" for a in self._actors(g)),
                 *self._light_verb_targets(tok.head, trig, ("from", "by"))])
            doers = [a for a in doers if a not in undergoers]
            if undergoers:
                return _Found(doers, undergoers, "syntax") if doers else None
        verb = tok.head if tok.dep_ in OBJ else tok.head.head if tok.dep_ == "conj" and tok.head.dep_ in OBJ else None
        if not targets and verb is not None and verb.lemma_.lower() in self.w.light_verbs:
            # "sent aid to Russia", "imposed sanctions on Iran", "gave Russia support", "raised
            # questions and concerns with Putin": the light verb carries the noun's target
            targets = [a for a in self._light_verb_targets(verb, trig) if a not in sources]
        if not targets and sources and trig.type in SAID_TYPES:
            # "Chile ignored a warning from Peru", "pressed on despite objections from Oslo": who
            # answers or withstands what was said is whom it was said to
            targets = [a for a in self._answerers(tok) if a not in sources]
            if not targets and self._passed_on(tok, sources):
                # "Chile echoed calls from France for a truce", "Chile reported a warning from
                # Peru": who passes on or reports what was said is not whom it was said to
                return None
        if trig.joint and len(joint_actors) >= 2:
            return _Found(joint_actors, [], "syntax", joint=True)
        between = self._between(tok)
        if len(between) >= 2:
            # "a peace agreement between Armenia and Azerbaijan", "the war between A and B": the
            # two named are the parties of the one act, whatever its type
            return _Found(between, [], "syntax", joint=True)
        if len(sources) >= 2 and not targets and trig.type in SHARED_TYPES:
            # "the deal inked by Aliyev and Pashinyan": two doers of an agreement share it
            return _Found(sources, [], "syntax", joint=True)
        subj = None
        if not sources:
            sources, subj = self._governing_subject(tok)
            how = "inherited"
        else:
            how = "syntax"
        if trig.joint and sources and targets:
            return _Found(sources, targets, how, joint=True)
        if len(sources) >= 2 and not targets and (trig.joint or how == "inherited" and (
                trig.type in SHARED_TYPES or subj is not None and subj.head.lemma_.lower() in self.w.exchanging_verbs)):
            # "India and Pakistan signed an agreement": the subject pair shares the act, and
            # "traded accusations" each does to the other (``exchanging_verbs``); not "American
            # and Israeli forces launched strikes", acts of the two together on a third
            return _Found(sources, [], how, joint=True)
        if sources and targets:
            return _Found(sources, targets, how)
        if sources and not targets and how == "syntax" and trig.type in FROM_DOER_TYPES and any(
                c.dep_ == "prep" and c.lower_ == "from" for c in tok.children):
            # "Imports from Russia fell, while threats from the US grew": a doer named by "from"
            # acts on whoever its own clause names, or on no one told; not a party of another clause
            clause = _clause_verb(tok) or tok
            span = range(clause.left_edge.i, clause.right_edge.i + 1)
            own = {self.actor_of[i] for i in span if i in self.actor_of
                   and not any(a.dep_ in ("conj", "advcl", "ccomp") and a.i != clause.i
                               for a in self.doc[i].ancestors if a.i in span)}
            sent_actors, prev_actors = [a for a in sent_actors if a in own], []
        if sources and not targets:
            pair = self._pair_target(tok, trig, sources, sent_actors, prev_actors)
            if pair:
                return _Found(sources, pair, how, joint=trig.joint)
        if not sources and not targets and not trig.joint and self._reciprocal(tok):
            # "mutual compliments", "export controls in both directions": each of the pair named
            # just before does it to the other
            pair = self._pair(prev_actors, sent_actors)
            if pair:
                return _Found(pair, [], "inherited", joint=True)
        if not sources and not targets and (trig.joint and _has_pair_word(tok, self.w.pair_words) or _names_pair(subj, self.w.pair_words)):
            pair = self._pair(prev_actors, sent_actors)
            if pair:
                return _Found(pair, [], "inherited", joint=True)
        if not sources and not targets:
            told = self._told_parties(tok, trig, sent_actors)
            if told:
                return _Found(told, [], "anaphor", joint=True)
        if not sources and not targets and trig.joint and (not sent_actors or self._no_actor_governs(tok)) and (
                _definite(tok) or trig.type == "CONSULT" and _bare_plural(tok, self.w.generic_modifiers)):
            # "In the end, the meeting went well", "the deal, struck this week, …": a shared
            # act named with "the" in a sentence that names no party is the one between the
            # pair the article is about (when it clearly has one); so it is when the actors the
            # sentence names have no hand in it ("The deal, struck in Beijing, is a win for
            # the Chinese", "Since the reconciliation, talks between the Saudis and
            # the Houthis have progressed"), unlike "Russia said the agreement can be signed";
            # so are talks named as a bare plural ("the issue was raised during negotiations",
            # "conversations have not eased the situation in Cyprus"),
            # not "a meeting", "such talks"
            main = self._main_pair()
            if main:
                return _Found(list(main), [], "main pair", joint=True)
        if not sources and not targets and trig.joint and trig.type in SHARED_TYPES and self._unnamed_shared_act(tok):
            return _Found(list(self._main_pair() or ()), [], "main pair", joint=True)
        return self._fallback(tok, trig, sources, targets, sent_actors)

    def _unnamed_shared_act(self, tok: Token) -> bool:
        """A shared act told with no party at all: a noun with no determiner or "the" ("raised
        repeatedly during negotiations", "at the heart of discussions were …", "conversations
        have not eased …") or a passive verb with no agent ("issues such as fishing rights were
        discussed", "a new accord cannot be signed before the election, Mitsotakis said"), right
        after a sentence that names a side of the article's main pair or said by one: it is the
        pair's act. A state named as the place ("the situations in Yemen") is no party. Not "a
        meeting" or "such talks", which may be any; not with anyone else named in the sentence,
        who may be a third party or one side acting alone ("Russia said the talks …", "before
        the summit, trade groups of A and B announced …")."""
        main = self._main_pair()
        if main is None:
            return False
        if tok.pos_ == "VERB":
            if not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or \
                    any(c.dep_ == "agent" for c in tok.children):
                return False
        elif any(c.dep_ in ("det", "poss") and c.lower_ != "the" or c.lower_ in self.w.generic_modifiers
                 for c in tok.children) or not (_definite(tok) or _bare_plural(tok, self.w.generic_modifiers)):
            return False
        speakers: set[str] = set()
        for t in tok.sent:
            if t.i not in self.actor_of or self._place(t):
                continue
            if not self._speaker(t, tok):
                return False
            speakers.add(self.actor_of[t.i])
        if not speakers <= set(main):
            return False
        return bool(set(main) & (speakers | set(self.prev_sent_actors)))

    def _speaker(self, tok: Token, act: Token) -> bool:
        """An actor named as who says the clause of ``act`` ("…, President Aliyev stated"): in
        the subject of a speech verb that the act's clause completes; not the subject of a
        speech verb the act only modifies ("ahead of the talks, Greek lobbies announced …")."""
        top = tok
        while top.dep_ in ("compound", "appos", "conj", "amod", "poss") and top.head.i != top.i:
            top = top.head
        verb = top.head
        if top.dep_ != "nsubj" or verb.lemma_.lower() not in self.w.speech_verbs:
            return False
        step = act
        while step.head.i != step.i and step.head.i != verb.i:
            step = step.head
        return step.head.i == verb.i and step.dep_ in ("ccomp", "parataxis")

    def _place(self, tok: Token) -> bool:
        """An actor named as where something happens: the object of a place preposition ("in
        Beijing", "the situations in Yemen and Lebanon")."""
        top = tok
        while top.dep_ in ("conj", "compound", "appos") and top.head.i != top.i:
            top = top.head
        return top.dep_ == "pobj" and top.head.lower_ in self.w.place_preps

    def _reciprocal(self, noun: Token) -> bool:
        """A noun whose act goes each way: modified by ``reciprocal_words`` ("mutual
        compliments") or with "both" ``reciprocal_nouns`` on it or its head ("in both directions")."""
        if _modified_by(noun, self.w.reciprocal_words):
            return True
        for h in (noun, noun.head):
            for c in h.children:
                if c.dep_ == "prep":
                    for g in c.children:
                        if g.dep_ == "pobj" and g.lemma_.lower() in self.w.reciprocal_nouns and any(
                                d.lower_ == "both" for d in g.children):
                            return True
        return False

    def _told_parties(self, noun: Token, trig: Trigger, sent_actors: list[str]) -> list[str] | None:
        """The parties of a shared act (SHARED_TYPES: not "the strike", which is too often
        another one) told before, for "the"/"this" same noun with no parties
        of its own: "a peace treaty between Armenia and Azerbaijan ... the peace treaty could
        be signed quickly, the prime minister said" (within ANAPHOR_SENTENCES, and only
        when the sentence names no one else). A noun told apart from the first by a name, a
        number or an adjective ("the Samarkand summit", "the previous summit") is another act."""
        if not _definite(noun, demonstrative=True) or any(
                c.dep_ in ("amod", "compound", "nmod", "nummod", "poss") and c.pos_ != "NOUN" for c in noun.children):
            return None  # "the previous summit", "the Samarkand summit": another one
        told = self._shared_nouns.get(noun.lemma_.lower())
        if told and self._sent_no - told[0] <= ANAPHOR_SENTENCES and set(sent_actors) <= set(told[1]):
            return list(told[1])
        return None

    def _light_verb_targets(self, verb: Token, trig: Trigger, preps: Iterable[str] = ()) -> list[str]:
        out: list[str] = []
        preps = set(preps) or set(trig.target_preps) or self.w.noun_target_preps
        for c in verb.children:
            # "gave Russia aid" (a dative noun), "sent aid to Russia" (a preposition, sometimes
            # parsed as dative)
            if c.dep_ == "dative" or c.dep_ == "prep" and c.lower_ in preps:
                heads = [c] if c.pos_ != "ADP" else [g for g in c.children if g.dep_ == "pobj"]
                for g in heads:
                    out += [a for a in self._actors(g) if a not in out]
        return out

    def _noun_roles(self, noun: Token, trig: Trigger) -> tuple[list[str], list[str], list[str]]:
        sources: list[str] = []
        targets: list[str] = []
        joint: list[str] = []
        # "a war of words with China": the phrases of the "of" complement that makes the act are the act's
        complement = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == trig.particle == "of"
                      and trig.particle_object for g in c.children if g.dep_ == "pobj"]
        for c in [*noun.children, *(p for g in complement for p in g.children if p.dep_ == "prep")]:
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
            elif c.dep_ == "prep" and (c.lower_ == "by" or c.lower_ == "from" and (
                    trig.type in FROM_DOER_TYPES or trig.type == "REQUEST" and self._asker_phrase(noun, c))):
                # "support by China", "aid from China": the giver; "criticism from Beijing",
                # "threats from the US", "demands from Lima": the one who criticises, threatens or asks
                for g in c.children:
                    if g.dep_ == "pobj":
                        sources += [a for a in self._actors(g) if a not in sources]
            elif c.dep_ == "prep" and trig.joint and trig.type in TOPIC_TYPES and c.lower_ in self.w.topic_preps:
                continue  # the topic of the talk, deal or dispute is no party to it
            elif c.dep_ == "prep" and (c.lower_ in self.w.noun_target_preps or c.lower_ in trig.target_preps or
                                       c.lower_ in self.w.place_preps and trig.type in PLACE_TARGET_TYPES or
                                       c.lower_ in self.w.disapproval_topic_preps and trig.type in DISAPPROVAL_TYPES):
                for g in c.children:
                    if g.dep_ == "pobj":
                        targets += [a for a in self._disapproved(g, trig) if a not in targets]
            elif c.dep_ == "acl" and c.lemma_.lower() not in self.w.mediating_verbs:
                # "a decision to supply Russia", "purchases made from Moscow", "the sanctions
                # imposed by the EU on Russia" (not "a deal brokered by Qatar": the broker is no
                # party, ``_mediators``)
                for g in c.children:
                    if g.dep_ in OBJ:
                        targets += [a for a in self._actors(g) if a not in targets]
                    elif g.dep_ == "agent" and c.tag_ == "VBN":
                        sources += [a for p in g.children if p.dep_ == "pobj" for a in self._actors(p)
                                    if a not in sources]
                    elif g.dep_ == "prep" and c.tag_ == "VBN" and g.lower_ in self.w.noun_target_preps - {"from"}:
                        targets += [a for p in g.children if p.dep_ == "pobj" for a in self._actors(p)
                                    if a not in targets]
        if trig.joint and trig.type == "CONSULT":
            # "Ruto and Abiy at the AU summit": those a caption names at a gathering meet
            joint = _ordered_unique(joint + self._present_parties(noun))
        # adjectival pairs: "Sino-Russian trade", "US-China tensions"
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")
                and c.lemma_.lower() not in self.w.mediating_verbs]
        mod_actors = _ordered_unique(self.actor_of[t.i] for m in mods for t in m.subtree if t.i in self.actor_of)
        if len(mod_actors) >= 2:
            joint = _ordered_unique(joint + mod_actors)
        if len(joint) < 2 and noun.dep_ in ("nsubj", "dobj", "pobj") and len(sources) >= 2:
            joint = sources
        if not targets:
            # "a naval blockade or other action against Taiwan", "the invasion and occupation of
            # Ukraine": the phrase after the last of coordinated acts is the target of each (not
            # when that act has its own doer: "China's sanctions and its trade with Japan")
            for conj in (c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN" and not any(
                    g.dep_ == "poss" or g.i in self.actor_of for g in c.children)):
                targets += [a for p in conj.children if p.dep_ == "prep" and p.lower_ in self.w.noun_target_preps
                            for g in p.children if g.dep_ == "pobj" for a in self._actors(g) if a not in targets]
        targets = [t for t in targets if t not in sources]
        return sources, targets, joint

    def _disapproved(self, phrase: Token, trig: Trigger) -> list[str]:
        """The actors of a target phrase; for a disapproval (``DISAPPROVAL_TYPES``) of an act whose
        phrase names no one but the act's doer in a "by" phrase, that doer ("farmers marched
        against the seizure of crops by Peruvian officers", "denounced the shelling by Chilean guns")."""
        actors = self._actors(phrase)
        if actors or trig.type not in DISAPPROVAL_TYPES or phrase.pos_ != "NOUN":
            return actors
        return _ordered_unique(a for c in phrase.children if c.dep_ == "prep" and c.lower_ in self.w.doer_preps
                               for g in c.children if g.dep_ == "pobj" for a in self._actors(g))

    def _present_parties(self, noun: Token) -> list[str]:
        """The actors a verbless sentence names at the gathering ``noun``: "The Kenyan president and
        the Ethiopian prime minister at the summit in Nairobi" (a photo caption; ``presence_preps``)
        says the two met there. Only two or more count, and only when
        no verb governs the phrase: "Xi spoke at the summit" names the speaker, not a meeting."""
        phrase = noun
        while phrase.dep_ == "pobj" and phrase.head.lower_ in self.w.part_preps and phrase.head.head.dep_ == "pobj":
            phrase = phrase.head.head  # "at an Organization of American States session", misparsed
        if phrase.dep_ != "pobj" or phrase.head.lower_ not in self.w.presence_preps:
            return []
        head = phrase.head.head
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or _verb_in_function(head) or any(
                c.pos_ == "ADJ" and c.i > head.i for c in head.children):
            # (a predicate adjective after the people tells their state there: "leaders absent at ...")
            return []
        parties = self._actors(head)
        return parties if len(parties) >= 2 else []

    def _shown_together(self, with_: Token) -> list[str]:
        """The actors of people shown together: a person or official a depicting verb shows or a
        verbless caption heads, and the people the "with" phrase attached to them names ("Footage
        showed Kenya's envoy with Ethiopian and Somali officials", "Ruto was pictured with Abiy", a
        caption "Ruto with Abiy in Addis Ababa"; ``depicting_verbs``). Each side must itself be a
        person or an official: "Macron's rivalry with Putin" is no picture, "showed the president
        with a wide lead" shows no one beside him. A caption without a depicting verb must put them
        somewhere (``presence_preps``); a question ("Xi with Kishida?") or an absolute phrase ("with
        the prime minister absent") shows no one together."""
        if with_.dep_ != "prep" or with_.pos_ != "ADP" or any(t.text == "?" for t in with_.sent):
            return []
        holder = with_.head
        pictured = False
        if holder.pos_ in ("VERB", "AUX"):
            if holder.lemma_.lower() not in self.w.depicting_verbs:
                return []
            objects = [c for c in holder.children if c.dep_ in ("dobj", "nsubjpass")]
            if not objects:
                return []
            holder, pictured = objects[0], True
        elif holder.dep_ in ("dobj", "nsubjpass") and holder.head.lemma_.lower() in self.w.depicting_verbs:
            pictured = True
        elif not (holder.dep_ == "ROOT" and holder.pos_ in ("NOUN", "PROPN")):
            return []
        first = next((g for g in with_.children if g.dep_ == "pobj"), None)
        if first is None:
            return []
        # the object, its conjuncts and theirs of its apposition ("with adviser Farah and Wang Yi")
        withs = [first, *first.conjuncts]
        withs += [x for a in (c for w in withs for c in w.children if c.dep_ == "appos")
                  for x in a.conjuncts if x not in withs]

        def person(t: Token) -> bool:
            return any(x.i in self.actor_of and self.kind_of.get(x.i) in PEOPLE_KINDS
                       for x in (t, *(c for c in t.children if c.dep_ == "appos")))

        if not person(holder) or not all(person(t) for t in withs):
            return []
        if not pictured and not any(t.dep_ == "prep" and t.lower_ in self.w.presence_preps and t.head.i in
                                    {holder.i, *(w.i for w in withs)} for t in with_.sent):
            return []

        def own_words(t: Token) -> list[Token]:
            # a side's own words (its modifiers before it and its apposition), not a place phrase after it
            return [x for x in t.subtree if x.i <= t.i] + [
                x for c in t.children if c.dep_ == "appos" for x in c.subtree if x.i <= c.i or x.dep_ != "conj"]

        shown = [t for w in (holder, *withs) for t in own_words(w) if t.i in self.actor_of]
        return _ordered_unique(self.actor_of[t.i] for t in shown)

    def _several_parties(self, tok: Token) -> bool:
        """A shared act marked as one of three or more parties ("a trilateral meeting", "three-way
        talks", "the three-way ratification of a treaty"; ``several_party_modifiers``)."""
        heads = [tok]
        if tok.dep_ == "pobj" and tok.head.lower_ in self.w.part_preps and tok.head.head.pos_ == "NOUN":
            heads.append(tok.head.head)  # "the three-way ratification of a treaty"
        for head in heads:
            for c in head.children:
                if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i:
                    words = "".join(t.text_with_ws for t in c.subtree).strip().lower().replace(" ", "")
                    if words in self.w.several_party_modifiers or c.lower_ in self.w.several_party_modifiers:
                        return True
        return False

    def _between(self, noun: Token) -> list[str]:
        """Actors of a noun's "between" phrase ("talks between India and Pakistan")."""
        return _ordered_unique(a for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
                               for g in c.children if g.dep_ == "pobj" for a in self._actors(g))

    def _mediators(self, noun: Token) -> list[str]:
        """Who brought the parties of a noun's act together without being one of them: the agent
        of a mediating participle ("talks mediated by Qatar", "the accord brokered by the US")
        or the actor hyphenated to it ("a US-brokered deal")."""
        out: list[str] = []
        for c in noun.children:
            if c.dep_ not in ("acl", "amod") or c.lemma_.lower() not in self.w.mediating_verbs:
                continue
            for g in c.children:
                if g.dep_ == "agent":
                    out += [a for p in g.children if p.dep_ == "pobj" for a in self._actors(p) if a not in out]
                elif g.dep_ in ("npadvmod", "compound", "nmod", "nsubj") and g.i < c.i:
                    out += [a for a in self._actors(g, 1) if a not in out]
        return out

    def _asker_phrase(self, noun: Token, prep: Token) -> bool:
        """Whether a request noun's "from" phrase names who asks ("demands from Lima", "a request
        from Oslo"): right after the noun, the noun a request in its own right (``_is_request``)
        and not a thing sought, whose "from" names who is asked ("sought compensation from Peru",
        ``receiving_verbs``)."""
        return prep.i == noun.i + 1 and self._is_request(noun) and not (
            noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.w.receiving_verbs)

    def _is_request(self, noun: Token) -> bool:
        """Whether a noun of asking asks here: a word that also names a market quantity
        (``quantity_request_nouns``: "demand from buyers in Asia", "met demand for steel") asks only in
        the plural, with a possessor, with a to-clause or that-clause, or for an act ("a demand for
        talks", not for goods)."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.w.quantity_request_nouns:
            return True
        return noun.tag_ == "NNS" or any(
            c.dep_ == "poss" or c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") for c in noun.children) \
            or any(g.dep_ == "pobj" and self._triggers(g) for c in noun.children
                   if c.dep_ == "prep" and c.lower_ == "for" for g in c.children)

    def _request_nouns(self, verb: Token) -> Iterator[tuple[Token, Trigger]]:
        """The request nouns a verb bears on, as its object or its prepositional object ("met Lima's
        demands", "responded to the request from Oslo"), with their REQUEST sense."""
        for noun in [c for c in verb.children if c.dep_ == "dobj"] + [
                g for p in verb.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]:
            if self._is_request(noun):
                yield from ((noun, t) for t in self._triggers(noun) if t.type == "REQUEST")

    def _purposed_act_targets(self, verb: Token, trig: Trigger) -> list[str]:
        """The target of the act a verb is done for or promises, named by an act noun in its
        ``purpose_preps`` phrase: "put its fleet on alert for a strike on Chile" moves forces
        against Chile (PLOVER MOBILIZE: forces readied against their target), "committed to more
        aid to Chile" promises Chile (PLOVER AGREE: promise an act, with its target). Only an act
        of a kind in ``purpose_act_types`` lends its target: drills with an ally are no target of
        a mobilisation, nor is the country sanctioned a party to the agreement to sanction it."""
        preps = self.w.purpose_preps.get(trig.type, frozenset())
        kinds = self.w.purpose_act_types.get(trig.type, frozenset())
        out: list[str] = []
        for noun in (g for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
                     for g in c.children if g.dep_ == "pobj"):
            for sense in self._triggers(noun):
                if sense.type in kinds:
                    out += [a for a in self._noun_roles(noun, sense)[1] if a not in out]
        return out

    def _turns_down_request(self, verb: Token) -> bool:
        """Whether a negated concession turns down a request it bears on: not when it is only not
        made yet or in full ("has not yet met the demands", "did not immediately comply",
        ``deferring_adverbs``)."""
        adverbs = {c.lower_ for v in (verb, *(a for a in verb.children if a.dep_ in ("aux", "auxpass")))
                   for c in v.children if c.dep_ == "advmod"}
        return not adverbs & self.w.deferring_adverbs and any(True for _ in self._request_nouns(verb))

    def _refused_requests(self, verb: Token) -> list[str]:
        """Who asked what a refusal turns down through the verb it refuses ("declined to answer the
        request from Oslo", "refused to comply with Lima's demands": PLOVER REJECT, reject a request
        or demand). The refused verb ("answer", "comply") is no act of its own, so only the request
        it bears on names whom the refusal rejects."""
        out: list[str] = []
        for act in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
            for noun, trig in self._request_nouns(act):
                out += [a for a in self._noun_roles(noun, trig)[0] if a not in out]
        return out

    def _passed_on(self, noun: Token, sayers: list[str]) -> bool:
        """Whether an act of words is the object, direct or through a preposition, of a verb by
        which its subject, an actor other than its sayers, passes it on (``relaying_verbs``), or
        the object of a preposition of another noun that verb's subject answers ("answered
        questions about criticism from France"): that subject repeats, reports or is asked about
        it, and is no addressee."""
        head = noun.head
        through_noun = False
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ not in self.w.addressee_preps:
            head = head.head
            if head.pos_ == "NOUN" and head.dep_ == "dobj":
                # "answered questions about criticism from France": what it answers is the questions
                head, through_noun = head.head, True
        elif noun.dep_ != "dobj":
            return False
        if head.pos_ != "VERB" or not through_noun and head.lemma_.lower() not in self.w.relaying_verbs:
            return False
        return bool(set(self._subject(head)[0]) - set(sayers))

    def _answerers(self, noun: Token) -> list[str]:
        """Whom an act of words with its own sayer and no target named was said to: the subject
        of an answering verb that takes it as its object or prepositional object ("Chile ignored a
        warning from Peru", "responded to demands from Lima", ``answering_verbs``; not "echoed calls
        from France" nor, through another noun, "answered questions about criticism from France"),
        or the subject of the clause its ``addressee_preps`` phrase hangs on, when that subject is
        itself an actor that acts ("pressed on despite objections from Oslo"; not "amid criticism
        from Lima, Chile's exports rose")."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ in self.w.addressee_preps:
            verb = head.head
            if verb.pos_ != "VERB" or verb.lemma_.lower() in self.w.unagentive_verbs or any(
                    c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
                return []
            return _ordered_unique(self.actor_of[c.i] for c in verb.children
                                   if c.dep_ == "nsubj" and c.i in self.actor_of)
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        elif noun.dep_ != "dobj":
            return []
        if head.pos_ != "VERB" or head.lemma_.lower() not in self.w.answering_verbs:
            return []
        return self._subject(head)[0]

    def _governing_subject(self, noun: Token) -> tuple[list[str], Token | None]:
        """The subject of the verb a noun is the object of ("Beijing has avoided any condemnation")."""
        head = noun.head
        hops = 0
        while hops < 3 and head.pos_ not in ("VERB", "AUX") and head.dep_ in ("prep", "pobj", "dobj", "conj",
                                                                               "appos", "attr"):
            head = head.head
            hops += 1
        if head.pos_ in ("VERB", "AUX") and noun.dep_ != "nsubj":
            actors, subj, _ = self._subject(head)
            if not actors and subj is not None and subj.dep_ == "nsubjpass" and noun.dep_ == "pobj" \
                    and noun.head.lower_ == "in" and noun.head.head.i == head.i \
                    and head.lemma_.lower() in self.w.participating_participles:
                # "Peru was involved in a bitter quarrel with Chile": the passive subject takes part
                actors = self._actors(subj)
            return actors, subj
        return [], None

    def _partner(self, source: str, candidates: list[str]) -> str | None:
        """Among several actors in the sentence, the one the document pairs most with ``source``,
        when it clearly leads (articles about a dyad name it again and again)."""
        if not candidates:
            return None
        counts = sorted(((self.cooccur.get((source, c), 0), c) for c in candidates), reverse=True)
        best, second = counts[0], counts[1] if len(counts) > 1 else (0, "")
        return best[1] if best[0] >= 3 and best[0] >= 2 * max(second[0], 1) else None

    def _accusers(self, tok: Token) -> set[str]:
        """Subjects of the accusing verb whose "of"/"for" phrase holds ``tok`` ("X accused Y of ...")."""
        hop, hops = tok, 0
        while hops < 5 and hop.dep_ in ("pcomp", "pobj", "prep", "conj") and hop.head.i != hop.i:
            hop = hop.head
            hops += 1
            if hop.pos_ == "VERB" and hop.lemma_.lower() in self.w.attributing_verbs:
                return {a for c in hop.children if c.dep_ == "nsubj" for a in self._actors(c)}
        return set()

    def _pair(self, prev_actors: list[str], sent_actors: list[str]) -> list[str] | None:
        """The two parties a pair word stands for: the people just named (places named in the
        sentence are not parties), else the actors of this and the previous sentences; among
        more than two, the pair the document names together most."""
        people = _ordered_unique(self.sent_people + self.prev_people)
        pool = people if len(people) >= 2 else _ordered_unique(sent_actors + prev_actors)
        if len(pool) < 2:
            # "the two countries", "bilateral trade" with at most one party in sight: the pair the
            # article is about, when it clearly has one
            main = self._main_pair()
            if main and (not pool or pool[0] in main):
                return list(main)
            return None
        ranked = sorted(((a, b) for i, a in enumerate(pool) for b in pool[i + 1:]),
                        key=lambda ab: -self.cooccur.get(ab, 0))
        return list(ranked[0])

    def _pair_target(self, tok: Token, trig: Trigger, doers: list[str], sent_actors: list[str],
                     prev_actors: list[str]) -> list[str] | None:
        """The two parties a third party acts on when its act names them by number, not by
        name ("US calls for both to lower tensions", "congratulations on the two countries'
        restraint", "urged the regional foes to talk"): each of the pair is a target.

        The pair is the article's own when the doers are not in it, else the two other actors
        of this and the previous sentences that the document names together most; none when
        they were never named together (a pair phrase with no pair in sight is left alone)."""
        if not any(self._pair_phrase(h) for h in self._target_heads(tok, trig)):
            return None
        main = self._main_pair()
        if main:
            # "Tokyo's decision destroys the trust the two countries built": a doer of the pair
            # speaks of its own pair, not of a third party's
            return None if set(main) & set(doers) else list(main)
        pool = _ordered_unique(sent_actors + prev_actors)
        ranked = sorted(((self.cooccur.get((a, b), 0), i, [a, b]) for i, (a, b) in
                         enumerate((a, b) for j, a in enumerate(pool) for b in pool[j + 1:])),
                        key=lambda x: (-x[0], x[1]))
        if not ranked or ranked[0][0] == 0 or set(ranked[0][2]) & set(doers):
            return None
        return ranked[0][2]

    def _target_heads(self, tok: Token, trig: Trigger) -> Iterator[Token]:
        """Heads of the phrases that may name what ``tok``'s act bears on: a verb's objects and
        the objects of its target prepositions, a noun's prepositional objects, and the subject
        of a clause either governs ("urged both to talk", "calls for both to calm tensions")."""
        preps = set(trig.target_preps) or (self.w.target_preps if trig.pos == "VERB" else self.w.noun_target_preps)
        for c in tok.children:
            if trig.pos == "VERB" and (c.dep_ in OBJ or c.dep_ == "dative" and c.pos_ != "ADP"):
                yield c
            elif c.dep_ in ("prep", "dative") and c.lower_ in preps:
                yield from (g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ in ("xcomp", "advcl", "acl", "ccomp"):
                yield from (g for g in c.children if g.dep_ == "nsubj")

    def _pair_phrase(self, head: Token) -> bool:
        """A phrase that names two parties by number: "both", "the two countries", "both
        sides", "the regional foes" (``pair_nouns``, ``definite_pair_nouns``), with no actor
        named inside it ("both China and Japan" names its parties)."""
        phrase = list(_phrase(head))
        if any(t.i in self.actor_of for t in phrase):
            return False
        for t in phrase:
            if t.lower_ == "both" and t.dep_ in SUBJ | OBJ | {"pobj", "dative", "appos", "poss"}:
                return True
            if t.lower_ in self.w.pair_nouns and t.tag_ == "NNS":
                words = {c.lower_ for c in t.children if c.dep_ in ("nummod", "det", "predet")}
                if words & {"two", "both"} or "the" in words and t.lower_ in self.w.definite_pair_nouns:
                    return True
        return False

    def _fallback(self, tok: Token, trig: Trigger, sources: list[str], targets: list[str],
                  sent_actors: list[str]) -> _Found | None:
        """One role found by syntax and exactly one other actor in the sentence: pair them."""
        if not self.c.sentence_fallback:
            return None
        if len(sources) == 1 and not targets and trig.pos == "VERB" and not trig.joint and any(
                c.dep_ == "dobj" and c.lower_ in self.w.party_nouns and
                not any(t.i in self.actor_of for t in c.subtree) for c in tok.children):
            # "Saudi Arabia backs the government, while Iran arms the rebels": the verb names its
            # target, one the actors do not resolve; another actor of the sentence is not it
            return None
        if len(sources) == 1 and not targets:
            members_only = self._named_as_membership(tok.sent)
            # a state named only as where the act was done is no party to it ("Norway signed the
            # agreement in Berlin"): the sentence's other actor, or the article's other side, is
            scene = self._named_as_scene(tok) if trig.type in SCENE_TYPES else set()
            others = [a for a in sent_actors if a not in sources and a not in members_only and a not in scene]
            if len(others) == 1 and others[0] in self._accusers(tok):
                # the accuser is not the other party ("Israel accused Iran of supplying weapons to Hamas")
                return None
            if len(others) == 1:
                return _Found(sources, others, "sentence", joint=trig.joint)
            partner = self._partner(sources[0], others)
            if partner:
                return _Found(sources, [partner], "partner", joint=trig.joint)
            if not others and trig.type in COUNTERPART_TYPES:
                # "Erdogan unveiled plans to expand trade": in an article about a pair, the act
                # of one side with no other party named is towards the other side
                counterpart = self._counterpart(sources[0])
                if counterpart:
                    return _Found(sources, [counterpart], "counterpart", joint=trig.joint)
        if (len(targets) == 1 or len(targets) >= 2 and trig.joint) and not sources:
            # (a shared act with several partners, "the signing of the accord with Pashinyan and
            # Aliyev", is the other actor's with each)
            # the doer is not named inside the phrase that names the target ("No country has
            # condemned Russia's invasion of Ukraine": Ukraine does not condemn), nor is it who
            # judges the act from outside ("welcomed efforts to send aid to Syria")
            inside = {t.i for t in tok.subtree} if trig.pos == "NOUN" else {
                t.i for c in tok.children if c.dep_ in OBJ or c.dep_ in ("prep", "dative") for t in c.subtree}
            outside = _ordered_unique(self.actor_of[t.i] for t in tok.sent if t.i in self.actor_of and
                                      t.i not in inside)
            judges = self._judges(tok)
            # (the place of a shared act is not its other party: "the deal with Iran was signed in
            # Beijing"; the place of a one-sided one may name who did it: "thousands marched in
            # Tbilisi in defiance of Russia")
            hosts = self._named_as_scene(tok) if trig.joint and trig.type in SCENE_TYPES else set()
            others = [a for a in outside if a not in targets and a not in judges and a not in hosts]
            if len(others) == 1:
                return _Found(others, targets, "sentence", joint=trig.joint)
            if not others and trig.type in COUNTERPART_TYPES and not any(
                    a for a in _ordered_unique(self.actor_of[t.i] for t in tok.sent if t.i in self.actor_of)
                    if a not in targets and a not in hosts):
                counterpart = self._counterpart(targets[0])
                if counterpart:
                    return _Found([counterpart], targets, "counterpart", joint=trig.joint)
        return None

    def _no_actor_governs(self, tok: Token) -> bool:
        """No actor in the noun's own phrase but a place ("struck in Beijing"), nor in the subject
        or agent of any verb above it: the actors of its sentence do not name who did the act,
        and do not speak of it."""
        if any(t.i in self.actor_of and not (t.head.pos_ == "ADP" and t.head.lower_ in self.w.place_preps)
               for t in tok.subtree):
            return False
        path = {tok.i, *(a.i for a in tok.ancestors)}
        for anc in tok.ancestors:
            if anc.pos_ in ("VERB", "AUX") and any(
                    t.i in self.actor_of for c in anc.children
                    if (c.dep_ in SUBJ or c.dep_ == "agent") and c.i not in path for t in c.subtree):
                return False
        return True

    def _judges(self, tok: Token) -> set[str]:
        """Who judges the clause ``tok`` stands in without doing it: the subject of an evaluating
        verb whose object noun that to-clause belongs to ("France welcomed efforts to send aid
        to Syria": France judges the sending, the senders are not named)."""
        for anc in tok.ancestors if tok.dep_ != "acl" else [tok, *tok.ancestors]:
            if anc.dep_ == "acl" and _purpose_clause(anc) and anc.head.dep_ in OBJ and \
                    anc.head.head.lemma_.lower() in self.w.evaluating_verbs:
                return set(self._subject(anc.head.head)[0])
        return set()

    def _named_as_scene(self, act: Token) -> set[str]:
        """Actors the sentence of ``act`` names only as where it was done (``_scene``)."""
        named: dict[str, bool] = {}
        above = {act.i, *(a.i for a in act.ancestors)}
        for t in act.sent:
            code = self.actor_of.get(t.i)
            if code is not None:
                named[code] = named.get(code, True) and self._scene(t, act, above)
        return {code for code, only in named.items() if only}

    def _scene(self, mention: Token, act: Token, above: set[int]) -> bool:
        """A mention that names where ``act`` was done: the object of a place preposition on the
        act ("talks in Paris"), on a word above it ("signed the agreement in Berlin", "said in
        Ankara that …"), on a clause that sets it ("Speaking in Washington, the minister
        rejected …"; "speaking from Moscow", ``spoken_from_verbs``), or on the occasion it was
        done at ("at a summit in Ankara", "on the sidelines of the UN General Assembly in New
        York", "in a speech in Paris": ``forum_nouns``, ``occasion_nouns``). Not a place of what
        the act bears on ("condemned the violence in Syria", "criticised the government in
        Ankara"): that place may be its target. ``above``: the act and the words above it."""
        top = mention
        while top.dep_ in ("conj", "compound", "appos") and top.head.i != top.i:
            top = top.head
        if top.dep_ != "pobj":
            return False
        prep = top.head
        if not (prep.lower_ in self.w.place_preps or
                prep.lower_ == "from" and prep.head.pos_ == "VERB" and
                prep.head.lemma_.lower() in self.w.spoken_from_verbs):
            return False
        host = prep.head
        occasions = self.w.forum_nouns | self.w.occasion_nouns
        for _ in range(4):
            # up from the occasion to what was done at it: "at a summit", "on the sidelines of …"
            if host.i == act.i or host.dep_ != "pobj" or host.head.dep_ != "prep":
                break
            if host.lemma_.lower() in occasions and host.head.lower_ in self.w.occasion_preps:
                # wherever the parser hangs it ("threatened retaliation at a news conference in
                # Paris"), an occasion something was said at is no party to what was said
                return True
            if host.head.lower_ == "of" and host.head.head.lemma_.lower() in occasions:
                host = host.head.head
            else:
                break
        if host.lemma_.lower() in self.w.visit_verbs and (act.head.i == host.i or act.head.head.i == host.i):
            # being or arriving somewhere for the act is visiting it: "was in Berlin to meet
            # officials", "has been in Germany for a two-day visit", "arrived in Tripoli to discuss"
            return False
        if host.i in above:
            return True
        # a clause that sets the act: "Speaking in Washington, …", "Arriving in Berlin, …"
        return host.pos_ in ("VERB", "AUX") and host.dep_ == "advcl" and host.head.i in above

    def _named_as_membership(self, sent: Span) -> set[str]:
        """Bodies the sentence names only as what others belong to ("the two NATO members",
        "EU member states"): not a party to the sentence's acts."""
        named: dict[str, bool] = {}
        for t in sent:
            code = self.actor_of.get(t.i)
            if code is None:
                continue
            membership = t.dep_ in ("compound", "nmod", "amod") and t.head.lemma_.lower() in self.w.membership_nouns
            named[code] = named.get(code, True) and membership
        return {code for code, only in named.items() if only}

    def _main_pair(self) -> tuple[str, str] | None:
        """The pair the document names together most (at least COUNTERPART_MIN times, and more
        than twice as often as any other pair): the sentences naming both, and once more each
        time they are named as the two parties of one phrase ("Iran and Saudi Arabia agreed",
        "Greek-Turkish relations"), which a third party named beside them rarely is; worked out
        once per document.

        A story that leads with its pair may name a mediator or a third party almost as often
        ("Iran and Saudi Arabia agreed … The breakthrough negotiated with China …"), or name the
        pair together only a few times and each side by its leader apart ("Mitsotakis' meeting
        with Erdogan was long."): the pair of its lead (the first sentence of the headline and
        lead that names exactly two actors, and tells an act: a word of the event lexicon) is its
        pair too when the document names that pair together more often than any other, and at
        least twice. A lead that only places something ("A storm swept across Ireland and
        Britain") names no pair."""
        if self._main is False:
            ranked = sorted(((n + self.joined.get(ab, 0), ab) for ab, n in self.cooccur.items() if ab[0] < ab[1]),
                            reverse=True)
            second = ranked[1][0] if len(ranked) > 1 else 0
            if ranked and ranked[0][0] >= COUNTERPART_MIN and ranked[0][0] > 2 * second:
                self._main = ranked[0][1]
            elif ranked and ranked[0][1] == self._lead and ranked[0][0] >= LEAD_PAIR_MIN and ranked[0][0] > second \
                    and self._lead_tells_an_act():
                self._main = ranked[0][1]
            else:
                self._main = None
        return self._main

    def _lead_tells_an_act(self) -> bool:
        """A word of the event lexicon, in a sense that fits it, in the lead's sentence."""
        return self._lead_sent is not None and any(
            self._fits(t, trig) for t in self._lead_sent
            for trig in self._triggers(t))

    def _counterpart(self, actor: str) -> str | None:
        """The other side of the pair an article is about, for ``actor`` on one side: the actor
        the document names together with it in at least COUNTERPART_MIN sentences, and more
        than twice as often as any other."""
        counts = sorted(((n, b) for (a, b), n in self.cooccur.items() if a == actor), reverse=True)
        if not counts:
            return None
        best = counts[0]
        second = counts[1][0] if len(counts) > 1 else 0
        if best[0] >= COUNTERPART_MIN and best[0] > 2 * second:
            return best[1]
        # one side of the pair the story is about (``_main_pair``): the other side
        main = self._main_pair()
        return (main[1] if main[0] == actor else main[0]) if main and actor in main else None

    # -- negation, modality, date, contexts

    def _governors(self, tok: Token, limit: int = 4) -> Iterator[Token]:
        """The trigger's chain of heads within its clause and the clauses that embed it."""
        hop = tok
        for _ in range(limit):
            if hop.head.i == hop.i:
                return
            hop = hop.head
            yield hop

    def _third_party_verb(self, tok: Token, parties: set[str]) -> Token | None:
        """The first verb governing ``tok`` in its clause whose subject is neither its source nor target."""
        prev = tok
        for gov in self._governors(tok, 4):
            if prev.dep_ in ("ccomp", "relcl", "advcl", "csubj", "parataxis", "conj"):
                return None
            if gov.pos_ in ("VERB", "AUX"):
                subj = [a for c in gov.children if c.dep_ in SUBJ for a in self._actors(c)]
                if subj and not set(subj) & parties:
                    return gov
            prev = gov
        return None

    def _negated(self, tok: Token, trig: Trigger, *, own_source: bool = False, stop: Token | None = None) -> bool:
        """``own_source``: a noun naming its own doer ("rejected Turkey's demand") is not negated by
        what the governing clause's subject avoids or refuses."""
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in tok.children):
            return True
        if any(c.dep_ in SUBJ and _no_determiner(c) for c in tok.children):
            return True
        if tok.pos_ == "NOUN" and any(c.dep_ in ("relcl", "acl") and c.tag_ in ("VBD", "VBN") and
                                      not any(g.dep_ == "neg" for g in c.children) for c in tok.children):
            # its own clause tells it was done: "did not apologize for the trade retaliation that it
            # imposed" leaves the retaliation done
            return False
        prev = tok
        for gov in self._governors(tok, 4):
            if stop is not None and gov.i == stop.i:
                break
            if gov.pos_ == "ADP" and gov.lower_ == "without":
                return True
            if prev.dep_ in ("ccomp", "csubj", "parataxis") or prev.dep_ == "conj" or (
                    prev.dep_ in ("advcl", "relcl") and not _purpose_clause(prev)):
                break
            if not own_source and (gov.lemma_.lower() in self.w.negating_governors or gov.lemma_.lower() in self.w.negating_nouns):
                return True
            if prev.dep_ == "xcomp" and any(c.dep_ == "advmod" and c.lower_ in self.w.negating_adverbs and c.i < prev.i
                                            for c in gov.children):
                return True  # "Iran and Saudi Arabia have yet to sign an agreement"
            if gov.pos_ in ("VERB", "AUX", "NOUN", "ADJ") and any(c.dep_ == "neg" for c in gov.children) and \
                    prev.dep_ in ("xcomp", "dobj", "pobj", "prep", "pcomp", "attr", "acomp", "oprd", "acl"):
                return True
            if not own_source and gov.pos_ in ("VERB", "AUX") and prev.dep_ in ("xcomp", "dobj", "prep", "pcomp",
                                                                              "attr", "oprd") and \
                    any(c.dep_ in SUBJ and _no_determiner(c) for c in gov.children):
                return True  # "Neither India nor Pakistan will attend the talks"
            if any(c.dep_ == "det" and c.lower_ == "no" for c in gov.children) and gov.pos_ == "NOUN" and \
                    gov.lemma_.lower() not in self.w.limit_nouns:
                return True
            prev = gov
        return False

    def _modality(self, tok: Token, *, stop: Token | None = None, carrier: Token | None = None) -> str:
        """``carrier``: the verb a noun's sense is restricted to, which tells the act itself, not
        an intent to act ("sought compensation from Japan" is a request made)."""
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
            if stop is not None and gov.i == stop.i:
                break
            if carrier is None or gov.i != carrier.i:
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
        if any(lemma in self.w.deny for lemma in lemmas):
            return "denied"
        if any(lemma in self.w.allege for lemma in lemmas):
            return "alleged"
        if any(lemma in ("accuse", "suspect", "allege") for lemma in lemmas[:4]) and self._attributed_doer(tok):
            return "alleged"
        if tok.dep_ == "pcomp" and tok.head.lower_ == "against":
            return "hypothetical"  # "warned Russia against attacking Poland"
        if aux & self.w.hypothetical_aux or clause_marks & {"if", "unless", "whether"} or \
                any(lemma in self.w.hypothetical_governors for lemma in lemmas):
            return "hypothetical"
        if aux & self.w.future_aux or any(lemma in self.w.intended_governors for lemma in lemmas[:3]):
            return "intended"
        if tok.tag_ == "VBG" and tok.dep_ == "xcomp" and tok.head.lemma_ in ("continue", "keep"):
            return "intended" if any(c.lower_ in self.w.future_aux for c in tok.head.children) else "actual"
        return "actual"

    def _sentence_dates(self, sent: Span) -> list[tuple[Span, int]]:
        """Date expressions of a sentence, each with the verb of the clause it modifies (-1: none)."""
        cached = self._dates_cache.get(sent.start)
        if cached is not None:
            return cached
        # Span.ents scans every entity of the document: on a long document that made this
        # quadratic (a 300,000-character text took a minute here), so look the sentence up
        # in the document's DATE entities, sorted by start, once per document
        if self._date_ents is None:
            self._date_ents = [e for e in self.doc.ents if e.label_ == "DATE"]
            self._date_starts = [e.start for e in self._date_ents]
        first = bisect.bisect_left(self._date_starts, sent.start)
        dates = []
        page_dates: set[int] = set()  # tokens of the page's own date line: no time expression
        for e in self._date_ents[first:]:
            if e.start >= sent.end:
                break
            if e.end > sent.end:
                continue
            if _DATE_LABEL.search(self.text, max(0, e.start_char - 40), e.start_char):
                page_dates.update(range(e.start, e.end))
            else:
                dates.append(_with_determiners(e))
        # time expressions the recogniser missed ("This month's meeting")
        covered = {t.i for e in dates for t in e} | page_dates
        for m in _TIME_EXPRESSION.finditer(sent.text):
            span = sent.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and not covered & {t.i for t in span}:
                dates.append(span)
        out = [(span, verb.i if (verb := _clause_verb(span.root)) is not None else -1) for span in dates]
        self._dates_cache[sent.start] = out
        return out

    def _date(self, tok: Token, sent: Span, *, future: bool, actual: bool = True) -> str | None:
        """The date of the trigger's own clause (or inside its noun phrase); for an actual event
        also that of a clause governing it ("said on Monday it had sent"), or of a clause it
        governs; for an intended or possible one, that of a verb of saying governing it ("told
        business leaders on Friday that the two should cooperate": when it was said); a date in
        an unrelated clause ("X, which met on Monday, agreed to ...") is not its."""
        dates = self._sentence_dates(sent)
        if not dates:
            return None
        verb = tok if tok.pos_ in ("VERB", "AUX") else _clause_verb(tok)
        own = verb.i if verb is not None else -1
        governing = _governing_clauses(verb) if verb is not None else []
        lo, hi = tok.left_edge.i, tok.right_edge.i
        ranked: list[tuple[int, int, Span, int]] = []
        for span, head in dates:
            if lo <= span.start <= hi and (tok.pos_ != "VERB" or head == own) or head == own and own >= 0:
                rank = 0
            elif head in governing or (verb is not None and head >= 0 and _completes(self.doc[head], verb)):
                rank = 1
            else:
                continue
            if rank > 0 and not actual and not (head >= 0 and self.doc[head].lemma_.lower() in self.w.speech_verbs):
                continue  # an intended act takes the date of the statement that announced it, no other
            ranked.append((rank, abs(span.start - tok.i), span, head))
        for rank, _, span, head in sorted(ranked, key=lambda r: (r[0], r[1])):
            # the preposition tells the month from the modal ("in May")
            root = span.root
            text = f"{root.head.text} {span.text}" if root.dep_ == "pobj" and root.head.i == span.start - 1 \
                else span.text
            # a governing clause's date is when the intention was stated: in the past; so is the
            # date of a verb told in the past that names the intended act as its object ("called
            # Wednesday for sustained dialogue": the call's Wednesday, not next week's)
            ahead = future and rank == 0 and not (head >= 0 and _simple_past(self.doc[head]))
            resolved = resolve_date(text, self.ref, future=ahead)
            if resolved:
                return resolved
            counted = self._counted_from(span)
            if counted is not False:
                self._counted.setdefault(tok.i, counted)
        if verb is not None and _measured_from_another(verb):
            # "Only 15 days before China blockaded Taiwan, Putin and Xi signed …": a day counted
            # from another event, not the news of the day
            self._counted.setdefault(tok.i, None)
            return None
        if actual and not ranked and (verb is None or verb.dep_ != "relcl") \
                and (tok.pos_ != "VERB" or verb is not None and verb.tag_ in ("VBD", "VBN")):
            # the parser tied the sentence's one time expression to no clause of the event (a long
            # opening phrase misread: "Following a meeting with X …, Y announced on Friday that …"):
            # a single date in the sentence governs its actual events (GUIDE.md, Conventions)
            # not a date of a relative clause ("China, which has sparred with Manila this past
            # year, has reached a deal") or of a participle on another act's noun ("follow an
            # agreement reached last month"), nor one ahead of the article
            resolved = {resolve_date(span.text, self.ref, future=False) for span, head in dates
                        if not any(t.lower_ in ("next", "coming", "until", "by") for t in span)
                        and not (head >= 0 and self._describes_another(self.doc[head], tok))}
            resolved.discard(None)
            if len(resolved) == 1 and len(dates) == 1:
                day = resolved.pop()
                if self.ref is None or day <= self.ref:  # an actual event lies before the article
                    return day
        return None

    def _statement_tense(self, tok: Token) -> str | None:
        """The tense of the verb of saying that tells an intended act ("'We will build the bridge
        together,' the minister said": past), None when no such verb governs it. The plan is dated by its
        statement (GUIDE.md, Conventions: a time expression governing the sentence dates it), and
        an undated statement told in the past is the article's news as any act told so is
        (``_news_of_the_day``); a relative clause keeps its own time (``_governing_clauses``)."""
        verb = tok if tok.pos_ in ("VERB", "AUX") else _clause_verb(tok)
        if verb is None:
            return None
        # the nearest: "said it had agreed to …"
        said = next((self.doc[i] for i in _governing_clauses(verb)
                     if self.doc[i].lemma_.lower() in self.w.speech_verbs), None)
        return _tense(said, self.w) if said is not None else None

    def _describes_another(self, clause: Token, tok: Token) -> bool:
        """A clause about a noun other than the event's: a relative clause ("China, which has
        sparred with Manila this past year"), or a participle on another act's noun ("The visit
        comes after an accord signed last month": last month is when the accord was signed,
        not when the visit takes place)."""
        if clause.dep_ == "relcl":
            return True
        noun = clause.head
        return clause.dep_ == "acl" and noun.i != tok.i and noun.pos_ == "NOUN" and bool(self._triggers(noun))

    def _counted_from(self, span: Span) -> int | None | Literal[False]:
        """How a time expression that the publication date does not resolve counts its day: days
        from the day the story is at ("the next day", "two days later"), None when it counts from
        another event named after it ("20 days before Russia invaded", "a week after the vote"),
        False when it counts from neither (a duration, "in recent days")."""
        after = self.doc[span.end] if span.end < len(self.doc) else None
        text = span.text
        if after is not None and after.lower_ in ("later", "earlier", "before", "after"):
            if after.lower_ in ("before", "after") and any(t.is_alpha for t in after.subtree if t.i != after.i):
                return None if narrative_offset(f"{text} later") is not None else False
            text = f"{text} {after.text}"
        offset = narrative_offset(text)
        return offset if offset is not None else False

    def _contexts(self, sent: Span, trig: Trigger) -> list[str]:
        words = {t.lower_ for t in sent}
        out = [name for name, vocab in self.w.context_words.items() if words & vocab]
        for c in trig.contexts:
            if c not in out:
                out.append(c)
        return out


#: "over the weekend": a month-precise date whose two days are known (``resolve_date``)
_WEEKEND = re.compile(r"\bweekend\b", re.IGNORECASE)


def _shifted(day: str, offset: int | None) -> str | None:
    """A day-precise date moved by ``offset`` days; None for a coarser date or no offset."""
    parsed = parse_iso(day)
    if parsed is None or parsed[1] < 3 or offset is None:
        return None
    return (parsed[0] + timedelta(days=offset)).isoformat()


def _weekend_day(day: str) -> bool:
    parsed = parse_iso(day)
    return parsed is not None and parsed[0].weekday() >= 5


def _refine_dates(events: list[dict[str, Any]], text: str = "") -> None:
    """An action told twice in one article is one action: where the same type and pair has a
    day-precise date in the same month, a month-precise mention takes it (a mention "over the
    weekend" only a Saturday or Sunday: Monday's protest is another action)."""
    precise: dict[tuple[Any, ...], set[str]] = {}
    for e in events:
        if e["date"] and len(e["date"]) == 10 and not e["negated"]:
            precise.setdefault((frozenset((e["source"], e["target"])), e["type"]), set()).add(e["date"])
    for e in events:
        if e["date"] and len(e["date"]) == 7:
            weekend = _WEEKEND.search(text, e["start"], e["end"]) is not None
            days = {d for d in precise.get((frozenset((e["source"], e["target"])), e["type"]), ())
                    if d.startswith(e["date"]) and (not weekend or _weekend_day(d))}
            if len(days) == 1:
                e["date"] = days.pop()


#: how a sentence of prose ends (a closing quote or bracket after the stop included)
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s*$")


def _ends_sentence(sent: Span) -> bool:
    """A sentence of prose, not a line of page furniture (a subhead, a photo credit, a date line)."""
    return _SENTENCE_END.search(sent.text) is not None


def _event_name(noun: Token) -> str | None:
    """The proper name an event noun is known by ("the Astana summit"), also across a copula
    ("The Astana summit was their first meeting this year")."""
    for n in (noun, *(c for c in noun.head.children if c.dep_ == "nsubj" and noun.dep_ == "attr")):
        names = [c for c in n.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if names:
            return " ".join(t.text for t in names)
    return None


#: how many sentences back the event a definite noun refers to may have been told
REFERENCE_SENTENCES = 2


def _told_of_main_pair(e: dict[str, Any]) -> bool:
    """A shared act whose parties the coder took from the article's main pair (no word of its
    sentence names them; ``MAIN_PAIR_CONFIDENCE``): it tells again an act named elsewhere, so it
    dates no other event (the next sentence's, a later mention's, the lead's news day)."""
    return float(e.get("confidence", 1.0)) <= MAIN_PAIR_CONFIDENCE


def _dates_by_reference(events: list[dict[str, Any]], sent_starts: list[int]) -> None:
    """An undated event told by a definite noun ("The diplomatic engagement unfolds …", "the
    meeting was unsuccessful") is the event of its type and pair told just before (in the same
    sentence or the REFERENCE_SENTENCES before it), and happened when that one did, whatever the
    tense of its own clause; when those earlier mentions carry more than one date, it keeps none.
    A shared act that names no party ("The present negotiations strive …", ``_told_of_main_pair``)
    can only re-tell an act of the article's pair, told anywhere before it: it looks back to the
    start of the article."""
    index = {start: i for i, start in enumerate(sent_starts)}
    for e in events:
        if e["date"] is not None or not e.get("_told_before") or e["modality"] != "actual" or e["negated"] \
                or "_offset" in e:
            continue
        here = index.get(e.get("_sent", -1))
        if here is None:
            continue
        pair = frozenset((e["source"], e["target"]))
        back = len(sent_starts) if _told_of_main_pair(e) else REFERENCE_SENTENCES
        days = {d["date"] for d in events if d["date"] and d["type"] == e["type"] and d["modality"] == "actual"
                and not d["negated"] and frozenset((d["source"], d["target"])) == pair and not _told_of_main_pair(d)
                and (d["trigger_start"] or 0) < (e["trigger_start"] or 0)
                and 0 <= here - index.get(d.get("_sent", -1), -99) <= back}
        if len(days) == 1:
            e["date"] = days.pop()


#: sentences at the top of an article (headline and lead) that tell its news
LEAD_SENTENCES = 4
#: how many days before publication the lead's own dated news may lie
NEWS_WINDOW_DAYS = 6


def _in_headline(token: Token) -> bool:
    """Whether ``token`` is in the headline: the first sentence of at least three words (as
    ``_DocCoder._headline_start`` finds it)."""
    for sent in doc_sents(token.doc):
        if sum(t.is_alpha for t in sent) >= 3:
            return sent.start <= token.i < sent.end
    return False


def _news_of_the_day(events: list[dict[str, Any]], ref: str | None, sent_starts: list[int],
                     told_days: Iterable[str] = ()) -> str | None:
    """Events the article reports as its news take the date of that news (GUIDE.md, Conventions),
    which is returned (None without a publication date).

    An undated, actual event is the article's news when its clause is in the present perfect
    ("India has suspended the treaty"), or in the simple past anywhere in the article (an
    undated act told in the past later on is most often a step of the same news: "The United
    Nations welcomed the rapprochement"; only the lead's own day is taken from the lead), or
    in the present tense in the headline ("Japan premier praises S. Korea leader"); a past
    perfect ("had met") is background. The news happened on the day the lead dates it (the
    latest day-precise date of an actual event in the lead, of a past-tense verb there or of an
    act it names by its day — ``told_days`` — at most NEWS_WINDOW_DAYS before publication), else
    on the publication date at the precision the article gives it; a clause told as of now ("has
    now escalated", "has escalated into a trade war") on the publication date itself. Without a
    publication date nothing is dated.

    A plan told by a verb of saying in the past or present perfect with no day of its own
    ("'The two ministries will build the bridge together,' the minister said", ``_statement_tense``) dates
    from the statement, which is news as any act told so is; a plan told by no verb of saying, or
    a possibility, has not happened and stays undated.

    Not the news: an act named as the start of a span ("Since the reconciliation, talks have
    progressed": the clause's perfect is the span's, the reconciliation lies before it; it takes
    the date of its earlier telling, ``_dates_by_reference``, or none).
    """
    if not ref:
        return None
    parsed = parse_iso(ref)
    if parsed is None:
        return None
    published, _ = parsed
    never = 1 << 62
    lead_limit = sent_starts[LEAD_SENTENCES] if len(sent_starts) > LEAD_SENTENCES else never
    headline = sent_starts[1] if len(sent_starts) > 1 else never
    news_date = ref
    lead_days = []
    for e in events:
        if e.get("_sent", never) < lead_limit and e["modality"] == "actual" and e["date"] and len(e["date"]) == 10 \
                and not _told_of_main_pair(e):
            day = parse_iso(e["date"])
            if day is not None and 0 <= (published - day[0]).days <= NEWS_WINDOW_DAYS:
                lead_days.append(e["date"])
    for told in told_days:
        day = parse_iso(told)
        if day is not None and 0 <= (published - day[0]).days <= NEWS_WINDOW_DAYS:
            lead_days.append(told)
    if lead_days:
        news_date = max(lead_days)
    for e in events:
        # a day counted from another ("the next day", "20 days before the invasion") is not today
        if e["date"] is not None or "_offset" in e or e.get("_since"):
            continue
        if e["modality"] == "intended" and e.get("_stated") in ("perfect", "past"):
            # a plan told by a statement that is the news ("'We will build the bridge together,' the
            # minister said") dates from the statement, as a written day does ("Yoon said on Friday …")
            e["date"] = news_date
            continue
        if e["modality"] != "actual":
            continue
        tense, sent = e.get("_tense"), e.get("_sent", never)
        if tense in ("perfect", "past") or (tense == "present" and sent < headline):
            # told as of now: the time of writing, not the day the lead tells its news on
            e["date"] = ref if e.get("_now") else news_date
    return news_date


#: dependencies of a non-finite clause that takes its tense from the clause above it
_NONFINITE_DEPS = frozenset({"xcomp", "advcl", "acl", "pcomp", "prep", "conj"})


def _tense(tok: Token, words: EventWords) -> str | None:
    """The tense of the clause that tells an event: "perfect" (has met), "pluperfect" (had met),
    "past" (met), "present" (meets), "background" (a habit or a long span: "have long traded",
    "for decades"), or None (future, modal, infinitive, no verb). A noun takes the tense of its
    verb only as its subject or object ("imposed restrictions", "the talks ended") or in a phrase on
    the verb ("signed at the summit"); inside another noun's phrase ("urged Beijing to address
    concerns about its restrictions") it has none."""
    if _verb_in_function(tok):
        return "past" if tok.lower_.endswith("ed") else "present"  # "Japan and China exchange barbs"
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr", "ROOT", "appos") \
            and not (tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX")):
        return None  # "concerns about its restrictions": a thing talked about, not the act told
    verb = _own_verb(tok)
    if verb is None:
        return None
    for _ in range(4):  # an infinitive or participle clause takes the tense of the verb it completes
        finite_aux = any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)
        if finite_aux or verb.tag_ not in ("VB", "VBG", "VBN") or verb.dep_ not in _NONFINITE_DEPS:
            break
        if verb.tag_ == "VBN" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            break  # a finite clause the tagger read as a participle ("Seoul called the move …")
        head = _copula_of(verb)
        if head.pos_ == "ADP" and head.head is not head:  # "with Erdogan calling for", "following talks"
            head = head.head
        if head is verb or head.pos_ not in ("VERB", "AUX"):
            break
        verb = head
    for child in verb.children:
        if child.dep_ in ("advmod", "npadvmod") and child.lower_ in words.background_adverbs:
            return "background"
        if child.dep_ == "prep" and child.lower_ in ("for", "since", "over") and any(
                t.lower_ in words.background_spans or (t.like_num and len(t.text) == 4) for t in child.subtree):
            return "background"
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in ("will", "would", "shall", "should", "may", "might", "could", "can", "must", "'ll") for a in aux):
        return None
    if "had" in aux or "'d" in aux:
        return "pluperfect"
    if any(a in ("has", "have", "'s", "'ve") for a in aux) and verb.tag_ == "VBN":
        return "perfect"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a in ("was", "were") for a in aux)):
        return "past"
    if verb.tag_ == "VBN" and not aux and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return "past"  # the small tagger's VBD read as VBN: "Both leaders committed to …"
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBN" and any(a in ("is", "are") for a in aux)):
        return "present"
    return None


def _dates_by_name(events: list[dict[str, Any]], text: str) -> None:
    """An undated event named after a place or body ("the Samarkand summit") happened when an
    earlier event of the same type, told in a sentence naming that place, did (when that is one day)."""
    for e in events:
        if e["date"] is not None or not e.get("_name"):
            continue
        days = {d["date"] for d in events if d["start"] < e["start"] and d["type"] == e["type"] and d["date"]
                and len(d["date"]) == 10 and not d["negated"] and e["_name"] in text[d["start"]:d["end"]]}
        if len(days) == 1:
            e["date"] = days.pop()


#: placeholder target of a war whose target the article names elsewhere
WAR_TARGET = "?war"
#: a war and the forces raised for it: "Russia's mobilization" is for its war on Ukraine
WAR_TYPES = {"ASSAULT", "MOBILIZE"}


def _resolve_wars(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One war per doer and article: "Russia's war on Ukraine" … "Putin's war" … "the Ukraine war
    is Moscow's war". A war noun whose doer is named but whose target is not takes the target the
    article gives that doer's uses of force by syntax; so does one paired with a bystander only
    because it was the other actor in the sentence ("Beijing sees it as Putin's war"). Without
    such a target in the article, neither is coded. Forces raised ("Russia's mobilization") follow
    the same war; without one they keep the other party the sentence names."""
    named: dict[str, dict[str, int]] = {}
    for e in events:
        if e["type"] in WAR_TYPES and e.get("_how") == "syntax" and not e["negated"] and e["target"] != WAR_TARGET:
            by = named.setdefault(e["source"], {})
            by[e["target"]] = by.get(e["target"], 0) + 1
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for e in events:
        war = named.get(e["source"])
        guessed = e["type"] in WAR_TYPES and e.get("_noun") and e.get("_how") in ("sentence", "partner")
        if e["target"] == WAR_TARGET or (guessed and (not war or e["target"] not in war)):
            if not war and e["type"] == "MOBILIZE" and e["target"] != WAR_TARGET:
                pass  # troops on alert face the other party named, more often than not
            elif not war:
                continue  # the bystander in the sentence is not the war's target
            else:
                target = max(war.items(), key=lambda kv: kv[1])[0]
                if target == e["source"]:
                    continue
                e = {**e, "target": target, "confidence": 0.45}
        key = (e["start"], e["source"], e["target"], e["type"], e["negated"])
        if key not in out or out[key]["confidence"] < e["confidence"]:
            out[key] = e
    return list(out.values())


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


def _own_verb(tok: Token) -> Token | None:
    """The trigger itself when it is a verb, else the verb at most three heads above it."""
    verb = tok
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX"):
            return verb
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _copula_of(verb: Token) -> Token:
    """The verb an infinitive completes: its head, or the copula of the predicate adjective it
    completes ("Egypt was unwilling to compromise", "Japan is ready to send ships"): the clause's
    tense is that of "was" / "is", the adjective has none of its own."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head is not head \
            and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return head


def _past_tense(tok: Token) -> bool:
    """The trigger, or the verb governing a noun trigger, is in a past tense."""
    verb = _own_verb(tok)
    if verb is None:
        return False
    # an infinitive takes the tense of the verb it completes ("had come together to declare")
    for _ in range(3):
        if verb.tag_ == "VB" and verb.dep_ in ("xcomp", "advcl") and not any(
                c.dep_ == "aux" and c.lower_ != "to" for c in verb.children):
            verb = _copula_of(verb)
        else:
            break
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.lower_ in ("had", "has", "have", "was", "were") for c in verb.children
                                      if c.dep_ in ("aux", "auxpass"))


def _no_determiner(tok: Token) -> bool:
    """A phrase headed by "no"/"neither" ("No Japanese warship", "Neither India nor Pakistan")."""
    return any(g.dep_ in ("det", "preconj") and g.lower_ in ("no", "neither") for g in tok.children)


def _with_determiners(ent: Span) -> Span:
    """A date entity with the determiners and modifiers the recogniser left out ("[This] month's")."""
    root = ent.root
    start = ent.start
    for c in root.lefts:
        if c.i < start and c.dep_ in ("det", "amod", "advmod", "nummod", "predet") and \
                all(t.dep_ in ("det", "amod", "advmod", "nummod", "predet", "compound") for t in ent.doc[c.i:start]):
            start = c.i
            break
    return ent.doc[start:ent.end] if start < ent.start else ent


def _measured_from_another(verb: Token) -> bool:
    """The clause is dated by a span of time counted from another event ("20 days before Russia
    invaded", "a week after the vote"): a "before"/"after" phrase or clause on the verb that
    carries a measure of days, weeks, months or years."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("before", "after"):
            anchor = c
        elif c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("before", "after") for m in c.children):
            anchor = c
        else:
            continue
        if any(m.dep_ == "npadvmod" and m.ent_type_ == "DATE" and m.lemma_.lower() in _MEASURES
               for m in anchor.children):
            return True
    return False


#: units a span of time is measured in ("20 days before …")
_MEASURES = frozenset({"day", "week", "month", "year", "days", "weeks", "months", "years"})


def _simple_past(verb: Token) -> bool:
    """A verb in the simple past: tagged so, or a participle with a subject and no auxiliary (the
    small tagger's VBD read as VBN: "Turkish and Greek leaders called Wednesday for …"), or hung
    on the root noun it is the finite verb of (``_misread_finite``)."""
    if verb.tag_ == "VBD":
        return True
    children = list(verb.children)
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in children) \
        and (any(c.dep_ == "nsubj" for c in children) or _misread_finite(verb))


def _clause_verb(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` (the clause it belongs to)."""
    for a in tok.ancestors:
        if a.pos_ in ("VERB", "AUX"):
            return a
    return None


def _governing_clauses(verb: Token) -> list[int]:
    """The verbs whose clauses contain ``verb``'s, nearest first, up to a relative clause (which
    is about a noun, and keeps its own time: "China, which has long backed Russia, bought oil in
    March")."""
    out: list[int] = []
    tok = verb
    for _ in range(8):
        if tok.dep_ == "relcl" or tok.dep_ == "acl" and not (_purpose_clause(tok) or _that_clause(tok)) \
                or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.i not in out:
            out.append(tok.i)
    return out


def _that_clause(tok: Token) -> bool:
    """A clause with "that" and a subject of its own hung on a noun by the parser ("told a
    gathering … that the two sides should collaborate"): what was said, a complement of the verb
    above it, not a description of the noun."""
    children = list(tok.children)
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in children) and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("which", "who", "that") for c in children)


def _completes(tok: Token, verb: Token) -> bool:
    """``tok`` is a verb completing ``verb`` through xcomp/conj links ("agreed to buy oil in March")."""
    for _ in range(4):
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == verb.i:
            return True
    return False


def _infinitive(tok: Token) -> Token | None:
    """The bare or "to" infinitive completing a verb ("helped Iran build", "help Pakistan to
    develop", "helps Iran build" as the small tagger's VBP), not a tensed clause ("helped say
    that it will …")."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and c.tag_ in ("VB", "VBP") and not any(
                a.dep_ in ("aux", "auxpass") and a.tag_ in ("MD", "VBD", "VBZ", "VBP") for a in c.children):
            return c
    return None


def _purpose_clause(tok: Token) -> bool:
    """An infinitive of purpose ("sent troops to help"): it stands or falls with its governor."""
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _restricted(trig: Trigger) -> bool:
    """A sense that applies only with a given modifier, head verb, preposition or infinitive."""
    return bool(trig.needs_modifier or trig.needs_head or trig.needs_prep or trig.needs_clause)


def _modified_by(tok: Token, words: Set[str]) -> bool:
    return any(c.lower_ in words or c.lemma_.lower() in words for c in tok.children
               if c.dep_ in ("amod", "compound", "nmod", "advmod", "npadvmod"))


def _phrase(head: Token) -> Iterator[Token]:
    """The tokens of a noun phrase without the clauses it contains ("the trust that the two
    countries built" is about trust; who built it is another act)."""
    yield head
    for c in head.children:
        if c.dep_ not in ("relcl", "acl", "advcl", "ccomp", "xcomp", "punct"):
            yield from _phrase(c)


def _names_pair(subj: Token | None, pair_words: frozenset[str]) -> bool:
    """A subject that stands for two parties ("the two leaders", "both sides", "they")."""
    return subj is not None and any(w.lower_ in pair_words for w in subj.subtree)


def _definite(tok: Token, *, demonstrative: bool = False) -> bool:
    """A noun with "the" ("the meeting", "the deal"), not "a meeting" or "such talks"; with
    ``demonstrative`` also "this deal", "that meeting"."""
    words = ("the", "this", "that") if demonstrative else ("the",)
    return any(c.dep_ == "det" and c.lower_ in words for c in tok.children)


def _bare_plural(tok: Token, generic: Set[str]) -> bool:
    """Talks named as a plural with no determiner, possessor or number ("raised during
    negotiations", "at the center of discussions"): the talks the story is about, unlike "such
    talks" (``generic``), "her talks" or "three meetings"."""
    return tok.tag_ == "NNS" and tok.dep_ != "compound" and not any(
        c.dep_ in ("det", "poss", "nummod", "predet") or c.lower_ in generic for c in tok.children)


def _agentless_passive(verb: Token) -> bool:
    """A passive verb with no "by" agent ("issues were discussed")."""
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def _has_pair_word(tok: Token, pair_words: frozenset[str]) -> bool:
    """A pair word in the noun's phrase, in its verb's subject ("the two sides' talks", "both
    countries held talks") or, for a noun that is the subject, in its verb's object or the subject
    of the clause the verb governs: the act bears on the pair ("the reconciliation has allowed
    the two countries to …", "the diplomatic engagement continued as both neighbours …")."""
    if any(c.lower_ in pair_words for c in tok.subtree) or any(
            c.lower_ in pair_words for c in tok.head.children if c.dep_ in SUBJ):
        return True
    if tok.dep_ != "nsubj":
        return False
    heads = [c for c in tok.head.children if c.dep_ in ("dobj", "dative")] + [
        g for c in tok.head.children if c.dep_ in ("ccomp", "xcomp", "advcl") for g in c.children if g.dep_ == "nsubj"]
    return any(w.lower_ in pair_words for h in heads for w in h.subtree)


def _ordered_unique(items: Iterable[Any]) -> list[Any]:
    seen: set[Any] = set()
    out = []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
