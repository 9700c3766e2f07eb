"""The analysis-record export against the contract in ../shared/eval/README.md, on the seeds."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dyadwatch import Store
from dyadwatch.export import write_export

from conftest import GOLD, SEEDS, SHARED

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MODALITIES = {"actual", "intended", "hypothetical", "alleged", "denied"}
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
UNITS = re.compile(r"^([A-Z]{3}|percent|count|km|other)$")
STANCES = {"strengthening", "weakening", "stable", "mixed", "none"}


@pytest.fixture(scope="module")
def records(seeds_db: Path) -> list[dict]:
    buf = io.StringIO()
    with Store(seeds_db, readonly=True) as store:
        write_export(store, buf, what="records", fmt="jsonl")
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def check_span(rec: dict, item: dict, key: str = "sentence") -> None:
    assert isinstance(item["start"], int) and isinstance(item["end"], int)
    assert 0 <= item["start"] < item["end"] <= len(rec["text"])
    if key in item:
        assert rec["text"][item["start"]:item["end"]] == item[key]


def test_contract_one_record_per_seed_with_the_exact_text(records: list[dict]) -> None:
    assert len(records) == 3
    by_source = {Path(r["source"]).name: r for r in records}
    for seed in SEEDS.iterdir():
        assert by_source[seed.name]["text"] == seed.read_text(encoding="utf-8")


def test_contract_fields_and_types(records: list[dict]) -> None:
    for rec in records:
        assert set(rec) >= {"id", "source", "url", "text", "meta", "actors", "events", "quotes", "figures",
                            "claims", "stances"}
        assert isinstance(rec["id"], str) and re.fullmatch(r"[0-9a-f]{16}", rec["id"])
        assert rec["url"] is None or rec["url"].startswith("http")
        meta = rec["meta"]
        assert set(meta) == {"title", "outlet", "authors", "published", "published_basis", "language"}
        assert meta["title"] is None or isinstance(meta["title"], str)
        assert meta["outlet"] is None or isinstance(meta["outlet"], str)
        assert isinstance(meta["authors"], list) and all(isinstance(a, str) for a in meta["authors"])
        assert meta["published"] is None or DATE.match(meta["published"])
        assert meta["published_basis"] in {"stated", "inferred", "unknown"}
        assert (meta["published"] is None) == (meta["published_basis"] == "unknown")
        assert meta["language"] == "en"
        for a in rec["actors"]:
            assert set(a) >= {"code", "name", "mentions"} and a["mentions"] >= 1
        for e in rec["events"]:
            check_span(rec, e)
            assert e["type"] in PLOVER and e["modality"] in MODALITIES and isinstance(e["negated"], bool)
            assert e["source"] != e["target"]
            assert e["date"] is None or DATE.match(e["date"])
        for q in rec["quotes"]:
            check_span(rec, q, key="_")
            assert isinstance(q["text"], str) and q["direct"] is True
        for q in rec["reported_speech"]:
            check_span(rec, q, key="_")
            assert isinstance(q["text"], str) and q["direct"] is False
        for f in rec["figures"]:
            check_span(rec, f, key="_")
            assert isinstance(f["value"], float) and UNITS.match(f["unit"])
        for c in rec["claims"]:
            check_span(rec, c)
        for s in rec["stances"]:
            assert len(s["dyad"]) == 2 and s["label"] in STANCES
            for ev in s["evidence"]:
                check_span(rec, ev)


def test_contract_scorer_metadata_on_the_dev_set(records: list[dict], tmp_path: Path) -> None:
    pred = tmp_path / "records.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(GOLD), "--pred", str(pred),
                          "--json"], capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)
    assert scores["docs_matched"] == "3/3"
    # the bar: at least 2 of the 3 dev documents right on each metadata field
    assert scores["date_acc"] >= 2 / 3 - 1e-9
    assert scores["outlet_acc"] >= 2 / 3 - 1e-9
    assert scores["title_acc"] >= 2 / 3 - 1e-9
