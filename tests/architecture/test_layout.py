"""The tree stays readable: no file over 600 lines, no word list of more than 10 entries in the Python code of the
stages (rules are data, in ``realpolitik/ontology``), and every package's ``__all__`` says exactly what it
exports."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import types
from pathlib import Path

import pytest

import realpolitik

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "src" / "realpolitik"
MAX_LINES = 600
MAX_WORDS = 10
# The stages: their word lists live in realpolitik/ontology (cues/*.yaml, lexicon/*.yaml, rewrites.yaml).
RULE_PACKAGES = ("sources", "annotate", "resolve", "events", "statements")


def _python_files() -> list[Path]:
    return sorted(p for d in ("src", "tests", "benchmarks", "scripts") for p in (REPO / d).rglob("*.py"))


def test_no_file_over_600_lines() -> None:
    long = {
        str(p.relative_to(REPO)): n
        for p in _python_files()
        if (n := len(p.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}


def _strings(nodes: list[ast.expr | None]) -> int:
    return sum(1 for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str))


def word_lists(source: str) -> list[tuple[int, int]]:
    """(line, entries) of every literal collection of more than MAX_WORDS strings in ``source``: list, tuple and
    set displays, ``str.split("a b c ...")`` calls and dicts of strings to strings."""
    found = []
    tree = ast.parse(source)
    exports = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    }
    for node in ast.walk(tree):
        if id(node) in exports:
            continue  # __all__ names exports, not words
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            n = _strings(list(node.elts))
        elif isinstance(node, ast.Dict):
            n = min(_strings(list(node.keys)), _strings(list(node.values)))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            n = len(node.args[0].value.split())
        else:
            continue
        if n > MAX_WORDS:
            found.append((node.lineno, n))
    return found


def test_the_word_list_finder_finds_lists() -> None:
    words = ", ".join(f'"w{i}"' for i in range(11))
    assert word_lists(f"X = frozenset({{{words}}})") == [(1, 11)]
    assert word_lists('X = str.split("a b c d e f g h i j k l")') == [(1, 12)]
    assert word_lists('X = ("a", "b")') == []


def test_no_word_lists_in_the_stages() -> None:
    found = {
        f"{path.relative_to(PACKAGE)}:{line}": n
        for package in RULE_PACKAGES
        for path in sorted((PACKAGE / package).rglob("*.py"))
        for line, n in word_lists(path.read_text(encoding="utf-8"))
    }
    assert found == {}


def _packages() -> list[str]:
    names = ["realpolitik"]
    for info in pkgutil.walk_packages(realpolitik.__path__, "realpolitik."):
        if info.ispkg:
            names.append(info.name)
    return names


def _own_names(module: types.ModuleType) -> set[str]:
    """The public names a package's ``__init__`` defines, or re-exports from its own submodules (not what it
    merely uses from elsewhere, such as the model or typing helpers)."""
    tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(f"{module.__name__}."):
            names.update(a.asname or a.name for a in node.names)
    return {
        n
        for n in names
        if not n.startswith("_") and not isinstance(getattr(module, n, None), types.ModuleType)
    }


@pytest.mark.parametrize("name", _packages())
def test_all_says_exactly_what_a_package_exports(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(getattr(module, "__all__", []))
    assert len(set(exported)) == len(exported)
    lazy = {"Engine", "Store"} if name == "realpolitik" else set()  # imported on first use (__getattr__)
    assert {n for n in exported if not n.startswith("__")} == _own_names(module) | lazy
    for attr in exported:
        assert hasattr(module, attr), attr
