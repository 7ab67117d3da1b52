"""A self-assessment against the five CCPL principles, from what the plan's data can evidence.

NHS England's 2021 implementation guidance on clinical and care professional leadership
(CCPL) in integrated care systems sets out five principles. The wording below is our own
paraphrase. Each check reads only the plan (who sits where, sessions, sources of influence,
professions, vacancies and terms), so each result also says what it cannot show.
"""

from __future__ import annotations

from collections import Counter
from operator import attrgetter

from govplanner.analysis.context import CLINICAL_BIT, AnalysisContext, build_context
from govplanner.analysis.principle_result import (
    RAG_LABELS,
    SOURCE,
    PrincipleResult,
    Rag,
    share_of,
    share_rag,
)
from govplanner.analysis.professions import CORE_GROUPS, PROFESSION_GROUPS, profession_group
from govplanner.analysis.result import Analysis
from govplanner.analysis.roster import Roster, read_roster
from govplanner.analysis.rules.common import counted, name_list, number
from govplanner.domain.enums import Function, Level
from govplanner.domain.model import Committee, Plan

__all__ = [
    "CORE_GROUPS",
    "PROFESSION_GROUPS",
    "RAG_LABELS",
    "SOURCE",
    "PrincipleResult",
    "Rag",
    "assess_principles",
    "profession_group",
]

_CODE = attrgetter("code")

# -- the assessment ----------------------------------------------------------------------------


def assess_principles(
    plan: Plan, analysis: Analysis, context: AnalysisContext | None = None
) -> list[PrincipleResult]:
    """The five principles, each with a RAG, its evidence and what the check cannot show.

    Findings the user accepted do not count against a principle; each principle that
    discounts some says so in its evidence. ``context`` may be the :func:`build_context` the
    analysis was made with (indexing a national plan twice is a third of a check's time).
    """
    if context is not None and context.plan is not plan:
        raise ValueError("The analysis context was built for a different plan.")
    ctx = build_context(plan) if context is None else context
    findings = analysis.findings
    taken = [f for f in findings if f.accepted]
    # open findings by code (thousands at national scale: counted in C when none is accepted)
    counts = Counter(
        [f.code for f in findings if not f.accepted] if taken else map(_CODE, findings)
    )
    accepted = Counter(map(_CODE, taken))
    waived = {f.subject_id for f in taken if f.code == "CLN001"}
    roster = read_roster(ctx)  # the roles, read once for every principle
    return [
        _with_accepted(_decision_making(ctx, waived), accepted, ("CLN001",)),
        _with_accepted(
            _shared_learning(ctx, analysis, roster), accepted, ("GAP001", "GAP002", "DEP001")
        ),
        _with_accepted(_time_and_support(ctx, counts, roster), accepted, ("LOD001", "LOD002")),
        _with_accepted(_development(ctx, counts, roster), accepted, ("DEV001",)),
        _with_accepted(
            _recruitment_and_diversity(ctx, counts, roster), accepted, ("TRM001", "TRM002")
        ),
    ]


def _with_accepted(
    result: PrincipleResult, accepted: Counter[str], codes: tuple[str, ...]
) -> PrincipleResult:
    """Add a line saying how many accepted findings this principle left out, if any."""
    n = sum(accepted[c] for c in codes)
    if not n:
        return result
    which = ", ".join(c for c in codes if accepted[c])
    line = (
        f"{counted(n, 'accepted finding', 'accepted findings')} ({which}) "
        f"{'is' if n == 1 else 'are'} left out of this rating: the plan's owners accepted "
        f"{'it' if n == 1 else 'them'} with a reason."
    )
    result.evidence.append(line)
    return result


def _left_out(ctx: AnalysisContext, waived: set[str]) -> tuple[list[Committee], list[str]]:
    """The committees principle 1 judges, and evidence naming those it leaves out and why."""
    w = ctx.words
    judged: list[Committee] = []
    by_kind: dict[str, list[str]] = {}
    accepted: list[str] = []
    for committee in ctx.plan.committees:
        if not ctx.needs_voice(committee):
            by_kind.setdefault(committee.kind.label.lower(), []).append(committee.name)
        elif committee.id in waived:
            accepted.append(committee.name)
        else:
            judged.append(committee)
    evidence = []
    if by_kind:
        kinds = "; ".join(f"{kind}: {name_list(names, limit=6)}" for kind, names in by_kind.items())
        evidence.append(f"Left out, as their kind needs no clinical voice by design ({kinds}).")
    if accepted:
        evidence.append(
            f"Left out, as the plan's owners accepted that they have no clinical {w.role} "
            f"(CLN001 accepted): {name_list(accepted, limit=6)}."
        )
    return judged, evidence


