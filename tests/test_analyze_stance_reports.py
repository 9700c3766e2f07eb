"""Stance of straight news reports: routine renewals, two-sided headlines, stopped trade.

GUIDE.md (Conventions) gives a news report the stance of the picture it reports. Three kinds of
report went wrong by the same few errors: a renewal or a regular meeting read as a step closer
(the acts counted as new cooperation, what officials said of a steady tie as someone else's
view), a headline that turns on "but" read by its agreement alone, and a suspension of trade
read as trade (the event coder codes "imports" as cooperation). The articles here were written
for these tests; they are in no gold set and not in the stance model's training articles. They
run through the real pipeline (lexicon only, as in the ingest pipeline).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.analyze.stance import find_stances

from test_analyze_stance import _build, check_shape, only

RENEWAL = """Portugal and Spain renew water-sharing convention without changes

LISBON - Portugal and Spain renewed their convention on the shared rivers of the Iberian peninsula on Tuesday for another ten years, keeping its terms unchanged, the two governments said.

The environment ministers of both countries signed the renewal in Lisbon at their regular annual meeting. Officials said relations between the two neighbours remained stable and that the existing arrangements on river flows had worked well through two dry summers.

No new agreements were announced. The next review of the convention is due in 2034.
"""

TWO_SIDED = """Kenya and Tanzania sign energy deal, but border trade row flares again

NAIROBI - Kenya and Tanzania signed an agreement on Wednesday to build a power line linking their grids, the two governments said, but the visit by Tanzania's president was overshadowed by a renewed dispute over trucks held at the Namanga border crossing.

Kenyan officials said Tanzanian authorities had blocked hundreds of lorries for a week, and Kenya's trade minister accused Tanzania of breaking regional trade rules. Tanzania rejected the accusation.

The two presidents said the power line would be finished within three years.
"""

SUSPENSION = """Ghana suspends all imports from Togo as border row escalates

ACCRA - Ghana suspended all imports from Togo on Monday, the trade ministry said, after Togolese police detained twelve Ghanaian traders at the Aflao crossing.

Ghana's foreign minister summoned Togo's ambassador and demanded the release of the traders. Togo accused Ghana of smuggling fuel across the border and closed two crossing points.

Trucks were stranded on both sides of the border on Monday evening.
"""


@pytest.fixture(scope="module")
def snlp() -> Language:
    return _build(embeddings=False)


def _trace(nlp: Language, text: str) -> dict:
    doc = nlp(text)
    trace: list[dict] = []
    find_stances(doc, trace=trace)
    return next(t for t in trace if "masses" in t)


def test_a_routine_renewal_is_stable(snlp: Language) -> None:
    st = only(snlp, RENEWAL)
    check_shape(RENEWAL, st)
    assert st["dyad"] == ["ESP", "PRT"]
    assert st["label"] == "stable"
    # the renewed convention and the regular meeting are the tie holding, not a step closer
    picture = _trace(snlp, RENEWAL)
    assert picture["events"]["persist"] > picture["events"]["closer"]
    assert any("remained stable" in RENEWAL[a:b] for a, b in st["evidence"])


def test_a_headline_that_turns_on_but_is_mixed(snlp: Language) -> None:
    st = only(snlp, TWO_SIDED)
    check_shape(TWO_SIDED, st)
    assert st["dyad"] == ["KEN", "TZA"]
    assert st["label"] == "mixed"
    sentences = [TWO_SIDED[a:b] for a, b in st["evidence"]]
    assert any("agreement" in s for s in sentences) and any("accused" in s or "row" in s for s in sentences)


def test_a_suspension_of_imports_is_weakening(snlp: Language) -> None:
    st = only(snlp, SUSPENSION)
    check_shape(SUSPENSION, st)
    assert st["dyad"] == ["GHA", "TGO"]
    assert st["label"] == "weakening"


BAN = """Ghana and Togo: new step on imports

ACCRA - Ghana {verb} its ban on imports from Togo on Monday, the trade ministry said.

Officials in both countries said talks on the border crossings would continue next month.
"""


def test_imports_under_a_ban_point_apart_and_imports_freed_from_it_closer(snlp: Language) -> None:
    # the event coder codes "imports" as cooperation in both; the ban governs them in the first
    banned = _trace(snlp, BAN.format(verb="reinstated"))
    assert banned["events"]["closer"] == 0.0 and banned["events"]["apart"] > 0.0
    assert banned["label"] == "weakening"
    lifted = _trace(snlp, BAN.format(verb="lifted"))
    assert lifted["events"]["closer"] > 0.0 and lifted["events"]["apart"] == 0.0
    assert lifted["label"] == "strengthening"


PORT_DEAL = """Uruguay and Paraguay sign river port deal{turn} fishing row lingers

MONTEVIDEO - Uruguay and Paraguay signed an agreement on Friday to expand the river port at Nueva Palmira and to share its customs checks, the two foreign ministries said. The presidents of both countries attended the signing and promised to cooperate on river dredging.

Fishing crews from both countries have clashed on the Uruguay river for months, and Paraguayan officials again accused Uruguayan patrol boats of harassing their boats.

The port works are due to start next year.
"""


def test_a_headline_turning_on_but_makes_a_smaller_second_side_mixed(snlp: Language) -> None:
    # the same article: the headline that turns on "but" states a two-sided picture, so the
    # weaker direction (the clashes) need not be as heavy as the deal to make it mixed
    turned = _trace(snlp, PORT_DEAL.format(turn=", but"))
    plain = _trace(snlp, PORT_DEAL.format(turn=" as"))
    assert turned["masses"] == plain["masses"]
    assert turned["two_sided"] and not plain["two_sided"]
    assert turned["label"] == "mixed"
    assert plain["label"] == "strengthening"
