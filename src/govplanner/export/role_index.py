"""Look-ups over one plan, built once per export and shared by every role description."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from govplanner.analysis.result import Analysis
from govplanner.domain.enums import (
    Function,
    Level,
    Severity,
    SubjectKind,
)
from govplanner.domain.model import Committee, Organisation, Plan, Role, Tier
from govplanner.domain.vocabulary import Words, words

Context = dict[str, Any]

_GAP_CODES = ("GAP001", "GAP002")


@dataclass
class PlanIndex:
    """Look-ups over one plan, built once and shared by every role of an export."""

    plan: Plan
    analysis: Analysis
    tiers: dict[str, Tier] = field(init=False)
    committees: dict[str, Committee] = field(init=False)
    people: dict[str, str] = field(init=False)
    roles: dict[str, Role] = field(init=False)
    organisations: dict[str, Organisation] = field(init=False)
    group_members: dict[str, list[Committee]] = field(init=False)
    seats: dict[str, list[Role]] = field(init=False)
    gaps: dict[tuple[str, Function], Severity] = field(init=False)
    words: Words = field(init=False)

    def __post_init__(self) -> None:
        plan = self.plan
        self.words = words(plan)
        self.tiers = {t.id: t for t in plan.tiers}
        self.committees = {c.id: c for c in plan.committees}
        self.people = {p.id: p.name for p in plan.people}
        self.roles = {r.id: r for r in plan.roles}
        self.organisations = {o.id: o for o in plan.organisations}
        self.group_members = defaultdict(list)
        for committee in plan.committees:
            if committee.group_id:
                self.group_members[committee.group_id].append(committee)
        self.seats = defaultdict(list)
        for role in plan.roles:
            for committee_id in role.committee_ids:
                self.seats[committee_id].append(role)
        self.gaps = {
            (f.subject_id, f.function): f.severity
            for f in self.analysis.findings
            if f.code in _GAP_CODES and f.subject_kind is SubjectKind.COMMITTEE and f.function
        }

    def level(self, committee: Committee) -> Level | None:
        tier = self.tiers.get(committee.tier_id)
        return tier.level if tier else None

    def stage_name(self, committee: Committee) -> str:
        stage_id = self.plan.current_stage_id(committee)
        stage = self.plan.stage(stage_id) if stage_id else None
        return stage.name if stage else ""

    def holder(self, role: Role) -> str:
        return self.people.get(role.holder_id, "") if role.holder_id else ""
