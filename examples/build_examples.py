"""Rebuild the example plans in this folder: ``python examples/build_examples.py``.

The examples follow the study's Table 1 (clinical leaders interviewed in three partnerships,
by tier). The study does not name committees or people: the committees here are illustrative
and every person is fictional. Ids are fixed so the files are reproducible byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from govplanner.domain.enums import Function, Source
from govplanner.domain.model import Committee, Person, Plan, Role
from govplanner.domain.presets import new_plan

HERE = Path(__file__).resolve().parent
A, R, T, L = Function.ANALYTICAL, Function.REPRESENTATION, Function.TRANSLATION, Function.RELATIONAL
CE, PN = Source.CLINICAL_EXPERTISE, Source.PROFESSIONAL_NETWORKS
FA, REP = Source.FORMAL_AUTHORITY, Source.REPUTATION

ILLUSTRATIVE = (
    " The clinical leadership roles by tier follow Table 1 of Waring et al. (BMJ Leader, 2023). "
    "The study does not name committees: the committees here are illustrative, and every "
    "person named is fictional."
)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40]


@dataclass
class ExampleBuilder:
    """Builds a plan with readable, fixed ids from names."""

    plan: Plan
    key: str
    _role_count: int = 0
    _stage_ids: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for tier in self.plan.tiers:
            tier.id = f"tier_{self.key}_{_slug(tier.name)}"
        stage_ids = {}
        for stage in self.plan.stages:
            stage_ids[stage.id] = f"stg_{self.key}_{_slug(stage.name)}"
            self._stage_ids[stage.name] = stage_ids[stage.id]
            stage.id = stage_ids[stage.id]
        self.plan.profile = {
            level: {stage_ids[s]: entry for s, entry in by_stage.items()}
            for level, by_stage in self.plan.profile.items()
        }

    def committee(
        self,
        name: str,
        tier: str,
        *,
        reports_to: str | None = None,
        stage: str | None = None,
        programme: str = "",
        purpose: str = "",
        frequency: str = "",
        quorum_note: str = "",
    ) -> None:
        tier_id = next(t.id for t in self.plan.tiers if t.name == tier)
        parent = None if reports_to is None else self._committee_id(reports_to)
        self.plan.committees.append(
            Committee(
                id=f"com_{self.key}_{_slug(name)}",
                name=name,
                tier_id=tier_id,
                reports_to_id=parent,
                stage_id=self._stage_ids[stage] if stage else None,
                programme_area=programme,
                purpose=purpose,
                meeting_frequency=frequency,
                quorum_note=quorum_note,
            )
        )

    def person(
        self,
        name: str,
        profession: str,
        *,
        capacity: float | None = None,
        sources: list[Source] | None = None,
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
        on: list[str],
        functions: list[Function],
        *,
        profession: str = "",
        holder: str | None = None,
        sessions: float = 0,
        clinical: bool = True,
        activities: tuple[str, ...] = (),
        term: tuple[str, str] | None = None,
        chair_of: str | None = None,
    ) -> None:
        self._role_count += 1
        role_id = f"rol_{self.key}_{self._role_count:02d}_{_slug(title)}"
        self.plan.roles.append(
            Role(
                id=role_id,
                title=title,
                committee_ids=[self._committee_id(c) for c in on],
                profession=profession,
                clinical=clinical,
                functions=functions,
                activities=list(activities),
                sessions_per_week=sessions,
                holder_id=None if holder is None else self._person_id(holder),
                term_start=dt.date.fromisoformat(term[0]) if term else None,
                term_end=dt.date.fromisoformat(term[1]) if term else None,
            )
        )
        if chair_of:
            committee = next(c for c in self.plan.committees if c.name == chair_of)
            committee.chair_role_id = role_id

    def _committee_id(self, name: str) -> str:
        return next(c.id for c in self.plan.committees if c.name == name)

    def _person_id(self, name: str) -> str:
        return next(p.id for p in self.plan.people if p.name == name)


def partnership_a() -> Plan:
    b = ExampleBuilder(new_plan("partnership", name="Partnership A"), "pa")
    b.plan.description = (
        "A partnership mobilising change across primary care, urgent care, medicines and "
        "maternity." + ILLUSTRATIVE
    )
    b.committee(
        "Partnership Board",
        "Executive",
        stage="Mobilising change",
        purpose="Sets the partnership's strategy and oversees its programmes.",
        frequency="Monthly",
        quorum_note="Half the members, including two clinicians",
    )
    for name, programme in (
        ("Primary and Community Care Programme Board", "Primary care"),
        ("Urgent and Emergency Care Programme Board", "Urgent and emergency care"),
        ("Medicines Optimisation Board", "Medicines"),
    ):
        b.committee(
            name,
            "Thematic",
            reports_to="Partnership Board",
            stage="Mobilising change",
            programme=programme,
            frequency="Monthly",
            purpose=f"Coordinates the partnership's programme of change in {programme.lower()}.",
        )
    b.committee(
        "Maternity Transformation Group",
        "Project",
        reports_to="Partnership Board",
        programme="Maternity",
        stage="Mobilising change",
        frequency="Fortnightly",
        purpose="Designs continuity of carer for women and families across the area.",
    )
    b.committee(
        "Community Pharmacy Referral Project",
        "Project",
        reports_to="Medicines Optimisation Board",
        programme="Medicines",
        purpose="Sets up referral of minor illness from general practice to pharmacies.",
    )
    b.committee(
        "Same Day Access Project",
        "Project",
        reports_to="Primary and Community Care Programme Board",
        programme="Primary care",
        purpose="Redesigns same-day appointments across practices in the area.",
    )

    b.person("Dr Helen Marsh", "general practice", capacity=10, sources=[CE, FA, REP])
    b.person("Dr Samuel Okafor", "acute medicine", capacity=10, sources=[CE, FA])
    b.person("Priya Raman", "programme management", capacity=10)
    b.person("Dr Tom Fielding", "general practice", sources=[CE, PN])
    b.person("Dr Aisha Begum", "acute medicine", sources=[CE])
    b.person("Gareth Lloyd", "pharmacy", sources=[CE, PN, FA])
    b.person("Joanne Whitley", "midwifery", sources=[PN, REP])
    b.person("Hannah Cole", "pharmacy")
    b.person("Imran Sadiq", "community pharmacy", sources=[PN])

    b.role(
        "STP Director (GP)",
        ["Partnership Board"],
        [T, L, R],
        profession="general practice",
        holder="Dr Helen Marsh",
        sessions=8,
        activities=("T3", "L1", "L2"),
        term=("2023-04-01", "2027-03-31"),
        chair_of="Partnership Board",
    )
    b.role(
        "Medical Director",
        ["Partnership Board"],
        [A, R, T],
        profession="acute medicine",
        holder="Dr Samuel Okafor",
        sessions=6,
        activities=("A1", "A2", "R2"),
        term=("2022-07-01", "2026-12-31"),
    )
    b.role(
        "Partnership Programme Director",
        ["Partnership Board"],
        [],
        clinical=False,
        holder="Priya Raman",
        sessions=10,
    )
    b.role(
        "Medical Lead for Family Medicine",
        ["Primary and Community Care Programme Board"],
        [A, R, T],
        profession="general practice",
        holder="Dr Tom Fielding",
        sessions=2,
        activities=("A1", "R1", "T1"),
        chair_of="Primary and Community Care Programme Board",
    )
    b.role(
        "Medical Lead for Acute Medicine",
        ["Urgent and Emergency Care Programme Board"],
        [A, R],
        profession="acute medicine",
        holder="Dr Aisha Begum",
        sessions=2,
        activities=("A1", "A3", "R2"),
    )
    b.role(
        "Pharmacy Lead for Medicines",
        ["Medicines Optimisation Board", "Community Pharmacy Referral Project"],
        [A, R, T, L],
        profession="pharmacy",
        holder="Gareth Lloyd",
        sessions=3,
        activities=("A1", "T1", "L1"),
    )
    b.role(
        "Midwifery Lead",
        ["Maternity Transformation Group"],
        [R, T, L],
        profession="midwifery",
        holder="Joanne Whitley",
        sessions=2,
        activities=("R1", "T2", "L2"),
    )
    b.role(
        "Obstetrics Lead",
        ["Maternity Transformation Group"],
        [A, R],
        profession="obstetrics",
        sessions=2,
        activities=("A1", "R2"),
    )
    b.role(
        "Pharmacy Practice Lead",
        ["Community Pharmacy Referral Project"],
        [A, L],
        profession="pharmacy",
        holder="Hannah Cole",
        sessions=1,
        activities=("A1", "L3"),
    )
    b.role(
        "Community Pharmacy Lead",
        ["Community Pharmacy Referral Project"],
        [R, T],
        profession="community pharmacy",
        holder="Imran Sadiq",
        sessions=1,
    )
    b.role(
        "GP Representative",
        ["Same Day Access Project", "Community Pharmacy Referral Project"],
        [A, R],
        profession="GP",
        holder="Dr Tom Fielding",
        sessions=3,
        activities=("A1", "R3"),
    )
    return b.plan


def partnership_b() -> Plan:
    b = ExampleBuilder(new_plan("partnership", name="Partnership B"), "pb")
    b.plan.description = (
        "A partnership setting strategy for mental health, urgent care and primary care."
        + ILLUSTRATIVE
    )
    b.committee(
        "System Partnership Board",
        "Executive",
        stage="Strategy setting",
        purpose="Agrees the system's strategy and holds its programmes to account.",
        frequency="Monthly",
    )
    for name, programme in (
        ("Mental Health Programme Board", "Mental health"),
        ("Urgent Care Board", "Urgent and emergency care"),
        ("Primary Care Board", "Primary care"),
    ):
        b.committee(
            name,
            "Thematic",
            reports_to="System Partnership Board",
            programme=programme,
            frequency="Monthly",
            purpose=f"Leads the system's plans for {programme.lower()}.",
        )
    b.committee(
        "Major Trauma Pathway Group",
        "Project",
        reports_to="Urgent Care Board",
        programme="Urgent and emergency care",
        purpose="Redesigns the pathway for people with major trauma.",
    )
    b.committee(
        "Rehabilitation Pathway Team",
        "Project",
        reports_to="Urgent Care Board",
        programme="Rehabilitation",
        purpose="Joins up rehabilitation after a hospital stay.",
    )
    b.committee(
        "Community Mental Health Transformation Group",
        "Project",
        reports_to="Mental Health Programme Board",
        programme="Mental health",
        purpose="Builds integrated community mental health teams.",
    )
    b.committee(
        "GP Network Forum",
        "Project",
        reports_to="Primary Care Board",
        programme="Primary care",
        purpose="Brings primary care networks together to shape local projects.",
    )

    b.person("Dr Rachel Stone", "acute medicine", capacity=10, sources=[CE, FA, REP])
    b.person("Dr Kwame Mensah", "psychiatry", sources=[CE, REP])
    b.person("Dr Fiona Grant", "emergency medicine", sources=[CE, FA])
    b.person("Dr Owen Price", "general practice", sources=[CE, PN, REP])
    b.person("Dr Lucy Chen", "emergency medicine")
    b.person("Mark Davies", "nursing", sources=[])
    b.person("Dr Sofia Rossi", "psychiatry")
    b.person("Dr Ben Adeyemi", "general practice")
    b.person("Dr Clare Hughes", "general practice")

    b.role(
        "Medical Director",
        ["System Partnership Board"],
        [A, R, T, L],
        profession="acute medicine",
        holder="Dr Rachel Stone",
        sessions=8,
        activities=("A1", "R2", "T1", "L1"),
        chair_of="System Partnership Board",
    )
    b.role(
        "Medical Lead for Mental Health",
        ["Mental Health Programme Board"],
        [A, R, T],
        profession="psychiatry",
        holder="Dr Kwame Mensah",
        sessions=2,
        term=("2023-11-01", "2026-10-31"),
    )
    b.role(
        "Medical Lead for Urgent Care",
        ["Urgent Care Board"],
        [A, R, T],
        profession="emergency medicine",
        holder="Dr Fiona Grant",
        sessions=2,
    )
    b.role(
        "GP Lead for Primary Care",
        ["Primary Care Board", "GP Network Forum"],
        [A, R, T],
        profession="general practice",
        holder="Dr Owen Price",
        sessions=2,
        term=("2024-02-01", "2027-01-31"),
    )
    b.role(
        "Trauma Lead",
        ["Major Trauma Pathway Group"],
        [A, R],
        profession="emergency medicine",
        holder="Dr Lucy Chen",
        sessions=1,
    )
    b.role(
        "Rehabilitation Lead",
        ["Rehabilitation Pathway Team"],
        [A, R, L],
        profession="nursing",
        holder="Mark Davies",
        sessions=1,
    )
    b.role(
        "Community Mental Health Lead",
        ["Community Mental Health Transformation Group"],
        [A, R, T],
        profession="psychiatry",
        holder="Dr Sofia Rossi",
        sessions=1,
    )
    for holder in ("Dr Ben Adeyemi", "Dr Clare Hughes", None):
        b.role(
            "GP Network Representative",
            ["GP Network Forum"],
            [R],
            profession="general practice",
            holder=holder,
            sessions=1,
        )
    return b.plan


def partnership_c() -> Plan:
    b = ExampleBuilder(new_plan("partnership", name="Partnership C"), "pc")
    b.plan.description = (
        "A partnership sustaining joint work in community services, primary care and cancer."
        + ILLUSTRATIVE
    )
    b.committee(
        "Health and Care Partnership Board",
        "Executive",
        stage="Sustaining collaboration",
        frequency="Every two months",
        purpose="Keeps partners committed to the shared plan and its delivery.",
    )
    b.committee(
        "Community Services Programme Board",
        "Thematic",
        reports_to="Health and Care Partnership Board",
        stage="Sustaining collaboration",
        programme="Community services",
        frequency="Monthly",
        purpose="Oversees integrated community services.",
    )
    b.committee(
        "Primary Care Programme Board",
        "Thematic",
        reports_to="Health and Care Partnership Board",
        stage="Sustaining collaboration",
        programme="Primary care",
        frequency="Monthly",
        purpose="Oversees change across general practice and community pharmacy.",
    )
    b.committee(
        "Community Nursing Project Group",
        "Project",
        reports_to="Community Services Programme Board",
        programme="Community services",
        stage="Sustaining collaboration",
        purpose="Brings district nursing teams into neighbourhood teams.",
    )
    b.committee(
        "Cancer Early Diagnosis Project",
        "Project",
        programme="Cancer",
        purpose="Speeds up diagnosis through community diagnostic pathways.",
    )

    b.person("Dr Alan Whitaker", "general practice", capacity=10, sources=[CE, FA])
    b.person("Dr Mei Lin", "general practice", capacity=6, sources=[CE, FA, REP])
    b.person("Sarah O'Neill", "community nursing", sources=[PN, REP])
    b.person("Claire Bennett", "cancer nursing", sources=[CE])

    b.role(
        "Medical Director",
        ["Health and Care Partnership Board"],
        [A, R, T],
        profession="general practice",
        holder="Dr Alan Whitaker",
        sessions=6,
        term=("2021-04-01", "2026-03-31"),
    )
    b.role(
        "Medical Director for Community Services",
        ["Community Services Programme Board", "Primary Care Programme Board"],
        [A, R, T, L],
        profession="general practice",
        holder="Dr Mei Lin",
        sessions=4,
        activities=("A2", "L1", "L4"),
    )
    b.role(
        "GP Lead for Primary Care",
        ["Primary Care Programme Board"],
        [A, R, T],
        profession="general practice",
        sessions=2,
    )
    b.role(
        "Community Nursing Lead",
        ["Community Nursing Project Group"],
        [R, T, L],
        profession="community nursing",
        holder="Sarah O'Neill",
        sessions=2,
    )
    b.role(
        "Cancer Services Lead",
        ["Cancer Early Diagnosis Project"],
        [A, R, L],
        profession="cancer nursing",
        holder="Claire Bennett",
        sessions=2,
    )
    return b.plan


def ics_example() -> Plan:
    b = ExampleBuilder(new_plan("ics", name="North Riverside ICS (fictional)"), "nr")
    b.plan.description = (
        "A fictional integrated care system laid out with the ICS tiers (system, programme, "
        "place, neighbourhood), for trying govplanner out. Every committee and person is "
        "invented; the shape follows common ICB structures since the Health and Care Act 2022."
    )
    b.committee(
        "Integrated Care Board",
        "System",
        stage="Mobilising change",
        frequency="Monthly",
        purpose="The statutory board: sets the system's strategy and allocates resources.",
        quorum_note="Chair or deputy, two executives and one partner member",
    )
    b.committee(
        "Quality and Safety Committee",
        "System",
        reports_to="Integrated Care Board",
        stage="Mobilising change",
        frequency="Monthly",
        purpose="Assures the board on the quality and safety of services.",
    )
    for name, programme in (
        ("Mental Health, Learning Disability and Autism Board", "Mental health"),
        ("Urgent and Emergency Care Board", "Urgent and emergency care"),
        ("Local Maternity and Neonatal System Board", "Maternity"),
        ("Primary Care Board", "Primary care"),
    ):
        b.committee(
            name,
            "Programme",
            reports_to="Integrated Care Board",
            stage="Mobilising change",
            programme=programme,
            frequency="Monthly",
            purpose=f"Leads the system-wide programme for {programme.lower()}.",
        )
    for place in ("Riverside", "Northdale"):
        b.committee(
            f"{place} Place Partnership",
            "Place",
            reports_to="Integrated Care Board",
            stage="Mobilising change",
            programme="Community services",
            frequency="Monthly",
            purpose=f"Joins up health, care and council services in {place}.",
        )
    for name, place in (
        ("Riverside North Neighbourhood Team", "Riverside"),
        ("Riverside South Neighbourhood Team", "Riverside"),
        ("Northdale Neighbourhood Team", "Northdale"),
    ):
        b.committee(
            name,
            "Neighbourhood",
            reports_to=f"{place} Place Partnership",
            stage="Strategy setting",
            programme="Primary care",
            frequency="Fortnightly",
            purpose="Brings practices, community and social care teams together "
            "around the neighbourhood's population.",
        )

    b.person("Dr Nadia Hussain", "acute medicine", capacity=10, sources=[CE, FA, REP])
    b.person("Karen Whitfield", "nursing", capacity=10, sources=[CE, PN, FA])
    b.person("Dr Paul Baxter", "psychiatry", sources=[CE, REP])
    b.person("Dr Emma Clarke", "emergency medicine", sources=[CE, FA])
    b.person("Lisa Turner", "midwifery", sources=[PN, REP])
    b.person("Dr James Osei", "general practice", capacity=6, sources=[CE, PN, FA, REP])
    b.person("Dr Ruth Pearson", "general practice", sources=[CE, PN])
    b.person("Dr Ali Rahman", "general practice", sources=[CE])
    b.person("Michelle Carter", "social work", sources=[PN, FA])
    b.person("David Ng", "physiotherapy", sources=[CE, PN])

    b.role(
        "Chief Medical Officer",
        ["Integrated Care Board", "Quality and Safety Committee"],
        [A, R, T, L],
        profession="acute medicine",
        holder="Dr Nadia Hussain",
        sessions=10,
        activities=("A1", "R2", "T1", "L1"),
        term=("2022-07-01", "2027-06-30"),
    )
    b.role(
        "Chief Nursing Officer",
        ["Integrated Care Board", "Quality and Safety Committee"],
        [A, R, T],
        profession="nursing",
        holder="Karen Whitfield",
        sessions=10,
        term=("2022-07-01", "2027-06-30"),
        chair_of="Quality and Safety Committee",
    )
    b.role("Director of Strategy", ["Integrated Care Board"], [], clinical=False, sessions=10)
    b.role(
        "Clinical Director for Mental Health",
        ["Mental Health, Learning Disability and Autism Board"],
        [A, R, T],
        profession="psychiatry",
        holder="Dr Paul Baxter",
        sessions=2,
        term=("2023-10-01", "2026-09-30"),
    )
    b.role(
        "Clinical Lead for Urgent and Emergency Care",
        ["Urgent and Emergency Care Board"],
        [A, R, T, L],
        profession="emergency medicine",
        holder="Dr Emma Clarke",
        sessions=2,
        term=("2024-04-01", "2027-03-31"),
    )
    b.role(
        "Director of Midwifery (LMNS)",
        ["Local Maternity and Neonatal System Board"],
        [R, T, L],
        profession="midwifery",
        holder="Lisa Turner",
        sessions=2,
        term=("2024-09-01", "2027-08-31"),
    )
    b.role(
        "Obstetric Clinical Lead (LMNS)",
        ["Local Maternity and Neonatal System Board"],
        [A, R],
        profession="obstetrics",
        sessions=2,
    )
    b.role(
        "Primary Care Clinical Lead",
        ["Primary Care Board"],
        [A, R, T, L],
        profession="GP",
        holder="Dr James Osei",
        sessions=2,
    )
    b.role(
        "Riverside Place Clinical Director",
        ["Riverside Place Partnership"],
        [A, R, T, L],
        profession="general practice",
        holder="Dr James Osei",
        sessions=3,
    )
    b.role(
        "Northdale Place Clinical Director",
        ["Northdale Place Partnership"],
        [A, R, T],
        profession="general practice",
        sessions=3,
    )
    b.role(
        "Place Lead for Allied Health Professions",
        ["Riverside Place Partnership", "Northdale Place Partnership"],
        [A, R],
        profession="allied health professions",
        holder="David Ng",
        sessions=1,
    )
    b.role(
        "Care Professional Lead (Adult Social Care)",
        ["Riverside Place Partnership", "Northdale Place Partnership"],
        [R, T, L],
        profession="social work",
        holder="Michelle Carter",
        sessions=2,
    )
    b.role(
        "PCN Clinical Director",
        ["Riverside North Neighbourhood Team"],
        [A, R, T],
        profession="general practice",
        holder="Dr Ruth Pearson",
        sessions=2,
        term=("2024-01-15", "2027-01-14"),
    )
    b.role(
        "PCN Clinical Director",
        ["Riverside South Neighbourhood Team"],
        [A, R],
        profession="general practice",
        holder="Dr Ali Rahman",
        sessions=2,
    )
    b.role(
        "PCN Clinical Director",
        ["Northdale Neighbourhood Team"],
        [A, R, T],
        profession="general practice",
        sessions=2,
    )
    return b.plan


def partnership_a_proposed() -> Plan:
    """Partnership A as a proposed restructure: compare it with ``govplanner diff``."""
    plan = partnership_a()
    b = ExampleBuilder.__new__(ExampleBuilder)  # reuse the helpers without renaming ids
    b.plan, b.key, b._role_count, b._stage_ids = plan, "pa", len(plan.roles), {}
    plan.name = "Partnership A (proposed restructure)"
    plan.description = (
        "A proposed restructure of Partnership A, to compare with partnership-a.govplan "
        "(govplanner diff partnership-a.govplan partnership-a-proposed.govplan): the same day "
        "access project closes, a chief nurse and an allied health lead join, the obstetrics "
        "lead is appointed and the medical director reappointed, while the acute medicine lead "
        "steps down and the midwifery lead post falls vacant." + ILLUSTRATIVE
    )
    closed = b._committee_id("Same Day Access Project")
    plan.committees = [c for c in plan.committees if c.id != closed]
    for role in plan.roles:
        role.committee_ids = [c for c in role.committee_ids if c != closed]
    b.person("Dr Nadia Hussain", "obstetrics", sources=[CE, REP])
    b.person("Angela Morris", "nursing", capacity=8, sources=[PN, FA, REP])
    b.person("Chris Owen", "physiotherapy", sources=[CE, PN])
    roles = {r.title: r for r in plan.roles}
    roles["Obstetrics Lead"].holder_id = b._person_id("Dr Nadia Hussain")
    roles["Medical Director"].term_end = dt.date(2029, 12, 31)
    roles["Medical Lead for Acute Medicine"].holder_id = None
    roles["Midwifery Lead"].holder_id = None
    plan.people = [p for p in plan.people if p.name != "Joanne Whitley"]
    b.role(
        "Chief Nurse",
        ["Partnership Board", "Urgent and Emergency Care Programme Board"],
        [R, T, L],
        profession="nursing",
        holder="Angela Morris",
        sessions=4,
        activities=("R1", "T2", "L1"),
        term=("2026-04-01", "2029-03-31"),
    )
    b.role(
        "Allied Health Professions Lead",
        ["Urgent and Emergency Care Programme Board"],
        [A, L],
        profession="allied health professions",
        holder="Chris Owen",
        sessions=2,
        activities=("A1", "L2"),
    )
    return plan


def _cluster_module():  # type: ignore[no-untyped-def]
    """The clustered-ICB examples live beside this script (examples/ is not a package)."""
    import importlib.util

    name = "govplanner_cluster_examples"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, HERE / "cluster_examples.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while being defined
        spec.loader.exec_module(module)
    return sys.modules[name]


EXAMPLES = {
    **_cluster_module().CLUSTER_EXAMPLES,
    "partnership-a.govplan": partnership_a,
    "partnership-a-proposed.govplan": partnership_a_proposed,
    "partnership-b.govplan": partnership_b,
    "partnership-c.govplan": partnership_c,
    "ics-example.govplan": ics_example,
}


def build(folder: Path = HERE) -> list[Path]:
    """Write every example plan and the example register workbook into ``folder``."""
    from govplanner.files.planfile import save_plan
    from govplanner.files.register_export import export_register

    written = []
    for file_name, make in EXAMPLES.items():
        target = folder / file_name
        save_plan(make(), target)
        written.append(target)
    register = folder / "register-example.xlsx"
    export_register(partnership_a(), register)
    written.append(register)
    cluster_register = folder / "cluster-register.xlsx"
    _cluster_module().write_cluster_register(cluster_register)
    written.append(cluster_register)
    for leftover in folder.glob("*.bak"):
        leftover.unlink()
    return written


if __name__ == "__main__":
    for path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(f"wrote {path}")
