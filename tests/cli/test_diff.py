"""``govplanner diff`` and ``check --as-of`` as a user types them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from govplanner.cli.main import main
from govplanner.domain.model import Plan, Role
from govplanner.files.planfile import load_plan, save_plan

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
AS_OF = dt.date(2026, 1, 1)
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
        "findings_opened", "findings_closed", "findings_accepted", "organisations", "merged",
        "settings", "proposal",
    }  # fmt: skip
    assert doc["proposal"] is None  # a plan edited by hand is not a proposal
    assert all(x["why"] == [] for x in doc["committees"] + doc["roles"])
    assert doc["at_a_glance"]["committees"] == {"added": 0, "removed": 1, "changed": 0}
    assert doc["at_a_glance"]["organisations"] == {"added": 0, "removed": 0, "changed": 0}
    assert doc["at_a_glance"]["merged"] == {"committees": 0, "into": 0}
    assert doc["at_a_glance"]["settings"] == 0
    assert doc["at_a_glance"]["findings"]["accepted"] == 0
    assert doc["before"]["source"] == doc["after"]["source"] == ""
    assert doc["at_a_glance"]["coverage"]["gain"] == 2
    assert set(doc["coverage"][0]) == {
        "tier", "function", "before", "after", "change", "lost_cover",
    }  # fmt: skip
    assert doc["coverage"][0]["before"] == {"required": 1, "covered": 1, "accepted": 0}
    assert (doc["merged"], doc["settings"], doc["organisations"]) == ([], [], [])
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


# -- merges, v2 fields and reorders, straight from the report functions -----------------------


def _merged() -> tuple[Plan, Plan]:
    from tests.analysis.test_compare_v2 import cluster

    before, after = cluster(joint=False), cluster(joint=True)
    after.cost_per_session = 11000
    return before, after


def test_diff_text_reports_a_merge_as_one_line_not_removals_and_an_addition() -> None:
    from govplanner.analysis.compare import compare_plans
    from govplanner.cli.diff_report import diff_text
    from govplanner.domain.vocabulary import words

    before, after = _merged()
    lines = diff_text(compare_plans(before, after, as_of=AS_OF), words(after)).splitlines()
    assert "  Committees: 0 added, 0 removed, 0 changed, 2 merged into 1." in lines
    assert (
        "  » North Quality Committee and South Quality Committee merged into Joint Quality "
        "Committee (Programme; a new committee, 4 roles moved onto it)"
    ) in lines
    assert "  Coverage: 0 cells gained, 0 lost, 8 unchanged." in lines
    assert "Plan settings (2)" in lines
    assert "  Committees-in-common groups: Quality committees in common → (none)" in lines
    assert "  Cost of a weekly session: not recorded → £11,000 a year" in lines
    assert not any(line.startswith("  - ") for line in lines)  # nothing merely removed


def test_diff_json_lists_merges_and_settings() -> None:
    from govplanner.analysis.compare import compare_plans
    from govplanner.cli.diff_report import diff_json

    before, after = _merged()
    doc = json.loads(json.dumps(diff_json(compare_plans(before, after, as_of=AS_OF))))
    assert doc["merged"] == [
        {
            "from": ["North Quality Committee", "South Quality Committee"],
            "into": "Joint Quality Committee",
            "into_is_new": True,
            "where": "Programme",
            "roles_moved": 4,
            "sentence": "North Quality Committee and South Quality Committee merged into "
            "Joint Quality Committee",
        }
    ]
    assert doc["at_a_glance"]["merged"] == {"committees": 2, "into": 1}
    assert doc["at_a_glance"]["committees"] == {"added": 0, "removed": 0, "changed": 0}
    assert doc["settings"] == [
        {"field": "Cost of a weekly session", "before": "not recorded", "after": "£11,000 a year"},
        {
            "field": "Committees-in-common groups",
            "before": "Quality committees in common",
            "after": "(none)",
        },
    ]
    assert doc["at_a_glance"]["coverage"]["loss"] == 0


def test_a_lost_cover_names_the_committee_in_text_and_json() -> None:
    from govplanner.analysis.compare import compare_plans
    from govplanner.cli.diff_report import diff_json, diff_text
    from govplanner.domain.vocabulary import words

    before = load_plan(BEFORE)
    after = before.model_copy(deep=True)
    for role in after.roles:
        if role.title == "Obstetrics Lead" or role.title == "Midwifery Lead":
            role.holder_id = None
    comparison = compare_plans(before, after, as_of=AS_OF)
    lost = [x for x in diff_json(comparison)["coverage"] if x["lost_cover"]]
    assert lost
    assert all(x["change"] == "loss" for x in lost)
    text = diff_text(comparison, words(after))
    assert f"({lost[0]['lost_cover'][0]} lost cover)" in text


def test_reordered_rows_with_new_ids_say_nothing_changed() -> None:
    from govplanner.analysis.compare import compare_plans
    from govplanner.cli.diff_report import diff_text
    from govplanner.domain.vocabulary import words
    from tests.analysis.reshuffle import shuffled, with_new_ids

    plan = load_plan(BEFORE)
    text = diff_text(compare_plans(plan, shuffled(with_new_ids(plan), 3), as_of=AS_OF), words(plan))
    assert text.splitlines()[-1] == "The two plans have the same structure, coverage and findings."
    assert "  Roles: 0 added, 0 removed, 0 changed." in text.splitlines()


def test_diff_text_lists_findings_accepted_apart_from_closed() -> None:
    from govplanner.analysis.compare import compare_plans
    from govplanner.analysis.engine import analyse
    from govplanner.cli.diff_report import diff_text
    from govplanner.domain.model import AcceptedFinding
    from govplanner.domain.vocabulary import words

    before = load_plan(BEFORE)
    after = before.model_copy(deep=True)
    finding = analyse(before, as_of=AS_OF).open_findings[0]
    after.accepted = [AcceptedFinding(key=finding.key, rationale="Agreed.")]
    lines = diff_text(compare_plans(before, after, as_of=AS_OF), words(after)).splitlines()
    assert "Findings accepted (open before, accepted after) (1)" in lines
    assert not any(line.startswith("Findings closed") for line in lines)
    assert any(line.endswith("0 opened, 0 closed, 1 accepted.") for line in lines)
