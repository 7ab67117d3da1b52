"""Register export: the import layout, tidy sheets, text never a formula, faithful round trip."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook

from govplanner.analysis import analyse
from govplanner.domain.errors import ExportError
from govplanner.domain.model import Plan, Programme
from govplanner.files import register_layout as layout
from govplanner.files.register_export import build_register, export_register
from govplanner.files.register_import import import_register
from tests.builders import PlanBuilder
from tests.files.plans import plans, small_plan


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


def test_layout_headers_order_and_tidiness(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    export_register(small_plan(), path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == list(layout.SHEET_ORDER)
    assert workbook.properties.title == "Example partnership"
    for name in layout.SHEET_ORDER:
        sheet = workbook[name]
        headers = [c.value for c in sheet[1]]
        assert headers == list(layout.HEADERS[name])
        assert all(c.font.b for c in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref is not None
        assert sheet.auto_filter.ref.startswith("A1:")
        assert sheet.column_dimensions["A"].width >= 10
    tiers = [[c.value for c in row] for row in workbook["Tiers"].iter_rows(min_row=2)]
    assert tiers == [["Executive", "executive"], ["Thematic", "thematic"], ["Project", "project"]]
    roles = workbook["Roles"]
    director = [c.value for c in roles[2]]
    assert director[:6] == [
        "Medical Director",
        "Partnership Board; Mental Health Programme Board",
        "psychiatry",
        "yes",
        "Dr Ann Lee",
        "analytical; translation",
    ]
    assert director[6] == 2.5
    assert director[7] == dt.datetime(2025, 4, 1)
    assert roles["H2"].is_date
    assert roles["D4"].value == "no"
    people = [[c.value for c in row] for row in workbook["People"].iter_rows(min_row=2)]
    assert people == [
        ["Dr Ann Lee", "general practice", 3, "none"],
        ["Bob Khan", None, None, "reputation; clinical expertise"],
    ]


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


def test_names_with_semicolons_are_listed_one_per_line(tmp_path: Path) -> None:
    plan = small_plan()
    plan.committees[0].name = "Quality; Safety"
    workbook = build_register(plan)
    assert workbook["Roles"]["B2"].value == "Quality; Safety\nMental Health Programme Board"
    back = _round_trip(plan, tmp_path / "r.xlsx")
    assert equivalent(back) == equivalent(plan)


def test_unlistable_names_are_refused_by_name(tmp_path: Path) -> None:
    plan = small_plan()
    plan.committees[0].name = "Quality; Safety"
    plan.committees[1].name = "Mental\nHealth"
    with pytest.raises(ExportError, match="Medical Director"):
        export_register(plan, tmp_path / "r.xlsx")
    assert not (tmp_path / "r.xlsx").exists()


def test_profession_with_separator_is_refused(tmp_path: Path) -> None:
    plan = small_plan()
    plan.programmes = [Programme(name="Cancer", professions=["oncology; nursing"])]
    with pytest.raises(ExportError, match="Cancer"):
        export_register(plan, tmp_path / "r.xlsx")


def test_export_replaces_atomically(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"previous")
    plan = small_plan()
    plan.programmes = [Programme(name="Cancer", professions=["a;b"])]
    with pytest.raises(ExportError):
        export_register(plan, path)
    assert path.read_bytes() == b"previous"
    export_register(small_plan(), path)
    assert zipfile.is_zipfile(path)
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]
