"""Why each role was retired, and what a reduction did, in plain words and as plain data."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from govplanner.analysis.rules.common import function_text, name_list, number
from govplanner.domain.enums import Requirement
from govplanner.domain.model import Plan, Role
from govplanner.domain.proposal import ChangeAction, Proposal, ProposalChange
from govplanner.restructure.cost import CostSummary, cost_summary
from govplanner.restructure.facts import Pair
from govplanner.restructure.outcome import WEIGHT_MEANINGS, Outcome, voice_kept
from govplanner.restructure.reduce import Reduction

SCOPE_TEXT = {True: "clinical and care professional roles", False: "every role"}


@dataclass(frozen=True)
class Retirement:
    role_id: str
    title: str
    sessions: float
    holder: str | None
    reasons: tuple[str, ...]
    #: the organisations it belongs to (else where it came from), to tell like titles apart
    where: str = ""
    #: the committees it sat on, by name, for like titles in one organisation
    committees: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.role_id,
            "title": self.title,
            "where": self.where,
            "committees": self.committees,
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


class Places:
    """Where a role belongs, in words: its organisations, else its committees', else the
    plan it came from (a merged plan's roles each name their ICB)."""

    def __init__(self, plan: Plan) -> None:
        self.organisations = {o.id: o.name for o in plan.organisations}
        self.committees = {c.id: c.organisation_ids for c in plan.committees}

    def of(self, role: Role) -> str:
        ids = role.organisation_ids or [
            org for seat in role.seats for org in self.committees.get(seat.committee_id, [])
        ]
        names = dict.fromkeys(self.organisations[i] for i in ids if i in self.organisations)
        return "; ".join(names) or role.origin


def _voice_reasons(r: Reduction, names: dict[str, str]) -> dict[int, list[str]]:
    """Role index -> the committees that, with it retired, lose every role of a programme
    area's professions (PRO001) or every clinical role (CLN001)."""
    found: dict[int, list[str]] = {}
    kept, combined = r.kept, r.combined
    checks = (
        (r.facts.professions, "loses every role from a profession its programme area needs"),
        (r.facts.voices, "is left with no clinical or care professional role"),
    )
    for voices, words in checks:
        for v in voices:
            for g, roles in enumerate(v.groups):
                if voice_kept(v, g, kept, combined):
                    continue
                for i in roles:
                    if not kept[i]:
                        found.setdefault(i, []).append(f"{names.get(v.committee_id, '?')} {words}")
    return found


def _cover_reasons(r: Reduction, i: int, pairs: list[Pair], names: dict[str, str]) -> list[str]:
    """What retiring role ``i`` does to each pair it provided: still covered, or not."""
    facts, kept, reasons = r.facts, r.kept, []
    for pair in pairs:
        others = [facts.roles[j].title for j in r.covering(pair) if kept[j]]
        what = f"{function_text(pair.function)} on {names.get(pair.committee_id, '?')}"
        if others:
            reasons.append(f"{what} stays covered by {name_list(others, limit=2)}")
        else:
            level = "essential" if pair.requirement is Requirement.ESSENTIAL else "expected"
            reasons.append(f"{what} ({level}) is left without a filled provider")
    return reasons


def retirements(reduction: Reduction) -> list[Retirement]:
    """One entry per retired role, saying what retiring it does to cover and to people."""
    facts, kept = reduction.facts, reduction.kept
    names = _committee_names(reduction.plan)
    people = {p.id: p.name for p in reduction.plan.people}
    places = Places(reduction.plan)
    voices = _voice_reasons(reduction, names) if reduction.found else {}
    touching: dict[int, list[Pair]] = {}
    for pair in (*facts.essential, *facts.expected):
        for i in pair.providers:
            if not kept[i]:
                touching.setdefault(i, []).append(pair)
    result = []
    for i in reduction.retired:
        role = facts.roles[i]
        holder = None if role.holder_id is None else people.get(role.holder_id, role.holder_id)
        reasons = ["retired as asked (--retire)"] if facts.choice[i].value == "retire" else []
        if holder is None:
            reasons.append("vacant, so no one is displaced and no filled provider goes")
        else:
            reasons.append(f"{holder} is displaced from it")
        reasons += _cover_reasons(reduction, i, touching.get(i, []), names)
        reasons += voices.get(i, [])
        if role.sessions_per_week:
            shown = number(role.sessions_per_week)
            unit = "session" if shown == "1" else "sessions"
            reasons.append(f"saves {shown} {unit} a week")
        seats = "; ".join(names.get(seat.committee_id, "?") for seat in role.seats)
        result.append(
            Retirement(
                role.id,
                role.title,
                role.sessions_per_week,
                holder,
                tuple(reasons),
                places.of(role),
                seats,
            )
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


def subjects(gone: list[Retirement]) -> list[str]:
    """Each retired role's title, told apart where titles repeat: by organisation, then by
    committees, then by holder, and last by number ('1 of 2')."""
    parts = [[x.title] for x in gone]
    qualifiers: tuple[Callable[[Retirement], str], ...] = (
        lambda x: x.where,
        lambda x: f"on {x.committees}" if x.committees else "",
        lambda x: x.holder or "vacant",
    )
    for qualify in qualifiers:
        seen = Counter(" ".join(p) for p in parts)
        for p, x in zip(parts, gone, strict=True):
            if seen[" ".join(p)] > 1 and qualify(x):
                p.append(qualify(x))
    seen, counted = Counter(" ".join(p) for p in parts), Counter[str]()
    for p in parts:
        key = " ".join(p)
        if seen[key] > 1:
            counted[key] += 1
            p.append(f"{counted[key]} of {seen[key]}")
    return [p[0] + (f" ({'; '.join(p[1:])})" if len(p) > 1 else "") for p in parts]


def _retirement_change(x: Retirement, subject: str) -> ProposalChange:
    return ProposalChange(
        action=ChangeAction.RETIRE_ROLE,
        subject_id=x.role_id,
        subject=subject[:200],
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
    gone = retirements(r)
    changes = _abolition_changes(r) + [
        _retirement_change(x, subject) for x, subject in zip(gone, subjects(gone), strict=True)
    ]
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
