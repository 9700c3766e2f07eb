"""dyadwatch_quotes: direct quotes and reported speech with speakers, on the real pipeline.

Every text here is written for these tests; the seed articles are only read at test time by
the scoring test at the end.
"""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest
import spacy

import dyadwatch.analyze.actors  # noqa: F401  (registers dyadwatch_actors)
import dyadwatch.analyze.paragraphs  # noqa: F401  (registers dyadwatch_paragraphs)
from dyadwatch.analyze.pipeline import model_name
from dyadwatch.analyze.quotes import QUOTE_KEYS, find_quote_marks, quotes_from_doc
from dyadwatch.records import Quote

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
GOLD = ROOT.parent / "shared" / "eval" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


@pytest.fixture(scope="module")
def qnlp():
    nlp = spacy.load(model_name())
    nlp.add_pipe("dyadwatch_paragraphs", before="parser")
    nlp.add_pipe("dyadwatch_actors")
    nlp.add_pipe("dyadwatch_quotes")
    return nlp


def run(nlp, text: str, ref: str | None = "2024-05-10"):
    doc = nlp.make_doc(text)
    doc._.dw_ref_date = ref
    return nlp(doc)


def quotes(nlp, text: str, ref: str | None = "2024-05-10") -> list[dict]:
    return run(nlp, text, ref)._.dw_quotes


def one(qs: list[dict], text: str) -> dict:
    found = [q for q in qs if q["text"] == text]
    assert len(found) == 1, (text, qs)
    return found[0]


def direct(qs: list[dict]) -> list[dict]:
    return [q for q in qs if q["direct"]]


# ---------------------------------------------------------------------- quote marks


def test_quote_marks_pair_straight_curly_single_and_skip_apostrophes() -> None:
    text = ("Tokyo's 'red lines' don't shift in the '90s, said \"Mr Ito\". "
            "‘He said “never” to the deal,’ she wrote. The ‘80s “were calm,” he said.")
    found = [text[a + 1:b] for a, b in find_quote_marks(text)]
    assert found == ["red lines", "Mr Ito", "He said “never” to the deal,", "were calm,"]


def test_quote_marks_multi_paragraph_and_unclosed() -> None:
    text = "“First part.\n“Second part.”\nA stray “mark here.\nNext “closed.”"
    found = [text[a + 1:b] for a, b in find_quote_marks(text)]
    assert found == ["First part.", "Second part.", "closed."]


def test_quote_marks_pair_a_curly_mark_with_a_straight_partner() -> None:
    # pages that mix the two close a curly opener with a straight mark, and the reverse; a
    # straight mark placed as an opener inside a curly quote does not close it
    text = ('The envoy called it “a grave mistake" on Monday. He said "never again” twice. '
            '“Size 5 "wide" is sold out,” the shop wrote.')
    found = [text[a + 1:b] for a, b in find_quote_marks(text)]
    assert found == ["a grave mistake", "never again", 'Size 5 "wide" is sold out,']


# ---------------------------------------------------------------------- direct quotes


def test_record_keys_offsets_and_trailing_punctuation(qnlp) -> None:
    text = '"We will never accept unilateral sanctions," said Chinese Foreign Ministry spokesman Lin Wei.'
    qs = quotes(qnlp, text)
    assert len(qs) == 1
    q = qs[0]
    assert tuple(q) == QUOTE_KEYS
    assert q["text"] == "We will never accept unilateral sanctions"  # comma inside the mark dropped
    assert text[q["start"]:q["end"]] == q["text"]
    assert (q["speaker"], q["speaker_actor"], q["direct"], q["cue"]) == ("Lin Wei", "CHN", True, "said")


def test_speaker_before_with_colon_quote_spanning_sentences_analyst(qnlp) -> None:
    text = ("Maria Santos, an analyst at the Baltic Security Institute, wrote:\n"
            "“The corridor will carry far more grain than before. Insurers are already lowering premiums.”")
    q = one(quotes(qnlp, text), "The corridor will carry far more grain than before. "
                                "Insurers are already lowering premiums")
    assert (q["speaker"], q["speaker_actor"], q["cue"]) == ("Maria Santos", None, "wrote")


