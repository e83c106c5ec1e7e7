"""The package's imports form layers: no cycle among its modules, and nothing outside `ui/`
imports `ui/` (the Streamlit parts sit on top)."""

from __future__ import annotations

import ast
import graphlib

import pytest

from dialogue_tracker.paths import PROJECT

pytestmark = pytest.mark.unit

PACKAGE = PROJECT / "dialogue_tracker"


def module_name(path) -> str:
    parts = path.relative_to(PROJECT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Each module's imports of other modules of the package, wherever in it they stand."""
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
            elif isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
        graph[name] = {other for other in found & modules.keys() if other != name}
    return graph


def test_the_modules_import_each_other_without_a_cycle() -> None:
    graph = imports()
    assert len(graph) > 50
    graphlib.TopologicalSorter(graph).prepare()  # raises CycleError naming the cycle


def test_only_ui_imports_ui() -> None:
    upward = [
        (name, other)
        for name, others in imports().items()
        for other in others
        if other.startswith("dialogue_tracker.ui") and not name.startswith("dialogue_tracker.ui")
    ]
    assert upward == []
