"""Shared helpers for rules: building findings for each kind of subject, and wording."""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from collections.abc import Sequence

from govplanner.analysis.context import AnalysisContext
from govplanner.analysis.result import Finding, make_finding
from govplanner.domain.enums import Function, Severity, SubjectKind
from govplanner.domain.model import Committee, Person, Role, Tier


def function_text(function: Function) -> str:
    """The function's name as it reads inside a sentence ('analytical insight')."""
    return function.label.lower()


def tier_label(name: str, word: str = "tier") -> str:
    """'System tier' (or the name as it is, when the user already called it a tier).

    ``word`` is the plan's word for a tier ('level' makes 'System level').
    """
    return name if name.casefold().endswith(word.casefold()) else f"{name} {word}"


def article(word: str) -> str:
    """'a committee', 'an assembly': the indefinite article for a plan's own word."""
    return f"an {word}" if word[:1].lower() in "aeiou" else f"a {word}"


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(day: dt.date) -> str:
    """A date as UK readers write it, whatever the computer's locale: '31 March 2026'."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def number(value: float) -> str:
    """A number of sessions without a needless '.0' (4, 4.5)."""
    return f"{value:g}"


def counted(count: int, one: str, many: str) -> str:
    """'0 warnings', '1 warning', '2 warnings': a count with the noun that agrees with it."""
    return f"{count} {one if count == 1 else many}"


def name_list(names: Sequence[str], limit: int = 4, *, keep_order: bool = False) -> str:
    """'A', 'A and B', 'A, B and C', or 'A, B, C and 5 more'; repeats become 'A (×2)'.

    Names are sorted (ignoring case) unless ``keep_order``, so the text does not depend on
    the order of the plan's lists.
    """
    if len(names) == 1:  # the common case, kept cheap
        return names[0]
    if len(set(names)) == len(names):  # no repeats (most lists): no counting needed
        if not keep_order and 0 < limit < len(names):  # a principle may list thousands
            # the first few by (casefold, name), as the full sort below orders them
            first = heapq.nsmallest(limit - 1, zip(map(str.casefold, names), names, strict=True))
            return f"{', '.join(n for _folded, n in first)} and {len(names) - len(first)} more"
        # by (casefold, name): a stable sort by casefold of the names in order (C keys)
        shown = list(names) if keep_order else sorted(sorted(names), key=str.casefold)
    else:
        counts = Counter(names)
        unique = list(counts) if keep_order else sorted(sorted(counts), key=str.casefold)
        shown = [n if counts[n] == 1 else f"{n} (×{counts[n]})" for n in unique]
    if len(shown) > limit:
        kept = shown[: limit - 1]
        return f"{', '.join(kept)} and {len(shown) - len(kept)} more"
    if len(shown) <= 1:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


def committee_finding(
    ctx: AnalysisContext,
    code: str,
    severity: Severity,
    committee: Committee,
    message: str,
    remedy: str,
    *,
    function: Function | None = None,
    stage_id: str | None = None,
) -> Finding:
    tier = ctx.tiers.get(committee.tier_id)
    return make_finding(
        code,
        severity,
        SubjectKind.COMMITTEE,
        committee.id,
        committee.name,
        function,
        stage_id,
        ctx.stage_name(stage_id),
        None if tier is None else tier.id,
        None if tier is None else tier.name,
        message,
        remedy,
    )


def role_finding(
    ctx: AnalysisContext, code: str, severity: Severity, role: Role, message: str, remedy: str
) -> Finding:
    """A finding about a role; its tier is the tier of its first seat, if any."""
    tier: Tier | None = None
    for seat in role.seats:
        committee = ctx.committees.get(seat.committee_id)
        if committee is not None:
            tier = ctx.tiers.get(committee.tier_id)
            break
    return make_finding(
        code,
        severity,
        SubjectKind.ROLE,
        role.id,
        role.title,
        None,
        None,
        None,
        None if tier is None else tier.id,
        None if tier is None else tier.name,
        message,
        remedy,
    )


def person_finding(
    code: str,
    severity: Severity,
    person: Person,
    message: str,
    remedy: str,
    *,
    function: Function | None = None,
) -> Finding:
    return make_finding(
        code,
        severity,
        SubjectKind.PERSON,
        person.id,
        person.name,
        function,
        None,
        None,
        None,
        None,
        message,
        remedy,
    )


def tier_finding(
    code: str,
    severity: Severity,
    tier: Tier,
    message: str,
    remedy: str,
    *,
    function: Function | None = None,
) -> Finding:
    return make_finding(
        code,
        severity,
        SubjectKind.TIER,
        tier.id,
        tier.name,
        function,
        None,
        None,
        tier.id,
        tier.name,
        message,
        remedy,
    )
