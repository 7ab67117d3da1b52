"""Issue 12's "done when", end to end: a clustered-ICB register as a lead keeps it in Excel.

examples/cluster-register.xlsx has no Kind column, an Audit and a Remuneration Committee, a
committee accountable to two boards, an advisory loop, boards in common across two ICBs,
non-voting participants, a deputy covering a vacant post and quorums that need a clinician.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from govplanner.analysis import analyse
from govplanner.domain.enums import CommitteeKind, LineKind, Membership, Severity
from govplanner.files.planfile import load_plan
from govplanner.files.register_import import import_register

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
REGISTER = EXAMPLES / "cluster-register.xlsx"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govplanner", *args], capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    """The register imported in one command, then checked as JSON."""
    out = tmp_path_factory.mktemp("cluster") / "cluster.govplan"
    result = _cli("import", str(REGISTER), "-o", str(out))
    assert result.returncode == 0, result.stderr
    check = _cli("check", str(out), "--format", "json", "--fail-on", "never")
    assert check.returncode == 0, check.stderr
    return {"plan": load_plan(out), "check": json.loads(check.stdout), "import": result}


def _findings(imported: dict, code: str) -> list[dict]:  # type: ignore[type-arg]
    return [f for f in imported["check"]["findings"] if f["code"] == code]


def test_kinds_are_inferred_from_names_and_said_in_one_line(imported: dict) -> None:  # type: ignore[type-arg]
    kinds = {c.name: c.kind for c in imported["plan"].committees}
    assert kinds["Audit Committee"] is CommitteeKind.ASSURANCE
    assert kinds["Remuneration Committee"] is CommitteeKind.ASSURANCE
    assert kinds["Clinical Senate"] is CommitteeKind.CLINICAL_FORUM
    assert kinds["North ICB Board"] is CommitteeKind.DECISION
    said = imported["import"].stdout + imported["import"].stderr
    lines = [line for line in said.splitlines() if "Audit Committee" in line]
    assert len(lines) == 1
    assert "Kind" in lines[0]


def test_no_clinical_finding_or_gap_on_the_assurance_committees(imported: dict) -> None:  # type: ignore[type-arg]
    subjects = {
        f["subject"]
        for f in imported["check"]["findings"]
        if f["code"] in ("CLN001", "PRO001", "GAP001", "GAP002", "GAP003")
    }
    assert "Audit Committee" not in subjects
    assert "Remuneration Committee" not in subjects


def test_a_committee_answers_to_two_boards_and_advises_in_a_loop_without_str001(
    imported: dict,  # type: ignore[type-arg]
) -> None:
    plan = imported["plan"]
    by_id = {c.id: c.name for c in plan.committees}
    quality = next(c for c in plan.committees if c.name == "Joint Quality Committee")
    senate = next(c for c in plan.committees if c.name == "Clinical Senate")
    assert sorted(by_id[t] for t in quality.accountable_to_ids) == [
        "North ICB Board",
        "South ICB Board",
    ]
    assert [(by_id[x.to_id], x.kind) for x in senate.lines] == [
        ("Joint Quality Committee", LineKind.ADVISES)
    ]
    assert len(quality.organisation_ids) == 2  # a joint committee
    assert _findings(imported, "STR001") == []


def test_boards_in_common_share_one_group(imported: dict) -> None:  # type: ignore[type-arg]
    plan = imported["plan"]
    boards = [c for c in plan.committees if c.name.endswith("ICB Board")]
    assert len({c.group_id for c in boards}) == 1
    assert boards[0].group_id is not None


def test_the_deputy_raises_dep001_not_gap002(imported: dict) -> None:  # type: ignore[type-arg]
    on_mh = {
        (f["code"], f["function"])
        for f in imported["check"]["findings"]
        if f["subject"] == "North Mental Health Board"
    }
    assert ("DEP001", "analytical") in on_mh
    assert ("DEP001", "representation") in on_mh
    assert not any(code == "GAP002" for code, _ in on_mh)


def test_quorums_that_cannot_be_met_are_found(imported: dict) -> None:  # type: ignore[type-arg]
    qrm = {(f["code"], f["subject"]) for f in imported["check"]["findings"]}
    # South: quorum 4 with only the chief executive as a filled member; the medical
    # director sits there as a non-voting participant, so no clinician counts to quorum.
    assert ("QRM001", "South ICB Board") in qrm
    assert ("QRM002", "South ICB Board") in qrm
    assert ("QRM002", "North ICB Board") not in qrm  # the medical director is a member there
    # Quorum 2: the medical director is a member, the Healthwatch representative only a
    # participant, who does not count to quorum.
    assert ("QRM001", "Joint Quality Committee") in qrm
    assert ("QRM002", "Joint Quality Committee") not in qrm


def test_participants_are_recorded_per_seat(imported: dict) -> None:  # type: ignore[type-arg]
    plan = imported["plan"]
    by_name = {c.name: c.id for c in plan.committees}
    md = next(r for r in plan.roles if r.title == "Medical Director")
    assert md.membership_on(by_name["South ICB Board"]) is Membership.PARTICIPANT
    assert md.membership_on(by_name["North ICB Board"]) is Membership.MEMBER
    hw = next(r for r in plan.roles if r.title == "Healthwatch Representative")
    assert hw.membership_on(by_name["Joint Quality Committee"]) is Membership.PARTICIPANT


def test_the_cluster_example_plan_judges_assurance_by_kind() -> None:
    plan = load_plan(EXAMPLES / "cluster-example.govplan")
    assurance = {c.id for c in plan.committees if c.kind is CommitteeKind.ASSURANCE}
    assert len(assurance) >= 5
    analysis = analyse(plan)
    assert not [
        f
        for f in analysis.findings
        if f.subject_id in assurance and f.severity is Severity.CRITICAL
    ]
    assert any(f.code == "DEP001" for f in analysis.findings)


def test_the_register_imports_the_same_from_the_library() -> None:
    plan = import_register(REGISTER)
    assert len(plan.committees) == 7
    assert len(plan.organisations) == 3
