"""Quorum: committees whose filled members cannot make the quorum their terms of reference set.

Only seats whose membership is *member* count to a quorum (participants, attendees and
deputies do not vote); a role counts once however many seats it has on the committee.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from govplanner.analysis.context import AnalysisContext
from govplanner.analysis.result import Finding
from govplanner.analysis.rules.common import committee_finding, counted, name_list
from govplanner.domain.enums import Membership, Severity
from govplanner.domain.model import Committee, Role


def member_on(role: Role, committee_id: str) -> bool:
    """The role sits on the committee as a (voting) member."""
    return any(
        seat.committee_id == committee_id and seat.membership is Membership.MEMBER
        for seat in role.seats
    )


def members(ctx: AnalysisContext, committee: Committee) -> list[Role]:
    """The roles seated on the committee as members (plan order), filled or vacant."""
    cid = committee.id
    return [r for r in ctx.seats.get(cid, ()) if member_on(r, cid)]


def qrm001(
    ctx: AnalysisContext, committees: Iterable[Committee] | None = None
) -> Iterator[Finding]:
    """Fewer filled roles sit on the committee as members than its quorum."""
    w = ctx.words
    for committee in ctx.plan.committees if committees is None else committees:
        quorum = committee.quorum
        if quorum is None:
            continue
        seated = members(ctx, committee)
        filled = sum(1 for r in seated if r.holder_id is not None)
        if filled >= quorum:
            continue
        vacant = [r.title for r in seated if r.holder_id is None]
        if filled == 0:
            have = f"no filled {w.role} sits on it as a member"
        else:
            have = f"only {counted(filled, f'filled {w.role} sits', f'filled {w.roles} sit')} on "
            have += f"it as {'a member' if filled == 1 else 'members'}"
        waiting = ""
        if vacant:
            waiting = (
                f" ({counted(len(vacant), f'member {w.role}', f'member {w.roles}')} "
                f"{'is' if len(vacant) == 1 else 'are'} vacant: {name_list(vacant)})"
            )
        fill = f"Fill {name_list(vacant)}, or seat" if vacant else "Seat"
        yield committee_finding(
            ctx,
            "QRM001",
            Severity.WARNING,
            committee,
            f"{committee.name} needs {counted(quorum, 'member', 'members')} for a quorum, but "
            f"{have}{waiting}, so it cannot be quorate.",
            f"{fill} more members on {committee.name}, or correct its quorum if the terms of "
            "reference set a different one.",
        )


def qrm002(
    ctx: AnalysisContext, committees: Iterable[Committee] | None = None
) -> Iterator[Finding]:
    """The quorum must include a clinical or care professional member, and no filled clinical
    role sits on the committee as a member."""
    w = ctx.words
    for committee in ctx.plan.committees if committees is None else committees:
        if not committee.quorum_clinical:
            continue
        clinical = [r for r in members(ctx, committee) if r.clinical]
        if any(r.holder_id is not None for r in clinical):
            continue
        vacant = [r.title for r in clinical]
        waiting = ""
        if vacant:
            waiting = f" ({name_list(vacant)} {'is' if len(vacant) == 1 else 'are'} vacant)"
        fill = f"Fill {name_list(vacant)}, or make" if vacant else "Make"
        yield committee_finding(
            ctx,
            "QRM002",
            Severity.CRITICAL,
            committee,
            f"The quorum of {committee.name} must include a clinical or care professional "
            f"member, but no filled clinical {w.role} sits on it as a member{waiting}, so it "
            "cannot be quorate.",
            f"{fill} a filled clinical {w.role} a member of {committee.name} (a participant or "
            "attendee does not count to the quorum).",
        )
