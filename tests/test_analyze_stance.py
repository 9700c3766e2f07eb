"""Stance: the author's own assessment of the relationship an article is about.

The articles below were written for these tests (they are not the seed articles); the last test
runs the real pipeline over the seeds and compares with the hand-made gold.
"""

from __future__ import annotations

import importlib
import json

import pytest
import spacy
from spacy.language import Language

import dyadwatch.analyze.stance  # noqa: F401  (registers the factory)
from dyadwatch.analyze.pipeline import COMPONENTS, model_name
from dyadwatch.analyze.stance import LABELS, choose_dyads, sentence_direction

from conftest import GOLD, SEEDS

STRENGTHENING = """Poland and South Korea have built a partnership nobody predicted

By Marta Kowalczyk

When Warsaw signed its first large arms contract with Seoul in 2022, many in Europe assumed it was a one-off purchase made in a hurry. It was not. The relationship between Poland and South Korea has grown steadily closer since then, and it now rests on far more than tanks and howitzers.

Korean firms are building factories in Poland, Polish engineers train in Changwon, and the two governments have agreed to produce weapons together for European buyers. Each side needs the other: Poland wants fast deliveries, South Korea wants a foothold in the European market.

This is a genuine strategic alignment. Warsaw and Seoul share a clear view of the threats they face, and their cooperation keeps expanding into energy, nuclear power and infrastructure. The ties between the two countries will deepen further in the years ahead.

Marta Kowalczyk is a defence analyst in Warsaw.
"""

WEAKENING = """Armenia is quietly walking away from Russia

By David Kerr

Yerevan still calls Moscow an ally, but the relationship between Armenia and Russia is deteriorating, and it is doing so faster than either government admits. Armenia has frozen its participation in the Russian-led security bloc, skipped summits and begun buying weapons from France and India.

The reasons are not hard to find. Armenians watched Russian peacekeepers stand aside in 2023, and trust in Moscow collapsed. Armenia no longer believes Russia will protect it, and it is hedging accordingly, courting Brussels and Washington.

Moscow, for its part, has grown suspicious of a government it sees as drifting westward. The rift is now visible in trade, in security and in public opinion. Armenia and Russia are drifting apart, and the break may prove lasting.

David Kerr writes about the South Caucasus.
"""

WEAKENING_WITH_PRAISE = """Serbia and Russia are no longer as close as their leaders pretend

By Nikola Petrovic

Serbian and Russian officials never tire of praising each other. "Our friendship is eternal and unbreakable, and our ties have never been stronger or closer," Serbia's president said in Moscow last year, and Russia's foreign minister called Belgrade "our most reliable friend and ally in Europe". At a forum in June, a Russian envoy said relations were "deepening every day" and that the two nations "stand together as brothers". Serbian ministers insist that cooperation with Moscow is flourishing and that the partnership has never been stronger.

The reality is different. Belgrade has quietly distanced itself from Moscow since 2022. Serbian ammunition has reached Ukraine through third countries, Serbia has voted against Russia at the United Nations, and it buys more of its gas and weapons from elsewhere every year.

Moscow has noticed. Russian commentators now describe Serbia as unreliable, and the Kremlin has grown cooler towards a partner it once took for granted. Trust between the two governments is eroding, and the gap between their warm words and their actual policies keeps widening.

Serbia and Russia are drifting apart, whatever their officials say in public.
"""

STABLE = """The US-Japan alliance will survive the tariff fight

By Kenji Watanabe

Washington's tariffs on Japanese cars have caused real anger in Tokyo, and some commentators now predict a crisis in the alliance between Japan and the United States. They are mistaken.

Despite the trade dispute, the two countries remain firmly committed to each other. American troops are still based in Okinawa, joint exercises continue on schedule, and Japan is spending more on its own defence in close coordination with the Pentagon.

The alliance has weathered worse storms, from the trade wars of the 1980s to the Futenma base dispute. It is not growing closer, but it is not weakening either. Both governments know that the security relationship is too important to sacrifice over car exports, and there is no sign that Tokyo is distancing itself from Washington.

Kenji Watanabe is a professor of international relations.
"""