def _decision_making(ctx: AnalysisContext, waived: set[str]) -> PrincipleResult:
    w, plan = ctx.words, ctx.plan
    judged, left_out = _left_out(ctx, waived)
    evidence, rag = _leaders_by_tier(ctx, judged)
    if not evidence:
        evidence = [
            f"No {w.committee} of the plan needs a clinical voice."
            if plan.committees
            else f"The plan has no {w.committees} yet."
        ]
    return PrincipleResult(
        id="ccpl-1",
        title="Leaders in decisions at every level",
        summary="Clinical and care professionals take part in decision-making at every level "
        "of the system, from the board down to the groups that deliver change.",
        rag=rag,
        evidence=evidence + left_out,
        limits=f"Shows who holds a seat on each {w.committee}; it cannot show whether their "
        "voice shapes the decisions made there.",
    )


def _leaders_by_tier(ctx: AnalysisContext, judged: list[Committee]) -> tuple[list[str], Rag]:
    """Per tier, how many judged committees have a leader in post; then the executive ones."""
    w, ids = ctx.words, {c.id for c in judged}
    evidence: list[str] = []
    rag: Rag = "grey" if not judged else "green"
    for tier in ctx.plan.tiers:
        committees = [c for c in ctx.committees_by_tier.get(tier.id, []) if c.id in ids]
        if not committees:
            continue
        led = [c for c in committees if ctx.filled.get(c.id, 0) & CLINICAL_BIT]
        level = "" if tier.name.casefold() == tier.level.value else f" ({tier.level.value} level)"
        evidence.append(
            f"{tier.name}{level}: {share_of(len(led), len(committees), w.committee, w.committees)} "
            "a clinical or care professional leader in post."
        )
        if not led:
            rag = "red"
        elif len(led) < len(committees) and rag == "green":
            rag = "amber"
    executive = [c for c in judged if ctx.levels.get(c.id) is Level.EXECUTIVE]
    without = [c.name for c in executive if not ctx.filled.get(c.id, 0) & CLINICAL_BIT]
    if without:
        rag = "red"
        evidence.append(
            f"Executive-level {w.committees} without a clinical leader in post: "
            f"{name_list(without, limit=6)}."
        )
    elif executive:
        evidence.append(
            f"Every executive-level {w.committee} has a clinical or care professional leader "
            "in post."
        )
    return evidence, rag


def _shared_learning(ctx: AnalysisContext, analysis: Analysis, roster: Roster) -> PrincipleResult:
    w = ctx.words
    evidence = []
    required = covered = 0
    for function in (Function.RELATIONAL, Function.TRANSLATION):
        need = sum(row.functions[function].required for row in analysis.coverage)
        have = sum(row.functions[function].covered for row in analysis.coverage)
        waived = sum(row.functions[function].accepted for row in analysis.coverage)
        required, covered = required + need - waived, covered + have
        if need:
            one = need == 1
            line = (
                f"{function.label}: of the {need} {w.committee if one else w.committees} "
                f"that {'needs' if one else 'need'} it, {have} "
                f"{'has' if have == 1 or one else 'have'} a leader in post providing it"
            )
            if waived:
                line += f"; {counted(waived, 'gap', 'gaps')} accepted, not counted"
            evidence.append(line + ".")
    networks = roster.networks
    if networks:
        many = len(networks) != 1
        evidence.append(
            f"{len(networks)} {w.roles if many else w.role} {'name' if many else 'names'} "
            "activities that build networks or keep a shared story going "
            f"({name_list(networks)})."
        )
    return PrincipleResult(
        id="ccpl-2",
        title="Shared learning, collaboration and innovation",
        summary="The system builds a culture where leaders learn together, collaborate and "
        "innovate, working alongside patients and local communities.",
        rag=share_rag(covered, required),
        evidence=evidence or ["No committee needs relational work or translation yet."],
        limits="Shows whether leaders who connect people and communicate change are in post; "
        "it cannot show how learning is shared, whether innovation is encouraged or how "
        "patients and communities take part.",
    )


def _time_and_support(
    ctx: AnalysisContext, counts: Counter[str], roster: Roster
) -> PrincipleResult:
    w, roles, funded, unfunded = ctx.words, roster.clinical, roster.funded, roster.unfunded
    evidence = []
    if roles:
        total = number(sum(funded))
        kind = "clinical leadership "
        share = share_of(len(funded), roles, kind + w.role, kind + w.roles)
        word = "session" if total == "1" else "sessions"
        evidence.append(f"{share} sessions funded ({total} {word} a week in all).")
    if unfunded:
        evidence.append(f"No sessions recorded for {name_list(unfunded, limit=6)}.")
    rag = share_rag(len(funded), roles)
    if counts["LOD001"]:
        evidence.append(
            f"{counts['LOD001']} {'person holds' if counts['LOD001'] == 1 else 'people hold'} "
            "more sessions than their capacity (LOD001)."
        )
        rag = "amber" if rag == "green" else rag
    if counts["LOD002"]:
        n = counts["LOD002"]
        evidence.append(
            f"{counted(n, 'person holds', 'people hold')} more sessions than the plan's default "
            f"capacity, but their own capacity is not recorded "
            "(LOD002): an assumption to confirm, not counted as an overload."
        )
    return PrincipleResult(
        id="ccpl-3",
        title="Time and support to lead",
        summary="Leaders have the protected time, resources and infrastructure they need to "
        "carry out their leadership roles.",
        rag=rag,
        evidence=evidence or [f"The plan has no clinical leadership {w.roles} yet."],
        limits=f"Shows the sessions planned for each {w.role} and who is overloaded; it cannot "
        "show whether time is protected in job plans, backfilled or paid, or what "
        "administrative and analytical support leaders get.",
    )


