"""The distinct synthetic PLOVER stories of ``../shared/external`` that the benches ingest
(bench/compare.py stores them, bench/throughput.py --cli times their ingest): read at run time,
never copied into the repository."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
STORIES = SHARED / "external" / "ahalterman-NGEC-2025" / "gpt_synthetic_events_2023-10-19_19.csv.zip"


def distinct_stories(limit: int | None = None) -> list[dict[str, str]]:
    """The stories of at least 40 words, each text once, in file order (the first ``limit`` of
    them), as ``{"text", "url"}`` items with a made-up address per story.

    RAISES: SystemExit naming the file when it is missing."""
    if not STORIES.is_file():
        raise SystemExit(f"{STORIES} is missing: the benches need the synthetic stories of ../shared/external")
    with zipfile.ZipFile(STORIES) as z, z.open(z.namelist()[0]) as fh:
        rows = list(csv.DictReader(io.TextIOWrapper(fh, "utf-8")))
    seen: set[str] = set()
    out: list[dict[str, str]] = []
    for r in rows:
        text = (r.get("text") or "").strip()
        if len(text.split()) < 40 or text in seen:
            continue
        seen.add(text)
        out.append({"text": text, "url": f"https://bench.example/story/{len(out)}"})
        if len(out) == limit:
            break
    return out
