"""Layers point inward: only govplanner.gui imports Qt, so the core runs without a display."""

from __future__ import annotations

import ast
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import govplanner

PACKAGE = Path(govplanner.__file__).resolve().parent
#: The one module outside gui allowed to use Qt, and only lazily, inside a function.
LAZY_QT_MODULES = {"export/pdf.py"}


def _top_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _all_imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _core_files() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "gui" not in p.relative_to(PACKAGE).parts]


def test_no_core_module_imports_qt():
    offenders = []
    for path in _core_files():
        rel = path.relative_to(PACKAGE).as_posix()
        imports = _top_level_imports(path) if rel in LAZY_QT_MODULES else _all_imports(path)
        if any(name.split(".")[0] == "PySide6" for name in imports):
            offenders.append(rel)
    assert offenders == []


def test_domain_and_analysis_import_nothing_from_outer_layers():
    inner = ("domain", "analysis")
    outer = ("govplanner.gui", "govplanner.cli", "govplanner.export", "govplanner.files")
    offenders = []
    for path in _core_files():
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in inner:
            bad = [n for n in _all_imports(path) if n.startswith(outer)]
            if rel.parts[0] == "domain":
                bad += [n for n in _all_imports(path) if n.startswith("govplanner.analysis")]
            if bad:
                offenders.append((rel.as_posix(), bad))
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = [
        m.name
        for m in pkgutil.walk_packages([str(PACKAGE)], prefix="govplanner.")
        if not m.name.startswith("govplanner.gui") and m.name != "govplanner.__main__"
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "assert not qt, qt\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert len(modules) > 20  # the walk really found the package


def test_the_window_modules_load_no_heavy_library_before_first_paint():
    # The window paints before the domain loads (see gui/app.py); a module-level import of
    # pydantic, openpyxl, python-docx or jinja2 in what builds it would slow every start.
    code = (
        "import sys\n"
        "import govplanner.gui.app, govplanner.gui.main_window\n"
        "import govplanner.gui.actions, govplanner.gui.file_ops, govplanner.gui.welcome\n"
        "heavy = ('pydantic', 'openpyxl', 'docx', 'jinja2', 'lxml')\n"
        "loaded = [m for m in heavy if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
