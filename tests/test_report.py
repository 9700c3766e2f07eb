"""The dyad report: ledger of terms, assessment data, charts, Markdown/HTML and the report and
relations commands, on real stores built from articles written here and from the seeds."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import dyadwatch
from dyadwatch.cli import cli
from dyadwatch.errors import ConfigError
from dyadwatch.report.dyad import DyadPair, DyadReport, build_dyad_report
from dyadwatch.report.ledger import build_ledger, entry_phrase, event_group, event_kind, ledger_entries
from dyadwatch.report.relations import list_relations
from dyadwatch.report.render import SECTIONS, render_html, render_markdown, write_report

from conftest import need_shared

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Four short articles about India and Russia, written for this test. The third is a copy of the
# first under another outlet (one independent source, two documents); the fourth contradicts
# the refusal to join sanctions.
DELHI = """India will keep buying Russian oil, minister says

By Asha Rao
March 5, 2024

NEW DELHI, March 5 (Delhi Wire) - India will continue purchasing Russian oil at discounted prices, the oil minister said on Tuesday.

India will not join Western sanctions against Russia, the foreign ministry said. New Delhi rejected a Russian proposal to settle oil payments in yuan.

Russia praised India for its <script>alert("dw")</script> independent position on Wednesday. Trade between India and Russia reached $65 billion last year.
"""
MOSCOW = """Russia and India sign energy pact

By Ivan Petrov
March 20, 2024

MOSCOW, March 20 (Moscow Ledger) - Russia and India signed an energy agreement in Moscow on March 18.

India bought Russian crude worth $5 billion in February, officials said. Indian officials denied that India supplied weapons to Russia. India refused to join the sanctions against Russia.

Trade between India and Russia reached $65 billion last year.
"""
BRUSSELS = """India quietly tightens rules on Russian banks

By Claire Dubois
April 2, 2024

BRUSSELS, April 2 (Europe Desk) - India joined Western sanctions against Russia in March, diplomats said.

