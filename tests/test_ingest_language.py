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


ENGLISH_NEWS = ("Japan and China agreed on Tuesday to resume talks on their maritime border, the foreign "
                "ministry in Tokyo said, after a year in which coast guard vessels of the two countries "
                "had confronted each other near the islands. Officials from both sides said that the "
                "first round would be held in Beijing next month, and that it would cover fisheries, "
                "gas fields and a hotline between the two militaries, which has been in place since 2023.")


@pytest.mark.parametrize("text,plain", [
    (ENGLISH_NEWS, True),
    ("La Chine et la Russie renforcent leurs liens économiques. Le ministre des affaires étrangères a "
     "déclaré mardi que les deux pays allaient signer un accord sur le commerce et l'énergie, malgré les "
     "sanctions occidentales qui pèsent sur Moscou depuis l'invasion de l'Ukraine.", False),
    ("China en Rusland verdiepen hun betrekkingen. De minister van Buitenlandse Zaken zei dinsdag dat de "
     "twee landen een akkoord over handel en energie zullen ondertekenen, ondanks de westerse sancties die "
     "sinds de invasie van Oekraïne op Moskou drukken. Het is de vraag of het standhoudt.", False),
    # English names and a few English words in German prose are not enough
    ("Der Außenminister sagte am Dienstag in Washington, the United States and China würden ein Abkommen "
     "über Handel und Energie unterzeichnen, trotz der Sanktionen, die seit dem Einmarsch in die Ukraine "
     "auf Moskau lasten. Beobachter halten die Annäherung vor allem für pragmatisch.", False),
])
def test_plainly_english_long_texts_skip_the_detector_with_its_answer(text: str, plain: bool) -> None:
    from dyadwatch.ingest.language import _detector, _plainly_english

    assert _plainly_english(text) is plain
    if plain:  # the detector agrees with the shortcut
        assert str(_detector().detect_language_of(text).iso_code_639_1.name).lower() == "en"
        assert detect_language_with_doubt(text) == ("en", None)
    else:
        assert detect_language_with_doubt(text)[0] != "en"
