"""Contradictions between articles, each reason on sentences of our own through the real pipeline
and a real SQLite store (or on claims built by hand where only the rule is under test)."""

from __future__ import annotations

from pathlib import Path

from dyadwatch import Store, ingest_sources


def _relations(store: Store) -> list[tuple[str, str, set[str], str]]:
    """(relation, why, the two file names, "sentence a | sentence b") of every stored relation."""
    names = {r["id"]: r["source"].rsplit("/", 1)[-1] for r in store.execute("SELECT id, source FROM documents")}
    texts = {r["id"]: r["text"] for r in store.execute("SELECT id, text FROM documents")}
    return [(r.relation, r.why, {names[r.a_document], names[r.b_document]},
             texts[r.a_document][r.a_start:r.a_end] + " | " + texts[r.b_document][r.b_start:r.b_end])
            for r in store.relations()]


def _ingest(tmp_path: Path, nlp, files: dict[str, str]) -> list[tuple[str, str, set[str], str]]:
    d = tmp_path / "docs"
    d.mkdir()
    for name, text in files.items():
        (d / name).write_text(text)
    with Store(tmp_path / "x.db") as store:
        ingest_sources(store, [str(d)], nlp=nlp)
        return _relations(store)


# -- an act one article reports and its actor, in the other, denies -----------------------------------

SENT = """Border report

NAIROBI, June 3, 2024 (Sample Wire) - Ethiopia sent troops into Somalia's Gedo region on June 2, 2024, local officials said.
The deployment angered Mogadishu, which summoned the Ethiopian ambassador.
"""
DENIED = """Addis Ababa rejects border claims

ADDIS ABABA, June 3, 2024 (Sample Wire) - Ethiopia denied sending troops into Somalia's Gedo region on June 2, 2024.
Ethiopian officials called the reports baseless.
"""
ALSO_DENIED = """No troops crossed, says Addis

ADDIS ABABA, June 4, 2024 (Other Wire) - Ethiopia has denied sending troops into the Gedo region of Somalia on June 2, 2024.
"""


def test_an_act_one_reports_and_its_actor_denies_contradicts(tmp_path: Path, nlp) -> None:
    """"Ethiopia denied sending troops" is coded as the act with modality denied, not negated:
    read as done, it confirmed the report that the troops were sent. It contradicts that report,
    saying so, and two reports of the denial agree."""
    rels = _ingest(tmp_path, nlp, {"sent.txt": SENT, "denied.txt": DENIED, "also.txt": ALSO_DENIED})
    between = [r for r in rels if r[2] == {"sent.txt", "denied.txt"}]
    assert [r[0] for r in between] == ["contradict"], rels
    assert "denied by" in between[0][1] and "ETH→SOM" in between[0][1], between
    assert "sent troops" in between[0][3] and "denied sending troops" in between[0][3]
    assert not [r for r in rels if r[0] == "agree" and "sent.txt" in r[2]], rels
    denials = [r for r in rels if r[2] == {"denied.txt", "also.txt"}]
    assert denials and all(r[0] == "agree" for r in denials), rels


# -- opposite judgements of the state of the relationship ---------------------------------------------

def _claim(doc: str, sentence: str, actors: tuple[str, ...] = ("PHL", "VNM")):
    from dyadwatch.compare.relations import ClaimItem

    return ClaimItem(document_id=doc, start=0, end=len(sentence), sentence=sentence, actors=actors,
                     polarity=1, extra={"dyad": ("PHL", "VNM"), "pairs": [("PHL", "VNM")]})


