"""What a role description says, as plain data (dicts, lists, strings) for the templates."""

from __future__ import annotations

import datetime as dt

from govplanner.analysis.result import Analysis
from govplanner.analysis.rules.common import tier_label as _tier_name
from govplanner.domain import catalogue
from govplanner.domain.enums import (
    FUNCTIONS,
    CommitteeKind,
    Level,
    Rule,
)
from govplanner.domain.governance import KIND_INFO
from govplanner.domain.model import Committee, Plan, Role, Tier
from govplanner.domain.vocabulary import DEFAULT_WORDS, Words
from govplanner.export.role_index import Context, PlanIndex
from govplanner.export.role_seats import (
    accountability,
    accountable_targets,
    committee_notes,
    kind_phrase,
    kind_plural,
    organisation_names,
    reporting_line,
    seat_text,
    sits_on,
)
from govplanner.export.role_sections import (
    board_competencies,
    capitalise,
    function_section,
    gaps_filled,
    person_specification,
    profession_text,
    relationships,
    seat_duties,
)
from govplanner.export.wording import (
    and_list,
    format_date,
    format_sessions,
    term_alert,
    term_status,
    term_text,
    the,
)

__all__ = ["Context", "PlanIndex", "capitalise", "role_context", "tier_label"]


def role_context(
    plan: Plan,
    role: Role,
    analysis: Analysis,
    *,
    index: PlanIndex | None = None,
    today: dt.date | None = None,
) -> Context:
    """Everything a role description template needs, as plain data.

    Pass a shared ``index`` when describing many roles of one plan. Terms are judged against
    the analysis's date (``analysis.as_of``), else ``today``, else the real today.
    """
    idx = index if index is not None and index.plan is plan else PlanIndex(plan, analysis)
    committees = [idx.committees[c] for c in role.committee_ids if c in idx.committees]
    committees.sort(key=lambda c: _level_order(idx, c))
    levels = _levels(idx, committees)
    as_of = analysis.as_of or today or dt.date.today()
    return {
        "plan": {"name": plan.name, "description": plan.description},
        "generated_on": format_date(today or dt.date.today()),
        "words": idx.words.as_dict(),
        "role": {**_role_facts(idx, role, committees, levels), **_term_facts(idx, role, as_of)},
        "committees": [_committee_facts(idx, c, role) for c in committees],
        "reporting_line": [reporting_line(idx, c) for c in committees],
        "accountable_to": accountability(idx, role, committees),
        "sits_on": sits_on(idx, role, committees),
        "purpose": _purpose(role, committees, levels, idx),
        "functions": [function_section(idx, role, f, committees, levels) for f in role.functions],
        "seat_duties": seat_duties(idx, role, committees),
        "person_specification": person_specification(role, idx.plan),
        "working_relationships": relationships(idx, role, committees),
        "board_competencies": board_competencies(levels),
        "gaps_filled": gaps_filled(idx, role, committees),
        "framework_basis": catalogue.FRAMEWORK_BASIS,
        "study": catalogue.STUDY,
    }


def _level_order(idx: PlanIndex, committee: Committee) -> tuple[int, str]:
    level = idx.level(committee)
    return (level.order if level else 9, committee.name.casefold())


def _levels(idx: PlanIndex, committees: list[Committee]) -> list[Level]:
    found = {lvl for c in committees if (lvl := idx.level(c)) is not None}
    return sorted(found, key=lambda lvl: lvl.order)


def _role_facts(
    idx: PlanIndex, role: Role, committees: list[Committee], levels: list[Level]
) -> Context:
    tiers = []
    for c in committees:
        tier = idx.tiers.get(c.tier_id)
        label = tier_label(tier, idx.words) if tier else ""
        if label and label not in tiers:
            tiers.append(label)
    holder = idx.holder(role)
    organisations = organisation_names(idx, role.organisation_ids)
    return {
        "title": role.title,
        "clinical": role.clinical,
        "profession": capitalise(role.profession),
        "profession_text": profession_text(role),
        "organisations": organisations,
        "organisation_text": _organisation_text(organisations),
        "leadership": _leadership(role, idx.words),
        "holder": holder,
        "vacant": not holder,
        "status": f"Filled (held by {holder})" if holder else "Vacant",
        "tiers": tiers,
        "levels": [lvl.label for lvl in levels],
        "sessions_per_week": role.sessions_per_week,
        "time_commitment": format_sessions(role.sessions_per_week),
        "term": term_text(role.term_start, role.term_end),
        "function_labels": [f.label for f in role.functions],
    }


def _term_facts(idx: PlanIndex, role: Role, as_of: dt.date) -> Context:
    """The term's end, its status and, when it has ended or ends soon, a plain warning."""
    holder, days = idx.holder(role), idx.plan.term_warning_days
    return {
        "term_end": format_date(role.term_end),
        "term_status": term_status(
            role.term_end, filled=bool(holder), as_of=as_of, warning_days=days
        ),
        "term_alert": term_alert(
            role.term_end, holder=holder, as_of=as_of, warning_days=days, role_word=idx.words.role
        ),
    }


