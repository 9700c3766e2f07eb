"""From raw text to a stored document: ids, chrome, language, and the ingest job."""

from __future__ import annotations

import json
from pathlib import Path

from dyadwatch import Store, ingest_sources
from dyadwatch.ingest import build_document, document_id
from dyadwatch.records import RawDocument

BODY = ("Hanoi and Manila signed a coast guard cooperation pact on Thursday, officials said. "
        "The agreement covers joint patrols and information sharing.")


def test_document_id_ignores_spacing_line_endings_case_and_bom() -> None:
    a = document_id(BODY)
    assert a == document_id("\ufeff" + BODY.replace(" ", "  ").replace(". ", ".\r\n"))
    assert a == document_id(BODY.upper())
    assert a != document_id(BODY.replace("Thursday", "Friday"))
    assert len(a) == 16 and int(a, 16) >= 0


def test_chrome_is_blanked_for_analysis_with_offsets_kept() -> None:
    text = "IE 11 is not supported. For a better experience, open this site in another browser.\n\n" + BODY
    doc = build_document(RawDocument(source="x.txt", text=text))
    assert doc.text == text
    assert doc.chrome and doc.chrome[0][0] == 0
    analysed = doc.analysed_text
    assert len(analysed) == len(text)
    assert analysed.strip() == BODY
    i = text.index("Hanoi")
    assert analysed[i:i + 5] == "Hanoi"


def test_non_english_documents_are_stored_flagged_and_not_analysed(tmp_path: Path, nlp) -> None:
    (tmp_path / "de.txt").write_text(
        "Berlin und Paris haben am Donnerstag ein Abkommen über die Zusammenarbeit bei der Verteidigung "
        "unterzeichnet, teilten Regierungsvertreter mit. Die Minister wollen sich im nächsten Monat erneut treffen.")
    (tmp_path / "en.txt").write_text(BODY)
    messages: list[str] = []
    with Store(tmp_path / "x.db") as store:
        summary = ingest_sources(store, [str(tmp_path)], nlp=nlp, on_message=messages.append)
        assert (summary.added, summary.skipped_language) == (2, 1)
        [warning] = [m for m in messages if "[W102]" in m]
        assert "de.txt" in warning and "'de'" in warning and "not analysed" in warning
        rows = {Path(r["source"]).name: r for r in store.execute(
            "SELECT source, language, analysis_skipped, (SELECT count(*) FROM sentences s WHERE s.document_id = d.id) n "
            "FROM documents d")}
    assert rows["de.txt"]["language"] == "de" and rows["de.txt"]["analysis_skipped"] == "language: de"
    assert rows["de.txt"]["n"] == 0
    assert rows["en.txt"]["language"] == "en" and rows["en.txt"]["analysis_skipped"] is None and rows["en.txt"]["n"] == 2


def test_same_text_from_two_files_is_one_document(tmp_path: Path, nlp) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text(BODY.replace(" ", "\n", 3) + "\n")
    with Store(tmp_path / "x.db") as store:
        summary = ingest_sources(store, [str(tmp_path)], nlp=nlp)
        assert (summary.added, summary.present) == (1, 1)
        [doc_id] = store.document_ids()
        assert [Path(s).name for s in store.document_sources(doc_id)] == ["a.txt", "b.txt"]


def test_sentences_break_at_line_ends(tmp_path: Path, nlp) -> None:
    text = "Coast guards step up patrols\n\nBy Le Minh\n\n" + BODY
    (tmp_path / "a.txt").write_text(text)
    with Store(tmp_path / "x.db") as store:
        ingest_sources(store, [str(tmp_path)], nlp=nlp)
        [doc_id] = store.document_ids()
        sentences = [text[s.start:s.end] for s in store.analysis(doc_id).sentences]
    assert sentences[:2] == ["Coast guards step up patrols", "By Le Minh"]
    assert sentences[2].startswith("Hanoi and Manila signed")


def test_reingest_after_partial_run_completes_the_job(tmp_path: Path, nlp) -> None:
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(BODY.replace("Thursday", f"day {i}"))
    db = tmp_path / "x.db"
    with Store(db) as store:
        ingest_sources(store, [str(tmp_path / "0.txt"), str(tmp_path / "1.txt")], nlp=nlp)
    with Store(db) as store:
        summary = ingest_sources(store, [str(tmp_path)], nlp=nlp)
        assert (summary.added, summary.present, summary.failed) == (2, 2, 0)
        assert store.counts()["documents"] == 4
        assert json.loads(json.dumps(store.counts()))["analysed"] == 4


def test_store_documents_takes_documents_from_any_reader(tmp_path: Path, nlp) -> None:
    """The public analyse-and-store step of every job, fed by a caller's own reader: one summary
    counts what it did and collects its warnings; a document seen twice is stored once."""
    from dyadwatch import store_documents
    from dyadwatch.analyze import analyzer_version

    german = ("Berlin und Paris haben am Donnerstag ein Abkommen über die Zusammenarbeit bei der "
              "Verteidigung unterzeichnet, teilten Regierungsvertreter mit.")
    texts = [("mine:1", BODY), ("mine:2", german), ("mine:3", BODY + "\n")]
    with Store(tmp_path / "x.db") as store:
        summary = store_documents(store, (build_document(RawDocument(source=s, text=t)) for s, t in texts), nlp=nlp)
        assert (summary.added, summary.present, summary.skipped_language) == (2, 1, 1)
        assert [m[:6] for m in summary.messages] == ["[W102]"] and "mine:2" in summary.messages[0]
        stored, analyzer = store.analyzer_of(document_id(BODY))
        assert stored and analyzer == analyzer_version(nlp)
        assert store.conn.execute("SELECT count(*) FROM sentences WHERE document_id = ?",
                                  (document_id(BODY),)).fetchone()[0] == 2
        again = store_documents(store, [build_document(RawDocument(source="mine:4", text=BODY))], nlp=None)
        assert (again.added, again.present, again.messages) == (0, 1, [])
