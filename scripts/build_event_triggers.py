"""Build dyadwatch.events.v2.jsonl: the v1 event triggers plus a hand-written supplement.

The event coder (``dyadwatch.analyze.events``) finds an event only where a word of its trigger
lexicon links two actors, so a trigger missing from the lexicon is an event missed. v1 holds
about 390 triggers; this script adds the verbs and nouns that English international news
(wire reports and analyses) uses for each of the 16 PLOVER types, written by hand from the
PLOVER codebook definitions (and a few words ``scripts/mine_synthetic_triggers.py`` finds tied to
one type in the NGEC-2025 synthetic stories, with their counts) (``../shared/external/ahalterman-NGEC-2025/
PLOVER_structured_codebook_updated.csv``, ``../shared/external/openeventdata-PLOVER/
CAMEO2PLOVER-2021.txt``) and the project's coding conventions (``../shared/eval/GUIDE.md``).

What it writes, to ``src/dyadwatch/dictionaries/data/dyadwatch.events.v2.jsonl``:

- the DICTIONARY line of v1 with the name ``dyadwatch.events.v2``, the description extended
  (v2 = v1 + this supplement) and the sources;
- every TRIGGER line of v1, byte for byte, in v1's order, but for the joint flag that
  ``V1_JOINT`` adds (with its reason) to a few agreement words and the objects that
  ``V1_NOT_OBJECTS`` (with its reason) takes from a few words' v1 sense;
- the rows of ``SUPPLEMENT`` below, grouped by PLOVER type.

The keys are those of v1 and mean what v1's DICTIONARY line says (``lemma``, ``pos`` VERB or
NOUN, ``type``, ``mode``, ``joint``, ``needs_object``, ``target_preps``, ``needs_modifier``,
``needs_prep``, ``not_objects``, ``needs_head``, ``contexts``; and v2's ``particle_on_object``: the
particle may be a preposition of the verb's direct object, where the parser often hangs it). A particle or fixed word is
written into the lemma after an underscore, as v1 does ("call_on", "cut_ties"): the coder
takes the first word after the underscore and matches it against the trigger's particle, then
its adverbs and objects, then its prepositions ("back_down", "restore_ties", "rally_behind");
when it matches, only the entries with that particle apply. A word is added only where its
international-relations sense is clearly the type, or where a key restricts it to that sense.
A (lemma, pos, particle) already in v1 is not repeated with another type; where a particle
entry takes a v1 word away from its v1 type in one construction (v1 codes "welcomed the
decision" as a visit, "backed down" as support), the lemma is listed in ``V1_SENSES_MISSED``
with the reason.

Validation, before anything is written: the supplement's keys and values are checked, the
whole text is loaded with the coder's own reader (``dyadwatch.analyze.events.read_lexicon``),
which must give every row back, and no (lemma, pos, particle, type) may occur twice with the
same restrictions (a restricted sense, when it fits, takes the word from the unrestricted ones).

    .venv/bin/python scripts/build_event_triggers.py          # write v2 and print the counts
    .venv/bin/python scripts/build_event_triggers.py --check  # only compare with the file on disk

A changed lexicon is a new version: v1 is never edited in place (stored events record the
dictionary that coded them, ``event["dictionary"]``), and a change to this supplement after v2
has been used for stored results belongs in a ``dyadwatch.events.v3`` (change ``NAME`` and
``OUT``), not in a rewritten v2. The coder uses v1 unless its component is configured with
``dictionary="dyadwatch.events.v2"``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "dyadwatch" / "dictionaries" / "data"
SOURCE = DATA / "dyadwatch.events.v1.jsonl"
NAME = "dyadwatch.events.v2"
OUT = DATA / f"{NAME}.jsonl"

#: keys a TRIGGER row may carry, in the order they are written (v1's order)
KEYS = ("label", "lemma", "pos", "type", "mode", "joint", "needs_object", "needs_joint_subject", "particle_on_object", "target_preps",
        "needs_modifier", "needs_prep", "not_objects", "needs_head", "needs_clause", "contexts")
LIST_KEYS = {"target_preps", "needs_modifier", "needs_prep", "not_objects", "needs_head", "contexts"}
BOOL_KEYS = {"joint", "needs_object", "needs_joint_subject", "particle_on_object", "needs_clause"}
CONTEXTS = {"military", "economic", "diplomatic", "natural_resource", "technology", "territory", "cyber",
            "humanitarian", "legal"}
#: the codebook's mode names per type; a new row may use these and those v1 uses for the type
MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "ban", "arrest", "relations", "rights", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "ban", "censor", "curfew", "arrest", "deport", "withhold", "misinformation",
               "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "cleansing", "massacre", "unconventional"},
    "AID": {"asylum"},
}

# ------------------------------------------------------------------------------ the supplement

SUPPLEMENT: list[dict[str, Any]] = []


def verb(lemma: str, type_: str, **keys: Any) -> None:
    SUPPLEMENT.append({"lemma": lemma, "pos": "VERB", "type": type_, **keys})


def noun(lemma: str, type_: str, **keys: Any) -> None:
    SUPPLEMENT.append({"lemma": lemma, "pos": "NOUN", "type": type_, **keys})


#: v1 triggers that v2 codes as joint acts (both directions when a partner is named, "signed an
#: agreement with Y"), and why; every other v1 line is copied unchanged
V1_JOINT = {
    ("sign", "VERB"): "the guide codes 'A and B signed' both ways; 'A signed … with B' is the same shared act",
    ("agreement", "NOUN"): "an agreement has two parties: 'an agreement with B' is A's and B's",
    ("deal", "NOUN"): "as 'agreement'",
    ("treaty", "NOUN"): "as 'agreement'",
    ("accord", "NOUN"): "as 'agreement'",
    ("pact", "NOUN"): "as 'agreement'",
    ("statement", "NOUN"): "only a 'joint statement' (needs_modifier) is an event, and the guide codes it both ways",
    ("declaration", "NOUN"): "as 'statement': only a 'joint declaration'",
}

#: v1 triggers whose v1 sense does not hold with these objects (``not_objects``), and why
V1_NOT_OBJECTS: dict[tuple[str, str], tuple[list[str], str]] = {
    ("meet", "VERB"): (["need", "target", "goal", "demand", "deadline", "requirement", "expectation", "standard",
                        "criterion", "obligation", "condition", "cost", "quota", "threshold", "challenge",
                        "benchmark"],
                       "meeting a need, a target or a demand is fulfilling it, not meeting a party"),
    ("call", "VERB"): (["move", "step", "decision", "agreement", "deal", "accord", "pact", "treaty", "talk",
                        "meeting", "summit", "visit", "remark", "comment", "statement", "speech", "claim",
                        "accusation", "allegation", "action", "act", "measure", "policy", "plan", "proposal",
                        "idea", "situation", "development", "result", "outcome", "election", "vote", "referendum",
                        "law", "bill", "ruling", "verdict", "report", "incident", "it", "this", "that", "what"],
                       "calling a move or an agreement something names it ('labelled the blockade provocative'); "
                       "a phone call is made to a party"),
    ("provide", "VERB"): (["explanation", "clarification", "answer", "response", "evidence", "proof", "justification",
                           "reason", "comment", "update", "account", "detail", "reassurance"],
                          "providing an explanation or an answer is no aid"),
}

#: v1 lemmas that a supplement particle entry takes to another type in one construction, and why
V1_SENSES_MISSED = {
    "welcome": "v1 codes every 'welcome' as a visit (CONSULT); 'welcomed the decision/move/step …' is "
               "approval (SUPPORT, codebook: approve policy or action)",
    "rally": "v1 codes 'rally' as a demonstration; 'rallied behind/around/to X' is rallying support (SUPPORT)",
    "back": "v1 codes 'back' as SUPPORT; 'backed down/off' is yielding (CONCEDE)",
    "meet": "v1 codes 'meet' as a meeting (CONSULT); meeting plural 'demands' grants them (CONCEDE, the guide's "
            "'accept demands', codebook: accede to requests or demands), not a market's 'demand'",
    "call": "v1 codes a transitive 'call' as a phone call; 'called up reservists' mobilises (MOBILIZE), "
            "'called upon X' is a request like v1's 'call_on'; v1 codes the noun 'call' both as a phone call "
            "(CONSULT) and a request: 'calls for X' is only the request",
    "vow": "v1 codes 'vow' as a promise (AGREE); 'vowed retaliation/revenge' is a threat (THREATEN)",
    "promise": "as 'vow': 'promised retaliation' is a threat",
    "pledge": "as 'vow': 'pledged retaliation' is a threat",
    "trade": "v1 codes 'trade' as trading (COOPERATE); 'traded barbs/insults/jabs' is mutual criticism (ACCUSE)",
    "normalise": "v1 codes 'normalise' as an agreement (AGREE); normalising ties, relations or a pact is "
                 "diplomatic cooperation (COOPERATE), as restoring ties is; the promise is coded by its own verb",
    "normalize": "as 'normalise'",
    "halt": "v1 codes 'halt' as a cut-off (SANCTION, 'halted exports'); 'halted the fighting/attacks' ends "
            "force (RETREAT)",
    "war": "v1 codes 'war' as force (ASSAULT); 'a war of words' is mutual criticism (ACCUSE)",
    "strike": "v1 codes 'strike' as force (ASSAULT); 'struck a deal' is an agreement (AGREE)",
    "escalate": "v1 codes 'escalate' as force (ASSAULT); 'escalate trade/commerce/cooperation' raises it (COOPERATE)",
    "extradite": "v1 codes 'extradite' as an arrest (COERCE); 'extradited X to Britain' is judicial cooperation "
                 "with the receiving state (COOPERATE, codebook: cooperation on judicial matters, such as extraditions)",
}

#: (lemma, pos, particle) of v1 given a second type here, and why
V1_SENSES_ADDED: dict[tuple[str, str, str | None], str] = {
    ("war", "NOUN", None): "v1 codes 'war' as force (ASSAULT); a trade, tariff or economic war is a contest of "
                           "tariffs and bans (SANCTION), coded both ways; the coder lets a sense restricted by a "
                           "modifier, when it fits, take the word from its unrestricted senses; a diplomatic or "
                           "verbal war, like a war of words, is mutual criticism (ACCUSE)",
    ("exchange", "NOUN", None): "v1 codes the noun 'exchange' as cooperation (exchanges of goods, students); "
                                "an exchange two sides have or hold is a conversation (CONSULT, codebook: "
                                "exchange of views), a sense restricted by its head verb",
    ("help", "VERB", None): "v1 codes 'help' as aid (AID); helping a party do something ('help Iran build a "
                            "reactor', 'help Nepal train its engineers') is help with an act, cooperation "
                            "(COOPERATE), where the guide's AID is material aid provided: a sense restricted "
                            "by its infinitive (needs_clause)",
}

# ---- AGREE: agreeing, promising, signing; the documents agreed
verb("ink", "AGREE", needs_object=True)  # "inked a deal": wire copy uses it for agreements only
for _obj in ("deal", "deals", "agreement", "agreements", "accord", "pact", "treaty"):
    verb(f"seal_{_obj}", "AGREE")  # "sealed a deal", not "sealed the border"
for _obj in ("deal", "deals", "agreement", "accord", "pact"):
    verb(f"clinch_{_obj}", "AGREE")  # not "clinched victory"
for _obj in ("deal", "deals", "agreement", "agreements", "accord", "pact", "bargain", "compromise"):
    verb(f"strike_{_obj}", "AGREE")  # "struck a deal", "the deal, struck in Beijing": no strike
for _obj in ("dispute", "disputes", "differences"):
    verb(f"settle_{_obj}", "AGREE")  # not "settled debts", "settled in"
verb("finalise", "AGREE", needs_object=True)
verb("finalize", "AGREE", needs_object=True)
verb("cosign", "AGREE")
verb("countersign", "AGREE")
verb("consent", "AGREE")
verb("accept", "AGREE", needs_object=True,  # an offer, proposal, invitation, plan
     not_objects=["responsibility", "blame", "refugee", "migrant", "award", "prize", "resignation", "bribe",
                  "money", "payment", "donation", "fact", "reality", "risk", "loss", "defeat", "credential"])
verb("guarantee", "AGREE", needs_object=True)  # "guaranteed Ukraine's security"
verb("assure", "AGREE", needs_object=True)  # "assured Kyiv of continued help": a promise
noun("understanding", "AGREE", needs_head=["reach", "sign", "have"])
noun("consensus", "AGREE", joint=True, needs_head=["reach", "forge", "build", "achieve"])
noun("settlement", "AGREE", needs_head=["reach", "negotiate", "sign", "accept", "broker", "conclude", "agree"])
noun("arrangement", "AGREE", needs_head=["reach", "agree", "sign", "conclude", "make", "work"])
noun("protocol", "AGREE", needs_head=["sign", "ratify", "adopt", "conclude", "initial"])
noun("convention", "AGREE", needs_head=["sign", "ratify", "adopt"])
noun("charter", "AGREE", needs_head=["sign", "ratify", "adopt"])
noun("framework", "AGREE", needs_head=["sign", "agree", "reach", "adopt"])
noun("roadmap", "AGREE", needs_head=["sign", "agree", "adopt", "endorse"])
noun("guarantee", "AGREE", needs_modifier=["security", "nuclear", "written", "legal", "ironclad", "firm"])
noun("assurance", "AGREE")
noun("overture", "AGREE")  # codebook: willingness to meet or cooperate
noun("mou", "AGREE")
noun("signing", "AGREE", needs_prep=["of"])
noun("accession", "AGREE", needs_prep=["to"])

# ---- CONSULT: meetings, visits, calls, mediation (joint unless framed as one side's act)
verb("chat", "CONSULT", joint=True)
verb("huddle", "CONSULT", joint=True)
verb("liaise", "CONSULT", joint=True)
verb("parley", "CONSULT", joint=True)
verb("sit_down", "CONSULT", joint=True)  # "sat down with"
verb("engage_with", "CONSULT", joint=True)
verb("reach_out", "CONSULT", target_preps=["to"])  # one-sided contact
verb("speak_by", "CONSULT", joint=True, mode="phone")  # "spoke by phone"
verb("speak_over", "CONSULT", joint=True, mode="phone")  # "spoke over the phone"
for _obj in ("views", "messages", "letters", "greetings", "notes"):
    verb(f"exchange_{_obj}", "CONSULT", joint=True)
verb("shake_hands", "CONSULT", joint=True)
verb("brief", "CONSULT", needs_object=True)  # "briefed Xi on": one-sided communication
verb("inform", "CONSULT", needs_object=True)
verb("notify", "CONSULT", needs_object=True)
verb("greet", "CONSULT", needs_object=True, mode="visit")
verb("tour", "CONSULT", needs_object=True, mode="visit")
verb("toast", "CONSULT", needs_object=True)  # toasts are raised at meetings and banquets
verb("broker", "CONSULT", mode="third-party")
noun("conversation", "CONSULT", joint=True)
noun("videoconference", "CONSULT", joint=True, mode="phone")
noun("teleconference", "CONSULT", joint=True, mode="phone")
noun("audience", "CONSULT", needs_head=["grant", "have", "hold", "seek", "receive", "give"])
noun("handshake", "CONSULT", joint=True)
noun("parley", "CONSULT", joint=True)
noun("delegation", "CONSULT", mode="visit", needs_head=["send", "dispatch", "lead", "receive", "host", "welcome",
                                                          "head"])
noun("tour", "CONSULT", mode="visit")
noun("stopover", "CONSULT", mode="visit")
noun("banquet", "CONSULT", mode="visit")
noun("dinner", "CONSULT", mode="visit", needs_modifier=["state", "official", "working"])
noun("welcome", "CONSULT", mode="visit")  # "gave Kim a lavish welcome"
noun("contact", "CONSULT", joint=True, needs_prep=["between", "with"])
# "the two leaders had an honest exchange", "held an exchange of views": a conversation
noun("exchange", "CONSULT", joint=True, needs_head=["have", "hold"])
noun("call_for", "REQUEST")  # "US calls for both to calm tensions": the request, not a phone call
# "a phone call": the conversation, not a request
noun("call", "CONSULT", joint=True, needs_modifier=["phone", "telephone", "video", "conference"])
# "he and Mitsotakis addressed the territorial issues": two sides taking up issues together discuss
# them; one side "addressing" an audience or a problem is no meeting, nor are two speakers
# addressing the same audience ("Xi and Putin addressed the forum")
verb("address", "CONSULT", needs_joint_subject=True, needs_object=True,
     not_objects=["assembly", "forum", "conference", "summit", "parliament", "congress", "session", "meeting",
                  "audience", "crowd", "rally", "gathering", "reporter", "journalist", "media", "press", "nation",
                  "delegate", "lawmaker", "legislature", "student", "people", "public", "leader"])
# a shared appearance: "a joint press conference with Lula", "a news briefing with his counterpart";
# a conference or briefing with no "with" is one side talking to reporters, no meeting
noun("conference", "CONSULT", joint=True, needs_modifier=["press", "news", "joint"], needs_prep=["with"])
noun("briefing", "CONSULT", joint=True, needs_modifier=["press", "news", "joint"], needs_prep=["with"])
noun("toast", "CONSULT", joint=True, needs_head=["make", "raise", "propose", "exchange", "share", "drink"])
noun("diplomacy", "CONSULT", mode="third-party", needs_modifier=["shuttle"])
# "the diplomatic engagement continued", "high-level engagement between the two": contact kept up
# (a bare "engagement" is as often a battle or a commitment)
noun("engagement", "CONSULT", joint=True, needs_modifier=["diplomatic", "bilateral", "high-level"])

# ---- SUPPORT: verbal support, approval, praise, recognition
# "welcomed the decision": approval; v1's "welcome" (a visit) stays for people and states.
# Not "approve"/"approval": in news mostly a government approving its own project, aid or deal
# ("Beijing approved construction of a dam"), not approval of another state's act.
for _obj in ("decision", "decisions", "move", "moves", "step", "steps", "announcement", "proposal", "proposals",
             "initiative", "initiatives", "effort", "efforts", "progress", "outcome", "resolution", "plan",
             "plans", "remarks", "news", "idea", "gesture", "willingness", "readiness", "election", "vote",
             # the acts two states agree on, welcomed by a third: "the UN welcomed the Saudi-Iranian
             # rapprochement" approves the act (SUPPORT of its parties), it receives no visitor
             "agreement", "agreements", "deal", "accord", "pact", "treaty", "rapprochement", "reconciliation",
             "ceasefire", "truce", "normalisation", "normalization", "resumption", "restoration", "breakthrough",
             "signing", "talks", "dialogue"):
    verb(f"welcome_{_obj}", "SUPPORT")
verb("salute", "SUPPORT", needs_object=True)
verb("extol", "SUPPORT")
verb("acclaim", "SUPPORT")
verb("compliment", "SUPPORT")
noun("compliment", "SUPPORT")  # "mutual compliments", "returned the compliment"
verb("admire", "SUPPORT", needs_object=True)
verb("appreciate", "SUPPORT", needs_object=True)  # "appreciated China's efforts"
verb("credit", "SUPPORT", needs_object=True)  # "credited Beijing with"
verb("sympathise", "SUPPORT")
verb("sympathize", "SUPPORT")
verb("reassure", "SUPPORT", needs_object=True)
verb("condone", "SUPPORT", needs_object=True)
verb("legitimise", "SUPPORT", needs_object=True)
verb("legitimize", "SUPPORT", needs_object=True)
_NOT_RECOGNISED = ["need", "importance", "right", "role", "contribution", "value", "fact", "problem", "challenge",
                   "difficulty", "concern", "threat", "danger", "risk", "limit", "reality", "achievement"]
verb("recognise", "SUPPORT", needs_object=True, not_objects=_NOT_RECOGNISED)  # diplomatic recognition
verb("recognize", "SUPPORT", needs_object=True, not_objects=_NOT_RECOGNISED)
verb("rally_behind", "SUPPORT")
verb("rally_around", "SUPPORT")
verb("rally_round", "SUPPORT")
verb("rally_to", "SUPPORT")  # "rallied to Ukraine's side"
verb("stand_behind", "SUPPORT")
noun("tribute", "SUPPORT")
noun("congratulation", "SUPPORT")
noun("gratitude", "SUPPORT")
noun("appreciation", "SUPPORT")
noun("admiration", "SUPPORT")
noun("condolence", "SUPPORT")
noun("respect", "SUPPORT", needs_head=["express", "show", "pay", "convey", "voice"])  # "expressed respect to"
noun("commendation", "SUPPORT")
noun("reassurance", "SUPPORT")
noun("recognition", "SUPPORT", needs_prep=["of"])
noun("embrace", "SUPPORT", needs_prep=["of"])
noun("blessing", "SUPPORT", needs_head=["give", "win", "receive", "get", "seek", "secure"])

# ---- CONCEDE: yielding, easing, releasing, apologising (GUIDE.md: ease sanctions, release, accept demands)
verb("pardon", "CONCEDE", needs_object=True, mode="release")
verb("relinquish", "CONCEDE", needs_object=True)
verb("back_down", "CONCEDE")
verb("back_off", "CONCEDE")
verb("climb_down", "CONCEDE")
verb("cave", "CONCEDE")
verb("comply", "CONCEDE")
verb("acquiesce", "CONCEDE")
verb("abide_by", "CONCEDE")
verb("bow_to", "CONCEDE")
verb("give_in", "CONCEDE")
verb("give_way", "CONCEDE")
verb("heed", "CONCEDE", needs_object=True)  # "heeded calls to"
verb("accept_terms", "CONCEDE")
verb("accept_conditions", "CONCEDE")
# granting what was asked (the guide's "accept demands"); only the plural object: "met demand for
# steel" is a market's demand, no request
verb("meet_demands", "CONCEDE")
verb("soften", "CONCEDE", needs_object=True)  # "softened its stance"
verb("unfreeze", "CONCEDE", needs_object=True)
verb("relax", "CONCEDE", needs_object=True)
verb("loosen", "CONCEDE", needs_object=True)
verb("roll_back", "CONCEDE")
verb("exempt", "CONCEDE", needs_object=True)
verb("delist", "CONCEDE", needs_object=True)
verb("compensate", "CONCEDE", needs_object=True)
verb("hand_over", "CONCEDE")
verb("hand_back", "CONCEDE")
verb("swap_prisoners", "CONCEDE", joint=True, mode="release")
verb("exchange_prisoners", "CONCEDE", joint=True, mode="release")
for _obj in ("border", "borders", "crossing", "crossings", "airspace"):
    verb(f"reopen_{_obj}", "CONCEDE")  # easing a restriction
noun("pardon", "CONCEDE", mode="release")
noun("clemency", "CONCEDE")
noun("reprieve", "CONCEDE")
noun("exemption", "CONCEDE")
noun("waiver", "CONCEDE")
noun("delisting", "CONCEDE")
noun("lifting", "CONCEDE", needs_prep=["of"])
noun("relief", "CONCEDE", needs_modifier=["sanctions", "sanction", "tariff"])
noun("swap", "CONCEDE", joint=True, mode="release", needs_modifier=["prisoner", "prisoners"])
noun("compromise", "CONCEDE")
noun("capitulation", "CONCEDE")
noun("climbdown", "CONCEDE")
noun("gesture", "CONCEDE", needs_modifier=["goodwill", "conciliatory"])
noun("compensation", "CONCEDE")
noun("reparation", "CONCEDE")
# compensation sought or demanded is asked for, not given ("sought compensation from
# Japan": a request to Japan; the restricted sense wins where it fits)
for _lemma in ("compensation", "reparation", "reimbursement"):
    noun(_lemma, "REQUEST", needs_head=["seek", "demand", "claim", "request"])
noun("handover", "CONCEDE", needs_prep=["of"])

# ---- COOPERATE: material and diplomatic cooperation, trade, partnerships (joint: GUIDE.md)
verb("help", "COOPERATE", needs_clause=True)  # "helped Iran build a reactor" (V1_SENSES_ADDED)
for _verb in ("restore", "reestablish", "establish", "resume", "mend", "repair", "improve", "strengthen",
              "deepen", "boost", "expand", "bolster", "upgrade", "cement", "forge", "build", "develop",
              "enhance", "revive", "rebuild", "solidify", "broaden", "reset", "renew", "normalise", "normalize"):
    for _obj in ("ties", "relations"):
        verb(f"{_verb}_{_obj}", "COOPERATE", joint=True)  # "restored diplomatic ties with"
verb("mend_fences", "COOPERATE", joint=True)
# extraditing someone to a state is judicial cooperation with it (codebook: "cooperation on judicial
# matters, such as extraditions"); without a receiving state it stays v1's arrest (COERCE)
verb("extradite_to", "COOPERATE", target_preps=["to"])
noun("extradition_to", "COOPERATE", target_preps=["to"])
# "vowed to normalize the intelligence-sharing pact": putting an agreement back into force
for _obj in ("pact", "agreement", "accord", "treaty"):
    verb(f"normalise_{_obj}", "COOPERATE", joint=True)
    verb(f"normalize_{_obj}", "COOPERATE", joint=True)
# "escalate bilateral commerce": raising trade is no use of force (v1's 'escalate' is ASSAULT)
for _obj in ("trade", "commerce", "cooperation", "investment", "exchanges", "ties", "relations"):
    verb(f"escalate_{_obj}", "COOPERATE", joint=True)
for _obj in ("embassy", "embassies", "consulate", "consulates"):
    verb(f"reopen_{_obj}", "COOPERATE")
    # "agreed to open embassies", "re-establish their embassies" (the tokenizer splits "re-")
    verb(f"open_{_obj}", "COOPERATE")
    verb(f"establish_{_obj}", "COOPERATE")
# sending ambassadors to each other is diplomatic cooperation, as restoring ties is
for _obj in ("ambassadors", "envoys", "diplomats"):
    verb(f"exchange_{_obj}", "COOPERATE", joint=True)
verb("team_up", "COOPERATE", joint=True)
verb("join_forces", "COOPERATE", joint=True)
verb("work_with", "COOPERATE", joint=True)
verb("work_together", "COOPERATE", joint=True)
verb("band_together", "COOPERATE", joint=True)
verb("ally", "COOPERATE", joint=True)
verb("reconcile", "COOPERATE", joint=True)
verb("exchange_intelligence", "COOPERATE", joint=True)
verb("exchange_information", "COOPERATE", joint=True)
verb("procure", "COOPERATE", contexts=["economic"])
verb("acquire", "COOPERATE", contexts=["economic"])
verb("lease", "COOPERATE", contexts=["economic"])
noun("partnership", "COOPERATE", joint=True,
     needs_head=["form", "forge", "sign", "establish", "launch", "announce", "upgrade", "deepen", "seal"])
# (a partnership named as a standing state, "the no-limits partnership", is no act)
noun("rapprochement", "COOPERATE", joint=True)
noun("détente", "COOPERATE", joint=True)
# "a year of resumed diplomatic ties", "their restored relations": the participle is the act
_RESTORED = ["restored", "resumed", "reestablished", "re-established", "normalised", "normalized", "renewed",
             "revived", "mended", "improved", "improving", "warming", "strengthened", "deepening", "upgraded"]
for _obj in ("ties", "relations"):
    noun(_obj, "COOPERATE", joint=True, needs_modifier=_RESTORED)
noun("detente", "COOPERATE", joint=True)
# "thaw" left out: mostly a commentator's word for a mood, not an act
noun("reconciliation", "COOPERATE", joint=True)
# "both capitals hope to turn the page on their quarrel": putting a dispute behind them
verb("turn_page", "COOPERATE", joint=True)
noun("entente", "COOPERATE", joint=True)
noun("commerce", "COOPERATE", joint=True, contexts=["economic"])
noun("venture", "COOPERATE", joint=True, needs_modifier=["joint"])
noun("partner", "COOPERATE", joint=True, needs_modifier=["trading", "trade", "strategic", "economic", "security",
                                                         "defence", "defense", "energy"])
noun("sharing", "COOPERATE", joint=True, needs_modifier=["intelligence", "information", "data", "technology"])
noun("manoeuvre", "COOPERATE", joint=True, needs_modifier=["joint"])
noun("maneuver", "COOPERATE", joint=True, needs_modifier=["joint"])
noun("wargame", "COOPERATE", joint=True, needs_modifier=["joint"])
noun("swap", "COOPERATE", joint=True, needs_modifier=["currency"])
noun("sale", "COOPERATE", contexts=["economic"])
noun("procurement", "COOPERATE", contexts=["economic"])
noun("acquisition", "COOPERATE", contexts=["economic"])

# ---- AID: material, financial, military, humanitarian aid; asylum
verb("equip", "AID", needs_object=True)
verb("furnish", "AID", needs_object=True)
verb("airlift", "AID")
verb("airdrop", "AID")
verb("resupply", "AID")
verb("disburse", "AID", needs_object=True)
verb("allocate", "AID", needs_object=True)
verb("earmark", "AID", needs_object=True)
verb("shore_up", "AID")
verb("write_off", "AID")  # debt forgiveness
for _obj in ("debt", "debts", "loans"):
    verb(f"forgive_{_obj}", "AID")
for _obj in ("troops", "soldiers", "forces", "pilots", "personnel"):
    verb(f"train_{_obj}", "AID")  # military assistance
noun("funding", "AID")
noun("financing", "AID")
noun("grant", "AID")
noun("disbursement", "AID")
noun("tranche", "AID")
noun("airlift", "AID")
noun("airdrop", "AID")
noun("rescue", "AID")
noun("donor", "AID")
noun("package", "AID", needs_modifier=["aid", "military", "weapons", "arms", "financial", "economic", "rescue",
                                       "bailout", "assistance", "support", "security", "relief", "loan"])
noun("relief", "AID", needs_modifier=["debt", "humanitarian", "disaster", "earthquake", "flood", "famine",
                                      "emergency"])
noun("credit", "AID", needs_head=["extend", "provide", "offer", "give", "grant"])
noun("line", "AID", needs_modifier=["credit", "swap"])
noun("transfer", "AID", needs_modifier=["arms", "weapons", "weapon", "military", "missile"])
noun("asylum", "AID", mode="asylum", needs_head=["grant", "give", "offer", "provide"])
noun("refuge", "AID", mode="asylum", needs_head=["grant", "give", "offer", "provide"])
noun("sanctuary", "AID", mode="asylum", needs_head=["grant", "give", "offer", "provide"])

# ---- RETREAT: withdrawal, disarmament, ceasefire, de-escalation as done
verb("surrender", "RETREAT")
verb("disarm", "RETREAT", mode="disarm")
verb("demilitarise", "RETREAT", mode="disarm")
verb("demilitarize", "RETREAT", mode="disarm")
verb("deescalate", "RETREAT")  # the hyphenated form is split by the tokenizer
verb("stand_down", "RETREAT")
verb("draw_down", "RETREAT", mode="withdraw")
verb("scale_back", "RETREAT")
verb("vacate", "RETREAT", needs_object=True, mode="withdraw")
verb("defuse", "RETREAT", needs_object=True)
verb("hold_fire", "RETREAT", mode="ceasefire")
# "agreed to stop all fighting", "committed to end hostilities": the end of fighting, not fighting
for _verb in ("stop", "end", "cease", "halt"):
    for _obj in ("fighting", "hostilities", "war", "attacks", "shelling"):
        verb(f"{_verb}_{_obj}", "RETREAT", mode="ceasefire")
verb("cease_fire", "RETREAT", mode="ceasefire")
# "bringing peace between Armenia and Azerbaijan": the end of a conflict between the two named;
# only with its "between" phrase ("peace talks", "the peace process" name other acts)
noun("peace", "RETREAT", joint=True, needs_prep=["between"])
noun("armistice", "RETREAT", joint=True, mode="ceasefire")
noun("surrender", "RETREAT")
noun("disarmament", "RETREAT", mode="disarm")
noun("demilitarisation", "RETREAT", mode="disarm")
noun("demilitarization", "RETREAT", mode="disarm")
noun("demobilisation", "RETREAT", mode="disarm")
noun("demobilization", "RETREAT", mode="disarm")
noun("drawdown", "RETREAT", mode="withdraw")
noun("pullout", "RETREAT", mode="withdraw")
noun("pause", "RETREAT", mode="ceasefire", needs_modifier=["humanitarian"])

# ---- REQUEST: asking, urging, demanding, pressing
verb("exhort", "REQUEST")
verb("beseech", "REQUEST")
verb("beg", "REQUEST")
verb("petition", "REQUEST", needs_object=True)
verb("lobby", "REQUEST", needs_object=True)
verb("solicit", "REQUEST", needs_object=True)
verb("nudge", "REQUEST", needs_object=True)
verb("prod", "REQUEST", needs_object=True)
verb("pressure", "REQUEST", needs_object=True)
verb("pressurise", "REQUEST", needs_object=True)
verb("pressurize", "REQUEST", needs_object=True)
verb("cajole", "REQUEST", needs_object=True)
verb("coax", "REQUEST", needs_object=True)
verb("persuade", "REQUEST", needs_object=True)
verb("push_for", "REQUEST")
verb("prevail_on", "REQUEST")
verb("prevail_upon", "REQUEST")
verb("call_upon", "REQUEST")
verb("apply_for", "REQUEST", mode="assist")  # "applied for NATO membership"
noun("petition", "REQUEST")
noun("urging", "REQUEST")
noun("application", "REQUEST", needs_prep=["for"])
noun("bid", "REQUEST", needs_prep=["for"])
noun("push", "REQUEST", needs_prep=["for"])
# "seek compensation from Japan": asking the state named after "from" (not "seek to", "seek
# re-election"); the sense chosen by its preposition bears on that preposition's object
verb("seek_from", "REQUEST", particle_on_object=True)

# ---- ACCUSE: criticism, accusation, complaint, legal action, investigation; rows and spats are mutual
for _lemma in ("berate", "excoriate", "assail", "deplore", "reproach", "admonish", "reprimand", "upbraid",
               "chastise", "vilify", "demonise", "demonize", "disparage", "denigrate", "deride", "ridicule",
               "slander", "defame", "disapprove"):
    verb(_lemma, "ACCUSE", mode="disapprove")
verb("mock", "ACCUSE", needs_object=True, mode="disapprove")
verb("smear", "ACCUSE", needs_object=True, mode="disapprove")
verb("blast", "ACCUSE", needs_object=True, mode="disapprove")  # "Beijing blasts Washington over …"
verb("rap", "ACCUSE", needs_object=True, mode="disapprove")
verb("object_to", "ACCUSE", mode="disapprove")
verb("hit_out", "ACCUSE", mode="disapprove", target_preps=["at"])
verb("lash_out", "ACCUSE", mode="disapprove", target_preps=["at"])
verb("take_aim", "ACCUSE", mode="disapprove", target_preps=["at"])
verb("round_on", "ACCUSE", mode="disapprove")
verb("walk_out", "ACCUSE", mode="disapprove")
verb("allege", "ACCUSE", mode="allege")
verb("charge", "ACCUSE", mode="allege", needs_object=True, needs_prep=["with"])  # "charged X with spying"
verb("indict", "ACCUSE", mode="allege")
verb("prosecute", "ACCUSE", mode="allege", needs_object=True)
for _lemma in ("spar", "feud", "quarrel", "squabble", "bicker"):
    verb(_lemma, "ACCUSE", joint=True, mode="disapprove")
for _obj in ("barbs", "insults", "jabs", "recriminations", "accusations"):
    verb(f"trade_{_obj}", "ACCUSE", joint=True, mode="disapprove")
    verb(f"exchange_{_obj}", "ACCUSE", joint=True, mode="disapprove")
# "China spat with Japan deepens": the tagger reads the noun "spat" as the past of "spit"
verb("spat", "ACCUSE", joint=True, mode="disapprove")
for _lemma in ("spat", "feud", "quarrel", "squabble", "tiff", "wrangle", "recrimination"):
    noun(_lemma, "ACCUSE", joint=True, mode="disapprove")
noun("row", "ACCUSE", joint=True, mode="disapprove", needs_prep=["over", "with", "between"])  # not "in a row"
# a war fought with words: "a war of words with China", "a diplomatic war" (not "a war of aggression")
noun("war_of_words", "ACCUSE", joint=True, mode="disapprove")
noun("war", "ACCUSE", joint=True, mode="disapprove", needs_modifier=["diplomatic", "verbal", "rhetorical", "propaganda"])
# one side's hostile words: "the minister's heated rhetoric against Lima"
noun("rhetoric", "ACCUSE", mode="disapprove", needs_modifier=["aggressive", "hostile", "inflammatory", "bellicose",
                                                              "belligerent", "confrontational", "harsh", "heated"])
noun("reprimand", "ACCUSE", mode="disapprove")
noun("reproach", "ACCUSE", mode="disapprove")
noun("objection", "ACCUSE", mode="disapprove")
noun("tirade", "ACCUSE", mode="disapprove")
noun("broadside", "ACCUSE", mode="disapprove")
noun("diatribe", "ACCUSE", mode="disapprove")
noun("smear", "ACCUSE", mode="disapprove")
noun("blame", "ACCUSE", mode="disapprove")
noun("walkout", "ACCUSE", mode="disapprove")
noun("demarche", "ACCUSE", mode="allege")  # a formal diplomatic complaint
noun("démarche", "ACCUSE", mode="allege")
_EXPRESSED = ["express", "voice", "convey", "register", "show", "raise", "sound"]
_AT = ["at", "over", "about", "with", "to", "against"]
for _lemma in ("outrage", "indignation", "displeasure", "dissatisfaction", "disapproval", "alarm", "dismay"):
    noun(_lemma, "ACCUSE", mode="disapprove", needs_head=_EXPRESSED, target_preps=_AT)
noun("charge", "ACCUSE", mode="allege", needs_prep=["against"])  # not "in charge", "chargé d'affaires"
noun("indictment", "ACCUSE", mode="allege")
noun("suit", "ACCUSE", mode="allege", needs_head=["file", "bring", "launch"])
noun("probe", "ACCUSE", mode="investigate")
noun("inquiry", "ACCUSE", mode="investigate")

# ---- REJECT: rejecting, refusing, ignoring, defying
verb("decline", "REJECT", needs_object=True, not_objects=["comment"])  # not "declined to comment", "prices declined"
verb("repudiate", "REJECT")
verb("renounce", "REJECT")
verb("disavow", "REJECT")
verb("shun", "REJECT", needs_object=True)
verb("ignore", "REJECT", needs_object=True)
verb("disregard", "REJECT", needs_object=True)
verb("flout", "REJECT", mode="yield")  # codebook: defy norms, law
verb("stonewall", "REJECT")
verb("balk", "REJECT")
verb("baulk", "REJECT")
verb("brush_off", "REJECT")
verb("brush_aside", "REJECT")
verb("shrug_off", "REJECT")
verb("rule_out", "REJECT")
noun("repudiation", "REJECT")
noun("renunciation", "REJECT")
noun("defiance", "REJECT")
noun("resistance", "REJECT", needs_prep=["to"])  # not armed resistance
noun("shoulder", "REJECT", needs_modifier=["cold"])

# ---- THREATEN: threats and warnings of force or penalties
for _obj in ("retaliation", "revenge", "vengeance", "reprisals", "retribution"):
    verb(f"vow_{_obj}", "THREATEN")
    verb(f"promise_{_obj}", "THREATEN")
    verb(f"pledge_{_obj}", "THREATEN")
verb("blackmail", "THREATEN", needs_object=True)
verb("caution", "THREATEN", needs_object=True)  # "cautioned Moscow against"
verb("browbeat", "THREATEN", needs_object=True)
noun("blackmail", "THREATEN")
noun("brinkmanship", "THREATEN")
noun("deadline", "THREATEN", needs_head=["set", "give", "issue", "impose"])

# ---- PROTEST: public demonstrations only (a government's protest is recoded ACCUSE by the coder)
verb("march", "PROTEST", mode="demo", needs_prep=["against"])  # not troops marching
verb("picket", "PROTEST", mode="demo", needs_object=True)
noun("march", "PROTEST", mode="demo", needs_prep=["against"])
noun("picket", "PROTEST", mode="demo")
noun("marcher", "PROTEST", mode="demo")
noun("rioter", "PROTEST", mode="riot")

# ---- SANCTION: reducing relations: penalties, bans, expulsions, cutting ties, leaving agreements
verb("revoke", "SANCTION", needs_object=True)
# "a trade war between the two", "the tariff war": tariffs and bans traded both ways (V1_SENSES_ADDED)
noun("war", "SANCTION", joint=True, needs_modifier=["trade", "tariff", "economic", "currency", "chip", "tech",
                                                   "technology", "sanctions"], contexts=["economic"])
verb("rescind", "SANCTION", needs_object=True)
verb("terminate", "SANCTION", needs_object=True, mode="discontinue")
verb("scrap", "SANCTION", needs_object=True, mode="discontinue",  # scrapping a penalty is a concession
     not_objects=["tariff", "sanction", "restriction", "ban", "embargo", "curb", "duty", "levy", "quota"])
verb("tear_up", "SANCTION", mode="withdraw")
verb("renege", "SANCTION", mode="withdraw")
verb("quit", "SANCTION", needs_object=True, mode="withdraw")  # "quit the treaty"
verb("exit", "SANCTION", needs_object=True, mode="withdraw")
verb("designate", "SANCTION", needs_object=True)  # "designated the IRGC a terrorist group"
verb("bar", "SANCTION", needs_object=True)
verb("exclude", "SANCTION", needs_object=True)
verb("disinvite", "SANCTION")
verb("kick_out", "SANCTION", mode="expel")
verb("levy", "SANCTION", needs_object=True)
verb("slap", "SANCTION", needs_object=True, needs_prep=["on"])  # "slapped tariffs on"
verb("slash", "SANCTION", needs_object=True, mode="discontinue",
     not_objects=["rate", "price", "forecast", "cost", "tax", "budget", "spending", "workforce", "job", "estimate"])
verb("phase_out", "SANCTION", mode="discontinue")
verb("divest", "SANCTION", mode="discontinue")
verb("decouple", "SANCTION", mode="discontinue")
verb("disconnect", "SANCTION", needs_object=True)  # "disconnected Russian banks from SWIFT"
verb("shutter", "SANCTION", needs_object=True)
verb("convict", "SANCTION", mode="convict")
verb("sentence", "SANCTION", needs_object=True, mode="convict")
verb("break_off", "SANCTION", mode="withdraw")
for _obj in ("ties", "relations"):
    verb(f"break_{_obj}", "SANCTION", mode="withdraw")
for _obj in ("relations", "links", "aid", "funding", "assistance"):
    verb(f"cut_{_obj}", "SANCTION", mode="discontinue")
for _obj in ("ambassador", "ambassadors", "envoy", "envoys", "diplomats"):
    verb(f"recall_{_obj}", "SANCTION", mode="withdraw")
for _obj in ("embassy", "embassies", "consulate", "consulates", "border", "borders", "airspace"):
    verb(f"close_{_obj}", "SANCTION", mode="discontinue")
for _obj in ("embassy", "consulate", "border"):
    verb(f"shut_{_obj}", "SANCTION", mode="discontinue")
noun("duty", "SANCTION", needs_modifier=["dumping", "antidumping", "countervailing", "punitive", "import",
                                         "retaliatory", "customs"])
noun("levy", "SANCTION")
noun("quota", "SANCTION", needs_modifier=["import", "export"])
noun("countermeasure", "SANCTION")
noun("penalty", "SANCTION")
noun("measure", "SANCTION", needs_modifier=["punitive", "retaliatory", "restrictive"])
# hostile acts of commerce: the modifier names the trade the act restricts ("trade retaliation",
# "tit-for-tat export blows", "trade barriers"); the trade word itself is then no cooperation
_TRADE_WORDS = ["trade", "export", "import", "economic", "tariff", "commercial"]
noun("retaliation", "SANCTION", needs_modifier=_TRADE_WORDS)
noun("blow", "SANCTION", needs_modifier=_TRADE_WORDS)
noun("barrier", "SANCTION", needs_modifier=_TRADE_WORDS + ["non-tariff"])
noun("prohibition", "SANCTION")
noun("revocation", "SANCTION")
noun("blacklisting", "SANCTION")
noun("decoupling", "SANCTION", mode="discontinue")
noun("cutoff", "SANCTION", mode="discontinue")
noun("freeze", "SANCTION", mode="discontinue")  # "asset freeze", "a freeze in relations"
noun("cancellation", "SANCTION", mode="discontinue", needs_prep=["of"])
noun("severance", "SANCTION", mode="withdraw", needs_prep=["of"])
noun("rupture", "SANCTION", mode="withdraw", needs_prep=["in", "of", "with"])
noun("break", "SANCTION", mode="withdraw", needs_prep=["with"])
noun("downgrade", "SANCTION", mode="withdraw", needs_prep=["of", "in"])
noun("exclusion", "SANCTION", needs_prep=["from"])
noun("exit", "SANCTION", mode="withdraw", needs_prep=["from"])
noun("recall", "SANCTION", mode="withdraw", needs_prep=["of"])
noun("conviction", "SANCTION", mode="convict", needs_prep=["of"])

# ---- MOBILIZE: moving forces and weapons short of using them
_FORCE_PREPS = ["in", "to", "into", "near", "along", "against", "toward", "towards", "on"]  # as v1's "deploy"
verb("station", "MOBILIZE", needs_object=True, target_preps=_FORCE_PREPS)
verb("mass", "MOBILIZE", needs_object=True, target_preps=_FORCE_PREPS)
verb("redeploy", "MOBILIZE", needs_object=True, target_preps=_FORCE_PREPS)
verb("reposition", "MOBILIZE", needs_object=True, target_preps=_FORCE_PREPS)
# "position" left out: "positions Beijing as a peacemaker" is framing, not deployment
verb("patrol", "MOBILIZE", target_preps=_FORCE_PREPS)
verb("scramble", "MOBILIZE", needs_object=True, mode="weapons")
verb("fortify", "MOBILIZE", needs_object=True)
verb("militarise", "MOBILIZE")
verb("militarize", "MOBILIZE")
verb("rearm", "MOBILIZE")
verb("beef_up", "MOBILIZE")
verb("call_up", "MOBILIZE", mode="troops")  # "called up reservists"
verb("test", "MOBILIZE", needs_object=True, mode="weapons",
     not_objects=["resolve", "patience", "limit", "water", "relationship", "tie", "friendship", "unity", "alliance",
                  "boundary", "positive", "negative", "theory", "market", "will", "commitment"])
for _obj in ("troops", "soldiers", "forces", "warships", "warship", "ships", "vessels", "jets", "bombers",
             "fighters", "submarines", "destroyers", "carrier", "frigates", "drones"):
    verb(f"dispatch_{_obj}", "MOBILIZE", target_preps=_FORCE_PREPS)  # not "dispatched aid/an envoy"
noun("massing", "MOBILIZE")
noun("stationing", "MOBILIZE")
noun("militarisation", "MOBILIZE")
noun("militarization", "MOBILIZE")
noun("surge", "MOBILIZE", needs_modifier=["troop", "military"])
noun("test", "MOBILIZE", mode="weapons", needs_modifier=["missile", "nuclear", "weapons", "weapon", "rocket"])
noun("launch", "MOBILIZE", mode="weapons", needs_modifier=["missile", "rocket", "ballistic"])

# ---- COERCE: arrests, seizures, blockades, repression, espionage and cyber operations
verb("imprison", "COERCE", mode="arrest")
verb("incarcerate", "COERCE", mode="arrest")
verb("apprehend", "COERCE", mode="arrest")
verb("interrogate", "COERCE", mode="arrest")
verb("round_up", "COERCE", mode="arrest")
verb("impound", "COERCE", mode="seize")
verb("commandeer", "COERCE", mode="seize")
verb("expropriate", "COERCE", mode="seize")
for _obj in ("ship", "ships", "vessel", "vessels", "tanker", "tankers", "boat", "boats", "freighter"):
    verb(f"board_{_obj}", "COERCE", mode="seize")  # not "boarded a plane to Beijing"
verb("ram", "COERCE", needs_object=True)
verb("censor", "COERCE", mode="censor")
verb("crack_down", "COERCE", target_preps=["on"])
verb("repress", "COERCE")
verb("suppress", "COERCE", needs_object=True)
verb("persecute", "COERCE")
verb("oppress", "COERCE")
verb("spy_on", "COERCE")
verb("meddle_in", "COERCE", mode="misinformation", target_preps=["in"])
verb("interfere_in", "COERCE", mode="misinformation", target_preps=["in"])
noun("imprisonment", "COERCE", mode="arrest")
noun("internment", "COERCE", mode="arrest")
noun("incarceration", "COERCE", mode="arrest")
noun("detainment", "COERCE", mode="arrest")
noun("extradition", "COERCE", mode="arrest")  # as v1's "extradite"
noun("kidnapping", "COERCE")  # as v1's "kidnap"
noun("confiscation", "COERCE", mode="seize")
noun("interception", "COERCE", mode="seize")
noun("crackdown", "COERCE")
noun("repression", "COERCE")
noun("persecution", "COERCE")
noun("hacking", "COERCE", mode="cyber")
# Not "espionage", "spying", "interference", "meddling", "disinformation" (nor "genocide" below):
# news names them mostly in accusations ("accused China of espionage"), where the coder takes the
# accuser, not the accused, as the doer of a noun with no doer of its own. The verbs ("spied on",
# "meddled in") are read with the accused as doer.

# ---- ASSAULT: use of force
verb("bombard", "ASSAULT", mode="heavy-weapons")
verb("pound", "ASSAULT", needs_object=True)
verb("pummel", "ASSAULT")
verb("strafe", "ASSAULT", mode="aerial")
verb("ambush", "ASSAULT")
verb("storm", "ASSAULT", needs_object=True)
verb("overrun", "ASSAULT", needs_object=True)
verb("besiege", "ASSAULT")
verb("retake", "ASSAULT", needs_object=True)
verb("recapture", "ASSAULT", needs_object=True)
verb("capture", "ASSAULT", needs_object=True,
     not_objects=["attention", "imagination", "heart", "mood", "essence", "spirit", "market", "share", "moment",
                  "headline", "image", "data"])
verb("assassinate", "ASSAULT", mode="assassinate")
verb("murder", "ASSAULT")
verb("slaughter", "ASSAULT", mode="massacre")
verb("wound", "ASSAULT")
verb("injure", "ASSAULT")
verb("raze", "ASSAULT", mode="destroy")
verb("sabotage", "ASSAULT", mode="destroy")
verb("sink", "ASSAULT", needs_object=True)
verb("hijack", "ASSAULT", mode="abduct")
verb("counterattack", "ASSAULT")
verb("skirmish", "ASSAULT", joint=True)
verb("battle", "ASSAULT", joint=True)
verb("return_fire", "ASSAULT")
verb("fire_into", "ASSAULT", target_preps=["into"])
verb("fire_upon", "ASSAULT", target_preps=["upon"])
verb("fire_toward", "ASSAULT", target_preps=["toward"])
verb("fire_towards", "ASSAULT", target_preps=["towards"])
noun("bombardment", "ASSAULT", mode="heavy-weapons")
noun("barrage", "ASSAULT", mode="heavy-weapons")
noun("salvo", "ASSAULT")
noun("raid", "ASSAULT")
noun("ambush", "ASSAULT")
# "Chinese use of force around Taiwan": force used by the state named on the noun, against the
# state named after it (a target preposition of the noun or of its "of force")
noun("use_of_force", "ASSAULT", target_preps=["against", "on", "around", "near"])
noun("siege", "ASSAULT")
noun("onslaught", "ASSAULT")
noun("counterattack", "ASSAULT")
noun("counteroffensive", "ASSAULT")
# "warfare" and "fighting" left out: a background war named without its parties is no event (GUIDE.md)
noun("skirmish", "ASSAULT", joint=True)
noun("firefight", "ASSAULT", joint=True)
noun("killing", "ASSAULT")
noun("murder", "ASSAULT")
noun("assassination", "ASSAULT", mode="assassinate")
noun("atrocity", "ASSAULT")
noun("cleansing", "ASSAULT", mode="cleansing", needs_modifier=["ethnic"])
noun("torture", "ASSAULT", mode="torture")
noun("abduction", "ASSAULT", mode="abduct")
noun("hijacking", "ASSAULT", mode="abduct")
noun("sabotage", "ASSAULT", mode="destroy")
# codebook ASSAULT mode "sexual": sexual violence ("border guards sexually abused migrants"); a bare
# "abuse" is as often of power or trust, so only with its adverb (no verb "rape": the tagger's lemma
# of "raped" is "rap", v1's reprimand)
noun("rape", "ASSAULT", mode="sexual")
verb("molest", "ASSAULT", needs_object=True, mode="sexual")
verb("abuse_sexually", "ASSAULT", mode="sexual")
verb("abuse_physically", "ASSAULT", mode="beat")
verb("assault_sexually", "ASSAULT", mode="sexual")
noun("violence", "ASSAULT", mode="sexual", needs_modifier=["sexual"])


# ---- from the synthetic stories: words that ``scripts/mine_synthetic_triggers.py`` finds tied to
# one type in the NGEC-2025 synthetic stories (count of headlines and leads under the type / all
# of them) and the codebook defines as that type; the other candidates it lists are topic words
# ("internet", "drone"), generator prompts ("restriction" under CONCEDE) or need no entry
verb("behead", "ASSAULT", needs_object=True)  # 9/9 ASSAULT; codebook: execute, massacre
noun("execution", "ASSAULT", mode="execute", needs_prep=["of"])  # 5/6 ASSAULT; "the execution of a Japanese national"
noun("curfew", "COERCE", mode="curfew")  # "impose_curfew" 9/10 COERCE; codebook: impose state of emergency
verb("disband", "RETREAT", needs_object=True, mode="disarm")  # 5/6 RETREAT; codebook: disarm, give up weapons
noun("rioting", "PROTEST", mode="riot")  # 9/11 PROTEST; as the noun "riot"
verb("chant", "PROTEST", mode="demo", target_preps=["against"])  # 6/8 PROTEST; "crowds chanted against Japan"


# ------------------------------------------------------------------------------ build and check


def split_lemma(lemma: str) -> tuple[str, str | None]:
    """"call_on" -> ("call", "on"), as ``read_lexicon`` reads it (the first word after the lemma; a
    second, "war_of_words", is the object that preposition must have)."""
    if "_" not in lemma:
        return lemma, None
    head, rest = lemma.split("_", 1)
    return head, rest.split("_")[0]


def row_line(row: dict[str, Any]) -> str:
    out = {"label": "TRIGGER"}
    for key in KEYS[1:]:
        if key in row:
            out[key] = row[key]
    return json.dumps(out, ensure_ascii=False)


def check_supplement(v1_rows: list[dict[str, Any]], types: tuple[str, ...]) -> list[str]:
    """Problems with the supplement's rows (an empty list when there are none)."""
    problems = []
    v1_types: dict[tuple[str, str, str | None], set[str]] = {}
    v1_plain: dict[tuple[str, str], set[str]] = {}
    v1_modes: dict[str, set[str]] = {}
    for r in v1_rows:
        if r.get("mode"):
            v1_modes.setdefault(r["type"], set()).add(r["mode"])
        lemma, particle = split_lemma(r["lemma"])
        v1_types.setdefault((lemma, r["pos"], particle), set()).add(r["type"])
        if particle is None:
            v1_plain.setdefault((lemma, r["pos"]), set()).add(r["type"])
    for r in SUPPLEMENT:
        where = f"{r.get('lemma')}/{r.get('pos')}/{r.get('type')}"
        unknown = set(r) - set(KEYS)
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        if r.get("pos") not in ("VERB", "NOUN"):
            problems.append(f"{where}: pos must be VERB or NOUN")
        if r.get("type") not in types:
            problems.append(f"{where}: not a PLOVER type")
        lemma = r.get("lemma", "")
        if not lemma or lemma != lemma.lower() or " " in lemma or "-" in lemma:
            # the tokenizer splits "de-escalate" into three tokens: a hyphenated lemma never matches
            problems.append(f"{where}: a lemma is one lower-case word, without spaces or hyphens")
        for key in BOOL_KEYS & set(r):
            if r[key] is not True:
                problems.append(f"{where}: {key} is written only as true")
        for key in LIST_KEYS & set(r):
            if not r[key] or not all(isinstance(w, str) and w == w.lower() and w for w in r[key]):
                problems.append(f"{where}: {key} must be a non-empty list of lower-case words")
        if "contexts" in r and set(r["contexts"]) - CONTEXTS:
            problems.append(f"{where}: unknown contexts {sorted(set(r['contexts']) - CONTEXTS)}")
        if "mode" in r and r["mode"] not in MODES.get(r.get("type", ""), set()) | v1_modes.get(r.get("type"), set()):
            problems.append(f"{where}: mode {r['mode']!r} is neither a codebook mode of the type nor one v1 uses")
        head, particle = split_lemma(lemma)
        same = v1_types.get((head, r.get("pos", ""), particle), set())
        if same and r.get("type") not in same and (head, r.get("pos"), particle) not in V1_SENSES_ADDED:
            problems.append(f"{where}: v1 has {head}/{particle} with type {sorted(same)}: give the reason for "
                            "another type in V1_SENSES_ADDED")
        if particle is not None and v1_plain.get((head, r.get("pos", "")), set()) - {r.get("type")} and \
                head not in V1_SENSES_MISSED:
            problems.append(f"{where}: takes v1's {head!r} from {sorted(v1_plain[(head, r['pos'])])} in one "
                            "construction: give the reason in V1_SENSES_MISSED")
    return problems


