"""Committee kinds, their default rules and the words users write for v2 values."""

from __future__ import annotations

import pytest

from govplanner.domain.enums import (
    FUNCTIONS,
    CommitteeKind,
    Function,
    Level,
    LineKind,
    Membership,
    OrganisationType,
    Requirement,
    Rule,
)
from govplanner.domain.governance import (
    KIND_INFO,
    KIND_SYNONYMS,
    MEMBERSHIP_SYNONYMS,
    ORGANISATION_SYNONYMS,
    default_kind_rules,
    infer_kind,
    lookup,
)
from govplanner.domain.model import Committee, Line, Plan, Role, Seat
from tests.builders import PlanBuilder, stage_id


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Audit Committee", CommitteeKind.ASSURANCE),
        ("Remuneration and Nominations Committee", CommitteeKind.ASSURANCE),
        ("Finance and Investment Committee", CommitteeKind.ASSURANCE),
        ("Capital Working Group", CommitteeKind.ASSURANCE),
        ("RISK committee", CommitteeKind.ASSURANCE),
        ("Public Involvement Group", CommitteeKind.ADVISORY),
        ("Stroke Expert Reference Group", CommitteeKind.ADVISORY),
        ("Clinical Senate", CommitteeKind.CLINICAL_FORUM),
        ("Clinical and Care Professional Assembly", CommitteeKind.CLINICAL_FORUM),
        ("Nursing Professional Forum", CommitteeKind.CLINICAL_FORUM),
        ("ICB Board", CommitteeKind.DECISION),
        ("Integrated Care Partnership", CommitteeKind.DECISION),
        # whole words only: these contain the letters but not the words
        ("Auditorium Steering Group", CommitteeKind.DECISION),
        ("Capitalisation Board", CommitteeKind.DECISION),
        ("Reference Board", CommitteeKind.DECISION),
        # the first list that matches decides: assurance before advisory
        ("Audit Advisory Group", CommitteeKind.ASSURANCE),
    ],
)
def test_a_kind_is_inferred_from_whole_words_of_the_name_in_order(
    name: str, kind: CommitteeKind
) -> None:
    assert infer_kind(name) is kind


def test_each_kind_has_the_domain_default_rule_and_clinical_voice() -> None:
    rules = default_kind_rules()
    assert set(rules) == set(CommitteeKind)
    for kind in (CommitteeKind.DECISION, CommitteeKind.CLINICAL_FORUM):
        assert set(rules[kind].values()) == {Rule.PROFILE}
        assert KIND_INFO[kind].needs_clinical_voice
    for kind in (CommitteeKind.ASSURANCE, CommitteeKind.ADVISORY):
        assert set(rules[kind].values()) == {Rule.OPTIONAL}
        assert not KIND_INFO[kind].needs_clinical_voice


def test_synonyms_are_read_without_regard_to_case_spaces_or_underscores() -> None:
    assert lookup(KIND_SYNONYMS, "  Clinical Senate ") is CommitteeKind.CLINICAL_FORUM
    assert lookup(KIND_SYNONYMS, "clinical_forum") is CommitteeKind.CLINICAL_FORUM
    assert lookup(KIND_SYNONYMS, "Statutory") is CommitteeKind.DECISION
    assert lookup(ORGANISATION_SYNONYMS, "NHS Trust") is OrganisationType.TRUST
    assert lookup(ORGANISATION_SYNONYMS, "local_authority") is OrganisationType.LOCAL_AUTHORITY
    assert lookup(ORGANISATION_SYNONYMS, "PCN") is OrganisationType.PRIMARY_CARE
    assert lookup(MEMBERSHIP_SYNONYMS, "In attendance") is Membership.ATTENDEE
    assert lookup(KIND_SYNONYMS, "committee of doom") is None


def test_every_enum_value_is_its_own_synonym() -> None:
    for kind in CommitteeKind:
        assert lookup(KIND_SYNONYMS, kind.value) is kind
    for org in OrganisationType:
        assert lookup(ORGANISATION_SYNONYMS, org.value) is org
    for membership in Membership:
        assert lookup(MEMBERSHIP_SYNONYMS, membership.value) is membership


def test_only_members_and_participants_provide() -> None:
    assert [m for m in Membership if m.provides] == [Membership.MEMBER, Membership.PARTICIPANT]


