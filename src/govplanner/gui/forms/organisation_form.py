"""The organisation and committees-in-common group forms."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QListWidget, QListWidgetItem, QSpinBox, QWidget

from govplanner.domain.enums import OrganisationType
from govplanner.domain.model import Committee, InCommonGroup, Organisation
from govplanner.gui import commands
from govplanner.gui.forms.base import DetailForm, hint_label, set_combo, show_text
from govplanner.gui.forms.checklist import CheckList
from govplanner.gui.forms.widgets import CommitTextEdit, FormLineEdit, IdComboBox

#: The population box's lowest value stands for "not recorded".
_NOT_RECORDED = -1
_TYPES = [(t.label, t) for t in OrganisationType]


def _form(body: QWidget) -> QFormLayout:
    form = QFormLayout(body)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    # Labels above their fields: two forms share the tab, so each is narrow.
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    return form


class OrganisationForm(DetailForm):
    kind = "organisation"
    empty_text = (
        "Select an organisation to see and edit it,\nor add one with Edit ▸ Add organisation."
    )

    def build(self, body: QWidget) -> None:
        form = _form(body)
        self.name = self.row(form, "N&ame:", FormLineEdit(body))
        self.typed(self.name, "name", required=True)
        self.type_box = self.row(form, "T&ype:", IdComboBox(body))
        self.type_box.set_entries(_TYPES, OrganisationType.OTHER)
        self.type_box.activated.connect(lambda: self.commit(type=self.type_box.currentData()))
        self.population = self.row(
            form,
            "Peop&le served:",
            QSpinBox(body),
            "People it serves, for costs per 100,000 people; 'Not recorded' if unknown.",
        )
        self.population.setRange(_NOT_RECORDED, 100_000_000)
        self.population.setSpecialValueText("Not recorded")
        self.population.setGroupSeparatorShown(True)
        self.population.setSingleStep(1000)
        self.typed_number(self.population, "population", self._population_value)
        self.uses = QListWidget(body)
        self.uses.setMinimumHeight(80)
        self.uses.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # no sideways scrolling
        self.uses.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.words.bind(self.uses, "setAccessibleName", "{Committees} and {roles} of it")
        self.uses.itemActivated.connect(self._open)
        form.addRow(hint_label(body, "Where it appears (double-click to open):"))
        form.addRow(self.uses)

    def _population_value(self) -> int | None:
        value = self.population.value()
        return None if value == _NOT_RECORDED else value

    def _open(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            self.navigate.emit(*target.split(":", 1))

    def load(self, item: Any) -> None:
        organisation: Organisation = item
        show_text(self.name, organisation.name)
        set_combo(self.type_box, _TYPES, organisation.type)
        shown = _NOT_RECORDED if organisation.population is None else organisation.population
        if self.population.value() != shown:
            self.population.setValue(shown)
        self.uses.clear()
        for committee in self.lookup.committees_of(organisation.id):
            joint = " (joint)" if len(committee.organisation_ids) > 1 else ""
            text = self.words.text(f"{{Committee}}: {committee.name}{joint}")
            self._use(text, f"committee:{committee.id}")
        for role in self.document.plan.roles:
            if organisation.id in role.organisation_ids:
                self._use(self.words.text(f"{{Role}}: {role.title}"), f"role:{role.id}")
        if not self.uses.count():
            entry = QListWidgetItem(
                self.words.text("No {committee} or {role} names it yet."), self.uses
            )
            entry.setFlags(Qt.ItemFlag.NoItemFlags)

    def _use(self, text: str, target: str) -> None:
        entry = QListWidgetItem(text, self.uses)
        entry.setData(Qt.ItemDataRole.UserRole, target)
        entry.setToolTip(text)


class GroupForm(DetailForm):
    """A committees-in-common group: its name, note, and which committees meet in it."""

    kind = "group"
    empty_text = (
        "Select a group to see and edit it: {committees} of different bodies that meet together."
    )

    def build(self, body: QWidget) -> None:
        form = _form(body)
        self.name = self.row(form, "Name of the gro&up:", FormLineEdit(body))
        self.typed(self.name, "name", required=True)
        self.description = self.row(form, "Descr&iption:", CommitTextEdit(body))
        self.typed_text(self.description, "description")
        self.members = self.row(
            form,
            "&Which {committees} meet together:",
            CheckList(self.words["committees"], body),
            "Each still decides for its own body; coverage is judged {committee} by {committee}.",
        )
        self.members.list.setMinimumHeight(90)
        self.members.toggled.connect(self._member_toggled)
        self.words.changed.connect(lambda: self.members.set_what(self.words["committees"]))

    def _member_toggled(self, committee_id: str, on: bool) -> None:
        group: InCommonGroup = self.item()
        committee: Committee | None = self.lookup.committee(committee_id)
        if group is None or committee is None:
            return
        if on:
            text = f"Add '{committee.name}' to the group '{group.name}'"
            value: str | None = group.id
        else:
            text = f"Take '{committee.name}' out of the group '{group.name}'"
            value = None
        if committee.group_id != value:
            self.run(
                commands.update_item(self.document, "committee", committee_id, text=text,
                                     group_id=value)
            )  # fmt: skip

    def load(self, item: Any) -> None:
        group: InCommonGroup = item
        show_text(self.name, group.name)
        self.description.set_text(group.description)
        entries = [(c.name, c.id) for c in self.document.plan.committees]
        self.members.set_entries(entries, {c.id for c in self.lookup.committees_in(group.id)})
