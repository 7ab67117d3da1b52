"""The codebase's conventions (../shared/STYLE.md) as measurements, shared by the checks.

Each function returns what breaks a rule today; ``test_conventions`` compares that with the
listed exceptions, which may only shrink. ``python -m tests.architecture.conventions`` prints
the current state (to shrink a list after a clean-up).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import govplanner

PACKAGE = Path(govplanner.__file__).resolve().parent

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 40

#: The item kinds' keys: a tuple of two or more of them outside the kinds table duplicates it.
KIND_NAMES = frozenset({"tier", "stage", "organisation", "group", "committee", "role", "person"})
#: Where the kinds may be spelled out: the table itself.
KINDS_TABLE = "domain/items.py"


def modules(root: Path = PACKAGE) -> Iterator[tuple[str, Path]]:
    for path in sorted(root.rglob("*.py")):
        yield path.relative_to(root).as_posix(), path


def long_modules(root: Path = PACKAGE) -> dict[str, int]:
    """Module -> line count, for modules over the limit."""
    found = {}
    for rel, path in modules(root):
        count = len(path.read_text(encoding="utf-8").splitlines())
        if count > MAX_MODULE_LINES:
            found[rel] = count
    return found


def long_functions(root: Path = PACKAGE) -> dict[str, int]:
    """'module:Class.function' -> line count (decorators and docstring included)."""
    found = {}
    for rel, path in modules(root):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, node in _functions(tree, ""):
            count = (node.end_lineno or node.lineno) - node.lineno + 1
            if count > MAX_FUNCTION_LINES:
                found[f"{rel}:{name}"] = count
    return found


def _functions(node: ast.AST, prefix: str) -> Iterator[tuple[str, ast.AST]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            yield f"{prefix}{child.name}", child
            yield from _functions(child, f"{prefix}{child.name}.")
        elif isinstance(child, ast.ClassDef):
            yield from _functions(child, f"{prefix}{child.name}.")


def main_window_importers(root: Path = PACKAGE) -> set[str]:
    """Modules that import the main window (only the composition root should)."""
    found = set()
    for rel, path in modules(root):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(_imports_main_window(node) for node in ast.walk(tree)):
            found.add(rel)
    found.discard("gui/main_window.py")
    return found


def _imports_main_window(node: ast.AST) -> bool:
    target = "govplanner.gui.main_window"
    if isinstance(node, ast.ImportFrom):
        return node.module == target
    return isinstance(node, ast.Import) and any(a.name == target for a in node.names)


def kind_tuples(root: Path = PACKAGE) -> set[str]:
    """'module:line' of literal tuples/lists/sets naming two or more item kinds."""
    found = set()
    for rel, path in modules(root):
        if rel == KINDS_TABLE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Tuple | ast.List | ast.Set):
                names = {
                    e.value
                    for e in node.elts
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)
                }
                if len(names & KIND_NAMES) >= 2:
                    found.add(f"{rel}:{node.lineno}")
    return found


def settings_literals(root: Path = PACKAGE) -> set[str]:
    """'module:line' where a QSettings key is written as a string literal at the call."""
    found = set()
    for rel, path in modules(root):
        if not rel.startswith("gui/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("value", "setValue", "remove", "contains")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and "/" in node.args[0].value + "/"  # every key; '/' groups them
                and _is_settings(node.func.value)
            ):
                found.add(f"{rel}:{node.lineno}")
    return found


def _is_settings(target: ast.AST) -> bool:
    text = ast.unparse(target).lower()
    return "settings" in text


#: The window's operations: collaborators and callbacks typed, never ``Any``.
OPS_MODULES = ("gui/file_ops.py", "gui/export_ops.py", "gui/editing.py")


def any_in_ops(root: Path = PACKAGE) -> dict[str, int]:
    """Ops module -> how many times it names ``Any`` (imports aside), for those that do."""
    found = {}
    for rel in OPS_MODULES:
        path = root / rel
        if not path.exists():
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        count = sum(
            1
            for node in ast.walk(tree)
            if (isinstance(node, ast.Name) and node.id == "Any")
            or (isinstance(node, ast.Attribute) and node.attr == "Any")
        )
        if count:
            found[rel] = count
    return found


#: Calls that reach a menu: code that makes one of these and compares a visible text picks a
#: menu (or its entry) by the words on the screen, which change with the plan's words.
_MENU_CALLS = frozenset({"menu", "menuBar", "menuAction"})
_TEXT_CALLS = frozenset({"text", "title", "iconText"})


def menus_found_by_text(root: Path = PACKAGE) -> set[str]:
    """'module:line' where code that walks menus compares a menu's or action's visible text."""
    found = set()
    for rel, path in modules(root):
        for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if not any(_calls(node, _MENU_CALLS) for node in ast.walk(fn)):
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.Compare) and any(
                    _calls(part, _TEXT_CALLS)
                    for operand in (node.left, *node.comparators)
                    for part in ast.walk(operand)
                ):
                    found.add(f"{rel}:{node.lineno}")
    return found


def _calls(node: ast.AST, names: frozenset[str]) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in names
    )


#: The tests' own folder (``tests/``), beside this package.
TESTS = Path(__file__).resolve().parents[1]


def _gui_imports(tree: ast.AST) -> set[str]:
    """The ``govplanner.gui`` modules a test module imports (dotted names below ``gui``)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        found |= {n[len("govplanner.gui.") :] for n in names if n.startswith("govplanner.gui.")}
    return found


def gui_tests_out_of_place(tests: Path = TESTS, root: Path = PACKAGE) -> set[str]:
    """Where ``tests/gui`` does not mirror ``src/govplanner/gui``.

    Each GUI sub-package has its test folder (``tests/gui/diagram/`` for ``gui/diagram/``)
    and no test folder stands for a sub-package that is not there; a test module in
    ``tests/gui`` named after a sub-package (``test_diagram_cards.py``), or importing only
    from one, lives in that sub-package's folder; tests outside ``tests/gui`` import no GUI.
    """
    gui, found = root / "gui", set()
    packages = {p.parent.name for p in gui.glob("*/__init__.py")}
    folders = {p.parent.name for p in (tests / "gui").glob("*/__init__.py")}
    found |= {f"tests/gui/{name}/ (missing)" for name in packages - folders}
    found |= {f"tests/gui/{name}/ (no gui/{name}/ to mirror)" for name in folders - packages}
    for path in sorted((tests / "gui").glob("test_*.py")):
        stem = path.stem.removeprefix("test_")
        owners = {m.split(".")[0] for m in _gui_imports(ast.parse(path.read_text("utf-8")))}
        named = {p for p in packages if stem == p or stem.startswith(f"{p}_")}
        only = owners & packages if len(owners) == 1 else set()
        for package in named | only:
            found.add(f"tests/gui/{path.name} -> tests/gui/{package}/")
    for path in sorted(tests.rglob("test_*.py")):
        rel = path.relative_to(tests).as_posix()
        outside = not rel.startswith(("gui/", "architecture/"))
        if outside and _gui_imports(ast.parse(path.read_text("utf-8"))):
            found.add(f"tests/{rel} -> tests/gui/ (it tests the GUI)")
    return found


if __name__ == "__main__":
    import pprint

    for name in ("long_modules", "long_functions", "main_window_importers", "kind_tuples",
                 "settings_literals", "menus_found_by_text", "any_in_ops",
                 "gui_tests_out_of_place"):  # fmt: skip
        print(name)
        pprint.pprint(globals()[name](), width=100)
