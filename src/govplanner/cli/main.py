"""``govplanner``: the command line, and the door to the desktop app.

``govplanner`` alone or ``govplanner PLAN`` opens the desktop app; the subcommands below work
headless. Exit codes: 0 fine, 1 ``check`` found open findings at or above ``--fail-on``,
2 unusable input (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO, cast

from govplanner import __version__
from govplanner.cli import commands, restructure
from govplanner.domain.errors import GovplannerError

SUBCOMMANDS = ("new", "import", "export", "check", "diff", "merge", "reduce", "timeline")


def _add_new(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("new", help="create an empty plan from a preset")
    p.add_argument("--preset", choices=("partnership", "ics"), default="ics")
    p.add_argument("--name", default=None, help="the plan's name (default: from the file name)")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="PLAN")
    p.add_argument("--force", action="store_true", help="replace PLAN if it exists")
    p.set_defaults(run=commands.cmd_new)


def _add_import(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", help="make a plan from a register workbook (.xlsx)")
    p.add_argument("register", type=Path, metavar="REGISTER.xlsx")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="PLAN")
    p.add_argument("--name", default=None, help="the plan's name (default: from the file name)")
    p.add_argument("--force", action="store_true", help="replace PLAN if it exists")
    p.set_defaults(run=commands.cmd_import)


def _add_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="export a register, role descriptions or a gap report")
    kinds = p.add_subparsers(dest="kind", required=True, metavar="{register,roles,gaps}")
    reg = kinds.add_parser("register", help="the plan as a register workbook (.xlsx)")
    reg.add_argument("plan", type=Path, metavar="PLAN")
    reg.add_argument("-o", "--output", required=True, type=Path, metavar="REGISTER.xlsx")
    reg.set_defaults(run=commands.cmd_export_register)
    roles = kinds.add_parser("roles", help="one role description per role")
    roles.add_argument("plan", type=Path, metavar="PLAN")
    roles.add_argument("-o", "--output", required=True, type=Path, metavar="DIR")
    roles.add_argument("--format", choices=("docx", "pdf", "html", "md"), default="docx")
    roles.add_argument("--templates", type=Path, metavar="DIR", help="your own template folder")
    roles.add_argument(
        "--role", action="append", metavar="NAME", help="only this role (may repeat)"
    )
    roles.add_argument("--all", action="store_true", help="include non-clinical roles")
    roles.add_argument(
        "--as-of", type=commands.parse_date, metavar="YYYY-MM-DD",
        help="judge terms of office on this date (default: today)",
    )  # fmt: skip
    roles.set_defaults(run=commands.cmd_export_roles)
    gaps = kinds.add_parser("gaps", help="the board gap report (.xlsx)")
    gaps.add_argument("plan", type=Path, metavar="PLAN")
    gaps.add_argument("-o", "--output", required=True, type=Path, metavar="REPORT.xlsx")
    gaps.add_argument("--as-of", type=commands.parse_date, metavar="YYYY-MM-DD")
    gaps.set_defaults(run=commands.cmd_export_gaps)


def _add_check(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("check", help="analyse a plan and report findings and coverage")
    p.add_argument("plan", type=Path, metavar="PLAN")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument(
        "--fail-on",
        choices=("critical", "warning", "info", "never"),
        default="critical",
        help="exit 1 when an open finding this serious or worse exists (default: critical)",
    )
    p.add_argument(
        "--as-of",
        type=commands.parse_date,
        metavar="YYYY-MM-DD",
        help="judge term ends as of this date (default: today), so results can be reproduced",
    )
    p.set_defaults(run=commands.cmd_check)


def _add_diff(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "diff", help="compare two plans: coverage gained and lost, structure, findings"
    )
    p.add_argument("before", type=Path, metavar="BEFORE", help="the plan as it is")
    p.add_argument("after", type=Path, metavar="AFTER", help="the plan as proposed")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument(
        "-o", "--output", type=Path, metavar="COMPARISON.xlsx", help="also write a workbook"
    )
    p.add_argument(
        "--as-of",
        type=commands.parse_date,
        metavar="YYYY-MM-DD",
        help="judge term ends in both plans as of this date (default: today)",
    )
    p.set_defaults(run=commands.cmd_diff)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: every subcommand, or ``only`` the one given (what running
    a command needs: building the others costs a tenth of a small plan's ``check``)."""
    parser = argparse.ArgumentParser(
        prog="govplanner",
        description="Plan ICS governance and check where clinical leadership functions are "
        "covered. Run without a command (or with a plan file) to open the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"govplanner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    adders = {
        "new": _add_new,
        "import": _add_import,
        "export": _add_export,
        "check": _add_check,
        "diff": _add_diff,
    }
    for name, add in adders.items():
        if only in (None, name):
            add(sub)
    if only is None or only not in adders:
        restructure.register(sub)  # merge, reduce and timeline
    return parser


def build_app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govplanner",
        description="Open the govplanner desktop app. Commands: "
        + ", ".join(SUBCOMMANDS)
        + " (see govplanner COMMAND --help).",
    )
    parser.add_argument("--version", action="version", version=f"govplanner {__version__}")
    parser.add_argument("plan", nargs="?", type=Path, metavar="PLAN", help="plan to open")
    parser.add_argument(
        "--screenshot", type=Path, metavar="OUT.png", help="save the main window as PNG and exit"
    )
    return parser


