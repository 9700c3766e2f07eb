"""Dashboard page times on a large synthetic store.

Fills a database (through the real schema and migrations, with direct SQL inserts, so the FTS
triggers run as they do for ingest) with 100,000 events over about 2,000 documents, 30 actors,
the 16 PLOVER types and 36 months — skewed as real collections are: a few dyads and outlets
carry most of the reporting — plus mentions, quotes, figures, claims, stances and relations.
Then it requests each page through Starlette's TestClient (in process, no network) and
reports the median and 95th percentile time per page, twice: as served (after the app's
background warm-up has built the largest dyads, the normal state) and as built on the request
with every cache emptied first (a first visit, or any visit while an ingest keeps writing).
Target: p95 under 200 ms.

    .venv/bin/python bench/web_pages.py                 # builds out/bench-web.db once, then times
    .venv/bin/python bench/web_pages.py --rebuild --events 100000 --runs 30
    .venv/bin/python bench/web_pages.py --browser      # also in headless Chromium, until drawn
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dyadwatch.store.queries import PLOVER_TYPES  # noqa: E402
from dyadwatch.store import Store  # noqa: E402
from dyadwatch.store.ledger import refresh_ledgers  # noqa: E402
from dyadwatch.store.terms import fill_event_terms  # noqa: E402

ACTORS = [("CHN", "China"), ("RUS", "Russia"), ("USA", "United States"), ("IND", "India"), ("PAK", "Pakistan"),
          ("UKR", "Ukraine"), ("EU", "European Union"), ("NATO", "NATO"), ("JPN", "Japan"), ("KOR", "South Korea"),
          ("PRK", "North Korea"), ("IRN", "Iran"), ("ISR", "Israel"), ("TUR", "Turkey"), ("DEU", "Germany"),
          ("FRA", "France"), ("GBR", "United Kingdom"), ("SAU", "Saudi Arabia"), ("BRA", "Brazil"),
          ("ZAF", "South Africa"), ("VNM", "Vietnam"), ("PHL", "Philippines"), ("TWN", "Taiwan"),
          ("KAZ", "Kazakhstan"), ("BLR", "Belarus"), ("SYR", "Syria"), ("EGY", "Egypt"), ("AUS", "Australia"),
          ("CAN", "Canada"), ("UN", "United Nations")]
TYPE_WEIGHTS = [9, 12, 7, 2, 8, 4, 2, 5, 8, 4, 3, 2, 4, 2, 2, 3]
INTENSITY = dict(zip(PLOVER_TYPES, [5.9, 2.8, 5.1, 3.0, 6.0, 7.0, 4.0, 3.0, -2.0, -4.0, -6.0, -4.5, -5.0, -6.5,
                                    -7.0, -9.0]))
VERBS = dict(zip(PLOVER_TYPES, ["agreed with", "met", "praised", "yielded to", "worked with", "sent aid to",
                                "withdrew from", "asked", "accused", "rejected", "threatened", "protested against",
                                "sanctioned", "mobilised against", "seized assets of", "attacked"]))
TOPICS = ["energy", "trade", "pipeline", "sanctions", "border", "military exercises", "grain", "technology",
          "finance", "the United Nations", "shipping", "nuclear talks", "tariffs", "elections", "refugees"]
OUTLETS = [f"Outlet {i:02d}" for i in range(1, 26)]


def months(n: int = 36) -> list[str]:
    out = []
    y, m = 2022, 1
    for _ in range(n):
        out.append(f"{y}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def build(path: Path, *, n_events: int, n_docs: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    final, path = path, path.with_name(path.name + ".part")
    for p in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        if p.exists():
            p.unlink()
    store = Store(path)  # the real migrations
    conn = store.conn
    names = dict(ACTORS)
    codes = [c for c, _ in ACTORS]
    # Zipf-like weights over actors: a few carry most events
    actor_w = [1 / (i + 1) ** 0.9 for i in range(len(codes))]
    outlet_w = [1 / (i + 1) ** 0.8 for i in range(len(OUTLETS))]
    month_list = months()
    # events per document: long-tailed (most documents code a few dozen, some a few hundred), summing to n_events
    weights = [rng.lognormvariate(0, 0.8) for _ in range(n_docs)]
    scale = n_events / sum(weights)
    doc_events = [int(w * scale) for w in weights]
    for i in rng.sample(range(n_docs), n_events - sum(doc_events)):
        doc_events[i] += 1
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO actors (code, name) VALUES (?, ?)", ACTORS)
    event_rows, quote_rows, figure_rows, claim_rows, mention_rows, sentence_rows, stance_rows = [], [], [], [], [], [], []
    doc_ids, doc_spans = [], {}
    for d in range(n_docs):
        doc_id = f"{d:016x}"
        month = month_list[min(len(month_list) - 1, int(rng.betavariate(2, 1.3) * len(month_list)))]
        published = f"{month}-{rng.randint(1, 28):02d}" if rng.random() > 0.05 else None
        outlet = rng.choices(OUTLETS, outlet_w)[0] if rng.random() > 0.08 else None
        a, b = rng.choices(codes, actor_w, k=2)
        if a == b:
            b = codes[(codes.index(a) + 1) % len(codes)]
        spans, text_parts = [], []
        title = f"{names[a]} and {names[b]} {rng.choice(['talk', 'clash', 'trade', 'meet'])} over {rng.choice(TOPICS)}"
        text_parts.append(title + "\n\n")
        pos = len(title) + 2
        for s in range(32):
            x, y = (a, b) if rng.random() < 0.6 else tuple(rng.choices(codes, actor_w, k=2))
            t = rng.choices(PLOVER_TYPES, TYPE_WEIGHTS)[0]
            sentence = (f"{names[x]} {VERBS[t]} {names[y]} on {rng.choice(TOPICS)} "
                        f"as officials said {rng.randint(2, 900)} {rng.choice(['billion dollars', 'percent', 'troops', 'tonnes'])} were at stake.")
            spans.append((pos, pos + len(sentence), x, y, t))
            sentence_rows.append((doc_id, s, pos, pos + len(sentence)))
            mention_rows.append((doc_id, pos, pos + len(names[x]), names[x], x, f"{names[x]} -> {x} (name)",
                                 "dyadwatch.countries.v2", None))
            yi = sentence.index(names[y], len(names[x]))
            mention_rows.append((doc_id, pos + yi, pos + yi + len(names[y]), names[y], y,
                                 f"{names[y]} -> {y} (name)", "dyadwatch.countries.v2", None))
            text_parts.append(sentence + (" " if s % 4 else "\n\n"))
            pos += len(sentence) + (1 if s % 4 else 2)
        text = "".join(text_parts)
        doc_ids.append(doc_id)
        doc_spans[doc_id] = spans
        conn.execute(
            "INSERT INTO documents (id, source, text, title, outlet, authors, published, published_basis, language, "
            "ingested_at, analyzer, analyzed_at) VALUES (?, ?, ?, ?, ?, '[]', ?, ?, 'en', ?, 'bench', ?)",
            (doc_id, f"bench/{doc_id}.txt", text, title, outlet, published,
             "stated" if published else "unknown", f"2025-01-01T00:{d // 60 % 60:02d}:{d % 60:02d}",
             "2025-01-01T00:00:00"))
        k = doc_events[d]
        for _ in range(k):
            start, end, x, y, t = rng.choice(spans)
            if rng.random() < 0.3:  # events between the document's main pair dominate
                x, y = (a, b) if rng.random() < 0.5 else (b, a)
            if x == y:
                y = codes[(codes.index(x) + 1) % len(codes)]
            date = None
            r = rng.random()
            if published and r < 0.75:
                date = published if r < 0.5 else published[:7]
            elif r < 0.8:
                date = month[:4]
            negated = int(rng.random() < 0.08)
            modality = rng.choices(["actual", "intended", "hypothetical", "alleged", "denied"], [80, 8, 5, 5, 2])[0]
            event_rows.append((doc_id, start, end, x, y, t, None, negated, modality, date, INTENSITY[t],
                               VERBS[t].split()[0], start + len(names.get(x, x)) + 1,
                               start + len(names.get(x, x)) + 1 + len(VERBS[t].split()[0]),
                               json.dumps([rng.choice(["economic", "military", "diplomatic"])]), 0.8,
                               "dyadwatch.events.v1"))
        for _ in range(5):
            start, end, x, y, t = rng.choice(spans)
            quote_rows.append((doc_id, start, end, text[start:end], f"Spokesman {rng.randint(1, 300)}", x, 1, "said"))
        for _ in range(3):
            start, end, x, y, t = rng.choice(spans)
            m = re.search(r"(\d+) (billion dollars|percent|troops|tonnes) were at stake", text[start:end])
            assert m
            figure_rows.append((doc_id, start + m.start(), start + m.end(2), start, end, m.group(0)[:-14],
                                float(m.group(1)), None,
                                {"billion dollars": "USD", "percent": "percent"}.get(m.group(2), "count"), None,
                                rng.choice(TOPICS), month))
        for c in range(5):
            start, end, x, y, t = spans[c * 6]
            claim_rows.append((f"{doc_id}:{start}", doc_id, start, end, None, 1 if rng.random() < 0.7 else -1,
                               json.dumps([x, y]), "{}"))
        stance_rows.append((doc_id, min(a, b), max(a, b), rng.choice(["strengthening", "weakening", "stable", "mixed"]),
                            round(rng.uniform(-1, 1), 2), json.dumps([[spans[0][0], spans[0][1]]])))
    conn.executemany('INSERT INTO sentences (document_id, idx, start, "end") VALUES (?, ?, ?, ?)', sentence_rows)
    conn.executemany('INSERT INTO mentions (document_id, start, "end", text, code, entry, dictionary, person) '
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", mention_rows)
    conn.executemany(
        'INSERT INTO events (document_id, start, "end", source, target, type, mode, negated, modality, date, '
        "intensity, trigger, trigger_start, trigger_end, contexts, confidence, dictionary) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", event_rows)
    fill_event_terms(conn)  # the ledger terms, which Store.write works out with the events it writes
    conn.executemany('INSERT INTO quotes (document_id, start, "end", text, speaker, speaker_actor, direct, cue) '
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", quote_rows)
    conn.executemany('INSERT INTO figures (document_id, start, "end", sentence_start, sentence_end, raw, value, '
                     "value_high, unit, qualifier, measure, period) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     figure_rows)
    conn.executemany('INSERT INTO claims (id, document_id, start, "end", speaker, polarity, actors, normalized) '
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", claim_rows)
    conn.executemany("INSERT INTO stances (document_id, actor_a, actor_b, label, score, evidence) "
                     "VALUES (?, ?, ?, ?, ?, ?)", stance_rows)
    rel = []
    for _ in range(600):
        x, y = rng.sample(claim_rows, 2)
        rel.append((x[1], x[2], x[3], y[1], y[2], y[3], rng.choice(["agree", "contradict"]), 0.8,
                    "bench: both report it" if rng.random() < 0.5 else "bench: reported as done and as not done"))
    conn.executemany("INSERT INTO relations (a_document, a_start, a_end, b_document, b_start, b_end, relation, "
                     "score, why) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rel)
    refresh_ledgers(store)  # the largest pairs' ledgers, which writing a comparison builds
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    path.replace(final)


def pages(path: Path) -> list[tuple[str, str]]:
    store = Store(path, readonly=True)
    top = store.execute("SELECT min(source, target) a, max(source, target) b, count(*) n FROM events "
                        "GROUP BY 1, 2 ORDER BY n DESC LIMIT 20")
    doc = store.execute("SELECT document_id, count(*) n FROM events GROUP BY 1 ORDER BY n DESC LIMIT 1")[0][0]
    store.close()
    return [
        ("overview", "/"),
        (f"dyad {top[0]['a']}-{top[0]['b']} (largest, {top[0]['n']:,} events)", f"/dyads/{top[0]['a']}/{top[0]['b']}"),
        (f"dyad {top[10]['a']}-{top[10]['b']} ({top[10]['n']:,} events)", f"/dyads/{top[10]['a']}/{top[10]['b']}"),
        ("dyad, one year", f"/dyads/{top[0]['a']}/{top[0]['b']}?since=2023-01&until=2023-12"),
        ("document (most events)", f"/documents/{doc}"),
        ("events", "/events"),
        ("events page 1000", "/events?page=1000"),
        ("events search", "/events?q=pipeline"),
        ("events search+type+actor", "/events?q=energy&type=AGREE&actor=CHN"),
        ("events month+outlet", "/events?month=2023-06&outlet=Outlet+01"),
        ("quotes", "/quotes"),
        ("quotes search", "/quotes?q=sanctions"),
        ("figures", "/figures"),
        ("figures actor", "/figures?actor=RUS"),
        ("documents", "/documents"),
        ("documents search", "/documents?q=grain+tariffs"),
        ("events CSV (filtered)", "/events.csv?type=SANCTION&actor=RUS"),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=str(ROOT / "out" / "bench-web.db"))
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--documents", type=int, default=2_000)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--browser", action="store_true",
                    help="also time each page in headless Chromium (/usr/bin/chromium) until it is drawn")
    ap.add_argument("--json", default=str(ROOT / "bench" / "results" / "web_pages.json"))
    args = ap.parse_args()
    path = Path(args.db)
    path.parent.mkdir(parents=True, exist_ok=True)
    if args.rebuild or not path.exists():
        t0 = time.perf_counter()
        build(path, n_events=args.events, n_docs=args.documents)
        print(f"built {path} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    from starlette.testclient import TestClient

    from dyadwatch.web import make_app

    store = Store(path, readonly=True)
    counts = {t: store.execute(f"SELECT count(*) FROM {t}")[0][0] for t in
              ("documents", "events", "quotes", "figures", "claims", "mentions", "relations")}
    store.close()
    print("store: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
    results = []
    app = make_app(path)
    with TestClient(app) as client:
        t0 = time.perf_counter()
        assert app.state.warmer.wait_idle(timeout=300), "the background warm-up did not finish"
        print(f"background warm-up of the largest dyads: {time.perf_counter() - t0:.1f} s after start")
        print(f"{'page':<44} {'first':>6} {'served: median':>14} {'p95':>6}   {'built: median':>13} {'p95':>6} "
              f"{'bytes':>9}")
        firsts = {}
        for name, url in pages(path):  # the first visit to each page since the app started
            t0 = time.perf_counter()
            r = client.get(url)
            firsts[url] = (time.perf_counter() - t0) * 1000
            assert r.status_code == 200, (url, r.status_code, r.text[:300])
        for name, url in pages(path):
            first = firsts[url]
            r = client.get(url)
            timings = {}
            # built: every cache emptied before each request, as on a first visit or while an
            # ingest keeps writing; served: as a visitor gets the page once the warmer has run
            for mode in ("built", "served"):
                times = []
                for _ in range(args.runs):
                    if mode == "built":
                        app.state.pool.clear_cache()
                    t0 = time.perf_counter()
                    r = client.get(url)
                    times.append((time.perf_counter() - t0) * 1000)
                times.sort()
                timings[mode] = (statistics.median(times),
                                 times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))])
            app.state.warmer.wait_idle(timeout=300)
            med, p95 = timings["served"]
            results.append({"page": name, "url": url, "first_ms": round(first, 1),
                            "median_ms": round(med, 1), "p95_ms": round(p95, 1),
                            "built_median_ms": round(timings["built"][0], 1),
                            "built_p95_ms": round(timings["built"][1], 1), "bytes": len(r.content)})
            print(f"{name:<44} {first:>6.0f} {med:>14.1f} {p95:>6.1f}   {timings['built'][0]:>13.1f} {timings['built'][1]:>6.1f} "
                  f"{len(r.content):>9,}")
    worst = max(r["p95_ms"] for r in results)
    worst_built = max(r["built_p95_ms"] for r in results)
    print(f"worst p95 as served: {worst:.1f} ms; built on the request (caches empty): {worst_built:.1f} ms "
          "(target < 200 ms)")
    largest = largest_dyad_uncached(path, pages(path)[1], runs=args.runs)
    browser = browser_times(app_path=path, urls=pages(path), runs=max(3, args.runs // 4)) if args.browser else {}
    for r in results:
        r.update(browser.get(r["url"], {}))
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps({"store": counts, "runs": args.runs, "pages": results,
                                           "largest_dyad_uncached": largest}, indent=2))


def largest_dyad_uncached(path: Path, page: tuple[str, str], *, runs: int) -> dict[str, float]:
    """The largest dyad's page built on the request (every cache emptied first), from the dyad
    aggregates and the kept ledgers, against the same page from a copy of the store without
    them (read-only, so the report counts and classifies event by event, as before migrations
    m007 and m009), alternating in one run."""
    import shutil
    import tempfile

    from starlette.testclient import TestClient

    from dyadwatch.web import make_app

    name, url = page
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "no-aggregates.db"
        shutil.copy(path, bare)
        store = Store(bare)
        store.conn.executescript("DROP TABLE dyad_months; DROP TABLE dyad_documents; DROP TABLE dyad_pairs; "
                                 "DROP TABLE event_terms; DROP TABLE dyad_ledgers;")
        store.close()
        apps = {"aggregates": make_app(path, warm=False), "event by event": make_app(bare, warm=False)}
        times: dict[str, list[float]] = {k: [] for k in apps}
        cpu: dict[str, list[float]] = {k: [] for k in apps}
        with TestClient(apps["aggregates"]) as fast, TestClient(apps["event by event"]) as slow:
            clients = {"aggregates": fast, "event by event": slow}
            for k, c in clients.items():  # first visits: templates compiled, pages in the OS cache
                assert c.get(url).status_code == 200
            for _ in range(runs):
                for k, c in clients.items():
                    apps[k].state.pool.clear_cache()
                    t0, c0 = time.perf_counter(), time.process_time()
                    r = c.get(url)
                    times[k].append((time.perf_counter() - t0) * 1000)
                    cpu[k].append((time.process_time() - c0) * 1000)
                    assert r.status_code == 200
            same = fast.get(url).text == slow.get(url).text
    med = {k: statistics.median(v) for k, v in times.items()}
    med_cpu = {k: statistics.median(v) for k, v in cpu.items()}
    # the ratio of CPU time (this process: the app and its test client), which other work on the
    # machine inflates less than the wall-clock times
    ratio = med_cpu["aggregates"] / med_cpu["event by event"]
    print(f"\n{name}, built on the request: {med['aggregates']:.0f} ms median ({med_cpu['aggregates']:.0f} ms CPU) "
          f"from the dyad aggregates, {med['event by event']:.0f} ms ({med_cpu['event by event']:.0f} ms CPU) "
          f"counting event by event; CPU ratio {ratio:.2f}; target < 200 ms; "
          f"{'the same page' if same else 'pages differ (mean intensities exactly halfway between hundredths)'}")
    return {"url": url, "aggregates_median_ms": round(med["aggregates"], 1),
            "events_median_ms": round(med["event by event"], 1), "aggregates_cpu_ms": round(med_cpu["aggregates"], 1),
            "events_cpu_ms": round(med_cpu["event by event"], 1), "cpu_ratio": round(ratio, 3), "same_page": same}


def browser_times(*, app_path: Path, urls: list[tuple[str, str]], runs: int) -> dict[str, dict[str, float]]:
    """Each page in headless Chromium against a real uvicorn server: from navigation start until
    the page has loaded and (on a dyad page) every chart is drawn. Downloads are left out."""
    import socket
    import threading

    import uvicorn
    from playwright.sync_api import sync_playwright

    from dyadwatch.web import make_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = make_app(app_path)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    app.state.warmer.wait_idle(timeout=300)
    out: dict[str, dict[str, float]] = {}
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run"]
    print(f"\nin Chromium ({runs} loads each): {'page':<34} {'median ms':>10} {'p95 ms':>8}")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=flags)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url
                       else route.abort())
            for name, url in urls:
                if url.split("?")[0].endswith((".csv", ".json")):
                    continue
                times = []
                for _ in range(runs + 1):
                    t0 = time.perf_counter()
                    page.goto(f"http://127.0.0.1:{port}{url}", wait_until="load")
                    if url.startswith("/dyads/"):
                        page.wait_for_function("() => [...document.querySelectorAll('.chart')]"
                                               ".every(c => c.querySelector('svg'))", timeout=30000)
                    times.append((time.perf_counter() - t0) * 1000)
                times = sorted(times[1:])  # the first load fills the browser's cache of static files
                med, p95 = statistics.median(times), times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
                out[url] = {"browser_median_ms": round(med, 1), "browser_p95_ms": round(p95, 1)}
                print(f"{'':<27} {name:<34} {med:>10.1f} {p95:>8.1f}")
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return out


if __name__ == "__main__":
    main()
