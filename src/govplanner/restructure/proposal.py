"""The proposal plan (retired roles removed, rationale recorded) and the reduction in words."""

from __future__ import annotations

import datetime as dt

from govplanner.analysis.rules.common import number
from govplanner.domain.model import Plan
from govplanner.restructure.combine import combination_lines, combine_reduction
from govplanner.restructure.edit import remove_roles
from govplanner.restructure.outcome import WEIGHT_MEANINGS, Outcome
from govplanner.restructure.rationale import (
    SCOPE_TEXT,
    Places,
    costs,
    proposal_record,
    retirements,
    subjects,
)
from govplanner.restructure.reduce import Reduction

#: Plan.description holds at most 20,000 characters.
DESCRIPTION_LIMIT = 20_000
#: Roles listed as binding in the text of a refusal (the JSON lists every one).
BINDING_SHOWN = 25


def _plural_sessions(sessions: float) -> str:
    return f"{number(sessions)} session" + ("" if sessions == 1 else "s")


def _plural(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def sessions_text(value: float) -> str:
    """'1 session', '2.5 sessions'."""
    shown = number(round(value, 6))
    return f"{shown} session" + ("" if shown == "1" else "s")


def status_text(r: Reduction) -> str:
    """The optimiser's verdict in plain words."""
    sol = r.solution
    if r.status == "infeasible":
        if r.forced_gaps:
            return "refused: --retire leaves essential functions with no possible provider"
        if r.least_budget is None:
            return "refused: no choice within the budget keeps essential cover"
        proof = "proven least" if r.least_proven else "best found, not proven least"
        return (
            "refused: no choice within the budget keeps every covered essential function "
            f"covered; the least budget that does is {sessions_text(r.least_budget)} a week "
            f"({proof})"
        )
    if sol is None:
        return "no solve was needed"
    if r.status == "optimal":
        return f"optimal: the optimiser proved no better choice exists ({sol.seconds:.2f} s)"
    if r.status == "feasible":
        gap = 0.0 if sol.gap is None else sol.gap * 100
        return (
            "feasible, not proven best: the time limit stopped the optimiser with an "
            f"optimality gap of {gap:.2f}% ({sol.seconds:.2f} s)"
        )
    return sol.detail


def _harm_lines(r: Reduction, after: Outcome) -> list[str]:
    """Each weighed harm with its weight, today and in the proposal."""
    today, w = r.today, r.request.weights
    rows = [
        ("expected_gap", "expected-function gaps opened", 0, len(after.expected_gaps)),
        ("single_point", "single points of failure (GAP003)", today.single_points,
         after.single_points),
        ("overload", "people over capacity (LOD001)", today.overloads, after.overloads),
        ("profession", "committees losing their area's professions (PRO001)", 0,
         len(after.professions_lost)),
        ("clinical_voice", "committees losing every clinical role (CLN001)", 0,
         len(after.voices_lost)),
        ("displaced", "people displaced", 0, len(after.displaced)),
        ("retired", "roles retired", 0, after.retired),
    ]  # fmt: skip
    if r.request.combine_in_common:
        rows.append(("combined", "sets of committees in common combined", 0, sum(r.combined)))
    lines = ["Harms weighed (weight; today → proposal):"]
    for key, text, was, now in rows:
        lines.append(f"  {text} (weight {getattr(w, key):g}): {was} → {now}")
    return lines


def _head_lines(r: Reduction) -> list[str]:
    facts = r.facts
    scope = SCOPE_TEXT[r.request.clinical_scope]
    today = number(round(facts.scope_sessions, 6))
    budget = f"Budget: {sessions_text(r.budget)} a week"
    if r.request.budget.sessions is None:
        budget += f" ({number(r.request.budget.cut_percent or 0)}% fewer than today's {today})"
    lines = [
        f"Scope: {scope} ({_plural(sum(facts.in_scope), 'role')}, {today} sessions a week today).",
        budget + ".",
    ]
    if r.abolished:
        lines.append(f"Abolished first: {', '.join(r.abolished)}.")
    lines.append(f"Result: {status_text(r)}.")
    return lines


def summary_lines(r: Reduction) -> list[str]:
    """The reduction in a few plain lines (the head of the text output and the rationale)."""
    facts, after = r.facts, r.after
    lines = _head_lines(r)
    if after is None:
        return lines
    lines.append(
        f"Sessions in scope: {number(round(facts.scope_sessions, 6))} → "
        f"{number(round(after.scope_sessions, 6))} ({_plural(len(r.retired), 'role')} retired)."
    )
    before_cost, after_cost = costs(r)
    lines.append(f"Cost before: {before_cost.text()}.")
    if after_cost is not None:
        lines.append(f"Cost after: {after_cost.text()}.")
    kept = len(facts.essential) - len(after.essential_gaps)
    pairs_today = _plural(len(facts.essential), "committee-function pair")
    lines.append(f"Essential functions covered today: {pairs_today}; still covered: {kept:,}.")
    return lines + _harm_lines(r, after)


def reduction_text(r: Reduction) -> str:
    lines = [f"Reduction of '{r.original.name}'", *summary_lines(r)]
    if r.found:
        gone = retirements(r)
        lines.append(f"Retired roles ({len(gone):,}):" if gone else "No role needs retiring.")
        for x, subject in zip(gone, subjects(gone), strict=True):
            held = "vacant" if x.holder is None else f"held by {x.holder}"
            lines.append(
                f"  - {subject}, {_plural_sessions(x.sessions)}, {held}: " + "; ".join(x.reasons)
            )
    elif r.status == "infeasible":
        lines += refusal_lines(r)
    lines += combination_lines(r)  # nothing unless --combine-in-common was asked
    return "\n".join(lines) + "\n"


def refusal_lines(r: Reduction) -> list[str]:
    names = {c.id: c.name for c in r.plan.committees}
    places = Places(r.plan)
    facts = r.facts
    lines = []
    if r.forced_gaps:
        lines.append("Essential functions that --retire leaves with no possible provider:")
        for p in r.forced_gaps:
            lines.append(f"  - {names.get(p.committee_id, '?')}: {p.function.label}")
        return lines
    if r.binding:
        lines.append(
            "What binds: at the least budget, each of these roles is the only provider kept "
            "of an essential function that is covered today:"
        )
    by_role: dict[int, list[str]] = {}
    for b in r.binding:
        what = f"{names.get(b.pair.committee_id, '?')} ({b.pair.function.label.lower()})"
        by_role.setdefault(b.role_index, []).append(what)
    shown = list(by_role.items())
    for index, where in shown[:BINDING_SHOWN]:
        role = facts.roles[index]
        place = places.of(role)
        held = f"{place}, " if place else ""
        lines.append(
            f"  - {role.title} ({held}{sessions_text(role.sessions_per_week)}): {'; '.join(where)}"
        )
    if len(shown) > BINDING_SHOWN:
        more = len(shown) - BINDING_SHOWN
        lines.append(f"  ... and {_plural(more, 'more role')} (all of them in --format json)")
    return lines


def refusal_message(r: Reduction) -> str:
    """The one-line error for a refused reduction."""
    if r.forced_gaps:
        n = len(r.forced_gaps)
        return (
            f"--retire leaves {_plural(n, 'essential function')} on "
            f"{'a committee' if n == 1 else 'committees'} with no filled provider at any budget; "
            "keep a provider or add --allow-gaps."
        )
    if r.least_budget is None:
        return (
            f"no choice within the budget of {sessions_text(r.budget)} a week keeps "
            "every covered essential function covered, and no least budget was found in the "
            "time limit."
        )
    proven = "" if r.least_proven else " (the best found within the time limit, not proven)"
    return (
        f"no choice within the budget of {sessions_text(r.budget)} a week keeps every "
        f"covered essential function covered; the least budget that does is "
        f"{sessions_text(r.least_budget)} a week{proven} "
        f"({_plural(len(r.binding), 'committee-function pair')} bind, listed above); "
        "or add --allow-gaps."
    )


def proposal_plan(r: Reduction, *, name: str | None = None, today: dt.date | None = None) -> Plan:
    """The scenario plan: retired roles removed, its rationale recorded as ``Plan.proposal``.

    The description says in a few lines what the proposal is; the full record (every change
    and its reasons, the figures before and after, the optimiser's verdict) is the plan's
    :class:`~govplanner.domain.proposal.Proposal`, which diff, Compare and the gap report read.
    """
    retired_ids = [r.facts.roles[i].id for i in r.retired]
    plan = remove_roles(r.plan, retired_ids)
    plan, combined = combine_reduction(plan, r)  # committees in common made joint ones
    plan.name = (name or f"{r.original.name} (proposed reduction)")[:200]
    day = dt.date.today() if today is None else today
    head = [
        f"Proposed reduction of '{r.original.name}', made by govplanner on {day.isoformat()}.",
        *summary_lines(r),
        "Weights: "
        + "; ".join(
            f"{k} {v:g} ({WEIGHT_MEANINGS[k]})" for k, v in r.request.weights.as_json().items()
        )
        + ".",
        "Each change and its reasons are recorded with the plan: see Compare, "
        "`govplanner diff` or the gap report's Proposal sheet.",
    ]
    if r.original.description.strip():
        head += ["", "Description of the original plan:", r.original.description.strip()]
    plan.description = "\n".join(head)[:DESCRIPTION_LIMIT]
    plan.proposal = proposal_record(r, day)
    plan.proposal.changes.extend(combined)
    return plan
