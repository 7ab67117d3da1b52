"""The ``check`` report (cli/report.py) on v2 plans: root causes, accepted coverage, areas it
could not judge and stale acceptances, in the text and in the public JSON document."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from govplanner.analysis.engine import analyse
from govplanner.analysis.result import CoverageCell, finding_key
from govplanner.cli.main import main
from govplanner.cli.report import cell_text, check_json, check_text
from govplanner.domain.enums import Function, SubjectKind
from govplanner.domain.model import Plan
from govplanner.files.planfile import save_plan
from tests.builders import PlanBuilder, committee_id, role_id, tier_id

ALL = ["analytical", "representation", "translation", "relational"]
ICA = "Integrated Care Area Lead"
AS_OF = dt.date(2026, 6, 1)


def issue_13() -> PlanBuilder:
    """One vacant area lead behind four gaps and three single points of failure."""
    return (
        PlanBuilder()
        .committee("ICB Board", tier="system")
        .committee("North Place Board", tier="place", reports_to="ICB Board")
        .committee("South Place Board", tier="place", reports_to="ICB Board", programme="Maternty")
        .role("Medical Director", on=["ICB Board"], functions=ALL, holder="Dr A")
        .role(ICA, on=["North Place Board"], functions=ALL)
        .role(
            "GP Lead",
            on=["South Place Board"],
            functions=["analytical", "representation", "translation"],
            holder="Dr G",
        )
        .role("Relational Lead", on=["South Place Board"], functions=["relational"], holder="R")
    )


GONE = finding_key("CLN001", SubjectKind.COMMITTEE, committee_id("ICB Board"))
NORTH_L = finding_key(
    "GAP002",
    SubjectKind.COMMITTEE,
    committee_id("North Place Board"),
    Function.RELATIONAL,
    "stg_strategy_setting",
)


def plan() -> Plan:
    return issue_13().accept(GONE, "Lay members only").accept(NORTH_L, "Interim cover").build()


def test_text_groups_findings_under_their_root_cause() -> None:
    out = check_text(plan(), analyse(plan(), as_of=AS_OF)).splitlines()
    assert out[2] == "Open findings: 3 critical, 3 warnings, 0 for information; 1 accepted."
    assert out[3] == "6 open findings from 1 root cause."
    start = out.index("Root causes (1): 1 vacancy behind several findings each")
    assert out[start + 1] == (
        "  Filling Integrated Care Area Lead would close 3 gaps and 3 single points of failure:"
    )
    grouped = [line for line in out[start + 2 : start + 14] if line.startswith("    GAP")]
    assert [line.split()[0] for line in grouped] == ["GAP002"] * 3 + ["GAP003"] * 3
    # the accepted gap is not grouped: it is listed with the other findings, marked
    rest = out[out.index("Other findings") :]
    assert any(line.startswith("  GAP002 [accepted]") for line in rest)
    assert not any(line.startswith("  GAP003") for line in rest)


def test_text_shows_accepted_coverage_apart() -> None:
    out = check_text(plan(), analyse(plan(), as_of=AS_OF)).splitlines()
    place = next(line for line in out if line.startswith("Place "))
    assert place.split("  ")[-1].strip() == "1/2 accepted"
    assert "(Accepted gaps are counted apart, neither covered nor open" in "\n".join(out)


@pytest.mark.parametrize(
    ("required", "covered", "accepted", "text"),
    [
        (0, 0, 0, "n/a"),
        (2, 2, 0, "2/2 ok"),
        (2, 1, 0, "1/2 part"),
        (2, 0, 0, "0/2 GAP"),
        (2, 1, 1, "1/2 accepted"),
        (1, 0, 1, "0/1 accepted"),
        (3, 0, 1, "0/3 GAP (1 accepted)"),
        (3, 1, 1, "1/3 part (1 accepted)"),
    ],
)
def test_cell_text(required: int, covered: int, accepted: int, text: str) -> None:
    assert cell_text(CoverageCell(required, covered, accepted=accepted)) == text


def test_text_lists_what_it_could_not_judge_and_stale_acceptances() -> None:
    out = check_text(plan(), analyse(plan(), as_of=AS_OF)).splitlines()
    i = out.index(
        "Could not judge (1): 1 programme area is not in the plan's programme table, so PRO001 "
        "could not check who delivers it. Add it to the table or correct the spelling."
    )
    assert out[i + 1] == "  South Place Board: 'Maternty'"
    i = out.index(
        "Stale acceptances (1): 1 accepted finding no longer arises; it is kept in the plan "
        "until you review or remove it."
    )
    assert out[i + 1] == "  CLN001 on ICB Board: accepted because Lay members only"


def test_text_says_once_when_two_vacancies_close_the_same_findings() -> None:
    p = (
        PlanBuilder()
        .committee("Board", tier="system")
        .role("Lead A", on=["Board"], functions=ALL)
        .role("Lead B", on=["Board"], functions=ALL)
        .build()
    )
    result = analyse(p)
    out = check_text(p, result)
    assert "Filling Lead B would close 4 gaps: the same findings as filling Lead A." in out
    assert out.count("Both roles on Board that provide analytical insight") == 1
    assert result.problem_count == 1


def test_json_gives_root_causes_closed_by_and_the_new_summary() -> None:
    doc = check_json(plan(), analyse(plan(), as_of=AS_OF))
    assert doc["summary"] == {
        "critical": 3,
        "warning": 3,
        "info": 0,
        "accepted": 1,
        "root_causes": 1,
    }
    [cause] = doc["root_causes"]
    assert cause["role_id"] == role_id(ICA)
    assert cause["role"] == ICA
    assert cause["summary"].startswith("Filling Integrated Care Area Lead would close 3 gaps")
    assert len(cause["findings"]) == 6
    by_key = {f["key"]: f for f in doc["findings"]}
    assert set(cause["findings"]) <= set(by_key)
    assert by_key[NORTH_L]["closed_by"] == [role_id(ICA)]  # accepted, and still closed by it
    assert by_key[NORTH_L]["accepted"] is True
    gap003 = finding_key("GAP003", SubjectKind.TIER, tier_id("Place"), Function.ANALYTICAL)
    assert by_key[gap003]["closed_by"] == [role_id(ICA)]
    assert all(f["closed_by"] == [] for f in doc["findings"] if f["code"] == "STR005")


def test_json_coverage_cells_carry_accepted() -> None:
    doc = check_json(plan(), analyse(plan(), as_of=AS_OF))
    place = next(row for row in doc["coverage"] if row["tier"] == "Place")
    assert place["functions"]["relational"] == {"required": 2, "covered": 1, "accepted": 1}
    strategy = next(
        row
        for row in doc["coverage_by_stage"]
        if row["tier"] == "Place" and row["stage"] == "Strategy setting"
    )
    assert strategy["functions"]["relational"]["accepted"] == 1


def test_json_lists_stale_acceptances_and_unjudged_areas() -> None:
    doc = check_json(plan(), analyse(plan(), as_of=AS_OF))
    assert doc["stale_acceptances"] == [
        {
            "key": GONE,
            "code": "CLN001",
            "subject_kind": "committee",
            "subject": "ICB Board",
            "function": None,
            "stage": None,
            "rationale": "Lay members only",
        }
    ]
    assert doc["unjudged_areas"] == [
        {
            "committee_id": committee_id("South Place Board"),
            "committee": "South Place Board",
            "area": "Maternty",
        }
    ]


def test_json_through_the_command_line(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "p.govplan"
    save_plan(plan(), path)
    main(["check", str(path), "--format", "json", "--as-of", "2026-06-01", "--fail-on", "never"])
    doc = json.loads(capsys.readouterr().out)
    assert doc["summary"]["root_causes"] == 1
    assert [c["role"] for c in doc["root_causes"]] == [ICA]