def test_opposite_judgements_of_the_ties_contradict_and_the_tone_of_a_meeting_does_not() -> None:
    """"Ties have warmed" and "relations have soured" cannot both describe one relationship; a
    cordial meeting between states whose ties have soured can happen, and a sentence that
    gives both readings (mended, yet tense) judges neither way."""
    from dyadwatch.compare.relations import decide, decide_opposite_assessment, relationship_state

    assert relationship_state("Ties between Hanoi and Manila have warmed markedly since the spring.") == 1
    assert relationship_state("Relations between the two neighbours have soured over the fishing row.") == -1
    assert relationship_state("Tensions between Hanoi and Manila eased after the call.") == 1
    assert relationship_state("Hanoi and Manila held their talks in a cordial atmosphere.") == 0
    assert relationship_state("Ties between Hanoi and Manila are mended, yet relations remain tense over the reefs.") == 0
    assert relationship_state("Ties between the two have not improved.") == -1

    warm = _claim("a", "Ties between Hanoi and Manila have warmed markedly since the spring.")
    sour = _claim("b", "Relations between the two neighbours have soured badly since the spring.")
    cordial = _claim("c", "Hanoi and Manila held their talks in a cordial atmosphere.")
    decided = decide_opposite_assessment(warm, sour, 0.6, ("PHL", "VNM"))
    assert decided is not None and decided.relation == "contradict"
    assert decided.why == "opposite judgements of PHL–VNM ties: one sees them closer, the other apart"
    # through every reason in turn, the same
    assert decide(warm, sour, 0.6, ("PHL", "VNM")) == decided
    assert decide_opposite_assessment(cordial, sour, 0.6, ("PHL", "VNM")) is None
    # only on one subject by meaning: two articles years apart judge the ties differently and truly
    assert decide_opposite_assessment(warm, sour, 0.35, ("PHL", "VNM")) is None
    # about another pair: nothing
    other = _claim("d", "Relations between Manila and Beijing have soured badly since the spring.", ("CHN", "PHL"))
    assert decide_opposite_assessment(warm, other, 0.6, ("PHL", "VNM")) is None


# -- one says a state came away with nothing, the other reports what it was given ----------------------

FREED = """Ankara frees Greek soldiers

ANKARA, April 9, 2024 (Sample Wire) - Turkey released two detained Greek soldiers on Tuesday after talks between the two leaders, officials in Ankara said.
Turkey also agreed to lift its restrictions on Greek fishing boats near Lesbos.
"""
EMPTY = """Committee faults Ankara round

ATHENS, April 10, 2024 (Other Wire) - Greek negotiators returned empty-handed from Tuesday's round of talks in Ankara, a report by a committee of the Greek parliament concluded on Wednesday.
The committee urged the government to set firmer conditions before the next round.
"""


def test_came_away_with_nothing_contradicts_a_concession_to_that_state(tmp_path: Path, nlp) -> None:
    """"Greek negotiators returned empty-handed from the talks in Ankara" and "Turkey released
    two Greek soldiers" share no word; the first says Greece got nothing from Turkey, the second
    reports Turkey giving Greece something at that time."""
    rels = _ingest(tmp_path, nlp, {"freed.txt": FREED, "empty.txt": EMPTY})
    contradict = [r for r in rels if r[0] == "contradict"]
    assert contradict, rels
    assert all(r[2] == {"freed.txt", "empty.txt"} for r in contradict)
    assert any(r[1].startswith("one says GRC came away with nothing from TUR, the other reports TUR→GRC CONCEDE")
               and "empty-handed" in r[3] and "released two detained Greek soldiers" in r[3] for r in contradict), rels


