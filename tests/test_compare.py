"""Across documents: copies counted once, stories, agreement and contradiction, on articles of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch import Store, ingest_sources

WIRE = """ANKARA, May 14 (Sample Wire) - Turkey and Greece signed a maritime cooperation agreement on May 14, 2024 in Ankara, officials said.
The two foreign ministers also agreed to meet again in Athens next month to discuss migration and energy exploration.
Bilateral trade between Turkey and Greece reached $6.2 billion in 2023, according to official data.
Greek officials said the talks were constructive and that Athens would not block Turkey's customs union talks with the European Union.
"""
# the same wire story republished with a new first line and one sentence trimmed
COPY = """Ankara and Athens seal maritime deal

ANKARA, May 14 (Sample Wire) - Turkey and Greece signed a maritime cooperation agreement on May 14, 2024 in Ankara, officials said.
The two foreign ministers also agreed to meet again in Athens next month to discuss migration and energy exploration.
Bilateral trade between Turkey and Greece reached $6.2 billion in 2023, according to official data.
"""
OPED = """The Aegean thaw is an illusion

By Eleni Markou

Bilateral trade between Turkey and Greece reached only $4.1 billion in 2023, far less than officials claim.
Turkey and Greece signed a maritime cooperation agreement in May 2024, but the deal is thin.
Athens did not endorse Turkey's customs union talks with the European Union, whatever the diplomats say.
The relationship between Turkey and Greece remains fragile, and the two neighbours are drifting further apart.
Mistrust between Ankara and Athens runs deeper than any handshake can fix.
"""
ANALYSIS = """Why the Aegean thaw is real

By Nikos Demir

Turkey and Greece signed a maritime cooperation agreement on May 14, 2024, the most concrete step in years.
Bilateral trade between Turkey and Greece reached $6.2 billion in 2023, a record.
The relationship between Turkey and Greece is warming, and the two neighbours are closer than at any time in a decade.
Trust between Ankara and Athens is growing as leaders meet regularly.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory, nlp) -> Store:
    d = tmp_path_factory.mktemp("aegean")
    (d / "wire.txt").write_text(WIRE)
    (d / "copy.txt").write_text(COPY)
    (d / "oped.txt").write_text(OPED)
    (d / "analysis.txt").write_text(ANALYSIS)
    s = Store(d / "x.db")
    summary = ingest_sources(s, [str(d)], nlp=nlp)
    assert summary.added == 4 and summary.comparison is not None
    return s


def _doc(store: Store, name: str) -> str:
    [doc_id] = [r["id"] for r in store.execute("SELECT id, source FROM documents") if r["source"].endswith(name)]
    return doc_id


def test_compare_syndicated_copy_is_one_source(store: Store) -> None:
    groups = {r["document_id"]: r["group_id"] for r in store.execute("SELECT * FROM document_groups")}
    wire, copy, oped = _doc(store, "wire.txt"), _doc(store, "copy.txt"), _doc(store, "oped.txt")
    assert groups[wire] == groups[copy] == min(wire, copy, key=lambda d: store.document_ids().index(d))
    assert groups[oped] == oped
    # the signing, reported by the wire, its copy and the op-ed: three reports, two independent sources
    rows = store.execute("SELECT s.id, s.reports, s.independent_sources FROM stories s "
                         "WHERE s.type = 'AGREE' AND s.source = 'TUR' AND s.target = 'GRC' AND s.negated = 0 "
                         "ORDER BY s.reports DESC LIMIT 1")
    assert rows and rows[0]["reports"] >= 3
    docs = {r["document_id"] for r in store.execute(
        "SELECT e.document_id FROM story_events se JOIN events e ON e.id = se.event_id WHERE se.story_id = ?",
        (rows[0]["id"],))}
    assert {wire, copy, oped} <= docs
    assert rows[0]["independent_sources"] == rows[0]["reports"] - 1


def _relations(store: Store, a: str, b: str) -> list:
    ids = {_doc(store, a), _doc(store, b)}
    return [r for r in store.relations() if {r.a_document, r.b_document} == ids]


def test_compare_contradiction_on_a_figure(store: Store) -> None:
    rels = _relations(store, "oped.txt", "analysis.txt")
    figure = [r for r in rels if r.relation == "contradict" and "2023" in r.why and "USD" in r.why]
    assert figure, [(r.relation, r.why) for r in rels]
    assert "6.20 billion USD" in figure[0].why and "4.10 billion USD" in figure[0].why


def test_compare_same_figure_from_two_sources_agrees(store: Store) -> None:
    # the wire story and its copy are one source, compared through the first of them stored
    rels = _relations(store, "wire.txt", "analysis.txt") + _relations(store, "copy.txt", "analysis.txt")
    assert any(r.relation == "agree" and "6.20 billion USD" in r.why for r in rels), [(r.relation, r.why) for r in rels]


