"""Open, save, full analysis and edit-then-refresh, each against its raw-library baseline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.generate import count_seats
from benchmarks.timing import NotAvailable, Row, measure, measure_pair, median
from govplanner.domain.model import Plan


def _planfile() -> Any:
    try:
        from govplanner.files import planfile
    except ImportError as exc:
        raise NotAvailable(f"govplanner.files.planfile is not available yet ({exc})") from None
    return planfile


def _analyse() -> Any:
    try:
        from govplanner.analysis import analyse
    except ImportError as exc:
        raise NotAvailable(f"govplanner.analysis.analyse is not available yet ({exc})") from None
    return analyse


def plan_path(plan: Plan, workdir: Path, label: str) -> Path:
    """The plan saved by govplanner (once) in the work folder."""
    path = workdir / f"plan-{label}.govplan"
    if not path.exists():
        _planfile().save_plan(plan, path)
    return path


def bench_open(plan: Plan, label: str, workdir: Path, repeat: int, limit: float | None) -> Row:
    """load_plan (parse, validate, integrity check) against json.loads of the same bytes."""
    planfile = _planfile()
    path = plan_path(plan, workdir, label)
    ours, base = measure_pair(
        lambda: planfile.load_plan(path), lambda: json.loads(path.read_bytes()), repeat
    )
    size = f"{path.stat().st_size / 1e6:.1f} MB"
    return Row(
        "open plan",
        label,
        median(ours),
        median(base),
        "≤ 3× json.loads (read + parse)",
        limit,
        count_seats(plan),
        f"file {size}",
        len(ours),
    )


def bench_save(plan: Plan, label: str, workdir: Path, repeat: int, limit: float | None) -> Row:
    """save_plan (check, serialise, atomic write) against json.dumps of the model_dump."""
    planfile = _planfile()
    path = workdir / f"save-{label}.govplan"
    data = plan.model_dump(mode="json")
    ours, base = measure_pair(
        lambda: planfile.save_plan(plan, path), lambda: json.dumps(data), repeat
    )
    return Row(
        "save plan",
        label,
        median(ours),
        median(base),
        "≤ 2× json.dumps(model_dump)",
        limit,
        count_seats(plan),
        "atomic write + .bak included",
        len(ours),
    )


def bare_plan_dicts(plan: Plan) -> tuple[list[str], list[dict[str, Any]]]:
    """Committee ids and role dicts: what the bare baseline starts from (built untimed)."""
    committees = [c.id for c in plan.committees]
    roles = [
        {
            "committee_ids": list(r.committee_ids),
            "clinical": r.clinical,
            "holder_id": r.holder_id,
            "functions": [f.value for f in r.functions],
        }
        for r in plan.roles
    ]
    return committees, roles


def bare_coverage(committees: list[str], roles: list[dict[str, Any]]) -> dict[str, set[str]]:
    """The baseline: one loop over every seat, giving each committee its covered functions."""
    covered: dict[str, set[str]] = {cid: set() for cid in committees}
    for role in roles:
        for cid in role["committee_ids"]:
            if role["clinical"] and role["holder_id"] is not None:
                covered[cid].update(role["functions"])
    return covered


def bench_analysis(plan: Plan, label: str, repeat: int, limit: float | None) -> Row:
    """analyse(plan): every rule, coverage per tier and stage, against a bare dict pass."""
    analyse = _analyse()
    committees, roles = bare_plan_dicts(plan)
    ours, base = measure_pair(
        lambda: analyse(plan), lambda: bare_coverage(committees, roles), repeat
    )
    findings = len(analyse(plan).findings)
    return Row(
        "full analysis",
        label,
        median(ours),
        median(base),
        "≤ 2× bare dict pass over seats",
        limit,
        count_seats(plan),
        f"{findings:,} findings",
        len(ours),
    )


def bench_edit(plan: Plan, label: str, repeat: int, limit: float | None) -> Row:
    """One edit through PlanDocument.update, then the refreshed analysis (findings + coverage)."""
    analyse = _analyse()
    from govplanner.domain.document import PlanDocument

    document = PlanDocument(plan=plan)
    role = next(r for r in plan.roles[len(plan.roles) // 2 :] if r.holder_id is not None)
    holder = role.holder_id
    state = {"vacant": False}

    def edit_and_refresh() -> None:
        state["vacant"] = not state["vacant"]
        document.update("role", role.id, holder_id=None if state["vacant"] else holder)
        analyse(document.plan)

    times = measure(edit_and_refresh, repeat)
    if state["vacant"]:
        document.update("role", role.id, holder_id=holder)
    target = "≤ 50 ms" if limit is not None and limit < 0.1 else "≤ 0.5 s"
    return Row(
        "edit → refreshed findings",
        label,
        median(times),
        None,
        target if limit is not None else "",
        limit,
        count_seats(plan),
        "PlanDocument.update + analyse (full)",
        len(times),
    )
