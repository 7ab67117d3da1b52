"""Importing register workbooks: what is accepted, and every error naming where it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from govplanner.domain.catalogue import DEFAULT_PROGRAMMES, DEFAULT_STAGES
from govplanner.domain.enums import Function, Level, Source
from govplanner.domain.errors import RegisterError
from govplanner.files.register_import import RegisterImportError, import_register
from tests.files.registers import COMMITTEES, ROLES, Rows, basic_register, write_register


def _import_error(path: Path) -> RegisterImportError:
    with pytest.raises(RegisterImportError) as caught:
        import_register(path)
    assert caught.value.path == path
    return caught.value


def _one(error: RegisterImportError) -> RegisterError:
    assert len(error.errors) == 1, [str(e) for e in error.errors]
    return error.errors[0]


# -- what is accepted --------------------------------------------------------------------------


def test_basic_register_without_optional_sheets(tmp_path: Path) -> None:
    plan = import_register(basic_register(tmp_path / "reg.xlsx"))
    assert plan.name == "reg"
    assert [(t.name, t.level) for t in plan.tiers] == [
        ("System", Level.EXECUTIVE),
        ("Programme", Level.THEMATIC),
        ("Neighbourhood", Level.PROJECT),
    ]
    assert [s.name for s in plan.stages] == [s.name for s in DEFAULT_STAGES]
    assert [p.name for p in plan.programmes] == list(DEFAULT_PROGRAMMES)
    board, mh, crisis = plan.committees
    assert mh.reports_to_id == board.id
    assert crisis.reports_to_id == mh.id
    assert mh.stage_id == plan.stages[1].id
    assert crisis.stage_id is None
    assert board.purpose == "Sets the system's strategy"
    director, finance, lead = plan.roles
    assert director.committee_ids == [board.id, mh.id]
    assert director.functions == [Function.ANALYTICAL, Function.TRANSLATION]
    assert director.sessions_per_week == 2
    assert finance.clinical is False
    assert lead.clinical is True  # blank means yes
    assert lead.holder_id is None
    assert [p.name for p in plan.people] == ["Dr Ann Lee", "Sam Roe"]
    assert plan.people[0].sources is None
    assert plan.profile  # the default profile for the stages


def test_matching_ignores_case_spaces_column_order_and_extras(tmp_path: Path) -> None:
    committees = [
        ["  notes ", "TIER ", " committee", "REPORTS TO"],
        ["x", "executive", "Board", ""],
        [None, None, None, None],
        ["", "  Project", "Group", "  board "],
    ]
    roles = [["role", "COMMITTEES", "extra"], ["Lead", "GROUP\nboard", "ignored"]]
    path = write_register(
        tmp_path / "r.xlsx",
        {" committees ": committees, "ROLES": roles, "Unrelated": [["a"], ["b"]]},
    )
    plan = import_register(path)
    board, group = plan.committees
    assert group.reports_to_id == board.id
    assert plan.roles[0].committee_ids == [group.id, board.id]
    assert [t.name for t in plan.tiers] == ["executive", "Project"]


def test_forward_reports_to_reference(tmp_path: Path) -> None:
    committees = [
        ["Committee", "Tier", "Reports to"],
        ["Group", "project", "Board"],
        ["Board", "executive", ""],
    ]
    path = write_register(tmp_path / "r.xlsx", {"Committees": committees, "Roles": [["Role"]]})
    group, board = import_register(path).committees
    assert group.reports_to_id == board.id


def test_tiers_sheet_defines_names_levels_and_order(tmp_path: Path) -> None:
    tiers = [
        ["Tier", "Level"],
        ["ICB", "Executive"],
        ["Programme boards", "thematic"],
        ["System", "project"],
    ]
    committees = [
        ["Committee", "Tier"],
        ["Board", "icb"],
        ["MH", "Programme Boards"],
        ["P", "system"],
    ]
    path = write_register(
        tmp_path / "r.xlsx", {"Tiers": tiers, "Committees": committees, "Roles": [["Role"]]}
    )
    plan = import_register(path)
    assert [(t.name, t.level) for t in plan.tiers] == [
        ("ICB", Level.EXECUTIVE),
        ("Programme boards", Level.THEMATIC),
        ("System", Level.PROJECT),  # the sheet's mapping wins over the preset name
    ]


def test_stages_people_and_programmes_sheets(tmp_path: Path) -> None:
    path = basic_register(
        tmp_path / "r.xlsx",
        Stages=[["Stage"], ["Strategy setting"], ["Mobilising change"], ["Review"]],
        People=[
            ["Name", "Profession", "Capacity", "Sources"],
            ["Dr Ann Lee", "GP", 3, "clinical expertise; Reputation"],
            ["Sam Roe", "", "", "none"],
            ["Unused Person", "", 2.5, ""],
        ],
        Programmes=[
            ["Programme area", "Professions"],
            ["Mental health", "psychiatry; psychology\nnursing"],
        ],
    )
    plan = import_register(path)
    assert [s.name for s in plan.stages] == ["Strategy setting", "Mobilising change", "Review"]
    assert plan.stages[0].description == DEFAULT_STAGES[0].description
    assert plan.stages[2].description == ""
    ann, sam, unused = plan.people
    assert ann.sources == [Source.CLINICAL_EXPERTISE, Source.REPUTATION]
    assert ann.capacity == 3
    assert sam.sources == []
    assert sam.capacity is None
    assert unused.capacity == 2.5
    assert [(p.name, p.professions) for p in plan.programmes] == [
        ("Mental health", ["psychiatry", "psychology", "nursing"])
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("analytical", [Function.ANALYTICAL]),
        ("Analysis, representational", [Function.ANALYTICAL, Function.REPRESENTATION]),
        ("Translation and communication", [Function.TRANSLATION]),
        ("communication;relational work", [Function.TRANSLATION, Function.RELATIONAL]),
        ("relationships\nrelational", [Function.RELATIONAL]),
        (" Translation & Communication ", [Function.TRANSLATION]),
    ],
)
def test_function_synonyms(tmp_path: Path, cell: str, expected: list[Function]) -> None:
    roles = [["Role", "Committees", "Functions"], ["Lead", "ICB Board", cell]]
    path = write_register(tmp_path / "r.xlsx", {"Committees": COMMITTEES, "Roles": roles})
    assert import_register(path).roles[0].functions == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Y", True),
        ("no", False),
        ("TRUE", True),
        ("false", False),
        (1, True),
        (0, False),
        (True, True),
        (False, False),
        ("  N ", False),
        (None, True),
    ],
)
def test_clinical_variants(tmp_path: Path, cell: Any, expected: bool) -> None:
    roles = [["Role", "Clinical"], ["Lead", cell]]
    path = write_register(tmp_path / "r.xlsx", {"Committees": COMMITTEES, "Roles": roles})
    assert import_register(path).roles[0].clinical is expected


@pytest.mark.parametrize(
    "cell",
    [dt.datetime(2025, 4, 1), dt.date(2025, 4, 1), "2025-04-01", "01/04/2025", "1/4/2025"],
)
def test_date_forms(tmp_path: Path, cell: Any) -> None:
    roles = [["Role", "Term start"], ["Lead", cell]]
    path = write_register(tmp_path / "r.xlsx", {"Committees": COMMITTEES, "Roles": roles})
    assert import_register(path).roles[0].term_start == dt.date(2025, 4, 1)


def test_numbers_as_text_and_names_as_numbers(tmp_path: Path) -> None:
    committees = [["Committee", "Tier"], [2024, "executive"]]
    roles = [["Role", "Committees", "Sessions per week"], ["Lead", "2024", " 1.5 "]]
    path = write_register(tmp_path / "r.xlsx", {"Committees": committees, "Roles": roles})
    plan = import_register(path)
    assert plan.committees[0].name == "2024"
    assert plan.roles[0].committee_ids == [plan.committees[0].id]
    assert plan.roles[0].sessions_per_week == 1.5


def test_committee_names_with_semicolons_listed_one_per_line(tmp_path: Path) -> None:
    committees = [["Committee", "Tier"], ["Quality; Safety", "executive"], ["Board", "executive"]]
    roles = [["Role", "Committees"], ["Lead", "Quality; Safety\nBoard"]]
    path = write_register(tmp_path / "r.xlsx", {"Committees": committees, "Roles": roles})
    plan = import_register(path)
    assert plan.roles[0].committee_ids == [c.id for c in plan.committees]


def test_workbook_title_names_the_plan(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = basic_register(tmp_path / "r.xlsx")
    workbook = load_workbook(path)
    workbook.properties.title = "North ICS governance"
    workbook.save(path)
    assert import_register(path).name == "North ICS governance"


# -- errors: each names file, sheet, row, column and value -------------------------------------


def _assert_where(
    error: RegisterError, sheet: str, row: int | None, column: str | None, value: Any = None
) -> None:
    assert (error.sheet, error.row, error.column) == (sheet, row, column)
    if value is not None:
        assert error.value == value
        assert repr(value) in str(error)
    assert "r.xlsx" in str(error)
    assert f"sheet '{sheet}'" in str(error)


def _error_for(tmp_path: Path, **sheets: Rows) -> RegisterError:
    full = {"Committees": COMMITTEES, "Roles": ROLES}
    full.update(sheets)
    return _one(_import_error(write_register(tmp_path / "r.xlsx", full)))


def test_missing_required_sheet(tmp_path: Path) -> None:
    path = write_register(tmp_path / "r.xlsx", {"Committees": COMMITTEES})
    error = _one(_import_error(path))
    assert "no 'Roles' sheet" in str(error)


def test_missing_required_column(tmp_path: Path) -> None:
    error = _error_for(tmp_path, Committees=[["Committee", "Purpose"], ["Board", "x"]])
    _assert_where(error, "Committees", 1, None)
    assert "no 'Tier' column" in str(error)


def test_empty_required_sheet(tmp_path: Path) -> None:
    error = _error_for(tmp_path, Roles=[])
    assert error.sheet == "Roles"
    assert "empty" in str(error)


def test_duplicate_header(tmp_path: Path) -> None:
    error = _error_for(tmp_path, Roles=[["Role", "role"], ["x", "y"]])
    _assert_where(error, "Roles", 1, "role")


def test_unresolved_tier(tmp_path: Path) -> None:
    rows = [COMMITTEES[0], ["Board", "Regional", "", "", "", ""]]
    error = _error_for(tmp_path, Committees=rows, Roles=[["Role"]])
    _assert_where(error, "Committees", 2, "Tier", "Regional")
    assert "Tiers sheet" in str(error)


def test_tier_not_on_tiers_sheet(tmp_path: Path) -> None:
    tiers = [["Tier", "Level"], ["System", "executive"], ["Programme", "thematic"]]
    error = _error_for(tmp_path, Tiers=tiers)
    _assert_where(error, "Committees", 4, "Tier", "Neighbourhood")


def test_unknown_level(tmp_path: Path) -> None:
    tiers = [
        ["Tier", "Level"],
        ["System", "executive"],
        ["Programme", "regional"],
        ["Neighbourhood", "project"],
    ]
    error = _import_error(
        write_register(
            tmp_path / "r.xlsx", {"Tiers": tiers, "Committees": COMMITTEES, "Roles": ROLES}
        )
    )
    _assert_where(error.errors[0], "Tiers", 3, "Level", "regional")


def test_unresolved_reports_to(tmp_path: Path) -> None:
    rows = [*COMMITTEES, ["Orphan", "Programme", "Nobody Board", "", "", ""]]
    _assert_where(
        _error_for(tmp_path, Committees=rows), "Committees", 5, "Reports to", "Nobody Board"
    )


def test_reports_to_itself(tmp_path: Path) -> None:
    rows = [*COMMITTEES, ["Loop", "Programme", "loop", "", "", ""]]
    error = _error_for(tmp_path, Committees=rows)
    _assert_where(error, "Committees", 5, "Reports to", "loop")


def test_unresolved_stage(tmp_path: Path) -> None:
    rows = [*COMMITTEES, ["Late", "Programme", "", "Stage nine", "", ""]]
    _assert_where(_error_for(tmp_path, Committees=rows), "Committees", 5, "Stage", "Stage nine")


def test_duplicate_committee_differing_in_case(tmp_path: Path) -> None:
    rows = [*COMMITTEES, ["icb board ", "System", "", "", "", ""]]
    error = _error_for(tmp_path, Committees=rows)
    _assert_where(error, "Committees", 5, "Committee", "icb board")
    assert "row 2" in str(error)


def test_unresolved_committee_on_role(tmp_path: Path) -> None:
    rows = [*ROLES, ["Lead", "ICB Board; Nowhere Group", "", "", "", "", ""]]
    _assert_where(_error_for(tmp_path, Roles=rows), "Roles", 5, "Committees", "Nowhere Group")


def test_unknown_function(tmp_path: Path) -> None:
    rows = [*ROLES, ["Lead", "", "", "", "", "analytical; leadership", ""]]
    _assert_where(_error_for(tmp_path, Roles=rows), "Roles", 5, "Functions", "leadership")


@pytest.mark.parametrize(
    ("column", "cell"),
    [
        ("Clinical", "maybe"),
        ("Sessions per week", "two"),
        ("Sessions per week", 150),
        ("Sessions per week", -1),
        ("Term start", "next April"),
        ("Term start", 45000),
        ("Term end", "31/02/2025"),
    ],
)
def test_wrong_type(tmp_path: Path, column: str, cell: Any) -> None:
    rows = [["Role", column], ["Lead", cell]]
    _assert_where(_error_for(tmp_path, Roles=rows), "Roles", 2, column, cell)


def test_date_in_a_number_column_is_shown_as_a_date(tmp_path: Path) -> None:
    rows = [["Role", "Sessions per week"], ["Lead", dt.datetime(2025, 4, 1)]]
    error = _error_for(tmp_path, Roles=rows)
    _assert_where(error, "Roles", 2, "Sessions per week", "2025-04-01")
    assert "found a date" in str(error)


def test_term_end_before_start(tmp_path: Path) -> None:
    rows = [["Role", "Term start", "Term end"], ["Lead", "2025-04-01", "2024-04-01"]]
    _assert_where(_error_for(tmp_path, Roles=rows), "Roles", 2, "Term end", "2024-04-01")


def test_blank_required_name(tmp_path: Path) -> None:
    rows = [ROLES[0], ["", "ICB Board", "psychiatry", "", "", "", ""]]
    _assert_where(_error_for(tmp_path, Roles=rows), "Roles", 2, "Role")


def test_too_long_name(tmp_path: Path) -> None:
    rows = [*COMMITTEES, ["x" * 300, "System", "", "", "", ""]]
    error = _error_for(tmp_path, Committees=rows)
    _assert_where(error, "Committees", 5, "Committee")
    assert "at most 200" in str(error)


def test_holder_missing_from_people_sheet(tmp_path: Path) -> None:
    people = [["Name"], ["Dr Ann Lee"]]
    _assert_where(_error_for(tmp_path, People=people), "Roles", 3, "Holder", "Sam Roe")


def test_duplicate_person(tmp_path: Path) -> None:
    people = [["Name"], ["Dr Ann Lee"], ["Sam Roe"], ["DR ANN LEE"]]
    _assert_where(_error_for(tmp_path, People=people), "People", 4, "Name", "DR ANN LEE")


def test_unknown_source_and_bad_capacity(tmp_path: Path) -> None:
    people = [
        ["Name", "Capacity", "Sources"],
        ["Dr Ann Lee", "lots", "charisma"],
        ["Sam Roe", "", ""],
    ]
    error = _import_error(
        write_register(
            tmp_path / "r.xlsx", {"Committees": COMMITTEES, "Roles": ROLES, "People": people}
        )
    )
    assert [(e.column, e.value) for e in error.errors] == [
        ("Capacity", "lots"),
        ("Sources", "charisma"),
    ]


def test_duplicate_stage_and_programme(tmp_path: Path) -> None:
    error = _import_error(
        basic_register(
            tmp_path / "r.xlsx",
            Stages=[["Stage"], ["Strategy setting"], ["Mobilising change"], ["strategy setting"]],
            Programmes=[["Programme area"], ["Cancer"], ["CANCER"]],
        )
    )
    assert [(e.sheet, e.row, e.column) for e in error.errors] == [
        ("Stages", 4, "Stage"),
        ("Programmes", 3, "Programme area"),
    ]


def test_all_errors_are_collected_at_once(tmp_path: Path) -> None:
    rows = [ROLES[0]] + [["Lead", "Nowhere", "", "perhaps", "", "magic", "x"] for _ in range(3)]
    error = _import_error(
        write_register(tmp_path / "r.xlsx", {"Committees": COMMITTEES, "Roles": rows})
    )
    assert len(error.errors) == 12
    assert {e.row for e in error.errors} == {2, 3, 4}
    assert {e.column for e in error.errors} == {
        "Committees",
        "Clinical",
        "Functions",
        "Sessions per week",
    }
    assert "has 12 problems" in str(error)


def test_error_count_is_capped(tmp_path: Path) -> None:
    rows = [ROLES[0]] + [["Lead", "Nowhere", "", "", "", "", ""] for _ in range(80)]
    error = _import_error(
        write_register(tmp_path / "r.xlsx", {"Committees": COMMITTEES, "Roles": rows})
    )
    assert len(error.errors) == 50
    assert error.stopped
    assert "stopped after 50 problems" in str(error)