def build() -> tuple[str, Counter]:
    try:
        from dyadwatch.analyze.events import PLOVER_TYPES, read_lexicon
    except ImportError as exc:  # the reader lives in the spaCy component's module
        raise SystemExit(f"cannot import the coder's reader ({exc}): run with the project's Python, "
                         ".venv/bin/python") from exc

    v1_text = SOURCE.read_text(encoding="utf-8")
    v1_lines = [line for line in v1_text.splitlines() if line.strip()]
    header = json.loads(v1_lines[0])
    if header.get("label") != "DICTIONARY" or header.get("name") != "dyadwatch.events.v1":
        raise SystemExit(f"{SOURCE}: the first line is not the DICTIONARY line of dyadwatch.events.v1")
    v1_rows = [json.loads(line) for line in v1_lines[1:]]
    problems = check_supplement(v1_rows, PLOVER_TYPES)
    if problems:
        raise SystemExit("supplement problems:\n  " + "\n  ".join(problems))

    header = dict(header)
    header["name"] = NAME
    header["description"] = (
        header["description"] + " 'needs_joint_subject': only with two or more subjects (coded both ways); "
        "'contexts': contexts every such event has. A particle or fixed word is written into the lemma after an "
        "underscore (\"call_on\", \"cut_ties\", \"rally_behind\"): it must be the trigger's particle, adverb, "
        "object or preposition, and then only such entries apply; 'particle_on_object': the preposition may also "
        "hang on the verb's direct object (\"seek compensation from Japan\"); 'needs_clause': only with an "
        "infinitive completing the verb (\"helped Iran build\"). v2 = dyadwatch.events.v1 (its "
        f"{len(v1_rows)} triggers, unchanged but for {len(V1_JOINT)} agreement words coded as joint acts and {len(V1_NOT_OBJECTS)} "
        f"words restricted by not_objects) + a supplement of {len(SUPPLEMENT)} triggers: the verbs and nouns "
        "English international news uses for the 16 PLOVER types, restricted by the keys above where a word has "
        "other senses.")
    header["sources"] = list(header.get("sources", [])) + [
        "supplement hand-written from the PLOVER codebook (PLOVER_structured_codebook_updated.csv, "
        "CAMEO2PLOVER-2021) and the dyadwatch coding guide by scripts/build_event_triggers.py"]
    ordered = sorted(SUPPLEMENT, key=lambda r: PLOVER_TYPES.index(r["type"]))  # stable: table order per type
    overridden = set(V1_JOINT) | set(V1_NOT_OBJECTS)

    def v1_line(r: dict[str, Any], line: str) -> str:
        key = (r["lemma"], r["pos"])
        if key not in overridden:
            return line
        row = dict(r)
        if key in V1_JOINT:
            row["joint"] = True
        if key in V1_NOT_OBJECTS:
            row["not_objects"] = list(V1_NOT_OBJECTS[key][0])
        return row_line(row)

    v1_out = [v1_line(r, line) for r, line in zip(v1_rows, v1_lines[1:])]
    lines = [json.dumps(header, ensure_ascii=False)] + v1_out + [row_line(r) for r in ordered]
    text = "\n".join(lines) + "\n"

    # v1 unchanged, line for line, but for what V1_JOINT and V1_NOT_OBJECTS add to their triggers
    v1_keys = {(r["lemma"], r["pos"]) for r in v1_rows}
    for name, table in (("V1_JOINT", V1_JOINT), ("V1_NOT_OBJECTS", V1_NOT_OBJECTS)):
        if set(table) - v1_keys:
            raise SystemExit(f"{name} names triggers v1 does not have: {sorted(set(table) - v1_keys)}")
    for r, line, out in zip(v1_rows, v1_lines[1:], text.splitlines()[1:len(v1_lines)]):
        if (r["lemma"], r["pos"]) not in overridden and out != line:
            raise SystemExit("the v1 lines are not copied unchanged")
    # loaded by the coder's own reader: every row back, under the new name, no duplicates
    lex = read_lexicon(text)
    triggers = [t for table in (lex.verbs, lex.nouns) for ts in table.values() for t in ts]
    if lex.name != NAME:
        raise SystemExit(f"read_lexicon gives the name {lex.name!r}, not {NAME!r}")
    if len(triggers) != len(v1_rows) + len(SUPPLEMENT):
        raise SystemExit(f"read_lexicon gives {len(triggers)} triggers for {len(v1_rows) + len(SUPPLEMENT)} rows")
    # a restricted sense of a type the word already has is no duplicate: when it fits it takes the
    # word from the unrestricted senses ("a phone call" is only the conversation, not a request)
    keys = Counter((t.lemma, t.pos, t.particle, t.type, t.needs_modifier, t.needs_head, t.needs_prep)
                   for t in triggers)
    dups = sorted(k[:4] for k, n in keys.items() if n > 1)
    if dups:
        raise SystemExit(f"duplicate (lemma, pos, particle, type) with the same restrictions: {dups}")
    counts = Counter(r["type"] for r in SUPPLEMENT)
    return text, Counter({t: counts.get(t, 0) for t in PLOVER_TYPES})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the file on disk differs")
    a = ap.parse_args(argv)
    try:
        import dyadwatch  # noqa: F401
    except ImportError:  # run with a Python that does not have the package installed
        sys.path.insert(0, str(ROOT / "src"))
    text, counts = build()
    if a.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.name}: {'up to date' if same else 'differs from what this script builds'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    total = sum(counts.values())
    print(f"wrote {OUT.relative_to(ROOT)}: v1 triggers unchanged + {total} added")
    for t, n in counts.items():
        print(f"  {t:10s} {n:4d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