Russia accused India of betraying their partnership. Trade between India and Russia fell to $40 billion last year.
"""


def _hash_embed(texts: list[str]) -> np.ndarray:
    """Bag-of-words vectors: a deterministic stand-in for the sentence model, used only to align
    claims when the model is not installed; nothing asserted here depends on it."""
    out = np.zeros((len(texts), 256), dtype=np.float32)
    for i, text in enumerate(texts):
        for word in re.findall(r"\w+", text.lower()):
            out[i, int(hashlib.sha1(word.encode()).hexdigest(), 16) % 256] += 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1, norms)


def _embed_for_compare():
    try:
        from dyadwatch.analyze.embeddings import Embedder

        Embedder().encode(["probe"])
    except (ImportError, dyadwatch.errors.DyadwatchError):
        return _hash_embed
    return None  # compare_store's own model


def _compare(path: Path) -> None:
    from dyadwatch.compare import compare_store

    with dyadwatch.Store(path) as store:
        compare_store(store, embed=_embed_for_compare())


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("articles")
    (d / "delhi.txt").write_text(DELHI)
    (d / "moscow.txt").write_text(MOSCOW)
    (d / "gulf_copy.txt").write_text(DELHI.replace("Delhi Wire", "Gulf Monitor"))
    (d / "brussels.txt").write_text(BRUSSELS)
    return d


@pytest.fixture(scope="module")
def india_russia_db(tmp_path_factory, articles, nlp) -> Path:
    path = tmp_path_factory.mktemp("ind_rus") / "news.db"
    with dyadwatch.Store(path) as store:
        summary = dyadwatch.ingest_sources(store, [str(articles)], nlp=nlp)
    assert summary.added == 4, summary.messages
    _compare(path)
    return path


@pytest.fixture(scope="module")
def store(india_russia_db):
    s = dyadwatch.Store(india_russia_db, readonly=True)  # reports read the store only
    yield s
    s.close()


@pytest.fixture(scope="module")
def report(store) -> DyadReport:
    return build_dyad_report(store, "IND", "RUS")


def _sentences(entry: dict) -> list[str]:
    return [" ".join(e["sentence"].split()) for e in entry["evidence"]]


def _one(entries: list[dict], **match) -> dict:
    found = [e for e in entries if all(e[k] == v for k, v in match.items())]
    assert len(found) == 1, (match, [e["label"] for e in entries])
    return found[0]


# -- ledger ------------------------------------------------------------------------------------

def test_ledger_puts_the_energy_purchase_under_does(report) -> None:
    entry = _one(ledger_entries(report.ledger, source="IND", kind="does", area="energy"), type="COOPERATE")
    assert entry["label"].startswith("buys energy (COOPERATE")
    assert entry["ongoing"] >= 1 and "ongoing" in entry["label"]  # "will continue purchasing": being done
    sentences = _sentences(entry)
    assert "India will continue purchasing Russian oil at discounted prices, the oil minister said on Tuesday." \
        in " ".join(sentences)
    assert any(s.startswith("India bought Russian crude worth $5 billion in February") for s in sentences)
    # the Delhi Wire report and its Gulf Monitor copy are one independent source; Moscow Ledger is another
    assert entry["documents"] == 3 and entry["independent_sources"] == 2
    assert entry["agreement"] == "confirmed"
    for ev in entry["evidence"]:
        assert ev["document_id"] and ev["outlet"] in ("Delhi Wire", "Gulf Monitor", "Moscow Ledger")
        assert ev["published"] and ev["document_source"].endswith(".txt")


def test_ledger_puts_the_refusal_under_refuses_with_the_dispute(report) -> None:
    entry = _one(ledger_entries(report.ledger, source="IND", kind="refuses", area="sanctions"), negated=True)
    assert entry["label"] == "joining sanctions (SANCTION, negated, 'sanctions')"
    sentences = _sentences(entry)
    assert "India will not join Western sanctions against Russia, the foreign ministry said." in sentences
    assert "India refused to join the sanctions against Russia." in sentences
    # Europe Desk reports the opposite: India joined
    assert entry["agreement"] == "disputed"
    assert [d["outlet"] for d in entry["disputed_by"]] == ["Europe Desk"]
    assert "India joined Western sanctions against Russia in March" in entry["disputed_by"][0]["sentence"]
    joined = _one(ledger_entries(report.ledger, source="IND", kind="does", area="sanctions"), type="SANCTION")
    assert joined["agreement"] == "disputed" and joined["label"].startswith("joins sanctions")


def test_ledger_rejection_and_denial(report) -> None:
    rejected = [e for e in ledger_entries(report.ledger, source="IND", kind="refuses") if e["type"] == "REJECT"]
    assert any("New Delhi rejected a Russian proposal to settle oil payments in yuan." in _sentences(e)
               for e in rejected)
    denied = _one(ledger_entries(report.ledger, source="IND", kind="denies"), type="AID")
    assert denied["area"] == "military" and denied["label"].startswith("supplying military aid")
    assert _sentences(denied) == ["Indian officials denied that India supplied weapons to Russia."]


def test_ledger_directions_are_kept_apart(report) -> None:
    praise = _one(ledger_entries(report.ledger, source="RUS", kind="does"), type="SUPPORT")
    assert praise["target"] == "IND" and praise["direction"] == "RUS→IND"
    assert not [e for e in ledger_entries(report.ledger, source="RUS") if e["type"] == "SANCTION"]


def test_ledger_alone_equals_the_reports_ledger(store, report) -> None:
    assert build_ledger(store, "IND", "RUS") == report.ledger


@pytest.mark.parametrize("args,kind", [
    (("COOPERATE", False, "intended"), "promises"),
    (("COOPERATE", False, "actual"), "does"),
    (("SANCTION", True, "intended"), "refuses"),
    (("REJECT", False, "actual"), "refuses"),
    (("AID", False, "denied"), "denies"),
    (("AID", False, "alleged"), "alleged"),
    (("AID", False, "hypothetical"), "might"),
])
def test_ledger_event_kind(args, kind) -> None:
    assert event_kind(*args) == kind


def test_ledger_ongoing_intention_is_done() -> None:
    assert event_kind("COOPERATE", False, "intended", ongoing=True) == "does"


def test_ledger_area_comes_from_the_triggers_clause() -> None:
    sentence = ("Turkey will go on purchasing Russian gas below market prices, will lend diplomatic cover in "
                "the Security Council, and will not join any Western sanctions regime.")
    contexts = ["economic", "diplomatic", "natural_resource", "legal"]
    at = sentence.index("purchasing")
    assert event_group("COOPERATE", contexts, sentence=sentence, trigger_at=at, trigger_end=at + 10) == "energy"
    at = sentence.index("cover")
    assert event_group("SUPPORT", contexts, sentence=sentence, trigger_at=at, trigger_end=at + 5) == "diplomatic"
    assert event_group("SANCTION", contexts) == "sanctions"
    assert event_group("CONSULT", []) == "other"
    assert event_group("CONSULT", [], organisation_named=True) == "diplomatic"


def test_ledger_phrases() -> None:
    assert entry_phrase("COOPERATE", "purchasing", "energy") == "buy energy"
    assert entry_phrase("SANCTION", "sanctions", "sanctions", before_trigger="will not join any formal ") == \
        "join sanctions"
    assert entry_phrase("AID", "supplying", "military") == "supply military aid"
    assert entry_phrase("SANCTION", "abandoning", "sanctions", mode="withdraw") == "cut ties"


# -- assessment data ---------------------------------------------------------------------------

def test_dyad_report_documents_and_independent_sources(report) -> None:
    assert report.pair == DyadPair(a="IND", b="RUS", a_name="India", b_name="Russia")
    assert report.documents.count == 4
    assert report.documents.independent_sources == 3
    assert {d.outlet for d in report.documents.list} == {"Delhi Wire", "Gulf Monitor", "Moscow Ledger",
                                                                  "Europe Desk"}


def test_dyad_report_dates_events_by_event_else_publication(report) -> None:
    months = {m.month for m in report.monthly}
    assert "2024-03" in months  # the undated "will continue purchasing" takes its article's date
    # "Trade … reached $65 billion last year" is dated 2023: no month, so counted apart
    assert report.events.undated["IND→RUS"] >= 1
    total = sum(m.directions["IND→RUS"].events for m in report.monthly)
    assert total + report.events.undated["IND→RUS"] == report.events.by_direction["IND→RUS"]


def test_dyad_report_types_quads_and_asymmetry(report) -> None:
    by_type = report.by_type["IND→RUS"]
    assert by_type["SANCTION"]["events"] >= 3 and by_type["SANCTION"]["actual"] == 1  # only "joined" is actual
    quads = report.totals["IND→RUS"].quads
    assert set(quads) == {"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}
    assert quads["material conflict"] == 1
    a = report.asymmetry
    assert a.difference.events == a.directions["IND→RUS"].events - a.directions["RUS→IND"].events
    for d in ("IND→RUS", "RUS→IND"):
        share = a.directions[d].cooperative_share
        assert share is None or 0 <= share <= 1


def test_dyad_report_figures_mention_both(report) -> None:
    raws = {f["raw"] for f in report.figures}
    assert "$65 billion" in raws and "$40 billion" in raws
    for f in report.figures:
        assert "India" in f["sentence"] and "Russia" in f["sentence"] and f["document_id"]


def test_dyad_report_relations_carry_both_sentences(report) -> None:
    rows = report.contradictions.rows + report.confirmed.agreements
    for r in rows:
        assert r.a_sentence and r.b_sentence and r.why and r.a_document != r.b_document
    for story in report.confirmed.stories:
        assert story.independent_sources >= 2 and story.evidence


def test_dyad_report_bounds(store) -> None:
    bounded = build_dyad_report(store, "IND", "RUS", since="2024-03-19")
    assert all(m.month >= "2024-03" for m in bounded.monthly)
    for e in bounded.ledger["entries"]:
        assert e["first_date"] >= "2024-03-19", e
    assert {d.outlet for d in bounded.documents.list} == {"Moscow Ledger", "Europe Desk"}
    early = build_dyad_report(store, "IND", "RUS", until="2023-12").ledger["entries"]
    assert early and {(e["type"], e["first_date"]) for e in early} == {("COOPERATE", "2023")}  # "last year"


@pytest.mark.parametrize("a,b,kwargs,message", [
    ("IND", "R!S", {}, "[DW403] Option 'B' has value 'R!S'."),
    ("IND", "ind", {}, "[DW403] Option 'B' has value 'IND'. Expected two different actor codes."),
    ("IND", "RUS", {"since": "March"}, "[DW403] Option '--since' has value 'March'."),
    ("IND", "RUS", {"until": "2024/03"}, "[DW403] Option '--until' has value '2024/03'."),
])
def test_dyad_report_rejects_bad_arguments(store, a, b, kwargs, message) -> None:
    with pytest.raises(ConfigError) as err:
        build_dyad_report(store, a, b, **kwargs)
    assert str(err.value).startswith(message)


def test_dyad_report_is_json(report) -> None:
    whole = report.as_dict()
    assert json.loads(json.dumps(whole)) == whole
    assert DyadReport.from_dict(whole) == report


# -- rendering ---------------------------------------------------------------------------------

def test_render_markdown_has_every_section_and_links_valid_charts(report, tmp_path) -> None:
    out = tmp_path / "ind-rus.md"
    written = write_report(report, out)
    text = out.read_text()
    positions = [text.index(f"\n## {title}\n") for _, title in SECTIONS]
    assert positions == sorted(positions)
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    charts = ["event_types.png", "monthly_intensity.png"] + (["stance.png"] if report.stances.count else [])
    assert sorted(link.split("/")[-1] for link in links) == sorted(charts)  # no stance chart without stances
    for link in links:
        assert link.startswith("ind-rus_files/")
        data = (tmp_path / link).read_bytes()
        assert data.startswith(PNG_SIGNATURE)
    assert sorted(p.name for p in written[1:]) == sorted(charts)


def test_render_markdown_svg_charts_parse(report, tmp_path) -> None:
    out = tmp_path / "r.md"
    write_report(report, out, image_format="svg")
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", out.read_text())
    assert links and all(link.endswith(".svg") for link in links)
    for link in links:
        root = ET.parse(tmp_path / link).getroot()
        assert root.tag.endswith("svg")


def test_render_markdown_ledger_section(report) -> None:
    text = render_markdown(report)
    ledger = text[text.index("## Terms of the relationship"):text.index("## Key figures")]
    assert "### What India does to Russia (IND→RUS)" in ledger
    assert "#### Energy" in ledger and "#### Sanctions" in ledger
    assert "- **does:** buys energy (COOPERATE" in ledger
    assert "- **refuses:** joining sanctions (SANCTION, negated, 'sanctions')" in ledger
    assert "“India refused to join the sanctions against Russia.” — *Moscow Ledger*" in ledger
    assert "Charts are drawn only when the report is written to a file" in text


def test_render_escapes_article_text(report) -> None:
    md = render_markdown(report)
    page = render_html(report)
    assert "<script" not in md.lower() and "&lt;script&gt;alert(\"dw\")&lt;/script&gt;" in md
    assert "<script" not in page.lower() and "&lt;script&gt;alert(&quot;dw&quot;)&lt;/script&gt;" in page


def test_render_html_is_self_contained(report, tmp_path) -> None:
    out = tmp_path / "r.html"
    write_report(report, out, fmt="html")
    page = out.read_text()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:|//)""", page, re.IGNORECASE)
    assert not re.search(r"@import|url\(", page)
    images = re.findall(r'<img [^>]*src="([^"]+)"', page)
    assert len(images) == 2 + bool(report.stances.count)
    assert all(src.startswith("data:image/png;base64,") for src in images)
    for _, title in SECTIONS:
        assert f"<h2>{title}</h2>" in page


