"""The board gap report parsed back: sheets, counts, tables, print set-up, text never formulas."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from govplanner.analysis import analyse
from govplanner.analysis.result import Analysis, CoverageCell
from govplanner.domain.model import Plan
from govplanner.export.gap_report import SHEETS, export_gap_report
from govplanner.export.xlsx_style import PAGE_CHARS, rag_status
from tests.builders import PlanBuilder, committee_id
from tests.export.plans import example_plans, partnership

AS_OF = dt.date(2026, 3, 31)
HOSTILE = '=HYPERLINK("http://x","y")'


def _export(plan: Plan, tmp_path: Path) -> tuple[Workbook, Analysis, Path]:
    analysis = analyse(plan)
    path = export_gap_report(plan, analysis, tmp_path / "report.xlsx", as_of=AS_OF)
    return load_workbook(path), analysis, path


def _rows(wb: Workbook, sheet: str) -> list[tuple[Any, ...]]:
    return list(wb[sheet].iter_rows(values_only=True))


def _find(wb: Workbook, sheet: str, text: str) -> int:
    """1-based row number of the first row whose first cell is ``text``."""
    for i, row in enumerate(_rows(wb, sheet), start=1):
        if row and row[0] == text:
            return i
    raise AssertionError(f"{text!r} not found on {sheet}")


def test_sheets_in_order(tmp_path: Path) -> None:
    wb, _, _ = _export(partnership(), tmp_path)
    assert wb.sheetnames == list(SHEETS)


def test_findings_sheet_has_one_row_per_finding(tmp_path: Path) -> None:
    wb, analysis, _ = _export(partnership(), tmp_path)
    rows = _rows(wb, "Findings")
    assert rows[0] == (
        "Severity", "Code", "Tier", "Subject kind", "Subject", "Function", "Stage",
        "Message", "Remedy", "Root cause", "Accepted", "Rationale", "Accepted by",
        "Accepted on", "Review on",
    )  # fmt: skip
    assert len(rows) - 1 == len(analysis.findings)
    first = analysis.findings[0]
    assert rows[1][:5] == (first.severity.label, first.code, first.tier, "Committee", first.subject)
    assert rows[1][7] == first.message


def test_findings_are_an_excel_table_with_filters(tmp_path: Path) -> None:
    wb, analysis, _ = _export(partnership(), tmp_path)
    ws = wb["Findings"]
    table = ws.tables["Findings"]
    assert table.ref == f"A1:O{len(analysis.findings) + 1}"
    assert table.autoFilter is not None
    assert [c.name for c in table.tableColumns][:2] == ["Severity", "Code"]


def test_summary_counts_equal_the_analysis(tmp_path: Path) -> None:
    plan = partnership()
    key = analyse(plan).findings[0].key
    plan.accepted.append(_accepted(key))
    wb, analysis, _ = _export(plan, tmp_path)
    rows = _rows(wb, "Summary")
    start = _find(wb, "Summary", "Severity")
    table = {r[0]: r[1:4] for r in rows[start : start + 4]}
    summary = analysis.summary
    for severity in ("critical", "warning", "info"):
        open_count, accepted_count, total = table[severity.capitalize()]
        assert open_count == summary[severity]
        assert total == open_count + accepted_count
    accepted = sum(table[s.capitalize()][1] for s in ("critical", "warning", "info"))
    assert accepted == summary["accepted"] == 1
    assert table["All findings"] == (
        len(analysis.open_findings),
        1,
        len(analysis.findings),
    )
    assert rows[1][0] == "Northshire Partnership"
    assert rows[2][0].startswith("As of 31 March 2026")


def _accepted(key: str) -> Any:
    from govplanner.domain.model import AcceptedFinding

    return AcceptedFinding(key=key, rationale="Covered by the regional network for now.")


def test_accepted_findings_stay_marked_with_their_rationale(tmp_path: Path) -> None:
    plan = partnership()
    first = analyse(plan).findings[0]
    plan.accepted.append(_accepted(first.key))
    wb, _, _ = _export(plan, tmp_path)
    accepted = [r for r in _rows(wb, "Findings")[1:] if r[10] == "Yes"]
    assert len(accepted) == 1
    assert accepted[0][1] == first.code
    assert accepted[0][11] == "Covered by the regional network for now."


def test_coverage_matrix_has_rag_fill_and_text(tmp_path: Path) -> None:
    wb, analysis, _ = _export(partnership(), tmp_path)
    ws = wb["Summary"]
    header = _find(wb, "Summary", "Tier")
    assert [c.value for c in ws[header]][:6] == [
        "Tier", "Level", "Analytical insight", "Representation",
        "Translation & communication", "Relational work",
    ]  # fmt: skip
    programme = ws[header + 2]  # tiers in plan order: Executive, Programme, Project
    assert programme[0].value == "Programme"
    cell = analysis.coverage[1].functions
    texts = [c.value for c in programme[2:6]]
    assert texts == [rag_status(cell[f])[1] for f in cell]
    fills = {c.value: c.fill.fgColor.rgb for c in programme[2:6]}
    assert fills["0/1 not covered"].endswith("FFC7CE")  # red
    assert fills["1/1 covered"].endswith("C6EFCE")  # green


@pytest.mark.parametrize(
    ("required", "covered", "expected"),
    [
        (3, 3, ("green", "3/3 covered")),
        (3, 2, ("amber", "2/3 partly covered")),
        (3, 0, ("red", "0/3 not covered")),
        (0, 0, ("grey", "Not required")),
    ],
)
def test_rag_status_always_comes_with_text(
    required: int, covered: int, expected: tuple[str, str]
) -> None:
    assert rag_status(CoverageCell(required, covered)) == expected


def test_coverage_by_stage_has_a_row_per_tier_and_stage(tmp_path: Path) -> None:
    wb, analysis, _ = _export(partnership(), tmp_path)
    rows = _rows(wb, "Coverage by stage")
    assert len(rows) - 1 == len(analysis.coverage_by_stage) == 9
    assert rows[1][:2] == ("Executive", "Strategy setting")


def test_registers_list_committees_roles_and_people(tmp_path: Path) -> None:
    plan = partnership()
    wb, _, _ = _export(plan, tmp_path)
    committees = {r[0]: r for r in _rows(wb, "Committees")[1:]}
    assert set(committees) == {c.name for c in plan.committees}
    project = committees["Continuity of Carer Project"]
    assert project[1] == "Decision-making"  # kind
    assert project[6] == "Maternity Programme Board"  # accountable to
    assert project[12:15] == (1, 0, 1)  # clinical roles, filled, vacant
    assert project[16] == "Analytical insight; Representation; Translation & communication"
    roles = _rows(wb, "Roles")
    assert len(roles) - 1 == len(plan.roles)
    director = next(r for r in roles if r[0] == "Medical Director")
    assert director[4:7] == ("Dr Ada Jones", "Filled", 2)
    assert director[7] == dt.datetime(2025, 4, 1)
    vacant = [r for r in roles if r[5] == "Vacant"]
    assert {r[0] for r in vacant} == {"Clinical Lead", "Programme Manager"}
    people = {r[0]: r for r in _rows(wb, "People")[1:]}
    assert people["Dr Ada Jones"][2:6] == (1, "Medical Director", 2, 4)
    assert people["Dr Ada Jones"][6] == "Yes"  # capacity recorded
    assert people["Dr Ada Jones"][7] == "Within capacity (2 sessions spare)"


def test_an_overloaded_person_is_shown_over_capacity(tmp_path: Path) -> None:
    plan = (
        PlanBuilder()
        .committee("Board", tier="executive")
        .person("Dr Busy", capacity=2)
        .role("Lead A", on=["Board"], functions=["analytical"], holder="Dr Busy", sessions=2)
        .role("Lead B", on=["Board"], functions=["relational"], holder="Dr Busy", sessions=1.5)
        .build()
    )
    wb, _, _ = _export(plan, tmp_path)
    busy = next(r for r in _rows(wb, "People") if r[0] == "Dr Busy")
    assert busy[4:8] == (3.5, 2, "Yes", "Over capacity by 1.5 sessions")
    assert "LOD001" in [r[1] for r in _rows(wb, "Findings")]


def test_user_text_is_never_a_formula(tmp_path: Path) -> None:
    plan = (
        PlanBuilder()
        .committee(HOSTILE, tier="executive")
        .role("+44 20 7946 0000", on=[HOSTILE], functions=["analytical"], holder="@admin")
        .role("-1+1", on=[HOSTILE], functions=[])
        .build()
    )
    board = plan.committee(committee_id(HOSTILE))
    assert board is not None
    board.purpose = "=1+1"
    board.programme_area = "\t=cmd|' /C calc'!A0"
    plan.roles[0].term_end = AS_OF + dt.timedelta(days=30)  # listed on Term ends
    wb, _, path = _export(plan, tmp_path)
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert len(sheets) == len(SHEETS)
        for name in sheets:
            xml = archive.read(name).decode("utf-8")
            assert not re.search(r"<(\w+:)?f[ >]", xml), name
    committees = _rows(wb, "Committees")
    assert committees[1][0] == HOSTILE
    assert committees[1][19] == "=1+1"
    assert {r[0] for r in _rows(wb, "Roles")[1:]} == {"+44 20 7946 0000", "-1+1"}
    assert any(r[4] == HOSTILE for r in _rows(wb, "Findings")[1:])
    assert ("+44 20 7946 0000", "@admin", HOSTILE) in [r[:3] for r in _rows(wb, "Term ends")]
    assert any("@admin" in str(r[3]) for r in _rows(wb, "Principles"))  # in the evidence
    assert wb["Committees"]["A2"].data_type == "s"


def test_sheets_are_ready_to_print_for_a_board(tmp_path: Path) -> None:
    wb, _, path = _export(partnership(), tmp_path)
    for name in SHEETS:
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape", name
        assert ws.page_setup.paperSize == 9, name  # A4
        # Wide sheets print across pages (first column repeated) rather than shrink.
        widths = [d.width for d in ws.column_dimensions.values() if d.width]
        wide = ws.page_setup.fitToWidth
        assert sum(widths) / wide <= PAGE_CHARS, name
        assert (ws.print_title_cols is not None) == (wide > 1), name
        if wide > 1:  # each block of rows prints left half, then right half
            assert ws.page_setup.pageOrder == "overThenDown", name
        # Never shrunk to fit a page's height: a long sheet runs on to more pages.
        assert ws.page_setup.fitToHeight == 0, name
        assert ws.sheet_properties.pageSetUpPr.fitToPage, name
        assert ws.sheet_view.showGridLines is False, name
        assert ws.oddFooter.right.text == "Page &P of &N", name
        if name != "Summary":
            assert ws.freeze_panes is not None, name
            # the repeated row is the sheet's header row
            assert ws.print_title_rows is not None, name
            title_row = int(ws.print_title_rows.split(":")[0].strip("$"))
            assert ws.cell(title_row, 1).style == "gp header", name
            assert ws.freeze_panes[1:] == str(title_row + 1), name
    with zipfile.ZipFile(path) as archive:
        assert any(n.startswith("xl/charts/chart") for n in archive.namelist())


def test_long_text_rows_are_made_tall_enough_and_wrap(tmp_path: Path) -> None:
    wb, _, _ = _export(partnership(), tmp_path)
    ws = wb["Findings"]
    assert ws["H2"].alignment.wrap_text
    assert ws.row_dimensions[2].height is not None
    assert ws.row_dimensions[2].height > 15
    assert ws.column_dimensions["H"].width > ws.column_dimensions["B"].width


def test_an_empty_plan_still_gives_a_readable_report(tmp_path: Path) -> None:
    wb, analysis, _ = _export(Plan(name="Empty"), tmp_path)
    assert analysis.findings == ()
    assert _rows(wb, "Findings") == [_rows(wb, "Findings")[0]]
    assert wb["Findings"].tables == {}


def test_plan_name_with_ampersand_is_shown_literally_in_the_page_header(tmp_path: Path) -> None:
    plan = partnership()
    plan.name = "Health & Care Partnership"
    wb, _, _ = _export(plan, tmp_path)
    assert wb["Findings"].oddHeader.left.text == "Health && Care Partnership"


def test_every_example_gives_a_report_matching_its_analysis(tmp_path: Path) -> None:
    for name, example in example_plans().items():
        analysis = analyse(example)
        path = export_gap_report(example, analysis, tmp_path / f"{name}.xlsx", as_of=AS_OF)
        wb = load_workbook(path, read_only=True)
        findings = list(wb["Findings"].iter_rows(values_only=True))
        assert len(findings) - 1 == len(analysis.findings), name
        opened = sum(1 for r in findings[1:] if r[10] == "No")
        assert opened == sum(v for k, v in analysis.summary.items() if k != "accepted"), name
        wb.close()


def test_report_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"previous report")
    export_gap_report(partnership(), analyse(partnership()), target, as_of=AS_OF)
    assert zipfile.is_zipfile(target)
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]


def test_progress_is_reported_up_to_the_total(tmp_path: Path) -> None:
    plan = partnership()
    seen: list[tuple[int, int]] = []
    analysis = analyse(plan)
    export_gap_report(
        plan, analysis, tmp_path / "r.xlsx", progress=lambda d, t: seen.append((d, t))
    )
    total = len(analysis.findings) + len(plan.committees) + len(plan.roles) + len(plan.people)
    assert seen
    assert seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancel_writes_nothing_and_keeps_the_old_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where openpyxl streams sheets
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"previous report")
    plan = partnership()
    result = export_gap_report(plan, analyse(plan), target, cancel=lambda: True)
    assert result is None
    assert target.read_bytes() == b"previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx", "scratch"]
    assert list(scratch.iterdir()) == []


def test_summary_charts_the_coverage_gaps_of_each_tier(tmp_path: Path) -> None:
    wb, analysis, path = _export(partnership(), tmp_path)
    rows = _rows(wb, "Summary")
    start = _find(wb, "Summary", "Coverage gaps by tier") + 2  # section, note, header
    assert rows[start - 1][:6] == (
        "Tier", "Analytical insight", "Representation", "Translation & communication",
        "Relational work", "Total",
    )  # fmt: skip
    for offset, tier in enumerate(analysis.coverage):
        gaps = tuple(cell.gap for cell in tier.functions.values())
        assert rows[start + offset][:6] == (tier.tier, *gaps, sum(gaps))
    with zipfile.ZipFile(path) as archive:
        chart = archive.read("xl/charts/chart1.xml").decode("utf-8")
    first, last = start + 1, start + len(analysis.coverage)
    assert f"'Summary'!$B${first}:$B${last}" in chart
    assert "Coverage gaps by tier" in chart