def test_compare_copies_are_not_compared(store: Store) -> None:
    assert _relations(store, "wire.txt", "copy.txt") == []


def test_compare_contradiction_on_polarity(store: Store) -> None:
    rels = _relations(store, "oped.txt", "analysis.txt")
    polarity = [r for r in rels if r.relation == "contradict" and "opposite assessments" in r.why]
    assert polarity, [(r.relation, r.why) for r in rels]


def test_compare_stances_differ_by_author(store: Store) -> None:
    labels = {r["source"].rsplit("/", 1)[-1]: r["label"] for r in store.execute(
        "SELECT d.source, s.label FROM stances s JOIN documents d ON d.id = s.document_id")}
    assert labels.get("oped.txt") == "weakening"
    assert labels.get("analysis.txt") == "strengthening"
    # a report of a signed cooperation agreement portrays the pair moving closer (GUIDE.md)
    assert labels.get("wire.txt") == "strengthening"


# -- an action reported done by one source and not done by another ---------------------------------

LIFTED = """Tokyo eases curbs on Seoul

By Aiko Tanaka

Japan lifted its export controls on South Korea on March 16, 2023, the trade ministry in Tokyo said.
The decision removes restrictions on three chemicals used by South Korean chipmakers.
South Korean officials welcomed the move and said Seoul would drop its complaint at the World Trade Organization.
"""
NOT_LIFTED = """The chip quarrel is not over

By Min-jun Park

Japan has not lifted its export controls on South Korea, whatever the trade ministry in Tokyo says.
Exporters in Osaka report that licences for the three chemicals still take months.
Seoul remains wary of Tokyo, and trust between the two governments is thin.
"""
MIGHT_LIFT = """What Tokyo might do next

By Kenji Sato

Japan could lift its export controls on South Korea later this year.
Officials in both capitals have hinted at talks about the three chemicals.
"""

TRADE_2022 = """Trade between Japan and South Korea reached $71.3 billion in 2022, customs data showed.
Japanese exporters expect the figure to grow as Tokyo and Seoul mend ties.
"""
TRADE_2023 = """Trade between Japan and South Korea reached $60.8 billion in 2023, customs data showed.
South Korean importers said the fall reflected weaker demand for chips.
"""


@pytest.fixture(scope="module")
def events_store(tmp_path_factory, nlp) -> Store:
    d = tmp_path_factory.mktemp("chips")
    (d / "a_lifted.txt").write_text(LIFTED)
    (d / "b_not_lifted.txt").write_text(NOT_LIFTED)
    (d / "c_might_lift.txt").write_text(MIGHT_LIFT)
    (d / "d_trade_2022.txt").write_text(TRADE_2022)
    (d / "e_trade_2023.txt").write_text(TRADE_2023)
    s = Store(d / "x.db")
    assert ingest_sources(s, [str(d)], nlp=nlp).added == 5
    return s


def test_compare_contradiction_on_event_polarity(events_store: Store) -> None:
    rels = _relations(events_store, "a_lifted.txt", "b_not_lifted.txt")
    done = [r for r in rels if r.relation == "contradict" and "JPN→KOR CONCEDE" in r.why]
    assert done, [(r.relation, r.why) for r in rels]
    assert "reported as done by" in done[0].why and "as not done by" in done[0].why


def test_compare_what_might_happen_contradicts_nothing(events_store: Store) -> None:
    # "could lift" is hypothetical: it neither confirms the lifting nor contradicts its denial
    [might] = [r for r in events_store.execute("SELECT e.modality FROM events e JOIN documents d "
                                               "ON d.id = e.document_id WHERE d.source LIKE '%c_might_lift.txt' "
                                               "AND e.type = 'CONCEDE'")]
    assert might["modality"] == "hypothetical"
    for other in ("a_lifted.txt", "b_not_lifted.txt"):
        rels = _relations(events_store, "c_might_lift.txt", other)
        assert not [r for r in rels if "CONCEDE" in r.why], [(r.relation, r.why) for r in rels]


def test_compare_figures_for_different_periods_do_not_contradict(events_store: Store) -> None:
    periods = {r["period"] for r in events_store.execute(
        "SELECT f.period FROM figures f JOIN documents d ON d.id = f.document_id "
        "WHERE d.source LIKE '%trade_20__.txt' AND f.unit = 'USD'")}
    assert periods == {"2022", "2023"}
    rels = _relations(events_store, "d_trade_2022.txt", "e_trade_2023.txt")
    assert not [r for r in rels if r.relation == "contradict"], [(r.relation, r.why) for r in rels]


def _claim(doc: str, figures: tuple) -> "ClaimItem":
    from dyadwatch.compare.relations import ClaimItem

    return ClaimItem(document_id=doc, start=0, end=10, sentence="s", actors=("JPN", "KOR"), polarity=1,
                     figures=figures)


