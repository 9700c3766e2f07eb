"""The import flow of the package: ingest → analyze → store → compare → report / web / export,
with the job runners (the ``jobs`` package), batch and the CLI on top. A module never imports
one of a later stage, so each stage can be used (and tested) without the ones after it; no two
modules import each other, directly or round a loop; and no module uses another's private
names, so each module's public names are all that the others depend on."""

from __future__ import annotations

import ast
import sys
import re
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "dyadwatch"
#: stage of each top-level module or package; shared leaves are stage 0
STAGE = {
    "records": 0, "errors": 0, "settings": 0, "dictionaries": 0, "hookspecs": 0, "plugins": 0,
    "ingest": 1, "analyze": 2, "store": 3, "compare": 4, "report": 5, "web": 5, "export": 5,
    "jobs": 6, "batch": 7, "cli": 8, "__main__": 8, "__init__": 9,
}
#: the read side of the dashboard renders the report's data: web may read report, not the reverse
SIDEWAYS = {("web", "report")}
#: known loops and private imports, each to be removed with its fix; the tests also fail when one
#: is gone, so these sets cannot go stale. None is left: keep them empty.
KNOWN_CYCLES: set[tuple[str, ...]] = set()
KNOWN_PRIVATE: set[tuple[str, str]] = set()


@dataclass(frozen=True)
class Import:
    line: int
    #: the module imported from (absolute), and the names taken from it (empty for ``import x``)
    module: str
    names: tuple[str, ...]
    #: under ``if TYPE_CHECKING:``: read by the type checker only, never run
    type_only: bool


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[Import]:
    me = _module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, type_only: bool) -> None:
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            for child in node.body:
                visit(child, True)
            for child in node.orelse:
                visit(child, type_only)
            return
        if isinstance(node, ast.ImportFrom):
            if node.level:  # from . import x / from ..y import z
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            if module.split(".")[0] == "dyadwatch":
                found.append(Import(node.lineno, module, tuple(a.name for a in node.names), type_only))
        elif isinstance(node, ast.Import):
            found.extend(Import(node.lineno, a.name, (), type_only) for a in node.names
                         if a.name.split(".")[0] == "dyadwatch")
        for child in ast.iter_child_nodes(node):
            visit(child, type_only)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_has_a_stage() -> None:
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in PACKAGE.rglob("*.py")}
    assert tops <= set(STAGE), sorted(tops - set(STAGE))


def test_no_import_runs_against_the_flow() -> None:
    against = []
    for path in sorted(PACKAGE.rglob("*.py")):
        me = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        for imp in _imports(path):
            parts = imp.module.split(".")
            if len(parts) < 2:
                continue  # "import dyadwatch" (the lazy public names of __init__)
            other = parts[1]
            if other == me or (me, other) in SIDEWAYS:
                continue
            if STAGE[other] > STAGE[me] or (STAGE[other] == STAGE[me] and STAGE[me] == 5):
                against.append(f"{path.relative_to(PACKAGE)}:{imp.line} imports {imp.module}")
    assert not against, "\n".join(against)


