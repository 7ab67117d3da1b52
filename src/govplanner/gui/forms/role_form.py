"""The role detail form: seats and how it sits there, deputy, organisations, profession,
functions with their activities, holder, term."""

from __future__ import annotations

import copy
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govplanner.domain.catalogue import FUNCTION_INFO, activities_of
from govplanner.domain.enums import FUNCTIONS, Function, Membership
from govplanner.domain.model import Person, Role, Seat
from govplanner.domain.names import name_key
from govplanner.gui import commands
from govplanner.gui.forms.base import DetailForm, hint_label, set_combo, show_text
from govplanner.gui.forms.checklist import CheckList
from govplanner.gui.forms.widgets import (
    CommitTextEdit,
    FormLineEdit,
    IdComboBox,
    OptionalDate,
)

VACANT_TEMPLATE = "Vacant (nobody holds this {role})"  # a template in the plan's words
VACANT_TEXT = VACANT_TEMPLATE.format(role="role")  # in the standard words
NOT_DEPUTY = "(not a deputy)"

#: How each membership reads in the seat's combo box.
MEMBERSHIP_TEXTS = {
    Membership.MEMBER: "Member (votes)",
    Membership.PARTICIPANT: "Participant (no vote)",
    Membership.ATTENDEE: "Attendee (in attendance)",
    Membership.DEPUTY: "Deputy (stands in)",
}
#: A template in the plan's words: what each membership means, for the seat's tooltip.
MEMBERSHIP_HELP = (
    "Member: votes and counts to the quorum. Participant: takes part without a vote. "
    "Attendee: in attendance only; provides no function. Deputy: stands in for the {role} "
    "named in 'Deputy for', and provides only while that {role} is vacant."
)