def test_who_came_away_with_nothing_and_what_contradicts_it() -> None:
    from dyadwatch.compare.relations import ClaimItem, decide_no_gains, gains_denied

    s = "Greece got nothing out of its meeting with Turkey, a columnist argued."
    at = [(0, 6, "GRC"), (s.index("Turkey"), s.index("Turkey") + 6, "TUR")]
    assert gains_denied(s, at) == {"GRC"}
    s2 = "The deal brought a complete lack of tangible gains for Greece, the opposition said."
    assert gains_denied(s2, [(s2.index("Greece"), s2.index("Greece") + 6, "GRC")]) == {"GRC"}
    s4 = "Athens failed to win any real concessions from Ankara at the talks."
    assert gains_denied(s4, [(0, 6, "GRC"), (s4.index("Ankara"), s4.index("Ankara") + 6, "TUR")]) == {"GRC"}
    s5 = "Ankara made no concessions to Athens at the talks."
    assert gains_denied(s5, [(0, 6, "TUR"), (s5.index("Athens"), s5.index("Athens") + 6, "GRC")]) == {"GRC"}
    s3 = 'Erdogan said Greece "came away empty-handed" from the talks.'
    assert gains_denied(s3, [(0, 7, "TUR"), (13, 19, "GRC")]) == frozenset()  # someone's words

    def claim(doc: str, sentence: str, events=(), dates=None, no_gains=frozenset()) -> ClaimItem:
        return ClaimItem(document_id=doc, start=0, end=len(sentence), sentence=sentence, actors=("GRC", "TUR"),
                         polarity=1, events=tuple(events),
                         extra={"dyad": ("GRC", "TUR"), "pairs": [("GRC", "TUR")], "dates": dates or {},
                                "no_gains": no_gains})

    empty = claim("a", s, events=[("GRC", "TUR", "CONSULT", False)],
                  dates={("GRC", "TUR", "CONSULT", False): "2024-04-09"}, no_gains=frozenset({"GRC"}))
    given = claim("b", "Turkey released two Greek soldiers.", events=[("TUR", "GRC", "CONCEDE", False)],
                  dates={("TUR", "GRC", "CONCEDE", False): "2024-04-09"})
    decided = decide_no_gains(empty, given, 0.35, ("GRC", "TUR"))
    assert decided is not None and decided.relation == "contradict" and "TUR→GRC CONCEDE (2024-04-09)" in decided.why
    # Greece giving Turkey something is no gain for Greece; a release years before is another occasion;
    # a release not made contradicts nothing here
    conceded = claim("c", "Greece released two Turkish fishermen.", events=[("GRC", "TUR", "CONCEDE", False)])
    assert decide_no_gains(empty, conceded, 0.35, ("GRC", "TUR")) is None
    earlier = claim("d", "Turkey released two Greek soldiers in 2018.", events=[("TUR", "GRC", "CONCEDE", False)],
                    dates={("TUR", "GRC", "CONCEDE", False): "2018"})
    assert decide_no_gains(empty, earlier, 0.35, ("GRC", "TUR")) is None
    refused = claim("e", "Turkey did not release the soldiers.", events=[("TUR", "GRC", "CONCEDE", True)])
    assert decide_no_gains(empty, refused, 0.35, ("GRC", "TUR")) is None
    assert decide_no_gains(empty, given, 0.2, ("GRC", "TUR")) is None  # not even loosely about one thing
    # a side with no dated act is placed by its article's publication date: a lack of gains told in
    # April and a release told a year later are two occasions; within a month, one
    undated = claim("f", s, no_gains=frozenset({"GRC"}))
    undated.extra["published"] = "2024-04-10"
    later = claim("g", "Turkey released two Greek soldiers.", events=[("TUR", "GRC", "CONCEDE", False)])
    later.extra["published"] = "2025-04-02"
    assert decide_no_gains(undated, later, 0.35, ("GRC", "TUR")) is None
    later.extra["published"] = "2024-04-20"
    assert decide_no_gains(undated, later, 0.35, ("GRC", "TUR")) is not None
    assert decide_no_gains(undated, given, 0.35, ("GRC", "TUR")) is not None  # dated 2024-04-09
    given.extra["dates"] = {("TUR", "GRC", "CONCEDE", False): "2023-11"}
    assert decide_no_gains(undated, given, 0.35, ("GRC", "TUR")) is None


def test_batch_tables_keep_what_a_claim_denies_and_who_came_away_with_nothing() -> None:
    """``dyadwatch batch`` decides relations on claims read back from its Parquet rows: a denial
    and a "came away empty-handed" must survive the trip, or batch and compare --all differ."""
    import numpy as np

    from dyadwatch.batch.tables import claim_from_row, compare_rows
    from dyadwatch.compare.relations import ClaimItem

    s = "Ethiopia denied sending troops, and Somalia came away empty-handed from the talks."
    c = ClaimItem(document_id="d", start=0, end=len(s), sentence=s, actors=("ETH", "SOM"), polarity=-1,
                  events=(("ETH", "SOM", "AID", True),), group="d",
                  extra={"dyad": ("ETH", "SOM"), "pairs": [("ETH", "SOM")], "cues": frozenset(), "terms": frozenset(),
                         "dates": {("ETH", "SOM", "AID", True): "2024-06-02"},
                         "denied": frozenset({("ETH", "SOM", "AID")}), "no_gains": frozenset({"SOM"})})
    [row] = compare_rows("d", [c], np.zeros((1, 4), dtype=np.float32), None, [])["compare_claims"]
    back = claim_from_row(row)
    assert back.extra["denied"] == {("ETH", "SOM", "AID")} and back.extra["no_gains"] == {"SOM"}
    assert back.events == c.events and back.extra["dates"] == c.extra["dates"]


