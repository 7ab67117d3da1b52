"""Smoke tests of the GUI benchmark scripts on a tiny plan (each runs in its own process)."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.bench_core import plan_path
from benchmarks.generate import generate_plan

from benchmarks import bench_gui

pytestmark = pytest.mark.gui


@pytest.fixture
def small_plan(tmp_path: Path) -> Path:
    plan = generate_plan(systems=1, committees_per_system=12, seats_per_committee=6, seed=2)
    return plan_path(plan, tmp_path, "small")


def test_start_up_is_measured_for_both_windows() -> None:
    row = bench_gui.bench_startup(1)
    assert row.seconds is not None
    assert row.baseline is not None
    assert row.seconds > 0
    assert row.baseline > 0


def test_tables_are_painted_and_sorted_by_every_column(small_plan: Path) -> None:
    paint, sort = bench_gui.bench_tables(small_plan, "small", 70, runs=1, judged=True)
    assert paint.seconds is not None
    assert paint.verdict in ("PASS", "FAIL")
    assert sort.seconds is not None
    assert sort.note.split("/")[0] in ("committees", "roles", "people")


def test_the_app_session_opens_edits_exports_and_reports_memory(small_plan: Path) -> None:
    limits = {"edit": 10.0, "memory": 4096.0, "stall": 10.0, "tab": 10.0}
    rows = bench_gui.bench_session(small_plan, "small", 70, 3, limits, export=True)
    names = [r.name for r in rows]
    assert names == [
        "app: open plan → painted",
        "app: edit → refreshed window",
        "app: table tab first shown (worst)",
        "app: longest UI freeze, gap export",
        "app: Cancel → export stops",
        "app: peak memory, plan open",
    ]
    assert all(r.seconds is not None and r.seconds > 0 for r in rows)
    assert all(f"{tab} " in rows[1].note for tab in ("Coverage", "Roles", "Diagram"))
    assert rows[1].runs == 3
    assert "FAILED" not in rows[3].note
    assert "stopped;" in rows[4].note
    assert len(list(small_plan.with_name("app-gaps-small").glob("*.docx"))) < 10
    assert small_plan.with_name("app-gaps-small.xlsx").stat().st_size > 0
