"""The import graph of ``analysis/``: no cycles, and no module uses another module's ``_private`` names.

The graph is built from the source with the standard library's ``ast``, without importing anything.

What counts as an import of module B by module A (an edge A -> B):

* every ``import B`` and ``from B import x`` in A, **at module level and inside functions** alike. A
  function-level import only defers the cycle to the first call: the two modules still cannot be
  understood, tested or moved apart, and an import inside a function is how cycles are usually hidden;
* ``from package import name`` where ``package.name`` is a module counts as importing that module;
  otherwise it is an import of the package (its ``__init__``);
* relative imports are resolved against A's package.

What does not count:

* imports under ``if TYPE_CHECKING:`` (they never run);
* imports inside a module-level ``__getattr__`` (PEP 562): that is how a moved name is kept as a
  deprecated alias in its old module; it runs only when a caller asks for the old name, after both
  modules are loaded, and the alias goes away after one release.

A package's ``__init__`` importing its own submodules (to re-export them) is an edge like any other;
a cycle then means a submodule imports its own package's ``__init__`` back.

A private name is one starting with a single underscore (``_name``, not ``__dunder__``). Module A
uses module B's private name when A imports it (``from B import _name``) or reads it as an attribute of
B (``B._name`` after ``import B`` or ``from package import B``). Modules of one package whose name
starts with an underscore (``charts/_base.py``) are that package's private modules: its other modules
may import them and their public names, nobody else may.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "analysis"
ROOT = Path(__file__).resolve().parents[1] / PACKAGE


def module_name(path: Path, root: Path = ROOT) -> str:
    """``analysis.scale.store`` for ``analysis/scale/store.py``; a package is named by its ``__init__``."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules(root: Path = ROOT) -> dict[str, Path]:
    """Every module of the package: dotted name -> file."""
    return {module_name(path, root): path for path in sorted(root.rglob("*.py"))}


@dataclass(frozen=True)
class Use:
    """One use of another module: ``module`` imported at ``line``, and the names taken from it."""

    module: str
    line: int
    names: tuple[str, ...] = ()


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _counted_nodes(tree: ast.Module) -> list[ast.AST]:
    """Every node of ``tree`` except those under ``if TYPE_CHECKING:`` and in a module-level ``__getattr__``."""
    out: list[ast.AST] = []
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        out.append(node)
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                stack.extend(child.orelse)
                continue
            if node is tree and isinstance(child, ast.FunctionDef) and child.name == "__getattr__":
                continue
            stack.append(child)
    return out