def test_quote_interrupted_by_said_gives_two_items_same_speaker(qnlp) -> None:
    text = "“The talks were useful,” Russian Foreign Minister Sergei Lavrov said, “but nothing has been settled.”"
    qs = direct(quotes(qnlp, text))
    assert [q["text"] for q in qs] == ["The talks were useful", "but nothing has been settled"]
    assert {(q["speaker"], q["speaker_actor"]) for q in qs} == {("Sergei Lavrov", "RUS")}


def test_said_after_multi_sentence_quote_think_tank_director(qnlp) -> None:
    text = "“Trade is rising. Investment is not,” said Tomas Berg, director of the Nordic Policy Institute."
    q = one(quotes(qnlp, text), "Trade is rising. Investment is not")
    assert (q["speaker"], q["speaker_actor"], q["cue"]) == ("Tomas Berg", None, "said")


def test_pronoun_speaker_resolves_to_most_recent_person(qnlp) -> None:
    official = ("Australian Foreign Minister Anna Kowalski met her Indonesian counterpart in Jakarta. "
                "“We share an ocean and a future,” she said.")
    q = one(quotes(qnlp, official), "We share an ocean and a future")
    assert (q["speaker"], q["speaker_actor"]) == ("Anna Kowalski", "AUS")
    analyst = ("Jane Roe, a senior fellow at the Lowy Institute, has followed the talks for years. "
               "“Neither side wants a rupture,” she said.")
    q = one(quotes(qnlp, analyst), "Neither side wants a rupture")
    assert (q["speaker"], q["speaker_actor"]) == ("Jane Roe", None)


def test_pronoun_with_nobody_named_is_not_attributed(qnlp) -> None:
    assert quotes(qnlp, '"The talks were useful," he said. "But nothing is settled."') == []


def test_continuation_quote_takes_previous_speaker(qnlp) -> None:
    text = ('Maria Lopez is a researcher who studies sanctions. "Enforcement is patchy," Lopez said. '
            '"Banks always find workarounds."')
    qs = direct(quotes(qnlp, text))
    assert [(q["text"], q["speaker"], q["speaker_actor"]) for q in qs] == [
        ("Enforcement is patchy", "Maria Lopez", None),
        ("Banks always find workarounds", "Maria Lopez", None),
    ]


def test_multi_paragraph_quote_attributed_at_its_end(qnlp) -> None:
    text = ("Ukrainian Foreign Minister Dmytro Kuleba spoke at length.\n"
            "“We need air defence now. Every day counts.\n"
            "“Without it, cities will burn,” he told AFP.")
    qs = direct(quotes(qnlp, text))
    assert [q["text"] for q in qs] == ["We need air defence now. Every day counts", "Without it, cities will burn"]
    assert {(q["speaker"], q["speaker_actor"], q["cue"]) for q in qs} == {("Dmytro Kuleba", "UKR", "told AFP")}


def test_single_and_nested_quotes(qnlp) -> None:
    q = one(quotes(qnlp, "Beijing’s envoy said the visit was ‘a new chapter’."), "a new chapter")
    assert (q["speaker"], q["speaker_actor"]) == ("Beijing’s envoy", "CHN")
    qs = quotes(qnlp, "“We reject the so-called ‘debt trap’ narrative,” the Chinese ambassador said.")
    assert [q["text"] for q in qs] == ["We reject the so-called ‘debt trap’ narrative"]  # inner stays inside
    assert (qs[0]["speaker"], qs[0]["speaker_actor"]) == ("Chinese ambassador", "CHN")


def test_called_described_as_and_what_x_calls(qnlp) -> None:
    text = ("Indian Prime Minister Narendra Modi called the agreement “a turning point for the region”. "
            "The Kremlin described the drills as “routine and defensive”. "
            "Washington has grown wary of what Beijing calls “win-win cooperation”.")
    qs = quotes(qnlp, text)
    assert [(q["text"], q["speaker"], q["speaker_actor"], q["cue"]) for q in qs] == [
        ("a turning point for the region", "Narendra Modi", "IND", "called"),
        ("routine and defensive", "Kremlin", "RUS", "described"),
        ("win-win cooperation", "Beijing", "CHN", "calls"),
    ]


