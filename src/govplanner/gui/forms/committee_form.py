"""The committee detail form: tier, reporting line, stage, programme, chair, meetings, seats."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govplanner.domain.model import Committee
from govplanner.gui.forms.base import DetailForm, set_combo
from govplanner.gui.forms.widgets import CommitTextEdit, FormLineEdit, IdComboBox

FREQUENCIES = ("Weekly", "Fortnightly", "Monthly", "Every two months", "Quarterly", "Annually")


class CommitteeForm(DetailForm):
    #: the user asked for a new role seated on this committee (its id)
    add_role_requested = Signal(str)

    kind = "committee"
    empty_text = "Select a {committee} to see and edit its details,\nor add one with Ctrl+Shift+C."

    def build(self, body: QWidget) -> None:
        outer = QVBoxLayout(body)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)
        self.name = self.row(form, "&Name:", FormLineEdit(body))
        self.name.editingFinished.connect(lambda: self.commit(name=self.name.text().strip()))
        self.tier = self.row(form, "&{Tier}:", IdComboBox(body))
        self.tier.activated.connect(lambda: self.commit(tier_id=self.tier.currentData()))
        self.reports_to = self.row(
            form, "&Reports to:", IdComboBox(body), "The {committee} this one is accountable to."
        )
        self.reports_to.activated.connect(
            lambda: self.commit(reports_to_id=self.reports_to.currentData())
        )
        self.stage = self.row(
            form, "&Stage:", IdComboBox(body), "Its current stage of integration."
        )
        self.stage.activated.connect(lambda: self.commit(stage_id=self.stage.currentData()))
        self.programme = self.row(
            form,
            "&Programme area:",
            IdComboBox(body),
            "The area of care it serves; sets which professions should be represented.",
        )
        self.programme.activated.connect(
            lambda: self.commit(programme_area=self.programme.currentData())
        )
        self._build_meeting_fields(form, body)
        self.purpose = self.row(form, "P&urpose:", CommitTextEdit(body))
        self.purpose.committed.connect(lambda text: self.commit(purpose=text))
        self.seats = QListWidget(body)
        self.words.bind(self.seats, "setAccessibleName", "{Roles} seated on this {committee}")
        self.seats.itemActivated.connect(self._open_role)
        caption = QLabel(body)
        self.words.bind(caption, "setText", "{Roles} with a seat (double-click to open):")
        caption.setBuddy(self.seats)
        outer.addWidget(caption)
        outer.addWidget(self.seats, 1)
        add_role = QPushButton(body)
        self.words.bind(add_role, "setText", "Add a &{role} on this {committee}")
        add_role.clicked.connect(lambda: self.add_role_requested.emit(self.item_id or ""))
        outer.addWidget(add_role, 0, Qt.AlignmentFlag.AlignLeft)

    def _build_meeting_fields(self, form: QFormLayout, body: QWidget) -> None:
        self.chair = self.row(
            form, "&Chair:", IdComboBox(body), "The {role} that chairs it (one of its seats)."
        )
        self.chair.activated.connect(lambda: self.commit(chair_role_id=self.chair.currentData()))
        self.quorum = self.row(form, "&Quorum:", FormLineEdit(body))
        self.quorum.setPlaceholderText("e.g. 5 members including 2 clinicians")
        self.quorum.editingFinished.connect(lambda: self.commit(quorum=self.quorum.text().strip()))
        self.frequency = self.row(form, "&Meets:", QComboBox(body))
        self.frequency.setEditable(True)
        self.frequency.addItems(("", *FREQUENCIES))
        edit = self.frequency.lineEdit()
        edit.setPlaceholderText("How often it meets")
        edit.editingFinished.connect(
            lambda: self.commit(meeting_frequency=self.frequency.currentText().strip())
        )
        self.frequency.activated.connect(
            lambda: self.commit(meeting_frequency=self.frequency.currentText().strip())
        )

    def _open_role(self, item: QListWidgetItem) -> None:
        self.navigate.emit("role", item.data(Qt.ItemDataRole.UserRole))

    def load(self, item: Any) -> None:
        c: Committee = item
        plan = self.document.plan
        if self.name.text() != c.name:
            self.name.setText(c.name)
        set_combo(self.tier, [(f"{t.name} ({t.level.value})", t.id) for t in plan.tiers], c.tier_id)
        others = sorted((o for o in plan.committees if o.id != c.id), key=lambda o: o.name.lower())
        set_combo(
            self.reports_to,
            [(self.words.text("(reports to no {committee})"), None)]
            + [(o.name, o.id) for o in others],
            c.reports_to_id,
        )
        first = plan.stages[0].name if plan.stages else "none"
        stages = [(f"Not set (first stage: {first})", None)] + [(s.name, s.id) for s in plan.stages]
        set_combo(self.stage, stages, c.stage_id)
        programmes = [("(none)", "")] + [(p.name, p.name) for p in plan.programmes]
        if c.programme_area and all(p.name != c.programme_area for p in plan.programmes):
            programmes.append(
                (f"{c.programme_area} (not in the programme table)", c.programme_area)
            )
        set_combo(self.programme, programmes, c.programme_area)
        self._load_meetings(c)
        self.purpose.set_text(c.purpose)

    def _load_meetings(self, c: Committee) -> None:
        seated = self.lookup.roles_on(c.id)
        chairs = [("(no chair set)", None)] + [(r.title, r.id) for r in seated]
        if c.chair_role_id and all(r.id != c.chair_role_id for r in seated):
            chairs.append(
                (f"{self.lookup.name('role', c.chair_role_id)} (no seat)", c.chair_role_id)
            )
        set_combo(self.chair, chairs, c.chair_role_id)
        if self.quorum.text() != c.quorum:
            self.quorum.setText(c.quorum)
        if self.frequency.currentText() != c.meeting_frequency:
            self.frequency.setCurrentText(c.meeting_frequency)
        self.seats.clear()
        for role in seated:
            holder = self.lookup.name("person", role.holder_id) or "Vacant"
            kind = "clinical" if role.clinical else "non-clinical"
            entry = QListWidgetItem(f"{role.title} — {holder} ({kind})", self.seats)
            entry.setData(Qt.ItemDataRole.UserRole, role.id)
        if not seated:
            none = self.words.text("No {roles} yet: add a {role} and tick this {committee}.")
            entry = QListWidgetItem(none, self.seats)
            entry.setFlags(Qt.ItemFlag.NoItemFlags)
