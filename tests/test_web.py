"""The dashboard (dyadwatch.web) through Starlette's TestClient, on a real store built from
articles written here and ingested with the real pipeline."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("jinja2")

from starlette.testclient import TestClient  # noqa: E402

from conftest import ROOT  # noqa: E402

ARTICLES = [
    {
        "title": "China and Russia sign energy pact in Beijing",
        "outlet": "Northern Wire", "published": "2024-03-12", "authors": ["Ana Lund"],
        "text": (
            "China and Russia sign energy pact in Beijing\n\n"
            "BEIJING, March 12 (Northern Wire) - China and Russia signed an agreement on energy cooperation in "
            "Beijing on March 10, 2024, officials from both countries said.\n\n"
            "\"Our partnership has no limits,\" Russian President Vladimir Putin said after meeting Chinese "
            "President Xi Jinping.\n\n"
            "Trade between China and Russia rose to $240 billion last year, according to Chinese customs data.\n\n"
            "China will not join Western sanctions against Russia, the Chinese foreign ministry said on Monday.\n\n"
            "Russia accused the United States of trying to divide Moscow and Beijing.\n"
        ),
    },
    {
        "title": "Beijing holds back on Russian pipeline",
        "outlet": "Eastern Review", "published": "2024-04-02", "authors": ["Ivo Petrov"],
        "text": (
            "Beijing holds back on Russian pipeline\n\n"
            "China has not signed the long-delayed Power of Siberia 2 pipeline agreement with Russia, diplomats "
            "said on April 1, 2024.\n\n"
            "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Moscow on March 28, "
            "2024.\n\n"
            "\"We will continue to buy Russian oil,\" Wang Yi told reporters.\n\n"
            "China criticised NATO for expanding eastwards, and Russia threatened to cut gas supplies to Europe.\n"
        ),
    },
    {
        "title": "<script>alert('title')</script> Russia and China at the UN",
        "outlet": "Script & Sons <b>Daily</b>", "published": "2023-11-05",
        "text": (
            "Russia and China at the UN\n\n"
            "Russia and China vetoed the resolution at the United Nations Security Council on November 3, 2023. "
            "<script>alert('article')</script> <img src=x onerror=alert(2)>\n\n"
            "=HYPERLINK(\"http://example.invalid\") Russia thanked China for its support at the council.\n"
        ),
    },
    {
        "title": "India and Pakistan trade accusations",
        "outlet": "Northern Wire", "published": "2023-06-20",
        "text": (
            "India and Pakistan trade accusations\n\n"
            "India accused Pakistan of violating the ceasefire along the Line of Control on June 18, 2023.\n\n"
            "Pakistan rejected the charge and said 12 civilians had been injured by Indian shelling.\n\n"
            # a possibility with no time of its own: an undated event (the month=undated filter)
            "India could impose new trade restrictions on Pakistan if the shelling continues.\n"
        ),
    },
]


@pytest.fixture(scope="module")
def web_db(tmp_path_factory, nlp) -> Path:
    from dyadwatch import Store, ingest_sources

    folder = tmp_path_factory.mktemp("web")
    src = folder / "articles.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    path = folder / "web.db"
    with Store(path) as store:
        summary = ingest_sources(store, [str(src)], nlp=nlp)
        assert summary.added == len(ARTICLES), summary.messages
    return path


@pytest.fixture(scope="module")
def client(web_db: Path) -> TestClient:
    from dyadwatch.web import make_app

    with TestClient(make_app(web_db)) as c:
        yield c


def _doc_ids(web_db: Path) -> dict[str, str]:
    from dyadwatch import Store

    with Store(web_db, readonly=True) as store:
        return {r["outlet"] or "": r["id"] for r in store.execute("SELECT id, outlet FROM documents")}


def _ids_by_title(web_db: Path) -> dict[str, str]:
    from dyadwatch import Store

    with Store(web_db, readonly=True) as store:
        return {r["title"]: r["id"] for r in store.execute("SELECT id, title FROM documents")}


def _message(html: str) -> str:
    m = re.search(r'class="message">(.*?)</p>', html, re.S)
    assert m, html[:500]
    return m.group(1)


# -- pages ----------------------------------------------------------------------------------

def test_web_overview(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert "<h1>Overview</h1>" in r.text
    assert 'href="/dyads/CHN/RUS"' in r.text
    assert "Northern Wire" in r.text and "Eastern Review" in r.text
    assert re.search(r"<strong>4</strong> documents", r.text)


def test_web_every_response_carries_the_security_headers(client: TestClient) -> None:
    for url in ("/", "/events", "/nowhere", "/static/app.css"):
        r = client.get(url)
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert "connect-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"


def test_web_dyad_page(client: TestClient) -> None:
    r = client.get("/dyads/CHN/RUS")
    assert r.status_code == 200
    for heading in ("Month by month", "Event types", "Ledger of terms", "Stance of each source over time",
                    "Key figures", "Confirmed and contradicted"):
        assert heading in r.text
    # the charts are inline JSON specs rendered by the vendored vega-embed
    assert 'data-chart="chart-volume"' in r.text
    assert "/static/vendor/vega-embed-7.3.0.min.js" in r.text
    spec = json.loads(re.search(r'data-chart="chart-volume">(.*?)</script>', r.text, re.S).group(1))
    assert {v["direction"] for v in spec["data"]["values"]} <= {"CHN → RUS", "RUS → CHN"}
    assert "2024-03-01" in {v["month"] for v in spec["data"]["values"]}
    # the ledger links each term to the sentence it came from
    assert re.search(r'href="/documents/[0-9a-f]{16}#ev-\d+"', r.text)
    # lower case codes work; the page is the same dyad
    assert client.get("/dyads/chn/rus").status_code == 200


@pytest.mark.parametrize("url,status,needle", [
    ("/dyads/CHN/XYZ", 404, "No actor XYZ in this database"),
    ("/dyads/C!N/RUS", 400, "Parameter &#39;first actor&#39; has value &#39;C!N&#39;"),
    ("/dyads/CHN/CHN", 400, "two different actors"),
    ("/dyads/CHN/RUS?since=2024-13", 400, "Parameter &#39;since&#39; has value &#39;2024-13&#39;"),
    ("/dyads/CHN/RUS?since=2024-05&until=2024-01", 400, "is after"),
    ("/dyads/CHN/RUS?colour=red", 400, "Unknown parameter &#39;colour&#39;"),
    ("/dyads?a=CHN", 400, "Give both actors"),
])
def test_web_dyad_errors(client: TestClient, url: str, status: int, needle: str) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert needle in _message(r.text)
    assert "Traceback" not in r.text


def test_web_dyad_period_and_redirect(client: TestClient) -> None:
    r = client.get("/dyads/CHN/RUS?since=2024-04")
    assert r.status_code == 200
    r = client.get("/dyads?a=chn&b=rus", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/dyads/CHN/RUS"
    assert "CHN" in client.get("/dyads").text


def test_web_document_page_marks_findings_in_place(client: TestClient, web_db: Path) -> None:
    doc_id = _ids_by_title(web_db)["China and Russia sign energy pact in Beijing"]
    r = client.get(f"/documents/{doc_id}")
    assert r.status_code == 200
    html = r.text
    # events: a numbered link after the trigger, explaining itself on hover, and a card to click to
    assert re.search(r'<a class="ref ref-ev" id="ev-\d+" href="#card-ev-\d+" title="E1 · ', html)
    assert re.search(r'<mark class="trigger [^"]*" title="[^"]*type [A-Z]+', html)
    assert re.search(r'id="card-ev-\d+"', html)
    # negation and modality are in the explanation
    assert "NEGATED" in html and "modality" in html
    # actors: why each mention was resolved (mentions.entry)
    assert re.search(r'<span class="actor" title="CHN \(China\)\n&#39;[^&]+&#39; resolved by [^"]+"', html)
    assert 'id="card-actor-CHN"' in html
    # quotes and figures
    assert re.search(r'<span class="quote" title="Q1 · direct quote', html)
    assert re.search(r'<mark class="figure" title="F\d+ · &#39;\$240 billion&#39;', html)
    # claims: the sentence itself is marked, explains itself on hover and opens its card on click
    assert re.search(r'<span class="claim[^"]*" title="C\d+ · claim[^"]*" data-card="card-cl-\d+">', html)
    assert re.search(r'id="card-cl-\d+"', html)
    # a prefix of the id works, in either case
    assert client.get(f"/documents/{doc_id[:6]}").status_code == 200
    assert client.get(f"/documents/{doc_id.upper()}").status_code == 200


@pytest.mark.parametrize("figure,text", [
    ({"unit": "USD", "value": 146.87e9, "value_high": None, "qualifier": None, "raw": "US $146.87 billion"},
     "146.87 billion USD"),
    ({"unit": "USD", "value": 240e9, "value_high": None, "qualifier": "about", "raw": "about $240bn"},
     "about 240 billion USD"),
    ({"unit": "percent", "value": 29.0, "value_high": None, "qualifier": None, "raw": "29 percent"}, "29%"),
    ({"unit": "count", "value": 5.0, "value_high": None, "qualifier": None, "raw": "five Chinese firms"}, "5"),
    ({"unit": "count", "value": 3.0, "value_high": 5.0, "qualifier": "perhaps", "raw": "three to five"},
     "perhaps 3–5"),
    ({"unit": "count", "value": 240000.0, "value_high": None, "qualifier": None, "raw": "240,000"}, "240,000"),
    ({"unit": "other", "value": 20.0, "value_high": None, "qualifier": None, "raw": "20 days"}, "20 days"),
])
def test_web_figures_are_written_as_readers_write_them(figure: dict, text: str) -> None:
    from dyadwatch.web.data import figure_text

    assert figure_text(figure) == text


@pytest.mark.parametrize("title,source,doc_id,label", [
    ("China and Russia", "x.txt", "ab", "China and Russia"),
    (None, "/work/shared/seeds/003_2ccefc710f8704eb.txt", "3ffc8edd9aec12d7", "Untitled (003_2ccefc710f8704eb.txt)"),
    ("  ", "https://example.org/world/china-russia/?utm=1", "ab", "Untitled (china-russia)"),
    (None, None, "3ffc8edd9aec12d7", "Untitled document 3ffc8edd"),
])
def test_web_untitled_documents_are_named_by_their_source(title, source, doc_id, label) -> None:
    from dyadwatch.web.data import document_label

    assert document_label(title, source, doc_id) == label


def test_web_document_highlight(client: TestClient, web_db: Path) -> None:
    doc_id = _ids_by_title(web_db)["India and Pakistan trade accusations"]
    r = client.get(f"/documents/{doc_id}?hl=38-60")
    assert r.status_code == 200
    assert '<mark id="hl" class="hl">' in r.text
    r = client.get(f"/documents/{doc_id}?hl=10-99999")
    assert r.status_code == 400 and "characters long" in _message(r.text)
    for bad in ("abc", "5-2", "1-", "-3"):
        r = client.get(f"/documents/{doc_id}?hl={bad}")
        assert r.status_code == 400, bad


@pytest.mark.parametrize("url,status,needle", [
    ("/documents/0123456789abcdef", 404, "No document with id &#39;0123456789abcdef&#39;"),
    ("/documents/not-an-id", 400, "is not a document id"),
    ("/documents/0123456789abcdef0", 400, "is not a document id"),
    ("/nowhere", 404, "There is no page at /nowhere"),
])
def test_web_unknown_and_malformed_ids(client: TestClient, url: str, status: int, needle: str) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert needle in _message(r.text)


def test_web_post_is_refused(client: TestClient) -> None:
    assert client.post("/events").status_code == 405


# -- escaping -------------------------------------------------------------------------------

def test_web_article_markup_is_shown_as_text(client: TestClient, web_db: Path) -> None:
    doc_id = next(i for t, i in _ids_by_title(web_db).items() if t.startswith("<script>"))
    pages = [client.get(f"/documents/{doc_id}").text, client.get("/").text, client.get("/documents").text,
             client.get("/documents?q=alert").text, client.get("/events?q=vetoed").text]
    for html in pages:
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "<b>Daily</b>" not in html
    doc = pages[0]
    assert "&lt;script&gt;alert(&#39;article&#39;)&lt;/script&gt;" in doc
    assert "&lt;img src=x onerror=alert(2)&gt;" in doc
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in doc
    assert "Script &amp; Sons &lt;b&gt;Daily&lt;/b&gt;" in doc
    # the only scripts on any page are the vendored and own files
    for html in pages:
        for src in re.findall(r"<script[^>]*>", html):
            assert re.fullmatch(r'<script src="/static/[^"]+" defer>|<script type="application/json" '
                                r'data-chart="chart-\w+">', src), src


def test_web_search_text_is_escaped_in_forms_and_chips(client: TestClient) -> None:
    r = client.get('/events?q="><script>alert(1)</script>')
    assert r.status_code == 200
    assert "<script>alert(1)" not in r.text
    assert "&#34;&gt;&lt;script&gt;" in r.text or "&quot;&gt;&lt;script&gt;" in r.text


# -- lists ----------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["events", "quotes", "figures", "documents"])
def test_web_every_list_renders_with_facets(client: TestClient, kind: str) -> None:
    r = client.get(f"/{kind}")
    assert r.status_code == 200
    assert 'id="list"' in r.text and 'class="facets"' in r.text
    assert f'href="/{kind}.csv"' in r.text and f'href="/{kind}.json"' in r.text
    assert re.search(r'<h2 id="results-h" class="result-count"[^>]*>[1-9]\d* ', r.text)


@pytest.mark.parametrize("kind", ["events", "quotes", "figures", "documents"])
def test_web_facets_offer_each_value_once_and_count_every_row(client: TestClient, kind: str) -> None:
    """A facet groups on its own value, never on a table's column of the same name (figures have a
    ``value`` column: grouping on it listed one unit per distinct number)."""
    total = client.get(f"/{kind}.json").json()["count"]
    html = client.get(f"/{kind}").text
    counts: dict[str, list[tuple[str, int]]] = {}
    for facet, value, n in re.findall(r'data-facet="(\w+)" data-value="([^"]*)">[^<]*(?:<[^>]+>[^<]*)*?</a>\s*'
                                      r'<span class="n">([\d,]+)', html):
        counts.setdefault(facet, []).append((value, int(n.replace(",", ""))))
    assert counts, html[:300]
    for facet, options in counts.items():
        values = [v for v, _ in options]
        assert len(values) == len(set(values)), (kind, facet, values)
        if facet in ("type", "outlet", "month", "modality", "unit", "direct"):  # one value per row
            assert sum(n for _, n in options) == total, (kind, facet, options, total)


def test_web_events_facets_count_the_list(client: TestClient) -> None:
    from dyadwatch.web import listing

    r = client.get("/events.json")
    rows = r.json()["rows"]
    total = len(rows)
    assert total > 5
    html = client.get("/events").text
    counts = [int(n) for n in re.findall(r'data-facet="type" data-value="[A-Z]+">[^<]+</a>\s*<span class="n">(\d+)',
                                         html)]
    assert sum(counts) == total
    # choosing a type keeps the other types on offer (each facet ignores its own choice)
    chosen = rows[0]["type"]
    html = client.get(f"/events?type={chosen}").text
    offered = set(re.findall(r'data-facet="type" data-value="([A-Z]+)"', html))
    assert chosen in offered and len(offered) == len({r["type"] for r in rows})
    assert f"Type: {chosen}" in html
    assert listing.EVENTS.filters["type"].multi


def test_web_events_filters(client: TestClient) -> None:
    everything = client.get("/events.json").json()["rows"]
    for params, keep in [
        ("type=AGREE", lambda e: e["type"] == "AGREE"),
        ("type=AGREE&type=ACCUSE", lambda e: e["type"] in ("AGREE", "ACCUSE")),
        ("actor=IND", lambda e: "IND" in (e["source"], e["target"])),
        ("source=CHN&target=RUS", lambda e: (e["source"], e["target"]) == ("CHN", "RUS")),
        ("month=2024-03", lambda e: (e["date"] or "").startswith("2024-03")),
        ("month=undated", lambda e: e["date"] is None),
        ("negated=yes", lambda e: e["negated"]),
        ("outlet=Northern+Wire", lambda e: e["outlet"] == "Northern Wire"),
        ("since=2024-01&until=2024-03", lambda e: e["date"] and "2024-01" <= e["date"][:7] <= "2024-03"),
    ]:
        got = client.get(f"/events.json?{params}").json()["rows"]
        assert [e["id"] for e in got] == [e["id"] for e in everything if keep(e)], params
        assert got, params


def test_web_full_text_search(client: TestClient) -> None:
    rows = client.get("/events.json?q=sanctions").json()["rows"]
    assert rows and all("sanctions" in r["sentence"].lower() for r in rows)
    assert client.get("/events.json?q=sanct*").json()["rows"] == rows
    phrase = client.get('/events.json?q="energy cooperation"').json()["rows"]
    assert phrase and all("energy cooperation" in r["sentence"] for r in phrase)
    html = client.get("/events?q=sanctions").text
    assert '<mark class="hit">sanctions</mark>' in html
    quotes = client.get("/quotes.json?q=limits").json()["rows"]
    assert [q["speaker"] for q in quotes] == ["Vladimir Putin"]
    assert client.get("/quotes.json?q=wang").json()["rows"]  # the speaker's name is searched too
    figures = client.get("/figures.json?q=trade").json()["rows"]
    assert any(f["raw"] == "$240 billion" for f in figures)
    docs = client.get("/documents.json?q=pipeline").json()["rows"]
    assert [d["title"] for d in docs] == ["Beijing holds back on Russian pipeline"]
    html = client.get("/documents?q=pipeline").text
    assert '<mark class="hit">pipeline</mark>' in html
    # FTS5 syntax in the box is searched for as words, never parsed
    for q in ('NEAR(a b', 'AND OR NOT', '"unbalanced', "col:val", "*", "a*b^c", "'; DROP TABLE events; --"):
        r = client.get("/events", params={"q": q})
        assert r.status_code in (200, 400), q
        assert "Traceback" not in r.text
    assert client.get("/events", params={"q": "***"}).status_code == 400


def test_web_documents_facets_and_filters(client: TestClient) -> None:
    html = client.get("/documents").text
    assert re.search(r'data-facet="outlet" data-value="Northern Wire">Northern Wire</a>\s*<span class="n">2', html)
    assert 'data-facet="month" data-value="2024-03"' in html
    rows = client.get("/documents.json?outlet=Northern+Wire&month=2024-03").json()["rows"]
    assert [r["title"] for r in rows] == ["China and Russia sign energy pact in Beijing"]
    rows = client.get("/documents.json?actor=IND").json()["rows"]
    assert [r["title"] for r in rows] == ["India and Pakistan trade accusations"]


def test_web_quotes_and_figures_filters(client: TestClient) -> None:
    rows = client.get("/quotes.json?actor=RUS").json()["rows"]
    assert rows and all(r["speaker_actor"] == "RUS" for r in rows)
    rows = client.get("/figures.json?actor=CHN").json()["rows"]
    assert rows and all("China" in r["sentence"] or "Chinese" in r["sentence"] for r in rows)


def test_web_pagination(client: TestClient) -> None:
    total = len(client.get("/events.json").json()["rows"])
    assert total > 10
    first = client.get("/events?per_page=10").text
    second = client.get("/events?per_page=10&page=2").text
    ids1 = re.findall(r'#ev-(\d+)" class="go"', first)
    ids2 = re.findall(r'#ev-(\d+)" class="go"', second)
    assert len(ids1) == 10 and ids2 and not set(ids1) & set(ids2)
    assert 'rel="next"' in first and 'aria-current="page">2<' in second
    assert f"page 1 of {-(-total // 10)}" in first
    beyond = client.get("/events?page=999")
    assert beyond.status_code == 200 and "No events match on page 999" in beyond.text


@pytest.mark.parametrize("url,needle", [
    ("/events?page=0", "Parameter &#39;page&#39; has value &#39;0&#39;. Expected a whole number from 1"),
    ("/events?page=abc", "Parameter &#39;page&#39; has value &#39;abc&#39;"),
    ("/events?page=1e3", "Parameter &#39;page&#39;"),
    ("/events?page=99999999999", "Parameter &#39;page&#39;"),
    ("/events?per_page=7", "Parameter &#39;per_page&#39; has value &#39;7&#39;. Expected one of: 10, 25, 50"),
    ("/events?type=HUG", "Parameter &#39;type&#39; has value &#39;HUG&#39;. Expected a PLOVER type"),
    ("/events?actor=C%21N", "Parameter &#39;actor&#39; has value &#39;C!N&#39;"),
    ("/events?source=TOOLONGCODE", "Parameter &#39;source&#39;"),
    ("/events?month=2024-3", "Parameter &#39;month&#39; has value &#39;2024-3&#39;"),
    ("/events?since=yesterday", "Parameter &#39;since&#39;"),
    ("/events?negated=maybe", "Parameter &#39;negated&#39;"),
    ("/events?modality=certain", "Parameter &#39;modality&#39;"),
    ("/events?actor=CHN&actor=RUS", "Parameter &#39;actor&#39; is given 2 times"),
    ("/events?tpye=AGREE", "Unknown parameter &#39;tpye&#39;"),
    ("/events?q=" + "x" * 201, "Expected a search of at most 200 characters"),
    ("/events?q=" + "+".join(["w"] * 13), "at most 12 words"),
    ("/events?document=xyz", "is not a document id"),
    ("/events?since=2024-02-30", "That day does not exist"),
    ("/events?month=2024-03%0A", "Parameter &#39;month&#39; has value &#39;2024-03\\n&#39;"),
    ("/events?actor=CHN%0A", "Parameter &#39;actor&#39; has value &#39;CHN\\n&#39;"),
    ("/events?month=%D9%A2%D9%A0%D9%A2%D9%A4", "Parameter &#39;month&#39;"),
    ("/events?q=%00", "Parameter &#39;q&#39; has value &#39;\\x00&#39;"),
    ("/quotes?direct=perhaps", "Parameter &#39;direct&#39;"),
    ("/figures?unit=%24%24", "Parameter &#39;unit&#39;"),
    ("/documents?language=e+n", "Parameter &#39;language&#39;"),
    ("/events.csv?type=HUG", "Expected a PLOVER type"),
    ("/events.json?page=2", "Unknown parameter &#39;page&#39;"),
    ("/events?" + "&".join(f"type=AGREE{i}" for i in range(500)), "The query string is"),
])
def test_web_malformed_parameters_are_400(client: TestClient, url: str, needle: str) -> None:
    r = client.get(url)
    assert r.status_code == 400, r.text[:300]
    assert needle in _message(r.text)
    assert "Traceback" not in r.text


def test_web_htmx_requests_get_the_list_only(client: TestClient) -> None:
    r = client.get("/events?type=AGREE", headers={"HX-Request": "true", "HX-Target": "list"})
    assert r.status_code == 200
    assert r.text.lstrip().startswith('<div id="list"')
    assert "<html" not in r.text
    assert "HX-Request" in r.headers["vary"]
    # a history restore gets the whole page
    r = client.get("/events?type=AGREE", headers={"HX-Request": "true", "HX-Target": "list",
                                                  "HX-History-Restore-Request": "true"})
    assert "<html" in r.text


# -- downloads ------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["events", "quotes", "figures", "documents"])
def test_web_downloads_match_the_list(client: TestClient, kind: str) -> None:
    from dyadwatch.web import listing

    html = client.get(f"/{kind}?per_page=10").text
    total = int(re.search(r'aria-live="polite">(\d+) ', html).group(1))
    r = client.get(f"/{kind}.csv")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == f'attachment; filename="dyadwatch-{kind}.csv"'
    table = list(csv.reader(io.StringIO(r.text)))
    assert tuple(table[0]) == listing.KINDS[kind].columns
    assert len(table) - 1 == total  # every matching row, not only the first page
    data = client.get(f"/{kind}.json").json()
    assert data["list"] == kind and data["count"] == total == len(data["rows"])
    assert list(data["rows"][0]) == list(listing.KINDS[kind].columns)


def test_web_downloads_follow_the_filters(client: TestClient) -> None:
    data = client.get("/events.json?type=AGREE&q=energy").json()
    assert data["filters"] == {"type": ["AGREE"], "q": ["energy"]}
    assert data["rows"] and all(r["type"] == "AGREE" and "energy" in r["sentence"] for r in data["rows"])
    html = client.get("/events?type=AGREE&q=energy&page=1").text
    assert 'href="/events.csv?type=AGREE&amp;q=energy"' in html


def test_web_csv_cells_cannot_become_formulas(client: TestClient) -> None:
    from dyadwatch.web.routes import _csv_cell

    assert _csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _csv_cell("-1+2") == "'-1+2"
    assert _csv_cell(-1.5) == -1.5
    assert _csv_cell(["A", "B"]) == '["A", "B"]'
    table = list(csv.DictReader(io.StringIO(client.get("/events.csv?q=thanked").text)))
    assert table and all(r["sentence"].startswith("'=HYPERLINK(") for r in table)
    # the JSON download keeps the text exactly as it is
    rows = client.get("/events.json?q=thanked").json()["rows"]
    assert all(r["sentence"].startswith("=HYPERLINK(") for r in rows)


# -- static files ---------------------------------------------------------------------------

def test_web_static_files_are_linked_by_version_and_kept(client: TestClient) -> None:
    html = client.get("/dyads/CHN/RUS").text
    links = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert len(links) >= 6 and all(re.search(r"\?v=[0-9a-f]{10}$", link) for link in links), links
    css = next(link for link in links if "app.css" in link)
    digest = hashlib.sha256((ROOT / "src/dyadwatch/web/static/app.css").read_bytes()).hexdigest()[:10]
    assert css == f"/static/app.css?v={digest}"
    r = client.get(css)
    assert r.status_code == 200 and r.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert client.get("/static/app.css").headers["cache-control"] == "no-cache"
    assert "cache-control" not in client.get("/").headers


def test_web_static_files_only_from_the_static_folder(client: TestClient) -> None:
    assert client.get("/static/app.css").status_code == 200
    assert client.get("/static/vendor/htmx-2.0.11.min.js").status_code == 200
    for url in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/vendor/../../app.py",
                "/static/%2e%2e/%2e%2e/store/store.py", "/static//etc/passwd", "/static/vendor"):
        r = client.get(url)
        assert r.status_code == 404, url
        assert "import" not in r.text


def test_web_vendored_files_match_versions_md() -> None:
    vendor = ROOT / "src" / "dyadwatch" / "web" / "static" / "vendor"
    table = (vendor / "VERSIONS.md").read_text()
    rows = re.findall(r"^\| `([^`]+\.js)` \| `([^`]+)` \| ([0-9.]+)[^|]*\|[^|]*\|[^|]*\| `([0-9a-f]{64})` \|$", table, re.M)
    assert {r[0] for r in rows} == {p.name for p in vendor.glob("*.js")}
    for name, package, version, digest in rows:
        assert version in name
        assert hashlib.sha256((vendor / name).read_bytes()).hexdigest() == digest, name
    htmx = next(r for r in rows if r[1] == "htmx.org")
    assert htmx[2].startswith("2.0."), "htmx must stay on 2.0.x (4.x breaks htmx 2 behaviour)"
    for _name, package, version, _digest in rows:
        assert (vendor / "licenses" / f"{package}-{version}.LICENSE").is_file(), package


def test_web_pages_load_nothing_from_elsewhere(client: TestClient, web_db: Path) -> None:
    doc_id = _ids_by_title(web_db)["China and Russia sign energy pact in Beijing"]
    for url in ("/", "/dyads/CHN/RUS", f"/documents/{doc_id}", "/events", "/quotes", "/figures", "/documents"):
        html = client.get(url).text
        for attr in re.findall(r'(?:src|href|action|hx-get)="([^"]*)"', html):
            assert attr.startswith(("/", "#", "?")), (url, attr)


def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    x, y = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (x + 0.05) / (y + 0.05)


def test_web_css_colours_meet_wcag_aa() -> None:
    """The colours in app.css, without a browser (tests/test_web_browser.py checks every text on
    the rendered pages): dark text and links on every light background the style sheet uses,
    white on every dark one, and each rule that sets both a colour and a background."""
    css = (ROOT / "src" / "dyadwatch" / "web" / "static" / "app.css").read_text()
    names = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\b", css))

    def colour(value: str) -> str | None:
        value = value.strip()
        m = re.fullmatch(r"var\(--([\w-]+)\)", value)
        if m:
            return names.get(m.group(1))
        if re.fullmatch(r"#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}", value):
            return value
        return {"#fff": "#ffffff", "white": "#ffffff"}.get(value)

    failures = []
    checked = 0
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        bg = re.search(r"background(?:-color)?:\s*([^;}]+)", body)
        if not bg or not colour(bg.group(1)):
            continue
        back = colour(bg.group(1))
        fg = re.search(r"(?<![-\w])color:\s*([^;}]+)", body)
        if fg and colour(fg.group(1)):  # the rule sets its own text colour
            texts = {fg.group(1).strip(): colour(fg.group(1))}
        elif _luminance(back) > 0.4:  # a light ground: body text, links and the NOT badge's red
            texts = {f"--{n}": names[n] for n in ("ink", "link", "neg")}
        else:
            texts = {"#fff": "#ffffff"}
        for label, text in texts.items():
            checked += 1
            if _contrast(text, back) < 4.5:
                failures.append((selector.strip(), label, bg.group(1).strip(), round(_contrast(text, back), 2)))
    assert checked > 15
    for back in (names["bg"], names["panel"], "#fbeeed"):  # grey text where it is used
        if _contrast(names["muted"], back) < 4.5:
            failures.append(("--muted", back, round(_contrast(names["muted"], back), 2)))
    for m in re.finditer(r"([^{}]+)\{([^{}]*)\}", css):  # text in a colour of its own, on white
        fg = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})\b", m.group(2))
        if fg and "background" not in m.group(2) and _luminance(fg.group(1)) < 0.4:
            if _contrast(fg.group(1), "#ffffff") < 4.5:
                failures.append((m.group(1).strip(), fg.group(1), round(_contrast(fg.group(1), "#ffffff"), 2)))
    # the focus ring: 3:1 against white and the panel (WCAG 2.1 non-text contrast)
    ring = re.search(r":focus-visible\s*\{[^}]*outline:\s*\d+px solid ([^;}]+)", css)
    assert ring, "no focus ring in app.css"
    for bg in (names["bg"], names["panel"]):
        assert _contrast(colour(ring.group(1)), bg) >= 3
    assert not failures, failures


# -- the store under the dashboard -----------------------------------------------------------

def test_web_sees_new_documents_while_ingest_writes(tmp_path: Path, nlp) -> None:
    from dyadwatch import Store, ingest_sources
    from dyadwatch.web import make_app

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Russia and China signed a trade deal in Moscow on May 3, 2024.\n", encoding="utf-8")
    second.write_text("India and China held border talks in New Delhi on June 4, 2024.\n", encoding="utf-8")
    db = tmp_path / "live.db"
    writer = Store(db)
    ingest_sources(writer, [str(first)], nlp=nlp)
    with TestClient(make_app(db)) as c:
        assert re.search(r"<strong>1</strong> documents", c.get("/").text)
        ingest_sources(writer, [str(second)], nlp=nlp)  # the writer keeps its connection open
        assert re.search(r"<strong>2</strong> documents", c.get("/").text)
        assert c.get("/documents.json?q=border").json()["count"] == 1
    writer.close()


def test_web_downloads_are_kept_until_the_store_changes(tmp_path: Path, nlp,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A download streamed whole is kept in memory (it costs the server far more than a page):
    asked for again, the same bytes come from memory, with their length; after a write the
    download is built again and has the new rows; one past DOWNLOAD_KEEP_BYTES is streamed
    whole every time and never kept."""
    from dyadwatch import Store, ingest_sources
    from dyadwatch.web import make_app, routes

    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps(ARTICLES[0]) + "\n", encoding="utf-8")
    second.write_text(json.dumps(ARTICLES[1]) + "\n", encoding="utf-8")
    db = tmp_path / "kept.db"
    writer = Store(db)
    ingest_sources(writer, [str(first)], nlp=nlp)
    with TestClient(make_app(db, warm=False)) as c:
        pool = c.app.state.pool
        streamed = c.get("/events.csv?actor=CHN")
        assert streamed.status_code == 200 and "content-length" not in streamed.headers
        assert pool.cached_keys("download") == [("download", "/events.csv", "actor=CHN")]
        again = c.get("/events.csv?actor=CHN")
        assert again.content == streamed.content and again.headers["content-length"] == str(len(streamed.content))
        assert again.headers["content-type"] == streamed.headers["content-type"]
        assert again.headers["content-disposition"] == streamed.headers["content-disposition"]
        before = len(list(csv.reader(io.StringIO(streamed.text))))

        ingest_sources(writer, [str(second)], nlp=nlp)
        after = c.get("/events.csv?actor=CHN")
        assert "content-length" not in after.headers  # built again, not the kept bytes
        assert len(list(csv.reader(io.StringIO(after.text)))) > before

        monkeypatch.setattr(routes, "DOWNLOAD_KEEP_BYTES", 100)
        for _ in range(2):
            data = c.get("/documents.json").json()
            assert data["count"] == 2 == len(data["rows"])
        assert ("download", "/documents.json", "") not in pool.cached_keys("download")
    writer.close()