def test_decide_figures_same_period_apart_contradicts_other_period_decides_nothing() -> None:
    from dyadwatch.compare.relations import decide_figures

    a = _claim("a", ((71.3e9, "USD", "bilateral trade", "2023"),))
    b = _claim("b", ((60.8e9, "USD", "trade", "2023"),))
    c = _claim("c", ((60.8e9, "USD", "trade", "2022"),))
    d = _claim("d", ((71.0e9, "USD", "trade volume", "2023"),))
    decided = decide_figures(a, b)
    assert decided is not None and decided.relation == "contradict" and "2023" in decided.why
    assert decide_figures(a, c) is None
    agreed = decide_figures(a, d)
    assert agreed is not None and agreed.relation == "agree"


def test_decide_events_only_on_the_pair_the_articles_are_about() -> None:
    from dyadwatch.compare.relations import ClaimItem, decide_events

    def claim(doc: str, events: tuple) -> ClaimItem:
        return ClaimItem(document_id=doc, start=0, end=10, sentence="s", actors=("CHN", "RUS", "UKR"), polarity=1,
                         events=events, extra={"dyad": ("CHN", "RUS")})

    invasion = (("RUS", "UKR", "ASSAULT", False),)
    assert decide_events(claim("a", invasion), claim("b", invasion)) is None
    aid, no_aid = (("CHN", "RUS", "AID", False),), (("CHN", "RUS", "AID", True),)
    decided = decide_events(claim("a", aid), claim("b", no_aid))
    assert decided is not None and decided.relation == "contradict"



def test_decide_events_the_same_act_has_the_same_source_and_target() -> None:
    """Tokyo's demand and Beijing's demand are two acts; a deal, coded both ways, is one."""
    from dyadwatch.compare.relations import ClaimItem, decide_events

    def claim(doc: str, events: tuple) -> ClaimItem:
        return ClaimItem(document_id=doc, start=0, end=10, sentence="s", actors=("CHN", "JPN"), polarity=1,
                         events=events, extra={"dyad": ("CHN", "JPN"), "dates": {e: "2025-11-10" for e in events}})

    tokyo_demands, beijing_demands = (("JPN", "CHN", "REQUEST", False),), (("CHN", "JPN", "REQUEST", False),)
    assert decide_events(claim("a", tokyo_demands), claim("b", beijing_demands)) is None
    agreed = decide_events(claim("a", tokyo_demands), claim("b", tokyo_demands))
    assert agreed is not None and agreed.relation == "agree" and "JPN→CHN REQUEST" in agreed.why
    deal = (("CHN", "JPN", "AGREE", False), ("JPN", "CHN", "AGREE", False))
    agreed = decide_events(claim("a", deal[:1]), claim("b", deal))
    assert agreed is not None and agreed.relation == "agree"


def test_an_act_both_documents_tell_throughout_ranks_an_agreement_below_one_each_tells_once() -> None:
    """Two summit reports tell the meeting in sentence after sentence: two of those sentences
    sharing it is weak evidence of one point; the exchange of ambassadors each tells once is
    strong. The counts are per document, so the ranking is the same in any block."""
    from dyadwatch.compare.relations import ClaimItem, act_frequencies, act_specificity, decide

    meeting, envoys = ("SAU", "IRN", "CONSULT", False), ("SAU", "IRN", "COOPERATE", False)

    def claim(doc: str, start: int, events: tuple) -> ClaimItem:
        return ClaimItem(document_id=doc, start=start, end=start + 10, sentence="s", actors=("IRN", "SAU"),
                         polarity=1, events=events, extra={"dyad": ("IRN", "SAU")})

    a = [claim("a", 0, (meeting,)), claim("a", 20, (meeting,)), claim("a", 40, (meeting, envoys))]
    b = [claim("b", 0, (meeting,)), claim("b", 20, (meeting,)), claim("b", 40, (meeting, envoys))]
    acts = act_frequencies(a + b)
    assert act_specificity(meeting, a[0], b[0], acts) == pytest.approx(1 / 3)
    assert act_specificity(envoys, a[2], b[2], acts) == 1.0
    generic = decide(a[0], b[0], 0.8, ("IRN", "SAU"), 1.0, (), acts)
    specific = decide(a[2], b[2], 0.8, ("IRN", "SAU"), 1.0, (), acts)
    assert generic is not None and specific is not None
    assert generic.relation == specific.relation == "agree"
    assert "COOPERATE" in specific.why and specific.score > generic.score


