"""Language identification: short English texts are analysed, with the doubt recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch import Store, ingest_sources
from dyadwatch.ingest.language import detect_language, detect_language_with_doubt


@pytest.mark.parametrize("text", [
    "Iran, Saudi Arabia restore ties",
    "Modi, Xi meet in Kazan as border deal holds",
    "Erdogan, Mitsotakis hail new chapter",
    "Seoul and Tokyo agree to resume talks",
])
def test_short_english_headlines_are_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text,code", [
    ("La Chine et la Russie renforcent leurs liens économiques", "fr"),
    ("China und Russland vertiefen ihre Beziehungen weiter", "de"),
    ("Япония и Китай обменялись упрёками из-за Тайваня", "ru"),
    ("España y Marruecos firman un acuerdo sobre migración", "es"),
])
def test_short_texts_the_detector_is_sure_of_keep_their_language(text: str, code: str) -> None:
    assert detect_language_with_doubt(text) == (code, None)


def test_the_doubt_names_what_the_text_looked_like() -> None:
    code, doubt = detect_language_with_doubt("Iran, Saudi Arabia restore ties")
    assert code == "en" and doubt is not None and doubt.startswith("looks most like ") and "English" in doubt
    # long texts are never second-guessed
    long_text = "Iran and Saudi Arabia agreed on Friday to restore diplomatic ties after seven years. " * 6
    assert detect_language_with_doubt(long_text) == ("en", None)
    assert detect_language_with_doubt("Tiny.") == (None, None)


def test_ingest_analyses_a_doubtful_headline_and_says_why(tmp_path: Path, nlp) -> None:
    src = tmp_path / "headlines.jsonl"
    src.write_text(json.dumps({"url": "https://example.org/2024/03/12/ties",
                               "text": "Iran, Saudi Arabia sign accord"}) + "\n", encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        summary = ingest_sources(store, [str(src)], nlp=nlp)
        assert summary.added == 1 and summary.skipped_language == 0
        assert any(m.startswith("[W105]") and "analysed as English" in m for m in summary.messages)
        doc = next(iter(store.documents()))
        assert doc.language == "en" and any(w.startswith("[W105]") for w in doc.warnings)
        events = store.analysis(doc.id).events
        assert {frozenset((e.source, e.target)) for e in events} == {frozenset(("IRN", "SAU"))}
