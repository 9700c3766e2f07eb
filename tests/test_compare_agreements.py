"""Agreement between articles: two sources telling the same point in other words, on articles of
our own, through the real pipeline and a real SQLite store."""

from __future__ import annotations

from pathlib import Path

from dyadwatch import Store, ingest_sources

# the manner of the talks, told in a short quoted fragment by one and in the report's own words by
# the other: the same judgement of the relationship
REEF_WIRE = """Manila and Hanoi talk fisheries

HANOI, April 9, 2025 (Sample Wire) - The Philippine president met Vietnamese leaders in Hanoi on Wednesday for talks on fishing rights near the disputed reefs.
According to a palace statement issued later, the reef quarrel was gone through with "mutual respect" by both sides, and a fisheries hotline is to follow.
Officials from both sides will meet again in Manila in June.
"""
REEF_REPORT = """Hanoi visit ends with hotline pledge

By Ana Cruz

The Philippine president's two days in Hanoi produced a promise of a fisheries hotline with Vietnam but no settlement of the reef dispute.
Diplomats from both countries described frank talks on the reefs, with no side giving ground.
Fishermen on both coasts say they have heard such promises before.
"""


def test_a_short_quoted_fragment_is_read_with_the_sentence_a_quoted_statement_is_not() -> None:
    from dyadwatch.compare.relations import relationship_assessment

    assert relationship_assessment('The fishing quarrel was gone through with "mutual respect" on both sides.') == 1
    assert relationship_assessment("The fishing quarrel was gone through with mutual respect on both sides.") == 1
    # someone's statement in quote marks stays theirs, whatever it says of the relationship: a long
    # one, and a short one given after a colon or a verb of saying, or one that is a sentence itself
    assert relationship_assessment('The envoy said: "Relations with Hanoi have never been warmer than now."') == 0
    assert relationship_assessment('The minister said the move "poisons relations for years".') == 0
    assert relationship_assessment('The envoy said: "warmer ties ahead".') == 0
    assert relationship_assessment('The envoy told reporters "warmer ties ahead" as he left.') == 0
    assert relationship_assessment('Asked about the reefs, the envoy replied "Ties are warmer." and left.') == 0
    # a label set aside is not the report's judgement either
    assert relationship_assessment('Fishermen scoff at the so-called "friendly ties" with Hanoi.') == 0


def test_the_manner_of_talks_quoted_by_one_and_told_by_the_other_agrees(tmp_path: Path, nlp) -> None:
    d = tmp_path / "reefs"
    d.mkdir()
    for name, text in (("wire.txt", REEF_WIRE), ("report.txt", REEF_REPORT)):
        (d / name).write_text(text)
    with Store(tmp_path / "reefs.db") as store:
        ingest_sources(store, [str(d)], nlp=nlp)
        texts = {r["id"]: r["text"] for r in store.execute("SELECT id, text FROM documents")}
        rels = [(r.relation, r.why, texts[r.a_document][r.a_start:r.a_end], texts[r.b_document][r.b_start:r.b_end])
                for r in store.relations()]
    judged = [r for r in rels if r[0] == "agree" and r[1] == "both judge PHL–VNM ties closer"]
    assert judged, rels
    assert all({"mutual respect" in r[2] or "mutual respect" in r[3],
                "frank talks" in r[2] or "frank talks" in r[3]} == {True} for r in judged), judged
