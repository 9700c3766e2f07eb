"""Stored XSS in a real browser (issue 8, part 5): article titles, authors, outlets, quotes and
text carrying script, event-handler, attribute-breaking and javascript: payloads, ingested from
JSONL and HTML, then shown on every page that displays them — in Debian's Chromium driven by
Playwright against a real uvicorn server on 127.0.0.1. No payload may run (each one would set
``window.__xss`` or open a dialog), every payload must show as text, and no request may leave
127.0.0.1.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.slow
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium is not installed (apt-get install -y chromium chromium-driver; .ci/run does "
                "this)", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api")
pytest.importorskip("uvicorn")

PAYLOADS = [
    "<script>window.__xss='script';alert(1)</script>",
    "<img src=x onerror=\"window.__xss='img'\">",
    "\"><svg onload=\"window.__xss='svg'\">",
    "'><iframe srcdoc=\"<script>parent.__xss='iframe'</script>\"></iframe>",
    "</textarea></title></style><script>window.__xss='close'</script>",
    "<a href=\"javascript:window.__xss='href'\">click</a>",
    "{{ 7*7 }}{% raw %}",
    "<details open ontoggle=\"window.__xss='toggle'\">",
]
TITLE = "China and Russia " + PAYLOADS[0] + PAYLOADS[2]
AUTHOR = "Jane " + PAYLOADS[1]
OUTLET = "The Review " + PAYLOADS[4]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def xss_server(tmp_path_factory, nlp):
    import uvicorn

    from dyadwatch import Store, ingest_sources
    from dyadwatch.web import make_app

    folder = tmp_path_factory.mktemp("xss")
    text = (f"China and Russia agreed to expand trade by 5 percent on 3 May 2024, officials said. "
            f"\"We will not join the sanctions {PAYLOADS[1]} {PAYLOADS[3]},\" Wang Yi said on Monday. "
            f"Russia accused China of {PAYLOADS[5]} delays in the talks. {PAYLOADS[6]} {PAYLOADS[7]}\n")
    (folder / "a.jsonl").write_text(json.dumps({"text": text, "title": TITLE, "authors": [AUTHOR], "outlet": OUTLET,
                                                "published": "2024-05-04", "url": "https://example.org/a"}) + "\n",
                                    encoding="utf-8")
    (folder / "b.html").write_text(
        "<html><head><title>" + "Moscow &lt;script&gt;window.__xss='html-title'&lt;/script&gt;" + "</title>"
        "<meta name='author' content=\"Ivan &lt;img src=x onerror=window.__xss='meta'&gt;\">"
        "<link rel='canonical' href=\"javascript:window.__xss='canonical'\"></head><body><article>"
        "<h1>Moscow and Beijing</h1><p>Russia and China signed a deal on 5 May 2024, officials said, "
        "&lt;script&gt;window.__xss='body'&lt;/script&gt; and the talks went on.</p>"
        "<p>\u201cWe will deepen ties &lt;img src=x onerror=window.__xss='quote'&gt;,\u201d Putin said.</p>"
        "</article></body></html>", encoding="utf-8")
    db = folder / "xss.db"
    with Store(db) as store:
        summary = ingest_sources(store, [str(folder)], nlp=nlp)
        assert summary.added == 2, summary.messages
        ids = [r[0] for r in store.execute("SELECT id FROM documents")]
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(make_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", ids
    srv.should_exit = True
    thread.join(timeout=10)


def test_security_browser_stored_xss_never_runs(xss_server, tmp_path: Path) -> None:
    base, ids = xss_server
    pages = ["/", "/documents", "/documents?q=script", "/documents?q=China", "/quotes", "/quotes?q=sanctions",
             "/events", "/events?q=talks", "/figures", "/dyads", "/dyads/CHN/RUS",
             "/documents?outlet=" + OUTLET.replace(" ", "+").replace("<", "%3C").replace(">", "%3E"),
             *[f"/documents/{i}" for i in ids], f"/documents/{ids[0]}?hl=0-40"]
    with playwright_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(str(tmp_path / "profile"), executable_path=str(CHROMIUM),
                                                       headless=True, args=FLAGS)
        outside: list[str] = []

        def guard(route):
            if urlparse(route.request.url).hostname != "127.0.0.1":
                outside.append(route.request.url)
                route.abort()
            else:
                route.continue_()

        context.route("**/*", guard)
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        seen_text = ""
        try:
            for url in pages:
                response = page.goto(base + url)
                assert response is not None and response.status == 200, (url, response and response.status)
                # hover and focus everything that might carry a handler, open every details element
                page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
                for el in page.locator("main mark").all()[:8]:
                    try:
                        el.hover(timeout=200)
                    except Exception:  # noqa: BLE001 - hidden or detached elements
                        pass
                assert page.evaluate("window.__xss === undefined"), (url, page.evaluate("window.__xss"))
                # the charts' data sit in <script type="application/json"> blocks: each must parse whole
                # (a "</script>" in article text would have cut one short)
                assert page.evaluate("[...document.querySelectorAll('script[type=\"application/json\"]')]"
                                     ".every(s => { try { JSON.parse(s.textContent); return true } "
                                     "catch (e) { return false } })"), url
                injected = page.evaluate("document.querySelectorAll('main script:not([type=\"application/json\"]), "
                                         "main iframe, main svg[onload], "
                                         "main img[onerror], main details[ontoggle], main a[href^=\"javascript\"]')"
                                         ".length")
                assert injected == 0, url
                seen_text += page.locator("body").inner_text()
        finally:
            context.close()
    assert dialogs == [] and outside == [], (dialogs, outside)
    # the payloads are shown, as text
    for shown in ("<script>window.__xss='script';alert(1)</script>", "onerror=\"window.__xss='img'\"",
                  "\"><svg onload=", "{{ 7*7 }}", "<script>window.__xss='body'</script>"):
        assert shown in seen_text, shown