def test_web_keeps_serving_while_ingest_writes(tmp_path: Path, nlp) -> None:
    """Pages requested over and over while an ingest (in another thread, its own connection)
    writes document after document to the same file: every answer is a page, never an error,
    counts only grow, pages in between see part of the ingest, and the dyad page (kept in
    memory) follows the writes."""
    import threading

    from dyadwatch import Store, ingest_sources
    from dyadwatch.web import make_app

    db = tmp_path / "busy.db"
    first = tmp_path / "first.txt"
    first.write_text("Russia and China signed a trade deal in Moscow on May 3, 2024.\n", encoding="utf-8")
    with Store(db) as store:
        ingest_sources(store, [str(first)], nlp=nlp)
    batches = []  # one ingest run per file, as `dyadwatch ingest` runs one after another would
    for i in range(3):
        batch = tmp_path / f"batch{i}.jsonl"
        batch.write_text("".join(json.dumps({**a, "title": f"{a['title']} ({i})", "text": a["text"] + f"\nUpdate {i}.\n"})
                                 + "\n" for a in ARTICLES[:2]), encoding="utf-8")
        batches.append(batch)
    done = threading.Event()
    failures: list[BaseException] = []

    def ingest() -> None:
        try:
            with Store(db) as store:
                for batch in batches:
                    ingest_sources(store, [str(batch)], nlp=nlp)
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            failures.append(exc)
        finally:
            done.set()

    writer = threading.Thread(target=ingest)
    with TestClient(make_app(db)) as c:
        writer.start()
        counts, dyad_events = [], []
        while not done.is_set() or len(counts) < 3:
            for url in ("/", "/events?q=energy", "/documents", "/dyads/CHN/RUS", "/events.csv?actor=CHN"):
                r = c.get(url)
                assert r.status_code == 200, (url, r.status_code, r.text[:300])
            counts.append(int(re.search(r"<strong>(\d+)</strong> documents", c.get("/").text).group(1)))
            dyad_events.append(c.get("/events.json?source=CHN&target=RUS").json()["count"])
        writer.join()
        assert not failures, failures
        # a page read while the last run was finishing may still count 5: read once more after it
        counts.append(int(re.search(r"<strong>(\d+)</strong> documents", c.get("/").text).group(1)))
        assert counts == sorted(counts) and counts[0] >= 1 and counts[-1] == 7, counts
        assert len(set(counts)) > 2, f"no page saw the ingest half done: {counts}"
        html = c.get("/dyads/CHN/RUS").text
        shown = int(re.search(r"<strong>(\d+)</strong> events CHN → RUS", html).group(1))
        assert shown == c.get("/events.json?source=CHN&target=RUS").json()["count"] > dyad_events[0]