def _development(ctx: AnalysisContext, counts: Counter[str], roster: Roster) -> PrincipleResult:
    # the people holding at least one clinical role, in plan order
    holders, people = roster.holders, ctx.people
    leaders = [p for p in ctx.plan.people if p.id in holders]
    if len(people) != len(ctx.plan.people):  # repeated ids (integrity reports them): the last
        leaders = [people[p.id] for p in leaders]
    missing = [p.name for p in leaders if p.sources is None]
    recorded = len(leaders) - len(missing)  # leaders with their sources recorded
    evidence = []
    if leaders:
        share = share_of(
            recorded, len(leaders), "clinical leader in post", "clinical leaders in post"
        )
        evidence.append(
            f"{share} their sources of influence recorded, the basis for a development "
            "conversation."
        )
    if missing:
        evidence.append(f"Not yet recorded for {name_list(missing, limit=6)}.")
    if counts["DEV001"]:
        evidence.append(
            f"{counts['DEV001']} development need{'s' if counts['DEV001'] != 1 else ''} "
            "identified where a leader provides a function without the source it draws on "
            "(DEV001)."
        )
    elif recorded:
        evidence.append("No development needs found among the leaders recorded (DEV001).")
    return PrincipleResult(
        id="ccpl-4",
        title="Dedicated leadership development",
        summary="Every clinical and care professional leader can take part in leadership "
        "development, and the system nurtures its future leaders.",
        rag=share_rag(recorded, len(leaders)),
        evidence=evidence or ["No clinical leader is in post yet."],
        limits="Shows whose strengths are recorded and the development needs that follow from "
        "them; it cannot show whether a development offer exists or is taken up, or how the "
        "next generation of leaders is being grown.",
    )


def _recruitment_and_diversity(
    ctx: AnalysisContext, counts: Counter[str], roster: Roster
) -> PrincipleResult:
    w, groups = ctx.words, roster.groups
    evidence = _spread(ctx, roster.clinical, groups, roster.unknown) + _openings(
        ctx, roster, counts
    )
    return PrincipleResult(
        id="ccpl-5",
        title="Open recruitment and diverse leadership",
        summary="Leaders are identified and appointed in a clear and open way that gives "
        "everyone a fair chance, so leadership reflects the full range of professions and "
        "the communities served.",
        rag=_diversity_rag(roster.clinical, len(groups), counts["TRM002"]),
        evidence=evidence or [f"The plan has no clinical leadership {w.roles} yet."],
        limits="Shows the spread of professions, vacancies and fixed terms; it cannot show "
        "how posts were advertised or filled, or the demographic diversity of leaders "
        "(govplanner records no personal characteristics).",
    )


def _spread(ctx: AnalysisContext, clinical: int, groups: Counter[str], unknown: int) -> list[str]:
    """Which professional groups the clinical roles come from, and which are missing."""
    w, evidence = ctx.words, []
    if groups:
        spread = ", ".join(f"{g} ({n})" for g, n in sorted(groups.items(), key=_by_count))
        evidence.append(
            f"Clinical {w.roles} come from "
            f"{counted(len(groups), 'professional group', 'professional groups')}: {spread}."
        )
    absent = [g.lower() for g in CORE_GROUPS if g not in groups]
    if clinical and absent:
        evidence.append(f"No clinical {w.role} from: {'; '.join(absent)}.")
    if unknown:
        evidence.append(f"{unknown} clinical {w.roles if unknown != 1 else w.role} with no "
                        "recognised profession recorded.")  # fmt: skip
    return evidence


def _openings(ctx: AnalysisContext, roster: Roster, counts: Counter[str]) -> list[str]:
    """Vacancies (each an opening to recruit openly) and terms of office."""
    w, evidence = ctx.words, []
    if roster.clinical:
        share = share_of(
            roster.vacant,
            roster.clinical,
            f"clinical {w.role}",
            f"clinical {w.roles}",
            ("is", "are"),
        )
        evidence.append(f"{share} vacant: each an opening to recruit openly.")
    if roster.filled:
        share = share_of(roster.termed, roster.filled, f"{w.role} in post", f"{w.roles} in post")
        evidence.append(f"{share} a term end recorded.")
    if counts["TRM002"] or counts["TRM001"]:
        evidence.append(
            f"Terms ended but still shown as filled: {counts['TRM002']} (TRM002); ending "
            f"within {counted(ctx.plan.term_warning_days, 'day', 'days')}: {counts['TRM001']} "
            "(TRM001)."
        )
    return evidence


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0])


def _diversity_rag(roles: int, groups: int, ended: int) -> Rag:
    if roles == 0:
        return "grey"
    if groups <= 1:
        return "red"
    return "green" if groups >= 4 and not ended else "amber"
