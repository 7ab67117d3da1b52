"""Help inside the app: the packaged guide covers every finding code and function, the Help
menu opens it, F1 opens it at the selected finding's code or heatmap cell's function, and the
shortcut list comes from the window's own actions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtTest import QTest

from govplanner.domain.enums import FUNCTIONS
from govplanner.files.planfile import save_plan
from govplanner.gui.help_menu import HelpMenu, shortcut_rows
from govplanner.gui.help_window import HelpWindow, guide_html, guide_sections
from govplanner.gui.main_window import MainWindow
from tests.gui.conftest import small_plan_builder

RULES = Path(__file__).resolve().parents[2] / "src" / "govplanner" / "analysis" / "rules"
DOMAIN_CODES = {
    "GAP001", "GAP002", "GAP003", "CLN001", "PRO001", "LOD001", "LOD002", "DEV001", "STR001",
    "STR002", "STR003", "STR004", "STR005", "TRM001", "TRM002", "QRM001", "QRM002", "DEP001",
}  # fmt: skip


@pytest.fixture
def opened(window: MainWindow, tmp_path: Path) -> MainWindow:
    path = tmp_path / "small.govplan"
    save_plan(small_plan_builder().build(), path)
    assert window.files.open_path(str(path))
    window.live.refresh()
    return window


def _help(window: MainWindow) -> HelpMenu:
    found = window.findChild(HelpMenu, "helpMenu")
    assert isinstance(found, HelpMenu)
    return found


def _emitted_codes() -> set[str]:
    text = "".join(p.read_text(encoding="utf-8") for p in RULES.glob("*.py"))
    return set(re.findall(r'"([A-Z]{3}\d{3})"', text))


def test_the_guide_explains_every_finding_code_the_analysis_raises() -> None:
    anchors = {anchor for anchor, _title, _level in guide_sections(guide_html())}
    codes = _emitted_codes() | DOMAIN_CODES
    assert codes >= DOMAIN_CODES
    assert codes - anchors == set()
    text = guide_html()
    for code in codes:  # each section says how to close the finding
        section = text.split(f'<a name="{code}"></a>')[1].split("<h3>")[0]
        assert "To close it:" in " ".join(section.split()), code


def test_the_guide_covers_functions_and_names_its_sources() -> None:
    text = " ".join(guide_html().split())
    anchors = {anchor for anchor, _title, _level in guide_sections(text)}
    assert {f"fn-{f.value}" for f in FUNCTIONS} <= anchors
    assert {"build", "heatmap", "kinds", "membership", "defaults", "changing"} <= anchors
    assert "Waring" in text
    assert "BMJ Leader" in text
    assert "2023" in text
    assert "NHS England" in text
    assert "2021" in text
    assert "$." not in text


def test_the_guide_ships_in_the_package() -> None:
    """pyproject's package data takes resources/**/*: the guide must live under it."""
    import govplanner

    guide = Path(govplanner.__file__).parent / "resources" / "help" / "guide.html"
    assert guide.is_file()
    pyproject = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text()
    assert '"resources/**/*"' in pyproject


