"""Plan ▸ Propose a reduction…: the budget, what may change and the weights, then the optimiser.

The solve runs off the GUI thread behind a progress dialog whose Cancel stops the solver
(its ``cancelled`` callback). A proposal is shown here first (``proposed``); "Save the
proposal…" then hands it on (``save_requested``). A refusal is shown here, in plain words, with
the least budget that would do and the roles that bind.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from govplanner.domain.model import Plan
from govplanner.gui.restructure.common import chosen_date, date_choice
from govplanner.gui.restructure.reduce_words import plain_words
from govplanner.gui.workers import BackgroundTask, run_with_progress

SAVE_OFFER = (
    "To keep this proposal, choose 'Save the proposal…': it is saved as a plan of its own, "
    "compared with this one and opened beside it."
)
SESSIONS, PERCENT = "Sessions a week after the change", "A cut on today's sessions (%)"
CHECKABLE = (
    Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
)


def _spin(parent: QWidget, name: str, top: float, decimals: int = 1) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setRange(0.0, top)
    spin.setDecimals(decimals)
    spin.setAccessibleName(name)
    return spin


class ReduceDialog(QDialog):
    """The reduction's request; ``proposed(reduction)`` when the optimiser finds a proposal
    (it is shown in the dialog), ``save_requested(reduction)`` when the user chooses to keep it."""

    proposed = Signal(object)
    save_requested = Signal(object)

    def __init__(self, parent: QWidget | None, plan: Plan) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Propose a reduction of {plan.name}")
        self.plan = plan
        self.task: BackgroundTask | None = None
        self.reduction: Any = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Choose which roles to keep within a budget of sessions. Every essential function "
            "that a filled role covers today stays covered (unless you allow gaps); among the "
            "choices that do, the weighted harms are fewest. The optimiser finds the best choice "
            "exactly.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._budget_page(), "B&udget and scope")
        self.tabs.addTab(self._roles_page(), "&Roles to keep or retire")
        self.tabs.addTab(self._committees_page(), "Committees to abolis&h")
        self.tabs.addTab(self._weights_page(), "&Weights")
        layout.addWidget(self.tabs, 1)
        self.outcome_text = QPlainTextEdit(self)
        self.outcome_text.setReadOnly(True)
        self.outcome_text.setAccessibleName("Result of the last proposal")
        self.outcome_text.setPlaceholderText("The result shows here.")
        self.outcome_text.setMaximumHeight(150)
        layout.addWidget(self.outcome_text)
        layout.addWidget(self._buttons())
        self._scope_changed()
        self.resize(980, 580)

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.propose_button = QPushButton("&Propose", self)
        self.propose_button.setAccessibleName("Propose a reduction")
        self.propose_button.setDefault(True)
        self.least_button = QPushButton("Use the &least budget", self)
        self.least_button.setAccessibleName("Set the budget to the least that keeps cover")
        self.least_button.hide()
        self.save_button = QPushButton("Sa&ve the proposal…", self)
        self.save_button.setAccessibleName("Save the proposal as a scenario")
        self.save_button.setToolTip(
            "Save the proposal as a plan of its own, compare it with this one and open it"
        )
        self.save_button.hide()
        self.save_button.clicked.connect(self.save_proposal)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.least_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.propose_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.propose_button.clicked.connect(self.propose)
        self.least_button.clicked.connect(self.use_least_budget)
        buttons.rejected.connect(self.reject)
        return buttons

    # -- pages --------------------------------------------------------------------------------

    def _budget_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.scope = QComboBox(page)
        self.scope.addItems(["Clinical and care professional roles", "Every role"])
        self.scope.setAccessibleName("Roles in scope")
        self.scope.currentIndexChanged.connect(self._scope_changed)
        form.addRow("Roles in &scope:", self.scope)
        self.today = QLabel(page)
        form.addRow("Today:", self.today)
        self.budget_kind = QComboBox(page)
        self.budget_kind.addItems([PERCENT, SESSIONS])
        self.budget_kind.setAccessibleName("Kind of budget")
        form.addRow("Budget &as:", self.budget_kind)
        self.budget = _spin(page, "Budget", 100_000.0, 2)
        self.budget.setValue(20.0)
        self.budget_kind.currentIndexChanged.connect(self._budget_kind_changed)
        form.addRow("&Budget:", self.budget)
        self.allow_gaps = QCheckBox(
            "Allow &gaps: keep the budget and open the fewest, least "
            "severe gaps instead of refusing",
            page,
        )
        self.allow_gaps.setAccessibleName("Allow gaps")
        form.addRow("", self.allow_gaps)
        self.combine = self._combine_box(page)
        form.addRow("", self.combine)
        self.time_limit = QSpinBox(page)
        self.time_limit.setRange(1, 3600)
        self.time_limit.setValue(60)
        self.time_limit.setSuffix(" s")
        self.time_limit.setAccessibleName("Time limit in seconds")
        self.time_limit.setToolTip(
            "The optimiser then offers the best proposal found so far, and says how far from "
            "the best it may be"
        )
        form.addRow("&Time limit:", self.time_limit)
        self.dated, self.date = date_choice(page, "The proposal takes &effect on", "The proposal")
        form.addRow(self.dated, self.date)
        return page

    def _combine_box(self, page: QWidget) -> QCheckBox:
        box = QCheckBox(
            "Co&mbine committees in common: a group may become one joint committee when "
            "that keeps functions covered within the budget",
            page,
        )
        box.setAccessibleName("Combine committees in common")
        if not self.plan.groups:
            box.setEnabled(False)
            box.setToolTip("This plan has no committees in common.")
        return box

    def effective_date(self) -> dt.date | None:
        """The date the proposal takes effect (for the timeline), if one is set."""
        return chosen_date(self.dated, self.date)

    def _roles_page(self) -> QWidget:
        from govplanner.gui.restructure.reduce_roles import RoleChoices

        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.role_filter = QLineEdit(page)
        self.role_filter.setPlaceholderText("Filter by role, committee or holder")
        self.role_filter.setAccessibleName("Filter the roles")
        layout.addWidget(self.role_filter)
        self.role_model = RoleChoices(self.plan, self)
        self.role_rows = QSortFilterProxyModel(self)
        self.role_rows.setSourceModel(self.role_model)
        self.role_rows.setFilterKeyColumn(-1)
        self.role_rows.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.role_filter.textChanged.connect(self.role_rows.setFilterFixedString)
        self.roles = QTableView(page)
        self.roles.setModel(self.role_rows)
        self.roles.setAccessibleName("Roles to keep or retire")
        self.roles.verticalHeader().setVisible(False)
        self.roles.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.roles.setWordWrap(False)
        header = self.roles.horizontalHeader()
        for col, width in enumerate((48, 56, 220, 380, 160, 70)):
            self.roles.setColumnWidth(col, width)
        # The committees take what is left, so every column shows on a laptop at 125 %.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        layout.addWidget(self.roles, 1)
        note = QLabel(
            "Tick Keep or Retire to fix a role; leave both unticked to let the optimiser "
            "choose. Roles with the same title are told apart by their committees.",
            page,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        return page

    def _committees_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        label = QLabel(
            "&Committees removed before the roles are chosen (their seats go with them):", page
        )
        self.abolish = QListWidget(page)
        self.abolish.setAccessibleName("Committees to abolish")
        label.setBuddy(self.abolish)
        tiers = {t.id: t.name for t in self.plan.tiers}
        for c in self.plan.committees:
            item = QListWidgetItem(f"{c.name} ({tiers.get(c.tier_id, 'no tier')})", self.abolish)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setFlags(CHECKABLE)
            item.setCheckState(Qt.CheckState.Unchecked)
        layout.addWidget(label)
        layout.addWidget(self.abolish, 1)
        return page

    def _weights_page(self) -> QWidget:
        from govplanner.gui.restructure.reduce_words import WEIGHT_LABELS
        from govplanner.restructure.outcome import WEIGHT_MEANINGS, Weights

        page = QWidget(self)
        form = QFormLayout(page)
        note = QLabel(
            "Among the choices within the budget, each harm counts this much (0 to "
            "ignore it). Opened essential gaps are not weighed: they are refused.",
            page,
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.weights: dict[str, QDoubleSpinBox] = {}
        for key in Weights.NAMES:
            spin = _spin(page, f"Weight: {WEIGHT_LABELS[key]}", 1_000_000.0, 2)
            spin.setToolTip(WEIGHT_MEANINGS[key])
            spin.setAccessibleDescription(WEIGHT_MEANINGS[key])
            self.weights[key] = spin
            form.addRow(f"{WEIGHT_LABELS[key]}:", spin)
        reset = QPushButton("Reset to the &defaults", page)
        reset.setAccessibleName("Reset the weights to the defaults")
        reset.clicked.connect(self.reset_weights)
        row = QHBoxLayout()
        row.addWidget(reset)
        row.addStretch(1)
        form.addRow(row)
        self.reset_weights()
        return page

    def reset_weights(self) -> None:
        from govplanner.restructure.outcome import Weights

        for key, value in Weights().as_json().items():
            self.weights[key].setValue(value)

    # -- state --------------------------------------------------------------------------------

    def clinical_scope(self) -> bool:
        return self.scope.currentIndex() == 0

    def _scope_sessions(self) -> float:
        clinical = self.clinical_scope()
        return sum(r.sessions_per_week for r in self.plan.roles if r.clinical or not clinical)

    def _scope_changed(self, *_args: Any) -> None:
        from govplanner.restructure.proposal import sessions_text

        clinical = self.clinical_scope()
        roles = [r for r in self.plan.roles if r.clinical or not clinical]
        self.today.setText(
            f"{len(roles):,} roles in scope, {sessions_text(self._scope_sessions())} a week"
        )
        self.role_model.set_roles(roles)

    def _budget_kind_changed(self, *_args: Any) -> None:
        if self.budget_kind.currentText() == PERCENT:
            self.budget.setSuffix(" %")
            self.budget.setRange(0.0, 100.0)
        else:
            self.budget.setSuffix(" sessions")
            self.budget.setRange(0.0, 100_000.0)

    def set_budget(self, value: float, *, percent: bool) -> None:
        self.budget_kind.setCurrentText(PERCENT if percent else SESSIONS)
        self._budget_kind_changed()
        self.budget.setValue(value)

    def set_role_choice(self, role_id: str, keep: bool | None) -> None:
        """Keep (True), retire (False) or leave to the optimiser (None) the role ``role_id``."""
        self.role_model.set_choice(role_id, keep)

    def request(self) -> Any:
        from govplanner.restructure.outcome import Weights
        from govplanner.restructure.reduce import Budget, Request

        if self.budget_kind.currentText() == PERCENT:
            budget = Budget(cut_percent=self.budget.value())
        else:
            budget = Budget(sessions=self.budget.value())
        abolish = tuple(
            self.abolish.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.abolish.count())
            if self.abolish.item(i).checkState() == Qt.CheckState.Checked
        )
        return Request(
            budget=budget,
            clinical_scope=self.clinical_scope(),
            keep=self.role_model.chosen(True),
            retire=self.role_model.chosen(False),
            abolish=abolish,
            allow_gaps=self.allow_gaps.isChecked(),
            weights=Weights(**{k: s.value() for k, s in self.weights.items()}),
            time_limit=float(self.time_limit.value()),
            combine_in_common=self.combine.isChecked(),
        )

    # -- running ------------------------------------------------------------------------------

    def propose(self) -> BackgroundTask:
        """Solve in the background; Cancel in the progress dialog stops the optimiser."""
        request, plan = self.request(), self.plan
        self.outcome_text.setPlainText("Solving…")
        self.least_button.hide()
        self.save_button.hide()

        def work(_progress: Any, cancelled: Any) -> Any:
            from govplanner.restructure import solver
            from govplanner.restructure.reduce import reduce_plan

            try:
                return reduce_plan(plan, request, cancelled=cancelled)
            except solver.Cancelled:
                return None

        self.task = run_with_progress(
            self,
            "Propose a reduction",
            "Finding the best choice of roles…",
            work,
            self._done,
            self._failed,
        )
        return self.task

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.outcome_text.setPlainText(f"Cannot propose a reduction: {exc}")

    def _done(self, reduction: Any, cancelled: bool) -> None:
        self.task = None
        if cancelled or reduction is None:
            self.outcome_text.setPlainText(
                "Cancelled: the solver was stopped and nothing was proposed."
            )
            return
        self.reduction = reduction
        if reduction.found:
            from govplanner.restructure.combine import combination_lines
            from govplanner.restructure.proposal import summary_lines

            lines = [*summary_lines(reduction), *combination_lines(reduction), "", SAVE_OFFER]
            self.outcome_text.setPlainText(plain_words("\n".join(lines)))
            self.save_button.show()
            self.save_button.setFocus()
            self.proposed.emit(reduction)
            return
        from govplanner.gui.restructure.reduce_words import refusal_text

        self.outcome_text.setPlainText(plain_words(refusal_text(reduction)))
        self.least_button.setVisible(reduction.least_budget is not None)

    def save_proposal(self) -> None:
        """The user read the result and wants to keep it: hand it on to be saved."""
        if self.reduction is not None and self.reduction.found:
            self.save_requested.emit(self.reduction)

    def use_least_budget(self) -> None:
        if self.reduction is not None and self.reduction.least_budget is not None:
            import math

            least = math.ceil(self.reduction.least_budget * 100 - 1e-6) / 100
            self.set_budget(least, percent=False)
