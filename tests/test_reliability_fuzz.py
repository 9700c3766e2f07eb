"""Reliability: every input parser fuzzed with hypothesis (issue 8, part 1).

Each test feeds one parser generated inputs (``tests/fuzz/targets.py``) and requires a clean
result or a clean, coded error — never an unhandled exception, never more than its time bound,
never a store that fails its integrity checks. The budget is fixed for CI; set
``DYADWATCH_FUZZ_EXAMPLES`` to multiply it (``DYADWATCH_FUZZ_EXAMPLES=20 pytest -m fuzz``), or
run ``bench/fuzz.py --minutes 10`` for a time budget. How many inputs each target was given is
printed at the end of the run and written to ``tests/artifacts/fuzz-counts.json``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from fuzz import targets as T

pytestmark = pytest.mark.fuzz

SCALE = float(os.environ.get("DYADWATCH_FUZZ_EXAMPLES", "1") or 1)


def budget(n: int) -> settings:
    return settings(max_examples=max(1, int(n * SCALE)), deadline=None, derandomize=SCALE == 1,
                    suppress_health_check=list(HealthCheck), database=None)


@budget(250)
@given(T.file_bytes(), st.sampled_from([".txt", ".md", ".html", ".htm", ".jsonl", ".text"]))
def test_reliability_fuzz_files(data: bytes, suffix: str) -> None:
    T.target_file(data, suffix)


@budget(100)
@given(T.html_markup())
def test_reliability_fuzz_html(markup: str) -> None:
    T.target_html(markup)


@budget(300)
@given(T.jsonl_text())
def test_reliability_fuzz_jsonl(text: str) -> None:
    T.target_jsonl(text)


@budget(300)
@given(T.date_strings(), st.one_of(st.none(), T.date_strings(), st.sampled_from(["2024-02-29", "2024-03",
                                                                                  "2024", "0001-01-01"])))
def test_reliability_fuzz_dates(text: str, reference: str | None) -> None:
    T.target_dates(text, reference)


@budget(300)
@given(T.figure_texts())
def test_reliability_fuzz_figures(text: str) -> None:
    T.target_figures(text)


@budget(200)
@given(T.hostile_text(), st.one_of(st.none(), T.urls(), st.sampled_from(["https://example.org/2024/02/31/x",
                                                                        "https://example.org/9999/99/99/"])),
       st.dictionaries(st.sampled_from(["title", "outlet", "authors", "published", "other"]),
                       st.one_of(T.json_values(), T.hostile_text(4)), max_size=4))
def test_reliability_fuzz_metadata(text: str, url: str | None, hints: dict) -> None:
    T.target_metadata(text, url, hints)


@budget(150)
@given(T.feed_bytes())
def test_reliability_fuzz_feeds(body: bytes) -> None:
    pytest.importorskip("feedparser")
    T.target_feed(body)


@budget(200)
@given(T.urls())
def test_reliability_fuzz_url_check(url: str) -> None:
    T.target_url(url)


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None, reason="needs the batch extra (pyarrow)")
@budget(100)
@given(st.one_of(st.tuples(st.sampled_from(["jsonl", "jsonl.gz"]), T.jsonl_text()),
                 st.tuples(st.just("parquet"), st.deferred(T.parquet_tables))))
def test_reliability_fuzz_batch_inputs(case: tuple) -> None:
    T.target_batch(*case)


# -- the dashboard's parameters ------------------------------------------------------------------

@pytest.fixture(scope="module")
def web_client(tmp_path_factory, nlp):
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from dyadwatch import Store, ingest_sources
    from dyadwatch.web import make_app

    folder = tmp_path_factory.mktemp("fuzzweb")
    (folder / "a.txt").write_text("China and Russia agreed to expand trade by 5 percent on 3 May 2024, officials "
                                  "said. \"We will not join the sanctions,\" Wang Yi said.\n", encoding="utf-8")
    with Store(folder / "web.db") as store:
        ingest_sources(store, [str(folder)], nlp=nlp)
    with TestClient(make_app(folder / "web.db"), raise_server_exceptions=False) as client:
        yield client


PAGES = ["/", "/dyads", "/events", "/quotes", "/figures", "/documents", "/events.csv", "/quotes.json",
         "/figures.csv", "/documents.json", "/dyads/CHN/RUS", "/documents/0"]


@budget(200)
@given(st.sampled_from(PAGES), T.query_strings())
def test_reliability_fuzz_dashboard_parameters(web_client, page: str, query: str) -> None:
    T.COUNTS["dashboard query"] += 1
    with T.bounded(30, "dashboard query"):
        r = web_client.get(f"{page}?{query}")
    assert r.status_code in (200, 303, 400, 404), (page, query, r.status_code, r.text[:300])
    assert "Traceback" not in r.text


@budget(150)
@given(st.sampled_from(["/documents/", "/dyads/", "/dyads/CHN/", "/static/", "/events/"]),
       st.text(st.characters(exclude_categories=("Cs",)), max_size=300))
def test_reliability_fuzz_dashboard_paths(web_client, prefix: str, tail: str) -> None:
    from urllib.parse import quote

    T.COUNTS["dashboard path"] += 1
    with T.bounded(30, "dashboard path"):
        r = web_client.get(prefix + quote(tail, safe="/"))
    assert r.status_code in (200, 303, 400, 404, 405), (prefix, tail, r.status_code, r.text[:300])
    assert "Traceback" not in r.text


# -- whole documents through analysis into a store -----------------------------------------------

@budget(25)
@given(st.lists(st.tuples(T.hostile_text(12), st.sampled_from([".txt", ".html", ".jsonl"])), min_size=1,
                max_size=4))
def test_reliability_fuzz_ingest_into_store(tmp_path_factory, nlp, docs: list[tuple[str, str]]) -> None:
    """Hostile documents through the real pipeline (spaCy and every dyadwatch component) into a
    real store: the run ends with a summary, the store passes its checks, export is valid JSON."""
    import io

    from dyadwatch import Store, ingest_sources
    from dyadwatch.export import write_export

    T.COUNTS["ingest"] += 1
    folder = tmp_path_factory.mktemp("fuzzingest")
    for i, (text, suffix) in enumerate(docs):
        body = text if suffix != ".jsonl" else json.dumps({"text": text or " ", "title": text[:40]})
        if suffix == ".html":
            body = f"<html><body><article><p>{text}</p></article></body></html>"
        (folder / f"doc{i}{suffix}").write_bytes(body.encode("utf-8", errors="replace"))
    path = folder / "fuzz.db"
    with T.bounded(120, "ingest"):
        with Store(path) as store:
            summary = ingest_sources(store, [str(folder)], nlp=nlp)
            assert summary.added + summary.present + summary.failed >= 1
            for what in ("records", "events", "relations"):
                out = io.StringIO()
                write_export(store, out, what=what, fmt="jsonl")  # type: ignore[arg-type]
                text = out.getvalue()
                assert not {"\u2028", "\u2029", "\x85"} & set(text)  # escaped: splitlines() readers
                for line in text.split("\n")[:-1]:
                    T.finite_json(line)
    T.check_store(path)


def test_reliability_fuzz_counts_recorded() -> None:
    """Runs last in this module: prints and saves how many inputs each target was given."""
    counts = dict(sorted(T.COUNTS.items()))
    slowest = {k: round(v, 2) for k, v in sorted(T.SLOWEST.items())}
    out = ROOT / "tests" / "artifacts" / "fuzz-counts.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"inputs": counts, "slowest_seconds": slowest, "total": sum(counts.values())},
                              indent=2))
    print(f"\nfuzz inputs tried: {counts} (total {sum(counts.values())}); slowest per target (s): {slowest}")
    assert sum(counts.values()) > 0 or os.environ.get("PYTEST_XDIST_WORKER")


def test_reliability_fuzz_store_check_catches_a_half_written_document(tmp_path: Path) -> None:
    """The store check used above is not vacuous: a document row without its analysis fails it."""
    from dyadwatch import Store
    from dyadwatch.ingest import build_document
    from dyadwatch.records import RawDocument

    path = tmp_path / "half.db"
    with Store(path) as store:
        store.write(build_document(RawDocument(source="x.txt", text="China and Russia agreed on Monday.")))
    con = sqlite3.connect(path)
    assert con.execute("SELECT analyzer FROM documents").fetchone() == (None,)
    con.close()
    with pytest.raises(AssertionError, match="documents without their analysis"):
        T.check_store(path)