def test_web_warmer_builds_large_dyads_in_the_background(tmp_path: Path, web_db: Path, nlp,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil
    import time

    from dyadwatch import Store, ingest_sources
    from dyadwatch.web import make_app, routes

    db = tmp_path / "warm.db"
    shutil.copy(web_db, db)
    monkeypatch.setattr(routes, "WARM_MIN_EVENTS", 1)  # every dyad counts as large here
    app = make_app(db)
    pool, warmer = app.state.pool, app.state.warmer
    warmer.quiet = 0.2
    key = ("dyad", "CHN", "RUS", None, None)
    with TestClient(app) as c:
        assert warmer.wait_idle(timeout=60)
        assert pool.is_fresh(key, pool.fingerprint()), pool.cached_keys("dyad")
        assert c.get("/dyads/IND/PAK?since=2023").status_code == 200  # a visited page is kept up to date too
        rounds = warmer.rounds
        extra = tmp_path / "more.txt"
        extra.write_text("China and Russia held naval drills near Vladivostok on July 2, 2024.\n", encoding="utf-8")
        with Store(db) as store:
            ingest_sources(store, [str(extra)], nlp=nlp)
        deadline = time.monotonic() + 60
        while warmer.rounds == rounds:
            assert time.monotonic() < deadline, "the warmer did not rebuild after the write"
            time.sleep(0.05)
        assert warmer.wait_idle(timeout=60)
        stamp = pool.fingerprint()
        assert pool.is_fresh(key, stamp) and pool.is_fresh(("dyad", "IND", "PAK", "2023", None), stamp)
        assert "naval drills" in c.get("/dyads/CHN/RUS").text or c.get("/events.json?q=drills").json()["count"]
    assert not warmer._thread.is_alive()  # stopped with the app


def test_web_old_database_without_search_index(tmp_path: Path) -> None:
    """A database made before m003_search opens; searching says what to do."""
    import sqlite3

    from dyadwatch import Store
    from dyadwatch.web import make_app

    db = tmp_path / "old.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    for t in ("documents_fts", "events_fts", "figures_fts", "quotes_fts"):
        conn.execute(f"DROP TABLE {t}")
    conn.commit()
    conn.close()
    with TestClient(make_app(db)) as c:
        assert c.get("/events").status_code == 200
        r = c.get("/events?q=china")
        assert r.status_code == 400 and "no full-text index yet" in _message(r.text)


def test_web_make_app_refuses_a_missing_database(tmp_path: Path) -> None:
    from dyadwatch.errors import StoreError
    from dyadwatch.web import make_app

    with pytest.raises(StoreError):
        make_app(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()


# -- the serve command ----------------------------------------------------------------------

def test_cli_serve(web_db: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import uvicorn
    from click.testing import CliRunner

    from dyadwatch.cli import cli

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    result = CliRunner().invoke(cli, ["serve", "--db", str(web_db)])
    assert result.exit_code == 0, result.output
    assert calls[0][1]["host"] == "127.0.0.1" and calls[0][1]["port"] == 8001
    assert "warning" not in result.output
    result = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--host", "0.0.0.0", "--port", "9000"])
    assert result.exit_code == 0
    assert "warning: listening on 0.0.0.0: the dashboard is reachable from other machines" in result.output
    from dyadwatch.cli import serve_workers

    workers = serve_workers()  # one per core by default: uvicorn then starts workers from an import string
    assert calls[1][1] == {"host": "0.0.0.0", "port": 9000, "log_level": "warning", "timeout_keep_alive": 30,
                           **({"factory": True, "workers": workers} if workers > 1 else {})}
    assert f"({workers} worker(s); Ctrl-C to stop)" in result.output
    result = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--workers", "1"])
    assert result.exit_code == 0 and not isinstance(calls[2][0], str) and "workers" not in calls[2][1]
    result = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--workers", "3"])
    assert result.exit_code == 0
    assert calls[3][0] == "dyadwatch.web.app:app_from_environment" and calls[3][1]["workers"] == 3
    import os

    from dyadwatch.web.app import DB_ENV

    assert os.environ[DB_ENV] == str(web_db.resolve())
    monkeypatch.delenv(DB_ENV)
    result = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--workers", "0"])
    assert result.exit_code == 2
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no such database" in result.output
    assert not (tmp_path / "none.db").exists()
    result = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--port", "70000"])
    assert result.exit_code == 2


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
def test_cli_serve_workers_answer_and_stop_cleanly(web_db: Path, tmp_path: Path, stop: str) -> None:
    """A real `dyadwatch serve --workers 2`: both worker processes answer pages (over their own
    read-only connections), and Ctrl-C (SIGINT) or SIGTERM stops the server and its workers
    with exit code 0 and no traceback."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("DYADWATCH_")}
    env["PYTHONPATH"] = str(ROOT / "src")
    log = (tmp_path / "serve.log").open("w+")
    proc = subprocess.Popen([sys.executable, "-m", "dyadwatch", "serve", "--db", str(web_db), "--port", str(port),
                             "--workers", "2"], stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/", timeout=5, trust_env=False).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "dyadwatch serve did not start"
            time.sleep(0.1)
        children = subprocess.run(["ps", "-ww", "--ppid", str(proc.pid), "-o", "pid=,args="], capture_output=True,
                                  text=True).stdout
        workers = [line.split()[0] for line in children.splitlines() if "spawn_main" in line]
        assert len(workers) == 2, children
        with httpx.Client(base_url=base, trust_env=False, timeout=30) as http:
            for url in ("/dyads/CHN/RUS", "/events?q=energy", "/documents", "/dyads"):
                r = http.get(url)
                assert r.status_code == 200 and "<html" in r.text.lower(), (url, r.status_code)
        started = time.monotonic()
        proc.send_signal(getattr(signal, stop))
        assert proc.wait(timeout=30) == 0
        assert time.monotonic() - started < 15
        for pid in workers:  # the workers went with it
            assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    log.seek(0)
    output = log.read()
    assert "Traceback" not in output and "(2 worker(s); Ctrl-C to stop)" in output, output
