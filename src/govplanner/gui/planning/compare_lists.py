"""The comparison's lists: structural changes by kind, and findings opened and closed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from govplanner.analysis.compare import Comparison, FieldChange, ItemChange, ItemKind, Merge
from govplanner.analysis.result import Finding
from govplanner.domain.items import ITEM_KINDS
from govplanner.domain.vocabulary import Words
from govplanner.gui.rag import severity_colour

KindRole = Qt.ItemDataRole.UserRole + 1
NameRole = Qt.ItemDataRole.UserRole + 2
FindingRole = Qt.ItemDataRole.UserRole + 3

#: status -> (shown words with a sign, colour)
STATUS_LOOK = {
    "added": ("+ Added", "#2e7d32"),
    "removed": ("− Removed", "#c62828"),
    "changed": ("~ Changed", "#9a5b00"),
    "merged": ("» Merged", "#1d4f91"),
}
KINDS: tuple[tuple[ItemKind, str], ...] = (
    ("committee", "committees"),
    ("role", "roles"),
    ("person", "people"),
    ("organisation", "organisations"),
)


def _group(tree: QTreeWidget, text: str) -> QTreeWidgetItem:
    group = QTreeWidgetItem(tree, [text])
    font = QFont(tree.font())
    font.setBold(True)
    group.setFont(0, font)
    group.setFirstColumnSpanned(True)
    group.setFlags(Qt.ItemFlag.ItemIsEnabled)
    return group


def counts_text(comparison: Comparison, kind: ItemKind) -> str:
    """'2 added · 0 removed · 5 changed' (and '· 2 merged into 1' for committees)."""
    counts = [f"{comparison.count(kind, s)} {s}" for s in ("added", "removed", "changed")]
    if kind == "committee" and comparison.merges:
        counts.append(f"{comparison.merged_count} merged into {len(comparison.merges)}")
    return " · ".join(counts)


class StructureChanges(QTreeWidget):
    """Committees, roles and people added, removed or changed, with the changed fields beneath.

    ``item_activated(kind, name)`` asks to show the item in the editor.
    """

    item_activated = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(["Change", "Name", "Where", "Before → after"])
        self.setAccessibleName("Structural changes between the two plans")
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.header().setStretchLastSection(True)
        self.itemActivated.connect(self._activated)

    def show_comparison(self, comparison: Comparison | None, w: Words) -> None:
        self.clear()
        if comparison is None:
            return
        for kind, plural in KINDS:
            changes = comparison.changes_of(kind)
            if kind == "organisation" and not changes:
                continue  # most plans record no organisations
            title = w.cap(plural) if ITEM_KINDS[kind].renamable else plural.capitalize()
            group = _group(self, f"{title} — {counts_text(comparison, kind)}")
            if kind == "committee":
                for merge in comparison.merges:
                    self._add_merge(group, merge, w)
            for change in changes:
                self._add_change(group, change)
            if group.childCount() == 0:
                QTreeWidgetItem(group, ["", "No changes."]).setFlags(Qt.ItemFlag.ItemIsEnabled)
        if comparison.settings:
            group = _group(self, f"Plan settings — {len(comparison.settings)} changed")
            for field in comparison.settings:
                self._add_setting(group, field)
        self.expandAll()
        for column, width in enumerate((120, 300, 260)):
            self.setColumnWidth(column, width)

    def _add_change(self, group: QTreeWidgetItem, change: ItemChange) -> None:
        label, colour = STATUS_LOOK[change.status]
        name = change.name
        if change.before_name and change.before_name != change.name:
            name = f"{change.name} (was {change.before_name})"
        row = QTreeWidgetItem(group, [label, name, change.where, ""])
        row.setForeground(0, QBrush(QColor(colour)))
        row.setData(0, KindRole, change.kind)
        row.setData(0, NameRole, change.before_name if change.status == "removed" else change.name)
        row.setToolTip(1, f"{label[2:]}: {name}")
        row.setToolTip(2, change.where)
        for field in change.fields:
            child = QTreeWidgetItem(row, ["", field.field, "", f"{field.before} → {field.after}"])
            child.setToolTip(3, child.text(3))
        if change.why:  # the proposal recorded why: its reasons, one a line beneath
            row.setText(3, "Why: " + "; ".join(change.why))
            row.setToolTip(3, "\n".join(change.why))
            for reason in change.why:
                QTreeWidgetItem(row, ["", "", "", reason]).setToolTip(3, reason)
        elif len(change.fields) == 1:
            row.setText(3, f"{change.fields[0].field}: {change.fields[0].before} → "
                        f"{change.fields[0].after}")  # fmt: skip
            row.setToolTip(3, row.text(3))
            row.takeChildren()

    def _add_merge(self, group: QTreeWidgetItem, merge: Merge, w: Words) -> None:
        label, colour = STATUS_LOOK["merged"]
        status = f"a new {w.committee}" if merge.target_is_new else f"an existing {w.committee}"
        moved = f"{merge.roles_moved} {w.role if merge.roles_moved == 1 else w.roles} moved"
        row = QTreeWidgetItem(group, [label, merge.sentence, merge.where, f"{status}; {moved}"])
        row.setForeground(0, QBrush(QColor(colour)))
        row.setData(0, KindRole, "committee")
        row.setData(0, NameRole, merge.target)
        row.setToolTip(1, merge.sentence)
        row.setToolTip(3, row.text(3))

    def _add_setting(self, group: QTreeWidgetItem, field: FieldChange) -> None:
        label, colour = STATUS_LOOK["changed"]
        row = QTreeWidgetItem(group, [label, field.field, "", f"{field.before} → {field.after}"])
        row.setForeground(0, QBrush(QColor(colour)))
        row.setToolTip(3, row.text(3))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        row: QTreeWidgetItem | None = item
        while row is not None and row.data(0, KindRole) is None:
            row = row.parent()  # a field line: go to its item
        if row is None:
            return
        kind, name = row.data(0, KindRole), row.data(0, NameRole)
        if kind and name:
            self.item_activated.emit(kind, name)


class FindingChanges(QTreeWidget):
    """Open findings the change brings (opened) and those it removes (closed).

    ``finding_activated(finding, opened)`` asks to show the finding's subject.
    """

    finding_activated = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(["Severity", "Code", "Subject", "Message"])
        self.setAccessibleName("Findings opened and closed by the change")
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.header().setStretchLastSection(True)
        self.itemActivated.connect(self._activated)

    def show_comparison(self, comparison: Comparison | None) -> None:
        self.clear()
        if comparison is None:
            return
        for opened, findings, title, always in (
            (True, comparison.opened, "Opened — new problems in the after plan", True),
            (False, comparison.closed, "Closed — problems the after plan no longer has", True),
            (
                False,
                comparison.accepted,
                "Accepted — still there, accepted in the after plan",
                False,
            ),
        ):
            if not (findings or always):
                continue  # most comparisons accept nothing: no empty group for it
            group = _group(self, f"{title} ({len(findings)})")
            for finding in findings:
                self._add_finding(group, finding, opened)
            if not findings:
                QTreeWidgetItem(group, ["", "", "None."]).setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.expandAll()
        for column, width in enumerate((120, 70, 280)):
            self.setColumnWidth(column, width)

    def _add_finding(self, group: QTreeWidgetItem, finding: Finding, opened: bool) -> None:
        severity = finding.severity.value.capitalize()
        row = QTreeWidgetItem(group, [severity, finding.code, finding.subject, finding.message])
        row.setForeground(0, QBrush(severity_colour(finding.severity)))
        row.setToolTip(3, f"{finding.message}\n\nWhat to do: {finding.remedy}")
        row.setData(0, FindingRole, finding)
        row.setData(0, KindRole, opened)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        finding = item.data(0, FindingRole)
        if finding is not None:
            self.finding_activated.emit(finding, bool(item.data(0, KindRole)))
