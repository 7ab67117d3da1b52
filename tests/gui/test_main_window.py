"""The main window: welcome state, files, prompts, routing between panels, accepting findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from govplanner.domain.errors import GovplannerError
from govplanner.files.planfile import load_plan, save_plan
from govplanner.gui import app
from govplanner.gui.main_window import MainWindow
from tests.builders import committee_id, person_id, role_id
from tests.gui.conftest import run_app, small_plan_builder


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.govplan"
    save_plan(small_plan_builder().build(), path)
    return path


@pytest.fixture
def opened(window: MainWindow, plan_file: Path) -> MainWindow:
    assert window.files.open_path(str(plan_file))
    return window


def test_welcome_state_offers_ways_in(window: MainWindow) -> None:
    assert window.windowTitle() == "govplanner"
    assert window.centre.currentWidget() is window.welcome
    assert not window.menu_actions.save.isEnabled()
    assert not window.menu_actions.add_committee.isEnabled()
    assert window.menu_actions.new.isEnabled()
    assert window.menu_actions.open.isEnabled()
    assert window.welcome.recent.item(0).text() == "No recent plans yet."


def test_opening_shows_the_plan_and_remembers_it(opened: MainWindow, plan_file: Path) -> None:
    assert opened.windowTitle() == "small.govplan[*] — govplanner"
    assert not opened.isWindowModified()
    assert opened.committees.model.rowCount() == 4
    assert opened.findings.model.rowCount() > 0
    assert "critical" in opened.summary.text()
    assert opened.welcome.recent.item(0).data(Qt.ItemDataRole.UserRole) == str(plan_file.resolve())
    assert opened.menu_actions.recent_menu.actions()[0].text() == "&1 small.govplan"


def test_bad_file_shows_the_cli_message_and_keeps_the_plan(
    opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "broken.govplan"
    bad.write_text('{"format": "govplan", "committees": [', encoding="utf-8")
    with pytest.raises(GovplannerError) as expected:
        load_plan(bad)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text, *a: shown.append(text))
    assert not opened.files.open_path(str(bad))
    assert shown == [str(expected.value)]
    assert opened.plan_open
    assert opened.document.path is not None
    assert opened.document.path.name == "small.govplan"


def test_edit_marks_modified_and_close_asks(
    opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = opened.committees
    page.model.setData(page.model.index(0, 0), "NHS Board")
    assert opened.isWindowModified()
    assert opened.menu_actions.undo.text() == "&Undo Rename committee 'ICB Board' to 'NHS Board'"
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    assert not opened.close()
    assert opened.isVisible()
    assert opened.close()
    assert QSettings().value("window/geometry") is not None


def test_double_click_on_finding_opens_its_subject(opened: MainWindow) -> None:
    panel = opened.findings
    row = next(
        r
        for r in range(panel.model.rowCount())
        if panel.model.finding_at(r).subject_kind.value == "person"
    )
    panel.view.activated.emit(panel.model.index(row, 0))
    assert opened.tabs.currentWidget() is opened.people
    assert opened.people.current_id() == person_id("Dr Ada")
    assert opened.people.form.name.text() == "Dr Ada"


def test_coverage_cell_lists_committees_and_opens_one(opened: MainWindow) -> None:
    view = opened.coverage
    view.table.setCurrentIndex(view.model.index(2, 1))  # Neighbourhood × Representation
    assert view.detail.count() == 1
    assert view.detail.item(0).text() == "Crisis Group — ✗ Not covered"
    view.detail.itemActivated.emit(view.detail.item(0))
    assert opened.tabs.currentWidget() is opened.committees
    assert opened.committees.current_id() == committee_id("Crisis Group")
    assert opened.structure.current() == ("committee", committee_id("Crisis Group"))


def test_stage_selector_shows_what_if(opened: MainWindow) -> None:
    view = opened.coverage
    assert view.stage.count() == 1 + len(opened.document.plan.stages)
    view.stage.setCurrentIndex(3)
    view.stage.activated.emit(3)
    assert view.model.stage_id == opened.document.plan.stages[2].id


def test_accept_and_withdraw_a_finding(
    qtbot: Any, opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govplanner.gui import findings_panel

    class Agreeing(findings_panel.AcceptDialog):
        def exec(self) -> int:
            self.rationale.setPlainText("Agreed at the March board")
            return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(findings_panel, "AcceptDialog", Agreeing)
    panel = opened.findings
    panel.view.selectRow(0)
    finding = panel.selected_finding()
    assert finding is not None
    assert panel.accept_button.isEnabled()
    before = opened.live.analysis.summary["accepted"]
    panel.accept_button.click()
    assert opened.live.analysis.summary["accepted"] == before + 1
    assert f"{before + 1} accepted" in opened.summary.text()
    assert panel.selected_finding() is not None
    assert panel.selected_finding().accepted
    assert opened.document.plan.accepted[0].rationale == "Agreed at the March board"
    assert "Accepted: Agreed at the March board" in panel.detail.text()
    assert finding.remedy.split(",")[0] in panel.detail.text()
    panel.unaccept_button.click()
    assert opened.document.plan.accepted == []
    opened.undo_stack.undo()
    assert len(opened.document.plan.accepted) == 1


def test_delete_action_removes_selected_rows_as_one_command(opened: MainWindow) -> None:
    opened.tabs.setCurrentWidget(opened.roles)
    opened.roles.view.setFocus()
    opened.roles.select(role_id("MH Lead"))
    opened.menu_actions.delete.trigger()
    assert opened.document.plan.role(role_id("MH Lead")) is None
    assert opened.undo_stack.undoText() == "Delete role 'MH Lead'"


def test_refused_edit_is_explained_in_the_status_bar(opened: MainWindow) -> None:
    page = opened.roles
    column = [c.header for c in page.model.columns].index("Sessions")
    assert not page.model.setData(page.model.index(0, column), "plenty")
    assert "number" in opened.statusBar().currentMessage()


def test_table_filter_keeps_the_count_honest(qtbot: Any, opened: MainWindow) -> None:
    page = opened.committees
    page.filter.setText("CRISIS")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.count.text() == "Committees: 1 of 4"
    assert page.select(committee_id("ICB Board"))
    assert page.filter.text() == ""


def test_typing_a_filter_that_hides_the_selected_row_keeps_the_text(
    qtbot: Any, opened: MainWindow
) -> None:
    page = opened.committees
    assert page.select(committee_id("ICB Board"))
    page.filter.setText("crisis")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    qtbot.wait(300)  # past the filter's pause: nothing may clear it afterwards
    assert page.filter.text() == "crisis"
    assert page.count.text() == "Committees: 1 of 4"


@pytest.mark.parametrize(
    ("action", "module", "name"),
    [
        ("settings", "govplanner.gui.settings_dialog", "SettingsDialog"),
        ("tiers_stages", "govplanner.gui.tiers_stages_dialog", "TiersStagesDialog"),
    ],
)
def test_plan_dialogs_open_on_the_document(
    opened: MainWindow, monkeypatch: pytest.MonkeyPatch, action: str, module: str, name: str
) -> None:
    import importlib

    dialog_class = getattr(importlib.import_module(module), name)
    seen: list[Any] = []
    monkeypatch.setattr(dialog_class, "exec", lambda self: seen.append(self) or 0)
    getattr(opened.menu_actions, action).trigger()
    assert len(seen) == 1


def test_diagram_selection_routes_to_the_editor(opened: MainWindow) -> None:
    assert opened.diagram is not None
    opened.diagram.committee_activated.emit(committee_id("Quality Committee"))
    assert opened.committees.current_id() == committee_id("Quality Committee")


def test_screenshot_writes_a_large_nonblank_png(plan_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    assert app.main(str(plan_file), screenshot=str(out)) == 0
    image = QImage(str(out))
    assert image.width() >= 1280
    assert image.height() >= 800
    colours = {image.pixel(x, y) for x in range(0, image.width(), 13) for y in range(0, 800, 13)}
    assert len(colours) > 20


def test_screenshot_of_a_bad_plan_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "nope.govplan"
    assert app.main(str(bad), screenshot=str(tmp_path / "x.png")) == 2
    assert "nope.govplan" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_many_void_qt_calls_do_not_crash(qtbot: Any) -> None:
    """PySide6 6.12.0 on Python 3.11 aborted (none_dealloc) after a few thousand such calls."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    for n in range(20_000):
        widget.setEnabled(n % 2 == 0)
    assert not widget.isEnabled()