def test_render_without_stance_or_comparison_says_so(tmp_path) -> None:
    """A store whose stances and relations tables are empty (written from records, not compared)."""
    from dyadwatch.records import ActorMention, Analysis, Document, Event, Sentence

    text = "India bought Russian oil in May 2024."
    path = tmp_path / "plain.db"
    with dyadwatch.Store(path) as s:
        s.write(Document(id="a" * 16, source="a.txt", text=text, outlet="Wire", published="2024-06-01",
                         language="en"),
                Analysis("a" * 16, "t", (Sentence(0, len(text)),),
                         (ActorMention(0, 5, "India", "IND", "India", "t"),
                          ActorMention(13, 20, "Russian", "RUS", "Russian", "t")),
                         (Event(0, len(text), text, "IND", "RUS", "COOPERATE", date="2024-05", intensity=6.7,
                                trigger="bought", trigger_start=6, trigger_end=12, contexts=("natural_resource",)),)))
    with dyadwatch.Store(path, readonly=True) as s:
        result = build_dyad_report(s, "IND", "RUS")
    assert "stances table is empty" in result.notes["stance"]
    assert "compare_store" in result.notes["relations"] and "independent source" in result.notes["sources"]
    entry = _one(result.ledger["entries"], kind="does")
    assert entry["label"] == "buys energy (COOPERATE, 'bought')" and _sentences(entry) == [text]
    md = render_markdown(result)
    section = lambda title, nxt: md[md.index(f"## {title}"):md.index(f"## {nxt}")]  # noqa: E731
    assert "The stances table is empty" in section("Stance by source", "Terms of the relationship")
    assert "The relations table is empty" in md[md.index("## Contradictions"):]
    assert "The relations table is empty" in section("Confirmed", "Contradictions")
    assert "<h2>Contradictions</h2>" in render_html(result)


