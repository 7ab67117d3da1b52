"""GUI benchmarks, each in fresh offscreen processes: start-up, tables, the app with a big plan."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.gui.common import RESULT
from benchmarks.timing import NotAvailable, Row

ROOT = Path(__file__).resolve().parent.parent
#: A script that has not reported within this long is stuck (a modal dialog, a hang).
TIMEOUT_S = 300


def _env(config_dir: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = config_dir  # recent files and window state stay out of the user's
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
    return env


def run_script(module: str, *args: str) -> dict[str, Any]:
    """Run ``python -m benchmarks.gui.<module> args`` and return the result it reported."""
    with tempfile.TemporaryDirectory(prefix="govplanner-bench-") as config:
        try:
            done = subprocess.run(
                [sys.executable, "-m", f"benchmarks.gui.{module}", *args],
                cwd=ROOT,
                env=_env(config),
                capture_output=True,
                text=True,
                timeout=TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise NotAvailable(f"{module} did not finish within {TIMEOUT_S} s") from None
    for line in done.stdout.splitlines():
        if line.startswith(RESULT):
            result: dict[str, Any] = json.loads(line[len(RESULT) :])
            return result
    problem = (done.stderr.strip().splitlines() or ["no output"])[-1]
    raise NotAvailable(f"{module} failed: {problem}")


def bench_startup(repeat: int) -> Row:
    """Process start to first painted window: govplanner's main() against a bare QMainWindow."""
    ours, bare, modules = [], [], []
    for _ in range(max(1, repeat)):
        start = time.time()
        bare.append(run_script("startup", "bare", repr(start))["seconds"])
        start = time.time()
        result = run_script("startup", "app", repr(start))
        ours.append(result["seconds"])
        modules = result["modules"]
    loaded = ", ".join(modules) or "none"
    return Row(
        "app start → first paint",
        "empty",
        statistics.median(ours),
        statistics.median(bare),
        "≤ 2× bare PySide6 window",
        2.0,
        note=f"heavy modules loaded at first paint: {loaded}",
        runs=len(ours),
    )


def bench_tables(path: Path, label: str, seats: int, runs: int, judged: bool) -> list[Row]:
    """First paint of each editor table and a sort by each column (worst reported)."""
    results = [run_script("tables", str(path))["tables"] for _ in range(max(1, runs))]
    paint: dict[str, float] = {}
    sort: dict[str, float] = {}
    for kind in results[0]:
        paint[kind] = statistics.median(r[kind]["first_paint"] for r in results)
        for column in results[0][kind]["sort"]:
            key = f"{kind}/{column}"
            sort[key] = statistics.median(r[kind]["sort"][column] for r in results)
    worst_paint = max(paint, key=paint.__getitem__)
    worst_sort = max(sort, key=sort.__getitem__)
    slow = sorted((k for k in sort if sort[k] > 0.2), key=sort.__getitem__, reverse=True)
    slow_note = "; over 0.2 s: " + ", ".join(f"{k} {sort[k]:.2f} s" for k in slow) if slow else ""
    rows = results[0]
    return [
        Row(
            "table first paint (worst)",
            label,
            paint[worst_paint],
            target="≤ 0.5 s" if judged else "",
            limit=0.5 if judged else None,
            seats=seats,
            note=f"{worst_paint} ({rows[worst_paint]['rows']:,} rows)",
            runs=len(results),
        ),
        Row(
            "table sort (worst column)",
            label,
            sort[worst_sort],
            target="≤ 0.2 s" if judged else "",
            limit=0.2 if judged else None,
            seats=seats,
            note=f"{worst_sort}{slow_note}",
            runs=len(results),
        ),
    ]