def _part_of_another_input(widget: QWidget) -> bool:
    """Qt's own pieces of a named input: a spin box's editor, a combo's popup, headers…"""
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QHeaderView,
        QLineEdit,
        QMenuBar,
    )

    parent = widget.parent()
    grandparent = parent.parent() if parent is not None else None
    return (
        isinstance(widget, QHeaderView)
        or isinstance(parent, (QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QMenuBar))
        or isinstance(grandparent, QComboBox)
    )


def test_every_input_has_an_accessible_name(opened: MainWindow) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QDateEdit,
        QLineEdit,
        QPlainTextEdit,
    )

    opened.menu_actions.add_organisation.trigger()
    opened.menu_actions.add_group.trigger()
    for page in (opened.committees, opened.roles, opened.people):
        opened.tabs.setCurrentWidget(page)
        page.view.selectRow(1)  # the second committee has a line out, the role two seats
    opened.tabs.setCurrentWidget(opened.bodies)
    inputs = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QDateEdit, QAbstractItemView)
    unnamed = []
    for widget in opened.findChildren(QWidget):
        if _part_of_another_input(widget):
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue  # a button or checkbox is named by its text
        if isinstance(widget, (*inputs, QAbstractButton)) and not widget.accessibleName():
            unnamed.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    assert sorted(set(unnamed)) == []


