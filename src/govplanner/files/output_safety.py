"""Checks before an export writes a file: never over its own input, a plan, or a folder.

An export's ``-o`` names a file to create or replace. Replacing the plan it was made from (or
any plan) with a workbook would lose the plan, so those targets are refused outright; any
other existing file is replaced only after a ``.bak`` copy of it is kept (see
:func:`govplanner.files.atomic.backups_kept`). A file govplanner has open for editing, in
this process or another, is never an export's target either, whatever its name.

The command line and the app's File ▸ Export both check here, and both write inside
:func:`export_writes`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from govplanner.domain.errors import GovplannerError

PLAN_SUFFIX = ".govplan"
#: Longest file name most file systems accept (bytes of UTF-8, as Linux and macOS count).
MAX_NAME_BYTES = 255


class OutputPathError(GovplannerError):
    """An output path an export must not write to; the message says why."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_name(path: Path) -> None:
    """Refuse a file name too long for the file system, before anything is written."""
    if len(path.name.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES:
        raise OutputPathError(
            f"The file name '{path.name[:40]}…' is {len(path.name)} characters long; "
            f"file names can be at most {MAX_NAME_BYTES} bytes. Choose a shorter name."
        )


def check_output_file(target: Path, inputs: Iterable[Path], *, what: str) -> Path:
    """Check that an export of ``what`` may write ``target``; return it with links resolved.

    Refused: one of ``inputs`` itself (also through a link), a ``.govplan`` file, a folder,
    and anything that is not a regular file (a device, a pipe).
    """
    check_name(target)
    for source in inputs:
        if target.exists() and _same_file(target, source):
            raise OutputPathError(
                f"{target} is the file the {what} is made from; writing it there would "
                "replace it. Choose another output file."
            )
    check_not_open(target)
    if target.name.lower().endswith(PLAN_SUFFIX):
        raise OutputPathError(
            f"{target.name} is a plan file name: the {what} is not a plan, so it is never "
            "written over one. Choose a name ending in the export's own extension."
        )
    if target.is_dir():
        raise OutputPathError(f"{target} is a folder, not a file. Give a file name.")
    if target.exists() and not target.is_file():
        raise OutputPathError(
            f"{target} is not an ordinary file (a device or a pipe); exports write only to "
            "ordinary files."
        )
    if target.parent.exists() and not target.parent.is_dir():
        raise OutputPathError(f"{target.parent} is a file, not a folder.")
    if not target.parent.exists():
        raise OutputPathError(f"The folder {target.parent} does not exist.")
    return Path(os.path.realpath(target))


def check_not_open(target: Path) -> None:
    """Refuse a file that govplanner has open for editing: its lock file names a holder that
    is still running (this process included), or one on another computer, which we cannot
    ask."""
    import socket

    from govplanner.files.lock import process_alive, read_owner

    owner = read_owner(target)
    if owner is None:
        return
    if owner.host == socket.gethostname() and not process_alive(owner.pid):
        return  # left behind by a program that has ended
    raise OutputPathError(
        f"{target.name} is open in govplanner by {owner.describe()}; an export never writes "
        "over a file that is open. Choose another output file."
    )


@contextlib.contextmanager
def export_writes() -> Iterator[None]:
    """Around an export's writing: a file it replaces keeps a ``.bak`` copy, and a workbook
    writer's temporary files go to a private folder removed at the end (even on failure).

    Enter it on the thread that writes: the ``.bak`` rule is a context variable, which a
    worker thread does not inherit.
    """
    from govplanner.files.atomic import backups_kept
    from govplanner.files.scratch import scratch_space

    with scratch_space(), backups_kept():
        yield


def check_output_folder(folder: Path, inputs: Iterable[Path], *, what: str) -> Path:
    """Check that ``folder`` may receive an export's files (it may not exist yet)."""
    check_name(folder)
    for source in inputs:
        if folder.exists() and _same_file(folder, source):
            raise OutputPathError(
                f"{folder} is the file the {what} are made from, not a folder. Give a folder."
            )
    if folder.exists() and not folder.is_dir():
        raise OutputPathError(f"{folder} is a file, not a folder. Give a folder.")
    return folder
