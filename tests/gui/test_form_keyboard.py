"""The detail forms by keyboard alone on a small screen (found walking the app at 1366x768 at
125 %): the field the keyboard is in is always in sight, and every field can be reached."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from govplanner.domain.document import PlanDocument
from govplanner.gui.forms.committee_form import CommitteeForm
from govplanner.gui.forms.role_form import RoleForm
from govplanner.gui.models.lookup import Lookup
from tests.builders import committee_id, role_id


def _small_form(cls: Any, qtbot: Any, document: PlanDocument, stack: QUndoStack) -> Any:
    form = cls(document, stack, Lookup(document))
    qtbot.addWidget(form)
    form.resize(420, 300)  # a laptop's form pane: far shorter than the form
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def _in_sight(form: Any, widget: QWidget) -> bool:
    viewport = form._pages.widget(1).viewport()
    top = widget.mapTo(viewport, QPoint(0, 0)).y()
    return top >= 0 and top + min(widget.height(), 20) <= viewport.height()


def test_a_field_reached_by_its_alt_letter_scrolls_into_sight(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    form = _small_form(CommitteeForm, qtbot, document, stack)
    form.set_item(committee_id("ICB Board"))
    assert not _in_sight(form, form.purpose)
    form.purpose.setFocus(Qt.FocusReason.ShortcutFocusReason)  # what Alt+U does
    qtbot.waitUntil(form.purpose.hasFocus)
    assert _in_sight(form, form.purpose)


def test_another_item_opens_at_the_top_with_its_focused_name_in_sight(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    """Add committee after scrolling down: the name box kept the focus but was out of sight,
    so the new committee's name was typed blind."""
    form = _small_form(CommitteeForm, qtbot, document, stack)
    form.set_item(committee_id("ICB Board"))
    form.name.setFocus()
    qtbot.waitUntil(form.name.hasFocus)
    bar = form._pages.widget(1).verticalScrollBar()
    bar.setValue(bar.maximum())
    assert not _in_sight(form, form.name)
    form.set_item(committee_id("Quality Committee"))
    assert bar.value() == 0
    assert _in_sight(form, form.name)


def test_the_same_item_shown_again_keeps_its_place(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    form = _small_form(CommitteeForm, qtbot, document, stack)
    form.set_item(committee_id("ICB Board"))
    bar = form._pages.widget(1).verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    form.set_item(committee_id("ICB Board"))
    assert bar.value() == bar.maximum() // 2


def test_seats_on_alt_letter_lands_in_the_committee_filter(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    form = _small_form(RoleForm, qtbot, document, stack)
    form.set_item(role_id("Crisis Lead"))
    form.title.setFocus()
    qtbot.waitUntil(form.title.hasFocus)
    qtbot.wait(100)  # the form settles, as it has before a person presses a key
    QTest.keyClick(form.title, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # "Se&ats on"
    qtbot.waitUntil(form.seats.filter.hasFocus)


def test_tab_reaches_each_seats_membership_after_the_committee_list(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    """The membership boxes are made when a role is shown, so they came last in the Tab order,
    after the whole window: a keyboard user could not set a seat's membership."""
    form = _small_form(RoleForm, qtbot, document, stack)
    form.set_item(role_id("Crisis Lead"))
    combos = list(form.membership_combos.values())
    assert combos
    form.seats.filter.setFocus()
    qtbot.waitUntil(form.seats.filter.hasFocus)
    qtbot.wait(100)  # the form settles (layout, scrolling), as it has before a person presses Tab
    for expected in [form.seats.list, *combos, form.deputy_for]:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.waitUntil(expected.hasFocus)


def test_requirement_labels_show_a_single_ampersand(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    """ "Translation && communication" showed both ampersands: a label reads "&&" as "&" only
    when it has a buddy."""
    form = _small_form(CommitteeForm, qtbot, document, stack)
    form.set_item(committee_id("ICB Board"))
    doubled = [label for label in form.findChildren(QLabel) if "&&" in label.text()]
    assert any("Translation" in label.text() for label in doubled)
    assert all(label.buddy() is not None for label in doubled)


def _mnemonic(text: str) -> bool:
    return "&" in text.replace("&&", "")


def test_every_underlined_letter_in_a_form_reaches_its_field(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    """'Held &by' and 'Se&ats on' underlined letters that did nothing: their fields were
    containers that take no focus (a label gives focus only to a buddy that takes it)."""
    from govplanner.gui.forms.organisation_form import GroupForm, OrganisationForm
    from govplanner.gui.forms.person_form import PersonForm

    dead = []
    for cls in (CommitteeForm, RoleForm, PersonForm, OrganisationForm, GroupForm):
        form = cls(document, stack, Lookup(document))
        qtbot.addWidget(form)
        for label in form.findChildren(QLabel):
            buddy = label.buddy()
            no_focus = buddy is not None and buddy.focusPolicy() == Qt.FocusPolicy.NoFocus
            if no_focus and _mnemonic(label.text()):
                dead.append(f"{cls.__name__}: {label.text()}")
    assert dead == []
    form = _small_form(RoleForm, qtbot, document, stack)
    form.set_item(role_id("Crisis Lead"))
    form.title.setFocus()
    qtbot.waitUntil(form.title.hasFocus)
    qtbot.wait(100)  # the form settles, as it has before a person presses a key
    QTest.keyClick(form.title, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # "Held &by"
    qtbot.waitUntil(form.holder.hasFocus)