MIXED = """Turkey and Russia: partners in trade, rivals in war

By Elif Demir

Few relationships are as hard to describe as the one between Turkey and Russia. On energy and trade, Ankara and Moscow have drawn closer than at any time since the Cold War: Russian gas flows through TurkStream, Rosatom is building Turkey's first nuclear plant, and Turkish exporters have filled shelves that Western firms left empty.

Yet on the battlefield the two are rivals. Turkey sold drones to Ukraine, backed Azerbaijan against Russia's ally Armenia, and supports rebels in Syria whom Moscow has bombed for years. Mistrust runs deep in both capitals, and their interests clash across the Black Sea and the Caucasus.

The result is a relationship that is deepening in some areas and fraying in others. Ankara and Moscow cooperate where it pays and compete where it matters.

Elif Demir writes about Turkish foreign policy.
"""

NEWS = """Brazil and Argentina sign energy and trade agreements at Buenos Aires meeting

BUENOS AIRES, May 14 (Illustrative Wire) - The presidents of Brazil and Argentina met in Buenos Aires on Tuesday and signed agreements on gas supplies, border crossings and scientific research, officials from both countries said.

Under the deals, Argentina will send natural gas from the Vaca Muerta field to Brazil through an existing pipeline, and the two governments will simplify customs checks at three border crossings, according to a joint statement.

"Brazil and Argentina are brothers, and today we have taken another step together," Brazil's president told reporters after the talks. Argentina's foreign minister said the two countries wanted to strengthen cooperation in energy and would meet again in August.

Trade between the two countries was about $28 billion last year, according to official data. The Brazilian delegation is due to fly to Montevideo on Wednesday.
"""


def _build(**stance_config) -> Language:
    """A fresh pipeline (``load_pipeline`` is cached and must not be mutated) with the stance
    component after actors, events, quotes and claims."""
    nlp = spacy.load(model_name())
    for component, module, where in COMPONENTS:
        if component == "dyadwatch_stance":
            continue  # added below with this test's config
        importlib.import_module(module)
        before = where.get("before")
        if before and before in nlp.pipe_names:
            nlp.add_pipe(component, before=before)
        else:
            nlp.add_pipe(component)
    nlp.add_pipe("dyadwatch_stance", config=stance_config)
    return nlp


@pytest.fixture(scope="module")
def snlp() -> Language:
    return _build()


def stances(nlp: Language, text: str) -> list[dict]:
    doc = nlp.make_doc(text)
    doc._.dw_ref_date = None
    return nlp(doc)._.dw_stances


def only(nlp: Language, text: str) -> dict:
    found = stances(nlp, text)
    assert len(found) == 1, found
    return found[0]


def check_shape(text: str, st: dict) -> None:
    assert set(st) == {"dyad", "label", "score", "evidence"}
    assert st["dyad"] == sorted(st["dyad"]) and len(set(st["dyad"])) == 2
    assert st["label"] in LABELS
    assert isinstance(st["score"], float) and -1.0 <= st["score"] <= 1.0
    assert len(st["evidence"]) <= 5
    for start, end in st["evidence"]:
        sentence = text[start:end]
        assert sentence and sentence == sentence.strip()


def test_strengthening_op_ed(snlp: Language) -> None:
    st = only(snlp, STRENGTHENING)
    check_shape(STRENGTHENING, st)
    assert st["dyad"] == ["KOR", "POL"]
    assert st["label"] == "strengthening"
    assert st["score"] > 0.3
    assert 3 <= len(st["evidence"]) <= 5
    sentences = [STRENGTHENING[a:b] for a, b in st["evidence"]]
    assert any("grown steadily closer" in s for s in sentences)


def test_weakening_op_ed(snlp: Language) -> None:
    st = only(snlp, WEAKENING)
    check_shape(WEAKENING, st)
    assert st["dyad"] == ["ARM", "RUS"]
    assert st["label"] == "weakening"
    assert st["score"] < -0.3
    sentences = [WEAKENING[a:b] for a, b in st["evidence"]]
    assert any("drifting apart" in s for s in sentences)


