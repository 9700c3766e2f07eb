"""Stance: the language of diplomatic climate, negation through a completed verb, and the
headline the ingest found.

Real coverage of meetings and talks rarely says "ties deepen"; it says the talks were cordial
and constructive, that the ministers traded barbs, that the negotiations reached an impasse or
that the two sides agreed to resolve a dispute. The articles and sentences here were written for
these tests (they are in no gold set and not in the training articles of the stance model).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.analyze.pipeline import analyze_documents, load_pipeline
from dyadwatch.analyze.stance import article_features, find_stances, sentence_direction
from dyadwatch.ingest.documents import build_document
from dyadwatch.records import RawDocument

from test_analyze_stance import _build, check_shape, only


@pytest.fixture(scope="module")
def snlp() -> Language:
    return _build(embeddings=False)


@pytest.mark.parametrize("sentence, sign", [
    ("The talks were held in a cordial and constructive atmosphere.", 1),
    ("Both delegations spoke of goodwill and of a new chapter between the two countries.", 1),
    ("The two governments agreed to resolve their long-running border dispute.", 1),
    ("The foreign ministers traded barbs over the islands for a third day.", -1),
    ("The negotiations over the dam have reached an impasse.", -1),
    ("Opposition leaders denounced the deal.", -1),
    ("The meeting ended without acrimony.", 1),
    ("Both sides want to stabilise the relationship and keep the lines of communication open.", 1),
    ("No breakthrough was reached.", -1),
    ("The pundits' hollow bluster impressed nobody.", 0),
    ("The talks ended in acrimony.", -1),
    ("The two sides ended their feud.", 1),
    ("The reforms were business-friendly.", 0),
    ("The rift between the two deepened.", -1),
    ("They deepened their ties.", 1),
    ("They deepened their cooperation despite tensions.", 1),
])
def test_sentence_direction_reads_the_climate_of_talks(sentence: str, sign: int) -> None:
    d = sentence_direction(sentence)
    if sign == 0:
        assert d == 0.0, d
    else:
        assert d * sign >= 0.4, d


CORDIAL_SUMMIT = """Peru and Ecuador leaders hold talks in Lima

LIMA - The presidents of Peru and Ecuador met in Lima on Tuesday, their first meeting in two years.

Officials from both delegations described the atmosphere as cordial and constructive, and diplomats in both capitals greeted the outcome with optimism. Observers spoke of a new chapter between the two neighbours after years of friction over migration and border crossings.

Fishing rights off the coast, which traditionally cause disagreements, were discussed at length.

The two presidents will meet again in Quito next spring.
"""


def test_a_cordial_meeting_with_an_old_disagreement_is_strengthening(snlp: Language) -> None:
    st = only(snlp, CORDIAL_SUMMIT)
    check_shape(CORDIAL_SUMMIT, st)
    assert st["dyad"] == ["ECU", "PER"]
    assert st["label"] == "strengthening" and st["score"] > 0


def test_a_verb_completing_a_negated_verb_is_negated(snlp: Language) -> None:
    """'we do not have to behave like enemies' denies enmity: it is no evidence of a rift."""
    text = ("Chile and Argentina held talks in Santiago on Monday. Chile and Argentina are not "
            "allies, but they do not have to behave like enemies.")
    doc = snlp(text)
    trace: list[dict] = []
    find_stances(doc, trace=trace)
    cues = [c for t in trace if "cues" in t for c in t["cues"] if c[0] == "enemies"]
    assert cues and all(c[1] != "apart" and c[3] for c in cues), cues


@pytest.mark.parametrize("sentence, kept, dropped", [
    ("Tensions between the East Asian neighbours China and Japan deepened.", "tensions", "deepened"),
    ("Mistrust between China and Japan has intensified since the summer.", "mistrust", "intensified"),
    ("China and Japan deepened their ties.", "deepened", None),
    ("China and Japan deepened military drills near the disputed islands.", "deepened", None),
])
def test_an_amplifier_takes_the_direction_of_what_it_amplifies(snlp: Language, sentence: str, kept: str,
                                                                dropped: str | None) -> None:
    """'deepened' says how much, not which way, when its subject or object is a cue of the
    other direction; the parse tells its subject from a word that only stands near it."""
    trace: list[dict] = []
    find_stances(snlp(sentence), trace=trace)
    cues = {c[0]: c for t in trace if "cues" in t for c in t["cues"]}
    assert kept in cues
    if dropped:
        assert dropped not in cues and cues[kept][1] == "apart" and cues[kept][2] > 0.8, cues
    else:
        assert cues[kept][1] == "closer", cues


PAGE = """Home
World
Subscribe
Peru and Ecuador sign border and trade deal as Lima summit opens 'a new era between our peoples'
LIMA - The presidents of Peru and Ecuador signed a border and trade agreement on Tuesday at a summit in Lima.

The agreement opens two new border crossings and cuts tariffs on farm goods. Ecuador's president said the deal would be ratified by his congress next month.

Peru's foreign ministry said the two governments would meet again in Quito in the spring.
"""


def test_the_headline_the_ingest_found_weighs_as_the_headline() -> None:
    """The headline sits under page menus and ends in a quotation mark, which the short-line
    test does not take for a headline; the ingest's metadata finds it, and the stance component
    weighs it as the headline (its signed agreement is the first evidence)."""
    nlp = load_pipeline()
    document = build_document(RawDocument(source="page.txt", text=PAGE))
    assert document.title and document.title.startswith("Peru and Ecuador sign")
    (analysis,) = analyze_documents(nlp, [document])
    (stance,) = [s for s in analysis.stances if sorted(s.dyad) == ["ECU", "PER"]]
    assert stance.label == "strengthening"
    first = stance.evidence[0]
    assert PAGE[first[0]:first[1]].startswith("Peru and Ecuador sign")
    # the headline's act counts as a headline's (x2), not as the lead's (x1.5) as it does when
    # the short-line test takes the menus for the headline
    def lead_closer(title: str | None) -> float:
        doc = nlp.make_doc(PAGE)
        doc._.dw_title = title
        return article_features(nlp(doc), ["ECU", "PER"])["lead_closer"]

    assert lead_closer(document.title) > lead_closer(None) > 0
