"""Forms of dates, outlets and titles that extract_metadata must read the way the annotation
conventions describe them.

Every text here is invented (places such as Velmora and Korvala, people, outlets); invented
outlets live on ``.example`` domains. Expectations follow the conventions, not the code:

* ``published`` is the date the page states (a dateline, a labelled "Published/Updated/Posted/
  date" line, a bare date line) at the precision stated, basis ``stated``; a date only in the
  page address is ``inferred``; a publication date beats an updated date; numeric dates are read
  day-first or US order only when a part is over 12 or another date of the page settles it, else
  only the year is certain; two-digit years are 20xx; times and zones do not disturb the date;
  body dates are event dates; a relative date needs an absolute anchor.
* ``outlet`` is the publication as it brands itself: from the text when it names itself
  (republication line, byline, wire dateline, wire tag), else from the page address (outlet
  dictionary, the site's spelling in the text, a name the domain abbreviates, a readable name
  made from the domain); a republished wire story keeps the republishing site when the URL is
  known.
* ``title`` is the headline, after page furniture, a masthead or a date line, without a
  " | Site" suffix naming the page's own site; None when the text opens with a long paragraph.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.ingest.chrome import find_chrome
from dyadwatch.ingest.metadata import extract_metadata
from dyadwatch.ingest.outlets import outlet_from_url, readable_name

HEAD = "Harbour talks resume in Velmora"
LEDE = (
    "Ministers from Velmora and Korvala met at the harbour office to settle the dispute over fishing "
    "quotas, officials said, after a winter of stalled negotiations that both delegations called tense "
    "but necessary for the coastal towns that depend on the catch."
)
MORE = (
    "Negotiators are expected to publish a joint statement once the technical teams finish their review "
    "of the quota tables and the inspection regime."
)
PLAIN_URL = "https://www.balticherald.example/world/harbour-talks-resume"


def _id(value: object) -> str | None:
    """A short test id: the shared paragraphs written as <HEAD>, <LEDE>, <MORE>."""
    if not isinstance(value, str):
        return None
    short = value.replace(LEDE, "<LEDE>").replace(MORE, "<MORE>").replace(HEAD, "<HEAD>")
    return short if len(short) <= 90 else short[:89] + "…"


def meta(text: str, **kwargs: object):  # type: ignore[no-untyped-def]
    """extract_metadata with the chrome found the way the pipeline finds it."""
    return extract_metadata(text, chrome=find_chrome(text), **kwargs)  # type: ignore[arg-type]


def _check_published(text: str, url: str | None, published: str | None, basis: str) -> None:
    result = meta(text, url=url)
    assert (result.published, result.published_basis) == (published, basis)
    if published is not None:
        assert "published" in result.evidence


# ---------------------------------------------------------------- labelled date lines


@pytest.mark.parametrize(
    "line,published",
    [
        ("Published: March 12, 2024", "2024-03-12"),
        ("Published March 12, 2024", "2024-03-12"),
        ("PUBLISHED: 12 March 2024", "2024-03-12"),
        ("Published On 12 March 2024", "2024-03-12"),
        ("Published on: Mar. 12, 2024", "2024-03-12"),
        ("Published - 12 March 2024", "2024-03-12"),
        ("Published: 2024-03-12", "2024-03-12"),
        ("Published 12th March 2024", "2024-03-12"),
        ("Published: March 2024", "2024-03"),
        ("Posted: 12 Mar 2024", "2024-03-12"),
        ("Posted on March 12, 2024", "2024-03-12"),
        ("Posted March 12th, 2024", "2024-03-12"),
        ("date 2024-03-12", "2024-03-12"),
        ("Date: 12 March 2024", "2024-03-12"),
        ("First published: 12 March 2024", "2024-03-12"),
        ("First published on Tue 12 Mar 2024 08.15 GMT", "2024-03-12"),
        ("First Published March 12, 2024", "2024-03-12"),
        ("Published Tuesday, March 12, 2024", "2024-03-12"),
        ("Published 12 March, 2024", "2024-03-12"),
        ("Published: 25.03.2024", "2024-03-25"),
        ("Posted by Mira Santos on March 12, 2024", "2024-03-12"),
    ],
    ids=_id,
)
def test_forms_published_labelled_line(line: str, published: str) -> None:
    _check_published(f"{HEAD}\n{line}\n{LEDE}\n{MORE}", None, published, "stated")


@pytest.mark.parametrize(
    "line,published",
    [
        ("Updated: March 14, 2024", "2024-03-14"),
        ("Updated 14 March 2024", "2024-03-14"),
        ("Last updated: 14 March 2024", "2024-03-14"),
        ("Last updated on March 14, 2024", "2024-03-14"),
        ("Last Updated 2024-03-14T10:00:00Z", "2024-03-14"),
        ("UPDATED: Nov 10, 2025 09:17 pm", "2025-11-10"),
    ],
    ids=_id,
)
def test_forms_updated_only_is_used(line: str, published: str) -> None:
    _check_published(f"{HEAD}\n{line}\n{LEDE}\n{MORE}", None, published, "stated")


@pytest.mark.parametrize(
    "text",
    [
        f"{HEAD}\nPublished: March 12, 2024\nUpdated: March 14, 2024\n{LEDE}",
        f"{HEAD}\nUpdated: March 14, 2024\nPublished: March 12, 2024\n{LEDE}",
        f"{HEAD}\nUpdated March 14, 2024 | Published March 12, 2024\n{LEDE}",
        f"{HEAD}\nLast updated 14 March 2024 · First published 12 March 2024\n{LEDE}",
        f"{HEAD}\nUpdated: March 14, 2024\n{LEDE}\n{MORE}\nFirst published: March 12, 2024",
        f"{HEAD}\nTuesday, March 12, 2024\nLast updated: March 14, 2024\n{LEDE}",
        f"{HEAD}\nUpdated: March 14, 2024\nKORVALA, March 12, 2024 (Reuters) - {LEDE}",
        f"{HEAD}\nBy Mira Santos | Updated March 14, 2024 | Published March 12, 2024\n{LEDE}",
    ],
    ids=_id,
)
def test_forms_publication_date_beats_updated_date(text: str) -> None:
    _check_published(text, None, "2024-03-12", "stated")


@pytest.mark.parametrize("label", ["date 2024-03-12", "Published: 12 March 2024", "Posted March 12, 2024"], ids=_id)
def test_forms_labelled_date_run_into_a_long_first_paragraph(label: str) -> None:
    # a scraper joined the date line to a first paragraph of several hundred characters: the
    # label and the full date right after it open the line; the page address agrees but the
    # page states the date, so it is stated
    text = f" {label} {LEDE} {LEDE} {MORE}\n{MORE}"
    assert len(text.split("\n")[0]) > 500
    _check_published(text, None, "2024-03-12", "stated")
    _check_published(text, "https://harbour.example/20240312-talks-resume/", "2024-03-12", "stated")
    # a prose paragraph that only opens with a label word is no date line, however long
    _check_published(f"Updated March 2024 guidelines shaped the talks. {LEDE} {LEDE}\n{MORE}", None, None, "unknown")


def test_forms_published_line_in_the_tail() -> None:
    _check_published(f"{HEAD}\n{LEDE}\n{MORE}\nPublished: 12 March 2024", None, "2024-03-12", "stated")


# ---------------------------------------------------------------- bare date lines


@pytest.mark.parametrize(
    "line,published",
    [
        ("Tuesday, March 12, 2024", "2024-03-12"),
        ("Tue, 12 Mar 2024", "2024-03-12"),
        ("Tuesday 12 March 2024", "2024-03-12"),
        ("12 March 2024", "2024-03-12"),
        ("March 12th, 2024", "2024-03-12"),
        ("12th March 2024", "2024-03-12"),
        ("12-Mar-2024", "2024-03-12"),
        ("2024-03-12", "2024-03-12"),
        ("Mar 12, 2024", "2024-03-12"),
        ("Sept. 3, 2023", "2023-09-03"),
    ],
    ids=_id,
)
def test_forms_bare_date_line(line: str, published: str) -> None:
    _check_published(f"{HEAD}\n{line}\n{LEDE}\n{MORE}", None, published, "stated")


def test_forms_bare_date_line_above_the_headline() -> None:
    result = meta(f"Tuesday, March 12, 2024\n{HEAD}\n{LEDE}\n{MORE}")
    assert (result.published, result.published_basis) == ("2024-03-12", "stated")
    assert result.title == HEAD


# ---------------------------------------------------------------- numeric dates


@pytest.mark.parametrize(
    "text,url,published,basis",
    [
        # unambiguous: one part is over 12
        (f"{HEAD}\nPublished: 25/03/2024\n{LEDE}", None, "2024-03-25", "stated"),
        (f"{HEAD}\nPublished: 03/25/2024\n{LEDE}", None, "2024-03-25", "stated"),
        (f"{HEAD}\n25.03.2024\n{LEDE}", None, "2024-03-25", "stated"),
        (f"{HEAD}\nPosted 3-25-2024\n{LEDE}", None, "2024-03-25", "stated"),
        (f"{HEAD}\nPublished: 13/12/2023\n{LEDE}", None, "2023-12-13", "stated"),
        # the same number both ways round reads the same
        (f"{HEAD}\nPublished: 04/04/2024\n{LEDE}", None, "2024-04-04", "stated"),
        # settled by another numeric date of the page whose order is clear
        (f"{HEAD}\nPublished: 04/03/2024\nUpdated: 25/03/2024\n{LEDE}", None, "2024-03-04", "stated"),
        (f"{HEAD}\nPublished: 04/03/2024\nUpdated: 03/25/2024\n{LEDE}", None, "2024-04-03", "stated"),
        (f"{HEAD}\nBy Mira Santos | 04/03/2024\nUpdated 13/03/2024\n{LEDE}", None, "2024-03-04", "stated"),
        # settled by the same day spelled out
        (f"{HEAD}\nPublished: 04/03/2024\nUpdated: 4 March 2024 10:00\n{LEDE}", None, "2024-03-04", "stated"),
        # settled by the date in the address (the page states the date; the address only orders it)
        (f"{HEAD}\nPublished: 04/03/2024\n{LEDE}", "https://www.balticherald.example/2024/04/03/harbour-talks",
         "2024-04-03", "stated"),
        (f"{HEAD}\nPublished: 04/03/2024\n{LEDE}", "https://www.balticherald.example/story?date=2024-03-04",
         "2024-03-04", "stated"),
        # truly ambiguous: only the year is certain
        (f"{HEAD}\nPublished: 04/03/2024\n{LEDE}", None, "2024", "stated"),
        (f"{HEAD}\n05.06.2023\n{LEDE}", None, "2023", "stated"),
        (f"{HEAD}\nPosted 07-08-2022\n{LEDE}", None, "2022", "stated"),
        (f"{HEAD}\nPublished: 04/03/2024\nUpdated: 05/03/2024\n{LEDE}", None, "2024", "stated"),
        (f"{HEAD}\nPublished: 04/03/2024 14:05\n{LEDE}", None, "2024", "stated"),
        # two-digit years are 20xx
        (f"{HEAD}\nPublished: 25/03/24\n{LEDE}", None, "2024-03-25", "stated"),
        (f"{HEAD}\nPosted 03/25/24\n{LEDE}", None, "2024-03-25", "stated"),
        (f"{HEAD}\nUpdated 3.25.24\n{LEDE}", None, "2024-03-25", "stated"),
        (f"{HEAD}\nPublished: 25/03/05\n{LEDE}", None, "2005-03-25", "stated"),
        (f"{HEAD}\nPublished: 12/03/24\n{LEDE}", None, "2024", "stated"),
        (f"{HEAD}\nPublished: 12/03/24\nUpdated: 25/03/24 09:00\n{LEDE}", None, "2024-03-12", "stated"),
    ],
    ids=_id,
)
def test_forms_numeric_dates(text: str, url: str | None, published: str, basis: str) -> None:
    _check_published(text, url, published, basis)


# ---------------------------------------------------------------- times and zones


@pytest.mark.parametrize(
    "line,published",
    [
        ("Published: Oct 3, 2025 08:42 pm", "2025-10-03"),
        ("10:30 AM, March 12, 2024", "2024-03-12"),
        ("Published: 2024-03-12T23:45:00+05:30", "2024-03-12"),
        ("12 March 2024 | 08:15 GMT", "2024-03-12"),
        ("Posted: March 12, 2024 at 6:45 p.m. EDT", "2024-03-12"),
        ("Tue 12 Mar 2024 08.15 GMT", "2024-03-12"),
        ("08:15 GMT, 12 March 2024", "2024-03-12"),
        ("Published: 25/03/2024 - 14:05 CET", "2024-03-25"),
        ("March 12, 2024, 11:02 PM ET", "2024-03-12"),
        ("Updated 9:17 pm, Nov 10, 2025", "2025-11-10"),
        ("Published 12:01 a.m. ET March 12, 2024", "2024-03-12"),
        ("2024-03-12 08:00", "2024-03-12"),
        ("March 12, 2024 | 08:15 GMT", "2024-03-12"),
        ("Published: 2024-03-12 08:00:00 +0000", "2024-03-12"),
        ("25/03/2024 08:15", "2024-03-25"),
    ],
    ids=_id,
)
def test_forms_times_and_zones_do_not_disturb(line: str, published: str) -> None:
    _check_published(f"{HEAD}\n{line}\n{LEDE}\n{MORE}", None, published, "stated")


# ---------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    "text,url,published,basis",
    [
        (f"{HEAD}\nKORVALA, March 12, 2024 (Reuters) - {LEDE}", None, "2024-03-12", "stated"),
        (f"{HEAD}\nVELMORA, 12 March 2024 — {LEDE}", None, "2024-03-12", "stated"),
        (f"{HEAD}\nPORT ASHBY, Tuesday, March 12, 2024 (AP) — {LEDE}", None, "2024-03-12", "stated"),
        # a stated dateline beats the address
        (f"{HEAD}\nKORVALA, March 12, 2024 (Reuters) - {LEDE}",
         "https://www.balticherald.example/2024/03/13/harbour-talks", "2024-03-12", "stated"),
        # without a year: the year (or the date) comes from the address -> inferred
        (f"{HEAD}\nKORVALA, March 12 (Reuters) - {LEDE}", "https://www.balticherald.example/world/2024/harbour",
         "2024-03-12", "inferred"),
        (f"{HEAD}\nKORVALA, March 12 (Reuters) - {LEDE}",
         "https://www.balticherald.example/world/harbour-talks-2024-03-12/", "2024-03-12", "inferred"),
        # without a year and nothing else stating one
        (f"{HEAD}\nKORVALA, March 12 (Reuters) - {LEDE}", None, None, "unknown"),
        (f"{HEAD}\nVELMORA, 12 March — {LEDE}", None, None, "unknown"),
    ],
    ids=_id,
)
def test_forms_datelines(text: str, url: str | None, published: str | None, basis: str) -> None:
    _check_published(text, url, published, basis)


# ---------------------------------------------------------------- dates in the page address


@pytest.mark.parametrize(
    "url,published",
    [
        ("https://www.balticherald.example/world/2024/03/12/harbour-talks", "2024-03-12"),
        ("https://www.balticherald.example/news/2024-03-12-harbour-talks.html", "2024-03-12"),
        ("https://www.balticherald.example/news/harbour-talks-2024-03-12", "2024-03-12"),
        ("https://www.balticherald.example/a/20240312/harbour-talks", "2024-03-12"),
        ("https://www.balticherald.example/news/20240312-harbour-talks.html", "2024-03-12"),
        ("https://www.balticherald.example/world/2023/mar/18/harbour-talks", "2023-03-18"),
        ("https://www.balticherald.example/story?date=2024-03-12", "2024-03-12"),
        ("https://www.balticherald.example/story.php?id=77&date=20240312", "2024-03-12"),
        ("https://www.balticherald.example/2024/03/harbour-talks", "2024-03"),
    ],
    ids=_id,
)
def test_forms_url_date_is_inferred(url: str, published: str) -> None:
    _check_published(f"{HEAD}\n{LEDE}\n{MORE}", url, published, "inferred")


def test_forms_stated_date_beats_url_date() -> None:
    _check_published(f"{HEAD}\nPublished: March 14, 2024\n{LEDE}",
                     "https://www.balticherald.example/2024/03/12/harbour-talks", "2024-03-14", "stated")


# ---------------------------------------------------------------- republication lines


@pytest.mark.parametrize(
    "text,url,outlet,published",
    [
        (f"{LEDE}\n{MORE}\nThis article first appeared in The Lantern Review on March 10, 2024.", None,
         "The Lantern Review", "2024-03-10"),
        (f"This article first appeared in The Lantern Review.\n{LEDE}\n{MORE}", None, "The Lantern Review", None),
        (f"{LEDE}\n{MORE}\nThis article was originally published by Harbour Ledger.", None, "Harbour Ledger", None),
        (f"{LEDE}\n{MORE}\nRepublished from the Valdoria Times under a Creative Commons licence.", None,
         "Valdoria Times", None),
        (f"{LEDE}\n{MORE}\nFirst published in Meridian Weekly on 3 May 2023.", None, "Meridian Weekly", "2023-05-03"),
        # the republication line names the outlet even on another site's page
        (f"{HEAD}\n{LEDE}\n{MORE}\nThis article first appeared in The Lantern Review on March 10, 2024.",
         PLAIN_URL, "The Lantern Review", "2024-03-10"),
    ],
    ids=_id,
)
def test_forms_republication_line(text: str, url: str | None, outlet: str, published: str | None) -> None:
    result = meta(text, url=url)
    assert result.outlet == outlet
    assert result.published == published
    if published is not None:
        assert result.published_basis == "stated"


# ---------------------------------------------------------------- body dates and relative dates


@pytest.mark.parametrize(
    "text",
    [
        f"{HEAD}\n{LEDE}\nThe accord was signed on 12 March 2024 in the port of Velmora.\n{MORE}",
        f"{HEAD}\nOn 03/25/2024 the two ministers met in Korvala.\n{LEDE}",
        f"{HEAD}\nMarch 12, 2024 was the day the talks finally collapsed, diplomats said.\n{LEDE}",
        f"{HEAD}\nBy 14 March 2024, the harbour had reopened to trawlers.\n{LEDE}",
        f"{HEAD}\n{LEDE}\n{MORE}\nThe next round is set for 2 April 2024.",
        f"{HEAD}\nUpdated quota tables were circulated on March 12, 2024.\n{LEDE}",
        f"{HEAD}\n{LEDE}\nIn March 2024 the fleet stayed in port, and by 2024-04-02 it had sailed.\n{MORE}",
    ],
    ids=_id,
)
def test_forms_body_dates_are_not_publication_dates(text: str) -> None:
    _check_published(text, None, None, "unknown")


def test_forms_body_date_does_not_beat_url_date() -> None:
    text = f"{HEAD}\n{LEDE}\nThe accord was signed on 2 March 2024.\n{MORE}"
    _check_published(text, "https://www.balticherald.example/2024/03/12/harbour", "2024-03-12", "inferred")


@pytest.mark.parametrize(
    "text,published,basis",
    [
        (f"{HEAD}\nPublished 3 days ago\n{LEDE}", None, "unknown"),
        (f"{HEAD}\nUpdated 5 hours ago\n{LEDE}", None, "unknown"),
        (f"{HEAD}\nPosted yesterday\n{LEDE}", None, "unknown"),
        # a date in the body is no anchor for the page
        (f"{HEAD}\nPublished 3 days ago\n{LEDE}\nThe accord was signed on 12 March 2024.\n{MORE}", None, "unknown"),
        (f"{HEAD}\nPublished 3 days ago\nRetrieved March 12, 2024\n{LEDE}", "2024-03-09", "inferred"),
        (f"{HEAD}\nPosted yesterday\nAccessed on 12 March 2024\n{LEDE}", "2024-03-11", "inferred"),
        (f"{HEAD}\nPublished 2 weeks ago\nRetrieved: 2024-03-15\n{LEDE}", "2024-03-01", "inferred"),
        (f"{HEAD}\nPublished 3 days ago\n{LEDE}\n{MORE}\nRetrieved 12 March 2024", "2024-03-09", "inferred"),
    ],
    ids=_id,
)
def test_forms_relative_dates_need_an_anchor(text: str, published: str | None, basis: str) -> None:
    _check_published(text, None, published, basis)


# ---------------------------------------------------------------- outlet


@pytest.mark.parametrize(
    "text,url,outlet",
    [
        # the outlet dictionary, on the host or a parent domain
        (f"{HEAD}\n{LEDE}", "https://www.reuters.com/world/europe/harbour-talks-2024-03-12/", "Reuters"),
        (f"{HEAD}\n{LEDE}", "https://www.nytimes.com/2024/03/12/world/europe/harbour-talks.html",
         "The New York Times"),
        (f"{HEAD}\n{LEDE}", "https://edition.cnn.com/2024/03/12/europe/harbour-talks/index.html", "CNN"),
        (f"{HEAD}\n{LEDE}", "https://uk.reuters.com/article/harbour-talks-idUSKBN1", "Reuters"),
        (f"{HEAD}\n{LEDE}", "https://mobile.nytimes.com/2024/03/12/world/harbour-talks.html", "The New York Times"),
        (f"{HEAD}\n{LEDE}", "https://www.theguardian.com/world/2023/mar/18/harbour-talks", "The Guardian"),
        # the site's own spelling in the text
        (f"{HEAD}\n{LEDE}\n{MORE}\nFollow Meridian.az for daily briefings from the region.",
         "https://meridian.az/en/news/4521.html", "Meridian.az"),
        (f"{HEAD}\n{LEDE}\n{MORE}\nFollow Caliber.az for daily briefings from the region.",
         "https://caliber.az/en/post/4521", "Caliber.az"),
        (f"Korea News Digest\n{HEAD}\n{LEDE}", "https://koreanewsdigest.com/politics/harbour-talks", "Korea News Digest"),
        (f"{HEAD}\n{LEDE}\n{MORE}\n© 2024 Harbour Ledger. All rights reserved.",
         "https://www.harbourledger.example/world/harbour-talks", "Harbour Ledger"),
        (f"The Lantern Review\n{HEAD}\n{LEDE}", "https://lanternreview.example/essays/harbour-talks",
         "The Lantern Review"),
        # a name the domain abbreviates
        (f"{HEAD}\n{LEDE}\n{MORE}\nJapan Institute of International Affairs (JIIA), Tokyo",
         "https://www.jiia.example/en/column/2024/harbour.html", "Japan Institute of International Affairs"),
        (f"{HEAD}\n{LEDE}\n{MORE}\nValdoria Public Radio (VPR) is listener supported.",
         "https://www.vpr.example/news/harbour-talks", "Valdoria Public Radio"),
        (f"{HEAD}\n{LEDE}\n{MORE}\nPublished by the Centre for Island Security Research, Velmora.",
         "https://www.cisr.example/analysis/harbour-talks", "Centre for Island Security Research"),
        # a readable name made from the domain
        (f"{HEAD}\n{LEDE}", "https://koreanewsdigest.com/politics/harbour-talks", "Korea News Digest"),
        (f"{HEAD}\n{LEDE}", "https://www.thedailyworldbulletin.com/world/harbour-talks", "The Daily World Bulletin"),
        (f"{HEAD}\n{LEDE}", "https://abc7chicago.com/harbour-talks/14512345/", "ABC7 Chicago"),
        (f"{HEAD}\n{LEDE}", PLAIN_URL, "Baltic Herald"),
        (f"{HEAD}\n{LEDE}", "https://news.texasmorningpost.example/world/harbour-talks", "Texas Morning Post"),
    ],
    ids=_id,
)
def test_forms_outlet_from_the_address(text: str, url: str, outlet: str) -> None:
    result = meta(text, url=url)
    assert result.outlet == outlet
    assert "outlet" in result.evidence


@pytest.mark.parametrize(
    "text,outlet",
    [
        (f"{HEAD}\n(MENAFN) Velmoran and Korvalan leaders agreed on Tuesday to reopen the harbour. {LEDE}", "MENAFN"),
        (f"{HEAD}\nKORVALA, March 3 (Reuters) - {LEDE}", "Reuters"),
        (f"{HEAD}\nPORT ASHBY (AFP) — {LEDE}", "AFP"),
        (f"{HEAD}\nVELMORA, March 3 (Xinhua) -- {LEDE}", "Xinhua"),
        (f"{HEAD}\nMira Santos | Reuters\n{LEDE}", "Reuters"),
        (f"{HEAD}\nMira Santos | Baltic Herald\n{LEDE}", "Baltic Herald"),
        (f"{HEAD}\nBy Mira Santos, Harbour Ledger News\n{LEDE}", "Harbour Ledger News"),
    ],
    ids=_id,
)
def test_forms_outlet_named_in_the_text(text: str, outlet: str) -> None:
    assert meta(text).outlet == outlet


@pytest.mark.parametrize(
    "text,url,outlet",
    [
        # a wire story republished on a site keeps the republishing site, with the agency
        (f"{HEAD}\nKORVALA, March 3 (Reuters) - {LEDE}", PLAIN_URL, "Baltic Herald (Reuters)"),
        (f"{HEAD}\n(MENAFN) Velmoran and Korvalan leaders agreed on Tuesday to reopen the harbour. {LEDE}",
         PLAIN_URL, "Baltic Herald (MENAFN)"),
        (f"{HEAD}\nMira Santos | Reuters\n{LEDE}", "https://www.nytimes.com/2024/03/03/world/harbour.html",
         "The New York Times"),
        (f"{HEAD}\nPORT ASHBY (AFP) — {LEDE}\n{MORE}\n© 2024 Harbour Ledger. All rights reserved.",
         "https://www.harbourledger.example/world/harbour-talks", "Harbour Ledger (AFP)"),
        # the wire's own site
        (f"{HEAD}\nKORVALA, March 3 (Reuters) - {LEDE}", "https://www.reuters.com/world/harbour-talks/", "Reuters"),
        # without a page address the wire is the outlet
        (f"{HEAD}\nKORVALA, March 3 (Reuters) - {LEDE}", None, "Reuters"),
        (f"{HEAD}\n(MENAFN) Velmoran and Korvalan leaders agreed on Tuesday to reopen the harbour. {LEDE}",
         None, "MENAFN"),
    ],
    ids=_id,
)
def test_forms_republished_wire_story(text: str, url: str | None, outlet: str) -> None:
    assert meta(text, url=url).outlet == outlet


@pytest.mark.parametrize(
    "text,url,outlet",
    [
        (f"{HEAD}\nVELMORA, March 3 (UPDATED) - {LEDE}", None, None),
        (f"{HEAD}\nVELMORA (VIDEO) — {LEDE}", None, None),
        (f"{HEAD}\n(UPDATED) Velmoran ministers agreed on Tuesday to reopen the harbour. {LEDE}", None, None),
        (f"{HEAD}\nVELMORA, March 3 (UPDATED) - {LEDE}", PLAIN_URL, "Baltic Herald"),
        (f"{HEAD}\nVELMORA (VIDEO) — {LEDE}", "https://www.reuters.com/world/harbour-talks/", "Reuters"),
    ],
    ids=_id,
)
def test_forms_updated_or_video_is_not_an_agency(text: str, url: str | None, outlet: str | None) -> None:
    assert meta(text, url=url).outlet == outlet


@pytest.mark.parametrize(
    "url,text,outlet",
    [
        ("https://www.reuters.com/world/harbour/", "", "Reuters"),
        ("https://edition.cnn.com/2024/03/12/world/harbour", "", "CNN"),
        ("https://www.nytimes.com/2024/03/12/world/harbour.html", "", "The New York Times"),
        ("https://koreanewsdigest.com/politics/x", "", "Korea News Digest"),
        ("https://meridian.az/en/news/1", f"{LEDE}\nRead more on Meridian.az today.", "Meridian.az"),
        ("https://www.jiia.example/en/column/x.html",
         f"{LEDE}\nThe views are the author's, not those of the Japan Institute of International Affairs (JIIA).",
         "Japan Institute of International Affairs"),
        ("https://abc7chicago.com/x/1/", "", "ABC7 Chicago"),
        ("https://www.thedailyworldbulletin.com/x", "", "The Daily World Bulletin"),
    ],
    ids=_id,
)
def test_forms_outlet_from_url(url: str, text: str, outlet: str) -> None:
    found = outlet_from_url(url, text)
    assert found is not None
    assert found[0] == outlet


@pytest.mark.parametrize("url", [None, "", "not a url at all", "https://127.0.0.1/x"])
def test_forms_outlet_from_url_without_a_host(url: str | None) -> None:
    assert outlet_from_url(url) is None


@pytest.mark.parametrize(
    "label,name",
    [
        ("kyivindependent", "Kyiv Independent"),
        ("koreanewsdigest", "Korea News Digest"),
        ("thedailyworldbulletin", "The Daily World Bulletin"),
        ("abc7chicago", "ABC7 Chicago"),
        ("balticherald", "Baltic Herald"),
        ("texasmorningpost", "Texas Morning Post"),
    ],
    ids=_id,
)
def test_forms_readable_name(label: str, name: str) -> None:
    assert readable_name(label) == name


# ---------------------------------------------------------------- title


@pytest.mark.parametrize(
    "text,url",
    [
        # page furniture above the headline
        (f"ADVERTISEMENT\n{HEAD}\n{LEDE}", None),
        (f"Skip to main content\n{HEAD}\n{LEDE}", None),
        (f"twitter\nfacebook\nyoutube\n{HEAD}\n{LEDE}", None),
        (f"Facebook | X | WhatsApp | Email\n{HEAD}\n{LEDE}", None),
        (f"Menu\nSearch\nSign in\n{HEAD}\n{LEDE}", None),
        (f"© 2024 Baltic Herald. All rights reserved.\n{HEAD}\n{LEDE}", None),
        (f"Copyright 2024 Harbour Ledger\n{HEAD}\n{LEDE}", None),
        # a masthead naming the page's own site
        (f"Baltic Herald\n{HEAD}\n{LEDE}", PLAIN_URL),
        (f"The New York Times\n{HEAD}\n{LEDE}", "https://www.nytimes.com/2024/03/12/world/harbour.html"),
        (f"Korea News Digest\n{HEAD}\n{LEDE}", "https://koreanewsdigest.com/politics/harbour-talks"),
        # a date line above the headline
        (f"Tuesday, March 12, 2024\n{HEAD}\n{LEDE}", None),
        (f"Published: 12 March 2024 | 08:15 GMT\n{HEAD}\n{LEDE}", None),
        (f"Skip to main content\n12 March 2024\n{HEAD}\n{LEDE}", None),
        # a " | Site" suffix naming the page's own site
        (f"{HEAD} | Baltic Herald\n{LEDE}", PLAIN_URL),
        (f"{HEAD} - Reuters\n{LEDE}", "https://www.reuters.com/world/harbour-talks/"),
        (f"{HEAD} | The New York Times\n{LEDE}", "https://www.nytimes.com/2024/03/12/world/harbour.html"),
        (f"{HEAD} – Korea News Digest\n{LEDE}", "https://koreanewsdigest.com/politics/harbour-talks"),
        (f"ADVERTISEMENT\nBaltic Herald\n{HEAD} | Baltic Herald\n{LEDE}", PLAIN_URL),
    ],
    ids=_id,
)
def test_forms_title_after_furniture_masthead_and_date(text: str, url: str | None) -> None:
    result = meta(text, url=url)
    assert result.title == HEAD
    assert "title" in result.evidence


def test_forms_title_keeps_a_suffix_that_is_not_the_site() -> None:
    result = meta(f"Quotas, boats and borders | Part two\n{LEDE}", url=PLAIN_URL)
    assert result.title == "Quotas, boats and borders | Part two"


@pytest.mark.parametrize(
    "text",
    [
        f"{LEDE}\n{HEAD}\n{MORE}",
        f"ADVERTISEMENT\n{LEDE}\nWhat comes next for the fleet\n{MORE}",
        f"{LEDE} {MORE}\nWhat comes next for the fleet\n{MORE}",
    ],
    ids=_id,
)
def test_forms_no_title_when_the_text_opens_with_a_paragraph(text: str) -> None:
    assert meta(text).title is None


# ---------------------------------------------------------------- summary bullets, wire datelines

WIRE_BODY = ("The envoy met the president in the capital and said he was returning home with the "
             "released prisoners, officials said. The talks covered migration and sanctions.")


@pytest.mark.parametrize("marker", ["*", "•"])
def test_summary_bullets_are_not_a_headline(marker: str) -> None:
    text = (f"{marker}\nEnvoy meets president in the capital\n{marker}\nMigration, sanctions discussed\n"
            f"By Ann Writer\nLIMA, Jan 31 (Reuters) - {WIRE_BODY}\nIn 2023, prisoners were freed.\n")
    result = extract_metadata(text, url="https://newsfeed.example.com/world/envoy-12345.htm")
    assert result.title is None
    bulleted = extract_metadata(f"{marker} Envoy meets president in the capital\n{WIRE_BODY}\n")
    assert bulleted.title is None


def test_wire_dateline_year_from_the_lead_weekday() -> None:
    # 31 January fell on a Friday in 2020 and in 2025; the text mentions 2023, so 2025
    text = (f"Envoy returns with prisoners\nLIMA, Jan 31 (Reuters) - The envoy said on Friday he was "
            f"returning home. {WIRE_BODY}\nIn late 2023, the government released dozens of prisoners.\n")
    result = extract_metadata(text, url="https://newsfeed.example.com/world/envoy-12345.htm",
                              today=dt.date(2026, 12, 7))
    assert (result.published, result.published_basis) == ("2025-01-31", "inferred")
    assert "Friday" in result.evidence["published"]
    # no year anywhere: the weekday alone is never enough
    bare = text.replace("In late 2023, the", "The")
    assert extract_metadata(bare, url="https://newsfeed.example.com/world/envoy-12345.htm",
                            today=dt.date(2026, 12, 7)).published is None
    # the weekday does not fit the day in any year from the one mentioned: nothing guessed
    odd = text.replace("Jan 31", "Feb 30")
    assert extract_metadata(odd, url="https://newsfeed.example.com/world/envoy-12345.htm",
                            today=dt.date(2026, 12, 7)).published is None


def test_republished_wire_story_names_site_and_agency() -> None:
    text = f"Envoy returns with prisoners\nLIMA, Jan 31, 2025 (Reuters) - {WIRE_BODY}\n"
    result = extract_metadata(text, url="https://www.newsfeed.example.com/world/envoy.htm")
    assert result.outlet is not None and result.outlet.endswith("(Reuters)")
    # on the agency's own site the agency alone
    own = extract_metadata(text, url="https://www.reuters.com/world/envoy-returns-2025-01-31/")
    assert own.outlet == "Reuters"


def test_dateline_of_two_places() -> None:
    text = f"Envoy returns with prisoners\nWASHINGTON/LIMA, Jan 31, 2025 (Reuters) - {WIRE_BODY}\n"
    result = extract_metadata(text)
    assert (result.published, result.outlet) == ("2025-01-31", "Reuters")


# ---------------------------------------------------------------- menus and summary paragraphs

@pytest.mark.parametrize("menu", [
    "Texas & Local U.S. World Business Sports",
    "Home | News | Politics | Opinion | Sport",
    "World Asia Europe Business Tech Culture",
])
def test_a_site_menu_above_the_headline_is_skipped(menu: str) -> None:
    text = f"{menu}\nEnvoy meets president in the capital\nBy Ann Writer\n{WIRE_BODY}\n"
    assert extract_metadata(text).title == "Envoy meets president in the capital"


def test_a_headline_of_section_words_is_still_a_headline() -> None:
    # a real headline may use such words, but reads as words, not a row of capitalised names
    text = f"World markets fall as trade talks stall\n{WIRE_BODY}\n"
    assert extract_metadata(text).title == "World markets fall as trade talks stall"


@pytest.mark.parametrize("today_line", ["Today: January 15, 2025", "Today is Wednesday, January 15, 2025"])
def test_the_day_a_page_shows_is_not_its_title_or_date(today_line: str) -> None:
    text = f"Harbour Post\n{today_line}\nEnvoy meets president in the capital\nJuly 24, 2024\n{WIRE_BODY}\n"
    result = extract_metadata(text, url="https://harbourpost.example/world/envoy-meets-president")
    assert result.title == "Envoy meets president in the capital"
    assert result.published == "2024-07-24"
    # alone, it dates nothing: it is when the page was shown
    alone = extract_metadata(f"{today_line}\nEnvoy meets president in the capital\n{WIRE_BODY}\n")
    assert alone.published is None


def test_a_sentence_opening_with_today_is_not_a_label() -> None:
    text = f"Envoy meets president\nToday, the envoy met the president on January 15, 2025.\n{WIRE_BODY}\n"
    assert extract_metadata(text).title == "Envoy meets president"