# -- what is not a judgement of the ties, and what is not "came away with nothing" ---------------------

def test_a_reported_or_hedged_judgement_of_the_ties_contradicts_nothing() -> None:
    """Only the articles' own judgements of the ties, told as facts, contradict: a leader's view
    reported with a verb of saying, a claim a speaker makes, a hope or a condition do not."""
    from dyadwatch.compare.relations import decide_opposite_assessment, relationship_state

    warm = _claim("a", "Ties between Hanoi and Manila have warmed markedly since the spring.")
    said = _claim("b", "The Vietnamese premier said relations with Manila had soured since the spring.")
    assert relationship_state(said.sentence) == -1  # a judgement, but the premier's
    assert decide_opposite_assessment(warm, said, 0.6, ("PHL", "VNM")) is None
    spoken = _claim("c", "Relations between the two neighbours have soured badly since the spring.")
    assert decide_opposite_assessment(warm, spoken, 0.6, ("PHL", "VNM")) is not None
    spoken.extra["own"] = False  # (document_claims: the claim has a speaker)
    assert decide_opposite_assessment(warm, spoken, 0.6, ("PHL", "VNM")) is None
    for hedged in ("Ties between Hanoi and Manila could improve if the reef row is settled.",
                   "Manila hopes its ties with Hanoi will improve after the election.",
                   "Relations between the two may sour further should the patrols go on."):
        assert relationship_state(hedged) == 0, hedged
        assert decide_opposite_assessment(_claim("d", hedged), spoken if "sour" not in hedged else warm,
                                          0.6, ("PHL", "VNM")) is None, hedged


def test_restored_and_a_new_low_are_read_with_their_own_subject() -> None:
    """"Restored" judges the ties only when the ties are what was restored; "a new low in
    relations" is no new relationship."""
    from dyadwatch.compare.relations import relationship_assessment

    assert relationship_assessment("Ties soured after Manila restored an old lighthouse on the reef.") == -1
    assert relationship_assessment("Diplomatic ties between the two were restored in March.") == 1
    assert relationship_assessment("Relations restored, the two capitals reopened their embassies.") == 1
    assert relationship_assessment("The reef quarrel marked a new low in relations between Hanoi and Manila.") == -1
    assert relationship_assessment("The visit opened a new chapter in relations between Hanoi and Manila.") == 1


def _at(sentence: str, **codes: str) -> list[tuple[int, int, str]]:
    """Every mention of each name in ``sentence``, as (start, end, state code)."""
    import re

    return sorted((m.start(), m.end(), code) for name, code in codes.items() for m in re.finditer(name, sentence))


def test_a_denied_or_hedged_empty_handed_names_nobody() -> None:
    from dyadwatch.compare.relations import gains_denied

    for s in ("The prime minister did not come away empty-handed from his visit to Turkey, Greek officials insisted.",
              "Greece was far from empty-handed after the visit to Turkey.",
              "Athens fears it could come away empty-handed from the next round with Ankara.",
              "Greece risks leaving the Ankara talks empty-handed.",
              "Greece never went home empty-handed from a round with Turkey.",
              "If Greece comes away empty-handed from Ankara, the coalition may fall."):
        assert gains_denied(s, _at(s, Greece="GRC", Greek="GRC", Athens="GRC", Turkey="TUR", Ankara="TUR")) == set(), s
    s = "Greece came away empty-handed from the visit to Turkey."
    assert gains_denied(s, _at(s, Greece="GRC", Turkey="TUR")) == {"GRC"}


