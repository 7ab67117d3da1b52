"""The findings panel: every finding, filters, accept with a rationale, jump to the subject."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from govplanner.analysis.result import Analysis, Finding
from govplanner.domain.document import PlanDocument
from govplanner.domain.enums import Severity
from govplanner.gui import commands
from govplanner.gui.dialogs import AcceptDialog
from govplanner.gui.live_analysis import LiveAnalysis
from govplanner.gui.models.findings import COLUMNS, FindingFilter, FindingsModel
from govplanner.gui.wording import ui_words

#: Column widths on a narrow screen (by column number), and how the rest is shared out.
NARROW = {0: 84, 1: 64, 2: 72, 4: 96, 5: 120}
SHARES = {3: 1, 6: 2, 7: 2}  # subject, message, remedy
assert {COLUMNS[n].header for n in SHARES} == {"Subject", "Message", "Remedy"}


def _describe(finding: Finding | None) -> str:
    """The whole message and remedy of a finding, which the table's columns cut short."""
    if finding is None:
        return ""
    message, remedy = escape(finding.message, quote=False), escape(finding.remedy, quote=False)
    accepted = ""
    if finding.accepted:
        accepted = f"<br><i>Accepted: {escape(finding.rationale, quote=False)}</i>"
    return (
        f"<b>{finding.code} · {finding.severity.label}</b> — {message}<br>"
        f"<b>What would close it:</b> {remedy}{accepted}"
    )


