"""Compare shows why a proposal removed each item (its record, Plan.proposal)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from govplanner.analysis.compare import compare_plans
from govplanner.domain.proposal import ChangeAction
from govplanner.domain.vocabulary import words
from govplanner.export.compare_report import export_comparison
from govplanner.files.planfile import load_plan
from govplanner.gui.planning.compare_lists import StructureChanges
from govplanner.restructure.proposal import proposal_plan
from govplanner.restructure.reduce import Budget, Request, reduce_plan

CLUSTER = Path(__file__).resolve().parents[3] / "examples" / "cluster-example.govplan"


@pytest.fixture(scope="module")
def pair() -> Any:
    before = load_plan(CLUSTER)
    after = proposal_plan(reduce_plan(before, Request(budget=Budget(cut_percent=20))))
    return before, after, compare_plans(before, after)


def _retired(after: Any) -> dict[str, list[str]]:
    return {
        c.subject: c.reasons for c in after.proposal.changes if c.action is ChangeAction.RETIRE_ROLE
    }


def test_each_removed_role_reads_why_with_one_reason_a_line(qtbot: Any, pair: Any) -> None:
    _before, after, comparison = pair
    tree = StructureChanges()
    qtbot.addWidget(tree)
    tree.show_comparison(comparison, words(after))
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    roles = next(r for r in rows if r.text(0).startswith("Roles"))
    removed = {
        roles.child(i).text(1): roles.child(i)
        for i in range(roles.childCount())
        if "Removed" in roles.child(i).text(0)
    }
    retired = _retired(after)
    assert set(removed) == set(retired)
    for title, row in removed.items():
        assert row.text(3) == "Why: " + "; ".join(retired[title])
        assert [row.child(i).text(3) for i in range(row.childCount())] == retired[title]


def test_the_comparison_workbook_gives_the_reasons(tmp_path: Path, pair: Any) -> None:
    _before, after, comparison = pair
    path = export_comparison(comparison, tmp_path / "compare.xlsx", words(after))
    cells = [row for ws in load_workbook(path).worksheets for row in ws.iter_rows(values_only=True)]
    retired = _retired(after)
    for title, reasons in retired.items():
        row = next(r for r in cells if title in r and "Removed" in r)
        assert "Why" in row
        assert "\n".join(reasons) in row
