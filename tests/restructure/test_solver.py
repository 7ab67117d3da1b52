"""The solver wrapper: exact answers in process and in the child process used for large models."""

from __future__ import annotations

import sys

import pytest

from govplanner.restructure import solver
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


# -- the child process, as the packaged app starts it ---------------------------------------


def test_the_frozen_app_starts_itself_with_the_hidden_entry(monkeypatch, tmp_path):
    app = tmp_path / "govplanner.exe"
    app.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app))
    assert solver.child_command() == [str(app), "--solve-child"]
    twin = tmp_path / "govplanner-cli.exe"  # the console twin beside the windowed app
    twin.write_bytes(b"")
    assert solver.child_command() == [str(twin), "--solve-child"]


def test_the_hidden_entry_solves_in_a_child_process(monkeypatch):
    """``govplanner --solve-child`` (cli.main) answers as the in-process solve does."""
    started: list[list[str]] = []

    def command() -> list[str]:
        started.append([sys.executable, "-m", "govplanner", "--solve-child"])
        return started[-1]

    monkeypatch.setattr(solver, "child_command", command)
    monkeypatch.setenv(solver.ISOLATE_ENV, "0")  # isolate every solve with a time limit
    child = solve(_knapsack(), time_limit=30)
    assert started  # the child process ran
    here = solve(_knapsack(), time_limit=30, isolate=False)
    assert (child.status, child.objective, child.values) == (
        here.status,
        here.objective,
        here.values,
    )


def test_the_isolation_threshold_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv(solver.ISOLATE_ENV, raising=False)
    assert solver.isolate_columns() == solver.ISOLATE_COLUMNS
    monkeypatch.setenv(solver.ISOLATE_ENV, "0")
    assert solver.isolate_columns() == 0
    monkeypatch.setenv(solver.ISOLATE_ENV, "many")  # not a number: the default
    assert solver.isolate_columns() == solver.ISOLATE_COLUMNS


def test_a_reduction_solved_in_the_child_is_the_same(monkeypatch):
    from govplanner.restructure.reduce import Budget, Request, reduce_plan
    from tests.restructure.plans import random_plan

    plan = random_plan(4, 10)
    request = Request(budget=Budget(cut_percent=25), time_limit=60)
    here = reduce_plan(plan, request)
    monkeypatch.setenv(solver.ISOLATE_ENV, "0")
    isolated: list[bool] = []
    real = solver._solve_isolated
    monkeypatch.setattr(solver, "_solve_isolated",
                        lambda *a: isolated.append(True) or real(*a))  # fmt: skip
    child = reduce_plan(plan, request)
    assert isolated
    assert (child.status, child.kept) == (here.status, here.kept)


def test_a_child_that_cannot_solve_says_it_ended_early(monkeypatch):
    monkeypatch.setattr(solver, "child_command", lambda: [sys.executable, "-c", "pass"])
    solution = solve(_knapsack(), time_limit=30, isolate=True)
    assert solution.status == "none"
    assert solution.detail == "The optimiser's process ended early"
