"""bench/quality.py on the dev set, in-process: the table, the figures and the JSON it writes."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest

from conftest import GOLD, ROOT, need_shared


def _bench():
    spec = importlib.util.spec_from_file_location("bench_quality_under_test", ROOT / "bench" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dev_run(tmp_path_factory, nlp):
    """The bench module, its JSON file and what it printed."""
    need_shared()
    bench = _bench()
    out = tmp_path_factory.mktemp("quality") / "quality.json"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert bench.main(["--set", "dev", "--json", str(out)], nlp=nlp) == 0
    return bench, out, printed.getvalue()


@pytest.fixture(scope="module")
def figures(dev_run) -> dict:
    return json.loads(dev_run[1].read_text(encoding="utf-8"))


def gold_events() -> int:
    return sum(len(json.loads(f.read_text(encoding="utf-8"))["events"]) for f in sorted(GOLD.glob("d*.json")))


def test_dev_row_matches_all_three_documents(figures: dict) -> None:
    dev = figures["sets"]["dev"]
    assert list(figures["sets"]) == ["dev"]
    assert dev["all"]["score"]["docs_matched"] == "3/3"
    assert dev["ingest"]["added"] == 3 and dev["ingest"]["failed"] == 0
    assert dev["all"]["gold_events"] == gold_events()


def test_scores_are_fractions(figures: dict) -> None:
    score = figures["sets"]["dev"]["all"]["score"]
    rates = {k: v for k, v in score.items() if k.endswith(("_p", "_r", "_f1", "_acc", "_recall"))}
    assert {"events_f1", "events_undirected_f1", "events_dyad_f1", "quotes_f1", "figures_f1"} <= set(rates)
    assert all(isinstance(v, float) and 0.0 <= v <= 1.0 for v in rates.values()), rates
    # the seeds have coded events: a strict F1 of 0 would mean the records were not matched
    assert score["events_f1"] > 0


def test_error_classes_cover_every_gold_event(figures: dict) -> None:
    errors = figures["sets"]["dev"]["all"]["errors"]
    assert sum(errors["counts"].values()) == errors["gold_events"] == gold_events()
    assert len(errors["details"]) == gold_events()
    # "coded right" is score.py's strict match taken per gold event: at least as many as it matched
    score = figures["sets"]["dev"]["all"]["score"]
    assert errors["counts"]["coded_right"] >= round(score["events_r"] * gold_events())
    assert errors["spurious"] <= figures["sets"]["dev"]["all"]["pred_events"]


def test_json_round_trips_and_the_table_shows_it(dev_run, figures: dict) -> None:
    bench, _, printed = dev_run
    assert json.loads(json.dumps(figures)) == figures
    # the table rebuilt from the JSON file is the one printed: nothing was lost on the way
    table = bench.render(figures)
    assert printed == table + "\n"
    dev_line = next(line for line in table.splitlines() if line.startswith("dev ") and "3/3" in line)
    assert f"{figures['sets']['dev']['all']['score']['events_f1']:.2f}" in dev_line
    assert "error classes" in table and "time:" in table


def test_pair_precision_counts_relations_matching_a_gold_pair(dev_run) -> None:
    """A relation on a gold pair's two claim sentences is right for that pair's kind only; one
    with a side on another sentence of the same documents is not."""
    bench = dev_run[0]
    sc = bench.scorer()
    gold, pairs = sc.load_gold(bench.DEV_DIR)
    claims = {c["id"]: (k, c["sentence"]) for k, g in gold.items() for c in g.get("claims", [])}
    pair = next(p for p in pairs if p["a"] in claims and p["b"] in claims)
    other = "agree" if pair["relation"] == "contradict" else "contradict"
    (ka, sa), (kb, sb) = claims[pair["a"]], claims[pair["b"]]
    elsewhere = next(c["sentence"] for c in gold[ka]["claims"] if c["sentence"] not in (sa, sb))

    def rel(kind: str, a: str, b: str) -> dict:
        return {"a": {"doc": f"{ka}.txt", "sentence": a}, "b": {"doc": f"{kb}.txt", "sentence": b}, "relation": kind}

    got = bench.pair_precision(gold, pairs, [rel(pair["relation"], sa, sb), rel(pair["relation"], elsewhere, sb),
                                             rel(other, sa, sb)], sc)
    assert got[pair["relation"]] == 0.5
    assert got[other] == 0.0
    assert bench.pair_precision(gold, pairs, [], sc) == {"contradict": None, "agree": None}


def test_dates_by_pair_are_measured_over_dated_gold_events_and_shown(dev_run, figures: dict) -> None:
    by_pair = figures["sets"]["dev"]["all"]["event_dates_by_pair"]
    gold_dated = sum(1 for f in sorted(GOLD.glob("d*.json"))
                     for e in json.loads(f.read_text(encoding="utf-8"))["events"] if e.get("date"))
    # the seeds' dated events have predictions on their pair; no more than the gold dates
    assert 0 < by_pair["dated"] <= gold_dated
    assert 0 <= by_pair["right"] <= by_pair["dated"]
    assert by_pair["acc"] == by_pair["right"] / by_pair["dated"]
    dev_line = next(line for line in dev_run[2].splitlines() if line.startswith("dev ") and "3/3" in line)
    assert dev_line.split()[-1] == f"{by_pair['acc']:.2f}"