class RoleForm(DetailForm):
    kind = "role"
    empty_text = "Select a {role} to see and edit its details,\nor add one with Ctrl+Shift+R."

    def build(self, body: QWidget) -> None:
        outer = QVBoxLayout(body)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)
        self.title = self.row(form, "T&itle:", FormLineEdit(body))
        self.typed(self.title, "title", required=True)
        self._build_holder(form, body)
        self._professions: list[str] = []
        self.profession = self.row(form, "Profe&ssion:", FormLineEdit(body))
        self.profession.setPlaceholderText("e.g. general practice, midwifery, pharmacy")
        self.typed(self.profession, "profession")
        self.clinical = self.row(form, "Clinical:", QCheckBox(body))
        self.words.bind(self.clinical, "setText", "A clinical &leadership {role}")
        self.clinical.toggled.connect(self.on_change(lambda on: self.commit(clinical=on)))
        self.sessions = self.row(form, "Sessions a wee&k:", QDoubleSpinBox(body))
        self.sessions.setRange(0, 100)
        self.sessions.setDecimals(1)
        self.sessions.setSingleStep(0.5)
        self.typed_number(self.sessions, "sessions_per_week", self.sessions.value)
        self.term_start = self.row(form, "Term:", OptionalDate("Starts", body))
        self.term_start.changed.connect(lambda d: self.commit(term_start=d))
        self.term_end = self.row(form, "", OptionalDate("Ends", body))
        self.term_end.setAccessibleName("Term ends")
        self.term_end.changed.connect(lambda d: self.commit(term_end=d))
        self.seats = self.row(form, "Se&ats on:", CheckList(self.words["committees"], body))
        self.words.changed.connect(self._retranslate_seats)
        self.seats.toggled.connect(self._seat_toggled)
        self._build_memberships(form, body)
        outer.addWidget(self._build_functions(body))
        notes = QFormLayout()
        outer.addLayout(notes)
        self.notes = self.row(notes, "Notes:", CommitTextEdit(body))
        self.typed_text(self.notes, "notes")

    def _build_memberships(self, form: QFormLayout, body: QWidget) -> None:
        """Each seat's membership, the role it deputises for, and its organisations."""
        self.membership_box = QWidget(body)
        self.membership_form = QFormLayout(self.membership_box)
        self.membership_form.setContentsMargins(0, 0, 0, 0)
        self.membership_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.membership_combos: dict[str, IdComboBox] = {}
        caption = QLabel("Membership:", body)
        form.addRow(caption, self.membership_box)
        self.membership_caption = caption
        self.no_seats = hint_label(self.membership_box)
        self.membership_form.addRow(self.no_seats)
        self.deputy_for = self.row(
            form,
            "Deput&y for:",
            IdComboBox(body),
            "The {role} this one stands in for; its deputy seats count only when that {role} "
            "is vacant.",
        )
        self.deputy_for.activated.connect(self._deputy_chosen)
        self.organisations = self.row(
            form,
            "Organisations:",
            CheckList("organisations", body),
            "The bodies that employ, appoint or nominate the {role}; a joint post names several.",
        )
        self.organisations.list.setMinimumHeight(70)
        self.organisations.list.setMaximumHeight(110)
        self.organisations.toggled.connect(self._organisation_toggled)

    def _build_holder(self, form: QFormLayout, body: QWidget) -> None:
        row = QWidget(body)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.holder = IdComboBox(row)
        self.holder.setMinimumContentsLength(10)
        self.holder.activated.connect(self._holder_chosen)
        self.new_person = QPushButton("Ne&w person…", row)
        self.words.bind(
            self.new_person, "setToolTip", "Create a person and put them into this {role}"
        )
        self.new_person.clicked.connect(self._create_holder)
        layout.addWidget(self.holder, 1)
        layout.addWidget(self.new_person)
        row.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Alt+B: a label gives focus only to
        row.setFocusProxy(self.holder)  # a buddy that takes it; Tab skips a proxied widget
        self.row(form, "Held &by:", row)
        self.holder.setAccessibleName("Held by")
        self.vacancy = QLabel(body)
        form.addRow("", self.vacancy)

    def _build_functions(self, body: QWidget) -> QGroupBox:
        box = QGroupBox("Clinical leadership functions and activities", body)
        grid = QGridLayout(box)
        self.function_boxes: dict[Function, QCheckBox] = {}
        self.activity_boxes: dict[str, QCheckBox] = {}
        self.activity_labels: dict[str, QLabel] = {}
        for n, function in enumerate(FUNCTIONS):
            column = QVBoxLayout()
            check = QCheckBox(function.label.replace("&", "&&"), box)
            check.setToolTip(FUNCTION_INFO[function].summary)
            check.setAccessibleName(f"Provides {function.label}")
            font = check.font()
            font.setBold(True)
            check.setFont(font)
            check.toggled.connect(self.on_change(lambda on, f=function: self._function(f, on)))
            column.addWidget(check)
            self.function_boxes[function] = check
            for activity in activities_of(function):
                column.addLayout(self._activity_row(box, activity.code, activity.text))
            column.addStretch(1)
            grid.addLayout(column, n, 0)  # one column: the form stays narrow enough to fit
        self.functions_note = QLabel(box)
        self.words.bind(self.functions_note, "setText", "Only clinical {roles} provide functions.")
        self.functions_note.setEnabled(False)
        grid.addWidget(self.functions_note, len(FUNCTIONS), 0)
        self.functions_box = box
        return box

    def _activity_row(self, box: QWidget, code: str, text: str) -> QHBoxLayout:
        """A checkbox with the activity code, and its text beside it, wrapping."""
        row = QHBoxLayout()
        row.setContentsMargins(22, 0, 0, 0)
        sub = QCheckBox(code, box)
        sub.setAccessibleName(f"Activity {code}: {text}")
        sub.setToolTip(text)
        sub.toggled.connect(self.on_change(lambda on, c=code: self._activity(c, on)))
        label = QLabel(text, box)
        label.setWordWrap(True)
        label.setBuddy(sub)
        row.addWidget(sub, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(label, 1)
        self.activity_boxes[code] = sub
        self.activity_labels[code] = label
        return row

    def _retranslate_seats(self) -> None:
        self.seats.set_what(self.words["committees"])

    # -- edits -----------------------------------------------------------------------------

    def _role(self) -> Role:
        role: Role = self.item()
        return role

    def _function(self, function: Function, on: bool) -> None:
        role = self._role()
        if on:
            functions = [f for f in FUNCTIONS if f in role.functions or f is function]
            self.commit(
                f"Add {function.label} to {self.words['role']} '{role.title}'", functions=functions
            )
            return
        codes = {a.code for a in activities_of(function)}
        self.commit(
            f"Remove {function.label} from {self.words['role']} '{role.title}'",
            functions=[f for f in role.functions if f is not function],
            activities=[a for a in role.activities if a not in codes],
        )

    def _activity(self, code: str, on: bool) -> None:
        role = self._role()
        activities = [a for a in role.activities if a != code] + ([code] if on else [])
        verb = "Add activity" if on else "Remove activity"
        text = f"{verb} {code} to {self.words['role']} '{role.title}'"
        self.commit(text, activities=sorted(activities))

    def _seat_toggled(self, committee_id: str, on: bool) -> None:
        role = self._role()
        name = self.lookup.name("committee", committee_id)
        kept = [copy.copy(s) for s in role.seats if s.committee_id != committee_id]
        if on:
            text = f"Seat {self.words['role']} '{role.title}' on '{name}'"
            self.commit(text, seats=[*kept, Seat(committee_id=committee_id)])
        else:
            text = f"Take {self.words['role']} '{role.title}' off '{name}'"
            self.commit(text, seats=kept)

    def _membership_chosen(self, committee_id: str) -> None:
        role = self._role()
        chosen = Membership(self.membership_combos[committee_id].currentData())
        seats = [
            Seat(committee_id=s.committee_id, membership=chosen)
            if s.committee_id == committee_id
            else copy.copy(s)
            for s in role.seats
        ]
        name = self.lookup.name("committee", committee_id)
        text = f"Make {self.words['role']} '{role.title}' a {chosen.value} on '{name}'"
        self.commit(text, seats=seats)

    def _deputy_chosen(self) -> None:
        role, chosen = self._role(), self.deputy_for.currentData()
        if chosen == role.id:
            self.edit_refused.emit(f"A {self.words['role']} cannot deputise for itself.")
            self.reload()
            return
        if chosen is None:
            text = f"{self.words['role'].capitalize()} '{role.title}' deputises for nobody"
        else:
            other = self.lookup.role(chosen)
            label = self.lookup.role_label(other) if other else chosen
            text = f"Make {self.words['role']} '{role.title}' deputy for '{label}'"
        self.commit(text, deputy_for_id=chosen)

    def _organisation_toggled(self, organisation_id: str, on: bool) -> None:
        role = self._role()
        name = self.lookup.name("organisation", organisation_id)
        ids = [o for o in role.organisation_ids if o != organisation_id]
        if on:
            ids.append(organisation_id)
            text = f"Name '{name}' as an organisation of {self.words['role']} '{role.title}'"
        else:
            text = f"Drop '{name}' from {self.words['role']} '{role.title}'"
        self.commit(text, organisation_ids=ids)

    def _holder_chosen(self) -> None:
        role, person_id = self._role(), self.holder.currentData()
        if not self._loading and role is not None and person_id != role.holder_id:
            self.run(commands.fill_role(self.document, role.id, person_id))

    def _create_holder(self) -> None:
        role = self._role()
        name, ok = QInputDialog.getText(
            self, "New person", f"Name of the person who will hold '{role.title}':"
        )
        name = name.strip()
        if not ok or not name:
            return
        existing = next(
            (p for p in self.document.plan.people if name_key(p.name) == name_key(name)), None
        )
        if existing is not None:
            self.run(commands.fill_role(self.document, role.id, existing.id))
        else:
            person = Person(name=name, profession=role.profession)
            self.run(commands.fill_role_with_new_person(self.document, role.id, person))

    # -- loading ---------------------------------------------------------------------------

    def load(self, item: Any) -> None:
        role: Role = item
        plan = self.document.plan
        show_text(self.title, role.title)
        set_combo(
            self.holder,
            [(self.words.text(VACANT_TEMPLATE), None), *self.lookup.person_choices()],
            role.holder_id,
        )
        vacant = role.holder_id is None
        self.vacancy.setText(
            self.words.text("⚠ Vacant: this {role} provides no cover until filled.")
            if vacant
            else ""
        )
        self.vacancy.setVisible(vacant)
        show_text(self.profession, role.profession)
        professions = sorted({p for prog in plan.programmes for p in prog.professions})
        if professions != self._professions:
            self._professions = professions
            self.profession.setCompleter(QCompleter(professions, self.profession))
        self.clinical.setChecked(role.clinical)
        if self.sessions.value() != role.sessions_per_week:
            self.sessions.setValue(role.sessions_per_week)
        self.term_start.set_value(role.term_start)
        self.term_end.set_value(role.term_end)
        entries = [(c.name, c.id) for c in plan.committees]
        self.seats.set_entries(entries, {s.committee_id for s in role.seats})
        self._load_memberships(role)
        self._load_deputy(role)
        orgs = [(o.name, o.id) for o in plan.organisations]
        self.organisations.set_entries(orgs, set(role.organisation_ids))
        self._load_functions(role)
        self.notes.set_text(role.notes)

    def _load_functions(self, role: Role) -> None:
        for function, check in self.function_boxes.items():
            check.setChecked(function in role.functions)
            check.setEnabled(role.clinical)
            for activity in activities_of(function):
                box = self.activity_boxes[activity.code]
                box.setChecked(activity.code in role.activities)
                on = role.clinical and function in role.functions
                box.setEnabled(on)
                self.activity_labels[activity.code].setEnabled(on)
        self.functions_note.setVisible(not role.clinical)

    def _load_memberships(self, role: Role) -> None:
        wanted = [s.committee_id for s in role.seats]
        if list(self.membership_combos) != wanted:
            for combo in self.membership_combos.values():
                self.membership_form.removeRow(combo)
            self.membership_combos = {}
            for cid in wanted:
                combo = IdComboBox(self.membership_box)
                combo.activated.connect(lambda _i, c=cid: self._membership_chosen(c))
                self.membership_form.addRow(QLabel(self.membership_box), combo)
                self.membership_combos[cid] = combo
        entries = [(self.words.text(MEMBERSHIP_TEXTS[m]), m) for m in Membership]
        for n, seat in enumerate(role.seats):
            combo = self.membership_combos[seat.committee_id]
            name = self.lookup.name("committee", seat.committee_id)
            combo.setAccessibleName(f"Membership on '{name}'")
            combo.setToolTip(self.words.text(MEMBERSHIP_HELP))
            label = self.membership_form.labelForField(combo)
            if isinstance(label, QLabel):
                label.setText(name.replace("&", "&&"))
                label.setBuddy(combo)
            combo.set_entries(entries, seat.membership)
            if n == 0:
                self.membership_caption.setBuddy(combo)
        # Combos made now would come last in the Tab order, after the whole window.
        chain = [self.seats.list, *self.membership_combos.values(), self.deputy_for]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.no_seats.setText(self.words.text("No seats yet: tick the {committees} above."))
        self.no_seats.setVisible(not role.seats)

    def _load_deputy(self, role: Role) -> None:
        # Every role, itself included: the same list for every role needs no refill when
        # another role is shown (30,000 roles in a national plan); choosing itself is refused.
        choices = self.lookup.role_choices()
        set_combo(self.deputy_for, [(NOT_DEPUTY, None), *choices], role.deputy_for_id)
