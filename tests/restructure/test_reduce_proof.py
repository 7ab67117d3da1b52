"""The reduction is exact: checked against every subset of roles on small random plans.

Each plan has 8 to 12 roles; the brute force tries every choice of roles to keep and judges
it with the naive judge in ``plans.py`` (written from DOMAIN.md, sharing no code with the
optimiser). The optimiser must find the same best value, a least budget that is exact, and
never uncover an essential function that was covered.
"""

from __future__ import annotations

import itertools

import pytest

from govplanner.domain.model import Plan
from govplanner.domain.proposal import ChangeAction
from govplanner.restructure.outcome import Weights
from govplanner.restructure.proposal import proposal_plan
from govplanner.restructure.reduce import Budget, Request, reduce_plan
from tests.restructure.plans import judge, random_plan

SEEDS = range(10)
WEIGHTS = Weights()


def _sizes(seed: int) -> int:
    return 8 + seed % 5  # 8..12 roles


def _subsets(plan: Plan, clinical_only: bool = True):
    """Every choice of kept role ids (out-of-scope roles always kept) with its sessions."""
    free = [r for r in plan.roles if r.clinical or not clinical_only]
    fixed = {r.id for r in plan.roles if not (r.clinical or not clinical_only)}
    for mask in itertools.product((False, True), repeat=len(free)):
        kept = {r.id for r, k in zip(free, mask, strict=True) if k} | fixed
        sessions = sum(r.sessions_per_week for r, k in zip(free, mask, strict=True) if k)
        yield kept, sessions


def _brute(plan: Plan, budget: float, *, allow_gaps: bool = False, clinical_only: bool = True):
    """(least essential losses, least penalty) over every subset within the budget."""
    best = None
    w = WEIGHTS.as_json()
    for kept, sessions in _subsets(plan, clinical_only):
        if sessions > budget + 1e-9:
            continue
        j = judge(plan, kept, w)
        if j.essential_lost and not allow_gaps:
            continue
        key = (j.essential_lost, j.penalty)
        if best is None or key < best:
            best = key
    return best


def _least_budget(plan: Plan) -> float:
    w = WEIGHTS.as_json()
    return min(
        sessions for kept, sessions in _subsets(plan) if judge(plan, kept, w).essential_lost == 0
    )


def _kept_ids(reduction) -> set[str]:
    return {r.id for r, k in zip(reduction.facts.roles, reduction.kept, strict=True) if k}


@pytest.mark.parametrize("seed", SEEDS)
def test_proposal_is_optimal_against_every_subset(seed):
    plan = random_plan(seed, _sizes(seed))
    today = sum(r.sessions_per_week for r in plan.roles if r.clinical)
    least = _least_budget(plan)
    for budget in sorted({least, (least + today) / 2, today * 0.8}):
        expected = _brute(plan, budget)
        reduction = reduce_plan(plan, Request(budget=Budget(sessions=budget)))
        if expected is None:
            assert reduction.status == "infeasible"
            continue
        assert reduction.status == "optimal"
        got = judge(plan, _kept_ids(reduction), WEIGHTS.as_json())
        assert got.essential_lost == 0
        assert got.penalty == pytest.approx(expected[1], abs=1e-6)
        assert reduction.after.penalty(WEIGHTS) == pytest.approx(got.penalty, abs=1e-6)
        assert reduction.after.scope_sessions <= budget + 1e-9


@pytest.mark.parametrize("seed", SEEDS)
def test_least_budget_on_refusal_is_exact(seed):
    plan = random_plan(seed, _sizes(seed))
    least = _least_budget(plan)
    refused = reduce_plan(plan, Request(budget=Budget(sessions=max(0.0, least - 1))))
    if least == 0:
        assert refused.status == "optimal"
        return
    assert refused.status == "infeasible"
    assert refused.least_proven
    assert refused.least_budget == pytest.approx(least)
    at_least = reduce_plan(plan, Request(budget=Budget(sessions=refused.least_budget)))
    assert at_least.status == "optimal"
    for less in (1.0, 0.01):  # a session less, and a hundredth of one (sessions step by 0.5)
        under = reduce_plan(plan, Request(budget=Budget(sessions=refused.least_budget - less)))
        assert under.status == "infeasible"
    # every binding pair names the one provider kept for it in the least-budget answer
    for b in refused.binding:
        kept = [i for i in b.pair.providers if refused.kept[i]]
        assert kept == [b.role_index]


