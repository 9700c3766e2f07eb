"""Developer aid: show, sentence by sentence, which gold events of the dev set were missed and
which predicted events are extra. Reads ../shared/eval/dev and a records export.

    .venv/bin/python scripts/eval_events.py out/seeds.jsonl [d02]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


def key(e: dict) -> tuple:
    return (frozenset((e["source"], e["target"])), e["type"], bool(e.get("negated")))


def main() -> None:
    pred_path = Path(sys.argv[1])
    only = sys.argv[2] if len(sys.argv) > 2 else None
    records = [json.loads(x) for x in pred_path.read_text().splitlines() if x.strip()]
    by_text = {r["text"]: r for r in records}
    for g in sorted(GOLD.glob("d*.json")):
        gold = json.loads(g.read_text())
        if only and gold["id"] != only:
            continue
        rec = by_text.get(gold["text"])
        if rec is None:
            print(gold["id"], "not in predictions")
            continue
        text = gold["text"]
        sents: dict[int, dict] = defaultdict(lambda: {"gold": [], "pred": []})
        for e in gold["events"]:
            sents[text.find(e["sentence"])]["gold"].append(e)
        for e in rec["events"]:
            sents[e["start"]]["pred"].append(e)
        for start in sorted(sents):
            gs, ps = sents[start]["gold"], sents[start]["pred"]
            gk = [key(e) for e in gs]
            pk = [key(e) for e in ps]
            miss = [e for e in gs if key(e) not in pk]
            extra = [e for e in ps if key(e) not in gk]
            if not miss and not extra:
                continue
            end = text.find("\n", start)
            print(f"--- {gold['id']} @{start}: {text[start:start + 170]!r}")
            for e in gs:
                mark = "MISS" if e in miss else "ok  "
                print(f"   {mark} {e['source']}->{e['target']} {e['type']}{' NEG' if e['negated'] else ''} "
                      f"{e['modality']} {e.get('date')}")
            for e in extra:
                print(f"   XTRA {e['source']}->{e['target']} {e['type']}{' NEG' if e['negated'] else ''} "
                      f"{e['modality']} {e.get('date')} trig={e['trigger']!r} conf={e['confidence']}")


if __name__ == "__main__":
    main()