def test_an_agreement_about_the_pair_itself_ranks_above_one_on_a_third_partys_affairs() -> None:
    """Two reports on Hanoi and Manila both touch a third party's war; a point both make about the
    two (naming both, or "the two neighbours") ranks above an equally close one where a side names
    only one of them, and takes the last place two documents have (keep_strongest)."""
    from dyadwatch.compare.relations import ClaimItem, decide, keep_strongest

    pair = ("PHL", "VNM")

    def claim(doc: str, start: int, sentence: str, actors: tuple[str, ...]) -> ClaimItem:
        return ClaimItem(document_id=doc, start=start, end=start + len(sentence), sentence=sentence, actors=actors,
                         polarity=1, extra={"dyad": pair, "pairs": [pair]})

    both = claim("a", 100, "Vietnam and the Philippines agreed on joint coast guard patrols.", ("PHL", "VNM"))
    the_two = claim("b", 100, "The two neighbours will patrol the reef together from June.", ("PHL", "VNM"))
    proxy = claim("a", 0, "Fighting in Myanmar, where Hanoi backs the junta, spilled over the border.",
                  ("MMR", "VNM"))
    war = claim("b", 0, "Manila warned that the war in Myanmar threatens the region.", ("MMR", "PHL"))
    about = decide(both, the_two, 0.6, pair, 1.5, ("patrol",))
    third = decide(proxy, war, 0.6, pair, 1.5, ("myanm",))
    assert about is not None and third is not None and about.relation == third.relation == "agree"
    assert about.score > third.score
    assert [(a.start, b.start) for a, b, _ in keep_strongest([(proxy, war, third), (both, the_two, about)],
                                                             max_contradictions_per_pair=1)] == [(100, 100)]


def test_the_same_undated_act_agrees_on_less_than_a_denial_needs() -> None:
    """The same source, target and type on both sides is evidence of one point in itself: an
    agreement on it needs less textual strength (SAME_ACT) than a denial (SAME_PROPOSITION)."""
    from dyadwatch.compare.relations import SAME_ACT, SAME_PROPOSITION, ClaimItem, agree_strength, decide_events

    def claim(doc: str, negated: bool) -> ClaimItem:
        return ClaimItem(document_id=doc, start=0, end=10, sentence="s", actors=("AZE", "USA"), polarity=1,
                         events=(("USA", "AZE", "CONCEDE", negated),), extra={"dyad": ("AZE", "USA")})

    similarity = (SAME_ACT + SAME_PROPOSITION) / 2
    assert SAME_ACT <= agree_strength(similarity, 0.0) < SAME_PROPOSITION
    agreed = decide_events(claim("a", False), claim("b", False), similarity)
    assert agreed is not None and agreed.relation == "agree"
    assert decide_events(claim("a", False), claim("b", True), similarity) is None
    assert decide_events(claim("a", False), claim("b", False), SAME_ACT - 0.05) is None


def test_a_denial_contradicts_only_when_it_denies_what_the_two_share() -> None:
    """A "not" in a clause about something else is not a denial of the other's point; one in
    the clause that names the shared point is."""
    from dyadwatch.compare.relations import ClaimItem, content_terms, decide_denial, denied

    assert {"signi", "peace"} <= denied("Their parliament would not permit the signing of a peace treaty this week.")
    assert "summi" in denied("The opposition said Yoon came away empty-handed from the summit.")
    assert denied('He said "we will not sign" and left.') == frozenset()

    said = ("Takaichi said a Chinese attack could constitute a survival-threatening situation that allows "
            "collective self-defence.")
    aside = ("In China's account, what constitutes a survival-threatening situation for collective self-defence, "
             "and the fact that it is not envisioned for the island, are left out.")
    denial = "Takaichi did not say that an attack could constitute a survival-threatening situation."

    def claim(doc: str, sentence: str, polarity: int) -> ClaimItem:
        return ClaimItem(document_id=doc, start=0, end=len(sentence), sentence=sentence, actors=("CHN", "JPN"),
                         polarity=polarity, extra={"dyad": ("CHN", "JPN")})

    for other, expected in ((aside, None), (denial, "contradict")):
        terms = sorted(content_terms(said) & content_terms(other))
        decided = decide_denial(claim("a", said, 1), claim("b", other, -1), 0.7, 3.0, terms)
        assert (decided.relation if decided else None) == expected, (other, decided)

# -- the same act told by two independent sources, or told done and undone ---------------------------

SUMMIT_A = """Egypt and Ethiopia sign water accord

CAIRO, June 4 (Illustrative Wire) - Egypt and Ethiopia signed an accord on the Nile dam on June 3, 2024, officials said.
The two countries also agreed to hold talks on water sharing every three months.
"""
SUMMIT_B = """A dam deal at last

By Selam Tesfaye

Addis Ababa and Cairo put their names to a deal on the Nile dam on June 3, 2024, after years of acrimony.
Analysts cautioned that the hard questions of drought-year releases remain open.
"""
SUMMIT_C = """No accord on the Nile

By Omar Farid

Egypt and Ethiopia did not sign any accord on the Nile dam in June 2024, despite reports to the contrary.
Negotiators left Addis Ababa without a date for the next round.
"""