class FindingsPanel(QWidget):
    """Findings of the live analysis; double-click opens the subject in the editor."""

    #: (subject kind, subject id) to select in the editor
    subject_activated = Signal(str, str)

    def __init__(
        self,
        document: PlanDocument,
        undo_stack: QUndoStack,
        live: LiveAnalysis,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.document, self.undo_stack, self.live = document, undo_stack, live
        self.model = FindingsModel(live, self)
        self.severity = self._combo("Severity filter")
        self.severity.addItem("All severities", None)
        for severity in Severity:
            self.severity.addItem(severity.label, severity)
        self.code = self._combo("Code filter")
        self.tier = self._combo("Tier filter")
        bar = self._make_bar()
        self.view = self._make_view()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName("Selected finding")
        layout.addWidget(self.detail)
        live.updated.connect(self._analysis_updated)
        self._selected_key: str | None = None
        self.words = ui_words(document)
        self._analysis_updated(live.analysis)
        self.words.follow(self.retranslate)

    def _make_bar(self) -> QHBoxLayout:
        """Filters, the count and the accept buttons. No Alt+letter here: the panel is beside
        every page, and the letters belong to the page's own fields."""
        self.show_accepted = QCheckBox("Show accepted", self)
        self.show_accepted.setChecked(True)
        self.show_accepted.toggled.connect(self._apply_filter)
        self.accept_button = QPushButton("Accept…", self)
        self.accept_button.setToolTip("Accept the selected finding, giving a rationale")
        self.accept_button.clicked.connect(self.accept_selected)
        self.unaccept_button = QPushButton("Withdraw acceptance", self)
        self.unaccept_button.clicked.connect(self.unaccept_selected)
        self.count = QLabel(self)
        self.count.setEnabled(False)
        bar = QHBoxLayout()
        for widget in (self.severity, self.code, self.tier, self.show_accepted):
            bar.addWidget(widget)
        bar.addStretch(1)
        for part in (self.count, self.accept_button, self.unaccept_button):
            bar.addWidget(part)
        return bar

    def retranslate(self) -> None:
        """Texts that carry the plan's words for tier."""
        self.tier.setAccessibleName(self.words.text("{Tier} filter"))
        if self.tier.count():
            self.tier.setItemText(0, self.words.text("All {tiers}"))

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.activated.connect(self._apply_filter)
        return combo

    def _make_view(self) -> QTableView:
        view = QTableView(self)
        view.setModel(self.model)
        view.setAccessibleName("Findings")
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        # Two lines a row, wrapped: the message and what would close it both show, with no
        # sideways scrolling, on a laptop screen (the whole text is in the tooltip and below).
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        view.setTabKeyNavigation(False)
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(2 * view.fontMetrics().lineSpacing() + 10)
        header = view.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.viewport().installEventFilter(self)
        view.setSortingEnabled(True)
        view.activated.connect(self._activated)
        view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        return view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Every column within the table's width: the short ones at (about) their own width,
        the rest shared by subject, message and remedy (1 : 2 : 2)."""
        header, width = self.view.horizontalHeader(), self.view.viewport().width()
        natural = [c.width for c in COLUMNS]
        if sum(natural) <= width:
            widths = natural
        else:
            widths = [min(c.width, NARROW.get(n, c.width)) for n, c in enumerate(COLUMNS)]
            spare = max(width - sum(w for n, w in enumerate(widths) if n not in SHARES), 0)
            total = sum(SHARES.values())
            for n, share in SHARES.items():
                widths[n] = max(spare * share // total, 60)
        for n, w in enumerate(widths):
            header.resizeSection(n, w)

    # -- filters ---------------------------------------------------------------------------

    def _analysis_updated(self, analysis: Analysis) -> None:
        self._refill(self.code, "All codes", sorted({(f.code, f.code) for f in analysis.findings}))
        tiers = [(t.name, t.id) for t in self.document.plan.tiers]
        self._refill(self.tier, self.words.text("All {tiers}"), tiers)
        summary = analysis.summary
        open_count = sum(v for k, v in summary.items() if k != "accepted")
        self.count.setText(f"{open_count} open · {summary.get('accepted', 0)} accepted")
        self._update_buttons()

    def _refill(self, combo: QComboBox, everything: str, entries: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.clear()
        combo.addItem(everything, None)
        for text, data in entries:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        if combo.currentData() != current:
            self._apply_filter()

    def _apply_filter(self, *_args: Any) -> None:
        severity = self.severity.currentData()
        self.model.set_filter(
            FindingFilter(
                severities=frozenset(Severity) if severity is None else frozenset({severity}),
                code=self.code.currentData(),
                tier_id=self.tier.currentData(),
                show_accepted=self.show_accepted.isChecked(),
            )
        )

    # -- selection -------------------------------------------------------------------------

    def selected_finding(self) -> Finding | None:
        index = self.view.currentIndex()
        return self.model.finding_at(index.row()) if index.isValid() else None

    def _current_changed(self, *_args: Any) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        finding = self.selected_finding()
        self.accept_button.setEnabled(finding is not None and not finding.accepted)
        self.unaccept_button.setEnabled(finding is not None and finding.accepted)
        self.detail.setText(_describe(finding))
        self.detail.setVisible(finding is not None)

    def _remember_selection(self) -> None:
        finding = self.selected_finding()
        self._selected_key = None if finding is None else finding.key

    def _restore_selection(self) -> None:
        if self._selected_key is not None:
            self.select_key(self._selected_key)
        self._update_buttons()

    def select_key(self, key: str) -> bool:
        row = self.model.row_of_key(key)
        if row < 0:
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        return True

    def _activated(self, index: QModelIndex) -> None:
        finding = self.model.finding_at(index.row())
        self.subject_activated.emit(finding.subject_kind.value, finding.subject_id)

    # -- accepting -------------------------------------------------------------------------

    def accept_selected(self) -> None:
        finding = self.selected_finding()
        if finding is None or finding.accepted:
            return
        dialog = AcceptDialog(finding, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        command = commands.accept_finding(
            self.document,
            finding.key,
            dialog.rationale.toPlainText().strip(),
            finding.subject,
            dialog.accepted_by.text().strip(),
        )
        commands.try_execute(self.undo_stack, command)
        self.live.refresh()

    def unaccept_selected(self) -> None:
        finding = self.selected_finding()
        if finding is None or not finding.accepted:
            return
        commands.execute(
            self.undo_stack, commands.unaccept_finding(self.document, finding.key, finding.subject)
        )
        self.live.refresh()
