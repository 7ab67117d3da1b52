"""reduce --combine-in-common: committees in common may become one joint committee.

The optimiser is checked against a brute force over every subset of roles and every choice of
groups to combine, judged by the naive judge of ``plans.py`` on a plan combined its own way;
the joint committee's structure is checked field by field, and a proposal that combines
passes the integrity check and explains itself in ``diff``.
"""

from __future__ import annotations

import itertools
import json

import pytest

from govplanner.cli.main import main
from govplanner.domain.enums import CommitteeKind, Function, LineKind, Membership, Requirement
from govplanner.domain.integrity import plan_problems
from govplanner.domain.model import InCommonGroup, Line, Organisation, Plan, Seat
from govplanner.domain.names import name_key
from govplanner.domain.proposal import ChangeAction
from govplanner.files.planfile import save_plan
from govplanner.restructure.combine import CombineError, combine_groups
from govplanner.restructure.outcome import Weights
from govplanner.restructure.proposal import proposal_plan
from govplanner.restructure.reduce import Budget, Request, reduce_plan
from tests.builders import PlanBuilder, committee_id
from tests.restructure.plans import judge, random_plan_with_groups

WEIGHTS = Weights()
#: seeds 19 and 29 make plans whose least budget is lower when the group may be combined
SEEDS = (*range(8), 19, 29)


def _may_combine(plan: Plan, gid: str) -> bool:
    """Written from the brief: same tier, kind, stage and programme areas."""
    members = [c for c in plan.committees if c.group_id == gid]
    first = members[0]
    return len(members) >= 2 and all(
        (c.tier_id, c.kind, c.stage_id, name_key(c.programme_area))
        == (first.tier_id, first.kind, first.stage_id, name_key(first.programme_area))
        for c in members
    )


def _choices(plan: Plan):
    """Every (kept role ids, sessions, groups combined): clinical roles free, others kept."""
    free = [r for r in plan.roles if r.clinical]
    fixed = {r.id for r in plan.roles if not r.clinical}
    groups = [g.id for g in plan.groups if _may_combine(plan, g.id)]
    combos = [frozenset(c) for n in range(len(groups) + 1)
              for c in itertools.combinations(groups, n)]  # fmt: skip
    for mask in itertools.product((False, True), repeat=len(free)):
        kept = {r.id for r, k in zip(free, mask, strict=True) if k} | fixed
        sessions = sum(r.sessions_per_week for r, k in zip(free, mask, strict=True) if k)
        for combine in combos:
            yield kept, sessions, combine


def _brute(plan: Plan, budget: float, *, allow_gaps: bool = False) -> tuple[int, float] | None:
    """(least essential losses, least penalty) within the budget; None if none is allowed."""
    best = None
    w = WEIGHTS.as_json()
    for kept, sessions, combine in _choices(plan):
        if sessions > budget + 1e-9:
            continue
        j = judge(plan, kept, w, combine)
        key = (j.essential_lost, j.penalty)
        if (allow_gaps or not j.essential_lost) and (best is None or key < best):
            best = key
    return best


def _least(plan: Plan) -> float:
    w = WEIGHTS.as_json()
    return min(s for kept, s, c in _choices(plan) if judge(plan, kept, w, c).essential_lost == 0)


def _answer(reduction) -> tuple[set[str], frozenset[str]]:
    kept = {r.id for r, k in zip(reduction.facts.roles, reduction.kept, strict=True) if k}
    return kept, frozenset(g.group_id for g in reduction.combined_groups)


@pytest.mark.parametrize("seed", SEEDS)
def test_combining_is_optimal_against_every_subset_and_grouping(seed):
    plan = random_plan_with_groups(seed, 8 + seed % 3)
    today = sum(r.sessions_per_week for r in plan.roles if r.clinical)
    least = _least(plan)
    for budget in sorted({least, (least + today) / 2, today * 0.8}):
        expected = _brute(plan, budget)
        request = Request(budget=Budget(sessions=budget), combine_in_common=True)
        reduction = reduce_plan(plan, request)
        if expected is None:
            assert reduction.status == "infeasible"
            continue
        assert reduction.status == "optimal"
        kept, combined = _answer(reduction)
        assert "grp-b" not in combined  # different kinds: never combined
        got = judge(plan, kept, WEIGHTS.as_json(), combined)
        assert got.essential_lost == 0
        assert got.penalty == pytest.approx(expected[1], abs=1e-6)
        assert reduction.after.penalty(WEIGHTS) == pytest.approx(got.penalty, abs=1e-6)
        proposal = proposal_plan(reduction)
        assert plan_problems(proposal) == []
        assert {g.id for g in proposal.groups} == {g.id for g in plan.groups} - combined


