"""PLOVER modes: the sub-kind of an event, where the codebook defines one.

The codebook's modes (CONSULT: visit, third-party, multilateral, phone; RETREAT: withdraw,
release, return, disarm, ceasefire …; SANCTION: expel, withdraw, discontinue …; MOBILIZE:
troops, weapons …; COERCE: seize, arrest, cyber …; ASSAULT: aerial, drone, heavy-weapons …)
are read off the trigger word first, then off the words of the sentence. A mode the text does
not show stays None.
"""

from __future__ import annotations

from collections.abc import Set

#: (type, trigger lemma) -> mode
TRIGGER_MODES: dict[tuple[str, str], str] = {}
for _lemma in ("visit", "arrive", "travel", "fly", "host", "receive", "trip", "tour"):
    TRIGGER_MODES[("CONSULT", _lemma)] = "visit"
for _lemma in ("call", "phone", "telephone"):
    TRIGGER_MODES[("CONSULT", _lemma)] = "phone"
for _lemma in ("withdraw", "withdrawal", "retreat", "disengage", "disengagement", "pull", "pullback", "evacuate"):
    TRIGGER_MODES[("RETREAT", _lemma)] = "withdraw"
for _lemma in ("ceasefire", "truce"):
    TRIGGER_MODES[("RETREAT", _lemma)] = "ceasefire"
for _lemma in ("demobilize", "demobilise", "disarm"):
    TRIGGER_MODES[("RETREAT", _lemma)] = "disarm"
TRIGGER_MODES[("RETREAT", "release")] = "release"
for _lemma in ("expel", "expulsion"):
    TRIGGER_MODES[("SANCTION", _lemma)] = "expel"
for _lemma in ("sever", "break", "abandon", "downgrade", "cut"):
    TRIGGER_MODES[("SANCTION", _lemma)] = "withdraw"
for _lemma in ("suspend", "suspension", "freeze", "halt"):
    TRIGGER_MODES[("SANCTION", _lemma)] = "discontinue"
for _lemma in ("accuse", "accusation", "allegation", "allege"):
    TRIGGER_MODES[("ACCUSE", _lemma)] = "allege"
for _lemma in ("criticise", "criticize", "criticism", "condemn", "condemnation", "denounce", "denunciation",
               "rebuke", "censure", "decry", "chide", "castigate", "slam", "lambast", "scold", "blame"):
    TRIGGER_MODES[("ACCUSE", _lemma)] = "disapprove"
for _lemma in ("investigate", "investigation", "probe"):
    TRIGGER_MODES[("ACCUSE", _lemma)] = "investigate"
for _lemma in ("seize", "seizure", "confiscate", "intercept"):
    TRIGGER_MODES[("COERCE", _lemma)] = "seize"
for _lemma in ("arrest", "detain", "detention", "jail"):
    TRIGGER_MODES[("COERCE", _lemma)] = "arrest"
for _lemma in ("hack", "cyberattack"):
    TRIGGER_MODES[("COERCE", _lemma)] = "cyber"
for _lemma in ("bomb", "bombing", "airstrike"):
    TRIGGER_MODES[("ASSAULT", _lemma)] = "aerial"
for _lemma in ("shell", "shelling"):
    TRIGGER_MODES[("ASSAULT", _lemma)] = "heavy-weapons"
TRIGGER_MODES[("ASSAULT", "shoot")] = "firearms"
TRIGGER_MODES[("PROTEST", "boycott")] = "boycott"
for _lemma in ("protest", "demonstrate", "demonstration", "rally"):
    TRIGGER_MODES[("PROTEST", _lemma)] = "demo"

#: (type, words any of which in the sentence show the mode) in order of preference
SENTENCE_MODES: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {
    "CONSULT": (("phone", frozenset({"phone", "telephone", "call", "videoconference", "video"})),
                ("multilateral", frozenset({"summit", "forum", "multilateral", "sidelines"}))),
    "MOBILIZE": (("weapons", frozenset({"missile", "missiles", "weapons", "warships", "jets", "artillery",
                                        "tanks", "bombers", "nuclear", "air-defence", "air-defense"})),
                 ("troops", frozenset({"troops", "soldiers", "forces", "army", "divisions", "battalions",
                                       "reservists", "brigades"}))),
    "ASSAULT": (("drone", frozenset({"drone", "drones"})),
                ("aerial", frozenset({"airstrike", "airstrikes", "bombing", "bombers", "air"})),
                ("heavy-weapons", frozenset({"artillery", "missile", "missiles", "rockets", "shelling", "tanks"}))),
    "REQUEST": (("meet", frozenset({"talks", "meeting", "dialogue", "negotiations", "summit"})),
                ("assist", frozenset({"aid", "help", "assistance", "support", "supplies"})),
                ("yield", frozenset({"ceasefire", "withdraw", "withdrawal", "release", "stop", "halt", "end"}))),
    "REJECT": (("meet", frozenset({"talks", "meeting", "dialogue", "negotiations", "summit"})),
               ("assist", frozenset({"aid", "help", "assistance", "support", "supplies", "weapons"})),
               ("yield", frozenset({"ceasefire", "withdraw", "withdrawal", "demands", "demand"}))),
    "THREATEN": (("violence", frozenset({"military", "force", "attack", "strike", "war", "retaliation"})),
                 ("restrict", frozenset({"sanctions", "tariffs", "restrictions", "curbs", "embargo"})),
                 ("relations", frozenset({"relations", "ties", "ambassador", "diplomatic"}))),
    "COERCE": (("cyber", frozenset({"cyber", "cyberattack", "hackers", "hacking", "malware"})),
               ("restrict", frozenset({"blockade", "restrictions", "curbs"}))),
}


def event_mode(event_type: str, trigger_lemma: str, sentence_words: Set[str]) -> str | None:
    """The PLOVER mode of an event, or None when the text does not show one.

    >>> event_mode("CONSULT", "call", {"xi", "call", "putin"})
    'phone'
    >>> event_mode("MOBILIZE", "deploy", {"deployed", "troops", "border"})
    'troops'
    """
    mode = TRIGGER_MODES.get((event_type, trigger_lemma.lower()))
    if mode:
        return mode
    for candidate, words in SENTENCE_MODES.get(event_type, ()):
        if sentence_words & words:
            return candidate
    return None
