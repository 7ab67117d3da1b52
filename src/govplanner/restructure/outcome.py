"""What keeping a set of roles leads to, counted straight from the facts (no solver).

The optimiser's objective and the proposal's report both come down to these counts, so a
proposal's figures can be checked against the plan without trusting the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from govplanner.restructure.facts import TOLERANCE, Facts, Pair, Voice


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
    combined: float = 0.5

    NAMES = (
        "expected_gap",
        "single_point",
        "overload",
        "profession",
        "clinical_voice",
        "displaced",
        "retired",
        "combined",
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
    "combined": "committees in common made one joint committee (a little, so they are "
    "combined only when that saves something; only with --combine-in-common)",
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
    #: groups of committees in common made one joint committee
    combined: int = 0

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
            + weights.combined * self.combined
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
            "groups_combined": self.combined,
            "scope_sessions": round(self.scope_sessions, 6),
        }


def covering(pair: Pair, combined: Sequence[bool] = ()) -> tuple[int, ...]:
    """The roles whose keeping covers ``pair``: its providers, and with its group combined,
    the providers on any committee of the group."""
    if pair.group is not None and combined and combined[pair.group]:
        return pair.joint
    return pair.providers


def voice_kept(voice: Voice, group: int, kept: Sequence[bool], combined: Sequence[bool]) -> bool:
    joined = voice.group is not None and combined and combined[voice.group]
    roles = voice.joint[group] if joined else voice.groups[group]
    return any(kept[i] for i in roles)


def outcome(facts: Facts, kept: Sequence[bool], combined: Sequence[bool] = ()) -> Outcome:
    """The counts when exactly the roles with ``kept[i]`` stay (and, with ``combined[g]``,
    the committees in common of ``facts.groups[g]`` become one joint committee)."""

    def uncovered(pairs: list[Pair]) -> tuple[Pair, ...]:
        return tuple(p for p in pairs if not any(kept[i] for i in covering(p, combined)))

    single = 0
    for point in facts.single_points:
        if point.group is not None and combined and combined[point.group]:
            continue  # one joint committee: the tier no longer has two that need f
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
            if not all(voice_kept(v, g, kept, combined) for g in range(len(v.groups)))
        ),
        voices_lost=tuple(
            v.committee_id for v in facts.voices if not voice_kept(v, 0, kept, combined)
        ),
        displaced=tuple(p for p, roles in facts.held.items() if not all(kept[i] for i in roles)),
        scope_sessions=sum(
            facts.sessions(i) for i, k in enumerate(kept) if k and facts.in_scope[i]
        ),
        retired=sum(1 for k in kept if not k),
        kept=tuple(kept),
        combined=sum(1 for c in combined if c),
    )
