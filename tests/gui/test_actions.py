"""Actions and menus as data: menus by id, entries by group, enabling derived from the table."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from govplanner.gui import actions as menus
from govplanner.gui.actions import ACTIONS, LAYOUT, ActionSpec, MenuBook, MenuSpec


def _texts(menu: QMenu) -> list[str]:
    """A menu's entries as the user reads them; '-' for a separator."""
    return ["-" if a.isSeparator() else a.text() for a in menu.actions()]


def _built(qtbot: Any) -> tuple[QMainWindow, menus.Actions, MenuBook, list[str]]:
    window = QMainWindow()
    qtbot.addWidget(window)
    called: list[str] = []
    slots = {s.id: (lambda i=s.id: called.append(i)) for s in ACTIONS}
    actions = menus.build_actions(window, slots, QUndoStack(window))
    return window, actions, menus.build_menus(window.menuBar(), actions), called


def test_every_declared_entry_has_one_id_and_a_declared_menu() -> None:
    ids = [entry.id for entry in LAYOUT]
    assert len(ids) == len(set(ids))
    menu_ids = {entry.id for entry in LAYOUT if isinstance(entry, MenuSpec)}
    for entry in LAYOUT:
        parent = entry.menu if isinstance(entry, ActionSpec) else entry.parent
        assert parent is None or parent in menu_ids, entry


def test_menus_follow_the_declarations_with_groups_set_apart(qtbot: Any) -> None:
    _window, actions, book, called = _built(qtbot)
    assert _texts(book.menu("file")) == [
        "&New from preset…", "&Open…", "Open &Example", "Open &Recent", "-",
        "&Save", "Save &As…", "-",
        "&Import register…", "Export re&gister…", "E&xport", "-",
        "&Close", "&Quit",
    ]  # fmt: skip
    assert _texts(book.menu("file.export"))[1:] == [
        "&Gap report…",
        "-",
        "Diagram as &PNG picture…",
        "Diagram as &SVG drawing…",
    ]
    assert actions.examples_menu is book.menu("file.examples")
    actions.gap_report.trigger()
    assert called == ["gap_report"]


def test_needing_an_open_plan_is_read_from_the_declarations(qtbot: Any) -> None:
    _window, actions, _book, _called = _built(qtbot)
    needing = {s.id for s in ACTIONS if s.needs_plan}
    assert {"save", "delete", "export_roles_pdf"} <= needing
    assert {"new", "open", "quit", "undo"}.isdisjoint(needing)
    assert set(actions.plan_actions()) == {actions.by_id[i] for i in needing}


def test_a_part_adds_its_entries_by_menu_id_and_group(qtbot: Any) -> None:
    window, actions, book, _called = _built(qtbot)
    later = ActionSpec("scenario", "Sa&ve as scenario…", "file", "save", needs_plan=True)
    scenario = QAction(later.text, window)
    book.add(later, scenario, actions)
    texts = _texts(book.menu("file"))
    assert texts[texts.index("Save &As…") + 1] == "Sa&ve as scenario…"
    assert scenario in actions.plan_actions()
    merge = QAction("&Merge plans…", window)
    book.place(merge, "file", "exchange", after=actions.import_register)
    texts = _texts(book.menu("file"))
    assert texts[texts.index("&Import register…") + 1] == "&Merge plans…"
    plan = book.add_menu(MenuSpec("plan", "Plan"), before="view")
    tops = [a.text() for a in window.menuBar().actions()]
    assert tops == ["&File", "&Edit", "Plan", "&View", "&Help"]
    book.place(QAction("Timeline", window), "plan", "propose")
    book.place(QAction("Report", window), "plan", "reports")
    assert _texts(plan) == ["Timeline", "-", "Report"]
