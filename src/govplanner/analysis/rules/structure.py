"""Structure: reporting lines (loops, upside-down, missing) and roles that cannot count.

Only accountable lines count for STR001, STR002 and STR005 (DOMAIN.md v2): an advisory line
never makes a loop, and advising a committee is not answering to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from govplanner.analysis.context import AnalysisContext
from govplanner.analysis.result import Finding
from govplanner.analysis.rules.common import (
    article,
    committee_finding,
    name_list,
    role_finding,
    tier_label,
)
from govplanner.domain.enums import Level, LineKind, Severity
from govplanner.domain.model import Committee, Role

_LOOP_NAMES_SHOWN = 5
_ORDER = {level: level.order for level in Level}


def accountable_graph(ctx: AnalysisContext) -> dict[str, list[str]]:
    """Committee id -> the existing committees it is accountable to (advisory lines never
    count; a repeated line counts once)."""
    committees, accountable = ctx.committees, LineKind.ACCOUNTABLE
    graph: dict[str, list[str]] = {}
    for committee in ctx.plan.committees:
        lines = committee.lines
        if len(lines) == 1:  # the common case, kept cheap
            line = lines[0]
            ok = line.kind is accountable and line.to_id in committees
            graph[committee.id] = [line.to_id] if ok else []
            continue
        targets: list[str] = []
        for line in lines:
            to = line.to_id
            if line.kind is accountable and to in committees and to not in targets:
                targets.append(to)
        graph[committee.id] = targets
    return graph


def cyclic_groups(graph: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components that hold a cycle (two or more committees, or one
    accountable to itself): linear in the lines."""
    if all(len(targets) < 2 for targets in graph.values()):
        return _single_line_cycles(graph)
    return _tarjan(graph)


def _single_line_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """When each committee has at most one accountable line, its components with a cycle are
    the cycles themselves: walk up from each committee until the walk ends, meets a settled
    committee, or meets itself (a cycle)."""
    settled: set[str] = set()
    cycles: list[list[str]] = []
    for start in graph:
        if start in settled:  # met on an earlier walk
            continue
        walk: list[str] = []
        position: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in settled and node not in position:
            position[node] = len(walk)
            walk.append(node)
            targets = graph[node]
            node = targets[0] if targets else None
        if node is not None and node in position:
            cycles.append(walk[position[node] :])
        settled.update(position)
    return cycles


def _tarjan(graph: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, without recursion."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(graph[root]))]
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(graph[target])))
                    break
                if target in on_stack and index[target] < low[node]:
                    low[node] = index[target]
            else:
                work.pop()
                if work and low[node] < low[work[-1][0]]:
                    low[work[-1][0]] = low[node]
                if low[node] == index[node]:
                    group = _pop_group(stack, on_stack, node)
                    if len(group) > 1 or node in graph[node]:
                        groups.append(group)
    return groups


def _pop_group(stack: list[str], on_stack: set[str], node: str) -> list[str]:
    group: list[str] = []
    while True:
        member = stack.pop()
        on_stack.discard(member)
        group.append(member)
        if member == node:
            return group[::-1]


def loop_through(graph: dict[str, list[str]], group: set[str], start: str) -> list[str]:
    """A shortest loop of lines from ``start`` back to it inside its group (start first)."""
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for target in graph[node]:
                if target == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return path[::-1]
                if target in group and target not in previous:
                    previous[target] = node
                    following.append(target)
        frontier = following
    return [start]  # not reached: every member of a cyclic group lies on a loop


def accountable_loops(ctx: AnalysisContext) -> list[list[Committee]]:
    """For every committee on a cycle of accountable lines, a loop through it (it first)."""
    graph = accountable_graph(ctx)
    loops: list[list[Committee]] = []
    for group in cyclic_groups(graph):
        members = set(group)
        for cid in group:
            loops.append([ctx.committees[i] for i in loop_through(graph, members, cid)])
    return loops


def _loop_text(names: list[str], committees: str) -> str:
    """'A → B → C → A', shortened for long loops."""
    if len(names) > _LOOP_NAMES_SHOWN:
        shown = " → ".join(names[:_LOOP_NAMES_SHOWN])
        return f"{shown} → … → {names[0]}, {len(names)} {committees} in all"
    return " → ".join([*names, names[0]])


def str001(ctx: AnalysisContext) -> Iterator[Finding]:
    """The committee lies on a cycle of accountable lines (one finding per committee)."""
    w = ctx.words
    for loop in accountable_loops(ctx):
        committee = loop[0]
        yield committee_finding(
            ctx,
            "STR001",
            Severity.CRITICAL,
            committee,
            f"{committee.name} is part of a loop of reporting lines "
            f"({_loop_text([c.name for c in loop], w.committees)}), so its accountability "
            "never reaches the top of the structure.",
            f"Change whom one of the {w.committees} in the loop reports to, so that the line "
            f"leads up to an executive {w.committee}.",
        )


