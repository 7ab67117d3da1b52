"""The app's live analysis brings itself up to date incrementally, and agrees with a full one."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoStack

from govplanner.analysis import analyse
from govplanner.domain.document import PlanDocument
from govplanner.gui import commands as cmd
from govplanner.gui.live_analysis import LiveAnalysis
from tests.builders import committee_id


def test_edits_and_undo_refresh_to_what_a_full_analysis_says(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    live = LiveAnalysis(document, delay_ms=0)
    live.refresh()
    engine = live._engine
    assert engine is not None
    role = next(r for r in document.plan.roles if r.holder_id is not None)
    edits = [
        cmd.update_item(document, "role", role.id, holder_id=None),
        cmd.update_item(document, "committee", committee_id("ICB Board"), quorum=9),
    ]
    for edit in edits:
        with qtbot.waitSignal(live.updated):
            cmd.execute(stack, edit)
        assert live.analysis == analyse(document.plan)
    with qtbot.waitSignal(live.updated):
        stack.undo()
    assert live.analysis == analyse(document.plan)
    assert live._engine is engine
    assert engine.full_runs == 1  # no full analysis was needed
    live.detach()


def test_a_setting_change_refreshes_fully(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    live = LiveAnalysis(document, delay_ms=0)
    live.refresh()
    with qtbot.waitSignal(live.updated):
        document.set_plan_fields(default_capacity=0.5)
    assert live.analysis == analyse(document.plan)
    assert any(f.code == "LOD002" for f in live.analysis.findings)
    live.detach()