def _committee_facts(idx: PlanIndex, committee: Committee, role: Role) -> Context:
    tier = idx.tiers.get(committee.tier_id)
    chair = idx.roles.get(committee.chair_role_id or "")
    targets = accountable_targets(idx, committee)
    advises = [idx.committees[t] for t in committee.advises_ids if t in idx.committees]
    group = idx.plan.group(committee.group_id) if committee.group_id else None
    notes = committee_notes(idx, committee)
    return {
        "name": committee.name,
        "the_name": the(committee.name),
        "kind": committee.kind.value,
        "kind_label": committee.kind.label,
        "kind_phrase": kind_phrase(committee.kind, idx.words.committee),
        "seat": seat_text(idx, role, committee),
        "tier": tier.name if tier else "",
        "level": tier.level.label if tier else "",
        "tier_label": tier_label(tier, idx.words) if tier else "",
        "reports_to": and_list([t.name for t in targets]),
        "accountable_to": [t.name for t in targets],
        "advises": [a.name for a in advises],
        "organisations": organisation_names(idx, committee.organisation_ids),
        "group": group.name if group else "",
        "notes": notes,
        "description": " ".join(_described(committee, notes)),
        "stage": idx.stage_name(committee) if _follows_stages(idx.plan, committee) else "",
        "programme_area": committee.programme_area,
        "purpose": committee.purpose,
        "meeting_frequency": committee.meeting_frequency,
        "chair": chair.title if chair else "",
        "role_is_chair": chair is not None and chair.id == role.id,
        "executive": tier is not None and tier.level is Level.EXECUTIVE,
    }


def _follows_stages(plan: Plan, committee: Committee) -> bool:
    """Whether the committee's needs change with its stage (its kind follows the profile);
    an assurance committee's stage of integration means nothing to a reader."""
    return any(
        f not in committee.requirements and plan.kind_rule(committee.kind, f) is Rule.PROFILE
        for f in FUNCTIONS
    )


def _described(committee: Committee, notes: list[str]) -> list[str]:
    """The committee's notes, then its purpose and programme areas as sentences."""
    parts = list(notes)
    purpose = " ".join(committee.purpose.split())
    if purpose:
        parts.append(f"Purpose: {purpose}" + ("" if purpose[-1] in ".!?" else "."))
    areas = committee.programme_areas
    if areas:
        word = "Programme area" if len(areas) == 1 else "Programme areas"
        parts.append(f"{word}: {and_list(areas)}.")
    return parts


def _organisation_text(names: list[str]) -> str:
    if len(names) > 1:
        return f"{and_list(names)} (a joint post)"
    return names[0] if names else ""


def _leadership(role: Role, w: Words) -> str:
    """'a clinical and care professional leadership post' (NHS England's term) or 'a ... post'."""
    if role.clinical:
        return f"a clinical and care professional leadership {w.role}"
    return f"a leadership {w.role}"


def _purpose(
    role: Role, committees: list[Committee], levels: list[Level], idx: PlanIndex
) -> list[str]:
    """A few sentences, in our words, on why the role exists and what its committees do."""
    w = idx.words
    kind = _leadership(role, w)
    if committees:
        where = and_list([the(c.name) for c in committees])
        first = f"The {role.title} is {kind} with a seat on {where}."
    else:
        first = f"The {role.title} is {kind}; it has not yet been given a {w.committee} seat."
    lines = [first]
    organisations = organisation_names(idx, role.organisation_ids)
    if len(organisations) > 1:
        lines.append(f"It is a joint post of {and_list(organisations)}.")
    elif organisations:
        lines.append(f"The post is employed, appointed or nominated by {organisations[0]}.")
    if role.functions:
        lines.append(
            "The post brings "
            + and_list([f.label.lower() for f in role.functions])
            + f" to the work of the {w.committees} it sits on, so that plans reflect how care "
            "is delivered and clinical and care professionals recognise and support the "
            "changes made."
        )
    lines.extend(_committee_sentences(idx, committees))
    return lines


def _committee_sentences(idx: PlanIndex, committees: list[Committee]) -> list[str]:
    """One sentence per level for decision-making committees, one per kind for the others."""
    w = idx.words
    groups: dict[tuple[CommitteeKind, Level | None], list[Committee]] = {}
    for committee in committees:
        level = idx.level(committee) if committee.kind is CommitteeKind.DECISION else None
        groups.setdefault((committee.kind, level), []).append(committee)
    lines = []
    for (kind, level), members in groups.items():
        names = [the(c.name) for c in members]
        subject = _upper_first(and_list(names))
        if level is not None:
            what = _lower_first(catalogue.LEVEL_DESCRIPTIONS[level])
            article = "an" if level.value[0] in "aeiou" else "a"
            if len(members) == 1:
                lines.append(
                    f"{subject} is {article} {level.value}-level {w.committee}, which {what}"
                )
            else:
                lines.append(f"{subject} are {level.value}-level {w.committees}; each {what}")
            continue
        does = KIND_INFO[kind].does
        phrase = kind_phrase(kind, w.committee)
        if len(members) == 1:
            lines.append(f"{subject} is {phrase} that {does}.")
        else:
            plural = kind_plural(kind, w.committees)
            lines.append(f"{subject} are {plural}; each {does}.")
    return lines


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def tier_label(tier: Tier, w: Words = DEFAULT_WORDS) -> str:
    """'Programme tier (thematic level)', or just 'Thematic level' when the names agree.

    The tier is named with the plan's word for a tier, once ('Place Tier', not 'Place Tier tier').
    """
    if tier.name.strip().casefold() == tier.level.value:
        return f"{tier.level.label} level"
    return f"{_tier_name(tier.name, w.tier)} ({tier.level.value} level)"