def import_graph(*, with_types: bool = False) -> dict[str, set[str]]:
    """Which modules of the package each module imports when it runs (at import time or later,
    inside a function); imports for the type checker only are left out unless ``with_types``. ``from a import b``
    where ``b`` is a module is an edge to ``a.b``; importing ``a.b`` runs ``a/__init__`` first,
    but that is Python's package machinery, not a dependency of the importer on ``a``."""
    modules = _modules()

    def owner(name: str) -> str:
        while name not in modules:
            name = name.rpartition(".")[0]
        return name

    graph: dict[str, set[str]] = {m: set() for m in modules}
    for me, path in modules.items():
        for imp in _imports(path):
            if imp.type_only and not with_types:
                continue
            targets = [f"{imp.module}.{n}" if f"{imp.module}.{n}" in modules else imp.module
                       for n in imp.names] or [imp.module]
            graph[me] |= {owner(t) for t in targets} - {me}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The loops of ``graph``: its strongly connected components of more than one module
    (Tarjan's algorithm), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_cycles_finds_a_loop_and_only_loops() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_import_graph_sees_a_loop_between_modules_of_one_package(tmp_path, monkeypatch) -> None:
    """The graph is of modules, not packages: two modules of ``jobs`` that import each other (one
    of them inside a function, where a loop hides from an import at load time) are a loop, and
    an import for the type checker only is not."""
    jobs = tmp_path / "dyadwatch" / "jobs"
    jobs.mkdir(parents=True)
    (tmp_path / "dyadwatch" / "__init__.py").write_text("")
    (jobs / "__init__.py").write_text("from dyadwatch.jobs.remote import poll\n")
    (jobs / "remote.py").write_text("from dyadwatch.jobs.summary import Summary\n\n"
                                    "def poll():\n    from dyadwatch.jobs.watch import watch\n")
    (jobs / "watch.py").write_text("from dyadwatch.jobs import remote\n")
    (jobs / "summary.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                     "    from dyadwatch.jobs.watch import watch\nclass Summary: ...\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "dyadwatch")
    graph = import_graph()
    assert graph["dyadwatch.jobs.remote"] == {"dyadwatch.jobs.summary", "dyadwatch.jobs.watch"}
    assert graph["dyadwatch.jobs.summary"] == set()
    assert cycles(graph) == [["dyadwatch.jobs.remote", "dyadwatch.jobs.watch"]]


def test_no_import_cycle() -> None:
    graph = import_graph()
    assert graph["dyadwatch.jobs.sources"] >= {"dyadwatch.jobs.remote", "dyadwatch.jobs.documents"}
    loops = {tuple(c) for c in cycles(graph)}
    assert loops == KNOWN_CYCLES, "modules that import each other, round a loop:\n" + \
        "\n".join(", ".join(c) for c in sorted(loops - KNOWN_CYCLES))


def test_no_import_cycle_even_through_imports_for_the_type_checker() -> None:
    # a loop closed only by an ``if TYPE_CHECKING:`` import never runs, but it still ties the two
    # modules together (a reader, and the type checker, must read both to read either): a shape
    # named by a Protocol, or a type written in the docstring, keeps the lower module free
    loops = cycles(import_graph(with_types=True))
    assert not loops, "modules that import each other, counting type-only imports:\n" + \
        "\n".join(", ".join(c) for c in loops)


def test_no_module_imports_private_names_of_another() -> None:
    modules = _modules()
    private = set()
    for me, path in modules.items():
        for imp in _imports(path):
            for name in imp.names:
                if name.startswith("_") and not name.startswith("__") and imp.module != me:
                    private.add((me, f"{imp.module}.{name}"))
    assert private == KNOWN_PRIVATE, "\n".join(f"{m} imports {n}" for m, n in sorted(private - KNOWN_PRIVATE))


#: a statement as this code base writes them: the keyword in capitals
_SQL = re.compile(r"^\s*(?:SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|DROP|ALTER|PRAGMA)\s")


def test_sql_is_written_in_the_store_only() -> None:
    # one typed read side: report, web, compare, export, batch and the CLI read the store through
    # dyadwatch.store.queries (and write through Store); a statement anywhere else is a second
    # query layer. Docstrings are prose (they may show a duckdb example) and are not counted.
    found = []
    for name, path in _modules().items():
        if name == "dyadwatch.store" or name.startswith("dyadwatch.store."):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            parts = [node] if isinstance(node, ast.Constant) else \
                [v for v in node.values if isinstance(v, ast.Constant)][:1] if isinstance(node, ast.JoinedStr) else []
            for c in parts:
                if isinstance(c.value, str) and id(c) not in docstrings and _SQL.match(c.value):
                    found.append(f"{name}:{node.lineno}: {c.value[:60]!r}")
    assert not found, "SQL outside dyadwatch.store:\n" + "\n".join(found)
