"""The learned stance combination (``StanceModel``), opt-in with ``config={"learned": True}``.

The shipped weights are read back and re-scored on the held-out quarter of the articles they
were trained on (``scripts/data/stance_articles.v1.jsonl``), through the real pipeline; the
articles in this file were written for these tests and are in neither the training articles nor
any gold set.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from spacy.language import Language

from dyadwatch.analyze.stance import (LABELS, StanceModel, article_features, find_stances, stance_features,
                                      stance_model)
from dyadwatch.dictionaries.errors import DictionaryFormatError

from conftest import ROOT
from test_analyze_stance import _build, stances

ARTICLES = ROOT / "scripts" / "data" / "stance_articles.v1.jsonl"

TALKS_NO_DEAL = """Chile and Bolivia hold first talks in a decade but sea dispute blocks a deal

LA PAZ - The foreign ministers of Chile and Bolivia met in La Paz on Monday for their first formal talks in ten years and agreed to cooperate on migration, trade through Chilean ports and the fight against smuggling.

The ministers said the meeting had been held in a cordial atmosphere and that a joint commission would meet every six months.

But the talks failed to produce any agreement on Bolivia's demand for access to the Pacific Ocean, which Chile rejects. Bolivia's minister said his country would never give up its claim, and Chile's minister said the question had been settled by the International Court of Justice in 2018. The two countries still have no ambassadors in each other's capitals.

Diplomats said the meeting showed progress on practical matters while the dispute at the heart of the relationship remained unresolved.
"""

ROUTINE_MEETING = """Norway and Finland leaders confirm steady partnership at routine meeting

HELSINKI - The prime ministers of Norway and Finland met in Helsinki on Thursday for their regular annual talks and said the relationship between their countries remained stable and unchanged.

No new agreements were signed. The leaders reviewed existing cooperation on Arctic research, border crossings and reindeer herding, and said it was working well.

"Our relationship is steady and it continues as before," the Finnish prime minister said. Her Norwegian counterpart said the two countries had "nothing to fix and nothing to change".

Officials said the meeting was a routine part of the calendar of Nordic consultations. The next meeting will be held in Oslo next year, and trade between the two countries has remained at similar levels for several years.
"""

EMBASSY_RAID = """Ecuador expels Mexican ambassador as embassy row escalates

QUITO - Ecuador expelled Mexico's ambassador on Friday, and Mexico responded by breaking off diplomatic relations after Ecuadorean police stormed the Mexican embassy in Quito to arrest a former vice-president who had sought asylum there.

Mexico's president called the raid "a flagrant violation of international law" and said his country would take Ecuador to the International Court of Justice. Mexican diplomats left Quito on Sunday.

Ecuador said the former official was a convicted criminal and that Mexico had abused the right of asylum. Its foreign minister accused Mexico of interfering in Ecuador's internal affairs.

Governments across Latin America condemned the raid. Analysts said relations between the two countries had reached their lowest point in decades.
"""

COPPER_OUTPUT = """Chile and Peru report strong copper output for the year

SANTIAGO - Copper production rose in Chile and Peru last year, the world's two largest producers of the metal, official figures showed on Monday.

Chile's copper commission said output rose 3 percent to 5.4 million tonnes, helped by new mines in the north. Codelco, the state company, reported higher production at two of its divisions.

In Peru, the energy and mines ministry said output rose 2 percent to 2.8 million tonnes, although protests near some mines caused interruptions during the year.

