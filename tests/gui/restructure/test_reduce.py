"""Plan ▸ Propose a reduction…: the request as set in the dialog, the solve off the GUI thread
with a working Cancel, the refusal in plain words, the proposal opened as a scenario (issue 14)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton, QWidget

from govplanner.files.planfile import load_plan
from govplanner.gui.restructure.reduce_dialog import PERCENT, SESSIONS, ReduceDialog
from govplanner.gui.restructure.reduce_words import WEIGHT_LABELS
from govplanner.restructure.outcome import Weights
from govplanner.restructure.reduce import reduce_plan
from tests.gui.restructure.test_merge import EXAMPLES, fits, unnamed_inputs

CLUSTER = EXAMPLES / "cluster-example.govplan"
NORTH = EXAMPLES / "icb-northfield.govplan"


def dialog_for(qtbot: Any, path: Path) -> ReduceDialog:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ReduceDialog(parent, load_plan(path))
    dialog.kept_parent = parent  # type: ignore[attr-defined]
    return dialog


def solved(qtbot: Any, dialog: ReduceDialog) -> list[Any]:
    got: list[Any] = []
    dialog.proposed.connect(got.append)
    dialog.propose()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)
    return got


def test_the_dialog_builds_alone_with_the_core_weights_and_fits(qtbot: Any) -> None:
    dialog = dialog_for(qtbot, CLUSTER)
    assert unnamed_inputs(dialog) == []
    assert fits(dialog)
    assert {k: s.value() for k, s in dialog.weights.items()} == Weights().as_json()
    assert set(Weights.NAMES) <= set(WEIGHT_LABELS)  # every weight the core has is labelled
    plan = dialog.plan
    clinical = [r for r in plan.roles if r.clinical]
    assert dialog.role_rows.rowCount() == len(clinical)
    assert "19 roles in scope, 46 sessions a week" in dialog.today.text()
    dialog.scope.setCurrentIndex(1)
    assert dialog.role_rows.rowCount() == len(plan.roles)
    assert dialog.abolish.count() == len(plan.committees)


def test_the_request_is_what_the_dialog_shows(qtbot: Any) -> None:
    dialog = dialog_for(qtbot, CLUSTER)
    plan = dialog.plan
    keep, retire = [r for r in plan.roles if r.clinical][:2]
    dialog.set_role_choice(keep.id, True)
    dialog.set_role_choice(retire.id, True)
    dialog.set_role_choice(retire.id, False)
    dialog.abolish.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.weights["displaced"].setValue(3.5)
    dialog.allow_gaps.setChecked(True)
    dialog.time_limit.setValue(7)
    dialog.set_budget(12.5, percent=False)
    request = dialog.request()
    assert request.budget.sessions == 12.5
    assert request.keep == (keep.id,)
    assert request.retire == (retire.id,)
    assert request.abolish == (plan.committees[0].id,)
    assert request.weights.displaced == 3.5
    assert request.allow_gaps
    assert request.time_limit == 7.0
    dialog.set_role_choice(keep.id, None)
    assert dialog.request().keep == ()
    dialog.set_budget(20, percent=True)
    assert dialog.budget_kind.currentText() == PERCENT
    assert dialog.request().budget.cut_percent == 20
    dialog.role_filter.setText(retire.title.upper())
    shown = dialog.role_rows.rowCount()
    assert 0 < shown < len([r for r in plan.roles if r.clinical])
    titles = {dialog.role_rows.index(r, 2).data() for r in range(shown)}
    assert titles == {retire.title}


def test_ticking_keep_clears_retire_and_choices_survive_a_change_of_scope(qtbot: Any) -> None:
    dialog = dialog_for(qtbot, CLUSTER)
    rows = dialog.role_rows
    keep_cell, retire_cell = rows.index(0, 0), rows.index(0, 1)
    role_id = dialog.role_model.rows[0][0]
    assert rows.setData(retire_cell, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.request().retire == (role_id,)
    rows.setData(keep_cell, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert retire_cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert dialog.request().keep == (role_id,)
    assert dialog.request().retire == ()
    assert "Keep" in str(keep_cell.data(Qt.ItemDataRole.AccessibleTextRole))
    dialog.scope.setCurrentIndex(1)
    dialog.scope.setCurrentIndex(0)
    assert dialog.request().keep == (role_id,)
    rows.setData(rows.index(0, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.request().keep == ()


def test_a_cut_of_20_percent_on_the_cluster_is_proposed(qtbot: Any) -> None:
    dialog = dialog_for(qtbot, CLUSTER)
    dialog.set_budget(20, percent=True)
    (reduction,) = solved(qtbot, dialog)
    assert reduction.status == "optimal"
    assert reduction.after.scope_sessions <= 46 * 0.8
    assert not reduction.after.essential_gaps
    shown = dialog.outcome_text.toPlainText()
    assert "Sessions in scope: 46 to 36" in shown  # plain words: no arrows, no solver names
    assert "->" not in shown
    assert "HiGHS" not in shown
    assert not dialog.save_button.isHidden()


def test_a_refusal_says_the_least_budget_and_what_binds(qtbot: Any) -> None:
    dialog = dialog_for(qtbot, NORTH)
    dialog.set_budget(5, percent=False)
    assert solved(qtbot, dialog) == []
    text = dialog.outcome_text.toPlainText()
    assert "budget of 5 sessions a week" in text
    assert "The least budget that does is 24 sessions a week (proven the least)" in text
    assert "What binds:" in text
    assert "--" not in text  # the app's words, not the command line's options
    assert not dialog.least_button.isHidden()
    dialog.least_button.click()
    assert dialog.budget_kind.currentText() == SESSIONS
    assert dialog.budget.value() == 24
    (reduction,) = solved(qtbot, dialog)
    assert reduction.after.scope_sessions <= 24
    assert not reduction.after.essential_gaps
    dialog.set_budget(5, percent=False)
    dialog.allow_gaps.setChecked(True)  # keep the budget, open the fewest gaps
    (gapped,) = solved(qtbot, dialog)
    assert gapped.after.scope_sessions <= 5
    assert gapped.after.essential_gaps


def test_cancel_stops_the_solver(qtbot: Any, monkeypatch: Any) -> None:
    """The progress dialog's Cancel reaches HiGHS through the solver's ``cancelled``."""
    started = threading.Event()
    calls: list[str] = []

    def slow(plan: Any, request: Any, *, cancelled: Any) -> Any:
        started.set()
        deadline = time.monotonic() + 30
        while not cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        calls.append("cancelled" if cancelled() else "timed out")
        return reduce_plan(plan, request, cancelled=cancelled)  # raises solver.Cancelled

    monkeypatch.setattr("govplanner.restructure.reduce.reduce_plan", slow)
    dialog = dialog_for(qtbot, CLUSTER)
    got: list[Any] = []
    dialog.proposed.connect(got.append)
    dialog.propose()
    qtbot.waitUntil(started.is_set, timeout=10_000)
    (progress,) = [w for w in dialog.findChildren(QProgressDialog) if w.isVisible()]
    (button,) = progress.findChildren(QPushButton)
    assert button.text() == "Cancel"
    button.click()  # as the user does
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert calls == ["cancelled"]
    assert got == []
    assert dialog.outcome_text.toPlainText().startswith("Cancelled")


def test_a_proposal_opens_as_a_scenario_beside_the_plan(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from tests.gui.conftest import main_windows

    plan_path = tmp_path / "cluster.govplan"
    plan_path.write_bytes(CLUSTER.read_bytes())
    assert window.files.open_path(plan_path)
    restructure = window.restructure
    assert restructure.reduce_action.isEnabled()
    plan_menu = restructure.plan_menu
    assert plan_menu.menuAction() in window.menuBar().actions()
    dialog = restructure.reduce()
    assert isinstance(dialog, ReduceDialog)
    dialog.set_budget(20, percent=True)
    dialog.dated.setChecked(True)
    dialog.date.setDate(QDate(2027, 4, 1))
    asked: list[str] = []

    def choose_file(*_args: Any) -> tuple[str, str]:
        asked.append(dialog.outcome_text.toPlainText())  # what the user has read by now
        return str(tmp_path / "proposal"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose_file)
    (_reduction,) = solved(qtbot, dialog)
    assert asked == []  # the result is shown first; saving is offered, not forced
    assert "Sessions in scope" in dialog.outcome_text.toPlainText()
    before = set(main_windows())
    dialog.save_button.click()
    assert len(asked) == 1
    assert "Sessions in scope" in asked[0]
    saved = tmp_path / "proposal.govplan"
    assert saved.exists()
    proposal = load_plan(saved)
    assert "(proposed reduction)" in proposal.name
    assert proposal.proposal is not None
    assert proposal.proposal.changes
    assert proposal.proposal.sessions_after <= proposal.proposal.budget_sessions + 1e-9
    assert proposal.effective_date == dt.date(2027, 4, 1)
    (opened,) = set(main_windows()) - before
    qtbot.addWidget(opened)
    assert opened.document.path == saved
    assert window.planning.compare.target is not None
    report = restructure.report
    assert "Retired roles (7)" in report.text.toPlainText()
    assert report.save(tmp_path / "why.json") is not None
    assert fits(report)
    # the proposal is the next step of the transition, in the timeline
    timeline = window.restructure.timeline()
    timeline.add_paths([saved])
    timeline.build()
    qtbot.waitUntil(lambda: timeline.task is None, timeout=60_000)
    assert timeline.table.rowCount() == 2
    assert timeline.table.item(1, 0).text() == "1 April 2027"
    assert "7 roles removed" in timeline.table.item(1, 6).text()
    timeline.close()
    opened.undo_stack.setClean()


def test_retiring_every_provider_is_refused_in_plain_words() -> None:
    from govplanner.gui.restructure.reduce_words import refusal_text
    from govplanner.restructure.reduce import Budget, Request

    plan = load_plan(NORTH)
    retire = tuple(r.id for r in plan.roles if r.clinical)
    reduction = reduce_plan(plan, Request(budget=Budget(sessions=100), retire=retire))
    assert not reduction.found
    text = refusal_text(reduction)
    assert text.startswith("No proposal: the roles you chose to retire leave ")
    assert "whatever the budget" in text
    assert text.count("\n  • ") == len(reduction.forced_gaps)
    assert "--" not in text
