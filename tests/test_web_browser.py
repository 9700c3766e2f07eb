"""The dashboard in a real browser: Debian's Chromium, driven by Playwright, against a real
uvicorn server on 127.0.0.1, over the three seed articles (ingested at test time) plus one
article that carries markup.

Every request the page makes is checked: anything not to 127.0.0.1 is aborted and fails the
test. Screenshots of the main pages at 1280 px and at phone width (390 px) go to
tests/artifacts/ (git-ignored; the path is printed at the end of the test run) for a person to
look at.
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
        # ingest also compares the documents: agreements and contradictions between sources
        summary = ingest_sources(store, [str(SEEDS), str(script)], nlp=nlp)
        assert summary.added == 4, summary.messages
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
    _SHOTS.append(name)


_SHOTS: list[str] = []


class _ScreenshotNote:
    """Says at the end of the run where the screenshots are (pytest hides the tests' output)."""

    @staticmethod
    def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001 - a pytest hook
        if _SHOTS:
            terminalreporter.write_line(f"dashboard screenshots ({len(_SHOTS)}): {ARTIFACTS}/")


@pytest.fixture(scope="module", autouse=True)
def _note_screenshots(request):
    note = _ScreenshotNote()
    request.config.pluginmanager.register(note, "dyadwatch-web-screenshots")
    yield
    # unregistered by pytest at the end of the session, after the summary


def _main_pages(server: str, browser_db: tuple[Path, str]) -> list[tuple[str, str]]:
    from dyadwatch import Store

    with Store(browser_db[0], readonly=True) as store:
        doc = store.execute("SELECT document_id FROM events GROUP BY document_id ORDER BY count(*) DESC LIMIT 1")[0][0]
    return [("overview", "/"), ("dyad", "/dyads/CHN/RUS"), ("document", f"/documents/{doc}"),
            ("events", "/events"), ("quotes", "/quotes"), ("figures", "/figures"), ("documents", "/documents"),
            ("error", "/events?page=zero")]


def _goto(page, server: str, url: str) -> None:
    page.goto(server + url)
    if url.startswith("/dyads/"):  # the charts are drawn by the vendored Vega-Lite, as SVG
        for chart in page.locator(".chart").all():
            chart.locator("svg").first.wait_for(timeout=15000)


def test_browser_overview_to_dyad_to_document(page, server: str) -> None:
    page.goto(server + "/")
    assert page.title() == "Overview · dyadwatch"
    page.get_by_role("link", name="China – Russia").first.click()
    page.wait_for_url("**/dyads/CHN/RUS")
    # the charts are drawn by the vendored Vega-Lite, as SVG
    page.wait_for_selector("#chart-volume svg", timeout=15000)
    page.wait_for_selector("#chart-types svg", timeout=15000)
    # the seeds contradict each other (the compare stage finds it): follow one to its sentence
    card = page.locator(".contradicted .card.rel").first
    assert card.count() == 1, "no contradiction on the CHN-RUS page of the seeds"
    sentence = " ".join(card.locator("blockquote").first.inner_text().split())
    card.locator('a[data-relation-link="contradict"]').first.click()
    page.wait_for_url("**/documents/*?hl=*#hl")
    mark = page.locator("mark#hl")
    assert mark.count() == 1 and mark.is_visible()
    # the marked text, without the numbered links (E1, Q2 …) inserted after findings
    marked = mark.evaluate("m => { const c = m.cloneNode(true); c.querySelectorAll('a.ref').forEach(a => a.remove()); "
                           "return c.textContent; }")
    assert " ".join(marked.split()) == sentence
    box = mark.bounding_box()  # scrolled to: the sentence is on screen
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]


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
    # the address changed with each update in place, so Back returns to the search before the filter
    page.go_back()
    page.wait_for_url("**/events?q=sanctions")
    page.wait_for_function("() => !document.querySelector('.chips a[aria-label^=\"Remove filter Type\"]')")
    assert page.locator("#results-h").inner_text() == searched


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
    response = page.goto(f"{server}/events?page=zero")
    assert response.status == 400
    assert "Parameter 'page' has value 'zero'" in page.locator(".message").inner_text()
    response = page.goto(f"{server}/documents/0000000000000000")
    assert response.status == 404
    # the browser logs the two error statuses asked for above; nothing else may be logged
    page.problems[:] = [p for p in page.problems if "the server responded with a status of 40" not in p]


