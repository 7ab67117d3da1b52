"""Where the time goes: ``python -m benchmarks.profile TARGET [--seats N] [--top K]``.

TARGET is one of open, save, analysis, check, edit, gap, docs, sort or startup. Each runs the
govplanner side of that benchmark once under cProfile on a generated plan and prints the
functions with the most cumulative and the most own time; ``startup`` instead lists the
slowest imports before the first painted window (``python -X importtime``), ``rules``
times each step of the analysis (indexing, each rule, coverage, ordering) without a profiler,
and ``check`` profiles what ``govplanner check --format json`` runs after opening the plan.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.generate import plan_for_seats
from govplanner.domain.model import Plan

STARTUP = (sys.executable,)
TARGETS = ("open", "save", "analysis", "check", "rules", "edit", "gap", "docs", "sort", "startup")


def _work(target: str, plan: Plan, tmp: Path) -> Callable[[], Any]:
    """The govplanner call the benchmark times, ready to run (set-up already done)."""
    from govplanner.analysis import analyse

    if target in ("open", "save"):
        from govplanner.files.planfile import load_plan, save_plan

        path = tmp / "plan.govplan"
        save_plan(plan, path)
        return (lambda: load_plan(path)) if target == "open" else (lambda: save_plan(plan, path))
    if target == "analysis":
        return lambda: analyse(plan)
    if target == "check":
        return partial(_check_after_load, plan)
    if target == "edit":
        from govplanner.domain.document import PlanDocument

        document = PlanDocument(plan=plan)
        role = next(r for r in plan.roles[len(plan.roles) // 2 :] if r.holder_id is not None)
        return lambda: (document.update("role", role.id, holder_id=None), analyse(plan))
    if target == "gap":
        from govplanner.export.gap_report import export_gap_report

        analysis = analyse(plan)
        return lambda: export_gap_report(plan, analysis, tmp / "gaps.xlsx")
    if target == "docs":
        from govplanner.export.roles import export_role_descriptions

        analysis = analyse(plan)
        return lambda: export_role_descriptions(plan, tmp / "roles", analysis=analysis)
    if target == "sort":
        return _sort_work(plan)
    raise SystemExit(f"Unknown target {target!r}; choose one of: {', '.join(TARGETS)}.")


def _check_after_load(plan: Plan) -> Any:
    """What ``govplanner check --format json`` does once the plan is open (as cmd_check):
    one context for the rules and the principles, then the JSON document (not yet text)."""
    from govplanner.analysis import analyse, build_context
    from govplanner.analysis.principles import assess_principles
    from govplanner.cli.report import check_json

    context = build_context(plan)
    analysis = analyse(plan, context)
    return check_json(plan, analysis, assess_principles(plan, analysis, context))


def _sort_work(plan: Plan) -> Callable[[], Any]:
    """Sort the roles table by each column, as clicking each header does (offscreen Qt)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from govplanner.domain.document import PlanDocument
    from govplanner.gui.models.collections import people_model, roles_model
    from govplanner.gui.models.lookup import Lookup

    app = QApplication.instance() or QApplication(sys.argv[:1])
    document = PlanDocument(plan=plan)
    lookup, undo = Lookup(document), QUndoStack()
    models = [roles_model(document, undo, lookup), people_model(document, undo, lookup)]

    def sort_all() -> None:
        for model in models:
            for column in range(model.columnCount()):
                model.sort(column, Qt.SortOrder.AscendingOrder)

    sort_all.app = app  # type: ignore[attr-defined]  # keep the application alive
    return sort_all


def profile(target: str, seats: int, top: int) -> str:
    """The profile of one run of ``target`` as text."""
    plan = plan_for_seats(seats)
    if target == "docs":
        from benchmarks.bench_exports import plan_with_clinical_roles

        plan = plan_with_clinical_roles(plan_for_seats(max(seats, 600)), 0, 200)
    with tempfile.TemporaryDirectory() as tmp:
        work = _work(target, plan, Path(tmp))
        work()  # warm caches and imports, as the benchmark's warm-up run does
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.runcall(work)
        took = time.perf_counter() - start
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    what = "200 role descriptions" if target == "docs" else f"{seats:,} seats"
    print(f"{target}, {what}: {took:.3f} s under the profiler\n", file=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def startup_imports(top: int) -> str:
    """The slowest imports (cumulative) before govplanner's first painted window."""
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    with tempfile.TemporaryDirectory() as config:
        env["XDG_CONFIG_HOME"] = config
        done = subprocess.run(
            [
                *STARTUP,
                "-X",
                "importtime",
                "-m",
                "benchmarks.gui.startup",
                "app",
                repr(time.time()),
            ],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    rows = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if match:
            rows.append((int(match.group(2)), len(match.group(3)), match.group(4)))
    rows.sort(reverse=True)
    lines = [f"{us / 1000:8.1f} ms  {'.' * (depth // 2)}{name}" for us, depth, name in rows[:top]]
    return "Slowest imports before the first paint (cumulative):\n" + "\n".join(lines)


def _all(rule: Callable[[Any], Any], ctx: Any) -> list[Any]:
    return list(rule(ctx))


def analysis_steps(seats: int, repeat: int = 5) -> str:
    """Median time of each analysis step, next to the bare baseline pass (no profiler)."""
    from statistics import median

    from benchmarks.bench_core import bare_coverage, bare_plan_dicts
    from govplanner.analysis import build_context
    from govplanner.analysis.coverage import stage_coverage, tier_coverage
    from govplanner.analysis.engine import order_findings
    from govplanner.analysis.rules import RULES

    plan = plan_for_seats(seats)
    dicts = bare_plan_dicts(plan)
    ctx = build_context(plan)
    findings = [f for rule in RULES.values() for f in rule(ctx)]
    steps: dict[str, Callable[[], Any]] = {
        "baseline: bare dict pass": lambda: bare_coverage(*dicts),
        "build_context": lambda: build_context(plan),
        **{f"rule {code}": partial(_all, rule, ctx) for code, rule in RULES.items()},
        "tier_coverage": lambda: tier_coverage(ctx),
        "stage_coverage": lambda: stage_coverage(ctx),
        "order_findings": lambda: order_findings(ctx, list(findings)),
    }
    lines = [f"Analysis steps at {seats:,} seats ({len(findings):,} findings), median of {repeat}:"]
    for name, step in steps.items():
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            step()
            times.append(time.perf_counter() - start)
        lines.append(f"{median(times) * 1000:9.2f} ms  {name}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__)
    parser.add_argument("target", choices=TARGETS)
    parser.add_argument("--seats", type=int, default=50_000)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    if args.target == "startup":
        print(startup_imports(args.top))
    elif args.target == "rules":
        print(analysis_steps(args.seats))
    else:
        print(profile(args.target, args.seats, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
