"""``govplanner merge``, ``reduce`` and ``timeline``: restructuring for clusters and mergers.

Exit codes as for every command: 0 done, 2 unusable input or a reduction refused (one line on
stderr saying why; a refused reduction also prints the least budget and what binds).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govplanner.domain.errors import GovplannerError

if TYPE_CHECKING:
    from typing import TypeAlias

    from govplanner.domain.model import Plan
    from govplanner.restructure.outcome import Weights

    Subparsers: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]
#: '-20%' is a value of --budget, not an option.
_NEGATIVE = re.compile(r"^-\d+(\.\d+)?%?$|^-\.\d+%?$")


class RestructureUsageError(GovplannerError):
    """A problem with what was asked of merge, reduce or timeline."""


def _fail(message: str) -> int:
    print(f"govplanner: error: {' '.join(message.split())}", file=sys.stderr)
    return 2


def _load(path: Path) -> Plan:
    from govplanner.files.planfile import load_plan

    return load_plan(path)


def _save(plan: Plan, path: Path) -> None:
    from govplanner.files.planfile import save_plan

    save_plan(plan, path)


def _refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise RestructureUsageError(f"{path} already exists; add --force to replace it.")


def _emit(data: dict[str, Any]) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-04-01") from None


def _add_effective_date(p: argparse.ArgumentParser) -> None:
    p.add_argument("--effective-date", type=_date, metavar="YYYY-MM-DD",
                   help="the date the new plan takes effect (for timeline)")  # fmt: skip


# -- merge -------------------------------------------------------------------------------------


def add_merge(sub: Subparsers) -> None:
    p = sub.add_parser("merge", help="merge two or more plans (ICBs of a cluster) into one")
    p.add_argument("plans", nargs="+", type=Path, metavar="PLAN", help="two or more plans")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="CLUSTER.govplan")
    p.add_argument("--name", help="the merged plan's name (default: 'Cluster of ...')")
    _add_effective_date(p)
    p.add_argument(
        "--same-person",
        choices=("merge", "keep-apart", "ask"),
        default="ask",
        help="people with the same name and profession in several plans: make them one "
        "person, keep them apart, or (default) keep them apart and list them to confirm",
    )
    p.add_argument(
        "--in-common",
        choices=("propose", "apply", "none"),
        default="propose",
        help="committees of the same kind and purpose in different bodies: propose them as "
        "committees in common (default), group them, or neither",
    )
    p.add_argument(
        "--report", type=Path, metavar="REPORT", help="also write the report (.xlsx, .json, .txt)"
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--force", action="store_true", help="replace files that exist")
    p.set_defaults(run=cmd_merge)


def cmd_merge(args: argparse.Namespace) -> int:
    from govplanner.restructure.merge import Source, labels_for, merge_plans

    if len(args.plans) < 2:
        return _fail("merge needs at least two plans.")
    _refuse_overwrite(args.output, args.force)
    if args.report is not None:
        _refuse_overwrite(args.report, args.force)
    plans = [_load(path) for path in args.plans]
    labels = labels_for(plans, [path.stem for path in args.plans])
    merged, report = merge_plans(
        [Source(p, label) for p, label in zip(plans, labels, strict=True)],
        name=args.name,
        same_person=args.same_person,
        in_common=args.in_common,
    )
    if args.effective_date is not None:
        merged.effective_date = args.effective_date
    _save(merged, args.output)
    if args.report is not None:
        _write_merge_report(report, merged.name, args.report, str(args.output))
    if args.format == "json":
        _emit(report.as_json(merged.name, str(args.output)))
    else:
        sys.stdout.write(report.text(merged.name))
        print(f"Wrote {args.output}.")
    return 0


def _write_merge_report(report: Any, name: str, path: Path, output: str) -> None:
    from govplanner.files.atomic import atomic_write_text

    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        report.write_xlsx(path)
    elif suffix == ".json":
        text = json.dumps(report.as_json(name, output), indent=2, ensure_ascii=False)
        atomic_write_text(path, text + "\n")
    else:
        atomic_write_text(path, report.text(name))


# -- reduce ------------------------------------------------------------------------------------


def _weights_help() -> str:
    from govplanner.restructure.outcome import WEIGHT_MEANINGS, Weights

    defaults = Weights().as_json()
    names = "; ".join(f"{k} ({defaults[k]:g}): {v}" for k, v in WEIGHT_MEANINGS.items())
    return f"change a weight; names and defaults: {names}"


def _add_reduce_choices(p: argparse.ArgumentParser) -> None:
    """What may change: scope, fixed roles, abolished committees, gaps, weights, time."""
    p.add_argument(
        "--scope",
        choices=("clinical", "all"),
        default="clinical",
        help="roles that may be retired (default: clinical and care professional)",
    )
    for flag, metavar, what in (
        ("--keep", "ROLE", "roles (id or title) that must stay"),
        ("--retire", "ROLE", "roles (id or title) that must go"),
        ("--abolish", "COMMITTEE", "committees (id or name) removed before choosing"),
    ):
        p.add_argument(flag, action="extend", nargs="+", default=[], metavar=metavar, help=what)
    p.add_argument(
        "--allow-gaps",
        action="store_true",
        help="keep the budget and open the fewest essential gaps, instead of refusing",
    )
    p.add_argument(
        "--combine-in-common",
        action="store_true",
        help="let each group of committees in common become one joint committee when that "
        "keeps cover within the budget or lowers the harms (weight 'combined')",
    )
    p.add_argument(
        "--time-limit",
        type=float,
        default=60.0,
        metavar="S",
        help="seconds the solver may take (default 60); it then returns its best "
        "proposal with the optimality gap",
    )
    p.add_argument("--weight", action="append", default=[], metavar="NAME=VALUE",
                   help=_weights_help())  # fmt: skip


def add_reduce(sub: Subparsers) -> None:
    p = sub.add_parser(
        "reduce",
        help="propose which roles to retire within a budget of sessions (exact optimiser)",
        description="Propose a reduction: keep or retire each in-scope role so that the "
        "sessions kept fit the budget, every essential function covered today stays covered, "
        "and the weighted harms are fewest. Solved exactly by HiGHS.",
    )
    p._negative_number_matcher = _NEGATIVE  # '--budget -20%' reads as a value
    p.add_argument("plan", type=Path, metavar="PLAN")
    p.add_argument("--budget", required=True, metavar="SESSIONS|-N%",
                   help="sessions a week of in-scope roles after the change (e.g. 40), or a "
                   "cut on today's (e.g. -20%%)")  # fmt: skip
    _add_reduce_choices(p)
    p.add_argument("-o", "--output", required=True, type=Path, metavar="PROPOSAL.govplan")
    p.add_argument("--name", help="the proposal's name")
    _add_effective_date(p)
    p.add_argument("--report", type=Path, metavar="REPORT",
                   help="also write the report (.json, .txt)")  # fmt: skip
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--force", action="store_true", help="replace files that exist")
    p.set_defaults(run=cmd_reduce)


def parse_weights(items: list[str]) -> Weights:
    from govplanner.restructure.outcome import Weights

    values: dict[str, float] = {}
    for item in items:
        name, _, text = item.partition("=")
        key = name.strip().replace("-", "_")
        if key not in Weights.NAMES:
            raise RestructureUsageError(
                f"--weight {item}: unknown weight '{name}'; use one of {', '.join(Weights.NAMES)}."
            )
        try:
            value = float(text)
        except ValueError:
            raise RestructureUsageError(f"--weight {item}: '{text}' is not a number.") from None
        if not 0 <= value <= 1e6:
            raise RestructureUsageError(f"--weight {item}: a weight is from 0 to 1,000,000.")
        values[key] = value
    return Weights(**values)


def _request(args: argparse.Namespace) -> Any:
    from govplanner.restructure.reduce import Request, parse_budget

    return Request(
        budget=parse_budget(args.budget),
        clinical_scope=args.scope == "clinical",
        keep=tuple(args.keep),
        retire=tuple(args.retire),
        abolish=tuple(args.abolish),
        allow_gaps=args.allow_gaps,
        weights=parse_weights(args.weight),
        time_limit=args.time_limit,
        combine_in_common=args.combine_in_common,
    )


def cmd_reduce(args: argparse.Namespace) -> int:
    from govplanner.restructure.proposal import proposal_plan, refusal_message
    from govplanner.restructure.reduce import reduce_plan

    if args.time_limit is not None and args.time_limit <= 0:
        return _fail(f"--time-limit {args.time_limit:g}: give a number of seconds above 0.")
    _refuse_overwrite(args.output, args.force)
    if args.report is not None:
        _refuse_overwrite(args.report, args.force)
    request = _request(args)
    reduction = reduce_plan(_load(args.plan), request)
    data, text = _reduce_report(reduction, args.output)
    if args.report is not None:
        _write_reduce_report(args.report, data, text)
    if args.format == "json":
        _emit(data)
    else:
        sys.stdout.write(text)
    if not reduction.found:
        if reduction.status == "infeasible":
            return _fail(f"{args.plan.name}: {refusal_message(reduction)}")
        return _fail(f"{args.plan.name}: no proposal was found within --time-limit "
                     f"{args.time_limit:g} s; allow more time.")  # fmt: skip
    proposal = proposal_plan(reduction, name=args.name)
    if args.effective_date is not None:
        proposal.effective_date = args.effective_date
    _save(proposal, args.output)
    if args.format == "text":
        print(f"Wrote the proposal to {args.output}; compare it with: govplanner diff "
              f"{args.plan} {args.output}")  # fmt: skip
    return 0


def _reduce_report(reduction: Any, output: Path) -> tuple[dict[str, Any], str]:
    """The reduction as JSON data and as text, with the committees in common combined."""
    from govplanner.restructure.combine import combination_json
    from govplanner.restructure.proposal import reduction_text
    from govplanner.restructure.rationale import reduction_json

    data = reduction_json(reduction, str(output) if reduction.found else None)
    text = reduction_text(reduction)
    if reduction.request.combine_in_common:
        data["combined"] = combination_json(reduction)
    return data, text


def _write_reduce_report(path: Path, data: dict[str, Any], text: str) -> None:
    from govplanner.files.atomic import atomic_write_text

    if path.suffix.lower() == ".json":
        atomic_write_text(path, json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    else:
        atomic_write_text(path, text)


# -- timeline ----------------------------------------------------------------------------------


def add_timeline(sub: Subparsers) -> None:
    p = sub.add_parser(
        "timeline", help="coverage, open findings, cost and changes at each step, by date"
    )
    p.add_argument("today", type=Path, metavar="TODAY", help="the plan in force today")
    p.add_argument("steps", nargs="+", type=Path, metavar="STEP", help="later plans")
    p.add_argument("-o", "--output", type=Path, metavar="TIMELINE.xlsx", help="also a workbook")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=cmd_timeline)


def cmd_timeline(args: argparse.Namespace) -> int:
    from govplanner.restructure.timeline import build_timeline, timeline_json, timeline_text

    paths: list[Path] = [args.today, *args.steps]
    steps = build_timeline([(path.name, _load(path)) for path in paths])
    if args.output is not None:
        from govplanner.restructure.timeline_workbook import write_timeline

        write_timeline(steps, args.output)
    if args.format == "json":
        _emit(timeline_json(steps))
    else:
        sys.stdout.write(timeline_text(steps))
    if args.output is not None:
        print(
            f"Wrote the timeline to {args.output}.",
            file=sys.stderr if args.format == "json" else sys.stdout,
        )
    return 0


def register(sub: Subparsers) -> None:
    """Add the three restructuring subcommands to the ``govplanner`` parser."""
    add_merge(sub)
    add_reduce(sub)
    add_timeline(sub)
