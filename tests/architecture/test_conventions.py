"""STYLE.md's conventions as checks: each fails with the rule's name and what to do.

The exception lists record what broke a rule when the check was introduced. They may only
shrink: an entry that no longer breaks the rule must be removed, and a listed module or
function may not grow. ``python -m tests.architecture.conventions`` prints today's state.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.architecture import conventions as c

#: module -> lines when the check came in (may only shrink)
LONG_MODULES: dict[str, int] = {}
#: 'module:function' -> lines when the check came in (may only shrink)
LONG_FUNCTIONS: dict[str, int] = {}
#: modules that still import the main window besides the composition root (may only shrink);
#: issue 15's "end the god object" emptied it: parts take Protocols from gui/shell.py
MAIN_WINDOW_IMPORTERS: set[str] = set()
#: ops module -> times it names ``Any`` (may only shrink; empty since export_ops' background
#: callbacks took workers.Progress and Cancelled)
ANY_IN_OPS: dict[str, int] = {}
#: 'module:line' of literal kind tuples still to be replaced by domain.items (may only shrink)
KIND_TUPLES: set[str] = set()
#: 'module:line' of QSettings keys still typed at the call (may only shrink)
SETTINGS_LITERALS: set[str] = set()


def _sized(
    rule: str, found: dict[str, int], allowed: dict[str, int], what: str, unit: str = "lines"
) -> list[str]:
    problems = [
        f"{rule}: {name} has {n} {unit}; {what}" for name, n in found.items() if name not in allowed
    ]
    problems += [
        f"{rule}: {name} grew from {allowed[name]} to {n} {unit}; listed exceptions may only shrink"
        for name, n in found.items()
        if name in allowed and n > allowed[name]
    ]
    problems += [
        f"{rule}: {name} now keeps the rule; remove it from the exception list in "
        "tests/architecture/test_conventions.py"
        for name in sorted(set(allowed) - set(found))
    ]
    return problems


def _listed(rule: str, found: set[str], allowed: set[str], what: str) -> list[str]:
    problems = [f"{rule}: {place}: {what}" for place in sorted(found - allowed)]
    problems += [
        f"{rule}: {place} now keeps the rule; remove it from the exception list in "
        "tests/architecture/test_conventions.py"
        for place in sorted(allowed - found)
    ]
    return problems


def test_modules_stay_within_400_lines() -> None:
    problems = _sized(
        "module-size", c.long_modules(), LONG_MODULES,
        f"split it into modules of at most {c.MAX_MODULE_LINES} lines, one idea each",
    )  # fmt: skip
    assert not problems, "\n".join(problems)


def test_functions_stay_within_40_lines() -> None:
    problems = _sized(
        "function-size", c.long_functions(), LONG_FUNCTIONS,
        f"split it into functions of at most {c.MAX_FUNCTION_LINES} lines",
    )  # fmt: skip
    assert not problems, "\n".join(problems)


def test_only_the_composition_root_imports_the_main_window() -> None:
    problems = _listed(
        "main-window-import", c.main_window_importers(), MAIN_WINDOW_IMPORTERS | {"gui/app.py"},
        "only gui/app.py may import the main window; take the collaborators you use "
        "(document, undo stack, a Protocol) and report back by signals",
    )  # fmt: skip
    assert not problems, "\n".join(problems)


def test_item_kinds_are_spelled_out_only_in_the_kinds_table() -> None:
    problems = _listed(
        "kind-tuple", c.kind_tuples(), KIND_TUPLES,
        "a literal tuple of item kinds; read govplanner.domain.items.ITEM_KINDS / KINDS",
    )  # fmt: skip
    assert not problems, "\n".join(problems)


def test_settings_keys_are_declared_once() -> None:
    problems = _listed(
        "settings-key", c.settings_literals(), SETTINGS_LITERALS,
        "a QSettings key typed at the call; declare it once in the settings spec and use it",
    )  # fmt: skip
    assert not problems, "\n".join(problems)


def test_ops_modules_name_no_any() -> None:
    problems = _sized(
        "ops-any", c.any_in_ops(), ANY_IN_OPS,
        "an Any in the window's operations; type it (a Protocol in gui/shell.py, "
        "workers.Progress and Cancelled for background work)", unit="uses of Any",
    )  # fmt: skip
    assert not problems, "\n".join(problems)


def test_menus_are_found_by_id_not_by_their_text() -> None:
    problems = _listed(
        "menu-by-text", c.menus_found_by_text(), set(),
        "a menu found by the words on it; declare the entry in gui/actions.py (or a part's "
        "ActionSpecs) and place it with MenuBook by menu id and group",
    )  # fmt: skip
    assert not problems, "\n".join(problems)


def test_gui_tests_mirror_the_gui_packages() -> None:
    problems = _listed(
        "tests-mirror", c.gui_tests_out_of_place(), set(),
        "put each GUI sub-package's tests in tests/gui/<sub-package>/ (with an __init__.py), "
        "named after the module they test",
    )  # fmt: skip
    assert not problems, "\n".join(problems)


# -- the checks themselves catch what they are for ----------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "gui").mkdir()
    return tmp_path


def test_a_401_line_module_and_a_41_line_function_are_caught(tree: Path) -> None:
    (tree / "big.py").write_text("x = 1\n" * 401, encoding="utf-8")
    body = "".join("        y = 1\n" for _ in range(40))
    (tree / "fn.py").write_text(f"class K:\n    def f(self):\n{body}", encoding="utf-8")
    assert c.long_modules(tree) == {"big.py": 401}
    assert c.long_functions(tree) == {"fn.py:K.f": 41}
    problems = _sized("module-size", c.long_modules(tree), {}, "split it")
    assert problems == ["module-size: big.py has 401 lines; split it"]


def test_an_exception_that_grew_or_was_fixed_is_reported() -> None:
    grown = _sized("module-size", {"a.py": 420}, {"a.py": 410}, "split it")
    assert grown == [
        "module-size: a.py grew from 410 to 420 lines; listed exceptions may only shrink"
    ]
    fixed = _sized("module-size", {}, {"a.py": 410}, "split it")
    assert "a.py now keeps the rule" in fixed[0]


def test_a_new_main_window_import_is_caught(tree: Path) -> None:
    (tree / "gui" / "part.py").write_text(
        "from govplanner.gui.main_window import MainWindow\n", encoding="utf-8"
    )
    (tree / "gui" / "other.py").write_text("import govplanner.gui.main_window\n", encoding="utf-8")
    assert c.main_window_importers(tree) == {"gui/part.py", "gui/other.py"}


def test_a_kind_tuple_is_caught_but_not_in_the_kinds_table(tree: Path) -> None:
    (tree / "gui" / "t.py").write_text('KINDS = ("committee", "role")\n', encoding="utf-8")
    (tree / "domain").mkdir()
    (tree / "domain" / "items.py").write_text('K = ("committee", "role")\n', encoding="utf-8")
    (tree / "gui" / "ok.py").write_text('WORDS = ("committee", "board")\n', encoding="utf-8")
    assert c.kind_tuples(tree) == {"gui/t.py:1"}


def test_a_settings_key_typed_in_a_module_is_caught(tree: Path) -> None:
    (tree / "gui" / "s.py").write_text(
        'def f(settings):\n    return settings.value("window/geometry")\n', encoding="utf-8"
    )
    (tree / "gui" / "ok.py").write_text(
        "def f(settings, key):\n    return settings.value(key)\n", encoding="utf-8"
    )
    assert c.settings_literals(tree) == {"gui/s.py:2"}


def test_a_menu_found_by_its_text_is_caught(tree: Path) -> None:
    (tree / "gui" / "m.py").write_text(
        "def file_menu(bar):\n"
        "    return next(\n"
        "        (x.menu() for x in bar.actions() if x.text().replace('&', '') == 'File'), None\n"
        "    )\n",
        encoding="utf-8",
    )
    (tree / "gui" / "ok.py").write_text(
        "def edit_menu(bar, undo):\n"
        "    return [a.menu() for a in bar.actions() if undo in a.menu().actions()]\n\n"
        "def label(action):\n"
        "    return action.text() == 'Save'\n",
        encoding="utf-8",
    )
    assert c.menus_found_by_text(tree) == {"gui/m.py:3"}


def test_an_any_in_an_ops_module_is_caught(tree: Path) -> None:
    (tree / "gui" / "editing.py").write_text(
        "from typing import Any\n\ndef add(item: Any) -> typing.Any: ...\n", encoding="utf-8"
    )
    (tree / "gui" / "dialogs.py").write_text("from typing import Any\nx: Any\n", encoding="utf-8")
    assert c.any_in_ops(tree) == {"gui/editing.py": 2}
    problems = _sized("ops-any", c.any_in_ops(tree), {}, "type it", unit="uses of Any")
    assert problems == ["ops-any: gui/editing.py has 2 uses of Any; type it"]


def test_a_gui_test_out_of_its_folder_is_caught(tmp_path: Path) -> None:
    src = tmp_path / "src"
    for package in ("diagram", "forms"):
        (src / "gui" / package).mkdir(parents=True)
        (src / "gui" / package / "__init__.py").write_text("", encoding="utf-8")
    tests = tmp_path / "tests"
    (tests / "gui" / "diagram").mkdir(parents=True)
    (tests / "gui" / "diagram" / "__init__.py").write_text("", encoding="utf-8")
    (tests / "gui" / "old").mkdir()
    (tests / "gui" / "old" / "__init__.py").write_text("", encoding="utf-8")
    (tests / "gui" / "test_diagram_cards.py").write_text("", encoding="utf-8")
    (tests / "gui" / "test_card.py").write_text(
        "from govplanner.gui.diagram.cards import Card\n", encoding="utf-8"
    )
    (tests / "gui" / "test_window.py").write_text(
        "from govplanner.gui.diagram import view\nfrom govplanner.gui import app\n",
        encoding="utf-8",
    )
    (tests / "export").mkdir()
    (tests / "export" / "test_dialog.py").write_text(
        "import govplanner.gui.dialogs\n", encoding="utf-8"
    )
    assert c.gui_tests_out_of_place(tests, src) == {
        "tests/gui/forms/ (missing)",
        "tests/gui/old/ (no gui/old/ to mirror)",
        "tests/gui/test_diagram_cards.py -> tests/gui/diagram/",
        "tests/gui/test_card.py -> tests/gui/diagram/",
        "tests/export/test_dialog.py -> tests/gui/ (it tests the GUI)",
    }