def test_the_same_dated_act_from_two_sources_agrees_and_its_denial_contradicts(tmp_path: Path, nlp) -> None:
    d = tmp_path / "nile"
    d.mkdir()
    for name, text in (("a.txt", SUMMIT_A), ("b.txt", SUMMIT_B), ("c.txt", SUMMIT_C)):
        (d / name).write_text(text)
    with Store(tmp_path / "nile.db") as store:
        ingest_sources(store, [str(d)], nlp=nlp)
        rels = [(r["relation"], r["why"], {r["a_source"].rsplit("/", 1)[-1], r["b_source"].rsplit("/", 1)[-1]})
                for r in store.execute(
                    "SELECT r.relation, r.why, da.source AS a_source, db.source AS b_source FROM relations r "
                    "JOIN documents da ON da.id = r.a_document JOIN documents db ON db.id = r.b_document")]
    agree = [why for rel, why, docs in rels if rel == "agree" and docs == {"a.txt", "b.txt"}]
    contradict = [why for rel, why, docs in rels if rel == "contradict" and "c.txt" in docs]
    assert any("AGREE" in why and "2024-06" in why for why in agree), rels
    assert any("AGREE" in why and "not done" in why for why in contradict), rels


# -- the same point told in other words, and told undone ---------------------------------------------

PACT_WIRE = """Japan and South Korea restore intelligence pact

SEOUL, March 3, 2023 (Sample Wire) - South Korea and Japan agreed on Friday to fully restore their military intelligence-sharing pact, officials said.
The two neighbours also resumed the security dialogues that had been frozen since the export row of 2019.
Officials in Seoul said shipments of chip materials would resume within weeks.
"""
PACT_ANALYSIS = """Seoul and Tokyo mend fences

By Hana Lee

The full revival of the military intelligence-sharing arrangement between Tokyo and Seoul is the clearest sign that the two neighbours have put the export row behind them.
Few expected the chip dispute to end so quickly.
"""
PACT_DENIAL = """A summit of words

By Kenji Mori

Despite the headlines, Japan and South Korea did not restore the military intelligence-sharing pact at the summit.
The leaders spoke warmly, but the details were left to officials.
"""


def test_the_same_point_in_other_words_agrees_and_its_denial_contradicts(tmp_path: Path, nlp) -> None:
    d = tmp_path / "pact"
    d.mkdir()
    for name, text in (("wire.txt", PACT_WIRE), ("analysis.txt", PACT_ANALYSIS), ("denial.txt", PACT_DENIAL)):
        (d / name).write_text(text)
    with Store(tmp_path / "pact.db") as store:
        ingest_sources(store, [str(d)], nlp=nlp)
        names = {r["id"]: r["source"].rsplit("/", 1)[-1] for r in store.execute("SELECT id, source FROM documents")}
        texts = {r["id"]: r["text"] for r in store.execute("SELECT id, text FROM documents")}
        rels = [(r.relation, r.why, {names[r.a_document], names[r.b_document]},
                 texts[r.a_document][r.a_start:r.a_end] + " | " + texts[r.b_document][r.b_start:r.b_end])
                for r in store.relations()]
    agree = [r for r in rels if r[0] == "agree" and r[2] == {"wire.txt", "analysis.txt"}]
    assert any("intelligence-sharing" in r[3].split(" | ")[0] and "intelligence-sharing" in r[3].split(" | ")[1]
               for r in agree), rels
    contradict = [r for r in rels if r[0] == "contradict" and "denial.txt" in r[2]]
    assert any("did not restore" in r[3] for r in contradict), rels
    # every relation says why, and no article agrees with its own denial
    assert all(r[1] for r in rels)
    assert not [r for r in rels if r[0] == "agree" and "denial.txt" in r[2] and "did not restore" in r[3]], rels


