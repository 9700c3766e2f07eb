"""The dashboard in a real browser: Debian's Chromium, driven by Playwright, against a real
uvicorn server on 127.0.0.1, over the three seed articles (ingested at test time) plus one
article that carries markup.

Every request the page makes is checked: anything not to 127.0.0.1 is aborted and fails the
test. Screenshots of the main pages go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import csv
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import ROOT, SEEDS, need_shared

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed "
                       "(apt-get install -y chromium chromium-driver; .ci/run does this)"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed "
                                     "(pip install 'dyadwatch[test]')")
pytest.importorskip("uvicorn")

SCRIPT_ARTICLE = (
    "<script>alert('pwned')</script> China and Russia at the UN\n\n"
    "Russia and China vetoed a resolution at the United Nations Security Council on November 3, 2023. "
    "<script>window.__pwned = true; alert('pwned')</script> <img src=x onerror=\"window.__pwned = true\">\n"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def browser_db(tmp_path_factory, nlp) -> tuple[Path, str]:
    need_shared()
    from dyadwatch import Store, ingest_sources

    folder = tmp_path_factory.mktemp("browser")
    script = folder / "markup.txt"
    script.write_text(SCRIPT_ARTICLE, encoding="utf-8")
    path = folder / "seeds.db"
    with Store(path) as store:
        summary = ingest_sources(store, [str(SEEDS), str(script)], nlp=nlp)
        assert summary.added == 4, summary.messages
        try:  # cross-source agreements and contradictions, when the compare stage is there
            from dyadwatch.compare import compare_store
        except ImportError:
            pass
        else:
            compare_store(store)
        script_id = store.execute("SELECT id FROM documents WHERE text LIKE '<script>%'")[0][0]
    return path, script_id


@pytest.fixture(scope="module")
def server(browser_db: tuple[Path, str]):
    import uvicorn

    from dyadwatch.web import make_app

    port = _free_port()
    config = uvicorn.Config(make_app(browser_db[0]), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    user_data = tmp_path_factory.mktemp("chromium-profile")  # a fresh profile every run
    with playwright_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(user_data), executable_path=str(CHROMIUM), headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 900}, accept_downloads=True)
        outside: list[str] = []

        def guard(route):
            host = urlparse(route.request.url).hostname
            if host != "127.0.0.1":
                outside.append(route.request.url)
                route.abort()
            else:
                route.continue_()

        context.route("**/*", guard)
        context.outside = outside  # type: ignore[attr-defined]
        yield context
        context.close()


@pytest.fixture
def page(browser):
    pg = browser.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.problems = problems  # type: ignore[attr-defined]
    yield pg
    pg.close()
    assert browser.outside == [], f"requests left 127.0.0.1: {browser.outside}"
    assert problems == [], problems


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_browser_overview_to_dyad_to_document(page, server: str) -> None:
    page.goto(server + "/")
    assert page.title() == "Overview · dyadwatch"
    _shot(page, "overview")
    page.get_by_role("link", name="China – Russia").first.click()
    page.wait_for_url("**/dyads/CHN/RUS")
    # the charts are drawn by the vendored Vega-Lite, as SVG
    page.wait_for_selector("#chart-volume svg", timeout=15000)
    page.wait_for_selector("#chart-types svg", timeout=15000)
    _shot(page, "dyad")
    contradiction = page.locator('.contradicted a[data-relation-link="contradict"]')
    if contradiction.count():
        contradiction.first.click()
        page.wait_for_url("**/documents/*?hl=*#hl")
        mark = page.locator("mark#hl")
        assert mark.count() == 1 and mark.inner_text().strip()
        assert mark.is_visible()
    else:  # no comparison in this build: follow a ledger entry's evidence to its sentence
        page.locator("#ledger a.evidence").first.click()
        page.wait_for_url("**/documents/*#ev-*")
        target = page.url.rsplit("#", 1)[1]
        ref = page.locator(f"#{target}")
        assert ref.is_visible()
        assert page.evaluate("document.querySelector(':target').id") == target
    _shot(page, "document")


def test_browser_event_list_to_sentence(page, server: str) -> None:
    page.goto(server + "/events")
    link = page.locator("ol.rows a.go").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url("**" + href)
    anchor = href.split("#")[1]
    assert page.locator(f"#{anchor}").is_visible()
    # a click on the marked trigger opens the explanation card
    sentence = page.locator(f".s:has(#{anchor})")
    assert sentence.count() == 1
    page.locator(f"#{anchor}").click()
    card = page.locator(f"#card-{anchor}")
    card.wait_for()
    assert "type" in card.inner_text() and "modality" in card.inner_text()


def test_browser_search_filter_download(page, server: str, tmp_path: Path) -> None:
    page.goto(server + "/events")
    total = page.locator("#results-h").inner_text()
    page.fill("#q", "sanctions")
    page.press("#q", "Enter")  # htmx swaps the list and pushes the URL
    page.wait_for_url("**/events?q=sanctions")
    page.wait_for_function("(before) => document.querySelector('#results-h').textContent.trim() !== before",
                           arg=total.strip())
    assert page.locator("mark.hit").count() >= 1
    searched = page.locator("#results-h").inner_text()
    _shot(page, "events-search")
    facet = page.locator('a[data-facet="type"]').first
    chosen = facet.get_attribute("data-value")
    facet.click()
    page.wait_for_url(f"**type={chosen}**")
    page.wait_for_selector(".chips")
    assert f"Type: {chosen}" in page.locator(".chips").inner_text()
    shown = int(page.locator("#results-h").inner_text().split()[0])
    assert shown <= int(searched.split()[0])
    with page.expect_download() as info:
        page.locator('a[data-download="csv"]').click()
    saved = tmp_path / "events.csv"
    info.value.save_as(saved)
    rows = list(csv.DictReader(saved.open(encoding="utf-8")))
    assert len(rows) == shown
    assert all(r["type"] == chosen and "sanction" in r["sentence"].lower() for r in rows)
    with page.expect_download() as info:
        page.locator('a[data-download="json"]').click()
    assert info.value.suggested_filename == "dyadwatch-events.json"


def test_browser_markup_in_articles_is_text(page, server: str, browser_db: tuple[Path, str]) -> None:
    _path, script_id = browser_db
    page.goto(f"{server}/documents/{script_id}")
    text = page.locator(".doc-text").inner_text()
    assert "<script>window.__pwned = true; alert('pwned')</script>" in text
    assert '<img src=x onerror="window.__pwned = true">' in text
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator(".doc-text script, .doc-text img").count() == 0
    assert "<script>alert('pwned')</script> China and Russia" in text
    page.goto(f"{server}/documents?q=pwned")
    assert page.evaluate("window.__pwned === undefined")
    assert "<script>" in page.locator("ol.rows").inner_text()


def test_browser_every_list_and_error_page(page, server: str) -> None:
    for name in ("quotes", "figures", "documents"):
        page.goto(f"{server}/{name}")
        assert page.locator("#results-h").is_visible()
        _shot(page, name)
    response = page.goto(f"{server}/events?page=zero")
    assert response.status == 400
    assert "Parameter 'page' has value 'zero'" in page.locator(".message").inner_text()
    response = page.goto(f"{server}/documents/0000000000000000")
    assert response.status == 404
    # the browser logs the two error statuses asked for above; nothing else may be logged
    page.problems[:] = [p for p in page.problems if "the server responded with a status of 40" not in p]


def test_browser_keyboard_and_phone_width(page, server: str) -> None:
    page.goto(server + "/events")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "dyadwatch"
    # focus is visible: the focused element gets an outline
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    # keyboard-only filtering: tab to a facet link and press Enter
    page.focus('a[data-facet="type"]')
    page.keyboard.press("Enter")
    page.wait_for_selector(".chips")
    for width, name in ((390, "phone"), (1280, "desktop")):
        page.set_viewport_size({"width": width, "height": 844})
        for url in ("/", "/dyads/CHN/RUS", "/events"):
            page.goto(server + url)
            if url.startswith("/dyads"):
                page.wait_for_selector("#chart-volume svg", timeout=15000)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            wide = page.evaluate("() => [...document.querySelectorAll('body *')].filter(e => "
                                 "e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
                                 ".slice(0, 5).map(e => e.tagName + '.' + e.className)")
            assert overflow <= 1, (width, url, overflow, wide)
        _shot(page, f"events-{name}")
        if name == "phone":
            page.goto(server + "/dyads/CHN/RUS")
            page.wait_for_selector("#chart-volume svg", timeout=15000)
            page.screenshot(path=str(ARTIFACTS / "dyad-phone.png"))  # the first screen