def test_missing_recent_file_is_forgotten(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "gone.govplan"
    window.files.add_recent(str(gone.resolve()))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text, *a: shown.append(text))
    assert not window.files.open_path(str(gone))
    assert len(shown) == 1
    assert "gone.govplan" in shown[0]
    assert window.files.recent() == []


def test_delete_key_acts_in_tables_not_in_form_fields(qtbot: Any, opened: MainWindow) -> None:
    from PySide6.QtTest import QTest

    opened.activateWindow()
    page = opened.committees
    opened.tabs.setCurrentWidget(page)
    page.select(committee_id("Crisis Group"))
    page.form.tier.setFocus()
    QTest.keyClick(page.form.tier, Qt.Key.Key_Delete)
    assert opened.document.plan.committee(committee_id("Crisis Group")) is not None
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_Delete)
    assert opened.document.plan.committee(committee_id("Crisis Group")) is None


def test_main_opens_the_plan_given_on_the_command_line(
    qtbot: Any, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = run_app(qtbot, monkeypatch, str(plan_file))
    assert window.plan_open
    assert window.windowTitle() == "small.govplan[*] — govplanner"
    assert window.planning is not None  # the planning views are installed on attaching
    window.close()


def test_the_window_paints_before_the_document_is_made(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Start-up: the welcome page and menus first; the document just after the first paint."""
    from PySide6.QtCore import QEvent, QObject

    painted_before_attach: list[bool] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, MainWindow):
                painted_before_attach.append(not watched.attached)
            return False

    spy = FirstPaint()
    QApplication.instance().installEventFilter(spy)
    try:
        window = run_app(qtbot, monkeypatch)
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert painted_before_attach[0]
    assert window.attached
    assert window.document.plan is not None
    window.close()


def test_add_role_from_a_committee_seats_it_there(opened: MainWindow) -> None:
    opened.committees.select(committee_id("Quality Committee"))
    opened.committees.form.add_role_requested.emit(committee_id("Quality Committee"))
    role = opened.document.plan.roles[-1]
    assert role.title == "New role"
    assert role.committee_ids == [committee_id("Quality Committee")]
    assert opened.tabs.currentWidget() is opened.roles
    assert opened.roles.form.title.text() == "New role"


def test_keyboard_only_add_rename_undo(qtbot: Any, opened: MainWindow) -> None:
    from PySide6.QtTest import QTest

    opened.activateWindow()
    opened.structure.tree.setFocus()
    opened.structure.select(committee_id("ICB Board"))
    before = len(opened.document.plan.committees)
    QTest.keyClick(
        opened.structure.tree,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(opened.document.plan.committees) == before + 1
    name = opened.committees.form.name
    assert name.hasFocus()
    QTest.keyClicks(name, "Finance Committee")
    QTest.keyClick(name, Qt.Key.Key_Return)
    added = opened.document.plan.committees[-1]
    assert added.name == "Finance Committee"
    assert added.reports_to_id == committee_id("ICB Board")
    QTest.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert opened.document.plan.committees[-1].name.startswith("New committee")


def test_an_open_plan_is_kept_out_of_the_collectors_walk(opened: MainWindow) -> None:
    import gc

    # Shown plans are frozen, so a full collection on an export worker cannot stall the GUI.
    assert gc.get_freeze_count() > 0
    opened.show_welcome()
    # Closing the plan hands its objects back to the collector.
    assert gc.get_freeze_count() == 0


def test_organisations_tab_adds_edits_and_deletes_with_undo(opened: MainWindow) -> None:
    a = opened.menu_actions
    a.add_organisation.trigger()
    (org,) = opened.document.plan.organisations
    assert opened.tabs.currentWidget() is opened.bodies
    assert opened.organisations.form.item_id == org.id
    assert opened.organisations.form.name.hasFocus()
    a.add_group.trigger()
    (group,) = opened.document.plan.groups
    assert opened.groups.form.item_id == group.id
    assert opened.undo_stack.undoText() == (
        "Add committees-in-common group 'New committees-in-common group'"
    )
    opened.groups.form.members.toggled.emit(committee_id("ICB Board"), True)
    assert opened.document.plan.committee(committee_id("ICB Board")).group_id == group.id
    opened.groups.view.setFocus()
    a.delete.trigger()  # the focused table's item: the group, not the organisation
    assert opened.document.plan.groups == []
    assert opened.document.plan.committee(committee_id("ICB Board")).group_id is None
    opened.undo_stack.undo()
    assert opened.document.plan.committee(committee_id("ICB Board")).group_id == group.id
    opened.organisations.view.setFocus()
    opened.organisations.select(org.id)
    a.delete.trigger()
    assert opened.document.plan.organisations == []
    assert opened.undo_stack.undoText() == "Delete organisation 'New organisation'"


def test_a_refused_delete_is_a_plain_message(
    opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govplanner.gui.commands import delete_item

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _w, _t, text, *a: shown.append(text))
    tier = opened.document.plan.tiers[0]
    assert not opened.edits._run(delete_item(opened.document, "tier", tier.id))
    assert len(shown) == 1
    assert shown[0].startswith(f"The tier '{tier.name}' cannot be deleted while committee")
    assert opened.undo_stack.count() == 0


def _mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand), lower-cased."""
    at = text.replace("&&", "").find("&")
    clean = text.replace("&&", "")
    return clean[at + 1].lower() if 0 <= at < len(clean) - 1 else None


def _page_mnemonics(window: MainWindow, page: QWidget) -> list[tuple[str, str]]:
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    found = [(a.text(), "menu") for a in window.menuBar().actions()]
    found += [(window.tabs.tabText(n), "tab") for n in range(window.tabs.count())]
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            found.append((widget.text(), "label"))
        elif isinstance(widget, QAbstractButton | QGroupBox):
            text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
            found.append((text, type(widget).__name__))
    return [(_mnemonic(text) or "", f"{where}: {text}") for text, where in found]


def test_no_two_mnemonics_share_a_letter_on_an_editor_page(opened: MainWindow) -> None:
    """Alt+letter must reach one thing: menus, tabs and the page's own fields together."""
    plan = opened.document.plan
    opened.select_subject("committee", plan.committees[0].id)
    opened.select_subject("role", plan.roles[0].id)
    opened.select_subject("person", plan.people[0].id)
    opened.menu_actions.add_organisation.trigger()
    opened.menu_actions.add_group.trigger()
    for page in (opened.coverage, opened.committees, opened.roles, opened.people, opened.bodies):
        opened.tabs.setCurrentWidget(page)
        by_letter: dict[str, list[str]] = {}
        found = _page_mnemonics(opened, page) + [
            (letter, where)
            for letter, where in _page_mnemonics(opened, opened.findings)
            if where.split(":")[0] not in ("menu", "tab")
        ]  # the findings panel is beside every page
        for letter, where in found:
            if letter:
                by_letter.setdefault(letter, []).append(where)
        clashes = {k: v for k, v in by_letter.items() if len(v) > 1}
        assert clashes == {}, f"{opened.tabs.tabText(opened.tabs.currentIndex())}: {clashes}"


def test_typing_is_saved_without_leaving_the_field(
    qtbot: Any, opened: MainWindow, plan_file: Path
) -> None:
    """Ctrl+S straight after typing, focus still in the field: the text is in the file."""
    opened.select_subject("committee", committee_id("ICB Board"), focus_form=True)
    form = opened.committees.form
    qtbot.keyClicks(form.purpose, "Sets the strategy")
    qtbot.keyClicks(form.quorum_note, "Two clinicians")
    assert opened.isWindowModified()  # no Return, no Tab: the field was never left
    opened.menu_actions.save.trigger()
    saved = load_plan(plan_file).committee(committee_id("ICB Board"))
    assert saved is not None
    assert (saved.purpose, saved.quorum_note) == ("Sets the strategy", "Two clinicians")
    assert not opened.isWindowModified()


def test_the_whole_heatmap_fits_a_laptop_at_125_percent(qtbot: Any, window: MainWindow) -> None:
    """1366x768 at 125 % is 1093x614 logical: every tier and function, no scrolling."""
    example = Path(__file__).resolve().parents[2] / "examples" / "cluster-example.govplan"
    window.show_plan(load_plan(example), example)
    window.tabs.setCurrentWidget(window.coverage)
    window.resize(1093, 614)
    window.show()
    qtbot.waitExposed(window)
    window.live.refresh()
    table = window.coverage.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 4)
    qtbot.wait(50)
    assert not table.verticalScrollBar().isVisible()
    assert not table.horizontalScrollBar().isVisible()
