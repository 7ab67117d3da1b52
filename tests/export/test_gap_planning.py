"""The gap report's planning sheets: CCPL principles, term ends, and the plan's own words."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from govplanner.analysis import analyse
from govplanner.analysis.principles import RAG_LABELS, SOURCE, assess_principles
from govplanner.analysis.rules.terms import upcoming_term_ends
from govplanner.domain.model import Plan, Role
from govplanner.domain.vocabulary import Vocabulary, words
from govplanner.export.gap_planning import evidence_text
from govplanner.export.gap_report import export_gap_report
from govplanner.export.report_words import sheet_titles
from govplanner.export.xlsx_style import RAG
from tests.builders import role_id
from tests.export.plans import example_plans, partnership

AS_OF = dt.date(2026, 3, 31)


def _export(
    plan: Plan, tmp_path: Path, *, as_of: dt.date | None = AS_OF, analysed: dt.date = AS_OF
) -> Workbook:
    analysis = analyse(plan, as_of=analysed)
    path = export_gap_report(plan, analysis, tmp_path / "report.xlsx", as_of=as_of)
    assert path is not None
    return load_workbook(path)


def _rows(wb: Workbook, sheet: str) -> list[tuple[Any, ...]]:
    return list(wb[sheet].iter_rows(values_only=True))


def _header_row(wb: Workbook, sheet: str, first: str) -> int:
    """1-based number of the header row: the first row in header style starting with ``first``."""
    for row in wb[sheet].iter_rows():
        if row[0].value == first and row[0].style == "gp header":
            return int(row[0].row)
    raise AssertionError(f"no header {first!r} on {sheet}")


def _role(plan: Plan, title: str, n: int = 1) -> Role:
    role = plan.role(role_id(title, n))
    assert role is not None
    return role


def _termed_plan() -> Plan:
    """The partnership with a term that has ended, one ending soon, one later, one far off."""
    plan = partnership()
    _role(plan, "Medical Director").term_end = AS_OF - dt.timedelta(days=10)  # ended, still filled
    _role(plan, "Clinical Lead").term_end = AS_OF + dt.timedelta(days=30)  # in the 90-day window
    _role(plan, "Clinical Lead", 2).term_end = AS_OF + dt.timedelta(days=5)  # vacant: not listed
    return plan


# -- Principles --------------------------------------------------------------------------------


def test_principles_sheet_has_one_row_per_principle_with_rag_text_and_fill(tmp_path: Path) -> None:
    plan = partnership()
    wb = _export(plan, tmp_path)
    results = assess_principles(plan, analyse(plan, as_of=AS_OF))
    ws = wb["Principles"]
    header = _header_row(wb, "Principles", "Principle")
    assert [c.value for c in ws[header]] == [
        "Principle", "What it asks", "Self-assessment", "What the plan shows",
        "What this check cannot show",
    ]  # fmt: skip
    body = [ws[header + 1 + i] for i in range(len(results))]
    assert ws.cell(header + 1 + len(results), 1).value is None  # nothing more in the table
    for number, (row, result) in enumerate(zip(body, results, strict=True), start=1):
        assert row[0].value == f"{number}. {result.title}"
        assert row[1].value == result.summary
        assert row[2].value == result.rag_label == RAG_LABELS[result.rag]
        assert row[2].fill.fgColor.rgb.endswith(RAG[result.rag][0])
        assert row[3].value == evidence_text(result.evidence)
        assert row[3].alignment.wrap_text
        assert row[4].value == result.limits


def test_principles_sheet_cites_its_source_and_lists_evidence_line_by_line(tmp_path: Path) -> None:
    plan = partnership()
    wb = _export(plan, tmp_path)
    top = [r[0] for r in _rows(wb, "Principles")[:6] if r[0]]
    assert any(SOURCE in str(line) for line in top)
    results = assess_principles(plan, analyse(plan, as_of=AS_OF))
    cell = _rows(wb, "Principles")[_header_row(wb, "Principles", "Principle")][3]
    assert cell.split("\n") == [f"• {line}" for line in results[0].evidence]
    # a tall enough row for the wrapped lines
    first = _header_row(wb, "Principles", "Principle") + 1
    assert (wb["Principles"].row_dimensions[first].height or 0) >= 4 * 12


def test_summary_shows_each_principle_with_its_rag_label(tmp_path: Path) -> None:
    plan = partnership()
    wb = _export(plan, tmp_path)
    results = assess_principles(plan, analyse(plan, as_of=AS_OF))
    header = _header_row(wb, "Summary", "Principle")
    ws = wb["Summary"]
    for offset, result in enumerate(results, start=1):
        assert ws.cell(header + offset, 1).value == result.title
        rag = ws.cell(header + offset, 2)
        assert rag.value == result.rag_label
        assert rag.fill.fgColor.rgb.endswith(RAG[result.rag][0])


# -- Term ends ---------------------------------------------------------------------------------


def test_term_ends_list_the_upcoming_terms_soonest_first_with_real_dates(tmp_path: Path) -> None:
    plan = _termed_plan()
    wb = _export(plan, tmp_path)
    expected = upcoming_term_ends(plan, AS_OF)
    assert [t.status for t in expected] == ["ended", "ending"]
    header = _header_row(wb, "Term ends", "Role")
    ws = wb["Term ends"]
    assert [c.value for c in ws[header]] == [
        "Role", "Holder", "Committees", "Term ends", "Days left", "Status",
    ]  # fmt: skip
    rows = _rows(wb, "Term ends")[header:]
    assert len(rows) == len(expected)
    for row, term in zip(rows, expected, strict=True):
        assert row[:3] == (term.role, term.holder, "; ".join(term.committees))
        assert row[3] == dt.datetime.combine(term.term_end, dt.time())
        assert row[4] == term.days_left
    assert rows[0][:2] == ("Medical Director", "Dr Ada Jones")
    assert rows[0][4] == -10
    date_cell = ws.cell(header + 1, 4)
    assert date_cell.is_date
    assert date_cell.number_format in ("d mmmm yyyy", "dd/mm/yyyy")


def test_term_status_is_colour_with_words(tmp_path: Path) -> None:
    plan = _termed_plan()
    plan.roles.append(plan.roles[0].model_copy(update={"id": "later", "title": "Later Lead"}))
    plan.roles[-1].term_end = AS_OF + dt.timedelta(days=200)
    wb = _export(plan, tmp_path)
    header = _header_row(wb, "Term ends", "Role")
    ws = wb["Term ends"]
    status = {ws.cell(r, 1).value: ws.cell(r, 6) for r in range(header + 1, ws.max_row + 1)}
    assert status["Medical Director"].value == "Ended — still shown as filled"
    assert status["Medical Director"].fill.fgColor.rgb.endswith(RAG["red"][0])
    assert status["Clinical Lead"].value == "Ends within 90 days"
    assert status["Clinical Lead"].fill.fgColor.rgb.endswith(RAG["amber"][0])
    assert status["Later Lead"].value == "More than 90 days left"
    assert status["Later Lead"].fill.fgColor.rgb.endswith(RAG["green"][0])


def test_term_ends_are_an_excel_table_with_filters(tmp_path: Path) -> None:
    plan = _termed_plan()
    wb = _export(plan, tmp_path)
    header = _header_row(wb, "Term ends", "Role")
    table = wb["Term ends"].tables["TermEnds"]
    assert table.ref == f"A{header}:F{header + 2}"
    assert table.autoFilter is not None


def test_term_ends_say_the_date_and_the_warning_window(tmp_path: Path) -> None:
    plan = _termed_plan()
    plan.term_warning_days = 45
    wb = _export(plan, tmp_path)
    intro = " ".join(str(r[0]) for r in _rows(wb, "Term ends")[:6] if r[0])
    assert "As of 31 March 2026" in intro
    assert "warning window of 45 days" in intro
    assert "Ends within 45 days" in [r[5] for r in _rows(wb, "Term ends")]


def test_the_as_of_date_drives_the_term_ends(tmp_path: Path) -> None:
    plan = _termed_plan()
    later = AS_OF + dt.timedelta(days=60)
    wb = _export(plan, tmp_path, as_of=later)
    rows = _rows(wb, "Term ends")[_header_row(wb, "Term ends", "Role") :]
    assert [(r[0], r[4], r[5]) for r in rows] == [
        ("Medical Director", -70, "Ended — still shown as filled"),
        ("Clinical Lead", -30, "Ended — still shown as filled"),
    ]


def test_without_a_date_the_analysis_date_is_used(tmp_path: Path) -> None:
    plan = _termed_plan()
    analysed = AS_OF - dt.timedelta(days=20)  # before the director's term ended
    wb = _export(plan, tmp_path, as_of=None, analysed=analysed)
    assert "As of 11 March 2026" in str(_rows(wb, "Summary")[2][0])
    rows = _rows(wb, "Term ends")[_header_row(wb, "Term ends", "Role") :]
    assert [(r[0], r[4]) for r in rows] == [("Medical Director", 10), ("Clinical Lead", 50)]


def test_summary_counts_the_term_findings(tmp_path: Path) -> None:
    plan = _termed_plan()
    wb = _export(plan, tmp_path)
    counts = {r[0]: r[1] for r in _rows(wb, "Summary") if r and r[0]}
    assert counts["Ended, still shown as filled (TRM002)"] == 1
    assert counts["Ending within 90 days (TRM001)"] == 1


def test_no_terms_says_so_and_counts_roles_without_a_term_end(tmp_path: Path) -> None:
    plan = partnership()
    _role(plan, "Medical Director").term_end = None
    wb = _export(plan, tmp_path)
    intro = [str(r[0]) for r in _rows(wb, "Term ends") if r[0]]
    assert "2 filled roles have no term end recorded, so they do not appear here." in intro
    assert any(line.startswith("No filled role has a term") for line in intro)
    assert wb["Term ends"].tables == {}


# -- the plan's words --------------------------------------------------------------------------

FORUM_WORDS = Vocabulary(
    committee="forum", committees="forums", tier="level", tiers="levels", role="post", roles="posts"
)
DEFAULT_TERMS = re.compile(r"\b(committees?|tiers?|roles?)\b", re.IGNORECASE)


def test_a_plan_with_its_own_words_gets_them_in_titles_and_headers(tmp_path: Path) -> None:
    plan = _termed_plan()
    plan.vocabulary = FORUM_WORDS
    wb = _export(plan, tmp_path)
    assert wb.sheetnames[7:9] == ["Forums", "Posts"]
    assert wb["Forums"].tables["Committees"].ref.startswith("A1:")
    assert _rows(wb, "Forums")[0][:6:4] == ("Forum", "Level")
    assert _rows(wb, "Forums")[0][5] == "Framework level"
    assert _rows(wb, "Posts")[0][0] == "Post"
    assert _rows(wb, "Findings")[0][2] == "Level"
    assert _rows(wb, "People")[0][2:4] == ("Posts held", "Posts")
    assert _rows(wb, "Term ends")[_header_row(wb, "Term ends", "Post") - 1][:3] == (
        "Post", "Holder", "Forums",
    )  # fmt: skip
    assert ("Level", "Framework level") in [r[:2] for r in _rows(wb, "Summary")]
    summary = [r[0] for r in _rows(wb, "Summary")]
    assert {
        "Levels", "Forums", "Clinical and care professional posts", "Coverage gaps by level"
    } <= set(summary)  # fmt: skip
    assert "Forum" in {r[3] for r in _rows(wb, "Findings")[1:]}  # subject kind


def test_no_default_word_is_left_where_the_report_chooses_its_words(tmp_path: Path) -> None:
    plan = _termed_plan()
    plan.vocabulary = FORUM_WORDS
    for committee in plan.committees:
        committee.purpose = ""
    wb = _export(plan, tmp_path)
    left = []
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                # The principles' own paraphrase (What it asks, limits) is the analysis's text.
                if ws.title == "Principles" and cell.column in (2, 5):
                    continue
                if isinstance(cell.value, str) and DEFAULT_TERMS.search(cell.value):
                    left.append(f"{ws.title}!{cell.coordinate}: {cell.value}")
    assert left == []


@pytest.mark.parametrize(
    ("committees", "roles", "expected"),
    [
        ("forums", "posts", ("Forums", "Posts")),
        ("findings", "posts", ("Committees", "Posts")),  # would clash with a sheet
        ("a/b [x]", "roles", ("A b  x", "Roles")),  # characters a sheet title cannot hold
        ("posts", "posts", ("Posts", "Roles")),  # the same word twice
        # too long for a sheet title: cut to 31 characters
        (
            "forums of the integrated partnership",
            "roles",
            ("Forums of the integrated partne", "Roles"),
        ),
    ],
)
def test_sheet_titles_take_the_plans_words_when_they_can(
    committees: str, roles: str, expected: tuple[str, str]
) -> None:
    vocabulary = Vocabulary(committees=committees, roles=roles)
    titles = sheet_titles(words(vocabulary))
    assert (titles["Committees"], titles["Roles"]) == expected
    assert len({t.casefold() for t in titles.values()}) == len(titles)


def test_every_example_has_its_principles_and_term_ends(tmp_path: Path) -> None:
    for name, example in example_plans().items():
        analysis = analyse(example, as_of=AS_OF)
        path = export_gap_report(example, analysis, tmp_path / f"{name}.xlsx")
        assert path is not None
        wb = load_workbook(path)
        principles = _rows(wb, "Principles")[_header_row(wb, "Principles", "Principle") :]
        results = assess_principles(example, analysis)
        assert [r[2] for r in principles[: len(results)]] == [r.rag_label for r in results], name
        assert principles[len(results)][0] is None, name
        terms = _rows(wb, "Term ends")[_header_row(wb, "Term ends", words(example).cap("role")) :]
        assert [r[0] for r in terms] == [t.role for t in upcoming_term_ends(example, AS_OF)], name
