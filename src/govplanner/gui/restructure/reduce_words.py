"""A reduction's outcome in the app's words (the command line's name its options instead).

No Qt here, so the wording is tested on its own.
"""

from __future__ import annotations

import re

from govplanner.analysis.rules.common import counted
from govplanner.restructure.outcome import WEIGHT_MEANINGS
from govplanner.restructure.proposal import sessions_text
from govplanner.restructure.reduce import Reduction

#: Short labels for the weights (their meanings, from the core, are the tooltips).
WEIGHT_LABELS = {
    "expected_gap": "Expected function left uncovered",
    "single_point": "Function resting on one person",
    "overload": "Person over capacity",
    "profession": "Committee losing its area's professions",
    "clinical_voice": "Committee losing every clinical role",
    "displaced": "Person losing a role",
    "retired": "Role retired",
    "combined": "Committees in common made one joint committee",
}
assert set(WEIGHT_MEANINGS) <= set(WEIGHT_LABELS), "every weight needs its label here"


def _forced_text(r: Reduction, names: dict[str, str]) -> str:
    lines = [
        "No proposal: the roles you chose to retire leave "
        f"{counted(len(r.forced_gaps), 'essential function', 'essential functions')} with "
        "no possible provider, whatever the budget. Keep one of their providers, or tick "
        "'Allow gaps'. The functions:"
    ]
    lines += [f"  • {names.get(p.committee_id, '?')}: {p.function.label}" for p in r.forced_gaps]
    return "\n".join(lines)


def _binding_lines(r: Reduction, names: dict[str, str]) -> list[str]:
    """Each role that binds at the least budget, with the essential functions only it keeps."""
    by_role: dict[int, list[str]] = {}
    for b in r.binding:
        what = f"{names.get(b.pair.committee_id, '?')} ({b.pair.function.label.lower()})"
        by_role.setdefault(b.role_index, []).append(what)
    if not by_role:
        return []
    lines = [
        "",
        f"What binds: at that least budget, each of these "
        f"{counted(len(by_role), 'role', 'roles')} is the only one left providing an "
        "essential function:",
    ]
    for index, where in by_role.items():
        role = r.facts.roles[index]
        lines.append(
            f"  • {role.title} ({sessions_text(role.sessions_per_week)}): {'; '.join(where)}"
        )
    return lines


def refusal_text(r: Reduction) -> str:
    """Why no proposal was made: the least budget and what binds, or what else stopped it."""
    names = {c.id: c.name for c in r.plan.committees}
    if r.forced_gaps:
        return _forced_text(r, names)
    if r.status != "infeasible":
        limit = r.request.time_limit or 0
        return (
            f"No proposal was found within the time limit of {limit:g} seconds. Allow more "
            "time and propose again."
        )
    budget = sessions_text(r.budget)
    if r.least_budget is None:
        return (
            f"No choice within the budget of {budget} a week keeps every essential function "
            "that is covered today covered, and the least budget that would was not found "
            "within the time limit. Allow more time, or tick 'Allow gaps'."
        )
    least = sessions_text(r.least_budget)
    proof = "proven the least" if r.least_proven else "the best found in the time limit, not proven"
    lines = [
        f"No proposal: no choice within the budget of {budget} a week keeps every essential "
        "function that is covered today covered.",
        f"The least budget that does is {least} a week ({proof}). Raise the budget to at "
        "least that, or tick 'Allow gaps' to keep this budget and open the fewest gaps.",
    ]
    return "\n".join(lines + _binding_lines(r, names))


#: The core's text is shared with the command line; in the app it reads in plain words.
PLAIN = (
    ("(weight; today → proposal)", "(its weight; today, then in the proposal)"),
    ("(weight; today -> proposal)", "(its weight; today, then in the proposal)"),
    (" → ", " to "),
    (" -> ", " to "),  # the command line's older arrow
    ("with an optimality gap of", "when its answer could still be improved by up to"),
    ("HiGHS", "the optimiser"),
    ("--retire", "the roles you chose to retire"),
    ("committee-function pairs", "functions needed on committees"),
    ("committee-function pair", "function needed on a committee"),
)
#: finding codes in brackets ("(GAP003)"): the app says what they are in words already
_CODE = re.compile(r" \((?:GAP|LOD|PRO|CLN|DEP|QRM|STR|DEV|TRM)\d{3}\)")


def plain_words(text: str) -> str:
    """The core's reduction text without arrows, the solver's name, command-line options,
    tool words or bare finding codes."""
    for jargon, plain in PLAIN:
        text = text.replace(jargon, plain)
    return _CODE.sub("", text)
