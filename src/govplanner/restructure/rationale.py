"""Why each role was retired, and what a reduction did, in plain words and as plain data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from govplanner.analysis.rules.common import function_text, name_list, number
from govplanner.domain.enums import Requirement
from govplanner.domain.model import Plan
from govplanner.domain.proposal import ChangeAction, Proposal, ProposalChange
from govplanner.restructure.cost import CostSummary, cost_summary
from govplanner.restructure.facts import Pair
from govplanner.restructure.outcome import WEIGHT_MEANINGS, Outcome
from govplanner.restructure.reduce import Reduction

SCOPE_TEXT = {True: "clinical and care professional roles", False: "every role"}


@dataclass(frozen=True)
class Retirement:
    role_id: str
    title: str
    sessions: float
    holder: str | None
    reasons: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.role_id,
            "title": self.title,
            "sessions_per_week": self.sessions,
            "holder": self.holder,
            "reasons": list(self.reasons),
        }

    def line(self) -> str:
        held = "vacant" if self.holder is None else f"held by {self.holder}"
        return f"{self.role_id} | {self.title} | {number(self.sessions)} | {held} | " + "; ".join(
            self.reasons
        )


def _committee_names(plan: Plan) -> dict[str, str]:
    return {c.id: c.name for c in plan.committees}


def retirements(reduction: Reduction) -> list[Retirement]:
    """One entry per retired role, saying what retiring it does to cover and to people."""
    facts, kept = reduction.facts, reduction.kept
    names = _committee_names(reduction.plan)
    people = {p.id: p.name for p in reduction.plan.people}
    touching: dict[int, list[Pair]] = {}
    for pair in (*facts.essential, *facts.expected):
        for i in pair.providers:
            if not kept[i]:
                touching.setdefault(i, []).append(pair)
    result = []
    for i in reduction.retired:
        role = facts.roles[i]
        reasons = []
        if facts.choice[i].value == "retire":
            reasons.append("retired as asked (--retire)")
        if role.holder_id is None:
            reasons.append("vacant, so no one is displaced and no cover is lost")
        else:
            reasons.append(f"{people.get(role.holder_id, role.holder_id)} is displaced from it")
        for pair in touching.get(i, []):
            others = [facts.roles[j].title for j in reduction.covering(pair) if kept[j]]
            what = f"{function_text(pair.function)} on {names.get(pair.committee_id, '?')}"
            if others:
                reasons.append(f"{what} stays covered by {name_list(others, limit=2)}")
            else:
                level = "essential" if pair.requirement is Requirement.ESSENTIAL else "expected"
                reasons.append(f"{what} ({level}) is left without a filled provider")
        if role.sessions_per_week:
            shown = number(role.sessions_per_week)
            unit = "session" if shown == "1" else "sessions"
            reasons.append(f"saves {shown} {unit} a week")
        holder = None if role.holder_id is None else people.get(role.holder_id, role.holder_id)
        result.append(
            Retirement(role.id, role.title, role.sessions_per_week, holder, tuple(reasons))
        )
    return result


def costs(reduction: Reduction) -> tuple[CostSummary, CostSummary | None]:
    """Cost of the in-scope roles before, and after when there is a proposal."""
    facts, scoped = reduction.facts, reduction.request.clinical_scope
    before = cost_summary(reduction.original, clinical_only=scoped)
    if not reduction.found:
        return before, None
    kept_roles = [r for r, k in zip(facts.roles, reduction.kept, strict=True) if k]
    return before, cost_summary(reduction.plan, kept_roles, clinical_only=scoped)


def _counts(today: Outcome, after: Outcome | None) -> dict[str, Any]:
    return {"today": today.counts(), "after": None if after is None else after.counts()}


def _solver_json(r: Reduction) -> dict[str, Any] | None:
    sol = r.solution
    if sol is None:
        return None
    return {
        "name": "HiGHS",
        "status": sol.detail,
        "objective": sol.objective,
        "bound": sol.bound,
        "gap": sol.gap,
        "seconds": round(sol.seconds, 3),
        "build_seconds": round(r.build_seconds, 3),
        "columns": r.model_size[0],
        "rows": r.model_size[1],
        "nonzeros": r.model_size[2],
    }


def _refusal_json(r: Reduction) -> dict[str, Any]:
    facts, names = r.facts, _committee_names(r.plan)
    return {
        "least_budget": None if r.least_budget is None else round(r.least_budget, 6),
        "least_budget_proven": r.least_proven,
        "binding": [
            {
                "committee": names.get(b.pair.committee_id, b.pair.committee_id),
                "committee_id": b.pair.committee_id,
                "function": b.pair.function.value,
                "only_provider": facts.roles[b.role_index].title,
                "only_provider_id": facts.roles[b.role_index].id,
                "sessions_per_week": facts.sessions(b.role_index),
            }
            for b in r.binding
        ],
        "forced_gaps": [
            {"committee": names.get(p.committee_id, p.committee_id), "function": p.function.value}
            for p in r.forced_gaps
        ],
    }


def reduction_json(reduction: Reduction, proposal_path: str | None = None) -> dict[str, Any]:
    """The whole reduction as plain data (the ``--format json`` output)."""
    r, facts = reduction, reduction.facts
    before, after = costs(r)
    data: dict[str, Any] = {
        "plan": r.original.name,
        "proposal": proposal_path,
        "status": r.status,
        "scope": "clinical" if r.request.clinical_scope else "all",
        "budget": {"asked": r.request.budget.text(), "sessions_per_week": round(r.budget, 6)},
        "scope_sessions_today": round(facts.scope_sessions, 6),
        "abolished": list(r.abolished),
        "weights": r.request.weights.as_json(),
        "weight_meanings": dict(WEIGHT_MEANINGS),
        "essential_pairs_covered_today": len(facts.essential),
        "expected_pairs_covered_today": len(facts.expected),
        "counts": _counts(r.today, r.after),
        "cost": {"before": before.as_json(), "after": None if after is None else after.as_json()},
        "solver": _solver_json(r),
        "retired": [x.as_json() for x in retirements(r)] if r.found else [],
    }
    if r.status == "infeasible":
        data.update(_refusal_json(r))
    return data


def _retirement_change(x: Retirement) -> ProposalChange:
    return ProposalChange(
        action=ChangeAction.RETIRE_ROLE,
        subject_id=x.role_id,
        subject=x.title[:200],
        sessions_per_week=x.sessions,
        holder=(x.holder or "")[:200],
        reasons=[reason[:2_000] for reason in x.reasons],
    )


def _abolition_changes(r: Reduction) -> list[ProposalChange]:
    names = _committee_names(r.original)
    left = {c.id for c in r.plan.committees}
    return [
        ProposalChange(
            action=ChangeAction.ABOLISH_COMMITTEE,
            subject_id=cid,
            subject=names.get(cid, cid)[:200],
            reasons=["abolished as asked (--abolish), before the roles were chosen"],
        )
        for cid in names
        if cid not in left
    ]


def proposal_record(r: Reduction, made_on: dt.date) -> Proposal:
    """The reduction as the proposal plan's record (``Plan.proposal``)."""
    from govplanner.restructure.proposal import status_text, summary_lines

    before, after = costs(r)
    sol, facts = r.solution, r.facts
    kept = len(facts.essential) - (0 if r.after is None else len(r.after.essential_gaps))
    changes = _abolition_changes(r) + [_retirement_change(x) for x in retirements(r)]
    return Proposal(
        method="reduce",
        made_on=made_on,
        source_plan=r.original.name,
        scope="clinical" if r.request.clinical_scope else "all",
        budget_sessions=round(r.budget, 6),
        sessions_before=round(facts.scope_sessions, 6),
        sessions_after=round(r.after.scope_sessions if r.after else facts.scope_sessions, 6),
        cost_before=before.cost,
        cost_after=None if after is None else after.cost,
        essential_covered_before=len(facts.essential),
        essential_covered_after=kept,
        solver_status=status_text(r),
        optimality_gap=None if sol is None else sol.gap,
        summary=[line[:2_000] for line in summary_lines(r)],
        changes=changes,
    )
