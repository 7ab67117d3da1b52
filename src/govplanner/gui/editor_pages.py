"""The editor's table pages: committees, roles, people, and organisations over groups.

Built once, the first time a plan opens; the window connects their signals (refusals,
"show this item") with everything else, in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from govplanner.domain.document import PlanDocument
    from govplanner.gui.actions import Actions
    from govplanner.gui.forms.committee_form import CommitteeForm
    from govplanner.gui.models.lookup import Lookup
    from govplanner.gui.table_page import TablePage


@dataclass
class Pages:
    """One table page per kind; ``bodies`` is the tab organisations and groups share."""

    committees: TablePage
    roles: TablePage
    people: TablePage
    organisations: TablePage
    groups: TablePage
    bodies: QWidget

    def all(self) -> list[TablePage]:
        return [self.committees, self.roles, self.people, self.organisations, self.groups]

    def by_kind(self) -> dict[str, TablePage]:
        return {page.model.kind: page for page in self.all()}

    def committee_form(self) -> CommitteeForm:
        from govplanner.gui.forms.committee_form import CommitteeForm

        form = self.committees.form
        assert isinstance(form, CommitteeForm)  # built so below
        return form


def build_pages(
    parent: QWidget, document: PlanDocument, undo_stack: QUndoStack, lookup: Lookup, a: Actions
) -> Pages:
    """Each page's model, form and add action; Delete is the window's one delete action."""
    from govplanner.gui.forms.committee_form import CommitteeForm
    from govplanner.gui.forms.organisation_form import GroupForm, OrganisationForm
    from govplanner.gui.forms.person_form import PersonForm
    from govplanner.gui.forms.role_form import RoleForm
    from govplanner.gui.models import collections as tables
    from govplanner.gui.table_page import TablePage, stacked_pages

    d, s, lk = document, undo_stack, lookup
    committees = TablePage(
        "{committees}", tables.committees_model(d, s, lk, parent), CommitteeForm(d, s, lk),
        a.add_committee, a.delete, parent,
    )  # fmt: skip
    roles = TablePage(
        "{roles}", tables.roles_model(d, s, lk, parent), RoleForm(d, s, lk),
        a.add_role, a.delete, parent,
    )  # fmt: skip
    people = TablePage(
        "people", tables.people_model(d, s, lk, parent), PersonForm(d, s, lk),
        a.add_person, a.delete, parent,
    )  # fmt: skip
    organisations = TablePage(
        "organisations", tables.organisations_model(d, s, lk, parent), OrganisationForm(d, s, lk),
        a.add_organisation, a.delete, parent,
    )  # fmt: skip
    groups = TablePage(
        "{committees}-in-common groups", tables.groups_model(d, s, lk, parent),
        GroupForm(d, s, lk), a.add_group, a.delete, parent,
    )  # fmt: skip
    bodies = stacked_pages(parent, organisations, groups)
    return Pages(committees, roles, people, organisations, groups, bodies)
