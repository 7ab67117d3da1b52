"""Schema 2 -> 3: every older plan opens unchanged in meaning (DOMAIN.md v2's new concepts)."""

from __future__ import annotations

import json
from pathlib import Path

from govplanner.analysis import analyse
from govplanner.domain.enums import CommitteeKind, LineKind, Membership, Rule
from govplanner.domain.integrity import plan_problems
from govplanner.files import migrations
from govplanner.files.planfile import load_plan
from tests.analysis.snapshot import AS_OF, dump

FIXTURE = Path(__file__).parent / "fixtures" / "ics-example.schema2.govplan"
SNAPSHOT = Path(__file__).parents[1] / "analysis" / "fixtures" / "ics-example.json"


def _old() -> dict:  # type: ignore[type-arg]
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_a_schema_2_file_opens_with_the_same_findings_and_coverage() -> None:
    plan = load_plan(FIXTURE)
    assert plan_problems(plan) == []
    assert dump(plan) == SNAPSHOT.read_text(encoding="utf-8")


def test_every_committee_is_a_decision_committee_with_its_one_line_accountable() -> None:
    old = {c["id"]: c for c in _old()["plan"]["committees"]}
    plan = load_plan(FIXTURE)
    assert {c.id for c in plan.committees} == set(old)
    for committee in plan.committees:
        assert committee.kind is CommitteeKind.DECISION
        before = old[committee.id]["reports_to_id"]
        expected = [] if before is None else [(before, LineKind.ACCOUNTABLE)]
        assert [(line.to_id, line.kind) for line in committee.lines] == expected
        assert committee.organisation_ids == []
        assert committee.group_id is None


def test_every_seat_is_a_member_seat_in_the_old_order() -> None:
    old = {r["id"]: r for r in _old()["plan"]["roles"]}
    plan = load_plan(FIXTURE)
    for role in plan.roles:
        assert role.committee_ids == old[role.id]["committee_ids"]
        assert {s.membership for s in role.seats} <= {Membership.MEMBER}
        assert role.deputy_for_id is None


def test_free_text_quorum_becomes_a_note_and_no_quorum_rule_can_fire() -> None:
    doc = _old()
    doc["plan"]["committees"][0]["quorum"] = "Chair and 4 members, one a clinician"
    migrated = migrations.migrate(doc, 2)
    committee = migrated["plan"]["committees"][0]
    assert committee["quorum"] is None
    assert committee["quorum_clinical"] is False
    assert committee["quorum_note"] == "Chair and 4 members, one a clinician"


def test_the_kind_rules_written_out_keep_the_profile_for_decision_committees() -> None:
    migrated = migrations.migrate(_old(), 2, current=3)
    rules = migrated["plan"]["kind_rules"]
    assert set(rules["decision"].values()) == {Rule.PROFILE.value}
    assert set(rules["assurance"].values()) == {Rule.OPTIONAL.value}
    assert migrated["schema_version"] == 3


def test_the_step_does_not_change_its_input() -> None:
    doc = _old()
    before = json.dumps(doc, sort_keys=True)
    migrations.STEPS[2](doc)
    assert json.dumps(doc, sort_keys=True) == before


def test_a_migrated_plan_analyses_as_the_old_one_did_on_every_finding_key() -> None:
    plan = load_plan(FIXTURE)
    keys = [f.key for f in analyse(plan, as_of=AS_OF).findings]
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert len(keys) == len(snapshot["findings"])
