"""The parts that make the app fit a 1366x768 laptop at 125 % (1093x614 logical), one by one:
tool bars that wrap, forms that reflow, a findings table within its width, plain words in a
reduction's result, and a help window that closes from a button or Esc (issue 15).
The whole app on real screen sizes is walked in test_screen_geometry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from govplanner.domain.document import PlanDocument
from govplanner.gui.forms.flow import FlowLayout, together
from govplanner.gui.help_window import HelpWindow, guide_html
from govplanner.gui.restructure.reduce_words import plain_words


def _flow_page(qtbot: Any, width: int) -> tuple[QWidget, FlowLayout, list[QPushButton], QLabel]:
    page = QWidget()
    qtbot.addWidget(page)
    column = QVBoxLayout(page)
    flow = FlowLayout()
    buttons = [QPushButton(f"A button with words {n}", page) for n in range(5)]
    for n, button in enumerate(buttons):
        flow.add(button, push_right=n == 4)
    column.addLayout(flow)
    below = QLabel("Below the tool bar", page)
    column.addWidget(below)
    column.addStretch(1)
    page.resize(width, 400)
    page.show()
    qtbot.waitExposed(page)
    return page, flow, buttons, below


def test_a_flow_wraps_rather_than_cutting_its_buttons(qtbot: Any) -> None:
    page, _flow, buttons, below = _flow_page(qtbot, 420)
    rows = {b.geometry().top() for b in buttons}
    assert len(rows) > 1  # too wide for one line: wrapped
    for n, button in enumerate(buttons):
        assert page.rect().contains(button.geometry())
        assert button.width() >= button.minimumSizeHint().width()  # whole words
        for other in buttons[n + 1 :]:
            assert not button.geometry().intersects(other.geometry())
    lowest = max(b.geometry().bottom() for b in buttons)
    assert below.geometry().top() > lowest  # what follows moves down, not under


def test_a_wide_flow_is_one_line_with_the_last_button_at_the_right(qtbot: Any) -> None:
    _page, flow, buttons, _below = _flow_page(qtbot, 1400)
    assert len({b.geometry().top() for b in buttons}) == 1
    assert buttons[-1].geometry().right() >= flow.geometry().right() - 1
    assert buttons[-2].geometry().right() < buttons[-1].geometry().left() - 50  # pushed right
    assert flow.heightForWidth(1400) < flow.heightForWidth(300)


def test_together_keeps_a_label_with_its_box(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    label, box = QLabel("&As of:", parent), QPushButton("3 December 2026", parent)
    pair = together(parent, label, box)
    assert label.parentWidget() is pair
    assert box.parentWidget() is pair


def _narrow_form(qtbot: Any, form: Any, width: int) -> QScrollArea:
    form.resize(width, 500)
    form.show()
    qtbot.waitExposed(form)
    areas: list[QScrollArea] = [
        a for a in form.findChildren(QScrollArea) if a.widget() is form.body
    ]
    assert len(areas) == 1
    return areas[0]


def test_the_role_form_reflows_in_a_narrow_pane(qtbot: Any, document: PlanDocument) -> None:
    """340 px, the role form's share of a laptop at 125 %: nothing runs off the right."""
    from PySide6.QtGui import QUndoStack

    from govplanner.gui.forms.role_form import RoleForm
    from govplanner.gui.models.lookup import Lookup

    form = RoleForm(document, QUndoStack(), Lookup(document))
    qtbot.addWidget(form)
    form.set_item(document.plan.roles[0].id)
    area = _narrow_form(qtbot, form, 340)
    assert form.body.width() <= area.viewport().width()
    for widget in (form.new_person, form.profession, form.term_start, form.term_end):
        right = widget.mapTo(form.body, widget.rect().topRight()).x()
        assert right <= area.viewport().width(), widget.accessibleName()


def test_the_findings_table_fits_its_width_with_the_remedy_on_screen(
    qtbot: Any, document: PlanDocument
) -> None:
    from PySide6.QtGui import QUndoStack

    from govplanner.gui.findings_panel import FindingsPanel
    from govplanner.gui.live_analysis import LiveAnalysis

    live = LiveAnalysis(document)
    panel = FindingsPanel(document, QUndoStack(), live)
    qtbot.addWidget(panel)
    live.refresh()
    panel.resize(1000, 260)
    panel.show()
    qtbot.waitExposed(panel)
    view, header = panel.view, panel.view.horizontalHeader()
    assert panel.model.rowCount() > 0
    width = view.viewport().width()
    assert header.length() <= width
    assert not view.horizontalScrollBar().isVisible()
    remedy = header.logicalIndex(header.count() - 1)
    assert panel.model.headerData(remedy, Qt.Orientation.Horizontal) == "Remedy"
    assert header.sectionPosition(remedy) + header.sectionSize(remedy) <= width
    assert header.sectionSize(remedy) >= 150
    assert view.wordWrap()
    assert view.rowHeight(0) >= 2 * view.fontMetrics().lineSpacing()  # two lines a row
    panel.resize(1800, 260)  # on a wide screen every column has its own width
    qtbot.waitUntil(lambda: header.sectionSize(remedy) >= 300)


