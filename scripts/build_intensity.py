"""Build dyadwatch.intensity.v1.json: mean Goldstein score per PLOVER type and (type, mode).

Reads the CAMEO->PLOVER table and GDELT's CAMEO Goldstein scale from ../shared/external
(facts: which CAMEO code maps to which PLOVER category, and each code's Goldstein value) and
averages the Goldstein values of the CAMEO codes mapped to each PLOVER category and mode.

    .venv/bin/python scripts/build_intensity.py
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTERNAL = ROOT.parent / "shared" / "external"
OUT = ROOT / "src" / "dyadwatch" / "dictionaries" / "data" / "dyadwatch.intensity.v1.json"
# PLOVER 2.0 folds FIGHT into ASSAULT; CAMEO 18-20 carry the violent end of the scale
TYPES = ("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
         "SANCTION MOBILIZE COERCE ASSAULT").split()


def main() -> None:
    goldstein = {}
    for line in (EXTERNAL / "gdelt-lookup" / "CAMEO.goldsteinscale.txt").read_text().splitlines()[1:]:
        code, _, value = line.partition("\t")
        if code.strip() and value.strip():
            goldstein[code.strip()] = float(value)
    by_type: dict[str, list[float]] = defaultdict(list)
    by_mode: dict[str, list[float]] = defaultdict(list)
    for line in (EXTERNAL / "openeventdata-PLOVER" / "CAMEO2PLOVER-2021.txt").read_text().splitlines():
        if line.startswith("#") or ":" not in line:
            continue
        code, _, rest = line.partition(":")
        fields = [f.strip() for f in rest.split("#")[0].split(",")]
        plover = {"FIGHT": "ASSAULT"}.get(fields[0], fields[0])
        if plover not in TYPES or code.strip() not in goldstein:
            continue
        score = goldstein[code.strip()]
        by_type[plover].append(score)
        mode = fields[1] if len(fields) > 1 else ""
        if mode:
            by_mode[f"{plover}:{mode}"].append(score)
    table = {
        "name": "dyadwatch.intensity.v1",
        "about": "Mean Goldstein (-10..+10) of the CAMEO codes mapped to each PLOVER type / type:mode "
                 "(CAMEO2PLOVER-2021 + GDELT CAMEO.goldsteinscale)",
        "types": {t: round(statistics.mean(by_type[t]), 2) for t in TYPES if by_type[t]},
        "modes": {k: round(statistics.mean(v), 2) for k, v in sorted(by_mode.items())},
    }
    missing = [t for t in TYPES if t not in table["types"]]
    if missing:
        raise SystemExit(f"no Goldstein values for {missing}")
    OUT.write_text(json.dumps(table, indent=1) + "\n")
    print(json.dumps(table["types"], indent=1))


if __name__ == "__main__":
    main()
