"""``govplanner diff`` and ``check --as-of`` as a user types them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from govplanner.cli.main import main
from govplanner.domain.model import Plan, Role
from govplanner.files.planfile import load_plan, save_plan

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BEFORE = EXAMPLES / "partnership-a.govplan"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def proposed(tmp_path: Path) -> Path:
    """Partnership A restructured: a project group closed, the obstetrics lead appointed."""
    plan: Plan = load_plan(BEFORE)
    plan.name = "Partnership A (proposed)"
    plan.committees = [c for c in plan.committees if c.name != "Same Day Access Project"]
    kept = {c.id for c in plan.committees}
    for role in plan.roles:
        role.committee_ids = [c for c in role.committee_ids if c in kept]
        if role.title == "Obstetrics Lead":
            role.holder_id = next(p.id for p in plan.people if p.name == "Dr Aisha Begum")
    maternity = next(c for c in plan.committees if c.name == "Maternity Transformation Group")
    plan.roles.append(Role(title="Family Liaison Lead", committee_ids=[maternity.id]))
    path = tmp_path / "proposed.govplan"
    save_plan(plan, path)
    return path


def test_diff_text_puts_coverage_first(tmp_path, capsys):
    code, out, err = run(
        ["diff", str(BEFORE), str(proposed(tmp_path)), "--as-of", "2026-01-01"], capsys
    )
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:3] == [
        "Before: Partnership A",
        "After:  Partnership A (proposed)",
        "As of:  1 January 2026",
    ]
    glance = lines.index("At a glance")
    coverage = next(i for i, line in enumerate(lines) if line.startswith("Coverage changes"))
    assert glance < coverage < lines.index("Committees (1)") < lines.index("Roles (3)")
    assert "  Coverage: 2 cells gained, 0 lost, 10 unchanged." in lines
    assert "  - Same Day Access Project (Project): removed" in lines
    assert "      Holder: vacant → Dr Aisha Begum" in lines
    assert any(line.startswith("Findings closed") for line in lines)


def test_diff_json_shape(tmp_path, capsys):
    code, out, _ = run(["diff", str(BEFORE), str(proposed(tmp_path)), "--format", "json"], capsys)
    assert code == 0
    doc = json.loads(out)
    assert set(doc) == {
        "before", "after", "as_of", "at_a_glance", "coverage", "committees", "roles", "people",
        "findings_opened", "findings_closed",
    }  # fmt: skip
    assert doc["at_a_glance"]["committees"] == {"added": 0, "removed": 1, "changed": 0}
    assert doc["at_a_glance"]["coverage"]["gain"] == 2
    assert set(doc["coverage"][0]) == {"tier", "function", "before", "after", "change"}
    assert doc["coverage"][0]["before"] == {"required": 1, "covered": 1}
    changed = next(r for r in doc["roles"] if r["name"] == "Obstetrics Lead")
    assert changed["fields"] == [{"field": "Holder", "before": "vacant", "after": "Dr Aisha Begum"}]
    assert {f["code"] for f in doc["findings_closed"]} >= {"GAP002"}
    assert set(doc["findings_closed"][0]) >= {"code", "severity", "subject", "message", "remedy"}


def test_diff_writes_a_workbook_and_says_so(tmp_path, capsys):
    target = tmp_path / "comparison.xlsx"
    code, out, err = run(
        ["diff", str(BEFORE), str(proposed(tmp_path)), "--format", "json", "-o", str(target)],
        capsys,
    )
    assert code == 0
    json.loads(out)  # the JSON stays clean
    assert "Wrote the comparison" in err
    assert load_workbook(target).sheetnames[0] == "Summary"


def test_diff_of_a_plan_with_itself_says_nothing_changed(capsys):
    code, out, _ = run(["diff", str(BEFORE), str(BEFORE)], capsys)
    assert code == 0
    assert "The two plans have the same structure, coverage and findings." in out


def test_diff_with_a_missing_plan_is_exit_2(tmp_path, capsys):
    code, out, err = run(["diff", str(BEFORE), str(tmp_path / "nope.govplan")], capsys)
    assert (code, out) == (2, "")
    assert "nope.govplan" in err


def test_check_as_of_makes_term_findings_reproducible(tmp_path, capsys):
    # Partnership A's Medical Director serves until 31 December 2026.
    code, out, _ = run(["check", str(BEFORE), "--format", "json", "--as-of", "2026-11-01"], capsys)
    soon = [f for f in json.loads(out)["findings"] if f["code"].startswith("TRM")]
    assert [(f["code"], f["subject"]) for f in soon] == [("TRM001", "Medical Director")]
    assert "31 December 2026" in soon[0]["message"]
    code, out, _ = run(["check", str(BEFORE), "--format", "json", "--as-of", "2027-01-05"], capsys)
    terms = {f["subject"]: f["code"] for f in json.loads(out)["findings"] if f["code"][:3] == "TRM"}
    # ... and the STP Director's term (to 31 March 2027) is now within the 90-day window.
    assert terms == {"Medical Director": "TRM002", "STP Director (GP)": "TRM001"}
    assert code == 1  # TRM002 is critical


def test_check_as_of_rejects_a_bad_date(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["check", str(BEFORE), "--as-of", "31/12/2026"])
    assert caught.value.code == 2
    assert "not a date like" in capsys.readouterr().err


def test_check_text_uses_the_plan_words(tmp_path, capsys):
    plan = load_plan(BEFORE)
    plan.vocabulary.tier = "level"
    plan.vocabulary.committees = "forums"
    path = tmp_path / "words.govplan"
    save_plan(plan, path)
    _code, out, _ = run(["check", str(path)], capsys)
    assert "Coverage (forums with a filled provider / forums that need the function):" in out
    assert any(line.startswith("Level ") for line in out.splitlines())


def test_check_text_lists_term_ends_as_of_the_date(capsys):
    _code, out, _ = run(["check", str(BEFORE), "--as-of", "2027-01-01"], capsys)
    lines = out.splitlines()
    assert lines[1] == "As of: 1 January 2027"
    start = lines.index("Term ends in the next 12 months (2)")
    assert lines[start + 1 : start + 3] == [
        "  31 December 2026  Medical Director (Dr Samuel Okafor): ENDED, 1 day ago",
        "  31 March 2027  STP Director (GP) (Dr Helen Marsh): ending soon, in 89 days",
    ]