def test_who_lacks_the_gains_is_not_the_one_named_as_the_other_party() -> None:
    from dyadwatch.compare.relations import gains_denied

    s = "Greece had nothing to show for Turkey's promises of calmer seas."
    assert gains_denied(s, _at(s, Greece="GRC", Turkey="TUR")) == {"GRC"}
    s = "Athens met Ankara twice but ended the year without concessions from Ankara."
    assert gains_denied(s, _at(s, Athens="GRC", Ankara="TUR")) == {"GRC"}
    s = "The long meeting with Ankara left Athens empty-handed."
    assert gains_denied(s, _at(s, Athens="GRC", Ankara="TUR")) == {"GRC"}
    s = "A dinner with Ankara's envoys left the Greek delegates empty-handed."
    assert gains_denied(s, _at(s, Ankara="TUR", Greek="GRC")) == {"GRC"}
    # a great deal, said emphatically, is no lack of gains
    for s in ("Greece secured nothing less than a fisheries deal from Turkey.",
              "Greece won nothing short of a full apology from Turkey."):
        assert gains_denied(s, _at(s, Greece="GRC", Turkey="TUR")) == set(), s


def test_a_gain_contradicts_only_a_lack_of_gains_from_the_giver_and_never_aid() -> None:
    from dyadwatch.compare.relations import ClaimItem, decide_no_gains

    def claim(doc: str, sentence: str, actors: tuple[str, ...], events=(), no_gains=frozenset()) -> ClaimItem:
        return ClaimItem(document_id=doc, start=0, end=len(sentence), sentence=sentence, actors=actors,
                         polarity=1, events=tuple(events),
                         extra={"dyad": ("GRC", "TUR"), "pairs": [("GRC", "TUR")], "no_gains": no_gains})

    given = claim("b", "Turkey released two Greek soldiers.", ("GRC", "TUR"), [("TUR", "GRC", "CONCEDE", False)])
    # Greece came away with nothing, but from Brussels: nothing said of Turkey
    brussels = claim("a", "Greece came away empty-handed from the budget talks in Brussels.", ("GRC",),
                     no_gains=frozenset({"GRC"}))
    assert decide_no_gains(brussels, given, 0.4, ("GRC", "TUR")) is None
    # the same lack, told of the pair itself, contradicts the release
    pair = claim("a", "Greece came away empty-handed from the talks between the two neighbours.", ("GRC",),
                 no_gains=frozenset({"GRC"}))
    assert decide_no_gains(pair, given, 0.4, ("GRC", "TUR")) is not None
    # an act the coder typed AID (troops sent into a country) is no gain
    troops = claim("c", "Turkey sent troops into Greek waters.", ("GRC", "TUR"), [("TUR", "GRC", "AID", False)])
    assert decide_no_gains(pair, troops, 0.4, ("GRC", "TUR")) is None


def test_an_act_denied_in_one_clause_and_reported_in_another_stays_done() -> None:
    """A denial turns only the acts no other row of the sentence reports plainly: "Addis denied
    sending troops, but Somali officials said troops were sent" still reports them sent."""
    from dyadwatch.compare.claims import document_claims

    text = "Ethiopia denied sending troops to Somalia, but Somali officials said Ethiopian troops arrived."
    other = "Ethiopia denied sending troops into Somalia on Monday, calling the reports false ones."

    def rows(sentence: str, modalities: list[str]) -> dict:
        return {"events": [{"start": 0, "end": len(sentence), "source": "ETH", "target": "SOM", "type": "MOBILIZE",
                            "negated": False, "modality": m, "date": None} for m in modalities],
                "claims": [{"start": 0, "end": len(sentence), "speaker": None, "polarity": 1,
                            "actors": ["ETH", "SOM"],
                            "normalized": {"events": [["ETH", "SOM", "MOBILIZE", False]], "figures": []}}],
                "mentions": [], "sentences": [], "figures": [], "quotes": []}

    [both] = document_claims("d", text, rows(text, ["denied", "reported"]), group="d", pairs=[], direction=None)
    assert both.events == (("ETH", "SOM", "MOBILIZE", False),) and not both.extra["denied"]
    [only] = document_claims("e", other, rows(other, ["denied"]), group="e", pairs=[], direction=None)
    assert only.events == (("ETH", "SOM", "MOBILIZE", True),) and only.extra["denied"] == {("ETH", "SOM", "MOBILIZE")}
    # what the actor says it might do ("… and could send them if attacked") reports nothing done
    [maybe] = document_claims("f", other, rows(other, ["denied", "hypothetical"]), group="f", pairs=[], direction=None)
    assert maybe.events == (("ETH", "SOM", "MOBILIZE", True),)


