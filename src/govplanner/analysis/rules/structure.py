"""Structure: reporting lines (loops, upside-down, missing) and roles that cannot count."""

from __future__ import annotations

from collections.abc import Iterator

from govplanner.analysis.context import AnalysisContext
from govplanner.analysis.result import Finding
from govplanner.analysis.rules.common import article, committee_finding, role_finding, tier_label
from govplanner.domain.enums import Level, Severity
from govplanner.domain.model import Committee, Role

_LOOP_NAMES_SHOWN = 5
_ORDER = {level: level.order for level in Level}


def reporting_cycles(ctx: AnalysisContext) -> list[list[Committee]]:
    """Every loop of reporting lines, each in reporting order; linear in the committees.

    Each committee reports to at most one other, so walking up from each unvisited committee
    either ends, reaches a committee already settled, or meets the walk itself: a loop.
    """
    settled: set[str] = set()
    cycles: list[list[Committee]] = []
    for start in ctx.plan.committees:
        walk: list[Committee] = []
        position: dict[str, int] = {}
        node: Committee | None = start
        while node is not None and node.id not in settled and node.id not in position:
            position[node.id] = len(walk)
            walk.append(node)
            node = ctx.parent(node)
        if node is not None and node.id in position:
            cycles.append(walk[position[node.id] :])
        settled.update(position)
    return cycles


def _loop_text(cycle: list[Committee], first: int, committees: str) -> str:
    """'A → B → C → A', starting at ``cycle[first]``, shortened for long loops."""
    names = [cycle[(first + i) % len(cycle)].name for i in range(len(cycle))]
    if len(names) > _LOOP_NAMES_SHOWN:
        shown = " → ".join(names[:_LOOP_NAMES_SHOWN])
        return f"{shown} → … → {names[0]}, {len(names)} {committees} in all"
    return " → ".join([*names, names[0]])


def str001(ctx: AnalysisContext) -> Iterator[Finding]:
    """The committee lies on a loop of reporting lines."""
    w = ctx.words
    for cycle in reporting_cycles(ctx):
        for i, committee in enumerate(cycle):
            yield committee_finding(
                ctx,
                "STR001",
                Severity.CRITICAL,
                committee,
                f"{committee.name} is part of a loop of reporting lines "
                f"({_loop_text(cycle, i, w.committees)}), so its accountability never reaches "
                "the top of the structure.",
                f"Change whom one of the {w.committees} in the loop reports to, so that the line "
                f"leads up to an executive {w.committee}.",
            )


def _where(ctx: AnalysisContext, committee: Committee) -> str:
    tier, word = ctx.tiers.get(committee.tier_id), ctx.words.tier
    if tier is None:
        return f"an unknown {word}"
    return f"{tier_label(tier.name, word)}, {tier.level.value} level"


def str002(ctx: AnalysisContext) -> Iterator[Finding]:
    """The committee reports to a committee at a lower level than its own."""
    for committee in ctx.plan.committees:
        parent = ctx.parent(committee)
        if parent is None:
            continue
        level, parent_level = ctx.levels.get(committee.id), ctx.levels.get(parent.id)
        if level is None or parent_level is None or _ORDER[parent_level] <= _ORDER[level]:
            continue
        yield committee_finding(
            ctx,
            "STR002",
            Severity.WARNING,
            committee,
            f"{committee.name} ({_where(ctx, committee)}) reports to {parent.name}, which sits "
            f"at a lower level ({_where(ctx, parent)}); accountability should run upward.",
            f"Make {committee.name} report to {article(ctx.words.committee)} at its own level "
            f"or above, or check that both {ctx.words.committees} are on the right "
            f"{ctx.words.tiers}.",
        )


def _holding(ctx: AnalysisContext, role: Role) -> str:
    if role.holder_id is None:
        return "vacant"
    person = ctx.people.get(role.holder_id)
    return f"held by {role.holder_id if person is None else person.name}"


def str003(ctx: AnalysisContext) -> Iterator[Finding]:
    """The role sits on no committee."""
    w = ctx.words
    for role in ctx.roles.unseated:
        yield role_finding(
            ctx,
            "STR003",
            Severity.WARNING,
            role,
            f"The {w.role} {role.title} ({_holding(ctx, role)}) sits on no {w.committee}, so it "
            f"adds nothing to any {w.committee}'s clinical leadership.",
            f"Give {role.title} a seat on the {w.committee} or {w.committees} it serves, or "
            "remove it if it is no longer needed.",
        )


def str004(ctx: AnalysisContext) -> Iterator[Finding]:
    """A clinical role declares no function."""
    w = ctx.words
    for role in ctx.roles.unfunctioned:
        yield role_finding(
            ctx,
            "STR004",
            Severity.WARNING,
            role,
            f"The clinical {w.role} {role.title} ({_holding(ctx, role)}) declares no clinical "
            f"leadership function, so it counts towards no {w.committee}'s cover.",
            f"Choose the functions {role.title} is expected to provide: analytical insight, "
            "representation, translation & communication or relational work.",
        )


def str005(ctx: AnalysisContext) -> Iterator[Finding]:
    """A committee below the executive level reports to no committee."""
    w = ctx.words
    for committee in ctx.plan.committees:
        level = ctx.levels.get(committee.id)
        if level is None or level is Level.EXECUTIVE or ctx.parent(committee) is not None:
            continue
        yield committee_finding(
            ctx,
            "STR005",
            Severity.INFO,
            committee,
            f"{committee.name} ({_where(ctx, committee)}) reports to no {w.committee}, so it is "
            "not clear who delegates work to it or whom it answers to.",
            f"Set the {w.committee} that {committee.name} reports to, usually one in the "
            f"{w.tier} above.",
        )
