"""After edits (and their undo and redo) the diagram and the heatmap, brought up to date piece
by piece, show exactly what views built afresh from the same plan and analysis show."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from benchmarks.generate import plan_for_seats

from govplanner.domain.model import Role, Seat
from govplanner.gui import commands as cmd
from govplanner.gui.coverage_view import CoverageView
from govplanner.gui.diagram.scene import DiagramScene
from govplanner.gui.models.coverage import CellRole

if TYPE_CHECKING:
    from govplanner.gui.main_window import MainWindow


def _cards(scene: DiagramScene) -> dict[str, tuple[Any, ...]]:
    return {
        cid: (box.card, box.seats, box.vacant, str(box.status), box.count)
        for cid, box in scene.boxes.items()
    }


def _diagram_agrees(window: MainWindow) -> None:
    fresh = DiagramScene()
    fresh.rebuild(window.document.plan, window.live.analysis)
    shown = window.diagram.diagram
    assert _cards(shown) == _cards(fresh)
    assert {k: v for k, v in shown.findings.items() if v} == dict(fresh.findings)


def _cells(view: CoverageView) -> list[Any]:
    model = view.model
    return [
        (model.index(r, c).data(), model.index(r, c).data(CellRole))
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]


def _detail(view: CoverageView) -> list[str]:
    return [view.detail_title.text()] + [
        view.detail.item(i).text() for i in range(view.detail.count())
    ]


def _heatmap_agrees(window: MainWindow, row: int, column: int) -> None:
    fresh = CoverageView(window.document, window.live)
    try:
        fresh.table.setCurrentIndex(fresh.model.index(row, column))
        assert _cells(window.coverage) == _cells(fresh)
        assert _detail(window.coverage) == _detail(fresh)
    finally:
        fresh.deleteLater()


def _edit(window: MainWindow, rng: random.Random, step: int) -> None:
    """One random edit the way the tables and forms make it (an undo command), or an undo or
    redo of an earlier one."""
    document, stack = window.document, window.undo_stack
    roles, committees = document.plan.roles, document.plan.committees
    people = document.plan.people
    choice = rng.random()
    role = rng.choice(roles)
    if choice < 0.15 and stack.canUndo():
        stack.undo()
    elif choice < 0.25 and stack.canRedo():
        stack.redo()
    elif choice < 0.55:
        holder = None if role.holder_id else rng.choice(people).id
        cmd.execute(stack, cmd.update_item(document, "role", role.id, holder_id=holder))
    elif choice < 0.7:
        seats = [Seat(committee_id=rng.choice(committees).id) for _ in range(rng.randint(1, 3))]
        cmd.execute(stack, cmd.update_item(document, "role", role.id, seats=seats))
    elif choice < 0.85:
        new = Role(title=f"Lead {step}", seats=[Seat(committee_id=rng.choice(committees).id)])
        cmd.execute(stack, cmd.add_item(document, "role", new, rng.randrange(len(roles))))
    else:
        cmd.execute(stack, cmd.delete_item(document, "role", role.id))


def test_edits_undo_and_redo_leave_diagram_and_heatmap_as_if_built_afresh(
    qtbot: Any, window: MainWindow
) -> None:
    window.show_plan(plan_for_seats(400, seed=3), None)
    rng = random.Random(5)
    row, column = 1, 2
    window.coverage.table.setCurrentIndex(window.coverage.model.index(row, column))
    for step in range(60):
        # The diagram is edited both while it is shown and while another tab is.
        shown = window.diagram if step % 20 < 10 else window.coverage
        window.tabs.setCurrentWidget(shown)
        _edit(window, rng, step)
        window.live.refresh()
        qtbot.wait(1)  # the views' own follow-up on the next event-loop turn
        if step % 5 == 4:
            window.tabs.setCurrentWidget(window.diagram)  # a hidden diagram catches up
            assert not window.diagram.is_behind()
            _diagram_agrees(window)
            _heatmap_agrees(window, row, column)
    assert window.undo_stack.count() > 20


def test_a_hidden_diagram_does_no_work_for_an_edit_until_shown(
    qtbot: Any, window: MainWindow
) -> None:
    window.show_plan(plan_for_seats(200, seed=1), None)
    assert window.diagram.is_behind()  # the new plan waits for the diagram to be shown
    window.tabs.setCurrentWidget(window.diagram)
    window.tabs.setCurrentWidget(window.coverage)
    role = next(r for r in window.document.plan.roles if r.holder_id is not None)
    committee = role.committee_ids[0]
    before = window.diagram.diagram.boxes[committee].vacant
    cmd.execute(window.undo_stack, cmd.fill_role(window.document, role.id, None))
    window.live.refresh()
    qtbot.wait(1)
    assert window.diagram.is_behind()
    assert window.diagram.diagram.boxes[committee].vacant == before
    window.tabs.setCurrentWidget(window.diagram)
    assert window.diagram.diagram.boxes[committee].vacant == before + 1
    _diagram_agrees(window)


def test_the_cells_committee_list_follows_an_edit_that_uncovers_one(
    qtbot: Any, window: MainWindow
) -> None:
    window.show_plan(plan_for_seats(400, seed=3), None)
    view = window.coverage
    model = view.model
    row, column = next(
        (r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.index(r, c).data(CellRole).covered_ids
    )
    view.table.setCurrentIndex(model.index(row, column))
    covered = model.index(row, column).data(CellRole).covered_ids[0]
    before = _detail(view)
    for role in list(window.document.plan.roles):
        if covered in role.committee_ids and role.holder_id is not None:
            cmd.execute(window.undo_stack, cmd.fill_role(window.document, role.id, None))
    window.live.refresh()
    assert _detail(view) != before
    name = next(c.name for c in window.document.plan.committees if c.id == covered)
    assert any(line.startswith(f"{name} — ") and "Not covered" in line for line in _detail(view))
    _heatmap_agrees(window, row, column)
