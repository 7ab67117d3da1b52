"""Terms of office: filled roles whose term ends soon (TRM001) or has already ended (TRM002).

Both rules judge term ends against the analysis date (``ctx.as_of``), so a check run with a
fixed date gives the same answer on any day. :func:`upcoming_term_ends` lists the term ends
for the timeline in the app and the gap report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from govplanner.analysis.context import AnalysisContext
from govplanner.analysis.result import Finding
from govplanner.analysis.rules.common import long_date, role_finding
from govplanner.domain.enums import Severity
from govplanner.domain.model import Plan, Role

TermStatus = Literal["ended", "ending", "later"]


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def _holder_name(ctx: AnalysisContext, role: Role) -> str:
    holder = role.holder_id or ""
    person = ctx.people.get(holder)
    return holder if person is None else person.name


def _termed(ctx: AnalysisContext, roles: Iterable[Role] | None) -> Iterable[Role]:
    """Filled roles with a term end: every one ending by the end of the warning window (the
    context lists them; later ones raise neither finding), or those of ``roles``."""
    if roles is None:
        return ctx.roles.terms
    return [r for r in roles if r.holder_id is not None and r.term_end is not None]


def trm001(ctx: AnalysisContext, roles: Iterable[Role] | None = None) -> Iterator[Finding]:
    """A filled role's term ends within the plan's warning window after the analysis date."""
    w, today = ctx.words, ctx.as_of
    last = today + dt.timedelta(days=ctx.plan.term_warning_days)
    for role in _termed(ctx, roles):
        end = role.term_end
        if end is None or not today <= end <= last:
            continue
        who, left = _holder_name(ctx, role), (end - today).days
        when = "today" if left == 0 else f"in {_days(left)}"
        yield role_finding(
            ctx,
            "TRM001",
            Severity.WARNING,
            role,
            f"The term of {role.title}, held by {who}, ends on {long_date(end)} ({when}).",
            f"Decide now whether to reappoint {who} or start recruitment for {role.title}, so "
            f"the {w.role} is not left empty; once agreed, record the new term end.",
        )


def trm002(ctx: AnalysisContext, roles: Iterable[Role] | None = None) -> Iterator[Finding]:
    """A role's term ended before the analysis date, yet the role is still shown as filled."""
    w, today = ctx.words, ctx.as_of
    for role in _termed(ctx, roles):
        end = role.term_end
        if end is None or end >= today:
            continue
        who = _holder_name(ctx, role)
        yield role_finding(
            ctx,
            "TRM002",
            Severity.CRITICAL,
            role,
            f"The term of {role.title} ended on {long_date(end)}, "
            f"{_days((today - end).days)} ago, but the {w.role} is still shown as held by {who}.",
            f"If {who} has been reappointed, record the new term; if not, mark {role.title} "
            "vacant and start recruitment, so the plan shows the cover that really exists.",
        )


@dataclass(frozen=True, slots=True)
class TermEnd:
    """One filled role's term end, for a timeline."""

    role_id: str
    role: str
    holder_id: str
    holder: str
    committees: tuple[str, ...]
    term_end: dt.date
    #: negative once the term has ended
    days_left: int
    #: 'ended' (before the date), 'ending' (within the plan's warning window), 'later'
    status: TermStatus


def upcoming_term_ends(
    plan: Plan, as_of: dt.date | None = None, horizon_days: int = 365
) -> list[TermEnd]:
    """Filled roles whose term has ended or ends within ``horizon_days``, soonest first.

    Ended terms are always listed (they need action whatever the horizon). The status uses the
    plan's ``term_warning_days``, so it matches TRM001 and TRM002.
    """
    today = dt.date.today() if as_of is None else as_of
    people = {p.id: p.name for p in plan.people}
    committees = {c.id: c.name for c in plan.committees}
    horizon = today + dt.timedelta(days=horizon_days)
    result = []
    for role in plan.roles:
        end = role.term_end
        if end is None or role.holder_id is None or end > horizon:
            continue
        left = (end - today).days
        status: TermStatus = (
            "ended" if left < 0 else "ending" if left <= plan.term_warning_days else "later"
        )
        result.append(
            TermEnd(
                role_id=role.id,
                role=role.title,
                holder_id=role.holder_id,
                holder=people.get(role.holder_id, role.holder_id),
                committees=tuple(committees[c] for c in role.committee_ids if c in committees),
                term_end=end,
                days_left=left,
                status=status,
            )
        )
    result.sort(key=lambda t: (t.term_end, t.role.casefold(), t.role_id))
    return result