def test_help_menu_offers_guide_codes_shortcuts_and_about(window: MainWindow) -> None:
    help_menu = _help(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["&User guide", "&Finding codes", "&Keyboard shortcuts", "&About govplanner"]
    assert help_menu.guide.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    shown = help_menu.show("findings")
    assert shown.isVisible()
    assert shown.contents.currentItem().data(Qt.ItemDataRole.UserRole) == "findings"
    shown.close()


def test_f1_with_nothing_selected_opens_the_guide_at_the_top(
    qtbot: Any, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F1)
    shown = _help(window).help_window
    assert shown is not None
    assert shown.isVisible()
    assert shown.browser.verticalScrollBar().value() == 0
    shown.close()


def test_f1_on_a_selected_finding_opens_its_code(qtbot: Any, opened: MainWindow) -> None:
    panel = opened.findings
    model = panel.model
    rows = [model.finding_at(r) for r in range(model.rowCount())]
    target = next(f for f in rows if f is not None and f.code == "GAP001")
    panel.view.setCurrentIndex(model.index(rows.index(target), 0))
    opened.findings_dock.show()
    opened.activateWindow()
    qtbot.waitUntil(opened.isActiveWindow)
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    QTest.keyClick(panel.view, Qt.Key.Key_F1)
    shown = _help(opened).help_window
    assert shown is not None
    assert shown.isVisible()
    assert shown.contents.currentItem().data(Qt.ItemDataRole.UserRole) == "GAP001"
    assert shown.browser.verticalScrollBar().value() > 0  # scrolled down to the section
    shown.close()


def test_f1_on_a_heatmap_cell_opens_its_function(qtbot: Any, opened: MainWindow) -> None:
    opened.tabs.setCurrentWidget(opened.coverage)
    table = opened.coverage.table
    table.setCurrentIndex(table.model().index(0, 3))
    opened.activateWindow()
    qtbot.waitUntil(opened.isActiveWindow)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    assert _help(opened).context_anchor() == f"fn-{FUNCTIONS[3].value}"
    QTest.keyClick(table, Qt.Key.Key_F1)
    shown = _help(opened).help_window
    assert shown is not None
    assert shown.contents.currentItem().data(Qt.ItemDataRole.UserRole) == "fn-relational"


def test_shortcut_list_is_read_from_the_actions(opened: MainWindow) -> None:
    opened.undo_stack.push(QUndoCommand("Change sessions per week of role X"))
    rows = shortcut_rows(opened)  # Undo's menu text now names the step; the list does not
    assert ("Edit", "Undo") in {(where, what) for where, what, _keys in rows}
    assert not [what for _where, what, _keys in rows if what.startswith("Undo ")]
    by_what = {what: keys for _where, what, keys in rows}
    assert by_what["Undo"] == QKeySequence(QKeySequence.StandardKey.Undo).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert "Ctrl+Y" in by_what["Redo"]
    assert "Ctrl+Shift+Z" in by_what["Redo"]
    assert by_what["User guide"] == "F1"
    assert "Find in this page" in by_what
    # A new action appears in the list without anyone typing it in.
    extra = QAction("Frobnicate", opened)
    extra.setShortcut(QKeySequence("Ctrl+Alt+F9"))
    opened.addAction(extra)
    assert ("Main window", "Frobnicate", "Ctrl+Alt+F9") in shortcut_rows(opened)
    shown = _help(opened).show("shortcuts", fresh=True)
    assert "Frobnicate" in shown.browser.toPlainText()
    assert "Ctrl+Shift+R" in shown.browser.toPlainText()
    shown.close()


def test_find_box_moves_through_matches_and_wraps(qtbot: Any) -> None:
    win = HelpWindow(guide_html())
    qtbot.addWidget(win)
    win.show()
    win.find_box.setText("quorum")
    assert win.find_next(from_top=True)
    first = win.browser.textCursor().position()
    assert win.browser.textCursor().selectedText().casefold() == "quorum"
    assert win.find_next()
    assert win.browser.textCursor().position() != first
    for _ in range(10):  # wraps round rather than stopping at the end
        assert win.find_next()
    win.find_box.setText("no such words anywhere")
    assert not win.find_next()
    assert win.found.text() == "Not found"


def test_contents_list_jumps_to_a_section(qtbot: Any) -> None:
    win = HelpWindow(guide_html())
    qtbot.addWidget(win)
    win.show()
    row = next(
        n
        for n in range(win.contents.count())
        if win.contents.item(n).data(Qt.ItemDataRole.UserRole) == "DEP001"
    )
    win.contents.setCurrentRow(row)
    assert win.browser.verticalScrollBar().value() > 0
    top = win.browser.cursorForPosition(win.browser.viewport().rect().topLeft())
    top.select(top.SelectionType.LineUnderCursor)
    assert "DEP001" in top.selectedText()


def test_help_window_fits_the_screen_and_works_from_the_keyboard(qtbot: Any) -> None:
    win = HelpWindow(guide_html())
    qtbot.addWidget(win)
    win.show_section("GAP002")
    qtbot.waitUntil(win.isActiveWindow)
    free = win.screen().availableGeometry()
    assert win.frameGeometry().width() <= free.width()
    assert win.frameGeometry().height() <= free.height()
    QTest.keyClick(win.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.find_box.hasFocus()
    QTest.keyClicks(win.find_box, "deputy")
    QTest.keyClick(win.find_box, Qt.Key.Key_Return)
    assert win.browser.textCursor().selectedText().casefold() == "deputy"
    win.contents.setFocus()
    win.contents.setCurrentRow(0)
    QTest.keyClick(win.contents, Qt.Key.Key_Down)
    assert win.contents.currentItem().data(Qt.ItemDataRole.UserRole) == "heatmap"


def test_the_heatmap_section_uses_the_heatmaps_own_words() -> None:
    from govplanner.gui.rag import Rag

    section = guide_html().split('<a name="heatmap"></a>')[1].split("<h2>")[0]
    for rag in Rag:
        assert f"<b>{rag.value}</b>" in section, rag


def test_enter_in_the_find_box_moves_on_to_the_next_match(qtbot: Any) -> None:
    """Found at 1366x768: Enter found the next match and also pressed Previous, the dialog's
    default button, so the selection never moved."""
    win = HelpWindow(guide_html())
    qtbot.addWidget(win)
    win.show_section("top")
    qtbot.waitUntil(win.isActiveWindow)
    win.find_box.setFocus()
    qtbot.waitUntil(win.find_box.hasFocus)
    QTest.keyClicks(win.find_box, "quorum")
    seen = [win.browser.textCursor().position()]
    for _ in range(3):
        QTest.keyClick(win.find_box, Qt.Key.Key_Return)
        qtbot.wait(300)  # longer than a default button's press animation
        seen.append(win.browser.textCursor().position())
    assert seen == sorted(set(seen))  # each Enter went forward to a new match
