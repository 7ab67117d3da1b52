"""The solver wrapper: exact answers in process and in the child process used for large models."""

from __future__ import annotations

import pytest

from govplanner.restructure.solver import INF, Model, solve


def _knapsack() -> Model:
    """Keep items worth most within a capacity of 5: items (weight, value) 2/3, 3/4, 4/5, 5/6."""
    m = Model()
    cols = [m.column(0.0, 1.0, -v, integer=True) for v in (3.0, 4.0, 5.0, 6.0)]
    m.row(cols, [2.0, 3.0, 4.0, 5.0], -INF, 5.0)
    return m


@pytest.mark.parametrize("isolate", [False, True])
def test_solve_finds_the_proven_optimum(isolate):
    solution = solve(_knapsack(), time_limit=30, isolate=isolate)
    assert solution.status == "optimal"
    assert solution.objective == pytest.approx(-7.0)
    assert [round(v) for v in solution.values] == [1, 1, 0, 0]
    assert solution.gap == 0


def test_an_infeasible_model_says_so():
    m = Model()
    col = m.column(0.0, 1.0, 1.0, integer=True)
    m.row([col], [1.0], 2.0, INF)
    assert solve(m).status == "infeasible"


def test_the_objective_offset_counts():
    m = _knapsack()
    m.offset = 10.0
    assert solve(m).objective == pytest.approx(3.0)


def test_a_model_with_nothing_to_choose_is_judged_without_highs():
    m = Model()
    m.offset = 2.0
    m.row([], [], -INF, 5.0)
    solution = solve(m)
    assert solution.status == "optimal"
    assert solution.objective == 2.0
    m.row([], [], 1.0, INF)  # 0 >= 1 cannot hold
    assert solve(m).status == "infeasible"
