"""Small random plans for the reduction's proofs, and a naive judge written from the spec.

The judge reads the Plan directly (DOMAIN.md's definitions, one loop each) and shares no
code with govplanner.restructure, so agreeing with it proves the optimiser, not itself.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from govplanner.domain.enums import FUNCTIONS, CommitteeKind, Function, Membership, Requirement
from govplanner.domain.governance import KIND_INFO
from govplanner.domain.model import InCommonGroup, Organisation, Person, Plan, Role, Seat
from tests.builders import PlanBuilder

PROFESSIONS = ("general practice", "nursing", "pharmacy", "psychiatry", "midwifery")
AREAS = ("primary care", "mental health", "maternity", "medicines", "")
KINDS = (CommitteeKind.DECISION, CommitteeKind.DECISION, CommitteeKind.CLINICAL_FORUM,
         CommitteeKind.ASSURANCE)  # fmt: skip
MEMBERSHIPS = (Membership.MEMBER, Membership.MEMBER, Membership.MEMBER, Membership.PARTICIPANT,
               Membership.ATTENDEE, Membership.DEPUTY)  # fmt: skip


def random_plan(seed: int, roles: int, committees: int = 4, people: int = 5) -> Plan:
    rng = random.Random(seed)
    b = PlanBuilder(name=f"Random {seed}")
    names = [f"C{i}" for i in range(committees)]
    tiers = ["System", "Programme", "Neighbourhood"]
    stages = ["Strategy setting", "Mobilising change", "Sustaining collaboration"]
    for i, name in enumerate(names):
        b.committee(
            name,
            tier=tiers[0] if i == 0 else rng.choice(tiers),
            stage=rng.choice(stages),
            programme=rng.choice(AREAS),
        )
    for n in range(people):
        b.person(f"P{n}", capacity=rng.choice((None, 2.0, 3.0, 4.0)))
    for r in range(roles):
        b.role(
            f"R{r}",
            on=rng.sample(names, rng.choice((1, 1, 2))),
            functions=rng.sample(list(FUNCTIONS), rng.randint(0 if r % 7 == 6 else 1, 3)),
            holder=None if rng.random() < 0.2 else f"P{rng.randrange(people)}",
            clinical=rng.random() > 0.15,
            profession=rng.choice(PROFESSIONS),
            sessions=rng.choice((0.5, 1.0, 1.5, 2.0, 3.0)),
        )
    plan = b.build()
    for committee in plan.committees[1:]:
        committee.kind = rng.choice(KINDS)
    for role in plan.roles:
        role.seats = [Seat(committee_id=s.committee_id, membership=rng.choice(MEMBERSHIPS))
                      for s in role.seats]  # fmt: skip
    return plan


def random_plan_with_groups(seed: int, roles: int, committees: int = 5) -> Plan:
    """A random plan where C1 and C2 meet in common (alike, so they may be combined) and, when
    there are five committees, C3 and C4 too but as different kinds (so they may not)."""
    rng = random.Random(seed)
    plan = random_plan(seed, roles, committees)
    plan.organisations = [Organisation(id="org-n", name="North ICB"),
                          Organisation(id="org-s", name="South ICB")]  # fmt: skip
    c = plan.committees
    plan.groups = [InCommonGroup(id="grp-a", name="Alike (in common)")]
    c[2].tier_id, c[2].kind, c[2].stage_id = c[1].tier_id, c[1].kind, c[1].stage_id
    c[2].programme_area = rng.choice((c[1].programme_area, c[2].programme_area))
    c[1].organisation_ids, c[2].organisation_ids = ["org-n"], ["org-s"]
    c[1].group_id = c[2].group_id = "grp-a"
    if len(c) >= 5:
        plan.groups.append(InCommonGroup(id="grp-b", name="Unlike (in common)"))
        c[3].group_id = c[4].group_id = "grp-b"
        c[4].kind = CommitteeKind.ASSURANCE if c[3].kind is not CommitteeKind.ASSURANCE else (
            CommitteeKind.DECISION)  # fmt: skip
    return plan


_STRENGTH = (Membership.ATTENDEE, Membership.DEPUTY, Membership.PARTICIPANT, Membership.MEMBER)


def naive_combine(plan: Plan, group_ids: frozenset[str]) -> tuple[Plan, dict[str, str]]:
    """The plan with each group's committees replaced by one committee 'J-<group id>' (seats
    moved onto it, the strongest kept), and each committee id -> its id in that plan."""
    after = plan.model_copy(deep=True)
    successor = {c.id: c.id for c in plan.committees}
    for gid in group_ids:
        members = [c for c in after.committees if c.group_id == gid]
        joint = members[0].model_copy(update={"id": f"J-{gid}", "name": f"J {gid}",
                                              "group_id": None})  # fmt: skip
        after.committees = [c for c in after.committees if c.group_id != gid] + [joint]
        for c in members:
            successor[c.id] = joint.id
    for role in after.roles:
        seats: dict[str, Membership] = {}
        for seat in role.seats:
            target = successor[seat.committee_id]
            old = seats.get(target, Membership.ATTENDEE)
            seats[target] = max(old, seat.membership, key=_STRENGTH.index)
        role.seats = [Seat(committee_id=cid, membership=m) for cid, m in seats.items()]
    return after, successor


# -- the naive judge -------------------------------------------------------------------------


def _requirement(plan: Plan, committee_id: str, function: Function) -> Requirement:
    c = next(c for c in plan.committees if c.id == committee_id)
    tier = next(t for t in plan.tiers if t.id == c.tier_id)
    return plan.committee_requirement(c, tier.level, plan.current_stage_id(c), function)


def _covered(roles: list[Role], committee_id: str, function: Function) -> bool:
    return any(
        r.clinical
        and r.holder_id is not None
        and function in r.functions
        and (m := r.membership_on(committee_id)) is not None
        and m in (Membership.MEMBER, Membership.PARTICIPANT)
        for r in roles
    )


@dataclass(frozen=True)
class Judged:
    essential_lost: int
    penalty: float


def judge(
    plan: Plan, kept_ids: set[str], weights: dict[str, float], combine: frozenset[str] = frozenset()
) -> Judged:
    """Essential pairs lost and the weighted harms when only ``kept_ids`` stay (and the groups
    of ``combine`` each become one committee)."""
    joined, successor = naive_combine(plan, combine)
    before, after = plan.roles, [r for r in joined.roles if r.id in kept_ids]
    essential_lost = 0
    expected_lost = 0
    for c in plan.committees:
        for f in FUNCTIONS:
            need = _requirement(plan, c.id, f)
            if need is Requirement.OPTIONAL:
                continue
            if _covered(before, c.id, f) and not _covered(after, successor[c.id], f):
                if need is Requirement.ESSENTIAL:
                    essential_lost += 1
                else:
                    expected_lost += 1
    penalty = (
        weights["expected_gap"] * expected_lost
        + weights["single_point"] * _single_points(joined, after)
        + weights["overload"] * _overloads(plan, after)
        + weights["profession"] * _professions_lost(plan, joined, successor, after)
        + weights["clinical_voice"] * _voices_lost(plan, successor, after)
        + weights["displaced"] * _displaced(before, after)
        + weights["retired"] * (len(before) - len(after))
        + weights.get("combined", 0.0) * len(combine)
    )
    return Judged(essential_lost, penalty)


def _single_points(plan: Plan, roles: list[Role]) -> int:
    count = 0
    for tier in plan.tiers:
        for f in FUNCTIONS:
            essential = [c.id for c in plan.committees if c.tier_id == tier.id
                         and _requirement(plan, c.id, f) is Requirement.ESSENTIAL]  # fmt: skip
            if len(essential) < 2:
                continue
            holders = {
                r.holder_id
                for r in roles
                for cid in essential
                if r.clinical and r.holder_id and f in r.functions
                and r.membership_on(cid) in (Membership.MEMBER, Membership.PARTICIPANT)
            }  # fmt: skip
            count += len(holders) == 1
    return count


def _overloads(plan: Plan, roles: list[Role]) -> int:
    def load(p: Person) -> float:
        return sum(r.sessions_per_week for r in roles if r.holder_id == p.id)

    return sum(1 for p in plan.people if p.capacity is not None and load(p) > p.capacity + 1e-9)


def _clinical_on(roles: list[Role], committee_id: str) -> list[Role]:
    return [r for r in roles if r.clinical and committee_id in r.committee_ids]


def _voices_lost(plan: Plan, successor: dict[str, str], after: list[Role]) -> int:
    return sum(
        1
        for c in plan.committees
        if KIND_INFO[c.kind].needs_clinical_voice
        and _clinical_on(plan.roles, c.id)
        and not _clinical_on(after, successor[c.id])
    )


def _pro_fires(plan: Plan, committee_id: str, roles: list[Role]) -> bool:
    c = next(c for c in plan.committees if c.id == committee_id)
    if not KIND_INFO[c.kind].needs_clinical_voice:
        return False
    table = {p.name.strip().casefold(): p for p in plan.programmes}
    for area in c.programme_areas:
        programme = table.get(area.strip().casefold())
        if programme is None:
            continue
        syn = {k.strip().lower(): v.strip().lower() for k, v in plan.profession_synonyms.items()}

        def canon(text: str, syn: dict[str, str] = syn) -> str:
            return syn.get(text.strip().lower(), text.strip().lower())

        wanted = {canon(p) for p in programme.professions} - {""}
        if wanted and not any(canon(r.profession) in wanted for r in _clinical_on(roles, c.id)):
            return True
    return False


def _professions_lost(
    plan: Plan, joined: Plan, successor: dict[str, str], after: list[Role]
) -> int:
    return sum(
        1
        for c in plan.committees
        if _clinical_on(plan.roles, c.id)
        and not _pro_fires(plan, c.id, plan.roles)
        and _pro_fires(joined, successor[c.id], after)
    )


def _displaced(before: list[Role], after: list[Role]) -> int:
    kept = {r.id for r in after}
    return len({r.holder_id for r in before if r.holder_id and r.id not in kept})
