"""The import flow of the package: ingest → analyze → store → compare → report / web / export,
with the job runners (jobs, remote, watch), batch and the CLI on top. A module never imports
one of a later stage, so each stage can be used (and tested) without the ones after it."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "dyadwatch"
#: stage of each top-level module or package; shared leaves are stage 0
STAGE = {
    "records": 0, "errors": 0, "settings": 0, "dictionaries": 0, "hookspecs": 0, "plugins": 0,
    "ingest": 1, "analyze": 2, "store": 3, "compare": 4, "report": 5, "web": 5, "export": 5,
    "jobs": 6, "remote": 6, "watch": 6, "batch": 7, "cli": 8, "__main__": 8, "__init__": 9,
}
#: the read side of the dashboard renders the report's data: web may read report, not the reverse
SIDEWAYS = {("web", "report")}


def _imports(path: Path) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dyadwatch"):
            out.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.startswith("dyadwatch")]
    return out


def test_every_module_has_a_stage() -> None:
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in PACKAGE.rglob("*.py")}
    assert tops <= set(STAGE), sorted(tops - set(STAGE))


def test_no_import_runs_against_the_flow() -> None:
    against = []
    for path in sorted(PACKAGE.rglob("*.py")):
        me = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        for line, module in _imports(path):
            parts = module.split(".")
            if len(parts) < 2:
                continue  # "import dyadwatch" (the lazy public names of __init__)
            other = parts[1]
            if other == me or (me, other) in SIDEWAYS:
                continue
            if STAGE[other] > STAGE[me] or (STAGE[other] == STAGE[me] and STAGE[me] == 5):
                against.append(f"{path.relative_to(PACKAGE)}:{line} imports {module}")
    assert not against, "\n".join(against)