def test_articles_are_related_on_a_pair_that_is_not_their_main_one() -> None:
    """A deal signed at the White House: one article's strongest pair is the broker's, the
    other's is the two signatories; they are compared on the pair both are about."""
    from dyadwatch.analyze.embeddings import Embedder
    from dyadwatch.compare.relations import ClaimItem, relate_claims

    signed = ClaimItem(document_id="a", start=0, end=70, actors=("ARM", "AZE", "USA"), polarity=1,
                       sentence="Armenia and Azerbaijan signed a peace agreement at the White House on Friday.",
                       events=(("ARM", "AZE", "AGREE", False), ("AZE", "ARM", "AGREE", False)),
                       extra={"dyad": ("AZE", "USA"), "pairs": [("AZE", "USA"), ("ARM", "AZE")]})
    unsigned = ClaimItem(document_id="b", start=0, end=70, actors=("ARM", "AZE"), polarity=-1,
                         sentence="Armenia and Azerbaijan did not sign a peace agreement at the White House on Friday.",
                         events=(("ARM", "AZE", "AGREE", True), ("AZE", "ARM", "AGREE", True)),
                         extra={"dyad": ("ARM", "AZE"), "pairs": [("ARM", "AZE")]})
    emb = Embedder()
    decided = relate_claims([signed, unsigned], emb.encode)
    assert [(d.relation, d.why) for _, _, d in decided] == [
        ("contradict", "ARM→AZE AGREE: reported as done by one, as not done by the other")]
    # on their main pairs alone the two would never have met
    alone = [ClaimItem(**{**c.__dict__, "extra": {"dyad": c.extra["dyad"]}}) for c in (signed, unsigned)]
    assert relate_claims(alone, emb.encode) == []


def test_shared_content_counts_what_is_specific_to_the_two_sentences() -> None:
    from dyadwatch.compare.relations import ClaimItem, content_terms, shared_specific, term_frequencies

    assert content_terms("The two countries agreed to reopen their embassies in 2023.") == \
        frozenset({"agree", "reope", "embas", "2023"})

    def claim(doc: str, start: int, sentence: str) -> ClaimItem:
        return ClaimItem(document_id=doc, start=start, end=start + len(sentence), sentence=sentence,
                         actors=("IRN", "SAU"), polarity=1)

    a = [claim("a", 0, "Iran and Saudi Arabia agreed to reopen embassies."),
         claim("a", 60, "Iran and Saudi Arabia agreed on a security pact."),
         claim("a", 120, "Iran and Saudi Arabia agreed to talk again.")]
    b = [claim("b", 0, "The rivals agreed to reopen their embassies within two months.")]
    df = term_frequencies(a + b)
    weight, terms = shared_specific(a[0], b[0], df)
    # "reopen" and "embassies" are said once by each article; "agreed" by every sentence of one
    assert terms[:2] == ["embas", "reope"] and terms[2] == "agree"
    assert weight == 2.0 + 2.0 / (3 + 1)


def test_an_article_adds_its_most_telling_sentences_about_the_pair_and_no_more() -> None:
    """However long an article, compare weighs at most PAIR_SENTENCES of its other sentences
    about its pairs: the headline and a sentence reporting an act first, in document order."""
    from dyadwatch.compare import PAIR_SENTENCES, document_claims

    lines = ["Japan, China trade barbs"]
    lines += [f"Officials in Japan described the {k}th round of talks in some detail today." for k in range(20)]
    lines += ["Later in the day Japan accused China of violating its airspace near the islands."]
    text, sentences, mentions, at = "", [], [], 0
    for i, line in enumerate(lines):
        sentences.append({"idx": i, "start": at, "end": at + len(line)})
        for name, code in (("Japan", "JPN"), ("China", "CHN")):
            k = line.find(name)
            if k >= 0:
                mentions.append({"start": at + k, "end": at + k + len(name), "code": code, "entry": None})
        text += line + "\n"
        at = len(text)
    accusation = sentences[-1]
    events = [{"start": accusation["start"], "end": accusation["end"], "source": "JPN", "target": "CHN",
               "type": "ACCUSE", "negated": False, "modality": "asserted", "date": None}]
    rows = {"events": events, "claims": [], "mentions": mentions, "sentences": sentences, "figures": [], "quotes": []}
    claims = document_claims("doc", text, rows, group="doc", pairs=[("JPN", "CHN")], direction=None)
    assert len(claims) == PAIR_SENTENCES < len(lines)
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    assert claims[0].sentence == lines[0] and claims[-1].sentence == lines[-1]
    assert claims[-1].events == (("JPN", "CHN", "ACCUSE", False),)


def test_only_articles_sharing_a_pair_with_another_group_are_comparable() -> None:
    from dyadwatch.compare.relations import comparable_documents

    pairs = {"a": [("CHN", "JPN")], "b": [("JPN", "CHN"), ("JPN", "KOR")], "c": [("IND", "PAK")],
             "d": [("RUS", "UKR")], "e": [("RUS", "UKR")]}
    # e is a copy of d: the two are one source, and a copy is never compared with its original
    assert comparable_documents(pairs, {"e": "d"}) == {"a", "b"}
    assert comparable_documents(pairs, {}) == {"a", "b", "d", "e"}
    # with new documents: only pairs one of them is about
    assert comparable_documents(pairs, {}, involving={"c"}) == set()
    assert comparable_documents(pairs, {}, involving={"e"}) == {"d", "e"}