@pytest.mark.parametrize("seed", SEEDS)
def test_allow_gaps_opens_the_fewest_essential_gaps_first(seed):
    plan = random_plan(seed, _sizes(seed))
    least = _least_budget(plan)
    budget = least / 2
    expected = _brute(plan, budget, allow_gaps=True)
    reduction = reduce_plan(plan, Request(budget=Budget(sessions=budget), allow_gaps=True))
    assert reduction.status == "optimal"
    got = judge(plan, _kept_ids(reduction), WEIGHTS.as_json())
    assert (got.essential_lost, pytest.approx(got.penalty, abs=1e-6)) == expected


@pytest.mark.parametrize("seed", range(6))
def test_scope_all_is_optimal_too(seed):
    plan = random_plan(100 + seed, 8 + seed % 3)
    today = sum(r.sessions_per_week for r in plan.roles)
    budget = today * 0.7
    expected = _brute(plan, budget, clinical_only=False)
    reduction = reduce_plan(plan, Request(budget=Budget(sessions=budget), clinical_scope=False))
    if expected is None:
        assert reduction.status == "infeasible"
        return
    got = judge(plan, _kept_ids(reduction), WEIGHTS.as_json())
    assert got.penalty == pytest.approx(expected[1], abs=1e-6)


@pytest.mark.parametrize("seed", SEEDS)
def test_proposal_plan_never_uncovers_a_covered_essential_function(seed):
    plan = random_plan(seed, _sizes(seed))
    today = sum(r.sessions_per_week for r in plan.roles if r.clinical)
    reduction = reduce_plan(plan, Request(budget=Budget(cut_percent=30)))
    if reduction.status == "infeasible":
        assert reduction.least_budget > today * 0.7 - 1e-9
        return
    proposal = proposal_plan(reduction)
    kept = {r.id for r in proposal.roles}
    assert judge(plan, kept, WEIGHTS.as_json()).essential_lost == 0
    assert sum(r.sessions_per_week for r in proposal.roles if r.clinical) <= today * 0.7 + 1e-9
    retired = {r.id for r in plan.roles} - kept
    record = proposal.proposal
    assert record is not None
    explained = {c.subject_id for c in record.changes if c.action is ChangeAction.RETIRE_ROLE}
    assert explained == retired  # each retirement, and nothing else, is recorded with reasons
    assert all(c.reasons for c in record.changes)


def test_keep_and_retire_fix_choices():
    plan = random_plan(3, 10)
    clinical = [r for r in plan.roles if r.clinical]
    keep, retire = clinical[0], clinical[1]
    reduction = reduce_plan(
        plan,
        Request(budget=Budget(cut_percent=0), keep=(keep.id,), retire=(retire.title,),
                allow_gaps=True),
    )  # fmt: skip
    kept = _kept_ids(reduction)
    assert keep.id in kept
    assert retire.id not in kept


def test_a_plan_with_no_role_in_scope_needs_no_cut():
    from tests.builders import PlanBuilder

    plan = (
        PlanBuilder()
        .committee("Board", tier="system")
        .role("Manager", on=["Board"], clinical=False, sessions=3)
        .build()
    )
    reduction = reduce_plan(plan, Request(budget=Budget(cut_percent=20)))
    assert reduction.status == "optimal"
    assert reduction.retired == []
    everyone = reduce_plan(plan, Request(budget=Budget(cut_percent=20), clinical_scope=False))
    assert [everyone.facts.roles[i].title for i in everyone.retired] == ["Manager"]
