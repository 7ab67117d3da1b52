"""Register export: the import layout, tidy sheets, text never a formula, faithful round trip."""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook

from govplanner.analysis import analyse
from govplanner.domain.enums import LineKind, Membership
from govplanner.domain.errors import ExportError
from govplanner.domain.model import AcceptedFinding, Line, Plan, Programme, Role, Seat
from govplanner.files import register_export
from govplanner.files import register_layout as layout
from govplanner.files.register_export import export_register
from govplanner.files.register_import import import_register
from tests.builders import PlanBuilder
from tests.files.plans import full_plans, plans, small_plan

_AS_OF = dt.date(2026, 6, 1)


def equivalent(plan: Plan) -> dict[str, Any]:
    """Everything the register carries, by name rather than by id."""
    tiers = {t.id: t.name for t in plan.tiers}
    stages = {s.id: s.name for s in plan.stages}
    committees = {c.id: c.name for c in plan.committees}
    people = {p.id: p.name for p in plan.people}
    return {
        "name": plan.name,
        "tiers": [(t.name, t.level) for t in plan.tiers],
        "stages": [s.name for s in plan.stages],
        "committees": [
            (
                c.name,
                tiers[c.tier_id],
                committees.get(c.reports_to_id or ""),
                stages.get(c.stage_id or ""),
                c.programme_area,
                c.purpose,
            )
            for c in plan.committees
        ],
        "roles": [
            (
                r.title,
                [committees[c] for c in r.committee_ids],
                r.profession,
                r.clinical,
                people.get(r.holder_id or ""),
                r.functions,
                r.sessions_per_week,
                r.term_start,
                r.term_end,
            )
            for r in plan.roles
        ],
        "people": [(p.name, p.profession, p.capacity, p.sources) for p in plan.people],
        "programmes": [(p.name, p.professions) for p in plan.programmes],
        "settings": (plan.profession_synonyms, plan.default_capacity),
    }


def findings(plan: Plan) -> list[tuple[str, str, str | None, str | None, str]]:
    return sorted(
        (f.code, f.subject, f.function.value if f.function else None, f.stage, f.severity.value)
        for f in analyse(plan).findings
    )


def _round_trip(plan: Plan, path: Path) -> Plan:
    export_register(plan, path)
    return import_register(path)


def test_round_trip_of_a_small_plan(tmp_path: Path) -> None:
    plan = small_plan()
    back = _round_trip(plan, tmp_path / "r.xlsx")
    assert equivalent(back) == equivalent(plan)
    assert findings(back) == findings(plan)
    assert findings(plan)  # the comparison is not vacuous


def test_round_trip_of_a_builder_plan(tmp_path: Path) -> None:
    plan = (
        PlanBuilder(name="Builder plan")
        .tier("System", "executive")
        .tier("Place", "thematic")
        .committee("ICB Board", tier="System")
        .committee("Place Board", tier="Place", reports_to="ICB Board", programme="Primary care")
        .role(
            "Medical Director",
            on=["ICB Board", "Place Board"],
            functions=["analytical"],
            holder="Dr A",
        )
        .role("GP Lead", on=["Place Board"], functions=["representation"], holder="Dr A")
        .build()
    )
    back = _round_trip(plan, tmp_path / "r.xlsx")
    assert equivalent(back) == equivalent(plan)
    assert findings(back) == findings(plan)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(plan=plans(register_only=True))
def test_random_plans_round_trip_with_identical_findings(tmp_path: Path, plan: Plan) -> None:
    back = _round_trip(plan, tmp_path / "round.xlsx")
    assert equivalent(back) == equivalent(plan)
    assert findings(back) == findings(plan)


def _differences(plan: Plan, back: Plan) -> list[tuple[str, Any, Any]]:
    return [
        (name, getattr(plan, name), getattr(back, name))
        for name in Plan.model_fields
        if getattr(plan, name) != getattr(back, name)
    ]