def test_joint_statement_and_plural_speakers(qnlp) -> None:
    q = one(quotes(qnlp, "Narendra Modi and Fumio Kishida signed a joint statement calling for a "
                         "“free and open Indo-Pacific”."), "free and open Indo-Pacific")
    assert (q["speaker"], q["speaker_actor"]) == ("Narendra Modi and Fumio Kishida (joint statement)", None)
    q = one(quotes(qnlp, "Narendra Modi hosted Anthony Albanese in New Delhi on Monday. The two leaders "
                         "declared in a joint statement that their partnership was “comprehensive and "
                         "strategic”."), "comprehensive and strategic")
    assert (q["speaker"], q["speaker_actor"]) == ("Narendra Modi and Anthony Albanese (joint statement)", None)
    q = one(quotes(qnlp, "Hakan Fidan flew to Athens on Friday, where both sides described the talks as "
                         "“constructive”."), "constructive")
    assert q["speaker"].endswith("and Greece (both sides)") and q["speaker_actor"] is None


def test_scare_quotes_titles_and_unnamed_sources_are_excluded(qnlp) -> None:
    text = ("Some analysts see an emerging “axis of upheaval” in Eurasia. "
            "The relationship has become a kind of “frenemy” arrangement. "
            "Critics say the plan amounts to “debt-trap diplomacy”. "
            "Observers called the summit “a damp squib”. The deal was hailed as “historic”. "
            "The minister appeared on the BBC’s “Hard Talk” programme. "
            "In his book “The Long Game”, he argues otherwise.")
    assert quotes(qnlp, text) == []


def test_state_framing_of_its_own_label(qnlp) -> None:
    q = one(quotes(qnlp, "Russia's \"special military operation\" has lasted far longer than planned."),
            "special military operation")
    assert (q["speaker"], q["speaker_actor"]) == ("Russian government", "RUS")
    q = one(quotes(qnlp, "Turkish President Recep Tayyip Erdoğan will host a “peace summit” in May."),
            "peace summit")
    assert q["speaker_actor"] == "TUR" and q["speaker"].endswith("government")


def test_according_to_direct_and_reported(qnlp) -> None:
    text = ("According to Turkish Foreign Minister Hakan Fidan, “the corridor must stay open”. "
            "According to the Russian Defence Ministry, the drills involved 10,000 troops.")
    qs = quotes(qnlp, text)
    q = one(qs, "the corridor must stay open")
    assert (q["speaker"], q["speaker_actor"], q["direct"], q["cue"]) == ("Hakan Fidan", "TUR", True, "according to")
    q = one(qs, "the drills involved 10,000 troops")
    assert (q["speaker_actor"], q["direct"], q["cue"]) == ("RUS", False, "according to")


def test_reported_speech_said_that_speaker_after_and_denials(qnlp) -> None:
    text = ("Japanese Prime Minister Fumio Kishida said that Tokyo would expand its coast guard. "
            "Seoul will raise its defence budget, South Korean officials said on Sunday. "
            "A US official accused Iran of arming the rebels. Iranian officials have denied this. "
            "The newspaper said that the talks had stalled.")
    qs = quotes(qnlp, text)
    assert all(not q["direct"] for q in qs)
    q = one(qs, "Tokyo would expand its coast guard")
    assert (q["speaker"], q["speaker_actor"], q["cue"]) == ("Fumio Kishida", "JPN", "said")
    q = one(qs, "Seoul will raise its defence budget")
    assert q["speaker_actor"] == "KOR"
    q = one(qs, "A US official accused Iran of arming the rebels")  # what was denied
    assert (q["speaker"], q["speaker_actor"], q["cue"]) == ("Iranian officials", "IRN", "denied")
    assert not [q for q in qs if "stalled" in q["text"]]  # an outlet is not a state actor or person


