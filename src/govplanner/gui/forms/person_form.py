"""The person detail form: profession, capacity, sources of influence, roles and load."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govplanner.domain.catalogue import SOURCE_DESCRIPTIONS
from govplanner.domain.enums import Source
from govplanner.domain.model import Person
from govplanner.gui.forms.base import DetailForm, show_text
from govplanner.gui.forms.widgets import FormLineEdit

#: The capacity spin box's lowest value stands for "use the plan's default".
_DEFAULT = -0.5


class PersonForm(DetailForm):
    kind = "person"
    empty_text = "Select a person to see their {roles} and load,\nor add one with Ctrl+Shift+P."

    def build(self, body: QWidget) -> None:
        outer = QVBoxLayout(body)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)
        self.name = self.row(form, "N&ame:", FormLineEdit(body))
        self.typed(self.name, "name", required=True)
        self.profession = self.row(form, "Profess&ion:", FormLineEdit(body))
        self.typed(self.profession, "profession")
        self.capacity = self.row(
            form,
            "Capacit&y (sessions a week):",
            QDoubleSpinBox(body),
            "How many sessions a week this person can give to leadership {roles}.",
        )
        self.capacity.setRange(_DEFAULT, 100)
        self.capacity.setSingleStep(0.5)
        self.capacity.setDecimals(1)
        self.typed_number(self.capacity, "capacity", self._capacity_value)
        self.load_label = self.row(form, "Load:", QLabel(body))
        self.load_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._build_sources(form, body)
        self.roles = QListWidget(body)
        self.words.bind(self.roles, "setAccessibleName", "{Roles} this person holds")
        self.roles.itemActivated.connect(
            lambda item: self.navigate.emit("role", item.data(Qt.ItemDataRole.UserRole))
        )
        caption = QLabel(body)
        self.words.bind(caption, "setText", "{Roles} held (double-click to open):")
        caption.setBuddy(self.roles)
        outer.addWidget(caption)
        outer.addWidget(self.roles, 1)

    def _build_sources(self, form: QFormLayout, body: QWidget) -> None:
        self.recorded = self.row(
            form,
            "Sources of influence:",
            QCheckBox("Record this person's &sources of influence", body),
        )
        self.recorded.setToolTip(
            "Tick when you know where this person's influence comes from, then tick each "
            "source below (none ticked means they have none of them). Leave it clear if you "
            "do not know: DEV001 then makes no judgement about them."
        )
        self.recorded.toggled.connect(self.on_change(self._recorded_toggled))
        self.sources: dict[Source, QCheckBox] = {}
        for source in Source:
            box = QCheckBox(source.label, body)
            box.setToolTip(SOURCE_DESCRIPTIONS[source])
            box.setAccessibleName(f"Source of influence: {source.label}")
            box.toggled.connect(self.on_change(lambda on, s=source: self._source(s, on)))
            form.addRow("", box)
            self.sources[source] = box

    def _person(self) -> Person:
        person: Person = self.item()
        return person

    def _capacity_value(self) -> float | None:
        value = self.capacity.value()
        return None if value <= _DEFAULT else value

    def _recorded_toggled(self, on: bool) -> None:
        self.commit(sources=[] if on else None)

    def _source(self, source: Source, on: bool) -> None:
        current = set(self._person().sources or [])
        chosen = (current | {source}) if on else (current - {source})
        self.commit(sources=[s for s in Source if s in chosen])

    def load(self, item: Any) -> None:
        person: Person = item
        plan = self.document.plan
        show_text(self.name, person.name)
        show_text(self.profession, person.profession)
        self.capacity.setSpecialValueText(f"Plan default ({plan.default_capacity:g})")
        shown = _DEFAULT if person.capacity is None else person.capacity
        if self.capacity.value() != shown:
            self.capacity.setValue(shown)
        self._load_load(person)
        self.recorded.setChecked(person.sources is not None)
        for source, box in self.sources.items():
            box.setChecked(source in (person.sources or []))
            box.setEnabled(person.sources is not None)
        self.roles.clear()
        for role in self.lookup.roles_held(person.id):
            entry = QListWidgetItem(
                f"{role.title} — {role.sessions_per_week:g} sessions", self.roles
            )
            entry.setData(Qt.ItemDataRole.UserRole, role.id)
        if not self.lookup.roles_held(person.id):
            entry = QListWidgetItem(self.words.text("Holds no {role} yet."), self.roles)
            entry.setFlags(Qt.ItemFlag.NoItemFlags)

    def _load_load(self, person: Person) -> None:
        held = self.lookup.sessions_held(person.id)
        capacity = self.document.plan.capacity_of(person)
        text = f"{held:g} of {capacity:g} sessions a week"
        if capacity:
            text += f" ({held / capacity:.0%})"
        if held > capacity:
            text += " — over capacity"
        self.load_label.setText(text)
