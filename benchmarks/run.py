"""Run every benchmark and print one table: ``python -m benchmarks.run [--quick] [--repeat N]``.

Each figure is the median of several runs of govplanner and of its baseline (the raw library
doing the unavoidable part of the work), measured interleaved in the same run; the table gives
the ratio, the target and PASS/FAIL. Ratio targets are judged at 50,000 seats; other sizes show
how cost grows (per seat, with a linearity verdict). A target whose code does not exist yet is
reported as not available, and the rest still run.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from benchmarks import bench_commands, bench_core, bench_exports, bench_gui
from benchmarks.generate import describe, plan_for_seats
from benchmarks.timing import NotAvailable, Row, progress_line, render_table, scaling_lines
from govplanner.domain.model import Plan

BENCHMARKS = (
    "open", "save", "analysis", "edit", "principles", "terms", "compare", "check",
    "gap", "docs", "startup", "tables", "app",
)  # fmt: skip
TARGET_SEATS = 50_000
#: Clinical roles per seat in generated plans is about 0.45; this leaves a margin.
SEATS_PER_DOC = 2.6
#: Fewer documents than this are dominated by one-off set-up (templates): no verdict.
MIN_JUDGED_DOCS = 200


@dataclass
class Options:
    repeat: int
    sizes: list[int]
    gap_sizes: list[int]
    table_sizes: list[int]
    app_sizes: list[int]
    docs: int
    batches: int
    table_runs: int
    only: set[str]
    workdir: Path


def label(seats: int) -> str:
    return f"{seats // 1000}k" if seats >= 1000 and seats % 1000 == 0 else str(seats)


def _judged(seats: int) -> bool:
    return seats == TARGET_SEATS


def _safe(name: str, size: str, work: Callable[[], Row | list[Row]]) -> list[Row]:
    """Run one benchmark; a missing target or a crash becomes a row saying so."""
    try:
        result = work()
        rows = result if isinstance(result, list) else [result]
    except NotAvailable as exc:
        rows = [Row(name, size, None, note=f"NOT AVAILABLE YET: {exc}")]
    except Exception as exc:  # a broken target must not hide every other figure
        traceback.print_exc()
        rows = [Row(name, size, None, note=f"ERROR: {type(exc).__name__}: {exc}")]
    for row in rows:
        print(progress_line(row), flush=True)
    return rows


def core_rows(opts: Options, plans: dict[int, Plan]) -> list[Row]:
    rows: list[Row] = []
    w, r = opts.workdir, opts.repeat
    for seats in opts.sizes:
        plan, size, judged = plans[seats], label(seats), _judged(seats)
        if "open" in opts.only:
            limit = 3.0 if judged else None
            rows += _safe(
                "open plan", size, partial(bench_core.bench_open, plan, size, w, r, limit)
            )
        if "save" in opts.only:
            limit = 2.0 if judged else None
            rows += _safe(
                "save plan", size, partial(bench_core.bench_save, plan, size, w, r, limit)
            )
        if "analysis" in opts.only:
            limit = 2.0 if judged else None
            work = partial(bench_core.bench_analysis, plan, size, r, limit)
            rows += _safe("full analysis", size, work)
        if "edit" in opts.only:
            limit = {1000: 0.05, TARGET_SEATS: 0.5}.get(seats)
            work = partial(bench_core.bench_edit, plan, size, r, limit)
            rows += _safe("edit → refreshed findings", size, work)
            limit = 0.05 if seats in (1000, TARGET_SEATS) else None  # issue 17: 50 ms
            work = partial(bench_commands.bench_incremental_edit, plan, size, r, limit)
            rows += _safe("edit → findings (incremental)", size, work)
    return rows + command_rows(opts, plans)


def command_rows(opts: Options, plans: dict[int, Plan]) -> list[Row]:
    """The rest of every command (issue 17): principles, term ends, compare, whole check."""
    rows: list[Row] = []
    w, r = opts.workdir, opts.repeat
    for seats in opts.sizes:
        plan, size = plans[seats], label(seats)
        if "principles" in opts.only:
            work = partial(bench_commands.bench_principles, plan, size, r, None)
            rows += _safe("CCPL principles", size, work)
        if "terms" in opts.only:
            work = partial(bench_commands.bench_terms, plan, size, r, None)
            rows += _safe("term ends (timeline)", size, work)
        if "compare" in opts.only:
            work = partial(bench_commands.bench_compare, plan, size, r, None)
            rows += _safe("compare two plans", size, work)
        if "check" in opts.only:
            limit = 3.0 if _judged(seats) else None
            work = partial(bench_commands.bench_check_process, plan, size, w, r, limit)
            rows += _safe("check --format json (process)", size, work)
    return rows


def _gap(opts: Options, plan: Plan, seats: int) -> Row:
    from govplanner.analysis import analyse

    limit = 2.0 if _judged(seats) else None
    repeat = min(opts.repeat, 3)
    return bench_exports.bench_gap_report(
        plan, analyse(plan), label(seats), opts.workdir, repeat, limit
    )


def export_rows(opts: Options, plans: dict[int, Plan]) -> list[Row]:
    rows: list[Row] = []
    if "gap" in opts.only:
        for seats in opts.gap_sizes:
            rows += _safe(
                "gap report (xlsx)", label(seats), partial(_gap, opts, plans[seats], seats)
            )
    if "docs" in opts.only:
        docs_plan = plan_for_seats(int(opts.docs * SEATS_PER_DOC) + 200)
        judged = opts.docs >= MIN_JUDGED_DOCS
        work = partial(
            bench_exports.bench_role_docs, docs_plan, opts.workdir, opts.docs, opts.batches, judged
        )
        rows += _safe("role descriptions (docx)", f"{opts.docs} docs", work)
    return rows


def _saved(opts: Options, plans: dict[int, Plan], seats: int) -> Path:
    return bench_core.plan_path(plans[seats], opts.workdir, label(seats))


def _tables(opts: Options, plans: dict[int, Plan], seats: int) -> list[Row]:
    path = _saved(opts, plans, seats)
    return bench_gui.bench_tables(path, label(seats), seats, opts.table_runs, _judged(seats))


def _app(opts: Options, plans: dict[int, Plan], seats: int) -> list[Row]:
    limits = {
        1000: {"edit": 0.05},
        TARGET_SEATS: {"edit": 0.05, "memory": 1024.0, "stall": 0.1, "tab": 0.5, "cancel": 1.0},
    }
    path = _saved(opts, plans, seats)
    export = seats == max(opts.app_sizes)
    return bench_gui.bench_session(path, label(seats), seats, 7, limits.get(seats, {}), export)


def gui_rows(opts: Options, plans: dict[int, Plan]) -> list[Row]:
    rows: list[Row] = []
    if "startup" in opts.only:
        rows += _safe(
            "app start → first paint", "empty", partial(bench_gui.bench_startup, opts.repeat)
        )
    for seats in opts.table_sizes if "tables" in opts.only else []:
        rows += _safe(
            "table first paint (worst)", label(seats), partial(_tables, opts, plans, seats)
        )
    for seats in opts.app_sizes if "app" in opts.only else []:
        rows += _safe("app: open plan → painted", label(seats), partial(_app, opts, plans, seats))
    return rows


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    cores = os.cpu_count()
    versions = []
    for dist in ("pydantic", "openpyxl", "python-docx", "PySide6-Essentials"):
        try:
            from importlib.metadata import version

            versions.append(f"{dist} {version(dist)}")
        except Exception:
            continue
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {cores} cores; "
        f"Python {platform.python_version()}; {', '.join(versions)}"
    )


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs and sizes (~2 min)")
    parser.add_argument("--repeat", type=int, help="runs per figure (default 5; quick 3)")
    parser.add_argument("--sizes", help="seat counts, comma-separated (default 1000,10000,50000)")
    parser.add_argument("--only", help=f"comma-separated subset of: {','.join(BENCHMARKS)}")
    parser.add_argument("--docs", type=int, help="role descriptions to write (default 1000)")
    parser.add_argument("--markdown", type=Path, help="also write the results to this file")
    parser.add_argument("--workdir", type=Path, help="keep generated files here")
    return parser.parse_args(argv)


def options(args: argparse.Namespace, workdir: Path) -> Options:
    """Sizes and repeats for a full or ``--quick`` run, with explicit flags winning."""
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [1000, 10_000, 50_000]
    only = set(args.only.split(",")) if args.only else set(BENCHMARKS)
    unknown = only - set(BENCHMARKS)
    if unknown:
        raise SystemExit(f"Unknown benchmark(s): {', '.join(sorted(unknown))}.")
    quick = args.quick
    largest = max(sizes)
    return Options(
        repeat=args.repeat or (3 if quick else 5),
        sizes=sizes,
        gap_sizes=[s for s in sizes if s < largest] or sizes if quick else sizes,
        table_sizes=[largest] if quick else sizes,
        app_sizes=sorted({min(sizes), largest}) if quick else sizes,
        docs=args.docs or (200 if quick else 1000),
        batches=2 if quick or (args.docs or 1000) < 100 else 4,
        table_runs=1 if quick else 3,
        only=only,
        workdir=workdir,
    )


def report(rows: list[Row], elapsed: float, opts: Options) -> str:
    failing = [r for r in rows if r.verdict == "FAIL"]
    missing = [r for r in rows if r.seconds is None]
    lines = [
        f"Machine: {machine()}",
        f"Runs per figure: up to {opts.repeat} (fewer for runs over 2 s); whole run "
        f"{elapsed / 60:.1f} min.",
        "",
        render_table(rows),
        "",
        "Scaling (cost per seat at each size; 50k/1k per-seat cost ≤ 1.5 counts as linear):",
        *(scaling_lines(rows) or ["- (needs at least two sizes)"]),
        "",
        f"FAIL: {len(failing)}" + "".join(f"\n- {r.name} at {r.size}: {r.note}" for r in failing),
        f"Not measured: {len(missing)}" + "".join(f"\n- {r.name}: {r.note}" for r in missing),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    with tempfile.TemporaryDirectory(prefix="govplanner-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        opts = options(args, workdir)
        started = time.perf_counter()
        print(f"Machine: {machine()}", flush=True)
        plans: dict[int, Plan] = {}
        for seats in opts.sizes:
            start = time.perf_counter()
            plans[seats] = plan_for_seats(seats)
            took = time.perf_counter() - start
            print(f"Generated {label(seats)}: {describe(plans[seats])} in {took:.1f} s", flush=True)
        rows = core_rows(opts, plans) + export_rows(opts, plans) + gui_rows(opts, plans)
        text = report(rows, time.perf_counter() - started, opts)
    print("\n" + text)
    if args.markdown is not None:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