def _run_app(argv: list[str]) -> int:
    args = build_app_parser().parse_args(argv)
    from govplanner.gui.app import main as app_main  # Qt loads only for the app

    return app_main(
        str(args.plan) if args.plan else None,
        screenshot=str(args.screenshot) if args.screenshot else None,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["--solve-child"]:  # the optimiser's child process (frozen app too)
        from govplanner.restructure.solver import child_main

        child_main()
        return 0
    streams = sys.stdout, sys.stderr
    for stream in streams:
        # A Windows console may not encode every character a plan holds; never crash on it.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    # A windowed launcher (pythonw, the gui-script) has no streams at all: leave them so.
    sys.stdout, sys.stderr = (
        cast(TextIO, SafeText(stream)) if stream is not None else stream for stream in streams
    )
    try:
        return _run(args_list, whole_process=argv is None)
    except BrokenPipeError:
        return _output_closed(streams[0])
    finally:
        sys.stdout, sys.stderr = streams


def _run(args_list: list[str], whole_process: bool = False) -> int:
    if not args_list or (args_list[0] not in SUBCOMMANDS and args_list[0] not in ("-h", "--help")):
        return _guarded(lambda: _run_app(args_list))
    only = args_list[0] if args_list[0] in SUBCOMMANDS else None
    args = build_parser(only).parse_args(args_list)
    # Run as the program itself (not called from Python with arguments): a command that
    # has nothing left to do may end the process at once (``commands._finish``).
    args.whole_process = whole_process
    return _guarded(lambda: int(args.run(args)))


def _guarded(run: Callable[[], int]) -> int:
    """Run a command: every failure is one line on stderr and exit code 2, never a traceback
    (set ``GOVPLANNER_DEBUG=1`` to see the traceback of an unexpected one)."""
    try:
        return run()
    except GovplannerError as exc:
        return commands.fail(exc)
    except BrokenPipeError:
        raise
    except OSError as exc:
        return commands.fail(GovplannerError(os_problem(exc)))
    except MemoryError:
        return commands.fail(GovplannerError("there is not enough memory for this input."))
    except RecursionError:
        return commands.fail(GovplannerError("the input is nested too deeply to read."))
    except Exception as exc:
        if os.environ.get("GOVPLANNER_DEBUG"):
            raise
        return commands.fail(GovplannerError(unexpected_problem(exc)))


def os_problem(exc: OSError) -> str:
    """An operating-system failure in plain words, naming the file."""
    name = exc.filename if isinstance(exc.filename, str) else None
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        reason = "the disk (or the temporary folder) is full"
    elif exc.errno == errno.EFBIG:
        reason = "the file grew larger than this system allows"
    elif exc.errno == errno.ENAMETOOLONG:
        reason = "the file name is too long for this file system"
    return f"{reason}: {name}" if name else f"{reason}."


def unexpected_problem(exc: Exception) -> str:
    text = " ".join(str(exc).split())[:300]
    if "ENOSPC" in text:
        return "the disk (or the temporary folder) is full, so the file could not be written."
    if "EFBIG" in text:
        return "the file grew larger than this system allows, so it could not be written."
    if isinstance(exc, ValueError) and "digits" in text:
        return f"a number in the input is too long to read ({text})."
    if isinstance(exc, OverflowError):
        return f"a date or number in the input is out of range ({text})."
    return (
        f"an unexpected problem ({type(exc).__name__}: {text}). Please report it; "
        "GOVPLANNER_DEBUG=1 shows the details."
    )


def _output_closed(stdout: TextIO) -> int:
    """The reader of our output went away (``govplanner check | head``): stop quietly."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stdout.fileno())  # nothing more reaches the closed pipe at exit
    print("govplanner: error: the output was closed before it was complete.", file=sys.stderr)
    return 2


#: Characters that could drive a terminal (ESC, BEL) or reorder text (bidi overrides).
_UNSAFE = {
    code: f"\\u{code:04x}"
    for code in [
        *range(0x00, 0x09),
        *range(0x0B, 0x20),
        *range(0x7F, 0xA0),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    ]
    if code != 0x0D
}
#: Whether a text holds any of them: one search, where a translation looks up every character.
_HAS_UNSAFE = re.compile("[" + "".join(f"\\u{code:04x}" for code in _UNSAFE) + "]").search


class SafeText:
    """A text stream that writes unsafe characters as ``\\uXXXX`` (still valid in JSON)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(text.translate(_UNSAFE) if _HAS_UNSAFE(text) else text)
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)
