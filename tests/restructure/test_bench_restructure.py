"""A tiny run of the merge and reduce benchmark: every row measured, none an error."""

from __future__ import annotations

from pathlib import Path

from benchmarks import bench_restructure


def test_a_tiny_run_measures_merge_model_building_and_the_solve(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    assert bench_restructure.main(["--sizes", "200", "--repeat", "1", "--markdown", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    for name in ("merge (two plans)", "reduce: model building", "reduce -20% (solve)"):
        assert f"| {name} " in text
    assert "optimal, gap 0.00%" in text
    assert "ERROR" not in text
