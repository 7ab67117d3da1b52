"""Propose a reduction: which in-scope roles to keep within a budget of sessions, exactly.

The semantics (issue 14), so a result can be checked by hand:

- scope: the clinical roles (or every role); roles out of scope are always kept;
- budget: sessions a week of the in-scope roles kept, at most the budget (hard);
- hard by default: each essential (committee, function) that a filled provider covers today
  stays covered by a kept filled provider; when no choice within the budget does that, the
  answer is a refusal with the least budget that would (solved exactly) and the pairs that
  bind; with ``allow_gaps`` the fewest such pairs are opened instead, before anything else;
- among the choices left, the weighted harms of :class:`Weights` are minimised;
- with ``combine_in_common``, each group of committees in common that can be may also become
  one joint committee (``restructure.combine``), whose functions any provider on any of the
  group's committees covers; it is combined only when that lowers the weighted harms or is
  needed to keep cover within the budget.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from govplanner.domain.errors import GovplannerError
from govplanner.domain.model import Plan
from govplanner.domain.names import name_key
from govplanner.restructure.edit import remove_committees
from govplanner.restructure.facts import Choice, Facts, Group, Pair, read_facts
from govplanner.restructure.model import Built, build_least_budget, build_model
from govplanner.restructure.outcome import Outcome, Weights, covering, outcome
from govplanner.restructure.solver import GRACE, INF, Solution, solve


class ReduceError(GovplannerError):
    """A reduction that cannot be asked as given (names the option at fault)."""


@dataclass(frozen=True)
class Budget:
    """An absolute number of sessions a week, or a cut relative to today (``-20%``)."""

    sessions: float | None = None
    cut_percent: float | None = None

    def resolve(self, today: float) -> float:
        if self.sessions is not None:
            return self.sessions
        assert self.cut_percent is not None
        return today * (1.0 - self.cut_percent / 100.0)

    def text(self) -> str:
        if self.sessions is not None:
            return f"{self.sessions:g} sessions a week"
        return f"{self.cut_percent:g}% fewer sessions than today"


_PERCENT = re.compile(r"^\s*-\s*(\d+(?:\.\d+)?)\s*%\s*$")


def parse_budget(text: str) -> Budget:
    """'-20%' (a cut of 20% on today's sessions) or '35.5' (sessions a week)."""
    match = _PERCENT.match(text)
    if match:
        cut = float(match.group(1))
        if cut > 100:
            raise ReduceError(f"--budget {text}: a cut cannot be more than 100%.")
        return Budget(cut_percent=cut)
    try:
        sessions = float(text)
    except ValueError:
        raise ReduceError(
            f"--budget '{text}' is not a number of sessions (like 40) or a cut (like -20%)."
        ) from None
    if not sessions >= 0 or sessions == INF:
        raise ReduceError(f"--budget {text}: the budget must be zero or more sessions.")
    return Budget(sessions=sessions)


@dataclass(frozen=True)
class Request:
    budget: Budget
    clinical_scope: bool = True
    keep: tuple[str, ...] = ()  # role ids or titles
    retire: tuple[str, ...] = ()
    abolish: tuple[str, ...] = ()  # committee ids or names
    allow_gaps: bool = False
    weights: Weights = field(default_factory=Weights)
    time_limit: float | None = None
    #: committees in common may become one joint committee
    combine_in_common: bool = False


@dataclass(frozen=True)
class Binding:
    """An essential pair that sets the least budget: its one kept provider in that answer."""

    pair: Pair
    role_index: int


@dataclass(frozen=True)
class Reduction:
    request: Request
    original: Plan
    #: the plan after abolished committees were removed (what the roles were chosen from)
    plan: Plan
    facts: Facts
    abolished: tuple[str, ...]  # committee names
    budget: float
    today: Outcome
    status: str  # optimal | feasible | infeasible | none
    kept: tuple[bool, ...]
    after: Outcome | None
    solution: Solution | None
    least_budget: float | None = None
    #: the least budget is proven (False: the best found within the time limit)
    least_proven: bool = False
    binding: tuple[Binding, ...] = ()
    forced_gaps: tuple[Pair, ...] = ()
    build_seconds: float = 0.0
    model_size: tuple[int, int, int] = (0, 0, 0)  # columns, rows, non-zeros
    #: per group of ``facts.groups``: made one joint committee (in the proposal, or in the
    #: least-budget answer of a refusal)
    combined: tuple[bool, ...] = ()

    @property
    def found(self) -> bool:
        return self.after is not None

    @property
    def combined_groups(self) -> list[Group]:
        return [g for g, c in zip(self.facts.groups, self.combined, strict=False) if c]

    def covering(self, pair: Pair) -> tuple[int, ...]:
        """The roles whose keeping covers ``pair`` in this answer (its group's, if combined)."""
        return covering(pair, self.combined)

    @property
    def retired(self) -> list[int]:
        return [i for i, k in enumerate(self.kept) if not k]


def _named(
    names: Sequence[str], option: str, noun: str, ids: set[str], by_name: dict[str, list[str]]
) -> list[str]:
    """The ids that names (ids, or names ignoring case) stand for; an unknown name is an error."""
    found: list[str] = []
    for name in names:
        if name in ids:
            found.append(name)
            continue
        matches = by_name.get(name_key(name))
        if not matches:
            raise ReduceError(f"{option} '{name}': no {noun} has this id or name.")
        found.extend(matches)
    return found


def _roles_named(plan: Plan, names: Sequence[str], option: str) -> list[str]:
    by_title: dict[str, list[str]] = {}
    for role in plan.roles:
        by_title.setdefault(name_key(role.title), []).append(role.id)
    return _named(names, option, "role", {r.id for r in plan.roles}, by_title)


def _committees_named(plan: Plan, names: Sequence[str]) -> list[str]:
    by_name = {name_key(c.name): [c.id] for c in plan.committees}
    return _named(names, "--abolish", "committee", {c.id for c in plan.committees}, by_name)


def prepare(plan: Plan, request: Request) -> tuple[Plan, Facts, tuple[str, ...]]:
    """Check the request's names, abolish committees, read the facts."""
    keep = _roles_named(plan, request.keep, "--keep")
    retire = _roles_named(plan, request.retire, "--retire")
    both = set(keep) & set(retire)
    if both:
        title = next(r.title for r in plan.roles if r.id in both)
        raise ReduceError(f"--keep and --retire both name the role '{title}'.")
    abolish = _committees_named(plan, request.abolish)
    names = tuple(c.name for c in plan.committees if c.id in set(abolish))
    working = remove_committees(plan, abolish) if abolish else plan
    facts = read_facts(
        working,
        clinical_scope=request.clinical_scope,
        keep=keep,
        retire=retire,
        combine=request.combine_in_common,
    )
    return working, facts, names


def _build(plan: Plan, request: Request) -> tuple[Reduction, Built]:
    """Read the facts and build the model; the reduction so far (no solve yet)."""
    started = time.perf_counter()
    working, facts, abolished = prepare(plan, request)
    budget = request.budget.resolve(facts.scope_sessions)
    built = build_model(facts, budget, request.weights, allow_gaps=request.allow_gaps)
    seconds = time.perf_counter() - started
    today = outcome(facts, [True] * len(facts.roles))
    base = Reduction(
        request, plan, working, facts, abolished, budget, today, "none", (), None, None,
        forced_gaps=tuple(built.forced_gaps), build_seconds=seconds,
        model_size=(built.model.columns, built.model.rows, built.model.nonzeros),
    )  # fmt: skip
    return base, built


def reduce_plan(
    plan: Plan, request: Request, *, cancelled: Callable[[], bool] | None = None
) -> Reduction:
    """The exact proposal for ``request`` (or a refusal saying the least budget)."""
    base, built = _build(plan, request)
    facts = base.facts
    if built.forced_gaps and not request.allow_gaps:
        return dataclasses.replace(base, status="infeasible")
    # the time limit counts from the start: what reading and building took is taken off
    request = _left(request, base.build_seconds)
    if request.allow_gaps:
        solution = _solve_gaps_first(built, request, cancelled)
    else:
        solution = solve(built.model, time_limit=request.time_limit, cancelled=cancelled)
    if solution.status == "infeasible":
        return _refusal(base, facts, request, cancelled)
    if not solution.found:
        return dataclasses.replace(base, status=solution.status, solution=solution)
    kept, combined = kept_from(facts, built, solution), combined_from(built, solution)
    after = outcome(facts, kept, combined)
    _check(after, base.budget, request)
    return dataclasses.replace(
        base, status=solution.status, kept=tuple(kept), after=after, solution=solution,
        combined=combined,
    )  # fmt: skip


def _left(request: Request, spent: float) -> Request:
    if request.time_limit is None:
        return request
    return dataclasses.replace(request, time_limit=max(1.0, request.time_limit - spent - GRACE))


def kept_from(facts: Facts, built: Built, solution: Solution) -> list[bool]:
    kept = []
    for i, choice in enumerate(facts.choice):
        if choice is Choice.FREE:
            kept.append(solution.values[built.columns[i]] > 0.5)
        else:
            kept.append(choice is Choice.KEEP)
    return kept


def combined_from(built: Built, solution: Solution) -> tuple[bool, ...]:
    """Per combinable group: made one joint committee in ``solution``."""
    return tuple(solution.values[col] > 0.5 for col in built.group_columns)


def _solve_gaps_first(
    built: Built, request: Request, cancelled: Callable[[], bool] | None
) -> Solution:
    """Fewest opened essential gaps first; then, holding that number, the weighted harms."""
    model = built.model
    if not built.gap_columns:
        return solve(model, time_limit=request.time_limit, cancelled=cancelled)
    first = dataclasses.replace(model, cost=[0.0] * model.columns, offset=0.0)
    for col in built.gap_columns:
        first.cost[col] = 1.0
    started = time.perf_counter()
    phase_one = solve(first, time_limit=request.time_limit, cancelled=cancelled)
    if not phase_one.found:
        return phase_one
    fewest = round(phase_one.objective or 0.0)
    model.row(built.gap_columns, [1.0] * len(built.gap_columns), -INF, fewest + 0.5)
    left = None
    if request.time_limit is not None:
        left = max(1.0, request.time_limit - (time.perf_counter() - started))
    return solve(model, time_limit=left, cancelled=cancelled)


def _refusal(
    base: Reduction, facts: Facts, request: Request, cancelled: Callable[[], bool] | None
) -> Reduction:
    """No choice within the budget: the least budget that keeps cover, solved exactly."""
    built = build_least_budget(facts)
    solution = solve(built.model, time_limit=request.time_limit, cancelled=cancelled)
    if not solution.found:
        return dataclasses.replace(base, status="infeasible", solution=solution)
    kept, combined = kept_from(facts, built, solution), combined_from(built, solution)
    least = outcome(facts, kept, combined).scope_sessions
    binding = []
    for pair in facts.essential:
        holding = [i for i in covering(pair, combined) if kept[i]]
        if len(holding) == 1 and facts.choice[holding[0]] is Choice.FREE:
            binding.append(Binding(pair, holding[0]))
    binding.sort(key=lambda b: (-facts.sessions(b.role_index), b.pair.committee_id))
    return dataclasses.replace(
        base,
        status="infeasible",
        solution=solution,
        least_budget=least,
        least_proven=solution.status == "optimal",
        binding=tuple(binding),
        kept=tuple(kept),
        combined=combined,
    )


def _check(after: Outcome, budget: float, request: Request) -> None:
    """The solver's answer must hold on the plain counts (guards against tolerances)."""
    if after.scope_sessions > budget + 1e-6:
        raise ReduceError("The solver's proposal goes over the budget; please report this.")
    if after.essential_gaps and not request.allow_gaps:
        raise ReduceError("The solver's proposal opens an essential gap; please report this.")