@pytest.mark.parametrize("seed", SEEDS)
def test_least_budget_with_combining_is_exact(seed):
    plan = random_plan_with_groups(seed, 8 + seed % 3)
    least = _least(plan)
    if least == 0:
        return
    request = Request(budget=Budget(sessions=least - 0.01), combine_in_common=True)
    refused = reduce_plan(plan, request)
    assert refused.status == "infeasible"
    assert refused.least_proven
    assert refused.least_budget == pytest.approx(least)
    for b in refused.binding:  # the one provider kept for it, on the joint committee if combined
        assert [i for i in refused.covering(b.pair) if refused.kept[i]] == [b.role_index]
    at_least = reduce_plan(plan, Request(budget=Budget(sessions=least), combine_in_common=True))
    assert at_least.status == "optimal"
    if seed in (19, 29):  # combining is what makes the lower budget possible
        assert refused.combined_groups
        without = reduce_plan(plan, Request(budget=Budget(sessions=least)))
        assert without.status == "infeasible"
        assert without.least_budget > least


@pytest.mark.parametrize("seed", SEEDS)
def test_allow_gaps_with_combining_opens_the_fewest_gaps_first(seed):
    plan = random_plan_with_groups(seed, 8 + seed % 3)
    budget = _least(plan) / 2
    expected = _brute(plan, budget, allow_gaps=True)
    request = Request(budget=Budget(sessions=budget), allow_gaps=True, combine_in_common=True)
    reduction = reduce_plan(plan, request)
    assert reduction.status == "optimal"
    kept, combined = _answer(reduction)
    got = judge(plan, kept, WEIGHTS.as_json(), combined)
    assert (got.essential_lost, pytest.approx(got.penalty, abs=1e-6)) == expected
    assert len(reduction.after.essential_gaps) == got.essential_lost


# -- two audit committees in common, each needing a clinician --------------------------------


def audit_pair() -> Plan:
    """North and South audit committees meet in common; each must have analytical insight
    from a clinician, and each has one (2 sessions a week each)."""
    plan = (
        PlanBuilder(name="Cluster")
        .tier("System", "executive")
        .committee("Cluster Board", tier="System")
        .committee("North Audit Committee", tier="System", reports_to="Cluster Board")
        .committee("South Audit Committee", tier="System", reports_to="Cluster Board")
        .role("Chair", on=["Cluster Board"], clinical=False, holder="Ann", sessions=1)
        .role("Finance Director", on=["Cluster Board"], clinical=False, holder="Fi", sessions=4)
        .role("North Clinical Adviser", on=["North Audit Committee"], functions=["analytical"],
              holder="Nia", sessions=2, profession="nursing")
        .role("South Clinical Adviser", on=["South Audit Committee"], functions=["analytical"],
              holder="Sol", sessions=2, profession="pharmacy")
        .role("Audit Lead", on=["North Audit Committee", "South Audit Committee"],
              clinical=False, holder="Al", sessions=1)
        .build()
    )  # fmt: skip
    plan.organisations = [Organisation(id="org-n", name="North ICB"),
                          Organisation(id="org-s", name="South ICB")]  # fmt: skip
    plan.groups = [InCommonGroup(id="grp-audit", name="Audit Committees (in common)")]
    for c in plan.committees[1:]:
        c.kind = CommitteeKind.ASSURANCE
        c.requirements = {Function.ANALYTICAL: Requirement.ESSENTIAL}
        c.group_id = "grp-audit"
        c.organisation_ids = ["org-n" if c.name.startswith("North") else "org-s"]
    plan.committees[1].quorum, plan.committees[2].quorum = 3, 4
    audit_lead = next(r for r in plan.roles if r.title == "Audit Lead")
    audit_lead.seats = [Seat(committee_id=committee_id("North Audit Committee"),
                             membership=Membership.ATTENDEE),
                        Seat(committee_id=committee_id("South Audit Committee"))]  # fmt: skip
    assert plan_problems(plan) == []
    return plan


