"""The gap report of a proposal says what the proposal changed and why (its Proposal sheet)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from govplanner.analysis import analyse
from govplanner.domain.proposal import ChangeAction
from govplanner.export.gap_report import SHEETS, export_gap_report
from govplanner.files.planfile import load_plan
from govplanner.restructure.proposal import proposal_plan
from govplanner.restructure.reduce import Budget, Request, reduce_plan

CLUSTER = Path(__file__).resolve().parents[2] / "examples" / "cluster-example.govplan"


def test_a_proposal_gets_a_sheet_listing_each_change_with_its_reasons(tmp_path: Path) -> None:
    plan = proposal_plan(reduce_plan(load_plan(CLUSTER), Request(budget=Budget(cut_percent=20))))
    record = plan.proposal
    assert record is not None
    path = tmp_path / "gaps.xlsx"
    export_gap_report(plan, analyse(plan), path)
    book = load_workbook(path)
    assert book.sheetnames == [*SHEETS, "Proposal"]
    cells = [row for row in book["Proposal"].iter_rows(values_only=True)]
    text = "\n".join(str(v) for row in cells for v in row if v is not None)
    assert f"from '{record.source_plan}'" in text
    assert f"Essential functions covered: {record.essential_covered_before:,} before" in text
    header = next(i for i, row in enumerate(cells) if row[0] == "Change")
    body = cells[header + 1 :]
    retired = [c for c in record.changes if c.action is ChangeAction.RETIRE_ROLE]
    assert [row[1] for row in body] == [c.subject for c in record.changes]
    assert len(retired) == len(body)
    for row, change in zip(body, record.changes, strict=True):
        assert row[0] == "Role retired"
        assert row[4] == "\n".join(change.reasons)


def test_a_plan_that_is_not_a_proposal_has_no_proposal_sheet(tmp_path: Path) -> None:
    plan = load_plan(CLUSTER)
    path = tmp_path / "gaps.xlsx"
    export_gap_report(plan, analyse(plan), path)
    assert load_workbook(path, read_only=True).sheetnames == list(SHEETS)