def bench_session(
    path: Path, label: str, seats: int, edits: int, limits: dict[str, float], export: bool
) -> list[Row]:
    """The app with the plan open: open → painted, edit → refreshed and repainted, memory;
    with ``export``, how long the window stops responding while the gap report is written."""
    args = [str(path), str(edits)]
    if export:
        args.append(str(path.with_name(f"app-gaps-{label}.xlsx")))
    result = run_script("session", *args)
    if not result["opened"]:
        raise NotAvailable("the app could not open the generated plan")
    edit_limit = limits.get("edit")
    rows = [
        Row(
            "app: open plan → painted",
            label,
            result["open_to_paint"],
            seats=seats,
            note="File ▸ Open path: load, analyse, fill models, paint",
        ),
        Row(
            "app: edit → refreshed window",
            label,
            result["edit_median"],
            target="" if edit_limit is None else f"≤ {edit_limit * 1000:.0f} ms",
            limit=edit_limit,
            seats=seats,
            note=_edit_note(result["edit_medians"]),
            runs=min(len(t) for t in result["edits"].values()),
        ),
    ]
    if result.get("tabs"):
        rows.append(_tabs_row(result["tabs"], label, seats, limits.get("tab")))
    if result.get("export"):
        rows.append(_export_row(result["export"], label, limits.get("stall")))
    if result.get("cancel"):
        rows.append(_cancel_row(result["cancel"], label, limits.get("cancel")))
    rows.append(_memory_row(result["rss_mb"], label, limits.get("memory")))
    return rows


def _edit_note(medians: dict[str, float]) -> str:
    tabs = ", ".join(f"{name} {t * 1000:.0f} ms" for name, t in medians.items())
    return (
        "undo command + LiveAnalysis.refresh + every view's reaction + repaint, the slowest "
        f"of the tabs shown (median each: {tabs}); the 150 ms typing pause excluded"
    )


def _export_row(export: dict[str, float], label: str, limit: float | None) -> Row:
    return Row(
        "app: longest UI freeze, gap export",
        label,
        export["stall"],
        target="" if limit is None else f"≤ {limit * 1000:.0f} ms (our reading of 'responsive')",
        limit=limit,
        note=(
            f"File ▸ Export gap report: the menu action returned after "
            f"{export['call_returned']:.2f} s; export done after {export['total']:.1f} s"
            + ("" if export.get("ok") else "; the export FAILED")
        ),
    )


def _memory_row(peak_mb: float, label: str, limit: float | None) -> Row:
    return Row(
        "app: peak memory, plan open",
        label,
        peak_mb,
        target="" if limit is None else f"≤ {limit:.0f} MB",
        limit=limit,
        unit="MB",
        note="peak resident memory (VmHWM): plan opened, every tab shown, edits, exports",
    )


#: The editor tabs that are tables (the others are the heatmap and the diagram).
TABLE_TABS = ("Committees", "Roles", "People")


def _tabs_row(tabs: dict[str, float], label: str, seats: int, limit: float | None) -> Row:
    """The slowest table tab to appear the first time it is shown in the running app."""
    tables = {name: t for name, t in tabs.items() if name in TABLE_TABS} or tabs
    worst = max(tables, key=tables.__getitem__)
    every = ", ".join(f"{name} {t * 1000:.0f} ms" for name, t in tabs.items())
    return Row(
        "app: table tab first shown (worst)",
        label,
        tables[worst],
        target="" if limit is None else f"≤ {limit:.1f} s",
        limit=limit,
        seats=seats,
        note=f"{worst}; every tab: {every}",
    )


def _cancel_row(cancel: dict[str, float], label: str, limit: float | None) -> Row:
    stopped = "stopped" if cancel.get("cancelled") else "did NOT stop (ran to the end)"
    return Row(
        "app: Cancel → export stops",
        label,
        cancel["latency"],
        target="" if limit is None else f"≤ {limit:.0f} s (our reading)",
        limit=limit,
        note=(
            "role descriptions (docx) into a folder already holding one of them (Replace "
            f"answered), Cancel clicked once the first was written: {stopped}; "
            "longest freeze "
            f"meanwhile {cancel['stall'] * 1000:.0f} ms"
            + ("" if cancel.get("ok") else "; the export FAILED")
        ),
    )
