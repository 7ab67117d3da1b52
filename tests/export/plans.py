"""Plans for the export tests: a small partnership with every kind of content, and the examples."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govplanner.domain.model import Committee, Plan, Role
from govplanner.files.planfile import load_plan
from tests.builders import PlanBuilder, committee_id, role_id

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def example_plans() -> dict[str, Plan]:
    """Every shipped example plan, by file name."""
    return {path.name: load_plan(path) for path in sorted(EXAMPLES.glob("*.govplan"))}


def partnership() -> Plan:
    """A board, a programme board and a project; repeated titles, a vacancy, a non-clinical role."""
    plan = (
        PlanBuilder(name="Northshire Partnership")
        .tier("Executive", "executive")
        .tier("Programme", "thematic")
        .tier("Project", "project")
        .committee("ICB Board", tier="Executive")
        .committee(
            "Maternity Programme Board",
            tier="Programme",
            reports_to="ICB Board",
            stage="Mobilising change",
            programme="Maternity",
        )
        .committee(
            "Continuity of Carer Project",
            tier="Project",
            reports_to="Maternity Programme Board",
            programme="Maternity",
        )
        .person("Dr Ada Jones", profession="general practice", capacity=4, sources=["reputation"])
        .role(
            "Medical Director",
            on=["ICB Board"],
            functions=["analytical", "translation", "representation"],
            holder="Dr Ada Jones",
            profession="general practice",
            sessions=2,
        )
        .role(
            "Clinical Lead",
            on=["Maternity Programme Board"],
            functions=["representation", "relational"],
            holder="Sam Patel",
            profession="midwifery",
            sessions=1.5,
        )
        .role(
            "Clinical Lead",
            on=["Continuity of Carer Project"],
            functions=["analytical", "representation"],
            profession="obstetrics",
            sessions=1,
        )
        .role("Programme Manager", on=["Maternity Programme Board"], clinical=False)
        .build()
    )
    board = plan.committee(committee_id("ICB Board"))
    assert board is not None
    board.chair_role_id = role_id("Medical Director")
    board.purpose = "Sets the system's strategy."
    director = plan.role(role_id("Medical Director"))
    assert director is not None
    director.activities = ["A1", "T2", "R1"]
    director.term_start, director.term_end = dt.date(2025, 4, 1), dt.date(2028, 3, 31)
    return plan


def cluster() -> Plan:
    """Two clustered ICBs: a shared executive, committees in common, an audit committee, a
    joint ICP, a non-voting participant, a deputy, and a social worker's post."""
    from govplanner.domain.enums import CommitteeKind, LineKind, Membership, OrganisationType
    from govplanner.domain.model import InCommonGroup, Line, Organisation, Seat

    plan = (
        PlanBuilder(name="North and South Cluster (fictional)")
        .committee("North ICB Board", tier="system")
        .committee("South ICB Board", tier="system")
        .committee("North Audit Committee", tier="system", reports_to="North ICB Board")
        .committee("North Quality Committee", tier="system", reports_to="North ICB Board")
        .committee("South Quality Committee", tier="system", reports_to="South ICB Board")
        .committee("Integrated Care Partnership", tier="system")
        .committee(
            "Riverside Place Partnership",
            tier="place",
            reports_to="North ICB Board",
            programme="Community services; Mental health",
        )
        .role("Cluster Chair", on=["North ICB Board", "South ICB Board"], clinical=False,
              holder="Jean Marsh")
        .role(
            "Chief Medical Officer",
            on=["North ICB Board", "South ICB Board", "North Quality Committee",
                "South Quality Committee", "Integrated Care Partnership"],
            functions=["analytical", "representation"],
            holder="Dr Nadia Hussain",
            profession="acute medicine",
        )
        .role("Audit Committee Chair", on=["North Audit Committee", "North ICB Board"],
              clinical=False, holder="Tom Reed")
        .role("Audit Committee Member", on=["North Audit Committee"], clinical=False,
              profession="accountancy")
        .role("Healthwatch Chief Officer", on=["North Quality Committee"], clinical=False,
              holder="Priya Shah")
        .role(
            "Principal Social Worker",
            on=["Riverside Place Partnership", "North Quality Committee"],
            functions=["representation", "relational"],
            profession="social work",
            holder="Michelle Carter",
        )
        .role("Director of Adult Social Services", on=["Riverside Place Partnership"],
              functions=["relational"], profession="social work")
        .build()
    )  # fmt: skip
    north = Organisation(id="org_north", name="NHS North ICB", type=OrganisationType.ICB)
    south = Organisation(id="org_south", name="NHS South ICB", type=OrganisationType.ICB)
    council = Organisation(
        id="org_council", name="Riverside Council", type=OrganisationType.LOCAL_AUTHORITY
    )
    plan.organisations = [north, south, council]
    plan.groups = [InCommonGroup(id="grp_quality", name="Quality committees in common")]

    def com(name: str) -> Committee:
        found = plan.committee(committee_id(name))
        assert found is not None
        return found

    def rol(title: str) -> Role:
        found = plan.role(role_id(title))
        assert found is not None
        return found

    com("North ICB Board").organisation_ids = [north.id]
    com("South ICB Board").organisation_ids = [south.id]
    audit = com("North Audit Committee")
    audit.kind, audit.organisation_ids = CommitteeKind.ASSURANCE, [north.id]
    audit.quorum = 2
    audit.chair_role_id = rol("Audit Committee Chair").id
    audit.meeting_frequency = "Quarterly"
    audit.purpose = "Gives the board assurance on internal control, risk and audit"
    for name, org in (("North Quality Committee", north), ("South Quality Committee", south)):
        committee = com(name)
        committee.group_id, committee.organisation_ids = "grp_quality", [org.id]
        committee.quorum, committee.quorum_clinical = 3, True
    icp = com("Integrated Care Partnership")
    icp.organisation_ids = [north.id, council.id]
    icp.lines = [Line(to_id=com("North ICB Board").id), Line(to_id=com("South ICB Board").id)]
    place = com("Riverside Place Partnership")
    place.lines.append(Line(to_id=icp.id, kind=LineKind.ADVISES))
    chair = rol("Cluster Chair")
    for name in ("North ICB Board", "South ICB Board", "Integrated Care Partnership"):
        com(name).chair_role_id = chair.id
    cmo = rol("Chief Medical Officer")
    cmo.organisation_ids = [north.id, south.id]
    com("North Quality Committee").chair_role_id = cmo.id
    com("South Quality Committee").chair_role_id = cmo.id
    healthwatch = rol("Healthwatch Chief Officer")
    healthwatch.seats = [Seat(committee_id=com("North Quality Committee").id,
                              membership=Membership.PARTICIPANT)]  # fmt: skip
    social = rol("Principal Social Worker")
    social.organisation_ids = [council.id]
    social.deputy_for_id = rol("Director of Adult Social Services").id
    social.seats = [
        Seat(committee_id=place.id, membership=Membership.DEPUTY),
        Seat(committee_id=com("North Quality Committee").id, membership=Membership.MEMBER),
    ]
    member = rol("Audit Committee Member")
    member.organisation_ids = [north.id]
    return plan