def test_one_clinician_for_both_audit_committees_needs_combining():
    plan = audit_pair()
    budget = Budget(sessions=2)  # one of the two clinical advisers
    refused = reduce_plan(plan, Request(budget=budget))
    assert refused.status == "infeasible"
    assert refused.least_budget == pytest.approx(4)
    solved = reduce_plan(plan, Request(budget=budget, combine_in_common=True))
    assert solved.status == "optimal"
    assert [g.name for g in solved.combined_groups] == ["Audit Committees (in common)"]
    assert len(solved.retired) == 1
    assert solved.after.essential_gaps == ()
    proposal = proposal_plan(solved)
    assert plan_problems(proposal) == []
    joint = next(c for c in proposal.committees if c.name.endswith("(joint committee)"))
    assert joint.name == "Audit Committees (joint committee)"
    assert joint.organisation_ids == ["org-n", "org-s"]
    assert joint.kind is CommitteeKind.ASSURANCE
    assert joint.quorum == 4
    assert joint.accountable_to_ids == [committee_id("Cluster Board")]
    assert proposal.groups == []
    lead = next(r for r in proposal.roles if r.title == "Audit Lead")
    assert lead.seats == [Seat(committee_id=joint.id, membership=Membership.MEMBER)]
    change = proposal.proposal.change_for(ChangeAction.COMBINE_COMMITTEES, joint.id)
    assert change.replaces == [committee_id("North Audit Committee"),
                               committee_id("South Audit Committee")]  # fmt: skip
    assert "one joint committee keeps analytical insight covered" in " ".join(change.reasons)
    assert "2 fewer sessions a week" in " ".join(change.reasons)


def test_combining_is_not_chosen_when_it_saves_nothing():
    plan = audit_pair()
    reduction = reduce_plan(plan, Request(budget=Budget(sessions=4), combine_in_common=True))
    assert reduction.status == "optimal"
    assert reduction.combined_groups == []
    assert proposal_plan(reduction).groups == plan.groups


def test_the_command_line_combines_and_diff_explains_it(tmp_path, capsys):
    before, after = tmp_path / "cluster.govplan", tmp_path / "proposal.govplan"
    save_plan(audit_pair(), before)
    args = ["reduce", str(before), "--budget", "2", "-o", str(after)]
    assert main(args) == 2
    assert "least budget that does is 4 sessions" in capsys.readouterr().err
    assert main([*args, "--combine-in-common", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [g["group"] for g in data["combined"] if g["combined"]] == [
        "Audit Committees (in common)"
    ]
    assert "combined" in data["weights"]
    assert "combined" in data["weight_meanings"]
    assert main(["diff", str(before), str(after)]) in (0, 1)
    out = capsys.readouterr().out
    assert "Committees combined: Audit Committees (joint committee)" in out
    assert "met in common as 'Audit Committees (in common)'" in out
    assert "North Audit Committee" in out
    assert "removed" in out


# -- the joint committee's structure ---------------------------------------------------------


def test_combine_groups_merges_lines_seats_bodies_and_quorum():
    plan = audit_pair()
    north, south = plan.committees[1], plan.committees[2]
    board = plan.committees[0]
    north.lines.append(Line(to_id=south.id, kind=LineKind.ADVISES))  # between members: dropped
    south.lines = [Line(to_id=board.id, kind=LineKind.ADVISES)]  # north's accountable line wins
    board.lines = [Line(to_id=north.id, kind=LineKind.ADVISES),
                   Line(to_id=south.id, kind=LineKind.ADVISES)]  # fmt: skip
    north.quorum_clinical = True
    combined, changes = combine_groups(plan, ["grp-audit"])
    assert plan_problems(combined) == []
    assert [c.name for c in combined.committees] == [
        "Cluster Board",
        "Audit Committees (joint committee)",
    ]
    joint = combined.committees[1]
    assert [(line.to_id, line.kind) for line in joint.lines] == [(board.id, LineKind.ACCOUNTABLE)]
    assert [(line.to_id, line.kind) for line in combined.committees[0].lines] == [
        (joint.id, LineKind.ADVISES)
    ]
    assert joint.quorum == 4
    assert joint.quorum_clinical
    seats = {r.title: r.seats for r in combined.roles}
    assert seats["North Clinical Adviser"] == [Seat(committee_id=joint.id)]
    assert seats["South Clinical Adviser"] == [Seat(committee_id=joint.id)]
    assert [c.action for c in changes] == [ChangeAction.COMBINE_COMMITTEES]
    assert "deciding for North ICB and South ICB" in changes[0].reasons[0]
    assert plan.committees[1].name == "North Audit Committee"  # the original is untouched


def test_a_group_of_unlike_committees_cannot_be_combined():
    plan = audit_pair()
    plan.committees[2].kind = CommitteeKind.DECISION
    with pytest.raises(CombineError, match="different kinds"):
        combine_groups(plan, ["grp-audit"])
    reduction = reduce_plan(plan, Request(budget=Budget(sessions=2), combine_in_common=True))
    assert reduction.status == "infeasible"
    assert reduction.facts.not_combinable == [
        ("Audit Committees (in common)", "its committees are of different kinds")
    ]