def _absolute(name: str | None, level: int, current: str, is_package: bool) -> str:
    if not level:
        return name or ""
    base = current.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def uses(path: Path, modules: dict[str, Path], root: Path = ROOT) -> list[Use]:
    """The modules of the package that ``path`` uses, each with the names it takes from it: imported
    names (``from m import a``) and attributes read from a module bound to a name (``m.a``)."""
    current = module_name(path, root)
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[Use] = []
    bound: dict[str, str] = {}  # local name -> module it is bound to (for m._name attribute reads)
    nodes = _counted_nodes(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] != PACKAGE:
                    continue
                found.append(Use(alias.name, node.lineno))
                if alias.asname:
                    bound[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(node.module, node.level, current, is_package)
            if source.split(".")[0] != PACKAGE:
                continue
            plain = []
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                if submodule in modules:  # from package import module
                    found.append(Use(submodule, node.lineno))
                    bound[alias.asname or alias.name] = submodule
                else:
                    plain.append(alias.name)
            if plain or not node.names:
                found.append(Use(source, node.lineno, tuple(plain)))
    for node in nodes:
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in bound:
            found.append(Use(bound[node.value.id], node.lineno, (node.attr,)))
    # importing a.b.c from outside the package a.b runs a.b's __init__ first: an import of a.b too
    for use in list(found):
        parent = use.module.rpartition(".")[0]
        while parent and parent != PACKAGE and not (current == parent or current.startswith(parent + ".")):
            found.append(Use(parent, use.line))
            parent = parent.rpartition(".")[0]
    return [use for use in found if use.module in modules and use.module != current]


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """module -> the modules of the package it imports (see the module docstring for what counts)."""
    modules = package_modules(root)
    return {name: {use.module for use in uses(path, modules, root)} for name, path in modules.items()}


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (``[a, b, ..., a]``) per strongly connected component of more than one module (or a
    module importing itself), found with Tarjan's algorithm; sorted so the output is stable."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
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
            if len(component) > 1 or node in graph.get(node, ()):
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(_cycle_through(component, graph) for component in components)


def _cycle_through(component: list[str], graph: dict[str, set[str]]) -> list[str]:
    """A shortest cycle through the first module of a strongly connected component (breadth first)."""
    start, members = component[0], set(component)
    previous: dict[str, str] = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in members:
                continue
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    return component


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _may_use_private(user: str, module: str) -> bool:
    """A private module (``_base``) may be used by its package's ``__init__`` and other modules."""
    parent, _, leaf = module.rpartition(".")
    return _private(leaf) and parent in (user, user.rpartition(".")[0])


def private_uses(root: Path = ROOT) -> list[str]:
    """``"file:line uses module._name"`` for every use of another module's private name, and
    ``"file:line uses the private module m"`` for a private module used from outside its package."""
    modules = package_modules(root)
    found = set()
    for user, path in modules.items():
        relative = path.relative_to(root.parent)
        for use in uses(path, modules, root):
            if _private(use.module.rpartition(".")[2]) and not _may_use_private(user, use.module):
                found.add(f"{relative}:{use.line} uses the private module {use.module}")
            found.update(f"{relative}:{use.line} uses {use.module}.{name}" for name in use.names if _private(name))
    return sorted(found)


# ---------------------------------------------------------------------------------------------- tests


def test_the_package_has_no_import_cycles():
    cycles = find_cycles(import_graph())
    assert not cycles, "import cycles (function-level imports count):\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_no_module_uses_another_modules_private_names():
    found = private_uses()
    assert not found, "private names used across modules (make a public helper):\n" + "\n".join(found)


# -------------------------------------------------------------------- the checks themselves, on fixtures


def _write(root: Path, files: dict[str, str]) -> Path:
    package = root / PACKAGE
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


def test_a_function_level_import_closes_a_cycle_and_is_named(tmp_path):
    package = _write(tmp_path, {
        "__init__.py": "",
        "a.py": "from analysis.b import f\n",
        "b.py": "def f():\n    from analysis import c\n    return c\n",
        "c.py": "import analysis.a\n",
        "d.py": "from analysis.a import f\n",
    })
    graph = import_graph(package)
    assert graph["analysis.b"] == {"analysis.c"}
    assert find_cycles(graph) == [["analysis.a", "analysis.b", "analysis.c", "analysis.a"]]


def test_type_checking_and_getattr_aliases_do_not_count(tmp_path):
    package = _write(tmp_path, {
        "__init__.py": "",
        "a.py": "import analysis.b\n",
        "b.py": ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from analysis.a import X\n"
                 "def __getattr__(name):\n    from analysis.a import old\n    return old\n"),
    })
    assert find_cycles(import_graph(package)) == []


def test_relative_imports_and_a_package_importing_itself_back(tmp_path):
    package = _write(tmp_path, {
        "__init__.py": "from analysis.sub import g\n",
        "sub/__init__.py": "from .inner import g\n",
        "sub/inner.py": "from .. import x\n",
    })
    graph = import_graph(package)
    assert graph["analysis.sub"] == {"analysis.sub.inner"}
    assert graph["analysis.sub.inner"] == {"analysis"}
    assert find_cycles(graph) == [["analysis", "analysis.sub", "analysis.sub.inner", "analysis"]]


def test_private_names_imported_or_read_as_attributes_are_found(tmp_path):
    package = _write(tmp_path, {
        "__init__.py": "",
        "a.py": "_secret = 1\npublic = 2\n",
        "b.py": "from analysis.a import _secret, public\n",
        "c.py": "def f():\n    from analysis import a\n    return a._secret + a.public\n",
        "d.py": "import analysis.a as m\nx = m._secret\n",
        "charts/__init__.py": "from analysis.charts._base import figure\n",
        "charts/_base.py": "def figure():\n    pass\ndef _helper():\n    pass\n",
        "charts/_bars.py": "from analysis.charts._base import figure, _helper\n",
        "e.py": "from analysis.charts._base import figure\n",
    })
    assert private_uses(package) == [
        "analysis/b.py:1 uses analysis.a._secret",
        "analysis/c.py:3 uses analysis.a._secret",
        "analysis/charts/_bars.py:1 uses analysis.charts._base._helper",
        "analysis/d.py:2 uses analysis.a._secret",
        "analysis/e.py:1 uses the private module analysis.charts._base",
    ]


@pytest.mark.parametrize("files", [{"__init__.py": "", "a.py": "from analysis.b import _x\n", "b.py": "_x = 1\n"}])
def test_the_private_check_fails_on_the_package_when_one_is_added(tmp_path, files):
    assert private_uses(_write(tmp_path, files)) == ["analysis/a.py:1 uses analysis.b._x"]
