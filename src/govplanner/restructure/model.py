"""The reduction as a mixed-integer programme: one binary 'keep' column per free role.

Rows, each built in one pass over the facts:

- budget: sessions of kept in-scope roles <= budget;
- essential cover: every essential (committee, function) covered today keeps a filled
  provider (hard), or opens a gap column (``--allow-gaps``, minimised first);
- expected cover, single points of failure, overloads, professions, clinical voice and people
  displaced: a penalty column each, pushed to 1 exactly when the harm happens, weighted.

Roles fixed by scope, ``--keep`` or ``--retire`` are constants, never columns.

With ``--combine-in-common``: a binary y_G per combinable group G (weighted ``combined``);
a pair, clinical voice or area of G's committees may also be kept by any role on any of G's
committees once G is combined: z <= y_G, z <= sum of those roles' columns, and the row that
keeps it gets + z. A single point of failure that G's combining dissolves is weighed only
when G is not combined.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from govplanner.restructure.facts import TOLERANCE, Choice, Facts, Pair, Voice
from govplanner.restructure.outcome import Weights
from govplanner.restructure.solver import INF, Model


@dataclass
class Built:
    """A model and how to read it back."""

    model: Model
    #: role index -> its column (free roles only)
    columns: dict[int, int]
    #: essential pairs and their gap columns (``allow_gaps``); rows otherwise
    gap_columns: list[int] = field(default_factory=list)
    #: essential pairs no choice can cover (every provider retired by --retire)
    forced_gaps: list[Pair] = field(default_factory=list)
    #: the budget row, if any
    budget_row: int | None = None
    #: combinable group index -> its 'combined' column
    group_columns: list[int] = field(default_factory=list)


class _Builder:
    def __init__(self, facts: Facts, weights: Weights | None) -> None:
        self.facts = facts
        self.weights = weights
        self.m = Model()
        self.columns: dict[int, int] = {}
        retired = 0.0 if weights is None else weights.retired
        for index, choice in enumerate(facts.choice):
            if choice is Choice.FREE:  # retiring costs ``retired``: r * (1 - x)
                self.columns[index] = self.m.column(0.0, 1.0, -retired, integer=True)
                self.m.offset += retired
        combined = 0.0 if weights is None else weights.combined
        groups = [self.m.column(0.0, 1.0, combined, integer=True) for _ in facts.groups]
        self.built = Built(self.m, self.columns, group_columns=groups)
        self.joints: dict[tuple[int, tuple[int, ...]], int | None] = {}

    def terms(self, indices: Iterable[int]) -> tuple[list[int], int]:
        """The free columns among ``indices`` and how many are kept for certain."""
        cols, fixed = [], 0
        choice, columns = self.facts.choice, self.columns
        for i in indices:
            c = choice[i]
            if c is Choice.FREE:
                cols.append(columns[i])
            elif c is Choice.KEEP:
                fixed += 1
        return cols, fixed

    def joint(self, group: int | None, roles: tuple[int, ...]) -> int | None:
        """z: 1 only if the group is combined and one of ``roles`` (on any of its committees)
        is kept; None when there is no group or none of the roles can be kept."""
        if group is None:
            return None
        key = (group, roles)
        if key not in self.joints:
            cols, fixed = self.terms(roles)
            z = None
            if cols or fixed:
                z = self.m.column(0.0, 1.0)
                self.m.row([z, self.built.group_columns[group]], [1.0, -1.0], -INF, 0.0)
                if not fixed:
                    self.m.row([z, *cols], [1.0] + [-1.0] * len(cols), -INF, 0.0)
            self.joints[key] = z
        return self.joints[key]

    def at_least_one(
        self, indices: Iterable[int], penalty: int | None, joint: int | None = None
    ) -> bool:
        """sum(kept) + joint + penalty >= 1; False when nothing can keep it (a certain loss)."""
        cols, fixed = self.terms(indices)
        if fixed:
            return True
        if joint is not None:
            cols.append(joint)
        if not cols:
            return False
        if penalty is not None:
            cols.append(penalty)
        self.m.row(cols, [1.0] * len(cols), 1.0, INF)
        return True

    # -- the parts ---------------------------------------------------------------------------

    def essential(self, allow_gaps: bool) -> None:
        for pair in self.facts.essential:
            gap = self.m.column(0.0, 1.0) if allow_gaps else None
            if not self.at_least_one(pair.providers, gap, self.joint(pair.group, pair.joint)):
                self.built.forced_gaps.append(pair)
            if gap is not None:
                self.built.gap_columns.append(gap)

    def expected(self, weight: float) -> None:
        for pair in self.facts.expected:
            joint = self.joint(pair.group, pair.joint)
            self.at_least_one(pair.providers, self.m.column(0.0, 1.0, weight), joint)

    def voices(self, voices: list[Voice], weight: float) -> None:
        for voice in voices:
            lost = self.m.column(0.0, 1.0, weight)
            joints = voice.joint or ((),) * len(voice.groups)
            for group, joint in zip(voice.groups, joints, strict=True):
                self.at_least_one(group, lost, self.joint(voice.group, joint))

    def displaced(self, weight: float) -> None:
        for roles in self.facts.held.values():
            cols, _ = self.terms(roles)
            if not cols or any(self.facts.choice[i] is Choice.RETIRE for i in roles):
                continue  # never displaced, or displaced whatever the choice
            gone = self.m.column(0.0, 1.0, weight)
            for col in cols:
                self.m.row([gone, col], [1.0, 1.0], 1.0, INF)

    def overloads(self, weight: float) -> None:
        facts, m = self.facts, self.m
        for load in facts.loads:
            fixed = sum(facts.sessions(i) for i in load.roles if facts.choice[i] is Choice.KEEP)
            free = [i for i in load.roles if facts.choice[i] is Choice.FREE]
            spare = load.capacity + TOLERANCE - fixed
            most = sum(facts.sessions(i) for i in free)
            if spare < 0 or most <= spare:
                continue  # overloaded whatever the choice, or never
            over = m.column(0.0, 1.0, weight, integer=True)
            cols = [self.columns[i] for i in free]
            values = [facts.sessions(i) for i in free]
            m.row([*cols, over], [*values, -(most - spare)], -INF, spare)

    def single_points(self, weight: float, *, covered: bool) -> None:
        """GAP003: one person left providing a tier's essential function.

        With ``covered`` (hard cover: every group keeps at least one provider, since each of
        its providers covers an essential pair today) a single point of failure is 'fewer
        than two people provide': penalty + sum(z_p) >= 2, with z_p <= p's kept providers.
        Otherwise: penalty >= z_p - (the others providing), z_p exactly 'p still provides'.
        """
        m = self.m
        for point in self.facts.single_points:
            certain, providing = self._providing(point.holders.values(), covered)
            y = None if point.group is None else self.built.group_columns[point.group]
            if certain >= 2 or (not providing and (certain == 0 or y is None)):
                continue  # the same whatever the choice
            s = m.column(0.0, 1.0, weight if y is None else 0.0)
            if y is not None:  # weighed only when the group is not combined: p >= s - y
                m.row([m.column(0.0, 1.0, weight), s, y], [1.0, -1.0, 1.0], 0.0, INF)
            if not providing:  # one person for certain: a single point unless combined
                m.row([s], [1.0], 1.0, INF)
                continue
            if covered:
                m.row([s, *providing], [1.0] * (len(providing) + 1), 2.0 - certain, INF)
                continue
            total = m.column(0.0, float(len(providing)))
            m.row([total, *providing], [1.0] + [-1.0] * len(providing), 0.0, 0.0)
            for z in providing:
                m.row([s, z, total], [1.0, -2.0, 1.0], -float(certain), INF)
            if certain:
                m.row([s, total], [1.0, 1.0], 1.0, INF)

    def _providing(
        self, holders: Iterable[tuple[int, ...]], covered: bool
    ) -> tuple[int, list[int]]:
        """(people providing for certain, a column per person who may: 1 only if they do)."""
        m, certain, providing = self.m, 0, []
        for roles in holders:
            cols, fixed = self.terms(roles)
            if fixed:
                certain += 1
            elif len(cols) == 1 and covered:
                providing.append(cols[0])
            elif cols:
                z = m.column(0.0, 1.0)
                if not covered:
                    for col in cols:
                        m.row([col, z], [1.0, -1.0], -INF, 0.0)
                m.row([z, *cols], [1.0] + [-1.0] * len(cols), -INF, 0.0)
                providing.append(z)
        return certain, providing

    def budget(self, budget: float) -> None:
        facts = self.facts
        fixed = sum(
            facts.sessions(i)
            for i, c in enumerate(facts.choice)
            if c is Choice.KEEP and facts.in_scope[i]
        )
        cols, values = [], []
        for i, col in self.columns.items():
            if facts.in_scope[i] and facts.sessions(i):
                cols.append(col)
                values.append(facts.sessions(i))
        self.built.budget_row = self.m.row(cols, values, -INF, budget - fixed + 1e-9)


def build_model(facts: Facts, budget: float, weights: Weights, *, allow_gaps: bool) -> Built:
    """The full model: budget, essential cover (hard or as gaps) and the weighted harms.

    The gap columns cost nothing here: with ``allow_gaps`` the caller first minimises their
    sum alone, then bounds it and minimises the weighted harms (critical gaps first).
    """
    b = _Builder(facts, weights)
    b.budget(budget)
    b.essential(allow_gaps)
    b.expected(weights.expected_gap)
    b.single_points(weights.single_point, covered=not allow_gaps)
    b.overloads(weights.overload)
    b.voices(facts.professions, weights.profession)
    b.voices(facts.voices, weights.clinical_voice)
    b.displaced(weights.displaced)
    return b.built


def build_least_budget(facts: Facts) -> Built:
    """Least in-scope sessions that keep every covered essential function covered."""
    b = _Builder(facts, None)
    for i, col in b.columns.items():
        b.m.cost[col] = facts.sessions(i) if facts.in_scope[i] else 0.0
    b.essential(allow_gaps=False)
    return b.built