Analysts said high copper prices, driven by demand for electric vehicles and power grids, would encourage more investment in both countries. Mining companies warned that water shortages and permitting delays could slow new projects.
"""


@pytest.fixture(scope="module")
def learned_nlp() -> Language:
    # as in the ingest pipeline, and as the model was trained: lexicon only, no embeddings
    return _build(learned=True, embeddings=False)


def _articles() -> list[dict]:
    return [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_training_articles_are_balanced_and_of_the_stated_length() -> None:
    rows = _articles()
    counts = Counter(r["label"] for r in rows)
    assert len(rows) >= 120 and set(counts) == set(LABELS)
    assert min(counts.values()) >= 30, counts
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(120 <= len(r["text"].split()) <= 300 for r in rows)
    assert len({tuple(sorted(r["dyad"])) for r in rows}) >= 80  # many pairs of states


def test_shipped_model_loads_and_reads_the_components_features(nlp: Language) -> None:
    model = stance_model("en")
    assert isinstance(model, StanceModel)
    assert model.labels == LABELS
    doc = nlp(EMBASSY_RAID)
    features = article_features(doc, ["MEX", "ECU"])
    assert set(model.features) <= set(features)
    probs = model.probabilities(features)
    assert set(probs) == set(LABELS) and abs(sum(probs.values()) - 1.0) < 1e-9
    assert stance_model("xx") is None  # no model for a language: the rules decide


def test_shipped_model_reproduces_its_held_out_score(nlp: Language) -> None:
    """The held-out ids in the model file are every fourth article of each label (the split of
    scripts/train_stance.py), and scoring them again gives the accuracy the file records, which
    is not below the rules' on the same articles (it takes the rules' labels among its features;
    on these short written articles the two are close, and on real coverage the model is behind,
    so it stays opt-in)."""
    model = stance_model("en")
    assert model is not None
    data = json.loads(Path(model.path).read_text(encoding="utf-8"))
    rows = sorted(_articles(), key=lambda r: r["id"])
    seen: Counter[str] = Counter()
    held = []
    for r in rows:
        seen[r["label"]] += 1
        if seen[r["label"]] % 4 == 0:
            held.append(r)
    assert [r["id"] for r in held] == data["heldout"]["ids"]
    assert len(held) >= 0.24 * len(rows)
    right = rules_right = 0
    for r, doc in zip(held, nlp.pipe(r["text"] for r in held)):
        features = article_features(doc, r["dyad"])
        right += model.label(features) == r["label"]
        rules_right += features[f"rules_{r['label']}"] == 1.0
    assert round(right / len(held), 4) == data["heldout"]["accuracy"]
    assert round(rules_right / len(held), 4) == data["heldout"]["rules_accuracy"]
    assert right >= rules_right


@pytest.mark.parametrize("text, dyad, label", [
    (TALKS_NO_DEAL, ["BOL", "CHL"], "mixed"),
    (ROUTINE_MEETING, ["FIN", "NOR"], "stable"),
    (EMBASSY_RAID, ["ECU", "MEX"], "weakening"),
    (COPPER_OUTPUT, ["CHL", "PER"], "none"),
])
def test_learned_stance_of_articles_written_here(learned_nlp: Language, text: str, dyad: list[str],
                                                 label: str) -> None:
    found = stances(learned_nlp, text)
    assert [s["dyad"] for s in found] == [dyad]
    st = found[0]
    assert st["label"] == label
    if label == "none":
        assert st["evidence"] == [] and st["score"] == 0.0
    else:
        assert st["evidence"]
        for start, end in st["evidence"]:
            assert text[start:end].strip() == text[start:end] and end > start
    if label == "weakening":
        assert st["score"] < 0


def test_the_rules_stay_the_default(snlp_default: Language) -> None:
    doc = snlp_default.make_doc(TALKS_NO_DEAL)
    doc._.dw_ref_date = None
    doc = snlp_default(doc)
    assert doc._.dw_stances == find_stances(doc, learned=False)


@pytest.fixture(scope="module")
def snlp_default() -> Language:
    return _build(embeddings=False)


def test_a_broken_model_file_is_named_with_what_to_do() -> None:
    good = {"features": ["balance"], "labels": list(LABELS), "mean": [0.0], "scale": [1.0],
            "weights": [[0.0]] * len(LABELS), "bias": [0.0] * len(LABELS)}
    assert StanceModel.from_json(good, "ok.json").label({"balance": 0.3}) in LABELS
    with pytest.raises(DictionaryFormatError, match=r"bad\.json.*train_stance\.py"):
        StanceModel.from_json({**good, "weights": [[0.0, 1.0]]}, "bad.json")
    with pytest.raises(DictionaryFormatError, match=r"missing\.json.*'bias'"):
        StanceModel.from_json({k: v for k, v in good.items() if k != "bias"}, "missing.json")


def test_features_need_two_different_codes(nlp: Language) -> None:
    doc = nlp(COPPER_OUTPUT)
    with pytest.raises(ValueError, match="CHL"):
        article_features(doc, ["CHL", "CHL"])
    features = stance_features({}, {}, {}, Counter(), assessed=0, report=False, pair_share=0.0,
                               style={"contrast": 0.0, "concession": 0.0, "continuing": 0.0}, rules="none")
    assert features["total"] == 0.0 and features["rules_none"] == 1.0


def test_acts_the_coder_gives_to_the_main_pair_are_not_counted_again(nlp: Language) -> None:
    """"The deal, struck in Beijing over the weekend, …" tells again the agreement the lead reports; its
    parties come from the article's main pair (MAIN_PAIR_CONFIDENCE), and the picture of the pair
    counts the agreement once: the features are the same with or without those events."""
    from dyadwatch.analyze.events import MAIN_PAIR_CONFIDENCE

    text = ("Iran and Saudi Arabia agreed on Friday to restore ties. The deal was brokered by China. China's top "
            "diplomat Wang Yi welcomed the Iranian and Saudi delegations in Beijing. Iran thanked China. "
            "Saudi Arabia and Iran will reopen embassies. The deal, struck in Beijing over the weekend, is a win "
            "for the Chinese.")
    doc = nlp(text)
    inferred = [e for e in doc._.dw_events if e["confidence"] <= MAIN_PAIR_CONFIDENCE]
    assert {(e["source"], e["target"], e["type"]) for e in inferred} == {("IRN", "SAU", "AGREE"),
                                                                        ("SAU", "IRN", "AGREE")}
    with_them = article_features(doc, ["IRN", "SAU"])
    doc._.dw_events = [e for e in doc._.dw_events if e not in inferred]
    assert article_features(doc, ["IRN", "SAU"]) == with_them
    # an act whose parties the sentence names does count
    doc._.dw_events = [e for e in doc._.dw_events if e["trigger"] != "reopen"]
    assert article_features(doc, ["IRN", "SAU"]) != with_them
