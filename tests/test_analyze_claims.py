"""Claims: checkable sentences with a stable id, speaker, polarity and normalised form."""

from __future__ import annotations

import json
from pathlib import Path

from dyadwatch import Store, ingest_sources

ARTICLE = """Seoul and Tokyo are closer than at any time in a decade

By Min-ji Park

Japan and South Korea signed an intelligence-sharing agreement on Monday, officials in both capitals said.
Bilateral trade between Japan and South Korea rose to $85 billion in 2023, according to customs data.
The rapprochement between Seoul and Tokyo is real, and the partnership has clearly deepened since 2023.
Critics in Seoul have not accepted that Japan has done enough on wartime history.
The weather in Busan was mild on Monday.
"Japan is not a partner we can fully trust," said Lee Jae-won, a lawmaker in Seoul.
"""


def test_claims_are_stable_attributed_and_normalised(tmp_path: Path, nlp) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    with Store(tmp_path / "x.db") as store:
        ingest_sources(store, [str(tmp_path)], nlp=nlp)
        [doc_id] = store.document_ids()
        first = store.analysis(doc_id).claims
        rows = store.execute("SELECT id, normalized FROM claims ORDER BY start")
    assert 3 <= len(first) <= 8
    sentences = [c.sentence for c in first]
    assert not any("weather" in s for s in sentences)
    trade = next(c for c in first if "$85 billion" in c.sentence)
    assert trade.id == f"{doc_id}:{trade.start}"
    assert set(trade.actors) >= {"JPN", "KOR"}
    norm = json.loads(next(r["normalized"] for r in rows if r["id"] == trade.id))
    assert [85e9, "USD"] in [f[:2] for f in norm["figures"]]
    assessment = next(c for c in first if "rapprochement" in c.sentence)
    assert assessment.polarity == 1
    # every candidate, not only the best few: polarity and speakers
    from dyadwatch.analyze.claims import find_claims

    doc = nlp.make_doc(ARTICLE)
    doc._.dw_ref_date = None
    doc = nlp(doc)
    every = find_claims(doc, max_claims=20, min_claims=20)
    text_of = {ARTICLE[c["start"]:c["end"]]: c for c in every}
    negative = [c for t, c in text_of.items() if "not accepted" in t or "not a partner" in t]
    assert negative and all(c["polarity"] == -1 for c in negative)
    quoted = [c for t, c in text_of.items() if "fully trust" in t]
    assert quoted and quoted[0]["speaker"] and "Lee" in quoted[0]["speaker"]
    assert all(c["polarity"] == 1 for t, c in text_of.items() if "rapprochement" in t)
    # re-analysing the same text gives the same claim ids
    with Store(tmp_path / "y.db") as store:
        ingest_sources(store, [str(tmp_path)], nlp=nlp)
        assert [c.id for c in store.analysis(doc_id).claims] == [c.id for c in first]


def test_claims_sentences_are_scored_once_per_doc_and_again_when_its_findings_change(nlp) -> None:
    """The claims component scores every sentence; the stance sentences asked for when the
    analysis is converted (``claims_for_spans``) come from that scoring, not a second one, and
    are what scoring the Doc afresh gives. A Doc whose mentions are replaced is scored again."""
    from dyadwatch.analyze import claims as C

    doc = nlp(ARTICLE)
    kept = C._SCORED.get(doc)
    assert kept is not None and kept[1], "the claims component scored no sentence"
    every = C.claims_for_spans(doc, [(0, len(ARTICLE))])
    assert C._SCORED.get(doc) is kept  # reused
    fresh, n_sentences = C._score_sentences(doc, C.english_words())
    assert (fresh, n_sentences) == (kept[1], kept[2])
    assert {c["start"] for c in every} >= {c["start"] for c in doc._.dw_claims}
    assert any("rapprochement" in ARTICLE[c["start"]:c["end"]] for c in every)

    doc._.dw_mentions = []  # no actors: no sentence can be a claim
    assert C.claims_for_spans(doc, [(0, len(ARTICLE))]) == [] and C.find_claims(doc) == []
    assert C._SCORED.get(doc) is not kept
