"""Plans for the file tests: a small hand-made plan and hypothesis strategies for random ones."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import strategies as st

from govplanner.analysis import analyse
from govplanner.domain.catalogue import (
    ACTIVITIES,
    DEFAULT_PROFESSION_SYNONYMS,
    DEFAULT_PROGRAMMES,
)
from govplanner.domain.enums import (
    COMMITTEE_KINDS,
    FUNCTIONS,
    LEVELS,
    MEMBERSHIPS,
    LineKind,
    OrganisationType,
    Requirement,
    Rule,
    Source,
    SubjectKind,
)
from govplanner.domain.integrity import plan_problems
from govplanner.domain.model import (
    AcceptedFinding,
    Committee,
    InCommonGroup,
    Line,
    Organisation,
    Person,
    Plan,
    Programme,
    Role,
    Seat,
    Stage,
    Tier,
)
from govplanner.domain.names import name_key, new_id
from govplanner.domain.presets import default_profile, default_programmes, new_plan
from govplanner.domain.proposal import ChangeAction, Proposal, ProposalChange
from govplanner.domain.vocabulary import Vocabulary


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


# -- every v2 feature, every setting and tricky text (the lossless register property) -----------

#: Text that spreadsheets and the register's own separators make tricky.
TRICKY = (
    "=SUM(A1:A9)",
    '=HYPERLINK("http://x","y")',
    "+44 20 7946 0000",
    "@risk",
    "-1",
    "Quality; Safety",
    "Board: audit",
    "Line\nbreak",
    "Windows\r\nbreak",
    "Ünïcödé ✓ 😀 board",
    "_x000D_ literal",
    "Tab\there",
    "a|b",
)
#: Any character a plan may hold (no control or format characters bar tab and line breaks),
#: with the register's separators more often.
_CHAR = st.one_of(
    st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Cn")),
    st.sampled_from(list("\n\r\t;:,|=+-@ ")),
)
_ANY_TEXT = st.text(_CHAR, min_size=1, max_size=24)
_TRICKY_NAME = st.one_of(
    _NAME, st.sampled_from(TRICKY), _ANY_TEXT.filter(lambda t: 0 < len(t.strip()) <= 200)
)
_FREE = st.one_of(
    st.just(""),
    _NAME,
    st.sampled_from(TRICKY),
    st.text(_CHAR, max_size=40),
    st.sampled_from(["  spaced out  ", "   ", "\n"]),
    st.integers(1000, 20_000).map(lambda n: ("Long text, " * 2000)[:n]),
)
_SHORT = st.one_of(
    st.just(""), _NAME, st.sampled_from(TRICKY), _ANY_TEXT.map(lambda t: t.strip()[:200])
)
#: Words only a plan file could hold until the register carried them (no separators in them).
_PROFESSION = st.one_of(
    _NAME,
    st.sampled_from(["=GP", "+nurse", "@pharmacy", "Ünïcödé", "social work"]),
)
_MONEY = st.one_of(
    st.none(), st.sampled_from([0.0, 12.5, 1000.0, 9876.54]), st.integers(0, 10**9).map(float)
)


def _titled(draw: st.DrawFn, count: int) -> list[str]:
    return draw(st.lists(_TRICKY_NAME, min_size=count, max_size=count, unique_by=name_key))


def _subset(draw: st.DrawFn, ids: list[str], max_size: int | None = None) -> list[str]:
    if not ids:
        return []
    return draw(st.lists(st.sampled_from(ids), unique=True, max_size=max_size))


@st.composite
def full_plans(draw: st.DrawFn) -> Plan:
    """Random valid plans using every field of every item and every setting.

    Ids are the product's own, or (as a register from elsewhere may have them) plain
    numbers, or text that looks like a formula.
    """
    style = draw(st.sampled_from(["new", "number", "formula"]))
    counter = itertools.count(1)

    def ident(prefix: str) -> str:
        if style == "new":
            return new_id(prefix)
        return f"{next(counter)}" if style == "number" else f"={prefix}+{next(counter)}"

    tiers = [
        Tier(id=ident("tier"), name=n, level=draw(st.sampled_from(LEVELS)))
        for n in _titled(draw, draw(st.integers(1, 4)))
    ]
    stages = [
        Stage(id=ident("stg"), name=n, description=draw(_FREE))
        for n in _titled(draw, draw(st.integers(0, 4)))
    ]
    organisations = [
        Organisation(
            id=ident("org"),
            name=n,
            type=draw(st.sampled_from(list(OrganisationType))),
            population=draw(st.one_of(st.none(), st.integers(0, 100_000_000))),
        )
        for n in _titled(draw, draw(st.integers(0, 4)))
    ]
    groups = [
        InCommonGroup(id=ident("grp"), name=n, description=draw(_FREE))
        for n in _titled(draw, draw(st.integers(0, 3)))
    ]
    areas = [*DEFAULT_PROGRAMMES, "Maternty", "Learning disability"]
    committees = [
        Committee(
            id=ident("com"),
            name=n,
            tier_id=draw(st.sampled_from(tiers)).id,
            kind=draw(st.sampled_from(COMMITTEE_KINDS)),
            organisation_ids=_subset(draw, [o.id for o in organisations]),
            group_id=draw(st.sampled_from([None, *(g.id for g in groups)])),
            stage_id=draw(st.sampled_from([None, *(s.id for s in stages)])),
            programme_area="; ".join(draw(st.lists(st.sampled_from(areas), max_size=2))),
            purpose=draw(_FREE),
            quorum=draw(st.one_of(st.none(), st.integers(1, 1000))),
            quorum_clinical=draw(st.booleans()),
            quorum_note=draw(_SHORT),
            meeting_frequency=draw(
                st.sampled_from(["", "Monthly", "Every 6 weeks", "=bi-monthly"])
            ),
            requirements=draw(
                st.dictionaries(st.sampled_from(FUNCTIONS), st.sampled_from(list(Requirement)))
            ),
            origin=draw(_SHORT),
        )
        for n in _titled(draw, draw(st.integers(0, 7)))
    ]
    for committee in committees:
        targets = [c.id for c in committees if c.id != committee.id]
        committee.lines = [
            Line(to_id=t, kind=draw(st.sampled_from(list(LineKind))))
            for t in _subset(draw, targets, max_size=3)
        ]
    people = [
        Person(
            id=ident("per"),
            name=n,
            profession=draw(_SHORT),
            capacity=draw(st.one_of(st.none(), _SESSIONS)),
            sources=draw(
                st.one_of(st.none(), st.lists(st.sampled_from(list(Source)), unique=True))
            ),
            origin=draw(_SHORT),
        )
        for n in _titled(draw, draw(st.integers(0, 5)))
    ]
    titles = _titled(draw, draw(st.integers(1, 4)))  # a few titles, so that titles repeat
    roles: list[Role] = []
    for _ in range(draw(st.integers(0, 9))):
        start = draw(st.one_of(st.none(), _DATE))
        end = draw(st.one_of(st.none(), _DATE))
        if start and end and end < start:
            start, end = end, start
        holder = draw(st.sampled_from([None, *people]))
        roles.append(
            Role(
                id=ident("rol"),
                title=draw(st.sampled_from(titles)),
                seats=[
                    Seat(committee_id=c, membership=draw(st.sampled_from(MEMBERSHIPS)))
                    for c in _subset(draw, [c.id for c in committees])
                ],
                organisation_ids=_subset(draw, [o.id for o in organisations]),
                profession=draw(_SHORT),
                clinical=draw(st.booleans()),
                functions=draw(st.lists(st.sampled_from(FUNCTIONS), unique=True)),
                activities=draw(
                    st.lists(st.sampled_from([a.code for a in ACTIVITIES]), unique=True)
                ),
                sessions_per_week=draw(_SESSIONS),
                cost_per_session=draw(_MONEY),
                holder_id=holder.id if holder else None,
                term_start=start,
                term_end=end,
                notes=draw(_FREE),
                origin=draw(_SHORT),
            )
        )
    for role in roles:
        others = [r.id for r in roles if r.id != role.id]
        if others and draw(st.booleans()):
            role.deputy_for_id = draw(st.sampled_from(others))
    for committee in committees:
        if roles and draw(st.booleans()):
            committee.chair_role_id = draw(st.sampled_from(roles)).id
    profile = default_profile(stages)
    for by_stage in profile.values():
        for stage_id in list(by_stage):
            if draw(st.integers(0, 5)) == 0:
                del by_stage[stage_id]
                continue
            for function in list(by_stage[stage_id]):
                choice = draw(st.sampled_from([None, *Requirement]))
                if choice is None:
                    del by_stage[stage_id][function]
                else:
                    by_stage[stage_id][function] = choice
    kind_rules = {
        kind: draw(st.dictionaries(st.sampled_from(FUNCTIONS), st.sampled_from(list(Rule))))
        for kind in _subset(draw, list(COMMITTEE_KINDS))
    }
    programmes = [
        Programme(name=n, professions=draw(st.lists(_PROFESSION, max_size=3)))
        for n in _titled(draw, draw(st.integers(0, 4)))
    ]
    if draw(st.booleans()):
        programmes = default_programmes()
    words = draw(
        st.lists(
            st.sampled_from(["forum", "forums", "level", "post", "=x", "Ünï"]),
            min_size=6,
            max_size=6,
        )
    )
    plan = Plan(
        name=draw(_TRICKY_NAME),
        description=draw(_FREE),
        tiers=tiers,
        stages=stages,
        profile=profile,
        programmes=programmes,
        profession_synonyms=draw(
            st.dictionaries(_TRICKY_NAME, _PROFESSION, max_size=3)
            | st.just(dict(DEFAULT_PROFESSION_SYNONYMS))
        ),
        default_capacity=draw(_SESSIONS),
        term_warning_days=draw(st.integers(0, 3650)),
        vocabulary=Vocabulary(**dict(zip(Vocabulary.model_fields, words, strict=True))),
        kind_rules=kind_rules if draw(st.booleans()) else Plan().kind_rules,
        cost_per_session=draw(_MONEY),
        profession_costs=draw(
            st.dictionaries(_PROFESSION, st.integers(0, 10**6).map(float), max_size=3)
        ),
        effective_date=draw(st.one_of(st.none(), _DATE)),
        organisations=organisations,
        groups=groups,
        committees=committees,
        roles=roles,
        people=people,
    )
    plan.accepted = _acceptances(draw, plan)
    plan.proposal = draw(st.one_of(st.none(), _proposals()))
    assert plan_problems(plan) == [], plan_problems(plan)
    return plan


#: a proposal's lines: anything but line breaks (the cell puts one between lines)
_LINE = st.one_of(_NAME, st.sampled_from(["  spaced  ", "=SUM(A1)", "why: a; b | c", "Ünï"]))
_TOTAL = st.one_of(st.integers(0, 10**6).map(float), st.sampled_from([0.0, 12.5, 0.1 + 0.2]))


@st.composite
def _proposals(draw: st.DrawFn) -> Proposal:
    """A proposal's record with every field set (or left at its default)."""
    changes = [
        ProposalChange(
            action=draw(st.sampled_from(list(ChangeAction))),
            subject_id=draw(_NAME),
            subject=draw(_NAME),
            replaces=draw(st.lists(_NAME, max_size=3)),
            sessions_per_week=draw(_TOTAL),
            holder=draw(st.one_of(st.just(""), _NAME)),
            reasons=draw(st.lists(_LINE, max_size=3)),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    return Proposal(
        method=draw(st.sampled_from(["reduce", "merge"])),
        made_on=draw(_DATE),
        source_plan=draw(st.one_of(st.just(""), _NAME)),
        scope=draw(st.sampled_from(["clinical", "all"])),
        budget_sessions=draw(_TOTAL),
        sessions_before=draw(_TOTAL),
        sessions_after=draw(_TOTAL),
        cost_before=draw(_MONEY),
        cost_after=draw(_MONEY),
        essential_covered_before=draw(st.integers(0, 10**6)),
        essential_covered_after=draw(st.integers(0, 10**6)),
        solver_status=draw(st.one_of(st.just(""), _LINE)),
        optimality_gap=draw(st.one_of(st.none(), st.floats(0, 10, allow_nan=False))),
        summary=draw(st.lists(_LINE, max_size=3)),
        changes=changes,
    )


def _acceptances(draw: st.DrawFn, plan: Plan) -> list[AcceptedFinding]:
    """Findings the plan raises, stale ones (subjects that raise nothing), and odd keys."""
    keys = [f.key for f in analyse(plan).findings]
    stale = [f"TRM002|{SubjectKind.ROLE.value}|{r.id}||" for r in plan.roles] + [
        f"GAP001|committee|{c.id}|relational|{s.id}" for c in plan.committees for s in plan.stages
    ]
    odd = ["not-a-key", "GAP001|committee|com_gone|analytical|", "XYZ999|tier|x||"]
    chosen = _subset(draw, keys, max_size=4) + _subset(draw, stale, max_size=2)
    chosen += _subset(draw, odd, max_size=1)
    return [
        AcceptedFinding(
            key=key,
            rationale=draw(_FREE),
            accepted_by=draw(_SHORT),
            accepted_on=draw(_DATE),
            review_on=draw(st.one_of(st.none(), _DATE)),
        )
        for key in chosen
    ]
