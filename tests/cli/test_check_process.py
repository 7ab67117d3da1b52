"""``govplanner check`` as its own process ends at once after its output (issue 17): the
output and exit code are those of the same command called from Python, and text that holds
an unsafe character is still escaped on the way out."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from govplanner.cli.main import SUBCOMMANDS, SafeText, build_parser, main
from govplanner.domain.model import Plan
from govplanner.domain.presets import new_plan
from govplanner.files.planfile import load_plan, save_plan

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ENV = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
ENV.pop("PYTHONUNBUFFERED", None)  # the output sits in the stream's buffer, as for a user


def _process(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "govplanner", *args], capture_output=True, env=ENV, check=False
    )


@pytest.mark.parametrize("fmt", ["json", "text"])
@pytest.mark.parametrize("size", ["small", "example"])
def test_the_process_writes_what_the_command_writes(
    fmt: str, size: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    plan = EXAMPLES / "ics-example.govplan"
    if size == "small":  # text smaller than the stream's buffer: it must be flushed
        plan = tmp_path / "small.govplan"
        save_plan(new_plan("partnership", name="Small"), plan)
    args = ["check", str(plan), "--format", fmt, "--as-of", "2026-04-01"]
    code = main(args)
    called = capsysbinary.readouterr().out
    done = _process(args)
    assert done.returncode == code
    assert done.stdout == called
    assert (len(called) < 8192) == (size == "small")  # below, or above, the stream's buffer
    assert done.stderr == b""


def test_the_exit_code_says_whether_findings_were_at_the_level_asked(tmp_path: Path) -> None:
    plan = str(EXAMPLES / "ics-example.govplan")
    assert _process(["check", plan, "--fail-on", "info"]).returncode == 1
    assert _process(["check", plan, "--fail-on", "never"]).returncode == 0


def test_an_unusable_plan_is_still_one_line_and_exit_code_two(tmp_path: Path) -> None:
    bad = tmp_path / "bad.govplan"
    bad.write_text('{"format": "govplanner-plan", "format": "x"}', encoding="utf-8")
    done = _process(["check", str(bad)])
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "govplanner: error: bad.govplan: the key 'format' appears twice in one object at $"
    ]


def test_an_unsafe_character_is_still_escaped_in_the_process_output(tmp_path: Path) -> None:
    # A plan cannot hold one (opening refuses it), but a file name can: it reaches the error.
    missing = tmp_path / "gone\x1b[2J.govplan"
    done = _process(["check", str(missing)])
    assert done.returncode == 2
    assert b"gone\\u001b[2J.govplan" in done.stderr
    assert b"\x1b" not in done.stderr


def test_the_safe_stream_escapes_only_when_it_must() -> None:
    class Sink:
        def __init__(self) -> None:
            self.parts: list[str] = []

        def write(self, text: str) -> int:
            self.parts.append(text)
            return len(text)

    sink = Sink()
    stream = SafeText(sink)  # type: ignore[arg-type]
    clean = "Board – Dr Ada Lovelace’s seat\n\ttabbed\r\n" * 1000
    assert stream.write(clean) == len(clean)
    assert sink.parts[-1] is clean  # passed through untouched, not copied
    for char in ("\x1b", "\x07", "\x85", "\u202e", "\u2066", "\x7f"):
        stream.write(f"a{char}b")
        assert sink.parts[-1] == f"a\\u{ord(char):04x}b"


def test_check_called_from_python_leaves_the_collector_as_it_found_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    plan = str(EXAMPLES / "partnership-b.govplan")
    assert gc.isenabled()
    main(["check", plan, "--fail-on", "never"])
    assert gc.isenabled()
    gc.disable()
    try:
        main(["check", plan, "--fail-on", "never"])
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert "Partnership B" in capsys.readouterr().out


def _variants() -> list[tuple[str, Plan]]:
    plan = load_plan(EXAMPLES / "ics-example.govplan")
    bare = plan.model_copy(deep=True)
    bare.cost_per_session = None
    bare.profession_costs = {}
    for role in bare.roles:
        role.cost_per_session = None
    plan_rate = bare.model_copy(deep=True, update={"cost_per_session": 9000.0})
    profession = bare.model_copy(deep=True, update={"profession_costs": {"GP": 11000.0}})
    one_role = bare.model_copy(deep=True)
    one_role.roles[0].cost_per_session = 12000.0
    non_clinical = bare.model_copy(deep=True)
    lay = next(r for r in non_clinical.roles if not r.clinical)
    lay.cost_per_session = 5000.0
    return [
        ("as saved", plan),
        ("no cost anywhere", bare),
        ("plan rate", plan_rate),
        ("profession rate", profession),
        ("one role's rate", one_role),
        ("only a non-clinical role's rate", non_clinical),
    ]


@pytest.mark.parametrize(("label", "plan"), [pytest.param(*v, id=v[0]) for v in _variants()])
def test_the_cost_shortcut_gives_what_the_full_summary_gives(label: str, plan: Plan) -> None:
    from govplanner.cli import report
    from govplanner.restructure.cost import cost_summary

    full = cost_summary(plan)
    no_cost = ("as saved", "no cost anywhere", "only a non-clinical role's rate")
    assert (full.cost is None) == (label in no_cost)
    assert report._cost_json(plan) == (None if full.cost is None else full.as_json()), label
    expected = [] if full.cost is None else [f"Cost of clinical leadership: {full.text()}."]
    assert report.cost_lines(plan) == expected


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_a_parser_built_for_one_command_reads_it_as_the_full_parser_does(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    helps = []
    for parser in (build_parser(), build_parser(command)):
        with pytest.raises(SystemExit):
            parser.parse_args([command, "--help"])
        helps.append(capsys.readouterr().out)
    assert helps[0] == helps[1]
    assert helps[0].startswith(f"usage: govplanner {command} ")
    args = [command, "x.govplan", "--format", "json", "--as-of", "2026-04-01"]
    if command == "check":
        assert vars(build_parser().parse_args(args)) == vars(build_parser("check").parse_args(args))
    only = build_parser(command)
    others = [c for c in SUBCOMMANDS if c != command]
    with pytest.raises(SystemExit):
        only.parse_args([others[0]])  # the others are not there to be read
    capsys.readouterr()


def test_check_loads_no_gui_export_or_optimiser_library() -> None:
    heavy = ("PySide6", "openpyxl", "jinja2", "highspy", "numpy", "docx", "pypdf")
    code = (
        "import sys; from govplanner.cli.main import main; "
        f"main(['check', r'{EXAMPLES / 'ics-example.govplan'}', '--format', 'json', "
        "'--fail-on', 'never']); "
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=ENV, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