def _where(ctx: AnalysisContext, committee: Committee) -> str:
    tier, word = ctx.tiers.get(committee.tier_id), ctx.words.tier
    if tier is None:
        return f"an unknown {word}"
    return f"{tier_label(tier.name, word)}, {tier.level.value} level"


def str002(
    ctx: AnalysisContext, committees: Iterable[Committee] | None = None
) -> Iterator[Finding]:
    """The committee is accountable to one or more committees at a lower level than its own
    (one finding per committee, naming them all)."""
    levels, by_id, accountable = ctx.levels, ctx.committees, LineKind.ACCOUNTABLE
    for committee in ctx.plan.committees if committees is None else committees:
        lines = committee.lines
        if not lines:
            continue
        level = levels.get(committee.id)
        if level is None:
            continue
        if len(lines) == 1:  # the common case: one line, judged without lists
            line = lines[0]
            parent = by_id.get(line.to_id) if line.kind is accountable else None
            if parent is not None:
                above = levels.get(parent.id)
                if above is not None and _ORDER[above] > _ORDER[level]:
                    yield _upside_down(ctx, committee, [parent])
            continue
        lower = [
            p
            for p in ctx.accountable_to(committee)
            if p.id in levels and _ORDER[levels[p.id]] > _ORDER[level]
        ]
        if lower:
            yield _upside_down(ctx, committee, lower)


def _upside_down(ctx: AnalysisContext, committee: Committee, lower: list[Committee]) -> Finding:
    w = ctx.words
    if len(lower) == 1:
        parent = lower[0]
        message = (
            f"{committee.name} ({_where(ctx, committee)}) reports to {parent.name}, which sits "
            f"at a lower level ({_where(ctx, parent)}); accountability should run upward."
        )
    else:
        each = "; ".join(f"{p.name} ({_where(ctx, p)})" for p in lower)
        message = (
            f"{committee.name} ({_where(ctx, committee)}) reports to {len(lower)} "
            f"{w.committees} at a lower level ({each}); accountability should run upward."
        )
    return committee_finding(
        ctx,
        "STR002",
        Severity.WARNING,
        committee,
        message,
        f"Make {committee.name} report to {article(w.committee)} at its own level or above, "
        f"or check that {'both' if len(lower) == 1 else 'these'} {w.committees} are on the "
        f"right {w.tiers}.",
    )


def _holding(ctx: AnalysisContext, role: Role) -> str:
    if role.holder_id is None:
        return "vacant"
    person = ctx.people.get(role.holder_id)
    return f"held by {role.holder_id if person is None else person.name}"


def unseated(ctx: AnalysisContext, role: Role) -> bool:
    """The role has no seat on a committee that exists (the context's ``unseated`` list)."""
    committees = ctx.committees
    return not any(seat.committee_id in committees for seat in role.seats)


def str003(ctx: AnalysisContext, roles: Iterable[Role] | None = None) -> Iterator[Finding]:
    """The role sits on no committee (judged for every role, or only for ``roles``)."""
    w = ctx.words
    chosen = ctx.roles.unseated if roles is None else [r for r in roles if unseated(ctx, r)]
    for role in chosen:
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


def str004(ctx: AnalysisContext, roles: Iterable[Role] | None = None) -> Iterator[Finding]:
    """A clinical role declares no function."""
    w = ctx.words
    chosen = (
        ctx.roles.unfunctioned
        if roles is None
        else [r for r in roles if r.clinical and not r.functions]
    )
    for role in chosen:
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


def str005(
    ctx: AnalysisContext, committees: Iterable[Committee] | None = None
) -> Iterator[Finding]:
    """A committee below the executive level has no accountable line to any committee."""
    w, levels, by_id = ctx.words, ctx.levels, ctx.committees
    executive, accountable = Level.EXECUTIVE, LineKind.ACCOUNTABLE
    for committee in ctx.plan.committees if committees is None else committees:
        level = levels.get(committee.id)
        if level is None or level is executive:
            continue
        lines = committee.lines
        if len(lines) == 1:  # the common case: ctx.parent's answer without the call
            line = lines[0]
            if line.kind is accountable and line.to_id in by_id:
                continue
        elif ctx.parent(committee) is not None:
            continue
        advises = [ctx.committees[i].name for i in committee.advises_ids if i in ctx.committees]
        only = f" (it only advises {name_list(advises)})" if advises else ""
        yield committee_finding(
            ctx,
            "STR005",
            Severity.INFO,
            committee,
            f"{committee.name} ({_where(ctx, committee)}) reports to no {w.committee}{only}, so "
            "it is not clear who delegates work to it or whom it answers to.",
            f"Set the {w.committee} that {committee.name} reports to, usually one in the "
            f"{w.tier} above.",
        )
