"""Imports point one way: model <- data <- stages <- engine <- runners <- edges, and the store depends on the model
only. Every import counts, also those inside functions and under ``TYPE_CHECKING``: a cycle that only runs later
is still a cycle a reader has to untangle."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "realpolitik"

# What each first-level unit of the package may import (besides itself). Foundation modules first, the edges
# last; the root package (``realpolitik/__init__``, the public facade) may import anything and nothing imports it.
FOUNDATION = {"errors", "model", "settings", "version", "budget"}
ALLOWED: dict[str, set[str]] = {
    "version": set(),
    "budget": set(),
    "errors": set(),
    "model": set(),
    "settings": {"errors"},
    "ontology": FOUNDATION,
    "actors": FOUNDATION,
    "sources": FOUNDATION,
    "annotate": FOUNDATION | {"actors"},
    "resolve": FOUNDATION | {"actors", "ontology", "annotate"},
    "events": FOUNDATION | {"actors", "ontology", "annotate", "resolve"},
    "statements": FOUNDATION | {"actors", "ontology", "annotate", "resolve"},
    "store": FOUNDATION,
    "render": FOUNDATION | {"store"},
    "plugins": FOUNDATION | {"actors", "ontology", "sources", "annotate", "resolve", "events", "statements"},
    "engine": FOUNDATION | {"actors", "ontology", "annotate", "resolve", "events", "statements", "plugins"},
    "runners": FOUNDATION | {"engine", "plugins", "sources", "store", "render"},
    "evaluation": FOUNDATION
    | {"actors", "ontology", "annotate", "resolve", "events", "statements", "engine", "plugins", "render"},
    "web": FOUNDATION | {"actors", "store", "render", "plugins"},
    "api": FOUNDATION | {"store", "render", "runners", "engine", "plugins", "sources", "web"},
    "cli": FOUNDATION
    | {
        "actors",
        "ontology",
        "resolve",
        "engine",
        "plugins",
        "runners",
        "sources",
        "store",
        "render",
        "evaluation",
        "api",
    },
    "__main__": {"cli"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every realpolitik module ``path`` imports, anywhere in the file."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("realpolitik"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if not base.startswith("realpolitik"):
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                # ``from realpolitik import model`` imports the module, not the package
                is_module = (PACKAGE.parent / candidate.replace(".", "/")).with_suffix(".py").is_file() or (
                    PACKAGE.parent / candidate.replace(".", "/") / "__init__.py"
                ).is_file()
                found.add(candidate if is_module else base)
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {i for i in _imports(path) if i != name} for name, path in modules.items()}


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return out


def test_no_cycle_between_modules() -> None:
    graph = _graph()
    assert _cycles({m: {i for i in deps if i in graph} for m, deps in graph.items()}) == []


def test_no_cycle_between_first_level_units() -> None:
    units: dict[str, set[str]] = defaultdict(set)
    for module, deps in _graph().items():
        units[_unit(module)].update(_unit(d) for d in deps if _unit(d) != _unit(module))
    assert _cycles(units) == []


def test_imports_follow_the_layers() -> None:
    wrong = []
    for module, deps in sorted(_graph().items()):
        unit = _unit(module)
        if unit == "__init__":
            continue  # the public facade
        allowed = ALLOWED.get(unit)
        assert allowed is not None, f"new first-level unit {unit!r}: give it a place in ALLOWED"
        for dep in sorted(deps):
            target = _unit(dep)
            if target != unit and target not in allowed:
                wrong.append(f"{module} imports {dep}")
    assert wrong == []


def test_the_cycle_finder_finds_cycles() -> None:
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []
