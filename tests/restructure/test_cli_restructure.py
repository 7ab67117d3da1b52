"""merge, reduce and timeline as a user types them: outputs, files, exit codes, one-line errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from govplanner.cli.main import main
from govplanner.domain.proposal import ChangeAction
from govplanner.files.planfile import load_plan, save_plan
from tests.restructure.plans import judge

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PARTNERSHIPS = [str(EXAMPLES / f"partnership-{x}.govplan") for x in "abc"]
NO_WEIGHTS = dict.fromkeys(
    ("expected_gap", "single_point", "overload", "profession", "clinical_voice", "displaced",
     "retired"), 0.0
)  # fmt: skip


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cluster(tmp_path, capsys) -> Path:
    path = tmp_path / "cluster.govplan"
    code, _, err = run(["merge", *PARTNERSHIPS, "-o", str(path)], capsys)
    assert code == 0, err
    return path


def test_merge_writes_the_cluster_and_its_report(tmp_path, capsys):
    out_plan, report = tmp_path / "c.govplan", tmp_path / "merge.xlsx"
    code, out, _ = run(
        ["merge", *PARTNERSHIPS, "-o", str(out_plan), "--report", str(report)], capsys
    )
    assert code == 0
    assert "Merge of 3 plans" in out
    assert "Committees in common" in out
    plan = load_plan(out_plan)
    assert {c.origin for c in plan.committees} == {"Partnership A", "Partnership B",
                                                   "Partnership C"}  # fmt: skip
    ws = load_workbook(report)["Merge report"]
    assert ws.max_row > 10
    code, out, _ = run(
        ["merge", *PARTNERSHIPS, "-o", str(out_plan), "--force", "--format", "json"], capsys
    )
    assert json.loads(out)["sources"] == ["Partnership A", "Partnership B", "Partnership C"]


def test_merge_errors_are_one_line_naming_the_problem(tmp_path, capsys):
    code, _, err = run(["merge", PARTNERSHIPS[0], "-o", str(tmp_path / "x.govplan")], capsys)
    assert code == 2
    assert err.count("\n") == 1
    assert "at least two plans" in err
    missing = str(tmp_path / "missing.govplan")
    code, _, err = run(["merge", PARTNERSHIPS[0], missing, "-o", str(tmp_path / "x.govplan")],
                       capsys)  # fmt: skip
    assert code == 2
    assert "missing.govplan" in err


def test_reduce_by_a_fifth_keeps_essential_cover_and_explains_each_retirement(
    tmp_path, capsys, cluster
):
    proposal = tmp_path / "proposal.govplan"
    code, out, err = run(["reduce", str(cluster), "--budget", "-20%", "-o", str(proposal)], capsys)
    assert code == 0, err
    before, after = load_plan(cluster), load_plan(proposal)
    today = sum(r.sessions_per_week for r in before.roles if r.clinical)
    assert sum(r.sessions_per_week for r in after.roles if r.clinical) <= today * 0.8 + 1e-9
    assert judge(before, {r.id for r in after.roles}, NO_WEIGHTS).essential_lost == 0
    retired = [r for r in before.roles if r.id not in {x.id for x in after.roles}]
    assert retired
    assert after.proposal is not None
    for role in retired:
        change = after.proposal.change_for(ChangeAction.RETIRE_ROLE, role.id)
        assert change is not None
        assert change.reasons
        assert role.title in out
    code, diff, _ = run(["diff", str(cluster), str(proposal)], capsys)
    assert code == 0
    assert "The after plan is a proposal, made by govplanner reduce" in diff
    for role in retired:  # each retirement is listed with its reasons, straight after it
        reasons = after.proposal.change_for(ChangeAction.RETIRE_ROLE, role.id).reasons
        assert f"{role.title} " in diff
        assert all(f"why: {reason}" in diff for reason in reasons)
    code, data, _ = run(["diff", str(cluster), str(proposal), "--format", "json"], capsys)
    removed = [x for x in json.loads(data)["roles"] if x["change"] == "removed"]
    assert len(removed) == len(retired)
    assert all(x["why"] for x in removed)
    assert json.loads(data)["proposal"]["source_plan"] == before.name


def test_reduce_refuses_a_budget_too_low_with_the_exact_least_budget(tmp_path, capsys, cluster):
    out_path = str(tmp_path / "p.govplan")
    code, out, err = run(
        ["reduce", str(cluster), "--budget", "5", "-o", out_path, "--format", "json"], capsys
    )
    assert code == 2
    assert err.count("\n") == 1
    assert "least budget that does is" in err
    data = json.loads(out)
    least = data["least_budget"]
    assert data["least_budget_proven"]
    assert data["binding"]
    assert not Path(out_path).exists()
    code, _, _ = run(["reduce", str(cluster), "--budget", f"{least:g}", "-o", out_path], capsys)
    assert code == 0
    code, _, err = run(
        ["reduce", str(cluster), "--budget", f"{least - 1:g}", "-o", out_path, "--force"], capsys
    )
    assert code == 2
    assert f"{least:g} sessions" in err


def test_reduce_allow_gaps_keeps_the_budget(tmp_path, capsys, cluster):
    out_path = tmp_path / "p.govplan"
    code, out, _ = run(["reduce", str(cluster), "--budget", "5", "--allow-gaps", "-o",
                        str(out_path), "--format", "json"], capsys)  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["counts"]["after"]["scope_sessions"] <= 5
    assert data["counts"]["after"]["essential_gaps"] > 0


def test_reduce_options_keep_retire_abolish_and_weights(tmp_path, capsys, cluster):
    plan = load_plan(cluster)
    md = next(r for r in plan.roles if r.title == "Medical Director")
    args = ["reduce", str(cluster), "--budget=-10%", "--keep", md.id, "--retire", "Obstetrics Lead",
            "--abolish", "Rehabilitation Pathway Team", "--weight", "displaced=3",
            "-o", str(tmp_path / "p.govplan"), "--format", "json"]  # fmt: skip
    code, out, err = run(args, capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["weights"]["displaced"] == 3
    assert data["abolished"] == ["Rehabilitation Pathway Team"]
    retired = {r["title"] for r in data["retired"]}
    assert "Obstetrics Lead" in retired
    assert md.id not in {r["id"] for r in data["retired"]}
    after = load_plan(tmp_path / "p.govplan")
    assert all(c.name != "Rehabilitation Pathway Team" for c in after.committees)


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        (["--budget", "lots"], "--budget 'lots'"),
        (["--budget", "-120%"], "--budget -120%"),
        (["--budget", "-10%", "--keep", "Nobody"], "--keep 'Nobody'"),
        (["--budget", "-10%", "--abolish", "Nothing"], "--abolish 'Nothing'"),
        (["--budget", "-10%", "--weight", "speed=2"], "--weight speed=2"),
        (["--budget", "-10%", "--time-limit", "0"], "--time-limit"),
    ],
)
def test_reduce_errors_name_the_option(tmp_path, capsys, cluster, extra, named):
    code, _, err = run(["reduce", str(cluster), *extra, "-o", str(tmp_path / "p.govplan")],
                       capsys)  # fmt: skip
    assert code == 2
    assert err.count("\n") == 1
    assert named in err


def _dated(path: Path, source: str, day: dt.date) -> Path:
    plan = load_plan(source)
    plan.effective_date = day
    save_plan(plan, path)
    return path


def test_timeline_orders_steps_by_date_and_writes_a_workbook(tmp_path, capsys, cluster):
    today = _dated(tmp_path / "today.govplan", PARTNERSHIPS[0], dt.date(2026, 4, 1))
    later = _dated(tmp_path / "later.govplan", str(cluster), dt.date(2027, 4, 1))
    book = tmp_path / "timeline.xlsx"
    code, out, err = run(["timeline", str(later), str(today), "-o", str(book)], capsys)
    assert code == 0, err
    assert out.index("1 April 2026") < out.index("1 April 2027")
    assert "Changes from 1 April 2026" in out
    wb = load_workbook(book)
    assert wb.sheetnames == ["Timeline", "Coverage", "Uncovered", "Changes"]
    rows = list(wb["Timeline"].iter_rows(min_row=2, values_only=True))
    assert [r[2] for r in rows] == ["today.govplan", "later.govplan"]
    code, out, _ = run(["timeline", str(today), str(later), "--format", "json"], capsys)
    assert [s["date"] for s in json.loads(out)["steps"]] == ["2026-04-01", "2027-04-01"]


def test_timeline_errors_name_the_file(tmp_path, capsys):
    today = _dated(tmp_path / "today.govplan", PARTNERSHIPS[0], dt.date(2026, 4, 1))
    twin = _dated(tmp_path / "twin.govplan", PARTNERSHIPS[1], dt.date(2026, 4, 1))
    code, _, err = run(["timeline", str(today), PARTNERSHIPS[2]], capsys)
    assert code == 2
    assert "partnership-c.govplan" in err
    assert "effective date" in err
    code, _, err = run(["timeline", str(today), str(twin)], capsys)
    assert code == 2
    assert "twin.govplan" in err
    assert "same date" in err


def test_reports_can_be_written_as_json_and_text(tmp_path, capsys, cluster):
    merged = tmp_path / "m.govplan"
    for suffix in (".json", ".txt"):
        report = tmp_path / f"merge{suffix}"
        code, _, _ = run(["merge", *PARTNERSHIPS, "-o", str(merged), "--force", "--report",
                          str(report)], capsys)  # fmt: skip
        assert code == 0
        text = report.read_text(encoding="utf-8")
        assert ('"entries"' in text) if suffix == ".json" else ("Merge of 3 plans" in text)
    report = tmp_path / "reduce.json"
    code, _, _ = run(["reduce", str(cluster), "--budget", "-20%", "-o", str(tmp_path / "p.govplan"),
                      "--report", str(report)], capsys)  # fmt: skip
    assert code == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["status"] == "optimal"
    assert data["retired"]


def test_retired_roles_say_where_they_belong_and_which_committee_loses_a_profession(
    tmp_path, capsys, cluster
):
    proposal = tmp_path / "proposal.govplan"
    code, out, _ = run(["reduce", str(cluster), "--budget", "-20%", "-o", str(proposal)], capsys)
    assert code == 0
    after = load_plan(proposal)
    retired = [c for c in after.proposal.changes if c.action is ChangeAction.RETIRE_ROLE]
    titles = [c.subject for c in retired]
    assert len(set(titles)) == len(titles)  # like titles are told apart by their organisation
    listed = [line for line in out.splitlines() if line.startswith("  - ")]
    assert [line[4:].split(", ")[0] for line in listed] == titles  # the text says the same
    organisations = {o.name for o in load_plan(cluster).organisations}
    alike = [t for t in titles if t.startswith("GP Network Representative")]
    assert len(alike) == 2  # same title, organisation and committee: told apart by holder
    assert all(t.split("(")[1].split(";")[0] in organisations for t in alike)
    data = json.loads(run(["reduce", str(cluster), "--budget", "-20%", "-o", str(proposal),
                           "--force", "--format", "json"], capsys)[1])  # fmt: skip
    lost = data["counts"]["after"]["professions_lost"]
    named = [r for r in data["retired"] if any("programme area needs" in x for x in r["reasons"])]
    assert (lost > 0) == bool(named)
