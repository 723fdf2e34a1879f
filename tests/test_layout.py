"""The layout the README describes: imports go one way, in no circle, and modules stay small."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGES = {"honours": ROOT / "plugins" / "honours", "editor": ROOT / "editor", "devtools": ROOT / "devtools"}
MAX_LINES = 400
LONGER = ()  # no exceptions


def module_name(package: str, folder: Path, path: Path) -> str:
    parts = [package, *path.relative_to(folder).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Each module of the three packages -> the modules of the three packages it imports."""
    found: dict[str, set[str]] = {}
    for package, folder in PACKAGES.items():
        for path in folder.rglob("*.py"):
            name = module_name(package, folder, path)
            base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
            targets = set()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom):
                    module = ".".join([*base[: len(base) - node.level + 1], node.module or ""]).strip(".")
                    targets.add(module if node.level else node.module or "")
                    targets.update(f"{module}.{alias.name}" for alias in node.names)
                elif isinstance(node, ast.Import):
                    targets.update(alias.name for alias in node.names)
            found[name] = targets
    return {name: {t for t in targets if t in found and t != name} for name, targets in found.items()}


def test_the_plugin_imports_neither_the_editors_commands_nor_the_development_tools():
    wrong = sorted((name, target) for name, targets in imports().items() if name.startswith("honours")
                   for target in targets if target.startswith(("editor", "devtools")))
    assert wrong == []


def test_no_module_imports_itself_through_others():
    graph = imports()
    # A package's __init__ importing its own modules is how packages work, not a circle.
    graph = {name: {t for t in targets if not name.startswith(f"{t}.")} for name, targets in graph.items()}
    circles = []

    def visit(name: str, path: list[str], state: dict[str, int]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                circles.append(" -> ".join([*path[path.index(target):], target]))
            elif not state.get(target):
                visit(target, [*path, target], state)
        state[name] = 2

    state: dict[str, int] = {}
    for name in sorted(graph):
        if not state.get(name):
            visit(name, [name], state)
    assert circles == []


def test_no_module_is_over_400_lines():
    long = []
    for path in [*ROOT.glob("*.py"), *(f for folder in ("plugins", "editor", "devtools", "tests")
                                      for f in (ROOT / folder).rglob("*.py"))]:
        relative = path.relative_to(ROOT).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES and relative not in LONGER:
            long.append(f"{relative}: {lines}")
    assert long == []
