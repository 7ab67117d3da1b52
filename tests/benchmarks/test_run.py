"""Smoke tests of the benchmark runner on a tiny plan, and of its verdict and scaling rules."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from benchmarks.bench_core import bare_coverage, bare_plan_dicts
from benchmarks.generate import generate_plan
from benchmarks.timing import Row, scaling_lines

from benchmarks import run
from govplanner.analysis import analyse


def test_a_tiny_run_measures_every_pure_benchmark_and_writes_the_table(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    argv = ["--sizes", "200", "--repeat", "1", "--docs", "4", "--markdown", str(out)]
    argv += ["--only", "open,save,analysis,edit,gap,docs", "--workdir", str(tmp_path / "w")]
    assert run.main(argv) == 0
    text = out.read_text(encoding="utf-8")
    for name in ("open plan", "save plan", "full analysis", "edit → refreshed findings"):
        assert f"| {name} " in text
    assert "| gap report (xlsx) " in text
    assert "| role descriptions (docx) " in text
    assert "| 4 docs " in text
    assert "ERROR" not in text
    assert "Not measured: 0" in text


def test_a_missing_target_is_reported_as_not_available_and_the_rest_still_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "govplanner.export.gap_report", None)  # import fails
    out = tmp_path / "results.md"
    argv = ["--sizes", "200", "--repeat", "1", "--only", "gap,analysis", "--markdown", str(out)]
    assert run.main(argv) == 0
    text = out.read_text(encoding="utf-8")
    assert "NOT AVAILABLE YET: govplanner.export.gap_report" in text
    assert "| full analysis " in text
    assert "Not measured: 1" in text


def test_the_bare_baseline_finds_the_coverage_the_analysis_finds() -> None:
    plan = generate_plan(systems=1, committees_per_system=20, seats_per_committee=8, seed=5)
    covered = bare_coverage(*bare_plan_dicts(plan))
    checked = 0
    for tier in analyse(plan).coverage:
        for function, cell in tier.functions.items():
            for committee_id in cell.required_ids:
                assert (committee_id in cell.covered_ids) == (function in covered[committee_id])
                checked += 1
    assert checked > 20


def test_verdicts_compare_ratios_with_a_baseline_and_times_without() -> None:
    assert Row("x", "50k", 3.0, baseline=1.0, limit=2.0).verdict == "FAIL"
    assert Row("x", "50k", 1.5, baseline=1.0, limit=2.0).verdict == "PASS"
    assert Row("x", "50k", 0.4, limit=0.5).verdict == "PASS"
    assert Row("x", "50k", 0.6, limit=0.5).verdict == "FAIL"
    assert Row("x", "10k", 0.6).verdict == "info"
    assert Row("x", "50k", None, note="missing").verdict == "N/A"


def test_scaling_flags_cost_per_seat_that_grows_with_size() -> None:
    linear = [Row("a", "1k", 0.010, seats=1000), Row("a", "50k", 0.6, seats=50_000)]
    quadratic = [Row("b", "1k", 0.010, seats=1000), Row("b", "50k", 25.0, seats=50_000)]
    lines = scaling_lines(linear + quadratic)
    assert lines[0].startswith("- a:")
    assert lines[0].endswith(": linear")
    assert lines[1].startswith("- b:")
    assert lines[1].endswith("WORSE THAN LINEAR")


def test_growth_no_worse_than_the_baselines_own_growth_counts_as_linear() -> None:
    rows = [
        Row("c", "1k", 0.010, baseline=0.005, seats=1000),
        Row("c", "50k", 1.5, baseline=0.6, seats=50_000),
    ]
    (line,) = scaling_lines(rows)
    assert "linear relative to its baseline" in line
    assert "WORSE" not in line
