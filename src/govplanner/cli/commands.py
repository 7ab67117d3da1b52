"""What each ``govplanner`` subcommand does; heavy modules load only when used."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from govplanner.domain.errors import GovplannerError
from govplanner.domain.model import Plan

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


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2025-04-01") from None


def _refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise UsageError(f"{path} already exists; add --force to replace it.")


def _load(path: Path) -> Plan:
    from govplanner.files.planfile import load_plan

    return load_plan(path)


def _save(plan: Plan, path: Path) -> None:
    from govplanner.files.planfile import save_plan

    save_plan(plan, path)


def cmd_new(args: argparse.Namespace) -> int:
    from govplanner.domain.presets import new_plan

    _refuse_overwrite(args.output, args.force)
    name = args.name or args.output.stem.replace("-", " ").replace("_", " ").strip() or "New plan"
    _save(new_plan(args.preset, name=name), args.output)
    print(f"Created {args.output} ({args.preset} preset).")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from govplanner.files.register_import import import_register

    _refuse_overwrite(args.output, args.force)
    plan = import_register(args.register)
    if args.name:
        plan.name = args.name
    _save(plan, args.output)
    print(
        f"Imported {len(plan.committees)} committees, {len(plan.roles)} roles and "
        f"{len(plan.people)} people from {args.register.name} into {args.output}."
    )
    return 0


def cmd_export_register(args: argparse.Namespace) -> int:
    from govplanner.files.register_export import export_register

    plan = _load(args.plan)
    export_register(plan, args.output)
    print(f"Wrote the register for '{plan.name}' to {args.output}.")
    return 0


def cmd_export_roles(args: argparse.Namespace) -> int:
    from govplanner.export.roles import export_role_descriptions

    plan = _load(args.plan)
    written = export_role_descriptions(
        plan,
        args.output,
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
    export_gap_report(plan, analyse(plan, as_of=args.as_of), args.output, as_of=args.as_of)
    print(f"Wrote the gap report for '{plan.name}' to {args.output}.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from govplanner.analysis import analyse
    from govplanner.cli.report import check_json, check_text

    plan = _load(args.plan)
    analysis = analyse(plan, as_of=args.as_of)
    if args.format == "json":
        json.dump(check_json(plan, analysis), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(check_text(plan, analysis))
    return _exit_code(args.fail_on, analysis)


def _exit_code(fail_on: str, analysis: Analysis) -> int:
    if fail_on == "never":
        return 0
    limit = _FAIL_RANK[fail_on]
    return 1 if any(f.severity.rank <= limit for f in analysis.open_findings) else 0


def cmd_diff(args: argparse.Namespace) -> int:
    from govplanner.analysis.compare import compare_plans
    from govplanner.cli.diff_report import diff_json, diff_text
    from govplanner.domain.vocabulary import words

    before, after = _load(args.before), _load(args.after)
    comparison = compare_plans(before, after, as_of=args.as_of)
    if args.output is not None:
        from govplanner.export.compare_report import export_comparison

        export_comparison(comparison, args.output, words(after))
    if args.format == "json":
        json.dump(diff_json(comparison), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(diff_text(comparison, words(after)))
    if args.output is not None:
        stream = sys.stderr if args.format == "json" else sys.stdout
        print(f"Wrote the comparison to {args.output}.", file=stream)
    return 0
