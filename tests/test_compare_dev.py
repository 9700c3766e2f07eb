"""The dev set, scored as the project is judged: the seeds stored under their gold names
(d01.txt …) so the scorer can match relations to gold claims, then score.py --relations."""

from __future__ import annotations

import json
import subprocess
import sys
import pytest

from conftest import GOLD, SEEDS, SHARED, need_shared
from dyadwatch import Store, ingest_sources
from dyadwatch.export import write_export


@pytest.fixture(scope="module")
def scores(tmp_path_factory, nlp) -> dict:
    need_shared()
    d = tmp_path_factory.mktemp("dev")
    seeds = {p.read_text(encoding="utf-8"): p for p in sorted(SEEDS.glob("*.txt"))}
    corpus = d / "corpus"
    corpus.mkdir()
    for gold_file in sorted(GOLD.glob("d*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        assert gold["text"] in seeds, f"{gold_file.name}: no seed has its text"
        (corpus / f"{gold['id']}.txt").write_text(gold["text"], encoding="utf-8")
    with Store(d / "dev.db") as store:
        assert ingest_sources(store, [str(corpus)], nlp=nlp).added == 3
        for what in ("records", "relations"):
            with (d / f"{what}.jsonl").open("w", encoding="utf-8") as out:
                write_export(store, out, what=what)
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(GOLD),
                          "--pred", str(d / "records.jsonl"), "--relations", str(d / "relations.jsonl"), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_dev_stance_right_for_two_of_three(scores: dict) -> None:
    assert scores["stance_acc"] >= 2 / 3 - 1e-9, scores


def test_dev_contradictions_found_without_flooding(scores: dict) -> None:
    # the bar: recall of the gold contradicting pairs >= 0.4 with at most 10 predicted
    assert scores["pairs_contradict_predicted"] <= 10, scores
    assert scores["pairs_contradict_recall"] >= 0.4, scores
