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
])
def test_readable_names_from_domains(label: str, name: str) -> None:
    assert readable_name(label) == name


def test_the_sites_own_spelling_wins_over_a_made_up_name() -> None:
    text = "Talks resume\nAny use of materials is allowed only with a hyperlink to Caliber.az\nBody."
    assert outlet_from_url("https://caliber.az/en/post/x", text, outlets={})[0] == "Caliber.az"
    assert outlet_from_url("https://www.examplenewsdigest.com/x", "Read the Example News Digest daily.",
                           outlets={})[0] == "Example News Digest"
    # a name the domain abbreviates
    assert outlet_from_url("https://www.jiia.or.jp/eng/x", "The Japan Institute of International Affairs (JIIA) "
                           "held a seminar.", outlets={})[0] == "The Japan Institute of International Affairs (JIIA)"
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
