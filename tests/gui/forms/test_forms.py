"""The detail forms: each field edits the item through one undo command and follows undo."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog

from govplanner.domain.document import PlanDocument
from govplanner.domain.enums import (
    CommitteeKind,
    Function,
    LineKind,
    Membership,
    OrganisationType,
    Requirement,
    Source,
)
from govplanner.domain.model import InCommonGroup, Organisation, Role, Seat
from govplanner.gui.forms.committee_form import CommitteeForm
from govplanner.gui.forms.organisation_form import GroupForm, OrganisationForm
from govplanner.gui.forms.person_form import PersonForm
from govplanner.gui.forms.role_form import VACANT_TEXT, RoleForm
from govplanner.gui.models.lookup import Lookup
from tests.builders import committee_id, person_id, role_id, tier_id


def _form(cls: Any, qtbot: Any, document: PlanDocument, stack: QUndoStack, item: str) -> Any:
    form = cls(document, stack, Lookup(document))
    qtbot.addWidget(form)
    form.show()
    form.set_item(item)
    return form


def _choose(combo: Any, data: Any) -> None:
    """What a user's pick in a combo box does: select, then 'activated'."""
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def _commit_line(line: Any, text: str) -> None:
    line.setText(text)
    line.editingFinished.emit()


def test_committee_form_shows_hint_without_item(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    form = _form(CommitteeForm, qtbot, document, stack, committee_id("ICB Board"))
    assert form._pages.currentIndex() == 1
    form.set_item(None)
    assert form._pages.currentIndex() == 0


def test_committee_form_edits_every_field(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    cid = committee_id("Mental Health Board")
    form = _form(CommitteeForm, qtbot, document, stack, cid)
    assert form.programme.currentData() == "Mental health"
    _choose(form.tier, tier_id("system"))
    _choose(form.stage, document.plan.stages[1].id)
    _choose(form.programme, "Maternity")
    _choose(form.chair, role_id("MH Lead"))
    form.quorum.setValue(4)
    form.quorum.editingFinished.emit()
    form.frequency.setCurrentIndex(form.frequency.findText("Monthly"))
    form.frequency.activated.emit(form.frequency.currentIndex())
    c = document.get("committee", cid)
    assert (c.tier_id, c.stage_id) == (tier_id("system"), document.plan.stages[1].id)
    assert (c.programme_area, c.chair_role_id, c.quorum, c.meeting_frequency) == (
        "Maternity", role_id("MH Lead"), 4, "Monthly"
    )  # fmt: skip
    assert stack.count() == 6
    while stack.canUndo():
        stack.undo()
    assert form.tier.currentData() == tier_id("programme")
    assert form.quorum.text() == "Not recorded"
    assert form.chair.currentText() == "(no chair set)"


def test_committee_form_lists_seats_and_opens_a_role(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    form = _form(CommitteeForm, qtbot, document, stack, committee_id("Crisis Group"))
    assert form.seats.item(0).text() == "Crisis Lead — Vacant (clinical)"
    with qtbot.waitSignal(form.navigate) as blocker:
        form.seats.itemActivated.emit(form.seats.item(0))
    assert blocker.args == ["role", role_id("Crisis Lead")]


def test_refused_name_is_reported_and_reverted(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    form = _form(CommitteeForm, qtbot, document, stack, committee_id("ICB Board"))
    with qtbot.waitSignal(form.edit_refused):
        _commit_line(form.name, "")
    assert form.name.text() == "ICB Board"
    assert stack.count() == 0


def test_role_form_functions_activities_and_seats(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    rid = role_id("Crisis Lead")
    form = _form(RoleForm, qtbot, document, stack, rid)
    assert form.holder.currentText() == VACANT_TEXT
    assert not form.vacancy.isHidden()
    assert not form.activity_boxes["L1"].isEnabled()
    form.function_boxes[Function.RELATIONAL].click()
    assert form.activity_boxes["L1"].isEnabled()
    form.activity_boxes["L1"].click()
    role = document.get("role", rid)
    assert role.functions == [Function.REPRESENTATION, Function.RELATIONAL]
    assert role.activities == ["L1"]
    form.function_boxes[Function.RELATIONAL].click()  # unticking drops its activities too
    assert document.get("role", rid).activities == []
    assert stack.undoText() == "Remove Relational work from role 'Crisis Lead'"
    form.seats.toggled.emit(committee_id("ICB Board"), True)
    assert document.get("role", rid).committee_ids == [
        committee_id("Crisis Group"), committee_id("ICB Board")
    ]  # fmt: skip
    assert document.get("role", rid).membership_on(committee_id("ICB Board")) == "member"
    assert stack.undoText() == "Seat role 'Crisis Lead' on 'ICB Board'"


def test_role_form_clinical_sessions_terms_and_holder(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    rid = role_id("Crisis Lead")
    form = _form(RoleForm, qtbot, document, stack, rid)
    assert form.term_end.edit.text() == "Not set"
    form.sessions.setValue(1.5)
    form.sessions.editingFinished.emit()
    form.term_end.check.click()
    form.term_end.edit.setDate(dt.date(2027, 3, 31))
    form.term_end.edit.editingFinished.emit()
    _choose(form.holder, person_id("Dr Bea"))
    form.clinical.click()
    role = document.get("role", rid)
    assert role.sessions_per_week == 1.5
    assert role.term_end == dt.date(2027, 3, 31)
    assert role.holder_id == person_id("Dr Bea")
    assert not role.clinical
    assert form.term_end.edit.text() == "31 Mar 2027"
    assert not form.function_boxes[Function.ANALYTICAL].isEnabled()
    assert form.vacancy.isHidden()
    stack.undo()
    assert form.clinical.isChecked()


def test_role_form_new_person_reuses_an_existing_name(
    qtbot: Any, document: PlanDocument, stack: QUndoStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = _form(RoleForm, qtbot, document, stack, role_id("Crisis Lead"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  dr bea ", True))
    form.new_person.click()
    assert document.get("role", role_id("Crisis Lead")).holder_id == person_id("Dr Bea")
    assert len(document.plan.people) == 2


def test_person_form_capacity_sources_and_load(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    pid = person_id("Dr Ada")
    form = _form(PersonForm, qtbot, document, stack, pid)
    assert form.capacity.text() == "Plan default (4)"
    assert form.load_label.text() == "5 of 4 sessions a week (125%) — over capacity"
    form.capacity.setValue(6)
    form.capacity.editingFinished.emit()
    assert document.get("person", pid).capacity == 6
    assert form.load_label.text().startswith("5 of 6 sessions")
    assert not form.sources[Source.REPUTATION].isEnabled()
    form.recorded.click()
    assert document.get("person", pid).sources == []
    form.sources[Source.REPUTATION].click()
    assert document.get("person", pid).sources == [Source.REPUTATION]
    form.capacity.setValue(form.capacity.minimum())
    form.capacity.editingFinished.emit()
    assert document.get("person", pid).capacity is None
    assert [form.roles.item(i).text() for i in range(form.roles.count())] == [
        "Medical Director — 2 sessions", "MH Lead — 3 sessions"
    ]  # fmt: skip


def test_hidden_form_catches_up_when_shown(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    from govplanner.gui import commands

    form = _form(PersonForm, qtbot, document, stack, person_id("Dr Bea"))
    form.hide()
    rename = commands.update_item(document, "person", person_id("Dr Bea"), name="Dr B")
    commands.execute(stack, rename)
    assert form.name.text() == "Dr Bea"  # not redrawn while nobody can see it
    form.show()
    assert form.name.text() == "Dr B"


def test_form_forgets_a_deleted_item(qtbot: Any, document: PlanDocument, stack: QUndoStack) -> None:
    from govplanner.gui import commands

    form = _form(PersonForm, qtbot, document, stack, person_id("Dr Bea"))
    commands.execute(stack, commands.delete_item(document, "person", person_id("Dr Bea")))
    assert form.item_id is None
    assert form._pages.currentIndex() == 0


def test_checklist_space_toggles_entry(
    qtbot: Any, qtmodeltester: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    form = _form(RoleForm, qtbot, document, stack, role_id("Crisis Lead"))
    checklist = form.seats
    qtmodeltester.check(checklist.model)
    assert checklist.visible_texts()[0] == "Crisis Group"  # seats first
    checklist.list.setFocus()
    checklist.list.setCurrentIndex(checklist.model.index(1))
    entry_id = checklist.model.index(1).data(Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(checklist.toggled) as blocker:
        qtbot.keyClick(checklist.list, Qt.Key.Key_Space)
    assert blocker.args == [entry_id, True]
    assert entry_id in document.get("role", role_id("Crisis Lead")).committee_ids
    checklist.filter.setText("quality")
    assert checklist.visible_texts() == ["Quality Committee"]


# -- schema 3: kinds, bodies, groups, lines, quorum, requirements, memberships ---------------


@pytest.fixture
def v2_document(document: PlanDocument) -> PlanDocument:
    document.plan.organisations = [
        Organisation(id="org_icb", name="North ICB", type=OrganisationType.ICB),
        Organisation(id="org_council", name="North Council"),
    ]
    document.plan.groups = [InCommonGroup(id="grp_cic", name="North and South in common")]
    return document


def _undo_all_restores(stack: QUndoStack, document: PlanDocument, before: dict[str, Any]) -> None:
    while stack.canUndo():
        stack.undo()
    assert document.plan.model_dump() == before


def test_committee_form_v2_fields_are_one_command_each(
    qtbot: Any, v2_document: PlanDocument, stack: QUndoStack
) -> None:
    document = v2_document
    cid = committee_id("Quality Committee")
    before = document.plan.model_dump()
    form = _form(CommitteeForm, qtbot, document, stack, cid)
    _choose(form.kind_box, CommitteeKind.ASSURANCE)
    assert stack.undoText() == "Set the kind of committee 'Quality Committee' to Assurance"
    assert "does not need a clinical" in form.kind_hint.text()
    form.bodies.toggled.emit("org_icb", True)
    form.bodies.toggled.emit("org_council", True)
    assert stack.undoText() == "Add 'North Council' as a body of committee 'Quality Committee'"
    assert "Joint committee of North ICB and North Council" in form.joint_hint.text()
    _choose(form.group, "grp_cic")
    assert stack.undoText() == ("Put committee 'Quality Committee' in 'North and South in common'")
    form.quorum.setValue(3)
    form.quorum_clinical.click()
    assert stack.undoText() == (
        "The quorum of committee 'Quality Committee' needs a clinical member"
    )
    _choose(form.requirement_boxes[Function.RELATIONAL], Requirement.ESSENTIAL)
    assert stack.undoText() == "Set Relational work on committee 'Quality Committee' to essential"
    c = document.get("committee", cid)
    assert c.kind is CommitteeKind.ASSURANCE
    assert c.organisation_ids == ["org_icb", "org_council"]
    assert (c.group_id, c.quorum, c.quorum_clinical) == ("grp_cic", 3, True)
    assert c.requirements == {Function.RELATIONAL: Requirement.ESSENTIAL}
    assert stack.count() == 7
    _choose(form.requirement_boxes[Function.RELATIONAL], None)  # back to the kind's rule
    assert document.get("committee", cid).requirements == {}
    box_text = form.requirement_boxes[Function.ANALYTICAL].itemText(0)
    assert box_text == "As its kind says (optional)"
    _undo_all_restores(stack, document, before)
    assert form.kind_box.currentData() is CommitteeKind.DECISION


def test_committee_form_lines_add_change_remove(
    qtbot: Any, v2_document: PlanDocument, stack: QUndoStack
) -> None:
    document = v2_document
    cid = committee_id("Crisis Group")
    before = document.plan.model_dump()
    form = _form(CommitteeForm, qtbot, document, stack, cid)
    ((_kind, target, _remove),) = form.lines.rows()
    assert target.currentText() == "Mental Health Board"
    form.lines.add_button.click()
    c = document.get("committee", cid)
    assert [(line.to_id, line.kind) for line in c.lines] == [
        (committee_id("Mental Health Board"), LineKind.ACCOUNTABLE),
        (committee_id("ICB Board"), LineKind.ADVISES),
    ]
    assert stack.undoText().startswith("Lines of committee 'Crisis Group': add a line")
    _kind, second, _r = form.lines.rows()[1]
    _choose(second, committee_id("Quality Committee"))
    assert document.get("committee", cid).advises_ids == [committee_id("Quality Committee")]
    _choose(form.lines.rows()[1][0], LineKind.ACCOUNTABLE)
    assert document.get("committee", cid).accountable_to_ids == [
        committee_id("Mental Health Board"), committee_id("Quality Committee")
    ]  # fmt: skip
    form.lines.rows()[0][2].click()
    assert document.get("committee", cid).accountable_to_ids == [committee_id("Quality Committee")]
    assert stack.undoText() == (
        "Lines of committee 'Crisis Group': remove its line to 'Mental Health Board'"
    )
    assert len(form.lines.rows()) == 1
    assert stack.count() == 4
    _undo_all_restores(stack, document, before)
    assert len(form.lines.rows()) == 1


def test_typing_commits_at_once_as_one_command_per_field(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    cid = committee_id("ICB Board")
    form = _form(CommitteeForm, qtbot, document, stack, cid)
    form.name.setFocus()
    form.name.selectAll()
    qtbot.keyClicks(form.name, "NHS Board ")
    assert document.get("committee", cid).name == "NHS Board"  # no focus change needed
    assert form.name.text() == "NHS Board "  # the space being typed stays in the box
    qtbot.keyClicks(form.quorum_note, "Two GPs")
    qtbot.keyClicks(form.purpose, "Sets strategy")
    c = document.get("committee", cid)
    assert (c.quorum_note, c.purpose) == ("Two GPs", "Sets strategy")
    assert [stack.text(i) for i in range(stack.count())] == [
        "Rename committee 'ICB Board' to 'NHS Board'",
        "Change quorum note of committee 'NHS Board'",
        "Change purpose of committee 'NHS Board'",
    ]
    qtbot.keyClicks(form.name, "X")  # back in the name after leaving it: a new command
    assert stack.count() == 4
    stack.undo()
    stack.undo()
    assert form.purpose.toPlainText() == ""


def test_emptied_name_waits_then_is_refused(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    form = _form(CommitteeForm, qtbot, document, stack, committee_id("ICB Board"))
    form.name.setFocus()
    form.name.selectAll()
    qtbot.keyClick(form.name, Qt.Key.Key_Backspace)
    assert form.name.text() == ""
    assert stack.count() == 0
    with qtbot.waitSignal(form.edit_refused):
        form.name.editingFinished.emit()
    assert form.name.text() == "ICB Board"


def test_role_form_membership_deputy_and_organisations(
    qtbot: Any, v2_document: PlanDocument, stack: QUndoStack
) -> None:
    document = v2_document
    rid = role_id("Crisis Lead")
    document.plan.roles.append(Role(id="rol_md2", title="Medical Director", seats=[
        Seat(committee_id=committee_id("Crisis Group"))]))  # fmt: skip
    before = document.plan.model_dump()
    form = _form(RoleForm, qtbot, document, stack, rid)
    combo = form.membership_combos[committee_id("Crisis Group")]
    assert combo.accessibleName() == "Membership on 'Crisis Group'"
    _choose(combo, Membership.PARTICIPANT)
    assert stack.undoText() == "Make role 'Crisis Lead' a participant on 'Crisis Group'"
    texts = [form.deputy_for.itemText(i) for i in range(form.deputy_for.count())]
    assert "Medical Director (ICB Board, Quality Committee)" in texts
    assert "Medical Director (Crisis Group)" in texts  # same titles told apart
    _choose(form.deputy_for, "rol_md2")
    assert stack.undoText() == (
        "Make role 'Crisis Lead' deputy for 'Medical Director (Crisis Group)'"
    )
    form.organisations.toggled.emit("org_council", True)
    role = document.get("role", rid)
    assert role.membership_on(committee_id("Crisis Group")) is Membership.PARTICIPANT
    assert (role.deputy_for_id, role.organisation_ids) == ("rol_md2", ["org_council"])
    form.seats.toggled.emit(committee_id("ICB Board"), True)
    assert list(form.membership_combos) == [committee_id("Crisis Group"), committee_id("ICB Board")]
    assert stack.count() == 4
    _undo_all_restores(stack, document, before)
    assert list(form.membership_combos) == [committee_id("Crisis Group")]
    assert form.deputy_for.currentText() == "(not a deputy)"


def test_organisation_form_name_type_population(
    qtbot: Any, v2_document: PlanDocument, stack: QUndoStack
) -> None:
    document = v2_document
    document.plan.committees[0].organisation_ids = ["org_icb"]
    before = document.plan.model_dump()
    form = _form(OrganisationForm, qtbot, document, stack, "org_council")
    assert form.population.text() == "Not recorded"
    assert form.uses.item(0).text() == "No committee or role names it yet."
    _choose(form.type_box, OrganisationType.LOCAL_AUTHORITY)
    assert stack.undoText() == "Change type of organisation 'North Council'"
    form.population.setFocus()
    form.population.selectAll()
    qtbot.keyClicks(form.population, "350000")
    assert document.plan.organisations[1].population == 350000
    assert stack.count() == 2  # six keystrokes, one command
    form.set_item("org_icb")
    assert form.uses.item(0).text() == "Committee: ICB Board"
    with qtbot.waitSignal(form.navigate) as blocker:
        form.uses.itemActivated.emit(form.uses.item(0))
    assert blocker.args == ["committee", committee_id("ICB Board")]
    _undo_all_restores(stack, document, before)


def test_group_form_puts_committees_in_and_out(
    qtbot: Any, v2_document: PlanDocument, stack: QUndoStack
) -> None:
    document = v2_document
    before = document.plan.model_dump()
    form = _form(GroupForm, qtbot, document, stack, "grp_cic")
    form.members.toggled.emit(committee_id("ICB Board"), True)
    assert stack.undoText() == "Add 'ICB Board' to the group 'North and South in common'"
    assert document.get("committee", committee_id("ICB Board")).group_id == "grp_cic"
    assert form.members.visible_texts()[0] == "ICB Board"  # members first
    form.members.toggled.emit(committee_id("ICB Board"), False)
    assert document.get("committee", committee_id("ICB Board")).group_id is None
    qtbot.keyClicks(form.description, "Two ICBs, one agenda")
    assert document.plan.groups[0].description == "Two ICBs, one agenda"
    _undo_all_restores(stack, document, before)


def test_committee_serves_several_programme_areas(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    cid = committee_id("Mental Health Board")
    form = _form(CommitteeForm, qtbot, document, stack, cid)
    assert form.programme_hint.isHidden()
    edit = form.programme.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, "Mental health; Homelessness")
    assert document.get("committee", cid).programme_areas == ["Mental health", "Homelessness"]
    assert stack.count() == 1  # typed, one command
    assert form.programme_hint.text().endswith("judged for representation: Homelessness")
    assert not form.programme_hint.isHidden()
    stack.undo()
    assert form.programme.currentText() == "Mental health"
    assert form.programme_hint.isHidden()


def test_typing_does_not_reload_the_form_but_undo_does(
    qtbot: Any, document: PlanDocument, stack: QUndoStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A keystroke's own change is already in its box: no reload (a national plan's pickers
    are too big to rebuild per key); any other change, undo included, reloads."""
    form = _form(RoleForm, qtbot, document, stack, role_id("Crisis Lead"))
    loads: list[str] = []
    original = RoleForm.load
    monkeypatch.setattr(RoleForm, "load", lambda self, item: (loads.append(item.id),
                                                             original(self, item)))  # fmt: skip
    qtbot.keyClicks(form.notes, "Covers two PCNs")
    qtbot.keyClicks(form.title, " (acting)")
    assert loads == []
    assert document.get("role", role_id("Crisis Lead")).title == "Crisis Lead (acting)"
    stack.undo()
    assert loads == [role_id("Crisis Lead")]
    assert form.title.text() == "Crisis Lead"


def test_a_role_cannot_deputise_for_itself(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    form = _form(RoleForm, qtbot, document, stack, role_id("Crisis Lead"))
    with qtbot.waitSignal(form.edit_refused) as blocker:
        _choose(form.deputy_for, role_id("Crisis Lead"))
    assert blocker.args == ["A role cannot deputise for itself."]
    assert stack.count() == 0
    assert form.deputy_for.currentText() == "(not a deputy)"


def test_a_text_box_reached_by_the_keyboard_goes_on_from_the_end(qtbot: Any) -> None:
    """Alt+U to Purpose put the cursor before the text, so new words went in front of it."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QFocusEvent

    from govplanner.gui.forms.widgets import CommitTextEdit

    box = CommitTextEdit()
    qtbot.addWidget(box)
    box.set_text("Sets the system's strategy.")
    for reason in (Qt.FocusReason.ShortcutFocusReason, Qt.FocusReason.TabFocusReason):
        box.moveCursor(box.textCursor().MoveOperation.Start)
        box.focusInEvent(QFocusEvent(QEvent.Type.FocusIn, reason))
        assert box.textCursor().atEnd()
    box.moveCursor(box.textCursor().MoveOperation.Start)
    box.focusInEvent(QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.MouseFocusReason))
    assert box.textCursor().atStart()  # a click puts the cursor where it was clicked
