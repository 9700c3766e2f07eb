"""Reliability: the dashboard under concurrent load (issue 8, part 4), short mode.

Runs ``bench/load.py --short``: 8 concurrent clients for 5 seconds against a real ``dyadwatch
serve`` on 127.0.0.1 over a 5,000-event synthetic store. Every request must succeed. The full
run (50 clients, 60 s, 100,000 events) is ``.venv/bin/python bench/load.py``; its figures are in
docs/reliability.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow
pytest.importorskip("uvicorn")


def test_reliability_load_short(tmp_path: Path) -> None:
    out = tmp_path / "load.json"
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "load.py"), "--short", "--db",
                             str(tmp_path / "load.db"), "--json", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(out.read_text())
    assert figures["errors"] == 0 and figures["server_log_tracebacks"] == 0, figures["error_samples"]
    assert figures["requests"] >= 50 and figures["clients"] == 8, figures
    assert set(figures["by_page"]) >= {"overview", "document", "events search", "events CSV"}, figures["by_page"]
    (ROOT / "tests" / "artifacts").mkdir(parents=True, exist_ok=True)
    (ROOT / "tests" / "artifacts" / "load-short.json").write_text(json.dumps(figures, indent=2))
    print(f"\nload (short): {figures['requests']} requests, {figures['rps']} requests/s, "
          f"latency {figures['latency_ms']}, errors {figures['errors']}")
