"""A proposal exported to Excel and imported back is the same proposal, reasons and all."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from govplanner.files import register_layout as layout
from govplanner.files.planfile import load_plan
from govplanner.files.register_export import export_register
from govplanner.files.register_import import import_register
from govplanner.files.register_problems import RegisterImportError
from govplanner.restructure.proposal import proposal_plan
from govplanner.restructure.reduce import Budget, Request, reduce_plan

CLUSTER = Path(__file__).resolve().parents[2] / "examples" / "cluster-example.govplan"


@pytest.fixture(scope="module")
def proposal():  # type: ignore[no-untyped-def]
    reduction = reduce_plan(load_plan(CLUSTER), Request(budget=Budget(cut_percent=20)))
    assert reduction.found
    return proposal_plan(reduction)


def test_a_reduction_round_trips_through_the_register(tmp_path: Path, proposal) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "proposal.xlsx"
    assert export_register(proposal, path) == []
    book = load_workbook(path, read_only=True)
    assert book.sheetnames[-2:] == [layout.PROPOSAL, layout.CHANGES]
    changes = list(book[layout.CHANGES].iter_rows(values_only=True))
    assert changes[0][:3] == ("Action", "Id", "Subject")
    assert len(changes) == 1 + len(proposal.proposal.changes)
    assert {row[0] for row in changes[1:]} == {"Role retired"}
    back = import_register(path)
    assert back.proposal == proposal.proposal
    assert back == proposal


def test_an_unknown_action_is_named_by_sheet_row_and_column(tmp_path: Path, proposal) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "proposal.xlsx"
    export_register(proposal, path)
    book = load_workbook(path)
    book[layout.CHANGES]["A2"] = "Role promoted"
    book[layout.PROPOSAL]["B3"] = "not a date"  # row 3 is 'Made on'
    book.save(path)
    with pytest.raises(RegisterImportError) as caught:
        import_register(path)
    text = str(caught.value)
    assert "'Proposal changes'" in text
    assert "row 2" in text
    assert "Role promoted" in text or "action" in text
    assert "expected a date" in text
