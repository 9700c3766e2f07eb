"""Stance cue words read in a sense that is not about the relationship.

Three cue words were read in another sense in news reports of three different pairs: a
company ("not a single Japanese firm has joined the fund") counted as a firm tie turned apart
by the negation, a word of a name ("United Arab Emirates", "the Persian Gulf") as an
assessment, and "escalate" with trade as its object ("plans to escalate bilateral commerce")
as a conflict. Besides, "a step closer to confrontation" counted as a step closer. The
articles here were written for these tests; they are in no gold set and not in the stance
model's training articles. They run through the real pipeline (lexicon only, as in the ingest
pipeline).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.analyze.stance import find_stances, sentence_direction

from test_analyze_stance import _build, check_shape, only

#: a summit with agreements, the opposition's reading of it and a company that stayed out
SUMMIT = """Opposition slams Boric-Boluarte summit as 'a giveaway to Lima'

SANTIAGO - Chile's main opposition party attacked President Gabriel Boric on Friday for his summit with Peruvian President Dina Boluarte, calling the talks "a surrender dressed up as diplomacy."

During the summit in Lima, the two presidents agreed to open a new border crossing and to set up a joint fund for the Atacama region.

The party's spokesman said not a single Peruvian firm has joined the fund so far.

The two governments said their ministers would meet again in June.
"""

#: a name holding cue words ("United", "Gulf") in a report of a deal
NAMES = """Qatar and Oman sign shipping pact

DOHA, Qatar -- Qatar and Oman signed an agreement on Sunday to run a joint ferry line across the Persian Gulf, the two governments said.

The United Nations welcomed the deal. Ministers from the United Arab Emirates attended the ceremony.
"""

#: a plan to raise trade, and a dispute that grows
COMMERCE = """Kenya and Uganda set trade target

NAIROBI - Kenya's President William Ruto unveiled plans on Tuesday to escalate bilateral commerce with Uganda from $1 billion to $2 billion by 2028, after talks with Ugandan President Yoweri Museveni.

The two leaders agreed to cut the waiting time for lorries at the Malaba border post.
"""


@pytest.fixture(scope="module")
def snlp() -> Language:
    return _build(embeddings=False)


def _cues(nlp: Language, text: str) -> list[tuple[str, str]]:
    """(cue text, kind) of every cue the weighing counted, for the article's main pair."""
    doc = nlp(text)
    trace: list[dict] = []
    find_stances(doc, trace=trace)
    return [(c[0], c[1]) for t in trace if "cues" in t for c in t["cues"]]


def test_a_company_is_no_firm_tie(snlp: Language) -> None:
    # "not a single Peruvian firm": a company, which the negation turned into a point apart
    assert not any(text == "firm" for text, _ in _cues(snlp, SUMMIT))
    st = only(snlp, SUMMIT)
    check_shape(SUMMIT, st)
    assert st["dyad"] == ["CHL", "PER"]
    assert not any("firm" in SUMMIT[a:b] for a, b in st["evidence"])
    # the adjective is still a cue of the tie holding
    friendly = SUMMIT.replace("The two governments said", "The two governments, in a firm friendship since 1990, said")
    assert ("firm", "persist") in _cues(snlp, friendly)


def test_firm_as_an_adjective_still_says_the_tie_holds() -> None:
    # the lexicon side (no parse) keeps the word; with a parse only the noun is dropped
    assert sentence_direction("The two governments remain firm partners despite the quarrel.") > 0


def test_words_of_a_name_are_no_assessment(snlp: Language) -> None:
    cues = _cues(snlp, NAMES)
    assert ("united", "closer") not in cues and not any(text == "gulf" for text, _ in cues)
    st = only(snlp, NAMES)
    check_shape(NAMES, st)
    assert st["dyad"] == ["OMN", "QAT"]
    assert st["label"] == "strengthening"


def test_escalating_trade_is_more_trade(snlp: Language) -> None:
    cues = _cues(snlp, COMMERCE)
    assert ("escalate", "closer") in cues and ("escalate", "apart") not in cues
    st = only(snlp, COMMERCE)
    assert st["dyad"] == ["KEN", "UGA"]
    assert st["label"] == "strengthening"
    # an escalation whose object is a dispute still points apart
    disputes = _cues(snlp, COMMERCE.replace("escalate bilateral commerce with Uganda from $1 billion to $2 billion by 2028",
                                            "escalate the dispute with Uganda over sugar tariffs"))
    assert not any(text == "escalate" and kind == "closer" for text, kind in disputes)


@pytest.mark.parametrize("sentence, sign", [
    ("Every month brings the two governments a step closer to confrontation.", -1),
    ("Each new incident moves the two navies closer to a collision at sea.", -1),
    ("The two governments are drawing closer to each other.", 1),
])
def test_closer_to_confrontation_points_apart(sentence: str, sign: int) -> None:
    assert sentence_direction(sentence) * sign > 0
