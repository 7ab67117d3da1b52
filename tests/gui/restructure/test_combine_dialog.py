"""Plan ▸ Propose a reduction…: the checkbox that lets committees in common be combined."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from govplanner.gui.restructure.reduce_dialog import ReduceDialog
from tests.restructure.test_combine import audit_pair


def test_the_dialog_asks_whether_committees_in_common_may_combine(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    plan = audit_pair()
    dialog = ReduceDialog(parent, plan)
    assert dialog.combine.isEnabled()
    assert not dialog.request().combine_in_common  # off unless asked for
    dialog.combine.setChecked(True)
    assert dialog.request().combine_in_common
    plan.groups = []
    for committee in plan.committees:
        committee.group_id = None
    alone = ReduceDialog(parent, plan)
    assert not alone.combine.isEnabled()
    assert "no committees in common" in alone.combine.toolTip()


def test_the_dialog_says_which_committees_it_combined(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ReduceDialog(parent, audit_pair())
    dialog.combine.setChecked(True)
    dialog.set_budget(2, percent=False)  # room for one clinical adviser, not two
    got: list[Any] = []
    dialog.proposed.connect(got.append)
    dialog.propose()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)
    (reduction,) = got
    assert reduction.found
    shown = dialog.outcome_text.toPlainText()
    assert "Audit Committees (in common)" in shown
    assert "combined" in shown.lower()
