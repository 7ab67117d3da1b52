"""Smoke tests of the issue 17 benchmarks (every part of every command) on a tiny plan."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import generate_plan

from benchmarks import bench_commands, run
from govplanner.analysis.rules.terms import upcoming_term_ends


def test_a_tiny_run_measures_every_command_part(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    argv = ["--sizes", "200", "--repeat", "1", "--markdown", str(out), "--workdir", str(tmp_path)]
    argv += ["--only", "edit,principles,terms,compare,check"]
    assert run.main(argv) == 0
    text = out.read_text(encoding="utf-8")
    for name in (
        "edit → findings (incremental)",
        "CCPL principles",
        "term ends (timeline)",
        "compare two plans",
        "check --format json (process)",
    ):
        assert f"| {name} " in text
    assert "agrees with a full analysis" in text
    assert "ERROR" not in text
    assert "Not measured: 0" in text


def test_the_bare_term_baseline_finds_the_term_ends_govplanner_lists() -> None:
    plan = generate_plan(systems=1, committees_per_system=20, seats_per_committee=8, seed=3)
    horizon = bench_commands.AS_OF.replace(year=bench_commands.AS_OF.year + 1)
    bare = bench_commands.bare_terms(bench_commands._bare_roles(plan), horizon)
    ours = upcoming_term_ends(plan, bench_commands.AS_OF, (horizon - bench_commands.AS_OF).days)
    assert len(bare) == len(ours) > 0


def test_the_compared_copy_differs_where_the_bare_diff_says() -> None:
    plan = generate_plan(systems=1, committees_per_system=20, seats_per_committee=8, seed=3)
    after = bench_commands.edited_copy(plan)
    changed = bench_commands.bare_compare(
        bench_commands._bare_roles(plan), bench_commands._bare_roles(after)
    )
    vacated = {r.id for r in plan.roles[::50] if r.holder_id is not None}
    assert set(changed) == vacated
    assert plan.committees[0].name != after.committees[0].name
