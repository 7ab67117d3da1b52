"""Every part of every command (issue 17): the CCPL principles, the term ends, comparing two
plans, an edit refreshed incrementally, and ``govplanner check`` as a whole process.

Each figure is against a baseline run interleaved with it in the same process (so a busy
machine slows both alike): plain dict passes for the parts, and a whole ``python`` process
doing ``json.load`` of the same file for the whole-process check.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.bench_core import plan_path
from benchmarks.generate import count_seats
from benchmarks.timing import NotAvailable, Row, fmt_value, measure, measure_pair, median
from govplanner.domain.model import Plan

#: term ends are judged against a fixed date, so runs on different days measure the same work
AS_OF = dt.date(2026, 4, 1)


def _bare_roles(plan: Plan) -> list[dict[str, Any]]:
    """The roles as plain dicts (made untimed): what the bare baselines start from."""
    holders = {p.id: p for p in plan.people}
    return [
        {
            "id": r.id,
            "title": r.title,
            "clinical": r.clinical,
            "holder_id": r.holder_id,
            "profession": r.profession
            or (holders[r.holder_id].profession if r.holder_id in holders else ""),
            "term_end": r.term_end,
            "committee_ids": list(r.committee_ids),
        }
        for r in plan.roles
    ]


def bare_principles(roles: list[dict[str, Any]]) -> dict[str, int]:
    """Baseline: one pass over the roles counting clinical ones by profession and vacancy."""
    counts: dict[str, int] = {}
    for role in roles:
        if role["clinical"]:
            key = role["profession"].strip().lower() or "?"
            counts[key] = counts.get(key, 0) + 1
            if role["holder_id"] is None:
                counts["vacant"] = counts.get("vacant", 0) + 1
    return counts


def bench_principles(plan: Plan, label: str, repeat: int, limit: float | None) -> Row:
    """assess_principles (with the analysis's own context, as ``check`` runs it)."""
    try:
        from govplanner.analysis import analyse, build_context
        from govplanner.analysis.principles import assess_principles
    except ImportError as exc:
        raise NotAvailable(f"the principles assessment is not available ({exc})") from None
    context = build_context(plan, AS_OF)
    analysis = analyse(plan, context, as_of=AS_OF)
    roles = _bare_roles(plan)
    ours, base = measure_pair(
        lambda: assess_principles(plan, analysis, context), lambda: bare_principles(roles), repeat
    )
    return Row(
        "CCPL principles",
        label,
        median(ours),
        median(base),
        "info: vs one pass over the roles",
        limit,
        count_seats(plan),
        "assess_principles, sharing the analysis's context",
        len(ours),
    )


def bare_terms(roles: list[dict[str, Any]], horizon: dt.date) -> list[tuple[dt.date, str]]:
    """Baseline: filled roles with a term end before the horizon, sorted."""
    found = [
        (r["term_end"], r["title"])
        for r in roles
        if r["holder_id"] is not None and r["term_end"] is not None and r["term_end"] <= horizon
    ]
    found.sort()
    return found


def bench_terms(plan: Plan, label: str, repeat: int, limit: float | None) -> Row:
    """upcoming_term_ends (the Terms tab and the report's timeline) over a year."""
    from govplanner.analysis.rules.terms import upcoming_term_ends

    roles = _bare_roles(plan)
    horizon = AS_OF + dt.timedelta(days=365)
    ours, base = measure_pair(
        lambda: upcoming_term_ends(plan, AS_OF, 365), lambda: bare_terms(roles, horizon), repeat
    )
    found = len(upcoming_term_ends(plan, AS_OF, 365))
    return Row(
        "term ends (timeline)",
        label,
        median(ours),
        median(base),
        "info: vs one pass over the roles",
        limit,
        count_seats(plan),
        f"{found:,} term ends within a year",
        len(ours),
    )


def edited_copy(plan: Plan) -> Plan:
    """The plan with one role in fifty vacated and one committee in fifty renamed."""
    after = plan.model_copy(deep=True)
    for role in after.roles[::50]:
        role.holder_id = None
    for committee in after.committees[::50]:
        committee.name += " (renamed)"
    return after


def bare_compare(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[str]:
    """Baseline: the roles whose holder or seats differ, matched by id (plain dicts)."""
    old = {r["id"]: r for r in before}
    return [
        r["id"]
        for r in after
        if (o := old.get(r["id"])) is None
        or o["holder_id"] != r["holder_id"]
        or o["committee_ids"] != r["committee_ids"]
    ]


def bench_compare(plan: Plan, label: str, repeat: int, limit: float | None) -> Row:
    """analysis.compare.compare_plans (both analyses, matching, changes) of two versions."""
    try:
        from govplanner.analysis.compare import compare_plans
    except ImportError as exc:
        raise NotAvailable(f"govplanner.analysis.compare is not available ({exc})") from None
    after = edited_copy(plan)
    before_roles, after_roles = _bare_roles(plan), _bare_roles(after)
    ours, base = measure_pair(
        lambda: compare_plans(plan, after, as_of=AS_OF),
        lambda: bare_compare(before_roles, after_roles),
        min(repeat, 3),
    )
    result = compare_plans(plan, after, as_of=AS_OF)
    changed = len(result.roles) + len(result.committees)
    return Row(
        "compare two plans",
        label,
        median(ours),
        median(base),
        "info: vs a dict diff of the roles",
        limit,
        count_seats(plan),
        f"{changed:,} items changed; includes analysing both plans",
        len(ours),
    )


def bench_incremental_edit(plan: Plan, label: str, repeat: int, limit: float | None) -> Row:
    """One edit through PlanDocument.update, then the analysis brought up to date
    incrementally (as the app does after every edit), alternating vacate and refill."""
    try:
        from govplanner.analysis.incremental import IncrementalAnalysis
    except ImportError as exc:
        raise NotAvailable(f"govplanner.analysis.incremental is not available ({exc})") from None
    from govplanner.analysis import analyse
    from govplanner.domain.document import Change, PlanDocument

    document = PlanDocument(plan=plan)
    changes: list[Change] = []
    unsubscribe = document.subscribe(changes.append)
    engine = IncrementalAnalysis(plan, as_of=AS_OF)
    role = next(r for r in plan.roles[len(plan.roles) // 2 :] if r.holder_id is not None)
    holder = role.holder_id
    state = {"vacant": False}

    def edit_and_refresh() -> None:
        state["vacant"] = not state["vacant"]
        document.update("role", role.id, holder_id=None if state["vacant"] else holder)
        engine.update(plan, changes, as_of=AS_OF)
        changes.clear()

    times = measure(edit_and_refresh, repeat)
    agrees = engine.analysis == analyse(plan, as_of=AS_OF)
    if state["vacant"]:
        edit_and_refresh()
    unsubscribe()
    if not agrees:  # a fast wrong answer is no answer
        raise AssertionError("the incremental analysis differs from a full one")
    return Row(
        "edit → findings (incremental)",
        label,
        median(times),
        None,
        "≤ 50 ms" if limit is not None else "",
        limit,
        count_seats(plan),
        f"PlanDocument.update + IncrementalAnalysis.update; {engine.full_runs} full run "
        "(at the start); agrees with a full analysis",
        len(times),
    )


def _children_cpu() -> float:
    """CPU seconds used so far by finished child processes (0 where not measurable)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _process(args: list[str], cpu: list[float] | None = None) -> None:
    before = _children_cpu()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    if cpu is not None:
        cpu.append(_children_cpu() - before)


def _compile_package() -> None:
    """Bring govplanner's bytecode up to date, as an installed package has it: with
    PYTHONDONTWRITEBYTECODE set (or a working tree edited since), every process would
    compile each changed module again (~0.1 s when all are stale)."""
    import compileall

    import govplanner

    compileall.compile_dir(str(Path(govplanner.__file__).parent), quiet=1)


#: interleaved pairs of whole processes for the check benchmark
_PAIRS = 9


def bench_check_process(
    plan: Plan, label: str, workdir: Path, repeat: int, limit: float | None
) -> Row:
    """``govplanner check PLAN --format json`` as a whole process, against a whole process
    doing ``json.load`` of the same file (both start the same Python)."""
    path = plan_path(plan, workdir, label)
    _compile_package()
    check = [sys.executable, "-m", "govplanner", "check", str(path), "--format", "json"]
    check += ["--as-of", AS_OF.isoformat()]
    bare = [sys.executable, "-c", f"import json; json.load(open({str(path)!r}, 'rb'))"]
    done = subprocess.run(check, capture_output=True, check=False)
    if done.returncode not in (0, 1) or not done.stdout.startswith(b"{"):
        raise RuntimeError(f"govplanner check failed: {done.stderr.decode()[-300:]}")
    cpu: tuple[list[float], list[float]] = ([], [])
    # Whole processes on a virtual machine: one stalled run in five moves a median of five,
    # so at least nine interleaved pairs (~15 s at 50k), whatever --repeat says.
    ours, base = measure_pair(
        lambda: _process(check, cpu[0]), lambda: _process(bare, cpu[1]), max(repeat, _PAIRS)
    )
    # CPU time as well: on a busy machine waiting for a core stretches the shorter baseline
    # process more, in proportion, than the wall-clock ratio shows
    cpu_note = ""
    if median(cpu[1]) > 0:
        cpu_note = f"; CPU {median(cpu[0]) / median(cpu[1]):.2f}× ({fmt_value(median(cpu[0]))})"
    return Row(
        "check --format json (process)",
        label,
        median(ours),
        median(base),
        "≤ 3× a process doing json.load",
        limit,
        count_seats(plan),
        f"whole processes, start-up included; output {len(done.stdout) / 1e6:.1f} MB{cpu_note}",
        len(ours),
    )
