"""Plans for the file tests: a small hand-made plan and hypothesis strategies for random ones."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from govplanner.domain.catalogue import ACTIVITIES, DEFAULT_PROFESSION_SYNONYMS
from govplanner.domain.enums import FUNCTIONS, LEVELS, Requirement, Source
from govplanner.domain.model import (
    AcceptedFinding,
    Committee,
    Person,
    Plan,
    Programme,
    Role,
    Stage,
    Tier,
)
from govplanner.domain.names import name_key
from govplanner.domain.presets import default_profile, default_programmes, new_plan


def small_plan() -> Plan:
    """A partnership with a board, a programme board, a project group, roles and people."""
    plan = new_plan("partnership", "Example partnership")
    executive, thematic, project = plan.tiers
    stages = plan.stages
    board = Committee(name="Partnership Board", tier_id=executive.id, purpose="Sets strategy")
    mh = Committee(
        name="Mental Health Programme Board",
        tier_id=thematic.id,
        reports_to_id=board.id,
        stage_id=stages[1].id,
        programme_area="Mental health",
    )
    group = Committee(name="Community MH Project", tier_id=project.id, reports_to_id=mh.id)
    ann = Person(name="Dr Ann Lee", profession="general practice", capacity=3, sources=[])
    bob = Person(name="Bob Khan", sources=[Source.REPUTATION, Source.CLINICAL_EXPERTISE])
    roles = [
        Role(
            title="Medical Director",
            committee_ids=[board.id, mh.id],
            profession="psychiatry",
            functions=[FUNCTIONS[0], FUNCTIONS[2]],
            sessions_per_week=2.5,
            holder_id=ann.id,
            term_start=dt.date(2025, 4, 1),
            term_end=dt.date(2027, 3, 31),
        ),
        Role(title="GP Lead", committee_ids=[group.id], profession="GP", holder_id=bob.id),
        Role(title="Finance Director", committee_ids=[board.id], clinical=False),
        Role(title="Nurse Lead", committee_ids=[mh.id, group.id], functions=list(FUNCTIONS)),
    ]
    return plan.model_copy(
        update={"committees": [board, mh, group], "roles": roles, "people": [ann, bob]}
    )


# -- hypothesis strategies ----------------------------------------------------------------------

_WORD = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHÉé0123456789&'()=+-@/#"),
    min_size=1,
    max_size=8,
)
_NAME = st.lists(_WORD, min_size=1, max_size=3).map(" ".join)
_TEXT = st.one_of(st.just(""), _NAME)
#: Free text as a plan file may hold it: anything but control and text-direction characters.
_FREE_TEXT = st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs"))
_DATE = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
_SESSIONS = st.one_of(
    st.just(0.0), st.integers(0, 100).map(float), st.sampled_from([0.5, 1.25, 2.5, 99.75])
)


def _unique_names(count: int) -> st.SearchStrategy[list[str]]:
    return st.lists(_NAME, min_size=count, max_size=count, unique_by=name_key)


@st.composite
def plans(draw: st.DrawFn, *, register_only: bool = False) -> Plan:
    """Random valid plans; ``register_only`` keeps to what the register workbook can carry."""
    tier_names = draw(_unique_names(draw(st.integers(1, 4))))
    tiers = [Tier(name=n, level=draw(st.sampled_from(LEVELS))) for n in tier_names]
    stage_names = draw(_unique_names(draw(st.integers(1, 4))))
    stages = [Stage(name=n) for n in stage_names]
    committees = _committees(draw, tiers, stages)
    people = _people(draw, register_only)
    roles = _roles(draw, committees, people, register_only)
    programmes = default_programmes()
    if draw(st.booleans()):
        names = draw(_unique_names(draw(st.integers(0, 3))))
        programmes = [
            Programme(name=n, professions=draw(st.lists(_NAME, max_size=3))) for n in names
        ]
    plan = Plan(
        name=draw(_NAME),
        tiers=tiers,
        stages=stages,
        profile=default_profile(stages),
        programmes=programmes,
        profession_synonyms=dict(DEFAULT_PROFESSION_SYNONYMS),
        committees=committees,
        roles=roles,
        people=people,
    )
    if not register_only:
        plan = _extras(draw, plan)
    return plan


def _committees(draw: st.DrawFn, tiers: list[Tier], stages: list[Stage]) -> list[Committee]:
    names = draw(_unique_names(draw(st.integers(0, 6))))
    committees = [
        Committee(
            name=n,
            tier_id=draw(st.sampled_from(tiers)).id,
            stage_id=draw(st.one_of(st.none(), st.sampled_from(stages).map(lambda s: s.id))),
            programme_area=draw(_TEXT),
            purpose=draw(_TEXT),
        )
        for n in names
    ]
    for committee in committees:
        others = [c.id for c in committees if c.id != committee.id]
        if others and draw(st.booleans()):
            committee.reports_to_id = draw(st.sampled_from(others))
    return committees


def _people(draw: st.DrawFn, register_only: bool) -> list[Person]:
    names = draw(_unique_names(draw(st.integers(0, 5))))
    sources = st.one_of(st.none(), st.lists(st.sampled_from(list(Source)), unique=True))
    return [
        Person(
            name=n,
            profession=draw(_TEXT),
            capacity=draw(st.one_of(st.none(), _SESSIONS)),
            sources=draw(sources),
        )
        for n in names
    ]


def _roles(
    draw: st.DrawFn, committees: list[Committee], people: list[Person], register_only: bool
) -> list[Role]:
    roles = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.one_of(st.none(), _DATE))
        end = draw(st.one_of(st.none(), _DATE))
        if start and end and end < start:
            start, end = end, start
        seats = (
            draw(st.lists(st.sampled_from(committees), unique_by=lambda c: c.id))
            if committees
            else []
        )
        holder = draw(st.sampled_from(people)) if people and draw(st.booleans()) else None
        roles.append(
            Role(
                title=draw(_NAME),
                committee_ids=[c.id for c in seats],
                profession=draw(_TEXT),
                clinical=draw(st.booleans()),
                functions=draw(st.lists(st.sampled_from(FUNCTIONS), unique=True)),
                sessions_per_week=draw(_SESSIONS),
                holder_id=holder.id if holder else None,
                term_start=start,
                term_end=end,
                activities=[]
                if register_only
                else draw(st.lists(st.sampled_from([a.code for a in ACTIVITIES]), unique=True)),
            )
        )
    return roles


def _extras(draw: st.DrawFn, plan: Plan) -> Plan:
    """What only plan files carry: edited profile, notes, accepted findings, chair and quorum."""
    for level in plan.profile:
        for by_function in plan.profile[level].values():
            for function in by_function:
                by_function[function] = draw(st.sampled_from(list(Requirement)))
    for committee in plan.committees:
        committee.quorum_note = draw(_TEXT)
        if plan.roles and draw(st.booleans()):
            committee.chair_role_id = draw(st.sampled_from(plan.roles)).id
    plan.description = draw(st.text(_FREE_TEXT, max_size=40))
    plan.default_capacity = draw(_SESSIONS)
    plan.accepted = [
        AcceptedFinding(
            key=draw(_NAME), rationale=draw(st.text(_FREE_TEXT, max_size=30)), accepted_on=d
        )
        for d in draw(st.lists(_DATE, max_size=2))
    ]
    return plan