def test_quoted_praise_does_not_flip_a_weakening_op_ed(snlp: Language) -> None:
    st = only(snlp, WEAKENING_WITH_PRAISE)
    check_shape(WEAKENING_WITH_PRAISE, st)
    assert st["dyad"] == ["RUS", "SRB"]
    assert st["label"] == "weakening"
    assert st["score"] < -0.3
    sentences = [WEAKENING_WITH_PRAISE[a:b] for a, b in st["evidence"]]
    assert not any("“" in s or '"' in s or "insist" in s for s in sentences)
    # the officials' paragraph alone is a report of the two praising each other: it portrays
    # them close (GUIDE.md, Conventions), and quoted words are never its evidence
    praise_only = WEAKENING_WITH_PRAISE.split("\n\n")[0] + "\n\n" + WEAKENING_WITH_PRAISE.split("\n\n")[2]
    praise = only(snlp, praise_only)
    assert praise["label"] == "strengthening"
    assert not any("“" in praise_only[a:b] or '"' in praise_only[a:b] for a, b in praise["evidence"])


def test_stable_despite_frictions(snlp: Language) -> None:
    st = only(snlp, STABLE)
    check_shape(STABLE, st)
    assert st["dyad"] == ["JPN", "USA"]
    assert st["label"] == "stable"
    sentences = [STABLE[a:b] for a, b in st["evidence"]]
    assert any("no sign that Tokyo is distancing" in s for s in sentences)


def test_mixed_assessment(snlp: Language) -> None:
    st = only(snlp, MIXED)
    check_shape(MIXED, st)
    assert st["dyad"] == ["RUS", "TUR"]
    assert st["label"] == "mixed"
    assert abs(st["score"]) < 0.4
    sentences = [MIXED[a:b] for a, b in st["evidence"]]
    assert any("closer" in s for s in sentences) and any("Mistrust" in s or "fraying" in s for s in sentences)


def test_straight_news_report_takes_the_picture_of_what_it_reports(snlp: Language) -> None:
    # GUIDE.md, Conventions: a news report of a summit with agreements is strengthening, and the
    # headline and lead carry the picture
    st = only(snlp, NEWS)
    check_shape(NEWS, st)
    assert st["dyad"] == ["ARG", "BRA"]
    assert st["label"] == "strengthening"
    assert st["score"] > 0
    sentences = [NEWS[a:b] for a, b in st["evidence"]]
    assert sentences and sentences[0].startswith(("Brazil and Argentina sign", "BUENOS AIRES"))


def test_a_news_report_of_an_attack_is_weakening(snlp: Language) -> None:
    text = ("Armenia accuses Azerbaijan of shelling border villages\n\n"
            "YEREVAN, Sept 12 (Illustrative Wire) - Azerbaijani forces shelled three Armenian border villages "
            "on Tuesday, killing two soldiers, Armenia's defence ministry said.\n\n"
            "Armenia accused Azerbaijan of an unprovoked attack and called on its allies to respond.\n")
    st = only(snlp, text)
    assert st["dyad"] == ["ARM", "AZE"]
    assert st["label"] == "weakening"


def test_a_report_of_talks_without_a_deal_is_mixed(snlp: Language) -> None:
    text = ("Turkey and Greece hold talks but fail to agree on maritime borders\n\n"
            "ATHENS, March 3 (Illustrative Wire) - Turkey and Greece held talks in Athens on Monday and agreed "
            "to expand trade, but the two sides failed to agree on maritime borders and traded accusations "
            "over airspace violations.\n\n"
            "Greece accused Turkey of violating its airspace 40 times last month. Turkey rejected the "
            "accusation and accused Greece of militarising islands in the Aegean.\n")
    st = only(snlp, text)
    assert st["dyad"] == ["GRC", "TUR"]
    assert st["label"] == "mixed"