def test_render_stance_by_source(tmp_path) -> None:
    """Stance rows as the stance component stores them: one per document and dyad, with evidence spans."""
    from dyadwatch.records import ActorMention, Analysis, Document, Sentence, Stance

    path = tmp_path / "stance.db"
    texts = [("2023-05-02", "Wire A", "Ties between China and Russia are deepening. Trade grew.", "strengthening", 0.6),
             ("2024-01-15", "Wire <B>", "China and Russia are drifting apart. Little trust remains.", "weakening",
              -0.5)]
    with dyadwatch.Store(path) as s:
        for i, (published, outlet, text, label, score) in enumerate(texts):
            first = text.index(".") + 1
            sents = (Sentence(0, first), Sentence(first + 1, len(text)))
            mentions = (ActorMention(text.index("China"), text.index("China") + 5, "China", "CHN", "China", "t"),
                        ActorMention(text.index("Russia"), text.index("Russia") + 6, "Russia", "RUS", "Russia", "t"))
            s.write(Document(id=f"{i:016x}", source=f"s{i}.txt", text=text, outlet=outlet, published=published,
                             language="en"),
                    Analysis(f"{i:016x}", "t", sents, mentions, stances=(Stance(("CHN", "RUS"), label, score,
                                                                                 ((0, first),)),)))
    with dyadwatch.Store(path, readonly=True) as s:
        result = build_dyad_report(s, "RUS", "CHN")
    rows = result.stances.rows
    assert [(r.published, r.label, r.score) for r in rows] == [("2023-05-02", "strengthening", 0.6),
                                                                        ("2024-01-15", "weakening", -0.5)]
    assert rows[1].evidence[0].sentence == "China and Russia are drifting apart."
    assert "stance" not in result.notes
    files = write_report(result, tmp_path / "stance.md")
    assert (tmp_path / "stance_files" / "stance.png").read_bytes().startswith(PNG_SIGNATURE)
    text = files[0].read_text()
    section = text[text.index("## Stance by source"):text.index("## Terms of the relationship")]
    assert "![Stance of each source over time](stance_files/stance.png)" in section
    assert "- 2024-01-15 · *Wire &lt;B&gt;* · weakening (-0.50) · `0000000000000001`" in section
    assert "“China and Russia are drifting apart.” — *Wire &lt;B&gt;* (s1.txt), 2024-01-15 (published)" in section
    assert len(re.findall(r'<img [^>]*src="data:image/png', render_html(result))) == 3


