"""Reliability: ``dyadwatch ingest``, ``watch`` and ``load`` killed with SIGKILL (issue 8, part 2).

Each test starts the real command in a subprocess (real spaCy pipeline, real SQLite file) and
kills it with SIGKILL at random points — while it starts, while it writes documents (after a
random number of new documents appear in the store), while it compares — again and again on
the same database. After every kill the database must pass ``PRAGMA integrity_check`` and the
FTS integrity checks, open read-only, and hold no half-written document (every document has its
analyzer recorded and its sentences). Finally the same command runs to completion: every
document is stored exactly once and the comparison covers all of them.

Kills survived per command are written to tests/artifacts/crash-kills.json.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from fuzz.targets import check_store

pytestmark = pytest.mark.slow

ARTIFACT = ROOT / "tests" / "artifacts" / "crash-kills.json"
COUNTRIES = ["China", "Russia", "India", "Pakistan", "Japan", "Iran", "Turkey", "France", "Germany", "Brazil",
             "Egypt", "Canada"]
VERBS = ["agreed to expand trade with", "accused", "met officials from", "imposed sanctions on", "praised",
         "threatened", "sent aid to", "rejected a proposal from", "signed a deal with", "condemned"]


def article(i: int, rng: random.Random) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    sentences = [f"{a} {rng.choice(VERBS)} {b} on {rng.randint(1, 28)} March 2024, officials said in report {i}."]
    sentences += [f"{rng.choice(COUNTRIES)} {rng.choice(VERBS)} {rng.choice(COUNTRIES)} over matter {i}-{k}, as "
                  f"trade reached ${rng.randint(2, 900)} billion." for k in range(5)]
    return f"Talks, report {i}\n\n" + " ".join(sentences) + "\n"


def write_corpus(folder: Path, n: int, seed: int) -> Path:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc{i:03d}.txt").write_text(article(i, rng), encoding="utf-8")
    return folder


def env(**extra: str) -> dict[str, str]:
    # no DYADWATCH_* settings from outside, and no proxy: requests to 127.0.0.1 must go there
    out = {k: v for k, v in os.environ.items() if not k.startswith("DYADWATCH_") and
           k.lower() not in ("http_proxy", "https_proxy", "all_proxy", "no_proxy")}
    # small batches, so analysis and writes interleave and kills land between and inside writes
    out.update({"DYADWATCH_BATCH_SIZE": "2", "PYTHONPATH": str(ROOT / "src"), **extra})
    return out


def stored(db: Path) -> int:
    """Documents committed so far (0 while the file or its tables do not exist yet)."""
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def check_after_kill(db: Path) -> None:
    if not db.exists():
        return
    check_store(db, sentences=True)
    from dyadwatch.store import Store
    from dyadwatch.store.migrations import MIGRATIONS

    con = sqlite3.connect(db)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        applied = ({r[0] for r in con.execute("SELECT name FROM _dyadwatch_migrations")}
                   if "_dyadwatch_migrations" in tables else set())
    finally:
        con.close()
    if applied == {name for name, _ in MIGRATIONS}:
        with Store(db, readonly=True) as store:  # what `dyadwatch stats` or `serve` does next
            store.counts()


def kill_at_random(cmd: list[str], db: Path, *, total: int, kills: int, seed: int, log: Path,
                   extra_env: dict[str, str] | None = None, modes: tuple[str, ...] = ("startup", "writing",
                                                                                       "writing", "compare")
                   ) -> dict[str, int]:
    """Start ``cmd`` and SIGKILL it at a random point until it has been killed ``kills`` times
    (at most three times as many runs); check after each kill. A run that finished the whole job
    before its kill leaves nothing to interrupt, so the next run starts from an empty store: on a
    fast machine (or a quiet one) a quick job such as ``load`` still gets its kills."""
    rng = random.Random(seed)
    tally = {"killed": 0, "finished_before_kill": 0}
    i = -1
    while tally["killed"] < kills and i + 1 < 3 * kills:
        i += 1
        mode = modes[i % len(modes)]
        before = stored(db)
        if mode == "compare" and before < total:
            mode = "writing"
        with log.open("ab") as out:
            proc = subprocess.Popen(cmd, stdout=out, stderr=out, env=env(**(extra_env or {})))
        deadline = time.monotonic() + 120
        if mode == "startup":
            time.sleep(rng.uniform(0.05, 2.5))
        elif mode == "writing":
            target = min(total, before + rng.randint(1, 3))
            while stored(db) < target and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(rng.uniform(0, 0.05))
        else:  # all stored: this run only compares (or found nothing to do)
            time.sleep(rng.uniform(0.5, 3.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            tally["killed"] += 1
            tally[f"killed while {mode}"] = tally.get(f"killed while {mode}", 0) + 1
        else:
            tally["finished_before_kill"] += 1
        proc.wait(timeout=60)
        check_after_kill(db)
        if proc.returncode == 0 and stored(db) >= total and tally["killed"] < kills:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
    return tally


def finish(cmd: list[str], log: Path, extra_env: dict[str, str] | None = None) -> str:
    result = subprocess.run(cmd, capture_output=True, text=True, env=env(**(extra_env or {})), timeout=300)
    with log.open("a") as out:
        out.write(result.stdout + result.stderr)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "database is locked" not in result.stderr
    return result.stdout + result.stderr


def check_complete(db: Path, total: int) -> None:
    counts = check_store(db, sentences=True)
    assert counts["documents"] == total, counts
    con = sqlite3.connect(db)
    try:
        # stored exactly once: one row per document, one source per input
        assert con.execute("SELECT count(DISTINCT id) FROM documents").fetchone()[0] == total
        assert con.execute("SELECT count(*) FROM document_sources").fetchone()[0] == total
        assert con.execute("SELECT count(*) FROM documents WHERE analysis_skipped IS NOT NULL").fetchone()[0] == 0
        # the comparison ran over everything, although a kill may have stopped an earlier one
        assert con.execute("SELECT count(*) FROM document_groups").fetchone()[0] == total
    finally:
        con.close()


def record(name: str, tally: dict[str, int]) -> None:
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    results = json.loads(ARTIFACT.read_text()) if ARTIFACT.exists() else {}
    results[name] = tally
    ARTIFACT.write_text(json.dumps(results, indent=2))
    print(f"\n{name}: {tally}")


def dyadwatch(*args: str) -> list[str]:
    return [sys.executable, "-m", "dyadwatch", *args]


def test_reliability_crash_ingest_sigkill(tmp_path: Path) -> None:
    total = 24
    corpus = write_corpus(tmp_path / "corpus", total, seed=8)
    db = tmp_path / "crash.db"
    cmd = dyadwatch("ingest", "--db", str(db), "--quiet", str(corpus))
    log = tmp_path / "ingest.log"
    tally = kill_at_random(cmd, db, total=total, kills=10, seed=8, log=log,
                           modes=("startup", "writing", "writing", "writing", "writing"))
    before = stored(db)
    out = finish(cmd, log)
    m = re.search(r"(\d+) added, (\d+) already present, (\d+) failed", out)
    assert m and (int(m[1]), int(m[2]), int(m[3])) == (total - before, before, 0), out
    check_complete(db, total)
    # killed while comparing (everything stored), then run again: the comparison is redone. A
    # compare records how far it got only when it commits, so a store whose record is gone (as
    # after a kill before the first compare committed) is compared again, in full
    with sqlite3.connect(db) as con:
        con.execute("DELETE FROM compare_state")
        con.execute("DELETE FROM document_groups WHERE rowid IN (SELECT rowid FROM document_groups LIMIT 3)")
    tally.update({f"compare {k}": v for k, v in kill_at_random(cmd, db, total=total, kills=2, seed=9, log=log,
                                                                modes=("compare",)).items()})
    out = finish(cmd, log)
    assert f"0 added, {total} already present, 0 failed" in out
    check_complete(db, total)
    tally["documents"] = total
    record("ingest", tally)
    assert tally["killed"] >= 8, tally


@pytest.fixture
def feed_site(tmp_path: Path):
    from httpd import Site

    rng = random.Random(11)
    site = Site()
    total = 12
    items = []
    for i in range(total):
        body = "".join(f"<p>{s}.</p>" for s in article(100 + i, rng).split(". "))
        site.page(f"/news/{i}", f"<html><head><title>Report {i}</title></head><body><article>"
                                f"<h1>Report {i}</h1>{body}</article></body></html>")
        items.append(f"<item><title>Report {i}</title><link>{site.url(f'/news/{i}')}</link>"
                     f"<guid>report-{i}</guid></item>")
    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Test wire</title>" + "".join(items) +
            "</channel></rss>")
    site.page("/feed.xml", feed, content_type="application/rss+xml")
    try:
        yield site, total
    finally:
        site.close()


def test_reliability_crash_watch_sigkill(tmp_path: Path, feed_site) -> None:
    site, total = feed_site
    db = tmp_path / "watch.db"
    extra = {"DYADWATCH_FETCH_HOST_DELAY": "0", "DYADWATCH_ALLOW_PRIVATE_ADDRESSES": "1"}
    cmd = dyadwatch("watch", "--db", str(db), "--every", "1s", "--quiet", site.url("/feed.xml"))
    log = tmp_path / "watch.log"
    tally = kill_at_random(cmd, db, total=total, kills=4, seed=12, log=log, extra_env=extra,
                           modes=("startup", "writing", "writing", "writing"))
    finish(dyadwatch("watch", "--db", str(db), "--once", "--quiet", site.url("/feed.xml")), log, extra)
    counts = check_store(db, sentences=True)
    assert counts["documents"] == total, counts
    con = sqlite3.connect(db)
    try:
        items = con.execute("SELECT item_key, document_id, done_at FROM feed_items").fetchall()
        assert len(items) == total and all(doc and done for _, doc, done in items), items
        assert len({doc for _, doc, _ in items}) == total  # each item its own document, stored once
        assert con.execute("SELECT count(*) FROM document_groups").fetchone()[0] == total
    finally:
        con.close()
    # every page fetched about once per run that got to it: a kill never made a loop of refetches
    assert all(site.hits(f"/news/{i}") <= 1 + tally["killed"] for i in range(total))
    tally["documents"] = total
    record("watch", tally)
    assert tally["killed"] >= 3, tally


def test_reliability_crash_load_sigkill(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    pytest.importorskip("pyarrow")
    total = 24
    corpus = write_corpus(tmp_path / "corpus", total, seed=21)
    out = tmp_path / "out"
    log = tmp_path / "load.log"
    finish(dyadwatch("batch", "--out", str(out), "--workers", "1", "--partition-size", "6", "--quiet", str(corpus)),
           log)
    db = tmp_path / "load.db"
    cmd = dyadwatch("load", "--db", str(db), "--quiet", str(out))
    tally = kill_at_random(cmd, db, total=total, kills=4, seed=22, log=log,
                           modes=("startup", "writing", "writing", "compare"))
    finish(cmd, log)
    check_complete(db, total)
    tally["documents"] = total
    record("load", tally)
    assert tally["killed"] >= 3, tally
