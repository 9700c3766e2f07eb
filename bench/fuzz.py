"""Fuzz every input parser for a time budget (the long run of tests/test_reliability_fuzz.py).

The same targets and strategies as the tests (``tests/fuzz/targets.py``), run with fresh random
seeds until each target's share of the budget is spent. A failing input is shrunk by hypothesis,
printed and recorded; the run goes on with the next target and exits 1 at the end.

    .venv/bin/python bench/fuzz.py --minutes 10                  # every target, 10 minutes in all
    .venv/bin/python bench/fuzz.py --minutes 2 --only file,jsonl  # some targets
    DYADWATCH_FUZZ_EXAMPLES=20 .venv/bin/pytest -m fuzz tests/   # or: the tests with 20x the examples

Results (inputs tried, failures, slowest input per target) go to bench/results/fuzz.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
sys._called_from_test = True  # type: ignore[attr-defined]  # no entry-point plugins, as in the tests

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from fuzz import targets as T  # noqa: E402

SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".htm", ".jsonl", ".text"])


def _web_client() -> Any:
    from starlette.testclient import TestClient

    from dyadwatch import Store, ingest_sources
    from dyadwatch.analyze import load_pipeline
    from dyadwatch.web import make_app

    folder = Path(tempfile.mkdtemp(prefix="dw-fuzz-web-"))
    (folder / "a.txt").write_text("China and Russia agreed to expand trade by 5 percent on 3 May 2024, officials "
                                  "said. \"We will not join the sanctions,\" Wang Yi said.\n", encoding="utf-8")
    with Store(folder / "web.db") as store:
        ingest_sources(store, [str(folder)], nlp=load_pipeline())
    client = TestClient(make_app(folder / "web.db"), raise_server_exceptions=False)
    client.__enter__()
    return client


PAGES = ["/", "/dyads", "/events", "/quotes", "/figures", "/documents", "/events.csv", "/quotes.json",
         "/figures.csv", "/documents.json", "/dyads/CHN/RUS", "/documents/0"]


def _dashboard(client: Any) -> Callable[[str, str], None]:
    def run(page: str, query: str) -> None:
        T.COUNTS["dashboard query"] += 1
        with T.bounded(30, "dashboard query"):
            r = client.get(f"{page}?{query}")
        assert r.status_code in (200, 303, 400, 404), (page, query, r.status_code, r.text[:300])
        assert "Traceback" not in r.text
    return run


def _ingest(docs: list[tuple[str, str]]) -> None:
    import io

    from dyadwatch import Store, ingest_sources
    from dyadwatch.analyze import load_pipeline
    from dyadwatch.export import write_export

    T.COUNTS["ingest"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, (text, suffix) in enumerate(docs):
            body = text if suffix != ".jsonl" else json.dumps({"text": text or " ", "title": text[:40]})
            if suffix == ".html":
                body = f"<html><body><article><p>{text}</p></article></body></html>"
            (folder / f"doc{i}{suffix}").write_bytes(body.encode("utf-8", errors="replace"))
        path = folder / "fuzz.db"
        with T.bounded(300, "ingest"), Store(path) as store:
            ingest_sources(store, [str(folder)], nlp=load_pipeline())
            for what in ("records", "events", "relations"):
                out = io.StringIO()
                write_export(store, out, what=what, fmt="jsonl")  # type: ignore[arg-type]
                for line in out.getvalue().split("\n")[:-1]:
                    T.finite_json(line)
        T.check_store(path)


def targets() -> dict[str, tuple[tuple[Any, ...], Callable[..., Any]]]:
    """name -> (strategies, function); the ingest and dashboard targets are built on first use."""
    hints = st.dictionaries(st.sampled_from(["title", "outlet", "authors", "published", "other"]),
                            st.one_of(T.json_values(), T.hostile_text(4)), max_size=4)
    url_or_none = st.one_of(st.none(), T.urls())
    ref = st.one_of(st.none(), T.date_strings(), st.sampled_from(["2024-02-29", "2024-03", "2024"]))
    return {
        "file": ((T.file_bytes(), SUFFIXES), T.target_file),
        "html": ((T.html_markup(),), T.target_html),
        "jsonl": ((T.jsonl_text(),), T.target_jsonl),
        "dates": ((T.date_strings(), ref), T.target_dates),
        "figures": ((T.figure_texts(),), T.target_figures),
        "metadata": ((T.hostile_text(), url_or_none, hints), T.target_metadata),
        "feed": ((T.feed_bytes(),), T.target_feed),
        "url": ((T.urls(),), T.target_url),
        "batch": ((st.one_of(st.tuples(st.sampled_from(["jsonl", "jsonl.gz"]), T.jsonl_text()),
                             st.tuples(st.just("parquet"), st.deferred(T.parquet_tables))),),
                  lambda case: T.target_batch(*case)),
        "dashboard": ((st.sampled_from(PAGES), T.query_strings()), None),  # type: ignore[dict-item]
        "ingest": ((st.lists(st.tuples(T.hostile_text(12), st.sampled_from([".txt", ".html", ".jsonl"])),
                             min_size=1, max_size=4),), _ingest),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0, help="total budget, shared by the targets")
    ap.add_argument("--only", default="", help="comma-separated target names (default: all)")
    ap.add_argument("--chunk", type=int, default=50, help="examples per hypothesis run")
    ap.add_argument("--json", default=str(ROOT / "bench" / "results" / "fuzz.json"))
    args = ap.parse_args()
    table = targets()
    names = [n for n in args.only.split(",") if n] or list(table)
    unknown = set(names) - set(table)
    if unknown:
        ap.error(f"unknown targets: {', '.join(sorted(unknown))}; known: {', '.join(table)}")
    per_target = args.minutes * 60 / len(names)
    failures: dict[str, str] = {}
    runs: dict[str, float] = {}
    client = None
    for name in names:
        strategies, fn = table[name]
        if name == "dashboard":
            client = client or _web_client()
            fn = _dashboard(client)
        def make_call(target: Callable[..., Any]) -> Callable[[tuple[Any, ...]], None]:
            def call(values: tuple[Any, ...]) -> None:
                target(*values)  # hypothesis wants None back; some targets return what they parsed
            return call

        call = make_call(fn)
        test = settings(max_examples=args.chunk, deadline=None, database=None, derandomize=False,
                        suppress_health_check=list(HealthCheck), print_blob=True)(
            given(st.tuples(*strategies))(call))
        started = time.monotonic()
        while time.monotonic() - started < per_target:
            try:
                test()
            except (Exception, T.Hang) as exc:  # noqa: BLE001 - record it and go on
                failures[name] = "".join(traceback.format_exception_only(type(exc), exc))[-3000:]
                print(f"FAIL {name}: {failures[name]}", file=sys.stderr)
                break
        runs[name] = round(time.monotonic() - started, 1)
        key = {"dashboard": "dashboard query"}.get(name, name)
        tried = sum(v for k, v in T.COUNTS.items() if k == key or k.startswith(f"{key} "))
        print(f"{name:<10} {tried:>9,} inputs in {runs[name]:>6.1f} s, slowest "
              f"{max((v for k, v in T.SLOWEST.items() if k == key or k.startswith(f'{key} ')), default=0):.2f} s"
              f"{'  FAILED' if name in failures else ''}", flush=True)
    total = sum(T.COUNTS.values())
    print(f"total: {total:,} inputs, {len(failures)} failing target(s)")
    result = {"minutes": args.minutes, "inputs": dict(T.COUNTS), "seconds": runs, "total": total,
              "slowest_seconds": {k: round(v, 2) for k, v in T.SLOWEST.items()}, "failures": failures}
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(result, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
