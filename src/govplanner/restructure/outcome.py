"""What keeping a set of roles leads to, counted straight from the facts (no solver).

The optimiser's objective and the proposal's report both come down to these counts, so a
proposal's figures can be checked against the plan without trusting the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from govplanner.restructure.facts import TOLERANCE, Facts, Pair


@dataclass(frozen=True)
class Weights:
    """How much each kind of harm counts among choices within the budget (user-editable).

    Opened essential gaps are not weighed here: they are forbidden, or with ``--allow-gaps``
    minimised first, before any of these.
    """

    expected_gap: float = 10.0
    single_point: float = 5.0
    overload: float = 2.0
    profession: float = 5.0
    clinical_voice: float = 10.0
    displaced: float = 1.0
    retired: float = 0.1

    NAMES = (
        "expected_gap",
        "single_point",
        "overload",
        "profession",
        "clinical_voice",
        "displaced",
        "retired",
    )

    def as_json(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in self.NAMES}


#: What each weight counts, for reports and --help.
WEIGHT_MEANINGS = {
    "expected_gap": "an expected function left with no filled provider (GAP001/GAP002 warning)",
    "single_point": "a tier and function left resting on one person (GAP003)",
    "overload": "a person still holding more sessions than their capacity (LOD001)",
    "profession": "a committee left with no role from its area's professions (PRO001)",
    "clinical_voice": "a committee left with no clinical role at all (CLN001)",
    "displaced": "a person who loses a role they hold",
    "retired": "a role retired (a little, so nothing is cut beyond what the budget needs)",
}


@dataclass(frozen=True)
class Outcome:
    """The counts for one choice of roles kept."""

    essential_gaps: tuple[Pair, ...]
    expected_gaps: tuple[Pair, ...]
    single_points: int
    overloads: int
    professions_lost: tuple[str, ...]
    voices_lost: tuple[str, ...]
    displaced: tuple[str, ...]
    scope_sessions: float
    retired: int
    kept: tuple[bool, ...] = field(repr=False, default=())

    def penalty(self, weights: Weights) -> float:
        """The weighted secondary objective the optimiser minimises."""
        return (
            weights.expected_gap * len(self.expected_gaps)
            + weights.single_point * self.single_points
            + weights.overload * self.overloads
            + weights.profession * len(self.professions_lost)
            + weights.clinical_voice * len(self.voices_lost)
            + weights.displaced * len(self.displaced)
            + weights.retired * self.retired
        )

    def counts(self) -> dict[str, Any]:
        return {
            "essential_gaps": len(self.essential_gaps),
            "expected_gaps": len(self.expected_gaps),
            "single_points": self.single_points,
            "overloads": self.overloads,
            "professions_lost": len(self.professions_lost),
            "clinical_voices_lost": len(self.voices_lost),
            "people_displaced": len(self.displaced),
            "roles_retired": self.retired,
            "scope_sessions": round(self.scope_sessions, 6),
        }


def outcome(facts: Facts, kept: Sequence[bool]) -> Outcome:
    """The counts when exactly the roles with ``kept[i]`` stay."""

    def uncovered(pairs: list[Pair]) -> tuple[Pair, ...]:
        return tuple(p for p in pairs if not any(kept[i] for i in p.providers))

    single = 0
    for point in facts.single_points:
        providing = sum(1 for roles in point.holders.values() if any(kept[i] for i in roles))
        single += providing == 1
    overloads = 0
    for load in facts.loads:
        total = sum(facts.sessions(i) for i in load.roles if kept[i])
        overloads += total > load.capacity + TOLERANCE
    return Outcome(
        essential_gaps=uncovered(facts.essential),
        expected_gaps=uncovered(facts.expected),
        single_points=single,
        overloads=overloads,
        professions_lost=tuple(
            v.committee_id
            for v in facts.professions
            if any(not any(kept[i] for i in g) for g in v.groups)
        ),
        voices_lost=tuple(
            v.committee_id for v in facts.voices if not any(kept[i] for i in v.groups[0])
        ),
        displaced=tuple(p for p, roles in facts.held.items() if not all(kept[i] for i in roles)),
        scope_sessions=sum(
            facts.sessions(i) for i, k in enumerate(kept) if k and facts.in_scope[i]
        ),
        retired=sum(1 for k in kept if not k),
        kept=tuple(kept),
    )
