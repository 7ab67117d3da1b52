"""Importing the v2 register (DOMAIN.md, "The register workbook", the additions marked †)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govplanner.analysis import analyse
from govplanner.analysis.result import finding_key
from govplanner.domain.enums import (
    CommitteeKind,
    Function,
    LineKind,
    Membership,
    OrganisationType,
    SubjectKind,
)
from govplanner.domain.errors import RegisterError
from govplanner.domain.model import Plan
from govplanner.files.register_import import (
    RegisterImportError,
    import_register,
    read_register,
)
from tests.files.registers import Rows, write_register

COMMITTEES: Rows = [
    [
        "Id",
        "Committee",
        "Tier",
        "Kind",
        "Organisation",
        "In common group",
        "Reports to",
        "Advises",
        "Quorum",
        "Quorum includes clinical",
        "Meeting frequency",
        "Programme area",
    ],
    [
        "c-north",
        "North ICB Board",
        "System",
        "statutory",
        "North ICB",
        "",
        "",
        "",
        6,
        "yes",
        "Monthly",
        "",
    ],
    ["c-south", "South ICB Board", "System", "Decision", "South ICB", "", "", "", "", "", "", ""],
    [
        "",
        "North Quality Committee",
        "System",
        "",
        "North ICB",
        "Cluster quality",
        "North ICB Board",
        "",
        "",
        "",
        "",
        "",
    ],
    [
        "",
        "South Quality Committee",
        "System",
        "",
        "South ICB",
        "Cluster quality",
        "South ICB Board",
        "",
        "",
        "",
        "",
        "",
    ],
    [
        "",
        "ICP",
        "System",
        "decision",
        "North ICB; Northshire County Council",
        "",
        "North ICB Board\nSouth ICB Board",
        "",
        "",
        "",
        "",
        "Mental health; Learning disability",
    ],
    [
        "",
        "Clinical Senate",
        "Programme",
        "clinical senate",
        "North ICB",
        "",
        "",
        "North ICB Board; South ICB Board",
        3,
        "y",
        "Every 6 weeks",
        "Maternty",
    ],
]
ROLES: Rows = [
    [
        "Id",
        "Role",
        "Committees",
        "Membership",
        "Organisation",
        "Deputy for",
        "Chairs",
        "Clinical",
        "Holder",
        "Functions",
        "Activities",
        "Notes",
    ],
    [
        "r-cmo",
        "Chief Medical Officer",
        "North ICB Board; South ICB Board; Clinical Senate",
        "North ICB Board: member; Clinical Senate: participant",
        "North ICB; South ICB",
        "",
        "Clinical Senate",
        "yes",
        "",
        "analytical; representation",
        "A1; review and present clinical evidence and service data; R2",
        "Shared cluster post",
    ],
    [
        "r-pcn-1",
        "PCN Clinical Director",
        "ICP",
        "",
        "",
        "",
        "",
        "yes",
        "Dr Lee",
        "representation",
        "",
        "",
    ],
    [
        "r-pcn-2",
        "PCN Clinical Director",
        "ICP",
        "",
        "",
        "",
        "",
        "yes",
        "Dr Khan",
        "representation",
        "",
        "",
    ],
    [
        "",
        "Deputy CMO",
        "Clinical Senate",
        "deputy",
        "North ICB",
        "Chief Medical Officer",
        "",
        "yes",
        "Dr Patel",
        "analytical",
        "",
        "",
    ],
    ["", "Healthwatch Chair", "ICP", "non-voting", "", "", "", "no", "Sam Roe", "", "", ""],
    ["", "PCN deputy", "ICP", "", "", "r-pcn-2", "", "yes", "", "", "", "line one\nline two"],
]
ORGANISATIONS: Rows = [
    ["Organisation", "Type"],
    ["North ICB", "ICB"],
    ["South ICB", "integrated care board"],
    ["Northshire County Council", "council"],
]
TIERS: Rows = [["Tier", "Level"], ["System", "executive"], ["Programme", "thematic"]]


def _register(tmp_path: Path, **replace: Rows) -> Path:
    sheets = {
        "Committees": COMMITTEES,
        "Roles": ROLES,
        "Organisations": ORGANISATIONS,
        "Tiers": TIERS,
    }
    sheets.update({k.replace("_", " "): v for k, v in replace.items()})
    return write_register(tmp_path / "r.xlsx", {k: v for k, v in sheets.items() if v})


def _errors(path: Path) -> list[RegisterError]:
    with pytest.raises(RegisterImportError) as caught:
        import_register(path)
    return caught.value.errors


def _one(path: Path) -> RegisterError:
    errors = _errors(path)
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


def _by_name(plan: Plan) -> dict[str, Any]:
    return {c.name: c for c in plan.committees}


def test_every_v2_committee_column(tmp_path: Path) -> None:
    plan = import_register(_register(tmp_path))
    c = _by_name(plan)
    orgs = {o.name: o for o in plan.organisations}
    assert [o.type for o in plan.organisations] == [
        OrganisationType.ICB,
        OrganisationType.ICB,
        OrganisationType.LOCAL_AUTHORITY,
    ]
    north, south = c["North ICB Board"], c["South ICB Board"]
    assert (north.id, south.id) == ("c-north", "c-south")
    assert north.kind is CommitteeKind.DECISION  # "statutory" is a synonym
    assert north.quorum == 6
    assert north.quorum_clinical is True
    assert north.meeting_frequency == "Monthly"
    assert south.quorum is None
    assert south.quorum_clinical is False
    icp = c["ICP"]
    assert icp.organisation_ids == [orgs["North ICB"].id, orgs["Northshire County Council"].id]
    assert icp.accountable_to_ids == [north.id, south.id]  # several names: accountable lines
    assert icp.programme_areas == ["Mental health", "Learning disability"]
    senate = c["Clinical Senate"]
    assert senate.kind is CommitteeKind.CLINICAL_FORUM
    assert [(line.to_id, line.kind) for line in senate.lines] == [
        (north.id, LineKind.ADVISES),
        (south.id, LineKind.ADVISES),
    ]
    group_n, group_s = c["North Quality Committee"], c["South Quality Committee"]
    assert group_n.group_id is not None
    assert group_n.group_id == group_s.group_id
    assert [g.name for g in plan.groups] == ["Cluster quality"]
    assert group_n.kind is CommitteeKind.DECISION  # inferred: no assurance word in the name


def test_every_v2_role_column(tmp_path: Path) -> None:
    plan = import_register(_register(tmp_path))
    c = _by_name(plan)
    cmo, pcn1, pcn2, deputy, healthwatch, pcn_deputy = plan.roles
    assert cmo.id == "r-cmo"
    assert [(s.committee_id, s.membership) for s in cmo.seats] == [
        (c["North ICB Board"].id, Membership.MEMBER),
        (c["South ICB Board"].id, Membership.MEMBER),
        (c["Clinical Senate"].id, Membership.PARTICIPANT),
    ]
    assert len(cmo.organisation_ids) == 2
    assert c["Clinical Senate"].chair_role_id == cmo.id
    assert cmo.activities == ["A1", "R2"]  # the words of A1 name A1 again: listed once
    assert cmo.notes == "Shared cluster post"
    assert (pcn1.title, pcn2.title) == ("PCN Clinical Director", "PCN Clinical Director")
    assert deputy.seats[0].membership is Membership.DEPUTY
    assert deputy.deputy_for_id == cmo.id  # by title: only one role has it
    assert pcn_deputy.deputy_for_id == pcn2.id  # by Id: the title repeats
    assert healthwatch.seats[0].membership is Membership.PARTICIPANT  # "non-voting"
    assert pcn_deputy.notes == "line one\nline two"


def test_kinds_are_inferred_from_names_and_said_in_one_line(tmp_path: Path) -> None:
    committees = [
        ["Committee", "Tier", "Reports to"],
        ["ICB Board", "system", ""],
        ["Audit Committee", "system", "ICB Board"],
        ["Remuneration Committee", "system", "ICB Board"],
        ["Public Involvement Group", "system", "ICB Board"],
        ["Clinical Senate", "system", "ICB Board"],
    ]
    result = read_register(
        write_register(tmp_path / "r.xlsx", {"Committees": committees, "Roles": [["Role"]]})
    )
    kinds = [c.kind for c in result.plan.committees]
    assert kinds == [
        CommitteeKind.DECISION,
        CommitteeKind.ASSURANCE,
        CommitteeKind.ASSURANCE,
        CommitteeKind.ADVISORY,
        CommitteeKind.CLINICAL_FORUM,
    ]
    (notice,) = [n for n in result.notices if "inferred" in n]
    assert "\n" not in notice
    assert "Sheet 'Committees'" in notice
    assert "assurance: Audit Committee, Remuneration Committee" in notice
    assert "1 decision committee" in notice
    assert "add a Kind column" in notice


def test_a_blank_kind_cell_is_inferred_and_the_notice_says_fill_it_in(tmp_path: Path) -> None:
    result = read_register(_register(tmp_path))
    (notice,) = [n for n in result.notices if "inferred" in n]
    assert "the kind of 2 committees was inferred" in notice
    assert "fill in their Kind cells" in notice
    assert "2 decision committees" in notice


def test_no_notice_when_every_kind_is_given(tmp_path: Path) -> None:
    committees = [["Committee", "Tier", "Kind"], ["Audit Committee", "system", "decision"]]
    result = read_register(
        write_register(tmp_path / "r.xlsx", {"Committees": committees, "Roles": [["Role"]]})
    )
    assert result.plan.committees[0].kind is CommitteeKind.DECISION  # the cell wins
    assert not any("inferred" in n for n in result.notices)


def test_unknown_programme_areas_are_kept_with_the_nearest_known_area(tmp_path: Path) -> None:
    result = read_register(_register(tmp_path))
    assert _by_name(result.plan)["Clinical Senate"].programme_area == "Maternty"
    (notice,) = [n for n in result.notices if "Maternty" in n]
    assert "row 7" in notice
    assert "'Maternity'" in notice
    assert "Mental health" not in " ".join(result.notices)  # a known area: no notice


def test_organisations_without_their_sheet_are_made_with_guessed_types(tmp_path: Path) -> None:
    result = read_register(_register(tmp_path, Organisations=[]))
    types = {o.name: o.type for o in result.plan.organisations}
    assert types == {
        "North ICB": OrganisationType.ICB,
        "South ICB": OrganisationType.ICB,
        "Northshire County Council": OrganisationType.LOCAL_AUTHORITY,
    }
    (notice,) = [n for n in result.notices if "Organisations" in n]
    assert "3 organisations" in notice
    assert "\n" not in notice


def test_the_issue_12_cluster_imports_and_is_judged_by_kind(tmp_path: Path) -> None:
    committees = [
        [
            "Committee",
            "Tier",
            "Reports to",
            "Advises",
            "Quorum",
            "Quorum includes clinical",
            "In common group",
            "Organisation",
        ],
        ["North Board", "system", "", "", "", "", "", "North ICB"],
        ["South Board", "system", "", "", "", "", "", "South ICB"],
        ["Audit Committee", "system", "North Board", "", "", "", "", "North ICB"],
        ["Remuneration Committee", "system", "North Board", "", "", "", "", "North ICB"],
        [
            "Quality North",
            "system",
            "North Board; South Board",
            "",
            3,
            "yes",
            "Quality",
            "North ICB",
        ],
        ["Quality South", "system", "South Board", "Quality North", "", "", "Quality", "South ICB"],
        ["Advice Group", "system", "", "Quality South", "", "", "", ""],
    ]
    roles = [
        ["Role", "Committees", "Membership", "Clinical", "Holder", "Functions", "Deputy for"],
        [
            "Medical Director",
            "Quality North; North Board; South Board",
            "",
            "yes",
            "",
            "analytical; representation; translation; relational",
            "",
        ],
        [
            "Deputy MD",
            "Quality North",
            "deputy",
            "yes",
            "Dr A",
            "analytical; representation; translation; relational",
            "Medical Director",
        ],
        ["Healthwatch", "Quality North", "participant", "no", "Sam", "", ""],
        [
            "Lay Member",
            "Audit Committee; Remuneration Committee; Quality South",
            "",
            "no",
            "Pat",
            "",
            "",
        ],
    ]
    plan = import_register(
        write_register(tmp_path / "r.xlsx", {"Committees": committees, "Roles": roles})
    )
    findings = analyse(plan).findings
    names = {f.subject for f in findings if f.code in ("CLN001", "GAP001", "GAP002")}
    assert not names & {"Audit Committee", "Remuneration Committee"}
    on_quality = {f.code for f in findings if f.subject == "Quality North"}
    assert "DEP001" in on_quality
    assert "GAP002" not in on_quality
    assert {"QRM001", "QRM002"} <= on_quality
    assert not any(f.code == "STR001" for f in findings)  # the advisory loop is no cycle


# -- Accepted findings ---------------------------------------------------------------------------


def test_a_gap_accepted_without_its_stage_is_at_the_committees_own_stage(
    tmp_path: Path,
) -> None:
    committees = _with(COMMITTEES, 6, "Programme area", "")
    committees[0].append("Stage")
    for row in committees[1:]:
        row.append("Mobilising change" if row[1] == "ICP" else "")
    accepted = [
        ["Code", "Subject", "Function", "Rationale"],
        ["GAP001", "ICP", "relational", "Being recruited"],
        ["GAP001", "North ICB Board", "relational", "Being recruited"],
    ]
    plan = import_register(_register(tmp_path, Committees=committees, Accepted_findings=accepted))
    c = _by_name(plan)
    mobilising, strategy = plan.stages[1], plan.stages[0]
    assert [a.key for a in plan.accepted] == [
        finding_key(
            "GAP001", SubjectKind.COMMITTEE, c["ICP"].id, Function.RELATIONAL, mobilising.id
        ),
        finding_key("GAP001", SubjectKind.COMMITTEE, "c-north", Function.RELATIONAL, strategy.id),
    ]
    keys = {f.key for f in analyse(plan).findings if f.code == "GAP001"}
    assert plan.accepted[0].key in keys  # the very finding the analysis raises
    assert plan.accepted[0].key in {f.key for f in analyse(plan).findings if f.accepted}


def test_accepted_findings_become_keys_and_stale_rows_are_kept(tmp_path: Path) -> None:
    accepted = [
        [
            "Code",
            "Subject",
            "Function",
            "Stage",
            "Rationale",
            "Accepted by",
            "Accepted on",
            "Review on",
        ],
        [
            "CLN001",
            "ICP",
            "",
            "",
            "A joint committee; clinical voice via the senate",
            "Board",
            "2025-04-01",
            "2026-04-01",
        ],
        ["str003", "r-pcn-1", "", "", "Seat to follow", "", "", ""],
        [
            "GAP001",
            "Clinical Senate",
            "relational work",
            "Strategy setting",
            "Stale, kept",
            "",
            "",
            "",
        ],
        ["TRM002", "Chief Medical Officer", "", "", "Term being renewed", "", "", ""],
    ]
    plan = import_register(_register(tmp_path, Accepted_findings=accepted))
    c = _by_name(plan)
    stage = plan.stages[0]
    assert [a.key for a in plan.accepted] == [
        finding_key("CLN001", SubjectKind.COMMITTEE, c["ICP"].id),
        finding_key("STR003", SubjectKind.ROLE, "r-pcn-1"),
        finding_key(
            "GAP001", SubjectKind.COMMITTEE, c["Clinical Senate"].id, Function.RELATIONAL, stage.id
        ),
        finding_key("TRM002", SubjectKind.ROLE, "r-cmo"),
    ]
    first = plan.accepted[0]
    assert first.accepted_by == "Board"
    assert (first.accepted_on.isoformat(), str(first.review_on)) == ("2025-04-01", "2026-04-01")


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        (["GAP01", "ICP", "", "", "r"], "Code", "did you mean 'gap001'"),
        (["CLN001", "ICB Bored", "", "", "r"], "Subject", "no committee with this name"),
        (["STR003", "PCN Clinical Director", "", "", "r"], "Subject", "several roles"),
        (["GAP001", "ICP", "analytic", "", "r"], "Function", "unknown function"),
        (["GAP001", "ICP", "analytical", "Stage 9", "r"], "Stage", "no stage"),
        (["GAP002", "ICP", "", "", "r"], "Function", "about one function"),
        (["CLN001", "ICP", "", "", ""], "Rationale", "must not be blank"),
    ],
)
def test_accepted_finding_errors_name_the_cell(
    tmp_path: Path, row: list[str], column: str, words: str
) -> None:
    accepted = [["Code", "Subject", "Function", "Stage", "Rationale"], row]
    error = _one(_register(tmp_path, Accepted_findings=accepted))
    assert (error.sheet, error.row, error.column) == ("Accepted findings", 2, column)
    assert words in str(error).lower()


# -- errors, each naming sheet, row and column --------------------------------------------------


def _with(rows: Rows, row: int, header: str, value: Any) -> Rows:
    copy = [list(r) for r in rows]
    copy[row - 1][copy[0].index(header)] = value
    return copy


@pytest.mark.parametrize(
    ("sheet", "row", "header", "value", "words"),
    [
        ("Committees", 2, "Kind", "asurance", "did you mean 'assurance'"),
        ("Committees", 2, "Organisation", "West ICB", "no organisation"),
        ("Committees", 2, "Quorum", 2.5, "whole number"),
        ("Committees", 2, "Quorum", "many", "expected a number"),
        ("Committees", 2, "Quorum includes clinical", "maybe", "yes or no"),
        ("Committees", 4, "Reports to", "North ICB Board; Nowhere", "no committee"),
        ("Committees", 2, "Advises", "North ICB Board", "itself"),
        ("Committees", 3, "Id", "c-north", "already used"),
        ("Roles", 2, "Membership", "voter", "unknown membership"),
        ("Roles", 2, "Membership", "ICP: member", "does not sit on this committee"),
        ("Roles", 2, "Membership", "Clinical Senate: chairing", "unknown membership"),
        ("Roles", 5, "Deputy for", "PCN Clinical Director", "several roles have this title"),
        ("Roles", 5, "Deputy for", "Chief Medical Oficer", "did you mean 'chief medical officer'"),
        ("Roles", 5, "Deputy for", "Deputy CMO", "itself"),
        ("Roles", 2, "Chairs", "Nowhere", "no committee"),
        ("Roles", 2, "Activities", "A9", "unknown activity"),
        ("Roles", 2, "Organisation", "West ICB", "no organisation"),
        ("Organisations", 2, "Type", "trst", "did you mean 'trust'"),
        ("Organisations", 3, "Organisation", "north icb", "already on row 2"),
    ],
)
def test_v2_errors_name_sheet_row_and_column(
    tmp_path: Path, sheet: str, row: int, header: str, value: Any, words: str
) -> None:
    sheets = {"Committees": COMMITTEES, "Roles": ROLES, "Organisations": ORGANISATIONS}
    replaced = _with(sheets[sheet], row, header, value)
    error = _errors(_register(tmp_path, **{sheet: replaced}))[0]
    assert (error.sheet, error.row, error.column) == (sheet, row, header)
    assert words in str(error).lower()


def test_two_roles_chairing_one_committee(tmp_path: Path) -> None:
    roles = _with(ROLES, 3, "Chairs", "Clinical Senate")
    error = _one(_register(tmp_path, Roles=roles))
    assert (error.sheet, error.row, error.column) == ("Roles", 3, "Chairs")
    assert "already chaired by the role on row 2" in str(error)


def test_control_and_bidi_characters_are_refused_by_cell(tmp_path: Path) -> None:
    roles = _with(ROLES, 3, "Notes", "report\u202ecod.exe")
    error = _one(_register(tmp_path, Roles=roles))
    assert (error.sheet, error.row, error.column) == ("Roles", 3, "Notes")
    assert "U+202E" in str(error)


def test_nothing_is_returned_when_any_cell_is_wrong(tmp_path: Path) -> None:
    committees = _with(COMMITTEES, 2, "Kind", "asurance")
    roles = _with(ROLES, 2, "Membership", "voter")
    errors = _errors(_register(tmp_path, Committees=committees, Roles=roles))
    assert [(e.sheet, e.column) for e in errors] == [
        ("Committees", "Kind"),
        ("Roles", "Membership"),
    ]


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_setting_is_restored_after_an_import(tmp_path: Path, enabled: bool) -> None:
    import gc

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        import_register(_register(tmp_path))
        assert gc.isenabled() is enabled
        with pytest.raises(RegisterImportError):
            import_register(_register(tmp_path, Roles=_with(ROLES, 2, "Membership", "voter")))
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_ids_numbered_from_1_on_every_sheet_are_kept_apart(tmp_path: Path) -> None:
    committees = [["Id", "Committee", "Tier"], [1, "Board", "system"], [2, "Group", "place"]]
    roles = [
        ["Id", "Role", "Committees", "Deputy for"],
        [1, "Lead", "Board", ""],
        [2, "Lead", "Group", ""],
        [3, "Deputy", "Group", 2],
    ]
    accepted = [["Code", "Subject", "Rationale"], ["STR004", 2, "Functions to follow"]]
    result = read_register(
        write_register(
            tmp_path / "r.xlsx",
            {"Committees": committees, "Roles": roles, "Accepted findings": accepted},
        )
    )
    plan = result.plan
    assert [c.id for c in plan.committees] == ["1", "2"]
    assert [r.id for r in plan.roles] == ["rol_1", "rol_2", "3"]
    assert plan.roles[2].deputy_for_id == "rol_2"  # the Id as written on the Roles sheet
    assert plan.accepted[0].key == finding_key("STR004", SubjectKind.ROLE, "rol_2")
    (notice,) = [n for n in result.notices if "Ids" in n]
    assert "Sheet 'Roles': 2 Ids" in notice


def test_an_id_repeated_within_its_sheet_is_an_error(tmp_path: Path) -> None:
    roles = [["Id", "Role"], ["a", "Lead"], ["a", "Other"]]
    error = _one(
        write_register(tmp_path / "r.xlsx", {"Committees": COMMITTEES[:1], "Roles": roles})
    )
    assert (error.sheet, error.row, error.column) == ("Roles", 3, "Id")
    assert "already used on row 2" in str(error)


def test_a_sheet_of_the_users_own_called_profile_is_passed_over(tmp_path: Path) -> None:
    profile = [["About", "Text"], ["ICS", "Our system in brief"]]
    result = read_register(_register(tmp_path, Profile=profile, Settings=[["Owner"], ["Me"]]))
    assert result.plan.profile  # the default profile, as without the sheet
    passed = [n for n in result.notices if "passed over" in n]
    assert len(passed) == 2
    assert not any(c.purpose.startswith(" ") for c in result.plan.committees)


@pytest.mark.parametrize(
    ("cell", "codes"),
    [
        ("a1; R2", ["A1", "R2"]),
        ("Review and present clinical evidence and service data", ["A1"]),
        ("mediate conflict, using knowledge of local history and interests", ["L4"]),  # DOMAIN.md
        ("T1: translate evidence\nL2 - alliances", ["T1", "L2"]),
    ],
)
def test_activities_by_code_or_words(tmp_path: Path, cell: str, codes: list[str]) -> None:
    roles = _with(ROLES, 2, "Activities", cell)
    assert import_register(_register(tmp_path, Roles=roles)).roles[0].activities == codes
