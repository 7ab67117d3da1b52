"""The gap report for real structures: kinds, bodies, groups, acceptances and root causes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from govplanner.analysis import analyse
from govplanner.analysis.result import Analysis, CoverageCell, RootCause, TierCoverage
from govplanner.domain.enums import FUNCTIONS, Function, SubjectKind
from govplanner.domain.model import AcceptedFinding, Plan
from govplanner.export.gap_report import export_gap_report
from govplanner.export.xlsx_style import rag_status
from tests.builders import committee_id
from tests.export.plans import cluster

AS_OF = dt.date(2026, 3, 31)


def _export(plan: Plan, tmp_path: Path, analysis: Analysis | None = None) -> Workbook:
    result = analysis or analyse(plan, as_of=AS_OF)
    path = export_gap_report(plan, result, tmp_path / "report.xlsx", as_of=AS_OF)
    assert path is not None
    return load_workbook(path)


def _rows(wb: Workbook, sheet: str) -> list[tuple[Any, ...]]:
    return list(wb[sheet].iter_rows(values_only=True))


def _table(wb: Workbook, sheet: str, first: str) -> list[tuple[Any, ...]]:
    """The rows of a sheet from its header row (whose first cell is ``first``) on."""
    rows = _rows(wb, sheet)
    start = next(i for i, r in enumerate(rows) if r and r[0] == first)
    return rows[start:]


def test_committees_show_kind_bodies_group_and_lines_with_groups_together(
    tmp_path: Path,
) -> None:
    plan = cluster()
    wb = _export(plan, tmp_path)
    rows = _rows(wb, "Committees")
    assert rows[0][:4] == ("Committee", "Kind", "Organisations", "In common group")
    names = [r[0] for r in rows[1:]]
    # The two quality committees meet in common: listed side by side.
    north = names.index("North Quality Committee")
    assert names[north + 1] == "South Quality Committee"
    by_name = {r[0]: r for r in rows[1:]}
    audit = by_name["North Audit Committee"]
    assert audit[1:4] == ("Assurance", "NHS North ICB", None)
    assert audit[6] == "North ICB Board"  # accountable to
    assert audit[11] == "2 members"  # quorum
    assert audit[16] is None  # an assurance committee needs no function
    icp = by_name["Integrated Care Partnership"]
    assert icp[2] == "NHS North ICB; Riverside Council"
    assert icp[6] == "North ICB Board; South ICB Board"
    assert by_name["Riverside Place Partnership"][7] == "Integrated Care Partnership"  # advises
    assert by_name["North Quality Committee"][3] == "Quality committees in common"
    assert by_name["North Quality Committee"][11] == (
        "3 members, including a clinical or care professional"
    )


def test_organisations_sheet_lists_bodies_committees_and_posts(tmp_path: Path) -> None:
    wb = _export(cluster(), tmp_path)
    rows = {r[0]: r for r in _table(wb, "Organisations", "Organisation")[1:]}
    north = rows["NHS North ICB"]
    assert north[1] == "Integrated care board"
    assert "Integrated Care Partnership (joint)" in north[2]
    assert "Chief Medical Officer (joint post)" in north[3]
    assert rows["Riverside Council"][1] == "Local authority"
    summary = {r[0]: r[1] for r in _rows(wb, "Summary") if r and r[0]}
    assert summary["Organisations"] == 3
    assert summary["  assurance"] == 1
    assert summary["  joint (of several organisations)"] == 1
    assert summary["  meeting in common"] == 2


def test_summary_shows_each_committees_in_common_group_together(tmp_path: Path) -> None:
    wb = _export(cluster(), tmp_path)
    group = _table(wb, "Summary", "Group")
    assert group[1][:2] == (
        "Quality committees in common",
        "North Quality Committee and South Quality Committee",
    )


def _hand_analysis(plan: Plan) -> Analysis:
    """A real analysis with coverage, root causes and stale acceptances set by hand, so the
    rendering is tested whatever the analysis computes today."""
    base = analyse(plan, as_of=AS_OF)
    tier = plan.tiers[0]
    cells = {
        Function.ANALYTICAL: CoverageCell(3, 1, accepted=1),  # 1 open gap
        Function.REPRESENTATION: CoverageCell(2, 1, accepted=1),  # the rest accepted
        Function.TRANSLATION: CoverageCell(1, 1),
        Function.RELATIONAL: CoverageCell(0, 0),
    }
    first = base.findings[0]
    cause = RootCause(
        SubjectKind.ROLE, "rol_x", "Integrated Care Area Lead",
        tuple(f.key for f in base.findings[:3]),
        "Filling Integrated Care Area Lead would close 2 gaps and 1 single point of failure",
    )  # fmt: skip
    return dataclasses.replace(
        base,
        coverage=(TierCoverage(tier.id, tier.name, cells),),
        root_causes=(cause,),
        stale_acceptances=("GAP001|committee|com_gone|analytical|",),
        findings=(dataclasses.replace(first, accepted=True, rationale="Covered regionally"),
                  *base.findings[1:]),
    )  # fmt: skip


def test_accepted_coverage_is_shown_apart_never_as_covered(tmp_path: Path) -> None:
    assert rag_status(CoverageCell(3, 1, accepted=1)) == (
        "amber", "1/3 partly covered, 1 accepted",
    )  # fmt: skip
    assert rag_status(CoverageCell(2, 1, accepted=1)) == ("accepted", "1/2 covered, 1 accepted")
    assert rag_status(CoverageCell(1, 0, accepted=1)) == ("accepted", "0/1 covered, 1 accepted")
    plan = cluster()
    wb = _export(plan, tmp_path, _hand_analysis(plan))
    ws = wb["Summary"]
    header = next(
        r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == "Analytical insight"
    )
    texts = [ws.cell(header + 1, c).value for c in range(3, 7)]
    assert texts == [
        "1/3 partly covered, 1 accepted", "1/2 covered, 1 accepted", "1/1 covered",
        "Not required",
    ]  # fmt: skip
    assert ws.cell(header + 1, 4).fill.fgColor.rgb.endswith("DDEBF7")  # not green
    gaps = _table(wb, "Summary", "Coverage gaps by tier")
    assert gaps[3][:6] == (plan.tiers[0].name, 1, 0, 0, 0, 1)  # open gaps only
    assert "(2 accepted gaps)" in gaps[1][0]


def test_accepted_findings_say_who_when_and_review_and_list_stale_ones(tmp_path: Path) -> None:
    plan = cluster()
    key = analyse(plan, as_of=AS_OF).findings[0].key
    plan.accepted = [
        AcceptedFinding(key=key, rationale="Covered regionally", accepted_by="Board secretary",
                        accepted_on=dt.date(2026, 1, 5), review_on=dt.date(2026, 3, 1)),
        AcceptedFinding(key="GAP001|committee|com_gone|analytical|", rationale="Old",
                        accepted_on=dt.date(2025, 6, 1)),
    ]  # fmt: skip
    analysis = dataclasses.replace(
        analyse(plan, as_of=AS_OF), stale_acceptances=("GAP001|committee|com_gone|analytical|",)
    )
    wb = _export(plan, tmp_path, analysis)
    findings = _rows(wb, "Findings")
    accepted = next(r for r in findings[1:] if r[10] == "Yes")
    assert accepted[11:15] == (
        "Covered regionally", "Board secretary", dt.datetime(2026, 1, 5), dt.datetime(2026, 3, 1),
    )  # fmt: skip
    sheet = _table(wb, "Accepted findings", "Status")
    assert [r[0] for r in sheet[1:]] == ["Still arises", "No longer arises"]
    assert sheet[1][7:11] == (
        "Board secretary", dt.datetime(2026, 1, 5), dt.datetime(2026, 3, 1), "Overdue by 30 days",
    )  # fmt: skip
    assert sheet[2][1:4] == ("GAP001", "Committee", "(no longer in the plan)")
    notes = [r[0] for r in _rows(wb, "Summary") if r and isinstance(r[0], str)]
    assert any(n.startswith("1 acceptance no longer matches any finding (stale)") for n in notes)


def test_root_causes_are_a_sheet_and_a_summary_section(tmp_path: Path) -> None:
    plan = cluster()
    analysis = _hand_analysis(plan)
    wb = _export(plan, tmp_path, analysis)
    sheet = _table(wb, "Root causes", "Vacant role or person")
    assert sheet[1][:3] == (
        "Integrated Care Area Lead",
        "Filling Integrated Care Area Lead would close 2 gaps and 1 single point of failure",
        3,
    )
    summary = [r[0] for r in _rows(wb, "Summary") if r and isinstance(r[0], str)]
    assert "1 root cause behind 3 open findings:" in summary
    assert (
        "• Filling Integrated Care Area Lead would close 2 gaps and 1 single point of failure"
        in summary
    )
    findings = _rows(wb, "Findings")[1:]
    assert [r[9] for r in findings[:4]] == [*["Integrated Care Area Lead"] * 3, None]


def test_the_chart_has_alt_text_and_the_workbook_says_who_made_it(tmp_path: Path) -> None:
    plan = cluster()
    analyse(plan, as_of=AS_OF)
    path = export_gap_report(plan, analyse(plan, as_of=AS_OF), tmp_path / "r.xlsx", as_of=AS_OF)
    assert path is not None
    with zipfile.ZipFile(path) as archive:
        drawing = archive.read("xl/drawings/drawing1.xml").decode("utf-8")
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "<graphicFrame>" in drawing  # the chart is really placed
    assert 'descr="Stacked column chart of open coverage gaps by tier' in drawing
    assert re.search(r"<dc:creator[^>]*>govplanner</dc:creator>", core)


def test_the_summary_breaks_between_sections_and_is_never_shrunk(tmp_path: Path) -> None:
    wb = _export(cluster(), tmp_path)
    ws = wb["Summary"]
    assert ws.page_setup.fitToHeight == 0
    last = max(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value is not None)
    breaks = [b.id for b in ws.row_breaks.brk]
    assert [b for b in breaks if b < last]  # this summary is longer than a page
    for row in (
        b for b in breaks if b < last
    ):  # (a break after the last row keeps the chart whole)
        nxt = ws.cell(row + 1, 1)
        assert nxt.style == "gp section", (row, nxt.value)  # a page starts with a section
    widest = max(len(str(c.value)) for r in ws.iter_rows() for c in r[:1]
                 if c.value and c.style == "gp note")  # fmt: skip
    assert widest <= 150


def test_assurance_committees_are_left_out_of_coverage(tmp_path: Path) -> None:
    plan = cluster()
    analysis = analyse(plan, as_of=AS_OF)
    audit = committee_id("North Audit Committee")
    for tier in analysis.coverage:
        for cell in tier.functions.values():
            assert audit not in cell.required_ids
    assert all(f.subject_id != audit or not f.code.startswith("GAP") for f in analysis.findings)
    wb = _export(plan, tmp_path, analysis)
    note = next(r[0] for r in _rows(wb, "Summary") if r and str(r[0]).startswith("Per tier"))
    assert "Assurance" in note or "assurance" in note
    assert FUNCTIONS


def test_programme_areas_the_analysis_could_not_judge_are_said_aloud(tmp_path: Path) -> None:
    plan = cluster()
    place = committee_id("Riverside Place Partnership")
    for n, expected in ((1, "1 committee has"), (2, "2 committees have")):
        pairs = ((place, "Maternty"), (committee_id("North ICB Board"), "Cancr"))[:n]
        analysis = dataclasses.replace(analyse(plan, as_of=AS_OF), unjudged_areas=pairs)
        wb = _export(plan, tmp_path, analysis)
        text = " ".join(str(r[0]) for r in _rows(wb, "Summary") if r and r[0])
        assert f"Not judged for professions (PRO001): {expected} a programme area" in text
        assert "Riverside Place Partnership (Maternty)" in text
