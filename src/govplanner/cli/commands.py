"""What each ``govplanner`` subcommand does; heavy modules load only when used."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govplanner.cli import json_text
from govplanner.domain.errors import GovplannerError
from govplanner.domain.model import Plan
from govplanner.files.collector import collector_paused

if TYPE_CHECKING:
    from govplanner.analysis.result import Analysis

_FAIL_RANK = {"critical": 0, "warning": 1, "info": 2}


class UsageError(GovplannerError):
    """A problem with what was asked on the command line."""


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def fail(exc: BaseException) -> int:
    """Report an unusable input on stderr; exit code 2.

    One line says what is wrong. A register with several problems gets that line and then
    one indented line per problem, since a user fixing a workbook wants every problem at once.
    """
    details: list[BaseException] = list(getattr(exc, "errors", None) or [])
    if len(details) > 1:
        name = getattr(getattr(exc, "path", None), "name", "the input")
        print(f"govplanner: error: {name} has {len(details)} problems:", file=sys.stderr)
        for detail in details:
            print(f"  - {_one_line(detail)}", file=sys.stderr)
        if getattr(exc, "stopped", False):
            print(f"  (stopped after {len(details)} problems)", file=sys.stderr)
    else:
        print(f"govplanner: error: {_one_line(exc)}", file=sys.stderr)
    return 2


#: Dates a plan is judged on: far enough either way for any real plan, and far enough from
#: the calendar's ends that adding a term's length can never overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def parse_date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2025-04-01") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"'{text}' is outside the years {FIRST_YEAR} to {LAST_YEAR}"
        )
    return day


def _refuse_overwrite(path: Path, force: bool) -> None:
    from govplanner.files.output_safety import check_name

    check_name(path)
    if path.is_dir():
        raise UsageError(f"{path} is a folder, not a file; give a file name for the plan.")
    if path.exists() and not force:
        raise UsageError(f"{path} already exists; add --force to replace it.")


def _ordinary_input(path: Path) -> None:
    """Refuse, before anything opens it, an input that is a folder, a device or a pipe (a
    device such as /dev/zero never ends; a pipe waits for ever for a writer)."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return  # the reader says the file does not exist, in its own words
    if stat.S_ISDIR(mode):
        raise UsageError(f"{path} is a folder, not a file.")
    if not stat.S_ISREG(mode):
        raise UsageError(f"{path} is not an ordinary file (a device or a pipe).")


def _output_file(target: Path, inputs: list[Path], what: str) -> Path:
    """Where an export may write ``target`` (see :mod:`govplanner.files.output_safety`)."""
    from govplanner.files.output_safety import check_output_file

    return check_output_file(target, inputs, what=what)


@contextlib.contextmanager
def _exporting() -> Iterator[None]:
    """Around an export: a replaced file keeps a ``.bak``; a workbook writer that failed
    part-way is cleaned up here, quietly, instead of at exit with a page of warnings."""
    from govplanner.files.atomic import backups_kept
    from govplanner.files.scratch import scratch_space

    with scratch_space(), backups_kept():
        yield


def _load(path: Path, retain: list[Any] | None = None) -> Plan:
    from govplanner.files.planfile import load_plan

    return load_plan(path, retain)


def _save(plan: Plan, path: Path) -> None:
    """Save, holding the plan's lock: never over a plan open in the app."""
    from govplanner.files.lock import LockUnavailableError, PlanLock, PlanLockedError
    from govplanner.files.planfile import save_plan

    lock = PlanLock(path)
    try:
        lock.acquire()
    except PlanLockedError as exc:
        raise UsageError(
            f"{path} is open in govplanner by {exc.owner.describe()}; close it there first."
        ) from None
    except LockUnavailableError:
        pass  # the save itself says why the folder cannot be written
    try:
        save_plan(plan, path)
    finally:
        lock.release()


def cmd_new(args: argparse.Namespace) -> int:
    from govplanner.domain.presets import new_plan

    _refuse_overwrite(args.output, args.force)
    name = args.name or args.output.stem.replace("-", " ").replace("_", " ").strip() or "New plan"
    _save(new_plan(args.preset, name=name), args.output)
    print(f"Created {args.output} ({args.preset} preset).")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from govplanner.analysis.rules.common import counted
    from govplanner.files.register_import import read_register

    _refuse_overwrite(args.output, args.force)
    _ordinary_input(args.register)
    result = read_register(args.register)
    plan = result.plan
    if args.name:
        plan.name = args.name
    _save(plan, args.output)
    print(
        f"Imported {counted(len(plan.committees), 'committee', 'committees')}, "
        f"{counted(len(plan.roles), 'role', 'roles')} and "
        f"{counted(len(plan.people), 'person', 'people')} from {args.register.name} "
        f"into {args.output}."
    )
    for notice in result.notices:  # kinds inferred, unknown programme areas, macros not run
        print(f"Note: {notice}")
    return 0