def test_a_judgement_its_own_acts_contradict_neither_contradicts_nor_confirms() -> None:
    """The stance lexicon reads "agreed to restore relations after a seven-year rupture" as apart
    and "the quarrel deepens" as closer; the acts those sentences report between the pair say
    otherwise, so neither opposes a judgement of the other direction."""
    from dyadwatch.analyze.stance import sentence_direction
    from dyadwatch.compare.relations import ClaimItem, acts_direction, decide_direction, judged_direction

    def claim(doc: str, sentence: str, events: tuple = ()) -> ClaimItem:
        return ClaimItem(document_id=doc, start=0, end=len(sentence), sentence=sentence, actors=("GRC", "TUR"),
                         polarity=1, events=events, direction=sentence_direction(sentence),
                         extra={"dyad": ("GRC", "TUR")})

    agreed = claim("a", "Turkey and Greece agreed to mend diplomatic relations after a bitter nine-year rupture.",
                   (("TUR", "GRC", "AGREE", False), ("GRC", "TUR", "AGREE", False)))
    warming = claim("b", "Relations between Turkey and Greece are warming, and the two neighbours are closer than ever.")
    feud = claim("c", "The quarrel between Turkey and Greece deepens as Ankara accuses Athens of meddling.",
                 (("TUR", "GRC", "ACCUSE", False),))
    apart = claim("d", "Turkey and Greece are drifting further apart.")
    # the lexicon's reading, which the acts contradict
    assert agreed.direction < 0 < feud.direction
    assert acts_direction(agreed) == 1 and acts_direction(feud) == -1 and acts_direction(warming) == 0
    assert judged_direction(agreed) == 0.0 and judged_direction(feud) == 0.0
    assert decide_direction(agreed, warming, 0.6, ("GRC", "TUR")) is None
    assert decide_direction(feud, apart, 0.6, ("GRC", "TUR")) is None
    # an act reported as not done counts the other way; a judgement the acts bear out stands
    refused = claim("e", "Turkey and Greece are drifting further apart.", (("TUR", "GRC", "AGREE", True),))
    assert acts_direction(refused) == -1 and judged_direction(refused) == refused.direction < 0
    decided = decide_direction(refused, warming, 0.6, ("GRC", "TUR"))
    assert decided is not None and decided.relation == "contradict"


def test_a_title_mention_keeps_its_office_as_shared_content() -> None:
    """"Saudi Ambassador" names the state (left out: two sentences naming Saudi Arabia share
    nothing specific by it) and an office ("ambassador", which two reports of an exchange of
    ambassadors share), whatever title the gazetteer files it under."""
    from dyadwatch.compare.claims import document_claims

    text = "The Saudi Ambassador arrived in Tehran to start his mission."
    rows = {"events": [], "mentions": [
        {"start": 4, "end": 20, "code": "SAU", "entry": "Saudi Ambassador -> SAU (title 'official')"},
        {"start": 32, "end": 38, "code": "IRN", "entry": "Tehran -> IRN (capital)"}],
        "claims": [{"start": 0, "end": len(text), "speaker": None, "polarity": 1, "actors": ["SAU", "IRN"],
                    "normalized": {}}]}
    (claim,) = document_claims("d", text, rows, group="d", pairs=[], direction=None)
    assert "ambas" in claim.extra["terms"]
    assert not {"saudi", "tehra"} & claim.extra["terms"]


# -- a characterisation set aside by one and asserted by the other -----------------------------------

CURBS_WIRE = """Japan tightens chip exports to South Korea

TOKYO, July 4, 2019 (Sample Wire) - Japan tightened controls on exports of chip materials to South Korea on Thursday.
Tokyo said the step was taken on grounds of export management rather than retaliation for the Korean court rulings on wartime labour.
"""
CURBS_ANALYSIS = """The export row is about history

By Min-ji Park

Japan imposed the export curbs on South Korea as retaliation for the Korean court rulings on wartime labour.
The dispute between the two neighbours will outlast the curbs.
"""


def test_a_characterisation_set_aside_by_one_and_asserted_by_the_other_contradicts(tmp_path: Path, nlp) -> None:
    from dyadwatch.compare.relations import set_aside

    assert set_aside("The ministry said it moved for safety reasons rather than retaliation.") == {"retal"}
    assert set_aside("Instead of peace, the deal leaves the seeds of war.") == {"peace"}
    assert set_aside('The minister said "not retaliation, but security" was the reason.') == frozenset()
    d = tmp_path / "curbs"
    d.mkdir()
    for name, text in (("wire.txt", CURBS_WIRE), ("analysis.txt", CURBS_ANALYSIS)):
        (d / name).write_text(text)
    with Store(tmp_path / "curbs.db") as store:
        ingest_sources(store, [str(d)], nlp=nlp)
        texts = {r["id"]: r["text"] for r in store.execute("SELECT id, text FROM documents")}
        rels = [(r.relation, r.why, texts[r.a_document][r.a_start:r.a_end] + " | " + texts[r.b_document][r.b_start:r.b_end])
                for r in store.relations()]
    contradict = [r for r in rels if r[0] == "contradict" and "“retaliation” is not the case" in r[1]]
    assert contradict and all("rather than retaliation" in r[2] for r in contradict), rels
    assert not [r for r in rels if r[0] == "agree" and "rather than retaliation" in r[2]], rels


