"""Reliability: writers and readers at once on one database (issue 8, part 3).

``dyadwatch ingest`` and ``dyadwatch watch`` write to the same file at the same time (two
processes, each with its own write connection), while ``dyadwatch serve`` answers requests from
several client threads and ``dyadwatch export`` runs again and again. No command and no page may
fail with "database is locked" (or anything else), and no reader may see a partial document:
every article of the corpus codes events, so a document listed, shown or exported without its
events would be one caught half-written.
"""

from __future__ import annotations

import json
import random
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from test_reliability_crash import article, env, write_corpus

pytestmark = pytest.mark.slow
pytest.importorskip("uvicorn")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_reliability_concurrent_ingest_watch_serve_export(tmp_path: Path, nlp) -> None:
    from dyadwatch import Store, ingest_sources
    from httpd import Site

    first = write_corpus(tmp_path / "first", 3, seed=31)
    corpus = write_corpus(tmp_path / "corpus", 16, seed=32)
    db = tmp_path / "busy.db"
    with Store(db) as store:
        assert ingest_sources(store, [str(first)], nlp=nlp).added == 3

    rng = random.Random(33)
    site = Site()
    items = []
    for i in range(8):
        body = "".join(f"<p>{s}.</p>" for s in article(200 + i, rng).split(". "))
        site.page(f"/n/{i}", f"<html><head><title>Wire {i}</title></head><body><article>{body}</article></body></html>")
        items.append(f"<item><title>Wire {i}</title><link>{site.url(f'/n/{i}')}</link><guid>w{i}</guid></item>")
    site.page("/feed.xml", "<rss version='2.0'><channel><title>Wire</title>" + "".join(items) + "</channel></rss>",
              content_type="application/rss+xml")

    port = _free_port()
    logs = {name: (tmp_path / f"{name}.log").open("w+") for name in ("serve", "ingest", "watch")}
    server = subprocess.Popen([sys.executable, "-m", "dyadwatch", "serve", "--db", str(db), "--port", str(port)],
                              stdout=logs["serve"], stderr=subprocess.STDOUT, env=env())
    base = f"http://127.0.0.1:{port}"
    problems: list[str] = []
    stats = {"requests": 0, "exports": 0, "documents_seen": 0}
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, "dyadwatch serve did not start"
            time.sleep(0.1)

        writers = [
            subprocess.Popen([sys.executable, "-m", "dyadwatch", "ingest", "--db", str(db), "--quiet", str(corpus)],
                             stdout=logs["ingest"], stderr=subprocess.STDOUT, env=env()),
            subprocess.Popen([sys.executable, "-m", "dyadwatch", "watch", "--db", str(db), "--once", "--quiet",
                              site.url("/feed.xml")], stdout=logs["watch"], stderr=subprocess.STDOUT,
                             env=env(DYADWATCH_FETCH_HOST_DELAY="0", DYADWATCH_ALLOW_PRIVATE_ADDRESSES="1")),
        ]
        done = threading.Event()

        def client(seed: int) -> None:
            r = random.Random(seed)
            with httpx.Client(base_url=base, timeout=60) as http:
                while not done.is_set():
                    url = r.choice(["/", "/events", "/documents?per_page=200", "/quotes", "/figures",
                                    "/events.csv", "/documents.json", "/dyads", "/events?q=trade"])
                    resp = http.get(url)
                    stats["requests"] += 1
                    if resp.status_code != 200 or "locked" in resp.text:
                        problems.append(f"{url}: {resp.status_code} {resp.text[:200]}")
                        continue
                    if url == "/documents.json":
                        for row in resp.json()["rows"]:
                            stats["documents_seen"] += 1
                            if not row["events"]:
                                problems.append(f"partial document in the list: {row['id']} has no events")
                            page = http.get(f"/documents/{row['id']}")
                            if page.status_code != 200 or 'class="card ev"' not in page.text:
                                problems.append(f"/documents/{row['id']}: {page.status_code}, no events shown")

        def exporter() -> None:
            n = 0
            while not done.is_set():
                out = tmp_path / f"export{n % 2}.jsonl"
                result = subprocess.run([sys.executable, "-m", "dyadwatch", "export", "--db", str(db), "--out",
                                         str(out)], capture_output=True, text=True, env=env(), timeout=120)
                stats["exports"] += 1
                n += 1
                if result.returncode != 0:
                    problems.append(f"export: {result.returncode} {result.stderr[-300:]}")
                    continue
                for line in out.read_text(encoding="utf-8").split("\n")[:-1]:
                    record = json.loads(line)
                    if not record["events"] or not record["claims"]:
                        problems.append(f"export: partial document {record['id']}")

        threads = [threading.Thread(target=client, args=(i,)) for i in range(3)] + [threading.Thread(target=exporter)]
        for t in threads:
            t.start()
        try:
            for w in writers:
                w.wait(timeout=300)
        finally:
            done.set()
            for t in threads:
                t.join(timeout=120)
        for name, w in zip(("ingest", "watch"), writers):
            logs[name].seek(0)
            text = logs[name].read()
            assert w.returncode == 0, (name, text)
            assert "locked" not in text and "Traceback" not in text, (name, text)
    finally:
        server.terminate()
        server.wait(timeout=30)
        site.close()
    logs["serve"].seek(0)
    served = logs["serve"].read()
    assert "Traceback" not in served and "locked" not in served, served
    assert problems == [], problems[:10]
    with Store(db, readonly=True) as store:
        counts = store.counts()
    assert counts["documents"] == 3 + 16 + 8, counts
    assert stats["requests"] > 20 and stats["exports"] >= 2 and stats["documents_seen"] > 0, stats
    print(f"\nconcurrency: {stats}, final store {counts['documents']} documents, {counts['events']} events")