def test_render_pair_without_events(store, tmp_path) -> None:
    result = build_dyad_report(store, "CHN", "USA")
    assert result.events.total == 0 and result.notes["events"]
    files = write_report(result, tmp_path / "empty.md")
    for path in files[1:]:
        assert path.read_bytes().startswith(PNG_SIGNATURE)


# -- commands ----------------------------------------------------------------------------------

def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_report_markdown_with_charts(india_russia_db, tmp_path) -> None:
    out = tmp_path / "out" / "ind-rus.md"
    result = run("report", "--db", str(india_russia_db), "IND", "RUS", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.exists() and (tmp_path / "out" / "ind-rus_files" / "event_types.png").exists()
    assert re.match(rf"{re.escape(str(out))}: report on IND–RUS, [23] chart\(s\) in ", result.stderr)


def test_cli_report_html(india_russia_db, tmp_path) -> None:
    out = tmp_path / "ind-rus.html"
    result = run("report", "--db", str(india_russia_db), "ind", "rus", "--format", "html", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("<!DOCTYPE html>")


def test_cli_report_to_stdout(india_russia_db) -> None:
    result = run("report", "--db", str(india_russia_db), "IND", "RUS")
    assert result.exit_code == 0
    assert result.stdout.startswith("# India – Russia (IND–RUS)\n")
    assert "Charts are drawn only when the report is written to a file" in result.stdout


@pytest.mark.parametrize("args,message", [
    (("IND", "RU$"), "Error: [DW403] Option 'B' has value 'RU$'. Expected a code such as CHN, RUS, USA or NATO.\n"),
    (("IND", "RUS", "--since", "spring"),
     "Error: [DW403] Option '--since' has value 'spring'. Expected a date as YYYY, YYYY-MM or YYYY-MM-DD.\n"),
])
def test_cli_report_bad_arguments(india_russia_db, args, message) -> None:
    result = run("report", "--db", str(india_russia_db), *args)
    assert result.exit_code == 1 and result.output == message


def test_cli_relations(india_russia_db, store) -> None:
    result = run("relations", "--db", str(india_russia_db), "--relation", "contradict", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows == [r.as_dict() for r in list_relations(store, relation="contradict")]
    assert all(r["relation"] == "contradict" and r["a_sentence"] and r["b_sentence"] for r in rows)
    table = run("relations", "--db", str(india_russia_db), "--dyad", "IND", "RUS", "--limit", "2")
    assert table.exit_code == 0
    if rows:
        assert re.match(r"(AGREE|CONTRADICT) +\d\.\d\d  ", table.stdout)
    bad = run("relations", "--db", str(india_russia_db), "--dyad", "IND", "?")
    assert bad.exit_code == 1 and bad.output.startswith("Error: [DW403] Option 'actor code' has value '?'.")


# -- the seeds ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds_report(seeds_db, tmp_path_factory) -> DyadReport:
    need_shared()
    path = tmp_path_factory.mktemp("seeds_report") / "seeds.db"
    with sqlite3.connect(seeds_db) as src, sqlite3.connect(path) as dst:
        src.backup(dst)  # compare writes; the shared seeds database stays as other tests expect it
    _compare(path)
    with dyadwatch.Store(path, readonly=True) as s:
        return build_dyad_report(s, "CHN", "RUS")


def test_seeds_china_buys_russian_energy(seeds_report) -> None:
    does = ledger_entries(seeds_report.ledger, source="CHN", kind="does", area="energy")
    purchase = [e for e in does if e["label"].startswith("buys energy")]
    assert purchase, [e["label"] for e in does]
    assert any("Russian energy at heavily discounted" in s
               for e in purchase for s in _sentences(e))


def test_seeds_china_refuses_to_join_sanctions(seeds_report) -> None:
    refuses = ledger_entries(seeds_report.ledger, source="CHN", kind="refuses", area="sanctions")
    joining = [e for e in refuses if e["label"].startswith("joining sanctions")]
    assert joining, [e["label"] for e in refuses]
    assert any("join any formal sanctions" in s for e in joining for s in _sentences(e))
    # "Xi has finally broken with Putin" is about cutting ties (SANCTION/withdraw), another act
    assert not [d for e in joining for d in e["disputed_by"] if "broken with Putin" in d["sentence"]]


def test_seeds_report_renders(seeds_report, tmp_path) -> None:
    files = write_report(seeds_report, tmp_path / "seeds.md")
    text = files[0].read_text()
    for _, title in SECTIONS:
        assert f"\n## {title}\n" in text
    assert seeds_report.documents.count == 3


def test_seeds_report_shows_the_sources_disagree_on_distancing(seeds_report) -> None:
    # the founding example: one author sees Beijing distancing itself from Moscow, another sees
    # no distancing at all, and the report says so before anything else
    labels = {r.document_id: r.label for r in seeds_report.stances.rows}
    assert "weakening" in labels.values() and {"stable", "strengthening"} & set(labels.values()), labels
    distancing = [r for r in seeds_report.contradictions.rows
                  if r.a_document != r.b_document
                  and "distan" in (r.a_sentence or "").lower() and "distan" in (r.b_sentence or "").lower()]
    assert distancing, [(r.why, (r.a_sentence or "")[:60], (r.b_sentence or "")[:60])
                        for r in seeds_report.contradictions.rows]
    assert {labels[distancing[0].a_document], labels[distancing[0].b_document]} & {"weakening"}
    text = render_markdown(seeds_report)
    summary = text.split("\n## Activity by month\n")[0]
    assert "### Where the sources disagree" in summary
    assert "**weakening**" in summary and "**stable**" in summary
    assert "Strongest contradiction:" in summary and "distan" in summary.lower()


# -- scale -------------------------------------------------------------------------------------

@pytest.mark.slow
def test_report_on_100k_events_takes_seconds(tmp_path) -> None:
    """Queries stay indexed and bounded: 100,000 events, 48,000 mentions, 8,000 figures."""
    from dyadwatch.records import ActorMention, Analysis, Document, Event, Figure, Sentence

    rng = np.random.default_rng(7)
    types = ["AGREE", "CONSULT", "COOPERATE", "AID", "ACCUSE", "SANCTION", "ASSAULT"]
    contexts = [("military",), ("economic", "natural_resource"), ("diplomatic",), ()]
    sentence = "China will continue purchasing Russian energy, and Russia praised China at the UN. "
    path = tmp_path / "big.db"
    with dyadwatch.Store(path) as s:
        for d in range(400):
            text = f"Doc {d}. " + sentence * 40
            base = len(f"Doc {d}. ")
            sents = [Sentence(base + i * len(sentence), base + (i + 1) * len(sentence) - 1) for i in range(40)]
            mentions = [m for x in sents for m in (ActorMention(x.start, x.start + 5, "China", "CHN", "China", "t"),
                                                   ActorMention(x.start + 38, x.start + 45, "Russian", "RUS", "Russian",
                                                                "t"),
                                                   ActorMention(x.start + 78, x.start + 80, "UN", "UN", "UN", "t"))]
            events = []
            for i in range(250):
                x = sents[i % 40]
                source, target = ("CHN", "RUS") if i % 2 else ("RUS", "CHN")
                events.append(Event(x.start, x.end, text[x.start:x.end], source, target, types[i % len(types)],
                                    negated=bool(i % 9 == 0), modality=("actual", "intended", "alleged")[i % 3],
                                    date=f"20{10 + int(rng.integers(0, 15))}-{int(rng.integers(1, 13)):02d}",
                                    intensity=float(rng.uniform(-10, 10)), trigger="purchasing",
                                    trigger_start=x.start + 20, trigger_end=x.start + 30,
                                    contexts=contexts[i % len(contexts)]))
            figures = [Figure(x.start, x.start + 4, "", 1.0, "USD", "$1") for x in sents[:20]]
            s.write(Document(id=f"{d:016x}", source=f"d{d}.txt", text=text, outlet=f"Outlet {d % 30}",
                             published=f"2020-{d % 12 + 1:02d}-01", language="en"),
                    Analysis(f"{d:016x}", "t", tuple(sents), tuple(mentions), tuple(events), figures=tuple(figures)))
    with dyadwatch.Store(path, readonly=True) as s:
        started = time.perf_counter()
        result = build_dyad_report(s, "CHN", "RUS")
        elapsed = time.perf_counter() - started
    assert result.events.total == 100_000
    assert len(result.figures) == 50 and len(result.documents.list) == 400
    assert elapsed < 30, f"report took {elapsed:.1f}s"  # ~4 s here; a scan per figure took ~60 s


def test_confirmed_only_when_two_independent_sources_tell_the_entry(report, examples_db) -> None:
    # an entry told by one independent source is never "confirmed", even when other entries of
    # the same act and area come from several sources
    reports = [report, build_dyad_report(dyadwatch.Store(examples_db, readonly=True), "IND", "CHN")]
    entries = [e for rep in reports for e in ledger_entries(rep.ledger)]
    assert any(e["agreement"] == "confirmed" for e in entries)
    for entry in entries:
        if entry["agreement"] == "confirmed":
            assert entry["independent_sources"] >= 2, entry["label"]
            assert entry["agreement_why"].startswith(f"{entry['independent_sources']} independent sources")