def test_minhash_signatures_are_datasketchs_to_the_bit() -> None:
    """Copies are found through signatures computed in numpy; stores and batch outputs written
    with datasketch's MinHash must keep matching them, and the LSH split must stay datasketch's."""
    datasketch = pytest.importorskip("datasketch")
    import numpy as np

    from dyadwatch.compare.duplicates import NUM_PERM, _lsh_shape, _shingles, minhash

    texts = [WIRE, COPY, OPED, ANALYSIS, "Talks resumed.", "one two three four five six", ""]
    texts += [WIRE.replace("Turkey", "Türkiye")[: 60 + 37 * i] for i in range(8)]
    for text in texts:
        reference = datasketch.MinHash(num_perm=NUM_PERM)
        reference.update_batch(list(_shingles(text)))
        assert np.array_equal(minhash(_shingles(text)), reference.hashvalues), text[:40]
    for threshold in np.arange(0.2, 1.01, 0.05):
        lsh = datasketch.MinHashLSH(threshold=max(0.2, float(threshold) - 0.3), num_perm=NUM_PERM)
        assert _lsh_shape(float(threshold)) == (lsh.b, lsh.r), threshold


def test_two_judgements_of_the_relationship_in_other_words_agree() -> None:
    """"Ties may not be smooth" and "relations sank to a new low" share no word and little
    meaning as vectors, but judge the same relationship the same way; an act between the pair
    or a judgement of another pair is no judgement of the relationship."""
    from dyadwatch.analyze.embeddings import Embedder
    from dyadwatch.compare.relations import ClaimItem, decide_assessment, relate_claims, relationship_assessment

    assert relationship_assessment("The dispute suggests that ties between Hanoi and Manila may not be smooth.") == -1
    assert relationship_assessment("Relations have plunged to their lowest point in a decade.") == -1
    assert relationship_assessment("Tensions between the neighbours deepened over the weekend.") == -1
    assert relationship_assessment("The talks were held in a cordial atmosphere.") == 1
    assert relationship_assessment("The accord lowers the risk of armed conflict between the two rivals.") == 1
    assert relationship_assessment("Ties have not improved since the election.") == -1
    assert relationship_assessment("The visit helped to ease tensions between them.") == 1
    assert relationship_assessment("The visit failed to ease tensions between them.") == -1
    # restored but tense: both ways, no judgement; an act, or someone's quoted words: none
    assert relationship_assessment("Relations were restored last year but remain tense.") == 0
    assert relationship_assessment("Vietnam and the Philippines signed a fisheries agreement.") == 0
    assert relationship_assessment('The minister said the move "poisons relations for years".') == 0

    def claim(doc: str, sentence: str, actors: tuple[str, ...] = ("PHL", "VNM")) -> ClaimItem:
        return ClaimItem(document_id=doc, start=0, end=len(sentence), sentence=sentence, actors=actors,
                         polarity=1, extra={"dyad": ("PHL", "VNM"), "pairs": [("PHL", "VNM")]})

    rough = claim("a", "After the quarrel, Philippine-Vietnamese ties look likely to stay strained once the new president takes office.")
    low = claim("b", "Manila took its quarrel with Hanoi to the United Nations as ties sank to their lowest in years.")
    cordial = claim("c", "Hanoi and Manila held their talks in a cordial atmosphere of mutual respect.")
    decided = decide_assessment(rough, low, 0.5, ("PHL", "VNM"))
    assert decided is not None and decided.relation == "agree" and "apart" in decided.why
    assert decide_assessment(rough, cordial, 0.5, ("PHL", "VNM")) is None
    assert decide_assessment(rough, low, 0.2, ("PHL", "VNM")) is None  # not even loosely about one thing
    other_pair = claim("d", "Ties between Manila and Beijing sank to their lowest in years.", ("CHN", "PHL"))
    assert decide_assessment(rough, other_pair, 0.5, ("PHL", "VNM")) is None

    # a claim whose only actor is a broker still judges "the two rivals"
    broker = claim("e", "The deal mediated by Japan reduces the risk of armed clashes between the two rivals.",
                   ("JPN",))
    benefit = claim("f", "Vietnam and the Philippines have benefited from resumed ties that let them contain their "
                         "security risks at sea.")
    kept = relate_claims([broker, benefit], Embedder().encode)
    assert [(d.relation, d.why) for _, _, d in kept] == [("agree", "both judge PHL–VNM ties closer")]
