"""The Edit menu's work: add and delete items, open the plan's settings dialogs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from govplanner.domain.names import name_key

if TYPE_CHECKING:
    from govplanner.domain.document import Item, Kind, PlanDocument
    from govplanner.gui import commands
    from govplanner.gui.shell import PlanHost, Selection

# The domain model (pydantic) is imported when an edit is made, not with this module: the
# window's menus are built before the first paint, and pydantic is most of the start-up time.


def unique_name(base: str, taken: list[str]) -> str:
    """'New committee', then 'New committee 2', … — names must differ (ignoring case)."""
    keys = {name_key(t) for t in taken}
    if name_key(base) not in keys:
        return base
    n = 2
    while name_key(f"{base} {n}") in keys:
        n += 1
    return f"{base} {n}"


class EditOps(QObject):
    """Adding and deleting through undo commands, placed by what the user has selected.

    ``window`` is the parent of its dialogs; a refused edit goes out as ``refused``.
    """

    refused = Signal(str)  # why an edit was not made, in plain English

    def __init__(
        self, window: QWidget, host: PlanHost, undo_stack: QUndoStack, selection: Selection
    ) -> None:
        super().__init__(window)
        self.window, self.host, self.undo_stack = window, host, undo_stack
        self.selection = selection

    @property
    def document(self) -> PlanDocument:
        return self.host.document

    def _run(self, command: commands.DocumentCommand) -> bool:
        from govplanner.domain.errors import GovplannerError
        from govplanner.domain.references import DeleteRefusedError
        from govplanner.gui.commands import execute

        try:
            execute(self.undo_stack, command)
        except DeleteRefusedError as exc:
            # Not a slip of the hand: say plainly what to do first.
            QMessageBox.information(self.window, "Cannot delete", str(exc))
            return False
        except GovplannerError as exc:
            self.refused.emit(str(exc))
            return False
        return True

    def add_committee(self) -> str | None:
        from govplanner.domain.model import Committee, Line

        plan = self.document.plan
        if not plan.tiers:
            w = self.host.words
            QMessageBox.information(
                self.window,
                w.text("Add {committee}"),
                w.text("Add a {tier} first (Edit ▸ {Tiers} and stages…)."),
            )
            return None
        tier_id, reports_to = self._placement()
        new = self.host.words.text("New {committee}")
        name = unique_name(new, [c.name for c in plan.committees])
        lines = [Line(to_id=reports_to)] if reports_to else []
        committee = Committee(name=name, tier_id=tier_id, lines=lines)
        return self._add("committee", committee)

    def _placement(self) -> tuple[str, str | None]:
        """Where a new committee goes: under the selected committee's tier, or the selected tier."""
        plan = self.document.plan
        current = self.selection.selected_in_tree()
        if current is not None and current[0] == "tier":
            return current[1], None
        if current is not None and current[0] == "committee":
            parent = plan.committee(current[1])
            if parent is not None:
                below = self._tier_below(parent.tier_id)
                return below, parent.id
        return plan.tiers[0].id, None

    def _tier_below(self, tier_id: str) -> str:
        tiers = self.document.plan.tiers
        at = next((i for i, t in enumerate(tiers) if t.id == tier_id), 0)
        return tiers[min(at + 1, len(tiers) - 1)].id

    def add_role(self, on: str | None = None) -> str | None:
        """Add a role, seated on ``on`` or else on the committee the user is looking at."""
        from govplanner.domain.model import Role, Seat

        plan = self.document.plan
        new = self.host.words.text("New {role}")
        title = unique_name(new, [r.title for r in plan.roles])
        current = on or self.selection.current_committee_id()
        role = Role(title=title, seats=[Seat(committee_id=current)] if current else [])
        return self._add("role", role)

    def add_person(self) -> str | None:
        from govplanner.domain.model import Person

        name = unique_name("New person", [p.name for p in self.document.plan.people])
        return self._add("person", Person(name=name))

    def add_organisation(self) -> str | None:
        from govplanner.domain.model import Organisation

        taken = [o.name for o in self.document.plan.organisations]
        return self._add("organisation", Organisation(name=unique_name("New organisation", taken)))

    def add_group(self) -> str | None:
        from govplanner.domain.model import InCommonGroup

        taken = [g.name for g in self.document.plan.groups]
        group = InCommonGroup(name=unique_name("New committees-in-common group", taken))
        return self._add("group", group)

    def _add(self, kind: Kind, item: Item) -> str | None:
        from govplanner.gui.commands import add_item

        if not self._run(add_item(self.document, kind, item)):
            return None
        self.selection.select_subject(kind, item.id, focus_form=True)
        return str(item.id)

    def delete_selected(self) -> None:
        kind, ids = self.selection.selection_for_delete()
        if not ids:
            return
        if kind == "tier":
            QMessageBox.information(
                self.window,
                "Delete",
                self.host.words.text("{Tiers} are deleted in Edit ▸ {Tiers} and stages…."),
            )
            return
        from govplanner.gui.commands import delete_items

        self._run(delete_items(self.document, kind, ids))  # type: ignore[arg-type]

    # -- the plan's settings dialogs ---------------------------------------------------------

    def open_settings(self) -> None:
        from govplanner.gui.settings_dialog import SettingsDialog

        self._dialog(SettingsDialog(self.document, self.undo_stack, self.window))

    def open_tiers_and_stages(self) -> None:
        from govplanner.gui.tiers_stages_dialog import TiersStagesDialog

        self._dialog(TiersStagesDialog(self.document, self.undo_stack, self.window))

    def _dialog(self, dialog: QDialog) -> None:
        dialog.exec()
        dialog.deleteLater()