def test_surname_expands_to_full_name_given_in_the_document(qnlp) -> None:
    q = one(quotes(qnlp, "Antony Blinken arrived in Manila on Tuesday. Later, Blinken told reporters: "
                         "“We stand with our allies.”"), "We stand with our allies")
    assert (q["speaker"], q["speaker_actor"], q["cue"]) == ("Antony Blinken", "USA", "told reporters")
    q = one(quotes(qnlp, "Tomas Berg has studied Nordic defence for a decade. Berg wrote in a recent essay "
                         "that Sweden “has crossed a threshold it cannot uncross”."),
            "has crossed a threshold it cannot uncross")
    assert (q["speaker"], q["speaker_actor"]) == ("Tomas Berg", None)


def test_speaker_named_in_apposition_and_title(qnlp) -> None:
    text = ('The foreign ministry spokeswoman, Mao Ning, told a regular briefing that Beijing "firmly opposes" '
            'the sale. China’s top diplomat said the move "seriously undermines" peace.')
    qs = quotes(qnlp, text, ref="2024-05-10")
    assert (one(qs, "firmly opposes")["speaker"], one(qs, "firmly opposes")["speaker_actor"]) == ("Mao Ning", "CHN")
    q = one(qs, "seriously undermines")
    assert q["speaker_actor"] == "CHN" and q["speaker"] == "Wang Yi"


def test_conjoined_cue_as_parenthetical_possessor_and_statement_author(qnlp) -> None:
    text = ('Chinese Foreign Ministry spokesman Lin Jian said the patrols "undermine regional stability" and '
            'urged Manila to "stop stirring up trouble". Energy security is a priority for Tokyo, as Japanese '
            'Prime Minister Fumio Kishida noted in a speech – the goal is to avoid "single-supplier dependence". '
            'Blinken\'s aide said the talks were "productive". According to a statement from the Philippine '
            'foreign ministry, the patrols will begin in June.')
    qs = quotes(qnlp, text)
    assert [(q["text"], q["speaker"], q["speaker_actor"], q["direct"], q["cue"]) for q in qs] == [
        ("undermine regional stability", "Lin Jian", "CHN", True, "said"),
        ("stop stirring up trouble", "Lin Jian", "CHN", True, "urged"),  # not "the patrols"
        ("single-supplier dependence", "Fumio Kishida", "JPN", True, "noted"),
        ("productive", "Blinken's aide", "USA", True, "said"),  # the aide, not Blinken
        ("the patrols will begin in June", "Philippine foreign ministry", "PHL", False, "according to"),
    ]


def test_identical_repeats_listed_once_and_repeated_phrase_keeps_speaker(qnlp) -> None:
    text = ("Hakan Fidan said the Turkish position was “unchanged”. Fidan later repeated that the position "
            "was “unchanged”. The “peace corridor to the sea” proposal was first floated by Tokyo, where "
            "Japanese Prime Minister Fumio Kishida said Japan backs a “peace corridor to the sea” for grain. "
            "The “peace corridor” idea has since spread.")
    qs = direct(quotes(qnlp, text))
    assert [q["text"] for q in qs].count("unchanged") == 1
    q = one(qs, "peace corridor")
    assert (q["speaker"], q["speaker_actor"]) == ("Fumio Kishida", "JPN")


def test_runs_without_actor_component() -> None:
    nlp = spacy.load(model_name())
    nlp.add_pipe("dyadwatch_quotes")
    doc = nlp("“We will respond,” said Olga Petrova, a researcher at the Riga Institute.")
    assert [(q["text"], q["speaker"], q["speaker_actor"]) for q in doc._.dw_quotes] == [
        ("We will respond", "Olga Petrova", None)]
    assert quotes_from_doc(doc) == (Quote(doc._.dw_quotes[0]["start"], doc._.dw_quotes[0]["end"],
                                          "We will respond", "Olga Petrova", None, True, "said"),)