def test_lexicon_only_mode_agrees_on_clear_cases() -> None:
    nlp = _build(embeddings=False)
    assert only(nlp, STRENGTHENING)["label"] == "strengthening"
    assert only(nlp, WEAKENING_WITH_PRAISE)["label"] == "weakening"
    assert only(nlp, NEWS)["label"] == "strengthening"


def test_runs_without_quotes_component_and_on_empty_docs() -> None:
    nlp = spacy.load(model_name())
    for component, module, where in COMPONENTS:
        if component in ("dyadwatch_quotes", "dyadwatch_figures", "dyadwatch_stance"):
            continue
        importlib.import_module(module)
        before = where.get("before")
        nlp.add_pipe(component, before=before) if before else nlp.add_pipe(component)
    nlp.add_pipe("dyadwatch_stance", config={"embeddings": False})
    doc = nlp(WEAKENING)
    assert doc._.dw_quotes is None
    assert doc._.dw_stances[0]["label"] == "weakening"
    assert nlp("")._.dw_stances == []
    assert nlp("The weather was mild in Lisbon on Monday.")._.dw_stances == []


@pytest.mark.parametrize("sentence, sign", [
    ("Beijing is quietly recalculating its ties with Moscow.", -1),
    ("There is little evidence that Ankara is distancing itself from Baku.", 1),
    ("Hanoi is distancing itself from Moscow.", -1),
    ("Talk of a rift between Cairo and Riyadh is overblown.", 1),
    ("Despite their quarrels, Paris and Berlin remain tied together.", 1),
    ("Neither side is willing to commit to the other.", -1),
    ("The partnership has shown remarkable resilience.", 1),
    ("The two countries have never been closer.", 1),
    ("India is reducing its dependence on Russian arms.", -1),
    ("The two governments are deepening their cooperation.", 1),
    ('Officials call it a "no limits" partnership.', 0),
    ("The source said the meeting took place in Geneva.", 0),
])
def test_sentence_direction_handles_negation_and_scope(sentence: str, sign: int) -> None:
    d = sentence_direction(sentence)
    assert -1.0 <= d <= 1.0
    if sign == 0:
        assert d == 0.0
    else:
        assert d * sign >= 0.5, d


def test_dyads_most_co_mentioned_pair_and_a_second_only_when_central(snlp: Language) -> None:
    text = ("China and Russia deepened their partnership. Russia and China held drills. "
            "The United States watched China closely. Beijing and Moscow signed a deal. "
            "Moscow praised Beijing.")
    doc = snlp(text)
    assert [s["dyad"] for s in doc._.dw_stances] == [["CHN", "RUS"]]
    two = ("China and Russia deepened their partnership. Russia and China held drills. "
           "Beijing and Moscow signed a deal. Washington and Beijing are drifting apart. "
           "The United States and China clashed over chips. Beijing and Washington traded sanctions. "
           "China and America are rivals.")
    doc = snlp(two)
    assert sorted(tuple(s["dyad"]) for s in doc._.dw_stances) == [("CHN", "RUS"), ("CHN", "USA")]
    assert choose_dyads([], [], max_dyads=2) == []


def test_seed_articles_match_gold_stance_for_at_least_two_of_three(snlp: Language) -> None:
    if not SEEDS.is_dir() or not GOLD.is_dir():
        pytest.skip(f"{SEEDS} or {GOLD} not found: the shared kit must sit beside the checkout")
    golds = [json.loads(p.read_text()) for p in sorted(GOLD.glob("d0*.json"))]
    seeds = sorted(SEEDS.glob("*.txt"))
    assert len(golds) == 3 and len(seeds) == 3
    hits, seen = 0, []
    for gold in golds:
        seed = next(p for p in seeds if p.read_text() == gold["text"])
        found = stances(snlp, seed.read_text())
        st = next((s for s in found if set(s["dyad"]) == set(gold["dyad"])), None)
        label = st["label"] if st else None
        seen.append((gold["id"], gold["stance"], label))
        hits += label == gold["stance"]
    assert hits >= 2, seen
