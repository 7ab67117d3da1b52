"""The comparison workbook: four tidy sheets, RAG colour always with words, text never a formula."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from govplanner.analysis.compare import compare_plans
from govplanner.domain.model import Plan
from govplanner.domain.vocabulary import Vocabulary, words
from govplanner.export.compare_report import SHEETS, export_comparison
from tests.builders import PlanBuilder

AS_OF = dt.date(2026, 1, 1)


def plans() -> tuple[Plan, Plan]:
    def build(holder: str | None) -> Plan:
        return (
            PlanBuilder()
            .committee("ICB Board", tier="system")
            .committee('=HYPERLINK("x")', tier="programme", reports_to="ICB Board")
            .role(
                "Medical Director",
                on=["ICB Board"],
                functions=["analytical", "representation", "translation", "relational"],
                holder="Dr A",
            )
            .role("MH Lead", on=['=HYPERLINK("x")'], functions=["analytical"], holder=holder)
            .build()
        )

    return build(None), build("Dr B")


def write(tmp_path: Path, w: Vocabulary | None = None):
    before, after = plans()
    target = tmp_path / "comparison.xlsx"
    comparison = compare_plans(before, after, as_of=AS_OF)
    export_comparison(comparison, target, words(w))
    return load_workbook(target), comparison


def test_the_workbook_has_the_four_sheets_tidy_for_a_board(tmp_path):
    book, _ = write(tmp_path)
    assert book.sheetnames == list(SHEETS)
    for ws in book.worksheets:
        assert ws.freeze_panes is not None
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.paperSize == 9
        assert ws.page_setup.fitToWidth == 1
        assert ws.sheet_properties.pageSetUpPr.fitToPage
    for ws in book.worksheets[1:]:  # long tables repeat their header row on every page
        assert ws.print_title_rows == "$1:$1"
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref


def test_coverage_sheet_pairs_every_colour_with_words(tmp_path):
    book, comparison = write(tmp_path)
    ws = book["Coverage"]
    assert [c.value for c in ws[1]] == [
        "Tier", "Function", "Before", "After", "Change", "Committees that lost cover",
    ]  # fmt: skip
    rows = list(ws.iter_rows(min_row=2, values_only=False))
    assert len(rows) == len(comparison.coverage)
    gain = next(r for r in rows if r[4].value == "Gain")
    assert (gain[0].value, gain[1].value) == ("Programme", "Analytical insight")
    assert gain[2].value == "0/1 not covered"
    assert gain[2].fill.start_color.rgb.endswith("FFC7CE")
    assert gain[3].value == "1/1 covered"
    assert gain[3].fill.start_color.rgb.endswith("C6EFCE")
    assert gain[4].fill.start_color.rgb.endswith("C6EFCE")


def test_structure_and_findings_sheets(tmp_path):
    book, comparison = write(tmp_path)
    structure = [[c.value for c in row] for row in book["Structure changes"].iter_rows(min_row=2)]
    assert structure[0][:3] == ["Role", "Changed", "MH Lead"]
    assert structure[0][5:] == ["Holder", "vacant", "Dr B"]
    assert structure[1][:3] == ["Person", "Added", "Dr B"]
    findings = [
        [c.value for c in row] for row in book["Findings opened and closed"].iter_rows(min_row=2)
    ]
    assert {(r[0], r[2]) for r in findings} == {("Closed", f.code) for f in comparison.closed}


def test_user_text_is_never_a_formula(tmp_path):
    book, _ = write(tmp_path)
    texts = [
        cell
        for ws in book.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=")
    ]
    assert texts
    assert all(cell.data_type == "s" for cell in texts)


def test_the_plan_words_head_the_columns(tmp_path):
    book, _ = write(tmp_path, Vocabulary(tier="level", tiers="levels", role="post", roles="posts"))
    assert book["Coverage"]["A1"].value == "Level"
    assert book["Structure changes"]["A2"].value == "Post"
    summary = [row[0].value for row in book["Summary"].iter_rows(min_row=6)]
    assert "Posts changed" in summary


def test_summary_shows_findings_coverage_changes_and_counts(tmp_path):
    book, comparison = write(tmp_path)
    ws = book["Summary"]
    rows = {row[0].value: [c.value for c in row[1:4]] for row in ws.iter_rows(min_row=6)}
    assert rows["Open findings"] == ["Before", "After", "Change"]
    assert rows["Programme: Analytical insight"] == ["0/1 not covered", "1/1 covered", "Gain"]
    assert rows["Findings closed"] == [None, len(comparison.closed), "Gain"]
    assert rows["Roles changed"][1] == 1
    assert ws["A4"].value == "Findings judged as of 1 January 2026"


def test_a_merge_is_one_row_and_settings_and_organisations_are_listed(tmp_path):
    from govplanner.domain.enums import OrganisationType
    from govplanner.domain.model import Organisation
    from tests.analysis.test_compare_v2 import cluster

    before, after = cluster(joint=False), cluster(joint=True)
    after.cost_per_session = 11000
    after.organisations.append(Organisation(name="Northshire Council",
                                            type=OrganisationType.LOCAL_AUTHORITY))  # fmt: skip
    target = tmp_path / "merge.xlsx"
    export_comparison(compare_plans(before, after, as_of=AS_OF), target, words())
    book = load_workbook(target)
    rows = [[c.value for c in row] for row in book["Structure changes"].iter_rows(min_row=2)]
    merged = [r for r in rows if r[1] == "Merged"]
    assert merged == [[
        "Committee", "Merged", "Joint Quality Committee",
        "North Quality Committee; South Quality Committee", "Programme", "Merged into",
        "North Quality Committee; South Quality Committee",
        "North Quality Committee and South Quality Committee merged into Joint Quality "
        "Committee (a new committee)",
    ]]  # fmt: skip
    assert not [r for r in rows if r[0] == "Committee" and r[1] in ("Added", "Removed")]
    assert ["Organisation", "Added", "Northshire Council"] in [r[:3] for r in rows]
    assert ["Plan setting", "Changed", "Cost of a weekly session"] in [r[:3] for r in rows]
    summary = {row[0].value: row[2].value for row in book["Summary"].iter_rows(min_row=6)}
    assert summary["Committees merged into others"] == 2
    assert summary["Organisations added"] == 1
    assert summary["Plan settings changed"] == 2
    coverage = [[c.value for c in row] for row in book["Coverage"].iter_rows(min_row=2)]
    assert {r[4] for r in coverage} == {"Same"}  # no false loss from the merge


def test_the_summary_says_where_each_plan_came_from_when_known(tmp_path):
    from dataclasses import replace

    before, after = plans()
    comparison = replace(
        compare_plans(before, after, as_of=AS_OF),
        before_source="the file as-is.govplan in /plans, as saved at 14:02 on 2 December 2026",
        after_source="this window's plan as it is now (with unsaved changes)",
    )
    target = tmp_path / "sources.xlsx"
    export_comparison(comparison, target, words())
    ws = load_workbook(target)["Summary"]
    assert ws["A2"].value == (
        "Before: Test plan — the file as-is.govplan in /plans, as saved at 14:02 on 2 December 2026"
    )
    assert ws["A3"].value == (
        "After: Test plan — this window's plan as it is now (with unsaved changes)"
    )
    plain = tmp_path / "plain.xlsx"
    export_comparison(compare_plans(before, after, as_of=AS_OF), plain, words())
    assert load_workbook(plain)["Summary"]["A2"].value == "Before: Test plan"
