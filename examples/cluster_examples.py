"""Fictional clustered-ICB examples (schema 3): two ICBs before they merge, and their cluster.

Built from public patterns of ICB governance since 2022 and of the 2025/26 clusters (shared
chair and executives, committees in common, an integrated care partnership as a joint
committee with the councils, place partnerships, a provider collaborative, a clinical and care
professional assembly, audit and remuneration committees). Every organisation, committee and
person here is invented. Loaded by ``build_examples.py``; ids are fixed for reproducibility.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from govplanner.domain.enums import (
    CommitteeKind,
    Function,
    LineKind,
    Membership,
    OrganisationType,
    Source,
)
from govplanner.domain.model import (
    Committee,
    InCommonGroup,
    Line,
    Organisation,
    Person,
    Plan,
    Role,
    Seat,
)
from govplanner.domain.presets import new_plan

A, R, T, L = Function.ANALYTICAL, Function.REPRESENTATION, Function.TRANSLATION, Function.RELATIONAL
ALL = [A, R, T, L]
CE, PN, FA, REP = (
    Source.CLINICAL_EXPERTISE,
    Source.PROFESSIONAL_NETWORKS,
    Source.FORMAL_AUTHORITY,
    Source.REPUTATION,
)
ASSURANCE, ADVISORY = CommitteeKind.ASSURANCE, CommitteeKind.ADVISORY
FORUM, DECISION = CommitteeKind.CLINICAL_FORUM, CommitteeKind.DECISION

FICTIONAL = (
    " Every organisation, committee and person in this example is fictional; its shape follows "
    "published ICB governance and the 2025/26 clusters (shared executives, committees in "
    "common, an ICP as a joint committee with the councils)."
)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40]


@dataclass
class ClusterBuilder:
    """Builds a schema-3 plan by names, with fixed, readable ids."""

    plan: Plan
    key: str
    _n: int = 0
    _stages: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        renamed = {}
        for tier in self.plan.tiers:
            tier.id = f"tier_{self.key}_{_slug(tier.name)}"
        for stage in self.plan.stages:
            renamed[stage.id] = f"stg_{self.key}_{_slug(stage.name)}"
            stage.id = renamed[stage.id]
            self._stages[stage.name] = stage.id
        self.plan.profile = {
            level: {renamed[s]: row for s, row in by_stage.items()}
            for level, by_stage in self.plan.profile.items()
        }

    def org(self, name: str, kind: OrganisationType, population: int | None = None) -> None:
        self.plan.organisations.append(
            Organisation(
                id=f"org_{self.key}_{_slug(name)}", name=name, type=kind, population=population
            )
        )

    def group(self, name: str, description: str) -> None:
        self.plan.groups.append(
            InCommonGroup(id=f"grp_{self.key}_{_slug(name)}", name=name, description=description)
        )

    def committee(
        self,
        name: str,
        tier: str,
        *,
        bodies: tuple[str, ...],
        kind: CommitteeKind = DECISION,
        to: tuple[str, ...] = (),
        advises: tuple[str, ...] = (),
        group: str | None = None,
        stage: str = "Mobilising change",
        programme: str = "",
        purpose: str = "",
        frequency: str = "Monthly",
        quorum: int | None = None,
        quorum_clinical: bool = False,
    ) -> None:
        lines = [Line(to_id=self.cid(t)) for t in to]
        lines += [Line(to_id=self.cid(t), kind=LineKind.ADVISES) for t in advises]
        self.plan.committees.append(
            Committee(
                id=f"com_{self.key}_{_slug(name)}",
                name=name,
                tier_id=next(t.id for t in self.plan.tiers if t.name == tier),
                kind=kind,
                organisation_ids=[self.oid(b) for b in bodies],
                group_id=None if group is None else self.gid(group),
                lines=lines,
                stage_id=self._stages[stage],
                programme_area=programme,
                purpose=purpose,
                meeting_frequency=frequency,
                quorum=quorum,
                quorum_clinical=quorum_clinical,
            )
        )

    def person(
        self, name: str, profession: str, capacity: float | None, sources: list[Source]
    ) -> None:
        self.plan.people.append(
            Person(
                id=f"per_{self.key}_{_slug(name)}",
                name=name,
                profession=profession,
                capacity=capacity,
                sources=sources,
            )
        )

    def role(
        self,
        title: str,
        seats: dict[str, Membership | None],
        functions: list[Function],
        *,
        bodies: tuple[str, ...],
        profession: str = "",
        holder: str | None = None,
        sessions: float = 0,
        clinical: bool = True,
        chairs: tuple[str, ...] = (),
        deputy_for: str | None = None,
        term: tuple[str, str] | None = None,
        activities: tuple[str, ...] = (),
    ) -> str:
        self._n += 1
        role_id = f"rol_{self.key}_{self._n:02d}_{_slug(title)}"
        self.plan.roles.append(
            Role(
                id=role_id,
                title=title,
                seats=[
                    Seat(committee_id=self.cid(c), membership=m or Membership.MEMBER)
                    for c, m in seats.items()
                ],
                organisation_ids=[self.oid(b) for b in bodies],
                deputy_for_id=deputy_for,
                profession=profession,
                clinical=clinical,
                functions=functions,
                activities=list(activities),
                sessions_per_week=sessions,
                holder_id=None if holder is None else f"per_{self.key}_{_slug(holder)}",
                term_start=dt.date.fromisoformat(term[0]) if term else None,
                term_end=dt.date.fromisoformat(term[1]) if term else None,
            )
        )
        for name in chairs:
            next(c for c in self.plan.committees if c.name == name).chair_role_id = role_id
        return role_id

    def cid(self, name: str) -> str:
        return next(c.id for c in self.plan.committees if c.name == name)

    def oid(self, name: str) -> str:
        return next(o.id for o in self.plan.organisations if o.name == name)

    def gid(self, name: str) -> str:
        return next(g.id for g in self.plan.groups if g.name == name)


M, P, AT = Membership.MEMBER, Membership.PARTICIPANT, Membership.ATTENDEE


def single_icb(key: str, icb: str, council: str, trust: str, places: tuple[str, str]) -> Plan:
    """One ICB as it stood before its cluster merged (the input to ``govplanner merge``)."""
    b = ClusterBuilder(new_plan("ics", name=f"{icb} (fictional)"), key)
    b.plan.description = f"{icb} before the cluster merger, April 2025." + FICTIONAL
    b.plan.effective_date = dt.date(2025, 4, 1)
    b.plan.cost_per_session = 11_500.0
    b.org(icb, OrganisationType.ICB, 900_000 if key == "nf" else 650_000)
    b.org(council, OrganisationType.LOCAL_AUTHORITY)
    b.org(trust, OrganisationType.TRUST)
    b.org(f"{icb.split()[0]} Healthwatch", OrganisationType.HEALTHWATCH)
    short = icb.split()[0]
    b.committee(
        f"{short} ICB Board",
        "System",
        bodies=(icb,),
        quorum=6,
        quorum_clinical=True,
        purpose="The statutory board: strategy, allocation of resources, assurance.",
    )
    b.committee(
        f"{short} Audit Committee",
        "System",
        bodies=(icb,),
        kind=ASSURANCE,
        to=(f"{short} ICB Board",),
        frequency="Quarterly",
        quorum=2,
        purpose="Assures the board on financial reporting, risk and internal control.",
    )
    b.committee(
        f"{short} Remuneration Committee",
        "System",
        bodies=(icb,),
        kind=ASSURANCE,
        to=(f"{short} ICB Board",),
        frequency="Twice a year",
        quorum=2,
        purpose="Decides the pay and terms of the executive team.",
    )
    b.committee(
        f"{short} Quality Committee",
        "System",
        bodies=(icb,),
        to=(f"{short} ICB Board",),
        quorum=4,
        quorum_clinical=True,
        purpose="Assures the board on the quality and safety of commissioned care.",
    )
    b.committee(
        f"{short} Mental Health Programme Board",
        "Programme",
        bodies=(icb, trust),
        to=(f"{short} ICB Board",),
        programme="Mental health",
        purpose="Leads change across mental health services.",
    )
    for place in places:
        b.committee(
            f"{place} Place Partnership",
            "Place",
            bodies=(icb, council),
            to=(f"{short} ICB Board",),
            programme="Community services",
            purpose=f"Joins up health and council services in {place}.",
        )
    b.person(f"Dr {short} Patel", "general practice", 10, [CE, FA, REP])
    b.person(f"{short} Okafor", "nursing", 10, [CE, FA, PN])
    b.person(f"{short} Reid", "social work", None, [FA, PN])
    b.person(f"Dr {short} Byrne", "general practice", 2, [CE, PN])
    b.person(f"Dr {short} Singh", "medicine", 6, [CE, FA])
    b.role(
        "Chief Medical Officer",
        {
            f"{short} ICB Board": M,
            f"{short} Quality Committee": M,
            f"{short} Mental Health Programme Board": P,
        },
        [A, R, T],
        bodies=(icb,),
        profession="medicine",
        holder=f"Dr {short} Patel",
        sessions=10,
    )
    b.role(
        "Chief Nursing Officer",
        {f"{short} ICB Board": M, f"{short} Quality Committee": M},
        [A, R, L],
        bodies=(icb,),
        profession="nursing",
        holder=f"{short} Okafor",
        sessions=10,
        chairs=(f"{short} Quality Committee",),
    )
    b.role(
        "Chief Executive",
        {f"{short} ICB Board": M, f"{short} Remuneration Committee": AT},
        [],
        bodies=(icb,),
        clinical=False,
        sessions=10,
    )
    b.role(
        "Non-executive Member (Audit Chair)",
        {f"{short} Audit Committee": M, f"{short} ICB Board": M},
        [],
        bodies=(icb,),
        clinical=False,
        sessions=1,
        chairs=(f"{short} Audit Committee", f"{short} Remuneration Committee"),
    )
    b.role(
        "Director of Adult Social Services",
        {p + " Place Partnership": M for p in places},
        [R, T, L],
        bodies=(council,),
        profession="social work",
        holder=f"{short} Reid",
        sessions=2,
    )
    for place in places:
        holder = f"Dr {short} Byrne" if place == places[0] else None
        b.role(
            "Place Clinical Director",
            {f"{place} Place Partnership": M},
            [A, R, T, L],
            bodies=(icb,),
            profession="general practice",
            holder=holder,
            sessions=2,
        )
    b.role(
        "Consultant Psychiatrist Lead",
        {f"{short} Mental Health Programme Board": M},
        [A, R],
        bodies=(trust,),
        profession="psychiatry",
        sessions=2,
    )
    # Cover the chief medical officer shares on the board and quality committee: the kind of
    # post a lead weighs when asked to cut clinical leadership sessions by a fifth.
    b.role(
        "Associate Medical Director",
        {f"{short} ICB Board": M, f"{short} Quality Committee": M},
        [A, R, T],
        bodies=(icb,),
        profession="medicine",
        holder=f"Dr {short} Singh",
        sessions=4,
    )
    b.role(
        "Healthwatch Representative",
        {f"{short} Quality Committee": P},
        [],
        bodies=(f"{short} Healthwatch",),
        clinical=False,
    )
    return b.plan


def icb_northfield() -> Plan:
    return single_icb(
        "nf",
        "Northfield ICB",
        "Northfield County Council",
        "Northfield Hospitals NHS FT",
        ("Northfield East", "Northfield West"),
    )


def icb_southmoor() -> Plan:
    return single_icb(
        "sm",
        "Southmoor ICB",
        "Southmoor Borough Council",
        "Southmoor Community NHS Trust",
        ("Southmoor Coast", "Southmoor Vale"),
    )


NF, SM = "Northfield ICB", "Southmoor ICB"
NFC, SMC = "Northfield County Council", "Southmoor Borough Council"
NFT, SMT = "Northfield Hospitals NHS FT", "Southmoor Community NHS Trust"
PC = "Moorland Mental Health Provider Collaborative"
BOTH = (NF, SM)


def _cluster_structure(b: ClusterBuilder) -> None:
    for name, kind, pop in (
        (NF, OrganisationType.ICB, 900_000),
        (SM, OrganisationType.ICB, 650_000),
        (NFC, OrganisationType.LOCAL_AUTHORITY, None),
        (SMC, OrganisationType.LOCAL_AUTHORITY, None),
        (NFT, OrganisationType.TRUST, None),
        (SMT, OrganisationType.TRUST, None),
        (PC, OrganisationType.PROVIDER_COLLABORATIVE, None),
        ("Northfield Healthwatch", OrganisationType.HEALTHWATCH, None),
        ("Southmoor Healthwatch", OrganisationType.HEALTHWATCH, None),
        ("Moor Voluntary Alliance", OrganisationType.VCFSE, None),
    ):
        b.org(name, kind, pop)
    b.group(
        "ICB Boards in common", "The two ICB boards meet together; each decides for its own ICB."
    )
    b.group("Quality Committees in common", "Both quality committees meet together.")
    b.group("Audit Committees in common", "Both audit committees meet together.")
    for icb, short in ((NF, "Northfield"), (SM, "Southmoor")):
        b.committee(
            f"{short} ICB Board",
            "System",
            bodies=(icb,),
            group="ICB Boards in common",
            quorum=6,
            quorum_clinical=True,
            purpose="The statutory board of the ICB, meeting in common with its partner "
            "ICB's board.",
        )
        b.committee(
            f"{short} Audit Committee",
            "System",
            bodies=(icb,),
            kind=ASSURANCE,
            to=(f"{short} ICB Board",),
            group="Audit Committees in common",
            frequency="Quarterly",
            quorum=3,
            purpose="Assures the board on financial reporting, risk and internal control.",
        )
        b.committee(
            f"{short} Remuneration Committee",
            "System",
            bodies=(icb,),
            kind=ASSURANCE,
            to=(f"{short} ICB Board",),
            frequency="Twice a year",
            quorum=2,
            purpose="Decides executive pay and terms.",
        )
        b.committee(
            f"{short} Quality Committee",
            "System",
            bodies=(icb,),
            to=(f"{short} ICB Board",),
            group="Quality Committees in common",
            quorum=4,
            quorum_clinical=True,
            purpose="Assures the board on the quality and safety of care.",
        )
    b.committee(
        "Cluster Executive Committee",
        "System",
        bodies=BOTH,
        to=("Northfield ICB Board", "Southmoor ICB Board"),
        frequency="Weekly",
        purpose="The shared executive team of both ICBs, a joint committee.",
    )
    b.committee(
        "Cluster Finance and Investment Committee",
        "System",
        bodies=BOTH,
        kind=ASSURANCE,
        to=("Northfield ICB Board", "Southmoor ICB Board"),
        purpose="Assures both boards on money, contracts and investment.",
    )
    b.committee(
        "Clinical and Care Professional Assembly",
        "System",
        bodies=BOTH,
        kind=FORUM,
        advises=("Northfield ICB Board", "Southmoor ICB Board", "Cluster Executive Committee"),
        frequency="Every two months",
        purpose="Brings the clinical and care professions of both systems together "
        "to advise the boards.",
    )
    for icb, short, council in ((NF, "Northfield", NFC), (SM, "Southmoor", SMC)):
        b.committee(
            f"{short} Integrated Care Partnership",
            "System",
            bodies=(icb, council),
            to=(f"{short} ICB Board",),
            frequency="Quarterly",
            quorum_clinical=short == "Southmoor",
            purpose="A joint committee of the ICB and the council that sets the "
            "integrated care strategy.",
        )
    b.committee(
        "Cluster Mental Health Programme Board",
        "Programme",
        bodies=(*BOTH, PC),
        to=("Cluster Executive Committee",),
        programme="Mental health; Learning disability",
        purpose="Leads change in mental health and learning disability services.",
    )
    b.committee(
        f"{PC} Board",
        "Programme",
        bodies=(PC,),
        to=("Cluster Mental Health Programme Board",),
        programme="Mental health",
        purpose="The trusts' collaborative board for specialised mental health care.",
    )
    b.committee(
        "Cluster Urgent and Emergency Care Board",
        "Programme",
        bodies=(*BOTH, NFT),
        to=("Cluster Executive Committee",),
        programme="Urgent and emergency care",
        purpose="Leads change in urgent and emergency care.",
    )
    b.committee(
        "Public Involvement Advisory Group",
        "Programme",
        bodies=BOTH,
        kind=ADVISORY,
        advises=("Cluster Executive Committee",),
        frequency="Quarterly",
        purpose="Brings patients' and residents' views to the executive.",
    )
    for place, icb, council in (
        ("Northfield East", NF, NFC),
        ("Northfield West", NF, NFC),
        ("Southmoor Coast", SM, SMC),
        ("Southmoor Vale", SM, SMC),
    ):
        short = icb.split()[0]
        b.committee(
            f"{place} Place Partnership",
            "Place",
            bodies=(icb, council),
            to=(f"{short} ICB Board",),
            advises=(f"{short} Integrated Care Partnership",),
            programme="Community services",
            purpose=f"Joins up health, social care and council services in {place}.",
        )
    b.committee(
        "Northfield East Neighbourhood Team",
        "Neighbourhood",
        bodies=(NF,),
        to=("Northfield East Place Partnership",),
        stage="Strategy setting",
        programme="Primary care",
        purpose="Integrated neighbourhood team.",
    )
    b.committee(
        "Southmoor Coast Neighbourhood Team",
        "Neighbourhood",
        bodies=(SM,),
        to=("Southmoor Coast Place Partnership",),
        stage="Strategy setting",
        programme="Primary care",
        purpose="Integrated neighbourhood team.",
    )


def _cluster_people(b: ClusterBuilder) -> None:
    for name, profession, capacity, sources in (
        ("Helen Ashworth", "", 4, [FA, REP]),
        ("Marcus Webb", "", 10, [FA]),
        ("Dr Amira Shah", "medicine", 10, [CE, FA, REP]),
        ("Grace Mensah", "nursing", 10, [CE, FA, PN]),
        ("Dr Tom Hale", "psychiatry", 3, [CE, REP]),
        ("Priya Nair", "social work", None, [FA, PN]),
        ("Dr Owen Price", "general practice", 2, [CE, PN, REP]),
        ("Dr Lucy Tran", "general practice", 2, [CE, PN]),
        ("Dr Sam Kerr", "general practice", 2, [CE, REP]),
        ("Dr Nia Roberts", "emergency medicine", 2, [CE, FA]),
        ("Ben Carter", "allied health professions", 2, [CE, PN]),
        ("Ruth Evans", "pharmacy", 1, [CE, PN]),
        ("Dr Kofi Boateng", "general practice", 1, [CE, PN]),
        ("Janet Moss", "", 1, [FA]),
        ("David Lowe", "", 1, [FA]),
        ("Dr Ian Ford", "psychiatry", 2, [CE]),
        ("Alan Pike", "", None, None),
    ):
        b.person(name, profession, capacity, sources or [])
    b.plan.people[-1].sources = None  # recorded as unknown


def _cluster_roles(b: ClusterBuilder) -> None:
    boards = {"Northfield ICB Board": M, "Southmoor ICB Board": M}
    quality = {"Northfield Quality Committee": M, "Southmoor Quality Committee": M}
    b.role(
        "Cluster Chair",
        {**boards, "Northfield Integrated Care Partnership": M},
        [],
        bodies=BOTH,
        clinical=False,
        holder="Helen Ashworth",
        sessions=3,
        chairs=("Northfield ICB Board", "Southmoor ICB Board"),
    )
    b.role(
        "Cluster Chief Executive",
        {**boards, "Cluster Executive Committee": M},
        [],
        bodies=BOTH,
        clinical=False,
        holder="Marcus Webb",
        sessions=10,
        chairs=("Cluster Executive Committee",),
    )
    cmo = b.role(
        "Cluster Chief Medical Officer",
        {
            **boards,
            **quality,
            "Cluster Executive Committee": M,
            "Cluster Urgent and Emergency Care Board": P,
        },
        [A, R, T],
        bodies=BOTH,
        profession="medicine",
        holder="Dr Amira Shah",
        sessions=10,
        activities=("A1", "R1", "R2", "T1"),
        term=("2025-07-01", "2028-06-30"),
    )
    b.role(
        "Cluster Chief Nursing Officer",
        {**boards, **quality, "Cluster Executive Committee": M},
        [A, R, L],
        bodies=BOTH,
        profession="nursing",
        holder="Grace Mensah",
        sessions=10,
        chairs=("Northfield Quality Committee", "Southmoor Quality Committee"),
    )
    b.role(
        "Deputy Chief Medical Officer",
        {"Cluster Executive Committee": Membership.DEPUTY},
        [A, R],
        bodies=BOTH,
        profession="psychiatry",
        holder="Dr Ian Ford",
        sessions=1,
        deputy_for=cmo,
    )
    b.role(
        "Chief Finance Officer",
        {"Cluster Executive Committee": M, "Cluster Finance and Investment Committee": M},
        [],
        bodies=BOTH,
        clinical=False,
        sessions=10,
    )
    for name, short in (("Janet Moss", "Northfield"), ("David Lowe", "Southmoor")):
        b.role(
            "Non-executive Member (Audit Chair)",
            {
                f"{short} Audit Committee": M,
                f"{short} Remuneration Committee": M,
                f"{short} ICB Board": M,
            },
            [],
            bodies=(NF if short == "Northfield" else SM,),
            clinical=False,
            holder=name,
            sessions=1,
            chairs=(f"{short} Audit Committee",),
        )
    b.role(
        "Partner Member (Local Authorities)",
        {
            "Northfield ICB Board": M,
            "Northfield Integrated Care Partnership": M,
            "Northfield East Place Partnership": M,
        },
        [R, T, L],
        bodies=(NFC,),
        profession="social work",
        holder="Priya Nair",
        sessions=2,
    )
    b.role(
        "Partner Member (Primary Medical Services)",
        {"Southmoor ICB Board": M, "Southmoor Integrated Care Partnership": M},
        [A, R, T],
        bodies=(SM,),
        profession="general practice",
        sessions=2,
    )
    for place, holder in (
        ("Northfield East", "Dr Owen Price"),
        ("Northfield West", "Dr Lucy Tran"),
        ("Southmoor Coast", "Dr Sam Kerr"),
        ("Southmoor Vale", None),
    ):
        b.role(
            "Place Clinical Director",
            {f"{place} Place Partnership": M},
            ALL,
            bodies=(NF if place.startswith("North") else SM,),
            profession="general practice",
            holder=holder,
            sessions=2,
            term=("2024-04-01", "2027-03-31"),
        )
    mh = b.role(
        "Medical Director for Mental Health",
        {"Cluster Mental Health Programme Board": M},
        [A, R],
        bodies=(PC,),
        profession="psychiatry",
        sessions=2,
    )
    b.role(
        "Deputy Medical Director for Mental Health",
        {"Cluster Mental Health Programme Board": Membership.DEPUTY},
        [A, R],
        bodies=(PC,),
        profession="psychiatry",
        holder="Dr Tom Hale",
        sessions=1,
        deputy_for=mh,
    )
    b.role(
        "Mental Health Nursing Lead",
        {"Cluster Mental Health Programme Board": M, f"{PC} Board": P},
        [T, L],
        bodies=(PC,),
        profession="mental health nursing",
        holder="Grace Mensah",
        sessions=1,
    )
    b.role(
        "Urgent Care Clinical Lead",
        {"Cluster Urgent and Emergency Care Board": M},
        ALL,
        bodies=(NFT,),
        profession="emergency medicine",
        holder="Dr Nia Roberts",
        sessions=2,
    )
    b.role(
        "Chair of the Assembly",
        {"Clinical and Care Professional Assembly": M},
        [A, R, T, L],
        bodies=BOTH,
        profession="general practice",
        holder="Dr Kofi Boateng",
        sessions=1,
        chairs=("Clinical and Care Professional Assembly",),
    )
    b.role(
        "Allied Health Professions Lead",
        {"Clinical and Care Professional Assembly": M, "Northfield West Place Partnership": M},
        [A, T],
        bodies=BOTH,
        profession="allied health professions",
        holder="Ben Carter",
        sessions=2,
    )
    b.role(
        "Pharmacy Lead",
        {"Clinical and Care Professional Assembly": M},
        [A, T],
        bodies=BOTH,
        profession="pharmacy",
        holder="Ruth Evans",
        sessions=1,
    )
    for short in ("Northfield", "Southmoor"):
        b.role(
            "Healthwatch Representative",
            {f"{short} Quality Committee": P, f"{short} Integrated Care Partnership": P},
            [],
            bodies=(f"{short} Healthwatch",),
            clinical=False,
            sessions=0.5,
        )
    b.role(
        "Director of Public Health",
        {"Northfield Integrated Care Partnership": AT},
        [A],
        bodies=(NFC,),
        profession="public health",
        holder="Alan Pike",
        sessions=1,
    )
    for place in ("Northfield East", "Southmoor Coast"):
        b.role(
            "PCN Clinical Director",
            {f"{place} Neighbourhood Team": M},
            [A, R, L],
            bodies=(NF if place.startswith("North") else SM,),
            profession="general practice",
            holder="Dr Kofi Boateng" if place == "Northfield East" else None,
            sessions=1,
        )
    b.role(
        "Voluntary Sector Representative",
        {"Public Involvement Advisory Group": M, "Southmoor Integrated Care Partnership": M},
        [],
        bodies=("Moor Voluntary Alliance",),
        clinical=False,
    )


def cluster_example() -> Plan:
    """Northfield and Southmoor as a cluster in 2026/27: two ICBs, one executive team."""
    b = ClusterBuilder(
        new_plan("ics", name="Northfield and Southmoor ICB cluster (fictional)"), "cl"
    )
    b.plan.description = (
        "Two ICBs clustered in 2025/26 and preparing to merge: one chair and one executive team "
        "shared by both boards, boards, quality and audit committees meeting in common, an "
        "integrated care partnership in each system as a joint committee with its council, "
        "place partnerships, a mental health provider collaborative and a clinical and care "
        "professional assembly that advises both boards." + FICTIONAL
    )
    b.plan.effective_date = dt.date(2026, 4, 1)
    b.plan.cost_per_session = 11_500.0
    b.plan.profession_costs = {"general practice": 12_500.0}
    _cluster_structure(b)
    _cluster_people(b)
    _cluster_roles(b)
    return b.plan


#: A register as a governance lead might keep it in Excel (DOMAIN.md's normative columns only,
#: no Kind column): the end-to-end fixture of issue 12's "done when".
CLUSTER_REGISTER: dict[str, list[list[object]]] = {
    "Organisations": [
        ["Organisation", "Type"],
        ["North ICB", "ICB"],
        ["South ICB", "Integrated care board"],
        ["North Council", "council"],
    ],
    "Committees": [
        [
            "Committee",
            "Tier",
            "Reports to",
            "Advises",
            "Organisation",
            "In common group",
            "Quorum",
            "Quorum includes clinical",
            "Programme area",
            "Purpose",
        ],
        [
            "North ICB Board",
            "System",
            None,
            None,
            "North ICB",
            "Boards in common",
            3,
            "yes",
            None,
            "Statutory board of North ICB",
        ],
        [
            "South ICB Board",
            "System",
            None,
            None,
            "South ICB",
            "Boards in common",
            4,
            "yes",
            None,
            "Statutory board of South ICB",
        ],
        [
            "Audit Committee",
            "System",
            "North ICB Board",
            None,
            "North ICB",
            None,
            2,
            None,
            None,
            "Financial reporting, risk and internal control",
        ],
        [
            "Remuneration Committee",
            "System",
            "North ICB Board",
            None,
            "North ICB",
            None,
            None,
            None,
            None,
            "Executive pay",
        ],
        [
            "Joint Quality Committee",
            "System",
            "North ICB Board; South ICB Board",
            "Clinical Senate",
            "North ICB; South ICB",
            None,
            2,
            "yes",
            None,
            "Quality and safety for both ICBs",
        ],
        [
            "Clinical Senate",
            "System",
            None,
            "Joint Quality Committee",
            "North ICB; South ICB",
            None,
            None,
            None,
            None,
            "Clinical advice to both systems",
        ],
        [
            "North Mental Health Board",
            "Programme",
            "North ICB Board",
            None,
            "North ICB; North Council",
            None,
            None,
            None,
            "Mental health",
            "Mental health change",
        ],
    ],
    "Roles": [
        [
            "Role",
            "Committees",
            "Membership",
            "Profession",
            "Clinical",
            "Holder",
            "Functions",
            "Deputy for",
            "Chairs",
            "Organisation",
            "Sessions per week",
        ],
        [
            "Medical Director",
            "North ICB Board; South ICB Board; Joint Quality Committee",
            "South ICB Board: participant",
            "medicine",
            "yes",
            "Dr Ana Lopes",
            "analytical; representation; translation",
            None,
            None,
            "North ICB; South ICB",
            8,
        ],
        [
            "Chief Executive",
            "North ICB Board\nSouth ICB Board",
            None,
            None,
            "no",
            "Ray Osei",
            None,
            None,
            None,
            "North ICB; South ICB",
            10,
        ],
        [
            "Audit Chair",
            "Audit Committee; Remuneration Committee",
            None,
            None,
            "no",
            "Mo Begum",
            None,
            None,
            "Audit Committee; Remuneration Committee",
            "North ICB",
            1,
        ],
        [
            "Healthwatch Representative",
            "Joint Quality Committee",
            "participant",
            None,
            "no",
            "Jo Hart",
            None,
            None,
            None,
            None,
            None,
        ],
        [
            "Mental Health Clinical Lead",
            "North Mental Health Board",
            None,
            "psychiatry",
            "yes",
            None,
            "analytical insight; representation; communication; relational work",
            None,
            None,
            "North ICB",
            2,
        ],
        [
            "Deputy Mental Health Clinical Lead",
            "North Mental Health Board",
            "deputy",
            "psychiatry",
            "yes",
            "Dr Cy Wong",
            "analytical; representation",
            "Mental Health Clinical Lead",
            None,
            "North ICB",
            1,
        ],
        [
            "Adult Social Care Lead",
            "North Mental Health Board",
            "participant",
            "social work",
            "yes",
            "Di Shaw",
            "translation; relational",
            None,
            None,
            "North Council",
            1,
        ],
        [
            "Senate Chair",
            "Clinical Senate",
            None,
            "general practice",
            "yes",
            "Dr Eve Kaur",
            "analytical; representation; translation; relational",
            None,
            "Clinical Senate",
            "North ICB",
            1,
        ],
    ],
}


def write_cluster_register(path: Path) -> None:
    """Write :data:`CLUSTER_REGISTER` as a plain workbook (as a user's own register would be)."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in CLUSTER_REGISTER.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.properties.creator = "govplanner examples"
    workbook.properties.created = workbook.properties.modified = dt.datetime(2026, 4, 1)
    workbook.save(path)


CLUSTER_EXAMPLES = {
    "icb-northfield.govplan": icb_northfield,
    "icb-southmoor.govplan": icb_southmoor,
    "cluster-example.govplan": cluster_example,
}
