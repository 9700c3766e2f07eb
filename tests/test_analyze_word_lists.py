"""Word lists as data: the event coder, the figure finder and the stance component read their words from
``dictionaries/data/<lang>/<component>.v<N>.json``, chosen by the component's ``lang`` setting,
and a second language plugs in through ``DYADWATCH_WORD_LISTS`` without touching the code."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
import spacy

from dyadwatch.analyze.events import EventCoder, EventWords
from dyadwatch.analyze.actors import ActorResolver, ActorWords
from dyadwatch.analyze.claims import ClaimFinder, ClaimWords
from dyadwatch.analyze.dates import narrative_offset, resolve_date
from dyadwatch.analyze.figures import FigureFinder, FigureWords, find_quantities, patterns_of
from dyadwatch.analyze.quotes import QuoteFinder, QuoteWords
from dyadwatch.analyze.stance import StanceFinder, StanceWords, sentence_direction, stance_words
from dyadwatch.dictionaries import DictionaryFormatError, DictionaryNotFound
from dyadwatch.dictionaries.words import DATA_DIR, WORDS_ENV_VAR, word_lists
from dyadwatch.ingest.metadata import MetadataWords

ENGLISH = DATA_DIR / "en" / "events.v1.json"
REF = "2024-05-10"


def _english(component: str = "events") -> dict[str, Any]:
    return json.loads((DATA_DIR / "en" / f"{component}.v1.json").read_text(encoding="utf-8"))


def _write_language(root: Path, lang: str, data: dict[str, Any], component: str = "events") -> Path:
    path = root / lang / f"{component}.v1.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _events(nlp, coder: EventCoder, text: str) -> list[dict[str, Any]]:
    """The trained pipeline up to the event coder, then the coder given."""
    doc = nlp.make_doc(text)
    doc._.dw_ref_date = REF
    with nlp.select_pipes(disable=["dyadwatch_events"]):
        doc = nlp(doc)
    return coder(doc)._.dw_events


@pytest.mark.parametrize("component,words", [("events", EventWords), ("figures", FigureWords),
                                             ("stance", StanceWords), ("quotes", QuoteWords),
                                             ("actors", ActorWords), ("claims", ClaimWords),
                                             ("metadata", MetadataWords)])
def test_the_english_file_documents_every_list_the_component_reads(component: str, words: type) -> None:
    data = _english(component)
    lists = {k for k in data if k not in ("name", "lang", "version", "description", "_doc")}
    # the stance component indexes its cues by their first word when it reads them
    read = {f.name for f in fields(words) if f.init} - {"lang", "by_first"}
    assert lists == read
    assert set(data["_doc"]) == lists and all(text.strip() for text in data["_doc"].values())
    assert (data["name"], data["lang"], data["version"]) == (component, "en", 1)


def test_a_second_language_plugs_in_through_the_lang_setting(nlp, tmp_path, monkeypatch) -> None:
    # a made-up language "xx" whose future is not told by "will": the same sentence is an
    # intention in English and an actual act in xx, and nothing else is different
    data = _english()
    data["lang"] = "xx"
    data["future_aux"] = [w for w in data["future_aux"] if w != "will"]
    _write_language(tmp_path, "xx", data)
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))

    blank = spacy.blank("en")
    blank.add_pipe("dyadwatch_events", config={"lang": "xx"})
    coder = blank.get_pipe("dyadwatch_events")
    assert isinstance(coder, EventCoder)
    assert coder.lang == "xx" and coder.words.future_aux == frozenset(data["future_aux"])

    text = "Japan will cooperate with South Korea on missile defence."
    english = [(e["source"], e["target"], e["type"], e["modality"]) for e in _events(nlp, EventCoder(nlp), text)]
    xx = [(e["source"], e["target"], e["type"], e["modality"]) for e in _events(nlp, coder, text)]
    assert ("JPN", "KOR", "COOPERATE", "intended") in english
    assert xx == [(s, t, ty, "actual" if m == "intended" else m) for s, t, ty, m in english]


def test_the_figure_finder_reads_its_language_too(nlp, tmp_path, monkeypatch) -> None:
    # in xx "met 15 times" counts no meetings: "meet" is not one of its meeting verbs
    data = _english("figures")
    data["lang"] = "xx"
    data["meet_verbs"] = [w for w in data["meet_verbs"] if w != "meet"]
    _write_language(tmp_path, "xx", data, "figures")
    money = dict(_english("money"), lang="xx")  # its currencies: a language has both files
    (tmp_path / "xx" / "money.v1.json").write_text(json.dumps(money, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    blank = spacy.blank("en")
    blank.add_pipe("dyadwatch_figures", config={"lang": "xx"})
    finder = blank.get_pipe("dyadwatch_figures")
    assert isinstance(finder, FigureFinder) and finder.words.meet_verbs == frozenset(data["meet_verbs"])

    def counts(component: FigureFinder) -> list[tuple[float, str]]:
        doc = nlp.make_doc("Modi and Abe met 15 times during their terms.")
        doc._.dw_ref_date = REF
        with nlp.select_pipes(disable=["dyadwatch_figures"]):
            doc = nlp(doc)
        return [(f["value"], f["measure"]) for f in component(doc)._.dw_figures if f["unit"] == "count"]

    assert counts(FigureFinder(nlp)) == [(15.0, "meetings")]
    assert counts(finder) == []


def test_the_money_file_documents_every_list_the_figure_finder_builds_its_pattern_from() -> None:
    data = _english("money")
    lists = {k for k in data if k not in ("name", "lang", "version", "description", "_doc")}
    assert lists == {"prefixes", "names", "codes_after", "invariant", "by_context", "not_money_before"}
    assert set(data["_doc"]) == lists and all(text.strip() for text in data["_doc"].values())
    assert (data["name"], data["lang"], data["version"]) == ("money", "en", 1)
    # every code is an ISO 4217 code: three capital letters
    codes = [*data["prefixes"].values(), *data["names"].values(), *data["codes_after"].values(),
             *(group.rsplit(" ", 1)[1] for group in data["by_context"])]
    assert all(len(c) == 3 and c.isupper() and c.isalpha() for c in codes)


def test_a_user_adds_a_currency_in_a_word_list_of_their_own(nlp, tmp_path, monkeypatch) -> None:
    # the Kenyan shilling is not built in; a newer English money file in the user's directory
    # adds it as a mark before the number and as words after it, and the figure finder reads both
    text = "Kenya lent Ethiopia KSh 3.5bn and promised 200 million Kenyan shillings more in trade credit."

    def money() -> list[tuple[float, str]]:
        doc = nlp.make_doc(text)
        doc._.dw_ref_date = REF
        with nlp.select_pipes(disable=["dyadwatch_figures"]):
            doc = nlp(doc)
        return [(f["value"], f["unit"]) for f in FigureFinder(nlp)(doc)._.dw_figures]

    built_in = money()
    assert not any(unit == "KES" for _, unit in built_in)
    assert [(q["value"], q["unit"]) for q in find_quantities("KSh 3.5bn")] != [(3.5e9, "KES")]

    data = _english("money")
    data["version"] = 2
    data["prefixes"]["KSh"] = "KES"
    data["names"]["kenyan shilling"] = "KES"
    path = tmp_path / "en" / "money.v2.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))

    assert [(q["value"], q["unit"]) for q in find_quantities("KSh 3.5bn")] == [(3.5e9, "KES")]
    # letters of a mark keep their case: "ksh" is no shilling
    assert [q["unit"] for q in find_quantities("ksh 3.5bn")] != ["KES"]
    assert money() == [(3.5e9, "KES"), (2e8, "KES")]
    # and the built-in currencies still read as before
    assert [(q["value"], q["unit"]) for q in find_quantities("E£3 billion and 40 yuan")] == [
        (3e9, "EGP"), (40.0, "CNY")]


def _figure_language(root: Path, lang: str, **changes: Any) -> None:
    """Write a language ``lang`` for the figure finder: the English figures file with ``changes``,
    and the English currencies."""
    data = dict(_english("figures"), lang=lang, **changes)
    _write_language(root, lang, data, "figures")
    money = dict(_english("money"), lang=lang)
    (root / lang / "money.v1.json").write_text(json.dumps(money, ensure_ascii=False), encoding="utf-8")


def test_the_number_pattern_is_built_from_the_figure_word_lists(tmp_path, monkeypatch) -> None:
    # a made-up language "xx" that writes two as "dos", millions as "millones", and "unos" for
    # about: the words of the number pattern and the qualifiers come from its file, not the code
    english = _english("figures")
    _figure_language(tmp_path, "xx",
                     number_words={**english["number_words"], "dos": "2"},
                     scale_words={**english["scale_words"], "millones": "1e6"},
                     qualifiers=[*english["qualifiers"], "unos"],
                     qualifier_synonyms={**english["qualifier_synonyms"], "unos": "about"},
                     range_joiners=[*english["range_joiners"], "a"],
                     relation_words=[*english["relation_words"], "tratad*"])
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    text = "Sent unos dos millones barrels, then 3 a 5 ships."

    def read(lang: str) -> list[tuple[float, float | None, str, str | None]]:
        return [(q["value"], q["value_high"], q["unit"], q["qualifier"]) for q in find_quantities(text, lang)]

    assert read("xx") == [(2e6, None, "other", "about"), (3.0, 5.0, "count", None)]
    assert read("en") == [(3.0, None, "count", None), (5.0, None, "count", None)]
    # a trailing '*' stands for any ending
    assert patterns_of("xx").relation_words.search("tras el tratado de paz")
    assert not patterns_of("en").relation_words.search("tras el tratado de paz")


def test_a_number_word_list_whose_value_is_no_number_names_the_file(tmp_path, monkeypatch) -> None:
    english = _english("figures")
    _figure_language(tmp_path, "xx", number_words={**english["number_words"], "dos": "two"})
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    with pytest.raises(DictionaryFormatError) as info:
        find_quantities("dos", "xx")
    assert str(tmp_path / "xx" / "figures.v1.json") in str(info.value) and "'number_words.dos'" in str(info.value)


def test_a_money_context_group_without_its_code_names_the_file(tmp_path, monkeypatch) -> None:
    data = _english("money")
    data["by_context"]["peso"] = ["manila"]
    path = _write_language(tmp_path, "en", data, "money")
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    with pytest.raises(DictionaryFormatError) as info:
        find_quantities("5 billion pesos")
    assert str(path) in str(info.value) and "'by_context.peso'" in str(info.value)


def test_the_quote_finder_reads_its_language_too(nlp, tmp_path, monkeypatch) -> None:
    # in xx "warn" cues no speech: the same quote has no speaker, so it is left out
    data = _english("quotes")
    data["lang"] = "xx"
    data["speech"] = [w for w in data["speech"] if w != "warn"]
    _write_language(tmp_path, "xx", data, "quotes")
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    blank = spacy.blank("en")
    blank.add_pipe("dyadwatch_quotes", config={"lang": "xx"})
    finder = blank.get_pipe("dyadwatch_quotes")
    assert isinstance(finder, QuoteFinder) and finder.words.speech == frozenset(data["speech"])

    def speakers(component: QuoteFinder) -> list[str]:
        doc = nlp.make_doc('"We will not back down," Foreign Minister Penny Wong warned on Monday.')
        with nlp.select_pipes(disable=["dyadwatch_quotes"]):
            doc = nlp(doc)
        return [q["speaker"] for q in component(doc)._.dw_quotes if q["direct"]]

    assert speakers(QuoteFinder(nlp)) == ["Penny Wong"]
    assert speakers(finder) == []


def test_the_actor_resolver_reads_its_language_too(tmp_path, monkeypatch) -> None:
    # in xx "former" does not end a person's tie to the state: the former envoy still speaks for it
    data = _english("actors")
    data["lang"] = "xx"
    data["past"] = [w for w in data["past"] if w != "former"]
    _write_language(tmp_path, "xx", data, "actors")
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))

    def codes(lang: str) -> list[str]:
        blank = spacy.blank("en")
        blank.add_pipe("dyadwatch_actors", config={"lang": lang, "use_entities": False})
        assert isinstance(blank.get_pipe("dyadwatch_actors"), ActorResolver)
        return [m["code"] for m in blank("A former Chinese diplomat praised Ghana.")._.dw_mentions]

    assert codes("en") == ["GHA"]
    assert codes("xx") == ["CHN", "GHA"]


def test_the_claim_finder_reads_its_language_too(nlp, tmp_path, monkeypatch) -> None:
    # in xx "illusion" says nothing negative: the same judgement is a positive claim
    data = _english("claims")
    data["lang"] = "xx"
    data["negative_lemmas"] = [w for w in data["negative_lemmas"] if w != "illusion"]
    _write_language(tmp_path, "xx", data, "claims")
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    blank = spacy.blank("en")
    blank.add_pipe("dyadwatch_claims", config={"lang": "xx"})
    finder = blank.get_pipe("dyadwatch_claims")
    assert isinstance(finder, ClaimFinder) and finder.lang == "xx"
    assert finder.words.negative_lemmas == frozenset(data["negative_lemmas"])

    doc = nlp.make_doc("The new partnership between Japan and South Korea is an illusion built on fear of China.")
    doc._.dw_ref_date = REF
    doc = nlp(doc)

    def polarities(component: ClaimFinder) -> list[int]:
        return [c["polarity"] for c in component(doc)._.dw_claims]

    assert polarities(ClaimFinder(nlp)) == [-1]
    assert polarities(finder) == [1]


def test_the_metadata_reader_and_chrome_filter_read_their_words_as_data(tmp_path, monkeypatch) -> None:
    # English lists of one's own (DYADWATCH_WORD_LISTS): without the particle "van" a byline
    # is no name, and without "telegram" a share bar is text
    from dyadwatch.ingest.chrome import is_chrome_line
    from dyadwatch.ingest.metadata import extract_metadata

    data = _english("metadata")
    data["name_particles"] = [w for w in data["name_particles"] if w != "van"]
    _write_language(tmp_path, "en", data, "metadata")
    chrome = _english("chrome")
    chrome["social_words"] = [w for w in chrome["social_words"] if w != "telegram"]
    (tmp_path / "en" / "chrome.v1.json").write_text(json.dumps(chrome), encoding="utf-8")
    body = "Ports reopen\nBy Ursula van der Berg\nThe ports reopened on Monday after talks between the two states."

    assert extract_metadata(body).authors == ("Ursula van der Berg",)
    assert is_chrome_line("Facebook | Telegram | Email")
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    assert extract_metadata(body).authors == ()
    assert not is_chrome_line("Facebook | Telegram | Email")


def test_the_ledger_terms_file_documents_its_lists_and_reads_another_language(tmp_path, monkeypatch) -> None:
    from dyadwatch.analyze.terms import MODE_PHRASE, entry_phrase, term_words

    data = _english("terms")
    lists = {k for k in data if k not in ("name", "lang", "version", "description", "_doc")}
    assert set(data["_doc"]) == lists and all(text.strip() for text in data["_doc"].values())
    # the English lists are what the ledger words events with
    assert entry_phrase("COOPERATE", "purchasing", "energy") == "buy energy"
    assert MODE_PHRASE[("SANCTION", "expel")] == data["mode_phrases"]["SANCTION:expel"]
    data["lang"] = "xx"
    data["type_phrases"]["THREATEN"] = "issue threats"
    _write_language(tmp_path, "xx", data, "terms")
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    assert term_words("xx").type_phrase["THREATEN"] == "issue threats"
    assert term_words("en").type_phrase["THREATEN"] == "threaten"


def test_the_stance_component_reads_its_language_too(tmp_path, monkeypatch) -> None:
    # in xx "not" negates nothing: "not closer" reads as closer
    data = _english("stance")
    data["lang"] = "xx"
    data["negators"] = [w for w in data["negators"] if w != "not"]
    _write_language(tmp_path, "xx", data, "stance")
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    blank = spacy.blank("en")
    blank.add_pipe("dyadwatch_stance", config={"lang": "xx", "embeddings": False})
    finder = blank.get_pipe("dyadwatch_stance")
    assert isinstance(finder, StanceFinder) and finder.words is stance_words("xx")
    assert finder.words.lang == "xx" and "not" not in finder.words.negators

    negated = "Their ties are not closer than before."
    assert sentence_direction(negated) < 0 < sentence_direction(negated, stance_words("xx"))
    assert sentence_direction(negated, stance_words("xx")) == sentence_direction(negated.replace("not ", ""))


def test_a_cue_that_is_not_words_and_a_weight_names_the_file(tmp_path, monkeypatch) -> None:
    data = _english("stance")
    data["lang"] = "xx"
    data["cues"]["closer"] = ["deepen+ strongly"]
    path = _write_language(tmp_path, "xx", data, "stance")
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    with pytest.raises(DictionaryFormatError) as info:
        stance_words("xx")
    assert str(info.value).startswith(f"[DW259] {path}: the closer cue 'deepen+ strongly' is not words and a weight")


def test_a_file_of_the_same_language_in_the_directory_replaces_the_builtin(tmp_path, monkeypatch) -> None:
    data = _english()
    data["pair_words"] = ["both"]
    _write_language(tmp_path, "en", data)
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    assert word_lists("events", "en").words("pair_words") == frozenset({"both"})
    monkeypatch.delenv(WORDS_ENV_VAR)
    assert "both" in word_lists("events", "en").words("pair_words")
    assert len(word_lists("events", "en").words("pair_words")) > 1


def test_a_missing_language_names_where_it_looked_and_what_to_do(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    blank = spacy.blank("en")
    with pytest.raises(DictionaryNotFound) as info:
        blank.add_pipe("dyadwatch_events", config={"lang": "zz"})
    message = str(info.value)
    assert message.startswith("[DW257]")
    assert "'zz'" in message and "zz/events.v<N>.json" in message
    assert str(tmp_path) in message and str(DATA_DIR) in message
    assert "Languages with events lists: en." in message and WORDS_ENV_VAR in message


def test_a_directory_that_does_not_exist_is_named(tmp_path, monkeypatch) -> None:
    missing = tmp_path / "no-such-dir"
    monkeypatch.setenv(WORDS_ENV_VAR, str(missing))
    with pytest.raises(DictionaryNotFound) as info:
        word_lists("events", "en")
    assert str(info.value).startswith(f"[DW260] {missing}, listed in {WORDS_ENV_VAR}, is not a directory")


def test_a_language_file_without_a_list_fails_when_the_coder_is_made(nlp, tmp_path, monkeypatch) -> None:
    data = _english()
    data["lang"] = "xx"
    del data["deny"]
    path = _write_language(tmp_path, "xx", data)
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    with pytest.raises(DictionaryFormatError) as info:
        EventCoder(nlp, lang="xx")
    message = str(info.value)
    assert message.startswith("[DW258]") and str(path) in message and "'deny'" in message
    assert str(ENGLISH) in message


def test_a_list_that_is_not_words_names_the_file_and_the_list(tmp_path, monkeypatch) -> None:
    data = _english()
    data["lang"] = "xx"
    data["material"] = "military"
    path = _write_language(tmp_path, "xx", data)
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    with pytest.raises(DictionaryFormatError) as info:
        word_lists("events", "xx")
    assert str(info.value).startswith(f"[DW259] {path}: 'material' must be a list")


def test_the_dates_file_documents_every_list_it_has() -> None:
    data = _english("dates")
    lists = {k for k in data if k not in ("name", "lang", "version", "description", "_doc")}
    assert set(data["_doc"]) == lists and all(text.strip() for text in data["_doc"].values())
    assert (data["name"], data["lang"], data["version"]) == ("dates", "en", 1)
    assert sorted(int(v) for v in data["weekdays"].values()) == list(range(7))
    assert set(int(v) for v in data["months"].values()) == set(range(1, 13))


def test_the_date_resolver_reads_its_language_too(tmp_path, monkeypatch) -> None:
    # a made-up language "xx" with a month "mayo" and a day counted from the story "al día siguiente"
    data = _english("dates")
    data["lang"] = "xx"
    data["months"] = {**data["months"], "mayo": "5"}
    data["narrative_phrases"] = {**data["narrative_phrases"], "al día siguiente": "1"}
    _write_language(tmp_path, "xx", data, "dates")
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    assert resolve_date("mayo 5", "2024-06-15", lang="xx") == "2024-05-05"
    assert resolve_date("mayo 5", "2024-06-15") is None
    assert narrative_offset("al  día siguiente", "xx") == 1 and narrative_offset("al día siguiente") is None
    # what is not changed reads as in English
    assert resolve_date("last Friday", "2024-06-15", lang="xx") == resolve_date("last Friday", "2024-06-15") \
        == "2024-06-14"


def test_a_dates_file_without_a_list_names_the_file_and_the_list(tmp_path, monkeypatch) -> None:
    data = _english("dates")
    del data["weekdays"]
    path = _write_language(tmp_path, "en", data, "dates")
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    with pytest.raises(DictionaryFormatError) as info:
        resolve_date("on Friday", "2024-06-15")
    assert str(path) in str(info.value) and "weekdays" in str(info.value)
