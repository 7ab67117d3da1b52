"""People: load beyond capacity, and development needs in sources of influence."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from govplanner.analysis.context import AnalysisContext
from govplanner.analysis.result import Finding
from govplanner.analysis.rules.common import function_text, name_list, number, person_finding
from govplanner.domain.catalogue import FUNCTION_SOURCES
from govplanner.domain.enums import FUNCTIONS, Function, Severity
from govplanner.domain.model import Person, Role

#: Sums of sessions such as 1.1 + 1.1 + 1.8 must not count as over a capacity of 4.
_TOLERANCE = 1e-9


def lod001(ctx: AnalysisContext) -> Iterator[Finding]:
    """The sessions of the roles a person holds add up to more than their capacity."""
    over: list[tuple[Person, float, float]] = []
    for person_id, total in ctx.roles.load.items():
        person = ctx.people.get(person_id)
        if person is None:  # a dangling holder: integrity reports it
            continue
        capacity = ctx.plan.capacity_of(person)
        if total > capacity + _TOLERANCE:
            over.append((person, total, capacity))
    held = ctx.roles_held([person.id for person, _, _ in over])
    w = ctx.words
    for person, total, capacity in over:
        titles = name_list([r.title for r in held[person.id]])
        yield person_finding(
            "LOD001",
            Severity.WARNING,
            person,
            f"{person.name} holds {w.roles} adding up to {number(total)} sessions a week "
            f"({titles}), more than their capacity of {number(capacity)}.",
            f"Reduce the sessions of {person.name}'s {w.roles}, pass one of them to someone "
            "else, or record a higher capacity for them if more time has been agreed.",
        )


def _provided(roles: Iterable[Role]) -> dict[Function, list[str]]:
    """Function -> titles of the clinical roles providing it, from a person's roles."""
    provided: dict[Function, list[str]] = {}
    for role in roles:
        if role.clinical:
            for function in dict.fromkeys(role.functions):
                provided.setdefault(function, []).append(role.title)
    return provided


#: function -> (its name in a sentence, the sources it draws on joined by "or")
_DEV_TEXT = {
    f: (function_text(f), " or ".join(s.label.lower() for s in FUNCTION_SOURCES[f]))
    for f in FUNCTIONS
}


def dev001(ctx: AnalysisContext) -> Iterator[Finding]:
    """A person provides a function through a clinical role without its sources of influence."""
    recorded = [p for p in ctx.plan.people if p.sources is not None]
    held = ctx.roles_held([p.id for p in recorded])
    for person in recorded:
        provided = _provided(held[person.id])
        has = set(person.sources or ())
        for function in FUNCTIONS:
            titles = provided.get(function)
            if not titles or has.intersection(FUNCTION_SOURCES[function]):
                continue
            what, needed = _DEV_TEXT[function]
            yield person_finding(
                "DEV001",
                Severity.INFO,
                person,
                f"{person.name} provides {what} as {name_list(titles)}, but their recorded "
                f"sources of influence do not include {needed}, which {what} usually draws on.",
                f"Treat this as a development need rather than a gap: help {person.name} build "
                f"{needed}, for example through mentoring or a formal remit, or pair them with "
                "a leader who has it.",
                function=function,
            )
