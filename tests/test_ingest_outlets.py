"""Outlets from the page address: the outlet dictionaries (user-extensible), the site's own
spelling in the text, a readable name from the domain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.dictionaries import DictionaryFormatError, load_outlets
from dyadwatch.ingest.metadata import extract_metadata
from dyadwatch.ingest.outlets import domain_name_label, host_of, outlet_from_url, readable_name


def test_the_builtin_dictionary_names_well_known_outlets() -> None:
    outlets = load_outlets()
    assert len(outlets) > 500
    assert outlets["reuters.com"] == "Reuters"
    assert outlet_from_url("https://www.nytimes.com/2024/03/12/world/asia/x.html")[0] == "The New York Times"
    # a subdomain is found through its parent domain
    name, why = outlet_from_url("https://edition.cnn.com/2024/03/12/asia/x/index.html")
    assert name == "CNN" and "cnn.com" in why


@pytest.mark.parametrize("url,host,label", [
    ("https://www.bbc.co.uk/news/x", "www.bbc.co.uk", ("bbc", "co.uk")),
    ("https://en.aravot.am/2025/08/13/1", "en.aravot.am", ("aravot", "am")),
    ("https://mb.com.ph/2025/11/10/x", "mb.com.ph", ("mb", "com.ph")),
    ("http://example.org:8080/x", "example.org", ("example", "org")),
])
def test_hosts_and_the_label_that_names_the_site(url: str, host: str, label: tuple[str, str]) -> None:
    assert host_of(url) == host
    assert domain_name_label(host) == label


@pytest.mark.parametrize("url", [None, "", "not a url", "https://127.0.0.1/x", "file:///etc/passwd", "https://localhost/"])
def test_no_outlet_without_a_usable_host(url) -> None:
    assert outlet_from_url(url) is None


@pytest.mark.parametrize("label,name", [
    ("kyivindependent", "Kyiv Independent"),
    ("koreanewsdigest", "Korea News Digest"),
    ("thedailyworldbulletin", "The Daily World Bulletin"),
    ("abc7chicago", "ABC7 Chicago"),
    ("nwaonline", "NWA Online"),
    ("aravot", "Aravot"),
    ("rfi", "RFI"),
    ("sun", "Sun"),
    ("the-example-times", "The Example Times"),
    # a split leaving a short piece that is no word is no reading: one word
    ("financetom", "Financetom"),
    ("tradetom", "Tradetom"),
])
def test_readable_names_from_domains(label: str, name: str) -> None:
    assert readable_name(label) == name


def test_the_sites_own_spelling_wins_over_a_made_up_name() -> None:
    text = "Talks resume\nReproduction of materials is permitted only with a hyperlink to Caliber.az\nBody."
    assert outlet_from_url("https://caliber.az/en/post/x", text, outlets={})[0] == "Caliber.az"
    assert outlet_from_url("https://www.examplenewsdigest.com/x", "Read the Example News Digest daily.",
                           outlets={})[0] == "Example News Digest"
    # a name the domain abbreviates
    assert outlet_from_url("https://www.jiia.or.jp/eng/x", "The Japan Institute of International Affairs (JIIA) "
                           "held a seminar.", outlets={})[0] == "The Japan Institute of International Affairs"
    assert outlet_from_url("https://lapost.example/x", "The Los Angeles Post\nTitle words here", outlets={})[0] == \
        "The Los Angeles Post"


def test_a_user_adds_and_corrects_outlets_through_dictionaries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = tmp_path / "acme.outlets.v1.jsonl"
    mine.write_text("\n".join(json.dumps(line) for line in [
        {"label": "DICTIONARY", "name": "acme.outlets.v1"},
        {"label": "OUTLET", "domain": "example-gazette.org", "name": "The Example Gazette", "country": "GBR"},
        {"label": "OUTLET", "domain": "reuters.com", "name": "Reuters News"},
    ]) + "\n", encoding="utf-8")
    monkeypatch.setenv("DYADWATCH_DICTIONARIES", str(mine))
    assert load_outlets()["example-gazette.org"] == "The Example Gazette"
    assert load_outlets()["reuters.com"] == "Reuters News"
    result = extract_metadata("Talks resume\nBody of the article goes here.", url="https://example-gazette.org/a")
    assert result.outlet == "The Example Gazette" and "outlet dictionary" in result.evidence["outlet"]
    monkeypatch.delenv("DYADWATCH_DICTIONARIES")
    assert "example-gazette.org" not in load_outlets()


def test_a_bad_outlet_line_is_refused_naming_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "acme.outlets.v1.jsonl"
    bad.write_text(json.dumps({"label": "OUTLET", "domain": "https://www.Example.org/", "name": "X"}) + "\n")
    with pytest.raises(DictionaryFormatError, match=r"\[DW252\].*line 1.*OUTLET 'domain'"):
        load_outlets(extra_paths=[bad])


# ---------------------------------------------------------------- dyadwatch.outlets.v2

def _builder():
    """scripts/build_outlets.py as a module (standard library only)."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "scripts" / "build_outlets.py"
    spec = importlib.util.spec_from_file_location("build_outlets", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_one_version_of_the_outlet_table_is_loaded() -> None:
    from dyadwatch.dictionaries import load_actor_dictionaries

    names = [d.name for d in load_actor_dictionaries() if ".outlets." in d.name]
    assert names == ["dyadwatch.outlets.v2"]
    assert len(load_outlets()) > 4000


def test_the_packaged_table_is_what_the_builder_writes(tmp_path: Path) -> None:
    builder = _builder()
    assert builder.validate(builder.OUTLETS) == []
    out = tmp_path / "outlets.jsonl"
    assert builder.main([str(out)]) == 0
    packaged = Path(__file__).resolve().parents[1] / "src" / "dyadwatch" / "dictionaries" / "data"
    assert out.read_text(encoding="utf-8") == (packaged / "dyadwatch.outlets.v2.jsonl").read_text(encoding="utf-8")
    # v2 keeps every v1 domain but the ones its corrections drop
    kept = {d for d, _, _ in builder.OUTLETS}
    dropped = {d for d, fix in builder.CORRECTIONS.items() if fix is None}
    assert {d for d, _, _ in builder.OUTLETS_V1} - dropped <= kept
    assert not dropped & kept - {d for d, _, _ in builder.ADDITIONS}


def test_corrections_change_or_drop_entries_and_refuse_unknown_domains() -> None:
    builder = _builder()
    rows = [("a.example", "A", "USA"), ("b.example", "B", "USA")]
    assert builder.corrected(rows, {"a.example": None, "b.example": ("Bee", "GBR")}) == [("b.example", "Bee", "GBR")]
    with pytest.raises(ValueError, match="c.example"):
        builder.corrected(rows, {"c.example": None})


@pytest.mark.parametrize("url,name", [
    # think tanks by the full name their brand pairs with the acronym
    ("https://www.csis.org/analysis/x", "Center for Strategic and International Studies"),
    ("https://www.iiss.org/online-analysis/x", "International Institute for Strategic Studies"),
    ("https://www.jiia.or.jp/en/column/x.html", "The Japan Institute of International Affairs"),
    ("https://en.asaninst.org/contents/x", "The Asan Institute for Policy Studies"),
    ("https://www.orsam.org.tr/en/x", "Center for Middle Eastern Studies"),
    ("https://www.fmprc.gov.cn/eng/xw/x.html", "Ministry of Foreign Affairs of the People's Republic of China"),
    # national and regional outlets outside the US and the UK
    ("https://timesca.com/x/", "The Times of Central Asia"),
    ("https://www.samoaobserver.ws/category/samoa/1", "Samoa Observer"),
    ("https://www.premiumtimesng.com/x.html", "Premium Times"),
    ("https://news.am/eng/news/1.html", "NEWS.am"),
    ("https://oxu.az/politika/1", "Oxu.az"),
    # a brand other than the domain, a word the domain lacks
    ("https://www.nwaonline.com/news/2024/mar/12/x/", "Northwest Arkansas Democrat-Gazette"),
    ("https://www.rp-online.de/politik/x", "Rheinische Post"),
    ("https://sun.mv/12345", "Sun Online"),
    ("https://www.kaieteurnewsonline.com/2024/03/12/x/", "Kaieteur News"),
    # a subdomain with a title of its own; its parent keeps the parent's title
    ("https://asia.nikkei.com/Politics/x", "Nikkei Asia"),
    ("https://www.nikkei.com/article/x/", "Nikkei"),
    ("https://economictimes.indiatimes.com/news/x", "The Economic Times"),
    ("https://timesofindia.indiatimes.com/world/x", "The Times of India"),
    ("https://english.ahram.org.eg/News/1.aspx", "Ahram Online"),
    ("https://abcnews.go.com/International/x", "ABC News"),
])
def test_the_v2_table_names_outlets_by_their_brand(url: str, name: str) -> None:
    found, why = outlet_from_url(url)
    assert found == name and "outlet dictionary" in why


def test_a_domain_hosting_several_sites_is_no_longer_one_outlet() -> None:
    # go.com hosts more than ABC News
    found, why = outlet_from_url("https://www.go.com/x")
    assert found != "ABC News" and "outlet dictionary" not in why


# ---------------------------------------------------------------- names from the text for unknown domains

@pytest.mark.parametrize("url,text,name", [
    # the name the text pairs with the acronym in brackets, a word of it left out of the acronym
    ("https://www.viep.example/x", "Talks resume\nThe Velmora Institute for International Economic Policy (VIEP) "
     "published the study.", "The Velmora Institute for International Economic Policy"),
    # commas inside the name are kept as written
    ("https://www.rihti.example/x", "A report of the Research Institute of Harbours, Trade and Industry (RIHTI).",
     "Research Institute of Harbours, Trade and Industry"),
    # a lower-case "the" is not part of the name; a connecting word may give a letter
    ("https://www.soks.example/x", "A lecture at the School of Oriental and Korvalan Studies (SOKS) in Velmora.",
     "School of Oriental and Korvalan Studies"),
    # the acronym in the masthead, the name in the copyright line
    ("https://www.kcss.example/analysis/x", "KCSS\nHarbour talks resume\nBody of the analysis.\n"
     "© 2025 Korvala Centre for Strategic Studies. All rights reserved.", "Korvala Centre for Strategic Studies"),
    # a name whose initials do not fit is not taken: the acronym as the text writes it
    ("https://www.kiep.example/x", "Researchers at the Korvala Institute (KIEP) said so.", "KIEP"),
    # brand words: one the domain lacks is kept, one the domain adds may be missing
    ("https://sun.example/news/1", "Talks resume\nBody text.\n© 2025 Sun Online. All rights reserved.", "Sun Online"),
    ("https://www.harbourtimesonline.example/x", "Talks resume\nBody.\nCopyright © 2025 Harbour Times.",
     "Harbour Times"),
    # the form with the domain suffix beats a brand word
    ("https://meridian.az/en/news/1", "Meridian News reported on the talks.\nFollow Meridian.az for more.",
     "Meridian.az"),
])
def test_names_the_text_gives_an_unknown_domain(url: str, text: str, name: str) -> None:
    found, why = outlet_from_url(url, text, outlets={})
    assert found == name
    assert "as the text writes it" in why


def test_an_acronym_in_lower_case_brackets_is_no_pairing() -> None:
    # "(kiep)" is a word, not an acronym; the name's initials skip a word, so no run spells it
    found, why = outlet_from_url("https://www.kiep.example/x",
                                 "The Korvala Institute for International Economic Policy (kiep) met.", outlets={})
    assert found == "Kiep" and "made from the page address" in why


def test_a_domain_that_adds_a_brand_word_never_reads_one_word_as_its_name() -> None:
    # "Korea" alone in the text is the country, not koreadaily's name
    found, why = outlet_from_url("https://www.koreadaily.example/x", "Korea said the talks would resume.",
                                 outlets={})
    assert found == "Korea Daily" and "made from the page address" in why


def test_a_place_name_domain_takes_no_brand_word_from_a_phrase() -> None:
    found, _ = outlet_from_url("https://www.armenia.example/x", "He told Armenia Today that talks would resume.",
                               outlets={})
    assert found == "Armenia"


@pytest.mark.parametrize("url,text,name", [
    # a reuse line names the site
    ("https://velmorapost.az/en/news/1", "Harbour talks resume\nVelmora and Korvala agreed on Tuesday to reopen "
     "the harbour.\nCopying of our content is permitted only when it carries a link to VelmoraPost.az",
     "VelmoraPost.az"),
    # a copyright line names an acronym site
    ("https://www.kcss.example/analysis/x", "Harbour talks resume\nVelmora and Korvala agreed on Tuesday to reopen "
     "the harbour.\n© 2025 Korvala Centre for Strategic Studies. All rights reserved.",
     "Korvala Centre for Strategic Studies"),
    # a wire byline on a site the table knows: the republishing site stays the outlet
    ("https://sun.mv/12345", "Harbour talks resume\nJane Doe | Reuters\nVelmora and Korvala agreed on Tuesday to "
     "reopen the harbour.", "Sun Online"),
])
def test_metadata_takes_the_outlet_from_copyright_and_reuse_lines(url: str, text: str, name: str) -> None:
    result = extract_metadata(text, url=url)
    assert result.outlet == name
    assert "outlet" in result.evidence
