"""The command line never loses a file and every failure is one line and exit code 2."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from govplanner.cli.main import main
from govplanner.files.planfile import plan_to_json, save_plan
from tests.files.plans import small_plan

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("govplanner: error: ")
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "a.govplan"
    save_plan(small_plan(), path)
    return path


def _subprocess(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    env.pop("GOVPLANNER_DEBUG", None)
    env.update(kwargs.pop("env", {}))  # type: ignore[arg-type]
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "govplanner", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        **kwargs,
    )


# -- exports never overwrite what they are made from -------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["export", "register", "{plan}", "-o", "{plan}"],
        ["export", "gaps", "{plan}", "-o", "{plan}"],
        ["diff", "{plan}", "{other}", "-o", "{plan}"],
        ["diff", "{plan}", "{other}", "-o", "{other}"],
    ],
)
def test_an_export_refuses_to_write_over_its_own_input(tmp_path, plan, capsys, command):
    other = tmp_path / "b.govplan"
    save_plan(small_plan(), other)
    before = plan.read_bytes(), other.read_bytes()
    args = [a.format(plan=plan, other=other) for a in command]
    code, _, err = run(args, capsys)
    assert code == 2
    assert "is the file the" in one_line_error(err)
    assert (plan.read_bytes(), other.read_bytes()) == before
    assert not list(tmp_path.glob("*.bak"))


def test_an_export_refuses_to_write_over_its_input_through_a_link(tmp_path, plan, capsys):
    link = tmp_path / "register.xlsx"
    link.symlink_to(plan)
    before = plan.read_bytes()
    code, _, err = run(["export", "register", str(plan), "-o", str(link)], capsys)
    assert code == 2
    assert "is the file the register is made from" in one_line_error(err)
    assert plan.read_bytes() == before


@pytest.mark.parametrize("kind", ["register", "gaps"])
def test_an_export_never_writes_a_plan_file_name(tmp_path, plan, capsys, kind):
    other = tmp_path / "someone-elses.govplan"
    other.write_text("precious", encoding="utf-8")
    code, _, err = run(["export", kind, str(plan), "-o", str(other)], capsys)
    assert code == 2
    assert "is a plan file name" in one_line_error(err)
    assert other.read_text(encoding="utf-8") == "precious"


def test_role_descriptions_refuse_a_plan_as_their_folder(tmp_path, plan, capsys):
    before = plan.read_bytes()
    code, _, err = run(["export", "roles", str(plan), "-o", str(plan), "--format", "md"], capsys)
    assert code == 2
    assert "not a folder" in one_line_error(err)
    assert plan.read_bytes() == before


def test_replacing_an_earlier_export_keeps_it_as_bak(tmp_path, plan, capsys):
    target = tmp_path / "gaps.xlsx"
    target.write_bytes(b"last month's report")
    code, _, err = run(["export", "gaps", str(plan), "-o", str(target)], capsys)
    assert code == 0, err
    assert (tmp_path / "gaps.xlsx.bak").read_bytes() == b"last month's report"
    assert target.read_bytes()[:2] == b"PK"


def test_a_diff_workbook_replacing_a_file_keeps_it_as_bak(tmp_path, plan, capsys):
    target = tmp_path / "comparison.xlsx"
    target.write_bytes(b"the earlier comparison")
    code, _, err = run(["diff", str(plan), str(plan), "-o", str(target)], capsys)
    assert code == 0, err
    assert (tmp_path / "comparison.xlsx.bak").read_bytes() == b"the earlier comparison"


def test_role_descriptions_replacing_files_keep_them_as_bak(tmp_path, plan, capsys):
    out = tmp_path / "roles"
    assert run(["export", "roles", str(plan), "-o", str(out), "--format", "md"], capsys)[0] == 0
    [first] = [p for p in out.iterdir() if p.suffix == ".md"][:1]
    first.write_text("my edits", encoding="utf-8")
    assert run(["export", "roles", str(plan), "-o", str(out), "--format", "md"], capsys)[0] == 0
    assert first.with_name(first.name + ".bak").read_text(encoding="utf-8") == "my edits"


# -- plans the app has open --------------------------------------------------------------------

_HOLDER = """
import sys
from govplanner.files.lock import PlanLock
lock = PlanLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
sys.stdin.read()
lock.release()
"""


def test_import_and_new_refuse_to_replace_a_plan_open_in_the_app(tmp_path, plan, capsys):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(plan)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        before = plan.read_bytes()
        register = EXAMPLES / "register-example.xlsx"
        for args in (
            ["import", str(register), "-o", str(plan), "--force"],
            ["new", "-o", str(plan), "--force"],
        ):
            code, _, err = run(args, capsys)
            assert code == 2
            assert "is open in govplanner by" in one_line_error(err)
            assert plan.read_bytes() == before
    finally:
        holder.communicate("")


# -- every failure is one line and exit code 2 --------------------------------------------------


def test_an_over_long_output_name_is_one_line(tmp_path, capsys):
    long_name = tmp_path / ("x" * 300 + ".govplan")
    for args in (
        ["new", "-o", str(long_name)],
        ["import", str(EXAMPLES / "register-example.xlsx"), "-o", str(long_name)],
    ):
        code, _, err = run(args, capsys)
        assert code == 2
        assert "file names can be at most 255 bytes" in one_line_error(err)


def test_a_date_far_in_the_future_is_refused_by_the_option(plan, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["check", str(plan), "--as-of", "9999-10-15"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "outside the years 1900 to 2999" in err
    assert "Traceback" not in err


def test_a_five_thousand_digit_number_is_one_line(tmp_path, capsys):
    doc = json.loads(plan_to_json(small_plan()))
    text = json.dumps(doc).replace('"term_warning_days": 90', '"term_warning_days": ' + "9" * 5000)
    assert "9" * 5000 in text
    path = tmp_path / "big-number.govplan"
    path.write_text(text, encoding="utf-8")
    code, _, err = run(["check", str(path)], capsys)
    assert code == 2
    assert "too long to read" in one_line_error(err)


@pytest.mark.parametrize(
    "command",
    [
        ["check", "{plan}"],
        ["check", "--format", "json", "{plan}"],
        ["export", "register", "{plan}", "-o", "{out}/r.xlsx"],
        ["export", "gaps", "{plan}", "-o", "{out}/g.xlsx"],
        ["export", "roles", "{plan}", "-o", "{out}/roles", "--format", "docx"],
        ["export", "roles", "{plan}", "-o", "{out}/roles", "--format", "md"],
        ["diff", "{plan}", "{plan}"],
    ],
)
def test_control_characters_stop_every_command_at_the_door(tmp_path, capsys, command):
    doc = json.loads(plan_to_json(small_plan()))
    doc["plan"]["name"] = "Plan\x1b]0;pwned\x07\u202egpj.exe"
    path = tmp_path / "evil.govplan"
    path.write_text(json.dumps(doc), encoding="utf-8")
    args = [a.format(plan=path, out=tmp_path) for a in command]
    code, out, err = run(args, capsys)
    assert code == 2
    line = one_line_error(err)
    assert "U+001B (escape)" in line
    assert "$.plan.name" in line
    assert "\x1b" not in out + err
    assert "\x07" not in out + err
    assert not (tmp_path / "roles").exists()


def test_terminal_output_never_carries_raw_control_characters(capsys, monkeypatch):
    """Defence in depth: whatever text reaches the terminal is escaped there too."""
    from govplanner.cli import commands

    def noisy(_args: object) -> int:
        print("name\x1b[2J\u202eend")
        return 0

    monkeypatch.setattr(commands, "cmd_check", noisy)
    code, out, _ = run(["check", "x.govplan"], capsys)
    assert code == 0
    assert out == "name\\u001b[2J\\u202eend\n"


def test_a_closed_pipe_is_one_line_not_a_traceback(plan):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    for args in (["check", "--format", "json", str(plan)], ["diff", str(plan), str(plan)]):
        proc = subprocess.Popen(
            [sys.executable, "-m", "govplanner", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        proc.stdout.close()  # the reader is gone before the first line is written
        assert proc.stderr is not None
        with proc.stderr:
            err = proc.stderr.read()
        assert proc.wait(timeout=120) == 2
        assert "closed before it was complete" in one_line_error(err)


def _small_files_only() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))


def test_running_out_of_space_in_a_gap_report_is_one_line_and_leaves_no_temp_files(tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    out = tmp_path / "gaps.xlsx"
    proc = _subprocess(
        ["export", "gaps", str(EXAMPLES / "ics-example.govplan"), "-o", str(out)],
        env={"TMPDIR": str(scratch)},
        preexec_fn=_small_files_only,
    )
    assert proc.returncode == 2, proc.stderr
    assert "could not be written" in one_line_error(proc.stderr)
    assert "Exception ignored" not in proc.stderr
    assert list(scratch.iterdir()) == []
    assert not out.exists()


def test_scratch_folders_of_killed_exports_go_at_the_next_export(tmp_path, plan):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    left = scratch / f"govplanner-{int(dead.stdout)}-abc123"
    left.mkdir()
    (left / "openpyxl.xyz.xml").write_text("half a sheet", encoding="utf-8")
    unrelated = scratch / "someone-else"
    unrelated.mkdir()
    proc = _subprocess(
        ["export", "gaps", str(plan), "-o", str(tmp_path / "g.xlsx")], env={"TMPDIR": str(scratch)}
    )
    assert proc.returncode == 0, proc.stderr
    assert not left.exists()
    assert unrelated.exists()


def test_an_imported_register_with_direction_characters_is_refused_naming_the_field(
    tmp_path, capsys
):
    import openpyxl

    workbook = openpyxl.load_workbook(EXAMPLES / "register-example.xlsx")
    sheet = workbook["Roles"]
    sheet["A2"].value = "Director\u202excod.exe"
    register = tmp_path / "register.xlsx"
    workbook.save(register)
    out = tmp_path / "imported.govplan"
    code, _, err = run(["import", str(register), "-o", str(out)], capsys)
    assert code == 2
    line = one_line_error(err)
    assert "U+202E" in line  # named where it is: the sheet and cell, or the role's title
    assert "Roles" in line or "title" in line
    assert not out.exists()


def test_a_device_or_pipe_as_a_register_is_refused_without_reading(tmp_path, capsys):
    fifo = tmp_path / "register.xlsx"
    os.mkfifo(fifo)
    for source in ("/dev/zero", str(fifo)):
        code, _, err = run(["import", source, "-o", str(tmp_path / "p.govplan")], capsys)
        assert code == 2
        assert "not an ordinary file" in one_line_error(err)


def test_a_file_given_as_the_template_folder_says_so(tmp_path, plan, capsys):
    not_a_folder = tmp_path / "templates.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    args = ["export", "roles", str(plan), "-o", str(tmp_path / "out"), "--format", "md"]
    code, _, err = run([*args, "--templates", str(not_a_folder)], capsys)
    assert code == 2
    assert "is a file, not a folder" in one_line_error(err)
