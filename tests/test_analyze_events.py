"""The event coder (``dyadwatch_events``) on sentences written for these tests.

Each case names the event it expects as (source, target, type); the helpers look it up among
``doc._.dw_events`` so that other, correct events in the same sentence do not matter. Cases that
a small parser cannot get right are marked ``xfail(strict=True)`` with the reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy

from dyadwatch.analyze.events import MAIN_PAIR_CONFIDENCE, PLOVER_TYPES, EventCoder, read_lexicon

REF = "2024-05-10"  # a Friday


def code(nlp, text: str, ref: str | None = REF) -> list[dict[str, Any]]:
    doc = nlp.make_doc(text)
    doc._.dw_ref_date = ref
    return nlp(doc)._.dw_events


def find(events: list[dict[str, Any]], source: str, target: str, type_: str) -> list[dict[str, Any]]:
    return [e for e in events if (e["source"], e["target"], e["type"]) == (source, target, type_)]


def the(events: list[dict[str, Any]], source: str, target: str, type_: str) -> dict[str, Any]:
    hits = find(events, source, target, type_)
    assert hits, f"no {source}->{target} {type_} in {[(e['source'], e['target'], e['type']) for e in events]}"
    return hits[0]


# ------------------------------------------------------------------ one sentence per PLOVER type

TYPE_CASES = [
    ("AGREE", "Japan and South Korea agreed to share intelligence on missile launches.", "JPN", "KOR"),
    ("AGREE", "India and Pakistan signed a water-sharing agreement.", "PAK", "IND"),
    ("CONSULT", "The French president met the German chancellor in Berlin on Tuesday.", "FRA", "DEU"),
    ("CONSULT", "New Delhi hosted a delegation from Islamabad for border talks.", "IND", "PAK"),
    ("SUPPORT", "Germany praised France for its handling of the crisis.", "DEU", "FRA"),
    ("SUPPORT", "Washington endorsed Seoul's plan to restart talks with Tokyo.", "USA", "KOR"),
    ("CONCEDE", "Israel apologised to Turkey for the raid on the aid flotilla.", "ISR", "TUR"),
    ("CONCEDE", "Greece released two Turkish soldiers who had crossed the border.", "GRC", "TUR"),
    ("COOPERATE", "France and Germany will cooperate on a new fighter jet.", "DEU", "FRA"),
    ("COOPERATE", "China bought record amounts of oil from Iran last year.", "CHN", "IRN"),
    ("AID", "The United States delivered weapons to Israel.", "USA", "ISR"),
    ("AID", "Japan provided South Korea with emergency loans.", "JPN", "KOR"),
    ("RETREAT", "Turkey withdrew its survey ship from waters claimed by Greece.", "TUR", "GRC"),
    ("RETREAT", "Pakistan pulled back troops from the border with India.", "PAK", "IND"),
    ("RETREAT", "Russian troops were withdrawn from Ukraine's northern border.", "RUS", "UKR"),
    ("REQUEST", "India asked Pakistan to hand over the suspects.", "IND", "PAK"),
    ("REQUEST", "Washington urged Beijing to rein in North Korea.", "USA", "CHN"),
    ("ACCUSE", "Iran blamed Israel for the assassination of its nuclear scientist.", "IRN", "ISR"),
    ("ACCUSE", "India summoned the Pakistani envoy.", "IND", "PAK"),
    ("REJECT", "South Korea rejected Japan's offer of compensation.", "KOR", "JPN"),
    ("REJECT", "China vetoed the American resolution at the UN.", "CHN", "USA"),
    ("THREATEN", "North Korea threatened South Korea with nuclear retaliation.", "PRK", "KOR"),
    ("THREATEN", "Turkey warned Greece of consequences over the islands.", "TUR", "GRC"),
    ("PROTEST", "Thousands of Greeks demonstrated against Turkey in Athens.", "GRC", "TUR"),
    ("PROTEST", "Thousands of Pakistanis demonstrated against India outside its embassy.", "PAK", "IND"),
    ("SANCTION", "The United States imposed export controls on China.", "USA", "CHN"),
    ("SANCTION", "The European Union expelled Russian diplomats.", "EU", "RUS"),
    ("MOBILIZE", "Russia deployed troops to the border with Ukraine.", "RUS", "UKR"),
    ("MOBILIZE", "China mobilised warships near Taiwan.", "CHN", "TWN"),
    ("COERCE", "Iran seized an Israeli-linked tanker in the Gulf.", "IRN", "ISR"),
    ("COERCE", "China arrested a Japanese businessman on spying charges.", "CHN", "JPN"),
    ("ASSAULT", "Israel bombed Iranian positions in Syria.", "ISR", "IRN"),
    ("ASSAULT", "India shelled Pakistani posts along the Line of Control.", "IND", "PAK"),
    ("ASSAULT", "Iran fired missiles at Israel on Saturday.", "IRN", "ISR"),
]


def test_type_cases_cover_plover():
    assert {c[0] for c in TYPE_CASES} == set(PLOVER_TYPES)


@pytest.mark.parametrize("type_,text,source,target", TYPE_CASES, ids=[f"{c[0]}-{c[2]}-{c[3]}" for c in TYPE_CASES])
def test_plover_type(nlp, type_, text, source, target):
    ev = the(code(nlp, text), source, target, type_)
    assert ev["negated"] is False
    assert ev["modality"] in ("actual", "intended")


@pytest.mark.parametrize("text,wrong", [
    # the thing demanded or warned against is not an event of its own
    ("Greece rejected Turkey's demand for talks on the islands.", ("GRC", "TUR", "CONSULT")),
    ("Tehran warned Washington against any strike.", ("IRN", "USA", "ASSAULT")),
    # a noun modifying another trigger noun does not name a second act
    ("The United States imposed export controls on China.", ("USA", "CHN", "COOPERATE")),
    # "defence" as a modifier is not verbal support
    ("Germany will not join France in the new defence initiative.", ("DEU", "FRA", "SUPPORT")),
    # the accuser is not the other party of the act it alleges
    ("Israel accused Iran of supplying weapons to Hamas.", ("IRN", "ISR", "AID")),
    # "refused to send" negates the sending; it is not a rejection of anyone
    ("India refused to send troops to Pakistan.", ("IND", "PAK", "REJECT")),
    # the doer of "condemned" is not named inside its object
    ("No country has condemned Russia's invasion of Ukraine.", ("UKR", "RUS", "ACCUSE")),
    # releasing a document is not a concession
    ("Japan released a statement with South Korea on Friday.", ("JPN", "KOR", "CONCEDE")),
    # a participle modifying a noun has that noun as its object: a deal struck is no strike
    ("The accord, struck in Beijing on Monday, alarmed the United States.", ("USA", "CHN", "ASSAULT")),
    ("The agreement, struck in Moscow, angered Ukraine.", ("UKR", "RUS", "ASSAULT")),
    # meeting a target, a need or a demand is no meeting of two parties
    ("Japan met its climate targets while China missed them.", ("JPN", "CHN", "CONSULT")),
    # an organisation named as the forum of a gathering is no party to it, nor is its host
    ("Prime Minister Kishida spoke after the South Korea APEC summit in Gyeongju.", ("KOR", "APEC", "CONSULT")),
    ("Leaders of France and Germany met on the sidelines of the G20 summit in India.", ("FRA", "G20", "CONSULT")),
    ("Greece will host the NATO meeting next year.", ("GRC", "NATO", "CONSULT")),
    # those who face a threat together are no parties to it with each other
    ("Seoul and Tokyo face mounting military threats from the North.", ("KOR", "JPN", "THREATEN")),
    ("India and Japan face a growing threat from China.", ("IND", "JPN", "THREATEN")),
    ("India and Japan face a growing threat from China.", ("IND", "CHN", "THREATEN")),
    # who welcomes efforts to do something does not do it
    ("Britain welcomed every effort to help end the fighting in Yemen.", ("GBR", "YEM", "RETREAT")),
    ("France welcomed efforts to send aid to Syria.", ("FRA", "SYR", "AID")),
    # the topic of a talk, deal or dispute is no party to it
    ("China's spat with Japan over Taiwan widens, reaches UN: what to know", ("CHN", "TWN", "ACCUSE")),
    ("The United States held talks with Russia on Ukraine.", ("USA", "UKR", "CONSULT")),
    ("China's feud with Tokyo over Taiwan deepened.", ("CHN", "TWN", "ACCUSE")),
    # calling a move or an agreement something names it: no phone call; an explanation is no aid
    ("Chinese Premier Li Qiang called the decision \"deeply irresponsible,\" warning Australia.", ("CHN", "AUS", "CONSULT")),
    ("China called Japan's remarks irresponsible.", ("CHN", "JPN", "CONSULT")),
    ("Tokyo urged Beijing to provide a full explanation.", ("CHN", "JPN", "AID")),
    # an unresolved party named as the object is the target: no other actor of the sentence is
    ("Saudi Arabia supports the government, while Iran arms the rebels.", ("SAU", "IRN", "SUPPORT")),
    ("Saudi Arabia supports the government, while Iran arms the rebels.", ("IRN", "SAU", "AID")),
    ("Seoul will compensate the victims with funds that Tokyo refused to provide.", ("KOR", "JPN", "CONCEDE")),
])
def test_no_spurious_event(nlp, text, wrong):
    assert not find(code(nlp, text), *wrong)


# ------------------------------------------------------------------ negation

NEGATION_CASES = [
    ("India will not join Western sanctions on Russia.", "IND", "RUS", "SANCTION", "intended"),
    ("Israel will not join the talks with Iran.", "ISR", "IRN", "CONSULT", "intended"),
    ("Germany did not condemn France's decision.", "DEU", "FRA", "ACCUSE", "actual"),
    ("France did not condemn Germany's decision.", "FRA", "DEU", "ACCUSE", "actual"),
    ("Japan refused to send troops to South Korea.", "JPN", "KOR", "AID", "actual"),
    ("India refused to send troops to help Pakistan.", "IND", "PAK", "AID", "actual"),
    # a predicate adjective of unwillingness negates the act its subject would do, with a third actor too
    ("Finland is unwilling to send troops to Estonia, the EU said.", "FIN", "EST", "AID", "actual"),
    ("Canada was unable to deliver the aid to Haiti, UN officials said.", "CAN", "HTI", "AID", "actual"),
    ("No Japanese warship will visit South Korea this year.", "JPN", "KOR", "CONSULT", "intended"),
    ("No Indian minister will meet Pakistani officials.", "IND", "PAK", "CONSULT", "intended"),
    ("Turkey launched the operation without consulting Greece.", "TUR", "GRC", "CONSULT", "actual"),
    ("Ankara acted without consulting Athens.", "TUR", "GRC", "CONSULT", "actual"),
    ("Beijing has avoided any criticism of Moscow.", "CHN", "RUS", "ACCUSE", "actual"),
    ("Japan has avoided any criticism of the United States.", "JPN", "USA", "ACCUSE", "actual"),
    ("Neither India nor Pakistan will attend the talks.", "IND", "PAK", "CONSULT", "intended"),
    ("Moscow's refusal to withdraw its troops from Ukraine angered NATO.", "RUS", "UKR", "RETREAT", "actual"),
    # "have yet to" / "is yet to": not done so far
    ("Kenya and Somalia have yet to sign a maritime agreement.", "KEN", "SOM", "AGREE", "actual"),
    ("Serbia is yet to condemn Russia.", "SRB", "RUS", "ACCUSE", "actual"),
    # a postponed act has not happened
    ("The summit between Greece and Turkey was postponed.", "GRC", "TUR", "CONSULT", "actual"),
    ("India and Pakistan deferred the signing of the agreement.", "IND", "PAK", "AGREE", "actual"),
]


@pytest.mark.parametrize("text,source,target,type_,modality", NEGATION_CASES)
def test_negation(nlp, text, source, target, type_, modality):
    events = code(nlp, text)
    ev = the(events, source, target, type_)
    assert ev["negated"] is True
    assert ev["modality"] == modality
    assert ev["intensity"] == 0.0
    assert not [e for e in find(events, source, target, type_) if not e["negated"]]


@pytest.mark.parametrize("text,source,target,type_", [
    # rejecting someone's demand does not undo the demand
    ("Greece rejected Turkey's demand for talks on the islands.", "TUR", "GRC", "REQUEST"),
    # a third party's "will not join" leaves the act it would join as it is
    ("The EU will not join the American boycott of China.", "USA", "CHN", "SANCTION"),
    # a subject with "no" negates its own act, not the act its object names
    ("No country has condemned Russia's invasion of Ukraine.", "RUS", "UKR", "ASSAULT"),
    # "no limits to" is not a negation of what follows
    ("Japan and South Korea said there were no limits to their cooperation.", "JPN", "KOR", "COOPERATE"),
])
def test_not_negated(nlp, text, source, target, type_):
    ev = the(code(nlp, text), source, target, type_)
    assert ev["negated"] is False
    assert ev["modality"] == "actual"


def test_joiner_shares_the_act(nlp):
    events = code(nlp, "The EU will not join the American boycott of China.")
    ev = the(events, "EU", "CHN", "SANCTION")
    assert ev["negated"] is True and ev["modality"] == "intended"
    events = code(nlp, "Japan will join the American boycott of China.")
    ev = the(events, "JPN", "CHN", "SANCTION")
    assert ev["negated"] is False and ev["modality"] == "intended"


# ------------------------------------------------------------------ modality

MODALITY_CASES = [
    # an act named as the condition for something is not done yet
    ("Azerbaijan named a new constitution as a condition for signing a treaty with Armenia.", "AZE", "ARM", "AGREE",
     "hypothetical"),
    ("Kosovo says recognition is a precondition for a trade deal with Serbia.", "XKX", "SRB", "AGREE", "hypothetical"),
    ("Russia invaded Ukraine in February 2022.", "RUS", "UKR", "ASSAULT", "actual"),
    ("Israel struck Iran on Wednesday.", "ISR", "IRN", "ASSAULT", "actual"),
    ("The United States will sell fighter jets to India.", "USA", "IND", "COOPERATE", "intended"),
    ("Israel will strike Iran next week.", "ISR", "IRN", "ASSAULT", "intended"),
    ("Japan plans to invest $10 billion in South Korea.", "JPN", "KOR", "COOPERATE", "intended"),
    ("China continued to buy Iranian oil in March.", "CHN", "IRN", "COOPERATE", "actual"),
    ("Iran's drone deliveries to Russia continued in March.", "IRN", "RUS", "AID", "actual"),
    ("Germany plans to send tanks to Poland.", "DEU", "POL", "AID", "intended"),
    ("France pledged to supply Germany with gas.", "FRA", "DEU", "AID", "intended"),
    ("Japan pledged to provide South Korea with loans.", "JPN", "KOR", "AID", "intended"),
    ("Iran could attack Israel within days.", "IRN", "ISR", "ASSAULT", "hypothetical"),
    ("India may impose tariffs on Chinese goods.", "IND", "CHN", "SANCTION", "hypothetical"),
    ("Israel might strike Iran's nuclear sites.", "ISR", "IRN", "ASSAULT", "hypothetical"),
    ("Tokyo could impose sanctions on Pyongyang.", "JPN", "PRK", "SANCTION", "hypothetical"),
    ("Germany is considering sending tanks to Poland.", "DEU", "POL", "AID", "hypothetical"),
    ("India is considering a ban on Chinese steel.", "IND", "CHN", "SANCTION", "hypothetical"),
    ("If Turkey attacks Greece, NATO will respond.", "TUR", "GRC", "ASSAULT", "hypothetical"),
    ("If India attacks Pakistan, Islamabad will retaliate.", "IND", "PAK", "ASSAULT", "hypothetical"),
    ("NATO warned Russia against attacking Poland.", "RUS", "POL", "ASSAULT", "hypothetical"),
    ("Israel accused Iran of supplying weapons to Syria.", "IRN", "SYR", "AID", "alleged"),
    ("Washington accused Beijing of supplying Moscow with drones.", "CHN", "RUS", "AID", "alleged"),
    ("Officials believe China is supplying Russia with drones.", "CHN", "RUS", "AID", "alleged"),
    ("US officials believe China is supplying Russia with drones.", "CHN", "RUS", "AID", "alleged"),
    ("Iran denied sending drones to Russia.", "IRN", "RUS", "AID", "denied"),
    ("China denied supplying Russia with weapons.", "CHN", "RUS", "AID", "denied"),
]


@pytest.mark.parametrize("text,source,target,type_,modality", MODALITY_CASES)
def test_modality(nlp, text, source, target, type_, modality):
    ev = the(code(nlp, text), source, target, type_)
    assert ev["modality"] == modality
    assert ev["negated"] is False


@pytest.mark.parametrize("text,source,target,type_", [
    ("China sent weapons to Russia. China has denied this.", "CHN", "RUS", "AID"),
    ("Iran sent drones to Russia. Tehran has denied this.", "IRN", "RUS", "AID"),
    ("India shelled Pakistani posts. New Delhi has denied the reports.", "IND", "PAK", "ASSAULT"),
])
def test_anaphoric_denial(nlp, text, source, target, type_):
    events = find(code(nlp, text), source, target, type_)
    split = text.index(". ") + 2
    stated = [e for e in events if e["start"] < split]
    denied = [e for e in events if e["start"] >= split]
    assert stated and stated[0]["modality"] == "actual"
    assert denied and denied[0]["modality"] == "denied" and not denied[0]["negated"]


def test_accuser_is_the_source_of_the_accusation(nlp):
    events = code(nlp, "Israel accused Iran of supplying weapons to Syria.")
    assert the(events, "ISR", "IRN", "ACCUSE")["modality"] == "actual"


# ------------------------------------------------------------------ events named by nouns

NOUN_CASES = [
    ("Russia's invasion of Ukraine began in February 2022.", "RUS", "UKR", "ASSAULT"),
    ("The Biden–Xi meeting lasted four hours.", "USA", "CHN", "CONSULT"),
    ("The Kishida–Yoon summit ended on Tuesday.", "JPN", "KOR", "CONSULT"),
    ("Talks between India and Pakistan resumed on Monday.", "IND", "PAK", "CONSULT"),
    ("Talks between Greece and Turkey collapsed.", "GRC", "TUR", "CONSULT"),
    ("Chinese purchases of Iranian oil have risen sharply.", "CHN", "IRN", "COOPERATE"),
    ("India's ban on Chinese apps remains in force.", "IND", "CHN", "SANCTION"),
    ("The United Nations condemned Israel's attack on Iran.", "ISR", "IRN", "ASSAULT"),
    ("The EU imposed sanctions on Iran.", "EU", "IRN", "SANCTION"),
    ("Beijing may judge that sending fresh aid to Moscow is its best option.", "CHN", "RUS", "AID"),
    ("The sanctions imposed by the EU on Russia remain in place.", "EU", "RUS", "SANCTION"),
    ("Japan's decision to impose sanctions on North Korea angered Pyongyang.", "JPN", "PRK", "SANCTION"),
]


@pytest.mark.parametrize("text,source,target,type_", NOUN_CASES)
def test_noun_event(nlp, text, source, target, type_):
    ev = the(code(nlp, text), source, target, type_)
    assert ev["negated"] is False


@pytest.mark.parametrize("text,source,target,type_", [
    # a receiving verb: its subject gets what the "from" phrase gives
    ("Ukraine received military aid from the United States.", "USA", "UKR", "AID"),
    ("Russia would need military support from China.", "CHN", "RUS", "AID"),
    # an infinitive on a bare noun takes the subject of the noun's clause
    ("With public refusals to send troops to Pakistan, India kept its distance.", "IND", "PAK", "AID"),
])
def test_roles_through_nouns(nlp, text, source, target, type_):
    the(code(nlp, text), source, target, type_)
    assert not find(code(nlp, text), target, source, type_)


@pytest.mark.parametrize("text,source,target,type_", [
    ("India and Japan face a growing threat from China.", "CHN", "JPN", "THREATEN"),
    ("Ukraine suffered heavy attacks by Russia last week.", "RUS", "UKR", "ASSAULT"),
    ("Russia faces new sanctions from the European Union.", "EU", "RUS", "SANCTION"),
])
def test_undergoer_is_the_target(nlp, text, source, target, type_):
    """The subject of "face", "suffer" undergoes the act its object names; "from"/"by" does it."""
    the(code(nlp, text), source, target, type_)


def test_threatened_sanctions_are_not_imposed(nlp):
    events = code(nlp, "The G7 threatened Russia with new sanctions.")
    the(events, "G7", "RUS", "THREATEN")
    assert not find(events, "G7", "RUS", "SANCTION")


def test_noun_source_from_possessor_of_governing_noun(nlp):
    events = code(nlp, "Beijing's reason for supporting Moscow is economic.")
    the(events, "CHN", "RUS", "SUPPORT")


# ------------------------------------------------------------------ joint actions

JOINT_CASES = [
    ("India and Pakistan signed a water-sharing agreement.", "IND", "PAK", "AGREE"),
    ("Japan and South Korea signed a defence pact on Wednesday.", "JPN", "KOR", "AGREE"),
    ("Germany and France signed the treaty in February.", "DEU", "FRA", "AGREE"),
    ("India and Pakistan held talks last month.", "IND", "PAK", "CONSULT"),
    ("Kishida met Yoon in Seoul.", "JPN", "KOR", "CONSULT"),
    ("Kishida spoke with Yoon by phone on Monday.", "JPN", "KOR", "CONSULT"),
    ("Pakistan and India exchanged fire across the Line of Control on Sunday.", "PAK", "IND", "ASSAULT"),
    # "trade" carries the act its object names
    ("Washington and Beijing traded accusations over the balloon.", "USA", "CHN", "ACCUSE"),
    # a headline's comma list of states
    ("India, Pakistan agree to ceasefire", "IND", "PAK", "AGREE"),
    ("Macron hosted Scholz in Paris. The two leaders met for three hours.", "FRA", "DEU", "CONSULT"),
    ("Modi visited Islamabad in March. The two leaders discussed trade.", "IND", "PAK", "CONSULT"),
    ("Erdogan travelled to Athens. Both sides agreed to keep talking.", "TUR", "GRC", "AGREE"),
    # a shared appearance named by a noun: a press conference "with" the other side, a toast made together
    ("The Indian prime minister held a joint press conference with the Brazilian president.", "IND", "BRA",
     "CONSULT"),
    ("The leaders of Chile and Peru made a toast at the state banquet.", "CHL", "PER", "CONSULT"),
    # a "between" phrase names the two parties of any act; two doers share an agreement
    ("An agreement between Ethiopia and Eritrea was signed on Monday.", "ETH", "ERI", "AGREE"),
    ("The ceasefire between India and Pakistan held.", "IND", "PAK", "RETREAT"),
    ("Kenya praised the deal inked by Ethiopian Prime Minister Abiy Ahmed and Eritrean President Isaias "
     "Afwerki.", "ETH", "ERI", "AGREE"),
    # an agreement signed "with" the other side is signed by both
    ("Vietnam signed a trade agreement with Chile on Monday.", "VNM", "CHL", "AGREE"),
    ("Peru will sign a defence pact with Colombia.", "PER", "COL", "AGREE"),
    # two actors hyphenated before a gathering are its two sides, an organisation among them too
    ("The EU-China summit was held in Beijing.", "EU", "CHN", "CONSULT"),
    ("China's feud with Tokyo over Taiwan deepened.", "CHN", "JPN", "ACCUSE"),
]


@pytest.mark.parametrize("text,a,b,type_", JOINT_CASES)
def test_joint_action_both_directions(nlp, text, a, b, type_):
    events = code(nlp, text)
    the(events, a, b, type_)
    the(events, b, a, type_)


@pytest.mark.parametrize("text,source,target,type_", [
    # what two sides agree or commit to do is coded too, by its own type
    ("Qatar and Bahrain agreed to exchange ambassadors.", "BHR", "QAT", "COOPERATE"),
    ("Ethiopia and Eritrea are committing to end hostilities along their shared frontier.", "ERI", "ETH", "RETREAT"),
    ("Ethiopia and Eritrea agreed to end hostilities.", "ETH", "ERI", "RETREAT"),
    ("Kenya and Somalia agreed to renew their diplomatic relations following a long rupture.", "KEN", "SOM", "COOPERATE"),
    # a hyphen after "re-" or "de-" keeps the word whole (kept_hyphen_prefixes): split, "de-escalate"
    # was "escalate" and nothing was coded; "re-establish their embassies" is establishing them
    ("Iran and Saudi Arabia agreed to de-escalate tensions.", "IRN", "SAU", "RETREAT"),
    ("Saudi Arabia and Iran agreed to re-establish their embassies.", "SAU", "IRN", "COOPERATE"),
])
def test_agreed_act_has_its_own_type(nlp, text, source, target, type_):
    events = code(nlp, text)
    assert the(events, source, target, type_)["modality"] == "intended"
    the(events, target, source, type_)
    the(events, source, target, "AGREE")


def test_normalising_a_pact_is_cooperation_vowed(nlp):
    events = code(nlp, "Seoul vowed to completely normalize the military intelligence-sharing pact with Tokyo.")
    the(events, "KOR", "JPN", "AGREE")
    assert the(events, "KOR", "JPN", "COOPERATE")["modality"] == "intended"
    assert not find(code(nlp, "Israel and Morocco normalized relations in 2020."), "ISR", "MAR", "AGREE")


def test_prefixed_word_is_one_token_with_the_lexicon_sense(nlp):
    doc = nlp("Egypt re-established diplomatic ties with Iran.")
    assert [t.text for t in doc][1] == "re-established" and doc[1].lemma_ == "re-establish"
    the(doc._.dw_events, "EGY", "IRN", "COOPERATE")
    # "re-" repeats the act of the word after it; "de-" undoes it, so it is never that word
    the(code(nlp, "China re-deployed troops to the border with India."), "CHN", "IND", "MOBILIZE")
    events = code(nlp, "Turkey de-escalated its row with Greece.")
    the(events, "TUR", "GRC", "RETREAT")
    assert not find(events, "TUR", "GRC", "ASSAULT")


@pytest.mark.parametrize("text,source,target,type_", [
    # a promise of an act with a target is an agreement with that target, done when told
    ("The Canadian parliament agreed to lift its embargo on grain sales to Cuba.", "CAN", "CUB", "CONCEDE"),
    ("Vietnam says it is ready to withdraw its forces from Cambodia.", "VNM", "KHM", "RETREAT"),
    ("Japan pledged to send emergency aid to the Philippines.", "JPN", "PHL", "AID"),
    ("Japan's pledge to send aid to the Philippines surprised China.", "JPN", "PHL", "AID"),
    ("Canada has committed to supporting Indonesia's efforts to end the conflict.", "CAN", "IDN", "SUPPORT"),
])
def test_promised_act_is_also_an_agreement(nlp, text, source, target, type_):
    events = code(nlp, text)
    assert the(events, source, target, type_)["modality"] == "intended"
    agreed = the(events, source, target, "AGREE")
    assert agreed["modality"] == "actual" and not agreed["negated"]


@pytest.mark.parametrize("text,source,target,type_", [
    # a predicate adjective ("is willing to", "is ready to") passes on its copula's subject: with a
    # third actor in the sentence no fallback pairs the doer, so the subject must reach the act
    ("A member of the Nordic Council, Finland is willing to send radar equipment to Estonia, the EU's "
     "foreign policy chief said.", "FIN", "EST", "AID"),
    ("Poland is prepared to send engineers to Ukraine, NATO officials said.", "POL", "UKR", "AID"),
])
def test_promiser_adjective_passes_on_its_subject(nlp, text, source, target, type_):
    events = code(nlp, text)
    the(events, source, target, type_)
    agreed = the(events, source, target, "AGREE")
    assert agreed["modality"] == "actual" and not agreed["negated"]


def test_refusing_a_demand_is_a_rejection_by_the_refuser(nlp):
    events = code(nlp, "China refused US demands to release the crew.")
    the(events, "CHN", "USA", "REJECT")
    the(events, "USA", "CHN", "REQUEST")
    assert not find(events, "USA", "CHN", "REJECT")  # the act the parser gave the demander is not refused by it


def test_a_promise_is_the_promisers_alone(nlp):
    events = code(nlp, "Macron thanked Scholz for his support, pledging to work with him toward closer ties.")
    the(events, "FRA", "DEU", "AGREE")
    the(events, "DEU", "FRA", "COOPERATE")  # working together is joint ...
    assert not find(events, "DEU", "FRA", "AGREE")  # ... the pledge is France's
    # a refused promise is no agreement, and a promise of force is none
    assert the(code(nlp, "Israel did not agree to withdraw its troops from Lebanon."), "ISR", "LBN", "AGREE")["negated"]
    assert not find(code(nlp, "Russia is ready to attack Ukraine."), "RUS", "UKR", "AGREE")


@pytest.mark.parametrize("text,source,target", [
    ("Chile said late on Monday that Peru must hand back the impounded trawler.", "CHL", "PER"),
    ("Washington declared that China must drop its barriers to U.S. exports.", "USA", "CHN"),
    ("Jordanian Foreign Minister Ayman Safadi said that France should be ready to broker talks between Armenians "
     "and Azerbaijanis.", "JOR", "FRA"),
])
def test_told_obligation_is_a_demand(nlp, text, source, target):
    demand = the(code(nlp, text), source, target, "REQUEST")
    assert demand["modality"] == "actual" and not demand["negated"]


@pytest.mark.parametrize("text,source,target,type_", [
    # a demand or complaint whose that-clause names who is to act or acted: that clause's subject is
    # the target, also when the clause names a third actor (no sentence fallback can pair them)
    ("Greek diplomats demanded on Tuesday that Turkey honour the ceasefire brokered by the UN.", "GRC", "TUR",
     "REQUEST"),
    ("Armenia complained that Azerbaijan was blocking food convoys, the EU mission said.", "ARM", "AZE", "ACCUSE"),
])
def test_that_clause_subject_is_the_target(nlp, text, source, target, type_):
    the(code(nlp, text), source, target, type_)


@pytest.mark.parametrize("text,wrong", [
    # an object of the verb's own: the clause tells about that object, not who is criticised
    ("Beijing criticized comments by Tokyo lawmakers that Taiwan's security is Japan's concern.", ("CHN", "TWN")),
    # a clause opened by a wh-word names what is demanded, not who is to act
    ("Russia has continued to demand what China sees as a bigger role, the EU said.", ("RUS", "CHN")),
])
def test_that_clause_of_an_object_or_wh_word_names_no_target(nlp, text, wrong):
    assert not [e for e in code(nlp, text) if (e["source"], e["target"]) == wrong and e["type"] in ("REQUEST", "ACCUSE")]


def test_own_obligation_is_no_demand(nlp):
    # what the speaker's own side must do, or what both sides should do, is no demand on another
    assert not find(code(nlp, "Erdogan said Turkey must defend its rights against Greece."), "TUR", "GRC", "REQUEST")
    events = code(nlp, "Yoon told business leaders that Japan and South Korea should collaborate more.")
    assert not [e for e in events if e["type"] == "REQUEST"]


@pytest.mark.parametrize("text,source,target,type_", [
    # refusing a cooperative act rejects its target; the act itself is negated
    ("Israel's president has refused to meet Jordan's king in Tel Aviv.", "ISR", "JOR", "CONSULT"),
    ("The Turkish government is refusing to lift the blockade on Armenia.", "TUR", "ARM", "CONCEDE"),
    ("India's refusal to meet Pakistan's envoy angered Islamabad.", "IND", "PAK", "CONSULT"),
])
def test_refused_act_is_also_a_rejection(nlp, text, source, target, type_):
    events = code(nlp, text)
    assert the(events, source, target, type_)["negated"]
    rejected = the(events, source, target, "REJECT")
    assert rejected["modality"] == "actual" and not rejected["negated"]


@pytest.mark.parametrize("text,source,target", [
    ("Protesters in Tehran blocked a highway to show their disapproval of Britain's policies.", "IRN", "GBR"),
    ("Thousands of students marched in Tbilisi in defiance of Russian authorities.", "GEO", "RUS"),
])
def test_a_crowds_disapproval_is_a_protest(nlp, text, source, target):
    events = code(nlp, text)
    the(events, source, target, "PROTEST")
    assert not find(events, source, target, "ACCUSE") and not find(events, source, target, "REJECT")
    # a government's disapproval stays a criticism
    the(code(nlp, "Beijing showed its disapproval of Japan's policies."), "CHN", "JPN", "ACCUSE")


@pytest.mark.parametrize("text,source,target", [
    ("Tokyo did not apologize to Seoul for the trade retaliation that it imposed in 2019.", "JPN", "KOR"),
    ("Beijing criticised Washington's trade barriers against China.", "USA", "CHN"),
])
def test_hostile_trade_words_are_sanctions(nlp, text, source, target):
    events = code(nlp, text)
    assert not the(events, source, target, "SANCTION")["negated"]
    assert not find(events, source, target, "COOPERATE")


@pytest.mark.parametrize("text,wrong", [
    # the commerce a restriction bears on, or a grievance it names, is no cooperation
    ("Canberra said Beijing must remove barriers to Australian exports.", ("AUS", "CHN", "COOPERATE")),
    ("Seoul complained to the WTO about Japan's unfair trade practices.", ("KOR", "JPN", "COOPERATE")),
    ("Japan imposed curbs on trade with South Korea.", ("JPN", "KOR", "COOPERATE")),
])
def test_restricted_commerce_is_no_cooperation(nlp, text, wrong):
    assert not find(code(nlp, text), *wrong)
    # with no restriction, trade is cooperation
    the(code(nlp, "Japan and South Korea said there were no barriers to their trade."), "JPN", "KOR", "COOPERATE")


def test_extradition_to_a_state_is_cooperation_with_it(nlp):
    events = code(nlp, "Thailand extradited a Russian arms dealer to the United States.")
    the(events, "THA", "USA", "COOPERATE")
    assert not find(events, "THA", "RUS", "COOPERATE")  # the preposition's object, not the verb's
    # with no receiving state it is an arrest
    the(code(nlp, "Pakistan extradited two Afghan suspects."), "PAK", "AFG", "COERCE")


def test_halting_attacks_is_retreat_halting_exports_a_sanction(nlp):
    the(code(nlp, "Russia halted its attacks on Ukraine."), "RUS", "UKR", "RETREAT")
    assert not find(code(nlp, "Russia halted its attacks on Ukraine."), "RUS", "UKR", "ASSAULT")
    the(code(nlp, "China halted exports to Japan."), "CHN", "JPN", "SANCTION")


@pytest.mark.parametrize("text,source,target,type_", [
    # words the synthetic stories tie to one type (scripts/mine_synthetic_triggers.py)
    ("Iranian militants beheaded a French aid worker.", "IRN", "FRA", "ASSAULT"),
    ("China's execution of a Japanese national angered Tokyo.", "CHN", "JPN", "ASSAULT"),
    ("Israel imposed a curfew on Palestinian towns.", "ISR", "PSE", "COERCE"),
    ("Thousands of Serbians chanted against Kosovo outside the embassy.", "SRB", "XKX", "PROTEST"),
    ("Colombia agreed to disband the militias along the border with Venezuela.", "COL", "VEN", "RETREAT"),
])
def test_mined_trigger(nlp, text, source, target, type_):
    the(code(nlp, text), source, target, type_)


def test_two_doers_of_a_one_sided_act_do_not_share_it(nlp):
    events = code(nlp, "US and EU sanctions have hurt the Iranian economy.")
    assert not find(events, "USA", "EU", "SANCTION") and not find(events, "EU", "USA", "SANCTION")


def test_press_conference_without_a_counterpart_is_no_meeting(nlp):
    # one side talking to reporters, with another state named only as the topic
    events = code(nlp, "The Indian prime minister spoke at a press conference about Brazil's election.")
    assert not [e for e in events if e["type"] == "CONSULT"]


@pytest.mark.parametrize("text,mediator,a,b,type_", [
    ("Germany and France signed a peace agreement brokered by the United States.", "USA", "DEU", "FRA", "AGREE"),
    ("Kenya and Uganda have signed an Ethiopia-brokered trade agreement in Nairobi.", "ETH", "KEN", "UGA", "AGREE"),
    ("Following talks mediated by Egypt, Israel and Jordan agreed to reopen the crossing.", "EGY", "ISR", "JOR",
     "CONSULT"),
])
def test_mediator_consults_both_parties_and_is_no_party(nlp, text, mediator, a, b, type_):
    events = code(nlp, text)
    # the parties share the act; the broker is not its doer ...
    the(events, a, b, type_)
    the(events, b, a, type_)
    assert not [e for e in events if e["source"] == mediator and e["type"] == type_ != "CONSULT"]
    # ... it consults each party (PLOVER CONSULT, third-party mode)
    for party in (a, b):
        assert the(events, mediator, party, "CONSULT")["mode"] == "third-party"


def test_sympathy_expressed_to_another_leader_is_support(nlp):
    the(code(nlp, "Spain's prime minister expressed deep respect to the Portuguese president."), "ESP", "PRT",
        "SUPPORT")


def test_pair_word_takes_the_people_not_the_place(nlp):
    # the leaders met in a third country's capital: that capital is a place, not a party
    text = "Prime Minister Kishida spoke with President Yoon. The two leaders met in Washington on Friday."
    events = [e for e in code(nlp, text) if e["type"] == "CONSULT" and e["start"] >= 50]
    assert {(e["source"], e["target"]) for e in events} == {("JPN", "KOR"), ("KOR", "JPN")}


def test_pair_subject_inherited_by_infinitive(nlp):
    text = ("Lula stood beside Xi at the Great Hall in Beijing. The two presidents had come together to announce "
            "in a joint statement that their partnership would deepen.")
    events = [e for e in code(nlp, text) if e["start"] >= text.index("The two")]
    the(events, "BRA", "CHN", "AGREE")
    the(events, "CHN", "BRA", "AGREE")


# ------------------------------------------------------------------ metonyms, titles, pronouns

METONYM_CASES = [
    ("Beijing has avoided any criticism of Moscow.", "CHN", "RUS", "ACCUSE"),
    ("The Kremlin thanked Beijing for its support.", "RUS", "CHN", "SUPPORT"),
    ("Washington criticised New Delhi for buying Russian oil.", "USA", "IND", "ACCUSE"),
    ("Islamabad protested to New Delhi over the shelling.", "PAK", "IND", "ACCUSE"),
    ("Tehran warned Washington against any strike.", "IRN", "USA", "THREATEN"),
    ("New Delhi hosted a delegation from Islamabad for border talks.", "IND", "PAK", "CONSULT"),
]


@pytest.mark.parametrize("text,source,target,type_", METONYM_CASES)
def test_metonyms(nlp, text, source, target, type_):
    the(code(nlp, text), source, target, type_)


def test_gerund_done_by_accused_party(nlp):
    # "criticised New Delhi for buying Russian oil": New Delhi buys
    the(code(nlp, "Washington criticised New Delhi for buying Russian oil."), "IND", "RUS", "COOPERATE")


@pytest.mark.parametrize("text,source,target", [
    ("Beijing protested Japan's decision.", "CHN", "JPN"),
    ("Japan protests Chinese survey ship near Senkakus", "JPN", "CHN"),
    ("Seoul lodged a formal protest with Tokyo.", "KOR", "JPN"),
])
def test_government_protest_is_a_complaint(nlp, text, source, target):
    # PROTEST is a public demonstration; a government that protests accuses
    events = code(nlp, text)
    the(events, source, target, "ACCUSE")
    assert not find(events, source, target, "PROTEST")


def test_relative_pronoun_stands_for_its_noun(nlp):
    events = code(nlp, "Biden, who met Xi in November, criticised China on Friday.")
    assert the(events, "USA", "CHN", "CONSULT")["date"] == "2023-11"
    assert the(events, "USA", "CHN", "ACCUSE")["date"] == "2024-05-10"


def test_headline_pair_of_leaders(nlp):
    # the small parser tags 'pledge' as a noun and leaves 'Putin' unattached: the headline's
    # opening comma pair is read as its joint subject
    events = code(nlp, "Putin, Xi pledge to deepen partnership")
    the(events, "RUS", "CHN", "AGREE")
    the(events, "CHN", "RUS", "AGREE")
    events = code(nlp, "Iran, Saudi Arabia sign accord")
    the(events, "IRN", "SAU", "AGREE")
    the(events, "SAU", "IRN", "AGREE")



@pytest.mark.parametrize("ref", ["2023-06-01", "2025-03-01"])
def test_title_resolved_by_date(nlp, ref):
    events = code(nlp, "The US president met Chinese President Xi Jinping in Bali.", ref)
    the(events, "USA", "CHN", "CONSULT")
    the(events, "CHN", "USA", "CONSULT")


def test_pronoun_subject(nlp):
    text = ("Indian Prime Minister Narendra Modi visited Washington last month. "
            "He then met Pakistani Prime Minister Shehbaz Sharif.")
    events = code(nlp, text)
    second = [e for e in events if e["start"] > 60]
    the(second, "IND", "PAK", "CONSULT")
    the(events, "IND", "USA", "CONSULT")


def test_pronoun_source(nlp):
    events = code(nlp, "Erdogan arrived in Athens on Monday. He then praised Greece.")
    the(events, "TUR", "GRC", "SUPPORT")


# ------------------------------------------------------------------ dates

DATE_CASES = [
    ("Israel struck Iran on Wednesday.", REF, "ISR", "IRN", "ASSAULT", "2024-05-08"),
    ("On Wednesday, Israel struck Iran.", REF, "ISR", "IRN", "ASSAULT", "2024-05-08"),
    ("Israel struck Iran last month.", REF, "ISR", "IRN", "ASSAULT", "2024-04"),
    ("Last month, India and Pakistan held talks.", REF, "IND", "PAK", "CONSULT", "2024-04"),
    ("Japan and South Korea held talks in February.", REF, "JPN", "KOR", "CONSULT", "2024-02"),
    ("The EU imposed sanctions on Russia on March 3.", REF, "EU", "RUS", "SANCTION", "2024-03-03"),
    ("Israel will strike Iran next week.", REF, "ISR", "IRN", "ASSAULT", "2024-05"),
    ("Israel will strike Iran next week.", "2024-05-28", "ISR", "IRN", "ASSAULT", "2024-06"),
    ("Japan will host South Korea's president in February.", REF, "JPN", "KOR", "CONSULT", "2025-02"),
    ("India and Pakistan will hold talks next month.", REF, "IND", "PAK", "CONSULT", "2024-06"),
    ("Israel struck Iran two days ago.", REF, "ISR", "IRN", "ASSAULT", "2024-05-08"),
    ("Israel struck Iran yesterday.", REF, "ISR", "IRN", "ASSAULT", "2024-05-09"),
    ("Israel struck Iran this morning.", REF, "ISR", "IRN", "ASSAULT", "2024-05-10"),
    ("Israel struck Iran last Friday.", REF, "ISR", "IRN", "ASSAULT", "2024-05-03"),
    ("China bought oil from Iran in May.", "2024-09-01", "CHN", "IRN", "COOPERATE", "2024-05"),
    ("Israel struck Iran on March 3, 2023.", REF, "ISR", "IRN", "ASSAULT", "2023-03-03"),
    ("Talks between India and Pakistan on Monday ended without agreement.", REF, "IND", "PAK", "CONSULT",
     "2024-05-06"),
    # a date said of the governing clause dates an actual act
    ("Germany said on Monday that it had sent tanks to Poland.", REF, "DEU", "POL", "AID", "2024-05-06"),
    # no reference date: relative expressions stay unresolved, absolute ones do not
    ("Israel struck Iran on Wednesday.", None, "ISR", "IRN", "ASSAULT", None),
    ("India and Pakistan held talks last month.", None, "IND", "PAK", "CONSULT", None),
    ("Russia invaded Ukraine on February 24, 2022.", None, "RUS", "UKR", "ASSAULT", "2022-02-24"),
]


@pytest.mark.parametrize("text,ref,source,target,type_,date", DATE_CASES)
def test_event_date(nlp, text, ref, source, target, type_, date):
    assert the(code(nlp, text, ref), source, target, type_)["date"] == date


def test_date_of_another_clause_is_not_taken(nlp):
    events = code(nlp, "India and Pakistan, which held talks on Monday, agreed to meet again.")
    # the talks, if coded, are Monday's or undated
    consults = find(events, "IND", "PAK", "CONSULT")
    assert consults and all(e["date"] in (None, "2024-05-06") for e in consults if e["modality"] == "actual")
    # "meet again" is a plan: Monday is when they talked, not when they will meet; the plan dates
    # from the agreement that announced it, the article's news (as "agreed on Thursday to meet again")
    meet = [e for e in find(events, "IND", "PAK", "CONSULT") if e["modality"] == "intended"]
    assert meet and meet[0]["date"] == REF
    # Monday is the relative clause's; the agreement, told in the past as the article's only
    # news, takes the publication date (GUIDE.md, Conventions: news of the day)
    assert the(events, "IND", "PAK", "AGREE")["date"] == REF
    # a relative clause keeps its own time
    events = code(nlp, "China, which has long backed Russia, bought more Russian oil in March.")
    assert the(events, "CHN", "RUS", "COOPERATE")["date"] == "2024-03"
    assert the(events, "CHN", "RUS", "SUPPORT")["date"] is None


def test_a_sentences_one_date_governs_an_event_the_parser_left_without_one(nlp):
    # a long opening phrase the parser misreads: the sentence's single time expression still
    # dates its actual events (GUIDE.md, Conventions: "in or governing the sentence")
    text = ("After talks with Iranian Foreign Minister Abbas Araghchi in Muscat to discuss, among other things, "
            "the fate of Europeans detained in the country, Jean-Noel Barrot, the French foreign minister, said "
            "in a post on X late on Friday that he was flying back to Paris with two of them.")
    meetings = find(code(nlp, text, "2025-02-01"), "FRA", "IRN", "CONSULT")
    assert meetings and all(e["date"] == "2025-01-31" for e in meetings)
    # never a date ahead of the article, and never a relative clause's
    plan = code(nlp, "After the meeting in Caracas, the two sides said talks would resume next month.")
    assert all(e["date"] in (None, REF) for e in plan if e["modality"] == "actual")


def test_named_event_takes_the_date_of_the_event_told_there(nlp):
    text = "Kishida met Yoon in Hiroshima on March 3. Trade was discussed. The Hiroshima summit was their first meeting."
    events = [e for e in code(nlp, text) if e["trigger"] == "meeting"]
    assert {(e["source"], e["target"], e["date"]) for e in events} == {("JPN", "KOR", "2024-03-03"),
                                                                       ("KOR", "JPN", "2024-03-03")}


def test_date_carried_from_the_previous_sentence(nlp):
    text = "Xi met Putin on March 3. Putin praised China."
    assert the(code(nlp, text), "RUS", "CHN", "SUPPORT")["date"] == "2024-03-03"


def test_an_act_of_a_predicate_adjective_takes_the_tense_of_its_copula(nlp):
    # "was unwilling to compromise": the clause is in the past through "was" (the adjective has no
    # tense): told after a dated act it happened then, told in the lead it is the news
    text = "The talks between Egypt and Ethiopia failed on Tuesday. Ethiopia said Egypt was unwilling to compromise."
    assert the(code(nlp, text), "EGY", "ETH", "CONCEDE")["date"] == "2024-05-07"
    assert the(code(nlp, "Egypt was unwilling to compromise with Ethiopia."), "EGY", "ETH", "CONCEDE")["date"] == REF
    # a readiness told beside it is intended: it takes no carried date
    text = "Talks between Egypt and Ethiopia collapsed on Tuesday. Egypt was ready to compromise with Ethiopia."
    ready = [e for e in find(code(nlp, text), "EGY", "ETH", "CONCEDE") if e["modality"] == "intended"]
    assert ready and {e["date"] for e in ready} == {None}


def test_the_day_of_a_call_told_in_the_past_is_behind_the_article(nlp):
    # "called Wednesday for dialogue": the intended dialogue is dated by the call, last Wednesday
    # (REF: Friday 10 May), not next week's; tagged VBN with its subject, or hung on a root noun
    for text in ("Turkish and Greek leaders called Wednesday for sustained dialogue.",
                 "Turkish and Greek leadership called Wednesday for patient dialogue and wider trade "
                 "in spite of lingering maritime quarrels, with Athens naming a modest goal."):
        calls = find(code(nlp, text), "TUR", "GRC", "CONSULT")
        assert calls and {e["date"] for e in calls} == {"2024-05-08"}, text
    # a plan's own day still lies ahead
    assert {e["date"] for e in find(code(nlp, "Turkey will hold talks with Greece on Wednesday."),
                                    "TUR", "GRC", "CONSULT")} == {"2024-05-15"}


def test_carried_date_is_the_day_the_story_is_at(nlp):
    # the previous sentence also recalls a year ("since 2019"): the day it tells is carried
    text = ("At Thursday's meeting, Modi and Putin agreed to revive their annual summits, which had "
            "lapsed since 2019. They also agreed to boost trade.")
    second = [e for e in find(code(nlp, text), "IND", "RUS", "AGREE") if e["start"] > 0]
    assert second and {e["date"] for e in second} == {"2024-05-09"}


def test_a_plan_agreed_on_a_carried_day_dates_from_then(nlp):
    text = "Xi met Putin in Moscow on Thursday. They also agreed to resume defense dialogues."
    plans = [e for e in find(code(nlp, text), "CHN", "RUS", "CONSULT") if e["modality"] == "intended"]
    assert plans and {e["date"] for e in plans} == {"2024-05-09"}


def test_what_was_told_a_gathering_dates_from_the_telling(nlp):
    # "told a gathering … that the two sides should …": the parser hangs the clause on the noun
    text = ("On Friday in Nairobi, Ruto told an audience of grain traders from Kenya and Tanzania "
            "that the two neighbours should cooperate more on storage and rail freight.")
    told = find(code(nlp, text, "2023-03-18"), "KEN", "TZA", "COOPERATE")
    assert told and {e["date"] for e in told} == {"2023-03-17"}


def test_a_day_counted_from_the_story_s_day(nlp):
    # "the next day", "two days later", "the day before": from the day told just before, not the
    # day told itself and not the publication (REF: Friday 10 May; Tuesday is the 7th)
    first = "Japan imposed export controls on South Korea on Tuesday. "
    events = code(nlp, first + "The next day, South Korea imposed sanctions on Japan.")
    assert the(events, "KOR", "JPN", "SANCTION")["date"] == "2024-05-08"
    events = code(nlp, first + "Two days later, South Korea imposed sanctions on Japan.")
    assert the(events, "KOR", "JPN", "SANCTION")["date"] == "2024-05-09"
    events = code(nlp, first + "South Korea had accused Japan of retaliation the day before.")
    assert the(events, "KOR", "JPN", "ACCUSE")["date"] == "2024-05-06"
    # with no day told before it there is nothing to count from: no date, not the news day
    events = code(nlp, "The next day, South Korea imposed sanctions on Japan.")
    assert the(events, "KOR", "JPN", "SANCTION")["date"] is None


def test_a_day_counted_from_another_event_is_not_the_news_day(nlp):
    text = "Just 20 days before Russia shelled the port of Odesa in June, Xi and Putin had signed a joint statement."
    assert {e["date"] for e in find(code(nlp, text), "CHN", "RUS", "AGREE")} == {None}
    # the clause's own date still dates it
    text = "In mid-March 2023, two weeks before announcing his plan to station nuclear arms in Belarus, Putin met Xi in Moscow."
    assert {e["date"] for e in find(code(nlp, text), "RUS", "CHN", "CONSULT")} == {"2023-03"}
    # "before" with no span of time counted: the news of the day, as before
    text = "Before leaving Tokyo, Yoon thanked Kishida."
    assert the(code(nlp, text), "KOR", "JPN", "SUPPORT")["date"] == REF


def test_carried_date_follows_refinement(nlp):
    text = ("This month's meeting between Kishida and Yoon went well. Yoon praised Japan. "
            "Kishida met Yoon on May 7 in Tokyo.")
    events = code(nlp, text)
    assert the(events, "KOR", "JPN", "SUPPORT")["date"] == "2024-05-07"


# ------------------------------------------------------------------ intensity and contexts

@pytest.mark.parametrize("text,source,target,type_,sign", [
    ("Japan provided South Korea with emergency loans.", "JPN", "KOR", "AID", 1),
    ("India and Pakistan held talks last month.", "IND", "PAK", "CONSULT", 1),
    ("Germany praised France for its handling of the crisis.", "DEU", "FRA", "SUPPORT", 1),
    ("Israel bombed Iranian positions in Syria.", "ISR", "IRN", "ASSAULT", -1),
    ("The European Union expelled Russian diplomats.", "EU", "RUS", "SANCTION", -1),
    ("Pakistan accused India of sponsoring terrorism.", "PAK", "IND", "ACCUSE", -1),
    ("Germany did not condemn France's decision.", "DEU", "FRA", "ACCUSE", 0),
    ("Japan refused to send troops to South Korea.", "JPN", "KOR", "AID", 0),
])
def test_intensity_sign(nlp, text, source, target, type_, sign):
    value = the(code(nlp, text), source, target, type_)["intensity"]
    assert (value > 0) - (value < 0) == sign


@pytest.mark.parametrize("text,source,target,type_,context", [
    ("China bought record amounts of oil from Iran last year.", "CHN", "IRN", "COOPERATE", "natural_resource"),
    ("Russia deployed troops to the border with Ukraine.", "RUS", "UKR", "MOBILIZE", "military"),
    ("Russia deployed troops to the border with Ukraine.", "RUS", "UKR", "MOBILIZE", "territory"),
    ("India's ban on Chinese apps remains in force.", "IND", "CHN", "SANCTION", "technology"),
    ("NATO will send humanitarian aid to Turkey after the earthquake.", "NATO", "TUR", "AID", "humanitarian"),
    ("The United States will sell fighter jets to India.", "USA", "IND", "COOPERATE", "economic"),
])
def test_contexts(nlp, text, source, target, type_, context):
    assert context in the(code(nlp, text), source, target, type_)["contexts"]


def test_event_record_shape(nlp):
    text = "Greece released two Turkish soldiers on Monday."
    ev = the(code(nlp, text), "GRC", "TUR", "CONCEDE")
    assert ev["trigger"] == "released"
    assert text[ev["trigger_start"]:ev["trigger_end"]] == "released"
    assert (ev["start"], ev["end"]) == (0, len(text))
    assert 0 < ev["confidence"] <= 1
    assert ev["dictionary"] == "dyadwatch.events.v2"


# ------------------------------------------------------------------ the component

PIPE_TEXTS = [
    "The Kishida–Yoon summit ended on Tuesday. The two leaders agreed to meet again.",
    "Israel struck Iran on Wednesday. Tehran has denied this.",
    "India and Pakistan held talks last month.",
    "Chinese purchases of Iranian oil have risen sharply.",
]


def _docs(nlp):
    for text in PIPE_TEXTS:
        doc = nlp.make_doc(text)
        doc._.dw_ref_date = REF
        yield doc


def test_pipe_multiprocess_matches_single(nlp):
    single = [doc._.dw_events for doc in nlp.pipe(_docs(nlp))]
    multi = [doc._.dw_events for doc in nlp.pipe(_docs(nlp), n_process=2)]
    assert all(single)
    assert multi == single
    assert single == [code(nlp, t) for t in PIPE_TEXTS]


def test_blank_pipeline_without_parser():
    import dyadwatch.analyze.events  # noqa: F401  (registers the factory)

    blank = spacy.blank("en")
    blank.add_pipe("dyadwatch_events")
    assert blank("Israel struck Iran on Wednesday.")._.dw_events == []
    with_sentences = spacy.blank("en")
    with_sentences.add_pipe("sentencizer")
    with_sentences.add_pipe("dyadwatch_events")
    assert with_sentences("Israel struck Iran. Iran struck back.")._.dw_events == []


def test_no_mentions_no_events(nlp):
    assert code(nlp, "The weather was fine and the markets rose.") == []


def test_lexicon_fields():
    lex = read_lexicon("\n".join([
        '{"label": "DICTIONARY", "name": "t"}',
        '{"label": "TRIGGER", "lemma": "release", "pos": "VERB", "type": "CONCEDE", "not_objects": ["statement"]}',
        '{"label": "TRIGGER", "lemma": "defence", "pos": "NOUN", "type": "SUPPORT", "needs_prep": ["of"]}',
        '{"label": "TRIGGER", "lemma": "call_on", "pos": "VERB", "type": "REQUEST"}',
    ]))
    assert lex.name == "t"
    assert lex.verbs["release"][0].not_objects == ("statement",)
    assert lex.nouns["defence"][0].needs_prep == ("of",)
    assert lex.verbs["call"][0].particle == "on"
    assert not lex.verbs["release"][0].needs_clause
    # a flag must be a JSON boolean: the string "false" would read as set
    with pytest.raises(ValueError, match=r"trigger 'help' has 'needs_clause': 'false'; write true or false"):
        read_lexicon('{"label": "TRIGGER", "lemma": "help", "pos": "VERB", "type": "COOPERATE", "needs_clause": "false"}')


def test_dictionary_types_are_plover(nlp):
    coder = EventCoder(nlp)
    for table in (coder.lexicon.verbs, coder.lexicon.nouns):
        for triggers in table.values():
            assert all(t.type in PLOVER_TYPES for t in triggers)


@pytest.mark.parametrize("text,expected", [
    ("Xi Jinping held a phone call with Vladimir Putin on Tuesday.", ("CONSULT", "phone")),
    ("India deployed thousands of troops along its border with China.", ("MOBILIZE", "troops")),
    ("France expelled two Russian diplomats last week.", ("SANCTION", "expel")),
    ("Israel withdrew its forces from southern Lebanon.", ("RETREAT", "withdraw")),
    ("Japan condemned North Korea's missile launch.", ("ACCUSE", "disapprove")),
])
def test_events_mode_from_the_codebook(nlp, text: str, expected: tuple[str, str]) -> None:
    from dyadwatch.analyze.modes import event_mode

    doc = nlp.make_doc(text)
    doc._.dw_ref_date = "2024-05-10"
    doc = nlp(doc)
    found = {(e["type"], e["mode"]) for e in doc._.dw_events}
    assert expected in found, (found, event_mode(expected[0], "x", set()))


# ------------------------------------------------------------------ uses of force: place and the article's war

@pytest.mark.parametrize("text, source, target", [
    ("Moscow's military campaign in Ukraine has stalled.", "RUS", "UKR"),
    ("Israeli troops remained on alert in Lebanon after the rocket fire.", "ISR", "LBN"),
    ("Serbian forces attacked villages in Kosovo, witnesses said.", "SRB", "XKX"),
])
def test_the_place_of_a_use_of_force_is_its_target(nlp, text: str, source: str, target: str) -> None:
    events = code(nlp, text)
    the(events, source, target, "ASSAULT" if "alert" not in text else "MOBILIZE")


def test_a_place_names_no_target_of_a_meeting(nlp) -> None:
    # "in" names a place for talks, not a party: the meeting in Paris is not with France
    events = code(nlp, "Indian and Chinese officials held talks in Paris on Monday.")
    assert not [e for e in events if "FRA" in (e["source"], e["target"])], events


def test_a_war_named_by_its_doer_takes_the_target_the_article_gives_it(nlp) -> None:
    text = ("Russia's war on Ukraine is now in its third year. Beijing sees it as Putin's war, "
            "not China's business.")
    events = code(nlp, text)
    second = [e for e in events if e["start"] > 40 and e["type"] == "ASSAULT"]
    assert second and all((e["source"], e["target"]) == ("RUS", "UKR") for e in second), events


def test_a_war_with_no_target_in_the_article_is_not_given_one(nlp) -> None:
    events = code(nlp, "Beijing sees it as Putin's war, not China's business.")
    assert not [e for e in events if e["type"] == "ASSAULT"], events


def test_a_mobilisation_follows_the_doers_war(nlp) -> None:
    text = ("Russia's invasion of Ukraine began in February. After Moscow's mobilization, "
            "Beijing called for restraint.")
    events = code(nlp, text)
    mob = [e for e in events if e["type"] == "MOBILIZE"]
    assert mob and all((e["source"], e["target"]) == ("RUS", "UKR") for e in mob), events


# ------------------------------------------------------------------ trade roles, concerns, idioms

@pytest.mark.parametrize("text, source, target", [
    ("India has become the largest buyer of Russian crude oil.", "IND", "RUS"),
    ("China is now the biggest importer of Russian gas.", "CHN", "RUS"),
    ("Germany remains the main customer for Norwegian gas.", "DEU", "NOR"),
])
def test_a_state_named_as_buyer_trades_with_the_seller(nlp, text: str, source: str, target: str) -> None:
    e = the(code(nlp, text), source, target, "COOPERATE")
    assert "economic" in e["contexts"]


def test_voicing_concern_to_a_state_is_a_complaint_but_having_concerns_is_not(nlp) -> None:
    the(code(nlp, "India voiced concern to China over the border incursions."), "IND", "CHN", "ACCUSE")
    assert not code(nlp, "Japan has security concerns about China.")


def test_agreeing_to_disagree_is_no_agreement(nlp) -> None:
    events = code(nlp, "The foreign ministers of India and Pakistan agreed to disagree on Kashmir.")
    assert not [e for e in events if e["type"] == "AGREE"], events


def test_news_of_the_day_takes_the_publication_date(nlp):
    # present perfect, simple past and a headline in the present: the article's news
    events = code(nlp, "India has suspended the water treaty with Pakistan.")
    assert the(events, "IND", "PAK", "SANCTION")["date"] == REF
    events = code(nlp, "Japan premier praises South Korea's leader\n\nThe two leaders met in Tokyo.")
    assert the(events, "JPN", "KOR", "SUPPORT")["date"] == REF
    assert {e["date"] for e in find(events, "JPN", "KOR", "CONSULT")} == {REF}
    # at the precision the article gives its publication date
    events = code(nlp, "China has imposed tariffs on Australian wine.", ref="2024-05")
    assert the(events, "CHN", "AUS", "SANCTION")["date"] == "2024-05"


def test_news_day_from_a_lead_verb_the_coder_did_not_code(nlp):
    # the lead gives the news a day through a verb that codes no event of the pair; the
    # article's undated news happened that day, not on the publication date (REF: a Friday)
    text = ("Leaders of the two countries called Wednesday for sustained dialogue in Ankara.\n\n"
            "Greece and Turkey signed six agreements on trade.")
    assert {e["date"] for e in find(code(nlp, text), "GRC", "TUR", "AGREE")} == {"2024-05-08"}
    # a day ahead in the lead ("scheduled for Monday") is no news day
    text = ("Talks were scheduled for Monday in Ankara.\n\n"
            "Greece and Turkey signed six agreements on trade.")
    assert {e["date"] for e in find(code(nlp, text), "GRC", "TUR", "AGREE")} == {REF}


def test_a_page_date_line_is_no_news_day(nlp):
    # the page's own date line runs into the first sentence; the lead's day is Wednesday, not it
    text = (" date 2024-05-10 Egypt has said that the talks with Ethiopia have failed. "
            "The announcement was made by the irrigation ministry on Wednesday.")
    assert {e["date"] for e in find(code(nlp, text), "EGY", "ETH", "CONSULT")} == {"2024-05-08"}
    text = ("Egypt says talks with Ethiopia failed\n\nPublished On 10 May 2024\n\n"
            "Egypt has said that the talks with Ethiopia have failed. The announcement was made on Wednesday.")
    assert {e["date"] for e in find(code(nlp, text), "EGY", "ETH", "CONSULT")} == {"2024-05-08"}
    # a weekday in the date line is no time expression either (REF is that Friday)
    text = ("Egypt says talks with Ethiopia failed\n\nPublished Friday, 10 May 2024\n\n"
            "Egypt has said that the talks with Ethiopia have failed. The announcement was made on Wednesday.")
    assert {e["date"] for e in find(code(nlp, text), "EGY", "ETH", "CONSULT")} == {"2024-05-08"}


def test_page_furniture_does_not_use_up_the_lead(nlp):
    # a subhead and a photo credit between headline and lead are no lead sentences: the day the
    # lead gives the news (the news conference on Friday) still dates the headline's news
    text = ("Japan premier praises South Korea's leader\n\n"
            "Neighbours seek better ties\n\n"
            "The two leaders raise a toast on Thursday in Tokyo.\n\n"
            "(AP/Cabinet Public Affairs Office)\n\n"
            "TOKYO -- Japan's prime minister thanked South Korea's president for his work.\n\n"
            "\"I respect him,\" the prime minister told a news conference Friday.")
    events = code(nlp, text, ref="2024-05-11")
    assert {e["date"] for e in find(events, "JPN", "KOR", "SUPPORT")} == {"2024-05-10"}


def test_an_event_told_again_by_a_definite_noun_keeps_its_date(nlp):
    # "The diplomatic engagement unfolds …": the talks told just before, on their day
    text = ("Greece and Turkey held talks in Ankara on Wednesday.\n\n"
            "The diplomatic engagement between Greece and Turkey unfolds as both seek calm in the Aegean.")
    later = [e for e in code(nlp, text) if e["start"] >= text.index("The diplomatic")]
    assert {(e["type"], e["date"]) for e in later if {e["source"], e["target"]} == {"GRC", "TUR"}} == \
        {("CONSULT", "2024-05-08")}
    # an indefinite one is another event: no date from the talks
    text = ("Greece and Turkey held talks in Ankara on Wednesday.\n\n"
            "A diplomatic engagement between Greece and Turkey would calm the Aegean.")
    later = [e for e in code(nlp, text) if e["start"] >= text.index("A diplomatic")]
    assert all(e["date"] is None for e in later), later


def test_a_clause_told_as_of_now_is_dated_by_the_publication(nlp):
    # the lead tells its news on Friday; "has now escalated" is the state at the time of writing
    # (Saturday's paper), neither Friday's nor a past date carried from the sentence before
    lead = ("South Korea on Friday took its dispute with Japan to the World Trade Organization.\n\n"
            "The row between South Korea and Japan began earlier in November, when Japan's trade "
            "minister criticized Seoul.\n\n")
    now = code(nlp, lead + "However, the row has now quickly turned into a trade war hurting companies "
               "in both countries.", ref="2024-11-23")
    assert {e["date"] for e in find(now, "KOR", "JPN", "SANCTION")} == {"2024-11-23"}
    # so is the state a change has led to by now, without "now": the trade war is today's
    perfect = code(nlp, lead + "However, the row has quickly turned into a trade war hurting companies "
                   "in both countries.", ref="2024-11-23")
    assert {e["date"] for e in find(perfect, "KOR", "JPN", "SANCTION")} == {"2024-11-23"}
    # told in the simple past, the change happened on the day the lead tells its news on
    told = code(nlp, lead + "However, the row quickly turned into a trade war hurting companies "
                "in both countries.", ref="2024-11-23")
    assert {e["date"] for e in find(told, "KOR", "JPN", "SANCTION")} == {"2024-11-22"}
    # and an act told in the present perfect is that day's news too ("has imposed tariffs")
    acted = code(nlp, lead + "Japan has imposed tariffs on Korean steel.", ref="2024-11-23")
    assert the(acted, "JPN", "KOR", "SANCTION")["date"] == "2024-11-22"


def test_an_act_the_lead_names_by_its_day_is_the_news_day(nlp):
    # a comment piece on Monday opens on Friday's summit: the news it reports in the past happened
    # then, though no event of its sentence is coded (its parties are named nowhere in it)
    later = "Azerbaijan obtained the release of military aid from the United States."
    for opening, day in (("In the wake of Friday's summit in Washington", "2024-05-10"),
                         ("In the wake of the May 8 peace signing in Washington", "2024-05-08")):
        events = code(nlp, f"{opening}, officials in Yerevan remain wary.\n\n{later}", ref="2024-05-13")
        assert the(events, "AZE", "USA", "CONCEDE")["date"] == day, opening
    events = code(nlp, "After Wednesday's talks in Baku, the mood in Yerevan is gloomy.\n\n"
                  "Armenia accused Azerbaijan of stalling.", ref="2024-05-13")
    assert the(events, "ARM", "AZE", "ACCUSE")["date"] == "2024-05-08"
    # an act still ahead is no news day: the news is the publication's
    for opening in ("Before Friday's planned summit in Washington", "Ahead of Friday's summit in Washington"):
        events = code(nlp, f"{opening}, officials in Yerevan remain wary.\n\n{later}", ref="2024-05-13")
        assert the(events, "AZE", "USA", "CONCEDE")["date"] == "2024-05-13", opening


def test_a_background_clause_takes_no_date_carried_from_the_sentence_before(nlp):
    text = ("During Thursday's talks, Japan and South Korea agreed to restart shuttle diplomacy.\n\n"
            "They also agreed to resume security dialogues, and South Korea maintained the military information "
            "pact with Japan, which Seoul had earlier threatened to scrap.")
    events = code(nlp, text)
    assert {e["date"] for e in find(events, "KOR", "JPN", "AGREE")} == {"2024-05-09"}
    assert the(events, "KOR", "JPN", "THREATEN")["date"] is None


def test_a_weekend_is_not_refined_to_a_weekday_of_its_month(nlp):
    # Monday's accusation is another action than the weekend's criticism (REF: Monday 13 May)
    text = "Japan accused China of interference on Monday.\n\nJapan had already criticized China over the weekend."
    events = [e for e in code(nlp, text, ref="2024-05-13") if e["trigger"] == "criticized"]
    assert {(e["source"], e["target"], e["type"], e["date"]) for e in events} == {("JPN", "CHN", "ACCUSE", "2024-05")}


def test_background_and_plans_get_no_news_date(nlp):
    # a past perfect is background; a plan or a possibility has not happened
    events = code(nlp, "Years before the talks, China had imposed tariffs on Australian wine.")
    assert the(events, "CHN", "AUS", "SANCTION")["date"] is None
    events = code(nlp, "China could impose tariffs on Australian wine.")
    assert the(events, "CHN", "AUS", "SANCTION")["date"] is None
    events = code(nlp, "China will impose tariffs on Australian wine.")
    assert the(events, "CHN", "AUS", "SANCTION")["date"] is None
    # without a publication date nothing is dated by the convention
    events = code(nlp, "India has suspended the water treaty with Pakistan.", ref=None)
    assert the(events, "IND", "PAK", "SANCTION")["date"] is None


def test_news_happened_when_the_lead_says(nlp):
    # the lead dates the news two days before publication: the rest of the report's news then
    text = ("Iran and Saudi Arabia agreed on Wednesday to restore diplomatic ties.\n\n"
            "The deal was brokered in Beijing.\n\nThe United Nations welcomed the deal and thanked China.")
    events = code(nlp, text)
    assert the(events, "IRN", "SAU", "AGREE")["date"] == "2024-05-08"
    assert the(events, "UN", "CHN", "SUPPORT")["date"] == "2024-05-08"


def test_an_intention_takes_the_date_it_was_announced(nlp):
    events = code(nlp, "On Friday, Yoon told business leaders that South Korea and Japan should cooperate more.")
    dated = {e["date"] for e in find(events, "KOR", "JPN", "COOPERATE")}
    assert dated == {"2024-05-10"}


def test_a_plan_told_in_an_undated_statement_dates_from_the_news_of_the_statement(nlp):
    # the statement, told in the past with no day of its own, is the article's news: the plan it
    # announces dates from it, as it would from a day written beside the verb of saying
    text = ("Germany and Poland signed a border accord on Wednesday.\n\n"
            "\"The two countries will cooperate on two new bridges over the river,\" the German chancellor said.\n\n"
            "Warsaw has said it will reopen the crossing to Germany.")
    events = code(nlp, text)
    assert the(events, "DEU", "POL", "AGREE")["date"] == "2024-05-08"
    built = find(events, "DEU", "POL", "COOPERATE") + find(events, "POL", "DEU", "COOPERATE")
    assert built and {(e["modality"], e["date"]) for e in built} == {("intended", "2024-05-08")}
    reopened = the(events, "POL", "DEU", "CONCEDE")
    assert (reopened["modality"], reopened["date"]) == ("intended", "2024-05-08")
    # a plan told by no verb of saying, or said in a statement still to come, has not happened
    events = code(nlp, "Germany will cooperate with Poland on two new bridges.")
    assert {e["date"] for e in find(events, "DEU", "POL", "COOPERATE")} == {None}
    events = code(nlp, "The chancellor will say that Germany intends to cooperate with Poland on bridges.")
    assert {e["date"] for e in find(events, "DEU", "POL", "COOPERATE")} == {None}
    # and a possibility told in a statement is no plan: undated
    events = code(nlp, "Berlin said Germany could cooperate with Poland on bridges.")
    assert {e["date"] for e in find(events, "DEU", "POL", "COOPERATE")} == {None}


def test_a_noun_talked_about_is_not_news_the_act_told_is(nlp):
    events = code(nlp, "Modi urged Beijing to address India's concerns about Chinese restrictions on exports.")
    assert {e["date"] for e in find(events, "CHN", "IND", "SANCTION")} == {None}
    events = code(nlp, "China imposed restrictions on exports to India.")
    assert the(events, "CHN", "IND", "SANCTION")["date"] == REF


def test_pair_words_stand_for_the_pair_the_article_is_about(nlp):
    text = ("Greece and Turkey held talks in Athens. Greece and Turkey agreed to expand trade. "
            "Turkey and Greece also discussed migration.\n\n"
            "The two countries will meet again in May. Bilateral trade reached a record last year.")
    events = code(nlp, text)
    later = [e for e in events if e["start"] >= text.index("The two countries")]
    assert {frozenset((e["source"], e["target"])) for e in later} == {frozenset(("GRC", "TUR"))}
    assert {e["type"] for e in later} >= {"CONSULT", "COOPERATE"}


def test_a_pair_named_by_number_as_a_third_partys_target_is_each_of_the_pair(nlp):
    # "both", "the two countries", "the regional foes": each of the pair named just before
    lead = "Egypt and Ethiopia traded barbs over the dam. "
    for sentence in ("The African Union urged both to return to talks.",
                     "The African Union praised the two countries for their restraint.",
                     "The African Union urged the regional foes to return to talks."):
        events = [e for e in code(nlp, lead + sentence) if e["start"] >= len(lead)]
        assert {e["target"] for e in events if e["source"] == "AU"} == {"EGY", "ETH"}, sentence
    # a doer of the pair speaking of its own pair: the pair is not the two others in sight
    text = "Egypt and Ethiopia traded barbs over the dam, Sudan said. Egypt criticised both sides' mediators."
    later = [e for e in code(nlp, text) if e["start"] >= text.index("Egypt criticised")]
    assert ("EGY", "ETH", "ACCUSE") not in {(e["source"], e["target"], e["type"]) for e in later}
    assert ("EGY", "SDN", "ACCUSE") not in {(e["source"], e["target"], e["type"]) for e in later}
    text = text.replace("Egypt criticised", "Kenya criticised")
    later = [e for e in code(nlp, text) if e["start"] >= text.index("Kenya criticised")]
    assert {e["target"] for e in later if e["source"] == "KEN"} == {"EGY", "ETH"}
    # with no pair named before, a pair phrase stands for nobody
    events = code(nlp, "The African Union urged both sides to return to talks.")
    assert not [e for e in events if e["source"] == "AU"]


def test_a_reciprocal_act_goes_each_way_between_the_pair_named_before(nlp):
    lead = "Japan and South Korea met in Tokyo. "
    for sentence, type_ in (("Goods will face tighter export controls in both directions.", "SANCTION"),
                            ("The talks were punctuated with mutual compliments.", "SUPPORT")):
        events = [e for e in code(nlp, lead + sentence) if e["start"] >= len(lead) and e["type"] == type_]
        assert {(e["source"], e["target"]) for e in events} == {("JPN", "KOR"), ("KOR", "JPN")}, sentence
    # without the marker, the act has no parties
    events = code(nlp, lead + "Goods will face tighter export controls.")
    assert not [e for e in events if e["start"] >= len(lead) and e["type"] == "SANCTION"]


def test_the_same_shared_act_told_again_has_the_same_parties(nlp):
    lead = ("Prime Minister Pashinyan described the conditions for concluding a peace treaty between Armenia and "
            "Azerbaijan. He said the borders must be recognised first. ")
    for later, type_ in (("After that, the peace treaty could be signed quickly, the prime minister said.",
                          "AGREE"),
                         ("Mitsotakis' meeting with Erdogan was long. The weather was cold. "
                          "In the end, the meeting went well.", "CONSULT")):
        text = later if type_ == "CONSULT" else lead + later
        start = text.rindex(later.split(". ")[-1])
        events = [e for e in code(nlp, text) if e["start"] >= start]
        pair = {"AZE", "ARM"} if type_ == "AGREE" else {"GRC", "TUR"}
        assert {(e["source"], e["target"], e["type"]) for e in events} == {
            (a, b, type_) for a in pair for b in pair if a != b}, later
    # another instance of the act ("the previous summit", "the Samarkand summit") is not the one told
    text = ("Xi and Putin held a summit in Astana. The weather was cold. "
            "The Samarkand summit was their first meeting this year.")
    assert not [e for e in code(nlp, text) if e["start"] >= text.index("The Samarkand") and e["trigger"] == "summit"]
    text = text.replace("The Samarkand summit was their first meeting this year.", "The summit was useful.")
    assert [e for e in code(nlp, text) if e["start"] >= text.index("The summit") and e["trigger"] == "summit"]
    # nor is it when the sentence names a third party
    text = lead + "Russia said the peace treaty could be signed soon."
    assert not find([e for e in code(nlp, text) if e["start"] >= len(lead)], "ARM", "AZE", "AGREE")


@pytest.mark.parametrize("text, source, target, type_", [
    # the "from" phrase of an act of words names who does it, whether the parser hangs it on the
    # noun ("provoked criticism from Seoul") or on a verb of undergoing ("drew criticism from Ankara")
    ("The Japanese minister's speech provoked angry criticism from Seoul.", "KOR", "JPN", "ACCUSE"),
    ("The Greek plan drew sharp criticism from Ankara.", "TUR", "GRC", "ACCUSE"),
    ("The joint exercise prompted threats from Pyongyang against Seoul.", "PRK", "KOR", "THREATEN"),
    # a demand's "from" names who is asked
    ("South Korea will seek compensation from Japan.", "KOR", "JPN", "REQUEST"),
])
def test_the_from_phrase_of_an_act_of_words_names_its_doer(nlp, text, source, target, type_):
    events = [e for e in code(nlp, text) if e["type"] == type_]
    assert {(e["source"], e["target"]) for e in events} == {(source, target)}


def test_a_title_case_headline_is_one_sentence(nlp):
    doc = nlp("Hungary, Serbia Target USD10B Trade Deal\n\nThe two leaders met in Belgrade on Wednesday.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Hungary, Serbia Target USD10B Trade Deal"
    # a line with a sentence end inside still splits there
    doc = nlp("Talks end. Leaders leave\n\nThe two leaders met in Ankara.")
    assert [s.text.strip() for s in doc.sents][:2] == ["Talks end.", "Leaders leave"]


def test_the_shared_act_of_a_sentence_without_parties_is_the_main_pairs(nlp):
    text = ("Greece and Turkey held talks in Ankara. Greek Prime Minister Mitsotakis met Turkish President "
            "Erdogan. Mitsotakis and Erdogan discussed the Aegean. Greece and Turkey agreed to talk again. "
            "In the end, the meeting went well.")
    last = text.index("In the end")
    events = [e for e in code(nlp, text) if e["start"] >= last]
    assert {(e["source"], e["target"], e["type"]) for e in events} == {("GRC", "TUR", "CONSULT"),
                                                                      ("TUR", "GRC", "CONSULT")}
    # "a meeting" is not the one told before, and without a clear main pair nothing is coded
    assert not [e for e in code(nlp, text.replace("the meeting", "a meeting")) if e["start"] >= last]
    assert not code(nlp, "In the end, the meeting went well.")



def test_a_shared_act_with_no_party_right_after_a_side_is_named_is_the_main_pairs(nlp):
    lead = ("Greece and Turkey held talks in Ankara. Greek Prime Minister Mitsotakis met Turkish President "
            "Erdogan. Mitsotakis and Erdogan discussed the Aegean. Greece and Turkey agreed to talk again. "
            "Mitsotakis raised the question of the islands. ")
    for later, trigger in (("The question was repeatedly raised during negotiations.", "negotiations"),
                           ("Consultations in Cyprus and Libya have not produced results.", "Consultations")):
        events = [e for e in code(nlp, lead + later) if e["start"] >= len(lead) and e["trigger"] == trigger]
        assert {(e["source"], e["target"], e["type"]) for e in events} == {
            ("GRC", "TUR", "CONSULT"), ("TUR", "GRC", "CONSULT")}, later
    # a third party in the sentence may be a party, so may one side alone; "a meeting" may be any
    for later in ("Russia said the question was raised during negotiations.",
                  "Ahead of negotiations, Greek business lobbies announced a plan.",
                  "The question was raised at a meeting."):
        assert not [e for e in code(nlp, lead + later) if e["start"] >= len(lead)], later
    # with no side named just before, only the rule for bare talks of the main pair places the act,
    # with the low confidence of a pair inferred from the story (no weight in stance, no date passed on)
    text = lead + "The weather was cold. The question was repeatedly raised during negotiations."
    got = [e for e in code(nlp, text) if e["start"] >= text.index("The question")]
    assert got and all(e["confidence"] == MAIN_PAIR_CONFIDENCE for e in got)



def test_a_shared_act_told_in_the_passive_with_no_party_is_the_main_pairs(nlp):
    lead = ("Greece and Turkey held talks in Ankara. Greek Prime Minister Mitsotakis met Turkish President "
            "Erdogan. Mitsotakis and Erdogan discussed the Aegean. Greece and Turkey agreed to talk again. ")
    for later, trigger, negated in (
            ("Mitsotakis raised the question of the islands. Fishing rights were also discussed.", "discussed", False),
            ("A new accord cannot be signed before the election, Mitsotakis said.", "signed", True)):
        start = len(lead) + later.rindex(". ") + 2 if later.count(". ") else len(lead)
        events = [e for e in code(nlp, lead + later) if e["start"] >= start and e["trigger"] == trigger]
        assert {(e["source"], e["target"], e["negated"]) for e in events} == {
            ("GRC", "TUR", negated), ("TUR", "GRC", negated)}, later
    # an agent names the parties; a third party speaking is not a side of the pair
    for later in ("Fishing rights were discussed by the Italian and Maltese ministers.",
                  "A new accord cannot be signed before the election, Lavrov said."):
        events = [e for e in code(nlp, lead + later) if e["start"] >= len(lead)]
        assert not find(events, "GRC", "TUR", "AGREE") and not find(events, "GRC", "TUR", "CONSULT"), later



def test_the_main_pair_counts_the_pair_named_as_the_two_parties_of_a_phrase(nlp):
    # two sentences name both, one of them as "Greece and Turkey": that is the article's pair
    text = ("Mitsotakis met Erdogan on Monday. Greece and Turkey agreed to talk again. "
            "In the end, the meeting went well.")
    events = [e for e in code(nlp, text) if e["start"] >= text.index("In the end")]
    assert {(e["source"], e["target"]) for e in events} == {("GRC", "TUR"), ("TUR", "GRC")}
    # named together twice, never as a pair, after a lead about another pair: no clear main pair,
    # the meeting is not placed
    text = ("Greece and Italy signed a fisheries deal. Mitsotakis met Erdogan on Monday. Mitsotakis praised "
            "Erdogan. In the end, the meeting went well.")
    assert not [e for e in code(nlp, text) if e["start"] >= text.index("In the end")]


def test_a_meeting_postponed_or_stalled_did_not_happen(nlp):
    lead = "Mitsotakis met Erdogan on Monday. Greece and Turkey agreed to talk again. "
    for later in ("The previous summit had been postponed.", "The talks between Greece and Turkey stalled.",
                  "The meeting with Greece was cancelled by Turkey."):
        events = [e for e in code(nlp, lead + later) if e["start"] >= len(lead) and e["type"] == "CONSULT"]
        assert events and all(e["negated"] for e in events), later



def test_a_joint_statement_is_a_shared_act(nlp):
    events = code(nlp, "Russia and China issued a joint statement on Ukraine.")
    assert {(e["source"], e["target"], e["type"]) for e in events} == {("RUS", "CHN", "AGREE"), ("CHN", "RUS", "AGREE")}
    # with no party named, the article's pair's; a statement that is not joint is no event
    lead = "Iran and Saudi Arabia met in Beijing. Iran and Saudi Arabia agreed to restore ties. "
    for later, found in (("The joint statement calls for reopening embassies.", True),
                         ("The statement calls for reopening embassies.", False)):
        events = [e for e in code(nlp, lead + later) if e["start"] >= len(lead) and e["trigger"] == "statement"]
        assert bool(events) == found and all({e["source"], e["target"]} == {"IRN", "SAU"} for e in events), later


LEAD_PAIR_TEXT = ("Iran and Saudi Arabia agreed on Friday to restore ties. The deal was brokered by China. China's top "
                  "diplomat Wang Yi welcomed the Iranian and Saudi delegations in Beijing. Iran thanked China. "
                  "Saudi Arabia and Iran will reopen embassies. ")


@pytest.mark.parametrize("sentence,type_", [
    ("In the end, the meeting went well.", "CONSULT"),
    ("Tehran unveiled plans to expand trade.", "COOPERATE"),
])
def test_a_story_is_about_the_pair_it_leads_with_though_a_mediator_is_named_often(nlp, sentence, type_):
    # Iran and Saudi Arabia share three sentences, the mediator China two with Iran: not twice as
    # many, but the pair the story leads with and named together most
    events = [e for e in code(nlp, LEAD_PAIR_TEXT + sentence) if e["start"] >= len(LEAD_PAIR_TEXT)]
    assert ("IRN", "SAU", type_) in {(e["source"], e["target"], e["type"]) for e in events}
    assert not [e for e in events if "CHN" in (e["source"], e["target"])]
    # a lead that tells no act between its two ("A storm swept across Ireland and Britain") names no
    # pair (in a story whose counts alone do not single the pair out: named as a pair once more only)
    storm = LEAD_PAIR_TEXT.replace("agreed on Friday to restore ties", "were swept by a storm on Friday").replace(
        "Saudi Arabia and Iran will reopen embassies.", "Saudi Arabia will reopen its embassy in Iran.").replace(
        "the Iranian and Saudi delegations", "the Iranian delegation")
    assert not [e for e in code(nlp, storm + sentence) if e["start"] >= len(storm)]
    # a lead naming another pair, as often named together, leaves the story without a clear pair
    lead = "China and Iran discussed the deal. "
    events = [e for e in code(nlp, lead + LEAD_PAIR_TEXT + sentence) if e["start"] >= len(lead + LEAD_PAIR_TEXT)]
    assert not events


@pytest.mark.parametrize("sentence,coded", [
    # the actors of the sentence are a place and a judge, not the deal's parties
    ("The deal, struck in Beijing over the weekend, is a win for the Chinese.", True),
    # an actor that speaks of it may mean another deal
    ("China said the deal would hold.", False),
])
def test_a_shared_act_the_named_actors_have_no_hand_in_is_the_main_pairs(nlp, sentence, coded):
    events = [e for e in code(nlp, LEAD_PAIR_TEXT + sentence)
              if e["start"] >= len(LEAD_PAIR_TEXT) and e["trigger"] == "deal"]
    pairs = {(e["source"], e["target"], e["type"]) for e in events}
    assert pairs == ({("IRN", "SAU", "AGREE"), ("SAU", "IRN", "AGREE")} if coded else set())
    # the coder's weakest reading of who acted
    assert all(e["confidence"] == MAIN_PAIR_CONFIDENCE for e in events)


def test_an_act_of_the_main_pair_dates_no_other_event(nlp):
    # "the meeting" takes its parties from the main pair; the act told after it takes no date from it
    text = ("Greece and Turkey held talks in Ankara. Greek Prime Minister Mitsotakis met Turkish President "
            "Erdogan. Mitsotakis and Erdogan discussed the Aegean. Greece and Turkey agreed to talk again. "
            "The meeting on May 3 proved useful. Mitsotakis praised Erdogan.")
    events = code(nlp, text)
    meeting = [e for e in events if e["trigger"] == "meeting"]
    assert meeting and all(e["confidence"] == MAIN_PAIR_CONFIDENCE and e["date"] == "2024-05-03" for e in meeting)
    assert the(events, "GRC", "TUR", "SUPPORT")["date"] != "2024-05-03"


COUNTERPART_TEXT = ("Greece and Turkey held talks in Ankara. Greek Prime Minister Mitsotakis met Turkish President "
                    "Erdogan. Mitsotakis and Erdogan discussed the Aegean. Greece and Turkey agreed to talk again. ")


@pytest.mark.parametrize("sentence,type_", [
    ("Erdogan unveiled plans to expand trade.", "COOPERATE"),
    ("Erdogan demanded the withdrawal of the warships.", "REQUEST"),
    ("Erdogan accused Athens' government of provocations.", "ACCUSE"),
])
def test_a_one_sided_act_in_a_pair_article_is_towards_the_other_side(nlp, sentence, type_):
    # the article is about Greece and Turkey; a sentence naming one side only acts towards the other
    events = [e for e in code(nlp, COUNTERPART_TEXT + sentence) if e["start"] >= len(COUNTERPART_TEXT)]
    assert ("TUR", "GRC", type_) in {(e["source"], e["target"], e["type"]) for e in events}
    # force is not: it often aims at a party the sentence leaves out
    force = code(nlp, COUNTERPART_TEXT + "Erdogan ordered air strikes.")
    assert not [e for e in force if e["start"] >= len(COUNTERPART_TEXT) and e["type"] == "ASSAULT"]


@pytest.mark.parametrize("text,type_", [
    # a verb the tagger read as a noun, in a headline
    ("China and Japan exchange barbs over fishing boats", "ACCUSE"),
    # the pair named in a passive subject
    ("Diplomatic relations between Iran and Saudi Arabia were restored in March.", "COOPERATE"),
    # the act in a participle ("a year of resumed ties")
    ("Iran and Saudi Arabia have gained from eighteen months of resumed diplomatic ties.", "COOPERATE"),
])
def test_shared_acts_in_forms_the_parser_bends(nlp, text, type_):
    pairs = {(e["source"], e["target"], e["type"]) for e in code(nlp, text)}
    codes = {"Japan": "JPN", "China": "CHN", "Iran": "IRN", "Saudi Arabia": "SAU"}
    a, b = [c for n, c in codes.items() if n in text][:2]
    assert {(a, b, type_), (b, a, type_)} <= pairs


def test_the_headline_under_page_furniture_is_the_headline(nlp):
    text = ("ADVERTISEMENT\n\nChina and Japan exchange barbs over fishing boats\n\n"
            "Japan's foreign minister spoke to reporters.")
    events = find(code(nlp, text), "JPN", "CHN", "ACCUSE")
    assert events and {e["date"] for e in events} == {REF}  # the headline's present tense is the news


def test_no_choice_but_to_act_is_no_negation(nlp):
    events = find(code(nlp, "China said it had no choice but to impose sanctions on Japan."), "CHN", "JPN", "SANCTION")
    assert events and not any(e["negated"] for e in events)


def test_a_body_named_as_what_both_belong_to_is_no_party(nlp):
    text = COUNTERPART_TEXT + ("Erdogan announced a goal to escalate two-way commerce to $15 billion, "
                               "a pillar of ties between the two NATO allies.")
    events = [e for e in code(nlp, text) if e["start"] >= len(COUNTERPART_TEXT)]
    pairs = {(e["source"], e["target"], e["type"]) for e in events}
    assert ("TUR", "GRC", "COOPERATE") in pairs  # raising trade is no use of force
    assert not any("NATO" in (e["source"], e["target"]) for e in events)


def test_a_call_on_a_day_is_a_call_not_a_call_on(nlp):
    # "on Tuesday" is when the call was made; "call on China to …" is a request
    events = code(nlp, "Japan's foreign minister called his Chinese counterpart on Tuesday.")
    assert find(events, "JPN", "CHN", "CONSULT") and not find(events, "JPN", "CHN", "REQUEST")
    events = code(nlp, "Japan called on China to resume the talks.")
    assert find(events, "JPN", "CHN", "REQUEST")


PAIR_LEAD = "Brazil and Argentina held talks in Montevideo on Monday. "


@pytest.mark.parametrize("sentence,type_", [
    # a trade war is a contest of tariffs and bans between the two, not a use of force
    ("The quarrel has turned into a trade war that hurts farmers on both sides.", "SANCTION"),
    # a joint act named as the subject, the pair as what it acts on
    ("Officials say the reconciliation has allowed the two countries to cut costs.", "COOPERATE"),
    ("The diplomatic engagement continued as both neighbours sought calm.", "CONSULT"),
    # an idiom for putting a dispute behind them
    ("The two sides want to turn the page on the dispute over fishing rights.", "COOPERATE"),
])
def test_a_shared_act_with_a_pair_word_is_the_pairs(nlp, sentence, type_):
    events = [e for e in code(nlp, PAIR_LEAD + sentence) if e["start"] >= len(PAIR_LEAD)]
    assert {("BRA", "ARG", type_), ("ARG", "BRA", type_)} <= {(e["source"], e["target"], e["type"]) for e in events}


def test_a_trade_war_is_no_assault_but_a_war_on_a_state_is(nlp):
    events = code(nlp, "The trade war between Brazil and Argentina hurt exporters.")
    assert {(e["source"], e["target"], e["type"]) for e in events} == {("BRA", "ARG", "SANCTION"),
                                                                      ("ARG", "BRA", "SANCTION")}
    the(code(nlp, "Russia's war on Ukraine entered its third year."), "RUS", "UKR", "ASSAULT")


def test_an_engagement_without_its_diplomatic_sense_is_no_meeting(nlp):
    # a bare "engagement" is as often a battle or a commitment: no CONSULT from it
    events = code(nlp, PAIR_LEAD + "The engagement lasted for hours as both armies dug in.")
    assert not [e for e in events if e["start"] >= len(PAIR_LEAD) and e["type"] == "CONSULT"]


def test_an_exchange_two_sides_had_is_a_conversation(nlp):
    # "exchange" is cooperation in v1 (exchanges of goods, students); had or held, it is a talk
    events = code(nlp, PAIR_LEAD + "The two presidents had a frank exchange in which they set out their views.")
    pairs = {(e["source"], e["target"], e["type"]) for e in events if e["start"] >= len(PAIR_LEAD)}
    assert {("BRA", "ARG", "CONSULT"), ("ARG", "BRA", "CONSULT")} <= pairs
    assert not {p for p in pairs if p[2] == "COOPERATE"}


def test_two_sides_addressing_issues_discuss_them_one_side_addressing_is_no_meeting(nlp):
    events = code(nlp, "Lula and Milei addressed the border issues openly.")
    assert {(e["source"], e["target"], e["type"]) for e in events} == {("BRA", "ARG", "CONSULT"),
                                                                      ("ARG", "BRA", "CONSULT")}
    assert not code(nlp, "Lula addressed Argentina's concerns in a speech.")
    # two speakers addressing one audience do not meet
    assert not code(nlp, "Lula and Milei addressed the forum in Davos.")


def test_calls_for_an_act_are_a_request_and_a_phone_call_no_request(nlp):
    # the parser makes "for" the marker of the clause: still the request sense, not a phone call
    events = code(nlp, "Brazil brushed aside US calls for both to lower tensions.")
    the(events, "USA", "BRA", "REQUEST")
    assert not [e for e in events if e["type"] == "CONSULT"]
    events = code(nlp, "Lula and Milei held a phone call on Monday.")
    assert {(e["source"], e["target"], e["type"]) for e in events} == {("BRA", "ARG", "CONSULT"),
                                                                      ("ARG", "BRA", "CONSULT")}


def test_a_third_party_welcoming_a_shared_act_supports_both_parties(nlp):
    # v1 reads every "welcome" as receiving a visitor; an agreed act welcomed is approved
    events = code(nlp, "The United Nations welcomed the Brazilian-Argentine rapprochement.")
    assert {(e["source"], e["target"], e["type"]) for e in events if e["source"] == "UN"} == {
        ("UN", "BRA", "SUPPORT"), ("UN", "ARG", "SUPPORT")}
    the(code(nlp, "Lula welcomed Milei to Brasilia."), "BRA", "ARG", "CONSULT")


def test_a_war_of_words_or_a_diplomatic_war_is_mutual_criticism(nlp):
    for text in ("Brazil became embroiled in a war of words with Argentina this week.",
                 PAIR_LEAD + "The quarrel has escalated into a diplomatic war that hurts both sides."):
        events = code(nlp, text)
        assert {("BRA", "ARG", "ACCUSE"), ("ARG", "BRA", "ACCUSE")} <= {(e["source"], e["target"], e["type"])
                                                                        for e in events}
        assert not [e for e in events if e["type"] == "ASSAULT"]
    # "of" with another object is no war of words
    events = code(nlp, "Russia's war of aggression against Ukraine entered its third year.")
    assert not [e for e in events if e["type"] == "ACCUSE"]


def test_hostile_rhetoric_by_one_side_is_an_accusation(nlp):
    the(code(nlp, "Lula's aggressive rhetoric against Argentina alarmed investors."), "BRA", "ARG", "ACCUSE")
    # rhetoric with no hostile modifier is only talk
    assert not [e for e in code(nlp, "Lula's rhetoric about Argentina changed.") if e["type"] == "ACCUSE"]


MAIN_PAIR_STORY = ("Greece and Turkey held talks in Ankara. Greek Prime Minister Mitsotakis met Turkish President "
                   "Erdogan. Mitsotakis and Erdogan discussed the Aegean. Greece and Turkey agreed to talk again. ")


@pytest.mark.parametrize("sentence", [
    "The issue was raised during negotiations.",  # a bare plural
    "At the heart of discussions were fishing quotas.",
    "Issues such as fishing rights were discussed.",  # an agentless passive
    # the actor the sentence names is a place, with no hand in the talks
    "Conversations have not eased the situation in Cyprus.",
])
def test_talks_with_no_party_named_are_the_main_pairs(nlp, sentence):
    events = [e for e in code(nlp, MAIN_PAIR_STORY + sentence) if e["start"] >= len(MAIN_PAIR_STORY)]
    assert {(e["source"], e["target"], e["type"]) for e in events} == {("GRC", "TUR", "CONSULT"),
                                                                      ("TUR", "GRC", "CONSULT")}


@pytest.mark.parametrize("sentence", [
    "The issue was raised during such negotiations.",  # talks in general
    "The issue was raised during multilateral negotiations.",  # others' talks
    "Meetings like these are the surest answer to sceptics.",  # meetings of a kind
])
def test_talks_in_general_are_not_the_main_pairs(nlp, sentence):
    assert not [e for e in code(nlp, MAIN_PAIR_STORY + sentence) if e["start"] >= len(MAIN_PAIR_STORY)]
    # and without a clear main pair, bare talks are nobody's
    assert not code(nlp, "The issue was raised during negotiations.")


def test_a_deal_struck_is_an_agreement_not_a_strike(nlp):
    events = code(nlp, "Brazil and Argentina struck a deal in Montevideo.")
    assert {(e["source"], e["target"], e["type"]) for e in events} == {("BRA", "ARG", "AGREE"),
                                                                      ("ARG", "BRA", "AGREE")}
    # the participle's noun is its object: no strike by anyone named nearby
    events = code(nlp, "The deal, struck in Brasilia, is a victory for Argentina over Chile.")
    assert not [e for e in events if e["type"] == "ASSAULT"]
    the(code(nlp, "Brazil struck Argentina on Friday."), "BRA", "ARG", "ASSAULT")


def test_the_packaged_v2_lexicon_is_what_its_builder_writes() -> None:
    # the v2 file is built by scripts/build_event_triggers.py: an edit by hand would be lost (and
    # undone silently) the next time the script runs
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "scripts" / "build_event_triggers.py"
    spec = importlib.util.spec_from_file_location("build_event_triggers", path)
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    text, counts = builder.build()
    assert text == builder.OUT.read_text(encoding="utf-8")
    assert sum(counts.values()) == len(builder.SUPPLEMENT)


@pytest.mark.parametrize("text,source,target", [
    ("Japan said on Friday that China must stop its military drills near the islands.", "JPN", "CHN"),
    ("The Turkish foreign minister told reporters that Greece must withdraw its troops from the islands.",
     "TUR", "GRC"),
    ("Canada declared that Mexico must end the tariffs by March.", "CAN", "MEX"),
])
def test_a_state_told_what_it_must_do_is_asked_to_do_it(nlp, text, source, target):
    event = the(code(nlp, text), source, target, "REQUEST")
    assert not event["negated"]
    # the speaker's own resolve is no demand on anyone
    assert not find(code(nlp, "Azerbaijan said it must defend its territory against Armenia."),
                    "AZE", "ARM", "REQUEST")
    # and a clause told without "must" is no demand
    assert not find(code(nlp, "Japan said on Friday that China stopped its military drills."), "JPN", "CHN",
                    "REQUEST")


def test_a_threat_takes_the_target_of_the_act_it_announces(nlp):
    # several actors named: the threatened are those of the announced act, not a bystander
    events = code(nlp, "Brazil threatened to cut diplomatic relations with Paraguay over its ties with Chile.")
    the(events, "BRA", "PRY", "THREATEN")
    assert not find(events, "BRA", "CHL", "THREATEN")
    the(code(nlp, "Turkey threatened on Monday to impose tariffs on Greek olive oil as Italy watched."),
        "TUR", "GRC", "THREATEN")


def test_a_stance_told_with_a_participle_is_its_subjects(nlp):
    events = code(nlp, "Morocco is opposed to Spanish mediation in the talks with Algeria, an aide said.")
    the(events, "MAR", "ESP", "REJECT")
    assert not find(events, "ESP", "MAR", "REJECT")
    # a true passive keeps its agent as the doer
    the(code(nlp, "Morocco was opposed by Spain at the summit."), "ESP", "MAR", "REJECT")


def test_sexual_violence_is_an_assault_and_abuse_of_power_is_none(nlp):
    event = the(code(nlp, "Turkish border guards sexually abused Syrian refugees, a rights group charged on Monday."),
                "TUR", "SYR", "ASSAULT")
    assert event["mode"] == "sexual"
    assert not [e for e in code(nlp, "The Chinese envoy abused his position in talks with Japan.")
                if e["type"] == "ASSAULT"]


def test_a_participle_on_another_acts_noun_does_not_date_the_event(nlp):
    # "last month" is when the agreement was reached, not when the talks are held: the talks
    # told again take the day of the talks told before them
    text = ("Greece and Turkey resumed talks on Wednesday.\n\n"
            "The talks between Greece and Turkey follow an agreement reached last month.")
    later = [e for e in code(nlp, text) if e["start"] >= text.index("The talks")]
    assert {e["date"] for e in later if e["type"] == "CONSULT"} == {"2024-05-08"}
    # alone, the headline's talks are the article's news, not last month's
    events = code(nlp, "The talks between Greece and Turkey follow an agreement reached last month.")
    assert {e["date"] for e in find(events, "GRC", "TUR", "CONSULT")} == {REF}
    # a participle on the event's own noun still dates it
    events = code(nlp, "The agreement between Greece and Turkey reached last month has held.")
    assert {e["date"] for e in find(events, "GRC", "TUR", "AGREE")} == {"2024-04"}


def test_an_act_named_as_the_start_of_a_span_is_not_the_news(nlp):
    # "has grown" is the span's; the reconciliation lies before it, on a day the text does not give
    events = code(nlp, "Since the reconciliation between Iran and Saudi Arabia, trade has grown.")
    assert {e["date"] for e in find(events, "IRN", "SAU", "COOPERATE")} == {None}
    # told before, it is that act, on its day
    text = "Greece and Turkey held talks in Ankara on Wednesday. Since the talks, trade between them has grown."
    later = [e for e in code(nlp, text) if e["start"] >= text.index("Since")]
    assert {e["date"] for e in later if e["type"] == "CONSULT"} == {"2024-05-08"}


def test_a_main_pair_act_told_again_takes_the_date_of_its_telling_further_back(nlp):
    # "The present talks" names no party: it can only be the talks of the article's pair, told
    # four sentences before
    opening = ("Greece and Turkey held talks in Ankara on Wednesday. The Aegean sea lies between them. "
               "Fishermen watched from the shore. Tourism has grown on both coasts. ")
    text = opening + "The present talks strive to calm the sea."
    later = [e for e in code(nlp, text) if e["start"] >= len(opening)]
    assert later and all(e["confidence"] == MAIN_PAIR_CONFIDENCE for e in later)
    assert {e["date"] for e in later} == {"2024-05-08"}
    # two talks on two days before it: which one it re-tells is unknown
    opening = ("Greece and Turkey held talks in Ankara on Wednesday. Greece and Turkey held talks in Athens "
               "in March. The Aegean sea lies between them. Fishermen watched from the shore. ")
    later = [e for e in code(nlp, opening + "The present talks strive to calm the sea.") if e["start"] >= len(opening)]
    assert later and {e["date"] for e in later} == {None}


def test_peace_between_two_named_states_is_a_joint_retreat(nlp):
    events = code(nlp, 'The envoy said: "We have helped to bring peace between Ethiopia and Eritrea after years of war."')
    assert the(events, "ETH", "ERI", "RETREAT") and the(events, "ERI", "ETH", "RETREAT")
    # "peace" with no "between" phrase names no act of its own
    events = code(nlp, "Ethiopia and Eritrea discussed the peace process.")
    assert not find(events, "ETH", "ERI", "RETREAT")


def test_seeking_something_from_a_state_is_a_request_to_it(nlp):
    # the parser hangs "from" on the object: the verb's sense is still chosen by it
    ev = the(code(nlp, "Kenya sought reimbursement from Uganda for the damaged trucks."), "KEN", "UGA", "REQUEST")
    assert (ev["negated"], ev["modality"]) == (False, "actual")
    ev = the(code(nlp, "Ghana has no plans to seek compensation from Togo over the flooded farms."), "GHA", "TGO", "REQUEST")
    assert (ev["negated"], ev["modality"]) == (True, "intended")
    # compensation sought is asked for, compensation paid is given
    assert the(code(nlp, "Greece demanded compensation from Germany."), "GRC", "DEU", "REQUEST")
    assert the(code(nlp, "Germany paid compensation to Greece."), "DEU", "GRC", "CONCEDE")
    # "seek to" is an intent to do the act it governs, no request
    events = code(nlp, "Kenya will seek to improve ties with Uganda.")
    assert the(events, "KEN", "UGA", "COOPERATE")["modality"] == "intended"
    assert not find(events, "KEN", "UGA", "REQUEST")


def test_the_use_of_force_against_a_state_is_an_assault(nlp):
    ev = the(code(nlp, "Ankara said Greek use of force around Cyprus would be a grave mistake."),
             "GRC", "CYP", "ASSAULT")
    assert ev["modality"] == "hypothetical"
    assert the(code(nlp, "Russia's use of force against Georgia was condemned."), "RUS", "GEO", "ASSAULT")
    # force threatened is a threat, not a use of it
    events = code(nlp, "Russia threatened the use of force against Georgia.")
    assert the(events, "RUS", "GEO", "THREATEN") and not find(events, "RUS", "GEO", "ASSAULT")


def test_a_shared_act_with_two_listed_leaders_is_with_each(nlp):
    # the parser makes the first leader a modifier of the second; both are partners of the act
    events = code(nlp, "Macron hosted the ceremony for the treaty with Armenia's outgoing President Khachaturyan and "
                       "Azerbaijan's Prime Minister Asadov, in Paris.")
    for partner in ("ARM", "AZE"):
        assert the(events, "FRA", partner, "AGREE") and the(events, partner, "FRA", "AGREE")


def test_the_passive_subject_of_involved_in_takes_part_in_the_shared_act(nlp):
    # a third actor in the sentence leaves no single "other actor" to pair with: the parse must
    # name the party
    events = code(nlp, "Serbia was embroiled in a war of words with Croatia after Kosovo's prime minister spoke.")
    assert the(events, "SRB", "HRV", "ACCUSE") and the(events, "HRV", "SRB", "ACCUSE")
    assert not find(events, "XKX", "HRV", "ACCUSE")


def test_a_target_after_coordinated_acts_is_the_target_of_each(nlp):
    events = code(nlp, "Belgrade said a Serbian sea blockade or any other step against Croatia would break international law, "
                       "Kosovo's foreign minister said.")
    assert the(events, "SRB", "HRV", "COERCE")["modality"] == "hypothetical"
    # an act with its own doer keeps its phrase to itself
    events = code(nlp, "The Russian blockade and Israel's strikes on Syria worried the Turkish government.")
    assert the(events, "ISR", "SYR", "ASSAULT") and not find(events, "RUS", "SYR", "COERCE")


def test_a_shared_act_its_own_parties_call_for_is_theirs_and_intended(nlp):
    events = code(nlp, "Serbia and Croatia called for sustained dialogue and closer cooperation.")
    for a, b in (("SRB", "HRV"), ("HRV", "SRB")):
        assert the(events, a, b, "CONSULT")["modality"] == "intended"
        assert the(events, a, b, "COOPERATE")["modality"] == "intended"
        # two who call together ask nothing of each other
        assert not find(events, a, b, "REQUEST")
    # a third party's call is a request and the parties' talks are not its own
    events = code(nlp, "Germany called on Serbia to hold talks.")
    assert the(events, "DEU", "SRB", "REQUEST")


def test_a_participle_on_the_root_noun_is_the_misread_verb_of_the_sentence(nlp):
    # the parser reads "called" as a participle on "leadership" (and the two adjectives as one
    # actor): the leadership of both calls
    events = code(nlp, "Serbian and Croatian leadership called Wednesday for patient dialogue and wider "
                       "trade in spite of old quarrels.")
    assert the(events, "SRB", "HRV", "CONSULT") and the(events, "HRV", "SRB", "CONSULT")
    # a participle with its agent is passive: "the deal signed by Aliyev" is not signed by the deal
    events = code(nlp, "The deal signed by Aliyev and Pashinyan on Friday.")
    assert the(events, "AZE", "ARM", "AGREE")


def test_who_act_together_on_an_unnamed_third_do_not_act_on_each_other(nlp):
    events = code(nlp, "American and Israeli forces launched strikes on the compound.")
    assert not find(events, "USA", "ISR", "ASSAULT") and not find(events, "ISR", "USA", "ASSAULT")


# ------------------------------------------------------------------ a state named only as the place


@pytest.mark.parametrize("sentence,type_,place", [
    ("Erdogan signed the agreement in Berlin.", "AGREE", "DEU"),
    ("Erdogan held talks in Beijing on Tuesday.", "CONSULT", "CHN"),
    ("Speaking in Washington, Erdogan rejected the proposal.", "REJECT", "USA"),
    ("Speaking from Moscow, Erdogan rejected the plan.", "REJECT", "RUS"),
    ("At a summit in Berlin, Erdogan demanded an apology.", "REQUEST", "DEU"),
    ("In a speech in Paris, Erdogan threatened retaliation.", "THREATEN", "FRA"),
    ("Erdogan criticised the decision at a news conference in Rome.", "ACCUSE", "ITA"),
])
def test_a_state_named_as_where_the_act_was_done_is_no_party(nlp, sentence, type_, place):
    # where one side spoke, signed or met is not its counterpart: the other side of the pair is
    events = [e for e in code(nlp, COUNTERPART_TEXT + sentence) if e["start"] >= len(COUNTERPART_TEXT)]
    assert the(events, "TUR", "GRC", type_)
    assert not [e for e in events if place in (e["source"], e["target"])]


@pytest.mark.parametrize("sentence,place", [
    ("Norway signed the agreement in Berlin.", "DEU"),
    ("Speaking in Washington, the Norwegian prime minister rejected the proposal.", "USA"),
    ("At a press conference in Paris, Norway demanded an apology.", "FRA"),
])
def test_a_place_is_no_party_with_no_pair_to_fall_back_on(nlp, sentence, place):
    # with no pair the article is about, the act has no counterpart at all: not the place
    assert not [e for e in code(nlp, sentence) if place in (e["source"], e["target"])]


def test_a_shared_act_told_with_one_party_is_not_held_with_its_place(nlp):
    events = [e for e in code(nlp, COUNTERPART_TEXT + "The agreement with Greece was signed in Berlin.")
              if e["start"] >= len(COUNTERPART_TEXT)]
    assert the(events, "TUR", "GRC", "AGREE")
    assert not [e for e in events if "DEU" in (e["source"], e["target"])]


@pytest.mark.parametrize("text,source,target,type_", [
    # the sentence makes the state a participant too
    ("Norway met the German chancellor in Berlin.", "NOR", "DEU", "CONSULT"),
    ("Norway signed the agreement with Germany in Berlin.", "NOR", "DEU", "AGREE"),
    ("Germany hosted talks between Norway and Sweden in Berlin.", "DEU", "NOR", "CONSULT"),
    # force used in a place is aimed at it; sanctions and aid name their target
    ("Norwegian troops attacked positions in Syria.", "NOR", "SYR", "ASSAULT"),
    ("Norway deployed troops in Syria.", "NOR", "SYR", "MOBILIZE"),
    ("Norwegian forces seized a tanker in Iran.", "NOR", "IRN", "COERCE"),
    ("Norway imposed sanctions on Syria.", "NOR", "SYR", "SANCTION"),
    ("Norway sent aid to Syria.", "NOR", "SYR", "AID"),
    # the place of what the act bears on, not of the act: it may be its target
    ("Norway condemned the violence in Syria.", "NOR", "SYR", "ACCUSE"),
    # being somewhere for a meeting, or arriving there for it, is visiting the state (visit_verbs)
    ("Erdogan was in Berlin to meet officials.", "TUR", "DEU", "CONSULT"),
    ("Erdogan has been in Germany for a two-day visit.", "TUR", "DEU", "CONSULT"),
    ("Erdogan arrived in Berlin to discuss the pipeline.", "TUR", "DEU", "CONSULT"),
])
def test_a_state_in_a_place_phrase_that_takes_part_or_is_aimed_at_stays(nlp, text, source, target, type_):
    assert the(code(nlp, text), source, target, type_)


@pytest.mark.parametrize("text,source,target,type_,not_type", [
    # helping a named party with an act is cooperation; help given outright (or with goods) is
    # aid: the guide's AID is material aid provided
    ("Russia helped Iran build a nuclear reactor.", "RUS", "IRN", "COOPERATE", "AID"),
    ("China will help Pakistan to develop its ports.", "CHN", "PAK", "COOPERATE", "AID"),
    ("Russia helps Iran build reactors.", "RUS", "IRN", "COOPERATE", "AID"),  # a present tense too
    ("The United States helped Ukraine with weapons.", "USA", "UKR", "AID", "COOPERATE"),
    ("Germany will help Greece.", "DEU", "GRC", "AID", "COOPERATE"),
    # help with an act given with goods, or as the purpose of a giving, is the giving: no second act
    ("Japan helped Indonesia recover from the earthquake with emergency loans.", "JPN", "IDN", "AID", "COOPERATE"),
    ("Japan sent aid to help Indonesia rebuild.", "JPN", "IDN", "AID", "COOPERATE"),
])
def test_helping_with_an_act_is_cooperation(nlp, text, source, target, type_, not_type):
    events = code(nlp, text)
    the(events, source, target, type_)
    assert not find(events, source, target, not_type)


@pytest.mark.parametrize("text,helper,other", [
    # with no party named as helped, help with an act helps no one of the sentence's actors
    ("Russia helped to end the war with Ukraine.", "RUS", "UKR"),
    ("Iran helped Hamas attack Israel.", "IRN", "ISR"),  # Hamas is helped, Israel attacked
])
def test_help_with_an_act_needs_a_party_helped(nlp, text, helper, other):
    events = code(nlp, text)
    assert not find(events, helper, other, "COOPERATE") and not find(events, helper, other, "AID")


@pytest.mark.parametrize("text,source,target", [
    # a verb of calling or saying that judges an act as wrong is a criticism of the act's doer
    ("Chile labelled the Peruvian blockade \"deeply provocative\" in a speech to parliament.", "CHL", "PER"),
    ("\"We stress that the speech by Peru's envoy was outrageous,\" the Chilean minister told reporters.",
     "CHL", "PER"),  # "we": the side of whoever tells it
    ("Chile said the Peruvian move was unacceptable.", "CHL", "PER"),
    ("Chile said the Peruvian move seemed to be unacceptable.", "CHL", "PER"),
    ("Chile said Peru's decision was unacceptable.", "CHL", "PER"),
    ("Chile said the Peruvian government was irresponsible.", "CHL", "PER"),  # the party itself
    ("Chile described the Peruvian decision as unacceptable.", "CHL", "PER"),
    ("Chile deemed the Peruvian request unjustified.", "CHL", "PER"),
    ("Chile branded the Peruvian claim absurd.", "CHL", "PER"),
    # the thing told to one party may be a third's
    ("Chile told Peru that the Bolivian move was unacceptable.", "CHL", "BOL"),
    # a definite thing naming no doer is the act told just before
    ("Peru seized a Chilean fishing boat on Monday. Bolivia described the seizure as outrageous.", "BOL", "PER"),
])
def test_judging_an_act_as_wrong_is_a_criticism(nlp, text, source, target):
    events = code(nlp, text)
    criticism = the(events, source, target, "ACCUSE")
    assert not criticism["negated"] and criticism["modality"] == "actual"
    # whoever else the sentence names is not criticised by it
    assert [e["target"] for e in events if e["type"] == "ACCUSE" and e["source"] == source] == [target]


@pytest.mark.parametrize("text", [
    "Chile said the Peruvian move was not unacceptable.",  # a judgement denied
    "Chile called the Peruvian plan a good start.",  # no word of disapproval
    "Chile said the Peruvian move was bold.",
    # the thing judged names no doer: the sentence's other party is not criticised
    "Chile called the decision absurd, Peru said.",
    "Chile said the situation in Peru was regrettable.",
    # the thing judged is the critic's own
    "Chile said its decision to expel the Peruvian envoy was regrettable.",
    # a possibility, not a judgement made
    "Chile said the Peruvian move could be unacceptable.",
    "Chile said it would be unacceptable if Peru closed the border.",
    # a dummy subject judges no thing
    "Chile said it was absurd to think Peru would attack.",
    # the judgement is another speaker's clause: Peru's claim, not Chile's criticism
    "Chile said Peru claimed the Bolivian move was unacceptable.",
])
def test_no_criticism_without_a_judgement_of_wrong(nlp, text):
    assert not [e for e in code(nlp, text) if e["type"] == "ACCUSE"]


@pytest.mark.parametrize("text,a,b,type_,trigger", [
    # a verbless sentence (a photo caption) that names two people at a gathering: they met there,
    # the forum's organisation and the host city being no parties (presence_preps)
    ("The Kenyan president and the Ethiopian prime minister at the summit in Nairobi last week.", "KEN", "ETH",
     "CONSULT", "summit"),
    ("Ghana's president and Togo's prime minister during the ECOWAS summit in Abuja.", "GHA", "TGO", "CONSULT",
     "summit"),
    # a shared act of three or more parties makes those named with the subject partners of each
    # other too (several_party_modifiers)
    ("Brazil signed a trilateral agreement with Argentina and Uruguay.", "ARG", "URY", "AGREE", "agreement"),
    ("Kenya held three-way talks with Uganda and Tanzania.", "UGA", "TZA", "CONSULT", "talks"),
    # (the modifier on the act whose "of" phrase names the thing agreed)
    ("Oslo attended the three-way ratification of a fisheries treaty with the Swedish king and the Finnish "
     "president.", "SWE", "FIN", "AGREE", "treaty"),
])
def test_parties_named_together_at_a_gathering_or_in_a_several_party_act(nlp, text, a, b, type_, trigger):
    events = code(nlp, text)
    for source, target in ((a, b), (b, a)):
        event = the(events, source, target, type_)
        assert (event["trigger"], event["modality"], event["negated"]) == (trigger, "actual", False)


@pytest.mark.parametrize("text,a,b", [
    # one person at a gathering meets no one named; its host city is no party
    ("The Kenyan president at the summit in Addis Ababa.", "KEN", "ETH"),
    # agreements with two states, not said to be one of three parties, are two bilateral ones
    ("Brazil signed agreements with Argentina and Uruguay.", "ARG", "URY"),
])
def test_no_shared_act_of_parties_not_named_together(nlp, text, a, b):
    assert not [e for e in code(nlp, text) if {e["source"], e["target"]} == {a, b}]


@pytest.mark.parametrize("text,a,b,type_", [
    # a headline in title case, which the tagger reads as a string of names, is read again in
    # sentence case: its verbs and act nouns are found
    ("Norway Commends Sweden for Its Handling of the Crisis\n\nOslo praised its neighbour on Monday.",
     "NOR", "SWE", "SUPPORT"),
    ("Kenya and Uganda Begin Joint Naval Exercises\n\nThe drills started on Monday.", "KEN", "UGA", "COOPERATE"),
    # with a title-named leader: the verb after the title is no part of a person's name
    ("Norway Leader Criticizes Sweden's Response to the Floods\n\nThe remarks came on Monday.", "NOR", "SWE",
     "ACCUSE"),
    # a headline's participle with no auxiliary is a passive: its subject is what was acted on
    ("Chilean-Peruvian Diplomatic Ties Resumed Following Border Dispute\n\nBoth sides named ambassadors on "
     "Monday.", "CHL", "PER", "COOPERATE"),
])
def test_title_case_headline_read_in_sentence_case(nlp, text, a, b, type_):
    events = [e for e in code(nlp, text) if e["start"] < text.index("\n")]
    event = the(events, a, b, type_)
    assert event["trigger"][0].isupper()  # the trigger as the headline writes it
    assert (event["modality"], event["negated"]) == ("actual", False)
    # dated as the document dates its news (the lead's Monday), not as the headline alone would
    # be (the publication's Friday)
    assert event["date"] == "2024-05-06"


class _CountingCoder(EventCoder):
    """The event coder, counting the pipeline runs it makes of a text of its own."""

    runs = 0

    def _up_to_here(self, text, doc, only=None):
        if only is None:
            type(self).runs += 1
        return super()._up_to_here(text, doc, only)


@pytest.mark.parametrize("text,reparsed", [
    ("Norway Commends Sweden for Its Handling of the Crisis\n\nOslo praised its neighbour on Monday.", 1),
    # a headline the tagger can read
    ("Norway praises Sweden's handling of the crisis\n\nOslo praised its neighbour on Monday.", 0),
    # a title-case headline that names no actor
    ("Markets Rally As Oil Prices Fall Sharply\n\nKenya and Uganda signed a grain deal on Monday.", 0),
    # a document of one actor: no pair to find
    ("Kenya Honours Its Athletes After Marathon Triumph\n\nNairobi celebrated on Monday.", 0),
])
def test_headline_parsed_again_only_when_it_can_add_a_pair(nlp, text, reparsed):
    _CountingCoder.runs = 0
    coder = _CountingCoder(nlp)
    doc = nlp.make_doc(text)
    doc._.dw_ref_date = REF
    for name, component in nlp.pipeline:
        if name == coder.name:
            break
        doc = component(doc)
    coder(doc)
    assert _CountingCoder.runs == reparsed


def test_sentence_case_headline_is_not_read_again(nlp):
    # nothing is added to a headline the tagger can read: the same events as before, once each
    text = "Norway praises Sweden's handling of the crisis\n\nOslo spoke on Monday."
    events = [(e["source"], e["target"], e["type"]) for e in code(nlp, text) if e["start"] < text.index("\n")]
    assert events == [("NOR", "SWE", "SUPPORT")]


@pytest.mark.parametrize("text,a,b", [
    # people a picture or film shows together, or a caption names together, met (depicting_verbs)
    ("Footage on Kenyan television showed the Kenyan foreign minister with Ethiopian Prime Minister Abiy "
     "Ahmed and Somali President Hassan Sheikh Mohamud.", "ETH", "SOM"),
    ("Kenyan President William Ruto with Ethiopian Prime Minister Abiy Ahmed in Addis Ababa.", "KEN", "ETH"),
    ("Ruto was pictured with Abiy in Addis Ababa on Monday.", "KEN", "ETH"),
    ("State TV showed the Ghanaian president with Togolese President Faure Gnassingbe.", "GHA", "TGO"),
    # a conjunct of the apposition to the object of "with" is shown too
    ("A photo released on Monday showed the Kenyan envoy with an Ethiopian negotiator, Redwan Hussien, and "
     "the Somali president.", "ETH", "SOM"),
])
def test_people_shown_together_met(nlp, text, a, b):
    events = code(nlp, text)
    for source, target in ((a, b), (b, a)):
        met = [e for e in find(events, source, target, "CONSULT") if e["trigger"] == "with"]
        assert met and met[0]["modality"] == "actual" and not met[0]["negated"]


@pytest.mark.parametrize("text,a,b", [
    # "with" after a relationship noun, not after a person shown
    ("Erdogan's feud with Netanyahu.", "TUR", "ISR"),
    ("Macron's rivalry with Putin: what we know", "FRA", "RUS"),
    # the object of "with" is no person: the chancellor is in another phrase
    ("A poll showed the French president with a wide lead over the German chancellor.", "FRA", "DEU"),
    # an absolute phrase tells who was missing
    ("The Kenyan president, with the Ethiopian prime minister absent, at the summit.", "KEN", "ETH"),
    # a question shows no one
    ("Xi with Kishida? Unlikely, officials say.", "CHN", "JPN"),
    # a verbless "with" that puts them nowhere is no caption of a meeting
    ("Kenyan President William Ruto with Ethiopian Prime Minister Abiy Ahmed.", "KEN", "ETH"),
])
def test_with_that_shows_no_people_together_is_no_meeting(nlp, text, a, b):
    assert not [e for e in code(nlp, text) if e["trigger"] == "with" and {e["source"], e["target"]} == {a, b}]


@pytest.mark.parametrize("text,a,b", [
    # a predicate adjective after those named tells their state, not their presence
    ("The Ghanaian president and the Togolese prime minister, both absent at the ECOWAS summit in Abuja.", "GHA",
     "TGO"),
    # absent from the gathering: no part in it (absence_words)
    ("Kenyan and Ethiopian leaders absent at the summit in Nairobi.", "KEN", "ETH"),
    ("Ghanaian and Togolese envoys were missing from the talks on Monday.", "GHA", "TGO"),
])
def test_people_absent_at_a_gathering_did_not_meet_there(nlp, text, a, b):
    assert not [e for e in code(nlp, text) if {e["source"], e["target"]} == {a, b}]


def test_things_shown_with_a_state_are_no_meeting(nlp):
    # no person on either side: a picture of missiles with a state's markings shows no one meeting
    assert not find(code(nlp, "The photos showed missiles with Iranian markings in Yemen."), "IRN", "YEM", "CONSULT")


@pytest.mark.parametrize("text,source,target,type_,date", [
    # a speaker's judgement of another party's act or relationship by a predicate adjective
    # (disapproving_words, approving_words): the judged are those the act or relationship names as
    # its doers or partners; the judgement is told, and dated, by its verb of saying
    ("The Ethiopian strike was unacceptable, Kenya said on Monday.", "KEN", "ETH", "ACCUSE", "2024-05-06"),
    ("On Friday Nairobi said Ethiopia's shelling of the border post had been utterly deplorable.", "KEN", "ETH",
     "ACCUSE", "2024-05-10"),
    ("The African Union's envoy said on Tuesday that Kenyan-Ethiopian cooperation was vital.", "AU", "ETH",
     "SUPPORT", "2024-05-07"),
    ("\"Close ties between Chile and Peru are vital,\" the OAS chief said on Monday.", "OAS", "PER", "SUPPORT",
     "2024-05-06"),
])
def test_a_speakers_judgement_by_adjective(nlp, text, source, target, type_, date):
    event = the(code(nlp, text), source, target, type_)
    assert (event["trigger"], event["modality"], event["negated"], event["date"]) == (
        "said", "actual", False, date)


@pytest.mark.parametrize("text", [
    # "it is essential that ..." asks something of Ethiopia, it judges nothing
    "\"It is essential that Ethiopia withdraws its troops,\" Kenya said.",
    # no one says it: the writer's own judgement is no event
    "The Ethiopian strike on the border post was unacceptable.",
    # the thing judged names no party: the one addressed is not judged
    "Dialogue is vital, Kenya told Ethiopia.",
    # a place or origin in a phrase after the thing is no party to it
    "The loss of life in Gaza is regrettable, the US said.",
    "Water from Ethiopia is essential, Kenya said.",
    # a thing that is no act or relationship
    "Kenyan water is vital, Ethiopia said.",
    # a possibility, not a judgement made
    "Kenya said Ethiopia's shelling of the border would be unacceptable.",
])
def test_no_judgement_without_a_speaker_or_a_judged_party(nlp, text):
    assert not [e for e in code(nlp, text) if e["type"] in ("ACCUSE", "SUPPORT")]


def test_cease_fire_spelled_with_a_hyphen_is_a_ceasefire(nlp):
    # kept whole by the tokenizer (kept_hyphen_prefixes) and read as the lexicon's "ceasefire", not
    # as "fire"
    text = "The cease-fire between Eritrea and Ethiopia held through the weekend."
    events = code(nlp, text)
    assert the(events, "ERI", "ETH", "RETREAT")["trigger"] == "cease-fire"
    assert the(events, "ETH", "ERI", "RETREAT")


@pytest.mark.parametrize("text,source,target,type_", [
    # the target of a disapproval may be named only as the doer of the act disapproved of ("by"),
    # or in what it is about (disapproval_topic_preps), with a third actor in the sentence
    ("Hundreds of Bolivian farmers marched in La Paz against the seizure of crops by Peruvian customs officers.",
     "BOL", "PER", "PROTEST"),
    ("Australia raised concerns about Chinese warships near Fiji.", "AUS", "CHN", "ACCUSE"),
])
def test_disapproval_of_an_act_targets_its_doer(nlp, text, source, target, type_):
    event = the(code(nlp, text), source, target, type_)
    assert (event["modality"], event["negated"]) == ("actual", False)


@pytest.mark.parametrize("text,critic,other", [
    # a thing judged as wrong that is no act names its doer only by a state, leader or official that
    # owns or did it (judged_act_nouns, official_nouns): a bare nationality on it names no one
    ("The Peruvian foreign minister said the Chilean border was provocative.", "PER", "CHL"),
    ("Chilean supporters called the Peruvian goal unjustified.", "CHL", "PER"),
    ("Chile said the Bolivian striker's foul was reckless.", "CHL", "BOL"),
])
def test_a_thing_that_is_no_act_judged_wrong_accuses_no_nationality(nlp, text, critic, other):
    events = code(nlp, text)
    assert not find(events, critic, other, "ACCUSE"), events


@pytest.mark.parametrize("text,source,target", [
    # an act noun or an official owner still names the criticised
    ("Chile said the Bolivian remarks were unacceptable.", "CHL", "BOL"),
    ("Chile said the Bolivian government's tone was outrageous.", "CHL", "BOL"),
])
def test_an_act_or_an_officials_thing_judged_wrong_is_a_criticism(nlp, text, source, target):
    assert the(code(nlp, text), source, target, "ACCUSE")["trigger"] == "said"


@pytest.mark.parametrize("text,speaker,other", [
    # a thing of commerce or money judged good or needed is no relationship supported, and one
    # party named is no pair of partners
    ("Kenyan officials said Ethiopian demand was essential for the harvest.", "KEN", "ETH"),
    ("The World Bank said Ethiopian investment in Somalia was vital.", "WB", "ETH"),
    ("Kenya said Ethiopian credits were essential.", "KEN", "ETH"),
])
def test_a_thing_that_is_no_relationship_judged_good_is_no_support(nlp, text, speaker, other):
    events = code(nlp, text)
    assert not [e for e in events if e["type"] == "SUPPORT" and e["trigger"] == "said"], events


@pytest.mark.parametrize("text", [
    # a definite noun that is no act is not the act told just before
    "Kenya sold tea to Somalia last year. Ethiopia said the cost was outrageous.",
])
def test_a_definite_thing_that_is_no_act_is_not_the_act_told_before(nlp, text):
    assert not [e for e in code(nlp, text) if e["type"] == "ACCUSE"]


def test_a_judgement_of_the_act_told_before_is_dated_as_news(nlp):
    # the seizure was last year; the criticism of it is told today, not dated as the seizure
    text = "Peru seized a Chilean trawler last year. Bolivia said the seizure was outrageous."
    events = code(nlp, text)
    assert the(events, "PER", "CHL", "COERCE")["date"] == "2023"
    assert the(events, "BOL", "PER", "ACCUSE")["date"] == REF


def test_a_from_doer_acts_on_no_party_of_another_clause(nlp):
    # the threats named by their "from" doer target no one in the clause of the imports
    text = "Exports from Peru dropped, while threats from Chile increased."
    events = code(nlp, text)
    assert not [e for e in events if e["type"] == "THREATEN" and e["target"] == "PER"], events


@pytest.mark.parametrize("text,source,target", [
    # help to rebuild, defend or survive is aid (aid_infinitives), not cooperation with an act
    ("France said it would help Lebanon rebuild after the war.", "FRA", "LBN"),
    ("Britain helped Ukraine repel the drones.", "GBR", "UKR"),
])
def test_help_to_rebuild_or_defend_is_aid(nlp, text, source, target):
    events = code(nlp, text)
    assert the(events, source, target, "AID")
    assert not find(events, source, target, "COOPERATE")


def test_a_verbless_caption_of_a_meeting_is_news_of_the_day(nlp):
    # dated as "State TV showed the two at the summit" is: the day of the news
    text = "The Malian president with his Nigerien counterpart at the summit in Niamey."
    assert the(code(nlp, text), "MLI", "NER", "CONSULT")["date"] == REF


# ------------------------------------------------------------------ acts of words and their addressee

@pytest.mark.parametrize("text,source,target,type_", [
    # a warning, criticism or request with its sayer in a "from" phrase is said to whoever answers,
    # heeds, draws or withstands it (answering_verbs, addressee_preps)
    ("Chile ignored a warning from Peru about the border fence.", "PER", "CHL", "THREATEN"),
    ("Norway pressed on with the pipeline despite objections from Sweden.", "SWE", "NOR", "ACCUSE"),
    ("Chile's speech drew harsh criticism from Peru.", "PER", "CHL", "ACCUSE"),
    # refusing to answer a request rejects whoever asked, and the request stays made
    ("Chile refused to answer the request from Peru.", "CHL", "PER", "REJECT"),
    ("Chile refused to answer the request from Peru.", "PER", "CHL", "REQUEST"),
    # granting plural demands concedes; not granting them turns them down
    ("Chile met the demands of Peru on Friday.", "CHL", "PER", "CONCEDE"),
    ("Chile did not comply with the request from Peru.", "CHL", "PER", "REJECT"),
    # a mobilisation for a hostile act moves against that act's target
    ("Peru called up ten thousand reservists for an offensive against Chile.", "PER", "CHL", "MOBILIZE"),
    # a note's that-clause with "should" asks its one addressee, named by the pronoun
    ("Chile sent a stiff note on Monday to Peru that it should withdraw its ambassador.", "CHL", "PER", "REQUEST"),
])
def test_an_act_of_words_is_said_to_whoever_answers_it(nlp, text, source, target, type_):
    ev = the(code(nlp, text), source, target, type_)
    assert not ev["negated"]


def test_an_answerers_negation_leaves_the_demand_made_and_its_modality(nlp):
    events = code(nlp, "Chile would not heed Peru's demands.")
    ev = the(events, "PER", "CHL", "REQUEST")
    assert not ev["negated"] and ev["modality"] == "hypothetical"
    assert the(events, "CHL", "PER", "REJECT")


@pytest.mark.parametrize("text", [
    # a demand only expected, or any demand at all, is no demand made
    "Chile does not expect demands from Peru.",
    "Chile would reject any demand from Peru.",
])
def test_no_demand_made_when_only_expected_or_any(nlp, text):
    assert not [e for e in find(code(nlp, text), "PER", "CHL", "REQUEST") if not e["negated"]]


@pytest.mark.parametrize("text", [
    # market demand is no request (quantity_request_nouns)
    "Chile raised output to meet demand from China.",
    "Chile did not meet demand from China last year.",
    "Strong demand from China lifted copper prices.",
])
def test_market_demand_is_no_request(nlp, text):
    events = code(nlp, text)
    assert not [e for e in events if e["type"] in ("REQUEST", "CONCEDE", "REJECT")], events


@pytest.mark.parametrize("text", [
    # a concession only not made yet or at once is no refusal (deferring_adverbs)
    "Chile has not yet met the demands from Peru.",
    "Chile did not immediately comply with the request from Peru.",
])
def test_a_concession_deferred_is_no_rejection(nlp, text):
    events = code(nlp, text)
    assert the(events, "CHL", "PER", "CONCEDE")["negated"]
    assert not find(events, "CHL", "PER", "REJECT")


@pytest.mark.parametrize("text,repeater,sayer,type_", [
    # who repeats, reports or answers questions about what was said is not whom it was said to
    ("Chile echoed calls from France for a ceasefire.", "CHL", "FRA", "REQUEST"),
    ("Chile reported a warning from China about the strait.", "CHL", "CHN", "THREATEN"),
    ("Chile answered questions about criticism from France.", "CHL", "FRA", "ACCUSE"),
])
def test_an_act_of_words_passed_on_has_no_addressee(nlp, text, repeater, sayer, type_):
    events = code(nlp, text)
    assert not find(events, sayer, repeater, type_) and not find(events, repeater, sayer, type_), events


def test_a_mobilisation_for_drills_with_a_partner_moves_against_no_one(nlp):
    # purpose_act_types: only a hostile act lends its target to a mobilisation
    events = code(nlp, "Peru put its fleet on standby for naval drills with Chile.")
    assert not find(events, "PER", "CHL", "MOBILIZE")
    assert the(events, "PER", "CHL", "COOPERATE")


def test_a_told_clause_about_the_subjects_own_interest_is_left_to_coreference(nlp):
    # self_reference_words: "it ... its own" is the sender, not the one told
    events = code(nlp, "Chile sent a note to Peru that it must protect its own fishermen first.")
    assert not find(events, "CHL", "PER", "REQUEST")
