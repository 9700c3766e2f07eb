"""Dependencies are pinned to ranges (issue 8, part 5): every requirement in pyproject.toml,
core and extras, has a lower bound and an upper bound (or an exact version), so a new major
release of anything cannot arrive unannounced. Vulnerability audits: see docs/reliability.md
(pip-audit needs a vulnerability database this machine cannot reach)."""

from __future__ import annotations

import re
import tomllib

import pytest

from conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
REQUIREMENTS = sorted({r for r in PROJECT["dependencies"]} |
                      {r for extra in PROJECT["optional-dependencies"].values() for r in extra})


@pytest.mark.parametrize("requirement", REQUIREMENTS)
def test_security_dependency_is_pinned_to_a_range(requirement: str) -> None:
    spec = re.split(r"[;]", requirement)[0]
    assert re.search(r"==\s*\d", spec) or (re.search(r">=?\s*\d", spec) and re.search(r"<\s*\d", spec)) or \
        re.search(r"~=\s*\d", spec), f"{requirement!r} needs a version range (>=X,<Y) or an exact version"