# a speaker's judgement of the ties, against the article's own judgement the other way
SAID_SOURED = """Hanoi premier sours on Manila

HANOI, May 6, 2025 (Sample Wire) - The Vietnamese prime minister said on Tuesday that relations with the Philippines had soured badly over the reef patrols.
"""
WARMED = """Manila and Hanoi draw closer

MANILA, May 7, 2025 (Other Wire) - Philippine ties with Vietnam have warmed markedly over the reef patrols this spring.
"""


def test_batch_tables_carry_what_the_new_rules_read_and_decide_as_compare_all(tmp_path: Path, nlp) -> None:
    """``dyadwatch batch`` decides relations on claims read back from its ``compare_claims`` rows:
    on real articles, the claims read back (what was denied, who came away with nothing, whose
    judgement a claim is, when it was published) decide every pair as compare --all does."""
    from dyadwatch.batch.tables import claim_from_row, compare_rows
    from dyadwatch.compare import claim_items, claim_vectors, compare_store, default_direction, document_pairs
    from dyadwatch.compare.relations import own_judgement, relate_claims, relationship_state

    d = tmp_path / "docs"
    d.mkdir()
    for name, text in {"sent.txt": SENT, "denied.txt": DENIED, "freed.txt": FREED, "empty.txt": EMPTY,
                       "said.txt": SAID_SOURED, "warmed.txt": WARMED}.items():
        (d / name).write_text(text)
    with Store(tmp_path / "x.db") as store:
        ingest_sources(store, [str(d)], nlp=nlp)
        compare_store(store)  # dyadwatch compare --all
        stored = sorted((r.a_document, r.a_start, r.b_document, r.b_start, r.relation, r.score, r.why)
                        for r in store.relations())
        docs = [r["id"] for r in store.execute("SELECT id FROM documents ORDER BY rowid")]
        claims = claim_items(store, docs, group_of={x: x for x in docs}, dyad_of=document_pairs(store),
                             direction=default_direction())
        vectors, _ = claim_vectors(store, claims, None)
    back = []
    for doc in docs:
        idx = [i for i, c in enumerate(claims) if c.document_id == doc]
        rows = compare_rows(doc, [claims[i] for i in idx], vectors[idx], None, [])["compare_claims"]
        back += [claim_from_row(r) for r in rows]
    for c, b in zip(claims, back):
        assert (b.extra["denied"], b.extra["no_gains"], b.extra["own"], b.extra["published"]) == (
            c.extra["denied"], c.extra["no_gains"], c.extra["own"], c.extra["published"]), c.sentence
    assert any(c.extra["denied"] for c in back) and any(c.extra["no_gains"] for c in back)
    [premier] = [c for c in back if "had soured badly" in c.sentence]
    [warmed] = [c for c in back if "have warmed markedly" in c.sentence]
    assert relationship_state(premier.sentence) == -1 and relationship_state(warmed.sentence) == 1
    assert not own_judgement(premier) and own_judgement(warmed)
    decided = sorted((a.document_id, a.start, b.document_id, b.start, x.relation, x.score, x.why)
                     for a, b, x in relate_claims(back, lambda texts: vectors))
    assert decided == stored
    whys = [r[6] for r in stored]
    assert any("denied by" in w for w in whys) and any("came away with nothing" in w for w in whys), whys
    # the premier's view, reported, does not contradict the other article's own judgement
    assert not any(w.startswith("opposite judgements of PHL–VNM") for w in whys), whys
