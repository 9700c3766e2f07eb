"""Tests for dyadwatch.ingest.metadata: title, authors, outlet and date read from the text.

All texts are short invented articles; the seed test at the end reads the shared dev set
from disk and never copies its text here.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from dyadwatch.ingest.chrome import find_chrome
from dyadwatch.ingest.metadata import extract_metadata, normalise_date

BODY = (
    "The two governments agreed on Tuesday to extend a grain corridor through the strait, officials said, "
    "after weeks of talks that both sides described as difficult but productive, and which analysts said "
    "could shape the region's trade for years."
)
MORE = "A second paragraph follows with more detail about the talks and what they mean for the region."


def meta(text: str, **kwargs: object):  # type: ignore[no-untyped-def]
    """extract_metadata with the chrome found the way the pipeline finds it."""
    return extract_metadata(text, chrome=find_chrome(text), **kwargs)  # type: ignore[arg-type]


# ---------------------------------------------------------------- title


@pytest.mark.parametrize(
    "text,title",
    [
        (f"Grain corridor talks end in a deal\n\n{BODY}\n\n{MORE}", "Grain corridor talks end in a deal"),
        (f"Ankara used to be Kyiv's broker. The war changed that.\n\n{BODY}",
         "Ankara used to be Kyiv's broker. The war changed that."),
        (f"# Why the strait matters\n\n{BODY}", "Why the strait matters"),
        (f"## A Markdown heading title ##\n{BODY}", "A Markdown heading title"),
        (f"Advertisement\nSkip to content\nPorts reopen after the deal\n{BODY}", "Ports reopen after the deal"),
        (f"IE 11 is not supported. For a better experience, open this site in another browser.\n\n"
         f"Ports reopen after the deal\n\n{BODY}", "Ports reopen after the deal"),
        (f"Analysis\nWhat the corridor deal means\n{BODY}", "What the corridor deal means"),
        (f"“No limits” meets its limits\n{BODY}", "“No limits” meets its limits"),
        (f"\u200bPorts reopen after the deal\u200b\n{BODY}", "Ports reopen after the deal"),
        (f"Opinion | Why the strait matters\n{BODY}", "Why the strait matters"),
        (f"Asia: the new battleground\n{BODY}", "Asia: the new battleground"),
        (f"Ports reopen after the deal\r\n\r\n{BODY}\r\n", "Ports reopen after the deal"),
        (f"Ports reopen after the deal\r\r{BODY}\r", "Ports reopen after the deal"),
    ],
)
def test_metadata_title_from_first_line(text: str, title: str) -> None:
    result = meta(text)
    assert result.title == title
    assert "title" in result.evidence


@pytest.mark.parametrize(
    "text",
    [
        # a long body paragraph first: later short lines are section headings, not titles
        f"{BODY}\nThe Distance Beneath the Warmth\n{MORE}",
        # a republication line first, then body
        f"This article previously appeared in the Daily Planet, on May 2, 2021.\n\n{BODY}",
        # bylines, datelines, dates and bios are not titles
        f"By Jane Doe\n\n{BODY}",
        f"BEIJING, March 3 (Reuters) - China said it would buy more grain.\n{MORE}",
        f"March 12, 2024\n{BODY}",
        f"Published: March 12, 2024\n{BODY}",
        f"Jane Doe is a senior fellow at the Example Institute.\n{BODY}",
        # a short line with nothing after it is not a headline
        "Ports reopen after the deal",
        # a one-sentence lede that is too long for a sentence headline
        "China and Russia signed a new agreement on grain shipments through the strait on Tuesday after talks.\n"
        + MORE,
        # ends like a clause, not a headline
        f"Speaking to reporters in Geneva,\n{BODY}",
        # a numbered section of a report
        f"1. Introduction\n{BODY}",
        f"BY JANE DOE AND JOHN ROE\n{BODY}",
        "",
    ],
)
def test_metadata_no_title(text: str) -> None:
    assert meta(text).title is None


def test_metadata_title_hint_wins() -> None:
    result = meta(f"Ports reopen after the deal\n{BODY}", hints={"title": "Hinted headline"})
    assert result.title == "Hinted headline"
    assert result.evidence["title"].startswith("hint")


# ---------------------------------------------------------------- authors


@pytest.mark.parametrize(
    "text,authors",
    [
        (f"Ports reopen\nBy Jane Doe\n{BODY}", ("Jane Doe",)),
        (f"Ports reopen\nBy Jane Doe and John Roe\n{BODY}", ("Jane Doe", "John Roe")),
        (f"Ports reopen\nBy Jane Doe, John Roe and Max Moe\n{BODY}", ("Jane Doe", "John Roe", "Max Moe")),
        (f"Ports reopen\nBy JANE DOE, Asia correspondent\n{BODY}", ("Jane Doe",)),
        (f"Ports reopen\nBY MARY-ANN O'NEILL\n{BODY}", ("Mary-Ann O'Neill",)),
        (f"Ports reopen\nBy J. R. Smith\n{BODY}", ("J. R. Smith",)),
        (f"Ports reopen\nBy Ursula van der Berg\n{BODY}", ("Ursula van der Berg",)),
        (f"Ports reopen\nBy Dr. Jane Doe\n{BODY}", ("Jane Doe",)),
        (f"Ports reopen\nJane Doe | Reuters\n{BODY}", ("Jane Doe",)),
        (f"Ports reopen\nJane Doe · March 3, 2024\n{BODY}", ("Jane Doe",)),
        (f"Ports reopen\nBy Jane Doe | Published March 12, 2024\n{BODY}", ("Jane Doe",)),
        (f"Ports reopen\nBy Jane Doe (@janedoe)\n{BODY}", ("Jane Doe",)),
        (f"Ports reopen\nBY JANE DOE AND JOHN ROE\n{BODY}", ("Jane Doe", "John Roe")),
        (f"Ports reopen\nBy Theresa May Smith\n{BODY}", ("Theresa May Smith",)),
        (f"Ports reopen\nWritten by Jane Doe\n{BODY}", ("Jane Doe",)),
        (f"{BODY}\n{MORE}\nWritten by Jane Doe", ("Jane Doe",)),
        (f"{BODY}\n{MORE}\nReporting by Jane Doe in Ankara; Editing by John Roe", ("Jane Doe",)),
        (f"{BODY}\n{MORE}\nJane Doe is a trade economist for Example Hook, covering shipping.",
         ("Jane Doe",)),
        (f"{BODY}\n\n{MORE}\n\n\nElizabeth Roe is a Senior Research Scientist at the Example Center's Asia Program,",
         ("Elizabeth Roe",)),
        (f"Jane Doe and John Roe are fellows at the Example Institute.\n{BODY}", ("Jane Doe", "John Roe")),
        (f"{BODY}\n*Jane Doe is a professor of politics at Example University.", ("Jane Doe",)),
    ],
)
def test_metadata_authors(text: str, authors: tuple[str, ...]) -> None:
    result = meta(text)
    assert result.authors == authors
    assert "authors" in result.evidence


@pytest.mark.parametrize(
    "text",
    [
        f"{BODY}\nBy contrast, Moscow has offered little.\n{MORE}",
        f"{BODY}\nBy March 2022, the talks had stalled.\n{MORE}",
        f"By Tuesday, the ports had reopened.\n{BODY}",
        f"{BODY}\n{MORE}\nVladimir Putin is a former intelligence officer who distrusts the West.",
        f"{BODY}\n{MORE}\nThe outcome is a cautious but clear diplomatic message.",
        f"{BODY}\nXi Jinping is the general secretary of the party.",
        f"Summit diary\nXi Jinping | Vladimir Putin\n{BODY}",
    ],
)
def test_metadata_no_authors(text: str) -> None:
    assert meta(text).authors == ()


def test_metadata_authors_hint_wins_and_is_split() -> None:
    result = meta(f"By Jane Doe\n{BODY}", hints={"authors": ["Ann Lee; Bo Chan"]})
    assert result.authors == ("Ann Lee", "Bo Chan")


# ---------------------------------------------------------------- outlet


@pytest.mark.parametrize(
    "text,outlet,source",
    [
        (f"This article previously appeared in the North Example Evening Star, on June 14, 2023.\n\n{BODY}",
         "North Example Evening Star", "republication"),
        (f"{BODY}\n\nThis article was originally published by The Diplomatist.", "The Diplomatist", "republication"),
        (f"{BODY}\n\nFirst published in Foreign Matters on March 3, 2024.", "Foreign Matters", "republication"),
        (f"{BODY}\n\nThis article is republished from The Conversation under a Creative Commons license.",
         "The Conversation", "republication"),
        (f"{BODY}\n\nA version of this article appeared in the Example Times.", "Example Times", "republication"),
        (f"BEIJING, March 3 (Reuters) - {BODY}", "Reuters", "dateline"),
        (f"Ports reopen\nKYIV, Ukraine, March 3, 2024 (AP) — {BODY}", "AP", "dateline"),
        (f"Ports reopen\nBEIJING (AP) — {BODY}", "AP", "dateline"),
        (f"Ports reopen\nJane Doe | Reuters\n{BODY}", "Reuters", "byline"),
        (f"Ports reopen\nBy Jane Doe, Reuters\n{BODY}", "Reuters", "byline"),
        (f"Ports reopen\nBy Jane Doe, Example Daily News\n{BODY}", "Example Daily News", "byline"),
        (f"{BODY}\n{MORE}\nJane Doe is a senior security analyst for Media Example, specializing in maritime law.",
         "Media Example", "bio"),
        (f"{BODY}\n{MORE}\nJane Doe is a columnist for the Example Herald.", "Example Herald", "bio"),
        (f"{BODY}\n{MORE}\nJane Doe is a regular contributor to Example Review.", "Example Review", "bio"),
        (f"{BODY}\n{MORE}\nJane Doe writes for Example Weekly about Asian security.", "Example Weekly", "bio"),
        (f"{BODY}\n{MORE}\nJane Doe is the Asia correspondent at Example Wire.", "Example Wire", "bio"),
        (f"{BODY}\n{MORE}\nJane Doe (@janedoe) is a senior correspondent for Example Times.", "Example Times", "bio"),
        # a republication line beats a dateline and a bio
        (f"BEIJING, March 3 (Reuters) - {BODY}\n{MORE}\nJane Doe is an analyst for Example Hook.\n"
         "This article previously appeared in the Example Post, on May 2, 2021.", "Example Post", "republication"),
    ],
)
def test_metadata_outlet(text: str, outlet: str, source: str) -> None:
    result = meta(text)
    assert result.outlet == outlet
    assert result.evidence["outlet"].startswith({"republication": "republication line", "dateline": "dateline",
                                                 "byline": "byline", "bio": "author bio"}[source])


@pytest.mark.parametrize(
    "text",
    [
        # an employer "at X" is an affiliation, not an outlet
        f"{BODY}\n{MORE}\nElizabeth Roe is a Senior Research Scientist at the Example Center's Asia Program,",
        f"{BODY}\n{MORE}\nJane Doe is a senior fellow at the Example Institute for Peace.",
        f"{BODY}\n{MORE}\nJane Doe is a professor at Example University.",
        f"{BODY}\n{MORE}\nJane Doe is an analyst for Asia at Example Group.",
        f"{BODY}\n{MORE}\nJane Doe is an analyst for the Example Institute.",
        # outlets mentioned in the body are sources of the story, not its outlet
        f"{BODY}\nAs Example News reported last week, the talks were tense.\n{MORE}",
        f"{BODY}\n“The talks stalled,” as Jane Doe and John Roe put it in The Diplomatist last autumn.\n{MORE}",
        # a byline place is not an outlet
        f"Ports reopen\nBy Jane Doe, Ankara\n{BODY}",
        f"Ports reopen\nBy Jane Doe, Asia correspondent\n{BODY}",
        # a dateline without an agency names no outlet
        f"WASHINGTON — {BODY}",
        f"Summit diary\nXi Jinping | Vladimir Putin\n{BODY}",
        BODY,
    ],
)
def test_metadata_no_outlet(text: str) -> None:
    assert meta(text).outlet is None


def test_metadata_outlet_hint_wins() -> None:
    text = f"This article previously appeared in the Example Post, on May 2, 2021.\n{BODY}"
    result = meta(text, hints={"outlet": "Hinted Outlet"})
    assert result.outlet == "Hinted Outlet"
    assert result.published == "2021-05-02"


# ---------------------------------------------------------------- published


@pytest.mark.parametrize(
    "text,url,published,basis",
    [
        (f"This article previously appeared in the Example Post, on September 29, 2022.\n{BODY}", None,
         "2022-09-29", "stated"),
        (f"This article first appeared in Example Review in March 2024.\n{BODY}", None, "2024-03", "stated"),
        (f"Ports reopen\nPublished: March 12, 2024\n{BODY}", None, "2024-03-12", "stated"),
        (f"Ports reopen\nPublished on 12 March 2024, 10:32 GMT\n{BODY}", None, "2024-03-12", "stated"),
        (f"Ports reopen\nPublished 2024-03-12T08:00:00Z\n{BODY}", None, "2024-03-12", "stated"),
        (f"Ports reopen\nPosted: Sept. 3, 2023\n{BODY}", None, "2023-09-03", "stated"),
        (f"Ports reopen\nBy Jane Doe | Published March 12, 2024 | Updated March 13, 2024\n{BODY}", None,
         "2024-03-12", "stated"),
        (f"Ports reopen\nUpdated: March 13, 2024 at 9:15 a.m. ET\n{BODY}", None, "2024-03-13", "stated"),
        (f"Ports reopen\nPublished: March 2024\n{BODY}", None, "2024-03", "stated"),
        (f"Ports reopen\nBy Jane Doe, March 3, 2024\n{BODY}", None, "2024-03-03", "stated"),
        (f"Ports reopen\nTuesday, March 12, 2024\n{BODY}", None, "2024-03-12", "stated"),
        (f"# Ports reopen\n\nBy Jane Doe\n\n*June 3, 2025*\n\n{BODY}", None, "2025-06-03", "stated"),
        (f"MOSCOW, March 3, 2024 (Reuters) - {BODY}", None, "2024-03-03", "stated"),
        # a date in the page address implies publication; it does not state it (GUIDE.md, Conventions)
        (f"Ports reopen\n{BODY}", "https://example.org/world/2024/03/12/ports-reopen", "2024-03-12", "inferred"),
        (f"Ports reopen\n{BODY}", "https://example.org/news/2024-03-12-ports-reopen.html", "2024-03-12", "inferred"),
        (f"Ports reopen\n{BODY}", "https://example.org/a/20240312/ports", "2024-03-12", "inferred"),
        (f"Ports reopen\n{BODY}", "https://example.org/2024/03/ports-reopen", "2024-03", "inferred"),
        # a dateline without a year, the year stated elsewhere -> inferred
        (f"NEW DELHI, March 12 (Reuters) - {BODY}", "https://example.org/world/2024/ports", "2024-03-12", "inferred"),
        (f"Ports reopen\nPublished: 2024\nNEW DELHI, March 12 (Reuters) - {BODY}", None, "2024-03-12", "inferred"),
        (f"Ports reopen\nPublished: 2024\n{BODY}", None, "2024", "stated"),
        # relative dates resolved only against an absolute anchor the text states
        (f"Ports reopen\nPublished 3 days ago\nRetrieved on March 12, 2024\n{BODY}", None, "2024-03-09", "inferred"),
        (f"Ports reopen\nUpdated yesterday\nAccessed 12 March 2024\n{BODY}", None, "2024-03-11", "inferred"),
    ],
)
def test_metadata_published(text: str, url: str | None, published: str, basis: str) -> None:
    result = meta(text, url=url)
    assert (result.published, result.published_basis) == (published, basis)
    assert "published" in result.evidence


@pytest.mark.parametrize(
    "text,url",
    [
        # dates inside the story are event dates, never the publication date
        (f"Ports reopen\nOn March 3, 2024, the two sides met in Geneva.\n{BODY}", None),
        (f"{BODY}\nThe treaty was signed on 12 March 2024 and ratified in May 2024.\n{MORE}", None),
        (f"Ports reopen\nUpdated guidelines were published in March 2024.\n{BODY}", None),
        # a dateline without a year and nothing else stating one
        (f"NEW DELHI, March 12 (Reuters) - {BODY}", None),
        # relative dates without an absolute anchor
        (f"Ports reopen\nPublished 3 days ago\n{BODY}", None),
        (f"Ports reopen\nUpdated yesterday\n{BODY}", None),
        # not real dates, or not dates at all
        (f"Ports reopen\nPublished: 32 February 2024\n{BODY}", None),
        (f"Ports reopen\nPublished: February 30, 2023\n{BODY}", None),
        (f"Ports reopen\nPublished: Q3 2023\n{BODY}", None),
        (f"Ports reopen\nPublished: the 1990s\n{BODY}", None),
        (f"Ports reopen\n{BODY}", "https://example.org/world/9999/99/99/story"),
        (f"Ports reopen\n{BODY}", "not a url at all ::: [["),
        (BODY, None),
        ("", None),
    ],
)
def test_metadata_published_unknown(text: str, url: str | None) -> None:
    result = meta(text, url=url)
    assert (result.published, result.published_basis) == (None, "unknown")


@pytest.mark.parametrize(
    "hint,published",
    [
        ("2024-03-12", "2024-03-12"),
        ("2024-03-12T23:30:00-05:00", "2024-03-12"),
        ("Tue, 12 Mar 2024 08:00:00 GMT", "2024-03-12"),
        ("March 12, 2024", "2024-03-12"),
        ("September 2022", "2022-09"),
        ("2022", "2022"),
        ("2024.03.12", "2024-03-12"),
    ],
)
def test_metadata_published_hint_wins(hint: str, published: str) -> None:
    text = f"This article previously appeared in the Example Post, on May 2, 2021.\n{BODY}"
    result = meta(text, hints={"published": hint})
    assert (result.published, result.published_basis) == (published, "stated")
    assert result.evidence["published"].startswith("hint")


def test_metadata_published_bad_hint_falls_back_to_text() -> None:
    text = f"This article previously appeared in the Example Post, on May 2, 2021.\n{BODY}"
    result = meta(text, hints={"published": "Q3 2023"})
    assert result.published == "2021-05-02"


@pytest.mark.parametrize(
    "value,expected",
    [("12 March 2024", "2024-03-12"), ("Sept. 29, 2022", "2022-09-29"), ("32 February 2024", None),
     ("Q3 2023", None), ("the 1990s", None), ("3 days ago", None), ("", None), (None, None), (20240312, None)],
)
def test_metadata_normalise_date(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


# ---------------------------------------------------------------- full documents and robustness


def test_metadata_wire_story() -> None:
    text = (
        "Advertisement\n"
        "Grain ships leave port under new deal\n"
        "By JANE DOE and JOHN ROE\n"
        f"ANKARA, March 3 (Reuters) - {BODY}\n"
        f"{MORE}\n"
        "Reporting by Jane Doe; Editing by Max Moe\n"
        "© 2024 Example Wire. All rights reserved."
    )
    result = meta(text, url="https://example.org/world/2024/ports")
    assert result.title == "Grain ships leave port under new deal"
    assert result.authors == ("Jane Doe", "John Roe")
    # a wire story republished keeps the republishing site as outlet (GUIDE.md, Conventions),
    # named as the site writes itself ("© 2024 Example Wire" spells the domain's "example"),
    # with the agency that filed it
    assert result.outlet == "Example (Reuters)"
    assert "Reuters" in result.evidence["outlet"]
    assert (result.published, result.published_basis) == ("2024-03-03", "inferred")
    # without a page address, the wire named in the dateline is the outlet
    assert meta(text).outlet == "Reuters"


def test_metadata_chrome_is_ignored() -> None:
    text = f"Read more: Ports reopen after the deal\n{BODY}\n{MORE}"
    assert meta(text).title is None
    # without the chrome spans the same line would have been read as the headline
    assert extract_metadata(text).title == "Read more: Ports reopen after the deal"


def test_metadata_bad_chrome_spans_do_not_raise() -> None:
    text = f"Ports reopen\n{BODY}"
    result = extract_metadata(text, chrome=[(50, 10), (-5, 3), (10_000, 20_000)])
    assert result.title == "Ports reopen"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00" * 1000,
        "\u200b\u200e\u202e\ufeff",
        "עברית\nعربي\n" * 50,
        "x" * 1_000_000,
        "By " + "Jane " * 200_000,
        "This article previously appeared in " + "The " * 250_000,
        "BEIJING" + " BEIJING" * 125_000,
        ("Published: " + "1" * 1_000_000),
        "\n" * 500_000 + "Jane Doe is an analyst for Example Hook.",
        ("Short line\n" * 100_000) + BODY,
        "Jane Doe " * 100_000 + " is an analyst for Example Hook.",
    ],
    ids=lambda text: f"{len(text)}-chars",
)
def test_metadata_any_string_returns_quickly(text: str) -> None:
    started = time.perf_counter()
    result = extract_metadata(text, url="https://example.org/" + "9" * 5000)
    assert time.perf_counter() - started < 3.0
    assert result.published_basis in {"stated", "inferred", "unknown"}


# ---------------------------------------------------------------- the shared dev set


SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_metadata_seed_articles_match_gold() -> None:
    seeds = SHARED / "seeds"
    golds = sorted((SHARED / "eval" / "dev").glob("d0*.json"))
    if not seeds.is_dir() or not golds:
        pytest.skip("shared seeds or gold not present")
    matches = {"title": 0, "outlet": 0, "published": 0}
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (seeds / gold["file"]).read_text(encoding="utf-8")
        result = extract_metadata(text, url=gold.get("url"), chrome=find_chrome(text))
        for key in matches:
            matches[key] += getattr(result, key) == gold["meta"][key]
    assert all(count >= 2 for count in matches.values()), matches


_PIECES = ["By Jane Doe", "BEIJING, March 3 (Reuters) - ", "Published: ", "March 12, 2024", "32 February",
           "This article previously appeared in the ", "Example Post", " is an analyst for ", "\n", "\r", " | ",
           "\u200b", "\x00", "the ", "3 days ago", "Retrieved ", "# ", "Q3 2023", "and ", "2024"]


def test_metadata_arbitrary_text_gives_well_formed_record() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    strategies = hypothesis.strategies

    piece = strategies.one_of(strategies.sampled_from(_PIECES), strategies.text(max_size=20))

    @hypothesis.settings(max_examples=150, deadline=None)
    @hypothesis.given(strategies.lists(piece, max_size=40))
    def check(pieces: list[str]) -> None:
        text = "".join(pieces)
        result = extract_metadata(text, chrome=find_chrome(text))
        assert result.published_basis in {"stated", "inferred", "unknown"}
        assert (result.published is None) == (result.published_basis == "unknown")
        if result.published is not None:
            assert normalise_date(result.published) == result.published
        assert all(isinstance(a, str) and a for a in result.authors)

    check()


def test_metadata_weekday_tied_to_a_day_infers_the_publication_date() -> None:
    import datetime

    today = datetime.date(2026, 12, 7)
    lead = "Ports reopen\nANKARA -- Turkey and Greece reopened the ports on Friday, August 2, ending a standoff that began in {year}.\n"
    # 2 August fell on a Friday in 2013, 2019 and 2024: the first of them from the latest year mentioned
    result = extract_metadata(lead.format(year=2018) + MORE, today=today)
    assert (result.published, result.published_basis) == ("2019-08-02", "inferred")
    assert "Friday, August 2" in result.evidence["published"]
    assert extract_metadata(lead.format(year=2021) + MORE, today=today).published == "2024-08-02"
    # no year mentioned: the weekday recurs, so nothing is guessed
    text = "Ports reopen\nTurkey and Greece reopened the ports on Friday, August 2.\n" + MORE
    assert extract_metadata(text, today=today).published is None
    # a stated date wins
    assert extract_metadata("Ports reopen\nPublished: March 3, 2024\n" + lead.format(year=2018) + MORE,
                            today=today).published == "2024-03-03"