def test_empty_and_untagged_docs() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("dyadwatch_quotes")
    assert nlp("")._.dw_quotes == []
    assert nlp('“” and a stray " mark')._.dw_quotes == []
    assert nlp("“We will respond,” said Olga Petrova.")._.dw_quotes == []  # no tagger: no cue verbs


def test_survives_to_bytes(qnlp) -> None:
    doc = run(qnlp, "“Patrols continue,” the Turkish Defence Ministry said in a statement.")
    copy = spacy.tokens.Doc(qnlp.vocab).from_bytes(doc.to_bytes())
    assert copy._.dw_quotes == doc._.dw_quotes != []


# ---------------------------------------------------------------------- seeds, scored


def _scorer():
    spec = importlib.util.spec_from_file_location("dyadwatch_eval_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_seed_quotes_f1_by_the_scorers_rule(qnlp) -> None:
    if not SEEDS.is_dir() or not GOLD.is_dir() or not SCORER.is_file():
        pytest.skip("the shared kit (../shared/seeds, ../shared/eval) is not beside the checkout")
    score = _scorer()
    gold = {}
    for path in sorted(GOLD.glob("d0*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        gold[g["text"]] = g

    def same(g: dict, p: dict) -> bool:  # the scorer's quote rule
        if score.token_f1(g["text"], p.get("text", "")) < 0.8:
            return False
        gs, ps = score.words(g.get("speaker", "")), score.words(p.get("speaker") or "")
        return bool(gs and ps and gs[-1] == ps[-1])

    tp = tp_direct = n_pred = n_direct = n_gold = 0
    parse_time = quote_time = 0.0
    quote_pipe = qnlp.get_pipe("dyadwatch_quotes")
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        g = gold.get(text)
        if g is None:
            continue
        meta = g.get("meta") or {}
        doc = qnlp.make_doc(text)
        doc._.dw_ref_date = meta.get("published") if meta.get("published_basis") == "stated" else None
        t0 = time.perf_counter()
        with qnlp.select_pipes(disable=["dyadwatch_quotes"]):
            doc = qnlp(doc)
        t1 = time.perf_counter()
        doc = quote_pipe(doc)
        t2 = time.perf_counter()
        parse_time += t1 - t0
        quote_time += t2 - t1
        found = doc._.dw_quotes
        for q in found:
            assert tuple(q) == QUOTE_KEYS and text[q["start"]:q["end"]] == q["text"]
        tp += score.match(g["quotes"], found, same)
        tp_direct += score.match(g["quotes"], direct(found), same)
        n_pred += len(found)
        n_direct += len(direct(found))
        n_gold += len(g["quotes"])
    assert n_gold, "no seed matched a gold document"
    p, r, f = score.prf(tp, n_pred, n_gold)
    assert f >= 0.8, (p, r, f)
    assert score.prf(tp_direct, n_direct, n_gold)[2] >= 0.8
    assert quote_time < 0.25 * parse_time, (quote_time, parse_time)


def test_speaker_spelled_as_the_text_spells_them(nlp) -> None:
    doc = nlp("Erdogan said the two sides had discussed \"thorny issues\" openly.")
    assert [(q["speaker"], q["text"]) for q in doc._.dw_quotes if q["direct"]] == [
        ("Recep Tayyip Erdogan", "thorny issues")]
    doc = nlp("Chinese Consul General Xue Jian posted a message on X. \"Are you ready?\" Xue wrote.")
    assert [q["speaker"] for q in doc._.dw_quotes if q["direct"]] == ["Xue Jian"]


@pytest.mark.parametrize("text,speaker,words", [
    ("Japan's Foreign Ministry lodged a \"strong protest\" with Beijing over the post.",
     "Japan's Foreign Ministry", "strong protest"),
    ("Wang Yi extended his \"wholehearted congratulations\" to both countries.", "Wang Yi",
     "wholehearted congratulations"),
    ("The ministry expressed \"deep concern\" about the drills, its spokesman said.", None, "deep concern"),
])
def test_diplomatic_speech_acts_attribute_their_words(nlp, text, speaker, words) -> None:
    quotes = [(q["speaker"], q["text"]) for q in nlp(text)._.dw_quotes if q["direct"]]
    if speaker is None:
        assert quotes and quotes[0][1] == words and quotes[0][0]
    else:
        assert quotes == [(speaker, words)]


def test_a_quoted_paragraph_continues_the_speaker_of_the_paragraph_before(nlp) -> None:
    text = ('"The ministry approved new limits on chip equipment sales today," Economy Minister Kenta Mori '
            'told journalists, referring to a so-called "entity list."\n\n'
            '"Thailand, the sole Asian member of the group, will be dropped."\n\n'
            'Bangkok called the move unfair.\n\n\n\n"We will not give in."')
    quotes = {q["text"]: q["speaker"] for q in nlp(text)._.dw_quotes if q["direct"]}
    assert quotes["Thailand, the sole Asian member of the group, will be dropped"] == "Kenta Mori"
    # a quote several paragraphs later, after another subject, is not his
    assert quotes.get("We will not give in") != "Kenta Mori"


def test_speaker_phrase_between_the_quote_and_a_misparsed_verb(nlp) -> None:
    text = ("The quarrel over the fishing grounds deepened in March.\n“Should Canberra try to board our trawlers, we "
            "will treat it as piracy,” Fiji’s special representative to the UN, Mateus Ferreira Lima, "
            "wrote in a letter.")
    quotes = [(q["speaker"], q["text"][:20]) for q in nlp(text)._.dw_quotes if q["direct"]]
    assert quotes == [("Mateus Ferreira Lima", "Should Canberra try ")]


@pytest.mark.parametrize("text,speaker", [
    # a title with the surname first, the full name later: the full name
    ('Azerbaijan\'s President Aliyev arrived. The deal was signed by President Ilham Aliyev and Prime '
     'Minister Nikol Pashinyan. Aliyev said: "We are writing a new chapter."', "Ilham Aliyev"),
    # a family name first with a hyphenated given name the recogniser may miss
    ('Minutes later his trade minister, Ahn Duk-geun, said Seoul would respond in kind. The measure '
     '"undermines years of mutual trust," Ahn said.', "Ahn Duk-geun"),
])
def test_a_speaker_named_by_one_word_takes_the_full_name(nlp, text, speaker):
    quotes = nlp(text)._.dw_quotes
    assert [q["speaker"] for q in quotes if q["direct"]] == [speaker]


def test_a_bare_title_speaker_is_the_person_last_named_with_that_title(qnlp) -> None:
    text = ("President Maria Lindqvist met Prime Minister Tomas Berg in Oslo on Monday. "
            "“We settled the fisheries question,” the head of state said. "
            "“It took two years,” the prime minister added. "
            "“Nothing is signed yet,” the minister said.")
    got = [(q["text"], q["speaker"]) for q in quotes(qnlp, text)]
    assert ("We settled the fisheries question", "Maria Lindqvist") in got
    assert ("It took two years", "Tomas Berg") in got
    # no minister was named: the title stays as written
    assert ("Nothing is signed yet", "minister") in got


def test_a_name_the_recogniser_missed_after_a_speaking_title(qnlp) -> None:
    text = '"The visit changed nothing," opposition spokesperson Park Min-jae said on Friday.'
    assert [q["speaker"] for q in quotes(qnlp, text)] == ["Park Min-jae"]


def test_a_clause_after_the_quote_that_opens_with_a_conjunction_is_no_attribution(qnlp) -> None:
    # "while expressing optimism" is a clause of the sentence, not who said the quoted words
    text = ('The two foreign ministers discussed the border "frankly and at length," while expressing '
            'hope that the talks would go on.')
    assert all(q["cue"] != "expressing" for q in quotes(qnlp, text))


def test_a_quote_inside_words_someone_is_said_to_have_used_is_theirs(qnlp) -> None:
    # the author of the remarks / words the quoted phrase belongs to speaks it
    text = ("Chancellor Olaf Brandt's remarks about a “new chapter” in ties were welcomed in Warsaw. "
            "The words of “deep regret” from the ministry came later.")
    got = [(q["text"], q["speaker"]) for q in quotes(qnlp, text)]
    assert ("new chapter", "Olaf Brandt") in got


def test_a_body_named_by_its_kind_is_the_body_of_that_kind_last_named(qnlp) -> None:
    text = ("The talks were called off by the Ministry of Fisheries and Oceans on Tuesday. "
            "“The proposal ignored our coastal communities,” the ministry said.")
    assert [q["speaker"] for q in quotes(qnlp, text)] == ["Ministry of Fisheries and Oceans"]


def test_it_said_is_the_body_that_spoke_just_before(qnlp) -> None:
    # "it" stands for the body named as the speaker of the sentence before, not for a person
    text = ("The Department of Foreign Affairs said on Monday that no inspection deal exists. "
            "“Talk of such a deal is mistaken,” it said in a statement.")
    direct = [q for q in quotes(qnlp, text) if q["direct"]]
    assert [q["speaker"] for q in direct] == ["Department of Foreign Affairs"]


def test_the_spokesperson_is_the_one_named_with_that_title_even_unrecognised(qnlp) -> None:
    text = ('"We were given nothing," opposition spokesperson Park Min-jae said on Friday. '
            '"The government gave everything away," the spokesperson said. "It was a disaster."')
    assert {q["speaker"] for q in quotes(qnlp, text)} == {"Park Min-jae"}


def test_a_name_after_an_office_is_a_person_even_unrecognised(qnlp) -> None:
    # the recogniser may read an unfamiliar name as a product or an organisation; written after
    # an office it is a person, and "Ebdane said" and "he added" later are that person
    text = ("Philippine national security adviser Ricardo Ebdane said the deal excludes inspections.\n\n"
            "Officials in Manila declined to give details on Wednesday.\n\n"
            "Talks with Beijing are expected to continue next month in Manila.\n\n"
            "“The two sides pledged to keep the peace at sea,” Ebdane said.\n\n"
            "“We gave up nothing that weakens our claims,” he added.")
    direct = [q for q in quotes(qnlp, text) if q["direct"]]
    assert [(q["speaker"], q["speaker_actor"]) for q in direct] == [("Ricardo Ebdane", "PHL")] * 2


def test_a_quoted_name_for_a_thing_is_not_the_speakers_words(qnlp) -> None:
    # "so-called", a quoted noun modifying the noun after it and a quoted term in the subject of
    # the reported clause name what the speech is about; the predicate is what the speaker says
    text = ("“The cabinet approved the new export rules today,” Trade Minister Kenji Aoki told journalists, "
            "referring to a so-called “green list.” "
            "President Lula told Albanese that the “fortress economy” mindset, “friend-shoring” or "
            "“onshoring” are forms of protectionism. "
            "Foreign Minister Maria Santos said the accord excludes “joint patrol” missions. "
            "She called the proposal “deeply flawed”.")
    got = [(q["text"], q["speaker"]) for q in direct(quotes(qnlp, text))]
    assert got == [("The cabinet approved the new export rules today", "Kenji Aoki"),
                   ("deeply flawed", "Maria Santos")]


def test_a_quoted_adjective_before_a_noun_is_the_speakers_judgement(qnlp) -> None:
    text = "Foreign Minister Maria Santos described the accord as a “historic” step for both navies."
    q = one(direct(quotes(qnlp, text)), "historic")
    assert q["speaker"] == "Maria Santos"


def test_words_named_as_someones_in_brackets_or_put_out_by_them_are_theirs(qnlp) -> None:
    # "(to borrow X's phrase)" right after the quote names its author; a narrative or slogan an
    # actor promotes or launches is that actor's words
    text = ("Even the “hard questions” (to borrow Lula’s phrase) were settled quietly in Brasilia. "
            "Russia is pushing the narrative that “Ukraine is the aggressor” at the United Nations.")
    got = [(q["text"], q["speaker"], q["speaker_actor"]) for q in direct(quotes(qnlp, text))]
    assert got == [("hard questions", "Luiz Inácio Lula da Silva", "BRA"),
                   ("Ukraine is the aggressor", "Russia", "RUS")]


def test_words_someone_opposes_are_not_theirs(qnlp) -> None:
    # only who puts a narrative out speaks it; rejecting one does not make it yours
    text = "Kenya rejected the narrative that “Africa needs saving” at the summit in Nairobi."
    assert direct(quotes(qnlp, text)) == []


def test_a_slogan_with_a_name_is_not_a_title_and_by_names_its_author(qnlp) -> None:
    # a title leaves only small words in lower case; "the rhetoric of “…” by X" is X's, not the
    # words' own name
    text = ("Relations warmed after the angry rhetoric of “Tsipras yok” by Erdogan in 2017. "
            "The minister later appeared on “Meet the Press” with Erdogan’s aides.")
    got = [(q["text"], q["speaker"]) for q in direct(quotes(qnlp, text))]
    assert got == [("Tsipras yok", "Recep Tayyip Erdogan")]  # as the text spells him


@pytest.mark.parametrize("sentence, words", [
    ("“We will not back down,” Kamikawa continued.", "We will not back down"),
    ("Kamikawa slammed the move as “reckless and dangerous”.", "reckless and dangerous"),
    ("Kamikawa likened the drills to “a rehearsal for invasion”.", "a rehearsal for invasion"),
    ("Kamikawa reaffirmed that Tokyo would “never accept” the change.", "never accept"),
    ("Kamikawa revealed that both sides talked “frankly and openly”.", "frankly and openly"),
    ("Kamikawa pointed out that “the ban hurts both economies”.", "the ban hurts both economies"),
])
def test_more_verbs_of_saying_attribute_the_quote(qnlp, sentence, words) -> None:
    text = "Japanese Foreign Minister Yoko Kamikawa met her Chinese counterpart in Beijing on Monday. " + sentence
    q = one(direct(quotes(qnlp, text)), words)
    assert (q["speaker"], q["speaker_actor"]) == ("Yoko Kamikawa", "JPN")


def test_the_statement_is_the_one_last_mentioned_and_speaks_for_its_authors(qnlp) -> None:
    # "the (joint) statement" with no author named is the statement mentioned last: its authors
    # are whoever put it out, two parties for a joint one
    text = ("Talks between Kenya and Somalia ended in Nairobi on Friday.\n\n"
            "The two governments issued a joint communique on the maritime border.\n\n"
            "The joint statement calls for reopening the border crossings “within three weeks.”\n\n"
            "Ethiopia's foreign ministry issued a statement later that day. The statement said Addis Ababa "
            "“welcomes every step towards calm”.")
    got = [(q["text"], q["speaker"]) for q in direct(quotes(qnlp, text))]
    assert [w for w, _ in got] == ["within three weeks", "welcomes every step towards calm"]
    # the pair in the order last named ("… Somalia ended in Nairobi")
    assert got[0][1] in ("Kenya and Somalia (joint statement)", "Somalia and Kenya (joint statement)")
    assert got[1][1] == "Ethiopia's foreign ministry"


def test_a_short_phrase_given_to_two_speakers_is_the_name_of_a_thing(qnlp) -> None:
    text = ("Kenya's foreign ministry said on Monday that it would reopen the crossing, a day after the two "
            "sides agreed on a “border protocol” for traders.\n\n"
            "But Somalia's foreign ministry said the two sides had agreed on a “border protocol” without dates.\n\n"
            "“We expect the crossing to open within weeks,” Kenya's foreign ministry said.")
    got = [q["text"] for q in direct(quotes(qnlp, text))]
    assert got == ["We expect the crossing to open within weeks"]


def test_one_word_two_speakers_share_stays_theirs(qnlp) -> None:
    text = ("Kenyan President William Ruto called the talks “productive” on Monday. "
            "Somali President Hassan Sheikh Mohamud also described them as “productive”.")
    got = sorted((q["text"], q["speaker"]) for q in direct(quotes(qnlp, text)))
    assert got == [("productive", "Hassan Sheikh Mohamud"), ("productive", "William Ruto")]
