"""People: load beyond capacity, and development needs in sources of influence."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from govplanner.analysis.context import AnalysisContext
from govplanner.analysis.result import Finding, make_finding
from govplanner.analysis.rules.common import function_text, name_list, number, person_finding
from govplanner.domain.catalogue import FUNCTION_SOURCES
from govplanner.domain.enums import FUNCTIONS, Function, Severity, Source, SubjectKind
from govplanner.domain.model import Person

#: Sums of sessions such as 1.1 + 1.1 + 1.8 must not count as over a capacity of 4.
_TOLERANCE = 1e-9


def _over(
    ctx: AnalysisContext, recorded: bool, chosen: Iterable[Person] | None = None
) -> Iterator[tuple[Person, float, float]]:
    """People whose roles' sessions exceed their capacity: recorded, or (if not ``recorded``)
    the plan's default, for people whose capacity nobody recorded. Every holder is judged,
    or only the ``chosen`` people."""
    people, default, load = ctx.people, ctx.plan.default_capacity, ctx.roles.load
    if chosen is not None:
        loads = [(p.id, load[p.id]) for p in chosen if p.id in load]
    elif recorded:  # only people with a capacity can be over it: most have none recorded
        loads = [
            (p.id, load[p.id]) for p in people.values() if p.capacity is not None and p.id in load
        ]
    else:  # within the default: no LOD002, whoever it is (most holders, dropped at once)
        limit = default + _TOLERANCE
        loads = [(pid, total) for pid, total in load.items() if total > limit]
    for person_id, total in loads:
        if not recorded and total <= default + _TOLERANCE:
            continue
        person = people.get(person_id)
        if person is None:  # a dangling holder: integrity reports it
            continue
        capacity = person.capacity
        if (capacity is not None) is not recorded:
            continue
        if capacity is None:
            capacity = default
        if total > capacity + _TOLERANCE:
            yield person, total, capacity


def _sessions(total: float) -> str:
    """'1 session', '4.5 sessions'."""
    return f"{number(total)} {'session' if total == 1 else 'sessions'}"


def lod001(ctx: AnalysisContext, people: Iterable[Person] | None = None) -> Iterator[Finding]:
    """The sessions of a person's roles add up to more than their recorded capacity."""
    held, w = ctx.roles.held, ctx.words
    for person, total, capacity in _over(ctx, True, people):
        titles = name_list([r.title for r in held[person.id]])
        yield person_finding(
            "LOD001",
            Severity.WARNING,
            person,
            f"{person.name} holds {w.roles} adding up to {_sessions(total)} a week "
            f"({titles}), more than their capacity of {number(capacity)}.",
            f"Reduce the sessions of {person.name}'s {w.roles}, pass one of them to someone "
            "else, or record a higher capacity for them if more time has been agreed.",
        )


def lod002(ctx: AnalysisContext, people: Iterable[Person] | None = None) -> Iterator[Finding]:
    """Nobody recorded the person's capacity and their roles' sessions exceed the default."""
    held, w = ctx.roles.held, ctx.words
    for person, total, default in _over(ctx, False, people):
        titles = name_list([r.title for r in held[person.id]])
        yield person_finding(
            "LOD002",
            Severity.INFO,
            person,
            f"{person.name} holds {w.roles} adding up to {_sessions(total)} a week "
            f"({titles}), more than the plan's default capacity of {number(default)}. Their "
            "own capacity is not recorded, so this is an assumption to confirm, not a known "
            "overload.",
            f"Record {person.name}'s capacity in sessions a week: in the app, in the Capacity "
            "field of their form under People; in a register, in the Capacity column of the "
            "People sheet. If their roles fit within it, this finding goes away.",
        )


#: function -> (its name in a sentence, the sources it draws on joined by "or")
_DEV_TEXT = {
    f: (function_text(f), " or ".join(s.label.lower() for s in FUNCTION_SOURCES[f]))
    for f in FUNCTIONS
}


def _lacking(sources: Iterable[Source]) -> tuple[Function, ...]:
    """The functions (in order) whose sources of influence none of these sources is."""
    has = set(sources)
    return tuple(f for f in FUNCTIONS if not has.intersection(FUNCTION_SOURCES[f]))


def dev001(ctx: AnalysisContext, people: Iterable[Person] | None = None) -> Iterator[Finding]:
    """A person provides a function through a clinical role without its sources of influence."""
    held = ctx.roles.held
    lacking_by_sources: dict[tuple[Source, ...], tuple[Function, ...]] = {}
    for person in ctx.plan.people if people is None else people:
        sources = person.sources
        if sources is None:
            continue
        roles = held.get(person.id)
        if roles is None:
            continue
        key = tuple(sources)
        lacking = lacking_by_sources.get(key)
        if lacking is None:
            lacking = lacking_by_sources[key] = _lacking(key)
        if not lacking:
            continue
        if len(roles) == 1:  # most people hold one role: no list to filter per function
            role = roles[0]
            if role.clinical:
                provides = role.functions
                for function in lacking:
                    if function in provides:
                        yield _dev_finding(person, function, [role.title])
            continue
        for function in lacking:
            titles = [r.title for r in roles if r.clinical and function in r.functions]
            if titles:
                yield _dev_finding(person, function, titles)


def _dev_finding(person: Person, function: Function, titles: list[str]) -> Finding:
    what, needed = _DEV_TEXT[function]
    name = person.name
    return make_finding(  # person_finding's fields, built directly: thousands at national scale
        "DEV001",
        Severity.INFO,
        SubjectKind.PERSON,
        person.id,
        name,
        function,
        None,
        None,
        None,
        None,
        f"{name} provides {what} as {name_list(titles)}, but their recorded "
        f"sources of influence do not include {needed}, which {what} usually draws on.",
        f"Treat this as a development need rather than a gap: help {name} build "
        f"{needed}, for example through mentoring or a formal remit, or pair them with "
        "a leader who has it.",
    )
