"""No control character gets in through a text box (issue 16): pasted or typed into any box of
any form or dialog, escape, bell, C1 controls and bidi overrides are taken out at once, the
user is told, and the plan never holds one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractListModel, QEventLoop, QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QToolTip,
    QWidget,
)

from govplanner.files.planfile import load_plan
from govplanner.files.text_safety import UNSAFE, find_in_model
from govplanner.gui import text_entry
from govplanner.gui.main_window import MainWindow
from govplanner.gui.table_page import TablePage
from govplanner.gui.text_entry import cleaned, explanation

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cluster-example.govplan"
#: escape, bell, a C1 control, DEL, a right-to-left override and an isolate: all refused
DIRTY = "Pasted\x1b[31m na\x07me\x85\x7f \u202eevil\u2066"
SHOWN = "Pasted[31m name evil"
#: The offscreen platform says this when a tip is shown (the explanation): harmless there.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support propagateSizeHints"
)


@pytest.fixture(autouse=True)
def guarded(qapp: QApplication) -> None:
    """What the app does at start (see test_the_app_installs_the_guard)."""
    text_entry.install(qapp)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def _box_text(box: QWidget) -> str:
    if isinstance(box, QLineEdit):
        return box.text()
    if isinstance(box, QComboBox):
        return box.currentText()
    assert isinstance(box, (QPlainTextEdit, QTextEdit))
    return box.toPlainText()


def text_boxes(root: QWidget) -> Iterator[QWidget]:
    """Every box a user can type into, shown and enabled, inside ``root``."""
    found: list[QWidget] = [*root.findChildren(QLineEdit), *root.findChildren(QPlainTextEdit)]
    found += root.findChildren(QTextEdit)
    for box in found:
        if isinstance(box.parent(), QAbstractSpinBox):
            continue  # numbers and dates: no text goes in
        combo = box.parent()
        if isinstance(combo, QComboBox):
            box = combo
        if not (box.isVisible() and box.isEnabled()):
            continue
        if isinstance(box, (QLineEdit, QPlainTextEdit, QTextEdit)) and box.isReadOnly():
            continue
        yield box


def every_page(root: QWidget) -> Iterator[QWidget]:
    """The text boxes of ``root`` on each page of its tabs and stacked pages, each once."""
    seen: set[int] = set()
    containers: list[QTabWidget | QStackedWidget] = [*root.findChildren(QTabWidget)]
    containers += [s for s in root.findChildren(QStackedWidget)
                   if not isinstance(s.parent(), QTabWidget)]  # fmt: skip
    for container in [None, *containers]:
        for index in range(container.count() if container is not None else 1):
            if container is not None:
                container.setCurrentIndex(index)
                _settle()
            for box in text_boxes(root):
                if id(box) not in seen:
                    seen.add(id(box))
                    yield box


def edit_cells(root: QWidget, where: str) -> int:
    """Paste into the editor of each editable cell of the first row of every table shown in
    ``root`` (the editor is a line edit a delegate makes when editing starts); return how many."""
    edited = 0
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or not view.isVisible() or model.rowCount(QModelIndex()) == 0:
            continue
        listed = isinstance(model, QAbstractListModel)  # one column, its count private
        for column in range(1 if listed else model.columnCount(QModelIndex())):
            index = model.index(0, column)
            if not model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                continue
            view.setCurrentIndex(index)
            view.edit(index)
            _settle()
            editor = QApplication.focusWidget()
            if not isinstance(editor, QLineEdit):
                continue
            QApplication.clipboard().setText(DIRTY)
            editor.selectAll()
            editor.paste()
            assert not UNSAFE.search(editor.text()), where
            QTest.keyClick(editor, Qt.Key.Key_Return)
            _settle()
            assert not UNSAFE.search(str(model.index(0, column).data() or "")), where
            edited += 1
    return edited


def paste_into(box: QWidget, text: str = DIRTY) -> None:
    """As a user does: click into the box (it takes the focus), paste, leave."""
    box.window().activateWindow()
    box.setFocus()
    _settle()
    QApplication.clipboard().setText(text)
    target = box.lineEdit() if isinstance(box, QComboBox) else box
    assert isinstance(target, (QLineEdit, QPlainTextEdit, QTextEdit))
    target.paste()
    if isinstance(target, QLineEdit):
        target.editingFinished.emit()
    _settle()


def type_with_input_method(box: QWidget, text: str) -> None:
    """Text committed by an input method (no key press: Qt's own check on keys is skipped)."""
    target = box.lineEdit() if isinstance(box, QComboBox) else box
    assert target is not None
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(target, event)


def test_the_unsafe_characters_are_text_safetys_own() -> None:
    every = "".join(chr(c) for c in range(0x2070) if UNSAFE.match(chr(c)))
    assert cleaned(f"a{every}b\tc\nd", multiline=True) == ("ab\tc\nd", list(every))
    assert cleaned("two\r\nlines\n", multiline=False) == ("two lines ", [])


def test_the_explanation_names_what_was_removed_in_plain_words() -> None:
    assert explanation(["\x1b"]).startswith(
        "Removed a hidden control character (U+001B (escape)) from the text"
    )
    many = explanation(["\x1b", "\x07", "\x1b", "\u202e", "\x85"])
    assert many.startswith("Removed 5 hidden control characters (U+001B (escape), U+0007 (bell),")
    assert "and others" in many


@pytest.fixture
def open_window(window: MainWindow, qtbot: Any) -> MainWindow:
    window.show_plan(load_plan(EXAMPLE), None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_every_box_of_every_form_keeps_control_characters_out_of_the_plan(
    open_window: MainWindow,
) -> None:
    window = open_window
    tabs, pasted = window.tabs, 0
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        page = tabs.widget(index)
        assert page is not None
        pages = [p for p in [page, *page.findChildren(TablePage)] if isinstance(p, TablePage)]
        for table in pages:
            if table.model.rowCount() > 0:
                table.view.selectRow(0)
        _settle()
        pasted += edit_cells(page, tabs.tabText(index))
        for box in list(text_boxes(page)):
            paste_into(box)
            assert not UNSAFE.search(_box_text(box)), f"{box!r} on tab {tabs.tabText(index)}"
            pasted += 1
            for table in pages:
                if box is table.filter:
                    table.filter.clear()  # the rows come back for the next box
    assert pasted >= 15  # every form's names, notes and lists, and the tables' filters
    assert find_in_model(window.document.plan) is None
    assert SHOWN in window.document.plan.model_dump_json()  # the cleaned text did get in
    assert window.statusBar().currentMessage().startswith("Removed 6 hidden control characters")


def test_text_from_an_input_method_is_cleaned_too(open_window: MainWindow) -> None:
    window = open_window
    window.tabs.setCurrentWidget(window.committees)
    window.committees.view.selectRow(0)
    _settle()
    boxes = list(text_boxes(window.committees.form))
    line = next(b for b in boxes if isinstance(b, QLineEdit))
    notes = next(b for b in boxes if isinstance(b, QPlainTextEdit))
    for box in (line, notes):
        box.setFocus()
        _settle()
        type_with_input_method(box, "Typed\x1b here\u202e")
        assert "Typed here" in _box_text(box)
        assert not UNSAFE.search(_box_text(box))
    assert find_in_model(window.document.plan) is None


def test_a_pasted_paste_is_one_undo_step_in_a_notes_box(open_window: MainWindow) -> None:
    window = open_window
    window.tabs.setCurrentWidget(window.committees)
    window.committees.view.selectRow(0)
    _settle()
    notes = next(b for b in text_boxes(window.committees.form) if isinstance(b, QPlainTextEdit))
    assert isinstance(notes, QPlainTextEdit)
    notes.setFocus()
    _settle()
    before = notes.toPlainText()
    notes.moveCursor(QTextCursor.MoveOperation.End)
    QApplication.clipboard().setText("line one\x1b\nline two\u202e")
    notes.paste()
    assert notes.toPlainText().endswith("line one\nline two")  # line breaks kept
    notes.undo()
    assert notes.toPlainText() == before  # not the control characters back


def dialogs(window: MainWindow) -> list[tuple[str, Callable[[], QDialog]]]:
    from govplanner.gui.dialogs import NewPlanDialog
    from govplanner.gui.help_window import HelpWindow, guide_html
    from govplanner.gui.planning.words_dialog import PlanWordsDialog
    from govplanner.gui.restructure.merge_dialog import MergeDialog
    from govplanner.gui.restructure.reduce_dialog import ReduceDialog
    from govplanner.gui.restructure.timeline_dialog import TimelineDialog
    from govplanner.gui.settings_dialog import SettingsDialog
    from govplanner.gui.tiers_stages_dialog import TiersStagesDialog

    d, s, folder = window.document, window.undo_stack, str(EXAMPLE.parent)
    return [
        ("plan settings", lambda: SettingsDialog(d, s, window)),
        ("tiers and stages", lambda: TiersStagesDialog(d, s, window)),
        ("plan words", lambda: PlanWordsDialog(d, window)),
        ("help", lambda: HelpWindow(guide_html(), window)),
        ("merge plans", lambda: MergeDialog(window, folder)),
        ("timeline", lambda: TimelineDialog(window, [EXAMPLE], folder)),
        ("propose a reduction", lambda: ReduceDialog(window, d.plan)),
        ("new plan", lambda: NewPlanDialog(window)),
        ("scenario name", lambda: QInputDialog(window)),
    ]


def test_every_box_of_every_dialog_keeps_control_characters_out(
    open_window: MainWindow, qtbot: Any
) -> None:
    window = open_window
    for where, make in dialogs(window):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        tried = 0
        for box in every_page(dialog):
            paste_into(box)
            assert not UNSAFE.search(_box_text(box)), f"{where}: {box!r}"
            assert "Removed 6 hidden control characters" in QToolTip.text(), where
            tried += 1 + edit_cells(dialog, where)
        tried += edit_cells(dialog, where)
        dialog.close()
        # The timeline has a list of files and a read-only text only: nothing to type into.
        assert tried or where == "timeline", f"{where} has no text box to try"
    assert find_in_model(window.document.plan) is None


def test_a_box_with_its_own_validator_or_a_number_box_is_left_alone(qtbot: Any) -> None:
    from PySide6.QtGui import QIntValidator
    from PySide6.QtWidgets import QSpinBox

    parent = QWidget()
    qtbot.addWidget(parent)
    digits = QLineEdit(parent)
    own = QIntValidator(digits)
    digits.setValidator(own)
    spin = QSpinBox(parent)
    assert text_entry.guard_children(parent) == 0
    assert digits.validator() is own
    assert spin.lineEdit() is not None
    assert not isinstance(spin.lineEdit().validator(), text_entry.LineValidator)


def test_the_app_installs_the_guard(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.gui.conftest import run_app

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setProperty(text_entry.GUARDED, None)
    app.focusChanged.disconnect(text_entry._focused)
    assert not text_entry.installed(app)
    run_app(qtbot, monkeypatch)
    assert text_entry.installed(app)