@pytest.mark.parametrize("width", [1280, 390])
def test_browser_main_pages_fit_and_screenshots(page, server: str, browser_db: tuple[Path, str], width: int) -> None:
    """Every main page at 1280 px and at phone width: nothing wider than the screen (no sideways
    scrolling), and a full-page screenshot of each for a person to look at."""
    page.set_viewport_size({"width": width, "height": 900 if width > 800 else 844})
    for name, url in _main_pages(server, browser_db):
        _goto(page, server, url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        wide = page.evaluate("() => [...document.querySelectorAll('body *')].filter(e => "
                             "e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
                             ".slice(0, 5).map(e => e.tagName + '.' + e.className)")
        assert overflow <= 1, (width, url, overflow, wide)
        _shot(page, f"{name}-{width}")
    page.problems[:] = [p for p in page.problems if "the server responded with a status of 400" not in p]


def test_browser_document_marks_open_their_cards_at_phone_width(page, server: str,
                                                                  browser_db: tuple[Path, str]) -> None:
    """On a phone there is no hover: a tap on a marked trigger scrolls its card (below the text)
    into view."""
    page.set_viewport_size({"width": 390, "height": 844})
    url = dict(_main_pages(server, browser_db))["document"]
    page.goto(server + url)
    mark = page.locator("mark.trigger[data-card]").first
    card_id = mark.get_attribute("data-card")
    mark.click()
    card = page.locator(f"#{card_id}")
    page.wait_for_function("(id) => location.hash === '#' + id", arg=card_id)
    box = card.bounding_box()
    assert box is not None and box["y"] < 844 and box["y"] + box["height"] > 0, box
    assert "modality" in card.inner_text() and "negated" in card.inner_text()
    assert page.evaluate("document.activeElement.id") == card_id


_FOCUS_INFO = """() => {
  const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
  return {tag: e.tagName, id: e.id, cls: String(e.className), href: e.getAttribute('href'),
          text: (e.textContent || e.value || '').trim().slice(0, 40), outline: s.outlineStyle,
          width: parseFloat(s.outlineWidth), ratio: window.__dwContrast(s.outlineColor, e.parentElement),
          onscreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight
                    && r.right > 0 && r.left < innerWidth};
}"""


def _install_contrast(page) -> None:
    page.evaluate(CONTRAST_JS)


def _tab_through(page, limit: int = 600) -> list[dict]:
    """Press Tab until focus wraps round (or ``limit``), recording each focused element."""
    seen: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
        info = page.evaluate(_FOCUS_INFO)
        if seen and info == seen[0]:
            break
        seen.append(info)
    return seen


def test_browser_keyboard_reaches_every_control_with_visible_focus(page, server: str) -> None:
    page.goto(server + "/events")
    _install_contrast(page)
    page.keyboard.press("Tab")
    skip = page.evaluate(_FOCUS_INFO)
    assert skip["cls"] == "skip" and skip["text"] == "Skip to content" and skip["onscreen"], skip
    page.keyboard.press("Enter")  # the skip link moves focus to the main content
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q", "after the skip link, Tab goes to the list's search"

    page.goto(server + "/events")
    _install_contrast(page)
    order = _tab_through(page)
    assert len(order) > 40, order[:5]

    def first(test) -> int:
        return next(i for i, f in enumerate(order) if test(f))

    steps = [first(lambda f: f["cls"] == "skip"), first(lambda f: f["cls"] == "brand"),
             first(lambda f: f["href"] == "/quotes"), first(lambda f: f["id"] == "quick-q"),
             first(lambda f: f["id"] == "q"), first(lambda f: f["tag"] == "BUTTON" and f["id"] == "q-go"),
             first(lambda f: (f["href"] or "").startswith("/events?type=")),
             first(lambda f: (f["href"] or "").startswith("/events.csv")),
             first(lambda f: (f["href"] or "").startswith("/events.json")),
             first(lambda f: f["cls"] == "go"),
             first(lambda f: "page=2" in (f["href"] or ""))]
    assert steps == sorted(steps), ("tab order does not follow the page", steps)
    for f in order:  # every focused element is on screen and shows a clear focus ring
        assert f["onscreen"], f
        assert f["outline"] == "solid" and f["width"] >= 2, f
        assert f["ratio"] >= 3, ("the focus ring needs 3:1 contrast with what is around it", f)

    # filtering by keyboard alone: a facet link and Enter; focus stays on that (now chosen) facet
    # in the list that replaced the old one, and the next page link keeps focus too
    page.goto(server + "/events?per_page=10")
    facet = page.locator('a[data-facet="type"]').first
    chosen = facet.get_attribute("data-value")
    facet.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".chips")
    assert "Type: " in page.locator(".chips").inner_text()
    page.wait_for_function("() => document.activeElement.getAttribute('aria-current') === 'true'")
    assert page.evaluate("document.activeElement.getAttribute('data-value')") == chosen
    page.goto(server + "/events?per_page=10")
    page.focus('a[rel="next"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**page=2**")
    page.wait_for_function("() => document.activeElement.getAttribute('rel') === 'next' || "
                           "document.activeElement.id === 'results-h'")


def test_browser_keyboard_on_the_dyad_and_document_pages(page, server: str, browser_db: tuple[Path, str]) -> None:
    _goto(page, server, "/dyads/CHN/RUS")
    _install_contrast(page)
    order = _tab_through(page)
    hrefs = [f["href"] or "" for f in order]
    assert any(h.startswith("/dyads/CHN/RUS") for h in hrefs) or any(f["id"] == "since" for f in order)
    assert any(f["id"] == "since" for f in order) and any(f["id"] == "until" for f in order)
    assert any("?hl=" in h for h in hrefs), "the contradictions' sentence links are reachable"
    assert all(f["onscreen"] and f["outline"] == "solid" and f["ratio"] >= 3 for f in order), \
        [f for f in order if not (f["onscreen"] and f["outline"] == "solid" and f["ratio"] >= 3)][:3]
    # on the document page, a finding's number is a link to its explanation, and back
    page.goto(server + dict(_main_pages(server, browser_db))["document"])
    ref = page.locator(".doc-text a.ref-ev").first
    ref.focus()
    page.keyboard.press("Enter")
    target = ref.get_attribute("href")[1:]
    page.wait_for_function("(id) => location.hash === '#' + id", arg=target)
    card = page.locator(f"#{target}")
    assert "modality" in card.inner_text()
    card.get_by_role("link", name="Show in the text").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("(id) => location.hash === '#' + id", arg=ref.get_attribute("id"))


CONTRAST_JS = r"""() => {
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || '');
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const background = (el) => {
    const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    return layers.reverse().reduce((under, c) => over(c, under), [255, 255, 255, 1]);
  };
  const ratio = (colour, el) => {
    const bg = background(el), fg = over(parse(colour) || [0, 0, 0, 1], bg);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  };
  window.__dwContrast = ratio;
  window.__dwTextContrast = () => {
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
      const placeholder = el.matches('input[placeholder]') && !el.value;
      if (!own && !placeholder) continue;
      const s = getComputedStyle(el), r = el.getBoundingClientRect();
      if (s.visibility !== 'visible' || s.display === 'none' || r.width <= 1 || r.height <= 1 || r.right <= 0) continue;
      const svg = el instanceof SVGElement;
      const colour = placeholder ? getComputedStyle(el, '::placeholder').color : (svg ? s.fill : s.color);
      const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      const value = ratio(colour, el);
      out.push({el: el.tagName.toLowerCase() + (el.className && !svg ? '.' + el.className : ''),
                text: placeholder ? el.placeholder : el.textContent.trim().slice(0, 40),
                colour, ratio: Math.round(value * 100) / 100, need: large ? 3 : 4.5});
    }
    return out;
  };
}"""


def test_browser_text_contrast_meets_wcag_aa(page, server: str, browser_db: tuple[Path, str]) -> None:
    """Every piece of text on the main pages (chart labels and placeholders too) against the
    colour actually behind it: at least 4.5:1, or 3:1 for large text (WCAG 2.1 AA)."""
    checked = 0
    failures = []
    for name, url in _main_pages(server, browser_db):
        _goto(page, server, url)
        _install_contrast(page)
        texts = page.evaluate("window.__dwTextContrast()")
        checked += len(texts)
        failures += [(name, t) for t in texts if t["ratio"] < t["need"]]
    page.problems[:] = [p for p in page.problems if "the server responded with a status of 400" not in p]
    assert checked > 500
    assert not failures, failures[:10]