def test_a_reduction_reads_in_plain_words() -> None:
    core = (
        "Result: optimal: HiGHS proved no better choice exists (0.10 s).\n"
        "Sessions in scope: 46 → 36 (7 roles retired).\n"
        "Harms weighed (weight; today → proposal):\n"
        "  people displaced (weight 1): 0 → 3\n"
        "  roles retired (weight 1): 0 -> 7\n"
        "refused: --retire leaves essential functions with no possible provider"
    )
    text = plain_words(
        core + "\nEssential functions covered today: 28 committee-function pairs.\n"
        "  single points of failure (GAP003) (weight 5): 0 → 1"
    )
    assert "28 functions needed on committees" in text
    assert "single points of failure (weight 5)" in text
    for jargon in ("→", "->", "HiGHS", "--retire", "committee-function", "GAP003"):
        assert jargon not in text
    assert "Sessions in scope: 46 to 36" in text
    assert "the optimiser proved no better choice exists" in text


def test_the_help_window_has_a_close_button_and_esc_closes_it(qtbot: Any) -> None:
    win = HelpWindow(guide_html())
    qtbot.addWidget(win)
    win.show_section("top")
    qtbot.waitExposed(win)
    button = win.close_button
    assert button.isVisible()
    assert win.rect().contains(QRect(button.mapTo(win, button.rect().topLeft()), button.size()))
    button.click()
    assert not win.isVisible()
    win.show_section("top")
    QTest.keyClicks(win.find_box, "quorum")
    QTest.keyClick(win.find_box, Qt.Key.Key_Return)  # Enter finds; it does not close
    assert win.isVisible()
    QTest.keyClick(win.find_box, Qt.Key.Key_Escape)
    assert not win.isVisible()
    win.show_section("top")
    QTest.keyClick(win.browser, Qt.Key.Key_Escape)
    assert not win.isVisible()


def test_a_narrow_committee_form_puts_labels_above_fields(
    qtbot: Any, document: PlanDocument
) -> None:
    """Long labels ('Committees in common:') beside the fields would leave the organisations
    list a sliver on a laptop: in a narrow pane they go above, in a wide one beside."""
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QFormLayout

    from govplanner.gui.forms.base import label_width
    from govplanner.gui.forms.committee_form import CommitteeForm
    from govplanner.gui.models.lookup import Lookup

    form = CommitteeForm(document, QUndoStack(), Lookup(document))
    qtbot.addWidget(form)
    form.set_item(document.plan.committees[0].id)
    (main,) = [f for f in form.body.findChildren(QFormLayout) if f.indexOf(form.name) >= 0]
    narrow = int(label_width(main) / 0.4) - 10  # the labels would take over 40 %
    _narrow_form(qtbot, form, narrow)
    name_label = form.body.findChildren(QLabel)[0]
    assert name_label.buddy() is form.name
    assert form.name.geometry().top() > name_label.geometry().bottom()  # under its label
    assert form.bodies.width() > 0.8 * form.body.width()
    form.resize(1000, 500)
    qtbot.waitUntil(lambda: form.name.geometry().left() > name_label.geometry().right())
    policies = {f.rowWrapPolicy() for f in form.body.findChildren(QFormLayout)}
    assert QFormLayout.RowWrapPolicy.DontWrapRows not in policies


def test_a_second_window_opens_offset_but_on_the_screen(qtbot: Any) -> None:
    """A scenario beside a plan whose window fills the screen: offset, shrunk, never off it."""
    from govplanner.gui.planning.common import place_beside

    beside, second = QWidget(), QWidget()
    for widget in (beside, second):
        qtbot.addWidget(widget)
    free = beside.screen().availableGeometry()
    beside.setGeometry(free)
    beside.show()
    qtbot.waitExposed(beside)
    place_beside(second, beside)
    second.show()
    qtbot.waitExposed(second)
    assert free.contains(second.frameGeometry())
    assert second.frameGeometry().topLeft() != beside.frameGeometry().topLeft()  # both in sight
