"""The keyboard: both redo keys redo, each key reaches one action, Ctrl+F finds the page's
filter, Tab leaves every table, a tab switch moves the focus into the page, focused tables show
it, and no two items of a menu or dialog share an Alt+letter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QTabWidget,
    QWidget,
)

from govplanner.files.planfile import save_plan
from govplanner.gui.main_window import MainWindow
from tests.gui.conftest import small_plan_builder

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def opened(qtbot: Any, window: MainWindow, tmp_path: Path) -> MainWindow:
    path = tmp_path / "small.govplan"
    save_plan(small_plan_builder().build(), path)
    assert window.files.open_path(str(path))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _focus(qtbot: Any, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def _rename_first_committee(window: MainWindow, name: str) -> None:
    model = window.committees.model
    assert model.setData(model.index(0, 0), name)


@pytest.mark.parametrize(("key", "modifiers"), [(Qt.Key.Key_Y, CTRL), (Qt.Key.Key_Z, CTRL | SHIFT)])
def test_each_redo_key_redoes(qtbot: Any, opened: MainWindow, key: Any, modifiers: Any) -> None:
    """Ctrl+Y and Ctrl+Shift+Z both redo (an ambiguous shortcut would fire neither and warn,
    and Qt warnings fail these tests)."""
    opened.tabs.setCurrentWidget(opened.committees)
    old = opened.document.plan.committees[0].name
    _rename_first_committee(opened, "NHS Board")
    _focus(qtbot, opened.committees.view)
    QTest.keyClick(opened.committees.view, Qt.Key.Key_Z, CTRL)
    assert opened.document.plan.committees[0].name == old
    QTest.keyClick(opened.committees.view, key, modifiers)
    assert opened.document.plan.committees[0].name == "NHS Board"


def test_no_key_is_bound_to_two_actions(opened: MainWindow) -> None:
    """Two window-wide actions on one key make Qt give up on both ('ambiguous overload')."""
    owners: dict[str, list[str]] = {}
    for action in opened.findChildren(QAction):
        if action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut:
            continue  # active only inside its own widget (Delete in the tables)
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.text())
    twice = {key: texts for key, texts in owners.items() if len(texts) > 1}
    assert twice == {}


def test_ctrl_f_goes_to_the_current_pages_filter(qtbot: Any, opened: MainWindow) -> None:
    for page in (opened.committees, opened.roles, opened.people):
        opened.tabs.setCurrentWidget(page)
        _focus(qtbot, page.view)
        page.filter.setText("abc")
        QTest.keyClick(page.view, Qt.Key.Key_F, CTRL)
        assert page.filter.hasFocus()
        assert page.filter.selectedText() == "abc"  # typing replaces the old filter
        page.filter.clear()
    # The organisations tab has two tables: the filter of the one being used.
    opened.tabs.setCurrentWidget(opened.bodies)
    _focus(qtbot, opened.groups.view)
    QTest.keyClick(opened.groups.view, Qt.Key.Key_F, CTRL)
    assert opened.groups.filter.hasFocus()


def test_ctrl_f_on_a_page_without_a_filter_says_so(qtbot: Any, opened: MainWindow) -> None:
    opened.tabs.setCurrentWidget(opened.coverage)
    _focus(qtbot, opened.coverage.table)
    QTest.keyClick(opened.coverage.table, Qt.Key.Key_F, CTRL)
    assert opened.coverage.table.hasFocus()
    assert opened.statusBar().currentMessage() == "This page has no filter box."


def test_tab_leaves_the_heatmap_and_every_table(qtbot: Any, opened: MainWindow) -> None:
    views = [
        v
        for v in opened.findChildren(QAbstractItemView)
        if not isinstance(v.parentWidget(), QComboBox)
    ]
    assert opened.coverage.table in views
    assert [v for v in views if v.tabKeyNavigation()] == []
    opened.tabs.setCurrentWidget(opened.coverage)
    table = opened.coverage.table
    table.setCurrentIndex(table.model().index(0, 0))
    _focus(qtbot, table)
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    assert table.currentIndex().column() == 0  # Tab did not move between cells


def test_switching_tabs_moves_the_focus_into_the_page(qtbot: Any, opened: MainWindow) -> None:
    opened.tabs.setCurrentWidget(opened.committees)
    _focus(qtbot, opened.committees.view)
    roles_at = opened.tabs.indexOf(opened.roles)
    QTest.keyClick(opened.committees.view, Qt.Key(Qt.Key.Key_1 + roles_at), CTRL)
    assert opened.tabs.currentWidget() is opened.roles
    assert opened.roles.view.hasFocus()
    QTest.keyClick(opened.roles.view, Qt.Key(Qt.Key.Key_1 + 0), CTRL)
    assert opened.coverage.table.hasFocus()


def test_arrow_keys_on_the_tab_bar_stay_on_the_tab_bar(qtbot: Any, opened: MainWindow) -> None:
    opened.tabs.setCurrentIndex(0)
    bar = opened.tabs.tabBar()
    _focus(qtbot, bar)
    QTest.keyClick(bar, Qt.Key.Key_Right)
    assert opened.tabs.currentIndex() == 1
    assert bar.hasFocus()


def test_clicking_a_tab_moves_the_focus_into_its_page(qtbot: Any, opened: MainWindow) -> None:
    opened.tabs.setCurrentWidget(opened.committees)
    _focus(qtbot, opened.committees.view)
    bar = opened.tabs.tabBar()
    people = bar.tabRect(opened.tabs.indexOf(opened.people)).center()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, people)
    assert opened.tabs.currentWidget() is opened.people
    assert opened.people.view.hasFocus()


def test_choosing_in_the_tree_keeps_the_focus_in_the_tree(qtbot: Any, opened: MainWindow) -> None:
    tree = opened.structure.findChild(QAbstractItemView)
    assert tree is not None
    opened.tabs.setCurrentWidget(opened.coverage)
    _focus(qtbot, tree)
    opened.select_subject("committee", opened.document.plan.committees[0].id)
    assert opened.tabs.currentWidget() is opened.committees
    assert tree.hasFocus()


def test_a_focused_table_shows_it(qtbot: Any, opened: MainWindow) -> None:
    opened.tabs.setCurrentWidget(opened.committees)
    view = opened.committees.view
    _focus(qtbot, opened.committees.filter)
    without = view.grab().toImage()
    _focus(qtbot, view)
    with_focus = view.grab().toImage()
    assert without != with_focus
    highlight = view.palette().highlight().color()
    assert with_focus.pixelColor(0, view.height() // 2) == highlight  # the frame's left edge


# -- mnemonics ----------------------------------------------------------------------------------


def _mnemonic(text: str) -> str | None:
    clean = text.replace("&&", "")
    at = clean.find("&")
    return clean[at + 1].lower() if 0 <= at < len(clean) - 1 else None


def _clashes(entries: list[str]) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = {}
    for text in entries:
        letter = _mnemonic(text)
        if letter:
            by_letter.setdefault(letter, []).append(text)
    return {k: v for k, v in by_letter.items() if len(v) > 1}


def _menus(window: MainWindow) -> list[tuple[str, QMenu]]:
    found: list[tuple[str, QMenu]] = []

    def walk(menu: QMenu, where: str) -> None:
        found.append((where, menu))
        for action in menu.actions():
            if isinstance(action.menu(), QMenu):
                walk(action.menu(), f"{where} > {action.text()}")

    for top in window.menuBar().actions():
        walk(top.menu(), top.text())
    return found


def _menu_clashes(window: MainWindow) -> dict[str, Any]:
    problems: dict[str, Any] = {}
    bar = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    if _clashes(bar):
        problems["menu bar"] = _clashes(bar)
    for where, menu in _menus(window):
        texts = [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]
        if _clashes(texts):
            problems[where] = _clashes(texts)
    return problems


def test_no_two_items_of_a_menu_share_a_letter(opened: MainWindow) -> None:
    assert _menu_clashes(opened) == {}
    assert {where for where, _menu in _menus(opened)} >= {"&File", "&Edit", "&View", "&Help"}


def _dialog_texts(dialog: QWidget) -> list[str]:
    """Alt+letter owners visible in the dialog now: labels with buddies, buttons, group boxes,
    and the tabs of its tab widgets."""
    texts: list[str] = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(n) for n in range(widget.count())]
    return texts


def _walk_dialog(dialog: QDialog) -> dict[str, Any]:
    """Every page of every tab widget in turn, each checked with what stays in view."""
    problems: dict[str, Any] = {}
    tab_widgets = dialog.findChildren(QTabWidget) or [None]
    for tabs in tab_widgets:
        for n in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(n)
            clash = _clashes(_dialog_texts(dialog))
            if clash:
                page = tabs.tabText(n) if tabs is not None else ""
                problems[f"{dialog.windowTitle()} {page}"] = clash
    return problems


def test_no_two_items_of_a_dialog_share_a_letter(qtbot: Any, opened: MainWindow) -> None:
    from govplanner.gui.dialogs import AcceptDialog, NewPlanDialog
    from govplanner.gui.help_window import HelpWindow, guide_html
    from govplanner.gui.messages import ProblemDialog
    from govplanner.gui.planning.words_dialog import PlanWordsDialog
    from govplanner.gui.restructure.merge_dialog import MergeDialog
    from govplanner.gui.restructure.reduce_dialog import ReduceDialog
    from govplanner.gui.restructure.timeline_dialog import TimelineDialog
    from govplanner.gui.settings_dialog import SettingsDialog
    from govplanner.gui.tiers_stages_dialog import TiersStagesDialog

    document, stack = opened.document, opened.undo_stack
    finding = opened.live.refresh().findings[0]
    dialogs: list[QDialog] = [
        SettingsDialog(document, stack, opened),
        TiersStagesDialog(document, stack, opened),
        NewPlanDialog(opened),
        AcceptDialog(finding, opened),
        HelpWindow(guide_html(), opened),
        ProblemDialog(opened, "Problems", "Two problems:\n- one\n- two", "Where: here"),
        PlanWordsDialog(document, opened),
        ReduceDialog(opened, document.plan),
        MergeDialog(opened),
        TimelineDialog(opened),
    ]
    problem_dialog = next(d for d in dialogs if isinstance(d, ProblemDialog))
    problem_dialog.add_action("&Import register…", lambda: None)
    problems: dict[str, Any] = {}
    for dialog in dialogs:
        dialog.show()
        problems |= _walk_dialog(dialog)
        dialog.close()
        dialog.deleteLater()
    assert problems == {}


def test_no_menu_shares_a_letter_with_a_tab_across_the_window(opened: MainWindow) -> None:
    """Alt+letter works window-wide: a menu's letter must not also be a tab's. (The Plan menu
    has none: every letter of its name is taken on some page; F10 or Alt, then the arrow keys,
    reach it.)"""
    bar = [a.text() for a in opened.menuBar().actions() if a.isVisible()]
    assert [text for text in bar if not _mnemonic(text)] == ["Plan"]
    tabs = [opened.tabs.tabText(n) for n in range(opened.tabs.count())]
    assert _clashes(bar + tabs) == {}
