"""The committee detail form: what it is, whose it is, its lines, meetings, quorum and seats."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from govplanner.domain.enums import FUNCTIONS, CommitteeKind, Function, Membership, Requirement
from govplanner.domain.governance import KIND_INFO
from govplanner.domain.model import Committee, Line
from govplanner.domain.names import name_key
from govplanner.gui.forms.base import DetailForm, hint_label, set_combo, show_text
from govplanner.gui.forms.checklist import CheckList
from govplanner.gui.forms.lines import LinesEditor
from govplanner.gui.forms.widgets import CommitTextEdit, FormLineEdit, IdComboBox

FREQUENCIES = ("Weekly", "Fortnightly", "Monthly", "Every two months", "Quarterly", "Annually")
NO_GROUP = "(meets on its own)"
AS_KIND = "As its kind says"
JOINT_HINT = (
    "One organisation: the {committee} is that body's own. Several: a joint {committee}, "
    "one {committee} that decides for all of them."
)


class CommitteeForm(DetailForm):
    #: the user asked for a new role seated on this committee (its id)
    add_role_requested = Signal(str)

    kind = "committee"
    empty_text = "Select a {committee} to see and edit its details,\nor add one with Ctrl+Shift+C."

    def build(self, body: QWidget) -> None:
        outer = QVBoxLayout(body)
        form = self._form(outer)
        self.name = self.row(form, "N&ame:", FormLineEdit(body))
        self.typed(self.name, "name", required=True)
        self.kind_box = self.row(
            form, "&Kind:", IdComboBox(body), "What the {committee} is for decides what it needs."
        )
        self.kind_box.set_entries([(k.label, k) for k in CommitteeKind], CommitteeKind.DECISION)
        self.kind_box.activated.connect(self._kind_chosen)
        self.kind_hint = hint_label(body)
        form.addRow("", self.kind_hint)
        self.tier = self.row(form, "{Tier}:", IdComboBox(body))
        self.tier.activated.connect(lambda: self.commit(tier_id=self.tier.currentData()))
        self._build_bodies(form, body)
        self.lines = self.row(form, "Lines out:", LinesEditor(self.words, body))
        self.lines.edited.connect(self._lines_edited)
        self.stage = self.row(
            form, "&Stage:", IdComboBox(body), "Its current stage of integration."
        )
        self.stage.activated.connect(lambda: self.commit(stage_id=self.stage.currentData()))
        self._build_programme(form, body)
        self._build_meeting_fields(form, body)
        self.purpose = self.row(form, "P&urpose:", CommitTextEdit(body))
        self.typed_text(self.purpose, "purpose")
        outer.addWidget(self._build_requirements(body))
        self._build_seats(outer, body)

    def _form(self, outer: QVBoxLayout) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(form)
        return form

    def _build_bodies(self, form: QFormLayout, body: QWidget) -> None:
        self.bodies = self.row(form, "Organisations:", CheckList("organisations", body))
        self.bodies.list.setMinimumHeight(70)
        self.bodies.list.setMaximumHeight(110)
        self.bodies.toggled.connect(self._body_toggled)
        self.joint_hint = hint_label(body)
        form.addRow("", self.joint_hint)
        self.group = self.row(
            form,
            "{Committees} &in common:",
            IdComboBox(body),
            "A named set of {committees} of different bodies that meet together, each still "
            "deciding for its own body.",
        )
        self.group.activated.connect(self._group_chosen)

    def _build_programme(self, form: QFormLayout, body: QWidget) -> None:
        """Pick an area from the plan's table, or type several separated by ';'."""
        self.programme = self.row(
            form,
            "Programme area:",
            QComboBox(body),
            "The areas of care it serves (several separated by ';'); they set which "
            "professions should be represented.",
        )
        self.programme.setEditable(True)
        self.programme.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.programme.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.programme.setMinimumContentsLength(12)
        edit = self.programme.lineEdit()
        if edit is not None:
            edit.setPlaceholderText("None; several separated by ';'")
            edit.textEdited.connect(
                self.on_change(
                    lambda text: self.commit(typing="programme_area", programme_area=text.strip())
                )
            )
            edit.editingFinished.connect(self.end_typing)
        self.programme.activated.connect(
            lambda: self.commit(programme_area=self.programme.currentText().strip())
        )
        self.programme_hint = hint_label(body)
        form.addRow("", self.programme_hint)

    def _build_meeting_fields(self, form: QFormLayout, body: QWidget) -> None:
        self.chair = self.row(
            form, "Chaired &by:", IdComboBox(body), "The {role} that chairs it (one of its seats)."
        )
        self.chair.activated.connect(lambda: self.commit(chair_role_id=self.chair.currentData()))
        self.quorum = self.row(
            form,
            "&Quorum:",
            QSpinBox(body),
            "How many members must be present for a decision; leave at 'Not recorded' if the "
            "terms of reference do not say.",
        )
        self.quorum.setRange(0, 1000)
        self.quorum.setSpecialValueText("Not recorded")
        self.quorum.setSuffix(" members")
        self.typed_number(self.quorum, "quorum", lambda: self.quorum.value() or None)
        self.quorum_clinical = QCheckBox("Needs a clinical or care professional member", body)
        self.quorum_clinical.setToolTip(
            "The quorum must include a clinical or care professional member (finding QRM002)."
        )
        self.quorum_clinical.setAccessibleName(
            "Quorum must include a clinical or care professional member"
        )
        self.quorum_clinical.toggled.connect(self.on_change(self._quorum_clinical_toggled))
        form.addRow("", self.quorum_clinical)
        self.quorum_note = self.row(form, "Quorum note:", FormLineEdit(body))
        self.quorum_note.setPlaceholderText("Anything else its terms of reference say")
        self.typed(self.quorum_note, "quorum_note")
        self._build_frequency(form, body)

    def _build_frequency(self, form: QFormLayout, body: QWidget) -> None:
        self.frequency = self.row(form, "Meeting frequenc&y:", QComboBox(body))
        self.frequency.setEditable(True)
        self.frequency.addItems(("", *FREQUENCIES))
        edit = self.frequency.lineEdit()
        assert edit is not None  # an editable combo box always has its line edit
        edit.setPlaceholderText("How often it meets")
        edit.textEdited.connect(
            self.on_change(
                lambda text: self.commit(typing="meeting_frequency", meeting_frequency=text.strip())
            )
        )
        edit.editingFinished.connect(self.end_typing)
        self.frequency.activated.connect(
            lambda: self.commit(meeting_frequency=self.frequency.currentText().strip())
        )

    def _build_requirements(self, body: QWidget) -> QGroupBox:
        box = QGroupBox(body)
        self.words.bind(box, "setTitle", "What this {committee} needs of each function")
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.requirement_boxes: dict[Function, IdComboBox] = {}
        for function in FUNCTIONS:
            combo = IdComboBox(box)
            combo.setAccessibleName(f"Requirement for {function.label}")
            self.words.bind(
                combo,
                "setToolTip",
                "Leave it to the kind (Settings ▸ {Committee} kinds), or set it for this one only.",
            )
            combo.activated.connect(lambda _i, f=function: self._requirement_chosen(f))
            label = QLabel(function.label.replace("&", "&&"), box)
            label.setBuddy(combo)  # "&&" reads as "&" only in a label with a buddy
            form.addRow(label, combo)
            self.requirement_boxes[function] = combo
        return box

    def _build_seats(self, outer: QVBoxLayout, body: QWidget) -> None:
        self.seats = QListWidget(body)
        self.seats.setMinimumHeight(80)
        self.seats.setWordWrap(True)
        self.seats.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.words.bind(self.seats, "setAccessibleName", "{Roles} seated on this {committee}")
        self.seats.itemActivated.connect(self._open_role)
        caption = QLabel(body)
        self.words.bind(caption, "setText", "{Roles} with a seat (double-click to open):")
        caption.setBuddy(self.seats)
        outer.addWidget(caption)
        outer.addWidget(self.seats, 1)
        add_role = QPushButton(body)
        self.words.bind(add_role, "setText", "Add a {role} on this {committee}")
        add_role.clicked.connect(lambda: self.add_role_requested.emit(self.item_id or ""))
        outer.addWidget(add_role, 0, Qt.AlignmentFlag.AlignLeft)

    # -- edits -----------------------------------------------------------------------------

    def _committee(self) -> Committee:
        committee: Committee = self.item()
        return committee

    def _label(self) -> str:
        return f"{self.words['committee']} '{self._committee().name}'"

    def _kind_chosen(self) -> None:
        kind = CommitteeKind(self.kind_box.currentData())
        self.commit(f"Set the kind of {self._label()} to {kind.label}", kind=kind)

    def _group_chosen(self) -> None:
        group_id = self.group.currentData()
        if group_id is None:
            text = f"Take {self._label()} out of its committees-in-common group"
        else:
            text = f"Put {self._label()} in '{self.lookup.name('group', group_id)}'"
        self.commit(text, group_id=group_id)

    def _quorum_clinical_toggled(self, on: bool) -> None:
        need = "needs" if on else "no longer needs"
        self.commit(f"The quorum of {self._label()} {need} a clinical member", quorum_clinical=on)

    def _body_toggled(self, organisation_id: str, on: bool) -> None:
        c = self._committee()
        name = self.lookup.name("organisation", organisation_id)
        if on:
            ids = [*c.organisation_ids, organisation_id]
            self.commit(f"Add '{name}' as a body of {self._label()}", organisation_ids=ids)
        else:
            ids = [o for o in c.organisation_ids if o != organisation_id]
            self.commit(f"Remove '{name}' as a body of {self._label()}", organisation_ids=ids)

    def _lines_edited(self, lines: list[Line], what: str) -> None:
        self.commit(f"Lines of {self._label()}: {what}", lines=lines)

    def _requirement_chosen(self, function: Function) -> None:
        c = self._committee()
        chosen = self.requirement_boxes[function].currentData()
        requirements = {f: r for f, r in c.requirements.items() if f is not function}
        if chosen is not None:
            requirements[function] = Requirement(chosen)
        said = "as its kind says" if chosen is None else Requirement(chosen).value
        text = f"Set {function.label} on {self._label()} to {said}"
        self.commit(text, requirements=requirements)

    def _open_role(self, item: QListWidgetItem) -> None:
        role_id = item.data(Qt.ItemDataRole.UserRole)
        if role_id:
            self.navigate.emit("role", role_id)

    # -- loading ---------------------------------------------------------------------------

    def load(self, item: Any) -> None:
        c: Committee = item
        plan = self.document.plan
        show_text(self.name, c.name)
        set_combo(self.kind_box, [(k.label, k) for k in CommitteeKind], c.kind)
        info = KIND_INFO[c.kind]
        voice = "expects" if info.needs_clinical_voice else "does not need"
        self.kind_hint.setText(
            self.words.text(f"It {info.does}; it {voice} a clinical or care professional voice.")
        )
        self.kind_hint.setToolTip(f"For example: {info.examples}.")
        set_combo(self.tier, [(f"{t.name} ({t.level.value})", t.id) for t in plan.tiers], c.tier_id)
        self._load_bodies(c)
        others = sorted((o for o in plan.committees if o.id != c.id), key=lambda o: o.name.lower())
        self.lines.set_lines(c.lines, [(o.name, o.id) for o in others])
        first = plan.stages[0].name if plan.stages else "none"
        stages = [(f"Not set (first stage: {first})", None)] + [(s.name, s.id) for s in plan.stages]
        set_combo(self.stage, stages, c.stage_id)
        self._load_programme(c)
        self._load_meetings(c)
        self.purpose.set_text(c.purpose)
        self._load_requirements(c)

    def _load_programme(self, c: Committee) -> None:
        names = [p.name for p in self.document.plan.programmes]
        if [self.programme.itemText(i) for i in range(self.programme.count())] != names:
            self.programme.clear()
            for name in names:
                self.programme.addItem(name, name)
        if self.programme.currentText().strip() != c.programme_area:
            at = self.programme.findText(c.programme_area)
            self.programme.setCurrentIndex(at)  # -1 (none chosen) for typed or blank areas
            self.programme.setEditText(c.programme_area)
        known = {name_key(n) for n in names}
        unknown = [a for a in c.programme_areas if name_key(a) not in known]
        self.programme_hint.setText(
            f"Not in the programme table, so not judged for representation: {'; '.join(unknown)}"
            if unknown
            else ""
        )
        self.programme_hint.setVisible(bool(unknown))

    def _load_bodies(self, c: Committee) -> None:
        plan = self.document.plan
        self.bodies.set_entries(
            [(o.name, o.id) for o in plan.organisations], set(c.organisation_ids)
        )
        names = [self.lookup.name("organisation", o) for o in c.organisation_ids]
        if len(names) > 1:
            status = f"Joint {{committee}} of {', '.join(names[:-1])} and {names[-1]}. "
        elif not plan.organisations:
            status = "No organisations yet: add them on the Organisations tab. "
        else:
            status = ""
        self.joint_hint.setText(self.words.text(status + JOINT_HINT))
        groups = [(NO_GROUP, None)] + [(g.name, g.id) for g in plan.groups]
        set_combo(self.group, groups, c.group_id)
        self.group.setEnabled(bool(plan.groups) or c.group_id is not None)

    def _load_requirements(self, c: Committee) -> None:
        plan = self.document.plan
        for function, combo in self.requirement_boxes.items():
            rule = plan.kind_rule(c.kind, function)
            said = "profile" if rule.requirement is None else rule.requirement.value
            entries: list[tuple[str, Any]] = [(f"{AS_KIND} ({said})", None)]
            entries += [(r.label, r) for r in Requirement]
            set_combo(combo, entries, c.requirements.get(function))

    def _load_meetings(self, c: Committee) -> None:
        seated = self.lookup.roles_on(c.id)
        chairs = [("(no chair set)", None)] + [(self.lookup.role_label(r), r.id) for r in seated]
        if c.chair_role_id and all(r.id != c.chair_role_id for r in seated):
            chairs.append(
                (f"{self.lookup.name('role', c.chair_role_id)} (no seat)", c.chair_role_id)
            )
        set_combo(self.chair, chairs, c.chair_role_id)
        if self.quorum.value() != (c.quorum or 0):
            self.quorum.setValue(c.quorum or 0)
        self.quorum_clinical.setChecked(c.quorum_clinical)
        show_text(self.quorum_note, c.quorum_note)
        if self.frequency.currentText().strip() != c.meeting_frequency:
            self.frequency.setCurrentText(c.meeting_frequency)
        self.seats.clear()
        for role in seated:
            holder = self.lookup.name("person", role.holder_id) or "Vacant"
            kind = "clinical" if role.clinical else "non-clinical"
            membership = role.membership_on(c.id)
            shown = membership not in (None, Membership.MEMBER)
            how = f", {membership.value}" if shown and membership else ""
            text = f"{self.lookup.role_label(role)} — {holder} ({kind}{how})"
            entry = QListWidgetItem(text, self.seats)
            entry.setData(Qt.ItemDataRole.UserRole, role.id)
        if not seated:
            none = self.words.text("No {roles} yet: add a {role} and tick this {committee}.")
            entry = QListWidgetItem(none, self.seats)
            entry.setFlags(Qt.ItemFlag.NoItemFlags)
