"""The parts of a role description about the post's work: functions, seats, person
specification, working relationships, board competencies and the gaps it would close."""

from __future__ import annotations

from govplanner.domain import catalogue
from govplanner.domain.enums import (
    FUNCTIONS,
    Function,
    Level,
    Membership,
    Requirement,
    Severity,
)
from govplanner.domain.model import Committee, Plan, Role
from govplanner.export.registration import registration_text
from govplanner.export.role_index import Context, PlanIndex
from govplanner.export.role_seats import (
    seat_duty,
    seat_text,
)
from govplanner.export.wording import (
    and_list,
    the,
)


def profession_text(role: Role) -> str:
    """The profession line: never 'open to any profession' on a post that needs none."""
    if role.profession:
        return capitalise(role.profession)
    if role.clinical:
        return "Open to any registered health or care profession"
    return "Not a professional post"


def capitalise(text: str) -> str:
    """'acute medicine' -> 'Acute medicine' (the rest is left as typed)."""
    return text[:1].upper() + text[1:]


def function_section(
    idx: PlanIndex,
    role: Role,
    function: Function,
    committees: list[Committee],
    levels: list[Level],
) -> Context:
    info = catalogue.FUNCTION_INFO[function]
    chosen = [
        catalogue.ACTIVITY_BY_CODE[code]
        for code in role.activities
        if code in catalogue.ACTIVITY_BY_CODE
        and catalogue.ACTIVITY_BY_CODE[code].function is function
    ]
    activities = chosen or list(catalogue.activities_of(function))
    return {
        "id": function.value,
        "label": function.label,
        "summary": info.summary,
        "direct_effect": info.direct_effect,
        "latent_effect": info.latent_effect,
        "level_wording": [
            {"level": lvl.label, "text": catalogue.LEVEL_WORDING[function][lvl]} for lvl in levels
        ],
        "activities": [{"code": a.code, "text": a.text} for a in activities],
        "activities_chosen": bool(chosen),
        "sources": [s.label for s in info.sources],
        "needed_on": needed_on(idx, role, function, committees),
    }


def needed_on(
    idx: PlanIndex, role: Role, function: Function, committees: list[Committee]
) -> list[str]:
    """Where the function is essential or expected now, in words for a board paper.

    Judged by each committee's kind (an assurance committee needs none) at its current stage;
    only seats that provide functions (member or participant) count. Committees needing it
    alike at the same stage are named together: 'essential at the current stage (Strategy
    setting) on the A and the B'.
    """
    needed: dict[tuple[Requirement, str], list[str]] = {}
    for committee in committees:
        level = idx.level(committee)
        membership = role.membership_on(committee.id) or Membership.MEMBER
        if level is None or not membership.provides:
            continue
        stage_id = idx.plan.current_stage_id(committee)
        req = idx.plan.committee_requirement(committee, level, stage_id, function)
        if req is not Requirement.OPTIONAL:
            needed.setdefault((req, idx.stage_name(committee)), []).append(the(committee.name))
    order = {Requirement.ESSENTIAL: 0, Requirement.EXPECTED: 1}
    return [
        f"{req.value} {'at the current stage (' + stage + ')' if stage else 'now'} on "
        + and_list(names)
        for (req, stage), names in sorted(needed.items(), key=lambda kv: order[kv[0][0]])
    ]


def seat_duties(idx: PlanIndex, role: Role, committees: list[Committee]) -> list[str]:
    """What each seat asks of the post; a post with no seat gets what its appointment asks."""
    if committees:
        return [seat_duty(idx, role, c) for c in committees]
    return [
        f"Take forward the work the {role.title} is appointed to do for the "
        f"{idx.plan.name}, and take up the {idx.words.committee} seats agreed on appointment."
    ]


def person_specification(role: Role, plan: Plan) -> Context:
    sources: dict[str, list[str]] = {}
    for function in role.functions:
        for source in catalogue.FUNCTION_SOURCES[function]:
            sources.setdefault(source.value, []).append(function.label)
    by_value = {s.value: s for s in catalogue.SOURCE_DESCRIPTIONS}
    return {
        "profession": profession_text(role),
        "registration": registration_text(
            role.profession, clinical=role.clinical, synonyms=plan.profession_synonyms
        ),
        "sources": [
            {
                "label": by_value[value].label,
                "description": catalogue.SOURCE_DESCRIPTIONS[by_value[value]],
                "for_functions": and_list(functions),
            }
            for value, functions in sources.items()
        ],
    }


def relationships(idx: PlanIndex, role: Role, committees: list[Committee]) -> list[Context]:
    groups = []
    for committee in committees:
        others = [r for r in idx.seats.get(committee.id, []) if r.id != role.id]
        groups.append(
            {
                "committee": committee.name,
                "on": f"On {the(committee.name)}",
                "members": [
                    {
                        "seat": seat_text(idx, r, committee),
                        "title": r.title,
                        "holder": idx.holder(r) or "Vacant",
                        "profession": capitalise(r.profession),
                        "clinical": r.clinical,
                    }
                    for r in others
                ],
            }
        )
    return groups


def board_competencies(levels: list[Level]) -> Context:
    applies = Level.EXECUTIVE in levels
    return {
        "applies": applies,
        "domains": list(catalogue.BOARD_COMPETENCY_DOMAINS) if applies else [],
        "source": catalogue.BOARD_COMPETENCY_SOURCE,
        "framework": "NHS England's leadership competency framework for board members (2024)",
    }


def gaps_filled(idx: PlanIndex, role: Role, committees: list[Committee]) -> list[str]:
    """The gaps an appointment to this (vacant) post would close, in plain words."""
    if idx.holder(role) or not role.clinical:
        return []
    closes = []
    for committee in committees:
        for function in FUNCTIONS:
            severity = idx.gaps.get((committee.id, function))
            if severity is None or function not in role.functions:
                continue
            weight = "critical" if severity is Severity.CRITICAL else "significant"
            closes.append(
                f"{_upper_first(the(committee.name))} has no filled post providing "
                f"{function.label.lower()}, "
                f"a {weight} gap at its current stage ({idx.stage_name(committee)})."
            )
    return closes


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
