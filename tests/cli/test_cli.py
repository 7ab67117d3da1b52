"""The command line as a user types it: exit codes, outputs and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from govplanner.cli.main import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_new_creates_a_plan_with_the_preset_tiers(tmp_path, capsys):
    target = tmp_path / "my-ics.govplan"
    code, out, _ = run(["new", "--preset", "ics", "-o", str(target)], capsys)
    assert code == 0
    assert "Created" in out
    code, out, _ = run(["check", str(target), "--format", "json"], capsys)
    doc = json.loads(out)
    assert doc["plan"] == "my ics"
    assert [row["tier"] for row in doc["coverage"]] == [
        "System",
        "Programme",
        "Place",
        "Neighbourhood",
    ]


def test_new_refuses_to_overwrite_without_force(tmp_path, capsys):
    target = tmp_path / "plan.govplan"
    target.write_text("precious", encoding="utf-8")
    code, _, err = run(["new", "-o", str(target)], capsys)
    assert code == 2
    assert "already exists" in err
    assert target.read_text(encoding="utf-8") == "precious"
    code, _, _ = run(["new", "-o", str(target), "--force"], capsys)
    assert code == 0
    assert target.read_text(encoding="utf-8") != "precious"


def test_check_json_has_exactly_the_promised_shape(capsys):
    code, out, _ = run(
        ["check", str(EXAMPLES / "partnership-a.govplan"), "--format", "json"], capsys
    )
    doc = json.loads(out)
    assert set(doc) == {
        "plan", "summary", "findings", "coverage", "coverage_by_stage", "principles",
        "root_causes", "stale_acceptances", "unjudged_areas", "cost",
    }  # fmt: skip
    assert doc["cost"] is None  # issue 14: partnership-a records no cost per session
    assert [p["id"] for p in doc["principles"]] == [f"ccpl-{i}" for i in range(1, 6)]
    principle_keys = {"id", "title", "summary", "rag", "evidence", "limits"}
    assert all(set(p) == principle_keys for p in doc["principles"])
    assert all(p["rag"] in ("green", "amber", "red", "grey") for p in doc["principles"])
    assert set(doc["summary"]) == {"critical", "warning", "info", "accepted", "root_causes"}
    keys = {"code", "severity", "subject_kind", "subject", "function", "stage", "message"}
    keys |= {"remedy", "accepted", "key", "closed_by"}
    assert doc["findings"]
    assert all(set(f) == keys for f in doc["findings"])
    functions = {"analytical", "representation", "translation", "relational"}
    assert all(set(row["functions"]) == functions for row in doc["coverage"])
    cell_keys = {"required", "covered", "accepted"}
    assert all(
        set(cell) == cell_keys
        for row in doc["coverage"] + doc["coverage_by_stage"]
        for cell in row["functions"].values()
    )
    assert all(set(row) == {"tier", "stage", "functions"} for row in doc["coverage_by_stage"])
    open_counts = {
        s: sum(1 for f in doc["findings"] if f["severity"] == s and not f["accepted"])
        for s in ("critical", "warning", "info")
    }
    assert {k: doc["summary"][k] for k in open_counts} == open_counts
    assert code == (1 if open_counts["critical"] else 0)


@pytest.mark.parametrize(
    ("fail_on", "severities", "expected"),
    [
        ("critical", {"warning"}, 0),
        ("warning", {"warning"}, 1),
        ("info", {"info"}, 1),
        ("warning", {"info"}, 0),
        ("never", {"critical"}, 0),
    ],
)
def test_fail_on_threshold(tmp_path, capsys, fail_on, severities, expected):
    from govplanner.files.planfile import save_plan
    from tests.builders import PlanBuilder

    # Without any role, the board has no clinical voice at all: critical (CLN001).
    builder = PlanBuilder().committee("ICB Board", tier="system")
    if "critical" not in severities:
        builder = builder.role(
            "Medical Director",
            on=["ICB Board"],
            functions=["analytical", "representation", "translation", "relational"],
            holder="Dr A",
        )
        if "warning" in severities:
            builder = builder.role("Orphan Lead", on=[], functions=["analytical"])
        if "info" in severities:
            builder = builder.committee("Place Board", tier="place", reports_to=None).role(
                "Place Lead",
                on=["Place Board"],
                functions=["analytical", "representation", "translation", "relational"],
                holder="Dr B",
            )
    path = tmp_path / "p.govplan"
    save_plan(builder.build(), path)
    code, out, _ = run(["check", str(path), "--format", "json", "--fail-on", fail_on], capsys)
    found = {f["severity"] for f in json.loads(out)["findings"]}
    assert severities <= found
    assert code == expected


def test_check_text_groups_by_severity_and_shows_coverage(capsys):
    _code, out, _ = run(["check", str(EXAMPLES / "partnership-c.govplan")], capsys)
    assert "Plan: Partnership C" in out
    assert "Coverage" in out
    assert "Translation & communication" in out
    assert "What to do:" in out
    headings = [
        line
        for line in out.splitlines()
        if line.split(" (")[0] in ("Critical", "Warnings", "For information")
    ]
    assert headings, out
    assert "CCPL principles" in out
    assert "  5. Open recruitment and diverse leadership: " in out


def test_unusable_input_is_one_line_on_stderr_and_exit_2(tmp_path, capsys):
    broken = tmp_path / "broken.govplan"
    broken.write_text('{"format": "govplanner-plan", "schema_version": 1, "plan": {', "utf-8")
    code, out, err = run(["check", str(broken)], capsys)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "broken.govplan" in err
    assert "Traceback" not in err


def test_missing_file_is_a_clear_error(tmp_path, capsys):
    code, _, err = run(["check", str(tmp_path / "nope.govplan")], capsys)
    assert code == 2
    assert "nope.govplan" in err


def test_register_round_trip_through_the_cli(tmp_path, capsys):
    register = tmp_path / "register.xlsx"
    plan = tmp_path / "back.govplan"
    source = EXAMPLES / "partnership-b.govplan"
    assert run(["export", "register", str(source), "-o", str(register)], capsys)[0] == 0
    assert run(["import", str(register), "-o", str(plan)], capsys)[0] == 0
    before = json.loads(run(["check", str(source), "--format", "json"], capsys)[1])
    after = json.loads(run(["check", str(plan), "--format", "json"], capsys)[1])
    assert after["findings"] == before["findings"]
    assert after["coverage"] == before["coverage"]
    from govplanner.files.planfile import load_plan

    assert load_plan(plan) == load_plan(source)  # every field and id (issue 13)


def test_import_says_which_kinds_it_inferred_in_one_line(tmp_path, capsys):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "Committees"
    wb.active.append(["Committee", "Tier"])
    wb.active.append(["Audit Committee", "system"])
    roles = wb.create_sheet("Roles")
    roles.append(["Role", "Committees"])
    roles.append(["Lay member", "Audit Committee"])
    path = tmp_path / "reg.xlsx"
    wb.save(path)
    code, out, _ = run(["import", str(path), "-o", str(tmp_path / "out.govplan")], capsys)
    assert code == 0
    assert "Imported 1 committee, 1 role and 0 people" in out
    (line,) = [x for x in out.splitlines() if "inferred" in x]
    assert line.startswith("Note: Sheet 'Committees': the kind of 1 committee was inferred")
    assert "assurance: Audit Committee" in line


def test_bad_register_names_sheet_row_and_column(tmp_path, capsys):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Committees"
    ws.append(["Committee", "Tier"])
    ws.append(["ICB Board", "galaxy"])
    wb.create_sheet("Roles").append(["Role"])
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    out_plan = tmp_path / "out.govplan"
    code, _, err = run(["import", str(path), "-o", str(out_plan)], capsys)
    assert code == 2
    assert "Committees" in err
    assert "row 2" in err
    assert "Tier" in err
    assert not out_plan.exists()


def test_version_and_console_script_run_without_a_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "minimal-does-not-exist"  # Qt must not even be loaded
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "govplanner",
            "check",
            str(EXAMPLES / "partnership-b.govplan"),
            "--fail-on",
            "never",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Partnership B" in result.stdout
    version = subprocess.run(
        [sys.executable, "-m", "govplanner", "--version"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert version.stdout.startswith("govplanner ")


def test_headless_commands_never_import_qt():
    code = (
        "import sys; from govplanner.cli.main import main; "
        f"main(['check', r'{EXAMPLES / 'partnership-a.govplan'}', '--fail-on', 'never']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_every_register_problem_is_listed_on_its_own_line(tmp_path, capsys):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Committees"
    ws.append(["Committee", "Tier"])
    ws.append(["ICB Board", "galaxy"])
    ws.append(["Place Board", "nebula"])
    wb.create_sheet("Roles").append(["Role"])
    path = tmp_path / "two-problems.xlsx"
    wb.save(path)
    code, _, err = run(["import", str(path), "-o", str(tmp_path / "out.govplan")], capsys)
    lines = err.splitlines()
    assert code == 2
    assert lines[0] == "govplanner: error: two-problems.xlsx has 2 problems:"
    assert "row 2" in lines[1]
    assert "galaxy" in lines[1]
    assert "row 3" in lines[2]
    assert "nebula" in lines[2]


def test_export_roles_judges_terms_on_the_as_of_date(tmp_path, capsys):
    # Partnership C's Medical Director serves until 31 March 2026.
    plan = str(EXAMPLES / "partnership-c.govplan")
    args = ["export", "roles", plan, "--format", "md", "--role", "Medical Director"]
    assert run([*args, "-o", str(tmp_path / "before"), "--as-of", "2025-06-01"], capsys)[0] == 0
    assert run([*args, "-o", str(tmp_path / "after"), "--as-of", "2026-06-01"], capsys)[0] == 0
    [before] = (tmp_path / "before").glob("*.md")
    [after] = (tmp_path / "after").glob("*.md")
    assert "ended" not in before.read_text(encoding="utf-8").lower()
    assert "ended" in after.read_text(encoding="utf-8").lower()