def cmd_export_register(args: argparse.Namespace) -> int:
    from govplanner.files.register_export import export_register

    plan = _load(args.plan)
    target = _output_file(args.output, [args.plan], "register")
    with _exporting():
        losses = export_register(plan, target)
    print(f"Wrote the register for '{plan.name}' to {args.output}.")
    for loss in losses:  # what the register could not carry exactly (none for a saved plan)
        print(f"govplanner: warning: not written exactly: {loss}", file=sys.stderr)
    return 0


def cmd_export_roles(args: argparse.Namespace) -> int:
    from govplanner.export.roles import export_role_descriptions
    from govplanner.files.output_safety import check_output_folder

    plan = _load(args.plan)
    folder = check_output_folder(args.output, [args.plan], what="role descriptions")
    with _exporting():
        written = export_role_descriptions(
            plan,
            folder,
            fmt=args.format,
            template_dir=args.templates,
            role_names=args.role,
            include_non_clinical=args.all,
            today=args.as_of,
        )
    print(f"Wrote {len(written)} role description(s) to {args.output}.")
    return 0


def cmd_export_gaps(args: argparse.Namespace) -> int:
    from govplanner.analysis import analyse
    from govplanner.export.gap_report import export_gap_report

    plan = _load(args.plan)
    target = _output_file(args.output, [args.plan], "gap report")
    with _exporting():
        export_gap_report(plan, analyse(plan, as_of=args.as_of), target, as_of=args.as_of)
    print(f"Wrote the gap report for '{plan.name}' to {args.output}.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from govplanner.analysis import analyse, build_context
    from govplanner.analysis.principles import assess_principles
    from govplanner.cli.report import check_json, check_text

    parsed: list[Any] = []  # the file's parsed JSON, not freed: the process may end at once
    with collector_paused():  # opening and analysing make almost no garbage
        plan = _load(args.plan, parsed)
        # The plan lives until the process ends: out of the collector's sight, the first
        # collection after the command (when called from Python) need not walk every seat.
        gc.freeze()
        context = build_context(plan, args.as_of)  # indexed once, for the rules and principles
        analysis = analyse(plan, context, as_of=args.as_of)
        principles = assess_principles(plan, analysis, context)
        if args.format == "json":
            # One write of the whole text: json.dump writes (and our safe stream translates)
            # each of its hundreds of thousands of pieces separately.
            sys.stdout.write(json_text.dumps(check_json(plan, analysis, principles)))
        else:
            sys.stdout.write(check_text(plan, analysis, principles))
        return _finish(args, _exit_code(args.fail_on, analysis))


def _finish(args: argparse.Namespace, code: int) -> int:
    """The exit code; when govplanner is its own process, the process ends here at once.

    Its output is flushed first. Ending at once spares freeing the plan, its analysis and
    the report one object at a time (a million objects at national scale, as long as the
    analysis itself), which the operating system does in one step. Nothing else is left to
    do: ``check`` writes no files and holds no lock. Called from Python (the tests), it
    returns as any function does.
    """
    if getattr(args, "whole_process", False):
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        os._exit(code)
    return code


def _exit_code(fail_on: str, analysis: Analysis) -> int:
    if fail_on == "never":
        return 0
    limit = _FAIL_RANK[fail_on]
    return 1 if any(f.severity.rank <= limit for f in analysis.open_findings) else 0


def cmd_diff(args: argparse.Namespace) -> int:
    from govplanner.analysis.compare import compare_plans
    from govplanner.cli.diff_report import diff_json, diff_text
    from govplanner.domain.vocabulary import words

    target = None
    if args.output is not None:
        target = _output_file(args.output, [args.before, args.after], "comparison")
    before, after = _load(args.before), _load(args.after)
    comparison = compare_plans(before, after, as_of=args.as_of)
    if target is not None:
        from govplanner.export.compare_report import export_comparison

        with _exporting():
            export_comparison(comparison, target, words(after))
    if args.format == "json":
        sys.stdout.write(json_text.dumps(diff_json(comparison)))
    else:
        sys.stdout.write(diff_text(comparison, words(after)))
    if args.output is not None:
        stream = sys.stderr if args.format == "json" else sys.stdout
        print(f"Wrote the comparison to {args.output}.", file=stream)
    return 0
