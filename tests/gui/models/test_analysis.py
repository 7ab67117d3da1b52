"""The findings, coverage and structure models: Qt contract, live refresh, drag and drop."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack

from govplanner.domain.document import PlanDocument
from govplanner.domain.enums import Function, Severity
from govplanner.domain.model import Committee, Line
from govplanner.gui import commands as cmd
from govplanner.gui.live_analysis import LiveAnalysis
from govplanner.gui.models.coverage import CellRole, CoverageModel
from govplanner.gui.models.findings import FindingFilter, FindingsModel
from govplanner.gui.models.structure import StructureModel
from tests.builders import committee_id, person_id, role_id, tier_id


@pytest.fixture
def live(qapp: object, document: PlanDocument) -> LiveAnalysis:
    live = LiveAnalysis(document, delay_ms=0)
    live.refresh()
    return live


def test_live_analysis_coalesces_edits(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    calls: list[int] = []

    def analyser(plan: Any) -> Any:
        from govplanner.analysis import analyse

        calls.append(1)
        return analyse(plan)

    live = LiveAnalysis(document, analyser=analyser, delay_ms=50)
    with qtbot.waitSignal(live.updated) as blocker:
        for name in ("A", "B", "C"):
            cmd.execute(
                stack,
                cmd.update_item(document, "committee", committee_id("ICB Board"), quorum_note=name),
            )
        assert live.is_stale()
    assert calls == [1]
    assert blocker.args[0] is live.analysis
    assert not live.is_stale()


def test_findings_model_contract_and_filters(
    qtmodeltester: Any, live: LiveAnalysis, document: PlanDocument, stack: QUndoStack
) -> None:
    model = FindingsModel(live)
    qtmodeltester.check(model)
    assert model.rowCount() == len(live.analysis.findings) > 0
    model.set_filter(FindingFilter(severities=frozenset({Severity.CRITICAL})))
    severities = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert severities == {"Critical"}
    model.set_filter(FindingFilter(code="GAP001"))
    assert {model.index(r, 1).data() for r in range(model.rowCount())} == {"GAP001"}
    model.set_filter(FindingFilter(tier_id=tier_id("system")))
    assert {model.index(r, 4).data() for r in range(model.rowCount())} == {"System"}
    model.set_filter(FindingFilter())
    model.sort(3, Qt.SortOrder.AscendingOrder)
    subjects = [model.index(r, 3).data() for r in range(model.rowCount())]
    assert subjects == sorted(subjects, key=str.casefold)
    qtmodeltester.check(model)


def test_accepted_finding_shows_as_accepted_and_can_be_hidden(
    qtbot: Any, live: LiveAnalysis, document: PlanDocument, stack: QUndoStack
) -> None:
    model = FindingsModel(live)
    finding = model.finding_at(0)
    with qtbot.waitSignal(live.updated):
        cmd.execute(stack, cmd.accept_finding(document, finding.key, "Board agreed", "x"))
    row = model.row_of_key(finding.key)
    assert model.index(row, 2).data() == "Accepted"
    assert "Board agreed" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    model.set_filter(FindingFilter(show_accepted=False))
    assert model.row_of_key(finding.key) == -1


def test_coverage_model_cells_update_after_edits(
    qtbot: Any, qtmodeltester: Any, live: LiveAnalysis, document: PlanDocument, stack: QUndoStack
) -> None:
    model = CoverageModel(live)
    qtmodeltester.check(model)
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())][:3] == [
        "System",
        "Programme",
        "Neighbourhood",
    ]
    crisis_row = 2
    rep = list(Function).index(Function.REPRESENTATION)
    assert model.index(crisis_row, rep).data() == "0/1 · Gap"
    assert model.index(crisis_row, rep).data(Qt.ItemDataRole.BackgroundRole) is not None
    with qtbot.waitSignal(live.updated):
        cmd.execute(stack, cmd.fill_role(document, role_id("Crisis Lead"), person_id("Dr Bea")))
    assert model.index(crisis_row, rep).data() == "1/1 · Covered"
    cell = model.index(crisis_row, rep).data(CellRole)
    assert cell.covered_ids == (committee_id("Crisis Group"),)
    qtmodeltester.check(model)


def test_coverage_what_if_stage(live: LiveAnalysis, document: PlanDocument) -> None:
    model = CoverageModel(live)
    rel = list(Function).index(Function.RELATIONAL)
    # Neighbourhood (project level): relational work is optional at strategy setting ...
    assert model.index(2, rel).data() == "– · Not required"
    model.set_stage(document.plan.stages[2].id)
    # ... and essential once collaboration is being sustained.
    assert model.index(2, rel).data() == "0/1 · Gap"
    model.set_stage(None)
    assert model.stage_id is None


def test_structure_nests_same_tier_reporting(
    qtmodeltester: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    model = StructureModel(document, stack)
    qtmodeltester.check(model)
    system = model.index_of(tier_id("system"))
    assert model.rowCount(system) == 1
    board = model.index(0, 0, system)
    assert board.data() == "ICB Board"
    assert model.index(0, 0, board).data() == "Quality Committee"
    programme = model.index_of(tier_id("programme"))
    assert model.index(0, 0, programme).data() == "Mental Health Board"
    tooltip = model.index(0, 0, programme).data(Qt.ItemDataRole.ToolTipRole)
    assert "accountable to 'ICB Board'" in tooltip


def test_structure_drag_to_tier_and_to_parent(
    qtmodeltester: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    model = StructureModel(document, stack)
    crisis = model.index_of(committee_id("Crisis Group"))
    data = model.mimeData([crisis])
    action = Qt.DropAction.MoveAction
    assert model.dropMimeData(data, action, -1, 0, model.index_of(tier_id("programme")))
    assert stack.undoText() == "Move committee 'Crisis Group' to tier 'Programme'"
    moved = model.index_of(committee_id("Crisis Group"))
    assert model.parent(moved).data() == "Mental Health Board"
    data = model.mimeData([model.index_of(committee_id("Crisis Group"))])
    assert model.dropMimeData(data, action, -1, 0, model.index_of(committee_id("ICB Board")))
    assert document.get("committee", committee_id("Crisis Group")).reports_to_id == committee_id(
        "ICB Board"
    )
    qtmodeltester.check(model)
    stack.undo()
    stack.undo()
    assert document.get("committee", committee_id("Crisis Group")).tier_id == tier_id(
        "neighbourhood"
    )


def test_structure_refuses_drop_on_own_descendant(
    document: PlanDocument, stack: QUndoStack
) -> None:
    model = StructureModel(document, stack)
    data = model.mimeData([model.index_of(committee_id("ICB Board"))])
    target = model.index_of(committee_id("Quality Committee"))
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert stack.count() == 0


def test_structure_rename_and_add(
    qtmodeltester: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    model = StructureModel(document, stack)
    assert model.setData(model.index_of(tier_id("system")), "System level")
    assert stack.undoText() == "Rename tier 'System' to 'System level'"
    board = committee_id("ICB Board")
    new = Committee(name="Finance", tier_id=tier_id("system"), lines=[Line(to_id=board)])
    cmd.execute(stack, cmd.add_item(document, "committee", new))
    assert model.parent(model.index_of(new.id)).data() == "ICB Board"
    qtmodeltester.check(model)


def test_dragging_two_committees_is_one_command(document: PlanDocument, stack: QUndoStack) -> None:
    model = StructureModel(document, stack)
    before = document.plan.model_dump()
    dragged = [model.index_of(committee_id(n)) for n in ("Crisis Group", "Quality Committee")]
    target = model.index_of(tier_id("programme"))
    assert model.dropMimeData(model.mimeData(dragged), Qt.DropAction.MoveAction, -1, 0, target)
    assert stack.count() == 1
    assert stack.undoText() == "Move 2 committees"
    moved = {document.get("committee", committee_id(n)).tier_id for n in ("Crisis Group",)}
    assert moved == {tier_id("programme")}
    stack.undo()
    assert document.plan.model_dump() == before
    stack.redo()
    assert document.get("committee", committee_id("Quality Committee")).tier_id == tier_id(
        "programme"
    )


def test_failing_analysis_keeps_the_last_result(qtbot: Any, document: PlanDocument) -> None:
    calls: list[int] = []

    def analyser(plan: Any) -> Any:
        from govplanner.analysis import analyse

        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("rule exploded")
        return analyse(plan)

    live = LiveAnalysis(document, analyser=analyser, delay_ms=0)
    first = live.refresh()
    with qtbot.waitSignal(live.failed) as blocker:
        assert live.refresh() is first
    assert blocker.args == ["The plan could not be checked: rule exploded"]
    assert live.analysis is first
    assert not live.is_stale()  # the kept analysis is of the plan as it is


def test_an_edit_whose_analysis_failed_leaves_the_analysis_stale(
    qtbot: Any, document: PlanDocument, stack: QUndoStack
) -> None:
    from govplanner.analysis import analyse

    failing = [False]

    def analyser(plan: Any) -> Any:
        if failing[0]:
            raise RuntimeError("rule exploded")
        return analyse(plan)

    live = LiveAnalysis(document, analyser=analyser, delay_ms=0)
    first = live.refresh()
    failing[0] = True
    with qtbot.waitSignal(live.failed):
        cmd.execute(
            stack, cmd.update_item(document, "committee", committee_id("ICB Board"), quorum=9)
        )
    assert live.analysis is first
    assert live.is_stale()  # what exports and the diagram ask before trusting it
    failing[0] = False
    assert live.refresh() == analyse(document.plan)
    assert not live.is_stale()


def test_an_accepted_gap_is_shown_apart_and_undo_brings_it_back(
    qtbot: Any, live: LiveAnalysis, document: PlanDocument, stack: QUndoStack
) -> None:
    from govplanner.gui.coverage_view import CoverageView

    view = CoverageView(document, live)
    qtbot.addWidget(view)
    rep = list(Function).index(Function.REPRESENTATION)
    gap = next(
        f
        for f in live.analysis.findings
        if f.code == "GAP002" and f.subject_id == committee_id("Crisis Group")
    )
    with qtbot.waitSignal(live.updated):
        cmd.execute(stack, cmd.accept_finding(document, gap.key, "Recruiting in May", "Crisis"))
    index = view.model.index(2, rep)
    assert view.detail_pane.isHidden()  # the heatmap first, until a cell is chosen
    assert index.data() == "0/1 · Accepted"
    assert "1 more committee has the gap accepted" in index.data(Qt.ItemDataRole.ToolTipRole)
    view._cell_chosen(index)
    assert not view.detail_pane.isHidden()
    assert view.detail.item(0).text() == "Crisis Group — ◌ Not covered, gap accepted"
    assert view.detail_title.text().endswith("1 with the gap accepted")
    with qtbot.waitSignal(live.updated):
        stack.undo()
    assert view.model.index(2, rep).data() == "0/1 · Gap"


def test_no_drop_makes_an_accountability_cycle_along_a_second_line(
    document: PlanDocument, stack: QUndoStack
) -> None:
    quality = document.get("committee", committee_id("Quality Committee"))
    crisis = committee_id("Crisis Group")
    # Quality answers to the board and, by a second line, to the Crisis Group.
    cmd.execute(stack, cmd.update_item(document, "committee", quality.id,
                                       lines=[*quality.lines, Line(to_id=crisis)]))  # fmt: skip
    model = StructureModel(document, stack)
    dragged = model.mimeData([model.index_of(crisis)])
    target = model.index_of(quality.id)
    assert not model.canDropMimeData(dragged, Qt.DropAction.MoveAction, -1, 0, target)
