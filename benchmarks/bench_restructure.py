"""Merge and reduce at national scale, each against a same-run baseline (issue 14).

``python -m benchmarks.bench_restructure [--sizes 1000,10000,50000] [--repeat N]
[--time-limit S] [--markdown FILE]``

- merge: ``merge_plans`` of two halves of the size (the generator gives both halves the same
  ids and names, the worst case: every id and name clashes) against deep copies of both plans
  (``model_copy(deep=True)``: the copying a merge cannot avoid);
- reduce, model building: reading the facts and building the mixed-integer programme
  (``prepare`` + ``build_model``) against one bare pass over every seat of plain dicts (the
  analysis benchmark's baseline); its cost per seat must stay flat (linear);
- reduce, solve: ``reduce_plan(--budget -20%)`` end to end; at about 1,000 seats (one ICB) it
  must prove optimality within seconds, at 50,000 return a feasible proposal, with its gap,
  within the time limit (wall clock, so a busy machine counts against it).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from benchmarks.bench_core import bare_coverage, bare_plan_dicts
from benchmarks.generate import count_seats, describe, plan_for_seats
from benchmarks.timing import Row, measure_pair, median, progress_line, render_table, scaling_lines
from govplanner.domain.model import Plan

TARGET_SEATS = 50_000
#: a one-ICB plan must be proven optimal within this many seconds
ONE_ICB_SEATS, ONE_ICB_LIMIT = 1_000, 10.0
#: merge may cost this many times two deep copies (our reading: it copies, renames, checks)
MERGE_LIMIT = 6.0
#: model building may cost this many times a bare pass over the seats
BUILD_LIMIT = 40.0


def label(seats: int) -> str:
    return f"{seats // 1000}k" if seats >= 1000 and seats % 1000 == 0 else str(seats)


def bench_merge(seats: int, repeat: int) -> Row:
    from govplanner.restructure.merge import Source, merge_plans

    a, b = plan_for_seats(seats // 2, seed=1), plan_for_seats(seats // 2, seed=2)
    a.name, b.name = "North cluster", "South cluster"
    sources = [Source(a, a.name), Source(b, b.name)]

    def ours() -> None:
        merge_plans(sources, same_person="ask", in_common="propose")

    def base() -> None:
        a.model_copy(deep=True)
        b.model_copy(deep=True)

    mine, theirs = measure_pair(ours, base, repeat)
    _, report = merge_plans(sources)
    limit = MERGE_LIMIT if seats == TARGET_SEATS else None
    return Row(
        "merge (two plans)",
        label(seats),
        median(mine),
        median(theirs),
        f"≤ {MERGE_LIMIT:g}× deep copy of both",
        limit,
        count_seats(a) + count_seats(b),
        f"{len(report.entries):,} report entries",
        len(mine),
    )


def bench_build(plan: Plan, seats: int, repeat: int) -> Row:
    from govplanner.restructure.model import build_model
    from govplanner.restructure.reduce import Request, parse_budget, prepare

    request = Request(budget=parse_budget("-20%"))
    committees, roles = bare_plan_dicts(plan)
    size: list[tuple[int, int, int]] = []

    def ours() -> None:
        _, facts, _ = prepare(plan, request)
        built = build_model(facts, request.budget.resolve(facts.scope_sessions), request.weights,
                            allow_gaps=False)  # fmt: skip
        size[:] = [(built.model.columns, built.model.rows, built.model.nonzeros)]

    mine, theirs = measure_pair(ours, lambda: bare_coverage(committees, roles), repeat)
    cols, rows, nnz = size[0]
    return Row(
        "reduce: model building",
        label(seats),
        median(mine),
        median(theirs),
        f"≤ {BUILD_LIMIT:g}× bare pass; linear",
        BUILD_LIMIT if seats == TARGET_SEATS else None,
        count_seats(plan),
        f"{cols:,} columns, {rows:,} rows, {nnz:,} non-zeros",
        len(mine),
    )


def bench_solve(plan: Plan, seats: int, time_limit: float) -> Row:
    from govplanner.restructure.reduce import Request, parse_budget, reduce_plan

    limit = time_limit if seats >= TARGET_SEATS else ONE_ICB_LIMIT
    request = Request(budget=parse_budget("-20%"), time_limit=limit)
    started = time.perf_counter()
    result = reduce_plan(plan, request)
    took = time.perf_counter() - started
    sol = result.solution
    gap = "—" if sol is None or sol.gap is None else f"{sol.gap:.2%}"
    note = f"{result.status}, gap {gap}, {len(result.retired):,} roles retired"
    judged: float | None = None
    if seats <= ONE_ICB_SEATS:
        judged = ONE_ICB_LIMIT if result.status == "optimal" else 0.0  # must be proven
        target = f"proven optimal ≤ {ONE_ICB_LIMIT:g} s"
    elif seats >= TARGET_SEATS:
        judged = time_limit * 1.1 if result.found else 0.0  # must find a proposal
        target = f"feasible, with its gap, ≤ time limit {time_limit:g} s (+10%)"
    else:
        target = "(information)"
    return Row("reduce -20% (solve)", label(seats), took, None, target, judged,
               count_seats(plan), note, 1)  # fmt: skip


def run(sizes: list[int], repeat: int, time_limit: float) -> list[Row]:
    rows: list[Row] = []
    for seats in sizes:
        rows.append(bench_merge(seats, repeat))
        print(progress_line(rows[-1]), flush=True)
        plan = plan_for_seats(seats)
        print(f"Generated {label(seats)}: {describe(plan)}", flush=True)
        rows.append(bench_build(plan, seats, repeat))
        print(progress_line(rows[-1]), flush=True)
        rows.append(bench_solve(plan, seats, time_limit))
        print(progress_line(rows[-1]), flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_restructure")
    parser.add_argument("--sizes", default="1000,10000,50000", help="seat counts")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure")
    parser.add_argument("--time-limit", type=float, default=60.0, help="solver seconds at 50k")
    parser.add_argument("--markdown", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    rows = run([int(s) for s in args.sizes.split(",")], args.repeat, args.time_limit)
    text = "\n".join(
        [
            render_table(rows),
            "",
            "Scaling (cost per seat at each size; 50k/1k ≤ 1.5 counts as linear):",
            *(scaling_lines([r for r in rows if r.baseline is not None]) or ["- (one size)"]),
        ]
    )
    print("\n" + text)
    if args.markdown is not None:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
