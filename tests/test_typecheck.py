"""CI type-checks the package: mypy over src/ with the configuration in pyproject.toml
([tool.mypy]) must find nothing. A library imported without type information is listed there
(``ignore_missing_imports``), never silenced line by line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def test_mypy_finds_no_type_errors_in_src() -> None:
    try:
        import mypy  # noqa: F401
    except ImportError:
        pytest.fail("mypy is not installed: pip install -e '.[test]' (CI type-checks src/ with it)")
    # a process of its own: mypy holds the whole package's types in memory while it checks
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"),
         "--cache-dir", str(ROOT / ".mypy_cache"), "--no-color-output", "--no-error-summary", str(ROOT / "src")],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    errors = [line for line in run.stdout.splitlines() if ": error:" in line]
    assert run.returncode == 0 and not errors, (
        f"mypy found {len(errors)} type error(s) in src/:\n" + (run.stdout or run.stderr))