def test_rule_profile_has_no_fixed_requirement() -> None:
    assert Rule.PROFILE.requirement is None
    assert Rule.EXPECTED.requirement is Requirement.EXPECTED
    assert Rule.PROFILE.label == "Follow the profile"


def _plan() -> Plan:
    return PlanBuilder().committee("Board", tier="system").committee("Audit", tier="system").build()


def test_committee_requirement_override_beats_kind_which_beats_profile() -> None:
    plan = _plan()
    board, audit = plan.committees
    first = stage_id("Strategy setting")
    profile = plan.requirement(Level.EXECUTIVE, first, Function.ANALYTICAL)
    assert plan.committee_requirement(board, Level.EXECUTIVE, first, Function.ANALYTICAL) is profile
    audit.kind = CommitteeKind.ASSURANCE
    got = plan.committee_requirement(audit, Level.EXECUTIVE, first, Function.ANALYTICAL)
    assert got is Requirement.OPTIONAL
    plan.kind_rules[CommitteeKind.ASSURANCE][Function.ANALYTICAL] = Rule.ESSENTIAL
    got = plan.committee_requirement(audit, Level.EXECUTIVE, first, Function.ANALYTICAL)
    assert got is Requirement.ESSENTIAL
    audit.requirements = {Function.ANALYTICAL: Requirement.EXPECTED}
    got = plan.committee_requirement(audit, Level.EXECUTIVE, first, Function.ANALYTICAL)
    assert got is Requirement.EXPECTED


def test_a_missing_kind_rule_falls_back_to_the_kind_default() -> None:
    plan = _plan()
    plan.kind_rules = {}
    for f in FUNCTIONS:
        assert plan.kind_rule(CommitteeKind.ASSURANCE, f) is Rule.OPTIONAL
        assert plan.kind_rule(CommitteeKind.DECISION, f) is Rule.PROFILE


def test_a_plan_without_stages_reads_the_first_default_stage() -> None:
    plan = PlanBuilder().stages().committee("Board", tier="system").build()
    got = plan.committee_requirement(plan.committees[0], Level.PROJECT, None, Function.RELATIONAL)
    assert got is Requirement.OPTIONAL  # project, strategy setting: relational optional


def test_reports_to_shim_reads_and_writes_the_first_accountable_line_only() -> None:
    c = Committee(name="C", tier_id="t", reports_to_id="com_a")
    assert c.lines == [Line(to_id="com_a")]
    c.lines = [Line(to_id="com_x", kind=LineKind.ADVISES), Line(to_id="com_a"), Line(to_id="com_b")]
    assert c.reports_to_id == "com_a"
    assert c.accountable_to_ids == ["com_a", "com_b"]
    assert c.advises_ids == ["com_x"]
    c.reports_to_id = "com_z"
    assert c.accountable_to_ids == ["com_z"]
    assert c.advises_ids == ["com_x"]
    c.reports_to_id = None
    assert c.lines == [Line(to_id="com_x", kind=LineKind.ADVISES)]
    assert Committee(name="D", tier_id="t", reports_to_id=None).lines == []


def test_committee_ids_shim_keeps_the_membership_of_kept_seats() -> None:
    role = Role(title="R", committee_ids=["com_a", "com_b"])
    assert role.seats == [Seat(committee_id="com_a"), Seat(committee_id="com_b")]
    role.seats = [
        Seat(committee_id="com_a", membership=Membership.PARTICIPANT),
        Seat(committee_id="com_b"),
    ]
    role.committee_ids = ["com_c", "com_a"]
    assert role.seats == [
        Seat(committee_id="com_c"),
        Seat(committee_id="com_a", membership=Membership.PARTICIPANT),
    ]
    assert role.membership_on("com_a") is Membership.PARTICIPANT
    assert role.membership_on("com_b") is None
    assert role.committee_ids == ["com_c", "com_a"]  # read back in seat order


def test_programme_areas_split_on_semicolons_and_drop_blanks() -> None:
    c = Committee(name="C", tier_id="t", programme_area="Mental health; Learning disability;")
    assert c.programme_areas == ["Mental health", "Learning disability"]
    assert Committee(name="D", tier_id="t").programme_areas == []
