"""Small helpers shared by the analysis tests."""

from __future__ import annotations

from govplanner.analysis.engine import analyse
from govplanner.analysis.result import Finding
from govplanner.domain.enums import CommitteeKind, LineKind, Membership
from govplanner.domain.model import Committee, Line, Plan, Role, Seat
from tests.builders import PlanBuilder


def found(plan: Plan, code: str) -> list[Finding]:
    """The findings of one code, in the analysis's order."""
    return [f for f in analyse(plan).findings if f.code == code]


def subjects(plan: Plan, code: str) -> list[tuple[str, str | None]]:
    """(subject name, function id or None) of each finding of one code."""
    return [(f.subject, f.function.value if f.function else None) for f in found(plan, code)]


def programme_board() -> PlanBuilder:
    """A thematic tier under an executive one, with one programme board at Strategy setting.

    At Strategy setting a thematic committee needs analytical insight, representation and
    translation (essential) and relational work (expected).
    """
    return (
        PlanBuilder()
        .tier("System", "executive")
        .tier("Programme", "thematic")
        .tier("Neighbourhood", "project")
        .committee("ICB Board", tier="System")
        .committee("Mental Health Programme Board", tier="Programme", reports_to="ICB Board")
    )


# -- v2 structures the builder does not write: set on the built plan ---------------------------


def committee(plan: Plan, name: str) -> Committee:
    return next(c for c in plan.committees if c.name == name)


def role(plan: Plan, title: str, n: int = 1) -> Role:
    """The n-th role with this title (1 for the first)."""
    return [r for r in plan.roles if r.title == title][n - 1]


def set_kind(plan: Plan, name: str, kind: CommitteeKind | str) -> Plan:
    committee(plan, name).kind = CommitteeKind(kind)
    return plan


def seat_as(plan: Plan, title: str, on: str, membership: Membership | str) -> Plan:
    """Give the role's seat on the named committee this membership (adding the seat if none)."""
    target, cid = role(plan, title), committee(plan, on).id
    others = [s for s in target.seats if s.committee_id != cid]
    target.seats = [*others, Seat(committee_id=cid, membership=Membership(membership))]
    return plan


def deputise(plan: Plan, deputy: str, for_role: str, on: str) -> Plan:
    """Make ``deputy`` the deputy for ``for_role``, seated on the named committee as deputy."""
    role(plan, deputy).deputy_for_id = role(plan, for_role).id
    return seat_as(plan, deputy, on, Membership.DEPUTY)


def lines(plan: Plan, name: str, *targets: tuple[str, LineKind | str]) -> Plan:
    """Replace the committee's lines with these (target name, kind) pairs."""
    committee(plan, name).lines = [
        Line(to_id=committee(plan, to).id, kind=LineKind(kind)) for to, kind in targets
    ]
    return plan