@settings(
    max_examples=int(os.environ.get("GOVPLANNER_REGISTER_EXAMPLES", "80")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(plan=full_plans())
def test_export_then_import_gives_back_the_same_plan(tmp_path: Path, plan: Plan) -> None:
    """Issue 13: every field of every item and every setting, with the same ids and order."""
    path = tmp_path / "round.xlsx"
    assert export_register(plan, path) == []
    back = import_register(path)
    assert back == plan, _differences(plan, back)
    assert analyse(back, as_of=_AS_OF) == analyse(plan, as_of=_AS_OF)


def test_a_plan_from_the_other_plan_strategy_round_trips_exactly(tmp_path: Path) -> None:
    plan = small_plan()
    plan.description = "  A description with spaces around it  "
    plan.default_capacity = 7.5
    plan.accepted = [AcceptedFinding(key="not a finding key", rationale="Kept as written")]
    back = _round_trip(plan, tmp_path / "r.xlsx")
    assert back == plan, _differences(plan, back)


def test_layout_headers_order_and_tidiness(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    plan = small_plan()
    export_register(plan, path)
    workbook = load_workbook(path)
    # a plan that is not a proposal has no Proposal sheets; every other sheet, in order
    assert workbook.sheetnames == list(layout.SHEET_ORDER[:-2])
    assert layout.SHEET_ORDER[-2:] == (layout.PROPOSAL, layout.CHANGES)
    assert workbook.properties.title == "Example partnership"
    for name in layout.SHEET_ORDER[:-2]:
        sheet = workbook[name]
        headers = [c.value for c in sheet[1]]
        sparse = layout.SPARSE_HEADERS.get(name, frozenset())
        assert headers == [h for h in layout.HEADERS[name] if h not in sparse]
        assert all(c.font.b for c in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref is not None
        assert sheet.auto_filter.ref.startswith("A1:")
        assert sheet.column_dimensions["A"].width >= 10
    tiers = [[c.value for c in row][1:] for row in workbook["Tiers"].iter_rows(min_row=2)]
    assert tiers == [["Executive", "executive"], ["Thematic", "thematic"], ["Project", "project"]]
    roles = workbook["Roles"]
    director = dict(zip(layout.HEADERS[layout.ROLES], [c.value for c in roles[2]], strict=True))
    assert director["Id"] == plan.roles[0].id
    assert [director[h] for h in ("Role", "Committees", "Profession", "Clinical")] == [
        "Medical Director",
        "Partnership Board; Mental Health Programme Board",
        "psychiatry",
        "yes",
    ]
    assert director["Holder"] == "Dr Ann Lee"
    assert director["Functions"] == "analytical; translation"
    assert director["Sessions per week"] == 2.5
    assert director["Term start"] == dt.datetime(2025, 4, 1)
    assert director["Membership"] is None  # every seat a member seat
    clinical = layout.HEADERS[layout.ROLES].index("Clinical") + 1
    assert roles.cell(row=4, column=clinical).value == "no"
    start = layout.HEADERS[layout.ROLES].index("Term start") + 1
    assert roles.cell(row=2, column=start).is_date
    people = [[c.value for c in row][1:5] for row in workbook["People"].iter_rows(min_row=2)]
    assert people == [
        ["Dr Ann Lee", "general practice", 3, "none"],
        ["Bob Khan", None, None, "reputation; clinical expertise"],
    ]
    settings_rows = {r[0].value: r[1].value for r in workbook["Settings"].iter_rows(min_row=2)}
    assert settings_rows["Plan name"] == "Example partnership"
    assert settings_rows["Term warning days"] == 90


_INJECTIONS = ['=HYPERLINK("http://x","y")', "+44 20 7946 0000", "@SUM(A1)", "-1", "=1+1"]


def test_formula_injection_is_stored_as_text(tmp_path: Path) -> None:
    plan = small_plan()
    plan.committees[0].name = _INJECTIONS[0]
    plan.committees[1].purpose = _INJECTIONS[1]
    plan.roles[0].title = _INJECTIONS[2]
    plan.people[0].name = _INJECTIONS[3]
    plan.tiers[0].name = _INJECTIONS[4]
    path = tmp_path / "r.xlsx"
    export_register(plan, path)
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        xml = "".join(archive.read(n).decode() for n in sheets)
        strings = (
            archive.read("xl/sharedStrings.xml").decode()
            if "xl/sharedStrings.xml" in archive.namelist()
            else ""
        )
    assert "<f>" not in xml
    assert "<f " not in xml
    for cell in re.findall(r"<c [^>]*>", xml):
        assert 't="s"' in cell or 't="inlineStr"' in cell or 't="n"' in cell or " t=" not in cell
    every_text = xml + strings
    for text in _INJECTIONS:
        escaped = text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
        assert text in every_text or escaped in every_text
    back = import_register(path)
    assert back.committees[0].name == _INJECTIONS[0]
    assert back.committees[1].purpose == _INJECTIONS[1]
    assert back.roles[0].title == _INJECTIONS[2]
    assert back.people[0].name == _INJECTIONS[3]
    assert back.tiers[0].name == _INJECTIONS[4]


def test_injected_cells_are_string_typed(tmp_path: Path) -> None:
    plan = small_plan()
    plan.committees[0].name = '=HYPERLINK("http://x","y")'
    path = tmp_path / "r.xlsx"
    export_register(plan, path)
    with zipfile.ZipFile(path) as archive:
        names = sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))
        committees_xml = archive.read(names[0]).decode()
    a2 = re.search(r'<c r="A2"[^>]*>', committees_xml)
    assert a2 is not None
    assert 't="s"' in a2.group(0) or 't="inlineStr"' in a2.group(0)


def _cell(path: Path, sheet: str, header: str, row: int = 2) -> Any:
    workbook = load_workbook(path)
    column = [c.value for c in workbook[sheet][1]].index(header) + 1
    return workbook[sheet].cell(row=row, column=column).value


def test_names_with_semicolons_are_listed_one_per_line(tmp_path: Path) -> None:
    plan = small_plan()
    plan.committees[0].name = "Quality; Safety"
    path = tmp_path / "r.xlsx"
    assert export_register(plan, path) == []
    assert _cell(path, "Roles", "Committees") == "Quality; Safety\nMental Health Programme Board"
    assert import_register(path) == plan


def test_names_that_cannot_be_listed_by_name_are_listed_by_id(tmp_path: Path) -> None:
    plan = small_plan()
    plan.committees[0].name = "Quality; Safety"
    plan.committees[1].name = "Mental\nHealth"
    path = tmp_path / "r.xlsx"
    assert export_register(plan, path) == []
    board, mh = plan.committees[:2]
    assert _cell(path, "Roles", "Committees") == f"{board.id}; {mh.id}"
    assert import_register(path) == plan


def test_a_committee_named_like_two_others_is_not_misread(tmp_path: Path) -> None:
    plan = small_plan()
    board, mh, group = plan.committees
    board.name, mh.name, group.name = "A; B", "A", "B"
    plan.roles[0].seats = [Seat(committee_id=board.id)]
    path = tmp_path / "r.xlsx"
    assert export_register(plan, path) == []
    assert _cell(path, "Roles", "Committees") == board.id
    assert import_register(path) == plan


def test_profession_with_separator_is_named_as_not_written(tmp_path: Path) -> None:
    plan = small_plan()
    plan.programmes = [Programme(name="Cancer", professions=["oncology; nursing"])]
    losses = export_register(plan, tmp_path / "r.xlsx")
    assert len(losses) == 1
    assert "Cancer" in losses[0]
    assert "oncology; nursing" in losses[0]


def test_text_a_register_cannot_carry_is_named(tmp_path: Path) -> None:
    plan = small_plan()
    plan.roles[0].notes = "bell\x07here"
    losses = export_register(plan, tmp_path / "r.xlsx")
    assert len(losses) == 1
    assert "sheet 'Roles', row 2, column 'Notes'" in losses[0]
    assert import_register(tmp_path / "r.xlsx").roles[0].notes == "bellhere"


def test_v2_columns_as_a_governance_lead_reads_them(tmp_path: Path) -> None:
    plan = small_plan()
    board, mh, group = plan.committees
    mh.lines = [Line(to_id=board.id), Line(to_id=group.id, kind=LineKind.ADVISES)]
    group.lines = [Line(to_id=board.id, kind=LineKind.ADVISES), Line(to_id=mh.id)]
    director = plan.roles[0]
    director.seats = [
        Seat(committee_id=board.id),
        Seat(committee_id=mh.id, membership=Membership.PARTICIPANT),
    ]
    board.chair_role_id = director.id
    twin = Role(title="Medical Director", seats=[Seat(committee_id=board.id)])
    deputy = Role(title="Deputy", deputy_for_id=twin.id, seats=[Seat(committee_id=board.id)])
    plan.roles += [twin, deputy]
    board.requirements = {}
    mh.quorum, mh.quorum_clinical = 4, True
    path = tmp_path / "r.xlsx"
    assert export_register(plan, path) == []
    assert _cell(path, "Committees", "Reports to", 3) == "Partnership Board"
    assert _cell(path, "Committees", "Advises", 3) == "Community MH Project"
    assert _cell(path, "Committees", "Line order", 3) is None
    assert _cell(path, "Committees", "Line order", 4) == "advises; accountable"
    assert _cell(path, "Committees", "Quorum", 3) == 4
    assert _cell(path, "Committees", "Quorum includes clinical", 3) == "yes"
    assert _cell(path, "Roles", "Membership") == "Mental Health Programme Board: participant"
    assert _cell(path, "Roles", "Chairs") == "Partnership Board"
    assert _cell(path, "Roles", "Deputy for", 7) == twin.id  # two roles have that title
    assert import_register(path) == plan


def test_export_replaces_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"previous")

    def full_disk(self: Any, stream: Any) -> None:
        stream.write(b"half a workbook")
        raise OSError("No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(register_export.Workbook, "save", full_disk)
        with pytest.raises(ExportError, match="No space left on device"):
            export_register(small_plan(), path)
    assert path.read_bytes() == b"previous"
    export_register(small_plan(), path)
    assert zipfile.is_zipfile(path)
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]
